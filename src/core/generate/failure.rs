//! Why a provider gave no image, as a machine-readable code a UI can
//! translate (`error_code` beside the English `error` of an image and of
//! each entry of `debug.providers_tried`).

use serde::Serialize;

/// The reason an attempt, or a whole view, got no AI image.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
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

impl ErrorCode {
    /// The code of an HTTP error answer: its status, the start of its body
    /// (for legacy Pollinations' "Queue full" 402 and content-policy 400s),
    /// and whether a key was sent.
    pub fn of_status(status: u16, body: &str, keyed: bool) -> ErrorCode {
        let body = body.to_ascii_lowercase();
        match status {
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
        }
    }
}

/// One failed attempt series: what happened, in English and as a code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// A sentence for `error` and events.
    pub why: String,
    /// The code for a UI.
    pub code: ErrorCode,
}

impl Failure {
    /// A failure with its reason and code.
    pub fn new(why: impl Into<String>, code: ErrorCode) -> Failure {
        Failure {
            why: why.into(),
            code,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_map_to_codes() {
        let cases = [
            (401, "", false, ErrorCode::AuthRequired),
            (401, "", true, ErrorCode::AuthFailed),
            (403, "", true, ErrorCode::AuthFailed),
            (
                402,
                r#"{"error":{"code":"PAYMENT_REQUIRED","message":"Insufficient balance"}}"#,
                true,
                ErrorCode::PaymentRequired,
            ),
            (
                402,
                r#"{"message":"Queue full for IP 1.2.3.4 (max: 1)"}"#,
                false,
                ErrorCode::RateLimited,
            ),
            (429, "", true, ErrorCode::RateLimited),
            (422, "", true, ErrorCode::ContentPolicy),
            (
                400,
                r#"{"error":{"code":"content_policy_violation"}}"#,
                true,
                ErrorCode::ContentPolicy,
            ),
            (
                400,
                r#"{"error":{"code":"BAD_REQUEST"}}"#,
                true,
                ErrorCode::BadRequest,
            ),
            (413, "", true, ErrorCode::BadRequest),
            (500, "", true, ErrorCode::ServerError),
            (503, "", true, ErrorCode::ServerError),
        ];
        for (status, body, keyed, want) in cases {
            assert_eq!(
                ErrorCode::of_status(status, body, keyed),
                want,
                "{status} {body}"
            );
        }
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
}
