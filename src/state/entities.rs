//! The entity list the user works with, and where it is kept. Nothing the user made is lost: a
//! list that arrives in a link is shown without touching the saved one until the user keeps it;
//! a saved list this version cannot read is kept aside before anything is saved over it; another
//! tab's changes are followed; a browser that keeps nothing is told, not fatal.

mod store;
pub mod world;

use leptos::{ev, prelude::*};
use siyaq_engine::gazetteer::{Gazetteer, GazetteerError};
use siyaq_state::link::Settings;

use self::store::{Loaded, Saved};
pub use self::store::ListProblem;
use self::world::WorldStatus;
use super::corpus::loaded;
use super::search::Shared;
use siyaq_state::world::{Counted, layered};

/// Something the user should know about their list.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The list saved in this browser could not be used; the bundled one is shown. `kept`: a copy
    /// was kept aside (else the saved list stays where it is and edits are not saved over it).
    SavedListIgnored { problem: ListProblem, kept: bool },
    ImportRefused(ListProblem),
    Imported(usize),
    EditRefused(GazetteerError),
    Reset,
    /// The browser refused to store the list (full storage).
    NotSaved,
    /// The browser keeps nothing for this page.
    NoStorage,
    /// An edit was not saved, because it would overwrite an unreadable list that could not be
    /// kept aside.
    NotSavedOverUnreadable,
    ChangedInAnotherTab,
    /// The list from a link became the saved list.
    LinkListKept,
    /// The saved list replaced the one from a link.
    SavedListBack,
}

/// Where the list on screen comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// This browser's list (the bundled one until something is saved): edits are saved.
    Saved,
    /// A link's list: edits stay on screen and in the address until the user keeps it.
    Link,
}

/// The entity list the user works with.
#[derive(Clone, Copy)]
pub struct EntityList {
    pub gazetteer: RwSignal<Gazetteer>,
    /// Count demonyms (الروسي، الروس) as mentions of their place.
    pub demonyms: RwSignal<bool>,
    pub notice: RwSignal<Option<Notice>>,
    pub origin: RwSignal<Origin>,
    /// The storage key of an unreadable saved list kept aside, until exported or discarded.
    pub kept_aside: RwSignal<Option<String>>,
    /// The saved list could not be read nor kept aside: saving would destroy it.
    saved_is_unreadable: StoredValue<bool>,
    /// The world gazetteer, counted beneath the list once loaded.
    pub world: RwSignal<WorldStatus>,
    /// What is counted: the list, then the world's entities it does not name.
    pub counted: Memo<Shared<Counted>>,
}

impl EntityList {
    /// The list saved in this browser, or the bundled one, counting demonyms as `settings` say;
    /// then follows other tabs' changes.
    pub fn load(settings: &Settings) -> Self {
        let (gazetteer, notice, kept_aside, unreadable) = match store::load() {
            Loaded::Nothing => (loaded().gazetteer(), None, None, false),
            Loaded::List(saved) => (saved, None, None, false),
            Loaded::NoStorage => (loaded().gazetteer(), Some(Notice::NoStorage), None, false),
            Loaded::Unreadable { problem, kept_as } => {
                let kept = kept_as.is_some();
                (loaded().gazetteer(), Some(Notice::SavedListIgnored { problem, kept }), kept_as, !kept)
            }
        };
        let kept_aside = kept_aside.or_else(store::first_kept_aside);
        let gazetteer = RwSignal::new(gazetteer);
        let world = RwSignal::new(WorldStatus::NotAsked);
        let list = EntityList {
            gazetteer,
            demonyms: RwSignal::new(settings.demonyms),
            notice: RwSignal::new(notice),
            origin: RwSignal::new(Origin::Saved),
            kept_aside: RwSignal::new(kept_aside),
            saved_is_unreadable: StoredValue::new(unreadable),
            world,
            counted: counted(gazetteer, world),
        };
        list.follow_other_tabs();
        list
    }

    /// The bundled list, kept nowhere: for native tests, where there is no browser storage.
    #[cfg(test)]
    pub fn unsaved(settings: &Settings) -> Self {
        let gazetteer = RwSignal::new(loaded().gazetteer());
        let world = RwSignal::new(WorldStatus::NotAsked);
        EntityList {
            gazetteer,
            demonyms: RwSignal::new(settings.demonyms),
            notice: RwSignal::new(None),
            origin: RwSignal::new(Origin::Saved),
            kept_aside: RwSignal::new(None),
            saved_is_unreadable: StoredValue::new(false),
            world,
            counted: counted(gazetteer, world),
        }
    }

    /// Leaves the mention at `hit` of entity `entity` out of the counts, with the list's edits.
    pub fn exclude_mention(&self, index: &siyaq_engine::Index, hit: siyaq_engine::Hit, entity: &str) {
        let document = index.documents()[index.document_of(hit.word)].id.clone();
        let start = siyaq_state::world::start_in_characters(index, hit);
        let mention = siyaq_engine::gazetteer::ExcludedMention { document, start, entity: entity.to_string() };
        self.edit(|g| {
            g.exclude_mention(mention);
            Ok(())
        });
    }

    /// Counts a mention left out again.
    pub fn restore_mention(&self, mention: &siyaq_engine::gazetteer::ExcludedMention) {
        self.edit(|g| {
            g.restore_mention(mention);
            Ok(())
        });
    }

    /// Loads the world gazetteer beneath the list, once.
    pub fn load_world(&self) {
        world::load(self.world);
    }

    /// Shows a link's list; the saved one is not touched until the user keeps it.
    pub fn show_from_link(&self, gazetteer: Gazetteer) {
        self.origin.set(Origin::Link);
        self.gazetteer.set(gazetteer);
    }

    /// Makes the link's list (with any edits made since) the saved list.
    pub fn keep_link_list(&self) {
        self.origin.set(Origin::Saved);
        let notice = self.gazetteer.with_untracked(|g| self.persist(g));
        self.notice.set(Some(notice.unwrap_or(Notice::LinkListKept)));
    }

    /// Leaves the link's list for the one saved in this browser.
    pub fn back_to_saved_list(&self) {
        let saved = match store::load() {
            Loaded::List(saved) => saved,
            _ => loaded().gazetteer(),
        };
        self.origin.set(Origin::Saved);
        self.gazetteer.set(saved);
        self.notice.set(Some(Notice::SavedListBack));
    }

    /// Applies `change` if it is valid, saves, and reports a refusal; true when applied.
    pub fn edit(&self, change: impl FnOnce(&mut Gazetteer) -> Result<(), GazetteerError>) -> bool {
        let mut edited = self.gazetteer.get_untracked();
        match change(&mut edited) {
            Ok(()) => {
                self.replace(edited, None);
                true
            }
            Err(error) => {
                self.notice.set(Some(Notice::EditRefused(error)));
                false
            }
        }
    }

    /// Shows `gazetteer` at once and saves it in a task of its own: for a list of tens of
    /// thousands, drawing it and writing megabytes to storage in one task would freeze the page
    /// for both.
    fn replace(&self, gazetteer: Gazetteer, notice: Option<Notice>) {
        self.gazetteer.set(gazetteer);
        self.notice.set(notice);
        let list = *self;
        set_timeout(
            move || {
                // The list on screen by then: after quick edits, the last one is what is kept.
                if let Some(problem) = list.gazetteer.with_untracked(|g| list.persist(g)) {
                    list.notice.set(Some(problem));
                }
            },
            std::time::Duration::ZERO,
        );
    }

    /// Saves `gazetteer` when the list on screen is this browser's own; what went wrong, if anything.
    fn persist(&self, gazetteer: &Gazetteer) -> Option<Notice> {
        if self.origin.get_untracked() == Origin::Link {
            return None;
        }
        if self.saved_is_unreadable.get_value() {
            return Some(Notice::NotSavedOverUnreadable);
        }
        match store::save(gazetteer) {
            Saved::Done => None,
            Saved::Refused => Some(Notice::NotSaved),
            Saved::NoStorage => Some(Notice::NoStorage),
        }
    }

    pub fn import(&self, json: &str) {
        match store::from_json(json) {
            Ok(list) => {
                let count = list.entities.len();
                self.origin.set(Origin::Saved);
                // Reading the file and showing its list are separate tasks, for the same reason.
                let this = *self;
                set_timeout(move || this.replace(list, Some(Notice::Imported(count))), std::time::Duration::ZERO);
            }
            Err(problem) => self.notice.set(Some(Notice::ImportRefused(problem))),
        }
    }

    pub fn export(&self) -> String {
        self.gazetteer.with_untracked(store::to_json)
    }

    pub fn reset(&self) {
        if !self.saved_is_unreadable.get_value() {
            store::forget();
        }
        self.origin.set(Origin::Saved);
        self.gazetteer.set(loaded().gazetteer());
        self.notice.set(Some(Notice::Reset));
    }

    /// The text of the unreadable list kept aside, to export.
    pub fn kept_aside_text(&self) -> Option<String> {
        self.kept_aside.get_untracked().and_then(|key| store::kept_aside(&key))
    }

    /// Forgets the copy on screen; an older one, if any, is offered next.
    pub fn discard_kept_aside(&self) {
        if let Some(key) = self.kept_aside.get_untracked() {
            store::discard_kept_aside(&key);
        }
        self.kept_aside.set(store::first_kept_aside());
    }

    /// Another tab saved (or forgot) the list: show what is saved now, if this tab shows the
    /// saved list, so that its next edit does not write over the other tab's work.
    fn follow_other_tabs(&self) {
        let list = *self;
        let _ = window_event_listener(ev::storage, move |event| {
            let ours = event.key().is_none_or(|key| key == store::storage_key());
            if !ours || list.origin.get_untracked() != Origin::Saved || list.saved_is_unreadable.get_value() {
                return;
            }
            let now = match store::read_saved(event.new_value().as_deref()) {
                None => loaded().gazetteer(),
                Some(Ok(saved)) => saved,
                // Another version's list: this tab keeps what it shows; its next save is the user's.
                Some(Err(_)) => return,
            };
            list.gazetteer.set(now);
            list.notice.set(Some(Notice::ChangedInAnotherTab));
        });
    }
}

fn counted(gazetteer: RwSignal<Gazetteer>, world: RwSignal<WorldStatus>) -> Memo<Shared<Counted>> {
    Memo::new(move |_| Shared(std::sync::Arc::new(world.with(|w| gazetteer.with(|g| layered(g, w.world()))))))
}
