//! `cargo xtask lexicon`: writes `crates/siyaq-engine/data/lexicon.txt`, the words the clitic
//! matcher reads as one word rather than as clitics and the query (كامل is not ك + أمل), from
//! Ayaspell, the Arabic Hunspell dictionary, as Debian's package hunspell-ar installs it.
//!
//! The dictionary has four sections: function words listed with every clitic form written out
//! (stopwords.dic), function words whose clitic prefixes are affix flags (tools.dic), nouns and
//! names (names.dic), and conjugated verbs (verb.huns.dic). Stems carry affix flags (`word/flags`,
//! or `word/N` for the Nth `AF` line of the .aff file); flags are two letters each.

use std::{
    collections::{BTreeSet, HashMap, HashSet},
    path::Path,
    process::Command,
};

use siyaq_engine::{
    Normalizer, Profile,
    chars::is_arabic_letter,
    clitics::{FUTURE_CHAINS, IMPERFECTIVE_PREFIXES, MIN_CLITIC_CORE, PROCLITIC_CHAINS},
};

use crate::{Result, files, tools};

const DICTIONARY: &str = "/usr/share/hunspell/ar.dic";
const AFFIXES: &str = "/usr/share/hunspell/ar.aff";
const PACKAGE: &str = "hunspell-ar";
pub const OUTPUT: &str = "crates/siyaq-engine/data/lexicon.txt";

const STOPWORDS: &str = "stopwords.dic";
const TOOLS: &str = "tools.dic";
const NAMES: &str = "names.dic";
const VERBS: &str = "verb.huns.dic";

pub fn lexicon(root: &Path) -> Result {
    ensure_dictionary()?;
    let version = tools::output(Command::new("dpkg-query").args(["-W", "-f=${Version}", PACKAGE]))
        .unwrap_or_else(|| "(version unknown)".into());
    let affixes = Affixes::parse(&files::read_text(Path::new(AFFIXES))?)?;
    let entries = parse_dictionary(&files::read_text(Path::new(DICTIONARY))?)?;
    let words = reduce(&entries, &affixes);
    let mut text = header(&version, words.len());
    for word in &words {
        text.push_str(word);
        text.push('\n');
    }
    let path = root.join(OUTPUT);
    std::fs::write(&path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
    println!("{} words ({} bytes) written to {OUTPUT}", words.len(), text.len());
    Ok(())
}

fn ensure_dictionary() -> Result {
    if Path::new(DICTIONARY).exists() && Path::new(AFFIXES).exists() {
        return Ok(());
    }
    if !tools::is_root() {
        return Err(format!("the lexicon is made from {DICTIONARY}: install it as root: apt-get install {PACKAGE}"));
    }
    let install = || {
        tools::run(Command::new("apt-get").args(["install", "-y", "-q", PACKAGE]).env("DEBIAN_FRONTEND", "noninteractive"))
    };
    install().or_else(|_| {
        tools::run(Command::new("apt-get").args(["update", "-q"]).env("DEBIAN_FRONTEND", "noninteractive"))?;
        install()
    })
}

/// One line of the dictionary.
struct Entry {
    section: String,
    /// As written, diacritics included.
    written: String,
    /// The affix flags, aliases resolved ("" for none).
    flags: String,
}

fn parse_dictionary(text: &str) -> Result<Vec<Entry>> {
    let mut lines = text.lines();
    lines.next().ok_or("the dictionary is empty")?;
    let mut section = String::new();
    let mut entries = Vec::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() || line.starts_with("::::") {
            continue;
        }
        if line.ends_with(".dic") {
            section = line.to_string();
            continue;
        }
        // Anything after the word and its flags is morphological data.
        let Some(field) = line.split(['\t', ' ']).next() else { continue };
        let (written, flags) = field.split_once('/').unwrap_or((field, ""));
        entries.push(Entry { section: section.clone(), written: written.to_string(), flags: flags.to_string() });
    }
    if ![STOPWORDS, TOOLS, NAMES, VERBS].iter().all(|s| entries.iter().any(|e| e.section == *s)) {
        return Err(format!("{DICTIONARY} does not have the sections {STOPWORDS}, {TOOLS}, {NAMES}, {VERBS}"));
    }
    Ok(entries)
}

/// The parts of the .aff file the reduction needs: flag aliases and the prefixes of function words.
struct Affixes {
    /// `AF` lines in order: alias N is `aliases[N - 1]`.
    aliases: Vec<String>,
    /// Prefix rules by flag: (letters stripped, letters added, condition on the word's start).
    prefixes: HashMap<String, Vec<(String, String, String)>>,
}

impl Affixes {
    fn parse(text: &str) -> Result<Affixes> {
        let mut aliases = Vec::new();
        let mut prefixes: HashMap<String, Vec<(String, String, String)>> = HashMap::new();
        for line in text.lines() {
            let fields: Vec<&str> = line.split_whitespace().collect();
            match fields.as_slice() {
                ["AF", flags, ..] => aliases.push(flags.to_string()),
                ["PFX", flag, strip, add, condition, ..] => {
                    let strip = if *strip == "0" { "" } else { strip };
                    let add = if *add == "0" { "" } else { add };
                    prefixes.entry(flag.to_string()).or_default().push((strip.into(), add.into(), condition.to_string()));
                }
                _ => {}
            }
        }
        if aliases.is_empty() || prefixes.is_empty() {
            return Err(format!("{AFFIXES} has no AF or PFX lines"));
        }
        Ok(Affixes { aliases, prefixes })
    }

    fn resolve(&self, flags: &str) -> String {
        match flags.parse::<usize>() {
            Ok(n) => self.aliases.get(n.wrapping_sub(1)).cloned().unwrap_or_default(),
            Err(_) => flags.to_string(),
        }
    }

    /// `word` with each of its prefixes whose flag starts with `T` (the clitics of function words:
    /// و ف ب ل ك and their chains, the interrogative أ).
    fn function_word_prefixed(&self, word: &str, flags: &str) -> Vec<String> {
        let flags: Vec<char> = self.resolve(flags).chars().collect();
        let mut forms = Vec::new();
        for flag in flags.chunks(2).map(|pair| pair.iter().collect::<String>()).filter(|f| f.starts_with('T')) {
            for (strip, add, condition) in self.prefixes.get(&flag).into_iter().flatten() {
                if let Some(rest) = word.strip_prefix(strip.as_str())
                    && condition_holds(condition, word)
                {
                    forms.push(format!("{add}{rest}"));
                }
            }
        }
        forms
    }
}

/// Whether `word` starts as the Hunspell condition says: `.` any letter, `[...]` one of, `[^...]`
/// none of, any other char itself.
fn condition_holds(condition: &str, word: &str) -> bool {
    let mut letters = word.chars();
    let mut pattern = condition.chars();
    while let Some(p) = pattern.next() {
        let Some(letter) = letters.next() else { return false };
        let holds = match p {
            '.' => true,
            '[' => {
                let mut class: String = pattern.by_ref().take_while(|&c| c != ']').collect();
                let negated = class.starts_with('^');
                if negated {
                    class.remove(0);
                }
                class.contains(letter) != negated
            }
            c => c == letter,
        };
        if !holds {
            return false;
        }
    }
    true
}

/// The words kept, normalized as the search profile does, sorted.
fn reduce(entries: &[Entry], affixes: &Affixes) -> BTreeSet<String> {
    let normalizer = Normalizer::for_profile(Profile::Search);
    let normalize = |written: &str| -> Option<String> {
        let word = normalizer.normalize(written);
        word.chars().all(is_arabic_letter).then_some(word).filter(|w| !w.is_empty())
    };
    let words: HashSet<String> = entries.iter().filter_map(|e| normalize(&e.written)).collect();
    let mut function_word_clitic_forms: HashSet<String> = HashSet::new();
    for entry in entries.iter().filter(|e| e.section == STOPWORDS || e.section == TOOLS) {
        if entry.flags.is_empty() {
            function_word_clitic_forms.extend(normalize(&entry.written));
        } else {
            let prefixed = affixes.function_word_prefixed(&entry.written, &entry.flags);
            function_word_clitic_forms.extend(prefixed.iter().filter_map(|form| normalize(form)));
        }
    }
    // The verb tables list every conjugation, passives included, and those often spell و, ل or
    // ف and a common word (ووقف "he was stopped" is also و + وقف, لحين is also ل + حين): a verb
    // form counts only when the dictionary also lists it as a noun or an adjective (واصل).
    let listed_outside_verbs: HashSet<String> =
        entries.iter().filter(|e| e.section != VERBS).filter_map(|e| normalize(&e.written)).collect();
    let mut kept = BTreeSet::new();
    for entry in entries.iter().filter(|e| !e.flags.is_empty()) {
        let Some(word) = normalize(&entry.written) else { continue };
        let looks_like_proclitic_and_word = proclitic_splits(&word).any(|rest| words.contains(rest));
        if looks_like_proclitic_and_word
            && listed_outside_verbs.contains(&word)
            && !function_word_clitic_forms.contains(&word)
        {
            kept.insert(word);
        }
    }
    for entry in entries {
        let Some(word) = normalize(&entry.written) else { continue };
        // Written with a plain alef: أل and إل are never the article.
        let Some(rest) = entry.written.strip_prefix("ال").and_then(normalize) else { continue };
        let listed_as_word = entry.section != VERBS && !(entry.section == NAMES && entry.flags.is_empty());
        if listed_as_word && rest.chars().count() < MIN_CLITIC_CORE {
            kept.insert(word);
        }
    }
    kept
}

/// What follows each proclitic chain `word` may start with, when three letters or more are left.
fn proclitic_splits(word: &str) -> impl Iterator<Item = &str> {
    let plain = PROCLITIC_CHAINS.iter().filter_map(move |chain| word.strip_prefix(chain));
    let future = FUTURE_CHAINS
        .iter()
        .filter_map(move |chain| word.strip_prefix(chain))
        .filter(|rest| rest.starts_with(IMPERFECTIVE_PREFIXES));
    plain.chain(future).filter(|rest| rest.chars().count() >= MIN_CLITIC_CORE)
}

fn header(version: &str, count: usize) -> String {
    format!(
        "\
# Words that siyaq's clitic matching reads as one word, never as clitics around a query
# (crates/siyaq-engine/src/clitics.rs): كامل is not ك + أمل, كريم is not ك + ريم, الآن is not ال + أن.
#
# Source: Ayaspell 3.2 (2008), the Arabic dictionary for Hunspell by Mohamed Kebdani, as Debian's
# package {PACKAGE} {version} installs it ({DICTIONARY} and ar.aff).
# License: Ayaspell is released under the GPL 2.0 or later, the LGPL 2.1 or later and the MPL 1.1;
# this list, derived from it, is under the same three licenses, at your choice. It keeps that
# license inside siyaq, whose own code is MIT OR Apache-2.0.
#
# Reduction (`cargo xtask lexicon` writes this file again): every entry normalized as the search
# profile does (no diacritics, أ إ آ → ا, ى → ي); kept are
# 1. the stems (entries with affix flags) made of a proclitic chain (و ف ب ك ل وب فب وك فك ول فل,
#    or س وس فس before ي ت ن ا) and another entry of at least three letters, unless the dictionary
#    has that spelling only among its verb conjugations (ووقف, a passive, is also و + وقف) or also
#    as a function word with its clitics (والي is also وإلى);
# 2. the words written with a plain article before one or two letters (الآن، الذي، الله), verbs
#    (whose imperatives may start so) and names listed with their article left out.
# One word a line; {count} words.
"
    )
}
