//! The one analysis pipeline of the engine: text → tokens → normalized forms.
//!
//! The index analyzes the corpus and the query side analyzes what is typed (a query's words, an
//! entity's aliases) with the same [`Analyzer`], so a word is folded the same way wherever it is
//! read. Analysis runs as stages, as in tantivy's tokenizer pipeline:
//!
//! 1. [`Tokenizer`]: original text → words, numbers, punctuation and paragraph breaks, each with
//!    its byte span in the text as written;
//! 2. [`Normalizer`] with the analyzer's [`Steps`]: a token's text → its normalized form.
//!
//! Two ways to read the result:
//!
//! - [`Analyzer::token_stream`] gives a [`TokenStream`] with tantivy's shape (`advance` then
//!   `token`): every token in order, its kind and span, and its form on demand, normalized into
//!   one buffer the stream reuses. Normalizing only when asked lets the index skip spellings it
//!   has already seen and allocate nothing per token.
//! - [`Analyzer::words`] gives the lexical tokens (words and numbers) with their forms as owned
//!   [`AnalyzedToken`]s, for short texts such as a query term or an alias.
//!
//! A tantivy `Tokenizer` adapter (not part of this crate) would hold an `Analyzer` and wrap
//! [`TokenStream`]: its `advance` would skip tokens that are not lexical and those whose form is
//! empty (a lone tatweel, which the index does not count either), and fill tantivy's token with
//! `offset_from..offset_to` = [`TokenStream::span`], `text` = [`TokenStream::form`], and
//! `position` = the number of lexical tokens before it.

use std::ops::Range;

use crate::normalize::{Normalizer, Profile, Steps};
use crate::tokenize::{Token, TokenKind, Tokenizer};

/// Tokenizer and normalizer together, configured once with a set of [`Steps`].
#[derive(Clone, Debug, Default)]
pub struct Analyzer {
    normalizer: Normalizer,
}

/// A word or number with its normalized form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnalyzedToken {
    pub kind: TokenKind,
    /// Byte range in the original text.
    pub span: Range<usize>,
    /// The normalized form (empty when normalization leaves nothing, as of a lone tatweel).
    pub form: String,
}

impl AnalyzedToken {
    /// The token as written in `source`.
    pub fn text<'t>(&self, source: &'t str) -> &'t str {
        &source[self.span.clone()]
    }
}

impl Analyzer {
    pub fn new(steps: Steps) -> Self {
        Analyzer { normalizer: Normalizer::new(steps) }
    }

    pub fn for_profile(profile: Profile) -> Self {
        Analyzer::new(profile.steps())
    }

    pub fn steps(&self) -> &Steps {
        self.normalizer.steps()
    }

    /// The normalizer of the second stage.
    pub fn normalizer(&self) -> &Normalizer {
        &self.normalizer
    }

    /// The normalized form of a fragment that is not split into words (a prefix or a suffix of
    /// a query, a word of a built-in list), as a token's form is normalized.
    pub fn normalize(&self, text: &str) -> String {
        self.normalizer.normalize(text)
    }

    /// [`Analyzer::normalize`], appended to `out`.
    pub fn normalize_into(&self, text: &str, out: &mut String) {
        self.normalizer.normalize_into(text, out);
    }

    /// Every token of `text`, in order, with its form on demand.
    pub fn token_stream<'a, 't>(&'a self, text: &'t str) -> TokenStream<'a, 't> {
        TokenStream {
            normalizer: &self.normalizer,
            text,
            tokens: Tokenizer::new(text),
            token: Token { kind: TokenKind::ParagraphBreak, span: 0..0 },
            form: String::new(),
            form_ready: false,
        }
    }

    /// The words and numbers of `text` with their forms.
    pub fn words(&self, text: &str) -> impl Iterator<Item = AnalyzedToken> {
        Tokenizer::new(text).filter(Token::is_lexical).map(move |token| AnalyzedToken {
            form: self.normalizer.normalize(token.text(text)),
            kind: token.kind,
            span: token.span,
        })
    }
}

/// The tokens of one text; see [`Analyzer::token_stream`].
pub struct TokenStream<'a, 't> {
    normalizer: &'a Normalizer,
    text: &'t str,
    tokens: Tokenizer<'t>,
    token: Token,
    /// The current token's form, once asked for.
    form: String,
    form_ready: bool,
}

impl<'t> TokenStream<'_, 't> {
    /// Moves to the next token; `false` at the end of the text.
    pub fn advance(&mut self) -> bool {
        match self.tokens.next() {
            Some(token) => {
                self.token = token;
                self.form_ready = false;
                true
            }
            None => false,
        }
    }

    /// The current token (valid after `advance` returned `true`).
    pub fn token(&self) -> &Token {
        &self.token
    }

    pub fn kind(&self) -> TokenKind {
        self.token.kind
    }

    /// The current token's byte range in the original text.
    pub fn span(&self) -> Range<usize> {
        self.token.span.clone()
    }

    /// The current token as written.
    pub fn written(&self) -> &'t str {
        &self.text[self.token.span.clone()]
    }

    pub fn is_lexical(&self) -> bool {
        self.token.is_lexical()
    }

    /// Whether the current token ends a sentence; see [`Token::ends_sentence`].
    pub fn ends_sentence(&self) -> bool {
        self.token.ends_sentence(self.text)
    }

    /// The current token's normalized form, normalized at most once per token into a buffer
    /// reused from token to token.
    pub fn form(&mut self) -> &str {
        if !self.form_ready {
            self.form.clear();
            self.normalizer.normalize_into(&self.text[self.token.span.clone()], &mut self.form);
            self.form_ready = true;
        }
        &self.form
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::{DocumentInput, Index};

    fn words(analyzer: &Analyzer, text: &str) -> Vec<(TokenKind, String, String)> {
        analyzer.words(text).map(|t| (t.kind, t.text(text).to_string(), t.form)).collect()
    }

    fn forms(analyzer: &Analyzer, text: &str) -> Vec<String> {
        analyzer.words(text).map(|t| t.form).collect()
    }

    #[test]
    fn the_index_and_a_query_analyze_a_word_identically() {
        let text = "قالَ الرئيسُ إنّ ١٢ جندياً وصلوا إلى الـمـديـنـة.";
        let index = Index::build([DocumentInput { id: "d", text: text.into(), uncounted: vec![] }], Steps::default());
        let indexed: Vec<&str> = index.words().iter().map(|w| index.vocabulary().form(w.form)).collect();
        let analyzer = index.analyzer();
        assert_eq!(indexed, forms(analyzer, text));
        // Each word typed alone, as a query term, finds the index's form.
        for (word, posting) in analyzer.words(text).zip(index.words()) {
            let typed = word.text(text);
            assert_eq!(forms(analyzer, typed), [index.vocabulary().form(posting.form)], "{typed}");
            assert_eq!(word.span, posting.span());
        }
        assert_eq!(indexed, ["قال", "الرئيس", "ان", "12", "جنديا", "وصلوا", "الي", "المدينة"]);
    }

    #[test]
    fn clitics_stay_on_the_word_and_digits_split_from_letters() {
        let analyzer = Analyzer::default();
        // Clitics are matched by the query's mode, not split off by analysis.
        assert_eq!(forms(&analyzer, "وبالرئيس ولروسيا"), ["وبالرئيس", "ولروسيا"]);
        assert_eq!(
            words(&analyzer, "لـ100ألف"),
            [
                (TokenKind::Word, "لـ".to_string(), "ل".to_string()),
                (TokenKind::Number, "100".to_string(), "100".to_string()),
                (TokenKind::Word, "ألف".to_string(), "الف".to_string()),
            ]
        );
        assert_eq!(words(&analyzer, "و١٢٬٥٠٠")[1], (TokenKind::Number, "١٢٬٥٠٠".to_string(), "12500".to_string()));
    }

    #[test]
    fn the_steps_decide_the_forms_and_spans_keep_the_original() {
        let text = "الرئيسُ ١٢ مدرسة";
        assert_eq!(forms(&Analyzer::for_profile(Profile::Search), text), ["الرئيس", "12", "مدرسة"]);
        assert_eq!(forms(&Analyzer::for_profile(Profile::Strict), text), ["الرئيسُ", "١٢", "مدرسة"]);
        assert_eq!(forms(&Analyzer::for_profile(Profile::Loose), text), ["الرءيس", "12", "مدرسه"]);
        let spans: Vec<&str> = Analyzer::default().words(text).map(|t| &text[t.span]).collect();
        assert_eq!(spans, ["الرئيسُ", "١٢", "مدرسة"]);
        assert_eq!(Analyzer::for_profile(Profile::Loose).steps(), &Profile::Loose.steps());
    }

    #[test]
    fn the_stream_gives_every_token_and_forms_on_demand() {
        let text = "قالَ: «نعم».\nـ بوتين";
        let analyzer = Analyzer::default();
        let mut stream = analyzer.token_stream(text);
        let mut seen = Vec::new();
        while stream.advance() {
            let kind = stream.kind();
            let written = stream.written();
            assert_eq!(written, &text[stream.span()]);
            assert_eq!(stream.token().span, stream.span());
            let form = stream.form().to_string();
            assert_eq!(stream.form(), form, "asked twice, the same form");
            seen.push((kind, written, form, stream.ends_sentence()));
        }
        assert!(!stream.advance());
        let lexical: Vec<(&str, &str)> =
            seen.iter().filter(|t| matches!(t.0, TokenKind::Word | TokenKind::Number)).map(|t| (t.1, t.2.as_str())).collect();
        // A lone tatweel is a word whose form is empty: the index leaves it out.
        assert_eq!(lexical, [("قالَ", "قال"), ("نعم", "نعم"), ("ـ", ""), ("بوتين", "بوتين")]);
        assert_eq!(seen.iter().filter(|t| t.3).count(), 2, "the full stop and the line break end sentences");
        assert_eq!(forms(&analyzer, text), ["قال", "نعم", "", "بوتين"]);
    }

    #[test]
    fn fragments_normalize_as_token_forms_do() {
        let analyzer = Analyzer::default();
        assert_eq!(analyzer.normalize("كازاخْ"), "كازاخ");
        let mut out = String::from("x");
        analyzer.normalize_into("أوزبكـستان", &mut out);
        assert_eq!(out, "xاوزبكستان");
        assert!(analyzer.words("").next().is_none() && analyzer.words(" ، . ").next().is_none());
    }
}
