//! The search step of a run: what Wikipedia and Wikidata say about the
//! brand (looked up before the plan when the emblem table lacks the brand,
//! else beside the images, for `debug`) and each view's reference photo
//! from Commons. A failed search is a warning, never a failed run.

use super::events::Callbacks;
use super::Run;
use crate::core::generate::options::GenerateOptions;
use crate::core::generate::response::{Level, Reference};
use crate::core::plan::PlannedImage;
use crate::core::prompt::table_emblem;
use crate::core::request::CarData;
use crate::core::search::photos::commons_query;
use crate::core::search::summary::{emblem_from_facts, BrandFacts};
use crate::core::Angle;
use crate::web::http::Cancel;
use crate::web::search;

/// What the search found about the brand, and its warnings.
#[derive(Default)]
pub(super) struct Found {
    pub(super) facts: Option<BrandFacts>,
    brand_looked_up: bool,
    /// The emblem described from the brand facts, for a brand the table lacks.
    emblem: Option<String>,
    /// `table`, `search` or `none`: where the prompts' emblem came from.
    pub(super) emblem_source: &'static str,
    pub(super) warnings: Vec<String>,
}

impl Found {
    /// The brand search the plan waits for: only for a brand the emblem
    /// table lacks, whose prompts then describe the emblem from what
    /// Wikipedia and Wikidata say (within the search timeout).
    pub(super) async fn before_plan(
        opts: &GenerateOptions,
        car: &CarData,
        callbacks: &Callbacks,
        cancel: &Cancel,
    ) -> Found {
        let mut found = Found {
            emblem_source: "none",
            ..Found::default()
        };
        if table_emblem(car).is_some() {
            found.emblem_source = "table";
            return found;
        }
        let Some(s) = &opts.search else {
            return found;
        };
        found.brand_looked_up = true;
        match search::brand_facts(s, &wiki_title(car), cancel).await {
            Ok(facts) => {
                brand_event(callbacks, car, facts.as_ref());
                found.emblem = facts.as_ref().map(|f| emblem_from_facts(&car.brand, f));
                if found.emblem.is_some() {
                    found.emblem_source = "search";
                }
                found.facts = facts;
            }
            Err(e) => found.warn(
                callbacks,
                format!(
                    "Brand search failed for {}: {e}; prompts describe no emblem",
                    car.brand
                ),
            ),
        }
        found
    }

    /// The emblem the prompts describe, when the search described it.
    pub(super) fn emblem(&self) -> Option<String> {
        self.emblem.clone()
    }

    /// Reports a search warning and keeps it for `debug.warnings`.
    pub(super) fn warn(&mut self, callbacks: &Callbacks, message: String) {
        callbacks.event("search", Level::Warn, message.clone(), None, None);
        self.warnings.push(message);
    }
}

/// The Wikipedia title of the car's brand.
fn wiki_title(car: &CarData) -> String {
    car.known_brand
        .map_or_else(|| car.brand.clone(), |b| b.wiki_title.to_owned())
}

fn brand_event(callbacks: &Callbacks, car: &CarData, facts: Option<&BrandFacts>) {
    let message = match facts {
        Some(f) => format!(
            "Logo info found for {}: {}",
            car.brand,
            f.description.as_deref().unwrap_or(&f.title)
        ),
        None => format!("No Wikipedia page found for {}", car.brand),
    };
    callbacks.event("search", Level::Info, message, None, None);
}

impl Run {
    /// The brand facts for `debug` when the prompts did not need them first.
    pub(super) async fn enrich_brand(&self) {
        let Some(s) = &self.opts.search else { return };
        if self.found.borrow().brand_looked_up {
            return;
        }
        match search::brand_facts(s, &wiki_title(&self.car), &self.cancel).await {
            Ok(facts) => {
                brand_event(&self.callbacks, &self.car, facts.as_ref());
                self.found.borrow_mut().facts = facts;
            }
            Err(e) => {
                let message = format!("Brand search failed for {}: {e}", self.car.brand);
                self.found.borrow_mut().warn(&self.callbacks, message);
            }
        }
    }

    /// The reference photo of a view, when the search is on.
    pub(super) async fn find_reference(&self, image: &PlannedImage) -> Option<Reference> {
        let s = self.opts.search.as_ref()?;
        let angle = Angle::parse(image.angle).unwrap_or(Angle::Front);
        self.report
            .borrow_mut()
            .queries
            .insert(image.angle.to_owned(), commons_query(&self.car, angle));
        match search::reference(s, &self.car, angle, &self.cancel).await {
            Ok(Some(r)) => {
                let message = format!(
                    "Reference photo found for {}: {} ({}, {})",
                    image.angle, r.page_url, r.author, r.license
                );
                self.event_for(image.angle, "search", Level::Info, message);
                self.report.borrow_mut().found.push(image.angle.to_owned());
                Some(r)
            }
            Ok(None) => {
                let message = format!("No reference photo for {}", image.angle);
                self.event_for(image.angle, "search", Level::Info, message);
                None
            }
            Err(e) => {
                let message = format!("Reference photo search failed for {}: {e}", image.angle);
                self.found.borrow_mut().warn(&self.callbacks, message);
                None
            }
        }
    }
}
