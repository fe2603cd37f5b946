//! A fake runtime for the run of `generateCarImages`: scripted answers, a
//! virtual clock (a test of a minute of retries takes microseconds), a log
//! of every request with the view and model it was for, and the callbacks
//! recorded. The run is driven on futures' `LocalPool`; when it stalls the
//! clock jumps to the next timer, and a run that stalls with no timer left
//! fails the test (no answer may stall a run).
#![allow(
    dead_code,
    unreachable_pub,
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use carviews::core::generate::options::GenerateOptions;
use carviews::core::generate::providers::{HttpRequest, Payload, Provider, Reads};
use carviews::core::generate::response::{CarImagesResponse, CarViewsEvent, GeneratedImage};
use carviews::core::request::parse_request;
use carviews::core::run::io::{Answer, Body, Io, Pixels};
use carviews::core::run::page::Page;
use carviews::core::run::{generate_car_images, Aborted, Call, Generated};
use carviews::core::{Angle, Raw};
use futures::executor::LocalPool;
use futures::task::LocalSpawnExt;

/// Image bytes as the fake holds them: the paint of the car drawn, or corrupt.
#[derive(Debug, Clone, PartialEq)]
pub struct FakeImage {
    pub paint: [u8; 3],
    pub mime: String,
    pub corrupt: bool,
}

/// Where a request went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    /// The proxy's `/images/generations` or `/images/edits`.
    Proxy,
    /// Pollinations gen's `/image/…`.
    Gen,
    /// Pollinations legacy's `/prompt/…`.
    Legacy,
    /// The media upload.
    Media,
    /// An image URL a provider answered.
    ImageUrl,
    /// Wikipedia, Wikidata, Commons.
    Wikipedia,
    Wikidata,
    Commons,
}

/// What the fake answers one request.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    /// The service's ordinary answer after `ms`.
    Ok { ms: u32 },
    /// An image of this paint (a drifted one) after `ms`.
    Paint { ms: u32, paint: [u8; 3] },
    /// An HTTP error answer.
    Status {
        ms: u32,
        status: u16,
        body: String,
        retry_after: Option<String>,
    },
    /// 200 with a body that is not what was asked (not JSON, not an image type).
    Malformed { ms: u32 },
    /// 200 with image bytes that do not decode.
    Truncated { ms: u32 },
    /// No answer, ever.
    Hang,
    /// The network fails after `ms`.
    Network { ms: u32 },
}

/// One request as the fake saw it.
#[derive(Debug, Clone, PartialEq)]
pub struct Sent {
    pub at: f64,
    pub service: Service,
    pub method: &'static str,
    pub url: String,
    pub angle: Option<Angle>,
    pub model: String,
    pub conditioned: bool,
    pub status: Option<u16>,
    /// Whether it was answered 402 for money (not legacy's "Queue full").
    pub refused_payment: bool,
    /// Whether its answer reached the run (it was not timed out or aborted first).
    pub answered: bool,
}

/// A response the fake's cache keeps, with its key and bytes.
type Kept = (String, CarImagesResponse, Vec<Option<FakeImage>>);

type Script = Box<dyn Fn(Service, usize, &Sent) -> Reply>;

struct Timer {
    id: u64,
    deadline: f64,
    waker: Option<Waker>,
}

/// The fake runtime.
pub struct Fake {
    now: Cell<f64>,
    timers: RefCell<Vec<Timer>>,
    next_timer: Cell<u64>,
    script: Script,
    counts: RefCell<Vec<(Service, usize)>>,
    pub sent: RefCell<Vec<Sent>>,
    pub events: RefCell<Vec<CarViewsEvent>>,
    pub shown: RefCell<Vec<GeneratedImage>>,
    /// Requests sent and images shown, in order: `send {service:?}`, `show preview`, `show image`.
    pub journal: RefCell<Vec<String>>,
    pub made: RefCell<Vec<String>>,
    pub discarded: RefCell<Vec<String>>,
    pub abort_at: Option<f64>,
    pub decodes: bool,
    /// The paint an ordinary image has.
    pub paint: [u8; 3],
    cache: RefCell<Vec<Kept>>,
}

/// The paint of the requested blue.
pub const BLUE: [u8; 3] = [0x1f, 0x4e, 0x9c];

impl Fake {
    /// A fake that answers each request with `script(service, nth, request)`.
    pub fn new(script: impl Fn(Service, usize, &Sent) -> Reply + 'static) -> Fake {
        Fake {
            now: Cell::new(0.0),
            timers: RefCell::new(Vec::new()),
            next_timer: Cell::new(0),
            script: Box::new(script),
            counts: RefCell::new(Vec::new()),
            sent: RefCell::new(Vec::new()),
            events: RefCell::new(Vec::new()),
            shown: RefCell::new(Vec::new()),
            journal: RefCell::new(Vec::new()),
            made: RefCell::new(Vec::new()),
            discarded: RefCell::new(Vec::new()),
            abort_at: None,
            decodes: true,
            paint: BLUE,
            cache: RefCell::new(Vec::new()),
        }
    }

    /// Every service answers at once, as it should.
    pub fn healthy() -> Fake {
        Fake::new(|_, _, _| Reply::Ok { ms: 100 })
    }

    pub fn now(&self) -> f64 {
        self.now.get()
    }

    fn sleep_until(&self, deadline: f64) -> Sleep<'_> {
        Sleep {
            fake: self,
            deadline,
            id: None,
        }
    }

    /// Advances the clock to the next timer and wakes every timer due;
    /// false when there is none.
    fn advance(&self) -> bool {
        let mut timers = self.timers.borrow_mut();
        let Some(next) = timers.iter().map(|t| t.deadline).reduce(f64::min) else {
            return false;
        };
        if next > self.now.get() {
            self.now.set(next);
        }
        let now = self.now.get();
        for t in timers.iter_mut().filter(|t| t.deadline <= now) {
            if let Some(w) = t.waker.take() {
                w.wake();
            }
        }
        true
    }

    fn count(&self, service: Service) -> usize {
        let mut counts = self.counts.borrow_mut();
        match counts.iter_mut().find(|(s, _)| *s == service) {
            Some((_, n)) => {
                *n += 1;
                *n - 1
            }
            None => {
                counts.push((service, 1));
                0
            }
        }
    }

    /// The requests to one service.
    pub fn sent_to(&self, service: Service) -> Vec<Sent> {
        self.sent
            .borrow()
            .iter()
            .filter(|s| s.service == service)
            .cloned()
            .collect()
    }

    /// Requests to the image services (proxy, gen, legacy).
    pub fn image_requests(&self) -> usize {
        self.sent
            .borrow()
            .iter()
            .filter(|s| matches!(s.service, Service::Proxy | Service::Gen | Service::Legacy))
            .count()
    }
}

/// A virtual-time sleep.
pub struct Sleep<'a> {
    fake: &'a Fake,
    deadline: f64,
    id: Option<u64>,
}

impl Future for Sleep<'_> {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.fake.now.get() >= self.deadline {
            return Poll::Ready(());
        }
        let mut timers = self.fake.timers.borrow_mut();
        match self.id {
            Some(id) => {
                if let Some(t) = timers.iter_mut().find(|t| t.id == id) {
                    t.waker = Some(cx.waker().clone());
                }
            }
            None => {
                let id = self.fake.next_timer.get();
                self.fake.next_timer.set(id + 1);
                timers.push(Timer {
                    id,
                    deadline: self.deadline,
                    waker: Some(cx.waker().clone()),
                });
                drop(timers);
                self.id = Some(id);
            }
        }
        Poll::Pending
    }
}

impl Drop for Sleep<'_> {
    fn drop(&mut self) {
        if let Some(id) = self.id {
            self.fake.timers.borrow_mut().retain(|t| t.id != id);
        }
    }
}

fn decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

/// The view a prompt is for: the angle whose view phrase it holds.
fn angle_of(prompt: &str) -> Option<Angle> {
    Angle::ALL
        .into_iter()
        .filter(|a| prompt.contains(a.view_phrase()))
        .max_by_key(|a| a.view_phrase().len())
}

/// What the fake makes of a request: its service, view and model.
fn describe(req: &HttpRequest, now: f64) -> Sent {
    let url = req.url.clone();
    let path = url.split('?').next().unwrap_or_default().to_owned();
    let query = url.split_once('?').map(|(_, q)| q).unwrap_or("");
    let param = |name: &str| {
        query
            .split('&')
            .find_map(|kv| kv.strip_prefix(&format!("{name}=")))
            .map(decode)
    };
    let (service, prompt, model, conditioned) = if path.contains("/images/") {
        let (prompt, model) = match &req.body {
            Payload::Text(t) => {
                let v: serde_json::Value = serde_json::from_str(t).unwrap();
                (
                    v["prompt"].as_str().unwrap_or("").to_owned(),
                    v["model"].as_str().unwrap_or("").to_owned(),
                )
            }
            Payload::Form { fields, .. } => {
                let f = |k: &str| {
                    fields
                        .iter()
                        .find(|(n, _)| n == k)
                        .map(|(_, v)| v.clone())
                        .unwrap_or_default()
                };
                (f("prompt"), f("model"))
            }
            Payload::Empty => (String::new(), String::new()),
        };
        let edit = path.ends_with("/edits");
        (Service::Proxy, prompt, model, edit)
    } else if let Some(p) = path
        .split("/image/")
        .nth(1)
        .filter(|_| path.contains("gen."))
    {
        (
            Service::Gen,
            decode(p),
            param("model").unwrap_or_default(),
            param("image").is_some(),
        )
    } else if let Some(p) = path.split("/prompt/").nth(1) {
        (
            Service::Legacy,
            decode(p),
            param("model").unwrap_or_default(),
            param("image").is_some(),
        )
    } else if path.ends_with("/upload") {
        (Service::Media, String::new(), String::new(), false)
    } else if path.contains("/api/rest_v1/page/summary/") {
        (Service::Wikipedia, String::new(), String::new(), false)
    } else if url.contains("wikidata") {
        (Service::Wikidata, String::new(), String::new(), false)
    } else if url.contains("commons") {
        (Service::Commons, String::new(), String::new(), false)
    } else {
        (Service::ImageUrl, String::new(), String::new(), false)
    };
    Sent {
        at: now,
        service,
        method: req.method,
        angle: angle_of(&prompt),
        url,
        model,
        conditioned,
        status: None,
        refused_payment: false,
        answered: false,
    }
}

const SUMMARY: &str = r#"{"type":"standard","title":"Renault","titles":{"normalized":"Renault"},"description":"French automobile manufacturer","extract":"Groupe Renault is a French multinational automobile manufacturer.","wikibase_item":"Q6686"}"#;

fn ok_answer(fake: &Fake, sent: &Sent, req: &HttpRequest, paint: [u8; 3]) -> Answer<FakeImage> {
    let image = |mime: &str| FakeImage {
        paint,
        mime: mime.to_owned(),
        corrupt: false,
    };
    let (content_type, body) = match (sent.service, req.reads) {
        (_, Reads::Image) => ("image/jpeg", Body::Image(image("image/jpeg"))),
        (Service::Proxy, _) => {
            let n = fake.sent.borrow().len();
            (
                "application/json",
                Body::Text(format!(
                    r#"{{"created":1,"data":[{{"url":"https://img.fake/{n}.png"}}]}}"#
                )),
            )
        }
        (Service::Media, _) => (
            "application/json",
            Body::Text(
                r#"{"id":"3f2c","url":"https://media.fake/3f2c","contentType":"image/jpeg","size":1234}"#
                    .to_owned(),
            ),
        ),
        (Service::Wikipedia, _) => ("application/json", Body::Text(SUMMARY.to_owned())),
        (Service::Commons, _) => (
            "application/json",
            Body::Text(
                std::fs::read_to_string(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/tests/fixtures/commons_search_renault_clio_front.json"
                ))
                .unwrap(),
            ),
        ),
        _ => ("application/json", Body::Text("{}".to_owned())),
    };
    Answer {
        status: 200,
        content_type: Some(content_type.to_owned()),
        retry_after: None,
        body,
    }
}

impl Io for Fake {
    type Image = FakeImage;

    fn send(
        &self,
        request: &HttpRequest,
        _attach: Option<&FakeImage>,
    ) -> impl Future<Output = Result<Answer<FakeImage>, String>> {
        let mut sent = describe(request, self.now.get());
        let nth = self.count(sent.service);
        let reply = (self.script)(sent.service, nth, &sent);
        sent.status = match &reply {
            Reply::Ok { .. } | Reply::Paint { .. } => Some(200),
            Reply::Malformed { .. } | Reply::Truncated { .. } => Some(200),
            Reply::Status { status, .. } => Some(*status),
            Reply::Hang | Reply::Network { .. } => None,
        };
        sent.refused_payment = matches!(&reply, Reply::Status { status: 402, body, .. } if !body.contains("Queue full"));
        let index = self.sent.borrow().len();
        self.journal
            .borrow_mut()
            .push(format!("send {:?}", sent.service));
        self.sent.borrow_mut().push(sent.clone());
        let request = request.clone();
        async move {
            let ms = match &reply {
                Reply::Ok { ms }
                | Reply::Paint { ms, .. }
                | Reply::Status { ms, .. }
                | Reply::Malformed { ms }
                | Reply::Truncated { ms }
                | Reply::Network { ms } => *ms,
                Reply::Hang => {
                    futures::future::pending::<()>().await;
                    0
                }
            };
            self.sleep_until(self.now.get() + f64::from(ms)).await;
            if let Some(s) = self.sent.borrow_mut().get_mut(index) {
                s.answered = true;
            }
            match reply {
                Reply::Ok { .. } => Ok(ok_answer(self, &sent, &request, self.paint)),
                Reply::Paint { paint, .. } => Ok(ok_answer(self, &sent, &request, paint)),
                Reply::Status {
                    status,
                    body,
                    retry_after,
                    ..
                } => Ok(Answer {
                    status,
                    content_type: Some("application/json".to_owned()),
                    retry_after,
                    body: Body::Text(body),
                }),
                Reply::Malformed { .. } => Ok(Answer {
                    status: 200,
                    content_type: Some("text/html".to_owned()),
                    retry_after: None,
                    body: match request.reads {
                        Reads::Image => Body::Image(FakeImage {
                            paint: self.paint,
                            mime: "text/html".to_owned(),
                            corrupt: true,
                        }),
                        Reads::Text => Body::Text("<html>oops".to_owned()),
                    },
                }),
                Reply::Truncated { .. } => {
                    let mut a = ok_answer(self, &sent, &request, self.paint);
                    if let Body::Image(i) = &mut a.body {
                        i.corrupt = true;
                    }
                    Ok(a)
                }
                Reply::Network { .. } | Reply::Hang => Err("Failed to fetch".to_owned()),
            }
        }
    }

    fn sleep(&self, ms: u32) -> impl Future<Output = ()> {
        self.sleep_until(self.now.get() + f64::from(ms))
    }

    fn cancelled(&self) -> impl Future<Output = ()> {
        let at = self.abort_at;
        async move {
            match at {
                Some(t) => self.sleep_until(t).await,
                None => futures::future::pending::<()>().await,
            }
        }
    }

    fn aborted(&self) -> bool {
        self.abort_at.is_some_and(|t| self.now.get() >= t)
    }

    fn now(&self) -> f64 {
        self.now.get()
    }

    fn can_decode(&self) -> bool {
        self.decodes
    }

    fn pixels(&self, image: &FakeImage) -> impl Future<Output = Option<Pixels>> {
        let image = image.clone();
        async move {
            if image.corrupt {
                return None;
            }
            let (w, h) = (32usize, 24usize);
            let mut px = Vec::with_capacity(w * h * 4);
            for y in 0..h {
                for x in 0..w {
                    let c = if (7..17).contains(&y) && (6..26).contains(&x) {
                        image.paint
                    } else {
                        [236, 238, 241]
                    };
                    px.extend_from_slice(&[c[0], c[1], c[2], 255]);
                }
            }
            Some((px, w, h))
        }
    }

    fn image_type(&self, image: &FakeImage) -> String {
        image.mime.clone()
    }

    fn image_size(&self, _image: &FakeImage) -> f64 {
        1234.0
    }

    fn text_image(&self, _text: &str, mime: &str) -> Option<FakeImage> {
        Some(FakeImage {
            paint: [0, 0, 0],
            mime: mime.to_owned(),
            corrupt: false,
        })
    }

    fn object_url(&self, _image: &FakeImage) -> impl Future<Output = Result<String, String>> {
        let url = format!("blob:fake/{}", self.made.borrow().len());
        self.made.borrow_mut().push(url.clone());
        std::future::ready(Ok(url))
    }

    fn discard(&self, url: &str) {
        self.discarded.borrow_mut().push(url.to_owned());
    }

    fn show(&self, image: &GeneratedImage, _bytes: Option<&FakeImage>) {
        let what = if image.placeholder {
            "preview"
        } else {
            "image"
        };
        self.journal.borrow_mut().push(format!("show {what}"));
        self.shown.borrow_mut().push(image.clone());
    }

    fn event(&self, event: &CarViewsEvent) {
        self.events.borrow_mut().push(event.clone());
    }

    fn recall(&self, key: &str) -> Option<(CarImagesResponse, Vec<Option<FakeImage>>)> {
        self.cache
            .borrow()
            .iter()
            .find(|(k, _, _)| k == key)
            .map(|(_, r, b)| (r.clone(), b.clone()))
    }

    fn remember(&self, key: String, response: &CarImagesResponse, bytes: &[Option<FakeImage>]) {
        self.cache
            .borrow_mut()
            .push((key, response.clone(), bytes.to_vec()));
    }
}

/// A request for a blue Renault Clio hatchback from these angles.
pub fn clio(angles: &[&str]) -> Raw {
    let car = Raw::object([
        ("brand", Raw::text("Renault")),
        ("model", Raw::text("Clio")),
        ("year", Raw::Number(2019.0)),
        ("color", Raw::text("blue")),
        ("body_type", Raw::text("hatchback")),
    ]);
    let angles = angles.iter().map(|a| Raw::text(a)).collect();
    Raw::object([("car_data", car), ("angles", Raw::List(angles))])
}

/// Options as JavaScript would write them, as a JSON object literal.
pub fn options(json: &str) -> GenerateOptions {
    GenerateOptions::parse(&Raw::from_json(json)).unwrap()
}

/// Runs `generateCarImages` on the fake to its end, jumping the clock
/// whenever the run waits; panics if it stalls with nothing to wait for.
pub fn run(
    fake: &Rc<Fake>,
    page: &Rc<Page>,
    request: &Raw,
    options: GenerateOptions,
) -> Result<Generated<FakeImage>, Aborted> {
    let call = Call {
        request: parse_request(request, 2026).unwrap(),
        options,
        photo: None,
    };
    run_call(fake, page, call)
}

/// [`run`] for a call made by hand (a seller's photo).
pub fn run_call(
    fake: &Rc<Fake>,
    page: &Rc<Page>,
    call: Call<FakeImage>,
) -> Result<Generated<FakeImage>, Aborted> {
    let mut pool = LocalPool::new();
    let slot = Rc::new(RefCell::new(None));
    let (f, p, s) = (Rc::clone(fake), Rc::clone(page), Rc::clone(&slot));
    pool.spawner()
        .spawn_local(async move {
            let out = generate_car_images(&*f, &p, call).await;
            *s.borrow_mut() = Some(out);
        })
        .unwrap();
    for _ in 0..1_000_000 {
        pool.run_until_stalled();
        if let Some(out) = slot.borrow_mut().take() {
            return out;
        }
        assert!(
            fake.advance(),
            "the run stalled at {} ms with nothing left to wait for",
            fake.now()
        );
    }
    panic!("the run did not end");
}

/// The provider of each image, or `preview (code)` for a fallback.
pub fn outcome(response: &CarImagesResponse) -> String {
    let mut seen: Vec<String> = Vec::new();
    for i in &response.images {
        let s = match (i.fallback, i.error_code) {
            (true, Some(code)) => format!(
                "preview ({})",
                serde_json::to_value(code).unwrap().as_str().unwrap()
            ),
            _ => i.provider.name().to_owned(),
        };
        if !seen.contains(&s) {
            seen.push(s);
        }
    }
    seen.join("+")
}

/// Whether `p` is an AI provider.
pub fn is_ai(p: Provider) -> bool {
    matches!(p, Provider::Dalle | Provider::Pollinations)
}
