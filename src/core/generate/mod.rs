//! The decisions of `generateCarImages`, as data and pure functions: its
//! options, the requests to each provider and how their answers are read,
//! when to retry or slow down, and the shape of the response and events.
//! The shell in `web` performs the I/O these decide.

pub mod catalogue;
pub mod consistency;
pub mod encode;
pub mod failure;
pub mod limiter;
pub mod options;
pub mod policy;
pub mod providers;
pub mod response;
