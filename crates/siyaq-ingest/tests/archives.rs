//! Word documents and zip archives, built here by the test itself: short texts written for these
//! tests, never articles copied from elsewhere.

use std::io::Write as _;
use std::path::PathBuf;

use proptest::prelude::*;
use siyaq_corpus::Corpus;
use siyaq_ingest::archive::{self, Limits};
use siyaq_ingest::propose::{propose_files, proposed_toml};
use siyaq_ingest::{Options, build, build_files, decode};

const TITLE: &str = "بوتين يصل إلى أستانا في زيارة رسمية";
const DATE_LINE: &str = "أستانا - 10 كانون الثاني 2022";
const BODY: [&str; 2] = [
    "وصل الرئيس الروسي فلاديمير بوتين إلى العاصمة الكازاخستانية في زيارة تستمر يومين.",
    "وقال المتحدث باسم الكرملين إن المحادثات ستتناول أمن الحدود والتعاون الاقتصادي.",
];

const TXT: &str = "الأمم المتحدة تدعو إلى التهدئة في كازاخستان
نيويورك - 7 يناير 2022
دعا الأمين العام للأمم المتحدة جميع الأطراف في كازاخستان إلى ضبط النفس.
";

const CP1256: &str = "موسكو ترسل قوات إلى كازاخستان
موسكو في 2022-01-06
أعلنت منظمة معاهدة الأمن الجماعي إرسال قوات لحفظ السلام إلى كازاخستان بطلب من رئيسها.
";

const CSV: &str = "title,date,text
انسحاب القوات من كازاخستان,2022-01-13,بدأت قوات حفظ السلام انسحابها من كازاخستان بعد أسبوع.
لافروف في جنيف,2022-01-21,التقى وزير الخارجية الروسي نظيره الأمريكي في جنيف.
";

/// XML text: `&`, `<`, `>` escaped.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A zip of `entries`, deflated, in the order given; a name ending in `/` is a folder.
fn zip_of(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        if name.ends_with('/') {
            writer.add_directory(*name, options).unwrap();
        } else {
            writer.start_file(*name, options).unwrap();
            writer.write_all(bytes).unwrap();
        }
    }
    writer.finish().unwrap().into_inner()
}

/// The body part of a Word document whose paragraphs are `paragraphs`, as Word writes it.
fn document_xml(paragraphs: &[&str]) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>"#,
    );
    for p in paragraphs {
        xml.push_str(r#"<w:p><w:pPr><w:bidi/></w:pPr>"#);
        // A paragraph's text split over runs, as Word does at each change of formatting.
        let words: Vec<&str> = p.split(' ').collect();
        for (i, word) in words.iter().enumerate() {
            let space = if i + 1 < words.len() { " " } else { "" };
            xml.push_str(&format!(
                r#"<w:r><w:rPr><w:rtl/></w:rPr><w:t xml:space="preserve">{}{space}</w:t></w:r>"#,
                escape(word)
            ));
        }
        xml.push_str("</w:p>");
    }
    xml.push_str("<w:sectPr/></w:body></w:document>");
    xml
}

/// A Word document of `paragraphs`, with a header and comments that are not the article.
fn docx(paragraphs: &[&str]) -> Vec<u8> {
    docx_with(document_xml(paragraphs).into_bytes())
}

fn docx_with(document: Vec<u8>) -> Vec<u8> {
    let part = |xml: &str| xml.as_bytes().to_vec();
    zip_of(&[
        (
            "[Content_Types].xml",
            part(
                r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#,
            ),
        ),
        (
            "_rels/.rels",
            part(
                r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>"#,
            ),
        ),
        ("word/document.xml", document),
        (
            "word/header1.xml",
            part(
                r#"<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>ترويسة الصحيفة</w:t></w:r></w:p></w:hdr>"#,
            ),
        ),
        (
            "word/comments.xml",
            part(
                r#"<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment><w:p><w:r><w:t>تعليق المحرر</w:t></w:r></w:p></w:comment></w:comments>"#,
            ),
        ),
    ])
}

fn article_docx() -> Vec<u8> {
    docx(&[TITLE, DATE_LINE, BODY[0], BODY[1]])
}

/// The archive of every kind: entries in no particular order, with a folder, hidden files, a
/// macOS resource fork, a nested zip and a photo.
fn corpus_zip() -> Vec<u8> {
    zip_of(&[
        ("tables/", vec![]),
        ("tables/reports.csv", CSV.as_bytes().to_vec()),
        (
            "articles/2_cp1256.txt",
            decode::encode(CP1256, "windows-1256"),
        ),
        ("articles/1_utf8.txt", TXT.as_bytes().to_vec()),
        ("articles/3_visit.docx", article_docx()),
        ("articles/.hidden.txt", TXT.as_bytes().to_vec()),
        ("__MACOSX/articles/._1_utf8.txt", vec![0, 5, 22, 7]),
        (".DS_Store", vec![0, 0, 0, 1]),
        ("older.zip", zip_of(&[("a.txt", TXT.as_bytes().to_vec())])),
        ("photo.jpg", vec![0xFF, 0xD8, 0xFF]),
    ])
}

fn why<'a>(skipped: &'a [siyaq_ingest::Skipped], what: &str) -> &'a str {
    skipped
        .iter()
        .find(|s| s.what == what)
        .map(|s| s.why.as_str())
        .unwrap_or_else(|| panic!("{what} is not skipped: {skipped:?}"))
}

#[test]
fn a_word_document_is_its_body_s_paragraphs_read_as_a_text() {
    let built = build_files(
        "docx".into(),
        [("زيارة.docx".to_string(), Ok(article_docx()))],
        vec![],
    )
    .unwrap();
    assert!(built.skipped.is_empty(), "{:?}", built.skipped);
    let file = &built.pack.files[0];
    assert_eq!(&*file.text, [TITLE, DATE_LINE, BODY[0], BODY[1]].join("\n"));
    assert!(!file.text.contains("ترويسة") && !file.text.contains("تعليق"));
    let doc = &built.pack.documents[0];
    assert_eq!(doc.id, "doc-001");
    assert_eq!(doc.title.as_deref(), Some(TITLE));
    let entry = &built.manifest.document[0];
    assert_eq!(entry.date.as_deref(), Some("2022-01-10"));
    assert_eq!(entry.date_evidence.as_deref(), Some("10 كانون الثاني 2022"));
    assert_eq!(built.manifest.file[0].encoding, None, "reported as UTF-8");
    assert_eq!(
        built.manifest.file[0].sha256.as_deref(),
        Some(&*siyaq_ingest::sha256_hex(&article_docx()))
    );
}

#[test]
fn damaged_word_documents_are_skipped_with_one_line_reasons() {
    let cut = document_xml(&[TITLE, BODY[0]]);
    let cut = cut.as_bytes()[..cut.len() - 40].to_vec();
    let latin = document_xml(&[TITLE])
        .replace("UTF-8", "windows-1252")
        .into_bytes();
    let utf16 = decode::encode(
        &document_xml(&[TITLE]).replace("UTF-8", "UTF-16"),
        "utf-16le",
    );
    let files = [
        ("a_random.docx", b"PK\x03\x04 not really a zip".to_vec()),
        (
            "b_no_body.docx",
            zip_of(&[("word/styles.xml", b"<w:styles/>".to_vec())]),
        ),
        ("c_cut.docx", docx_with(cut)),
        ("d_latin.docx", docx_with(latin)),
        ("e_utf16.docx", docx_with(utf16)),
        ("f_empty.docx", docx(&["", "  "])),
        ("g_good.docx", article_docx()),
    ];
    let proposal = propose_files(files.into_iter().map(|(n, b)| (n.to_string(), Ok(b))));
    assert_eq!(proposal.manifest.document.len(), 1);
    let skipped = &proposal.skipped;
    assert_eq!(skipped.len(), 6, "{skipped:?}");
    assert!(why(skipped, "a_random.docx").starts_with("not a Word document: not a zip archive"));
    assert_eq!(
        why(skipped, "b_no_body.docx"),
        "not a Word document: it has no word/document.xml"
    );
    assert!(why(skipped, "c_cut.docx").starts_with("a damaged Word document: word/document.xml"));
    assert!(why(skipped, "d_latin.docx").contains("declares the encoding windows-1252"));
    assert!(why(skipped, "e_utf16.docx").contains("UTF-16"));
    assert_eq!(
        why(skipped, "f_empty.docx"),
        "the Word document has no text"
    );
    assert!(skipped.iter().all(|s| !s.why.contains('\n')));
}

#[test]
fn an_archive_s_entries_are_files_named_after_it() {
    let built = build_files(
        "zip".into(),
        [("corpus.zip".to_string(), Ok(corpus_zip()))],
        vec![],
    )
    .unwrap();
    let files: Vec<&str> = built
        .pack
        .documents
        .iter()
        .map(|d| d.file.as_str())
        .collect();
    assert_eq!(
        files,
        [
            "corpus.zip/articles/1_utf8.txt",
            "corpus.zip/articles/2_cp1256.txt",
            "corpus.zip/articles/3_visit.docx",
            "corpus.zip/tables/reports.csv#1",
            "corpus.zip/tables/reports.csv#2",
        ]
    );
    let ids: Vec<&str> = built.pack.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "corpus.zip-articles-1_utf8",
            "corpus.zip-articles-2_cp1256",
            "corpus.zip-articles-3_visit",
            "corpus.zip-tables-reports-1",
            "corpus.zip-tables-reports-2",
        ]
    );
    let titles: Vec<Option<&str>> = built
        .pack
        .documents
        .iter()
        .map(|d| d.title.as_deref())
        .collect();
    assert_eq!(
        titles,
        [
            Some("الأمم المتحدة تدعو إلى التهدئة في كازاخستان"),
            Some("موسكو ترسل قوات إلى كازاخستان"),
            Some(TITLE),
            Some("انسحاب القوات من كازاخستان"),
            Some("لافروف في جنيف"),
        ]
    );
    let dates: Vec<Option<&str>> = built
        .manifest
        .document
        .iter()
        .map(|d| d.date.as_deref())
        .collect();
    assert_eq!(
        dates,
        [
            Some("2022-01-07"),
            Some("2022-01-06"),
            Some("2022-01-10"),
            Some("2022-01-13"),
            Some("2022-01-21")
        ]
    );
    let encodings: Vec<Option<&str>> = built
        .manifest
        .file
        .iter()
        .map(|f| f.encoding.as_deref())
        .collect();
    assert_eq!(encodings, [None, Some("windows-1256"), None, None, None]);
    // Folders, hidden files and resource forks are passed over without a word.
    let what: Vec<&str> = built.skipped.iter().map(|s| s.what.as_str()).collect();
    assert_eq!(what, ["corpus.zip/older.zip", "corpus.zip/photo.jpg"]);
    assert!(
        why(&built.skipped, "corpus.zip/older.zip").starts_with("a zip inside a zip is not opened")
    );
    assert!(why(&built.skipped, "corpus.zip/photo.jpg").starts_with("not an article file: only"));
    assert!(Corpus::from_pack(built.pack).is_ok());
}

/// A scratch folder under the target directory, empty.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A folder holding an archive and a Word document builds as the same files given in memory, and
/// the manifest worked out for it, kept as corpus.toml, finds the files inside the archive again.
#[test]
fn a_folder_with_an_archive_builds_as_in_memory_and_from_its_manifest() {
    let dir = scratch("archive-folder");
    std::fs::write(dir.join("corpus.zip"), corpus_zip()).unwrap();
    std::fs::write(dir.join("visit.docx"), article_docx()).unwrap();
    std::fs::write(dir.join("broken.zip"), b"PK\x05\x06 cut").unwrap();
    let from_folder = build(&dir, &Options::default()).unwrap();
    assert_eq!(from_folder.pack.documents.len(), 6);
    assert!(
        why(&from_folder.skipped, "broken.zip").starts_with("not a zip archive that can be read")
    );
    let files = ["broken.zip", "corpus.zip", "visit.docx"]
        .map(|n| (n.to_string(), Ok(std::fs::read(dir.join(n)).unwrap())));
    let from_files = build_files(from_folder.pack.name.clone(), files, vec![]).unwrap();
    assert_eq!(from_files.pack.documents, from_folder.pack.documents);
    assert_eq!(from_files.pack.files, from_folder.pack.files);
    assert_eq!(from_files.skipped, from_folder.skipped);

    let toml = proposed_toml(&propose_files(
        ["corpus.zip", "visit.docx"]
            .map(|n| (n.to_string(), Ok(std::fs::read(dir.join(n)).unwrap()))),
    ));
    std::fs::remove_file(dir.join("broken.zip")).unwrap();
    std::fs::write(dir.join("corpus.toml"), &toml).unwrap();
    let with = build(&dir, &Options::default()).unwrap();
    assert!(!with.proposed);
    assert!(with.skipped.is_empty(), "{:?}", with.skipped);
    assert_eq!(with.pack.documents, from_folder.pack.documents);
    assert_eq!(with.pack.files, from_folder.pack.files);
}

/// Rewrites the sizes an archive declares for its first entry (local header and central
/// directory), as a forged archive would.
fn declare_size(zip: &mut [u8], size: u32) {
    let local = 0;
    assert_eq!(&zip[local..local + 4], b"PK\x03\x04");
    zip[local + 22..local + 26].copy_from_slice(&size.to_le_bytes());
    let central = zip.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
    zip[central + 24..central + 28].copy_from_slice(&size.to_le_bytes());
}

/// Sets the encrypted flag of the first entry.
fn declare_encrypted(zip: &mut [u8]) {
    zip[6] |= 1;
    let central = zip.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
    zip[central + 8] |= 1;
}

fn small_limits() -> Limits {
    Limits {
        entries: 10,
        entry_bytes: 1 << 20,
        total_bytes: 1 << 20,
    }
}

fn expanded(name: &str, bytes: Vec<u8>, limits: &Limits) -> Vec<(String, Result<usize, String>)> {
    archive::expand_with((name.to_string(), Ok(bytes)), limits)
        .into_iter()
        .map(|(n, b)| (n, b.map(|b| b.len())))
        .collect()
}

#[test]
fn an_entry_too_big_is_skipped_alone_whatever_it_declares() {
    let zeros = vec![b' '; 3 << 20];
    let limits = Limits {
        total_bytes: 8 << 20,
        ..small_limits()
    };
    let bomb = zip_of(&[("a.txt", zeros.clone()), ("b.txt", TXT.as_bytes().to_vec())]);
    assert!(
        bomb.len() < 20_000,
        "highly compressible: {} bytes",
        bomb.len()
    );
    let mut forged = bomb.clone();
    declare_size(&mut forged, 100);
    for zip in [bomb, forged] {
        let files = expanded("bomb.zip", zip, &limits);
        assert_eq!(files.len(), 2);
        assert_eq!(files[0].0, "bomb.zip/a.txt");
        let why = files[0].1.as_ref().unwrap_err();
        assert!(
            why.contains("more than 1 MB, the most one entry may")
                || why.contains("cannot be inflated"),
            "{why}"
        );
        assert_eq!(files[1], ("bomb.zip/b.txt".to_string(), Ok(TXT.len())));
    }
}

#[test]
fn past_the_archive_s_limit_the_entries_read_are_kept_and_the_rest_skipped() {
    let entry = vec![b'x'; 300 << 10];
    let names = ["1.txt", "2.txt", "3.txt", "4.txt", "5.txt"];
    let zip = zip_of(&names.map(|n| (n, entry.clone())));
    let files = expanded("big.zip", zip, &small_limits());
    assert_eq!(files.len(), 5);
    for (name, bytes) in &files[..3] {
        assert_eq!(bytes, &Ok(300 << 10), "{name}");
    }
    for (_, bytes) in &files[3..] {
        assert_eq!(
            bytes.as_ref().unwrap_err(),
            "not read: the archive expands to more than 1 MB (a limit against zip bombs)"
        );
    }
}

#[test]
fn past_the_number_of_entries_the_rest_is_one_skip() {
    let names: Vec<String> = (0..25).map(|i| format!("{i:02}.txt")).collect();
    let zip = zip_of(
        &names
            .iter()
            .map(|n| (n.as_str(), TXT.as_bytes().to_vec()))
            .collect::<Vec<_>>(),
    );
    let files = expanded("many.zip", zip, &small_limits());
    assert_eq!(files.len(), 11);
    assert!(files[..10].iter().all(|(_, b)| b.is_ok()));
    assert_eq!(files[9].0, "many.zip/09.txt");
    assert_eq!(
        files[10],
        (
            "many.zip".to_string(),
            Err("only its first 10 entries by name are read (a limit against zip bombs): 15 more are not".into())
        )
    );
}

#[test]
fn encrypted_entries_are_skipped() {
    let mut zip = zip_of(&[
        ("secret.txt", TXT.as_bytes().to_vec()),
        ("open.txt", TXT.as_bytes().to_vec()),
    ]);
    declare_encrypted(&mut zip);
    let files = expanded("locked.zip", zip, &Limits::DEFAULT);
    // Sorted by name: open.txt first.
    assert_eq!(files[0], ("locked.zip/open.txt".to_string(), Ok(TXT.len())));
    assert_eq!(files[1].0, "locked.zip/secret.txt");
    assert!(files[1].1.as_ref().unwrap_err().starts_with("encrypted"));
}

#[test]
fn an_archive_that_is_not_one_or_holds_nothing_is_skipped() {
    let proposal = propose_files([
        ("cut.zip".to_string(), Ok(corpus_zip()[..200].to_vec())),
        (
            "folders.zip".to_string(),
            Ok(zip_of(&[("a/", vec![]), ("a/.b.txt", vec![1])])),
        ),
        (
            "unread.zip".to_string(),
            Err("the browser could not read it".into()),
        ),
    ]);
    assert!(why(&proposal.skipped, "cut.zip").starts_with("not a zip archive that can be read"));
    assert_eq!(
        why(&proposal.skipped, "folders.zip"),
        "the archive holds no file (folders and hidden files aside)"
    );
    assert_eq!(
        why(&proposal.skipped, "unread.zip"),
        "the browser could not read it"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Archives and Word documents damaged anywhere (bytes overwritten, the end cut off) are read
    /// or skipped, never a panic.
    #[test]
    fn damaged_archives_and_documents_never_panic(
        which in 0..2usize,
        hits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8),
        keep in any::<prop::sample::Index>(),
    ) {
        let mut bytes = if which == 0 { corpus_zip() } else { article_docx() };
        for (at, byte) in hits {
            let at = at.index(bytes.len());
            bytes[at] = byte;
        }
        if keep.index(4) == 0 {
            let keep = keep.index(bytes.len());
            bytes.truncate(keep);
        }
        let name = if which == 0 { "x.zip" } else { "x.docx" };
        match build_files("damaged".into(), [(name.to_string(), Ok(bytes))], vec![]) {
            Ok(built) => prop_assert!(Corpus::from_bytes(built.pack.to_bytes()).is_ok()),
            Err(message) => prop_assert!(message.starts_with("no usable article")),
        }
    }
}
