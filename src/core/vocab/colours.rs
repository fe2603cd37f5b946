//! Paint colours: canonical English names, the sRGB value used to draw the
//! preview and to check generated pixels, and aliases in three languages.

use super::{matches_any, words};
use crate::core::text::lookup_key;

/// A canonical paint colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colour {
    /// Canonical lowercase English name, used in prompts and the identity.
    pub name: &'static str,
    /// A typical automotive paint of this name in sRGB, for rendering and
    /// colour checks.
    pub rgb: [u8; 3],
    /// Other English spellings and shades that mean this colour.
    aliases: &'static str,
    /// Ukrainian and Russian adjective stems (the word without its ending),
    /// so every gender, number and case form matches: `син` covers синій,
    /// синя, синє, сині, синий, синяя, синее.
    stems: &'static str,
}

impl Colour {
    /// The colour as `#rrggbb`.
    pub fn hex(&self) -> String {
        crate::core::colour::hex(self.rgb)
    }
}

const fn colour(
    name: &'static str,
    rgb: [u8; 3],
    aliases: &'static str,
    stems: &'static str,
) -> Colour {
    Colour {
        name,
        rgb,
        aliases,
        stems,
    }
}

/// Every canonical colour.
pub static COLOURS: &[Colour] = &[
    colour(
        "white",
        [0xf2, 0xf2, 0xf0],
        "pearl white|snow white|ivory",
        "біл|бел|перлиннобіл|перламутровобел",
    ),
    colour("black", [0x11, 0x12, 0x14], "jet black|onyx", "чорн|черн"),
    colour(
        "silver",
        [0xb8, 0xbc, 0xc0],
        "silver metallic|silvery",
        "срібляст|срібн|серебрист|серебрян",
    ),
    colour(
        "grey",
        [0x7d, 0x80, 0x84],
        "gray|light grey|light gray",
        "сір|сер|світлосір|светлосер",
    ),
    colour(
        "graphite",
        [0x44, 0x47, 0x4b],
        "dark grey|dark gray|anthracite|gunmetal|charcoal",
        "графітов|графитов|темносір|темносер|антрацитов",
    ),
    colour(
        "red",
        [0xb3, 0x12, 0x1b],
        "bright red|scarlet|crimson",
        "червон|красн",
    ),
    colour(
        "burgundy",
        [0x6a, 0x1b, 0x26],
        "maroon|wine|dark red|cherry|bordeaux",
        "бордов|вишнев|темночервон|темнокрасн",
    ),
    colour("blue", [0x1f, 0x4e, 0x9c], "royal blue|cobalt", "син"),
    colour(
        "dark blue",
        [0x1b, 0x2a, 0x4a],
        "navy|navy blue|midnight blue",
        "темносин",
    ),
    colour(
        "light blue",
        [0x7f, 0xb2, 0xe0],
        "sky blue|baby blue",
        "блакитн|голуб|світлосин|светлосин",
    ),
    colour("green", [0x2e, 0x7d, 0x32], "emerald|lime green", "зелен"),
    colour(
        "dark green",
        [0x1e, 0x3b, 0x2a],
        "forest green|british racing green|olive",
        "темнозелен|оливков",
    ),
    colour("yellow", [0xf2, 0xc3, 0x18], "lemon", "жовт|желт"),
    colour("orange", [0xe8, 0x68, 0x1c], "amber", "помаранчев|оранжев"),
    colour(
        "brown",
        [0x5c, 0x3a, 0x21],
        "chocolate|mocha",
        "коричнев|шоколадн",
    ),
    colour(
        "beige",
        [0xd6, 0xc3, 0xa0],
        "sand|cream|champagne",
        "бежев|пісочн|песочн|кремов",
    ),
    colour("gold", [0xc9, 0xa4, 0x41], "golden", "золот|золотист"),
    colour(
        "purple",
        [0x5b, 0x2c, 0x83],
        "violet|plum",
        "фіолетов|фиолетов|пурпуров|бузков|сиренев",
    ),
    colour("pink", [0xe0, 0x7b, 0xa0], "rose", "рожев|розов"),
    colour("bronze", [0x8c, 0x62, 0x39], "copper", "бронзов|мідн|медн"),
    colour(
        "turquoise",
        [0x1a, 0xa3, 0xa3],
        "teal|cyan|aqua",
        "бірюзов|бирюзов",
    ),
];

/// Adjective endings stripped from a Ukrainian or Russian colour word before
/// its stem is compared (every gender, number and the common cases).
const ADJECTIVE_ENDINGS: &str =
    "ього|ьому|ьої|ьою|ого|ому|ої|ою|ий|ій|ый|ой|ая|яя|ое|ее|ые|ие|ую|юю|а|я|е|є|і|и";

/// Finds the canonical colour an input names, in any of the three languages
/// and any grammatical form; `None` for a word the vocabulary does not know.
pub fn find_colour(input: &str) -> Option<&'static Colour> {
    let key = lookup_key(input);
    if key.is_empty() {
        return None;
    }
    if let Some(c) = COLOURS
        .iter()
        .find(|c| matches_any(&key, c.name, c.aliases))
    {
        return Some(c);
    }
    let stem_matches = |stem: &str| COLOURS.iter().find(|c| words(c.stems).any(|s| s == stem));
    stem_matches(&key).or_else(|| {
        words(ADJECTIVE_ENDINGS)
            .filter_map(|ending| key.strip_suffix(ending))
            .filter(|stem| stem.chars().count() >= 3)
            .find_map(stem_matches)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(input: &str) -> Option<&'static str> {
        find_colour(input).map(|c| c.name)
    }

    #[test]
    fn has_at_least_eighteen_distinct_colours() {
        assert!(COLOURS.len() >= 18);
        for (i, a) in COLOURS.iter().enumerate() {
            for b in &COLOURS[i + 1..] {
                assert_ne!(a.name, b.name);
                assert_ne!(a.rgb, b.rgb, "{} and {} share a value", a.name, b.name);
            }
        }
    }

    #[test]
    fn english_names_and_aliases() {
        assert_eq!(name("Blue"), Some("blue"));
        assert_eq!(name(" GRAY "), Some("grey"));
        assert_eq!(name("navy"), Some("dark blue"));
        assert_eq!(name("Dark-Blue"), Some("dark blue"));
        assert_eq!(name("anthracite"), Some("graphite"));
    }

    #[test]
    fn ukrainian_forms() {
        for w in ["синій", "синя", "синє", "сині", "Синього"] {
            assert_eq!(name(w), Some("blue"), "{w}");
        }
        for w in ["чорний", "чорна", "чорне"] {
            assert_eq!(name(w), Some("black"), "{w}");
        }
        assert_eq!(name("білий"), Some("white"));
        assert_eq!(name("сріблястий"), Some("silver"));
        assert_eq!(name("сіра"), Some("grey"));
        assert_eq!(name("червоне"), Some("red"));
        assert_eq!(name("темно-синій"), Some("dark blue"));
        assert_eq!(name("блакитна"), Some("light blue"));
        assert_eq!(name("жовтий"), Some("yellow"));
        assert_eq!(name("помаранчевий"), Some("orange"));
        assert_eq!(name("бордовий"), Some("burgundy"));
    }

    #[test]
    fn russian_forms() {
        for w in ["чёрный", "черный", "чёрная", "черное"] {
            assert_eq!(name(w), Some("black"), "{w}");
        }
        for w in ["синий", "синяя", "синее"] {
            assert_eq!(name(w), Some("blue"), "{w}");
        }
        assert_eq!(name("белый"), Some("white"));
        assert_eq!(name("серебристый"), Some("silver"));
        assert_eq!(name("серый"), Some("grey"));
        assert_eq!(name("красная"), Some("red"));
        assert_eq!(name("голубой"), Some("light blue"));
        assert_eq!(name("зелёный"), Some("green"));
        assert_eq!(name("жёлтая"), Some("yellow"));
    }

    #[test]
    fn unknown_words_are_not_guessed() {
        assert_eq!(name("sky-ish"), None);
        assert_eq!(name("сиреневато-дымчатый"), None);
        assert_eq!(name(""), None);
        assert_eq!(name("е"), None);
    }

    #[test]
    fn hex_is_lowercase_rrggbb() {
        assert_eq!(
            find_colour("blue").map(Colour::hex).as_deref(),
            Some("#1f4e9c")
        );
    }
}
