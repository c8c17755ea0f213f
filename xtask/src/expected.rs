//! What the end-to-end tests should find on the page, computed natively from the manifest and
//! the engine so the browser's answers can be checked against them.

use std::{fs, path::Path};

use serde_json::{Value, json};
use siyaq_corpus::{LineRole, documents};

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
    let body = json!({ "documents": docs, "total_words": total });
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    fs::write(path, serde_json::to_string_pretty(&body).expect("json")).map_err(|e| format!("{}: {e}", path.display()))
}
