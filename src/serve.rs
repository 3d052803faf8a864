//! Build options and an address in; a live preview out: the site is built, served over HTTP on
//! 127.0.0.1, and rebuilt whenever `content/`, `templates/` or `report.yaml` change. HTML pages
//! are served with a small script that reloads them after a good rebuild and overlays the
//! diagnostics of a bad one. The script is added when a page is sent, never written to the output
//! folder, so `build` output never carries it. A failed rebuild keeps the previous site served.
//!
//! The watcher polls file times (every 300 ms) instead of using OS notifications: it needs no
//! platform code, and a project is small enough that a poll costs well under a millisecond.
//!
//! The server answers only requests whose `Host` is `127.0.0.1`, `localhost` or `[::1]` with its
//! port (as Vite and webpack-dev-server do): a web page of another site that makes its own name
//! resolve to 127.0.0.1 (DNS rebinding) could otherwise read unpublished briefings and the
//! status, which holds file paths. A request's head is parsed by `httparse` (the parser under
//! hyper) within fixed limits: 8 KiB of request line, 16 KiB of head, 64 header fields, no body,
//! 10 s to send the head, 64 connections at once. A full server crate buys nothing here: hyper
//! needs an async runtime for a preview that serves a few files to one browser, and tiny_http
//! reads header lines without a limit (its issue 56).

use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant, SystemTime};

use crate::error::Error;
use crate::{BuildOptions, BuildOutcome, Severity};

/// What the caller hears about.
#[derive(Debug)]
pub enum ServeEvent {
    /// The server listens here.
    Listening(SocketAddr),
    /// A build finished (its diagnostics may hold errors, then nothing was written), and how long
    /// it took.
    Built(BuildOutcome, Duration),
    /// A build could not run.
    Failed(Error),
}

/// What pages ask the server about.
#[derive(Debug, Default)]
struct Status {
    /// Incremented after every build that wrote the site.
    version: u64,
    /// The diagnostics of the last build when it failed, else empty.
    errors: String,
}

const RELOAD_SCRIPT: &str = r#"<script>/* report serve: live reload */(function(){var v=null;function show(t){var o=document.getElementById('__report_overlay');if(!t){if(o)o.remove();return}if(!o){o=document.createElement('pre');o.id='__report_overlay';o.style.cssText='position:fixed;left:0;right:0;bottom:0;max-height:50%;overflow:auto;margin:0;padding:1em;background:#3b0d0d;color:#ffe0e0;font:13px monospace;white-space:pre-wrap;z-index:2147483647';document.body.appendChild(o)}o.textContent=t}function poll(){fetch('/__report/status').then(function(r){return r.json()}).then(function(s){if(v!==null&&s.version!==v){location.reload();return}v=s.version;show(s.errors)}).catch(function(){}).then(function(){setTimeout(poll,700)})}poll()})();</script>"#;

/// Builds, then serves the output folder on `127.0.0.1:port` (0 picks a free port) and rebuilds
/// on every change, forever. `on_event` hears about the address and every build.
pub fn serve(
    options: &BuildOptions,
    port: u16,
    mut on_event: impl FnMut(ServeEvent),
) -> Result<(), Error> {
    crate::project::require_project(&options.root)?;
    let status = Arc::new(Mutex::new(Status::default()));
    let out = options.out.clone().unwrap_or_else(|| {
        let config = crate::config::load_config(&options.root)
            .map(|(c, _)| c.output)
            .unwrap_or_else(|_| "site".into());
        options.root.join(config)
    });
    let options = &BuildOptions {
        out: Some(out.clone()),
        ..options.clone()
    };
    let rebuild = |status: &Mutex<Status>, on_event: &mut dyn FnMut(ServeEvent)| {
        let started = Instant::now();
        match crate::build(options) {
            Ok(outcome) => {
                let mut s = status.lock().unwrap_or_else(PoisonError::into_inner);
                if outcome.written {
                    s.version += 1;
                    s.errors.clear();
                } else {
                    s.errors = outcome
                        .diagnostics
                        .iter()
                        .filter(|d| d.severity == Severity::Error)
                        .map(|d| format!("{d}\n"))
                        .collect();
                }
                drop(s);
                on_event(ServeEvent::Built(outcome, started.elapsed()));
            }
            Err(e) => {
                status.lock().unwrap_or_else(PoisonError::into_inner).errors = e.to_string();
                on_event(ServeEvent::Failed(e));
            }
        }
    };
    // Listen before the first build, so that a port in use is said at once.
    let listener = TcpListener::bind(("127.0.0.1", port)).map_err(|source| {
        if source.kind() == std::io::ErrorKind::AddrInUse {
            Error::PortInUse { port }
        } else {
            Error::Listen {
                addr: format!("127.0.0.1:{port}"),
                source,
            }
        }
    })?;
    let addr = listener.local_addr().map_err(|source| Error::Listen {
        addr: format!("127.0.0.1:{port}"),
        source,
    })?;
    let mut last = fingerprint(&options.root);
    rebuild(&status, &mut on_event);
    on_event(ServeEvent::Listening(addr));
    {
        let status = Arc::clone(&status);
        let out = out.clone();
        std::thread::spawn(move || {
            let slots = Arc::new(Slots::default());
            for stream in listener.incoming().flatten() {
                let slot = Slots::take(&slots);
                let status = Arc::clone(&status);
                let out = out.clone();
                std::thread::spawn(move || {
                    // A client that hangs up mid-answer is not worth reporting.
                    let _ = answer(stream, addr, &out, &status);
                    drop(slot);
                });
            }
        });
    }
    loop {
        std::thread::sleep(Duration::from_millis(300));
        let now = fingerprint(&options.root);
        if now != last {
            last = now;
            rebuild(&status, &mut on_event);
        }
    }
}

/// Every watched file with its length and modification time, sorted.
fn fingerprint(root: &Path) -> Vec<(PathBuf, u64, Option<SystemTime>)> {
    let mut files = Vec::new();
    for watched in ["content", "templates", "report.yaml"] {
        walk(&root.join(watched), &mut files);
    }
    files.sort();
    files
}

fn walk(path: &Path, out: &mut Vec<(PathBuf, u64, Option<SystemTime>)>) {
    let Ok(meta) = std::fs::metadata(path) else {
        return;
    };
    if meta.is_dir() {
        if let Ok(entries) = std::fs::read_dir(path) {
            for entry in entries.flatten() {
                walk(&entry.path(), out);
            }
        }
    } else {
        out.push((path.to_path_buf(), meta.len(), meta.modified().ok()));
    }
}

/// The longest request line (method, target and version).
const MAX_REQUEST_LINE: usize = 8 * 1024;
/// The most a request's head (request line and header fields) may take; browsers send 1 to
/// 4 KiB.
const MAX_HEAD: usize = 16 * 1024;
/// The most header fields a request may have.
const MAX_HEADERS: usize = 64;
/// How long a client may take to send its head, whatever its pace.
const HEAD_DEADLINE: Duration = Duration::from_secs(10);
/// Connections answered at once; more wait in the listener's queue.
const MAX_CONNECTIONS: usize = 64;

/// Counts the connections being answered, so that a flood of them waits instead of starting a
/// thread each.
#[derive(Debug, Default)]
struct Slots {
    busy: Mutex<usize>,
    freed: Condvar,
}

/// One connection's place among [`MAX_CONNECTIONS`], given back when dropped.
struct Slot(Arc<Slots>);

impl Slots {
    /// Waits for a free place.
    fn take(slots: &Arc<Slots>) -> Slot {
        let mut busy = slots.busy.lock().unwrap_or_else(PoisonError::into_inner);
        while *busy >= MAX_CONNECTIONS {
            busy = slots
                .freed
                .wait(busy)
                .unwrap_or_else(PoisonError::into_inner);
        }
        *busy += 1;
        Slot(Arc::clone(slots))
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        *self.0.busy.lock().unwrap_or_else(PoisonError::into_inner) -= 1;
        self.0.freed.notify_one();
    }
}

/// What the server needs of a request's head.
#[derive(Debug)]
struct Head {
    method: String,
    target: String,
    /// Every `Host` field's value.
    hosts: Vec<Vec<u8>>,
    /// Whether the request announces a body (`Content-Length` above 0, or `Transfer-Encoding`).
    body: bool,
}

/// Why a request is not answered with a file: the status line and a one-line body.
type Refusal = (&'static str, &'static str);

/// Reads and parses a request's head within the limits above.
fn read_head(stream: &mut TcpStream) -> std::io::Result<Result<Head, Refusal>> {
    let started = Instant::now();
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 4096];
    loop {
        let mut fields = [httparse::EMPTY_HEADER; MAX_HEADERS];
        let mut request = httparse::Request::new(&mut fields);
        match request.parse(&buf) {
            Ok(httparse::Status::Complete(_)) => {
                let mut head = Head {
                    method: request.method.unwrap_or("").to_string(),
                    target: request.path.unwrap_or("/").to_string(),
                    hosts: Vec::new(),
                    body: false,
                };
                for field in request.headers.iter() {
                    let name = field.name.to_ascii_lowercase();
                    match name.as_str() {
                        "host" => head.hosts.push(field.value.to_vec()),
                        "transfer-encoding" => head.body = true,
                        "content-length" => head.body |= field.value.trim_ascii() != b"0",
                        _ => {}
                    }
                }
                return Ok(Ok(head));
            }
            Ok(httparse::Status::Partial) => {}
            Err(httparse::Error::TooManyHeaders) => {
                return Ok(Err((
                    "431 Request Header Fields Too Large",
                    "too many header fields\n",
                )));
            }
            Err(_) => return Ok(Err(("400 Bad Request", "not an HTTP request\n"))),
        }
        if !buf.contains(&b'\n') && buf.len() > MAX_REQUEST_LINE {
            return Ok(Err(("414 URI Too Long", "request line too long\n")));
        }
        if buf.len() >= MAX_HEAD {
            return Ok(Err((
                "431 Request Header Fields Too Large",
                "request head too large\n",
            )));
        }
        if started.elapsed() > HEAD_DEADLINE {
            return Err(std::io::ErrorKind::TimedOut.into());
        }
        let room = (MAX_HEAD - buf.len()).min(chunk.len());
        let n = stream.read(&mut chunk[..room])?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buf.extend_from_slice(&chunk[..n]);
    }
}

/// Whether a `Host` value names this server: `127.0.0.1`, `localhost`, `[::1]` or the address it
/// listens on, with its port (80 when none is written).
fn is_own_host(host: &[u8], addr: SocketAddr) -> bool {
    let Ok(host) = std::str::from_utf8(host) else {
        return false;
    };
    let host = host.trim().to_ascii_lowercase();
    let (name, port) = match host.rsplit_once(':') {
        Some((name, port)) if !port.contains(']') => match port.parse::<u16>() {
            Ok(port) => (name, port),
            Err(_) => return false,
        },
        _ => (host.as_str(), 80),
    };
    let own = match addr {
        SocketAddr::V4(a) => a.ip().to_string(),
        SocketAddr::V6(a) => format!("[{}]", a.ip()),
    };
    port == addr.port() && ["127.0.0.1", "localhost", "[::1]", own.as_str()].contains(&name)
}

/// Answers one HTTP request: a file of the site, or the status the reload script polls.
fn answer(
    mut stream: TcpStream,
    addr: SocketAddr,
    site: &Path,
    status: &Mutex<Status>,
) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    stream.set_write_timeout(Some(Duration::from_secs(30)))?;
    let head = match read_head(&mut stream)? {
        Ok(head) => head,
        Err((code, why)) => return refuse(&mut stream, code, why.as_bytes()),
    };
    if !matches!(head.hosts.as_slice(), [host] if is_own_host(host, addr)) {
        return respond(
            &mut stream,
            "403 Forbidden",
            "text/plain",
            b"this server answers only to 127.0.0.1, localhost and [::1] with its port\n",
            "",
        );
    }
    if head.body {
        return refuse(
            &mut stream,
            "413 Content Too Large",
            b"no request body is read\n",
        );
    }
    let (method, target) = (head.method.as_str(), head.target.as_str());
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"GET only\n",
            method,
        );
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    if path == "/__report/status" {
        let s = status.lock().unwrap_or_else(PoisonError::into_inner);
        let body = serde_json::json!({"version": s.version, "errors": s.errors}).to_string();
        drop(s);
        return respond(
            &mut stream,
            "200 OK",
            "application/json",
            body.as_bytes(),
            method,
        );
    }
    let found =
        site_file(site, path).and_then(|file| std::fs::read(&file).ok().map(|bytes| (file, bytes)));
    let Some((file, mut bytes)) = found else {
        return respond(
            &mut stream,
            "404 Not Found",
            "text/plain",
            b"not found\n",
            method,
        );
    };
    let kind = content_type(&file);
    if kind.starts_with("text/html") {
        bytes = inject(bytes);
    }
    respond(&mut stream, "200 OK", kind, &bytes, method)
}

/// The file under `site` for a URL path; `None` for anything that would leave it.
fn site_file(site: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url_path)?;
    let rel = Path::new(decoded.trim_start_matches('/'));
    if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
        return None;
    }
    let mut file = site.join(rel);
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The page with the reload script before `</body>` (or at the end).
fn inject(mut page: Vec<u8>) -> Vec<u8> {
    let at = page
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(page.len());
    page.splice(at..at, RELOAD_SCRIPT.bytes());
    page
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// How much of a refused request is read and dropped after the answer, and for how long.
const LINGER_BYTES: usize = 1024 * 1024;
const LINGER_TIME: Duration = Duration::from_secs(2);

/// Answers a request the server does not read to its end, then reads and drops what the client
/// still sends (at most [`LINGER_BYTES`], for at most [`LINGER_TIME`]) before closing: a socket
/// closed with unread input is reset, and a reset can discard the answer before the client has
/// read it.
fn refuse(stream: &mut TcpStream, status: &str, why: &[u8]) -> std::io::Result<()> {
    respond(stream, status, "text/plain", why, "")?;
    let _ = stream.shutdown(Shutdown::Write);
    stream.set_read_timeout(Some(LINGER_TIME))?;
    let started = Instant::now();
    let (mut drained, mut chunk) = (0, [0u8; 4096]);
    while drained < LINGER_BYTES && started.elapsed() < LINGER_TIME {
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => drained += n,
        }
    }
    Ok(())
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    kind: &str,
    body: &[u8],
    method: &str,
) -> std::io::Result<()> {
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if method != "HEAD" {
        stream.write_all(body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_never_leave_the_site() {
        let dir = std::env::temp_dir();
        assert_eq!(site_file(&dir, "/../etc/passwd"), None);
        assert_eq!(site_file(&dir, "/%2e%2e/etc/passwd"), None);
        assert_eq!(site_file(&dir, "/a/%ZZ"), None);
    }

    #[test]
    fn only_its_own_names_and_port_are_answered() {
        let addr: SocketAddr = "127.0.0.1:1111".parse().unwrap();
        for host in [
            "127.0.0.1:1111",
            "localhost:1111",
            "LocalHost:1111",
            "[::1]:1111",
        ] {
            assert!(is_own_host(host.as_bytes(), addr), "{host}");
        }
        for host in [
            "evil.example:1111",
            "localhost.evil.example:1111",
            "127.0.0.1:1112",
            "127.0.0.1",
            "localhost",
            "[::1]",
            "127.0.0.1:x",
            "127.0.0.2:1111",
            "",
        ] {
            assert!(!is_own_host(host.as_bytes(), addr), "{host}");
        }
        let on_80: SocketAddr = "127.0.0.1:80".parse().unwrap();
        assert!(is_own_host(b"localhost", on_80));
        assert!(is_own_host(b"[::1]", on_80));
        let elsewhere: SocketAddr = "192.0.2.7:8000".parse().unwrap();
        assert!(is_own_host(b"192.0.2.7:8000", elsewhere));
        let v6: SocketAddr = "[fe80::1]:8000".parse().unwrap();
        assert!(is_own_host(b"[fe80::1]:8000", v6));
    }

    #[test]
    fn the_script_goes_before_the_body_end() {
        let page = inject(b"<html><body>x</body></html>".to_vec());
        let page = String::from_utf8(page).unwrap();
        assert!(page.starts_with("<html><body>x<script>"));
        assert!(page.ends_with("</script></body></html>"));
    }
}
