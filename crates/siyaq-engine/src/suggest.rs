//! Suggesting names that are not in the gazetteer yet, each with the occurrences that show it, so
//! that an analyst can add it in one click.
//!
//! Three detectors, each tuned for precision: a list full of junk costs the analyst more than a
//! missed name, which the concordance can still find.
//! - **Trigger words**: a title or role (الرئيس، وزير، السفير، المستشار ...) or a byline (بقلم),
//!   possibly followed by adjectives and complements (وزير الخارجية الأمريكي، السفير السابق لدى
//!   كازاخستان), then one to three words that look like a name.
//! - **Latin script**: a short run of Latin-script words inside the Arabic text (CSTO, Elbasy).
//! - **Repetition**: a phrase of two to four words, no function word or punctuation inside, that
//!   occurs at least three times.
//!
//! Words covered by a known mention are never suggested. A name found several ways is one
//! suggestion with every reason. Its evidence is every occurrence that an alias with its text
//! would count (clitics allowed on the first word, see [`alias_query`]), written as the name
//! (no punctuation inside, the same words once the first word's proclitics are set aside) and not
//! overlapping a known mention or a longer suggestion.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::chars::{TATWEEL, is_arabic_letter, is_default_ignorable, is_mark};
use crate::concordance::{Hit, search};
use crate::entities::{Mention, alias_query};
use crate::index::Index;

/// How a suggestion was found.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum SuggestionReason {
    /// After a title or byline: `word` is the trigger as written (its proclitics left out).
    Trigger { word: String },
    /// Written in Latin script inside the Arabic text.
    Latin,
    /// A phrase that recurs.
    Repeated,
}

impl SuggestionReason {
    /// Reasons of one kind (two trigger words, say) add no independent evidence.
    fn kind(&self) -> u8 {
        match self {
            SuggestionReason::Trigger { .. } => 0,
            SuggestionReason::Latin => 1,
            SuggestionReason::Repeated => 2,
        }
    }
}

/// A name that is not in the gazetteer yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    /// The name as it should be added as an alias: as the corpus spells it, without the
    /// proclitics (و ف ب ك ل) of its first word, with its article if the name has one.
    pub text: String,
    /// Every way it was found, without repeats: trigger words in the order first met, then Latin,
    /// then repetition.
    pub reasons: Vec<SuggestionReason>,
    /// How many times it occurs: the length of `evidence`, which is what the name would count as
    /// an alias (outside known mentions and longer suggestions).
    pub count: u32,
    /// Its occurrences, in corpus order.
    pub evidence: Vec<Hit>,
}

/// Names in `index` that no mention of `known` covers, best first: found in more ways, then more
/// often, then earlier in the corpus.
pub fn suggest(index: &Index, known: &[Mention]) -> Vec<Suggestion> {
    let reader = Reader::new(index, known);
    let mut found = reader.by_trigger();
    found.extend(reader.by_latin());
    found.extend(reader.by_repetition());
    reader.suggestions(found)
}

// ------------------------------------------------------------------------------------ word lists

/// Titles and roles, without the article: each triggers with or without it (السفير، سفير).
const TITLES: &[&str] = &[
    "رئيس", "رئيسة", "وزير", "وزيرة", "سفير", "سفيرة", "جنرال", "مستشار", "مستشارة", "متحدث",
    "متحدثة", "ناطق", "ناطقة", "نائب", "نائبة", "سيناتور", "كاتب", "كاتبة", "باحث", "باحثة",
    "أستاذ", "أستاذة", "دكتور", "دكتورة", "مراسل", "مراسلة", "محلل", "محللة", "خبير", "خبيرة",
    "مدير", "مديرة", "قائد", "زعيم", "زعيمة", "مبعوث", "مبعوثة", "مفوض", "مفوضة", "حاكم", "ملك",
    "أمير", "صحفي", "صحفية", "عقيد", "عميد", "مشير", "أدميرال",
];

/// Words that introduce an author: the name follows at once, after a colon if any.
const BYLINES: &[&str] = &["بقلم"];

/// Adjectives that may follow a title and are not nisba adjectives in ي/ية (those are recognised
/// by their ending).
const TITLE_ADJECTIVES: &[&str] = &[
    "السابق", "السابقة", "الأسبق", "الأسبقة", "الأول", "الأولى", "الجديد", "الجديدة", "العام",
    "العامة", "المشارك", "المشاركة", "المساعد", "المساعدة", "الأعلى", "المنتخب", "المنتخبة",
    "الراحل", "الراحلة", "الخاص", "الخاصة", "المكلف", "المكلفة",
];

/// Prepositions after which a title takes a complement: السفير لدى كازاخستان، المتحدث باسم الوزارة.
const TITLE_CONNECTORS: &[&str] = &["لدى", "باسم"];

/// Portfolios in construct with their complement: وزير خارجية روسيا، رئيس مجلس الوزراء.
const PORTFOLIOS: &[&str] = &[
    "خارجية", "دفاع", "داخلية", "مالية", "عدل", "اقتصاد", "طاقة", "أركان", "دولة", "مجلس",
    "حكومة", "جهاز", "وزراء",
];

/// Function words and the commonest verbs of reporting: never part of a name, and a name after a
/// title stops at them (وزير الخارجية أنتوني بلينكن أكد).
const STOPWORDS: &[&str] = &[
    // prepositions
    "في", "من", "إلى", "على", "عن", "مع", "لدى", "حتى", "منذ", "عند", "بين", "ضد", "نحو", "خلال",
    "حول", "دون", "عبر", "قبل", "بعد", "تحت", "فوق", "أمام", "وراء", "لدي", "بسبب", "رغم", "إزاء",
    "تجاه", "وسط", "ضمن", "لصالح", "باسم", "بشأن", "بالنسبة", "بحسب", "حسب", "وفق", "وفقا",
    // conjunctions and particles
    "و", "أو", "ثم", "أم", "بل", "لكن", "لكنه", "لكنها", "إلا", "إذا", "إذ", "لو", "لولا", "كي",
    "حيث", "بينما", "كما", "مثل", "عندما", "لما", "أن", "إن", "أنه", "أنها", "إنه", "إنها", "لأن",
    "كأن", "بأن", "بأنه", "فإن", "ما", "ماذا", "متى", "أين", "كيف", "لماذا", "هل", "قد", "لقد",
    "سوف", "لا", "لم", "لن", "ليس", "ليست", "يا", "أي", "أية", "فيما", "بما", "مما", "ممن",
    "كلما", "إنما", "أما", "إما", "سواء", "أيضا", "فقط", "جدا", "ربما", "مجرد", "عدم", "غير",
    "سوى", "ثمة", "هناك", "هنا", "الآن", "اليوم", "أمس", "غدا", "حاليا", "كذلك", "لذلك", "لذا",
    // pronouns, demonstratives, relatives
    "هو", "هي", "هم", "هما", "هن", "نحن", "أنا", "أنت", "أنتم", "هذا", "هذه", "هذان", "هاتان",
    "ذلك", "تلك", "هؤلاء", "أولئك", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي",
    "اللاتي", "له", "لها", "لهم", "به", "بها", "بهم", "منه", "منها", "منهم", "فيه", "فيها", "عنه",
    "عنها", "عليه", "عليها", "إليه", "إليها", "نفسه", "نفسها", "أنفسهم", "ذاته", "ذاتها",
    // quantifiers
    "كل", "بعض", "جميع", "كافة", "عدة", "أكثر", "أقل", "كلا", "كلتا", "نفس", "ذات", "أحد", "إحدى",
    "معظم", "أغلب", "مختلف", "سائر",
    // auxiliaries and verbs of reporting
    "كان", "كانت", "كانوا", "يكون", "تكون", "يكن", "تكن", "أصبح", "أصبحت", "بات", "باتت", "ظل",
    "ظلت", "صار", "قال", "قالت", "قالوا", "يقول", "تقول", "أكد", "أكدت", "يؤكد", "أضاف", "أضافت",
    "أشار", "أشارت", "يشير", "تشير", "لفت", "لفتت", "كتب", "كتبت", "ذكر", "ذكرت", "أعلن",
    "أعلنت", "اعتبر", "اعتبرت", "صرح", "صرحت", "دعا", "دعت", "حذر", "حذرت", "رأى", "يرى", "ترى",
    "أوضح", "أوضحت", "تابع", "تابعت", "شدد", "شددت", "وصف", "وصفت", "أراد", "يريد", "تريد",
    "أمر", "طالب", "طالبت", "نقل", "نقلت", "أفاد", "أفادت", "زار", "زارت", "التقى", "اجتمع",
    // time
    "يوم", "عام", "شهر", "أسبوع", "سنة", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس",
    "الجمعة", "السبت",
];

/// Proclitic chains, longest first so that ولفلاديمير loses ول before و is tried.
const PROCLITICS: &[&str] = &crate::clitics::PROCLITIC_CHAINS;

const ARTICLE: &str = "ال";
/// How a word with the article opens: after a proclitic, and with ل + ال merged to لل.
const ARTICLE_OPENINGS: &[&str] = &[
    "ال", "وال", "فال", "بال", "كال", "وبال", "فبال", "وكال", "فكال", "لل", "ولل", "فلل",
];

/// The most words of a name after a title: given name, middle name, family name.
const MAX_NAME_WORDS: u32 = 3;
/// The most words between a trigger and the name (وزير الخارجية الأمريكي الأسبق لدى ...).
const MAX_TITLE_WORDS: u32 = 6;
/// Longer Latin runs are quotations, not names.
const MAX_LATIN_WORDS: u32 = 4;
/// The most words of a name restated in brackets after another: (CSTO), (الناتو).
const MAX_RESTATEMENT_WORDS: u32 = 4;
/// Phrases of two words and up to four (منظمة معاهدة الأمن الجماعي) are counted for repetition.
const REPEATED_WORDS: Range<u32> = 2..5;
/// How often a phrase must occur to be suggested for its repetition alone.
const MIN_REPEATS: usize = 3;

/// The word lists, normalized as the index normalizes its words.
struct WordLists {
    titles: FxHashSet<String>,
    bylines: FxHashSet<String>,
    adjectives: FxHashSet<String>,
    connectors: FxHashSet<String>,
    portfolios: FxHashSet<String>,
    stopwords: FxHashSet<String>,
}

impl WordLists {
    fn new(index: &Index) -> WordLists {
        let normalized = |list: &[&str]| list.iter().map(|w| index.analyzer().normalize(w)).collect();
        WordLists {
            titles: normalized(TITLES),
            bylines: normalized(BYLINES),
            adjectives: normalized(TITLE_ADJECTIVES),
            connectors: normalized(TITLE_CONNECTORS),
            portfolios: normalized(PORTFOLIOS),
            stopwords: normalized(STOPWORDS),
        }
    }
}

// ------------------------------------------------------------------------------- reading words

/// An occurrence found by one detector.
struct Found {
    words: Range<u32>,
    reason: SuggestionReason,
}

/// How the first word of a name carries its proclitics.
struct FirstWord {
    /// Its normalized form without them.
    bare: String,
    /// How many letters they take at its start.
    proclitic_letters: usize,
    /// ل + ال was written لل: the article goes back in front of the bare word.
    article_restored: bool,
}

/// What separates two neighbouring words.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Gap {
    Space,
    Comma,
    Colon,
    /// A hyphen between two Latin words (Jean-Pierre).
    LatinHyphen,
    /// Any other punctuation, a line break or a document boundary.
    Break,
}

/// What follows a trigger word.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Trigger {
    /// A title: indefinite ones (وزير، رئيس) are in construct and need a complement first.
    Title { definite: bool },
    Byline,
}

/// The index with the known mentions and word lists, read word by word.
struct Reader<'a> {
    index: &'a Index,
    /// For each word covered by a known mention, the word just past that mention.
    known_end: Vec<Option<u32>>,
    lists: WordLists,
}

impl<'a> Reader<'a> {
    fn new(index: &'a Index, known: &[Mention]) -> Reader<'a> {
        let mut reader = Reader { index, known_end: vec![None; index.words().len()], lists: WordLists::new(index) };
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
    fn text_after(&self, w: u32) -> &'a str {
        let document = &self.index.documents()[self.index.document_of(w)];
        let end = if w + 1 < document.words.end { self.index.word(w + 1).start as usize } else { document.text.len() };
        &document.text[self.index.word(w).span().end..end]
    }

    /// The text between word `w` and the word before it, if they are in one document.
    fn gap_text(&self, w: u32) -> Option<&'a str> {
        let starts_document = w == 0 || self.index.documents()[self.index.document_of(w)].words.start == w;
        (w < self.word_count() && !starts_document).then(|| self.text_after(w - 1))
    }

    fn word_count(&self) -> u32 {
        self.index.words().len() as u32
    }

    fn form(&self, w: u32) -> &'a str {
        self.index.vocabulary().form(self.index.word(w).form)
    }

    fn original(&self, w: u32) -> &'a str {
        self.index.original(w..w + 1)
    }

    fn is_known(&self, w: u32) -> bool {
        self.known_end[w as usize].is_some()
    }

    fn is_attested(&self, form: &str) -> bool {
        self.index.vocabulary().id(form).is_some()
    }

    /// A word that can be read at all: counted (repeated titles are not) and not a number.
    fn is_readable(&self, w: u32) -> bool {
        self.index.word(w).is_counted() && self.original(w).chars().any(char::is_alphabetic)
    }

    fn is_latin(&self, w: u32) -> bool {
        let original = self.original(w);
        !original.chars().any(is_arabic_letter) && original.chars().any(char::is_alphabetic)
    }

    /// What separates word `w` from the word before it.
    fn gap_before(&self, w: u32) -> Gap {
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
    fn joined(&self, w: u32) -> bool {
        self.gap_before(w) == Gap::Space
    }

    /// The letters of word `w` as written: marks, tatweel and invisible characters left out.
    fn letters(&self, w: u32) -> String {
        self.original(w).chars().filter(|&c| !is_mark(c) && c != TATWEEL && !is_default_ignorable(c)).collect()
    }

    /// Whether word `w` carries the article, after proclitics if any. Read on the original, since
    /// أل and إل (ألمانيا، إلهام) look like the article once hamza seats are normalized away.
    fn is_definite(&self, w: u32) -> bool {
        let letters = self.letters(w);
        // At least two letters after the article: بالي (Bali) and الي (إلى unhamzated) have none.
        ARTICLE_OPENINGS.iter().any(|opening| letters.strip_prefix(opening).is_some_and(|rest| rest.chars().count() >= 2))
    }

    fn is_stopword(&self, form: &str) -> bool {
        let lists = &self.lists;
        lists.stopwords.contains(form)
            || PROCLITICS.iter().filter_map(|p| form.strip_prefix(p)).any(|rest| lists.stopwords.contains(rest))
    }

    /// The proclitics on the first word of a name, when they are clearly clitics: the rest of the
    /// word is how the corpus writes it elsewhere (لبوتين: بوتين), ل + ال is merged (للمجلس), or
    /// a tatweel follows them (لـبوتين).
    fn first_word(&self, w: u32) -> FirstWord {
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
    fn key(&self, words: Range<u32>) -> String {
        let mut key = self.first_word(words.start).bare;
        for w in words.start + 1..words.end {
            key.push(' ');
            key.push_str(self.form(w));
        }
        key
    }

    /// The name at `words` as written, without the proclitics of its first word.
    fn spelling(&self, words: Range<u32>) -> String {
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

// ------------------------------------------------------------------------------- trigger words

impl Reader<'_> {
    /// Names after titles and bylines.
    fn by_trigger(&self) -> Vec<Found> {
        let mut found = Vec::new();
        for w in 0..self.word_count() {
            if !self.is_readable(w) || self.is_known(w) {
                continue;
            }
            let Some(trigger) = self.trigger(w) else { continue };
            let Some(start) = self.name_start(w, trigger) else { continue };
            let len = self.name_length(start);
            if len > 0 {
                let word = self.spelling(w..w + 1);
                found.push(Found { words: start..start + len, reason: SuggestionReason::Trigger { word } });
            }
        }
        trim_to_shared_words(self, &mut found);
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
            } else if lists.connectors.contains(form) {
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
        while end < self.word_count()
            && self.joined(end)
            && self.form(end).starts_with('و')
            && self.known_end[end as usize].is_some()
        {
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
        self.is_nisba(w) || self.lists.adjectives.contains(form)
    }

    /// A nisba adjective with the article: الروسي، الأمريكية، الخارجية.
    fn is_nisba(&self, w: u32) -> bool {
        let form = self.form(w);
        self.is_definite(w) && form.chars().count() >= 5 && (form.ends_with('ي') || form.ends_with("ية") || form.ends_with("يه"))
    }

    /// How many words from `start` (at most three) look like a name; 0 when the name runs into a
    /// known mention, which it is then most likely part of (فلاديمير before a known بوتين).
    fn name_length(&self, start: u32) -> u32 {
        let mut len = 0;
        while len < MAX_NAME_WORDS && start + len < self.word_count() {
            let w = start + len;
            if len > 0 && (!self.joined(w) || self.starts_next_phrase(w)) {
                break;
            }
            if self.is_known(w) {
                return 0;
            }
            if !self.is_readable(w) || !self.looks_like_name_word(w) {
                break;
            }
            len += 1;
        }
        len
    }

    /// Whether a word after the first of a name opens the next phrase with a proclitic: a
    /// conjunction or preposition on a word the corpus also writes without it (ونزارباييف، لكييف),
    /// or the preposition ل before a consonant (لتفريق), since transliterated names that start
    /// with ل nearly always go on with a vowel letter (لافروف، لوكاشينكو).
    fn starts_next_phrase(&self, w: u32) -> bool {
        if self.is_latin(w) {
            return false;
        }
        let mut letters = self.form(w).chars();
        let preposition_lam = letters.next() == Some('ل') && letters.next().is_some_and(|c| !"اأإآويى".contains(c));
        preposition_lam || self.first_word(w).proclitic_letters > 0
    }

    /// A word that can be part of a name: not a function word, title or adjective, no article, and
    /// not a common noun (a word the corpus also writes with the article: قوات, since القوات).
    fn looks_like_name_word(&self, w: u32) -> bool {
        if self.is_latin(w) {
            return true;
        }
        let form = self.form(w);
        let lists = &self.lists;
        if self.is_definite(w)
            || self.is_stopword(form)
            || self.trigger(w).is_some()
            || lists.connectors.contains(form)
            || lists.portfolios.contains(form)
        {
            return false;
        }
        !self.is_common_noun(form)
    }

    /// Whether the corpus also writes the word, once proclitics and a pronoun suffix are set
    /// aside, with the article: then it is a common noun (بجيش بلاده: الجيش، البلاد), since names
    /// rarely take the article.
    fn is_common_noun(&self, form: &str) -> bool {
        let stems = std::iter::once(form).chain(PROCLITICS.iter().filter_map(|p| form.strip_prefix(p)));
        stems.flat_map(without_pronoun_suffix).any(|stem| stem.chars().count() >= 3 && self.is_attested(&format!("{ARTICLE}{stem}")))
    }
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

/// Where one name is introduced several times, the words its introductions share are the name
/// and the words after them belong to the sentence: الرئيس توكاييف، and الرئيس توكاييف حل البرلمان
/// give توكاييف.
fn trim_to_shared_words(reader: &Reader, found: &mut [Found]) {
    let forms = |f: &Found| -> Vec<String> {
        let mut words = vec![reader.first_word(f.words.start).bare];
        words.extend((f.words.start + 1..f.words.end).map(|w| reader.form(w).to_string()));
        words
    };
    let mut shared: FxHashMap<String, Vec<String>> = FxHashMap::default();
    for f in found.iter() {
        let words = forms(f);
        shared
            .entry(words[0].clone())
            .and_modify(|prefix| {
                let common = prefix.iter().zip(&words).take_while(|(a, b)| a == b).count();
                prefix.truncate(common);
            })
            .or_insert(words);
    }
    for f in found.iter_mut() {
        let len = shared[&reader.first_word(f.words.start).bare].len() as u32;
        f.words.end = f.words.start + len;
    }
}

// ----------------------------------------------------------------------------------- Latin script

impl Reader<'_> {
    /// Runs of Latin-script words within a phrase, up to [`MAX_LATIN_WORDS`].
    fn by_latin(&self) -> Vec<Found> {
        let usable = |w: u32| self.is_latin(w) && self.is_readable(w) && !self.is_known(w);
        let mut found = Vec::new();
        let mut w = 0;
        while w < self.word_count() {
            if !usable(w) {
                w += 1;
                continue;
            }
            let start = w;
            w += 1;
            while w < self.word_count() && usable(w) && matches!(self.gap_before(w), Gap::Space | Gap::LatinHyphen) {
                w += 1;
            }
            if w - start <= MAX_LATIN_WORDS {
                found.push(Found { words: start..w, reason: SuggestionReason::Latin });
            }
        }
        found
    }
}

// ------------------------------------------------------------------------------------- repetition

impl Reader<'_> {
    /// Phrases of two to four words that occur at least [`MIN_REPEATS`] times; a phrase is kept
    /// rather than a longer one containing it when the longer one is mostly the phrase plus a
    /// word of context.
    fn by_repetition(&self) -> Vec<Found> {
        let phrases = self.repeated_phrases();
        // Longest first, so a phrase's occurrences inside a longer suggestion are claimed by it.
        let mut order: Vec<&(u32, Vec<u32>)> = phrases.values().collect();
        crate::sorting::sort_by(&mut order, |(a_len, a_starts), (b_len, b_starts)| b_len.cmp(a_len).then(a_starts[0].cmp(&b_starts[0])));
        let mut claimed = vec![false; self.index.words().len()];
        let mut found = Vec::new();
        for (len, starts) in order {
            if self.mostly_context(*len, starts, &phrases) {
                continue;
            }
            let free: Vec<u32> = starts.iter().copied().filter(|&s| !(s..s + len).any(|w| claimed[w as usize])).collect();
            if free.len() < MIN_REPEATS {
                continue;
            }
            for &s in &free {
                (s..s + len).for_each(|w| claimed[w as usize] = true);
                found.push(Found { words: s..s + len, reason: SuggestionReason::Repeated });
            }
        }
        found
    }

    /// Every phrase that occurs often enough: its key, its length and where it starts.
    fn repeated_phrases(&self) -> FxHashMap<String, (u32, Vec<u32>)> {
        let usable: Vec<bool> = (0..self.word_count())
            .map(|w| self.is_readable(w) && !self.is_known(w) && !self.is_stopword(self.form(w)) && self.trigger(w).is_none())
            .collect();
        let mut phrases: FxHashMap<String, (u32, Vec<u32>)> = FxHashMap::default();
        for start in 0..self.word_count() {
            for len in REPEATED_WORDS {
                let end = start + len;
                if end > self.word_count()
                    || !(start..end).all(|w| usable[w as usize])
                    || !(start + 1..end).all(|w| self.joined(w))
                {
                    break;
                }
                if !self.is_described_noun(start..end) {
                    phrases.entry(self.key(start..end)).or_insert_with(|| (len, Vec::new())).1.push(start);
                }
            }
        }
        phrases.retain(|_, (_, starts)| starts.len() >= MIN_REPEATS);
        phrases
    }

    /// A definite noun and its nisba adjective (القوات الروسية، الغزو الروسي، الحدود الأوكرانية):
    /// the commonest phrase of Arabic prose, a description rather than a name. The names of this
    /// shape (الاتحاد الأوروبي) are given up for it; الأمم المتحدة، البيت الأبيض still qualify.
    fn is_described_noun(&self, words: Range<u32>) -> bool {
        let last = words.end - 1;
        words.clone().all(|w| self.is_definite(w)) && self.is_nisba(last)
    }

    /// Whether a phrase is a shorter repeated phrase plus context: it accounts for less than two
    /// thirds of the occurrences of a phrase it contains (إرسال قوات حفظ السلام: 3 of the corpus's 5
    /// قوات حفظ السلام), while a name holds on to its parts (منظمة معاهدة الأمن الجماعي: 10 of 11).
    fn mostly_context(&self, len: u32, starts: &[u32], phrases: &FxHashMap<String, (u32, Vec<u32>)>) -> bool {
        let start = starts[0];
        (2..len).any(|inner| {
            (start..=start + len - inner).any(|s| {
                phrases
                    .get(&self.key(s..s + inner))
                    .is_some_and(|(_, inner_starts)| starts.len() * 3 < inner_starts.len() * 2)
            })
        })
    }
}

// ------------------------------------------------------------------------- merging the findings

/// One name and what was found of it.
struct Candidate {
    key: String,
    reasons: Vec<SuggestionReason>,
    found: Vec<Hit>,
    len: u32,
}

impl Reader<'_> {
    /// Groups what the detectors found by name, gathers each name's evidence and orders them.
    fn suggestions(&self, found: Vec<Found>) -> Vec<Suggestion> {
        let mut candidates = self.group(found);
        // Longest first: where names overlap, the longer one has the words, as with entities.
        crate::sorting::sort_by(&mut candidates, |a, b| b.len.cmp(&a.len).then(a.found[0].cmp(&b.found[0])));
        let mut claimed = vec![false; self.index.words().len()];
        let mut suggestions = Vec::new();
        for candidate in candidates {
            let evidence: Vec<Hit> = self
                .evidence(&candidate)
                .into_iter()
                .filter(|hit| !hit.words().any(|w| claimed[w as usize]))
                .collect();
            let Some(&first) = evidence.first() else { continue };
            for hit in &evidence {
                hit.words().for_each(|w| claimed[w as usize] = true);
            }
            // Spelled as at an occurrence without proclitics if there is one.
            let spelled_at = evidence.iter().find(|h| self.first_word(h.word).proclitic_letters == 0).unwrap_or(&first);
            suggestions.push(Suggestion {
                text: self.spelling(spelled_at.words()),
                reasons: candidate.reasons,
                count: evidence.len() as u32,
                evidence,
            });
        }
        crate::sorting::sort_by(&mut suggestions, |a, b| {
            kinds(&b.reasons)
                .cmp(&kinds(&a.reasons))
                .then(b.count.cmp(&a.count))
                .then(a.evidence[0].cmp(&b.evidence[0]))
                .then(a.text.cmp(&b.text))
        });
        suggestions
    }

    /// The findings grouped by key, in the order first found.
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
            if !candidate.reasons.contains(&f.reason) {
                candidate.reasons.push(f.reason);
            }
            candidate.found.push(hit);
        }
        for candidate in &mut candidates {
            crate::sorting::sort(&mut candidate.found);
            candidate.found.dedup();
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

/// How many independent ways a suggestion was found.
fn kinds(reasons: &[SuggestionReason]) -> usize {
    let mut kinds: Vec<u8> = reasons.iter().map(SuggestionReason::kind).collect();
    crate::sorting::sort(&mut kinds);
    kinds.dedup();
    kinds.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::{EntityAliases, find_mentions};
    use crate::index::DocumentInput;
    use crate::normalize::Steps;
    use SuggestionReason::{Latin, Repeated};

    fn index(text: &str) -> Index {
        Index::build([DocumentInput { id: "d", text: text.into(), uncounted: vec![] }], Steps::default())
    }

    /// Mentions of entities given as lists of aliases.
    fn known(index: &Index, entities: &[&[&str]]) -> Vec<Mention> {
        let list: Vec<EntityAliases> = entities
            .iter()
            .enumerate()
            .map(|(i, aliases)| EntityAliases { id: format!("e{i}"), aliases: aliases.iter().map(|a| a.to_string()).collect(), context: vec![] })
            .collect();
        find_mentions(index, &list)
    }

    /// (text, reasons, count) of each suggestion, in order.
    fn listed(index: &Index, known: &[Mention]) -> Vec<(String, Vec<SuggestionReason>, u32)> {
        suggest(index, known).into_iter().map(|s| (s.text, s.reasons, s.count)).collect()
    }

    fn trigger(word: &str) -> SuggestionReason {
        SuggestionReason::Trigger { word: word.to_string() }
    }

    fn one(text: &str, reasons: Vec<SuggestionReason>, count: u32) -> (String, Vec<SuggestionReason>, u32) {
        (text.to_string(), reasons, count)
    }

    #[test]
    fn a_name_after_a_title_and_its_adjectives() {
        let idx = index("وقال الرئيس الفرنسي إيمانويل ماكرون إن الحرب طويلة.");
        assert_eq!(listed(&idx, &[]), [one("إيمانويل ماكرون", vec![trigger("الرئيس")], 1)]);
    }

    #[test]
    fn a_name_set_off_by_a_comma_after_the_title() {
        let idx = index("قال المستشار الألماني، أولاف شولتز، إن أوروبا موحدة.");
        assert_eq!(listed(&idx, &[]), [one("أولاف شولتز", vec![trigger("المستشار")], 1)]);
        // With no adjective the comma ends the phrase: what follows is not in apposition.
        let idx = index("وقال الرئيس، إيمانويل ماكرون يصل.");
        assert!(listed(&idx, &[]).is_empty());
    }

    #[test]
    fn a_title_in_construct_takes_its_complement_first() {
        let text = "التقى وزير الخارجية الأمريكي أنتوني بلينكن أمس. وقال وزير خارجية روسيا سيرغي لافروف إن \
                    السفير الأمريكي السابق لدى كازاخستان وليام كورتني قال ذلك.";
        let idx = index(text);
        let places = known(&idx, &[&["روسيا"], &["كازاخستان"]]);
        assert_eq!(
            listed(&idx, &places),
            [
                one("أنتوني بلينكن", vec![trigger("وزير")], 1),
                one("سيرغي لافروف", vec![trigger("وزير")], 1),
                one("وليام كورتني", vec![trigger("السفير")], 1),
            ]
        );
    }

    #[test]
    fn a_byline_names_its_author() {
        let idx = index("بقلم: إيمي ماكينون\nنص المقال.");
        assert_eq!(listed(&idx, &[]), [one("إيمي ماكينون", vec![trigger("بقلم")], 1)]);
    }

    #[test]
    fn a_name_stops_at_punctuation_function_words_and_the_next_phrase() {
        // A verb of reporting, a preposition on a word written elsewhere without it (لكييف), the
        // preposition ل before a consonant (لتفريق), a comma.
        let text = "أكد الرئيس بايدن لكييف دعمه. كييف مدينة. وطلب الرئيس يانوكوفيتش لتفريق الميدان. \
                    وأعلن الرئيس توكاييف، رئيس البلاد.";
        let idx = index(text);
        let texts: Vec<String> = listed(&idx, &[]).into_iter().map(|s| s.0).collect();
        assert_eq!(texts, ["بايدن", "يانوكوفيتش", "توكاييف"]);
        // Across a full stop there is no name at all.
        assert!(listed(&index("التقى الرئيس. ماكرون وصل."), &[]).is_empty());
    }

    #[test]
    fn words_that_introductions_do_not_share_are_left_out() {
        let idx = index("قال الرئيس توكاييف حل البرلمان. ثم ظهر الرئيس توكاييف.");
        assert_eq!(listed(&idx, &[]), [one("توكاييف", vec![trigger("الرئيس")], 2)]);
    }

    #[test]
    fn common_nouns_after_a_title_are_not_names() {
        // جيش is written الجيش elsewhere, بلاده is البلاد with a suffix.
        let idx = index("يشير إلى شكوك حول ثقة الرئيس بجيش بلاده. الجيش في البلاد.");
        assert!(listed(&idx, &[]).is_empty());
    }

    #[test]
    fn latin_runs_inside_arabic_text() {
        let text = "قال John Kirby إن Jean-Pierre Dupont وصل، ثم نشرت المنظمة (CSTO) قواتها. John. Kirby";
        let idx = index(text);
        assert_eq!(
            listed(&idx, &[]),
            [
                one("John Kirby", vec![Latin], 1),
                one("Jean-Pierre Dupont", vec![Latin], 1),
                one("CSTO", vec![Latin], 1),
                one("John", vec![Latin], 1),
                one("Kirby", vec![Latin], 1),
            ]
        );
        // A long run is a quotation, not a name.
        assert!(listed(&index("كتب: we shall never surrender to them"), &[]).is_empty());
    }

    #[test]
    fn a_phrase_is_suggested_from_three_occurrences() {
        let three = "قوات حفظ السلام وصلت. أرسلت قوات حفظ السلام. عادت قوات حفظ السلام.";
        assert_eq!(listed(&index(three), &[]), [one("قوات حفظ السلام", vec![Repeated], 3)]);
        let two = "قوات حفظ السلام وصلت. أرسلت قوات حفظ السلام.";
        assert!(listed(&index(two), &[]).is_empty());
    }

    #[test]
    fn a_phrase_plus_context_is_not_a_longer_name() {
        // إرسال قوات حفظ السلام is 3 of the 5 قوات حفظ السلام: the longer phrase is context.
        let text = "قرر إرسال قوات حفظ السلام. وبعد إرسال قوات حفظ السلام. يجب إرسال قوات حفظ السلام. \
                    وصلت قوات حفظ السلام. بقيت قوات حفظ السلام.";
        assert_eq!(listed(&index(text), &[]), [one("قوات حفظ السلام", vec![Repeated], 5)]);
    }

    #[test]
    fn a_noun_and_its_nisba_adjective_are_a_description() {
        let text = "القوات الروسية هنا. القوات الروسية هناك. القوات الروسية أيضا.";
        assert!(listed(&index(text), &[]).is_empty());
    }

    #[test]
    fn no_phrase_across_punctuation() {
        let text = "مجلس، الأمناء. مجلس: الأمناء. مجلس - الأمناء. مجلس\nالأمناء.";
        assert!(listed(&index(text), &[]).is_empty());
    }

    #[test]
    fn known_mentions_are_never_suggested() {
        let text = "قال الرئيس الروسي فلاديمير بوتين إن فلاديمير بوتين يرى أن فلاديمير بوتين \
                    قرر. ونشرت منظمة معاهدة الأمن الجماعي (CSTO) قواتها. وقال Putin ذلك.";
        let idx = index(text);
        let mentions = known(&idx, &[&["فلاديمير بوتين", "Putin"], &["منظمة معاهدة الأمن الجماعي", "CSTO"]]);
        assert!(listed(&idx, &mentions).is_empty());
        // Nor does a name overlap one: فلاديمير runs into a known بوتين, and فلاديمير بوتين is not
        // repeated without it.
        let mentions = known(&idx, &[&["بوتين"]]);
        let texts: Vec<String> = listed(&idx, &mentions).into_iter().map(|s| s.0).collect();
        assert_eq!(texts, ["CSTO", "Putin"]);
    }

    #[test]
    fn proclitics_leave_the_first_word() {
        // و before a word written without it elsewhere; لل is ل + ال and gives the article back.
        let text = "وقوات حفظ السلام وصلت. أرسلت قوات حفظ السلام. عادت قوات حفظ السلام. \
                    قال للبيت الأبيض. في البيت الأبيض. من البيت الأبيض.";
        let idx = index(text);
        let found = suggest(&idx, &[]);
        let texts: Vec<&str> = found.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["قوات حفظ السلام", "البيت الأبيض"]);
        let evidence: Vec<&str> = found[1].evidence.iter().map(|h| idx.original(h.words())).collect();
        assert_eq!(evidence, ["للبيت الأبيض", "البيت الأبيض", "البيت الأبيض"]);
        // A letter that belongs to the word stays: وزير is not و + زير.
        let idx = index("بقلم: وليد زير\nنص.");
        assert_eq!(listed(&idx, &[]), [one("وليد زير", vec![trigger("بقلم")], 1)]);
    }

    #[test]
    fn more_reasons_then_more_occurrences_then_corpus_order() {
        let text = "قال Wendy Sherman ذلك. ثم Wendy Sherman أيضا. وكذلك Wendy Sherman. \
                    حلف شمال الأطلسي. حلف شمال الأطلسي. حلف شمال الأطلسي. حلف شمال الأطلسي. \
                    بيت الخبرة واحد. بيت الخبرة اثنان. بيت الخبرة ثلاثة. \
                    مجلس الأمناء واحد. مجلس الأمناء اثنان. مجلس الأمناء ثلاثة.";
        let idx = index(text);
        let first = listed(&idx, &[]);
        assert_eq!(
            first,
            [
                one("Wendy Sherman", vec![Latin, Repeated], 3),
                one("حلف شمال الأطلسي", vec![Repeated], 4),
                one("بيت الخبرة", vec![Repeated], 3),
                one("مجلس الأمناء", vec![Repeated], 3),
            ]
        );
        assert_eq!(listed(&idx, &[]), first, "the same list every time");
    }
}
