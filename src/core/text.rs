//! Small text helpers shared by the vocabulary and the validation: the
//! look-up key that makes aliases match however they are typed, white-space
//! collapsing, and Cyrillic-to-Latin transliteration for words the
//! vocabulary does not know. Also the few string and number routines the
//! module needs, written small — splitting at a byte, substring and byte-set
//! checks, digits in and out — where std's general ones (pattern searchers,
//! memchr, integer formatting and parsing) would each add to the wasm build
//! more than the code that uses them.

/// Trims and collapses every run of white space to one ASCII space.
pub fn collapse_whitespace(s: &str) -> String {
    join(s.split_whitespace(), " ")
}

/// The parts with `sep` between them: `[T]::join` for any iterator of
/// strings, in one small loop (std's join costs the wasm about 1 KB for
/// each type it is used with).
pub fn join<S: AsRef<str>>(parts: impl IntoIterator<Item = S>, sep: &str) -> String {
    let mut out = String::new();
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(part.as_ref());
    }
    out
}

/// Where `needle` first occurs in `hay` (a byte offset, on a character
/// boundary as both are UTF-8). A plain scan: std's substring search
/// (two-way) costs the wasm build 2 KB, for needles of a few letters.
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.as_bytes()
        .windows(needle.len())
        .position(|w| w == needle.as_bytes())
}

/// Whether `needle` occurs in `hay` (see [`find`]).
pub fn contains(hay: &str, needle: &str) -> bool {
    find(hay, needle).is_some()
}

/// `s` without every trailing repeat of `suffix` (`str::trim_end_matches`
/// for a string suffix, without std's substring searcher).
pub fn trim_suffix<'a>(mut s: &'a str, suffix: &str) -> &'a str {
    while let Some(stem) = s.strip_suffix(suffix) {
        s = stem;
    }
    s
}

/// `s` without every leading repeat of `prefix` (see [`trim_suffix`]).
pub fn trim_prefix<'a>(mut s: &'a str, prefix: &str) -> &'a str {
    while let Some(rest) = s.strip_prefix(prefix) {
        s = rest;
    }
    s
}

/// `s` split at every `sep` byte, an ASCII separator: `str::split` without
/// std's pattern searchers (memchr and its kin cost the wasm build 1.5 KB).
/// [`Pieces::rest`] gives what `splitn` leaves in its last piece.
pub fn pieces(s: &str, sep: u8) -> Pieces<'_> {
    Pieces { rest: Some(s), sep }
}

/// The iterator of [`pieces`].
#[derive(Debug, Clone)]
pub struct Pieces<'a> {
    rest: Option<&'a str>,
    sep: u8,
}

impl<'a> Pieces<'a> {
    /// Everything after the pieces read so far, separators included.
    pub fn rest(self) -> &'a str {
        self.rest.unwrap_or_default()
    }
}

impl<'a> Iterator for Pieces<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let s = self.rest?;
        match s.bytes().position(|b| b == self.sep) {
            Some(i) => {
                self.rest = s.get(i + 1..);
                s.get(..i)
            }
            None => {
                self.rest = None;
                Some(s)
            }
        }
    }
}

/// The lines of a table kept as one string, every line ending in `\n`.
pub fn rows(table: &str) -> impl Iterator<Item = &str> {
    pieces(table, b'\n').filter(|line| !line.is_empty())
}

/// Whether `b` is one of `set`: `<[u8]>::contains` without the memchr it
/// brings into the wasm build, for sets of a few bytes.
// Deliberately not `contains`: that is the memchr this function avoids.
#[allow(clippy::manual_contains)]
pub fn is_one_of(b: u8, set: &[u8]) -> bool {
    set.iter().any(|&s| s == b)
}

/// `s` up to the first of the `stops` bytes (all of `s` when none occurs).
pub fn before_any<'a>(s: &'a str, stops: &[u8]) -> &'a str {
    let end = s.bytes().position(|b| is_one_of(b, stops));
    s.get(..end.unwrap_or(s.len())).unwrap_or(s)
}

/// `hay` before and after the first `sep` (`str::split_once` through [`find`]).
pub fn split_once<'a>(hay: &'a str, sep: &str) -> Option<(&'a str, &'a str)> {
    let i = find(hay, sep)?;
    Some((hay.get(..i)?, hay.get(i + sep.len()..)?))
}

/// The number the ASCII digits of `s` write in `radix` (2 to 16): no sign,
/// no spaces; `None` for anything else or a number past `u32::MAX`.
/// One small loop for every radix: std's integer parsers are one each.
pub fn digits(s: &str, radix: u32) -> Option<u32> {
    if s.is_empty() || !(2..=16).contains(&radix) {
        return None;
    }
    s.chars().try_fold(0u32, |n, c| {
        n.checked_mul(radix)?.checked_add(c.to_digit(radix)?)
    })
}

/// Appends the decimal digits of `n`: core's integer formatting costs the
/// wasm build 1 KB, for the few numbers the module writes.
pub fn push_digits(out: &mut String, n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut n = n;
    loop {
        i -= 1;
        if let Some(slot) = buf.get_mut(i) {
            *slot = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || i == 0 {
            break;
        }
    }
    for &b in buf.get(i..).unwrap_or_default() {
        out.push(char::from(b));
    }
}

/// Appends `.` and the fraction `frac / 10^width` (`frac < 10^width`) in
/// its `width` digits, trailing zeros dropped; nothing when it is 0.
/// `push_fraction(s, 50, 3)` appends `.05`.
pub fn push_fraction(out: &mut String, mut frac: u64, mut width: u32) {
    if frac == 0 {
        return;
    }
    while frac % 10 == 0 {
        frac /= 10;
        width = width.saturating_sub(1);
    }
    out.push('.');
    let mut digits = 1;
    let mut rest = frac;
    while rest >= 10 {
        rest /= 10;
        digits += 1;
    }
    for _ in digits..width {
        out.push('0');
    }
    push_digits(out, frac);
}

/// An integer that `format!` writes with [`push_digits`], so that no
/// message of the module pulls in core's integer formatting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Int(pub i64);

impl std::fmt::Display for Int {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut s = String::new();
        if self.0 < 0 {
            s.push('-');
        }
        push_digits(&mut s, self.0.unsigned_abs());
        f.write_str(&s)
    }
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

/// Appends `bytes` as lowercase hexadecimal, two digits a byte.
pub fn push_hex(out: &mut String, bytes: &[u8]) {
    for &b in bytes {
        for nibble in [b >> 4, b & 15] {
            out.extend(char::from_digit(u32::from(nibble), 16));
        }
    }
}

/// `bytes` as lowercase hexadecimal (`[0xca, 0xfe]` is `"cafe"`).
pub fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    push_hex(&mut out, bytes);
    out
}

/// Full Unicode lowercase (the same mapping as Python's `str.lower` and
/// JavaScript's `toLowerCase`), for the free text that enters the identity
/// and the prompts. In the browser it is JavaScript's own, so the release
/// wasm carries no Unicode case tables (16 KB); natively it is std's.
pub fn lowercase(s: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::JsString::from(s).to_lower_case())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        s.to_lowercase()
    }
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
    fn pieces_agree_with_std_split() {
        for s in ["", "a", "a|b", "|a||b|", "Кліо|Клио|", "||", "no separator"] {
            let ours: Vec<&str> = pieces(s, b'|').collect();
            assert_eq!(ours, s.split('|').collect::<Vec<_>>(), "{s:?}");
            for n in 1..5 {
                let mut p = pieces(s, b'|');
                let mut head: Vec<&str> = (1..n).map_while(|_| p.next()).collect();
                if head.len() == n - 1 && p.clone().next().is_some() {
                    head.push(p.rest());
                }
                assert_eq!(head, s.splitn(n, '|').collect::<Vec<_>>(), "{s:?} {n}");
            }
            let table = s.replace('|', "\n");
            assert_eq!(
                rows(&table).collect::<Vec<_>>(),
                table.lines().filter(|l| !l.is_empty()).collect::<Vec<_>>()
            );
        }
        assert_eq!(rows("a\nb\n").collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(before_any("host:80/path?q", b"/?"), "host:80");
        assert_eq!(before_any("host", b"/?"), "host");
        assert_eq!(before_any("", b"/"), "");
        assert_eq!(trim_prefix("//a/", "/"), "a/");
        assert_eq!(trim_suffix("//a//", "/"), "//a");
    }

    #[test]
    fn numbers_are_written_as_std_writes_them() {
        for n in [0i64, 7, -7, 10, 2019, -100, i64::MAX, i64::MIN] {
            assert_eq!(Int(n).to_string(), n.to_string());
            assert_eq!(format!("[{}]", Int(n)), format!("[{n}]"));
        }
        for (frac, width, want) in [
            (0, 3, ""),
            (5, 1, ".5"),
            (50, 3, ".05"),
            (120, 3, ".12"),
            (1, 6, ".000001"),
            (999_999, 6, ".999999"),
        ] {
            let mut s = String::new();
            push_fraction(&mut s, frac, width);
            assert_eq!(s, want, "{frac} {width}");
        }
    }

    #[test]
    fn digits_agree_with_std() {
        for s in [
            "0",
            "7",
            "2019",
            "00042",
            "4294967295",
            "4294967296",
            "",
            "+1",
            "-1",
            "1 2",
            "ff",
            "x",
            "١٢",
        ] {
            assert_eq!(
                digits(s, 10),
                s.parse::<u32>().ok().filter(|_| !s.starts_with('+')),
                "{s:?}"
            );
        }
        for s in [
            "0",
            "ff",
            "FF",
            "1F697",
            "ffffffff",
            "100000000",
            "",
            "+f",
            "g",
            "0x1",
        ] {
            assert_eq!(
                digits(s, 16),
                u32::from_str_radix(s, 16)
                    .ok()
                    .filter(|_| !s.starts_with('+')),
                "{s:?}"
            );
        }
        // Outside the radixes it reads (where char::to_digit would panic): None.
        assert_eq!(digits("1", 1), None);
        assert_eq!(digits("1", 37), None);
    }

    #[test]
    fn prefixes_cut_at_characters() {
        assert_eq!(prefix("Кліо", 2), "Кл");
        assert_eq!(prefix("Кліо", 4), "Кліо");
        assert_eq!(prefix("Кліо", 9), "Кліо");
        assert_eq!(prefix("", 3), "");
        assert_eq!(prefix("abc", 0), "");
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
    fn find_agrees_with_std() {
        for (hay, needle) in [
            ("abc://x", "://"),
            ("", "a"),
            ("a", ""),
            ("queue full", "queue full"),
            ("прага octavia білий", "octavia"),
            ("ab", "abc"),
            ("aab", "ab"),
            ("Logo.svg.svg", ".svg"),
        ] {
            assert_eq!(find(hay, needle), hay.find(needle), "{hay} / {needle}");
            assert_eq!(contains(hay, needle), hay.contains(needle));
            assert_eq!(split_once(hay, needle), hay.split_once(needle));
            if !needle.is_empty() {
                assert_eq!(trim_suffix(hay, needle), hay.trim_end_matches(needle));
            }
        }
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
        assert_eq!(lowercase("ŠKODA Ελλάδα İ"), "škoda ελλάδα i̇");
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
