//! The world gazetteer: countries, cities, regions, people and organisations that make Arabic
//! news, shipped with the app and counted on any corpus beneath the collection's own list. The
//! list the user edits always wins: an entity of the world that shares an id or a spelling with
//! the list gives it up.
//!
//! The file is built from CLDR's Arabic names and curated data by `siyaq-ingest` at build time and
//! read here, like everything of this crate, by a total reader.

use serde::{Deserialize, Serialize};
use siyaq_engine::{Index, Normalizer};
use siyaq_engine::entities::EntityAliases;
use siyaq_engine::gazetteer::{Entity, EntityKind, Gazetteer};

/// The format this build reads and writes.
pub const WORLD_FORMAT: u32 = 1;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct World {
    pub format: u32,
    /// Where the data came from, for the people who read the file (CLDR's version, say).
    #[serde(default)]
    pub sources: Vec<String>,
    pub entities: Vec<WorldEntity>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorldEntity {
    pub id: String,
    pub name_ar: String,
    pub name_en: String,
    #[serde(rename = "type")]
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub demonyms: Vec<String>,
    /// The countries it belongs to (ISO 3166 codes): where two entities share a spelling, the
    /// article's mentions of their countries decide.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub context: Vec<String>,
    /// Where the entry comes from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

/// Why a world file was not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorldError {
    /// Not JSON of the expected shape; the parser's message.
    Unreadable(String),
    /// Written by another build of siyaq.
    Format(u32),
}

impl World {
    pub fn from_json(bytes: &[u8]) -> Result<World, WorldError> {
        #[derive(Deserialize)]
        struct Head {
            format: u32,
        }
        let head: Head = serde_json::from_slice(bytes).map_err(|e| WorldError::Unreadable(e.to_string()))?;
        if head.format != WORLD_FORMAT {
            return Err(WorldError::Format(head.format));
        }
        serde_json::from_slice(bytes).map_err(|e| WorldError::Unreadable(e.to_string()))
    }
}

/// The entities counted on a corpus: the list's, then the world's it does not already name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counted {
    /// The list's entities first, in its order, then the world's.
    pub gazetteer: Gazetteer,
    /// `context[i]`: the countries of entity `i` (empty for the list's).
    pub context: Vec<Vec<String>>,
    /// Where the world's entities start in `gazetteer`.
    pub world_from: usize,
}

/// Where a hit starts in its article's text, in characters: how a mention left out by hand is
/// recorded (see [`siyaq_engine::gazetteer::ExcludedMention`]).
pub fn start_in_characters(index: &Index, hit: siyaq_engine::Hit) -> u32 {
    let document = &index.documents()[index.document_of(hit.word)];
    document.text[..index.word(hit.word).start as usize].chars().count() as u32
}

impl Counted {
    /// What the mention finder needs, in order; demonyms join the aliases when asked for.
    pub fn alias_lists(&self, with_demonyms: bool) -> Vec<EntityAliases> {
        let mut lists = self.gazetteer.alias_lists(with_demonyms);
        for (list, context) in lists.iter_mut().zip(&self.context) {
            list.context = context.clone();
        }
        lists
    }

    /// The mentions the list leaves out by hand, as (first word in `index`, entity position):
    /// those whose article, start or entity `index` and this list no longer have are passed over.
    pub fn excluded_positions(&self, index: &Index) -> Vec<(u32, usize)> {
        self.gazetteer
            .excluded
            .iter()
            .filter_map(|m| {
                let entity = self.gazetteer.position(&m.entity)?;
                let document = index.documents().iter().find(|d| d.id == m.document)?;
                let byte = document.text.char_indices().nth(m.start as usize)?.0;
                let words = document.words.clone();
                let at = words.start + index.words()[words.start as usize..words.end as usize].partition_point(|w| (w.start as usize) < byte) as u32;
                (at < words.end && index.word(at).start as usize == byte).then_some((at, entity))
            })
            .collect()
    }

    /// Whether entity `i` comes from the world gazetteer.
    pub fn is_world(&self, i: usize) -> bool {
        i >= self.world_from
    }
}

/// `list` with the entities of `world` (if loaded) beneath it: a world entity whose id the list
/// uses is left out, and so is each of its spellings (alias or demonym) that, once normalized for
/// search, the list already has; an entity left without aliases is left out.
pub fn layered(list: &Gazetteer, world: Option<&World>) -> Counted {
    let mut counted = Counted { gazetteer: list.clone(), context: vec![Vec::new(); list.entities.len()], world_from: list.entities.len() };
    let Some(world) = world else { return counted };
    let normalizer = Normalizer::default();
    let key = |spelling: &str| normalizer.normalize(spelling.trim());
    let taken_ids: std::collections::HashSet<&str> = list.entities.iter().map(|e| e.id.as_str()).collect();
    let taken_spellings: std::collections::HashSet<String> =
        list.entities.iter().flat_map(|e| e.aliases.iter().chain(&e.demonyms)).map(|s| key(s)).collect();
    for entity in &world.entities {
        if taken_ids.contains(entity.id.as_str()) {
            continue;
        }
        let free = |spellings: &[String]| -> Vec<String> { spellings.iter().filter(|s| !taken_spellings.contains(&key(s))).cloned().collect() };
        let aliases = free(&entity.aliases);
        if aliases.is_empty() {
            continue;
        }
        counted.gazetteer.entities.push(Entity {
            id: entity.id.clone(),
            name_ar: entity.name_ar.clone(),
            name_en: entity.name_en.clone(),
            kind: entity.kind,
            aliases,
            demonyms: free(&entity.demonyms),
        });
        counted.context.push(entity.context.clone());
    }
    counted
}

#[cfg(test)]
mod tests {
    use super::*;

    fn world_entity(id: &str, kind: EntityKind, aliases: &[&str], context: &[&str]) -> WorldEntity {
        WorldEntity {
            id: id.into(),
            name_ar: aliases[0].into(),
            name_en: id.into(),
            kind,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            demonyms: vec![],
            context: context.iter().map(|c| c.to_string()).collect(),
            source: "test".into(),
        }
    }

    #[test]
    fn the_list_wins_by_id_and_by_spelling() {
        let list = crate::two_entity_list();
        let world = World {
            format: WORLD_FORMAT,
            sources: vec![],
            entities: vec![
                world_entity("kazakhstan", EntityKind::Place, &["قازاخستان"], &["KZ"]),
                // Differs from the list's بوتين only by a diacritic, which search folds.
                world_entity("putin-2", EntityKind::Person, &["بُوتين", "فلاديمير بوتين"], &["RU"]),
                world_entity("moscow", EntityKind::Place, &["موسكو"], &["RU"]),
                world_entity("nobody", EntityKind::Other, &["البوتيني"], &[]),
            ],
        };
        let counted = layered(&list, Some(&world));
        let ids: Vec<&str> = counted.gazetteer.entities.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["putin", "kazakhstan", "putin-2", "moscow"]);
        assert_eq!(counted.gazetteer.entities[2].aliases, ["فلاديمير بوتين"]);
        assert_eq!(counted.world_from, 2);
        assert!(counted.is_world(3) && !counted.is_world(1));
        let lists = counted.alias_lists(false);
        assert_eq!((lists[0].context.len(), &lists[3].context[..]), (0, &["RU".to_string()][..]));
        assert_eq!(layered(&list, None).gazetteer, list);
    }

    #[test]
    fn a_mention_left_out_is_found_again_by_its_article_start_and_entity() {
        use siyaq_engine::gazetteer::ExcludedMention;
        use siyaq_engine::{DocumentInput, Steps};
        let index = Index::build(
            [
                DocumentInput { id: "a", text: "قال بوتين إن كازاخستان".into(), uncounted: vec![] },
                DocumentInput { id: "b", text: "زار بوتين كازاخستان ثم بوتين".into(), uncounted: vec![] },
            ],
            Steps::default(),
        );
        let mut list = crate::two_entity_list();
        // The second بوتين of "b": its fifth word, after the four of "a" (word 4 + 4 = 8).
        let second = siyaq_engine::Hit { word: 8, len: 1 };
        assert_eq!(index.original(second.words()), "بوتين");
        let start = start_in_characters(&index, second);
        assert_eq!(start, "زار بوتين كازاخستان ثم ".chars().count() as u32);
        list.exclude_mention(ExcludedMention { document: "b".into(), start, entity: "putin".into() });
        // Gone articles, starts inside a word and unknown entities are passed over.
        list.exclude_mention(ExcludedMention { document: "z".into(), start: 0, entity: "putin".into() });
        list.exclude_mention(ExcludedMention { document: "b".into(), start: start + 1, entity: "putin".into() });
        list.exclude_mention(ExcludedMention { document: "b".into(), start, entity: "nobody".into() });
        assert_eq!(layered(&list, None).excluded_positions(&index), [(8, 0)]);
    }

    #[test]
    fn a_file_of_another_format_or_shape_is_refused_with_a_reason() {
        assert_eq!(World::from_json(br#"{"format": 2, "entities": []}"#), Err(WorldError::Format(2)));
        assert!(matches!(World::from_json(b"not json"), Err(WorldError::Unreadable(_))));
        assert!(matches!(World::from_json(br#"{"format": 1, "entities": [{"id": "x"}]}"#), Err(WorldError::Unreadable(_))));
        let world = World { format: WORLD_FORMAT, sources: vec!["CLDR".into()], entities: vec![world_entity("cairo", EntityKind::Place, &["القاهرة"], &["EG"])] };
        assert_eq!(World::from_json(&serde_json::to_vec(&world).unwrap()), Ok(world));
    }
}
