//! The corpus the page loaded, and its articles as the interface lists them. The wasm carries no
//! corpus: `boot.js` fetches the corpus pack (or reads the copy inlined in `siyaq.html`) while
//! the wasm compiles, and the page's start (`start.rs`) installs it here before anything
//! renders, so every view reads one corpus.

use std::sync::{Arc, LazyLock, OnceLock};

use siyaq_corpus::{Corpus, Document, DocumentDate, Heading};
use siyaq_engine::gazetteer::Gazetteer;

static LOADED: OnceLock<Corpus> = OnceLock::new();
static SOURCE: OnceLock<Source> = OnceLock::new();

/// Where the page's corpus came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Source {
    #[default]
    Site,
    /// A pack on the same site that a link chose (`pack=`).
    Pack(String),
    /// One of the user's collections kept in this browser (`collection=`, its id).
    Collection(String),
}

impl Source {
    pub fn as_link(&self) -> siyaq_state::link::CorpusSource<'_> {
        use siyaq_state::link::CorpusSource;
        match self {
            Source::Site => CorpusSource::Site,
            Source::Pack(address) => CorpusSource::Pack(address),
            Source::Collection(id) => {
                let corpus = loaded();
                CorpusSource::Collection { id, name: corpus.name(), articles: corpus.documents().len() }
            }
        }
    }
}

/// Makes `corpus` the page's corpus, come from `source`. The first call wins: a page has one
/// corpus for its life.
pub fn install(corpus: Corpus, source: Source) -> &'static Corpus {
    SOURCE.get_or_init(|| source);
    LOADED.get_or_init(|| corpus)
}

thread_local! {
    /// An index of the corpus with the default steps, read back from the browser's cache at start.
    static OFFERED: std::cell::RefCell<Option<siyaq_engine::Index>> = const { std::cell::RefCell::new(None) };
    static WAS_OFFERED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Offers the search an index of the corpus with the default normalization steps, so that it
/// need not build one.
pub fn offer_index(index: siyaq_engine::Index) {
    OFFERED.with(|offered| *offered.borrow_mut() = Some(index));
    WAS_OFFERED.with(|was| was.set(true));
}

/// Whether the page started with an index read back rather than built.
pub fn index_was_offered() -> bool {
    WAS_OFFERED.with(std::cell::Cell::get)
}

/// The offered index, once: whoever takes it keeps it.
pub fn take_offered_index() -> Option<siyaq_engine::Index> {
    OFFERED.with(|offered| offered.borrow_mut().take())
}

/// Where the page's corpus came from; links made on the page choose it again.
pub fn source() -> &'static Source {
    static SITE: Source = Source::Site;
    SOURCE.get().unwrap_or(&SITE)
}

/// The id of the user's collection the page opened, if it opened one.
pub fn collection() -> Option<&'static str> {
    match source() {
        Source::Collection(id) => Some(id),
        _ => None,
    }
}

/// The page's corpus.
#[cfg(not(test))]
pub fn loaded() -> &'static Corpus {
    LOADED.get().expect("the corpus is installed before the app mounts")
}

/// Native unit tests read the repository's sample corpus.
#[cfg(test)]
pub fn loaded() -> &'static Corpus {
    LOADED.get().unwrap_or_else(siyaq_ingest::sample)
}

/// The entity list that comes with the corpus: the user's list and a link's changes are told
/// against it. Built once, then shared.
pub fn bundled() -> Arc<Gazetteer> {
    thread_local! {
        static BUNDLED: Arc<Gazetteer> = Arc::new(loaded().gazetteer());
    }
    BUNDLED.with(Arc::clone)
}

/// One article as the interface lists it. (Its word count is the index's: see
/// `SearchState::words`, so that the corpus is tokenized once at start, not twice.)
#[derive(Debug)]
pub struct Article {
    pub document: &'static Document,
    /// Its place in the corpus, counted from 0, as the index numbers documents.
    pub position: usize,
    pub heading: Heading<'static>,
}

impl Article {
    pub fn id(&self) -> &'static str {
        &self.document.id
    }

    /// When it appeared, when the text or its metadata says.
    pub fn date(&self) -> Option<&'static DocumentDate> {
        self.document.date.as_ref()
    }
}

static ARTICLES: LazyLock<Vec<Article>> = LazyLock::new(|| {
    let corpus = loaded();
    corpus
        .documents()
        .iter()
        .enumerate()
        .map(|(position, document)| Article { document, position, heading: corpus.heading(document) })
        .collect()
});

/// All articles, in corpus order.
pub fn articles() -> &'static [Article] {
    &ARTICLES
}

pub fn article(id: &str) -> Option<&'static Article> {
    articles().iter().find(|a| a.id() == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_document_is_listed_with_a_heading_and_the_index_counts_its_words_as_the_corpus_does() {
        assert_eq!(articles().len(), loaded().documents().len());
        for steps in [siyaq_engine::Steps::default(), siyaq_engine::Profile::Strict.steps()] {
            let index = loaded().build_index(steps);
            for article in articles() {
                assert!(!article.heading.text().is_empty(), "{}", article.id());
                let counted = index.documents()[article.position].counted_words as usize;
                assert_eq!(counted, loaded().word_count(article.document), "{}", article.id());
            }
        }
        let printed = articles().iter().filter(|a| matches!(a.heading, Heading::Printed(_))).count();
        assert_eq!(printed, 2);
    }
}
