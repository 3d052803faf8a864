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
    send(
        port,
        format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n").as_bytes(),
    )
}

/// Sends `request` as it is; the status line and the body of the answer.
fn send(port: u16, request: &[u8]) -> (String, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    // The server may answer and close before reading all of a request it refuses.
    let _ = s.write_all(request);
    let mut bytes = Vec::new();
    let _ = s.read_to_end(&mut bytes);
    let text = String::from_utf8_lossy(&bytes);
    let (head, body) = text
        .split_once("\r\n\r\n")
        .unwrap_or_else(|| panic!("{text:?}"));
    (head.lines().next().unwrap().to_string(), body.to_string())
}

/// Starts `report serve --port 0` in `p`; the server and its port.
fn start(p: &TestProject) -> (Server, u16) {
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
    (server, port)
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
    let (server, port) = start(&p);

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

/// Issue 17, finding 6: a page of another site that resolves its own name to 127.0.0.1 (DNS
/// rebinding) could read the site and the status. Only `127.0.0.1`, `localhost` and `[::1]`
/// with the server's port are answered; request heads and bodies are bounded.
#[test]
fn issue_17_serve_answers_only_its_own_host_and_bounds_requests() {
    let p = TestProject::example();
    let (server, port) = start(&p);
    let with_host = |path: &str, host: &str| {
        send(
            port,
            format!("GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n").as_bytes(),
        )
        .0
    };
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
    ] {
        assert_eq!(with_host("/", &host), "HTTP/1.1 200 OK", "{host}");
    }
    for host in [
        format!("evil.example:{port}"),
        format!("localhost.evil.example:{port}"),
        format!("127.0.0.1:{}", port.wrapping_add(1)),
        "localhost".to_string(),
    ] {
        for path in ["/", "/index.html", "/__report/status"] {
            assert_eq!(
                with_host(path, &host),
                "HTTP/1.1 403 Forbidden",
                "{host}{path}"
            );
        }
    }
    // No Host, or two.
    assert_eq!(
        send(port, b"GET / HTTP/1.0\r\n\r\n").0,
        "HTTP/1.1 403 Forbidden"
    );
    let two = format!("GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nHost: evil.example\r\n\r\n");
    assert_eq!(send(port, two.as_bytes()).0, "HTTP/1.1 403 Forbidden");

    // Limits on the request line, the head and the body.
    let long = format!("GET /{} HTTP/1.1\r\n", "a".repeat(100_000));
    assert_eq!(send(port, long.as_bytes()).0, "HTTP/1.1 414 URI Too Long");
    let many: String = (0..200).map(|i| format!("X-{i}: 1\r\n")).collect();
    let many = format!("GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{many}\r\n");
    assert_eq!(
        send(port, many.as_bytes()).0,
        "HTTP/1.1 431 Request Header Fields Too Large"
    );
    let big = format!(
        "GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Big: {}\r\n\r\n",
        "b".repeat(100_000)
    );
    assert_eq!(
        send(port, big.as_bytes()).0,
        "HTTP/1.1 431 Request Header Fields Too Large"
    );
    let body =
        format!("POST / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 5\r\n\r\nhello");
    assert_eq!(
        send(port, body.as_bytes()).0,
        "HTTP/1.1 413 Content Too Large"
    );
    assert_eq!(
        send(port, b"\x16\x03\x01\x02\x00\r\n\r\n").0,
        "HTTP/1.1 400 Bad Request"
    );

    // Still serving.
    assert_eq!(get(port, "/").0, "HTTP/1.1 200 OK");
    drop(server);
}

/// Issue 17, finding 6: a port in use read "cannot read 127.0.0.1:N", after a whole build.
#[test]
fn issue_17_serve_says_when_its_port_is_in_use() {
    let taken = std::net::TcpListener::bind(("127.0.0.1", 0)).unwrap();
    let port = taken.local_addr().unwrap().port();
    let p = TestProject::example();
    let out = Command::new(env!("CARGO_BIN_EXE_report"))
        .args(["serve", "--port", &port.to_string()])
        .current_dir(p.root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr,
        format!(
            "error: port {port} is already in use (another `report serve`?); stop it, or choose another port with --port (0 picks a free one)\n"
        )
    );
    // Said before building anything.
    assert!(!p.site().exists());
    drop(taken);
}

/// Template recursion (issue 17, finding 5) under `serve`: an error on the status page, and the
/// server keeps serving.
#[test]
fn issue17_serve_reports_template_recursion_and_keeps_serving() {
    let p = TestProject::example();
    let (mut server, port) = start(&p);
    assert_eq!(status(port)["errors"], "");

    p.write("templates/self.html", "{% include \"self.html\" %}\n");
    wait_for("the include cycle", || status(port)["errors"] != "");
    let errors = status(port)["errors"].as_str().unwrap().to_string();
    assert!(
        errors.starts_with("templates/self.html:1:1: error: include cycle: self.html → self.html"),
        "{errors}"
    );

    p.write(
        "templates/self.html",
        "{% macro m() %}{{ self::m() }}{% endmacro %}{{ self::m() }}\n",
    );
    wait_for("the macro recursion", || {
        status(port)["errors"]
            .as_str()
            .is_some_and(|e| e.contains("macro `m` nests more than 64"))
    });
    assert!(server.0.try_wait().unwrap().is_none(), "serve has exited");

    std::fs::remove_file(p.root().join("templates/self.html")).unwrap();
    wait_for("the good rebuild", || status(port)["errors"] == "");
    assert!(server.0.try_wait().unwrap().is_none(), "serve has exited");
}

/// Issue 17, finding 11: started on a site that was already up to date, `serve` said "build
/// failed; still serving the previous site", though nothing had failed.
#[test]
fn issue17_serve_says_an_up_to_date_site_is_up_to_date() {
    let p = TestProject::example();
    let (code, _, _) = common::report(&["build", "--quiet"], p.root());
    assert_eq!(code, 0);
    let mut child = Command::new(env!("CARGO_BIN_EXE_report"))
        .args(["serve", "--port", "0"])
        .current_dir(p.root())
        .env_remove("SOURCE_DATE_EPOCH")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    let server = Server(child);
    // The first build's summary is printed before the address.
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    assert!(line.starts_with("serving http://127.0.0.1:"), "{line}");
    drop(server);
    let mut said = String::new();
    BufReader::new(stderr).read_to_string(&mut said).unwrap();
    assert!(!said.contains("failed"), "{said}");
    assert!(said.contains("nothing changed: the "), "{said}");
    assert!(said.contains(" files in "), "{said}");
    assert!(said.contains(" are up to date ("), "{said}");
}

/// The files of `dir` and their bytes; `None` while it cannot be read whole (a publish swapping
/// it just then).
fn snapshot(dir: &std::path::Path) -> Option<std::collections::BTreeMap<String, Vec<u8>>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).ok()? {
            let path = entry.ok()?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).ok()?.to_string_lossy().into_owned();
                out.insert(rel, std::fs::read(&path).ok()?);
            }
        }
    }
    Some(out)
}

/// Issue 17, finding 1, as it happened: `report serve` in one terminal rebuilding after an edit
/// while `report build` runs in another left a truncated site that later builds took as up to
/// date. Each round here edits the project and starts a build at once, a little later each
/// round; once both are done, the served folder equals a clean build and holds no leftover.
#[test]
fn issue17_a_build_while_serve_rebuilds_leaves_the_complete_site() {
    let p = TestProject::empty();
    common::many_articles(&p, 300);
    let (server, port) = start(&p);
    let reference = tempfile::tempdir().unwrap();
    for round in 0..4u64 {
        p.write("report.yaml", &format!("title: Round {round}\n"));
        std::thread::sleep(Duration::from_millis(60 * round));
        let build = Command::new(env!("CARGO_BIN_EXE_report"))
            .args(["build", "--quiet"])
            .current_dir(p.root())
            .env_remove("SOURCE_DATE_EPOCH")
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert!(
            build.status.success(),
            "round {round}: {}",
            String::from_utf8_lossy(&build.stderr)
        );
        let clean = reference.path().join(format!("site{round}"));
        let status = Command::new(env!("CARGO_BIN_EXE_report"))
            .args(["build", "--no-cache", "--quiet", "--out"])
            .arg(&clean)
            .current_dir(p.root())
            .env_remove("SOURCE_DATE_EPOCH")
            .status()
            .unwrap();
        assert!(status.success());
        let complete = snapshot(&clean).unwrap();
        assert!(complete.len() > 300);
        wait_for(
            &format!("round {round}: the served site to be complete"),
            || snapshot(&p.site()).as_ref() == Some(&complete),
        );
        // Served too, not only written.
        let (code, page) = get(port, "/index.html");
        assert_eq!(code, "HTTP/1.1 200 OK");
        assert!(page.contains(&format!("Round {round}")), "{page}");
        let leftovers: Vec<_> = std::fs::read_dir(p.root())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".site."))
            .collect();
        assert!(leftovers.is_empty(), "round {round}: {leftovers:?}");
    }
    drop(server);
}
