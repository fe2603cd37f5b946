//! "Sign in with Pollinations": the two exports of the BYOP flow.

use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;

use crate::core::auth::{
    authorize_url, base64url, check_client, code_challenge, parse_token, token_body, token_url,
    Narrowing, AUTH_URL,
};
use crate::core::generate::options::{url_option, Secret};
use crate::core::generate::providers::{HttpRequest, Payload, Reads};
use crate::core::run::io::fetch;
use crate::core::{CarViewsError, Raw, Rule};
use crate::web::error::set_property;
use crate::web::error::to_js;
use crate::web::interop::{read, Shape};
use crate::web::io::WebIo;

const AUTH_OPTIONS: Shape = Shape::Object(&[
    ("clientId", Shape::Value),
    ("redirectUri", Shape::Value),
    ("authUrl", Shape::Value),
    ("code", Shape::Value),
    ("verifier", Shape::Value),
    ("state", Shape::Value),
    ("expectedState", Shape::Value),
    ("models", Shape::List),
    ("budget", Shape::Value),
    ("expiry", Shape::Value),
]);

fn text(raw: &Raw, key: &'static str) -> Result<String, JsValue> {
    match raw.get(key) {
        Raw::Text(t) if !t.is_empty() && t.len() <= 2048 && !t.chars().any(char::is_control) => {
            Ok(t.clone())
        }
        Raw::Missing | Raw::Null => Err(to_js(&CarViewsError::invalid(
            key,
            Rule::Missing,
            "is required",
        ))),
        _ => Err(to_js(&CarViewsError::invalid(
            key,
            Rule::NotString,
            "must be a non-empty string",
        ))),
    }
}

fn auth_base(raw: &Raw) -> Result<String, JsValue> {
    Ok(url_option(raw.get("authUrl"), "authUrl")?.unwrap_or_else(|| AUTH_URL.to_owned()))
}

/// `bytes` random bytes from `crypto.getRandomValues`, as base64url.
fn random(bytes: u32) -> Result<String, JsValue> {
    let buf = Uint8Array::new_with_length(bytes);
    let crypto = Reflect::get(&js_sys::global(), &"crypto".into())?;
    let get: js_sys::Function = Reflect::get(&crypto, &"getRandomValues".into())?.dyn_into()?;
    get.call1(&crypto, &buf)?;
    Ok(base64url(&buf.to_vec()))
}

/// Starts "Sign in with Pollinations": the authorization URL to send the
/// user to, and the `state` and PKCE `verifier` to keep (sessionStorage)
/// until the redirect comes back.
#[wasm_bindgen(js_name = pollinationsAuthorizeUrl, unchecked_return_type = "{ url: string; state: string; verifier: string }")]
pub fn pollinations_authorize_url(
    #[wasm_bindgen(
        unchecked_param_type = "{ clientId: string; redirectUri: string; authUrl?: string; models?: string[]; budget?: number; expiry?: number }"
    )]
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let raw = read(&options, AUTH_OPTIONS);
    let (client_id, redirect_uri) = (text(&raw, "clientId")?, text(&raw, "redirectUri")?);
    check_client(&client_id, &redirect_uri)?;
    let base = auth_base(&raw)?;
    let narrowing = Narrowing::parse(&raw)?;
    let (verifier, state) = (random(32)?, random(16)?);
    let out = Object::new();
    set_property(
        &out,
        "url",
        &authorize_url(
            &base,
            &client_id,
            &redirect_uri,
            &code_challenge(&verifier),
            &state,
            &narrowing,
        )
        .into(),
    );
    set_property(&out, "state", &state.into());
    set_property(&out, "verifier", &verifier.into());
    Ok(out.into())
}

/// Finishes "Sign in with Pollinations": checks the `state` that came back
/// against the one sent, and exchanges the code (with the PKCE verifier) for
/// the user's key. Resolves to `{accessToken, expiresAt}` (ms since the epoch).
#[wasm_bindgen(js_name = pollinationsExchangeCode, unchecked_return_type = "Promise<{ accessToken: string; expiresAt: number | null }>")]
pub fn pollinations_exchange_code(
    #[wasm_bindgen(
        unchecked_param_type = "{ code: string; verifier: string; clientId: string; redirectUri: string; state?: string; expectedState?: string; authUrl?: string }"
    )]
    options: JsValue,
) -> js_sys::Promise {
    let raw = read(&options, AUTH_OPTIONS);
    wasm_bindgen_futures::future_to_promise(async move {
        let (code, verifier) = (text(&raw, "code")?, text(&raw, "verifier")?);
        let (client_id, redirect_uri) = (text(&raw, "clientId")?, text(&raw, "redirectUri")?);
        check_client(&client_id, &redirect_uri)?;
        if let Raw::Text(expected) = raw.get("expectedState") {
            if raw.get("state").as_str() != Some(expected.as_str()) {
                return Err(to_js(&CarViewsError::invalid(
                    "state",
                    Rule::OutOfRange,
                    "does not match the state this app sent: the sign-in was not started here",
                )));
            }
        }
        let req = HttpRequest {
            method: "POST",
            url: token_url(&auth_base(&raw)?),
            headers: vec![(
                "Content-Type".to_owned(),
                Secret::new("application/x-www-form-urlencoded"),
            )],
            body: Payload::Text(token_body(&code, &verifier, &redirect_uri, &client_id)),
            authenticated: false,
            model: String::new(),
            reads: Reads::Text,
        };
        let failed = |m: String| to_js(&CarViewsError::AuthFailed(m.into()));
        let answer = fetch(&WebIo::quiet(None), &req, None, 15_000)
            .await
            .map_err(|e| failed(e.describe()))?;
        let json = Raw::from_json(answer.body.text());
        let (token, expires_in) =
            parse_token(&json).map_err(|m| failed(format!("HTTP {}: {m}", answer.status)))?;
        let out = Object::new();
        set_property(&out, "accessToken", &token.into());
        let expires_at = expires_in.map_or(JsValue::NULL, |s| {
            (js_sys::Date::now() + f64::from(s) * 1000.0).into()
        });
        set_property(&out, "expiresAt", &expires_at);
        Ok(out.into())
    })
}
