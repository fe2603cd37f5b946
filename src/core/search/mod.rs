//! Web search from the browser: brand facts from Wikipedia (and the logo
//! file from Wikidata), and a licensed reference photo per angle from
//! Wikimedia Commons. Query building, answer parsing and candidate choice
//! are pure functions over parsed JSON (as [`Raw`] trees); the shell only
//! fetches.
//!
//! [`Raw`]: crate::core::Raw

use serde::Serialize;

pub mod html;
pub mod options;
pub mod photos;
pub mod summary;

/// What the search found for one run, for `debug.search`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct SearchReport {
    /// Brand facts, when found.
    pub brand: Option<summary::BrandFacts>,
    /// Where the emblem description of the prompts came from: `table`, `search` or `none`.
    pub emblem_source: &'static str,
    /// The Commons query of each angle.
    pub queries: crate::core::pairs::Pairs<String>,
    /// The angles a reference photo was found for.
    pub found: Vec<String>,
}
