//! The search step of a run: what Wikipedia and Wikidata say about the
//! brand (looked up before the plan when the emblem table lacks the brand,
//! else beside the images, for `debug`) and each view's reference photo
//! from Commons, each under the search timeout and kept for the page. A
//! failed search is a warning, never a failed run. What to ask and what to
//! keep is decided in `core::search`.

use crate::core::angles::Angle;
use crate::core::generate::providers::HttpRequest;
use crate::core::generate::response::{Level, Reference, Stage};
use crate::core::prompt::table_emblem;
use crate::core::raw::Raw;
use crate::core::request::CarData;
use crate::core::run::io::{fetch, Io};
use crate::core::run::page::Page;
use crate::core::run::Events;
use crate::core::search::options::SearchOptions;
use crate::core::search::photos::{commons_query, commons_url, parse_candidates, pick};
use crate::core::search::summary::{
    emblem_from_facts, logo_claim_url, parse_logo_claim, parse_summary, summary_url, BrandFacts,
};
use crate::core::search::EmblemSource;

/// What the brand search gave: its facts, the emblem the prompts describe,
/// where that came from, and its warnings.
#[derive(Debug, Clone, Default)]
pub(crate) struct Brand {
    pub(crate) facts: Option<BrandFacts>,
    /// Whether the brand was looked up (before the plan).
    pub(crate) looked_up: bool,
    pub(crate) emblem: Option<String>,
    pub(crate) emblem_source: EmblemSource,
    pub(crate) warnings: Vec<String>,
}

/// What the reference photo search of one view gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PhotoFound {
    pub(crate) angle: Angle,
    pub(crate) query: String,
    pub(crate) reference: Option<Reference>,
    pub(crate) warning: Option<String>,
}

/// A JSON GET: the parsed answer, `None` for 404, or why it failed.
async fn get_json<I: Io>(io: &I, url: String, timeout_ms: u32) -> Result<Option<Raw>, String> {
    let answer = fetch(io, &HttpRequest::get(url), None, timeout_ms)
        .await
        .map_err(|e| e.describe())?;
    match answer.status {
        404 => Ok(None),
        200..=299 => match Raw::from_json(answer.body.text()) {
            Raw::Unreadable(_) => Err("the answer is not JSON".to_owned()),
            json => Ok(Some(json)),
        },
        status => Err(format!("HTTP {status}")),
    }
}

/// The brand's Wikipedia summary and Wikidata logo file; `Ok(None)` when
/// Wikipedia has no such page.
async fn brand_facts<I: Io>(
    io: &I,
    page: &Page,
    o: &SearchOptions,
    title: &str,
) -> Result<Option<BrandFacts>, String> {
    let key = format!("{}|{}", o.wikipedia_url, title);
    if let Some(hit) = page.facts(&key) {
        return Ok(hit);
    }
    let started = io.now();
    let mut facts = get_json(io, summary_url(&o.wikipedia_url, title), o.timeout_ms)
        .await?
        .and_then(|raw| parse_summary(&raw));
    if let Some(f) = facts.as_mut() {
        // The logo claim gets what is left of the same time budget.
        let left = o
            .timeout_ms
            .saturating_sub((io.now() - started).max(0.0) as u32);
        if let (Some(q), true) = (f.wikidata_id.clone(), left > 50) {
            if let Ok(Some(raw)) = get_json(io, logo_claim_url(&o.wikidata_url, &q), left).await {
                f.logo_file = parse_logo_claim(&raw);
            }
        }
    }
    page.keep_facts(key, facts.clone());
    Ok(facts)
}

/// The Wikipedia title of the car's brand.
fn wiki_title(car: &CarData) -> String {
    car.known_brand
        .map_or_else(|| car.brand.clone(), |b| b.wiki_title.to_owned())
}

fn brand_event<I: Io>(events: &Events<'_, I>, car: &CarData, facts: Option<&BrandFacts>) {
    let message = match facts {
        Some(f) => format!(
            "Logo info found for {}: {}",
            car.brand,
            f.description.as_deref().unwrap_or(&f.title)
        ),
        None => format!("No Wikipedia page found for {}", car.brand),
    };
    events.say(Stage::Search, Level::Info, message, None, None);
}

/// The brand search the plan waits for: only for a brand the emblem table
/// lacks, whose prompts then describe the emblem from what Wikipedia and
/// Wikidata say (within the search timeout).
pub(crate) async fn before_plan<I: Io>(
    events: &Events<'_, I>,
    page: &Page,
    search: Option<&SearchOptions>,
    car: &CarData,
) -> Brand {
    if table_emblem(car).is_some() {
        return Brand {
            emblem_source: EmblemSource::Table,
            ..Brand::default()
        };
    }
    let Some(s) = search else {
        return Brand::default();
    };
    let mut brand = Brand {
        looked_up: true,
        ..Brand::default()
    };
    match brand_facts(events.io, page, s, &wiki_title(car)).await {
        Ok(facts) => {
            brand_event(events, car, facts.as_ref());
            brand.emblem = facts.as_ref().map(|f| emblem_from_facts(&car.brand, f));
            if brand.emblem.is_some() {
                brand.emblem_source = EmblemSource::Search;
            }
            brand.facts = facts;
        }
        Err(e) => brand.warnings.push(warn(
            events,
            None,
            format!(
                "Brand search failed for {}: {e}; prompts describe no emblem",
                car.brand
            ),
        )),
    }
    brand
}

/// The brand facts for `debug` when the prompts did not need them first:
/// `brand` completed.
pub(crate) async fn enrich<I: Io>(
    events: &Events<'_, I>,
    page: &Page,
    search: Option<&SearchOptions>,
    car: &CarData,
    mut brand: Brand,
) -> Brand {
    let Some(s) = search.filter(|_| !brand.looked_up) else {
        return brand;
    };
    match brand_facts(events.io, page, s, &wiki_title(car)).await {
        Ok(facts) => {
            brand_event(events, car, facts.as_ref());
            brand.facts = facts;
        }
        Err(e) => {
            let message = format!("Brand search failed for {}: {e}", car.brand);
            brand.warnings.push(warn(events, None, message));
        }
    }
    brand
}

/// The reference photo of one view (the search is on).
pub(crate) async fn reference<I: Io>(
    events: &Events<'_, I>,
    page: &Page,
    s: &SearchOptions,
    car: &CarData,
    angle: Angle,
) -> PhotoFound {
    let query = commons_query(car, angle);
    let mut found = PhotoFound {
        angle,
        query: query.clone(),
        reference: None,
        warning: None,
    };
    let key = format!("{}|{}|{}|{}", s.commons_url, query, car.model, car.year);
    let result = match page.photo(&key) {
        Some(hit) => Ok(hit),
        None => get_json(events.io, commons_url(&s.commons_url, &query), s.timeout_ms)
            .await
            .map(|raw| raw.and_then(|raw| pick(&parse_candidates(&raw), car, angle)))
            .inspect(|photo| page.keep_photo(key, photo.clone())),
    };
    let name = angle.name();
    match result {
        Ok(Some(r)) => {
            let message = format!(
                "Reference photo found for {name}: {} ({}, {})",
                r.page_url, r.author, r.license
            );
            events.say(Stage::Search, Level::Info, message, Some(angle), None);
            found.reference = Some(r);
        }
        Ok(None) => {
            let message = format!("No reference photo for {name}");
            events.say(Stage::Search, Level::Info, message, Some(angle), None);
        }
        Err(e) => {
            let message = format!("Reference photo search failed for {name}: {e}");
            found.warning = Some(warn(events, None, message));
        }
    }
    found
}

/// Reports a search warning; the message, for `debug.warnings`.
fn warn<I: Io>(events: &Events<'_, I>, angle: Option<Angle>, message: String) -> String {
    events.say(Stage::Search, Level::Warn, message.clone(), angle, None);
    message
}
