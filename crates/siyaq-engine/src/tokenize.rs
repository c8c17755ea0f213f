//! Splitting original text into words, numbers and punctuation, each with its byte span.
//!
//! Spans always point into the text as written, so anything built on tokens (counts, hits,
//! highlighting) can show the original, diacritics and tatweel included.
//!
//! Rules beyond plain letter/digit runs, each answering a pitfall of Arabic press text:
//! - marks, tatweel and invisible joiners (ZWNJ, ZWJ, bidi controls) inside a word stay in it;
//!   leading and trailing invisibles (a BOM or RLM before the first word) are left out of it;
//! - an Arabic letter never runs into a digit: `و١٢` is `و` + `١٢`, `لـ100الف` is `لـ` `100` `الف`,
//!   while Latin letters and digits stay together (`G7`, `F16`);
//! - a dot joins letters only when both sides are single letters, so abbreviations such as
//!   `أ.ف.ب` stay whole while `د.محمد` splits into `د` `.` `محمد`;
//! - `.` `,` `٫` `٬` between two digits keep a number whole (`2.7`, `6,2`, `١٢٬٥٠٠`).

use std::ops::Range;

use crate::chars::{
    ARABIC_BLOCK_CLASS, BLOCK_LETTER, BLOCK_MARK, TATWEEL, is_arabic_letter, is_default_ignorable,
    is_digit, is_mark, is_number_joiner, is_word_letter,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    Word,
    Number,
    Punctuation,
    /// One or more line breaks: the end of a paragraph.
    ParagraphBreak,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    /// Byte range in the original text.
    pub span: Range<usize>,
}

impl Token {
    pub fn text<'t>(&self, source: &'t str) -> &'t str {
        &source[self.span.clone()]
    }

    /// Words and numbers are what a reader counts as words.
    pub fn is_lexical(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }

    /// Whether this token ends a sentence (full stop, question or exclamation mark, ellipsis, or
    /// the end of a paragraph).
    pub fn ends_sentence(&self, source: &str) -> bool {
        match self.kind {
            TokenKind::ParagraphBreak => true,
            TokenKind::Punctuation => matches!(self.text(source), "." | "!" | "?" | "؟" | "…" | "۔"),
            _ => false,
        }
    }
}

/// All tokens of `text`, in order.
pub fn tokenize(text: &str) -> Vec<Token> {
    Tokenizer::new(text).collect()
}

/// The number of words and numbers in `text`.
pub fn word_count(text: &str) -> usize {
    Tokenizer::new(text).filter(Token::is_lexical).count()
}

/// A streaming tokenizer over `text`; positions are byte offsets.
pub struct Tokenizer<'t> {
    text: &'t str,
    pos: usize,
}

impl<'t> Tokenizer<'t> {
    pub fn new(text: &'t str) -> Self {
        Tokenizer { text, pos: 0 }
    }

    fn char_at(&self, at: usize) -> Option<char> {
        self.text.get(at..).and_then(|rest| rest.chars().next())
    }

    /// The byte just past the char at `at`.
    fn after(&self, at: usize) -> usize {
        at + self.char_at(at).map_or(0, char::len_utf8)
    }

    /// The first position at or after `at` that is not a mark or invisible character.
    fn skip_attachments(&self, mut at: usize) -> usize {
        while let Some(c) = self.char_at(at) {
            if is_mark(c) || is_default_ignorable(c) {
                at += c.len_utf8();
            } else {
                break;
            }
        }
        at
    }

    /// Scans a word starting at `start` (a letter); returns the byte just past its last letter
    /// or mark.
    fn scan_word(&self, start: usize) -> usize {
        let mut at = self.after(start);
        let mut end = at; // just past the last char that belongs to the word
        let mut segment_letters = 1; // letters since the word start or the last joining dot
        let mut last_letter = self.char_at(start).unwrap_or(' ');
        loop {
            // Fast path: a run of two-byte Arabic letters and marks, read off a table.
            if is_arabic_letter(last_letter) || last_letter == TATWEEL {
                let bytes = self.text.as_bytes();
                while at + 1 < bytes.len() && (0xD8..=0xDB).contains(&bytes[at]) {
                    let slot = (((bytes[at] - 0xD8) as usize) << 6) | (bytes[at + 1] & 0x3F) as usize;
                    match ARABIC_BLOCK_CLASS[slot] {
                        BLOCK_LETTER => {
                            segment_letters += 1;
                            last_letter = char::from_u32(0x0600 + slot as u32).unwrap_or(last_letter);
                        }
                        BLOCK_MARK => {}
                        _ => break,
                    }
                    at += 2;
                    end = at;
                }
                // A space ends the word: nothing below would keep it.
                if self.text.as_bytes().get(at) == Some(&b' ') {
                    break;
                }
            }
            let Some(c) = self.char_at(at) else { break };
            let next = at + c.len_utf8();
            if is_mark(c) {
                at = next;
                end = at;
                continue;
            }
            if is_default_ignorable(c) {
                // Invisible characters belong to the word only when it goes on after them.
                let resume = self.skip_attachments(at);
                match self.char_at(resume) {
                    Some(n) if continues_word(last_letter, n) => {
                        at = resume;
                        continue;
                    }
                    _ => break,
                }
            }
            if continues_word(last_letter, c) {
                if is_word_letter(c) {
                    segment_letters += 1;
                }
                last_letter = c;
                at = next;
                end = at;
                continue;
            }
            if c == '.' && segment_letters == 1 && self.single_letter_follows(next) {
                segment_letters = 0;
                at = next;
                end = at;
                continue;
            }
            if (c == '\'' || c == '\u{2019}') && is_latin_letter(last_letter) && self.char_at(next).is_some_and(is_latin_letter) {
                // O'Brien, d'Estaing: an apostrophe between two Latin letters.
                at = next;
                end = at;
                continue;
            }
            break;
        }
        end
    }

    /// Whether exactly one letter (marks aside) starts at `at`.
    fn single_letter_follows(&self, at: usize) -> bool {
        match self.char_at(at) {
            Some(c) if is_word_letter(c) => {
                let after = self.skip_attachments(at + c.len_utf8());
                !self.char_at(after).is_some_and(|n| is_word_letter(n) || is_digit(n))
            }
            _ => false,
        }
    }

    fn scan_number(&self, start: usize) -> usize {
        let mut at = self.after(start);
        while let Some(c) = self.char_at(at) {
            // A separator (1,000 or ٣٫٥) belongs to the number only with a digit after it.
            if is_digit(c) || (is_number_joiner(c) && self.char_at(at + c.len_utf8()).is_some_and(is_digit)) {
                at += c.len_utf8();
            } else {
                break;
            }
        }
        at
    }

    /// A run of whitespace from `start`; returns its end and whether it holds a line break.
    fn scan_space(&self, start: usize) -> (usize, bool) {
        let mut at = start;
        let mut line_break = false;
        while let Some(c) = self.char_at(at) {
            if !c.is_whitespace() {
                break;
            }
            line_break |= matches!(c, '\n' | '\u{2029}');
            at += c.len_utf8();
        }
        (at, line_break)
    }
}

fn is_latin_letter(c: char) -> bool {
    c.is_alphabetic() && !is_arabic_letter(c) && c != TATWEEL
}

/// Whether `next` carries on a word whose last letter is `prev`.
fn continues_word(prev: char, next: char) -> bool {
    if is_word_letter(next) {
        // A Latin word followed by Arabic letters, or the reverse, is two words.
        return is_arabic_letter(prev) == is_arabic_letter(next) || prev == TATWEEL || next == TATWEEL;
    }
    // Digits continue Latin words (G7, F16) but never Arabic ones (و١٢ is و + ١٢).
    is_digit(next) && (is_latin_letter(prev) || is_digit(prev))
}

impl Iterator for Tokenizer<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        loop {
            let start = self.pos;
            // The space between words, by far the most common character: no decoding.
            if self.text.as_bytes().get(start) == Some(&b' ') {
                self.pos += 1;
                if self.text.as_bytes().get(self.pos).is_some_and(|b| !b.is_ascii_whitespace() && *b != 0xC2 && *b != 0xE2) {
                    continue;
                }
            }
            let start = self.pos;
            // A letter of the Arabic block, read off a table: the start of most words.
            if let [lead @ 0xD8..=0xDB, trail, ..] = self.text.as_bytes()[start..] {
                let slot = (((lead - 0xD8) as usize) << 6) | (trail & 0x3F) as usize;
                if ARABIC_BLOCK_CLASS[slot] == BLOCK_LETTER {
                    let end = self.scan_word(start);
                    self.pos = end;
                    return Some(Token { kind: TokenKind::Word, span: start..end });
                }
            }
            let c = self.char_at(start)?;
            if c.is_whitespace() {
                let (end, line_break) = self.scan_space(start);
                self.pos = end;
                // A break before the first token or at the very end of the text is no boundary.
                if line_break && start > 0 && end < self.text.len() {
                    return Some(Token { kind: TokenKind::ParagraphBreak, span: start..end });
                }
                continue;
            }
            if is_default_ignorable(c) || is_mark(c) {
                self.pos = self.after(start);
                continue;
            }
            let (kind, end) = if is_word_letter(c) {
                (TokenKind::Word, self.scan_word(start))
            } else if is_digit(c) {
                (TokenKind::Number, self.scan_number(start))
            } else {
                (TokenKind::Punctuation, self.after(start))
            };
            self.pos = end;
            return Some(Token { kind, span: start..end });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text).iter().map(|t| (t.text(text), t.kind)).collect()
    }

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    use TokenKind::*;

    #[test]
    fn arabic_words_keep_their_marks_and_tatweel() {
        assert_eq!(texts("مبكرًا، والكثيـــر"), ["مبكرًا", "،", "والكثيـــر"]);
        assert_eq!(texts("حوّل بوتين"), ["حوّل", "بوتين"]);
    }

    #[test]
    fn conjunction_glued_to_a_number_splits() {
        assert_eq!(words("و١٢"), [("و", Word), ("١٢", Number)]);
        assert_eq!(texts("لـ100الف جندي"), ["لـ", "100", "الف", "جندي"]);
    }

    #[test]
    fn numbers_keep_their_separators() {
        assert_eq!(words("2.7 مليون"), [("2.7", Number), ("مليون", Word)]);
        assert_eq!(texts("6,2 و١٢٬٥٠٠ و٣٫٥"), ["6,2", "و", "١٢٬٥٠٠", "و", "٣٫٥"]);
        // A comma after a number and before a word is punctuation.
        assert_eq!(texts("2019، 2020"), ["2019", "،", "2020"]);
        assert_eq!(texts("1991."), ["1991", "."]);
    }

    #[test]
    fn dots_split_words_but_not_abbreviations() {
        assert_eq!(texts("د.محمد"), ["د", ".", "محمد"]);
        assert_eq!(texts("وكالة أ.ف.ب للأنباء"), ["وكالة", "أ.ف.ب", "للأنباء"]);
        assert_eq!(texts("بيروت.القاهرة"), ["بيروت", ".", "القاهرة"]);
        assert_eq!(texts("U.S. policy"), ["U.S", ".", "policy"]);
    }

    #[test]
    fn invisible_characters_inside_a_word_stay_outside_it_do_not() {
        // ZWNJ inside a word.
        assert_eq!(texts("أبو\u{200C}ظبي"), ["أبو\u{200C}ظبي"]);
        // BOM and RLM glued to the first word are not part of it.
        let text = "\u{FEFF}\u{200F}لبنان\u{200F} اليوم";
        assert_eq!(texts(text), ["لبنان", "اليوم"]);
        assert_eq!(tokenize(text)[0].span.start, 6);
    }

    #[test]
    fn latin_names_and_acronyms_inside_arabic() {
        assert_eq!(words("(CSTO) التي"), [("(", Punctuation), ("CSTO", Word), (")", Punctuation), ("التي", Word)]);
        assert_eq!(texts("Nezalezhnaya قبل"), ["Nezalezhnaya", "قبل"]);
        assert_eq!(texts("G7 وF16"), ["G7", "و", "F16"]);
        assert_eq!(texts("O'Brien"), ["O'Brien"]);
    }

    #[test]
    fn punctuation_is_one_token_per_character() {
        assert_eq!(texts("“الإرهابيين”."), ["“", "الإرهابيين", "”", "."]);
        assert_eq!(texts("الدفاع الجوي / الدفاع"), ["الدفاع", "الجوي", "/", "الدفاع"]);
    }

    #[test]
    fn line_breaks_end_paragraphs_and_punctuation_ends_sentences() {
        let text = "\nقال: نعم.\n\n  هل هو؟ لا\n";
        let tokens = tokenize(text);
        let kinds: Vec<TokenKind> = tokens.iter().map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            [Word, Punctuation, Word, Punctuation, ParagraphBreak, Word, Word, Punctuation, Word]
        );
        let ends: Vec<&str> = tokens.iter().filter(|t| t.ends_sentence(text)).map(|t| t.text(text)).collect();
        assert_eq!(ends, [".", "\n\n  ", "؟"]);
    }

    #[test]
    fn word_count_counts_words_and_numbers_only() {
        assert_eq!(word_count("نشر 3 أشياء، (CSTO)!"), 4);
        assert_eq!(word_count(" \u{00A0}\n"), 0);
        assert_eq!(word_count(""), 0);
    }

    #[test]
    fn spans_cover_their_text_exactly() {
        let text = "على الرغم من أن حكومة كازاخستان أغلقت الإنترنت";
        let tokens = tokenize(text);
        assert_eq!(tokens.len(), 8);
        let rebuilt: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
        assert_eq!(rebuilt.join(" "), text);
    }
}
