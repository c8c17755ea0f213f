use leptos::prelude::*;
use siyaq_corpus::{Line, LineRole};

use crate::corpus_panel::DateBadge;
use crate::library::{Article, article, word_count_label};
use crate::text::OriginalText;

/// One article's original text with its metadata.
#[component]
pub fn Reader(open: RwSignal<Option<&'static str>>) -> impl IntoView {
    view! {
        <section class="reader" aria-label="القارئ" data-testid="reader">
            {move || match open.get().and_then(article) {
                Some(article) => view! { <ArticleView article /> }.into_any(),
                None => view! { <p class="placeholder">"اختر مقالًا من القائمة لقراءته."</p> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn ArticleView(article: &'static Article) -> impl IntoView {
    let doc = article.document;
    let facts = [
        ("الكاتب", doc.author),
        ("المصدر", doc.source),
        ("الترجمة", doc.translator),
    ];
    view! {
        <article class="article" lang="ar" dir="rtl" data-doc=doc.id>
            <dl class="article-meta">
                {doc.title.is_none().then(|| view! {
                    <div><dt>"العنوان"</dt><dd class="untitled">"لا يطبع المقال عنوانًا"</dd></div>
                })}
                {facts
                    .into_iter()
                    .filter_map(|(label, value)| value.map(|v| view! {
                        <div><dt>{label}</dt><dd><OriginalText text=v /></dd></div>
                    }))
                    .collect_view()}
                <div><dt>"التاريخ"</dt><dd><DateBadge article /></dd></div>
                <div><dt>"الطول"</dt><dd data-testid="reader-words" data-words=article.words>{word_count_label(article.words)}</dd></div>
                <div><dt>"الملف"</dt><dd><bdi dir="ltr">{format!("{} : {}–{}", doc.file().name, doc.first_line, doc.last_line)}</bdi></dd></div>
            </dl>
            <div class="article-text" data-testid="article-text">
                {doc.lines().filter(|l| l.role != LineRole::Blank).map(|line| view! { <TextLine line /> }).collect_view()}
            </div>
        </article>
    }
}

#[component]
fn TextLine(line: Line) -> impl IntoView {
    let number = line.number;
    let text = view! { <OriginalText text=line.text /> };
    match line.role {
        LineRole::Title => view! { <h2 class="line title" data-line=number>{text}</h2> }.into_any(),
        LineRole::Heading => view! { <h3 class="line heading" data-line=number>{text}</h3> }.into_any(),
        LineRole::DuplicateTitle => view! {
            <p
                class="line duplicate"
                data-line=number
                data-note="عنوان مكرر · لا يُحتسب"
                title="العنوان مكرر في الملف: يظهر هنا ولا يدخل في الإحصاءات"
            >
                {text}
            </p>
        }
        .into_any(),
        role => view! { <p class=role_class(role) data-line=number>{text}</p> }.into_any(),
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
