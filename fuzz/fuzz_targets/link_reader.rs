//! Any text as a link, against several builds (article lists, versions, word bounds): reading
//! never panics, keeps its bounds, and the view it gives, written and read again, is the same
//! view. The notice about it stays short whatever the link carries.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use siyaq_engine::gazetteer::Gazetteer;
use siyaq_engine::query::MAX_QUERY_CHARS;
use siyaq_state::Lang;
use siyaq_state::entity_changes::TOO_MANY;
use siyaq_state::link::{CorpusSource, LinkContext, MAX_HIT_WORDS, MAX_IGNORED_KEPT, MAX_PAGE, MAX_TOP, MAX_WIDTH, read, write};
use siyaq_state::link_notice::LinkNotice;

const ARTICLE_LISTS: [&[&str]; 4] = [&["a"], &["first", "second", "third"], &["كازاخستان-1", "روسيا", "x y", "٣"], &["same", "same"]];
const VERSIONS: [&str; 3] = ["", "0123456789ab", "نسخة"];
const WORDS: [usize; 3] = [0, 1_000, usize::MAX];

fn bundled() -> &'static Gazetteer {
    static LIST: OnceLock<Gazetteer> = OnceLock::new();
    LIST.get_or_init(siyaq_state::two_entity_list)
}

fuzz_target!(|data: &[u8]| {
    let Some((&shape, rest)) = data.split_first() else { return };
    let link = String::from_utf8_lossy(rest);
    let articles = ARTICLE_LISTS[usize::from(shape) % ARTICLE_LISTS.len()];
    let version = VERSIONS[usize::from(shape / 4) % VERSIONS.len()];
    let words = WORDS[usize::from(shape / 12) % WORDS.len()];
    let bundled = bundled();
    let context = LinkContext { version, source: CorpusSource::Site, articles, words, bundled };

    let read_once = read(&link, &context);
    let settings = &read_once.settings;
    assert!(settings.query.chars().count() <= MAX_QUERY_CHARS);
    assert!(settings.form.as_ref().is_none_or(|f| !f.is_empty() && f.chars().count() <= MAX_QUERY_CHARS));
    assert!((1..=MAX_WIDTH).contains(&settings.width) && (1..=MAX_TOP).contains(&settings.top) && settings.page < MAX_PAGE);
    assert!(settings.excluded.len() < articles.len().max(1) && settings.excluded.iter().all(|d| *d < articles.len()));
    assert!(settings.open.is_none_or(|d| d < articles.len()));
    if let Some(hit) = settings.focus {
        assert!(settings.open.is_some() && (1..=MAX_HIT_WORDS).contains(&hit.len));
        assert!((hit.word as usize).checked_add(hit.len as usize).is_some_and(|end| end <= words));
    }
    assert!(read_once.ignored.len() <= MAX_IGNORED_KEPT);
    assert!(read_once.ignored.iter().all(|i| i.name.chars().count() <= 21 && i.value.chars().count() <= 13));
    assert!(read_once.other_version.as_ref().is_none_or(|v| v.chars().count() <= 41));
    assert!(read_once.deflated_entities.is_none() || settings.entities.is_empty());

    let written = write(settings, &context);
    let read_twice = read(&written, &context);
    if written.contains(&format!("entities={TOO_MANY}")) {
        assert_eq!(read_twice.settings.entities, Default::default());
        assert_eq!(siyaq_state::link::Settings { entities: settings.entities.clone(), ..read_twice.settings }, *settings);
    } else {
        assert_eq!(read_twice.settings, *settings, "{written}");
        assert!(read_twice.ignored.is_empty() && read_twice.more_ignored == 0 && read_twice.entities_problem.is_none(), "{written}");
    }

    if let Some(notice) = LinkNotice::of(&read_once) {
        for lang in [Lang::Ar, Lang::En] {
            let message = notice.message(lang, version);
            assert!(message.chars().count() < 800, "{} characters", message.chars().count());
        }
    }
});
