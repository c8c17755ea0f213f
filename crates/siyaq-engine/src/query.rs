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

    pub fn message_en(&self) -> String {
        match &self.kind {
            QueryErrorKind::Empty => "Type a word to search for.".into(),
            QueryErrorKind::TooLong { chars } => {
                format!("The query is too long ({chars} characters; at most {MAX_QUERY_CHARS}).")
            }
            QueryErrorKind::UnbalancedQuote => "This quotation mark is never closed.".into(),
            QueryErrorKind::UnclosedRegex => "This regular expression has no closing /.".into(),
            QueryErrorKind::BadRegex { reason } => format!("Invalid regular expression: {reason}"),
            QueryErrorKind::EmptyAlternative => "There is nothing on one side of this |.".into(),
            QueryErrorKind::LoneWildcard => "A * needs letters beside it (كازاخ* or *ستان).".into(),
            QueryErrorKind::WildcardInsideWord => {
                "* works only at the start or end of a word; use /regex/ for more.".into()
            }
            QueryErrorKind::EmptyExact => "= needs a word right after it (=روسيا).".into(),
        }
    }

    pub fn message_ar(&self) -> String {
        match &self.kind {
            QueryErrorKind::Empty => "اكتب كلمة للبحث عنها.".into(),
            QueryErrorKind::TooLong { chars } => {
                format!("الاستعلام طويل جدًا ({chars} حرفًا، والحد الأقصى {MAX_QUERY_CHARS}).")
            }
            QueryErrorKind::UnbalancedQuote => "علامة التنصيص هذه لم تُغلق.".into(),
            QueryErrorKind::UnclosedRegex => "التعبير النمطي هذا بلا شرطة / تغلقه.".into(),
            QueryErrorKind::BadRegex { reason } => format!("تعبير نمطي غير صالح: {reason}"),
            QueryErrorKind::EmptyAlternative => "لا شيء على أحد جانبي العلامة |.".into(),
            QueryErrorKind::LoneWildcard => "تحتاج * إلى حروف بجانبها (كازاخ* أو *ستان).".into(),
            QueryErrorKind::WildcardInsideWord => {
                "تعمل * في أول الكلمة أو آخرها فقط؛ استعمل /تعبيرًا نمطيًا/ لما هو أكثر.".into()
            }
            QueryErrorKind::EmptyExact => "تحتاج = إلى كلمة بعدها مباشرة (=روسيا).".into(),
        }
    }
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at character {})", self.message_en(), self.at + 1)
    }
}

impl std::error::Error for QueryError {}

/// `@id`: every mention of the entity `id`, as the entity chart counts them. The engine does not
/// know the entity list, so the caller resolves the id.
pub fn entity_reference(input: &str) -> Option<&str> {
    input.trim().strip_prefix('@').map(str::trim)
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
    Parser { chars, pos: 0 }.query(mode)
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
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
                self.pos += 1;
            } else {
                break;
            }
        }
        Ok(Query { alternatives, mode })
    }

    /// The position of the `|` that borders an empty alternative starting at `start`.
    fn bar_near(&self, start: usize) -> usize {
        if self.peek() == Some('|') { self.pos } else { start.saturating_sub(1).min(self.chars.len().saturating_sub(1)) }
    }

    /// Terms up to the next `|` or the end.
    fn phrase(&mut self) -> Result<Phrase, QueryError> {
        let mut terms = Vec::new();
        loop {
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
                        }
                    }
                    self.pos = close + 1;
                }
                Some('/') => {
                    let open = self.pos;
                    let close = self.chars[open + 1..]
                        .iter()
                        .position(|&c| c == '/')
                        .map(|offset| open + 1 + offset)
                        .ok_or_else(|| QueryError::new(QueryErrorKind::UnclosedRegex, open, 1))?;
                    let pattern: String = self.chars[open + 1..close].iter().collect();
                    if let Err(error) = regex_lite::Regex::new(&pattern) {
                        let reason = error.to_string().lines().last().unwrap_or("").trim_start_matches("error: ").to_string();
                        return Err(QueryError::new(QueryErrorKind::BadRegex { reason }, open, close - open + 1));
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
    fn every_error_has_both_messages() {
        for input in ["", "\"a", "/(/", "/a", "a |", "*", "a*b", "="] {
            let e = err(input);
            assert!(!e.message_en().is_empty() && !e.message_ar().is_empty(), "{input}");
            assert!(e.message_ar().chars().any(crate::chars::is_arabic_letter), "{input}");
        }
    }
}
