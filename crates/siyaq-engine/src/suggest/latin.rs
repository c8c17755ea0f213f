//! Latin-script names inside the Arabic text: Arabic press writes foreign names in Arabic
//! letters, so a short run of Latin words is nearly always a name, an acronym or a brand
//! restated as its owners write it (CSTO, Elbasy, John Kirby).

use super::reader::{Gap, Reader};
use super::{Found, SuggestionReason};

/// Longer Latin runs are quotations, not names.
const MAX_LATIN_WORDS: u32 = 4;
/// Latin script alone says little of what is named (a name, a slogan, a hashtag).
const STRENGTH: f32 = 0.45;

impl Reader<'_> {
    /// Runs of Latin-script words within a phrase, up to [`MAX_LATIN_WORDS`].
    pub(super) fn by_latin(&self) -> Vec<Found> {
        let usable = |w: u32| self.is_latin(w) && self.is_readable(w) && !self.is_known(w);
        let mut found = Vec::new();
        let mut w = 0;
        while w < self.word_count() {
            if !usable(w) {
                w += 1;
                continue;
            }
            let start = w;
            w += 1;
            while w < self.word_count() && usable(w) && matches!(self.gap_before(w), Gap::Space | Gap::LatinHyphen) {
                w += 1;
            }
            if w - start <= MAX_LATIN_WORDS {
                found.push(Found { words: start..w, reason: SuggestionReason::Latin, strength: STRENGTH });
            }
        }
        found
    }
}
