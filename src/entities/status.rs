//! Lines under the notices while the list on screen is not simply the saved one: a link's list
//! (keep it, or go back to the saved list) and an unreadable saved list kept aside (export it, or
//! discard it).

use leptos::prelude::*;

use crate::i18n::tr;
use crate::state::entities::{EntityList, Origin};

#[component]
pub fn ListStatus(list: EntityList) -> impl IntoView {
    let export_kept_aside = move |_| {
        if let Some(text) = list.kept_aside_text() {
            let _ = crate::browser::save_file("siyaq-entities-unreadable.json", &text, "application/json");
        }
    };
    view! {
        <p class="notice" role="status" data-testid="link-list" hidden=move || list.origin.get() != Origin::Link>
            <span>{tr(
                "تعرض الصفحة قائمة الكيانات التي جاءت في الرابط؛ قائمتك المحفوظة لم تُمس، ولا يُحفظ ما تعدّله هنا إلا إذا احتفظت بهذه القائمة.",
                "This page shows the entity list that came with the link; your saved list is untouched, and edits here are saved only if you keep this list.",
            )}</span>
            " "
            <button type="button" class="dismiss" data-testid="keep-link-list" on:click=move |_| list.keep_link_list()>
                {tr("احتفظ بهذه القائمة", "Keep this list")}
            </button>
            " "
            <button type="button" class="dismiss" data-testid="use-saved-list" on:click=move |_| list.back_to_saved_list()>
                {tr("عُد إلى قائمتي المحفوظة", "Back to my saved list")}
            </button>
        </p>
        <p class="notice problem" role="status" data-testid="kept-aside" hidden=move || list.kept_aside.get().is_none()>
            <span>{tr(
                "نسخة من قائمة كيانات محفوظة تعذّرت قراءتها محفوظة جانبًا في هذا المتصفح.",
                "A saved entity list that could not be read is kept aside in this browser.",
            )}</span>
            " "
            <button type="button" class="dismiss" data-testid="export-kept-aside" on:click=export_kept_aside>
                {tr("صدّرها", "Export it")}
            </button>
            " "
            <button type="button" class="dismiss" data-testid="discard-kept-aside" on:click=move |_| list.discard_kept_aside()>
                {tr("احذفها", "Discard it")}
            </button>
        </p>
    }
}
