//! A stored index reads back as the index that was built, whatever pieces its bytes come in; bytes
//! that do not fit the documents are refused, never trusted and never a panic.

use siyaq_engine::{DocumentInput, Index, MatchMode, Profile, SharedText, StoredIndexError, Steps, parse, search};

const TEXTS: [&str; 3] = [
    "قوات روسية وصلت الخميس إلى كازاخستان\nقوات روسية وصلت الخميس إلى كازاخستان\n\nقال الرئيسُ إنّ ١٢ جندياً وصلوا إلى الـمـديـنـة. وأكدت موسكو ذلك، وروسيا ولروسيا.",
    "U.S. policy: G7 وF16 في بيلاروسيا (روسيا البيضاء)… أ.ف.ب",
    "",
];

fn inputs(texts: &[&str]) -> Vec<DocumentInput<'static>> {
    texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let id: &'static str = ["a", "b", "c", "d"][i];
            // The first document's second line repeats its title: shown, never counted.
            #[allow(clippy::single_range_in_vec_init)] // one uncounted range, not a range of numbers
            let uncounted = match text.find('\n') {
                Some(end) if i == 0 => vec![end + 1..2 * end + 1],
                _ => vec![],
            };
            DocumentInput { id, text: SharedText::from(*text), uncounted }
        })
        .collect()
}

fn stored(index: &Index) -> Vec<u8> {
    let mut bytes = Vec::new();
    index.write_stored(&mut |piece| bytes.extend_from_slice(piece));
    bytes
}

/// Reads `bytes`, at most `step` of them per call of the source.
fn read(bytes: &[u8], step: usize, texts: &[&str], steps: Steps) -> Result<Index, StoredIndexError> {
    let mut at = 0;
    let mut source = |buffer: &mut [u8]| {
        let n = buffer.len().min(step).min(bytes.len() - at);
        buffer[..n].copy_from_slice(&bytes[at..at + n]);
        at += n;
        n
    };
    Index::read_stored(&mut source, inputs(texts), steps)
}

fn assert_same(a: &Index, b: &Index) {
    assert_eq!(a.words(), b.words());
    let ranges = |i: &Index| i.documents().iter().map(|d| (d.id.clone(), d.words.clone(), d.counted_words)).collect::<Vec<_>>();
    assert_eq!(ranges(a), ranges(b));
    assert_eq!(a.vocabulary().len(), b.vocabulary().len());
    for id in a.vocabulary().ids() {
        assert_eq!(a.vocabulary().form(id), b.vocabulary().form(id));
        assert_eq!(a.vocabulary().occurrences(id), b.vocabulary().occurrences(id));
    }
    for (query, mode) in [("روسيا", MatchMode::Clitic), ("ال*", MatchMode::Clitic), ("*يا", MatchMode::Clitic), ("قوات روسية", MatchMode::Clitic), ("/^و/", MatchMode::Clitic), ("وصلت", MatchMode::Stem)] {
        let query = parse(query, mode).unwrap();
        let (x, y) = (search(a, &query), search(b, &query));
        assert_eq!((x.hits, x.per_document), (y.hits, y.per_document));
    }
}

#[test]
fn a_stored_index_reads_back_as_built_in_pieces_of_any_size() {
    for steps in [Steps::default(), Profile::Strict.steps()] {
        let built = Index::build(inputs(&TEXTS), steps);
        let bytes = stored(&built);
        for step in [1, 7, 4096, usize::MAX] {
            let read = read(&bytes, step, &TEXTS, steps).unwrap();
            assert_same(&built, &read);
        }
    }
}

#[test]
fn bytes_that_do_not_fit_are_refused() {
    let steps = Steps::default();
    let built = Index::build(inputs(&TEXTS), steps);
    let bytes = stored(&built);
    // Cut short anywhere.
    for end in [0, 5, 8, 20, bytes.len() / 2, bytes.len() - 1] {
        assert!(read(&bytes[..end], usize::MAX, &TEXTS, steps).is_err(), "cut at {end}");
    }
    // A byte too many, another magic, other documents.
    assert_eq!(read(&[&bytes[..], &[0]].concat(), usize::MAX, &TEXTS, steps).unwrap_err(), StoredIndexError::NotAnIndex);
    let mut other_magic = bytes.clone();
    other_magic[7] ^= 1;
    assert_eq!(read(&other_magic, usize::MAX, &TEXTS, steps).unwrap_err(), StoredIndexError::NotAnIndex);
    assert!(read(&bytes, usize::MAX, &TEXTS[..2], steps).is_err());
    let shorter = ["قوات روسية", TEXTS[1], TEXTS[2]];
    assert!(read(&bytes, usize::MAX, &shorter, steps).is_err());
    // Any single byte changed past the magic is either refused or still a valid index of these
    // documents; it never panics.
    for at in 8..bytes.len() {
        for flip in [0x01, 0x80, 0xFF] {
            let mut changed = bytes.clone();
            changed[at] ^= flip;
            if let Ok(index) = read(&changed, 4096, &TEXTS, steps) {
                for word in index.words() {
                    assert!(index.vocabulary().len() > word.form as usize);
                }
            }
        }
    }
}
