//! Text helpers std does not have, shared by the vocabulary and the
//! validation: the look-up key that makes aliases match however they are
//! typed, white-space collapsing, cutting at a character count, hex, and
//! Cyrillic-to-Latin transliteration for words the vocabulary does not know.

/// Trims and collapses every run of white space to one ASCII space.
pub fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first `max` characters of `s` (all of `s` when it is shorter).
pub fn prefix(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((end, _)) => s.get(..end).unwrap_or(s),
        None => s,
    }
}

/// `s` cut to `max` characters, with `…` after it when something was cut.
pub fn ellipsis(s: &str, max: usize) -> String {
    let cut = prefix(s, max);
    if cut.len() < s.len() {
        format!("{cut}…")
    } else {
        cut.to_owned()
    }
}

/// `bytes` as lowercase hexadecimal (`[0xca, 0xfe]` is `"cafe"`).
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The number the ASCII digits of `s` write in `radix`: no sign, no
/// spaces (which `from_str_radix` would take); `None` for anything else or
/// a number past `u32::MAX`.
pub fn digits(s: &str, radix: u32) -> Option<u32> {
    if s.is_empty() || !s.chars().all(|c| c.is_digit(radix.clamp(2, 36))) {
        return None;
    }
    u32::from_str_radix(s, radix).ok()
}

/// Lowercase of one letter of the scripts the vocabulary is written in
/// (Latin with Latin-1 and Extended-A, Greek, Cyrillic); anything else
/// unchanged. Table-free, so matching costs no Unicode data.
fn lower_char(c: char) -> char {
    let u = c as u32;
    let lower = match u {
        // Std maps İ to i and a combining dot; the key keeps the i.
        0x130 => 0x69,
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => {
            u + 32
        }
        0x400..=0x40F => u + 80,
        0x386 => 0x3AC,
        0x388..=0x38A => u + 37,
        0x38C => 0x3CC,
        0x38E..=0x38F => u + 63,
        0x100..=0x137 | 0x14A..=0x177 | 0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F
            if u % 2 == 0 =>
        {
            u + 1
        }
        0x139..=0x148 | 0x179..=0x17E | 0x4C1..=0x4CE if u % 2 == 1 => u + 1,
        0x178 => 0xFF,
        0x4C0 => 0x4CF,
        _ => u,
    };
    char::from_u32(lower).unwrap_or(c)
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
        key.push(fold_char(lower_char(c)));
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
        let lower = lower_char(c);
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
    fn digits_take_bare_digits_only() {
        assert_eq!(digits("2019", 10), Some(2019));
        assert_eq!(digits("00042", 10), Some(42));
        assert_eq!(digits("4294967296", 10), None);
        for bad in ["", "+1", "-1", "1 2", "ff", "١٢"] {
            assert_eq!(digits(bad, 10), None, "{bad:?}");
        }
        assert_eq!(digits("1F697", 16), Some(0x1F697));
        assert_eq!(digits("+f", 16), None);
        assert_eq!(digits("0x1", 16), None);
    }

    #[test]
    fn prefixes_cut_at_characters() {
        for s in ["", "a", "abc", "Кліо", "日本語テキスト", "a\u{1F697}b"] {
            for n in 0..8 {
                let want: String = s.chars().take(n).collect();
                assert_eq!(prefix(s, n), want, "{s:?} {n}");
            }
        }
        assert_eq!(ellipsis("Кліо", 2), "Кл…");
        assert_eq!(ellipsis("Кліо", 4), "Кліо");
        assert_eq!(ellipsis("", 0), "");
    }

    #[test]
    fn letters_lowercase_like_std_in_the_vocabulary_scripts() {
        let ranges = [0x20..0x250u32, 0x370..0x400, 0x400..0x530];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            let mut std_lower = c.to_lowercase();
            let (first, rest) = (std_lower.next(), std_lower.next());
            if rest.is_none() && first.is_some_and(|l| (l as u32) < 0x530 && l != c) {
                // Only the one-to-one mappings inside these blocks are promised.
                if (0x100..0x180).contains(&(c as u32))
                    || (0x380..0x3AC).contains(&(c as u32))
                    || (c as u32) < 0x100
                    || (0x400..0x530).contains(&(c as u32))
                {
                    assert_eq!(Some(lower_char(c)), first, "{c} U+{:04X}", c as u32);
                }
            }
        }
        assert_eq!(lower_char('İ'), 'i');
    }

    #[test]
    fn hex_is_lowercase_two_digits_a_byte() {
        assert_eq!(hex(&[0x00, 0x0f, 0xca, 0xfe, 0xff]), "000fcafeff");
        assert_eq!(hex(&[]), "");
    }

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
