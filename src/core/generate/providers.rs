//! The requests carviews sends to each provider and how it reads their
//! answers. Every prompt and parameter is percent-encoded or JSON-escaped;
//! keys travel only in headers, so a URL that is returned never holds one.

use serde::Serialize;

use crate::core::generate::encode::{join_url, percent_encode};
use crate::core::generate::options::{
    DalleOptions, GenerateOptions, PollinationsApi, PollinationsOptions, Secret,
};
use crate::core::plan::PlannedImage;
use crate::core::raw::Raw;
use crate::core::text::prefix;

/// Where an image comes from: a provider of the chain (the proxy,
/// Pollinations), the built-in renderer, or the seller's photo. Serialised
/// as `image.provider` says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub enum Provider {
    /// The OpenAI-Images-compatible proxy (DALL-E, GPT image models).
    Dalle,
    /// Pollinations (gen or legacy).
    Pollinations,
    /// The built-in SVG renderer.
    Preview,
    /// The seller's own photo (`referencePhoto`).
    Photo,
}

impl Provider {
    /// The name in messages (the same as serialised).
    pub fn name(self) -> &'static str {
        match self {
            Provider::Dalle => "dalle",
            Provider::Pollinations => "pollinations",
            Provider::Preview => "preview",
            Provider::Photo => "photo",
        }
    }
}

/// The providers to try, in order: the proxy (when configured), then
/// Pollinations (unless `false`); the built-in renderer follows them.
pub fn chain(o: &GenerateOptions) -> Vec<Provider> {
    let mut c = Vec::with_capacity(2);
    if o.dalle.is_some() {
        c.push(Provider::Dalle);
    }
    if o.pollinations.is_some() {
        c.push(Provider::Pollinations);
    }
    c
}

/// An HTTP request, ready for `fetch`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// `GET` or `POST`.
    pub method: &'static str,
    /// The URL; never holds a secret.
    pub url: String,
    /// Headers (values may be secrets).
    pub headers: Vec<(String, Secret)>,
    /// What the request carries.
    pub body: Payload,
    /// Whether a secret header rides along (then the image is shown from
    /// fetched bytes, since an `<img>` cannot send the header).
    pub authenticated: bool,
    /// The model asked for.
    pub model: String,
    /// How a successful answer's body is read.
    pub reads: Reads,
}

/// How the seam reads a successful answer's body; an error answer's is
/// always read as (the start of its) text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reads {
    /// Image bytes, kept by the runtime (a `Blob` in a browser).
    Image,
    /// Text (JSON answers).
    Text,
}

impl HttpRequest {
    /// A plain `GET` with no headers, its answer read as text (search and
    /// catalogue answers).
    pub fn get(url: impl Into<String>) -> HttpRequest {
        HttpRequest {
            method: "GET",
            url: url.into(),
            headers: Vec::new(),
            body: Payload::Empty,
            authenticated: false,
            model: String::new(),
            reads: Reads::Text,
        }
    }

    /// A plain `GET` of image bytes (an image URL a provider answered, a photo).
    pub fn image(url: impl Into<String>) -> HttpRequest {
        HttpRequest {
            reads: Reads::Image,
            ..HttpRequest::get(url)
        }
    }
}

/// The body of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Payload {
    /// No body (`GET`).
    Empty,
    /// A text body (JSON, or a form-urlencoded string with its own Content-Type header).
    Text(String),
    /// `multipart/form-data`: text fields, and the field under which the
    /// shell attaches the image bytes (`image` for the proxy's edits, `file`
    /// for the media upload).
    Form {
        /// The text fields.
        fields: Vec<(String, String)>,
        /// The name of the image's field.
        file: &'static str,
    },
}

/// Whether a Pollinations API conditions on a reference image (`image=`):
/// gen does (`kontext`, GPT image models…); legacy has no reference model.
pub fn pollinations_takes_reference(o: &PollinationsOptions) -> bool {
    o.api == PollinationsApi::Gen
}

/// The Pollinations request of one view; with a `reference` image URL (on
/// gen) it asks the reference model to follow that image (`image=`, last and
/// percent-encoded). Only parameters the models use: no `nologo` (gone from
/// gen, ignored by legacy, which always watermarks) and no
/// `negative_prompt` (flux has none).
pub fn pollinations_request(
    o: &PollinationsOptions,
    image: &PlannedImage,
    reference: Option<&str>,
) -> HttpRequest {
    let path = match o.api {
        PollinationsApi::Gen => "image",
        PollinationsApi::Legacy => "prompt",
    };
    let reference = reference.filter(|_| pollinations_takes_reference(o));
    let model = if reference.is_some() {
        &o.reference_model
    } else {
        &o.model
    };
    let mut url = format!(
        "{}?model={}&width={}&height={}&seed={}",
        join_url(
            &o.base_url,
            &format!("{path}/{}", percent_encode(&image.prompt))
        ),
        percent_encode(model),
        o.width,
        o.height,
        image.seed,
    );
    if let Some(r) = reference {
        url.push_str("&image=");
        url.push_str(&percent_encode(r));
    }
    let mut headers = Vec::new();
    if let Some(k) = &o.api_key {
        let bearer = Secret::new(format!("Bearer {}", k.expose()));
        headers.push(("Authorization".to_owned(), bearer));
    }
    HttpRequest {
        method: "GET",
        url,
        authenticated: !headers.is_empty(),
        headers,
        body: Payload::Empty,
        model: model.clone(),
        reads: Reads::Image,
    }
}

/// The JSON body of `POST /images/generations` (OpenAI Images API).
#[derive(Debug, Serialize)]
struct GenerationsBody<'a> {
    model: &'a str,
    prompt: &'a str,
    n: u8,
    size: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    response_format: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quality: Option<&'a str>,
}

/// The proxy request of one view (`POST {proxy}/images/generations`).
/// DALL-E 3 takes no seed, so none is sent.
pub fn dalle_request(o: &DalleOptions, image: &PlannedImage) -> HttpRequest {
    let body = GenerationsBody {
        model: &o.model,
        prompt: &image.prompt,
        n: 1,
        size: &o.size,
        response_format: o.model.starts_with("dall-e").then_some("url"),
        quality: o.quality.as_deref(),
    };
    // Only strings and numbers: serialising cannot fail.
    let body = serde_json::to_string(&body).unwrap_or_default();
    let mut headers = vec![("Content-Type".to_owned(), Secret::new("application/json"))];
    headers.extend(o.headers.iter().cloned());
    HttpRequest {
        method: "POST",
        url: join_url(&o.proxy_url, "images/generations"),
        authenticated: !o.headers.is_empty(),
        headers,
        body: Payload::Text(body),
        model: o.model.clone(),
        reads: Reads::Text,
    }
}

/// Whether the proxy's model takes a reference image through
/// `/images/edits`: OpenAI's GPT image models, and the image-input models of
/// Pollinations' OpenAI-compatible endpoint (`gptimage`, `kontext`,
/// `nanobanana…`, `seedream…`, `klein`, `qwen-image`); DALL-E 3 takes none.
pub fn dalle_takes_reference(o: &DalleOptions) -> bool {
    let m = o.model.as_str();
    ["gpt-image", "gptimage", "nanobanana", "seedream"]
        .iter()
        .any(|p| m.starts_with(p))
        || ["kontext", "klein", "qwen-image"].contains(&m)
}

/// The proxy request of a view conditioned on the main view's image
/// (`POST {proxy}/images/edits`, multipart; the shell attaches the image).
pub fn dalle_edit_request(o: &DalleOptions, image: &PlannedImage) -> HttpRequest {
    let mut fields = vec![
        ("model".to_owned(), o.model.clone()),
        ("prompt".to_owned(), image.prompt.clone()),
        ("n".to_owned(), "1".to_owned()),
        ("size".to_owned(), o.size.clone()),
    ];
    if let Some(q) = &o.quality {
        fields.push(("quality".to_owned(), q.clone()));
    }
    HttpRequest {
        method: "POST",
        url: join_url(&o.proxy_url, "images/edits"),
        authenticated: !o.headers.is_empty(),
        headers: o.headers.clone(),
        body: Payload::Form {
            fields,
            file: "image",
        },
        model: o.model.clone(),
        reads: Reads::Text,
    }
}

/// The upload of the main view to the Pollinations media service
/// (`POST {media}/upload`, multipart, the image as `file`, the user's key
/// as a Bearer header), so that the reference model can fetch it by a
/// public URL. `None` without a key: the service refuses anonymous uploads.
pub fn media_upload_request(o: &PollinationsOptions) -> Option<HttpRequest> {
    let key = o.api_key.as_ref()?;
    Some(HttpRequest {
        method: "POST",
        url: join_url(&o.media_url, "upload"),
        headers: vec![(
            "Authorization".to_owned(),
            Secret::new(format!("Bearer {}", key.expose())),
        )],
        body: Payload::Form {
            fields: vec![("visibility".to_owned(), "unlisted".to_owned())],
            file: "file",
        },
        authenticated: true,
        model: String::new(),
        reads: Reads::Text,
    })
}

/// The public URL of an upload, from the media service's answer
/// (`{id, url, contentType, size, duplicate}`), used as given: the id's
/// format has changed before.
pub fn uploaded_url(raw: &Raw) -> Result<String, String> {
    match raw.get("url").as_str() {
        Some(u) if u.starts_with("https://") || u.starts_with("http://") => Ok(u.to_owned()),
        Some(_) => Err("the media service answered a URL that is not http(s)".to_owned()),
        None => Err(error_message(raw).map_or_else(
            || "the media service's answer holds no url".to_owned(),
            |m| format!("the media service said: {m}"),
        )),
    }
}

/// The fields of an OpenAI Images answer that matter
/// (`data[0].url`, `data[0].b64_json`, `error.message`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DalleAnswer {
    /// `data[0].url`.
    pub url: Option<String>,
    /// `data[0].b64_json`.
    pub b64_json: Option<String>,
    /// `error.message`.
    pub error: Option<String>,
}

impl DalleAnswer {
    /// Reads them from the parsed JSON answer.
    pub fn from_json(raw: &Raw) -> DalleAnswer {
        if let Raw::Unreadable(_) = raw {
            return DalleAnswer {
                error: Some("the proxy's answer is not JSON".to_owned()),
                ..DalleAnswer::default()
            };
        }
        let first = raw.get("data").at(0);
        DalleAnswer {
            url: first.get("url").as_str().map(str::to_owned),
            b64_json: first.get("b64_json").as_str().map(str::to_owned),
            error: error_message(raw),
        }
    }
}

/// The message of a JSON error answer: `error.message`, `error` as text, or `message`.
pub fn error_message(raw: &Raw) -> Option<String> {
    let e = raw.get("error");
    e.get("message")
        .as_str()
        .or_else(|| e.as_str())
        .or_else(|| raw.get("message").as_str())
        .map(short)
}

/// What an OpenAI Images answer gives: an `<img>`-ready URL, or why not.
pub fn dalle_image(answer: &DalleAnswer) -> Result<String, String> {
    if let Some(u) = &answer.url {
        if u.starts_with("https://") || u.starts_with("http://") {
            return Ok(u.clone());
        }
        return Err("the proxy answered an image URL that is not http(s)".to_owned());
    }
    if let Some(b64) = &answer.b64_json {
        let valid = !b64.is_empty()
            && b64
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=\n\r".contains(&b));
        if valid {
            let clean: String = b64.chars().filter(|c| !c.is_ascii_whitespace()).collect();
            return Ok(format!("data:image/png;base64,{clean}"));
        }
        return Err("the proxy answered b64_json that is not base64".to_owned());
    }
    Err(answer.error.as_ref().map_or_else(
        || "the proxy's answer holds no image".to_owned(),
        |m| format!("the proxy said: {}", short(m)),
    ))
}

/// Whether a content type is an image.
pub fn is_image_type(content_type: Option<&str>) -> bool {
    content_type.is_some_and(|t| t.trim().to_ascii_lowercase().starts_with("image/"))
}

/// A provider's message, cut short for `error` fields and events.
pub fn short(m: &str) -> String {
    let mut cut: String = prefix(m, 160).chars().filter(|c| !c.is_control()).collect();
    if prefix(m, 160).len() < m.len() {
        cut.push('…');
    }
    cut
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::generate::options::GenerateOptions;

    fn image(prompt: &str) -> PlannedImage {
        PlannedImage {
            angle: crate::core::Angle::Front,
            title: "Front view",
            seed: 242_103,
            prompt: prompt.to_owned(),
            negative_prompt: "blurry, text".to_owned(),
            is_main: true,
        }
    }

    fn options(entries: Vec<(&str, Raw)>) -> GenerateOptions {
        GenerateOptions::parse(&Raw::object(entries)).unwrap()
    }

    #[test]
    fn pollinations_gen_keeps_the_key_in_a_header() {
        let o = options(vec![(
            "pollinations",
            Raw::object([
                ("apiKey", Raw::text("sk_SECRET")),
                ("baseUrl", Raw::text("http://127.0.0.1:1/p")),
            ]),
        )]);
        let r = pollinations_request(
            o.pollinations.as_ref().unwrap(),
            &image("a blue car & co?#/%"),
            None,
        );
        assert_eq!(r.method, "GET");
        assert_eq!(
            r.url,
            "http://127.0.0.1:1/p/image/a%20blue%20car%20%26%20co%3F%23%2F%25?model=flux&width=1024&height=768&seed=242103"
        );
        // Only parameters the models use.
        assert!(!r.url.contains("nologo") && !r.url.contains("negative_prompt"));
        let conditioned = pollinations_request(
            o.pollinations.as_ref().unwrap(),
            &image("car"),
            Some("https://media.example/ab12?x=1&y"),
        );
        assert!(conditioned.url.contains("?model=kontext&"));
        assert!(conditioned
            .url
            .ends_with("&image=https%3A%2F%2Fmedia.example%2Fab12%3Fx%3D1%26y"));
        assert_eq!(conditioned.model, "kontext");
        assert!(!r.url.contains("SECRET"));
        assert_eq!(r.headers[0].0, "Authorization");
        assert_eq!(r.headers[0].1.expose(), "Bearer sk_SECRET");
        assert!(r.authenticated);
    }

    #[test]
    fn pollinations_legacy_path_and_anonymous() {
        let o = options(vec![(
            "pollinations",
            Raw::object([("api", Raw::text("legacy"))]),
        )]);
        let r = pollinations_request(o.pollinations.as_ref().unwrap(), &image("car"), None);
        // Legacy has no reference model: a reference is not sent.
        let conditioned = pollinations_request(
            o.pollinations.as_ref().unwrap(),
            &image("car"),
            Some("https://up.example/a b.jpg?x=1&y"),
        );
        assert_eq!(conditioned, r);
        assert!(!pollinations_takes_reference(
            o.pollinations.as_ref().unwrap()
        ));
        assert!(r
            .url
            .starts_with("https://image.pollinations.ai/prompt/car?"));
        assert!(r.headers.is_empty() && !r.authenticated);
    }

    #[test]
    fn dalle_body_is_json_with_no_seed() {
        let o = options(vec![(
            "dalle",
            Raw::object([("proxyUrl", Raw::text("https://p.example/v1"))]),
        )]);
        let r = dalle_request(o.dalle.as_ref().unwrap(), &image("say \"hi\"\n"));
        assert_eq!(r.url, "https://p.example/v1/images/generations");
        let Payload::Text(body) = r.body else {
            panic!("not JSON")
        };
        assert_eq!(body, "{\"model\":\"dall-e-3\",\"prompt\":\"say \\\"hi\\\"\\n\",\"n\":1,\"size\":\"1792x1024\",\"response_format\":\"url\"}");
        assert!(!body.contains("seed"));
    }

    #[test]
    fn gpt_image_edits_are_multipart_to_images_edits() {
        let o = options(vec![(
            "dalle",
            Raw::object([
                ("proxyUrl", Raw::text("https://p.example/v1")),
                ("model", Raw::text("gpt-image-1")),
            ]),
        )]);
        let d = o.dalle.as_ref().unwrap();
        assert!(dalle_takes_reference(d));
        let r = dalle_edit_request(d, &image("same car, rear view"));
        assert_eq!(r.url, "https://p.example/v1/images/edits");
        let Payload::Form { fields, file } = r.body else {
            panic!("not a form")
        };
        assert_eq!(file, "image");
        assert!(fields.contains(&("prompt".to_owned(), "same car, rear view".to_owned())));
        assert!(fields.contains(&("size".to_owned(), "1536x1024".to_owned())));
        let dalle3 = options(vec![(
            "dalle",
            Raw::object([("proxyUrl", Raw::text("https://p.example"))]),
        )]);
        assert!(!dalle_takes_reference(dalle3.dalle.as_ref().unwrap()));
        for (model, takes) in [
            ("gptimage", true),
            ("kontext", true),
            ("seedream5", true),
            ("flux", false),
            ("dall-e-2", false),
        ] {
            let o = options(vec![(
                "dalle",
                Raw::object([
                    ("proxyUrl", Raw::text("https://p.example")),
                    ("model", Raw::text(model)),
                ]),
            )]);
            assert_eq!(
                dalle_takes_reference(o.dalle.as_ref().unwrap()),
                takes,
                "{model}"
            );
        }
    }

    #[test]
    fn media_upload_needs_the_key_and_sends_it_as_bearer() {
        let keyed = options(vec![(
            "pollinations",
            Raw::object([
                ("apiKey", Raw::text("sk_SECRET")),
                ("mediaUrl", Raw::text("http://127.0.0.1:1/m/")),
            ]),
        )]);
        let r = media_upload_request(keyed.pollinations.as_ref().unwrap()).unwrap();
        assert_eq!(
            (r.method, r.url.as_str()),
            ("POST", "http://127.0.0.1:1/m/upload")
        );
        assert_eq!(r.headers[0].1.expose(), "Bearer sk_SECRET");
        assert_eq!(
            r.body,
            Payload::Form {
                fields: vec![("visibility".to_owned(), "unlisted".to_owned())],
                file: "file"
            }
        );
        let default = options(vec![]);
        assert!(media_upload_request(default.pollinations.as_ref().unwrap()).is_none());
        assert_eq!(
            default.pollinations.unwrap().media_url,
            "https://media.pollinations.ai"
        );
    }

    #[test]
    fn uploaded_urls_are_used_as_given() {
        let answer = Raw::from_json(
            r#"{"id":"0123456789abcdef","url":"https://media.pollinations.ai/0123456789abcdef","contentType":"image/jpeg","size":1234,"duplicate":false}"#,
        );
        assert_eq!(
            uploaded_url(&answer).unwrap(),
            "https://media.pollinations.ai/0123456789abcdef"
        );
        let refused = Raw::from_json(r#"{"error":{"message":"Unsupported media type"}}"#);
        assert_eq!(
            uploaded_url(&refused).unwrap_err(),
            "the media service said: Unsupported media type"
        );
        assert!(uploaded_url(&Raw::from_json(r#"{"url":"javascript:x"}"#)).is_err());
    }

    #[test]
    fn chain_order() {
        let both = options(vec![(
            "dalle",
            Raw::object([("proxyUrl", Raw::text("https://p.example"))]),
        )]);
        assert_eq!(chain(&both), vec![Provider::Dalle, Provider::Pollinations]);
        assert_eq!(
            chain(&options(vec![("pollinations", Raw::Bool(false))])),
            vec![]
        );
    }

    #[test]
    fn dalle_answers() {
        let url = DalleAnswer {
            url: Some("https://x/img.png".into()),
            ..DalleAnswer::default()
        };
        assert_eq!(dalle_image(&url).unwrap(), "https://x/img.png");
        let b64 = DalleAnswer {
            b64_json: Some("iVBORw0KGgo=".into()),
            ..DalleAnswer::default()
        };
        assert_eq!(
            dalle_image(&b64).unwrap(),
            "data:image/png;base64,iVBORw0KGgo="
        );
        assert!(dalle_image(&DalleAnswer {
            url: Some("javascript:alert(1)".into()),
            ..DalleAnswer::default()
        })
        .is_err());
        assert!(dalle_image(&DalleAnswer {
            b64_json: Some("<svg>".into()),
            ..DalleAnswer::default()
        })
        .is_err());
        let err = DalleAnswer {
            error: Some("content policy".into()),
            ..DalleAnswer::default()
        };
        assert_eq!(
            dalle_image(&err).unwrap_err(),
            "the proxy said: content policy"
        );
        assert!(
            is_image_type(Some("image/jpeg"))
                && !is_image_type(Some("text/html"))
                && !is_image_type(None)
        );
    }
}
