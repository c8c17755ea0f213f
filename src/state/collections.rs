//! The user's collections of articles, kept in this browser. The storage (IndexedDB) and the
//! import worker are driven by `collections.js`, which `boot.js` loads on first use; this module
//! calls it and turns its answers into Rust values. Nothing here is sent anywhere.

use js_sys::{Function, Promise, Reflect};
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use wasm_bindgen_futures::JsFuture;

/// Where `boot.js` leaves the loader of `collections.js`.
const LOADER: &str = "siyaqCollections";

/// One kept collection, as the list shows it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Collection {
    pub id: String,
    pub name: String,
    pub articles: usize,
    /// Its pack's bytes as kept.
    pub bytes: u64,
}

/// One file of an import, and what became of it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportEntry {
    pub file: String,
    pub status: FileStatus,
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default)]
    pub encoding: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub articles: Option<usize>,
    #[serde(default)]
    pub duplicate_of: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FileStatus {
    Imported,
    Skipped,
    Duplicate,
}

impl FileStatus {
    pub fn name(self) -> &'static str {
        match self {
            FileStatus::Imported => "imported",
            FileStatus::Skipped => "skipped",
            FileStatus::Duplicate => "duplicate",
        }
    }
}

/// How far an import has gone.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Progress {
    pub stage: Stage,
    pub files: u32,
    pub files_total: u32,
    pub bytes: f64,
    pub bytes_total: f64,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Stage {
    #[default]
    Reading,
    Building,
    Keeping,
}

/// A finished import: the collection it went into (`None` when no file gave an article, and
/// nothing was kept), and the report.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub collection: Option<String>,
    pub name: String,
    pub articles: usize,
    pub report: Vec<ReportEntry>,
}

/// Why the store could not do what was asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreProblem {
    /// The browser keeps nothing for this page (private browsing, site data blocked).
    Unavailable(String),
    /// The browser's storage is full: nothing was written.
    Full,
    /// The user cancelled.
    Cancelled,
    /// The import worker failed; what it said.
    ImportFailed(String),
    /// A correction of the collection was refused; why.
    EditRefused(String),
    /// The file is not a collection file.
    NotACollection(String),
    /// The collection is not in this browser.
    Missing(String),
    /// The page is the single file opened from disk, where the browser lets nothing be kept.
    SingleFile,
}

impl StoreProblem {
    fn from_js(error: &JsValue) -> StoreProblem {
        let (name, message) = match error.dyn_ref::<js_sys::Error>() {
            Some(e) => (String::from(e.name()), String::from(e.message())),
            None => (String::new(), error.as_string().unwrap_or_default()),
        };
        match name.as_str() {
            "SiyaqStorageFull" | "QuotaExceededError" => StoreProblem::Full,
            "AbortError" => StoreProblem::Cancelled,
            "SiyaqImportFailed" => StoreProblem::ImportFailed(message),
            "SiyaqNotACollection" => StoreProblem::NotACollection(message),
            "SiyaqEditRefused" => StoreProblem::EditRefused(message),
            "SiyaqCollectionMissing" => StoreProblem::Missing(message),
            _ => StoreProblem::Unavailable(if message.is_empty() { name } else { message }),
        }
    }
}

/// The `collections.js` module.
async fn module() -> Result<JsValue, StoreProblem> {
    if web_sys::window().and_then(|w| w.location().protocol().ok()).is_some_and(|p| p == "file:") {
        return Err(StoreProblem::SingleFile);
    }
    let unavailable = || StoreProblem::Unavailable("collections.js is not loaded by this page".into());
    let loader = Reflect::get(&js_sys::global(), &JsValue::from_str(LOADER))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(unavailable)?;
    let promise = loader.call0(&JsValue::UNDEFINED).map_err(|e| StoreProblem::from_js(&e))?;
    JsFuture::from(Promise::from(promise)).await.map_err(|e| StoreProblem::from_js(&e))
}

/// Calls `collections.js`'s `name` with `args` and waits for its answer.
async fn call(name: &str, args: &[JsValue]) -> Result<JsValue, StoreProblem> {
    let module = module().await?;
    let function = Reflect::get(&module, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| StoreProblem::Unavailable(format!("collections.js has no {name}")))?;
    let array: js_sys::Array = args.iter().collect();
    let answer = function.apply(&JsValue::UNDEFINED, &array).map_err(|e| StoreProblem::from_js(&e))?;
    JsFuture::from(Promise::resolve(&answer)).await.map_err(|e| StoreProblem::from_js(&e))
}

fn from_js<T: for<'de> Deserialize<'de>>(value: &JsValue) -> Result<T, StoreProblem> {
    let json = js_sys::JSON::stringify(value).ok().and_then(|s| s.as_string()).unwrap_or_default();
    serde_json::from_str(&json).map_err(|e| StoreProblem::Unavailable(format!("collections.js answered {e}")))
}

fn field(value: &JsValue, name: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// Readies the import worker ahead of an import (its wasm compiled, the sample's entity list
/// fetched), so that an import starts at once.
pub async fn warm() {
    let _ = call("warm", &[]).await;
}

/// Waits until the index the last import's worker builds is kept (or could not be, or a few
/// seconds have gone by): opening the collection then reads it instead of building it.
pub async fn index_kept() {
    let _ = call("indexKept", &[]).await;
}

/// Every collection kept in this browser, oldest first.
pub async fn list() -> Result<Vec<Collection>, StoreProblem> {
    from_js(&call("list", &[]).await?)
}

pub async fn rename(id: &str, name: &str) -> Result<(), StoreProblem> {
    call("rename", &[id.into(), name.into()]).await.map(drop)
}

pub async fn remove(id: &str) -> Result<(), StoreProblem> {
    call("remove", &[id.into()]).await.map(drop)
}

/// Bytes this site keeps in the browser, of how many it may, and whether the browser promised
/// to keep them when space runs low.
#[derive(Clone, Copy, Debug, Default, PartialEq, Deserialize)]
pub struct Space {
    pub usage: f64,
    pub quota: f64,
    pub persisted: bool,
}

pub async fn space() -> Result<Space, StoreProblem> {
    from_js(&call("space", &[]).await?)
}

/// The files of a file input (a folder picker's with their paths), as `import` takes them.
pub async fn picked(files: &web_sys::FileList) -> Result<JsValue, StoreProblem> {
    call("pickedFiles", &[files.into()]).await
}

/// What a drop carries, taken while its event runs (a drop's items cannot be read after it):
/// its entries (files and folders) and its files.
pub fn take_drop(transfer: &web_sys::DataTransfer) -> JsValue {
    let items = field(transfer, "items");
    let length = field(&items, "length").as_f64().unwrap_or(0.0) as u32;
    let entries = js_sys::Array::new();
    for i in 0..length {
        let item = Reflect::get_u32(&items, i).unwrap_or(JsValue::UNDEFINED);
        let entry = Reflect::get(&item, &"webkitGetAsEntry".into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .and_then(|f| f.call0(&item).ok());
        if let Some(entry) = entry.filter(|e| !e.is_null() && !e.is_undefined()) {
            entries.push(&entry);
        }
    }
    let files: js_sys::Array = transfer.files().map(|list| (0..list.length()).filter_map(|i| list.get(i)).map(JsValue::from).collect()).unwrap_or_default();
    let taken = js_sys::Object::new();
    let _ = Reflect::set(&taken, &"entries".into(), &entries);
    let _ = Reflect::set(&taken, &"files".into(), &files);
    taken.into()
}

/// The files of a drop taken by [`take_drop`], folders walked.
pub async fn dropped(taken: JsValue) -> Result<JsValue, StoreProblem> {
    call("droppedFiles", &[taken]).await
}

/// Pasted text as a file to import.
pub fn pasted(text: &str, number: usize) -> JsValue {
    let file = js_sys::Object::new();
    let _ = Reflect::set(&file, &"path".into(), &format!("pasted-{number}.txt").into());
    let _ = Reflect::set(&file, &"data".into(), &text.into());
    js_sys::Array::of1(&file).into()
}

/// Imports `files` (from [`picked`], [`dropped`] or [`pasted`]) into the collection `into`, or a
/// new one named `name`, reporting progress; `cancel` stops it, and then nothing is kept.
pub async fn import(
    into: Option<&str>,
    name: &str,
    files: JsValue,
    keep_duplicates: bool,
    on_progress: impl Fn(Progress) + 'static,
    cancel: &web_sys::AbortSignal,
) -> Result<Imported, StoreProblem> {
    let progress = Closure::<dyn Fn(JsValue)>::new(move |message: JsValue| {
        let number = |name| field(&message, name).as_f64().unwrap_or(0.0);
        let stage = match field(&message, "stage").as_string().as_deref() {
            Some("building") => Stage::Building,
            Some("keeping") => Stage::Keeping,
            _ => Stage::Reading,
        };
        on_progress(Progress {
            stage,
            files: number("files") as u32,
            files_total: number("filesTotal") as u32,
            bytes: number("bytes"),
            bytes_total: number("bytesTotal"),
        });
    });
    let options = js_sys::Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = Reflect::set(&options, &key.into(), &value);
    };
    set("id", into.map_or(JsValue::NULL, JsValue::from));
    set("name", name.into());
    set("files", files);
    set("keepDuplicates", keep_duplicates.into());
    set("onProgress", progress.as_ref().clone());
    // The worker builds the new collection's index after its answer; kept when it comes.
    let on_indexed = Closure::once_into_js(move |version: String, index: js_sys::Uint8Array| {
        wasm_bindgen_futures::future_to_promise(async move {
            crate::index_cache::keep_built(&version, index).await;
            Ok(JsValue::UNDEFINED)
        })
    });
    set("onIndexed", on_indexed);
    set("signal", cancel.clone().into());
    let answer = call("importFiles", &[options.into()]).await;
    drop(progress);
    let answer = answer?;
    Ok(Imported {
        collection: field(&answer, "id").as_string(),
        name: field(&answer, "name").as_string().unwrap_or_default(),
        articles: field(&answer, "articles").as_f64().unwrap_or(0.0) as usize,
        report: from_js(&field(&answer, "report"))?,
    })
}

/// Reads a collection file (`.siyaq`) into a new collection: its id and name.
pub async fn import_collection(file: &web_sys::File) -> Result<(String, String), StoreProblem> {
    let fallback = file.name();
    let fallback = fallback.trim_end_matches(".siyaq");
    let answer = call("importCollection", &[file.into(), fallback.into()]).await?;
    let id = field(&answer, "id").as_string().ok_or_else(|| StoreProblem::NotACollection("no id".into()))?;
    Ok((id, field(&answer, "name").as_string().unwrap_or_default()))
}

/// A correction of one article's details: a field given replaces the old one, an empty text
/// clears it.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct ArticleChange {
    pub id: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
}

/// Removes articles from, or corrects articles' details in, collection `id`; a refused change
/// (`EditRefused`, with the reason) changes nothing.
pub async fn edit(id: &str, remove: Vec<String>, change: Vec<ArticleChange>) -> Result<(), StoreProblem> {
    let edits = serde_json::json!({ "remove": remove, "change": change }).to_string();
    let edits = js_sys::JSON::parse(&edits).map_err(|e| StoreProblem::from_js(&e))?;
    call("editCollection", &[id.into(), edits]).await.map(drop)
}

/// The collection's file as kept (its pack, compressed): what "Export collection" saves.
pub async fn collection_file(id: &str) -> Result<js_sys::Uint8Array, StoreProblem> {
    call("packFile", &[id.into()])
        .await?
        .dyn_into::<js_sys::Uint8Array>()
        .map_err(|_| StoreProblem::Unavailable("the kept collection is not bytes".into()))
}

/// The page's address opening collection `id` (`None`: the site's own articles).
pub fn address_of(id: Option<&str>) -> String {
    let base = crate::browser::page_address();
    match id {
        Some(id) => {
            let query: String = form_urlencoded::Serializer::new(String::new()).append_pair("collection", id).finish();
            format!("{base}?{query}")
        }
        None => base,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_reads_as_the_worker_writes_it() {
        let json = r#"[{"file":"a/ب.txt","status":"imported","encoding":"windows-1256","title":"عنوان","date":"2022-01-07"},
            {"file":"x.bin","status":"skipped","reason":"binary"},
            {"file":"c.txt","status":"duplicate","reason":"same text","duplicateOf":"عنوان"}]"#;
        let report: Vec<ReportEntry> = serde_json::from_str(json).unwrap();
        assert_eq!(report.iter().map(|r| r.status).collect::<Vec<_>>(), [FileStatus::Imported, FileStatus::Skipped, FileStatus::Duplicate]);
        assert_eq!(report[0].encoding.as_deref(), Some("windows-1256"));
        assert_eq!(report[2].duplicate_of.as_deref(), Some("عنوان"));
    }
}
