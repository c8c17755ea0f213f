//! The Arabic text engine of siyaq: pure Rust, no web dependencies.
//!
//! The app renders what this crate computes; every analysis of text lives here so that it can be
//! tested and benchmarked natively.

pub mod bidi;
pub mod chars;
pub mod normalize;
pub mod query;
pub mod tokenize;

pub use tokenize::{Token, TokenKind, Tokenizer, tokenize, word_count};
