//! The import worker's wasm: builds a collection from the user's own article files in a Web
//! Worker, so that reading, decoding and checking many megabytes never stalls the page.
//!
//! The logic is plain Rust, tested natively: [`collection`] builds the pack and the report of what
//! became of each file, [`duplicates`] and [`minhash`] tell articles seen before, [`merge`] adds
//! the new articles to an existing collection, [`edit`] makes the user's corrections.
//! [`build_collection`], [`edit_collection`] and [`check_collection`] are what the worker script
//! (`web/import-worker.js`) calls.

pub mod collection;
pub mod duplicates;
pub mod edit;
pub mod merge;
pub mod minhash;

use js_sys::{Array, Function, JsString, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;

pub use collection::{Entry, Outcome, Progress, Request, Status, import};

/// Builds a collection for the worker script.
///
/// `contents[i]` is the `i`th path's content: a `Uint8Array` of the file's bytes, a string (pasted
/// text, read as UTF-8), or an `Error` whose message says why the file was not read (it is then
/// reported as skipped with that reason). `existing` is an inflated pack to add to;
/// `fallback_entities` an inflated pack whose entity list a new collection starts with.
/// `progress(filesDone, filesTotal, bytesDone, bytesTotal)` is called as files are taken up.
///
/// Returns `{ pack, version, name, articles, added, report }`: `pack` is a `Uint8Array` of the
/// pack, not compressed, or `null` (with `version` null) when no new article could be used;
/// `report` an array of `{ file, status, reason?, encoding?, title?, date?, articles?,
/// duplicateOf? }`. Throws (a string) only when `existing` or `fallback_entities` is not a pack.
#[wasm_bindgen]
pub fn build_collection(
    name: String,
    paths: Vec<String>,
    contents: Array,
    existing: Option<Vec<u8>>,
    fallback_entities: Option<Vec<u8>>,
    keep_duplicates: bool,
    progress: &Function,
) -> Result<JsValue, JsValue> {
    let files = paths
        .into_iter()
        .enumerate()
        .map(|(i, path)| (path, content(contents.get(i as u32))))
        .collect();
    let request = Request {
        name,
        files,
        existing,
        fallback_entities,
        keep_duplicates,
    };
    let mut report_progress = |p: Progress| {
        let args = Array::of4(
            &p.files.into(),
            &p.files_total.into(),
            &(p.bytes as f64).into(),
            &(p.bytes_total as f64).into(),
        );
        // A failing progress callback must not stop the import: it only informs.
        let _ = progress.apply(&JsValue::NULL, &args);
    };
    let outcome = import(request, &mut report_progress).map_err(|e| JsValue::from_str(&e))?;
    to_js(outcome)
}

/// A file's bytes, or why they are missing, from what the worker script passed.
fn content(value: JsValue) -> Result<Vec<u8>, String> {
    if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
        return Ok(bytes.to_vec());
    }
    if let Some(text) = value.as_string() {
        return Ok(text.into_bytes());
    }
    if let Some(error) = value.dyn_ref::<js_sys::Error>() {
        return Err(String::from(error.message()));
    }
    Err("the page passed no content for it".into())
}

fn to_js(outcome: Outcome) -> Result<JsValue, JsValue> {
    let report =
        serde_json::to_string(&outcome.report).map_err(|e| JsValue::from_str(&e.to_string()))?;
    let result = Object::new();
    let (pack, version) = match &outcome.pack {
        Some(pack) => (
            Uint8Array::from(&pack.to_bytes()[..]).into(),
            JsValue::from_str(&pack.version),
        ),
        None => (JsValue::NULL, JsValue::NULL),
    };
    set(&result, "pack", &pack)?;
    set(&result, "version", &version)?;
    set(&result, "name", &JsString::from(outcome.name.as_str()))?;
    set(&result, "articles", &outcome.articles.into())?;
    set(&result, "added", &outcome.added.into())?;
    set(&result, "report", &js_sys::JSON::parse(&report)?)?;
    Ok(result.into())
}

fn set(object: &Object, key: &str, value: &JsValue) -> Result<(), JsValue> {
    Reflect::set(object, &JsValue::from_str(key), value).map(|_| ())
}

/// Makes the user's corrections (`edits`, JSON: `{ remove: [id], change: [{ id, title?, date?,
/// source? }] }`) to the collection `existing` (an inflated pack). Returns `{ pack, version, name,
/// articles }`; throws (a string) saying why when the edits cannot be made.
#[wasm_bindgen]
pub fn edit_collection(existing: Vec<u8>, edits: String) -> Result<JsValue, JsValue> {
    let pack = siyaq_corpus::Pack::from_bytes(existing).map_err(|e| JsValue::from_str(&format!("the collection cannot be read: {e}")))?;
    let edits: edit::Edits = serde_json::from_str(&edits).map_err(|e| JsValue::from_str(&format!("the changes cannot be read: {e}")))?;
    let pack = edit::edit(pack, &edits).map_err(|e| JsValue::from_str(&e))?;
    let result = Object::new();
    set(&result, "pack", &Uint8Array::from(&pack.to_bytes()[..]))?;
    set(&result, "version", &JsString::from(pack.version.as_str()))?;
    set(&result, "name", &JsString::from(pack.name.as_str()))?;
    set(&result, "articles", &pack.documents.len().into())?;
    Ok(result.into())
}

/// The index of a collection (its inflated pack) with the default normalization, in the form
/// the page keeps and reads back (`Index::write_stored`): built here, the page need not build it
/// on its own thread when the collection opens. Throws (a string) when the pack cannot be read.
#[wasm_bindgen]
pub fn index_collection(pack: Vec<u8>) -> Result<Uint8Array, JsValue> {
    let corpus = siyaq_corpus::Corpus::from_bytes(pack).map_err(|e| JsValue::from_str(&describe(&e)))?;
    let stored = stored_index(&corpus);
    Ok(Uint8Array::from(&stored[..]))
}

/// The corpus's index with the default steps, as `Index::write_stored` writes it.
pub fn stored_index(corpus: &siyaq_corpus::Corpus) -> Vec<u8> {
    let index = corpus.build_index(siyaq_engine::Steps::default());
    let mut stored = Vec::new();
    index.write_stored(&mut |piece| stored.extend_from_slice(piece));
    stored
}

/// Checks a collection file's pack (inflated) as the page will read it. Returns `{ name, articles,
/// version }`; throws (a string) saying what is wrong: another format, damage, no article.
#[wasm_bindgen]
pub fn check_collection(bytes: Vec<u8>) -> Result<JsValue, JsValue> {
    let corpus = siyaq_corpus::Corpus::from_bytes(bytes).map_err(|e| JsValue::from_str(&describe(&e)))?;
    let result = Object::new();
    set(&result, "name", &JsString::from(corpus.name()))?;
    set(&result, "articles", &corpus.documents().len().into())?;
    set(&result, "version", &JsString::from(corpus.version()))?;
    Ok(result.into())
}

/// A pack's problem as the user is told it.
fn describe(error: &siyaq_corpus::PackError) -> String {
    match error {
        siyaq_corpus::PackError::UnknownFormat(format) if *format > siyaq_corpus::FORMAT => {
            format!("made by a newer siyaq (format {format}; this one reads format {})", siyaq_corpus::FORMAT)
        }
        siyaq_corpus::PackError::UnknownFormat(format) => {
            format!("made by an older siyaq (format {format}; this one reads format {})", siyaq_corpus::FORMAT)
        }
        other => other.to_string(),
    }
}
