//! The caller's input before validation, as a small tree the shell reads from
//! JavaScript (or a test builds by hand). The shell reads only the keys
//! carviews knows, at their known depth, so the tree is shallow and bounded
//! whatever the caller passed: no recursion over attacker-chosen depth.
//!
//! The JSON answers of the services are read into the same tree (through
//! serde, see the `Deserialize` impl), so the core reads every outside value
//! one way.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// One value of the caller's input.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Raw {
    /// Absent (`undefined`, or the key is not there).
    #[default]
    Missing,
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number (any `f64`: NaN and infinities included).
    Number(f64),
    /// A string short enough to have been copied.
    Text(String),
    /// A string too long to be worth copying; its length in UTF-16 code units.
    LongText(usize),
    /// An array, its elements read one level deep.
    List(Vec<Raw>),
    /// An object, the keys carviews asked for with their values.
    Object(Vec<(String, Raw)>),
    /// Another kind of value; names its JavaScript type (`function`, `symbol`, `bigint`, `array`, `object`).
    Other(&'static str),
    /// Reading the value threw; the JavaScript message.
    Unreadable(String),
}

static MISSING: Raw = Raw::Missing;

impl Raw {
    /// The value under `key` of an object; [`Raw::Missing`] for anything else.
    pub fn get(&self, key: &str) -> &Raw {
        match self {
            Raw::Object(entries) => entries
                .iter()
                .find(|(k, _)| k == key)
                .map_or(&MISSING, |(_, v)| v),
            _ => &MISSING,
        }
    }

    /// The `i`th element of a list; [`Raw::Missing`] for anything else.
    pub fn at(&self, i: usize) -> &Raw {
        match self {
            Raw::List(items) => items.get(i).unwrap_or(&MISSING),
            _ => &MISSING,
        }
    }

    /// The elements of a list (none for anything else).
    pub fn items(&self) -> &[Raw] {
        match self {
            Raw::List(items) => items,
            _ => &[],
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Raw::Text(t) => Some(t),
            _ => None,
        }
    }

    /// The number, if this is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Raw::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// A short name of the value's kind, for error messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Raw::Missing => "undefined",
            Raw::Null => "null",
            Raw::Bool(_) => "a boolean",
            Raw::Number(_) => "a number",
            Raw::Text(_) | Raw::LongText(_) => "a string",
            Raw::List(_) => "an array",
            Raw::Object(_) => "an object",
            Raw::Other(kind) => kind,
            Raw::Unreadable(_) => "unreadable",
        }
    }

    /// Builds an object from `(key, value)` pairs (handy in tests and callers).
    pub fn object<K: Into<String>>(entries: impl IntoIterator<Item = (K, Raw)>) -> Raw {
        Raw::Object(entries.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    /// A [`Raw::Text`].
    pub fn text(s: &str) -> Raw {
        Raw::Text(s.to_owned())
    }
}

/// Any self-describing value (a JSON document, for one) as a [`Raw`] tree:
/// `null`, booleans, numbers, strings, arrays and objects.
impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Raw, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_none<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Raw, D::Error> {
        Raw::deserialize(d)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Raw, E> {
        Ok(Raw::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Raw, E> {
        Ok(Raw::Number(n as f64))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Raw, E> {
        Ok(Raw::Number(n as f64))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Raw, E> {
        Ok(Raw::Number(n))
    }
    fn visit_str<E>(self, s: &str) -> Result<Raw, E> {
        Ok(Raw::Text(s.to_owned()))
    }
    fn visit_string<E>(self, s: String) -> Result<Raw, E> {
        Ok(Raw::Text(s))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Raw::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let mut entries = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, Raw>()? {
            entries.push((key, value));
        }
        Ok(Raw::Object(entries))
    }
}

impl Raw {
    /// A JSON text as a tree (natively; the wasm shell parses with the
    /// engine's `JSON.parse`); [`Raw::Unreadable`] when it is not JSON.
    pub fn from_json(text: &str) -> Raw {
        serde_json::from_str(text).unwrap_or_else(|e| Raw::Unreadable(format!("not JSON: {e}")))
    }
}
