//! Benchmarks of the pipeline's stages on generated news articles: extraction throughput
//! (articles and bytes per second, one core) and rendering of a whole project in memory.
//!
//! `cargo bench --bench pipeline`. The corpus is made here, deterministically, so the bench needs
//! nothing outside the repository.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// A wire-style article with figures, qualifiers, speakers and relative dates.
fn article(i: usize) -> String {
    let places = ["Seoul", "Kyiv", "Gaza", "Taipei", "Caracas"];
    let place = places[i % places.len()];
    format!(
        "---\ntitle: Story {i}\nsource: AFP\npublished: 2024-03-{:02}\ntags: [t{}]\n---\n\
         {place} officials said on Monday that around {},000 people had fled since last July, \
         the defence minister told reporters.\n\n\
         “The number of shelters has increased by {} to reach more than {} in total,” Minister \
         Ana Ruiz said at a briefing on Tuesday.\n\n\
         The United Nations said in October 2023 that $1.{} billion was needed, and aid groups \
         warned the following month that 45 percent of households lacked food.\n\n\
         Prices rose 12% in the first quarter, according to the central bank, which expects a \
         further 300 job losses next year.\n",
        1 + i % 28,
        i % 10,
        3 + i % 7,
        100 + i % 50,
        1_000 + i,
        i % 10
    )
}

fn extraction(c: &mut Criterion) {
    let texts: Vec<String> = (0..200).map(article).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Elements(texts.len() as u64));
    group.bench_function("200 articles (articles/s)", |b| {
        b.iter(|| {
            for (i, t) in texts.iter().enumerate() {
                let path = format!("content/articles/a{i}.md");
                black_box(report::extract_text(Path::new(&path), t.clone(), None).ok());
            }
        })
    });
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("200 articles (bytes/s)", |b| {
        b.iter(|| {
            for (i, t) in texts.iter().enumerate() {
                let path = format!("content/articles/a{i}.md");
                black_box(report::extract_text(Path::new(&path), t.clone(), None).ok());
            }
        })
    });
    group.finish();
}

fn build(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    std::fs::create_dir_all(root.join("content/articles")).expect("mkdir");
    std::fs::create_dir_all(root.join("content/briefings")).expect("mkdir");
    for i in 0..200 {
        std::fs::write(
            root.join(format!("content/articles/a{i:03}.md")),
            article(i),
        )
        .expect("write");
    }
    for t in 0..10 {
        std::fs::write(
            root.join(format!("content/briefings/t{t}.md")),
            format!("---\ntitle: Topic {t}\ntags: [t{t}]\n---\nNotes.\n"),
        )
        .expect("write");
    }
    let options = report::BuildOptions {
        root: root.to_path_buf(),
        out: None,
        build_date: None,
        cache: false,
        progress: None,
        force: false,
    };
    let mut group = c.benchmark_group("check");
    group.throughput(Throughput::Elements(200));
    group.sample_size(10);
    group.bench_function(
        "200 articles, 10 briefings: load, extract, assemble, render",
        |b| b.iter(|| black_box(report::check(&options).expect("check"))),
    );
    group.finish();
}

criterion_group!(benches, extraction, build);
criterion_main!(benches);
