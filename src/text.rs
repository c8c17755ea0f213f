//! Original text rendered safely: always as text nodes, Latin-script runs isolated in `<bdi>`.

use leptos::prelude::*;
use siyaq_engine::bidi::latin_runs;

/// Shows `text` as written; Latin names inside Arabic keep their own direction.
#[component]
pub fn OriginalText(text: &'static str) -> impl IntoView {
    latin_runs(text)
        .into_iter()
        .map(|run| {
            let slice = &text[run.span];
            if run.latin {
                view! { <bdi dir="ltr" lang="en">{slice}</bdi> }.into_any()
            } else {
                slice.into_any()
            }
        })
        .collect_view()
}
