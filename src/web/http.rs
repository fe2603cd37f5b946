//! The seam's I/O primitives: every HTTP request through gloo-net (aborted
//! when its future is dropped: the core's timeout or the caller's abort won
//! the race), timers that are cleared when dropped, and the caller's
//! `AbortSignal` as a future. Timers use the global `setTimeout`, so this
//! runs in browsers, workers and Node alike.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use gloo_net::http::{Method, RequestBuilder};
use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, Blob};

use crate::core::generate::providers::{HttpRequest, Payload, Reads};
use crate::core::run::io::{Answer, Body};
use crate::core::text::prefix;
use crate::web::interop::message_of;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &Function, ms: i32) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);
}

/// Aborts its controller when dropped before the answer was read.
struct AbortOnDrop(Option<AbortController>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(c) = self.0.take() {
            c.abort();
        }
    }
}

/// Sends a request and reads its answer: a successful answer's body as the
/// request [`Reads`], an error answer's as the start of its text. `Err`
/// with the runtime's message when the network failed.
pub(crate) async fn send(req: &HttpRequest, attach: Option<&Blob>) -> Result<Answer<Blob>, String> {
    let controller = AbortController::new().map_err(|e| message_of(&e))?;
    let signal = controller.signal();
    let mut guard = AbortOnDrop(Some(controller));
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
            let data = form(fields, file, attach).map_err(|e| message_of(&e))?;
            builder.body(data)
        }
    }
    .map_err(|e| e.to_string())?;
    let response = request.send().await.map_err(|e| e.to_string())?;
    let status = response.status();
    let headers = response.headers();
    let content_type = headers.get("content-type");
    let retry_after = headers.get("retry-after");
    let ok = (200..300).contains(&status);
    let body = if ok && req.reads == Reads::Image {
        // gloo-net reads bodies into wasm memory; an image stays a Blob in
        // JavaScript (for createImageBitmap and object URLs): web-sys.
        let raw: web_sys::Response = response.into();
        let blob = match raw.blob() {
            Ok(p) => JsFuture::from(p).await,
            Err(e) => Err(e),
        }
        .map_err(|e| message_of(&e))?;
        Body::Image(blob.unchecked_into())
    } else {
        let text = response.text().await.map_err(|e| e.to_string())?;
        Body::Text(match ok {
            true => text,
            false => prefix(&text, 2000).to_owned(),
        })
    };
    guard.0 = None;
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

/// A promise the seam resolves, and what to undo when it is dropped.
pub(crate) struct Waiting {
    promise: JsFuture,
    undo: Box<dyn FnMut()>,
}

impl Future for Waiting {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        Pin::new(&mut self.promise).poll(cx).map(|_| ())
    }
}

impl Drop for Waiting {
    fn drop(&mut self) {
        (self.undo)();
    }
}

/// Resolves after `ms`; the timer is cleared when dropped, so nothing is
/// left to keep Node's event loop alive.
pub(crate) fn sleep(ms: u32) -> Waiting {
    let mut timer = JsValue::UNDEFINED;
    let promise = Promise::new(&mut |resolve, _reject| {
        timer = set_timeout(&resolve, ms.min(i32::MAX as u32) as i32);
    });
    Waiting {
        promise: JsFuture::from(promise),
        undo: Box::new(move || clear_timeout(&timer)),
    }
}

/// Resolves when `signal` aborts (at once if it has); never without one.
/// Its listener is removed when dropped.
pub(crate) fn aborted(signal: Option<&AbortSignal>) -> Waiting {
    let mut listener: Option<(AbortSignal, Function)> = None;
    let promise = Promise::new(&mut |resolve, _reject| {
        let Some(signal) = signal else { return };
        if signal.aborted() {
            let _ = resolve.call0(&JsValue::NULL);
            return;
        }
        let _ = signal.add_event_listener_with_callback("abort", &resolve);
        listener = Some((signal.clone(), resolve));
    });
    Waiting {
        promise: JsFuture::from(promise),
        undo: Box::new(move || {
            if let Some((signal, resolve)) = &listener {
                let _ = signal.remove_event_listener_with_callback("abort", resolve);
            }
        }),
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
