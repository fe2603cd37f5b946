//! The run's seam in a browser (and in Node): [`Io`] over gloo-net,
//! `setTimeout`, the caller's `AbortSignal`, `createImageBitmap`, object
//! URLs with their owners, the caller's callbacks and the page's cache; and
//! the [`Page`] the runs of this page share.

use std::future::Future;
use std::rc::Rc;

use web_sys::{AbortSignal, Blob};

use crate::core::generate::encode::base64;
use crate::core::generate::providers::HttpRequest;
use crate::core::generate::response::{CarImagesResponse, CarViewsEvent, GeneratedImage};
use crate::core::run::io::{Answer, Io, Pixels};
use crate::core::run::page::Page;
use crate::web::callbacks::Callbacks;
use crate::web::{cache, http, ownership, pixels};

thread_local! {
    /// What the runs of this page share: the providers' gates, the search's
    /// answers, the model catalogues.
    static PAGE: Rc<Page> = Rc::new(Page::new());
}

/// What the runs of this page share.
pub(crate) fn page() -> Rc<Page> {
    PAGE.with(Rc::clone)
}

/// The runtime of one call: its signal and its callbacks.
#[derive(Debug)]
pub(crate) struct WebIo {
    signal: Option<AbortSignal>,
    callbacks: Callbacks,
}

impl WebIo {
    /// The runtime of a call with this signal and these callbacks.
    pub(crate) fn new(signal: Option<AbortSignal>, callbacks: Callbacks) -> WebIo {
        WebIo { signal, callbacks }
    }

    /// The runtime of a call with a signal and no callbacks (the catalogue,
    /// the sign-in, the seller's photo).
    pub(crate) fn quiet(signal: Option<AbortSignal>) -> WebIo {
        WebIo::new(signal, Callbacks::default())
    }
}

impl Io for WebIo {
    type Image = Blob;

    fn send(
        &self,
        request: &HttpRequest,
        attach: Option<&Blob>,
    ) -> impl Future<Output = Result<Answer<Blob>, String>> {
        http::send(request, attach)
    }

    fn sleep(&self, ms: u32) -> impl Future<Output = ()> {
        http::sleep(ms)
    }

    fn cancelled(&self) -> impl Future<Output = ()> {
        http::aborted(self.signal.as_ref())
    }

    fn aborted(&self) -> bool {
        self.signal.as_ref().is_some_and(AbortSignal::aborted)
    }

    fn now(&self) -> f64 {
        js_sys::Date::now()
    }

    fn can_decode(&self) -> bool {
        pixels::supported()
    }

    fn pixels(&self, image: &Blob) -> impl Future<Output = Option<Pixels>> {
        pixels::pixels(image)
    }

    fn image_type(&self, image: &Blob) -> String {
        image.type_()
    }

    fn image_size(&self, image: &Blob) -> f64 {
        image.size()
    }

    fn text_image(&self, text: &str, mime: &str) -> Option<Blob> {
        http::text_blob(text, mime)
    }

    async fn object_url(&self, image: &Blob) -> Result<String, String> {
        if on_a_server() {
            return data_url(image).await;
        }
        ownership::make(image)
    }

    fn discard(&self, url: &str) {
        ownership::discard(url);
    }

    fn show(&self, image: &GeneratedImage, bytes: Option<&Blob>) {
        self.callbacks.image(image, bytes);
    }

    fn event(&self, event: &CarViewsEvent) {
        self.callbacks.event(event);
    }

    fn recall(&self, key: &str) -> Option<(CarImagesResponse, Vec<Option<Blob>>)> {
        cache::recall(key)
    }

    fn remember(&self, key: String, response: &CarImagesResponse, bytes: &[Option<Blob>]) {
        cache::keep(key, response, bytes);
    }
}

/// Whether this runtime is a server (Node, or one that passes for it): an
/// object URL made there means nothing to a browser.
fn on_a_server() -> bool {
    let versions = js_sys::Reflect::get(&js_sys::global(), &"process".into())
        .and_then(|p| js_sys::Reflect::get(&p, &"versions".into()));
    versions
        .and_then(|v| js_sys::Reflect::get(&v, &"node".into()))
        .is_ok_and(|node| node.is_string())
}

/// The bytes of an image as a `data:` URL of their type.
async fn data_url(image: &Blob) -> Result<String, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(image.array_buffer())
        .await
        .map_err(|e| crate::web::interop::message_of(&e))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let mime = match image.type_() {
        t if t.is_empty() => "application/octet-stream".to_owned(),
        t => t,
    };
    Ok(format!("data:{mime};base64,{}", base64(&bytes)))
}
