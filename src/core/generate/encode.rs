//! Encoding text into URLs and JSON bodies, so a prompt can never add or
//! change a parameter or break out of a string.

use crate::core::text::{trim_prefix, trim_suffix};

/// Percent-encodes everything but the unreserved characters of RFC 3986
/// (`A–Z a–z 0–9 - . _ ~`): safe in a path segment and a query value alike.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(hex_digit(b >> 4));
            out.push(hex_digit(b & 15));
        }
    }
    out
}

fn hex_digit(n: u8) -> char {
    char::from(if n < 10 {
        b'0' + n
    } else {
        b'A' + (n & 15) - 10
    })
}

/// A JSON string literal (quotes included) with everything JSON requires escaped.
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_json_string(&mut out, s);
    out
}

/// Appends `s` as a JSON string literal.
pub fn push_json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                crate::core::text::push_hex(out, &[c as u8]);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Standard base64 with padding (for `data:` URLs of generated SVG).
pub fn base64(bytes: &[u8]) -> String {
    let sym = |i: u32| {
        let i = (i & 63) as u8;
        char::from(match i {
            0..=25 => b'A' + i,
            26..=51 => b'a' + i - 26,
            52..=61 => b'0' + i - 52,
            62 => b'+',
            _ => b'/',
        })
    };
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (b(0) << 16) | (b(1) << 8) | b(2);
        out.push(sym(n >> 18));
        out.push(sym(n >> 12));
        out.push(if chunk.len() > 1 { sym(n >> 6) } else { '=' });
        out.push(if chunk.len() > 2 { sym(n) } else { '=' });
    }
    out
}

/// Joins a base URL and a path without doubling or losing the slash.
pub fn join_url(base: &str, path: &str) -> String {
    format!("{}/{}", trim_suffix(base, "/"), trim_prefix(path, "/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_encoding_leaves_no_delimiter() {
        let e = percent_encode("a b&c=d?e#f/g%h\n\"i'+ж");
        assert_eq!(e, "a%20b%26c%3Dd%3Fe%23f%2Fg%25h%0A%22i%27%2B%D0%B6");
        for c in ['&', '?', '#', '/', '=', ' ', '+', '\n'] {
            assert!(!e.contains(c));
        }
    }

    #[test]
    fn json_strings_are_escaped() {
        assert_eq!(json_string("a\"b\\c\nd\u{1}"), "\"a\\\"b\\\\c\\nd\\u0001\"");
    }

    #[test]
    fn base64_matches_rfc4648_vectors() {
        for (raw, enc) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(raw.as_bytes()), enc);
        }
    }

    #[test]
    fn urls_join_with_one_slash() {
        assert_eq!(join_url("http://x/v1/", "/images"), "http://x/v1/images");
        assert_eq!(join_url("http://x", "image/a"), "http://x/image/a");
    }
}
