//! Adaptive concurrency per provider and key, shared by every run of the
//! page: everything at once by default (or up to `concurrency`), and one
//! request at a time for a while as soon as the provider says it is
//! queueing — the original design's "async falls back to sequential",
//! decided per provider without losing a request. Two forms or two runs of
//! one page share what the service allows instead of each hammering it.
//!
//! A semaphore whose size drops while permits are out: the futures crate
//! has none (its `lock::Mutex` is the one-permit case only), so this is a
//! small `Waker` list around a pure counter.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

/// How long a provider that said "too many" is served one request at a
/// time, from its last such answer.
pub const THROTTLE_MS: f64 = 60_000.0;

/// The counter behind a [`Gate`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Limiter {
    in_flight: usize,
    throttled_until: Option<f64>,
}

impl Limiter {
    /// Takes a slot if fewer than `limit` (one while throttled) are out at `now`.
    pub fn try_acquire(&mut self, limit: usize, now: f64) -> bool {
        let limit = if self.is_throttled(now) {
            1
        } else {
            limit.max(1)
        };
        if self.in_flight < limit {
            self.in_flight += 1;
            true
        } else {
            false
        }
    }

    /// Gives a slot back.
    pub fn release(&mut self) {
        self.in_flight = self.in_flight.saturating_sub(1);
    }

    /// The provider said "too many" at `now`: one request at a time for [`THROTTLE_MS`].
    pub fn throttle(&mut self, now: f64) {
        self.throttled_until = Some(now + THROTTLE_MS);
    }

    /// Whether the provider is served one at a time at `now`.
    pub fn is_throttled(&self, now: f64) -> bool {
        self.throttled_until.is_some_and(|t| now < t)
    }

    /// Requests in flight now.
    pub fn in_flight(&self) -> usize {
        self.in_flight
    }
}

/// The slots of one provider and key.
#[derive(Debug, Default)]
pub struct Gate {
    limiter: RefCell<Limiter>,
    waiting: RefCell<Vec<Waker>>,
}

impl Gate {
    /// Waits for a slot, with at most `limit` requests out (the run's
    /// `concurrency`); `now` decides whether the throttle still holds.
    pub fn acquire(&self, limit: usize, now: f64) -> Acquire<'_> {
        Acquire {
            gate: self,
            limit,
            now,
        }
    }

    /// The provider said "too many": one at a time from now on (for a while).
    /// Whether it was not throttled before.
    pub fn throttle(&self, now: f64) -> bool {
        let mut l = self.limiter.borrow_mut();
        let first = !l.is_throttled(now);
        l.throttle(now);
        first
    }

    /// Requests in flight now.
    pub fn in_flight(&self) -> usize {
        self.limiter.borrow().in_flight()
    }

    fn release(&self) {
        self.limiter.borrow_mut().release();
        let waiting = std::mem::take(&mut *self.waiting.borrow_mut());
        for w in waiting {
            w.wake();
        }
    }
}

/// The future of [`Gate::acquire`].
#[derive(Debug)]
pub struct Acquire<'a> {
    gate: &'a Gate,
    limit: usize,
    now: f64,
}

impl<'a> Future for Acquire<'a> {
    type Output = Permit<'a>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Permit<'a>> {
        if self
            .gate
            .limiter
            .borrow_mut()
            .try_acquire(self.limit, self.now)
        {
            Poll::Ready(Permit { gate: self.gate })
        } else {
            self.gate.waiting.borrow_mut().push(cx.waker().clone());
            Poll::Pending
        }
    }
}

/// A held slot, given back when dropped.
#[derive(Debug)]
pub struct Permit<'a> {
    gate: &'a Gate,
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        self.gate.release();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps_and_falls_back_to_one_at_a_time_for_a_while() {
        let mut l = Limiter::default();
        assert!(l.try_acquire(3, 0.0) && l.try_acquire(3, 0.0) && l.try_acquire(3, 0.0));
        assert!(!l.try_acquire(3, 0.0));
        l.throttle(10.0);
        l.release();
        // Two still in flight: nothing new until none remains.
        assert!(!l.try_acquire(3, 20.0));
        l.release();
        l.release();
        assert!(l.try_acquire(3, 20.0));
        assert!(!l.try_acquire(3, 20.0));
        assert!(l.is_throttled(20.0) && !l.is_throttled(10.0 + THROTTLE_MS));
        assert!(l.try_acquire(3, 10.0 + THROTTLE_MS), "the throttle ends");
        assert!(Limiter::default().try_acquire(0, 0.0), "at least one");
    }
}
