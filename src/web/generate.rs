//! `generateCarImages` in the shell: read the call, prepare the seller's
//! photo, run the core's run over the browser's seam (`WebIo`), and hand
//! the response back with its images' bytes and the object URLs it holds.
//! Every decision of the run is the core's.
//!
//! Beside it in the shell: `io` (the seam, and what the page's runs share),
//! `cache` (responses of identical requests), `ownership` (who holds each
//! object URL) and `callbacks` (the caller's callbacks, signal, abort).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Blob;

use crate::core::generate::catalogue::check_reference_model;
use crate::core::generate::options::GenerateOptions;
use crate::core::generate::response::CarImagesResponse;
use crate::core::request::parse_request;
use crate::core::run::io::Io;
use crate::core::run::{generate_car_images as run, Call};
use crate::web::callbacks::{self, abort_error, Callbacks};
use crate::web::interop::{read, to_object, GENERATE_OPTIONS, REQUEST};
use crate::web::io::{page, WebIo};
use crate::web::{models, ownership, photo};

/// Generates one image per requested angle: the original endpoint's
/// response, plus provider, model, timings and diagnostics. Rejects only
/// for invalid input (a `CarViewsError`) or abort (a `DOMException` named
/// `AbortError`); provider failures degrade to the built-in preview.
#[wasm_bindgen(js_name = generateCarImages, unchecked_return_type = "Promise<CarImagesResponse>")]
pub fn generate_car_images(
    #[wasm_bindgen(unchecked_param_type = "CarImagesRequest")] request: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "GenerateOptions")] options: JsValue,
) -> js_sys::Promise {
    wasm_bindgen_futures::future_to_promise(async move { generate(request, options).await })
}

/// Reads and checks the call, prepares the photo, runs it.
async fn generate(request: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let opts = GenerateOptions::parse(&read(&options, GENERATE_OPTIONS))?;
    if let Some(p) = &opts.pollinations {
        if let Some(catalogue) = models::known(&p.base_url) {
            check_reference_model(p, &catalogue)?;
        }
    }
    let io = WebIo::new(callbacks::signal(&options)?, Callbacks::read(&options)?);
    let photo_option = photo::read_option(&options)?;
    let year = js_sys::Date::new_0().get_full_year() as i32;
    let request = parse_request(&read(&request, REQUEST), year)?;
    if io.aborted() {
        return Err(abort_error());
    }
    let photo = match photo_option {
        Some((source, choice)) => Some(photo::prepare(&io, source, choice, opts.timeout_ms).await?),
        None => None,
    };
    let call = Call {
        request,
        options: opts,
        photo,
    };
    let generated = run(&io, &page(), call).await.map_err(|_| abort_error())?;
    response_object(&generated.response, &generated.bytes)
}

/// The response as the caller gets it: each image with its `blob`, and the
/// object URLs it shows held until it is released (or collected).
fn response_object(
    response: &CarImagesResponse,
    blobs: &[Option<Blob>],
) -> Result<JsValue, JsValue> {
    let object = to_object(response)?;
    if let Ok(images) = js_sys::Reflect::get(&object, &"images".into()) {
        let images: js_sys::Array = images.unchecked_into();
        for (i, blob) in blobs.iter().enumerate() {
            callbacks::set_blob(&images.get(i as u32), blob.as_ref());
        }
    }
    ownership::adopt(&object, &ownership::urls_of(response));
    Ok(object)
}
