//! The corpus the page loaded. The wasm carries no corpus: `boot.js` fetches the corpus pack (or
//! reads the copy inlined in `siyaq.html`) while the wasm compiles, and [`start`](crate::start)
//! installs it here before anything renders, so every view reads one corpus.

use std::sync::OnceLock;

use siyaq_corpus::Corpus;

static LOADED: OnceLock<Corpus> = OnceLock::new();

/// Makes `corpus` the page's corpus. The first call wins: a page has one corpus for its life.
pub fn install(corpus: Corpus) -> &'static Corpus {
    LOADED.get_or_init(|| corpus)
}

/// The page's corpus.
#[cfg(not(test))]
pub fn loaded() -> &'static Corpus {
    LOADED.get().expect("the corpus is installed before the app mounts")
}

/// Native unit tests read the repository's sample corpus.
#[cfg(test)]
pub fn loaded() -> &'static Corpus {
    LOADED.get().unwrap_or_else(siyaq_ingest::sample)
}
