//! Canonical composition (NFC) and combining classes, over tables that build.rs takes from
//! unicode-normalization. The results are the crate's (tested below against it on every code
//! point and on random mark sequences); the app links these tables instead of the crate's, which
//! carry compatibility decompositions the engine never uses.

use std::cmp::Ordering;

include!(concat!(env!("OUT_DIR"), "/nfc_tables.rs"));

// Hangul syllables are composed arithmetically (Unicode §3.12).
const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

/// The canonical combining class of `c`: 0 for starters, the mark's class otherwise.
pub fn combining_class(c: char) -> u8 {
    let code = u32::from(c);
    if code < 0x300 {
        return 0;
    }
    COMBINING_CLASSES
        .binary_search_by(|&(first, last, _)| {
            if last < code {
                Ordering::Less
            } else if first > code {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        })
        .map_or(0, |at| COMBINING_CLASSES[at].2)
}

/// `text` in Normalization Form C.
pub fn nfc(text: &str) -> impl Iterator<Item = char> {
    let mut chars = Vec::with_capacity(text.len());
    for c in text.chars() {
        decompose(c, &mut chars);
    }
    order_marks(&mut chars);
    compose(chars).into_iter()
}

/// The first char of the canonical decomposition of `c` (`c` itself when it has none): what NFC
/// sees of `c` when it cuts text where starters are. U+0F73, U+0F75 and U+0F81 are starters (class
/// 0) that decompose to marks, which go in order with the marks before them and let the base
/// before them compose with the marks after them.
pub fn first_decomposed(c: char) -> char {
    let code = u32::from(c);
    // Nothing below U+00C0 decomposes; a Hangul syllable begins with its leading jamo, a starter.
    if code < 0xC0 || (S_BASE..S_BASE + S_COUNT).contains(&code) {
        return c;
    }
    match DECOMPOSITIONS.binary_search_by_key(&code, |&(c, _, _)| c) {
        Ok(at) => DECOMPOSED[usize::from(DECOMPOSITIONS[at].1)],
        Err(_) => c,
    }
}

fn decompose(c: char, out: &mut Vec<char>) {
    let code = u32::from(c);
    if (S_BASE..S_BASE + S_COUNT).contains(&code) {
        let index = code - S_BASE;
        let jamo = [L_BASE + index / N_COUNT, V_BASE + (index % N_COUNT) / T_COUNT, T_BASE + index % T_COUNT];
        let len = if index.is_multiple_of(T_COUNT) { 2 } else { 3 };
        out.extend(jamo[..len].iter().filter_map(|&j| char::from_u32(j)));
        return;
    }
    match DECOMPOSITIONS.binary_search_by_key(&code, |&(c, _, _)| c) {
        Ok(at) => {
            let (_, start, len) = DECOMPOSITIONS[at];
            out.extend_from_slice(&DECOMPOSED[usize::from(start)..usize::from(start) + usize::from(len)]);
        }
        Err(_) => out.push(c),
    }
}

/// Canonical ordering: each run of marks sorted by class, equal classes keeping their order.
fn order_marks(chars: &mut [char]) {
    let mut i = 0;
    while i < chars.len() {
        if combining_class(chars[i]) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && combining_class(chars[i]) != 0 {
            i += 1;
        }
        if i - start > 1 {
            crate::sorting::sort_by(&mut chars[start..i], |&a, &b| combining_class(a).cmp(&combining_class(b)));
        }
    }
}

/// The canonical composition algorithm: each char joins the last starter when nothing between
/// them blocks it (a starter, or a mark of the same or a higher class).
fn compose(chars: Vec<char>) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut starter: Option<usize> = None;
    // The class of the last char kept after the starter; `None` when none was.
    let mut last_class: Option<u8> = None;
    for c in chars {
        let class = combining_class(c);
        if let Some(at) = starter {
            let blocked = last_class.is_some_and(|last| last == 0 || last >= class);
            if !blocked && let Some(composite) = compose_pair(out[at], c) {
                out[at] = composite;
                continue;
            }
        }
        if class == 0 {
            starter = Some(out.len());
            last_class = None;
        } else {
            last_class = Some(class);
        }
        out.push(c);
    }
    out
}

fn compose_pair(first: char, second: char) -> Option<char> {
    let (a, b) = (u32::from(first), u32::from(second));
    if (L_BASE..L_BASE + L_COUNT).contains(&a) && (V_BASE..V_BASE + V_COUNT).contains(&b) {
        return char::from_u32(S_BASE + ((a - L_BASE) * V_COUNT + (b - V_BASE)) * T_COUNT);
    }
    if (S_BASE..S_BASE + S_COUNT).contains(&a) && (a - S_BASE).is_multiple_of(T_COUNT) && (T_BASE + 1..T_BASE + T_COUNT).contains(&b) {
        return char::from_u32(a + (b - T_BASE));
    }
    COMPOSITIONS
        .binary_search_by(|&(x, y, _)| (x, y).cmp(&(a, b)))
        .ok()
        .and_then(|at| char::from_u32(COMPOSITIONS[at].2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_normalization::{UnicodeNormalization, char::canonical_combining_class};

    fn ours(text: &str) -> String {
        nfc(text).collect()
    }

    #[test]
    fn combining_classes_are_the_crates_on_every_code_point() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(combining_class(c), canonical_combining_class(c), "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn every_code_point_alone_and_after_a_base_is_composed_as_the_crate_does() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for text in [c.to_string(), format!("a{c}"), format!("ا{c}\u{0654}"), format!("\u{1100}{c}")] {
                assert_eq!(ours(&text), text.nfc().collect::<String>(), "{:X?}", text.chars().map(u32::from).collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn arabic_hamza_and_latin_accents_compose() {
        assert_eq!(ours("ا\u{0654}"), "أ");
        assert_eq!(ours("ي\u{0654}"), "ئ");
        assert_eq!(ours("e\u{0301}"), "é");
        // Marks of a lower class move before the one they can compose with.
        assert_eq!(ours("a\u{0323}\u{0302}"), "\u{1EAD}");
        assert_eq!(ours("\u{1100}\u{1161}\u{11A8}"), "\u{AC01}");
    }

    /// Bases and marks that interact: Latin, Arabic, Greek, Hangul jamo, Indic vowel signs.
    fn alphabet() -> Vec<char> {
        "aeiouAEOUnNcsyzαωιυ\u{03B7}ابوىيلمه\u{1100}\u{1161}\u{11A8}\u{AC00}\u{0B47}\u{0B3E}\u{0B57}\u{09C7}\u{09BE}\u{0300}\u{0301}\u{0302}\u{0303}\u{0308}\u{0323}\u{0327}\u{0328}\u{0313}\u{0345}\u{0342}\u{064B}\u{064E}\u{0650}\u{0651}\u{0652}\u{0653}\u{0654}\u{0655}\u{0670}\u{05B0}\u{0F71}\u{0F72}\u{1E9B}\u{212B}\u{00C5}"
            .chars()
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn random_mark_sequences_compose_as_the_crate_does(picks in proptest::collection::vec(0usize..64, 0..12)) {
            let alphabet = alphabet();
            let text: String = picks.iter().map(|&i| alphabet[i % alphabet.len()]).collect();
            prop_assert_eq!(ours(&text), text.nfc().collect::<String>());
        }
    }
}
