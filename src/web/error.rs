//! Turning core errors into real JavaScript `Error`s.

use wasm_bindgen::JsValue;

use crate::core::CarViewsError;

/// Sets a property of an object carviews made itself (a plain object, an
/// `Error`), where setting cannot throw; the result is ignored.
pub(crate) fn set_property(target: &JsValue, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(target, &key.into(), value);
}

/// A JS `Error` named `CarViewsError` with `code`, `field` and `rule`
/// properties, so callers can branch on them instead of parsing messages.
pub(crate) fn to_js(e: &CarViewsError) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    err.set_name("CarViewsError");
    set_property(&err, "code", &e.code().into());
    if let Some(field) = e.field() {
        set_property(&err, "field", &field.into());
    }
    if let Some(rule) = e.rule() {
        set_property(&err, "rule", &rule.as_str().into());
    }
    err.into()
}

/// `?` turns a core error into its JS `Error` (see [`to_js`]).
impl From<CarViewsError> for JsValue {
    fn from(e: CarViewsError) -> JsValue {
        to_js(&e)
    }
}

/// An error in carviews itself (a result that could not be converted),
/// still a real `Error` with a `code`.
pub(crate) fn internal(message: &str) -> JsValue {
    let err = js_sys::Error::new(&format!("carviews internal error: {message}"));
    err.set_name("CarViewsError");
    set_property(&err, "code", &"internal".into());
    err.into()
}
