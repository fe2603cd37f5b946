//! The web search's I/O: Wikipedia summaries, the Wikidata logo claim and
//! Commons file searches, each under the search timeout, cached for the
//! page's lifetime, and failing soft (an error is a warning, never a
//! rejection). What to ask and what to keep is decided in `core::search`.

use std::cell::RefCell;

use crate::core::angles::Angle;

use crate::core::generate::providers::HttpRequest;
use crate::core::generate::response::Reference;
use crate::core::pairs::Pairs;
use crate::core::request::CarData;
use crate::core::search::options::SearchOptions;
use crate::core::search::photos::{commons_query, commons_url, parse_candidates, pick};
use crate::core::search::summary::{
    logo_claim_url, parse_logo_claim, parse_summary, summary_url, BrandFacts,
};
use crate::core::Raw;
use crate::web::http::{fetch, Body, Cancel, Expect};

thread_local! {
    static FACTS: RefCell<Pairs<Option<BrandFacts>>> = const { RefCell::new(Pairs::new()) };
    static PHOTOS: RefCell<Pairs<Option<Reference>>> = const { RefCell::new(Pairs::new()) };
}

/// A JSON GET: the parsed answer, `None` for 404, or why it failed.
async fn get_json(url: String, timeout_ms: u32, cancel: &Cancel) -> Result<Option<Raw>, String> {
    let req = HttpRequest::get(url);
    match fetch(&req, Expect::Json, timeout_ms, cancel).await {
        Ok(a) if a.status == 404 => Ok(None),
        Ok(a) => match a.body {
            Body::Json(Raw::Unreadable(_)) => Err("the answer is not JSON".to_owned()),
            Body::Json(j) => Ok(Some(j)),
            _ => Err(format!("HTTP {}", a.status)),
        },
        Err(e) => Err(e.describe()),
    }
}

/// The brand's Wikipedia summary and Wikidata logo file; `Ok(None)` when
/// Wikipedia has no such page.
pub(crate) async fn brand_facts(
    o: &SearchOptions,
    title: &str,
    cancel: &Cancel,
) -> Result<Option<BrandFacts>, String> {
    let key = format!("{}|{}", o.wikipedia_url, title);
    if let Some(hit) = FACTS.with(|c| c.borrow().get(&key).cloned()) {
        return Ok(hit);
    }
    let started = js_sys::Date::now();
    let facts = get_json(summary_url(&o.wikipedia_url, title), o.timeout_ms, cancel)
        .await?
        .and_then(|raw| parse_summary(&raw));
    let facts = match facts {
        Some(mut f) => {
            // The logo claim gets what is left of the same time budget.
            let left = o
                .timeout_ms
                .saturating_sub((js_sys::Date::now() - started).max(0.0) as u32);
            if let (Some(q), true) = (f.wikidata_id.clone(), left > 50) {
                if let Ok(Some(raw)) =
                    get_json(logo_claim_url(&o.wikidata_url, &q), left, cancel).await
                {
                    f.logo_file = parse_logo_claim(&raw);
                }
            }
            Some(f)
        }
        None => None,
    };
    FACTS.with(|c| c.borrow_mut().insert(key, facts.clone()));
    Ok(facts)
}

/// The reference photo of one view; `Ok(None)` when nothing fits.
pub(crate) async fn reference(
    o: &SearchOptions,
    car: &CarData,
    angle: Angle,
    cancel: &Cancel,
) -> Result<Option<Reference>, String> {
    let query = commons_query(car, angle);
    let key = format!("{}|{}|{}|{}", o.commons_url, query, car.model, car.year);
    if let Some(hit) = PHOTOS.with(|c| c.borrow().get(&key).cloned()) {
        return Ok(hit);
    }
    let found = get_json(commons_url(&o.commons_url, &query), o.timeout_ms, cancel)
        .await?
        .and_then(|raw| pick(&parse_candidates(&raw), car, angle));
    PHOTOS.with(|c| c.borrow_mut().insert(key, found.clone()));
    Ok(found)
}
