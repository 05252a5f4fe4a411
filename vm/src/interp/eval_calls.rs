//! How the dispatch loop performs `CALL`: Python functions get a new frame in the same loop
//! (no Rust recursion), and so does the `__init__` of a plain class being instantiated;
//! builtins and other callables run at once.

use crate::bytecode::code::code_flags;
use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::types::typeobj::{Layout, type_flags};
use crate::vm::Vm;

impl Vm {
    /// Calls from `CALL`: Python functions get a new frame in this loop (`Ok(None)`: reload);
    /// everything else runs now and returns its result. `args` holds the positional then
    /// keyword arguments (without the receiver); the loop lends it and takes it back.
    pub(super) fn call_from_eval(
        &mut self,
        callable: Value,
        receiver: Option<Value>,
        args: &mut Vec<Value>,
        kwnames: &[Value],
    ) -> PyResult<Option<Value>> {
        let (callable, receiver) = match (callable.payload(), receiver) {
            (Some(Payload::BoundMethod(m)), None) => (m.function.clone(), Some(m.receiver.clone())),
            (_, r) => (callable, r),
        };
        if callable.as_function().is_some() {
            let call_args = Args {
                values: args,
                kwnames,
            };
            self.push_function_frame(&callable, call_args, receiver)?;
            return Ok(None);
        }
        if receiver.is_none()
            && matches!(callable.payload(), Some(Payload::Type(_)))
            && self.push_init_frame(&callable, args, kwnames)?
        {
            return Ok(None);
        }
        if let Some(r) = receiver {
            args.insert(0, r);
            if self.profiles_native_call(&callable) {
                // A method descriptor is reported bound to its `self`, as CPython does.
                let this = args.first().cloned();
                return self
                    .profile_native_call(&callable, this.as_ref(), |vm| {
                        vm.call_args(
                            &callable,
                            Args {
                                values: args,
                                kwnames,
                            },
                        )
                    })
                    .map(Some);
            }
            return self
                .call_args(
                    &callable,
                    Args {
                        values: args,
                        kwnames,
                    },
                )
                .map(Some);
        }
        if self.profiles_native_call(&callable) {
            // Without a receiver, the first argument plays `self` for the report.
            let this = args.first().cloned();
            return self
                .profile_native_call(&callable, this.as_ref(), |vm| {
                    vm.call_args(
                        &callable,
                        Args {
                            values: args,
                            kwnames,
                        },
                    )
                })
                .map(Some);
        }
        self.call_args(
            &callable,
            Args {
                values: args,
                kwnames,
            },
        )
        .map(Some)
    }

    /// `cls(*args)` for a plain class (metaclass `type`, `object.__new__`, no builtin base)
    /// whose `__init__` is an ordinary Python function: allocates the instance and pushes
    /// `__init__`'s frame into this loop (CPython's `CALL_ALLOC_AND_ENTER_INIT`). Returning
    /// from that frame checks the result and hands the instance to the caller
    /// (`return_from_frame`). False when the class needs the general path.
    fn push_init_frame(
        &mut self,
        cls: &Value,
        args: &[Value],
        kwnames: &[Value],
    ) -> PyResult<bool> {
        let Some(data) = cls.as_type_data() else {
            return Ok(false);
        };
        if !data.has_flag(type_flags::HEAPTYPE)
            || data.layout != Layout::Object
            || self.tracing.active()
            || !self.type_of(cls).is(&self.types.type_)
        {
            return Ok(false);
        }
        let Some(init) = self.lookup_type_attr(cls, "__init__") else {
            return Ok(false);
        };
        let plain_function = init.as_function().is_some_and(|f| {
            f.code.borrow().as_code().is_some_and(|c| {
                c.data.flags
                    & (code_flags::GENERATOR
                        | code_flags::COROUTINE
                        | code_flags::ASYNC_GENERATOR
                        | code_flags::ITERABLE_COROUTINE)
                    == 0
            })
        });
        if !plain_function {
            return Ok(false);
        }
        match self.lookup_type_attr(cls, "__new__") {
            Some(new) if crate::interp::class::is_object_new_descriptor(&new) => {}
            _ => return Ok(false),
        }
        let obj = self.new_instance(cls);
        self.push_function_frame(
            &init,
            Args {
                values: args,
                kwnames,
            },
            Some(obj.clone()),
        )?;
        if let Some(top) = self.frames.last_mut() {
            top.init_self = obj;
        }
        Ok(true)
    }

    /// The check CPython's `__init__` shim makes when an `__init__` frame returns `value`.
    pub(super) fn init_result_error(&self, value: &Value) -> PyErr {
        PyErr::type_error(format!(
            "__init__() should return None, not '{}'",
            self.type_name(value)
        ))
    }
}
