//! Any string as a query, in every match mode, against a small index: parsing and searching must
//! never panic, and every hit must lie inside its document.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use siyaq_engine::{DocumentInput, Index, MatchMode, Steps, kwic_line, parse, search};

const TEXT: &str = "نشرت منظمة معاهدة الأمن الجماعي (CSTO) التي تقودها روسيا قوات داخل كازاخستان، \
                    ولروسيا وبيلاروسيا مصالح. قال الرئيسُ: «نعم»؟ لـ100الف جندي في 2.7 مليون\nفقرة ثانية للبنان.";

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| Index::build([DocumentInput { id: "d", text: (TEXT).into(), uncounted: vec![] }], Steps::default()))
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else { return };
    for mode in MatchMode::ALL {
        match parse(input, mode) {
            Ok(query) => {
                let result = search(index(), &query);
                assert_eq!(result.total(), result.per_document.iter().sum::<u32>() as usize);
                for hit in &result.hits {
                    let line = kwic_line(index(), *hit, 7);
                    assert!(line.before.start <= line.node.start && line.node.end <= line.after.end);
                    assert!(line.after.end <= TEXT.len());
                }
            }
            Err(error) => {
                assert!(error.at <= input.chars().count().max(1));
                // The interface's wording lives in the app (src/messages.rs); the engine's is technical.
                assert!(!error.to_string().is_empty());
            }
        }
    }
});
