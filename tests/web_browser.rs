//! The wasm exports in a headless browser (see `wasm_api/mod.rs`).
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod wasm_api;
mod wasm_support;
