//! `cargo xtask gen-corpus` and `cargo xtask bench`: the synthetic corpus, the engine's criterion
//! benchmarks, the Python peer comparison and the browser benchmark, reported as one table.

use std::{
    fs,
    path::{Path, PathBuf},
    process::Command,
};

use serde_json::Value;

use crate::site::Variant;
use crate::{Result, server::Server, site, tools};

/// Writes the deterministic synthetic corpus of `megabytes` MB (one file per document) and
/// returns its directory; an existing one is kept.
pub fn gen_corpus(root: &Path, megabytes: usize) -> Result<PathBuf> {
    let dir = root.join(format!("target/siyaq-gen/corpus-{megabytes}mb"));
    let done = dir.join(".complete");
    if done.exists() {
        println!("synthetic corpus already in {}", dir.display());
        return Ok(dir);
    }
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let documents = siyaq_ingest::sample().synthetic(megabytes);
    for (i, text) in documents.iter().enumerate() {
        let path = dir.join(format!("doc-{i:05}.txt"));
        fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    fs::write(&done, "").map_err(|e| e.to_string())?;
    let bytes: usize = documents.iter().map(String::len).sum();
    println!("wrote {} documents, {bytes} bytes, to {}", documents.len(), dir.display());
    Ok(dir)
}

pub fn bench(root: &Path, args: &[String]) -> Result {
    let mut megabytes = 50;
    let mut runs = 15;
    let mut browser_only = false;
    let mut large_only = false;
    let mut import_only = false;
    let mut runs_given = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if arg == "--browser" {
            browser_only = true;
            continue;
        }
        if arg == "--large-corpus" {
            large_only = true;
            continue;
        }
        if arg == "--import" {
            import_only = true;
            continue;
        }
        let value = rest.next().ok_or(format!("{arg} needs a value"))?;
        let number = value.parse().map_err(|_| format!("{arg}: `{value}` is not a number"))?;
        match arg.as_str() {
            "--mb" => megabytes = number,
            "--runs" => {
                runs = number;
                runs_given = true;
            }
            _ => return Err("usage: cargo xtask bench [--mb N] [--runs N] [--browser | --large-corpus | --import]".into()),
        }
    }
    if import_only {
        // Each run imports up to 50 MB in a fresh browser: three already take minutes.
        return import_bench(root, if runs_given { runs } else { 3 });
    }
    if large_only {
        tools::ensure_chromium()?;
        tools::ensure_npm_packages(root)?;
        site::build(root)?;
        return large_corpus_bench(root, runs, LARGE_CORPUS_MB);
    }
    if browser_only {
        return browser_bench(root, runs);
    }
    let generated = gen_corpus(root, megabytes)?;

    println!("\n==> engine benchmarks (criterion)");
    tools::run(
        Command::new(env!("CARGO"))
            .args(["bench", "--package", "siyaq-engine", "--bench", "engine"])
            .env("SIYAQ_BENCH_MB", megabytes.to_string())
            .current_dir(root),
    )?;

    println!("\n==> Python peer (CAMeL Tools + NLTK)");
    let peer = match python_peer(root, &generated, megabytes) {
        Ok(peer) => Some(peer),
        Err(e) => {
            println!("warning: the Python peer could not run: {e}");
            None
        }
    };
    report(root, megabytes, peer.as_ref());
    browser_bench(root, runs)
}

/// Page load, cold and offline, on the site readers get (`dist/`); the concordance under load on
/// the benchmark's own build, whose `?synthetic=N` swaps in a generated corpus with tens of
/// thousands of hits (never part of `dist/`).
fn browser_bench(root: &Path, runs: usize) -> Result {
    println!("\n==> browser benchmark");
    tools::ensure_chromium()?;
    tools::ensure_npm_packages(root)?;
    let built = crate::corpus::build(root, &crate::corpus::sample_dir(root))?;
    let site = site::build(root)?;
    let dist = crate::dist::write(root, Variant::Site, &built.pack)?;
    let server = Server::start(&Variant::Site.dist_dir(root), "127.0.0.1:0")?;
    tools::run(
        browser_script(root, "load.mjs", server.url(), runs)
            .env("SIYAQ_WASM_BYTES", site.wasm_bytes.to_string())
            .env("SIYAQ_WASM_GZIP_BYTES", site.wasm_gzip_bytes.to_string())
            .env("SIYAQ_FIRST_LOAD_GZIP_BYTES", dist.first_load_gzip.to_string())
            .env("SIYAQ_SINGLE_FILE_BYTES", dist.single_file_bytes.to_string())
            .env("SIYAQ_PACK_BYTES", dist.pack_bytes.to_string())
            .current_dir(root),
    )?;
    println!("\n==> the benchmark's build (feature bench-corpus), into {}", Variant::Benchmark.dist_dir(root).display());
    crate::dist::build_variant(root, Variant::Benchmark, &crate::corpus::sample_dir(root))?;
    let bench_server = Server::start(&Variant::Benchmark.dist_dir(root), "127.0.0.1:0")?;
    tools::run(
        browser_script(root, "concordance.mjs", bench_server.url(), runs)
            .current_dir(root),
    )?;
    large_corpus_bench(root, runs, LARGE_CORPUS_MB)
}

/// A browser benchmark script of `tests/bench/` against the site at `url`, `runs` times; its
/// figures go in by further environment variables.
fn browser_script(root: &Path, script: &str, url: &str, runs: usize) -> Command {
    let mut command = Command::new("node");
    command
        .arg(root.join("tests/bench").join(script))
        .env("SIYAQ_URL", url)
        .env("SIYAQ_CHROMIUM", tools::CHROMIUM)
        .env("SIYAQ_RUNS", runs.to_string());
    command
}

/// The generated corpus the large-corpus benchmark builds a site around.
const LARGE_CORPUS_MB: usize = 50;

/// A site around the generated corpus written out as files, as `--corpus` builds it: the same
/// wasm as `dist/`, another pack.
fn large_corpus_bench(root: &Path, runs: usize, megabytes: usize) -> Result {
    println!("\n==> large-corpus benchmark: the {megabytes} MB generated corpus, built with --corpus");
    let dir = gen_corpus(root, megabytes)?;
    let started = std::time::Instant::now();
    let built = crate::corpus::build(root, &dir)?;
    println!("  pack built in {:.1} s", started.elapsed().as_secs_f64());
    let text_bytes: usize = built.pack.files.iter().map(|f| f.text.len()).sum();
    let site = site::target_dir(root).join("bench-site/large-corpus");
    let report = crate::dist::write_into(root, &Variant::Site.pkg_dir(root), &site, &built.pack)?;
    let server = Server::start(&site, "127.0.0.1:0")?;
    tools::run(
        browser_script(root, "big-corpus.mjs", server.url(), runs)
            .env("SIYAQ_TEXT_BYTES", text_bytes.to_string())
            .env("SIYAQ_PACK_BYTES", report.pack_bytes.to_string())
            .current_dir(root),
    )
}

/// The user's own articles in the page, on the site readers get (`dist/`, built again here):
/// made-up articles imported into a collection, which is then opened on a link with a query.
fn import_bench(root: &Path, runs: usize) -> Result {
    println!("\n==> import benchmark: made-up articles imported in the page, on dist/");
    tools::ensure_chromium()?;
    tools::ensure_npm_packages(root)?;
    crate::dist::build(root, &crate::corpus::sample_dir(root))?;
    let server = Server::start(&crate::dist::dist_dir(root), "127.0.0.1:0")?;
    tools::run(browser_script(root, "import.mjs", server.url(), runs).current_dir(root))
}

fn python_peer(root: &Path, generated: &Path, megabytes: usize) -> Result<Value> {
    let venv = root.join("target/peer-venv");
    let python = venv.join("bin/python");
    if !python.exists() {
        tools::run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
        // camel-tools' full dependencies pull torch; its normalizers and tokenizer need none.
        tools::run(Command::new(&python).args(["-m", "pip", "install", "-q", "--no-deps", "camel-tools==1.6.0"]))?;
        tools::run(Command::new(&python).args(["-m", "pip", "install", "-q", "emoji", "pyarabic", "nltk", "six"]))?;
    }
    let output = Command::new(&python)
        .arg(root.join("tests/bench/peer.py"))
        .arg(format!("bundled={}", root.join("corpus").display()))
        .arg(format!("generated-{megabytes}mb={}", generated.display()))
        .output()
        .map_err(|e| format!("python: {e}"))?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).into_owned());
    }
    serde_json::from_slice(&output.stdout).map_err(|e| format!("peer output: {e}"))
}

/// Median time in seconds of a criterion benchmark.
fn criterion_median(root: &Path, id: &str) -> Option<f64> {
    let path = root.join("target/criterion").join(id).join("new/estimates.json");
    let estimates: Value = serde_json::from_str(&fs::read_to_string(path).ok()?).ok()?;
    estimates["median"]["point_estimate"].as_f64().map(|ns| ns / 1e9)
}

fn report(root: &Path, megabytes: usize, peer: Option<&Value>) {
    let sample = siyaq_ingest::sample();
    let bundled_bytes: usize = sample.documents().iter().map(|d| sample.text(d).len()).sum();
    let corpora = [("bundled".to_string(), bundled_bytes as f64), (format!("generated-{megabytes}mb"), (megabytes * 1_000_000) as f64)];
    println!("\nbenchmark table (medians; ratio = Python time / siyaq time)\n");
    println!("| corpus | measure | siyaq | Python peer | ratio |");
    println!("|---|---|---|---|---|");
    for (corpus, bytes) in &corpora {
        let peer_corpus = peer.and_then(|p| p.get(corpus));
        let peer_bytes = peer_corpus.and_then(|p| p["bytes"].as_f64()).unwrap_or(*bytes);
        for (measure, id, key) in [("normalization", "normalize", "normalize_seconds"), ("index build", "index-build", "index_build_seconds")] {
            let ours = criterion_median(root, &format!("{id}/{corpus}"));
            let theirs = peer_corpus.and_then(|p| p[key].as_f64());
            println!(
                "| {corpus} | {measure} | {} | {} | {} |",
                ours.map_or("–".into(), |s| format!("{:.0} MB/s", bytes / s / 1e6)),
                theirs.map_or("–".into(), |s| format!("{:.1} MB/s", peer_bytes / s / 1e6)),
                ratio(theirs, ours)
            );
        }
        for query in ["clitic-word", "phrase", "prefix", "regex"] {
            let ours = criterion_median(root, &format!("query-{corpus}/{query}"));
            let theirs = peer_corpus.and_then(|p| p["queries"][query]["seconds"].as_f64());
            let hits = peer_corpus.and_then(|p| p["queries"][query]["hits"].as_u64());
            println!(
                "| {corpus} | {query}: count + first 100 lines | {} | {}{} | {} |",
                ours.map_or("–".into(), |s| format!("{:.3} ms", s * 1e3)),
                theirs.map_or("–".into(), |s| format!("{:.3} ms", s * 1e3)),
                hits.map_or(String::new(), |h| format!(" ({h} hits)")),
                ratio(theirs, ours)
            );
        }
    }
}

fn ratio(theirs: Option<f64>, ours: Option<f64>) -> String {
    match (theirs, ours) {
        (Some(t), Some(o)) if o > 0.0 => format!("{:.0}×", t / o),
        _ => "–".into(),
    }
}
