//! Measures the built-in renderer natively: time per view and SVG sizes over
//! every body type × angle. `cargo run --release --example bench_preview`.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::time::Instant;

use carviews::core::preview::{render_preview, PreviewOptions};
use carviews::core::request::parse_car_data;
use carviews::core::vocab::BodyType;
use carviews::core::{Angle, Raw};

fn main() {
    let rounds = 200;
    let opts = PreviewOptions::default();
    let cars: Vec<_> = BodyType::ALL
        .iter()
        .map(|b| {
            let raw = Raw::object([
                ("brand", Raw::text("Renault")),
                ("model", Raw::text("Clio")),
                ("year", Raw::Number(2019.0)),
                ("color", Raw::text("blue")),
                ("body_type", Raw::text(b.name())),
            ]);
            parse_car_data(&raw, 2026, &mut Vec::new()).unwrap()
        })
        .collect();
    let mut sizes = Vec::new();
    let mut bytes = 0usize;
    let start = Instant::now();
    for round in 0..rounds {
        for car in &cars {
            for angle in Angle::ALL {
                let svg = render_preview(car, angle, &opts);
                bytes += svg.len();
                if round == 0 {
                    sizes.push(svg.len());
                }
            }
        }
    }
    let views = rounds * cars.len() * Angle::ALL.len();
    let per_view = start.elapsed().as_secs_f64() / views as f64;
    sizes.sort_unstable();
    let median = sizes.get(sizes.len() / 2).copied().unwrap_or(0);
    println!(
        "{views} views: {:.1} µs per view; SVG size min {} B, median {} B, max {} B (checksum {bytes})",
        per_view * 1e6,
        sizes.first().unwrap(),
        median,
        sizes.last().unwrap()
    );
}
