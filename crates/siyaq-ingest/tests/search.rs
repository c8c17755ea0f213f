//! Searching the bundled corpus with the engine. Every pinned figure was checked against the text
//! by hand (grep over `corpus/`), with the reasoning next to it.

use siyaq_corpus::LineRole;
use siyaq_engine::{
    Hit, Index, MatchMode, Normalizer, Profile, SortKey, Steps, kwic_line, parse, search,
    sentence_of, sort_hits,
};
use siyaq_ingest::sample;

fn index() -> Index {
    sample().build_index(Steps::default())
}

fn run(index: &Index, query: &str, mode: MatchMode) -> siyaq_engine::SearchResult {
    search(index, &parse(query, mode).unwrap())
}

fn forms(result: &siyaq_engine::SearchResult) -> Vec<(&str, u32)> {
    result
        .forms
        .iter()
        .map(|f| (f.surface.as_str(), f.count))
        .collect()
}

#[test]
fn documents_are_indexed_in_manifest_order_with_their_word_counts() {
    let index = index();
    let ids: Vec<&str> = index.documents().iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        sample()
            .documents()
            .iter()
            .map(|d| d.id.as_str())
            .collect::<Vec<_>>()
    );
    for (indexed, doc) in index.documents().iter().zip(sample().documents()) {
        assert_eq!(
            indexed.counted_words as usize,
            sample().word_count(doc),
            "{}",
            doc.id
        );
    }
}

#[test]
fn kazakhstan_through_its_clitics() {
    // grep finds كازاخستان 71 times: 5 inside adjectives (الكازاخستاني ×2, الكازاخستانيين,
    // الكازاخستانية, الكازاخستانيون) and 1 on the repeated title line, which never counts.
    let result = run(&index(), "كازاخستان", MatchMode::Clitic);
    assert_eq!(result.total(), 65);
    assert_eq!(result.per_document, [11, 14, 0, 10, 10, 20]);
    assert_eq!(
        forms(&result),
        [("كازاخستان", 58), ("لكازاخستان", 5), ("وكازاخستان", 2)]
    );
}

#[test]
fn russia_never_matches_belarus() {
    // روسيا appears 36 times as a substring: 4 inside بيلاروسيا, 1 (لروسيا) on a repeated title.
    let index = index();
    let result = run(&index, "روسيا", MatchMode::Clitic);
    assert_eq!(result.total(), 31);
    assert_eq!(
        forms(&result),
        [("روسيا", 24), ("لروسيا", 4), ("وروسيا", 2), ("بروسيا", 1)]
    );
    assert_eq!(run(&index, "بيلاروسيا", MatchMode::Clitic).total(), 4);
    assert_eq!(run(&index, "روسيا", MatchMode::Exact).total(), 24);
}

#[test]
fn putin_with_prepositions() {
    // بوتين ×20, لبوتين ×2, ببوتين ×1 (grep).
    let result = run(&index(), "بوتين", MatchMode::Clitic);
    assert_eq!(
        forms(&result),
        [("بوتين", 20), ("لبوتين", 2), ("ببوتين", 1)]
    );
    assert_eq!(result.per_document, [12, 9, 2, 0, 0, 0]);
}

#[test]
fn phrases_and_alternatives() {
    let index = index();
    // "الأمن الجماعي" occurs 11 times, always inside "منظمة معاهدة الأمن الجماعي".
    assert_eq!(
        run(&index, "\"الأمن الجماعي\"", MatchMode::Clitic).total(),
        11
    );
    // The full name: 9 times as منظمة..., once as لمنظمة... (the 11th is معاهدة الأمن الجماعي alone).
    assert_eq!(
        run(&index, "منظمة معاهدة الأمن الجماعي", MatchMode::Clitic).total(),
        10
    );
    // Nazarbayev is spelt both نزارباييف and نزار باييف; ونزارباييف has the conjunction.
    let result = run(&index, "نزارباييف | \"نزار باييف\"", MatchMode::Clitic);
    assert_eq!(result.total(), 4);
    assert_eq!(
        forms(&result),
        [("نزار باييف", 2), ("ونزارباييف", 1), ("نزارباييف", 1)]
    );
}

#[test]
fn a_query_written_with_hamza_and_diacritics_finds_the_plain_spellings() {
    let index = index();
    let plain = run(&index, "الامن", MatchMode::Clitic);
    assert_eq!(run(&index, "الأَمْن", MatchMode::Clitic), plain);
    assert!(plain.total() >= 15);
    // The strict profile keeps hamza and marks: الامن (no hamza) is not in the corpus.
    let strict = sample().build_index(Profile::Strict.steps());
    assert_eq!(run(&strict, "الامن", MatchMode::Exact).total(), 0);
    assert!(run(&strict, "الأمن", MatchMode::Exact).total() >= 15);
}

#[test]
fn hits_are_never_on_repeated_titles() {
    let index = index();
    let result = run(&index, "/./", MatchMode::Exact);
    let counted: u32 = index.documents().iter().map(|d| d.counted_words).sum();
    assert_eq!(result.total() as u32, counted);
    for doc in sample().documents() {
        for line in sample()
            .lines(doc)
            .filter(|l| l.role == LineRole::DuplicateTitle)
        {
            let d = index
                .documents()
                .iter()
                .position(|d| d.id == doc.id)
                .unwrap();
            let offset = doc.span().start;
            for hit in result
                .hits
                .iter()
                .filter(|h| index.document_of(h.word) == d)
            {
                let at = index.word(hit.word).start as usize + offset;
                assert!(!line.span.contains(&at), "{} line {}", doc.id, line.number);
            }
        }
    }
}

#[test]
fn every_hit_normalizes_to_a_form_the_query_accepts() {
    let index = index();
    let normalizer = Normalizer::for_profile(Profile::Search);
    for query in [
        "كازاخستان",
        "روسيا",
        "بوتين",
        "الحكومة",
        "أوكرانيا",
        "الرئيس",
        "موسكو",
    ] {
        let result = run(&index, query, MatchMode::Clitic);
        assert!(result.total() > 0, "{query}");
        let accepted: Vec<String> = result.forms.iter().map(|f| f.form.clone()).collect();
        for hit in &result.hits {
            let original = index.original(hit.words());
            assert!(
                accepted.contains(&normalizer.normalize(original)),
                "{query}: {original}"
            );
        }
    }
}

#[test]
fn kwic_lines_show_seven_words_each_side_cut_at_document_edges() {
    let index = index();
    let result = run(&index, "كازاخستان", MatchMode::Clitic);
    for hit in &result.hits {
        let line = kwic_line(&index, *hit, 7);
        let text = &index.documents()[line.document].text;
        assert_eq!(
            siyaq_engine::Normalizer::default()
                .normalize(&text[line.node.clone()])
                .trim_start_matches(['ل', 'و']),
            "كازاخستان"
        );
        let before = siyaq_engine::word_count(&text[line.before.clone()]);
        let after = siyaq_engine::word_count(&text[line.after.clone()]);
        let words = &index.documents()[line.document].words;
        assert_eq!(before as u32, 7.min(hit.word - words.start));
        assert_eq!(after as u32, 7.min(words.end - hit.word - 1));
        assert_eq!(line.before.end, line.node.start);
        assert_eq!(line.node.end, line.after.start);
    }
}

#[test]
fn sorting_by_neighbours_is_ordered_and_stable() {
    let index = index();
    let result = run(&index, "كازاخستان", MatchMode::Clitic);
    let form_at = |hit: &Hit, offset: i64| -> Option<String> {
        let doc = &index.documents()[index.document_of(hit.word)];
        let at = hit.word as i64 + offset;
        (at >= doc.words.start as i64 && at < doc.words.end as i64).then(|| {
            index
                .vocabulary()
                .form(index.word(at as u32).form)
                .to_string()
        })
    };
    for (key, offset) in [
        (SortKey::Before(1), -1),
        (SortKey::After(1), 1),
        (SortKey::Before(2), -2),
        (SortKey::After(3), 3),
    ] {
        let mut hits = result.hits.clone();
        sort_hits(&index, &mut hits, &[key]);
        assert_ne!(hits, result.hits, "{key:?} changes the order");
        for pair in hits.windows(2) {
            let (a, b) = (form_at(&pair[0], offset), form_at(&pair[1], offset));
            assert!(a <= b, "{key:?}: {a:?} > {b:?}");
            if a == b {
                assert!(
                    pair[0].word < pair[1].word,
                    "{key:?}: ties keep corpus order"
                );
            }
        }
    }
    let mut hits = result.hits.clone();
    sort_hits(&index, &mut hits, &[SortKey::Frequency]);
    let first_rare = hits
        .iter()
        .position(|h| index.vocabulary().form(index.word(h.word).form) != "كازاخستان")
        .unwrap();
    assert_eq!(first_rare, 58, "the 58 most frequent form comes first");
    sort_hits(&index, &mut hits, &[SortKey::Document]);
    assert_eq!(hits, result.hits);
}

#[test]
fn the_sentence_around_a_hit() {
    let index = index();
    // مستنقع once, المستنقع once elsewhere: the exact form picks the first.
    assert_eq!(run(&index, "مستنقع", MatchMode::Clitic).total(), 2);
    let result = run(&index, "=مستنقع", MatchMode::Clitic);
    assert_eq!(result.total(), 1);
    let hit = result.hits[0];
    let text = &index.documents()[index.document_of(hit.word)].text;
    let sentence = &text[sentence_of(&index, hit)];
    assert!(sentence.starts_with("لا يزال الوقت مبكرًا"), "{sentence}");
    assert!(sentence.ends_with("لم تكن روسيا تخطط له."), "{sentence}");
}

#[test]
fn match_modes_differ_as_they_should() {
    let index = index();
    let exact = run(&index, "الحكومة", MatchMode::Exact).total();
    let clitic = run(&index, "الحكومة", MatchMode::Clitic).total();
    let stem = run(&index, "الحكومة", MatchMode::Stem).total();
    // exact: الحكومة ×4; clitic adds للحكومة ×2 and حكومة; stem adds الحكومية, حكومات.
    assert_eq!(exact, 4);
    assert!(exact < clitic && clitic < stem, "{exact} {clitic} {stem}");
}

#[test]
fn no_invented_hits_from_short_words_and_words_of_the_lexicon() {
    let index = index();
    // الآن ×10 (grep). Without its article it would be ان, and أن, إن and ان are 60 words.
    let now = run(&index, "الآن", MatchMode::Clitic);
    assert_eq!(forms(&now), [("الآن", 10)]);
    // The other way round: أن does not take the article to become الآن.
    assert_eq!(forms(&run(&index, "أن", MatchMode::Clitic)), [("أن", 60)]);
    // الله never occurs; له ("to him") is not الله without its article.
    assert_eq!(run(&index, "الله", MatchMode::Clitic).total(), 0);
    assert_eq!(run(&index, "له", MatchMode::Clitic).total(), 5);
    // أمل ×2; كامل ("complete", ×1) is not ك + أمل, even though the corpus writes أمل.
    assert_eq!(forms(&run(&index, "أمل", MatchMode::Clitic)), [("أمل", 2)]);
    assert_eq!(
        forms(&run(&index, "كامل", MatchMode::Clitic)),
        [("كامل", 1)]
    );
    // وزير ×2 and ووزير ×1, never الوزير, so the corpus cannot tell that وزير is a word: the
    // lexicon does, and زير (a water jar) finds nothing.
    assert_eq!(
        forms(&run(&index, "وزير", MatchMode::Clitic)),
        [("وزير", 2), ("ووزير", 1)]
    );
    assert_eq!(run(&index, "زير", MatchMode::Clitic).total(), 0);
    // Pronoun suffixes still count: على ×62, عليه ×2, علينا ×1 (grep).
    assert_eq!(
        forms(&run(&index, "على", MatchMode::Clitic)),
        [("على", 62), ("عليه", 2), ("علينا", 1)]
    );
}
