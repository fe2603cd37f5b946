//! A small ordered map for responses: a list of (key, value) pairs that
//! serialises as a JSON object. It keeps `BTreeMap`'s code out of the wasm
//! build, where these maps hold a handful of entries.

/// Key–value pairs in insertion order; inserting a key again replaces its value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Pairs<V>(Vec<(String, V)>);

impl<V> Pairs<V> {
    /// An empty map.
    pub const fn new() -> Self {
        Pairs(Vec::new())
    }

    /// Sets `key` to `value`.
    pub fn insert(&mut self, key: impl Into<String>, value: V) {
        let key = key.into();
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = value,
            None => self.0.push((key, value)),
        }
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The pairs in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_serialises_as_an_object() {
        let mut p = Pairs::new();
        p.insert("front", 1);
        p.insert("rear", 2);
        p.insert("front", 3);
        assert_eq!(
            (p.get("front"), p.len(), p.is_empty()),
            (Some(&3), 2, false)
        );
        assert_eq!(
            crate::core::json::Json::text(&p),
            "{\"front\":3,\"rear\":2}"
        );
    }
}
