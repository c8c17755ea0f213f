//! The siyaq web app: leptos components that show what the engine computes.
//!
//! Components hold view state and render; text analysis lives in `siyaq-engine`, and the corpus
//! comes as data (a corpus pack, `siyaq-corpus`) that the page loads at start.

mod address;
mod app;
mod browser;
mod chunks;
mod collections;
mod concordance;
mod corpus_panel;
mod entities;
mod export;
mod i18n;
mod index_cache;
mod labels;
mod messages;
mod notice;
mod reader;
mod start;
mod state;
mod text;

pub use app::App;
pub use start::start;
pub use state::corpus::{Article, Source as CorpusSource, articles, install as install_corpus, loaded as loaded_corpus};
