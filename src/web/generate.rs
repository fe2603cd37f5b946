//! `generateCarImages`: every angle at once through the provider chain,
//! with retries, throttling, timeouts, cancellation, instant previews, the
//! in-memory cache and progress events. Every decision comes from
//! `core::generate`; this module only performs the I/O.

use std::cell::RefCell;

use js_sys::{Function, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortSignal;

use crate::core::colour::{dominant_colour, lab, Lab, Rgb8};
use crate::core::generate::consistency::{
    anchored_prompt, compare_with_main, distance, judge, parse_hex, regeneration_seed,
    MAX_REGENERATIONS,
};
use crate::core::generate::encode::base64;
use crate::core::generate::options::{GenerateOptions, PollinationsApi};
use crate::core::generate::policy::{
    backoff_ms, judge_status, parse_retry_after, Verdict, MAX_THROTTLED,
};
use crate::core::generate::providers::{
    chain, dalle_edit_request, dalle_image, dalle_request, dalle_takes_reference, error_message,
    is_image_type, pollinations_request, short, DalleAnswer, HttpRequest, Provider,
};
use crate::core::generate::response::{
    CarImagesResponse, ConsistencyReport, Event, GeneratedImage, Level, ProviderTry, Reference,
    Verification,
};
use crate::core::json::{Json, ToJson};
use crate::core::plan::Consistency;
use crate::core::plan::{plan_request_with, CarImagesPlan, PlannedImage};
use crate::core::preview::{render_preview, PreviewOptions};
use crate::core::prompt::table_emblem;
use crate::core::request::ColourChoice;
use crate::core::request::{parse_request, CarData};
use crate::core::search::photos::commons_query;
use crate::core::search::summary::{emblem_from_facts, BrandFacts};
use crate::core::search::SearchReport;
use crate::core::text::{join, Int};
use crate::core::{Angle, CarViewsError, Rule};
use crate::web::error::to_js;
use crate::web::gate::Gate;
use crate::web::http::{
    blob_url, fetch, fetch_with, parse_json, sleep, Answer, Body, Cancel, Expect, FetchError,
};
use crate::web::interop::{parse_text, read, to_object, GENERATE_OPTIONS, REQUEST};
use crate::web::pixels;
use crate::web::search;
use crate::web::tasks::{alongside, join_all, task, Later};
use web_sys::Blob;

/// Responses (as JSON) kept for identical requests, oldest dropped first.
const CACHE_SIZE: usize = 32;

thread_local! {
    static CACHE: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
}

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

/// The caller's callbacks; a callback that throws is ignored.
struct Callbacks {
    on_image: Option<Function>,
    on_event: Option<Function>,
    start: f64,
}

impl Callbacks {
    fn since_start(&self) -> u32 {
        (now() - self.start).max(0.0) as u32
    }

    fn event(
        &self,
        stage: &'static str,
        level: Level,
        message: String,
        angle: Option<&'static str>,
        provider: Option<&'static str>,
    ) {
        let e = Event {
            stage,
            level,
            message,
            angle,
            provider,
            elapsed_ms: self.since_start(),
        };
        Callbacks::call(&self.on_event, &e);
    }

    fn call(f: &Option<Function>, value: &dyn ToJson) {
        if let Some(f) = f {
            if let Ok(v) = to_object(value) {
                let _ = f.call1(&JsValue::NULL, &v);
            }
        }
    }
}

fn callback(options: &JsValue, key: &'static str) -> Result<Option<Function>, JsValue> {
    if !options.is_object() {
        return Ok(None);
    }
    let field = format!("options.{key}");
    let v = Reflect::get(options, &key.into()).map_err(|_| {
        to_js(&CarViewsError::invalid(
            field.clone(),
            Rule::Unreadable,
            "could not be read",
        ))
    })?;
    if v.is_undefined() || v.is_null() {
        Ok(None)
    } else if v.is_function() {
        Ok(Some(v.unchecked_into()))
    } else {
        Err(to_js(&CarViewsError::invalid(
            field,
            Rule::NotFunction,
            "must be a function",
        )))
    }
}

fn signal(options: &JsValue) -> Result<Option<AbortSignal>, JsValue> {
    if !options.is_object() {
        return Ok(None);
    }
    let bad = |rule, msg: &str| {
        to_js(&CarViewsError::invalid(
            "options.signal",
            rule,
            msg.to_owned(),
        ))
    };
    let v = Reflect::get(options, &"signal".into())
        .map_err(|_| bad(Rule::Unreadable, "could not be read"))?;
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.dyn_into::<AbortSignal>().map(Some).map_err(|_| {
        bad(
            Rule::NotSignal,
            "must be an AbortSignal (from an AbortController)",
        )
    })
}

fn abort_error() -> JsValue {
    web_sys::DomException::new_with_message_and_name("The operation was aborted.", "AbortError")
        .map(JsValue::from)
        .unwrap_or_else(|_| JsValue::from(js_sys::Error::new("The operation was aborted.")))
}

fn now() -> f64 {
    js_sys::Date::now()
}

async fn run(request: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let opts = GenerateOptions::parse(&read(&options, GENERATE_OPTIONS))?;
    let callbacks = Callbacks {
        on_image: callback(&options, "onImage")?,
        on_event: callback(&options, "onEvent")?,
        start: now(),
    };
    let cancel = Cancel::new(signal(&options)?);
    let year = js_sys::Date::new_0().get_full_year() as i32;
    let req = parse_request(&read(&request, REQUEST), year)?;
    if cancel.aborted() {
        return Err(abort_error());
    }
    // A brand the emblem table lacks: its prompts wait (within the search
    // timeout) for what Wikipedia and Wikidata say about it.
    let mut found = Found::default();
    if let (Some(s), None) = (&opts.search, table_emblem(&req.car)) {
        found.brand_looked_up = true;
        match search::brand_facts(s, &wiki_title(&req.car), &cancel).await {
            Ok(facts) => {
                brand_event(&callbacks, &req.car, facts.as_ref());
                found.facts = facts;
            }
            Err(e) => found.warn(
                &callbacks,
                format!(
                    "Brand search failed for {}: {e}; prompts describe no emblem",
                    req.car.brand
                ),
            ),
        }
    }
    if cancel.aborted() {
        return Err(abort_error());
    }
    let emblem = found
        .facts
        .as_ref()
        .map(|f| emblem_from_facts(&req.car.brand, f));
    let plan = plan_request_with(&req, &opts.plan, emblem.as_deref());
    found.emblem_source = if table_emblem(&req.car).is_some() {
        "table"
    } else if emblem.is_some() {
        "search"
    } else {
        "none"
    };
    let key = opts.cache_key(&plan);
    if opts.cache {
        let hit = CACHE.with(|c| {
            c.borrow()
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, text)| text.clone())
        });
        if let Some(text) = hit {
            // The cached text is a response of this module's: `images` is an array.
            let images_of = |v: &JsValue| {
                Reflect::get(v, &"images".into()).map(JsCast::unchecked_into::<js_sys::Array>)
            };
            let response = parse_text(&text)?;
            callbacks.event(
                "cache",
                Level::Info,
                format!(
                    "Same car and options as before: {} images from the cache",
                    Int(images_of(&response)?.length().into())
                ),
                None,
                None,
            );
            // onImage gets objects of its own, as on a first run, not the
            // response's: a second parse, only when there is a callback.
            if let Some(f) = &callbacks.on_image {
                let images = images_of(&parse_text(&text)?)?;
                for i in 0..images.length() {
                    let _ = f.call1(&JsValue::NULL, &images.get(i));
                }
            }
            return Ok(response);
        }
    }
    let run = Run::new(opts, plan, req.car, cancel, callbacks, found);
    let mut response = run.generate().await?;
    if response.success && run.opts.cache {
        // Kept as the JSON of the answer a repeat gets: `debug.cached` set.
        response.debug.cached = true;
        let text = Json::text(&response);
        response.debug.cached = false;
        CACHE.with(|c| {
            let mut c = c.borrow_mut();
            c.retain(|(k, _)| *k != key);
            if c.len() >= CACHE_SIZE {
                c.remove(0);
            }
            c.push((key, text));
        });
    }
    to_object(&response)
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

/// What the search found about the brand, and its warnings.
#[derive(Default)]
struct Found {
    facts: Option<BrandFacts>,
    brand_looked_up: bool,
    emblem_source: &'static str,
    warnings: Vec<String>,
}

impl Found {
    fn warn(&mut self, callbacks: &Callbacks, message: String) {
        callbacks.event("search", Level::Warn, message.clone(), None, None);
        self.warnings.push(message);
    }
}

/// An image from a provider, with its bytes when they were fetched.
type Delivered = (GeneratedImage, Option<Blob>, Option<Pixels>);
/// Decoded RGBA pixels, width and height.
type Pixels = (Vec<u8>, usize, usize);
/// Why an answer is not an image: the reason, what to do, and `Retry-After`.
type Rejected = (String, Verdict, Option<u32>);

/// What a view follows: an image URL (Pollinations' `image=`) and/or image
/// bytes (the proxy's `/images/edits`).
struct Follow<'a> {
    url: Option<&'a str>,
    bytes: Option<&'a Blob>,
}

/// What the views after the main one follow in anchor mode.
struct Anchor {
    /// The main image's public URL, when it has one.
    url: Option<String>,
    /// The main image's bytes, for providers that take an upload.
    bytes: Option<Blob>,
    /// The main image's paint, when it was checked.
    paint: Option<Lab>,
}

/// Whether a regenerated image is better than the one before it.
fn keeps_new(prev: &GeneratedImage, new: &GeneratedImage) -> bool {
    match (&prev.consistency, &new.consistency) {
        (Some(p), Some(n)) => n.ok || (!p.ok && distance(n) < distance(p)),
        _ => true,
    }
}

/// Why a provider gave no image for an angle.
enum Miss {
    Aborted,
    Failed(String),
}

struct Run {
    opts: GenerateOptions,
    plan: CarImagesPlan,
    car: CarData,
    cancel: Cancel,
    callbacks: Callbacks,
    gates: Vec<(Provider, Gate)>,
    tried: RefCell<Vec<ProviderTry>>,
    found: RefCell<Found>,
    report: RefCell<SearchReport>,
    regenerated: std::cell::Cell<u32>,
    main_bytes: RefCell<Option<Blob>>,
}

impl Run {
    fn new(
        opts: GenerateOptions,
        plan: CarImagesPlan,
        car: CarData,
        cancel: Cancel,
        callbacks: Callbacks,
        found: Found,
    ) -> Run {
        let limit = opts.concurrency.unwrap_or(plan.images.len());
        let mut gates = Vec::new();
        for p in chain(&opts) {
            gates.push((p, Gate::new(limit)));
        }
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
            regenerated: std::cell::Cell::new(0),
            main_bytes: RefCell::new(None),
        }
    }

    fn elapsed(&self) -> u32 {
        self.callbacks.since_start()
    }

    fn gate(&self, p: Provider) -> Option<&Gate> {
        self.gates.iter().find(|(q, _)| *q == p).map(|(_, g)| g)
    }

    async fn generate(&self) -> Result<CarImagesResponse, JsValue> {
        let n = self.plan.images.len();
        self.callbacks.event(
            "start",
            Level::Info,
            format!(
                "[AsyncImages] Starting parallel image generation for {} angles",
                Int(n as i64)
            ),
            None,
            None,
        );
        if self.opts.preview {
            for image in &self.plan.images {
                let mut p = self.preview(image);
                p.placeholder = true;
                Callbacks::call(&self.callbacks.on_image, &p);
            }
            self.callbacks.event(
                "preview",
                Level::Info,
                format!("Previews of {} angles drawn offline", Int(n as i64)),
                None,
                None,
            );
        }
        if self.opts.verify && !pixels::supported() {
            let message = "The colour check was skipped: this runtime cannot decode images (no createImageBitmap)".to_owned();
            self.found.borrow_mut().warn(&self.callbacks, message);
        }
        if self.gates.is_empty() {
            self.callbacks.event("fallback", Level::Warn, "No AI provider is configured (pollinations: false and no dalle.proxyUrl): previews only".to_owned(), None, None);
        }
        // The searches run beside the images from the start; a view waits
        // for its reference only when it needs it.
        let mut views = Vec::with_capacity(n);
        let mut searches = Vec::with_capacity(n + 1);
        for image in &self.plan.images {
            let slot: Later<Option<Reference>> = Later::new();
            views.push((image, slot.clone()));
            searches.push(task(
                async move { slot.set(self.find_reference(image).await) },
            ));
        }
        searches.push(task(self.enrich_brand()));
        let settled = alongside(self.all_views(&views), async {
            join_all(searches).await;
        })
        .await;
        let mut images = Vec::with_capacity(n);
        for s in settled {
            match s {
                Some(image) => images.push(image),
                None => return Err(abort_error()),
            }
        }
        if self.cancel.aborted() {
            return Err(abort_error());
        }
        self.compare_with_main(&mut images);
        let regenerated = self.regenerated.get();
        let found = self.found.take();
        let mut response = CarImagesResponse::assemble(
            &self.plan,
            images,
            self.tried.take(),
            self.elapsed(),
            found.warnings,
        );
        response.debug.verification = Verification::of(&response.images, regenerated);
        if self.opts.search.is_some() {
            let mut report = self.report.take();
            report.brand = found.facts;
            report.emblem_source = found.emblem_source;
            response.debug.search = Some(report);
        }
        self.callbacks.event(
            "done",
            Level::Info,
            format!(
                "Generated {}/{} images in parallel",
                Int(response.total_generated as i64),
                Int(n as i64)
            ),
            None,
            None,
        );
        Ok(response)
    }

    /// The built-in rendering of a view, as a `data:` URL.
    fn preview(&self, image: &PlannedImage) -> GeneratedImage {
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
        g
    }

    /// The brand facts for `debug` when the prompts did not need them first.
    async fn enrich_brand(&self) {
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
    async fn find_reference(&self, image: &PlannedImage) -> Option<Reference> {
        let s = self.opts.search.as_ref()?;
        let angle = Angle::parse(image.angle).unwrap_or(Angle::Front);
        self.report
            .borrow_mut()
            .queries
            .insert(image.angle.to_owned(), commons_query(&self.car, angle));
        match search::reference(s, &self.car, angle, &self.cancel).await {
            Ok(Some(r)) => {
                self.callbacks.event(
                    "search",
                    Level::Info,
                    format!(
                        "Reference photo found for {}: {} ({}, {})",
                        image.angle, r.page_url, r.author, r.license
                    ),
                    Some(image.angle),
                    None,
                );
                self.report.borrow_mut().found.push(image.angle.to_owned());
                Some(r)
            }
            Ok(None) => {
                self.callbacks.event(
                    "search",
                    Level::Info,
                    format!("No reference photo for {}", image.angle),
                    Some(image.angle),
                    None,
                );
                None
            }
            Err(e) => {
                let message = format!("Reference photo search failed for {}: {e}", image.angle);
                self.found.borrow_mut().warn(&self.callbacks, message);
                None
            }
        }
    }

    /// Every view (with its reference photo to come): in anchor mode the
    /// main view first and the others, in parallel, conditioned on it; in
    /// the other modes all at once.
    async fn all_views(
        &self,
        pairs: &[(&PlannedImage, Later<Option<Reference>>)],
    ) -> Vec<Option<GeneratedImage>> {
        let anchored = self.plan.consistency == Consistency::Anchor.name() && pairs.len() > 1;
        let Some(((main, main_ref), rest)) = pairs.split_first().filter(|_| anchored) else {
            return self.views(pairs, None).await;
        };
        let first = task(self.one(main, main_ref.clone(), None)).await;
        let Some(main_image) = first else {
            return vec![None];
        };
        // The main image's public URL is the reference the others follow;
        // without one (it failed, or is not on the web) they share its seed.
        let anchor = Anchor {
            url: (!main_image.fallback)
                .then(|| main_image.source_url.clone())
                .flatten()
                .filter(|u| u.starts_with("https://") || u.starts_with("http://")),
            paint: main_image
                .consistency
                .as_ref()
                .and_then(|c| c.dominant_hex.as_deref())
                .and_then(parse_hex)
                .map(lab),
            bytes: (!main_image.fallback)
                .then(|| self.main_bytes.take())
                .flatten(),
        };
        if anchor.url.is_none() && anchor.bytes.is_none() {
            self.callbacks.event("consistency", Level::Warn, format!("The main view ({}) has no image to follow: the other views share its seed instead", main.angle), Some(main.angle), None);
        }
        let mut all = self.views(rest, Some(&anchor)).await;
        all.insert(0, Some(main_image));
        all
    }

    /// These views at once, each with its reference photo, following `anchor`.
    async fn views(
        &self,
        views: &[(&PlannedImage, Later<Option<Reference>>)],
        anchor: Option<&Anchor>,
    ) -> Vec<Option<GeneratedImage>> {
        join_all(
            views
                .iter()
                .map(|(image, r)| task(self.one(image, r.clone(), anchor)))
                .collect(),
        )
        .await
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
        let mut drifted = Vec::new();
        for image in rest.iter_mut().filter(|i| !i.fallback) {
            if let Some(report) = image.consistency.as_mut() {
                if compare_with_main(report, main_paint) {
                    drifted.push(image.angle);
                }
            }
        }
        for angle in drifted {
            self.callbacks.event(
                "consistency",
                Level::Warn,
                format!("{angle}: its paint differs from the main view's"),
                Some(angle),
                None,
            );
        }
    }

    /// The paint the request asked for, when the vocabulary knows it.
    fn requested_paint(&self) -> Option<Rgb8> {
        match &self.car.colour {
            ColourChoice::Known(c) => Some(c.rgb),
            _ => None,
        }
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
        let dominant =
            decoded.and_then(|(px, w, h)| dominant_colour(&px, w, h, self.requested_paint()));
        (
            judge(mode, dominant.as_ref(), self.requested_paint(), main),
            blob,
        )
    }

    /// Decodes fetched image bytes where the runtime can (a browser): `Err`
    /// for a truncated or corrupt image, which is never shown; the pixels are
    /// kept for the colour check.
    async fn decode(&self, blob: Option<&Blob>) -> Result<Option<Pixels>, ()> {
        match blob {
            Some(b) if pixels::supported() => pixels::pixels(b).await.map(Some).ok_or(()),
            _ => Ok(None),
        }
    }

    /// The bytes behind an image URL the provider returned (CORS permitting).
    async fn fetch_image(&self, url: &str) -> Option<Blob> {
        match fetch(
            &HttpRequest::get(url),
            Expect::Image,
            self.opts.timeout_ms,
            &self.cancel,
        )
        .await
        {
            Ok(Answer {
                status: 200..=299,
                body: Body::Blob(b),
                ..
            }) => Some(b),
            _ => None,
        }
    }

    /// The consistency mode an image of `provider` is made in.
    fn mode(&self, provider: Provider, anchor: Option<&Anchor>) -> &'static str {
        match Consistency::parse(self.plan.consistency).unwrap_or_default() {
            Consistency::PerAngle => "per-angle",
            Consistency::SharedSeed => "shared-seed",
            Consistency::Anchor => match (anchor, provider) {
                (None, _) => "anchor",
                (Some(a), Provider::Pollinations) if a.url.is_some() => "anchor",
                (Some(a), Provider::Dalle)
                    if a.bytes.is_some()
                        && self.opts.dalle.as_ref().is_some_and(dalle_takes_reference) =>
                {
                    "anchor"
                }
                (Some(_), _) => "shared-seed",
            },
        }
    }

    /// One angle: through the chain, checked, made again (with the next
    /// seed) when its paint drifted, the better attempt kept; the preview
    /// when no provider delivers. `None` when the caller aborted. The image
    /// waits for its reference photo only while the search (started with
    /// the run, under its own short timeout) is still going.
    async fn one(
        &self,
        image: &PlannedImage,
        reference: Later<Option<Reference>>,
        anchor: Option<&Anchor>,
    ) -> Option<GeneratedImage> {
        let photo = match &self.opts.search {
            Some(s) if s.reference_conditioning && image.is_main => reference.get().await,
            _ => None,
        };
        let anchor_url = anchor.and_then(|a| a.url.as_deref());
        let follow = Follow {
            url: photo.as_ref().map(|r| r.url.as_str()).or(anchor_url),
            bytes: anchor.and_then(|a| a.bytes.as_ref()),
        };
        let mut best: Option<(GeneratedImage, Option<Blob>)> = None;
        let mut errors = Vec::new();
        for attempt in 0..=MAX_REGENERATIONS {
            let mut variant = image.clone();
            if attempt > 0 {
                variant.seed = regeneration_seed(&self.plan.session_id, image.angle, attempt);
            }
            if anchor_url.is_some() || follow.bytes.is_some() {
                variant.prompt = anchored_prompt(&image.prompt);
            }
            let (provider, (mut g, blob, decoded)) =
                match self.through_chain(&variant, &follow, &mut errors).await {
                    Ok(found) => found,
                    Err(Miss::Aborted) => return None,
                    Err(Miss::Failed(_)) => break,
                };
            let mode = self.mode(provider, anchor);
            let (report, blob) = self
                .check(&g, blob, decoded, mode, anchor.and_then(|a| a.paint))
                .await;
            let passed = report.ok;
            if !passed {
                // Tenths as an integer: float formatting would cost the wasm 14 KB.
                let tenths = (report
                    .delta_e_requested
                    .or(report.delta_e_main)
                    .unwrap_or(0.0)
                    * 10.0)
                    .round() as i64;
                let to = format!("{}.{}", Int(tenths / 10), Int(tenths % 10));
                self.callbacks.event(
                    "consistency",
                    Level::Warn,
                    format!(
                        "{}: the paint drifted (ΔE00 {to}) in attempt {} with seed {}",
                        image.angle,
                        Int((attempt + 1).into()),
                        Int(variant.seed.into())
                    ),
                    Some(image.angle),
                    Some(g.provider),
                );
            }
            g.consistency = Some(report);
            best = match best.take() {
                Some(prev) if attempt > 0 && !keeps_new(&prev.0, &g) => Some(prev),
                _ => Some((g, blob)),
            };
            if passed {
                break;
            }
            if attempt < MAX_REGENERATIONS {
                self.regenerated.set(self.regenerated.get() + 1);
                let next = regeneration_seed(&self.plan.session_id, image.angle, attempt + 1);
                self.callbacks.event(
                    "consistency",
                    Level::Info,
                    format!(
                        "{}: regenerating with seed {}",
                        image.angle,
                        Int(next.into())
                    ),
                    Some(image.angle),
                    None,
                );
            }
        }
        if best.is_none() && self.cancel.aborted() {
            return None;
        }
        let found = reference.get().await;
        let mut g = match best {
            Some((g, blob)) => {
                if image.is_main {
                    *self.main_bytes.borrow_mut() = blob;
                }
                self.callbacks.event(
                    "image",
                    Level::Info,
                    format!(
                        "Generated {} with seed {} ({})",
                        image.angle,
                        Int(g.seed.into()),
                        g.provider
                    ),
                    Some(image.angle),
                    Some(g.provider),
                );
                g
            }
            None => {
                let why = if errors.is_empty() {
                    "no AI provider is configured".to_owned()
                } else {
                    join(&errors, "; ")
                };
                self.callbacks.event(
                    "fallback",
                    Level::Warn,
                    format!(
                        "{}: no AI image ({why}); the built-in preview stands in",
                        image.angle
                    ),
                    Some(image.angle),
                    None,
                );
                let mut g = self.preview(image);
                g.fallback = true;
                g.error = Some(why);
                g.consistency = Some(judge("preview", None, None, None));
                g
            }
        };
        g.reference = found;
        g.elapsed_ms = self.elapsed();
        Callbacks::call(&self.callbacks.on_image, &g);
        Some(g)
    }

    /// The providers in order until one delivers; their failures are added to `errors`.
    async fn through_chain(
        &self,
        image: &PlannedImage,
        follow: &Follow<'_>,
        errors: &mut Vec<String>,
    ) -> Result<(Provider, Delivered), Miss> {
        for (provider, _) in &self.gates {
            match self.try_provider(*provider, image, follow).await {
                Ok(found) => return Ok((*provider, found)),
                Err(Miss::Aborted) => return Err(Miss::Aborted),
                Err(Miss::Failed(why)) => errors.push(format!("{}: {why}", provider.name())),
            }
        }
        Err(Miss::Failed(join(errors.iter(), "; ")))
    }

    fn record(&self, image: &PlannedImage, provider: Provider, attempts: u32, outcome: String) {
        self.tried.borrow_mut().push(ProviderTry {
            angle: image.angle,
            provider: provider.name(),
            attempts,
            outcome,
        });
    }

    async fn try_provider(
        &self,
        provider: Provider,
        image: &PlannedImage,
        follow: &Follow<'_>,
    ) -> Result<Delivered, Miss> {
        let mut upload = None;
        let (req, expect) = match (provider, &self.opts.dalle, &self.opts.pollinations) {
            (Provider::Dalle, Some(d), _) => match follow.bytes {
                Some(bytes) if dalle_takes_reference(d) => {
                    upload = Some(bytes);
                    (dalle_edit_request(d, image), Expect::Json)
                }
                _ => (dalle_request(d, image), Expect::Json),
            },
            (Provider::Pollinations, _, Some(p)) => {
                (pollinations_request(p, image, follow.url), Expect::Image)
            }
            _ => return Err(Miss::Failed("not configured".to_owned())),
        };
        let Some(gate) = self.gate(provider) else {
            return Err(Miss::Failed("not configured".to_owned()));
        };
        let (mut attempts, mut retries, mut throttled) = (0u32, 0u32, 0u32);
        loop {
            if self.cancel.aborted() {
                return Err(Miss::Aborted);
            }
            let permit = gate.acquire().await;
            if self.cancel.aborted() {
                return Err(Miss::Aborted);
            }
            attempts += 1;
            let result = fetch_with(&req, upload, expect, self.opts.timeout_ms, &self.cancel).await;
            drop(permit);
            let (why, verdict, retry_after) = match result {
                Err(FetchError::Aborted) => return Err(Miss::Aborted),
                Err(e) => (e.describe(), Verdict::Retry, None),
                Ok(answer) => match self.accept(provider, &req, image, answer) {
                    Ok((g, blob)) => match self.decode(blob.as_ref()).await {
                        Ok(decoded) => {
                            self.record(image, provider, attempts, "ok".to_owned());
                            return Ok((g, blob, decoded));
                        }
                        Err(()) => (
                            "the image could not be decoded (truncated or corrupt)".to_owned(),
                            Verdict::Retry,
                            None,
                        ),
                    },
                    Err(miss) => miss,
                },
            };
            let delay = match verdict {
                Verdict::Throttled => {
                    throttled += 1;
                    if !gate.is_throttled() {
                        self.callbacks.event(
                            "throttle",
                            Level::Warn,
                            format!(
                                "{} is queueing ({why}): continuing one request at a time",
                                provider.name()
                            ),
                            Some(image.angle),
                            Some(provider.name()),
                        );
                    }
                    gate.throttle();
                    if throttled > MAX_THROTTLED {
                        self.record(image, provider, attempts, why.clone());
                        return Err(Miss::Failed(why));
                    }
                    backoff_ms(throttled.min(4), retry_after, self.jitter(image, attempts))
                }
                Verdict::Retry if retries < self.opts.retries => {
                    retries += 1;
                    let ms = backoff_ms(retries, retry_after, self.jitter(image, attempts));
                    self.callbacks.event(
                        "retry",
                        Level::Warn,
                        format!(
                            "{}: {} — {why}; retry {}/{} in {} ms",
                            image.angle,
                            provider.name(),
                            Int(retries.into()),
                            Int(self.opts.retries.into()),
                            Int(ms.into())
                        ),
                        Some(image.angle),
                        Some(provider.name()),
                    );
                    ms
                }
                _ => {
                    self.callbacks.event(
                        "provider",
                        Level::Warn,
                        format!("{}: {} gave no image — {why}", image.angle, provider.name()),
                        Some(image.angle),
                        Some(provider.name()),
                    );
                    self.record(image, provider, attempts, why.clone());
                    return Err(Miss::Failed(why));
                }
            };
            sleep(delay, &self.cancel).await;
        }
    }

    /// Deterministic jitter: the same run waits the same way.
    fn jitter(&self, image: &PlannedImage, attempt: u32) -> u32 {
        image
            .seed
            .wrapping_mul(2_654_435_761)
            .wrapping_add(attempt.wrapping_mul(40_503))
    }

    /// Reads an answer: an image, or why not and what to do about it.
    fn accept(
        &self,
        provider: Provider,
        req: &HttpRequest,
        image: &PlannedImage,
        answer: Answer,
    ) -> Result<(GeneratedImage, Option<Blob>), Rejected> {
        let Answer {
            status,
            content_type,
            retry_after,
            body,
        } = answer;
        let retry_after = parse_retry_after(retry_after.as_deref());
        let text = match &body {
            Body::Text(t) => t.as_str(),
            _ => "",
        };
        let verdict = judge_status(status, text);
        if verdict != Verdict::Success {
            let mut why = format!("HTTP {}", Int(status.into()));
            if let Some(m) = error_message(&parse_json(text)) {
                why.push_str(&format!(" ({m})"));
            }
            if status == 401
                && provider == Provider::Pollinations
                && self
                    .opts
                    .pollinations
                    .as_ref()
                    .is_some_and(|p| p.api == PollinationsApi::Gen)
            {
                why.push_str(" — Pollinations needs a key: sign in with Pollinations or set pollinations.apiKey");
            }
            return Err((why, verdict, retry_after));
        }
        let mut bytes = None;
        let url = match body {
            Body::Blob(blob) => {
                if !is_image_type(content_type.as_deref()) || blob.size() < 1.0 {
                    let t = content_type.unwrap_or_else(|| "no content type".to_owned());
                    return Err((
                        format!("answered {} instead of an image", short(&t)),
                        Verdict::Retry,
                        None,
                    ));
                }
                let url = if req.authenticated {
                    blob_url(&blob).map_err(|e| (e, Verdict::GiveUp, None))?
                } else {
                    req.url.clone()
                };
                bytes = Some(blob);
                url
            }
            Body::Json(j) => {
                dalle_image(&DalleAnswer::from_json(&j)).map_err(|e| (e, Verdict::Retry, None))?
            }
            Body::Text(_) => return Err(("answered no image".to_owned(), Verdict::Retry, None)),
        };
        let source = match provider {
            Provider::Pollinations => Some(req.url.clone()),
            Provider::Dalle => (url.starts_with("http")).then(|| url.clone()),
        };
        let mut g = GeneratedImage::from_plan(&self.plan, image, provider.name(), &req.model, url);
        g.source_url = source;
        Ok((g, bytes))
    }
}
