//! `corpus.toml`: the manifest that says which lines of which file make each document, and what
//! those lines are. A folder that has one is built exactly as it says.
//!
//! Lines are counted from 1; `lines` is an inclusive range. Line roles, all optional:
//! `title_line` (the printed title; `title` records its text once), `duplicate_lines` (a repeated
//! title: shown, never counted), `byline_line`, `source_line`, `translator_line`, `heading_lines`.
//! Where no date is printed, `date` gives what the text implies, `date_inferred = true`, and
//! `date_evidence` quotes the words that imply it; `date_note` says how.

use serde::{Deserialize, Serialize};
use siyaq_corpus::{DocumentDate, DocumentRecord};

/// The manifest format this build reads and writes.
pub const MANIFEST_FORMAT: u32 = 1;

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: u32,
    #[serde(default)]
    pub file: Vec<FileEntry>,
    #[serde(default)]
    pub document: Vec<DocumentEntry>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct FileEntry {
    pub name: String,
    /// Hex SHA-256 of the file as received; checked when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    /// The encoding it was read in, when not UTF-8 (a label encoding_rs knows: windows-1256…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct DocumentEntry {
    pub id: String,
    pub file: String,
    pub lines: [usize; 2],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_line: Option<usize>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub duplicate_lines: Vec<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translator: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translator_line: Option<usize>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub heading_lines: Vec<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub date_inferred: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_evidence: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_note: Option<String>,
}

impl Manifest {
    pub fn parse(text: &str) -> Result<Manifest, String> {
        let manifest: Manifest = toml::from_str(text).map_err(|e| e.to_string())?;
        if manifest.format != MANIFEST_FORMAT {
            return Err(format!(
                "format {} is unknown; this build reads format {MANIFEST_FORMAT}",
                manifest.format
            ));
        }
        Ok(manifest)
    }

    /// The manifest as TOML, for the user to review and edit.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("a manifest always serializes")
    }
}

impl DocumentEntry {
    pub fn record(&self) -> DocumentRecord {
        DocumentRecord {
            id: self.id.clone(),
            file: self.file.clone(),
            lines: self.lines,
            title: self.title.clone(),
            title_line: self.title_line,
            duplicate_lines: self.duplicate_lines.clone(),
            author: self.author.clone(),
            byline_line: self.byline_line,
            source: self.source.clone(),
            source_line: self.source_line,
            translator: self.translator.clone(),
            translator_line: self.translator_line,
            heading_lines: self.heading_lines.clone(),
            date: self.date.as_ref().map(|value| DocumentDate {
                value: value.clone(),
                inferred: self.date_inferred,
                evidence: self.date_evidence.clone(),
                note: self.date_note.clone(),
            }),
        }
    }

    pub fn from_record(record: &DocumentRecord) -> DocumentEntry {
        let date = record.date.as_ref();
        DocumentEntry {
            id: record.id.clone(),
            file: record.file.clone(),
            lines: record.lines,
            title: record.title.clone(),
            title_line: record.title_line,
            duplicate_lines: record.duplicate_lines.clone(),
            author: record.author.clone(),
            byline_line: record.byline_line,
            source: record.source.clone(),
            source_line: record.source_line,
            translator: record.translator.clone(),
            translator_line: record.translator_line,
            heading_lines: record.heading_lines.clone(),
            date: date.map(|d| d.value.clone()),
            date_inferred: date.is_some_and(|d| d.inferred),
            date_evidence: date.and_then(|d| d.evidence.clone()),
            date_note: date.and_then(|d| d.note.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_reads_back_as_written() {
        let manifest = Manifest {
            format: MANIFEST_FORMAT,
            file: vec![
                FileEntry {
                    name: "مقال.txt".into(),
                    sha256: Some("ab".repeat(32)),
                    encoding: Some("windows-1256".into()),
                },
                FileEntry {
                    name: "t.csv#2".into(),
                    ..Default::default()
                },
            ],
            document: vec![DocumentEntry {
                id: "doc-001".into(),
                file: "مقال.txt".into(),
                lines: [1, 9],
                title: Some("عنوان \"مقتبس\"".into()),
                title_line: Some(1),
                duplicate_lines: vec![2],
                author: Some("سليم".into()),
                byline_line: Some(3),
                source: Some("وكالة".into()),
                source_line: Some(9),
                translator: Some("قسم".into()),
                translator_line: Some(8),
                heading_lines: vec![5, 6],
                date: Some("2022-01".into()),
                date_inferred: true,
                date_evidence: Some("في 10 كانون الثاني".into()),
                date_note: Some("The meeting is still to come.".into()),
            }],
        };
        assert_eq!(Manifest::parse(&manifest.to_toml()).unwrap(), manifest);
        assert!(
            Manifest::parse("format = 2")
                .unwrap_err()
                .contains("format 2")
        );
        assert!(Manifest::parse("format = 1\nsurprise = 1").is_err());
    }
}
