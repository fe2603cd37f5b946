//! An async gate per provider around the core's [`Limiter`]: requests wait
//! here for a slot, and a throttled provider is then served one at a time.
//! A semaphore whose size drops while permits are out: the futures crate
//! has none (its `lock::Mutex` is the one-permit case only), so this is the
//! one hand-made future of the shell, a `Waker` list around the core's
//! pure counter.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use crate::core::generate::limiter::Limiter;

/// Slots of one provider.
#[derive(Debug)]
pub(crate) struct Gate {
    limiter: RefCell<Limiter>,
    waiting: RefCell<Vec<Waker>>,
}

impl Gate {
    pub(crate) fn new(limit: usize) -> Gate {
        Gate {
            limiter: RefCell::new(Limiter::new(limit)),
            waiting: RefCell::new(Vec::new()),
        }
    }

    /// Waits for a slot.
    pub(crate) fn acquire(&self) -> Acquire<'_> {
        Acquire { gate: self }
    }

    /// The provider said "too many": one at a time from now on.
    pub(crate) fn throttle(&self) {
        self.limiter.borrow_mut().throttle();
    }

    pub(crate) fn is_throttled(&self) -> bool {
        self.limiter.borrow().is_throttled()
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
pub(crate) struct Acquire<'a> {
    gate: &'a Gate,
}

impl<'a> Future for Acquire<'a> {
    type Output = Permit<'a>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Permit<'a>> {
        if self.gate.limiter.borrow_mut().try_acquire() {
            Poll::Ready(Permit { gate: self.gate })
        } else {
            self.gate.waiting.borrow_mut().push(cx.waker().clone());
            Poll::Pending
        }
    }
}

/// A held slot, given back when dropped.
#[derive(Debug)]
pub(crate) struct Permit<'a> {
    gate: &'a Gate,
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        self.gate.release();
    }
}
