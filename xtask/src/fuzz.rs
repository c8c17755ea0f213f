//! `cargo xtask fuzz`: runs each cargo-fuzz target (nightly, libFuzzer) for a while.

use std::{path::Path, process::Command};

use crate::{Result, tools};

const TARGETS: [&str; 2] = ["query_parser", "normalizer"];

pub fn fuzz(root: &Path, args: &[String]) -> Result {
    let seconds: u64 = match args {
        [] => 180,
        [flag, n] if flag == "--seconds" => n.parse().map_err(|_| format!("--seconds: `{n}` is not a number"))?,
        _ => return Err("usage: cargo xtask fuzz [--seconds N]".into()),
    };
    let toolchains = tools::output(Command::new("rustup").args(["toolchain", "list"])).unwrap_or_default();
    if !toolchains.lines().any(|l| l.starts_with("nightly")) {
        tools::run(Command::new("rustup").args(["toolchain", "install", "nightly", "--profile", "minimal"]))?;
    }
    if tools::output(Command::new("cargo").args(["fuzz", "--version"])).is_none() {
        tools::run(Command::new(env!("CARGO")).args(["install", "cargo-fuzz"]))?;
    }
    for target in TARGETS {
        println!("\n==> fuzzing {target} for {seconds} s");
        tools::run(
            Command::new("cargo")
                .args(["+nightly", "fuzz", "run", target, "--", &format!("-max_total_time={seconds}"), "-print_final_stats=1"])
                .env_remove("RUSTUP_TOOLCHAIN")
                .current_dir(root),
        )?;
    }
    Ok(())
}
