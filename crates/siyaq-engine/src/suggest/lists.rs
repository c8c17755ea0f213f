//! The word lists of `data/suggest/`, compiled in so that the engine needs no files at run time,
//! and kept as data so that a linguist can edit them without reading Rust (see the README there).

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use crate::index::Index;

/// A list as written in its file: one entry a line, `#` comments and blank lines dropped.
fn parse(file: &'static str) -> Vec<&'static str> {
    file.lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|entry| !entry.is_empty())
        .collect()
}

/// Every list, parsed once per program: the files do not change while it runs.
struct RawLists {
    titles: Vec<&'static str>,
    bylines: Vec<&'static str>,
    title_adjectives: Vec<&'static str>,
    title_connectors: Vec<&'static str>,
    portfolios: Vec<&'static str>,
    organisation_heads: Vec<&'static str>,
    place_heads: Vec<&'static str>,
    stopwords: Vec<&'static str>,
    given_names: Vec<&'static str>,
    name_links: Vec<&'static str>,
    verbs: Vec<&'static str>,
    boilerplate: Vec<&'static str>,
}

fn raw() -> &'static RawLists {
    static RAW: OnceLock<RawLists> = OnceLock::new();
    RAW.get_or_init(|| RawLists {
        titles: parse(include_str!("../../data/suggest/titles.txt")),
        bylines: parse(include_str!("../../data/suggest/bylines.txt")),
        title_adjectives: parse(include_str!("../../data/suggest/title_adjectives.txt")),
        title_connectors: parse(include_str!("../../data/suggest/title_connectors.txt")),
        portfolios: parse(include_str!("../../data/suggest/portfolios.txt")),
        organisation_heads: parse(include_str!("../../data/suggest/organisation_heads.txt")),
        place_heads: parse(include_str!("../../data/suggest/place_heads.txt")),
        stopwords: parse(include_str!("../../data/suggest/stopwords.txt")),
        given_names: parse(include_str!("../../data/suggest/given_names.txt")),
        name_links: parse(include_str!("../../data/suggest/name_links.txt")),
        verbs: parse(include_str!("../../data/suggest/verbs.txt")),
        boilerplate: parse(include_str!("../../data/suggest/boilerplate.txt")),
    })
}

/// The lists normalized as one index normalizes its words. Done per call, not cached: indexes
/// can be built with different normalization steps, and a few hundred words take no time.
pub(super) struct WordLists {
    pub titles: FxHashSet<String>,
    pub bylines: FxHashSet<String>,
    pub title_adjectives: FxHashSet<String>,
    pub title_connectors: FxHashSet<String>,
    pub portfolios: FxHashSet<String>,
    pub organisation_heads: FxHashSet<String>,
    pub place_heads: FxHashSet<String>,
    pub stopwords: FxHashSet<String>,
    pub given_names: FxHashSet<String>,
    pub name_links: FxHashSet<String>,
    pub verbs: FxHashSet<String>,
    pub boilerplate: FxHashSet<String>,
}

impl WordLists {
    pub fn new(index: &Index) -> WordLists {
        let normalized = |list: &[&str]| list.iter().map(|w| index.analyzer().normalize(w)).collect();
        let raw = raw();
        WordLists {
            titles: normalized(&raw.titles),
            bylines: normalized(&raw.bylines),
            title_adjectives: normalized(&raw.title_adjectives),
            title_connectors: normalized(&raw.title_connectors),
            portfolios: normalized(&raw.portfolios),
            organisation_heads: normalized(&raw.organisation_heads),
            place_heads: normalized(&raw.place_heads),
            stopwords: normalized(&raw.stopwords),
            given_names: normalized(&raw.given_names),
            name_links: normalized(&raw.name_links),
            verbs: normalized(&raw.verbs),
            boilerplate: normalized(&raw.boilerplate),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_blank_lines_are_not_entries() {
        let file = "# a comment\n\nرئيس\n  وزير  # the minister\n#\n";
        assert_eq!(parse(file), ["رئيس", "وزير"]);
    }

    #[test]
    fn every_list_has_entries_and_no_entry_has_spaces_unless_meant() {
        let raw = raw();
        for (name, list) in [
            ("titles", &raw.titles),
            ("organisation_heads", &raw.organisation_heads),
            ("place_heads", &raw.place_heads),
            ("stopwords", &raw.stopwords),
            ("given_names", &raw.given_names),
            ("verbs", &raw.verbs),
            ("boilerplate", &raw.boilerplate),
        ] {
            assert!(list.len() > 5, "{name} is nearly empty");
            // The detectors compare one word at a time.
            assert!(list.iter().all(|w| !w.contains(' ')), "{name} has a phrase");
        }
        assert!(raw.given_names.contains(&"محمد") && raw.titles.contains(&"رئيس"));
    }
}
