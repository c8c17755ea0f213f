//! Running a query against an [`Index`]: hits, counts per document and per matched form, and
//! keyword-in-context lines with their sort orders.

use std::{cmp::Ordering, ops::Range};

use rustc_hash::{FxHashMap, FxHashSet};

use crate::clitics;
use crate::index::{Index, PARAGRAPH_START, SENTENCE_START};
use crate::query::{MatchMode, Phrase, Query, Term, compile_regex};
use crate::stem::light10;

/// A match: `len` words starting at word `word` (global word index).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Hit {
    pub word: u32,
    pub len: u32,
}

impl Hit {
    pub fn words(&self) -> Range<u32> {
        self.word..self.word + self.len
    }
}

/// A matched form and how often it matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormCount {
    /// The normalized form (words joined by a space for phrases).
    pub form: String,
    /// How it is written at its first hit.
    pub surface: String,
    pub count: u32,
}

/// Most hits a search keeps: the first ones in corpus order. More would only slow the page
/// (sorting lines, counting forms) without being read; [`SearchResult::total_found`] still says
/// how many there are.
pub const MAX_HITS: usize = 200_000;

/// Everything a query found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchResult {
    /// In corpus order; at most [`MAX_HITS`], the first ones.
    pub hits: Vec<Hit>,
    /// Of the hits kept, per document, in the index's document order.
    pub per_document: Vec<u32>,
    /// Of the hits kept, the matched forms, most frequent first (ties in order of first
    /// appearance).
    pub forms: Vec<FormCount>,
    /// Every hit the query has, kept or not: more than `hits.len()` only when the search kept the
    /// first [`MAX_HITS`].
    pub total_found: usize,
}

impl SearchResult {
    /// The hits kept.
    pub fn total(&self) -> usize {
        self.hits.len()
    }

    /// Whether the query has more hits than were kept ("showing the first …").
    pub fn is_truncated(&self) -> bool {
        self.total_found > self.hits.len()
    }
}

/// Runs `query` against `index`.
pub fn search(index: &Index, query: &Query) -> SearchResult {
    search_keeping(index, query, MAX_HITS)
}

/// [`search`], keeping at most `max_hits`.
fn search_keeping(index: &Index, query: &Query, max_hits: usize) -> SearchResult {
    let mut hits: Vec<Hit> = Vec::new();
    let total_found = match query.alternatives.as_slice() {
        [phrase] => {
            find_phrase(index, phrase, query.mode, &mut hits);
            // Each form's occurrences are already in order: a stable sort merges these runs in
            // close to linear time.
            sort_by_position(&mut hits);
            let total = hits.len();
            hits.truncate(max_hits);
            total
        }
        alternatives => {
            // Alternatives may find the same place: the longest match at each word is kept. One
            // slot per word of the corpus holds it, so however much each alternative finds, the
            // memory is that one array, never the sum of every alternative's hits.
            let mut longest = vec![0u32; index.words().len()];
            for phrase in alternatives {
                hits.clear();
                find_phrase(index, phrase, query.mode, &mut hits);
                for hit in &hits {
                    let slot = &mut longest[hit.word as usize];
                    *slot = (*slot).max(hit.len);
                }
            }
            hits = Vec::new();
            let mut total = 0;
            for (word, &len) in longest.iter().enumerate().filter(|(_, len)| **len > 0) {
                total += 1;
                if hits.len() < max_hits {
                    hits.push(Hit { word: word as u32, len });
                }
            }
            total
        }
    };
    SearchResult::of_kept(index, hits, total_found)
}

impl SearchResult {
    /// Counts per document and per form of `hits`, which must be in corpus order; of more than
    /// [`MAX_HITS`], the first are kept.
    pub fn from_hits(index: &Index, mut hits: Vec<Hit>) -> SearchResult {
        let total_found = hits.len();
        hits.truncate(MAX_HITS);
        SearchResult::of_kept(index, hits, total_found)
    }

    fn of_kept(index: &Index, hits: Vec<Hit>, total_found: usize) -> SearchResult {
        let mut per_document = vec![0u32; index.documents().len()];
        let mut doc = 0;
        for hit in &hits {
            while index.documents()[doc].words.end <= hit.word {
                doc += 1;
            }
            per_document[doc] += 1;
        }
        let forms = count_forms(index, &hits);
        SearchResult { hits, per_document, forms, total_found }
    }
}

fn find_phrase(index: &Index, phrase: &Phrase, mode: MatchMode, hits: &mut Vec<Hit>) {
    let mut sets: Vec<FxHashSet<u32>> = Vec::new();
    for term in &phrase.terms {
        for forms in term_forms(index, term, mode) {
            sets.push(forms.into_iter().collect());
        }
    }
    let Some(first) = sets.first() else { return };
    if sets.iter().any(FxHashSet::is_empty) {
        return;
    }
    let vocabulary = index.vocabulary();
    let len = sets.len() as u32;
    let start = hits.len();
    for &form in first {
        hits.extend(vocabulary.occurrences(form).iter().map(|&word| Hit { word, len }));
    }
    if len == 1 {
        return;
    }
    let words = index.words();
    let documents = index.documents();
    sort_by_position(&mut hits[start..]);
    let mut kept = start;
    let mut doc = 0;
    for i in start..hits.len() {
        let hit = hits[i];
        while documents[doc].words.end <= hit.word {
            doc += 1;
        }
        let fits = hit.word + len <= documents[doc].words.end
            && sets.iter().enumerate().skip(1).all(|(k, set)| {
                let word = &words[(hit.word + k as u32) as usize];
                word.is_counted() && set.contains(&word.form)
            });
        if fits {
            hits[kept] = hit;
            kept += 1;
        }
    }
    hits.truncate(kept);
}

/// The form ids each word position of `term` accepts. A term that the tokenizer splits into
/// several words (لـ100الف) gives several positions.
fn term_forms(index: &Index, term: &Term, mode: MatchMode) -> Vec<Vec<u32>> {
    let vocabulary = index.vocabulary();
    let analyzer = index.analyzer();
    let normalize = |text: &str| analyzer.normalize(text);
    match term {
        Term::Word { text, exact } => analyzer
            .words(text)
            .map(|token| {
                let written = token.text(text);
                let key = token.form;
                match (mode, *exact) {
                    (MatchMode::Exact, _) | (_, true) => vocabulary.id(&key).into_iter().collect(),
                    (MatchMode::Clitic, false) => {
                        clitics::matching_forms(&key, clitics::written_with_hamza_article(written), vocabulary)
                            .iter()
                            .filter_map(|form| vocabulary.id(form))
                            .collect()
                    }
                    (MatchMode::Stem, false) => vocabulary.with_stem(&light10(&key)).to_vec(),
                }
            })
            .collect(),
        Term::Prefix(prefix) => {
            let key = normalize(prefix);
            if key.is_empty() {
                return vec![Vec::new()];
            }
            let mut ids: Vec<u32> = match mode {
                MatchMode::Exact => vocabulary.with_prefix(&key).collect(),
                MatchMode::Clitic | MatchMode::Stem => clitics::proclitic_openings()
                    .iter()
                    .flat_map(|opening| vocabulary.with_prefix(&format!("{opening}{key}")).collect::<Vec<_>>())
                    .collect(),
            };
            let mut numbers: Vec<u64> = ids.iter().map(|&id| u64::from(id)).collect();
            crate::sorting::sort_numbers(&mut numbers);
            ids = numbers.into_iter().map(|n| n as u32).collect();
            ids.dedup();
            vec![ids]
        }
        Term::Suffix(suffix) => {
            let key = normalize(suffix);
            vec![if key.is_empty() { Vec::new() } else { vocabulary.with_suffix(&key).collect() }]
        }
        Term::Regex(pattern) => match compile_regex(&normalize_regex_literals(index, pattern)) {
            Ok(regex) => vec![vocabulary.ids().filter(|&id| regex.is_match(vocabulary.form(id))).collect()],
            Err(_) => vec![Vec::new()],
        },
    }
}

/// Normalizes the non-ASCII characters of a pattern (أ → ا, marks dropped) so it can match
/// normalized forms; ASCII is regex syntax and stays as written.
fn normalize_regex_literals(index: &Index, pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut buffer = [0u8; 4];
    for c in pattern.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            index.analyzer().normalize_into(c.encode_utf8(&mut buffer), &mut out);
        }
    }
    out
}

fn count_forms(index: &Index, hits: &[Hit]) -> Vec<FormCount> {
    let vocabulary = index.vocabulary();
    // (first hit, count) per form; one-word hits are keyed by form id without touching strings.
    let mut single: FxHashMap<u32, (Hit, u32)> = FxHashMap::default();
    // Phrases are keyed by their forms' ids (up to four; longer ones by their text).
    let mut phrases: FxHashMap<[u32; 4], (Hit, u32)> = FxHashMap::default();
    let mut long_phrases: FxHashMap<String, (Hit, u32)> = FxHashMap::default();
    let one_word_forms = one_word_form_counts(index, hits);
    if let Some(counts) = one_word_forms {
        single = counts;
    } else {
        for hit in hits {
            if hit.len == 1 {
                single.entry(index.word(hit.word).form).or_insert((*hit, 0)).1 += 1;
            } else if hit.len <= 4 {
                let mut key = [u32::MAX; 4];
                for (slot, w) in key.iter_mut().zip(hit.words()) {
                    *slot = index.word(w).form;
                }
                phrases.entry(key).or_insert((*hit, 0)).1 += 1;
            } else {
                let key = hit.words().map(|w| vocabulary.form(index.word(w).form)).collect::<Vec<_>>().join(" ");
                long_phrases.entry(key).or_insert((*hit, 0)).1 += 1;
            }
        }
    }
    let mut tallies: Vec<(String, Hit, u32)> = single
        .into_iter()
        .map(|(form, (first, count))| (vocabulary.form(form).to_string(), first, count))
        .chain(phrases.into_iter().map(|(key, (first, count))| {
            let forms: Vec<&str> = key.iter().take_while(|&&f| f != u32::MAX).map(|&f| vocabulary.form(f)).collect();
            (forms.join(" "), first, count)
        }))
        .chain(long_phrases.into_iter().map(|(key, (first, count))| (key, first, count)))
        .collect();
    // The most frequent first, then by first occurrence.
    crate::sorting::sort_by(&mut tallies, |a, b| b.2.cmp(&a.2).then(a.1.word.cmp(&b.1.word)));
    tallies
        .into_iter()
        .map(|(form, first, count)| {
            let surface = index.original(first.words()).split_whitespace().collect::<Vec<_>>().join(" ");
            FormCount { form, surface, count }
        })
        .collect()
}

/// When every hit is one word, the count of each form straight from the vocabulary: a hit list
/// made of whole occurrence lists (a word or prefix query) needs no pass over the hits, whose
/// words are scattered across the index.
fn one_word_form_counts(index: &Index, hits: &[Hit]) -> Option<FxHashMap<u32, (Hit, u32)>> {
    if hits.iter().any(|h| h.len != 1) || hits.len() < 4096 {
        return None;
    }
    // Forms of the first hits say which occurrence lists the hits could be made of.
    let vocabulary = index.vocabulary();
    let mut counts: FxHashMap<u32, (Hit, u32)> = FxHashMap::default();
    let mut covered = 0usize;
    for hit in hits {
        if covered == hits.len() {
            break;
        }
        let form = index.word(hit.word).form;
        if counts.contains_key(&form) {
            continue;
        }
        let occurrences = vocabulary.occurrences(form);
        counts.insert(form, (Hit { word: occurrences[0], len: 1 }, occurrences.len() as u32));
        covered += occurrences.len();
        if covered > hits.len() {
            return None;
        }
    }
    (covered == hits.len()).then_some(counts)
}

/// Default number of words shown on each side of the node.
pub const DEFAULT_CONTEXT_WORDS: u32 = 7;

/// One keyword-in-context line: byte ranges into its document's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KwicLine {
    pub hit: Hit,
    pub document: usize,
    /// The words before the node (and the punctuation between them and the node).
    pub before: Range<usize>,
    pub node: Range<usize>,
    pub after: Range<usize>,
}

/// The line for `hit`, with up to `width` words on each side, cut at the document's edges.
pub fn kwic_line(index: &Index, hit: Hit, width: u32) -> KwicLine {
    let document = index.document_of(hit.word);
    let words = &index.documents()[document].words;
    let node_start = index.word(hit.word).start as usize;
    let node_end = index.word(hit.word + hit.len - 1).span().end;
    let first = hit.word.saturating_sub(width).max(words.start);
    let last = (hit.word + hit.len - 1).saturating_add(width).min(words.end - 1);
    KwicLine {
        hit,
        document,
        before: index.word(first).start as usize..node_start,
        node: node_start..node_end,
        after: node_end..index.word(last).span().end,
    }
}

/// Whether word `w` opens a sentence (or a paragraph, which opens one too).
fn starts_sentence(index: &Index, w: u32) -> bool {
    index.word(w).flags & (SENTENCE_START | PARAGRAPH_START) != 0
}

/// The first word of the sentence that holds word `word`: sentences never cross documents, so
/// this names the sentence across the whole corpus.
pub fn sentence_start(index: &Index, word: u32) -> u32 {
    let doc = &index.documents()[index.document_of(word)];
    let mut first = word;
    while first > doc.words.start && !starts_sentence(index, first) {
        first -= 1;
    }
    first
}

/// The sentence around `hit`: byte range in its document's text.
pub fn sentence_of(index: &Index, hit: Hit) -> Range<usize> {
    let document = index.document_of(hit.word);
    let doc = &index.documents()[document];
    let starts = |w: u32| starts_sentence(index, w);
    let first = sentence_start(index, hit.word);
    let mut next = hit.word + hit.len;
    while next < doc.words.end && !starts(next) {
        next += 1;
    }
    let start = index.word(first).start as usize;
    let end = if next < doc.words.end { index.word(next).start as usize } else { doc.text.len() };
    start..start + doc.text[start..end].trim_end().len()
}

/// What keyword-in-context lines can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// The matched words (normalized).
    Node,
    /// The n-th word before the node (1 to 3).
    Before(u8),
    /// The n-th word after the node (1 to 3).
    After(u8),
    /// Corpus order: document, then position.
    Document,
    /// How often the matched form occurs among the hits, most frequent first.
    Frequency,
}

impl SortKey {
    pub fn name(self) -> String {
        match self {
            SortKey::Node => "node".into(),
            SortKey::Before(n) => format!("before{n}"),
            SortKey::After(n) => format!("after{n}"),
            SortKey::Document => "document".into(),
            SortKey::Frequency => "frequency".into(),
        }
    }

    pub fn from_name(name: &str) -> Option<SortKey> {
        match name {
            "node" => Some(SortKey::Node),
            "document" => Some(SortKey::Document),
            "frequency" => Some(SortKey::Frequency),
            _ => {
                // Compared as whole strings, never cut at a byte index: a link may carry any text.
                let (side, n): (fn(u8) -> SortKey, &str) = if let Some(n) = name.strip_prefix("before") {
                    (SortKey::Before, n)
                } else {
                    (SortKey::After, name.strip_prefix("after")?)
                };
                match n {
                    "1" => Some(side(1)),
                    "2" => Some(side(2)),
                    "3" => Some(side(3)),
                    _ => None,
                }
            }
        }
    }
}

/// Sorts hits by position, the longest first where two start together. A hit is one number here
/// (its word above, its length below), so this is a sort of plain numbers, the fastest there is.
fn sort_by_position(hits: &mut [Hit]) {
    let mut keys: Vec<u64> = hits.iter().map(|h| (u64::from(h.word) << 32) | u64::from(u32::MAX - h.len)).collect();
    crate::sorting::sort_numbers(&mut keys);
    for (hit, key) in hits.iter_mut().zip(keys) {
        *hit = Hit { word: (key >> 32) as u32, len: u32::MAX - key as u32 };
    }
}

/// Sorts hits (given in corpus order) by `keys`, earlier keys first; ties keep corpus order.
pub fn sort_hits(index: &Index, hits: &mut [Hit], keys: &[SortKey]) {
    if keys.iter().all(|k| *k == SortKey::Document) {
        sort_by_position(hits);
        return;
    }
    let vocabulary = index.vocabulary();
    let mut frequency: FxHashMap<Vec<u32>, u32> = FxHashMap::default();
    if keys.contains(&SortKey::Frequency) {
        for hit in hits.iter() {
            *frequency.entry(node_forms(index, *hit)).or_default() += 1;
        }
    }
    let neighbour = |hit: Hit, offset: i64| -> Option<&str> {
        let doc = &index.documents()[index.document_of(hit.word)];
        let at = hit.word as i64 + offset;
        (at >= doc.words.start as i64 && at < doc.words.end as i64).then(|| vocabulary.form(index.word(at as u32).form))
    };
    crate::sorting::sort_by(hits, |a, b| {
        for key in keys {
            let order = match *key {
                SortKey::Node => node_forms(index, *a)
                    .iter()
                    .map(|&f| vocabulary.form(f))
                    .cmp(node_forms(index, *b).iter().map(|&f| vocabulary.form(f))),
                SortKey::Before(n) => neighbour(*a, -(n as i64)).cmp(&neighbour(*b, -(n as i64))),
                SortKey::After(n) => {
                    neighbour(*a, a.len as i64 - 1 + n as i64).cmp(&neighbour(*b, b.len as i64 - 1 + n as i64))
                }
                SortKey::Document => a.word.cmp(&b.word),
                SortKey::Frequency => {
                    let fa = frequency[&node_forms(index, *a)];
                    let fb = frequency[&node_forms(index, *b)];
                    fb.cmp(&fa).then_with(|| node_forms(index, *a).cmp(&node_forms(index, *b)))
                }
            };
            if order != Ordering::Equal {
                return order;
            }
        }
        a.word.cmp(&b.word)
    });
}

fn node_forms(index: &Index, hit: Hit) -> Vec<u32> {
    hit.words().map(|w| index.word(w).form).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::DocumentInput;
    use crate::normalize::Steps;
    use crate::query::parse;

    fn index(texts: &[&str]) -> Index {
        Index::build(texts.iter().map(|text| DocumentInput { id: "d", text: (&text[..]).into(), uncounted: vec![] }), Steps::default())
    }

    fn words(hits: &[Hit]) -> Vec<(u32, u32)> {
        hits.iter().map(|h| (h.word, h.len)).collect()
    }

    #[test]
    fn a_search_keeps_the_first_hits_and_counts_them_all() {
        let index = index(&["روسيا قالت وروسيا", "لروسيا روسيا نعم روسيا"]);
        let query = parse("روسيا", MatchMode::Clitic).unwrap();
        let all = search(&index, &query);
        assert_eq!((all.total(), all.total_found, all.is_truncated()), (5, 5, false));
        let kept = search_keeping(&index, &query, 3);
        assert_eq!(kept.hits, all.hits[..3]);
        assert_eq!((kept.total(), kept.total_found, kept.is_truncated()), (3, 5, true));
        // Counts describe the hits kept.
        assert_eq!(kept.per_document, [2, 1]);
        assert_eq!(kept.forms.iter().map(|f| f.count).sum::<u32>(), 3);
        // The same with alternatives, which are merged differently.
        let query = parse("روسيا | نعم | قالت", MatchMode::Clitic).unwrap();
        let kept = search_keeping(&index, &query, 4);
        assert_eq!(words(&kept.hits), [(0, 1), (1, 1), (2, 1), (3, 1)]);
        assert_eq!(kept.total_found, 7);
    }

    #[test]
    fn alternatives_keep_the_longest_match_at_each_word_once() {
        let index = index(&["نور سلطان نور وسلطان", "سلطان نور"]);
        let query = parse("نور | \"نور سلطان\" | سلطان | نور", MatchMode::Clitic).unwrap();
        let result = search(&index, &query);
        assert_eq!(words(&result.hits), [(0, 2), (1, 1), (2, 2), (3, 1), (4, 1), (5, 1)]);
        assert_eq!(result.total_found, 6);
        assert_eq!(result.per_document, [4, 2]);
    }

    #[test]
    fn hits_given_whole_are_bounded_too() {
        let index = index(&["روسيا"]);
        let result = SearchResult::from_hits(&index, vec![Hit { word: 0, len: 1 }; MAX_HITS + 5]);
        assert_eq!((result.total(), result.total_found, result.is_truncated()), (MAX_HITS, MAX_HITS + 5, true));
        assert_eq!(SearchResult::from_hits(&index, vec![Hit { word: 0, len: 1 }]).total_found, 1);
    }

    #[test]
    fn a_regex_too_large_for_the_parser_finds_nothing_when_built_by_hand() {
        let index = index(&["روسيا"]);
        let query = Query { alternatives: vec![Phrase { terms: vec![Term::Regex("(.{100}){100}".into())] }], mode: MatchMode::Clitic };
        assert_eq!(search(&index, &query).total_found, 0);
    }

    #[test]
    fn sort_names_round_trip_and_any_other_text_is_none() {
        for key in [SortKey::Node, SortKey::Document, SortKey::Frequency, SortKey::Before(1), SortKey::After(3)] {
            assert_eq!(SortKey::from_name(&key.name()), Some(key));
        }
        for bad in ["", "ب", "before", "before0", "before4", "after12", "afterب", "بefore1", "x1", "é", "before١"] {
            assert_eq!(SortKey::from_name(bad), None, "{bad}");
        }
    }
}
