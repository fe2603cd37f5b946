//! Adaptive concurrency per provider: everything at once by default (or
//! up to `concurrency`), and one at a time as soon as the provider says it
//! is queueing — the original design's "async falls back to sequential",
//! decided per provider and without losing a request.

/// How many requests to one provider may be in flight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limiter {
    limit: usize,
    in_flight: usize,
    throttled: bool,
}

impl Limiter {
    /// A limiter allowing `limit` requests at once (at least one).
    pub fn new(limit: usize) -> Limiter {
        Limiter {
            limit: limit.max(1),
            in_flight: 0,
            throttled: false,
        }
    }

    /// Takes a slot if one is free.
    pub fn try_acquire(&mut self) -> bool {
        if self.in_flight < self.limit {
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

    /// The provider said "too many": from now on, one request at a time.
    pub fn throttle(&mut self) {
        self.limit = 1;
        self.throttled = true;
    }

    /// The current limit.
    pub fn limit(&self) -> usize {
        self.limit
    }

    /// Requests in flight now.
    pub fn in_flight(&self) -> usize {
        self.in_flight
    }

    /// Whether the provider has throttled this run.
    pub fn is_throttled(&self) -> bool {
        self.throttled
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps_and_falls_back_to_one_at_a_time() {
        let mut l = Limiter::new(3);
        assert!(l.try_acquire() && l.try_acquire() && l.try_acquire());
        assert!(!l.try_acquire());
        l.throttle();
        l.release();
        // Two still in flight: nothing new until all but none remain.
        assert!(!l.try_acquire());
        l.release();
        l.release();
        assert!(l.try_acquire());
        assert!(!l.try_acquire());
        assert_eq!((l.limit(), l.in_flight(), l.is_throttled()), (1, 1, true));
        assert_eq!(Limiter::new(0).limit(), 1);
    }
}
