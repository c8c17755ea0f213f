//! The mention finder (thousands of aliases matched at once, restatements, compound spellings,
//! shared spellings decided) and the search of two entities together are code a first visit does
//! without: they wait in a chunk until the entities view opens or a search names an entity, and
//! are then called like any function.

use leptos::prelude::*;
use siyaq_engine::entities::together::Scope;
use siyaq_engine::entities::{EntityAliases, Mention, Mentions};
use siyaq_engine::{Hit, Index};

use crate::chunks::{ChunkUnavailable, chunk};

/// The chunk's functions.
#[derive(Clone, Copy)]
pub struct Finder {
    pub find: fn(&Index, &[EntityAliases]) -> Mentions,
    /// The mentions of entity `a` in the sentences or articles that also mention `b`.
    pub hits_together: fn(&Index, &[Mention], usize, usize, Scope) -> Vec<Hit>,
    /// How many sentences or articles mention both.
    pub units_together: fn(&Index, &[Mention], usize, usize, Scope) -> u32,
}

/// The finder's functions, as the chunk holds them.
fn finder() -> Finder {
    use siyaq_engine::entities::{find_mentions_detailed, together};
    Finder { find: find_mentions_detailed, hits_together: together::hits_together, units_together: together::units_together }
}

chunk! {
    /// The finder itself, as functions of the chunk.
    fn mention_finder() -> Finder {
        finder()
    }
}

/// The finder once its chunk is there (`None` before).
#[derive(Clone, Copy)]
pub struct MentionFinder {
    finder: RwSignal<Option<Finder>>,
    asked: StoredValue<bool>,
}

impl MentionFinder {
    pub fn new() -> Self {
        MentionFinder { finder: RwSignal::new(None), asked: StoredValue::new(false) }
    }

    /// The finder, tracked: a memo that reads it runs again once it arrives.
    pub fn get(&self) -> Option<Finder> {
        self.finder.get()
    }

    /// Fetches the chunk, once at a time; a failed download is said in the page's notice and
    /// may be tried again.
    pub async fn load(self) -> Result<Finder, ChunkUnavailable> {
        if let Some(finder) = self.finder.get_untracked() {
            return Ok(finder);
        }
        let finder = mention_finder().await?;
        self.finder.set(Some(finder));
        Ok(finder)
    }

    /// The finder at once, for native tests (where there are no chunks to wait for).
    #[cfg(test)]
    pub fn load_now(self) {
        self.finder.set(Some(finder()));
    }

    /// Starts [`Self::load`] without waiting for it.
    pub fn request(self) {
        if self.asked.get_value() {
            return;
        }
        self.asked.set_value(true);
        let unavailable = use_context::<RwSignal<Option<ChunkUnavailable>>>();
        leptos::task::spawn_local(async move {
            if let Err(problem) = self.load().await {
                self.asked.set_value(false);
                if let Some(notice) = unavailable {
                    notice.set(Some(problem));
                }
            }
        });
    }
}
