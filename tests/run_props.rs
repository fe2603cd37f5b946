//! A property test of the run over random fault sequences: every status
//! (402 and 429 with and without `Retry-After` among them), hangs past the
//! timeout, malformed and truncated bodies, network errors and drifted
//! paints, an abort at a random moment, 1–10 angles, the three modes, with
//! and without the proxy. 10 000 cases in the test command (optimised; a
//! debug `cargo test` runs 1 000);
//! `CARVIEWS_RUN_CASES=1000000 cargo test --release --test run_props` is the
//! long run.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

mod run_support;

use std::rc::Rc;

use carviews::core::generate::consistency::MAX_REGENERATIONS;
use carviews::core::generate::next::MAX_THROTTLED;
use carviews::core::generate::providers::Provider;
use carviews::core::run::page::Page;
use carviews::core::run::Aborted;
use carviews::core::Angle;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use run_support::{clio, is_ai, options, run, Fake, Reply, Sent, Service};

fn reply() -> impl Strategy<Value = Reply> {
    let status = |status: u16, body: &'static str| {
        (0u32..400, proptest::option::of(0u32..6)).prop_map(move |(ms, ra)| Reply::Status {
            ms,
            status,
            body: body.to_owned(),
            retry_after: ra.map(|s| s.to_string()),
        })
    };
    prop_oneof![
        4 => (0u32..2500).prop_map(|ms| Reply::Ok { ms }),
        1 => (0u32..500).prop_map(|ms| Reply::Paint { ms, paint: [0xb3, 0x12, 0x1b] }),
        1 => status(400, r#"{"error":{"code":"BAD_REQUEST","message":"bad"}}"#),
        1 => status(401, r#"{"error":{"code":"UNAUTHORIZED"}}"#),
        1 => status(402, r#"{"error":{"code":"INSUFFICIENT_BALANCE","message":"Insufficient balance"}}"#),
        1 => status(402, r#"{"error":"Queue full for IP 127.0.0.1 (max: 1)"}"#),
        1 => status(403, ""),
        1 => status(404, ""),
        1 => status(408, ""),
        1 => status(422, r#"{"error":{"code":"content_policy_violation"}}"#),
        2 => status(429, r#"{"error":"Too many requests"}"#),
        1 => status(500, ""),
        1 => status(502, ""),
        1 => status(503, ""),
        1 => status(504, ""),
        1 => (0u32..300).prop_map(|ms| Reply::Malformed { ms }),
        1 => (0u32..300).prop_map(|ms| Reply::Truncated { ms }),
        1 => Just(Reply::Hang),
        1 => (0u32..300).prop_map(|ms| Reply::Network { ms }),
    ]
}

#[derive(Debug, Clone)]
struct Case {
    angles: Vec<&'static str>,
    mode: &'static str,
    proxy: Option<&'static str>,
    gen: bool,
    verify: bool,
    retries: u32,
    timeout_ms: u32,
    replies: Vec<Reply>,
    abort_at: Option<u32>,
}

fn case() -> impl Strategy<Value = Case> {
    let names: Vec<&'static str> = Angle::ALL.iter().map(|a| a.name()).collect();
    (
        proptest::sample::subsequence(names, 1..=10).prop_shuffle(),
        prop_oneof![Just("anchor"), Just("shared-seed"), Just("per-angle")],
        proptest::option::of(prop_oneof![Just("dall-e-3"), Just("gpt-image-1")]),
        any::<bool>(),
        any::<bool>(),
        0u32..4,
        200u32..3000,
        proptest::collection::vec(reply(), 1..24),
        proptest::option::weighted(0.5, 0u32..15_000),
    )
        .prop_map(
            |(angles, mode, proxy, gen, verify, retries, timeout_ms, replies, abort_at)| Case {
                angles,
                mode,
                proxy,
                gen,
                verify,
                retries,
                timeout_ms,
                replies,
                abort_at,
            },
        )
}

/// A fresh fake for the case: the i-th request to an image service (the
/// proxy, gen, legacy, the upload, an image URL) gets the case's i-th
/// reply, round and round; the search is off.
fn fake(c: &Case, abort_at: Option<u32>) -> Rc<Fake> {
    let replies = c.replies.clone();
    let counter = std::cell::Cell::new(0usize);
    let mut fake = Fake::new(move |_, _, _| {
        let i = counter.get();
        counter.set(i + 1);
        replies[i % replies.len()].clone()
    });
    fake.abort_at = abort_at.map(f64::from);
    fake.decodes = c.verify;
    Rc::new(fake)
}

fn run_case(
    c: &Case,
    abort_at: Option<u32>,
) -> (
    Rc<Fake>,
    Result<carviews::core::run::Generated<run_support::FakeImage>, Aborted>,
) {
    let pollinations = if c.gen {
        r#""pollinations": {"apiKey": "sk_p", "baseUrl": "https://gen.fake", "mediaUrl": "https://media.fake"}"#
    } else {
        r#""pollinations": {"api": "legacy", "baseUrl": "https://legacy.fake"}"#
    };
    let proxy = c.proxy.map_or(String::new(), |m| {
        format!(r#", "dalle": {{"proxyUrl": "https://proxy.fake/v1", "model": "{m}"}}"#)
    });
    let json = format!(
        r#"{{{pollinations}{proxy}, "search": false, "cache": false, "consistency": "{}", "verify": {}, "retries": {}, "timeoutMs": {}}}"#,
        c.mode, c.verify, c.retries, c.timeout_ms
    );
    let fake = fake(c, abort_at);
    let out = run(
        &fake,
        &Rc::new(Page::new()),
        &clio(&c.angles),
        options(&json),
    );
    (fake, out)
}

/// The most image requests a run may send: per view, two passes of the
/// chain (conditioned, then unconditioned), each with its regenerations,
/// each provider with its retries and throttled answers.
fn bound(c: &Case) -> usize {
    let providers = 1 + usize::from(c.proxy.is_some());
    let per_provider = 1 + c.retries as usize + MAX_THROTTLED as usize;
    let attempts = 1 + MAX_REGENERATIONS as usize;
    c.angles.len() * 2 * attempts * providers * per_provider
}

fn check(c: &Case) -> Result<(), TestCaseError> {
    let (free, out) = run_case(c, None);
    let generated = out.map_err(|_| TestCaseError::fail("aborted without an abort"))?;
    let res = &generated.response;
    let angles: Vec<&str> = res.images.iter().map(|i| i.angle.name()).collect();
    prop_assert_eq!(&angles, &c.angles);
    prop_assert_eq!(generated.bytes.len(), c.angles.len());
    for (k, i) in res.images.iter().enumerate() {
        prop_assert_eq!(i.is_main, k == 0);
        prop_assert_eq!(i.fallback, i.error_code.is_some());
        prop_assert_eq!(i.fallback, !is_ai(i.provider));
        prop_assert!(i.provider != Provider::Photo);
    }
    let ai = res.images.iter().filter(|i| !i.fallback).count();
    prop_assert_eq!(res.total_generated, ai);
    prop_assert_eq!(res.success, ai == c.angles.len());
    let image_requests = free.image_requests();
    prop_assert!(
        image_requests <= bound(c),
        "{} requests > bound {}",
        image_requests,
        bound(c)
    );
    prop_assert!(free.sent_to(Service::Media).len() <= 1);
    // A model answered 402 for money is not asked again by that view.
    let sent: Vec<Sent> = free.sent.borrow().clone();
    let model = |s: &Sent| matches!(s.service, Service::Proxy | Service::Gen | Service::Legacy);
    for (k, s) in sent
        .iter()
        .enumerate()
        .filter(|(_, s)| s.refused_payment && s.answered && model(s))
    {
        let again = sent[k + 1..]
            .iter()
            .any(|t| t.service == s.service && t.angle == s.angle && t.model == s.model);
        prop_assert!(!again, "{:?} asked again after its 402", s);
    }
    // The previews of every view come first, then one image per view.
    let shown = free.shown.borrow();
    prop_assert_eq!(shown.len(), 2 * c.angles.len());
    let (previews, images) = shown.split_at(c.angles.len());
    prop_assert!(previews.iter().all(|i| i.placeholder) && images.iter().all(|i| !i.placeholder));
    // Only the images shown get an object URL: none to revoke in a run that ends.
    let blob_urls = res
        .images
        .iter()
        .filter(|i| i.url.starts_with("blob:"))
        .count();
    prop_assert_eq!(free.made.borrow().len(), blob_urls);
    prop_assert!(free.discarded.borrow().is_empty());
    // Every object URL made is either shown in the response or revoked.
    for url in free.made.borrow().iter() {
        let shown = res.images.iter().any(|i| &i.url == url);
        let revoked = free.discarded.borrow().contains(url);
        prop_assert!(
            shown != revoked,
            "{} shown {} revoked {}",
            url,
            shown,
            revoked
        );
    }
    // The same case, aborted at a random moment: rejected when the abort
    // came before the run would have ended, done when after (at the very
    // moment, either), and no request after it.
    let ended = free.now();
    if let Some(t) = c.abort_at {
        let (fake, out) = run_case(c, Some(t));
        let t = f64::from(t);
        prop_assert!(fake.sent.borrow().iter().all(|s| s.at < t));
        if t < ended {
            prop_assert!(
                matches!(out, Err(Aborted)),
                "abort at {} before the end at {}",
                t,
                ended
            );
            let made = fake.made.borrow();
            prop_assert!(made.iter().all(|u| fake.discarded.borrow().contains(u)));
        } else if t > ended {
            prop_assert!(out.is_ok());
        }
    }
    Ok(())
}

#[test]
fn random_faults_aborts_and_requests_never_break_the_contract() {
    let cases = std::env::var("CARVIEWS_RUN_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) {
            1_000
        } else {
            10_000
        });
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let started = std::time::Instant::now();
    runner.run(&case(), |c| check(&c)).unwrap();
    println!("{cases} cases in {:?}", started.elapsed());
}
