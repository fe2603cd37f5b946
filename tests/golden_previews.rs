//! The built-in renderer's output, pinned: 2,970 previews (11 body types ×
//! 3 paints × 3 cars × 10 angles × 3 option sets) hashed together must give
//! the digest recorded here. Any change to a drawing, a number's formatting
//! or the SVG's text shows up as a different digest; update it only for an
//! intended change of the drawings, and say so in the commit.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use carviews::core::preview::{render_preview, Background, PreviewOptions};
use carviews::core::request::parse_car_data;
use carviews::core::vocab::BodyType;
use carviews::core::{Angle, Language, Raw};
use md5::{Digest, Md5};

const DIGEST: &str = "7e71299618980f8f34c9cec34b756317";

#[test]
fn every_preview_is_byte_identical_to_the_recorded_set() {
    let options = [
        PreviewOptions::default(),
        PreviewOptions {
            width: 640,
            height: 640,
            background: Background::Transparent,
            language: Language::Uk,
            caption: true,
        },
        PreviewOptions {
            width: 333,
            height: 211,
            background: Background::Colour("#f0f0f0".to_owned()),
            language: Language::Ru,
            caption: false,
        },
    ];
    let cars = [
        ("Renault", "Clio", 2019.0),
        ("BMW", "X5", 2024.0),
        ("Zastava", "750", 1975.0),
    ];
    let mut all = Md5::new();
    let mut count = 0;
    for body in BodyType::ALL {
        for paint in ["blue", "white", "синій"] {
            for (brand, model, year) in cars {
                let raw = Raw::object([
                    ("brand", Raw::text(brand)),
                    ("model", Raw::text(model)),
                    ("year", Raw::Number(year)),
                    ("color", Raw::text(paint)),
                    ("body_type", Raw::text(body.name())),
                ]);
                let car = parse_car_data(&raw, 2026, &mut Vec::new()).unwrap();
                for angle in Angle::ALL {
                    for o in &options {
                        all.update(render_preview(&car, angle, o).as_bytes());
                        all.update([0]);
                        count += 1;
                    }
                }
            }
        }
    }
    assert_eq!(count, 2970);
    let digest: String = all.finalize().iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(digest, DIGEST);
}
