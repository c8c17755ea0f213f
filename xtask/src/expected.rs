//! What the end-to-end tests should find on the page, computed natively from the manifest and
//! the engine so the browser's answers can be checked against them.

use std::{fs, path::Path};

use serde_json::{Value, json};
use siyaq_corpus::{LineRole, documents};
use siyaq_engine::{MatchMode, Steps, parse, search};

/// Queries whose answers the end-to-end tests compare with the page's (default profile).
const SEARCHES: [(&str, &str); 6] = [
    ("كازاخستان", "clitic"),
    ("روسيا", "clitic"),
    ("روسيا", "exact"),
    ("\"الأمن الجماعي\"", "clitic"),
    ("الامن", "clitic"),
    ("بوتين | موسكو", "clitic"),
];

pub fn write(path: &Path) -> crate::Result {
    let docs: Vec<Value> = documents()
        .iter()
        .map(|doc| {
            json!({
                "id": doc.id,
                "heading": doc.heading().text(),
                "title": doc.title,
                "author": doc.author,
                "source": doc.source,
                "translator": doc.translator,
                "date": doc.date.value,
                "date_inferred": doc.date.inferred,
                "words": doc.word_count(),
                "file": doc.file().name,
                "first_line": doc.first_line,
                "last_line": doc.last_line,
                "lines": doc.lines().filter(|l| l.role != LineRole::Blank).map(|l| json!({
                    "number": l.number,
                    "text": l.text,
                    "counted": l.role.is_counted(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let total: usize = documents().iter().map(|d| d.word_count()).sum();
    let index = siyaq_corpus::build_index(Steps::default());
    let searches: Vec<Value> = SEARCHES
        .iter()
        .map(|(query, mode)| {
            let mode = MatchMode::from_name(mode).expect("known mode");
            let result = search(&index, &parse(query, mode).expect("expected queries parse"));
            json!({
                "query": query,
                "mode": mode.name(),
                "total": result.total(),
                "per_document": documents().iter().zip(&result.per_document).map(|(d, n)| (d.id.to_string(), json!(n))).collect::<serde_json::Map<String, Value>>(),
                "forms": result.forms.iter().map(|f| json!({"form": f.form, "surface": f.surface, "count": f.count})).collect::<Vec<_>>(),
            })
        })
        .collect();
    let body = json!({ "documents": docs, "total_words": total, "searches": searches });
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    fs::write(path, serde_json::to_string_pretty(&body).expect("json")).map_err(|e| format!("{}: {e}", path.display()))
}
