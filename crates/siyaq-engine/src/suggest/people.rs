//! People: a name after a title or role (الرئيس الفرنسي إيمانويل ماكرون، وزير خارجية روسيا
//! سيرغي لافروف) or a byline (بقلم), and a given name followed by a family name that carries the
//! article or a link (نوري المالكي، محمد بن سلمان، عبد الفتاح البرهان). The name is read in
//! one way for both ([`Reader::person_name`]), so it is always kept whole: a given name alone is
//! never a suggestion, and a family name with the article ends the name rather than stopping it.

use rustc_hash::FxHashMap;

use super::reader::{ARTICLE, Gap, PROCLITICS, Reader};
use super::{Found, SuggestionReason};

/// The most words of a person's name: سلمان بن عبد العزيز آل سعود.
const MAX_NAME_WORDS: u32 = 5;
/// The most words between a trigger and the name (وزير الخارجية الأمريكي الأسبق لدى ...).
const MAX_TITLE_WORDS: u32 = 6;

/// Links that open a name (عبد الله، أبو مازن); بن and آل open a family name, not a person's.
const OPENING_LINKS: [&str; 2] = ["عبد", "أبو"];

/// Strengths (see [`super::confidence`]): a title before one word (الرئيس تبون) can be
/// followed by a common noun the lists miss; before a name of two words or more it seldom is.
const AFTER_TITLE_ONE_WORD: f32 = 0.6;
const AFTER_TITLE_FULL_NAME: f32 = 0.75;
/// A given name and a family name with the article: حسن النية has that shape too, so less
/// than after a title unless the family name is a nisba in ـي or a link joins the parts.
const GIVEN_AND_FAMILY: f32 = 0.5;
const GIVEN_AND_FAMILY_CLEAR: f32 = 0.65;

/// What follows a trigger word.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Trigger {
    /// A title: indefinite ones (وزير، رئيس) are in construct and need a complement first.
    Title { definite: bool },
    Byline,
}

/// A person's name as read from its first word.
#[derive(Clone, Copy, Default)]
pub(super) struct PersonName {
    /// How many words; 0 when there is no name, or it runs into a known mention, which it is
    /// then most likely part of (فلاديمير before a known بوتين).
    pub len: u32,
    /// It ends in a family name with the article (المالكي، البرهان).
    pub definite_family: bool,
    /// That family name is a nisba in ـي (المالكي، الغنوشي).
    pub nisba_family: bool,
    /// A link joins its parts (بن، آل، أبو، عبد).
    pub linked: bool,
}

impl Reader<'_> {
    /// Names after titles and bylines.
    pub(super) fn by_title(&self) -> Vec<Found> {
        let mut found = Vec::new();
        for w in 0..self.word_count() {
            if !self.is_readable(w) || self.is_known(w) {
                continue;
            }
            let Some(trigger) = self.trigger(w) else { continue };
            let Some(start) = self.name_start(w, trigger) else { continue };
            let name = self.person_name(start, true);
            if name.len > 0 {
                let word = self.spelling(w..w + 1);
                let strength = if name.len > 1 { AFTER_TITLE_FULL_NAME } else { AFTER_TITLE_ONE_WORD };
                found.push(Found { words: start..start + name.len, reason: SuggestionReason::Trigger { word }, strength });
            }
        }
        self.trim_to_shared_words(&mut found);
        found
    }

    /// Given names followed by a family name with the article (نوري المالكي) or joined by a
    /// link (محمد بن سلمان), without a title before them.
    pub(super) fn by_person_name(&self) -> Vec<Found> {
        let mut found = Vec::new();
        let mut w = 0;
        while w < self.word_count() {
            // The list lookups first: they are cheap, and rule out nearly every word.
            let listed = {
                let form = self.form(w);
                self.in_list(&self.lists.given_names, form) || self.in_list(&self.lists.name_links, form) || form.contains("عبد")
            };
            let opens = listed && self.is_readable(w) && !self.is_known(w) && !self.is_latin(w) && {
                let first = self.first_word(w).bare;
                self.is_given_name(&first) || (self.is_link(&first) && OPENING_LINKS.iter().any(|l| self.index.analyzer().normalize(l) == first))
            };
            if !opens {
                w += 1;
                continue;
            }
            let name = self.person_name(w, false);
            if name.len >= 2 && (name.definite_family || name.linked) {
                let strength = if name.nisba_family || name.linked { GIVEN_AND_FAMILY_CLEAR } else { GIVEN_AND_FAMILY };
                found.push(Found { words: w..w + name.len, reason: SuggestionReason::PersonName, strength });
                w += name.len;
            } else {
                w += 1;
            }
        }
        found
    }

    /// Whether word `w` is a title or byline, through its proclitics.
    fn trigger(&self, w: u32) -> Option<Trigger> {
        let form = self.form(w);
        let lists = &self.lists;
        if lists.bylines.contains(form) {
            return Some(Trigger::Byline);
        }
        for p in std::iter::once(&"").chain(PROCLITICS) {
            let Some(rest) = form.strip_prefix(p) else { continue };
            if lists.titles.contains(rest) {
                return Some(Trigger::Title { definite: false });
            }
            let definite_core = rest.strip_prefix(ARTICLE).or_else(|| rest.strip_prefix('ل').filter(|_| p.ends_with('ل')));
            if definite_core.is_some_and(|core| lists.titles.contains(core)) && self.is_definite(w) {
                return Some(Trigger::Title { definite: true });
            }
        }
        None
    }

    /// Where the name introduced by the trigger at `trigger_at` starts, past the title's
    /// adjectives and complements; `None` when no name follows, or a known one does.
    fn name_start(&self, trigger_at: u32, trigger: Trigger) -> Option<u32> {
        let mut needs_complement = trigger == Trigger::Title { definite: false };
        // After an adjective or complement, a comma may set the name off in apposition
        // (المستشار الألماني، أولاف شولتز).
        let mut modified = false;
        let mut at = trigger_at + 1;
        while at < self.word_count() && at - trigger_at <= MAX_TITLE_WORDS {
            match (self.gap_before(at), trigger) {
                (Gap::Space, _) => {}
                (Gap::Colon, Trigger::Byline) if at == trigger_at + 1 => return Some(at),
                (Gap::Comma, _) if modified && !needs_complement => return Some(at),
                _ => return None,
            }
            if !self.is_readable(at) {
                return None;
            }
            if let Some(end) = self.known_end[at as usize] {
                // A known name is the complement (رئيس كازاخستان، السفير لدى كازاخستان), or it is the
                // name the title introduces, which needs no suggestion.
                if !needs_complement {
                    return None;
                }
                at = self.past_conjoined_known(end);
                needs_complement = false;
                modified = true;
                continue;
            }
            let form = self.form(at);
            let lists = &self.lists;
            if let Some(Trigger::Title { definite }) = self.trigger(at) {
                // نائب وزير الخارجية، نائب الرئيس.
                needs_complement = !definite;
                modified |= definite;
            } else if needs_complement {
                if self.is_definite(at) && !self.is_stopword(form) {
                    // رئيس الوزراء، وزير الخارجية.
                    needs_complement = false;
                    modified = true;
                } else if !lists.portfolios.contains(form) {
                    // وزير خارجية روسيا: the portfolio takes the complement in turn.
                    return None;
                }
            } else if lists.title_connectors.contains(form) {
                needs_complement = true;
            } else if self.is_title_adjective(at) {
                modified = true;
            } else {
                return Some(at);
            }
            at += 1;
        }
        None
    }

    /// The word after a known mention, and after the known mentions joined to it by و
    /// (السفير السابق لدى أوكرانيا وأوزبكستان جون هيربست).
    fn past_conjoined_known(&self, mut end: u32) -> u32 {
        while end < self.word_count() && self.joined(end) && self.form(end).starts_with('و') && self.known_end[end as usize].is_some() {
            end = self.known_end[end as usize].unwrap_or(end + 1);
        }
        end
    }

    /// An adjective after a title: a nisba adjective with the article (الروسي، الأمريكية) or one of
    /// a short list (السابق، الأول).
    fn is_title_adjective(&self, w: u32) -> bool {
        let form = self.form(w);
        if self.is_stopword(form) {
            return false;
        }
        self.is_nisba(w) || self.lists.title_adjectives.contains(form)
    }

    /// The person's name that starts at word `start`: words that look like parts of a name, a
    /// link taking the word after it (عبد الفتاح، بن سلمان), and at most one family name with the
    /// article, which ends the name. A name does not open with the article, mix scripts, or run
    /// into a title, function word, verb or common noun. After a title the family name may follow
    /// any name word (نافع الديب); elsewhere it needs a given name or link before it, or to be a
    /// nisba (محمد شياع السوداني).
    pub(super) fn person_name(&self, start: u32, after_title: bool) -> PersonName {
        let mut name = PersonName::default();
        // After a link the next word belongs to the name whatever it looks like (عبد الله).
        let mut needs_part = false;
        let mut given_before = false;
        // Words after a link and its part: none after بن سلمان unless another link, one after
        // عبد المجيد (a given name: عبد المجيد تبون), then the sentence.
        let mut after_link = 0;
        let mut link_opens_given = false;
        while name.len < MAX_NAME_WORDS && start + name.len < self.word_count() {
            let w = start + name.len;
            let first = name.len == 0;
            if !first && !self.joined(w) {
                break;
            }
            if self.is_known(w) {
                return PersonName::default();
            }
            if !self.is_readable(w) || (!first && self.is_latin(w) != self.is_latin(start)) {
                break;
            }
            if self.is_latin(w) {
                name.len += 1;
                continue;
            }
            let form = if first { self.first_word(w).bare } else { self.form(w).to_string() };
            if !first && !needs_part && self.starts_next_phrase(w) {
                break;
            }
            if !self.can_be_in_name(w, first) || self.trigger(w).is_some() || self.lists.title_connectors.contains(&form) || self.lists.portfolios.contains(&form) {
                break;
            }
            if self.is_link(&form) {
                name.linked = true;
                needs_part = true;
                given_before = true;
                after_link = 0;
                link_opens_given = OPENING_LINKS.iter().any(|l| self.index.analyzer().normalize(l) == form);
                name.len += 1;
                continue;
            }
            if self.is_definite(w) {
                if name.linked && !needs_part && after_link >= 1 {
                    break;
                }
                let nisba = form.ends_with('ي') && form.chars().count() >= 5;
                // السابق، الأول after a name describe the person; والده is و + الد + ه.
                if first || (!needs_part && (self.lists.title_adjectives.contains(&form) || !form.starts_with(ARTICLE))) {
                    break;
                }
                // معركة السيطرة، بايدن الاحتفاظ: a feminine noun or a verbal noun is no name.
                let family_like = !self.form(w - 1).ends_with('ة') && !looks_like_verbal_noun(&form);
                if !needs_part && !given_before && !(family_like && (nisba || after_title)) {
                    break;
                }
                // A feminine family name (الطراونة) follows a given name at once; elsewhere ة
                // ends an adjective (توكاييف السخيفة).
                if !needs_part && form.ends_with('ة') && !(self.is_given_name(self.form(w - 1)) || self.is_definite(w - 1)) {
                    break;
                }
                name.len += 1;
                if needs_part {
                    // عبد الفتاح: the article belongs to the given name.
                    needs_part = false;
                    after_link = if link_opens_given { 0 } else { 1 };
                    continue;
                }
                name.definite_family = true;
                name.nisba_family = nisba;
                break;
            }
            if !needs_part && self.is_common_noun(&form) && !self.is_given_name(&form) {
                break;
            }
            if name.linked {
                if !needs_part && after_link >= 1 {
                    break;
                }
                after_link += if needs_part && link_opens_given { 0 } else { 1 };
            }
            given_before |= self.is_given_name(&form);
            needs_part = false;
            name.len += 1;
        }
        // A link with nothing after it is not part of the name (محمد بن، then a comma).
        while name.len > 1 && self.is_link(self.form(start + name.len - 1)) {
            name.len -= 1;
        }
        name
    }

    /// Whether a word after the first of a name opens the next phrase with a proclitic: a
    /// conjunction or preposition on a word the corpus also writes without it (ونزارباييف، لكييف),
    /// or the preposition ل before a consonant (لتفريق), since transliterated names that start
    /// with ل nearly always go on with a vowel letter (لافروف، لوكاشينكو).
    pub(super) fn starts_next_phrase(&self, w: u32) -> bool {
        if self.is_latin(w) {
            return false;
        }
        let mut letters = self.form(w).chars();
        let preposition_lam = letters.next() == Some('ل') && letters.next().is_some_and(|c| !"اأإآويى".contains(c));
        preposition_lam || self.first_word(w).proclitic_letters > 0
    }

    /// Whether the corpus also writes the word, once proclitics and a pronoun suffix are set
    /// aside, with the article: then it is a common noun (بجيش بلاده: الجيش، البلاد), since names
    /// rarely take the article.
    fn is_common_noun(&self, form: &str) -> bool {
        let stems = self.without_proclitics(form);
        stems.flat_map(without_pronoun_suffix).any(|stem| stem.chars().count() >= 3 && self.is_attested(&format!("{ARTICLE}{stem}")))
    }

    /// Where one name is introduced several times, the words its introductions share are the
    /// name and the words after them belong to the sentence: الرئيس توكاييف، and الرئيس توكاييف
    /// حل البرلمان give توكاييف. Names that share only a given name or a link (الرئيس عبد الفتاح
    /// السيسي، الرئيس عبد المجيد تبون) are different people and are left whole.
    fn trim_to_shared_words(&self, found: &mut [Found]) {
        let mut shared: FxHashMap<String, Vec<String>> = FxHashMap::default();
        for f in found.iter() {
            let words = self.key_words(f.words.clone());
            shared
                .entry(words[0].clone())
                .and_modify(|prefix| {
                    let common = prefix.iter().zip(&words).take_while(|(a, b)| a == b).count();
                    prefix.truncate(common);
                })
                .or_insert(words);
        }
        for f in found.iter_mut() {
            let prefix = &shared[&self.first_word(f.words.start).bare];
            let last = &prefix[prefix.len() - 1];
            if self.is_given_name(last) || self.is_link(last) {
                continue;
            }
            f.words.end = f.words.start + prefix.len() as u32;
            if prefix.len() == 1 {
                f.strength = f.strength.min(AFTER_TITLE_ONE_WORD);
            }
        }
    }
}

/// A definite verbal noun of the derived forms (الاحتفاظ، الاستمرار، التشكيل): ال, then ا or ت,
/// and a long vowel before the last letter.
fn looks_like_verbal_noun(form: &str) -> bool {
    let Some(bare) = form.strip_prefix(ARTICLE) else { return false };
    let letters: Vec<char> = bare.chars().collect();
    let n = letters.len();
    n >= 5 && ((letters[0] == 'ا' && letters[n - 2] == 'ا') || (letters[0] == 'ت' && letters[n - 2] == 'ي'))
}

/// `word` as it is, and without a third-person pronoun suffix if it has one (بلاده: بلاد,
/// حكومته: حكومة).
fn without_pronoun_suffix(word: &str) -> Vec<String> {
    let mut stems = vec![word.to_string()];
    for suffix in ["ه", "ها", "هم", "هما", "هن"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            stems.push(stem.to_string());
            if let Some(feminine) = stem.strip_suffix('ت') {
                stems.push(format!("{feminine}ة"));
            }
        }
    }
    stems
}
