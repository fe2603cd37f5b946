//! `generateCarImages`: the run, top-down. Plan → previews → search →
//! views → verification → response, async over the [`Io`] seam, so that
//! every retry, fallback, anchor and abort is tested natively on a fake
//! runtime with a virtual clock.
//!
//! Beside it: [`view`] (one view's attempts: the chain, the colour check,
//! regeneration, the unconditioned re-run, the preview fallback),
//! [`provider`] (one provider's requests: its gate, retries, answers),
//! [`search`] (brand facts and reference photos), [`gate`] and [`page`]
//! (what the runs of one page share) and [`io`] (the seam). Each view
//! gives back what happened to it as a value; the run folds those into the
//! response.

mod anchor;
pub mod gate;
pub mod io;
pub mod page;
mod provider;
mod search;
mod view;

use futures::future::{join, join3, join_all, FutureExt, LocalBoxFuture, Shared};

use crate::core::angles::Angle;
use crate::core::colour::Rgb8;
use crate::core::generate::consistency::{compare_with_main, parse_hex};
use crate::core::generate::encode::base64;
use crate::core::generate::next::Failure;
use crate::core::generate::options::GenerateOptions;
use crate::core::generate::providers::{chain, Provider};
use crate::core::generate::response::{
    AnchorReport, CarImagesResponse, CarViewsEvent, GeneratedImage, Level, ProviderTry, Stage,
    Verification,
};
use crate::core::photo::{lead_with, PhotoChoice};
use crate::core::plan::{plan_request_with, CarImagesPlan, Consistency, PlannedImage};
use crate::core::preview::{render_preview, PreviewOptions};
use crate::core::request::{CarData, CarRequest};
use crate::core::search::SearchReport;

use anchor::Anchor;
use io::{Io, Pixels};
use page::Page;
use provider::Told;
use search::{Brand, PhotoFound};

/// One call of `generateCarImages`, as the shell read it.
#[derive(Debug)]
pub struct Call<I> {
    /// The validated request.
    pub request: CarRequest,
    /// The validated options.
    pub options: GenerateOptions,
    /// The seller's photo, prepared by the shell, when given.
    pub photo: Option<Photo<I>>,
}

/// The seller's photo as the shell prepared it: the JPEG that leaves the
/// browser and the small decoded copy the colour check reads.
#[derive(Debug, Clone)]
pub struct Photo<I> {
    /// Which view it shows, and whether it may be uploaded.
    pub choice: PhotoChoice,
    /// Its bytes.
    pub jpeg: I,
    /// Its pixels, when the runtime decoded them.
    pub pixels: Option<Pixels>,
}

/// The caller aborted: the run rejects with an `AbortError`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Aborted;

/// What a run gives back: the response, and each image's bytes.
#[derive(Debug)]
pub struct Generated<I> {
    /// The response.
    pub response: CarImagesResponse,
    /// The bytes of each image, in the response's order.
    pub bytes: Vec<Option<I>>,
}

/// The run: one image per requested angle, the original endpoint's
/// response plus provider, model, timings and diagnostics. Fails only when
/// the caller aborts; provider failures degrade to the built-in preview.
pub async fn generate_car_images<I: Io>(
    io: &I,
    page: &Page,
    call: Call<I::Image>,
) -> Result<Generated<I::Image>, Aborted> {
    let Call {
        mut request,
        options,
        photo,
    } = call;
    let events = Events::new(io);
    if let Some(p) = &photo {
        lead_with(&mut request.angles, p.choice.angle);
    }
    stop_if_aborted(io)?;
    let brand = search::before_plan(&events, page, options.search.as_ref(), &request.car).await;
    stop_if_aborted(io)?;
    let plan = plan_request_with(&request, &options.plan, brand.emblem.as_deref());
    let key = options.cache_key(&plan);
    // A run from the seller's photo is never answered from the cache, nor
    // kept in it (the photo is not part of the key).
    let cacheable = options.cache && photo.is_none();
    if let Some(hit) = io.recall(&key).filter(|_| cacheable) {
        return Ok(replay(&events, hit));
    }
    let run = Run {
        events: &events,
        io,
        page,
        chain: chain(&options),
        opts: options,
        plan,
        car: request.car,
        photo,
        told: Told::default(),
    };
    let generated = run.generate(brand).await?;
    if generated.response.success && cacheable {
        io.remember(key, &generated.response, &generated.bytes);
    }
    Ok(generated)
}

fn stop_if_aborted<I: Io>(io: &I) -> Result<(), Aborted> {
    if io.aborted() {
        Err(Aborted)
    } else {
        Ok(())
    }
}

/// A cached response, as a first run would have given it: each image to
/// `onImage`, `debug.cached` set.
fn replay<I: Io>(
    events: &Events<'_, I>,
    (mut response, bytes): (CarImagesResponse, Vec<Option<I::Image>>),
) -> Generated<I::Image> {
    response.debug.cached = true;
    let message = format!(
        "Same car and options as before: {} images from the cache",
        response.images.len()
    );
    events.say(Stage::Cache, Level::Info, message, None, None);
    for (image, b) in response.images.iter().zip(&bytes) {
        events.io.show(image, b.as_ref());
    }
    Generated { response, bytes }
}

/// Events of one run, timed from its start.
#[derive(Debug)]
pub(crate) struct Events<'a, I> {
    pub(crate) io: &'a I,
    start: f64,
}

impl<'a, I: Io> Events<'a, I> {
    fn new(io: &'a I) -> Self {
        Events {
            io,
            start: io.now(),
        }
    }

    /// Milliseconds since the call.
    pub(crate) fn elapsed(&self) -> u32 {
        (self.io.now() - self.start).max(0.0) as u32
    }

    /// Reports an event to `onEvent`.
    pub(crate) fn say(
        &self,
        stage: Stage,
        level: Level,
        message: String,
        angle: Option<Angle>,
        provider: Option<Provider>,
    ) {
        self.io.event(&CarViewsEvent {
            stage,
            level,
            message,
            angle,
            provider,
            code: None,
            reason: None,
            elapsed_ms: self.elapsed(),
        });
    }

    /// Reports a failure to `onEvent`: a warning with its code (and, for a
    /// 402, which money).
    pub(crate) fn say_failure(
        &self,
        stage: Stage,
        message: String,
        angle: Option<Angle>,
        provider: Option<Provider>,
        failure: &Failure,
    ) {
        self.io.event(&CarViewsEvent {
            stage,
            level: Level::Warn,
            message,
            angle,
            provider,
            code: Some(failure.code),
            reason: failure.reason,
            elapsed_ms: self.elapsed(),
        });
    }
}

/// What one view gave back: its image and bytes, every provider tried, and
/// how often its paint made it start again.
#[derive(Debug)]
pub(crate) struct ViewDone<I> {
    pub(crate) image: GeneratedImage,
    pub(crate) bytes: Option<I>,
    pub(crate) tried: Vec<ProviderTry>,
    pub(crate) regenerated: u32,
}

/// A view's outcome: done, or stopped by the caller's abort.
type Settled<I> = Result<ViewDone<I>, Aborted>;

/// The reference photo search of one view, started with the run and
/// awaited by the view only when it needs it.
type PhotoSearch<'a> = Shared<LocalBoxFuture<'a, Option<PhotoFound>>>;

/// One call in flight: what it was asked, and the little its concurrent
/// views must share to coordinate (the page's gates, what was told once).
struct Run<'a, I: Io> {
    events: &'a Events<'a, I>,
    io: &'a I,
    page: &'a Page,
    opts: GenerateOptions,
    plan: CarImagesPlan,
    car: CarData,
    photo: Option<Photo<I::Image>>,
    /// The providers to try, in order.
    chain: Vec<Provider>,
    told: Told,
}

impl<I: Io> Run<'_, I> {
    /// The whole run, in order.
    async fn generate(&self, mut brand: Brand) -> Result<Generated<I::Image>, Aborted> {
        let n = self.plan.images.len();
        self.say(
            Stage::Start,
            Level::Info,
            format!("[AsyncImages] Starting parallel image generation for {n} angles"),
        );
        brand.warnings.extend(self.check_setup());
        // Searches run beside the images from the start.
        let photos: Vec<PhotoSearch<'_>> = self
            .plan
            .images
            .iter()
            .map(|image| self.find_reference(image.angle).boxed_local().shared())
            .collect();
        let searches = join(
            join_all(photos.clone()),
            search::enrich(
                self.events,
                self.page,
                self.opts.search.as_ref(),
                &self.car,
                brand,
            ),
        );
        // The views' first requests go out first; the previews are drawn
        // right after, before any view can show an image.
        let previews = async { self.show_previews() };
        let ((settled, anchor), (), (found, brand)) =
            join3(self.all_views(&photos), previews, searches).await;
        let views = self.unless_aborted(settled)?;
        let mut images = Vec::with_capacity(n);
        let (mut bytes, mut tried, mut regenerated) = (Vec::with_capacity(n), Vec::new(), 0);
        for v in views {
            images.push(v.image);
            bytes.push(v.bytes);
            tried.extend(v.tried);
            regenerated += v.regenerated;
        }
        self.compare_with_main(&mut images);
        let response = self.respond(images, tried, regenerated, anchor, brand, found);
        let message = format!(
            "Generated {}/{n} images in parallel",
            response.total_generated
        );
        self.say(Stage::Done, Level::Info, message);
        Ok(Generated { response, bytes })
    }

    /// Previews of every view, drawn offline, once and before any image a
    /// view shows.
    fn show_previews(&self) {
        if !self.opts.preview || !self.told.first_previews() {
            return;
        }
        for image in &self.plan.images {
            let (mut p, bytes) = self.preview(image);
            p.placeholder = true;
            self.io.show(&p, bytes.as_ref());
        }
        let n = self.plan.images.len();
        self.say(
            Stage::Preview,
            Level::Info,
            format!("Previews of {n} angles drawn offline"),
        );
    }

    /// Warns about what this run cannot do: check colours, reach an AI
    /// provider. The warning for `debug.warnings`, if any.
    fn check_setup(&self) -> Option<String> {
        if self.chain.is_empty() {
            self.say(Stage::Fallback, Level::Warn, "No AI provider is configured (pollinations: false and no dalle.proxyUrl): previews only".to_owned());
        }
        if !self.opts.verify || self.io.can_decode() {
            return None;
        }
        let message = "The colour check was skipped: this runtime cannot decode images (no createImageBitmap)".to_owned();
        self.say(Stage::Consistency, Level::Warn, message.clone());
        Some(message)
    }

    /// The reference photo of a view, when the search is on.
    async fn find_reference(&self, angle: Angle) -> Option<PhotoFound> {
        let s = self.opts.search.as_ref()?;
        Some(search::reference(self.events, self.page, s, &self.car, angle).await)
    }

    /// Every view: in anchor mode the main view first and the others, in
    /// parallel, conditioned on it; in the other modes all at once. What the
    /// others followed, in anchor mode.
    async fn all_views(
        &self,
        photos: &[PhotoSearch<'_>],
    ) -> (Vec<Settled<I::Image>>, Option<AnchorReport>) {
        let views: Vec<_> = self.plan.images.iter().zip(photos).collect();
        if let (Some(photo), Some(((main, _), rest))) = (&self.photo, views.split_first()) {
            return self.views_from_photo(photo, main, rest).await;
        }
        let anchored = self.plan.consistency == Consistency::Anchor && views.len() > 1;
        let Some(((main, main_photo), rest)) = views.split_first().filter(|_| anchored) else {
            let all = views
                .iter()
                .map(|(image, photo)| self.view(image, photo, None));
            return (join_all(all).await, None);
        };
        let main_settled = match self.settle(main, main_photo, None).await {
            Ok(settled) => settled,
            Err(Aborted) => return (vec![Err(Aborted)], None),
        };
        // The upload starts as soon as the main image is kept; it is shown meanwhile.
        let (kept, bytes) = match main_settled.kept() {
            Some((image, bytes)) => (Some(image.clone()), bytes.cloned()),
            None => (None, None),
        };
        let follow = self.anchor_of(kept.as_ref(), bytes, true);
        let ((anchor, report), main_done) =
            join(follow, self.finish(main, main_photo, main_settled)).await;
        if anchor.url.is_none() && anchor.bytes.is_none() {
            let angle = main.angle.name();
            self.say_for(main.angle, Stage::Consistency, Level::Warn, format!("The main view ({angle}) has no image to follow: the other views share its seed instead"));
        }
        self.followers(main_done, rest, &anchor, report).await
    }

    /// The views after the main one, in parallel, following `anchor`; all
    /// the views, and what they followed.
    async fn followers(
        &self,
        main: ViewDone<I::Image>,
        rest: &[(&PlannedImage, &PhotoSearch<'_>)],
        anchor: &Anchor<I::Image>,
        report: AnchorReport,
    ) -> (Vec<Settled<I::Image>>, Option<AnchorReport>) {
        let others = join_all(
            rest.iter()
                .map(|(image, photo)| self.view(image, photo, Some(anchor))),
        )
        .await;
        let all = std::iter::once(Ok(main)).chain(others).collect();
        (all, Some(report))
    }

    /// The views made from the seller's photo: the photo itself as the main
    /// view, every other view conditioned on it (its upload for Pollinations,
    /// only with consent; its bytes for the proxy's edits), in parallel.
    async fn views_from_photo(
        &self,
        photo: &Photo<I::Image>,
        main: &PlannedImage,
        rest: &[(&PlannedImage, &PhotoSearch<'_>)],
    ) -> (Vec<Settled<I::Image>>, Option<AnchorReport>) {
        let shown = self.photo_shown(photo, main).await;
        if rest.is_empty() {
            return (vec![Ok(shown)], None);
        }
        let consent = photo.choice.upload;
        if self.pollinations_follows() && !consent {
            self.say_for(main.angle, Stage::Consistency, Level::Warn, "The photo is not uploaded to Pollinations without referencePhoto.upload: true, so Pollinations makes the other views from the text alone".to_owned());
        }
        let (anchor, report) = self
            .anchor_of(Some(&shown.image), Some(photo.jpeg.clone()), consent)
            .await;
        self.followers(shown, rest, &anchor, report).await
    }

    /// The views as they settled, unless the caller aborted: then the
    /// object URLs of the images it was given go at once.
    fn unless_aborted(
        &self,
        settled: Vec<Settled<I::Image>>,
    ) -> Result<Vec<ViewDone<I::Image>>, Aborted> {
        let aborted = self.io.aborted() || settled.iter().any(Result::is_err);
        if !aborted {
            return Ok(settled.into_iter().flatten().collect());
        }
        for done in settled.iter().flatten() {
            self.io.discard(&done.image.url);
        }
        Err(Aborted)
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
                    let message =
                        format!("{}: its paint differs from the main view's", angle.name());
                    self.say_for(angle, Stage::Consistency, Level::Warn, message);
                }
            }
        }
    }

    /// The response: the images, what was tried, the verification and the search.
    fn respond(
        &self,
        images: Vec<GeneratedImage>,
        tried: Vec<ProviderTry>,
        regenerated: u32,
        anchor: Option<AnchorReport>,
        brand: Brand,
        found: Vec<Option<PhotoFound>>,
    ) -> CarImagesResponse {
        let mut warnings = brand.warnings;
        warnings.extend(found.iter().flatten().filter_map(|f| f.warning.clone()));
        let mut response =
            CarImagesResponse::assemble(&self.plan, images, tried, self.events.elapsed(), warnings);
        response.debug.verification = Verification::of(&response.images, regenerated);
        response.debug.anchor = anchor;
        if self.opts.search.is_some() {
            let mut report = SearchReport {
                brand: brand.facts,
                emblem_source: brand.emblem_source,
                ..SearchReport::default()
            };
            for f in found.into_iter().flatten() {
                report.queries.insert(f.angle.name(), f.query);
                if f.reference.is_some() {
                    report.found.push(f.angle);
                }
            }
            response.debug.search = Some(report);
        }
        response
    }

    /// The built-in rendering of a view, as a `data:` URL, and its SVG bytes.
    fn preview(&self, image: &PlannedImage) -> (GeneratedImage, Option<I::Image>) {
        let (width, height) = self
            .opts
            .pollinations
            .as_ref()
            .map_or((1024, 768), |p| (p.width, p.height));
        let options = PreviewOptions {
            width,
            height,
            caption: false,
            language: self.opts.plan.language,
            ..PreviewOptions::default()
        };
        let svg = render_preview(&self.car, image.angle, &options);
        let url = format!("data:image/svg+xml;base64,{}", base64(svg.as_bytes()));
        let mut g = GeneratedImage::from_plan(&self.plan, image, Provider::Preview, "svg", url);
        g.elapsed_ms = self.events.elapsed();
        g.name_file("image/svg+xml");
        (g, self.io.text_image(&svg, "image/svg+xml"))
    }

    /// Hands a view's image to `onImage`, after the previews.
    fn show(&self, image: &GeneratedImage, bytes: Option<&I::Image>) {
        self.show_previews();
        self.io.show(image, bytes);
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

    /// An event about the whole run.
    fn say(&self, stage: Stage, level: Level, message: String) {
        self.events.say(stage, level, message, None, None);
    }

    /// An event about one view.
    fn say_for(&self, angle: Angle, stage: Stage, level: Level, message: String) {
        self.events.say(stage, level, message, Some(angle), None);
    }
}
