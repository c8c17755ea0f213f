//! The entities view's panels: the chart by article, mentions over time, entities together; how
//! each is drawn and what it shows, computed here by the engine from the signals.

use std::collections::BTreeSet;

use leptos::prelude::*;
use siyaq_engine::entities::periods::{Granularity, PeriodTable};
use siyaq_engine::entities::together::{Scope, Together};
use siyaq_engine::entities::{EntityTable, Measure, RowOrder};
use siyaq_engine::gazetteer::EntityKind;

pub use siyaq_state::EntityPanel;
pub use siyaq_state::link::MAX_TOP;
use siyaq_state::link::Settings;

use super::corpus::articles;
use super::entities::EntityList;
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
    /// The panel shown.
    pub panel: RwSignal<EntityPanel>,
    /// Mentions over time: by month or by week.
    pub granularity: RwSignal<Granularity>,
    /// Entities together: in a sentence or in an article; `@a&@b` searches the same.
    pub scope: RwSignal<Scope>,
}

impl ChartSettings {
    /// The chart `settings` say.
    pub fn new(settings: &Settings) -> Self {
        ChartSettings {
            measure: RwSignal::new(settings.measure),
            kinds: RwSignal::new(settings.kinds.clone()),
            top: RwSignal::new(settings.top),
            order: RwSignal::new(settings.order),
            panel: RwSignal::new(settings.panel),
            granularity: RwSignal::new(settings.granularity),
            scope: RwSignal::new(settings.scope),
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

/// The chart's rows for the over-time panel: its lines are the chart's entities (the types and the
/// top N chosen above), at most this many, so that the lines stay apart.
pub const MAX_LINES: usize = 12;
/// The matrix of entities together shows at most this many rows and columns.
pub const MAX_MATRIX: usize = 30;

/// What the over-time panel shows: mentions per period, and the entities drawn.
#[derive(Clone, PartialEq)]
pub struct OverTimeData {
    pub table: Shared<PeriodTable>,
    pub rows: Vec<usize>,
    pub measure: Measure,
    /// How many of the chart's rows were left out for [`MAX_LINES`].
    pub left_out: usize,
}

/// Mentions per period of the chart's entities: each article placed by its date.
pub fn over_time(search: SearchState, list: EntityList, settings: ChartSettings, chart: Memo<ChartData>) -> Memo<OverTimeData> {
    Memo::new(move |_| {
        let ChartData { rows, measure, .. } = chart.get();
        let entities = list.counted.with(|c| c.gazetteer.entities.len());
        let dates: Vec<Option<&str>> = articles().iter().map(|a| a.date().map(|d| d.value.as_str())).collect();
        let table = PeriodTable::new(&search.index.get(), &search.mentions.get(), entities, &dates, settings.granularity.get());
        let left_out = rows.len().saturating_sub(MAX_LINES);
        OverTimeData { table: Shared(std::sync::Arc::new(table)), rows: rows.into_iter().take(MAX_LINES).collect(), measure, left_out }
    })
}

/// What the together panel shows: the chart's entities in pairs.
#[derive(Clone, PartialEq)]
pub struct TogetherData {
    pub together: Shared<Together>,
    /// How many of the chart's rows were left out for [`MAX_MATRIX`].
    pub left_out: usize,
}

/// The chart's entities (at most [`MAX_MATRIX`]) counted in pairs, in the chosen scope.
pub fn together(search: SearchState, settings: ChartSettings, chart: Memo<ChartData>) -> Memo<TogetherData> {
    Memo::new(move |_| {
        let rows = chart.with(|c| c.rows.clone());
        let left_out = rows.len().saturating_sub(MAX_MATRIX);
        let shown = &rows[..rows.len().min(MAX_MATRIX)];
        let together = Together::new(&search.index.get(), &search.mentions.get(), shown, settings.scope.get());
        TogetherData { together: Shared(std::sync::Arc::new(together)), left_out }
    })
}

/// Opens the concordance on the mentions of `entity` in `documents` (a period's articles).
pub fn open_mentions_in(search: SearchState, nav: Navigation, entity_id: &str, documents: &[usize]) {
    search.excluded.set((0..articles().len()).filter(|d| !documents.contains(d)).collect());
    search.search_now(format!("@{entity_id}"));
    nav.view.set(View::Concordance);
}

/// Opens the concordance on the mentions of `a` in the units (sentences or articles, as the
/// together panel counts) where `b` is mentioned too: the query `@a&@b`.
pub fn open_pair(search: SearchState, nav: Navigation, a: &str, b: &str) {
    search.excluded.set(BTreeSet::new());
    search.search_now(format!("@{a}&@{b}"));
    nav.view.set(View::Concordance);
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
