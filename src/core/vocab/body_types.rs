//! Body types: the eleven shapes the prompts name and the preview draws.

use super::find_entry;

/// A canonical body type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BodyType {
    /// Three-box saloon with a separate boot.
    Sedan,
    /// Two-box car with a near-vertical tailgate.
    Hatchback,
    /// Sedan-like silhouette with a sloping tailgate hinged at the roof.
    Liftback,
    /// Estate: long roof to a vertical tailgate.
    Wagon,
    /// Tall, boxy sport utility vehicle.
    Suv,
    /// Car-based, raised hatchback-like SUV.
    Crossover,
    /// Two-door with a low, sloping roof.
    Coupe,
    /// Open top.
    Convertible,
    /// Cab with an open cargo bed.
    Pickup,
    /// One-box people carrier.
    Minivan,
    /// Tall, long commercial or passenger van.
    Van,
}

/// A line per body type, in the order of [`BodyType::ALL`]: its name, the
/// noun of prompts, then its aliases, `|`-separated: one body type a line.
static ENTRIES: &str = concat!(
    "sedan|sedan|saloon|notchback|седан|limousine\n",
    "hatchback|hatchback|hatch|хетчбек|хетчбэк|хэтчбек|хэтчбэк|хечбек|хетч\n",
    "liftback|liftback|fastback|sportback|ліфтбек|лифтбек|фастбек\n",
    "wagon|station wagon|estate|station wagon|kombi|combi|touring|avant|variant|універсал|универсал\n",
    "suv|SUV|sport utility vehicle|off-roader|4x4|jeep|позашляховик|внедорожник|джип\n",
    "crossover|crossover SUV|cuv|crossover suv|кросовер|кроссовер\n",
    "coupe|coupe|coupé|купе\n",
    "convertible|convertible|cabriolet|cabrio|roadster|spider|spyder|кабріолет|кабриолет|родстер\n",
    "pickup|pickup truck|pick-up|pickup truck|ute|пікап|пикап\n",
    "minivan|minivan|mpv|people carrier|мінівен|мінівен|минивэн|минивен|компактвен\n",
    "van|van|panel van|cargo van|minibus|фургон|мікроавтобус|микроавтобус|бус\n",
);

impl BodyType {
    /// Every body type, in a stable order.
    pub const ALL: [BodyType; 11] = [
        BodyType::Sedan,
        BodyType::Hatchback,
        BodyType::Liftback,
        BodyType::Wagon,
        BodyType::Suv,
        BodyType::Crossover,
        BodyType::Coupe,
        BodyType::Convertible,
        BodyType::Pickup,
        BodyType::Minivan,
        BodyType::Van,
    ];

    /// Its line of the table: name, noun, aliases.
    fn fields(self) -> [&'static str; 3] {
        let line = ENTRIES.lines().filter(|l| !l.is_empty()).nth(self as usize);
        let mut fields = line.unwrap_or_default().splitn(3, '|');
        let (name, noun) = (fields.next(), fields.next());
        [
            name.unwrap_or_default(),
            noun.unwrap_or_default(),
            fields.next().unwrap_or_default(),
        ]
    }

    /// Canonical lowercase English name, used in the identity (`sedan`, `suv`, …).
    pub fn name(self) -> &'static str {
        self.fields()[0]
    }

    /// The noun a prompt uses for it (`station wagon`, `SUV`, `pickup truck`).
    pub fn noun(self) -> &'static str {
        self.fields()[1]
    }

    /// Finds the body type an input names, in English, Ukrainian or Russian.
    pub fn find(input: &str) -> Option<BodyType> {
        find_entry(input, BodyType::ALL, |b| {
            let [name, _, aliases] = b.fields();
            (name, aliases)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_body_type_has_an_entry_and_round_trips() {
        assert_eq!(ENTRIES.lines().count(), BodyType::ALL.len());
        for (i, b) in BodyType::ALL.into_iter().enumerate() {
            assert_eq!(b as usize, i);
            assert!(b.fields().iter().all(|f| !f.is_empty()), "{b:?}");
            assert_eq!(BodyType::find(b.name()), Some(b));
        }
        assert_eq!(BodyType::Wagon.name(), "wagon");
        assert_eq!(BodyType::Wagon.noun(), "station wagon");
        assert_eq!(BodyType::Van.noun(), "van");
    }

    #[test]
    fn aliases_in_three_languages() {
        assert_eq!(BodyType::find("Estate"), Some(BodyType::Wagon));
        assert_eq!(BodyType::find("універсал"), Some(BodyType::Wagon));
        assert_eq!(BodyType::find("универсал"), Some(BodyType::Wagon));
        assert_eq!(BodyType::find("кросовер"), Some(BodyType::Crossover));
        assert_eq!(BodyType::find("кроссовер"), Some(BodyType::Crossover));
        assert_eq!(BodyType::find("хетчбек"), Some(BodyType::Hatchback));
        assert_eq!(BodyType::find("Хэтчбек"), Some(BodyType::Hatchback));
        assert_eq!(BodyType::find("позашляховик"), Some(BodyType::Suv));
        assert_eq!(BodyType::find("внедорожник"), Some(BodyType::Suv));
        assert_eq!(BodyType::find("пікап"), Some(BodyType::Pickup));
        assert_eq!(BodyType::find("coupé"), Some(BodyType::Coupe));
        assert_eq!(BodyType::find("кабріолет"), Some(BodyType::Convertible));
        assert_eq!(BodyType::find("мінівен"), Some(BodyType::Minivan));
        assert_eq!(BodyType::find("фургон"), Some(BodyType::Van));
        assert_eq!(BodyType::find("ліфтбек"), Some(BodyType::Liftback));
        assert_eq!(BodyType::find("hovercraft"), None);
    }
}
