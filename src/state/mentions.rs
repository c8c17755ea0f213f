//! The mention finder (thousands of aliases matched at once, restatements, compound spellings,
//! shared spellings decided) is code a first visit does without: it waits in a chunk until the
//! entities view opens or a search names an entity, and is then called like any function.

use leptos::prelude::*;
use siyaq_engine::Index;
use siyaq_engine::entities::{EntityAliases, Mentions};

use crate::chunks::{ChunkUnavailable, chunk};

pub type Finder = fn(&Index, &[EntityAliases]) -> Mentions;

chunk! {
    /// The finder itself, as a function of the chunk.
    fn mention_finder() -> Finder {
        siyaq_engine::entities::find_mentions_detailed
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
        self.finder.set(Some(siyaq_engine::entities::find_mentions_detailed));
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
