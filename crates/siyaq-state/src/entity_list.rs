//! The entity list as a file: what the browser saves between visits and what "Export the list"
//! writes (`{"format": 1, "entities": [...]}`). A list that cannot be read is refused with the
//! reason, never half-used.

use serde::{Deserialize, Serialize};
use siyaq_engine::gazetteer::{Entity, ExcludedMention, Gazetteer, GazetteerError};

use crate::Lang;

/// Bumped when the saved shape changes; lists of another format are reported, not guessed at.
pub const FORMAT: u32 = 1;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SavedList {
    /// Checked through `FormatOnly` first; named here so that it is not an unknown field.
    #[serde(rename = "format")]
    _format: u32,
    entities: Vec<Entity>,
    #[serde(default)]
    excluded: Vec<ExcludedMention>,
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
            ListProblem::Unreadable(detail) => format!("it is not a siyaq entity list ({})", brief(detail)),
            ListProblem::OtherFormat(format) => format!("it is in format {format}; this version reads format {FORMAT}"),
            ListProblem::Invalid(error) => gazetteer_error(error, Lang::En),
        }
    }

    pub fn message_ar(&self) -> String {
        match self {
            ListProblem::Unreadable(detail) => format!("ليس قائمة كيانات من سياق ({})", brief(detail)),
            ListProblem::OtherFormat(format) => format!("صيغته {format}، وهذه النسخة تقرأ الصيغة {FORMAT}"),
            ListProblem::Invalid(error) => gazetteer_error(error, Lang::Ar),
        }
    }
}

/// Why the entity list refused an edit or a loaded list, as the interface says it. The engine's
/// [`GazetteerError`] carries no interface text; this is the one place that words it, for
/// [`ListProblem`] and for the app's notices alike.
pub fn gazetteer_error(error: &GazetteerError, lang: Lang) -> String {
    match (error, lang) {
        (GazetteerError::UnknownEntity(id), Lang::En) => format!("There is no entity “{id}”."),
        (GazetteerError::DuplicateId(id), Lang::En) => format!("Two entities have the id “{id}”."),
        (GazetteerError::EmptyName, Lang::En) => "A name cannot be empty.".to_string(),
        (GazetteerError::NoAliases(id), Lang::En) => format!("Entity “{id}” has no spelling left."),
        (GazetteerError::AliasTaken(alias, id), Lang::En) => format!("“{alias}” already names “{id}”."),
        (GazetteerError::SameEntity, Lang::En) => "An entity cannot be merged into itself.".to_string(),
        (GazetteerError::UnknownEntity(id), Lang::Ar) => format!("لا يوجد كيان «{id}»."),
        (GazetteerError::DuplicateId(id), Lang::Ar) => format!("للكيانين المعرّف نفسه «{id}»."),
        (GazetteerError::EmptyName, Lang::Ar) => "لا يصح أن يكون الاسم فارغًا.".to_string(),
        (GazetteerError::NoAliases(id), Lang::Ar) => format!("لم يبق للكيان «{id}» أي صيغة."),
        (GazetteerError::AliasTaken(alias, id), Lang::Ar) => format!("الصيغة «{alias}» اسم للكيان «{id}» من قبل."),
        (GazetteerError::SameEntity, Lang::Ar) => "لا يُدمج الكيان في نفسه.".to_string(),
    }
}

/// A parser's detail can quote the input: a message carries only its start.
fn brief(detail: &str) -> String {
    const MOST: usize = 120;
    if detail.chars().count() <= MOST { detail.to_string() } else { format!("{}…", detail.chars().take(MOST).collect::<String>()) }
}

/// The list as written out, borrowed: a list of thousands is not copied to be saved.
#[derive(Serialize)]
struct ListToWrite<'a> {
    format: u32,
    entities: &'a [Entity],
    #[serde(skip_serializing_if = "<[ExcludedMention]>::is_empty")]
    excluded: &'a [ExcludedMention],
}

/// The list as a file for people to read and exchange: indented.
pub fn to_json(gazetteer: &Gazetteer) -> String {
    serde_json::to_string_pretty(&ListToWrite { format: FORMAT, entities: &gazetteer.entities, excluded: &gazetteer.excluded }).unwrap_or_default()
}

/// The list as the browser keeps it: the same JSON without indentation, so that a list of tens of
/// thousands of entities fits the few megabytes a site may store.
pub fn to_stored_json(gazetteer: &Gazetteer) -> String {
    serde_json::to_string(&ListToWrite { format: FORMAT, entities: &gazetteer.entities, excluded: &gazetteer.excluded }).unwrap_or_default()
}

pub fn from_json(json: &str) -> Result<Gazetteer, ListProblem> {
    let format = serde_json::from_str::<FormatOnly>(json).map_err(|e| ListProblem::Unreadable(e.to_string()))?.format;
    if format != FORMAT {
        return Err(ListProblem::OtherFormat(format));
    }
    let saved: SavedList = serde_json::from_str(json).map_err(|e| ListProblem::Unreadable(e.to_string()))?;
    let gazetteer = Gazetteer { entities: saved.entities, excluded: saved.excluded };
    gazetteer.validate().map_err(ListProblem::Invalid)?;
    Ok(gazetteer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use siyaq_engine::gazetteer::EntityKind;

    fn list() -> Gazetteer {
        let mut list = Gazetteer::default();
        list.add_entity("فلاديمير بوتين", "Vladimir Putin", EntityKind::Person).unwrap();
        list.add_alias("vladimir-putin", "الرئيس بوتين").unwrap();
        list.exclude_mention(ExcludedMention { document: "wapo".into(), start: 120, entity: "vladimir-putin".into() });
        list
    }

    #[test]
    fn a_list_survives_the_round_trip() {
        let list = list();
        assert_eq!(from_json(&to_json(&list)), Ok(list.clone()));
        assert_eq!(from_json(&to_stored_json(&list)), Ok(list.clone()));
        assert!(to_stored_json(&list).len() < to_json(&list).len());
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

    #[test]
    fn a_message_never_quotes_much_of_the_input() {
        let garbage = format!("{{\"format\": 1, \"entities\": [{{\"id\": \"{}\"", "x".repeat(50_000));
        let problem = from_json(&garbage).unwrap_err();
        assert!(problem.message_en().chars().count() < 300, "{}", problem.message_en().len());
        assert!(problem.message_ar().chars().count() < 300);
    }
}
