//! The search as view state: settings, the index they need, the outcome, and the lines on screen.
//! Everything here is computed from signals by the engine; components only render it.

use std::{collections::BTreeSet, ops::Range, sync::Arc};

use leptos::prelude::*;
use siyaq_engine::entities::together::Scope;
use siyaq_engine::entities::{Mention, Mentions, Unresolved, hits_of};
use siyaq_engine::gazetteer::Entity;
use siyaq_engine::query::{entity_pair_reference, entity_reference};
use siyaq_engine::{
    Hit, Index, MatchMode, QueryError, SearchResult, SortKey, Steps, kwic_line, parse, search, sentence_of,
    sort_hits,
};
pub use siyaq_state::link::MAX_WIDTH;
use siyaq_state::link::Settings;

use super::corpus::loaded;
use super::entities::EntityList;
use super::mentions::MentionFinder;

/// Shares a large value between signals; equal when it is the same value.
#[derive(Debug)]
pub struct Shared<T>(pub Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// What the last query gave.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Nothing typed yet.
    Idle,
    Found(Shared<SearchResult>),
    Invalid(QueryError),
    /// `@id` named no entity of the list nor of the world gazetteer.
    UnknownEntity(String),
    /// `@id` is asked for, and what counts it is on its way: the mention finder's code, or the
    /// world gazetteer (which may have an entity the list lacks).
    AwaitingEntities,
}

/// What the concordance of `@a&@b` shows: the mentions of `a` in the `units` sentences or
/// articles (`scope`) where `b` is mentioned too.
#[derive(Clone, Debug, PartialEq)]
pub struct PairShown {
    pub a: Entity,
    pub b: Entity,
    pub units: u32,
    pub scope: Scope,
}

/// Lines per page of the concordance: only one page is ever in the DOM.
pub const PAGE_SIZE: usize = 100;

/// One keyword-in-context line, ready to render.
#[derive(Clone, Debug, PartialEq)]
pub struct KwicRow {
    pub hit: Hit,
    /// Position among all visible hits, from 0.
    pub position: usize,
    pub document: usize,
    pub document_id: String,
    pub before: String,
    pub node: String,
    pub after: String,
    pub sentence: String,
}

/// Every setting of the search, and what follows from them.
#[derive(Clone, Copy)]
pub struct SearchState {
    /// What is in the search box.
    pub typed: RwSignal<String>,
    /// What was searched for (the box, after a pause in typing).
    pub query: RwSignal<String>,
    pub mode: RwSignal<MatchMode>,
    pub steps: RwSignal<Steps>,
    pub width: RwSignal<u32>,
    pub sort: RwSignal<Vec<SortKey>>,
    /// Documents left out, by index.
    pub excluded: RwSignal<BTreeSet<usize>>,
    /// Only lines of this matched form (normalized).
    pub form: RwSignal<Option<String>>,
    pub page: RwSignal<usize>,
    /// The entity list `@id` queries resolve against.
    pub entities: EntityList,
    /// What `@a&@b` counts as together: the same sentence or the same article (the together
    /// panel's setting, shared).
    pub scope: RwSignal<Scope>,
    pub index: Memo<Shared<Index>>,
    /// Every mention of every entity of the list, found in `index` (none until the finder's
    /// code is there: see `finder`).
    pub mentions: Memo<Shared<Vec<Mention>>>,
    pub finder: MentionFinder,
    /// Spellings that name several entities where the article does not tell which: counted for
    /// none, shown to the user.
    pub unresolved: Memo<Shared<Vec<Unresolved>>>,
    pub outcome: Memo<Outcome>,
    /// The last result that came from a valid query, kept on screen while the query is invalid.
    pub shown: Memo<Option<Shared<SearchResult>>>,
    /// The hits on screen: filtered by document and form, sorted.
    pub visible: Memo<Shared<Vec<Hit>>>,
    /// The last query the engine answered and its time in milliseconds (search only, no
    /// debounce, no rendering): the page shows it to the browser benchmark.
    pub timing: StoredValue<(String, f64)>,
}

impl SearchState {
    /// The search `settings` say, resolving `@id` against `entities`, and `@a&@b` in `scope`.
    pub fn new(settings: &Settings, entities: EntityList, scope: RwSignal<Scope>) -> Self {
        let typed = RwSignal::new(settings.query.clone());
        let query = RwSignal::new(settings.query.clone());
        let mode = RwSignal::new(settings.mode);
        let steps = RwSignal::new(settings.steps);
        let width = RwSignal::new(settings.width);
        let sort = RwSignal::new(vec![settings.sort]);
        let excluded = RwSignal::new(settings.excluded.clone());
        let form = RwSignal::new(settings.form.clone());
        let page = RwSignal::new(settings.page);
        #[cfg(feature = "bench-corpus")]
        let synthetic = synthetic_megabytes();
        let index = Memo::new(move |previous: Option<&Shared<Index>>| {
            let steps = steps.get();
            // A setting written again with the same steps (a link's settings applied at start)
            // keeps the index there is: building 50 MB again would take a second.
            if let Some(previous) = previous.filter(|p| *p.0.analyzer().steps() == steps) {
                return previous.clone();
            }
            #[cfg(feature = "bench-corpus")]
            if let Some(megabytes) = synthetic {
                return Shared(Arc::new(synthetic_index(megabytes, steps)));
            }
            // Taken whatever the steps: an index of other steps is no use and would only hold memory.
            let offered = crate::state::corpus::take_offered_index();
            if steps == Steps::default()
                && let Some(index) = offered
            {
                return Shared(Arc::new(index));
            }
            let index = loaded().build_index(steps);
            crate::browser::mark("index-built");
            Shared(Arc::new(index))
        });
        let finder = MentionFinder::new();
        let found = Memo::new(move |_| {
            let Some(code) = finder.get() else { return Shared(Arc::new(Mentions::default())) };
            let index = index.get();
            let (lists, excluded) = entities.counted.with(|c| (c.alias_lists(entities.demonyms.get()), c.excluded_positions(&index)));
            let mut found = (code.find)(&index, &lists);
            // Mentions the user left out by hand count for nothing.
            found.resolved.retain(|m| !excluded.contains(&(m.hit.word, m.entity)));
            Shared(Arc::new(found))
        });
        let mentions = Memo::new(move |_| Shared(Arc::new(found.with(|f| f.resolved.clone()))));
        let unresolved = Memo::new(move |_| Shared(Arc::new(found.with(|f| f.unresolved.clone()))));
        let timing = StoredValue::new((String::new(), 0.0));
        let outcome = Memo::new(move |_| {
            let text = query.get();
            if text.trim().is_empty() {
                return Outcome::Idle;
            }
            // An entity is searched as the chart counts it, so a bar and its concordance agree;
            // a pair as the matrix of entities together counts it.
            if let Some(id) = entity_reference(&text) {
                let Some(code) = finder.get() else {
                    finder.request();
                    return Outcome::AwaitingEntities;
                };
                let position = |id: &str| entities.counted.with(|c| c.gazetteer.position(id));
                let hits = match (position(id), entity_pair_reference(&text)) {
                    (Some(entity), _) => Ok(hits_of(&mentions.get(), entity)),
                    (None, Some((a, b))) => match (position(a), position(b)) {
                        (Some(a), Some(b)) => Ok((code.hits_together)(&index.get(), &mentions.get(), a, b, scope.get())),
                        (None, _) => Err(a),
                        (_, None) => Err(b),
                    },
                    (None, None) => Err(id),
                };
                return match hits {
                    Ok(hits) => Outcome::Found(Shared(Arc::new(SearchResult::from_hits(&index.get(), hits)))),
                    Err(_) if entities.world.with(|w| w.is_pending()) => {
                        entities.load_world();
                        Outcome::AwaitingEntities
                    }
                    Err(missing) => Outcome::UnknownEntity(missing.to_string()),
                };
            }
            match parse(&text, mode.get()) {
                Ok(parsed) => {
                    let index = index.get();
                    let started = crate::browser::now_ms();
                    let result = search(&index, &parsed);
                    timing.set_value((text, crate::browser::now_ms() - started));
                    Outcome::Found(Shared(Arc::new(result)))
                }
                Err(error) => Outcome::Invalid(error),
            }
        });
        let shown = Memo::new(move |previous: Option<&Option<Shared<SearchResult>>>| match outcome.get() {
            Outcome::Found(result) => Some(result),
            Outcome::Idle => None,
            Outcome::Invalid(_) | Outcome::UnknownEntity(_) | Outcome::AwaitingEntities => previous.cloned().flatten(),
        });
        let visible = Memo::new(move |_| {
            let Some(result) = shown.get() else { return Shared(Arc::new(Vec::new())) };
            let index = index.get();
            let mut hits = visible_hits(&index, &result.hits, &excluded.get(), form.get().as_deref());
            sort_hits(&index, &mut hits, &sort.get());
            Shared(Arc::new(hits))
        });
        SearchState { typed, query, mode, steps, width, sort, excluded, form, page, entities, scope, index, mentions, finder, unresolved, outcome, shown, visible, timing }
    }

    /// The id of the entity the query names (`@id`, not a pair) when the list or the world has it.
    pub fn entity_searched(&self) -> Option<String> {
        let query = self.query.get();
        let id = entity_reference(&query)?;
        self.entities.counted.with(|c| c.gazetteer.get(id).map(|e| e.id.clone()))
    }

    /// When the query is `@a&@b` naming two entities: what its summary line says.
    pub fn pair(&self) -> Option<PairShown> {
        let query = self.query.get();
        let (a, b) = entity_pair_reference(&query)?;
        self.entities.counted.with(|c| {
            // The whole reference naming one entity is that entity, not a pair.
            if c.gazetteer.position(entity_reference(&query)?).is_some() {
                return None;
            }
            let (a_at, b_at) = (c.gazetteer.position(a)?, c.gazetteer.position(b)?);
            let scope = self.scope.get();
            let units = (self.finder.get()?.units_together)(&self.index.get(), &self.mentions.get(), a_at, b_at, scope);
            Some(PairShown { a: c.gazetteer.entities[a_at].clone(), b: c.gazetteer.entities[b_at].clone(), units, scope })
        })
    }

    /// Searches for `text` at once, as if typed and paused on.
    pub fn search_now(&self, text: String) {
        self.typed.set(text.clone());
        self.query.set(text);
        self.page.set(0);
        self.form.set(None);
    }

    /// Whether the engine answered the last query in well under a frame, so that the next one
    /// can run on the keystroke rather than after a pause in typing. Before any query, it is the
    /// corpus's size that tells.
    pub fn answers_instantly(&self) -> bool {
        let (query, engine_ms) = self.timing.get_value();
        if query.is_empty() { loaded().text_bytes() < INSTANT_CORPUS_BYTES } else { engine_ms < INSTANT_ENGINE_MS }
    }

    /// The words that count in the `document`-th article (repeated titles left out), as the index
    /// found them: the page tokenizes the corpus once, for the index, not again for the counts.
    pub fn words(&self, document: usize) -> usize {
        self.index.with(|index| index.documents().get(document).map_or(0, |d| d.counted_words as usize))
    }

    /// The words that count in the whole corpus.
    pub fn total_words(&self) -> usize {
        self.index.with(|index| index.documents().iter().map(|d| d.counted_words as usize).sum())
    }

    /// The rows of the current page.
    pub fn rows(&self) -> Vec<KwicRow> {
        let index = self.index.get();
        let visible = self.visible.get();
        let page = self.page.get().min(page_count(visible.len()).saturating_sub(1));
        kwic_rows(&index, &visible, page * PAGE_SIZE..(page + 1) * PAGE_SIZE, self.width.get())
    }
}

/// `?synthetic=N` (1 to 50) replaces the bundled corpus with the deterministic N MB benchmark
/// corpus, so the browser benchmark can measure the page with tens of thousands of hits. Only in
/// the benchmark's own build (feature `bench-corpus`): a reader's page always shows the corpus.
#[cfg(feature = "bench-corpus")]
fn synthetic_megabytes() -> Option<usize> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get("synthetic")?.parse().ok().filter(|mb| (1..=50).contains(mb))
}

#[cfg(feature = "bench-corpus")]
fn synthetic_index(megabytes: usize, steps: siyaq_engine::Steps) -> Index {
    let documents = loaded().synthetic(megabytes);
    let ids: Vec<String> = (0..documents.len()).map(|i| format!("synthetic-{i:04}")).collect();
    Index::build(
        documents.iter().zip(&ids).map(|(text, id)| siyaq_engine::DocumentInput { id, text: (&text[..]).into(), uncounted: vec![] }),
        steps,
    )
}

/// An engine time, in milliseconds, under which a query runs on each keystroke.
const INSTANT_ENGINE_MS: f64 = 8.0;
/// A corpus under this many bytes of text answers within a frame (the sample's 38 KB in well
/// under a millisecond; 10 MB in a few).
const INSTANT_CORPUS_BYTES: usize = 5_000_000;

pub fn page_count(hits: usize) -> usize {
    hits.div_ceil(PAGE_SIZE)
}

/// Hits outside the excluded documents and, when a form is chosen, of that form.
pub fn visible_hits(index: &Index, hits: &[Hit], excluded: &BTreeSet<usize>, form: Option<&str>) -> Vec<Hit> {
    let vocabulary = index.vocabulary();
    hits.iter()
        .copied()
        .filter(|h| excluded.is_empty() || !excluded.contains(&index.document_of(h.word)))
        .filter(|h| {
            form.is_none_or(|form| {
                let forms: Vec<&str> = h.words().map(|w| vocabulary.form(index.word(w).form)).collect();
                forms.join(" ") == form
            })
        })
        .collect()
}

/// Keyword-in-context rows for `hits[range]`.
pub fn kwic_rows(index: &Index, hits: &[Hit], range: Range<usize>, width: u32) -> Vec<KwicRow> {
    let end = range.end.min(hits.len());
    let start = range.start.min(end);
    hits[start..end]
        .iter()
        .enumerate()
        .map(|(i, &hit)| {
            let line = kwic_line(index, hit, width);
            let doc = &index.documents()[line.document];
            let text = &doc.text;
            let flat = |r: Range<usize>| text[r].split_whitespace().collect::<Vec<_>>().join(" ");
            KwicRow {
                hit,
                position: start + i,
                document: line.document,
                document_id: doc.id.clone(),
                before: flat(line.before),
                node: flat(line.node),
                after: flat(line.after),
                sentence: flat(sentence_of(index, hit)),
            }
        })
        .collect()
}

/// The byte ranges, in the text of the document with id `id`, of the hits that fall in it (none
/// when the index does not hold that document).
pub fn hit_ranges_in(index: &Index, hits: &[Hit], id: &str) -> Vec<(Hit, Range<usize>)> {
    let Some(document) = index.documents().iter().find(|d| d.id == id) else { return Vec::new() };
    let words = &document.words;
    hits.iter()
        .filter(|h| words.contains(&h.word))
        .map(|&h| (h, index.word(h.word).start as usize..index.word(h.word + h.len - 1).span().end))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> Index {
        loaded().build_index(Steps::default())
    }

    #[test]
    fn rows_show_the_page_asked_for() {
        let index = index();
        let hits = search(&index, &parse("كازاخستان", MatchMode::Clitic).unwrap()).hits;
        let rows = kwic_rows(&index, &hits, 60..160, 7);
        assert_eq!(rows.len(), 5);
        assert_eq!(rows[0].position, 60);
        assert!(rows.iter().all(|r| r.node.contains("كازاخستان")));
        assert!(kwic_rows(&index, &hits, 500..600, 7).is_empty());
        assert_eq!(page_count(65), 1);
        assert_eq!(page_count(50_000), 500);
    }

    #[test]
    fn filters_by_document_and_form() {
        let index = index();
        let hits = search(&index, &parse("كازاخستان", MatchMode::Clitic).unwrap()).hits;
        let only_lam = visible_hits(&index, &hits, &BTreeSet::new(), Some("لكازاخستان"));
        assert_eq!(only_lam.len(), 5);
        let without_first = visible_hits(&index, &hits, &BTreeSet::from([0]), None);
        assert_eq!(without_first.len(), 65 - 11);
    }

    /// `@a&@b` gives the lines the engine gives for the pair, in the together panel's scope, and
    /// its summary counts the units where both are mentioned.
    #[test]
    fn a_pair_of_entities_searches_the_mentions_of_the_first_where_the_second_is() {
        use siyaq_engine::entities::together::unit_of;
        let settings = Settings::default();
        let list = EntityList::unsaved(&settings);
        list.world.set(crate::state::entities::world::WorldStatus::Failed(crate::state::entities::world::WorldProblem::Unavailable("test".into())));
        let scope = RwSignal::new(Scope::Sentence);
        let search = SearchState::new(&settings, list, scope);
        search.finder.load_now();
        let (index, mentions) = (search.index.get_untracked(), search.mentions.get_untracked());
        let position = |id: &str| list.counted.with_untracked(|c| c.gazetteer.position(id).unwrap());
        let (putin, kazakhstan) = (position("putin"), position("kazakhstan"));
        for (which, expected_scope) in [(Scope::Sentence, "sentence"), (Scope::Article, "article")] {
            scope.set(which);
            search.search_now(" @putin & @kazakhstan ".into());
            let Outcome::Found(result) = search.outcome.get_untracked() else { panic!("{expected_scope}: no result") };
            let expected = siyaq_engine::entities::together::hits_together(&index, &mentions, putin, kazakhstan, which);
            assert!(!expected.is_empty(), "{expected_scope}");
            assert_eq!(result.hits, expected, "{expected_scope}");
            let shown = untrack(|| search.pair()).unwrap();
            assert_eq!((shown.a.id.as_str(), shown.b.id.as_str(), shown.scope.name()), ("putin", "kazakhstan", expected_scope));
            let units: BTreeSet<u32> = expected.iter().map(|&h| unit_of(&index, h, which)).collect();
            assert_eq!(shown.units as usize, units.len());
        }
        search.search_now("@putin&@nobody".into());
        assert_eq!(search.outcome.get_untracked(), Outcome::UnknownEntity("nobody".into()));
        assert!(untrack(|| search.pair()).is_none());
        search.search_now("@putin".into());
        assert!(untrack(|| search.pair()).is_none());
    }

    #[test]
    fn hit_ranges_cover_the_matched_words() {
        let index = index();
        let hits = search(&index, &parse("\"الأمن الجماعي\"", MatchMode::Clitic).unwrap()).hits;
        let ranges = hit_ranges_in(&index, &hits, "peacekeepers-should-stay");
        assert!(hit_ranges_in(&index, &hits, "no-such-document").is_empty());
        assert_eq!(ranges.len(), 5);
        for (_, range) in ranges {
            assert_eq!(&index.documents()[5].text[range], "الأمن الجماعي");
        }
    }
}
