//! `cargo xtask test` and `cargo xtask bench`: steps run in order, failing fast, with a summary.

use std::{
    path::Path,
    process::Command,
    time::{Duration, Instant},
};

use crate::site::Variant;
use crate::{Result, expected, server::Server, tools};

/// The folder of articles written for the tests, in every encoding and format a corpus may hold.
const ARTICLES: &str = "tests/articles";
/// The mixed set of files the page's import is tested with (written by `tests/import/make.py`).
const IMPORTED: &str = "tests/import/mixed";

/// Runs named steps in order, stops at the first failure, and prints how each went.
struct Steps {
    done: Vec<(String, Duration, bool)>,
}

impl Steps {
    fn new() -> Self {
        Steps { done: Vec::new() }
    }

    fn run(&mut self, name: &str, step: impl FnOnce() -> Result) -> Result {
        println!("\n==> {name}");
        let started = Instant::now();
        let outcome = step();
        self.done.push((name.to_string(), started.elapsed(), outcome.is_ok()));
        outcome.map_err(|e| format!("step `{name}` failed: {e}"))
    }

    fn summary(&self) {
        println!("\nsummary:");
        for (name, time, ok) in &self.done {
            println!("  {} {name:<34} {:>7.1} s", if *ok { "ok  " } else { "FAIL" }, time.as_secs_f64());
        }
    }
}

pub fn test(root: &Path) -> Result {
    let mut steps = Steps::new();
    let outcome = run_tests(root, &mut steps);
    steps.summary();
    if outcome.is_ok() {
        println!("\nall tests passed");
    }
    outcome
}

fn run_tests(root: &Path, steps: &mut Steps) -> Result {
    let mut bindgen_dir = None;
    steps.run("install what is missing", || {
        tools::ensure_wasm_target()?;
        bindgen_dir = Some(tools::ensure_wasm_bindgen(root)?);
        tools::ensure_chromium()?;
        tools::ensure_npm_packages(root)
    })?;
    let bindgen_dir = bindgen_dir.expect("set by the install step");

    steps.run("native tests (whole workspace)", || {
        tools::run(Command::new(env!("CARGO")).args(["test", "--workspace"]).current_dir(root))
    })?;

    steps.run("wasm tests (headless Chromium)", || {
        tools::run(
            Command::new(env!("CARGO"))
                .args(["test", "--package", "siyaq", "--target", tools::WASM_TARGET])
                .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", bindgen_dir.join("wasm-bindgen-test-runner"))
                .env("CHROMEDRIVER", tools::CHROMEDRIVER)
                .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
                .current_dir(root),
        )
    })?;

    let sample = crate::corpus::sample_dir(root);
    steps.run("release site build (dist/)", || crate::dist::build(root, &sample).map(|_| ()))?;

    steps.run("end-to-end tests (Playwright, Chromium)", || end_to_end(root, None))
}

/// `cargo xtask e2e`: only the site build and the end-to-end tests, for working on the page.
pub fn e2e(root: &Path, name_pattern: Option<&str>) -> Result {
    let mut steps = Steps::new();
    let outcome = steps
        .run("install what is missing", || {
            tools::ensure_chromium()?;
            tools::ensure_npm_packages(root)
        })
        .and_then(|()| {
            steps.run("release site build (dist/)", || crate::dist::build(root, &crate::corpus::sample_dir(root)).map(|_| ()))
        })
        .and_then(|()| steps.run("end-to-end tests (Playwright, Chromium)", || end_to_end(root, name_pattern)));
    steps.summary();
    outcome
}

fn end_to_end(root: &Path, name_pattern: Option<&str>) -> Result {
    let expected = root.join("target/e2e/expected.json");
    let world = crate::world::world(root)?;
    expected::write(siyaq_ingest::sample(), &world, &expected)?;
    let server = Server::start(&crate::dist::dist_dir(root), "127.0.0.1:0")?;
    println!("site served at {}", server.url());
    // The same wasm around another corpus: the test folder of articles in every encoding and
    // format, built without a manifest, as `--corpus tests/articles` would.
    let articles = crate::corpus::build(root, &root.join(ARTICLES))?;
    let articles_site = root.join("target/e2e/articles-site");
    crate::dist::write_into(root, &Variant::Site.pkg_dir(root), &articles_site, &articles.pack)?;
    // Another pack published beside it, for links that choose one (`?pack=packs/sample.pack`).
    let packs = articles_site.join("packs");
    std::fs::create_dir_all(&packs).map_err(|e| format!("{}: {e}", packs.display()))?;
    std::fs::copy(crate::dist::dist_dir(root).join(crate::dist::PACK_FILE), packs.join("sample.pack"))
        .map_err(|e| format!("the sample pack beside the test articles' site: {e}"))?;
    let articles_expected = root.join("target/e2e/expected-articles.json");
    let corpus = siyaq_corpus::Corpus::from_pack(articles.pack).map_err(|e| e.to_string())?;
    expected::write(&corpus, &world, &articles_expected)?;
    // The mixed set the page's import is tested with, as a folder build reads it: the engine's
    // native answers the page's collection must give (its duplicates aside).
    let imported = crate::corpus::build(root, &root.join(IMPORTED))?;
    let imported_expected = root.join("target/e2e/expected-import.json");
    let corpus = siyaq_corpus::Corpus::from_pack(imported.pack).map_err(|e| e.to_string())?;
    expected::write(&corpus, &world, &imported_expected)?;
    let articles_server = Server::start(&articles_site, "127.0.0.1:0")?;
    println!("the test articles' site served at {}", articles_server.url());
    tools::run(
        Command::new("node")
            .args(["--test", "--test-reporter=spec", "--test-concurrency=1"])
            .args(name_pattern.map(|p| format!("--test-name-pattern={p}")))
            .arg(root.join("tests/e2e"))
            .env("SIYAQ_URL", server.url())
            .env("SIYAQ_EXPECTED", &expected)
            .env("SIYAQ_ARTICLES_URL", articles_server.url())
            .env("SIYAQ_ARTICLES_EXPECTED", &articles_expected)
            .env("SIYAQ_IMPORT_EXPECTED", &imported_expected)
            .env("SIYAQ_CHROMIUM", tools::CHROMIUM)
            .env("SIYAQ_ROOT", root)
            .current_dir(root),
    )
}

