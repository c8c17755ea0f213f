//! Finding, and installing when missing, the tools the build and the tests need.

use std::{
    env, fs,
    path::{Path, PathBuf},
    process::Command,
};

use crate::Result;

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Runs `command`, echoing it, and fails with a readable message when it fails.
pub fn run(command: &mut Command) -> Result {
    println!("$ {}", describe(command));
    let status = command.status().map_err(|e| format!("could not start `{}`: {e}", describe(command)))?;
    if status.success() { Ok(()) } else { Err(format!("`{}` failed ({status})", describe(command))) }
}

/// The standard output of `command`, or `None` when it cannot run or fails.
pub fn output(command: &mut Command) -> Option<String> {
    let out = command.output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn describe(command: &Command) -> String {
    let mut text = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

pub fn ensure_wasm_target() -> Result {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"]))
        .ok_or("`rustup` is needed to add the wasm32 target: install Rust with rustup")?;
    if installed.lines().any(|l| l.trim() == WASM_TARGET) {
        return Ok(());
    }
    run(Command::new("rustup").args(["target", "add", WASM_TARGET]))
}

/// The wasm-bindgen version the app is locked to (the CLI must be exactly this version).
pub fn locked_wasm_bindgen_version(root: &Path) -> Result<String> {
    let lock = fs::read_to_string(root.join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\""
            && let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \""))
        {
            return Ok(version.trim_end_matches('"').to_string());
        }
    }
    Err("Cargo.lock does not lock wasm-bindgen".into())
}

fn cargo_bin_dir() -> PathBuf {
    match env::var_os("CARGO_HOME") {
        Some(home) => PathBuf::from(home).join("bin"),
        None => PathBuf::from(env::var_os("HOME").unwrap_or_default()).join(".cargo/bin"),
    }
}

/// Makes sure `wasm-bindgen` and `wasm-bindgen-test-runner` of the locked version are installed;
/// returns the directory holding them.
pub fn ensure_wasm_bindgen(root: &Path) -> Result<PathBuf> {
    let version = locked_wasm_bindgen_version(root)?;
    let dir = cargo_bin_dir();
    let installed = output(Command::new(dir.join("wasm-bindgen")).arg("--version"));
    if installed.as_deref().map(str::trim) == Some(&format!("wasm-bindgen {version}")) {
        return Ok(dir);
    }
    println!("wasm-bindgen CLI {version} is missing (found {installed:?}); installing it (about 8 minutes on 2 cores)");
    // `--locked` fails on this registry (a locked dependency is not served), so install without it.
    run(Command::new(env!("CARGO")).args(["install", "wasm-bindgen-cli", "--force", "--version", &version]))?;
    Ok(dir)
}

pub fn is_root() -> bool {
    output(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0")
}

/// Makes sure Debian's Chromium and ChromeDriver are installed (as root), or says what to install.
pub fn ensure_chromium() -> Result {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    if !is_root() {
        return Err(format!(
            "the tests need Chromium at {CHROMIUM} and ChromeDriver at {CHROMEDRIVER}.\n\
             Install them as root: apt-get install chromium chromium-driver"
        ));
    }
    run(Command::new("apt-get").args(["update", "-q"]).env("DEBIAN_FRONTEND", "noninteractive"))?;
    run(Command::new("apt-get")
        .args(["install", "-y", "-q", "chromium", "chromium-driver"])
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

/// Installs the npm packages of `package-lock.json` unless `node_modules` is already up to date.
pub fn ensure_npm_packages(root: &Path) -> Result {
    if output(Command::new("node").arg("--version")).is_none() || output(Command::new("npm").arg("--version")).is_none() {
        return Err("Node.js and npm are needed (for wasm-opt and the end-to-end tests): apt-get install nodejs npm".into());
    }
    let lock = root.join("package-lock.json");
    let installed = root.join("node_modules/.package-lock.json");
    let fresh = match (fs::metadata(&lock), fs::metadata(&installed)) {
        (Ok(l), Ok(i)) => l.modified().ok() <= i.modified().ok(),
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(root))
}

/// binaryen's wasm-opt from npm (Debian's binaryen 108 produces wasm that fails to load).
pub fn wasm_opt(root: &Path) -> Option<PathBuf> {
    let path = root.join("node_modules/binaryen/bin/wasm-opt");
    path.exists().then_some(path)
}
