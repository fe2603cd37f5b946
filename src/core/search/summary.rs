//! Brand facts: the Wikipedia page summary of the brand and, from Wikidata,
//! the file name of its logo (property P154). Used to describe the emblem of
//! a brand the built-in table does not know; for a known brand the table
//! wins and these only enrich `debug`.

use crate::core::generate::encode::{join_url, percent_encode};
use crate::core::raw::Raw;
use crate::core::search::html::strip_html;
use crate::core::text::prefix;
use serde::Serialize;

/// What the search learned about a brand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(
    target_arch = "wasm32",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct BrandFacts {
    /// The article's title.
    pub title: String,
    /// Wikipedia's one-line description ("French automobile manufacturer").
    pub description: Option<String>,
    /// The first sentences of the article, at most 300 characters.
    pub extract: Option<String>,
    /// The Wikidata item (`Q6686`).
    pub wikidata_id: Option<String>,
    /// The logo's file name on Commons (Wikidata P154), when found.
    pub logo_file: Option<String>,
}

/// `GET {wikipedia}/api/rest_v1/page/summary/{Title}` (normalised title:
/// spaces as underscores, percent-encoded; no custom headers, so no preflight).
pub fn summary_url(base: &str, title: &str) -> String {
    join_url(
        base,
        &format!(
            "api/rest_v1/page/summary/{}",
            percent_encode(&title.replace(' ', "_"))
        ),
    )
}

/// Reads a page summary; `None` for a disambiguation page or a non-answer.
pub fn parse_summary(raw: &Raw) -> Option<BrandFacts> {
    if raw.get("type").as_str() == Some("disambiguation") {
        return None;
    }
    let title = raw.get("title").as_str()?.trim();
    if title.is_empty() {
        return None;
    }
    let text = |k: &str| {
        raw.get(k)
            .as_str()
            .map(strip_html)
            .filter(|s| !s.is_empty())
    };
    let extract = text("extract").map(|e| {
        if prefix(&e, 300).len() < e.len() {
            // Collapsed white space: a space is the only kind left.
            format!("{}…", prefix(&e, 299).trim_end_matches(' '))
        } else {
            e
        }
    });
    Some(BrandFacts {
        title: title.to_owned(),
        description: text("description"),
        extract,
        wikidata_id: raw
            .get("wikibase_item")
            .as_str()
            .filter(|q| {
                q.len() <= 16
                    && q.strip_prefix('Q')
                        .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
            })
            .map(str::to_owned),
        logo_file: None,
    })
}

/// `GET {wikidata}/w/api.php?action=wbgetclaims…&property=P154`.
pub fn logo_claim_url(base: &str, qid: &str) -> String {
    join_url(
        base,
        &format!(
            "w/api.php?action=wbgetclaims&format=json&origin=*&property=P154&entity={}",
            percent_encode(qid)
        ),
    )
}

/// The logo file name from a `wbgetclaims` answer.
pub fn parse_logo_claim(raw: &Raw) -> Option<String> {
    raw.get("claims")
        .get("P154")
        .items()
        .iter()
        .find_map(|claim| claim.get("mainsnak").get("datavalue").get("value").as_str())
        .map(|f| prefix(&strip_html(f), 200).to_owned())
        .filter(|f: &String| !f.is_empty())
}

/// An emblem description for a brand the table does not know, from what
/// the search found.
pub fn emblem_from_facts(brand: &str, facts: &BrandFacts) -> String {
    let mut s = format!("the badge of {brand}");
    if let Some(d) = &facts.description {
        s.push_str(&format!(" ({d})"));
    }
    if let Some(f) = &facts.logo_file {
        let name = f
            .trim_end_matches(".svg")
            .trim_end_matches(".png")
            .replace('_', " ");
        s.push_str(&format!(", as in its logo \"{name}\""));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(entries: Vec<(&str, Raw)>) -> Raw {
        Raw::object(entries)
    }

    #[test]
    fn urls() {
        assert_eq!(
            summary_url("https://en.wikipedia.org", "Škoda Auto"),
            "https://en.wikipedia.org/api/rest_v1/page/summary/%C5%A0koda_Auto"
        );
        assert_eq!(
            summary_url("http://127.0.0.1:1/t/a/", "Tesla, Inc."),
            "http://127.0.0.1:1/t/a/api/rest_v1/page/summary/Tesla%2C_Inc."
        );
        assert!(logo_claim_url("https://www.wikidata.org", "Q6686")
            .ends_with("property=P154&entity=Q6686"));
    }

    #[test]
    fn reads_a_summary() {
        let f = parse_summary(&summary(vec![
            ("type", Raw::text("standard")),
            ("title", Raw::text("Renault")),
            ("description", Raw::text("French automobile manufacturer")),
            (
                "extract",
                Raw::text(&"Renault is a French car maker. ".repeat(20)),
            ),
            ("wikibase_item", Raw::text("Q6686")),
        ]))
        .unwrap();
        assert_eq!(f.title, "Renault");
        assert_eq!(
            f.description.as_deref(),
            Some("French automobile manufacturer")
        );
        assert!(f.extract.as_ref().unwrap().chars().count() <= 300);
        assert_eq!(f.wikidata_id.as_deref(), Some("Q6686"));
        assert!(parse_summary(&summary(vec![
            ("type", Raw::text("disambiguation")),
            ("title", Raw::text("Clio"))
        ]))
        .is_none());
        assert!(parse_summary(&summary(vec![("description", Raw::text("x"))])).is_none());
        let bad_id = parse_summary(&summary(vec![
            ("title", Raw::text("X")),
            ("wikibase_item", Raw::text("Q1&x=2")),
        ]))
        .unwrap();
        assert_eq!(bad_id.wikidata_id, None);
    }

    #[test]
    fn reads_the_logo_claim_and_describes_the_emblem() {
        let claims = Raw::object([(
            "claims",
            Raw::object([(
                "P154",
                Raw::List(vec![Raw::object([(
                    "mainsnak",
                    Raw::object([(
                        "datavalue",
                        Raw::object([("value", Raw::text("Zastava logo.svg"))]),
                    )]),
                )])]),
            )]),
        )]);
        let file = parse_logo_claim(&claims).unwrap();
        assert_eq!(file, "Zastava logo.svg");
        assert_eq!(
            parse_logo_claim(&Raw::object([("claims", Raw::object::<&str>([]))])),
            None
        );
        let facts = BrandFacts {
            title: "Zastava Automobiles".into(),
            description: Some("Serbian car maker".into()),
            extract: None,
            wikidata_id: None,
            logo_file: Some(file),
        };
        assert_eq!(
            emblem_from_facts("Zastava", &facts),
            "the badge of Zastava (Serbian car maker), as in its logo \"Zastava logo\""
        );
    }
}
