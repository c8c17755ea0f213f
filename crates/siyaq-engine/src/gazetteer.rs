//! The list of named entities a user works with: the bundled gazetteer, then whatever they add,
//! rename, merge or delete. Edits are checked here so every front end keeps the same rules: ids are
//! unique, names are not empty, and a spelling names at most one entity.

use std::fmt;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::entities::EntityAliases;
use crate::normalize::{Normalizer, Steps};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum EntityKind {
    Person,
    Place,
    Organisation,
    Other,
}

impl EntityKind {
    pub const ALL: [EntityKind; 4] = [EntityKind::Person, EntityKind::Place, EntityKind::Organisation, EntityKind::Other];

    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organisation => "organisation",
            EntityKind::Other => "other",
        }
    }

    pub fn from_name(name: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Entity {
    pub id: String,
    pub name_ar: String,
    pub name_en: String,
    #[cfg_attr(feature = "serde", serde(rename = "type"))]
    pub kind: EntityKind,
    /// Every spelling that names it, as written, without clitics.
    pub aliases: Vec<String>,
    /// Adjectives and plurals of a place (الروسي، الروس), counted only on request.
    #[cfg_attr(feature = "serde", serde(default))]
    pub demonyms: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Gazetteer {
    pub entities: Vec<Entity>,
    /// Mentions the user left out by hand, in the order left out.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub excluded: Vec<ExcludedMention>,
}

/// One place where a spelling of an entity is not a mention of it (another person of the same
/// name, a word that only looks like the name): the article's id, where the words start in the
/// article's text (in characters, as the exports count), and the entity's id (of the list or of
/// the world gazetteer beneath it).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ExcludedMention {
    pub document: String,
    pub start: u32,
    pub entity: String,
}

/// How an edited list differs from the list it started from: entities removed, and entities
/// changed or added (whole). Small enough to travel in a link.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct GazetteerChanges {
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub removed: Vec<String>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub entities: Vec<Entity>,
    /// Mentions left out beyond those the base list leaves out.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub excluded: Vec<ExcludedMention>,
}

impl GazetteerChanges {
    pub fn is_empty(&self) -> bool {
        self.removed.is_empty() && self.entities.is_empty() && self.excluded.is_empty()
    }
}

/// Why an edit or a loaded list was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GazetteerError {
    UnknownEntity(String),
    DuplicateId(String),
    EmptyName,
    NoAliases(String),
    /// The spelling already names entity `.1`.
    AliasTaken(String, String),
    SameEntity,
}

/// A short technical description, for logs and native callers; the interface words errors itself.
impl fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GazetteerError::UnknownEntity(id) => write!(f, "unknown entity id {id:?}"),
            GazetteerError::DuplicateId(id) => write!(f, "duplicate entity id {id:?}"),
            GazetteerError::EmptyName => f.write_str("empty entity name"),
            GazetteerError::NoAliases(id) => write!(f, "entity {id:?} has no aliases"),
            GazetteerError::AliasTaken(alias, id) => write!(f, "alias {alias:?} already belongs to entity {id:?}"),
            GazetteerError::SameEntity => f.write_str("cannot merge an entity into itself"),
        }
    }
}

impl std::error::Error for GazetteerError {}

/// Spellings compare as the search profile sees them, so بوتين and a copy with a stray tatweel are
/// the same alias.
fn spelling_key(normalizer: &Normalizer, spelling: &str) -> String {
    let mut key = String::new();
    spelling_key_into(normalizer, spelling, &mut key);
    key
}

/// [`spelling_key`] into `key`, which is cleared first: comparing a spelling with thousands needs
/// no allocation per spelling.
fn spelling_key_into(normalizer: &Normalizer, spelling: &str, key: &mut String) {
    key.clear();
    if is_tidy(spelling) {
        normalizer.normalize_into(spelling, key);
    } else {
        normalizer.normalize_into(&tidy(spelling), key);
    }
}

fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `text` is already what [`tidy`] makes of it: most spellings are, and a list of
/// thousands need not copy each one to compare it.
fn is_tidy(text: &str) -> bool {
    let mut after_space = true;
    for c in text.chars() {
        if c.is_whitespace() && (c != ' ' || after_space) {
            return false;
        }
        after_space = c == ' ';
    }
    !after_space || text.is_empty()
}

impl Gazetteer {
    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.entities.iter().position(|e| e.id == id)
    }

    fn entity_mut(&mut self, id: &str) -> Result<&mut Entity, GazetteerError> {
        self.entities.iter_mut().find(|e| e.id == id).ok_or_else(|| GazetteerError::UnknownEntity(id.to_string()))
    }

    /// What the mention finder needs, in list order; demonyms join the aliases when asked for.
    pub fn alias_lists(&self, with_demonyms: bool) -> Vec<EntityAliases> {
        self.entities
            .iter()
            .map(|e| {
                let mut aliases = e.aliases.clone();
                if with_demonyms {
                    aliases.extend(e.demonyms.iter().cloned());
                }
                EntityAliases { id: e.id.clone(), aliases, context: vec![] }
            })
            .collect()
    }

    /// The entity that already has `spelling` as an alias or demonym, other than `except`. One
    /// pass over the list: every spelling is normalized once per call.
    fn owner_of(&self, spelling: &str, except: Option<&str>) -> Option<&str> {
        let normalizer = Normalizer::new(Steps::default());
        let key = spelling_key(&normalizer, spelling);
        let mut other = String::new();
        self.entities
            .iter()
            .filter(|e| Some(e.id.as_str()) != except)
            .find(|e| {
                e.aliases.iter().chain(&e.demonyms).any(|a| {
                    spelling_key_into(&normalizer, a, &mut other);
                    other == key
                })
            })
            .map(|e| e.id.as_str())
    }

    /// What turns `base` into this list. The app asks on every change of view, so it takes time
    /// in proportion to the lists, never to their product.
    pub fn changes_from(&self, base: &Gazetteer) -> GazetteerChanges {
        let ids: FxHashSet<&str> = self.entities.iter().map(|e| e.id.as_str()).collect();
        let base_by_id = first_by_id(&base.entities);
        GazetteerChanges {
            removed: base.entities.iter().filter(|e| !ids.contains(e.id.as_str())).map(|e| e.id.clone()).collect(),
            entities: self.entities.iter().filter(|e| base_by_id.get(e.id.as_str()) != Some(e)).cloned().collect(),
            excluded: self.excluded.iter().filter(|m| !base.excluded.contains(m)).cloned().collect(),
        }
    }

    /// `base` with `changes` applied: changed entities replace theirs in place, new ones follow.
    /// The result is checked like any loaded list.
    pub fn with_changes(base: &Gazetteer, changes: &GazetteerChanges) -> Result<Gazetteer, GazetteerError> {
        let removed: FxHashSet<&str> = changes.removed.iter().map(String::as_str).collect();
        let changed_by_id = first_by_id(&changes.entities);
        let mut entities: Vec<Entity> = base
            .entities
            .iter()
            .filter(|e| !removed.contains(e.id.as_str()))
            .map(|e| changed_by_id.get(e.id.as_str()).copied().unwrap_or(e).clone())
            .collect();
        let mut present: FxHashSet<&str> =
            base.entities.iter().map(|e| e.id.as_str()).filter(|id| !removed.contains(id)).collect();
        for changed in &changes.entities {
            if present.insert(changed.id.as_str()) {
                entities.push(changed.clone());
            }
        }
        let mut excluded = base.excluded.clone();
        excluded.extend(changes.excluded.iter().filter(|m| !base.excluded.contains(m)).cloned());
        let list = Gazetteer { entities, excluded };
        list.validate()?;
        Ok(list)
    }

    /// Checks a list loaded from storage or a file.
    pub fn validate(&self) -> Result<(), GazetteerError> {
        let normalizer = Normalizer::new(Steps::default());
        let mut seen_ids = FxHashSet::default();
        let mut owners = FxHashMap::default();
        for e in &self.entities {
            if !seen_ids.insert(e.id.as_str()) {
                return Err(GazetteerError::DuplicateId(e.id.clone()));
            }
            if e.id.trim().is_empty() || e.name_ar.trim().is_empty() && e.name_en.trim().is_empty() {
                return Err(GazetteerError::EmptyName);
            }
            if e.aliases.iter().all(|a| a.trim().is_empty()) {
                return Err(GazetteerError::NoAliases(e.id.clone()));
            }
            for spelling in e.aliases.iter().chain(&e.demonyms) {
                let key = spelling_key(&normalizer, spelling);
                if let Some(owner) = owners.insert(key, e.id.as_str())
                    && owner != e.id
                {
                    return Err(GazetteerError::AliasTaken(spelling.clone(), owner.to_string()));
                }
            }
        }
        Ok(())
    }

    /// Adds an entity named `name_ar` (its first alias) and returns its new id.
    pub fn add_entity(&mut self, name_ar: &str, name_en: &str, kind: EntityKind) -> Result<String, GazetteerError> {
        let name_ar = tidy(name_ar);
        if name_ar.is_empty() {
            return Err(GazetteerError::EmptyName);
        }
        if let Some(owner) = self.owner_of(&name_ar, None) {
            return Err(GazetteerError::AliasTaken(name_ar, owner.to_string()));
        }
        let id = self.fresh_id(name_en);
        self.entities.push(Entity {
            id: id.clone(),
            name_en: if name_en.trim().is_empty() { name_ar.clone() } else { tidy(name_en) },
            name_ar: name_ar.clone(),
            kind,
            aliases: vec![name_ar],
            demonyms: Vec::new(),
        });
        Ok(id)
    }

    /// A readable id from the English name, made unique with a number.
    fn fresh_id(&self, name_en: &str) -> String {
        let slug: String = name_en
            .to_lowercase()
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        let base = if slug.is_empty() { "entity".to_string() } else { slug };
        let taken: FxHashSet<&str> = self.entities.iter().map(|e| e.id.as_str()).collect();
        if !taken.contains(base.as_str()) {
            return base;
        }
        (2..).map(|n| format!("{base}-{n}")).find(|id| !taken.contains(id.as_str())).expect("an unused number")
    }

    pub fn rename(&mut self, id: &str, name_ar: &str, name_en: &str) -> Result<(), GazetteerError> {
        let (name_ar, name_en) = (tidy(name_ar), tidy(name_en));
        if name_ar.is_empty() || name_en.is_empty() {
            return Err(GazetteerError::EmptyName);
        }
        let entity = self.entity_mut(id)?;
        entity.name_ar = name_ar;
        entity.name_en = name_en;
        Ok(())
    }

    pub fn set_kind(&mut self, id: &str, kind: EntityKind) -> Result<(), GazetteerError> {
        self.entity_mut(id)?.kind = kind;
        Ok(())
    }

    pub fn add_alias(&mut self, id: &str, alias: &str) -> Result<(), GazetteerError> {
        let alias = tidy(alias);
        if alias.is_empty() {
            return Err(GazetteerError::EmptyName);
        }
        if let Some(owner) = self.owner_of(&alias, None) {
            return Err(GazetteerError::AliasTaken(alias, owner.to_string()));
        }
        self.entity_mut(id)?.aliases.push(alias);
        Ok(())
    }

    /// Removes a spelling (alias or demonym); an entity keeps at least one alias.
    pub fn remove_alias(&mut self, id: &str, alias: &str) -> Result<(), GazetteerError> {
        let entity = self.entity_mut(id)?;
        if entity.aliases.len() == 1 && entity.aliases[0] == alias {
            return Err(GazetteerError::NoAliases(id.to_string()));
        }
        entity.aliases.retain(|a| a != alias);
        entity.demonyms.retain(|a| a != alias);
        Ok(())
    }

    /// Moves every spelling of `from` to `into` and removes `from`.
    pub fn merge(&mut self, from: &str, into: &str) -> Result<(), GazetteerError> {
        if from == into {
            return Err(GazetteerError::SameEntity);
        }
        self.entity_mut(into)?;
        let position = self.position(from).ok_or_else(|| GazetteerError::UnknownEntity(from.to_string()))?;
        let merged = self.entities.remove(position);
        let target = self.entity_mut(into)?;
        for alias in merged.aliases {
            if !target.aliases.contains(&alias) {
                target.aliases.push(alias);
            }
        }
        for demonym in merged.demonyms {
            if !target.demonyms.contains(&demonym) {
                target.demonyms.push(demonym);
            }
        }
        Ok(())
    }

    /// Leaves `mention` out of the counts (once, however often asked).
    pub fn exclude_mention(&mut self, mention: ExcludedMention) {
        if !self.excluded.contains(&mention) {
            self.excluded.push(mention);
        }
    }

    /// Counts a mention left out again.
    pub fn restore_mention(&mut self, mention: &ExcludedMention) {
        self.excluded.retain(|m| m != mention);
    }

    pub fn delete(&mut self, id: &str) -> Result<(), GazetteerError> {
        let position = self.position(id).ok_or_else(|| GazetteerError::UnknownEntity(id.to_string()))?;
        self.entities.remove(position);
        Ok(())
    }
}

/// Each id's first entity, as [`Gazetteer::get`] would find it.
fn first_by_id(entities: &[Entity]) -> FxHashMap<&str, &Entity> {
    let mut by_id = FxHashMap::default();
    for entity in entities {
        by_id.entry(entity.id.as_str()).or_insert(entity);
    }
    by_id
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Gazetteer {
        Gazetteer {
            entities: vec![
                Entity {
                    id: "putin".into(),
                    name_ar: "فلاديمير بوتين".into(),
                    name_en: "Vladimir Putin".into(),
                    kind: EntityKind::Person,
                    aliases: vec!["فلاديمير بوتين".into(), "بوتين".into()],
                    demonyms: vec![],
                },
                Entity {
                    id: "russia".into(),
                    name_ar: "روسيا".into(),
                    name_en: "Russia".into(),
                    kind: EntityKind::Place,
                    aliases: vec!["روسيا".into()],
                    demonyms: vec!["الروسية".into()],
                },
            ],
            excluded: vec![],
        }
    }

    #[test]
    fn mentions_left_out_travel_as_changes_and_come_back() {
        let base = sample();
        let mut edited = base.clone();
        let mention = ExcludedMention { document: "wapo".into(), start: 120, entity: "putin".into() };
        edited.exclude_mention(mention.clone());
        edited.exclude_mention(mention.clone());
        assert_eq!(edited.excluded, [mention.clone()]);
        let changes = edited.changes_from(&base);
        assert_eq!(changes.excluded, [mention.clone()]);
        assert!(!changes.is_empty());
        assert_eq!(Gazetteer::with_changes(&base, &changes), Ok(edited.clone()));
        edited.restore_mention(&mention);
        assert!(edited.changes_from(&base).is_empty());
    }

    #[test]
    fn added_entities_get_readable_unique_ids() {
        let mut g = sample();
        assert_eq!(g.add_entity("  ويندي   شيرمان ", "Wendy Sherman", EntityKind::Person).unwrap(), "wendy-sherman");
        assert_eq!(g.get("wendy-sherman").unwrap().aliases, ["ويندي شيرمان"]);
        assert_eq!(g.add_entity("شيرمان", "Wendy Sherman", EntityKind::Person).unwrap(), "wendy-sherman-2");
        assert_eq!(g.add_entity("زيد", "", EntityKind::Other).unwrap(), "entity");
        assert_eq!(g.get("entity").unwrap().name_en, "زيد");
        assert_eq!(g.add_entity("   ", "x", EntityKind::Other), Err(GazetteerError::EmptyName));
        assert!(g.validate().is_ok());
    }

    #[test]
    fn a_spelling_names_one_entity_only() {
        let mut g = sample();
        assert_eq!(g.add_alias("russia", "بوتيـن"), Err(GazetteerError::AliasTaken("بوتيـن".into(), "putin".into())));
        assert_eq!(g.add_alias("russia", "الروسية"), Err(GazetteerError::AliasTaken("الروسية".into(), "russia".into())));
        assert!(matches!(g.add_entity("روسيا", "Russia again", EntityKind::Place), Err(GazetteerError::AliasTaken(..))));
        g.add_alias("russia", "روسيا الاتحادية").unwrap();
        assert_eq!(g.get("russia").unwrap().aliases, ["روسيا", "روسيا الاتحادية"]);
        assert_eq!(g.add_alias("nobody", "س"), Err(GazetteerError::UnknownEntity("nobody".into())));
    }

    #[test]
    fn merge_moves_every_spelling_and_removes_the_source() {
        let mut g = sample();
        g.merge("russia", "putin").unwrap();
        assert_eq!(g.entities.len(), 1);
        assert_eq!(g.get("putin").unwrap().aliases, ["فلاديمير بوتين", "بوتين", "روسيا"]);
        assert_eq!(g.get("putin").unwrap().demonyms, ["الروسية"]);
        assert_eq!(g.merge("putin", "putin"), Err(GazetteerError::SameEntity));
        assert_eq!(g.merge("putin", "nobody"), Err(GazetteerError::UnknownEntity("nobody".into())));
        assert_eq!(g.entities.len(), 1);
    }

    #[test]
    fn rename_delete_and_the_last_alias() {
        let mut g = sample();
        g.rename("putin", "بوتين", "Putin").unwrap();
        assert_eq!((g.get("putin").unwrap().name_ar.as_str(), g.get("putin").unwrap().name_en.as_str()), ("بوتين", "Putin"));
        assert_eq!(g.rename("putin", "", "x"), Err(GazetteerError::EmptyName));
        assert_eq!(g.remove_alias("russia", "روسيا"), Err(GazetteerError::NoAliases("russia".into())));
        g.remove_alias("putin", "بوتين").unwrap();
        assert_eq!(g.get("putin").unwrap().aliases, ["فلاديمير بوتين"]);
        g.delete("putin").unwrap();
        assert!(g.get("putin").is_none());
        assert_eq!(g.delete("putin"), Err(GazetteerError::UnknownEntity("putin".into())));
    }

    #[test]
    fn demonyms_are_counted_only_on_request() {
        let g = sample();
        assert_eq!(g.alias_lists(false)[1].aliases, ["روسيا"]);
        assert_eq!(g.alias_lists(true)[1].aliases, ["روسيا", "الروسية"]);
    }

    #[test]
    fn changes_rebuild_the_edited_list_from_the_base() {
        let base = sample();
        let mut edited = base.clone();
        edited.add_alias("putin", "الرئيس بوتين").unwrap();
        edited.delete("russia").unwrap();
        edited.add_entity("ويندي شيرمان", "Wendy Sherman", EntityKind::Person).unwrap();
        let changes = edited.changes_from(&base);
        assert_eq!(changes.removed, ["russia"]);
        assert_eq!(changes.entities.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["putin", "wendy-sherman"]);
        assert_eq!(Gazetteer::with_changes(&base, &changes), Ok(edited));
        assert!(base.changes_from(&base).is_empty());
        // Changes that break the rules are refused, not half applied.
        let mut clash = GazetteerChanges::default();
        clash.entities.push(Entity { id: "x".into(), aliases: vec!["روسيا".into()], ..base.entities[0].clone() });
        assert!(matches!(Gazetteer::with_changes(&base, &clash), Err(GazetteerError::AliasTaken(..))));
    }

    fn entity(id: &str, alias: &str) -> Entity {
        Entity { id: id.into(), name_ar: alias.into(), name_en: id.into(), kind: EntityKind::Other, aliases: vec![alias.into()], demonyms: vec![] }
    }

    fn list_of(picks: &[(u8, u8)]) -> Vec<Entity> {
        picks.iter().map(|&(id, alias)| entity(&format!("e{id}"), ["روسيا", "بوتين", "موسكو"][alias as usize % 3])).collect()
    }

    proptest::proptest! {
        /// Hash maps instead of scans, duplicates ids included: the same answers as the
        /// definitions written with `get` and `contains`.
        #[test]
        fn changes_agree_with_their_definitions(
            base in proptest::collection::vec((0u8..6, 0u8..3), 0..6),
            edited in proptest::collection::vec((0u8..6, 0u8..3), 0..6),
            removed in proptest::collection::vec(0u8..8, 0..4),
        ) {
            let (base, edited) = (Gazetteer { entities: list_of(&base), excluded: vec![] }, Gazetteer { entities: list_of(&edited), excluded: vec![] });
            let changes = edited.changes_from(&base);
            proptest::prop_assert_eq!(
                &changes.removed,
                &base.entities.iter().filter(|e| edited.get(&e.id).is_none()).map(|e| e.id.clone()).collect::<Vec<_>>()
            );
            proptest::prop_assert_eq!(
                &changes.entities,
                &edited.entities.iter().filter(|e| base.get(&e.id) != Some(*e)).cloned().collect::<Vec<_>>()
            );
            let changes = GazetteerChanges { removed: removed.iter().map(|r| format!("e{r}")).collect(), entities: edited.entities.clone(), excluded: vec![] };
            let mut entities: Vec<Entity> = base
                .entities
                .iter()
                .filter(|e| !changes.removed.contains(&e.id))
                .map(|e| changes.entities.iter().find(|c| c.id == e.id).unwrap_or(e).clone())
                .collect();
            for changed in &changes.entities {
                if !entities.iter().any(|e| e.id == changed.id) {
                    entities.push(changed.clone());
                }
            }
            let expected = Gazetteer { entities, excluded: vec![] };
            proptest::prop_assert_eq!(Gazetteer::with_changes(&base, &changes), expected.validate().map(|()| expected.clone()));
        }
    }

    #[test]
    fn tidy_spellings_are_recognized() {
        for text in ["", "بوتين", "فلاديمير بوتين", "a b c"] {
            assert!(is_tidy(text) && tidy(text) == text, "{text}");
        }
        for text in [" بوتين", "بوتين ", "فلاديمير  بوتين", "a\tb", "a\u{00A0}b", " "] {
            assert!(!is_tidy(text) && tidy(text) != text, "{text}");
        }
    }

    #[test]
    fn validation_finds_what_an_edited_file_can_break() {
        let mut g = sample();
        g.entities[1].id = "putin".into();
        assert_eq!(g.validate(), Err(GazetteerError::DuplicateId("putin".into())));
        let mut g = sample();
        g.entities[1].aliases = vec!["بوتين".into()];
        assert_eq!(g.validate(), Err(GazetteerError::AliasTaken("بوتين".into(), "putin".into())));
        let mut g = sample();
        g.entities[0].aliases.clear();
        assert_eq!(g.validate(), Err(GazetteerError::NoAliases("putin".into())));
    }
}
