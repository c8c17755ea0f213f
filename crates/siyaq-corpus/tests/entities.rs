//! The gazetteer `corpus/entities.toml` is well formed and every spelling in it occurs in the
//! bundled corpus.

use std::collections::BTreeSet;

use serde::Deserialize;
use siyaq_corpus::build_index;
use siyaq_engine::{MatchMode, Steps, parse, search};

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
        assert!(e.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'), "{}", e.id);
        assert!(matches!(e.kind.as_str(), "person" | "place" | "organisation" | "other"), "{}: {}", e.id, e.kind);
        assert!(!e.name_ar.is_empty() && !e.name_en.is_empty() && !e.aliases.is_empty(), "{}", e.id);
        assert!(e.note.as_deref().is_none_or(|n| !n.is_empty()), "{}", e.id);
    }
    for kind in ["person", "place", "organisation"] {
        assert!(g.entity.iter().filter(|e| e.kind == kind).count() >= 10, "{kind}");
    }
}

#[test]
fn every_alias_and_demonym_occurs_in_the_corpus() {
    let index = build_index(Steps::default());
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
