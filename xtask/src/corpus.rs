//! The corpus a site is built around: `corpus/` by default, or any folder given with `--corpus`.
//! `cargo xtask manifest DIR` writes the manifest siyaq works out for a folder, without building.

use std::path::{Path, PathBuf};

use siyaq_ingest::{Built, MANIFEST_FILE, Options};

use crate::Result;

/// The corpus folder of the repository, built when no `--corpus` is given.
pub fn sample_dir(root: &Path) -> PathBuf {
    root.join("corpus")
}

/// Reads `dir` into a pack, and says what it skipped and what it worked out.
pub fn build(root: &Path, dir: &Path) -> Result<Built> {
    let options = Options { fallback_entities: Some(sample_dir(root).join(siyaq_ingest::ENTITIES_FILE)) };
    let built = siyaq_ingest::build(dir, &options)?;
    report(dir, &built);
    Ok(built)
}

fn report(dir: &Path, built: &Built) {
    let pack = &built.pack;
    println!(
        "corpus {}: {} documents from {} files ({} bytes of text), {} entities; version {}{}",
        dir.display(),
        pack.documents.len(),
        pack.files.len(),
        pack.files.iter().map(|f| f.text.len()).sum::<usize>(),
        pack.entities.len(),
        pack.version,
        if built.proposed { format!("; no {MANIFEST_FILE}: titles, dates and roles worked out") } else { String::new() },
    );
    for skipped in &built.skipped {
        println!("  skipped {}: {}", skipped.what, skipped.why);
    }
    print_notes(&built.notes);
}

/// How many notes a build prints before it only counts them: a folder of thousands of articles
/// would otherwise bury what was skipped.
const NOTES_SHOWN: usize = 12;

fn print_notes(notes: &[String]) {
    for note in notes.iter().take(NOTES_SHOWN) {
        println!("  note: {note}");
    }
    if notes.len() > NOTES_SHOWN {
        println!(
            "  … and {} more notes: `cargo xtask manifest DIR` writes them all at the top of the proposed corpus.toml",
            notes.len() - NOTES_SHOWN
        );
    }
}

/// `cargo xtask manifest DIR [--force]`: writes `DIR/corpus.toml` as siyaq works it out.
pub fn manifest(args: &[String]) -> Result {
    let mut force = false;
    let mut dir = None;
    for arg in args {
        match arg.as_str() {
            "--force" => force = true,
            other if dir.is_none() && !other.starts_with("--") => dir = Some(PathBuf::from(other)),
            other => return Err(format!("manifest: unexpected `{other}`; usage: cargo xtask manifest DIR [--force]")),
        }
    }
    let dir = dir.ok_or("usage: cargo xtask manifest DIR [--force]")?;
    let path = dir.join(MANIFEST_FILE);
    if path.exists() && !force {
        return Err(format!(
            "{} exists and is what builds use; move it away, or add --force to write over it",
            path.display()
        ));
    }
    let proposal = siyaq_ingest::propose::propose(&dir)?;
    for skipped in &proposal.skipped {
        println!("  skipped {}: {}", skipped.what, skipped.why);
    }
    print_notes(&proposal.notes);
    let text = siyaq_ingest::propose::proposed_toml(&proposal);
    std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    println!(
        "wrote {} ({} documents): review the titles, dates and line roles, then build with --corpus {}",
        path.display(),
        proposal.manifest.document.len(),
        dir.display()
    );
    Ok(())
}
