//! A small static file server for the built site, with the MIME types browsers insist on
//! (`application/wasm` for streaming compilation).

use std::{
    fs,
    path::{Component, Path, PathBuf},
    sync::Arc,
    thread::JoinHandle,
};

use tiny_http::{Header, Request, Response};

use crate::Result;

pub struct Server {
    http: Arc<tiny_http::Server>,
    url: String,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Serves `root` on `addr` (port 0 picks a free port) from a background thread.
    pub fn start(root: &Path, addr: &str) -> Result<Server> {
        let http = Arc::new(tiny_http::Server::http(addr).map_err(|e| format!("cannot listen on {addr}: {e}"))?);
        let port = http.server_addr().to_ip().map(|a| a.port()).ok_or("server has no IP address")?;
        let host = addr.rsplit_once(':').map_or("127.0.0.1", |(h, _)| h);
        let url = format!("http://{host}:{port}/");
        let root = root.to_path_buf();
        let worker = Arc::clone(&http);
        let thread = std::thread::spawn(move || {
            for request in worker.incoming_requests() {
                respond(&root, request);
            }
        });
        Ok(Server { http, url, thread: Some(thread) })
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

impl Drop for Server {
    fn drop(&mut self) {
        self.http.unblock();
    }
}

fn respond(root: &Path, request: Request) {
    let response = match resolve(root, request.url()) {
        Some(path) => match fs::read(&path) {
            Ok(body) => {
                let gzip = accepts_gzip(&request) && compressible(&path);
                let response = Response::from_data(if gzip { gzipped(&body) } else { body })
                    .with_header(header("Content-Type", content_type(&path)))
                    .with_header(header("Cache-Control", "no-cache"))
                    .with_header(header("Vary", "Accept-Encoding"))
                    .with_header(header("X-Content-Type-Options", "nosniff"));
                if gzip { response.with_header(header("Content-Encoding", "gzip")) } else { response }
            }
            Err(_) => not_found(),
        },
        None => not_found(),
    };
    let _ = request.respond(response);
}

/// Compressed as a static host would send them, so the browser benchmark counts real bytes.
fn accepts_gzip(request: &Request) -> bool {
    request.headers().iter().any(|h| h.field.equiv("Accept-Encoding") && h.value.as_str().contains("gzip"))
}

/// Fonts and images are compressed already.
fn compressible(path: &Path) -> bool {
    !matches!(path.extension().and_then(|e| e.to_str()), Some("woff2" | "png" | "ico"))
}

fn gzipped(body: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(body).expect("gzip into memory");
    encoder.finish().expect("gzip into memory")
}

fn not_found() -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_string("not found").with_status_code(404).with_header(header("Content-Type", "text/plain; charset=utf-8"))
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("static header")
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

    #[test]
    fn wasm_and_fonts_get_their_mime_types() {
        assert_eq!(content_type(Path::new("pkg/siyaq_bg.wasm")), "application/wasm");
        assert_eq!(content_type(Path::new("a.woff2")), "font/woff2");
        assert_eq!(content_type(Path::new("pkg/siyaq.js")), "text/javascript; charset=utf-8");
    }
}
