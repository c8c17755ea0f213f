//! Build automation for siyaq: `cargo xtask <command>`.
//!
//! Every command installs what it needs (wasm target, the pinned wasm-bindgen CLI, Chromium,
//! npm packages) and skips what is already there, so a fresh machine needs only Rust.

mod bench;
mod corpus;
mod dist;
mod entity_eval;
mod expected;
mod files;
mod fuzz;
mod lexicon;
mod server;
mod site;
mod steps;
mod tools;
mod world;

use std::{path::PathBuf, process::ExitCode};

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  serve [--corpus DIR] [--port N] [--host ADDR]
                                  build the site into dist/ around the articles in DIR (default:
                                  the sample corpus in corpus/) and serve it (default 127.0.0.1:8080)
  dist [--corpus DIR]             build the deployable site into dist/ (with the service worker) and
                                  dist/siyaq.html, the whole app in one file; report sizes
  build [--corpus DIR]            the same as dist
  manifest DIR [--force]          write DIR/corpus.toml as siyaq works it out from DIR's files
                                  (titles, dates, bylines, repeated titles), for you to review;
                                  builds then follow it
  test                            every test: native, wasm in headless Chromium, end-to-end
  e2e [NAME-PATTERN]              only the release build and the end-to-end tests (those whose
                                  name matches the pattern)
  bench [--mb N] [--runs N] [--browser | --large-corpus | --import]
                                  engine benchmarks (criterion) on the bundled corpus and an N MB
                                  generated one (default 50), the Python peer comparison, and the
                                  browser benchmark (N cold loads, default 15; --browser: only it),
                                  and a site around the 50 MB generated corpus built as --corpus
                                  builds it (--large-corpus: only that); --import: only importing
                                  10 and 50 MB of made-up articles in the page and opening them
                                  (N runs, default 3)
  gen-corpus --mb N               write the deterministic N MB synthetic corpus to target/siyaq-gen/
  fuzz [--runs N | --seconds N]   run each fuzz target (cargo-fuzz, nightly): N executions (default
                                  10 million) or N seconds each; print executions per target
  lexicon                         write crates/siyaq-engine/data/lexicon.txt again from Debian's
                                  hunspell-ar (installed with apt-get when missing, as root)
  entity-eval DIR [--errors]      precision and recall of the entity mentions per type against a
                                  hand-annotated set (DIR/articles/*.txt, DIR/gold/*.tsv), with the
                                  site's list alone and with the world gazetteer beneath it
  world                           build the world gazetteer (CLDR's names and the curated files of
                                  crates/siyaq-ingest/data/world/) into target/world.json, and
                                  count its entities and spellings by type
  help                            this text";

pub type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.first().map(String::as_str) {
        Some("serve") => serve(&args[1..]),
        Some("build") | Some("dist") => dist(&args[1..]),
        Some("manifest") => corpus::manifest(&args[1..]),
        Some("test") => steps::test(&project_root()),
        Some("e2e") => steps::e2e(&project_root(), args.get(1).map(String::as_str)),
        Some("bench") => bench::bench(&project_root(), &args[1..]),
        Some("gen-corpus") => gen_corpus(&args[1..]),
        Some("fuzz") => fuzz::fuzz(&project_root(), &args[1..]),
        Some("lexicon") => lexicon::lexicon(&project_root()),
        Some("world") => world::report(&project_root()),
        Some("entity-eval") => entity_eval::run(&project_root(), &args[1..]),
        Some("help") | Some("--help") | Some("-h") | None => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn dist(args: &[String]) -> Result {
    let root = project_root();
    let mut corpus = corpus::sample_dir(&root);
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--corpus" => corpus = rest.next().map(PathBuf::from).ok_or("--corpus needs a folder")?,
            other => return Err(format!("dist: unknown option `{other}`\n\n{USAGE}")),
        }
    }
    dist::build(&root, &corpus).map(|_| ())
}

fn serve(args: &[String]) -> Result {
    let root = project_root();
    let mut corpus = corpus::sample_dir(&root);
    let mut port: u16 = 8080;
    let mut host = String::from("127.0.0.1");
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = |name: &str| rest.next().cloned().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--port" | "-p" => {
                let v = value("--port")?;
                port = v.parse().map_err(|_| format!("--port: `{v}` is not a port number"))?;
            }
            "--host" => host = value("--host")?,
            "--corpus" => corpus = PathBuf::from(value("--corpus")?),
            other => return Err(format!("serve: unknown option `{other}`\n\n{USAGE}")),
        }
    }
    dist::build(&root, &corpus)?;
    let server = server::Server::start(&dist::dist_dir(&root), &format!("{host}:{port}"))?;
    println!("\nsiyaq is served at {}  (Ctrl-C to stop)", server.url());
    server.wait();
    Ok(())
}

fn gen_corpus(args: &[String]) -> Result {
    match args {
        [flag, n] if flag == "--mb" => {
            let megabytes = n.parse().map_err(|_| format!("--mb: `{n}` is not a number"))?;
            bench::gen_corpus(&project_root(), megabytes).map(|_| ())
        }
        _ => Err("usage: cargo xtask gen-corpus --mb N".into()),
    }
}

/// The repository root: the parent of this crate's directory.
pub fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the repository").to_path_buf()
}
