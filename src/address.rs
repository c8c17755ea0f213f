//! Keeps the address bar and the view in step: the view is read from the URL when the page opens
//! and on Back/Forward, and written to it on every change. Typing replaces the current history
//! entry; a new search, opening an article or a hit, and switching views add one.

use leptos::{ev, prelude::*};
use siyaq_engine::gazetteer::{Gazetteer, GazetteerChanges};
use siyaq_state::entity_changes::{self, ChangesProblem, MAX_COMPACT_BYTES, TOO_MANY};
use siyaq_state::link::{LinkContext, ReadLink, read, write_with_entities};
use siyaq_state::link_notice::LinkNotice;
use wasm_bindgen::JsValue;

use crate::browser::{self, Inflated};
use crate::i18n::Lang;
use crate::state::corpus::{articles, bundled, loaded};
use crate::state::entities::Notice;
use crate::state::settings::{Settings, State};

/// A query typed this long after the last change starts a new search, and a new history entry.
const NEW_SEARCH_AFTER_MS: f64 = 2000.0;

/// Milliseconds of calm before the current history entry is rewritten.
const REPLACE_AFTER_MS: u64 = 250;

fn replace_entry(url: &str) {
    let _ = window().history().map(|h| h.replace_state_with_url(&JsValue::NULL, "", Some(url)));
}

/// The view state the address bar follows, and the entity changes as its link carries them.
#[derive(Clone, Copy)]
pub struct AddressBar {
    pub state: State,
    entities: LinkEntities,
}

impl AddressBar {
    pub fn new(state: State) -> Self {
        AddressBar { state, entities: LinkEntities { value: RwSignal::new(None) } }
    }
}

/// The value of the link's `entities=`: compressing it is asynchronous, so the latest encoding is
/// kept here and the address uses it once it matches the list on screen.
#[derive(Clone, Copy)]
pub struct LinkEntities {
    value: RwSignal<Option<EntitiesValue>>,
}

#[derive(Clone, Debug, PartialEq)]
enum EntitiesValue {
    /// The value the page was opened with, while the browser inflates it: kept in the address as
    /// it came, so that it is never dropped meanwhile.
    Inflating(String),
    Encoded { changes: GazetteerChanges, value: String },
}

impl crate::notice::Notify for LinkNotice {
    fn message(&self, lang: Lang) -> String {
        LinkNotice::message(self, lang, loaded().version())
    }

    fn is_problem(&self) -> bool {
        LinkNotice::is_problem(self)
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

/// The full address of the view as it is now, even before the address bar catches up; its entity
/// changes compressed when the browser can.
pub async fn current_link(bar: AddressBar) -> String {
    let base = browser::page_address();
    let settings = bar.state.settings_untracked();
    let entities = match bar.entities.value.get_untracked() {
        Some(EntitiesValue::Inflating(value)) => Some(value),
        Some(EntitiesValue::Encoded { changes, value }) if changes == settings.entities => Some(value),
        _ if settings.entities.is_empty() => None,
        _ => Some(encode(&settings.entities).await),
    };
    let parameters = with_context(|context| write_with_entities(&settings, context, entities.as_deref()));
    format!("{base}{}{parameters}", if from_file() { '#' } else { '?' })
}

/// What links need to know of this build.
fn with_context<T>(work: impl FnOnce(&LinkContext) -> T) -> T {
    let articles: Vec<&str> = articles().iter().map(|a| a.id()).collect();
    // A bound for hit positions that needs no index: there are fewer words than bytes.
    let corpus = loaded();
    let words = corpus.text_bytes();
    let bundled = bundled();
    let source = crate::state::corpus::source().as_link();
    work(&LinkContext { version: corpus.version(), source, articles: &articles, words, bundled: &bundled })
}

fn read_location() -> ReadLink {
    with_context(|context| read(&location_parameters(), context))
}

/// The shortest value for `changes`: deflated by the browser when it can, else only compact.
async fn encode(changes: &GazetteerChanges) -> String {
    let bundled = bundled();
    let compact = entity_changes::compact_value(changes, &bundled);
    let deflated = match browser::deflate(&entity_changes::to_compact(changes, &bundled)).await {
        Some(bytes) => entity_changes::deflated_value(&bytes),
        None => TOO_MANY.to_string(),
    };
    [compact, deflated].into_iter().filter(|v| v != TOO_MANY).min_by_key(String::len).unwrap_or_else(|| TOO_MANY.to_string())
}

impl AddressBar {
    /// The value of `entities=` for `changes` now, tracked: the latest encoding when it is of
    /// these changes, else (while the browser compresses) the compact form.
    fn entities_value(&self, changes: &GazetteerChanges) -> Option<String> {
        match self.entities.value.get() {
            Some(EntitiesValue::Inflating(value)) => Some(value),
            Some(EntitiesValue::Encoded { changes: encoded, value }) if encoded == *changes => Some(value),
            _ if changes.is_empty() => None,
            _ => Some(entity_changes::compact_value(changes, &bundled())),
        }
    }
}

/// Reads the link the page was opened with, then keeps the URL in step with the view.
pub fn follow_the_address(bar: AddressBar) -> RwSignal<Option<LinkNotice>> {
    let opened = read_location();
    bar.state.show(&opened.settings);
    let link_notice = RwSignal::new(LinkNotice::of(&opened));
    if !opened.settings.entities.is_empty() {
        show_link_changes(bar, link_notice, &opened.settings.entities);
    }
    if let Some(deflated) = opened.deflated_entities {
        inflate_link_changes(bar, link_notice, deflated);
    }
    keep_entities_encoded(bar, link_notice);

    let last = StoredValue::new(None::<Settings>);
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
        let settings = bar.state.settings();
        let entities = bar.entities_value(&settings.entities);
        let parameters = with_context(|context| write_with_entities(&settings, context, entities.as_deref()));
        let previous = last.get_value();
        last.set_value(Some(settings.clone()));
        let url = address(&parameters);
        if pending.with_value(|p| p.as_ref().map(|(_, u)| u == &url)).unwrap_or(location_parameters() == parameters) {
            return;
        }
        let now = js_sys::Date::now();
        let new_entry = previous.is_some_and(|before| {
            let moved = before.view != settings.view || before.open != settings.open || before.focus != settings.focus;
            let new_search = before.query != settings.query && {
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
        last.set_value(Some(read.settings.clone()));
        bar.state.show(&read.settings);
        tell_about(link_notice, &read);
    });
    let _ = window_event_listener(ev::hashchange, move |_| {
        if from_file() {
            let read = read_location();
            bar.state.show(&read.settings);
            tell_about(link_notice, &read);
        }
    });
    link_notice
}

/// Shows the entity list a link carries (the saved one is left alone), or says why it cannot.
fn show_link_changes(bar: AddressBar, link_notice: RwSignal<Option<LinkNotice>>, changes: &GazetteerChanges) {
    match Gazetteer::with_changes(&bundled(), changes) {
        Ok(list) => {
            bar.state.list.show_from_link(list);
            link_notice.update(|notice| {
                notice.get_or_insert_with(LinkNotice::empty).carried_entities = true;
            });
        }
        Err(error) => bar.state.list.notice.set(Some(Notice::EditRefused(error))),
    }
}

/// A link reached by Back, Forward or a new `#` part: what it carried that was not used is told.
/// Its entity changes are left out, told or not: the list is the user's, not the history's (and
/// the page's own entries may say `too-many`).
fn tell_about(link_notice: RwSignal<Option<LinkNotice>>, read: &ReadLink) {
    let notice = LinkNotice::of(read).map(|notice| LinkNotice { entities_problem: None, ..notice });
    if let Some(notice) = notice.filter(LinkNotice::is_problem) {
        link_notice.set(Some(notice));
    }
}

/// The link's changes came deflated: the browser inflates them, and the address keeps them as
/// they came meanwhile.
fn inflate_link_changes(bar: AddressBar, link_notice: RwSignal<Option<LinkNotice>>, deflated: Vec<u8>) {
    let value = entity_changes::deflated_value(&deflated);
    bar.entities.value.set(Some(EntitiesValue::Inflating(value.clone())));
    leptos::task::spawn_local(async move {
        let changes = match browser::inflate(&deflated, MAX_COMPACT_BYTES).await {
            Inflated::Bytes(compact) => entity_changes::from_compact(&compact, &bundled()),
            Inflated::TooLarge => Err(ChangesProblem::TooBig),
            Inflated::Broken => Err(ChangesProblem::Unreadable),
            Inflated::Unsupported => Err(ChangesProblem::CannotInflate),
        };
        match changes {
            Ok(changes) => {
                bar.entities.value.set(Some(EntitiesValue::Encoded { changes: changes.clone(), value }));
                show_link_changes(bar, link_notice, &changes);
            }
            Err(problem) => {
                bar.entities.value.set(None);
                link_notice.update(|notice| notice.get_or_insert_with(LinkNotice::empty).entities_problem = Some(problem));
            }
        }
    });
}

/// Encodes the list's changes for the link whenever the list changes; says so (in the link's
/// notice) while they are too many for a link.
fn keep_entities_encoded(bar: AddressBar, link_notice: RwSignal<Option<LinkNotice>>) {
    let (list, value) = (bar.state.list, bar.entities.value);
    let left_out = move |now: bool| {
        if link_notice.with_untracked(|n| n.as_ref().is_some_and(|n| n.edits_left_out) != now) {
            link_notice.update(|notice| {
                let shown = notice.get_or_insert_with(LinkNotice::empty);
                shown.edits_left_out = now;
                if !shown.says_something() {
                    *notice = None;
                }
            });
        }
    };
    let current = move || list.gazetteer.with_untracked(|g| g.changes_from(&bundled()));
    Effect::new(move |_| {
        let changes = list.gazetteer.with(|g| g.changes_from(&bundled()));
        // Tracked too: when the link's own changes could not be read, the list's are encoded.
        let up_to_date = value.with(|v| match v {
            // The link's own changes, still being read: they are not to be written over.
            Some(EntitiesValue::Inflating(_)) => true,
            Some(EntitiesValue::Encoded { changes: encoded, .. }) => *encoded == changes,
            None => changes.is_empty(),
        });
        if up_to_date {
            return;
        }
        if changes.is_empty() {
            value.set(None);
            left_out(false);
            return;
        }
        leptos::task::spawn_local(async move {
            let encoded = encode(&changes).await;
            // A later edit may have been encoded first: only the list on screen counts.
            if current() == changes {
                left_out(encoded == TOO_MANY);
                value.set(Some(EntitiesValue::Encoded { changes, value: encoded }));
            }
        });
    });
}
