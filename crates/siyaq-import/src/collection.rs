//! A collection built from the user's files: the pack, and what became of each file.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use siyaq_corpus::{DocumentRecord, Pack, SkippedFile};
use siyaq_engine::gazetteer::Entity;

use crate::duplicates::{Seen, Verdict};
use crate::merge::{merge, path_of, unique_path};

/// What the page asks for.
pub struct Request {
    /// What the collection calls itself; empty keeps the existing collection's name.
    pub name: String,
    /// Each file's path (`/` between folders) and its bytes, or why they could not be read.
    pub files: Vec<(String, Result<Vec<u8>, String>)>,
    /// The collection to add to: an inflated pack.
    pub existing: Option<Vec<u8>>,
    /// An inflated pack whose entity list a new collection starts with (the site's sample).
    pub fallback_entities: Option<Vec<u8>>,
    /// Whether articles seen before are kept (and still reported).
    pub keep_duplicates: bool,
}

/// How far the build has gone through the files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub files: usize,
    pub files_total: usize,
    pub bytes: u64,
    pub bytes_total: u64,
}

/// What an import gives.
#[derive(Debug)]
pub struct Outcome {
    /// The collection, versioned and checked; `None` when no new article could be used (the
    /// existing collection, if any, stays as it was).
    pub pack: Option<Pack>,
    pub name: String,
    /// Articles in the collection, the existing ones included.
    pub articles: usize,
    /// Articles this import added.
    pub added: usize,
    pub report: Vec<Entry>,
}

/// What became of one file given.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    pub file: String,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The encoding the file was read as (`UTF-8`, `windows-1256`…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// The article's printed title, for a file that gave one article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Articles the file added (a table gives one per record).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub articles: Option<usize>,
    /// The article this one repeats: its title, or else its id (an existing article) or its file
    /// (one of this import).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Imported,
    #[default]
    Skipped,
    Duplicate,
}

/// Builds the collection. Errors only when `existing` or `fallback_entities` is not a pack: a
/// file that cannot be used is reported, never an error.
pub fn import(request: Request, progress: &mut dyn FnMut(Progress)) -> Result<Outcome, String> {
    let existing = match request.existing {
        Some(bytes) => Some(
            read_pack(bytes)
                .map_err(|e| format!("the collection to add to cannot be read: {e}"))?,
        ),
        None => None,
    };
    let entities = match (&existing, request.fallback_entities) {
        (Some(pack), _) => pack.entities.clone(),
        (None, Some(bytes)) => {
            Pack::from_bytes(bytes)
                .map_err(|e| format!("the sample's entity list cannot be read: {e}"))?
                .entities
        }
        (None, None) => Vec::new(),
    };
    let name = match (request.name.trim(), &existing) {
        ("", Some(pack)) => pack.name.clone(),
        (name, _) => name.to_string(),
    };
    // Hidden files are passed over as a folder's walk passes them over (a folder picked in the
    // page hands them in).
    let given = request.files.into_iter().filter(|(path, _)| !siyaq_ingest::is_passed_over(path)).collect();
    let files = unique_paths(given);
    let paths: Vec<String> = files.iter().map(|(path, _)| path.clone()).collect();
    let (mut pack, encodings) = build(name.clone(), files, entities, progress);
    let verdicts = judge(existing.as_ref(), &pack, request.keep_duplicates);
    let report = report(&paths, &pack, &verdicts, &encodings);
    leave_out_duplicates(&mut pack, &verdicts);
    let added = pack.documents.len();
    let before = existing.as_ref().map_or(0, |p| p.documents.len());
    let mut pack = match existing {
        Some(existing) if added > 0 => merge(existing, pack),
        _ => pack,
    };
    if added == 0 {
        return Ok(Outcome {
            pack: None,
            name,
            articles: before,
            added,
            report,
        });
    }
    pack.name = name.clone();
    pack.version = siyaq_ingest::version_of(&pack);
    pack.check()
        .map_err(|e| format!("the collection built does not hold together: {e}"))?;
    Ok(Outcome {
        articles: pack.documents.len(),
        pack: Some(pack),
        name,
        added,
        report,
    })
}

/// A pack given as bytes, checked as the page checks one.
fn read_pack(bytes: Vec<u8>) -> Result<Pack, String> {
    let pack = Pack::from_bytes(bytes).map_err(|e| e.to_string())?;
    pack.check().map_err(|e| e.to_string())?;
    Ok(pack)
}

/// The files with each path given once: a second `a.txt` becomes `a-2.txt`, since the pack
/// names files by path.
fn unique_paths(
    files: Vec<(String, Result<Vec<u8>, String>)>,
) -> Vec<(String, Result<Vec<u8>, String>)> {
    let mut taken: HashSet<String> = files.iter().map(|(path, _)| path.clone()).collect();
    let mut given: HashSet<String> = HashSet::new();
    files
        .into_iter()
        .map(|(path, bytes)| {
            if given.insert(path.clone()) {
                return (path, bytes);
            }
            let unique = unique_path(&path, &taken);
            taken.insert(unique.clone());
            given.insert(unique.clone());
            (unique, bytes)
        })
        .collect()
}

/// The new articles as a pack of their own (possibly without a document), and the encoding each
/// source was read as, by source name. Reports progress as each file is taken up.
fn build(
    name: String,
    files: Vec<(String, Result<Vec<u8>, String>)>,
    entities: Vec<Entity>,
    progress: &mut dyn FnMut(Progress),
) -> (Pack, HashMap<String, &'static str>) {
    let files_total = files.len();
    let bytes_total: u64 = files
        .iter()
        .map(|(_, b)| b.as_ref().map_or(0, |b| b.len() as u64))
        .sum();
    let mut done = Progress {
        files: 0,
        files_total,
        bytes: 0,
        bytes_total,
    };
    let taken = files.into_iter().inspect(|(_, bytes)| {
        progress(done);
        done.files += 1;
        done.bytes += bytes.as_ref().map_or(0, |b| b.len() as u64);
    });
    let proposal = siyaq_ingest::propose_files(taken);
    progress(done);
    let encodings = proposal
        .sources
        .iter()
        .map(|s| (s.name.clone(), s.encoding))
        .collect();
    let mut skipped = proposal.skipped;
    let pack = siyaq_ingest::assemble(
        name,
        &proposal.manifest,
        proposal.sources,
        entities,
        &mut skipped,
    );
    (pack, encodings)
}

/// What is known of a new article that repeats another.
#[derive(Clone, Debug, PartialEq)]
pub struct Repeat {
    /// The other article's title, id or file.
    pub of: String,
    /// The estimated share of text in common, for a near-duplicate.
    pub similarity: Option<f64>,
    /// Whether it stays in the collection.
    pub kept: bool,
}

impl Repeat {
    fn reason(&self) -> String {
        let what = match self.similarity {
            Some(alike) => format!(
                "near-duplicate (≈ {}% alike) of «{}»",
                (alike * 100.0).floor(),
                self.of
            ),
            None => format!("the same text as «{}»", self.of),
        };
        if self.kept {
            format!("{what}; kept as asked")
        } else {
            format!("{what}: left out")
        }
    }
}

/// For each new document, in order, the article it repeats, if any: an existing one, or one
/// earlier in this import. Articles left out are not compared with later ones, so that a
/// repeat always names an article of the collection.
fn judge(existing: Option<&Pack>, new: &Pack, keep_duplicates: bool) -> Vec<Option<Repeat>> {
    let mut seen = Seen::default();
    let mut labels = Vec::new();
    if let Some(existing) = existing {
        for (document, text) in existing.documents.iter().zip(document_texts(existing)) {
            seen.add(seen.fingerprint(text));
            labels.push(
                document
                    .title
                    .clone()
                    .unwrap_or_else(|| document.id.clone()),
            );
        }
    }
    let mut verdicts = Vec::with_capacity(new.documents.len());
    for (document, text) in new.documents.iter().zip(document_texts(new)) {
        let fingerprint = seen.fingerprint(text);
        let repeat = match seen.judge(&fingerprint) {
            Verdict::New => None,
            Verdict::Same { of } => Some((of, None)),
            Verdict::Alike { of, similarity } => Some((of, Some(similarity))),
        }
        .map(|(of, similarity)| Repeat {
            of: labels.get(of).cloned().unwrap_or_default(),
            similarity,
            kept: keep_duplicates,
        });
        if repeat.as_ref().is_none_or(|r| r.kept) {
            seen.add(fingerprint);
            labels.push(
                document
                    .title
                    .clone()
                    .unwrap_or_else(|| path_of(&document.file).to_string()),
            );
        }
        verdicts.push(repeat);
    }
    verdicts
}

/// Each document's text, in document order: from its first line to its last. A document whose
/// lines are not in its file (which a checked pack never has) reads as empty.
fn document_texts(pack: &Pack) -> Vec<&str> {
    let files: HashMap<&str, &str> = pack
        .files
        .iter()
        .map(|f| (f.name.as_str(), &*f.text))
        .collect();
    let mut spans: HashMap<&str, Vec<std::ops::Range<usize>>> = HashMap::new();
    pack.documents
        .iter()
        .map(|document| {
            let Some(&text) = files.get(document.file.as_str()) else {
                return "";
            };
            let lines = spans
                .entry(document.file.as_str())
                .or_insert_with(|| siyaq_corpus::line_spans(text));
            let [first, last] = document.lines;
            match (
                lines.get(first.wrapping_sub(1)),
                lines.get(last.wrapping_sub(1)),
            ) {
                (Some(start), Some(end)) if start.start <= end.end => {
                    text.get(start.start..end.end).unwrap_or("")
                }
                _ => "",
            }
        })
        .collect()
}

/// Takes the repeats not kept out of the pack, with their files, and lists them as skipped.
fn leave_out_duplicates(pack: &mut Pack, verdicts: &[Option<Repeat>]) {
    let mut kept = Vec::with_capacity(pack.documents.len());
    for (document, repeat) in std::mem::take(&mut pack.documents)
        .into_iter()
        .zip(verdicts)
    {
        match repeat {
            Some(repeat) if !repeat.kept => pack.skipped.push(SkippedFile {
                what: format!("{}: {}", document.file, document.id),
                why: repeat.reason(),
            }),
            _ => kept.push(document),
        }
    }
    pack.documents = kept;
    let used: HashSet<&str> = pack.documents.iter().map(|d| d.file.as_str()).collect();
    let files = std::mem::take(&mut pack.files);
    pack.files = files
        .into_iter()
        .filter(|f| used.contains(f.name.as_str()))
        .collect();
}

/// One entry per path given, in order, from the new articles' documents and what the build
/// skipped, before duplicates are left out.
fn report(
    paths: &[String],
    pack: &Pack,
    verdicts: &[Option<Repeat>],
    encodings: &HashMap<String, &'static str>,
) -> Vec<Entry> {
    paths
        .iter()
        .map(|path| entry(path, pack, verdicts, encodings))
        .collect()
}

/// Whether a source, document or table record named `name` comes from the file `path`: the file
/// itself, a record of it, or an entry of it when it is an archive (`letters.zip/a/b.txt`).
fn from_file(name: &str, path: &str) -> bool {
    name == path || path_of(name) == path || name.strip_prefix(path).is_some_and(|rest| rest.starts_with('/'))
}

/// Whether a skipped item names the file `path`: the file itself, one of its records, or one of
/// its documents (`file: id`).
fn skip_of_file(skipped: &SkippedFile, path: &str) -> bool {
    from_file(&skipped.what, path)
        || skipped
            .what
            .rsplit_once(": ")
            .is_some_and(|(file, _)| from_file(file, path))
}

fn entry(
    path: &str,
    pack: &Pack,
    verdicts: &[Option<Repeat>],
    encodings: &HashMap<String, &'static str>,
) -> Entry {
    let mine: Vec<(&DocumentRecord, Option<&Repeat>)> = pack
        .documents
        .iter()
        .zip(verdicts)
        .filter(|(d, _)| from_file(&d.file, path))
        .map(|(d, r)| (d, r.as_ref()))
        .collect();
    let kept: Vec<&DocumentRecord> = mine
        .iter()
        .filter(|(_, r)| r.is_none_or(|r| r.kept))
        .map(|(d, _)| *d)
        .collect();
    let first_repeat = mine.iter().find_map(|(_, r)| *r);
    let mut reasons: Vec<String> = mine
        .iter()
        .filter_map(|(d, r)| r.map(|r| labelled(&d.file, path, &r.reason())))
        .collect();
    reasons.extend(
        pack.skipped
            .iter()
            .filter(|s| skip_of_file(s, path))
            .map(|s| labelled(&s.what, path, &s.why)),
    );
    let mut entry = Entry {
        file: path.to_string(),
        encoding: encodings
            .iter()
            .find(|(name, _)| from_file(name, path))
            .map(|(_, e)| e.to_string()),
        reason: (!reasons.is_empty()).then(|| reasons.join("\n")),
        ..Entry::default()
    };
    if !kept.is_empty() {
        entry.status = Status::Imported;
        entry.articles = Some(kept.len());
        if let ([only], [_]) = (&kept[..], &mine[..]) {
            entry.title = only.title.clone();
            entry.date = only.date.as_ref().map(|d| d.value.clone());
            entry.duplicate_of = first_repeat.map(|r| r.of.clone());
        }
    } else if let Some(repeat) = first_repeat {
        entry.status = Status::Duplicate;
        entry.duplicate_of = Some(repeat.of.clone());
    } else if entry.reason.is_none() {
        entry.reason = Some("no usable article".into());
    }
    entry
}

/// A reason, with what it is about when that is a record or a document of the file rather than
/// the file itself.
fn labelled(what: &str, path: &str, why: &str) -> String {
    if what == path {
        why.to_string()
    } else {
        format!("{what}: {why}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use siyaq_corpus::Corpus;

    fn sample(name: &str) -> Vec<u8> {
        std::fs::read(siyaq_ingest::sample_dir().join(name)).unwrap()
    }

    const A: &str = "001_81ea276c1bd68485.txt";
    const B: &str = "002_ea5e3ea7e789e4ef.txt";
    const C: &str = "003_6739eb1a1609230f.txt";

    fn request(files: Vec<(&str, Result<Vec<u8>, String>)>) -> Request {
        Request {
            name: "mine".into(),
            files: files.into_iter().map(|(p, b)| (p.to_string(), b)).collect(),
            existing: None,
            fallback_entities: None,
            keep_duplicates: false,
        }
    }

    fn run(request: Request) -> Outcome {
        import(request, &mut |_| {}).unwrap()
    }

    fn statuses(outcome: &Outcome) -> Vec<(&str, Status)> {
        outcome
            .report
            .iter()
            .map(|e| (e.file.as_str(), e.status))
            .collect()
    }

    #[test]
    fn a_repeated_article_is_left_out_and_named() {
        let mut rewrapped = String::from_utf8(sample(A)).unwrap().replace(' ', "\n ");
        rewrapped.insert(0, '\u{200f}');
        let outcome = run(request(vec![
            ("a.txt", Ok(sample(A))),
            ("copy.txt", Ok(rewrapped.into_bytes())),
        ]));
        assert_eq!(
            statuses(&outcome),
            [("a.txt", Status::Imported), ("copy.txt", Status::Duplicate)]
        );
        let pack = outcome.pack.unwrap();
        assert_eq!(pack.documents.len(), 1);
        assert_eq!(pack.files.len(), 1);
        let copy = &outcome.report[1];
        assert_eq!(copy.duplicate_of, outcome.report[0].title);
        assert!(
            copy.reason
                .as_deref()
                .unwrap()
                .starts_with("the same text as"),
            "{copy:?}"
        );
        assert!(
            pack.skipped
                .iter()
                .any(|s| s.what.starts_with("copy.txt: "))
        );
    }

    #[test]
    fn a_repeated_article_is_kept_when_asked() {
        let mut request = request(vec![("a.txt", Ok(sample(A))), ("b/a.txt", Ok(sample(A)))]);
        request.keep_duplicates = true;
        let outcome = run(request);
        assert_eq!(
            statuses(&outcome),
            [("a.txt", Status::Imported), ("b/a.txt", Status::Imported)]
        );
        assert_eq!(outcome.articles, 2);
        assert!(outcome.report[1].duplicate_of.is_some());
        assert!(
            outcome.report[1]
                .reason
                .as_deref()
                .unwrap()
                .ends_with("kept as asked")
        );
    }

    #[test]
    fn a_nearly_same_article_is_a_near_duplicate() {
        let text = String::from_utf8(sample(A)).unwrap();
        let lines: Vec<&str> = text.split('\n').collect();
        let longest = (0..lines.len()).max_by_key(|&i| lines[i].len()).unwrap();
        let mut edited: Vec<&str> = lines.clone();
        edited[longest] = "فقرة أخرى كتبت مكان الفقرة الأطول في المقال كله";
        let outcome = run(request(vec![
            ("a.txt", Ok(sample(A))),
            ("edited.txt", Ok(edited.join("\n").into_bytes())),
        ]));
        let entry = &outcome.report[1];
        assert_eq!(entry.status, Status::Duplicate, "{entry:?}");
        assert!(
            entry
                .reason
                .as_deref()
                .unwrap()
                .starts_with("near-duplicate (≈ "),
            "{entry:?}"
        );
    }

    #[test]
    fn without_a_usable_article_every_file_says_why_and_there_is_no_pack() {
        let outcome = run(request(vec![
            ("a.pdf", Ok(b"%PDF".to_vec())),
            ("big.txt", Err("over the 50 MB limit".into())),
            ("empty.txt", Ok(Vec::new())),
        ]));
        assert!(outcome.pack.is_none());
        assert_eq!(outcome.articles, 0);
        assert!(
            outcome
                .report
                .iter()
                .all(|e| e.status == Status::Skipped && e.reason.is_some()),
            "{:?}",
            outcome.report
        );
        assert_eq!(
            outcome.report[1].reason.as_deref(),
            Some("over the 50 MB limit")
        );
    }

    #[test]
    fn a_table_gives_an_article_per_record() {
        let table = "title,text\nأول,نص المقال الأول هنا\nثان,نص المقال الثاني هنا\nثالث,\n";
        let outcome = run(request(vec![("t.csv", Ok(table.as_bytes().to_vec()))]));
        let entry = &outcome.report[0];
        assert_eq!(
            (entry.status, entry.articles),
            (Status::Imported, Some(2)),
            "{entry:?}"
        );
        assert!(
            entry.reason.as_deref().unwrap().starts_with("t.csv#"),
            "{entry:?}"
        );
        assert_eq!(entry.encoding.as_deref(), Some("UTF-8"));
    }

    #[test]
    fn the_encoding_and_the_title_are_reported() {
        let text =
            "عنوان قصير\n\nهذا نص المقال مكتوب بترميز ويندوز العربي القديم، كما كانت المواقع تكتب.";
        let bytes = encoding_rs::WINDOWS_1256.encode(text).0.into_owned();
        let outcome = run(request(vec![("old.txt", Ok(bytes))]));
        let entry = &outcome.report[0];
        assert_eq!(entry.encoding.as_deref(), Some("windows-1256"), "{entry:?}");
        assert_eq!(
            (entry.status, entry.title.as_deref()),
            (Status::Imported, Some("عنوان قصير")),
            "{entry:?}"
        );
    }

    #[test]
    fn the_same_path_twice_gives_two_files() {
        let outcome = run(request(vec![
            ("a.txt", Ok(sample(A))),
            ("a.txt", Ok(sample(B))),
        ]));
        assert_eq!(
            statuses(&outcome),
            [("a.txt", Status::Imported), ("a-2.txt", Status::Imported)]
        );
        assert!(Corpus::from_pack(outcome.pack.unwrap()).is_ok());
    }

    #[test]
    fn progress_is_told_as_files_are_taken() {
        let mut seen = Vec::new();
        import(
            request(vec![("a.txt", Ok(sample(A))), ("b.txt", Ok(sample(B)))]),
            &mut |p| seen.push(p),
        )
        .unwrap();
        let total = (sample(A).len() + sample(B).len()) as u64;
        assert_eq!(seen.len(), 3);
        assert_eq!(
            seen[0],
            Progress {
                files: 0,
                files_total: 2,
                bytes: 0,
                bytes_total: total
            }
        );
        assert_eq!(
            seen[2],
            Progress {
                files: 2,
                files_total: 2,
                bytes: total,
                bytes_total: total
            }
        );
    }

    #[test]
    fn adding_to_a_collection_keeps_what_it_holds() {
        let mut first = request(vec![("a.txt", Ok(sample(A))), ("b.txt", Ok(sample(B)))]);
        first.fallback_entities = Some(entity_pack());
        let existing = run(first).pack.unwrap();
        assert_eq!(existing.entities.len(), 1);
        let mut second = request(vec![("a.txt", Ok(sample(C))), ("b.txt", Ok(sample(B)))]);
        second.name = String::new();
        second.existing = Some(existing.to_bytes());
        second.fallback_entities = Some(b"not a pack".to_vec());
        let outcome = run(second);
        assert_eq!(
            statuses(&outcome),
            [("a.txt", Status::Imported), ("b.txt", Status::Duplicate)]
        );
        let merged = outcome.pack.unwrap();
        assert_eq!(merged.documents[..2], existing.documents[..]);
        assert_eq!(merged.files[..2], existing.files[..]);
        assert_eq!(merged.documents[2].id, "a-2");
        assert_eq!(merged.documents[2].file, "a-2.txt");
        assert_eq!(merged.entities, existing.entities);
        assert_eq!(
            (merged.name.as_str(), outcome.articles, outcome.added),
            ("mine", 3, 1)
        );
        assert_ne!(merged.version, existing.version);
        assert_eq!(merged.version, siyaq_ingest::version_of(&merged));
        let corpus = Corpus::from_bytes(merged.to_bytes()).unwrap();
        assert_eq!(corpus.documents().len(), 3);
    }

    #[test]
    fn adding_only_repeats_gives_no_pack() {
        let existing = run(request(vec![("a.txt", Ok(sample(A)))])).pack.unwrap();
        let mut again = request(vec![("b.txt", Ok(sample(A)))]);
        again.existing = Some(existing.to_bytes());
        let outcome = run(again);
        assert!(outcome.pack.is_none());
        assert_eq!((outcome.articles, outcome.added), (1, 0));
        assert_eq!(outcome.report[0].status, Status::Duplicate);
    }

    #[test]
    fn an_unreadable_collection_to_add_to_is_an_error() {
        let mut request = request(vec![("a.txt", Ok(sample(A)))]);
        request.existing = Some(b"{}\n".to_vec());
        assert!(
            import(request, &mut |_| {})
                .unwrap_err()
                .starts_with("the collection to add to")
        );
    }

    /// An inflated pack with one document and one entity, as the site's sample stands for.
    fn entity_pack() -> Vec<u8> {
        let mut built = siyaq_ingest::build_files(
            "sample".into(),
            [("s.txt".to_string(), Ok(sample(C)))],
            Vec::new(),
        )
        .unwrap();
        built.pack.entities = serde_json::from_str(
            r#"[{"id":"moscow","name_ar":"موسكو","name_en":"Moscow","type":"place","aliases":["موسكو"]}]"#,
        )
        .unwrap();
        built.pack.to_bytes()
    }
}

#[cfg(test)]
mod any_input {
    use super::*;
    use proptest::prelude::*;

    fn file() -> impl Strategy<Value = (String, Result<Vec<u8>, String>)> {
        let name = (
            "[a-z/#.-]{0,8}",
            prop::sample::select(vec![".txt", ".csv", ".html", ".jsonl", ".pdf", ""]),
        )
            .prop_map(|(stem, ext)| format!("{stem}{ext}"));
        let arabic = "[ابتثجحخد \n،.]{0,200}".prop_map(String::into_bytes);
        let bytes = prop_oneof![
            prop::collection::vec(any::<u8>(), 0..300),
            arabic,
            Just(Vec::new())
        ];
        (
            name,
            prop_oneof![bytes.prop_map(Ok), Just(Err("not read".to_string()))],
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Any files, and any bytes as the collection to add to: a report per file (hidden ones
        /// passed over) and a pack
        /// the page reads, or an error, never a panic.
        #[test]
        fn any_files_give_a_report_and_a_readable_pack(
            files in prop::collection::vec(file(), 0..6),
            keep in any::<bool>(),
            existing in prop::option::weighted(0.2, prop::collection::vec(any::<u8>(), 0..64)),
        ) {
            let count = files.iter().filter(|(path, _)| !siyaq_ingest::is_passed_over(path)).count();
            let request = Request { name: "x".into(), files, existing, fallback_entities: None, keep_duplicates: keep };
            if let Ok(outcome) = import(request, &mut |_| {}) {
                prop_assert_eq!(outcome.report.len(), count);
                if let Some(pack) = outcome.pack {
                    prop_assert!(siyaq_corpus::Corpus::from_bytes(pack.to_bytes()).is_ok());
                }
            }
        }
    }
}
