use std::ops::Range;

use leptos::prelude::*;
use siyaq_corpus::{Line, LineRole};
use siyaq_engine::Hit;

use crate::i18n::{tr, use_lang};
use crate::labels::{DateBadge, words_label};
use crate::state::corpus::{Article, article, loaded};
use crate::state::navigation::Navigation;
use crate::state::search::{SearchState, hit_ranges_in};
use crate::text::OriginalText;

/// One article's original text with its metadata, the query's hits marked in it.
#[component]
pub fn Reader(nav: Navigation, search: SearchState) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="reader" aria-label=move || lang.get().pick("القارئ", "Reader") data-testid="reader">
            {move || match nav.open.get().and_then(article) {
                Some(article) => view! { <ArticleView article nav search /> }.into_any(),
                None => view! { <p class="placeholder">{tr("اختر مقالًا من القائمة لقراءته.", "Choose an article to read.")}</p> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn ArticleView(article: &'static Article, nav: Navigation, search: SearchState) -> impl IntoView {
    let lang = use_lang();
    let doc = article.document;
    // The hits of the current query in this article, as byte ranges of its text.
    let corpus = loaded();
    let text = corpus.text(doc);
    let hits = Memo::new(move |_| match search.shown.get() {
        Some(result) => hit_ranges_in(&search.index.get(), &result.hits, &doc.id)
            .into_iter()
            .filter(|(_, r)| text.is_char_boundary(r.start) && text.is_char_boundary(r.end))
            .collect(),
        None => Vec::new(),
    });
    let current = move || {
        let focus = nav.focus.get()?;
        hits.get().iter().position(|(h, _)| *h == focus)
    };
    let step = move |delta: isize| {
        let hits = hits.get_untracked();
        if hits.is_empty() {
            return;
        }
        let at = current().map_or(if delta > 0 { -1 } else { 0 }, |i| i as isize);
        let next = (at + delta).rem_euclid(hits.len() as isize) as usize;
        nav.focus.set(Some(hits[next].0));
    };
    // Bring the hit in focus into view once it is drawn.
    Effect::new(move |_| {
        if nav.focus.get().is_some() && nav.open.get() == Some(doc.id.as_str()) {
            request_animation_frame(|| {
                if let Ok(Some(mark)) = document().query_selector("[data-testid=article-text] mark.current") {
                    mark.scroll_into_view_with_bool(false);
                }
            });
        }
    });
    let facts = [
        (("الكاتب", "Author"), doc.author.as_deref()),
        (("المصدر", "Source"), doc.source.as_deref()),
        (("الترجمة", "Translation"), doc.translator.as_deref()),
    ];
    let offset = doc.span().start;
    view! {
        <article class="article" lang="ar" dir="rtl" data-doc=doc.id.as_str()>
            <dl class="article-meta" lang=move || lang.get().code() dir=move || lang.get().dir()>
                {doc.title.is_none().then(|| view! {
                    <div><dt>{tr("العنوان", "Title")}</dt><dd class="untitled">{tr("لا يطبع المقال عنوانًا", "no title printed")}</dd></div>
                })}
                {facts
                    .into_iter()
                    .filter_map(|((ar, en), value)| value.map(|v| view! {
                        <div><dt>{tr(ar, en)}</dt><dd lang="ar" dir="rtl"><OriginalText text=v /></dd></div>
                    }))
                    .collect_view()}
                <div><dt>{tr("التاريخ", "Date")}</dt><dd><DateBadge article /></dd></div>
                <div><dt>{tr("الطول", "Length")}</dt><dd data-testid="reader-words" data-words=move || search.words(article.position)>{move || words_label(lang.get(), search.words(article.position))}</dd></div>
                <div><dt>{tr("الملف", "File")}</dt><dd><bdi dir="ltr">{format!("{} : {}–{}", corpus.file_of(doc).name, doc.first_line(), doc.last_line())}</bdi></dd></div>
            </dl>
            <div class="hit-nav" hidden=move || hits.get().is_empty() data-testid="hit-nav" lang=move || lang.get().code() dir=move || lang.get().dir()>
                <button type="button" data-testid="hit-prev" on:click=move |_| step(-1)>{tr("السابقة", "Previous")}</button>
                <span data-testid="hit-position">{move || {
                    let total = hits.get().len();
                    match current() {
                        Some(i) => format!("{} / {total}", i + 1),
                        None => format!("– / {total}"),
                    }
                }}</span>
                <button type="button" data-testid="hit-next" on:click=move |_| step(1)>{tr("التالية", "Next")}</button>
            </div>
            <div class="article-text" data-testid="article-text">
                {move || {
                    let hits = hits.get();
                    let focus = nav.focus.get();
                    corpus.lines(doc)
                        .filter(|l| l.role != LineRole::Blank)
                        .map(|line| {
                            let start = line.span.start - offset;
                            let marks: Vec<(Hit, Range<usize>)> = hits
                                .iter()
                                .filter(|(_, r)| r.start < start + line.text.len() && r.end > start)
                                .map(|(h, r)| (*h, r.start.max(start) - start..r.end.min(start + line.text.len()) - start))
                                .collect();
                            view! { <TextLine line marks focus /> }
                        })
                        .collect_view()
                }}
            </div>
        </article>
    }
}

/// One line, its hits marked (the one in focus as `current`).
#[component]
fn TextLine(line: Line<'static>, marks: Vec<(Hit, Range<usize>)>, focus: Option<Hit>) -> impl IntoView {
    let lang = use_lang();
    let number = line.number;
    let text = line.text;
    let mut parts = Vec::new();
    let mut at = 0;
    for (hit, range) in marks {
        if range.start > at {
            parts.push(view! { <OriginalText text=&text[at..range.start] /> }.into_any());
        }
        let current = Some(hit) == focus;
        parts.push(
            view! { <mark class="hit" class:current=current data-word=hit.word><OriginalText text=&text[range.clone()] /></mark> }
                .into_any(),
        );
        at = range.end.max(at);
    }
    if at < text.len() {
        parts.push(view! { <OriginalText text=&text[at..] /> }.into_any());
    }
    match line.role {
        LineRole::Title => view! { <h2 class="line title" data-line=number>{parts}</h2> }.into_any(),
        LineRole::Heading => view! { <h3 class="line heading" data-line=number>{parts}</h3> }.into_any(),
        LineRole::DuplicateTitle => view! {
            <p
                class="line duplicate"
                data-line=number
                data-note=move || lang.get().pick("عنوان مكرر · لا يُحتسب", "repeated title · not counted")
                title=move || lang.get().pick("العنوان مكرر في الملف: يظهر هنا ولا يدخل في الإحصاءات", "The title is repeated in the file: shown here, never counted")
            >
                {parts}
            </p>
        }
        .into_any(),
        role => view! { <p class=role_class(role) data-line=number>{parts}</p> }.into_any(),
    }
}

fn role_class(role: LineRole) -> &'static str {
    match role {
        LineRole::Byline => "line byline",
        LineRole::Source => "line source",
        LineRole::Translator => "line translator",
        _ => "line body",
    }
}
