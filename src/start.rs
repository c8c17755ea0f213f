//! Starting the page: the corpus pack that `boot.js` fetched is read and checked, then the app
//! mounts. A pack that cannot be used is said in the page, never a blank screen.

use js_sys::{Reflect, Uint8Array};
use siyaq_corpus::{Corpus, PackError};
use siyaq_state::Lang;
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
/// The name of the error a collection this browser does not hold is rejected with.
const COLLECTION_MISSING: &str = "SiyaqCollectionMissing";
/// The name of the error for a browser that keeps nothing (IndexedDB refused or absent).
const STORAGE_UNAVAILABLE: &str = "SiyaqStorageUnavailable";

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
    /// A link chose one of the user's collections, and this browser does not hold it.
    CollectionMissing(String),
    /// A link chose one of the user's collections, and this browser keeps nothing (private
    /// browsing, storage turned off).
    StorageUnavailable(String),
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
        Some(error) if error.name() == COLLECTION_MISSING => Problem::CollectionMissing(error.message().into()),
        Some(error) if error.name() == STORAGE_UNAVAILABLE => Problem::StorageUnavailable(error.message().into()),
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
        Problem::Unavailable(reason) => (
            "تعذّر تحميل مجموعة المقالات. تحقق من الاتصال ثم أعد تحميل الصفحة.".to_string(),
            format!("The corpus could not be loaded ({reason}). Check the connection and reload."),
        ),
        Problem::Refused(address) => (
            "يطلب هذا الرابط مجموعة مقالات من موقع آخر، ولا يفتح سياق إلا المجموعات المنشورة على موقعه.".to_string(),
            format!("This link asks for a corpus from another site ({address}); siyaq opens only corpus packs published on its own site."),
        ),
        Problem::CollectionMissing(id) => {
            let (name, count) = (link_parameter("cname").unwrap_or_else(|| id.clone()), link_parameter("ccount").unwrap_or_else(|| "?".into()));
            (
                format!("يفتح هذا الرابط مجموعة المقالات «{name}» ({count} مقالًا)، وهي محفوظة في متصفح آخر لا في هذا المتصفح. اطلب من صاحبها ملف المجموعة (‎.siyaq‎) واستورده هنا، أو افتح مقالات الموقع."),
                format!("This link opens the collection «{name}» ({count} articles), kept in another browser: this browser does not hold it. Ask its owner for the collection file (.siyaq) and import it here, or open the site's articles."),
            )
        }
        Problem::StorageUnavailable(reason) => (
            "لا يتيح هذا المتصفح لسياق حفظ شيء (ربما هو في التصفح الخاص)، فلا يمكن فتح مجموعات المقالات المحفوظة.".to_string(),
            format!("This browser lets siyaq keep nothing ({reason}; private browsing?), so kept collections cannot be opened."),
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
    if let Problem::CollectionMissing(_) = problem {
        offer_collection_file(&note);
    }
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
        Problem::Unavailable(reason)
        | Problem::Refused(reason)
        | Problem::CollectionMissing(reason)
        | Problem::StorageUnavailable(reason) => reason.clone(),
        Problem::Unusable(error) => error.to_string(),
    }
}

/// A parameter of the page's address.
fn link_parameter(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(name)
}

/// A file input in the start-up notice that reads a collection file and opens the link on it.
fn offer_collection_file(note: &web_sys::Element) {
    use wasm_bindgen::closure::Closure;
    let Some(document) = note.owner_document() else { return };
    let (Ok(label), Ok(input)) = (document.create_element("label"), document.create_element("input")) else { return };
    label.set_text_content(Some(" استورد ملف المجموعة · Import the collection file: "));
    let _ = input.set_attribute("type", "file");
    let _ = input.set_attribute("accept", ".siyaq");
    let _ = input.set_attribute("data-testid", "import-collection");
    let _ = label.append_child(&input);
    let _ = note.append_child(&label);
    let Ok(input) = input.dyn_into::<web_sys::HtmlInputElement>() else { return };
    let field = input.clone();
    let note = note.clone();
    let on_change = Closure::<dyn Fn()>::new(move || {
        let Some(file) = field.files().and_then(|f| f.get(0)) else { return };
        let note = note.clone();
        wasm_bindgen_futures::spawn_local(async move {
            match crate::state::collections::import_collection(&file).await {
                Ok((id, _)) => open_link_on(&id),
                Err(problem) => {
                    use crate::messages::store_problem;
                    let said = format!("{} {}", store_problem(&problem, Lang::Ar), store_problem(&problem, Lang::En));
                    if let Some(document) = note.owner_document()
                        && let Ok(line) = document.create_element("p")
                    {
                        line.set_text_content(Some(&said));
                        let _ = line.set_attribute("data-testid", "collections-problem");
                        let _ = note.append_child(&line);
                    }
                }
            }
        });
    });
    let _ = input.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
    on_change.forget();
}

/// Reloads the page's link with `collection=` set to `id`, its other parameters kept.
fn open_link_on(id: &str) {
    let Some(window) = web_sys::window() else { return };
    let search = window.location().search().unwrap_or_default();
    let Ok(parameters) = web_sys::UrlSearchParams::new_with_str(&search) else { return };
    parameters.set("collection", id);
    let query: String = parameters.to_string().into();
    let _ = window.location().assign(&format!("{}?{query}", crate::browser::page_address()));
}
