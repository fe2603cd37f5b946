//! The `#[wasm_bindgen]` exports: decode, call the core, encode.

use wasm_bindgen::prelude::*;

use crate::core::identity;
use crate::core::preview::{render_preview, PreviewOptions};
use crate::core::request::{
    parse_angle_arg, parse_car_data, parse_language, parse_session_id_arg, parse_variation,
    CarData, CLOCK_FREE_CURRENT_YEAR,
};
use crate::core::vocab::listing::vocabulary;
use crate::core::{plan, PlanOptions};
use crate::web::interop::{
    read, to_object, Shape, CAR_DATA, PLAN_OPTIONS, PREVIEW_OPTIONS, REQUEST,
};

/// The calendar year now, which bounds the model year.
fn current_year() -> i32 {
    js_sys::Date::new_0().get_full_year() as i32
}

/// Reads and checks a `carData` argument of a clock-free function: the
/// year is bounded at 2100, not by today's date, so that `sessionIdFor` and
/// `renderCarPreview` are pure and a framework can prerender them.
fn car_arg(car_data: &JsValue) -> Result<CarData, JsValue> {
    Ok(parse_car_data(
        &read(car_data, CAR_DATA),
        CLOCK_FREE_CURRENT_YEAR,
        &mut Vec::new(),
    )?)
}

/// Plans a request offline: session id, and per angle the title, seed,
/// prompt and negative prompt. Throws a `CarViewsError` (`code`, `field`,
/// `rule`) for invalid input.
#[wasm_bindgen(js_name = planCarImages, unchecked_return_type = "CarImagesPlan")]
pub fn plan_car_images(
    #[wasm_bindgen(unchecked_param_type = "CarImagesRequest")] request: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PlanOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let options = PlanOptions::parse(&read(&options, PLAN_OPTIONS))?;
    let plan = plan::plan_car_images(&read(&request, REQUEST), &options, current_year())?;
    to_object(&plan)
}

/// Draws the car from one angle with the built-in renderer, offline and
/// instantly: an SVG document as a string (use it inline, or as an `<img>`
/// through a `data:image/svg+xml` URL). Same input, same bytes.
#[wasm_bindgen(js_name = renderCarPreview)]
pub fn render_car_preview(
    #[wasm_bindgen(js_name = carData, unchecked_param_type = "CarData")] car_data: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Angle | string")] angle: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PreviewOptions")] options: JsValue,
) -> Result<String, JsValue> {
    let car = car_arg(&car_data)?;
    let angle = parse_angle_arg(&read(&angle, Shape::Value), "angle")?;
    let options = PreviewOptions::parse(&read(&options, PREVIEW_OPTIONS))?;
    Ok(render_preview(&car, angle, &options))
}

/// The reproducible session id of a car: `"CAR-"` and 8 hex digits of the
/// md5 of its canonical string (with `variation` appended when given).
#[wasm_bindgen(js_name = sessionIdFor)]
pub fn session_id_for(
    #[wasm_bindgen(js_name = carData, unchecked_param_type = "CarData")] car_data: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string | number")] variation: JsValue,
) -> Result<String, JsValue> {
    let variation = parse_variation(&read(&variation, Shape::Value), "variation")?;
    let car = car_arg(&car_data)?;
    Ok(identity::session_id(&car, variation.as_deref()))
}

/// The seed of one angle in a session: the first 4 bytes (big-endian) of
/// md5(`"{session_id}_{angle}"`) modulo 1 000 000. Aliases of the angle are accepted.
#[wasm_bindgen(js_name = seedFor)]
pub fn seed_for(
    #[wasm_bindgen(js_name = sessionId, unchecked_param_type = "string")] session_id: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Angle | string")] angle: JsValue,
) -> Result<u32, JsValue> {
    let session = parse_session_id_arg(&read(&session_id, Shape::Value), "session_id")?;
    let angle = parse_angle_arg(&read(&angle, Shape::Value), "angle")?;
    Ok(identity::seed(&session, angle))
}

/// A human title for an angle in `"en"` (default), `"uk"` or `"ru"`.
#[wasm_bindgen(js_name = angleTitle)]
pub fn angle_title(
    #[wasm_bindgen(unchecked_param_type = "Angle | string")] angle: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Language")] language: JsValue,
) -> Result<String, JsValue> {
    let angle = parse_angle_arg(&read(&angle, Shape::Value), "angle")?;
    let language = parse_language(&read(&language, Shape::Value), "language")?.unwrap_or_default();
    Ok(angle.title(language).to_owned())
}

/// What carviews understands, for a frontend's form: every brand with its
/// models, every paint with its sRGB value, every body type and angle, each
/// with the canonical English `id` the identity uses and a name in
/// `language` (`"en"` default, `"uk"`, `"ru"`). A request made of these ids
/// or names plans to the same session id.
#[wasm_bindgen(js_name = carVocabulary, unchecked_return_type = "CarVocabulary")]
pub fn car_vocabulary(
    #[wasm_bindgen(unchecked_optional_param_type = "Language")] language: JsValue,
) -> Result<JsValue, JsValue> {
    let language = parse_language(&read(&language, Shape::Value), "language")?.unwrap_or_default();
    to_object(&vocabulary(language))
}
