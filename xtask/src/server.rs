//! A small static file server for the built site, with the MIME types browsers insist on
//! (`application/wasm` for streaming compilation).

use std::{
    collections::HashMap,
    fs,
    io::{BufRead, BufReader, Write},
    net::{TcpListener, TcpStream},
    path::{Component, Path, PathBuf},
    sync::{Arc, Mutex},
    thread::JoinHandle,
    time::{Duration, SystemTime},
};

use crate::Result;

/// One thread per connection, one response per connection: simple, and nothing a browser does
/// with kept-alive sockets can leave a request unanswered.
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

impl Server {
    /// Serves `root` on `addr` (port 0 picks a free port) from a background thread.
    pub fn start(root: &Path, addr: &str) -> Result<Server> {
        let listener = TcpListener::bind(addr).map_err(|e| format!("cannot listen on {addr}: {e}"))?;
        let port = listener.local_addr().map_err(|e| e.to_string())?.port();
        let host = addr.rsplit_once(':').map_or("127.0.0.1", |(h, _)| h);
        let url = format!("http://{host}:{port}/");
        let root = root.to_path_buf();
        let cache: Arc<GzipCache> = Arc::default();
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (root, cache) = (root.clone(), Arc::clone(&cache));
                std::thread::spawn(move || {
                    let _ = serve_connection(&root, &cache, stream);
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

fn read_request(stream: &TcpStream) -> Option<Request> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next()?.to_string(), parts.next()?.to_string());
    let mut accepts_gzip = false;
    let mut held = None;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).ok()? == 0 || header.trim().is_empty() {
            break;
        }
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

fn serve_connection(root: &Path, cache: &GzipCache, mut stream: TcpStream) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let Some(request) = read_request(&stream) else { return Ok(()) };
    let found = (request.method == "GET" || request.method == "HEAD")
        .then(|| resolve(root, &request.target))
        .flatten()
        .and_then(|path| fs::read(&path).ok().map(|body| (path, body)));
    let (status, mut headers, body) = match found {
        Some((path, body)) => {
            let gzip = request.accepts_gzip && compressible(&path);
            // As static hosts do: a validator, so that a client revalidating (the service worker
            // caching a new build) gets "not modified" instead of a file it already holds.
            let tag = entity_tag(&path, body.len(), gzip);
            let mut headers = vec![
                ("Content-Type", content_type(&path).to_string()),
                ("Cache-Control", "no-cache".to_string()),
                ("Vary", "Accept-Encoding".to_string()),
                ("X-Content-Type-Options", "nosniff".to_string()),
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
    if status != "304 Not Modified" {
        headers.push(("Content-Length", body.len().to_string()));
    }
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
    if request.method != "HEAD" {
        response.extend_from_slice(&body);
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
    use std::io::Write;
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

    fn get(url: &str, path: &str, extra: &str) -> String {
        use std::io::Read;
        let address = url.trim_start_matches("http://").trim_end_matches('/');
        let mut stream = TcpStream::connect(address).expect("the server listens");
        write!(stream, "GET {path} HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n{extra}\r\n").unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        String::from_utf8_lossy(&response).into_owned()
    }

    #[test]
    fn a_client_holding_the_file_hears_not_modified() {
        let dir = std::env::temp_dir().join(format!("siyaq-server-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("a.js"), "console.log('a');".repeat(20)).unwrap();
        let server = Server::start(&dir, "127.0.0.1:0").unwrap();
        let first = get(server.url(), "/a.js", "");
        assert!(first.starts_with("HTTP/1.1 200 OK"), "{first}");
        assert!(first.contains("Content-Encoding: gzip"));
        let tag = first.lines().find_map(|l| l.strip_prefix("ETag: ")).expect("an ETag").to_string();
        let again = get(server.url(), "/a.js", &format!("If-None-Match: {tag}\r\n"));
        assert!(again.starts_with("HTTP/1.1 304 Not Modified"), "{again}");
        assert!(again.ends_with("\r\n\r\n"), "no body: {again}");
        let other = get(server.url(), "/a.js", "If-None-Match: \"0-0\"\r\n");
        assert!(other.starts_with("HTTP/1.1 200 OK"), "{other}");
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn wasm_and_fonts_get_their_mime_types() {
        assert_eq!(content_type(Path::new("pkg/siyaq_bg.wasm")), "application/wasm");
        assert_eq!(content_type(Path::new("a.woff2")), "font/woff2");
        assert_eq!(content_type(Path::new("pkg/siyaq.js")), "text/javascript; charset=utf-8");
    }
}
