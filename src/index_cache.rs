//! The built index, kept in the browser's cache: a later visit reads it back instead of analyzing
//! the whole corpus again (on a 50 MB corpus, a fraction of the second that building takes). It
//! is kept under the build's name and the corpus's version, so another build or another corpus
//! never reads it; a few indexes are kept at once. Anything read back is checked whole by the
//! engine, and an entry that does not check out is deleted and the index built again. Where the
//! browser keeps no cache (private windows, a file opened from disk), nothing changes.

use std::sync::Arc;

use js_sys::{Array, Reflect, Uint8Array};
use siyaq_corpus::Corpus;
use siyaq_engine::{Index, Step, Steps};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

const CACHE: &str = "siyaq-index";
/// Where `boot.js` leaves the build's name; unset outside a built site.
const BUILD: &str = "siyaqBuild";

/// The cache entry's address for the index with `steps` of the corpus of `version` (an address
/// inside the site, as the cache requires, that is never fetched).
fn key(version: &str, steps: Steps) -> Option<String> {
    let build = Reflect::get(&js_sys::global(), &JsValue::from_str(BUILD)).ok()?.as_string()?;
    // An unstamped boot.js (never built by xtask) names no build: nothing is kept.
    if build.starts_with("__") {
        return None;
    }
    let base = crate::browser::page_address();
    let steps: String = Step::ALL.iter().map(|&step| if steps.get(step) { '1' } else { '0' }).collect();
    Some(format!("{base}siyaq-index/{build}/{version}/{steps}"))
}

async fn open() -> Option<web_sys::Cache> {
    let caches = web_sys::window()?.caches().ok()?;
    JsFuture::from(caches.open(CACHE)).await.ok()?.dyn_into().ok()
}

/// The corpus's index with `steps`, when a visit before this one kept it.
pub async fn read(corpus: &Corpus, steps: Steps) -> Option<Index> {
    let key = key(corpus.version(), steps)?;
    let cache = open().await?;
    let response: web_sys::Response = JsFuture::from(cache.match_with_str(&key)).await.ok()?.dyn_into().ok()?;
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    let bytes = Uint8Array::new(&buffer);
    let length = bytes.length();
    let mut at = 0u32;
    let mut source = |buffer: &mut [u8]| {
        let n = (buffer.len() as u32).min(length - at);
        bytes.subarray(at, at + n).copy_to(&mut buffer[..n as usize]);
        at += n;
        n as usize
    };
    let inputs = corpus.documents().iter().map(|d| corpus.index_input(d));
    match Index::read_stored(&mut source, inputs, steps) {
        Ok(index) => Some(index),
        Err(_) => {
            let _ = JsFuture::from(cache.delete_with_str(&key)).await;
            None
        }
    }
}

/// Keeps `index` (the corpus's, with `steps`) for later visits.
pub async fn keep(corpus: &Corpus, steps: Steps, index: Arc<Index>) {
    let Some(key) = key(corpus.version(), steps) else { return };
    // The bytes go to the browser a piece at a time: no second copy of the index in the wasm.
    let pieces = Array::new();
    index.write_stored(&mut |piece| {
        pieces.push(&Uint8Array::from(piece));
    });
    drop(index);
    put(&key, &pieces).await;
}

/// Keeps an index with the default steps that another thread built and wrote (the bytes of
/// `Index::write_stored`) for the corpus of `version`: the import worker's, so that a new
/// collection opens without building its index.
pub async fn keep_built(version: &str, stored: Uint8Array) {
    let Some(key) = key(version, Steps::default()) else { return };
    put(&key, &Array::of1(&stored)).await;
}

/// How many indexes are kept at once: the site's corpus and a collection or two. A page that
/// kept only one would throw away the index an import has just built the moment the site's page
/// behind it keeps its own.
const KEPT: usize = 3;

/// Puts `pieces` under `key`, with the most recent indexes of this build beside it; those of other
/// builds are never read again and go.
async fn put(key: &str, pieces: &Array) {
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence(pieces) else { return };
    let Ok(response) = web_sys::Response::new_with_opt_blob(Some(&blob)) else { return };
    let Some(cache) = open().await else { return };
    // `…/siyaq-index/{build}/{version}/{steps}`: this build's entries share what comes before the version.
    let this_build = key.rsplitn(3, '/').nth(2).map(|prefix| format!("{prefix}/")).unwrap_or_default();
    if let Ok(kept) = JsFuture::from(cache.keys()).await {
        let kept: Vec<String> = Array::from(&kept)
            .iter()
            .filter_map(|request| Reflect::get(&request, &JsValue::from_str("url")).ok()?.as_string())
            .filter(|url| url != key)
            .collect();
        let ours = kept.iter().filter(|url| url.starts_with(&this_build)).count();
        // Oldest first (a cache lists its entries in the order they were put).
        let mut extra = (ours + 1).saturating_sub(KEPT);
        for url in &kept {
            let goes = if url.starts_with(&this_build) && extra > 0 {
                extra -= 1;
                true
            } else {
                !url.starts_with(&this_build)
            };
            if goes {
                let _ = JsFuture::from(cache.delete_with_str(url)).await;
            }
        }
    }
    // A full storage refuses the entry: the next visit builds the index, as this one did.
    let _ = JsFuture::from(cache.put_with_str(key, &response)).await;
}
