//! What the detectors found, grouped by name, with every occurrence that the name would count as
//! an alias: clitics allowed on the first word (see [`alias_query`]), written as the name (no
//! punctuation inside, the same words once the first word's proclitics are set aside), and not
//! overlapping a known mention or a longer name.

use rustc_hash::FxHashMap;

use crate::concordance::{Hit, search};
use crate::entities::alias_query;

use super::reader::{Gap, Reader};
use super::{Found, Named, SuggestionReason};

/// One name and what was found of it.
struct Candidate {
    key: String,
    reasons: Vec<(SuggestionReason, f32)>,
    found: Vec<Hit>,
    len: u32,
}

impl Reader<'_> {
    /// Groups the findings by name and gathers each name's evidence; names that keep no
    /// occurrence of their own (all inside longer names) are dropped.
    pub(super) fn with_evidence(&self, found: Vec<Found>) -> Vec<Named> {
        let mut candidates = self.group(found);
        // Longest first: where names overlap, the longer one has the words, as with entities.
        crate::sorting::sort_by(&mut candidates, |a, b| b.len.cmp(&a.len).then(a.found[0].cmp(&b.found[0])));
        let mut claimed = vec![false; self.index.words().len()];
        let mut named = Vec::new();
        for candidate in candidates {
            let evidence: Vec<Hit> = self.evidence(&candidate).into_iter().filter(|hit| !hit.words().any(|w| claimed[w as usize])).collect();
            let Some(&first) = evidence.first() else { continue };
            for hit in &evidence {
                hit.words().for_each(|w| claimed[w as usize] = true);
            }
            // Spelled as at an occurrence without proclitics if there is one.
            let spelled_at = evidence.iter().find(|h| self.first_word(h.word).proclitic_letters == 0).unwrap_or(&first);
            named.push(Named {
                key: candidate.key,
                text: self.spelling(spelled_at.words()),
                variants: Vec::new(),
                reasons: candidate.reasons,
                evidence,
            });
        }
        named
    }

    /// The findings grouped by key, in the order first found; each reason once, with the best
    /// strength it came with, in the order of the detectors.
    fn group(&self, found: Vec<Found>) -> Vec<Candidate> {
        let mut candidates: Vec<Candidate> = Vec::new();
        let mut by_key: FxHashMap<String, usize> = FxHashMap::default();
        for f in found {
            let hit = Hit { word: f.words.start, len: f.words.end - f.words.start };
            let key = self.key(f.words);
            let at = *by_key.entry(key.clone()).or_insert_with(|| {
                candidates.push(Candidate { key, reasons: Vec::new(), found: Vec::new(), len: hit.len });
                candidates.len() - 1
            });
            let candidate = &mut candidates[at];
            match candidate.reasons.iter_mut().find(|(r, _)| *r == f.reason) {
                Some((_, strength)) => *strength = strength.max(f.strength),
                None => candidate.reasons.push((f.reason, f.strength)),
            }
            candidate.found.push(hit);
        }
        for candidate in &mut candidates {
            crate::sorting::sort(&mut candidate.found);
            candidate.found.dedup();
            crate::sorting::sort_by(&mut candidate.reasons, |a, b| a.0.detector().cmp(&b.0.detector()));
        }
        candidates
    }

    /// Every occurrence of the candidate's name that an alias would count and that is written as
    /// the name, outside known mentions, with what the detectors found.
    fn evidence(&self, candidate: &Candidate) -> Vec<Hit> {
        let text = self.spelling(candidate.found[0].words());
        let mut hits: Vec<Hit> = search(self.index, &alias_query(&text))
            .hits
            .into_iter()
            .filter(|hit| {
                !hit.words().any(|w| self.is_known(w))
                    && (hit.word + 1..hit.word + hit.len).all(|w| matches!(self.gap_before(w), Gap::Space | Gap::LatinHyphen))
                    && self.key(hit.words()) == candidate.key
            })
            .collect();
        hits.extend(&candidate.found);
        crate::sorting::sort(&mut hits);
        hits.dedup();
        hits
    }
}
