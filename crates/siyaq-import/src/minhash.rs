//! MinHash signatures of texts, to find near-duplicate articles without comparing every pair.
//!
//! A text is the set of its word 5-shingles (runs of five consecutive words): two copies of an
//! article that differ in one paragraph still share nearly all of them, while two articles on the
//! same subject share almost none. The fraction of slots on which two signatures agree estimates
//! the Jaccard similarity of the two sets (shared shingles over all shingles); with [`HASHES`]
//! slots its standard error is at most 0.045, and about 0.027 near [`NEAR_DUPLICATE`].
//!
//! [`Candidates`] finds the earlier signatures worth comparing by locality-sensitive hashing:
//! signatures are cut into bands of [`ROWS`] slots, and two texts are compared only when a whole
//! band agrees. A pair at similarity 0.8 shares a band with probability 1 − (1 − 0.8⁴)³² ≈ 0.99999;
//! a pair at 0.3 still does about a quarter of the time, and is then turned down by the full
//! comparison.

use std::collections::HashMap;

/// Slots of a signature. 128 keeps the estimate within a few points of the true similarity,
/// at 128 multiply-adds per word of text.
pub const HASHES: usize = 128;

/// Words per shingle: enough that common phrases shared by unrelated articles do not count.
pub const SHINGLE_WORDS: usize = 5;

/// Estimated similarity from which an article counts as a near-duplicate of another.
pub const NEAR_DUPLICATE: f64 = 0.8;

/// Slots per band of [`Candidates`]; `HASHES / ROWS` bands.
pub const ROWS: usize = 4;

/// The minimum of each of [`HASHES`] hash functions over a text's shingles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    /// Empty for a text without a word: it is like no other.
    mins: Vec<u64>,
}

impl Signature {
    /// The signature of `text`, whose words are separated by white space (already normalized:
    /// see `crate::duplicates::normalized`). A text shorter than a shingle is one shingle.
    pub fn of(text: &str) -> Signature {
        let words: Vec<u64> = text
            .split_whitespace()
            .map(|w| hash_bytes(w.as_bytes()))
            .collect();
        if words.is_empty() {
            return Signature { mins: Vec::new() };
        }
        let mut mins = vec![u64::MAX; HASHES];
        for shingle in words.windows(SHINGLE_WORDS.min(words.len())) {
            let base = shingle_hash(shingle);
            for (slot, (&a, &b)) in mins.iter_mut().zip(MULTIPLIERS.iter().zip(&OFFSETS)) {
                *slot = (*slot).min(a.wrapping_mul(base).wrapping_add(b));
            }
        }
        Signature { mins }
    }

    /// The estimated Jaccard similarity of the two texts' shingle sets, from 0 to 1.
    pub fn similarity(&self, other: &Signature) -> f64 {
        if self.mins.is_empty() || other.mins.is_empty() {
            return 0.0;
        }
        let agree = self
            .mins
            .iter()
            .zip(&other.mins)
            .filter(|(a, b)| a == b)
            .count();
        agree as f64 / HASHES as f64
    }

    fn bands(&self) -> impl Iterator<Item = (usize, u64)> + '_ {
        self.mins
            .chunks(ROWS)
            .enumerate()
            .map(|(band, rows)| (band, shingle_hash(rows)))
    }
}

/// Earlier signatures, indexed by band, for finding those alike to a new one.
#[derive(Default)]
pub struct Candidates {
    signatures: Vec<Signature>,
    by_band: HashMap<(usize, u64), Vec<usize>>,
}

impl Candidates {
    /// Adds `signature`; its number is the count of those added before it.
    pub fn add(&mut self, signature: Signature) -> usize {
        let number = self.signatures.len();
        for key in signature.bands() {
            self.by_band.entry(key).or_default().push(number);
        }
        self.signatures.push(signature);
        number
    }

    /// The earlier signature most alike to `signature`, if one reaches `threshold`, with its
    /// similarity. Ties go to the one added first.
    pub fn most_alike(&self, signature: &Signature, threshold: f64) -> Option<(usize, f64)> {
        let mut seen: Vec<usize> = signature
            .bands()
            .filter_map(|key| self.by_band.get(&key))
            .flatten()
            .copied()
            .collect();
        seen.sort_unstable();
        seen.dedup();
        let mut best: Option<(usize, f64)> = None;
        for number in seen {
            let alike = self.signatures[number].similarity(signature);
            if alike >= threshold && best.is_none_or(|(_, b)| alike > b) {
                best = Some((number, alike));
            }
        }
        best
    }
}

/// FNV-1a over the bytes, then a finalizer that spreads every input bit over the output: FNV's
/// low bits alone mix poorly, and the signature's slots compare whole values.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix(h)
}

/// One hash for a run of hashes, depending on their order.
fn shingle_hash(hashes: &[u64]) -> u64 {
    let mut h: u64 = 0x9e37_79b9_7f4a_7c15;
    for &x in hashes {
        h = mix(h ^ x).wrapping_add(0x6a09_e667_f3bc_c909);
    }
    mix(h)
}

/// A bijective 64-bit finalizer (xor-shifts and odd multipliers).
const fn mix(mut x: u64) -> u64 {
    x ^= x >> 31;
    x = x.wrapping_mul(0xd6e8_feb8_6659_fd93);
    x ^= x >> 32;
    x = x.wrapping_mul(0xd6e8_feb8_6659_fd93);
    x ^ (x >> 32)
}

/// The hash functions `a·h + b` (mod 2⁶⁴) over a shingle's hash `h`: `a` odd, so each is a
/// permutation of the 64-bit values. Fixed, so that signatures from two runs compare.
const MULTIPLIERS: [u64; HASHES] = constants(1);
const OFFSETS: [u64; HASHES] = constants(2);

const fn constants(stream: u64) -> [u64; HASHES] {
    let mut out = [0; HASHES];
    let mut i = 0;
    while i < HASHES {
        out[i] = mix(mix(stream) ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)) | 1;
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic text of `paragraphs` paragraphs of `words` Arabic-looking words each,
    /// drawn from `seed`.
    pub(crate) fn text(seed: u64, paragraphs: usize, words: usize) -> Vec<String> {
        let letters: Vec<char> = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي".chars().collect();
        let mut state = seed;
        let mut next = move || {
            state = mix(state.wrapping_add(0x9e37_79b9_7f4a_7c15));
            state
        };
        (0..paragraphs)
            .map(|_| {
                (0..words)
                    .map(|_| {
                        let len = 3 + (next() % 5) as usize;
                        (0..len)
                            .map(|_| letters[(next() % letters.len() as u64) as usize])
                            .collect::<String>()
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn identical_texts_are_wholly_alike() {
        let a = text(1, 10, 40).join("\n");
        assert_eq!(Signature::of(&a).similarity(&Signature::of(&a)), 1.0);
    }

    #[test]
    fn one_paragraph_changed_out_of_many_is_a_near_duplicate() {
        let mut paragraphs = text(2, 20, 50);
        let original = paragraphs.join("\n");
        paragraphs[7] = text(99, 1, 50).remove(0);
        let edited = paragraphs.join("\n");
        let alike = Signature::of(&original).similarity(&Signature::of(&edited));
        assert!((NEAR_DUPLICATE..1.0).contains(&alike), "{alike}");
    }

    #[test]
    fn unrelated_texts_are_not_alike() {
        let a = Signature::of(&text(3, 10, 40).join("\n"));
        let b = Signature::of(&text(4, 10, 40).join("\n"));
        assert!(a.similarity(&b) < 0.1, "{}", a.similarity(&b));
    }

    #[test]
    fn short_and_empty_texts() {
        assert_eq!(Signature::of("").similarity(&Signature::of("")), 0.0);
        assert_eq!(
            Signature::of("كلمة").similarity(&Signature::of("كلمة")),
            1.0
        );
        assert!(Signature::of("كلمة").similarity(&Signature::of("أخرى")) < NEAR_DUPLICATE);
    }

    #[test]
    fn candidates_find_the_most_alike_earlier_text() {
        let mut paragraphs = text(5, 20, 50);
        let original = paragraphs.join("\n");
        let mut candidates = Candidates::default();
        candidates.add(Signature::of(&text(6, 20, 50).join("\n")));
        let number = candidates.add(Signature::of(&original));
        paragraphs[0] = text(7, 1, 50).remove(0);
        let (found, alike) = candidates
            .most_alike(&Signature::of(&paragraphs.join("\n")), NEAR_DUPLICATE)
            .unwrap();
        assert_eq!(found, number);
        assert!(alike >= NEAR_DUPLICATE);
        assert_eq!(
            candidates.most_alike(&Signature::of(&text(8, 20, 50).join("\n")), NEAR_DUPLICATE),
            None
        );
    }
}
