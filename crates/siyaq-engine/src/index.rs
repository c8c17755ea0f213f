//! The corpus index: every word's normalized form and position, built once per corpus and
//! normalization, so a query costs time in proportion to its hits rather than to the corpus.

use std::{
    ops::{Deref, Range},
    sync::{Arc, OnceLock},
};

use rustc_hash::FxHashMap;

use crate::analyzer::Analyzer;
use crate::normalize::{Normalizer, Steps};
use crate::stem::light10;
use crate::tokenize::TokenKind;

mod stored;
pub use stored::StoredIndexError;

/// A document's text, shared rather than copied: a range of a text someone else holds too (the
/// corpus keeps each file once; the index keeps a handle on it, not a second copy).
#[derive(Clone)]
pub struct SharedText {
    // `Arc<String>` rather than `Arc<str>`: a `String` (a whole corpus pack read into memory, say)
    // moves in without being copied, which matters when the text is tens of megabytes.
    source: Arc<String>,
    span: Range<usize>,
}

impl SharedText {
    /// `span` of `source`. Panics unless `span` lies on character boundaries of `source`.
    pub fn new(source: Arc<String>, span: Range<usize>) -> SharedText {
        assert!(source.get(span.clone()).is_some(), "a text's span lies inside it");
        SharedText { source, span }
    }

    /// `span` of `source`, or `None` unless it lies on character boundaries of `source`.
    pub fn checked(source: Arc<String>, span: Range<usize>) -> Option<SharedText> {
        source.get(span.clone())?;
        Some(SharedText { source, span })
    }

    /// Part of this text, by a byte range of it. Panics unless `span` lies on character boundaries.
    pub fn slice(&self, span: Range<usize>) -> SharedText {
        SharedText::new(self.source.clone(), self.span.start + span.start..self.span.start + span.end)
    }
}

impl Deref for SharedText {
    type Target = str;

    fn deref(&self) -> &str {
        &self.source[self.span.clone()]
    }
}

impl PartialEq for SharedText {
    fn eq(&self, other: &SharedText) -> bool {
        **self == **other
    }
}

impl Eq for SharedText {}

impl std::fmt::Debug for SharedText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&**self, f)
    }
}

impl From<&str> for SharedText {
    fn from(text: &str) -> SharedText {
        text.to_string().into()
    }
}

impl From<String> for SharedText {
    fn from(text: String) -> SharedText {
        SharedText { span: 0..text.len(), source: Arc::new(text) }
    }
}

/// A document handed to the index.
#[derive(Clone, Debug)]
pub struct DocumentInput<'a> {
    pub id: &'a str,
    pub text: SharedText,
    /// Byte ranges whose words are shown in context but never matched or counted (a repeated
    /// title, say).
    pub uncounted: Vec<Range<usize>>,
}

/// One word or number of the corpus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Posting {
    /// Byte offset in its document's text.
    pub start: u32,
    /// Id of its normalized form in the vocabulary.
    pub form: u32,
    /// Length in bytes of the original.
    pub len: u16,
    pub flags: u8,
}

/// The word counts and matches.
pub const COUNTED: u8 = 1;
/// The word starts a sentence.
pub const SENTENCE_START: u8 = 2;
/// The word starts a paragraph.
pub const PARAGRAPH_START: u8 = 4;

impl Posting {
    pub fn span(&self) -> Range<usize> {
        self.start as usize..self.start as usize + self.len as usize
    }

    pub fn is_counted(&self) -> bool {
        self.flags & COUNTED != 0
    }
}

#[derive(Clone, Debug)]
pub struct IndexedDocument {
    pub id: String,
    pub text: SharedText,
    /// Global indices of this document's words.
    pub words: Range<u32>,
    /// Words that count (outside uncounted ranges).
    pub counted_words: u32,
}

/// The normalized forms of the corpus and where each occurs.
#[derive(Debug, Default)]
pub struct Vocabulary {
    forms: Vec<Box<str>>,
    ids: FxHashMap<Box<str>, u32>,
    /// Counted occurrences of every form, as global word indices, form after form (each form's
    /// in ascending order): one array sized exactly, rather than a growing array per form, whose
    /// spare room would cost a third of the text's size on a large corpus.
    occurrences: Vec<u32>,
    /// Where each form's occurrences start in `occurrences`; one more entry than forms.
    occurrence_starts: Vec<u32>,
    /// Form ids sorted by form, for prefix lookups.
    sorted: Vec<u32>,
    /// (reversed form, id) sorted, for suffix lookups.
    reversed: Vec<(Box<str>, u32)>,
    stems: OnceLock<FxHashMap<String, Vec<u32>>>,
}

impl Vocabulary {
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    pub fn form(&self, id: u32) -> &str {
        &self.forms[id as usize]
    }

    pub fn id(&self, form: &str) -> Option<u32> {
        self.ids.get(form).copied()
    }

    /// Counted occurrences of a form, in corpus order.
    pub fn occurrences(&self, id: u32) -> &[u32] {
        let id = id as usize;
        &self.occurrences[self.occurrence_starts[id] as usize..self.occurrence_starts[id + 1] as usize]
    }

    /// Lays out the counted occurrences of each form, once every word is in.
    fn collect_occurrences(&mut self, words: &[Posting]) {
        let mut starts = vec![0u32; self.forms.len() + 1];
        for word in words.iter().filter(|w| w.is_counted()) {
            starts[word.form as usize + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut next = starts.clone();
        let mut occurrences = vec![0u32; starts[starts.len() - 1] as usize];
        for (at, word) in words.iter().enumerate().filter(|(_, w)| w.is_counted()) {
            let slot = &mut next[word.form as usize];
            occurrences[*slot as usize] = at as u32;
            *slot += 1;
        }
        self.occurrences = occurrences;
        self.occurrence_starts = starts;
    }

    /// Ids of the forms that start with `prefix`.
    pub fn with_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = u32> + 'a {
        let start = self.sorted.partition_point(|&id| self.form(id) < prefix);
        self.sorted[start..].iter().copied().take_while(move |&id| self.form(id).starts_with(prefix))
    }

    /// Ids of the forms that end with `suffix`.
    pub fn with_suffix(&self, suffix: &str) -> impl Iterator<Item = u32> + '_ {
        let reversed: String = suffix.chars().rev().collect();
        let start = self.reversed.partition_point(|(r, _)| **r < *reversed);
        self.reversed[start..].iter().take_while(move |(r, _)| r.starts_with(&reversed)).map(|&(_, id)| id)
    }

    /// Ids of the forms whose light10 stem is `stem`.
    pub fn with_stem(&self, stem: &str) -> &[u32] {
        let stems = self.stems.get_or_init(|| {
            let mut by_stem: FxHashMap<String, Vec<u32>> = FxHashMap::default();
            for (id, form) in self.forms.iter().enumerate() {
                by_stem.entry(light10(form)).or_default().push(id as u32);
            }
            by_stem
        });
        stems.get(stem).map_or(&[], Vec::as_slice)
    }

    pub fn ids(&self) -> impl Iterator<Item = u32> {
        0..self.forms.len() as u32
    }

    fn intern(&mut self, form: &str) -> u32 {
        if let Some(&id) = self.ids.get(form) {
            return id;
        }
        let id = self.forms.len() as u32;
        self.forms.push(form.into());
        self.ids.insert(form.into(), id);
        id
    }
}

impl crate::clitics::Vocabulary for Vocabulary {
    fn contains(&self, form: &str) -> bool {
        self.ids.contains_key(form)
    }
}

/// Each form reversed, with its id, sorted: for suffix lookups.
fn reversed_forms(forms: &[Box<str>]) -> Vec<(Box<str>, u32)> {
    let mut reversed: Vec<(Box<str>, u32)> =
        forms.iter().enumerate().map(|(id, f)| (f.chars().rev().collect::<String>().into(), id as u32)).collect();
    crate::sorting::sort(&mut reversed);
    reversed
}

/// Marks a spelling that normalizes to nothing (a lone tatweel, say).
const NO_FORM: u32 = u32::MAX;

/// A searchable corpus.
#[derive(Debug)]
pub struct Index {
    analyzer: Analyzer,
    documents: Vec<IndexedDocument>,
    words: Vec<Posting>,
    vocabulary: Vocabulary,
}

impl Index {
    /// Analyzes `documents` with the [`Analyzer`] of `steps`: tokens, then normalized forms.
    pub fn build<'a>(documents: impl IntoIterator<Item = DocumentInput<'a>>, steps: Steps) -> Index {
        let analyzer = Analyzer::new(steps);
        let mut index = Index { analyzer, documents: Vec::new(), words: Vec::new(), vocabulary: Vocabulary::default() };
        // Spellings met before, with their form: most words are normalized once.
        let mut by_spelling: FxHashMap<Box<str>, u32> = FxHashMap::default();
        let documents: Vec<DocumentInput<'a>> = documents.into_iter().collect();
        // Arabic press text runs at about 11 bytes a word (two bytes a letter): room for all at
        // once, with a margin, rather than growth by doubling, which on a corpus of tens of
        // megabytes would leave twice the room needed until the end.
        index.words.reserve_exact(documents.iter().map(|d| d.text.len()).sum::<usize>() / 9);
        for input in documents {
            index.add_document(input, &mut by_spelling);
        }
        // Growth leaves spare capacity; the index lives as long as the page.
        index.words.shrink_to_fit();
        index.vocabulary.collect_occurrences(&index.words);
        let vocabulary = &mut index.vocabulary;
        let mut sorted: Vec<u32> = vocabulary.ids().collect();
        crate::sorting::sort_by(&mut sorted, |&a, &b| vocabulary.forms[a as usize].cmp(&vocabulary.forms[b as usize]));
        vocabulary.sorted = sorted;
        vocabulary.reversed = reversed_forms(&vocabulary.forms);
        index
    }

    /// Adds one document's words. A function of its own, called once per document, rather than
    /// the body of one loop over the corpus: a browser first runs wasm with baseline code and
    /// switches a function to optimized code between two calls, never during one, so a single
    /// call indexing 50 MB would run baseline code all the way.
    #[inline(never)]
    fn add_document(&mut self, input: DocumentInput<'_>, by_spelling: &mut FxHashMap<Box<str>, u32>) {
        let first = self.words.len() as u32;
        let mut counted_words = 0;
        let mut flags = SENTENCE_START | PARAGRAPH_START;
        let mut uncounted = input.uncounted.iter().peekable();
        let mut tokens = self.analyzer.token_stream(&input.text);
        while tokens.advance() {
            match tokens.kind() {
                TokenKind::Word | TokenKind::Number => {}
                TokenKind::ParagraphBreak => {
                    flags |= SENTENCE_START | PARAGRAPH_START;
                    continue;
                }
                TokenKind::Punctuation => {
                    if tokens.ends_sentence() {
                        flags |= SENTENCE_START;
                    }
                    continue;
                }
            }
            // Words repeat: most are normalized once and then found by their spelling.
            let written = tokens.written();
            let form = match by_spelling.get(written) {
                Some(&form) => form,
                None => {
                    let key = tokens.form();
                    let form = if key.is_empty() { NO_FORM } else { self.vocabulary.intern(key) };
                    by_spelling.insert(written.into(), form);
                    form
                }
            };
            if form == NO_FORM {
                continue;
            }
            let span = tokens.span();
            while uncounted.peek().is_some_and(|r| r.end <= span.start) {
                uncounted.next();
            }
            let counts = uncounted.peek().is_none_or(|r| r.start > span.start);
            if counts {
                counted_words += 1;
                flags |= COUNTED;
            }
            self.words.push(Posting {
                start: span.start as u32,
                form,
                len: span.len().min(u16::MAX as usize) as u16,
                flags,
            });
            flags = 0;
        }
        self.documents.push(IndexedDocument {
            id: input.id.to_string(),
            text: input.text,
            words: first..self.words.len() as u32,
            counted_words,
        });
    }

    /// The analysis the corpus went through; a query must go through the same.
    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    pub fn normalizer(&self) -> &Normalizer {
        self.analyzer.normalizer()
    }

    pub fn documents(&self) -> &[IndexedDocument] {
        &self.documents
    }

    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// Every word of the corpus, in order.
    pub fn words(&self) -> &[Posting] {
        &self.words
    }

    pub fn word(&self, at: u32) -> &Posting {
        &self.words[at as usize]
    }

    /// The document holding word `at`.
    pub fn document_of(&self, at: u32) -> usize {
        self.documents.partition_point(|d| d.words.end <= at)
    }

    /// The original text of words `range` (all in one document), from the first's start to the
    /// last's end.
    pub fn original(&self, range: Range<u32>) -> &str {
        let doc = &self.documents[self.document_of(range.start)];
        let start = self.word(range.start).start as usize;
        let end = self.word(range.end - 1).span().end;
        &doc.text[start..end]
    }

    /// Approximate heap bytes of the index, the documents' text excluded.
    pub fn heap_bytes(&self) -> usize {
        let vocabulary = &self.vocabulary;
        let form_bytes: usize = vocabulary.forms.iter().map(|f| f.len()).sum();
        let occurrence_bytes = (vocabulary.occurrences.capacity() + vocabulary.occurrence_starts.capacity()) * 4;
        self.words.capacity() * std::mem::size_of::<Posting>()
            + form_bytes * 3 // the form, its hash-map key and its reversed copy
            + vocabulary.forms.len() * (16 * 3 + 4 + 8) // boxed-str headers, hash-map slot, sorted id
            + occurrence_bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Profile;

    fn index(texts: &[&str]) -> Index {
        Index::build(
            texts.iter().enumerate().map(|(i, t)| DocumentInput { id: Box::leak(format!("d{i}").into_boxed_str()), text: (*t).into(), uncounted: vec![] }),
            Profile::Search.steps(),
        )
    }

    #[test]
    fn words_get_normalized_forms_and_original_spans() {
        let idx = index(&["قالَ الرئيسُ: «نعم».", "الرئيس بوتين"]);
        let forms: Vec<&str> = idx.words().iter().map(|w| idx.vocabulary().form(w.form)).collect();
        assert_eq!(forms, ["قال", "الرئيس", "نعم", "الرئيس", "بوتين"]);
        assert_eq!(idx.original(1..2), "الرئيسُ");
        assert_eq!(idx.original(0..3), "قالَ الرئيسُ: «نعم");
        let president = idx.vocabulary().id("الرئيس").unwrap();
        assert_eq!(idx.vocabulary().occurrences(president), [1, 3]);
        assert_eq!(idx.document_of(3), 1);
        assert_eq!(idx.documents()[1].words, 3..5);
    }

    #[test]
    fn sentence_and_paragraph_starts_are_flagged() {
        let idx = index(&["أ ب. ج\nد هـ؟ و"]);
        let flags: Vec<u8> = idx.words().iter().map(|w| w.flags & (SENTENCE_START | PARAGRAPH_START)).collect();
        assert_eq!(flags, [6, 0, 2, 6, 0, 2]);
    }

    #[test]
    fn uncounted_ranges_are_kept_for_context_but_not_matched() {
        let text = "عنوان المقال\nعنوان المقال\nنص المقال";
        let second = text.find('\n').unwrap() + 1;
        let third = text.rfind('\n').unwrap();
        #[allow(clippy::single_range_in_vec_init)] // one uncounted range, not a range of numbers
        let idx = Index::build([DocumentInput { id: "d", text: text.into(), uncounted: vec![second..third] }], Profile::Search.steps());
        assert_eq!(idx.words().len(), 6);
        assert_eq!(idx.documents()[0].counted_words, 4);
        let title = idx.vocabulary().id("عنوان").unwrap();
        assert_eq!(idx.vocabulary().occurrences(title), [0]);
        assert!(!idx.word(2).is_counted() && idx.word(4).is_counted());
    }

    #[test]
    fn prefix_suffix_and_stem_lookups() {
        let idx = index(&["كازاخستان أوزبكستان كازاخي الحكومة حكومات"]);
        let v = idx.vocabulary();
        let forms = |ids: Vec<u32>| -> Vec<&str> { let mut f: Vec<&str> = ids.into_iter().map(|i| v.form(i)).collect(); f.sort(); f };
        assert_eq!(forms(v.with_prefix("كازاخ").collect()), ["كازاخستان", "كازاخي"]);
        assert_eq!(forms(v.with_suffix("ستان").collect()), ["اوزبكستان", "كازاخستان"]);
        assert_eq!(forms(v.with_stem("حكوم").to_vec()), ["الحكومة", "حكومات"]);
        assert!(v.with_prefix("zz").next().is_none());
    }
}
