//! Responses kept for identical requests (same car, angles and options),
//! for the page's lifetime: a repeat is answered at once, without a
//! request. Only fully successful responses are kept; the oldest goes
//! first when the cache is full.

use std::cell::RefCell;
use std::collections::VecDeque;

use wasm_bindgen::JsValue;

use super::events::Callbacks;
use crate::core::generate::response::{CarImagesResponse, Level};
use crate::web::interop::to_object;

/// How many responses are kept.
const CACHE_SIZE: usize = 32;

thread_local! {
    static CACHE: RefCell<VecDeque<(String, CarImagesResponse)>> =
        const { RefCell::new(VecDeque::new()) };
}

/// The cached answer to the request with this key, as a fresh object with
/// `debug.cached` set; each image also goes to `onImage`, as on a first run.
pub(super) fn answer(key: &str, callbacks: &Callbacks) -> Result<Option<JsValue>, JsValue> {
    let hit = CACHE.with(|c| {
        c.borrow()
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, response)| response.clone())
    });
    let Some(mut response) = hit else {
        return Ok(None);
    };
    response.debug.cached = true;
    callbacks.event(
        "cache",
        Level::Info,
        format!(
            "Same car and options as before: {} images from the cache",
            response.images.len()
        ),
        None,
        None,
    );
    for image in &response.images {
        callbacks.image(image);
    }
    to_object(&response).map(Some)
}

/// Keeps a successful response for later identical requests.
pub(super) fn keep(key: String, response: &CarImagesResponse) {
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        c.retain(|(k, _)| *k != key);
        if c.len() >= CACHE_SIZE {
            c.pop_front();
        }
        c.push_back((key, response.clone()));
    });
}
