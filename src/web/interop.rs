//! Reading the caller's JavaScript values into the core's [`Raw`] tree, and
//! handing the core's results back as plain objects (serde-wasm-bindgen).
//!
//! Why the request and options are not read with serde-wasm-bindgen: its
//! deserializer reads properties with uncaught `Reflect.get` and
//! `Object.entries`, so a throwing getter, a Proxy trap or a revoked Proxy
//! would throw through the wasm frames (leaving borrowed state behind), and
//! it copies strings of any length and follows any depth. These reads are
//! schema-directed (only the keys carviews knows, at their known depth) and
//! go through `Reflect` with `catch`, so such a value becomes
//! [`Raw::Unreadable`] and then a `CarViewsError` naming the field and the
//! rule; long strings are measured before they are copied. Everything
//! carviews hands back goes through serde.

use js_sys::{JsString, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use serde::Serialize;

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
            ("mediaUrl", Shape::Value),
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

/// A core value as a plain JavaScript object: maps as objects, `None` as
/// `null`, as the response shape has always had them.
pub(crate) fn to_object<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| internal(&e.to_string()))
}
