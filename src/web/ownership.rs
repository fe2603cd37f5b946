//! Who owns the object URLs carviews makes for images fetched with a key.
//! Each is held by the responses that show it (until `releaseCarImages`,
//! or until the browser collects a response nobody references: a
//! `FinalizationRegistry`) and by the in-memory cache (until it evicts the
//! entry); when nothing holds it any more it is revoked. A URL nobody was
//! ever given (a drifted attempt replaced by a better one, a corrupt
//! download, an aborted run) is revoked at once.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, FinalizationRegistry, Reflect, WeakSet};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Blob;

use crate::core::generate::response::CarImagesResponse;
use crate::web::http::blob_url;

thread_local! {
    /// Each object URL carviews made and has not revoked, with its number
    /// of holders (0: made, not handed out yet).
    static HOLDERS: RefCell<HashMap<String, u32>> = RefCell::new(HashMap::new());
    /// Responses already released (a second release does nothing).
    static RELEASED: WeakSet<JsValue> = WeakSet::new_typed();
    /// Releases a response the page no longer references.
    static COLLECTOR: Option<FinalizationRegistry> = collector();
}

fn collector() -> Option<FinalizationRegistry> {
    let on_collect = Closure::<dyn FnMut(JsValue)>::new(|held: JsValue| {
        let_go_all(&urls_of_list(&held));
    });
    let callback = on_collect.into_js_value();
    // Where the runtime has no FinalizationRegistry, responses are released
    // by releaseCarImages only.
    let global = js_sys::global();
    let has = Reflect::has(&global, &"FinalizationRegistry".into()).unwrap_or(false);
    has.then(|| FinalizationRegistry::new(callback.unchecked_ref()))
}

/// Whether carviews made this URL (an object URL of fetched bytes).
fn is_object_url(url: &str) -> bool {
    url.starts_with("blob:")
}

/// Revokes an object URL nobody holds.
fn revoke(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}

/// One more holder of each URL.
fn hold_all(urls: &[String]) {
    HOLDERS.with(|h| {
        let mut h = h.borrow_mut();
        for url in urls {
            *h.entry(url.clone()).or_insert(0) += 1;
        }
    });
}

/// One holder fewer of each URL; revoked when none is left.
pub(crate) fn let_go_all(urls: &[String]) {
    let gone: Vec<String> = HOLDERS.with(|h| {
        let mut h = h.borrow_mut();
        urls.iter()
            .filter(|url| match h.get_mut(url.as_str()) {
                Some(n) if *n > 1 => {
                    *n -= 1;
                    false
                }
                Some(_) => {
                    h.remove(url.as_str());
                    true
                }
                None => false,
            })
            .cloned()
            .collect()
    });
    for url in gone {
        revoke(&url);
    }
}

/// A new object URL for `blob`, not held by anything yet: the run
/// discards it when it throws the image away or is aborted, a response or
/// the cache holds it otherwise.
pub(crate) fn make(blob: &Blob) -> Result<String, String> {
    let url = blob_url(blob)?;
    HOLDERS.with(|h| h.borrow_mut().insert(url.clone(), 0));
    Ok(url)
}

/// Revokes an object URL that nothing holds (an attempt thrown away, an
/// image of an aborted run); a held or already revoked one is left alone.
pub(crate) fn discard(url: &str) {
    let unheld = HOLDERS.with(|h| {
        let mut h = h.borrow_mut();
        let unheld = h.get(url) == Some(&0);
        if unheld {
            h.remove(url);
        }
        unheld
    });
    if unheld {
        revoke(url);
    }
}

/// The object URLs of a response's images.
pub(crate) fn urls_of(response: &CarImagesResponse) -> Vec<String> {
    response
        .images
        .iter()
        .map(|i| i.url.clone())
        .filter(|u| is_object_url(u))
        .collect()
}

/// The cache keeps a response: it holds its URLs.
pub(crate) fn cache_holds(urls: &[String]) {
    hold_all(urls);
}

/// A response handed to the caller (`object`, its JavaScript value) holds
/// its URLs until it is released or collected.
pub(crate) fn adopt(object: &JsValue, urls: &[String]) {
    if urls.is_empty() {
        return;
    }
    hold_all(urls);
    let held: Array = urls.iter().map(|u| JsValue::from_str(u)).collect();
    COLLECTOR.with(|c| {
        if let Some(c) = c {
            c.register_with_token(object, &held, object);
        }
    });
}

/// The strings of a JavaScript array (of URLs), read without trusting it.
fn urls_of_list(list: &JsValue) -> Vec<String> {
    if !Array::is_array(list) {
        return Vec::new();
    }
    let list: &Array = list.unchecked_ref();
    (0..list.length().min(64))
        .filter_map(|i| list.get(i).as_string())
        .collect()
}

/// The object URLs of a response object's `images[].url`, read with every
/// access caught (the caller may pass anything).
fn urls_in(response: &JsValue) -> Vec<String> {
    let Ok(images) = Reflect::get(response, &"images".into()) else {
        return Vec::new();
    };
    if !Array::is_array(&images) {
        return Vec::new();
    }
    let images: &Array = images.unchecked_ref();
    (0..images.length().min(64))
        .filter_map(|i| {
            let image = images.get(i);
            image
                .is_object()
                .then(|| Reflect::get(&image, &"url".into()).ok())
                .flatten()
                .and_then(|u| u.as_string())
        })
        .filter(|u| is_object_url(u))
        .collect()
}

/// Releases a response of `generateCarImages`: revokes the object URLs of
/// its images that nothing else (the in-memory cache, another response of
/// the same images) still holds. Call it when the page stops showing the
/// images (a new run, unmount); a second call, or any other value, does
/// nothing. A response never released is released when the browser
/// collects it.
#[wasm_bindgen(js_name = releaseCarImages)]
pub fn release_car_images(
    #[wasm_bindgen(unchecked_param_type = "CarImagesResponse")] response: JsValue,
) {
    if !response.is_object() || RELEASED.with(|r| r.has(&response)) {
        return;
    }
    RELEASED.with(|r| {
        r.add(&response);
    });
    COLLECTOR.with(|c| {
        if let Some(c) = c {
            c.unregister(&response);
        }
    });
    let_go_all(&urls_in(&response));
}
