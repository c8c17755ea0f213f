//! The corpus pack: one file that carries a whole corpus to the page.
//!
//! On disk and on the wire a pack is gzip-compressed (the browser inflates it with its own
//! `DecompressionStream`, so the wasm carries no inflater). Inflated, it is one line of JSON, the
//! *header* (format, version, name, each file's name, hash and length in bytes, the documents, the
//! entity list, what the build skipped), a `\n`, then the files' texts one after another, as
//! UTF-8, in the header's order. The texts are not JSON strings, so reading a pack of 50 MB costs
//! no unescaping and no second copy: every file is a span of the one buffer the pack was read into.
//!
//! The `format` number changes whenever a reader of an older format could misread a pack.
//! Everything in a pack is checked before use: a pack can come from anywhere a link points.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use siyaq_engine::SharedText;
use siyaq_engine::gazetteer::Entity;

/// The pack format this build reads and writes. (Format 1, of the first builds that read packs,
/// held the texts as JSON strings.)
pub const FORMAT: u32 = 2;

/// A pack: a whole corpus, as written and as read back.
#[derive(Clone, Debug, PartialEq)]
pub struct Pack {
    pub format: u32,
    /// A content hash of everything else in the pack, worked out when the pack is written.
    pub version: String,
    /// What the corpus calls itself: the folder it was built from.
    pub name: String,
    pub files: Vec<FileRecord>,
    pub documents: Vec<DocumentRecord>,
    pub entities: Vec<Entity>,
    /// What the build left out of the folder, and why: the page lists it, so nothing is
    /// dropped without a word.
    pub skipped: Vec<SkippedFile>,
}

/// The pack's first line. It borrows when written and owns when read.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Header<'a> {
    format: u32,
    version: Cow<'a, str>,
    #[serde(default)]
    name: Cow<'a, str>,
    files: Vec<FileEntry<'a>>,
    documents: Cow<'a, [DocumentRecord]>,
    #[serde(default)]
    entities: Cow<'a, [Entity]>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    skipped: Cow<'a, [SkippedFile]>,
}

/// A file as the header lists it: its text follows the header.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileEntry<'a> {
    name: Cow<'a, str>,
    sha256: Cow<'a, str>,
    bytes: usize,
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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileRecord {
    /// The file's path in the corpus folder; `table.csv#12` for the 12th record of a table.
    pub name: String,
    /// Hex SHA-256 of the file as received.
    pub sha256: String,
    /// Held once: documents and the index share it.
    pub text: SharedText,
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
    /// Not a pack at all: no header, a header of another shape, or texts that do not match it.
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
pub fn format_of(bytes: &[u8]) -> Option<u32> {
    #[derive(Deserialize)]
    struct FormatOnly {
        format: u32,
    }
    serde_json::from_slice::<FormatOnly>(header_line(bytes)).ok().map(|h| h.format)
}

/// The header's bytes: everything before the first `\n` (JSON as written here holds none).
fn header_line(bytes: &[u8]) -> &[u8] {
    bytes.split(|&b| b == b'\n').next().unwrap_or_default()
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
        let lines_in_files: Vec<usize> = self.files.iter().map(|f| line_count(&f.text)).collect();
        self.file_of_each_document_with(&lines_in_files)
    }

    /// [`Pack::file_of_each_document`], given the number of lines of each file (a reader that
    /// has cut the files into lines already need not count them again).
    pub fn file_of_each_document_with(&self, lines_in_files: &[usize]) -> Result<Vec<usize>, PackError> {
        if self.format != FORMAT {
            return Err(PackError::UnknownFormat(self.format));
        }
        if self.documents.is_empty() {
            return Err(PackError::NoDocuments);
        }
        let mut by_name = std::collections::HashMap::with_capacity(self.files.len());
        for ((i, file), &lines) in self.files.iter().enumerate().zip(lines_in_files) {
            if by_name.insert(file.name.as_str(), (i, lines)).is_some() {
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

    /// The pack as written to disk before compression: the header, `\n`, the texts.
    pub fn to_bytes(&self) -> Vec<u8> {
        let header = Header {
            format: self.format,
            version: Cow::Borrowed(&self.version),
            name: Cow::Borrowed(&self.name),
            files: self
                .files
                .iter()
                .map(|f| FileEntry { name: Cow::Borrowed(&f.name), sha256: Cow::Borrowed(&f.sha256), bytes: f.text.len() })
                .collect(),
            documents: Cow::Borrowed(&self.documents),
            entities: Cow::Borrowed(&self.entities),
            skipped: Cow::Borrowed(&self.skipped),
        };
        let mut bytes = serde_json::to_vec(&header).expect("a pack's header always serializes");
        bytes.push(b'\n');
        for file in &self.files {
            bytes.extend_from_slice(file.text.as_bytes());
        }
        bytes
    }

    /// Reads a pack (already inflated). The texts are not copied: every file's text is a span of
    /// `bytes`, which the pack keeps. Only the header is checked here; [`Pack::check`] does the rest.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Pack, PackError> {
        let header_end = bytes.iter().position(|&b| b == b'\n');
        let header: Header = match serde_json::from_slice(&bytes[..header_end.unwrap_or(bytes.len())]) {
            Ok(header) => header,
            // A newer format may add fields this build refuses: its number says more than that.
            Err(e) => {
                return Err(match format_of(&bytes) {
                    Some(format) if format != FORMAT => PackError::UnknownFormat(format),
                    _ => PackError::Unreadable(e.to_string()),
                });
            }
        };
        if header.format != FORMAT {
            return Err(PackError::UnknownFormat(header.format));
        }
        let texts_start = header_end.map_or(bytes.len(), |end| end + 1);
        let spans = file_spans(&header.files, texts_start, bytes.len())?;
        let all = Arc::new(String::from_utf8(bytes).map_err(|e| {
            PackError::Unreadable(format!("the text is not UTF-8 at byte {}", e.utf8_error().valid_up_to()))
        })?);
        let files = header
            .files
            .into_iter()
            .zip(spans)
            .map(|(entry, span)| {
                let text = SharedText::checked(all.clone(), span).ok_or_else(|| {
                    PackError::Unreadable(format!("the text of {} does not start or end on a character", entry.name))
                })?;
                Ok(FileRecord { name: entry.name.into_owned(), sha256: entry.sha256.into_owned(), text })
            })
            .collect::<Result<_, PackError>>()?;
        Ok(Pack {
            format: header.format,
            version: header.version.into_owned(),
            name: header.name.into_owned(),
            files,
            documents: header.documents.into_owned(),
            entities: header.entities.into_owned(),
            skipped: header.skipped.into_owned(),
        })
    }
}

/// Where each file's text lies in a pack of `total` bytes whose texts start at `start`: one after
/// another, filling the rest of the pack exactly.
fn file_spans(files: &[FileEntry], start: usize, total: usize) -> Result<Vec<Range<usize>>, PackError> {
    let mut at = start;
    let mut spans = Vec::with_capacity(files.len());
    for file in files {
        let end = at.checked_add(file.bytes).filter(|&end| end <= total).ok_or_else(|| {
            PackError::Unreadable(format!("the pack ends inside the text of {}", file.name))
        })?;
        spans.push(at..end);
        at = end;
    }
    if at != total {
        return Err(PackError::Unreadable(format!("{} bytes follow the last file's text", total - at)));
    }
    Ok(spans)
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
