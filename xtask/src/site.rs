//! Building the static site: the release wasm, its JS glue into `pkg/`, then wasm-opt; the import
//! worker's wasm likewise into `pkg/import/`.

use std::{
    fs,
    io::Write,
    path::{Path, PathBuf},
    process::Command,
    time::Instant,
};

use flate2::{Compression, write::GzEncoder};

use crate::files::{copy, read};
use crate::{Result, tools};

/// Sizes of the built wasm, for the build report.
pub struct SiteReport {
    pub wasm_bytes: u64,
    pub wasm_gzip_bytes: u64,
    pub js_bytes: u64,
    pub seconds: f64,
}

/// Which build of the app: the one readers get, or the browser benchmark's, which can swap the
/// bundled corpus for a generated one (`?synthetic=N`, the feature `bench-corpus`). Each has its
/// own output folders, so the benchmark's never reaches `pkg/` or `dist/`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Variant {
    Site,
    Benchmark,
}

impl Variant {
    /// Where wasm-bindgen, the splitter and wasm-opt leave the app.
    pub fn pkg_dir(self, root: &Path) -> PathBuf {
        match self {
            Variant::Site => root.join("pkg"),
            Variant::Benchmark => target_dir(root).join("bench-site/pkg"),
        }
    }

    /// The deployable (or benchmarked) static site.
    pub fn dist_dir(self, root: &Path) -> PathBuf {
        match self {
            Variant::Site => root.join("dist"),
            Variant::Benchmark => target_dir(root).join("bench-site/dist"),
        }
    }

    fn split_dir(self, root: &Path) -> PathBuf {
        match self {
            Variant::Site => target_dir(root).join("wasm-split"),
            Variant::Benchmark => target_dir(root).join("bench-site/wasm-split"),
        }
    }

    fn cargo_features(self) -> &'static [&'static str] {
        match self {
            Variant::Site => &[],
            Variant::Benchmark => &["--features", "bench-corpus"],
        }
    }
}

/// Builds the release site into `pkg/`; the repository root is then the whole static site.
pub fn build(root: &Path) -> Result<SiteReport> {
    build_variant(root, Variant::Site)
}

/// Builds `variant` into its `pkg` folder.
pub fn build_variant(root: &Path, variant: Variant) -> Result<SiteReport> {
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

    // `siyaq_split` turns the functions made with `chunk!` (src/chunks.rs) into split points; the relocations let
    // the splitter move their code into chunks. These flags replace .cargo/config.toml's, so they repeat them.
    tools::run(
        Command::new(env!("CARGO"))
            .args(["build", "--release", "--target", tools::WASM_TARGET, "--package", "siyaq"])
            .args(variant.cargo_features())
            .env("RUSTFLAGS", "--cfg erase_components --cfg siyaq_split -C link-arg=--emit-relocs")
            .current_dir(root),
    )?;
    let pkg = variant.pkg_dir(root);
    let _ = fs::remove_dir_all(&pkg);
    let raw = target_dir(root).join(tools::WASM_TARGET).join("release/siyaq.wasm");
    let split_dir = variant.split_dir(root);
    let chunks = split(&raw, &split_dir)?;
    tools::run(
        Command::new(bindgen_dir.join("wasm-bindgen"))
            .args(["--target", "web", "--no-typescript", "--keep-lld-exports", "--out-name", "siyaq", "--out-dir"])
            .arg(&pkg)
            .arg(split_dir.join("siyaq.wasm")),
    )?;
    let mut modules = vec![pkg.join("siyaq_bg.wasm")];
    for chunk in &chunks {
        let name = chunk.file_name().ok_or("a chunk without a name")?;
        copy(chunk, &pkg.join(name))?;
        modules.push(pkg.join(name));
    }
    copy(&split_dir.join(SPLIT_LOADER), &pkg.join(SPLIT_LOADER))?;
    let wasm_opt = tools::wasm_opt(root).filter(|_| have_npm);
    match &wasm_opt {
        Some(wasm_opt) => {
            for module in &modules {
                optimize(wasm_opt, module)?;
            }
        }
        None => println!("warning: wasm-opt not found; the wasm is not size-optimized"),
    }
    for chunk in &modules[1..] {
        let bytes = read(chunk)?;
        println!("  chunk {}: {} bytes ({} gzipped)", chunk.display(), bytes.len(), gzip_len(&bytes));
    }

    let wasm = pkg.join("siyaq_bg.wasm");
    let wasm_bytes = read(&wasm)?;
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
    build_import_worker(root, &bindgen_dir, &pkg, wasm_opt.as_deref())?;
    Ok(report)
}

/// Where the import worker's glue and wasm go, under a `pkg` folder.
pub const IMPORT_DIR: &str = "import";

/// Builds the import worker's wasm (`crates/siyaq-import`) into `pkg/import/`. It is a module
/// of its own, loaded only when a user imports files: not split, and built in a target folder of
/// its own, since its flags differ from the app's and would otherwise make each build redo the
/// other's dependencies.
fn build_import_worker(root: &Path, bindgen_dir: &Path, pkg: &Path, wasm_opt: Option<&Path>) -> Result {
    let target = target_dir(root).join("import-worker");
    tools::run(
        Command::new(env!("CARGO"))
            .args(["build", "--release", "--target", tools::WASM_TARGET, "--package", "siyaq-import"])
            .env("CARGO_TARGET_DIR", &target)
            .env("RUSTFLAGS", "--cfg erase_components")
            .current_dir(root),
    )?;
    let out = pkg.join(IMPORT_DIR);
    tools::run(
        Command::new(bindgen_dir.join("wasm-bindgen"))
            .args(["--target", "web", "--no-typescript", "--out-name", "siyaq_import", "--out-dir"])
            .arg(&out)
            .arg(target.join(tools::WASM_TARGET).join("release/siyaq_import.wasm")),
    )?;
    let wasm = out.join("siyaq_import_bg.wasm");
    if let Some(wasm_opt) = wasm_opt {
        optimize(wasm_opt, &wasm)?;
    }
    let bytes = read(&wasm)?;
    println!("  import worker {}: {} bytes ({} gzipped)", wasm.display(), bytes.len(), gzip_len(&bytes));
    Ok(())
}

/// Runs binaryen's wasm-opt (from npm) over `module` in place, for size.
fn optimize(wasm_opt: &Path, module: &Path) -> Result {
    tools::run(
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
            .arg(module)
            .arg("-o")
            .arg(module),
    )
}

/// The module the main wasm imports chunk loaders from, written by the splitter beside it.
pub const SPLIT_LOADER: &str = "__wasm_split.js";

/// Splits the cargo output at its `#[lazy]` points: the main module (still to be bound by
/// wasm-bindgen) as `siyaq.wasm` in `out`, one wasm per chunk beside it, and the loader.
fn split(raw: &Path, out: &Path) -> Result<Vec<PathBuf>> {
    let input = read(raw)?;
    let _ = fs::remove_dir_all(out);
    let main = out.join("siyaq.wasm");
    let mut options = wasm_split_cli_support::Options::new(&input);
    options.output_dir = out;
    options.main_out_path = &main;
    options.main_module = "./siyaq.js";
    options.link_name = "./__wasm_split.js";
    let split = wasm_split_cli_support::transform(options).map_err(|e| format!("splitting the wasm: {e:#}"))?;
    Ok(split.split_modules)
}

pub fn target_dir(root: &Path) -> PathBuf {
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
