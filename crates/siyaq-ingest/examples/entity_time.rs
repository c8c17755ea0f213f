//! How long the entities view's work takes on a generated corpus of N megabytes (default 10):
//! the mentions of the sample's list with the world gazetteer beneath it (`target/world.json`,
//! written by `cargo xtask world`), and the suggestions. Medians of three runs.
//!
//! `cargo run --release -p siyaq-ingest --example entity_time -- [MB]`

use std::time::Instant;

use siyaq_engine::entities::find_mentions;
use siyaq_engine::{DocumentInput, Index, Steps};
use siyaq_state::world::{World, layered};

fn median(mut runs: Vec<f64>) -> f64 {
    runs.sort_by(f64::total_cmp);
    runs[runs.len() / 2]
}

fn main() {
    let megabytes: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10);
    let world_file = concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/world.json");
    let world = World::from_json(&std::fs::read(world_file).expect("run `cargo xtask world` first")).expect("a world file");
    let texts = siyaq_ingest::sample().synthetic(megabytes);
    let index = Index::build(texts.iter().map(|t| DocumentInput { id: "g", text: (&t[..]).into(), uncounted: vec![] }), Steps::default());
    let words: usize = index.documents().iter().map(|d| d.counted_words as usize).sum();
    for (label, counted) in [("list", layered(&siyaq_ingest::sample().gazetteer(), None)), ("list + world", layered(&siyaq_ingest::sample().gazetteer(), Some(&world)))] {
        let lists = counted.alias_lists(false);
        let mut found = 0;
        let time = median((0..3).map(|_| {
            let started = Instant::now();
            found = find_mentions(&index, &lists).len();
            started.elapsed().as_secs_f64() * 1000.0
        }).collect());
        println!("{megabytes} MB, {words} words: mentions of the {label} ({} entities): {found} in {time:.0} ms", counted.gazetteer.entities.len());
    }
    let known = find_mentions(&index, &layered(&siyaq_ingest::sample().gazetteer(), Some(&world)).alias_lists(false));
    let mut count = 0;
    let time = median((0..3).map(|_| {
        let started = Instant::now();
        count = siyaq_engine::suggest::suggest(&index, &known).len();
        started.elapsed().as_secs_f64() * 1000.0
    }).collect());
    println!("{megabytes} MB: {count} suggestions in {time:.0} ms");
}
