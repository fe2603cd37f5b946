//! The wasm exports in Node (see `wasm_api/mod.rs`).
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

mod wasm_api;
mod wasm_support;
