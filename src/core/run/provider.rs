//! One provider's part of a view: the request for it, a slot at its gate
//! (shared by the page's runs), the decision after each failed attempt
//! (retry, with backoff or `Retry-After`, one-at-a-time once it queues, or
//! move on), and reading its answer into an image or a failure.

use std::cell::Cell;

use crate::core::generate::next::{
    next, ErrorCode, Failure, Next, PaymentReason, Policy, Position, Tries,
};
use crate::core::generate::options::PollinationsApi;
use crate::core::generate::providers::{
    dalle_edit_request, dalle_image, dalle_request, dalle_takes_reference, error_message,
    is_image_type, pollinations_request, short, DalleAnswer, HttpRequest, Provider,
};
use crate::core::generate::response::{GeneratedImage, ProviderTry, Stage};
use crate::core::plan::PlannedImage;
use crate::core::raw::Raw;
use crate::core::run::io::{fetch, pause, Answer, Body, Io, Pixels};
use crate::core::run::Run;
use crate::core::text::hex;

/// What a view follows: an image URL (Pollinations' `image=`) and/or image
/// bytes (the proxy's `/images/edits`).
pub(crate) struct Follow<'a, I> {
    pub(crate) url: Option<&'a str>,
    pub(crate) bytes: Option<&'a I>,
}

impl<I> Follow<'_, I> {
    /// Whether the view is conditioned on an image (a URL or bytes).
    pub(crate) fn conditioned(&self) -> bool {
        self.url.is_some() || self.bytes.is_some()
    }
}

/// Why the chain gave no image for a view.
pub(crate) enum Miss {
    /// The caller aborted.
    Aborted,
    /// Every provider failed: the last failure (its `why` joins them all),
    /// and what the decision says comes next (an unconditioned re-run, or
    /// the preview).
    Failed(Failure, Next),
}

/// An image from a provider, with its bytes and decoded pixels when fetched.
pub(crate) struct Delivered<I> {
    pub(crate) image: GeneratedImage,
    pub(crate) bytes: Option<I>,
    pub(crate) pixels: Option<Pixels>,
    /// Whether it can only be shown from its bytes (it was fetched with a
    /// key, which an `<img>` cannot send).
    pub(crate) from_bytes: bool,
}

/// What a view keeps while it runs and gives back at the end.
#[derive(Debug, Default)]
pub(crate) struct ViewLog {
    /// Every provider tried, for `debug.providers_tried`.
    pub(crate) tried: Vec<ProviderTry>,
    /// Every failure, in order.
    pub(crate) errors: Vec<Failure>,
    /// The (provider, model)s that answered 402: not asked again by this view.
    pub(crate) refused: Vec<(Provider, String)>,
    /// Attempts started again because the paint drifted.
    pub(crate) regenerated: u32,
}

impl ViewLog {
    /// The failures, one sentence.
    pub(crate) fn joined(&self) -> String {
        self.errors
            .iter()
            .map(|f| f.why.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The view's failure so far: every reason in one sentence, the last
    /// code and (for a 402) reason; `no_provider` when nothing was tried.
    pub(crate) fn failure(&self) -> Failure {
        let Some(last) = self.errors.last() else {
            return Failure::new("no AI provider is configured", ErrorCode::NoProvider);
        };
        Failure {
            reason: last.reason,
            ..Failure::new(self.joined(), last.code)
        }
    }
}

/// What the concurrent views of one run tell the caller once, whichever
/// view meets it first: that the key's money is spent, and the previews
/// (before any image a view shows).
#[derive(Debug, Default)]
pub(crate) struct Told {
    payment: Cell<bool>,
    previews: Cell<bool>,
}

impl Told {
    /// Whether this is the first 402 of the run (then it is told).
    fn first_payment(&self) -> bool {
        !self.payment.replace(true)
    }

    /// Whether the previews are still to be shown (then they are now).
    pub(crate) fn first_previews(&self) -> bool {
        !self.previews.replace(true)
    }
}

/// The page-wide gate key of a provider: its base URL and a hash of the
/// credentials it is called with (never the secret itself).
fn gate_key(provider: Provider, base: &str, request: &HttpRequest) -> String {
    let mut credentials = String::new();
    for (name, value) in &request.headers {
        credentials.push_str(&format!("{name}={}|", value.expose()));
    }
    let digest = <md5::Md5 as md5::Digest>::digest(credentials.as_bytes());
    format!("{}|{base}|{}", provider.name(), hex(&digest))
}

impl<I: Io> Run<'_, I> {
    /// The providers in order until one delivers; their failures are added to `log`.
    pub(crate) async fn through_chain(
        &self,
        image: &PlannedImage,
        follow: &Follow<'_, I::Image>,
        log: &mut ViewLog,
    ) -> Result<(Provider, Delivered<I::Image>), Miss> {
        let mut last = Next::Preview;
        for (i, provider) in self.chain.iter().enumerate() {
            let at = Position {
                more_providers: i + 1 < self.chain.len(),
                conditioned: follow.conditioned(),
            };
            match self.try_provider(*provider, image, follow, at, log).await {
                Ok(found) => return Ok((*provider, found)),
                Err(Miss::Aborted) => return Err(Miss::Aborted),
                Err(Miss::Failed(f, n)) => {
                    last = n;
                    log.errors.push(Failure {
                        why: format!("{}: {}", provider.name(), f.why),
                        ..f
                    });
                }
            }
        }
        if last == Next::NextProvider {
            // The last provider was skipped (it refused this view before).
            last = match follow.conditioned() {
                true => Next::Unconditioned,
                false => Next::Preview,
            };
        }
        Err(Miss::Failed(log.failure(), last))
    }

    /// One provider's attempts at one view, until it delivers or the
    /// decision moves the view on.
    async fn try_provider(
        &self,
        provider: Provider,
        image: &PlannedImage,
        follow: &Follow<'_, I::Image>,
        at: Position,
        log: &mut ViewLog,
    ) -> Result<Delivered<I::Image>, Miss> {
        let (opts, mut attach) = (&self.opts, None);
        let (req, base) = match (provider, &opts.dalle, &opts.pollinations) {
            (Provider::Dalle, Some(d), _) => match follow.bytes {
                Some(bytes) if dalle_takes_reference(d) => {
                    attach = Some(bytes);
                    (dalle_edit_request(d, image), &d.proxy_url)
                }
                _ => (dalle_request(d, image), &d.proxy_url),
            },
            (Provider::Pollinations, _, Some(p)) => {
                (pollinations_request(p, image, follow.url), &p.base_url)
            }
            _ => {
                return Err(give_up(Failure::new(
                    "not configured",
                    ErrorCode::NoProvider,
                )))
            }
        };
        if log
            .refused
            .iter()
            .any(|(p, m)| *p == provider && *m == req.model)
        {
            let why = format!("{} answered 402 for this view before", req.model);
            return Err(Miss::Failed(
                Failure::new(why, ErrorCode::PaymentRequired),
                Next::NextProvider,
            ));
        }
        let gate = self.page.gate(&gate_key(provider, base, &req));
        let limit = opts.concurrency.unwrap_or(self.plan.images.len());
        let policy = Policy {
            retries: opts.retries,
            timeout_ms: opts.timeout_ms,
        };
        let mut tries = Tries::default();
        let (angle, name) = (image.angle.name(), provider.name());
        loop {
            if self.io.aborted() {
                return Err(Miss::Aborted);
            }
            let permit = gate.acquire(limit, self.io.now()).await;
            if self.io.aborted() {
                return Err(Miss::Aborted);
            }
            tries.attempts += 1;
            let result = fetch(self.io, &req, attach, opts.timeout_ms).await;
            drop(permit);
            let failure = match result {
                Err(e) if e.code() == ErrorCode::Aborted => return Err(Miss::Aborted),
                Err(e) => Failure::new(e.describe(), e.code()),
                Ok(answer) => match self.accept(provider, &req, image, answer) {
                    Ok((g, bytes)) => match self.decode(bytes.as_ref()).await {
                        Ok(pixels) => {
                            log.tried.push(tried(image, provider, tries.attempts, None));
                            return Ok(Delivered {
                                // Image bytes fetched with a key: an `<img>` cannot send it.
                                from_bytes: req.authenticated && bytes.is_some(),
                                image: g,
                                bytes,
                                pixels,
                            });
                        }
                        // A corrupt image is never shown.
                        Err(()) => Failure::new(
                            "the image could not be decoded (truncated or corrupt)",
                            ErrorCode::BadImage,
                        ),
                    },
                    Err(f) => f,
                },
            };
            if failure.code == ErrorCode::PaymentRequired {
                self.warn_payment(provider, &failure);
                log.refused.push((provider, req.model.clone()));
            }
            let why = &failure.why;
            let jitter = jitter(image, tries.attempts);
            let say = |stage, message| {
                let (a, p) = (Some(image.angle), Some(provider));
                self.events.say_failure(stage, message, a, p, &failure);
            };
            match next(&failure, &mut tries, &policy, jitter, at) {
                Next::Retry {
                    after_ms,
                    throttled: true,
                } => {
                    if gate.throttle(self.io.now()) {
                        let message =
                            format!("{name} is queueing ({why}): continuing one request at a time");
                        say(Stage::Throttle, message);
                    }
                    pause(self.io, after_ms).await;
                }
                Next::Retry { after_ms, .. } => {
                    let message = format!(
                        "{angle}: {name} — {why}; retry {}/{} in {after_ms} ms",
                        tries.retries, opts.retries
                    );
                    say(Stage::Retry, message);
                    pause(self.io, after_ms).await;
                }
                then => {
                    say(
                        Stage::Provider,
                        format!("{angle}: {name} gave no image — {why}"),
                    );
                    log.tried
                        .push(tried(image, provider, tries.attempts, Some(&failure)));
                    return Err(Miss::Failed(failure, then));
                }
            }
        }
    }

    /// Decodes fetched image bytes where the runtime can (a browser): `Err`
    /// for a truncated or corrupt image, which is never shown; the pixels are
    /// kept for the colour check.
    pub(crate) async fn decode(&self, bytes: Option<&I::Image>) -> Result<Option<Pixels>, ()> {
        match bytes {
            Some(b) if self.io.can_decode() => self.io.pixels(b).await.map(Some).ok_or(()),
            _ => Ok(None),
        }
    }

    /// Tells the caller once per run which money a 402 is about and what to
    /// do (a 402 on gen is a bill, not a queue: never retried).
    fn warn_payment(&self, provider: Provider, failure: &Failure) {
        if !self.told.first_payment() {
            return;
        }
        let spent = "Pollinations answered 402 Payment Required: the key's pollen balance or budget is spent";
        let message = match failure.reason {
            Some(PaymentReason::Balance) => format!("{spent}: the account's balance is empty (INSUFFICIENT_BALANCE); top it up at enter.pollinations.ai"),
            Some(PaymentReason::KeyBudget) => format!("{spent}: the budget this key was given at sign-in is used up (KEY_BUDGET_EXHAUSTED); sign in again with a larger budget"),
            Some(PaymentReason::PaidOnly) => "Pollinations answered 402 Payment Required: the model is paid-only and the key has no paid pollen (PAYMENT_REQUIRED); pick a free model (such as flux) or add paid pollen".to_owned(),
            None => format!("{spent} (or the model is paid-only); top it up or sign in again with a larger budget"),
        };
        self.events
            .say_failure(Stage::Provider, message, None, Some(provider), failure);
    }

    /// Reads an answer: an image, or why not.
    fn accept(
        &self,
        provider: Provider,
        req: &HttpRequest,
        image: &PlannedImage,
        answer: Answer<I::Image>,
    ) -> Result<(GeneratedImage, Option<I::Image>), Failure> {
        let Answer {
            status,
            content_type,
            retry_after,
            body,
        } = answer;
        if !(200..300).contains(&status) {
            let text = body.text();
            let mut why = format!("HTTP {status}");
            if let Some(m) = error_message(&Raw::from_json(text)) {
                why.push_str(&format!(" ({m})"));
            }
            let gen = self
                .opts
                .pollinations
                .as_ref()
                .is_some_and(|p| p.api == PollinationsApi::Gen);
            let mut failure =
                Failure::of_status(why, status, text, req.authenticated, retry_after.as_deref());
            if failure.code == ErrorCode::AuthRequired && provider == Provider::Pollinations && gen
            {
                failure.why.push_str(" — Pollinations needs a key: sign in with Pollinations or set pollinations.apiKey");
            }
            return Err(failure);
        }
        let mut bytes = None;
        let url = match body {
            Body::Image(blob) => {
                if !is_image_type(content_type.as_deref()) || self.io.image_size(&blob) < 1.0 {
                    let t = content_type.unwrap_or_else(|| "no content type".to_owned());
                    let why = format!("answered {} instead of an image", short(&t));
                    return Err(Failure::new(why, ErrorCode::BadImage));
                }
                // Shown from an object URL of its bytes when a key rode along
                // (made when the view is shown: only the image kept gets one).
                bytes = Some(blob);
                req.url.clone()
            }
            Body::Text(text) => dalle_image(&DalleAnswer::from_json(&Raw::from_json(&text)))
                .map_err(|e| Failure::new(e, ErrorCode::BadImage))?,
        };
        let source = match provider {
            Provider::Dalle => url.starts_with("http").then(|| url.clone()),
            _ => Some(req.url.clone()),
        };
        let mut g = GeneratedImage::from_plan(&self.plan, image, provider, &req.model, url);
        g.source_url = source;
        Ok((g, bytes))
    }
}

/// A provider that cannot be asked at all: the view moves on.
fn give_up(failure: Failure) -> Miss {
    Miss::Failed(failure, Next::NextProvider)
}

/// Deterministic jitter: the same run waits the same way.
fn jitter(image: &PlannedImage, attempt: u32) -> u32 {
    image
        .seed
        .wrapping_mul(2_654_435_761)
        .wrapping_add(attempt.wrapping_mul(40_503))
}

/// An entry of `debug.providers_tried`.
fn tried(
    image: &PlannedImage,
    provider: Provider,
    attempts: u32,
    failure: Option<&Failure>,
) -> ProviderTry {
    ProviderTry {
        angle: image.angle,
        provider,
        attempts,
        outcome: failure.map_or_else(|| "ok".to_owned(), |f| f.why.clone()),
        error_code: failure.map(|f| f.code),
    }
}
