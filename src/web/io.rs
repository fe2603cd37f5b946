//! The run's seam in a browser (and in Node): [`Io`] over gloo-net,
//! `setTimeout`, the caller's `AbortSignal`, `createImageBitmap`, object
//! URLs with their owners, the caller's callbacks and the page's cache; and
//! the [`Page`] the runs of this page share.

use std::future::Future;
use std::rc::Rc;

use web_sys::{AbortSignal, Blob};

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

    fn object_url(&self, image: &Blob) -> Result<String, String> {
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
