//! The user's entity list on disk: in the browser's local storage between visits, and as a JSON
//! file to exchange. A list that cannot be read is reported and left alone, never half-used.

use gloo_storage::{LocalStorage, Storage};
use siyaq_engine::gazetteer::Gazetteer;
pub use siyaq_state::entity_list::{ListProblem, from_json, to_json};

pub const STORAGE_KEY: &str = "siyaq.entities";

/// The saved list, if there is one: `None` when nothing was ever saved.
pub fn load() -> Option<Result<Gazetteer, ListProblem>> {
    let raw = LocalStorage::raw().get_item(STORAGE_KEY).ok().flatten()?;
    Some(from_json(&raw))
}

/// Saves the list; false when the browser refuses (storage full or disabled).
pub fn save(gazetteer: &Gazetteer) -> bool {
    LocalStorage::raw().set_item(STORAGE_KEY, &to_json(gazetteer)).is_ok()
}

pub fn forget() {
    LocalStorage::delete(STORAGE_KEY);
}
