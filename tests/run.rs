//! The run of `generateCarImages`, natively, on a fake runtime with a
//! virtual clock: the fault matrix (every fault × provider × mode) as a
//! table, the decisions one by one, and a property test over random fault
//! sequences, aborts and shapes of request.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod run_support;

use std::rc::Rc;
use std::time::Instant;

use carviews::core::generate::next::{ErrorCode, PaymentReason, MAX_THROTTLED};
use carviews::core::generate::providers::Provider;
use carviews::core::generate::response::{Mode, Stage, Via};
use carviews::core::run::page::Page;
use carviews::core::run::Aborted;
use carviews::core::Angle;
use run_support::{clio, options, outcome, run, Fake, Reply, Service, BLUE};

const GEN: &str = r#""pollinations": {"apiKey": "sk_test", "baseUrl": "https://gen.fake", "mediaUrl": "https://media.fake"}"#;
const LEGACY: &str = r#""pollinations": {"api": "legacy", "baseUrl": "https://legacy.fake"}"#;
const PROXY: &str = r#""dalle": {"proxyUrl": "https://proxy.fake/v1"}"#;
const SEARCH: &str = r#""search": {"wikipediaUrl": "https://wikipedia.fake", "commonsUrl": "https://commons.fake", "wikidataUrl": "https://wikidata.fake", "timeoutMs": 500}"#;
const NO_SEARCH: &str = r#""search": false"#;

/// One run of a fresh page on `fake`: its response.
fn respond(
    fake: &Rc<Fake>,
    angles: &[&str],
    o: carviews::core::generate::options::GenerateOptions,
) -> carviews::core::generate::response::CarImagesResponse {
    run(fake, &Rc::new(Page::new()), &clio(angles), o)
        .unwrap()
        .response
}

fn opts(parts: &[&str]) -> String {
    format!("{{{}}}", parts.join(", "))
}

/// A fault of the matrix: what a faulty service answers, and how often.
fn fault(kind: &str, nth: usize) -> Option<Reply> {
    let status = |status: u16, body: &str, retry_after: Option<&str>| Reply::Status {
        ms: 50,
        status,
        body: body.to_owned(),
        retry_after: retry_after.map(str::to_owned),
    };
    Some(match kind {
        "latency" => Reply::Ok { ms: 300 },
        "429 + Retry-After" if nth == 0 => {
            status(429, r#"{"error":"Too many requests"}"#, Some("1"))
        }
        "402 queue full" if nth < 2 => status(
            402,
            r#"{"error":"Queue full for IP 127.0.0.1 (max: 1)"}"#,
            None,
        ),
        "402 balance" => status(
            402,
            r#"{"status":402,"success":false,"error":{"code":"PAYMENT_REQUIRED","message":"Insufficient pollen balance"}}"#,
            None,
        ),
        "429, no Retry-After" if nth == 0 => status(429, "", None),
        "upload refused" => status(413, r#"{"error":"File too large"}"#, None),
        "500" => status(500, r#"{"error":{"message":"Internal error"}}"#, None),
        "502" => status(502, "", None),
        "503" => status(503, "", None),
        "hang" => Reply::Hang,
        "malformed body" => Reply::Malformed { ms: 50 },
        "truncated image" => Reply::Truncated { ms: 50 },
        "network error" => Reply::Network { ms: 20 },
        _ => return None,
    })
}

const KINDS: [&str; 13] = [
    "latency",
    "429 + Retry-After",
    "402 queue full",
    "402 balance",
    "429, no Retry-After",
    "upload refused",
    "500",
    "502",
    "503",
    "hang",
    "malformed body",
    "truncated image",
    "network error",
];

/// The matrix's columns: which services fail, and the options.
fn column(name: &str) -> (Vec<Service>, String) {
    match name {
        "proxy" => (vec![Service::Proxy], opts(&[PROXY, LEGACY, NO_SEARCH])),
        "gen" => (vec![Service::Gen], opts(&[GEN, NO_SEARCH])),
        "legacy" => (vec![Service::Legacy], opts(&[LEGACY, NO_SEARCH])),
        "search" => (
            vec![Service::Wikipedia, Service::Commons, Service::Wikidata],
            opts(&[LEGACY, SEARCH]),
        ),
        _ => unreachable!(),
    }
}

/// What each angle of every cell ended with: fault × column × mode.
/// (Timeout 1500 ms, one retry; a 429's Retry-After of 1 s is honoured;
/// the search column counts the views that got a reference photo.)
const EXPECTED: &[(&str, [&str; 4])] = &[
    (
        "latency",
        [
            "dalle",
            "pollinations",
            "pollinations",
            "pollinations, 2 ref",
        ],
    ),
    (
        "429 + Retry-After",
        [
            "dalle",
            "pollinations",
            "pollinations",
            "pollinations, 1 ref",
        ],
    ),
    (
        "402 queue full",
        [
            "dalle",
            "pollinations",
            "pollinations",
            "pollinations, 0 ref",
        ],
    ),
    (
        "402 balance",
        [
            "pollinations",
            "preview (payment_required)",
            "preview (payment_required)",
            "pollinations, 0 ref",
        ],
    ),
    (
        "429, no Retry-After",
        [
            "dalle",
            "pollinations",
            "pollinations",
            "pollinations, 1 ref",
        ],
    ),
    (
        "upload refused",
        [
            "dalle",
            "pollinations",
            "pollinations",
            "pollinations, 2 ref",
        ],
    ),
    (
        "500",
        [
            "pollinations",
            "preview (server_error)",
            "preview (server_error)",
            "pollinations, 0 ref",
        ],
    ),
    (
        "502",
        [
            "pollinations",
            "preview (server_error)",
            "preview (server_error)",
            "pollinations, 0 ref",
        ],
    ),
    (
        "503",
        [
            "pollinations",
            "preview (server_error)",
            "preview (server_error)",
            "pollinations, 0 ref",
        ],
    ),
    (
        "hang",
        [
            "pollinations",
            "preview (timeout)",
            "preview (timeout)",
            "pollinations, 0 ref",
        ],
    ),
    (
        "malformed body",
        [
            "pollinations",
            "preview (bad_image)",
            "preview (bad_image)",
            "pollinations, 0 ref",
        ],
    ),
    (
        "truncated image",
        [
            "dalle",
            "preview (bad_image)",
            "preview (bad_image)",
            "pollinations, 2 ref",
        ],
    ),
    (
        "network error",
        [
            "pollinations",
            "preview (network)",
            "preview (network)",
            "pollinations, 0 ref",
        ],
    ),
];

const COLUMNS: [&str; 4] = ["proxy", "gen", "legacy", "search"];
const MODES: [&str; 3] = ["anchor", "shared-seed", "per-angle"];

#[test]
fn the_fault_matrix_every_fault_by_provider_and_mode() {
    let started = Instant::now();
    let mut table = vec![format!("| fault \\ provider | {} |", COLUMNS.join(" | "))];
    let mut cells = 0;
    for (kind, expected) in EXPECTED {
        let mut row = Vec::new();
        for (col, want) in COLUMNS.iter().zip(expected) {
            for mode in MODES {
                let (faulty, base) = column(col);
                let k = kind.to_string();
                let fake = Rc::new(Fake::new(move |service, nth, _| {
                    let targeted = match k.as_str() {
                        "upload refused" => service == Service::Media,
                        _ => faulty.contains(&service),
                    };
                    targeted
                        .then(|| fault(&k, nth))
                        .flatten()
                        .unwrap_or(Reply::Ok { ms: 100 })
                }));
                let mut o = options(&base);
                o.timeout_ms = 1500;
                o.retries = 1;
                o.cache = false;
                o.plan.consistency = carviews::core::plan::PlanOptions::parse(
                    &carviews::core::Raw::from_json(&format!(r#"{{"consistency":"{mode}"}}"#)),
                )
                .unwrap()
                .consistency;
                let page = Rc::new(Page::new());
                let res = run(&fake, &page, &clio(&["front", "rear"]), o)
                    .unwrap_or_else(|_| panic!("{kind} × {col} × {mode} was aborted"))
                    .response;
                let cell = format!("{kind} × {col} × {mode}");
                assert_eq!(
                    res.images.iter().map(|i| i.angle).collect::<Vec<_>>(),
                    [Angle::Front, Angle::Rear],
                    "{cell}"
                );
                assert!(res.images[0].is_main && !res.images[1].is_main, "{cell}");
                for i in &res.images {
                    assert_eq!(i.fallback, i.error_code.is_some(), "{cell}");
                    assert_eq!(i.fallback, i.provider == Provider::Preview, "{cell}");
                }
                assert_eq!(res.success, res.total_generated == 2, "{cell}");
                let mut got = outcome(&res);
                if *col == "search" {
                    let refs = res.images.iter().filter(|i| i.reference.is_some()).count();
                    got = format!("{got}, {refs} ref");
                }
                assert_eq!(got, *want, "{cell}");
                cells += 1;
            }
            row.push(want.to_string());
        }
        table.push(format!("| {kind} | {} |", row.join(" | ")));
    }
    let took = started.elapsed();
    println!("{}", table.join("\n"));
    println!("fault matrix: {cells} cells in {took:?}");
    assert_eq!(cells, KINDS.len() * COLUMNS.len() * MODES.len());
}

#[test]
fn anchor_mode_uploads_the_main_view_and_conditions_the_others_on_it() {
    let fake = Rc::new(Fake::healthy());
    let res = respond(
        &fake,
        &["front", "side", "rear"],
        options(&opts(&[GEN, NO_SEARCH])),
    );
    assert!(res.success);
    let gen = fake.sent_to(Service::Gen);
    assert_eq!(gen.len(), 3);
    assert_eq!(
        (gen[0].angle, gen[0].model.as_str(), gen[0].conditioned),
        (Some(Angle::Front), "flux", false)
    );
    for s in &gen[1..] {
        assert_eq!((s.model.as_str(), s.conditioned), ("kontext", true));
        assert!(
            s.url.ends_with("&image=https%3A%2F%2Fmedia.fake%2F3f2c"),
            "{}",
            s.url
        );
        assert!(s.at >= fake.sent_to(Service::Media)[0].at);
    }
    let anchor = res.debug.anchor.unwrap();
    assert_eq!((anchor.via, anchor.uploaded), (Some(Via::Media), true));
    assert!(res.images[1..]
        .iter()
        .all(|i| i.consistency.as_ref().unwrap().mode == Mode::Anchor));
    // The run's own time on top of the services': main 100 + upload 100 + others 100.
    assert_eq!(res.debug.timings_ms.get("total"), Some(&300));
}

#[test]
fn a_failed_conditioned_view_is_made_again_unconditioned_on_the_main_seed() {
    let fake = Rc::new(Fake::new(|service, _, sent| {
        match (service, sent.conditioned) {
            (Service::Gen, true) => Reply::Status {
                ms: 10,
                status: 400,
                body: r#"{"error":{"code":"failed_to_download_image"}}"#.into(),
                retry_after: None,
            },
            _ => Reply::Ok { ms: 100 },
        }
    }));
    let res = respond(&fake, &["front", "rear"], options(&opts(&[GEN, NO_SEARCH])));
    assert!(res.success);
    let gen = fake.sent_to(Service::Gen);
    assert_eq!(
        gen.iter()
            .map(|s| (s.model.as_str(), s.conditioned))
            .collect::<Vec<_>>(),
        [("flux", false), ("kontext", true), ("flux", false)]
    );
    assert!(gen[2].url.contains(&format!("seed={}", res.images[0].seed)));
    assert_eq!(
        res.images[1].consistency.as_ref().unwrap().mode,
        Mode::SharedSeed
    );
}

#[test]
fn a_drifted_view_is_made_again_with_the_next_seed_and_the_better_kept() {
    let fake = Rc::new(Fake::new(|service, nth, sent| {
        match (service, sent.angle, nth) {
            (Service::Legacy, Some(Angle::Rear), 1) => Reply::Paint {
                ms: 100,
                paint: [0xb3, 0x12, 0x1b],
            },
            _ => Reply::Ok { ms: 100 },
        }
    }));
    let res = respond(
        &fake,
        &["front", "rear"],
        options(&opts(&[LEGACY, NO_SEARCH, r#""consistency": "per-angle""#])),
    );
    assert_eq!(res.debug.verification.regenerated, 1);
    assert!(res.images[1].consistency.as_ref().unwrap().ok);
    assert_eq!(fake.sent_to(Service::Legacy).len(), 3);
    assert_ne!(
        res.images[1].seed,
        carviews::core::identity::seed(&res.session_id, Angle::Rear)
    );
}

#[test]
fn a_402_is_told_once_and_its_model_not_asked_again_by_the_view() {
    let fake = Rc::new(Fake::new(|service, _, _| match service {
        Service::Proxy => Reply::Status {
            ms: 10,
            status: 402,
            body: r#"{"error":{"message":"Insufficient balance"}}"#.into(),
            retry_after: None,
        },
        _ => Reply::Paint {
            ms: 100,
            paint: [0xb3, 0x12, 0x1b],
        },
    }));
    let page = Rc::new(Page::new());
    let o = options(&opts(&[
        r#""dalle": {"proxyUrl": "https://proxy.fake/v1", "model": "gpt-image-1"}"#,
        LEGACY,
        NO_SEARCH,
    ]));
    let res = run(&fake, &page, &clio(&["front", "side", "rear"]), o)
        .unwrap()
        .response;
    // Every view drifted and was made again, yet each asked the proxy once.
    assert_eq!(res.debug.verification.regenerated, 3);
    assert_eq!(fake.sent_to(Service::Proxy).len(), 3);
    let told = fake
        .events
        .borrow()
        .iter()
        .filter(|e| e.message.contains("402 Payment Required"))
        .count();
    assert_eq!(told, 1);
}

#[test]
fn a_retry_after_longer_than_the_timeout_moves_the_view_on_at_once() {
    let fake = Rc::new(Fake::new(|service, _, _| match service {
        Service::Proxy => Reply::Status {
            ms: 10,
            status: 429,
            body: String::new(),
            retry_after: Some("3600".into()),
        },
        _ => Reply::Ok { ms: 100 },
    }));
    let page = Rc::new(Page::new());
    let mut o = options(&opts(&[PROXY, LEGACY, NO_SEARCH]));
    o.timeout_ms = 5000;
    let res = run(&fake, &page, &clio(&["front"]), o).unwrap().response;
    assert_eq!(res.images[0].provider, Provider::Pollinations);
    assert_eq!(fake.sent_to(Service::Proxy).len(), 1);
    assert!(fake.now() < 1000.0, "waited {} ms", fake.now());
}

#[test]
fn a_queueing_provider_is_served_one_at_a_time_by_every_run_of_the_page() {
    let fake = Rc::new(Fake::new(|service, nth, _| match (service, nth) {
        (Service::Legacy, 0) => Reply::Status {
            ms: 10,
            status: 429,
            body: String::new(),
            retry_after: Some("1".into()),
        },
        _ => Reply::Ok { ms: 100 },
    }));
    let page = Rc::new(Page::new());
    let o = || {
        let mut o = options(&opts(&[LEGACY, NO_SEARCH, r#""consistency": "per-angle""#]));
        o.cache = false;
        o
    };
    run(&fake, &page, &clio(&["front", "side", "rear", "top"]), o()).unwrap();
    assert!(fake
        .events
        .borrow()
        .iter()
        .any(|e| e.stage == Stage::Throttle));
    // A later run of the same page and provider: still one at a time.
    let before = fake.now();
    fake.sent.borrow_mut().clear();
    run(&fake, &page, &clio(&["front", "side", "rear"]), o()).unwrap();
    let starts: Vec<f64> = fake
        .sent_to(Service::Legacy)
        .iter()
        .map(|s| s.at - before)
        .collect();
    assert_eq!(starts, [0.0, 100.0, 200.0]);
    // Another page (another tab) is not slowed down.
    let fresh = Rc::new(Fake::healthy());
    run(
        &fresh,
        &Rc::new(Page::new()),
        &clio(&["front", "side", "rear"]),
        o(),
    )
    .unwrap();
    assert!(fresh.sent_to(Service::Legacy).iter().all(|s| s.at == 0.0));
}

#[test]
fn an_abort_stops_every_request_and_revokes_what_was_made() {
    let mut fake = Fake::healthy();
    fake.abort_at = Some(150.0);
    let fake = Rc::new(fake);
    let page = Rc::new(Page::new());
    let out = run(
        &fake,
        &page,
        &clio(&["front", "side", "rear"]),
        options(&opts(&[GEN, NO_SEARCH])),
    );
    assert!(matches!(out, Err(Aborted)));
    assert!(fake.sent.borrow().iter().all(|s| s.at < 150.0));
    // The main view had arrived and was shown: its object URL is revoked.
    assert_eq!(*fake.discarded.borrow(), *fake.made.borrow());
    assert!(!fake.made.borrow().is_empty());
}

#[test]
fn an_identical_request_is_answered_from_the_cache_without_a_request() {
    let fake = Rc::new(Fake::healthy());
    let page = Rc::new(Page::new());
    let first = run(
        &fake,
        &page,
        &clio(&["front", "rear"]),
        options(&opts(&[LEGACY, NO_SEARCH])),
    )
    .unwrap();
    let n = fake.sent.borrow().len();
    let second = run(
        &fake,
        &page,
        &clio(&["front", "rear"]),
        options(&opts(&[LEGACY, NO_SEARCH])),
    )
    .unwrap();
    assert_eq!(fake.sent.borrow().len(), n);
    assert!(second.response.debug.cached && !first.response.debug.cached);
    assert_eq!(second.response.images, first.response.images);
}

#[test]
fn no_provider_means_previews_that_say_so() {
    let fake = Rc::new(Fake::healthy());
    let res = respond(
        &fake,
        &["front", "rear"],
        options(r#"{"pollinations": false, "search": false}"#),
    );
    assert!(!res.success);
    assert_eq!(outcome(&res), "preview (no_provider)");
    assert!(fake.sent.borrow().is_empty());
    // Previews first (placeholders), then the fallbacks.
    let shown = fake.shown.borrow();
    assert_eq!(shown.len(), 4);
    assert!(shown[0].placeholder && shown[1].placeholder && !shown[2].placeholder);
    let _ = BLUE;
    let _ = MAX_THROTTLED;
}

#[test]
fn the_first_requests_go_out_before_the_previews_are_drawn_and_previews_come_first() {
    for mode in ["shared-seed", "anchor"] {
        let fake = Rc::new(Fake::healthy());
        let page = Rc::new(Page::new());
        let o = options(&format!(
            r#"{{{LEGACY}, {NO_SEARCH}, "consistency": "{mode}"}}"#
        ));
        run(&fake, &page, &clio(&["front", "side", "rear"]), o).unwrap();
        let journal = fake.journal.borrow();
        let first_preview = journal.iter().position(|j| j == "show preview").unwrap();
        let sent_before = journal[..first_preview]
            .iter()
            .filter(|j| j.starts_with("send"))
            .count();
        assert_eq!(
            sent_before,
            if mode == "anchor" { 1 } else { 3 },
            "{mode}: {journal:?}"
        );
        let previews: Vec<usize> = (0..journal.len())
            .filter(|&i| journal[i] == "show preview")
            .collect();
        let first_image = journal.iter().position(|j| j == "show image").unwrap();
        assert_eq!(previews.len(), 3);
        assert!(
            previews.iter().all(|&p| p < first_image),
            "{mode}: {journal:?}"
        );
    }
}

#[test]
fn only_image_bytes_fetched_with_a_key_are_shown_from_an_object_url() {
    let fake = Rc::new(Fake::healthy());
    let page = Rc::new(Page::new());
    // The proxy has its own auth header and answers with an image URL.
    let o = options(&opts(&[
        r#""dalle": {"proxyUrl": "https://proxy.fake/v1", "headers": {"X-Proxy-Key": "secret"}}"#,
        r#""pollinations": false"#,
        NO_SEARCH,
    ]));
    let res = run(&fake, &page, &clio(&["front"]), o).unwrap().response;
    assert!(
        res.images[0].url.starts_with("https://img.fake/"),
        "{}",
        res.images[0].url
    );
    assert!(fake.made.borrow().is_empty());
    // Gen with a key: its bytes, from an object URL.
    let fake = Rc::new(Fake::healthy());
    let res = run(
        &fake,
        &Rc::new(Page::new()),
        &clio(&["front"]),
        options(&opts(&[GEN, NO_SEARCH])),
    )
    .unwrap()
    .response;
    assert_eq!(res.images[0].url, "blob:fake/0");
    assert_eq!(
        res.images[0]
            .source_url
            .as_deref()
            .map(|u| u.starts_with("https://gen.fake/image/")),
        Some(true)
    );
}

#[test]
fn a_402_says_which_money_and_what_to_do_and_x402_asks_for_a_key() {
    for (code, reason, advice) in [
        ("INSUFFICIENT_BALANCE", PaymentReason::Balance, "top it up"),
        (
            "KEY_BUDGET_EXHAUSTED",
            PaymentReason::KeyBudget,
            "sign in again with a larger budget",
        ),
        (
            "PAYMENT_REQUIRED",
            PaymentReason::PaidOnly,
            "pick a free model",
        ),
    ] {
        let body = format!(
            r#"{{"status":402,"success":false,"error":{{"code":"{code}","message":"payment required"}}}}"#
        );
        let fake = Rc::new(Fake::new(move |service, _, _| match service {
            Service::Gen => Reply::Status {
                ms: 10,
                status: 402,
                body: body.clone(),
                retry_after: None,
            },
            _ => Reply::Ok { ms: 100 },
        }));
        let res = respond(&fake, &["front", "rear"], options(&opts(&[GEN, NO_SEARCH])));
        assert_eq!(outcome(&res), "preview (payment_required)");
        let events = fake.events.borrow();
        let told: Vec<_> = events
            .iter()
            .filter(|e| e.message.contains("402 Payment Required"))
            .collect();
        assert_eq!(told.len(), 1, "{code}: told once");
        assert_eq!(
            (told[0].code, told[0].reason),
            (Some(ErrorCode::PaymentRequired), Some(reason)),
            "{code}"
        );
        assert!(
            told[0].message.contains(advice),
            "{code}: {}",
            told[0].message
        );
        // The fallbacks carry the code and the reason too.
        assert!(events
            .iter()
            .filter(|e| e.stage == Stage::Fallback)
            .all(|e| e.reason == Some(reason)));
    }
    // Without a key, gen's x402 offer means "no key", never "no money".
    let x402 = r#"{"x402Version":1,"error":"Payment required","accepts":[{"scheme":"exact","network":"base"}]}"#;
    let fake = Rc::new(Fake::new(move |service, _, _| match service {
        Service::Gen => Reply::Status {
            ms: 10,
            status: 402,
            body: x402.to_owned(),
            retry_after: None,
        },
        _ => Reply::Ok { ms: 100 },
    }));
    let keyless =
        r#""pollinations": {"baseUrl": "https://gen.fake", "mediaUrl": "https://media.fake"}"#;
    let res = respond(&fake, &["front"], options(&opts(&[keyless, NO_SEARCH])));
    assert_eq!(outcome(&res), "preview (auth_required)");
    assert!(res.images[0]
        .error
        .as_deref()
        .unwrap()
        .contains("sign in with Pollinations"));
    assert!(!fake
        .events
        .borrow()
        .iter()
        .any(|e| e.message.contains("402 Payment Required")));
}

/// A run from the seller's photo, its consent to upload as given.
fn from_photo(
    fake: &Rc<Fake>,
    upload: bool,
) -> carviews::core::generate::response::CarImagesResponse {
    use carviews::core::photo::PhotoChoice;
    use carviews::core::run::{Call, Photo};
    let photo = Photo {
        choice: PhotoChoice {
            angle: Angle::FrontLeft,
            upload,
        },
        jpeg: run_support::FakeImage {
            paint: BLUE,
            mime: "image/jpeg".to_owned(),
            corrupt: false,
        },
        pixels: None,
    };
    let call = Call {
        request: carviews::core::request::parse_request(&clio(&["front", "rear"]), 2026).unwrap(),
        options: options(&opts(&[GEN, NO_SEARCH])),
        photo: Some(photo),
    };
    run_support::run_call(fake, &Rc::new(Page::new()), call)
        .unwrap()
        .response
}

#[test]
fn the_sellers_photo_leads_and_the_other_views_follow_its_upload_only_with_consent() {
    let fake = Rc::new(Fake::healthy());
    let res = from_photo(&fake, true);
    let angles: Vec<_> = res.images.iter().map(|i| i.angle).collect();
    assert_eq!(
        angles,
        [Angle::FrontLeft, Angle::Front, Angle::Rear],
        "the photo's view first"
    );
    assert_eq!(
        (res.images[0].provider, res.images[0].is_main),
        (Provider::Photo, true)
    );
    assert_eq!(
        res.images[0].consistency.as_ref().unwrap().mode,
        Mode::Photo
    );
    assert_eq!(
        fake.sent_to(Service::Media).len(),
        1,
        "uploaded, with consent"
    );
    let gen = fake.sent_to(Service::Gen);
    assert_eq!(gen.len(), 2);
    assert!(gen.iter().all(|s| s.conditioned && s.model == "kontext"));
    assert_eq!(res.debug.anchor.as_ref().unwrap().via, Some(Via::Media));
    assert!(res.success, "the photo is not a fallback");
    // Without consent nothing is uploaded, and Pollinations works from the text alone.
    let fake = Rc::new(Fake::healthy());
    let res = from_photo(&fake, false);
    assert!(fake.sent_to(Service::Media).is_empty());
    assert!(fake
        .sent_to(Service::Gen)
        .iter()
        .all(|s| !s.conditioned && s.model == "flux"));
    assert!(fake.events.borrow().iter().any(|e| e
        .message
        .contains("not uploaded to Pollinations without referencePhoto.upload")));
    assert_eq!(res.debug.anchor.as_ref().unwrap().via, None);
}
