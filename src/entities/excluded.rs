//! The mentions the user left out by hand (from a line of an entity's concordance), each one
//! click from being counted again.

use leptos::prelude::*;

use super::chart::entity_name;
use crate::i18n::{Lang, use_lang};
use crate::state::entities::EntityList;

#[component]
pub fn Excluded(list: EntityList) -> impl IntoView {
    let lang = use_lang();
    let count = move || list.gazetteer.with(|g| g.excluded.len());
    let rows = move || {
        let lang = lang.get();
        let excluded = list.gazetteer.with(|g| g.excluded.clone());
        list.counted.with(|c| {
            excluded
                .into_iter()
                .map(|m| {
                    let name = c.gazetteer.get(&m.entity).map_or_else(|| m.entity.clone(), |e| entity_name(e, lang));
                    (m, name)
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <details class="uncounted" data-testid="excluded-mentions" hidden=move || count() == 0>
            <summary>{move || match lang.get() {
                Lang::Ar => format!("{} إشارة تركتَها خارج العدّ", count()),
                Lang::En => format!("{} mentions you left out of the counts", count()),
            }}</summary>
            <ul>
                {move || rows().into_iter().map(|(mention, name)| {
                    let restore = {
                        let mention = mention.clone();
                        move |_| list.restore_mention(&mention)
                    };
                    let (document, start) = (mention.document.clone(), mention.start);
                    view! {
                        <li data-testid="excluded-mention" data-doc=mention.document.clone() data-entity=mention.entity.clone() data-start=mention.start>
                            <bdi>{name}</bdi>
                            {move || match lang.get() {
                                Lang::Ar => format!(" — في «{document}»، عند الحرف {start}"),
                                Lang::En => format!(" — in “{document}”, at character {start}"),
                            }}
                            " "
                            <button type="button" class="export" data-testid="restore-mention" on:click=restore>
                                {move || lang.get().pick("أعِدها إلى العدّ", "Count it again")}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </details>
    }
}
