//! What the page asks of the browser beyond the DOM: downloads, the clipboard, reading a file.

use wasm_bindgen::{JsCast, JsValue};

/// A clock in milliseconds, for timing work in the page (the browser's `performance.now()`).
pub fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
        START.get_or_init(std::time::Instant::now).elapsed().as_secs_f64() * 1000.0
    }
}

/// The page's address without its query or fragment: where its state ends and the page begins.
pub fn page_address() -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    href.split(['?', '#']).next().unwrap_or_default().to_string()
}

/// Marks a moment of the page's start on the browser's performance timeline (`siyaq:` + `name`),
/// where the browser benchmark reads how long each stage took.
pub fn mark(name: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(&format!("siyaq:{name}"));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = name;
}

/// Offers `contents` as a download named `name`.
pub fn save_file(name: &str, contents: &str, mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    save_blob(name, &blob)
}

pub fn save_blob(name: &str, blob: &web_sys::Blob) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let link: web_sys::HtmlAnchorElement = leptos::prelude::document().create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

pub fn copy_to_clipboard(text: String) {
    let Some(window) = web_sys::window() else { return };
    let promise = window.navigator().clipboard().write_text(&text);
    leptos::task::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}

/// Copies `text` with the Clipboard API, or, where it is missing or refused (an insecure page, a
/// file opened from disk), through a selected text field; true when one of them worked.
pub async fn copy_text(text: &str) -> bool {
    if let Some(window) = web_sys::window() {
        let clipboard = window.navigator().clipboard();
        if !JsValue::from(clipboard.clone()).is_undefined()
            && wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text)).await.is_ok()
        {
            return true;
        }
    }
    copy_through_a_field(text).is_some()
}

fn copy_through_a_field(text: &str) -> Option<()> {
    let document = leptos::prelude::document();
    let field: web_sys::HtmlTextAreaElement = document.create_element("textarea").ok()?.unchecked_into();
    field.set_value(text);
    field.set_attribute("readonly", "").ok()?;
    field.set_class_name("visually-hidden");
    document.body()?.append_child(&field).ok()?;
    field.select();
    let html: web_sys::HtmlDocument = document.clone().unchecked_into();
    let copied = html.exec_command("copy").unwrap_or(false);
    field.remove();
    copied.then_some(())
}

/// The text of the first file chosen in a file input.
pub async fn read_chosen_file(input: &web_sys::HtmlInputElement) -> Result<String, String> {
    let file = input.files().and_then(|files| files.get(0)).ok_or_else(|| "no file chosen".to_string())?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.map_err(|e| format!("{e:?}"))?;
    text.as_string().ok_or_else(|| "the file is not text".to_string())
}

// The browser's own deflate (a compressor compiled into the wasm would cost more than the first
// load can spare). Declared here because web-sys keeps these bindings behind an unstable flag.
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = CompressionStream)]
    type Compressor;
    #[wasm_bindgen(constructor, catch, js_class = "CompressionStream")]
    fn new(format: &str) -> Result<Compressor, JsValue>;

    #[wasm_bindgen(js_name = DecompressionStream)]
    type Decompressor;
    #[wasm_bindgen(constructor, catch, js_class = "DecompressionStream")]
    fn new(format: &str) -> Result<Decompressor, JsValue>;
}

/// Raw deflate, as `deflate-raw` streams read and write it.
const DEFLATE_RAW: &str = "deflate-raw";

/// `bytes` deflated, or `None` where the browser cannot (no `CompressionStream`).
pub async fn deflate(bytes: &[u8]) -> Option<Vec<u8>> {
    let compressor = Compressor::new(DEFLATE_RAW).ok()?;
    read_all(stream_of(bytes)?.pipe_through(compressor.unchecked_ref()), usize::MAX).await.ok()
}

/// What inflating gave.
#[derive(Debug, PartialEq, Eq)]
pub enum Inflated {
    Bytes(Vec<u8>),
    /// More than the bound: a few bytes can inflate a thousandfold.
    TooLarge,
    /// Not deflated data.
    Broken,
    /// The browser has no `DecompressionStream`.
    Unsupported,
}

/// `deflated` inflated, reading no more than `most` bytes.
pub async fn inflate(deflated: &[u8], most: usize) -> Inflated {
    let Ok(decompressor) = Decompressor::new(DEFLATE_RAW) else { return Inflated::Unsupported };
    let Some(input) = stream_of(deflated) else { return Inflated::Broken };
    match read_all(input.pipe_through(decompressor.unchecked_ref()), most).await {
        Ok(bytes) => Inflated::Bytes(bytes),
        Err(StreamFailed::TooLarge) => Inflated::TooLarge,
        Err(StreamFailed::Broken) => Inflated::Broken,
    }
}

fn stream_of(bytes: &[u8]) -> Option<web_sys::ReadableStream> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    Some(web_sys::Blob::new_with_u8_array_sequence(&parts).ok()?.stream())
}

enum StreamFailed {
    TooLarge,
    Broken,
}

/// Every byte of `stream`, or a failure once it goes past `most`.
async fn read_all(stream: web_sys::ReadableStream, most: usize) -> Result<Vec<u8>, StreamFailed> {
    let reader: web_sys::ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let read = wasm_bindgen_futures::JsFuture::from(reader.read()).await.map_err(|_| StreamFailed::Broken)?;
        let read: web_sys::ReadableStreamReadResult = read.unchecked_into();
        if read.get_done().unwrap_or(true) {
            return Ok(bytes);
        }
        let chunk: js_sys::Uint8Array = read.get_value().dyn_into().map_err(|_| StreamFailed::Broken)?;
        if bytes.len().saturating_add(chunk.length() as usize) > most {
            let _ = reader.cancel();
            return Err(StreamFailed::TooLarge);
        }
        bytes.extend(chunk.to_vec());
    }
}
