//! Building a folder without a manifest: `tests/articles/` at the repository root.
//!
//! The folder is test data, short news articles written for these tests (not copied from any
//! outlet), one per way an article can reach siyaq:
//!
//! | file | what it tests |
//! | --- | --- |
//! | `001_kazakhstan_troops.txt` | UTF-8; line 2 repeats the title (`duplicate_lines`); a بقلم byline; a كانون الثاني date |
//! | `002_bom_un_statement.txt` | UTF-8 with a byte-order mark; a يناير date; an `المصدر:` source line |
//! | `003_utf16_moscow.txt` | UTF-16 LE with a byte-order mark; a date in Arabic-Indic digits |
//! | `004_cp1256_ukraine.txt` | Windows-1256 with CRLF line ends; an ISO date; a `ترجمة:` translator line |
//! | `2022-03-01_iso88596_putin.txt` | ISO-8859-6; no printed date: the date comes from the file name |
//! | `analysis.md` | Markdown: a `#` title, a `كتب:` byline, a `3 آذار (مارس) 2022` date |
//! | `page.html` | an `<article>` among a menu, a script, a style, an aside and a footer; entities |
//! | `table.csv` | three records, columns date,Title,author,source,text; dates in three forms |
//! | `sub/مقال_الأمم_المتحدة.txt` | a sub-folder, an Arabic file name (id `doc-NNN`), a d/m/y date, a `نقلا عن` source |
//! | `empty.txt`, `nul.txt`, `image.png`, `no_text.csv` | skipped: empty, binary, not an article format, no text column |
//! | `.hidden.txt` | hidden: ignored without a word |
//!
//! The encoded files were written from the UTF-8 texts below (`ENCODED`) by a few lines of
//! Python: `open(name, 'wb').write(text.encode(codec))` with the codecs `utf-8` (with
//! `b'\xef\xbb\xbf'` before it), `utf-16-le` (with `b'\xff\xfe'`), `cp1256` (after
//! `text.replace('\n', '\r\n')`) and `iso8859_6`; [`encoded_files_are_their_texts`] checks
//! every byte against `siyaq_ingest::decode::encode`.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use siyaq_corpus::{Corpus, LineRole};
use siyaq_ingest::manifest::{DocumentEntry, FileEntry};
use siyaq_ingest::propose::{propose, proposed_toml};
use siyaq_ingest::{Manifest, Options, build, content, decode, html, infer, records};

fn articles() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/articles")
}

const IDS: [&str; 11] = [
    "001_kazakhstan_troops",
    "002_bom_un_statement",
    "003_utf16_moscow",
    "004_cp1256_ukraine",
    "2022-03-01_iso88596_putin",
    "analysis",
    "page",
    "doc-008",
    "table-1",
    "table-2",
    "table-3",
];

const A002: &str = "الأمم المتحدة تدعو إلى حوار بين روسيا وأوكرانيا
نيويورك - 20 يناير 2022
دعا الأمين العام للأمم المتحدة أنطونيو غوتيريش روسيا وأوكرانيا إلى مواصلة الحوار وتجنب أي تصعيد على الحدود.
وقال في مؤتمر صحفي إن الدبلوماسية هي الطريق الوحيد لتسوية الخلافات، مشيرا إلى أن المنظمة مستعدة للمساعدة.
وتتهم كييف موسكو بحشد عشرات الآلاف من الجنود قرب حدودها، فيما تنفي روسيا أي نية للهجوم.
وأكد المتحدث باسم الكرملين أن بلاده تنتظر ردا مكتوبا على مقترحاتها الأمنية.
المصدر: وكالة أنباء الشرق
";

const A003: &str = "موسكو تستضيف اجتماعا لوزراء خارجية آسيا الوسطى
موسكو في ١٥ شباط ٢٠٢٢
استضافت العاصمة الروسية موسكو اجتماعا لوزراء خارجية دول آسيا الوسطى بحضور وزير الخارجية سيرغي لافروف.
وناقش المجتمعون الأوضاع في كازاخستان بعد انسحاب قوات منظمة معاهدة الأمن الجماعي، إضافة إلى أمن الحدود مع أفغانستان.
وقال لافروف إن التعاون الاقتصادي بين روسيا ودول المنطقة بلغ مستوى غير مسبوق.
ومن المقرر أن يعقد الاجتماع المقبل في عاصمة كازاخستان في الخريف.
";

const A004: &str = "بداية العمليات العسكرية الروسية في أوكرانيا
كييف 2022-02-24
أعلن الرئيس الروسي فلاديمير بوتين فجر الخميس بدء عملية عسكرية في أوكرانيا، في خطاب بثه التلفزيون الرسمي.
وسمعت انفجارات في العاصمة كييف وفي مدن أخرى، بحسب ما أفاد مراسلون.
ودعا الرئيس الأوكراني فولوديمير زيلينسكي المواطنين إلى التزام الهدوء، وأعلن فرض الأحكام العرفية.
وعقد مجلس الأمن التابع للأمم المتحدة جلسة طارئة، فيما ندد قادة غربيون بالهجوم.
«إنه يوم أسود لأوروبا»، قال أحد الدبلوماسيين في بروكسل.
ترجمة: قسم الأخبار الدولية
";

const A005: &str = "بوتين يتحدث عن مطالب روسيا الأمنية
قال الرئيس الروسي فلاديمير بوتين إن بلاده تريد ضمانات مكتوبة بعدم توسع حلف شمال الأطلسي شرقا.
وأضاف في حديث مع صحفيين في موسكو أن الغرب تجاهل مخاوف روسيا طوال ثلاثين عاما.
وأشار إلى أن العلاقات مع كازاخستان وبيلاروسيا تبقى أولوية للسياسة الخارجية الروسية.
وتابع أن المفاوضات مع أوكرانيا ممكنة إذا توفرت الشروط المناسبة.
";

/// The encoded files: name, UTF-8 text, encoding label, encoding as reported.
const ENCODED: [(&str, &str, &str, &str); 4] = [
    ("002_bom_un_statement.txt", A002, "utf-8", "UTF-8"),
    ("003_utf16_moscow.txt", A003, "utf-16le", "UTF-16LE"),
    (
        "004_cp1256_ukraine.txt",
        A004,
        "windows-1256",
        "windows-1256",
    ),
    (
        "2022-03-01_iso88596_putin.txt",
        A005,
        "iso-8859-6",
        "ISO-8859-6",
    ),
];

fn built() -> siyaq_ingest::Built {
    build(&articles(), &Options::default()).unwrap()
}

fn corpus() -> Corpus {
    Corpus::from_pack(built().pack).unwrap()
}

#[test]
fn every_article_is_found_in_order_with_its_id() {
    let built = built();
    assert!(built.proposed, "tests/articles has no corpus.toml");
    let ids: Vec<&str> = built.pack.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, IDS);
    let files: Vec<&str> = built
        .pack
        .documents
        .iter()
        .map(|d| d.file.as_str())
        .collect();
    assert_eq!(files[7], "sub/مقال_الأمم_المتحدة.txt");
    assert_eq!(&files[8..], ["table.csv#1", "table.csv#2", "table.csv#3"]);
    assert_eq!(corpus().documents().len(), 11);
}

#[test]
fn titles() {
    let corpus = corpus();
    let titles: Vec<Option<&str>> = corpus
        .documents()
        .iter()
        .map(|d| d.title.as_deref())
        .collect();
    assert_eq!(
        titles,
        [
            Some("وصول طلائع قوات حفظ السلام إلى كازاخستان"),
            Some("الأمم المتحدة تدعو إلى حوار بين روسيا وأوكرانيا"),
            Some("موسكو تستضيف اجتماعا لوزراء خارجية آسيا الوسطى"),
            Some("بداية العمليات العسكرية الروسية في أوكرانيا"),
            Some("بوتين يتحدث عن مطالب روسيا الأمنية"),
            Some("ماذا تعني الأزمة لكازاخستان؟"),
            Some("الجمعية العامة تصوت على قرار بشأن أوكرانيا"),
            Some("مجلس الأمن يناقش الوضع الإنساني في أوكرانيا"),
            Some("اجتماع روسي أمريكي في جنيف"),
            Some("توكاييف يعلن انتهاء مهمة القوات"),
            Some("بدء انسحاب القوات الروسية من كازاخستان"),
        ]
    );
    for doc in corpus.documents() {
        assert_eq!(doc.title_line, Some(1), "{}", doc.id);
        let first = corpus.lines(doc).next().unwrap();
        assert_eq!(first.role, LineRole::Title, "{}", doc.id);
    }
}

#[test]
fn the_repeated_title_is_shown_but_not_counted() {
    let corpus = corpus();
    let doc = corpus.document("001_kazakhstan_troops").unwrap();
    assert_eq!(doc.duplicate_lines, [2]);
    let line = corpus.lines(doc).nth(1).unwrap();
    assert_eq!(
        (line.role, line.text),
        (
            LineRole::DuplicateTitle,
            "وصول طلائع قوات حفظ السلام إلى كازاخستان"
        )
    );
    assert!(
        corpus
            .documents()
            .iter()
            .filter(|d| d.id != doc.id)
            .all(|d| d.duplicate_lines.is_empty())
    );
}

#[test]
fn dates_with_their_evidence() {
    let corpus = corpus();
    let dates: Vec<(&str, &str, &str, &str)> = corpus
        .documents()
        .iter()
        .map(|d| {
            let date = d
                .date
                .as_ref()
                .unwrap_or_else(|| panic!("{}: no date", d.id));
            assert!(!date.inferred, "{}: a printed date is not inferred", d.id);
            (
                d.id.as_str(),
                date.value.as_str(),
                date.evidence.as_deref().unwrap(),
                date.note.as_deref().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        dates,
        [
            (
                "001_kazakhstan_troops",
                "2022-01-07",
                "7 كانون الثاني 2022",
                "printed in line 4"
            ),
            (
                "002_bom_un_statement",
                "2022-01-20",
                "20 يناير 2022",
                "printed in line 2"
            ),
            (
                "003_utf16_moscow",
                "2022-02-15",
                "١٥ شباط ٢٠٢٢",
                "printed in line 2"
            ),
            (
                "004_cp1256_ukraine",
                "2022-02-24",
                "2022-02-24",
                "printed in line 2"
            ),
            (
                "2022-03-01_iso88596_putin",
                "2022-03-01",
                "2022-03-01",
                "from the file name"
            ),
            (
                "analysis",
                "2022-03-03",
                "3 آذار (مارس) 2022",
                "printed in line 5"
            ),
            ("page", "2022-03-02", "2 مارس 2022", "printed in line 2"),
            ("doc-008", "2022-03-15", "15/03/2022", "printed in line 2"),
            (
                "table-1",
                "2022-01-10",
                "2022-01-10",
                "from the table's date column"
            ),
            (
                "table-2",
                "2022-01-11",
                "11 يناير 2022",
                "from the table's date column"
            ),
            (
                "table-3",
                "2022-01-13",
                "13/01/2022",
                "from the table's date column"
            ),
        ]
    );
    // Printed evidence is verbatim in the text; the file name's is in the file name.
    for doc in &corpus.documents()[..8] {
        let evidence = doc.date.as_ref().unwrap().evidence.as_deref().unwrap();
        assert!(
            corpus.text(doc).contains(evidence) || doc.file.contains(evidence),
            "{}",
            doc.id
        );
    }
    assert!(built().notes.contains(
        &"2022-03-01_iso88596_putin.txt: the date is read from the file name".to_string()
    ));
}

#[test]
fn authors_sources_and_translators() {
    let corpus = corpus();
    let of = |id: &str| corpus.document(id).unwrap();
    let roles = |id: &str| {
        let d = of(id);
        (
            d.author.as_deref(),
            d.byline_line,
            d.source.as_deref(),
            d.source_line,
            d.translator.as_deref(),
            d.translator_line,
        )
    };
    assert_eq!(
        roles("001_kazakhstan_troops"),
        (Some("سليم الحداد"), Some(3), None, None, None, None)
    );
    assert_eq!(
        roles("002_bom_un_statement"),
        (None, None, Some("وكالة أنباء الشرق"), Some(7), None, None)
    );
    assert_eq!(
        roles("004_cp1256_ukraine"),
        (None, None, None, None, Some("قسم الأخبار الدولية"), Some(8))
    );
    assert_eq!(
        roles("analysis"),
        (Some("نادر العلي"), Some(3), None, None, None, None)
    );
    assert_eq!(
        roles("doc-008"),
        (None, None, Some("إذاعة الأمم المتحدة"), Some(7), None, None)
    );
    // A table's columns: no line of the text holds them.
    assert_eq!(
        roles("table-1"),
        (
            Some("هالة يوسف"),
            None,
            Some("صحيفة المساء"),
            None,
            None,
            None
        )
    );
    assert_eq!(
        roles("table-2"),
        (None, None, Some("وكالة الأنباء"), None, None, None)
    );
    assert_eq!(
        roles("table-3"),
        (Some("مراد كريم"), None, None, None, None, None)
    );
    for (id, line, role) in [
        ("001_kazakhstan_troops", 3, LineRole::Byline),
        ("002_bom_un_statement", 7, LineRole::Source),
        ("004_cp1256_ukraine", 8, LineRole::Translator),
    ] {
        let doc = of(id);
        assert_eq!(
            corpus.lines(doc).find(|l| l.number == line).unwrap().role,
            role,
            "{id}"
        );
    }
}

#[test]
fn each_encoding_decodes_to_its_text() {
    let built = built();
    for (name, text, _, encoding) in ENCODED {
        let file = built.pack.files.iter().find(|f| f.name == name).unwrap();
        assert_eq!(&*file.text, text, "{name}");
        let source = decode::decode(&std::fs::read(articles().join(name)).unwrap(), None).unwrap();
        assert_eq!(source.encoding, encoding, "{name}");
    }
    assert_eq!(
        built
            .manifest
            .file
            .iter()
            .map(|f| f.encoding.as_deref())
            .collect::<Vec<_>>()[..5],
        [
            None,
            None,
            Some("UTF-16LE"),
            Some("windows-1256"),
            Some("ISO-8859-6")
        ]
    );
}

#[test]
fn encoded_files_are_their_texts() {
    for (name, text, label, _) in ENCODED {
        let bytes = std::fs::read(articles().join(name)).unwrap();
        let text = if label == "windows-1256" {
            text.replace('\n', "\r\n")
        } else {
            text.to_string()
        };
        let mut expected = if label == "utf-8" {
            b"\xEF\xBB\xBF".to_vec()
        } else {
            Vec::new()
        };
        expected.extend(decode::encode(&text, label));
        assert_eq!(bytes, expected, "{name}");
    }
    // The plain UTF-8 file is kept byte for byte.
    let bytes = std::fs::read(articles().join("001_kazakhstan_troops.txt")).unwrap();
    let file = built()
        .pack
        .files
        .into_iter()
        .find(|f| f.name == "001_kazakhstan_troops.txt")
        .unwrap();
    assert_eq!(file.text.as_bytes(), bytes);
    assert_eq!(file.sha256, siyaq_ingest::sha256_hex(&bytes));
}

#[test]
fn the_page_s_article_without_menus_scripts_or_footer() {
    let built = built();
    let page = &*built
        .pack
        .files
        .iter()
        .find(|f| f.name == "page.html")
        .unwrap()
        .text;
    assert_eq!(
        page,
        "الجمعية العامة تصوت على قرار بشأن أوكرانيا\n2 مارس 2022\n\
         صوتت الجمعية العامة للأمم المتحدة بأغلبية كبيرة على قرار يطالب روسيا بسحب قواتها من أوكرانيا.\n\
         وأيدت القرار 141 دولة، فيما عارضته خمس دول وامتنعت 35 دولة عن التصويت، من بينها كازاخستان.\n\
         وقال مندوب أوكرانيا إن التصويت رسالة واضحة إلى موسكو، بينما وصف المندوب الروسي القرار بأنه «منحاز».\n\
         ولا يعد قرار الجمعية العامة ملزما، لكنه يحمل ثقلا سياسيا كبيرا."
    );
    for absent in [
        "الرئيسية",
        "console",
        "font-family",
        "الأكثر قراءة",
        "حقوق",
        "أخبار اليوم",
    ] {
        assert!(!page.contains(absent), "{absent}");
    }
}

#[test]
fn a_table_s_records_are_documents() {
    let corpus = corpus();
    let doc = corpus.document("table-2").unwrap();
    assert_eq!(
        corpus.text(doc),
        "توكاييف يعلن انتهاء مهمة القوات\n\
         أعلن الرئيس الكازاخستاني قاسم جومارت توكاييف أن مهمة قوات منظمة معاهدة الأمن الجماعي انتهت بنجاح.\n\
         وأضاف أن انسحاب القوات سيبدأ خلال يومين ويستغرق عشرة أيام على الأكثر.\n\
         وشكر توكاييف الرئيس الروسي فلاديمير بوتين على الاستجابة السريعة لطلب كازاخستان."
    );
    assert_eq!(doc.lines, [1, 4]);
}

#[test]
fn unusable_files_are_skipped_with_their_reason() {
    let skipped = built().skipped;
    let expected = [
        ("empty.txt", "the file is empty"),
        (
            "image.png",
            "not an article file: only .txt, .md, .html, .htm, .docx, .csv, .tsv, .jsonl, .zip are read",
        ),
        (
            "no_text.csv",
            "no text column (text, body, content, article, النص, المتن, المحتوى); its columns are: title, date, source",
        ),
        ("nul.txt", "binary data, not text (it holds NUL bytes)"),
    ];
    let found: Vec<(&str, &str)> = skipped
        .iter()
        .map(|s| (s.what.as_str(), s.why.as_str()))
        .collect();
    assert_eq!(found, expected);
    assert!(skipped.iter().all(|s| !s.why.contains('\n')));
}

/// A scratch folder under the target directory, empty.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &to.join(entry.file_name()));
        } else {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

#[test]
fn the_proposed_manifest_reads_back_and_builds_the_same_pack() {
    let proposal = propose(&articles()).unwrap();
    let toml = proposed_toml(&proposal);
    assert!(toml.starts_with("# A manifest worked out by siyaq"));
    assert!(toml.contains("#   skipped nul.txt: binary data"));
    assert_eq!(Manifest::parse(&toml).unwrap(), proposal.manifest);
    // Saved as corpus.toml beside the files, it builds the same documents from the same text.
    let dir = scratch("articles-with-manifest");
    copy_dir(&articles(), &dir);
    std::fs::write(dir.join("corpus.toml"), &toml).unwrap();
    let with = build(&dir, &Options::default()).unwrap();
    assert!(!with.proposed);
    let without = built();
    assert_eq!(with.pack.documents, without.pack.documents);
    assert_eq!(with.pack.files, without.pack.files);
    assert!(with.skipped.is_empty(), "{:?}", with.skipped);
}

fn entry(id: &str, file: &str, lines: [usize; 2]) -> DocumentEntry {
    DocumentEntry {
        id: id.into(),
        file: file.into(),
        lines,
        ..Default::default()
    }
}

#[test]
fn a_manifest_s_mistakes_are_skipped_and_the_rest_is_built() {
    let dir = scratch("bad-manifest");
    std::fs::write(dir.join("a.txt"), "عنوان\nنص عن موسكو.\n").unwrap();
    std::fs::write(dir.join("b.txt"), "نص آخر\n").unwrap();
    std::fs::write(dir.join("c.txt"), "\0\0").unwrap();
    std::fs::write(dir.join("d.txt"), "نص").unwrap();
    let file = |name: &str| FileEntry {
        name: name.into(),
        ..Default::default()
    };
    let manifest = Manifest {
        format: 1,
        file: vec![
            file("a.txt"),
            file("missing.txt"),
            FileEntry {
                sha256: Some("00".repeat(32)),
                ..file("b.txt")
            },
            file("c.txt"),
            FileEntry {
                encoding: Some("klingon".into()),
                ..file("d.txt")
            },
        ],
        document: vec![
            entry("a", "a.txt", [1, 3]),
            entry("too-long", "a.txt", [2, 9]),
            DocumentEntry {
                title_line: Some(7),
                ..entry("bad-title", "a.txt", [1, 2])
            },
            entry("a", "a.txt", [2, 2]),
            entry("عربي", "a.txt", [1, 1]),
            entry("gone", "missing.txt", [1, 1]),
            entry("unlisted", "z.txt", [1, 1]),
            entry("changed", "b.txt", [1, 1]),
            entry("binary", "c.txt", [1, 1]),
            entry("label", "d.txt", [1, 1]),
        ],
    };
    std::fs::write(dir.join("corpus.toml"), manifest.to_toml()).unwrap();
    let built = build(&dir, &Options::default()).unwrap();
    let ids: Vec<&str> = built.pack.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a"]);
    let what: Vec<&str> = built.skipped.iter().map(|s| s.what.as_str()).collect();
    assert_eq!(
        what,
        [
            "missing.txt",
            "b.txt",
            "c.txt",
            "d.txt",
            "a.txt: too-long",
            "a.txt: bad-title",
            "a.txt: a",
            "a.txt: عربي",
            "z.txt: unlisted"
        ]
    );
    let why = |w: &str| {
        built
            .skipped
            .iter()
            .find(|s| s.what == w)
            .unwrap()
            .why
            .clone()
    };
    assert!(why("missing.txt").contains("no such file"));
    assert!(why("b.txt").contains("SHA-256"));
    assert!(why("c.txt").contains("NUL"));
    assert!(why("d.txt").contains("unknown"));
    assert!(why("a.txt: too-long").contains("line 9"));
    assert!(why("a.txt: bad-title").contains("line 7"));
    assert!(why("a.txt: a").contains("same id"));
    assert!(why("a.txt: عربي").contains("not usable"));
    assert!(why("z.txt: unlisted").contains("does not list"));
    assert_eq!(
        built.pack.files.len(),
        1,
        "files no document uses are dropped"
    );
}

#[test]
fn a_folder_with_no_usable_article_is_an_error_that_says_why() {
    let dir = scratch("nothing-usable");
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(dir.join("photo.jpg"), [0xFF, 0xD8, 0xFF]).unwrap();
    let err = build(&dir, &Options::default()).unwrap_err();
    assert!(err.contains("no usable article"), "{err}");
    assert!(
        err.contains("skipped empty.txt: the file is empty"),
        "{err}"
    );
    assert!(
        err.contains("skipped photo.jpg: not an article file"),
        "{err}"
    );
    assert!(build(&dir.join("no-such-folder"), &Options::default()).is_err());
    assert!(build(&scratch("empty-folder"), &Options::default()).is_err());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn readers_never_panic_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = decode::decode(&bytes, None);
        let _ = decode::decode(&bytes, Some("windows-1256"));
        let _ = html::article(&bytes);
        for name in ["x.csv", "x.tsv", "x.jsonl", "x.txt", "x.html", "x.bin", "x.docx", "x.zip"] {
            let _ = content::read(name, &bytes, None);
        }
        let _ = siyaq_ingest::docx::text(&bytes);
        let _ = siyaq_ingest::archive::expand(("x.zip".into(), Ok(bytes.clone())));
        let _ = records::read("x.csv", &bytes, None);
    }

    /// Files dropped on a page can be anything: building from them gives a pack the page can
    /// read, or a message, never a panic.
    #[test]
    fn files_of_any_bytes_build_a_readable_pack_or_say_why(
        files in proptest::collection::vec(
            (prop_oneof![Just("a.txt"), Just("b.md"), Just("c.html"), Just("d.csv"), Just("e.jsonl"), Just("f.bin"), Just("sub/g.txt"),
                         Just("h.docx"), Just("i.zip")],
             proptest::collection::vec(any::<u8>(), 0..300)),
            0..5,
        ),
    ) {
        let files = files.into_iter().enumerate().map(|(i, (name, bytes))| (format!("{i}-{name}"), Ok(bytes)));
        match siyaq_ingest::build_files("dropped".into(), files, vec![]) {
            Ok(built) => {
                let bytes = built.pack.to_bytes();
                prop_assert!(Corpus::from_bytes(bytes).is_ok());
            }
            Err(message) => prop_assert!(message.starts_with("no usable article")),
        }
    }

    #[test]
    fn text_rules_never_panic(text in "[\\PC\\n\\r٠-٩/ :-]{0,200}") {
        let _ = infer::analyse(&text);
        let _ = infer::find_date(&text);
        let _ = html::article_of(&text);
        let _ = html::decode_entities(&text);
    }

    #[test]
    fn pages_and_tables_from_pieces_never_panic(
        pieces in proptest::collection::vec(
            prop_oneof![
                Just("<p>"), Just("</p>"), Just("<article>"), Just("<script>"), Just("</script>"), Just("<!--"),
                Just("-->"), Just("<h1>"), Just("&amp;"), Just("&#"), Just("\""), Just(","), Just("\n"),
                Just("text,title\n"), Just("{\"text\":"), Just("بوتين"), Just("6 يناير 2022"), Just("<"),
            ],
            0..40,
        )
    ) {
        let text: String = pieces.concat();
        let _ = html::article_of(&text);
        let _ = records::read("t.csv", text.as_bytes(), None);
        let _ = records::read("t.jsonl", text.as_bytes(), None);
        let _ = infer::analyse(&text);
    }
}

#[test]
fn propose_never_panics_on_a_folder_of_odd_files() {
    let dir = scratch("odd-files");
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(24));
    runner
        .run(
            &proptest::collection::vec(
                (0..8usize, proptest::collection::vec(any::<u8>(), 0..200)),
                1..6,
            ),
            |files| {
                let _ = std::fs::remove_dir_all(&dir);
                std::fs::create_dir_all(dir.join("sub")).unwrap();
                let names = [
                    "a.txt",
                    "b.csv",
                    "c.html",
                    "sub/d.jsonl",
                    "e.md",
                    "f.tsv",
                    "g.docx",
                    "sub/h.zip",
                ];
                for (i, bytes) in &files {
                    std::fs::write(dir.join(names[*i]), bytes).unwrap();
                }
                let _ = propose(&dir);
                let _ = build(&dir, &Options::default());
                Ok(())
            },
        )
        .unwrap();
}

/// The files of `dir` as a page receives them from a folder the user picks: every file below it,
/// named by its path from there, in path order, with its bytes.
fn files_as_picked(dir: &Path, prefix: &str, out: &mut Vec<(String, Result<Vec<u8>, String>)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        let name = format!("{prefix}{}", path.file_name().unwrap().to_str().unwrap());
        if path.is_dir() {
            files_as_picked(&path, &format!("{name}/"), out);
        } else if !name.rsplit('/').next().unwrap().starts_with('.') {
            out.push((name, Ok(std::fs::read(&path).unwrap())));
        }
    }
}

/// Files handed over in memory (as a page gets them) build the same pack as the folder they
/// came from: one code path for the build and for a page's import.
#[test]
fn files_read_in_memory_build_the_pack_the_folder_builds() {
    let from_folder = built();
    let mut files = Vec::new();
    files_as_picked(&articles(), "", &mut files);
    files.push((
        "unreadable.txt".into(),
        Err("the browser could not read it".into()),
    ));
    let from_files = siyaq_ingest::build_files(
        from_folder.pack.name.clone(),
        files,
        from_folder.pack.entities.clone(),
    )
    .unwrap();
    assert_eq!(from_files.pack.documents, from_folder.pack.documents);
    assert_eq!(from_files.pack.files, from_folder.pack.files);
    let mut skipped = from_folder.skipped.clone();
    skipped.push(siyaq_ingest::Skipped {
        what: "unreadable.txt".into(),
        why: "the browser could not read it".into(),
    });
    assert_eq!(from_files.skipped, skipped);
    assert_eq!(from_files.notes, from_folder.notes);
    // Nothing usable is an error that says what was skipped.
    let error = siyaq_ingest::build_files(
        "x".into(),
        [("image.png".to_string(), Ok(vec![0x89, b'P', b'N', b'G']))],
        vec![],
    )
    .unwrap_err();
    assert!(error.contains("image.png"), "{error}");
}
