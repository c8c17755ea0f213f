//! Writes the Unicode tables the normalizer links, taken from unicode-normalization at build time:
//! canonical combining classes, canonical decompositions and compositions (for NFC), and the
//! compatibility decompositions of the Arabic presentation forms (the only NFKC the engine does).
//! Linking the crate itself would bring its compatibility tables for all of Unicode, about 60 KB
//! of the app's gzipped wasm. Also lays out the clitic matcher's lexicon for look-up.

use std::{collections::HashMap, env, fmt::Write, fs, path::PathBuf};

use unicode_normalization::{UnicodeNormalization, char as uchar};

/// Hangul syllables compose and decompose by arithmetic (see `nfc.rs`), not by table.
const HANGUL: std::ops::RangeInclusive<u32> = 0xAC00..=0xD7A3;

fn main() {
    let out = PathBuf::from(env::var_os("OUT_DIR").unwrap());
    fs::write(out.join("presentation_forms.rs"), presentation_forms()).unwrap();
    fs::write(out.join("nfc_tables.rs"), nfc_tables()).unwrap();
    fs::write(out.join("lexicon.txt"), lexicon_words()).unwrap();
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=data/lexicon.txt");
}

/// The words of `data/lexicon.txt` for the clitic matcher (`clitics.rs`), which looks them up by
/// binary search: folded as `clitics::lexicon_key` folds a word (a test there checks that every
/// word of the file is found), sorted, one a line, without the file's header.
fn lexicon_words() -> String {
    let path = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").unwrap()).join("data/lexicon.txt");
    let text = fs::read_to_string(path).unwrap();
    let fold = |c: char| match c {
        'ة' => 'ه',
        'ؤ' | 'ئ' => 'ء',
        other => other,
    };
    let mut words: Vec<String> = text
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| line.trim().chars().map(fold).collect())
        .collect();
    words.sort_unstable();
    words.dedup();
    words.join("\n")
}

fn chars() -> impl Iterator<Item = char> {
    (0..=0x10FFFF).filter_map(char::from_u32)
}

fn presentation_forms() -> String {
    let mut table = String::from("&[\n");
    for c in ('\u{FB50}'..='\u{FDFF}').chain('\u{FE70}'..='\u{FEFE}') {
        let unfolded: String = std::iter::once(c).nfkc().collect();
        if !unfolded.chars().eq(std::iter::once(c)) {
            writeln!(table, "    ('\\u{{{:04X}}}', {unfolded:?}),", u32::from(c)).unwrap();
        }
    }
    table.push(']');
    table
}

fn nfc_tables() -> String {
    let mut rust = String::new();

    // Runs of code points sharing a non-zero class: (first, last, class).
    let mut classes: Vec<(u32, u32, u8)> = Vec::new();
    for c in chars() {
        let class = uchar::canonical_combining_class(c);
        if class == 0 {
            continue;
        }
        match classes.last_mut() {
            Some((_, last, run_class)) if *last + 1 == u32::from(c) && *run_class == class => *last = u32::from(c),
            _ => classes.push((u32::from(c), u32::from(c), class)),
        }
    }
    rust.push_str("static COMBINING_CLASSES: &[(u32, u32, u8)] = &[\n");
    for (first, last, class) in &classes {
        writeln!(rust, "    (0x{first:X}, 0x{last:X}, {class}),").unwrap();
    }
    rust.push_str("];\n");

    // Every char that decomposes, with its full canonical decomposition (one pass over Unicode).
    let decomposing: Vec<(char, Vec<char>)> = chars()
        .filter(|c| !HANGUL.contains(&u32::from(*c)))
        .map(|c| (c, full_decomposition(c)))
        .filter(|(c, parts)| parts.as_slice() != [*c])
        .collect();

    // (char, start, len) into DECOMPOSED.
    let mut decomposed: Vec<char> = Vec::new();
    rust.push_str("static DECOMPOSITIONS: &[(u32, u16, u8)] = &[\n");
    for (c, parts) in &decomposing {
        writeln!(rust, "    (0x{:X}, {}, {}),", u32::from(*c), decomposed.len(), parts.len()).unwrap();
        decomposed.extend(parts);
    }
    rust.push_str("];\n");
    assert!(decomposed.len() < usize::from(u16::MAX));
    rust.push_str("static DECOMPOSED: &[char] = &[");
    for (i, c) in decomposed.iter().enumerate() {
        if i % 12 == 0 {
            rust.push_str("\n   ");
        }
        write!(rust, " '\\u{{{:X}}}',", u32::from(*c)).unwrap();
    }
    rust.push_str("\n];\n");

    // Primary composites: (first, second, composite), sorted by the pair. A composite's pair is
    // its last decomposed char and a char decomposing to the rest (that char itself, when the rest
    // is one char that does not decompose), kept when the crate composes it.
    let mut by_decomposition: HashMap<&[char], Vec<char>> = HashMap::new();
    for (c, parts) in &decomposing {
        by_decomposition.entry(parts.as_slice()).or_default().push(*c);
    }
    let mut pairs: Vec<(u32, u32, u32)> = Vec::new();
    for (c, parts) in &decomposing {
        let Some((&second, rest)) = parts.split_last() else { continue };
        let itself = (rest.len() == 1).then(|| rest[0]);
        for first in by_decomposition.get(rest).into_iter().flatten().copied().chain(itself) {
            if uchar::compose(first, second) == Some(*c) {
                pairs.push((u32::from(first), u32::from(second), u32::from(*c)));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    rust.push_str("static COMPOSITIONS: &[(u32, u32, u32)] = &[\n");
    for (first, second, composite) in &pairs {
        writeln!(rust, "    (0x{first:X}, 0x{second:X}, 0x{composite:X}),").unwrap();
    }
    rust.push_str("];\n");
    rust
}

fn full_decomposition(c: char) -> Vec<char> {
    let mut parts = Vec::new();
    uchar::decompose_canonical(c, |p| parts.push(p));
    parts
}
