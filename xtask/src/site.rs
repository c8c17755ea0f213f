//! Building the static site: the release wasm, its JS glue into `pkg/`, then wasm-opt.

use std::{fs, io::Write, path::Path, process::Command, time::Instant};

use flate2::{Compression, write::GzEncoder};

use crate::{Result, tools};

/// Sizes of the built wasm, for the build report.
pub struct SiteReport {
    pub wasm_bytes: u64,
    pub wasm_gzip_bytes: u64,
    pub js_bytes: u64,
    pub seconds: f64,
}

/// Builds the release site into `pkg/`; the repository root is then the whole static site.
pub fn build(root: &Path) -> Result<SiteReport> {
    let started = Instant::now();
    tools::ensure_wasm_target()?;
    let bindgen_dir = tools::ensure_wasm_bindgen(root)?;
    let have_npm = match tools::ensure_npm_packages(root) {
        Ok(()) => true,
        Err(e) => {
            println!("warning: {e}; building without wasm-opt");
            false
        }
    };

    tools::run(
        Command::new(env!("CARGO"))
            .args(["build", "--release", "--target", tools::WASM_TARGET, "--package", "siyaq"])
            .current_dir(root),
    )?;
    let pkg = root.join("pkg");
    let raw = target_dir(root).join(tools::WASM_TARGET).join("release/siyaq.wasm");
    tools::run(
        Command::new(bindgen_dir.join("wasm-bindgen"))
            .args(["--target", "web", "--no-typescript", "--out-name", "siyaq", "--out-dir"])
            .arg(&pkg)
            .arg(&raw),
    )?;
    let wasm = pkg.join("siyaq_bg.wasm");
    match tools::wasm_opt(root).filter(|_| have_npm) {
        Some(wasm_opt) => tools::run(
            Command::new("node")
                .arg(wasm_opt)
                .args([
                    "-Oz",
                    "--enable-bulk-memory",
                    "--enable-reference-types",
                    "--enable-nontrapping-float-to-int",
                    "--enable-sign-ext",
                    "--enable-mutable-globals",
                    "--enable-multivalue",
                ])
                .arg(&wasm)
                .arg("-o")
                .arg(&wasm),
        )?,
        None => println!("warning: wasm-opt not found; the wasm is not size-optimized"),
    }

    let wasm_bytes = fs::read(&wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    let report = SiteReport {
        wasm_bytes: wasm_bytes.len() as u64,
        wasm_gzip_bytes: gzip_len(&wasm_bytes),
        js_bytes: fs::metadata(pkg.join("siyaq.js")).map(|m| m.len()).unwrap_or(0),
        seconds: started.elapsed().as_secs_f64(),
    };
    println!(
        "site built in {:.1} s: pkg/siyaq_bg.wasm {} bytes ({} gzipped), pkg/siyaq.js {} bytes",
        report.seconds, report.wasm_bytes, report.wasm_gzip_bytes, report.js_bytes
    );
    Ok(report)
}

fn target_dir(root: &Path) -> std::path::PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map(Into::into).unwrap_or_else(|| root.join("target"))
}

/// Size of `bytes` after gzip -9, which is what a server sends.
pub fn gzip_len(bytes: &[u8]) -> u64 {
    gzip(bytes).len() as u64
}

/// The smallest gzip stream zopfli finds, for files a visitor downloads: about 4 % below gzip -9,
/// still readable by every gzip decoder. Slow (seconds per megabyte), so only done at build.
pub fn gzip_smallest(bytes: &[u8]) -> Vec<u8> {
    let options = zopfli::Options { iteration_count: std::num::NonZeroU64::new(5).expect("non-zero"), ..Default::default() };
    let mut out = Vec::new();
    zopfli::compress(options, zopfli::Format::Gzip, bytes, &mut out).expect("zopfli into memory");
    out
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).expect("gzip into memory");
    encoder.finish().expect("gzip into memory")
}
