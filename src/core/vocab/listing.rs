//! What carviews understands, for a frontend's form (`carVocabulary`): every
//! brand with its models, every paint with its sRGB value, every body type
//! and angle, each with the canonical English `id` the identity uses and a
//! name in the requested language.

use serde::Serialize;

use super::brands::brands;
use super::colours::COLOURS;
use super::models::models_of;
use super::BodyType;
use crate::core::angles::Angle;
use crate::core::language::Language;

/// The whole vocabulary in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(
    target_arch = "wasm32",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct Vocabulary {
    /// Brands, in the table's order (most sold first).
    pub brands: Vec<BrandEntry>,
    /// Paints.
    pub colours: Vec<ColourEntry>,
    /// Body types.
    pub body_types: Vec<Named>,
    /// Camera angles.
    pub angles: Vec<AngleEntry>,
}

/// A brand for a form's suggestions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(
    target_arch = "wasm32",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct BrandEntry {
    /// The identity's brand id (`renault`, `skoda`, `mercedes-benz`).
    pub id: &'static str,
    /// Its display spelling (brand names are not translated: `Škoda`).
    pub name: &'static str,
    /// Other spellings it is recognised by (`Рено`, `VW`).
    pub aliases: Vec<&'static str>,
    /// The models the vocabulary knows.
    pub models: Vec<Named>,
}

/// A paint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(
    target_arch = "wasm32",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct ColourEntry {
    /// Canonical English name (`dark blue`).
    pub id: &'static str,
    /// Its name in the requested language (`темно-синій`).
    pub name: &'static str,
    /// The sRGB value the preview paints and the colour check measures against.
    pub hex: String,
}

/// An id and its name in the requested language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(
    target_arch = "wasm32",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct Named {
    /// Canonical value.
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
}

/// An angle and its title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(
    target_arch = "wasm32",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct AngleEntry {
    /// Canonical angle (`front_left`).
    pub id: Angle,
    /// Its title (`Вид спереду три чверті, зліва`).
    pub title: &'static str,
}

/// Paint names: English (the id), Ukrainian, Russian.
const COLOUR_NAMES: [[&str; 3]; 21] = [
    ["white", "білий", "белый"],
    ["black", "чорний", "черный"],
    ["silver", "сріблястий", "серебристый"],
    ["grey", "сірий", "серый"],
    ["graphite", "графітовий", "графитовый"],
    ["red", "червоний", "красный"],
    ["burgundy", "бордовий", "бордовый"],
    ["blue", "синій", "синий"],
    ["dark blue", "темно-синій", "темно-синий"],
    ["light blue", "блакитний", "голубой"],
    ["green", "зелений", "зеленый"],
    ["dark green", "темно-зелений", "темно-зеленый"],
    ["yellow", "жовтий", "желтый"],
    ["orange", "помаранчевий", "оранжевый"],
    ["brown", "коричневий", "коричневый"],
    ["beige", "бежевий", "бежевый"],
    ["gold", "золотистий", "золотистый"],
    ["purple", "фіолетовий", "фиолетовый"],
    ["pink", "рожевий", "розовый"],
    ["bronze", "бронзовий", "бронзовый"],
    ["turquoise", "бірюзовий", "бирюзовый"],
];

/// Body type names: English (the id), Ukrainian, Russian.
const BODY_NAMES: [[&str; 3]; 11] = [
    ["sedan", "седан", "седан"],
    ["hatchback", "хетчбек", "хэтчбек"],
    ["liftback", "ліфтбек", "лифтбек"],
    ["wagon", "універсал", "универсал"],
    ["suv", "позашляховик", "внедорожник"],
    ["crossover", "кросовер", "кроссовер"],
    ["coupe", "купе", "купе"],
    ["convertible", "кабріолет", "кабриолет"],
    ["pickup", "пікап", "пикап"],
    ["minivan", "мінівен", "минивэн"],
    ["van", "фургон", "фургон"],
];

/// The name of `id` in a `[en, uk, ru]` table, in `language`.
fn localised(table: &[[&'static str; 3]], id: &'static str, language: Language) -> &'static str {
    let column = match language {
        Language::En => 0,
        Language::Uk => 1,
        Language::Ru => 2,
    };
    table
        .iter()
        .find(|row| row[0] == id)
        .and_then(|row| row.get(column).copied())
        .unwrap_or(id)
}

/// Everything carviews understands, named in `language`.
pub fn vocabulary(language: Language) -> Vocabulary {
    Vocabulary {
        brands: brands()
            .map(|b| BrandEntry {
                id: b.id,
                name: b.name,
                aliases: b.aliases().collect(),
                models: models_of(b.id)
                    .map(|m| Named {
                        id: m.name,
                        name: m.name,
                    })
                    .collect(),
            })
            .collect(),
        colours: COLOURS
            .iter()
            .map(|c| ColourEntry {
                id: c.name,
                name: localised(&COLOUR_NAMES, c.name, language),
                hex: c.hex(),
            })
            .collect(),
        body_types: BodyType::ALL
            .iter()
            .map(|b| Named {
                id: b.name(),
                name: localised(&BODY_NAMES, b.name(), language),
            })
            .collect(),
        angles: Angle::ALL
            .iter()
            .map(|a| AngleEntry {
                id: *a,
                title: a.title(language),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_paint_and_body_type_has_its_names() {
        assert_eq!(COLOURS.len(), COLOUR_NAMES.len());
        for c in COLOURS {
            assert!(
                COLOUR_NAMES.iter().any(|row| row[0] == c.name),
                "{}",
                c.name
            );
        }
        for b in BodyType::ALL {
            assert!(
                BODY_NAMES.iter().any(|row| row[0] == b.name()),
                "{}",
                b.name()
            );
        }
    }
}
