//! The concordance view: the search box and its controls, the summary, the keyword-in-context
//! lines, and export.

use std::time::Duration;

use leptos::{ev, html, prelude::*};
use siyaq_engine::{MatchMode, Profile, SortKey, Step, bidi::latin_and_number_runs};
use wasm_bindgen::JsCast;

use crate::i18n::{Lang, counted_ar, tr, use_lang};
use crate::state::corpus::articles;
use crate::state::navigation::Navigation;
use crate::state::search::{KwicRow, MAX_WIDTH, Outcome, PAGE_SIZE, PairShown, SearchState, page_count};
use siyaq_engine::entities::together::Scope;

/// Milliseconds of quiet in the search box before searching, when searching is slow (see
/// `SearchState::answers_instantly`: on a small corpus each keystroke searches at once).
const DEBOUNCE_MS: u64 = 120;


#[component]
pub fn ConcordanceView(search: SearchState, nav: Navigation) -> impl IntoView {
    view! {
        <section class="concordance" data-testid="concordance">
            <SearchBar search />
            <Controls search />
            <Summary search />
            <KwicTable search nav />
        </section>
    }
}

#[component]
fn SearchBar(search: SearchState) -> impl IntoView {
    let lang = use_lang();
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let input = NodeRef::<html::Input>::new();
    let on_input = move |event: ev::Event| {
        let text = event_target_value(&event);
        search.typed.set(text.clone());
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let run = move || {
            search.query.set(text);
            search.page.set(0);
            search.form.set(None);
        };
        if search.answers_instantly() {
            pending.set_value(None);
            run();
        } else {
            pending.set_value(set_timeout_with_handle(run, Duration::from_millis(DEBOUNCE_MS)).ok());
        }
    };
    // `/` anywhere focuses the search box.
    let _ = window_event_listener(ev::keydown, move |event| {
        if event.key() == "/" && !typing_in_a_field(&event) {
            event.prevent_default();
            if let Some(input) = input.get() {
                let _ = input.focus();
            }
        }
    });
    let error = move || match search.outcome.get() {
        Outcome::Invalid(error) => Some(error),
        _ => None,
    };
    let unknown_entity = move || match search.outcome.get() {
        Outcome::UnknownEntity(id) => Some(id),
        _ => None,
    };
    view! {
        <div class="search-bar">
            <label class="visually-hidden" for="search-box">{tr("ابحث في المقالات", "Search the articles")}</label>
            <input
                id="search-box"
                type="search"
                node_ref=input
                dir="auto"
                autocomplete="off"
                spellcheck="false"
                maxlength=siyaq_engine::query::MAX_QUERY_CHARS
                placeholder=move || lang.get().pick("ابحث: روسيا، \"الأمن الجماعي\"، كازاخ*… (اضغط / )", "Search: روسيا, \"الأمن الجماعي\", كازاخ*… (press /)")
                aria-invalid=move || (error().is_some() || unknown_entity().is_some()).then_some("true")
                aria-describedby="query-error"
                prop:value=move || search.typed.get()
                on:input=on_input
            />
            <SyntaxHelp />
        </div>
        <p id="query-error" class="query-error" role="alert" data-testid="query-error" hidden=move || error().is_none() && unknown_entity().is_none()>
            {move || unknown_entity().map(|id| view! {
                <span class="message">{move || lang.get().pick("لا كيان بهذا المعرّف في القائمة:", "No entity in the list has the id")}</span>
                " "
                <bdi class="query-echo" dir="ltr">{format!("@{}", brief(&id, ECHO_CHARS))}</bdi>
            })}
            {move || error().map(|e| {
                let message = crate::messages::query_error(&e, lang.get());
                let (before, marked, after) = error_echo(&search.typed.get(), e.at, e.len);
                view! {
                    <span class="message">{message}</span>
                    " "
                    <bdi class="query-echo" dir="auto">{before}<mark>{marked}</mark>{after}</bdi>
                }
            })}
        </p>
    }
}

/// Characters of a refused query shown on each side of the problem: enough to find it, never the
/// whole of a pasted page.
const ECHO_CHARS: usize = 30;

/// `text` cut to `most` characters, with an ellipsis when cut.
fn brief(text: &str, most: usize) -> String {
    let mut chars = text.chars();
    let kept: String = chars.by_ref().take(most).collect();
    if chars.next().is_some() { format!("{kept}…") } else { kept }
}

/// The part of `typed` around the problem at `at` (characters, `len` long): before, the problem
/// itself, after, each cut to a few words' length.
fn error_echo(typed: &str, at: usize, len: usize) -> (String, String, String) {
    let chars: Vec<char> = typed.chars().collect();
    let at = at.min(chars.len());
    let end = (at + len.max(1)).min(chars.len());
    let from = at.saturating_sub(ECHO_CHARS);
    let before: String = chars[from..at].iter().collect();
    let before = if from > 0 { format!("…{before}") } else { before };
    let marked = brief(&chars[at..end].iter().collect::<String>(), ECHO_CHARS);
    let after = brief(&chars[end..].iter().collect::<String>(), ECHO_CHARS);
    (before, marked, after)
}

fn typing_in_a_field(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_query_is_echoed_only_around_the_problem() {
        let long = format!("{}\"{}", "ب".repeat(300_000), "ت".repeat(300_000));
        let (before, marked, after) = error_echo(&long, 300_000, 1);
        assert_eq!(marked, "\"");
        assert!(before.chars().count() <= ECHO_CHARS + 1 && before.starts_with('…'));
        assert!(after.chars().count() <= ECHO_CHARS + 1 && after.ends_with('…'));
        assert_eq!(error_echo("ab /x", 3, 1), ("ab ".to_string(), "/".to_string(), "x".to_string()));
        // Positions past the end are clamped, never sliced out of bounds.
        assert_eq!(error_echo("ab", 99, 5), ("ab".to_string(), String::new(), String::new()));
        assert_eq!(brief("روسيا", 3), "روس…");
    }
}

#[component]
fn SyntaxHelp() -> impl IntoView {
    let rows: [(&str, &str, &str); 9] = [
        ("روسيا", "الكلمة مع لواحقها وسوابقها: لروسيا، وروسيا", "the word with its clitics: لروسيا, وروسيا"),
        ("=روسيا", "الصيغة نفسها فقط", "exactly this form"),
        ("\"الأمن الجماعي\"", "عبارة: كلمات متتالية", "a phrase: words in a row"),
        ("كازاخ*", "كلمات تبدأ بـ كازاخ", "words starting with كازاخ"),
        ("*ستان", "كلمات تنتهي بـ ستان", "words ending with ستان"),
        ("بوتين | موسكو", "إحداهما", "either"),
        ("/^روس/", "تعبير نمطي على الصيغ المطبّعة", "a regular expression on normalized forms"),
        ("@putin", "كل الإشارات إلى كيان بكل صيغه، كما يعدّها مخطط الكيانات", "every mention of an entity, all its spellings, as the entity chart counts them"),
        ("@putin&@kazakhstan", "الإشارات إلى الأول في الجمل (أو المقالات) التي تذكر الثاني أيضًا، كما تعدّها مصفوفة «معًا»", "mentions of the first in the sentences (or articles) that also mention the second, as the “Together” matrix counts them"),
    ];
    let lang = use_lang();
    view! {
        <details class="syntax-help" data-testid="syntax-help">
            <summary>{tr("صيغة البحث", "Query syntax")}</summary>
            <table>
                <tbody>
                    {rows.into_iter().map(|(example, ar, en)| view! {
                        <tr><td><code dir="rtl">{example}</code></td><td>{move || lang.get().pick(ar, en)}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </details>
    }
}

#[component]
fn Controls(search: SearchState) -> impl IntoView {
    let lang = use_lang();
    let mode_label = move |mode: MatchMode| match mode {
        MatchMode::Exact => lang.get().pick("مطابقة تامة", "exact"),
        MatchMode::Clitic => lang.get().pick("مع اللواحق والسوابق", "clitic-aware"),
        MatchMode::Stem => lang.get().pick("بالجذع (light10)", "stem (light10)"),
    };
    let profile_label = move |profile: Profile| match profile {
        Profile::Strict => lang.get().pick("صارم", "strict"),
        Profile::Search => lang.get().pick("بحث", "search"),
        Profile::Loose => lang.get().pick("واسع", "loose"),
    };
    let sort_keys = [
        SortKey::Document,
        SortKey::Node,
        SortKey::Before(1),
        SortKey::Before(2),
        SortKey::Before(3),
        SortKey::After(1),
        SortKey::After(2),
        SortKey::After(3),
        SortKey::Frequency,
    ];
    let sort_label = move |key: SortKey| match key {
        SortKey::Document => lang.get().pick("ترتيب النص", "text order").to_string(),
        SortKey::Node => lang.get().pick("الكلمة نفسها", "the node").to_string(),
        SortKey::Before(n) => match lang.get() {
            Lang::Ar => format!("الكلمة {} قبلها", ordinal_ar(n)),
            Lang::En => format!("{} word before", ordinal_en(n)),
        },
        SortKey::After(n) => match lang.get() {
            Lang::Ar => format!("الكلمة {} بعدها", ordinal_ar(n)),
            Lang::En => format!("{} word after", ordinal_en(n)),
        },
        SortKey::Frequency => lang.get().pick("تكرار الصيغة", "form frequency").to_string(),
    };
    view! {
        <div class="controls" data-testid="controls">
            <label>
                {tr("المطابقة", "Match")}
                <select data-testid="mode" on:change=move |e| {
                    if let Some(mode) = MatchMode::from_name(&event_target_value(&e)) { search.mode.set(mode); search.page.set(0); }
                }>
                    {MatchMode::ALL.into_iter().map(|mode| view! {
                        <option value=mode.name() selected=move || search.mode.get() == mode>{move || mode_label(mode)}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>
                {tr("التطبيع", "Normalization")}
                <select data-testid="profile" on:change=move |e| {
                    if let Some(profile) = Profile::from_name(&event_target_value(&e)) { search.steps.set(profile.steps()); }
                }>
                    {Profile::ALL.into_iter().map(|profile| view! {
                        <option value=profile.name() selected=move || search.steps.get().profile() == Some(profile)>{move || profile_label(profile)}</option>
                    }).collect_view()}
                    <option value="custom" disabled=true selected=move || search.steps.get().profile().is_none()>{tr("مخصّص", "custom")}</option>
                </select>
            </label>
            <details class="steps" data-testid="steps">
                <summary>{tr("خطوات التطبيع", "Normalization steps")}</summary>
                {Step::ALL.into_iter().map(|step| view! {
                    <label class="step">
                        <input
                            type="checkbox"
                            data-step=step.name()
                            prop:checked=move || search.steps.get().get(step)
                            on:change=move |e| {
                                let on = event_target_checked(&e);
                                search.steps.update(|s| s.set(step, on));
                            }
                        />
                        {move || step_label(lang.get(), step)}
                    </label>
                }).collect_view()}
            </details>
            // `max` is MAX_WIDTH written out: a literal costs the wasm nothing, a formatted number does.
            <label>
                {tr("السياق (كلمات)", "Context (words)")}
                <input type="number" min="1" max="30" data-testid="width" prop:value=move || search.width.get().to_string()
                    on:change=move |e| {
                        if let Ok(width) = event_target_value(&e).parse::<u32>() { search.width.set(width.clamp(1, MAX_WIDTH)); }
                    } />
            </label>
            <label>
                {tr("الترتيب", "Sort by")}
                <select data-testid="sort" on:change=move |e| {
                    if let Some(key) = SortKey::from_name(&event_target_value(&e)) { search.sort.set(vec![key]); search.page.set(0); }
                }>
                    {sort_keys.into_iter().map(|key| view! {
                        <option value=key.name() selected=move || search.sort.get().first() == Some(&key)>{move || sort_label(key)}</option>
                    }).collect_view()}
                </select>
            </label>
            <fieldset class="included" data-testid="included">
                <legend>{tr("المقالات المشمولة", "Articles included")}</legend>
                {articles().iter().enumerate().map(|(i, article)| view! {
                    <label class="included-doc" title=article.heading.text().to_string()>
                        <input type="checkbox" data-doc=article.id()
                            prop:checked=move || !search.excluded.get().contains(&i)
                            on:change=move |e| {
                                let on = event_target_checked(&e);
                                search.excluded.update(|ex| { if on { ex.remove(&i); } else { ex.insert(i); } });
                                search.page.set(0);
                            } />
                        {i + 1}
                    </label>
                }).collect_view()}
            </fieldset>
        </div>
    }
}

fn ordinal_ar(n: u8) -> &'static str {
    match n {
        1 => "الأولى",
        2 => "الثانية",
        _ => "الثالثة",
    }
}

fn ordinal_en(n: u8) -> &'static str {
    match n {
        1 => "1st",
        2 => "2nd",
        _ => "3rd",
    }
}

fn step_label(lang: Lang, step: Step) -> &'static str {
    let (ar, en) = match step {
        Step::Invisibles => ("حذف المحارف الخفية (ZWNJ، علامات الاتجاه)", "delete invisible characters (ZWNJ, bidi marks)"),
        Step::Nfc => ("تركيب الهمزة والمدة (NFC)", "compose hamza and madda (NFC)"),
        Step::PresentationForms => ("فك أشكال العرض والتركيبات (ﻻ ← لا)", "unfold presentation forms (ﻻ → لا)"),
        Step::Tatweel => ("حذف التطويل ـ", "delete tatweel ـ"),
        Step::Whitespace => ("توحيد المسافات", "plain spaces"),
        Step::Diacritics => ("حذف التشكيل", "delete diacritics"),
        Step::Alef => ("توحيد الألف (أ إ آ ← ا)", "fold alef forms (أ إ آ → ا)"),
        Step::AlefMaqsura => ("الألف المقصورة ى ← ي", "alef maqsura ى → ي"),
        Step::PersianLetters => ("الحروف الفارسية ← العربية", "Persian letters → Arabic"),
        Step::Digits => ("الأرقام ← 0-9", "digits → 0-9"),
        Step::LatinCase => ("الحروف اللاتينية الصغيرة", "Latin lower case"),
        Step::TehMarbuta => ("التاء المربوطة ة ← ه", "teh marbuta ة → ه"),
        Step::HamzaSeats => ("الهمزة على نبرة أو واو ← ء", "hamza seats ؤ ئ → ء"),
    };
    lang.pick(ar, en)
}

#[component]
fn Summary(search: SearchState) -> impl IntoView {
    let lang = use_lang();
    let unavailable = crate::chunks::unavailable_notice();
    // Every hit found, even past the ones kept for listing (see `siyaq_engine::MAX_HITS`).
    let total = move || search.shown.get().map(|r| r.total_found);
    let kept = move || search.shown.get().filter(|r| r.is_truncated()).map(|r| r.total());
    let per_document = move || search.shown.get().map(|r| r.per_document.clone()).unwrap_or_default();
    let max = move || per_document().into_iter().max().unwrap_or(0).max(1);
    let forms = move || search.shown.get().map(|r| r.forms.clone()).unwrap_or_default();
    let entity = move || {
        let query = search.query.get();
        let id = siyaq_engine::query::entity_reference(&query)?;
        search.entities.counted.with(|c| c.gazetteer.get(id).cloned())
    };
    view! {
        <div class="summary" hidden=move || total().is_none()>
            {move || entity().map(|entity| view! {
                <p class="entity-line" data-testid="entity-line">
                    {move || lang.get().pick("كل الإشارات إلى ", "Every mention of ")}
                    <strong>{match lang.get() { Lang::Ar => entity.name_ar.clone(), Lang::En => entity.name_en.clone() }}</strong>
                    {move || lang.get().pick("، بكل صيغه: ", ", in all its spellings: ")}
                    <bdi lang="ar">{entity.aliases.join("، ")}</bdi>
                </p>
            })}
            {move || search.pair().map(|pair| view! { <PairLine pair /> })}
            <p class="total">
                {tr("النتائج:", "Hits:")} " "
                <strong
                    data-testid="hit-total"
                    data-query=move || { search.shown.track(); search.timing.with_value(|(query, _)| query.clone()) }
                    // Whole microseconds: formatting a float would cost the wasm its float printer.
                    data-engine-us=move || { search.shown.track(); search.timing.with_value(|(_, ms)| ((ms * 1000.0) as u64).to_string()) }
                >{move || total().unwrap_or(0).to_string()}</strong>
                {move || (search.visible.get().len() != search.shown.get().map_or(0, |r| r.total())).then(|| view! {
                    <span class="shown-count">
                        {move || format!(" ({} {})", search.visible.get().len(), lang.get().pick("معروضة", "shown"))}
                    </span>
                })}
                {move || kept().map(|kept| view! {
                    <span class="truncated" data-testid="truncated" data-kept=kept>
                        {move || match lang.get() {
                            Lang::Ar => format!(" (تُعرض أول {kept} نتيجة فقط، وعليها وحدها تقوم الأعداد أدناه والتصدير؛ ضيّق البحث لترى غيرها)"),
                            Lang::En => format!(" (only the first {kept} are listed, counted below and exported; narrow the search to see the rest)"),
                        }}
                    </span>
                })}
                <button type="button" class="export" data-testid="export-csv" on:click=move |_| download_csv(search, unavailable)>
                    {tr("تصدير CSV", "Export CSV")}
                </button>
            </p>
            <ol class="hits-by-doc" data-testid="hits-by-doc">
                {move || {
                    let most = max();
                    per_document().into_iter().zip(articles()).map(move |(count, article)| {
                        // Tenths of a percent, in whole numbers: no float formatting code in the wasm.
                        let tenths = count * 1000 / most;
                        let share = format!("{}.{}%", tenths / 10, tenths % 10);
                        view! {
                            <li data-doc=article.id() data-count=count title=article.heading.text().to_string()>
                                <span class="doc-name" lang="ar" dir="rtl">{article.heading.text().chars().take(28).collect::<String>()}</span>
                                <span class="bar"><span class="fill" style:inline-size=share></span></span>
                                <span class="count">{count}</span>
                            </li>
                        }
                    }).collect_view()
                }}
            </ol>
            <div class="forms" data-testid="forms">
                {move || forms().into_iter().take(40).map(|form| {
                    let key = form.form.clone();
                    let chosen = key.clone();
                    view! {
                        <button type="button" class="form" data-form=key.clone()
                            aria-pressed=move || (search.form.get().as_deref() == Some(chosen.as_str())).to_string()
                            on:click=move |_| {
                                let key = key.clone();
                                search.form.update(|f| *f = if f.as_deref() == Some(key.as_str()) { None } else { Some(key) });
                                search.page.set(0);
                            }>
                            <bdi lang="ar">{form.surface}</bdi>
                            " "
                            <bdi class="times" dir="ltr">{format!("×{}", form.count)}</bdi>
                        </button>
                    }
                }).collect_view()}
            </div>
        </div>
    }
}

/// What the lines of `@a&@b` are: the mentions of the first entity in the sentences (or articles)
/// that mention the second too, and how many of those there are.
#[component]
fn PairLine(pair: PairShown) -> impl IntoView {
    let lang = use_lang();
    let name = move |entity: &siyaq_engine::gazetteer::Entity| match lang.get() {
        Lang::Ar => entity.name_ar.clone(),
        Lang::En => entity.name_en.clone(),
    };
    let (a, b) = (pair.a.clone(), pair.b.clone());
    let units = move || {
        let n = pair.units as usize;
        match (lang.get(), pair.scope) {
            (Lang::Ar, Scope::Sentence) => counted_ar(n, ["جملة واحدة", "جملتان", "جمل", "جملة"]),
            (Lang::Ar, Scope::Article) => counted_ar(n, ["مقال واحد", "مقالان", "مقالات", "مقالًا"]),
            (Lang::En, Scope::Sentence) => if n == 1 { "1 sentence".to_string() } else { format!("{n} sentences") },
            (Lang::En, Scope::Article) => if n == 1 { "1 article".to_string() } else { format!("{n} articles") },
        }
    };
    let (before, middle, after) = match pair.scope {
        Scope::Sentence => (("الإشارات إلى ", "Mentions of "), (" في الجمل التي تذكر ", " in the sentences that also mention "), (" أيضًا: ", ": ")),
        Scope::Article => (("الإشارات إلى ", "Mentions of "), (" في المقالات التي تذكر ", " in the articles that also mention "), (" أيضًا: ", ": ")),
    };
    view! {
        <p class="entity-line" data-testid="pair-line" data-a=pair.a.id.clone() data-b=pair.b.id.clone() data-units=pair.units data-scope=pair.scope.name()>
            {move || lang.get().pick(before.0, before.1)}
            <strong><bdi>{move || name(&a)}</bdi></strong>
            {move || lang.get().pick(middle.0, middle.1)}
            <strong><bdi>{move || name(&b)}</bdi></strong>
            {move || lang.get().pick(after.0, after.1)}
            {units}
        </p>
    }
}

#[component]
fn KwicTable(search: SearchState, nav: Navigation) -> impl IntoView {
    let lang = use_lang();
    let rows = Memo::new(move |_| search.rows());
    let pages = move || page_count(search.visible.get().len());
    // A page past the end (from a link, or after the hits shrank) becomes the last page.
    Effect::new(move |_| {
        let last = pages().saturating_sub(1);
        if search.page.get() > last {
            search.page.set(last);
        }
    });
    view! {
        <NoLines search />
        <div class="kwic" role="list" data-testid="kwic" lang="ar" dir="rtl" aria-label=move || lang.get().pick("السطور في سياقها", "Lines in context")>
            <For each=move || rows.get() key=|row| (row.position, row.hit.word) let:row>
                <KwicLine row search nav />
            </For>
        </div>
        <nav class="pager" hidden=move || { pages() < 2 } aria-label=move || lang.get().pick("الصفحات", "Pages")>
            <button type="button" data-testid="page-prev" disabled=move || search.page.get() == 0
                on:click=move |_| search.page.update(|p| *p = p.saturating_sub(1))>{tr("السابقة", "Previous")}</button>
            <span data-testid="page">{move || format!("{} / {}", search.page.get() + 1, pages())}</span>
            <button type="button" data-testid="page-next" disabled=move || { search.page.get() + 1 >= pages() }
                on:click=move |_| search.page.update(|p| *p += 1)>{tr("التالية", "Next")}</button>
            <span class="page-size">{move || format!("{PAGE_SIZE} {}", lang.get().pick("سطر في الصفحة", "lines a page"))}</span>
        </nav>
    }
}

/// Why a valid search shows no lines, when it does not: no hits at all, hits only in articles left
/// out, or none of the chosen form.
#[component]
fn NoLines(search: SearchState) -> impl IntoView {
    let lang = use_lang();
    let why = move || {
        let total = search.shown.get().map(|r| r.total())?;
        if !search.visible.get().is_empty() {
            return None;
        }
        Some(match (total, search.form.get()) {
            (0, _) => match lang.get() {
                Lang::Ar => "لا نتائج لهذا البحث في المقالات.".to_string(),
                Lang::En => "Nothing in the articles matches this search.".to_string(),
            },
            (_, Some(form)) => match lang.get() {
                Lang::Ar => format!("لا سطر بالصيغة «{}» بين النتائج.", brief(&form, ECHO_CHARS)),
                Lang::En => format!("No line has the form “{}” among the hits.", brief(&form, ECHO_CHARS)),
            },
            (_, None) => lang.get().pick("النتائج كلها في مقالات غير مشمولة.", "Every hit is in an article left out.").to_string(),
        })
    };
    view! {
        {move || why().map(|message| view! {
            <p class="no-lines" role="status" data-testid="no-lines">
                <bdi>{message}</bdi>
                " "
                {search.form.get().is_some().then(|| view! {
                    <button type="button" class="export" data-testid="all-forms" on:click=move |_| search.form.set(None)>
                        {tr("اعرض كل الصيغ", "Show every form")}
                    </button>
                })}
            </p>
        })}
    }
}

#[component]
fn KwicLine(row: KwicRow, search: SearchState, nav: Navigation) -> impl IntoView {
    let lang = use_lang();
    let hit = row.hit;
    let document = row.document;
    let open = move || nav.open_hit(document, hit);
    let article = articles().get(document);
    let label = article.map(|a| a.heading.text().chars().take(24).collect::<String>()).unwrap_or_default();
    let copy = move |event: ev::MouseEvent| {
        event.stop_propagation();
        let index = search.index.get();
        let text = crate::export::citation(&index, hit, search.width.get());
        crate::browser::copy_to_clipboard(text);
    };
    view! {
        <div
            class="kwic-row"
            role="listitem"
            tabindex="0"
            data-testid="kwic-row"
            data-doc=row.document_id.clone()
            data-word=hit.word
            title=row.sentence.clone()
            on:click=move |_| open()
            on:keydown=move |event: ev::KeyboardEvent| match event.key().as_str() {
                "Enter" => open(),
                "ArrowDown" | "ArrowUp" => {
                    event.prevent_default();
                    let target = event.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                    let next = target.and_then(|t| if event.key() == "ArrowDown" { t.next_element_sibling() } else { t.previous_element_sibling() });
                    if let Some(next) = next.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
                        let _ = next.focus();
                    }
                }
                _ => {}
            }
        >
            <span class="kwic-doc">{label}</span>
            <span class="kwic-before"><span class="inner">{isolated(row.before)}</span></span>
            <span class="kwic-node"><mark>{isolated(row.node)}</mark></span>
            <span class="kwic-after"><span class="inner">{isolated(row.after)}</span></span>
            <span class="kwic-tools">
            <button type="button" class="cite" title=move || lang.get().pick("انسخ السطر مع توثيقه", "Copy as citation") on:click=copy>
                "❝"
            </button>
            {move || search.entity_searched().map(|id| {
                let leave_out = move |event: ev::MouseEvent| {
                    event.stop_propagation();
                    search.entities.exclude_mention(&search.index.get_untracked(), hit, &id);
                };
                view! {
                    <button type="button" class="cite" data-testid="exclude-mention" on:click=leave_out
                        title=move || lang.get().pick("ليست إشارة إلى هذا الكيان: لا تعدّها (تُحفظ مع تعديلات القائمة)", "Not a mention of this entity: leave it out of the counts (kept with the list's edits)")>
                        "✕"
                    </button>
                }
            })}
            </span>
        </div>
    }
}

/// Context text with Latin words and numbers isolated, so they never reorder the line.
fn isolated(text: String) -> impl IntoView {
    latin_and_number_runs(&text)
        .into_iter()
        .map(|run| {
            let part = text[run.span].to_string();
            if run.latin { view! { <bdi dir="ltr">{part}</bdi> }.into_any() } else { part.into_any() }
        })
        .collect_view()
}

fn download_csv(search: SearchState, problem: RwSignal<Option<crate::chunks::ChunkUnavailable>>) {
    let index = search.index.get();
    let hits = search.visible.get();
    let width = search.width.get();
    let name = format!("siyaq-{}.csv", search.query.get().chars().filter(|c| c.is_alphanumeric()).take(30).collect::<String>());
    leptos::task::spawn_local(async move {
        match crate::chunks::hits_csv(index, hits, width).await {
            Ok(csv) => {
                let _ = crate::browser::save_file(&name, &csv, "text/csv;charset=utf-8");
            }
            Err(unavailable) => problem.set(Some(unavailable)),
        }
    });
}
