//! Entity mentions per article, counted by hand and pinned.
//!
//! Each test below is one document of `corpus/corpus.toml`. Its table lists every entity of
//! `corpus/entities.toml` that the document mentions, with the number of mentions counted by hand
//! by reading the document's lines (line numbers are those of the file) and grepping every
//! spelling with and without clitics. The rules are the engine's (`siyaq_engine::entities`):
//!
//! - only `aliases` count, never `demonyms` (الروسية، الكازاخستاني، الأمريكية، السوفيتية ... are
//!   adjectives, not the name);
//! - clitics و ف ب ك ل and the article are allowed on the first word of an alias only, so
//!   بيلاروسيا is never روسيا;
//! - where aliases overlap the longest wins: فلاديمير بوتين is one mention, شبه جزيرة القرم is
//!   Crimea and not الجزيرة, نور سلطان نزار باييف is the man and not the capital;
//! - a name restated at once in brackets counts once: منظمة معاهدة الأمن الجماعي (CSTO);
//! - repeated title lines (`duplicate_lines`) are never counted.
//!
//! Every other entity of the gazetteer must be absent from the document, so a new false match
//! (or a new entity that occurs in an article) fails here until it is counted by hand too.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use siyaq_engine::Steps;
use siyaq_engine::entities::{EntityAliases, counts_by_document, find_mentions};
use siyaq_ingest::sample;

/// What the engine finds: for each entity, its id, its count per document and the text of each
/// mention per document (to show in a failure).
struct Found {
    documents: Vec<String>,
    entities: Vec<(String, Vec<u32>, Vec<Vec<String>>)>,
}

fn found() -> &'static Found {
    static FOUND: OnceLock<Found> = OnceLock::new();
    FOUND.get_or_init(|| {
        // The list the app ships (compiled from corpus/entities.toml), aliases only.
        let list: Vec<EntityAliases> = sample().gazetteer().alias_lists(false);
        let index = sample().build_index(Steps::default());
        let mentions = find_mentions(&index, &list);
        let counts = counts_by_document(&index, &mentions, list.len());
        let documents: Vec<String> = index.documents().iter().map(|d| d.id.clone()).collect();
        let mut texts = vec![vec![Vec::new(); documents.len()]; list.len()];
        for m in &mentions {
            texts[m.entity][index.document_of(m.hit.word)]
                .push(index.original(m.hit.words()).to_string());
        }
        let entities = list
            .into_iter()
            .zip(counts)
            .zip(texts)
            .map(|((e, c), t)| (e.id, c, t))
            .collect();
        Found {
            documents,
            entities,
        }
    })
}

/// Checks `pins` (entity id, count by hand, how it was counted) against the engine for `document`,
/// and that no entity left out of `pins` is found there.
fn check(document: &str, pins: &[(&str, u32, &str)]) {
    let found = found();
    let d = found
        .documents
        .iter()
        .position(|id| id == document)
        .unwrap_or_else(|| panic!("no document {document}"));
    let ids: BTreeSet<&str> = pins.iter().map(|(id, _, _)| *id).collect();
    assert_eq!(
        ids.len(),
        pins.len(),
        "{document}: an entity is pinned twice"
    );
    assert!(
        pins.len() >= 10,
        "{document}: only {} entities pinned",
        pins.len()
    );
    let mut failures = Vec::new();
    for (id, expected, why) in pins {
        assert!(
            *expected > 0,
            "{document}: {id} is pinned at 0; pin only entities the article mentions"
        );
        let Some((_, counts, texts)) = found.entities.iter().find(|(e, _, _)| e == id) else {
            failures.push(format!("{id}: not in corpus/entities.toml"));
            continue;
        };
        if counts[d] != *expected {
            failures.push(format!(
                "{id}: counted by hand {expected} ({why}), the engine finds {}: {:?}",
                counts[d], texts[d]
            ));
        }
    }
    for (id, counts, texts) in &found.entities {
        if counts[d] > 0 && !ids.contains(id.as_str()) {
            failures.push(format!(
                "{id}: not pinned, the engine finds {}: {:?}",
                counts[d], texts[d]
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "entity counts in {document}:\n  {}",
        failures.join("\n  ")
    );
}

/// File 000, lines 1-12 (the Washington Post op-ed translated by Ugarit Post).
#[test]
fn wapo_putin_kazakhstan() {
    check(
        "wapo-putin-kazakhstan",
        &[
            (
                "putin",
                12,
                "11 بوتين (1, 2, 5 twice, 7 twice, 8 twice, 10) with ببوتين 4 and لبوتين 9, + 1 فلاديمير بوتين \
                 on line 1 counted once",
            ),
            (
                "kazakhstan",
                11,
                "lines 1, 2, 3 (three times), 4, 5, 6, 7, 8 (twice)",
            ),
            (
                "russia",
                3,
                "روسيا twice on line 3, وروسيا on 5; الروسي، الروسية، روسي are demonyms",
            ),
            (
                "ukraine",
                8,
                "1, بأوكرانيا 5, 6, 7 (أوكرانيا وأوزبكستان), لأوكرانيا twice and أوكرانيا on 8, 9; الأوكرانية is a \
                 demonym",
            ),
            ("moscow", 3, "line 5, line 10 twice"),
            ("biden", 3, "line 9, line 10 twice"),
            (
                "united-states",
                2,
                "الولايات المتحدة on lines 5 and 8; الأمريكية on the source line 11 is a demonym",
            ),
            (
                "csto",
                1,
                "line 3: منظمة معاهدة الأمن الجماعي (CSTO), the acronym restates the name in brackets",
            ),
            ("nazarbayev", 1, "ونزارباييف, line 5"),
            ("tokayev", 1, "قاسم جومارت توكاييف, line 8, one mention"),
            ("marat", 1, "line 4"),
            ("herbst", 1, "line 7"),
            ("sherman", 1, "line 10"),
            ("geneva", 1, "line 10"),
            ("uzbekistan", 1, "وأوزبكستان, line 7"),
            ("atlantic-council", 1, "للمجلس الأطلسي, line 7: ل + المجلس"),
            (
                "national-defense-university",
                1,
                "بجامعة الدفاع الوطني, line 4",
            ),
            (
                "washington-post",
                1,
                "source line 11; واشنطن inside it is not Washington the city",
            ),
            ("ugarit-post", 1, "translator line 12"),
        ],
    );
}

/// File 001, lines 1-30; line 2 repeats the title and is not counted.
#[test]
fn russian_troops_kazakhstan() {
    check(
        "russian-troops-kazakhstan",
        &[
            (
                "kazakhstan",
                14,
                "title line 1, 4 twice, 6, 12 (في كازاخستان، لكازاخستان), 14 (في كازاخستان، وكازاخستان), 18, 20, 22, \
                 24, 26, 28; not the repeated title line 2",
            ),
            (
                "putin",
                9,
                "فلاديمير بوتين on 4 (one mention), بوتين on 14 twice, 16, 18, 22, 24, 28, لبوتين on 26",
            ),
            ("ukraine", 7, "lines 4, 12, 14 twice, 18, 22, 24"),
            (
                "tokayev",
                5,
                "قاسم جومرت توكاييف on 4 (the other transliteration, one mention), توكاييف on 10, 14, 20, 28",
            ),
            (
                "nazarbayev",
                4,
                "line 8: نور سلطان نزار باييف (the longest alias, not the capital) and نزار باييف; باييف alone on 20 and 28",
            ),
            (
                "astana",
                1,
                "line 8: آستانا \"نور سلطان\", the capital restated at once in quotes, so one mention; the first \
                 نور سلطان of line 8 is the man",
            ),
            ("moscow", 3, "line 10, 12, وموسكو on 24"),
            (
                "russia",
                1,
                "وجر روسيا, line 12; بيلاروسيا on 4 and 14 is Belarus; روسية، الروسي، الروسية، روسي are demonyms",
            ),
            ("belarus", 2, "lines 4 and 14"),
            ("washington", 2, "لواشنطن on lines 22 and 24"),
            ("geneva", 2, "lines 16 and 18"),
            (
                "united-states",
                1,
                "مع أميركا, line 24; الأميركي 16, الأميركيين 18, الأميركية 22 are demonyms",
            ),
            (
                "nato",
                1,
                "حلف الشمال الأطلسي (الناتو), line 16: restated in brackets, one mention",
            ),
            ("csto", 1, "منظمة معاهدة الأمن الجماعي, line 10"),
            ("central-asia", 1, "line 4"),
            (
                "soviet-union",
                1,
                "الاتحاد السوفيتي on line 6; السوفياتية 26 and السوفيات 28 are demonyms",
            ),
            ("almaty", 1, "line 12"),
            ("india", 1, "للهند, line 18: ل + الهند"),
            ("chevron", 1, "line 22"),
            ("blinken", 1, "أنتوني بلينكن, line 22"),
            ("minsk", 1, "اتفاق مينسك, line 24"),
            ("opec", 1, "line 26"),
        ],
    );
}

/// File 001, lines 31-68; line 32 repeats the title and is not counted.
#[test]
fn ukraine_war_first_year() {
    check(
        "ukraine-war-first-year",
        &[
            (
                "russia",
                11,
                "title 31 (لروسيا), 34 (لروسيا), 38, 42 twice, 44 (بروسيا), 46, 60, 62, 68 twice; لروسيا on the \
                 repeated title 32 is not counted; الروسية، الروسي are demonyms",
            ),
            (
                "ukraine",
                11,
                "title 31 (لأوكرانيا), 34 twice, 40, 42, 44, 46 (لأوكرانيا), 60, 62, 66, 68; not the repeated title 32",
            ),
            (
                "putin",
                2,
                "فلاديمير بوتين on lines 34 and 60, one mention each",
            ),
            ("moscow", 3, "لموسكو on 34, 40, 68"),
            ("kyiv", 2, "كييف on 34, لكييف on 66"),
            (
                "nato",
                4,
                "حلف الناتو 40 (الناتو), عضوية الناتو and الناتو عن حدودها 42, حلف شمال الأطلسي 54",
            ),
            (
                "sweden",
                4,
                "والسويد 42, على السويد and للسويد 50, في السويد 54; السويدية on 50, 52, 54 is a demonym",
            ),
            (
                "europe",
                3,
                "أوروبا on 52 and 60, لأوروبا on 64; الأوروبية، الأوروبيين are demonyms",
            ),
            (
                "united-states",
                2,
                "والولايات المتحدة 36, الولايات المتحدة 66; الأميركية، الأميركي are demonyms",
            ),
            ("finland", 1, "line 42"),
            (
                "munich-security-conference",
                1,
                "مؤتمر ميونيخ للأمن, line 58; ميونيخ inside it is not counted apart",
            ),
            ("scholz", 1, "أولاف شولتز, line 60"),
            ("macron", 1, "إيمانويل ماكرون, line 60"),
            ("biden", 1, "الرئيس بايدن, line 66"),
        ],
    );
}

/// File 002, lines 1-14 (Amy Mackinnon in Foreign Policy, via Al Jazeera).
#[test]
fn csto_three_things() {
    check(
        "csto-three-things",
        &[
            (
                "kazakhstan",
                10,
                "2, 4 twice, لكازاخستان on heading 6, 7 twice, لكازاخستان 8, 12, 13 twice; الكازاخيين 4 and \
                 الكازاخستاني 8 are demonyms",
            ),
            (
                "russia",
                5,
                "2, 4, 7 (روسيا والغرب، وروسيا), 13 (ضم روسيا); بيلاروسيا on 5 is Belarus; روسي on 13 a demonym",
            ),
            (
                "csto",
                3,
                "منظمة معاهدة الأمن الجماعي (CSTO) on 4 (restated in brackets, once), the full name again on 5 and 12",
            ),
            (
                "mackinnon",
                3,
                "إيمي ماكينون on the byline 1, ماكينون on 2 and 8",
            ),
            ("syria", 3, "وسوريا on heading 9 and on 10, سوريا on 12"),
            ("moscow", 2, "lines 7 and 10"),
            ("china", 2, "والصين and الصين, line 7"),
            ("georgia", 2, "بجورجيا on heading 9, جورجيا on 10"),
            ("moldova", 2, "ومولدوفا on 9 and 10"),
            (
                "murtazashvili",
                2,
                "جينيفر بريك مورتازاشفيلي on 7 (one mention), the misspelling مورتزاشفيلي on 8",
            ),
            (
                "crimea",
                2,
                "شبه جزيرة القرم 12, لشبه جزيرة القرم 13; جزيرة there is not Al Jazeera",
            ),
            ("tokayev", 1, "قاسم جومارت توكاييف, line 4"),
            ("belarus", 1, "line 5"),
            ("armenia", 1, "line 5"),
            ("azerbaijan", 1, "line 5"),
            (
                "united-states",
                1,
                "والولايات المتحدة, line 7; الأمريكي on 11 and 13 is a demonym",
            ),
            ("european-union", 1, "والاتحاد الأوروبي, line 7"),
            ("university-of-pittsburgh", 1, "line 7"),
            ("blinken", 1, "أنتوني بلينكن, line 11"),
            ("serdyukov", 1, "أندريه سيرديوكوف, line 12"),
            ("courtney", 1, "وليام كورتني, line 13"),
            ("ukraine", 1, "بغزو أوكرانيا, line 13"),
            ("asharq-alyoum", 1, "the dateline opening line 2"),
            (
                "al-jazeera",
                1,
                "translator line 14 only; the two شبه جزيرة القرم are Crimea",
            ),
        ],
    );
}

/// File 003, lines 1-11 (Iyad Mustafa).
#[test]
fn russia_kazakhstan_risks() {
    check(
        "russia-kazakhstan-risks",
        &[
            (
                "kazakhstan",
                10,
                "لكازاخستان 2, 3, 4, لكازاخستان 5, وكازاخستان 6, 7, 8, 9 twice (لدى كازاخستان، شعب كازاخستان), 10; \
                 الكازاخي 9 and كازاخية 11 are demonyms",
            ),
            (
                "russia",
                5,
                "2, 3, 4 (روسيا والغرب), لروسيا 5, 6; الروسية، الروسي، الروس are demonyms",
            ),
            ("moscow", 2, "lines 3 and 4"),
            ("ukraine", 1, "line 2"),
            ("baikonur", 1, "the misspelling بايكمور, line 3"),
            ("astana", 1, "العاصمة نور سلطان, line 5"),
            ("central-asia", 1, "line 6"),
            ("foreign-policy", 1, "“فورين بوليسي”, line 8"),
            ("tokayev", 1, "توكاييف, line 9"),
            ("csto", 1, "منظمة معاهدة الأمن الجماعي, line 9"),
            (
                "courtney",
                1,
                "ويليام كورتني, line 9 (the other transliteration)",
            ),
            ("twitter", 1, "line 9"),
            ("mustafa", 1, "byline 1"),
        ],
    );
}

/// File 004, lines 1-18.
#[test]
fn peacekeepers_should_stay() {
    check(
        "peacekeepers-should-stay",
        &[
            (
                "kazakhstan",
                20,
                "1 twice, 3, 4, 6, 7, 8, 9, 11, 12 twice, 13 three times, 14 twice, 16, 17 twice, 18; \
                 الكازاخستاني، الكازاخستانيين، الكازاخستانية، الكازاخستانيون، الكازاخيين are demonyms",
            ),
            (
                "russia",
                6,
                "لروسيا 8, 9, 13, 17 twice (رهاب روسيا، وستحصل روسيا), 18; بيلاروسيا on 8 is Belarus; روسية، روسي, \
                 الروس are demonyms",
            ),
            (
                "csto",
                5,
                "لمنظمة معاهدة الأمن الجماعي 1, the full name on 4, 8 and 14, معاهدة الأمن الجماعي alone on 5",
            ),
            (
                "ukraine",
                5,
                "أوكرانيا on 7, 8, 13, \"أوكرانيا\" on 17, and Nezalezhnaya on 7",
            ),
            ("tokayev", 4, "توكاييف on 1, 14 twice, 16"),
            ("moscow", 3, "1, 14, لموسكو 17"),
            (
                "astana",
                2,
                "نور سلطان for the government on 1 and 17 (no person's name follows)",
            ),
            ("nazarbayev", 2, "نزارباييف and Elbasy, line 14"),
            ("kremlin", 2, "الكرملين 8, للكرملين 16"),
            ("donbas", 2, "line 7 and \"سيناريو دونباس\" on 16"),
            ("baikonur", 2, "lines 14 and 17"),
            ("kyrgyzstan", 1, "line 1"),
            (
                "united-states",
                1,
                "الولايات المتحدة, line 3; الأمريكية، الأمريكي on 3, 7, 9, 17 are demonyms",
            ),
            ("psaki", 1, "جين بساكي, line 3"),
            ("washington", 1, "line 5"),
            ("white-house", 1, "للبيت الأبيض, line 5: ل + البيت"),
            ("almaty", 1, "the Soviet-era name ألما آتا, line 6"),
            ("yanukovych", 1, "line 7"),
            ("kyiv", 1, "line 7"),
            ("europe", 1, "إلى أوروبا, line 7"),
            ("belarus", 1, "line 8"),
            ("minsk", 1, "لمينسك, line 8"),
        ],
    );
}
