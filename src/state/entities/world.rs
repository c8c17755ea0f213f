//! The world gazetteer beneath the list: fetched once, when the entities view first opens or a
//! search names an entity the list lacks (`boot.js`'s `siyaqWorld()` hands over its bytes, from
//! the site or the service worker, or from inside `siyaq.html`).

use std::sync::Arc;

use js_sys::{Reflect, Uint8Array};
use leptos::prelude::*;
use siyaq_state::world::{World, WorldError};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::chunks::chunk;
use crate::state::search::Shared;

/// The function of `boot.js` (or of the single file's script) that gives the world file's bytes.
const LOADER: &str = "siyaqWorld";

#[derive(Clone, Debug, PartialEq)]
pub enum WorldStatus {
    NotAsked,
    Loading,
    Ready(Shared<World>),
    /// Why it could not be had; the list alone is counted.
    Failed(WorldProblem),
}

#[derive(Clone, Debug, PartialEq)]
pub enum WorldProblem {
    /// Not fetched (offline before it was ever kept, or a server error): the browser's words.
    Unavailable(String),
    /// The code that reads it could not be downloaded.
    ReaderUnavailable,
    Unusable(WorldError),
}

impl WorldStatus {
    pub fn world(&self) -> Option<&World> {
        match self {
            WorldStatus::Ready(world) => Some(&world.0),
            _ => None,
        }
    }

    /// Whether an entity the list lacks may still turn up.
    pub fn is_pending(&self) -> bool {
        matches!(self, WorldStatus::NotAsked | WorldStatus::Loading)
    }
}

/// Starts loading the world gazetteer into `status` unless it was asked for already.
pub fn load(status: RwSignal<WorldStatus>) {
    if status.with_untracked(|s| *s != WorldStatus::NotAsked) {
        return;
    }
    status.set(WorldStatus::Loading);
    leptos::task::spawn_local(async move {
        let outcome = match fetch().await {
            Ok(bytes) => match read_world(bytes).await {
                Ok(Ok(world)) => WorldStatus::Ready(Shared(Arc::new(world))),
                Ok(Err(error)) => WorldStatus::Failed(WorldProblem::Unusable(error)),
                Err(_) => WorldStatus::Failed(WorldProblem::ReaderUnavailable),
            },
            Err(message) => WorldStatus::Failed(WorldProblem::Unavailable(message)),
        };
        status.set(outcome);
    });
}

chunk! {
    /// Reads the world file: its reader (tens of kilobytes of parsing code) waits in a chunk, as
    /// the world itself waits until first needed.
    fn read_world(bytes: Vec<u8>) -> Result<World, WorldError> {
        World::from_json(&bytes)
    }
}

async fn fetch() -> Result<Vec<u8>, String> {
    let loader = Reflect::get(&js_sys::global(), &JsValue::from_str(LOADER))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| "this page has no world gazetteer".to_string())?;
    let promise = loader.call0(&JsValue::NULL).map_err(|e| describe(&e))?;
    let bytes = JsFuture::from(js_sys::Promise::from(promise)).await.map_err(|e| describe(&e))?;
    Ok(bytes.dyn_into::<Uint8Array>().map_err(|_| "not bytes".to_string())?.to_vec())
}

fn describe(error: &JsValue) -> String {
    error.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| error.as_string()).unwrap_or_else(|| format!("{error:?}"))
}
