//! A pack is checked before use: whatever its bytes, reading it gives a corpus or a reason.

use siyaq_corpus::{Corpus, DocumentRecord, FORMAT, FileRecord, LineRole, Pack, PackError};

fn file(name: &str, text: &str) -> FileRecord {
    FileRecord { name: name.into(), sha256: String::new(), text: text.into() }
}

fn document(id: &str, file: &str, lines: [usize; 2]) -> DocumentRecord {
    DocumentRecord { id: id.into(), file: file.into(), lines, ..Default::default() }
}

fn pack(files: Vec<FileRecord>, documents: Vec<DocumentRecord>) -> Pack {
    Pack { format: FORMAT, version: "v1".into(), name: "test".into(), files, documents, entities: vec![], skipped: vec![] }
}

const TEXT: &str = "عنوان المقال\nعنوان المقال\nقالت موسكو إن القوات وصلت.\n\nوأكدت الحكومة ذلك.";

#[test]
fn a_good_pack_reads_back_with_its_lines_roles_and_counts() {
    let mut doc = document("a", "a.txt", [1, 5]);
    doc.title = Some("عنوان المقال".into());
    doc.title_line = Some(1);
    doc.duplicate_lines = vec![2];
    let p = pack(vec![file("a.txt", TEXT)], vec![doc]);
    let corpus = Corpus::from_bytes(p.to_bytes()).unwrap();
    let doc = &corpus.documents()[0];
    let roles: Vec<LineRole> = corpus.lines(doc).map(|l| l.role).collect();
    assert_eq!(
        roles,
        [LineRole::Title, LineRole::DuplicateTitle, LineRole::Body, LineRole::Blank, LineRole::Body]
    );
    assert_eq!(corpus.text(doc), TEXT);
    // The repeated title is shown, never counted: 2 + 5 + 3 words.
    assert_eq!(corpus.word_count(doc), 10);
    assert_eq!(corpus.uncounted_ranges(doc), vec![TEXT.find('\n').unwrap() + 1..2 * TEXT.find('\n').unwrap() + 1]);
    assert_eq!(corpus.version(), "v1");
    assert_eq!(corpus.heading(doc).text(), "عنوان المقال");
}

#[test]
fn a_document_in_the_middle_of_its_file_has_its_own_span() {
    let p = pack(vec![file("a.txt", TEXT)], vec![document("one", "a.txt", [1, 2]), document("two", "a.txt", [3, 5])]);
    let corpus = Corpus::from_pack(p).unwrap();
    let two = corpus.document("two").unwrap();
    assert_eq!(corpus.text(two), "قالت موسكو إن القوات وصلت.\n\nوأكدت الحكومة ذلك.");
    assert_eq!((two.first_line(), two.last_line()), (3, 5));
    assert_eq!(corpus.lines(two).next().unwrap().number, 3);
    assert!(corpus.heading(two).text().starts_with("قالت موسكو"));
}

#[test]
fn every_broken_pack_is_refused_with_its_reason() {
    let good = || pack(vec![file("a.txt", TEXT)], vec![document("a", "a.txt", [1, 5])]);
    let mut newer = good();
    newer.format = FORMAT + 1;
    assert_eq!(Corpus::from_pack(newer).unwrap_err(), PackError::UnknownFormat(FORMAT + 1));
    let mut empty = good();
    empty.documents.clear();
    assert_eq!(Corpus::from_pack(empty).unwrap_err(), PackError::NoDocuments);
    let mut missing = good();
    missing.documents[0].file = "b.txt".into();
    assert!(matches!(Corpus::from_pack(missing).unwrap_err(), PackError::MissingFile { .. }));
    for lines in [[0, 1], [3, 2], [1, 6]] {
        let mut bad = good();
        bad.documents[0].lines = lines;
        assert!(matches!(Corpus::from_pack(bad).unwrap_err(), PackError::BadLines { .. }), "{lines:?}");
    }
    let mut outside = pack(vec![file("a.txt", TEXT)], vec![document("a", "a.txt", [3, 5])]);
    outside.documents[0].title_line = Some(1);
    assert!(matches!(Corpus::from_pack(outside).unwrap_err(), PackError::BadLines { line: 1, .. }));
    let mut twice = good();
    twice.documents.push(document("a", "a.txt", [1, 1]));
    assert_eq!(Corpus::from_pack(twice).unwrap_err(), PackError::DuplicateDocument("a".into()));
    let mut two_files = good();
    two_files.files.push(file("a.txt", "x"));
    assert_eq!(Corpus::from_pack(two_files).unwrap_err(), PackError::DuplicateFile("a.txt".into()));
    let mut odd_id = good();
    odd_id.documents[0].id = "a b\"<".into();
    assert!(matches!(Corpus::from_pack(odd_id).unwrap_err(), PackError::BadId(_)));
    for junk in [&b""[..], b"{}", b"[1,2]", b"\x1f\x8b\x08", format!("{{\"format\":{FORMAT}}}").as_bytes(), b"\xff\xfe"] {
        assert!(matches!(Corpus::from_bytes(junk.to_vec()).unwrap_err(), PackError::Unreadable(_)), "{junk:?}");
    }
}

/// The texts follow the header: a pack cut short, one with bytes to spare, and one whose text is
/// not UTF-8 or is cut inside a letter are refused, each saying so.
#[test]
fn texts_that_do_not_match_the_header_are_refused() {
    let good = pack(vec![file("a.txt", TEXT), file("b.txt", "بت")], vec![document("a", "a.txt", [1, 5])]).to_bytes();
    assert!(Corpus::from_bytes(good.clone()).is_ok());
    let unreadable = |bytes: Vec<u8>| match Corpus::from_bytes(bytes) {
        Err(PackError::Unreadable(reason)) => reason,
        other => panic!("{other:?}"),
    };
    assert!(unreadable(good[..good.len() - 1].to_vec()).contains("ends inside the text of b.txt"));
    assert!(unreadable([&good[..], b"x"].concat()).contains("1 bytes follow"));
    let mut not_utf8 = good.clone();
    let last = not_utf8.len() - 1;
    not_utf8[last] = 0xff;
    assert!(unreadable(not_utf8).contains("not UTF-8"));
    // A header that moves one byte of b.txt to a.txt cuts a letter in two.
    let header_end = good.iter().position(|&b| b == b'\n').unwrap();
    let header = String::from_utf8(good[..header_end].to_vec()).unwrap();
    let a = TEXT.len();
    let shifted = header.replace(&format!("\"bytes\":{a}"), &format!("\"bytes\":{}", a + 1)).replace("\"bytes\":4", "\"bytes\":3");
    assert_ne!(shifted, header);
    let cut = [shifted.as_bytes(), &good[header_end..]].concat();
    assert!(unreadable(cut).contains("does not start or end on a character"));
}

/// The texts are not copied out of the buffer the pack was read into: a file's text lies inside it.
#[test]
fn files_are_spans_of_the_pack_read() {
    let bytes = pack(vec![file("a.txt", TEXT)], vec![document("a", "a.txt", [1, 5])]).to_bytes();
    let corpus = Corpus::from_bytes(bytes).unwrap();
    let text = &corpus.files()[0].text;
    assert_eq!(&**text, TEXT);
    let doc = &corpus.documents()[0];
    assert_eq!(corpus.text(doc).as_ptr(), text.as_ptr());
}

#[test]
fn a_pack_of_another_format_is_named_as_such_even_with_fields_this_build_does_not_know() {
    let bytes = pack(vec![file("a.txt", TEXT)], vec![document("a", "a.txt", [1, 5])]).to_bytes();
    let header_end = bytes.iter().position(|&b| b == b'\n').unwrap();
    let mut header: serde_json::Value = serde_json::from_slice(&bytes[..header_end]).unwrap();
    header["documents"][0]["sections"] = serde_json::json!([[1, 2]]);
    for format in [FORMAT + 1, 1] {
        header["format"] = format.into();
        let error = Corpus::from_bytes([header.to_string().as_bytes(), &bytes[header_end..]].concat()).unwrap_err();
        assert_eq!(error, PackError::UnknownFormat(format));
    }
    // Format 1 held the texts as JSON strings in a single JSON document.
    let old = serde_json::json!({"format": 1, "version": "v", "files": [{"name": "a.txt", "sha256": "", "text": TEXT}], "documents": []});
    assert_eq!(Corpus::from_bytes(old.to_string().into_bytes()).unwrap_err(), PackError::UnknownFormat(1));
}
