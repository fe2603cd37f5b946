//! The response of `generateCarImages` — the original endpoint's fields,
//! unchanged, plus the additions — and the progress events.

use serde::Serialize;

use crate::core::angles::Angle;
use crate::core::generate::next::{ErrorCode, PaymentReason};
use crate::core::generate::providers::Provider;
use crate::core::plan::{CarImagesPlan, Consistency, PlannedImage};

/// A licensed reference photo (filled by the web-search step).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(
    target_arch = "wasm32",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct Reference {
    /// Image URL.
    pub url: String,
    /// The photo's page.
    pub page_url: String,
    /// Author.
    pub author: String,
    /// Licence.
    pub license: String,
}

/// How one image was kept like the others, as its `consistency.mode` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub enum Mode {
    /// Conditioned on the main view's image (or the main view itself).
    Anchor,
    /// Made with the main view's seed.
    SharedSeed,
    /// Made with its own seed.
    PerAngle,
    /// The built-in preview standing in.
    Preview,
    /// The seller's own photo.
    Photo,
}

impl From<Consistency> for Mode {
    fn from(c: Consistency) -> Mode {
        match c {
            Consistency::Anchor => Mode::Anchor,
            Consistency::SharedSeed => Mode::SharedSeed,
            Consistency::PerAngle => Mode::PerAngle,
        }
    }
}

/// The pixel check of one image (filled by the consistency step).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    target_arch = "wasm32",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct ConsistencyReport {
    /// The consistency mode used for this image.
    pub mode: Mode,
    /// Dominant paint colour found.
    pub dominant_hex: Option<String>,
    /// ΔE00 to the requested colour.
    pub delta_e_requested: Option<f64>,
    /// ΔE00 to the main view.
    pub delta_e_main: Option<f64>,
    /// Whether the image passed (true when it could not be checked).
    pub ok: bool,
    /// Whether the pixels were checked (false where no decoder exists, as in Node, or with `verify: false`).
    pub verified: bool,
}

/// One image of the response.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    target_arch = "wasm32",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct GeneratedImage {
    /// Displays in an `<img>`: the provider URL, or a `blob:`/`data:` URL.
    pub url: String,
    /// The angle.
    pub angle: Angle,
    /// The seed requested.
    pub seed: u32,
    /// The session id.
    pub session_id: String,
    /// The first requested angle.
    #[serde(rename = "isMain")]
    pub is_main: bool,
    /// The prompt.
    pub prompt: String,
    /// Human title.
    pub title: &'static str,
    /// `dalle`, `pollinations`, `preview` or `photo`.
    pub provider: Provider,
    /// The model that produced it (`svg` for the built-in renderer).
    pub model: String,
    /// The provider URL without any secret, when there is one.
    pub source_url: Option<String>,
    /// True when no AI provider delivered and the preview stands in.
    pub fallback: bool,
    /// Why it fell back, when it did.
    pub error: Option<String>,
    /// The same reason as a code a UI can translate.
    pub error_code: Option<ErrorCode>,
    /// A reference photo, when the search found one.
    pub reference: Option<Reference>,
    /// The colour check, when it ran.
    pub consistency: Option<ConsistencyReport>,
    /// Milliseconds from the call to this image.
    pub elapsed_ms: u32,
    /// True only for the instant previews sent to `onImage` before the AI images.
    pub placeholder: bool,
    /// `"{session_id}_{angle}.{ext}"`, the extension from the bytes' real
    /// type: a name to save the image's `blob` under.
    pub file_name: String,
}

/// The extension of an image type (`image/jpeg` → `jpg`); `img` for a type
/// that names none.
pub fn extension(content_type: &str) -> &'static str {
    let subtype = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    match subtype.as_str() {
        "image/jpeg" | "image/jpg" => "jpg",
        "image/png" => "png",
        "image/webp" => "webp",
        "image/svg+xml" => "svg",
        "image/gif" => "gif",
        "image/avif" => "avif",
        _ => "img",
    }
}

impl GeneratedImage {
    /// An image of a planned view from a provider.
    pub fn from_plan(
        plan: &CarImagesPlan,
        image: &PlannedImage,
        provider: Provider,
        model: &str,
        url: String,
    ) -> Self {
        GeneratedImage {
            url,
            angle: image.angle,
            seed: image.seed,
            session_id: plan.session_id.clone(),
            is_main: image.is_main,
            prompt: image.prompt.clone(),
            title: image.title,
            provider,
            model: model.to_owned(),
            source_url: None,
            fallback: false,
            error: None,
            error_code: None,
            reference: None,
            consistency: None,
            elapsed_ms: 0,
            placeholder: false,
            file_name: format!("{}_{}.img", plan.session_id, image.angle.name()),
        }
    }

    /// Names the file after the bytes' type.
    pub fn name_file(&mut self, content_type: &str) {
        self.file_name = format!(
            "{}_{}.{}",
            self.session_id,
            self.angle.name(),
            extension(content_type)
        );
    }
}

/// One provider attempt series, for `debug.providers_tried`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(
    target_arch = "wasm32",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct ProviderTry {
    /// Angle.
    pub angle: Angle,
    /// Provider.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "\"dalle\" | \"pollinations\""))]
    pub provider: Provider,
    /// Requests sent.
    pub attempts: u32,
    /// `ok`, or what went wrong last.
    pub outcome: String,
    /// What went wrong last, as a code (`null` when it delivered).
    pub error_code: Option<ErrorCode>,
}

/// What the views after the main one followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub enum Via {
    /// The copy of the main view uploaded to the media service.
    Media,
    /// The main view's own keyless generation URL.
    GenUrl,
    /// The proxy's `/images/edits` with the main image attached.
    Bytes,
}

/// What the views after the main one followed in anchor mode, for `debug.anchor`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(
    target_arch = "wasm32",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct AnchorReport {
    /// The reference image URL the reference model fetched, when there was one.
    pub url: Option<String>,
    /// Whether the main view was uploaded to the media service for it.
    pub uploaded: bool,
    /// `media` (the uploaded copy), `gen-url` (the main view's own keyless
    /// URL), `bytes` (the proxy's `/images/edits` with the image attached),
    /// or `null` (nothing to follow: the views share the main seed).
    pub via: Option<Via>,
}

/// The colour check over a whole response, for `debug.verification`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(
    target_arch = "wasm32",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct Verification {
    /// Images whose pixels were checked.
    pub checked: usize,
    /// Of those, how many passed.
    pub passed: usize,
    /// Views made again because their paint drifted.
    pub regenerated: u32,
    /// The angles that still fail after regeneration.
    pub failing: Vec<Angle>,
}

impl Verification {
    /// Sums up the images' reports.
    pub fn of(images: &[GeneratedImage], regenerated: u32) -> Verification {
        let mut v = Verification {
            regenerated,
            ..Verification::default()
        };
        for image in images {
            match &image.consistency {
                Some(c) if c.verified && c.ok => v.passed += 1,
                Some(c) if c.verified => v.failing.push(image.angle),
                _ => continue,
            }
            v.checked += 1;
        }
        v
    }
}

/// `debug`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    target_arch = "wasm32",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct DebugInfo {
    /// The distinct angles, in request order.
    pub requested_angles: Vec<Angle>,
    /// Images from AI providers.
    pub generated_count: usize,
    /// Warnings of the plan and of the run.
    pub warnings: Vec<String>,
    /// Milliseconds per angle, and `total`.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Record<string, number>"))]
    pub timings_ms: crate::core::pairs::Pairs<u32>,
    /// Every provider tried for every angle.
    pub providers_tried: Vec<ProviderTry>,
    /// The consistency mode.
    pub consistency: Consistency,
    /// Whether the response came from the in-memory cache.
    pub cached: bool,
    /// What the web search found, when it ran.
    pub search: Option<crate::core::search::SearchReport>,
    /// The colour check over all images.
    pub verification: Verification,
    /// What the views followed in anchor mode (`null` in the other modes).
    pub anchor: Option<AnchorReport>,
}

/// What `generateCarImages` resolves to.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    target_arch = "wasm32",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct CarImagesResponse {
    /// True only when every angle came from an AI provider.
    pub success: bool,
    /// The session id.
    pub session_id: String,
    /// One image per requested angle, in request order.
    pub images: Vec<GeneratedImage>,
    /// Images from AI providers.
    pub total_generated: usize,
    /// Diagnostics.
    pub debug: DebugInfo,
}

impl CarImagesResponse {
    /// Assembles the response from the settled images (one per angle).
    pub fn assemble(
        plan: &CarImagesPlan,
        images: Vec<GeneratedImage>,
        tried: Vec<ProviderTry>,
        total_ms: u32,
        warnings: Vec<String>,
    ) -> Self {
        let generated = images.iter().filter(|i| !i.fallback).count();
        let mut timings = crate::core::pairs::Pairs::new();
        for i in &images {
            timings.insert(i.angle.name(), i.elapsed_ms);
        }
        timings.insert("total", total_ms);
        let mut requested_angles = Vec::with_capacity(plan.images.len());
        for image in &plan.images {
            requested_angles.push(image.angle);
        }
        let mut all_warnings = plan.warnings.clone();
        all_warnings.extend(warnings);
        CarImagesResponse {
            success: generated == images.len() && !images.is_empty(),
            session_id: plan.session_id.clone(),
            total_generated: generated,
            debug: DebugInfo {
                requested_angles,
                generated_count: generated,
                warnings: all_warnings,
                timings_ms: timings,
                providers_tried: tried,
                consistency: plan.consistency,
                cached: false,
                search: None,
                verification: Verification::default(),
                anchor: None,
            },
            images,
        }
    }
}

/// How loud an event is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub enum Level {
    /// Progress.
    Info,
    /// Something failed and was handled.
    Warn,
}

/// The stage of the run an event reports on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub enum Stage {
    /// The run started.
    Start,
    /// The previews were drawn.
    Preview,
    /// The response came from the in-memory cache.
    Cache,
    /// Brand facts and reference photos.
    Search,
    /// A provider is queueing: one request at a time.
    Throttle,
    /// A request is retried.
    Retry,
    /// A provider gave no image, or said something worth telling.
    Provider,
    /// The colour check, the anchor, regenerations.
    Consistency,
    /// An AI image arrived.
    Image,
    /// The preview stands in for a view.
    Fallback,
    /// The run is done.
    Done,
}

/// A structured progress event for `onEvent`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(
    target_arch = "wasm32",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct CarViewsEvent {
    /// Which stage of the run it reports on.
    pub stage: Stage,
    /// Info or warn.
    pub level: Level,
    /// A line like the original design's log.
    pub message: String,
    /// The angle it concerns.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub angle: Option<Angle>,
    /// The provider it concerns.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(optional, type = "\"dalle\" | \"pollinations\"")
    )]
    pub provider: Option<Provider>,
    /// What went wrong, where the event reports a failure.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub code: Option<ErrorCode>,
    /// For a 402, which money it is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub reason: Option<PaymentReason>,
    /// Milliseconds since the call.
    pub elapsed_ms: u32,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::plan::{plan_car_images, PlanOptions};
    use crate::core::raw::Raw;

    #[test]
    fn files_are_named_after_their_real_type() {
        for (t, ext) in [
            ("image/jpeg", "jpg"),
            ("IMAGE/PNG; charset=binary", "png"),
            ("image/webp", "webp"),
            ("image/svg+xml", "svg"),
            ("application/octet-stream", "img"),
        ] {
            assert_eq!(extension(t), ext, "{t}");
        }
    }

    #[test]
    fn verification_counts_the_checked_images_and_names_the_failing_ones() {
        let car = Raw::object([
            ("brand", Raw::text("Renault")),
            ("model", Raw::text("Clio")),
            ("year", Raw::Number(2019.0)),
        ]);
        let angles = ["front", "side", "rear", "top", "interior"].map(Raw::text);
        let request = Raw::object([("car_data", car), ("angles", Raw::List(angles.to_vec()))]);
        let plan = plan_car_images(&request, &PlanOptions::default(), 2026).unwrap();
        let report = |verified, ok| ConsistencyReport {
            mode: Mode::Anchor,
            dominant_hex: None,
            delta_e_requested: None,
            delta_e_main: None,
            ok,
            verified,
        };
        let reports = [
            Some(report(true, true)),
            Some(report(true, false)),
            Some(report(false, true)),
            None,
            Some(report(true, false)),
        ];
        let images: Vec<GeneratedImage> = plan
            .images
            .iter()
            .zip(reports)
            .map(|(planned, r)| {
                let mut g = GeneratedImage::from_plan(
                    &plan,
                    planned,
                    Provider::Pollinations,
                    "flux",
                    String::new(),
                );
                g.consistency = r;
                g
            })
            .collect();
        assert_eq!(
            Verification::of(&images, 2),
            Verification {
                checked: 3,
                passed: 1,
                regenerated: 2,
                failing: vec![Angle::Side, Angle::Interior],
            }
        );
    }
}
