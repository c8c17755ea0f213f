//! Any bytes as a stored index of a small corpus (the browser's cache can hold anything): reading
//! never panics, and an index it accepts can be searched.
#![no_main]

use libfuzzer_sys::fuzz_target;
use siyaq_engine::{DocumentInput, Index, MatchMode, Steps, parse, search};

const TEXTS: [&str; 2] = ["قالت موسكو إن القوات الروسية وصلت إلى كازاخستان.\n\nوأكدت روسيا ذلك.", "G7 وF16 في بيلاروسيا"];

fuzz_target!(|data: &[u8]| {
    let mut at = 0;
    let mut source = |buffer: &mut [u8]| {
        let n = buffer.len().min(data.len() - at);
        buffer[..n].copy_from_slice(&data[at..at + n]);
        at += n;
        n
    };
    let inputs = TEXTS.iter().enumerate().map(|(i, text)| DocumentInput { id: ["a", "b"][i], text: (*text).into(), uncounted: vec![] });
    let Ok(index) = Index::read_stored(&mut source, inputs, Steps::default()) else { return };
    for query in ["روسيا", "ال*", "*يا", "/^و/"] {
        let result = search(&index, &parse(query, MatchMode::Clitic).unwrap());
        assert!(result.hits.iter().all(|hit| (hit.word as usize) < index.words().len()));
    }
});
