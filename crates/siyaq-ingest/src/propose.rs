//! A manifest worked out for a folder that has none.

use std::path::Path;

use crate::{Manifest, Skipped, Source};

/// A worked-out manifest, the sources it cuts, and what was left out.
#[derive(Debug, Default)]
pub struct Proposal {
    pub manifest: Manifest,
    pub sources: Vec<Source>,
    pub skipped: Vec<Skipped>,
    pub notes: Vec<String>,
}

pub fn propose(dir: &Path) -> Result<Proposal, String> {
    Err(format!("{}: no {} (working out a manifest is not written yet)", dir.display(), crate::MANIFEST_FILE))
}

/// The proposal as a `corpus.toml` for the user to review.
pub fn proposed_toml(proposal: &Proposal) -> String {
    proposal.manifest.to_toml()
}
