//! Editing the entity list: add, rename, retype, spellings, merge, delete; export, import, reset.
//! Every change goes through the engine's checks (`EntityList::edit`), so a refused edit shows why
//! and changes nothing.

use leptos::{html, prelude::*};
use siyaq_engine::gazetteer::EntityKind;

use super::chart::{entity_name, kind_label};
use crate::i18n::{tr, use_lang};
use crate::state::entities::{EntityList, ListProblem, Notice};

/// Entities listed at once, in the list and in the merge menu: a list of thousands is found
/// through the filter, never drawn whole (which would freeze the page).
pub const MOST_LISTED: usize = 200;

/// Whether `entity` matches the filter `needle` (lower-cased and trimmed; empty matches all).
pub fn matches_filter(entity: &siyaq_engine::gazetteer::Entity, needle: &str) -> bool {
    needle.is_empty()
        || entity.id.contains(needle)
        || entity.name_en.to_lowercase().contains(needle)
        || entity.name_ar.contains(needle)
        || entity.aliases.iter().any(|a| a.to_lowercase().contains(needle))
}

#[component]
pub fn Editor(list: EntityList) -> impl IntoView {
    let lang = use_lang();
    let selected = RwSignal::new(None::<String>);
    let filter = RwSignal::new(String::new());
    let count = move || list.gazetteer.with(|g| g.entities.len());
    let matching = Memo::new(move |_| {
        let needle = filter.get().trim().to_lowercase();
        list.gazetteer.with(|g| g.entities.iter().filter(|e| matches_filter(e, &needle)).count())
    });
    let shown = move || {
        let needle = filter.get().trim().to_lowercase();
        list.gazetteer.with(|g| {
            g.entities
                .iter()
                .filter(|e| matches_filter(e, &needle))
                .take(MOST_LISTED)
                .map(|e| (e.id.clone(), entity_name(e, lang.get()), e.kind))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <details class="entity-editor" data-testid="editor">
            <summary>{tr("تحرير قائمة الكيانات", "Edit the entity list")} " (" {count} ")"</summary>
            <ListFile list />
            <NewEntity list selected />
            <label class="entity-filter">
                {tr("تصفية", "Filter")}
                <input type="text" dir="auto" data-testid="entity-filter" prop:value=move || filter.get()
                    on:input=move |e| filter.set(event_target_value(&e)) />
            </label>
            <div class="editor-panes">
                <ul class="entity-list" data-testid="entity-list">
                    {move || shown().into_iter().map(|(id, name, kind)| {
                        let chosen = id.clone();
                        let key = id.clone();
                        view! {
                            <li>
                                <button type="button" class="entity-item" data-entity=id.clone()
                                    aria-pressed=move || (selected.get().as_deref() == Some(chosen.as_str())).to_string()
                                    on:click=move |_| selected.set(Some(key.clone()))>
                                    <bdi>{name}</bdi>
                                    <span class="kind-tag">{move || kind_label(kind, lang.get())}</span>
                                </button>
                            </li>
                        }
                    }).collect_view()}
                    <li class="more" data-testid="entity-list-more" hidden=move || matching.get() <= MOST_LISTED>
                        {move || match lang.get() {
                            crate::i18n::Lang::Ar => format!("تظهر {MOST_LISTED} من {}؛ اكتب في خانة التصفية لتجد غيرها.", matching.get()),
                            crate::i18n::Lang::En => format!("{MOST_LISTED} of {} shown; type in the filter to find the others.", matching.get()),
                        }}
                    </li>
                </ul>
                {move || selected.get().map(|id| view! { <EntityForm list id selected filter /> })}
            </div>
        </details>
    }
}

/// Export, import and reset of the whole list.
#[component]
fn ListFile(list: EntityList) -> impl IntoView {
    let lang = use_lang();
    let file_input = NodeRef::<html::Input>::new();
    let export = move |_| {
        let _ = crate::browser::save_file("siyaq-entities.json", &list.export(), "application/json");
    };
    let import = move |_| {
        let Some(input) = file_input.get_untracked() else { return };
        leptos::task::spawn_local(async move {
            match crate::browser::read_chosen_file(&input).await {
                Ok(text) => list.import(&text),
                Err(detail) => list.notice.set(Some(Notice::ImportRefused(ListProblem::Unreadable(detail)))),
            }
            input.set_value("");
        });
    };
    let reset = move |_| {
        let question = lang.get_untracked().pick(
            "إعادة القائمة المرفقة تحذف كل تعديلاتك. هل تريد المتابعة؟",
            "Going back to the bundled list deletes all your edits. Continue?",
        );
        if window().confirm_with_message(question).unwrap_or(false) {
            list.reset();
        }
    };
    view! {
        <div class="list-file">
            <button type="button" class="export" data-testid="export-list" on:click=export>{tr("تصدير القائمة (JSON)", "Export the list (JSON)")}</button>
            <label class="import">
                {tr("استيراد قائمة:", "Import a list:")}
                <input type="file" accept=".json,application/json" data-testid="import-list" node_ref=file_input on:change=import />
            </label>
            <button type="button" class="export" data-testid="reset-list" on:click=reset>{tr("إعادة القائمة المرفقة", "Back to the bundled list")}</button>
        </div>
    }
}

#[component]
fn NewEntity(list: EntityList, selected: RwSignal<Option<String>>) -> impl IntoView {
    let lang = use_lang();
    let name_ar = RwSignal::new(String::new());
    let name_en = RwSignal::new(String::new());
    let kind = RwSignal::new(EntityKind::Person);
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let mut id = None;
        let added = list.edit(|g| {
            id = Some(g.add_entity(&name_ar.get_untracked(), &name_en.get_untracked(), kind.get_untracked())?);
            Ok(())
        });
        if added {
            name_ar.set(String::new());
            name_en.set(String::new());
            selected.set(id);
        }
    };
    view! {
        <form class="new-entity" data-testid="new-entity" on:submit=add>
            <strong>{tr("كيان جديد", "New entity")}</strong>
            <input type="text" dir="rtl" lang="ar" data-testid="new-entity-ar" required
                placeholder=move || lang.get().pick("الاسم كما يُكتب في النص", "the name as written in the text")
                prop:value=move || name_ar.get() on:input=move |e| name_ar.set(event_target_value(&e)) />
            <input type="text" dir="ltr" lang="en" data-testid="new-entity-en"
                placeholder=move || lang.get().pick("الاسم بالإنجليزية", "English name")
                prop:value=move || name_en.get() on:input=move |e| name_en.set(event_target_value(&e)) />
            <KindSelect kind=Signal::derive(move || kind.get()) on_change=move |k| kind.set(k) />
            <button type="submit" class="export" data-testid="add-entity">{tr("أضف", "Add")}</button>
        </form>
    }
}

#[component]
fn KindSelect(kind: Signal<EntityKind>, on_change: impl Fn(EntityKind) + 'static) -> impl IntoView {
    let lang = use_lang();
    view! {
        <select data-testid="kind-select" on:change=move |e| {
            if let Some(k) = EntityKind::from_name(&event_target_value(&e)) { on_change(k); }
        }>
            {EntityKind::ALL.into_iter().map(|k| view! {
                <option value=k.name() selected=move || kind.get() == k>{move || kind_label(k, lang.get())}</option>
            }).collect_view()}
        </select>
    }
}

/// Everything about one entity, editable.
#[component]
fn EntityForm(list: EntityList, id: String, selected: RwSignal<Option<String>>, filter: RwSignal<String>) -> impl IntoView {
    let lang = use_lang();
    let id = StoredValue::new(id);
    let entity = Signal::derive(move || list.gazetteer.with(|g| g.get(&id.get_value()).cloned()));
    let Some(start) = entity.get_untracked() else { return ().into_any() };
    let name_ar = RwSignal::new(start.name_ar.clone());
    let name_en = RwSignal::new(start.name_en.clone());
    let new_alias = RwSignal::new(String::new());
    let merge_into = RwSignal::new(String::new());

    let save_names = move |_| {
        list.edit(|g| g.rename(&id.get_value(), &name_ar.get_untracked(), &name_en.get_untracked()));
    };
    let add_alias = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if list.edit(|g| g.add_alias(&id.get_value(), &new_alias.get_untracked())) {
            new_alias.set(String::new());
        }
    };
    let merge = move |_| {
        let into = merge_into.get_untracked();
        if !into.is_empty() && list.edit(|g| g.merge(&id.get_value(), &into)) {
            selected.set(Some(into));
        }
    };
    let delete = move |_| {
        if list.edit(|g| g.delete(&id.get_value())) {
            selected.set(None);
        }
    };
    let spellings = move |demonyms: bool| {
        let entity = entity.get();
        let spellings = entity.map(|e| if demonyms { e.demonyms } else { e.aliases }).unwrap_or_default();
        spellings
            .into_iter()
            .map(|spelling| {
                let removed = spelling.clone();
                view! {
                    <li class="alias" data-alias=spelling.clone()>
                        <bdi>{spelling.clone()}</bdi>
                        <button type="button" class="remove-alias" data-testid="remove-alias"
                            aria-label=move || format!("{} {}", lang.get().pick("احذف", "remove"), removed)
                            on:click={
                                let spelling = spelling.clone();
                                move |_| { list.edit(|g| g.remove_alias(&id.get_value(), &spelling)); }
                            }>"×"</button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="entity-form" data-testid="entity-form" data-entity=id.get_value()>
            <div class="names">
                <label>{tr("الاسم العربي", "Arabic name")}
                    <input type="text" dir="rtl" lang="ar" data-testid="edit-name-ar" prop:value=move || name_ar.get()
                        on:input=move |e| name_ar.set(event_target_value(&e)) />
                </label>
                <label>{tr("الاسم الإنجليزي", "English name")}
                    <input type="text" dir="ltr" lang="en" data-testid="edit-name-en" prop:value=move || name_en.get()
                        on:input=move |e| name_en.set(event_target_value(&e)) />
                </label>
                <button type="button" class="export" data-testid="save-names" on:click=save_names>{tr("احفظ الاسمين", "Save names")}</button>
                <label>{tr("النوع", "Type")}
                    <KindSelect kind=Signal::derive(move || entity.get().map_or(EntityKind::Other, |e| e.kind))
                        on_change=move |k| { list.edit(|g| g.set_kind(&id.get_value(), k)); } />
                </label>
            </div>
            <p class="spellings-label">{tr("الصيغ التي تُعدّ إشارة إليه:", "Spellings counted as mentions:")}</p>
            <ul class="aliases" data-testid="aliases">{move || spellings(false)}</ul>
            <form class="add-alias" on:submit=add_alias>
                <input type="text" dir="rtl" lang="ar" data-testid="new-alias"
                    placeholder=move || lang.get().pick("صيغة أخرى كما في النص، بلا سوابق", "another spelling as in the text, no clitics")
                    prop:value=move || new_alias.get() on:input=move |e| new_alias.set(event_target_value(&e)) />
                <button type="submit" class="export" data-testid="add-alias">{tr("أضف الصيغة", "Add spelling")}</button>
            </form>
            <p class="spellings-label" hidden=move || entity.get().is_none_or(|e| e.demonyms.is_empty())>
                {tr("صفات النسبة (تُعدّ عند تفعيلها):", "Demonyms (counted when switched on):")}
            </p>
            <ul class="aliases demonyms">{move || spellings(true)}</ul>
            <div class="merge-delete">
                <label>{tr("ادمجه في", "Merge into")}
                    <select data-testid="merge-into" on:change=move |e| merge_into.set(event_target_value(&e))>
                        <option value="" selected=move || merge_into.get().is_empty()>"—"</option>
                        {move || list.gazetteer.with(|g| {
                            let needle = filter.get().trim().to_lowercase();
                            g.entities.iter().filter(|e| e.id != id.get_value() && matches_filter(e, &needle)).take(MOST_LISTED).map(|e| {
                            let value = e.id.clone();
                            view! { <option value=value.clone() selected={ let v = value.clone(); move || merge_into.get() == v }>{entity_name(e, lang.get())}</option> }
                        }).collect_view()
                        })}
                    </select>
                </label>
                <button type="button" class="export" data-testid="merge" on:click=merge>{tr("ادمج", "Merge")}</button>
                <button type="button" class="export danger" data-testid="delete-entity" on:click=delete>{tr("احذف الكيان", "Delete entity")}</button>
            </div>
        </div>
    }
    .into_any()
}
