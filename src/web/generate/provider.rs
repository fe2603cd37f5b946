//! One provider's part of a view: the request for it, a slot at its gate,
//! retries with backoff and `Retry-After`, one-at-a-time once it queues,
//! and reading its answer into an image (or why not).

use web_sys::Blob;

use super::view::{Follow, Miss, Pixels};
use super::Run;
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
use crate::web::http::{blob_url, fetch_with, sleep, Answer, Body, Expect, FetchError};
use crate::web::interop::parse_json;

/// An image from a provider, with its bytes when they were fetched.
pub(super) type Delivered = (GeneratedImage, Option<Blob>, Option<Pixels>);
/// Why an answer is not an image: the reason, what to do, and `Retry-After`.
type Rejected = (String, Verdict, Option<u32>);

impl Run {
    /// The providers in order until one delivers; their failures are added to `errors`.
    pub(super) async fn through_chain(
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
        Err(Miss::Failed(errors.join("; ")))
    }

    /// The gate of a provider of the chain.
    fn gate(&self, p: Provider) -> Option<&Gate> {
        self.gates.iter().find(|(q, _)| *q == p).map(|(_, g)| g)
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
