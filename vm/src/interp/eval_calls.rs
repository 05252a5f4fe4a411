//! How the dispatch loop performs `CALL`: Python functions get a new frame in the same loop
//! (no Rust recursion); builtins, classes and other callables run at once.

use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::PyResult;
use crate::vm::Vm;

impl Vm {
    /// Calls from `CALL`: Python functions get a new frame in this loop (`Ok(None)`: reload);
    /// everything else runs now and returns its result.
    pub(super) fn call_from_eval(
        &mut self,
        callable: Value,
        receiver: Option<Value>,
        args: &[Value],
        kwnames: &[Value],
    ) -> PyResult<Option<Value>> {
        let (callable, receiver) = match (callable.payload(), receiver) {
            (Some(Payload::BoundMethod(m)), None) => (m.function.clone(), Some(m.receiver.clone())),
            (_, r) => (callable, r),
        };
        let call_args = Args {
            values: args,
            kwnames,
        };
        if callable.as_function().is_some() {
            self.push_function_frame(&callable, call_args, receiver)?;
            return Ok(None);
        }
        if self.profiles_native_call(&callable) {
            // A method descriptor is reported bound to its `self` (the receiver, or else
            // the first argument), as CPython does.
            let this = receiver.clone().or_else(|| args.first().cloned());
            return self
                .profile_native_call(&callable, this.as_ref(), |vm| {
                    vm.call_native_from_eval(&callable, receiver, args, kwnames)
                })
                .map(Some);
        }
        self.call_native_from_eval(&callable, receiver, args, kwnames)
            .map(Some)
    }

    /// The non-Python half of `call_from_eval`.
    pub(super) fn call_native_from_eval(
        &mut self,
        callable: &Value,
        receiver: Option<Value>,
        args: &[Value],
        kwnames: &[Value],
    ) -> PyResult<Value> {
        let call_args = Args {
            values: args,
            kwnames,
        };
        match receiver {
            None => self.call_args(callable, call_args),
            Some(r) => {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(r);
                all.extend(args.iter().cloned());
                self.call_args(
                    callable,
                    Args {
                        values: &all,
                        kwnames,
                    },
                )
            }
        }
    }
}
