use leptos::prelude::*;

use siyaq_corpus::Heading;

use crate::library::{Article, articles, date_label, word_count_label};

/// The list of bundled articles with their metadata and word counts.
#[component]
pub fn CorpusPanel(open: RwSignal<Option<&'static str>>) -> impl IntoView {
    let total: usize = articles().iter().map(|a| a.words).sum();
    view! {
        <nav class="corpus-panel" aria-labelledby="corpus-heading">
            <h2 id="corpus-heading">"المقالات"</h2>
            <p class="corpus-summary" data-testid="corpus-summary">
                {format!("{} مقالات · ", articles().len())}
                <span data-testid="corpus-words" data-words=total>{word_count_label(total)}</span>
            </p>
            <ul class="doc-list" data-testid="doc-list">
                {articles().iter().map(|article| view! { <ArticleEntry article open /> }).collect_view()}
            </ul>
        </nav>
    }
}

#[component]
fn ArticleEntry(article: &'static Article, open: RwSignal<Option<&'static str>>) -> impl IntoView {
    let id = article.id();
    let doc = article.document;
    let is_open = move || open.get() == Some(id);
    let heading = match &article.heading {
        Heading::Printed(title) => view! { <span class="doc-title">{*title}</span> }.into_any(),
        Heading::Opening(words) => view! {
            <span class="doc-title untitled">{words.clone()}</span>
            <span class="badge" title="لا يطبع المقال عنوانًا: تظهر كلماته الأولى بدلًا منه">"بلا عنوان"</span>
        }
        .into_any(),
    };
    let byline = [doc.author, doc.source].into_iter().flatten().collect::<Vec<_>>().join(" · ");
    view! {
        <li>
            <button
                type="button"
                class="doc-entry"
                class:open=is_open
                aria-current=move || is_open().then_some("true")
                data-doc=id
                data-words=article.words
                on:click=move |_| open.set(Some(id))
            >
                {heading}
                <span class="doc-meta">
                    {(!byline.is_empty()).then(|| view! { <span class="doc-byline">{byline}</span> })}
                    <DateBadge article />
                    <span class="doc-words">{word_count_label(article.words)}</span>
                </span>
            </button>
        </li>
    }
}

/// The article's date; an inferred one says so and shows the words that imply it.
#[component]
pub fn DateBadge(article: &'static Article) -> impl IntoView {
    let date = article.date();
    let label = date_label(&date);
    let evidence = date.evidence.map(|words| format!("تاريخ مستنتج من النص: «{words}»"));
    view! {
        <span class="doc-date" class:inferred=date.inferred title=evidence data-date=date.value>
            {label}
            {date.inferred.then_some(" (مستنتج)")}
        </span>
    }
}
