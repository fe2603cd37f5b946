//! The wasm exports, called as JavaScript would call them. Included by
//! `web_browser.rs` (headless Chromium) and `web_node.rs` (Node), so the
//! same checks run in both.

use carviews::{angle_title, plan_car_images, render_car_preview, seed_for, session_id_for};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

use crate::wasm_support::{get, js};

fn string(v: &JsValue, key: &str) -> String {
    get(v, key)
        .as_string()
        .unwrap_or_else(|| panic!("{key} is not a string"))
}

const CLIO: &str = "{car_data: {brand: 'Renault', model: 'Clio', year: 2019, color: 'blue', body_type: 'hatchback'}}";

/// Asserts that `result` is a thrown `Error` named CarViewsError with this code and field.
fn assert_error(result: Result<impl std::fmt::Debug, JsValue>, field: &str, rule: &str) {
    let err = result.expect_err("must throw");
    assert!(
        err.is_instance_of::<js_sys::Error>(),
        "not an Error: {err:?}"
    );
    assert_eq!(string(&err, "name"), "CarViewsError");
    assert_eq!(string(&err, "code"), "invalid_request");
    assert_eq!(string(&err, "field"), field);
    assert_eq!(string(&err, "rule"), rule);
    assert!(
        string(&err, "message").starts_with(field),
        "{}",
        string(&err, "message")
    );
}

#[wasm_bindgen_test]
fn plan_of_the_example_car() {
    let plan = plan_car_images(js(CLIO), js("{consistency: 'per-angle'}")).unwrap();
    assert_eq!(string(&plan, "session_id"), "CAR-7671f0b6");
    let images: js_sys::Array = get(&plan, "images").dyn_into().unwrap();
    assert_eq!(images.length(), 3);
    let seeds: Vec<f64> = images
        .iter()
        .map(|i| get(&i, "seed").as_f64().unwrap())
        .collect();
    assert_eq!(seeds, vec![242_103.0, 735_798.0, 214_351.0]);
    let front = images.get(0);
    assert_eq!(string(&front, "angle"), "front");
    assert_eq!(string(&front, "title"), "Front view");
    assert_eq!(get(&front, "isMain"), JsValue::TRUE);
    assert_eq!(get(&images.get(1), "isMain"), JsValue::FALSE);
    assert!(string(&front, "prompt").contains("blue 2019 Renault Clio hatchback"));
    assert!(!string(&front, "negative_prompt").is_empty());
    assert_eq!(js_sys::Array::from(&get(&plan, "warnings")).length(), 0);
}

#[wasm_bindgen_test]
fn options_may_be_left_out() {
    let plan = plan_car_images(js(CLIO), JsValue::UNDEFINED).unwrap();
    assert_eq!(string(&plan, "consistency"), "anchor");
    let plan = plan_car_images(js(CLIO), JsValue::UNDEFINED).unwrap();
    assert_eq!(string(&plan, "session_id"), "CAR-7671f0b6");
}

#[wasm_bindgen_test]
fn a_ukrainian_request_is_the_same_car() {
    let uk = js("{car_data: {brand: 'Рено', model: 'Кліо', year: 2019, color: 'синій', body_type: 'хетчбек'}, angles: ['спереду', 'збоку', 'ззаду']}");
    let plan = plan_car_images(uk, js("{language: 'uk'}")).unwrap();
    assert_eq!(string(&plan, "session_id"), "CAR-7671f0b6");
    let front = js_sys::Array::from(&get(&plan, "images")).get(0);
    assert_eq!(string(&front, "title"), "Вид спереду");
    let car = get(&plan, "car");
    assert_eq!(string(&car, "brand"), "Renault");
    assert_eq!(string(&car, "model"), "Clio");
}

/// sessionIdFor and renderCarPreview read no clock (a framework can
/// prerender them): their years run to 2100, where planning a run stops at
/// this year + 2.
#[wasm_bindgen_test]
fn the_clock_free_functions_take_years_to_2100() {
    let car = |year: u32| {
        js(&format!(
            "{{brand: 'Renault', model: 'Clio', year: {year}}}"
        ))
    };
    assert!(session_id_for(car(2100), JsValue::UNDEFINED).is_ok());
    assert!(render_car_preview(car(2099), "front".into(), JsValue::UNDEFINED).is_ok());
    let too_late = session_id_for(car(2101), JsValue::UNDEFINED).unwrap_err();
    assert_eq!(
        get(&too_late, "field").as_string().unwrap(),
        "car_data.year"
    );
    let planned = plan_car_images(
        js("{car_data: {brand: 'Renault', model: 'Clio', year: 2100}}"),
        JsValue::UNDEFINED,
    );
    assert!(planned.is_err(), "a run is planned against today's date");
}

#[wasm_bindgen_test]
fn identity_exports() {
    let car =
        js("{brand: 'Renault', model: 'Clio', year: 2019, color: 'blue', body_type: 'hatchback'}");
    assert_eq!(
        session_id_for(car.clone(), JsValue::UNDEFINED).unwrap(),
        "CAR-7671f0b6"
    );
    assert_eq!(
        session_id_for(car.clone(), js("2")).unwrap(),
        "CAR-a3310417"
    );
    assert_eq!(session_id_for(car, js("'2'")).unwrap(), "CAR-a3310417");
    // Lowercased by JavaScript here, by std natively: the same identity
    // (see tests/plan.rs, identity_lowercases_any_script_like_python).
    let greek =
        js("{brand: 'ΑΛΦΑ ΜΟΤΟΡΣ', model: 'ΩMEGA', year: 2020, color: 'red', body_type: 'sedan'}");
    assert_eq!(
        session_id_for(greek, JsValue::UNDEFINED).unwrap(),
        "CAR-4a7a9020"
    );
    assert_eq!(
        seed_for("CAR-7671f0b6".into(), "interior".into()).unwrap(),
        11_592
    );
    assert_eq!(
        seed_for("CAR-7671f0b6".into(), "салон".into()).unwrap(),
        11_592
    );
    assert_eq!(
        angle_title("rear".into(), JsValue::UNDEFINED).unwrap(),
        "Rear view"
    );
    assert_eq!(
        angle_title("rear".into(), "ru".into()).unwrap(),
        "Вид сзади"
    );
    assert_eq!(
        angle_title("back".into(), "uk".into()).unwrap(),
        "Вид ззаду"
    );
}

#[wasm_bindgen_test]
fn invalid_input_throws_errors_with_code_and_field() {
    assert_error(
        plan_car_images(
            js("{car_data: {brand: 'Renault', model: 'Clio', year: 1700}}"),
            JsValue::UNDEFINED,
        ),
        "car_data.year",
        "out_of_range",
    );
    assert_error(
        plan_car_images(
            js("{car_data: {brand: 'Renault', model: 'Clio', year: 2019.5}}"),
            JsValue::UNDEFINED,
        ),
        "car_data.year",
        "not_integer",
    );
    assert_error(
        plan_car_images(
            js("{car_data: {brand: '', model: 'Clio', year: 2019}}"),
            JsValue::UNDEFINED,
        ),
        "car_data.brand",
        "empty",
    );
    assert_error(
        plan_car_images(
            js("{car_data: {model: 'Clio', year: 2019}}"),
            JsValue::UNDEFINED,
        ),
        "car_data.brand",
        "missing",
    );
    assert_error(
        plan_car_images(
            js("{car_data: {brand: 42, model: 'Clio', year: 2019}}"),
            JsValue::UNDEFINED,
        ),
        "car_data.brand",
        "not_string",
    );
    assert_error(
        plan_car_images(
            js("{car_data: {brand: 'x'.repeat(65), model: 'Clio', year: 2019}}"),
            JsValue::UNDEFINED,
        ),
        "car_data.brand",
        "too_long",
    );
    assert_error(
        plan_car_images(
            js("{car_data: {brand: 'Renault', model: 'Cl\\nio', year: 2019}}"),
            JsValue::UNDEFINED,
        ),
        "car_data.model",
        "control_character",
    );
    assert_error(plan_car_images(js("{car_data: {brand: 'Renault', model: 'Clio', year: 2019}, angles: ['front', 'under']}"), JsValue::UNDEFINED), "angles[1]", "unknown_angle");
    assert_error(
        plan_car_images(
            js("{car_data: {brand: 'Renault', model: 'Clio', year: 2019}, angles: 'front'}"),
            JsValue::UNDEFINED,
        ),
        "angles",
        "not_list",
    );
    assert_error(
        plan_car_images(js(CLIO), js("{language: 'de'}")),
        "options.language",
        "out_of_range",
    );
    assert_error(
        plan_car_images(js(CLIO), js("'fast'")),
        "options",
        "not_object",
    );
    assert_error(
        seed_for("CAR-7671f0b6".into(), "under".into()),
        "angle",
        "unknown_angle",
    );
    assert_error(
        seed_for(JsValue::from(5), "front".into()),
        "session_id",
        "not_string",
    );
    assert_error(
        angle_title("front".into(), "xx".into()),
        "language",
        "out_of_range",
    );
    assert_error(
        session_id_for(js("'Renault'"), JsValue::UNDEFINED),
        "car_data",
        "not_object",
    );
}

#[wasm_bindgen_test]
fn hostile_values_are_rejected_without_poisoning_the_module() {
    let cases: &[(&str, &str, &str)] = &[
        ("null", "request", "not_object"),
        ("undefined", "request", "not_object"),
        ("42", "request", "not_object"),
        ("[1, 2]", "request", "not_object"),
        ("() => 1", "request", "not_object"),
        ("Symbol('x')", "request", "not_object"),
        ("10n", "request", "not_object"),
        ("{car_data: 'Renault Clio'}", "car_data", "not_object"),
        ("{car_data: [1]}", "car_data", "not_object"),
        ("{get car_data() { throw new Error('getter says no'); }}", "car_data", "unreadable"),
        ("{car_data: {get brand() { throw 'a string'; }, model: 'Clio', year: 2019}}", "car_data.brand", "unreadable"),
        ("new Proxy({}, {get() { throw new TypeError('trap'); }})", "car_data", "unreadable"),
        ("(() => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; })()", "request", "unreadable"),
        ("{car_data: {brand: 'x'.repeat(10_000_000), model: 'Clio', year: 2019}}", "car_data.brand", "too_long"),
        ("{car_data: {brand: {toString() { return 'Renault'; }}, model: 'Clio', year: 2019}}", "car_data.brand", "not_string"),
        ("{car_data: {brand: 'Renault', model: 'Clio', year: NaN}}", "car_data.year", "not_integer"),
        ("{car_data: {brand: 'Renault', model: 'Clio', year: Infinity}}", "car_data.year", "not_integer"),
        ("{car_data: {brand: 'Renault', model: 'Clio', year: 1e308}}", "car_data.year", "out_of_range"),
        ("{car_data: {brand: 'Renault', model: 'Clio', year: 2019}, angles: new Array(1e7).fill('front')}", "angles", "too_many_angles"),
        ("{car_data: {brand: 'Renault', model: 'Clio', year: 2019}, angles: [['front']]}", "angles[0]", "not_string"),
    ];
    for (expr, field, rule) in cases {
        let result = plan_car_images(js(expr), JsValue::UNDEFINED);
        let err = result.expect_err(expr);
        assert_eq!(
            (
                string(&err, "field").as_str(),
                string(&err, "rule").as_str()
            ),
            (*field, *rule),
            "{expr}"
        );
    }
    // A frozen valid request is fine, and the module still works.
    let frozen = js(&format!("Object.freeze({CLIO})"));
    assert_eq!(
        string(
            &plan_car_images(frozen, JsValue::UNDEFINED).unwrap(),
            "session_id"
        ),
        "CAR-7671f0b6"
    );
}

#[wasm_bindgen_test]
fn render_car_preview_returns_svg_and_checks_its_arguments() {
    let car =
        js("{brand: 'Renault', model: 'Clio', year: 2019, color: 'синій', body_type: 'хетчбек'}");
    let svg = render_car_preview(
        car.clone(),
        "3/4".into(),
        js("{width: 320, height: 240, language: 'uk'}"),
    )
    .unwrap();
    assert!(
        svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"320\" height=\"240\"")
    );
    assert!(svg.contains("#1f4e9c"), "the blue paint");
    assert!(svg.contains("Вид спереду три чверті, зліва"));
    let again = render_car_preview(
        car.clone(),
        "front_left".into(),
        js("{width: 320, height: 240, language: 'uk'}"),
    )
    .unwrap();
    assert_eq!(svg, again);
    assert_error(
        render_car_preview(car.clone(), "sideways".into(), JsValue::UNDEFINED),
        "angle",
        "unknown_angle",
    );
    assert_error(
        render_car_preview(car.clone(), "front".into(), js("{width: 99999}")),
        "options.width",
        "out_of_range",
    );
    assert_error(
        render_car_preview(
            car.clone(),
            "front".into(),
            js("{background: 'red\\'/><script>'}"),
        ),
        "options.background",
        "out_of_range",
    );
    assert_error(
        render_car_preview(
            js("{brand: 'Renault', year: 2019}"),
            "front".into(),
            JsValue::UNDEFINED,
        ),
        "car_data.model",
        "missing",
    );
}
