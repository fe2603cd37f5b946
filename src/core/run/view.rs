//! One view of a run: through the provider chain, its paint checked, made
//! again with the next seed when it drifted (the better attempt kept), made
//! again unconditioned when a conditioned request failed, and the built-in
//! preview when no provider delivers. It gives back what happened to it.

use crate::core::colour::Lab;
use crate::core::generate::consistency::{
    anchored_prompt, distance, dominant_paint, judge, regeneration_seed, MAX_REGENERATIONS,
};
use crate::core::generate::next::{ErrorCode, Failure, Next};
use crate::core::generate::options::PollinationsApi;
use crate::core::generate::providers::{dalle_takes_reference, HttpRequest, Provider};
use crate::core::generate::response::{ConsistencyReport, GeneratedImage, Level, Mode, Stage};
use crate::core::plan::{Consistency, PlannedImage};
use crate::core::run::anchor::Anchor;
use crate::core::run::io::{fetch, Body, Io, Pixels};
use crate::core::run::provider::{Delivered, Follow, Miss, ViewLog};
use crate::core::run::{Aborted, PhotoSearch, Run, Settled, ViewDone};

/// The image a view keeps, before it is shown.
pub(crate) struct Kept<I> {
    image: GeneratedImage,
    bytes: Option<I>,
    /// Whether it is shown from its bytes (it was fetched with a key).
    from_bytes: bool,
}

/// How a view's attempts ended: the image kept (none: every provider
/// failed), and what the view went through.
pub(crate) struct Outcome<I> {
    kept: Option<Kept<I>>,
    log: ViewLog,
}

impl<I> Outcome<I> {
    /// The image kept and its bytes, for the anchor to follow.
    pub(crate) fn kept(&self) -> Option<(&GeneratedImage, Option<&I>)> {
        self.kept.as_ref().map(|k| (&k.image, k.bytes.as_ref()))
    }
}

/// Whether a regenerated image is better than the one before it.
fn keeps_new(prev: &GeneratedImage, new: &GeneratedImage) -> bool {
    match (&prev.consistency, &new.consistency) {
        (Some(p), Some(n)) => n.ok || (!p.ok && distance(n) < distance(p)),
        _ => true,
    }
}

impl<I: Io> Run<'_, I> {
    /// One view, as it ends: an AI image or the preview, with its reference
    /// photo, handed to `onImage`.
    pub(crate) async fn view(
        &self,
        image: &PlannedImage,
        photo: &PhotoSearch<'_>,
        anchor: Option<&Anchor<I::Image>>,
    ) -> Settled<I::Image> {
        let settled = self.settle(image, photo, anchor).await?;
        Ok(self.finish(image, photo, settled).await)
    }

    /// A view's attempts, to the image it keeps (not shown yet) or the
    /// chain's failure. The view waits for its photo search (started with
    /// the run, under its own short timeout) only when it is conditioned on
    /// the photo.
    pub(crate) async fn settle(
        &self,
        image: &PlannedImage,
        photo: &PhotoSearch<'_>,
        anchor: Option<&Anchor<I::Image>>,
    ) -> Result<Outcome<I::Image>, Aborted> {
        let conditioned_on_photo = self
            .opts
            .search
            .as_ref()
            .is_some_and(|s| s.reference_conditioning && image.is_main);
        let reference = match conditioned_on_photo {
            true => photo.clone().await.and_then(|f| f.reference),
            false => None,
        };
        let follow = Follow {
            url: reference
                .as_ref()
                .map(|r| r.url.as_str())
                .or(anchor.and_then(|a| a.url.as_deref())),
            bytes: anchor.and_then(|a| a.bytes.as_ref()),
        };
        let mut log = ViewLog::default();
        let mut result = self.attempts(image, &follow, anchor, &mut log).await;
        if let Err(Miss::Failed(f, Next::Unconditioned)) = &result {
            // A conditioned view that failed is not a lost view: the same
            // view again, unconditioned, on the main view's seed.
            let message = format!(
                "{}: the request conditioned on the main view failed ({}); making it unconditioned with the main view's seed",
                image.angle.name(), f.why
            );
            self.say_for(image.angle, Stage::Consistency, Level::Warn, message);
            let mut unconditioned = image.clone();
            if let Some(main) = self.plan.images.first() {
                unconditioned.seed = main.seed;
            }
            let none = Follow {
                url: None,
                bytes: None,
            };
            result = self.attempts(&unconditioned, &none, anchor, &mut log).await;
        }
        let kept = match result {
            Err(Miss::Aborted) => return Err(Aborted),
            Err(Miss::Failed(..)) if self.io.aborted() => return Err(Aborted),
            Err(Miss::Failed(..)) => None,
            Ok(mut kept) => {
                if kept.bytes.is_none() {
                    // An image by URL (the proxy's): its bytes, to keep.
                    kept.bytes = self.fetch_image(&kept.image.url).await;
                }
                Some(kept)
            }
        };
        Ok(Outcome { kept, log })
    }

    /// Shows a settled view: the image kept, from an object URL of its
    /// bytes where it was fetched with a key, or the preview saying why not.
    pub(crate) async fn finish(
        &self,
        image: &PlannedImage,
        photo: &PhotoSearch<'_>,
        outcome: Outcome<I::Image>,
    ) -> ViewDone<I::Image> {
        let Outcome { kept, mut log } = outcome;
        let shown = match kept {
            Some(Kept {
                image,
                bytes: Some(b),
                from_bytes: true,
            }) => match self.io.object_url(&b).await {
                Ok(url) => Some((GeneratedImage { url, ..image }, Some(b))),
                Err(e) => {
                    let why = format!("the image could not be shown ({e})");
                    log.errors.push(Failure::new(why, ErrorCode::BadImage));
                    None
                }
            },
            Some(k) => Some((k.image, k.bytes)),
            None => None,
        };
        let (mut g, bytes) = match shown {
            None => self.fallback(image, &log),
            Some((mut g, bytes)) => {
                if let Some(b) = &bytes {
                    g.name_file(&self.io.image_type(b));
                }
                let message = format!(
                    "Generated {} with seed {} ({})",
                    image.angle.name(),
                    g.seed,
                    g.provider.name()
                );
                let (angle, provider) = (Some(image.angle), Some(g.provider));
                self.events
                    .say(Stage::Image, Level::Info, message, angle, provider);
                (g, bytes)
            }
        };
        g.reference = photo.clone().await.and_then(|f| f.reference);
        g.elapsed_ms = self.events.elapsed();
        self.show(&g, bytes.as_ref());
        ViewDone {
            image: g,
            bytes,
            tried: log.tried,
            regenerated: log.regenerated,
        }
    }

    /// The view's attempts: the first, and one more with the next seed
    /// while the paint drifted; the best attempt and its bytes.
    async fn attempts(
        &self,
        image: &PlannedImage,
        follow: &Follow<'_, I::Image>,
        anchor: Option<&Anchor<I::Image>>,
        log: &mut ViewLog,
    ) -> Result<Kept<I::Image>, Miss> {
        let mut best: Option<Kept<I::Image>> = None;
        for attempt in 0..=MAX_REGENERATIONS {
            let mut variant = image.clone();
            if attempt > 0 {
                variant.seed =
                    regeneration_seed(&self.plan.session_id, image.angle.name(), attempt);
            }
            if anchor.is_some() && follow.conditioned() {
                variant.prompt = anchored_prompt(&image.prompt);
            }
            let (provider, delivered) = match self.through_chain(&variant, follow, log).await {
                Ok(found) => found,
                Err(miss @ Miss::Aborted) => return Err(miss),
                Err(miss) if best.is_none() => return Err(miss),
                Err(Miss::Failed(..)) => break,
            };
            let Delivered {
                image: mut g,
                bytes,
                pixels: decoded,
                from_bytes,
            } = delivered;
            let mode = self.mode(provider, anchor, follow);
            let (report, bytes) = self
                .check(&g, bytes, decoded, mode, anchor.and_then(|a| a.paint))
                .await;
            let passed = report.ok;
            if !passed {
                let delta = report
                    .delta_e_requested
                    .or(report.delta_e_main)
                    .unwrap_or(0.0);
                let message = format!(
                    "{}: the paint drifted (ΔE00 {delta:.1}) in attempt {} with seed {}",
                    image.angle.name(),
                    attempt + 1,
                    variant.seed
                );
                let (angle, provider) = (Some(image.angle), Some(g.provider));
                self.events
                    .say(Stage::Consistency, Level::Warn, message, angle, provider);
            }
            g.consistency = Some(report);
            let new = Kept {
                image: g,
                bytes,
                from_bytes,
            };
            best = match best.take() {
                Some(prev) if !keeps_new(&prev.image, &new.image) => Some(prev),
                _ => Some(new),
            };
            if passed {
                break;
            }
            if attempt < MAX_REGENERATIONS {
                log.regenerated += 1;
                let next =
                    regeneration_seed(&self.plan.session_id, image.angle.name(), attempt + 1);
                let message = format!("{}: regenerating with seed {next}", image.angle.name());
                self.say_for(image.angle, Stage::Consistency, Level::Info, message);
            }
        }
        best.ok_or_else(|| Miss::Failed(log.failure(), Next::Preview))
    }

    /// The preview standing in for a view no provider delivered, saying why.
    fn fallback(&self, image: &PlannedImage, log: &ViewLog) -> (GeneratedImage, Option<I::Image>) {
        let failure = log.failure();
        let message = format!(
            "{}: no AI image ({}); the built-in preview stands in",
            image.angle.name(),
            failure.why
        );
        let angle = Some(image.angle);
        self.events
            .say_failure(Stage::Fallback, message, angle, None, &failure);
        let (mut g, bytes) = self.preview(image);
        g.fallback = true;
        g.error_code = Some(failure.code);
        g.error = Some(failure.why);
        g.consistency = Some(judge(Mode::Preview, None, None, None));
        (g, bytes)
    }

    /// The colour check of one image: its dominant paint against the
    /// requested colour and the main view's paint.
    async fn check(
        &self,
        g: &GeneratedImage,
        bytes: Option<I::Image>,
        decoded: Option<Pixels>,
        mode: Mode,
        main: Option<Lab>,
    ) -> (ConsistencyReport, Option<I::Image>) {
        if !self.opts.verify || !self.io.can_decode() {
            return (judge(mode, None, None, None), bytes);
        }
        let bytes = match bytes {
            Some(b) => Some(b),
            None => self.fetch_image(&g.url).await,
        };
        let decoded = match (decoded, &bytes) {
            (Some(px), _) => Some(px),
            (None, Some(b)) => self.io.pixels(b).await,
            (None, None) => None,
        };
        // Legacy Pollinations watermarks every image at the bottom.
        let watermarked = g.provider == Provider::Pollinations
            && self
                .opts
                .pollinations
                .as_ref()
                .is_some_and(|p| p.api == PollinationsApi::Legacy);
        let requested = self.requested_paint();
        let dominant =
            decoded.and_then(|(px, w, h)| dominant_paint(&px, w, h, requested, watermarked));
        (judge(mode, dominant.as_ref(), requested, main), bytes)
    }

    /// The bytes behind an image URL the provider returned (CORS permitting).
    async fn fetch_image(&self, url: &str) -> Option<I::Image> {
        let request = HttpRequest::image(url);
        match fetch(self.io, &request, None, self.opts.timeout_ms).await {
            Ok(answer) if (200..300).contains(&answer.status) => match answer.body {
                Body::Image(b) => Some(b),
                Body::Text(_) => None,
            },
            _ => None,
        }
    }

    /// The consistency mode an image of `provider` is made in, following
    /// `follow` (the main view itself is `anchor`).
    fn mode(
        &self,
        provider: Provider,
        anchor: Option<&Anchor<I::Image>>,
        follow: &Follow<'_, I::Image>,
    ) -> Mode {
        match (self.plan.consistency, anchor, provider) {
            (Consistency::Anchor, Some(_), Provider::Pollinations)
                if follow.url.is_some() && self.pollinations_follows() =>
            {
                Mode::Anchor
            }
            (Consistency::Anchor, Some(_), Provider::Dalle)
                if follow.bytes.is_some()
                    && self.opts.dalle.as_ref().is_some_and(dalle_takes_reference) =>
            {
                Mode::Anchor
            }
            (Consistency::Anchor, Some(_), _) => Mode::SharedSeed,
            (mode, _, _) => Mode::from(mode),
        }
    }
}
