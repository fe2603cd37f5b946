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

/// Every emblem the table describes, a line each: the brand id, where the
/// emblem sits (`G`rille, `B`onnet, `N`ose) and the description,
/// `|`-separated: one brand a line.
static LOGOS: &str = concat!(
    "renault|G|a silver diamond-shaped (lozenge) emblem drawn as two interlocking outlines\n",
    "volkswagen|G|a round chrome badge with a V above a W inside a circle\n",
    "skoda|G|a round badge with a winged arrow in chrome and green; recent models spell ŠKODA in letters across the tailgate\n",
    "toyota|G|three overlapping chrome ellipses forming a stylised T\n",
    "bmw|B|a round roundel: a black outer ring lettered BMW around a blue-and-white quartered centre, above a twin kidney grille\n",
    "mercedes-benz|G|a chrome three-pointed star inside a circle\n",
    "audi|G|four interlocking chrome rings side by side\n",
    "hyundai|G|a slanted, italic chrome H inside a horizontal oval\n",
    "kia|G|the letters KIA in one continuous, angular chrome stroke, without an oval\n",
    "ford|G|the word Ford in white script on a dark blue oval with a chrome rim\n",
    "opel|G|a horizontal lightning bolt (the Blitz) through a ring, in chrome or black\n",
    "peugeot|G|a lion's head in a shield outline (a standing lion on older models), in chrome\n",
    "citroen|G|the double chevron: two stacked upward-pointing chevrons, in chrome\n",
    "nissan|G|the word NISSAN on a horizontal bar across an open circle, in chrome\n",
    "mazda|G|a stylised winged M inside an oval, in chrome\n",
    "honda|G|a wide upright capital H in a rounded frame, in chrome\n",
    "mitsubishi|G|three diamonds meeting at a point (the three-diamond mark), in red or chrome\n",
    "subaru|G|a blue oval with six silver stars of the Pleiades, one large and five small\n",
    "volvo|G|the iron mark: a circle with an arrow pointing up and right, on a diagonal bar across the grille\n",
    "lexus|G|a stylised L inside an oval, in chrome, on a spindle-shaped grille\n",
    "chevrolet|G|a gold bowtie (a wide, slanted cross) with a chrome outline\n",
    "daewoo|G|a stylised shell-like fan shape, in chrome\n",
    "zaz|G|a stylised letter Z in an oval, in chrome\n",
    "lada|G|a silver Viking longboat with a sail, on a dark blue oval\n",
    "dacia|G|two chrome letters D and C facing each other as a link (the Dacia Link)\n",
    "fiat|G|the letters FIAT in chrome, on a round badge or spelled across the nose\n",
    "seat|G|a stylised S made of two sharp chrome blades\n",
    "cupra|G|a tribal emblem of two interlocking triangular shapes forming a C, in copper\n",
    "suzuki|G|a stylised angular S, in chrome or red\n",
    "jeep|G|the word Jeep in chrome letters above a seven-slot vertical grille between round headlamps\n",
    "land rover|G|a dark green oval with LAND ROVER in silver letters\n",
    "porsche|B|the Porsche crest: a black prancing horse on a gold shield with red-and-black stripes and antlers, with PORSCHE lettering across the tail\n",
    "tesla|N|a stylised T shaped like a section of an electric motor, in chrome or black\n",
    "byd|G|the letters BYD in wide chrome capitals\n",
    "geely|G|a six-sided shield split into a blue-and-silver pattern\n",
    "chery|G|an oval enclosing a triangular A-like shape, in chrome\n",
    "mg|G|an octagon with the letters MG inside, in chrome or red\n",
    "mini|G|a circle lettered MINI between two stylised wings, in chrome and black\n",
    "alfa romeo|G|a round badge split in two — a red cross on white and a crowned green serpent — in a triangular shield-shaped grille\n",
    "jaguar|G|a growling jaguar face in a round badge, or the leaping cat, in chrome\n",
    "infiniti|G|an oval with two curves meeting at a point like a road to the horizon, in chrome\n",
    "acura|G|a stylised A like a pair of calipers inside a pentagon, in chrome\n",
    "cadillac|G|a wide shield-shaped crest, monochrome chrome on recent models\n",
    "chrysler|G|a pair of chrome wings with the word CHRYSLER\n",
    "dodge|G|the word DODGE in chrome letters with two red slashes\n",
    "ram|G|a ram's head in chrome, or RAM spelled in large letters across the grille\n",
    "genesis|G|a chrome winged emblem with a shield lettered GENESIS in the middle, on a crest-shaped grille\n",
    "ssangyong|G|a round emblem of two stylised wings (twin dragons) in chrome; newer models read KGM\n",
    "ds|G|the letters D and S joined into one chrome monogram\n",
    "smart|G|a silver circle shaped like a letter c with an arrow pointing right\n",
    "lancia|G|a round badge with a stylised steering wheel and a blue flag lettered LANCIA\n",
    "maserati|G|a chrome trident (Neptune's trident)\n",
    "ferrari|G|a black prancing horse on a yellow shield with the Italian tricolour along the top\n",
    "lamborghini|G|a golden charging bull on a black shield, with LAMBORGHINI above it\n",
    "bentley|G|a winged B: a letter B in a circle between two feathered wings, in chrome\n",
    "rolls-royce|G|two overlapping letters R on a rectangular badge, with the Spirit of Ecstasy figure above a tall chrome grille\n",
    "aston martin|G|a pair of chrome wings with ASTON MARTIN in a green-and-black bar between them\n",
    "polestar|G|a four-pointed star made of two chevrons, in silver\n",
    "haval|G|the word HAVAL in chrome capitals\n",
    "great wall|G|an oval with a stylised battlement (a wall turret), in chrome\n",
    "jac|G|an oval with the letters JAC, in chrome\n",
    "zeekr|G|the word ZEEKR in wide chrome capitals\n",
    "lincoln|G|a four-pointed star in a rectangular frame (the Lincoln star), in chrome\n",
    "gmc|G|the letters GMC in red on a chrome surround\n",
    "buick|G|three slanted shields side by side, in chrome or red, white and blue\n",
    "saab|G|a round badge with a red crowned griffin head on blue, above the word SAAB\n",
    "moskvich|G|a stylised letter M, in chrome\n",
    "uaz|G|a circle with a stylised seagull-like emblem inside, in chrome\n",
    "gaz|G|a leaping deer, in chrome\n",
    "bogdan|G|the word BOGDAN in capitals\n",
    "lynk & co|G|the words LYNK & CO in chrome letters\n",
    "xpeng|G|a stylised X whose arms read as wings, in chrome\n",
    "nio|G|a silver emblem of an arc over a road running to the horizon\n",
    "alpine|G|a stylised letter A made of an upward arrow, in chrome\n",
    "omoda|G|the word OMODA in chrome capitals\n",
);

/// Every emblem of the table, in order.
pub fn logos() -> impl Iterator<Item = Logo> {
    LOGOS.lines().filter(|l| !l.is_empty()).filter_map(|line| {
        let mut fields = line.splitn(3, '|');
        let brand = fields.next()?;
        let placement = match fields.next()? {
            "B" => Placement::Bonnet,
            "N" => Placement::Nose,
            _ => Placement::Grille,
        };
        Some(Logo {
            brand,
            emblem: fields.next().unwrap_or_default(),
            placement,
        })
    })
}

/// The emblem of a brand, by brand id.
pub fn logo_for(brand_id: &str) -> Option<Logo> {
    logos().find(|l| l.brand == brand_id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::vocab::brands::{brands, find_brand};

    #[test]
    fn covers_every_known_brand_and_at_least_sixty() {
        assert!(logos().count() >= 60, "{} logos", logos().count());
        let placement = |id| logo_for(id).map(|l| l.placement);
        assert_eq!(placement("bmw"), Some(Placement::Bonnet));
        assert_eq!(placement("tesla"), Some(Placement::Nose));
        assert_eq!(placement("renault"), Some(Placement::Grille));
        for line in LOGOS.split_terminator('\n') {
            assert!(
                matches!(line.split('|').nth(1), Some("G" | "B" | "N")),
                "{line}"
            );
        }
        for b in brands() {
            assert!(logo_for(b.id).is_some(), "no logo for {}", b.id);
        }
        for l in logos() {
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
