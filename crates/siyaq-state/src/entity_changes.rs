//! The user's changes to the bundled entity list as the value of a link's `entities=` parameter.
//!
//! A link must carry hundreds of edits and stay short enough for address bars and servers, so the
//! changes are written compactly: JSON arrays without key names, and an edited bundled entity as
//! what changed in it rather than whole. The page then compresses that text (deflate, done by the
//! browser's own `CompressionStream`: a compressor in the wasm would cost more than the whole
//! first-load budget allows), which this crate cannot do; it only tells the forms apart:
//!
//! | value starts with | what follows |
//! |---|---|
//! | `1` | base64url of the compact JSON |
//! | `2` | base64url of the compact JSON, deflated (raw deflate) |
//! | `e` | base64url of the JSON of `GazetteerChanges` (links made before the compact form) |
//! | `too-many` | nothing: the sender's edits did not fit in a link |
//!
//! Reading is total: any value gives changes or a problem that says what was wrong.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::de::{self, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use siyaq_engine::gazetteer::{Entity, EntityKind, ExcludedMention, Gazetteer, GazetteerChanges};

/// Longer values are refused unread; a link must also get past servers that bound the request's
/// head (16 KiB for `cargo xtask serve`), so the page aims well under this.
pub const MAX_VALUE_CHARS: usize = 40_000;
/// The compact JSON, once inflated, is at most this long: a small deflated value can inflate a
/// thousandfold.
pub const MAX_COMPACT_BYTES: usize = 512 * 1024;
/// The most entities a link may change or remove. Applying changes compares them with one another
/// and with the list, so the work grows with the square of this.
pub const MAX_ENTITIES: usize = 2_000;
/// The value written when the edits do not fit: a reader can then say so instead of silently
/// showing the bundled list.
pub const TOO_MANY: &str = "too-many";

const COMPACT: char = '1';
const DEFLATED: char = '2';

/// Why a link's `entities=` value was not used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangesProblem {
    /// Longer than `MAX_VALUE_CHARS` (its length in characters).
    TooLong(usize),
    /// The sender's edits were too many for a link (`TOO_MANY`).
    LeftOut,
    /// Not any of the forms above, or broken inside.
    Unreadable,
    /// More entities or text than a link may carry.
    TooBig,
    /// Names a bundled entity this version does not have (the link was made against another list).
    UnknownEntity(String),
    /// This browser cannot inflate the compressed form.
    CannotInflate,
}

impl ChangesProblem {
    /// A sentence for the link's notice.
    pub fn message_en(&self) -> String {
        match self {
            ChangesProblem::TooLong(chars) => {
                format!("The link's entity list is too long to read ({chars} characters; at most {MAX_VALUE_CHARS}), so the bundled list is shown.")
            }
            ChangesProblem::LeftOut => {
                "The sender's edits to the entity list were too many for a link (ask them to export the list), so the bundled list is shown.".to_string()
            }
            ChangesProblem::Unreadable => "The link's entity list could not be read, so the bundled list is shown.".to_string(),
            ChangesProblem::TooBig => "The link's entity list is larger than a link may carry, so the bundled list is shown.".to_string(),
            ChangesProblem::UnknownEntity(id) => {
                format!("The link's entity list changes an entity this version does not have (“{}”), so the bundled list is shown.", cut(id, 20))
            }
            ChangesProblem::CannotInflate => "This browser cannot read the link's compressed entity list, so the bundled list is shown.".to_string(),
        }
    }

    pub fn message_ar(&self) -> String {
        match self {
            ChangesProblem::TooLong(chars) => {
                format!("قائمة الكيانات في الرابط أطول من أن تُقرأ ({chars} حرفًا، والحد {MAX_VALUE_CHARS})، فعُرضت القائمة المرفقة.")
            }
            ChangesProblem::LeftOut => "تعديلات المرسل على قائمة الكيانات أكثر مما يحمله رابط (اطلب منه تصدير القائمة)، فعُرضت القائمة المرفقة.".to_string(),
            ChangesProblem::Unreadable => "تعذّرت قراءة قائمة الكيانات في الرابط، فعُرضت القائمة المرفقة.".to_string(),
            ChangesProblem::TooBig => "قائمة الكيانات في الرابط أكبر مما يحمله رابط، فعُرضت القائمة المرفقة.".to_string(),
            ChangesProblem::UnknownEntity(id) => format!("تعدّل قائمة الرابط كيانًا ليس في هذه النسخة («{}»)، فعُرضت القائمة المرفقة.", cut(id, 20)),
            ChangesProblem::CannotInflate => "لا يستطيع هذا المتصفح قراءة قائمة الكيانات المضغوطة في الرابط، فعُرضت القائمة المرفقة.".to_string(),
        }
    }
}

/// At most `most` characters of `text`, marked when cut.
pub(crate) fn cut(text: &str, most: usize) -> String {
    let mut chars = text.chars();
    let start: String = chars.by_ref().take(most).collect();
    if chars.next().is_some() { format!("{start}…") } else { start }
}

/// What a link's value holds, before the page inflates a compressed one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkChanges {
    Ready(GazetteerChanges),
    /// Deflated compact JSON: `from_compact` reads it once the browser has inflated it.
    Deflated(Vec<u8>),
}

/// Reads an `entities=` value against the list it changes.
pub fn read_value(value: &str, base: &Gazetteer) -> Result<LinkChanges, ChangesProblem> {
    // Counted in bytes first, so a huge value costs nothing to refuse.
    if value.len() > MAX_VALUE_CHARS {
        let chars = value.chars().count();
        if chars > MAX_VALUE_CHARS {
            return Err(ChangesProblem::TooLong(chars));
        }
    }
    if value == TOO_MANY {
        return Err(ChangesProblem::LeftOut);
    }
    let mut chars = value.chars();
    match chars.next() {
        Some(COMPACT) => from_compact(&unbase64(chars.as_str())?, base).map(LinkChanges::Ready),
        Some(DEFLATED) => Ok(LinkChanges::Deflated(unbase64(chars.as_str())?)),
        Some('e') => legacy(&unbase64(value)?).map(LinkChanges::Ready),
        _ => Err(ChangesProblem::Unreadable),
    }
}

fn unbase64(text: &str) -> Result<Vec<u8>, ChangesProblem> {
    URL_SAFE_NO_PAD.decode(text).map_err(|_| ChangesProblem::Unreadable)
}

/// JSON is read from text, as the saved entity list is: the wasm then holds one reader of each
/// type, not one for text and another for bytes.
fn text(bytes: &[u8]) -> Result<&str, ChangesProblem> {
    std::str::from_utf8(bytes).map_err(|_| ChangesProblem::Unreadable)
}

/// The JSON of `GazetteerChanges`, as links carried it before the compact form.
fn legacy(json: &[u8]) -> Result<GazetteerChanges, ChangesProblem> {
    let changes: GazetteerChanges = serde_json::from_str(text(json)?).map_err(|_| ChangesProblem::Unreadable)?;
    if changes.entities.len() > MAX_ENTITIES || changes.removed.len() > MAX_ENTITIES {
        return Err(ChangesProblem::TooBig);
    }
    Ok(changes)
}

/// The value for `changes` in the compact form, uncompressed; `TOO_MANY` when it does not fit.
pub fn compact_value(changes: &GazetteerChanges, base: &Gazetteer) -> String {
    let value = format!("{COMPACT}{}", URL_SAFE_NO_PAD.encode(to_compact(changes, base)));
    if value.len() <= MAX_VALUE_CHARS { value } else { TOO_MANY.to_string() }
}

/// The value for compact JSON the browser has deflated; `TOO_MANY` when it does not fit.
pub fn deflated_value(deflated: &[u8]) -> String {
    let value = format!("{DEFLATED}{}", URL_SAFE_NO_PAD.encode(deflated));
    if value.len() <= MAX_VALUE_CHARS { value } else { TOO_MANY.to_string() }
}

/// `changes` as compact JSON: `[removed ids, entries]`, an entry either a whole entity
/// `[id, name_ar, name_en, kind, aliases, demonyms?]` or a change to a bundled one
/// `[id, {"n": name_ar, "e": name_en, "k": kind, "a": added aliases, "x": removed aliases,
/// "d": added demonyms, "y": removed demonyms}]` (each key only when needed). Written and read
/// through typed serde rather than `serde_json::Value`, which would weigh on the first load.
pub fn to_compact(changes: &GazetteerChanges, base: &Gazetteer) -> Vec<u8> {
    let entries: Vec<EntryOut> = changes
        .entities
        .iter()
        .map(|entity| match base.get(&entity.id).and_then(|before| delta(before, entity)) {
            Some(delta) => EntryOut::Delta(&entity.id, delta),
            None if entity.demonyms.is_empty() => EntryOut::Whole(&entity.id, &entity.name_ar, &entity.name_en, kind_number(entity.kind), &entity.aliases),
            None => EntryOut::WholeWithDemonyms(&entity.id, &entity.name_ar, &entity.name_en, kind_number(entity.kind), &entity.aliases, &entity.demonyms),
        })
        .collect();
    if changes.excluded.is_empty() {
        serde_json::to_vec(&(&changes.removed, entries)).unwrap_or_default()
    } else {
        let excluded: Vec<(&str, u32, &str)> = changes.excluded.iter().map(|m| (m.document.as_str(), m.start, m.entity.as_str())).collect();
        serde_json::to_vec(&(&changes.removed, entries, excluded)).unwrap_or_default()
    }
}

#[derive(Serialize)]
#[serde(untagged)]
enum EntryOut<'a> {
    Delta(&'a str, Delta),
    Whole(&'a str, &'a str, &'a str, u8, &'a [String]),
    WholeWithDemonyms(&'a str, &'a str, &'a str, u8, &'a [String], &'a [String]),
}

/// What changed in a bundled entity.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Delta {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    n: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    e: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    k: Option<u8>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    a: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    x: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    d: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    y: Vec<String>,
}

fn kind_number(kind: EntityKind) -> u8 {
    EntityKind::ALL.iter().position(|k| *k == kind).and_then(|n| u8::try_from(n).ok()).unwrap_or(0)
}

fn kind_of(number: u8) -> Option<EntityKind> {
    EntityKind::ALL.get(usize::from(number)).copied()
}

/// What turns `before` into `after`, when removing spellings and adding others at the end gives
/// exactly `after`'s lists; `None` when only the whole entity says it.
fn delta(before: &Entity, after: &Entity) -> Option<Delta> {
    let changed = |was: &String, now: &String| (was != now).then(|| now.clone());
    let spellings = |was: &[String], now: &[String]| -> Option<(Vec<String>, Vec<String>)> {
        let gone: Vec<String> = was.iter().filter(|s| !now.contains(s)).cloned().collect();
        let added = now.get(was.len() - gone.len()..)?.to_vec();
        Some((added, gone))
    };
    let (a, x) = spellings(&before.aliases, &after.aliases)?;
    let (d, y) = spellings(&before.demonyms, &after.demonyms)?;
    let delta = Delta {
        n: changed(&before.name_ar, &after.name_ar),
        e: changed(&before.name_en, &after.name_en),
        k: (before.kind != after.kind).then(|| kind_number(after.kind)),
        a,
        x,
        d,
        y,
    };
    (apply(before, &after.id, &delta).as_ref() == Some(after)).then_some(delta)
}

/// `before` with `delta` applied; `None` when the delta names no kind there is.
fn apply(before: &Entity, id: &str, delta: &Delta) -> Option<Entity> {
    let changed = |list: &[String], added: &[String], removed: &[String]| -> Vec<String> {
        list.iter().filter(|s| !removed.contains(s)).chain(added).cloned().collect()
    };
    Some(Entity {
        id: id.to_string(),
        name_ar: delta.n.clone().unwrap_or_else(|| before.name_ar.clone()),
        name_en: delta.e.clone().unwrap_or_else(|| before.name_en.clone()),
        kind: delta.k.map_or(Some(before.kind), kind_of)?,
        aliases: changed(&before.aliases, &delta.a, &delta.x),
        demonyms: changed(&before.demonyms, &delta.d, &delta.y),
    })
}

/// The compact JSON as read: `[removed ids, entries]`, then the mentions left out by hand as
/// `[article id, start, entity id]` when there are any (links made before them have two parts).
struct Compact(Vec<String>, Vec<Entry>, Vec<(String, u32, String)>);

impl<'de> Deserialize<'de> for Compact {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CompactVisitor;
        impl<'de> Visitor<'de> for CompactVisitor {
            type Value = Compact;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("[removed ids, entries] or [removed ids, entries, mentions left out]")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Compact, A::Error> {
                let removed = seq.next_element()?.ok_or_else(|| de::Error::invalid_length(0, &self))?;
                let entries = seq.next_element()?.ok_or_else(|| de::Error::invalid_length(1, &self))?;
                let excluded = seq.next_element()?.unwrap_or_default();
                if seq.next_element::<IgnoredAny>()?.is_some() {
                    return Err(de::Error::invalid_length(4, &self));
                }
                Ok(Compact(removed, entries, excluded))
            }
        }
        deserializer.deserialize_seq(CompactVisitor)
    }
}

enum Entry {
    Delta(String, Delta),
    Whole(Entity),
}

/// The second element of an entry tells its shape: a name, or what changed.
enum Second {
    NameAr(String),
    Delta(Delta),
}

impl<'de> Deserialize<'de> for Entry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(EntryVisitor)
    }
}

struct EntryVisitor;

impl<'de> Visitor<'de> for EntryVisitor {
    type Value = Entry;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an entity or its changes")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Entry, A::Error> {
        fn next<'de, T: Deserialize<'de>, A: SeqAccess<'de>>(seq: &mut A, at: usize) -> Result<T, A::Error> {
            seq.next_element()?.ok_or_else(|| de::Error::invalid_length(at, &EntryVisitor))
        }
        let id: String = next(&mut seq, 0)?;
        let entry = match next(&mut seq, 1)? {
            Second::Delta(delta) => Entry::Delta(id, delta),
            Second::NameAr(name_ar) => {
                let name_en = next(&mut seq, 2)?;
                let number: u8 = next(&mut seq, 3)?;
                let kind = kind_of(number).ok_or_else(|| de::Error::invalid_value(de::Unexpected::Unsigned(number.into()), &"a kind from 0 to 3"))?;
                let aliases = next(&mut seq, 4)?;
                let demonyms = seq.next_element()?.unwrap_or_default();
                Entry::Whole(Entity { id, name_ar, name_en, kind, aliases, demonyms })
            }
        };
        if seq.next_element::<IgnoredAny>()?.is_some() {
            return Err(de::Error::invalid_length(7, &self));
        }
        Ok(entry)
    }
}

impl<'de> Deserialize<'de> for Second {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(SecondVisitor)
    }
}

struct SecondVisitor;

impl<'de> Visitor<'de> for SecondVisitor {
    type Value = Second;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a name or an entity's changes")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Second, E> {
        Ok(Second::NameAr(name.to_string()))
    }

    fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<Second, M::Error> {
        Delta::deserialize(de::value::MapAccessDeserializer::new(map)).map(Second::Delta)
    }
}

/// Reads compact JSON (see `to_compact`) against the list it changes.
pub fn from_compact(bytes: &[u8], base: &Gazetteer) -> Result<GazetteerChanges, ChangesProblem> {
    if bytes.len() > MAX_COMPACT_BYTES {
        return Err(ChangesProblem::TooBig);
    }
    let Compact(removed, entries, excluded) = serde_json::from_str(text(bytes)?).map_err(|_| ChangesProblem::Unreadable)?;
    if removed.len() > MAX_ENTITIES || entries.len() > MAX_ENTITIES || excluded.len() > MAX_ENTITIES {
        return Err(ChangesProblem::TooBig);
    }
    let excluded = excluded.into_iter().map(|(document, start, entity)| ExcludedMention { document, start, entity }).collect();
    let entities = entries
        .into_iter()
        .map(|entry| match entry {
            Entry::Whole(entity) => Ok(entity),
            Entry::Delta(id, delta) => {
                let before = base.get(&id).ok_or_else(|| ChangesProblem::UnknownEntity(id.clone()))?;
                apply(before, &id, &delta).ok_or(ChangesProblem::Unreadable)
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(GazetteerChanges { removed, entities, excluded })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Gazetteer {
        Gazetteer {
            entities: vec![
                Entity {
                    id: "putin".into(),
                    name_ar: "فلاديمير بوتين".into(),
                    name_en: "Vladimir Putin".into(),
                    kind: EntityKind::Person,
                    aliases: vec!["فلاديمير بوتين".into(), "بوتين".into(), "الرئيس الروسي".into()],
                    demonyms: vec![],
                },
                Entity {
                    id: "russia".into(),
                    name_ar: "روسيا".into(),
                    name_en: "Russia".into(),
                    kind: EntityKind::Place,
                    aliases: vec!["روسيا".into(), "روسيا الاتحادية".into()],
                    demonyms: vec!["الروسية".into(), "الروس".into()],
                },
            ],
            excluded: vec![],
        }
    }

    fn edited() -> GazetteerChanges {
        let mut list = base();
        list.add_alias("putin", "بوتن").unwrap();
        list.remove_alias("russia", "الروس").unwrap();
        list.set_kind("russia", EntityKind::Other).unwrap();
        list.add_entity("قاسم جومارت توكاييف", "Kassym-Jomart Tokayev", EntityKind::Person).unwrap();
        list.exclude_mention(ExcludedMention { document: "wapo".into(), start: 42, entity: "putin".into() });
        list.changes_from(&base())
    }

    #[test]
    fn compact_changes_survive_the_round_trip() {
        let changes = edited();
        let value = compact_value(&changes, &base());
        assert!(value.starts_with('1'), "{value}");
        assert_eq!(read_value(&value, &base()), Ok(LinkChanges::Ready(changes.clone())));
        let json = String::from_utf8(to_compact(&changes, &base())).unwrap();
        // Edited bundled entities travel as what changed in them, new ones whole.
        assert!(json.contains(r#"["putin",{"a":["بوتن"]}]"#), "{json}");
        assert!(json.contains(r#"["russia",{"k":3,"y":["الروس"]}]"#), "{json}");
        assert!(json.contains(r#""Kassym-Jomart Tokayev",0,["قاسم جومارت توكاييف"]]"#), "{json}");
    }

    #[test]
    fn an_entity_whose_spellings_were_reordered_travels_whole() {
        let mut list = base();
        list.entities[0].aliases.reverse();
        list.entities.remove(1);
        let changes = list.changes_from(&base());
        let json = String::from_utf8(to_compact(&changes, &base())).unwrap();
        assert!(json.starts_with(r#"[["russia"],[["putin","#), "{json}");
        assert_eq!(from_compact(json.as_bytes(), &base()), Ok(changes));
    }

    #[test]
    fn links_made_before_the_compact_form_still_read() {
        let changes = edited();
        let old = URL_SAFE_NO_PAD.encode(serde_json::to_string(&changes).unwrap());
        assert!(old.starts_with("eyJ"));
        assert_eq!(read_value(&old, &base()), Ok(LinkChanges::Ready(changes)));
    }

    #[test]
    fn a_deflated_value_waits_for_the_browser() {
        assert_eq!(deflated_value(&[1, 2, 3]), "2AQID");
        assert_eq!(read_value("2AQID", &base()), Ok(LinkChanges::Deflated(vec![1, 2, 3])));
        assert_eq!(deflated_value(&vec![0; MAX_VALUE_CHARS]), TOO_MANY);
    }

    #[test]
    fn bad_values_are_refused_with_a_reason() {
        let b = base();
        let compact = |json: &str| format!("1{}", URL_SAFE_NO_PAD.encode(json));
        assert_eq!(read_value("", &b), Err(ChangesProblem::Unreadable));
        assert_eq!(read_value("%%%", &b), Err(ChangesProblem::Unreadable));
        assert_eq!(read_value("1!!", &b), Err(ChangesProblem::Unreadable));
        assert_eq!(read_value("ebad", &b), Err(ChangesProblem::Unreadable));
        assert_eq!(read_value("بوتين", &b), Err(ChangesProblem::Unreadable));
        assert_eq!(read_value(TOO_MANY, &b), Err(ChangesProblem::LeftOut));
        assert_eq!(read_value(&"1".repeat(MAX_VALUE_CHARS + 1), &b), Err(ChangesProblem::TooLong(MAX_VALUE_CHARS + 1)));
        // Long in bytes but not in characters is read (and refused for what it is).
        assert_eq!(read_value(&"ب".repeat(MAX_VALUE_CHARS), &b), Err(ChangesProblem::Unreadable));
        for json in [
            "{}",
            "[]",
            "[[],{}]",
            "[[1],[]]",
            "[[],[[]]]",
            "[[],[[\"x\"]]]",
            "[[],[[\"x\",\"a\",\"b\",4,[\"s\"]]]]",
            "[[],[[\"x\",\"a\",\"b\",-1,[\"s\"]]]]",
            "[[],[[\"x\",\"a\",\"b\",0,[\"s\"],[],[]]]]",
            "[[],[[\"x\",\"a\",\"b\",0,\"s\"]]]",
            "[[],[[\"putin\",{\"z\":1}]]]",
            "[[],[[\"putin\",{\"a\":\"s\"}]]]",
            "[[],[[\"putin\",{\"k\":1.5}]]]",
            "[[],[[\"putin\",{\"n\":1}]]]",
            "[[],[[\"putin\",{\"k\":4}]]]",
            "[[],[[\"putin\",{},1]]]",
            "[[],[[\"putin\",1]]]",
            "[[]]",
            "[[],[],[],[]]", "[[],[],[[\"a\",\"x\",\"b\"]]]",
        ] {
            assert_eq!(read_value(&compact(json), &b), Err(ChangesProblem::Unreadable), "{json}");
        }
        assert_eq!(read_value(&compact("[[],[[\"nobody\",{}]]]"), &b), Err(ChangesProblem::UnknownEntity("nobody".into())));
        let many = format!("[[{}],[]]", vec!["\"x\""; MAX_ENTITIES + 1].join(","));
        assert_eq!(from_compact(many.as_bytes(), &b), Err(ChangesProblem::TooBig));
        assert_eq!(from_compact(&vec![b' '; MAX_COMPACT_BYTES + 1], &b), Err(ChangesProblem::TooBig));
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(from_compact(deep.as_bytes(), &b), Err(ChangesProblem::Unreadable));
    }

    #[test]
    fn messages_quote_little() {
        let problem = ChangesProblem::UnknownEntity("x".repeat(5_000));
        assert!(problem.message_en().chars().count() < 200);
        assert!(problem.message_ar().chars().count() < 200);
        assert_eq!(cut("abc", 2), "ab…");
        assert_eq!(cut("ab", 2), "ab");
    }
}
