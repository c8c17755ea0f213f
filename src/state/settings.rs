//! The view's settings as one value and the signals that hold them. [`Settings`] (defined in
//! `siyaq-state`, where the link reads and writes it) is the one list of what a view is; here the
//! page's signals are built from a `Settings`, read back into one, and set from one, each in one
//! place.

use leptos::prelude::*;
use siyaq_engine::SortKey;
use siyaq_state::Lang;
pub use siyaq_state::link::Settings;

use super::chart::ChartSettings;
use super::corpus::{articles, bundled};
use super::entities::EntityList;
use super::navigation::{Navigation, View};
use super::search::SearchState;

/// Every signal of the view state. Copied freely: the signals are handles.
#[derive(Clone, Copy)]
pub struct State {
    pub search: SearchState,
    pub nav: Navigation,
    pub chart: ChartSettings,
    /// The entity list: the user's, loaded from the browser, not from the settings.
    pub list: EntityList,
    pub lang: RwSignal<Lang>,
}

impl State {
    /// The view `settings` describe, with the entity list this browser keeps.
    pub fn new(settings: &Settings) -> Self {
        Self::with_list(settings, EntityList::load(settings))
    }

    /// The view `settings` describe, with `list` (native tests give one that touches no storage).
    fn with_list(settings: &Settings, list: EntityList) -> Self {
        let chart = ChartSettings::new(settings);
        State {
            search: SearchState::new(settings, list, chart.scope),
            nav: Navigation::new(settings),
            chart,
            list,
            lang: RwSignal::new(settings.lang),
        }
    }

    /// The view now, tracked: an effect that calls this runs again on any change. The open
    /// article and the hit in focus belong to the reader, so other views leave them out.
    pub fn settings(&self) -> Settings {
        let search = self.search;
        let sort = search.sort.with(|s| s.first().copied()).unwrap_or(SortKey::Document);
        let open = self.nav.open.get().and_then(|id| articles().iter().position(|a| a.id() == id));
        Settings {
            query: search.query.get(),
            mode: search.mode.get(),
            steps: search.steps.get(),
            width: search.width.get(),
            sort,
            excluded: search.excluded.get(),
            form: search.form.get(),
            page: search.page.get(),
            view: self.nav.view.get(),
            open: if self.nav.view.get() == View::Reader { open } else { None },
            focus: if self.nav.view.get() == View::Reader { self.nav.focus.get() } else { None },
            measure: self.chart.measure.get(),
            kinds: self.chart.kinds.get(),
            top: self.chart.top.get(),
            order: self.chart.order.get(),
            demonyms: self.list.demonyms.get(),
            panel: self.chart.panel.get(),
            granularity: self.chart.granularity.get(),
            scope: self.chart.scope.get(),
            lang: self.lang.get(),
            entities: self.list.gazetteer.with(|g| g.changes_from(&bundled())),
        }
    }

    /// The view now, untracked.
    pub fn settings_untracked(&self) -> Settings {
        untrack(|| self.settings())
    }

    /// Shows `settings`. The entity list is left alone: it is the user's, not the history's. An
    /// article is kept open when `settings` name none, so the reader has one to come back to.
    /// Every setting is named, so a setting added to `Settings` is not forgotten here.
    pub fn show(&self, settings: &Settings) {
        let Settings {
            query,
            mode,
            steps,
            width,
            sort,
            excluded,
            form,
            page,
            view,
            open,
            focus,
            measure,
            kinds,
            top,
            order,
            demonyms,
            panel,
            granularity,
            scope,
            lang,
            entities: _,
        } = settings;
        let (search, nav, chart) = (self.search, self.nav, self.chart);
        search.typed.set(query.clone());
        search.query.set(query.clone());
        search.mode.set(*mode);
        search.steps.set(*steps);
        search.width.set(*width);
        search.sort.set(vec![*sort]);
        search.excluded.set(excluded.clone());
        search.form.set(form.clone());
        search.page.set(*page);
        nav.view.set(*view);
        if let Some(article) = open.and_then(|d| articles().get(d)) {
            nav.open.set(Some(article.id()));
        }
        nav.focus.set(*focus);
        chart.measure.set(*measure);
        chart.kinds.set(kinds.clone());
        chart.top.set(*top);
        chart.order.set(*order);
        self.list.demonyms.set(*demonyms);
        chart.panel.set(*panel);
        chart.granularity.set(*granularity);
        chart.scope.set(*scope);
        self.lang.set(*lang);
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use siyaq_engine::entities::{Measure, RowOrder};
    use siyaq_engine::gazetteer::EntityKind;
    use siyaq_engine::{Hit, MatchMode, Profile};

    use super::*;

    /// Every setting away from its default (the entity changes aside: they come from the list).
    fn elsewhere() -> Settings {
        Settings {
            query: "بوتين".into(),
            mode: MatchMode::Stem,
            steps: Profile::Loose.steps(),
            width: 12,
            sort: SortKey::After(2),
            excluded: BTreeSet::from([1]),
            form: Some("لبوتين".into()),
            page: 3,
            view: View::Reader,
            open: Some(2),
            focus: Some(Hit { word: 40, len: 1 }),
            measure: Measure::PerThousand,
            kinds: BTreeSet::from([EntityKind::Person]),
            top: 40,
            order: RowOrder::Document(1),
            demonyms: true,
            panel: siyaq_state::EntityPanel::Together,
            granularity: siyaq_engine::entities::periods::Granularity::Week,
            scope: siyaq_engine::entities::together::Scope::Article,
            lang: Lang::En,
            entities: Default::default(),
        }
    }

    fn state(settings: &Settings) -> State {
        State::with_list(settings, EntityList::unsaved(settings))
    }

    #[test]
    fn the_signals_are_built_from_settings_and_read_back_the_same() {
        assert_eq!(state(&elsewhere()).settings_untracked(), elsewhere());
        assert_eq!(state(&Settings::default()).settings_untracked(), Settings::default());
    }

    #[test]
    fn shown_settings_read_back_the_same() {
        let state = state(&Settings::default());
        state.show(&elsewhere());
        assert_eq!(state.settings_untracked(), elsewhere());
        state.show(&Settings::default());
        assert_eq!(state.settings_untracked(), Settings::default());
        // Out of the reader the article stays open, for the reader to come back to.
        assert_eq!(state.nav.open.get_untracked(), articles().get(2).map(|a| a.id()));
    }

    #[test]
    fn the_list_s_edits_are_read_as_its_changes() {
        let state = state(&Settings::default());
        state.list.gazetteer.update(|g| g.add_alias("putin", "بوتن").unwrap());
        let changes = state.list.gazetteer.with_untracked(|g| g.changes_from(&bundled()));
        assert!(!changes.is_empty());
        assert_eq!(state.settings_untracked().entities, changes);
    }
}
