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

struct Entry {
    body: BodyType,
    name: &'static str,
    noun: &'static str,
    aliases: &'static str,
}

const ENTRIES: &[Entry] = &[
    Entry {
        body: BodyType::Sedan,
        name: "sedan",
        noun: "sedan",
        aliases: "saloon|notchback|седан|limousine",
    },
    Entry {
        body: BodyType::Hatchback,
        name: "hatchback",
        noun: "hatchback",
        aliases: "hatch|хетчбек|хетчбэк|хэтчбек|хэтчбэк|хечбек|хетч",
    },
    Entry {
        body: BodyType::Liftback,
        name: "liftback",
        noun: "liftback",
        aliases: "fastback|sportback|ліфтбек|лифтбек|фастбек",
    },
    Entry {
        body: BodyType::Wagon,
        name: "wagon",
        noun: "station wagon",
        aliases: "estate|station wagon|kombi|combi|touring|avant|variant|універсал|универсал",
    },
    Entry {
        body: BodyType::Suv,
        name: "suv",
        noun: "SUV",
        aliases: "sport utility vehicle|off-roader|4x4|jeep|позашляховик|внедорожник|джип",
    },
    Entry {
        body: BodyType::Crossover,
        name: "crossover",
        noun: "crossover SUV",
        aliases: "cuv|crossover suv|кросовер|кроссовер",
    },
    Entry {
        body: BodyType::Coupe,
        name: "coupe",
        noun: "coupe",
        aliases: "coupé|купе",
    },
    Entry {
        body: BodyType::Convertible,
        name: "convertible",
        noun: "convertible",
        aliases: "cabriolet|cabrio|roadster|spider|spyder|кабріолет|кабриолет|родстер",
    },
    Entry {
        body: BodyType::Pickup,
        name: "pickup",
        noun: "pickup truck",
        aliases: "pick-up|pickup truck|ute|пікап|пикап",
    },
    Entry {
        body: BodyType::Minivan,
        name: "minivan",
        noun: "minivan",
        aliases: "mpv|people carrier|мінівен|мінівен|минивэн|минивен|компактвен",
    },
    Entry {
        body: BodyType::Van,
        name: "van",
        noun: "van",
        aliases: "panel van|cargo van|minibus|фургон|мікроавтобус|микроавтобус|бус",
    },
];

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

    fn entry(self) -> Option<&'static Entry> {
        ENTRIES.iter().find(|e| e.body == self)
    }

    /// Canonical lowercase English name, used in the identity (`sedan`, `suv`, …).
    pub fn name(self) -> &'static str {
        self.entry().map_or("sedan", |e| e.name)
    }

    /// The noun a prompt uses for it (`station wagon`, `SUV`, `pickup truck`).
    pub fn noun(self) -> &'static str {
        self.entry().map_or("car", |e| e.noun)
    }

    /// Finds the body type an input names, in English, Ukrainian or Russian.
    pub fn find(input: &str) -> Option<BodyType> {
        find_entry(input, ENTRIES, |e| (e.name, e.aliases)).map(|e| e.body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_body_type_has_an_entry_and_round_trips() {
        for b in BodyType::ALL {
            assert_eq!(BodyType::find(b.name()), Some(b));
        }
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
