//! The gazetteer `corpus/entities.toml` is well formed and every spelling in it occurs in the
//! bundled corpus.

use std::collections::BTreeSet;

use serde::Deserialize;
use siyaq_engine::{MatchMode, Steps, parse, search};
use siyaq_ingest::sample;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Gazetteer {
    format: u32,
    entity: Vec<Entity>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entity {
    id: String,
    name_ar: String,
    name_en: String,
    #[serde(rename = "type")]
    kind: String,
    aliases: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    note: Option<String>,
}

fn gazetteer() -> Gazetteer {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/entities.toml");
    toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn entities_are_well_formed() {
    let g = gazetteer();
    assert_eq!(g.format, 1);
    let ids: BTreeSet<&str> = g.entity.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), g.entity.len(), "duplicate ids");
    for e in &g.entity {
        assert!(
            e.id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{}",
            e.id
        );
        assert!(
            matches!(
                e.kind.as_str(),
                "person" | "place" | "organisation" | "other"
            ),
            "{}: {}",
            e.id,
            e.kind
        );
        assert!(
            !e.name_ar.is_empty() && !e.name_en.is_empty() && !e.aliases.is_empty(),
            "{}",
            e.id
        );
        assert!(e.note.as_deref().is_none_or(|n| !n.is_empty()), "{}", e.id);
    }
    for kind in ["person", "place", "organisation"] {
        assert!(
            g.entity.iter().filter(|e| e.kind == kind).count() >= 10,
            "{kind}"
        );
    }
}

#[test]
fn every_alias_and_demonym_occurs_in_the_corpus() {
    let index = sample().build_index(Steps::default());
    let mut missing = Vec::new();
    for e in gazetteer().entity {
        for spelling in e.aliases.iter().chain(&e.demonyms) {
            let query = parse(&format!("\"{spelling}\""), MatchMode::Clitic).unwrap();
            if search(&index, &query).total() == 0 {
                missing.push(format!("{}: {spelling}", e.id));
            }
        }
    }
    assert!(missing.is_empty(), "not in the corpus: {missing:?}");
}

fn counts() -> Vec<(String, Vec<u32>)> {
    let index = sample().build_index(Steps::default());
    let list: Vec<siyaq_engine::entities::EntityAliases> = gazetteer()
        .entity
        .into_iter()
        .map(|e| siyaq_engine::entities::EntityAliases {
            id: e.id,
            aliases: e.aliases,
            ..Default::default()
        })
        .collect();
    let mentions = siyaq_engine::entities::find_mentions(&index, &list);
    let counts = siyaq_engine::entities::counts_by_document(&index, &mentions, list.len());
    list.into_iter().map(|e| e.id).zip(counts).collect()
}

/// Counts per article (documents in manifest order: wapo-putin-kazakhstan, russian-troops-kazakhstan,
/// ukraine-war-first-year, csto-three-things, russia-kazakhstan-risks, peacekeepers-should-stay),
/// each checked with grep over corpus/.
#[test]
fn pinned_counts_checked_by_hand() {
    let counts = counts();
    let of = |id: &str| {
        counts
            .iter()
            .find(|(e, _)| e == id)
            .map(|(_, c)| c.clone())
            .unwrap()
    };
    // فلاديمير بوتين is one mention, not two: 12 in the first article = 11 بوتين + 1 full name.
    assert_eq!(of("putin"), [12, 9, 2, 0, 0, 0]);
    // Both transliterations, جومارت (articles 1 and 4) and جومرت (article 2).
    assert_eq!(of("tokayev"), [1, 5, 0, 1, 1, 4]);
    // 71 occurrences less 5 inside adjectives and 1 on a repeated title.
    assert_eq!(of("kazakhstan"), [11, 14, 0, 10, 10, 20]);
    // Never inside بيلاروسيا; لروسيا on the repeated title line of article 3 is not counted.
    assert_eq!(of("russia"), [3, 1, 11, 5, 5, 6]);
    // Article 3: 12 less 1 on its repeated title; article 6: 4 plus Nezalezhnaya.
    assert_eq!(of("ukraine"), [8, 7, 11, 1, 1, 5]);
    // File 001 has 6: 3 in each of its two articles.
    assert_eq!(of("moscow"), [3, 3, 3, 2, 2, 3]);
    assert_eq!(of("biden"), [3, 0, 1, 0, 0, 0]);
    // The full name, CSTO right after it counted with it; article 6 also has لمنظمة... and
    // معاهدة الأمن الجماعي alone.
    assert_eq!(of("csto"), [1, 1, 0, 3, 1, 5]);
    // Article 2: حلف الشمال الأطلسي (الناتو) is one mention; article 3: حلف الناتو, عضوية الناتو,
    // الناتو عن حدودها, حلف شمال الأطلسي.
    assert_eq!(of("nato"), [0, 1, 4, 0, 0, 0]);
    // والسويد، على السويد، للسويد، في السويد; السويدية is a demonym, not counted.
    assert_eq!(of("sweden"), [0, 0, 4, 0, 0, 0]);
    // ميونيخ only occurs inside مؤتمر ميونيخ للأمن, which is longer and wins.
    assert_eq!(of("munich"), [0, 0, 0, 0, 0, 0]);
    assert_eq!(of("munich-security-conference"), [0, 0, 1, 0, 0, 0]);
}

#[test]
fn the_bundled_list_is_the_file_and_passes_the_editors_checks() {
    let bundled = sample().gazetteer();
    bundled.validate().unwrap();
    let file = gazetteer();
    assert_eq!(bundled.entities.len(), file.entity.len());
    for (b, f) in bundled.entities.iter().zip(&file.entity) {
        assert_eq!(
            (&b.id, &b.name_ar, &b.name_en, b.kind.name()),
            (&f.id, &f.name_ar, &f.name_en, f.kind.as_str())
        );
        assert_eq!((&b.aliases, &b.demonyms), (&f.aliases, &f.demonyms));
    }
}

/// The mention finder against the algorithm it replaced (one full search per alias), on the whole
/// corpus: the bundled list with and without demonyms, and a list of names made of the corpus's
/// words, one, two or three of them in a row, most of which never occur.
#[test]
fn mentions_are_those_one_search_per_alias_finds() {
    use siyaq_engine::entities::{EntityAliases, find_mentions, find_mentions_by_search};
    let index = sample().build_index(Steps::default());
    let bundled = sample().gazetteer();
    for demonyms in [false, true] {
        let list = bundled.alias_lists(demonyms);
        let mentions = find_mentions(&index, &list);
        assert!(mentions.len() > 250, "{}", mentions.len());
        assert_eq!(
            mentions,
            find_mentions_by_search(&index, &list),
            "demonyms: {demonyms}"
        );
    }
    // Form ids follow first occurrence, so forms with consecutive ids were often neighbours in
    // the text: some of these names occur, most do not.
    let forms: Vec<&str> = (0..index.vocabulary().len() as u32)
        .map(|id| index.vocabulary().form(id))
        .collect();
    let list: Vec<EntityAliases> = (0..600)
        .map(|i| {
            let first = i * 7919 % (forms.len() - 2);
            let alias = forms[first..first + 1 + i % 3].join(" ");
            EntityAliases {
                id: format!("e{i}"),
                aliases: vec![
                    alias,
                    format!("ال{}", forms[(first * 31 + 7) % forms.len()]),
                ],
                ..Default::default()
            }
        })
        .collect();
    assert_eq!(
        find_mentions(&index, &list),
        find_mentions_by_search(&index, &list)
    );
}
