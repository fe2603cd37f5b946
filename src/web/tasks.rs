//! The few future combinators `generateCarImages` needs, for one
//! single-threaded task: run futures together, and share a result that one
//! future produces and others wait for. futures-util's versions are built
//! for threads (atomics, task queues, `Arc`s) and cost the wasm 10 KB.

use std::cell::RefCell;
use std::future::{poll_fn, Future};
use std::pin::{pin, Pin};
use std::rc::Rc;
use std::task::{Poll, Waker};

/// A boxed future, so futures of different bodies fit in one list.
pub(crate) type Task<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

/// Boxes a future as a [`Task`].
pub(crate) fn task<'a, T>(f: impl Future<Output = T> + 'a) -> Task<'a, T> {
    Box::pin(f)
}

/// Runs every future at once; their outputs, in order, when all are done.
/// A future is polled until its output is in; done ones wait, unpolled,
/// for the others.
pub(crate) async fn join_all<T>(mut tasks: Vec<Task<'_, T>>) -> Vec<T> {
    let mut outputs: Vec<Option<T>> = Vec::new();
    outputs.resize_with(tasks.len(), || None);
    poll_fn(move |cx| {
        let mut all_done = true;
        for (f, output) in tasks.iter_mut().zip(outputs.iter_mut()) {
            if output.is_none() {
                match f.as_mut().poll(cx) {
                    Poll::Ready(v) => *output = Some(v),
                    Poll::Pending => all_done = false,
                }
            }
        }
        if !all_done {
            return Poll::Pending;
        }
        let mut done = Vec::with_capacity(outputs.len());
        for output in &mut outputs {
            done.extend(output.take());
        }
        Poll::Ready(done)
    })
    .await
}

/// Runs `main` and `beside` together; `main`'s output once both are done.
pub(crate) async fn alongside<T>(
    main: impl Future<Output = T>,
    beside: impl Future<Output = ()>,
) -> T {
    let (mut main, mut beside) = (pin!(main), pin!(beside));
    let (mut output, mut beside_done) = (None, false);
    poll_fn(move |cx| {
        if output.is_none() {
            if let Poll::Ready(v) = main.as_mut().poll(cx) {
                output = Some(v);
            }
        }
        if !beside_done {
            beside_done = beside.as_mut().poll(cx).is_ready();
        }
        if beside_done {
            if let Some(v) = output.take() {
                return Poll::Ready(v);
            }
        }
        Poll::Pending
    })
    .await
}

/// A value set once by one future and awaited by any number of others.
pub(crate) struct Later<T>(Rc<RefCell<(Option<T>, Vec<Waker>)>>);

impl<T> Clone for Later<T> {
    fn clone(&self) -> Self {
        Later(Rc::clone(&self.0))
    }
}

impl<T: Clone> Later<T> {
    /// A value not set yet.
    pub(crate) fn new() -> Self {
        Later(Rc::new(RefCell::new((None, Vec::new()))))
    }

    /// Sets the value and wakes whoever waits for it.
    pub(crate) fn set(&self, value: T) {
        let wakers = {
            let mut state = self.0.borrow_mut();
            state.0 = Some(value);
            std::mem::take(&mut state.1)
        };
        for w in wakers {
            w.wake();
        }
    }

    /// The value, once it is set.
    pub(crate) async fn get(&self) -> T {
        poll_fn(|cx| {
            let mut state = self.0.borrow_mut();
            if let Some(v) = &state.0 {
                return Poll::Ready(v.clone());
            }
            if !state.1.iter().any(|w| w.will_wake(cx.waker())) {
                state.1.push(cx.waker().clone());
            }
            Poll::Pending
        })
        .await
    }
}
