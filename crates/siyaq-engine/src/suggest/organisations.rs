//! Organisations: a head noun in construct (حزب، منظمة، وكالة ... without the article) and its
//! complement, a name (حركة حماس) or a definite noun with its adjectives (منظمة الصحة
//! العالمية، وكالة الأنباء السعودية، حزب العدالة والتنمية). The complement stops at punctuation,
//! function words, verbs, prepositions on a word (للنفط) and known mentions.

use super::reader::Reader;
use super::{Found, SuggestionReason};

/// The most words after the head: منظمة الدول المصدرة للبترول is cut before للبترول anyway.
const MAX_COMPLEMENT_WORDS: u32 = 4;

/// Strengths (see [`super::confidence`]): one definite noun after the head is often generic
/// (مجلس الإدارة، شركة النفط); a name (حركة حماس) or a longer complement seldom is.
const GENERIC: f32 = 0.5;
const NAMED: f32 = 0.65;

impl Reader<'_> {
    /// Head nouns and their complements.
    pub(super) fn by_organisation(&self) -> Vec<Found> {
        let mut found = Vec::new();
        for w in 0..self.word_count() {
            // The list lookup first: it is cheap, and rules out nearly every word.
            if !self.in_list(&self.lists.organisation_heads, self.form(w)) || !self.is_readable(w) || self.is_known(w) || self.is_definite(w) || self.is_latin(w) {
                continue;
            }
            let head = self.first_word(w).bare;
            if !self.lists.organisation_heads.contains(&head) {
                continue;
            }
            let (len, named) = self.complement(w + 1);
            if len == 0 {
                continue;
            }
            let strength = if named || len > 1 { NAMED } else { GENERIC };
            let head = self.spelling(w..w + 1);
            found.push(Found { words: w..w + 1 + len, reason: SuggestionReason::Organisation { head }, strength });
        }
        self.drop_outside_adjectives(&mut found);
        found
    }

    /// A nisba after an organisation's name is part of it (منظمة الصحة العالمية) or describes
    /// it (مجلس النواب الليبي). Where the corpus also names it without the nisba, the nisba
    /// describes it, and is left out.
    fn drop_outside_adjectives(&self, found: &mut [Found]) {
        let keys: rustc_hash::FxHashSet<String> = found.iter().map(|f| self.key(f.words.clone())).collect();
        for f in found.iter_mut() {
            let shorter = f.words.start..f.words.end - 1;
            if shorter.len() >= 2 && self.is_nisba(f.words.end - 1) && keys.contains(&self.key(shorter.clone())) {
                f.words = shorter;
            }
        }
    }

    /// How many words from `start` complement a head noun, and whether the complement is a name
    /// (a word the corpus does not write with the article). A definite complement may go on
    /// with definite words (الأمن الجماعي) and one conjoined with وال (العدالة والتنمية); an
    /// indefinite one is one word.
    fn complement(&self, start: u32) -> (u32, bool) {
        let mut len = 0;
        let mut conjoined = false;
        while len < MAX_COMPLEMENT_WORDS {
            let w = start + len;
            if !self.joined(w) || self.is_known(w) || !self.can_be_in_name(w, false) || self.is_latin(w) {
                break;
            }
            let form = self.form(w);
            if self.is_title_word(form) || self.lists.title_adjectives.contains(form) {
                break;
            }
            let definite = self.is_definite(w);
            if len == 0 {
                if !definite {
                    // حركة حماس: one word, a name rather than an indefinite adjective (حركة واسعة)
                    // or a noun whose own complement follows (مجلس إدارة الشركة).
                    let construct = self.joined(w + 1) && self.is_definite(w + 1) && !self.is_nisba(w + 1);
                    // مجلس إدارة: a feminine noun in construct, not a name.
                    if self.is_common_noun_or_adjective(w) || construct || form.ends_with('ة') {
                        break;
                    }
                    return (1, true);
                }
                len += 1;
                continue;
            }
            if !definite {
                break;
            }
            let and_the = form.starts_with("وال");
            if and_the && conjoined {
                break;
            }
            if !and_the && self.first_word(w).proclitic_letters > 0 {
                break;
            }
            conjoined |= and_the;
            len += 1;
        }
        (len, false)
    }

    /// An indefinite word that the corpus also writes with the article, or with the shape of an
    /// adjective (ـية، ـي): not a name.
    fn is_common_noun_or_adjective(&self, w: u32) -> bool {
        let form = self.form(w);
        form.ends_with("ية") || form.ends_with('ي') || self.is_attested(&format!("{}{form}", super::reader::ARTICLE)) || self.is_given_name(form)
    }
}
