//! Entity lists of tens of thousands: what loading, matching, editing and saving one costs. The
//! list is generated (deterministic): names made of the bundled corpus's words, so that some occur,
//! and of random syllables, so that most do not, as in a large gazetteer of which a corpus
//! mentions a few. Run with `cargo bench -p siyaq-engine --features serde --bench entity_list`.

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use rustc_hash::FxHashSet;
use siyaq_engine::entities::{find_mentions, find_mentions_by_search};
use siyaq_engine::gazetteer::{Entity, EntityKind, Gazetteer};
use siyaq_engine::{Index, Normalizer, Steps};

const ENTITIES: usize = 20_000;

const SYLLABLES: [&str; 24] = [
    "با", "تو", "كي", "مار", "سلا", "نيا", "دو", "ري", "فان", "غو", "لي", "زا", "شو", "قا", "هي", "جو", "مي", "نو",
    "را", "سي", "تا", "كو", "بي", "ما",
];

/// xorshift64: a fixed sequence, so every run measures the same list.
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// A list that passes the editor's checks: every spelling is new to it.
fn generated_list(index: &Index, entities: usize) -> Gazetteer {
    let mut random = Random(0x5eed_1e55);
    let vocabulary = index.vocabulary();
    let corpus_word = |random: &mut Random| vocabulary.form(random.below(vocabulary.len()) as u32).to_string();
    let invented_word = |random: &mut Random| (0..2 + random.below(3)).map(|_| SYLLABLES[random.below(SYLLABLES.len())]).collect::<String>();
    let normalizer = Normalizer::new(Steps::default());
    let mut taken = FxHashSet::default();
    let mut list = Vec::with_capacity(entities);
    while list.len() < entities {
        let name = |random: &mut Random| match random.below(10) {
            0..=2 => corpus_word(random),
            3..=4 => format!("{} {}", corpus_word(random), invented_word(random)),
            5..=8 => format!("{} {}", invented_word(random), invented_word(random)),
            _ => invented_word(random),
        };
        let spellings: Vec<String> = (0..1 + random.below(3)).map(|_| name(&mut random)).collect();
        if !spellings.iter().all(|s| taken.insert(normalizer.normalize(s))) {
            continue;
        }
        let i = list.len();
        list.push(Entity {
            id: format!("generated-{i}"),
            name_ar: spellings[0].clone(),
            name_en: format!("Generated {i}"),
            kind: EntityKind::ALL[i % EntityKind::ALL.len()],
            aliases: spellings,
            demonyms: Vec::new(),
        });
    }
    Gazetteer { entities: list, excluded: vec![] }
}

fn benches(c: &mut Criterion) {
    let index = siyaq_ingest::sample().build_index(Steps::default());
    let bundled = siyaq_ingest::sample().gazetteer();
    let list = generated_list(&index, ENTITIES);
    list.validate().expect("the generated list passes the editor's checks");
    let aliases = list.alias_lists(false);
    eprintln!(
        "\n{} entities, {} spellings, {} mentions in the bundled corpus",
        list.entities.len(),
        aliases.iter().map(|a| a.aliases.len()).sum::<usize>(),
        find_mentions(&index, &aliases).len()
    );

    let mut group = c.benchmark_group(format!("entity-list-{ENTITIES}"));
    group.sample_size(20);
    group.bench_function("validate", |b| b.iter(|| black_box(list.validate())));
    group.bench_function("find_mentions", |b| b.iter(|| black_box(find_mentions(&index, &list.alias_lists(false)))));
    group.bench_function("changes_from-bundled", |b| b.iter(|| black_box(list.changes_from(&bundled))));
    let changes = list.changes_from(&bundled);
    group.bench_function("with_changes-bundled", |b| b.iter(|| black_box(Gazetteer::with_changes(&bundled, &changes))));
    let mut renamed = list.clone();
    renamed.entities.iter_mut().step_by(2).for_each(|e| e.name_en.push('!'));
    group.bench_function("changes_from-itself-edited", |b| b.iter(|| black_box(renamed.changes_from(&list))));
    group.bench_function("add_alias", |b| {
        // The list is returned, so that dropping it is not measured.
        b.iter_batched(
            || list.clone(),
            |mut list| {
                let added = list.add_alias("generated-0", "اسم لم يكن من قبل");
                (list, black_box(added))
            },
            BatchSize::LargeInput,
        )
    });
    group.bench_function("serde_json-round-trip", |b| {
        b.iter(|| {
            let json = serde_json::to_string(&list).expect("a list serializes");
            black_box(serde_json::from_str::<Gazetteer>(&json).expect("and reads back"))
        })
    });
    group.sample_size(10);
    group.bench_function("find_mentions_by_search", |b| b.iter(|| black_box(find_mentions_by_search(&index, &aliases))));
    group.finish();
}

criterion_group!(entity_list, benches);
criterion_main!(entity_list);
