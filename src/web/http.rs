//! Every HTTP request carviews sends, through gloo-net, with a per-request
//! timeout and the caller's `AbortSignal` attached; and cancellable sleeps.
//! Timers use the global `setTimeout`, so this runs in browsers, workers
//! and Node alike.

use gloo_net::http::{Method, RequestBuilder};
use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, Blob};

use crate::core::generate::failure::ErrorCode;
use crate::core::generate::providers::{short, HttpRequest, Payload};
use crate::core::text::prefix;
use crate::core::Raw;
use crate::web::interop::{message_of, parse_json};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &Function, ms: i32) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);
}

/// Why a request produced no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FetchError {
    /// The caller aborted.
    Aborted,
    /// No answer within the timeout.
    Timeout(u32),
    /// The network failed (offline, DNS, refused, CORS).
    Network(String),
}

impl FetchError {
    /// What went wrong, as an event, a warning or an error message says it.
    pub(crate) fn describe(&self) -> String {
        match self {
            FetchError::Aborted => "aborted".to_owned(),
            FetchError::Timeout(ms) => format!("no answer within {} ms", ms),
            FetchError::Network(m) => format!("network error: {}", short(m)),
        }
    }

    /// The same, as a code for a UI.
    pub(crate) fn code(&self) -> ErrorCode {
        match self {
            FetchError::Aborted => ErrorCode::Aborted,
            FetchError::Timeout(_) => ErrorCode::Timeout,
            FetchError::Network(_) => ErrorCode::Network,
        }
    }
}

/// The caller's cancellation: an optional `AbortSignal`.
#[derive(Clone, Debug, Default)]
pub(crate) struct Cancel(Option<AbortSignal>);

impl Cancel {
    pub(crate) fn new(signal: Option<AbortSignal>) -> Cancel {
        Cancel(signal)
    }

    pub(crate) fn aborted(&self) -> bool {
        self.0.as_ref().is_some_and(AbortSignal::aborted)
    }
}

/// Aborts a controller when the caller aborts or the time runs out, and
/// undoes both hooks when dropped.
struct Guard {
    controller: AbortController,
    timer: JsValue,
    on_abort: Option<(AbortSignal, Closure<dyn FnMut()>)>,
    _on_timeout: Closure<dyn FnMut()>,
}

/// A callback that aborts `controller`.
fn aborter(controller: &AbortController) -> Closure<dyn FnMut()> {
    let c = controller.clone();
    Closure::new(move || c.abort())
}

impl Guard {
    fn new(cancel: &Cancel, timeout_ms: u32) -> Result<Guard, FetchError> {
        let controller = AbortController::new().map_err(|e| FetchError::Network(message_of(&e)))?;
        let on_timeout = aborter(&controller);
        let timer = set_timeout(
            on_timeout.as_ref().unchecked_ref(),
            timeout_ms.min(i32::MAX as u32) as i32,
        );
        let on_abort = cancel.0.as_ref().map(|signal| {
            let hook = aborter(&controller);
            let _ = signal.add_event_listener_with_callback("abort", hook.as_ref().unchecked_ref());
            (signal.clone(), hook)
        });
        Ok(Guard {
            controller,
            timer,
            on_abort,
            _on_timeout: on_timeout,
        })
    }

    fn error(&self, cancel: &Cancel, timeout_ms: u32, message: String) -> FetchError {
        if cancel.aborted() {
            FetchError::Aborted
        } else if self.controller.signal().aborted() {
            // Only the timer and the caller abort the controller.
            FetchError::Timeout(timeout_ms)
        } else {
            FetchError::Network(message)
        }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        clear_timeout(&self.timer);
        if let Some((signal, hook)) = &self.on_abort {
            let _ =
                signal.remove_event_listener_with_callback("abort", hook.as_ref().unchecked_ref());
        }
    }
}

/// An answer: status, the headers carviews reads, and the body as asked.
#[derive(Debug)]
pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) content_type: Option<String>,
    pub(crate) retry_after: Option<String>,
    pub(crate) body: Body,
}

/// A body, read according to what the status and request call for.
#[derive(Debug)]
pub(crate) enum Body {
    /// Image bytes, kept in JavaScript.
    Blob(Blob),
    /// A JSON answer, read into the core's tree.
    Json(Raw),
    /// The start of an error answer's text.
    Text(String),
}

/// What to read from a successful answer.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Expect {
    Image,
    Json,
}

/// Sends a request and reads its answer, all within `timeout_ms` and
/// cancellable by the caller.
pub(crate) async fn fetch(
    req: &HttpRequest,
    expect: Expect,
    timeout_ms: u32,
    cancel: &Cancel,
) -> Result<Answer, FetchError> {
    fetch_with(req, None, expect, timeout_ms, cancel).await
}

/// [`fetch`], attaching `image` as the `image` field of a form body.
pub(crate) async fn fetch_with(
    req: &HttpRequest,
    image: Option<&Blob>,
    expect: Expect,
    timeout_ms: u32,
    cancel: &Cancel,
) -> Result<Answer, FetchError> {
    if cancel.aborted() {
        return Err(FetchError::Aborted);
    }
    let guard = Guard::new(cancel, timeout_ms)?;
    let signal = guard.controller.signal();
    let method = if req.method == "POST" {
        Method::POST
    } else {
        Method::GET
    };
    let mut builder = RequestBuilder::new(&req.url)
        .method(method)
        .abort_signal(Some(&signal));
    for (name, value) in &req.headers {
        builder = builder.header(name, value.expose());
    }
    let request = match &req.body {
        Payload::Empty => builder.build(),
        Payload::Text(text) => builder.body(text.as_str()),
        Payload::Form { fields, file } => {
            let data =
                form(fields, file, image).map_err(|e| FetchError::Network(message_of(&e)))?;
            builder.body(data)
        }
    }
    .map_err(|e| FetchError::Network(e.to_string()))?;
    let response = request
        .send()
        .await
        .map_err(|e| guard.error(cancel, timeout_ms, e.to_string()))?;
    let status = response.status();
    let headers = response.headers();
    let content_type = headers.get("content-type");
    let retry_after = headers.get("retry-after");
    // An error answer and a JSON answer are read as text, an image as bytes.
    let ok = (200..300).contains(&status);
    let body = if ok && matches!(expect, Expect::Image) {
        // gloo-net reads bodies into wasm memory; an image stays a Blob in
        // JavaScript (for createImageBitmap and object URLs): web-sys.
        let raw: web_sys::Response = response.into();
        let blob = match raw.blob() {
            Ok(p) => JsFuture::from(p).await,
            Err(e) => Err(e),
        }
        .map_err(|e| guard.error(cancel, timeout_ms, message_of(&e)))?;
        Body::Blob(blob.unchecked_into())
    } else {
        let text = response
            .text()
            .await
            .map_err(|e| guard.error(cancel, timeout_ms, e.to_string()))?;
        if ok {
            Body::Json(parse_json(&text))
        } else {
            Body::Text(prefix(&text, 2000).to_owned())
        }
    };
    drop(guard);
    Ok(Answer {
        status,
        content_type,
        retry_after,
        body,
    })
}

/// A multipart body: the text fields, and the image under `file` (named
/// after its type, as an upload from a file picker would be).
fn form(
    fields: &[(String, String)],
    file: &str,
    image: Option<&Blob>,
) -> Result<web_sys::FormData, JsValue> {
    let data = web_sys::FormData::new()?;
    for (name, value) in fields {
        data.append_with_str(name, value)?;
    }
    if let Some(blob) = image {
        let ext = match blob.type_().as_str() {
            "image/jpeg" => "jpg",
            "image/webp" => "webp",
            _ => "png",
        };
        data.append_with_blob_and_filename(file, blob, &format!("main.{ext}"))?;
    }
    Ok(data)
}

/// Waits `ms`, or less if the caller aborts.
pub(crate) async fn sleep(ms: u32, cancel: &Cancel) {
    if ms == 0 || cancel.aborted() {
        return;
    }
    let mut timer = JsValue::UNDEFINED;
    let mut resolve_fn: Option<Function> = None;
    let promise = Promise::new(&mut |resolve, _reject| {
        timer = set_timeout(&resolve, ms.min(i32::MAX as u32) as i32);
        if let Some(signal) = &cancel.0 {
            let _ = signal.add_event_listener_with_callback("abort", &resolve);
        }
        resolve_fn = Some(resolve);
    });
    let _ = JsFuture::from(promise).await;
    clear_timeout(&timer);
    if let (Some(signal), Some(resolve)) = (&cancel.0, &resolve_fn) {
        let _ = signal.remove_event_listener_with_callback("abort", resolve);
    }
}

/// Text as a `Blob` of the given type (the SVG of a preview); `None` where
/// the runtime has no `Blob`.
pub(crate) fn text_blob(text: &str, mime: &str) -> Option<Blob> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_str_sequence_and_options(&parts, &options).ok()
}

/// A `blob:` URL for fetched image bytes.
pub(crate) fn blob_url(blob: &Blob) -> Result<String, String> {
    web_sys::Url::create_object_url_with_blob(blob).map_err(|e| message_of(&e))
}
