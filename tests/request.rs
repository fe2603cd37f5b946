//! Native tests of request validation: every rule of the design document,
//! each with the field it must name.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use carviews::core::request::{parse_request, BodyChoice, ColourChoice, MAX_ANGLE_ENTRIES};
use carviews::core::{Angle, CarViewsError, Raw, Rule};

const YEAR: i32 = 2026;

fn car(brand: Raw, model: Raw, year: Raw) -> Raw {
    Raw::object([
        ("brand", brand),
        ("model", model),
        ("year", year),
        ("color", Raw::text("blue")),
        ("body_type", Raw::text("hatchback")),
    ])
}

fn request(car_data: Raw, angles: Raw) -> Raw {
    Raw::object([("car_data", car_data), ("angles", angles)])
}

fn clio() -> Raw {
    car(Raw::text("Renault"), Raw::text("Clio"), Raw::Number(2019.0))
}

fn error_of(raw: &Raw) -> (String, Rule) {
    match parse_request(raw, YEAR) {
        Err(CarViewsError::InvalidRequest(invalid)) => {
            assert!(!invalid.message.is_empty());
            (invalid.field, invalid.rule)
        }
        Ok(r) => panic!("accepted: {r:?}"),
        Err(other) => panic!("unexpected error: {other}"),
    }
}

fn with_car_field(key: &str, value: Raw) -> Raw {
    let Raw::Object(mut entries) = clio() else {
        unreachable!()
    };
    for (k, v) in &mut entries {
        if k == key {
            *v = value.clone();
        }
    }
    request(Raw::Object(entries), Raw::Missing)
}

#[test]
fn a_valid_request_is_normalised() {
    let req = parse_request(&request(clio(), Raw::Missing), YEAR).unwrap();
    assert_eq!(req.car.brand, "Renault");
    assert_eq!(req.car.model, "Clio");
    assert_eq!(req.car.year, 2019);
    assert!(matches!(req.car.colour, ColourChoice::Known(c) if c.name == "blue"));
    assert!(matches!(req.car.body, BodyChoice::Known(_)));
    assert_eq!(req.angles, vec![Angle::Front, Angle::Side, Angle::Rear]);
    assert!(req.warnings.is_empty(), "{:?}", req.warnings);
}

#[test]
fn validation_table() {
    let long = "x".repeat(65);
    let cases: Vec<(Raw, &str, Rule)> = vec![
        (Raw::Null, "request", Rule::NotObject),
        (Raw::text("Renault Clio"), "request", Rule::NotObject),
        (Raw::Number(1.0), "request", Rule::NotObject),
        (Raw::List(vec![]), "request", Rule::NotObject),
        (Raw::Unreadable("boom".into()), "request", Rule::Unreadable),
        (
            request(Raw::Missing, Raw::Missing),
            "car_data",
            Rule::Missing,
        ),
        (
            request(Raw::text("Renault"), Raw::Missing),
            "car_data",
            Rule::NotObject,
        ),
        (
            with_car_field("brand", Raw::Missing),
            "car_data.brand",
            Rule::Missing,
        ),
        (
            with_car_field("brand", Raw::Null),
            "car_data.brand",
            Rule::Missing,
        ),
        (
            with_car_field("brand", Raw::text("")),
            "car_data.brand",
            Rule::Empty,
        ),
        (
            with_car_field("brand", Raw::text("   ")),
            "car_data.brand",
            Rule::Empty,
        ),
        (
            with_car_field("brand", Raw::Number(5.0)),
            "car_data.brand",
            Rule::NotString,
        ),
        (
            with_car_field("brand", Raw::Bool(true)),
            "car_data.brand",
            Rule::NotString,
        ),
        (
            with_car_field("brand", Raw::Other("an object")),
            "car_data.brand",
            Rule::NotString,
        ),
        (
            with_car_field("brand", Raw::text(&long)),
            "car_data.brand",
            Rule::TooLong,
        ),
        (
            with_car_field("brand", Raw::LongText(10_000_000)),
            "car_data.brand",
            Rule::TooLong,
        ),
        (
            with_car_field("brand", Raw::text("Re\nnault")),
            "car_data.brand",
            Rule::ControlCharacter,
        ),
        (
            with_car_field("brand", Raw::text("Re\u{0}")),
            "car_data.brand",
            Rule::ControlCharacter,
        ),
        (
            with_car_field("brand", Raw::Unreadable("getter threw".into())),
            "car_data.brand",
            Rule::Unreadable,
        ),
        (
            with_car_field("model", Raw::Missing),
            "car_data.model",
            Rule::Missing,
        ),
        (
            with_car_field("model", Raw::text("")),
            "car_data.model",
            Rule::Empty,
        ),
        (
            with_car_field("model", Raw::List(vec![])),
            "car_data.model",
            Rule::NotString,
        ),
        (
            with_car_field("model", Raw::text(&long)),
            "car_data.model",
            Rule::TooLong,
        ),
        (
            with_car_field("model", Raw::text("Clio\t5")),
            "car_data.model",
            Rule::ControlCharacter,
        ),
        (
            with_car_field("year", Raw::Missing),
            "car_data.year",
            Rule::Missing,
        ),
        (
            with_car_field("year", Raw::Number(2019.5)),
            "car_data.year",
            Rule::NotInteger,
        ),
        (
            with_car_field("year", Raw::Number(f64::NAN)),
            "car_data.year",
            Rule::NotInteger,
        ),
        (
            with_car_field("year", Raw::Number(f64::INFINITY)),
            "car_data.year",
            Rule::NotInteger,
        ),
        (
            with_car_field("year", Raw::Number(f64::NEG_INFINITY)),
            "car_data.year",
            Rule::NotInteger,
        ),
        (
            with_car_field("year", Raw::text("2019a")),
            "car_data.year",
            Rule::NotInteger,
        ),
        (
            with_car_field("year", Raw::text("20.19")),
            "car_data.year",
            Rule::NotInteger,
        ),
        (
            with_car_field("year", Raw::Bool(true)),
            "car_data.year",
            Rule::NotInteger,
        ),
        (
            with_car_field("year", Raw::Number(1885.0)),
            "car_data.year",
            Rule::OutOfRange,
        ),
        (
            with_car_field("year", Raw::Number(2029.0)),
            "car_data.year",
            Rule::OutOfRange,
        ),
        (
            with_car_field("year", Raw::Number(-2019.0)),
            "car_data.year",
            Rule::OutOfRange,
        ),
        (
            with_car_field("year", Raw::Number(1e308)),
            "car_data.year",
            Rule::OutOfRange,
        ),
        (
            with_car_field("color", Raw::Number(3.0)),
            "car_data.color",
            Rule::NotString,
        ),
        (
            with_car_field("color", Raw::text(&long)),
            "car_data.color",
            Rule::TooLong,
        ),
        (
            with_car_field("body_type", Raw::Bool(false)),
            "car_data.body_type",
            Rule::NotString,
        ),
        (
            with_car_field("body_type", Raw::text("sedan\r")),
            "car_data.body_type",
            Rule::ControlCharacter,
        ),
        (request(clio(), Raw::text("front")), "angles", Rule::NotList),
        (request(clio(), Raw::Number(3.0)), "angles", Rule::NotList),
        (request(clio(), Raw::List(vec![])), "angles", Rule::Empty),
        (
            request(
                clio(),
                Raw::List(vec![Raw::text("front"), Raw::text("underneath")]),
            ),
            "angles[1]",
            Rule::UnknownAngle,
        ),
        (
            request(clio(), Raw::List(vec![Raw::Number(1.0)])),
            "angles[0]",
            Rule::NotString,
        ),
        (
            request(clio(), Raw::List(vec![Raw::text("front"), Raw::Null])),
            "angles[1]",
            Rule::Missing,
        ),
        (
            request(
                clio(),
                Raw::List(vec![Raw::text("front"); MAX_ANGLE_ENTRIES + 1]),
            ),
            "angles",
            Rule::TooManyAngles,
        ),
    ];
    for (raw, field, rule) in cases {
        assert_eq!(error_of(&raw), (field.to_owned(), rule), "{raw:?}");
    }
}

#[test]
fn year_bounds_follow_the_current_year() {
    for (year, ok) in [
        (1886.0, true),
        (2028.0, true),
        (2029.0, false),
        (1885.0, false),
    ] {
        let r = parse_request(&with_car_field("year", Raw::Number(year)), YEAR);
        assert_eq!(r.is_ok(), ok, "{year}");
    }
    assert!(parse_request(&with_car_field("year", Raw::Number(2029.0)), 2027).is_ok());
    assert_eq!(
        parse_request(&with_car_field("year", Raw::text(" 2019 ")), YEAR)
            .unwrap()
            .car
            .year,
        2019
    );
}

#[test]
fn sixty_four_characters_pass_and_count_characters_not_bytes() {
    let ok = "Ж".repeat(64);
    assert!(parse_request(&with_car_field("model", Raw::text(&ok)), YEAR).is_ok());
    let too_long = "Ж".repeat(65);
    assert_eq!(
        error_of(&with_car_field("model", Raw::text(&too_long))).1,
        Rule::TooLong
    );
}

#[test]
fn duplicate_angles_are_merged_with_a_warning_in_request_order() {
    let angles = Raw::List(
        ["rear", "front", "back", "спереду", "3/4"]
            .into_iter()
            .map(Raw::text)
            .collect(),
    );
    let req = parse_request(&request(clio(), angles), YEAR).unwrap();
    assert_eq!(
        req.angles,
        vec![Angle::Rear, Angle::Front, Angle::FrontLeft]
    );
    assert_eq!(req.warnings.len(), 2, "{:?}", req.warnings);
    assert!(req.warnings[0].starts_with("angles[2]"));
    assert!(req.warnings[1].starts_with("angles[3]"));
}

#[test]
fn all_ten_angles_are_accepted() {
    let angles = Raw::List(Angle::ALL.iter().map(|a| Raw::text(a.name())).collect());
    let req = parse_request(&request(clio(), angles), YEAR).unwrap();
    assert_eq!(req.angles, Angle::ALL.to_vec());
}

#[test]
fn unknown_words_pass_through_with_warnings() {
    let raw = request(
        Raw::object([
            ("brand", Raw::text("Zastava")),
            ("model", Raw::text("Yugo  45")),
            ("year", Raw::Number(1988.0)),
            ("color", Raw::text("Sky-ish")),
            ("body_type", Raw::text("targa")),
        ]),
        Raw::Missing,
    );
    let req = parse_request(&raw, YEAR).unwrap();
    assert_eq!(req.car.brand, "Zastava");
    assert_eq!(req.car.model, "Yugo 45");
    assert_eq!(req.car.colour, ColourChoice::Unknown("Sky-ish".into()));
    assert_eq!(req.car.body, BodyChoice::Unknown("targa".into()));
    let joined = req.warnings.join("\n");
    assert!(joined.contains("car_data.brand"), "{joined}");
    assert!(joined.contains("car_data.color"), "{joined}");
    assert!(joined.contains("car_data.body_type"), "{joined}");
}

#[test]
fn missing_colour_and_body_are_allowed_with_warnings() {
    let raw = request(
        Raw::object([
            ("brand", Raw::text("Kia")),
            ("model", Raw::text("Rio")),
            ("year", Raw::Number(2015.0)),
        ]),
        Raw::Missing,
    );
    let req = parse_request(&raw, YEAR).unwrap();
    assert_eq!(req.car.colour, ColourChoice::Unspecified);
    assert_eq!(req.car.body, BodyChoice::Unspecified);
    assert_eq!(req.warnings.len(), 2);
}

#[test]
fn unknown_cyrillic_names_are_transliterated() {
    let raw = request(
        Raw::object([
            ("brand", Raw::text("Богдан")),
            ("model", Raw::text("А092")),
            ("year", Raw::Number(2010.0)),
            ("color", Raw::text("жовтий")),
            ("body_type", Raw::text("мікроавтобус")),
        ]),
        Raw::Missing,
    );
    let req = parse_request(&raw, YEAR).unwrap();
    assert_eq!(req.car.brand, "Bogdan");
    assert_eq!(req.car.model, "A092");
    let raw = with_car_field("brand", Raw::text("Запорізький"));
    let req = parse_request(&raw, YEAR).unwrap();
    assert_eq!(req.car.brand, "Zaporizkyi");
    assert!(req.warnings.iter().any(|w| w.contains("transliterated")));
}

#[test]
fn use_mock_algorithm_is_accepted_and_ignored() {
    let Raw::Object(mut entries) = request(clio(), Raw::Missing) else {
        unreachable!()
    };
    entries.push(("use_mock_algorithm".into(), Raw::Bool(true)));
    assert!(parse_request(&Raw::Object(entries), YEAR).is_ok());
}

#[test]
fn errors_carry_code_field_and_a_readable_message() {
    let err = parse_request(&with_car_field("year", Raw::Number(1700.0)), YEAR).unwrap_err();
    assert_eq!(err.code(), "invalid_request");
    assert_eq!(err.field(), Some("car_data.year"));
    assert_eq!(err.rule(), Some(Rule::OutOfRange));
    assert_eq!(err.to_string(), "car_data.year: 1700 is outside 1886…2028");
}
