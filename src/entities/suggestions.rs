//! Names the list does not have yet, with their type, how sure the suggester is and the evidence
//! that they are names, each one click from being added as an entity or as another spelling of
//! one; the sure ones can be added all at once.

use leptos::prelude::*;
use siyaq_engine::gazetteer::{Entity, EntityKind, Gazetteer, GazetteerError};
use siyaq_engine::suggest::{Suggestion, SuggestionReason, suggest};

use super::chart::entity_name;
use super::editor::MOST_LISTED;
use crate::i18n::{Lang, tr, use_lang};
use crate::state::entities::EntityList;
use crate::state::search::{SearchState, kwic_rows};

/// Shown at first; the rest on request.
const FIRST_SHOWN: usize = 25;
/// The confidence, in percent, from which "add all" adds a suggestion unless the analyst sets
/// another: names found by two detectors, or a full name after a title seen twice.
const DEFAULT_THRESHOLD: u32 = 80;

fn reason_label(reason: &SuggestionReason, lang: Lang) -> String {
    match reason {
        SuggestionReason::Trigger { word } => match lang {
            Lang::Ar => format!("بعد «{word}»"),
            Lang::En => format!("after “{word}”"),
        },
        SuggestionReason::PersonName => lang.pick("اسم وكنية", "given and family name").to_string(),
        SuggestionReason::Organisation { head } | SuggestionReason::Place { head } => match lang {
            Lang::Ar => format!("بعد «{head}»"),
            Lang::En => format!("after “{head}”"),
        },
        SuggestionReason::Latin => lang.pick("بحروف لاتينية", "in Latin script").to_string(),
        SuggestionReason::Repeated => lang.pick("يتكرر", "repeated").to_string(),
    }
}

fn kind_name(kind: EntityKind, lang: Lang) -> &'static str {
    match kind {
        EntityKind::Person => lang.pick("شخص", "person"),
        EntityKind::Place => lang.pick("مكان", "place"),
        EntityKind::Organisation => lang.pick("منظمة", "organisation"),
        EntityKind::Other => lang.pick("آخر", "other"),
    }
}

/// The confidence as a whole percentage, as shown and as compared with the threshold.
fn percent(suggestion: &Suggestion) -> u32 {
    (suggestion.confidence * 100.0).round() as u32
}

/// Adds a suggestion as an entity of its type, its text the name and first alias and its
/// variants further aliases. A variant the list already has stays with the entity that has it:
/// the new entity is still right without it.
fn add_suggestion(g: &mut Gazetteer, text: &str, variants: &[String], kind: EntityKind) -> Result<String, GazetteerError> {
    let id = g.add_entity(text, "", kind)?;
    for variant in variants {
        let _ = g.add_alias(&id, variant);
    }
    Ok(id)
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
    let threshold = RwSignal::new(DEFAULT_THRESHOLD);
    let found = Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        suggest(&search.index.get(), &search.mentions.get())
    });
    // "Above" includes the threshold itself: 80 adds what shows as 80%.
    let sure_count = move || found.with(|f| f.iter().filter(|s| percent(s) >= threshold.get()).count());
    let add_all = move |_| {
        let at_least = threshold.get_untracked();
        let sure: Vec<Suggestion> = found.get_untracked().into_iter().filter(|s| percent(s) >= at_least).collect();
        // One edit, so the list is saved once; a name the list has meanwhile is skipped.
        list.edit(|g| {
            for s in &sure {
                let _ = add_suggestion(g, &s.text, &s.variants, s.kind);
            }
            Ok(())
        });
    };
    let items = move || {
        let found = found.get();
        let index = search.index.get();
        let limit = if show_all.get() { found.len() } else { FIRST_SHOWN };
        found
            .into_iter()
            .take(limit)
            .map(|suggestion| {
                let context = kwic_rows(&index, &suggestion.evidence, 0..1, 5).into_iter().next();
                let kind = suggestion.kind;
                let text = suggestion.text.clone();
                let confidence = percent(&suggestion);
                let as_alias = RwSignal::new(String::new());
                let add_entity = {
                    let text = text.clone();
                    let variants = suggestion.variants.clone();
                    move |_| {
                        list.edit(|g| add_suggestion(g, &text, &variants, kind).map(|_| ()));
                    }
                };
                let variants = (!suggestion.variants.is_empty()).then(|| {
                    let variants = suggestion.variants.join("، ");
                    view! { <span class="variants" data-testid="suggestion-variants">{tr("وأيضًا: ", "also: ")}<bdi lang="ar">{variants}</bdi></span> }
                });
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
                    <li class="suggestion" data-testid="suggestion" data-text=suggestion.text.clone() data-count=suggestion.count
                        data-confidence=confidence data-kind=kind.name()>
                        <bdi class="name" lang="ar">{suggestion.text.clone()}</bdi>
                        <span class="times">{format!("×{}", suggestion.count)}</span>
                        <span class="kind">{move || kind_name(kind, lang.get())}</span>
                        <span class="confidence" title=move || lang.get().pick("الثقة", "confidence")>{format!("{confidence}%")}</span>
                        {variants}
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
                "وُجدت بعد ألقاب (الرئيس، السفير…)، أو اسمًا وكنية، أو بعد «حزب» و«مدينة» وأمثالهما، أو بحروف لاتينية، أو لأنها تتكرر. الثقة تكبر بتعدد الأدلة وتكرار الاسم في أكثر من مقال. راجعها قبل إضافتها.",
                "Found after titles (president, ambassador…), as a given and family name, after words like “party” or “city”, in Latin script, or by repetition. Confidence grows with each independent reason and with occurrences across articles. Check them before adding.",
            )}</p>
            <p class="add-all" hidden=move || found.get().is_empty()>
                <label>
                    {tr("حد الثقة (٪)", "Confidence threshold (%)")}
                    <input type="number" min="0" max="100" data-testid="suggestion-threshold"
                        prop:value=move || threshold.get().to_string()
                        on:change=move |e| {
                            if let Ok(t) = event_target_value(&e).trim().parse::<u32>() { threshold.set(t.min(100)); }
                        } />
                </label>
                <button type="button" class="export" data-testid="add-all-suggestions" on:click=add_all
                    disabled=move || sure_count() == 0>
                    {move || match lang.get() {
                        Lang::Ar => format!("أضف كل ما تزيد ثقته على {}٪ ({})", threshold.get(), sure_count()),
                        Lang::En => format!("Add all above {}% ({})", threshold.get(), sure_count()),
                    }}
                </button>
            </p>
            <p class="empty" hidden=move || !found.get().is_empty() || !open.get()>{tr("لا اقتراحات: كل ما وُجد في القائمة.", "No suggestions: everything found is in the list.")}</p>
            <ol class="suggestion-list">{items}</ol>
            <button type="button" class="export" hidden=move || show_all.get() || found.get().len() <= FIRST_SHOWN
                on:click=move |_| show_all.set(true)>
                {move || format!("{} ({})", lang.get().pick("اعرض الكل", "Show all"), found.get().len())}
            </button>
        </details>
    }
}
