//! A small static file server for the built site, with the MIME types browsers insist on
//! (`application/wasm` for streaming compilation), gzip twins, ETags, and bounds on what one
//! client can take: the size of a request's head, the time to send it, and the connections served
//! at once.
//!
//! Kept instead of a crate (hyper + tokio + tower-http, or tiny_http): those would add an async
//! runtime and dozens of crates to every fresh machine's first build, and still need our gzip
//! twins, ETags and limits wired in; bounding these 300 lines costs less.

use std::{
    collections::HashMap,
    fs,
    io::{Read, Write},
    net::{Shutdown, TcpListener, TcpStream},
    path::{Component, Path, PathBuf},
    sync::{Arc, Condvar, Mutex},
    thread::JoinHandle,
    time::{Duration, Instant, SystemTime},
};

use crate::Result;

/// Headers every response carries. The page must not be framed by another site (clickjacking):
/// `frame-ancestors` only works as a header, never in the page's `<meta>` policy, and
/// `X-Frame-Options` is its older twin. The address holds the reader's query, which a `Referer`
/// would hand to any site a link leads to. `cargo xtask dist` writes the same list into
/// `dist/_headers` for static hosts.
pub const SECURITY_HEADERS: [(&str, &str); 4] = [
    ("Content-Security-Policy", "frame-ancestors 'none'"),
    ("X-Frame-Options", "DENY"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
];

/// How much one client may take from the server.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// The request line and headers together; more is answered 431.
    pub max_head_bytes: usize,
    /// Connections served at once; the next ones wait in the listen queue until one ends.
    pub max_connections: usize,
    /// Time from accepting a connection to the end of its request's head, however the bytes
    /// trickle in (a per-read timeout alone lets a byte every few seconds hold a thread forever);
    /// past it the answer is 408.
    pub request_deadline: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_head_bytes: 16 * 1024, max_connections: 64, request_deadline: Duration::from_secs(10) }
    }
}

/// One thread per connection (at most `Limits::max_connections`), one response per connection:
/// simple, and nothing a browser does with kept-alive sockets can leave a request unanswered.
pub struct Server {
    url: String,
    thread: Option<JoinHandle<()>>,
}

/// Gzipped bodies by file, kept while the file is unchanged (a rebuilt site changes them).
type GzipCache = Mutex<HashMap<PathBuf, (SystemTime, u64, Arc<Vec<u8>>)>>;

/// The request line and the headers that matter here.
struct Request {
    method: String,
    target: String,
    accepts_gzip: bool,
    /// The validator of the copy the client holds (`If-None-Match`).
    held: Option<String>,
}

/// Why a request's head could not be read.
#[derive(Debug, PartialEq)]
enum BadHead {
    TooLarge,
    TooSlow,
    Malformed,
    /// The client went away: nobody to answer.
    Gone,
}

/// Counts the connections being served, so that the accepting thread waits for a free slot.
#[derive(Default)]
struct Slots {
    busy: Mutex<usize>,
    freed: Condvar,
}

/// A connection's place among the ones served at once, given back when it is dropped.
struct Slot(Arc<Slots>);

impl Slots {
    fn take(self: &Arc<Self>, max: usize) -> Slot {
        let mut busy = self.busy.lock().expect("slots lock");
        while *busy >= max {
            busy = self.freed.wait(busy).expect("slots lock");
        }
        *busy += 1;
        Slot(Arc::clone(self))
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        *self.0.busy.lock().expect("slots lock") -= 1;
        self.0.freed.notify_one();
    }
}

impl Server {
    /// Serves `root` on `addr` (port 0 picks a free port) from a background thread.
    pub fn start(root: &Path, addr: &str) -> Result<Server> {
        Self::start_with(root, addr, Limits::default())
    }

    pub fn start_with(root: &Path, addr: &str, limits: Limits) -> Result<Server> {
        let listener = TcpListener::bind(addr).map_err(|e| format!("cannot listen on {addr}: {e}"))?;
        let port = listener.local_addr().map_err(|e| e.to_string())?.port();
        let host = addr.rsplit_once(':').map_or("127.0.0.1", |(h, _)| h);
        let url = format!("http://{host}:{port}/");
        let root = root.to_path_buf();
        let cache: Arc<GzipCache> = Arc::default();
        let slots: Arc<Slots> = Arc::default();
        let thread = std::thread::spawn(move || {
            loop {
                // A slot first: while every slot is busy, new connections queue in the kernel.
                let slot = slots.take(limits.max_connections);
                let Ok((stream, _)) = listener.accept() else { continue };
                let (root, cache) = (root.clone(), Arc::clone(&cache));
                std::thread::spawn(move || {
                    let _ = serve_connection(&root, &cache, &limits, stream);
                    drop(slot);
                });
            }
        });
        Ok(Server { url, thread: Some(thread) })
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    /// Blocks until the server stops (never, for `cargo xtask serve`).
    pub fn wait(mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Reads up to the blank line that ends a request's head, within the size and time limits.
fn read_head(stream: &mut TcpStream, limits: &Limits) -> std::result::Result<Vec<u8>, BadHead> {
    let deadline = Instant::now() + limits.request_deadline;
    let mut head = Vec::with_capacity(1024);
    let mut buffer = [0u8; 4096];
    loop {
        if let Some(end) = head_end(&head) {
            if end > limits.max_head_bytes {
                return Err(BadHead::TooLarge);
            }
            head.truncate(end);
            return Ok(head);
        }
        if head.len() >= limits.max_head_bytes {
            return Err(BadHead::TooLarge);
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(BadHead::TooSlow);
        }
        stream.set_read_timeout(Some(left)).map_err(|_| BadHead::Gone)?;
        match stream.read(&mut buffer) {
            Ok(0) => return Err(if head.is_empty() { BadHead::Gone } else { BadHead::Malformed }),
            Ok(n) => head.extend_from_slice(&buffer[..n]),
            Err(e) if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) => {
                return Err(BadHead::TooSlow);
            }
            Err(_) => return Err(BadHead::Gone),
        }
    }
}

/// Where the head ends (after its blank line), if it has; lines may end in CRLF or LF alone.
fn head_end(bytes: &[u8]) -> Option<usize> {
    bytes.iter().enumerate().find_map(|(i, &b)| match (b, bytes.get(i + 1), bytes.get(i + 2)) {
        (b'\n', Some(b'\n'), _) => Some(i + 2),
        (b'\n', Some(b'\r'), Some(b'\n')) => Some(i + 3),
        _ => None,
    })
}

fn parse_head(head: &[u8]) -> Option<Request> {
    let text = String::from_utf8_lossy(head);
    let mut lines = text.lines();
    let mut parts = lines.next()?.split_whitespace();
    let (method, target) = (parts.next()?.to_string(), parts.next()?.to_string());
    let mut accepts_gzip = false;
    let mut held = None;
    for header in lines {
        if let Some((name, value)) = header.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") && value.contains("gzip") {
                accepts_gzip = true;
            }
            if name.trim().eq_ignore_ascii_case("if-none-match") {
                held = Some(value.trim().to_string());
            }
        }
    }
    Some(Request { method, target, accepts_gzip, held })
}

fn serve_connection(root: &Path, cache: &GzipCache, limits: &Limits, mut stream: TcpStream) -> std::io::Result<()> {
    stream.set_write_timeout(Some(limits.request_deadline))?;
    let refusal = match read_head(&mut stream, limits) {
        Ok(head) => match parse_head(&head) {
            Some(request) if request.method == "GET" || request.method == "HEAD" => {
                return answer(root, cache, &request, &mut stream);
            }
            Some(_) => ("405 Method Not Allowed", "only GET and HEAD"),
            None => ("400 Bad Request", "bad request"),
        },
        Err(BadHead::TooLarge) => ("431 Request Header Fields Too Large", "request head too large"),
        Err(BadHead::TooSlow) => ("408 Request Timeout", "request too slow"),
        Err(BadHead::Malformed) => ("400 Bad Request", "bad request"),
        Err(BadHead::Gone) => return Ok(()),
    };
    let (status, text) = refusal;
    let mut headers = vec![("Content-Type", "text/plain; charset=utf-8".to_string())];
    if status.starts_with("405") {
        headers.push(("Allow", "GET, HEAD".to_string()));
    }
    write_response(&mut stream, status, headers, text.as_bytes(), true)?;
    close_gently(stream);
    Ok(())
}

/// Closes after a refusal without losing it: closing a socket that still holds unread bytes
/// (a body, the rest of an oversized head) resets the connection, and the client may never read
/// the answer. So stop sending, then read and discard what still comes for at most a second.
fn close_gently(mut stream: TcpStream) {
    let _ = stream.shutdown(Shutdown::Write);
    let until = Instant::now() + Duration::from_secs(1);
    let mut sink = [0u8; 4096];
    loop {
        let left = until.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            break;
        }
        match stream.read(&mut sink) {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
    }
}

fn answer(root: &Path, cache: &GzipCache, request: &Request, stream: &mut TcpStream) -> std::io::Result<()> {
    let found = resolve(root, &request.target).and_then(|path| fs::read(&path).ok().map(|body| (path, body)));
    let (status, headers, body) = match found {
        Some((path, body)) => {
            let gzip = request.accepts_gzip && compressible(&path);
            // As static hosts do: a validator, so that a client revalidating (the service worker
            // caching a new build) gets "not modified" instead of a file it already holds.
            let tag = entity_tag(&path, body.len(), gzip);
            let mut headers = vec![
                ("Content-Type", content_type(&path).to_string()),
                ("Cache-Control", "no-cache".to_string()),
                ("Vary", "Accept-Encoding".to_string()),
                ("ETag", tag.clone()),
            ];
            if request.held.as_deref().is_some_and(|held| held.split(',').any(|t| t.trim() == tag)) {
                ("304 Not Modified", headers, Vec::new())
            } else {
                if gzip {
                    headers.push(("Content-Encoding", "gzip".to_string()));
                }
                ("200 OK", headers, if gzip { gzipped(cache, &path, body) } else { body })
            }
        }
        None => ("404 Not Found", vec![("Content-Type", "text/plain; charset=utf-8".to_string())], b"not found".to_vec()),
    };
    write_response(stream, status, headers, &body, request.method != "HEAD")
}

/// Writes the status, the given headers, the security headers and the body (unless `with_body`
/// is false: HEAD, whose Content-Length still gives the body's size).
fn write_response(
    stream: &mut TcpStream,
    status: &str,
    mut headers: Vec<(&str, String)>,
    body: &[u8],
    with_body: bool,
) -> std::io::Result<()> {
    if !status.starts_with("304") {
        headers.push(("Content-Length", body.len().to_string()));
    }
    headers.extend(SECURITY_HEADERS.iter().map(|&(name, value)| (name, value.to_string())));
    headers.push(("Connection", "close".to_string()));
    let mut head = format!("HTTP/1.1 {status}\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    // One write, without Nagle's algorithm: a small head sent apart from its body would wait on
    // the client's delayed acknowledgement (40 ms on Linux) before the body followed.
    stream.set_nodelay(true)?;
    let mut response = head.into_bytes();
    if with_body {
        response.extend_from_slice(body);
    }
    stream.write_all(&response)?;
    stream.flush()
}

/// A strong validator from the file's size and modification time, one per encoding.
fn entity_tag(path: &Path, len: usize, gzip: bool) -> String {
    let modified = fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    format!("\"{len:x}-{modified:x}{}\"", if gzip { "-gz" } else { "" })
}

/// Fonts and images are compressed already.
fn compressible(path: &Path) -> bool {
    !matches!(path.extension().and_then(|e| e.to_str()), Some("woff2" | "png" | "ico"))
}

/// The file's `.gz` twin written by the build when there is one (as static hosts serve them),
/// otherwise compressed here once.
fn gzipped(cache: &GzipCache, path: &Path, body: Vec<u8>) -> Vec<u8> {
    let mut twin = path.as_os_str().to_owned();
    twin.push(".gz");
    if let Ok(bytes) = fs::read(PathBuf::from(twin)) {
        return bytes;
    }
    let stamp = fs::metadata(path).and_then(|m| m.modified()).unwrap_or(SystemTime::UNIX_EPOCH);
    let len = body.len() as u64;
    if let Some((when, size, bytes)) = cache.lock().expect("cache lock").get(path)
        && *when == stamp
        && *size == len
    {
        return bytes.as_ref().clone();
    }
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(&body).expect("gzip into memory");
    let bytes = encoder.finish().expect("gzip into memory");
    cache.lock().expect("cache lock").insert(path.to_path_buf(), (stamp, len, Arc::new(bytes.clone())));
    bytes
}

/// The file a request path names inside `root`, refusing anything that climbs out of it or
/// reaches hidden files (`.git`).
fn resolve(root: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let decoded = percent_decode(path)?;
    let relative = Path::new(decoded.trim_start_matches('/'));
    let mut resolved = root.to_path_buf();
    for component in relative.components() {
        match component {
            Component::Normal(part) if !part.to_string_lossy().starts_with('.') => resolved.push(part),
            _ => return None,
        }
    }
    if resolved.is_dir() {
        resolved.push("index.html");
    }
    resolved.is_file().then_some(resolved)
}

fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
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

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "woff2" => "font/woff2",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" | "toml" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_resolve_inside_the_root_only() {
        let root = crate::project_root();
        assert_eq!(resolve(&root, "/"), Some(root.join("index.html")));
        assert_eq!(resolve(&root, "/index.html?q=%D8%A8"), Some(root.join("index.html")));
        assert_eq!(resolve(&root, "/style/main.css"), Some(root.join("style/main.css")));
        assert_eq!(resolve(&root, "/../etc/passwd"), None);
        assert_eq!(resolve(&root, "/style/%2e%2e/%2e%2e/etc/passwd"), None);
        assert_eq!(resolve(&root, "/.git/config"), None);
        assert_eq!(resolve(&root, "/missing.js"), None);
        assert_eq!(resolve(&root, "/%ZZ"), None);
    }

    fn address(url: &str) -> String {
        url.trim_start_matches("http://").trim_end_matches('/').to_string()
    }

    /// Sends `request` as it is and returns everything the server answers before closing.
    fn exchange(url: &str, request: &[u8]) -> String {
        let mut stream = TcpStream::connect(address(url)).expect("the server listens");
        stream.write_all(request).unwrap();
        read_all(stream)
    }

    fn read_all(mut stream: TcpStream) -> String {
        let mut response = Vec::new();
        let _ = stream.read_to_end(&mut response);
        String::from_utf8_lossy(&response).into_owned()
    }

    fn get(url: &str, path: &str, extra: &str) -> String {
        exchange(url, format!("GET {path} HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n{extra}\r\n").as_bytes())
    }

    /// A folder with one small script, served with `limits`.
    fn site(name: &str, limits: Limits) -> (Server, PathBuf) {
        let dir = std::env::temp_dir().join(format!("siyaq-server-{name}-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("a.js"), "console.log('a');".repeat(20)).unwrap();
        (Server::start_with(&dir, "127.0.0.1:0", limits).unwrap(), dir)
    }

    fn header<'a>(response: &'a str, name: &str) -> Option<&'a str> {
        let head = response.split("\r\n\r\n").next()?;
        head.lines().find_map(|line| {
            let (n, v) = line.split_once(':')?;
            n.eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }

    #[test]
    fn a_client_holding_the_file_hears_not_modified() {
        let (server, dir) = site("etag", Limits::default());
        let first = get(server.url(), "/a.js", "");
        assert!(first.starts_with("HTTP/1.1 200 OK"), "{first}");
        assert!(first.contains("Content-Encoding: gzip"));
        let tag = header(&first, "ETag").expect("an ETag").to_string();
        let again = get(server.url(), "/a.js", &format!("If-None-Match: {tag}\r\n"));
        assert!(again.starts_with("HTTP/1.1 304 Not Modified"), "{again}");
        assert!(again.ends_with("\r\n\r\n"), "no body: {again}");
        let other = get(server.url(), "/a.js", "If-None-Match: \"0-0\"\r\n");
        assert!(other.starts_with("HTTP/1.1 200 OK"), "{other}");
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn every_answer_forbids_framing_and_sniffing() {
        let (server, dir) = site("frames", Limits::default());
        for response in [get(server.url(), "/a.js", ""), get(server.url(), "/missing", ""), exchange(server.url(), b"POST / HTTP/1.1\r\n\r\n")] {
            for (name, value) in SECURITY_HEADERS {
                assert_eq!(header(&response, name), Some(value), "{name} in {response}");
            }
        }
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn head_answers_like_get_without_the_body() {
        let (server, dir) = site("head", Limits::default());
        let full = exchange(server.url(), b"GET /a.js HTTP/1.1\r\nHost: x\r\n\r\n");
        let head = exchange(server.url(), b"HEAD /a.js HTTP/1.1\r\nHost: x\r\n\r\n");
        assert!(head.starts_with("HTTP/1.1 200 OK"), "{head}");
        assert_eq!(header(&head, "Content-Length"), Some("340"));
        assert_eq!(header(&head, "Content-Length"), header(&full, "Content-Length"));
        assert!(head.ends_with("\r\n\r\n"), "no body: {head}");
        assert!(full.ends_with("console.log('a');"), "{full}");
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn other_methods_are_refused_with_the_allowed_ones() {
        let (server, dir) = site("methods", Limits::default());
        for method in ["POST", "PUT", "DELETE", "OPTIONS"] {
            let response = exchange(server.url(), format!("{method} /a.js HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello").as_bytes());
            assert!(response.starts_with("HTTP/1.1 405 Method Not Allowed"), "{method}: {response}");
            assert_eq!(header(&response, "Allow"), Some("GET, HEAD"));
        }
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn an_oversized_head_is_refused() {
        let (server, dir) = site("large", Limits::default());
        let padding = "x".repeat(1000);
        let mut request = String::from("GET /a.js HTTP/1.1\r\n");
        for i in 0..20 {
            request.push_str(&format!("X-Padding-{i}: {padding}\r\n"));
        }
        request.push_str("\r\n");
        let response = exchange(server.url(), request.as_bytes());
        assert!(response.starts_with("HTTP/1.1 431 Request Header Fields Too Large"), "{response}");
        // Just under the limit is fine.
        let fits = format!("GET /a.js HTTP/1.1\r\nX-Padding: {}\r\n\r\n", "x".repeat(15 * 1024));
        assert!(exchange(server.url(), fits.as_bytes()).starts_with("HTTP/1.1 200 OK"));
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_head_dripping_in_is_cut_off_at_the_deadline() {
        let limits = Limits { request_deadline: Duration::from_millis(1500), ..Limits::default() };
        let (server, dir) = site("drip", limits);
        let mut stream = TcpStream::connect(address(server.url())).unwrap();
        let started = Instant::now();
        // A byte every 400 ms: each read comes well within any per-read timeout.
        let mut cut_off = false;
        for byte in b"GET /a.js HTTP/1.1\r\nX-Slow: 1234567890\r\n\r\n" {
            if stream.write_all(&[*byte]).is_err() {
                cut_off = true;
                break;
            }
            std::thread::sleep(Duration::from_millis(400));
            if started.elapsed() > Duration::from_secs(4) {
                break;
            }
        }
        let response = read_all(stream);
        assert!(cut_off || response.starts_with("HTTP/1.1 408 Request Timeout"), "{response}");
        assert!(!response.contains("200 OK"), "{response}");
        assert!(started.elapsed() < Duration::from_secs(5), "closed by the deadline");
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn connections_beyond_the_cap_wait_for_a_free_slot() {
        let limits = Limits { max_connections: 2, request_deadline: Duration::from_millis(1000), ..Limits::default() };
        let (server, dir) = site("cap", limits);
        // Two clients that send nothing hold both slots until the deadline frees them.
        let idle: Vec<TcpStream> = (0..2).map(|_| TcpStream::connect(address(server.url())).unwrap()).collect();
        std::thread::sleep(Duration::from_millis(100));
        let started = Instant::now();
        let response = get(server.url(), "/a.js", "");
        assert!(response.starts_with("HTTP/1.1 200 OK"), "{response}");
        assert!(started.elapsed() >= Duration::from_millis(700), "served only once a slot was free: {:?}", started.elapsed());
        for stream in idle {
            assert!(read_all(stream).starts_with("HTTP/1.1 408"));
        }
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn wasm_and_fonts_get_their_mime_types() {
        assert_eq!(content_type(Path::new("pkg/siyaq_bg.wasm")), "application/wasm");
        assert_eq!(content_type(Path::new("a.woff2")), "font/woff2");
        assert_eq!(content_type(Path::new("pkg/siyaq.js")), "text/javascript; charset=utf-8");
    }
}
