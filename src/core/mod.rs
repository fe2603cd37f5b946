//! The pure core: every decision carviews makes, as data and pure functions.
//!
//! Nothing here touches the network, the clock or JavaScript, so all of it is
//! tested natively with `cargo test`. The wasm shell feeds it inputs (the
//! request as read from JavaScript, the current year) and carries out what it
//! returns.

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
pub mod search;
pub mod text;
pub mod vocab;

pub use angles::Angle;
pub use error::{CarViewsError, Invalid, Rule};
pub use language::Language;
pub use plan::{plan_car_images, CarImagesPlan, PlanOptions, PlannedImage};
pub use raw::Raw;
pub use request::{CarData, CarRequest};
