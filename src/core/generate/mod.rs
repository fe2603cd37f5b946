//! The decisions of `generateCarImages`, as data and pure functions: its
//! options, the requests to each provider and how their answers are read,
//! when to retry or slow down, and the shape of the response and events.
//! The run (`core::run`) carries them out over its I/O seam.

pub mod catalogue;
pub mod consistency;
pub mod encode;
pub mod next;
pub mod options;
pub mod providers;
pub mod response;
