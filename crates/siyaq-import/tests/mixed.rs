//! The mixed set of files the page's import is tested with (`tests/import/mixed`, written for the
//! tests): each file has one report entry, an archive's entries count under the archive, and the
//! copies are left out.

use std::path::Path;

use siyaq_import::collection::{Request, Status, import};

fn files(dir: &Path, prefix: &str, out: &mut Vec<(String, Result<Vec<u8>, String>)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        let name = format!("{prefix}{}", path.file_name().unwrap().to_str().unwrap());
        if path.is_dir() {
            files(&path, &format!("{name}/"), out);
        } else {
            out.push((name, Ok(std::fs::read(&path).unwrap())));
        }
    }
}

#[test]
fn every_file_of_the_mixed_set_is_reported_once_and_the_copies_are_left_out() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/import/mixed");
    let mut given = Vec::new();
    files(&dir, "", &mut given);
    let request = Request { name: "mixed".into(), files: given.clone(), existing: None, fallback_entities: None, keep_duplicates: false };
    let outcome = import(request, &mut |_| {}).unwrap();
    let status = |file: &str| outcome.report.iter().find(|e| e.file == file).unwrap_or_else(|| panic!("{file}: {:?}", outcome.report));
    assert_eq!(outcome.report.len(), given.len());
    // A hidden file, as a folder picker hands it in, is passed over as the folder build passes it over.
    given.push((".DS_Store".into(), Ok(vec![0, 1, 2])));
    given.push(("notes/.draft.txt".into(), Ok("مسودة".as_bytes().to_vec())));
    let request = Request { name: "mixed".into(), files: given.clone(), existing: None, fallback_entities: None, keep_duplicates: false };
    assert_eq!(import(request, &mut |_| {}).unwrap().report.len(), given.len() - 2);
    for file in ["briefing.html", "energy-utf16.txt", "roads.txt", "summit.docx"] {
        assert_eq!(status(file).status, Status::Imported, "{file}: {:?}", status(file));
    }
    let letters = status("letters.zip");
    assert_eq!((letters.status, letters.articles), (Status::Imported, Some(2)), "{letters:?}");
    assert_eq!(status("broken.docx").status, Status::Skipped);
    assert_eq!(status("syndicated/roads.txt").status, Status::Duplicate);
    assert_eq!(status("syndicated/roads-edited.txt").status, Status::Duplicate);
    assert!(status("syndicated/roads-edited.txt").reason.as_deref().unwrap().starts_with("near-duplicate"));
    assert_eq!(outcome.articles, 6);
}

/// The index the worker builds for a new collection reads back in the page as the page's own.
#[test]
fn the_index_built_for_a_collection_reads_back_as_the_pages_own() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/import/mixed");
    let mut given = Vec::new();
    files(&dir, "", &mut given);
    let request = Request { name: "mixed".into(), files: given, existing: None, fallback_entities: None, keep_duplicates: false };
    let pack = import(request, &mut |_| {}).unwrap().pack.unwrap();
    let corpus = siyaq_corpus::Corpus::from_bytes(pack.to_bytes()).unwrap();
    let stored = siyaq_import::stored_index(&corpus);
    let inputs = corpus.documents().iter().map(|d| corpus.index_input(d));
    let read = siyaq_engine::Index::read_stored_bytes(&stored, inputs, siyaq_engine::Steps::default()).unwrap();
    let built = corpus.build_index(siyaq_engine::Steps::default());
    assert_eq!(read.words().len(), built.words().len());
    assert!(read.words().len() > 100);
}
