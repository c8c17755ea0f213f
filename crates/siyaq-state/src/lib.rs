//! The state of siyaq's view as it travels outside the page: the link that restores a view, and
//! the entity list as the browser saves it and as a file exchanges it.
//!
//! Everything here reads text that comes from outside (an address bar, local storage, a file a
//! colleague sent), so every reader is total: bad input is a value that says what was wrong,
//! never a panic. Pure Rust with no web dependencies, so the readers are tested and fuzzed
//! natively.

pub mod entity_changes;
pub mod entity_list;
pub mod link;
pub mod link_notice;
pub mod world;

/// A small list for tests and fuzz targets of the readers: two entities, each with two aliases
/// (one of two words) and a demonym.
#[doc(hidden)]
pub fn two_entity_list() -> siyaq_engine::gazetteer::Gazetteer {
    use siyaq_engine::gazetteer::{Entity, EntityKind, Gazetteer};
    let entity = |id: &str, name: &str, kind| Entity {
        id: id.into(),
        name_ar: name.into(),
        name_en: id.into(),
        kind,
        aliases: vec![name.into(), format!("{name} الكبير")],
        demonyms: vec![format!("ال{name}ي")],
    };
    Gazetteer { entities: vec![entity("putin", "بوتين", EntityKind::Person), entity("kazakhstan", "كازاخستان", EntityKind::Place)], excluded: vec![] }
}

/// The interface's two languages: Arabic (right to left, the default) and English.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Ar,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        [Lang::Ar, Lang::En].into_iter().find(|l| l.code() == code)
    }

    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            Lang::En => "ltr",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Ar => Lang::En,
            Lang::En => Lang::Ar,
        }
    }

    /// Picks the text of this language.
    pub fn pick(self, ar: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Ar => ar,
            Lang::En => en,
        }
    }
}

/// The views of the main area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Concordance,
    Reader,
    Entities,
}

impl View {
    pub fn name(self) -> &'static str {
        match self {
            View::Concordance => "concordance",
            View::Reader => "reader",
            View::Entities => "entities",
        }
    }

    pub fn from_name(name: &str) -> Option<View> {
        [View::Concordance, View::Reader, View::Entities].into_iter().find(|v| v.name() == name)
    }
}

/// The panels of the entities view: the chart by article, mentions over time, entities together.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum EntityPanel {
    #[default]
    Articles,
    OverTime,
    Together,
}

impl EntityPanel {
    pub const ALL: [EntityPanel; 3] = [EntityPanel::Articles, EntityPanel::OverTime, EntityPanel::Together];

    pub fn name(self) -> &'static str {
        match self {
            EntityPanel::Articles => "articles",
            EntityPanel::OverTime => "over-time",
            EntityPanel::Together => "together",
        }
    }

    pub fn from_name(name: &str) -> Option<EntityPanel> {
        Self::ALL.into_iter().find(|p| p.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_have_their_direction_and_code() {
        assert_eq!(Lang::Ar.dir(), "rtl");
        assert_eq!(Lang::En.dir(), "ltr");
        assert_eq!(Lang::Ar.other(), Lang::En);
        assert_eq!(Lang::En.pick("نعم", "yes"), "yes");
        assert_eq!(Lang::from_code("en"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
    }

    #[test]
    fn views_have_names() {
        for view in [View::Concordance, View::Reader, View::Entities] {
            assert_eq!(View::from_name(view.name()), Some(view));
        }
        assert_eq!(View::from_name("<script>"), None);
        for panel in EntityPanel::ALL {
            assert_eq!(EntityPanel::from_name(panel.name()), Some(panel));
        }
        assert_eq!(EntityPanel::from_name("Together"), None);
    }
}
