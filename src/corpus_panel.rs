use leptos::prelude::*;
use siyaq_corpus::Heading;

use crate::i18n::{Lang, counted_ar, tr, use_lang};
use crate::labels::{DateBadge, words_label};
use crate::state::corpus::{Article, articles};
use crate::state::navigation::Navigation;
use crate::state::search::SearchState;

/// How many articles the list shows before the reader asks for all: drawing a thousand entries
/// would hold up the page's start by a good part of a second.
const LISTED_FIRST: usize = 200;

/// How many of `all` articles the list shows at first: `LISTED_FIRST`, or all of them when the
/// article a link opens (`opened`, its position) lies further down.
fn listed_at_first(all: usize, opened: Option<usize>) -> usize {
    if opened.is_some_and(|i| i >= LISTED_FIRST) { all } else { all.min(LISTED_FIRST) }
}

/// The list of the corpus's articles with their metadata and word counts.
#[component]
pub fn CorpusPanel(nav: Navigation, search: SearchState, children: Children) -> impl IntoView {
    let lang = use_lang();
    let total = move || search.total_words();
    let all = articles().len();
    // An article a link opens is listed, however far down it lies.
    let opened = nav.open.get_untracked().and_then(|id| articles().iter().position(|a| a.id() == id));
    let listed = RwSignal::new(listed_at_first(all, opened));
    view! {
        <nav class="corpus-panel" aria-labelledby="corpus-heading">
            {children()}
            <h2 id="corpus-heading">{tr("المقالات", "Articles")}</h2>
            <p class="corpus-summary" data-testid="corpus-summary">
                {move || match (lang.get(), articles().len()) {
                    (Lang::Ar, n) => format!("{} · ", counted_ar(n, ["مقال واحد", "مقالان", "مقالات", "مقالًا"])),
                    (Lang::En, 1) => "1 article · ".to_string(),
                    (Lang::En, n) => format!("{n} articles · "),
                }}
                <span data-testid="corpus-words" data-words=total>{move || words_label(lang.get(), total())}</span>
            </p>
            <ul class="doc-list" data-testid="doc-list">
                {move || articles()[..listed.get()].iter().map(|article| view! { <ArticleEntry article nav search /> }).collect_view()}
            </ul>
            <button type="button" class="show-all" data-testid="show-all-articles" hidden=move || listed.get() >= all on:click=move |_| listed.set(all)>
                {move || match lang.get() {
                    Lang::Ar => format!("اعرض المقالات كلها ({all})"),
                    Lang::En => format!("Show all {all} articles"),
                }}
            </button>
            <LeftOut />
        </nav>
    }
}

/// The files the build left out of the corpus folder, each with the reason the build gave, so
/// that an analyst sees what is missing instead of miscounting it.
#[component]
fn LeftOut() -> impl IntoView {
    let lang = use_lang();
    let skipped = crate::state::corpus::loaded().skipped();
    (!skipped.is_empty()).then(|| {
        let count = skipped.len();
        view! {
            <details class="left-out" data-testid="left-out" data-count=count>
                <summary>{move || match (lang.get(), count) {
                    (Lang::Ar, n) => format!("لم يدخل المجموعةَ {}", counted_ar(n, ["ملف واحد", "ملفان", "ملفات", "ملفًا"])),
                    (Lang::En, 1) => "1 file was left out".to_string(),
                    (Lang::En, n) => format!("{n} files were left out"),
                }}</summary>
                <ul>
                    {skipped.iter().map(|s| view! {
                        <li data-what=s.what.clone()>
                            <bdi class="left-out-file">{s.what.clone()}</bdi>": "
                            <bdi dir="ltr" lang="en" class="left-out-why">{s.why.clone()}</bdi>
                        </li>
                    }).collect_view()}
                </ul>
            </details>
        }
    })
}

#[component]
fn ArticleEntry(article: &'static Article, nav: Navigation, search: SearchState) -> impl IntoView {
    let lang = use_lang();
    let words = move || search.words(article.position);
    let id = article.id();
    let doc = article.document;
    let is_open = move || nav.open.get() == Some(id);
    let heading = match &article.heading {
        Heading::Printed(title) => view! { <span class="doc-title" lang="ar" dir="rtl">{*title}</span> }.into_any(),
        Heading::Opening(words) => view! {
            <span class="doc-title untitled" lang="ar" dir="rtl">{words.clone()}</span>
            <span class="badge" title=move || lang.get().pick("لا يطبع المقال عنوانًا: تظهر كلماته الأولى بدلًا منه", "The article prints no title: its opening words stand in for one")>
                {tr("بلا عنوان", "untitled")}
            </span>
        }
        .into_any(),
    };
    let byline = [doc.author.as_deref(), doc.source.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" · ");
    view! {
        <li>
            <button
                type="button"
                class="doc-entry"
                class:open=is_open
                aria-current=move || is_open().then_some("true")
                data-doc=id
                data-words=words
                on:click=move |_| nav.open_article(id)
            >
                {heading}
                <span class="doc-meta">
                    {(!byline.is_empty()).then(|| view! { <bdi class="doc-byline" lang="ar">{byline}</bdi> })}
                    <DateBadge article />
                    <span class="doc-words">{move || words_label(lang.get(), words())}</span>
                </span>
            </button>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_list_shows_its_first_articles_unless_a_link_opens_one_further_down() {
        assert_eq!(listed_at_first(6, None), 6);
        assert_eq!(listed_at_first(994, None), LISTED_FIRST);
        assert_eq!(listed_at_first(994, Some(LISTED_FIRST - 1)), LISTED_FIRST);
        assert_eq!(listed_at_first(994, Some(LISTED_FIRST)), 994);
    }
}
