//! `cargo xtask entity-eval DIR [--accept N] [--errors]`: precision and recall of the entity chart's mentions, per type,
//! against a development set annotated by hand. DIR holds `articles/NAME.txt` and
//! `gold/NAME.tsv`, one line per mention in text order: `type<TAB>canonical name<TAB>surface`,
//! the surface as written without attached clitics. The set itself is not part of the project
//! (real news belongs to its publishers): it lives outside the repository.
//!
//! A gold mention is placed at the first free occurrence of its surface after the previous one
//! (else the first free one); a
//! mention found counts as right when it overlaps a gold mention of the same type that no other
//! found mention took. Counted three times: with the site's list alone, with the world gazetteer
//! beneath it (what a new collection starts with), and with the suggestions at or above a
//! confidence (`--accept N`, 80 by default) added as the page's "add all" adds them; `--errors` lists what the second got wrong and
//! missed.

use std::collections::BTreeMap;
use std::fs;
use std::ops::Range;
use std::path::Path;

use siyaq_engine::entities::find_mentions;
use siyaq_engine::gazetteer::EntityKind;
use siyaq_engine::{DocumentInput, Index, Steps};
use siyaq_state::world::{Counted, layered};

use crate::Result;

struct Article {
    name: String,
    text: String,
    /// Byte spans and types of the gold mentions.
    gold: Vec<(Range<usize>, EntityKind)>,
}

#[derive(Default, Clone, Copy)]
struct Tally {
    found: u32,
    right: u32,
    gold: u32,
    recalled: u32,
}

pub fn run(root: &Path, args: &[String]) -> Result {
    let dir = args.first().ok_or("usage: cargo xtask entity-eval DIR (DIR/articles/*.txt, DIR/gold/*.tsv)")?;
    let articles = read_set(Path::new(dir))?;
    let index = Index::build(articles.iter().map(|a| DocumentInput { id: &a.name, text: (&a.text[..]).into(), uncounted: vec![] }), Steps::default());
    let list = siyaq_ingest::sample().gazetteer();
    let world = crate::world::world(root)?;
    let words: usize = index.documents().iter().map(|d| d.counted_words as usize).sum();
    let gold: usize = articles.iter().map(|a| a.gold.len()).sum();
    println!("{} articles, {words} words, {gold} gold mentions", articles.len());
    let errors = args.iter().any(|a| a == "--errors");
    let accept: f32 = match args.iter().position(|a| a == "--accept") {
        Some(at) => args.get(at + 1).and_then(|n| n.parse().ok()).ok_or("--accept takes a percentage")?,
        None => 80.0,
    };
    for (label, counted, show) in [("the site's list alone", layered(&list, None), false), ("the list and the world gazetteer", layered(&list, Some(&world)), errors)] {
        let tallies = score(&index, &articles, &counted, show);
        println!("\n{label} ({} entities):", counted.gazetteer.entities.len());
        print_tallies(&tallies);
    }

    // The suggestions made on top of the list and the world, those at or above `accept` added as
    // the page's "add all" adds them.
    let known = find_mentions(&index, &layered(&list, Some(&world)).alias_lists(false));
    let suggestions = siyaq_engine::suggest::suggest(&index, &known);
    let sure: Vec<_> = suggestions.iter().filter(|s| s.confidence * 100.0 >= accept).collect();
    let real = sure.iter().filter(|s| s.evidence.iter().any(|hit| overlaps_gold(&index, &articles, *hit))).count();
    println!(
        "\nsuggestions: {} in all, {} at {accept}% or more, of which {real} overlap an annotated name ({:.0}%)",
        suggestions.len(),
        sure.len(),
        100.0 * real as f64 / sure.len().max(1) as f64
    );
    if errors {
        for s in sure.iter().filter(|s| !s.evidence.iter().any(|hit| overlaps_gold(&index, &articles, *hit))) {
            println!("  not annotated: «{}» ({}, {:.0}%)", s.text, s.kind.name(), s.confidence * 100.0);
        }
    }
    let mut with_suggestions = list.clone();
    for s in &sure {
        if let Ok(id) = with_suggestions.add_entity(&s.text, &s.text, s.kind) {
            for variant in &s.variants {
                let _ = with_suggestions.add_alias(&id, variant);
            }
        }
    }
    let counted = layered(&with_suggestions, Some(&world));
    let tallies = score(&index, &articles, &counted, false);
    println!("\nthe list, the world gazetteer and the suggestions at {accept}% or more ({} entities):", counted.gazetteer.entities.len());
    print_tallies(&tallies);
    Ok(())
}

/// Whether `hit` overlaps a gold mention of its article, whatever its type.
fn overlaps_gold(index: &Index, articles: &[Article], hit: siyaq_engine::Hit) -> bool {
    let article = &articles[index.document_of(hit.word)];
    let span = index.word(hit.word).start as usize..index.word(hit.word + hit.len - 1).span().end;
    article.gold.iter().any(|(gold, _)| gold.start < span.end && span.start < gold.end)
}

fn read_set(dir: &Path) -> Result<Vec<Article>> {
    let mut names: Vec<String> = fs::read_dir(dir.join("articles"))
        .map_err(|e| format!("{}/articles: {e}", dir.display()))?
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".txt").map(str::to_string))
        .collect();
    names.sort();
    let mut articles = Vec::new();
    for name in names {
        let text = fs::read_to_string(dir.join("articles").join(format!("{name}.txt"))).map_err(|e| format!("{name}.txt: {e}"))?;
        let Ok(annotations) = fs::read_to_string(dir.join("gold").join(format!("{name}.tsv"))) else {
            eprintln!("{name}: no gold file, left out");
            continue;
        };
        let mut gold = Vec::new();
        let mut from = 0;
        for (n, line) in annotations.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let fields: Vec<&str> = line.split('\t').collect();
            let (Some(kind), Some(surface)) = (fields.first().and_then(|k| EntityKind::from_name(k.trim())), fields.get(2).map(|s| s.trim())) else {
                eprintln!("{name}.tsv line {}: not `type<TAB>name<TAB>surface`: {line}", n + 1);
                continue;
            };
            // After ل the article loses its alef (للأمم المتحدة): the annotation restores it.
            let elided = surface.strip_prefix('ا').filter(|rest| rest.starts_with('ل'));
            // The first free occurrence after the previous mention, else the first free one.
            let free = |at: usize, len: usize| !gold.iter().any(|(span, _): &(Range<usize>, EntityKind)| span.start < at + len && at < span.end);
            let place = |surface: &str, start: usize| {
                text.match_indices(surface).map(|(at, _)| at).find(|&at| at >= start && free(at, surface.len())).map(|at| (at, surface.len()))
            };
            let found = [from, 0].into_iter().find_map(|start| place(surface, start).or_else(|| elided.and_then(|e| place(e, start))));
            match found {
                Some((at, len)) => {
                    gold.push((at..at + len, kind));
                    from = at + len;
                }
                None => eprintln!("{name}.tsv line {}: «{surface}» is not in the article (or every occurrence is taken)", n + 1),
            }
        }
        articles.push(Article { name, text, gold });
    }
    Ok(articles)
}

fn score(index: &Index, articles: &[Article], counted: &Counted, show_errors: bool) -> BTreeMap<&'static str, Tally> {
    let mentions = find_mentions(index, &counted.alias_lists(false));
    let mut tallies: BTreeMap<&'static str, Tally> = BTreeMap::new();
    for (d, article) in articles.iter().enumerate() {
        let mut taken = vec![false; article.gold.len()];
        for mention in mentions.iter().filter(|m| index.document_of(m.hit.word) == d) {
            let kind = counted.gazetteer.entities[mention.entity].kind;
            let span = index.word(mention.hit.word).start as usize..index.word(mention.hit.word + mention.hit.len - 1).span().end;
            let tally = tallies.entry(kind.name()).or_default();
            tally.found += 1;
            let matched = article.gold.iter().enumerate().position(|(g, (gold, gold_kind))| !taken[g] && *gold_kind == kind && gold.start < span.end && span.start < gold.end);
            match matched {
                Some(g) => {
                    taken[g] = true;
                    tally.right += 1;
                }
                None if show_errors => println!("  wrong  {} {}: «{}» as {}", article.name, kind.name(), &article.text[span], counted.gazetteer.entities[mention.entity].id),
                None => {}
            }
        }
        for (g, (span, kind)) in article.gold.iter().enumerate() {
            let tally = tallies.entry(kind.name()).or_default();
            tally.gold += 1;
            if taken[g] {
                tally.recalled += 1;
            } else if show_errors {
                println!("  missed {} {}: «{}»", article.name, kind.name(), &article.text[span.clone()]);
            }
        }
    }
    tallies
}

fn print_tallies(tallies: &BTreeMap<&'static str, Tally>) {
    let ratio = |a: u32, b: u32| if b == 0 { "-".to_string() } else { format!("{:.2}", f64::from(a) / f64::from(b)) };
    let mut all = Tally::default();
    for (kind, t) in tallies {
        println!("  {kind:>13}: precision {} ({}/{}), recall {} ({}/{})", ratio(t.right, t.found), t.right, t.found, ratio(t.recalled, t.gold), t.recalled, t.gold);
        all = Tally { found: all.found + t.found, right: all.right + t.right, gold: all.gold + t.gold, recalled: all.recalled + t.recalled };
    }
    println!("  {:>13}: precision {} ({}/{}), recall {} ({}/{})", "all", ratio(all.right, all.found), all.right, all.found, ratio(all.recalled, all.gold), all.recalled, all.gold);
}
