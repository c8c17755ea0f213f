//! Mentions across time: each document's date placed in a month or an ISO week, and the mentions of
//! every entity counted per period. A document without a date, or with one too coarse for the
//! period asked for (a year alone for months, a month alone for weeks), is counted apart, with
//! the reason, never dropped.

use super::{Measure, Mention};
use crate::index::Index;

/// How finely mentions are grouped in time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Granularity {
    #[default]
    Month,
    /// ISO 8601 weeks: Monday to Sunday, week 1 the one with the year's first Thursday.
    Week,
}

impl Granularity {
    pub const ALL: [Granularity; 2] = [Granularity::Month, Granularity::Week];

    pub fn name(self) -> &'static str {
        match self {
            Granularity::Month => "month",
            Granularity::Week => "week",
        }
    }

    pub fn from_name(name: &str) -> Option<Granularity> {
        Self::ALL.into_iter().find(|g| g.name() == name)
    }
}

/// A calendar date, as much of it as a document's date gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CalendarDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl CalendarDate {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (as the corpus stores dates), checked: a month from 1
    /// to 12, a day the month has. Anything else is `None`.
    pub fn parse(value: &str) -> Option<CalendarDate> {
        let number = |part: &str, digits: usize| (part.len() == digits && part.bytes().all(|b| b.is_ascii_digit())).then(|| part.parse::<u32>().ok()).flatten();
        let mut parts = value.trim().split('-');
        let year = number(parts.next()?, 4).filter(|&y| y > 0)?;
        let month = match parts.next() {
            None => None,
            Some(month) => Some(number(month, 2).filter(|m| (1..=12).contains(m))?),
        };
        let day = match (month, parts.next()) {
            (_, None) => None,
            (Some(month), Some(day)) => Some(number(day, 2).filter(|&d| d >= 1 && d <= u32::from(days_in_month(year as i32, month as u8)))?),
            (None, Some(_)) => return None,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(CalendarDate { year: year as i32, month: month.map(|m| m as u8), day: day.map(|d| d as u8) })
    }
}

fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (negative before), proleptic Gregorian (H. Hinnant's `days_from_civil`).
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `days` after 1970-01-01 (the inverse of [`days_from_civil`]).
fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((yoe + era * 400 + i64::from(month <= 2)) as i32, month, day)
}

/// 1 for Monday … 7 for Sunday.
fn iso_weekday(days: i64) -> i64 {
    // 1970-01-01 was a Thursday.
    (days + 3).rem_euclid(7) + 1
}

/// ISO weeks in `year`: 53 when it starts on a Thursday, or on a Wednesday in a leap year.
fn weeks_in(year: i32) -> u8 {
    let jan1 = iso_weekday(days_from_civil(year, 1, 1));
    if jan1 == 4 || (jan1 == 3 && is_leap(year)) { 53 } else { 52 }
}

/// One month, or one ISO week (`year` is then the ISO year, which may differ from the calendar
/// year of the week's first days).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    Month { year: i32, month: u8 },
    Week { year: i32, week: u8 },
}

impl Period {
    /// The period of `date` at `granularity`, when the date is precise enough.
    pub fn of(date: CalendarDate, granularity: Granularity) -> Option<Period> {
        match granularity {
            Granularity::Month => Some(Period::Month { year: date.year, month: date.month? }),
            Granularity::Week => {
                let (year, month, day) = (date.year, date.month?, date.day?);
                let days = days_from_civil(year, month, day);
                let ordinal = days - days_from_civil(year, 1, 1) + 1;
                let week = (ordinal - iso_weekday(days) + 10) / 7;
                Some(if week < 1 {
                    Period::Week { year: year - 1, week: weeks_in(year - 1) }
                } else if week > i64::from(weeks_in(year)) {
                    Period::Week { year: year + 1, week: 1 }
                } else {
                    Period::Week { year, week: week as u8 }
                })
            }
        }
    }

    /// The period after this one.
    pub fn next(self) -> Period {
        match self {
            Period::Month { year, month: 12 } => Period::Month { year: year + 1, month: 1 },
            Period::Month { year, month } => Period::Month { year, month: month + 1 },
            Period::Week { year, week } if week >= weeks_in(year) => Period::Week { year: year + 1, week: 1 },
            Period::Week { year, week } => Period::Week { year, week: week + 1 },
        }
    }

    /// `2022-01` for a month, `2022-W01` for an ISO week: what links, CSV files and tests name it by.
    pub fn key(self) -> String {
        match self {
            Period::Month { year, month } => format!("{year:04}-{month:02}"),
            Period::Week { year, week } => format!("{year:04}-W{week:02}"),
        }
    }

    /// Its first and last days, as (year, month, day).
    pub fn days(self) -> ((i32, u8, u8), (i32, u8, u8)) {
        match self {
            Period::Month { year, month } => ((year, month, 1), (year, month, days_in_month(year, month))),
            Period::Week { year, week } => {
                let jan4 = days_from_civil(year, 1, 4);
                let monday = jan4 - (iso_weekday(jan4) - 1) + 7 * (i64::from(week) - 1);
                (civil_from_days(monday), civil_from_days(monday + 6))
            }
        }
    }
}

/// Why a document has no place in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Undated {
    /// It has no date.
    NoDate,
    /// Its date lacks what the granularity needs: a month (for months) or a day (for weeks).
    TooCoarse,
    /// Its date is not one siyaq can read (`2022-13`, say).
    Unreadable,
}

/// Where each document falls in time, at one granularity.
pub fn place_documents(dates: &[Option<&str>], granularity: Granularity) -> Vec<Result<Period, Undated>> {
    dates
        .iter()
        .map(|date| {
            let date = CalendarDate::parse(date.ok_or(Undated::NoDate)?).ok_or(Undated::Unreadable)?;
            Period::of(date, granularity).ok_or(Undated::TooCoarse)
        })
        .collect()
}

/// A run of periods longer than this is not drawn period by period: only the periods that hold
/// an article are kept (a corpus from 1990 to 2024 in weeks would be 1,800 columns, most empty).
pub const MAX_CONTINUOUS_PERIODS: usize = 520;

/// Mentions of every entity per period, with the undated documents' mentions apart.
#[derive(Clone, Debug, PartialEq)]
pub struct PeriodTable {
    pub granularity: Granularity,
    /// In time order: every period from the first dated document's to the last's, or, when that
    /// run is longer than [`MAX_CONTINUOUS_PERIODS`], only the periods that hold a document.
    pub periods: Vec<Period>,
    /// Whether `periods` is the whole run, empty periods included.
    pub continuous: bool,
    /// `counts[entity][period]`.
    pub counts: Vec<Vec<u32>>,
    /// Counted words of the documents of each period.
    pub words: Vec<u32>,
    /// The documents of each period, by position in the index.
    pub documents: Vec<Vec<usize>>,
    /// Documents without a place in time, with the reason, in corpus order.
    pub undated: Vec<(usize, Undated)>,
    /// Mentions of each entity in the undated documents.
    pub undated_counts: Vec<u32>,
    /// Counted words of the undated documents.
    pub undated_words: u32,
}

impl PeriodTable {
    /// Counts `mentions` of `entities` entities per period of `granularity`; `dates[d]` is the
    /// date of the index's `d`-th document, as the corpus stores it.
    pub fn new(index: &Index, mentions: &[Mention], entities: usize, dates: &[Option<&str>], granularity: Granularity) -> PeriodTable {
        let documents = index.documents().len();
        let mut places = place_documents(dates, granularity);
        places.resize(documents, Err(Undated::NoDate));
        let mut dated: Vec<Period> = places.iter().filter_map(|p| p.ok()).collect();
        dated.sort_unstable();
        dated.dedup();
        let mut periods = Vec::new();
        let mut continuous = true;
        if let (Some(&first), Some(&last)) = (dated.first(), dated.last()) {
            let mut period = first;
            loop {
                periods.push(period);
                if period >= last || periods.len() > MAX_CONTINUOUS_PERIODS {
                    break;
                }
                period = period.next();
            }
            if periods.len() > MAX_CONTINUOUS_PERIODS {
                periods = dated;
                continuous = false;
            }
        }
        let column: Vec<Option<usize>> = places.iter().map(|p| p.ok().and_then(|p| periods.binary_search(&p).ok())).collect();
        let mut table = PeriodTable {
            granularity,
            counts: vec![vec![0; periods.len()]; entities],
            words: vec![0; periods.len()],
            documents: vec![Vec::new(); periods.len()],
            undated: Vec::new(),
            undated_counts: vec![0; entities],
            undated_words: 0,
            periods,
            continuous,
        };
        for (d, (place, column)) in places.iter().zip(&column).enumerate() {
            let words = index.documents()[d].counted_words;
            match (place, column) {
                (Ok(_), Some(c)) => {
                    table.words[*c] += words;
                    table.documents[*c].push(d);
                }
                (Err(why), _) => {
                    table.undated.push((d, *why));
                    table.undated_words += words;
                }
                (Ok(_), None) => unreachable!("every dated document's period is listed"),
            }
        }
        for mention in mentions.iter().filter(|m| m.entity < entities) {
            match column[index.document_of(mention.hit.word)] {
                Some(c) => table.counts[mention.entity][c] += 1,
                None => table.undated_counts[mention.entity] += 1,
            }
        }
        table
    }

    /// Whether any document has a place in time.
    pub fn has_dates(&self) -> bool {
        !self.periods.is_empty()
    }

    /// `entity`'s mentions in the `period`-th period, as a count or per 1,000 of its words.
    pub fn value(&self, entity: usize, period: usize, measure: Measure) -> f64 {
        measured(self.counts[entity][period], self.words[period], measure)
    }

    /// `entity`'s mentions in the undated documents, as [`Self::value`] measures them.
    pub fn undated_value(&self, entity: usize, measure: Measure) -> f64 {
        measured(self.undated_counts[entity], self.undated_words, measure)
    }
}

fn measured(count: u32, words: u32, measure: Measure) -> f64 {
    match measure {
        Measure::Count => f64::from(count),
        Measure::PerThousand => super::rate(count, words),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::{EntityAliases, find_mentions};
    use crate::index::DocumentInput;
    use crate::normalize::Steps;

    #[test]
    fn dates_are_read_as_far_as_they_go_and_checked() {
        assert_eq!(CalendarDate::parse("2022"), Some(CalendarDate { year: 2022, month: None, day: None }));
        assert_eq!(CalendarDate::parse("2022-01"), Some(CalendarDate { year: 2022, month: Some(1), day: None }));
        assert_eq!(CalendarDate::parse("2024-02-29"), Some(CalendarDate { year: 2024, month: Some(2), day: Some(29) }));
        for bad in ["2023-02-29", "2022-13", "2022-00", "2022-1", "22-01", "2022-01-32", "2022-01-07-1", "", "abcd", "٢٠٢٢", "2022--01", "0000"] {
            assert_eq!(CalendarDate::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn iso_weeks_cross_year_ends_as_the_standard_says() {
        let week = |value: &str| Period::of(CalendarDate::parse(value).unwrap(), Granularity::Week).unwrap().key();
        // 2021-01-01 was a Friday: still in 2020's week 53 (2020 began on a Wednesday, a leap year).
        assert_eq!(week("2021-01-01"), "2020-W53");
        assert_eq!(week("2021-01-04"), "2021-W01");
        // 2022-01-02 a Sunday, 2022-01-03 a Monday.
        assert_eq!(week("2022-01-02"), "2021-W52");
        assert_eq!(week("2022-01-03"), "2022-W01");
        assert_eq!(week("2022-01-07"), "2022-W01");
        // 2024-12-30 a Monday: week 1 of 2025.
        assert_eq!(week("2024-12-30"), "2025-W01");
        assert_eq!(week("2026-12-31"), "2026-W53");
        assert_eq!(Period::Week { year: 2020, week: 53 }.next(), Period::Week { year: 2021, week: 1 });
        assert_eq!(Period::Week { year: 2021, week: 52 }.next(), Period::Week { year: 2022, week: 1 });
        assert_eq!(Period::Week { year: 2022, week: 1 }.days(), ((2022, 1, 3), (2022, 1, 9)));
        assert_eq!(Period::Month { year: 2024, month: 2 }.days(), ((2024, 2, 1), (2024, 2, 29)));
        assert_eq!(Period::Month { year: 2022, month: 12 }.next().key(), "2023-01");
        for days in [-800_000, -1, 0, 59, 11_016, 19_000, 2_000_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

    /// Five documents: A (2022-01-05), B (2022-01-20), C (2022-03-01), D (a year only), E (none).
    ///
    /// Mentions of بوتين (entity 0): A 2, B 1, C 1, D 1, E 1. Of روسيا (entity 1): A 1, C 2.
    /// By month, the run is 2022-01, 2022-02 (empty), 2022-03:
    ///   بوتين: 3, 0, 1 and 2 undated (D: too coarse, E: no date); روسيا: 1, 0, 2 and 0 undated.
    ///   Words: January A 4 + B 2 = 6, February 0, March C 3; undated D 2 + E 2 = 4.
    /// By week: A is in 2022-W01 (Wednesday 5 January), B in 2022-W03 (Thursday 20 January), C in
    /// 2022-W09 (Tuesday 1 March): nine weeks, W01 to W09; D and E undated.
    #[test]
    fn mentions_are_counted_per_period_and_the_undated_apart() {
        let texts = ["بوتين بوتين روسيا كلام", "بوتين كلام", "روسيا روسيا بوتين", "بوتين كلام", "بوتين كلام"];
        let ids = ["a", "b", "c", "d", "e"];
        let index = Index::build(ids.iter().zip(texts).map(|(id, text)| DocumentInput { id, text: text.into(), uncounted: vec![] }), Steps::default());
        let list = [("putin", "بوتين"), ("russia", "روسيا")]
            .map(|(id, alias)| EntityAliases { id: id.into(), aliases: vec![alias.into()], context: vec![] });
        let mentions = find_mentions(&index, &list);
        let dates = [Some("2022-01-05"), Some("2022-01-20"), Some("2022-03-01"), Some("2022"), None];

        let months = PeriodTable::new(&index, &mentions, 2, &dates, Granularity::Month);
        assert_eq!(months.periods.iter().map(|p| p.key()).collect::<Vec<_>>(), ["2022-01", "2022-02", "2022-03"]);
        assert!(months.continuous && months.has_dates());
        assert_eq!(months.counts, [vec![3, 0, 1], vec![1, 0, 2]]);
        assert_eq!(months.words, [6, 0, 3]);
        assert_eq!(months.documents, [vec![0, 1], vec![], vec![2]]);
        assert_eq!(months.undated, [(3, Undated::TooCoarse), (4, Undated::NoDate)]);
        assert_eq!((months.undated_counts.clone(), months.undated_words), (vec![2, 0], 4));
        assert_eq!(months.value(0, 0, Measure::PerThousand), 500.0);
        assert_eq!(months.value(0, 1, Measure::PerThousand), 0.0);
        assert_eq!(months.undated_value(0, Measure::Count), 2.0);
        // Every mention is somewhere: in a period or among the undated.
        let total: u32 = months.counts.iter().flatten().chain(&months.undated_counts).sum();
        assert_eq!(total as usize, mentions.len());

        let weeks = PeriodTable::new(&index, &mentions, 2, &dates, Granularity::Week);
        assert_eq!(weeks.periods.len(), 9);
        assert_eq!((weeks.periods[0].key(), weeks.periods[2].key(), weeks.periods[8].key()), ("2022-W01".into(), "2022-W03".into(), "2022-W09".into()));
        assert_eq!(weeks.counts[0], [2, 0, 1, 0, 0, 0, 0, 0, 1]);
        assert_eq!(weeks.undated.len(), 2);
    }

    #[test]
    fn without_any_date_there_are_no_periods_and_everything_is_undated() {
        let index = Index::build([DocumentInput { id: "x", text: "بوتين".into(), uncounted: vec![] }], Steps::default());
        let list = [EntityAliases { id: "putin".into(), aliases: vec!["بوتين".into()], context: vec![] }];
        let mentions = find_mentions(&index, &list);
        // A month alone is too coarse for weeks; an unreadable date is said to be one.
        for (dates, why) in [([None], Undated::NoDate), ([Some("2022-01")], Undated::TooCoarse), ([Some("2022-13")], Undated::Unreadable)] {
            let table = PeriodTable::new(&index, &mentions, 1, &dates, Granularity::Week);
            assert!(!table.has_dates());
            assert_eq!((table.undated.clone(), table.undated_counts.clone()), (vec![(0, why)], vec![1]));
        }
        // Fewer dates than documents: the rest have none.
        let table = PeriodTable::new(&index, &mentions, 1, &[], Granularity::Month);
        assert_eq!(table.undated, [(0, Undated::NoDate)]);
    }

    #[test]
    fn a_long_run_keeps_only_the_periods_that_hold_articles() {
        let index = Index::build(
            [("a", "بوتين"), ("b", "بوتين")].map(|(id, text)| DocumentInput { id, text: text.into(), uncounted: vec![] }),
            Steps::default(),
        );
        let list = [EntityAliases { id: "putin".into(), aliases: vec!["بوتين".into()], context: vec![] }];
        let mentions = find_mentions(&index, &list);
        let table = PeriodTable::new(&index, &mentions, 1, &[Some("1990-01-01"), Some("2024-06-30")], Granularity::Week);
        assert!(!table.continuous);
        assert_eq!(table.periods.iter().map(|p| p.key()).collect::<Vec<_>>(), ["1990-W01", "2024-W26"]);
        assert_eq!(table.counts, [vec![1, 1]]);
    }
}
