//! The query language, parsed into a typed syntax tree.
//!
//! ```text
//! روسيا            a word; matched through clitics by default (وروسيا، لروسيا، روسيا)
//! =روسيا           exactly this normalized form, no clitics
//! "الأمن الجماعي"  a phrase: these words in a row (each clitic-aware); unquoted words in a row
//!                  are a phrase too
//! كازاخ*           words starting with كازاخ (after any proclitics in clitic mode)
//! *ستان            words ending with ستان
//! بوتين | موسكو    either
//! /^روس(يا|ي)$/    a regular expression on normalized word forms (regex-lite: linear time, no
//!                  catastrophic backtracking; \w \d \s are ASCII classes, Arabic letters match
//!                  as themselves)
//! ```
//!
//! The match mode (exact, clitic-aware, light stem) applies to the whole query; `=` forces exact
//! matching for one word. Errors are values with the position of the problem and a message in
//! Arabic and English; no input makes the parser panic.

use std::fmt;

/// How words of the query match words of the text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum MatchMode {
    /// The normalized form exactly.
    Exact,
    /// The word with any attached proclitics (و ف ب ك ل, the article, their chains) and pronoun
    /// suffixes.
    #[default]
    Clitic,
    /// Words sharing the query's light stem (see [`crate::stem`]).
    Stem,
}

impl MatchMode {
    pub const ALL: [MatchMode; 3] = [MatchMode::Exact, MatchMode::Clitic, MatchMode::Stem];

    pub fn name(self) -> &'static str {
        match self {
            MatchMode::Exact => "exact",
            MatchMode::Clitic => "clitic",
            MatchMode::Stem => "stem",
        }
    }

    pub fn from_name(name: &str) -> Option<MatchMode> {
        MatchMode::ALL.into_iter().find(|m| m.name() == name)
    }
}

/// One word position of a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Term {
    /// A word as typed; `exact` when written `=word`.
    Word { text: String, exact: bool },
    /// `prefix*`
    Prefix(String),
    /// `*suffix`
    Suffix(String),
    /// `/regex/`, the pattern between the slashes.
    Regex(String),
}

/// Words that must follow one another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phrase {
    pub terms: Vec<Term>,
}

/// A parsed query: alternatives, any of which may match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    pub alternatives: Vec<Phrase>,
    pub mode: MatchMode,
}

/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 1000;

/// Most alternatives (`a | b | …`) in a query: each is a search of its own.
pub const MAX_ALTERNATIVES: usize = 64;

/// Most terms in a phrase: a longer one is a sentence pasted by mistake, and each term is a
/// lookup of its own.
pub const MAX_PHRASE_TERMS: usize = 16;

/// Largest compiled size of a regular expression, in bytes as regex-lite measures it. Its
/// matching time grows with this size times the vocabulary's bytes; any pattern written out within
/// [`MAX_QUERY_CHARS`] fits, repetitions that multiply it (`(.{100}){100}`) do not.
pub const MAX_REGEX_BYTES: usize = 32 * 1024;

/// What is wrong with a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QueryErrorKind {
    Empty,
    TooLong { chars: usize },
    UnbalancedQuote,
    UnclosedRegex,
    BadRegex { reason: String },
    EmptyAlternative,
    LoneWildcard,
    WildcardInsideWord,
    EmptyExact,
    /// More than [`MAX_ALTERNATIVES`]; points at the first `|` too many.
    TooManyAlternatives,
    /// A phrase of more than [`MAX_PHRASE_TERMS`] terms; points at the first term too many.
    TooManyTerms,
    /// A regular expression that compiles beyond [`MAX_REGEX_BYTES`].
    RegexTooLarge,
}

/// A query error: what, where (in characters from the start of the query), and how long.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryError {
    pub kind: QueryErrorKind,
    /// Position of the problem, in characters (not bytes) from the start.
    pub at: usize,
    /// Length of the problem, in characters (at least 1 where there is something to point at).
    pub len: usize,
}

impl QueryError {
    fn new(kind: QueryErrorKind, at: usize, len: usize) -> Self {
        QueryError { kind, at, len }
    }
}

/// A short technical description, for logs and native callers; the interface words errors itself.
impl fmt::Display for QueryErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QueryErrorKind::Empty => f.write_str("empty query"),
            QueryErrorKind::TooLong { chars } => write!(f, "query too long ({chars} characters, limit {MAX_QUERY_CHARS})"),
            QueryErrorKind::UnbalancedQuote => f.write_str("unbalanced quotation mark"),
            QueryErrorKind::UnclosedRegex => f.write_str("unclosed regular expression"),
            QueryErrorKind::BadRegex { reason } => write!(f, "invalid regular expression: {reason}"),
            QueryErrorKind::EmptyAlternative => f.write_str("empty alternative"),
            QueryErrorKind::LoneWildcard => f.write_str("wildcard without letters"),
            QueryErrorKind::WildcardInsideWord => f.write_str("wildcard inside a word"),
            QueryErrorKind::EmptyExact => f.write_str("exact-match marker without a word"),
            QueryErrorKind::TooManyAlternatives => write!(f, "more than {MAX_ALTERNATIVES} alternatives"),
            QueryErrorKind::TooManyTerms => write!(f, "phrase of more than {MAX_PHRASE_TERMS} terms"),
            QueryErrorKind::RegexTooLarge => write!(f, "regular expression larger than {MAX_REGEX_BYTES} bytes compiled"),
        }
    }
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at character {})", self.kind, self.at + 1)
    }
}

impl std::error::Error for QueryError {}

/// `@id`: every mention of the entity `id`, as the entity chart counts them. The engine does not
/// know the entity list, so the caller resolves the id.
pub fn entity_reference(input: &str) -> Option<&str> {
    input.trim().strip_prefix('@').map(str::trim)
}

/// `@a&@b`: the mentions of entity `a` in the units (sentences or articles) where entity `b` is
/// mentioned too, as the matrix of entities together counts them; spaces around `&` allowed.
/// The caller resolves the ids, and tries the whole of an `@` reference as one id first.
pub fn entity_pair_reference(input: &str) -> Option<(&str, &str)> {
    let (a, b) = entity_reference(input)?.split_once('&')?;
    let b = b.trim_start().strip_prefix('@')?.trim();
    Some((a.trim(), b))
}

/// Compiles a regular expression of a query within [`MAX_REGEX_BYTES`]: the parser and the search
/// apply the same bound.
pub(crate) fn compile_regex(pattern: &str) -> Result<regex_lite::Regex, regex_lite::Error> {
    regex_lite::RegexBuilder::new(pattern).size_limit(MAX_REGEX_BYTES).build()
}

/// Parses `input` with `mode` as the match mode.
pub fn parse(input: &str, mode: MatchMode) -> Result<Query, QueryError> {
    let chars: Vec<char> = input.chars().collect();
    if chars.len() > MAX_QUERY_CHARS {
        return Err(QueryError::new(QueryErrorKind::TooLong { chars: chars.len() }, MAX_QUERY_CHARS, 1));
    }
    if chars.iter().all(|c| c.is_whitespace() || crate::chars::is_default_ignorable(*c)) {
        return Err(QueryError::new(QueryErrorKind::Empty, 0, 0));
    }
    Parser { chars, pos: 0, last_term_start: 0 }.query(mode)
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
    /// Where the last term read starts.
    last_term_start: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(|c| c.is_whitespace()) {
            self.pos += 1;
        }
    }

    fn query(mut self, mode: MatchMode) -> Result<Query, QueryError> {
        let mut alternatives = Vec::new();
        loop {
            self.skip_space();
            let start = self.pos;
            let phrase = self.phrase()?;
            if phrase.terms.is_empty() {
                return Err(QueryError::new(QueryErrorKind::EmptyAlternative, self.bar_near(start), 1));
            }
            alternatives.push(phrase);
            // A phrase ends at `|` or at the end of the query.
            if self.peek() == Some('|') {
                if alternatives.len() == MAX_ALTERNATIVES {
                    return Err(QueryError::new(QueryErrorKind::TooManyAlternatives, self.pos, 1));
                }
                self.pos += 1;
            } else {
                break;
            }
        }
        Ok(Query { alternatives, mode })
    }

    /// The error for a phrase that has just got one term too many: where that term starts, as
    /// far as the parser has gone.
    fn too_many_terms(&self) -> QueryError {
        QueryError::new(QueryErrorKind::TooManyTerms, self.last_term_start, self.pos.saturating_sub(self.last_term_start).max(1))
    }

    /// The position of the `|` that borders an empty alternative starting at `start`.
    fn bar_near(&self, start: usize) -> usize {
        if self.peek() == Some('|') { self.pos } else { start.saturating_sub(1).min(self.chars.len().saturating_sub(1)) }
    }

    /// Terms up to the next `|` or the end.
    fn phrase(&mut self) -> Result<Phrase, QueryError> {
        let mut terms = Vec::new();
        loop {
            if terms.len() > MAX_PHRASE_TERMS {
                return Err(self.too_many_terms());
            }
            self.skip_space();
            match self.peek() {
                None | Some('|') => return Ok(Phrase { terms }),
                Some('"') => {
                    let open = self.pos;
                    self.pos += 1;
                    let close = self.chars[self.pos..]
                        .iter()
                        .position(|&c| c == '"')
                        .map(|offset| self.pos + offset)
                        .ok_or_else(|| QueryError::new(QueryErrorKind::UnbalancedQuote, open, 1))?;
                    while self.pos < close {
                        while self.pos < close && self.chars[self.pos].is_whitespace() {
                            self.pos += 1;
                        }
                        if self.pos < close {
                            terms.push(self.term(close)?);
                            if terms.len() > MAX_PHRASE_TERMS {
                                return Err(self.too_many_terms());
                            }
                        }
                    }
                    self.pos = close + 1;
                }
                Some('/') => {
                    let open = self.pos;
                    self.last_term_start = open;
                    let close = self.chars[open + 1..]
                        .iter()
                        .position(|&c| c == '/')
                        .map(|offset| open + 1 + offset)
                        .ok_or_else(|| QueryError::new(QueryErrorKind::UnclosedRegex, open, 1))?;
                    let pattern: String = self.chars[open + 1..close].iter().collect();
                    if let Err(error) = compile_regex(&pattern) {
                        let reason = error.to_string().lines().last().unwrap_or("").trim_start_matches("error: ").to_string();
                        // regex-lite tells a pattern over the size limit only by its message.
                        let kind = if reason.contains("size limit") {
                            QueryErrorKind::RegexTooLarge
                        } else {
                            QueryErrorKind::BadRegex { reason }
                        };
                        return Err(QueryError::new(kind, open, close - open + 1));
                    }
                    terms.push(Term::Regex(pattern));
                    self.pos = close + 1;
                }
                Some(_) => {
                    let end = self.chars.len();
                    terms.push(self.term(end)?);
                }
            }
        }
    }

    /// One word-like term from the current position, stopping at whitespace or `limit`, and
    /// outside quotes (`limit` is then the end) also at `|` and `"`. Always takes at least one
    /// character.
    fn term(&mut self, limit: usize) -> Result<Term, QueryError> {
        let start = self.pos;
        self.last_term_start = start;
        let quoted = limit < self.chars.len();
        let stops = |c: char| c.is_whitespace() || (!quoted && matches!(c, '|' | '"'));
        while self.pos < limit && (self.pos == start || !stops(self.chars[self.pos])) {
            self.pos += 1;
        }
        let word = &self.chars[start..self.pos];
        let text: String = word.iter().collect();
        if let Some(rest) = text.strip_prefix('=') {
            if rest.is_empty() || rest.contains('*') {
                let kind = if rest.is_empty() { QueryErrorKind::EmptyExact } else { QueryErrorKind::WildcardInsideWord };
                return Err(QueryError::new(kind, start, word.len()));
            }
            return Ok(Term::Word { text: rest.to_string(), exact: true });
        }
        let stars = word.iter().filter(|&&c| c == '*').count();
        if stars == 0 {
            return Ok(Term::Word { text, exact: false });
        }
        let inner = text.trim_matches('*');
        if inner.is_empty() {
            return Err(QueryError::new(QueryErrorKind::LoneWildcard, start, word.len()));
        }
        match (word.first() == Some(&'*'), word.last() == Some(&'*'), stars) {
            (false, true, 1) => Ok(Term::Prefix(inner.to_string())),
            (true, false, 1) => Ok(Term::Suffix(inner.to_string())),
            _ => {
                let at = word.iter().enumerate().skip(1).find(|&(i, &c)| c == '*' && i + 1 < word.len()).map_or(0, |(i, _)| i);
                Err(QueryError::new(QueryErrorKind::WildcardInsideWord, start + at, 1))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str) -> Term {
        Term::Word { text: text.into(), exact: false }
    }

    fn ok(input: &str) -> Vec<Vec<Term>> {
        parse(input, MatchMode::Clitic).unwrap().alternatives.into_iter().map(|p| p.terms).collect()
    }

    fn err(input: &str) -> QueryError {
        parse(input, MatchMode::Clitic).unwrap_err()
    }

    #[test]
    fn an_at_sign_names_an_entity() {
        assert_eq!(entity_reference(" @putin "), Some("putin"));
        assert_eq!(entity_reference("@"), Some(""));
        assert_eq!(entity_reference("بوتين @putin"), None);
        assert_eq!(entity_reference("بوتين"), None);
        assert_eq!(entity_pair_reference("@putin&@biden"), Some(("putin", "biden")));
        assert_eq!(entity_pair_reference(" @putin & @biden "), Some(("putin", "biden")));
        assert_eq!(entity_pair_reference("@putin"), None);
        assert_eq!(entity_pair_reference("@putin&biden"), None);
        assert_eq!(entity_pair_reference("putin&@biden"), None);
        assert_eq!(entity_pair_reference("@&@"), Some(("", "")));
    }

    #[test]
    fn words_phrases_wildcards_alternatives_and_regexes() {
        assert_eq!(ok("روسيا"), [vec![word("روسيا")]]);
        assert_eq!(ok("=روسيا"), [vec![Term::Word { text: "روسيا".into(), exact: true }]]);
        assert_eq!(ok("\"الأمن الجماعي\""), [vec![word("الأمن"), word("الجماعي")]]);
        assert_eq!(ok("الأمن الجماعي"), [vec![word("الأمن"), word("الجماعي")]]);
        assert_eq!(ok("كازاخ*"), [vec![Term::Prefix("كازاخ".into())]]);
        assert_eq!(ok("*ستان"), [vec![Term::Suffix("ستان".into())]]);
        assert_eq!(ok("بوتين | موسكو"), [vec![word("بوتين")], vec![word("موسكو")]]);
        assert_eq!(ok("/^روس(يا|ي)$/"), [vec![Term::Regex("^روس(يا|ي)$".into())]]);
        assert_eq!(
            ok("\"نور سلطان\"|آستانا"),
            [vec![word("نور"), word("سلطان")], vec![word("آستانا")]]
        );
        assert_eq!(ok("\"=منظمة معاهدة*\""), [vec![Term::Word { text: "منظمة".into(), exact: true }, Term::Prefix("معاهدة".into())]]);
    }

    #[test]
    fn a_bar_inside_quotes_is_part_of_the_phrase() {
        assert_eq!(ok("\"أ|ب\""), [vec![word("أ|ب")]]);
        assert_eq!(ok("\"|\""), [vec![word("|")]]);
    }

    #[test]
    fn the_mode_is_carried() {
        assert_eq!(parse("وزير", MatchMode::Stem).unwrap().mode, MatchMode::Stem);
        for mode in MatchMode::ALL {
            assert_eq!(MatchMode::from_name(mode.name()), Some(mode));
        }
    }

    #[test]
    fn errors_say_where_and_what() {
        assert_eq!(err("").kind, QueryErrorKind::Empty);
        assert_eq!(err("   \u{200F}").kind, QueryErrorKind::Empty);
        assert_eq!(err("بوتين \"الأمن").kind, QueryErrorKind::UnbalancedQuote);
        assert_eq!(err("بوتين \"الأمن").at, 6);
        assert!(matches!(err("/روس(يا/").kind, QueryErrorKind::BadRegex { .. }), "{:?}", err("/روس(يا/"));
        assert_eq!(err("بوتين /روس(يا/").at, 6);
        assert_eq!(err("ab /x").kind, QueryErrorKind::UnclosedRegex);
        assert_eq!(err("ab /x").at, 3);
        assert_eq!(err("بوتين |").kind, QueryErrorKind::EmptyAlternative);
        assert_eq!(err("| بوتين").kind, QueryErrorKind::EmptyAlternative);
        assert_eq!(err("| بوتين").at, 0);
        assert_eq!(err("a || b").kind, QueryErrorKind::EmptyAlternative);
        assert_eq!(err("*").kind, QueryErrorKind::LoneWildcard);
        assert_eq!(err("ك*ز").kind, QueryErrorKind::WildcardInsideWord);
        assert_eq!(err("ك*ز").at, 1);
        assert_eq!(err("*كاز*").kind, QueryErrorKind::WildcardInsideWord);
        assert_eq!(err("=").kind, QueryErrorKind::EmptyExact);
        let long = "ب".repeat(MAX_QUERY_CHARS + 1);
        assert_eq!(err(&long).kind, QueryErrorKind::TooLong { chars: MAX_QUERY_CHARS + 1 });
    }

    #[test]
    fn alternatives_are_bounded() {
        let alternatives = |n: usize| (0..n).map(|i| format!("ك{i}")).collect::<Vec<_>>().join(" | ");
        assert_eq!(ok(&alternatives(MAX_ALTERNATIVES)).len(), MAX_ALTERNATIVES);
        let query = alternatives(MAX_ALTERNATIVES + 1);
        let e = err(&query);
        assert_eq!(e.kind, QueryErrorKind::TooManyAlternatives);
        // At the first | too many.
        let bar = query.chars().enumerate().filter(|&(_, c)| c == '|').nth(MAX_ALTERNATIVES - 1).unwrap().0;
        assert_eq!((e.at, e.len), (bar, 1));
        assert_eq!(err(&["ب"; 250].join("|")).kind, QueryErrorKind::TooManyAlternatives);
        // Bars inside quotes are words, not alternatives.
        assert!(parse(&format!("\"{}\"", "|".repeat(MAX_ALTERNATIVES * 2)), MatchMode::Clitic).is_ok());
    }

    #[test]
    fn phrases_are_bounded() {
        let words = |n: usize| (0..n).map(|i| format!("ك{i}")).collect::<Vec<_>>();
        assert_eq!(ok(&words(MAX_PHRASE_TERMS).join(" "))[0].len(), MAX_PHRASE_TERMS);
        assert_eq!(ok(&format!("{} | ب", words(MAX_PHRASE_TERMS).join(" "))).len(), 2);
        let too_many = words(MAX_PHRASE_TERMS + 1);
        let start_of_last = too_many[..MAX_PHRASE_TERMS].iter().map(|w| w.chars().count() + 1).sum::<usize>();
        for (query, start) in [
            (too_many.join(" "), start_of_last),
            (format!("\"{}\"", too_many.join(" ")), start_of_last + 1),
            (format!("{} /ب/", words(MAX_PHRASE_TERMS).join(" ")), start_of_last),
        ] {
            let e = err(&query);
            assert_eq!(e.kind, QueryErrorKind::TooManyTerms, "{query}");
            assert_eq!(e.at, start, "{query}");
            assert!(e.len >= 3, "{query}");
        }
    }

    #[test]
    fn a_regex_too_large_to_run_is_refused() {
        assert!(ok("/^روس(يا|ي)$/").len() == 1);
        // Every pattern the length of a query can write out compiles.
        let written_out = format!("/^({})$/", (0..120).map(|i| format!("ك{i}ب")).collect::<Vec<_>>().join("|"));
        assert!(written_out.chars().count() <= MAX_QUERY_CHARS);
        assert!(parse(&written_out, MatchMode::Clitic).is_ok());
        for pattern in ["/(.{100}){100}/", "/(\\w{50}){40}/", "/(ا|ب|ت|ث){500}/"] {
            let e = err(&format!("كلمة {pattern}"));
            assert_eq!(e.kind, QueryErrorKind::RegexTooLarge, "{pattern}");
            assert_eq!((e.at, e.len), (5, pattern.chars().count()), "{pattern}");
        }
        // A syntax error is still reported as such.
        assert!(matches!(err("/(/").kind, QueryErrorKind::BadRegex { .. }));
    }

    #[test]
    fn every_error_has_a_technical_description() {
        for input in ["", "\"a", "/(/", "/a", "a |", "*", "a*b", "=", "/(.{100}){100}/"] {
            let e = err(input);
            let text = e.to_string();
            assert!(text.contains(&format!("at character {}", e.at + 1)), "{input}: {text}");
            assert!(!text.chars().any(crate::chars::is_arabic_letter), "{input}: {text}");
        }
        for kind in [QueryErrorKind::TooManyAlternatives, QueryErrorKind::TooManyTerms, QueryErrorKind::RegexTooLarge] {
            assert!(QueryError::new(kind, 0, 1).to_string().len() > 10);
        }
    }
}
