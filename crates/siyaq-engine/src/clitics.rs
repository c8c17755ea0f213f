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
//! Corpus attestation keeps generation honest in two places:
//! - the query's own article is dropped (الرئيس also finds رئيسه) only when the bare word is
//!   attested in the corpus, and never when the query was written أل/إل (ألمانيا, إلى);
//! - a form made of a one-letter proclitic and the core (و + زير = وزير) is not a match when the
//!   corpus also has that form with the article (الوزير): the article cannot come before a
//!   conjunction, so there it is a word of its own.
//!
//! Cores shorter than three letters (من، كم، لا) match only themselves and with the article:
//! through clitics they would match far too much (لكم is ل + كم "you", not "how many").

use std::collections::HashSet;

use crate::chars::{TATWEEL, is_default_ignorable, is_mark};

const PROCLITICS: [&str; 12] = ["", "و", "ف", "ب", "ك", "ل", "وب", "فب", "وك", "فك", "ول", "فل"];
/// The same chains without the empty one, longest first, for code that strips rather than
/// generates: وب must be tried before و.
pub const PROCLITIC_CHAINS: [&str; 11] = ["وب", "فب", "وك", "فك", "ول", "فل", "و", "ف", "ب", "ك", "ل"];
const FUTURE: [&str; 3] = ["س", "وس", "فس"];
const ARTICLE_AFTER: [&str; 9] = ["", "و", "ف", "ب", "ك", "وب", "فب", "وك", "فك"];
/// The first-person ي ("my") is left out on purpose: in press text a final ي after a noun is almost
/// always the nisba adjective (أمني "security", رئيسي "main", روسي "Russian"), so with it الأمن
/// would find أمني and روس would find روسي. ني ("me", after verbs) stays.
const ENCLITICS: [&str; 12] = ["", "ه", "ها", "هما", "هم", "هن", "ك", "كما", "كم", "كن", "ني", "نا"];
const ARTICLE: &str = "ال";

/// Shortest core, in letters, that takes clitics.
pub const MIN_CLITIC_CORE: usize = 3;

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
            // ل + bare is left out of the evidence: it is how a misspelt لل + word (لمانيا for
            // لألمانيا) looks.
            let lam_bare = format!("ل{bare}");
            let attested = generate(bare, false).iter().any(|f| !f.starts_with(&lam_bare) && vocabulary.contains(f));
            if attested {
                cores.push(bare);
            }
        }
        None => cores.push(word),
    }
    for core in &cores {
        candidates.extend(generate(core, true).into_iter().filter(|form| !is_a_word_of_its_own(form, core, vocabulary)));
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

/// Whether `form`, which starts with a one-letter proclitic before `core`, is attested with the
/// article in front, so that its first letter belongs to the word (الوزير: وزير is not و + زير).
fn is_a_word_of_its_own(form: &str, core: &str, vocabulary: &impl Vocabulary) -> bool {
    let Some(first) = form.chars().next() else { return false };
    let rest = &form[first.len_utf8()..];
    if !matches!(first, 'و' | 'ف' | 'ب' | 'ك' | 'ل') || !rest.starts_with(core) {
        return false;
    }
    let word = &form[..first.len_utf8() + core.len()];
    ["ال", "وال", "بال", "لل"].iter().any(|article| vocabulary.contains(&format!("{article}{word}")))
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
    let letters = core.chars().count();
    if letters == 0 {
        return Vec::new();
    }
    if letters < MIN_CLITIC_CORE {
        let mut forms = vec![core.to_string()];
        if with_article {
            forms.push(format!("{ARTICLE}{core}"));
        }
        return forms;
    }
    let suffixed = suffix_stems(core);
    let mut forms = Vec::with_capacity(600);
    let imperfective = core.starts_with(['ي', 'ت', 'ن', 'ا']);
    let chains = PROCLITICS.iter().chain(FUTURE.iter().filter(|_| imperfective));
    for proclitic in chains {
        for enclitic in ENCLITICS {
            if enclitic.is_empty() {
                forms.push(format!("{proclitic}{core}"));
            } else {
                for stem in &suffixed {
                    forms.push(format!("{proclitic}{stem}{enclitic}"));
                }
            }
        }
        if with_article && ARTICLE_AFTER.contains(proclitic) {
            forms.push(format!("{proclitic}{ARTICLE}{core}"));
        }
    }
    if with_article {
        forms.extend(lam_article_forms(core));
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
