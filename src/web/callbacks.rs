//! What `generateCarImages` reports while it runs: the caller's `onImage`
//! and `onEvent` callbacks, its `AbortSignal`, and the `AbortError` it
//! rejects with.

use js_sys::{Function, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{AbortSignal, Blob};

use crate::core::generate::response::{CarViewsEvent, GeneratedImage};
use crate::core::{CarViewsError, Rule};
use crate::web::error::set_property;
use crate::web::interop::to_object;

/// The caller's callbacks; a callback that throws is ignored.
#[derive(Debug, Default)]
pub(crate) struct Callbacks {
    on_image: Option<Function>,
    on_event: Option<Function>,
}

impl Callbacks {
    /// Reads `onImage` and `onEvent` from the options (functions or absent).
    pub(crate) fn read(options: &JsValue) -> Result<Callbacks, JsValue> {
        Ok(Callbacks {
            on_image: callback(options, "onImage")?,
            on_event: callback(options, "onEvent")?,
        })
    }

    /// Reports an event to `onEvent`.
    pub(crate) fn event(&self, event: &CarViewsEvent) {
        call(&self.on_event, event);
    }

    /// Hands an image, with its bytes as `blob`, to `onImage`.
    pub(crate) fn image(&self, image: &GeneratedImage, blob: Option<&Blob>) {
        if let Some(f) = &self.on_image {
            if let Ok(v) = image_object(image, blob) {
                let _ = f.call1(&JsValue::NULL, &v);
            }
        }
    }
}

/// An image as JavaScript sees it: the serialised fields and `blob`.
fn image_object(image: &GeneratedImage, blob: Option<&Blob>) -> Result<JsValue, JsValue> {
    let object = to_object(image)?;
    set_blob(&object, blob);
    Ok(object)
}

/// Sets an image object's `blob` (`null` where there are no bytes).
pub(crate) fn set_blob(image: &JsValue, blob: Option<&Blob>) {
    set_property(image, "blob", blob.map_or(&JsValue::NULL, |b| b.as_ref()));
}

fn call<T: Serialize>(f: &Option<Function>, value: &T) {
    if let Some(f) = f {
        if let Ok(v) = to_object(value) {
            let _ = f.call1(&JsValue::NULL, &v);
        }
    }
}

fn callback(options: &JsValue, key: &'static str) -> Result<Option<Function>, JsValue> {
    if !options.is_object() {
        return Ok(None);
    }
    let field = format!("options.{key}");
    let v = Reflect::get(options, &key.into()).map_err(|_| {
        CarViewsError::invalid(field.clone(), Rule::Unreadable, "could not be read")
    })?;
    if v.is_undefined() || v.is_null() {
        Ok(None)
    } else if v.is_function() {
        Ok(Some(v.unchecked_into()))
    } else {
        Err(CarViewsError::invalid(field, Rule::NotFunction, "must be a function").into())
    }
}

/// The caller's `options.signal`, when it is an `AbortSignal`.
pub(crate) fn signal(options: &JsValue) -> Result<Option<AbortSignal>, JsValue> {
    if !options.is_object() {
        return Ok(None);
    }
    let bad = |rule, msg: &str| CarViewsError::invalid("options.signal", rule, msg.to_owned());
    let v = Reflect::get(options, &"signal".into())
        .map_err(|_| bad(Rule::Unreadable, "could not be read"))?;
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.dyn_into::<AbortSignal>().map(Some).map_err(|_| {
        bad(
            Rule::NotSignal,
            "must be an AbortSignal (from an AbortController)",
        )
        .into()
    })
}

/// What an aborted run rejects with: a `DOMException` named `AbortError`,
/// as `fetch` rejects.
pub(crate) fn abort_error() -> JsValue {
    web_sys::DomException::new_with_message_and_name("The operation was aborted.", "AbortError")
        .map(JsValue::from)
        .unwrap_or_else(|_| JsValue::from(js_sys::Error::new("The operation was aborted.")))
}
