//! The view as a link: every setting that shapes what is on screen, written to and read from the
//! URL's parameters. The URL is the single source of truth: a link opened anywhere shows the same
//! view, and Back/Forward walk through earlier ones.
//!
//! Only settings that differ from the defaults are written, in a fixed order, so equal views give
//! equal links. Reading never fails: an unknown or malformed parameter is left out and reported.

use std::collections::BTreeSet;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use siyaq_engine::entities::{Measure, RowOrder};
use siyaq_engine::gazetteer::{EntityKind, GazetteerChanges};
use siyaq_engine::query::MAX_QUERY_CHARS;
use siyaq_engine::{Hit, MatchMode, Profile, SortKey, Step, Steps};

use crate::{Lang, View};

pub const MAX_WIDTH: u32 = 30;
pub const MAX_TOP: usize = 200;
pub const DEFAULT_TOP: usize = 15;
/// Longer entity changes than this are not read from a link (about 100 edited entities).
const MAX_CHANGES_CHARS: usize = 40_000;

/// Everything a link restores.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewState {
    pub query: String,
    pub mode: MatchMode,
    pub steps: Steps,
    pub width: u32,
    pub sort: SortKey,
    /// Articles left out, by position.
    pub excluded: BTreeSet<usize>,
    pub form: Option<String>,
    /// From 0.
    pub page: usize,
    pub view: View,
    /// The article in the reader, by position.
    pub open: Option<usize>,
    pub focus: Option<Hit>,
    pub measure: Measure,
    pub kinds: BTreeSet<EntityKind>,
    pub top: usize,
    pub order: RowOrder,
    pub demonyms: bool,
    pub lang: Lang,
    /// The user's changes to the bundled entity list.
    pub entities: GazetteerChanges,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            query: String::new(),
            mode: MatchMode::Clitic,
            steps: Steps::default(),
            width: siyaq_engine::DEFAULT_CONTEXT_WORDS,
            sort: SortKey::Document,
            excluded: BTreeSet::new(),
            form: None,
            page: 0,
            view: View::Concordance,
            open: None,
            focus: None,
            measure: Measure::Count,
            kinds: EntityKind::ALL.into_iter().collect(),
            top: DEFAULT_TOP,
            order: RowOrder::Total,
            demonyms: false,
            lang: Lang::Ar,
            entities: GazetteerChanges::default(),
        }
    }
}

/// A parameter of a link that was not used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ignored {
    pub name: String,
    pub value: String,
}

/// What reading a link gave.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadLink {
    pub state: ViewState,
    pub ignored: Vec<Ignored>,
    /// The corpus version the link was made against, when it is not this one.
    pub other_version: Option<String>,
}

/// The parameters of `state`, `version` first, defaults left out.
pub fn write(state: &ViewState, version: &str, articles: &[&str]) -> String {
    let defaults = ViewState::default();
    let mut out = form_urlencoded::Serializer::new(String::new());
    out.append_pair("v", version);
    if state.view != defaults.view {
        out.append_pair("view", state.view.name());
    }
    if !state.query.is_empty() {
        out.append_pair("q", &state.query);
    }
    if state.mode != defaults.mode {
        out.append_pair("mode", state.mode.name());
    }
    if state.steps != defaults.steps {
        match state.steps.profile() {
            Some(profile) => out.append_pair("norm", profile.name()),
            None => {
                let on: Vec<&str> = Step::ALL.into_iter().filter(|s| state.steps.get(*s)).map(Step::name).collect();
                out.append_pair("steps", &on.join(","))
            }
        };
    }
    if state.width != defaults.width {
        out.append_pair("width", &state.width.to_string());
    }
    if state.sort != defaults.sort {
        out.append_pair("sort", &state.sort.name());
    }
    if !state.excluded.is_empty() {
        let included: Vec<&str> =
            articles.iter().enumerate().filter(|(i, _)| !state.excluded.contains(i)).map(|(_, id)| *id).collect();
        out.append_pair("docs", &included.join(","));
    }
    if let Some(form) = &state.form {
        out.append_pair("form", form);
    }
    if state.page != 0 {
        out.append_pair("page", &(state.page + 1).to_string());
    }
    if let Some(id) = state.open.and_then(|d| articles.get(d)) {
        out.append_pair("doc", id);
    }
    if let Some(hit) = state.focus {
        out.append_pair("hit", &format!("{}-{}", hit.word, hit.len));
    }
    if state.measure != defaults.measure {
        out.append_pair("measure", state.measure.name());
    }
    if state.kinds != defaults.kinds {
        let kinds: Vec<&str> = state.kinds.iter().map(|k| k.name()).collect();
        out.append_pair("types", &kinds.join(","));
    }
    if state.top != defaults.top {
        out.append_pair("top", &state.top.to_string());
    }
    match state.order {
        RowOrder::Total => {}
        RowOrder::Document(d) => {
            if let Some(id) = articles.get(d) {
                out.append_pair("order", id);
            }
        }
    }
    if state.demonyms {
        out.append_pair("demonyms", "1");
    }
    if state.lang != defaults.lang {
        out.append_pair("lang", state.lang.code());
    }
    if !state.entities.is_empty() {
        let json = serde_json::to_string(&state.entities).expect("strings serialize");
        out.append_pair("entities", &URL_SAFE_NO_PAD.encode(json));
    }
    out.finish()
}

/// Reads the parameters of a link (`?` or `#` part, without the sign).
pub fn read(parameters: &str, version: &str, articles: &[&str], word_bound: usize) -> ReadLink {
    let mut state = ViewState::default();
    let mut ignored = Vec::new();
    let mut other_version = None;
    let article = |id: &str| articles.iter().position(|a| *a == id);
    for (name, value) in form_urlencoded::parse(parameters.trim_start_matches(['?', '#']).as_bytes()) {
        let (name, value) = (name.into_owned(), value.into_owned());
        let used = match name.as_str() {
            "v" => {
                if value != version {
                    other_version = Some(value.chars().take(40).collect());
                }
                true
            }
            "view" => View::from_name(&value).map(|v| state.view = v).is_some(),
            "q" => (value.chars().count() <= MAX_QUERY_CHARS).then(|| state.query = value.clone()).is_some(),
            "mode" => MatchMode::from_name(&value).map(|m| state.mode = m).is_some(),
            "norm" => Profile::from_name(&value).map(|p| state.steps = p.steps()).is_some(),
            "steps" => steps_from(&value).map(|s| state.steps = s).is_some(),
            "width" => bounded(&value, 1, MAX_WIDTH).map(|w| state.width = w).is_some(),
            "sort" => SortKey::from_name(&value).map(|s| state.sort = s).is_some(),
            "docs" => {
                let included: Option<BTreeSet<usize>> = value.split(',').map(article).collect();
                included
                    .filter(|set| !set.is_empty())
                    .map(|set| state.excluded = (0..articles.len()).filter(|i| !set.contains(i)).collect())
                    .is_some()
            }
            "form" => (!value.is_empty() && value.chars().count() <= MAX_QUERY_CHARS).then(|| state.form = Some(value.clone())).is_some(),
            "page" => bounded(&value, 1, 1_000_000usize).map(|p| state.page = p - 1).is_some(),
            "doc" => article(&value).map(|d| state.open = Some(d)).is_some(),
            "hit" => hit_from(&value, word_bound).map(|h| state.focus = Some(h)).is_some(),
            "measure" => Measure::from_name(&value).map(|m| state.measure = m).is_some(),
            "types" => {
                let kinds: Option<BTreeSet<EntityKind>> = value.split(',').map(EntityKind::from_name).collect();
                kinds.map(|k| state.kinds = k).is_some()
            }
            "top" => bounded(&value, 1, MAX_TOP).map(|t| state.top = t).is_some(),
            "order" => article(&value).map(|d| state.order = RowOrder::Document(d)).is_some(),
            "demonyms" => matches!(value.as_str(), "1" | "0").then(|| state.demonyms = value == "1").is_some(),
            "lang" => Lang::from_code(&value).map(|l| state.lang = l).is_some(),
            "entities" => changes_from(&value).map(|c| state.entities = c).is_some(),
            // The benchmark corpus switch, read where the index is built.
            "synthetic" => true,
            _ => false,
        };
        if !used {
            ignored.push(Ignored { name: name.chars().take(40).collect(), value: value.chars().take(40).collect() });
        }
    }
    // A hit only means something in the article it belongs to.
    if state.open.is_none() {
        state.focus = None;
    }
    ReadLink { state, ignored, other_version }
}

fn bounded<T: std::str::FromStr + PartialOrd>(value: &str, min: T, max: T) -> Option<T> {
    value.parse::<T>().ok().filter(|v| *v >= min && *v <= max)
}

fn steps_from(value: &str) -> Option<Steps> {
    let mut steps = Steps::default();
    for step in Step::ALL {
        steps.set(step, false);
    }
    for name in value.split(',').filter(|n| !n.is_empty()) {
        steps.set(Step::from_name(name)?, true);
    }
    Some(steps)
}

/// `word-len`, with every word below `words`.
fn hit_from(value: &str, words: usize) -> Option<Hit> {
    let (word, len) = value.split_once('-')?;
    let hit = Hit { word: word.parse().ok()?, len: len.parse().ok()? };
    (hit.len >= 1 && hit.len <= 64 && (hit.word as usize) + (hit.len as usize) <= words).then_some(hit)
}

fn changes_from(value: &str) -> Option<GazetteerChanges> {
    if value.len() > MAX_CHANGES_CHARS {
        return None;
    }
    let json = URL_SAFE_NO_PAD.decode(value).ok()?;
    serde_json::from_slice(&json).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLES: [&str; 3] = ["first", "second", "third"];
    const VERSION: &str = "0123456789ab";

    fn round_trip(state: &ViewState) -> ReadLink {
        read(&write(state, VERSION, &ARTICLES), VERSION, &ARTICLES, 1000)
    }

    #[test]
    fn the_default_view_is_a_bare_link() {
        assert_eq!(write(&ViewState::default(), VERSION, &ARTICLES), "v=0123456789ab");
        let read = round_trip(&ViewState::default());
        assert_eq!(read.state, ViewState::default());
        assert!(read.ignored.is_empty() && read.other_version.is_none());
    }

    #[test]
    fn every_setting_survives_the_round_trip() {
        let mut steps = Steps::default();
        steps.set(Step::Diacritics, false);
        let mut entities = GazetteerChanges::default();
        entities.removed.push("biden".into());
        let state = ViewState {
            query: "\"الأمن الجماعي\" | بوتين & =x".into(),
            mode: MatchMode::Stem,
            steps,
            width: 12,
            sort: SortKey::After(2),
            excluded: BTreeSet::from([0, 2]),
            form: Some("لروسيا".into()),
            page: 3,
            view: View::Reader,
            open: Some(1),
            focus: Some(Hit { word: 410, len: 2 }),
            measure: Measure::PerThousand,
            kinds: BTreeSet::from([EntityKind::Person, EntityKind::Other]),
            top: 40,
            order: RowOrder::Document(2),
            demonyms: true,
            lang: Lang::En,
            entities,
        };
        let link = write(&state, VERSION, &ARTICLES);
        assert!(link.contains("docs=second&") && link.contains("order=third"), "{link}");
        let read = round_trip(&state);
        assert_eq!(read.state, state);
        assert!(read.ignored.is_empty());
        let loose = ViewState { steps: Profile::Loose.steps(), ..ViewState::default() };
        assert!(write(&loose, VERSION, &ARTICLES).ends_with("norm=loose"));
        assert_eq!(round_trip(&loose).state, loose);
    }

    #[test]
    fn garbage_is_ignored_and_reported_never_fatal() {
        let link = "v=old&q=روسيا&width=9999&mode=fuzzy&view=<script>&docs=nope&hit=5&page=-1&top=0&\
                    entities=!!!&types=person,robot&lang=fr&unknown=1&steps=nfc,nonsense&%FF=%FE";
        let read = read(link, VERSION, &ARTICLES, 1000);
        assert_eq!(read.state.query, "روسيا");
        assert_eq!(read.other_version.as_deref(), Some("old"));
        let names: Vec<&str> = read.ignored.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(
            names,
            ["width", "mode", "view", "docs", "hit", "page", "top", "entities", "types", "lang", "unknown", "steps", "\u{FFFD}"]
        );
        let expected = ViewState { query: "روسيا".into(), ..ViewState::default() };
        assert_eq!(read.state, expected);
    }

    #[test]
    fn values_are_bounded() {
        let long = "ا".repeat(MAX_QUERY_CHARS + 1);
        assert_eq!(read(&format!("q={long}"), VERSION, &ARTICLES, 1000).ignored.len(), 1);
        assert_eq!(read("hit=999-2&doc=first", VERSION, &ARTICLES, 1000).state.focus, None);
        assert_eq!(read("hit=998-2&doc=first", VERSION, &ARTICLES, 1000).state.focus, Some(Hit { word: 998, len: 2 }));
        // A hit without its article is dropped.
        assert_eq!(read("hit=5-1", VERSION, &ARTICLES, 1000).state.focus, None);
        assert_eq!(read("width=30&top=200", VERSION, &ARTICLES, 1000).state.width, 30);
        assert_eq!(read(&format!("entities={}", "A".repeat(MAX_CHANGES_CHARS + 1)), VERSION, &ARTICLES, 1000).ignored.len(), 1);
        // Both signs start the parameters: a file opened from disk keeps them after `#`.
        assert_eq!(read("#q=x&lang=en", VERSION, &ARTICLES, 10).state.lang, Lang::En);
    }
}
