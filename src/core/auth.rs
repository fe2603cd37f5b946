//! "Sign in with Pollinations" (BYOP: bring your own Pollen): the OAuth 2
//! authorization-code flow with PKCE (S256). The user authorises the app's
//! publishable key (`pk_…`, the OAuth client id) and the app receives the
//! user's own key, paid by the user. Pure parts: URLs, the code challenge,
//! the token request and answer.

use sha2::{Digest, Sha256};

use crate::core::error::{CarViewsError, Rule};
use crate::core::generate::encode::{join_url, percent_encode};
use crate::core::raw::Raw;
use crate::core::text::prefix;

/// Default authorization server.
pub const AUTH_URL: &str = "https://enter.pollinations.ai";

/// Base64url without padding (RFC 4648 §5), as PKCE wants it.
pub fn base64url(bytes: &[u8]) -> String {
    crate::core::generate::encode::base64(bytes)
        .trim_end_matches('=')
        .replace('+', "-")
        .replace('/', "_")
}

/// The S256 code challenge of a verifier: base64url(SHA-256(verifier)).
pub fn code_challenge(verifier: &str) -> String {
    base64url(&Sha256::digest(verifier.as_bytes()))
}

/// Checks the app key (`pk_…`) and the redirect URI (`https:`, or `http:` on
/// a loopback host for development).
pub fn check_client(client_id: &str, redirect_uri: &str) -> Result<(), CarViewsError> {
    if !client_id.starts_with("pk_")
        || client_id.len() > 200
        || !client_id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_-".contains(&b))
    {
        return Err(CarViewsError::invalid(
            "clientId",
            Rule::OutOfRange,
            "must be your app's publishable key (pk_…)",
        ));
    }
    crate::core::generate::options::check_url(redirect_uri, "redirectUri", true)
}

/// How the app asks to narrow the key the user grants: which models it may
/// use, how much pollen it may spend, for how many days.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Narrowing {
    /// Model names (`models=flux,kontext`); empty: all.
    pub models: Vec<String>,
    /// Pollen the key may spend.
    pub budget: Option<f64>,
    /// Days the key lives.
    pub expiry_days: Option<u32>,
}

impl Narrowing {
    /// Reads `models` (string[]), `budget` (pollen, > 0) and `expiry` (whole
    /// days, 1…365) of `pollinationsAuthorizeUrl`'s options; all optional.
    pub fn parse(raw: &Raw) -> Result<Narrowing, CarViewsError> {
        let mut n = Narrowing::default();
        match raw.get("models") {
            Raw::Missing | Raw::Null => {}
            Raw::List(items) if items.len() <= 32 => {
                for (i, item) in items.iter().enumerate() {
                    match item.as_str() {
                        Some(m)
                            if !m.is_empty()
                                && m.len() <= 64
                                && m.bytes()
                                    .all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b)) =>
                        {
                            n.models.push(m.to_owned())
                        }
                        _ => {
                            return Err(CarViewsError::invalid(
                                format!("models[{i}]"),
                                Rule::OutOfRange,
                                "must be a model name such as \"flux\" or \"kontext\"",
                            ))
                        }
                    }
                }
            }
            _ => {
                return Err(CarViewsError::invalid(
                    "models",
                    Rule::NotList,
                    "must be a list of at most 32 model names",
                ))
            }
        }
        match raw.get("budget") {
            Raw::Missing | Raw::Null => {}
            Raw::Number(b) if b.is_finite() && *b > 0.0 && *b <= 1_000_000.0 => n.budget = Some(*b),
            _ => {
                return Err(CarViewsError::invalid(
                    "budget",
                    Rule::OutOfRange,
                    "must be a number of pollen above 0",
                ))
            }
        }
        match raw.get("expiry") {
            Raw::Missing | Raw::Null => {}
            Raw::Number(d) if d.fract() == 0.0 && (1.0..=365.0).contains(d) => {
                n.expiry_days = Some(*d as u32)
            }
            _ => {
                return Err(CarViewsError::invalid(
                    "expiry",
                    Rule::OutOfRange,
                    "must be a whole number of days, 1…365",
                ))
            }
        }
        Ok(n)
    }
}

/// The page the user is sent to.
pub fn authorize_url(
    auth_base: &str,
    client_id: &str,
    redirect_uri: &str,
    challenge: &str,
    state: &str,
    narrowing: &Narrowing,
) -> String {
    let mut query = format!(
        "authorize?response_type=code&client_id={}&redirect_uri={}&code_challenge={}&code_challenge_method=S256&state={}",
        percent_encode(client_id),
        percent_encode(redirect_uri),
        percent_encode(challenge),
        percent_encode(state)
    );
    if !narrowing.models.is_empty() {
        query.push_str(&format!(
            "&models={}",
            percent_encode(&narrowing.models.join(","))
        ));
    }
    if let Some(b) = narrowing.budget {
        query.push_str(&format!("&budget={b}"));
    }
    if let Some(d) = narrowing.expiry_days {
        query.push_str(&format!("&expiry={d}"));
    }
    join_url(auth_base, &query)
}

/// The token endpoint.
pub fn token_url(auth_base: &str) -> String {
    join_url(auth_base, "api/oauth/token")
}

/// The form body of the token request.
pub fn token_body(code: &str, verifier: &str, redirect_uri: &str, client_id: &str) -> String {
    format!(
        "grant_type=authorization_code&code={}&redirect_uri={}&client_id={}&code_verifier={}",
        percent_encode(code),
        percent_encode(redirect_uri),
        percent_encode(client_id),
        percent_encode(verifier)
    )
}

/// The access token and its lifetime (seconds) from the token answer.
/// The key and its lifetime in seconds (`None` when the answer has no
/// `expires_in`: the user chose a key that does not expire).
pub fn parse_token(raw: &Raw) -> Result<(String, Option<u32>), String> {
    let token = raw
        .get("access_token")
        .as_str()
        .filter(|t| !t.is_empty() && t.len() <= 512 && t.bytes().all(|b| b.is_ascii_graphic()));
    let Some(token) = token else {
        let why = raw
            .get("error_description")
            .as_str()
            .or_else(|| raw.get("error").as_str())
            .unwrap_or("no access_token in the answer");
        return Err(prefix(why, 200).to_owned());
    };
    let expires = raw
        .get("expires_in")
        .as_f64()
        .filter(|s| s.is_finite() && *s > 0.0)
        .map(|s| s.min(31_536_000.0) as u32);
    Ok((token.to_owned(), expires))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc7636_appendix_b_challenge() {
        assert_eq!(
            code_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
        assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
    }

    #[test]
    fn urls_and_bodies() {
        let plain = Narrowing::default();
        let u = authorize_url(
            AUTH_URL,
            "pk_app",
            "https://my.app/cb?x=1",
            "ch",
            "st&x",
            &plain,
        );
        assert_eq!(u, "https://enter.pollinations.ai/authorize?response_type=code&client_id=pk_app&redirect_uri=https%3A%2F%2Fmy.app%2Fcb%3Fx%3D1&code_challenge=ch&code_challenge_method=S256&state=st%26x");
        let narrow = Narrowing::parse(&Raw::object([
            (
                "models",
                Raw::List(vec![Raw::text("flux"), Raw::text("kontext")]),
            ),
            ("budget", Raw::Number(2.5)),
            ("expiry", Raw::Number(30.0)),
        ]))
        .unwrap();
        let u = authorize_url(AUTH_URL, "pk_app", "https://my.app/", "ch", "st", &narrow);
        assert!(
            u.ends_with("&state=st&models=flux%2Ckontext&budget=2.5&expiry=30"),
            "{u}"
        );
        assert_eq!(
            token_url("http://127.0.0.1:9/t/a"),
            "http://127.0.0.1:9/t/a/api/oauth/token"
        );
        assert_eq!(token_body("c", "v", "https://a/b", "pk_x"), "grant_type=authorization_code&code=c&redirect_uri=https%3A%2F%2Fa%2Fb&client_id=pk_x&code_verifier=v");
    }

    #[test]
    fn narrowing_is_checked() {
        assert_eq!(
            Narrowing::parse(&Raw::Missing).unwrap(),
            Narrowing::default()
        );
        let bad = [
            ("models", Raw::text("flux")),
            ("models", Raw::List(vec![Raw::text("a b")])),
            ("budget", Raw::Number(0.0)),
            ("budget", Raw::text("5")),
            ("expiry", Raw::Number(1.5)),
            ("expiry", Raw::Number(0.0)),
        ];
        for (key, value) in bad {
            let e = Narrowing::parse(&Raw::object([(key, value.clone())])).unwrap_err();
            assert!(e.field().unwrap().starts_with(key), "{key} {value:?}");
        }
    }

    #[test]
    fn clients_are_checked() {
        assert!(check_client("pk_abc123", "https://my.app/").is_ok());
        assert!(check_client("pk_abc123", "http://localhost:5173/").is_ok());
        assert!(
            check_client("pk_abc123", "http://127.0.0.1:5173/?mock=x").is_ok(),
            "a query is fine"
        );
        assert!(check_client("pk_abc123", "https://my.app/#frag").is_err());
        assert_eq!(
            check_client("sk_secret", "https://my.app/")
                .unwrap_err()
                .field(),
            Some("clientId")
        );
        assert_eq!(
            check_client("pk_a", "http://evil.example/")
                .unwrap_err()
                .field(),
            Some("redirectUri")
        );
    }

    #[test]
    fn token_answers() {
        let ok = Raw::object([
            ("access_token", Raw::text("sk_user")),
            ("expires_in", Raw::Number(604800.0)),
        ]);
        assert_eq!(parse_token(&ok), Ok(("sk_user".to_owned(), Some(604_800))));
        // No expires_in: the user chose a key that does not expire.
        let forever = Raw::object([("access_token", Raw::text("sk_user"))]);
        assert_eq!(parse_token(&forever), Ok(("sk_user".to_owned(), None)));
        let err = Raw::object([("error", Raw::text("invalid_grant"))]);
        assert_eq!(parse_token(&err), Err("invalid_grant".to_owned()));
        assert!(parse_token(&Raw::object([("access_token", Raw::text("a b"))])).is_err());
    }
}
