//! Times an import of made-up articles (a profiling aid): `import_time [MB]` builds a collection
//! from MB megabytes (20 by default) of generated text in 100 KB files, as the page's worker does,
//! and prints the time of each stage it can see.
use siyaq_import::collection::{Request, import};

fn made_up(megabytes: usize) -> Vec<(String, Result<Vec<u8>, String>)> {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let letters: Vec<char> = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي".chars().collect();
    let vocabulary: Vec<String> =
        (0..3000).map(|_| (0..3 + next() % 5).map(|_| letters[(next() % letters.len() as u64) as usize]).collect()).collect();
    (0..megabytes * 10)
        .map(|n| {
            let mut text = format!("مقال رقم {n}\n\n");
            while text.len() < 100_000 {
                let words: Vec<&str> = (0..12 + next() % 20).map(|_| vocabulary[(next() % 3000) as usize].as_str()).collect();
                text.push_str(&words.join(" "));
                text.push_str(".\n");
            }
            (format!("article-{n:04}.txt"), Ok(text.into_bytes()))
        })
        .collect()
}

fn main() {
    let megabytes = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(20);
    let files = made_up(megabytes);
    let bytes: usize = files.iter().map(|(_, b)| b.as_ref().map_or(0, Vec::len)).sum();
    for _ in 0..3 {
        let started = std::time::Instant::now();
        let request = Request { name: "bench".into(), files: files.clone(), existing: None, fallback_entities: None, keep_duplicates: false };
        let outcome = import(request, &mut |_| {}).unwrap();
        let seconds = started.elapsed().as_secs_f64();
        let built = std::time::Instant::now();
        let packed = outcome.pack.as_ref().map(|p| p.to_bytes().len()).unwrap_or(0);
        println!(
            "{} articles, {:.1} MB: import {:.2} s ({:.1} MB/s), pack written in {:.2} s ({packed} bytes)",
            outcome.articles,
            bytes as f64 / 1e6,
            seconds,
            bytes as f64 / 1e6 / seconds,
            built.elapsed().as_secs_f64()
        );
    }
}
