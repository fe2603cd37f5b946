//! The built-in brand emblem table: for each known brand, a short factual
//! description of its emblem's shape and colours and where it sits on the
//! car. Prompts use it so the model draws the right badge; it is the
//! fallback the original design had when its web search found nothing.

/// Where a brand puts its emblem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// Centred on the front grille and on the tailgate or boot lid.
    Grille,
    /// On the front edge of the bonnet (no badge in the grille) and on the tail.
    Bonnet,
    /// On the nose of a car with no grille, and on the tailgate.
    Nose,
}

impl Placement {
    /// Where the emblem is seen from the front.
    pub fn front(self) -> &'static str {
        match self {
            Placement::Grille => "centred on the front grille",
            Placement::Bonnet => "on the front edge of the bonnet",
            Placement::Nose => "centred on the smooth nose",
        }
    }

    /// Where the emblem is seen from the rear.
    pub fn rear(self) -> &'static str {
        match self {
            Placement::Grille | Placement::Nose => "centred on the tailgate",
            Placement::Bonnet => "centred on the engine or boot lid at the tail",
        }
    }
}

/// A brand's emblem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Logo {
    /// The brand id (see [`crate::core::vocab::Brand::id`]).
    pub brand: &'static str,
    /// Shape and colours, as a noun phrase.
    pub emblem: &'static str,
    /// Where it sits.
    pub placement: Placement,
}

const fn g(brand: &'static str, emblem: &'static str) -> Logo {
    Logo {
        brand,
        emblem,
        placement: Placement::Grille,
    }
}

/// Every emblem the table describes.
pub static LOGOS: &[Logo] = &[
    g("renault", "a silver diamond-shaped (lozenge) emblem drawn as two interlocking outlines"),
    g("volkswagen", "a round chrome badge with a V above a W inside a circle"),
    g("skoda", "a round badge with a winged arrow in chrome and green; recent models spell ŠKODA in letters across the tailgate"),
    g("toyota", "three overlapping chrome ellipses forming a stylised T"),
    Logo { brand: "bmw", emblem: "a round roundel: a black outer ring lettered BMW around a blue-and-white quartered centre, above a twin kidney grille", placement: Placement::Bonnet },
    g("mercedes-benz", "a chrome three-pointed star inside a circle"),
    g("audi", "four interlocking chrome rings side by side"),
    g("hyundai", "a slanted, italic chrome H inside a horizontal oval"),
    g("kia", "the letters KIA in one continuous, angular chrome stroke, without an oval"),
    g("ford", "the word Ford in white script on a dark blue oval with a chrome rim"),
    g("opel", "a horizontal lightning bolt (the Blitz) through a ring, in chrome or black"),
    g("peugeot", "a lion's head in a shield outline (a standing lion on older models), in chrome"),
    g("citroen", "the double chevron: two stacked upward-pointing chevrons, in chrome"),
    g("nissan", "the word NISSAN on a horizontal bar across an open circle, in chrome"),
    g("mazda", "a stylised winged M inside an oval, in chrome"),
    g("honda", "a wide upright capital H in a rounded frame, in chrome"),
    g("mitsubishi", "three diamonds meeting at a point (the three-diamond mark), in red or chrome"),
    g("subaru", "a blue oval with six silver stars of the Pleiades, one large and five small"),
    g("volvo", "the iron mark: a circle with an arrow pointing up and right, on a diagonal bar across the grille"),
    g("lexus", "a stylised L inside an oval, in chrome, on a spindle-shaped grille"),
    g("chevrolet", "a gold bowtie (a wide, slanted cross) with a chrome outline"),
    g("daewoo", "a stylised shell-like fan shape, in chrome"),
    g("zaz", "a stylised letter Z in an oval, in chrome"),
    g("lada", "a silver Viking longboat with a sail, on a dark blue oval"),
    g("dacia", "two chrome letters D and C facing each other as a link (the Dacia Link)"),
    g("fiat", "the letters FIAT in chrome, on a round badge or spelled across the nose"),
    g("seat", "a stylised S made of two sharp chrome blades"),
    g("cupra", "a tribal emblem of two interlocking triangular shapes forming a C, in copper"),
    g("suzuki", "a stylised angular S, in chrome or red"),
    g("jeep", "the word Jeep in chrome letters above a seven-slot vertical grille between round headlamps"),
    Logo { brand: "land rover", emblem: "a dark green oval with LAND ROVER in silver letters", placement: Placement::Grille },
    Logo { brand: "porsche", emblem: "the Porsche crest: a black prancing horse on a gold shield with red-and-black stripes and antlers, with PORSCHE lettering across the tail", placement: Placement::Bonnet },
    Logo { brand: "tesla", emblem: "a stylised T shaped like a section of an electric motor, in chrome or black", placement: Placement::Nose },
    g("byd", "the letters BYD in wide chrome capitals"),
    g("geely", "a six-sided shield split into a blue-and-silver pattern"),
    g("chery", "an oval enclosing a triangular A-like shape, in chrome"),
    g("mg", "an octagon with the letters MG inside, in chrome or red"),
    g("mini", "a circle lettered MINI between two stylised wings, in chrome and black"),
    g("alfa romeo", "a round badge split in two — a red cross on white and a crowned green serpent — in a triangular shield-shaped grille"),
    g("jaguar", "a growling jaguar face in a round badge, or the leaping cat, in chrome"),
    g("infiniti", "an oval with two curves meeting at a point like a road to the horizon, in chrome"),
    g("acura", "a stylised A like a pair of calipers inside a pentagon, in chrome"),
    g("cadillac", "a wide shield-shaped crest, monochrome chrome on recent models"),
    g("chrysler", "a pair of chrome wings with the word CHRYSLER"),
    g("dodge", "the word DODGE in chrome letters with two red slashes"),
    g("ram", "a ram's head in chrome, or RAM spelled in large letters across the grille"),
    g("genesis", "a chrome winged emblem with a shield lettered GENESIS in the middle, on a crest-shaped grille"),
    g("ssangyong", "a round emblem of two stylised wings (twin dragons) in chrome; newer models read KGM"),
    g("ds", "the letters D and S joined into one chrome monogram"),
    g("smart", "a silver circle shaped like a letter c with an arrow pointing right"),
    g("lancia", "a round badge with a stylised steering wheel and a blue flag lettered LANCIA"),
    g("maserati", "a chrome trident (Neptune's trident)"),
    g("ferrari", "a black prancing horse on a yellow shield with the Italian tricolour along the top"),
    g("lamborghini", "a golden charging bull on a black shield, with LAMBORGHINI above it"),
    g("bentley", "a winged B: a letter B in a circle between two feathered wings, in chrome"),
    g("rolls-royce", "two overlapping letters R on a rectangular badge, with the Spirit of Ecstasy figure above a tall chrome grille"),
    g("aston martin", "a pair of chrome wings with ASTON MARTIN in a green-and-black bar between them"),
    g("polestar", "a four-pointed star made of two chevrons, in silver"),
    g("haval", "the word HAVAL in chrome capitals"),
    g("great wall", "an oval with a stylised battlement (a wall turret), in chrome"),
    g("jac", "an oval with the letters JAC, in chrome"),
    g("zeekr", "the word ZEEKR in wide chrome capitals"),
    g("lincoln", "a four-pointed star in a rectangular frame (the Lincoln star), in chrome"),
    g("gmc", "the letters GMC in red on a chrome surround"),
    g("buick", "three slanted shields side by side, in chrome or red, white and blue"),
    g("saab", "a round badge with a red crowned griffin head on blue, above the word SAAB"),
    g("moskvich", "a stylised letter M, in chrome"),
    g("uaz", "a circle with a stylised seagull-like emblem inside, in chrome"),
    g("gaz", "a leaping deer, in chrome"),
    g("bogdan", "the word BOGDAN in capitals"),
    g("lynk & co", "the words LYNK & CO in chrome letters"),
    g("xpeng", "a stylised X whose arms read as wings, in chrome"),
    g("nio", "a silver emblem of an arc over a road running to the horizon"),
    g("alpine", "a stylised letter A made of an upward arrow, in chrome"),
    g("omoda", "the word OMODA in chrome capitals"),
];

/// The emblem of a brand, by brand id.
pub fn logo_for(brand_id: &str) -> Option<&'static Logo> {
    LOGOS.iter().find(|l| l.brand == brand_id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::vocab::brands::{brands, find_brand};

    #[test]
    fn covers_every_known_brand_and_at_least_sixty() {
        assert!(LOGOS.len() >= 60, "{} logos", LOGOS.len());
        for b in brands() {
            assert!(logo_for(b.id).is_some(), "no logo for {}", b.id);
        }
        for l in LOGOS {
            assert!(
                brands().any(|b| b.id == l.brand),
                "logo for unknown brand {}",
                l.brand
            );
            assert!(l.emblem.len() > 15 && l.emblem.len() < 200, "{}", l.brand);
        }
    }

    #[test]
    fn the_required_brands_are_described() {
        for name in [
            "Renault",
            "Volkswagen",
            "Skoda",
            "Toyota",
            "BMW",
            "Mercedes-Benz",
            "Audi",
            "Hyundai",
            "Kia",
            "Ford",
            "Opel",
            "Peugeot",
            "Citroën",
            "Nissan",
            "Mazda",
            "Honda",
            "Mitsubishi",
            "Subaru",
            "Volvo",
            "Lexus",
            "Chevrolet",
            "Daewoo",
            "ZAZ",
            "Lada",
            "Dacia",
            "Fiat",
            "Seat",
            "Cupra",
            "Suzuki",
            "Jeep",
            "Land Rover",
            "Porsche",
            "Tesla",
            "BYD",
            "Geely",
            "Chery",
            "MG",
        ] {
            let brand = find_brand(name).unwrap_or_else(|| panic!("{name} unknown"));
            assert!(logo_for(brand.id).is_some(), "{name}");
        }
    }
}
