//! `entities.toml`: the entity list a corpus comes with. Each entity has a stable `id`, its
//! Arabic and English names, a `type` (person, place, organisation, other), its `aliases` (every
//! spelling, without clitics) and optional `demonyms` and `note`.

use std::path::Path;

use serde::Deserialize;
use siyaq_engine::gazetteer::{Entity, EntityKind};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntityFile {
    format: u32,
    #[serde(default)]
    entity: Vec<EntityEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntityEntry {
    id: String,
    name_ar: String,
    name_en: String,
    #[serde(rename = "type")]
    kind: String,
    aliases: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    #[allow(dead_code)]
    note: Option<String>,
}

/// The entities of an `entities.toml` file.
pub fn read(path: &Path) -> Result<Vec<Entity>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    parse(&text).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn parse(text: &str) -> Result<Vec<Entity>, String> {
    let file: EntityFile = toml::from_str(text).map_err(|e| e.to_string())?;
    if file.format != 1 {
        return Err(format!(
            "format {} is unknown; this build reads format 1",
            file.format
        ));
    }
    let mut seen = std::collections::HashSet::new();
    file.entity
        .into_iter()
        .map(|e| {
            let kind = EntityKind::from_name(&e.kind)
                .ok_or_else(|| format!("entity {} has an unknown type {}", e.id, e.kind))?;
            if !seen.insert(e.id.clone()) {
                return Err(format!("two entities have the id {}", e.id));
            }
            Ok(Entity {
                id: e.id,
                name_ar: e.name_ar,
                name_en: e.name_en,
                kind,
                aliases: e.aliases,
                demonyms: e.demonyms,
            })
        })
        .collect()
}
