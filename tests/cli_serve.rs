//! `report serve` end to end (issue 6): the server starts on an ephemeral port, a file is
//! edited, and the rebuilt page is seen over HTTP; a bad edit keeps the old site and reports
//! its diagnostics to the page.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::TestProject;

/// Kills the server when the test ends, passed or not.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn get(port: u16, path: &str) -> (String, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
    let mut text = String::new();
    s.read_to_string(&mut text).unwrap();
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    (head.lines().next().unwrap().to_string(), body.to_string())
}

fn status(port: u16) -> serde_json::Value {
    serde_json::from_str(&get(port, "/__report/status").1).unwrap()
}

/// Waits until `f` holds (at most 30 s).
fn wait_for(what: &str, mut f: impl FnMut() -> bool) {
    let start = Instant::now();
    while !f() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "timed out: {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn serve_rebuilds_on_change_and_keeps_the_old_site_on_a_bad_edit() {
    let p = TestProject::example();
    let mut child = Command::new(env!("CARGO_BIN_EXE_report"))
        .args(["serve", "--port", "0"])
        .current_dir(p.root())
        .env_remove("SOURCE_DATE_EPOCH")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let server = Server(child);
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    let port: u16 = line
        .strip_prefix("serving http://127.0.0.1:")
        .and_then(|r| r.trim().strip_suffix('/'))
        .unwrap_or_else(|| panic!("{line}"))
        .parse()
        .unwrap();

    let (code, page) = get(port, "/");
    assert_eq!(code, "HTTP/1.1 200 OK");
    assert!(page.contains("report serve: live reload"), "{page}");
    // The script is added when serving, never written into the site.
    assert!(!p.read_site("index.html").contains("live reload"));
    assert_eq!(get(port, "/../report.yaml").0, "HTTP/1.1 404 Not Found");
    assert_eq!(get(port, "/%2e%2e/report.yaml").0, "HTTP/1.1 404 Not Found");
    assert_eq!(status(port)["version"], 1);

    p.write(
        "content/articles/fresh.md",
        "---\ntitle: A fresh story arrives\nsource: AFP\npublished: 2024-03-21\n---\nSeoul said on Thursday it had counted 12 ships.\n",
    );
    wait_for("the rebuild", || status(port)["version"] == 2);
    let (_, page) = get(port, "/index.html");
    assert!(page.contains("A fresh story arrives"), "{page}");
    let (code, _) = get(port, "/articles/fresh.html");
    assert_eq!(code, "HTTP/1.1 200 OK");

    // A bad edit: the diagnostics go to the page, the previous site stays served.
    p.write(
        "content/articles/bad.md",
        "---\ntitle: No source\n---\nText.\n",
    );
    wait_for("the failed rebuild", || status(port)["errors"] != "");
    let s = status(port);
    assert_eq!(s["version"], 2);
    assert!(
        s["errors"]
            .as_str()
            .unwrap()
            .contains("content/articles/bad.md:1:1: error: missing required field"),
        "{s}"
    );
    let (_, page) = get(port, "/index.html");
    assert!(page.contains("A fresh story arrives"), "{page}");

    // Fixing it rebuilds and clears the overlay.
    std::fs::remove_file(p.root().join("content/articles/bad.md")).unwrap();
    wait_for("the good rebuild", || status(port)["version"] == 3);
    assert_eq!(status(port)["errors"], "");
    drop(server);
}
