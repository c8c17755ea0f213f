use leptos::prelude::*;

use crate::corpus_panel::CorpusPanel;
use crate::library::articles;
use crate::reader::Reader;

/// The whole page: masthead, the corpus panel and the reader.
#[component]
pub fn App() -> impl IntoView {
    let open = RwSignal::new(articles().first().map(|a| a.id()));
    view! {
        <header class="masthead">
            <h1 class="brand">"سياق"</h1>
            <p class="tagline">"الكلمة في سياقها: قراءة الصحافة العربية وتحليلها في المتصفح"</p>
        </header>
        <main class="workspace">
            <CorpusPanel open=open />
            <Reader open=open />
        </main>
    }
}
