//! `cargo xtask fuzz`: runs each cargo-fuzz target (nightly, libFuzzer) for a number of
//! executions (10 million each unless told) or seconds, then prints how many each ran and how fast.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::{path::Path, time::Instant};

use crate::{Result, tools};

const TARGETS: [&str; 7] = ["query_parser", "normalizer", "link_reader", "entity_list_reader", "entity_changes", "pack_reader", "stored_index"];

/// The executions each target gets by default.
const DEFAULT_RUNS: u64 = 10_000_000;

const USAGE: &str = "usage: cargo xtask fuzz [--runs N | --seconds N]";

/// How long each target runs.
#[derive(Clone, Copy)]
enum Budget {
    Runs(u64),
    Seconds(u64),
}

impl Budget {
    fn from_args(args: &[String]) -> Result<Budget> {
        let number = |flag: &str, n: &str| n.parse::<u64>().map_err(|_| format!("{flag}: `{n}` is not a number\n{USAGE}"));
        match args {
            [] => Ok(Budget::Runs(DEFAULT_RUNS)),
            [flag, n] if flag == "--runs" => number(flag, n).map(Budget::Runs),
            [flag, n] if flag == "--seconds" => number(flag, n).map(Budget::Seconds),
            _ => Err(USAGE.into()),
        }
    }

    fn libfuzzer_flag(self) -> String {
        match self {
            Budget::Runs(n) => format!("-runs={n}"),
            Budget::Seconds(s) => format!("-max_total_time={s}"),
        }
    }

    fn describe(self) -> String {
        match self {
            Budget::Runs(n) => format!("{n} executions"),
            Budget::Seconds(s) => format!("{s} s"),
        }
    }
}

/// What one target's run reported.
struct Run {
    target: &'static str,
    executions: Option<u64>,
    per_second: Option<u64>,
    seconds: f64,
    /// libFuzzer stopped on an input that fails the target (kept in fuzz/artifacts/TARGET/).
    failed: bool,
}

pub fn fuzz(root: &Path, args: &[String]) -> Result {
    let budget = Budget::from_args(args)?;
    let toolchains = tools::output(Command::new("rustup").args(["toolchain", "list"])).unwrap_or_default();
    if !toolchains.lines().any(|l| l.starts_with("nightly")) {
        tools::run(Command::new("rustup").args(["toolchain", "install", "nightly", "--profile", "minimal"]))?;
    }
    if tools::output(Command::new("cargo").args(["fuzz", "--version"])).is_none() {
        tools::run(Command::new(env!("CARGO")).args(["install", "cargo-fuzz"]))?;
    }
    let mut runs = Vec::new();
    for target in TARGETS {
        // Built first, so that the time measured is the fuzzing's alone.
        tools::run(Command::new("cargo").args(["+nightly", "fuzz", "build", target]).env_remove("RUSTUP_TOOLCHAIN").current_dir(root))?;
        println!("\n==> fuzzing {target} for {}", budget.describe());
        runs.push(run_target(root, target, budget)?);
    }
    println!("\n{:<20} {:>14} {:>10} {:>12}", "target", "executions", "seconds", "per second");
    for run in &runs {
        let shown = |n: Option<u64>| n.map_or("?".to_string(), |n| n.to_string());
        let outcome = if run.failed { format!("  FAILED: see fuzz/artifacts/{}/", run.target) } else { String::new() };
        println!("{:<20} {:>14} {:>10.0} {:>12}{outcome}", run.target, shown(run.executions), run.seconds, shown(run.per_second));
    }
    let failed: Vec<&str> = runs.iter().filter(|r| r.failed).map(|r| r.target).collect();
    if failed.is_empty() { Ok(()) } else { Err(format!("fuzzing found failures in {}", failed.join(", "))) }
}

/// Runs one target, passing its output through, and reads libFuzzer's final statistics. A failure
/// found is recorded, not returned, so that the other targets still run.
fn run_target(root: &Path, target: &'static str, budget: Budget) -> Result<Run> {
    let started = Instant::now();
    let mut child = Command::new("cargo")
        .args(["+nightly", "fuzz", "run", target, "--", &budget.libfuzzer_flag(), "-print_final_stats=1"])
        .env_remove("RUSTUP_TOOLCHAIN")
        .current_dir(root)
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cargo fuzz: {e}"))?;
    let mut run = Run { target, executions: None, per_second: None, seconds: 0.0, failed: false };
    if let Some(stderr) = child.stderr.take() {
        for line in BufReader::new(stderr).lines().map_while(std::io::Result::ok) {
            eprintln!("{line}");
            let stat = |name: &str| line.strip_prefix(name).and_then(|n| n.trim().parse().ok());
            run.executions = stat("stat::number_of_executed_units:").or(run.executions);
            run.per_second = stat("stat::average_exec_per_sec:").or(run.per_second);
        }
    }
    let status = child.wait().map_err(|e| format!("cargo fuzz: {e}"))?;
    run.seconds = started.elapsed().as_secs_f64();
    run.failed = !status.success();
    Ok(run)
}
