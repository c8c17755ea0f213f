//! The view as a link: every setting that shapes what is on screen, written to and read from the
//! URL's parameters. The URL is the single source of truth: a link opened anywhere shows the same
//! view, and Back/Forward walk through earlier ones.
//!
//! Only settings that differ from the defaults are written, in a fixed order, so equal views give
//! equal links. Reading never fails: an unknown or malformed parameter is left out and reported.

use std::collections::BTreeSet;

use siyaq_engine::entities::periods::Granularity;
use siyaq_engine::entities::together::Scope;
use siyaq_engine::entities::{Measure, RowOrder};
use siyaq_engine::gazetteer::{EntityKind, Gazetteer, GazetteerChanges};
use siyaq_engine::query::MAX_QUERY_CHARS;
use siyaq_engine::{Hit, MatchMode, Profile, SortKey, Step, Steps};

use crate::entity_changes::{self, ChangesProblem, LinkChanges, cut};
use crate::{EntityPanel, Lang, View};

pub const MAX_WIDTH: u32 = 30;
pub const MAX_TOP: usize = 200;
pub const DEFAULT_TOP: usize = 15;
/// Pages are counted from 1 in a link; the page itself is clamped to the last one once the
/// results are known.
pub const MAX_PAGE: usize = 1_000_000;
/// The longest phrase a hit may cover.
pub const MAX_HIT_WORDS: u32 = 64;
/// How many ignored parameters are kept to be named; the rest are only counted, so a link with
/// thousands of them costs no more than one with a few.
pub const MAX_IGNORED_KEPT: usize = 5;
/// An ignored parameter's name and value are kept this short.
pub const IGNORED_NAME_CHARS: usize = 20;
pub const IGNORED_VALUE_CHARS: usize = 12;

/// Where a page's corpus comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CorpusSource<'a> {
    /// The site's own corpus.
    #[default]
    Site,
    /// A pack published on the same site that a link chose (`pack=`, its address).
    Pack(&'a str),
    /// One of the user's collections kept in the browser (`collection=`, its id), with its name and
    /// article count (`cname=`, `ccount=`), so that a page without it can say which it needs.
    Collection { id: &'a str, name: &'a str, articles: usize },
}

/// What a link needs to know of this build.
#[derive(Clone, Copy, Debug)]
pub struct LinkContext<'a> {
    /// The corpus version links carry.
    pub version: &'a str,
    /// Where the page's corpus came from: links made on it choose it again.
    pub source: CorpusSource<'a>,
    /// The articles' ids, by position: not empty, without commas.
    pub articles: &'a [&'a str],
    /// Every hit's words lie below this.
    pub words: usize,
    /// The entity list a link's changes apply to.
    pub bundled: &'a Gazetteer,
}

/// Every setting of the view, as a link carries it: the one definition. The page's signals are
/// built from a `Settings` and read back into one (the app's `state::settings`), so a setting is
/// added here, to `write` and `read`, and to the signal that holds it.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
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
    /// The panel of the entities view.
    pub panel: EntityPanel,
    /// Mentions over time: by month or by week.
    pub granularity: Granularity,
    /// Entities together: in the same sentence or the same article (also what `@a&@b` searches).
    pub scope: Scope,
    pub lang: Lang,
    /// The user's changes to the bundled entity list.
    pub entities: GazetteerChanges,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
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
            panel: EntityPanel::Articles,
            granularity: Granularity::Month,
            scope: Scope::Sentence,
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
    pub settings: Settings,
    /// The first parameters that were not used (at most `MAX_IGNORED_KEPT`), shortened.
    pub ignored: Vec<Ignored>,
    /// How many more were not used.
    pub more_ignored: usize,
    /// The corpus version the link was made against, when it is not this one.
    pub other_version: Option<String>,
    /// The link's entity changes, deflated: the page inflates them (`settings.entities` is empty
    /// meanwhile).
    pub deflated_entities: Option<Vec<u8>>,
    /// Why the link's entity changes were not used.
    pub entities_problem: Option<ChangesProblem>,
}

/// The parameters of `settings`, `version` first, defaults left out; entity changes in their compact
/// form, uncompressed.
pub fn write(settings: &Settings, context: &LinkContext) -> String {
    let entities = (!settings.entities.is_empty()).then(|| entity_changes::compact_value(&settings.entities, context.bundled));
    write_with_entities(settings, context, entities.as_deref())
}

/// The parameters of `settings`, with `entities` (already encoded, see `entity_changes`) as the
/// value of its entity changes; `None` writes none.
pub fn write_with_entities(settings: &Settings, context: &LinkContext, entities: Option<&str>) -> String {
    let articles = context.articles;
    let defaults = Settings::default();
    let mut out = form_urlencoded::Serializer::new(String::new());
    out.append_pair("v", context.version);
    match context.source {
        CorpusSource::Site => {}
        CorpusSource::Pack(pack) => {
            out.append_pair("pack", pack);
        }
        CorpusSource::Collection { id, name, articles } => {
            out.append_pair("collection", id);
            out.append_pair("cname", name);
            out.append_pair("ccount", &articles.to_string());
        }
    }
    if settings.view != defaults.view {
        out.append_pair("view", settings.view.name());
    }
    if !settings.query.is_empty() {
        out.append_pair("q", &settings.query);
    }
    if settings.mode != defaults.mode {
        out.append_pair("mode", settings.mode.name());
    }
    if settings.steps != defaults.steps {
        match settings.steps.profile() {
            Some(profile) => out.append_pair("norm", profile.name()),
            None => {
                let on: Vec<&str> = Step::ALL.into_iter().filter(|s| settings.steps.get(*s)).map(Step::name).collect();
                out.append_pair("steps", &on.join(","))
            }
        };
    }
    if settings.width != defaults.width {
        out.append_pair("width", &settings.width.to_string());
    }
    if settings.sort != defaults.sort {
        out.append_pair("sort", &settings.sort.name());
    }
    if !settings.excluded.is_empty() {
        let included: Vec<&str> =
            articles.iter().enumerate().filter(|(i, _)| !settings.excluded.contains(i)).map(|(_, id)| *id).collect();
        out.append_pair("docs", &included.join(","));
    }
    if let Some(form) = &settings.form {
        out.append_pair("form", form);
    }
    if settings.page != 0 {
        out.append_pair("page", &settings.page.saturating_add(1).to_string());
    }
    if let Some(id) = settings.open.and_then(|d| articles.get(d)) {
        out.append_pair("doc", id);
    }
    if let Some(hit) = settings.focus {
        out.append_pair("hit", &format!("{}-{}", hit.word, hit.len));
    }
    if settings.measure != defaults.measure {
        out.append_pair("measure", settings.measure.name());
    }
    if settings.kinds != defaults.kinds {
        let kinds: Vec<&str> = settings.kinds.iter().map(|k| k.name()).collect();
        out.append_pair("types", &kinds.join(","));
    }
    if settings.top != defaults.top {
        out.append_pair("top", &settings.top.to_string());
    }
    match settings.order {
        RowOrder::Total => {}
        RowOrder::Document(d) => {
            if let Some(id) = articles.get(d) {
                out.append_pair("order", id);
            }
        }
    }
    if settings.demonyms {
        out.append_pair("demonyms", "1");
    }
    if settings.panel != defaults.panel {
        out.append_pair("panel", settings.panel.name());
    }
    if settings.granularity != defaults.granularity {
        out.append_pair("period", settings.granularity.name());
    }
    if settings.scope != defaults.scope {
        out.append_pair("scope", settings.scope.name());
    }
    if settings.lang != defaults.lang {
        out.append_pair("lang", settings.lang.code());
    }
    if let Some(entities) = entities {
        out.append_pair("entities", entities);
    }
    out.finish()
}

/// Reads the parameters of a link (`?` or `#` part, without the sign).
pub fn read(parameters: &str, context: &LinkContext) -> ReadLink {
    let (version, articles) = (context.version, context.articles);
    let mut settings = Settings::default();
    let mut ignored = Vec::new();
    let mut more_ignored = 0;
    let mut other_version = None;
    let mut deflated_entities = None;
    let mut entities_problem = None;
    let article = |id: &str| articles.iter().position(|a| *a == id);
    for (name, value) in form_urlencoded::parse(parameters.trim_start_matches(['?', '#']).as_bytes()) {
        let (name, value) = (name.into_owned(), value.into_owned());
        let used = match name.as_str() {
            "v" => {
                if value != version {
                    other_version = Some(cut(&value, 40));
                }
                true
            }
            // The page's start chose the corpus by them (boot.js); they are no setting of the view.
            "pack" | "collection" | "cname" | "ccount" => true,
            "view" => View::from_name(&value).map(|v| settings.view = v).is_some(),
            "q" => (value.chars().count() <= MAX_QUERY_CHARS).then(|| settings.query = value.clone()).is_some(),
            "mode" => MatchMode::from_name(&value).map(|m| settings.mode = m).is_some(),
            "norm" => Profile::from_name(&value).map(|p| settings.steps = p.steps()).is_some(),
            "steps" => steps_from(&value).map(|s| settings.steps = s).is_some(),
            "width" => bounded(&value, 1, MAX_WIDTH).map(|w| settings.width = w).is_some(),
            "sort" => SortKey::from_name(&value).map(|s| settings.sort = s).is_some(),
            "docs" => {
                let included: Option<BTreeSet<usize>> = value.split(',').map(article).collect();
                included
                    .filter(|set| !set.is_empty())
                    .map(|set| settings.excluded = (0..articles.len()).filter(|i| !set.contains(i)).collect())
                    .is_some()
            }
            "form" => (!value.is_empty() && value.chars().count() <= MAX_QUERY_CHARS).then(|| settings.form = Some(value.clone())).is_some(),
            "page" => bounded(&value, 1, MAX_PAGE).map(|p| settings.page = p - 1).is_some(),
            "doc" => article(&value).map(|d| settings.open = Some(d)).is_some(),
            "hit" => hit_from(&value, context.words).map(|h| settings.focus = Some(h)).is_some(),
            "measure" => Measure::from_name(&value).map(|m| settings.measure = m).is_some(),
            "types" => {
                // Empty when every type is switched off.
                let kinds: Option<BTreeSet<EntityKind>> = value.split(',').filter(|n| !n.is_empty()).map(EntityKind::from_name).collect();
                kinds.map(|k| settings.kinds = k).is_some()
            }
            "top" => bounded(&value, 1, MAX_TOP).map(|t| settings.top = t).is_some(),
            "order" => article(&value).map(|d| settings.order = RowOrder::Document(d)).is_some(),
            "demonyms" => matches!(value.as_str(), "1" | "0").then(|| settings.demonyms = value == "1").is_some(),
            "panel" => EntityPanel::from_name(&value).map(|p| settings.panel = p).is_some(),
            "period" => Granularity::from_name(&value).map(|g| settings.granularity = g).is_some(),
            "scope" => Scope::from_name(&value).map(|s| settings.scope = s).is_some(),
            "lang" => Lang::from_code(&value).map(|l| settings.lang = l).is_some(),
            // Reported on its own: what went wrong with a list matters more than its text.
            "entities" => {
                (settings.entities, deflated_entities, entities_problem) = match entity_changes::read_value(&value, context.bundled) {
                    Ok(LinkChanges::Ready(changes)) => (changes, None, None),
                    Ok(LinkChanges::Deflated(bytes)) => (GazetteerChanges::default(), Some(bytes), None),
                    Err(problem) => (GazetteerChanges::default(), None, Some(problem)),
                };
                true
            }
            _ => false,
        };
        if !used {
            if ignored.len() < MAX_IGNORED_KEPT {
                ignored.push(Ignored { name: cut(&name, IGNORED_NAME_CHARS), value: cut(&value, IGNORED_VALUE_CHARS) });
            } else {
                more_ignored += 1;
            }
        }
    }
    // A hit only means something in the article it belongs to.
    if settings.open.is_none() {
        settings.focus = None;
    }
    ReadLink { settings, ignored, more_ignored, other_version, deflated_entities, entities_problem }
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
    let end = hit.word.checked_add(hit.len)?;
    ((1..=MAX_HIT_WORDS).contains(&hit.len) && usize::try_from(end).is_ok_and(|end| end <= words)).then_some(hit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use siyaq_engine::gazetteer::Entity;

    const ARTICLES: [&str; 3] = ["first", "second", "third"];
    const VERSION: &str = "0123456789ab";

    fn bundled() -> Gazetteer {
        Gazetteer {
            entities: vec![Entity {
                id: "biden".into(),
                name_ar: "جو بايدن".into(),
                name_en: "Joe Biden".into(),
                kind: EntityKind::Person,
                aliases: vec!["بايدن".into()],
                demonyms: vec![],
            }],
            excluded: vec![],
        }
    }

    fn read_with(link: &str, words: usize) -> ReadLink {
        let bundled = bundled();
        read(link, &LinkContext { version: VERSION, source: CorpusSource::Site, articles: &ARTICLES, words, bundled: &bundled })
    }

    fn read_link(link: &str) -> ReadLink {
        read_with(link, 1000)
    }

    fn write_link(settings: &Settings) -> String {
        let bundled = bundled();
        write(settings, &LinkContext { version: VERSION, source: CorpusSource::Site, articles: &ARTICLES, words: 1000, bundled: &bundled })
    }

    fn round_trip(settings: &Settings) -> ReadLink {
        read_link(&write_link(settings))
    }

    #[test]
    fn the_default_view_is_a_bare_link() {
        assert_eq!(write_link(&Settings::default()), "v=0123456789ab");
        let read = round_trip(&Settings::default());
        assert_eq!(read.settings, Settings::default());
        assert!(read.ignored.is_empty() && read.other_version.is_none() && read.entities_problem.is_none());
    }

    /// A page opened on a pack a link chose (`pack=`) writes links that choose it again, and the
    /// parameter is not reported as unused when read.
    #[test]
    fn a_chosen_pack_stays_in_the_links_made_on_it() {
        let bundled = bundled();
        let settings = Settings { query: "روسيا".into(), ..Settings::default() };
        let context = LinkContext { version: VERSION, source: CorpusSource::Pack("packs/gulf 2024.pack"), articles: &ARTICLES, words: 1000, bundled: &bundled };
        let link = write(&settings, &context);
        assert!(link.starts_with(&format!("v={VERSION}&pack=packs%2Fgulf+2024.pack&q=")), "{link}");
        let back = read(&link, &context);
        assert_eq!((back.settings, back.ignored.len(), back.other_version), (settings.clone(), 0, None));
        assert!(!write_link(&settings).contains("pack="));
    }

    /// The same for one of the user's collections (`collection=`).
    #[test]
    fn a_collection_stays_in_the_links_made_on_it() {
        let bundled = bundled();
        let settings = Settings { query: "روسيا".into(), ..Settings::default() };
        let context = LinkContext { version: VERSION, source: CorpusSource::Collection { id: "c-0a1b2c3d4e5f", name: "مقالاتي 2", articles: 12 }, articles: &ARTICLES, words: 1000, bundled: &bundled };
        let link = write(&settings, &context);
        let name = "%D9%85%D9%82%D8%A7%D9%84%D8%A7%D8%AA%D9%8A+2";
        assert!(link.starts_with(&format!("v={VERSION}&collection=c-0a1b2c3d4e5f&cname={name}&ccount=12&q=")), "{link}");
        let back = read(&link, &context);
        assert_eq!((back.settings, back.ignored.len(), back.other_version), (settings.clone(), 0, None));
        assert!(!write_link(&settings).contains("collection="));
    }

    #[test]
    fn every_setting_survives_the_round_trip() {
        let mut steps = Steps::default();
        steps.set(Step::Diacritics, false);
        let mut list = bundled();
        list.add_alias("biden", "بايدين").unwrap();
        list.add_entity("توكاييف", "Tokayev", EntityKind::Person).unwrap();
        let settings = Settings {
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
            panel: EntityPanel::Together,
            granularity: Granularity::Week,
            scope: Scope::Article,
            lang: Lang::En,
            entities: list.changes_from(&bundled()),
        };
        assert_differs_from_default_everywhere(&settings);
        let link = write_link(&settings);
        assert!(link.contains("docs=second&") && link.contains("order=third") && link.contains("entities=1"), "{link}");
        let read = round_trip(&settings);
        assert_eq!(read.settings, settings);
        assert!(read.ignored.is_empty() && read.entities_problem.is_none());
        let loose = Settings { steps: Profile::Loose.steps(), ..Settings::default() };
        assert!(write_link(&loose).ends_with("norm=loose"));
        assert_eq!(round_trip(&loose).settings, loose);
    }

    /// Fails to compile when a setting is added without being named here, and fails when one
    /// keeps its default: so the round trip above covers every setting.
    fn assert_differs_from_default_everywhere(settings: &Settings) {
        let Settings {
            query,
            mode,
            steps,
            width,
            sort,
            excluded,
            form,
            page,
            view,
            open,
            focus,
            measure,
            kinds,
            top,
            order,
            demonyms,
            panel,
            granularity,
            scope,
            lang,
            entities,
        } = settings;
        let d = Settings::default();
        let differs = [
            ("query", *query != d.query),
            ("mode", *mode != d.mode),
            ("steps", *steps != d.steps),
            ("width", *width != d.width),
            ("sort", *sort != d.sort),
            ("excluded", *excluded != d.excluded),
            ("form", *form != d.form),
            ("page", *page != d.page),
            ("view", *view != d.view),
            ("open", *open != d.open),
            ("focus", *focus != d.focus),
            ("measure", *measure != d.measure),
            ("kinds", *kinds != d.kinds),
            ("top", *top != d.top),
            ("order", *order != d.order),
            ("demonyms", *demonyms != d.demonyms),
            ("panel", *panel != d.panel),
            ("granularity", *granularity != d.granularity),
            ("scope", *scope != d.scope),
            ("lang", *lang != d.lang),
            ("entities", *entities != d.entities),
        ];
        for (name, differs) in differs {
            assert!(differs, "{name} keeps its default");
        }
    }

    #[test]
    fn garbage_is_ignored_and_reported_never_fatal() {
        let link = "v=old&q=روسيا&width=9999&mode=fuzzy&view=<script>&docs=nope&hit=5&page=-1&top=0&\
                    entities=!!!&types=person,robot&lang=fr&unknown=1&steps=nfc,nonsense&%FF=%FE";
        let read = read_link(link);
        assert_eq!(read.settings.query, "روسيا");
        assert_eq!(read.other_version.as_deref(), Some("old"));
        let names: Vec<&str> = read.ignored.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["width", "mode", "view", "docs", "hit"]);
        // page, top, types, lang, unknown, steps and the unreadable name.
        assert_eq!(read.more_ignored, 7);
        assert_eq!(read.entities_problem, Some(ChangesProblem::Unreadable));
        let expected = Settings { query: "روسيا".into(), ..Settings::default() };
        assert_eq!(read.settings, expected);
    }

    #[test]
    fn the_entity_panels_settings_are_named_and_left_out_at_their_defaults() {
        let settings = Settings { panel: EntityPanel::OverTime, granularity: Granularity::Week, ..Settings::default() };
        assert_eq!(write_link(&settings), "v=0123456789ab&panel=over-time&period=week");
        assert_eq!(round_trip(&settings).settings, settings);
        let together = Settings { panel: EntityPanel::Together, scope: Scope::Article, ..Settings::default() };
        assert_eq!(write_link(&together), "v=0123456789ab&panel=together&scope=article");
        assert_eq!(round_trip(&together).settings, together);
        // Written at their defaults, they read back as the defaults; a link never carries them so.
        assert_eq!(read_link("panel=articles&period=month&scope=sentence").settings, Settings::default());
        // A bad value is ignored, reported, and the default kept.
        let read = read_link("panel=chart&period=day&scope=paragraph&top=20");
        assert_eq!(read.settings, Settings { top: 20, ..Settings::default() });
        let names: Vec<&str> = read.ignored.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["panel", "period", "scope"]);
        assert_eq!(read_link("panel=&scope=ARTICLE").settings, Settings::default());
    }

    #[test]
    fn values_are_bounded() {
        let long = "ا".repeat(MAX_QUERY_CHARS + 1);
        assert_eq!(read_link(&format!("q={long}")).ignored.len(), 1);
        assert_eq!(read_link(&format!("form={long}")).settings.form, None);
        assert_eq!(read_link("hit=999-2&doc=first").settings.focus, None);
        assert_eq!(read_link("hit=998-2&doc=first").settings.focus, Some(Hit { word: 998, len: 2 }));
        assert_eq!(read_link("hit=1-65&doc=first").settings.focus, None);
        assert_eq!(read_link("hit=1-0&doc=first").settings.focus, None);
        // A hit without its article is dropped.
        assert_eq!(read_link("hit=5-1").settings.focus, None);
        assert_eq!(read_link("width=30&top=200").settings.width, 30);
        assert_eq!(read_link("width=31&top=201").ignored.len(), 2);
        assert_eq!(read_link("width=0&top=0").ignored.len(), 2);
        assert_eq!(read_link("types=").settings.kinds, BTreeSet::new());
        // Both signs start the parameters: a file opened from disk keeps them after `#`.
        assert_eq!(read_link("#q=x&lang=en").settings.lang, Lang::En);
    }

    #[test]
    fn a_hit_at_the_end_of_the_numbers_does_not_overflow() {
        for hit in ["4294967295-2", "4294967295-1", "4294967232-64", "4294967296-1", "1-4294967295", "18446744073709551615-1"] {
            let read = read_with(&format!("hit={hit}&doc=first"), usize::MAX);
            assert_eq!(read.settings.focus, None, "{hit}");
            assert_eq!(read.ignored.len(), 1, "{hit}");
        }
        assert_eq!(read_with("hit=4294967294-1&doc=first", usize::MAX).settings.focus, Some(Hit { word: 4_294_967_294, len: 1 }));
        assert_eq!(read_with("hit=-1-1&doc=first", usize::MAX).settings.focus, None);
        assert_eq!(read_with("hit=1--1&doc=first", usize::MAX).settings.focus, None);
    }

    #[test]
    fn a_huge_page_is_refused_and_the_largest_is_kept() {
        assert_eq!(read_link("page=1000000").settings.page, 999_999);
        for page in ["1000001", "0", "-1", "18446744073709551616", "1e6", "٣"] {
            let read = read_link(&format!("page={page}"));
            assert_eq!(read.settings.page, 0, "{page}");
            assert_eq!(read.ignored.len(), 1, "{page}");
        }
        let settings = Settings { page: MAX_PAGE - 1, ..Settings::default() };
        assert_eq!(round_trip(&settings).settings, settings);
        // Whatever page the app holds, writing it does not overflow; reading it back refuses it.
        let beyond = Settings { page: usize::MAX, ..Settings::default() };
        assert_eq!(round_trip(&beyond).settings.page, 0);
    }

    #[test]
    fn thousands_of_unknown_parameters_keep_a_few_names() {
        let link: Vec<String> = (0..5_000).map(|i| format!("unknown{i}={}", "x".repeat(100))).collect();
        let read = read_link(&link.join("&"));
        assert_eq!(read.ignored.len(), MAX_IGNORED_KEPT);
        assert_eq!(read.more_ignored, 5_000 - MAX_IGNORED_KEPT);
        assert_eq!(read.ignored[0], Ignored { name: "unknown0".into(), value: format!("{}…", "x".repeat(IGNORED_VALUE_CHARS)) });
        let long_name = format!("{}=1", "n".repeat(10_000));
        assert_eq!(read_link(&long_name).ignored[0].name.chars().count(), IGNORED_NAME_CHARS + 1);
    }

    #[test]
    fn non_ascii_everywhere_is_read_or_ignored() {
        for name in ["v", "view", "q", "mode", "norm", "steps", "width", "sort", "docs", "form", "page", "doc", "hit", "measure", "types", "top", "order", "demonyms", "panel", "period", "scope", "lang", "entities"] {
            for value in ["ب", "٣", "1٣", "ا-ب", "٣-٣", "\u{202E}", "😀", "é", "ب,ب"] {
                let link = format!("{name}={value}&doc=first");
                let read = read_link(&link);
                let again = round_trip(&read.settings);
                assert_eq!(again.settings, read.settings, "{link}");
            }
        }
        assert_eq!(read_link("sort=%D8%A8").ignored[0].name, "sort");
        assert_eq!(read_link("%D8%A8=%D8%A8").ignored[0], Ignored { name: "ب".into(), value: "ب".into() });
    }

    #[test]
    fn entity_changes_over_the_limit_are_reported_as_such() {
        let long = "1".repeat(entity_changes::MAX_VALUE_CHARS + 1);
        let read = read_link(&format!("entities={long}"));
        assert_eq!(read.entities_problem, Some(ChangesProblem::TooLong(entity_changes::MAX_VALUE_CHARS + 1)));
        assert!(read.ignored.is_empty() && read.settings.entities.is_empty());
        let read = read_link("entities=too-many");
        assert_eq!(read.entities_problem, Some(ChangesProblem::LeftOut));
        let read = read_link("entities=2AQID");
        assert_eq!(read.deflated_entities, Some(vec![1, 2, 3]));
        assert!(read.entities_problem.is_none());
        // The last value counts, as for every parameter.
        let read = read_link("entities=%%%&entities=2AQID");
        assert!(read.entities_problem.is_none() && read.deflated_entities.is_some());
    }
}
