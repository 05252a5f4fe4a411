//! Generators resumed inside the dispatch loop: `FOR_ITER` and `SEND` on a suspended
//! generator (or coroutine) push its saved frame above the caller's and keep looping, as
//! a call does, instead of recursing into `generator_resume`. Its yield or return then
//! delivers straight into the caller's frame. Such a frame is the only kind that has a
//! generator and is not an entry frame; `Vm::inline_resumes` remembers, per frame, where
//! its result goes and the caller's exception state to give back.

use crate::object::{Payload, Value};
use crate::types::generator::GenState;
use crate::vm::Vm;

/// Where an in-loop generator frame's result goes.
#[derive(Clone, Copy)]
pub(crate) enum Delivery {
    /// `FOR_ITER`: a yield pushes the value for the loop body; a return pops the
    /// generator and continues at `exhausted` (the loop's exit).
    ForIter { exhausted: usize },
    /// `SEND` (`yield from`, `await`): a yield pushes the value; a return pushes the
    /// return value and continues at `returned`.
    Send { returned: usize },
}

/// One generator frame running in the loop.
pub(crate) struct InlineResume {
    /// Index of the generator's frame in `Vm::frames`.
    depth: usize,
    delivery: Delivery,
    /// The caller's exception state, restored when the generator's frame leaves.
    caller_exc: Value,
}

impl Vm {
    /// Whether `receiver` is a suspended generator (or, for `SEND`, coroutine) that
    /// `resume_inline` can run in the loop with `sent`: everything unusual (not started
    /// and sent a value, finished, running, traced, at the recursion limit) takes
    /// `generator_resume`, which reports it.
    pub(crate) fn can_resume_inline(
        &self,
        receiver: &Value,
        sent: &Value,
        coroutines: bool,
    ) -> bool {
        let Some(Payload::Generator(g)) = receiver.payload() else {
            return false;
        };
        let ty = self.type_of(receiver);
        if !(ty.is(&self.types.generator) || (coroutines && ty.is(&self.types.coroutine))) {
            return false;
        }
        !self.tracing.active()
            && !g.delegating.get()
            && (g.started.get() || sent.is_none())
            && self.frames.len() < self.recursion_limit
            && matches!(&*g.state.borrow(), GenState::Suspended(_))
    }

    /// Pushes the frame of `generator` (checked by `can_resume_inline`) with `sent` on its
    /// stack; the loop then reloads and runs it.
    pub(crate) fn resume_inline(&mut self, generator: &Value, sent: Value, delivery: Delivery) {
        let Some(Payload::Generator(g)) = generator.payload() else {
            return;
        };
        let state = std::mem::replace(&mut *g.state.borrow_mut(), GenState::Running);
        let GenState::Suspended(saved) = state else {
            *g.state.borrow_mut() = state;
            return;
        };
        g.started.set(true);
        self.push_saved_frame(g, saved, generator, Some(sent), false);
        // The generator sees its own exception state, or the caller's when it has none.
        let own_exc = std::mem::take(&mut *g.exc_state.borrow_mut());
        let caller_exc = if own_exc.is_null() || own_exc.is_none() {
            self.exc_info.clone()
        } else {
            std::mem::replace(&mut self.exc_info, own_exc)
        };
        self.inline_resumes.push(InlineResume {
            depth: self.frames.len() - 1,
            delivery,
            caller_exc,
        });
    }

    /// The bookkeeping when the in-loop frame of `generator` (just removed, so at index
    /// `frames.len()`) yields (`finished` false), returns or raises: the caller's
    /// exception state comes back, the generator keeps its own. Returns where the result
    /// goes, or None when the frame was not run by `resume_inline`.
    pub(crate) fn leave_inline(&mut self, generator: &Value, finished: bool) -> Option<Delivery> {
        if self.inline_resumes.last()?.depth != self.frames.len() {
            return None;
        }
        let resume = self.inline_resumes.pop()?;
        let inner_exc = std::mem::replace(&mut self.exc_info, resume.caller_exc.clone());
        if !finished
            && !inner_exc.is(&resume.caller_exc)
            && let Some(Payload::Generator(g)) = generator.payload()
        {
            *g.exc_state.borrow_mut() = inner_exc;
        }
        Some(resume.delivery)
    }

    /// Gives a value the in-loop generator yielded to its caller (the new top frame).
    pub(crate) fn deliver_yield(&mut self, value: Value) {
        if let Some(caller) = self.frames.last_mut() {
            let sp = caller.sp;
            caller.sp += 1;
            self.stack[sp] = value;
        }
    }

    /// Gives the return value of an in-loop generator to its caller as `delivery` says.
    pub(crate) fn deliver_return(&mut self, value: Value, delivery: Delivery) {
        let Some(caller) = self.frames.last_mut() else {
            return;
        };
        match delivery {
            Delivery::ForIter { exhausted } => {
                caller.ip = exhausted;
                caller.sp -= 1;
                let sp = caller.sp;
                drop(value);
                drop(std::mem::take(&mut self.stack[sp]));
            }
            Delivery::Send { returned } => {
                caller.ip = returned;
                let sp = caller.sp;
                caller.sp += 1;
                self.stack[sp] = value;
            }
        }
    }
}
