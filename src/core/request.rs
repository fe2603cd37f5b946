//! The original endpoint's request body, validated and normalised:
//! `{car_data: {brand, model, year, color, body_type}, angles, use_mock_algorithm}`.
//!
//! Every rule of the design document (§2) is checked here, each failure a
//! [`CarViewsError::InvalidRequest`] naming the field; everything that is
//! merely odd (an unknown colour, a duplicate angle) is accepted with a
//! warning.

use crate::core::angles::Angle;
use crate::core::error::{CarViewsError, Rule};
use crate::core::language::Language;
use crate::core::raw::Raw;
use crate::core::text::{collapse_whitespace, ellipsis, has_cyrillic, transliterate};
use crate::core::vocab::brands::find_brand;
use crate::core::vocab::colours::find_colour;
use crate::core::vocab::models::find_model;
use crate::core::vocab::{BodyType, Brand, Colour};

/// Longest brand, model, colour, body type or variation, in characters.
pub const MAX_TEXT_CHARS: usize = 64;
/// The first year a car was made (Benz Patent-Motorwagen, 1886).
pub const MIN_YEAR: i32 = 1886;
/// How far past the current year a model year may be (model years run ahead).
pub const YEARS_AHEAD: i32 = 2;
/// The latest model year of the clock-free functions (`sessionIdFor`,
/// `renderCarPreview`): they read no clock, so a framework can prerender them.
pub const CLOCK_FREE_MAX_YEAR: i32 = 2100;
/// The `current_year` to validate with where no clock is read: it bounds
/// the year at [`CLOCK_FREE_MAX_YEAR`].
pub const CLOCK_FREE_CURRENT_YEAR: i32 = CLOCK_FREE_MAX_YEAR - YEARS_AHEAD;
/// The most entries an `angles` list may hold before anything is parsed.
/// (Only ten canonical angles exist, so at most ten distinct angles survive.)
pub const MAX_ANGLE_ENTRIES: usize = 32;

/// A paint colour as the request gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColourChoice {
    /// A colour the vocabulary knows.
    Known(&'static Colour),
    /// A word it does not know, as written (white space collapsed).
    Unknown(String),
    /// No colour given.
    Unspecified,
}

/// A body type as the request gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyChoice {
    /// A body type the vocabulary knows.
    Known(BodyType),
    /// A word it does not know, as written (white space collapsed).
    Unknown(String),
    /// No body type given.
    Unspecified,
}

/// The car of a request, normalised to canonical English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CarData {
    /// The brand as the prompt writes it (`Renault`, `Škoda`, or the input as typed).
    pub brand: String,
    /// The brand's entry in the vocabulary, if it has one.
    pub known_brand: Option<Brand>,
    /// The model as the prompt writes it (`Clio`, `CX-5`, or the input as typed).
    pub model: String,
    /// The model year.
    pub year: i32,
    /// The paint colour.
    pub colour: ColourChoice,
    /// The body type.
    pub body: BodyChoice,
}

impl CarData {
    /// The brand's part of the identity (lowercase English).
    pub fn brand_key(&self) -> String {
        self.known_brand
            .map_or_else(|| self.brand.to_lowercase(), |b| b.id.to_owned())
    }

    /// The model's part of the identity (lowercase).
    pub fn model_key(&self) -> String {
        self.model.to_lowercase()
    }

    /// The colour's part of the identity and of prompts (`blue`, an unknown
    /// word in lowercase, or empty).
    pub fn colour_name(&self) -> String {
        match &self.colour {
            ColourChoice::Known(c) => c.name.to_owned(),
            ColourChoice::Unknown(word) => word.to_lowercase(),
            ColourChoice::Unspecified => String::new(),
        }
    }

    /// The sRGB value of the requested paint, when the vocabulary knows it.
    pub fn known_colour_rgb(&self) -> Option<[u8; 3]> {
        match &self.colour {
            ColourChoice::Known(c) => Some(c.rgb),
            _ => None,
        }
    }

    /// The body type's part of the identity (`hatchback`, an unknown word in
    /// lowercase, or empty).
    pub fn body_name(&self) -> String {
        match &self.body {
            BodyChoice::Known(b) => b.name().to_owned(),
            BodyChoice::Unknown(word) => word.to_lowercase(),
            BodyChoice::Unspecified => String::new(),
        }
    }

    /// The body type the preview draws: the known one, else a sedan.
    pub fn body_or_sedan(&self) -> BodyType {
        match self.body {
            BodyChoice::Known(b) => b,
            _ => BodyType::Sedan,
        }
    }
}

/// A validated request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CarRequest {
    /// The car.
    pub car: CarData,
    /// The distinct angles in request order; the first is the main one.
    pub angles: Vec<Angle>,
    /// What was accepted but is worth telling (unknown words, merged duplicates).
    pub warnings: Vec<String>,
}

/// Validates and normalises a whole request body. `current_year` bounds the
/// model year (the shell passes the clock's year; the core reads no clock).
pub fn parse_request(raw: &Raw, current_year: i32) -> Result<CarRequest, CarViewsError> {
    match raw {
        Raw::Object(_) => {}
        Raw::Unreadable(msg) => return Err(unreadable("request", msg)),
        other => {
            return Err(CarViewsError::invalid(
                "request",
                Rule::NotObject,
                format!(
                    "the request must be an object like {{car_data: {{brand, model, year, color, body_type}}, angles}}, not {}",
                    other.kind()
                ),
            ))
        }
    }
    let mut warnings = Vec::new();
    let car = parse_car_data(raw.get("car_data"), current_year, &mut warnings)?;
    let angles = parse_angles(raw.get("angles"), &mut warnings)?;
    Ok(CarRequest {
        car,
        angles,
        warnings,
    })
}

/// Validates and normalises `car_data` (also the argument of `sessionIdFor`
/// and `renderCarPreview`, whose errors name the same fields).
pub fn parse_car_data(
    raw: &Raw,
    current_year: i32,
    warnings: &mut Vec<String>,
) -> Result<CarData, CarViewsError> {
    let field = "car_data";
    match raw {
        Raw::Object(_) => {}
        Raw::Missing | Raw::Null => {
            return Err(CarViewsError::invalid(
                field,
                Rule::Missing,
                "car_data is required: {brand, model, year, color, body_type}",
            ))
        }
        Raw::Unreadable(msg) => return Err(unreadable(field, msg)),
        other => {
            return Err(CarViewsError::invalid(
                field,
                Rule::NotObject,
                format!(
                    "must be an object {{brand, model, year, color, body_type}}, not {}",
                    other.kind()
                ),
            ))
        }
    }
    let brand_path = "car_data.brand";
    let brand_text = required_text(raw.get("brand"), brand_path)?;
    let known_brand = find_brand(&brand_text);
    let brand = match known_brand {
        Some(b) => b.name.to_owned(),
        None => {
            let brand = latin(&brand_text, brand_path, warnings);
            warnings.push(format!(
                "{brand_path}: \"{brand}\" is not a brand carviews knows; prompts describe no emblem for it"
            ));
            brand
        }
    };

    let model_path = "car_data.model";
    let model_text = required_text(raw.get("model"), model_path)?;
    let model = match known_brand.and_then(|b| find_model(b.id, &model_text)) {
        Some(m) => m.name.to_owned(),
        None => latin(&model_text, model_path, warnings),
    };

    let year = parse_year(raw.get("year"), "car_data.year", current_year)?;

    let colour_path = "car_data.color";
    let colour = match optional_text(raw.get("color"), colour_path)? {
        None => {
            warnings.push(format!(
                "{colour_path}: no colour given; prompts name none and the preview is neutral grey"
            ));
            ColourChoice::Unspecified
        }
        Some(word) => match find_colour(&word) {
            Some(c) => ColourChoice::Known(c),
            None => {
                warnings.push(format!(
                    "{colour_path}: \"{word}\" is not a colour carviews knows; it goes into prompts as written and the preview is neutral grey"
                ));
                ColourChoice::Unknown(word)
            }
        },
    };

    let body_path = "car_data.body_type";
    let body = match optional_text(raw.get("body_type"), body_path)? {
        None => {
            warnings.push(format!(
                "{body_path}: no body type given; the preview draws a sedan"
            ));
            BodyChoice::Unspecified
        }
        Some(word) => match BodyType::find(&word) {
            Some(b) => BodyChoice::Known(b),
            None => {
                warnings.push(format!(
                    "{body_path}: \"{word}\" is not a body type carviews knows; it goes into prompts as written and the preview draws a sedan"
                ));
                BodyChoice::Unknown(word)
            }
        },
    };

    Ok(CarData {
        brand,
        known_brand,
        model,
        year,
        colour,
        body,
    })
}

/// Parses the `angles` list: the default when absent, canonical angles in
/// request order with duplicates merged (and a warning for each).
pub fn parse_angles(raw: &Raw, warnings: &mut Vec<String>) -> Result<Vec<Angle>, CarViewsError> {
    let items = match raw {
        Raw::Missing | Raw::Null => return Ok(Angle::DEFAULT.to_vec()),
        Raw::List(items) => items,
        Raw::Unreadable(msg) => return Err(unreadable("angles", msg)),
        other => {
            return Err(CarViewsError::invalid(
                "angles",
                Rule::NotList,
                format!(
                "must be an array of angle names such as [\"front\", \"side\", \"rear\"], not {}",
                other.kind()
            ),
            ))
        }
    };
    if items.is_empty() {
        return Err(CarViewsError::invalid(
            "angles",
            Rule::Empty,
            "ask for at least one angle, or leave angles out for front, side and rear",
        ));
    }
    if items.len() > MAX_ANGLE_ENTRIES {
        return Err(CarViewsError::invalid(
            "angles",
            Rule::TooManyAngles,
            format!(
                "more than {} entries; only {} distinct angles exist",
                MAX_ANGLE_ENTRIES,
                Angle::ALL.len()
            ),
        ));
    }
    let mut angles: Vec<Angle> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let field = format!("angles[{i}]");
        let angle = parse_angle_arg(item, &field)?;
        if angles.contains(&angle) {
            warnings.push(format!(
                "{field}: repeats the angle \"{}\"; it is generated once",
                angle.name()
            ));
        } else {
            angles.push(angle);
        }
    }
    Ok(angles)
}

/// Reads a required string: present, a string, not blank, at most
/// [`MAX_TEXT_CHARS`] characters, no control characters. Returns it with
/// white space collapsed.
pub fn required_text(raw: &Raw, field: &str) -> Result<String, CarViewsError> {
    optional_text(raw, field)?.ok_or_else(|| match raw {
        Raw::Missing | Raw::Null => CarViewsError::invalid(field, Rule::Missing, "is required"),
        _ => CarViewsError::invalid(field, Rule::Empty, "must not be empty"),
    })
}

/// Reads an optional string with the rules of [`required_text`]; absent,
/// `null` and blank strings are `None`.
pub fn optional_text(raw: &Raw, field: &str) -> Result<Option<String>, CarViewsError> {
    let text = match raw {
        Raw::Missing | Raw::Null => return Ok(None),
        Raw::Text(t) => t,
        Raw::LongText(units) => return Err(too_long(field, *units)),
        Raw::Unreadable(msg) => return Err(unreadable(field, msg)),
        other => {
            return Err(CarViewsError::invalid(
                field,
                Rule::NotString,
                format!("must be a string, not {}", other.kind()),
            ))
        }
    };
    let chars = text.chars().count();
    if chars > MAX_TEXT_CHARS {
        return Err(too_long(field, chars));
    }
    if text.chars().any(char::is_control) {
        return Err(CarViewsError::invalid(
            field,
            Rule::ControlCharacter,
            "must not hold control characters such as newlines or tabs",
        ));
    }
    let collapsed = collapse_whitespace(text);
    Ok((!collapsed.is_empty()).then_some(collapsed))
}

fn parse_year(raw: &Raw, field: &str, current_year: i32) -> Result<i32, CarViewsError> {
    let max = current_year.saturating_add(YEARS_AHEAD);
    let not_integer = |what: &str| {
        CarViewsError::invalid(
            field,
            Rule::NotInteger,
            format!("must be a whole year such as 2019, not {what}"),
        )
    };
    let value: f64 = match raw {
        Raw::Missing | Raw::Null => {
            return Err(CarViewsError::invalid(
                field,
                Rule::Missing,
                "is required (a year such as 2019)",
            ))
        }
        Raw::Number(n) => *n,
        // Form fields give strings: accept plain digits, nothing looser.
        Raw::Text(t) => {
            let t = t.trim();
            if t.is_empty() || t.len() > 4 || !t.bytes().all(|b| b.is_ascii_digit()) {
                return Err(not_integer(&quote_short(t)));
            }
            f64::from(
                t.bytes()
                    .fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0')),
            )
        }
        Raw::Unreadable(msg) => return Err(unreadable(field, msg)),
        other => return Err(not_integer(other.kind())),
    };
    if !value.is_finite() || value.fract() != 0.0 {
        return Err(not_integer(&describe_number(value)));
    }
    if value < f64::from(MIN_YEAR) || value > f64::from(max) {
        return Err(CarViewsError::invalid(
            field,
            Rule::OutOfRange,
            format!("{} is outside {}…{}", describe_number(value), MIN_YEAR, max),
        ));
    }
    // In range, so the conversion is exact.
    Ok(value as i32)
}

/// Reads `options.variation`: a string (the rules of [`optional_text`]) or a
/// safe integer, as the text that is appended to the identity.
pub fn parse_variation(raw: &Raw, field: &str) -> Result<Option<String>, CarViewsError> {
    match raw {
        Raw::Number(n) => {
            if n.is_finite() && n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_991.0 {
                // A safe integer: the conversion is exact.
                Ok(Some(n.to_string()))
            } else {
                Err(CarViewsError::invalid(
                    field,
                    Rule::NotInteger,
                    "a number variation must be a safe integer; use a string for anything else",
                ))
            }
        }
        other => optional_text(other, field),
    }
}

/// The error for a value that must be a string and is not.
pub(crate) fn not_string(field: &str, raw: &Raw) -> CarViewsError {
    CarViewsError::invalid(
        field,
        Rule::NotString,
        format!("must be a string, not {}", raw.kind()),
    )
}

/// Reads an optional language tag (`"en"`, `"uk"`, `"ru"`).
pub fn parse_language(raw: &Raw, field: &str) -> Result<Option<Language>, CarViewsError> {
    match raw {
        Raw::Missing | Raw::Null => Ok(None),
        Raw::Text(tag) => Language::parse(tag).map(Some).ok_or_else(|| {
            CarViewsError::invalid(field, Rule::OutOfRange, "must be \"en\", \"uk\" or \"ru\"")
        }),
        other => Err(not_string(field, other)),
    }
}

/// Longest session id `seedFor` accepts, in characters.
pub const MAX_SESSION_ID_CHARS: usize = 256;

/// Reads a single angle argument (`seedFor`, `angleTitle`, `renderCarPreview`).
pub fn parse_angle_arg(raw: &Raw, field: &str) -> Result<Angle, CarViewsError> {
    let text = match raw {
        Raw::Text(t) => t,
        Raw::Unreadable(msg) => return Err(unreadable(field, msg)),
        Raw::Missing | Raw::Null => {
            return Err(CarViewsError::invalid(
                field,
                Rule::Missing,
                "an angle is required",
            ))
        }
        Raw::LongText(_) => {
            return Err(CarViewsError::invalid(
                field,
                Rule::UnknownAngle,
                "is far too long to be an angle name",
            ))
        }
        other => {
            return Err(CarViewsError::invalid(
                field,
                Rule::NotString,
                format!("must be an angle name (a string), not {}", other.kind()),
            ))
        }
    };
    Angle::parse(text).ok_or_else(|| {
        CarViewsError::invalid(
            field,
            Rule::UnknownAngle,
            format!(
                "{} is not an angle; use one of {ANGLE_NAMES}",
                quote_short(text),
            ),
        )
    })
}

/// Reads a session id argument: any string up to [`MAX_SESSION_ID_CHARS`]
/// characters (ids of other series are hashed as given).
pub fn parse_session_id_arg(raw: &Raw, field: &str) -> Result<String, CarViewsError> {
    match raw {
        Raw::Text(t) if t.chars().count() <= MAX_SESSION_ID_CHARS => Ok(t.clone()),
        Raw::Text(t) => Err(CarViewsError::invalid(
            field,
            Rule::TooLong,
            format!(
                "is {} characters long; at most {} are allowed",
                t.chars().count(),
                MAX_SESSION_ID_CHARS
            ),
        )),
        Raw::LongText(units) => Err(CarViewsError::invalid(
            field,
            Rule::TooLong,
            format!(
                "is {} characters long; at most {} are allowed",
                units, MAX_SESSION_ID_CHARS
            ),
        )),
        Raw::Unreadable(msg) => Err(unreadable(field, msg)),
        Raw::Missing | Raw::Null => Err(CarViewsError::invalid(
            field,
            Rule::Missing,
            "a session id such as \"CAR-7671f0b6\" is required",
        )),
        other => Err(CarViewsError::invalid(
            field,
            Rule::NotString,
            format!("must be a string, not {}", other.kind()),
        )),
    }
}

/// Brand or model text not in the vocabulary: kept as typed, transliterated
/// to Latin when written in Cyrillic (prompts are English).
/// The canonical angle names, for the message about an unknown one.
const ANGLE_NAMES: &str =
    "front, front_left, front_right, side, side_right, rear, rear_left, rear_right, top, interior";

fn latin(text: &str, field: &str, warnings: &mut Vec<String>) -> String {
    if has_cyrillic(text) {
        let latin = transliterate(text);
        warnings.push(format!(
            "{field}: \"{text}\" is not in the vocabulary; transliterated to \"{latin}\" for the prompt and the identity"
        ));
        latin
    } else {
        text.to_owned()
    }
}

/// A number for a message, as JavaScript would write it where it differs
/// from Rust (`NaN`, `Infinity`).
fn describe_number(n: f64) -> String {
    if n.is_nan() {
        "NaN".to_owned()
    } else if n.is_infinite() {
        if n > 0.0 { "Infinity" } else { "-Infinity" }.to_owned()
    } else {
        n.to_string()
    }
}

fn too_long(field: &str, length: usize) -> CarViewsError {
    CarViewsError::invalid(
        field,
        Rule::TooLong,
        format!("is {length} characters long; at most {MAX_TEXT_CHARS} are allowed"),
    )
}

fn unreadable(field: &str, msg: &str) -> CarViewsError {
    CarViewsError::invalid(
        field,
        Rule::Unreadable,
        format!("could not be read: {}", short(msg)),
    )
}

/// The text quoted for a message, cut to a readable length.
fn quote_short(text: &str) -> String {
    format!("\"{}\"", short(text))
}

fn short(text: &str) -> String {
    ellipsis(text, 40)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn angle_names_list_every_canonical_angle_in_order() {
        assert_eq!(ANGLE_NAMES, Angle::ALL.map(Angle::name).join(", "));
    }
}
