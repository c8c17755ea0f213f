//! The entities view: who and where, across the articles. The list the user edits, the chart and
//! its table, suggestions of names to add.

mod chart;
mod editor;
mod list;
mod status;
mod suggestions;
mod world;

use leptos::prelude::*;
use siyaq_engine::entities::EntityTable;

use crate::chunks::chunk;
use crate::state::chart::{ChartData, ChartSettings};
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
    view! {
        <section class="entities" data-testid="entities">
            <world::WorldLine list />
            <chart::ChartControls settings list />
            <chart::Chart data list search nav />
            <chart::ChartTable data list search nav />
            <world::Uncounted list search />
            <editor::Editor list />
            <suggestions::Suggestions list search />
        </section>
    }
}
