//! Where Latin-script words sit inside Arabic text, so a view can isolate them (`<bdi>`) and
//! keep a name such as "Wendy Sherman" or "CSTO" from reordering the words around it.

use std::ops::Range;

use crate::chars::is_arabic_letter;
use crate::tokenize::{TokenKind, Tokenizer};

/// A stretch of text; `latin` stretches should be shown isolated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub span: Range<usize>,
    pub latin: bool,
}

/// Splits `text` into consecutive runs covering all of it. Latin words separated only by
/// spaces form one run.
pub fn latin_runs(text: &str) -> Vec<Run> {
    isolated_runs(text, false)
}

/// Like [`latin_runs`], and numbers too are runs of their own (for short context lines, where a
/// number at an edge can otherwise jump to the wrong side).
pub fn latin_and_number_runs(text: &str) -> Vec<Run> {
    isolated_runs(text, true)
}

fn isolated_runs(text: &str, numbers: bool) -> Vec<Run> {
    let mut latin: Vec<Range<usize>> = Vec::new();
    for token in Tokenizer::new(text) {
        let word = token.text(text);
        let is_latin = (token.kind == TokenKind::Word
            && !word.chars().any(is_arabic_letter)
            && word.chars().any(|c| c.is_alphabetic()))
            || (numbers && token.kind == TokenKind::Number);
        if !is_latin {
            continue;
        }
        match latin.last_mut() {
            Some(prev) if text[prev.end..token.span.start].chars().all(|c| c == ' ') => {
                prev.end = token.span.end;
            }
            _ => latin.push(token.span),
        }
    }
    let mut runs = Vec::with_capacity(latin.len() * 2 + 1);
    let mut at = 0;
    for span in latin {
        if span.start > at {
            runs.push(Run { span: at..span.start, latin: false });
        }
        at = span.end;
        runs.push(Run { span, latin: true });
    }
    if at < text.len() {
        runs.push(Run { span: at..text.len(), latin: false });
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str) -> Vec<(&str, bool)> {
        latin_runs(text).into_iter().map(|r| (&text[r.span], r.latin)).collect()
    }

    #[test]
    fn latin_names_become_isolated_runs() {
        assert_eq!(
            show("الجماعي (CSTO) التي"),
            [("الجماعي (", false), ("CSTO", true), (") التي", false)]
        );
        assert_eq!(show("قال Wendy Sherman إن"), [("قال ", false), ("Wendy Sherman", true), (" إن", false)]);
    }

    #[test]
    fn arabic_only_text_is_one_run_and_empty_text_none() {
        assert_eq!(show("على الرغم من 10 كانون"), [("على الرغم من 10 كانون", false)]);
        assert!(latin_runs("").is_empty());
    }

    #[test]
    fn numbers_can_be_isolated_too() {
        let text = "حشد 100 ألف جندي و2.7 مليون";
        let runs: Vec<(&str, bool)> = latin_and_number_runs(text).into_iter().map(|r| (&text[r.span], r.latin)).collect();
        assert_eq!(runs, [("حشد ", false), ("100", true), (" ألف جندي و", false), ("2.7", true), (" مليون", false)]);
    }

    #[test]
    fn runs_cover_the_text_in_order() {
        let text = "لا يزال Elbasy صامتًا، و G7 وNATO.";
        let runs = latin_runs(text);
        let joined: String = runs.iter().map(|r| &text[r.span.clone()]).collect();
        assert_eq!(joined, text);
        assert_eq!(runs.iter().filter(|r| r.latin).count(), 3);
    }
}
