//! The costliest queries the parser lets through: what the bounds of `query.rs` and
//! `concordance::MAX_HITS` leave in the worst case, on the bundled corpus and on a generated one of
//! `SIYAQ_BENCH_MB` megabytes (10 by default). Run with
//! `cargo bench -p siyaq-engine --bench query_bounds`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use siyaq_engine::query::{MAX_ALTERNATIVES, MAX_QUERY_CHARS};
use siyaq_engine::{DocumentInput, Index, MatchMode, Steps, parse, search};

/// Arabic letters, enough for one short prefix per alternative.
const LETTERS: &str = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";

/// As many alternatives as a query may have, each a prefix of one or two letters: together they
/// match almost every word.
fn widest_alternation() -> String {
    let letters: Vec<char> = LETTERS.chars().collect();
    let prefixes = letters.iter().map(|c| format!("{c}*")).chain(letters.iter().map(|c| format!("ال{c}*")));
    let query = prefixes.take(MAX_ALTERNATIVES).collect::<Vec<_>>().join("|");
    assert!(query.chars().count() <= MAX_QUERY_CHARS);
    query
}

/// The regex with the most repetitions of a group that still compiles.
fn largest_regex() -> String {
    let pattern = |n: usize| format!("/([^ا]*[بتن]){{{n}}}/");
    let largest = (1..1000).take_while(|&n| parse(&pattern(n), MatchMode::Clitic).is_ok()).last().expect("a small one compiles");
    pattern(largest)
}

fn benches(c: &mut Criterion) {
    let megabytes: usize = std::env::var("SIYAQ_BENCH_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(10);
    let generated = siyaq_ingest::sample().synthetic(megabytes);
    let corpora = [
        ("bundled".to_string(), siyaq_ingest::sample().build_index(Steps::default())),
        (
            format!("generated-{megabytes}mb"),
            Index::build(generated.iter().map(|text| DocumentInput { id: "g", text: (&text[..]).into(), uncounted: vec![] }), Steps::default()),
        ),
    ];
    let queries = [("alternation", widest_alternation()), ("regex", largest_regex())];
    for (name, index) in &corpora {
        let mut group = c.benchmark_group(format!("query-bounds-{name}"));
        group.sample_size(10);
        for (label, query) in &queries {
            let parsed = parse(query, MatchMode::Clitic).expect("within the bounds");
            let result = search(index, &parsed);
            eprintln!("{label} on {name} ({} words, {} forms): {} hits kept of {}", index.words().len(), index.vocabulary().len(), result.total(), result.total_found);
            group.bench_function(*label, |b| b.iter(|| black_box(search(index, &parsed).total_found)));
        }
        group.finish();
    }
}

criterion_group!(query_bounds, benches);
criterion_main!(query_bounds);
