//! The wasm32 shell: `#[wasm_bindgen]` exports, JavaScript value conversion,
//! JS errors, and the run's I/O seam. It decodes, calls the core, encodes,
//! and performs the I/O the core asks for — nothing more.

pub(crate) mod auth;
mod cache;
mod callbacks;
mod error;
pub(crate) mod exports;
pub(crate) mod generate;
mod http;
mod interop;
mod io;
pub(crate) mod models;
pub(crate) mod ownership;
mod photo;
mod pixels;
mod types;
