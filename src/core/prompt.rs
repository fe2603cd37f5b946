//! Prompts: one English prompt and negative prompt per angle, built only
//! from the normalised car and the angle, so the same car always gives the
//! same text (and the services' caches the same image).
//!
//! There is deliberately no session id or "consistency" wording in a
//! prompt: a diffusion model cannot act on either. Consistency comes from
//! seeds and reference images, and the session id lives in the response.

use crate::core::angles::Angle;
use crate::core::logos::{logo_for, Placement};
use crate::core::request::{BodyChoice, CarData, ColourChoice};

/// The prompt pair for one view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// What to draw.
    pub text: String,
    /// What not to draw (for models that take a negative prompt).
    pub negative: String,
}

const EXTERIOR_STYLE: &str =
    "Whole car in frame and centred, factory-correct design and proportions, clean glossy paint, \
soft even studio lighting, seamless light grey studio background, soft shadow under the car, \
sharp focus, high detail, photorealistic automotive photography.";

const INTERIOR_STYLE: &str =
    "Factory-correct design and materials, soft natural daylight through the windows, \
sharp focus, high detail, photorealistic automotive photography.";

const EXTERIOR_NEGATIVE: &str = "cartoon, illustration, drawing, painting, 3d render, toy, text, caption, watermark, \
signature, licence plate text, people, hands, animals, extra wheels, missing wheels, deformed body, warped proportions, \
mismatched panels, wrong logo, blurry, low resolution, cropped car, multiple cars, motion blur, dirt, damage";

const INTERIOR_NEGATIVE: &str = "cartoon, illustration, drawing, painting, 3d render, text, caption, watermark, \
people, hands, exterior view, deformed steering wheel, warped dashboard, blurry, low resolution, clutter, damage";

/// The words naming the car: `blue 2019 Renault Clio hatchback`.
pub fn car_phrase(car: &CarData) -> String {
    let mut words: Vec<String> = Vec::with_capacity(5);
    match &car.colour {
        ColourChoice::Known(c) => words.push(c.name.to_owned()),
        ColourChoice::Unknown(w) => words.push(w.clone()),
        ColourChoice::Unspecified => {}
    }
    words.push(car.year.to_string());
    words.push(car.brand.clone());
    words.push(car.model.clone());
    match &car.body {
        BodyChoice::Known(b) => words.push(b.noun().to_owned()),
        BodyChoice::Unknown(w) => words.push(w.clone()),
        BodyChoice::Unspecified => {}
    }
    words.join(" ")
}

/// `a` or `an` for the phrase that follows.
fn article(phrase: &str) -> &'static str {
    let lower = phrase.to_lowercase();
    let vowel_sound = lower.bytes().next().is_some_and(|b| b"aeiou".contains(&b))
        || lower.starts_with("18")
        || lower.starts_with("8")
        || lower.starts_with("11");
    if vowel_sound {
        "an"
    } else {
        "a"
    }
}

/// An emblem to describe in prompts: shape and colours, and where it sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Emblem<'a> {
    /// Shape and colours, as a noun phrase.
    pub text: &'a str,
    /// Where it sits.
    pub placement: Placement,
}

/// The emblem of the built-in table for a car's brand, if it has one.
pub fn table_emblem(car: &CarData) -> Option<Emblem<'static>> {
    car.known_brand
        .and_then(|b| logo_for(b.id))
        .map(|l| Emblem {
            text: l.emblem,
            placement: l.placement,
        })
}

/// Builds the prompt pair for one view of a car, describing `emblem` (from
/// the table, or from a web search for a brand the table lacks).
pub fn build_prompt_with(car: &CarData, angle: Angle, emblem: Option<Emblem<'_>>) -> Prompt {
    let phrase = car_phrase(car);
    let logo = emblem;
    if angle.is_exterior() {
        let mut text = format!(
            "Professional studio photograph of {} {phrase}, {}.",
            article(&phrase),
            angle.view_phrase()
        );
        if let (Some(logo), true) = (logo, angle.shows_badge()) {
            let place = match angle {
                Angle::Rear | Angle::RearLeft | Angle::RearRight => logo.placement.rear(),
                _ => logo.placement.front(),
            };
            text.push_str(&format!(
                " The {} emblem, {}, sits {place}.",
                car.brand, logo.text
            ));
        }
        text.push(' ');
        text.push_str(EXTERIOR_STYLE);
        Prompt {
            text,
            negative: EXTERIOR_NEGATIVE.to_owned(),
        }
    } else {
        let mut text = format!(
            "Professional photograph of the interior of {} {phrase}, {}",
            article(&phrase),
            angle.view_phrase()
        );
        if logo.is_some() {
            text.push_str(&format!(
                ", the {} emblem on the steering wheel hub",
                car.brand
            ));
        }
        text.push_str(". ");
        text.push_str(INTERIOR_STYLE);
        Prompt {
            text,
            negative: INTERIOR_NEGATIVE.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles() {
        assert_eq!(article("orange 2019 Fiat 500"), "an");
        assert_eq!(article("blue 2019 Renault Clio"), "a");
        assert_eq!(article("1886 Benz"), "an");
        assert_eq!(article("2019 Renault"), "a");
    }
}
