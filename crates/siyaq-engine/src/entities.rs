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
    candidates.sort_by(|a, b| b.hit.len.cmp(&a.hit.len).then(a.hit.word.cmp(&b.hit.word)).then(a.entity.cmp(&b.entity)));
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
    mentions.sort_by_key(|m| m.hit.word);
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
}
