//! The deployable site in `dist/`: the page, its script, the wasm, the import worker, styles,
//! fonts, manifest and icons; a service worker generated from the list of those files; and
//! `dist/siyaq.html`, the whole site in one file that works opened from disk (without the import
//! worker: a page opened from disk cannot start one).

use std::{
    fs,
    path::{Path, PathBuf},
};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use sha2::{Digest, Sha256};

use crate::files::{copy, read, read_text};
use crate::site::Variant;
use crate::{Result, site};

/// Files copied as they are: (from, under the repository root; to, under `dist/`).
const STATIC_FILES: [(&str, &str); 11] = [
    ("index.html", "index.html"),
    ("web/boot.js", "boot.js"),
    ("web/collections.js", "collections.js"),
    ("web/manifest.webmanifest", "manifest.webmanifest"),
    ("web/icons/icon-192.png", "icons/icon-192.png"),
    ("web/icons/icon-512.png", "icons/icon-512.png"),
    ("style/main.css", "style/main.css"),
    ("style/icon.svg", "style/icon.svg"),
    ("style/fonts/OFL.txt", "style/fonts/OFL.txt"),
    ("web/sw.js", "sw.js"),
    ("web/import-worker.js", "import-worker.js"),
];

/// The corpus pack (gzip-compressed: a JSON header line, then the texts), fetched by `boot.js`
/// while the wasm compiles.
pub const PACK_FILE: &str = "corpus.pack";

/// What a first visit downloads (the fonts are listed in the stylesheet and found there); the
/// wasm chunks of `pkg/` wait until their view opens, and the import worker (`import-worker.js`,
/// `pkg/import/`) until files are imported.
const FIRST_LOAD: [&str; 8] = [
    PACK_FILE,
    "index.html",
    "boot.js",
    "style/main.css",
    "pkg/siyaq.js",
    "pkg/siyaq_bg.wasm",
    "pkg/__wasm_split.js",
    "manifest.webmanifest",
];

pub struct DistReport {
    /// Gzipped bytes of everything a first visit downloads.
    pub first_load_gzip: u64,
    pub single_file_bytes: u64,
    /// Bytes of the corpus pack (compressed, as served).
    pub pack_bytes: u64,
}

pub fn dist_dir(root: &Path) -> PathBuf {
    Variant::Site.dist_dir(root)
}

/// Builds the wasm, then writes `dist/` around the corpus in `corpus`.
pub fn build(root: &Path, corpus: &Path) -> Result<DistReport> {
    build_variant(root, Variant::Site, corpus)
}

/// Builds `variant`'s wasm, then writes its site.
pub fn build_variant(root: &Path, variant: Variant, corpus: &Path) -> Result<DistReport> {
    // The corpus first: a folder with nothing usable stops the build before the long part.
    let built = crate::corpus::build(root, corpus)?;
    site::build_variant(root, variant)?;
    write(root, variant, &built.pack)
}

/// Writes `variant`'s site (`dist/` for readers) from its already built `pkg`, around `pack`.
pub fn write(root: &Path, variant: Variant, pack: &siyaq_corpus::Pack) -> Result<DistReport> {
    write_into(root, &variant.pkg_dir(root), &variant.dist_dir(root), pack)
}

/// Writes a site into `dist` from the wasm in `pkg`, around `pack`. The wasm knows no corpus, so
/// one build serves any number of sites, each around its own pack.
pub fn write_into(root: &Path, pkg: &Path, dist: &Path, pack: &siyaq_corpus::Pack) -> Result<DistReport> {
    let dist = dist.to_path_buf();
    if dist.exists() {
        fs::remove_dir_all(&dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    }
    for (from, to) in STATIC_FILES {
        copy(&root.join(from), &dist.join(to))?;
    }
    for file in pkg_files(pkg)? {
        copy(&pkg.join(&file), &dist.join("pkg").join(&file))?;
    }
    name_chunks_by_content(&dist)?;
    stamp_build(&dist)?;
    let pack_bytes = siyaq_ingest::compress(pack);
    fs::write(dist.join(PACK_FILE), &pack_bytes).map_err(|e| format!("{PACK_FILE}: {e}"))?;
    let world = crate::world::build(root)?;
    fs::write(dist.join(crate::world::WORLD_FILE), &world).map_err(|e| format!("{}: {e}", crate::world::WORLD_FILE))?;
    for font in fonts(root)? {
        copy(&root.join("style/fonts").join(&font), &dist.join("style/fonts").join(&font))?;
    }
    // The single file takes the glue as wasm-bindgen wrote it (it rewrites its imports by line);
    // the served copies are then minified, before the worker's version is taken from them.
    let single = write_single_file(&dist)?;
    minify(root, &dist)?;
    let version = write_service_worker(&dist)?;
    write_gzip_twins(root, &dist)?;
    write_host_headers(&dist)?;

    let mut first_load: Vec<String> = FIRST_LOAD.iter().map(|s| s.to_string()).collect();
    first_load.extend(fonts(root)?.into_iter().map(|f| format!("style/fonts/{f}")));
    let mut first_load_gzip = 0;
    for file in &first_load {
        let twin = dist.join(format!("{file}.gz"));
        first_load_gzip += if twin.exists() { fs::metadata(&twin).map_err(|e| e.to_string())?.len() } else { read(&dist.join(file))?.len() as u64 };
    }
    let pack_bytes = pack_bytes.len() as u64;
    println!(
        "{} written: version {version}; first load {first_load_gzip} bytes gzipped ({} files, the corpus pack {pack_bytes}); siyaq.html {single} bytes",
        dist.display(),
        first_load.len()
    );
    Ok(DistReport { first_load_gzip, single_file_bytes: single, pack_bytes })
}

/// `dist/_headers`, the file Netlify and Cloudflare Pages read for response headers: the ones
/// our server sends with every file, so that a static host refuses framing and sniffing too
/// (a `<meta>` policy cannot carry `frame-ancestors`). Written last: it is not part of the site
/// the worker keeps.
fn write_host_headers(dist: &Path) -> Result {
    let mut rules = String::from("/*\n");
    for (name, value) in crate::server::SECURITY_HEADERS {
        rules.push_str(&format!("  {name}: {value}\n"));
    }
    let path = dist.join(HOST_HEADERS);
    fs::write(&path, rules).map_err(|e| format!("{}: {e}", path.display()))
}

/// The static host's header rules (not served, so never precached).
const HOST_HEADERS: &str = "_headers";

/// Puts a hash of each chunk's bytes in its name, and the new names in the loader. A chunk must
/// come from the same build as the main wasm (it calls into it by table position): a page of an
/// older build that asks for its chunk after a new build is published gets "not found", which it
/// reports, instead of a chunk that does not fit.
fn name_chunks_by_content(dist: &Path) -> Result {
    let loader_path = dist.join("pkg").join(site::SPLIT_LOADER);
    let mut loader = read_text(&loader_path)?;
    for chunk in chunk_files(dist)? {
        let bytes = read(&dist.join("pkg").join(&chunk))?;
        let hash: String = Sha256::digest(&bytes).iter().take(5).map(|b| format!("{b:02x}")).collect();
        let named = format!("{}.{hash}.wasm", chunk.trim_end_matches(".wasm"));
        let quoted = format!("\"./{chunk}\"");
        if !loader.contains(&quoted) {
            return Err(format!("the chunk loader does not name {chunk}"));
        }
        loader = loader.replace(&quoted, &format!("\"./{named}\""));
        fs::rename(dist.join("pkg").join(&chunk), dist.join("pkg").join(&named)).map_err(|e| format!("{chunk}: {e}"))?;
    }
    fs::write(&loader_path, loader).map_err(|e| format!("{}: {e}", loader_path.display()))
}

/// Everything the build wrote to a `pkg` folder, as paths relative to it: the glue, the main
/// wasm, the chunk loader and the chunks, and the import worker's glue and wasm in `import/`.
fn pkg_files(dir: &Path) -> Result<Vec<String>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type().map_err(|e| e.to_string())?.is_dir() {
            files.extend(pkg_files(&entry.path())?.into_iter().map(|f| format!("{name}/{f}")));
        } else {
            files.push(name);
        }
    }
    files.sort();
    Ok(files)
}

/// The wasm chunks of `dist/pkg/`, by file name: the app's only, not the import worker's.
fn chunk_files(dist: &Path) -> Result<Vec<String>> {
    Ok(pkg_files(&dist.join("pkg"))?
        .into_iter()
        .filter(|f| f.ends_with(".wasm") && f != "siyaq_bg.wasm" && !f.contains('/'))
        .collect())
}

/// The font files the stylesheet names, in its order.
fn fonts(root: &Path) -> Result<Vec<String>> {
    Ok(fonts_in(&read_text(&root.join("style/main.css"))?))
}

/// Every file of `dist/` except the worker itself, relative, sorted.
fn site_files(dist: &Path) -> Result<Vec<String>> {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<String>) -> Result {
        for entry in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                walk(&path, base, out)?;
            } else {
                out.push(path.strip_prefix(base).expect("inside").to_string_lossy().replace('\\', "/"));
            }
        }
        Ok(())
    }
    let mut files = Vec::new();
    walk(dist, dist, &mut files)?;
    files.retain(|f| f != "sw.js" && f != "siyaq.html" && f != HOST_HEADERS && !f.ends_with(".gz"));
    files.sort();
    Ok(files)
}

/// Fills the worker's file list and version (a hash of every file's name and bytes).
fn write_service_worker(dist: &Path) -> Result<String> {
    let files = site_files(dist)?;
    let mut hasher = Sha256::new();
    for file in &files {
        let bytes = read(&dist.join(file))?;
        hasher.update(file.as_bytes());
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(&bytes);
    }
    let version: String = hasher.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect();
    let mut urls = vec!["./".to_string()];
    urls.extend(files.iter().map(|f| format!("./{f}")));
    let list = serde_json::to_string(&urls).expect("strings serialize");
    let worker = dist.join("sw.js");
    let template = read_text(&worker)?;
    if !template.contains("__VERSION__") || !template.contains("__PRECACHE__") {
        return Err("web/sw.js lacks its __VERSION__ or __PRECACHE__ placeholder".into());
    }
    fs::write(&worker, template.replace("__VERSION__", &version).replace("__PRECACHE__", &list))
        .map_err(|e| format!("{}: {e}", worker.display()))?;
    Ok(version)
}

/// Writes the wasm's hash into `boot.js`: the page keys what it keeps of its own work (a built
/// index) by it, so that another build never reads what this one wrote.
fn stamp_build(dist: &Path) -> Result {
    let boot = dist.join("boot.js");
    let script = read_text(&boot)?;
    let wasm = read(&dist.join("pkg/siyaq_bg.wasm"))?;
    let hash: String = Sha256::digest(&wasm).iter().take(8).map(|b| format!("{b:02x}")).collect();
    if !script.contains(BUILD_PLACEHOLDER) {
        return Err(format!("web/boot.js lacks its {BUILD_PLACEHOLDER} placeholder"));
    }
    fs::write(&boot, script.replace(BUILD_PLACEHOLDER, &hash)).map_err(|e| format!("{}: {e}", boot.display()))
}

/// Where `web/boot.js` names the build.
const BUILD_PLACEHOLDER: &str = "__SIYAQ_BUILD__";

/// `dist/siyaq.html`: the page with its stylesheet, fonts, script and wasm inside. A file opened
/// from disk cannot load modules, fetch files or run a service worker, so everything is inline,
/// and its Content-Security-Policy allows exactly the inline script and style by their hashes.
fn write_single_file(dist: &Path) -> Result<u64> {
    let mut css = read_text(&dist.join("style/main.css"))?;
    for font in fonts_in(&css) {
        let bytes = read(&dist.join("style/fonts").join(&font))?;
        css = css.replace(&format!("url(./fonts/{font})"), &format!("url(data:font/woff2;base64,{})", BASE64.encode(bytes)));
    }
    let glue = inline_chunk_loader(dist, &read_text(&dist.join("pkg/siyaq.js"))?)?;
    let wasm = BASE64.encode(read(&dist.join("pkg/siyaq_bg.wasm"))?);
    let pack = BASE64.encode(read(&dist.join(PACK_FILE))?);
    let world = BASE64.encode(read(&dist.join(crate::world::WORLD_FILE))?);
    let script = format!(
        "globalThis.siyaqPack = new Response(new Blob([Uint8Array.from(atob('{pack}'), (c) => c.charCodeAt(0))]).stream()\
           .pipeThrough(new DecompressionStream('gzip'))).arrayBuffer().then((b) => new Uint8Array(b));\n\
         globalThis.siyaqWorld = () => new Response(new Blob([Uint8Array.from(atob('{world}'), (c) => c.charCodeAt(0))]).stream()\
           .pipeThrough(new DecompressionStream('gzip'))).arrayBuffer().then((b) => new Uint8Array(b));\n\
         {glue}\n\
         const siyaqWasmBytes = Uint8Array.from(atob('{wasm}'), (c) => c.charCodeAt(0));\n\
         __wbg_init({{ module_or_path: siyaqWasmBytes }}).catch((error) => {{\n\
           const note = document.getElementById('boot-error');\n\
           note.hidden = false;\n\
           note.querySelector('code').textContent = String(error);\n\
         }});\n"
    );
    let icon = BASE64.encode(read(&dist.join("style/icon.svg"))?);
    let policy = format!(
        "default-src 'none'; script-src 'sha256-{}' 'wasm-unsafe-eval'; style-src 'sha256-{}'; img-src blob: data:; font-src data:; object-src 'none'; base-uri 'none'; form-action 'none'",
        BASE64.encode(Sha256::digest(script.as_bytes())),
        BASE64.encode(Sha256::digest(css.as_bytes())),
    );
    let page = read_text(&dist.join("index.html"))?;
    let mut out = String::with_capacity(page.len() + css.len() + script.len());
    for line in page.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("<meta http-equiv=\"Content-Security-Policy\"") {
            out.push_str(&format!("  <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n"));
        } else if trimmed.starts_with("<link rel=\"stylesheet\"") {
            out.push_str(&format!("  <style>{css}</style>\n"));
        } else if trimmed.starts_with("<link rel=\"icon\"") {
            out.push_str(&format!("  <link rel=\"icon\" href=\"data:image/svg+xml;base64,{icon}\">\n"));
        } else if trimmed.starts_with("<script type=\"module\" src=\"./boot.js\">") {
            out.push_str(&format!("  <script type=\"module\">{script}</script>\n"));
        } else if trimmed.starts_with("<link rel=\"preload\"")
            || trimmed.starts_with("<link rel=\"modulepreload\"")
            || trimmed.starts_with("<link rel=\"manifest\"")
            || trimmed.starts_with("<link rel=\"apple-touch-icon\"")
        {
            // Nothing to fetch from a file.
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    for needed in ["<style>", "__wbg_init({ module_or_path: siyaqWasmBytes })", "Content-Security-Policy"] {
        if !out.contains(needed) {
            return Err(format!("dist/siyaq.html: index.html changed shape, `{needed}` was not written"));
        }
    }
    let path = dist.join("siyaq.html");
    fs::write(&path, &out).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(out.len() as u64)
}

/// Minifies the wasm glue, the chunk loader, the boot script and the import worker with terser (from npm): 2 KB less
/// on a first load, gzipped. Without terser they are served as written. The stylesheet loses its
/// comments and runs of white space.
fn minify(root: &Path, dist: &Path) -> Result {
    let stylesheet = dist.join("style/main.css");
    let css = squeeze_css(&read_text(&stylesheet)?);
    fs::write(&stylesheet, css).map_err(|e| format!("{}: {e}", stylesheet.display()))?;
    let terser = root.join("node_modules/terser/bin/terser");
    if !terser.exists() {
        println!("warning: terser not found; the scripts are not minified");
        return Ok(());
    }
    let import_glue = format!("pkg/{}/siyaq_import.js", site::IMPORT_DIR);
    for script in ["pkg/siyaq.js", &format!("pkg/{}", site::SPLIT_LOADER), "boot.js", "collections.js", "import-worker.js", &import_glue] {
        let path = dist.join(script);
        crate::tools::run(
            std::process::Command::new("node")
                .arg(&terser)
                .arg(&path)
                .args(["--module", "--compress", "--mangle", "--output"])
                .arg(&path),
        )?;
    }
    Ok(())
}

/// The stylesheet without comments, each run of white space one space (which CSS reads the same).
fn squeeze_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..].find("*/").map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The glue with the chunk loader inside it instead of imported, and each chunk's bytes inline
/// where the loader would fetch it: a page opened from disk can do neither.
fn inline_chunk_loader(dist: &Path, glue: &str) -> Result<String> {
    // wasm-bindgen imports the loader once per split point, each under its own name.
    let from_loader = format!("\"./{}\"", site::SPLIT_LOADER);
    let import_lines: Vec<&str> =
        glue.lines().filter(|l| l.starts_with("import * as ") && l.contains(&from_loader)).collect();
    if import_lines.is_empty() {
        return Err("pkg/siyaq.js does not import the chunk loader".into());
    }
    let mut bindings = Vec::new();
    for line in &import_lines {
        bindings.push(line["import * as ".len()..].split_whitespace().next().ok_or("import without a name")?.to_string());
    }
    let mut loader = read_text(&dist.join("pkg").join(site::SPLIT_LOADER))?;
    loader = loader.replace("import { initSync } from \"./siyaq.js\";", "");
    let mut exported = Vec::new();
    for line in loader.lines() {
        if let Some(rest) = line.strip_prefix("export const ") {
            exported.push(rest.split([' ', '=']).next().unwrap_or_default().to_string());
        }
    }
    loader = loader.replace("export const ", "const ");
    let mut chunks = Vec::new();
    for chunk in chunk_files(dist)? {
        let fetch = format!("fetch(new URL(\"./{chunk}\", import.meta.url))");
        if !loader.contains(&fetch) {
            return Err(format!("the chunk loader does not fetch {chunk} as expected"));
        }
        loader = loader.replace(&fetch, &format!("siyaqChunk({:?})", chunk));
        chunks.push(format!("{chunk:?}: '{}'", BASE64.encode(read(&dist.join("pkg").join(&chunk))?)));
    }
    if loader.contains("fetch(") || loader.contains("import ") {
        return Err("the chunk loader fetches or imports something the single file cannot".into());
    }
    let glue: String = glue.lines().filter(|l| !import_lines.contains(l)).map(|l| format!("{l}\n")).collect();
    let loader_object = format!("{{ {} }}", exported.join(", "));
    let bindings: String = bindings.iter().map(|b| format!("const {b} = {loader_object};\n")).collect();
    Ok(format!(
        "{glue}\n\
         const siyaqChunks = {{ {} }};\n\
         const siyaqChunk = (name) => Promise.resolve(new Response(Uint8Array.from(atob(siyaqChunks[name]), (c) => c.charCodeAt(0)), {{ headers: {{ 'Content-Type': 'application/wasm' }} }}));\n\
         {loader}\n\
         {bindings}",
        chunks.join(", "),
    ))
}

/// `name.gz` beside every file a server would compress, made once (by zopfli for the files of a
/// visit, gzip -9 for the single file), so that a server (ours, or a static host's) sends them
/// without compressing on each request.
fn write_gzip_twins(root: &Path, dist: &Path) -> Result {
    for file in site_files(dist)?.into_iter().chain(["sw.js".to_string(), "siyaq.html".to_string()]) {
        if file.ends_with(".woff2") || file.ends_with(".png") || file == PACK_FILE || file == crate::world::WORLD_FILE {
            continue;
        }
        let path = dist.join(&file);
        let bytes = read(&path)?;
        let twin = if file == "siyaq.html" { site::gzip(&bytes) } else { smallest_gzip_cached(root, &bytes)? };
        fs::write(dist.join(format!("{file}.gz")), twin).map_err(|e| format!("{file}.gz: {e}"))?;
    }
    Ok(())
}

/// zopfli's gzip of `bytes`, kept under `target/` by content: the same wasm written into several
/// sites (one per corpus) is compressed once.
fn smallest_gzip_cached(root: &Path, bytes: &[u8]) -> Result<Vec<u8>> {
    let hash: String = Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect();
    let cached = site::target_dir(root).join("gzip-cache").join(format!("{hash}.gz"));
    if let Ok(twin) = fs::read(&cached) {
        return Ok(twin);
    }
    let twin = site::gzip_smallest(bytes);
    if let Some(dir) = cached.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    fs::write(&cached, &twin).map_err(|e| format!("{}: {e}", cached.display()))?;
    Ok(twin)
}

fn fonts_in(css: &str) -> Vec<String> {
    css.split("url(./fonts/").skip(1).filter_map(|rest| rest.split(')').next()).map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn squeezed_css_keeps_every_rule_and_value() {
        let css = "/* fonts */\n@font-face {\n  src: url(./a.woff2);\n}\n.a,\n.b { grid-template-columns: 1fr\n    2fr; } /* x */ .c{}";
        assert_eq!(super::squeeze_css(css), "@font-face { src: url(./a.woff2); } .a, .b { grid-template-columns: 1fr 2fr; } .c{}");
    }
}
