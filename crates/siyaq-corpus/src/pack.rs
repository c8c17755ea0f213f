//! The corpus pack: one file that carries a whole corpus to the page.
//!
//! On disk and on the wire a pack is gzip-compressed JSON (the browser inflates it with its own
//! `DecompressionStream`, so the wasm carries no inflater). Its `format` number changes whenever a
//! reader of an older format could misread it. Everything in a pack is checked before use: a pack
//! can come from anywhere a link points.

use serde::{Deserialize, Serialize};
use siyaq_engine::gazetteer::Entity;

/// The pack format this build reads and writes.
pub const FORMAT: u32 = 1;

/// A pack, as serialized.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    pub format: u32,
    /// A content hash of everything else in the pack, worked out when the pack is written.
    pub version: String,
    /// What the corpus calls itself: the folder it was built from.
    #[serde(default)]
    pub name: String,
    pub files: Vec<FileRecord>,
    pub documents: Vec<DocumentRecord>,
    #[serde(default)]
    pub entities: Vec<Entity>,
    /// What the build left out of the folder, and why: the page lists it, so nothing is
    /// dropped without a word.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<SkippedFile>,
}

/// A file (or a document, or a record of a table) the build left out.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct SkippedFile {
    /// The file's path in the folder, or `file: document id`.
    pub what: String,
    /// Why, in English, as the build printed it.
    pub why: String,
}

/// One source of text: a file as received, or the text read out of one (a page's article, a
/// record of a table), with `\n` between lines.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct FileRecord {
    /// The file's path in the corpus folder; `table.csv#12` for the 12th record of a table.
    pub name: String,
    /// Hex SHA-256 of the file as received.
    pub sha256: String,
    pub text: String,
}

/// When an article appeared: printed, or the month its text implies.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct DocumentDate {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub value: String,
    /// The text does not print this date; it implies it.
    #[serde(default)]
    pub inferred: bool,
    /// The words that give the date, verbatim (from the text, the file name or a table's column).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// How the evidence gives the date (English).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One article: a run of lines of one file, and the roles of some of those lines.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct DocumentRecord {
    /// Stable identifier used in links and exports.
    pub id: String,
    /// The name of its file.
    pub file: String,
    /// First and last line of the file, counted from 1, inclusive.
    pub lines: [usize; 2],
    /// The printed title, recorded once; `None` when the text prints no title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_line: Option<usize>,
    /// Lines repeating the title: shown, never counted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub duplicate_lines: Vec<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline_line: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_line: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translator: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translator_line: Option<usize>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub heading_lines: Vec<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<DocumentDate>,
}

/// Why a pack cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackError {
    /// Not a pack at all: not JSON, or JSON of another shape.
    Unreadable(String),
    /// A pack of a format this build does not know (a newer siyaq wrote it).
    UnknownFormat(u32),
    /// A pack without a single document.
    NoDocuments,
    DuplicateFile(String),
    DuplicateDocument(String),
    /// A document with an empty id, or one a link could not carry.
    BadId(String),
    /// A document names a file the pack does not carry.
    MissingFile { document: String, file: String },
    /// A document's lines, or one of its line roles, lie outside its file or its range.
    BadLines { document: String, line: usize, lines_in_file: usize },
}

impl std::fmt::Display for PackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PackError::Unreadable(reason) => write!(f, "not a corpus pack: {reason}"),
            PackError::UnknownFormat(n) => write!(f, "corpus pack format {n}; this build reads format {FORMAT}"),
            PackError::NoDocuments => write!(f, "the corpus pack has no document"),
            PackError::DuplicateFile(name) => write!(f, "file {name} appears twice"),
            PackError::DuplicateDocument(id) => write!(f, "document id {id} appears twice"),
            PackError::BadId(id) => write!(f, "document id {id:?} is not usable (letters, digits, - _ . only)"),
            PackError::MissingFile { document, file } => write!(f, "document {document} names a missing file {file}"),
            PackError::BadLines { document, line, lines_in_file } => {
                write!(f, "document {document}: line {line} is outside its range or its file of {lines_in_file} lines")
            }
        }
    }
}

impl std::error::Error for PackError {}

/// The format number of a pack that could not be read whole, if it has one.
pub fn format_of(json: &[u8]) -> Option<u32> {
    #[derive(Deserialize)]
    struct Header {
        format: u32,
    }
    serde_json::from_slice::<Header>(json).ok().map(|h| h.format)
}

/// Whether `id` is fit for links and exports: 1 to 200 ASCII letters, digits, `-`, `_` or `.`.
pub fn is_usable_id(id: &str) -> bool {
    (1..=200).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
}

impl Pack {
    /// Every check [`crate::Corpus::from_pack`] relies on.
    pub fn check(&self) -> Result<(), PackError> {
        self.file_of_each_document().map(|_| ())
    }

    /// Checks the pack and gives the index of each document's file, in document order. Files are
    /// found by name once each, not once per document: a pack may hold thousands of both.
    pub fn file_of_each_document(&self) -> Result<Vec<usize>, PackError> {
        if self.format != FORMAT {
            return Err(PackError::UnknownFormat(self.format));
        }
        if self.documents.is_empty() {
            return Err(PackError::NoDocuments);
        }
        let mut by_name = std::collections::HashMap::with_capacity(self.files.len());
        for (i, file) in self.files.iter().enumerate() {
            if by_name.insert(file.name.as_str(), (i, line_count(&file.text))).is_some() {
                return Err(PackError::DuplicateFile(file.name.clone()));
            }
        }
        let mut ids = std::collections::HashSet::with_capacity(self.documents.len());
        self.documents
            .iter()
            .map(|doc| {
                if !is_usable_id(&doc.id) {
                    return Err(PackError::BadId(doc.id.clone()));
                }
                if !ids.insert(doc.id.as_str()) {
                    return Err(PackError::DuplicateDocument(doc.id.clone()));
                }
                let Some(&(file, lines_in_file)) = by_name.get(doc.file.as_str()) else {
                    return Err(PackError::MissingFile { document: doc.id.clone(), file: doc.file.clone() });
                };
                check_lines(doc, lines_in_file).map(|()| file)
            })
            .collect()
    }

    /// The pack as JSON, uncompressed.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a pack always serializes")
    }
}

/// Checks that `doc` names one of `files` and that its lines and line roles lie inside that file
/// and its own range.
pub fn check_document(files: &[FileRecord], doc: &DocumentRecord) -> Result<(), PackError> {
    let Some(file) = files.iter().find(|f| f.name == doc.file) else {
        return Err(PackError::MissingFile { document: doc.id.clone(), file: doc.file.clone() });
    };
    check_lines(doc, line_count(&file.text))
}

/// Lines in `text`, as `split('\n')` cuts them.
fn line_count(text: &str) -> usize {
    text.bytes().filter(|&b| b == b'\n').count() + 1
}

/// Checks that `doc`'s lines and line roles lie inside a file of `lines_in_file` lines and its
/// own range.
fn check_lines(doc: &DocumentRecord, lines_in_file: usize) -> Result<(), PackError> {
    let [first, last] = doc.lines;
    let bad = |line| PackError::BadLines { document: doc.id.clone(), line, lines_in_file };
    if first == 0 || first > last {
        return Err(bad(first));
    }
    if last > lines_in_file {
        return Err(bad(last));
    }
    let roles = [doc.title_line, doc.byline_line, doc.source_line, doc.translator_line];
    let listed = doc.duplicate_lines.iter().chain(&doc.heading_lines).copied();
    match roles.into_iter().flatten().chain(listed).find(|l| !(first..=last).contains(l)) {
        Some(line) => Err(bad(line)),
        None => Ok(()),
    }
}
