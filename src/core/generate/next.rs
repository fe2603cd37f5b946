//! What happened to an attempt, and the one decision of what to do next:
//! retry after a pause, move to the next provider, make a conditioned view
//! again unconditioned, or let the preview stand in. An HTTP status is an
//! input here, not an error.

use serde::Serialize;

/// The reason an attempt, or a whole view, got no AI image, as a code a
/// UI can translate (`error_code` beside the English `error` of an image
/// and of each entry of `debug.providers_tried`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub enum ErrorCode {
    /// No AI provider is configured (`pollinations: false` and no proxy).
    NoProvider,
    /// The service wants a key and none was given (Pollinations gen: 401).
    AuthRequired,
    /// The key was refused or may not do this (401 with a key, 403).
    AuthFailed,
    /// The key's balance or budget is spent, or the model is paid-only (gen: 402).
    PaymentRequired,
    /// Too many requests, or a queue that is full (429, legacy 402 "Queue full").
    RateLimited,
    /// The prompt or image was refused by the service's content policy (422).
    ContentPolicy,
    /// The request was refused as malformed (other 4xx).
    BadRequest,
    /// No answer within the timeout.
    Timeout,
    /// The network failed (offline, DNS, refused connection, CORS).
    Network,
    /// The service failed (5xx).
    ServerError,
    /// The answer was not a usable image (wrong type, truncated, undecodable).
    BadImage,
    /// The caller aborted.
    Aborted,
}

/// Which money a 402 from Pollinations is about, from its body's code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub enum PaymentReason {
    /// The account's pollen balance is spent (`INSUFFICIENT_BALANCE`).
    Balance,
    /// The key's own budget, set at sign-in, is spent (`KEY_BUDGET_EXHAUSTED`).
    KeyBudget,
    /// The model is paid-only and the pollen is not (`PAYMENT_REQUIRED`).
    PaidOnly,
}

impl PaymentReason {
    /// The reason a 402 body gives, when it names one.
    fn of_body(body_lowercase: &str) -> Option<PaymentReason> {
        if body_lowercase.contains("insufficient_balance") {
            Some(PaymentReason::Balance)
        } else if body_lowercase.contains("key_budget_exhausted") {
            Some(PaymentReason::KeyBudget)
        } else if body_lowercase.contains("payment_required") {
            Some(PaymentReason::PaidOnly)
        } else {
            None
        }
    }
}

/// Whether an error answer is x402's "pay per request" offer to a caller
/// without a key (a 402 with `x402Version`/`accepts`, or a 400 asking for an
/// `Idempotency-Key`): it means "no key", not "no money".
fn is_x402(status: u16, body_lowercase: &str) -> bool {
    match status {
        402 => body_lowercase.contains("x402version") || body_lowercase.contains("\"accepts\""),
        400 => body_lowercase.contains("idempotency-key"),
        _ => false,
    }
}

/// What asking again can do about an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Worth asking again after a pause (5xx, network error, timeout, a bad image).
    Retry,
    /// The service is queueing or rate-limiting (429, legacy 402 "queue
    /// full"): ask again later, one request at a time.
    Throttled,
    /// Asking again will not help (400, 401, 402, 403, 404, 422, …).
    GiveUp,
}

/// One failed attempt: what happened, in English and as a code, and what
/// asking again can do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// A sentence for `error` and events.
    pub why: String,
    /// The code for a UI.
    pub code: ErrorCode,
    /// Whether asking again may help.
    pub verdict: Verdict,
    /// The pause the service asked for (`Retry-After`), in milliseconds.
    pub retry_after_ms: Option<u32>,
    /// For a 402, which money it is about, when the body says.
    pub reason: Option<PaymentReason>,
}

impl Failure {
    /// A failure with its reason and code; whether to ask again follows
    /// from the code.
    pub fn new(why: impl Into<String>, code: ErrorCode) -> Failure {
        let verdict = match code {
            ErrorCode::Timeout
            | ErrorCode::Network
            | ErrorCode::ServerError
            | ErrorCode::BadImage => Verdict::Retry,
            ErrorCode::RateLimited => Verdict::Throttled,
            _ => Verdict::GiveUp,
        };
        Failure {
            why: why.into(),
            code,
            verdict,
            retry_after_ms: None,
            reason: None,
        }
    }

    /// An HTTP error answer: its status, the start of its body (legacy
    /// Pollinations' "Queue full" 402 is a queue, not a bill; a 400 may be a
    /// content-policy refusal), whether a key was sent, and `Retry-After`.
    pub fn of_status(
        why: impl Into<String>,
        status: u16,
        body: &str,
        keyed: bool,
        retry_after: Option<&str>,
    ) -> Failure {
        let body = body.to_ascii_lowercase();
        let code = match status {
            _ if !keyed && is_x402(status, &body) => ErrorCode::AuthRequired,
            401 if keyed => ErrorCode::AuthFailed,
            401 => ErrorCode::AuthRequired,
            403 => ErrorCode::AuthFailed,
            402 if body.contains("queue full") => ErrorCode::RateLimited,
            402 => ErrorCode::PaymentRequired,
            429 => ErrorCode::RateLimited,
            422 => ErrorCode::ContentPolicy,
            400 if body.contains("content_policy") || body.contains("content policy") => {
                ErrorCode::ContentPolicy
            }
            408 => ErrorCode::Timeout,
            400..=499 => ErrorCode::BadRequest,
            _ => ErrorCode::ServerError,
        };
        let mut failure = Failure::new(why, code);
        if code == ErrorCode::ServerError && !matches!(status, 500 | 502 | 503 | 504 | 520..=530) {
            // 501, 505…: the service cannot do this at all.
            failure.verdict = Verdict::GiveUp;
        }
        failure.retry_after_ms = parse_retry_after(retry_after);
        if code == ErrorCode::PaymentRequired {
            failure.reason = PaymentReason::of_body(&body);
        }
        failure
    }
}

/// The longest pause carviews honours from a `Retry-After` header (a longer
/// one is read as this, and then is longer than most timeouts).
pub const MAX_RETRY_AFTER_MS: u32 = 600_000;
/// The first backoff pause; doubled on each retry.
pub const BASE_BACKOFF_MS: u32 = 400;
/// The longest backoff pause.
pub const MAX_BACKOFF_MS: u32 = 8_000;
/// Throttled answers one view may get from one provider before moving on
/// (they do not use up `retries`, but they must end).
pub const MAX_THROTTLED: u32 = 8;

/// Reads `Retry-After` as delay-seconds (an HTTP date or garbage gives `None`).
pub fn parse_retry_after(value: Option<&str>) -> Option<u32> {
    let v = value?.trim();
    if v.is_empty() || v.len() > 6 || !v.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let secs: u32 = v.parse().ok()?;
    Some(secs.saturating_mul(1000).min(MAX_RETRY_AFTER_MS))
}

/// The pause before attempt `attempt` (1 = the first retry): exponential
/// with ±25 % jitter from `jitter` (any number: carviews derives it from the
/// seed and attempt, so runs are reproducible).
pub fn backoff_ms(attempt: u32, jitter: u32) -> u32 {
    let exp = BASE_BACKOFF_MS.saturating_mul(1u32 << attempt.saturating_sub(1).min(10));
    let base = exp.min(MAX_BACKOFF_MS);
    // jitter in [0.75, 1.25) of base.
    let spread = base / 2;
    base - base / 4 + if spread > 0 { jitter % spread } else { 0 }
}

/// What the run still allows one view at one provider, and what it has used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tries {
    /// Requests sent.
    pub attempts: u32,
    /// Retries used (5xx, network, timeouts, bad images).
    pub retries: u32,
    /// Throttled answers (429, queue full): they use up no retry.
    pub throttled: u32,
}

/// The policy of a run: `retries` and `timeoutMs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Retries per provider after a failed attempt.
    pub retries: u32,
    /// The longest any request, or any single pause, may take.
    pub timeout_ms: u32,
}

/// Where the view stands when a provider gives up on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// Whether a provider of the chain is still to be tried.
    pub more_providers: bool,
    /// Whether the view was conditioned on an image (the main view, a photo).
    pub conditioned: bool,
}

/// What to do after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// Ask the same provider again after this pause.
    Retry {
        /// Milliseconds to wait first.
        after_ms: u32,
        /// Whether the provider said "too many" (then it is served one
        /// request at a time from now on).
        throttled: bool,
    },
    /// Try the next provider of the chain.
    NextProvider,
    /// The chain is spent on a conditioned view: make it again
    /// unconditioned, on the main view's seed.
    Unconditioned,
    /// The chain is spent: the preview stands in.
    Preview,
}

/// The one decision after a failed attempt, from the failure, what the view
/// has used at this provider (updated here), the policy and where the view
/// stands. 429s and queue answers use up no retry but end after
/// [`MAX_THROTTLED`]; no pause is longer than `timeout_ms` (a longer
/// `Retry-After` moves the view on), so no answer can stall a run.
pub fn next(
    failure: &Failure,
    tries: &mut Tries,
    policy: &Policy,
    jitter: u32,
    at: Position,
) -> Next {
    let pause = match failure.verdict {
        Verdict::Throttled if tries.throttled < MAX_THROTTLED => {
            tries.throttled += 1;
            Some((
                failure
                    .retry_after_ms
                    .filter(|ms| *ms > 0)
                    .unwrap_or_else(|| backoff_ms(tries.throttled.min(4), jitter)),
                true,
            ))
        }
        Verdict::Retry if tries.retries < policy.retries => {
            tries.retries += 1;
            Some((
                failure
                    .retry_after_ms
                    .filter(|ms| *ms > 0)
                    .unwrap_or_else(|| backoff_ms(tries.retries, jitter)),
                false,
            ))
        }
        _ => None,
    };
    match pause {
        Some((after_ms, throttled)) if after_ms <= policy.timeout_ms => Next::Retry {
            after_ms,
            throttled,
        },
        _ if at.more_providers => Next::NextProvider,
        _ if at.conditioned => Next::Unconditioned,
        _ => Next::Preview,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: Policy = Policy {
        retries: 2,
        timeout_ms: 10_000,
    };
    const LAST: Position = Position {
        more_providers: false,
        conditioned: false,
    };

    fn status(s: u16, body: &str, keyed: bool) -> Failure {
        Failure::of_status(format!("HTTP {s}"), s, body, keyed, None)
    }

    #[test]
    fn statuses_map_to_codes_and_verdicts() {
        let cases = [
            (401, "", false, ErrorCode::AuthRequired, Verdict::GiveUp),
            (401, "", true, ErrorCode::AuthFailed, Verdict::GiveUp),
            (403, "", true, ErrorCode::AuthFailed, Verdict::GiveUp),
            (
                402,
                r#"{"error":{"code":"PAYMENT_REQUIRED","message":"Insufficient balance"}}"#,
                true,
                ErrorCode::PaymentRequired,
                Verdict::GiveUp,
            ),
            (
                402,
                r#"{"message":"Queue full for IP 1.2.3.4 (max: 1)"}"#,
                false,
                ErrorCode::RateLimited,
                Verdict::Throttled,
            ),
            (429, "", true, ErrorCode::RateLimited, Verdict::Throttled),
            (422, "", true, ErrorCode::ContentPolicy, Verdict::GiveUp),
            (
                400,
                r#"{"error":{"code":"content_policy_violation"}}"#,
                true,
                ErrorCode::ContentPolicy,
                Verdict::GiveUp,
            ),
            (
                400,
                r#"{"error":{"code":"BAD_REQUEST"}}"#,
                true,
                ErrorCode::BadRequest,
                Verdict::GiveUp,
            ),
            (404, "", true, ErrorCode::BadRequest, Verdict::GiveUp),
            (408, "", true, ErrorCode::Timeout, Verdict::Retry),
            (413, "", true, ErrorCode::BadRequest, Verdict::GiveUp),
            (500, "", true, ErrorCode::ServerError, Verdict::Retry),
            (501, "", true, ErrorCode::ServerError, Verdict::GiveUp),
            (503, "", true, ErrorCode::ServerError, Verdict::Retry),
            (530, "", true, ErrorCode::ServerError, Verdict::Retry),
        ];
        for (s, body, keyed, code, verdict) in cases {
            let f = status(s, body, keyed);
            assert_eq!((f.code, f.verdict), (code, verdict), "{s} {body}");
        }
        for code in [ErrorCode::Timeout, ErrorCode::Network, ErrorCode::BadImage] {
            assert_eq!(Failure::new("x", code).verdict, Verdict::Retry);
        }
    }

    #[test]
    fn a_402_says_which_money_and_x402_means_no_key() {
        let body = |code: &str| {
            format!(r#"{{"status":402,"success":false,"error":{{"code":"{code}","message":"…"}}}}"#)
        };
        for (code, reason) in [
            ("INSUFFICIENT_BALANCE", Some(PaymentReason::Balance)),
            ("KEY_BUDGET_EXHAUSTED", Some(PaymentReason::KeyBudget)),
            ("PAYMENT_REQUIRED", Some(PaymentReason::PaidOnly)),
            ("SOMETHING_NEW", None),
        ] {
            let f = status(402, &body(code), true);
            assert_eq!(
                (f.code, f.verdict, f.reason),
                (ErrorCode::PaymentRequired, Verdict::GiveUp, reason),
                "{code}"
            );
        }
        let x402 = r#"{"x402Version":1,"error":"Payment required","accepts":[{"scheme":"exact","network":"base"}]}"#;
        assert_eq!(status(402, x402, false).code, ErrorCode::AuthRequired);
        assert_eq!(status(402, x402, false).reason, None);
        let idempotency = r#"{"error":"A non-empty Idempotency-Key is required for x402"}"#;
        assert_eq!(
            status(400, idempotency, false).code,
            ErrorCode::AuthRequired
        );
        // With a key, a 402 is money, whatever its body offers.
        assert_eq!(status(402, x402, true).code, ErrorCode::PaymentRequired);
    }

    #[test]
    fn codes_serialise_as_the_names_a_ui_translates() {
        let codes = [
            (ErrorCode::NoProvider, "no_provider"),
            (ErrorCode::AuthRequired, "auth_required"),
            (ErrorCode::AuthFailed, "auth_failed"),
            (ErrorCode::PaymentRequired, "payment_required"),
            (ErrorCode::RateLimited, "rate_limited"),
            (ErrorCode::ContentPolicy, "content_policy"),
            (ErrorCode::BadRequest, "bad_request"),
            (ErrorCode::Timeout, "timeout"),
            (ErrorCode::Network, "network"),
            (ErrorCode::ServerError, "server_error"),
            (ErrorCode::BadImage, "bad_image"),
            (ErrorCode::Aborted, "aborted"),
        ];
        for (code, name) in codes {
            assert_eq!(serde_json::to_string(&code).unwrap(), format!("\"{name}\""));
        }
    }

    #[test]
    fn retry_after_is_seconds_capped() {
        assert_eq!(parse_retry_after(Some("2")), Some(2000));
        assert_eq!(parse_retry_after(Some(" 0 ")), Some(0));
        assert_eq!(parse_retry_after(Some("999999")), Some(MAX_RETRY_AFTER_MS));
        assert_eq!(
            parse_retry_after(Some("Wed, 21 Oct 2015 07:28:00 GMT")),
            None
        );
        assert_eq!(parse_retry_after(Some("-1")), None);
        assert_eq!(parse_retry_after(None), None);
    }

    #[test]
    fn backoff_grows_with_jitter() {
        for j in [0, 7, 1234, u32::MAX] {
            let a1 = backoff_ms(1, j);
            let a3 = backoff_ms(3, j);
            assert!((300..500).contains(&a1), "{a1}");
            assert!((1200..2000).contains(&a3), "{a3}");
            assert!(backoff_ms(30, j) < MAX_BACKOFF_MS * 5 / 4);
        }
    }

    #[test]
    fn retries_are_counted_and_end() {
        let mut t = Tries::default();
        let f = status(503, "", true);
        for _ in 0..2 {
            assert!(matches!(
                next(&f, &mut t, &POLICY, 1, LAST),
                Next::Retry {
                    throttled: false,
                    ..
                }
            ));
        }
        assert_eq!(t.retries, 2);
        assert_eq!(next(&f, &mut t, &POLICY, 1, LAST), Next::Preview);
        let more = Position {
            more_providers: true,
            conditioned: true,
        };
        assert_eq!(next(&f, &mut t, &POLICY, 1, more), Next::NextProvider);
        let conditioned = Position {
            more_providers: false,
            conditioned: true,
        };
        assert_eq!(
            next(&f, &mut t, &POLICY, 1, conditioned),
            Next::Unconditioned
        );
        let mut fresh = Tries::default();
        assert_eq!(
            next(&status(400, "", true), &mut fresh, &POLICY, 1, LAST),
            Next::Preview
        );
    }

    #[test]
    fn throttled_answers_use_no_retry_and_honour_retry_after_up_to_the_timeout() {
        let mut t = Tries::default();
        let mut f = Failure::of_status("HTTP 429", 429, "", true, Some("3"));
        assert_eq!(
            next(&f, &mut t, &POLICY, 1, LAST),
            Next::Retry {
                after_ms: 3000,
                throttled: true
            }
        );
        assert_eq!((t.retries, t.throttled), (0, 1));
        for _ in 1..MAX_THROTTLED {
            assert!(matches!(
                next(&f, &mut t, &POLICY, 1, LAST),
                Next::Retry { .. }
            ));
        }
        assert_eq!(next(&f, &mut t, &POLICY, 1, LAST), Next::Preview);
        // A pause longer than the timeout moves the view on at once.
        f.retry_after_ms = Some(20_000);
        assert_eq!(
            next(&f, &mut Tries::default(), &POLICY, 1, LAST),
            Next::Preview
        );
        // Without Retry-After the pause grows.
        f.retry_after_ms = None;
        let mut t = Tries::default();
        let pauses: Vec<u32> = (0..4)
            .map(|_| match next(&f, &mut t, &POLICY, 0, LAST) {
                Next::Retry { after_ms, .. } => after_ms,
                other => panic!("{other:?}"),
            })
            .collect();
        assert!(pauses.windows(2).all(|w| w[0] < w[1]), "{pauses:?}");
    }
}
