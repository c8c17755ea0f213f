//! Where the user is: the view, the open article and the hit in focus.

use leptos::prelude::*;
use siyaq_engine::Hit;
pub use siyaq_state::View;
use siyaq_state::link::Settings;

use super::corpus::articles;

/// Where the user is: the view, the open article and the hit in focus.
#[derive(Clone, Copy)]
pub struct Navigation {
    pub view: RwSignal<View>,
    pub open: RwSignal<Option<&'static str>>,
    pub focus: RwSignal<Option<Hit>>,
}

impl Navigation {
    /// Where `settings` say; the reader holds the first article until another is opened.
    pub fn new(settings: &Settings) -> Self {
        let open = settings.open.and_then(|d| articles().get(d)).or_else(|| articles().first());
        Navigation {
            view: RwSignal::new(settings.view),
            open: RwSignal::new(open.map(|a| a.id())),
            focus: RwSignal::new(settings.focus),
        }
    }

    /// Opens an article in the reader at its start.
    pub fn open_article(&self, id: &'static str) {
        self.open.set(Some(id));
        self.focus.set(None);
        self.view.set(View::Reader);
    }

    /// True from the first time `view` is shown on.
    pub fn opened_once(&self, view: View) -> Memo<bool> {
        let shown = self.view;
        Memo::new(move |opened: Option<&bool>| opened.copied().unwrap_or(false) || shown.get() == view)
    }

    /// Opens the reader at a hit of the concordance.
    pub fn open_hit(&self, document: usize, hit: Hit) {
        if let Some(article) = articles().get(document) {
            self.open.set(Some(article.id()));
            self.focus.set(Some(hit));
            self.view.set(View::Reader);
        }
    }
}
