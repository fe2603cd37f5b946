//! Prints one preview SVG: `cargo run --example preview -- BODY ANGLE [COLOUR] [BRAND] [MODEL]`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]

use carviews::core::preview::{render_preview, PreviewOptions};
use carviews::core::request::{parse_angle_arg, parse_car_data};
use carviews::core::Raw;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize, d: &str| args.get(i).cloned().unwrap_or_else(|| d.to_owned());
    let raw = Raw::object([
        ("brand", Raw::text(&arg(3, "Renault"))),
        ("model", Raw::text(&arg(4, "Clio"))),
        ("year", Raw::Number(2019.0)),
        ("color", Raw::text(&arg(2, "blue"))),
        ("body_type", Raw::text(&arg(0, "hatchback"))),
    ]);
    let car = parse_car_data(&raw, 2026, &mut Vec::new()).unwrap();
    let angle = parse_angle_arg(&Raw::text(&arg(1, "front_left")), "angle").unwrap();
    print!(
        "{}",
        render_preview(&car, angle, &PreviewOptions::default())
    );
}
