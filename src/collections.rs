//! "Your articles": the user's collections kept in this browser, and importing files into them
//! (picked, a whole folder, dropped or pasted), with a progress bar, a cancel button and a report
//! of every file. The panel's code is a wasm chunk fetched when the panel first opens: a first
//! visit does without it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::chunks::chunk;
use crate::i18n::{Lang, counted_ar, tr, use_lang};
use crate::state::collections::{self as store, Collection, FileStatus, Imported, Progress, ReportEntry, Stage, StoreProblem};

/// The panel, closed at first unless the page shows one of the user's collections; its code is
/// fetched when it opens.
#[component]
pub fn CollectionsPanel() -> impl IntoView {
    let on_collection = crate::state::corpus::collection().is_some();
    let opened = RwSignal::new(on_collection);
    let name = crate::state::corpus::loaded().name().to_string();
    // Files dropped anywhere on the page come here (a browser would otherwise leave the page to
    // show the file): the panel opens and imports them once its code is there.
    let dropped = RwSignal::new_local(None::<wasm_bindgen::JsValue>);
    let details = NodeRef::<leptos::html::Details>::new();
    let _ = window_event_listener(leptos::ev::dragover, move |e| {
        if carries_files(&e) {
            e.prevent_default();
        }
    });
    let _ = window_event_listener(leptos::ev::drop, move |e| {
        if !carries_files(&e) {
            return;
        }
        e.prevent_default();
        let Some(transfer) = e.data_transfer() else { return };
        dropped.set(Some(store::take_drop(&transfer)));
        if let Some(details) = details.get_untracked() {
            details.set_open(true);
        }
        if !opened.get_untracked() {
            opened.set(true);
        }
    });
    view! {
        <details class="collections-panel" data-testid="collections-panel" open=on_collection node_ref=details
            on:toggle=move |e| {
                let open = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()).is_some_and(|d| d.open());
                if open && !opened.get_untracked() { opened.set(true); }
            }>
            <summary>
                {tr("مقالاتك", "Your articles")}
                {on_collection.then(|| view! { " · " <bdi class="collection-name">{name.clone()}</bdi> })}
            </summary>
            {move || opened.get().then(|| crate::chunks::chunked_view(move || build_panel(dropped)))}
        </details>
    }
}

/// Whether a drag carries files (not a selection of text, say).
fn carries_files(event: &web_sys::DragEvent) -> bool {
    event.data_transfer().is_some_and(|d| d.types().includes(&wasm_bindgen::JsValue::from_str("Files"), 0))
}

chunk! {
    /// The panel's content: the collections, the import, its report; `dropped` holds files
    /// dropped on the page, to import.
    fn build_panel(dropped: RwSignal<Option<wasm_bindgen::JsValue>, LocalStorage>) -> AnyView {
        view! { <Collections dropped /> }.into_any()
    }
}

/// Where an import goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    /// The collection the page shows.
    This,
    New,
}

#[component]
fn Collections(dropped: RwSignal<Option<wasm_bindgen::JsValue>, LocalStorage>) -> impl IntoView {
    let lang = use_lang();
    let current = crate::state::corpus::collection();
    let kept = RwSignal::new(Vec::<Collection>::new());
    // Whether the list has been read from the store (tests wait on it: `data-loaded`).
    let listed = RwSignal::new(false);
    let problem = RwSignal::new(None::<StoreProblem>);
    let space = RwSignal::new(None::<store::Space>);
    let refresh = move || {
        leptos::task::spawn_local(async move {
            match store::list().await {
                Ok(list) => kept.set(list),
                Err(p) => problem.set(Some(p)),
            }
            listed.set(true);
            space.set(store::space().await.ok());
        })
    };
    refresh();
    leptos::task::spawn_local(store::warm());

    let target = RwSignal::new(if current.is_some() { Target::This } else { Target::New });
    let new_name = RwSignal::new(default_name(lang.get_untracked()));
    let keep_duplicates = RwSignal::new(false);
    let progress = RwSignal::new(None::<Progress>);
    let outcome = RwSignal::new(None::<Imported>);
    let canceller = StoredValue::new_local(None::<web_sys::AbortController>);
    let pasted = RwSignal::new(String::new());
    let pasted_count = StoredValue::new(0usize);
    let name_field = NodeRef::<leptos::html::Input>::new();

    // `pasted_text`: the import is the pasted text, cleared from its box only once it is kept.
    let start_import = move |files: wasm_bindgen::JsValue, pasted_text: bool| {
        if progress.get_untracked().is_some() {
            return;
        }
        let Ok(controller) = web_sys::AbortController::new() else { return };
        let signal = controller.signal();
        canceller.set_value(Some(controller));
        problem.set(None);
        outcome.set(None);
        progress.set(Some(Progress::default()));
        let into = match target.get_untracked() {
            Target::This => current,
            Target::New => None,
        };
        let name = new_name.get_untracked().trim().to_string();
        let name = if name.is_empty() { default_name(lang.get_untracked()) } else { name };
        let keep = keep_duplicates.get_untracked();
        leptos::task::spawn_local(async move {
            let done = store::import(into, &name, files, keep, move |p| progress.set(Some(p)), &signal).await;
            progress.set(None);
            canceller.set_value(None);
            match done {
                Ok(imported) => {
                    if pasted_text {
                        pasted.set(String::new());
                    }
                    outcome.set(Some(imported));
                }
                Err(p) => problem.set(Some(p)),
            }
            refresh();
        });
    };

    let on_files = move |e: leptos::ev::Event| {
        let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(files) = input.files() else { return };
        leptos::task::spawn_local(async move {
            match store::picked(&files).await {
                Ok(files) => start_import(files, false),
                Err(p) => problem.set(Some(p)),
            }
            input.set_value("");
        });
    };
    let import_dropped = move |taken: wasm_bindgen::JsValue| {
        leptos::task::spawn_local(async move {
            match store::dropped(taken).await {
                Ok(files) => start_import(files, false),
                Err(p) => problem.set(Some(p)),
            }
        });
    };
    // A drop on the page (see `CollectionsPanel`), before or after this code arrived.
    Effect::new(move |_| {
        if let Some(taken) = dropped.get() {
            dropped.set(None);
            import_dropped(taken);
        }
    });
    let on_paste_import = move |_| {
        let text = pasted.get_untracked();
        if text.trim().is_empty() {
            return;
        }
        let number = pasted_count.get_value() + 1;
        pasted_count.set_value(number);
        start_import(store::pasted(&text, number), true);
    };
    let on_collection_file = move |e: leptos::ev::Event| {
        let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        problem.set(None);
        leptos::task::spawn_local(async move {
            match store::import_collection(&file).await {
                Ok((id, _)) => open_collection(Some(&id)),
                Err(p) => problem.set(Some(p)),
            }
            input.set_value("");
        });
    };

    view! {
        <div class="collections">
            <ul class="collection-list" data-testid="collections" data-loaded=move || listed.get().to_string()>
                <li>
                    <a href=store::address_of(None) data-collection="site" aria-current=current.is_none().then_some("true")>
                        {tr("مقالات الموقع", "The site's articles")}
                    </a>
                </li>
                {move || {
                    kept.get().into_iter().map(|c| view! { <CollectionEntry collection=c current kept problem /> }).collect_view()
                }}
            </ul>
            <p class="space-used" data-testid="space-used">
                {move || space.get().map(|s| space_label(lang.get(), s))}
            </p>

            <fieldset class="import" disabled=move || progress.get().is_some()>
                <legend>{tr("أضف مقالات", "Add articles")}</legend>
                <p class="import-target">
                    {current.is_some().then(|| view! {
                        <label>
                            <input type="radio" name="import-target" data-testid="import-into-this"
                                prop:checked=move || target.get() == Target::This
                                on:change=move |_| target.set(Target::This) />
                            {tr("إلى هذه المجموعة", "to this collection")}
                        </label>
                    })}
                    <label>
                        <input type="radio" name="import-target" data-testid="import-into-new"
                            prop:checked=move || target.get() == Target::New
                            on:change=move |_| target.set(Target::New) />
                        {tr("إلى مجموعة جديدة اسمها", "to a new collection named")}
                    </label>
                    " "
                    <input type="text" node_ref=name_field data-testid="new-collection-name" maxlength="120"
                        prop:value=move || new_name.get()
                        on:input=move |e| { new_name.set(event_target_value(&e)); target.set(Target::New); } />
                    " "
                    <button type="button" data-testid="new-collection" on:click=move |_| {
                        target.set(Target::New);
                        new_name.set(default_name(lang.get_untracked()));
                        if let Some(field) = name_field.get() { let _ = field.focus(); field.select(); }
                    }>{tr("مجموعة جديدة", "New collection")}</button>
                </p>
                <p class="import-files">
                    <label class="file-button">
                        {tr("اختر ملفات…", "Choose files…")}
                        <input type="file" multiple data-testid="import-files"
                            accept=".txt,.md,.html,.htm,.csv,.tsv,.jsonl,.docx,.zip,text/*" on:change=on_files />
                    </label>
                    " "
                    <label class="file-button">
                        {tr("اختر مجلدًا…", "Choose a folder…")}
                        <input type="file" multiple prop:webkitdirectory=true data-testid="import-folder" on:change=on_files />
                    </label>
                    <span class="drop-hint">{tr(" أو أفلتها هنا.", " or drop them here.")}</span>
                </p>
                <p class="import-formats">
                    {tr(
                        "نصوص (UTF-8 وUTF-16 وويندوز-1256 وISO-8859-6)، وصفحات HTML، وجداول CSV وTSV وJSONL، ومستندات DOCX، وأرشيفات ZIP. لا يغادر شيء منها هذا المتصفح.",
                        "Text (UTF-8, UTF-16, Windows-1256, ISO-8859-6), HTML pages, CSV, TSV and JSONL tables, DOCX documents, ZIP archives. None of it leaves this browser.",
                    )}
                </p>
                <p class="import-paste">
                    <textarea data-testid="import-paste" rows="3" lang="ar" dir="auto"
                        placeholder=move || lang.get().pick("أو الصق نص مقال هنا", "or paste an article's text here")
                        prop:value=move || pasted.get() on:input=move |e| pasted.set(event_target_value(&e))></textarea>
                    <button type="button" data-testid="import-pasted" on:click=on_paste_import>{tr("أضف النص", "Add the text")}</button>
                </p>
                <label class="keep-duplicates">
                    <input type="checkbox" data-testid="keep-duplicates" prop:checked=move || keep_duplicates.get()
                        on:change=move |e| keep_duplicates.set(event_target_checked(&e)) />
                    {tr("احتفظ بالنسخ المكررة أيضًا", "keep duplicates too")}
                </label>
            </fieldset>

            {move || progress.get().map(|p| view! {
                <div class="import-progress" role="status">
                    <progress data-testid="import-progress" max=p.bytes_total.max(1.0) value=p.bytes></progress>
                    <span>{progress_label(lang.get(), p)}</span>
                    " "
                    <button type="button" data-testid="import-cancel" on:click=move |_| {
                        canceller.with_value(|c| if let Some(c) = c { c.abort() });
                    }>{tr("ألغِ", "Cancel")}</button>
                </div>
            })}
            {move || problem.get().map(|p| view! { <p class="problem" role="alert" data-testid="collections-problem">{crate::messages::store_problem(&p, lang.get())}</p> })}
            {move || outcome.get().map(|imported| view! { <Report imported /> })}

            {current.map(|id| view! { <ArticleCorrections collection=id /> })}

            <p class="collection-files">
                {current.map(|id| view! {
                    <button type="button" data-testid="export-collection" on:click=move |_| export(id.to_string(), problem)>
                        {tr("صدّر المجموعة (ملف ‎.siyaq‎)", "Export collection (.siyaq file)")}
                    </button>
                    " "
                })}
                <label class="file-button">
                    {tr("استورد ملف مجموعة…", "Import a collection file…")}
                    <input type="file" accept=".siyaq" data-testid="import-collection" on:change=on_collection_file />
                </label>
            </p>
        </div>
    }
}

#[component]
fn CollectionEntry(collection: Collection, current: Option<&'static str>, kept: RwSignal<Vec<Collection>>, problem: RwSignal<Option<StoreProblem>>) -> impl IntoView {
    let lang = use_lang();
    let is_current = current == Some(collection.id.as_str());
    let id = collection.id.clone();
    let confirming = RwSignal::new(false);
    let renaming = RwSignal::new(None::<String>);
    let articles = collection.articles;
    let id_for_delete = id.clone();
    let id_for_rename = id.clone();
    let delete = move |_| {
        if !confirming.get_untracked() {
            confirming.set(true);
            return;
        }
        let id = id_for_delete.clone();
        leptos::task::spawn_local(async move {
            match store::remove(&id).await {
                Ok(()) if is_current => open_collection(None),
                Ok(()) => kept.update(|k| k.retain(|c| c.id != id)),
                Err(p) => problem.set(Some(p)),
            }
        });
    };
    let save_name = move || {
        let Some(name) = renaming.get_untracked() else { return };
        let name = name.trim().to_string();
        renaming.set(None);
        if name.is_empty() {
            return;
        }
        let id = id_for_rename.clone();
        leptos::task::spawn_local(async move {
            match store::rename(&id, &name).await {
                Ok(()) => kept.update(|k| k.iter_mut().filter(|c| c.id == id).for_each(|c| c.name = name.clone())),
                Err(p) => problem.set(Some(p)),
            }
        });
    };
    let save_on_enter = save_name.clone();
    let name = collection.name.clone();
    view! {
        <li>
            <a href=store::address_of(Some(&id)) data-collection=id.clone() aria-current=is_current.then_some("true")>
                <bdi>{collection.name.clone()}</bdi>
            </a>
            " "
            <span class="collection-size">{move || match lang.get() {
                Lang::Ar => counted_ar(articles, ["مقال واحد", "مقالان", "مقالات", "مقالًا"]),
                Lang::En if articles == 1 => "1 article".to_string(),
                Lang::En => format!("{articles} articles"),
            }}</span>
            " "
            {move || match renaming.get() {
                Some(text) => view! {
                    <input type="text" data-testid="rename-field" maxlength="120" prop:value=text
                        on:input=move |e| renaming.set(Some(event_target_value(&e)))
                        on:keydown={
                            let save = save_on_enter.clone();
                            move |e: leptos::ev::KeyboardEvent| if e.key() == "Enter" { save() }
                        } />
                    <button type="button" data-testid="rename-save" on:click={
                        let save = save_name.clone();
                        move |_| save()
                    }>{tr("احفظ", "Save")}</button>
                }
                .into_any(),
                None => {
                    let name = name.clone();
                    view! {
                        <button type="button" class="small" data-testid="rename-collection" on:click=move |_| renaming.set(Some(name.clone()))>
                            {tr("غيّر الاسم", "Rename")}
                        </button>
                    }
                    .into_any()
                }
            }}
            " "
            <button type="button" class="small danger" data-testid="delete-collection" on:click=delete>
                {move || if confirming.get() { lang.get().pick("احذفها نهائيًا؟", "Delete for good?") } else { lang.get().pick("احذف", "Delete") }}
            </button>
        </li>
    }
}

/// Corrections to the open collection's articles: a title, date or source put right, an article
/// removed. The texts are never touched. The page opens the collection anew once it is kept.
#[component]
fn ArticleCorrections(collection: &'static str) -> impl IntoView {
    let lang = use_lang();
    let articles = crate::state::corpus::articles();
    let chosen = RwSignal::new(articles.first().map(|a| a.id()));
    let title = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let source = RwSignal::new(String::new());
    let confirming = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<StoreProblem>);
    // The fields show the chosen article's details as they are.
    Effect::new(move |_| {
        let document = chosen.get().and_then(crate::state::corpus::article).map(|a| a.document);
        title.set(document.and_then(|d| d.title.clone()).unwrap_or_default());
        date.set(document.and_then(|d| d.date.as_ref()).map(|d| d.value.clone()).unwrap_or_default());
        source.set(document.and_then(|d| d.source.clone()).unwrap_or_default());
        confirming.set(false);
    });
    let run = move |remove: Vec<String>, change: Vec<store::ArticleChange>| {
        busy.set(true);
        problem.set(None);
        leptos::task::spawn_local(async move {
            match store::edit(collection, remove, change).await {
                Ok(()) => open_collection(Some(collection)),
                Err(p) => {
                    busy.set(false);
                    problem.set(Some(p));
                }
            }
        });
    };
    let save = move |_| {
        let Some(id) = chosen.get_untracked() else { return };
        let change = store::ArticleChange {
            id: id.to_string(),
            title: Some(title.get_untracked()),
            date: Some(date.get_untracked()),
            source: Some(source.get_untracked()),
        };
        run(Vec::new(), vec![change]);
    };
    let remove = move |_| {
        let Some(id) = chosen.get_untracked() else { return };
        if !confirming.get_untracked() {
            confirming.set(true);
            return;
        }
        run(vec![id.to_string()], Vec::new());
    };
    view! {
        <details class="article-corrections" data-testid="article-corrections">
            <summary>{tr("صحّح تفاصيل مقال أو احذفه", "Correct an article's details, or remove it")}</summary>
            <fieldset disabled=move || busy.get()>
                <label>
                    {tr("المقال: ", "Article: ")}
                    <select data-testid="article-to-edit" on:change=move |e| {
                        let id = event_target_value(&e);
                        chosen.set(crate::state::corpus::article(&id).map(|a| a.id()));
                    }>
                        {articles.iter().map(|a| view! {
                            <option value=a.id() selected=move || chosen.get() == Some(a.id())>{a.heading.text().to_string()}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label>{tr("العنوان: ", "Title: ")}
                    <input type="text" data-testid="edit-title" lang="ar" dir="auto" prop:value=move || title.get() on:input=move |e| title.set(event_target_value(&e)) />
                </label>
                <label>{tr("التاريخ (سنة-شهر-يوم): ", "Date (YYYY-MM-DD): ")}
                    <input type="text" data-testid="edit-date" dir="ltr" placeholder="2022-01-16" prop:value=move || date.get() on:input=move |e| date.set(event_target_value(&e)) />
                </label>
                <label>{tr("المصدر: ", "Source: ")}
                    <input type="text" data-testid="edit-source" lang="ar" dir="auto" prop:value=move || source.get() on:input=move |e| source.set(event_target_value(&e)) />
                </label>
                <button type="button" data-testid="save-article" on:click=save>{tr("احفظ التصحيح", "Save the correction")}</button>
                " "
                <button type="button" class="danger" data-testid="remove-article" on:click=remove>
                    {move || if confirming.get() { lang.get().pick("احذف المقال من المجموعة نهائيًا؟", "Remove it from the collection for good?") } else { lang.get().pick("احذف المقال من المجموعة", "Remove it from the collection") }}
                </button>
            </fieldset>
            {move || problem.get().map(|p| view! { <p class="problem" role="alert" data-testid="corrections-problem">{crate::messages::store_problem(&p, lang.get())}</p> })}
        </details>
    }
}

/// What became of each file of the last import, and the way to the collection.
#[component]
fn Report(imported: Imported) -> impl IntoView {
    let lang = use_lang();
    let count = |status| imported.report.iter().filter(|r| r.status == status).count();
    let (taken, skipped, duplicates) = (count(FileStatus::Imported), count(FileStatus::Skipped), count(FileStatus::Duplicate));
    let articles = imported.articles;
    let collection = imported.collection.clone();
    let here = collection.as_deref() == crate::state::corpus::collection() && collection.is_some();
    let opening = RwSignal::new(false);
    view! {
        <section class="import-report" data-testid="import-report" data-articles=articles>
            <p class="import-summary">{move || match lang.get() {
                Lang::Ar => format!("أُضيف {} · تُرك {} · مكرر {}", taken, skipped, duplicates),
                Lang::En => format!("{taken} imported · {skipped} skipped · {duplicates} duplicate"),
            }}</p>
            {collection.clone().map(|id| view! {
                <button type="button" class="primary" data-testid="open-collection" disabled=move || opening.get() on:click=move |_| {
                    opening.set(true);
                    let id = id.clone();
                    leptos::task::spawn_local(async move {
                        store::index_kept().await;
                        open_collection(Some(&id));
                    });
                }>
                    {move || match (lang.get(), here) {
                        _ if opening.get() => lang.get().pick("يُعَدّ الفهرس…", "Preparing the index…").to_string(),
                        (Lang::Ar, true) => format!("أعد فتح المجموعة ({})", counted_ar(articles, ["مقال واحد", "مقالان", "مقالات", "مقالًا"])),
                        (Lang::Ar, false) => format!("افتح المجموعة ({})", counted_ar(articles, ["مقال واحد", "مقالان", "مقالات", "مقالًا"])),
                        (Lang::En, true) => format!("Reopen the collection ({articles} articles)"),
                        (Lang::En, false) => format!("Open the collection ({articles} articles)"),
                    }}
                </button>
            })}
            <table>
                <thead><tr>
                    <th>{tr("الملف", "File")}</th>
                    <th>{tr("الحال", "Status")}</th>
                    <th>{tr("العنوان", "Title")}</th>
                    <th>{tr("التاريخ", "Date")}</th>
                    <th>{tr("الترميز / السبب", "Encoding / reason")}</th>
                </tr></thead>
                <tbody>
                    {imported.report.into_iter().map(|entry| view! { <ReportRow entry /> }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

#[component]
fn ReportRow(entry: ReportEntry) -> impl IntoView {
    let lang = use_lang();
    let status = entry.status;
    let why = match (&entry.reason, &entry.duplicate_of) {
        (Some(reason), _) => reason.clone(),
        (None, Some(of)) => format!("= {of}"),
        (None, None) => entry.encoding.clone().unwrap_or_default(),
    };
    let title = match entry.articles {
        Some(n) if n > 1 => format!("{} (+{})", entry.title.clone().unwrap_or_default(), n - 1),
        _ => entry.title.clone().unwrap_or_default(),
    };
    view! {
        <tr data-file=entry.file.clone() data-status=status.name() data-reason=entry.reason.clone().unwrap_or_default()>
            <td><bdi>{entry.file.clone()}</bdi></td>
            <td class=format!("status-{}", status.name())>{move || status_label(lang.get(), status)}</td>
            <td><bdi lang="ar">{title}</bdi></td>
            <td><bdi>{entry.date.clone().unwrap_or_default()}</bdi></td>
            <td><bdi dir="ltr" lang="en">{why}</bdi></td>
        </tr>
    }
}

fn export(id: String, problem: RwSignal<Option<StoreProblem>>) {
    leptos::task::spawn_local(async move {
        let name = store::list().await.ok().and_then(|l| l.into_iter().find(|c| c.id == id)).map_or_else(|| id.clone(), |c| c.name);
        match store::collection_file(&id).await {
            Ok(bytes) => {
                let parts = js_sys::Array::of1(&bytes);
                if let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence(&parts) {
                    let _ = crate::browser::save_blob(&format!("{}.siyaq", file_name(&name)), &blob);
                }
            }
            Err(p) => problem.set(Some(p)),
        }
    });
}

/// A name fit for a file: the characters file systems refuse are replaced.
fn file_name(name: &str) -> String {
    let cleaned: String = name.chars().map(|c| if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() { '-' } else { c }).collect();
    let cleaned = cleaned.trim().trim_matches('.').to_string();
    if cleaned.is_empty() { "collection".into() } else { cleaned }
}

fn open_collection(id: Option<&str>) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(&store::address_of(id));
    }
}

fn default_name(lang: Lang) -> String {
    lang.pick("مقالاتي", "My articles").to_string()
}

fn status_label(lang: Lang, status: FileStatus) -> &'static str {
    match status {
        FileStatus::Imported => lang.pick("أُضيف", "imported"),
        FileStatus::Skipped => lang.pick("تُرك", "skipped"),
        FileStatus::Duplicate => lang.pick("مكرر", "duplicate"),
    }
}

fn megabytes(bytes: f64) -> String {
    format!("{:.1}", bytes / 1_000_000.0)
}

fn progress_label(lang: Lang, p: Progress) -> String {
    let stage = match p.stage {
        Stage::Reading => lang.pick("قراءة الملفات", "reading files"),
        Stage::Building => lang.pick("تحليل المقالات", "reading the articles"),
        Stage::Keeping => lang.pick("الحفظ", "keeping"),
    };
    let percent = if p.bytes_total > 0.0 { (100.0 * p.bytes / p.bytes_total).round() } else { 0.0 };
    match lang {
        Lang::Ar => format!("{stage}: {} من {} ملفًا · {} من {} م.ب · {percent}٪", p.files, p.files_total, megabytes(p.bytes), megabytes(p.bytes_total)),
        Lang::En => format!("{stage}: {} of {} files · {} of {} MB · {percent}%", p.files, p.files_total, megabytes(p.bytes), megabytes(p.bytes_total)),
    }
}

fn space_label(lang: Lang, space: store::Space) -> String {
    let kept = match (lang, space.persisted) {
        (Lang::Ar, true) => "يحفظها المتصفح ولا يمحوها حين تضيق مساحته",
        (Lang::Ar, false) => "قد يمحوها المتصفح إن ضاقت مساحته: صدّر ما يهمك",
        (Lang::En, true) => "the browser will not clear them when space runs low",
        (Lang::En, false) => "the browser may clear them when space runs low: export what matters",
    };
    match lang {
        Lang::Ar => format!("محفوظ في هذا المتصفح: {} م.ب من {} م.ب متاحة؛ {kept}.", megabytes(space.usage), megabytes(space.quota)),
        Lang::En => format!("Kept in this browser: {} MB of {} MB available; {kept}.", megabytes(space.usage), megabytes(space.quota)),
    }
}
