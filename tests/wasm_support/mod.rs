//! Helpers the wasm test crates share (`web_node`, `web_browser` through
//! `wasm_api`, and `web_generate`).

use js_sys::{Function, Reflect};
use wasm_bindgen::JsValue;

/// Evaluates a JavaScript expression.
pub(crate) fn js(expr: &str) -> JsValue {
    Function::new_no_args(&format!("return ({expr});"))
        .call0(&JsValue::UNDEFINED)
        .unwrap()
}

/// A property of a JavaScript value.
pub(crate) fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap()
}
