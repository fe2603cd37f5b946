//! The seam between the run and the world: what `generateCarImages` needs
//! from its runtime, as a trait the browser shell implements with gloo-net,
//! timers, `createImageBitmap`, object URLs and the caller's callbacks, and
//! the tests implement with scripted answers and a virtual clock. Timeouts
//! and cancellation are decided here, over the seam, not by it.

use std::future::Future;
use std::pin::pin;

use futures::future::{select, Either};

use crate::core::generate::next::ErrorCode;
use crate::core::generate::providers::{short, HttpRequest};
use crate::core::generate::response::{CarImagesResponse, CarViewsEvent, GeneratedImage};

/// Decoded RGBA pixels (row-major), width and height.
pub type Pixels = (Vec<u8>, usize, usize);

/// An answer: status, the headers carviews reads, and the body.
#[derive(Debug, Clone)]
pub struct Answer<I> {
    /// The HTTP status.
    pub status: u16,
    /// `Content-Type`.
    pub content_type: Option<String>,
    /// `Retry-After`.
    pub retry_after: Option<String>,
    /// The body, read as the request asked.
    pub body: Body<I>,
}

/// A body: image bytes held by the runtime (a successful answer to a
/// request that [`Reads::Image`]), or text (JSON answers, and the start of
/// every error answer).
///
/// [`Reads::Image`]: crate::core::generate::providers::Reads::Image
#[derive(Debug, Clone)]
pub enum Body<I> {
    /// Image bytes.
    Image(I),
    /// Text.
    Text(String),
}

impl<I> Body<I> {
    /// The text of a text body; `""` for image bytes.
    pub fn text(&self) -> &str {
        match self {
            Body::Text(t) => t,
            Body::Image(_) => "",
        }
    }
}

/// What the run needs from its runtime. Every method but the three async
/// ones answers at once; none may panic.
pub trait Io {
    /// Image bytes as the runtime holds them (a `Blob` in a browser): the
    /// core never reads them, it asks the seam for what it needs.
    type Image: Clone;

    /// Sends a request (with `attach` as the image field of a form body)
    /// and reads its answer; `Err` with a message when the network failed.
    /// No timeout and no cancellation of its own: the run races it against
    /// [`Io::sleep`] and [`Io::cancelled`], and dropping the future must
    /// abort the request.
    fn send(
        &self,
        request: &HttpRequest,
        attach: Option<&Self::Image>,
    ) -> impl Future<Output = Result<Answer<Self::Image>, String>>;
    /// Resolves after `ms` milliseconds; dropping it cancels the timer.
    fn sleep(&self, ms: u32) -> impl Future<Output = ()>;
    /// Resolves when the caller aborts (at once if it already has).
    fn cancelled(&self) -> impl Future<Output = ()>;
    /// Whether the caller has aborted.
    fn aborted(&self) -> bool;
    /// Milliseconds on a monotonic-enough clock (only differences are used).
    fn now(&self) -> f64;

    /// Whether this runtime can decode images (a browser can, Node cannot).
    fn can_decode(&self) -> bool;
    /// The pixels of an image, scaled small for the colour check; `None`
    /// when it cannot be decoded (truncated, corrupt).
    fn pixels(&self, image: &Self::Image) -> impl Future<Output = Option<Pixels>>;
    /// The image's MIME type, as the runtime knows it (`""` if none).
    fn image_type(&self, image: &Self::Image) -> String;
    /// The image's size in bytes.
    fn image_size(&self, image: &Self::Image) -> f64;
    /// Text as image bytes of the given type (a preview's SVG); `None` where
    /// the runtime cannot hold it.
    fn text_image(&self, text: &str, mime: &str) -> Option<Self::Image>;
    /// A URL an `<img>` can show the bytes from, not held by anything yet:
    /// an object URL in a browser; a `data:` URL on a server, where an
    /// object URL would mean nothing outside the process.
    fn object_url(&self, image: &Self::Image) -> impl Future<Output = Result<String, String>>;
    /// Lets go of a URL from [`Io::object_url`] that nothing was given (an
    /// attempt thrown away, the images of an aborted run).
    fn discard(&self, url: &str);

    /// Hands an image, with its bytes, to the caller (`onImage`).
    fn show(&self, image: &GeneratedImage, bytes: Option<&Self::Image>);
    /// Reports an event to the caller (`onEvent`).
    fn event(&self, event: &CarViewsEvent);
    /// The response kept for an identical earlier request, with its bytes.
    fn recall(&self, key: &str) -> Option<(CarImagesResponse, Vec<Option<Self::Image>>)>;
    /// Keeps a response for later identical requests.
    fn remember(&self, key: String, response: &CarImagesResponse, bytes: &[Option<Self::Image>]);
}

/// Why a request produced no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// The caller aborted.
    Aborted,
    /// No answer within the timeout.
    Timeout(u32),
    /// The network failed (offline, DNS, refused, CORS).
    Network(String),
}

impl FetchError {
    /// What went wrong, as an event, a warning or an error message says it.
    pub fn describe(&self) -> String {
        match self {
            FetchError::Aborted => "aborted".to_owned(),
            FetchError::Timeout(ms) => format!("no answer within {ms} ms"),
            FetchError::Network(m) => format!("network error: {}", short(m)),
        }
    }

    /// The same, as a code for a UI.
    pub fn code(&self) -> ErrorCode {
        match self {
            FetchError::Aborted => ErrorCode::Aborted,
            FetchError::Timeout(_) => ErrorCode::Timeout,
            FetchError::Network(_) => ErrorCode::Network,
        }
    }
}

/// Sends a request and reads its answer within `timeout_ms`, unless the
/// caller aborts first: a race between the seam's answer, its clock and
/// its cancellation. The losing request is dropped, which aborts it.
pub async fn fetch<I: Io>(
    io: &I,
    request: &HttpRequest,
    attach: Option<&I::Image>,
    timeout_ms: u32,
) -> Result<Answer<I::Image>, FetchError> {
    if io.aborted() {
        return Err(FetchError::Aborted);
    }
    let send = pin!(io.send(request, attach));
    let (sleep, cancelled) = (pin!(io.sleep(timeout_ms)), pin!(io.cancelled()));
    let stop = select(sleep, cancelled);
    match select(send, stop).await {
        Either::Left(_) if io.aborted() => Err(FetchError::Aborted),
        Either::Left((answer, _)) => answer.map_err(FetchError::Network),
        Either::Right((Either::Left(_), _)) => Err(FetchError::Timeout(timeout_ms)),
        Either::Right((Either::Right(_), _)) => Err(FetchError::Aborted),
    }
}

/// Waits `ms`, or less if the caller aborts.
pub async fn pause<I: Io>(io: &I, ms: u32) {
    if ms == 0 || io.aborted() {
        return;
    }
    let (sleep, cancelled) = (pin!(io.sleep(ms)), pin!(io.cancelled()));
    select(sleep, cancelled).await;
}
