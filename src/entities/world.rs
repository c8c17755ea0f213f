//! What is counted besides the user's list: the world gazetteer beneath it (loading, loaded with
//! how many entities, or why not), and the mentions left uncounted because their spelling names
//! several entities and the article does not tell which.

use leptos::prelude::*;

use super::chart::entity_name;
use crate::i18n::{Lang, tr, use_lang};
use crate::state::entities::EntityList;
use crate::state::entities::world::{WorldProblem, WorldStatus};
use siyaq_state::world::{WORLD_FORMAT, WorldError};
use crate::state::search::{SearchState, kwic_rows};

/// Uncounted mentions listed at most, with their sentences.
const MOST_LISTED: usize = 50;

#[component]
pub fn WorldLine(list: EntityList) -> impl IntoView {
    let lang = use_lang();
    let from_world = move || list.counted.with(|c| c.gazetteer.entities.len() - c.world_from);
    let line = move || {
        let lang = lang.get();
        list.world.with(|status| match status {
            WorldStatus::NotAsked | WorldStatus::Loading => lang.pick("يُحمَّل المعجم العالمي للأعلام…", "Loading the world gazetteer…").to_string(),
            WorldStatus::Ready(_) => match lang {
                Lang::Ar => format!("تُعدّ كيانات قائمتك، ومعها {} كيانًا من المعجم العالمي للأعلام (دول ومدن ومناطق وأشخاص ومنظمات) لا تذكرها قائمتك.", from_world()),
                Lang::En => format!("Your list is counted, and beneath it {} entities of the world gazetteer (countries, cities, regions, people, organisations) your list does not name.", from_world()),
            },
            WorldStatus::Failed(problem) => {
                let why = match problem {
                    WorldProblem::Unavailable(message) => message.clone(),
                    WorldProblem::Unusable(WorldError::Unreadable(message)) => message.clone(),
                    WorldProblem::Unusable(WorldError::Format(format)) => match lang {
                        Lang::Ar => format!("صيغته {format}، وهذه النسخة تقرأ الصيغة {WORLD_FORMAT}"),
                        Lang::En => format!("it is in format {format}; this version reads format {WORLD_FORMAT}"),
                    },
                    WorldProblem::ReaderUnavailable => lang.pick("لم يُنزَّل قارئه", "its reader could not be downloaded").to_string(),
                };
                match lang {
                    Lang::Ar => format!("تعذّر تحميل المعجم العالمي للأعلام ({why})؛ تُعدّ قائمتك وحدها."),
                    Lang::En => format!("The world gazetteer could not be loaded ({why}); your list alone is counted."),
                }
            }
        })
    };
    let failed = move || list.world.with(|s| matches!(s, WorldStatus::Failed(_)));
    view! {
        <p class=move || if failed() { "notice problem" } else { "world-line" } role="status" data-testid="world-status"
            data-state=move || list.world.with(|s| match s {
                WorldStatus::NotAsked | WorldStatus::Loading => "loading",
                WorldStatus::Ready(_) => "ready",
                WorldStatus::Failed(_) => "failed",
            })>
            {line}
        </p>
    }
}

/// The mentions no entity counts, each with the entities it may name and its sentence.
#[component]
pub fn Uncounted(list: EntityList, search: SearchState) -> impl IntoView {
    let lang = use_lang();
    let count = move || search.unresolved.with(|u| u.len());
    let rows = move || {
        let unresolved = search.unresolved.get();
        let hits: Vec<_> = unresolved.iter().take(MOST_LISTED).map(|u| u.hit).collect();
        let lines = kwic_rows(&search.index.get(), &hits, 0..hits.len(), 0);
        let lang = lang.get();
        list.counted.with(|c| {
            lines
                .into_iter()
                .zip(unresolved.iter())
                .map(|(line, u)| {
                    let names: Vec<String> = u.entities.iter().filter_map(|&e| c.gazetteer.entities.get(e)).map(|e| entity_name(e, lang)).collect();
                    (line, names.join(lang.pick(" أو ", " or ")))
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <details class="uncounted" data-testid="uncounted" hidden=move || count() == 0>
            <summary>{move || match lang.get() {
                Lang::Ar => format!("{} إشارة لم تُعدّ: صيغتها اسم لأكثر من كيان، ولا يدل المقال على أيها", count()),
                Lang::En => format!("{} mentions not counted: the spelling names more than one entity, and the article does not tell which", count()),
            }}</summary>
            <p>{tr("أضف إلى قائمتك الكيان المقصود بهذه الصيغة ليُعدّ.", "Add the entity meant to your list, with this spelling, to count it.")}</p>
            <ul>
                {move || rows().into_iter().map(|(line, names)| view! {
                    <li data-testid="uncounted-mention" data-doc=line.document_id.clone()>
                        <bdi lang="ar" class="node">{line.node}</bdi>
                        " — "
                        <span class="candidates">{names}</span>
                        ": "
                        <bdi lang="ar" class="sentence">{line.sentence}</bdi>
                    </li>
                }).collect_view()}
            </ul>
        </details>
    }
}
