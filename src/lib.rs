//! The siyaq web app: leptos components that show what the engine computes.
//!
//! Components hold view state and render; text analysis lives in `siyaq-engine`, and the corpus
//! comes as data (a corpus pack, `siyaq-corpus`) that the page loads at start.

mod address;
mod app;
mod browser;
mod chunks;
mod concordance;
mod corpus;
mod corpus_panel;
mod entities;
mod export;
mod i18n;
mod library;
mod messages;
mod notice;
mod reader;
mod search;
mod start;
mod text;

pub use app::App;
pub use corpus::{install as install_corpus, loaded as loaded_corpus};
pub use start::start;
pub use library::{Article, articles};
