//! The chart of entities: how it is drawn, and what it shows.

use std::collections::BTreeSet;

use leptos::prelude::*;
use siyaq_engine::entities::{EntityTable, Measure, RowOrder};
use siyaq_engine::gazetteer::EntityKind;

pub use siyaq_state::link::MAX_TOP;
use siyaq_state::link::Settings;

use super::corpus::articles;
use super::navigation::{Navigation, View};
use super::search::{SearchState, Shared};

/// How the chart is drawn.
#[derive(Clone, Copy)]
pub struct ChartSettings {
    pub measure: RwSignal<Measure>,
    /// Entity types shown.
    pub kinds: RwSignal<BTreeSet<EntityKind>>,
    pub top: RwSignal<usize>,
    pub order: RwSignal<RowOrder>,
}

impl ChartSettings {
    /// The chart `settings` say.
    pub fn new(settings: &Settings) -> Self {
        ChartSettings {
            measure: RwSignal::new(settings.measure),
            kinds: RwSignal::new(settings.kinds.clone()),
            top: RwSignal::new(settings.top),
            order: RwSignal::new(settings.order),
        }
    }
}

/// What the chart and its table show: the table of counts and the rows chosen from it.
#[derive(Clone, PartialEq)]
pub struct ChartData {
    pub table: Shared<EntityTable>,
    pub rows: Vec<usize>,
    pub measure: Measure,
}

/// Opens the concordance on every mention of `entity` in `document` (all articles when `None`).
pub fn open_mentions(search: SearchState, nav: Navigation, entity_id: &str, document: Option<usize>) {
    search.excluded.set(match document {
        Some(document) => (0..articles().len()).filter(|&d| d != document).collect(),
        None => BTreeSet::new(),
    });
    search.search_now(format!("@{entity_id}"));
    nav.view.set(View::Concordance);
}
