//! Leaving a frame: returning a value to the caller, and unwinding an exception through
//! the exception tables of the frames on the stack (adding traceback entries on the way).

use super::eval::Flow;
use crate::object::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::vm::Vm;

impl Vm {
    /// Pops the finished top frame and hands `value` to its caller. An `__init__` frame
    /// entered by instantiation hands over the new instance instead, or raises in the
    /// caller if `__init__` returned something other than None.
    pub(super) fn return_from_frame(&mut self, value: Value) -> Result<Flow, PyErr> {
        let Some(frame) = self.frames.last_mut() else {
            return Ok(Flow::Return(value));
        };
        let entry = frame.entry;
        let init_self = std::mem::take(&mut frame.init_self);
        let generator = std::mem::take(&mut frame.generator);
        self.discard_top_frame();
        if !generator.is_null() {
            crate::interp::generator::mark_finished(&generator);
            if !entry && let Some(delivery) = self.leave_inline(&generator, true) {
                self.deliver_return(value, delivery);
                return Ok(Flow::Reload);
            }
        }
        let value = if init_self.is_null() {
            value
        } else if value.is_none() {
            init_self
        } else {
            let err = self.init_result_error(&value);
            drop(value);
            drop(init_self);
            return Err(err);
        };
        if entry {
            return Ok(Flow::Return(value));
        }
        if let Some(caller) = self.frames.last_mut() {
            let sp = caller.sp;
            caller.sp += 1;
            self.stack[sp] = value;
        }
        Ok(Flow::Reload)
    }

    /// Finds a handler for `err`, unwinding frames; `Ok(())` when the top frame now
    /// continues in a handler, `Err` when the exception leaves the entry frame.
    pub(super) fn unwind(&mut self, err: PyErr, reraise: bool) -> PyResult<()> {
        let mut exc = self.exception_object(err);
        if !reraise {
            self.set_context_on_raise(&exc);
        }
        let mut add_traceback = !reraise;
        loop {
            let Some(frame) = self.frames.last() else {
                return Err(PyErr::from_object(exc));
            };
            let lasti = frame.lasti;
            let code_value = frame.code.clone();
            if add_traceback {
                self.add_traceback_entry(&exc, &code_value, lasti);
                if self.tracing.active()
                    && let Err(e) = self.trace_raise(&exc)
                {
                    exc = self.exception_object(e);
                }
            }
            add_traceback = true;
            let handler = code_value.as_code().and_then(|code| {
                code.data
                    .exception_table
                    .iter()
                    .filter(|e| (e.start as usize) <= lasti && lasti < e.end as usize)
                    .max_by_key(|e| e.start)
                    .copied()
            });
            if let Some(entry) = handler {
                let Some(frame) = self.frames.last_mut() else {
                    continue;
                };
                let target_sp = frame.base + frame.nlocalsplus + entry.depth as usize;
                let old_sp = frame.sp;
                frame.ip = entry.target as usize;
                let mut sp = target_sp;
                for slot in &mut self.stack[target_sp..old_sp.max(target_sp)] {
                    drop(std::mem::take(slot));
                }
                if entry.push_lasti {
                    self.stack[sp] = self.new_int(lasti as i64);
                    sp += 1;
                }
                self.stack[sp] = exc;
                sp += 1;
                if let Some(frame) = self.frames.last_mut() {
                    frame.sp = sp;
                }
                return Ok(());
            }
            if self.tracing.active()
                && let Err(e) = self.trace_unwind()
            {
                exc = self.exception_object(e);
            }
            let (entry, generator) = match self.frames.last() {
                Some(f) => (f.entry, f.generator.clone()),
                None => (true, Value::NULL),
            };
            self.discard_top_frame();
            if !generator.is_null() {
                crate::interp::generator::mark_finished(&generator);
                if !entry {
                    // A generator resumed in the loop: its caller's frame goes on.
                    self.leave_inline(&generator, true);
                }
            }
            if entry {
                return Err(PyErr::from_object(exc));
            }
        }
    }
}
