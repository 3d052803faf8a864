//! The cache is keyed by the code that made what it keeps (the build identity `build.rs` computes
//! from the sources): other extraction code extracts every article again, other rendering code
//! renders every page again, and neither reuses the record of the last build. Other code is
//! stood for by an injected identity ([`report::build_as`]).

mod common;

use std::collections::BTreeSet;

use common::TestProject;
use report::cache::Identity;

fn project(n: usize) -> TestProject {
    let p = TestProject::empty();
    for i in 1..=n {
        p.write(
            &format!("content/articles/a{i:04}.md"),
            &format!(
                "---\ntitle: Story {i}\nsource: Wire\npublished: 2024-03-{:02}\ntags: [t]\n---\nOfficials said on Monday that about {i},000 people had left since January.\n",
                1 + i % 28
            ),
        );
    }
    p.write(
        "content/briefings/b.md",
        "---\ntitle: B\ntags: [t]\n---\nText.\n",
    );
    p
}

fn build_as(p: &TestProject, identity: Identity) -> report::BuildOutcome {
    let outcome = report::build_as(
        &report::BuildOptions {
            root: p.root().to_path_buf(),
            out: None,
            build_date: None,
            cache: true,
            progress: None,
            force: false,
        },
        identity,
    )
    .unwrap();
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    outcome
}

/// The names of the claims cache's entries.
fn entries(p: &TestProject) -> BTreeSet<String> {
    std::fs::read_dir(p.root().join(".report-cache/claims"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

/// Every file of the site with its contents.
fn tree(p: &TestProject) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![p.site()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(p.site()).unwrap();
                files.push((rel.display().to_string(), std::fs::read(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

/// The inode of every page of articles and briefings: a page linked from the last build keeps
/// its inode, a page rendered again gets a new one.
#[cfg(unix)]
fn page_inodes(p: &TestProject) -> Vec<(String, u64)> {
    let mut pages = Vec::new();
    for folder in ["articles", "briefings"] {
        for entry in std::fs::read_dir(p.site().join(folder)).unwrap() {
            let entry = entry.unwrap();
            // Pages only: a briefing's data exports sit beside its page.
            if !entry.file_name().to_string_lossy().ends_with(".html") {
                continue;
            }
            let ino = std::os::unix::fs::MetadataExt::ino(&entry.metadata().unwrap());
            pages.push((entry.file_name().to_string_lossy().into_owned(), ino));
        }
    }
    pages.sort();
    assert!(pages.len() > 10, "{pages:?}");
    pages
}

const OTHER: &str = "00000000000000ff";

#[test]
fn other_extraction_code_extracts_every_article_again() {
    let p = project(20);
    let first = build_as(&p, Identity::COMPILED);
    assert_eq!((first.articles, first.cached), (20, 0));
    let site = tree(&p);
    let before = entries(&p);
    assert_eq!(before.len(), 20);
    // The same code with an edited article: every other article's claims are reused.
    p.write(
        "content/articles/a0003.md",
        "---\ntitle: Story 3\nsource: Wire\npublished: 2024-03-04\ntags: [t]\n---\nOfficials said on Monday that about 9,999 people had left since January.\n",
    );
    let edited = build_as(&p, Identity::COMPILED);
    assert_eq!(edited.cached, 19);
    let edited_site = tree(&p);
    let before = entries(&p);
    // Other extraction code: no entry is reused, every article is extracted again, the stale
    // entries are removed, and (the code being in truth the same) the site is the same.
    let changed = Identity {
        extraction: OTHER,
        ..Identity::COMPILED
    };
    let rebuilt = build_as(&p, changed);
    assert!(
        !rebuilt.up_to_date,
        "the record of the last build is not reused"
    );
    assert_eq!((rebuilt.articles, rebuilt.cached), (20, 0));
    let after = entries(&p);
    assert_eq!(after.len(), 20);
    assert!(after.is_disjoint(&before), "{before:?} {after:?}");
    assert_eq!(tree(&p), edited_site);
    assert_ne!(edited_site, site);
    // And back: the entries of the compiled code were removed, so everything is extracted again.
    assert_eq!(build_as(&p, Identity::COMPILED).cached, 0);
    assert!(build_as(&p, Identity::COMPILED).up_to_date);
}

#[test]
fn other_rendering_code_renders_every_page_again_without_extracting() {
    let p = project(20);
    build_as(&p, Identity::COMPILED);
    let site = tree(&p);
    let entries_before = entries(&p);
    assert!(build_as(&p, Identity::COMPILED).up_to_date);
    #[cfg(unix)]
    let inodes = page_inodes(&p);
    // Other rendering code: the build runs, every claim comes from the cache, and no page is
    // linked from the last build.
    let changed = Identity {
        rendering: OTHER,
        ..Identity::COMPILED
    };
    let rebuilt = build_as(&p, changed);
    assert!(!rebuilt.up_to_date && rebuilt.written);
    assert_eq!((rebuilt.articles, rebuilt.cached), (20, 20));
    assert_eq!(entries(&p), entries_before);
    assert_eq!(tree(&p), site);
    #[cfg(unix)]
    {
        let now = page_inodes(&p);
        for ((page, was), (_, is)) in inodes.iter().zip(&now) {
            assert_ne!(
                was, is,
                "{page} was linked from the last build, not rendered"
            );
        }
        // The control: with the same code, a build after an edit links the other pages.
        p.write(
            "content/articles/a0005.md",
            "---\ntitle: Story 5\nsource: Wire\npublished: 2024-03-06\ntags: [t]\n---\nOfficials said on Monday that about 7,777 people had left since January.\n",
        );
        let edited = build_as(&p, changed);
        assert_eq!(edited.cached, 19);
        let after_edit = page_inodes(&p);
        let kept = now
            .iter()
            .zip(&after_edit)
            .filter(|((_, was), (_, is))| was == is)
            .count();
        assert!(kept >= now.len() - 3, "{kept} of {} pages kept", now.len());
    }
}

#[test]
fn a_build_with_a_warning_records_its_pages_but_not_what_it_read() {
    // One record per output folder: the page keys of every published build, and what it read
    // and wrote only when it had no diagnostic (so that the next build shows the warning again).
    let p = project(12);
    p.write(
        "content/briefings/empty.md",
        "---\ntitle: Empty\ntags: [nothing-has-this]\n---\nText.\n",
    );
    let build = || {
        report::build(&report::BuildOptions {
            root: p.root().to_path_buf(),
            out: None,
            build_date: None,
            cache: true,
            progress: None,
            force: false,
        })
        .unwrap()
    };
    let first = build();
    assert!(first.written && !first.diagnostics.is_empty());
    #[cfg(unix)]
    let inodes = page_inodes(&p);
    let again = build();
    assert!(!again.up_to_date && again.diagnostics == first.diagnostics);
    assert_eq!(again.cached, 12);
    #[cfg(unix)]
    assert_eq!(
        page_inodes(&p),
        inodes,
        "every page is linked from the last build"
    );
    let records: Vec<String> = std::fs::read_dir(p.root().join(".report-cache"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("build-") || n.starts_with("pages-"))
        .collect();
    assert_eq!(records.len(), 1, "{records:?}");
}
