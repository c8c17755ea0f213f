//! A built index as bytes, so that a page can keep it (the browser's cache) and read it back on a
//! later visit instead of analyzing the whole corpus again: on 50 MB, reading takes a fraction of
//! the second that building takes.
//!
//! The bytes are checked whole before use, as anything read back from storage must be: a stored
//! index that does not fit the documents it is read for is refused, and the caller builds anew.
//! It holds no text; the documents it is read for supply it. Whoever keeps it must key it by
//! everything it depends on: the documents (a corpus pack's version), the normalization steps
//! and the build of the engine that wrote it.
//!
//! Layout, little-endian: `MAGIC`; counts of documents, words, forms and form bytes (u32 each);
//! per document the end of its words and its counted words (u32, u32); per word its start (u32),
//! form (u32), length (u16) and flags (u8); the forms' lengths (u32 each) and then their bytes;
//! the forms' sorted order (u32 each). Each form's occurrences are laid out again from the words
//! on reading, which is quicker than checking stored ones. Pieces are read and written through small buffers, so that neither
//! side needs the whole index as one block of bytes beside the index itself.

use std::fmt;

use super::{COUNTED, DocumentInput, Index, IndexedDocument, PARAGRAPH_START, Posting, SENTENCE_START, Vocabulary};
use crate::analyzer::Analyzer;
use crate::normalize::Steps;

const MAGIC: &[u8; 8] = b"SIYAQIX2";
/// Bytes handed to the sink at a time.
const PIECE: usize = 64 * 1024;
const WORD_BYTES: usize = 11;

/// Why stored bytes were not read as an index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredIndexError {
    /// The bytes end early, or are not a stored index of this layout.
    Truncated,
    NotAnIndex,
    /// Well formed, but not an index of these documents (or not one this engine would build).
    Mismatch(&'static str),
}

impl fmt::Display for StoredIndexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoredIndexError::Truncated => write!(f, "the stored index ends early"),
            StoredIndexError::NotAnIndex => write!(f, "not a stored index"),
            StoredIndexError::Mismatch(what) => write!(f, "the stored index does not fit the documents: {what}"),
        }
    }
}

impl std::error::Error for StoredIndexError {}

struct Writer<'s> {
    buffer: Vec<u8>,
    sink: &'s mut dyn FnMut(&[u8]),
}

impl Writer<'_> {
    fn bytes(&mut self, bytes: &[u8]) {
        for piece in bytes.chunks(PIECE) {
            if self.buffer.len() + piece.len() > PIECE {
                self.flush();
            }
            self.buffer.extend_from_slice(piece);
        }
    }

    fn u32(&mut self, value: u32) {
        self.bytes(&value.to_le_bytes());
    }

    fn flush(&mut self) {
        if !self.buffer.is_empty() {
            (self.sink)(&self.buffer);
            self.buffer.clear();
        }
    }
}

struct Reader<'s> {
    buffer: Vec<u8>,
    at: usize,
    source: &'s mut dyn FnMut(&mut [u8]) -> usize,
}

impl Reader<'_> {
    /// Makes at least `n` bytes (n ≤ PIECE) available at `self.at`.
    fn fill(&mut self, n: usize) -> Result<(), StoredIndexError> {
        if self.buffer.len() - self.at >= n {
            return Ok(());
        }
        self.buffer.drain(..self.at);
        self.at = 0;
        while self.buffer.len() < n {
            let have = self.buffer.len();
            self.buffer.resize(PIECE, 0);
            let got = (self.source)(&mut self.buffer[have..]);
            self.buffer.truncate(have + got);
            if got == 0 {
                return Err(StoredIndexError::Truncated);
            }
        }
        Ok(())
    }

    fn take<const N: usize>(&mut self) -> Result<[u8; N], StoredIndexError> {
        self.fill(N)?;
        let bytes: [u8; N] = self.buffer[self.at..self.at + N].try_into().map_err(|_| StoredIndexError::Truncated)?;
        self.at += N;
        Ok(bytes)
    }

    fn u32(&mut self) -> Result<u32, StoredIndexError> {
        self.take::<4>().map(u32::from_le_bytes)
    }

    fn bytes_into(&mut self, out: &mut Vec<u8>, mut n: usize) -> Result<(), StoredIndexError> {
        while n > 0 {
            let step = n.min(PIECE);
            self.fill(step)?;
            out.extend_from_slice(&self.buffer[self.at..self.at + step]);
            self.at += step;
            n -= step;
        }
        Ok(())
    }

    fn at_end(&mut self) -> bool {
        self.fill(1).is_err()
    }
}

impl Index {
    /// Writes the index, without its documents' text, to `sink`, a piece at a time.
    pub fn write_stored(&self, sink: &mut dyn FnMut(&[u8])) {
        let vocabulary = &self.vocabulary;
        let mut out = Writer { buffer: Vec::with_capacity(PIECE), sink };
        out.bytes(MAGIC);
        let form_bytes: usize = vocabulary.forms.iter().map(|f| f.len()).sum();
        for count in [self.documents.len(), self.words.len(), vocabulary.forms.len(), form_bytes] {
            out.u32(count as u32);
        }
        for document in &self.documents {
            out.u32(document.words.end);
            out.u32(document.counted_words);
        }
        for word in &self.words {
            let mut bytes = [0u8; WORD_BYTES];
            bytes[..4].copy_from_slice(&word.start.to_le_bytes());
            bytes[4..8].copy_from_slice(&word.form.to_le_bytes());
            bytes[8..10].copy_from_slice(&word.len.to_le_bytes());
            bytes[10] = word.flags;
            out.bytes(&bytes);
        }
        for form in &vocabulary.forms {
            out.u32(form.len() as u32);
        }
        for form in &vocabulary.forms {
            out.bytes(form.as_bytes());
        }
        for &id in &vocabulary.sorted {
            out.u32(id);
        }
        out.flush();
    }

    /// [`Index::read_stored`] over stored bytes held whole in memory.
    pub fn read_stored_bytes<'a>(
        bytes: &[u8],
        documents: impl IntoIterator<Item = DocumentInput<'a>>,
        steps: Steps,
    ) -> Result<Index, StoredIndexError> {
        let mut at = 0;
        let mut source = |buffer: &mut [u8]| {
            let n = buffer.len().min(bytes.len() - at);
            buffer[..n].copy_from_slice(&bytes[at..at + n]);
            at += n;
            n
        };
        Index::read_stored(&mut source, documents, steps)
    }

    /// Reads an index that [`Index::write_stored`] wrote, for `documents` — the documents it was
    /// built from, in the same order — analyzed with `steps`. `source` fills the buffer it is
    /// given as far as it can and says how many bytes it wrote, 0 at the end.
    pub fn read_stored<'a>(
        source: &mut dyn FnMut(&mut [u8]) -> usize,
        documents: impl IntoIterator<Item = DocumentInput<'a>>,
        steps: Steps,
    ) -> Result<Index, StoredIndexError> {
        let mut input = Reader { buffer: Vec::with_capacity(PIECE), at: 0, source };
        if &input.take::<8>()? != MAGIC {
            return Err(StoredIndexError::NotAnIndex);
        }
        let inputs: Vec<DocumentInput<'a>> = documents.into_iter().collect();
        let [documents, words, forms, form_bytes] = [input.u32()?, input.u32()?, input.u32()?, input.u32()?].map(|n| n as usize);
        let text_bytes: usize = inputs.iter().map(|d| d.text.len()).sum();
        if documents != inputs.len() {
            return Err(StoredIndexError::Mismatch("another number of documents"));
        }
        // Every word and form takes at least a byte of text: counts beyond that are not believed
        // (and no allocation is made for them).
        if words > text_bytes || forms > words || form_bytes > text_bytes * 4 + 64 {
            return Err(StoredIndexError::Mismatch("counts that the text cannot hold"));
        }

        let mut ranges = Vec::with_capacity(documents);
        let mut first = 0u32;
        for _ in 0..documents {
            let (end, counted) = (input.u32()?, input.u32()?);
            if end < first || end as usize > words || counted > end - first {
                return Err(StoredIndexError::Mismatch("a document's words"));
            }
            ranges.push((first..end, counted));
            first = end;
        }
        if first as usize != words {
            return Err(StoredIndexError::Mismatch("the documents' words"));
        }

        let mut postings = Vec::with_capacity(words);
        for (document, (range, counted)) in inputs.iter().zip(&ranges) {
            let text = &*document.text;
            let mut counted_here = 0;
            let mut remaining = range.len();
            while remaining > 0 {
                let n = remaining.min(PIECE / WORD_BYTES);
                input.fill(n * WORD_BYTES)?;
                for bytes in input.buffer[input.at..input.at + n * WORD_BYTES].chunks_exact(WORD_BYTES) {
                    let word = Posting {
                        start: u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]),
                        form: u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]),
                        len: u16::from_le_bytes([bytes[8], bytes[9]]),
                        flags: bytes[10],
                    };
                    let span = word.span();
                    if word.form as usize >= forms
                        || word.flags & !(COUNTED | SENTENCE_START | PARAGRAPH_START) != 0
                        || text.get(span).is_none_or(str::is_empty)
                    {
                        return Err(StoredIndexError::Mismatch("a word outside its text"));
                    }
                    counted_here += u32::from(word.is_counted());
                    postings.push(word);
                }
                input.at += n * WORD_BYTES;
                remaining -= n;
            }
            if counted_here != *counted {
                return Err(StoredIndexError::Mismatch("a document's counted words"));
            }
        }

        let mut lengths = Vec::with_capacity(forms);
        for _ in 0..forms {
            lengths.push(input.u32()? as usize);
        }
        if lengths.iter().sum::<usize>() != form_bytes {
            return Err(StoredIndexError::Mismatch("the forms' lengths"));
        }
        let mut all = Vec::with_capacity(form_bytes);
        input.bytes_into(&mut all, form_bytes)?;
        let all = String::from_utf8(all).map_err(|_| StoredIndexError::Mismatch("a form that is not UTF-8"))?;
        let mut vocabulary = Vocabulary::default();
        let mut at = 0;
        for length in lengths {
            let form = all.get(at..at + length).filter(|f| !f.is_empty()).ok_or(StoredIndexError::Mismatch("a form"))?;
            if vocabulary.intern(form) as usize != vocabulary.forms.len() - 1 {
                return Err(StoredIndexError::Mismatch("a form listed twice"));
            }
            at += length;
        }

        let mut sorted = Vec::with_capacity(forms);
        let mut seen = vec![false; forms];
        for _ in 0..forms {
            let id = input.u32()? as usize;
            if id >= forms || std::mem::replace(&mut seen[id], true) {
                return Err(StoredIndexError::Mismatch("the forms' order"));
            }
            sorted.push(id as u32);
        }
        if sorted.windows(2).any(|w| vocabulary.forms[w[0] as usize] > vocabulary.forms[w[1] as usize]) {
            return Err(StoredIndexError::Mismatch("the forms' order"));
        }
        if !input.at_end() {
            return Err(StoredIndexError::NotAnIndex);
        }

        vocabulary.collect_occurrences(&postings);
        vocabulary.sorted = sorted;
        vocabulary.reversed = super::reversed_forms(&vocabulary.forms);
        let documents = inputs
            .into_iter()
            .zip(ranges)
            .map(|(input, (words, counted_words))| IndexedDocument { id: input.id.to_string(), text: input.text, words, counted_words })
            .collect();
        Ok(Index { analyzer: Analyzer::new(steps), documents, words: postings, vocabulary })
    }
}
