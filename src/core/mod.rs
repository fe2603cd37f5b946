//! The pure core: every decision carviews makes, as data and pure functions.
//!
//! Nothing here touches the network, the clock or JavaScript directly, so all
//! of it is tested natively with `cargo test`: the run of `generateCarImages`
//! ([`run`]) reaches the world only through its I/O seam, which the wasm shell
//! implements and the tests fake with a virtual clock.

pub mod angles;
pub mod auth;
pub mod colour;
pub mod error;
pub mod generate;
pub mod identity;
pub mod language;
pub mod logos;
pub mod pairs;
pub mod photo;
pub mod plan;
pub mod preview;
pub mod prompt;
pub mod raw;
pub mod request;
pub mod run;
pub mod search;
pub mod text;
pub mod vocab;

pub use angles::Angle;
pub use error::{CarViewsError, Invalid, Rule};
pub use language::Language;
pub use plan::{plan_car_images, CarImagesPlan, PlanOptions, PlannedImage};
pub use raw::Raw;
pub use request::{CarData, CarRequest};
