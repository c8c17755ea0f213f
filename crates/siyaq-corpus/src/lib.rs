//! A corpus as siyaq loads it: article files, the documents they are cut into, and the entity
//! list, read from a *corpus pack* (see [`pack`]). The wasm knows no corpus of its own: the page
//! fetches a pack at start, so one build serves any corpus.
//!
//! A document is a run of whole lines of one file. Its lines carry roles (title, repeated title,
//! byline, source, translator, subheading, body); a repeated title is shown but never counted.

pub mod pack;

use std::ops::{Deref, Range};

use siyaq_engine::gazetteer::{Entity, Gazetteer};
use siyaq_engine::{DocumentInput, Index, Steps};

pub use pack::{DocumentDate, DocumentRecord, FORMAT, FileRecord, Pack, PackError, SkippedFile};

/// A loaded corpus: a validated pack with each document's place in its file worked out.
#[derive(Debug)]
pub struct Corpus {
    version: String,
    name: String,
    files: Vec<FileRecord>,
    documents: Vec<Document>,
    entities: Vec<Entity>,
    skipped: Vec<SkippedFile>,
}

/// One article of the corpus: its record in the pack, and where its text lies.
#[derive(Debug)]
pub struct Document {
    record: DocumentRecord,
    pub file_index: usize,
    /// Byte range of the document's text in its file.
    text_span: Range<usize>,
    /// Byte spans of the file's lines that belong to the document, first to last.
    line_spans: Vec<Range<usize>>,
}

impl Deref for Document {
    type Target = DocumentRecord;

    fn deref(&self) -> &DocumentRecord {
        &self.record
    }
}

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
pub enum Heading<'a> {
    /// The title the article prints.
    Printed(&'a str),
    /// No title is printed: the article's opening words stand in for one.
    Opening(String),
}

impl Heading<'_> {
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
pub struct Line<'a> {
    /// Line number in its file, counted from 1.
    pub number: usize,
    /// The line without its line break.
    pub text: &'a str,
    /// Byte range of `text` in the file.
    pub span: Range<usize>,
    pub role: LineRole,
}

impl Corpus {
    /// Reads a pack (already inflated) and checks it. The files' texts stay where they are in
    /// `bytes`: the corpus keeps that one buffer.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Corpus, PackError> {
        Corpus::from_pack(Pack::from_bytes(bytes)?)
    }

    /// Checks a pack: its format, that every document names a file it carries, that its lines
    /// lie inside that file, and that ids are unique.
    pub fn from_pack(pack: Pack) -> Result<Corpus, PackError> {
        let line_spans: Vec<Vec<Range<usize>>> = pack.files.iter().map(|f| line_spans(&f.text)).collect();
        let lines_in_files: Vec<usize> = line_spans.iter().map(Vec::len).collect();
        let file_of_each = pack.file_of_each_document_with(&lines_in_files)?;
        let documents = pack
            .documents
            .into_iter()
            .zip(file_of_each)
            .map(|(record, file_index)| {
                let [first, last] = record.lines;
                let lines = line_spans[file_index][first - 1..last].to_vec();
                let text_span = lines[0].start..lines[lines.len() - 1].end;
                Document { record, file_index, text_span, line_spans: lines }
            })
            .collect();
        Ok(Corpus {
            version: pack.version,
            name: pack.name,
            files: pack.files,
            documents,
            entities: pack.entities,
            skipped: pack.skipped,
        })
    }

    /// A content hash of the pack: links carry it, so a link made on another corpus says so.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// What the corpus calls itself (the folder it was built from), possibly empty.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// What the build left out of the folder, and why.
    pub fn skipped(&self) -> &[SkippedFile] {
        &self.skipped
    }

    /// All files, in pack order.
    pub fn files(&self) -> &[FileRecord] {
        &self.files
    }

    /// All documents, in pack order.
    pub fn documents(&self) -> &[Document] {
        &self.documents
    }

    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    pub fn file_of(&self, document: &Document) -> &FileRecord {
        &self.files[document.file_index]
    }

    /// The corpus's entity list, as a list the user can edit.
    pub fn gazetteer(&self) -> Gazetteer {
        Gazetteer { entities: self.entities.clone(), excluded: vec![] }
    }

    /// The total size of the files' text, in bytes.
    pub fn text_bytes(&self) -> usize {
        self.files.iter().map(|f| f.text.len()).sum()
    }

    /// An index of every document, normalized with `steps`.
    pub fn build_index(&self, steps: Steps) -> Index {
        Index::build(self.documents.iter().map(|d| self.index_input(d)), steps)
    }

    /// A document as the engine indexes it.
    pub fn index_input<'a>(&'a self, document: &'a Document) -> DocumentInput<'a> {
        let text = self.file_of(document).text.slice(document.text_span.clone());
        DocumentInput { id: &document.id, text, uncounted: self.uncounted_ranges(document) }
    }

    /// The document's text: from the start of its first line to the end of its last.
    pub fn text(&self, document: &Document) -> &str {
        &self.file_of(document).text[document.text_span.clone()]
    }

    /// The document's lines, in order, with their roles.
    pub fn lines<'a>(&'a self, document: &'a Document) -> impl Iterator<Item = Line<'a>> + 'a {
        let file = self.file_of(document);
        document.line_spans.iter().enumerate().map(move |(i, span)| {
            let number = document.lines[0] + i;
            let text = &file.text[span.clone()];
            Line { number, role: document.role_of(number, text), text, span: span.clone() }
        })
    }

    /// The lines whose words count in statistics.
    pub fn counted_lines<'a>(&'a self, document: &'a Document) -> impl Iterator<Item = Line<'a>> + 'a {
        self.lines(document).filter(|l| l.role.is_counted())
    }

    /// Byte ranges of the document's text whose words are shown but never counted.
    pub fn uncounted_ranges(&self, document: &Document) -> Vec<Range<usize>> {
        let offset = document.text_span.start;
        self.lines(document)
            .filter(|l| l.role == LineRole::DuplicateTitle)
            .map(|l| l.span.start - offset..l.span.end - offset)
            .collect()
    }

    /// Words and numbers in the document, by the engine's tokenizer, repeated titles excluded.
    pub fn word_count(&self, document: &Document) -> usize {
        self.counted_lines(document).map(|l| siyaq_engine::word_count(l.text)).sum()
    }

    /// The printed title, or the opening words when the article prints none.
    pub fn heading<'a>(&'a self, document: &'a Document) -> Heading<'a> {
        match &document.title {
            Some(title) => Heading::Printed(title),
            None => Heading::Opening(self.opening_words(document, OPENING_WORDS)),
        }
    }

    /// The first words of the body, for listing a document that prints no title.
    pub fn opening_words(&self, document: &Document, count: usize) -> String {
        let body = self.lines(document).find(|l| l.role == LineRole::Body);
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

    /// A deterministic synthetic corpus of about `megabytes` MB, in documents of about 50 KB,
    /// drawn from the counted lines of this corpus (see `siyaq_engine::synth`).
    pub fn synthetic(&self, megabytes: usize) -> Vec<String> {
        let samples: Vec<&str> =
            self.documents.iter().flat_map(|d| self.counted_lines(d).map(|l| l.text)).collect();
        siyaq_engine::synth::generate(&samples, megabytes * 1_000_000, 50_000, 2022)
    }
}

impl Document {
    /// Byte range of the document's text in its file.
    pub fn span(&self) -> Range<usize> {
        self.text_span.clone()
    }

    pub fn first_line(&self) -> usize {
        self.lines[0]
    }

    pub fn last_line(&self) -> usize {
        self.lines[1]
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
        } else if is(self.source_line) && !self.source.as_deref().is_some_and(|s| text.starts_with(s)) {
            // "المصدر: ..." stands on a line of its own; a dateline such as "الشرق اليوم- ..."
            // opens a body paragraph instead.
            LineRole::Source
        } else {
            LineRole::Body
        }
    }
}

/// Byte spans of the lines of `text` (without their `\n`), the first for line 1.
pub fn line_spans(text: &str) -> Vec<Range<usize>> {
    let mut start = 0;
    text.split('\n')
        .map(|line| {
            let span = start..start + line.len();
            start = span.end + 1;
            span
        })
        .collect()
}
