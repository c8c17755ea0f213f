//! Any bytes as a corpus pack (a page may be pointed at any file): reading never panics, and a
//! pack it accepts can be walked whole — every document's text, lines, roles, counts, heading —
//! and indexed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use siyaq_corpus::Corpus;
use siyaq_engine::Steps;

fuzz_target!(|data: &[u8]| {
    let Ok(corpus) = Corpus::from_bytes(data.to_vec()) else { return };
    for doc in corpus.documents() {
        let text = corpus.text(doc);
        let lines: Vec<_> = corpus.lines(doc).collect();
        assert_eq!(lines.len(), doc.last_line() - doc.first_line() + 1);
        for range in corpus.uncounted_ranges(doc) {
            assert!(range.end <= text.len() && text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
        }
        let _ = (corpus.word_count(doc), corpus.heading(doc));
    }
    let index = corpus.build_index(Steps::default());
    assert_eq!(index.documents().len(), corpus.documents().len());
});
