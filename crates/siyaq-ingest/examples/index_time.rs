//! Times reading a pack and building its index (a profiling aid): `index_time FOLDER` builds the
//! folder's pack first; `index_time FILE.bin` reads an inflated pack written by an earlier run.
fn main() {
    let path = std::path::PathBuf::from(std::env::args().nth(1).expect("a folder or a pack"));
    let bytes = if path.is_dir() {
        let bytes = siyaq_ingest::build(&path, &Default::default()).unwrap().pack.to_bytes();
        std::fs::write("/tmp/inflated-pack.bin", &bytes).unwrap();
        bytes
    } else {
        std::fs::read(&path).unwrap()
    };
    let started = std::time::Instant::now();
    let corpus = siyaq_corpus::Corpus::from_bytes(bytes).unwrap();
    println!("read {:?}", started.elapsed());
    for _ in 0..3 {
        let started = std::time::Instant::now();
        let index = corpus.build_index(siyaq_engine::Steps::default());
        println!("index {:?} ({} words)", started.elapsed(), index.words().len());
    }
}
