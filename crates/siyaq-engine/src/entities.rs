//! Counting named entities: every alias of every entity is searched (clitics allowed on its first
//! word only, as in لبوتين or وفلاديمير بوتين), and where aliases overlap the longest wins, so
//! فلاديمير بوتين is one mention, not a mention of فلاديمير بوتين plus one of بوتين.

use crate::concordance::{Hit, search};
use crate::index::Index;
use crate::query::{MatchMode, Phrase, Query, Term};

/// An entity as the engine needs it: its aliases as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityAliases {
    pub id: String,
    pub aliases: Vec<String>,
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

/// Every mention of `entities` in `index`, in corpus order; overlapping matches resolved in favour
/// of the longest, then of the earlier entity.
pub fn find_mentions(index: &Index, entities: &[EntityAliases]) -> Vec<Mention> {
    let mut candidates: Vec<Mention> = Vec::new();
    for (entity, aliases) in entities.iter().enumerate() {
        for alias in &aliases.aliases {
            if alias.split_whitespace().next().is_none() {
                continue;
            }
            candidates.extend(search(index, &alias_query(alias)).hits.into_iter().map(|hit| Mention { entity, hit }));
        }
    }
    crate::sorting::sort_by(&mut candidates, |a, b| b.hit.len.cmp(&a.hit.len).then(a.hit.word.cmp(&b.hit.word)).then(a.entity.cmp(&b.entity)));
    let mut claimed = vec![false; index.words().len()];
    let mut mentions: Vec<Mention> = Vec::new();
    for candidate in candidates {
        let words = candidate.hit.words();
        if words.clone().any(|w| claimed[w as usize]) {
            continue;
        }
        for w in words {
            claimed[w as usize] = true;
        }
        mentions.push(candidate);
    }
    crate::sorting::sort_by(&mut mentions, |a, b| a.hit.word.cmp(&b.hit.word));
    // A name followed at once by another of its names in brackets is one mention: "منظمة معاهدة
    // الأمن الجماعي (CSTO)", "حلف الشمال الأطلسي (الناتو)".
    let mut kept: Vec<Mention> = Vec::with_capacity(mentions.len());
    for mention in mentions {
        let restates = kept.last().is_some_and(|last| {
            let document = index.document_of(last.hit.word);
            let between = index.word(last.hit.word + last.hit.len - 1).span().end..index.word(mention.hit.word).start as usize;
            last.entity == mention.entity
                && last.hit.word + last.hit.len == mention.hit.word
                && document == index.document_of(mention.hit.word)
                && index.documents()[document].text[between].contains(['(', '['])
        });
        if !restates {
            kept.push(mention);
        }
    }
    kept
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
            .map(|(id, aliases)| EntityAliases { id: id.to_string(), aliases: aliases.iter().map(|a| a.to_string()).collect() })
            .collect()
    }

    #[test]
    fn the_longest_alias_wins_and_nothing_counts_twice() {
        let text = "قال الرئيس فلاديمير بوتين إن بوتين ولفلاديمير بوتين رأيًا. ونور سلطان نزار باييف في نور سلطان.";
        let index = Index::build([DocumentInput { id: "d", text, uncounted: vec![] }], Steps::default());
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
        let index = Index::build([DocumentInput { id: "d", text, uncounted: vec![] }], Steps::default());
        let list = entities(&[("csto", &["منظمة معاهدة الأمن الجماعي", "CSTO"])]);
        let mentions = find_mentions(&index, &list);
        assert_eq!(counts_by_document(&index, &mentions, 1), [vec![2]]);
    }

    #[test]
    fn clitics_only_on_the_first_word() {
        let text = "نور سلطانه";
        let index = Index::build([DocumentInput { id: "d", text, uncounted: vec![] }], Steps::default());
        let mentions = find_mentions(&index, &entities(&[("astana", &["نور سلطان"])]));
        assert!(mentions.is_empty());
    }

    #[test]
    fn the_table_counts_rates_and_orders_rows() {
        let index = Index::build(
            [
                DocumentInput { id: "a", text: "بوتين وروسيا وبوتين كلام كلام كلام كلام كلام كلام كلام", uncounted: vec![] },
                DocumentInput { id: "b", text: "روسيا روسيا", uncounted: vec![] },
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
