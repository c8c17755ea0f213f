//! Phrases that recur: a name the other detectors miss (قوات حفظ السلام) still comes back
//! again and again. Repetition alone is weak evidence, since ordinary phrases recur too (تشكيل
//! الحكومة), so these suggestions start with a low strength and words that cannot be in a name
//! (verbs, function words, plurals, page furniture) are never part of a phrase.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::reader::Reader;
use super::{Found, SuggestionReason};

/// Phrases of two words and up to four (منظمة معاهدة الأمن الجماعي) are counted.
const REPEATED_WORDS: Range<u32> = 2..5;
/// How often a phrase must occur to be suggested for its repetition alone.
const MIN_REPEATS: usize = 3;
/// Common phrases recur as much as names: see [`super::confidence`].
const STRENGTH: f32 = 0.3;

impl Reader<'_> {
    /// Phrases of two to four words that occur at least [`MIN_REPEATS`] times; a phrase is kept
    /// rather than a longer one containing it when the longer one is mostly the phrase plus a
    /// word of context.
    pub(super) fn by_repetition(&self) -> Vec<Found> {
        let phrases = self.repeated_phrases();
        // Longest first, so a phrase's occurrences inside a longer suggestion are claimed by it.
        let mut order: Vec<&(u32, Vec<u32>)> = phrases.values().collect();
        crate::sorting::sort_by(&mut order, |(a_len, a_starts), (b_len, b_starts)| b_len.cmp(a_len).then(a_starts[0].cmp(&b_starts[0])));
        let mut claimed = vec![false; self.index.words().len()];
        let mut found = Vec::new();
        for (len, starts) in order {
            if self.mostly_context(*len, starts, &phrases) || !self.is_plausible(starts[0]..starts[0] + len) || self.opens_with_adjective(starts[0]) {
                continue;
            }
            let free: Vec<u32> = starts.iter().copied().filter(|&s| !(s..s + len).any(|w| claimed[w as usize])).collect();
            if free.len() < MIN_REPEATS {
                continue;
            }
            for &s in &free {
                (s..s + len).for_each(|w| claimed[w as usize] = true);
                found.push(Found { words: s..s + len, reason: SuggestionReason::Repeated, strength: STRENGTH });
            }
        }
        found
    }

    /// Every phrase that occurs often enough: its key, its length and where it starts.
    fn repeated_phrases(&self) -> FxHashMap<String, (u32, Vec<u32>)> {
        let usable: Vec<bool> = (0..self.word_count())
            .map(|w| self.is_readable(w) && !self.is_known(w) && self.can_be_in_name(w, false) && !self.is_title_word(self.form(w)))
            .collect();
        let mut phrases: FxHashMap<String, (u32, Vec<u32>)> = FxHashMap::default();
        for start in 0..self.word_count() {
            for len in REPEATED_WORDS {
                let end = start + len;
                if end > self.word_count() || !(start..end).all(|w| usable[w as usize]) || !(start + 1..end).all(|w| self.joined(w)) {
                    break;
                }
                // A definite word then an indefinite one is a clause (المجلس جلسة), not a name.
                if self.is_definite(end - 2) && !self.is_definite(end - 1) && !self.is_latin(end - 1) {
                    break;
                }
                if !self.is_described_noun(start..end) {
                    phrases.entry(self.key(start..end)).or_insert_with(|| (len, Vec::new())).1.push(start);
                }
            }
        }
        phrases.retain(|_, (_, starts)| starts.len() >= MIN_REPEATS);
        phrases
    }

    /// A phrase that opens with a nisba adjective belongs to the noun before it (الرئيس الأمريكي
    /// دونالد ترامب gives الأمريكي دونالد ترامب): the name is in the rest.
    fn opens_with_adjective(&self, start: u32) -> bool {
        self.is_nisba(start)
    }

    /// A definite noun and its nisba adjective (القوات الروسية، الغزو الروسي، الحدود الأوكرانية):
    /// the commonest phrase of Arabic prose, a description rather than a name. The names of this
    /// shape (الاتحاد الأوروبي) are given up for it; الأمم المتحدة، البيت الأبيض still qualify.
    fn is_described_noun(&self, words: Range<u32>) -> bool {
        let last = words.end - 1;
        words.clone().all(|w| self.is_definite(w)) && (self.is_nisba(last) || self.lists.title_adjectives.contains(self.form(last)))
    }

    /// Whether a phrase is a shorter repeated phrase plus context: it accounts for less than two
    /// thirds of the occurrences of a phrase it contains (إرسال قوات حفظ السلام: 3 of the corpus's 5
    /// قوات حفظ السلام), while a name holds on to its parts (منظمة معاهدة الأمن الجماعي: 10 of 11).
    fn mostly_context(&self, len: u32, starts: &[u32], phrases: &FxHashMap<String, (u32, Vec<u32>)>) -> bool {
        let start = starts[0];
        (2..len).any(|inner| {
            (start..=start + len - inner).any(|s| phrases.get(&self.key(s..s + inner)).is_some_and(|(_, inner_starts)| starts.len() * 3 < inner_starts.len() * 2))
        })
    }
}
