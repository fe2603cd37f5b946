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

/// Where the emblem description of the prompts came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub enum EmblemSource {
    /// The built-in emblem table.
    Table,
    /// What the web search found about the brand.
    Search,
    /// Nowhere: the prompts describe no emblem.
    #[default]
    None,
}

/// What the search found for one run, for `debug.search`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(
    target_arch = "wasm32",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct SearchReport {
    /// Brand facts, when found.
    pub brand: Option<summary::BrandFacts>,
    /// Where the emblem description of the prompts came from.
    pub emblem_source: EmblemSource,
    /// The Commons query of each angle.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Record<string, string>"))]
    pub queries: crate::core::pairs::Pairs<String>,
    /// The angles a reference photo was found for.
    pub found: Vec<crate::core::Angle>,
}
