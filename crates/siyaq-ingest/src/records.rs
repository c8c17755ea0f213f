//! Tables of articles: `.csv`, `.tsv` and `.jsonl` with one article per record.
//!
//! Columns (or JSON keys) are found by name, in English or Arabic, whatever their case: the text
//! (text, body, content, article, النص, المتن, المحتوى), the title (title, headline, العنوان),
//! the date (date, published, published_at, التاريخ), the source (source, outlet, publication,
//! المصدر) and the author (author, byline, writer, الكاتب). Each record becomes a [`Source`]
//! named `file.csv#N` (N counts records from 1) whose text is the title line, when there is one,
//! then the text.

use crate::{Skipped, Source, decode, sha256_hex};

/// One record of a table: its text and what its columns say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// `file.csv#N`, its text, the table's SHA-256 and encoding.
    pub source: Source,
    /// The title, on the text's first line.
    pub title: Option<String>,
    /// The date column's value, as written.
    pub date: Option<String>,
    /// The name of the date column, as the table spells it.
    pub date_column: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
}

/// What a table yields: its usable records, and those left out.
#[derive(Debug, Default)]
pub struct Table {
    pub records: Vec<Record>,
    pub skipped: Vec<Skipped>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Field {
    Text,
    Title,
    Date,
    Source,
    Author,
}

const FIELDS: &[(Field, &[&str])] = &[
    (
        Field::Text,
        &[
            "text",
            "body",
            "content",
            "article",
            "النص",
            "نص",
            "المتن",
            "متن",
            "المحتوى",
            "محتوى",
        ],
    ),
    (Field::Title, &["title", "headline", "العنوان", "عنوان"]),
    (
        Field::Date,
        &[
            "date",
            "published",
            "published_at",
            "publication_date",
            "التاريخ",
            "تاريخ",
        ],
    ),
    (
        Field::Source,
        &["source", "outlet", "publication", "المصدر", "مصدر"],
    ),
    (
        Field::Author,
        &["author", "byline", "writer", "الكاتب", "كاتب"],
    ),
];

fn field_of(column: &str) -> Option<Field> {
    let column = column.trim().trim_start_matches('\u{FEFF}').to_lowercase();
    FIELDS
        .iter()
        .find(|(_, names)| names.contains(&column.as_str()))
        .map(|(f, _)| *f)
}

/// Whether a file name is that of a table this module reads.
pub fn is_table(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".csv", ".tsv", ".jsonl"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// The records of the table `name` (its path in the folder, which says its kind) given as bytes.
/// Errors when the table cannot be read at all or has no text column.
pub fn read(name: &str, bytes: &[u8], label: Option<&str>) -> Result<Table, String> {
    let decoded = decode::decode(bytes, label)?;
    let sha256 = sha256_hex(bytes);
    let rows: Vec<Row> = if name.to_ascii_lowercase().ends_with(".jsonl") {
        json_rows(&decoded.text)
    } else {
        let delimiter = if name.to_ascii_lowercase().ends_with(".tsv") {
            b'\t'
        } else {
            b','
        };
        csv_rows(&decoded.text, delimiter)?
    };
    let mut columns: Vec<String> = Vec::new();
    for row in rows.iter().flatten() {
        for (key, _) in row {
            if !columns.contains(key) {
                columns.push(key.clone());
            }
        }
    }
    if !columns.iter().any(|c| field_of(c) == Some(Field::Text)) {
        return Err(if columns.is_empty() {
            "no record in the table".to_string()
        } else {
            format!(
                "no text column (text, body, content, article, النص, المتن, المحتوى); its columns are: {}",
                columns.join(", ")
            )
        });
    }
    let mut table = Table::default();
    for (i, row) in rows.into_iter().enumerate() {
        let number = i + 1;
        let what = format!("{name}#{number}");
        let row = match row {
            Ok(row) => row,
            Err(why) => {
                table.skipped.push(Skipped { what, why });
                continue;
            }
        };
        let get = |field: Field| {
            row.iter()
                .find(|(k, v)| field_of(k) == Some(field) && !v.trim().is_empty())
                .map(|(k, v)| (k.clone(), v.clone()))
        };
        let one_line = |v: String| v.split_whitespace().collect::<Vec<_>>().join(" ");
        let Some((_, body)) = get(Field::Text) else {
            table.skipped.push(Skipped {
                what,
                why: "the record's text is empty".into(),
            });
            continue;
        };
        let title = get(Field::Title).map(|(_, v)| one_line(v));
        let body = decode::normalize_line_ends(body.trim().to_string());
        let text = match &title {
            Some(title) => format!("{title}\n{body}"),
            None => body,
        };
        let (date_column, date) = get(Field::Date)
            .map(|(k, v)| (Some(k), Some(v.trim().to_string())))
            .unwrap_or_default();
        table.records.push(Record {
            source: Source {
                name: what,
                text,
                sha256: sha256.clone(),
                encoding: decoded.encoding,
            },
            title,
            date,
            date_column,
            outlet: get(Field::Source).map(|(_, v)| one_line(v)),
            author: get(Field::Author).map(|(_, v)| one_line(v)),
        });
    }
    Ok(table)
}

/// A record as (column, value) pairs, or why it cannot be read.
type Row = Result<Vec<(String, String)>, String>;

fn csv_rows(text: &str, delimiter: u8) -> Result<Vec<Row>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| format!("not a readable table: {e}"))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    Ok(reader
        .records()
        .map(|record| {
            let record = record.map_err(|e| format!("not a readable record: {e}"))?;
            Ok(headers
                .iter()
                .cloned()
                .zip(record.iter().map(str::to_string))
                .collect())
        })
        .collect())
}

fn json_rows(text: &str) -> Vec<Row> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let value: serde_json::Value =
                serde_json::from_str(line).map_err(|e| format!("not a JSON record: {e}"))?;
            let serde_json::Value::Object(map) = value else {
                return Err("not a JSON object".to_string());
            };
            Ok(map
                .into_iter()
                .filter_map(|(k, v)| match v {
                    serde_json::Value::String(s) => Some((k, s)),
                    serde_json::Value::Number(n) => Some((k, n.to_string())),
                    _ => None,
                })
                .collect())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_with_columns_in_any_order_and_case() {
        let csv = "Date,TEXT,title,Source,author\n2022-01-06,\"قال بوتين إن القوات ستغادر.\r\nوأضاف أن المهمة انتهت.\",بوتين يعلن,تاس,ليلى\n,,,,\n";
        let table = read("t.csv", csv.as_bytes(), None).unwrap();
        assert_eq!(table.records.len(), 1);
        let r = &table.records[0];
        assert_eq!(r.source.name, "t.csv#1");
        assert_eq!(
            r.source.text,
            "بوتين يعلن\nقال بوتين إن القوات ستغادر.\nوأضاف أن المهمة انتهت."
        );
        assert_eq!(
            (r.date.as_deref(), r.date_column.as_deref()),
            (Some("2022-01-06"), Some("Date"))
        );
        assert_eq!(
            (r.outlet.as_deref(), r.author.as_deref()),
            (Some("تاس"), Some("ليلى"))
        );
        assert_eq!(
            table.skipped,
            [Skipped {
                what: "t.csv#2".into(),
                why: "the record's text is empty".into()
            }]
        );
    }

    #[test]
    fn arabic_columns_tsv_and_jsonl() {
        let tsv = "العنوان\tالنص\tالتاريخ\nعنوان\tنص المقال\t6 يناير 2022\n";
        let r = &read("t.tsv", tsv.as_bytes(), None).unwrap().records[0];
        assert_eq!(
            (r.source.text.as_str(), r.date.as_deref()),
            ("عنوان\nنص المقال", Some("6 يناير 2022"))
        );
        let jsonl =
            "{\"Title\": \"أ\", \"content\": \"نص\", \"id\": 3}\n\n[1]\n{\"body\": \"ب\"}\n";
        let table = read("t.jsonl", jsonl.as_bytes(), None).unwrap();
        let names: Vec<&str> = table
            .records
            .iter()
            .map(|r| r.source.name.as_str())
            .collect();
        assert_eq!(names, ["t.jsonl#1", "t.jsonl#3"]);
        assert_eq!(table.skipped[0].what, "t.jsonl#2");
    }

    #[test]
    fn a_table_without_text_names_its_columns() {
        let err = read("t.csv", "title,date\nعنوان,2022-01-01\n".as_bytes(), None).unwrap_err();
        assert!(
            err.contains("no text column") && err.contains("title, date"),
            "{err}"
        );
        assert!(read("t.csv", b"", None).is_err());
    }
}
