//! The view state: the signals and stores behind what the page shows (where the user is, the
//! search, the chart, the entity list), every setting of it as one value, and the loaded corpus.
//!
//! It depends only on the engine, the corpus, `siyaq-state`, leptos' reactive primitives, the
//! browser's storage (to keep the entity list between visits) and its clock (to time searches),
//! never on a view: the views, the address bar and the app depend on it, and not on each other. What follows from the settings is
//! computed here from signals by the engine; components only render it.

pub mod chart;
pub mod collections;
pub mod corpus;
pub mod entities;
pub mod mentions;
pub mod navigation;
pub mod search;
pub mod settings;
