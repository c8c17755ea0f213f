//! The world gazetteer file of the site (`world.gazetteer`, gzip-compressed JSON): built from
//! Unicode CLDR's Arabic and English names of territories and time-zone cities, fetched once from
//! npm at the pinned version and kept under `target/`, and from the curated files of
//! `crates/siyaq-ingest/data/world/`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Result;
use crate::site;
use crate::tools;

/// The file's name in the site.
pub const WORLD_FILE: &str = "world.gazetteer";

/// CLDR's version, as its npm packages are numbered.
const CLDR_VERSION: &str = "48.2.0";

/// The package holding each file of `siyaq_ingest::world::CLDR_FILES`, by file name.
fn package_of(file: &str) -> &'static str {
    if file.starts_with("bcp47/") {
        "cldr-bcp47"
    } else if file.ends_with("territories.json") {
        "cldr-localenames-full"
    } else {
        "cldr-dates-full"
    }
}

/// The compressed world file, built anew (quick) from the curated files and the kept CLDR files.
pub fn build(root: &Path) -> Result<Vec<u8>> {
    let json = serde_json::to_vec(&world(root)?).map_err(|e| e.to_string())?;
    Ok(site::gzip(&json))
}

pub fn world(root: &Path) -> Result<siyaq_state::world::World> {
    let cldr = ensure_cldr(root)?;
    siyaq_ingest::world::build(&root.join("crates/siyaq-ingest/data/world"), &cldr, CLDR_VERSION)
}

/// `cargo xtask world`: the gazetteer as JSON under `target/`, for a linguist to read, and its
/// counts.
pub fn report(root: &Path) -> Result {
    let world = world(root)?;
    let json = serde_json::to_string_pretty(&world).map_err(|e| e.to_string())?;
    let out = site::target_dir(root).join("world.json");
    fs::write(&out, &json).map_err(|e| format!("{}: {e}", out.display()))?;
    let compressed = site::gzip(json.as_bytes()).len();
    for kind in siyaq_engine::gazetteer::EntityKind::ALL {
        let of_kind: Vec<_> = world.entities.iter().filter(|e| e.kind == kind).collect();
        let aliases: usize = of_kind.iter().map(|e| e.aliases.len()).sum();
        println!("{:>13}: {:>5} entities, {:>5} aliases", kind.name(), of_kind.len(), aliases);
    }
    println!("{} entities; written to {} ({} bytes gzipped)", world.entities.len(), out.display(), compressed);
    Ok(())
}

/// The folder holding CLDR's files, fetched with `npm pack` (which checks each package against
/// the registry's integrity hash) unless already there; only the files needed are kept.
fn ensure_cldr(root: &Path) -> Result<PathBuf> {
    let dir = site::target_dir(root).join("cldr").join(CLDR_VERSION);
    let files = siyaq_ingest::world::CLDR_FILES;
    if files.iter().all(|f| dir.join(f).exists()) {
        return Ok(dir);
    }
    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for package in ["cldr-localenames-full", "cldr-dates-full", "cldr-bcp47"] {
        let wanted: Vec<&str> = files.iter().copied().filter(|f| package_of(f) == package).collect();
        println!("fetching {package}@{CLDR_VERSION} from npm for the world gazetteer's names");
        let tarball = tools::output(Command::new("npm").args(["pack", &format!("{package}@{CLDR_VERSION}"), "--silent"]).current_dir(&dir))
            .map(|name| dir.join(name.trim()))
            .filter(|path| path.exists())
            .ok_or_else(|| format!("npm pack {package}@{CLDR_VERSION} failed (the world gazetteer needs CLDR's names from npm)"))?;
        let inside: Vec<String> = wanted.iter().map(|f| if f.starts_with("bcp47/") { format!("package/{f}") } else { format!("package/main/{f}") }).collect();
        tools::run(Command::new("tar").arg("xzf").arg(&tarball).arg("-C").arg(&dir).args(&inside))?;
        for (file, path) in wanted.iter().zip(&inside) {
            let to = dir.join(file);
            fs::create_dir_all(to.parent().expect("a locale folder")).map_err(|e| e.to_string())?;
            fs::rename(dir.join(path), &to).map_err(|e| format!("{}: {e}", to.display()))?;
        }
        fs::remove_file(&tarball).map_err(|e| e.to_string())?;
    }
    let _ = fs::remove_dir_all(dir.join("package"));
    Ok(dir)
}
