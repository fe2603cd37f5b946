//! The built-in offline renderer: an SVG illustration of the requested car
//! from any canonical angle. One parametric model per body type seen by a
//! different camera per angle, so every view shows the same car; instant,
//! deterministic (the same input gives the same bytes) and free of network
//! and keys. It is the instant placeholder, the last link of the fallback
//! chain, and the demo's default.

mod exterior;
mod geometry;
mod interior;
mod model;
mod svg;

use crate::core::angles::Angle;
use crate::core::error::{CarViewsError, Rule};
use crate::core::identity::session_id;
use crate::core::language::Language;
use crate::core::prompt::car_phrase;
use crate::core::raw::Raw;
use crate::core::request::{not_string, parse_language, CarData, ColourChoice};
use svg::{push_escaped, push_num, Rgb};

/// The paint of a car whose colour the vocabulary does not know.
pub const NEUTRAL_GREY: [u8; 3] = [0x9a, 0x9e, 0xa3];
/// Smallest and largest width or height, in pixels.
pub const SIZE_RANGE: (u32, u32) = (16, 4096);

/// What is behind the car.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Background {
    /// A soft light-grey studio gradient (the default).
    #[default]
    Studio,
    /// Nothing: the car and its shadow on a transparent canvas.
    Transparent,
    /// A flat CSS colour (`#rgb`, `#rrggbb`, a name, `rgb(…)`, `hsl(…)`).
    Colour(String),
}

/// Options of `renderCarPreview`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviewOptions {
    /// Width in pixels (default 1024, like the image models' default).
    pub width: u32,
    /// Height in pixels (default 768).
    pub height: u32,
    /// What is behind the car.
    pub background: Background,
    /// The language of the caption and the SVG's title.
    pub language: Language,
    /// Whether to write a caption (car and view) under the car (default true).
    pub caption: bool,
}

impl Default for PreviewOptions {
    fn default() -> Self {
        PreviewOptions {
            width: 1024,
            height: 768,
            background: Background::Studio,
            language: Language::En,
            caption: true,
        }
    }
}

impl PreviewOptions {
    /// Reads the options object (absent means all defaults).
    pub fn parse(raw: &Raw) -> Result<PreviewOptions, CarViewsError> {
        let mut o = PreviewOptions::default();
        match raw {
            Raw::Missing | Raw::Null => return Ok(o),
            Raw::Object(_) => {}
            other => {
                return Err(CarViewsError::invalid(
                    "options",
                    Rule::NotObject,
                    format!("must be an object, not {}", other.kind()),
                ))
            }
        }
        if let Some(w) = size(raw.get("width"), "options.width")? {
            o.width = w;
        }
        if let Some(h) = size(raw.get("height"), "options.height")? {
            o.height = h;
        }
        match raw.get("background") {
            Raw::Missing | Raw::Null => {}
            Raw::Text(t) => o.background = background(t)?,
            other => return Err(not_string("options.background", other)),
        }
        if let Some(language) = parse_language(raw.get("language"), "options.language")? {
            o.language = language;
        }
        match raw.get("caption") {
            Raw::Missing | Raw::Null => {}
            Raw::Bool(b) => o.caption = *b,
            other => {
                return Err(CarViewsError::invalid(
                    "options.caption",
                    Rule::OutOfRange,
                    format!("must be true or false, not {}", other.kind()),
                ))
            }
        }
        Ok(o)
    }
}

fn size(raw: &Raw, field: &str) -> Result<Option<u32>, CarViewsError> {
    let (lo, hi) = SIZE_RANGE;
    crate::core::generate::options::whole_number(raw, field, lo, hi, " pixels")
}

/// Accepts `studio`, `transparent` or a CSS colour of a safe form; anything
/// else is rejected so that no input can inject markup into the SVG.
fn background(t: &str) -> Result<Background, CarViewsError> {
    let t = t.trim();
    let lower = t.to_ascii_lowercase();
    match lower.as_str() {
        "studio" => return Ok(Background::Studio),
        "transparent" | "none" => return Ok(Background::Transparent),
        _ => {}
    }
    let hex = lower.strip_prefix('#').is_some_and(|h| {
        matches!(h.len(), 3 | 4 | 6 | 8) && h.bytes().all(|b| b.is_ascii_hexdigit())
    });
    let name = (3..=24).contains(&lower.len()) && lower.bytes().all(|b| b.is_ascii_lowercase());
    let function = ["rgb(", "rgba(", "hsl(", "hsla("]
        .iter()
        .any(|f| lower.starts_with(f))
        && lower.ends_with(')')
        && lower.len() <= 64
        && lower
            .bytes()
            .skip_while(|b| *b != b'(')
            .skip(1)
            .take_while(|b| *b != b')')
            .all(|b| b.is_ascii_digit() || b" ,.%/-degturn".contains(&b));
    if hex || name || function {
        Ok(Background::Colour(lower))
    } else {
        Err(CarViewsError::invalid(
            "options.background",
            Rule::OutOfRange,
            "must be \"studio\", \"transparent\" or a CSS colour such as \"#f0f0f0\" or \"rgb(240, 240, 240)\"",
        ))
    }
}

/// The text of the badge: short brand names in full (`BMW`, `MG`), others
/// by their initial.
fn badge_text(brand: &str) -> String {
    let mut out = String::new();
    if brand.chars().count() <= 3 {
        push_escaped(&mut out, &brand.to_ascii_uppercase());
    } else if let Some(c) = brand
        .chars()
        .find(|c| !c.is_whitespace() && !c.is_ascii_punctuation())
    {
        // Brand names come capitalised (the vocabulary's spelling, or as
        // typed); the badge raises ASCII letters only, as it always has.
        push_escaped(&mut out, &c.to_ascii_uppercase().to_string());
    }
    out
}

/// Renders the car from one angle as an SVG document.
pub fn render_preview(car: &CarData, angle: Angle, options: &PreviewOptions) -> String {
    let (w, h) = (f64::from(options.width), f64::from(options.height));
    let paint = Rgb(match &car.colour {
        ColourChoice::Known(c) => c.rgb,
        _ => NEUTRAL_GREY,
    });
    let sid = session_id(car, None);
    let id = format!("cv{}{}", sid.get(4..).unwrap_or(""), angle as i64);
    let badge = badge_text(&car.brand);
    let title = angle.title(options.language);

    let mut body = String::with_capacity(6000);
    let mut defs = String::with_capacity(1500);
    if angle == Angle::Interior {
        defs.push_str(&interior::draw(&mut body, w, h, paint, &badge, &id));
    } else {
        let caption_room = if options.caption { 0.08 } else { 0.0 };
        let frame = exterior::Frame {
            centre: (w / 2.0, h * (0.5 - caption_room / 2.0)),
            room: (w * 0.86, h * (0.78 - caption_room)),
        };
        let model = model::build(car.body_or_sedan());
        let palette = exterior::Palette {
            paint,
            id: id.clone(),
        };
        defs.push_str(&exterior::draw(
            &mut body, &model, angle, frame, &palette, &badge,
        ));
        defs.push_str(&format!(
            concat!(
                "<radialGradient id=\"{id}s\"><stop stop-opacity=\".4\"/><stop offset=\"1\" stop-opacity=\"0\"/></radialGradient>",
                "<linearGradient id=\"{id}g\" x2=\"0\" y2=\"1\"><stop stop-color=\"#93a6ba\"/><stop offset=\".4\" stop-color=\"#3a4757\"/><stop offset=\"1\" stop-color=\"#1a212a\"/></linearGradient>",
                "<linearGradient id=\"{id}l\" x2=\"0\" y2=\"1\"><stop stop-color=\"#ffffff\"/><stop offset=\"1\" stop-color=\"#c9d3de\"/></linearGradient>",
            ),
            id = id
        ));
    }

    let mut out = String::with_capacity(body.len() + defs.len() + 800);
    out.push_str("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"");
    push_num(&mut out, w, 0);
    out.push_str("\" height=\"");
    push_num(&mut out, h, 0);
    out.push_str("\" viewBox=\"0 0 ");
    push_num(&mut out, w, 0);
    out.push(' ');
    push_num(&mut out, h, 0);
    out.push_str("\" role=\"img\"><title>");
    push_escaped(&mut out, &car_phrase(car));
    out.push_str(" — ");
    push_escaped(&mut out, title);
    out.push_str("</title><defs>");
    if options.background == Background::Studio {
        out.push_str(&format!(
            "<linearGradient id=\"{id}b\" x2=\"0\" y2=\"1\"><stop stop-color=\"#f7f8fa\"/><stop offset=\".62\" stop-color=\"#eceef1\"/><stop offset=\"1\" stop-color=\"#d9dde2\"/></linearGradient>"
        ));
    }
    out.push_str(&defs);
    out.push_str("</defs>");
    match &options.background {
        Background::Studio => out.push_str(&format!(
            "<rect width=\"100%\" height=\"100%\" fill=\"url(#{id}b)\"/>"
        )),
        Background::Colour(c) => {
            out.push_str("<rect width=\"100%\" height=\"100%\" fill=\"");
            push_escaped(&mut out, c);
            out.push_str("\"/>");
        }
        Background::Transparent => {}
    }
    out.push_str(&body);
    if options.caption {
        out.push_str("<text x=\"50%\" y=\"");
        push_num(&mut out, h * 0.94, 1);
        out.push_str("\" font-size=\"");
        push_num(&mut out, (h * 0.035).max(8.0), 1);
        out.push_str("\" font-family=\"system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif\" text-anchor=\"middle\" fill=\"#5b6570\">");
        push_escaped(
            &mut out,
            &format!("{} {} {} · {}", car.year, car.brand, car.model, title),
        );
        out.push_str("</text>");
    }
    out.push_str("</svg>");
    out
}
