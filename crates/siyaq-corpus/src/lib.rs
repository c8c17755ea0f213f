//! The corpus bundled with siyaq: five article files, compiled in byte for byte, and the
//! documents `corpus/corpus.toml` cuts them into.
//!
//! A document is a run of whole lines of one file. Its lines carry roles (title, repeated title,
//! byline, source, translator, subheading, body); a repeated title is shown but never counted.

use std::ops::Range;

use siyaq_engine::gazetteer::{Entity, EntityKind, Gazetteer};
use siyaq_engine::{DocumentInput, Index, Steps};

/// One bundled file, exactly as received.
#[derive(Debug)]
pub struct CorpusFile {
    pub name: &'static str,
    /// Hex SHA-256 of the file as received, recorded in the manifest.
    pub sha256: &'static str,
    pub text: &'static str,
}

/// When an article appeared: printed, or the month its text implies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocumentDate {
    /// `YYYY-MM` or `YYYY-MM-DD`.
    pub value: &'static str,
    /// The text does not print this date; it implies it.
    pub inferred: bool,
    /// The words of the article that imply an inferred date, verbatim.
    pub evidence: Option<&'static str>,
    /// How the evidence gives the date (English).
    pub note: Option<&'static str>,
}

/// One article of the corpus.
#[derive(Debug)]
pub struct Document {
    /// Stable identifier used in links and exports.
    pub id: &'static str,
    pub file_index: usize,
    /// First and last line of the file that belong to this document, counted from 1.
    pub first_line: usize,
    pub last_line: usize,
    /// Byte range of the document's text in its file, worked out by build.rs from the lines.
    text_span: Range<usize>,
    /// The printed title, recorded once; `None` when the text prints no title.
    pub title: Option<&'static str>,
    pub title_line: Option<usize>,
    pub duplicate_lines: &'static [usize],
    pub author: Option<&'static str>,
    pub byline_line: Option<usize>,
    pub source: Option<&'static str>,
    pub source_line: Option<usize>,
    pub translator: Option<&'static str>,
    pub translator_line: Option<usize>,
    pub heading_lines: &'static [usize],
    pub date: DocumentDate,
}

/// An entity of the bundled gazetteer, `corpus/entities.toml`.
#[derive(Debug)]
pub struct BundledEntity {
    pub id: &'static str,
    pub name_ar: &'static str,
    pub name_en: &'static str,
    pub kind: EntityKind,
    pub aliases: &'static [&'static str],
    pub demonyms: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/corpus_data.rs"));

/// The role of a line inside its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LineRole {
    Title,
    /// A repeated title: shown, never counted.
    DuplicateTitle,
    Byline,
    Source,
    Translator,
    Heading,
    Body,
    /// Only whitespace.
    Blank,
}

impl LineRole {
    /// Whether words on a line of this role count in statistics.
    pub fn is_counted(self) -> bool {
        !matches!(self, LineRole::DuplicateTitle | LineRole::Blank)
    }
}

/// How a document is named in lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Heading {
    /// The title the article prints.
    Printed(&'static str),
    /// No title is printed: the article's opening words stand in for one.
    Opening(String),
}

impl Heading {
    pub fn text(&self) -> &str {
        match self {
            Heading::Printed(title) => title,
            Heading::Opening(words) => words,
        }
    }
}

/// How many opening words name an untitled document.
const OPENING_WORDS: usize = 7;

/// One line of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Line number in its file, counted from 1.
    pub number: usize,
    /// The line without its line break.
    pub text: &'static str,
    /// Byte range of `text` in the file.
    pub span: Range<usize>,
    pub role: LineRole,
}

/// All bundled files, in manifest order.
pub fn files() -> &'static [CorpusFile] {
    FILES
}

/// All documents, in manifest order.
pub fn documents() -> &'static [Document] {
    DOCUMENTS
}

/// An index of the whole bundled corpus, normalized with `steps`.
/// The bundled gazetteer, as a list the user can edit.
pub fn gazetteer() -> Gazetteer {
    let owned = |list: &[&str]| list.iter().map(|s| s.to_string()).collect();
    Gazetteer {
        entities: ENTITIES
            .iter()
            .map(|e| Entity {
                id: e.id.to_string(),
                name_ar: e.name_ar.to_string(),
                name_en: e.name_en.to_string(),
                kind: e.kind,
                aliases: owned(e.aliases),
                demonyms: owned(e.demonyms),
            })
            .collect(),
    }
}

pub fn build_index(steps: Steps) -> Index {
    Index::build(DOCUMENTS.iter().map(Document::index_input), steps)
}

/// A deterministic synthetic corpus of about `megabytes` MB, in documents of about 50 KB, drawn
/// from the counted lines of the bundled articles (see `siyaq_engine::synth`).
pub fn synthetic(megabytes: usize) -> Vec<String> {
    let samples: Vec<&str> = DOCUMENTS.iter().flat_map(|d| d.counted_lines().map(|l| l.text)).collect();
    siyaq_engine::synth::generate(&samples, megabytes * 1_000_000, 50_000, 2022)
}

pub fn document(id: &str) -> Option<&'static Document> {
    DOCUMENTS.iter().find(|d| d.id == id)
}

impl CorpusFile {
    /// Lines of the file with their byte spans (without the `\n`), numbered from 1.
    pub fn lines(&self) -> impl Iterator<Item = (usize, Range<usize>)> + '_ {
        let mut start = 0;
        self.text.split('\n').enumerate().map(move |(i, line)| {
            let span = start..start + line.len();
            start = span.end + 1;
            (i + 1, span)
        })
    }

    pub fn line_count(&self) -> usize {
        self.lines().count()
    }
}

impl Document {
    pub fn file(&self) -> &'static CorpusFile {
        &FILES[self.file_index]
    }

    /// The document's lines, in order, with their roles.
    pub fn lines(&self) -> impl Iterator<Item = Line> + '_ {
        let file = self.file();
        file.lines()
            .filter(|(n, _)| (self.first_line..=self.last_line).contains(n))
            .map(move |(number, span)| {
                let text = &file.text[span.clone()];
                Line { number, role: self.role_of(number, text), text, span }
            })
    }

    /// The document's text: from the start of its first line to the end of its last.
    pub fn text(&self) -> &'static str {
        &self.file().text[self.span()]
    }

    /// Byte range of [`Document::text`] in its file.
    pub fn span(&self) -> Range<usize> {
        self.text_span.clone()
    }

    /// Byte ranges of [`Document::text`] whose words are shown but never counted.
    pub fn uncounted_ranges(&self) -> Vec<Range<usize>> {
        let offset = self.span().start;
        self.lines()
            .filter(|l| l.role == LineRole::DuplicateTitle)
            .map(|l| l.span.start - offset..l.span.end - offset)
            .collect()
    }

    /// The document as the engine indexes it.
    pub fn index_input(&self) -> DocumentInput<'static> {
        DocumentInput { id: self.id, text: self.text(), uncounted: self.uncounted_ranges() }
    }

    /// The lines whose words count in statistics.
    pub fn counted_lines(&self) -> impl Iterator<Item = Line> + '_ {
        self.lines().filter(|l| l.role.is_counted())
    }

    /// Words and numbers in the document, by the engine's tokenizer, repeated titles excluded.
    pub fn word_count(&self) -> usize {
        self.counted_lines().map(|l| siyaq_engine::word_count(l.text)).sum()
    }

    fn role_of(&self, number: usize, text: &str) -> LineRole {
        let is = |line: Option<usize>| line == Some(number);
        if self.duplicate_lines.contains(&number) {
            LineRole::DuplicateTitle
        } else if is(self.title_line) {
            LineRole::Title
        } else if is(self.byline_line) {
            LineRole::Byline
        } else if is(self.translator_line) {
            LineRole::Translator
        } else if self.heading_lines.contains(&number) {
            LineRole::Heading
        } else if text.trim().is_empty() {
            LineRole::Blank
        } else if is(self.source_line) && !self.source.is_some_and(|s| text.starts_with(s)) {
            // "المصدر: ..." stands on a line of its own; a dateline such as "الشرق اليوم- ..."
            // opens a body paragraph instead.
            LineRole::Source
        } else {
            LineRole::Body
        }
    }

    /// The printed title, or the opening words when the article prints none.
    pub fn heading(&self) -> Heading {
        match self.title {
            Some(title) => Heading::Printed(title),
            None => Heading::Opening(self.opening_words(OPENING_WORDS)),
        }
    }

    /// The first words of the body, for listing a document that prints no title.
    pub fn opening_words(&self, count: usize) -> String {
        let body = self.lines().find(|l| l.role == LineRole::Body);
        let Some(line) = body else { return String::new() };
        let mut words = line.text.split_whitespace();
        let mut opening: Vec<&str> = words.by_ref().take(count).collect();
        if let Some(last) = opening.last_mut() {
            *last = last.trim_end_matches(['،', ',', '.', ':', '؛']);
        }
        let mut out = opening.join(" ");
        if words.next().is_some() {
            out.push('…');
        }
        out
    }
}
