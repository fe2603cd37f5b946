//! Property-based fuzzing of the core: arbitrary Unicode, huge strings and
//! odd numbers through request parsing, normalisation, prompts, the SVG
//! renderer, options and the colour code. Nothing may panic, and every
//! answer must be well-formed. Quick by default (the test command);
//! `CARVIEWS_FUZZ_CASES=1000000 cargo test --release --test fuzz` is the long run.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use carviews::core::colour::{delta_e00, dominant_colour, Lab};
use carviews::core::generate::options::GenerateOptions;
use carviews::core::preview::{render_preview, PreviewOptions};
use carviews::core::request::parse_request;
use carviews::core::search::html::strip_html;
use carviews::core::text::{lookup_key, transliterate};
use carviews::core::{plan_car_images, Angle, PlanOptions, Raw};
use proptest::prelude::*;
use proptest::strategy::ValueTree;

fn cases() -> u32 {
    std::env::var("CARVIEWS_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(512)
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(1e308),
        Just(-0.0),
        1800.0f64..2100.0,
        (1800i32..2100).prop_map(f64::from),
        any::<f64>(),
        -1e9f64..1e9,
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ -~]{0,80}",
        "[A-Za-z]{1,12}",
        "[а-яА-ЯіїєґІЇЄҐёЁ' -]{0,40}",
        Just("Рено".to_owned()),
        Just("синій".to_owned()),
        Just("3/4".to_owned()),
        (0usize..200_000).prop_map(|n| "ж".repeat(n)),
    ]
}

fn scalar() -> impl Strategy<Value = Raw> {
    prop_oneof![
        Just(Raw::Missing),
        Just(Raw::Null),
        any::<bool>().prop_map(Raw::Bool),
        number().prop_map(Raw::Number),
        text().prop_map(Raw::Text),
        (0usize..usize::MAX).prop_map(Raw::LongText),
        Just(Raw::Other("a symbol")),
        ".{0,20}".prop_map(Raw::Unreadable),
    ]
}

fn car() -> impl Strategy<Value = Raw> {
    (scalar(), scalar(), scalar(), scalar(), scalar()).prop_map(|(b, m, y, c, t)| {
        Raw::object([
            ("brand", b),
            ("model", m),
            ("year", y),
            ("color", c),
            ("body_type", t),
        ])
    })
}

fn request() -> impl Strategy<Value = Raw> {
    let angles = prop_oneof![
        scalar(),
        prop::collection::vec(scalar(), 0..40).prop_map(Raw::List)
    ];
    // Mostly plausible cars (so the plan and the renderer run), some hostile.
    let word = || prop_oneof![3 => "[A-Za-zА-Яа-яіїєґ0-9&<>\"' .-]{1,24}", 1 => text()];
    let plausible_angles = prop_oneof![
        Just(Raw::Missing),
        prop::collection::vec(
            prop::sample::select(vec![
                "front",
                "side",
                "rear",
                "3/4",
                "ззаду",
                "салон",
                "top",
                "back",
                "front_right"
            ])
            .prop_map(Raw::text),
            1..12
        )
        .prop_map(Raw::List),
    ];
    let plausible = (word(), word(), 1886i32..2029, word(), word()).prop_map(|(b, m, y, c, t)| {
        Raw::object([
            ("brand", Raw::Text(b)),
            ("model", Raw::Text(m)),
            ("year", Raw::Number(f64::from(y))),
            ("color", Raw::Text(c)),
            ("body_type", Raw::Text(t)),
        ])
    });
    prop_oneof![
        1 => scalar(),
        2 => (prop_oneof![car(), scalar()], angles).prop_map(|(c, a)| Raw::object([("car_data", c), ("angles", a)])),
        3 => (plausible, plausible_angles).prop_map(|(c, a)| Raw::object([("car_data", c), ("angles", a)])),
    ]
}

fn options() -> impl Strategy<Value = Raw> {
    let keys = prop::sample::select(vec![
        "variation",
        "language",
        "consistency",
        "pollinations",
        "dalle",
        "preview",
        "concurrency",
        "timeoutMs",
        "retries",
        "verify",
        "cache",
        "search",
        "width",
        "height",
        "background",
        "caption",
    ]);
    prop_oneof![
        scalar(),
        prop::collection::vec((keys, scalar()), 0..8).prop_map(Raw::object),
    ]
}

/// Runs a property over `cases()` inputs in a thread with a large stack:
/// proptest's nested strategies need deep stacks in unoptimised test builds
/// (the library itself does not recurse).
fn check<S>(strategy: S, property: impl Fn(S::Value) -> Result<(), TestCaseError> + Send + 'static)
where
    S: Strategy + Send + 'static,
    S::Value: std::fmt::Debug,
{
    let handle = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let config = ProptestConfig {
                cases: cases(),
                failure_persistence: None,
                ..ProptestConfig::default()
            };
            let mut runner = proptest::test_runner::TestRunner::new(config);
            runner.run(&strategy, property).map_err(|e| e.to_string())
        })
        .unwrap();
    if let Err(e) = handle.join().unwrap() {
        panic!("{e}");
    }
}

#[test]
fn requests_plans_and_previews_never_panic() {
    check(
        (request(), options(), 0usize..10, 2000i32..2100),
        |(req, opts, angle, year)| {
            let _ = parse_request(&req, year);
            let plan_options = PlanOptions::parse(&opts).unwrap_or_default();
            if let Ok(plan) = plan_car_images(&req, &plan_options, year) {
                prop_assert!(plan.session_id.starts_with("CAR-") && plan.session_id.len() == 12);
                prop_assert!(!plan.images.is_empty() && plan.images.len() <= 10);
                for image in &plan.images {
                    prop_assert!(image.seed < 1_000_000);
                    prop_assert!(
                        !image.prompt.is_empty() && image.prompt.len() < 4000,
                        "{}",
                        image.prompt.len()
                    );
                }
                let car = carviews::core::request::parse_car_data(
                    req.get("car_data"),
                    year,
                    &mut Vec::new(),
                )
                .unwrap();
                let preview = PreviewOptions::parse(&opts).unwrap_or_default();
                let small = PreviewOptions {
                    width: preview.width.min(512),
                    height: preview.height.min(512),
                    ..preview
                };
                let svg = render_preview(&car, Angle::ALL[angle], &small);
                prop_assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>"));
                prop_assert!(!svg.contains("<script"));
                prop_assert!(svg.len() < 16 * 1024, "{} bytes", svg.len());
            }
            Ok(())
        },
    );
}

#[test]
fn options_never_panic() {
    check(options(), |opts| {
        let _ = GenerateOptions::parse(&opts);
        let _ = PreviewOptions::parse(&opts);
        let _ = PlanOptions::parse(&opts);
        Ok(())
    });
}

#[test]
fn text_helpers_never_panic() {
    check(any::<String>(), |s| {
        let _ = lookup_key(&s);
        // Output stays bounded: at most 4 bytes of Latin per input character.
        let t = transliterate(&s);
        prop_assert!(t.len() <= s.chars().count() * 4 + s.len());
        let plain = strip_html(&s);
        prop_assert!(plain.len() <= s.len() * 2 + 8);
        Ok(())
    });
}

#[test]
fn colour_code_never_panics() {
    let labs = (number(), number(), number(), number(), number(), number());
    check(
        (
            prop::collection::vec(any::<u8>(), 0..2000),
            0usize..64,
            0usize..64,
            labs,
        ),
        |(bytes, w, h, (l1, a1, b1, l2, a2, b2))| {
            let _ = dominant_colour(&bytes, w, h, Some([10, 20, 30]));
            let d = delta_e00(
                Lab {
                    l: l1,
                    a: a1,
                    b: b1,
                },
                Lab {
                    l: l2,
                    a: a2,
                    b: b2,
                },
            );
            let finite = [l1, a1, b1, l2, a2, b2]
                .iter()
                .all(|x| x.is_finite() && x.abs() < 1e6);
            if finite {
                prop_assert!(d.is_finite() && d >= 0.0, "{}", d);
            }
            Ok(())
        },
    );
}

#[test]
fn the_generator_reaches_the_renderer() {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(generator_reaches_the_renderer)
        .unwrap()
        .join()
        .unwrap();
}

fn generator_reaches_the_renderer() {
    // Guards the fuzzer itself: a fair share of its requests must be valid,
    // or the plan and renderer properties above would test nothing.
    let config = ProptestConfig {
        cases: 1,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    let mut runner = proptest::test_runner::TestRunner::new(config);
    let strategy = request();
    let valid = (0..400)
        .filter(|_| {
            let tree = strategy.new_tree(&mut runner).unwrap();
            plan_car_images(&tree.current(), &PlanOptions::default(), 2026).is_ok()
        })
        .count();
    assert!(
        valid > 40,
        "only {valid} of 400 generated requests are valid"
    );
}
