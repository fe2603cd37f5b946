//! One provider's part of a view: the request for it, a slot at its gate,
//! retries with backoff and `Retry-After`, one-at-a-time once it queues,
//! and reading its answer into an image (or why not).

use web_sys::Blob;

use super::view::{Follow, Miss, Pixels};
use super::{ownership, Run};
use crate::core::generate::failure::{ErrorCode, Failure};
use crate::core::generate::options::PollinationsApi;
use crate::core::generate::policy::{
    backoff_ms, judge_status, parse_retry_after, Verdict, MAX_THROTTLED,
};
use crate::core::generate::providers::{
    dalle_edit_request, dalle_image, dalle_request, dalle_takes_reference, error_message,
    is_image_type, pollinations_request, short, DalleAnswer, HttpRequest, Provider,
};
use crate::core::generate::response::{GeneratedImage, Level, ProviderTry};
use crate::core::plan::PlannedImage;
use crate::web::gate::Gate;
use crate::web::http::{fetch_with, sleep, Answer, Body, Expect, FetchError};
use crate::web::interop::parse_json;

/// An image from a provider, with its bytes when they were fetched.
pub(super) type Delivered = (GeneratedImage, Option<Blob>, Option<Pixels>);
/// Why an answer is not an image: the reason, what to do, and `Retry-After`.
type Rejected = (Failure, Verdict, Option<u32>);

impl Run {
    /// The providers in order until one delivers; their failures are added to `errors`.
    pub(super) async fn through_chain(
        &self,
        image: &PlannedImage,
        follow: &Follow<'_>,
        errors: &mut Vec<Failure>,
    ) -> Result<(Provider, Delivered), Miss> {
        for (provider, _) in &self.gates {
            match self.try_provider(*provider, image, follow).await {
                Ok(found) => return Ok((*provider, found)),
                Err(Miss::Aborted) => return Err(Miss::Aborted),
                Err(Miss::Failed(f)) => errors.push(Failure::new(
                    format!("{}: {}", provider.name(), f.why),
                    f.code,
                )),
            }
        }
        let code = errors.last().map_or(ErrorCode::NoProvider, |f| f.code);
        Err(Miss::Failed(Failure::new(joined(errors), code)))
    }

    /// The gate of a provider of the chain.
    fn gate(&self, p: Provider) -> Option<&Gate> {
        self.gates.iter().find(|(q, _)| *q == p).map(|(_, g)| g)
    }

    fn record(
        &self,
        image: &PlannedImage,
        provider: Provider,
        attempts: u32,
        failure: Option<&Failure>,
    ) {
        self.tried.borrow_mut().push(ProviderTry {
            angle: image.angle,
            provider: provider.name(),
            attempts,
            outcome: failure.map_or_else(|| "ok".to_owned(), |f| f.why.clone()),
            error_code: failure.map(|f| f.code),
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
            _ => return Err(not_configured()),
        };
        let Some(gate) = self.gate(provider) else {
            return Err(not_configured());
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
            let (failure, verdict, retry_after) = match result {
                Err(FetchError::Aborted) => return Err(Miss::Aborted),
                Err(e) => (Failure::new(e.describe(), e.code()), Verdict::Retry, None),
                Ok(answer) => match self.accept(provider, &req, image, answer) {
                    Ok((g, blob)) => match self.decode(blob.as_ref()).await {
                        Ok(decoded) => {
                            self.record(image, provider, attempts, None);
                            return Ok((g, blob, decoded));
                        }
                        Err(()) => {
                            // A corrupt image is never shown: its object URL goes now.
                            ownership::discard(&g.url);
                            (
                                Failure::new(
                                    "the image could not be decoded (truncated or corrupt)",
                                    ErrorCode::BadImage,
                                ),
                                Verdict::Retry,
                                None,
                            )
                        }
                    },
                    Err(miss) => miss,
                },
            };
            if failure.code == ErrorCode::PaymentRequired {
                self.warn_payment(provider);
            }
            let why = &failure.why;
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
                        self.record(image, provider, attempts, Some(&failure));
                        return Err(Miss::Failed(failure));
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
                            retries,
                            self.opts.retries,
                            ms
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
                    self.record(image, provider, attempts, Some(&failure));
                    return Err(Miss::Failed(failure));
                }
            };
            sleep(delay, &self.cancel).await;
        }
    }

    /// Tells the caller once per run that the key's money is spent (a 402 on
    /// gen is a bill, not a queue: never retried).
    fn warn_payment(&self, provider: Provider) {
        if self.payment_warned.replace(true) {
            return;
        }
        self.callbacks.event(
            "provider",
            Level::Warn,
            "Pollinations answered 402 Payment Required: the key's pollen balance or budget is spent (or the model is paid-only); top it up or sign in again with a larger budget".to_owned(),
            None,
            Some(provider.name()),
        );
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
            let mut why = format!("HTTP {status}");
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
            let code = ErrorCode::of_status(status, text, req.authenticated);
            return Err((Failure::new(why, code), verdict, retry_after));
        }
        let mut bytes = None;
        let url = match body {
            Body::Blob(blob) => {
                if !is_image_type(content_type.as_deref()) || blob.size() < 1.0 {
                    let t = content_type.unwrap_or_else(|| "no content type".to_owned());
                    return Err((
                        Failure::new(
                            format!("answered {} instead of an image", short(&t)),
                            ErrorCode::BadImage,
                        ),
                        Verdict::Retry,
                        None,
                    ));
                }
                let url = if req.authenticated {
                    self.object_url(&blob).map_err(|e| {
                        (Failure::new(e, ErrorCode::BadImage), Verdict::GiveUp, None)
                    })?
                } else {
                    req.url.clone()
                };
                bytes = Some(blob);
                url
            }
            Body::Json(j) => dalle_image(&DalleAnswer::from_json(&j))
                .map_err(|e| (Failure::new(e, ErrorCode::BadImage), Verdict::Retry, None))?,
            Body::Text(_) => {
                let f = Failure::new("answered no image", ErrorCode::BadImage);
                return Err((f, Verdict::Retry, None));
            }
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

/// The failures of a view's chain, one sentence.
pub(super) fn joined(errors: &[Failure]) -> String {
    errors
        .iter()
        .map(|f| f.why.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

fn not_configured() -> Miss {
    Miss::Failed(Failure::new("not configured", ErrorCode::NoProvider))
}
