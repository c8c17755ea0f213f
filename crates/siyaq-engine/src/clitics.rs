//! Clitic-aware matching by generation on the query side (§6.3 of the project's survey).
//!
//! Rather than stripping affixes from every word of the corpus (which takes the و of وزير for a
//! conjunction and the ان of لبنان for a suffix), siyaq *adds* clitics to the word the user typed
//! and looks the resulting forms up in the corpus vocabulary. A word of the corpus matches only if
//! it is the query word with legal clitics around it, so بيلاروسيا never matches روسيا.
//!
//! Forms, for a core `c` (normalized): `P + [ال] + c′ + E`
//! - `P`, proclitic chains: ∅ و ف ب ك ل وب فب وك فك ول فل, and the future س وس فس before an
//!   imperfective prefix (ي ت ن ا);
//! - the article ال after ∅ و ف ب ك وب فب وك فك, and only without a pronoun suffix;
//! - ل + ال merges to لل (للحكومة), and to ل before a core starting with ل (للجنة = ل + ال + لجنة);
//! - `E`, pronoun suffixes: ∅ ه ها هما هم هن ك كما كم كن ني نا (not ي: see [`ENCLITICS`]);
//! - before a suffix, final ة becomes ت (حكومة → حكومته), final ي (ى) may become ا
//!   (مستشفى → مستشفاها) or stay (على → عليه), and a final ء may take a seat (أبناء → أبناؤهم,
//!   أبنائهم).
//!
//! Cores shorter than three letters (من، كم، لا) match only themselves and with the article:
//! through clitics they would match far too much (لكم is ل + كم "you", not "how many"). The same
//! holds for the query's own article, which is dropped (الرئيس also finds رئيسه) only when at least
//! three letters remain, the bare word is attested in the corpus, and the query was not written
//! أل/إل (ألمانيا, إلى): الآن never becomes ان (أن), nor الله له ("to him").
//!
//! A token that is a word in its own right is not counted as clitics around the query:
//! - when the corpus has the token with the article in front (الوزير: وزير is not و + زير), since
//!   the article cannot come before a conjunction;
//! - when a lexicon has it (`data/lexicon.txt`: the words of Ayaspell, the Arabic Hunspell
//!   dictionary, that look like a proclitic and another word, or like the article and a one- or
//!   two-letter word): الآن is not ال + أن for the query أن, كامل not ك + أمل, كريم not ك + ريم.
//!   After و ف ب ل and the future س, which come before nouns all the time, the lexicon decides only
//!   when the corpus never writes the query on its own (bare or with the article): بطريق is ب +
//!   طريق where the corpus has الطريق, not "penguin"; ك ("like") is rare enough before a noun
//!   that a lexicon word starting with it is always that word.

use std::collections::HashSet;

use crate::chars::{TATWEEL, is_default_ignorable, is_mark};

const PROCLITICS: [&str; 12] = ["", "و", "ف", "ب", "ك", "ل", "وب", "فب", "وك", "فك", "ول", "فل"];
/// The same chains without the empty one, longest first, for code that strips rather than
/// generates: وب must be tried before و.
pub const PROCLITIC_CHAINS: [&str; 11] = ["وب", "فب", "وك", "فك", "ول", "فل", "و", "ف", "ب", "ك", "ل"];
/// The future particle and its chains, taken only by a word starting with an imperfective prefix.
pub const FUTURE_CHAINS: [&str; 3] = ["س", "وس", "فس"];
pub const IMPERFECTIVE_PREFIXES: [char; 4] = ['ي', 'ت', 'ن', 'ا'];
const ARTICLE_AFTER: [&str; 9] = ["", "و", "ف", "ب", "ك", "وب", "فب", "وك", "فك"];
/// The first-person ي ("my") is left out on purpose: in press text a final ي after a noun is almost
/// always the nisba adjective (أمني "security", رئيسي "main", روسي "Russian"), so with it الأمن
/// would find أمني and روس would find روسي. ني ("me", after verbs) stays.
const ENCLITICS: [&str; 12] = ["", "ه", "ها", "هما", "هم", "هن", "ك", "كما", "كم", "كن", "ني", "نا"];
const ARTICLE: &str = "ال";

/// Shortest core, in letters, that takes clitics.
pub const MIN_CLITIC_CORE: usize = 3;

/// The words of Ayaspell (Debian's hunspell-ar) that look like a proclitic and another word (كامل,
/// كريم, وزير) or like the article and a two-letter word (الآن, الله), one a line, sorted by
/// [`lexicon_key`]. `data/lexicon.txt` says where they come from and how `cargo xtask lexicon`
/// reduces them; build.rs folds and sorts them.
const LEXICON: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon.txt"));

/// The vocabulary the generated forms are checked against.
pub trait Vocabulary {
    fn contains(&self, form: &str) -> bool;
}

impl Vocabulary for HashSet<String> {
    fn contains(&self, form: &str) -> bool {
        HashSet::contains(self, form)
    }
}

/// Whether a word is written starting with أل, إل or آل, which are never the article.
pub fn written_with_hamza_article(written: &str) -> bool {
    let mut letters = written.chars().filter(|&c| !is_mark(c) && !is_default_ignorable(c) && c != TATWEEL);
    matches!((letters.next(), letters.next()), (Some('أ' | 'إ' | 'آ'), Some('ل')))
}

/// Every form of the corpus vocabulary that is `word` with clitics.
///
/// `word` is normalized (with the profile of the vocabulary); `written_with_hamza_article` says
/// whether the user wrote it starting with أل or إل, which is never an article.
pub fn matching_forms(word: &str, written_with_hamza_article: bool, vocabulary: &impl Vocabulary) -> Vec<String> {
    let mut candidates = Vec::new();
    let mut cores = Vec::new();
    match word.strip_prefix(ARTICLE).filter(|bare| !written_with_hamza_article && bare.chars().count() >= 2) {
        Some(bare) => {
            // The query is definite: its article forms (والرئيس، بالرئيس، للرئيس), never with a
            // pronoun suffix, which the article excludes (الرئيسي is not الرئيس + ي).
            candidates.extend(article_forms(bare));
            // Without its article the query would be a short core, which is too often a word of
            // its own: ان of الآن is أن, له of الله is "to him".
            if bare.chars().count() >= MIN_CLITIC_CORE {
                // ل + bare is left out of the evidence: it is how a misspelt لل + word (لمانيا
                // for لألمانيا) looks.
                let lam_bare = format!("ل{bare}");
                let attested =
                    generate(bare, false).iter().any(|f| !f.starts_with(&lam_bare) && vocabulary.contains(f));
                if attested {
                    cores.push(bare);
                }
            }
        }
        None => cores.push(word),
    }
    for core in &cores {
        candidates.extend(
            clitic_forms(core, true)
                .into_iter()
                .filter(|form| vocabulary.contains(&form.text) && !is_a_word_of_its_own(form, core, vocabulary))
                .map(|form| form.text),
        );
    }
    let mut seen = HashSet::new();
    candidates.into_iter().filter(|form| vocabulary.contains(form) && seen.insert(form.clone())).collect()
}

/// `bare` with the article and what may precede it: الرئيس، والرئيس، بالرئيس، للرئيس، فللرئيس.
fn article_forms(bare: &str) -> Vec<String> {
    let mut forms: Vec<String> = ARTICLE_AFTER.iter().map(|p| format!("{p}{ARTICLE}{bare}")).collect();
    forms.extend(lam_article_forms(bare));
    forms
}

/// ل + ال merges to لل, and to ل before a word starting with ل (للجنة = ل + ال + لجنة).
fn lam_article_forms(bare: &str) -> Vec<String> {
    let merged = if bare.starts_with('ل') { format!("ل{bare}") } else { format!("لل{bare}") };
    ["", "و", "ف"].iter().map(|conjunction| format!("{conjunction}{merged}")).collect()
}

/// A generated form with the clitics that open it.
struct CliticForm {
    text: String,
    /// The proclitic chain before the core or the article ("" for none).
    proclitic: &'static str,
    article: bool,
}

/// Whether the letters that `form` puts before `core` belong to a word of their own rather than
/// being clitics: the token is read as one word, not as the query with clitics.
///
/// - The corpus says so when it has the proclitic's letter and the core with the article in front
///   (الوزير: وزير is not و + زير), since the article cannot come before a conjunction.
/// - The lexicon says so when a proclitic (or its last letters) and the core make one of its
///   words (كامل is not ك + أمل, وحدته is not و + حدة + ه) and the proclitic ends with ك or the
///   corpus never writes the core on its own, and when the article and a short core make one of
///   its words (الآن is not ال + أن).
fn is_a_word_of_its_own(form: &CliticForm, core: &str, vocabulary: &impl Vocabulary) -> bool {
    if form.article {
        return form.proclitic.is_empty() && core.chars().count() < MIN_CLITIC_CORE && in_lexicon(&form.text);
    }
    if form.proclitic.is_empty() {
        return false;
    }
    let mut chain_tails = form.proclitic.char_indices().map(|(at, _)| &form.proclitic[at..]);
    if chain_tails.any(|tail| in_lexicon(&format!("{tail}{core}")))
        && (form.proclitic.ends_with('ك') || !written_on_its_own(core, vocabulary))
    {
        return true;
    }
    let one_letter = matches!(form.proclitic, "و" | "ف" | "ب" | "ك" | "ل");
    one_letter
        && ["ال", "وال", "بال", "لل"]
            .iter()
            .any(|article| vocabulary.contains(&format!("{article}{}{core}", form.proclitic)))
}

/// Whether the corpus has `core` bare or with the article: then it is a word the corpus uses, and
/// و ف ب ل or the future س before it is taken for a clitic even where the lexicon has a word of
/// that spelling (بطريق "penguin" is ب + طريق where the corpus has الطريق). ك ("like") before a
/// noun is rare enough in press text that a lexicon word starting with it (كامل, كريم, كمال) is
/// always that word.
fn written_on_its_own(core: &str, vocabulary: &impl Vocabulary) -> bool {
    // Not لل + core: that is also how ل + a word starting with ل looks (للبنان is not لل + بنان).
    vocabulary.contains(core) || ARTICLE_AFTER.iter().any(|p| vocabulary.contains(&format!("{p}{ARTICLE}{core}")))
}

/// Binary search over the lines of [`LEXICON`], without an index: a probe lands inside a line and
/// reads the whole line around it.
fn in_lexicon(word: &str) -> bool {
    let key = lexicon_key(word);
    let text = LEXICON.as_bytes();
    // `low` is always the start of a line; every line before it sorts before the key, every line
    // from `high` on after it.
    let (mut low, mut high) = (0, text.len());
    while low < high {
        let probe = low + (high - low) / 2;
        let start = text[low..probe].iter().rposition(|&b| b == b'\n').map_or(low, |at| low + at + 1);
        let end = text[probe..].iter().position(|&b| b == b'\n').map_or(text.len(), |at| probe + at);
        match text[start..end].cmp(key.as_bytes()) {
            std::cmp::Ordering::Less => low = end + 1,
            std::cmp::Ordering::Greater => high = start,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// The spelling under which the lexicon is looked up, the same whatever the vocabulary's
/// normalization steps: every letter variant that a step can fold is folded.
fn lexicon_key(word: &str) -> String {
    word.chars()
        .filter(|&c| !is_mark(c) && !is_default_ignorable(c) && c != TATWEEL)
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' | 'ٵ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            'ؤ' | 'ئ' => 'ء',
            other => other,
        })
        .collect()
}

/// Every way a word can open before its stem: proclitic chains, with and without the article,
/// and the merged لل. Used for prefix queries (كازاخ* also finds لكازاخستان).
pub fn proclitic_openings() -> Vec<String> {
    let mut openings: Vec<String> = PROCLITICS.iter().map(|p| p.to_string()).collect();
    openings.extend(ARTICLE_AFTER.iter().map(|p| format!("{p}{ARTICLE}")));
    openings.extend(["لل", "ولل", "فلل"].map(String::from));
    openings
}

/// All clitic forms of `core` (`with_article`: also the forms with the article).
pub fn generate(core: &str, with_article: bool) -> Vec<String> {
    clitic_forms(core, with_article).into_iter().map(|form| form.text).collect()
}

fn clitic_forms(core: &str, with_article: bool) -> Vec<CliticForm> {
    let form = |text: String, proclitic: &'static str, article: bool| CliticForm { text, proclitic, article };
    let letters = core.chars().count();
    if letters == 0 {
        return Vec::new();
    }
    if letters < MIN_CLITIC_CORE {
        let mut forms = vec![form(core.to_string(), "", false)];
        if with_article {
            forms.push(form(format!("{ARTICLE}{core}"), "", true));
        }
        return forms;
    }
    let suffixed = suffix_stems(core);
    let mut forms = Vec::with_capacity(600);
    let imperfective = core.starts_with(IMPERFECTIVE_PREFIXES);
    let chains = PROCLITICS.iter().chain(FUTURE_CHAINS.iter().filter(|_| imperfective));
    for &proclitic in chains {
        for enclitic in ENCLITICS {
            if enclitic.is_empty() {
                forms.push(form(format!("{proclitic}{core}"), proclitic, false));
            } else {
                for stem in &suffixed {
                    forms.push(form(format!("{proclitic}{stem}{enclitic}"), proclitic, false));
                }
            }
        }
        if with_article && ARTICLE_AFTER.contains(&proclitic) {
            forms.push(form(format!("{proclitic}{ARTICLE}{core}"), proclitic, true));
        }
    }
    if with_article {
        for (text, proclitic) in lam_article_forms(core).into_iter().zip(["ل", "ول", "فل"]) {
            forms.push(form(text, proclitic, true));
        }
    }
    forms
}

/// The shapes `core` takes before a pronoun suffix.
fn suffix_stems(core: &str) -> Vec<String> {
    let mut stems = vec![core.to_string()];
    let mut chars = core.chars();
    let last = chars.next_back();
    let body = chars.as_str();
    match last {
        Some('ة') => stems = vec![format!("{body}ت")],
        // Loose profile: ة was folded to ه.
        Some('ه') => stems.push(format!("{body}ت")),
        Some('ي') => stems.push(format!("{body}ا")),
        // Strict profile: ى is written ي or ا before a suffix (على → عليه, مستشفى → مستشفاها).
        Some('ى') => stems = vec![format!("{body}ي"), format!("{body}ا")],
        Some('ء') => {
            stems.push(format!("{body}ؤ"));
            stems.push(format!("{body}ئ"));
        }
        _ => {}
    }
    stems
}

#[cfg(test)]
mod tests {
    #[test]
    fn stripping_and_generation_know_the_same_proclitics() {
        let generated: HashSet<&str> = PROCLITICS.iter().copied().filter(|p| !p.is_empty()).collect();
        assert_eq!(generated, PROCLITIC_CHAINS.iter().copied().collect::<HashSet<_>>());
        assert!(PROCLITIC_CHAINS.windows(2).all(|w| w[0].chars().count() >= w[1].chars().count()));
    }

    use super::*;

    fn vocab(words: &[&str]) -> HashSet<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    fn matches(word: &str, words: &[&str]) -> Vec<String> {
        let mut found = matching_forms(word, false, &vocab(words));
        crate::sorting::sort(&mut found);
        found
    }

    fn sorted<const N: usize>(words: [&str; N]) -> Vec<String> {
        let mut words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        crate::sorting::sort(&mut words);
        words
    }

    #[test]
    fn proclitic_chains_article_and_suffixes() {
        let found = matches("حكومه", &[]);
        assert!(found.is_empty());
        let corpus = ["الحكومة", "والحكومة", "للحكومة", "حكومته", "وبحكومتها", "حكومة", "حكومات"];
        let expected = sorted(["الحكومة", "والحكومة", "للحكومة", "حكومته", "وبحكومتها", "حكومة"]);
        assert_eq!(matches("حكومة", &corpus), expected);
    }

    #[test]
    fn russia_does_not_match_belarus() {
        assert_eq!(matches("روسيا", &["بيلاروسيا", "روسيا", "لروسيا", "وروسيا"]), sorted(["روسيا", "لروسيا", "وروسيا"]));
    }

    #[test]
    fn root_letters_that_look_like_clitics_stay_in_the_word() {
        // وزير as typed: every clitic form of وزير, and never زير.
        assert_eq!(matches("وزير", &["وزير", "الوزير", "ووزير", "وزيرها", "زير"]), sorted(["الوزير", "ووزير", "وزير", "وزيرها"]));
        // زير (a water jar) is not found in وزير, because the corpus has الوزير.
        assert_eq!(matches("زير", &["وزير", "الوزير", "زير"]), sorted(["زير"]));
        assert_eq!(matches("لاية", &["ولاية", "الولاية", "لاية"]), sorted(["لاية"]));
        assert_eq!(matches("فلسطين", &["فلسطين", "وفلسطين", "لفلسطين"]), sorted(["فلسطين", "لفلسطين", "وفلسطين"]));
        assert_eq!(matches("بيروت", &["بيروت", "ببيروت", "وبيروت"]), sorted(["ببيروت", "بيروت", "وبيروت"]));
        assert_eq!(matches("وكالة", &["وكالة", "الوكالة", "كالة"]), sorted(["الوكالة", "وكالة"]));
    }

    #[test]
    fn lebanon_with_the_preposition_lam() {
        // للبنان is ل + لبنان, not لل + بنان.
        assert_eq!(matches("لبنان", &["لبنان", "للبنان", "ولبنان", "بنان"]), sorted(["لبنان", "للبنان", "ولبنان"]));
        // للجنة is ل + ال + لجنة.
        assert_eq!(matches("لجنة", &["للجنة", "اللجنة", "لجنة"]), sorted(["اللجنة", "لجنة", "للجنة"]));
    }

    #[test]
    fn the_article_is_dropped_only_when_the_bare_word_is_attested() {
        assert_eq!(matches("الرئيس", &["الرئيس", "رئيسه", "رئيس"]), sorted(["الرئيس", "رئيس", "رئيسه"]));
        assert_eq!(matches("الرئيس", &["الرئيس", "رئيسه"]), sorted(["الرئيس", "رئيسه"]));
        assert_eq!(matches("المانيا", &["المانيا", "لمانيا"]), sorted(["المانيا"]));
        // Written with hamza, أل is never the article.
        let v = vocab(&["المانيا", "مانيا", "لمانيا"]);
        assert_eq!(matching_forms("المانيا", true, &v), ["المانيا"]);
    }

    #[test]
    fn a_definite_query_takes_no_pronoun_suffix() {
        assert_eq!(matches("الرئيس", &["الرئيس", "الرئيسي", "للرئيس", "بالرئيس"]), sorted(["الرئيس", "للرئيس", "بالرئيس"]));
        // The article that is part of a word: الله and its forms.
        assert_eq!(matches("الله", &["الله", "والله", "لله", "بالله"]), sorted(["الله", "والله", "لله", "بالله"]));
    }

    #[test]
    fn suffix_alternations() {
        assert_eq!(matches("مستشفي", &["مستشفاها", "مستشفيه"]), sorted(["مستشفاها", "مستشفيه"]));
        // A final ي after a noun is the nisba adjective, not "my".
        assert_eq!(matches("امن", &["امن", "امني", "امنهم"]), sorted(["امن", "امنهم"]));
        assert_eq!(matches("علي", &["عليه", "عليها", "علاه"]), sorted(["علاه", "عليه", "عليها"]));
        assert_eq!(matches("ابناء", &["ابناؤهم", "ابنائهم", "ابناءهم"]), sorted(["ابناءهم", "ابناؤهم", "ابنائهم"]));
    }

    #[test]
    fn names_ending_like_suffixes_are_not_cut() {
        // Generation only adds: لبن never finds لبنان, عثم never finds عثمان.
        assert_eq!(matches("لبن", &["لبنان", "لبن"]), sorted(["لبن"]));
        assert_eq!(matches("فهم", &["فهم", "ففهم"]), sorted(["ففهم", "فهم"]));
    }

    #[test]
    fn short_cores_match_only_themselves_and_with_the_article() {
        assert_eq!(matches("كم", &["كم", "لكم", "الكم", "وكم"]), sorted(["الكم", "كم"]));
        assert_eq!(generate("من", true), ["من", "المن"]);
    }

    #[test]
    fn the_article_is_dropped_only_when_three_letters_remain() {
        // الآن is not ال + أن, الله is not ال + له "to him", الذي is not ال + ذي.
        let corpus = ["الان", "ان", "انه", "وان", "والان", "للان"];
        assert_eq!(matches("الان", &corpus), sorted(["الان", "والان", "للان"]));
        let corpus = ["الله", "له", "لها", "لهم", "لله", "والله", "بالله"];
        assert_eq!(matches("الله", &corpus), sorted(["الله", "بالله", "لله", "والله"]));
        assert_eq!(matches("الذي", &["الذي", "ذي", "والذي"]), sorted(["الذي", "والذي"]));
        // Three letters left: the bare word and its clitic forms, ة → ت before a suffix.
        assert_eq!(matches("السنة", &["السنة", "سنة", "سنته", "بسنة"]), sorted(["السنة", "بسنة", "سنة", "سنته"]));
    }

    #[test]
    fn short_cores_take_neither_proclitics_nor_suffixes() {
        assert_eq!(matches("له", &["له", "لها", "لهم", "فله", "وله"]), sorted(["له"]));
        assert_eq!(matches("ان", &["ان", "انه", "وان", "لان"]), sorted(["ان"]));
    }

    #[test]
    fn a_short_core_does_not_take_an_article_that_makes_a_word_of_the_lexicon() {
        // أن does not find الآن, له does not find الله, ذي does not find الذي.
        assert_eq!(matches("ان", &["ان", "الان"]), sorted(["ان"]));
        assert_eq!(matches("له", &["له", "الله"]), sorted(["له"]));
        assert_eq!(matches("ذي", &["ذي", "الذي"]), sorted(["ذي"]));
        // Where the article and the short word make no other word, it is the article.
        assert_eq!(matches("حق", &["حق", "الحق"]), sorted(["الحق", "حق"]));
        assert_eq!(matches("من", &["من", "المن"]), sorted(["المن", "من"]));
    }

    #[test]
    fn a_lexicon_word_starting_with_kaf_is_never_kaf_and_the_query() {
        // كامل "complete" is not ك + أمل "hope", كريم is not ك + ريم, كمال is not ك + مال, even
        // where the corpus uses the query word.
        assert_eq!(matches("امل", &["امل", "الامل", "كامل", "وامل", "كاملها"]), sorted(["الامل", "امل", "وامل"]));
        assert_eq!(matches("ريم", &["ريم", "كريم", "كريمة"]), sorted(["ريم"]));
        assert_eq!(matches("مال", &["مال", "المال", "كمال", "بمال"]), sorted(["المال", "بمال", "مال"]));
    }

    #[test]
    fn a_lexicon_word_is_not_a_proclitic_and_a_query_the_corpus_never_writes_alone() {
        // No الوزير in the corpus to tell that وزير is a word: the lexicon does.
        assert_eq!(matches("زير", &["وزير", "وزيرها", "ووزير"]), Vec::<String>::new());
        assert_eq!(matches("حدة", &["وحدة", "وحدته"]), Vec::<String>::new());
        assert_eq!(matches("جود", &["وجود", "بوجود"]), Vec::<String>::new());
        // A query that is only the end of a word: يان of بيان, بنان of لبنان.
        assert_eq!(matches("يان", &["بيان", "والبيان"]), Vec::<String>::new());
        assert_eq!(matches("بنان", &["لبنان", "ولبنان"]), Vec::<String>::new());
    }

    #[test]
    fn a_query_the_corpus_writes_alone_keeps_its_prepositions_and_conjunctions() {
        // بطريق is also a word of the lexicon ("penguin"), وثقة too; here they are ب + طريق, و + ثقة.
        assert_eq!(matches("طريق", &["الطريق", "بطريق"]), sorted(["الطريق", "بطريق"]));
        assert_eq!(matches("ثقة", &["ثقة", "وثقة", "ثقته"]), sorted(["ثقة", "ثقته", "وثقة"]));
        // Words of the lexicon that a proclitic and the query make are not counted whatever the
        // corpus: these are the query with its clitics.
        let corpus = ["لروسيا", "روسيا", "والحكومة", "للحكومة", "للبنان", "ولبنان", "لبنان"];
        assert_eq!(matches("روسيا", &corpus), sorted(["روسيا", "لروسيا"]));
        assert_eq!(matches("الحكومة", &corpus), sorted(["والحكومة", "للحكومة"]));
        assert_eq!(matches("لبنان", &corpus), sorted(["لبنان", "للبنان", "ولبنان"]));
        assert_eq!(matches("علي", &["علي", "عليه", "وعلي", "عليها"]), sorted(["علي", "عليه", "عليها", "وعلي"]));
    }

    #[test]
    fn the_lexicon_is_read_whatever_the_normalization_steps() {
        // Strict keeps hamza and ى, loose folds ة: the same words of the lexicon.
        for (word, lexicon_word) in [("آن", "الآن"), ("أمل", "كأمل"), ("ريم", "كريم"), ("حده", "وحده")] {
            assert!(in_lexicon(lexicon_word), "{lexicon_word}");
            assert!(matching_forms(word, false, &vocab(&[lexicon_word])).is_empty(), "{word}");
        }
    }

    #[test]
    fn the_lexicon_file_is_normalized_and_sorted_words() {
        let file = include_str!("../data/lexicon.txt");
        let words: Vec<&str> = file.lines().filter(|line| !line.starts_with('#')).collect();
        assert!(words.len() > 1000, "{}", words.len());
        assert!(words.windows(2).all(|pair| pair[0] < pair[1]), "sorted, no duplicates");
        let normalizer = crate::Normalizer::for_profile(crate::Profile::Search);
        assert!(words.iter().all(|w| !w.is_empty() && normalizer.normalize(w) == *w));
        for word in ["كامل", "كريم", "وزير", "الان", "الله"] {
            assert!(words.contains(&word), "{word}");
        }
        // Clitic forms of function words the dictionary lists stay out: وإلى, فعلى.
        assert!(!words.contains(&"والي") && !words.contains(&"فعلي"));
        // What build.rs compiles in holds every word, folded as lexicon_key folds, and no other.
        assert!(words.iter().all(|word| in_lexicon(word)));
        let keys: HashSet<String> = words.iter().map(|word| lexicon_key(word)).collect();
        assert_eq!(LEXICON.lines().count(), keys.len());
        assert!(!in_lexicon("امل") && !in_lexicon("") && !in_lexicon("ا") && !in_lexicon("يييي"));
    }

    #[test]
    fn future_prefix_only_before_imperfective_verbs() {
        assert!(generate("يتدخل", true).contains(&"سيتدخل".to_string()));
        assert!(!generate("روسيا", true).contains(&"سروسيا".to_string()));
    }

    #[test]
    fn generation_size_is_bounded() {
        let forms = generate("حكومة", true);
        assert!(forms.len() > 100 && forms.len() < 1000, "{}", forms.len());
    }
}
