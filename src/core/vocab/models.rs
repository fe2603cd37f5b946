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
    aliases: &'static str,
}

const fn m(brand: &'static str, name: &'static str, aliases: &'static str) -> Model {
    Model {
        brand,
        name,
        aliases,
    }
}

/// Every model the vocabulary knows.
pub static MODELS: &[Model] = &[
    m("renault", "Clio", "Кліо|Клио"),
    m("renault", "Megane", "Mégane|Меган"),
    m("renault", "Logan", "Логан"),
    m("renault", "Sandero", "Сандеро"),
    m("renault", "Duster", "Дастер"),
    m("renault", "Captur", "Каптур|Каптюр"),
    m("renault", "Kadjar", "Каджар"),
    m("renault", "Koleos", "Колеос"),
    m("renault", "Arkana", "Аркана"),
    m("renault", "Kangoo", "Кангу"),
    m("renault", "Trafic", "Трафік|Трафик"),
    m("renault", "Fluence", "Флюенс"),
    m("renault", "Scenic", "Scénic|Сценік|Сценик"),
    m("volkswagen", "Golf", "Гольф"),
    m("volkswagen", "Passat", "Пассат|Пасат"),
    m("volkswagen", "Polo", "Поло"),
    m("volkswagen", "Jetta", "Джетта|Джета"),
    m("volkswagen", "Tiguan", "Тігуан|Тигуан"),
    m("volkswagen", "Touareg", "Туарег"),
    m("volkswagen", "Touran", "Туран"),
    m("volkswagen", "Caddy", "Кадді|Кадди"),
    m("volkswagen", "Transporter", "Транспортер"),
    m("volkswagen", "T-Roc", "Т-Рок"),
    m("volkswagen", "ID.4", "ID4|АйДі 4"),
    m("volkswagen", "Arteon", "Артеон"),
    m("skoda", "Octavia", "Октавія|Октавия"),
    m("skoda", "Fabia", "Фабія|Фабия"),
    m("skoda", "Superb", "Суперб"),
    m("skoda", "Kodiaq", "Кодіак|Кодиак"),
    m("skoda", "Karoq", "Карок"),
    m("skoda", "Kamiq", "Камік|Камик"),
    m("skoda", "Rapid", "Рапід|Рапид"),
    m("skoda", "Scala", "Скала"),
    m("skoda", "Enyaq", "Еньяк|Эньяк"),
    m("toyota", "Corolla", "Королла|Корола"),
    m("toyota", "Camry", "Камрі|Камри"),
    m("toyota", "RAV4", "Рав4|Рав 4"),
    m("toyota", "Land Cruiser", "Ленд Крузер|Лэнд Крузер"),
    m("toyota", "Prius", "Пріус|Приус"),
    m("toyota", "Yaris", "Яріс|Ярис"),
    m("toyota", "C-HR", "СХР"),
    m("toyota", "Hilux", "Хайлюкс"),
    m("toyota", "Highlander", "Хайлендер"),
    m("bmw", "3 Series", "3er|3-series|тройка"),
    m("bmw", "5 Series", "5er|5-series|пятерка|пʼятірка"),
    m("bmw", "X3", "Х3"),
    m("bmw", "X5", "Х5"),
    m("bmw", "X6", "Х6"),
    m("bmw", "i3", "і3"),
    m(
        "mercedes-benz",
        "C-Class",
        "C Class|C-Klasse|С-Клас|С-Класс",
    ),
    m(
        "mercedes-benz",
        "E-Class",
        "E Class|E-Klasse|Е-Клас|Е-Класс",
    ),
    m(
        "mercedes-benz",
        "S-Class",
        "S Class|S-Klasse|Ес-клас|Эс-класс",
    ),
    m("mercedes-benz", "GLE", "ГЛЕ"),
    m(
        "mercedes-benz",
        "G-Class",
        "G Class|Gelandewagen|Гелендваген|Гелик",
    ),
    m("mercedes-benz", "Sprinter", "Спринтер|Спрінтер"),
    m("mercedes-benz", "Vito", "Віто|Вито"),
    m("audi", "A3", "А3"),
    m("audi", "A4", "А4"),
    m("audi", "A6", "А6"),
    m("audi", "Q5", "Ку5"),
    m("audi", "Q7", "Ку7"),
    m("hyundai", "Tucson", "Туксон|Тусон"),
    m("hyundai", "Elantra", "Елантра|Элантра"),
    m("hyundai", "Accent", "Акцент"),
    m("hyundai", "Santa Fe", "Санта Фе"),
    m("hyundai", "Sonata", "Соната"),
    m("hyundai", "i30", "і30|Ай30"),
    m("hyundai", "Kona", "Кона"),
    m("hyundai", "Creta", "Крета"),
    m("kia", "Sportage", "Спортейдж|Спортедж"),
    m("kia", "Ceed", "Cee'd|Сід|Сид"),
    m("kia", "Rio", "Ріо|Рио"),
    m("kia", "Sorento", "Соренто"),
    m("kia", "Niro", "Ніро|Ниро"),
    m("kia", "Optima", "Оптіма|Оптима"),
    m("ford", "Focus", "Фокус"),
    m("ford", "Fiesta", "Фієста|Фиеста"),
    m("ford", "Mondeo", "Мондео"),
    m("ford", "Kuga", "Куга"),
    m("ford", "Fusion", "Фьюжн|Фʼюжн"),
    m("ford", "Transit", "Транзит"),
    m("ford", "Ranger", "Рейнджер"),
    m("ford", "Mustang", "Мустанг"),
    m("ford", "Escape", "Ескейп|Эскейп"),
    m("opel", "Astra", "Астра"),
    m("opel", "Corsa", "Корса"),
    m("opel", "Insignia", "Інсігнія|Инсигния"),
    m("opel", "Vectra", "Вектра"),
    m("opel", "Zafira", "Зафіра|Зафира"),
    m("opel", "Mokka", "Мокка"),
    m("opel", "Vivaro", "Віваро|Виваро"),
    m("peugeot", "208", ""),
    m("peugeot", "308", ""),
    m("peugeot", "3008", ""),
    m("peugeot", "5008", ""),
    m("peugeot", "Partner", "Партнер"),
    m("citroen", "C3", "С3"),
    m("citroen", "C4", "С4"),
    m("citroen", "C5 Aircross", "С5 Аіркрос|С5 Эйркросс"),
    m("citroen", "Berlingo", "Берлінго|Берлинго"),
    m("nissan", "Qashqai", "Кашкай"),
    m("nissan", "Leaf", "Ліф|Лиф"),
    m("nissan", "X-Trail", "Ікс-Трейл|Икс-Трейл|Х-Трейл"),
    m("nissan", "Juke", "Жук|Джук"),
    m("nissan", "Rogue", "Рог|Роуг"),
    m("nissan", "Micra", "Мікра|Микра"),
    m("mazda", "CX-5", "СХ-5|СХ5"),
    m("mazda", "Mazda3", "3|Мазда 3"),
    m("mazda", "Mazda6", "6|Мазда 6"),
    m("mazda", "CX-30", "СХ-30"),
    m("honda", "Civic", "Сівік|Сивик"),
    m("honda", "Accord", "Акорд|Аккорд"),
    m("honda", "CR-V", "ЦРВ|СРВ"),
    m("honda", "HR-V", "ХРВ"),
    m("honda", "Jazz", "Джаз|Fit"),
    m("mitsubishi", "Outlander", "Аутлендер|Аутлэндер"),
    m("mitsubishi", "Lancer", "Лансер"),
    m("mitsubishi", "Pajero", "Паджеро"),
    m("mitsubishi", "ASX", "АСХ"),
    m("subaru", "Forester", "Форестер"),
    m("subaru", "Outback", "Аутбек|Аутбэк"),
    m("subaru", "Impreza", "Імпреза|Импреза"),
    m("volvo", "XC60", "ХС60"),
    m("volvo", "XC90", "ХС90"),
    m("volvo", "XC40", "ХС40"),
    m("volvo", "S60", "С60"),
    m("volvo", "V60", "В60"),
    m("lexus", "RX", "РХ|РИкс"),
    m("lexus", "NX", "НХ"),
    m("lexus", "ES", "ЕС"),
    m("chevrolet", "Aveo", "Авео"),
    m("chevrolet", "Lacetti", "Лачетті|Лачетти"),
    m("chevrolet", "Cruze", "Круз"),
    m("chevrolet", "Volt", "Вольт"),
    m("chevrolet", "Bolt", "Болт"),
    m("chevrolet", "Malibu", "Малібу|Малибу"),
    m("daewoo", "Lanos", "Ланос"),
    m("daewoo", "Sens", "Сенс"),
    m("daewoo", "Matiz", "Матіз|Матиз"),
    m("daewoo", "Nexia", "Нексія|Нексия"),
    m("zaz", "Forza", "Форза"),
    m("zaz", "Vida", "Віда|Вида"),
    m("zaz", "Tavria", "Таврія|Таврия"),
    m("zaz", "Slavuta", "Славута"),
    m("lada", "Niva", "Нива|Ніва"),
    m("lada", "Vesta", "Веста"),
    m("lada", "Granta", "Гранта"),
    m("lada", "Priora", "Пріора|Приора"),
    m("lada", "Kalina", "Каліна|Калина"),
    m("dacia", "Duster", "Дастер"),
    m("dacia", "Sandero", "Сандеро"),
    m("dacia", "Logan", "Логан"),
    m("dacia", "Jogger", "Джоггер"),
    m("dacia", "Spring", "Спрінг|Спринг"),
    m("fiat", "500", ""),
    m("fiat", "Panda", "Панда"),
    m("fiat", "Tipo", "Тіпо|Типо"),
    m("fiat", "Doblo", "Doblò|Добло"),
    m("seat", "Leon", "León|Леон"),
    m("seat", "Ibiza", "Ібіца|Ибица"),
    m("seat", "Ateca", "Атека"),
    m("cupra", "Formentor", "Формментор|Форментор"),
    m("cupra", "Born", "Борн"),
    m("suzuki", "Vitara", "Вітара|Витара"),
    m("suzuki", "Swift", "Свіфт|Свифт"),
    m("suzuki", "Jimny", "Джимні|Джимни"),
    m("jeep", "Wrangler", "Вранглер|Ренглер"),
    m("jeep", "Grand Cherokee", "Гранд Черокі|Гранд Чероки"),
    m("jeep", "Compass", "Компас"),
    m("jeep", "Renegade", "Ренегейд"),
    m("land rover", "Range Rover", "Рендж Ровер|Рейндж Ровер"),
    m("land rover", "Defender", "Дефендер"),
    m("land rover", "Discovery", "Діскавері|Дискавери"),
    m("porsche", "911", ""),
    m("porsche", "Cayenne", "Каєнн|Кайен|Каен"),
    m("porsche", "Macan", "Макан"),
    m("porsche", "Taycan", "Тайкан"),
    m("porsche", "Panamera", "Панамера"),
    m("tesla", "Model 3", "Модель 3|M3"),
    m("tesla", "Model Y", "Модель Y|Модель У"),
    m("tesla", "Model S", "Модель S|Модель С"),
    m("tesla", "Model X", "Модель X|Модель Х"),
    m("byd", "Song Plus", "Сонг Плюс"),
    m("byd", "Han", "Хан"),
    m("byd", "Atto 3", "Атто 3"),
    m("byd", "Seal", "Сіл|Сил"),
    m("geely", "Coolray", "Кулрей"),
    m("geely", "Emgrand", "Емгранд|Эмгранд"),
    m("geely", "Atlas", "Атлас"),
    m("chery", "Tiggo", "Тіго|Тигго|Тіґо"),
    m("chery", "Amulet", "Амулет"),
    m("mg", "ZS", "ЗС"),
    m("mg", "MG4", "4"),
    m("mg", "HS", "ХС"),
    m("mini", "Cooper", "Купер"),
    m("mini", "Countryman", "Кантрімен|Кантримен"),
];

/// Finds a model of the given brand (by brand id) that an input names, in
/// any spelling the vocabulary knows.
pub fn find_model(brand_id: &str, input: &str) -> Option<&'static Model> {
    let key = lookup_key(input);
    if key.is_empty() {
        return None;
    }
    MODELS
        .iter()
        .filter(|m| m.brand == brand_id)
        .find(|m| lookup_key(m.name) == key || words(m.aliases).any(|a| lookup_key(a) == key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::vocab::brands::brand_by_id;

    #[test]
    fn every_model_belongs_to_a_known_brand() {
        for m in MODELS {
            assert!(
                brand_by_id(m.brand).is_some(),
                "{} has unknown brand {}",
                m.name,
                m.brand
            );
        }
    }

    #[test]
    fn aliases_are_unambiguous_within_a_brand() {
        for (i, a) in MODELS.iter().enumerate() {
            let keys = |m: &Model| -> Vec<String> {
                std::iter::once(m.name)
                    .chain(words(m.aliases))
                    .map(lookup_key)
                    .collect()
            };
            for b in MODELS[i + 1..].iter().filter(|b| b.brand == a.brand) {
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
