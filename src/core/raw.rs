//! The caller's input before validation, as a small tree the shell reads from
//! JavaScript (or a test builds by hand). The shell reads only the keys
//! carviews knows, at their known depth, so the tree is shallow and bounded
//! whatever the caller passed: no recursion over attacker-chosen depth.

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
