//! Counting named entities: every alias of every entity is matched (clitics allowed on its first
//! word only, as in لبوتين or وفلاديمير بوتين), and where aliases overlap the longest wins, so
//! فلاديمير بوتين is one mention, not a mention of فلاديمير بوتين plus one of بوتين.
//!
//! An alias matches exactly what the concordance finds for [`alias_query`], but a list of
//! thousands of aliases is not searched one alias at a time: most aliases of a large gazetteer never
//! occur in a corpus, and one pass of a multi-pattern automaton over the vocabulary finds the few
//! whose first word can match at all. Only those pay for clitic generation.

pub mod periods;
pub mod together;

use rustc_hash::FxHashMap;

use crate::clitics;
use crate::compounds;
use crate::concordance::{Hit, search};
use crate::index::Index;
use crate::query::{MatchMode, Phrase, Query, Term};

/// An entity as the engine needs it: its aliases as written, and the places it belongs to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntityAliases {
    pub id: String,
    pub aliases: Vec<String>,
    /// Keys of the places it belongs to (country codes, say). Where two entities share a spelling,
    /// an article's other mentions of entities with the same keys decide which one it names.
    pub context: Vec<String>,
}

/// One mention of entity number `entity` (its position in the list given).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub entity: usize,
    pub hit: Hit,
}

/// The query that finds `alias`: clitics on its first word, the other words exactly.
pub fn alias_query(alias: &str) -> Query {
    let terms = alias
        .split_whitespace()
        .enumerate()
        .map(|(i, word)| Term::Word { text: word.to_string(), exact: i > 0 })
        .collect();
    Query { alternatives: vec![Phrase { terms }], mode: MatchMode::Clitic }
}

/// A spelling that names several entities, in an article whose other mentions do not tell which:
/// left for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unresolved {
    pub hit: Hit,
    /// The entities it may name, in list order.
    pub entities: Vec<usize>,
}

/// What [`find_mentions_detailed`] finds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mentions {
    /// In corpus order.
    pub resolved: Vec<Mention>,
    /// In corpus order; counted for no entity.
    pub unresolved: Vec<Unresolved>,
}

/// Every mention of `entities` in `index` that names one entity, in corpus order. See
/// [`find_mentions_detailed`].
pub fn find_mentions(index: &Index, entities: &[EntityAliases]) -> Vec<Mention> {
    find_mentions_detailed(index, entities).resolved
}

/// Every mention of `entities` in `index`: each alias also in its joined or split spelling
/// ([`crate::compounds`]); overlapping matches resolved in favour of the longest; a name restated
/// at once in brackets or quotes counted once, for the name before it; a spelling several
/// entities share given to the one whose places the article's other mentions name, else left
/// unresolved.
pub fn find_mentions_detailed(index: &Index, entities: &[EntityAliases]) -> Mentions {
    let mut first_words = FirstWords::default();
    let spellings = spellings(entities);
    let patterns: Vec<AliasPattern> =
        spellings.iter().filter_map(|(entity, alias)| AliasPattern::new(index, *entity, alias, &mut first_words)).collect();
    first_words.resolve(index);
    let mut candidates = Vec::new();
    for pattern in &patterns {
        pattern.find(index, &first_words, &mut candidates);
    }
    resolve(index, entities, candidates)
}

/// The algorithm [`find_mentions`] replaced, one full search per alias: the reference the tests
/// and the benchmark compare it against.
#[doc(hidden)]
pub fn find_mentions_by_search(index: &Index, entities: &[EntityAliases]) -> Vec<Mention> {
    let mut candidates: Vec<Mention> = Vec::new();
    for (entity, alias) in spellings(entities) {
        if alias.split_whitespace().next().is_none() {
            continue;
        }
        candidates.extend(search(index, &alias_query(&alias)).hits.into_iter().map(|hit| Mention { entity, hit }));
    }
    resolve(index, entities, candidates).resolved
}

/// Every alias of every entity, with its other compound spellings.
fn spellings(entities: &[EntityAliases]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (entity, e) in entities.iter().enumerate() {
        for alias in &e.aliases {
            out.push((entity, alias.clone()));
            out.extend(compounds::variants(alias).into_iter().map(|variant| (entity, variant)));
        }
    }
    out
}

/// One word position of an alias: a form id that must be there, or (first word) one of the forms
/// its clitic matching accepts.
#[derive(Clone, Copy)]
enum Slot {
    Exact(u32),
    Clitic(usize),
}

/// An alias as positions to match, built exactly as the concordance builds [`alias_query`]'s
/// phrase: each whitespace-separated word gives one position per lexical token.
struct AliasPattern {
    entity: usize,
    slots: Vec<Slot>,
}

impl AliasPattern {
    /// `None` when the alias cannot match anything: no words, or a later word the corpus lacks.
    fn new(index: &Index, entity: usize, alias: &str, first_words: &mut FirstWords) -> Option<AliasPattern> {
        let mut first_word_tokens = Vec::new();
        let mut slots = Vec::new();
        for (i, word) in alias.split_whitespace().enumerate() {
            for token in index.analyzer().words(word) {
                let written = token.text(word);
                let key = token.form;
                if i == 0 {
                    first_word_tokens.push((slots.len(), key, clitics::written_with_hamza_article(written)));
                    slots.push(Slot::Clitic(usize::MAX));
                } else {
                    slots.push(Slot::Exact(index.vocabulary().id(&key)?));
                }
            }
        }
        if slots.is_empty() {
            return None;
        }
        // Interned only now, so that words of aliases already ruled out cost nothing more.
        for (slot, key, hamza_article) in first_word_tokens {
            slots[slot] = Slot::Clitic(first_words.intern(key, hamza_article));
        }
        Some(AliasPattern { entity, slots })
    }

    /// Adds this alias's hits to `candidates`. The phrase is walked from its rarest position, so
    /// an alias whose first word is common (منظمة، الرئيس) costs what its rarest word costs.
    fn find(&self, index: &Index, first_words: &FirstWords, candidates: &mut Vec<Mention>) {
        let vocabulary = index.vocabulary();
        let occurrences = |slot: &Slot| first_words.forms(slot).iter().map(|&form| vocabulary.occurrences(form).len()).sum::<usize>();
        let Some((pivot, _)) = self.slots.iter().enumerate().map(|(i, slot)| (i, occurrences(slot))).min_by_key(|&(_, n)| n) else { return };
        let len = self.slots.len() as u32;
        let entity = self.entity;
        for &form in first_words.forms(&self.slots[pivot]) {
            for &at in vocabulary.occurrences(form) {
                let Some(start) = at.checked_sub(pivot as u32) else { continue };
                let fits = index.documents()[index.document_of(start)].words.end >= start + len
                    && self.slots.iter().enumerate().filter(|&(i, _)| i != pivot).all(|(i, slot)| {
                        let word = index.word(start + i as u32);
                        word.is_counted() && first_words.forms(slot).contains(&word.form)
                    });
                if fits {
                    candidates.push(Mention { entity, hit: Hit { word: start, len } });
                }
            }
        }
    }
}

/// The distinct first words of the aliases, each matched through clitics once however many
/// aliases share it (منظمة، الرئيس، جمهورية open many names).
#[derive(Default)]
struct FirstWords {
    ids: FxHashMap<(String, bool), usize>,
    words: Vec<FirstWord>,
}

struct FirstWord {
    /// Normalized.
    key: String,
    hamza_article: bool,
    /// Ids of the vocabulary forms it matches, filled by [`FirstWords::resolve`].
    forms: Vec<u32>,
}

impl FirstWords {
    /// The form ids `slot` accepts.
    fn forms<'a>(&'a self, slot: &'a Slot) -> &'a [u32] {
        match slot {
            Slot::Exact(id) => std::slice::from_ref(id),
            Slot::Clitic(word) => &self.words[*word].forms,
        }
    }

    fn intern(&mut self, key: String, hamza_article: bool) -> usize {
        let next = self.words.len();
        *self.ids.entry((key.clone(), hamza_article)).or_insert_with(|| {
            self.words.push(FirstWord { key, hamza_article, forms: Vec::new() });
            next
        })
    }

    /// Matches every first word whose anchor occurs somewhere in the vocabulary; the others match
    /// nothing and are left empty without generating a single form.
    fn resolve(&mut self, index: &Index) {
        let vocabulary = index.vocabulary();
        let mut anchors = Trie::default();
        let ends: Vec<u32> = self.words.iter().map(|word| anchors.insert(clitic_anchor(&word.key))).collect();
        let mut occurring = vec![false; anchors.nodes()];
        // The empty anchor (of a one-letter word) is the root: it rules nothing out.
        occurring[Trie::ROOT as usize] = true;
        for form in vocabulary.ids() {
            anchors.mark_occurring(vocabulary.form(form), &mut occurring);
        }
        for (word, end) in self.words.iter_mut().zip(ends) {
            if occurring[end as usize] {
                word.forms = clitics::matching_forms(&word.key, word.hamza_article, vocabulary)
                    .iter()
                    .filter_map(|form| vocabulary.id(form))
                    .collect();
            }
        }
    }
}

/// A trie of strings, to find which of many occur inside other strings. A multi-pattern automaton
/// (the aho-corasick crate) does the same in one pass instead of one walk per letter, but would add
/// about 58 KB to the app's wasm; the strings searched here are words, so the walks are short.
#[derive(Default)]
struct Trie {
    edges: FxHashMap<(u32, char), u32>,
    last_node: u32,
}

impl Trie {
    const ROOT: u32 = 0;

    /// Adds `text` and returns the node where it ends (the root for "").
    fn insert(&mut self, text: &str) -> u32 {
        let mut node = Self::ROOT;
        for c in text.chars() {
            let next = self.last_node + 1;
            node = *self.edges.entry((node, c)).or_insert(next);
            self.last_node = self.last_node.max(node);
        }
        node
    }

    fn nodes(&self) -> usize {
        self.last_node as usize + 1
    }

    /// Marks in `occurring` the node of every string of the trie (and of every prefix of one)
    /// that occurs in `text`.
    fn mark_occurring(&self, text: &str, occurring: &mut [bool]) {
        for (start, _) in text.char_indices() {
            let mut node = Self::ROOT;
            for c in text[start..].chars() {
                let Some(&next) = self.edges.get(&(node, c)) else { break };
                node = next;
                occurring[node as usize] = true;
            }
        }
    }
}

/// A part of the normalized word `key` that every form clitic matching accepts for it contains:
/// matching adds proclitics, the article (or its merged لل) and pronoun suffixes around a core,
/// which is `key` or, when `key` is definite, `key` without its article; the only letter of the
/// core it may change is the last (ة → ت, ى → ا, ء → ئ before a suffix). So the core without its
/// last letter is in every form, and a word whose anchor no vocabulary form contains matches
/// nothing. `tests/properties.rs` checks this against `clitics::matching_forms` itself.
fn clitic_anchor(key: &str) -> &str {
    let core = key.strip_prefix("ال").unwrap_or(key);
    let mut letters = core.chars();
    letters.next_back();
    letters.as_str()
}

/// Punctuation that opens a restatement of the name before it, with what closes it: "حلف شمال
/// الأطلسي «الناتو»", "منظمة معاهدة الأمن الجماعي (CSTO)", "بيلاروسيا (روسيا البيضاء)".
const RESTATEMENT_MARKS: [(char, char); 6] = [('(', ')'), ('[', ']'), ('«', '»'), ('“', '”'), ('"', '"'), ('„', '“')];

/// A restatement closes within this many bytes of its opening mark (about 40 Arabic letters), or
/// is not one.
const LONGEST_RESTATEMENT: usize = 80;

/// A candidate span and the entities whose aliases match all of it.
struct Claim {
    hit: Hit,
    entities: Vec<usize>,
}

/// Keeps, of overlapping candidates, the longest; drops restatements; decides shared spellings.
fn resolve(index: &Index, entities: &[EntityAliases], mut candidates: Vec<Mention>) -> Mentions {
    crate::sorting::sort_by(&mut candidates, |a, b| b.hit.len.cmp(&a.hit.len).then(a.hit.word.cmp(&b.hit.word)).then(a.entity.cmp(&b.entity)));
    let mut claimed = vec![false; index.words().len()];
    let mut claims: Vec<Claim> = Vec::new();
    for candidate in candidates {
        if let Some(last) = claims.last_mut().filter(|last| last.hit == candidate.hit) {
            if !last.entities.contains(&candidate.entity) {
                last.entities.push(candidate.entity);
            }
            continue;
        }
        let words = candidate.hit.words();
        if words.clone().any(|w| claimed[w as usize]) {
            continue;
        }
        for w in words {
            claimed[w as usize] = true;
        }
        claims.push(Claim { hit: candidate.hit, entities: vec![candidate.entity] });
    }
    crate::sorting::sort_by(&mut claims, |a, b| a.hit.word.cmp(&b.hit.word));
    let claims = without_restatements(index, claims);
    decide_shared_spellings(index, entities, claims)
}

/// Drops every claim that lies inside brackets or quotes opened right after the claim before it:
/// the restatement belongs to the name it restates, whichever entity its words would name alone.
fn without_restatements(index: &Index, claims: Vec<Claim>) -> Vec<Claim> {
    let mut kept: Vec<Claim> = Vec::with_capacity(claims.len());
    // The document and byte range of the brackets after the last kept claim, if any.
    let mut restatement: Option<(usize, std::ops::Range<usize>)> = None;
    for claim in claims {
        let document = index.document_of(claim.hit.word);
        let start = index.word(claim.hit.word).start as usize;
        let end = index.word(claim.hit.word + claim.hit.len - 1).span().end;
        if restatement.as_ref().is_some_and(|(d, span)| *d == document && span.start <= start && end <= span.end) {
            continue;
        }
        restatement = restatement_after(&index.documents()[document].text, end).map(|span| (document, span));
        kept.push(claim);
    }
    kept
}

/// The byte range of the brackets or quotes that open right after byte `end` of `text` (white
/// space between allowed) and close soon after, if any.
fn restatement_after(text: &str, end: usize) -> Option<std::ops::Range<usize>> {
    let rest = &text[end..];
    let trimmed = rest.trim_start();
    let open_at = end + rest.len() - trimmed.len();
    let opening = trimmed.chars().next()?;
    let &(_, closing) = RESTATEMENT_MARKS.iter().find(|(open, _)| *open == opening)?;
    let inside = &trimmed[opening.len_utf8()..];
    let close = inside.char_indices().take_while(|(at, _)| *at <= LONGEST_RESTATEMENT).find(|&(_, c)| c == closing || c == '\n')?;
    (close.1 == closing).then(|| open_at..open_at + opening.len_utf8() + close.0 + closing.len_utf8())
}

/// Gives each claim that several entities share to the one whose context the article's other
/// mentions name most (ties and silence leave it unresolved).
fn decide_shared_spellings(index: &Index, entities: &[EntityAliases], claims: Vec<Claim>) -> Mentions {
    let mut out = Mentions::default();
    let mut context_mentions: FxHashMap<(usize, &str), u32> = FxHashMap::default();
    for claim in claims.iter().filter(|c| c.entities.len() == 1) {
        let document = index.document_of(claim.hit.word);
        for key in &entities[claim.entities[0]].context {
            *context_mentions.entry((document, key.as_str())).or_default() += 1;
        }
    }
    for claim in claims {
        if let [entity] = claim.entities[..] {
            out.resolved.push(Mention { entity, hit: claim.hit });
            continue;
        }
        let document = index.document_of(claim.hit.word);
        let score = |entity: usize| -> u32 { entities[entity].context.iter().map(|key| context_mentions.get(&(document, key.as_str())).copied().unwrap_or(0)).sum() };
        let best = claim.entities.iter().map(|&e| score(e)).max().unwrap_or(0);
        let winners: Vec<usize> = claim.entities.iter().copied().filter(|&e| score(e) == best).collect();
        match winners[..] {
            [entity] if best > 0 => out.resolved.push(Mention { entity, hit: claim.hit }),
            _ => {
                let mut entities = claim.entities;
                entities.sort_unstable();
                out.unresolved.push(Unresolved { hit: claim.hit, entities });
            }
        }
    }
    out
}

/// Mentions per entity per document: `counts[entity][document]`.
pub fn counts_by_document(index: &Index, mentions: &[Mention], entities: usize) -> Vec<Vec<u32>> {
    let mut counts = vec![vec![0u32; index.documents().len()]; entities];
    for mention in mentions {
        counts[mention.entity][index.document_of(mention.hit.word)] += 1;
    }
    counts
}

/// The hits of one entity's mentions, in corpus order: what its concordance shows.
pub fn hits_of(mentions: &[Mention], entity: usize) -> Vec<Hit> {
    mentions.iter().filter(|m| m.entity == entity).map(|m| m.hit).collect()
}

/// What a chart of entities by document shows: raw counts or a rate per 1,000 counted words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Measure {
    Count,
    PerThousand,
}

impl Measure {
    pub fn name(self) -> &'static str {
        match self {
            Measure::Count => "count",
            Measure::PerThousand => "per1000",
        }
    }

    pub fn from_name(name: &str) -> Option<Measure> {
        [Measure::Count, Measure::PerThousand].into_iter().find(|m| m.name() == name)
    }
}

/// How the rows of the table are ordered: by the corpus total or by one document, largest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RowOrder {
    Total,
    Document(usize),
}

/// Mentions of each entity in each document, with the documents' counted words for rates.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityTable {
    /// `counts[entity][document]`.
    pub counts: Vec<Vec<u32>>,
    /// Counted words of each document.
    pub words: Vec<u32>,
}

impl EntityTable {
    pub fn new(index: &Index, mentions: &[Mention], entities: usize) -> EntityTable {
        EntityTable {
            counts: counts_by_document(index, mentions, entities),
            words: index.documents().iter().map(|d| d.counted_words).collect(),
        }
    }

    pub fn count(&self, entity: usize, document: usize) -> u32 {
        self.counts[entity][document]
    }

    pub fn total_count(&self, entity: usize) -> u32 {
        self.counts[entity].iter().sum()
    }

    pub fn value(&self, entity: usize, document: usize, measure: Measure) -> f64 {
        let count = self.count(entity, document);
        match measure {
            Measure::Count => f64::from(count),
            Measure::PerThousand => rate(count, self.words[document]),
        }
    }

    /// Over the whole corpus; the rate is of all counted words, not an average of rates.
    pub fn total(&self, entity: usize, measure: Measure) -> f64 {
        let count = self.total_count(entity);
        match measure {
            Measure::Count => f64::from(count),
            Measure::PerThousand => rate(count, self.words.iter().sum()),
        }
    }

    /// Counted words of `document`, or of the whole corpus (`None`).
    pub fn words_in(&self, document: Option<usize>) -> u32 {
        document.map_or_else(|| self.words.iter().sum(), |d| self.words[d])
    }

    /// Mentions of `entity` in `document`, or in the whole corpus (`None`).
    pub fn count_in(&self, entity: usize, document: Option<usize>) -> u32 {
        document.map_or_else(|| self.total_count(entity), |d| self.count(entity, d))
    }

    /// [`Self::value`] for one document, [`Self::total`] for the whole corpus (`None`).
    pub fn value_in(&self, entity: usize, document: Option<usize>, measure: Measure) -> f64 {
        document.map_or_else(|| self.total(entity, measure), |d| self.value(entity, d, measure))
    }

    /// The entities to show: those `keep` accepts that are mentioned at all, largest first by
    /// `order` (ties keep the list's order), at most `top`.
    pub fn rows(&self, keep: impl Fn(usize) -> bool, order: RowOrder, measure: Measure, top: usize) -> Vec<usize> {
        let key = |entity: usize| match order {
            RowOrder::Total => self.total(entity, measure),
            RowOrder::Document(document) => self.value(entity, document, measure),
        };
        let mut rows: Vec<usize> = (0..self.counts.len()).filter(|&e| keep(e) && self.total_count(e) > 0).collect();
        crate::sorting::sort_by(&mut rows, |&a, &b| key(b).total_cmp(&key(a)).then(self.total_count(b).cmp(&self.total_count(a))).then(a.cmp(&b)));
        rows.truncate(top);
        rows
    }
}

fn rate(count: u32, words: u32) -> f64 {
    if words == 0 { 0.0 } else { f64::from(count) * 1000.0 / f64::from(words) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::DocumentInput;
    use crate::normalize::Steps;

    fn entities(list: &[(&str, &[&str])]) -> Vec<EntityAliases> {
        list.iter()
            .map(|(id, aliases)| EntityAliases { id: id.to_string(), aliases: aliases.iter().map(|a| a.to_string()).collect(), context: vec![] })
            .collect()
    }

    #[test]
    fn the_longest_alias_wins_and_nothing_counts_twice() {
        let text = "قال الرئيس فلاديمير بوتين إن بوتين ولفلاديمير بوتين رأيًا. ونور سلطان نزار باييف في نور سلطان.";
        let index = Index::build([DocumentInput { id: "d", text: text.into(), uncounted: vec![] }], Steps::default());
        let list = entities(&[
            ("putin", &["فلاديمير بوتين", "بوتين"]),
            ("nazarbayev", &["نور سلطان نزار باييف", "نزار باييف"]),
            ("astana", &["نور سلطان"]),
        ]);
        let mentions = find_mentions(&index, &list);
        let counts = counts_by_document(&index, &mentions, list.len());
        assert_eq!(counts, [vec![3], vec![1], vec![1]]);
        let texts: Vec<&str> = mentions.iter().map(|m| index.original(m.hit.words())).collect();
        assert_eq!(texts, ["فلاديمير بوتين", "بوتين", "ولفلاديمير بوتين", "ونور سلطان نزار باييف", "نور سلطان"]);
    }

    #[test]
    fn a_name_restated_at_once_is_one_mention() {
        let text = "نشرت منظمة معاهدة الأمن الجماعي (CSTO) قواتها، ثم CSTO مرة أخرى.";
        let index = Index::build([DocumentInput { id: "d", text: text.into(), uncounted: vec![] }], Steps::default());
        let list = entities(&[("csto", &["منظمة معاهدة الأمن الجماعي", "CSTO"])]);
        let mentions = find_mentions(&index, &list);
        assert_eq!(counts_by_document(&index, &mentions, 1), [vec![2]]);
    }

    fn one_document(text: &str) -> Index {
        Index::build([DocumentInput { id: "d", text: text.into(), uncounted: vec![] }], Steps::default())
    }

    fn found<'a>(index: &'a Index, list: &'a [EntityAliases], mentions: &[Mention]) -> Vec<(&'a str, &'a str)> {
        mentions.iter().map(|m| (list[m.entity].id.as_str(), index.original(m.hit.words()))).collect()
    }

    #[test]
    fn a_restatement_in_quotes_or_brackets_counts_once_for_the_name_before_it() {
        let index = one_document(
            "وقال حلف شمال الأطلسي «حلف الناتو» إن الناتو باق. وتقع بيلاروسيا (روسيا البيضاء) قرب روسيا، \
             وأعلن الاتحاد الأوروبي “الاتحاد” و\"EU\" شيئا.",
        );
        let list = entities(&[
            ("nato", &["حلف شمال الأطلسي", "الناتو"]),
            ("belarus", &["بيلاروسيا"]),
            ("russia", &["روسيا"]),
            ("eu", &["الاتحاد الأوروبي", "الاتحاد", "EU"]),
        ]);
        let mentions = find_mentions(&index, &list);
        assert_eq!(
            found(&index, &list, &mentions),
            [("nato", "حلف شمال الأطلسي"), ("nato", "الناتو"), ("belarus", "بيلاروسيا"), ("russia", "روسيا"), ("eu", "الاتحاد الأوروبي"), ("eu", "EU")]
        );
    }

    #[test]
    fn brackets_that_do_not_follow_a_name_or_never_close_restate_nothing() {
        let index = one_document("قال المتحدث (روسيا) إن بوتين (وهو رئيس روسيا منذ سنوات طويلة جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا) سافر.");
        let list = entities(&[("russia", &["روسيا"]), ("putin", &["بوتين"])]);
        let ids: Vec<&str> = find_mentions(&index, &list).iter().map(|m| list[m.entity].id.as_str()).collect();
        assert_eq!(ids, ["russia", "putin", "russia"]);
    }

    #[test]
    fn compound_names_match_joined_or_split() {
        let index = one_document("التقى نزارباييف بعبدالله في أبو ظبي، ثم نور سلطان نزارباييف في بيلا روسيا.");
        let list = entities(&[
            ("nazarbayev", &["نور سلطان نزار باييف", "نزار باييف"]),
            ("abdullah", &["عبد الله"]),
            ("abu-dhabi", &["أبوظبي"]),
            ("astana", &["نور سلطان"]),
            ("belarus", &["بيلاروسيا"]),
        ]);
        let mentions = find_mentions(&index, &list);
        assert_eq!(mentions, find_mentions_by_search(&index, &list));
        assert_eq!(
            found(&index, &list, &mentions),
            [("nazarbayev", "نزارباييف"), ("abdullah", "بعبدالله"), ("abu-dhabi", "أبو ظبي"), ("nazarbayev", "نور سلطان نزارباييف"), ("belarus", "بيلا روسيا")]
        );
    }

    #[test]
    fn a_shared_spelling_goes_to_the_entity_the_article_places_or_is_left_open() {
        let party = "حزب العدالة والتنمية";
        let list = vec![
            EntityAliases { id: "akp".into(), aliases: vec![party.into()], context: vec!["TR".into()] },
            EntityAliases { id: "pjd".into(), aliases: vec![party.into()], context: vec!["MA".into()] },
            EntityAliases { id: "turkey".into(), aliases: vec!["تركيا".into(), "أنقرة".into()], context: vec!["TR".into()] },
            EntityAliases { id: "morocco".into(), aliases: vec!["المغرب".into()], context: vec!["MA".into()] },
        ];
        let index = Index::build(
            [
                DocumentInput { id: "tr", text: "فاز حزب العدالة والتنمية في تركيا وأنقرة.".into(), uncounted: vec![] },
                DocumentInput { id: "ma", text: "قال حزب العدالة والتنمية في المغرب.".into(), uncounted: vec![] },
                DocumentInput { id: "none", text: "بيان من حزب العدالة والتنمية.".into(), uncounted: vec![] },
            ],
            Steps::default(),
        );
        let mentions = find_mentions_detailed(&index, &list);
        let named: Vec<(usize, &str)> = mentions.resolved.iter().map(|m| (index.document_of(m.hit.word), list[m.entity].id.as_str())).collect();
        assert_eq!(named, [(0, "akp"), (0, "turkey"), (0, "turkey"), (1, "pjd"), (1, "morocco")]);
        assert_eq!(mentions.unresolved.len(), 1);
        assert_eq!((index.document_of(mentions.unresolved[0].hit.word), &mentions.unresolved[0].entities[..]), (2, &[0, 1][..]));
    }

    #[test]
    fn clitics_only_on_the_first_word() {
        let text = "نور سلطانه";
        let index = Index::build([DocumentInput { id: "d", text: text.into(), uncounted: vec![] }], Steps::default());
        let mentions = find_mentions(&index, &entities(&[("astana", &["نور سلطان"])]));
        assert!(mentions.is_empty());
    }

    proptest::proptest! {
        /// The claim the vocabulary filter rests on, checked against clitic matching itself, with
        /// a vocabulary holding every form generation makes of the word and of its bare core.
        #[test]
        fn every_form_clitic_matching_accepts_contains_the_anchor(
            letters in proptest::collection::vec(proptest::sample::select(vec![
                "ا", "ال", "ل", "لل", "و", "ف", "ب", "ك", "س", "ي", "ت", "ن", "ة", "ه", "ى", "ء", "م", "ر", "ها",
            ]), 1..6),
            hamza_article: bool,
        ) {
            let word = letters.concat();
            let bare = word.strip_prefix("ال").unwrap_or(&word);
            let vocabulary: std::collections::HashSet<String> =
                clitics::generate(&word, true).into_iter().chain(clitics::generate(bare, true)).chain([bare.to_string()]).collect();
            let anchor = clitic_anchor(&word);
            for form in clitics::matching_forms(&word, hamza_article, &vocabulary) {
                proptest::prop_assert!(form.contains(anchor), "{form} lacks {anchor} ({word})");
            }
        }
    }

    #[test]
    fn the_anchor_is_the_core_without_its_article_and_last_letter() {
        assert_eq!(clitic_anchor("الحكومة"), "حكوم");
        assert_eq!(clitic_anchor("مستشفى"), "مستشف");
        assert_eq!(clitic_anchor("ال"), "");
        assert_eq!(clitic_anchor("و"), "");
    }

    #[test]
    fn the_trie_finds_which_strings_occur_inside_others() {
        let mut trie = Trie::default();
        let ends = ["حكوم", "روس", "روسيا", "زيد"].map(|s| trie.insert(s));
        let mut occurring = vec![false; trie.nodes()];
        for text in ["والحكومة", "بيلاروسيا"] {
            trie.mark_occurring(text, &mut occurring);
        }
        assert_eq!(ends.map(|end| occurring[end as usize]), [true, true, true, false]);
    }

    #[test]
    fn aliases_that_cannot_match_are_ruled_out_and_the_rest_found_as_by_search() {
        let text = "قال الرئيس فلاديمير بوتين للحكومة إن اللجنة ولجنتها (اللجنة) في مستشفاها ووزير الوزير زير.";
        let index = Index::build([DocumentInput { id: "d", text: text.into(), uncounted: vec![] }], Steps::default());
        let list = entities(&[
            ("putin", &["فلاديمير بوتين", "بوتين", "الرئيس بوتين"]),
            ("government", &["الحكومة", "حكومة روسيا"]),
            ("committee", &["لجنة", "اللجنة"]),
            ("hospital", &["مستشفى"]),
            ("minister", &["وزير"]),
            ("jar", &["زير"]),
            ("nobody", &["زيد عمرو", "", "  ", "،", "ب"]),
        ]);
        let mentions = find_mentions(&index, &list);
        assert_eq!(mentions, find_mentions_by_search(&index, &list));
        let found: Vec<&str> = mentions.iter().map(|m| list[m.entity].id.as_str()).collect();
        assert_eq!(found, ["putin", "government", "committee", "committee", "hospital", "minister", "minister", "jar"]);
    }

    #[test]
    fn the_table_counts_rates_and_orders_rows() {
        let index = Index::build(
            [
                DocumentInput { id: "a", text: ("بوتين وروسيا وبوتين كلام كلام كلام كلام كلام كلام كلام").into(), uncounted: vec![] },
                DocumentInput { id: "b", text: ("روسيا روسيا").into(), uncounted: vec![] },
            ],
            Steps::default(),
        );
        let list = entities(&[("putin", &["بوتين"]), ("russia", &["روسيا"]), ("nobody", &["زيد"])]);
        let mentions = find_mentions(&index, &list);
        let table = EntityTable::new(&index, &mentions, list.len());
        assert_eq!(table.counts, [vec![2, 0], vec![1, 2], vec![0, 0]]);
        assert_eq!(table.words, [10, 2]);
        assert_eq!(table.value(1, 1, Measure::PerThousand), 1000.0);
        assert_eq!(table.value(0, 0, Measure::PerThousand), 200.0);
        assert_eq!(table.total(1, Measure::PerThousand), 250.0);
        assert_eq!(table.value_in(1, None, Measure::PerThousand), 250.0);
        assert_eq!((table.count_in(1, Some(1)), table.count_in(1, None), table.words_in(None)), (2, 3, 12));
        // Equal totals: the list's order decides. Never-mentioned entities are left out.
        assert_eq!(table.rows(|_| true, RowOrder::Total, Measure::Count, 10), [1, 0]);
        assert_eq!(table.rows(|_| true, RowOrder::Document(0), Measure::Count, 10), [0, 1]);
        assert_eq!(table.rows(|_| true, RowOrder::Document(1), Measure::PerThousand, 1), [1]);
        assert_eq!(table.rows(|e| e != 1, RowOrder::Total, Measure::Count, 10), [0]);
        assert_eq!(hits_of(&mentions, 0).len(), 2);
        let result = crate::SearchResult::from_hits(&index, hits_of(&mentions, 1));
        assert_eq!(result.per_document, [1, 2]);
    }
}
