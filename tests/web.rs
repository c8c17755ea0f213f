//! The app in a real browser (wasm-bindgen-test in headless Chromium): it mounts, lists the
//! bundled articles, and opens the one the reader clicks.
#![cfg(target_arch = "wasm32")]

use leptos::{prelude::*, task::tick};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn mount() -> (HtmlElement, leptos::mount::UnmountHandle<impl Mountable>) {
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), siyaq::App);
    (host, handle)
}

fn entries(host: &HtmlElement) -> Vec<HtmlElement> {
    let list = host.query_selector_all("[data-testid=doc-list] button[data-doc]").unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().unchecked_into()).collect()
}

#[wasm_bindgen_test]
async fn lists_every_article_with_its_word_count() {
    let (host, _handle) = mount();
    tick().await;
    let entries = entries(&host);
    assert_eq!(entries.len(), siyaq::articles().len());
    assert_eq!(entries.len(), 6);
    for (entry, article) in entries.iter().zip(siyaq::articles()) {
        assert_eq!(entry.dataset().get("doc").as_deref(), Some(article.id()));
        assert_eq!(entry.dataset().get("words"), Some(article.words.to_string()));
        assert!(entry.inner_text().contains(&article.words.to_string()));
    }
    host.remove();
}

#[wasm_bindgen_test]
async fn clicking_an_article_opens_it_in_the_reader() {
    let (host, _handle) = mount();
    tick().await;
    let target = &siyaq::articles()[2];
    let entry = entries(&host).into_iter().find(|e| e.dataset().get("doc").as_deref() == Some(target.id())).unwrap();
    entry.click();
    tick().await;
    let article = host.query_selector("article[data-doc]").unwrap().expect("the reader shows an article");
    assert_eq!(article.get_attribute("data-doc").as_deref(), Some(target.id()));
    assert_eq!(entry.get_attribute("aria-current").as_deref(), Some("true"));
    let first_body_line = target.document.lines().find(|l| l.role == siyaq_corpus::LineRole::Body).unwrap();
    let text = article.text_content().unwrap();
    assert!(text.contains(first_body_line.text), "the reader shows the article's own text");
    host.remove();
}

#[wasm_bindgen_test]
async fn corpus_text_is_never_parsed_as_html() {
    let (host, _handle) = mount();
    tick().await;
    // Every element inside the text is one the app made itself: paragraphs, headings, bdi.
    let tags = host.query_selector_all("[data-testid=article-text] *").unwrap();
    for i in 0..tags.length() {
        let tag = tags.item(i).unwrap().unchecked_into::<web_sys::Element>().tag_name();
        assert!(matches!(tag.as_str(), "P" | "H2" | "H3" | "BDI"), "unexpected element {tag}");
    }
    host.remove();
}
