//! Model names of the brands most sold in Ukraine and Europe, with their
//! Ukrainian and Russian spellings, so that `Кліо` and `Clio` are one car.
//! A model not listed here passes through as typed (transliterated when it is
//! written in Cyrillic).

use super::words;
use crate::core::text::lookup_key;

/// A model the vocabulary knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Model {
    /// The id of its brand (see [`super::brands::Brand::id`]).
    pub brand: &'static str,
    /// Canonical display spelling (`Clio`, `CX-5`, `Model 3`).
    pub name: &'static str,
    /// Its other spellings, `|`-separated.
    aliases: &'static str,
}

/// Every model of the table, in order.
fn models() -> impl Iterator<Item = Model> {
    MODELS.iter().flat_map(|&(brand, lines)| {
        lines.lines().filter(|l| !l.is_empty()).map(move |line| {
            let mut fields = line.splitn(2, '|');
            let name = fields.next().unwrap_or_default();
            let aliases = fields.next().unwrap_or_default();
            Model {
                brand,
                name,
                aliases,
            }
        })
    })
}

/// Every model the vocabulary knows: per brand id, one line per model —
/// its canonical name, then its aliases, `|`-separated: a table that reads
/// (and grows) one model a line.
static MODELS: &[(&str, &str)] = &[
    (
        "renault",
        concat!(
            "Clio|Кліо|Клио\n",
            "Megane|Mégane|Меган\n",
            "Logan|Логан\n",
            "Sandero|Сандеро\n",
            "Duster|Дастер\n",
            "Captur|Каптур|Каптюр\n",
            "Kadjar|Каджар\n",
            "Koleos|Колеос\n",
            "Arkana|Аркана\n",
            "Kangoo|Кангу\n",
            "Trafic|Трафік|Трафик\n",
            "Fluence|Флюенс\n",
            "Scenic|Scénic|Сценік|Сценик\n",
        ),
    ),
    (
        "volkswagen",
        concat!(
            "Golf|Гольф\n",
            "Passat|Пассат|Пасат\n",
            "Polo|Поло\n",
            "Jetta|Джетта|Джета\n",
            "Tiguan|Тігуан|Тигуан\n",
            "Touareg|Туарег\n",
            "Touran|Туран\n",
            "Caddy|Кадді|Кадди\n",
            "Transporter|Транспортер\n",
            "T-Roc|Т-Рок\n",
            "ID.4|ID4|АйДі 4\n",
            "Arteon|Артеон\n",
        ),
    ),
    (
        "skoda",
        concat!(
            "Octavia|Октавія|Октавия\n",
            "Fabia|Фабія|Фабия\n",
            "Superb|Суперб\n",
            "Kodiaq|Кодіак|Кодиак\n",
            "Karoq|Карок\n",
            "Kamiq|Камік|Камик\n",
            "Rapid|Рапід|Рапид\n",
            "Scala|Скала\n",
            "Enyaq|Еньяк|Эньяк\n",
        ),
    ),
    (
        "toyota",
        concat!(
            "Corolla|Королла|Корола\n",
            "Camry|Камрі|Камри\n",
            "RAV4|Рав4|Рав 4\n",
            "Land Cruiser|Ленд Крузер|Лэнд Крузер\n",
            "Prius|Пріус|Приус\n",
            "Yaris|Яріс|Ярис\n",
            "C-HR|СХР\n",
            "Hilux|Хайлюкс\n",
            "Highlander|Хайлендер\n",
        ),
    ),
    (
        "bmw",
        concat!(
            "3 Series|3er|3-series|тройка\n",
            "5 Series|5er|5-series|пятерка|пʼятірка\n",
            "X3|Х3\n",
            "X5|Х5\n",
            "X6|Х6\n",
            "i3|і3\n",
        ),
    ),
    (
        "mercedes-benz",
        concat!(
            "GLE|ГЛЕ\n",
            "Sprinter|Спринтер|Спрінтер\n",
            "Vito|Віто|Вито\n",
        ),
    ),
    (
        "audi",
        concat!("A3|А3\n", "A4|А4\n", "A6|А6\n", "Q5|Ку5\n", "Q7|Ку7\n",),
    ),
    (
        "hyundai",
        concat!(
            "Tucson|Туксон|Тусон\n",
            "Elantra|Елантра|Элантра\n",
            "Accent|Акцент\n",
            "Santa Fe|Санта Фе\n",
            "Sonata|Соната\n",
            "i30|і30|Ай30\n",
            "Kona|Кона\n",
            "Creta|Крета\n",
        ),
    ),
    (
        "kia",
        concat!(
            "Sportage|Спортейдж|Спортедж\n",
            "Ceed|Cee'd|Сід|Сид\n",
            "Rio|Ріо|Рио\n",
            "Sorento|Соренто\n",
            "Niro|Ніро|Ниро\n",
            "Optima|Оптіма|Оптима\n",
        ),
    ),
    (
        "ford",
        concat!(
            "Focus|Фокус\n",
            "Fiesta|Фієста|Фиеста\n",
            "Mondeo|Мондео\n",
            "Kuga|Куга\n",
            "Fusion|Фьюжн|Фʼюжн\n",
            "Transit|Транзит\n",
            "Ranger|Рейнджер\n",
            "Mustang|Мустанг\n",
            "Escape|Ескейп|Эскейп\n",
        ),
    ),
    (
        "opel",
        concat!(
            "Astra|Астра\n",
            "Corsa|Корса\n",
            "Insignia|Інсігнія|Инсигния\n",
            "Vectra|Вектра\n",
            "Zafira|Зафіра|Зафира\n",
            "Mokka|Мокка\n",
            "Vivaro|Віваро|Виваро\n",
        ),
    ),
    (
        "peugeot",
        concat!("208\n", "308\n", "3008\n", "5008\n", "Partner|Партнер\n",),
    ),
    (
        "citroen",
        concat!(
            "C3|С3\n",
            "C4|С4\n",
            "C5 Aircross|С5 Аіркрос|С5 Эйркросс\n",
            "Berlingo|Берлінго|Берлинго\n",
        ),
    ),
    (
        "nissan",
        concat!(
            "Qashqai|Кашкай\n",
            "Leaf|Ліф|Лиф\n",
            "X-Trail|Ікс-Трейл|Икс-Трейл|Х-Трейл\n",
            "Juke|Жук|Джук\n",
            "Rogue|Рог|Роуг\n",
            "Micra|Мікра|Микра\n",
        ),
    ),
    (
        "mazda",
        concat!(
            "CX-5|СХ-5|СХ5\n",
            "Mazda3|3|Мазда 3\n",
            "Mazda6|6|Мазда 6\n",
            "CX-30|СХ-30\n",
        ),
    ),
    (
        "honda",
        concat!(
            "Civic|Сівік|Сивик\n",
            "Accord|Акорд|Аккорд\n",
            "CR-V|ЦРВ|СРВ\n",
            "HR-V|ХРВ\n",
            "Jazz|Джаз|Fit\n",
        ),
    ),
    (
        "mitsubishi",
        concat!(
            "Outlander|Аутлендер|Аутлэндер\n",
            "Lancer|Лансер\n",
            "Pajero|Паджеро\n",
            "ASX|АСХ\n",
        ),
    ),
    (
        "subaru",
        concat!(
            "Forester|Форестер\n",
            "Outback|Аутбек|Аутбэк\n",
            "Impreza|Імпреза|Импреза\n",
        ),
    ),
    (
        "volvo",
        concat!(
            "XC60|ХС60\n",
            "XC90|ХС90\n",
            "XC40|ХС40\n",
            "S60|С60\n",
            "V60|В60\n",
        ),
    ),
    ("lexus", concat!("RX|РХ|РИкс\n", "NX|НХ\n", "ES|ЕС\n",)),
    (
        "chevrolet",
        concat!(
            "Aveo|Авео\n",
            "Lacetti|Лачетті|Лачетти\n",
            "Cruze|Круз\n",
            "Volt|Вольт\n",
            "Bolt|Болт\n",
            "Malibu|Малібу|Малибу\n",
        ),
    ),
    (
        "daewoo",
        concat!(
            "Lanos|Ланос\n",
            "Sens|Сенс\n",
            "Matiz|Матіз|Матиз\n",
            "Nexia|Нексія|Нексия\n",
        ),
    ),
    (
        "zaz",
        concat!(
            "Forza|Форза\n",
            "Vida|Віда|Вида\n",
            "Tavria|Таврія|Таврия\n",
            "Slavuta|Славута\n",
        ),
    ),
    (
        "lada",
        concat!(
            "Niva|Нива|Ніва\n",
            "Vesta|Веста\n",
            "Granta|Гранта\n",
            "Priora|Пріора|Приора\n",
            "Kalina|Каліна|Калина\n",
        ),
    ),
    (
        "dacia",
        concat!(
            "Duster|Дастер\n",
            "Sandero|Сандеро\n",
            "Logan|Логан\n",
            "Jogger|Джоггер\n",
            "Spring|Спрінг|Спринг\n",
        ),
    ),
    (
        "fiat",
        concat!(
            "500\n",
            "Panda|Панда\n",
            "Tipo|Тіпо|Типо\n",
            "Doblo|Doblò|Добло\n",
        ),
    ),
    (
        "seat",
        concat!("Leon|León|Леон\n", "Ibiza|Ібіца|Ибица\n", "Ateca|Атека\n",),
    ),
    (
        "cupra",
        concat!("Formentor|Формментор|Форментор\n", "Born|Борн\n",),
    ),
    (
        "suzuki",
        concat!(
            "Vitara|Вітара|Витара\n",
            "Swift|Свіфт|Свифт\n",
            "Jimny|Джимні|Джимни\n",
        ),
    ),
    (
        "jeep",
        concat!(
            "Wrangler|Вранглер|Ренглер\n",
            "Grand Cherokee|Гранд Черокі|Гранд Чероки\n",
            "Compass|Компас\n",
            "Renegade|Ренегейд\n",
        ),
    ),
    (
        "land rover",
        concat!(
            "Range Rover|Рендж Ровер|Рейндж Ровер\n",
            "Defender|Дефендер\n",
            "Discovery|Діскавері|Дискавери\n",
        ),
    ),
    (
        "porsche",
        concat!(
            "911\n",
            "Cayenne|Каєнн|Кайен|Каен\n",
            "Macan|Макан\n",
            "Taycan|Тайкан\n",
            "Panamera|Панамера\n",
        ),
    ),
    (
        "tesla",
        concat!(
            "Model 3|Модель 3|M3\n",
            "Model Y|Модель Y|Модель У\n",
            "Model S|Модель S|Модель С\n",
            "Model X|Модель X|Модель Х\n",
        ),
    ),
    (
        "byd",
        concat!(
            "Song Plus|Сонг Плюс\n",
            "Han|Хан\n",
            "Atto 3|Атто 3\n",
            "Seal|Сіл|Сил\n",
        ),
    ),
    (
        "geely",
        concat!(
            "Coolray|Кулрей\n",
            "Emgrand|Емгранд|Эмгранд\n",
            "Atlas|Атлас\n",
        ),
    ),
    (
        "chery",
        concat!("Tiggo|Тіго|Тигго|Тіґо\n", "Amulet|Амулет\n",),
    ),
    ("mg", concat!("ZS|ЗС\n", "MG4|4\n", "HS|ХС\n",)),
    (
        "mini",
        concat!("Cooper|Купер\n", "Countryman|Кантрімен|Кантримен\n",),
    ),
];

/// The models the vocabulary knows of a brand (by brand id), in table order.
pub fn models_of(brand_id: &str) -> impl Iterator<Item = Model> + '_ {
    models().filter(move |m| m.brand == brand_id)
}

/// Finds a model of the given brand (by brand id) that an input names, in
/// any spelling the vocabulary knows.
pub fn find_model(brand_id: &str, input: &str) -> Option<Model> {
    let key = lookup_key(input);
    if key.is_empty() {
        return None;
    }
    models()
        .filter(|m| m.brand == brand_id)
        .find(|m| lookup_key(m.name) == key || words(m.aliases).any(|a| lookup_key(a) == key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::vocab::brands::brands;

    #[test]
    fn every_model_belongs_to_a_known_brand() {
        assert!(models().count() >= 190);
        for &(brand, lines) in MODELS {
            assert!(lines.ends_with('\n') && !lines.contains("\n\n"), "{brand}");
        }
        for m in models() {
            assert!(
                brands().any(|b| b.id == m.brand),
                "{} has unknown brand {}",
                m.name,
                m.brand
            );
        }
    }

    #[test]
    fn aliases_are_unambiguous_within_a_brand() {
        let all: Vec<Model> = models().collect();
        for (i, a) in all.iter().enumerate() {
            let keys = |m: &Model| -> Vec<String> {
                std::iter::once(m.name)
                    .chain(words(m.aliases))
                    .map(lookup_key)
                    .collect()
            };
            for b in all[i + 1..].iter().filter(|b| b.brand == a.brand) {
                for k in keys(a) {
                    assert!(!keys(b).contains(&k), "{}/{} share {k}", a.name, b.name);
                }
            }
        }
    }

    #[test]
    fn finds_models_in_three_scripts() {
        assert_eq!(find_model("renault", "Кліо").map(|m| m.name), Some("Clio"));
        assert_eq!(find_model("renault", "Клио").map(|m| m.name), Some("Clio"));
        assert_eq!(find_model("renault", "clio").map(|m| m.name), Some("Clio"));
        assert_eq!(
            find_model("skoda", "Октавія").map(|m| m.name),
            Some("Octavia")
        );
        assert_eq!(find_model("mazda", "cx5").map(|m| m.name), Some("CX-5"));
        assert_eq!(find_model("toyota", "rav 4").map(|m| m.name), Some("RAV4"));
        assert_eq!(
            find_model("tesla", "model y").map(|m| m.name),
            Some("Model Y")
        );
        assert_eq!(find_model("volkswagen", "Clio"), None);
    }
}
