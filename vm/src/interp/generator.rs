//! Running generators: `RETURN_GENERATOR` turns the top frame into a generator object,
//! `send` pushes the saved frame back and runs it until it yields or returns, `YIELD_VALUE`
//! saves it again. `throw` and `close` resume with a pending exception.

use std::cell::{Cell, RefCell};

use crate::interp::frame::Frame;
use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::types::generator::{GenState, GeneratorData, SavedFrame};
use crate::vm::Vm;

/// The three kinds of objects built on generator frames.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

impl GenKind {
    pub fn of(vm: &Vm, generator: &Value) -> GenKind {
        match generator.as_object() {
            Some(o) if o.has_type(&vm.types.coroutine) => GenKind::Coroutine,
            Some(o) if o.has_type(&vm.types.async_generator) => GenKind::AsyncGenerator,
            _ => GenKind::Generator,
        }
    }

    /// How CPython's messages name it.
    pub fn noun(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        }
    }
}

/// Outcome of throwing into a `yield from` target.
enum Thrown {
    /// The subiterator handled the exception and yielded again.
    Yielded(Value),
    /// The delegating frame resumes with this exception pending.
    Resume(PyErr),
}

/// The iterator a suspended frame waits on in `yield from`/`await`: the frame stopped at
/// the `RESUME` (oparg 2 or 3) after the `YIELD_VALUE` of a `SEND` loop, with the
/// subiterator on top of its stack.
pub fn yield_from_target(state: &GenState) -> Option<Value> {
    let GenState::Suspended(saved) = state else {
        return None;
    };
    let code = saved.frame.code.as_code()?;
    let unit = code.units.get(saved.frame.ip)?.get();
    let (op, arg) = crate::bytecode::split_unit(unit);
    if op != crate::bytecode::opcodes::Opcode::RESUME as u8 || arg < 2 {
        return None;
    }
    saved.slots.last().cloned()
}

/// Whether `close()` may finish a suspended generator without running it: CPython skips
/// throwing `GeneratorExit` when the frame waits at a plain `yield` whose only enclosing
/// handler is the implicit one that turns `StopIteration` into `RuntimeError` (no `try`,
/// `with` or `finally` could observe the exception). The frame then never runs again: no
/// trace events, and its frame object has no `f_back`.
fn closes_without_running(state: &GenState) -> bool {
    use crate::bytecode::opcodes::Opcode;
    let GenState::Suspended(saved) = state else {
        return false;
    };
    if yield_from_target(state).is_some() {
        return false;
    }
    let Some(code) = saved.frame.code.as_code() else {
        return false;
    };
    let ip = saved.frame.ip;
    let covering = code
        .data
        .exception_table
        .iter()
        .filter(|e| (e.start as usize) <= ip && ip < e.end as usize)
        .max_by_key(|e| e.start);
    let Some(entry) = covering else {
        return true;
    };
    let Some(unit) = code.units.get(entry.target as usize) else {
        return false;
    };
    const INTRINSIC_STOPITERATION_ERROR: u32 = 3;
    let (op, arg) = crate::bytecode::split_unit(unit.get());
    op == Opcode::CALL_INTRINSIC_1 as u8 && arg == INTRINSIC_STOPITERATION_ERROR
}

/// What `send` produced.
pub enum SendResult {
    Yielded(Value),
    Returned(Value),
}

/// Marks a generator finished (its frame returned or raised).
pub fn mark_finished(generator: &Value) {
    if let Some(Payload::Generator(g)) = generator.payload() {
        *g.state.borrow_mut() = GenState::Finished;
        drop(g.spare.borrow_mut().take());
    }
}

/// CPython's close of a generator that no handler can observe: its locals and stack go,
/// but the frame (function, globals) stays with the generator until that is freed, as
/// `_PyFrame_ClearLocals` leaves it (so the collector counts what the function's closure
/// still holds as CPython does).
fn finish_clearing_locals(generator: &Value) {
    if let Some(Payload::Generator(g)) = generator.payload() {
        let old = std::mem::replace(&mut *g.state.borrow_mut(), GenState::Finished);
        if let GenState::Suspended(mut saved) = old {
            let slots = std::mem::take(&mut saved.slots);
            *g.spare.borrow_mut() = Some(saved);
            drop(slots);
        }
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
        // Named after the function (whose code may be borrowed), as CPython does.
        let (name, qualname) = match (frame.func.as_function(), code.as_code()) {
            (Some(f), _) => (f.name.borrow().clone(), f.qualname.borrow().clone()),
            (None, Some(c)) => (c.name.clone(), c.qualname.clone()),
            (None, None) => (Value::NONE, Value::NONE),
        };
        let ty = match code.as_code().map(|c| c.data.flags) {
            Some(f) if f & crate::bytecode::code::code_flags::COROUTINE != 0 => {
                self.types.coroutine.clone()
            }
            Some(f) if f & crate::bytecode::code::code_flags::ASYNC_GENERATOR != 0 => {
                self.types.async_generator.clone()
            }
            _ => self.types.generator.clone(),
        };
        let generator = Value::alloc(
            &ty,
            Payload::Generator(Box::new(GeneratorData {
                state: RefCell::new(GenState::Suspended(Box::new(SavedFrame { frame, slots }))),
                started: Cell::new(false),
                delegating: Cell::new(false),
                exc_state: RefCell::new(Value::NULL),
                name: RefCell::new(name),
                qualname: RefCell::new(qualname),
                code,
                spare: RefCell::new(None),
            })),
        );
        self.deliver(generator, entry)
    }

    /// Saves the top (generator) frame and hands the yielded value out.
    pub(crate) fn yield_from_frame(&mut self, value: Value) -> super::eval::Flow {
        // The saved frame must not own its generator (that cycle would keep both alive);
        // `generator_resume` sets the link again.
        let (generator, entry) = match self.frames.last_mut() {
            Some(top) => (std::mem::take(&mut top.generator), top.entry),
            None => return super::eval::Flow::Return(value),
        };
        // The box (and slot vector) the last resume left behind is reused: no allocation
        // per yield.
        let spare = match generator.payload() {
            Some(Payload::Generator(g)) => g.spare.borrow_mut().take(),
            _ => None,
        };
        let mut saved = spare.unwrap_or_else(|| {
            Box::new(SavedFrame {
                frame: Frame::vacant(),
                slots: Vec::new(),
            })
        });
        let Some(frame) = self.frames.last_mut() else {
            return super::eval::Flow::Return(value);
        };
        frame.move_into(&mut saved.frame);
        let depth = self.frames.len() - 1;
        self.frames.truncate(depth);
        let frame = &saved.frame;
        saved.slots.clear();
        saved.slots.extend(
            self.stack[frame.base..frame.sp]
                .iter_mut()
                .map(std::mem::take),
        );
        if !frame.object.is_null() {
            let fast = &saved.slots[..frame.nlocalsplus.min(saved.slots.len())];
            self.detach_frame_object(frame, fast, false);
        }
        if let Some(Payload::Generator(g)) = generator.payload() {
            *g.state.borrow_mut() = GenState::Suspended(saved);
        }
        // A frame `generator_resume` runs is an entry frame; one resumed in the loop
        // (`FOR_ITER`, `SEND`) hands the value to its caller's frame.
        if !entry && self.leave_inline(&generator, false).is_some() {
            self.deliver_yield(value);
            return super::eval::Flow::Reload;
        }
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

    /// Resumes `generator`, sending `value` (or throwing `exc` if not NULL). A throw into a
    /// generator suspended in `yield from`/`await` goes to the subiterator first.
    pub fn generator_resume(
        &mut self,
        generator: &Value,
        value: Value,
        exc: Option<PyErr>,
    ) -> PyResult<SendResult> {
        let Some(Payload::Generator(g)) = generator.payload() else {
            return Err(PyErr::internal("resume of a non-generator"));
        };
        if g.delegating.get() || matches!(&*g.state.borrow(), GenState::Running) {
            return Err(PyErr::value_error(format!(
                "{} already executing",
                GenKind::of(self, generator).noun()
            )));
        }
        let exc = match exc {
            Some(e) => match yield_from_target(&g.state.borrow()) {
                Some(sub) => {
                    g.delegating.set(true);
                    let thrown = self.throw_to_subiterator(&sub, e);
                    g.delegating.set(false);
                    match thrown {
                        Thrown::Yielded(v) => return Ok(SendResult::Yielded(v)),
                        Thrown::Resume(e) => Some(e),
                    }
                }
                None => Some(e),
            },
            None => None,
        };
        let state = std::mem::replace(&mut *g.state.borrow_mut(), GenState::Running);
        let saved = match state {
            GenState::Suspended(saved) => saved,
            GenState::Running => {
                return Err(PyErr::internal("generator state changed while delegating"));
            }
            GenState::Finished => {
                *g.state.borrow_mut() = GenState::Finished;
                if let Some(e) = exc {
                    return Err(e);
                }
                return Err(match GenKind::of(self, generator) {
                    GenKind::Coroutine => {
                        PyErr::runtime_error("cannot reuse already awaited coroutine")
                    }
                    GenKind::AsyncGenerator => {
                        PyErr::with_args(ExcKind::StopAsyncIteration, Vec::new())
                    }
                    GenKind::Generator => PyErr::stop_iteration(),
                });
            }
        };
        if !g.started.get() && exc.is_none() && !value.is_none() {
            *g.state.borrow_mut() = GenState::Suspended(saved);
            return Err(PyErr::type_error(format!(
                "can't send non-None value to a just-started {}",
                GenKind::of(self, generator).noun()
            )));
        }
        g.started.set(true);
        if let Err(e) = self.check_recursion().and_then(|()| self.enter_native()) {
            *g.state.borrow_mut() = GenState::Suspended(saved);
            return Err(e);
        }
        let pending = match exc {
            None => {
                self.push_saved_frame(g, saved, generator, Some(value), true);
                None
            }
            Some(e) => {
                self.push_saved_frame(g, saved, generator, None, true);
                Some(e)
            }
        };
        // The generator sees its own exception state, or the caller's when it has none.
        let own_exc = std::mem::take(&mut *g.exc_state.borrow_mut());
        let caller_exc = if own_exc.is_null() || own_exc.is_none() {
            self.exc_info.clone()
        } else {
            std::mem::replace(&mut self.exc_info, own_exc)
        };
        let result = match pending {
            None => self.eval(),
            Some(e) => self.eval_with_pending(e),
        };
        let inner_exc = std::mem::replace(&mut self.exc_info, caller_exc.clone());
        self.leave_native();
        let finished = matches!(*g.state.borrow(), GenState::Finished | GenState::Running);
        if finished {
            *g.state.borrow_mut() = GenState::Finished;
        } else if !inner_exc.is(&caller_exc) {
            *g.exc_state.borrow_mut() = inner_exc;
        }
        match result {
            Ok(v) if finished => Ok(SendResult::Returned(v)),
            Ok(v) => Ok(SendResult::Yielded(v)),
            Err(e) => Err(e),
        }
    }

    /// Puts a suspended generator's frame back on the frame stack above the current top
    /// frame, its slots back into its window, and `sent` (if any) on its value stack. The
    /// emptied box and slot vector wait in `spare` for the next yield.
    pub(crate) fn push_saved_frame(
        &mut self,
        g: &GeneratorData,
        mut saved: Box<SavedFrame>,
        generator: &Value,
        sent: Option<Value>,
        entry: bool,
    ) {
        let base = self.frames.last().map(|f| f.end()).unwrap_or(0);
        let size = saved.frame.size;
        if self.stack.len() < base + size + 1 {
            let new_len = (base + size + 1).max(self.stack.len() * 2).max(1024);
            self.stack.resize_with(new_len, || Value::NULL);
        }
        let count = saved.slots.len();
        for (slot, v) in self.stack[base..base + count]
            .iter_mut()
            .zip(saved.slots.drain(..))
        {
            *slot = v;
        }
        self.frames.push(Frame::vacant());
        let Some(frame) = self.frames.last_mut() else {
            return;
        };
        saved.frame.move_into(frame);
        *g.spare.borrow_mut() = Some(saved);
        frame.base = base;
        frame.sp = base + count;
        frame.entry = entry;
        frame.generator = generator.clone();
        if let Some(value) = sent {
            self.stack[frame.sp] = value;
            frame.sp += 1;
        }
    }

    /// Throws `err` into the iterator a `yield from`/`await` is waiting on. `GeneratorExit`
    /// closes it instead and is then raised in the delegating frame.
    fn throw_to_subiterator(&mut self, sub: &Value, err: PyErr) -> Thrown {
        if self.err_matches(&err, ExcKind::GeneratorExit) {
            let closed = if matches!(sub.payload(), Some(Payload::Generator(_))) {
                self.generator_close(sub).map(drop)
            } else {
                match self.getattr_opt(sub, "close") {
                    Ok(Some(close)) => self.call(&close, &[]).map(drop),
                    Ok(None) => Ok(()),
                    Err(e) => Err(e),
                }
            };
            return Thrown::Resume(closed.err().unwrap_or(err));
        }
        let outcome = if matches!(sub.payload(), Some(Payload::Generator(_))) {
            self.generator_resume(sub, Value::NONE, Some(err))
        } else {
            match self.getattr_opt(sub, "throw") {
                Ok(Some(throw)) => {
                    let exc = self.exception_object(err);
                    self.call(&throw, &[exc]).map(SendResult::Yielded)
                }
                Ok(None) => return Thrown::Resume(err),
                Err(e) => return Thrown::Resume(e),
            }
        };
        match outcome {
            Ok(SendResult::Yielded(v)) => Thrown::Yielded(v),
            // The subiterator finished: its value reaches the delegating frame as the
            // StopIteration that `CLEANUP_THROW` turns into the result of `yield from`.
            Ok(SendResult::Returned(v)) => {
                Thrown::Resume(PyErr::with_args(ExcKind::StopIteration, vec![v]))
            }
            Err(e) => Thrown::Resume(e),
        }
    }

    /// `generator.close()`: raises `GeneratorExit` at the suspension point; returns the
    /// generator's return value (None when it was not started or raised GeneratorExit).
    pub fn generator_close(&mut self, generator: &Value) -> PyResult<Value> {
        let Some(Payload::Generator(data)) = generator.payload() else {
            return Ok(Value::NONE);
        };
        if !data.started.get() {
            mark_finished(generator);
            return Ok(Value::NONE);
        }
        if matches!(&*data.state.borrow(), GenState::Finished) {
            return Ok(Value::NONE);
        }
        if closes_without_running(&data.state.borrow()) {
            finish_clearing_locals(generator);
            return Ok(Value::NONE);
        }
        let kind = GenKind::of(self, generator);
        let exit = self.new_exception(ExcKind::GeneratorExit, Vec::new());
        match self.generator_resume(generator, Value::NONE, Some(PyErr::from_object(exit))) {
            Ok(SendResult::Yielded(_)) => {
                let msg = self.new_str(&format!("{} ignored GeneratorExit", kind.noun()));
                let err = self.new_exception(ExcKind::RuntimeError, vec![msg]);
                Err(PyErr::from_object(err))
            }
            Ok(SendResult::Returned(v)) => Ok(v),
            Err(e)
                if self.err_matches(&e, ExcKind::GeneratorExit)
                    || self.err_matches(&e, ExcKind::StopIteration) =>
            {
                Ok(Value::NONE)
            }
            Err(e) => Err(e),
        }
    }

    /// Finalizes a suspended generator whose last reference went away: closes it (once),
    /// reporting errors like CPython's unraisable hook.
    pub fn finalize_generator(&mut self, generator: &Value) {
        let result = self.generator_close(generator);
        // A generator is finalized only once, even if it ignored GeneratorExit.
        let finished = matches!(generator.payload(),
            Some(Payload::Generator(g)) if matches!(&*g.state.borrow(), GenState::Finished));
        if !finished {
            mark_finished(generator);
        }
        if let Err(e) = result {
            self.report_unraisable(e, generator);
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
            if matches!(receiver.payload(), Some(Payload::Iterator(_))) {
                self.next(receiver)
            } else {
                // Call `__next__` itself: the StopIteration's value is the result.
                let Some(next) = self.lookup_special(receiver, "__next__") else {
                    return Err(PyErr::type_error(format!(
                        "'{}' object is not an iterator",
                        self.type_name(receiver)
                    )));
                };
                match self.call(&next, &[receiver.clone()]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if self.err_matches(&e, ExcKind::StopIteration) => {
                        let exc = self.exception_object(e);
                        let v = crate::builtins::exceptions::stop_iteration_value(self, &exc);
                        return Ok(SendResult::Returned(v));
                    }
                    Err(e) => Err(e),
                }
            }
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
