//! Responses kept for identical requests (same car, angles and options),
//! for the page's lifetime: a repeat is answered at once, without a
//! request. Only fully successful responses are kept, with their images'
//! bytes; the cache holds their object URLs (see [`crate::web::ownership`]) and
//! lets go of them when it drops the oldest entry to make room.

use std::cell::RefCell;
use std::collections::VecDeque;

use web_sys::Blob;

use crate::core::generate::response::CarImagesResponse;
use crate::web::ownership;

/// How many responses are kept.
pub(crate) const CACHE_SIZE: usize = 32;

/// A kept response: its key, the response, its images' bytes.
type Entry = (String, CarImagesResponse, Vec<Option<Blob>>);

thread_local! {
    static CACHE: RefCell<VecDeque<Entry>> = const { RefCell::new(VecDeque::new()) };
}

/// The response kept under this key, and its images' bytes.
pub(crate) fn recall(key: &str) -> Option<(CarImagesResponse, Vec<Option<Blob>>)> {
    CACHE.with(|c| {
        c.borrow()
            .iter()
            .find(|(k, _, _)| k == key)
            .map(|(_, response, blobs)| (response.clone(), blobs.clone()))
    })
}

/// Keeps a successful response for later identical requests.
pub(crate) fn keep(key: String, response: &CarImagesResponse, blobs: &[Option<Blob>]) {
    ownership::cache_holds(&ownership::urls_of(response));
    let evicted: Vec<Entry> = CACHE.with(|c| {
        let mut c = c.borrow_mut();
        let mut out: Vec<Entry> = Vec::new();
        while let Some(i) = c.iter().position(|(k, _, _)| *k == key) {
            out.extend(c.remove(i));
        }
        while c.len() >= CACHE_SIZE {
            out.extend(c.pop_front());
        }
        c.push_back((key, response.clone(), blobs.to_vec()));
        out
    });
    for (_, old, _) in evicted {
        ownership::let_go_all(&ownership::urls_of(&old));
    }
}
