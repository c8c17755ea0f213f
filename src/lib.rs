//! The siyaq web app: leptos components that show what the engine computes.
//!
//! Components hold view state and render; text analysis lives in `siyaq-engine` and the bundled
//! articles in `siyaq-corpus`.

mod address;
mod app;
mod browser;
mod chunks;
mod concordance;
mod corpus_panel;
mod entities;
mod export;
mod i18n;
mod library;
mod messages;
mod notice;
mod reader;
mod search;
mod text;

pub use app::App;
pub use library::{Article, articles};
