//! `pollinationsModels`: Pollinations' model catalogue, fetched once per
//! base URL and kept for the page's life (no key needed).

use wasm_bindgen::prelude::*;

use crate::core::generate::catalogue::{catalogue_url, parse_catalogue, ModelInfo};
use crate::core::generate::options::{url_option, POLLINATIONS_GEN_URL};
use crate::core::generate::providers::HttpRequest;
use crate::core::run::io::{fetch, FetchError};
use crate::core::{CarViewsError, Raw};
use crate::web::callbacks::{abort_error, signal};
use crate::web::interop::{read, to_object, Shape};
use crate::web::io::{page, WebIo};

/// How long the catalogue may take.
const TIMEOUT_MS: u32 = 10_000;

/// The catalogue of a base URL, when this page has fetched it.
pub(crate) fn known(base_url: &str) -> Option<Vec<ModelInfo>> {
    page().catalogue(base_url)
}

/// Pollinations' image models: `{name, description, input_modalities,
/// output_modalities, paid_only}` each, from `GET {baseUrl}/image/models`.
/// Cached for the page's life; once known, `generateCarImages` refuses a
/// `referenceModel` that takes no image. Rejects with a `CarViewsError`
/// (`code: "unavailable"`) when the catalogue cannot be had, or an
/// `AbortError`.
#[wasm_bindgen(js_name = pollinationsModels, unchecked_return_type = "Promise<PollinationsModel[]>")]
pub fn pollinations_models(
    #[wasm_bindgen(unchecked_optional_param_type = "{ baseUrl?: string; signal?: AbortSignal }")]
    options: JsValue,
) -> js_sys::Promise {
    wasm_bindgen_futures::future_to_promise(async move {
        let raw = read(&options, Shape::Object(&[("baseUrl", Shape::Value)]));
        let base = url_option(raw.get("baseUrl"), "options.baseUrl")?
            .unwrap_or_else(|| POLLINATIONS_GEN_URL.to_owned());
        let io = WebIo::quiet(signal(&options)?);
        if let Some(models) = known(&base) {
            return to_object(&models);
        }
        let request = HttpRequest::get(catalogue_url(&base));
        let answer = match fetch(&io, &request, None, TIMEOUT_MS).await {
            Ok(answer) => answer,
            Err(FetchError::Aborted) => return Err(abort_error()),
            Err(e) => return Err(unavailable(e.describe())),
        };
        if !(200..300).contains(&answer.status) {
            return Err(unavailable(format!("HTTP {}", answer.status)));
        }
        let models = parse_catalogue(&Raw::from_json(answer.body.text())).map_err(unavailable)?;
        page().keep_catalogue(base, models.clone());
        to_object(&models)
    })
}

fn unavailable(why: String) -> JsValue {
    CarViewsError::Unavailable(format!("the model catalogue: {why}").into()).into()
}
