//! Engine benchmarks: normalization and index-build throughput, and query latency (total count
//! plus the first 100 keyword-in-context lines), on the bundled corpus and on a generated one of
//! `SIYAQ_BENCH_MB` megabytes (50 by default). Run with `cargo xtask bench`.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use siyaq_engine::{
    DocumentInput, Index, MatchMode, Normalizer, Steps, kwic_line, parse, search,
};

struct Corpus {
    name: String,
    texts: Vec<String>,
}

impl Corpus {
    fn bytes(&self) -> u64 {
        self.texts.iter().map(|t| t.len() as u64).sum()
    }

    fn index(&self) -> Index {
        Index::build(
            self.texts.iter().enumerate().map(|(i, text)| DocumentInput { id: Box::leak(i.to_string().into_boxed_str()), text: (&text[..]).into(), uncounted: vec![] }),
            Steps::default(),
        )
    }
}

fn corpora() -> Vec<Corpus> {
    let megabytes: usize = std::env::var("SIYAQ_BENCH_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(50);
    vec![
        Corpus { name: "bundled".into(), texts: { let s = siyaq_ingest::sample(); s.documents().iter().map(|d| s.text(d).to_string()).collect() } },
        Corpus { name: format!("generated-{megabytes}mb"), texts: siyaq_ingest::sample().synthetic(megabytes) },
    ]
}

/// The queries of the benchmark table: a frequent clitic-aware word, a phrase, a prefix, a regex.
pub const QUERIES: [(&str, &str); 4] = [
    ("clitic-word", "كازاخستان"),
    ("phrase", "\"الأمن الجماعي\""),
    ("prefix", "كازاخ*"),
    ("regex", "/^روس/"),
];

/// What the page needs for a query: the total and the first 100 lines as text.
fn count_and_first_lines(index: &Index, query: &str) -> (usize, Vec<(String, String, String)>) {
    let result = search(index, &parse(query, MatchMode::Clitic).expect("benchmark queries parse"));
    let lines = result
        .hits
        .iter()
        .take(100)
        .map(|hit| {
            let line = kwic_line(index, *hit, 7);
            let text = &index.documents()[line.document].text;
            (text[line.before].to_string(), text[line.node].to_string(), text[line.after].to_string())
        })
        .collect();
    (result.total(), lines)
}

fn benches(c: &mut Criterion) {
    let normalizer = Normalizer::default();
    for corpus in corpora() {
        let bytes = corpus.bytes();
        let large = bytes > 10_000_000;

        let mut group = c.benchmark_group("normalize");
        group.throughput(Throughput::Bytes(bytes));
        if large {
            group.sample_size(10);
        }
        group.bench_function(BenchmarkId::from_parameter(&corpus.name), |b| {
            let mut out = String::with_capacity(bytes as usize);
            b.iter(|| {
                out.clear();
                for text in &corpus.texts {
                    normalizer.normalize_into(text, &mut out);
                }
                black_box(out.len())
            })
        });
        group.finish();

        let mut group = c.benchmark_group("index-build");
        group.throughput(Throughput::Bytes(bytes));
        if large {
            group.sample_size(10);
        }
        group.bench_function(BenchmarkId::from_parameter(&corpus.name), |b| b.iter(|| black_box(corpus.index())));
        group.finish();

        let index = corpus.index();
        eprintln!(
            "\nindex memory on {}: {} bytes of text, index {} bytes ({:.2}x the text), {} words, {} forms",
            corpus.name,
            bytes,
            index.heap_bytes(),
            index.heap_bytes() as f64 / bytes as f64,
            index.words().len(),
            index.vocabulary().len()
        );
        let mut group = c.benchmark_group(format!("query-{}", corpus.name));
        for (name, query) in QUERIES {
            let (total, _) = count_and_first_lines(&index, query);
            eprintln!("{name} {query}: {total} hits on {}", corpus.name);
            group.bench_function(name, |b| b.iter(|| black_box(count_and_first_lines(&index, query))));
        }
        group.finish();
    }
}

criterion_group!(engine, benches);
criterion_main!(engine);
