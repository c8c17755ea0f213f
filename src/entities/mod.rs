//! The entities view: who and where, across the articles. The list the user edits, the chart and
//! its table, suggestions of names to add.

mod chart;
mod editor;
mod store;
mod suggestions;

use std::collections::BTreeSet;

use leptos::prelude::*;
use siyaq_engine::entities::{EntityTable, Measure, RowOrder};
use siyaq_engine::gazetteer::{EntityKind, Gazetteer, GazetteerError};

use crate::app::{Navigation, View};
use crate::i18n::{Lang, tr};
use crate::library::articles;
use crate::search::{SearchState, Shared};

pub use store::ListProblem;

/// Something the user should know about their list.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The list saved in this browser could not be used; the bundled one is shown.
    SavedListIgnored(ListProblem),
    ImportRefused(ListProblem),
    Imported(usize),
    EditRefused(GazetteerError),
    Reset,
    /// The browser refused to store the list (full or disabled storage).
    NotSaved,
}

impl crate::notice::Notify for Notice {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Notice::SavedListIgnored(p), Lang::Ar) => {
                format!("تعذّرت قراءة قائمة الكيانات المحفوظة في هذا المتصفح، فعُرضت القائمة المرفقة: {}", p.message_ar())
            }
            (Notice::SavedListIgnored(p), Lang::En) => {
                format!("The entity list saved in this browser could not be read, so the bundled list is shown: {}", p.message_en())
            }
            (Notice::ImportRefused(p), Lang::Ar) => format!("لم يُستورد الملف: {}", p.message_ar()),
            (Notice::ImportRefused(p), Lang::En) => format!("The file was not imported: {}", p.message_en()),
            (Notice::Imported(n), Lang::Ar) => format!("استُوردت قائمة من {n} كيانًا."),
            (Notice::Imported(n), Lang::En) => format!("Imported a list of {n} entities."),
            (Notice::EditRefused(e), Lang::Ar) => e.message_ar(),
            (Notice::EditRefused(e), Lang::En) => e.message_en(),
            (Notice::Reset, Lang::Ar) => "أُعيدت القائمة المرفقة، وحُذفت تعديلاتك.".to_string(),
            (Notice::Reset, Lang::En) => "The bundled list is back; your edits are gone.".to_string(),
            (Notice::NotSaved, Lang::Ar) => "لم يقبل المتصفح حفظ القائمة؛ صدّرها في ملف كي لا تضيع.".to_string(),
            (Notice::NotSaved, Lang::En) => "The browser refused to save the list; export it to a file to keep it.".to_string(),
        }
    }

    fn is_problem(&self) -> bool {
        !matches!(self, Notice::Imported(_) | Notice::Reset)
    }
}

/// The entity list the user works with, saved in the browser on every change.
#[derive(Clone, Copy)]
pub struct EntityList {
    pub gazetteer: RwSignal<Gazetteer>,
    /// Count demonyms (الروسي، الروس) as mentions of their place.
    pub demonyms: RwSignal<bool>,
    pub notice: RwSignal<Option<Notice>>,
}

impl EntityList {
    /// The list saved in this browser, or the bundled one.
    pub fn load() -> Self {
        let (gazetteer, notice) = match store::load() {
            None => (siyaq_corpus::gazetteer(), None),
            Some(Ok(saved)) => (saved, None),
            Some(Err(problem)) => (siyaq_corpus::gazetteer(), Some(Notice::SavedListIgnored(problem))),
        };
        EntityList { gazetteer: RwSignal::new(gazetteer), demonyms: RwSignal::new(false), notice: RwSignal::new(notice) }
    }

    /// Applies `change` if it is valid, saves, and reports a refusal; true when applied.
    pub fn edit(&self, change: impl FnOnce(&mut Gazetteer) -> Result<(), GazetteerError>) -> bool {
        let mut edited = self.gazetteer.get_untracked();
        match change(&mut edited) {
            Ok(()) => {
                self.replace(edited, None);
                true
            }
            Err(error) => {
                self.notice.set(Some(Notice::EditRefused(error)));
                false
            }
        }
    }

    fn replace(&self, gazetteer: Gazetteer, notice: Option<Notice>) {
        let saved = store::save(&gazetteer);
        self.gazetteer.set(gazetteer);
        self.notice.set(if saved { notice } else { Some(Notice::NotSaved) });
    }

    pub fn import(&self, json: &str) {
        match store::from_json(json) {
            Ok(list) => {
                let count = list.entities.len();
                self.replace(list, Some(Notice::Imported(count)));
            }
            Err(problem) => self.notice.set(Some(Notice::ImportRefused(problem))),
        }
    }

    pub fn export(&self) -> String {
        self.gazetteer.with_untracked(store::to_json)
    }

    pub fn reset(&self) {
        store::forget();
        self.gazetteer.set(siyaq_corpus::gazetteer());
        self.notice.set(Some(Notice::Reset));
    }
}

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
