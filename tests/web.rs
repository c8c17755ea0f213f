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

/// The sample corpus, built in the test from the repository's files (a page gets it as a pack).
fn install_sample() {
    macro_rules! sample_files {
        ($($name:literal),*) => {
            vec![$(siyaq_ingest::Source {
                name: $name.to_string(),
                text: include_str!(concat!("../corpus/", $name)).to_string(),
                sha256: String::new(),
                encoding: "UTF-8",
            }),*]
        };
    }
    let sources = sample_files!(
        "000_5d8360476bfc77e6.txt",
        "001_81ea276c1bd68485.txt",
        "002_ea5e3ea7e789e4ef.txt",
        "003_6739eb1a1609230f.txt",
        "004_05eb89a420704b8c.txt"
    );
    let manifest = siyaq_ingest::Manifest::parse(include_str!("../corpus/corpus.toml")).unwrap();
    let entities = siyaq_ingest::entities::parse(include_str!("../corpus/entities.toml")).unwrap();
    let mut skipped = Vec::new();
    let pack = siyaq_ingest::assemble("corpus".into(), &manifest, sources, entities, &mut skipped);
    assert!(skipped.is_empty(), "{skipped:?}");
    siyaq::install_corpus(siyaq_corpus::Corpus::from_pack(pack).unwrap(), siyaq::CorpusSource::Site);
}

fn mount() -> (HtmlElement, leptos::mount::UnmountHandle<impl Mountable>) {
    install_sample();
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
        // The page counts with the index; the corpus counts line by line: they agree.
        let words = siyaq::loaded_corpus().word_count(article.document);
        assert_eq!(entry.dataset().get("words"), Some(words.to_string()));
        assert!(entry.inner_text().contains(&words.to_string()));
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
    let corpus = siyaq::loaded_corpus();
    let first_body_line = corpus.lines(target.document).find(|l| l.role == siyaq_corpus::LineRole::Body).unwrap();
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
