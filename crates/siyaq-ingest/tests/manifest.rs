//! The bundled corpus is what was received, and the manifest describes it faithfully.

use std::{collections::BTreeSet, fs, path::PathBuf};

use sha2::{Digest, Sha256};
use siyaq_corpus::{Document, LineRole, line_spans};
use siyaq_ingest::sample;

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

fn documents() -> &'static [Document] {
    sample().documents()
}

fn document(id: &str) -> Option<&'static Document> {
    sample().document(id)
}

fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn embedded_bytes_equal_the_files_in_corpus_dir() {
    for file in sample().files() {
        let on_disk = fs::read(corpus_dir().join(&file.name)).unwrap();
        assert_eq!(
            file.text.as_bytes(),
            on_disk.as_slice(),
            "{} differs from corpus/",
            file.name
        );
    }
}

#[test]
fn files_are_byte_for_byte_as_received() {
    for file in sample().files() {
        let digest = Sha256::digest(file.text.as_bytes());
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(
            hex, file.sha256,
            "{} does not match its recorded sha256",
            file.name
        );
    }
}

#[test]
fn every_text_file_in_corpus_dir_is_bundled() {
    let on_disk: BTreeSet<String> = fs::read_dir(corpus_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    let bundled: BTreeSet<String> = sample()
        .files()
        .iter()
        .map(|f| f.name.to_string())
        .collect();
    assert_eq!(on_disk, bundled);
    assert_eq!(bundled.len(), 5);
}

#[test]
fn every_line_of_every_file_belongs_to_exactly_one_document() {
    for (index, file) in sample().files().iter().enumerate() {
        let line_count = line_spans(&file.text).len();
        for number in 1..=line_count {
            let owners: Vec<&str> = documents()
                .iter()
                .filter(|d| {
                    d.file_index == index && (d.first_line()..=d.last_line()).contains(&number)
                })
                .map(|d| d.id.as_str())
                .collect();
            assert_eq!(
                owners.len(),
                1,
                "{} line {number} belongs to {owners:?}",
                file.name
            );
        }
        for doc in documents().iter().filter(|d| d.file_index == index) {
            assert!(
                doc.first_line() >= 1 && doc.last_line() <= line_count,
                "{} out of range",
                doc.id
            );
            assert_eq!(
                sample().lines(doc).count(),
                doc.last_line() - doc.first_line() + 1
            );
        }
    }
}

#[test]
fn each_document_text_runs_from_its_first_line_to_its_last() {
    for doc in documents() {
        let lines: Vec<_> = sample().lines(doc).collect();
        let (first, last) = (lines.first().unwrap(), lines.last().unwrap());
        assert_eq!(doc.span(), first.span.start..last.span.end, "{}", doc.id);
        let text = sample().text(doc);
        assert!(
            text.starts_with(first.text) && text.ends_with(last.text),
            "{}",
            doc.id
        );
    }
}

#[test]
fn six_documents_with_unique_stable_ids() {
    let ids: Vec<&str> = documents().iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids.len(), 6);
    assert_eq!(
        ids.iter().collect::<BTreeSet<_>>().len(),
        6,
        "duplicate ids: {ids:?}"
    );
    for id in ids {
        assert!(
            id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{id} is not a lowercase ASCII slug"
        );
        assert_eq!(document(id).unwrap().id, id);
    }
}

#[test]
fn titles_are_recorded_once_and_repeats_are_marked() {
    for doc in documents() {
        match (doc.title.as_deref(), doc.title_line) {
            (Some(title), Some(number)) => {
                let line = sample().lines(doc).find(|l| l.number == number).unwrap();
                assert_eq!(
                    collapse_whitespace(line.text),
                    title,
                    "{}: title line differs",
                    doc.id
                );
                assert_eq!(line.role, LineRole::Title);
            }
            (None, None) => {}
            _ => panic!(
                "{}: a title needs its line and a title line needs its title",
                doc.id
            ),
        }
        for &number in &doc.duplicate_lines {
            let line = sample().lines(doc).find(|l| l.number == number).unwrap();
            assert_eq!(
                Some(collapse_whitespace(line.text).as_str()),
                doc.title.as_deref(),
                "{} line {number}",
                doc.id
            );
            assert_eq!(line.role, LineRole::DuplicateTitle);
        }
    }
    assert_eq!(
        documents()
            .iter()
            .filter(|d| !d.duplicate_lines.is_empty())
            .count(),
        2
    );
}

#[test]
fn metadata_is_printed_on_the_lines_it_names() {
    for doc in documents() {
        let line_text = |n: Option<usize>| {
            sample()
                .lines(doc)
                .find(|l| Some(l.number) == n)
                .map(|l| l.text)
        };
        for (what, value, line) in [
            ("author", doc.author.as_deref(), doc.byline_line),
            ("source", doc.source.as_deref(), doc.source_line),
            ("translator", doc.translator.as_deref(), doc.translator_line),
        ] {
            match (value, line) {
                (Some(value), Some(_)) => {
                    let text = line_text(line)
                        .unwrap_or_else(|| panic!("{}: {what} line outside", doc.id));
                    assert!(
                        text.contains(value),
                        "{}: {what} {value:?} not on its line {text:?}",
                        doc.id
                    );
                }
                (None, None) => {}
                _ => panic!("{}: {what} and its line go together", doc.id),
            }
        }
        for &number in &doc.heading_lines {
            let line = sample().lines(doc).find(|l| l.number == number).unwrap();
            assert_eq!(line.role, LineRole::Heading);
            assert!(
                line.text.split_whitespace().count() <= 12,
                "{}: heading {number} is long",
                doc.id
            );
        }
    }
}

#[test]
fn dates_are_months_and_inferred_ones_quote_their_evidence() {
    for doc in documents() {
        let date = doc
            .date
            .as_ref()
            .unwrap_or_else(|| panic!("{}: every document of the sample has a date", doc.id));
        let parts: Vec<&str> = date.value.split('-').collect();
        assert!(
            matches!(parts.len(), 2 | 3),
            "{}: bad date {}",
            doc.id,
            date.value
        );
        let year: u32 = parts[0].parse().unwrap();
        let month: u32 = parts[1].parse().unwrap();
        assert!(
            (2020..=2023).contains(&year) && (1..=12).contains(&month),
            "{}",
            doc.id
        );
        if date.inferred {
            let evidence = date
                .evidence
                .as_deref()
                .unwrap_or_else(|| panic!("{}: inferred date without evidence", doc.id));
            let text: String = sample()
                .lines(doc)
                .map(|l| l.text)
                .collect::<Vec<_>>()
                .join("\n");
            assert!(
                text.contains(evidence),
                "{}: evidence is not verbatim in the text",
                doc.id
            );
            assert!(
                date.note.is_some(),
                "{}: say how the evidence gives the date",
                doc.id
            );
        }
    }
    assert_eq!(
        document("ukraine-war-first-year")
            .unwrap()
            .date
            .as_ref()
            .unwrap()
            .value,
        "2023-02"
    );
}

#[test]
fn repeated_titles_do_not_count_as_words() {
    let doc = document("russian-troops-kazakhstan").unwrap();
    let all_lines: usize = sample()
        .lines(doc)
        .map(|l| siyaq_engine::word_count(l.text))
        .sum();
    let title_words = siyaq_engine::word_count(doc.title.as_deref().unwrap());
    assert_eq!(title_words, 12);
    assert_eq!(sample().word_count(doc), all_lines - title_words);
}

#[test]
fn word_counts_are_plausible_for_news_articles() {
    for doc in documents() {
        let spaces: usize = sample()
            .counted_lines(doc)
            .map(|l| l.text.split_whitespace().count())
            .sum();
        let words = sample().word_count(doc);
        // Punctuation standing alone (– , :) splits on spaces but is not a word; numbers glued to
        // letters (لـ100الف) are more than one.
        assert!(
            words * 10 >= spaces * 9 && words * 10 <= spaces * 11,
            "{}: {words} vs {spaces}",
            doc.id
        );
        assert!(words > 200, "{}: only {words} words", doc.id);
    }
}

#[test]
fn untitled_documents_are_listed_by_their_opening_words() {
    let doc = document("peacekeepers-should-stay").unwrap();
    assert_eq!(doc.title, None);
    assert_eq!(
        sample().opening_words(doc, 6),
        "تكتسب العملية المشتركة لمنظمة معاهدة الأمن…"
    );
    // The byline is not the opening.
    assert!(
        sample()
            .opening_words(document("csto-three-things").unwrap(), 3)
            .starts_with("الشرق اليوم-")
    );
}

#[test]
fn the_corpus_version_is_a_short_content_hash() {
    let version = sample().version();
    assert_eq!(version.len(), 12);
    assert!(
        version
            .chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()),
        "{version}"
    );
}
