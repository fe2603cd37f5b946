//! A small ordered map for responses: a list of (key, value) pairs that
//! serialises as an object whose keys keep their insertion order (the
//! order of the requested angles), which neither `HashMap` nor `BTreeMap`
//! keeps.

use serde::ser::{Serialize, SerializeMap, Serializer};

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

impl<V: Serialize> Serialize for Pairs<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
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
            serde_json::to_string(&p).unwrap(),
            "{\"front\":3,\"rear\":2}"
        );
    }
}
