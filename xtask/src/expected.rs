//! What the end-to-end tests should find on the page, computed natively from the manifest and
//! the engine so the browser's answers can be checked against them.

use std::{fs, path::Path};

use serde_json::{Value, json};
use siyaq_corpus::{Corpus, LineRole};
use siyaq_engine::entities::{EntityTable, find_mentions};
use siyaq_engine::gazetteer::Gazetteer;
use siyaq_engine::{MatchMode, Steps, parse, search};
use siyaq_state::world::{World, layered};

/// Queries whose answers the end-to-end tests compare with the page's (default profile).
const SEARCHES: [(&str, &str); 6] = [
    ("كازاخستان", "clitic"),
    ("روسيا", "clitic"),
    ("روسيا", "exact"),
    ("\"الأمن الجماعي\"", "clitic"),
    ("الامن", "clitic"),
    ("بوتين | موسكو", "clitic"),
];

/// An alias the end-to-end tests add to an entity, and a merge they make.
const ADDED_ALIAS: (&str, &str) = ("putin", "الرئيس الروسي");
const MERGE: (&str, &str) = ("astana", "kazakhstan");

/// Counts by document id of every entity of `list` and of the world gazetteer beneath it, as the
/// page counts them once the world is loaded.
fn counts(corpus: &Corpus, index: &siyaq_engine::Index, list: &Gazetteer, world: &World, demonyms: bool) -> serde_json::Map<String, Value> {
    let counted = layered(list, Some(world));
    let gazetteer = &counted.gazetteer;
    let mentions = find_mentions(index, &counted.alias_lists(demonyms));
    let table = EntityTable::new(index, &mentions, gazetteer.entities.len());
    gazetteer
        .entities
        .iter()
        .enumerate()
        .map(|(e, entity)| {
            let by_doc: serde_json::Map<String, Value> =
                corpus.documents().iter().enumerate().map(|(d, doc)| (doc.id.to_string(), json!(table.count(e, d)))).collect();
            (entity.id.clone(), json!({ "per_document": by_doc, "total": table.total_count(e) }))
        })
        .collect()
}

/// The bundled list with its counts, with demonyms counted, and after the tests' edits.
fn entities(corpus: &Corpus, index: &siyaq_engine::Index, world: &World) -> Value {
    let bundled = corpus.gazetteer();
    let mut with_alias = bundled.clone();
    with_alias.add_alias(ADDED_ALIAS.0, ADDED_ALIAS.1).expect("the alias is free");
    let mut merged = bundled.clone();
    merged.merge(MERGE.0, MERGE.1).expect("both exist");
    json!({
        "list": bundled.entities.iter().map(|e| json!({
            "id": e.id, "name_ar": e.name_ar, "name_en": e.name_en, "type": e.kind.name(),
            "aliases": e.aliases, "demonyms": e.demonyms,
        })).collect::<Vec<_>>(),
        "counts": counts(corpus, index, &bundled, world, false),
        "counts_with_demonyms": counts(corpus, index, &bundled, world, true),
        "added_alias": { "entity": ADDED_ALIAS.0, "alias": ADDED_ALIAS.1, "counts": counts(corpus, index, &with_alias, world, false) },
        "merge": { "from": MERGE.0, "into": MERGE.1, "counts": counts(corpus, index, &merged, world, false) },
        "world_ids": layered(&bundled, Some(world)).gazetteer.entities[bundled.entities.len()..].iter().map(|e| e.id.clone()).collect::<Vec<_>>(),
    })
}

pub fn write(corpus: &Corpus, world: &World, path: &Path) -> crate::Result {
    let documents = corpus.documents();
    let docs: Vec<Value> = documents
        .iter()
        .map(|doc| {
            json!({
                "id": doc.id,
                "heading": corpus.heading(doc).text(),
                "title": doc.title,
                "author": doc.author,
                "source": doc.source,
                "translator": doc.translator,
                "date": doc.date.as_ref().map(|d| &d.value),
                "date_inferred": doc.date.as_ref().map(|d| d.inferred),
                "date_evidence": doc.date.as_ref().and_then(|d| d.evidence.as_ref()),
                "words": corpus.word_count(doc),
                "file": corpus.file_of(doc).name,
                "first_line": doc.first_line(),
                "last_line": doc.last_line(),
                "lines": corpus.lines(doc).filter(|l| l.role != LineRole::Blank).map(|l| json!({
                    "number": l.number,
                    "text": l.text,
                    "counted": l.role.is_counted(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let total: usize = documents.iter().map(|d| corpus.word_count(d)).sum();
    let index = corpus.build_index(Steps::default());
    let searches: Vec<Value> = SEARCHES
        .iter()
        .map(|(query, mode)| {
            let mode = MatchMode::from_name(mode).expect("known mode");
            let result = search(&index, &parse(query, mode).expect("expected queries parse"));
            json!({
                "query": query,
                "mode": mode.name(),
                "total": result.total(),
                "per_document": documents.iter().zip(&result.per_document).map(|(d, n)| (d.id.to_string(), json!(n))).collect::<serde_json::Map<String, Value>>(),
                "forms": result.forms.iter().map(|f| json!({"form": f.form, "surface": f.surface, "count": f.count})).collect::<Vec<_>>(),
            })
        })
        .collect();
    let body = json!({
        "version": corpus.version(),
        "skipped": corpus.skipped().iter().map(|s| json!({ "what": s.what, "why": s.why })).collect::<Vec<_>>(),
        "documents": docs,
        "total_words": total,
        "searches": searches,
        "entities": entities(corpus, &index, world),
    });
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    fs::write(path, serde_json::to_string_pretty(&body).expect("json")).map_err(|e| format!("{}: {e}", path.display()))
}
