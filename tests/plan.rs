//! Native tests of the plan: identity, prompts, determinism and the
//! equivalence of English, Ukrainian and Russian requests.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use carviews::core::identity::{seed, session_id};
use carviews::core::plan::Consistency;
use carviews::core::request::parse_car_data;
use carviews::core::{plan_car_images, Angle, Language, PlanOptions, Raw};

const YEAR: i32 = 2026;

fn request(brand: &str, model: &str, year: f64, color: &str, body: &str, angles: &[&str]) -> Raw {
    let car = Raw::object([
        ("brand", Raw::text(brand)),
        ("model", Raw::text(model)),
        ("year", Raw::Number(year)),
        ("color", Raw::text(color)),
        ("body_type", Raw::text(body)),
    ]);
    let angles = if angles.is_empty() {
        Raw::Missing
    } else {
        Raw::List(angles.iter().map(|a| Raw::text(a)).collect())
    };
    Raw::object([("car_data", car), ("angles", angles)])
}

fn clio() -> Raw {
    request("Renault", "Clio", 2019.0, "blue", "hatchback", &[])
}

fn per_angle() -> PlanOptions {
    PlanOptions {
        consistency: Consistency::PerAngle,
        ..PlanOptions::default()
    }
}

#[test]
fn the_example_car_has_its_golden_identity() {
    let plan = plan_car_images(&clio(), &per_angle(), YEAR).unwrap();
    assert_eq!(plan.session_id, "CAR-7671f0b6");
    let seeds: Vec<_> = plan
        .images
        .iter()
        .map(|i| (i.angle.name(), i.seed))
        .collect();
    assert_eq!(
        seeds,
        vec![("front", 242_103), ("side", 735_798), ("rear", 214_351)]
    );
    assert_eq!(plan.car.brand, "Renault");
    assert_eq!(plan.car.color, "blue");
    assert_eq!(plan.car.body_type, "hatchback");
    assert!(plan.warnings.is_empty());
}

#[test]
fn ukrainian_and_russian_requests_are_the_same_car() {
    let en = plan_car_images(&clio(), &per_angle(), YEAR).unwrap();
    let uk = plan_car_images(
        &request(
            "Рено",
            "Кліо",
            2019.0,
            "синій",
            "хетчбек",
            &["спереду", "збоку", "ззаду"],
        ),
        &per_angle(),
        YEAR,
    )
    .unwrap();
    let ru = plan_car_images(
        &request(
            "Рено",
            "Клио",
            2019.0,
            "синяя",
            "хэтчбек",
            &["спереди", "сбоку", "сзади"],
        ),
        &per_angle(),
        YEAR,
    )
    .unwrap();
    for other in [&uk, &ru] {
        assert_eq!(other.session_id, en.session_id);
        assert_eq!(other.images, en.images, "same seeds and prompts");
        assert!(other.warnings.is_empty(), "{:?}", other.warnings);
    }
}

#[test]
fn spelling_variants_do_not_change_the_identity() {
    let a = plan_car_images(
        &request("Škoda", "Octavia", 2020.0, "grey", "wagon", &[]),
        &per_angle(),
        YEAR,
    )
    .unwrap();
    let b = plan_car_images(
        &request("  skoda ", "OCTAVIA", 2020.0, "Gray", "estate", &[]),
        &per_angle(),
        YEAR,
    )
    .unwrap();
    let c = plan_car_images(
        &request("Шкода", "Октавія", 2020.0, "сірий", "універсал", &[]),
        &per_angle(),
        YEAR,
    )
    .unwrap();
    assert_eq!(a.session_id, b.session_id);
    assert_eq!(a.session_id, c.session_id);
}

#[test]
fn a_different_car_or_variation_is_a_different_session() {
    let base = plan_car_images(&clio(), &per_angle(), YEAR)
        .unwrap()
        .session_id;
    for other in [
        request("Renault", "Clio", 2020.0, "blue", "hatchback", &[]),
        request("Renault", "Clio", 2019.0, "red", "hatchback", &[]),
        request("Renault", "Clio", 2019.0, "blue", "wagon", &[]),
        request("Renault", "Megane", 2019.0, "blue", "hatchback", &[]),
    ] {
        assert_ne!(
            plan_car_images(&other, &per_angle(), YEAR)
                .unwrap()
                .session_id,
            base
        );
    }
    let varied = PlanOptions {
        variation: Some("2".into()),
        ..per_angle()
    };
    let v = plan_car_images(&clio(), &varied, YEAR).unwrap();
    assert_ne!(v.session_id, base);
    // Golden, from Python: md5("renault_clio_2019_blue_hatchback_2")
    assert_eq!(v.session_id, "CAR-a3310417");
}

#[test]
fn seeds_follow_the_consistency_mode() {
    let per = plan_car_images(&clio(), &per_angle(), YEAR).unwrap();
    let distinct: std::collections::HashSet<_> = per.images.iter().map(|i| i.seed).collect();
    assert_eq!(distinct.len(), 3);
    for mode in [Consistency::SharedSeed, Consistency::Anchor] {
        let plan = plan_car_images(
            &clio(),
            &PlanOptions {
                consistency: mode,
                ..PlanOptions::default()
            },
            YEAR,
        )
        .unwrap();
        assert!(plan.images.iter().all(|i| i.seed == 242_103), "{mode:?}");
        assert_eq!(plan.consistency, mode);
    }
}

#[test]
fn the_first_requested_angle_is_main_and_order_is_kept() {
    let plan = plan_car_images(
        &request(
            "Kia",
            "Rio",
            2015.0,
            "red",
            "sedan",
            &["rear", "front_left", "interior"],
        ),
        &per_angle(),
        YEAR,
    )
    .unwrap();
    let order: Vec<_> = plan
        .images
        .iter()
        .map(|i| (i.angle.name(), i.is_main))
        .collect();
    assert_eq!(
        order,
        vec![("rear", true), ("front_left", false), ("interior", false)]
    );
}

#[test]
fn titles_follow_the_language() {
    let uk = PlanOptions {
        language: Language::Uk,
        ..PlanOptions::default()
    };
    let plan = plan_car_images(&clio(), &uk, YEAR).unwrap();
    let titles: Vec<_> = plan.images.iter().map(|i| i.title).collect();
    assert_eq!(titles, vec!["Вид спереду", "Вид збоку", "Вид ззаду"]);
}

#[test]
fn prompts_name_the_car_the_view_and_the_emblem() {
    let all: Vec<&str> = Angle::ALL.iter().map(|a| a.name()).collect();
    let plan = plan_car_images(
        &request("Renault", "Clio", 2019.0, "blue", "hatchback", &all),
        &per_angle(),
        YEAR,
    )
    .unwrap();
    for (image, angle) in plan.images.iter().zip(Angle::ALL) {
        let p = &image.prompt;
        assert!(p.contains("blue 2019 Renault Clio hatchback"), "{p}");
        assert!(p.contains(angle.view_phrase()), "{p}");
        assert!(
            !p.contains("CAR-") && !p.to_lowercase().contains("session"),
            "{p}"
        );
        assert!(!p.to_lowercase().contains("consistency"), "{p}");
        assert!(p.len() < 1000, "{} chars", p.len());
        assert!(!image.negative_prompt.is_empty());
        assert!(image.negative_prompt.contains("watermark"));
    }
    let front = &plan.images[0].prompt;
    assert!(front.contains("diamond-shaped"), "{front}");
    assert!(front.contains("front grille"), "{front}");
    let rear = &plan.images[5].prompt;
    assert!(rear.contains("tailgate"), "{rear}");
    let side = &plan.images[3].prompt;
    assert!(!side.contains("emblem"), "{side}");
    let interior = &plan.images[9].prompt;
    assert!(
        interior.contains("interior") && interior.contains("steering wheel"),
        "{interior}"
    );
}

#[test]
fn unknown_words_reach_the_prompt_as_written() {
    let plan = plan_car_images(
        &request("Zastava", "Yugo", 1988.0, "sky-ish", "targa", &["front"]),
        &per_angle(),
        YEAR,
    )
    .unwrap();
    assert!(
        plan.images[0]
            .prompt
            .contains("a sky-ish 1988 Zastava Yugo targa"),
        "{}",
        plan.images[0].prompt
    );
    assert!(!plan.images[0].prompt.contains("emblem"));
    assert_eq!(plan.warnings.len(), 3, "{:?}", plan.warnings);
}

#[test]
fn planning_is_deterministic() {
    let a = plan_car_images(&clio(), &PlanOptions::default(), YEAR).unwrap();
    let b = plan_car_images(&clio(), &PlanOptions::default(), YEAR).unwrap();
    assert_eq!(a, b);
}

#[test]
fn identity_functions_agree_with_the_plan() {
    let car = parse_car_data(clio().get("car_data"), YEAR, &mut Vec::new()).unwrap();
    let sid = session_id(&car, None);
    assert_eq!(sid, "CAR-7671f0b6");
    assert_eq!(seed(&sid, Angle::Side), 735_798);
}

/// Free text enters the identity in full Unicode lowercase, as Python's
/// `str.lower` gives it (final sigma included); the value was computed there:
/// `md5("αλφα μοτορς_ωmega_2020_red_sedan")`. The wasm suite checks the
/// same value, where the lowercasing is JavaScript's.
#[test]
fn identity_lowercases_any_script_like_python() {
    let raw = request("ΑΛΦΑ ΜΟΤΟΡΣ", "ΩMEGA", 2020.0, "red", "sedan", &[]);
    let car = parse_car_data(raw.get("car_data"), YEAR, &mut Vec::new()).unwrap();
    assert_eq!(session_id(&car, None), "CAR-4a7a9020");
}

#[test]
fn plan_options_are_read_and_checked() {
    let raw = Raw::object([
        ("variation", Raw::Number(7.0)),
        ("language", Raw::text("uk")),
        ("consistency", Raw::text("shared-seed")),
        ("somethingElse", Raw::Bool(true)),
    ]);
    let o = PlanOptions::parse(&raw).unwrap();
    assert_eq!(o.variation.as_deref(), Some("7"));
    assert_eq!(o.language, Language::Uk);
    assert_eq!(o.consistency, Consistency::SharedSeed);
    for (key, value, field) in [
        ("variation", Raw::Number(1.5), "options.variation"),
        ("variation", Raw::Number(f64::NAN), "options.variation"),
        ("variation", Raw::text("a\nb"), "options.variation"),
        ("language", Raw::text("de"), "options.language"),
        ("language", Raw::Number(1.0), "options.language"),
        ("consistency", Raw::text("same"), "options.consistency"),
    ] {
        let err = PlanOptions::parse(&Raw::object([(key, value)])).unwrap_err();
        assert_eq!(err.field(), Some(field));
    }
    assert_eq!(
        PlanOptions::parse(&Raw::text("x")).unwrap_err().field(),
        Some("options")
    );
    assert_eq!(
        PlanOptions::parse(&Raw::Missing).unwrap(),
        PlanOptions::default()
    );
}

#[test]
fn a_searched_emblem_is_used_only_where_the_table_has_none() {
    use carviews::core::plan::plan_request_with;
    use carviews::core::request::parse_request;
    let unknown = parse_request(
        &request(
            "Zastava",
            "Yugo",
            1988.0,
            "red",
            "hatchback",
            &["front", "side"],
        ),
        YEAR,
    )
    .unwrap();
    let plan = plan_request_with(&unknown, &per_angle(), Some("a red shield with a white Z"));
    assert!(plan.images[0].prompt.contains(
        "The Zastava emblem, a red shield with a white Z, sits centred on the front grille."
    ));
    assert!(
        !plan.images[1].prompt.contains("emblem"),
        "not in a side view"
    );
    let known = parse_request(&clio(), YEAR).unwrap();
    let plan = plan_request_with(&known, &per_angle(), Some("a red shield with a white Z"));
    assert!(
        plan.images[0].prompt.contains("diamond-shaped"),
        "the table wins"
    );
    assert!(!plan.images[0].prompt.contains("white Z"));
}
