//! Publishing: a build killed at any moment leaves the previous site byte for byte, or the new
//! one whole, never a mix; the next build cleans up what the killed one left. Builds are
//! byte-identical whatever the time zone, locale or order in which files were created.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::{TestProject, many_articles, tree};

fn build(root: &Path, out: Option<&Path>) -> std::process::Child {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_report"));
    cmd.arg("build").arg("--root").arg(root);
    if let Some(out) = out {
        cmd.arg("--out").arg(out);
    }
    cmd.stderr(std::process::Stdio::null()).spawn().unwrap()
}

fn leftovers(root: &Path) -> Vec<String> {
    std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".site."))
        .collect()
}

#[test]
fn a_killed_build_leaves_the_old_site_or_the_new_one_never_a_mix() {
    let p = TestProject::empty();
    many_articles(&p, 300);
    // The two sites the builds alternate between, built once into reference folders.
    let reference = tempfile::tempdir().unwrap();
    let mut sites = Vec::new();
    for (k, title) in ["Site A", "Site B"].iter().enumerate() {
        p.write("report.yaml", &format!("title: {title}\n"));
        let out = reference.path().join(format!("ref{k}"));
        assert!(build(p.root(), Some(&out)).wait().unwrap().success());
        sites.push(tree(&out));
    }
    assert_ne!(sites[0], sites[1]);
    p.write("report.yaml", "title: Site A\n");
    assert!(build(p.root(), None).wait().unwrap().success());
    let mut current = 0;
    let mut kills_mid_build = 0;
    for attempt in 0..12u64 {
        let next = 1 - current;
        p.write(
            "report.yaml",
            &format!("title: Site {}\n", ["A", "B"][next]),
        );
        let mut child = build(p.root(), None);
        std::thread::sleep(Duration::from_millis(15 * attempt));
        let finished = child.try_wait().unwrap().is_some();
        child.kill().ok();
        child.wait().unwrap();
        if !finished {
            kills_mid_build += 1;
        }
        let now = tree(&p.site());
        assert!(
            now == sites[current] || now == sites[next],
            "attempt {attempt}: the site is neither the old one nor the new one"
        );
        // The next complete build removes what the killed one left.
        assert!(build(p.root(), None).wait().unwrap().success());
        assert_eq!(tree(&p.site()), sites[next]);
        assert!(leftovers(p.root()).is_empty(), "{:?}", leftovers(p.root()));
        current = next;
    }
    assert!(
        kills_mid_build > 0,
        "no build was killed while running; the test proved nothing"
    );
}

#[test]
fn builds_are_byte_identical_across_time_zones_locales_thread_counts_and_file_order() {
    let a = TestProject::empty();
    let b = TestProject::empty();
    let files: Vec<(String, String)> = (0..20)
        .map(|i| {
            (
                format!("content/articles/s{i:02}.md"),
                format!("---\ntitle: S{i}\nsource: W\npublished: 2024-0{}-1{}\ntags: [t]\n---\nThe agency said on Friday that {i}00 homes were damaged last month.\n", 1 + i % 9, i % 10),
            )
        })
        .collect();
    for (path, text) in &files {
        a.write(path, text);
    }
    for (path, text) in files.iter().rev() {
        b.write(path, text);
    }
    for p in [&a, &b] {
        p.write(
            "content/briefings/b.md",
            "---\ntitle: B\ntags: [t]\n---\nText.\n",
        );
    }
    let run = |p: &TestProject, tz: &str, lang: &str, threads: &str| {
        let ok = Command::new(env!("CARGO_BIN_EXE_report"))
            .arg("build")
            .current_dir(p.root())
            .env("RAYON_NUM_THREADS", threads)
            .env("TZ", tz)
            .env("LANG", lang)
            .env("LC_ALL", lang)
            .env_remove("SOURCE_DATE_EPOCH")
            .status()
            .unwrap()
            .success();
        assert!(ok);
        tree(&p.site())
    };
    let first = run(&a, "UTC", "C", "1");
    assert_eq!(first, run(&a, "Pacific/Kiritimati", "de_DE.UTF-8", "2"));
    assert_eq!(first, run(&b, "America/Los_Angeles", "tr_TR.UTF-8", "7"));
}

#[test]
fn a_cached_build_equals_a_fresh_one_and_sees_edits() {
    let p = TestProject::empty();
    many_articles(&p, 30);
    let cached = |p: &TestProject| {
        assert!(build(p.root(), None).wait().unwrap().success());
        tree(&p.site())
    };
    let cold = cached(&p);
    assert_eq!(
        std::fs::read_dir(p.root().join(".report-cache/claims"))
            .unwrap()
            .count(),
        30
    );
    assert_eq!(cold, cached(&p), "a warm build must give the same bytes");
    assert_eq!(cold, fresh_site(&p));
    // Edit one article: the cache must not hide the change, and only the pages that depend on it
    // are rendered again (the others are the previous files, linked into the new output).
    #[cfg(unix)]
    let inode = |rel: &str| {
        std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(p.site().join(rel)).unwrap())
    };
    #[cfg(unix)]
    let (untouched_before, edited_before) =
        (inode("articles/a0001.html"), inode("articles/a0007.html"));
    p.write(
        "content/articles/a0007.md",
        "---\ntitle: Story 7\nsource: Wire\npublished: 2024-03-08\ntags: [t]\n---\nOfficials said on Monday that about 9,999 people had left since January.\n",
    );
    let edited = cached(&p);
    assert!(String::from_utf8_lossy(&edited["articles/a0007.html"]).contains("9,999"));
    #[cfg(unix)]
    {
        assert_eq!(
            inode("articles/a0001.html"),
            untouched_before,
            "an unchanged page is reused"
        );
        assert_ne!(
            inode("articles/a0007.html"),
            edited_before,
            "the edited page is rendered again"
        );
    }
    assert_eq!(edited, fresh_site(&p));
    // A corrupt entry is rebuilt, not trusted; stale entries are pruned. (With nothing changed,
    // a build would stop before reading the cache: its record is removed to make it run.)
    for entry in std::fs::read_dir(p.root().join(".report-cache/claims")).unwrap() {
        std::fs::write(entry.unwrap().path(), b"not an entry").unwrap();
    }
    for entry in std::fs::read_dir(p.root().join(".report-cache")).unwrap() {
        let path = entry.unwrap().path();
        if path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("build-")
        {
            std::fs::remove_file(path).unwrap();
        }
    }
    assert_eq!(cached(&p), edited);
    for entry in std::fs::read_dir(p.root().join(".report-cache/claims")).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        assert!(
            bytes.starts_with(b"rptclm03"),
            "a corrupt entry is rewritten"
        );
    }
    assert_eq!(
        std::fs::read_dir(p.root().join(".report-cache/claims"))
            .unwrap()
            .count(),
        30
    );
}

fn build_cached(p: &TestProject) -> report::BuildOutcome {
    p.build_with(true)
}

#[test]
fn a_build_with_nothing_changed_stops_early_unless_the_output_was_touched() {
    let p = TestProject::example();
    let first = build_cached(&p);
    assert!(first.written && !first.up_to_date);
    let site = tree(&p.site());
    let again = build_cached(&p);
    assert!(again.up_to_date && !again.written, "{again:?}");
    assert_eq!(
        (again.articles, again.claims, again.files),
        (first.articles, first.claims, first.files)
    );
    assert_eq!(tree(&p.site()), site);
    // A file of the output removed or changed: the build runs and puts it back.
    std::fs::remove_file(p.site().join("claims/2024-03.json")).unwrap();
    assert!(!build_cached(&p).up_to_date);
    assert_eq!(tree(&p.site()), site);
    std::fs::write(p.site().join("index.html"), "defaced").unwrap();
    assert!(!build_cached(&p).up_to_date);
    assert_eq!(tree(&p.site()), site);
    assert!(build_cached(&p).up_to_date);
    // An input changed, added or removed: the build runs.
    p.write(
        "content/articles/new.md",
        "---\ntitle: New\nsource: Wire\npublished: 2024-05-02\n---\nOfficials said on 1 May 2024 that 40 trucks were seized.\n",
    );
    let added = build_cached(&p);
    assert!(!added.up_to_date && added.articles == first.articles + 1);
    p.write("templates/extra.txt", "{{ site.title }}");
    assert!(!build_cached(&p).up_to_date);
    assert_eq!(p.read_site("extra.txt"), "Arms transfers monitor");
    std::fs::remove_file(p.root().join("templates/extra.txt")).unwrap();
    assert!(!build_cached(&p).up_to_date);
    assert!(!p.site().join("extra.txt").exists());
    p.write("report.yaml", "title: Renamed\n");
    assert!(!build_cached(&p).up_to_date);
    assert!(p.read_site("index.html").contains("Renamed"));
    // A build with a warning is not recorded: the next one runs and shows it again.
    p.write(
        "content/briefings/empty.md",
        "---\ntitle: Empty\ntags: [nothing-has-this]\n---\nText.\n",
    );
    let warned = build_cached(&p);
    assert!(!warned.diagnostics.is_empty());
    let again = build_cached(&p);
    assert!(!again.up_to_date && again.diagnostics == warned.diagnostics);
    // Without the cache, every build runs.
    std::fs::remove_file(p.root().join("content/briefings/empty.md")).unwrap();
    assert!(!build_cached(&p).up_to_date);
    assert!(build_cached(&p).up_to_date);
    assert!(!p.build().up_to_date, "--no-cache");
}

/// The site a build without the cache makes of `p`, in a folder of its own.
fn fresh_site(p: &TestProject) -> BTreeMap<String, Vec<u8>> {
    let out = tempfile::tempdir().unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_report"))
        .args(["build", "--no-cache", "--out"])
        .arg(out.path().join("site"))
        .current_dir(p.root())
        .status()
        .unwrap();
    assert!(status.success());
    tree(&out.path().join("site"))
}

#[test]
fn after_an_edit_the_exports_link_what_did_not_change_and_equal_a_fresh_build() {
    let p = TestProject::empty();
    many_articles(&p, 30);
    p.write(
        "content/articles/april.md",
        "---\ntitle: April story\nsource: Wire\npublished: 2024-04-02\ntags: [u]\n---\nOfficials said on Monday that about 4,444 people had left since January.\n",
    );
    p.write(
        "content/briefings/u.md",
        "---\ntitle: U\ntags: [u]\n---\nText.\n",
    );
    let first = build_cached(&p);
    assert!(first.written);
    #[cfg(unix)]
    let inode = |rel: &str| {
        std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(p.site().join(rel)).unwrap())
    };
    // The files of the data exports that the edit does not reach: April's month, the exports
    // of the briefing that does not cover the edited article, and the search index's documents
    // (the edit changes no title). Its terms change: the article loses a speaker ('the
    // ministry').
    let untouched = [
        "search/docs/0.json",
        "search/docs/1.json",
        "claims/2024-04.json",
        "figures/2024-04.csv",
        "briefings/u.figures.csv",
        "briefings/u.chronology.ics",
        "briefings/u.timeline.json",
    ];
    let touched = [
        "search/terms/0.json",
        "claims/2024-03.json",
        "claims/index.json",
        "figures/2024-03.csv",
        "briefings/b.figures.csv",
        "briefings/b.chronology.ics",
        "briefings/b.timeline.json",
    ];
    #[cfg(unix)]
    let before: Vec<u64> = untouched.iter().chain(&touched).map(|f| inode(f)).collect();
    p.write(
        "content/articles/a0007.md",
        "---\ntitle: Story 7\nsource: Wire\npublished: 2024-03-08\ntags: [t]\n---\nOfficials said on Monday that about 9,999 people had left since January.\n",
    );
    build_cached(&p);
    #[cfg(unix)]
    {
        let after: Vec<u64> = untouched.iter().chain(&touched).map(|f| inode(f)).collect();
        let (same, changed) = after.split_at(untouched.len());
        assert_eq!(
            same,
            &before[..untouched.len()],
            "linked from the last build"
        );
        for (file, (a, b)) in touched
            .iter()
            .zip(changed.iter().zip(&before[untouched.len()..]))
        {
            assert_ne!(a, b, "{file} written again");
        }
    }
    let site = tree(&p.site());
    assert!(String::from_utf8_lossy(&site["claims/2024-03.json"]).contains("9,999"));
    assert!(String::from_utf8_lossy(&site["briefings/b.figures.csv"]).contains("9,999"));
    assert_eq!(site, fresh_site(&p));
    // An edited title changes the search files that hold it, and only those.
    p.write(
        "content/articles/a0008.md",
        "---\ntitle: Story 8 zanzibar\nsource: Wire\npublished: 2024-03-09\ntags: [t]\n---\nOfficials said on Monday that about 8,888 people had left since January.\n",
    );
    build_cached(&p);
    let site = tree(&p.site());
    assert!(
        site.iter()
            .any(|(path, bytes)| path.starts_with("search/docs/")
                && String::from_utf8_lossy(bytes).contains("Story 8 zanzibar"))
    );
    assert_eq!(site, fresh_site(&p));
}

#[test]
fn the_files_of_a_split_export_are_linked_when_unchanged_and_equal_a_fresh_build() {
    let p = TestProject::empty();
    many_articles(&p, 60);
    p.write("report.yaml", "max_export_size: 8 KB\n");
    assert!(build_cached(&p).written);
    // The parts of the split files: the briefing's figures and the month's claims and figures.
    let parts = |site: &BTreeMap<String, Vec<u8>>| -> Vec<String> {
        site.keys()
            .filter(|path| {
                path.starts_with("briefings/b.figures-")
                    || path.starts_with("claims/2024-03-")
                    || path.starts_with("figures/2024-03-")
            })
            .cloned()
            .collect()
    };
    let before = tree(&p.site());
    let split = parts(&before);
    assert!(split.len() > 6, "{split:?}");
    #[cfg(unix)]
    let inode = |rel: &str| {
        std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(p.site().join(rel)).unwrap())
    };
    #[cfg(unix)]
    let inodes: Vec<u64> = split.iter().map(|f| inode(f)).collect();
    // A figure changed, and no length: every file keeps its rows and articles.
    p.write(
        "content/articles/a0007.md",
        &std::fs::read_to_string(p.root().join("content/articles/a0007.md"))
            .unwrap()
            .replace("7,000", "9,999"),
    );
    build_cached(&p);
    let after = tree(&p.site());
    assert_eq!(parts(&after), split, "the same files");
    let changed: Vec<&String> = split.iter().filter(|f| before[*f] != after[*f]).collect();
    assert_eq!(changed.len(), 3, "one file of each export: {changed:?}");
    // A file holding none of the edited article's claims is linked from the last build.
    #[cfg(unix)]
    for (file, was) in split.iter().zip(&inodes) {
        let holds = String::from_utf8_lossy(&after[file]).contains("a0007");
        if changed.contains(&file) {
            assert!(holds, "{file}");
            assert_ne!(inode(file), *was, "{file} written again");
        } else if !holds {
            assert_eq!(inode(file), *was, "{file} linked from the last build");
        }
    }
    assert_eq!(after, fresh_site(&p));
    // An edit that moves where files end: still what a fresh build makes.
    p.write(
        "content/articles/a0003.md",
        "---\ntitle: Story 3\nsource: Wire\npublished: 2024-03-04\ntags: [t]\n---\nOfficials said on Monday that about 3,000 people had left since January, and that 2,000 more were expected to follow them within the week.\n",
    );
    build_cached(&p);
    assert_eq!(tree(&p.site()), fresh_site(&p));
}

#[test]
fn a_period_page_is_rendered_again_exactly_when_one_of_its_entries_changes() {
    let p = TestProject::empty();
    p.write("report.yaml", "title: T\nchronology_on_one_page: 1\n");
    let article = |i: usize, title: &str, said: &str| {
        format!(
            "---\ntitle: {title}\nsource: Wire\npublished: 2024-03-0{}\ntags: [t]\n---\n\
             The port {said} its gates in {} 2023.\n",
            i + 1,
            ["January", "April", "July"][i]
        )
    };
    for i in 0..3 {
        p.write(
            &format!("content/articles/a{i}.md"),
            &article(i, &format!("Story {i}"), "closed"),
        );
    }
    p.write(
        "content/briefings/b.md",
        "---\ntitle: B\ntags: [t]\n---\nText.\n",
    );
    assert!(build_cached(&p).written);
    #[cfg(unix)]
    let inode = |rel: &str| {
        std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(p.site().join(rel)).unwrap())
    };
    #[cfg(unix)]
    let before = [
        inode("chronology/2023-01.html"),
        inode("chronology/2023-04.html"),
    ];
    // The entry's sentence changes, then only its article's title: both are shown on the
    // period's page, and neither moves the entry.
    for (title, said) in [("Story 1", "opened"), ("Harbour story", "opened")] {
        p.write("content/articles/a1.md", &article(1, title, said));
        assert!(build_cached(&p).written);
        let page = p.read_site("chronology/2023-04.html");
        assert!(
            page.contains(&format!("The port {said} its gates")),
            "{page}"
        );
        assert!(page.contains(title), "{page}");
        assert_eq!(tree(&p.site()), fresh_site(&p));
    }
    #[cfg(unix)]
    {
        assert_eq!(
            inode("chronology/2023-01.html"),
            before[0],
            "a period none of whose entries changed is reused"
        );
        assert_ne!(inode("chronology/2023-04.html"), before[1]);
    }
}
