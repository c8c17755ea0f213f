//! Starting the page: the corpus pack that `boot.js` fetched is read and checked, then the app
//! mounts. A pack that cannot be used is said in the page, never a blank screen.

use js_sys::{Reflect, Uint8Array};
use siyaq_corpus::{Corpus, PackError};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Where `boot.js` leaves the promise of the pack's bytes (inflated).
const PACK_PROMISE: &str = "siyaqPack";
/// Where `boot.js` leaves the `pack=` a link chose, when it chose one.
const PACK_SOURCE: &str = "siyaqPackSource";
/// Where `boot.js` leaves the `collection=` a link chose, when it chose one.
const COLLECTION: &str = "siyaqCollection";
/// The name of the error `boot.js` rejects a pack of another site with.
const PACK_REFUSED: &str = "SiyaqPackRefused";
/// The name of the error for a link's collection that cannot open, which `collections.js` has
/// already explained in the page.
const EXPLAINED: &str = "SiyaqExplained";

/// Reads the pack, installs the corpus and mounts the app; or explains why it cannot.
pub async fn start() {
    match load().await {
        Ok(corpus) => {
            let corpus = crate::state::corpus::install(corpus, source());
            // A visit before this one may have kept the index: read back, it spares building it.
            if let Some(index) = crate::index_cache::read(corpus, siyaq_engine::Steps::default()).await {
                crate::browser::mark("index-read");
                crate::state::corpus::offer_index(index);
            }
            leptos::mount::mount_to_body(crate::App);
            crate::browser::mark("mounted");
        }
        Err(problem) => show_problem(&problem),
    }
}

/// Where the corpus came from, as `boot.js` says.
fn source() -> crate::state::corpus::Source {
    use crate::state::corpus::Source;
    let global = |name: &str| Reflect::get(&js_sys::global(), &JsValue::from_str(name)).ok().and_then(|s| s.as_string());
    match (global(COLLECTION), global(PACK_SOURCE)) {
        (Some(id), _) => Source::Collection(id),
        (None, Some(address)) => Source::Pack(address),
        (None, None) => Source::Site,
    }
}

enum Problem {
    /// The pack could not be fetched or inflated (offline on a first visit, a missing file).
    Unavailable(String),
    /// A link chose a pack of another site (`pack=`): never fetched.
    Refused(String),
    /// A link chose one of the user's collections that cannot open here (not held, or a browser
    /// that keeps nothing): `collections.js` said so in the page, with what to do.
    Explained,
    Unusable(PackError),
}

async fn load() -> Result<Corpus, Problem> {
    let global = js_sys::global();
    let promise = Reflect::get(&global, &JsValue::from_str(PACK_PROMISE))
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        .ok_or_else(|| Problem::Unavailable("boot.js did not start loading the corpus".into()))?;
    let bytes = JsFuture::from(promise).await.map_err(|e| match e.dyn_ref::<js_sys::Error>() {
        Some(error) if error.name() == PACK_REFUSED => Problem::Refused(error.message().into()),
        Some(error) if error.name() == EXPLAINED => Problem::Explained,
        _ => Problem::Unavailable(describe(&e)),
    })?;
    let bytes = bytes.dyn_into::<Uint8Array>().map_err(|_| Problem::Unavailable("not bytes".into()))?.to_vec();
    crate::browser::mark("pack-copied");
    let corpus = Corpus::from_bytes(bytes).map_err(Problem::Unusable);
    crate::browser::mark("pack-read");
    corpus
}

fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// The problem in the page's start-up notice, in both languages (the interface language is not
/// known before the app runs).
fn show_problem(problem: &Problem) {
    let (ar, en) = match problem {
        Problem::Explained => return,
        Problem::Unavailable(reason) => (
            "تعذّر تحميل مجموعة المقالات. تحقق من الاتصال ثم أعد تحميل الصفحة.".to_string(),
            format!("The corpus could not be loaded ({reason}). Check the connection and reload."),
        ),
        Problem::Refused(address) => (
            "يطلب هذا الرابط مجموعة مقالات من موقع آخر، ولا يفتح سياق إلا المجموعات المنشورة على موقعه.".to_string(),
            format!("This link asks for a corpus from another site ({address}); siyaq opens only corpus packs published on its own site."),
        ),
        Problem::Unusable(PackError::UnknownFormat(format)) if *format < siyaq_corpus::FORMAT => (
            "صُنعت مجموعة المقالات هذه بإصدار أقدم من سياق: أعد بناءها.".to_string(),
            format!("This corpus was made by an older siyaq and must be built again: {}.", describe_pack(problem)),
        ),
        Problem::Unusable(PackError::UnknownFormat(_)) => (
            "صُنعت مجموعة المقالات هذه بإصدار أحدث من سياق.".to_string(),
            format!("This corpus was made by a newer siyaq: {}.", describe_pack(problem)),
        ),
        Problem::Unusable(_) => (
            "ملف مجموعة المقالات تالف أو ليس ملف سياق.".to_string(),
            format!("The corpus file is damaged or not a siyaq corpus: {}.", describe_pack(problem)),
        ),
    };
    let Some(note) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("boot-error"))
    else {
        return;
    };
    note.set_text_content(Some(&format!("{ar} {en}")));
    // A corpus chosen by the link failed: the site's own articles are one click away.
    if source() != crate::state::corpus::Source::Site
        && let Some(document) = note.owner_document()
        && let Ok(back) = document.create_element("a")
    {
        let _ = back.set_attribute("href", &crate::browser::page_address());
        let _ = back.set_attribute("data-testid", "open-site-corpus");
        back.set_text_content(Some(" افتح مقالات الموقع · Open the site's articles"));
        let _ = note.append_child(&back);
    }
    let _ = note.remove_attribute("hidden");
}

fn describe_pack(problem: &Problem) -> String {
    match problem {
        Problem::Unavailable(reason) | Problem::Refused(reason) => reason.clone(),
        Problem::Explained => String::new(),
        Problem::Unusable(error) => error.to_string(),
    }
}
