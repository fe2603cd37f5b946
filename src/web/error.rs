//! Turning core errors into real JavaScript `Error`s.

use js_sys::Reflect;
use wasm_bindgen::JsValue;

use crate::core::CarViewsError;

/// A JS `Error` named `CarViewsError` with `code`, `field` and `rule`
/// properties, so callers can branch on them instead of parsing messages.
pub(crate) fn to_js(e: &CarViewsError) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    err.set_name("CarViewsError");
    // Setting a property on a fresh Error cannot throw; the results are ignored.
    let _ = Reflect::set(&err, &"code".into(), &e.code().into());
    if let Some(field) = e.field() {
        let _ = Reflect::set(&err, &"field".into(), &field.into());
    }
    if let Some(rule) = e.rule() {
        let _ = Reflect::set(&err, &"rule".into(), &rule.as_str().into());
    }
    err.into()
}

/// An error in carviews itself (a result that could not be converted),
/// still a real `Error` with a `code`.
pub(crate) fn internal(message: &str) -> JsValue {
    let err = js_sys::Error::new(&format!("carviews internal error: {message}"));
    err.set_name("CarViewsError");
    let _ = Reflect::set(&err, &"code".into(), &"internal".into());
    err.into()
}
