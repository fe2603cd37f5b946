//! `generateCarImages`: the run, top-down. Plan → previews → search →
//! views → verification → response; every decision comes from
//! `core::generate`, this module only performs the I/O.
//!
//! Beside it: [`view`] (one view's attempts: the chain, the colour check,
//! regeneration, the preview fallback), [`provider`] (one provider's
//! requests: gate, retries, answers), [`found`] (brand facts and reference
//! photos), [`cache`] (responses of identical requests) and [`events`]
//! (callbacks, signal, abort).

mod cache;
pub(crate) mod events;
mod found;
pub mod ownership;
mod provider;
mod view;

use std::cell::{Cell, RefCell};

use futures::future::LocalBoxFuture;
use futures::future::{join, join_all, FutureExt, Shared};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Blob;

use crate::core::colour::lab;
use crate::core::generate::catalogue::check_reference_model;
use crate::core::generate::consistency::{compare_with_main, dominant_paint, judge, parse_hex};
use crate::core::generate::encode::base64;
use crate::core::generate::options::{GenerateOptions, PollinationsOptions};
use crate::core::generate::providers::{
    chain, dalle_takes_reference, error_message, media_upload_request,
    pollinations_takes_reference, uploaded_url, Provider,
};
use crate::core::generate::response::{
    AnchorReport, CarImagesResponse, GeneratedImage, Level, ProviderTry, Reference, Verification,
};
use crate::core::photo::lead_with;
use crate::core::plan::{plan_request_with, CarImagesPlan, Consistency, PlannedImage};
use crate::core::preview::{render_preview, PreviewOptions};
use crate::core::request::{parse_request, CarData};
use crate::core::search::SearchReport;
use crate::core::Angle;
use crate::web::gate::Gate;
use crate::web::http::{fetch_with, text_blob, Answer, Body, Cancel, Expect};
use crate::web::interop::{parse_json, read, to_object, GENERATE_OPTIONS, REQUEST};
use crate::web::models;
use crate::web::photo::{self, Photo};
use crate::web::pixels;

use events::{abort_error, Callbacks};
use found::Found;
use view::Anchor;

/// Generates one image per requested angle: the original endpoint's
/// response, plus provider, model, timings and diagnostics. Rejects only
/// for invalid input (a `CarViewsError`) or abort (a `DOMException` named
/// `AbortError`); provider failures degrade to the built-in preview.
#[wasm_bindgen(js_name = generateCarImages, unchecked_return_type = "Promise<CarImagesResponse>")]
pub fn generate_car_images(
    #[wasm_bindgen(unchecked_param_type = "CarImagesRequest")] request: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "GenerateOptions")] options: JsValue,
) -> js_sys::Promise {
    wasm_bindgen_futures::future_to_promise(async move { run(request, options).await })
}

/// Reads the call, plans it (after the brand search when the prompts need
/// it), answers from the cache or runs it.
async fn run(request: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let opts = GenerateOptions::parse(&read(&options, GENERATE_OPTIONS))?;
    if let Some(p) = &opts.pollinations {
        if let Some(catalogue) = models::known(&p.base_url) {
            check_reference_model(p, &catalogue)?;
        }
    }
    let callbacks = Callbacks::read(&options)?;
    let cancel = Cancel::new(events::signal(&options)?);
    let photo_option = photo::read_option(&options)?;
    let year = js_sys::Date::new_0().get_full_year() as i32;
    let mut req = parse_request(&read(&request, REQUEST), year)?;
    if let Some((_, choice)) = &photo_option {
        lead_with(&mut req.angles, choice.angle);
    }
    if cancel.aborted() {
        return Err(abort_error());
    }
    let found = Found::before_plan(&opts, &req.car, &callbacks, &cancel).await;
    if cancel.aborted() {
        return Err(abort_error());
    }
    let plan = plan_request_with(&req, &opts.plan, found.emblem().as_deref());
    let key = opts.cache_key(&plan);
    // A run from the seller's photo is never answered from the cache, nor
    // kept in it (the photo is not part of the key).
    let cacheable = opts.cache && photo_option.is_none();
    if cacheable {
        if let Some(hit) = cache::answer(&key, &callbacks)? {
            return Ok(hit);
        }
    }
    let photo = match photo_option {
        Some((source, choice)) => {
            Some(photo::prepare(source, choice, &cancel, opts.timeout_ms).await?)
        }
        None => None,
    };
    let run = Run::new(opts, plan, req.car, cancel, callbacks, found, photo);
    let (response, blobs) = run.generate().await?;
    if response.success && cacheable {
        cache::keep(key, &response, &blobs);
    }
    response_object(&response, &blobs)
}

/// An image and its bytes (`None` where there are none to give).
type Shown = (GeneratedImage, Option<Blob>);

/// The response as the caller gets it: each image with its `blob`, and the
/// object URLs it shows held until it is released (or collected).
fn response_object(
    response: &CarImagesResponse,
    blobs: &[Option<Blob>],
) -> Result<JsValue, JsValue> {
    let object = to_object(response)?;
    if let Ok(images) = js_sys::Reflect::get(&object, &"images".into()) {
        let images: js_sys::Array = images.unchecked_into();
        for (i, blob) in blobs.iter().enumerate() {
            events::set_blob(&images.get(i as u32), blob.as_ref());
        }
    }
    ownership::adopt(&object, &ownership::urls_of(response));
    Ok(object)
}

/// One call of `generateCarImages` in flight: what it was asked, and what
/// its views share while they run.
struct Run {
    opts: GenerateOptions,
    plan: CarImagesPlan,
    car: CarData,
    cancel: Cancel,
    callbacks: Callbacks,
    /// One gate per provider of the chain, in the chain's order.
    gates: Vec<(Provider, Gate)>,
    tried: RefCell<Vec<ProviderTry>>,
    found: RefCell<Found>,
    report: RefCell<SearchReport>,
    regenerated: Cell<u32>,
    /// Whether the caller was told that the key's money is spent.
    payment_warned: Cell<bool>,
    /// What the other views followed, for `debug.anchor`.
    anchor: RefCell<Option<AnchorReport>>,
    /// The object URLs this run made.
    made: RefCell<Vec<String>>,
    /// The seller's photo: the main view, not generated.
    photo: Option<Photo>,
}

/// A run that ends (done or aborted) revokes the object URLs it made that
/// nothing holds: attempts thrown away, images of an aborted run.
impl Drop for Run {
    fn drop(&mut self) {
        for url in self.made.borrow().iter() {
            ownership::discard(url);
        }
    }
}

/// The reference photo search of one view, started with the run and
/// awaited by the view only when it needs it.
type PhotoSearch<'a> = Shared<LocalBoxFuture<'a, Option<Reference>>>;

impl Run {
    fn new(
        opts: GenerateOptions,
        plan: CarImagesPlan,
        car: CarData,
        cancel: Cancel,
        callbacks: Callbacks,
        found: Found,
        photo: Option<Photo>,
    ) -> Run {
        let limit = opts.concurrency.unwrap_or(plan.images.len());
        let gates = chain(&opts)
            .into_iter()
            .map(|p| (p, Gate::new(limit)))
            .collect();
        Run {
            opts,
            plan,
            car,
            cancel,
            callbacks,
            gates,
            tried: RefCell::new(Vec::new()),
            found: RefCell::new(found),
            report: RefCell::new(SearchReport::default()),
            regenerated: Cell::new(0),
            payment_warned: Cell::new(false),
            anchor: RefCell::new(None),
            made: RefCell::new(Vec::new()),
            photo,
        }
    }

    /// The whole run, in order.
    async fn generate(&self) -> Result<(CarImagesResponse, Vec<Option<Blob>>), JsValue> {
        let n = self.plan.images.len();
        self.event(
            "start",
            Level::Info,
            format!("[AsyncImages] Starting parallel image generation for {n} angles"),
        );
        self.show_previews();
        self.check_setup();
        // Searches run beside the images from the start.
        let photos: Vec<PhotoSearch<'_>> = self
            .plan
            .images
            .iter()
            .map(|image| self.find_reference(image).boxed_local().shared())
            .collect();
        let searches = join(join_all(photos.clone()), self.enrich_brand());
        let (settled, _) = join(self.all_views(&photos), searches).await;
        let shown: Vec<Shown> = settled
            .into_iter()
            .collect::<Option<_>>()
            .ok_or_else(abort_error)?;
        if self.cancel.aborted() {
            return Err(abort_error());
        }
        let (mut images, blobs): (Vec<_>, Vec<_>) = shown.into_iter().unzip();
        self.compare_with_main(&mut images);
        let response = self.respond(images);
        self.event(
            "done",
            Level::Info,
            format!(
                "Generated {}/{n} images in parallel",
                response.total_generated
            ),
        );
        Ok((response, blobs))
    }

    /// Previews of every view, drawn offline, before any request.
    fn show_previews(&self) {
        if !self.opts.preview {
            return;
        }
        for image in &self.plan.images {
            let (mut p, blob) = self.preview(image);
            p.placeholder = true;
            self.callbacks.image(&p, blob.as_ref());
        }
        let n = self.plan.images.len();
        self.event(
            "preview",
            Level::Info,
            format!("Previews of {n} angles drawn offline"),
        );
    }

    /// Warns about what this run cannot do: check colours, reach an AI provider.
    fn check_setup(&self) {
        if self.opts.verify && !pixels::supported() {
            let message = "The colour check was skipped: this runtime cannot decode images (no createImageBitmap)".to_owned();
            self.found.borrow_mut().warn(&self.callbacks, message);
        }
        if self.gates.is_empty() {
            self.event("fallback", Level::Warn, "No AI provider is configured (pollinations: false and no dalle.proxyUrl): previews only".to_owned());
        }
    }

    /// Every view: in anchor mode the main view first and the others, in
    /// parallel, conditioned on it; in the other modes all at once. `None`
    /// for a view the caller aborted.
    async fn all_views(&self, photos: &[PhotoSearch<'_>]) -> Vec<Option<Shown>> {
        let views: Vec<_> = self.plan.images.iter().zip(photos).collect();
        if let (Some(photo), Some(((main, _), rest))) = (&self.photo, views.split_first()) {
            return self.views_from_photo(photo, main, rest).await;
        }
        let anchored = self.plan.consistency == Consistency::Anchor.name() && views.len() > 1;
        let Some(((main, main_photo), rest)) = views.split_first().filter(|_| anchored) else {
            return join_all(
                views
                    .iter()
                    .map(|(image, photo)| self.one(image, photo, None)),
            )
            .await;
        };
        let Some(main_shown) = self.one(main, main_photo, None).await else {
            return vec![None];
        };
        let anchor = self
            .anchor_of(&main_shown.0, main_shown.1.clone(), true)
            .await;
        if anchor.url.is_none() && anchor.bytes.is_none() {
            self.event_for(main.angle, "consistency", Level::Warn, format!("The main view ({}) has no image to follow: the other views share its seed instead", main.angle));
        }
        let others = join_all(
            rest.iter()
                .map(|(image, photo)| self.one(image, photo, Some(&anchor))),
        )
        .await;
        std::iter::once(Some(main_shown)).chain(others).collect()
    }

    /// What the other views follow: a public URL of the main image for
    /// Pollinations' reference model (the copy uploaded to the media
    /// service, else the main view's own keyless URL), its bytes for the
    /// proxy's edits, and its paint. Without a URL or bytes they share its
    /// seed. Recorded in `debug.anchor`.
    async fn anchor_of(
        &self,
        main: &GeneratedImage,
        bytes: Option<Blob>,
        may_upload: bool,
    ) -> Anchor {
        let delivered = !main.fallback;
        let bytes = bytes.filter(|_| delivered);
        let paint = main
            .consistency
            .as_ref()
            .and_then(|c| c.dominant_hex.as_deref())
            .and_then(parse_hex)
            .map(lab);
        let pollinations = self
            .opts
            .pollinations
            .as_ref()
            .filter(|p| pollinations_takes_reference(p));
        let mut report = AnchorReport::default();
        let mut url = None;
        if let (Some(p), true) = (pollinations, delivered) {
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
            report.via = url
                .as_ref()
                .map(|_| if report.uploaded { "media" } else { "gen-url" });
            report.url = url.clone();
        }
        let proxy_takes_bytes = self.opts.dalle.as_ref().is_some_and(dalle_takes_reference);
        let bytes = bytes.filter(|_| proxy_takes_bytes);
        if proxy_takes_bytes && bytes.is_some() {
            // The proxy comes first in the chain: its edits are what the views follow.
            report.via = Some("bytes");
        }
        *self.anchor.borrow_mut() = Some(report);
        Anchor { url, bytes, paint }
    }

    /// The views made from the seller's photo: the photo itself as the main
    /// view, every other view conditioned on it (its upload for Pollinations,
    /// only with consent; its bytes for the proxy's edits), in parallel.
    async fn views_from_photo(
        &self,
        photo: &Photo,
        main: &PlannedImage,
        rest: &[(&PlannedImage, &PhotoSearch<'_>)],
    ) -> Vec<Option<Shown>> {
        let shown = self.photo_shown(photo, main);
        if rest.is_empty() {
            return vec![Some(shown)];
        }
        let consent = photo.choice.upload;
        let pollinations_follows = self
            .opts
            .pollinations
            .as_ref()
            .is_some_and(pollinations_takes_reference);
        if pollinations_follows && !consent {
            self.event_for(main.angle, "consistency", Level::Warn, "The photo is not uploaded to Pollinations without referencePhoto.upload: true, so Pollinations makes the other views from the text alone".to_owned());
        }
        let anchor = self
            .anchor_of(&shown.0, Some(photo.jpeg.clone()), consent)
            .await;
        let others = join_all(
            rest.iter()
                .map(|(image, search)| self.one(image, search, Some(&anchor))),
        )
        .await;
        std::iter::once(Some(shown)).chain(others).collect()
    }

    /// The seller's photo as the image of its view: its own bytes and
    /// file, and the paint the other views are held to.
    fn photo_shown(&self, photo: &Photo, image: &PlannedImage) -> Shown {
        let url = self.object_url(&photo.jpeg).unwrap_or_default();
        let mut g = GeneratedImage::from_plan(&self.plan, image, "photo", "photo", url);
        g.name_file("image/jpeg");
        g.elapsed_ms = self.elapsed();
        let requested = self.car.known_colour_rgb();
        let dominant = photo
            .pixels
            .as_ref()
            .and_then(|(px, w, h)| dominant_paint(px, *w, *h, requested, false));
        let mut report = judge("photo", dominant.as_ref(), requested, None);
        if !report.ok {
            let message = format!(
                "The photo's paint ({}) is far from the requested colour (ΔE00 {:.1}): the other views follow the photo",
                report.dominant_hex.as_deref().unwrap_or("?"),
                report.delta_e_requested.unwrap_or(0.0)
            );
            self.event_for(image.angle, "consistency", Level::Warn, message);
            // The photo is what the car looks like: it is not a failed check.
            report.ok = true;
        }
        g.consistency = Some(report);
        self.callbacks.image(&g, Some(&photo.jpeg));
        (g, Some(photo.jpeg.clone()))
    }

    /// Uploads the main view to the media service so the reference model
    /// can fetch it; its public URL, or `None` (with a warning) when the
    /// upload was refused or failed.
    async fn upload(
        &self,
        p: &PollinationsOptions,
        bytes: &Blob,
        angle: &'static str,
    ) -> Option<String> {
        let request = media_upload_request(p)?;
        let outcome = match fetch_with(
            &request,
            Some(bytes),
            Expect::Json,
            self.opts.timeout_ms,
            &self.cancel,
        )
        .await
        {
            Ok(Answer {
                status: 200..=299,
                body: Body::Json(raw),
                ..
            }) => uploaded_url(&raw),
            Ok(answer) => {
                let text = match &answer.body {
                    Body::Text(t) => parse_json(t),
                    _ => crate::core::Raw::Missing,
                };
                Err(match error_message(&text) {
                    Some(m) => format!("HTTP {} ({m})", answer.status),
                    None => format!("HTTP {}", answer.status),
                })
            }
            Err(e) => Err(e.describe()),
        };
        match outcome {
            Ok(url) => {
                let message =
                    format!("The main view ({angle}) was uploaded for the reference model: {url}");
                self.event_for(angle, "consistency", Level::Info, message);
                Some(url)
            }
            Err(why) => {
                let message = format!("Uploading the main view ({angle}) to the media service failed ({why}): the other views follow its generation URL instead");
                self.event_for(angle, "consistency", Level::Warn, message);
                None
            }
        }
    }

    /// Compares every checked view with the main view's paint, where that
    /// was not known while it was made (views made in parallel).
    fn compare_with_main(&self, images: &mut [GeneratedImage]) {
        let Some((main, rest)) = images.split_first_mut() else {
            return;
        };
        let main_paint = main
            .consistency
            .as_ref()
            .and_then(|c| c.dominant_hex.as_deref())
            .and_then(parse_hex);
        let Some(main_paint) = main_paint.filter(|_| !main.fallback) else {
            return;
        };
        for image in rest.iter_mut().filter(|i| !i.fallback) {
            if let Some(report) = image.consistency.as_mut() {
                if compare_with_main(report, main_paint) {
                    let angle = image.angle;
                    let message = format!("{angle}: its paint differs from the main view's");
                    self.event_for(angle, "consistency", Level::Warn, message);
                }
            }
        }
    }

    /// The response: the images, what was tried, the verification and the search.
    fn respond(&self, images: Vec<GeneratedImage>) -> CarImagesResponse {
        let found = self.found.take();
        let mut response = CarImagesResponse::assemble(
            &self.plan,
            images,
            self.tried.take(),
            self.elapsed(),
            found.warnings,
        );
        response.debug.verification = Verification::of(&response.images, self.regenerated.get());
        response.debug.anchor = self.anchor.take();
        if self.opts.search.is_some() {
            let mut report = self.report.take();
            report.brand = found.facts;
            report.emblem_source = found.emblem_source;
            response.debug.search = Some(report);
        }
        response
    }

    /// The built-in rendering of a view, as a `data:` URL, and its SVG bytes.
    fn preview(&self, image: &PlannedImage) -> Shown {
        let (width, height) = self
            .opts
            .pollinations
            .as_ref()
            .map_or((1024, 768), |p| (p.width, p.height));
        let angle = Angle::parse(image.angle).unwrap_or(Angle::Front);
        let options = PreviewOptions {
            width,
            height,
            caption: false,
            language: self.opts.plan.language,
            ..PreviewOptions::default()
        };
        let svg = render_preview(&self.car, angle, &options);
        let url = format!("data:image/svg+xml;base64,{}", base64(svg.as_bytes()));
        let mut g = GeneratedImage::from_plan(&self.plan, image, "preview", "svg", url);
        g.elapsed_ms = self.elapsed();
        g.name_file("image/svg+xml");
        (g, text_blob(&svg, "image/svg+xml"))
    }

    fn elapsed(&self) -> u32 {
        self.callbacks.since_start()
    }

    /// An event about the whole run.
    fn event(&self, stage: &'static str, level: Level, message: String) {
        self.callbacks.event(stage, level, message, None, None);
    }

    /// An event about one view.
    fn event_for(&self, angle: &'static str, stage: &'static str, level: Level, message: String) {
        self.callbacks
            .event(stage, level, message, Some(angle), None);
    }
}
