//! The options of `generateCarImages`, read and checked: providers,
//! limits, and what the plan needs. Secrets are wrapped so that no `Debug`
//! or message can print them.

use std::fmt;

use crate::core::error::{CarViewsError, Rule};
use crate::core::plan::PlanOptions;
use crate::core::raw::Raw;

/// A key or header value: never printed, never put into a returned URL.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret.
    pub fn new(s: impl Into<String>) -> Secret {
        Secret(s.into())
    }

    /// The secret itself, for the one place that sends it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// Which Pollinations API to call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PollinationsApi {
    /// `GET {base}/image/{prompt}`, key required (the default).
    Gen,
    /// `GET {base}/prompt/{prompt}`, the older anonymous API.
    Legacy,
}

/// Default base URL of the current Pollinations API.
pub const POLLINATIONS_GEN_URL: &str = "https://gen.pollinations.ai";
/// Default base URL of the legacy Pollinations API.
pub const POLLINATIONS_LEGACY_URL: &str = "https://image.pollinations.ai";
/// Default base URL of the Pollinations media service (uploads for the reference model).
pub const POLLINATIONS_MEDIA_URL: &str = "https://media.pollinations.ai";

/// `options.pollinations`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PollinationsOptions {
    /// The user's key (`sk_…` from BYOP sign-in, or typed in); sent as a Bearer header.
    pub api_key: Option<Secret>,
    /// Base URL (tests point it at the mock).
    pub base_url: String,
    /// Where the main view is uploaded so the reference model can fetch it.
    pub media_url: String,
    /// Which API.
    pub api: PollinationsApi,
    /// Image model (default `flux`: seeded and cheapest).
    pub model: String,
    /// Model for reference-conditioned views (default `kontext`).
    pub reference_model: String,
    /// Image width (default 1024).
    pub width: u32,
    /// Image height (default 768).
    pub height: u32,
}

/// `options.dalle`: an OpenAI-Images-compatible proxy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DalleOptions {
    /// The proxy's base URL (`…/v1`); `https:` or loopback `http:`.
    pub proxy_url: String,
    /// Model (default `dall-e-3`).
    pub model: String,
    /// Size (`1792x1024` by default for dall-e-3, `1536x1024` for GPT image models).
    pub size: String,
    /// Quality, when given.
    pub quality: Option<String>,
    /// Extra headers for the proxy (its own auth), never logged.
    pub headers: Vec<(String, Secret)>,
}

/// All options of `generateCarImages` (callbacks and the signal are the shell's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenerateOptions {
    /// What the plan reads: variation, language, consistency.
    pub plan: PlanOptions,
    /// Pollinations, unless `false`.
    pub pollinations: Option<PollinationsOptions>,
    /// The DALL-E proxy, when given.
    pub dalle: Option<DalleOptions>,
    /// Whether the built-in renderer gives instant placeholders and the last fallback (default true).
    pub preview: bool,
    /// Most requests in flight per provider (default: all angles).
    pub concurrency: Option<usize>,
    /// Per-request timeout (default 60 s).
    pub timeout_ms: u32,
    /// Retries per provider after a failed attempt (default 2).
    pub retries: u32,
    /// The colour consistency check (default true).
    pub verify: bool,
    /// Reuse the response of an identical earlier request (default true).
    pub cache: bool,
    /// Brand facts and reference photos from the web (default on).
    pub search: Option<crate::core::search::options::SearchOptions>,
}

/// Default per-request timeout: hosted models take 5–30 s per image.
pub const DEFAULT_TIMEOUT_MS: u32 = 60_000;
/// Default retries per provider.
pub const DEFAULT_RETRIES: u32 = 2;

impl GenerateOptions {
    /// Reads and checks the options object (absent: all defaults).
    pub fn parse(raw: &Raw) -> Result<GenerateOptions, CarViewsError> {
        let plan = PlanOptions::parse(raw)?;
        let pollinations = match raw.get("pollinations") {
            Raw::Bool(false) => None,
            Raw::Missing | Raw::Null | Raw::Bool(true) => Some(pollinations(&Raw::Missing)?),
            obj @ Raw::Object(_) => Some(pollinations(obj)?),
            other => {
                return Err(kind_error(
                    "options.pollinations",
                    "an object or false",
                    other,
                ))
            }
        };
        let dalle = match raw.get("dalle") {
            Raw::Missing | Raw::Null | Raw::Bool(false) => None,
            obj @ Raw::Object(_) => Some(dalle(obj)?),
            other => {
                return Err(kind_error(
                    "options.dalle",
                    "an object {proxyUrl, model, …}",
                    other,
                ))
            }
        };
        Ok(GenerateOptions {
            plan,
            pollinations,
            dalle,
            preview: boolean(raw.get("preview"), "options.preview", true)?,
            concurrency: int(raw.get("concurrency"), "options.concurrency", 1, 64)?
                .map(|n| n as usize),
            timeout_ms: int(raw.get("timeoutMs"), "options.timeoutMs", 1, 600_000)?
                .unwrap_or(DEFAULT_TIMEOUT_MS),
            retries: int(raw.get("retries"), "options.retries", 0, 10)?.unwrap_or(DEFAULT_RETRIES),
            verify: boolean(raw.get("verify"), "options.verify", true)?,
            cache: boolean(raw.get("cache"), "options.cache", true)?,
            search: crate::core::search::options::SearchOptions::parse(raw.get("search"))?,
        })
    }
}

impl GenerateOptions {
    /// The key of the in-memory cache: everything that changes the images or
    /// the response of a planned request (secrets only through a hash).
    pub fn cache_key(&self, plan: &crate::core::plan::CarImagesPlan) -> String {
        let mut k = format!(
            "{}|{}|{}|{}|{}|",
            plan.session_id,
            plan.consistency.name(),
            self.plan.language.tag(),
            plan.images
                .iter()
                .map(|i| i.angle.name())
                .collect::<Vec<_>>()
                .join(","),
            self.preview
        );
        if let Some(p) = &self.pollinations {
            let key = p.api_key.as_ref().map_or("", |s| s.expose());
            k.push_str(&format!(
                "p:{}:{}:{}:{}:{}x{}:{}|",
                p.base_url,
                p.api == PollinationsApi::Legacy,
                p.model,
                p.reference_model,
                p.width,
                p.height,
                key
            ));
        }
        if let Some(d) = &self.dalle {
            k.push_str(&format!(
                "d:{}:{}:{}:{}|",
                d.proxy_url,
                d.model,
                d.size,
                d.quality.as_deref().unwrap_or("")
            ));
            for (name, value) in &d.headers {
                k.push_str(&format!("{name}={}|", value.expose()));
            }
        }
        crate::core::text::hex(&<md5::Md5 as md5::Digest>::digest(k.as_bytes()))
    }
}

fn pollinations(raw: &Raw) -> Result<PollinationsOptions, CarViewsError> {
    let api = match text(raw.get("api"), "options.pollinations.api", 16)?.as_deref() {
        None | Some("gen") => PollinationsApi::Gen,
        Some("legacy") => PollinationsApi::Legacy,
        Some(_) => {
            return Err(CarViewsError::invalid(
                "options.pollinations.api",
                Rule::OutOfRange,
                "must be \"gen\" or \"legacy\"",
            ))
        }
    };
    let default_base = match api {
        PollinationsApi::Gen => POLLINATIONS_GEN_URL,
        PollinationsApi::Legacy => POLLINATIONS_LEGACY_URL,
    };
    let api_key = match text(raw.get("apiKey"), "options.pollinations.apiKey", 512)? {
        Some(k) if k.chars().all(|c| c.is_ascii_graphic()) => Some(Secret::new(k)),
        Some(_) => {
            return Err(CarViewsError::invalid(
                "options.pollinations.apiKey",
                Rule::OutOfRange,
                "must be a key such as sk_… (printable ASCII, no spaces)",
            ))
        }
        None => None,
    };
    Ok(PollinationsOptions {
        api_key,
        base_url: url_option(raw.get("baseUrl"), "options.pollinations.baseUrl")?
            .unwrap_or_else(|| default_base.to_owned()),
        media_url: url_option(raw.get("mediaUrl"), "options.pollinations.mediaUrl")?
            .unwrap_or_else(|| POLLINATIONS_MEDIA_URL.to_owned()),
        api,
        model: name(raw.get("model"), "options.pollinations.model")?
            .unwrap_or_else(|| "flux".to_owned()),
        reference_model: name(
            raw.get("referenceModel"),
            "options.pollinations.referenceModel",
        )?
        .unwrap_or_else(|| "kontext".to_owned()),
        width: int(raw.get("width"), "options.pollinations.width", 64, 4096)?.unwrap_or(1024),
        height: int(raw.get("height"), "options.pollinations.height", 64, 4096)?.unwrap_or(768),
    })
}

fn dalle(raw: &Raw) -> Result<DalleOptions, CarViewsError> {
    let proxy_url =
        url_option(raw.get("proxyUrl"), "options.dalle.proxyUrl")?.ok_or_else(|| {
            CarViewsError::invalid(
                "options.dalle.proxyUrl",
                Rule::Missing,
                "the URL of an OpenAI-Images-compatible proxy is required",
            )
        })?;
    let model =
        name(raw.get("model"), "options.dalle.model")?.unwrap_or_else(|| "dall-e-3".to_owned());
    let size = match text(raw.get("size"), "options.dalle.size", 16)? {
        Some(s) if s == "auto" || is_size(&s) => s,
        Some(_) => {
            return Err(CarViewsError::invalid(
                "options.dalle.size",
                Rule::OutOfRange,
                "must be WIDTHxHEIGHT such as 1792x1024, or auto",
            ))
        }
        None if model.starts_with("dall-e") => "1792x1024".to_owned(),
        None => "1536x1024".to_owned(),
    };
    let quality = name(raw.get("quality"), "options.dalle.quality")?;
    let headers = match raw.get("headers") {
        Raw::Missing | Raw::Null => Vec::new(),
        Raw::Object(entries) => {
            let mut out = Vec::with_capacity(entries.len());
            for (k, v) in entries {
                let field = format!("options.dalle.headers.{k}");
                let valid_name = !k.is_empty()
                    && k.len() <= 64
                    && k.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"-_".contains(&b));
                if !valid_name {
                    return Err(CarViewsError::invalid(
                        field,
                        Rule::OutOfRange,
                        "is not a valid header name",
                    ));
                }
                match v {
                    Raw::Text(t) if t.len() <= 4096 && !t.chars().any(char::is_control) => {
                        out.push((k.clone(), Secret::new(t.clone())))
                    }
                    _ => {
                        return Err(CarViewsError::invalid(
                            field,
                            Rule::NotString,
                            "must be a header value: a string without control characters",
                        ))
                    }
                }
            }
            out
        }
        other => {
            return Err(kind_error(
                "options.dalle.headers",
                "an object of header names and values",
                other,
            ))
        }
    };
    Ok(DalleOptions {
        proxy_url,
        model,
        size,
        quality,
        headers,
    })
}

fn is_size(s: &str) -> bool {
    match s.split_once('x') {
        Some((w, h)) => [w, h]
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit())),
        None => false,
    }
}

fn kind_error(field: &str, want: &str, got: &Raw) -> CarViewsError {
    CarViewsError::invalid(
        field,
        Rule::NotObject,
        format!("must be {want}, not {}", got.kind()),
    )
}

pub(crate) fn boolean(raw: &Raw, field: &str, default: bool) -> Result<bool, CarViewsError> {
    match raw {
        Raw::Missing | Raw::Null => Ok(default),
        Raw::Bool(b) => Ok(*b),
        other => Err(CarViewsError::invalid(
            field,
            Rule::OutOfRange,
            format!("must be true or false, not {}", other.kind()),
        )),
    }
}

fn int(raw: &Raw, field: &str, lo: u32, hi: u32) -> Result<Option<u32>, CarViewsError> {
    whole_number(raw, field, lo, hi, "")
}

/// Reads an optional whole number in `lo…hi` (`unit` names it in messages).
pub(crate) fn whole_number(
    raw: &Raw,
    field: &str,
    lo: u32,
    hi: u32,
    unit: &str,
) -> Result<Option<u32>, CarViewsError> {
    match raw {
        Raw::Missing | Raw::Null => Ok(None),
        Raw::Number(n) if n.is_finite() && n.fract() == 0.0 => {
            if *n >= f64::from(lo) && *n <= f64::from(hi) {
                Ok(Some(*n as u32))
            } else {
                Err(CarViewsError::invalid(
                    field,
                    Rule::OutOfRange,
                    format!("must be within {}…{}{unit}", lo, hi),
                ))
            }
        }
        other => Err(CarViewsError::invalid(
            field,
            Rule::NotInteger,
            format!("must be a whole number{unit}, not {}", other.kind()),
        )),
    }
}

fn text(raw: &Raw, field: &str, max: usize) -> Result<Option<String>, CarViewsError> {
    match raw {
        Raw::Missing | Raw::Null => Ok(None),
        Raw::Text(t) if t.trim().is_empty() => Ok(None),
        Raw::Text(t) if t.chars().count() <= max => Ok(Some(t.trim().to_owned())),
        Raw::Text(_) | Raw::LongText(_) => Err(CarViewsError::invalid(
            field,
            Rule::TooLong,
            format!("is longer than {max} characters"),
        )),
        other => Err(CarViewsError::invalid(
            field,
            Rule::NotString,
            format!("must be a string, not {}", other.kind()),
        )),
    }
}

/// A model or quality name: letters, digits and `-._:/`.
fn name(raw: &Raw, field: &str) -> Result<Option<String>, CarViewsError> {
    match text(raw, field, 64)? {
        Some(n)
            if n.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._:/".contains(&b)) =>
        {
            Ok(Some(n))
        }
        Some(_) => Err(CarViewsError::invalid(
            field,
            Rule::OutOfRange,
            "must be a name of letters, digits and -._:/",
        )),
        None => Ok(None),
    }
}

/// A base URL: `https:`, or `http:` to a loopback host (a test server or a
/// local proxy). Keys and prompts go to it, so nothing else is accepted.
pub(crate) fn url_option(raw: &Raw, field: &str) -> Result<Option<String>, CarViewsError> {
    let Some(u) = text(raw, field, 2048)? else {
        return Ok(None);
    };
    check_url(&u, field, false).map(|()| Some(u.trim_end_matches('/').to_owned()))
}

/// Checks an absolute URL: `https:`, or `http:` to a loopback host; no
/// user, no fragment, and a query only where `allow_query`.
pub(crate) fn check_url(u: &str, field: &str, allow_query: bool) -> Result<(), CarViewsError> {
    let bad = |why: &str| CarViewsError::invalid(field, Rule::OutOfRange, why.to_owned());
    let forbidden: &[u8] = if allow_query { b"#\"<>" } else { b"?#\"<>" };
    if u.chars().any(|c| c.is_whitespace() || c.is_control())
        || u.bytes().any(|b| forbidden.contains(&b))
    {
        return Err(bad(if allow_query {
            "must be a URL without spaces or fragment"
        } else {
            "must be a plain base URL without spaces, query or fragment"
        }));
    }
    let (scheme, rest) = u
        .split_once("://")
        .ok_or_else(|| bad("must be an absolute URL such as https://example.com/v1"))?;
    let authority = rest.split(['/', '?']).next().unwrap_or_default();
    if authority.is_empty() || authority.bytes().any(|b| b == b'@') {
        return Err(bad("must name a host (and no user or password)"));
    }
    let host = if let Some(v6) = authority.strip_prefix('[') {
        v6.split(']').next().unwrap_or_default()
    } else {
        authority.split(':').next().unwrap_or_default()
    };
    let loopback = host == "localhost" || host == "::1" || host.starts_with("127.");
    match scheme.to_ascii_lowercase().as_str() {
        "https" => Ok(()),
        "http" if loopback => Ok(()),
        "http" => Err(bad(
            "must use https: (plain http: is allowed only for 127.0.0.1, localhost or [::1])",
        )),
        _ => Err(bad("must be an https: URL")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(entries: Vec<(&str, Raw)>) -> Result<GenerateOptions, CarViewsError> {
        GenerateOptions::parse(&Raw::object(entries))
    }

    #[test]
    fn defaults() {
        let o = GenerateOptions::parse(&Raw::Missing).unwrap();
        let p = o.pollinations.unwrap();
        assert_eq!(
            (
                p.base_url.as_str(),
                p.model.as_str(),
                p.width,
                p.height,
                p.api
            ),
            (
                POLLINATIONS_GEN_URL,
                "flux",
                1024,
                768,
                PollinationsApi::Gen
            )
        );
        assert!(o.dalle.is_none() && o.preview && o.verify && o.cache);
        assert_eq!(
            (o.timeout_ms, o.retries, o.concurrency),
            (DEFAULT_TIMEOUT_MS, DEFAULT_RETRIES, None)
        );
    }

    #[test]
    fn providers_are_read() {
        let o = parse(vec![
            (
                "pollinations",
                Raw::object([
                    ("apiKey", Raw::text("sk_test")),
                    ("api", Raw::text("legacy")),
                ]),
            ),
            (
                "dalle",
                Raw::object([
                    ("proxyUrl", Raw::text("http://127.0.0.1:8787/v1/")),
                    ("headers", Raw::object([("X-Proxy-Key", Raw::text("abc"))])),
                ]),
            ),
        ])
        .unwrap();
        let p = o.pollinations.unwrap();
        assert_eq!(p.base_url, POLLINATIONS_LEGACY_URL);
        assert_eq!(p.api_key.unwrap().expose(), "sk_test");
        let d = o.dalle.unwrap();
        assert_eq!(
            (d.proxy_url.as_str(), d.model.as_str(), d.size.as_str()),
            ("http://127.0.0.1:8787/v1", "dall-e-3", "1792x1024")
        );
        assert_eq!(d.headers.len(), 1);
        assert!(parse(vec![("pollinations", Raw::Bool(false))])
            .unwrap()
            .pollinations
            .is_none());
    }

    #[test]
    fn cache_keys_follow_what_changes_the_images() {
        use crate::core::plan::plan_car_images;
        let req = Raw::object([(
            "car_data",
            Raw::object([
                ("brand", Raw::text("Kia")),
                ("model", Raw::text("Rio")),
                ("year", Raw::Number(2015.0)),
            ]),
        )]);
        let key_of = |entries: Vec<(&str, Raw)>| {
            let o = parse(entries).unwrap();
            let plan = plan_car_images(&req, &o.plan, 2026).unwrap();
            o.cache_key(&plan)
        };
        let base = key_of(vec![]);
        assert_eq!(
            base,
            key_of(vec![("timeoutMs", Raw::Number(5.0))]),
            "timeouts do not change images"
        );
        assert_eq!(base.len(), 32);
        assert!(!base.contains("sk_"));
        for other in [
            vec![("pollinations", Raw::object([("apiKey", Raw::text("sk_a"))]))],
            vec![(
                "pollinations",
                Raw::object([("model", Raw::text("zimage"))]),
            )],
            vec![("consistency", Raw::text("per-angle"))],
            vec![("language", Raw::text("uk"))],
            vec![("variation", Raw::Number(2.0))],
        ] {
            assert_ne!(key_of(other), base);
        }
    }

    #[test]
    fn secrets_never_print() {
        let o = parse(vec![(
            "pollinations",
            Raw::object([("apiKey", Raw::text("sk_SECRET123"))]),
        )])
        .unwrap();
        assert!(!format!("{o:?}").contains("SECRET123"));
    }

    #[test]
    fn bad_options_name_their_field() {
        for (entries, field) in [
            (
                vec![(
                    "dalle",
                    Raw::object([("proxyUrl", Raw::text("http://evil.example/v1"))]),
                )],
                "options.dalle.proxyUrl",
            ),
            (
                vec![(
                    "dalle",
                    Raw::object([("proxyUrl", Raw::text("javascript:alert(1)"))]),
                )],
                "options.dalle.proxyUrl",
            ),
            (
                vec![(
                    "dalle",
                    Raw::object([("proxyUrl", Raw::text("https://user:pw@x.example"))]),
                )],
                "options.dalle.proxyUrl",
            ),
            (
                vec![("dalle", Raw::object([("model", Raw::text("dall-e-3"))]))],
                "options.dalle.proxyUrl",
            ),
            (vec![("dalle", Raw::text("yes"))], "options.dalle"),
            (
                vec![(
                    "dalle",
                    Raw::object([
                        ("proxyUrl", Raw::text("https://p.example")),
                        ("size", Raw::text("huge")),
                    ]),
                )],
                "options.dalle.size",
            ),
            (
                vec![(
                    "dalle",
                    Raw::object([
                        ("proxyUrl", Raw::text("https://p.example")),
                        ("headers", Raw::object([("X-A", Raw::Number(1.0))])),
                    ]),
                )],
                "options.dalle.headers.X-A",
            ),
            (
                vec![(
                    "pollinations",
                    Raw::object([("baseUrl", Raw::text("http://10.0.0.1"))]),
                )],
                "options.pollinations.baseUrl",
            ),
            (
                vec![("pollinations", Raw::object([("api", Raw::text("v9"))]))],
                "options.pollinations.api",
            ),
            (
                vec![("pollinations", Raw::object([("apiKey", Raw::text("sk 1"))]))],
                "options.pollinations.apiKey",
            ),
            (
                vec![(
                    "pollinations",
                    Raw::object([("model", Raw::text("flux&seed=1"))]),
                )],
                "options.pollinations.model",
            ),
            (
                vec![("pollinations", Raw::object([("width", Raw::Number(10.0))]))],
                "options.pollinations.width",
            ),
            (
                vec![("pollinations", Raw::Number(1.0))],
                "options.pollinations",
            ),
            (vec![("timeoutMs", Raw::Number(0.0))], "options.timeoutMs"),
            (vec![("retries", Raw::Number(1.5))], "options.retries"),
            (vec![("concurrency", Raw::text("2"))], "options.concurrency"),
            (vec![("preview", Raw::text("no"))], "options.preview"),
            (
                vec![("consistency", Raw::text("same"))],
                "options.consistency",
            ),
        ] {
            let err = parse(entries).unwrap_err();
            assert_eq!(err.field(), Some(field), "{err}");
        }
        for ok in [
            "https://p.example/v1",
            "http://localhost:9000",
            "http://127.0.0.1:8787/v1",
            "http://[::1]:80/x",
        ] {
            assert!(
                parse(vec![("dalle", Raw::object([("proxyUrl", Raw::text(ok))]))]).is_ok(),
                "{ok}"
            );
        }
    }
}
