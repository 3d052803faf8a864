//! The search index (`search/`): split into small files, replaced by a project template of its
//! name, and read by the site's own script (run under Node against the built files).

mod common;

use std::path::Path;
use std::process::Command;

use common::{TestProject, tree};

/// Runs `tests/support/search-query.cjs` on the built site: what the page's script finds for
/// `query`, and what it loaded.
fn query(site: &Path, query: &str) -> serde_json::Value {
    let out = Command::new("node")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/search-query.cjs"))
        .arg(site)
        .arg(query)
        .output()
        .expect("node runs the search script (Node.js is on the project's machines)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// `n` articles whose titles mix words of a small vocabulary with a word of their own, in 40
/// briefings' tags, spread over two years. Returns each article's title and tags.
fn corpus(p: &TestProject, n: usize) -> Vec<String> {
    let mut searchable = Vec::new();
    const WORDS: [&str; 16] = [
        "grain",
        "exports",
        "rise",
        "port",
        "talks",
        "minister",
        "ceasefire",
        "inflation",
        "rates",
        "flood",
        "aid",
        "harvest",
        "tariffs",
        "drought",
        "election",
        "strike",
    ];
    for i in 0..n {
        let w = |k: usize| WORDS[(i * 7 + k * 5 + i / 16) % WORDS.len()];
        searchable.push(format!(
            "{} {} {} town{i} t{} {}",
            w(0),
            w(1),
            w(2),
            i % 40,
            w(3)
        ));
        p.write(
            &format!("content/articles/a{i:05}.md"),
            &format!(
                "---\ntitle: {} {} {} in town{i}\nsource: Wire\npublished: {}-{:02}-{:02}\ntags: [t{}, {}]\n---\n\
                 Officials said on Monday that about {i},000 people had left since January.\n",
                w(0),
                w(1),
                w(2),
                2023 + i % 2,
                1 + i % 12,
                1 + i % 28,
                i % 40,
                w(3),
            ),
        );
    }
    // Titles past ASCII, so that the script and the writer must split and order them alike.
    for (i, title) in [
        "São Paulo floods: Überschwemmung in Köln",
        "서울 exports rise",
        "ｆｕｌｌｗｉｄｔｈ tariffs and 𝕕𝕠𝕦𝕓𝕝𝕖 talks",
    ]
    .iter()
    .enumerate()
    {
        searchable.push(title.to_lowercase());
        p.write(
            &format!("content/articles/u{i}.md"),
            &format!(
                "---\ntitle: \"{title}\"\nsource: Wire\npublished: 2022-01-0{}\ntags: [t1]\n---\n\
                 Officials said on Monday that about 5,000 people had left since January.\n",
                i + 1
            ),
        );
    }
    for t in 0..40 {
        p.write(
            &format!("content/briefings/t{t}.md"),
            &format!("---\ntitle: Topic {t}\ntags: [t{t}]\n---\nText.\n"),
        );
    }
    searchable
}

/// At 1,500 articles the index is split: several shards of terms and many documents files,
/// each under its bound, and no file holds the whole index. The page's script finds an
/// article by a word of its title, loading a few of them.
#[test]
fn the_index_is_split_into_small_files_and_the_script_finds_an_article_by_its_title() {
    let p = TestProject::empty();
    let searchable = corpus(&p, 1500);
    let outcome = p.build();
    assert!(outcome.written, "{:?}", outcome.diagnostics);
    let site = tree(&p.site());
    let search: Vec<(&String, usize)> = site
        .iter()
        .filter(|(path, _)| path.starts_with("search/"))
        .map(|(path, bytes)| (path, bytes.len()))
        .collect();
    let shards = search
        .iter()
        .filter(|(p, _)| p.starts_with("search/terms/"))
        .count();
    let docs = search
        .iter()
        .filter(|(p, _)| p.starts_with("search/docs/"))
        .count();
    let total: usize = search.iter().map(|(_, n)| n).sum();
    assert!(shards >= 3, "{search:?}");
    assert_eq!(
        docs,
        (1500usize + 3 + 40).div_ceil(report::render::search::DOCS_PER_FILE)
    );
    for (path, bytes) in &search {
        assert!(
            *bytes <= report::render::search::SHARD_BYTES,
            "{path}: {bytes} bytes"
        );
        assert!(*bytes < total / 3, "{path}: {bytes} of {total} bytes");
    }

    // A word only one title has.
    let found = query(&p.site(), "town1234");
    assert_eq!(found["count"], 1, "{found}");
    assert_eq!(found["docs"][0]["u"], "articles/a01234.html");
    assert!(site.contains_key("articles/a01234.html"));
    // Two words: the articles with both in their title or tags, newest first among equals.
    let found = query(&p.site(), "grain minister");
    let both = searchable
        .iter()
        .filter(|s| s.split(' ').any(|w| w == "grain") && s.split(' ').any(|w| w == "minister"))
        .count();
    assert!(both > 10, "{both}");
    assert_eq!(found["count"], both, "{found}");
    assert_eq!(found["docs"].as_array().unwrap().len(), 20);
    for d in found["docs"].as_array().unwrap() {
        let t = d["t"].as_str().unwrap();
        assert!(t.contains("grain") && t.contains("minister"), "{d}");
    }
    // The start of a word (as typed) finds the whole word; a briefing by its name.
    let found = query(&p.site(), "town123");
    assert!(
        found["docs"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["u"] == "articles/a01234.html"),
        "{found}"
    );
    let found = query(&p.site(), "topic 17 ");
    assert_eq!(found["docs"][0]["u"], "briefings/t17.html", "{found}");
    // What a query loads: the manifest, a shard per word and the documents files of the
    // results shown, a small part of the index.
    let found = query(&p.site(), "minister");
    let bytes = found["bytes"].as_u64().unwrap() as usize;
    assert!(bytes < total / 2, "{bytes} of {total}");
    let files: Vec<&str> = found["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f[0].as_str().unwrap())
        .collect();
    assert_eq!(files[0], "search/index.json");
    assert_eq!(
        files
            .iter()
            .filter(|f| f.starts_with("search/terms/"))
            .count(),
        1,
        "{files:?}"
    );
    // Only the first six words are searched: a seventh that no title has changes nothing.
    let found = query(
        &p.site(),
        "grain minister grain minister grain minister zanzibar",
    );
    assert_eq!(found["count"], both, "{found}");
    // Words past ASCII, as typed (capitals, part of a word).
    for (words, slug) in [
        ("SÃO paulo", "u0"),
        ("überschw", "u0"),
        ("서울", "u1"),
        ("ＦＵＬＬＷＩＤＴＨ", "u2"),
        ("𝕕𝕠𝕦", "u2"),
    ] {
        let found = query(&p.site(), words);
        assert_eq!(found["count"], 1, "{words}: {found}");
        assert_eq!(
            found["docs"][0]["u"],
            format!("articles/{slug}.html"),
            "{words}"
        );
    }
    // The script looks every term up in the shard that holds it.
    let out = Command::new("node")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/search-shards.cjs"))
        .arg(p.site())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let checked: usize = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
    assert!(checked > 1500, "{checked}");
    // A word no title has.
    assert_eq!(query(&p.site(), "zanzibar")["count"], 0);
}

/// A project template named `search/index.json` replaces the writer: its output is the
/// template's, and the writer's shards and documents are not written.
#[test]
fn a_project_template_replaces_the_search_writer() {
    let p = TestProject::example();
    p.build();
    assert!(p.site().join("search/terms/0.json").is_file());
    p.write(
        "templates/search/index.json",
        "{\"articles\": [{% for a in articles %}{{ a.title | json_encode() | safe }}{% if not loop.last %}, {% endif %}{% endfor %}]}\n",
    );
    let outcome = p.build();
    assert!(outcome.written, "{:?}", outcome.diagnostics);
    let index: serde_json::Value = serde_json::from_str(&p.read_site("search/index.json")).unwrap();
    assert_eq!(index["articles"].as_array().unwrap().len(), 1);
    assert!(!p.site().join("search/terms").exists());
    assert!(!p.site().join("search/docs").exists());
}
