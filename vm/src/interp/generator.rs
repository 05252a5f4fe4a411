//! Running generators: `RETURN_GENERATOR` turns the top frame into a generator object,
//! `send` pushes the saved frame back and runs it until it yields or returns, `YIELD_VALUE`
//! saves it again. `throw` and `close` resume with a pending exception.

use std::cell::{Cell, RefCell};

use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::types::generator::{GenState, GeneratorData, SavedFrame};
use crate::vm::Vm;

/// What `send` produced.
pub enum SendResult {
    Yielded(Value),
    Returned(Value),
}

/// Marks a generator finished (its frame returned or raised).
pub fn mark_finished(generator: &Value) {
    if let Some(Payload::Generator(g)) = generator.payload() {
        *g.state.borrow_mut() = GenState::Finished;
    }
}

impl Vm {
    /// Moves the top frame into a new generator object and returns it to the caller.
    pub(crate) fn make_generator_from_top_frame(&mut self) -> super::eval::Flow {
        let Some(mut frame) = self.frames.pop() else {
            return super::eval::Flow::Return(Value::NONE);
        };
        let slots: Vec<Value> = self.stack[frame.base..frame.sp]
            .iter_mut()
            .map(std::mem::take)
            .collect();
        let entry = frame.entry;
        frame.entry = false;
        let code = frame.code.clone();
        let (name, qualname) = match code.as_code() {
            Some(c) => (c.name.clone(), c.qualname.clone()),
            None => (Value::NONE, Value::NONE),
        };
        let ty = match code.as_code().map(|c| c.data.flags) {
            Some(f) if f & crate::bytecode::code::code_flags::COROUTINE != 0 => {
                self.types.coroutine.clone()
            }
            _ => self.types.generator.clone(),
        };
        let generator = Value::alloc(
            &ty,
            Payload::Generator(Box::new(GeneratorData {
                state: RefCell::new(GenState::Suspended(SavedFrame { frame, slots })),
                started: Cell::new(false),
                name: RefCell::new(name),
                qualname: RefCell::new(qualname),
                code,
            })),
        );
        self.deliver(generator, entry)
    }

    /// Saves the top (generator) frame and hands the yielded value out.
    pub(crate) fn yield_from_frame(&mut self, value: Value) -> super::eval::Flow {
        let Some(frame) = self.frames.pop() else {
            return super::eval::Flow::Return(value);
        };
        let slots: Vec<Value> = self.stack[frame.base..frame.sp]
            .iter_mut()
            .map(std::mem::take)
            .collect();
        if !frame.object.is_null() {
            let fast = &slots[..frame.nlocalsplus.min(slots.len())];
            self.detach_frame_object(&frame, fast, false);
        }
        let generator = frame.generator.clone();
        if let Some(Payload::Generator(g)) = generator.payload() {
            *g.state.borrow_mut() = GenState::Suspended(SavedFrame { frame, slots });
        }
        // A generator frame always runs as an entry frame of `resume`.
        super::eval::Flow::Return(value)
    }

    /// Gives `value` to the caller of the just-removed frame.
    fn deliver(&mut self, value: Value, entry: bool) -> super::eval::Flow {
        if entry {
            return super::eval::Flow::Return(value);
        }
        if let Some(caller) = self.frames.last_mut() {
            let sp = caller.sp;
            caller.sp += 1;
            self.stack[sp] = value;
        }
        super::eval::Flow::Reload
    }

    /// Resumes `generator`, sending `value` (or throwing `exc` if not NULL).
    pub fn generator_resume(
        &mut self,
        generator: &Value,
        value: Value,
        exc: Option<PyErr>,
    ) -> PyResult<SendResult> {
        let Some(Payload::Generator(g)) = generator.payload() else {
            return Err(PyErr::internal("resume of a non-generator"));
        };
        let state = std::mem::replace(&mut *g.state.borrow_mut(), GenState::Running);
        let saved = match state {
            GenState::Suspended(saved) => saved,
            GenState::Running => {
                *g.state.borrow_mut() = GenState::Running;
                return Err(PyErr::new(
                    ExcKind::ValueError,
                    "generator already executing",
                ));
            }
            GenState::Finished => {
                *g.state.borrow_mut() = GenState::Finished;
                if let Some(e) = exc {
                    return Err(e);
                }
                return Err(PyErr::stop_iteration());
            }
        };
        if !g.started.get() && exc.is_none() && !value.is_none() {
            *g.state.borrow_mut() = GenState::Suspended(saved);
            return Err(PyErr::type_error(
                "can't send non-None value to a just-started generator",
            ));
        }
        g.started.set(true);
        if let Err(e) = self.check_recursion().and_then(|()| self.enter_native()) {
            *g.state.borrow_mut() = GenState::Suspended(saved);
            return Err(e);
        }
        let SavedFrame { mut frame, slots } = saved;
        let base = self.frames.last().map(|f| f.end()).unwrap_or(0);
        if self.stack.len() < base + frame.size + 1 {
            let new_len = (base + frame.size + 1).max(self.stack.len() * 2).max(1024);
            self.stack.resize_with(new_len, || Value::NULL);
        }
        let count = slots.len();
        for (i, v) in slots.into_iter().enumerate() {
            self.stack[base + i] = v;
        }
        frame.base = base;
        frame.sp = base + count;
        frame.entry = true;
        frame.generator = generator.clone();
        let pending = match exc {
            None => {
                self.stack[frame.sp] = value;
                frame.sp += 1;
                None
            }
            Some(e) => Some(e),
        };
        self.frames.push(frame);
        let result = match pending {
            None => self.eval(),
            Some(e) => self.eval_with_pending(e),
        };
        self.leave_native();
        let finished = matches!(*g.state.borrow(), GenState::Finished | GenState::Running);
        if finished {
            *g.state.borrow_mut() = GenState::Finished;
        }
        match result {
            Ok(v) if finished => Ok(SendResult::Returned(v)),
            Ok(v) => Ok(SendResult::Yielded(v)),
            Err(e) => Err(e),
        }
    }

    /// `SEND`: delegates to a generator or to an iterator's `send`/`__next__`.
    pub fn send_to(&mut self, receiver: &Value, value: Value) -> PyResult<SendResult> {
        if let Some(Payload::Generator(_)) = receiver.payload() {
            return match self.generator_resume(receiver, value, None) {
                Err(e) if self.err_matches(&e, ExcKind::StopIteration) => {
                    let exc = self.exception_object(e);
                    let v = crate::builtins::exceptions::stop_iteration_value(self, &exc);
                    Ok(SendResult::Returned(v))
                }
                other => other,
            };
        }
        let r = if value.is_none() {
            self.next(receiver)
        } else {
            let send = self.getattr_str(receiver, "send")?;
            match self.call(&send, &[value]) {
                Ok(v) => Ok(Some(v)),
                Err(e) if self.err_matches(&e, ExcKind::StopIteration) => {
                    let exc = self.exception_object(e);
                    let v = crate::builtins::exceptions::stop_iteration_value(self, &exc);
                    return Ok(SendResult::Returned(v));
                }
                Err(e) => Err(e),
            }
        };
        match r? {
            Some(v) => Ok(SendResult::Yielded(v)),
            None => Ok(SendResult::Returned(Value::NONE)),
        }
    }
}
