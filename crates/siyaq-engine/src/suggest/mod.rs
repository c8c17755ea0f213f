//! Suggesting names that are not in the gazetteer yet, each with its type, how sure the
//! suggester is, its other spellings and the occurrences that show it, so that an analyst can add
//! it in one click (or all the sure ones at once).
//!
//! Each detector is tuned for precision: a list full of junk costs the analyst more than a missed
//! name, which the concordance can still find.
//! - [`people`]: a name after a title or role (الرئيس، وزير الخارجية الأمريكي، المتحدث باسم)
//!   or a byline, and a given name with a family name that carries the article or a link
//!   (نوري المالكي، محمد بن سلمان), always kept whole.
//! - [`organisations`]: a head noun in construct and its complement (حزب الله، منظمة الصحة
//!   العالمية).
//! - [`places`]: the one or two words after مدينة، محافظة، العاصمة ...
//! - [`latin`]: a short run of Latin-script words inside the Arabic text (CSTO, Elbasy).
//! - [`repetition`]: a phrase of two to four words that recurs.
//!
//! Whatever found it, a candidate passes [`shape`]'s checks: never a lone given name, a particle,
//! a verb, a plural or demonym, page furniture or a number. Words covered by a known mention are
//! never suggested. [`evidence`] gathers each name's occurrences, [`variants`] joins the
//! spellings of one name, and this module rates and orders them. The word lists are data files
//! ([`lists`]).

mod evidence;
mod latin;
mod lists;
mod organisations;
mod people;
mod places;
mod reader;
mod repetition;
mod shape;
mod variants;

#[cfg(test)]
mod tests;

use std::ops::Range;

use crate::concordance::Hit;
use crate::entities::Mention;
use crate::gazetteer::EntityKind;
use crate::index::Index;

use reader::Reader;

/// How a suggestion was found.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum SuggestionReason {
    /// After a title or byline: `word` is the trigger as written (its proclitics left out).
    Trigger { word: String },
    /// A given name and a family name with the article or a link (نوري المالكي، محمد بن سلمان).
    PersonName,
    /// A head noun and its complement: `head` as written (حزب، منظمة).
    Organisation { head: String },
    /// After a noun that introduces a place: `head` as written (مدينة، العاصمة).
    Place { head: String },
    /// Written in Latin script inside the Arabic text.
    Latin,
    /// A phrase that recurs.
    Repeated,
}

impl SuggestionReason {
    /// Which detector gave it: reasons of one detector (two titles, say) are one witness.
    fn detector(&self) -> u8 {
        match self {
            SuggestionReason::Trigger { .. } => 0,
            SuggestionReason::PersonName => 1,
            SuggestionReason::Organisation { .. } => 2,
            SuggestionReason::Place { .. } => 3,
            SuggestionReason::Latin => 4,
            SuggestionReason::Repeated => 5,
        }
    }

    /// What the reason says of the type, if anything.
    fn kind(&self) -> Option<EntityKind> {
        match self {
            SuggestionReason::Trigger { .. } | SuggestionReason::PersonName => Some(EntityKind::Person),
            SuggestionReason::Organisation { .. } => Some(EntityKind::Organisation),
            SuggestionReason::Place { .. } => Some(EntityKind::Place),
            SuggestionReason::Latin | SuggestionReason::Repeated => None,
        }
    }
}

/// A name that is not in the gazetteer yet.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// The name as it should be added as an alias: as the corpus spells it most often, without
    /// the proclitics (و ف ب ك ل) of its first word, with its article if the name has one.
    pub text: String,
    /// Other spellings of the same name in the corpus (ة/ه, ي/ى, hamza seats, a long vowel,
    /// joined or split: وليام/ويليام كورتني), each a separate alias; most frequent first.
    pub variants: Vec<String>,
    /// The type its reasons point to: a title says person, a head noun organisation or place;
    /// Latin script and repetition alone say [`EntityKind::Other`] unless the first word does.
    pub kind: EntityKind,
    /// How sure the suggester is that this is a name, in 0..=1; see [`confidence`].
    pub confidence: f32,
    /// Every way it was found, without repeats, in the order of [`SuggestionReason`]'s variants
    /// (titles in the order first met).
    pub reasons: Vec<SuggestionReason>,
    /// How many times it occurs: the length of `evidence`, which is what the name and its
    /// variants would count as aliases (outside known mentions and longer suggestions).
    pub count: u32,
    /// Its occurrences, in corpus order.
    pub evidence: Vec<Hit>,
}

/// Names in `index` that no mention of `known` covers, best first: by [`Suggestion::confidence`],
/// then more often, then earlier in the corpus.
pub fn suggest(index: &Index, known: &[Mention]) -> Vec<Suggestion> {
    let reader = Reader::new(index, known);
    let mut found = reader.by_title();
    found.extend(reader.by_person_name());
    found.extend(reader.by_organisation());
    found.extend(reader.by_place());
    found.extend(reader.by_latin());
    found.extend(reader.by_repetition());
    found.retain(|f| reader.is_plausible(f.words.clone()));
    let named = reader.with_evidence(found);
    let grouped = variants::group(named, |word| reader.lists.given_names.contains(word));
    let mut suggestions: Vec<Suggestion> = grouped.into_iter().map(|n| reader.rate(n)).collect();
    crate::sorting::sort_by(&mut suggestions, |a, b| {
        b.confidence
            .total_cmp(&a.confidence)
            .then(b.count.cmp(&a.count))
            .then(a.evidence[0].cmp(&b.evidence[0]))
            .then(a.text.cmp(&b.text))
    });
    suggestions
}

/// An occurrence found by one detector.
struct Found {
    words: Range<u32>,
    reason: SuggestionReason,
    /// How sure the detector is by itself, in 0..1: see [`confidence`].
    strength: f32,
}

/// A name with its occurrences, before it is rated.
struct Named {
    /// Its normalized words (see [`Reader::key`]).
    key: String,
    /// As written (see [`Reader::spelling`]).
    text: String,
    /// Other spellings, most frequent first.
    variants: Vec<String>,
    /// Each reason with the best strength it was found with.
    reasons: Vec<(SuggestionReason, f32)>,
    evidence: Vec<Hit>,
}

/// How much each further occurrence and each further document add, as a share of what is left
/// to certainty; and the most they add together.
const PER_OCCURRENCE: f32 = 0.1;
const PER_DOCUMENT: f32 = 0.15;
const MOST_FROM_RECURRENCE: f32 = 0.5;
/// Never quite certain: the analyst still decides.
const MOST_CONFIDENT: f32 = 0.99;

/// How sure the suggester is that a name found for `reasons` at `count` places in `documents`
/// documents is one:
/// 1. each detector gives a strength of its own, the best it found the name with: after a title
///    0.6 (one word) to 0.75 (a full name), a given + family name 0.5 to 0.65, a head noun 0.5 to
///    0.65, Latin script 0.45, repetition 0.3;
/// 2. the detectors are independent witnesses: `c = 1 − Π (1 − strength)`;
/// 3. recurrence adds a share of what is left (`1 − c`): 0.1 for each occurrence after the first
///    and 0.15 for each document after the first, at most half of it.
///
/// So a name only repeated gets 0.65 at most however often it recurs, a full name after a title
/// starts at 0.75 and passes 0.8 when a second article has it too, and a name found by two
/// detectors starts between 0.65 (a generic head noun, repeated) and 0.91 (after a title, and a
/// given + family name).
pub fn confidence(reasons: &[(SuggestionReason, f32)], count: u32, documents: u32) -> f32 {
    let mut best = [0.0f32; 6];
    for (reason, strength) in reasons {
        let slot = &mut best[reason.detector() as usize];
        *slot = slot.max(*strength);
    }
    let doubt: f32 = best.iter().map(|s| 1.0 - s).product();
    let c = 1.0 - doubt;
    let recurrence = (PER_OCCURRENCE * count.saturating_sub(1) as f32 + PER_DOCUMENT * documents.saturating_sub(1) as f32).min(MOST_FROM_RECURRENCE);
    (c + (1.0 - c) * recurrence).clamp(0.0, MOST_CONFIDENT)
}

impl Reader<'_> {
    /// The suggestion for a name: its type and confidence.
    fn rate(&self, named: Named) -> Suggestion {
        // The evidence is in corpus order, so each document's hits are together.
        let mut documents: Vec<usize> = named.evidence.iter().map(|h| self.index.document_of(h.word)).collect();
        documents.dedup();
        let count = named.evidence.len() as u32;
        let kind = self.kind_of(&named);
        let confidence = confidence(&named.reasons, count, documents.len() as u32);
        Suggestion {
            text: named.text,
            variants: named.variants,
            kind,
            confidence,
            reasons: named.reasons.into_iter().map(|(r, _)| r).collect(),
            count,
            evidence: named.evidence,
        }
    }

    /// The type of the strongest reason that says one; else what the first word says (a head
    /// noun, a given name); else [`EntityKind::Other`].
    fn kind_of(&self, named: &Named) -> EntityKind {
        let strongest = named
            .reasons
            .iter()
            .filter_map(|(r, s)| r.kind().map(|k| (k, *s)))
            .fold(None, |best: Option<(EntityKind, f32)>, (k, s)| if best.is_some_and(|(_, b)| b >= s) { best } else { Some((k, s)) });
        if let Some((kind, _)) = strongest {
            return kind;
        }
        let first = named.key.split(' ').next().unwrap_or("");
        let lists = &self.lists;
        if named.key.contains(' ') && self.in_list(&lists.organisation_heads, first) {
            EntityKind::Organisation
        } else if named.key.contains(' ') && (self.is_given_name(first) || self.is_link(first)) {
            EntityKind::Person
        } else {
            EntityKind::Other
        }
    }
}
