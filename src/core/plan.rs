//! The plan: everything `generateCarImages` will ask for, computed offline —
//! the session id, each view's title, seed and prompts. It is the original
//! design's `sync_generate_all_prompts` without the network.

use crate::core::angles::Angle;
use crate::core::error::{CarViewsError, Rule};
use crate::core::identity::{seed, session_id};
use crate::core::language::Language;
use crate::core::logos::Placement;
use crate::core::prompt::{build_prompt_with, table_emblem, Emblem};
use crate::core::raw::Raw;
use crate::core::request::{
    not_string, parse_language, parse_request, parse_variation, CarData, CarRequest,
};
use serde::Serialize;

/// How the views of one car are kept alike; serialised as the option's
/// spelling (`shared-seed`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub enum Consistency {
    /// Main angle first, the others conditioned on its image where the
    /// provider takes a reference, else on the shared seed.
    #[default]
    Anchor,
    /// Every angle with the main angle's seed.
    SharedSeed,
    /// Independent per-angle seeds (the original design).
    PerAngle,
}

impl Consistency {
    /// Parses `"anchor"`, `"shared-seed"` or `"per-angle"`.
    pub fn parse(s: &str) -> Option<Consistency> {
        match s {
            "anchor" => Some(Consistency::Anchor),
            "shared-seed" => Some(Consistency::SharedSeed),
            "per-angle" => Some(Consistency::PerAngle),
            _ => None,
        }
    }

    /// The option's spelling.
    pub fn name(self) -> &'static str {
        match self {
            Consistency::Anchor => "anchor",
            Consistency::SharedSeed => "shared-seed",
            Consistency::PerAngle => "per-angle",
        }
    }
}

/// The options the plan depends on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanOptions {
    /// A new, still reproducible, series for the same car.
    pub variation: Option<String>,
    /// The language of titles.
    pub language: Language,
    /// How views are kept alike; decides the seeds.
    pub consistency: Consistency,
}

impl PlanOptions {
    /// Reads the plan's options from the caller's `options` object (absent
    /// means all defaults). Unknown keys are ignored: the same object also
    /// carries `generateCarImages`' other options.
    pub fn parse(raw: &Raw) -> Result<PlanOptions, CarViewsError> {
        match raw {
            Raw::Missing | Raw::Null | Raw::Object(_) => {}
            other => {
                return Err(CarViewsError::invalid(
                    "options",
                    Rule::NotObject,
                    format!("must be an object, not {}", other.kind()),
                ))
            }
        }
        let variation = parse_variation(raw.get("variation"), "options.variation")?;
        let language = parse_language(raw.get("language"), "options.language")?.unwrap_or_default();
        let consistency = match raw.get("consistency") {
            Raw::Missing | Raw::Null => Consistency::default(),
            Raw::Text(mode) => Consistency::parse(mode).ok_or_else(|| {
                CarViewsError::invalid(
                    "options.consistency",
                    Rule::OutOfRange,
                    "must be \"anchor\", \"shared-seed\" or \"per-angle\"",
                )
            })?,
            other => return Err(not_string("options.consistency", other)),
        };
        Ok(PlanOptions {
            variation,
            language,
            consistency,
        })
    }
}

/// The normalised car, as the plan reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(
    target_arch = "wasm32",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct NormalisedCar {
    /// Canonical brand spelling, or the input as typed.
    pub brand: String,
    /// Canonical model spelling, or the input as typed.
    pub model: String,
    /// Model year.
    pub year: i32,
    /// Canonical English colour, an unknown word, or empty.
    pub color: String,
    /// Canonical body type, an unknown word, or empty.
    pub body_type: String,
}

impl From<&CarData> for NormalisedCar {
    fn from(car: &CarData) -> Self {
        NormalisedCar {
            brand: car.brand.clone(),
            model: car.model.clone(),
            year: car.year,
            color: car.colour_name(),
            body_type: car.body_name(),
        }
    }
}

/// One view of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(
    target_arch = "wasm32",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct PlannedImage {
    /// The angle.
    pub angle: Angle,
    /// Human title in the requested language.
    pub title: &'static str,
    /// The seed this view is requested with.
    pub seed: u32,
    /// The prompt.
    pub prompt: String,
    /// The negative prompt.
    pub negative_prompt: String,
    /// Whether this is the main view (the first requested angle).
    #[serde(rename = "isMain")]
    pub is_main: bool,
}

/// The whole plan, as `planCarImages` returns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(
    target_arch = "wasm32",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct CarImagesPlan {
    /// `CAR-` and 8 hex digits, reproducible from the car.
    pub session_id: String,
    /// The normalised car.
    pub car: NormalisedCar,
    /// The consistency mode the seeds were chosen for.
    pub consistency: Consistency,
    /// One entry per distinct requested angle, in request order.
    pub images: Vec<PlannedImage>,
    /// What was accepted but is worth telling.
    pub warnings: Vec<String>,
}

/// Plans a request: validates it, derives identity and prompts.
pub fn plan_car_images(
    request: &Raw,
    options: &PlanOptions,
    current_year: i32,
) -> Result<CarImagesPlan, CarViewsError> {
    let req = parse_request(request, current_year)?;
    Ok(plan_request(&req, options))
}

/// Plans an already validated request.
pub fn plan_request(req: &CarRequest, options: &PlanOptions) -> CarImagesPlan {
    plan_request_with(req, options, None)
}

/// Plans a request; `found_emblem` describes the emblem of a brand the
/// built-in table lacks (from the web search). The table always wins.
pub fn plan_request_with(
    req: &CarRequest,
    options: &PlanOptions,
    found_emblem: Option<&str>,
) -> CarImagesPlan {
    let emblem = table_emblem(&req.car).or_else(|| {
        found_emblem.map(|text| Emblem {
            text,
            placement: Placement::Grille,
        })
    });
    let session = session_id(&req.car, options.variation.as_deref());
    let main = req.angles.first().copied().unwrap_or(Angle::Front);
    let main_seed = seed(&session, main);
    let mut images = Vec::with_capacity(req.angles.len());
    for &angle in &req.angles {
        let prompt = build_prompt_with(&req.car, angle, emblem);
        images.push(PlannedImage {
            angle,
            title: angle.title(options.language),
            seed: match options.consistency {
                Consistency::PerAngle => seed(&session, angle),
                Consistency::SharedSeed | Consistency::Anchor => main_seed,
            },
            prompt: prompt.text,
            negative_prompt: prompt.negative,
            is_main: angle == main,
        });
    }
    CarImagesPlan {
        session_id: session,
        car: NormalisedCar::from(&req.car),
        consistency: options.consistency,
        images,
        warnings: req.warnings.clone(),
    }
}
