//! The entities view: who and where, across the articles, over time and together. The list the
//! user edits, the chart by article and its table, mentions over time, entities mentioned
//! together, suggestions of names to add.

mod chart;
mod editor;
mod excluded;
mod list;
mod over_time;
mod status;
mod suggestions;
mod svg_export;
mod together;
mod world;

use leptos::prelude::*;
use siyaq_engine::entities::EntityTable;

use crate::chunks::chunk;
use crate::i18n::use_lang;
use crate::state::chart::{ChartData, ChartSettings, EntityPanel};
use crate::state::entities::EntityList;
use crate::state::navigation::Navigation;
use crate::state::search::{SearchState, Shared};

pub use status::ListStatus;

/// The entities view, built once its code is there (see `chunks`); if it cannot be downloaded,
/// the page's notice says so and a button here tries again.
pub fn entities_view(search: SearchState, nav: Navigation, list: EntityList, settings: ChartSettings) -> AnyView {
    // The mention finder's chunk comes with the view's, so that the chart never counts without it.
    crate::chunks::chunked_view(move || async move {
        search.finder.load().await?;
        build_view(search, nav, list, settings).await
    })
}

chunk! {
    /// The view itself: the chart, its table, the list editor and the suggestions.
    fn build_view(search: SearchState, nav: Navigation, list: EntityList, settings: ChartSettings) -> AnyView {
        view! { <EntitiesView search nav list settings /> }.into_any()
    }
}

#[component]
fn EntitiesView(search: SearchState, nav: Navigation, list: EntityList, settings: ChartSettings) -> impl IntoView {
    list.load_world();
    let table = Memo::new(move |_| {
        let entities = list.counted.with(|c| c.gazetteer.entities.len());
        Shared(std::sync::Arc::new(EntityTable::new(&search.index.get(), &search.mentions.get(), entities)))
    });
    let data = Memo::new(move |_| {
        let table = table.get();
        let kinds = settings.kinds.get();
        let measure = settings.measure.get();
        let rows = list.counted.with(|c| {
            table.rows(|e| kinds.contains(&c.gazetteer.entities[e].kind), settings.order.get(), measure, settings.top.get())
        });
        ChartData { table, rows, measure }
    });
    let over_time = crate::state::chart::over_time(search, list, settings, data);
    let together = crate::state::chart::together(search, settings, data);
    let panel = settings.panel;
    view! {
        <section class="entities" data-testid="entities">
            <world::WorldLine list />
            <chart::ChartControls settings list />
            <PanelTabs panel />
            // Each panel is drawn only while chosen: its figures are computed when first read.
            {move || match panel.get() {
                EntityPanel::Articles => view! {
                    <chart::Chart data list search nav />
                    <chart::ChartTable data list search nav />
                }.into_any(),
                EntityPanel::OverTime => view! { <over_time::OverTime data=over_time settings list search nav /> }.into_any(),
                EntityPanel::Together => view! { <together::TogetherPanel data=together settings list search nav /> }.into_any(),
            }}
            <world::Uncounted list search />
            <excluded::Excluded list />
            <editor::Editor list />
            <suggestions::Suggestions list search />
        </section>
    }
}

/// The panels of the view: by article, over time, together.
#[component]
fn PanelTabs(panel: RwSignal<EntityPanel>) -> impl IntoView {
    let lang = use_lang();
    let name = move |p: EntityPanel| match p {
        EntityPanel::Articles => lang.get().pick("في المقالات", "By article"),
        EntityPanel::OverTime => lang.get().pick("عبر الزمن", "Over time"),
        EntityPanel::Together => lang.get().pick("معًا", "Together"),
    };
    view! {
        <nav class="tabs entity-panels" role="tablist" data-testid="entity-panels">
            {EntityPanel::ALL.into_iter().map(|p| view! {
                <button type="button" role="tab" class="tab" data-testid="entity-panel" data-panel=p.name()
                    aria-selected=move || (panel.get() == p).to_string()
                    on:click=move |_| panel.set(p)>
                    {move || name(p)}
                </button>
            }).collect_view()}
        </nav>
    }
}
