//! The bundled articles as the interface lists them, computed once.

use std::sync::LazyLock;

use siyaq_corpus::{Document, DocumentDate, Heading};

use crate::corpus::loaded;

/// One article with the figures the corpus panel shows.
#[derive(Debug)]
pub struct Article {
    pub document: &'static Document,
    pub heading: Heading<'static>,
    pub words: usize,
}

impl Article {
    pub fn id(&self) -> &'static str {
        &self.document.id
    }

    /// When it appeared, when the text or its metadata says.
    pub fn date(&self) -> Option<&'static DocumentDate> {
        self.document.date.as_ref()
    }
}

static ARTICLES: LazyLock<Vec<Article>> = LazyLock::new(|| {
    let corpus = loaded();
    corpus
        .documents()
        .iter()
        .map(|document| Article { document, heading: corpus.heading(document), words: corpus.word_count(document) })
        .collect()
});

/// All articles, in corpus order.
pub fn articles() -> &'static [Article] {
    &ARTICLES
}

pub fn article(id: &str) -> Option<&'static Article> {
    articles().iter().find(|a| a.id() == id)
}

const MONTHS_AR: [&str; 12] = [
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
    "نوفمبر", "ديسمبر",
];

/// "يناير 2022" for `2022-01`; the raw value when it is not a date siyaq knows how to read.
pub fn date_label(date: &DocumentDate) -> String {
    month_year(date, &MONTHS_AR)
}

const MONTHS_EN: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
];

/// "January 2022" for `2022-01`.
pub fn date_label_en(date: &DocumentDate) -> String {
    month_year(date, &MONTHS_EN)
}

/// "يناير 2022" for `2022-01`, "7 يناير 2022" for `2022-01-07`; the raw value otherwise.
fn month_year(date: &DocumentDate, months: &[&str; 12]) -> String {
    let mut parts = date.value.split('-');
    let (Some(year), Some(month)) = (parts.next(), parts.next()) else {
        return date.value.to_string();
    };
    let Some(name) = month.parse::<usize>().ok().and_then(|m| months.get(m.wrapping_sub(1))) else {
        return date.value.to_string();
    };
    match parts.next().map(|day| day.parse::<u8>()) {
        None => format!("{name} {year}"),
        Some(Ok(day @ 1..=31)) if parts.next().is_none() => format!("{day} {name} {year}"),
        Some(_) => date.value.to_string(),
    }
}

/// The word count in the interface language.
pub fn words_label(lang: crate::i18n::Lang, words: usize) -> String {
    match lang {
        crate::i18n::Lang::Ar => word_count_label(words),
        crate::i18n::Lang::En if words == 1 => "1 word".to_string(),
        crate::i18n::Lang::En => format!("{words} words"),
    }
}

/// "612 كلمة", with the counted noun in the form Arabic grammar asks for after the number.
pub fn word_count_label(words: usize) -> String {
    crate::i18n::counted_ar(words, ["كلمة واحدة", "كلمتان", "كلمات", "كلمة"])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_document_is_listed_with_a_heading_and_its_words() {
        assert_eq!(articles().len(), loaded().documents().len());
        for article in articles() {
            assert!(!article.heading.text().is_empty(), "{}", article.id());
            assert_eq!(article.words, loaded().word_count(article.document));
        }
        let printed = articles().iter().filter(|a| matches!(a.heading, Heading::Printed(_))).count();
        assert_eq!(printed, 2);
    }

    #[test]
    fn dates_read_as_arabic_months() {
        let date = DocumentDate { value: "2023-02".into(), inferred: true, evidence: None, note: None };
        assert_eq!(date_label(&date), "فبراير 2023");
        let odd = DocumentDate { value: "2023-13".into(), inferred: false, evidence: None, note: None };
        assert_eq!(date_label(&odd), "2023-13");
        assert_eq!(date_label_en(&date), "February 2023");
        let day = DocumentDate { value: "2022-01-07".into(), inferred: false, evidence: None, note: None };
        assert_eq!(date_label(&day), "7 يناير 2022");
        assert_eq!(date_label_en(&day), "7 January 2022");
        let odd_day = DocumentDate { value: "2022-01-32".into(), inferred: false, evidence: None, note: None };
        assert_eq!(date_label(&odd_day), "2022-01-32");
    }

    #[test]
    fn counted_noun_agrees_with_the_number() {
        assert_eq!(word_count_label(1), "كلمة واحدة");
        assert_eq!(word_count_label(7), "7 كلمات");
        assert_eq!(word_count_label(612), "612 كلمة");
        assert_eq!(word_count_label(1105), "1105 كلمات");
    }
}
