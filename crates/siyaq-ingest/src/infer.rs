//! What an article's text says about itself: its title, a repeated title, its byline, source,
//! translator and date. Rules only; nothing is guessed that the text does not print.
//!
//! Month names are data (`data/months.toml`), compiled in.

use std::sync::OnceLock;

use serde::Deserialize;

/// A date printed in a text, as a value (`YYYY-MM-DD` or `YYYY-MM`) and the words giving it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundDate {
    pub value: String,
    /// The words, verbatim.
    pub evidence: String,
}

/// The roles of a text's lines (numbers counted from 1) and what they say.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Roles {
    pub title: Option<String>,
    pub title_line: Option<usize>,
    pub duplicate_lines: Vec<usize>,
    pub author: Option<String>,
    pub byline_line: Option<usize>,
    pub source: Option<String>,
    pub source_line: Option<usize>,
    pub translator: Option<String>,
    pub translator_line: Option<usize>,
    /// The date, and a note saying where it is printed.
    pub date: Option<(FoundDate, String)>,
}

/// How many opening lines are searched for a date before the rest of the text.
const HEAD_LINES: usize = 10;
/// The longest title, in words.
const TITLE_WORDS: usize = 25;

#[derive(Deserialize)]
struct MonthFile {
    month: Vec<MonthEntry>,
}

#[derive(Deserialize)]
struct MonthEntry {
    number: u32,
    names: Vec<String>,
}

/// Every month spelling, folded, longest first, with its month number.
fn months() -> &'static [(Vec<char>, u32)] {
    static MONTHS: OnceLock<Vec<(Vec<char>, u32)>> = OnceLock::new();
    MONTHS.get_or_init(|| {
        let file: MonthFile =
            toml::from_str(include_str!("../data/months.toml")).expect("data/months.toml is valid");
        let mut names: Vec<(Vec<char>, u32)> = file
            .month
            .into_iter()
            .flat_map(|m| {
                m.names
                    .into_iter()
                    .map(move |n| (n.chars().map(fold).collect(), m.number))
            })
            .collect();
        names.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
        names
    })
}

/// One character as dates are matched: hamza forms of alef as alef, ة as ه, ى as ي, Arabic-Indic
/// and Persian digits as ASCII digits. One character in, one out, so positions carry over.
fn fold(c: char) -> char {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ة' => 'ه',
        'ى' => 'ي',
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        _ => c,
    }
}

/// The most characters a date's start lies before its first digit: a month's longest name with
/// the other series' name in brackets or after a slash (`كانون الثاني (يناير) 2022`), with room
/// for stray spaces.
const MOST_CHARS_BEFORE_DIGITS: usize = 64;

/// The first date printed in `text`: `2022-01-06`, `06/01/2022` (day first), `6 يناير 2022`,
/// `كانون الثاني 2022`, `6 كانون الثاني/يناير 2022`, in any digits.
pub fn find_date(text: &str) -> Option<FoundDate> {
    let original: Vec<char> = text.chars().collect();
    let folded: Vec<char> = original.iter().map(|&c| fold(c)).collect();
    // Every date has digits (its year at least) within a few words of its start: only places
    // that near a digit are tried, which spares a long text without dates most of the work.
    let mut next_digit = vec![usize::MAX; folded.len() + 1];
    for i in (0..folded.len()).rev() {
        next_digit[i] = if folded[i].is_ascii_digit() { i } else { next_digit[i + 1] };
    }
    (0..folded.len()).filter(|&start| next_digit[start].saturating_sub(start) <= MOST_CHARS_BEFORE_DIGITS).find_map(|start| {
        let (value, end) = numeric_at(&folded, start).or_else(|| named_at(&folded, start))?;
        Some(FoundDate {
            value,
            evidence: original[start..end].iter().collect(),
        })
    })
}

/// The run of ASCII digits at `at`, if it starts there (no digit before it).
fn digits_at(s: &[char], at: usize) -> Option<(u32, usize, usize)> {
    if at > 0 && s[at - 1].is_ascii_digit() {
        return None;
    }
    let end = (at..s.len())
        .find(|&i| !s[i].is_ascii_digit())
        .unwrap_or(s.len());
    if end == at || end - at > 4 {
        return None;
    }
    let value = s[at..end].iter().collect::<String>().parse().ok()?;
    Some((value, end - at, end))
}

fn date_value(year: u32, month: u32, day: Option<u32>) -> Option<String> {
    if !(1900..=2100).contains(&year) || !(1..=12).contains(&month) {
        return None;
    }
    match day {
        None => Some(format!("{year:04}-{month:02}")),
        Some(day) => {
            let leap =
                year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
            let days = [
                31,
                if leap { 29 } else { 28 },
                31,
                30,
                31,
                30,
                31,
                31,
                30,
                31,
                30,
                31,
            ][month as usize - 1];
            (1..=days)
                .contains(&day)
                .then(|| format!("{year:04}-{month:02}-{day:02}"))
        }
    }
}

/// `2022-01-06`, `2022/1/6` or `06/01/2022`, `6.1.2022`, `06-01-2022` at `at`.
fn numeric_at(s: &[char], at: usize) -> Option<(String, usize)> {
    let (a, a_len, end) = digits_at(s, at)?;
    let sep = *s.get(end)?;
    if !matches!(sep, '-' | '/' | '.') {
        return None;
    }
    let (b, _, end) = digits_at(s, end + 1)?;
    if s.get(end) != Some(&sep) {
        return None;
    }
    let (c, c_len, end) = digits_at(s, end + 1)?;
    let value = if a_len == 4 && c_len <= 2 {
        date_value(a, b, Some(c))
    } else if a_len <= 2 && c_len == 4 {
        date_value(c, b, Some(a))
    } else {
        None
    }?;
    Some((value, end))
}

fn is_letter(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphabetic())
}

/// A month name starting at `at` (not inside a word), and where it ends.
fn month_at(s: &[char], at: usize) -> Option<(u32, usize)> {
    if at > 0 && is_letter(s.get(at - 1)) {
        return None;
    }
    months().iter().find_map(|(name, number)| {
        let mut i = at;
        for &c in name {
            if c == ' ' {
                let start = i;
                while s.get(i).is_some_and(|c| c.is_whitespace()) {
                    i += 1;
                }
                if i == start {
                    return None;
                }
            } else if s.get(i) == Some(&c) {
                i += 1;
            } else {
                return None;
            }
        }
        (!is_letter(s.get(i))).then_some((*number, i))
    })
}

fn skip(s: &[char], mut i: usize, chars: &str) -> usize {
    while s
        .get(i)
        .is_some_and(|c| c.is_whitespace() || chars.contains(*c))
    {
        i += 1;
    }
    i
}

/// `[day] month [/month | (month)] [,] year` at `at`.
fn named_at(s: &[char], at: usize) -> Option<(String, usize)> {
    let (day, i) = match digits_at(s, at) {
        Some((day, len, end)) if len <= 2 => (Some(day), skip(s, end, "")),
        Some(_) => return None,
        None => (None, at),
    };
    let (month, mut i) = month_at(s, i)?;
    // A second name of the same month: كانون الثاني/يناير, كانون الثاني (يناير).
    let after = skip(s, i, "/(-");
    if let Some((other, end)) = month_at(s, after)
        && other == month
    {
        i = if s.get(end) == Some(&')') {
            end + 1
        } else {
            end
        };
    }
    let i = skip(s, i, ",،");
    let (year, len, end) = digits_at(s, i)?;
    if len != 4 || s.get(end).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((date_value(year, month, day)?, end))
}

/// Words of a line: its whitespace-separated pieces.
fn words(line: &str) -> usize {
    line.split_whitespace().count()
}

/// The rest of `line` after one of `prefixes`, when the line is such a line: `colon` says a
/// colon must follow the prefix (`كتب: …`), else a colon or a space will do.
fn labelled<'a>(
    line: &'a str,
    prefixes: &[&str],
    colon: bool,
    max_words: usize,
) -> Option<&'a str> {
    let line = line.trim();
    prefixes.iter().find_map(|prefix| {
        let rest = line.strip_prefix(prefix)?;
        let after = rest.trim_start();
        let rest = if let Some(r) = after.strip_prefix([':', '：']) {
            r
        } else if colon || rest.len() == after.len() {
            return None;
        } else {
            after
        };
        let value = rest
            .trim()
            .trim_matches(|c: char| c.is_whitespace() || "-–—:.".contains(c))
            .trim();
        (!value.is_empty() && words(value) <= max_words).then_some(value)
    })
}

/// `بقلم: X`, `بقلم X`, `كتب: X`, `By X`.
pub fn byline(line: &str) -> Option<&str> {
    labelled(line, &["بقلم"], false, 8)
        .or_else(|| labelled(line, &["كتبت", "كتب"], true, 8))
        .or_else(|| labelled(line, &["By", "by", "BY"], false, 5).filter(|_| words(line) <= 6))
}

/// `المصدر: X`, `Source: X`, `نقلا عن X`.
pub fn source(line: &str) -> Option<&str> {
    labelled(line, &["المصدر", "Source", "source", "SOURCE"], true, 12)
        .or_else(|| labelled(line, &["نقلاً عن", "نقلا عن", "نقلًا عن"], false, 8))
}

/// `ترجمة: X`, `Translated by X`.
pub fn translator(line: &str) -> Option<&str> {
    labelled(line, &["ترجمة"], true, 6)
        .or_else(|| labelled(line, &["ترجمة"], false, 4))
        .or_else(|| labelled(line, &["Translated by", "translated by"], false, 6))
}

/// Whether `line` is only a date (a few words around it at most).
fn is_date_line(line: &str) -> bool {
    find_date(line).is_some_and(|d| words(line) <= words(&d.evidence) + 3)
}

fn collapse(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A title line's text: whitespace folded, a Markdown heading's `#` marks and `**` left out.
fn title_text(line: &str) -> String {
    let line = line.trim();
    let line = match line.trim_start_matches('#') {
        rest if rest.len() < line.len() && rest.starts_with(' ') => rest,
        _ => line,
    };
    let line = line.trim();
    let line = line
        .strip_prefix("**")
        .and_then(|l| l.strip_suffix("**"))
        .unwrap_or(line);
    collapse(line)
}

/// Whether `line` reads like a title: short, not a sentence (no final period or colon).
pub fn is_title_like(line: &str) -> bool {
    let line = line.trim();
    let n = words(line);
    (1..=TITLE_WORDS).contains(&n)
        && line.chars().count() <= 200
        && !line.ends_with(['.', ':', '،', ',', '؛', ';'])
        && byline(line).is_none()
        && source(line).is_none()
        && translator(line).is_none()
        && !is_date_line(line)
}

/// The roles of the lines of `text` (lines split at `\n`).
pub fn analyse(text: &str) -> Roles {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut roles = Roles::default();
    let non_blank: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .collect();
    if let Some(&first) = non_blank.first()
        && is_title_like(lines[first])
    {
        let title = title_text(lines[first]);
        roles.title_line = Some(first + 1);
        if let Some(&next) = non_blank.get(1)
            && title_text(lines[next]) == title
        {
            roles.duplicate_lines.push(next + 1);
        }
        roles.title = Some(title);
    }
    let taken =
        |roles: &Roles, n: usize| roles.title_line == Some(n) || roles.duplicate_lines.contains(&n);
    for &i in &non_blank {
        let n = i + 1;
        if taken(&roles, n) {
            continue;
        }
        if roles.author.is_none()
            && let Some(author) = byline(lines[i])
        {
            roles.author = Some(author.to_string());
            roles.byline_line = Some(n);
        } else if roles.source.is_none()
            && let Some(source) = source(lines[i])
        {
            roles.source = Some(source.to_string());
            roles.source_line = Some(n);
        } else if roles.translator.is_none()
            && let Some(translator) = translator(lines[i])
        {
            roles.translator = Some(translator.to_string());
            roles.translator_line = Some(n);
        }
    }
    roles.date = non_blank.iter().find_map(|&i| {
        let date = find_date(lines[i])?;
        let note = if i < HEAD_LINES {
            format!("printed in line {}", i + 1)
        } else {
            format!(
                "printed in line {}, in the body: check that it is the article's date",
                i + 1
            )
        };
        Some((date, note))
    });
    roles
}

#[cfg(test)]
mod tests {
    /// Only places near a digit are tried: a date after a long stretch without digits is found.
    #[test]
    fn a_date_after_a_long_text_without_digits_is_found() {
        let text = format!("{}وقال في السابع من كانون الثاني (يناير) 2022 إن الأمر انتهى.", "كلام بلا أرقام ولا تواريخ. ".repeat(2_000));
        let found = find_date(&text).unwrap();
        assert_eq!((found.value.as_str(), found.evidence.as_str()), ("2022-01", "كانون الثاني (يناير) 2022"));
    }

    use super::*;

    fn date(text: &str) -> Option<(String, String)> {
        find_date(text).map(|d| (d.value, d.evidence))
    }

    fn pair(value: &str, evidence: &str) -> Option<(String, String)> {
        Some((value.into(), evidence.into()))
    }

    #[test]
    fn dates_in_every_form() {
        assert_eq!(
            date("نشر في 2022-01-06 صباحا"),
            pair("2022-01-06", "2022-01-06")
        );
        assert_eq!(date("موسكو 06/01/2022"), pair("2022-01-06", "06/01/2022"));
        assert_eq!(
            date("الخميس 6 يناير 2022"),
            pair("2022-01-06", "6 يناير 2022")
        );
        assert_eq!(
            date("بيروت، ١٢ كانون الثاني ٢٠٢٢"),
            pair("2022-01-12", "١٢ كانون الثاني ٢٠٢٢")
        );
        assert_eq!(
            date("۳ اسفند؟ لا: ۱۵ إبريل ۲۰۲۳"),
            pair("2023-04-15", "۱۵ إبريل ۲۰۲۳")
        );
        assert_eq!(
            date("عدد تشرين الأول، 2021"),
            pair("2021-10", "تشرين الأول، 2021")
        );
        assert_eq!(
            date("7 كانون الثاني/يناير 2022"),
            pair("2022-01-07", "7 كانون الثاني/يناير 2022")
        );
        assert_eq!(
            date("3 آذار (مارس) 2022"),
            pair("2022-03-03", "3 آذار (مارس) 2022")
        );
    }

    #[test]
    fn words_and_numbers_that_are_not_dates() {
        assert_eq!(date("مارس الرئيس ضغوطا على 2022 نائبا"), None);
        assert_eq!(date("في يناير الماضي"), None);
        assert_eq!(date("31/02/2022 و 2022-13-01 و 12345-01-01"), None);
        assert_eq!(date("أبابيل 2022"), None, "a month name inside a word");
    }

    #[test]
    fn bylines_sources_and_translators() {
        assert_eq!(byline("بقلم: سارة الخطيب"), Some("سارة الخطيب"));
        assert_eq!(byline("بقلم سارة الخطيب"), Some("سارة الخطيب"));
        assert_eq!(byline("كتب: عمر حداد"), Some("عمر حداد"));
        assert_eq!(byline("By Jane Doe"), Some("Jane Doe"));
        assert_eq!(
            byline("كتب الرئيس رسالة طويلة إلى نظيره الروسي يطلب فيها الكثير من الأمور"),
            None
        );
        assert_eq!(source("المصدر: وكالة الأنباء"), Some("وكالة الأنباء"));
        assert_eq!(source("نقلاً عن صحيفة الشرق"), Some("صحيفة الشرق"));
        assert_eq!(source("المصدر الدبلوماسي قال إن"), None);
        assert_eq!(translator("ترجمة: أوغاريت بوست"), Some("أوغاريت بوست"));
    }

    #[test]
    fn a_text_s_roles() {
        let text = "روسيا تسحب قواتها\nروسيا  تسحب قواتها\n\nبقلم: ليلى منصور\n6 يناير 2022\nقالت موسكو إن القوات ستعود.\nالمصدر: وكالة الأنباء\n";
        let roles = analyse(text);
        assert_eq!(roles.title.as_deref(), Some("روسيا تسحب قواتها"));
        assert_eq!(
            (roles.title_line, roles.duplicate_lines.clone()),
            (Some(1), vec![2])
        );
        assert_eq!(
            (roles.author.as_deref(), roles.byline_line),
            (Some("ليلى منصور"), Some(4))
        );
        assert_eq!(
            (roles.source.as_deref(), roles.source_line),
            (Some("وكالة الأنباء"), Some(7))
        );
        let (date, note) = roles.date.unwrap();
        assert_eq!(
            (date.value.as_str(), date.evidence.as_str(), note.as_str()),
            ("2022-01-06", "6 يناير 2022", "printed in line 5")
        );
    }

    #[test]
    fn markdown_headings_give_their_text() {
        let roles = analyse("# عنوان المقال\n\nنص.");
        assert_eq!(
            (roles.title.as_deref(), roles.title_line),
            (Some("عنوان المقال"), Some(1))
        );
    }

    #[test]
    fn a_sentence_is_no_title() {
        assert_eq!(analyse("قالت موسكو إن القوات ستعود.\nثم عادت.").title, None);
        assert_eq!(analyse("6 يناير 2022\nنص").title, None);
    }
}
