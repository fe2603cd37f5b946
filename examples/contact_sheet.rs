//! Writes `docs/contact-sheet.html`: every body type from the front, a
//! three-quarter view, the side and the rear, plus the top and interior of
//! one car, drawn by the built-in renderer. `scripts/contact-sheet.sh`
//! turns it into `docs/contact-sheet.png` with headless Chromium.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]

use carviews::core::preview::{render_preview, PreviewOptions};
use carviews::core::request::parse_car_data;
use carviews::core::vocab::BodyType;
use carviews::core::{Angle, Raw};

const COLOURS: [&str; 11] = [
    "blue",
    "red",
    "white",
    "black",
    "silver",
    "dark green",
    "yellow",
    "graphite",
    "orange",
    "beige",
    "light blue",
];
const BRANDS: [(&str, &str); 11] = [
    ("Toyota", "Camry"),
    ("Volkswagen", "Golf"),
    ("Skoda", "Octavia"),
    ("Volvo", "V60"),
    ("Land Rover", "Defender"),
    ("Hyundai", "Tucson"),
    ("BMW", "X6"),
    ("Mazda", "MX-5"),
    ("Ford", "Ranger"),
    ("Renault", "Espace"),
    ("Mercedes-Benz", "Sprinter"),
];

fn main() {
    let opts = PreviewOptions {
        width: 320,
        height: 240,
        caption: false,
        ..PreviewOptions::default()
    };
    let mut html = String::from("<!doctype html><meta charset=\"utf-8\"><title>carviews contact sheet</title><style>body{margin:0;padding:12px;font:13px system-ui,sans-serif;background:#fff}table{border-collapse:collapse}td{padding:2px}th{text-align:left;padding:2px 8px;font-weight:600}</style><table>");
    html.push_str("<tr><th></th><th>front</th><th>front_left</th><th>side</th><th>rear</th><th>rear_right</th></tr>");
    for (i, body) in BodyType::ALL.iter().enumerate() {
        let (brand, model) = BRANDS[i];
        let raw = Raw::object([
            ("brand", Raw::text(brand)),
            ("model", Raw::text(model)),
            ("year", Raw::Number(2021.0)),
            ("color", Raw::text(COLOURS[i])),
            ("body_type", Raw::text(body.name())),
        ]);
        let car = parse_car_data(&raw, 2026, &mut Vec::new()).unwrap();
        html.push_str(&format!(
            "<tr><th>{}<br><small>{} {}</small></th>",
            body.name(),
            COLOURS[i],
            brand
        ));
        for angle in [
            Angle::Front,
            Angle::FrontLeft,
            Angle::Side,
            Angle::Rear,
            Angle::RearRight,
        ] {
            html.push_str("<td>");
            html.push_str(&render_preview(&car, angle, &opts));
            html.push_str("</td>");
        }
        html.push_str("</tr>");
    }
    let raw = Raw::object([
        ("brand", Raw::text("Renault")),
        ("model", Raw::text("Clio")),
        ("year", Raw::Number(2019.0)),
        ("color", Raw::text("blue")),
        ("body_type", Raw::text("hatchback")),
    ]);
    let car = parse_car_data(&raw, 2026, &mut Vec::new()).unwrap();
    html.push_str("<tr><th>hatchback<br><small>the seed car</small></th>");
    for angle in [
        Angle::FrontRight,
        Angle::SideRight,
        Angle::RearLeft,
        Angle::Top,
        Angle::Interior,
    ] {
        html.push_str("<td>");
        html.push_str(&render_preview(
            &car,
            angle,
            &PreviewOptions {
                caption: true,
                ..opts.clone()
            },
        ));
        html.push_str("</td>");
    }
    html.push_str("</tr></table>");
    std::fs::write("docs/contact-sheet.html", html).unwrap();
}
