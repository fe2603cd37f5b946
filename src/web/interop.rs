//! Reading JavaScript values into the core's [`Raw`] tree, and handing the
//! core's results back as plain objects.
//!
//! Reads are schema-directed (only the keys carviews knows, at their known
//! depth) and go through `Reflect` with `catch`, so a throwing getter, a
//! Proxy or a revoked Proxy becomes [`Raw::Unreadable`] instead of an
//! exception unwinding through wasm. Long strings are measured before they
//! are copied.

use js_sys::{JsString, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::json::{Json, ToJson};
use crate::core::request::MAX_ANGLE_ENTRIES;
use crate::core::Raw;
use crate::web::error::internal;

/// Strings longer than this (in UTF-16 units) are not copied into wasm;
/// every limit of the core is far below it.
const MAX_COPY_UNITS: u32 = 4096;

#[wasm_bindgen]
extern "C" {
    // `Array.isArray` throws on a revoked Proxy: bind it with `catch`.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
}

/// The shape carviews expects at a key.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Shape {
    /// A scalar (string, number, boolean); containers are named, not read.
    Value,
    /// A list of scalars.
    List,
    /// An object with these keys.
    Object(&'static [(&'static str, Shape)]),
    /// An object of any string keys (at most [`MAX_MAP_KEYS`]) with scalar values.
    Map,
}

/// The most keys a free-form object (`dalle.headers`) may have.
pub(crate) const MAX_MAP_KEYS: usize = 32;

/// `car_data`'s keys.
pub(crate) const CAR_DATA: Shape = Shape::Object(&[
    ("brand", Shape::Value),
    ("model", Shape::Value),
    ("year", Shape::Value),
    ("color", Shape::Value),
    ("body_type", Shape::Value),
]);

/// The request body's keys.
pub(crate) const REQUEST: Shape = Shape::Object(&[
    ("car_data", CAR_DATA),
    ("angles", Shape::List),
    ("use_mock_algorithm", Shape::Value),
]);

/// The keys of the options the plan reads.
pub(crate) const PLAN_OPTIONS: Shape = Shape::Object(&[
    ("variation", Shape::Value),
    ("language", Shape::Value),
    ("consistency", Shape::Value),
]);

/// The keys of `generateCarImages`' options (callbacks and the signal are read apart).
pub(crate) const GENERATE_OPTIONS: Shape = Shape::Object(&[
    ("variation", Shape::Value),
    ("language", Shape::Value),
    ("consistency", Shape::Value),
    (
        "pollinations",
        Shape::Object(&[
            ("apiKey", Shape::Value),
            ("baseUrl", Shape::Value),
            ("api", Shape::Value),
            ("model", Shape::Value),
            ("referenceModel", Shape::Value),
            ("width", Shape::Value),
            ("height", Shape::Value),
        ]),
    ),
    (
        "dalle",
        Shape::Object(&[
            ("proxyUrl", Shape::Value),
            ("model", Shape::Value),
            ("size", Shape::Value),
            ("quality", Shape::Value),
            ("headers", Shape::Map),
        ]),
    ),
    ("preview", Shape::Value),
    ("concurrency", Shape::Value),
    ("timeoutMs", Shape::Value),
    ("retries", Shape::Value),
    ("verify", Shape::Value),
    ("cache", Shape::Value),
    (
        "search",
        Shape::Object(&[
            ("enabled", Shape::Value),
            ("wikipediaUrl", Shape::Value),
            ("commonsUrl", Shape::Value),
            ("wikidataUrl", Shape::Value),
            ("timeoutMs", Shape::Value),
            ("referenceConditioning", Shape::Value),
        ]),
    ),
]);

/// The keys of `renderCarPreview`'s options.
pub(crate) const PREVIEW_OPTIONS: Shape = Shape::Object(&[
    ("width", Shape::Value),
    ("height", Shape::Value),
    ("background", Shape::Value),
    ("language", Shape::Value),
    ("caption", Shape::Value),
]);

/// Reads `value` as the given shape.
pub(crate) fn read(value: &JsValue, shape: Shape) -> Raw {
    match shape {
        Shape::Value => read_scalar(value),
        Shape::List => read_list(value),
        Shape::Object(keys) => read_object(value, keys),
        Shape::Map => read_map(value),
    }
}

fn read_map(value: &JsValue) -> Raw {
    if !value.is_object() || value.is_function() {
        return read_scalar(value);
    }
    let keys = match Reflect::own_keys(value) {
        Ok(k) => k,
        Err(e) => return Raw::Unreadable(message_of(&e)),
    };
    if keys.length() as usize > MAX_MAP_KEYS {
        return Raw::Other("an object with too many keys");
    }
    let mut entries = Vec::new();
    for i in 0..keys.length() {
        let key = keys.get(i);
        let Some(name) = key.as_string() else {
            continue;
        };
        let raw = match Reflect::get(value, &key) {
            Ok(v) => read_scalar(&v),
            Err(e) => Raw::Unreadable(message_of(&e)),
        };
        entries.push((name, raw));
    }
    Raw::Object(entries)
}

fn read_scalar(value: &JsValue) -> Raw {
    if value.is_undefined() {
        return Raw::Missing;
    }
    if value.is_null() {
        return Raw::Null;
    }
    if let Some(b) = value.as_bool() {
        return Raw::Bool(b);
    }
    if let Some(n) = value.as_f64() {
        return Raw::Number(n);
    }
    if value.is_string() {
        let units = value.unchecked_ref::<JsString>().length();
        if units > MAX_COPY_UNITS {
            return Raw::LongText(units as usize);
        }
        return value.as_string().map_or(Raw::Other("string"), Raw::Text);
    }
    if value.is_symbol() {
        return Raw::Other("a symbol");
    }
    if value.is_bigint() {
        return Raw::Other("a bigint");
    }
    if value.is_function() {
        return Raw::Other("a function");
    }
    match is_array(value) {
        Ok(true) => Raw::Other("an array"),
        Ok(false) => Raw::Other("an object"),
        Err(e) => Raw::Unreadable(message_of(&e)),
    }
}

fn read_list(value: &JsValue) -> Raw {
    match is_array(value) {
        Ok(true) => {}
        Ok(false) => return read_scalar(value),
        Err(e) => return Raw::Unreadable(message_of(&e)),
    }
    let length = match Reflect::get(value, &"length".into()) {
        Ok(len) => len.as_f64().unwrap_or(0.0),
        Err(e) => return Raw::Unreadable(message_of(&e)),
    };
    // One more than the core accepts is enough for it to reject the list.
    let wanted = length.clamp(0.0, (MAX_ANGLE_ENTRIES + 1) as f64) as u32;
    let mut items = Vec::with_capacity(wanted as usize);
    for i in 0..wanted {
        items.push(match Reflect::get_u32(value, i) {
            Ok(item) => read_scalar(&item),
            Err(e) => Raw::Unreadable(message_of(&e)),
        });
    }
    Raw::List(items)
}

fn read_object(value: &JsValue, keys: &'static [(&'static str, Shape)]) -> Raw {
    if !value.is_object() || value.is_function() {
        return read_scalar(value);
    }
    match is_array(value) {
        Ok(false) => {}
        Ok(true) => return Raw::Other("an array"),
        Err(e) => return Raw::Unreadable(message_of(&e)),
    }
    let mut entries = Vec::with_capacity(keys.len());
    for &(key, shape) in keys {
        let raw = match Reflect::get(value, &JsValue::from_str(key)) {
            Ok(v) => read(&v, shape),
            Err(e) => Raw::Unreadable(message_of(&e)),
        };
        entries.push((key.to_owned(), raw));
    }
    Raw::Object(entries)
}

/// Limits of [`json_to_raw`]: enough for every answer carviews reads.
const JSON_MAX_DEPTH: usize = 8;
const JSON_MAX_ITEMS: usize = 64;

/// Reads a parsed JSON value (from `JSON.parse`: plain data, no getters)
/// into a [`Raw`] tree, bounded in depth, width and string length.
pub(crate) fn json_to_raw(value: &JsValue) -> Raw {
    json_at(value, 0)
}

fn json_at(value: &JsValue, depth: usize) -> Raw {
    if depth >= JSON_MAX_DEPTH || !value.is_object() {
        return read_scalar(value);
    }
    // An array's items, or an object's `[key, value]` entries.
    let is_list = is_array(value).unwrap_or(false);
    let items = if is_list {
        value.clone().unchecked_into()
    } else {
        js_sys::Object::entries(value.unchecked_ref())
    };
    let (mut list, mut entries) = (Vec::new(), Vec::new());
    for i in 0..items.length().min(JSON_MAX_ITEMS as u32) {
        let item = items.get(i);
        if is_list {
            list.push(json_at(&item, depth + 1));
        } else if let Some(key) = Reflect::get_u32(&item, 0).ok().and_then(|k| k.as_string()) {
            let value = Reflect::get_u32(&item, 1).unwrap_or(JsValue::UNDEFINED);
            entries.push((key, json_at(&value, depth + 1)));
        }
    }
    if is_list {
        Raw::List(list)
    } else {
        Raw::Object(entries)
    }
}

/// The message of a thrown value, without trusting its shape.
pub(crate) fn message_of(thrown: &JsValue) -> String {
    if let Some(s) = thrown.as_string() {
        return s;
    }
    if thrown.is_object() {
        if let Ok(m) = Reflect::get(thrown, &"message".into()) {
            if let Some(s) = m.as_string() {
                return s;
            }
        }
    }
    "a non-Error value was thrown".to_owned()
}

/// Sets a property of an object carviews made itself (a plain object, an
/// `Error`), where setting cannot throw; the result is ignored.
pub(crate) fn set_property(target: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &key.into(), value);
}

/// A core value as a plain JavaScript object: its JSON text, parsed by
/// `JSON.parse` (one call, whatever the size of the value).
pub(crate) fn to_object(value: &dyn ToJson) -> Result<JsValue, JsValue> {
    parse_text(&Json::text(value))
}

/// A JSON text as a JavaScript value (an error if it is not JSON).
pub(crate) fn parse_text(text: &str) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(text).map_err(|e| internal(&message_of(&e)))
}
