//! The wasm32 shell: `#[wasm_bindgen]` exports, JavaScript value conversion
//! and JS errors. It decodes, calls the core, encodes — nothing more.

pub mod auth;
mod error;
pub mod exports;
mod gate;
pub mod generate;
mod http;
mod interop;
pub mod models;
mod photo;
mod pixels;
mod search;
mod types;
