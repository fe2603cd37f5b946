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
    /// Its other spellings, `|`-separated.
    aliases: &'static str,
}

impl Brand {
    /// Its other spellings (Cyrillic, abbreviations), in table order.
    pub fn aliases(&self) -> impl Iterator<Item = &'static str> {
        super::words(self.aliases)
    }
}

/// Every brand of the table, in order.
pub fn brands() -> impl Iterator<Item = Brand> {
    BRANDS.lines().filter(|l| !l.is_empty()).filter_map(|line| {
        let mut fields = line.splitn(4, '|');
        let (id, name, wiki_title) = (fields.next()?, fields.next()?, fields.next()?);
        Some(Brand {
            id,
            name,
            wiki_title,
            aliases: fields.next().unwrap_or_default(),
        })
    })
}

/// Every brand the vocabulary knows, a line each: id, canonical name,
/// English Wikipedia title, then its aliases, `|`-separated: one brand a
/// line.
static BRANDS: &str = concat!(
    "renault|Renault|Renault|Рено\n",
    "volkswagen|Volkswagen|Volkswagen|VW|Фольксваген|Фольцваген|Фольксваґен\n",
    "skoda|Škoda|Škoda Auto|Шкода\n",
    "toyota|Toyota|Toyota|Тойота\n",
    "bmw|BMW|BMW|БМВ|Bayerische Motoren Werke\n",
    "mercedes-benz|Mercedes-Benz|Mercedes-Benz|Mercedes|Benz|Мерседес|Мерседес-Бенц\n",
    "audi|Audi|Audi|Ауді|Ауди\n",
    "hyundai|Hyundai|Hyundai Motor Company|Хюндай|Хьюндай|Хендай|Хундай|Хюндаї\n",
    "kia|Kia|Kia|Kia Motors|Кіа|Киа\n",
    "ford|Ford|Ford Motor Company|Форд\n",
    "opel|Opel|Opel|Опель\n",
    "peugeot|Peugeot|Peugeot|Пежо\n",
    "citroen|Citroën|Citroën|Сітроен|Сітроєн|Ситроен|Ситроэн\n",
    "nissan|Nissan|Nissan|Ніссан|Ниссан\n",
    "mazda|Mazda|Mazda|Мазда\n",
    "honda|Honda|Honda|Хонда\n",
    "mitsubishi|Mitsubishi|Mitsubishi Motors|Міцубісі|Мітсубісі|Мицубиси|Митсубиси\n",
    "subaru|Subaru|Subaru|Субару\n",
    "volvo|Volvo|Volvo Cars|Вольво\n",
    "lexus|Lexus|Lexus|Лексус\n",
    "chevrolet|Chevrolet|Chevrolet|Chevy|Шевроле\n",
    "daewoo|Daewoo|Daewoo Motors|Деу|Дэу|Daewoo Motors\n",
    "zaz|ZAZ|ZAZ|ЗАЗ|Zaporozhets|Запорожець|Запорожец\n",
    "lada|Lada|Lada|Лада|ВАЗ|VAZ|AvtoVAZ|АвтоВАЗ|Жигулі|Жигули\n",
    "dacia|Dacia|Automobile Dacia|Дачія|Дачия\n",
    "fiat|Fiat|Fiat|Фіат|Фиат\n",
    "seat|SEAT|SEAT|Сеат\n",
    "cupra|Cupra|Cupra|Купра\n",
    "suzuki|Suzuki|Suzuki|Сузукі|Сузуки\n",
    "jeep|Jeep|Jeep|Джип\n",
    "land rover|Land Rover|Land Rover|Ленд Ровер|Лэнд Ровер|Ленд-Ровер\n",
    "porsche|Porsche|Porsche|Порше\n",
    "tesla|Tesla|Tesla, Inc.|Тесла\n",
    "byd|BYD|BYD Auto|БІД|БИД|Бід\n",
    "geely|Geely|Geely|Джилі|Джили\n",
    "chery|Chery|Chery|Чері|Чери\n",
    "mg|MG|MG Motor|Morris Garages|МГ\n",
    "mini|Mini|Mini (marque)|Міні|Мини\n",
    "alfa romeo|Alfa Romeo|Alfa Romeo|Alfa|Альфа Ромео\n",
    "jaguar|Jaguar|Jaguar Cars|Ягуар\n",
    "infiniti|Infiniti|Infiniti|Інфініті|Инфинити\n",
    "acura|Acura|Acura|Акура\n",
    "cadillac|Cadillac|Cadillac|Кадилак|Кадиллак\n",
    "chrysler|Chrysler|Chrysler|Крайслер\n",
    "dodge|Dodge|Dodge|Додж\n",
    "ram|Ram|Ram Trucks|Рам\n",
    "genesis|Genesis|Genesis Motor|Дженезис|Генезис\n",
    "ssangyong|SsangYong|KG Mobility|KGM|KG Mobility|Ссанг Йонг|Санг Йонг|Саньонг\n",
    "ds|DS|DS Automobiles|DS Automobiles|ДС\n",
    "smart|Smart|Smart (marque)|Смарт\n",
    "lancia|Lancia|Lancia|Лянча|Ланча\n",
    "maserati|Maserati|Maserati|Мазераті|Мазерати\n",
    "ferrari|Ferrari|Ferrari|Феррарі|Феррари\n",
    "lamborghini|Lamborghini|Lamborghini|Ламборгіні|Ламборгини\n",
    "bentley|Bentley|Bentley|Бентлі|Бентли\n",
    "rolls-royce|Rolls-Royce|Rolls-Royce Motor Cars|Роллс-Ройс\n",
    "aston martin|Aston Martin|Aston Martin|Астон Мартін|Астон Мартин\n",
    "polestar|Polestar|Polestar|Полестар\n",
    "haval|Haval|Haval|Хавал|Хавейл\n",
    "great wall|Great Wall|Great Wall Motor|GWM|Грейт Вол|Грейт Волл\n",
    "jac|JAC|JAC Motors|Джак\n",
    "zeekr|Zeekr|Zeekr|Зікр|Зикр\n",
    "lincoln|Lincoln|Lincoln Motor Company|Лінкольн|Линкольн\n",
    "gmc|GMC|GMC (automobile)|ДжіЕмСі\n",
    "buick|Buick|Buick|Бʼюїк|Бьюик\n",
    "saab|Saab|Saab Automobile|Сааб\n",
    "moskvich|Moskvich|Moskvitch|Moskvitch|Москвич\n",
    "uaz|UAZ|UAZ|УАЗ\n",
    "gaz|GAZ|GAZ|ГАЗ\n",
    "bogdan|Bogdan|Bogdan (company)|Богдан\n",
    "lynk & co|Lynk & Co|Lynk & Co|Lynk and Co|Лінк енд Ко\n",
    "xpeng|XPeng|XPeng|Сяопен\n",
    "nio|NIO|Nio Inc.|Ніо\n",
    "alpine|Alpine|Alpine (automobile)|Альпін|Альпин\n",
    "omoda|Omoda|Omoda|Омода\n",
);

/// Finds the brand an input names, in any spelling the vocabulary knows
/// (`Рено`, `skoda`, `Škoda`, `mercedes benz`).
pub fn find_brand(input: &str) -> Option<Brand> {
    let key = lookup_key(input);
    if key.is_empty() {
        return None;
    }
    brands().find(|b| matches_any(&key, b.name, b.aliases) || lookup_key(b.id) == key)
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
        assert!(brands().count() >= 75);
        for b in brands() {
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
