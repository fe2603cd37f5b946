//! Native tests of the built-in renderer: well-formed SVG for every body
//! type and angle, the paint, distinct views and bodies, escaping,
//! determinism, size, and its options.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use carviews::core::preview::{render_preview, Background, PreviewOptions, NEUTRAL_GREY};
use carviews::core::request::{parse_car_data, CarData};
use carviews::core::vocab::colours::find_colour;
use carviews::core::vocab::BodyType;
use carviews::core::{Angle, Raw};

fn car(brand: &str, model: &str, colour: &str, body: &str) -> CarData {
    let raw = Raw::object([
        ("brand", Raw::text(brand)),
        ("model", Raw::text(model)),
        ("year", Raw::Number(2019.0)),
        ("color", Raw::text(colour)),
        ("body_type", Raw::text(body)),
    ]);
    parse_car_data(&raw, 2026, &mut Vec::new()).unwrap()
}

fn render(c: &CarData, angle: Angle) -> String {
    render_preview(c, angle, &PreviewOptions::default())
}

/// Parses the SVG and returns the document's root name, size and its number of elements.
fn check_svg(svg: &str) -> (String, String, usize) {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    let size = format!(
        "{}x{}",
        root.attribute("width").unwrap(),
        root.attribute("height").unwrap()
    );
    // Every url(#id) reference points at an element of this document.
    for node in doc.descendants().filter(|n| n.is_element()) {
        for attr in node.attributes() {
            if let Some(rest) = attr.value().strip_prefix("url(#") {
                let id = rest.trim_end_matches(')');
                assert!(
                    doc.descendants().any(|n| n.attribute("id") == Some(id)),
                    "dangling {id}"
                );
            }
        }
    }
    (
        root.tag_name().name().to_owned(),
        size,
        doc.descendants().filter(|n| n.is_element()).count(),
    )
}

#[test]
fn every_body_type_and_angle_renders_well_formed_small_svg() {
    let long = "W".repeat(64);
    for body in BodyType::ALL {
        for angle in Angle::ALL {
            let c = car(&long, &long, "blue", body.name());
            let svg = render(&c, angle);
            let (_, size, elements) = check_svg(&svg);
            assert_eq!(size, "1024x768");
            assert!(elements > 12, "{body:?} {angle:?}: {elements} elements");
            assert!(
                svg.len() < 12 * 1024,
                "{body:?} {angle:?}: {} bytes",
                svg.len()
            );
        }
    }
}

#[test]
fn the_requested_paint_is_drawn() {
    for name in ["blue", "red", "white", "black", "yellow"] {
        let hex = find_colour(name).unwrap().hex();
        for angle in Angle::ALL {
            let svg = render(&car("Renault", "Clio", name, "hatchback"), angle);
            assert!(svg.contains(&hex), "{name} {angle:?} lacks {hex}");
        }
    }
}

#[test]
fn an_unknown_colour_is_neutral_grey_and_an_unknown_body_a_sedan() {
    let [r, g, b] = NEUTRAL_GREY;
    let grey = format!("#{r:02x}{g:02x}{b:02x}");
    let svg = render(&car("Renault", "Clio", "sky-ish", "hatchback"), Angle::Side);
    assert!(svg.contains(&grey));
    let shapes = |svg: &str| -> Vec<String> {
        svg.split("<polygon points=\"")
            .skip(1)
            .map(|s| s.split('"').next().unwrap().to_owned())
            .collect()
    };
    let targa = render(&car("Renault", "Clio", "blue", "targa"), Angle::FrontLeft);
    let sedan = render(&car("Renault", "Clio", "blue", "sedan"), Angle::FrontLeft);
    assert_eq!(shapes(&targa), shapes(&sedan));
}

/// Fails when two drawings are equal, naming their labels.
fn assert_all_differ<L: std::fmt::Debug>(drawings: &[String], labels: &[L], context: &str) {
    for i in 0..drawings.len() {
        for j in i + 1..drawings.len() {
            assert_ne!(
                drawings[i], drawings[j],
                "{context}{:?} = {:?}",
                labels[i], labels[j]
            );
        }
    }
}

#[test]
fn views_of_one_car_differ_and_body_types_differ() {
    let c = car("Renault", "Clio", "blue", "hatchback");
    let views: Vec<String> = Angle::ALL.iter().map(|a| render(&c, *a)).collect();
    assert_all_differ(&views, &Angle::ALL, "");
    for angle in [Angle::Front, Angle::Side, Angle::Rear, Angle::FrontLeft] {
        let by_body: Vec<String> = BodyType::ALL
            .iter()
            .map(|b| {
                let svg = render(&car("Renault", "Clio", "blue", b.name()), angle);
                // Compare the drawing only, not ids or titles.
                svg.split("<polygon").skip(1).collect::<Vec<_>>().join("")
            })
            .collect();
        assert_all_differ(&by_body, &BodyType::ALL, &format!("{angle:?}: "));
    }
}

#[test]
fn the_same_model_is_seen_by_every_camera() {
    // One car: its two near wheels show their faces wherever a side is in
    // view, never from straight ahead or behind; its badge shows on the
    // grille or tailgate.
    let c = car("Škoda", "Octavia", "silver", "wagon");
    for angle in Angle::ALL.into_iter().filter(|a| a.is_exterior()) {
        let svg = render(&c, angle);
        let wheel_faces = svg.matches("<circle r=\"100\"").count();
        let want = if matches!(angle, Angle::Front | Angle::Rear) {
            0
        } else {
            2
        };
        assert_eq!(wheel_faces, want, "{angle:?}");
        assert_eq!(svg.contains(">Š</text>"), angle.shows_badge(), "{angle:?}");
    }
}

#[test]
fn input_text_is_escaped() {
    let c = car("<script>\"&'", "</svg><x a=\"", "blue", "coupe");
    for angle in [Angle::Front, Angle::Rear, Angle::Interior, Angle::Side] {
        let svg = render(&c, angle);
        assert!(!svg.contains("<script"), "{svg}");
        assert!(!svg.contains("</svg><x"));
        check_svg(&svg);
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let title = doc
            .descendants()
            .find(|n| n.has_tag_name("title"))
            .unwrap()
            .text()
            .unwrap();
        assert!(title.contains("<script>\"&'"), "{title}");
    }
}

#[test]
fn rendering_is_deterministic() {
    let c = car("Toyota", "Camry", "red", "sedan");
    for angle in Angle::ALL {
        assert_eq!(render(&c, angle), render(&c, angle));
    }
}

#[test]
fn options_size_background_caption_language() {
    let c = car("Kia", "Rio", "white", "sedan");
    let o = PreviewOptions {
        width: 320,
        height: 200,
        ..PreviewOptions::default()
    };
    assert_eq!(
        check_svg(&render_preview(&c, Angle::Front, &o)).1,
        "320x200"
    );

    let transparent = PreviewOptions {
        background: Background::Transparent,
        caption: false,
        ..PreviewOptions::default()
    };
    let svg = render_preview(&c, Angle::Side, &transparent);
    assert!(!svg.contains("<rect width=\"100%\""));
    assert!(!svg.contains("Side view</text>"));

    let svg = render_preview(&c, Angle::Side, &PreviewOptions::default());
    assert!(svg.contains("Kia Rio · Side view</text>"));
    let uk = PreviewOptions {
        language: carviews::core::Language::Uk,
        ..PreviewOptions::default()
    };
    assert!(render_preview(&c, Angle::Side, &uk).contains("Вид збоку</text>"));
}

#[test]
fn options_are_validated() {
    let parse = |entries: Vec<(&str, Raw)>| PreviewOptions::parse(&Raw::object(entries));
    assert_eq!(
        PreviewOptions::parse(&Raw::Missing).unwrap(),
        PreviewOptions::default()
    );
    let o = parse(vec![
        ("width", Raw::Number(640.0)),
        ("background", Raw::text("#F0F0F0")),
        ("caption", Raw::Bool(false)),
    ])
    .unwrap();
    assert_eq!(
        (o.width, o.background, o.caption),
        (640, Background::Colour("#f0f0f0".into()), false)
    );
    assert_eq!(
        parse(vec![("background", Raw::text("rgb(10, 20, 30)"))])
            .unwrap()
            .background,
        Background::Colour("rgb(10, 20, 30)".into())
    );
    assert_eq!(
        parse(vec![("background", Raw::text("transparent"))])
            .unwrap()
            .background,
        Background::Transparent
    );
    for (key, value, field) in [
        ("width", Raw::Number(0.0), "options.width"),
        ("width", Raw::Number(5000.0), "options.width"),
        ("width", Raw::Number(100.5), "options.width"),
        ("height", Raw::Number(f64::NAN), "options.height"),
        ("height", Raw::text("768"), "options.height"),
        (
            "background",
            Raw::text("red\"/><script>alert(1)</script>"),
            "options.background",
        ),
        (
            "background",
            Raw::text("url(javascript:alert(1))"),
            "options.background",
        ),
        (
            "background",
            Raw::text("rgb(1,2,3);x"),
            "options.background",
        ),
        ("background", Raw::Number(1.0), "options.background"),
        ("language", Raw::text("fr"), "options.language"),
        ("caption", Raw::text("yes"), "options.caption"),
    ] {
        let err = parse(vec![(key, value.clone())]).unwrap_err();
        assert_eq!(err.field(), Some(field), "{key} {value:?}");
    }
    assert_eq!(
        PreviewOptions::parse(&Raw::Number(1.0))
            .unwrap_err()
            .field(),
        Some("options")
    );
}
