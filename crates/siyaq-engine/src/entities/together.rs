//! Which entities are mentioned together: for a scope (the same sentence or the same article), the
//! number of units where both of two entities are mentioned, each one's own number of units, and
//! how strongly they go together; and, for one pair, the mentions of one in the units where the
//! other is mentioned too (what the concordance shows for a cell of the matrix).

use rustc_hash::{FxHashMap, FxHashSet};

use super::Mention;
use crate::concordance::{Hit, sentence_start};
use crate::index::Index;

/// What "together" means: in the same sentence or in the same article.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Scope {
    #[default]
    Sentence,
    Article,
}

impl Scope {
    pub const ALL: [Scope; 2] = [Scope::Sentence, Scope::Article];

    pub fn name(self) -> &'static str {
        match self {
            Scope::Sentence => "sentence",
            Scope::Article => "article",
        }
    }

    pub fn from_name(name: &str) -> Option<Scope> {
        Self::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// The unit `hit` lies in: its sentence's first word (sentences are cut as
/// [`crate::concordance::sentence_of`] cuts them, and never cross articles) or its article's
/// position. Units are numbered in corpus order, so mentions in corpus order have units in order.
pub fn unit_of(index: &Index, hit: Hit, scope: Scope) -> u32 {
    match scope {
        Scope::Sentence => sentence_start(index, hit.word),
        Scope::Article => index.document_of(hit.word) as u32,
    }
}

/// How often each pair of a few chosen entities is mentioned in the same unit.
///
/// The strength of a pair is the Dice coefficient, 2·f(ab) / (f(a) + f(b)), where f(a) is the
/// number of units mentioning `a` and f(ab) the number mentioning both. It was chosen because it
/// depends only on the pair's own counts: not on the number of units in the corpus (which mutual
/// information and log-likelihood need, and which changes with what counts as a sentence), and
/// it does not inflate pairs of rare entities as mutual information does. It lies between 0 (never
/// together) and 1 (always together), so cells of one matrix, or of two corpora, compare directly,
/// and it is symmetric. [`Together::log_dice`] gives it on Rychlý's logDice scale (14 + log2 Dice,
/// at most 14; one point less is half as strong), as lexicographers' tools print it.
#[derive(Clone, Debug, PartialEq)]
pub struct Together {
    pub scope: Scope,
    /// The entities, by position in the list; the matrix's rows and columns, in this order.
    pub entities: Vec<usize>,
    /// f(a): units mentioning each of `entities`.
    pub units: Vec<u32>,
    /// f(ab), `joint[i * n + j]` for the `i`-th and `j`-th of `entities`; the diagonal is f(a).
    joint: Vec<u32>,
}

/// One pair of [`Together`], with its figures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pair {
    /// Positions in [`Together::entities`], `a < b`.
    pub a: usize,
    pub b: usize,
    pub together: u32,
    pub units_a: u32,
    pub units_b: u32,
    pub dice: f64,
}

impl Together {
    /// Counts, among `mentions` (in corpus order, as [`super::find_mentions`] gives them), the
    /// units mentioning each of `entities` and each pair of them.
    pub fn new(index: &Index, mentions: &[Mention], entities: &[usize], scope: Scope) -> Together {
        let n = entities.len();
        let position: FxHashMap<usize, usize> = entities.iter().enumerate().map(|(i, &e)| (e, i)).collect();
        let mut units = vec![0u32; n];
        let mut joint = vec![0u32; n * n];
        // The chosen entities mentioned in the unit being read.
        let mut present: Vec<usize> = Vec::new();
        let mut current = None;
        let mut close = |present: &mut Vec<usize>| {
            present.sort_unstable();
            present.dedup();
            for (k, &i) in present.iter().enumerate() {
                units[i] += 1;
                for &j in &present[k..] {
                    joint[i * n + j] += 1;
                    if i != j {
                        joint[j * n + i] += 1;
                    }
                }
            }
            present.clear();
        };
        for mention in mentions {
            let Some(&i) = position.get(&mention.entity) else { continue };
            let unit = unit_of(index, mention.hit, scope);
            if current != Some(unit) {
                close(&mut present);
                current = Some(unit);
            }
            present.push(i);
        }
        close(&mut present);
        Together { scope, entities: entities.to_vec(), units, joint }
    }

    /// f(ab): units mentioning both the `i`-th and the `j`-th entity (f(a) when `i == j`).
    pub fn together(&self, i: usize, j: usize) -> u32 {
        self.joint[i * self.entities.len() + j]
    }

    /// 2·f(ab) / (f(a) + f(b)); 0 when neither is mentioned.
    pub fn dice(&self, i: usize, j: usize) -> f64 {
        let sum = self.units[i] + self.units[j];
        if sum == 0 { 0.0 } else { 2.0 * f64::from(self.together(i, j)) / f64::from(sum) }
    }

    /// 14 + log2(Dice); `None` for a pair never together.
    pub fn log_dice(&self, i: usize, j: usize) -> Option<f64> {
        let dice = self.dice(i, j);
        (dice > 0.0).then(|| 14.0 + dice.log2())
    }

    /// Every pair of different entities (`a < b`), strongest first: by Dice, then by the number of
    /// units together, then in the matrix's order. Pairs never together are included, last.
    pub fn pairs(&self) -> Vec<Pair> {
        let n = self.entities.len();
        let mut pairs: Vec<Pair> = (0..n)
            .flat_map(|a| (a + 1..n).map(move |b| (a, b)))
            .map(|(a, b)| Pair { a, b, together: self.together(a, b), units_a: self.units[a], units_b: self.units[b], dice: self.dice(a, b) })
            .collect();
        crate::sorting::sort_by(&mut pairs, |x, y| y.dice.total_cmp(&x.dice).then(y.together.cmp(&x.together)).then((x.a, x.b).cmp(&(y.a, y.b))));
        pairs
    }
}

/// The units mentioning `entity`, in corpus order without repeats.
fn units_of(index: &Index, mentions: &[Mention], entity: usize, scope: Scope) -> FxHashSet<u32> {
    mentions.iter().filter(|m| m.entity == entity).map(|m| unit_of(index, m.hit, scope)).collect()
}

/// The hits of the mentions of `a` in units where `b` is mentioned too, in corpus order: the lines
/// the concordance shows for the pair. (`a == b` gives every mention of `a`.)
pub fn hits_together(index: &Index, mentions: &[Mention], a: usize, b: usize, scope: Scope) -> Vec<Hit> {
    let with_b = units_of(index, mentions, b, scope);
    mentions.iter().filter(|m| m.entity == a && with_b.contains(&unit_of(index, m.hit, scope))).map(|m| m.hit).collect()
}

/// f(ab) for two entities: the units mentioning both.
pub fn units_together(index: &Index, mentions: &[Mention], a: usize, b: usize, scope: Scope) -> u32 {
    let with_b = units_of(index, mentions, b, scope);
    units_of(index, mentions, a, scope).intersection(&with_b).count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::{EntityAliases, find_mentions};
    use crate::index::DocumentInput;
    use crate::normalize::Steps;

    /// Three articles, six sentences; entities 0 بوتين, 1 روسيا, 2 بايدن:
    ///
    /// ```text
    /// article 1  S1 بوتين وروسيا.        {0, 1}
    ///            S2 بوتين وبايدن.        {0, 2}
    ///            S3 روسيا.               {1}
    /// article 2  S4 بايدن وبوتين وبوتين.  {2, 0}  (بوتين twice)
    ///            S5 كلام.                {}
    /// article 3  S6 روسيا.               {1}
    /// ```
    ///
    /// By sentence: f(0) = 3 (S1 S2 S4), f(1) = 3 (S1 S3 S6), f(2) = 2 (S2 S4); f(0,1) = 1 (S1),
    /// f(0,2) = 2 (S2 S4), f(1,2) = 0. Dice(0,2) = 2·2/(3+2) = 0.8, Dice(0,1) = 2·1/(3+3) = 1/3,
    /// logDice(0,2) = 14 + log2 0.8 ≈ 13.678.
    /// By article: f(0) = 2 (1, 2), f(1) = 2 (1, 3), f(2) = 2 (1, 2); f(0,1) = 1, f(0,2) = 2,
    /// f(1,2) = 1: Dice 1, 0.5, 0.5.
    /// Mentions of بوتين in sentences with بايدن: S2 (1) and S4 (2), three lines; of بايدن in
    /// sentences with بوتين: S2 and S4, two lines. Of روسيا in articles with بايدن: S1 and S3.
    fn corpus() -> (Index, Vec<Mention>) {
        let texts = ["بوتين وروسيا. بوتين وبايدن. روسيا.", "بايدن وبوتين وبوتين. كلام.", "روسيا."];
        let ids = ["one", "two", "three"];
        let index = Index::build(ids.iter().zip(texts).map(|(id, text)| DocumentInput { id, text: text.into(), uncounted: vec![] }), Steps::default());
        let list = [("putin", "بوتين"), ("russia", "روسيا"), ("biden", "بايدن")]
            .map(|(id, alias)| EntityAliases { id: id.into(), aliases: vec![alias.into()], context: vec![] });
        let mentions = find_mentions(&index, &list);
        assert_eq!(mentions.len(), 9);
        (index, mentions)
    }

    #[test]
    fn pairs_in_the_same_sentence_are_counted_once_per_sentence() {
        let (index, mentions) = corpus();
        let t = Together::new(&index, &mentions, &[0, 1, 2], Scope::Sentence);
        assert_eq!(t.units, [3, 3, 2]);
        assert_eq!((t.together(0, 1), t.together(0, 2), t.together(1, 2)), (1, 2, 0));
        assert_eq!((t.together(2, 0), t.together(1, 1)), (2, 3));
        assert_eq!(t.dice(0, 2), 0.8);
        assert!((t.dice(0, 1) - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(t.dice(1, 2), 0.0);
        assert!((t.log_dice(0, 2).unwrap() - 13.678_071_905_112_638).abs() < 1e-9);
        assert_eq!(t.log_dice(1, 2), None);
        assert_eq!(t.dice(1, 1), 1.0);
        let pairs: Vec<(usize, usize, u32)> = t.pairs().iter().map(|p| (p.a, p.b, p.together)).collect();
        assert_eq!(pairs, [(0, 2, 2), (0, 1, 1), (1, 2, 0)]);
    }

    #[test]
    fn pairs_in_the_same_article() {
        let (index, mentions) = corpus();
        let t = Together::new(&index, &mentions, &[0, 1, 2], Scope::Article);
        assert_eq!(t.units, [2, 2, 2]);
        assert_eq!((t.together(0, 1), t.together(0, 2), t.together(1, 2)), (1, 2, 1));
        assert_eq!((t.dice(0, 1), t.dice(0, 2), t.dice(1, 2)), (0.5, 1.0, 0.5));
        assert_eq!(t.log_dice(0, 2), Some(14.0));
    }

    #[test]
    fn only_the_chosen_entities_in_the_order_given() {
        let (index, mentions) = corpus();
        let t = Together::new(&index, &mentions, &[2, 0], Scope::Sentence);
        assert_eq!((t.entities.clone(), t.units.clone(), t.together(0, 1)), (vec![2, 0], vec![2, 3], 2));
        let none = Together::new(&index, &mentions, &[], Scope::Sentence);
        assert!(none.pairs().is_empty());
        let unmentioned = Together::new(&index, &mentions, &[7], Scope::Sentence);
        assert_eq!((unmentioned.units.clone(), unmentioned.dice(0, 0)), (vec![0], 0.0));
    }

    #[test]
    fn the_lines_of_a_pair_are_the_mentions_of_one_where_the_other_is() {
        let (index, mentions) = corpus();
        let words = |hits: Vec<Hit>| hits.iter().map(|h| index.original(h.words()).to_string()).collect::<Vec<_>>();
        let putin_with_biden = hits_together(&index, &mentions, 0, 2, Scope::Sentence);
        assert_eq!(words(putin_with_biden.clone()), ["بوتين", "وبوتين", "وبوتين"]);
        assert_eq!(putin_with_biden.iter().map(|h| index.document_of(h.word)).collect::<Vec<_>>(), [0, 1, 1]);
        assert_eq!(words(hits_together(&index, &mentions, 2, 0, Scope::Sentence)), ["وبايدن", "بايدن"]);
        assert!(hits_together(&index, &mentions, 1, 2, Scope::Sentence).is_empty());
        assert_eq!(words(hits_together(&index, &mentions, 1, 2, Scope::Article)), ["وروسيا", "روسيا"]);
        assert_eq!(hits_together(&index, &mentions, 0, 0, Scope::Sentence).len(), 4);
        assert_eq!(units_together(&index, &mentions, 0, 2, Scope::Sentence), 2);
        assert_eq!(units_together(&index, &mentions, 1, 2, Scope::Article), 1);
        // The matrix and the lines agree: as many units as the cell says.
        let t = Together::new(&index, &mentions, &[0, 1, 2], Scope::Sentence);
        for (a, b) in [(0, 1), (0, 2), (1, 2), (2, 0)] {
            let units: FxHashSet<u32> = hits_together(&index, &mentions, a, b, Scope::Sentence).iter().map(|&h| unit_of(&index, h, Scope::Sentence)).collect();
            assert_eq!(units.len() as u32, t.together(a, b), "{a} {b}");
        }
    }

    #[test]
    fn scopes_have_names() {
        for scope in Scope::ALL {
            assert_eq!(Scope::from_name(scope.name()), Some(scope));
        }
        assert_eq!(Scope::from_name("paragraph"), None);
    }
}
