//! The user's entity list on disk: in the browser's local storage between visits, and as a JSON
//! file to exchange. A list that cannot be read is reported and left alone, never half-used.

use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use siyaq_engine::gazetteer::{Entity, Gazetteer, GazetteerError};

pub const STORAGE_KEY: &str = "siyaq.entities";
/// Bumped when the saved shape changes; older lists are reported, not guessed at.
pub const FORMAT: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SavedList {
    format: u32,
    entities: Vec<Entity>,
}

/// Read first, so a list of another format is told apart from a broken one.
#[derive(Deserialize)]
struct FormatOnly {
    format: u32,
}

/// Why a saved or imported list was not used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListProblem {
    /// Not JSON, or not the shape of a list.
    Unreadable(String),
    OtherFormat(u32),
    Invalid(GazetteerError),
}

impl ListProblem {
    pub fn message_en(&self) -> String {
        match self {
            ListProblem::Unreadable(detail) => format!("it is not a siyaq entity list ({detail})"),
            ListProblem::OtherFormat(format) => format!("it is in format {format}; this version reads format {FORMAT}"),
            ListProblem::Invalid(error) => error.message_en(),
        }
    }

    pub fn message_ar(&self) -> String {
        match self {
            ListProblem::Unreadable(detail) => format!("ليس قائمة كيانات من سياق ({detail})"),
            ListProblem::OtherFormat(format) => format!("صيغته {format}، وهذه النسخة تقرأ الصيغة {FORMAT}"),
            ListProblem::Invalid(error) => error.message_ar(),
        }
    }
}

pub fn to_json(gazetteer: &Gazetteer) -> String {
    let saved = SavedList { format: FORMAT, entities: gazetteer.entities.clone() };
    serde_json::to_string_pretty(&saved).expect("a list of strings serializes")
}

pub fn from_json(json: &str) -> Result<Gazetteer, ListProblem> {
    let format = serde_json::from_str::<FormatOnly>(json).map_err(|e| ListProblem::Unreadable(e.to_string()))?.format;
    if format != FORMAT {
        return Err(ListProblem::OtherFormat(format));
    }
    let saved: SavedList = serde_json::from_str(json).map_err(|e| ListProblem::Unreadable(e.to_string()))?;
    let gazetteer = Gazetteer { entities: saved.entities };
    gazetteer.validate().map_err(ListProblem::Invalid)?;
    Ok(gazetteer)
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_survives_the_round_trip() {
        let mut list = siyaq_corpus::gazetteer();
        list.add_alias("putin", "الرئيس بوتين").unwrap();
        assert_eq!(from_json(&to_json(&list)), Ok(list));
    }

    #[test]
    fn broken_old_and_inconsistent_lists_are_refused_with_a_reason() {
        assert!(matches!(from_json("{not json"), Err(ListProblem::Unreadable(_))));
        assert!(matches!(from_json("[1, 2]"), Err(ListProblem::Unreadable(_))));
        assert_eq!(from_json(r#"{"format": 0, "entities": []}"#), Err(ListProblem::OtherFormat(0)));
        assert!(matches!(from_json(r#"{"format": 1, "entities": [{"id": "x"}]}"#), Err(ListProblem::Unreadable(_))));
        let twice = r#"{"format": 1, "entities": [
            {"id": "a", "name_ar": "أ", "name_en": "A", "type": "person", "aliases": ["زيد"]},
            {"id": "b", "name_ar": "ب", "name_en": "B", "type": "place", "aliases": ["زيد"]}]}"#;
        assert_eq!(from_json(twice), Err(ListProblem::Invalid(GazetteerError::AliasTaken("زيد".into(), "a".into()))));
        assert!(!ListProblem::OtherFormat(0).message_ar().is_empty());
    }
}
