//! Decoding an image's pixels for the colour check, with the browser's own
//! decoder: `createImageBitmap`, drawn small on an `OffscreenCanvas` (or a
//! `<canvas>` where there is none). Called dynamically, so a runtime without
//! them (Node) simply reports that it cannot check.

use js_sys::{Array, Function, Reflect, Uint8ClampedArray};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Blob;

/// The longest side images are scaled to before the check.
const SIDE: f64 = 96.0;

pub(crate) fn get(target: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(target, &key.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

pub(crate) fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Option<JsValue> {
    let f: Function = get(target, method)?.dyn_into().ok()?;
    f.apply(target, &array(args)).ok()
}

fn array(items: &[JsValue]) -> Array {
    items.iter().collect()
}

/// Whether this runtime can decode images for the check.
pub(crate) fn supported() -> bool {
    get(&js_sys::global(), "createImageBitmap").is_some()
}

/// A 2D canvas of `w`×`h` pixels: an `OffscreenCanvas`, or a `<canvas>`
/// where there is none.
pub(crate) fn canvas(w: f64, h: f64) -> Option<JsValue> {
    let global = js_sys::global();
    match get(&global, "OffscreenCanvas").and_then(|c| c.dyn_into::<Function>().ok()) {
        Some(ctor) => Reflect::construct(&ctor, &array(&[w.into(), h.into()])).ok(),
        None => {
            let document = get(&global, "document")?;
            let c = call(&document, "createElement", &["canvas".into()])?;
            Reflect::set(&c, &"width".into(), &w.into()).ok()?;
            Reflect::set(&c, &"height".into(), &h.into()).ok()?;
            Some(c)
        }
    }
}

/// RGBA pixels (row-major), width and height of an image, scaled to at most
/// 96 px on its longer side; `None` where it cannot be decoded.
pub(crate) async fn pixels(blob: &Blob) -> Option<(Vec<u8>, usize, usize)> {
    let promise = call(&js_sys::global(), "createImageBitmap", &[blob.into()])?;
    let bitmap = JsFuture::from(js_sys::Promise::from(promise)).await.ok()?;
    let pixels = thumbnail(&bitmap);
    let _ = call(&bitmap, "close", &[]);
    pixels
}

/// The pixels of a decoded `ImageBitmap`, scaled to at most 96 px on its
/// longer side (the bitmap stays open).
pub(crate) fn thumbnail(bitmap: &JsValue) -> Option<(Vec<u8>, usize, usize)> {
    let (w0, h0) = (
        get(bitmap, "width")?.as_f64()?,
        get(bitmap, "height")?.as_f64()?,
    );
    if w0 < 1.0 || h0 < 1.0 {
        return None;
    }
    let k = (SIDE / w0.max(h0)).min(1.0);
    let (w, h) = ((w0 * k).round().max(1.0), (h0 * k).round().max(1.0));
    let canvas = canvas(w, h)?;
    let ctx = call(&canvas, "getContext", &["2d".into()])?;
    call(
        &ctx,
        "drawImage",
        &[bitmap.clone(), 0.into(), 0.into(), w.into(), h.into()],
    )?;
    let data = call(
        &ctx,
        "getImageData",
        &[0.into(), 0.into(), w.into(), h.into()],
    )?;
    let bytes: Uint8ClampedArray = get(&data, "data")?.dyn_into().ok()?;
    Some((bytes.to_vec(), w as usize, h as usize))
}
