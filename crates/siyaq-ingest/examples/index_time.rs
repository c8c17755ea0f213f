//! Times reading a pack and building its index (a profiling aid): `index_time FOLDER` builds the
//! folder's pack first (and leaves it, inflated, as `inflated-pack.bin` in the temporary folder);
//! `index_time FILE.bin` reads such a file.
fn main() {
    let path = std::path::PathBuf::from(std::env::args().nth(1).expect("a folder or a pack"));
    let bytes = if path.is_dir() {
        let bytes = siyaq_ingest::build(&path, &Default::default())
            .unwrap()
            .pack
            .to_bytes();
        std::fs::write(std::env::temp_dir().join("inflated-pack.bin"), &bytes).unwrap();
        bytes
    } else {
        std::fs::read(&path).unwrap()
    };
    let started = std::time::Instant::now();
    let corpus = siyaq_corpus::Corpus::from_bytes(bytes).unwrap();
    println!("read {:?}", started.elapsed());
    let mut index = None;
    for _ in 0..3 {
        let started = std::time::Instant::now();
        let built = corpus.build_index(siyaq_engine::Steps::default());
        println!(
            "index {:?} ({} words)",
            started.elapsed(),
            built.words().len()
        );
        index = Some(built);
    }
    let index = index.unwrap();
    let mut stored = Vec::new();
    let started = std::time::Instant::now();
    index.write_stored(&mut |piece| stored.extend_from_slice(piece));
    println!("stored {} bytes in {:?}", stored.len(), started.elapsed());
    for _ in 0..3 {
        let started = std::time::Instant::now();
        let inputs = corpus.documents().iter().map(|d| corpus.index_input(d));
        let read = siyaq_engine::Index::read_stored_bytes(
            &stored,
            inputs,
            siyaq_engine::Steps::default(),
        )
        .unwrap();
        println!(
            "read stored {:?} ({} words)",
            started.elapsed(),
            read.words().len()
        );
    }
}
