//! `carVocabulary` round-trips: a request built from any entry's `id` or
//! its name in any language plans to the same session id as the canonical
//! request, and the vocabulary's size per language is what a form can show.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use carviews::core::vocab::listing::vocabulary;
use carviews::core::{plan_car_images, Language, PlanOptions, Raw};

fn session(brand: &str, model: &str, colour: &str, body: &str) -> String {
    let car = Raw::object([
        ("brand", Raw::text(brand)),
        ("model", Raw::text(model)),
        ("year", Raw::Number(2019.0)),
        ("color", Raw::text(colour)),
        ("body_type", Raw::text(body)),
    ]);
    let plan = plan_car_images(
        &Raw::object([("car_data", car)]),
        &PlanOptions::default(),
        2026,
    )
    .unwrap();
    assert!(
        plan.warnings.is_empty(),
        "{brand} {model} {colour} {body}: {:?}",
        plan.warnings
    );
    plan.session_id
}

const LANGUAGES: [Language; 3] = [Language::En, Language::Uk, Language::Ru];

#[test]
fn every_brand_and_model_round_trips_by_id_name_and_alias() {
    let en = vocabulary(Language::En);
    assert!(en.brands.len() >= 70, "{}", en.brands.len());
    let mut models = 0;
    for brand in &en.brands {
        let canonical_model = brand.models.first().map_or("Generic", |m| m.id);
        let canonical = session(brand.id, canonical_model, "blue", "sedan");
        for spelling in std::iter::once(brand.name).chain(brand.aliases.iter().copied()) {
            assert_eq!(
                session(spelling, canonical_model, "blue", "sedan"),
                canonical,
                "{spelling}"
            );
        }
        for model in &brand.models {
            models += 1;
            let by_id = session(brand.id, model.id, "blue", "sedan");
            assert_eq!(
                session(brand.name, model.name, "blue", "sedan"),
                by_id,
                "{} {}",
                brand.name,
                model.name
            );
        }
    }
    assert!(models >= 150, "{models}");
}

#[test]
fn every_paint_and_body_type_round_trips_in_every_language() {
    let canonical = vocabulary(Language::En);
    for language in LANGUAGES {
        let v = vocabulary(language);
        for (c, en) in v.colours.iter().zip(&canonical.colours) {
            assert_eq!(c.id, en.id);
            let want = session("Renault", "Clio", c.id, "sedan");
            assert_eq!(
                session("Renault", "Clio", c.name, "sedan"),
                want,
                "{:?} {}",
                language,
                c.name
            );
        }
        for (b, en) in v.body_types.iter().zip(&canonical.body_types) {
            assert_eq!(b.id, en.id);
            let want = session("Renault", "Clio", "blue", b.id);
            assert_eq!(
                session("Renault", "Clio", "blue", b.name),
                want,
                "{:?} {}",
                language,
                b.name
            );
        }
        assert_eq!(v.angles.len(), 10);
    }
    assert_eq!(canonical.colours.len(), 21);
    assert_eq!(canonical.body_types.len(), 11);
    let uk = vocabulary(Language::Uk);
    assert_eq!(
        uk.colours.iter().find(|c| c.id == "blue").unwrap().name,
        "синій"
    );
    assert_eq!(
        uk.colours.iter().find(|c| c.id == "blue").unwrap().hex,
        "#1f4e9c"
    );
    assert_eq!(uk.angles[0].title, "Вид спереду");
}

#[test]
fn the_vocabulary_size_per_language() {
    for language in LANGUAGES {
        let json = serde_json::to_string(&vocabulary(language)).unwrap();
        println!("carVocabulary({language:?}): {} bytes of JSON", json.len());
        assert!(json.len() < 64_000);
    }
}
