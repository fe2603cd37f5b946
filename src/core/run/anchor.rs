//! What the other views follow in anchor mode: the main view (or the
//! seller's photo), uploaded to the media service for Pollinations'
//! reference model, its bytes for the proxy's edits, and its paint.

use crate::core::colour::{lab, Lab};
use crate::core::generate::consistency::{dominant_paint, judge, parse_hex};
use crate::core::generate::options::PollinationsOptions;
use crate::core::generate::providers::{
    dalle_takes_reference, error_message, media_upload_request, pollinations_takes_reference,
    uploaded_url, Provider,
};
use crate::core::generate::response::{AnchorReport, GeneratedImage, Level, Mode, Stage, Via};
use crate::core::plan::PlannedImage;
use crate::core::raw::Raw;
use crate::core::run::io::{fetch, Io};
use crate::core::run::{Photo, Run, ViewDone};
use crate::core::Angle;

/// What the views after the main one follow in anchor mode.
#[derive(Debug)]
pub(crate) struct Anchor<I> {
    /// The main image's public URL, when it has one.
    pub(crate) url: Option<String>,
    /// The main image's bytes, for providers that take an upload.
    pub(crate) bytes: Option<I>,
    /// The main image's paint, when it was checked.
    pub(crate) paint: Option<Lab>,
}

impl<I: Io> Run<'_, I> {
    /// What the other views follow: a public URL of the main image for
    /// Pollinations' reference model (the copy uploaded to the media
    /// service, else the main view's own keyless URL), its bytes for the
    /// proxy's edits, and its paint. Without a URL or bytes (a main view
    /// that fell back, `None`) they share its seed. With what `debug.anchor`
    /// reports.
    pub(crate) async fn anchor_of(
        &self,
        main: Option<&GeneratedImage>,
        bytes: Option<I::Image>,
        may_upload: bool,
    ) -> (Anchor<I::Image>, AnchorReport) {
        let Some(main) = main.filter(|m| !m.fallback) else {
            let nothing = Anchor {
                url: None,
                bytes: None,
                paint: None,
            };
            return (nothing, AnchorReport::default());
        };
        let paint = main
            .consistency
            .as_ref()
            .and_then(|c| c.dominant_hex.as_deref())
            .and_then(parse_hex)
            .map(lab);
        let mut report = AnchorReport::default();
        let mut url = None;
        let pollinations = self.opts.pollinations.as_ref();
        if let (Some(p), true) = (pollinations, self.pollinations_follows()) {
            let uploaded = match &bytes {
                Some(b) if may_upload => self.upload(p, b, main.angle).await,
                _ => None,
            };
            report.uploaded = uploaded.is_some();
            url = uploaded.or_else(|| {
                main.source_url
                    .clone()
                    .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
            });
            report.via = url.as_ref().map(|_| match report.uploaded {
                true => Via::Media,
                false => Via::GenUrl,
            });
            report.url = url.clone();
        }
        let proxy_takes_bytes = self.opts.dalle.as_ref().is_some_and(dalle_takes_reference);
        let bytes = bytes.filter(|_| proxy_takes_bytes);
        if bytes.is_some() {
            // The proxy comes first in the chain: its edits are what the views follow.
            report.via = Some(Via::Bytes);
        }
        (Anchor { url, bytes, paint }, report)
    }

    /// Uploads the main view to the media service so the reference model
    /// can fetch it; its public URL, or `None` (with a warning) when the
    /// upload was refused or failed.
    async fn upload(
        &self,
        p: &PollinationsOptions,
        bytes: &I::Image,
        angle: Angle,
    ) -> Option<String> {
        let request = media_upload_request(p)?;
        let outcome = match fetch(self.io, &request, Some(bytes), self.opts.timeout_ms).await {
            Ok(answer) if (200..300).contains(&answer.status) => {
                uploaded_url(&Raw::from_json(answer.body.text()))
            }
            Ok(answer) => Err(match error_message(&Raw::from_json(answer.body.text())) {
                Some(m) => format!("HTTP {} ({m})", answer.status),
                None => format!("HTTP {}", answer.status),
            }),
            Err(e) => Err(e.describe()),
        };
        let name = angle.name();
        match outcome {
            Ok(url) => {
                let message =
                    format!("The main view ({name}) was uploaded for the reference model: {url}");
                self.say_for(angle, Stage::Consistency, Level::Info, message);
                Some(url)
            }
            Err(why) => {
                let message = format!("Uploading the main view ({name}) to the media service failed ({why}): the other views follow its generation URL instead");
                self.say_for(angle, Stage::Consistency, Level::Warn, message);
                None
            }
        }
    }

    /// The seller's photo as the image of its view: its own bytes and
    /// file, and the paint the other views are held to.
    pub(crate) async fn photo_shown(
        &self,
        photo: &Photo<I::Image>,
        image: &PlannedImage,
    ) -> ViewDone<I::Image> {
        let url = self.io.object_url(&photo.jpeg).await.unwrap_or_default();
        let mut g = GeneratedImage::from_plan(&self.plan, image, Provider::Photo, "photo", url);
        g.name_file("image/jpeg");
        g.elapsed_ms = self.events.elapsed();
        let requested = self.car.known_colour_rgb();
        let dominant = photo
            .pixels
            .as_ref()
            .and_then(|(px, w, h)| dominant_paint(px, *w, *h, requested, false));
        let mut report = judge(Mode::Photo, dominant.as_ref(), requested, None);
        if !report.ok {
            let message = format!(
                "The photo's paint ({}) is far from the requested colour (ΔE00 {:.1}): the other views follow the photo",
                report.dominant_hex.as_deref().unwrap_or("?"),
                report.delta_e_requested.unwrap_or(0.0)
            );
            self.say_for(image.angle, Stage::Consistency, Level::Warn, message);
            // The photo is what the car looks like: it is not a failed check.
            report.ok = true;
        }
        g.consistency = Some(report);
        self.show(&g, Some(&photo.jpeg));
        ViewDone {
            image: g,
            bytes: Some(photo.jpeg.clone()),
            tried: Vec::new(),
            regenerated: 0,
        }
    }

    /// Whether Pollinations conditions views on an image here (gen does).
    pub(crate) fn pollinations_follows(&self) -> bool {
        self.opts
            .pollinations
            .as_ref()
            .is_some_and(pollinations_takes_reference)
    }
}
