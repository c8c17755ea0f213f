//! Properties that must hold for any input.

use proptest::prelude::*;
use siyaq_engine::{
    DocumentInput, Index, MatchMode, Normalizer, Profile, Step, Steps, kwic_line, parse, search, sentence_of,
    sort_hits, SortKey,
};

/// Text drawn mostly from what Arabic press text is made of, with the troublesome characters
/// (marks, tatweel, invisibles, presentation forms, digits, Latin) well represented.
fn arabic_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "ا", "أ", "إ", "آ", "ٱ", "ب", "ت", "ة", "ج", "د", "ر", "س", "ل", "م", "ن", "ه", "و", "ي", "ى", "ء", "ؤ",
        "ئ", "ال", "لل", "َ", "ً", "ّ", "ْ", "ٰ", "\u{0654}", "\u{0653}", "ـ", "\u{200C}", "\u{200F}", "\u{FEFF}",
        "ﻻ", "ﷲ", "ﻷ", "\u{FDFC}", "\u{FDFD}", "ﷺ", "١", "٢", "٫", "٬", "٪", "3", "7", ".", "،", "؟", " ", " ", " ",
        "\n", "\u{00A0}", "CSTO", "É", "e\u{0301}", "İ", "ی", "ک", "ۀ", "\"", "(", "*", "|", "/", "=",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|p| p.concat())
}

fn any_steps() -> impl Strategy<Value = Steps> {
    prop::collection::vec(any::<bool>(), Step::ALL.len()).prop_map(|bits| {
        let mut steps = Steps::default();
        for (step, on) in Step::ALL.into_iter().zip(bits) {
            steps.set(step, on);
        }
        steps
    })
}

/// Bases, marks of many classes (Arabic, Latin, Hebrew, Telugu), tatweel, invisible characters,
/// and the presentation forms that unfold to marks: `\\PC` draws these together too rarely.
fn marks_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        'ب', 'ا', 'ي', 'و', 'ى', 'ء', 'a', 'e', ' ', '\u{064B}', '\u{064C}', '\u{064E}', '\u{0650}', '\u{0651}',
        '\u{0652}', '\u{0653}', '\u{0654}', '\u{0655}', '\u{0670}', '\u{0610}', '\u{0301}', '\u{0316}',
        '\u{0323}', '\u{05B9}', '\u{05A3}', '\u{0C55}', '\u{0640}', '\u{200C}', '\u{200F}', '\u{034F}',
        '\u{FEFF}', '\u{FE70}', '\u{FE71}', '\u{FE77}', '\u{FE7D}', '\u{FE7F}', '\u{FC5E}', '\u{FCF2}',
        '\u{FCF4}', '\u{FEFB}', '\u{FEF5}', '\u{FE8B}',
        // Marks with no base before them (after whitespace, which splits the fast path's words, or a
        // control character), marks that decompose, and U+0F73, a starter that decomposes to marks.
        '\t', '\n', '\u{00A0}', '\u{0008}', '\u{0340}', '\u{0341}', '\u{0344}', '\u{0F73}',
    ]);
    prop::collection::vec(pieces, 0..12).prop_map(String::from_iter)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn normalization_with_any_steps_is_idempotent_on_stacked_marks(text in marks_text(), steps in any_steps()) {
        let normalizer = Normalizer::new(steps);
        let once = normalizer.normalize(&text);
        prop_assert_eq!(&normalizer.normalize_with_map(&text).text, &once);
        prop_assert_eq!(normalizer.normalize(&once), once);
    }

    /// NFC sees the sequence the deleting and unfolding steps leave, not the input: the output is
    /// NFC of the input once presentation forms are unfolded and invisibles, tatweel and (when
    /// marks go) the marks that do not compose are deleted; the marks that do go after NFC, and
    /// what they kept apart composes then (a + U+0653 + U+0301 → á).
    #[test]
    fn nfc_sees_what_unfolding_and_deleting_leave(
        text in marks_text(),
        invisibles in any::<bool>(),
        tatweel in any::<bool>(),
        diacritics in any::<bool>(),
    ) {
        use siyaq_engine::chars::{is_arabic_mark, is_default_ignorable};
        use unicode_normalization::UnicodeNormalization;
        let mut steps = Steps::default();
        for step in Step::ALL {
            steps.set(step, false);
        }
        steps.nfc = true;
        steps.presentation_forms = true;
        steps.invisibles = invisibles;
        steps.tatweel = tatweel;
        steps.diacritics = diacritics;
        let deleted_before_nfc = |c: char| {
            (invisibles && is_default_ignorable(c))
                || (tatweel && c == '\u{0640}')
                || (diacritics && is_arabic_mark(c) && !('\u{0653}'..='\u{0655}').contains(&c))
        };
        let unfolded: String = text
            .chars()
            .flat_map(|c| if ('\u{FB50}'..='\u{FEFE}').contains(&c) { c.nfkc().collect() } else { vec![c] })
            .filter(|&c| !deleted_before_nfc(c))
            .collect();
        let expected: String = unfolded.nfc().filter(|&c| !(diacritics && is_arabic_mark(c))).nfc().collect();
        prop_assert_eq!(Normalizer::new(steps).normalize(&text), expected);
    }

    #[test]
    fn normalization_is_idempotent(text in arabic_text(), profile in prop::sample::select(Profile::ALL.to_vec())) {
        let normalizer = Normalizer::for_profile(profile);
        let once = normalizer.normalize(&text);
        prop_assert_eq!(normalizer.normalize(&once), once);
    }

    #[test]
    fn normalization_with_any_steps_is_idempotent_on_any_string(text in "\\PC{0,30}", steps in any_steps()) {
        let normalizer = Normalizer::new(steps);
        let once = normalizer.normalize(&text);
        // The fast path and the general one (used by the offset map) agree.
        prop_assert_eq!(&normalizer.normalize_with_map(&text).text, &once);
        prop_assert_eq!(normalizer.normalize(&once), once);
    }

    #[test]
    fn the_offset_map_is_monotonic_and_in_bounds(text in arabic_text(), steps in any_steps()) {
        let normalized = Normalizer::new(steps).normalize_with_map(&text);
        prop_assert_eq!(&normalized.text, &Normalizer::new(steps).normalize(&text));
        let mut last_norm = None;
        let mut last_end = 0;
        for (norm, origin) in &normalized.segments {
            prop_assert!(last_norm.is_none_or(|l| *norm > l));
            prop_assert!(origin.start >= last_end && origin.start < origin.end && origin.end <= text.len());
            prop_assert!(text.is_char_boundary(origin.start) && text.is_char_boundary(origin.end));
            last_norm = Some(*norm);
            last_end = origin.end;
        }
        for start in 0..=normalized.text.len() {
            for end in start..=normalized.text.len() {
                let range = normalized.original_range(start..end);
                prop_assert!(range.start <= range.end && range.end <= text.len());
            }
        }
    }

    #[test]
    fn no_query_string_panics(query in "\\PC{0,40}", text in arabic_text(), mode in prop::sample::select(MatchMode::ALL.to_vec())) {
        let index = Index::build([DocumentInput { id: "d", text: text.as_str().into(), uncounted: vec![] }], Steps::default());
        if let Ok(query) = parse(&query, mode) {
            let result = search(&index, &query);
            for hit in &result.hits {
                let _ = kwic_line(&index, *hit, 7);
                let _ = sentence_of(&index, *hit);
            }
            let mut hits = result.hits.clone();
            sort_hits(&index, &mut hits, &[SortKey::Before(2), SortKey::After(1), SortKey::Frequency, SortKey::Node]);
        }
    }

    #[test]
    fn queries_built_from_the_syntax_never_panic(
        parts in prop::collection::vec(prop::sample::select(vec!["روسيا", "\"", "*", "|", "/", "=", " ", "(", "ال", "[", "\\"]), 0..12),
    ) {
        let query = parts.concat();
        let _ = parse(&query, MatchMode::Clitic).map(|q| search(&Index::build([], Steps::default()), &q));
    }

    #[test]
    fn every_hit_normalizes_to_a_form_the_query_accepts(words in prop::collection::vec(prop::sample::select(vec![
        "روسيا", "لروسيا", "وروسيا", "بيلاروسيا", "الروسية", "روسياها", "موسكو", "ولموسكو", "رُوسْيَا", "روسـيا",
    ]), 1..30), query in prop::sample::select(vec!["روسيا", "موسكو", "=روسيا", "روس*", "*سيا", "/سيا$/"])) {
        let text = words.join(" ");
        let index = Index::build([DocumentInput { id: "d", text: text.as_str().into(), uncounted: vec![] }], Steps::default());
        let result = search(&index, &parse(query, MatchMode::Clitic).unwrap());
        let normalizer = index.normalizer();
        let accepted: Vec<&str> = result.forms.iter().map(|f| f.form.as_str()).collect();
        for hit in &result.hits {
            let original = index.original(hit.words());
            prop_assert!(accepted.contains(&normalizer.normalize(original).as_str()));
            if !query.contains(['*', '/']) {
                prop_assert!(normalizer.normalize(original) != "بيلاروسيا");
            }
        }
        prop_assert_eq!(result.total(), result.per_document.iter().sum::<u32>() as usize);
        prop_assert_eq!(result.total(), result.forms.iter().map(|f| f.count).sum::<u32>() as usize);
    }
}

/// Words that exercise clitic matching: articles, لل, ة/ى/ء endings, a conjunction that is a root
/// letter (وزير), a hamza article (ألمانيا), two-letter words, Latin and brackets.
const ENTITY_WORDS: [&str; 24] = [
    "روسيا", "بوتين", "فلاديمير", "الرئيس", "رئيس", "نور", "سلطان", "لجنة", "اللجنة", "حكومة", "منظمة", "معاهدة",
    "الأمن", "الجماعي", "مستشفى", "أبناء", "ألمانيا", "الله", "وزير", "الوزير", "زير", "من", "CSTO", "يتدخل",
];

fn entity_text() -> impl Strategy<Value = String> {
    let word = (
        prop::sample::select(vec!["", "", "", "و", "ل", "بال", "لل", "وال", "فس", "ف"]),
        prop::sample::select(ENTITY_WORDS.to_vec()),
        prop::sample::select(vec!["", "", "", "ه", "ها", "هم"]),
        prop::sample::select(vec![" ", " ", " ", " (", ") ", "، ", ". ", "\n\n"]),
    )
        .prop_map(|(before, word, after, gap)| format!("{before}{word}{after}{gap}"));
    prop::collection::vec(word, 0..60).prop_map(|words| words.concat())
}

fn entity_list() -> impl Strategy<Value = Vec<siyaq_engine::entities::EntityAliases>> {
    let written = (prop::sample::select(vec!["", "", "", "و", "ال", "ب"]), prop::sample::select(ENTITY_WORDS.to_vec()))
        .prop_map(|(before, word)| format!("{before}{word}"));
    let alias = prop::collection::vec(written, 0..4).prop_map(|words| words.join(" "));
    let aliases = prop::collection::vec(alias, 1..4);
    prop::collection::vec(aliases, 0..8).prop_map(|lists| {
        lists
            .into_iter()
            .enumerate()
            .map(|(i, aliases)| siyaq_engine::entities::EntityAliases { id: format!("e{i}"), aliases, context: vec![] })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The mention finder rules aliases out before matching them; what it finds is exactly what
    /// one concordance search per alias finds.
    #[test]
    fn mentions_are_those_one_search_per_alias_finds(
        texts in prop::collection::vec(entity_text(), 1..3),
        list in entity_list(),
        profile in prop::sample::select(Profile::ALL.to_vec()),
    ) {
        let index = Index::build(
            texts.iter().map(|text| DocumentInput { id: "d", text: text.as_str().into(), uncounted: vec![] }),
            profile.steps(),
        );
        prop_assert_eq!(
            siyaq_engine::entities::find_mentions(&index, &list),
            siyaq_engine::entities::find_mentions_by_search(&index, &list)
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Alternatives merged through one slot per word: the hits are those of each alternative
    /// searched alone, the longest kept where several start at the same word.
    #[test]
    fn alternatives_find_what_each_finds_alone(
        text in entity_text(),
        alternatives in prop::collection::vec(prop::sample::select(vec![
            "روسيا", "\"نور سلطان\"", "سلطان", "الرئيس", "=الرئيس", "رئيس*", "*ين", "/^ال/", "\"فلاديمير بوتين\"", "بوتين",
        ]), 1..5),
        mode in prop::sample::select(MatchMode::ALL.to_vec()),
    ) {
        let index = Index::build([DocumentInput { id: "d", text: text.as_str().into(), uncounted: vec![] }], Steps::default());
        let query = parse(&alternatives.join(" | "), mode).unwrap();
        let mut expected: Vec<(u32, std::cmp::Reverse<u32>)> = Vec::new();
        for phrase in &query.alternatives {
            let alone = siyaq_engine::Query { alternatives: vec![phrase.clone()], mode };
            expected.extend(search(&index, &alone).hits.iter().map(|h| (h.word, std::cmp::Reverse(h.len))));
        }
        expected.sort();
        expected.dedup_by_key(|(word, _)| *word);
        let result = search(&index, &query);
        let found: Vec<(u32, std::cmp::Reverse<u32>)> = result.hits.iter().map(|h| (h.word, std::cmp::Reverse(h.len))).collect();
        prop_assert_eq!(found, expected);
        prop_assert_eq!(result.total_found, result.total());
    }
}

/// Probes found queries that froze the page: each is now refused by the parser or bounded.
mod bounded_queries {
    use siyaq_engine::concordance::MAX_HITS;
    use siyaq_engine::query::{MAX_ALTERNATIVES, Phrase, Term};
    use siyaq_engine::{MatchMode, Query, QueryErrorKind, Steps, parse, search};

    #[test]
    fn a_250_way_alternation_is_refused_and_bounded_when_built_by_hand() {
        let index = siyaq_ingest::sample().build_index(Steps::default());
        let vocabulary = index.vocabulary();
        // Short words, as a query holds at most MAX_QUERY_CHARS.
        let words: Vec<String> = (0..250).map(|i| vocabulary.form(i * 7 % vocabulary.len() as u32).chars().take(2).collect()).collect();
        let error = parse(&words.join("|"), MatchMode::Clitic).unwrap_err();
        assert_eq!(error.kind, QueryErrorKind::TooManyAlternatives);
        // The interface's wording of it is tested in the app (src/messages.rs).
        assert!(error.to_string().len() < 100);
        // The engine holds up even without the parser: one slot per word merges the
        // alternatives, and no more than MAX_HITS are kept.
        let prefixes = Query {
            alternatives: words.iter().map(|w| Phrase { terms: vec![Term::Prefix(w.chars().take(1).collect())] }).collect(),
            mode: MatchMode::Clitic,
        };
        let result = search(&index, &prefixes);
        assert!(result.total() <= MAX_HITS && result.total_found <= index.words().len());
        assert!(result.total_found > index.words().len() / 2, "{}", result.total_found);
        assert_eq!(parse(&words[..MAX_ALTERNATIVES].join("|"), MatchMode::Clitic).unwrap().alternatives.len(), MAX_ALTERNATIVES);
    }

    #[test]
    fn pathological_regexes_are_refused_or_run_in_linear_time() {
        let index = siyaq_ingest::sample().build_index(Steps::default());
        for pattern in ["/(.{100}){100}/", "/((ا|ب)*)*{1000}/", "/(\\w+\\s?){200}/"] {
            let error = parse(pattern, MatchMode::Clitic).unwrap_err();
            assert!(matches!(error.kind, QueryErrorKind::RegexTooLarge | QueryErrorKind::BadRegex { .. }), "{pattern}: {error:?}");
        }
        let started = std::time::Instant::now();
        // Catastrophic for a backtracking engine; regex-lite's is linear in the text.
        for pattern in ["/(a*)*$/", "/^(ا|اا)*ظظظ$/", "/(.*)(.*)(.*)(.*)(.*)x/"] {
            let query = parse(pattern, MatchMode::Clitic).unwrap();
            assert!(search(&index, &query).total() <= MAX_HITS, "{pattern}");
        }
        assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    }
}

/// §6.3 pitfalls that need the whole pipeline (normalization, index, generation).
mod pitfalls {
    use siyaq_engine::{DocumentInput, Index, MatchMode, Profile, parse, search};

    fn surfaces(text: &str, query: &str, profile: Profile) -> Vec<String> {
        let index = Index::build([DocumentInput { id: "d", text: text.into(), uncounted: vec![] }], profile.steps());
        let result = search(&index, &parse(query, MatchMode::Clitic).unwrap());
        result.hits.iter().map(|h| index.original(h.words()).to_string()).collect()
    }

    #[test]
    fn ila_and_germany_are_not_article_words() {
        let text = "سافر إلى ألمانيا ولي العهد لي لمانيا المانيا";
        // إلى (الي once normalized) is never ال + ي: it does not find لي or ولي.
        assert_eq!(surfaces(text, "إلى", Profile::Search), ["إلى"]);
        // ألمانيا written with hamza keeps its ال: لمانيا is not ل + مانيا.
        assert_eq!(surfaces(text, "ألمانيا", Profile::Search), ["ألمانيا", "المانيا"]);
    }

    #[test]
    fn ala_and_ali_are_one_form_in_search_and_two_in_strict() {
        let text = "قال علي إن الحمل على الحكومة ثقيل، وعليه أن يتحرك.";
        // The search profile folds ى to ي, a documented cost: على and علي are the same word.
        assert_eq!(surfaces(text, "علي", Profile::Search), ["علي", "على", "وعليه"]);
        // The strict profile keeps them apart (وعليه is و + على/علي + ه either way).
        assert_eq!(surfaces(text, "علي", Profile::Strict), ["علي", "وعليه"]);
        assert_eq!(surfaces(text, "على", Profile::Strict), ["على", "وعليه"]);
    }
}
