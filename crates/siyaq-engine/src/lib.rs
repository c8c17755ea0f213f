//! The Arabic text engine of siyaq: pure Rust, no web dependencies.
//!
//! The app renders what this crate computes; every analysis of text lives here so that it can be
//! tested and benchmarked natively.

pub mod analyzer;
pub mod bidi;
pub mod chars;
pub mod clitics;
pub mod compounds;
pub mod concordance;
pub mod entities;
pub mod gazetteer;
pub mod index;
mod nfc;
pub mod normalize;
pub mod sorting;
pub mod query;
pub mod stem;
pub mod suggest;
pub mod synth;
pub mod tokenize;

pub use analyzer::{AnalyzedToken, Analyzer, TokenStream};
pub use concordance::{
    DEFAULT_CONTEXT_WORDS, FormCount, Hit, KwicLine, MAX_HITS, SearchResult, SortKey, kwic_line, search,
    sentence_of, sort_hits,
};
pub use index::{DocumentInput, Index, SharedText, StoredIndexError};
pub use normalize::{Normalizer, Profile, Step, Steps};
pub use query::{MatchMode, Query, QueryError, QueryErrorKind, parse};
pub use tokenize::{Token, TokenKind, Tokenizer, tokenize, word_count};
