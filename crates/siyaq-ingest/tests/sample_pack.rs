//! The sample corpus as a pack: built from `corpus/`, written, read back unchanged.

use siyaq_ingest::{Options, build, compress, decompress, sample, sample_dir, version_of};

#[test]
fn the_sample_folder_builds_into_a_pack_that_reads_back_the_same() {
    let built = build(&sample_dir(), &Options::default()).unwrap();
    assert!(!built.proposed, "corpus/ has its manifest");
    assert!(built.skipped.is_empty(), "{:?}", built.skipped);
    assert_eq!(built.pack.files.len(), 5);
    assert_eq!(built.pack.documents.len(), 6);
    assert_eq!(
        built.pack.entities.len(),
        sample().gazetteer().entities.len()
    );
    assert_eq!(built.pack.version, version_of(&built.pack));
    let back = decompress(&compress(&built.pack)).unwrap();
    assert_eq!(back.version(), built.pack.version);
    assert_eq!(back.documents().len(), 6);
    for (a, b) in back.documents().iter().zip(sample().documents()) {
        assert_eq!(back.text(a), sample().text(b));
    }
}

#[test]
fn the_version_changes_with_any_byte_of_the_content() {
    let built = build(&sample_dir(), &Options::default()).unwrap();
    let mut changed = built.pack.clone();
    changed.files[0].text = format!("{} ", &*changed.files[0].text).into();
    assert_ne!(version_of(&changed), built.pack.version);
    let mut renamed = built.pack.clone();
    renamed.documents[0].title = Some("عنوان".into());
    assert_ne!(version_of(&renamed), built.pack.version);
}
