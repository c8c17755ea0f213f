//! What a single word looks like: a given name, a link inside a name, a verb, a plural or
//! demonym, a nisba adjective, page furniture. The detectors ask these questions before they
//! take a word into a name, and [`Reader::is_plausible`] asks them of every candidate, so that
//! whatever a detector finds, the list never holds a lone given name, a particle, a verb, a
//! plural, boilerplate or a number.

use std::ops::Range;

use super::reader::{ARTICLE, Reader};

/// Fathatan: tanween on a word in press text marks an adverb or an indefinite accusative
/// (محذرًا، أيضًا، رسميًا), never a proper name.
const TANWEEN_FATH: char = '\u{064B}';

/// Prefixes of the imperfective verb (he/she/we), and of the future (سـ).
const IMPERFECTIVE: [char; 3] = ['ي', 'ت', 'ن'];

impl Reader<'_> {
    /// The word as a name would be keyed: its first word without proclitics, others as they are.
    fn bare(&self, w: u32, first: bool) -> String {
        if first { self.first_word(w).bare } else { self.form(w).to_string() }
    }

    /// A common given name, or one joined to عبد (عبدالله، عبدالرحمن).
    pub fn is_given_name(&self, form: &str) -> bool {
        self.lists.given_names.contains(form) || (form.starts_with("عبد") && form.chars().count() > 4)
    }

    /// A word that joins the parts of a name: عبد، بن، أبو، آل.
    pub fn is_link(&self, form: &str) -> bool {
        self.lists.name_links.contains(form)
    }

    /// A title, with or without the article and proclitics (الرئيس، ووزير).
    pub fn is_title_word(&self, form: &str) -> bool {
        self.in_list(&self.lists.titles, form)
    }

    pub fn is_boilerplate(&self, form: &str) -> bool {
        self.in_list(&self.lists.boilerplate, form)
    }

    /// A nisba adjective with the article: الروسي، الأمريكية، الخارجية.
    pub fn is_nisba(&self, w: u32) -> bool {
        let form = self.form(w);
        self.is_definite(w) && form.chars().count() >= 5 && (form.ends_with('ي') || form.ends_with("ية") || form.ends_with("يه"))
    }

    /// Whether word `w` looks like a verb or an adverbial participle: listed (قال، مشددا), with
    /// tanween (محذرًا), with the future prefix (سيقوم), a plural past (أكدوا), or an imperfective
    /// whose other persons the corpus also writes (يشير beside تشير).
    pub fn looks_like_verb(&self, w: u32) -> bool {
        if self.is_latin(w) {
            return false;
        }
        let form = self.form(w);
        if self.in_list(&self.lists.verbs, form) || self.original(w).contains(TANWEEN_FATH) {
            return true;
        }
        // Conjunctions come before the verb prefixes: وسيقوم، فيقول.
        let cores = std::iter::once(form).chain(["و", "ف"].iter().filter_map(|p| form.strip_prefix(p)));
        for core in cores {
            let letters: Vec<char> = core.chars().collect();
            if letters.len() < 4 {
                continue;
            }
            // سيقوم، ستكون، سنعمل, when the corpus has the verb without the future (يقوم): سيرغي is
            // a name.
            if letters[0] == 'س' && IMPERFECTIVE.contains(&letters[1]) && letters.len() >= 5 && self.is_attested(&core['س'.len_utf8()..]) {
                return true;
            }
            // أكدوا، قالوا: a name ends in وا only in a few foreign place names.
            if core.ends_with("وا") && letters.len() >= 5 && !core.starts_with(ARTICLE) {
                return true;
            }
            // يتناول، تستخدم: imperfectives of the derived forms (not نت: نتنياهو).
            if letters.len() >= 5 && matches!(letters[0], 'ي' | 'ت') && (letters[1] == 'ت' || (letters[1] == 'س' && letters[2] == 'ت')) {
                return true;
            }
            if IMPERFECTIVE.contains(&letters[0]) {
                let stem: String = letters[1..].iter().collect();
                // يقولون، تشهدان: imperfective with a plural or dual ending.
                if letters.len() >= 5 && (core.ends_with("ون") || core.ends_with("ان")) && !self.lists.given_names.contains(core) {
                    return true;
                }
                let other_persons = IMPERFECTIVE
                    .iter()
                    .filter(|&&p| p != letters[0])
                    .any(|p| ["", "و", "ف"].iter().any(|c| self.is_attested(&format!("{c}{p}{stem}"))));
                if other_persons && stem.chars().count() >= 3 && !self.lists.given_names.contains(core) {
                    return true;
                }
            }
        }
        false
    }

    /// A noun or verb with a pronoun suffix (نائبه، تحياته، حفظه): the suffix ه, ها, هم or هما as
    /// written (not a ة the profile may fold to ه) on a stem the corpus writes without it.
    pub fn has_pronoun_suffix(&self, w: u32) -> bool {
        let letters = self.letters(w);
        // تحياته، تصريحاتها، وتمنياتهما: a plural in ات with a suffix, whatever the corpus has.
        if ["اته", "اتها", "اتهم", "هما"].iter().any(|s| letters.ends_with(s)) {
            return true;
        }
        if !letters.ends_with('ه') && !letters.ends_with("هم") {
            return false;
        }
        let form = self.form(w);
        self.without_proclitics(form).any(|core| {
            ["هما", "هم", "ها", "ه"].iter().filter_map(|s| core.strip_suffix(s)).any(|stem| {
                let stem_t = stem.strip_suffix('ت').map(|s| format!("{s}ة"));
                stem.chars().count() >= 3
                    && (self.is_attested(stem) || self.is_attested(&format!("{ARTICLE}{stem}")) || stem_t.is_some_and(|s| self.is_attested(&s)))
            })
        })
    }

    /// A plural or a demonym: a nisba plural (الحوثيين، فلسطينيون) or a definite participle plural
    /// (المسلحين، المتظاهرون). Names of that shape exist (البحرين) but are rare beside them.
    pub fn is_plural_or_demonym(&self, w: u32) -> bool {
        let form = self.form(w);
        let count = form.chars().count();
        if (form.ends_with("يين") || form.ends_with("يون")) && count >= 6 {
            return true;
        }
        let Some(bare) = form.strip_prefix(ARTICLE).filter(|_| self.is_definite(w)).or_else(|| form.strip_prefix("لل")) else { return false };
        bare.starts_with('م') && (bare.ends_with("ون") || bare.ends_with("ين")) && bare.chars().count() >= 6
    }

    /// A word that tells nothing about a name by itself: a function word, given name, link,
    /// title, title adjective, or one of the head nouns.
    fn is_common(&self, w: u32, first: bool) -> bool {
        let form = self.bare(w, first);
        let lists = &self.lists;
        self.is_stopword(&form)
            || self.is_given_name(&form)
            || self.is_link(&form)
            || self.is_title_word(&form)
            || lists.title_adjectives.contains(&form)
            || lists.portfolios.contains(&form)
            || self.in_list(&lists.organisation_heads, &form)
            || self.in_list(&lists.place_heads, &form)
    }

    /// Whether a word can be part of any name at all: readable, no digits, not a function word,
    /// verb, plural or demonym, suffixed noun or page furniture. The first word of a name is also
    /// judged without its proclitics (لصالح is ل + صالح, and a stopword either way).
    pub fn can_be_in_name(&self, w: u32, first: bool) -> bool {
        let words = self.name_words.get_or_init(|| (0..self.word_count()).map(|w| self.judge_name_word(w)).collect());
        words[w as usize]
            && !(first && {
                let bare = self.first_word(w).bare;
                self.is_stopword(&bare) || self.is_boilerplate(&bare)
            })
    }

    fn judge_name_word(&self, w: u32) -> bool {
        let form = self.form(w);
        self.is_readable(w)
            && !self.is_stopword(form)
            && !self.looks_like_verb(w)
            && !self.has_pronoun_suffix(w)
            && !self.is_plural_or_demonym(w)
            && !self.is_boilerplate(form)
            && !self.original(w).chars().any(|c| c.is_ascii_digit() || crate::chars::is_digit(c))
    }

    /// The checks every suggestion passes, whatever found it: each word can be in a name, one
    /// script throughout, not every word common, not a lone given name, link or nisba
    /// adjective, and no link at the end (محمد بن).
    pub fn is_plausible(&self, words: Range<u32>) -> bool {
        if words.is_empty() || !words.clone().enumerate().all(|(i, w)| self.can_be_in_name(w, i == 0)) {
            return false;
        }
        let latin = self.is_latin(words.start);
        if words.clone().any(|w| self.is_latin(w) != latin) {
            return false;
        }
        if latin {
            return true;
        }
        // Given names joined by a link are a full name (محمد بن سلمان); other common words
        // together are not (الرئيس محمد، في هذا).
        let linked = (words.start + 1..words.end - 1).any(|w| self.is_link(self.form(w)));
        if !linked && words.clone().enumerate().all(|(i, w)| self.is_common(w, i == 0)) {
            return false;
        }
        let last = words.end - 1;
        if self.is_link(&self.bare(last, last == words.start)) {
            return false;
        }
        // A lone adjective (الأمريكي) describes; a name in one word is found after a title.
        !(words.len() == 1 && self.is_nisba(words.start))
    }
}
