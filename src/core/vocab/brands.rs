//! Car brands: the canonical spelling, the id used in the identity, the
//! English Wikipedia title for later look-ups, and aliases in three languages.

use super::matches_any;
use crate::core::text::lookup_key;

/// A car brand the vocabulary knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Brand {
    /// The brand's part of the identity: its English name in lowercase with
    /// diacritics folded (`skoda`, `citroen`, `mercedes-benz`, `land rover`).
    pub id: &'static str,
    /// Canonical display spelling (`Škoda`, `Citroën`, `Mercedes-Benz`).
    pub name: &'static str,
    /// Title of the brand's English Wikipedia article.
    pub wiki_title: &'static str,
    aliases: &'static str,
}

const fn b(
    id: &'static str,
    name: &'static str,
    wiki_title: &'static str,
    aliases: &'static str,
) -> Brand {
    Brand {
        id,
        name,
        wiki_title,
        aliases,
    }
}

/// Every brand the vocabulary knows.
pub static BRANDS: &[Brand] = &[
    b("renault", "Renault", "Renault", "Рено"),
    b(
        "volkswagen",
        "Volkswagen",
        "Volkswagen",
        "VW|Фольксваген|Фольцваген|Фольксваґен",
    ),
    b("skoda", "Škoda", "Škoda Auto", "Шкода"),
    b("toyota", "Toyota", "Toyota", "Тойота"),
    b("bmw", "BMW", "BMW", "БМВ|Bayerische Motoren Werke"),
    b(
        "mercedes-benz",
        "Mercedes-Benz",
        "Mercedes-Benz",
        "Mercedes|Benz|Мерседес|Мерседес-Бенц",
    ),
    b("audi", "Audi", "Audi", "Ауді|Ауди"),
    b(
        "hyundai",
        "Hyundai",
        "Hyundai Motor Company",
        "Хюндай|Хьюндай|Хендай|Хундай|Хюндаї",
    ),
    b("kia", "Kia", "Kia", "Kia Motors|Кіа|Киа"),
    b("ford", "Ford", "Ford Motor Company", "Форд"),
    b("opel", "Opel", "Opel", "Опель"),
    b("peugeot", "Peugeot", "Peugeot", "Пежо"),
    b(
        "citroen",
        "Citroën",
        "Citroën",
        "Сітроен|Сітроєн|Ситроен|Ситроэн",
    ),
    b("nissan", "Nissan", "Nissan", "Ніссан|Ниссан"),
    b("mazda", "Mazda", "Mazda", "Мазда"),
    b("honda", "Honda", "Honda", "Хонда"),
    b(
        "mitsubishi",
        "Mitsubishi",
        "Mitsubishi Motors",
        "Міцубісі|Мітсубісі|Мицубиси|Митсубиси",
    ),
    b("subaru", "Subaru", "Subaru", "Субару"),
    b("volvo", "Volvo", "Volvo Cars", "Вольво"),
    b("lexus", "Lexus", "Lexus", "Лексус"),
    b("chevrolet", "Chevrolet", "Chevrolet", "Chevy|Шевроле"),
    b("daewoo", "Daewoo", "Daewoo Motors", "Деу|Дэу|Daewoo Motors"),
    b("zaz", "ZAZ", "ZAZ", "ЗАЗ|Zaporozhets|Запорожець|Запорожец"),
    b(
        "lada",
        "Lada",
        "Lada",
        "Лада|ВАЗ|VAZ|AvtoVAZ|АвтоВАЗ|Жигулі|Жигули",
    ),
    b("dacia", "Dacia", "Automobile Dacia", "Дачія|Дачия"),
    b("fiat", "Fiat", "Fiat", "Фіат|Фиат"),
    b("seat", "SEAT", "SEAT", "Сеат"),
    b("cupra", "Cupra", "Cupra", "Купра"),
    b("suzuki", "Suzuki", "Suzuki", "Сузукі|Сузуки"),
    b("jeep", "Jeep", "Jeep", "Джип"),
    b(
        "land rover",
        "Land Rover",
        "Land Rover",
        "Ленд Ровер|Лэнд Ровер|Ленд-Ровер",
    ),
    b("porsche", "Porsche", "Porsche", "Порше"),
    b("tesla", "Tesla", "Tesla, Inc.", "Тесла"),
    b("byd", "BYD", "BYD Auto", "БІД|БИД|Бід"),
    b("geely", "Geely", "Geely", "Джилі|Джили"),
    b("chery", "Chery", "Chery", "Чері|Чери"),
    b("mg", "MG", "MG Motor", "Morris Garages|МГ"),
    b("mini", "Mini", "Mini (marque)", "Міні|Мини"),
    b("alfa romeo", "Alfa Romeo", "Alfa Romeo", "Alfa|Альфа Ромео"),
    b("jaguar", "Jaguar", "Jaguar Cars", "Ягуар"),
    b("infiniti", "Infiniti", "Infiniti", "Інфініті|Инфинити"),
    b("acura", "Acura", "Acura", "Акура"),
    b("cadillac", "Cadillac", "Cadillac", "Кадилак|Кадиллак"),
    b("chrysler", "Chrysler", "Chrysler", "Крайслер"),
    b("dodge", "Dodge", "Dodge", "Додж"),
    b("ram", "Ram", "Ram Trucks", "Рам"),
    b("genesis", "Genesis", "Genesis Motor", "Дженезис|Генезис"),
    b(
        "ssangyong",
        "SsangYong",
        "KG Mobility",
        "KGM|KG Mobility|Ссанг Йонг|Санг Йонг|Саньонг",
    ),
    b("ds", "DS", "DS Automobiles", "DS Automobiles|ДС"),
    b("smart", "Smart", "Smart (marque)", "Смарт"),
    b("lancia", "Lancia", "Lancia", "Лянча|Ланча"),
    b("maserati", "Maserati", "Maserati", "Мазераті|Мазерати"),
    b("ferrari", "Ferrari", "Ferrari", "Феррарі|Феррари"),
    b(
        "lamborghini",
        "Lamborghini",
        "Lamborghini",
        "Ламборгіні|Ламборгини",
    ),
    b("bentley", "Bentley", "Bentley", "Бентлі|Бентли"),
    b(
        "rolls-royce",
        "Rolls-Royce",
        "Rolls-Royce Motor Cars",
        "Роллс-Ройс",
    ),
    b(
        "aston martin",
        "Aston Martin",
        "Aston Martin",
        "Астон Мартін|Астон Мартин",
    ),
    b("polestar", "Polestar", "Polestar", "Полестар"),
    b("haval", "Haval", "Haval", "Хавал|Хавейл"),
    b(
        "great wall",
        "Great Wall",
        "Great Wall Motor",
        "GWM|Грейт Вол|Грейт Волл",
    ),
    b("jac", "JAC", "JAC Motors", "Джак"),
    b("zeekr", "Zeekr", "Zeekr", "Зікр|Зикр"),
    b(
        "lincoln",
        "Lincoln",
        "Lincoln Motor Company",
        "Лінкольн|Линкольн",
    ),
    b("gmc", "GMC", "GMC (automobile)", "ДжіЕмСі"),
    b("buick", "Buick", "Buick", "Бʼюїк|Бьюик"),
    b("saab", "Saab", "Saab Automobile", "Сааб"),
    b("moskvich", "Moskvich", "Moskvitch", "Moskvitch|Москвич"),
    b("uaz", "UAZ", "UAZ", "УАЗ"),
    b("gaz", "GAZ", "GAZ", "ГАЗ"),
    b("bogdan", "Bogdan", "Bogdan (company)", "Богдан"),
    b(
        "lynk & co",
        "Lynk & Co",
        "Lynk & Co",
        "Lynk and Co|Лінк енд Ко",
    ),
    b("xpeng", "XPeng", "XPeng", "Сяопен"),
    b("nio", "NIO", "Nio Inc.", "Ніо"),
    b("alpine", "Alpine", "Alpine (automobile)", "Альпін|Альпин"),
    b("omoda", "Omoda", "Omoda", "Омода"),
];

/// Finds the brand an input names, in any spelling the vocabulary knows
/// (`Рено`, `skoda`, `Škoda`, `mercedes benz`).
pub fn find_brand(input: &str) -> Option<&'static Brand> {
    let key = lookup_key(input);
    if key.is_empty() {
        return None;
    }
    BRANDS
        .iter()
        .find(|b| matches_any(&key, b.name, b.aliases) || lookup_key(b.id) == key)
}

/// The brand with this id.
pub fn brand_by_id(id: &str) -> Option<&'static Brand> {
    BRANDS.iter().find(|b| b.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn id(input: &str) -> Option<&'static str> {
        find_brand(input).map(|b| b.id)
    }

    #[test]
    fn ids_are_unique_lowercase_ascii_and_every_alias_is_unambiguous() {
        let mut ids = HashSet::new();
        let mut keys = HashSet::new();
        for b in BRANDS {
            assert!(ids.insert(b.id), "duplicate id {}", b.id);
            assert!(b
                .id
                .bytes()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || b"- &".contains(&c)));
            assert_eq!(
                lookup_key(b.id),
                lookup_key(b.name),
                "{} is not its name folded",
                b.id
            );
            let mut own = HashSet::new();
            for k in std::iter::once(b.name)
                .chain(crate::core::vocab::words(b.aliases))
                .map(lookup_key)
            {
                own.insert(k);
            }
            for k in own {
                assert!(keys.insert(k.clone()), "alias key {k} used twice");
            }
        }
    }

    #[test]
    fn latin_spellings() {
        assert_eq!(id("renault"), Some("renault"));
        assert_eq!(id("Skoda"), Some("skoda"));
        assert_eq!(id("ŠKODA"), Some("skoda"));
        assert_eq!(id("Citroen"), Some("citroen"));
        assert_eq!(id("mercedes benz"), Some("mercedes-benz"));
        assert_eq!(id("Mercedes"), Some("mercedes-benz"));
        assert_eq!(id("vw"), Some("volkswagen"));
        assert_eq!(id("land-rover"), Some("land rover"));
    }

    #[test]
    fn cyrillic_spellings() {
        assert_eq!(id("Рено"), Some("renault"));
        assert_eq!(id("Шкода"), Some("skoda"));
        assert_eq!(id("Фольксваген"), Some("volkswagen"));
        assert_eq!(id("Тойота"), Some("toyota"));
        assert_eq!(id("Мерседес-Бенц"), Some("mercedes-benz"));
        assert_eq!(id("Хюндай"), Some("hyundai"));
        assert_eq!(id("ЗАЗ"), Some("zaz"));
        assert_eq!(id("Жигулі"), Some("lada"));
        assert_eq!(id("Ситроен"), Some("citroen"));
    }

    #[test]
    fn unknown_brand_is_none() {
        assert_eq!(id("Zastava Yugo Deluxe"), None);
        assert_eq!(id(""), None);
    }
}
