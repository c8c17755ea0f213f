//! The index read word by word, as the detectors need it: forms, spellings, what separates two
//! words, proclitics on a name's first word, and which words known mentions cover.

use std::ops::Range;

use crate::chars::{TATWEEL, is_arabic_letter, is_default_ignorable, is_mark};
use crate::index::Index;
use crate::entities::Mention;

use super::lists::WordLists;

/// Proclitic chains, longest first so that ولفلاديمير loses ول before و is tried.
pub(super) const PROCLITICS: &[&str] = &crate::clitics::PROCLITIC_CHAINS;

pub(super) const ARTICLE: &str = "ال";
/// How a word with the article opens: after a proclitic, and with ل + ال merged to لل.
const ARTICLE_OPENINGS: &[&str] = &["ال", "وال", "فال", "بال", "كال", "وبال", "فبال", "وكال", "فكال", "لل", "ولل", "فلل"];

/// The most words of a name restated in brackets after another: (CSTO), (الناتو).
const MAX_RESTATEMENT_WORDS: u32 = 4;

/// How the first word of a name carries its proclitics.
pub(super) struct FirstWord {
    /// Its normalized form without them.
    pub bare: String,
    /// How many letters they take at its start.
    pub proclitic_letters: usize,
    /// ل + ال was written لل: the article goes back in front of the bare word.
    pub article_restored: bool,
}

/// What separates two neighbouring words.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Gap {
    Space,
    Comma,
    Colon,
    /// A hyphen between two Latin words (Jean-Pierre).
    LatinHyphen,
    /// Any other punctuation, a line break or a document boundary.
    Break,
}

/// The index with the known mentions and word lists.
pub(super) struct Reader<'a> {
    pub index: &'a Index,
    /// For each word covered by a known mention, the word just past that mention.
    pub known_end: Vec<Option<u32>>,
    pub lists: WordLists,
    /// For each word, whether it can be part of a name at all (see [`Reader::can_be_in_name`]):
    /// every detector asks, some many times, and the answer takes vocabulary lookups.
    pub name_words: std::cell::OnceCell<Vec<bool>>,
}

impl<'a> Reader<'a> {
    pub fn new(index: &'a Index, known: &[Mention]) -> Reader<'a> {
        let mut reader = Reader { index, known_end: vec![None; index.words().len()], lists: WordLists::new(index), name_words: std::cell::OnceCell::new() };
        for mention in known {
            let end = reader.past_restatement(mention.hit.word + mention.hit.len);
            for w in mention.hit.word..end {
                reader.known_end[w as usize] = Some(end);
            }
        }
        reader
    }

    /// The word after the brackets that open at once after a mention ending before word `end`,
    /// or `end` if none do. The mention finder folds a name restated there into the mention before
    /// it (منظمة معاهدة الأمن الجماعي (CSTO)), so the known mentions do not say whether the
    /// restatement is a known alias: it counts as part of the mention, and is not suggested.
    fn past_restatement(&self, end: u32) -> u32 {
        if !self.gap_text(end).is_some_and(|gap| gap.contains(['(', '['])) {
            return end;
        }
        let mut last = end;
        while last + 1 - end < MAX_RESTATEMENT_WORDS && self.joined(last + 1) {
            last += 1;
        }
        if self.text_after(last).contains([')', ']']) { last + 1 } else { end }
    }

    /// The text between word `w` and the next word of its document, or the document's end.
    pub fn text_after(&self, w: u32) -> &'a str {
        let document = &self.index.documents()[self.index.document_of(w)];
        let end = if w + 1 < document.words.end { self.index.word(w + 1).start as usize } else { document.text.len() };
        &document.text[self.index.word(w).span().end..end]
    }

    /// The text between word `w` and the word before it, if they are in one document.
    pub fn gap_text(&self, w: u32) -> Option<&'a str> {
        let starts_document = w == 0 || self.index.documents()[self.index.document_of(w)].words.start == w;
        (w < self.word_count() && !starts_document).then(|| self.text_after(w - 1))
    }

    pub fn word_count(&self) -> u32 {
        self.index.words().len() as u32
    }

    /// The normalized form of word `w`.
    pub fn form(&self, w: u32) -> &'a str {
        self.index.vocabulary().form(self.index.word(w).form)
    }

    pub fn original(&self, w: u32) -> &'a str {
        self.index.original(w..w + 1)
    }

    pub fn is_known(&self, w: u32) -> bool {
        self.known_end[w as usize].is_some()
    }

    pub fn is_attested(&self, form: &str) -> bool {
        self.index.vocabulary().id(form).is_some()
    }

    /// A word that can be read at all: counted (repeated titles are not) and not a number.
    pub fn is_readable(&self, w: u32) -> bool {
        self.index.word(w).is_counted() && self.original(w).chars().any(char::is_alphabetic)
    }

    pub fn is_latin(&self, w: u32) -> bool {
        let original = self.original(w);
        !original.chars().any(is_arabic_letter) && original.chars().any(char::is_alphabetic)
    }

    /// What separates word `w` from the word before it.
    pub fn gap_before(&self, w: u32) -> Gap {
        let Some(between) = self.gap_text(w) else { return Gap::Break };
        if between.contains(['\n', '\r', '\u{2029}']) {
            return Gap::Break;
        }
        let visible: String = between.chars().filter(|&c| !c.is_whitespace() && !is_default_ignorable(c)).collect();
        match visible.as_str() {
            "" => Gap::Space,
            "،" | "," => Gap::Comma,
            ":" => Gap::Colon,
            "-" | "\u{2010}" | "\u{2011}" if self.is_latin(w - 1) && self.is_latin(w) && between.len() == visible.len() => {
                Gap::LatinHyphen
            }
            _ => Gap::Break,
        }
    }

    /// Whether words `w - 1` and `w` belong to one phrase: only spaces between them.
    pub fn joined(&self, w: u32) -> bool {
        w < self.word_count() && self.gap_before(w) == Gap::Space
    }

    /// The letters of word `w` as written: marks, tatweel and invisible characters left out.
    pub fn letters(&self, w: u32) -> String {
        self.original(w).chars().filter(|&c| !is_mark(c) && c != TATWEEL && !is_default_ignorable(c)).collect()
    }

    /// Whether word `w` carries the article, after proclitics if any. Read on the original, since
    /// أل and إل (ألمانيا، إلهام) look like the article once hamza seats are normalized away.
    pub fn is_definite(&self, w: u32) -> bool {
        let letters = self.letters(w);
        // At least two letters after the article: بالي (Bali) and الي (إلى unhamzated) have none.
        ARTICLE_OPENINGS.iter().any(|opening| letters.strip_prefix(opening).is_some_and(|rest| rest.chars().count() >= 2))
    }

    /// The form and the form without each proclitic chain it may carry.
    pub fn without_proclitics<'f>(&self, form: &'f str) -> impl Iterator<Item = &'f str> {
        std::iter::once(form).chain(PROCLITICS.iter().filter_map(move |p| form.strip_prefix(p)))
    }

    /// Whether `form` is in `list`, as it is, after a proclitic, or without its article.
    pub fn in_list(&self, list: &rustc_hash::FxHashSet<String>, form: &str) -> bool {
        self.without_proclitics(form).any(|rest| list.contains(rest) || rest.strip_prefix(ARTICLE).is_some_and(|bare| list.contains(bare)))
            || form.strip_prefix("لل").is_some_and(|bare| list.contains(bare))
    }

    pub fn is_stopword(&self, form: &str) -> bool {
        let lists = &self.lists;
        lists.stopwords.contains(form) || PROCLITICS.iter().filter_map(|p| form.strip_prefix(p)).any(|rest| lists.stopwords.contains(rest))
    }

    /// The proclitics on the first word of a name, when they are clearly clitics: the rest of the
    /// word is how the corpus writes it elsewhere (لبوتين: بوتين), ل + ال is merged (للمجلس), or
    /// a tatweel follows them (لـبوتين).
    pub fn first_word(&self, w: u32) -> FirstWord {
        let form = self.form(w);
        let whole = FirstWord { bare: form.to_string(), proclitic_letters: 0, article_restored: false };
        if self.is_latin(w) {
            return whole;
        }
        for p in PROCLITICS {
            let Some(rest) = form.strip_prefix(p) else { continue };
            let letters = p.chars().count();
            let rest_letters = rest.chars().count();
            if p.ends_with('ل') && rest.starts_with('ل') && rest_letters > 3 {
                return FirstWord { bare: format!("{ARTICLE}{}", &rest['ل'.len_utf8()..]), proclitic_letters: letters + 1, article_restored: true };
            }
            if rest_letters < 3 {
                continue;
            }
            let tatweel_after = self.original(w).chars().filter(|c| !is_mark(*c)).nth(letters) == Some(TATWEEL);
            if tatweel_after || (self.is_attested(rest) && !self.letter_belongs_to_word(form, p)) {
                return FirstWord { bare: rest.to_string(), proclitic_letters: letters, article_restored: false };
            }
        }
        whole
    }

    /// As in query matching: a word whose first letter could be a proclitic, but which the corpus
    /// also writes with the article (الوزير), keeps that letter (وزير is not و + زير).
    fn letter_belongs_to_word(&self, form: &str, proclitic: &str) -> bool {
        let Some(first) = proclitic.chars().last() else { return false };
        let Some(rest) = form.strip_prefix(proclitic) else { return false };
        let word = format!("{first}{rest}");
        ["ال", "وال", "بال", "لل"].iter().any(|article| self.is_attested(&format!("{article}{word}")))
    }

    /// The normalized words of a name at `words`, its first word without proclitics: names found
    /// at different places are the same name when their keys are equal.
    pub fn key(&self, words: Range<u32>) -> String {
        let mut key = self.first_word(words.start).bare;
        for w in words.start + 1..words.end {
            key.push(' ');
            key.push_str(self.form(w));
        }
        key
    }

    /// The normalized words of a name at `words`, the first without proclitics, one by one.
    pub fn key_words(&self, words: Range<u32>) -> Vec<String> {
        let mut key = vec![self.first_word(words.start).bare];
        key.extend((words.start + 1..words.end).map(|w| self.form(w).to_string()));
        key
    }

    /// The name at `words` as written, without the proclitics of its first word.
    pub fn spelling(&self, words: Range<u32>) -> String {
        let text = self.index.original(words.clone());
        let first = self.first_word(words.start);
        if first.proclitic_letters == 0 {
            return text.to_string();
        }
        let rest = without_leading_letters(text, first.proclitic_letters);
        let spelled = if first.article_restored { format!("{ARTICLE}{rest}") } else { rest.to_string() };
        // Presentation forms could make letters and normalized letters disagree: then as written.
        let first_spelled = spelled.split_whitespace().next().unwrap_or("");
        if self.index.analyzer().normalize(first_spelled) == first.bare { spelled } else { text.to_string() }
    }
}

/// `text` without its first `letters` letters and the marks and tatweel that ride on them.
fn without_leading_letters(text: &str, letters: usize) -> &str {
    let mut seen = 0;
    for (at, c) in text.char_indices() {
        if is_mark(c) || c == TATWEEL || is_default_ignorable(c) {
            continue;
        }
        if seen == letters {
            return &text[at..];
        }
        seen += 1;
    }
    ""
}
