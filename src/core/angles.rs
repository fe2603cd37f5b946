//! The ten canonical camera angles: their names, aliases in three languages,
//! the view phrase a prompt uses, and human titles.

use crate::core::language::Language;
use crate::core::vocab::find_entry;

/// A canonical camera angle. `Side` is the left profile. Serialised as
/// its canonical name (`front_left`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub enum Angle {
    /// Straight at the nose.
    Front,
    /// Front three-quarter, from the car's left.
    FrontLeft,
    /// Front three-quarter, from the car's right.
    FrontRight,
    /// Left profile.
    Side,
    /// Right profile.
    SideRight,
    /// Straight at the tail.
    Rear,
    /// Rear three-quarter, from the car's left.
    RearLeft,
    /// Rear three-quarter, from the car's right.
    RearRight,
    /// From above.
    Top,
    /// The cabin: dashboard and front seats.
    Interior,
}

/// What the table says of an angle.
struct Entry {
    name: &'static str,
    phrase: &'static str,
    titles: [&'static str; 3],
    aliases: &'static str,
}

/// A line per angle, in the order of the enum: its name, the view phrase of
/// prompts, its titles in English, Ukrainian and Russian, then its aliases,
/// `|`-separated: one angle a line.
static ENTRIES: &str = concat!(
    "front|front view, straight on at the grille|Front view|Вид спереду|Вид спереди|front view|forward|спереду|спереди|перед|вигляд спереду|вид спереду|вид спереди\n",
    "front_left|front three-quarter view from the left|Front three-quarter view, left|Вид спереду три чверті, зліва|Вид спереди три четверти, слева|3/4|three-quarter|three quarter|front three-quarter|front 3/4|front-left|спереду зліва|спереди слева|три чверті|три четверти\n",
    "front_right|front three-quarter view from the right|Front three-quarter view, right|Вид спереду три чверті, справа|Вид спереди три четверти, справа|front-right|front 3/4 right|спереду справа|спереди справа\n",
    "side|side profile view from the left|Side view|Вид збоку|Вид сбоку|left|left side|side left|profile|side view|збоку|сбоку|зліва|слева|профіль|профиль|вид збоку|вид сбоку\n",
    "side_right|side profile view from the right|Side view, right|Вид збоку, справа|Вид сбоку, справа|right|right side|right profile|справа|праворуч|збоку справа|сбоку справа\n",
    "rear|rear view, straight on at the tailgate|Rear view|Вид ззаду|Вид сзади|back|rear view|back view|ззаду|сзади|позаду|зад|вид ззаду|вид сзади\n",
    "rear_left|rear three-quarter view from the left|Rear three-quarter view, left|Вид ззаду три чверті, зліва|Вид сзади три четверти, слева|rear three-quarter|rear 3/4|rear-left|back left|ззаду зліва|сзади слева\n",
    "rear_right|rear three-quarter view from the right|Rear three-quarter view, right|Вид ззаду три чверті, справа|Вид сзади три четверти, справа|rear-right|back right|rear 3/4 right|ззаду справа|сзади справа\n",
    "top|top-down view from directly above|Top view|Вид зверху|Вид сверху|above|overhead|bird's eye|birds eye|top view|зверху|сверху|вид зверху|вид сверху\n",
    "interior|interior view of the dashboard, steering wheel and front seats|Interior|Салон|Салон|inside|cabin|dashboard|cockpit|салон|інтерʼєр|интерьер|всередині|внутри\n",
);

impl Angle {
    /// Every canonical angle, in the order of the design document.
    pub const ALL: [Angle; 10] = [
        Angle::Front,
        Angle::FrontLeft,
        Angle::FrontRight,
        Angle::Side,
        Angle::SideRight,
        Angle::Rear,
        Angle::RearLeft,
        Angle::RearRight,
        Angle::Top,
        Angle::Interior,
    ];

    /// The angles a request without `angles` asks for: the original design's default.
    pub const DEFAULT: [Angle; 3] = [Angle::Front, Angle::Side, Angle::Rear];

    fn entry(self) -> Entry {
        let line = ENTRIES.lines().filter(|l| !l.is_empty()).nth(self as usize);
        let mut fields = line.unwrap_or_default().splitn(6, '|');
        let mut next = || fields.next().unwrap_or_default();
        let (name, phrase, titles) = (next(), next(), [next(), next(), next()]);
        Entry {
            name,
            phrase,
            titles,
            aliases: fields.next().unwrap_or_default(),
        }
    }

    /// Canonical name (`front_left`), used in responses, seeds and identity.
    pub fn name(self) -> &'static str {
        self.entry().name
    }

    /// The view phrase a prompt uses (`front three-quarter view from the left`).
    pub fn view_phrase(self) -> &'static str {
        self.entry().phrase
    }

    /// A human title in the given language (`Front view`, `Вид спереду`).
    pub fn title(self, language: Language) -> &'static str {
        let [en, uk, ru] = self.entry().titles;
        match language {
            Language::En => en,
            Language::Uk => uk,
            Language::Ru => ru,
        }
    }

    /// Whether the camera is outside the car.
    pub fn is_exterior(self) -> bool {
        self != Angle::Interior
    }

    /// Whether the brand badge at the front or rear is in view.
    pub fn shows_badge(self) -> bool {
        !matches!(self, Angle::Side | Angle::SideRight | Angle::Top)
    }

    /// Parses a canonical name or any alias, in English, Ukrainian or
    /// Russian, whatever the case and separators (`Front-Left`, `3/4`, `ззаду`).
    pub fn parse(input: &str) -> Option<Angle> {
        find_entry(input, Angle::ALL, |a| {
            let e = a.entry();
            (e.name, e.aliases)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::text::lookup_key;
    use std::collections::HashSet;

    #[test]
    fn entries_line_up_with_the_enum() {
        let names = [
            "front",
            "front_left",
            "front_right",
            "side",
            "side_right",
            "rear",
            "rear_left",
            "rear_right",
            "top",
            "interior",
        ];
        assert_eq!(ENTRIES.lines().count(), names.len());
        for (i, (a, name)) in Angle::ALL.into_iter().zip(names).enumerate() {
            assert_eq!(a as usize, i);
            assert_eq!(a.name(), name);
            let e = a.entry();
            assert!(!e.phrase.is_empty() && !e.aliases.is_empty(), "{name}");
            assert!(e.titles.iter().all(|t| !t.is_empty()), "{name}");
            assert_eq!(Angle::parse(a.name()), Some(a));
        }
    }

    #[test]
    fn no_alias_names_two_angles() {
        let mut seen = HashSet::new();
        for e in Angle::ALL.map(Angle::entry) {
            let mut own = HashSet::new();
            for k in std::iter::once(e.name)
                .chain(crate::core::vocab::words(e.aliases))
                .map(lookup_key)
            {
                own.insert(k);
            }
            for k in own {
                assert!(seen.insert(k.clone()), "{k} is ambiguous");
            }
        }
    }

    #[test]
    fn aliases_in_three_languages() {
        let cases = [
            ("left", Angle::Side),
            ("right", Angle::SideRight),
            ("back", Angle::Rear),
            ("profile", Angle::Side),
            ("3/4", Angle::FrontLeft),
            ("Front-Left", Angle::FrontLeft),
            ("REAR_RIGHT", Angle::RearRight),
            ("спереду", Angle::Front),
            ("спереди", Angle::Front),
            ("збоку", Angle::Side),
            ("сбоку", Angle::Side),
            ("ззаду", Angle::Rear),
            ("сзади", Angle::Rear),
            ("салон", Angle::Interior),
            ("інтер'єр", Angle::Interior),
            ("зверху", Angle::Top),
        ];
        for (input, want) in cases {
            assert_eq!(Angle::parse(input), Some(want), "{input}");
        }
        assert_eq!(Angle::parse("underneath"), None);
        assert_eq!(Angle::parse(""), None);
    }

    #[test]
    fn titles_and_phrases() {
        assert_eq!(Angle::Front.title(Language::En), "Front view");
        assert_eq!(Angle::Front.title(Language::Uk), "Вид спереду");
        assert_eq!(Angle::Front.title(Language::Ru), "Вид спереди");
        assert_eq!(
            Angle::FrontLeft.view_phrase(),
            "front three-quarter view from the left"
        );
        for a in Angle::ALL {
            for l in [Language::En, Language::Uk, Language::Ru] {
                assert!(!a.title(l).is_empty());
            }
        }
    }
}
