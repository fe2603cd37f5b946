//! Encoding text into URLs and `data:` URLs, so a prompt can never add or
//! change a parameter.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// RFC 3986's unreserved characters (`A–Z a–z 0–9 - . _ ~`) stay as they
/// are; everything else is percent-encoded.
const RESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encodes everything but the unreserved characters of RFC 3986:
/// safe in a path segment and a query value alike.
pub fn percent_encode(s: &str) -> String {
    utf8_percent_encode(s, RESERVED).to_string()
}

/// Standard base64 with padding (for `data:` URLs of generated SVG).
pub fn base64(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

/// Joins a base URL and a path without doubling or losing the slash.
pub fn join_url(base: &str, path: &str) -> String {
    format!(
        "{}/{}",
        base.trim_end_matches('/'),
        path.trim_start_matches('/')
    )
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
