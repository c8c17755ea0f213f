//! Code a first visit does without. In the site's build (`--cfg siyaq_split`, see
//! `xtask/src/site.rs`) each function made with [`chunk!`] is split into a wasm chunk of its
//! own, fetched the first time it is called and kept by the service worker; elsewhere (tests,
//! other builds) the calls are ordinary. A chunk that cannot be fetched (a dropped connection
//! before the service worker kept it) is an error the page reports, never a panic: a failed load
//! is not remembered, so trying again fetches it anew.

use leptos::prelude::*;
use siyaq_engine::{Hit, Index};

use crate::i18n::Lang;
use crate::state::search::Shared;

/// A part of the app could not be downloaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChunkUnavailable;

/// The page's notice of a part that could not be downloaded (provided by the app).
pub fn unavailable_notice() -> RwSignal<Option<ChunkUnavailable>> {
    use_context().expect("the app provides the notice of unavailable parts")
}

#[cfg(siyaq_split)]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkUnavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkUnavailable
    }
}

impl crate::notice::Notify for ChunkUnavailable {
    fn message(&self, lang: Lang) -> String {
        lang.pick(
            "تعذّر تنزيل هذا الجزء من سياق: تحقّق من الاتصال بالشبكة ثم أعد المحاولة.",
            "This part of siyaq could not be downloaded: check the network connection and try again.",
        )
        .to_string()
    }

    fn is_problem(&self) -> bool {
        true
    }
}

/// A view whose code is a chunk: `build` fetches it (see [`chunk!`]) and makes the view. If the
/// chunk cannot be downloaded, the page's notice says so and a button here tries again.
pub fn chunked_view<F, Fut>(build: F) -> AnyView
where
    F: Fn() -> Fut + Clone + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<AnyView, ChunkUnavailable>> + Send + 'static,
{
    let unavailable = unavailable_notice();
    let attempt = RwSignal::new(0u32);
    (move || {
        attempt.track();
        let build = build.clone();
        // Suspend keeps the reactive owner across the await: the view is owned like any other.
        Suspend::new(async move {
            match build().await {
                Ok(view) => view,
                Err(problem) => {
                    unavailable.set(Some(problem));
                    view! {
                        <button type="button" data-testid="chunk-retry" on:click=move |_| {
                            unavailable.set(None);
                            attempt.update(|n| *n += 1);
                        }>{crate::i18n::tr("أعد المحاولة", "Try again")}</button>
                    }
                    .into_any()
                }
            }
        })
    })
    .into_any()
}

/// Defines a function once for both builds: in the site's build a split point whose code goes to
/// a chunk of its own (a failed download is `Err(ChunkUnavailable)`), elsewhere an ordinary async
/// function that always succeeds. A view's chunk is made where the view lives, so that this
/// module depends on no view.
macro_rules! chunk {
    ($(#[$doc:meta])* fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $out:ty $body:block) => {
        $(#[$doc])*
        #[cfg(siyaq_split)]
        #[leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn $name($($arg: $ty),*) -> Result<$out, $crate::chunks::ChunkUnavailable> {
            Ok($body)
        }

        $(#[$doc])*
        #[cfg(not(siyaq_split))]
        pub async fn $name($($arg: $ty),*) -> Result<$out, $crate::chunks::ChunkUnavailable> {
            Ok($body)
        }
    };
}
pub(crate) use chunk;

chunk! {
    /// Every hit as CSV, for the concordance's export button (the CSV writer lives here).
    fn hits_csv(index: Shared<Index>, hits: Shared<Vec<Hit>>, width: u32) -> String {
        crate::export::hits_csv(&index, &hits, width)
    }
}
