//! The page: the masthead with its tabs, the notices, the corpus panel and the main view.

use leptos::{ev, prelude::*};
use siyaq_engine::Hit;
use wasm_bindgen::JsCast;

use crate::address::{AddressBar, follow_the_address};
use crate::chunks::ChunkUnavailable;
use crate::concordance::ConcordanceView;
use crate::collections::CollectionsPanel;
use crate::corpus_panel::CorpusPanel;
use crate::entities::{ListStatus, entities_view};
use crate::i18n::tr;
use crate::notice::NoticeBar;
use crate::reader::Reader;
use crate::state::navigation::View;
use crate::state::search::SearchState;
use crate::state::settings::{Settings, State};

/// The whole page: masthead, the corpus panel, and the concordance or the reader.
#[component]
pub fn App() -> impl IntoView {
    // The view of a link without parameters, until the address says otherwise.
    let state = State::new(&Settings::default());
    let State { search, nav, chart, list, lang } = state;
    provide_context(lang);
    // A part of the app that could not be downloaded when asked for (see `chunks`).
    let unavailable = RwSignal::new(None::<ChunkUnavailable>);
    provide_context(unavailable);
    let address_bar = AddressBar::new(state);
    // The reader and the entities view are built the first time they open, then kept (with their
    // scroll position) while hidden: a first load draws only what it shows.
    let reader_opened = nav.opened_once(View::Reader);
    let entities_opened = nav.opened_once(View::Entities);
    let link_notice = follow_the_address(address_bar);

    Effect::new(move |_| {
        let lang = lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
            let _ = root.set_attribute("dir", lang.dir());
        }
    });
    keep_the_index(search);
    // Escape leaves the reader for the concordance, back on the line that was opened.
    let _ = window_event_listener(ev::keydown, move |event| {
        if event.key() == "Escape" && nav.view.get_untracked() == View::Reader {
            nav.view.set(View::Concordance);
            if let Some(hit) = nav.focus.get_untracked() {
                request_animation_frame(move || focus_row(hit));
            }
        }
    });

    let tab = move |view: View, ar: &'static str, en: &'static str| {
        view! {
            <button type="button" role="tab" class="tab" data-view=view.name()
                aria-selected=move || (nav.view.get() == view).to_string()
                on:click=move |_| nav.view.set(view)>
                {tr(ar, en)}
            </button>
        }
    };
    view! {
        <header class="masthead">
            <h1 class="brand">{tr("سياق", "siyaq")}</h1>
            <p class="tagline">{tr("الكلمة في سياقها: قراءة الصحافة العربية وتحليلها في المتصفح", "Arabic press text, word in context, in your browser")}</p>
            <nav class="tabs" role="tablist">
                {tab(View::Concordance, "الكشاف السياقي", "Concordance")}
                {tab(View::Reader, "القارئ", "Reader")}
                {tab(View::Entities, "الكيانات", "Entities")}
            </nav>
            <CopyLink address_bar />
            <button type="button" class="lang-switch" data-testid="lang-switch" lang=move || lang.get().other().code()
                on:click=move |_| lang.update(|l| *l = l.other())>
                {move || lang.get().pick("English", "العربية")}
            </button>
        </header>
        <NoticeBar notice=link_notice testid="link-notice" />
        <NoticeBar notice=list.notice testid="entity-notice" />
        <ListStatus list />
        <NoticeBar notice=unavailable testid="chunk-notice" />
        <main class="workspace">
            <CorpusPanel nav search><CollectionsPanel /></CorpusPanel>
            <div class="main-view">
                <div hidden=move || nav.view.get() != View::Concordance>
                    <ConcordanceView search nav />
                </div>
                <div hidden=move || nav.view.get() != View::Reader>
                    {move || reader_opened.get().then(|| view! { <Reader nav search /> })}
                </div>
                <div hidden=move || nav.view.get() != View::Entities>
                    {move || entities_opened.get().then(|| entities_view(search, nav, list, chart))}
                </div>
            </div>
        </main>
    }
}

/// Copies the address of the view, which restores it anywhere, and says so.
#[component]
fn CopyLink(address_bar: AddressBar) -> impl IntoView {
    let lang = address_bar.state.lang;
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        leptos::task::spawn_local(async move {
            let href = crate::address::current_link(address_bar).await;
            let ok = crate::browser::copy_text(&href).await;
            copied.set(Some(ok));
            set_timeout(move || copied.set(None), std::time::Duration::from_millis(2500));
        });
    };
    view! {
        <button type="button" class="copy-link" data-testid="copy-link" on:click=copy>
            {move || match copied.get() {
                Some(true) => lang.get().pick("نُسخ الرابط ✓", "Link copied ✓"),
                Some(false) => lang.get().pick("انسخ الرابط من شريط العنوان", "Copy the link from the address bar"),
                None => lang.get().pick("انسخ رابط هذا العرض", "Copy link to this view"),
            }}
        </button>
        <span class="visually-hidden" role="status">{move || copied.get().map(|ok| if ok { lang.get().pick("نُسخ الرابط", "Link copied") } else { "" })}</span>
    }
}

/// Puts keyboard focus on the concordance line of `hit`, if it is on the page.
fn focus_row(hit: Hit) {
    let selector = format!("[data-testid=kwic-row][data-word=\"{}\"]", hit.word);
    if let Ok(Some(row)) = document().query_selector(&selector)
        && let Ok(row) = row.dyn_into::<web_sys::HtmlElement>()
    {
        let _ = row.focus();
    }
}

/// How long after the page has drawn its index the page waits to keep it, so that writing it
/// never competes with the first search.
const KEEP_INDEX_AFTER: std::time::Duration = std::time::Duration::from_secs(2);

/// Keeps an index built here (with the default steps) in the browser's cache for later visits,
/// once, when the page has settled.
fn keep_the_index(search: SearchState) {
    let kept = StoredValue::new(crate::state::corpus::index_was_offered());
    Effect::new(move |_| {
        let index = search.index.get();
        if kept.get_value() || search.steps.get_untracked() != siyaq_engine::Steps::default() {
            return;
        }
        kept.set_value(true);
        set_timeout(
            move || {
                let corpus = crate::state::corpus::loaded();
                leptos::task::spawn_local(crate::index_cache::keep(corpus, siyaq_engine::Steps::default(), index.0));
            },
            KEEP_INDEX_AFTER,
        );
    });
}
