//! A deterministic synthetic Arabic corpus for benchmarks, drawn from the word-to-word statistics
//! of sample texts (a first-order Markov chain over tokens as written), so its vocabulary, clitics,
//! marks, punctuation and paragraph lengths look like the press text siyaq is built for.

use rustc_hash::FxHashMap;

use crate::tokenize::{TokenKind, Tokenizer};

/// A small, fast, reproducible generator (xorshift64*); benchmarks need the same corpus on every
/// machine, not cryptographic quality.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Documents of about `document_bytes` each, `total_bytes` in all, from the statistics of
/// `samples`. The same arguments always give the same documents.
pub fn generate(samples: &[&str], total_bytes: usize, document_bytes: usize, seed: u64) -> Vec<String> {
    let mut vocabulary: Vec<&str> = Vec::new();
    let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
    let mut next: Vec<Vec<u32>> = Vec::new();
    let mut starts: Vec<u32> = Vec::new();
    let mut paragraph_lengths: Vec<usize> = Vec::new();
    for sample in samples {
        let mut previous: Option<u32> = None;
        let mut length = 0;
        for token in Tokenizer::new(sample) {
            if token.kind == TokenKind::ParagraphBreak {
                paragraph_lengths.push(length);
                length = 0;
                previous = None;
                continue;
            }
            let text = token.text(sample);
            let id = *ids.entry(text).or_insert_with(|| {
                vocabulary.push(text);
                next.push(Vec::new());
                vocabulary.len() as u32 - 1
            });
            match previous {
                Some(p) => next[p as usize].push(id),
                None => starts.push(id),
            }
            previous = Some(id);
            length += 1;
        }
        paragraph_lengths.push(length);
    }
    paragraph_lengths.retain(|&n| n > 0);
    if starts.is_empty() || paragraph_lengths.is_empty() {
        return Vec::new();
    }

    let mut rng = Rng::new(seed);
    let mut documents = Vec::new();
    let mut produced = 0;
    while produced < total_bytes {
        let target = document_bytes.min(total_bytes - produced).max(1);
        let mut doc = String::with_capacity(target + 256);
        while doc.len() < target {
            if !doc.is_empty() {
                doc.push('\n');
            }
            let length = paragraph_lengths[rng.below(paragraph_lengths.len())];
            let mut current = starts[rng.below(starts.len())];
            for i in 0..length {
                let token = vocabulary[current as usize];
                let glued = token.chars().all(|c| matches!(c, '.' | '،' | ',' | '؛' | ':' | '؟' | '!' | ')' | '”'));
                if i > 0 && !glued {
                    doc.push(' ');
                }
                doc.push_str(token);
                let followers = &next[current as usize];
                current = if followers.is_empty() { starts[rng.below(starts.len())] } else { followers[rng.below(followers.len())] };
            }
        }
        produced += doc.len();
        documents.push(doc);
    }
    documents
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "قال الرئيس إن روسيا لن تتدخل.\nوقال وزير الخارجية إن الحكومة مستعدة، وإن روسيا ستتدخل.";

    #[test]
    fn generation_is_deterministic_and_sized() {
        let a = generate(&[SAMPLE], 20_000, 5_000, 7);
        let b = generate(&[SAMPLE], 20_000, 5_000, 7);
        assert_eq!(a, b);
        let total: usize = a.iter().map(String::len).sum();
        assert!((20_000..21_000).contains(&total), "{total}");
        assert!(a.len() >= 4);
        assert_ne!(generate(&[SAMPLE], 20_000, 5_000, 8), a);
    }

    #[test]
    fn generated_words_come_from_the_samples() {
        let docs = generate(&[SAMPLE], 5_000, 5_000, 1);
        let known: Vec<&str> = Tokenizer::new(SAMPLE).map(|t| t.text(SAMPLE)).collect();
        for doc in &docs {
            for token in Tokenizer::new(doc).filter(|t| t.kind != TokenKind::ParagraphBreak) {
                assert!(known.contains(&token.text(doc)), "{}", token.text(doc));
            }
        }
    }

    #[test]
    fn no_samples_no_documents() {
        assert!(generate(&[], 1000, 100, 1).is_empty());
        assert!(generate(&["  \n "], 1000, 100, 1).is_empty());
    }
}
