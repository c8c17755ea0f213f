//! How an article's facts read in the interface: its date, in words and as a badge, and its
//! length.

use leptos::prelude::*;
use siyaq_corpus::DocumentDate;
use siyaq_engine::entities::periods::Period;

use crate::i18n::{Lang, counted_ar, use_lang};
use crate::state::corpus::Article;

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

fn months(lang: Lang) -> &'static [&'static str; 12] {
    match lang {
        Lang::Ar => &MONTHS_AR,
        Lang::En => &MONTHS_EN,
    }
}

/// A period as a chart's axis names it: "يناير 2022" for a month, its Monday ("3 يناير 2022") for
/// a week.
pub fn period_short(period: Period, lang: Lang) -> String {
    let names = months(lang);
    match period {
        Period::Month { year, month } => format!("{} {year}", names[usize::from(month - 1)]),
        Period::Week { .. } => {
            let ((year, month, day), _) = period.days();
            format!("{day} {} {year}", names[usize::from(month - 1)])
        }
    }
}

/// A period in full: "يناير 2022", or "أسبوع 3 يناير 2022 (2022-W01)" / "Week of 3 January 2022
/// (2022-W01)".
pub fn period_label(period: Period, lang: Lang) -> String {
    match period {
        Period::Month { .. } => period_short(period, lang),
        Period::Week { .. } => format!("{} {} ({})", lang.pick("أسبوع", "Week of"), period_short(period, lang), period.key()),
    }
}

/// The word count in the interface language.
pub fn words_label(lang: Lang, words: usize) -> String {
    match lang {
        Lang::Ar => word_count_label(words),
        Lang::En if words == 1 => "1 word".to_string(),
        Lang::En => format!("{words} words"),
    }
}

/// "612 كلمة", with the counted noun in the form Arabic grammar asks for after the number.
pub fn word_count_label(words: usize) -> String {
    counted_ar(words, ["كلمة واحدة", "كلمتان", "كلمات", "كلمة"])
}

/// The article's date; an inferred one says so and shows the words that imply it. An article
/// whose date is unknown says so too.
#[component]
pub fn DateBadge(article: &'static Article) -> impl IntoView {
    let lang = use_lang();
    let Some(date) = article.date() else {
        return view! {
            <span class="doc-date unknown" data-date="">{move || lang.get().pick("بلا تاريخ", "undated")}</span>
        }
        .into_any();
    };
    let title = move || {
        date.evidence.as_ref().map(|words| match (lang.get(), date.inferred) {
            (Lang::Ar, true) => format!("تاريخ مستنتج من النص: «{words}»"),
            (Lang::En, true) => format!("Date inferred from the text: «{words}»"),
            (Lang::Ar, false) => format!("التاريخ كما ورد: «{words}»"),
            (Lang::En, false) => format!("The date as printed: «{words}»"),
        })
    };
    view! {
        <span class="doc-date" class:inferred=date.inferred title=title data-date=date.value.clone()>
            {move || match lang.get() {
                Lang::Ar => date_label(date),
                Lang::En => date_label_en(date),
            }}
            {move || date.inferred.then(|| lang.get().pick(" (مستنتج)", " (inferred)"))}
        </span>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn periods_read_as_months_and_weeks() {
        assert_eq!(period_label(Period::Month { year: 2022, month: 1 }, Lang::Ar), "يناير 2022");
        assert_eq!(period_label(Period::Month { year: 2023, month: 12 }, Lang::En), "December 2023");
        let week = Period::Week { year: 2022, week: 1 };
        assert_eq!(period_short(week, Lang::En), "3 January 2022");
        assert_eq!(period_label(week, Lang::Ar), "أسبوع 3 يناير 2022 (2022-W01)");
        assert_eq!(period_label(Period::Week { year: 2020, week: 53 }, Lang::En), "Week of 28 December 2020 (2020-W53)");
    }

    #[test]
    fn counted_noun_agrees_with_the_number() {
        assert_eq!(word_count_label(1), "كلمة واحدة");
        assert_eq!(word_count_label(7), "7 كلمات");
        assert_eq!(word_count_label(612), "612 كلمة");
        assert_eq!(word_count_label(1105), "1105 كلمات");
    }
}
