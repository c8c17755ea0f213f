//! The entities view: who and where, across the articles. The list the user edits, the chart and
//! its table, suggestions of names to add.

mod chart;
mod editor;
mod list;
mod status;
mod store;
mod suggestions;

use std::collections::BTreeSet;

use leptos::prelude::*;
use siyaq_engine::entities::{EntityTable, Measure, RowOrder};
use siyaq_engine::gazetteer::EntityKind;

use crate::app::{Navigation, View};
use crate::i18n::tr;
use crate::library::articles;
use crate::search::{SearchState, Shared};

pub use list::{EntityList, Notice};
pub use status::ListStatus;
pub use store::ListProblem;

/// How the chart is drawn.
#[derive(Clone, Copy)]
pub struct ChartSettings {
    pub measure: RwSignal<Measure>,
    /// Entity types shown.
    pub kinds: RwSignal<BTreeSet<EntityKind>>,
    pub top: RwSignal<usize>,
    pub order: RwSignal<RowOrder>,
}

pub use siyaq_state::link::MAX_TOP;

impl Default for ChartSettings {
    /// The settings of a link that names none.
    fn default() -> Self {
        let view = siyaq_state::link::ViewState::default();
        ChartSettings {
            measure: RwSignal::new(view.measure),
            kinds: RwSignal::new(view.kinds),
            top: RwSignal::new(view.top),
            order: RwSignal::new(view.order),
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

/// The entities view, built once its code is there (see `chunks`); if it cannot be downloaded,
/// the page's notice says so and a button here tries again.
pub fn entities_view(search: SearchState, nav: Navigation, list: EntityList, settings: ChartSettings) -> AnyView {
    let unavailable = crate::chunks::unavailable_notice();
    let attempt = RwSignal::new(0u32);
    (move || {
        attempt.track();
        // Suspend keeps the reactive owner across the await: the view is owned like any other.
        Suspend::new(async move {
            match crate::chunks::entities_view(search, nav, list, settings).await {
                Ok(view) => view,
                Err(problem) => {
                    unavailable.set(Some(problem));
                    view! {
                        <button type="button" data-testid="chunk-retry" on:click=move |_| {
                            unavailable.set(None);
                            attempt.update(|n| *n += 1);
                        }>{tr("أعد المحاولة", "Try again")}</button>
                    }
                    .into_any()
                }
            }
        })
    })
    .into_any()
}

/// The view itself, for `chunks::entities_view`.
pub(crate) fn build_view(search: SearchState, nav: Navigation, list: EntityList, settings: ChartSettings) -> AnyView {
    view! { <EntitiesView search nav list settings /> }.into_any()
}

#[component]
fn EntitiesView(search: SearchState, nav: Navigation, list: EntityList, settings: ChartSettings) -> impl IntoView {
    let table = Memo::new(move |_| {
        let entities = list.gazetteer.with(|g| g.entities.len());
        Shared(std::sync::Arc::new(EntityTable::new(&search.index.get(), &search.mentions.get(), entities)))
    });
    let data = Memo::new(move |_| {
        let table = table.get();
        let kinds = settings.kinds.get();
        let measure = settings.measure.get();
        let rows = list.gazetteer.with(|g| {
            table.rows(|e| kinds.contains(&g.entities[e].kind), settings.order.get(), measure, settings.top.get())
        });
        ChartData { table, rows, measure }
    });
    view! {
        <section class="entities" data-testid="entities">
            <chart::ChartControls settings list />
            <chart::Chart data list search nav />
            <chart::ChartTable data list search nav />
            <editor::Editor list />
            <suggestions::Suggestions list search />
        </section>
    }
}
