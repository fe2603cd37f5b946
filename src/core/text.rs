//! Small text helpers shared by the vocabulary and the validation: the
//! look-up key that makes aliases match however they are typed, white-space
//! collapsing, and Cyrillic-to-Latin transliteration for words the
//! vocabulary does not know.

/// Trims and collapses every run of white space to one ASCII space.
pub fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The key aliases are matched on: lowercase, Latin diacritics folded
/// (`Škoda` = `skoda`, `coupé` = `coupe`), `ё` folded to `е`, and separators
/// (white space, `-`, `_`, `.`, `/`, apostrophes) dropped, so that `CX-5`,
/// `cx 5` and `cx5`, or `інтер'єр` and `інтерʼєр`, are one key.
pub fn lookup_key(s: &str) -> String {
    let mut key = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_whitespace() || matches!(c, '-' | '_' | '.' | '/' | '\'' | '’' | 'ʼ' | '`' | '‘')
        {
            continue;
        }
        for lower in c.to_lowercase() {
            key.push(fold_char(lower));
        }
    }
    key
}

fn fold_char(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ą' => 'a',
        'ç' | 'č' | 'ć' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ů' => 'u',
        'ý' | 'ÿ' => 'y',
        'š' | 'ś' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ř' => 'r',
        'ł' => 'l',
        'ё' => 'е',
        other => other,
    }
}

/// Whether the text holds a Cyrillic letter.
pub fn has_cyrillic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

/// Transliterates Ukrainian and Russian Cyrillic to Latin (the Ukrainian
/// national system of 2010 for Ukrainian letters, its closest equivalents for
/// Russian-only ones), keeping the case of each letter. Other characters pass
/// through. Used for brand and model names the vocabulary does not know, so
/// that the English prompt and the identity stay in Latin script.
pub fn transliterate(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    for c in s.chars() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        let latin = match lower {
            'а' => "a",
            'б' => "b",
            'в' => "v",
            'г' => "h",
            'ґ' => "g",
            'д' => "d",
            'е' => "e",
            'є' => "ie",
            'ё' => "io",
            'ж' => "zh",
            'з' => "z",
            'и' => "y",
            'і' => "i",
            'ї' => "i",
            'й' => "i",
            'к' => "k",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'о' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' => "u",
            'ф' => "f",
            'х' => "kh",
            'ц' => "ts",
            'ч' => "ch",
            'ш' => "sh",
            'щ' => "shch",
            'ъ' | 'ь' => "",
            'ы' => "y",
            'э' => "e",
            'ю' => "iu",
            'я' => "ia",
            _ => {
                out.push(c);
                continue;
            }
        };
        if lower != c {
            let mut chars = latin.chars();
            if let Some(first) = chars.next() {
                out.push(first.to_ascii_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push_str(latin);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_white_space() {
        assert_eq!(collapse_whitespace("  Land \t  Rover\n"), "Land Rover");
        assert_eq!(collapse_whitespace(""), "");
    }

    #[test]
    fn keys_ignore_case_separators_and_diacritics() {
        assert_eq!(lookup_key("Škoda"), "skoda");
        assert_eq!(lookup_key("CX-5"), lookup_key("cx 5"));
        assert_eq!(lookup_key("Citroën"), "citroen");
        assert_eq!(lookup_key("Чёрный"), "черный");
        assert_eq!(lookup_key("інтер'єр"), lookup_key("інтерʼєр"));
        assert_eq!(lookup_key("front_left"), lookup_key("Front-Left"));
    }

    #[test]
    fn transliterates_ukrainian_and_russian_keeping_case() {
        assert_eq!(transliterate("Кліо"), "Klio");
        assert_eq!(transliterate("Жигулі"), "Zhyhuli");
        assert_eq!(transliterate("Щука 2"), "Shchuka 2");
        assert_eq!(transliterate("Волга"), "Volha");
        assert_eq!(transliterate("Golf"), "Golf");
        assert!(has_cyrillic("Рено"));
        assert!(!has_cyrillic("Renault"));
    }
}
