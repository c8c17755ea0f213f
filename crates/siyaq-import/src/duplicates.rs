//! Telling whether an article was seen before: the same text, or nearly the same.
//!
//! Texts are compared as the search profile normalizes them, white space folded: an article saved
//! twice, once with diacritics or a different alef, or rewrapped, is the same article. A text kept
//! whole would double the memory of a large import, so only fingerprints are kept: a 128-bit hash
//! for the same text, a MinHash signature for a nearly same one ([`crate::minhash`]).

use std::collections::HashMap;
use std::hash::{Hash as _, Hasher as _};

use siyaq_engine::Normalizer;

use crate::minhash::{self, Candidates, Signature};

/// How a text compares with those seen before it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Verdict {
    New,
    /// The same text as the `of`th one added.
    Same {
        of: usize,
    },
    /// Nearly the same as the `of`th one added: `similarity` is the estimated share of shingles
    /// in common, at least [`minhash::NEAR_DUPLICATE`].
    Alike {
        of: usize,
        similarity: f64,
    },
}

/// What is kept of a text to compare it with later ones.
pub struct Fingerprint {
    exact: (u64, u64),
    signature: Signature,
}

/// The texts seen so far, as fingerprints numbered in the order they were added.
#[derive(Default)]
pub struct Seen {
    normalizer: Normalizer,
    exact: HashMap<(u64, u64), usize>,
    candidates: Candidates,
}

impl Seen {
    pub fn fingerprint(&self, text: &str) -> Fingerprint {
        let folded = normalized(&self.normalizer, text);
        let mut sip = std::collections::hash_map::DefaultHasher::new();
        folded.hash(&mut sip);
        Fingerprint {
            exact: (minhash::hash_bytes(folded.as_bytes()), sip.finish()),
            signature: Signature::of(&folded),
        }
    }

    /// How `fingerprint` compares with those added so far. The same text wins over a nearly same
    /// one; among nearly same ones, the most alike.
    pub fn judge(&self, fingerprint: &Fingerprint) -> Verdict {
        if let Some(&of) = self.exact.get(&fingerprint.exact) {
            return Verdict::Same { of };
        }
        match self
            .candidates
            .most_alike(&fingerprint.signature, minhash::NEAR_DUPLICATE)
        {
            Some((of, similarity)) => Verdict::Alike { of, similarity },
            None => Verdict::New,
        }
    }

    /// Adds a text's fingerprint; returns its number.
    pub fn add(&mut self, fingerprint: Fingerprint) -> usize {
        let number = self.candidates.add(fingerprint.signature);
        self.exact.entry(fingerprint.exact).or_insert(number);
        number
    }
}

/// `text` as the search profile normalizes it, each run of white space one space, none at the
/// ends.
pub fn normalized(normalizer: &Normalizer, text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for word in normalizer.normalize(text).split_whitespace() {
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.push_str(word);
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judge_and_add(seen: &mut Seen, text: &str) -> Verdict {
        let fingerprint = seen.fingerprint(text);
        let verdict = seen.judge(&fingerprint);
        seen.add(fingerprint);
        verdict
    }

    #[test]
    fn the_same_text_after_normalization_is_the_same() {
        let mut seen = Seen::default();
        assert_eq!(
            judge_and_add(&mut seen, "قالَ الرئيسُ إنّ   الاتفاق\nقريب"),
            Verdict::New
        );
        assert_eq!(
            judge_and_add(&mut seen, " قال الرئيس ان الاتفاق قريب "),
            Verdict::Same { of: 0 }
        );
        assert_eq!(judge_and_add(&mut seen, "نص آخر لا علاقة له"), Verdict::New);
    }

    #[test]
    fn a_nearly_same_text_is_alike() {
        let words: Vec<String> = (0..400).map(|i| format!("كلمة{i}")).collect();
        let mut seen = Seen::default();
        judge_and_add(&mut seen, &words.join(" "));
        let mut edited = words.clone();
        edited[200] = "تغيير".into();
        match judge_and_add(&mut seen, &edited.join(" ")) {
            Verdict::Alike { of: 0, similarity } => assert!(similarity >= minhash::NEAR_DUPLICATE),
            other => panic!("{other:?}"),
        }
    }
}
