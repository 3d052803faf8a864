//! Builds never lose data: two builds at once publish one complete site, an output folder that
//! no build wrote is not replaced, a cache folder that is or holds a link is refused, and a
//! leftover that cannot be removed does not fail the next build.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{TestProject, many_articles, report, tree};

fn spawn_build(root: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_report"))
        .args(["build", "--root"])
        .arg(root)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// The site a `--no-cache` build of `p` writes into `out`, which it must write successfully.
fn clean_build(p: &TestProject, out: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let status = Command::new(env!("CARGO_BIN_EXE_report"))
        .args(["build", "--no-cache", "--quiet", "--out"])
        .arg(out)
        .current_dir(p.root())
        .status()
        .unwrap();
    assert!(status.success());
    tree(out)
}

#[test]
fn two_builds_at_once_publish_one_complete_site() {
    let p = TestProject::empty();
    many_articles(&p, 400);
    let reference = tempfile::tempdir().unwrap();
    let complete = clean_build(&p, &reference.path().join("site"));
    let mut waited = 0;
    for round in 0..6u64 {
        // A change, so that neither build finds the site up to date.
        p.write("report.yaml", &format!("title: Round {round}\n"));
        let complete_now = clean_build(&p, &reference.path().join("site"));
        let first = spawn_build(p.root());
        std::thread::sleep(Duration::from_millis(40 * round));
        let second = spawn_build(p.root());
        let a = first.wait_with_output().unwrap();
        let b = second.wait_with_output().unwrap();
        assert!(a.status.success() && b.status.success(), "round {round}");
        let stderr =
            String::from_utf8_lossy(&a.stderr).into_owned() + &String::from_utf8_lossy(&b.stderr);
        if stderr.contains("another build of this project is running (pid ") {
            waited += 1;
        }
        assert!(
            tree(&p.site()) == complete_now,
            "round {round}: the site is not complete"
        );
        let names: Vec<_> = std::fs::read_dir(p.root())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".site."))
            .collect();
        assert!(names.is_empty(), "round {round}: leftovers {names:?}");
    }
    assert_ne!(complete.len(), 0);
    assert!(
        waited > 0,
        "no build ever waited for another: the test proved nothing"
    );
}

#[test]
fn an_output_folder_no_build_wrote_is_kept_unless_forced() {
    let p = TestProject::example();
    let elsewhere = tempfile::tempdir().unwrap();
    let work = elsewhere.path().join("work");
    std::fs::create_dir_all(&work).unwrap();
    std::fs::write(work.join("notes.txt"), "months of notes").unwrap();
    let root = p.root().to_str().unwrap();
    for command in ["build", "check"] {
        let (code, _, err) = report(
            &[command, "--root", root, "--out", work.to_str().unwrap()],
            p.root(),
        );
        assert_eq!(code, 1, "{command}: {err}");
        assert!(
            err.contains("--force") && err.contains("work"),
            "{command}: {err}"
        );
        assert_eq!(
            std::fs::read_to_string(work.join("notes.txt")).unwrap(),
            "months of notes"
        );
    }
    // The same through `output:` in a cloned project's report.yaml.
    let yaml = std::fs::read_to_string(p.root().join("report.yaml")).unwrap_or_default();
    p.write(
        "report.yaml",
        &format!("{yaml}\noutput: {}\n", work.display()),
    );
    let (code, _, err) = report(&["build", "--root", root], p.root());
    assert_eq!(code, 1, "{err}");
    assert!(work.join("notes.txt").exists());
    p.write("report.yaml", &yaml);
    // The config file, the repository and the project itself are never an output.
    p.write(".git/HEAD", "ref: refs/heads/main\n");
    for out in ["report.yaml", ".git", "."] {
        let (code, _, err) = report(
            &["build", "--root", root, "--out", out, "--force"],
            p.root(),
        );
        assert_eq!(code, 1, "--out {out}: {err}");
        assert!(err.contains("refusing"), "{err}");
    }
    assert_eq!(
        std::fs::read_to_string(p.root().join(".git/HEAD")).unwrap(),
        "ref: refs/heads/main\n"
    );
    assert!(p.root().join("report.yaml").exists() || yaml.is_empty());
    // With --force the folder is replaced; from then on it carries the marker and needs no flag.
    let (code, _, err) = report(
        &[
            "build",
            "--root",
            root,
            "--out",
            work.to_str().unwrap(),
            "--force",
        ],
        p.root(),
    );
    assert_eq!(code, 0, "{err}");
    assert!(!work.join("notes.txt").exists() && work.join(".report-site").is_file());
    let (code, _, err) = report(
        &["build", "--root", root, "--out", work.to_str().unwrap()],
        p.root(),
    );
    assert_eq!(code, 0, "{err}");
    // A leftover beside the output is not left behind by a refused build.
    let names: Vec<_> = std::fs::read_dir(elsewhere.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["work"]);
}

#[cfg(unix)]
#[test]
fn a_cache_folder_that_is_or_holds_a_link_is_refused_and_nothing_is_deleted() {
    let p = TestProject::example();
    let victim = tempfile::tempdir().unwrap();
    std::fs::write(victim.path().join("precious.txt"), "keep me").unwrap();
    std::fs::write(victim.path().join("0123456789abcdef.bin"), "keep me too").unwrap();
    let root = p.root().to_str().unwrap();
    for link in [".report-cache/claims", ".report-cache"] {
        let _ = std::fs::remove_dir_all(p.root().join(".report-cache"));
        let _ = std::fs::remove_file(p.root().join(".report-cache"));
        if link != ".report-cache" {
            std::fs::create_dir_all(p.root().join(".report-cache")).unwrap();
        }
        std::os::unix::fs::symlink(victim.path(), p.root().join(link)).unwrap();
        for command in ["build", "check"] {
            let (code, _, err) = report(&[command, "--root", root], p.root());
            assert_eq!(code, 1, "{link}, {command}: {err}");
            assert!(err.contains("symbolic link"), "{err}");
        }
        let mut names: Vec<_> = std::fs::read_dir(victim.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["0123456789abcdef.bin", "precious.txt"], "{link}");
    }
    // The link removed, as the message says, the build goes on and makes a real folder.
    std::fs::remove_file(p.root().join(".report-cache")).unwrap();
    let (code, _, err) = report(&["build", "--root", root], p.root());
    assert_eq!(code, 0, "{err}");
    assert!(
        std::fs::symlink_metadata(p.root().join(".report-cache/claims"))
            .unwrap()
            .is_dir()
    );
}

#[test]
fn a_leftover_that_cannot_be_removed_is_a_warning_not_a_failure() {
    let p = TestProject::example();
    let root = p.root().to_str().unwrap();
    assert_eq!(report(&["build", "--root", root], p.root()).0, 0);
    // Not a folder, so it cannot be removed as one: the stand-in for a file a deploy tool made
    // read-only or immutable (tests run as root, which no permission stops).
    std::fs::write(p.root().join(".site.old-4000000"), "stuck").unwrap();
    p.write(
        "content/briefings/extra.md",
        "---\ntitle: Extra\n---\nText.\n",
    );
    for _ in 0..2 {
        let (code, _, err) = report(&["build", "--root", root], p.root());
        assert_eq!(code, 0, "{err}");
        assert!(err.contains("could not be removed"), "{err}");
        p.write(
            "content/briefings/extra.md",
            "---\ntitle: Extra 2\n---\nText.\n",
        );
    }
    assert!(p.site().join("briefings/extra.html").is_file());
}

/// An output that is a file (not the config, which is refused as a source) was renamed aside
/// while the site was published, the build exited 1, and every later build failed on the
/// leftover: now the file is refused before anything is written, kept as it was, and the next
/// build to a folder succeeds.
#[test]
fn an_output_that_is_a_file_is_refused_and_kept() {
    let p = TestProject::example();
    let root = p.root().to_str().unwrap();
    p.write("notes.txt", "months of notes");
    for args in [
        &["build", "--root", root, "--out", "notes.txt"][..],
        &["build", "--root", root, "--out", "notes.txt", "--force"],
        &["check", "--root", root, "--out", "notes.txt"],
    ] {
        let (code, _, err) = report(args, p.root());
        assert_eq!(code, 1, "{args:?}: {err}");
        assert!(
            err.contains("refusing to use notes.txt as the output folder: it is a file"),
            "{args:?}: {err}"
        );
        assert_eq!(
            std::fs::read_to_string(p.root().join("notes.txt")).unwrap(),
            "months of notes"
        );
    }
    let names: Vec<_> = std::fs::read_dir(p.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".site."))
        .collect();
    assert!(names.is_empty(), "leftovers {names:?}");
    let (code, _, err) = report(&["build", "--root", root], p.root());
    assert_eq!(code, 0, "{err}");
    assert!(p.site().join("index.html").is_file());
}
