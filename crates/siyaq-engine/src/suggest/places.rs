//! Places: the one or two words after a noun that introduces a place (مدينة حلب، محافظة ميسان،
//! العاصمة الخرطوم، منطقة الشرق الأوسط). The noun is left out of the name, as gazetteers and
//! annotators leave it out (حلب, not مدينة حلب), and a nisba after the name (الفاشر
//! السودانية) describes it rather than belongs to it.

use super::reader::{ARTICLE, Reader};
use super::{Found, SuggestionReason};

/// The most words of a place's name after its noun.
const MAX_PLACE_WORDS: u32 = 2;
/// See [`super::confidence`]: a noun like منطقة also comes before common nouns the lists miss.
const STRENGTH: f32 = 0.6;

impl Reader<'_> {
    /// Names after place nouns.
    pub(super) fn by_place(&self) -> Vec<Found> {
        let mut found = Vec::new();
        for w in 0..self.word_count() {
            // The list lookup first: it is cheap, and rules out nearly every word.
            if !self.in_list(&self.lists.place_heads, self.form(w)) || !self.is_readable(w) || self.is_known(w) || self.is_latin(w) {
                continue;
            }
            // Indefinite heads are in construct (مدينة حلب); definite ones only where the list has
            // them with the article (العاصمة الخرطوم): المدينة الجديدة is no name.
            let head = self.first_word(w).bare;
            if !self.lists.place_heads.contains(&head) || (self.is_definite(w) && !head.starts_with(ARTICLE)) {
                continue;
            }
            let definite = self.is_definite(w);
            // العاصمة السودانية الخرطوم: a definite noun may take an adjective before the name.
            let mut start = w + 1;
            if definite && self.joined(start) && self.is_nisba(start) {
                start += 1;
            }
            let len = self.place_name(start);
            if len > 0 {
                let head = self.spelling(w..w + 1);
                found.push(Found { words: start..start + len, reason: SuggestionReason::Place { head }, strength: STRENGTH });
            }
        }
        found
    }

    /// How many words from `start` name the place: a name (حلب، بورت سودان) or a definite noun
    /// (الخرطوم، الشرق الأوسط), never an adjective (منطقة عازلة، مدينة كبيرة) or a nisba.
    fn place_name(&self, start: u32) -> u32 {
        let mut len = 0;
        while len < MAX_PLACE_WORDS {
            let w = start + len;
            if !self.joined(w) || self.is_known(w) || !self.can_be_in_name(w, false) || self.is_latin(w) {
                break;
            }
            // لبيروت، وسلطة: a preposition or conjunction opens the next phrase.
            if self.starts_next_phrase(w) || (len > 0 && self.form(w).starts_with('و')) {
                break;
            }
            let form = self.form(w);
            if self.is_nisba(w) || self.is_title_word(form) || self.is_given_name(form) || self.lists.title_adjectives.contains(form) {
                break;
            }
            let definite = self.is_definite(w);
            // An indefinite word the corpus also writes with the article is a common noun or
            // adjective (منطقة عازلة when العازلة occurs too).
            if !definite && (form.ends_with("ية") || self.is_attested(&format!("{ARTICLE}{form}"))) {
                break;
            }
            if len > 0 && definite != self.is_definite(start) {
                break;
            }
            // Two words without the article are a compound name whose first part is short (سان
            // بيدرو، أديس أبابا، بورت سودان); after a longer one the sentence goes on (ميسان هدوء).
            if len > 0 && !definite && self.form(start).chars().count() > 4 {
                break;
            }
            len += 1;
        }
        len
    }
}
