//! Names the list does not have yet, with the evidence that they are names, each one click from
//! being added as an entity or as another spelling of one.

use leptos::prelude::*;
use siyaq_engine::gazetteer::{Entity, EntityKind, Gazetteer};
use siyaq_engine::suggest::{Suggestion, SuggestionReason, suggest};

use super::chart::entity_name;
use super::editor::MOST_LISTED;
use crate::i18n::{Lang, tr, use_lang};
use crate::state::entities::EntityList;
use crate::state::search::{SearchState, kwic_rows};

/// Shown at first; the rest on request.
const FIRST_SHOWN: usize = 25;

fn reason_label(reason: &SuggestionReason, lang: Lang) -> String {
    match reason {
        SuggestionReason::Trigger { word } => match lang {
            Lang::Ar => format!("بعد «{word}»"),
            Lang::En => format!("after “{word}”"),
        },
        SuggestionReason::Latin => lang.pick("بحروف لاتينية", "in Latin script").to_string(),
        SuggestionReason::Repeated => lang.pick("يتكرر", "repeated").to_string(),
    }
}

/// A title before a name suggests a person; other evidence says nothing of the type.
fn likely_kind(suggestion: &Suggestion) -> EntityKind {
    if suggestion.reasons.iter().any(|r| matches!(r, SuggestionReason::Trigger { .. })) {
        EntityKind::Person
    } else {
        EntityKind::Other
    }
}

/// The entities a suggested name may be added to as a spelling: those sharing a word with it
/// first, then the rest in list order, at most `MOST_LISTED` (a list of thousands is not drawn
/// once per suggestion).
fn spelling_targets<'a>(gazetteer: &'a Gazetteer, text: &str) -> Vec<&'a Entity> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let related = |e: &Entity| e.aliases.iter().any(|a| a.split_whitespace().any(|w| words.contains(&w)));
    let mut targets: Vec<&Entity> = gazetteer.entities.iter().filter(|e| related(e)).take(MOST_LISTED).collect();
    let room = MOST_LISTED - targets.len();
    targets.extend(gazetteer.entities.iter().filter(|e| !related(e)).take(room));
    targets
}

#[component]
pub fn Suggestions(list: EntityList, search: SearchState) -> impl IntoView {
    let lang = use_lang();
    let open = RwSignal::new(false);
    let show_all = RwSignal::new(false);
    let found = Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        suggest(&search.index.get(), &search.mentions.get())
    });
    let items = move || {
        let found = found.get();
        let index = search.index.get();
        let limit = if show_all.get() { found.len() } else { FIRST_SHOWN };
        found
            .into_iter()
            .take(limit)
            .map(|suggestion| {
                let context = kwic_rows(&index, &suggestion.evidence, 0..1, 5).into_iter().next();
                let kind = likely_kind(&suggestion);
                let text = suggestion.text.clone();
                let as_alias = RwSignal::new(String::new());
                let add_entity = {
                    let text = text.clone();
                    move |_| {
                        list.edit(|g| g.add_entity(&text, "", kind).map(|_| ()));
                    }
                };
                let add_alias = {
                    let text = text.clone();
                    move |_| {
                        let into = as_alias.get_untracked();
                        if !into.is_empty() {
                            list.edit(|g| g.add_alias(&into, &text));
                        }
                    }
                };
                view! {
                    <li class="suggestion" data-testid="suggestion" data-text=suggestion.text.clone() data-count=suggestion.count>
                        <bdi class="name" lang="ar">{suggestion.text.clone()}</bdi>
                        <span class="times">{format!("×{}", suggestion.count)}</span>
                        {suggestion.reasons.iter().cloned().map(|r| view! { <span class="reason">{move || reason_label(&r, lang.get())}</span> }).collect_view()}
                        {context.map(|row| view! {
                            <q class="evidence" lang="ar" dir="rtl">{format!("…{} ", row.before)}<mark>{row.node}</mark>{format!(" {}…", row.after)}</q>
                        })}
                        <span class="suggestion-actions">
                            <button type="button" class="export" data-testid="add-suggestion" on:click=add_entity>{tr("أضفه كيانًا", "Add as entity")}</button>
                            <select aria-label=move || lang.get().pick("أضفه صيغةً لكيان", "Add as a spelling of") on:change=move |e| as_alias.set(event_target_value(&e))>
                                <option value="">{tr("أو صيغةً لـ…", "or a spelling of…")}</option>
                                {move || list.gazetteer.with(|g| spelling_targets(g, &text).into_iter().map(|e| view! {
                                    <option value=e.id.clone()>{entity_name(e, lang.get())}</option>
                                }).collect_view())}
                            </select>
                            <button type="button" class="export" on:click=add_alias>{tr("أضف", "Add")}</button>
                        </span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <details class="suggestions" data-testid="suggestions" on:toggle=move |e| {
            use wasm_bindgen::JsCast;
            if let Some(details) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
                open.set(details.open());
            }
        }>
            <summary>{tr("أسماء ليست في القائمة بعد", "Names not in the list yet")}</summary>
            <p class="hint">{tr(
                "وُجدت بعد ألقاب (الرئيس، السفير…)، أو بحروف لاتينية، أو لأنها تتكرر. راجعها قبل إضافتها.",
                "Found after titles (president, ambassador…), in Latin script, or by repetition. Check them before adding.",
            )}</p>
            <p class="empty" hidden=move || !found.get().is_empty() || !open.get()>{tr("لا اقتراحات: كل ما وُجد في القائمة.", "No suggestions: everything found is in the list.")}</p>
            <ol class="suggestion-list">{items}</ol>
            <button type="button" class="export" hidden=move || show_all.get() || found.get().len() <= FIRST_SHOWN
                on:click=move |_| show_all.set(true)>
                {move || format!("{} ({})", lang.get().pick("اعرض الكل", "Show all"), found.get().len())}
            </button>
        </details>
    }
}
