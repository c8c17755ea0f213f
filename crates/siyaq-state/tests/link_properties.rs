//! Properties of the link reader over generated input: it never panics, keeps its bounds, and a
//! view written then read is the same view.

use proptest::prelude::*;
use siyaq_engine::entities::periods::Granularity;
use siyaq_engine::entities::together::Scope;
use siyaq_engine::entities::{Measure, RowOrder};
use siyaq_engine::gazetteer::{Entity, EntityKind, ExcludedMention, Gazetteer, GazetteerChanges};
use siyaq_engine::{Hit, MatchMode, SortKey, Step, Steps};
use siyaq_state::link::{LinkContext, MAX_IGNORED_KEPT, MAX_PAGE, MAX_TOP, MAX_WIDTH, Settings, read, write};
use siyaq_state::{EntityPanel, Lang, View};

const ARTICLES: [&str; 3] = ["first", "الثاني", "third-3"];
const WORDS: usize = 5_000;

fn bundled() -> Gazetteer {
    siyaq_state::two_entity_list()
}

fn context(bundled: &Gazetteer) -> LinkContext<'_> {
    LinkContext { version: "v1", source: siyaq_state::link::CorpusSource::Site, articles: &ARTICLES, words: WORDS, bundled }
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof!["[a-z0-9 &=+%#?,-]{0,12}", "[\u{0600}-\u{06FF} ]{0,12}", any::<String>()]
}

fn entity() -> impl Strategy<Value = Entity> {
    (prop_oneof![Just("putin".to_string()), Just("kazakhstan".to_string()), text()], text(), text(), 0..4usize, prop::collection::vec(text(), 0..4), prop::collection::vec(text(), 0..3))
        .prop_map(|(id, name_ar, name_en, kind, aliases, demonyms)| Entity { id, name_ar, name_en, kind: EntityKind::ALL[kind], aliases, demonyms })
}

fn changes() -> impl Strategy<Value = GazetteerChanges> {
    let excluded = prop::collection::vec((text(), any::<u32>(), text()).prop_map(|(document, start, entity)| ExcludedMention { document, start, entity }), 0..3);
    (prop::collection::vec(text(), 0..3), prop::collection::vec(entity(), 0..4), excluded).prop_map(|(removed, entities, excluded)| GazetteerChanges { removed, entities, excluded })
}

fn sort_key() -> impl Strategy<Value = SortKey> {
    prop_oneof![Just(SortKey::Document), Just(SortKey::Node), (1..=3u8).prop_map(SortKey::Before), (1..=3u8).prop_map(SortKey::After), Just(SortKey::Frequency)]
}

prop_compose! {
    fn any_settings()(
        query in text().prop_filter("a query within bounds", |q| q.chars().count() <= siyaq_engine::query::MAX_QUERY_CHARS),
        mode in prop::sample::select(MatchMode::ALL.to_vec()),
        steps in any::<u16>(),
        width in 1..=MAX_WIDTH,
        sort in sort_key(),
        excluded in prop::collection::btree_set(0..ARTICLES.len(), 0..ARTICLES.len()),
        form in prop::option::of(text().prop_filter("not empty", |f| !f.is_empty())),
        page in 0..MAX_PAGE,
        view in prop::sample::select(vec![View::Concordance, View::Reader, View::Entities]),
        open in prop::option::of(0..ARTICLES.len()),
        word in 0..(WORDS as u32 - 64),
        len in 1..=64u32,
        focused in any::<bool>(),
        measure in prop::sample::select(vec![Measure::Count, Measure::PerThousand]),
        kinds in prop::collection::btree_set(prop::sample::select(EntityKind::ALL.to_vec()), 0..4),
        top in 1..=MAX_TOP,
        order in prop::option::of(0..ARTICLES.len()),
        demonyms in any::<bool>(),
        panel in prop::sample::select(EntityPanel::ALL.to_vec()),
        granularity in prop::sample::select(Granularity::ALL.to_vec()),
        scope in prop::sample::select(Scope::ALL.to_vec()),
        english in any::<bool>(),
        entities in changes(),
    ) -> Settings {
        let mut switches = Steps::default();
        for (i, step) in Step::ALL.into_iter().enumerate() {
            switches.set(step, steps & (1 << i) != 0);
        }
        Settings {
            query,
            mode,
            steps: switches,
            width,
            sort,
            excluded,
            form,
            page,
            view,
            open,
            focus: (focused && open.is_some()).then_some(Hit { word, len }),
            measure,
            kinds,
            top,
            order: order.map_or(RowOrder::Total, RowOrder::Document),
            demonyms,
            panel,
            granularity,
            scope,
            lang: if english { Lang::En } else { Lang::Ar },
            entities,
        }
    }
}

fn bounded(settings: &Settings) {
    assert!(settings.query.chars().count() <= siyaq_engine::query::MAX_QUERY_CHARS);
    assert!((1..=MAX_WIDTH).contains(&settings.width));
    assert!((1..=MAX_TOP).contains(&settings.top));
    assert!(settings.page < MAX_PAGE);
    assert!(settings.excluded.len() < ARTICLES.len() && settings.excluded.iter().all(|d| *d < ARTICLES.len()));
    assert!(settings.open.is_none_or(|d| d < ARTICLES.len()));
    if let Some(hit) = settings.focus {
        assert!(settings.open.is_some() && hit.len >= 1 && (hit.word as usize) + (hit.len as usize) <= WORDS);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn a_written_view_reads_back_the_same(settings in any_settings()) {
        let bundled = bundled();
        let link = write(&settings, &context(&bundled));
        let read = read(&link, &context(&bundled));
        prop_assert_eq!(&read.settings, &settings, "{}", link);
        prop_assert!(read.ignored.is_empty() && read.other_version.is_none() && read.entities_problem.is_none());
    }

    #[test]
    fn any_text_reads_within_bounds_and_round_trips(link in prop_oneof![
        any::<String>(),
        prop::collection::vec(("[a-z]{1,8}", text()), 0..20).prop_map(|pairs| pairs.into_iter().map(|(n, v)| format!("{n}={v}")).collect::<Vec<_>>().join("&")),
        prop::collection::vec((prop::sample::select(vec!["v", "view", "q", "mode", "norm", "steps", "width", "sort", "docs", "form", "page", "doc", "hit", "measure", "types", "top", "order", "demonyms", "panel", "period", "scope", "lang", "entities"]), text()), 0..20)
            .prop_map(|pairs| pairs.into_iter().map(|(n, v)| format!("{n}={v}")).collect::<Vec<_>>().join("&")),
    ]) {
        let bundled = bundled();
        let read = read(&link, &context(&bundled));
        bounded(&read.settings);
        prop_assert!(read.ignored.len() <= MAX_IGNORED_KEPT);
        let again = siyaq_state::link::read(&write(&read.settings, &context(&bundled)), &context(&bundled));
        prop_assert_eq!(again.settings, read.settings);
    }
}
