//! A line at the top of the page telling the user something they should know, until dismissed.

use leptos::prelude::*;

use crate::i18n::{Lang, tr, use_lang};

/// Something worth a notice.
pub trait Notify: Clone + Send + Sync + 'static {
    fn message(&self, lang: Lang) -> String;
    /// Shown as a problem (something could not be used) rather than as news.
    fn is_problem(&self) -> bool;
}

/// The notice held by `notice`, if any, with a button that dismisses it.
#[component]
pub fn NoticeBar<T: Notify>(notice: RwSignal<Option<T>>, testid: &'static str) -> impl IntoView {
    let lang = use_lang();
    view! {
        {move || notice.get().map(|shown| view! {
            <p class="notice" class:problem=shown.is_problem() role="status" data-testid=testid>
                <span>{shown.message(lang.get())}</span>
                " "
                <button type="button" class="dismiss" on:click=move |_| notice.set(None)>{tr("حسنًا", "Dismiss")}</button>
            </p>
        })}
    }
}
