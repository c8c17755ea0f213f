//! Builds the world gazetteer the app counts beneath a collection's own list: countries and
//! territories and the cities of the time zones from Unicode CLDR's Arabic (and English) names,
//! then the curated files of `data/world/` (people, organisations, places, and what CLDR lacks for
//! each country: the press's other names, demonyms, names to drop). Each entry says where it comes
//! from.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use serde::Deserialize;
use siyaq_engine::gazetteer::EntityKind;
use siyaq_state::world::{WORLD_FORMAT, World, WorldEntity};

/// The curated files, in the order their entities are listed.
pub const CURATED_FILES: [&str; 3] = ["places.toml", "people.toml", "organisations.toml"];
/// What the curated data adds to CLDR's countries.
pub const COUNTRIES_FILE: &str = "countries.toml";

/// The CLDR files the build reads, under the folder given to [`build`]: names by locale, and the
/// BCP 47 time-zone keys, whose first two letters are the zone's country.
pub const CLDR_FILES: [&str; 5] = ["ar/territories.json", "en/territories.json", "ar/timeZoneNames.json", "en/timeZoneNames.json", "bcp47/timezone.json"];

/// Territory codes that are not places a text names: unknown, pseudo and grouping codes.
const NOT_PLACES: [&str; 7] = ["ZZ", "XA", "XB", "EU", "EZ", "UN", "QO"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CuratedFile {
    #[serde(default)]
    entity: Vec<CuratedEntity>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CuratedEntity {
    id: String,
    name_ar: String,
    name_en: String,
    #[serde(rename = "type")]
    kind: EntityKind,
    aliases: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    #[serde(default)]
    country: Vec<String>,
    #[serde(default)]
    role: Option<String>,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountriesFile {
    #[serde(default)]
    country: Vec<CountryAdditions>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountryAdditions {
    code: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    #[serde(default)]
    drop: Vec<String>,
    source: String,
}

/// The world gazetteer from the curated folder and CLDR's files (read as [`CLDR_FILES`] name
/// them under `cldr`); `cldr_version` is recorded among the sources. Every problem is named with
/// its file and entry; ids are unique and every entity has an alias.
pub fn build(curated: &Path, cldr: &Path, cldr_version: &str) -> Result<World, String> {
    let read = |path: &Path| std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()));
    let cldr_text: Vec<String> = CLDR_FILES.iter().map(|f| read(&cldr.join(f))).collect::<Result<_, _>>()?;
    let countries: CountriesFile = toml::from_str(&read(&curated.join(COUNTRIES_FILE))?).map_err(|e| format!("{COUNTRIES_FILE}: {e}"))?;
    let mut curated_files = Vec::new();
    for file in CURATED_FILES {
        let parsed: CuratedFile = toml::from_str(&read(&curated.join(file))?).map_err(|e| format!("{file}: {e}"))?;
        curated_files.push((file, parsed));
    }
    let mut entities = cldr_entities(&cldr_text, &countries.country, cldr_version)?;
    let from_cldr: HashMap<String, usize> = entities.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
    let mut replaced = vec![false; entities.len()];
    for (file, parsed) in curated_files {
        for e in parsed.entity {
            let source = match &e.role {
                Some(role) => format!("{file}: {} ({role})", e.source),
                None => format!("{file}: {}", e.source),
            };
            let entity = WorldEntity { id: e.id, name_ar: e.name_ar, name_en: e.name_en, kind: e.kind, aliases: e.aliases, demonyms: e.demonyms, context: e.country, source };
            // A curated entry with the id of a CLDR city takes its place (a better spelling, say).
            match from_cldr.get(&entity.id) {
                Some(&i) if !replaced[i] && entities[i].kind == entity.kind => {
                    replaced[i] = true;
                    entities[i] = entity;
                }
                _ => entities.push(entity),
            }
        }
    }
    let mut world = World { format: WORLD_FORMAT, sources: vec![format!("Unicode CLDR {cldr_version} (cldr-localenames-full, cldr-dates-full, cldr-bcp47)"), "siyaq's curated files".into()], entities };
    check(&mut world)?;
    Ok(world)
}

/// Countries and territories, then the cities of the time zones, from CLDR.
fn cldr_entities(files: &[String], additions: &[CountryAdditions], version: &str) -> Result<Vec<WorldEntity>, String> {
    let territories = |text: &str, locale: &str| -> Result<BTreeMap<String, String>, String> {
        let json: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("CLDR {locale}/territories.json: {e}"))?;
        let names = &json["main"][locale]["localeDisplayNames"]["territories"];
        serde_json::from_value(names.clone()).map_err(|e| format!("CLDR {locale}/territories.json: {e}"))
    };
    let (ar, en) = (territories(&files[0], "ar")?, territories(&files[1], "en")?);
    let additions: HashMap<&str, &CountryAdditions> = additions.iter().map(|a| (a.code.as_str(), a)).collect();
    let mut out = Vec::new();
    let mut country_spellings: HashSet<String> = HashSet::new();
    for (code, name_ar) in &ar {
        let is_country = code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase());
        if !is_country || NOT_PLACES.contains(&code.as_str()) {
            continue;
        }
        let name_en = en.get(code).ok_or_else(|| format!("CLDR en/territories.json lacks {code}"))?;
        let mut aliases: Vec<String> = vec![name_ar.clone()];
        for alt in ["alt-short", "alt-variant"] {
            if let Some(name) = ar.get(&format!("{code}-{alt}")) {
                aliases.push(name.clone());
            }
        }
        let mut demonyms = Vec::new();
        let mut source = format!("CLDR {version}: territory {code}");
        if let Some(more) = additions.get(code.as_str()) {
            aliases.extend(more.aliases.iter().cloned());
            aliases.retain(|a| !more.drop.contains(a));
            demonyms = more.demonyms.clone();
            source = format!("{source}; {COUNTRIES_FILE}: {}", more.source);
        }
        dedup(&mut aliases);
        if aliases.is_empty() {
            // Every name CLDR gives it is dropped as an ordinary word (Sark's سارك is SAARC).
            continue;
        }
        country_spellings.extend(aliases.iter().cloned());
        out.push(WorldEntity {
            id: slug(name_en),
            name_ar: aliases.first().cloned().unwrap_or_else(|| name_ar.clone()),
            name_en: name_en.clone(),
            kind: EntityKind::Place,
            aliases,
            demonyms,
            context: vec![code.clone()],
            source,
        });
    }
    for code in additions.keys() {
        if !ar.contains_key(*code) {
            return Err(format!("{COUNTRIES_FILE}: {code} is not a CLDR territory code"));
        }
    }
    let zones = |text: &str, locale: &str| -> Result<serde_json::Value, String> {
        let json: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("CLDR {locale}/timeZoneNames.json: {e}"))?;
        Ok(json["main"][locale]["dates"]["timeZoneNames"]["zone"].clone())
    };
    let (ar_zones, en_zones) = (zones(&files[2], "ar")?, zones(&files[3], "en")?);
    let country_of_zone = zone_countries(&files[4], &ar)?;
    // A name CLDR gives that the curated data drops, whichever country's table lists it.
    let dropped: HashSet<&str> = additions.values().flat_map(|a| a.drop.iter().map(String::as_str)).collect();
    let mut cities = Vec::new();
    exemplar_cities(&ar_zones, &mut Vec::new(), &mut cities);
    let ids: HashSet<String> = out.iter().map(|e| e.id.clone()).collect();
    for (path, name_ar) in cities {
        if path.first().is_some_and(|p| p == "Etc") || country_spellings.contains(&name_ar) || dropped.contains(name_ar.as_str()) {
            // A city-state's city is its country (الكويت، سنغافورة): one entity, the country.
            continue;
        }
        let mut english = &en_zones;
        for part in &path {
            english = &english[part];
        }
        let name_en = english["exemplarCity"].as_str().map(str::to_string).unwrap_or_else(|| path.last().expect("a zone has a name").replace('_', " "));
        let mut id = slug(&name_en);
        if ids.contains(&id) {
            id.push_str("-city");
        }
        out.push(WorldEntity {
            id,
            name_ar: name_ar.clone(),
            name_en,
            kind: EntityKind::Place,
            aliases: vec![name_ar],
            demonyms: vec![],
            context: country_of_zone.get(&path.join("/")).cloned().into_iter().collect(),
            source: format!("CLDR {version}: exemplar city of the time zone {}", path.join("/")),
        });
    }
    Ok(out)
}

/// The country of each time zone (`Asia/Amman` → `JO`): a BCP 47 time-zone key starts with its
/// country's code (`joamm`), and lists the zone's names.
fn zone_countries(text: &str, territories: &BTreeMap<String, String>) -> Result<HashMap<String, String>, String> {
    let json: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("CLDR bcp47/timezone.json: {e}"))?;
    let keys = json["keyword"]["u"]["tz"].as_object().ok_or("CLDR bcp47/timezone.json: no time-zone keys")?;
    let mut out = HashMap::new();
    for (key, value) in keys {
        let code = key.get(..2).map(str::to_ascii_uppercase).filter(|c| key.len() == 5 && territories.contains_key(c));
        let (Some(code), Some(names)) = (code, value["_alias"].as_str()) else { continue };
        for name in names.split_whitespace() {
            out.insert(name.to_string(), code.clone());
        }
    }
    Ok(out)
}

/// The (zone path, Arabic exemplar city) pairs under `zone`, in the file's order.
fn exemplar_cities(zone: &serde_json::Value, path: &mut Vec<String>, out: &mut Vec<(Vec<String>, String)>) {
    let Some(map) = zone.as_object() else { return };
    if let Some(city) = map.get("exemplarCity").and_then(|c| c.as_str()) {
        out.push((path.clone(), city.to_string()));
        return;
    }
    for (key, value) in map {
        path.push(key.clone());
        exemplar_cities(value, path, out);
        path.pop();
    }
}

/// An id from an English name: lower-case ASCII letters and digits, words joined by `-`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        let folded = match c {
            'à'..='å' | 'À'..='Å' => 'a',
            'ç' | 'Ç' => 'c',
            'è'..='ë' | 'È'..='Ë' => 'e',
            'ì'..='ï' | 'Ì'..='Ï' => 'i',
            'ñ' => 'n',
            'ò'..='ö' | 'Ò'..='Ö' | 'ø' => 'o',
            'ù'..='ü' | 'Ù'..='Ü' => 'u',
            'ğ' => 'g',
            'ş' => 's',
            'ı' => 'i',
            c => c,
        };
        if folded.is_ascii_alphanumeric() {
            out.push(folded.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') && !matches!(folded, '\'' | '’' | '.') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn dedup(spellings: &mut Vec<String>) {
    let mut seen = HashSet::new();
    spellings.retain(|s| seen.insert(s.clone()));
}

/// Trims spellings, drops empty and repeated ones, and refuses repeated ids, bad ids and entities
/// without an alias.
fn check(world: &mut World) -> Result<(), String> {
    let mut ids = HashSet::new();
    let mut problems = Vec::new();
    for e in &mut world.entities {
        for list in [&mut e.aliases, &mut e.demonyms] {
            for s in list.iter_mut() {
                *s = s.split_whitespace().collect::<Vec<_>>().join(" ");
            }
            list.retain(|s| !s.is_empty());
            dedup(list);
        }
        if e.id.is_empty() || !e.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
            problems.push(format!("{}: not an id (lower-case letters, digits, -)", e.id));
        }
        if !ids.insert(e.id.clone()) {
            problems.push(format!("{}: a second entity with this id ({})", e.id, e.source));
        }
        if e.aliases.is_empty() {
            problems.push(format!("{}: no alias ({})", e.id, e.source));
        }
    }
    if problems.is_empty() { Ok(()) } else { Err(format!("the world gazetteer has {} problems:\n  {}", problems.len(), problems.join("\n  "))) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cldr(dir: &Path) {
        let write = |path: &str, text: &str| {
            let path = dir.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write("ar/territories.json", r#"{"main":{"ar":{"localeDisplayNames":{"territories":{"001":"العالم","EG":"مصر","KW":"الكويت","PS":"الأراضي الفلسطينية","PS-alt-short":"فلسطين","ZZ":"منطقة غير معروفة"}}}}}"#);
        write("en/territories.json", r#"{"main":{"en":{"localeDisplayNames":{"territories":{"001":"world","EG":"Egypt","KW":"Kuwait","PS":"Palestinian Territories","PS-alt-short":"Palestine","ZZ":"Unknown Region"}}}}}"#);
        write("ar/timeZoneNames.json", r#"{"main":{"ar":{"dates":{"timeZoneNames":{"zone":{"Africa":{"Cairo":{"exemplarCity":"القاهرة"}},"Asia":{"Kuwait":{"exemplarCity":"الكويت"}},"Etc":{"Unknown":{"exemplarCity":"مدينة غير معروفة"}}}}}}}}"#);
        write("en/timeZoneNames.json", r#"{"main":{"en":{"dates":{"timeZoneNames":{"zone":{"Etc":{"Unknown":{"exemplarCity":"Unknown City"}}}}}}}}"#);
        write("bcp47/timezone.json", r#"{"keyword":{"u":{"tz":{"_description":"Time zone key","egcai":{"_description":"Cairo, Egypt","_alias":"Africa/Cairo Egypt"},"utc":{"_alias":"Etc/UTC"}}}}}"#);
    }

    fn curated(dir: &Path, people: &str) {
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(
            dir.join(COUNTRIES_FILE),
            "[[country]]\ncode = \"EG\"\naliases = [\"جمهورية مصر العربية\"]\ndemonyms = [\"المصري\", \"المصرية\"]\nsource = \"test\"\n\n[[country]]\ncode = \"PS\"\ndrop = [\"الأراضي الفلسطينية\"]\nsource = \"test\"\n",
        )
        .unwrap();
        std::fs::write(dir.join("places.toml"), "").unwrap();
        std::fs::write(dir.join("organisations.toml"), "").unwrap();
        std::fs::write(dir.join("people.toml"), people).unwrap();
    }

    const SISI: &str = "[[entity]]\nid = \"sisi\"\nname_ar = \"عبد الفتاح السيسي\"\nname_en = \"Abdel Fattah el-Sisi\"\ntype = \"person\"\naliases = [\"عبد الفتاح السيسي\", \" السيسي \"]\ncountry = [\"EG\"]\nrole = \"President of Egypt (2014–)\"\nsource = \"test\"\n";

    #[test]
    fn countries_and_cities_from_cldr_then_the_curated_files() {
        let dir = std::env::temp_dir().join(format!("siyaq-world-{}", std::process::id()));
        cldr(&dir.join("cldr"));
        curated(&dir.join("curated"), SISI);
        let world = build(&dir.join("curated"), &dir.join("cldr"), "48.2.0").unwrap();
        let summary: Vec<(&str, &[String], &[String])> = world.entities.iter().map(|e| (e.id.as_str(), &e.aliases[..], &e.context[..])).collect();
        assert_eq!(summary.len(), 5, "{summary:?}");
        assert_eq!(summary[0], ("egypt", &["مصر".to_string(), "جمهورية مصر العربية".to_string()][..], &["EG".to_string()][..]));
        assert_eq!(world.entities[0].demonyms, ["المصري", "المصرية"]);
        assert_eq!((summary[1].0, summary[1].1), ("kuwait", &["الكويت".to_string()][..]));
        assert_eq!((summary[2].0, summary[2].1), ("palestinian-territories", &["فلسطين".to_string()][..]));
        // Cairo's English name comes from its zone, its country from the zone's BCP 47 key;
        // Kuwait City is Kuwait; Etc/Unknown is no city.
        assert_eq!(summary[3], ("cairo", &["القاهرة".to_string()][..], &["EG".to_string()][..]));
        assert_eq!((summary[4].0, summary[4].1), ("sisi", &["عبد الفتاح السيسي".to_string(), "السيسي".to_string()][..]));
        assert!(world.entities[4].source.contains("President of Egypt"), "{}", world.entities[4].source);
        assert!(world.sources[0].contains("48.2.0"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_repeated_id_or_an_entity_without_aliases_stops_the_build_with_their_names() {
        let dir = std::env::temp_dir().join(format!("siyaq-world-bad-{}", std::process::id()));
        cldr(&dir.join("cldr"));
        let twice = format!("{SISI}\n{}", SISI.replace("aliases = [\"عبد الفتاح السيسي\", \" السيسي \"]", "aliases = [\" \"]"));
        curated(&dir.join("curated"), &twice);
        let error = build(&dir.join("curated"), &dir.join("cldr"), "48.2.0").unwrap_err();
        assert!(error.contains("sisi: a second entity") && error.contains("sisi: no alias"), "{error}");
        std::fs::write(dir.join("curated").join(COUNTRIES_FILE), "[[country]]\ncode = \"XY\"\nsource = \"test\"\n").unwrap();
        std::fs::write(dir.join("curated").join("people.toml"), SISI).unwrap();
        assert!(build(&dir.join("curated"), &dir.join("cldr"), "48.2.0").unwrap_err().contains("XY is not a CLDR territory code"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Côte d’Ivoire"), "cote-divoire");
        assert_eq!(slug("Recep Tayyip Erdoğan"), "recep-tayyip-erdogan");
        assert_eq!(slug("St. Barthélemy"), "st-barthelemy");
        assert_eq!(slug("Bosnia & Herzegovina"), "bosnia-herzegovina");
    }
}
