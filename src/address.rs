//! Keeps the address bar and the view in step: the view is read from the URL when the page opens
//! and on Back/Forward, and written to it on every change. Typing replaces the current history
//! entry; a new search, opening an article or a hit, and switching views add one.

use std::sync::Arc;

use leptos::{ev, prelude::*};
use siyaq_engine::gazetteer::Gazetteer;
use wasm_bindgen::JsValue;

use crate::app::Navigation;
use crate::entities::{ChartSettings, EntityList, Notice};
use crate::i18n::Lang;
use crate::library::articles;
use siyaq_state::link::{Ignored, ReadLink, ViewState, read, write};
use crate::search::SearchState;

/// A query typed this long after the last change starts a new search, and a new history entry.
const NEW_SEARCH_AFTER_MS: f64 = 2000.0;

/// Milliseconds of calm before the current history entry is rewritten.
const REPLACE_AFTER_MS: u64 = 250;

fn replace_entry(url: &str) {
    let _ = window().history().map(|h| h.replace_state_with_url(&JsValue::NULL, "", Some(url)));
}

/// Every signal a link restores.
#[derive(Clone, Copy)]
pub struct ViewSignals {
    pub search: SearchState,
    pub nav: Navigation,
    pub chart: ChartSettings,
    pub list: EntityList,
    pub lang: RwSignal<Lang>,
}

/// What the user should know about the link the page was opened with.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkNotice {
    pub ignored: Vec<Ignored>,
    pub other_version: Option<String>,
    /// The link carried its own changes to the entity list.
    pub carried_entities: bool,
}

impl crate::notice::Notify for LinkNotice {
    fn message(&self, lang: Lang) -> String {
        let mut parts = Vec::new();
        if let Some(version) = &self.other_version {
            parts.push(match lang {
                Lang::Ar => format!(
                    "صُنع هذا الرابط على نسخة أخرى من المدوّنة (\u{2068}{version}\u{2069}، وهذه \u{2068}{}\u{2069}): قد تختلف النتائج عمّا رآه صاحبه.",
                    siyaq_corpus::CORPUS_VERSION
                ),
                Lang::En => format!(
                    "This link was made with another version of the corpus ({version}; this is {}): results may differ from what its sender saw.",
                    siyaq_corpus::CORPUS_VERSION
                ),
            });
        }
        if !self.ignored.is_empty() {
            // Isolated, so that Latin parameters keep their order inside an Arabic sentence.
            let list: Vec<String> = self.ignored.iter().map(|i| format!("\u{2068}{}={}\u{2069}", i.name, i.value)).collect();
            parts.push(match lang {
                Lang::Ar => format!("أُهملت من الرابط أجزاء غير مفهومة: {}", list.join("، ")),
                Lang::En => format!("Parts of the link that made no sense were ignored: {}", list.join(", ")),
            });
        }
        if self.carried_entities {
            parts.push(
                lang.pick(
                    "يحمل الرابط قائمة كيانات معدّلة فعُرضت؛ قائمتك المحفوظة لم تُمس ما لم تعدّل.",
                    "The link carries an edited entity list, shown here; your saved list is untouched unless you edit.",
                )
                .to_string(),
            );
        }
        parts.join(" ")
    }

    fn is_problem(&self) -> bool {
        self.other_version.is_some() || !self.ignored.is_empty()
    }
}

/// The URL's parameters: after `?` on the web, after `#` in a file opened from disk (where
/// changing the query would mean another file). Both are read either way.
fn location_parameters() -> String {
    let location = window().location();
    let search = location.search().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let search = search.trim_start_matches('?');
    let hash = hash.trim_start_matches('#');
    match (search.is_empty(), hash.is_empty()) {
        (false, false) => format!("{search}&{hash}"),
        (true, _) => hash.to_string(),
        (false, true) => search.to_string(),
    }
}

fn from_file() -> bool {
    window().location().protocol().is_ok_and(|p| p == "file:")
}

/// The address of the view with `parameters`.
fn address(parameters: &str) -> String {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    if from_file() { format!("{path}#{parameters}") } else { format!("{path}?{parameters}") }
}

/// The full address of the view as it is now, even before the address bar catches up.
pub fn current_link(signals: ViewSignals) -> String {
    let href = window().location().href().unwrap_or_default();
    let base = href.split(['?', '#']).next().unwrap_or_default().to_string();
    let parameters = write(&signals.snapshot(), siyaq_corpus::CORPUS_VERSION, &article_ids());
    format!("{base}{}{parameters}", if from_file() { '#' } else { '?' })
}

fn article_ids() -> Vec<&'static str> {
    articles().iter().map(|a| a.id()).collect()
}

fn read_location() -> ReadLink {
    // A bound for hit positions that needs no index: there are fewer words than bytes.
    let bytes = siyaq_corpus::files().iter().map(|f| f.text.len()).sum();
    read(&location_parameters(), siyaq_corpus::CORPUS_VERSION, &article_ids(), bytes)
}

impl ViewSignals {
    /// The view now, tracked: an effect that calls this runs again on any change.
    fn snapshot(&self) -> ViewState {
        let search = self.search;
        let sort = search.sort.with(|s| s.first().copied()).unwrap_or(siyaq_engine::SortKey::Document);
        let open = self.nav.open.get().and_then(|id| articles().iter().position(|a| a.id() == id));
        ViewState {
            query: search.query.get(),
            mode: search.mode.get(),
            steps: search.steps.get(),
            width: search.width.get(),
            sort,
            excluded: search.excluded.get(),
            form: search.form.get(),
            page: search.page.get(),
            view: self.nav.view.get(),
            open: if self.nav.view.get() == crate::app::View::Reader { open } else { None },
            focus: if self.nav.view.get() == crate::app::View::Reader { self.nav.focus.get() } else { None },
            measure: self.chart.measure.get(),
            kinds: self.chart.kinds.get(),
            top: self.chart.top.get(),
            order: self.chart.order.get(),
            demonyms: self.list.demonyms.get(),
            lang: self.lang.get(),
            entities: self.list.gazetteer.with(|g| g.changes_from(&bundled())),
        }
    }

    /// Shows `state`. The entity list is left alone: it is the user's, not the history's.
    fn apply(&self, state: &ViewState) {
        let search = self.search;
        search.typed.set(state.query.clone());
        search.query.set(state.query.clone());
        search.mode.set(state.mode);
        search.steps.set(state.steps);
        search.width.set(state.width);
        search.sort.set(vec![state.sort]);
        search.excluded.set(state.excluded.clone());
        search.form.set(state.form.clone());
        search.page.set(state.page);
        self.nav.view.set(state.view);
        if let Some(article) = state.open.and_then(|d| articles().get(d)) {
            self.nav.open.set(Some(article.id()));
        }
        self.nav.focus.set(state.focus);
        self.chart.measure.set(state.measure);
        self.chart.kinds.set(state.kinds.clone());
        self.chart.top.set(state.top);
        self.chart.order.set(state.order);
        self.list.demonyms.set(state.demonyms);
        self.lang.set(state.lang);
    }
}

fn bundled() -> Arc<Gazetteer> {
    thread_local! {
        static BUNDLED: Arc<Gazetteer> = Arc::new(siyaq_corpus::gazetteer());
    }
    BUNDLED.with(Arc::clone)
}

/// Reads the link the page was opened with, then keeps the URL in step with the view.
pub fn follow_the_address(signals: ViewSignals) -> RwSignal<Option<LinkNotice>> {
    let opened = read_location();
    signals.apply(&opened.state);
    let mut carried_entities = false;
    if !opened.state.entities.is_empty() {
        match Gazetteer::with_changes(&bundled(), &opened.state.entities) {
            Ok(list) => {
                signals.list.show_from_link(list);
                carried_entities = true;
            }
            Err(error) => signals.list.notice.set(Some(Notice::EditRefused(error))),
        }
    }
    let notice = (opened.other_version.is_some() || !opened.ignored.is_empty() || carried_entities).then_some(LinkNotice {
        ignored: opened.ignored,
        other_version: opened.other_version,
        carried_entities,
    });
    let link_notice = RwSignal::new(notice);

    let last = StoredValue::new(None::<ViewState>);
    let last_query_change = StoredValue::new(f64::NEG_INFINITY);
    // Browsers stop obeying (or throw) after a few hundred history calls in seconds: replacements
    // wait for a pause; a new entry is written at once, after any replacement still waiting.
    let pending = StoredValue::new(None::<(TimeoutHandle, String)>);
    let flush = move || {
        if let Some((handle, url)) = pending.get_value() {
            handle.clear();
            pending.set_value(None);
            replace_entry(&url);
        }
    };
    Effect::new(move |_| {
        let state = signals.snapshot();
        let parameters = write(&state, siyaq_corpus::CORPUS_VERSION, &article_ids());
        let previous = last.get_value();
        last.set_value(Some(state.clone()));
        let url = address(&parameters);
        if pending.with_value(|p| p.as_ref().map(|(_, u)| u == &url)).unwrap_or(location_parameters() == parameters) {
            return;
        }
        let now = js_sys::Date::now();
        let new_entry = previous.is_some_and(|before| {
            let moved = before.view != state.view || before.open != state.open || before.focus != state.focus;
            let new_search = before.query != state.query && {
                let quiet = now - last_query_change.get_value() > NEW_SEARCH_AFTER_MS;
                last_query_change.set_value(now);
                quiet
            };
            moved || new_search
        });
        if new_entry {
            flush();
            let _ = window().history().map(|h| h.push_state_with_url(&JsValue::NULL, "", Some(&url)));
        } else {
            if let Some((handle, _)) = pending.get_value() {
                handle.clear();
            }
            let later = url.clone();
            let handle = set_timeout_with_handle(
                move || {
                    pending.set_value(None);
                    replace_entry(&later);
                },
                std::time::Duration::from_millis(REPLACE_AFTER_MS),
            )
            .ok();
            pending.set_value(handle.map(|h| (h, url)));
        }
    });
    let _ = window_event_listener(ev::popstate, move |_| {
        if let Some((handle, _)) = pending.get_value() {
            handle.clear();
            pending.set_value(None);
        }
        let read = read_location();
        last.set_value(Some(read.state.clone()));
        signals.apply(&read.state);
    });
    let _ = window_event_listener(ev::hashchange, move |_| {
        if from_file() {
            let read = read_location();
            signals.apply(&read.state);
        }
    });
    link_notice
}
