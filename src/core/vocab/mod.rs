//! The vocabulary: paint colours, body types, brands and models, each with
//! English, Ukrainian and Russian aliases, normalised to canonical English
//! before anything else uses them.

pub mod body_types;
pub mod brands;
pub mod colours;
pub mod listing;
pub mod models;

pub use body_types::BodyType;
pub use brands::Brand;
pub use colours::Colour;
pub use models::Model;

use crate::core::text::lookup_key;

/// The words of a `|`-separated list, as the vocabulary's tables keep them.
pub(crate) fn words(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.split('|').filter(|w| !w.is_empty())
}

/// Whether `input` names `canonical` or one of the `|`-separated
/// `aliases`, compared on [`lookup_key`]s.
pub(crate) fn matches_any(key: &str, canonical: &str, aliases: &'static str) -> bool {
    lookup_key(canonical) == key || words(aliases).any(|a| lookup_key(a) == key)
}

/// The entry of `entries` whose canonical name or an alias an input names
/// (compared on [`lookup_key`]s); `None` for an empty or unknown input.
pub(crate) fn find_entry<E>(
    input: &str,
    entries: impl IntoIterator<Item = E>,
    names: impl Fn(&E) -> (&'static str, &'static str),
) -> Option<E> {
    let key = lookup_key(input);
    if key.is_empty() {
        return None;
    }
    entries.into_iter().find(|e| {
        let (name, aliases) = names(e);
        matches_any(&key, name, aliases)
    })
}
