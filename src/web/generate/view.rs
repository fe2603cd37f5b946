//! One view of a run: through the provider chain, its paint checked, made
//! again with the next seed when it drifted (the better attempt kept), and
//! the built-in preview when no provider delivers.

use web_sys::Blob;

use super::{ownership, PhotoSearch, Run, Shown};
use crate::core::colour::{Lab, Rgb8};
use crate::core::generate::consistency::{
    anchored_prompt, distance, dominant_paint, judge, regeneration_seed, MAX_REGENERATIONS,
};
use crate::core::generate::failure::{ErrorCode, Failure};
use crate::core::generate::options::PollinationsApi;
use crate::core::generate::providers::{
    dalle_takes_reference, pollinations_takes_reference, HttpRequest, Provider,
};
use crate::core::generate::response::{ConsistencyReport, GeneratedImage, Level};
use crate::core::plan::{Consistency, PlannedImage};
use crate::web::http::{fetch, Answer, Body, Expect};
use crate::web::pixels;

/// Decoded RGBA pixels, width and height.
pub(super) type Pixels = (Vec<u8>, usize, usize);

/// What a view follows: an image URL (Pollinations' `image=`) and/or image
/// bytes (the proxy's `/images/edits`).
pub(super) struct Follow<'a> {
    pub(super) url: Option<&'a str>,
    pub(super) bytes: Option<&'a Blob>,
}

/// What the views after the main one follow in anchor mode.
pub(super) struct Anchor {
    /// The main image's public URL, when it has one.
    pub(super) url: Option<String>,
    /// The main image's bytes, for providers that take an upload.
    pub(super) bytes: Option<Blob>,
    /// The main image's paint, when it was checked.
    pub(super) paint: Option<Lab>,
}

/// Why a provider gave no image for an angle.
pub(super) enum Miss {
    Aborted,
    Failed(Failure),
}

impl Follow<'_> {
    /// Whether the view is conditioned on an image (a URL or bytes).
    fn conditioned(&self) -> bool {
        self.url.is_some() || self.bytes.is_some()
    }
}

/// Whether a regenerated image is better than the one before it.
fn keeps_new(prev: &GeneratedImage, new: &GeneratedImage) -> bool {
    match (&prev.consistency, &new.consistency) {
        (Some(p), Some(n)) => n.ok || (!p.ok && distance(n) < distance(p)),
        _ => true,
    }
}

impl Run {
    /// One view, as it ends: an AI image or the preview, with its
    /// reference photo, handed to `onImage`. `None` when the caller
    /// aborted. The view waits for its photo search (started with the run,
    /// under its own short timeout) only when it is conditioned on the photo,
    /// and at the end.
    pub(super) async fn one(
        &self,
        image: &PlannedImage,
        photo: &PhotoSearch<'_>,
        anchor: Option<&Anchor>,
    ) -> Option<Shown> {
        let conditioned_on_photo = self
            .opts
            .search
            .as_ref()
            .is_some_and(|s| s.reference_conditioning && image.is_main);
        let reference = if conditioned_on_photo {
            photo.clone().await
        } else {
            None
        };
        let follow = Follow {
            url: reference
                .as_ref()
                .map(|r| r.url.as_str())
                .or(anchor.and_then(|a| a.url.as_deref())),
            bytes: anchor.and_then(|a| a.bytes.as_ref()),
        };
        let mut errors = Vec::new();
        let mut result = self.attempts(image, &follow, anchor, &mut errors).await;
        // A conditioned view that failed is not a lost view: the same view
        // again, unconditioned, on the main view's seed (shared-seed).
        if let (Err(Miss::Failed(f)), true) = (&result, follow.conditioned()) {
            if !self.cancel.aborted() {
                let message = format!(
                    "{}: the request conditioned on the main view failed ({}); making it unconditioned with the main view's seed",
                    image.angle, f.why
                );
                self.event_for(image.angle, "consistency", Level::Warn, message);
                let mut unconditioned = image.clone();
                if let Some(main) = self.plan.images.first() {
                    unconditioned.seed = main.seed;
                }
                let none = Follow {
                    url: None,
                    bytes: None,
                };
                result = self
                    .attempts(&unconditioned, &none, anchor, &mut errors)
                    .await;
            }
        }
        let best = match result {
            Err(Miss::Aborted) => return None,
            Err(Miss::Failed(_)) if self.cancel.aborted() => return None,
            Err(Miss::Failed(_)) => None,
            Ok(best) => Some(best),
        };
        let (mut g, blob) = match best {
            Some((mut g, mut blob)) => {
                if blob.is_none() {
                    // An image by URL (the proxy's): its bytes, to keep.
                    blob = self.fetch_image(&g.url).await;
                }
                if let Some(b) = &blob {
                    g.name_file(&b.type_());
                }
                let message = format!(
                    "Generated {} with seed {} ({})",
                    image.angle, g.seed, g.provider
                );
                self.callbacks.event(
                    "image",
                    Level::Info,
                    message,
                    Some(image.angle),
                    Some(g.provider),
                );
                (g, blob)
            }
            None => self.fallback(image, &errors),
        };
        g.reference = photo.clone().await;
        g.elapsed_ms = self.elapsed();
        self.callbacks.image(&g, blob.as_ref());
        Some((g, blob))
    }

    /// The view's attempts: the first, and one more with the next seed
    /// while the paint drifted; the best attempt and its bytes.
    async fn attempts(
        &self,
        image: &PlannedImage,
        follow: &Follow<'_>,
        anchor: Option<&Anchor>,
        errors: &mut Vec<Failure>,
    ) -> Result<(GeneratedImage, Option<Blob>), Miss> {
        let mut best: Option<(GeneratedImage, Option<Blob>)> = None;
        for attempt in 0..=MAX_REGENERATIONS {
            let mut variant = image.clone();
            if attempt > 0 {
                variant.seed = regeneration_seed(&self.plan.session_id, image.angle, attempt);
            }
            if anchor.is_some() && follow.conditioned() {
                variant.prompt = anchored_prompt(&image.prompt);
            }
            let (provider, (mut g, blob, decoded)) =
                match self.through_chain(&variant, follow, errors).await {
                    Ok(found) => found,
                    Err(Miss::Failed(why)) if best.is_none() => return Err(Miss::Failed(why)),
                    Err(Miss::Failed(_)) => break,
                    Err(Miss::Aborted) => return Err(Miss::Aborted),
                };
            let mode = self.mode(provider, anchor, follow);
            let (report, blob) = self
                .check(&g, blob, decoded, mode, anchor.and_then(|a| a.paint))
                .await;
            let passed = report.ok;
            if !passed {
                let delta = report
                    .delta_e_requested
                    .or(report.delta_e_main)
                    .unwrap_or(0.0);
                let message = format!(
                    "{}: the paint drifted (ΔE00 {delta:.1}) in attempt {} with seed {}",
                    image.angle,
                    attempt + 1,
                    variant.seed
                );
                self.callbacks.event(
                    "consistency",
                    Level::Warn,
                    message,
                    Some(image.angle),
                    Some(g.provider),
                );
            }
            g.consistency = Some(report);
            // The attempt not kept is never shown: its object URL goes now.
            best = match best.take() {
                Some(prev) if attempt > 0 && !keeps_new(&prev.0, &g) => {
                    ownership::discard(&g.url);
                    Some(prev)
                }
                Some(prev) => {
                    ownership::discard(&prev.0.url);
                    Some((g, blob))
                }
                None => Some((g, blob)),
            };
            if passed {
                break;
            }
            if attempt < MAX_REGENERATIONS {
                self.regenerated.set(self.regenerated.get() + 1);
                let next = regeneration_seed(&self.plan.session_id, image.angle, attempt + 1);
                let message = format!("{}: regenerating with seed {next}", image.angle);
                self.event_for(image.angle, "consistency", Level::Info, message);
            }
        }
        best.ok_or_else(|| {
            let code = errors.last().map_or(ErrorCode::NoProvider, |f| f.code);
            Miss::Failed(Failure::new(super::provider::joined(errors), code))
        })
    }

    /// The preview standing in for a view no provider delivered, saying why.
    fn fallback(&self, image: &PlannedImage, errors: &[Failure]) -> Shown {
        let (why, code) = match errors.last() {
            None => (
                "no AI provider is configured".to_owned(),
                ErrorCode::NoProvider,
            ),
            Some(last) => (super::provider::joined(errors), last.code),
        };
        let message = format!(
            "{}: no AI image ({why}); the built-in preview stands in",
            image.angle
        );
        self.event_for(image.angle, "fallback", Level::Warn, message);
        let (mut g, blob) = self.preview(image);
        g.fallback = true;
        g.error = Some(why);
        g.error_code = Some(code);
        g.consistency = Some(judge("preview", None, None, None));
        (g, blob)
    }

    /// The paint the request asked for, when the vocabulary knows it.
    /// (From the seller's photo, the views are held to the photo's paint
    /// alone: the photo is the car.)
    fn requested_paint(&self) -> Option<Rgb8> {
        if self.photo.is_some() {
            return None;
        }
        self.car.known_colour_rgb()
    }

    /// The colour check of one image: its dominant paint against the
    /// requested colour and the main view's paint.
    async fn check(
        &self,
        g: &GeneratedImage,
        blob: Option<Blob>,
        decoded: Option<Pixels>,
        mode: &str,
        main: Option<Lab>,
    ) -> (ConsistencyReport, Option<Blob>) {
        if !self.opts.verify || !pixels::supported() {
            return (judge(mode, None, None, None), blob);
        }
        let blob = match blob {
            Some(b) => Some(b),
            None => self.fetch_image(&g.url).await,
        };
        let decoded = match (decoded, &blob) {
            (Some(px), _) => Some(px),
            (None, Some(b)) => pixels::pixels(b).await,
            (None, None) => None,
        };
        // Legacy Pollinations watermarks every image at the bottom.
        let watermarked = g.provider == Provider::Pollinations.name()
            && self
                .opts
                .pollinations
                .as_ref()
                .is_some_and(|p| p.api == PollinationsApi::Legacy);
        let dominant = decoded
            .and_then(|(px, w, h)| dominant_paint(&px, w, h, self.requested_paint(), watermarked));
        (
            judge(mode, dominant.as_ref(), self.requested_paint(), main),
            blob,
        )
    }

    /// Decodes fetched image bytes where the runtime can (a browser): `Err`
    /// for a truncated or corrupt image, which is never shown; the pixels are
    /// kept for the colour check.
    pub(super) async fn decode(&self, blob: Option<&Blob>) -> Result<Option<Pixels>, ()> {
        match blob {
            Some(b) if pixels::supported() => pixels::pixels(b).await.map(Some).ok_or(()),
            _ => Ok(None),
        }
    }

    /// The bytes behind an image URL the provider returned (CORS permitting).
    async fn fetch_image(&self, url: &str) -> Option<Blob> {
        let request = HttpRequest::get(url);
        match fetch(&request, Expect::Image, self.opts.timeout_ms, &self.cancel).await {
            Ok(Answer {
                status: 200..=299,
                body: Body::Blob(b),
                ..
            }) => Some(b),
            _ => None,
        }
    }

    /// The consistency mode an image of `provider` is made in, following
    /// `follow` (the main view itself is `anchor`).
    fn mode(
        &self,
        provider: Provider,
        anchor: Option<&Anchor>,
        follow: &Follow<'_>,
    ) -> &'static str {
        match Consistency::parse(self.plan.consistency).unwrap_or_default() {
            Consistency::PerAngle => "per-angle",
            Consistency::SharedSeed => "shared-seed",
            Consistency::Anchor => match (anchor, provider) {
                (None, _) => "anchor",
                (Some(_), Provider::Pollinations)
                    if follow.url.is_some()
                        && self
                            .opts
                            .pollinations
                            .as_ref()
                            .is_some_and(pollinations_takes_reference) =>
                {
                    "anchor"
                }
                (Some(_), Provider::Dalle)
                    if follow.bytes.is_some()
                        && self.opts.dalle.as_ref().is_some_and(dalle_takes_reference) =>
                {
                    "anchor"
                }
                (Some(_), _) => "shared-seed",
            },
        }
    }
}
