//! generateCarImages inside the browser the runner drives (Chromium, and
//! Firefox where geckodriver is installed), against the mock service whose
//! URL the test script passes in `CARVIEWS_MOCK_URL` at build time.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use carviews::generate_car_images;
use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

mod wasm_support;
use wasm_support::{get, js};

wasm_bindgen_test_configure!(run_in_browser);

const MOCK: &str = match option_env!("CARVIEWS_MOCK_URL") {
    Some(u) => u,
    None => "http://127.0.0.1:8787",
};

/// A fresh mock tenant configured with `config` (JSON); its base URL.
async fn tenant(name: &str, config: &str) -> String {
    let base = format!("{MOCK}/t/wasm_{name}_{}", js_sys::Date::now() as u64);
    let post = js(&format!(
        "fetch({:?}, {{method: 'POST', body: {:?}}})",
        format!("{base}/__control/config"),
        config
    ));
    JsFuture::from(Promise::from(post)).await.unwrap();
    base
}

fn options(base: &str, extra: &str) -> JsValue {
    js(&format!(
        "{{pollinations: {{api: 'legacy', baseUrl: {base:?}}}, search: {{wikipediaUrl: {base:?}, commonsUrl: {base:?}, wikidataUrl: {base:?}}}, cache: false {extra}}}"
    ))
}

const CLIO: &str = "{car_data: {brand: 'Renault', model: 'Clio', year: 2019, color: 'blue', body_type: 'hatchback'}, angles: ['front', 'side', 'rear']}";

#[wasm_bindgen_test]
async fn generates_every_view_checks_the_paint_and_finds_references() {
    let base = tenant("ok", "{}").await;
    let res = JsFuture::from(generate_car_images(js(CLIO), options(&base, "")))
        .await
        .unwrap();
    assert_eq!(get(&res, "success"), JsValue::TRUE);
    assert_eq!(get(&res, "session_id").as_string().unwrap(), "CAR-7671f0b6");
    let images: Array = get(&res, "images").into();
    assert_eq!(images.length(), 3);
    for image in images.iter() {
        assert_eq!(get(&image, "provider").as_string().unwrap(), "pollinations");
        let c = get(&image, "consistency");
        assert_eq!(
            get(&c, "verified"),
            JsValue::TRUE,
            "this browser decodes images"
        );
        assert_eq!(get(&c, "ok"), JsValue::TRUE);
        assert_eq!(get(&c, "dominant_hex").as_string().unwrap(), "#1f4e9c");
    }
    assert!(
        get(&images.get(0), "reference").is_object(),
        "a reference photo from the mock's Commons"
    );
}

#[wasm_bindgen_test]
async fn a_failing_provider_degrades_to_the_preview() {
    let base = tenant(
        "fail",
        "{\"faults\": [{\"provider\": \"legacy\", \"kind\": \"status\", \"status\": 503}]}",
    )
    .await;
    let res = JsFuture::from(generate_car_images(
        js(CLIO),
        options(&base, ", retries: 0"),
    ))
    .await
    .unwrap();
    assert_eq!(get(&res, "success"), JsValue::FALSE);
    let images: Array = get(&res, "images").into();
    for image in images.iter() {
        assert_eq!(get(&image, "provider").as_string().unwrap(), "preview");
        assert!(get(&image, "url")
            .as_string()
            .unwrap()
            .starts_with("data:image/svg+xml;base64,"));
        assert!(get(&image, "error")
            .as_string()
            .unwrap()
            .contains("HTTP 503"));
    }
}

#[wasm_bindgen_test]
async fn abort_rejects_with_abort_error() {
    let base = tenant("abort", "{\"latencyMs\": 3000}").await;
    let controller = js("new AbortController()");
    let signal = get(&controller, "signal");
    let opts = options(&base, "");
    Reflect::set(&opts, &"signal".into(), &signal).unwrap();
    let promise = generate_car_images(js(CLIO), opts);
    let abort: Function = get(&controller, "abort").into();
    let schedule = js("(f, c) => setTimeout(() => f.call(c), 200)");
    Function::from(schedule)
        .call2(&JsValue::NULL, &abort, &controller)
        .unwrap();
    let err = JsFuture::from(promise).await.unwrap_err();
    assert_eq!(get(&err, "name").as_string().unwrap(), "AbortError");
}
