//! What to do after each answer: retry (when, honouring `Retry-After`),
//! slow down, move to the next provider, or accept. HTTP status is an
//! input here, not an error.

/// How an answer from an image provider is judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// An image: done.
    Success,
    /// Worth asking again after a pause (5xx, network error, timeout).
    Retry,
    /// The service is queueing or rate-limiting (429, 402 "queue full"):
    /// ask again later, and send fewer requests at once.
    Throttled,
    /// Asking again will not help (400, 401, 402, 403, 404, 422, …): next provider.
    GiveUp,
}

/// Judges an HTTP status; `body` is the start of the answer's text (for
/// Pollinations' 402 "Queue full" answers, which are a queue, not a bill).
pub fn judge_status(status: u16, body: &str) -> Verdict {
    match status {
        200..=299 => Verdict::Success,
        429 => Verdict::Throttled,
        402 if body.to_ascii_lowercase().contains("queue full") => Verdict::Throttled,
        408 | 425 | 500 | 502 | 503 | 504 | 520..=530 => Verdict::Retry,
        _ => Verdict::GiveUp,
    }
}

/// The longest pause carviews honours from a `Retry-After` header.
pub const MAX_RETRY_AFTER_MS: u32 = 60_000;
/// The first backoff pause; doubled on each retry.
pub const BASE_BACKOFF_MS: u32 = 400;
/// The longest backoff pause.
pub const MAX_BACKOFF_MS: u32 = 8_000;
/// Throttled answers one angle may get from one provider before giving up
/// on it (they do not use up `retries`, but they must end).
pub const MAX_THROTTLED: u32 = 8;

/// Reads `Retry-After` as delay-seconds (an HTTP date or garbage gives `None`).
pub fn parse_retry_after(value: Option<&str>) -> Option<u32> {
    let v = value?.trim();
    if v.is_empty() || v.len() > 6 || !v.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let secs: u32 = v
        .bytes()
        .fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0'));
    Some(secs.saturating_mul(1000).min(MAX_RETRY_AFTER_MS))
}

/// The pause before attempt `attempt` (1 = the first retry): exponential
/// with ±25 % jitter from `jitter` (any number: carviews derives it from the
/// session, angle and attempt, so runs are reproducible), never shorter than
/// what the service asked for: a `Retry-After` replaces the backoff.
pub fn backoff_ms(attempt: u32, retry_after_ms: Option<u32>, jitter: u32) -> u32 {
    let exp = BASE_BACKOFF_MS.saturating_mul(1u32 << attempt.saturating_sub(1).min(10));
    let base = exp.min(MAX_BACKOFF_MS);
    // jitter in [0.75, 1.25) of base.
    let spread = base / 2;
    let jittered = base - base / 4 + if spread > 0 { jitter % spread } else { 0 };
    match retry_after_ms {
        Some(ra) if ra > 0 => ra,
        _ => jittered,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses() {
        assert_eq!(judge_status(200, ""), Verdict::Success);
        for s in [400, 401, 403, 404, 422] {
            assert_eq!(judge_status(s, ""), Verdict::GiveUp, "{s}");
        }
        assert_eq!(
            judge_status(402, "{\"error\":\"Payment required\"}"),
            Verdict::GiveUp
        );
        assert_eq!(
            judge_status(402, "{\"message\":\"Queue full for IP 1.2.3.4 (max: 1)\"}"),
            Verdict::Throttled
        );
        assert_eq!(judge_status(429, ""), Verdict::Throttled);
        for s in [500, 502, 503, 504, 530] {
            assert_eq!(judge_status(s, ""), Verdict::Retry, "{s}");
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
    fn backoff_grows_with_jitter_and_honours_retry_after() {
        for j in [0, 7, 1234, u32::MAX] {
            let a1 = backoff_ms(1, None, j);
            let a3 = backoff_ms(3, None, j);
            assert!((300..500).contains(&a1), "{a1}");
            assert!((1200..2000).contains(&a3), "{a3}");
            assert!(backoff_ms(30, None, j) < MAX_BACKOFF_MS * 5 / 4);
        }
        assert_eq!(backoff_ms(1, Some(5000), 3), 5000);
        assert_eq!(backoff_ms(5, Some(100), 3), 100, "the service's word wins");
    }
}
