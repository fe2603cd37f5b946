//! `options.search`.

use crate::core::error::{CarViewsError, Rule};
use crate::core::generate::options::{boolean, url_option, whole_number};
use crate::core::raw::Raw;

/// Default Wikipedia (REST summaries).
pub const WIKIPEDIA_URL: &str = "https://en.wikipedia.org";
/// Default Wikimedia Commons (Action API).
pub const COMMONS_URL: &str = "https://commons.wikimedia.org";
/// Default Wikidata (Action API).
pub const WIKIDATA_URL: &str = "https://www.wikidata.org";
/// Default time the search may take: nothing waits on it longer.
pub const DEFAULT_SEARCH_TIMEOUT_MS: u32 = 4_000;

/// How to search, or `None` in [`GenerateOptions`](crate::core::generate::options::GenerateOptions) when off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchOptions {
    /// Wikipedia base URL.
    pub wikipedia_url: String,
    /// Commons base URL.
    pub commons_url: String,
    /// Wikidata base URL.
    pub wikidata_url: String,
    /// Per-request timeout.
    pub timeout_ms: u32,
    /// Condition the main view on its reference photo (opt-in: a derivative work).
    pub reference_conditioning: bool,
}

impl SearchOptions {
    /// Reads `options.search`: absent or `true` for defaults, `false` (or
    /// `enabled: false`) for off.
    pub fn parse(raw: &Raw) -> Result<Option<SearchOptions>, CarViewsError> {
        match raw {
            Raw::Bool(false) => return Ok(None),
            Raw::Missing | Raw::Null | Raw::Bool(true) | Raw::Object(_) => {}
            other => {
                return Err(CarViewsError::invalid(
                    "options.search",
                    Rule::NotObject,
                    format!("must be an object or false, not {}", other.kind()),
                ))
            }
        }
        if !boolean(raw.get("enabled"), "options.search.enabled", true)? {
            return Ok(None);
        }
        let timeout_ms = whole_number(
            raw.get("timeoutMs"),
            "options.search.timeoutMs",
            1,
            60_000,
            " ms",
        )?
        .unwrap_or(DEFAULT_SEARCH_TIMEOUT_MS);
        Ok(Some(SearchOptions {
            wikipedia_url: url_option(raw.get("wikipediaUrl"), "options.search.wikipediaUrl")?
                .unwrap_or_else(|| WIKIPEDIA_URL.to_owned()),
            commons_url: url_option(raw.get("commonsUrl"), "options.search.commonsUrl")?
                .unwrap_or_else(|| COMMONS_URL.to_owned()),
            wikidata_url: url_option(raw.get("wikidataUrl"), "options.search.wikidataUrl")?
                .unwrap_or_else(|| WIKIDATA_URL.to_owned()),
            timeout_ms,
            reference_conditioning: boolean(
                raw.get("referenceConditioning"),
                "options.search.referenceConditioning",
                false,
            )?,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_off_and_errors() {
        let on = SearchOptions::parse(&Raw::Missing).unwrap().unwrap();
        assert_eq!(
            (
                on.wikipedia_url.as_str(),
                on.timeout_ms,
                on.reference_conditioning
            ),
            (WIKIPEDIA_URL, 4000, false)
        );
        assert_eq!(SearchOptions::parse(&Raw::Bool(false)).unwrap(), None);
        assert_eq!(
            SearchOptions::parse(&Raw::object([("enabled", Raw::Bool(false))])).unwrap(),
            None
        );
        let err =
            SearchOptions::parse(&Raw::object([("commonsUrl", Raw::text("http://10.1.1.1"))]))
                .unwrap_err();
        assert_eq!(err.field(), Some("options.search.commonsUrl"));
        let err =
            SearchOptions::parse(&Raw::object([("timeoutMs", Raw::Number(0.0))])).unwrap_err();
        assert_eq!(err.field(), Some("options.search.timeoutMs"));
        assert!(SearchOptions::parse(&Raw::Number(1.0)).is_err());
    }
}
