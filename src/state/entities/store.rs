//! The user's entity list in the browser's local storage between visits. Nothing the user made is
//! lost here: a saved list this version cannot read is copied aside under a key of its own before
//! anything may be written over it, and a browser that keeps nothing is reported, not fatal.

use siyaq_engine::gazetteer::Gazetteer;
pub use siyaq_state::entity_list::{ListProblem, from_json, to_json, to_stored_json};

/// Where the site's corpus keeps the user's list.
const SITE_KEY: &str = "siyaq.entities";

/// Where the user's list is kept: each of the user's collections has a list of its own.
pub fn storage_key() -> String {
    match crate::state::corpus::collection() {
        Some(id) => format!("siyaq.collection-entities.{id}"),
        None => SITE_KEY.to_string(),
    }
}
/// Unreadable saved lists are kept under this prefix and a number, one key per distinct text.
const KEPT_ASIDE_PREFIX: &str = "siyaq.entities.unreadable-";
const MOST_KEPT_ASIDE: usize = 20;

/// The browser's local storage, or `None` where the browser refuses it (blocked site data, some
/// private modes), which `window.localStorage` reports by throwing.
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// What was found in storage at start.
pub enum Loaded {
    /// Nothing saved yet.
    Nothing,
    List(Gazetteer),
    /// A saved list that could not be used, and the key it was kept aside under (`None` when the
    /// browser refused the copy: then the saved list must not be written over).
    Unreadable { problem: ListProblem, kept_as: Option<String> },
    /// The browser keeps nothing for this page.
    NoStorage,
}

pub fn load() -> Loaded {
    let Some(storage) = storage() else { return Loaded::NoStorage };
    let raw = match storage.get_item(&storage_key()) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Loaded::Nothing,
        Err(_) => return Loaded::NoStorage,
    };
    match from_json(&raw) {
        Ok(list) => Loaded::List(list),
        Err(problem) => Loaded::Unreadable { problem, kept_as: keep_aside(&storage, &raw) },
    }
}

/// Reads a list another tab has just saved (the `storage` event's new value).
pub fn read_saved(raw: Option<&str>) -> Option<Result<Gazetteer, ListProblem>> {
    raw.map(from_json)
}

/// Copies `raw` under a key of its own, reusing the key that already holds the same text.
fn keep_aside(storage: &web_sys::Storage, raw: &str) -> Option<String> {
    for n in 1..=MOST_KEPT_ASIDE {
        let key = format!("{KEPT_ASIDE_PREFIX}{n}");
        match storage.get_item(&key) {
            Ok(Some(existing)) if existing == raw => return Some(key),
            Ok(Some(_)) => continue,
            Ok(None) => return storage.set_item(&key, raw).ok().map(|()| key),
            Err(_) => return None,
        }
    }
    None
}

/// The key of an unreadable list kept aside at an earlier visit and not yet exported or
/// discarded.
pub fn first_kept_aside() -> Option<String> {
    let storage = storage()?;
    (1..=MOST_KEPT_ASIDE).map(|n| format!("{KEPT_ASIDE_PREFIX}{n}")).find(|key| storage.get_item(key).ok().flatten().is_some())
}

/// The text kept aside under `key`.
pub fn kept_aside(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

pub fn discard_kept_aside(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

/// How a save went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    Done,
    /// Storage is there but refused the write (full, say).
    Refused,
    NoStorage,
}

pub fn save(gazetteer: &Gazetteer) -> Saved {
    match storage() {
        None => Saved::NoStorage,
        Some(storage) => match storage.set_item(&storage_key(), &to_stored_json(gazetteer)) {
            Ok(()) => Saved::Done,
            Err(_) => Saved::Refused,
        },
    }
}

pub fn forget() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&storage_key());
    }
}
