//! The user's corrections to a collection: an article removed, or its title, date or source
//! corrected. The texts are never touched; only the records that describe them. A change that
//! would make the pack unusable (a date that is no date, the last article removed) is refused
//! with the reason, and the collection stays as it was.

use serde::Deserialize;
use siyaq_corpus::{DocumentDate, Pack};

/// What the user asks to change.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Edits {
    /// Articles to remove, by id.
    #[serde(default)]
    pub remove: Vec<String>,
    /// Corrections of articles' details, by id.
    #[serde(default)]
    pub change: Vec<Change>,
}

/// New details of one article: a field given replaces the old one; an empty text clears it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Change {
    pub id: String,
    #[serde(default)]
    pub title: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
}

/// The note a corrected date carries, so that the page says where it came from.
pub const CORRECTED: &str = "corrected by the user";

/// The pack with `edits` made, versioned anew; or why they cannot be made.
pub fn edit(mut pack: Pack, edits: &Edits) -> Result<Pack, String> {
    for id in &edits.remove {
        if !pack.documents.iter().any(|d| &d.id == id) {
            return Err(format!("no article has the id {id}"));
        }
    }
    pack.documents.retain(|d| !edits.remove.contains(&d.id));
    if pack.documents.is_empty() {
        return Err("a collection keeps at least one article: delete the collection instead".into());
    }
    for change in &edits.change {
        let document = pack
            .documents
            .iter_mut()
            .find(|d| d.id == change.id)
            .ok_or_else(|| format!("no article has the id {}", change.id))?;
        if let Some(title) = &change.title {
            document.title = cleaned(title);
        }
        if let Some(source) = &change.source {
            document.source = cleaned(source);
            document.source_line = None;
        }
        if let Some(date) = &change.date {
            document.date = match cleaned(date) {
                None => None,
                Some(value) if is_date(&value) => Some(DocumentDate {
                    value,
                    inferred: false,
                    evidence: None,
                    note: Some(CORRECTED.into()),
                }),
                Some(value) => return Err(format!("{value} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")),
            };
        }
    }
    let used: std::collections::HashSet<String> = pack.documents.iter().map(|d| d.file.clone()).collect();
    pack.files.retain(|f| used.contains(&f.name));
    pack.version = siyaq_ingest::version_of(&pack);
    pack.check().map_err(|e| e.to_string())?;
    Ok(pack)
}

/// `text` trimmed, each run of white space one space; `None` when nothing is left.
fn cleaned(text: &str) -> Option<String> {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!joined.is_empty()).then_some(joined)
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real month and day.
fn is_date(value: &str) -> bool {
    let parts: Vec<&str> = value.split('-').collect();
    let number = |part: &str, digits: usize| (part.len() == digits && part.bytes().all(|b| b.is_ascii_digit())).then(|| part.parse::<u32>().ok()).flatten();
    match parts[..] {
        [year] => number(year, 4).is_some(),
        [year, month] => number(year, 4).is_some() && number(month, 2).is_some_and(|m| (1..=12).contains(&m)),
        [year, month, day] => match (number(year, 4), number(month, 2), number(day, 2)) {
            (Some(year), Some(month), Some(day)) if (1..=12).contains(&month) => {
                let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
                let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month as usize - 1];
                (1..=days).contains(&day)
            }
            _ => false,
        },
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::{Request, import};

    fn collection() -> Pack {
        let files = vec![
            ("a.txt".to_string(), Ok("قمة في أستانا\n\nاجتمع الوزراء في أستانا لبحث الأمن.".as_bytes().to_vec())),
            ("b.txt".to_string(), Ok("طرق جديدة\n\nأعلنت الحكومة خطة لتطوير الطرق بين البلدين.".as_bytes().to_vec())),
        ];
        let request = Request { name: "c".into(), files, existing: None, fallback_entities: None, keep_duplicates: false };
        import(request, &mut |_| {}).unwrap().pack.unwrap()
    }

    #[test]
    fn details_are_corrected_and_the_texts_untouched() {
        let before = collection();
        let edits = Edits {
            change: vec![Change { id: "a".into(), title: Some("  قمة  أستانا ".into()), date: Some("2022-01-16".into()), source: Some("وكالة الأنباء".into()) }],
            ..Edits::default()
        };
        let after = edit(before.clone(), &edits).unwrap();
        let a = &after.documents[0];
        assert_eq!(a.title.as_deref(), Some("قمة أستانا"));
        assert_eq!(a.date.as_ref().map(|d| (d.value.as_str(), d.note.as_deref())), Some(("2022-01-16", Some(CORRECTED))));
        assert_eq!(a.source.as_deref(), Some("وكالة الأنباء"));
        assert_eq!(after.files, before.files);
        assert_eq!(after.documents[1], before.documents[1]);
        assert_ne!(after.version, before.version);
        assert!(siyaq_corpus::Corpus::from_bytes(after.to_bytes()).is_ok());
    }

    #[test]
    fn an_empty_field_clears_it() {
        let edits = Edits { change: vec![Change { id: "a".into(), title: Some(" ".into()), ..Change::default() }], ..Edits::default() };
        assert_eq!(edit(collection(), &edits).unwrap().documents[0].title, None);
    }

    #[test]
    fn a_removed_article_takes_its_file_with_it() {
        let after = edit(collection(), &Edits { remove: vec!["b".into()], ..Edits::default() }).unwrap();
        assert_eq!(after.documents.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["a"]);
        assert_eq!(after.files.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), ["a.txt"]);
    }

    #[test]
    fn impossible_edits_are_refused_with_the_reason() {
        let refused = |edits: Edits| edit(collection(), &edits).unwrap_err();
        assert!(refused(Edits { remove: vec!["a".into(), "b".into()], ..Edits::default() }).contains("at least one article"));
        assert!(refused(Edits { remove: vec!["zz".into()], ..Edits::default() }).contains("zz"));
        for date in ["2022-13", "2022-02-30", "22-01-01", "يناير", "2022-1-5"] {
            let edits = Edits { change: vec![Change { id: "a".into(), date: Some(date.into()), ..Change::default() }], ..Edits::default() };
            assert!(refused(edits).contains("not a date"), "{date}");
        }
        assert!(is_date("2024-02-29") && !is_date("2023-02-29"));
    }

    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Any corrections the page may pass: a pack the page reads, or the reason, never a panic.
        #[test]
        fn any_edits_give_a_readable_pack_or_a_reason(
            remove in prop::collection::vec("[ab]|.{0,4}", 0..3),
            id in "[ab]|.{0,4}",
            title in prop::option::of(".{0,20}"),
            date in prop::option::of("[0-9-]{0,12}|.{0,6}"),
            source in prop::option::of(".{0,20}"),
        ) {
            let edits = Edits { remove, change: vec![Change { id, title, date, source }] };
            if let Ok(pack) = edit(collection(), &edits) {
                prop_assert!(siyaq_corpus::Corpus::from_bytes(pack.to_bytes()).is_ok());
            }
        }
    }
}
