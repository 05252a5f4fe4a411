//! The `await` family of instructions: `GET_AWAITABLE`, `GET_AITER`, `GET_ANEXT`,
//! `END_ASYNC_FOR` and `BEFORE_ASYNC_WITH`, with CPython's error messages. Coroutines are
//! driven by the same `SEND` loop as `yield from`.

use crate::bytecode::code::code_flags;
use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::vm::Vm;

/// Why an object is being awaited (`GET_AWAITABLE`'s oparg).
fn await_context(oparg: u32) -> Option<&'static str> {
    match oparg {
        1 => Some("__aenter__"),
        2 => Some("__aexit__"),
        _ => None,
    }
}

impl Vm {
    /// Whether `v` is a coroutine object, or a generator marked by `types.coroutine`.
    pub fn is_awaitable_generator(&self, v: &Value) -> bool {
        let Some(Payload::Generator(g)) = v.payload() else {
            return false;
        };
        if v.as_object()
            .is_some_and(|o| o.has_type(&self.types.coroutine))
        {
            return true;
        }
        g.code
            .as_code()
            .is_some_and(|c| c.data.flags & code_flags::ITERABLE_COROUTINE != 0)
    }

    /// `GET_AWAITABLE`: the iterator an `await` drives.
    pub fn get_awaitable(&mut self, v: Value, oparg: u32) -> PyResult<Value> {
        if self.is_awaitable_generator(&v) {
            if let Some(Payload::Generator(g)) = v.payload()
                && crate::interp::generator::yield_from_target(&g.state.borrow()).is_some()
            {
                return Err(PyErr::runtime_error("coroutine is being awaited already"));
            }
            return Ok(v);
        }
        let Some(method) = self.lookup_special(&v, "__await__") else {
            let tn = self.type_name(&v);
            return Err(PyErr::type_error(match await_context(oparg) {
                Some(m) => format!(
                    "'async with' received an object from {m} that does not implement __await__: {tn}"
                ),
                None => format!("object {tn} can't be used in 'await' expression"),
            }));
        };
        let it = self.call(&method, &[v])?;
        if self.is_awaitable_generator(&it) {
            return Err(PyErr::type_error("__await__() returned a coroutine"));
        }
        let is_iterator = matches!(it.payload(), Some(Payload::Generator(_)))
            || self.lookup_special(&it, "__next__").is_some();
        if !is_iterator {
            return Err(PyErr::type_error(format!(
                "__await__() returned non-iterator of type '{}'",
                self.type_name(&it)
            )));
        }
        Ok(it)
    }

    /// `GET_AITER`: `type(obj).__aiter__(obj)`, which must have `__anext__`.
    pub fn get_aiter(&mut self, obj: Value) -> PyResult<Value> {
        let Some(method) = self.lookup_special(&obj, "__aiter__") else {
            return Err(PyErr::type_error(format!(
                "'async for' requires an object with __aiter__ method, got {}",
                self.type_name(&obj)
            )));
        };
        let it = self.call(&method, &[obj])?;
        if self.lookup_special(&it, "__anext__").is_none() {
            return Err(PyErr::type_error(format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                self.type_name(&it)
            )));
        }
        Ok(it)
    }

    /// `GET_ANEXT`: the awaitable of `type(aiter).__anext__(aiter)`.
    pub fn get_anext(&mut self, aiter: &Value) -> PyResult<Value> {
        let Some(method) = self.lookup_special(aiter, "__anext__") else {
            return Err(PyErr::type_error(format!(
                "'async for' requires an iterator with __anext__ method, got {}",
                self.type_name(aiter)
            )));
        };
        let next = self.call(&method, &[aiter.clone()])?;
        if self.is_awaitable_generator(&next) {
            return Ok(next);
        }
        if self.lookup_special(&next, "__await__").is_none() {
            return Err(PyErr::type_error(format!(
                "'async for' received an invalid object from __anext__: {}",
                self.type_name(&next)
            )));
        }
        self.get_awaitable(next, 0)
    }

    /// `BEFORE_ASYNC_WITH`: returns the bound `__aexit__` and the result of `__aenter__()`.
    pub fn before_async_with(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        let enter = self.lookup_special(mgr, "__aenter__");
        let exit = self.lookup_special(mgr, "__aexit__");
        let tn = self.type_name(mgr);
        let Some(enter) = enter else {
            return Err(PyErr::type_error(format!(
                "'{tn}' object does not support the asynchronous context manager protocol"
            )));
        };
        let Some(exit) = exit else {
            return Err(PyErr::type_error(format!(
                "'{tn}' object does not support the asynchronous context manager protocol (missed __aexit__ method)"
            )));
        };
        let ty = self.type_of(mgr);
        let bound_exit = self.descriptor_get(&exit, mgr, &ty)?;
        let entered = self.call(&enter, &[mgr.clone()])?;
        Ok((bound_exit, entered))
    }

    /// `END_ASYNC_FOR`: `StopAsyncIteration` ends the loop; anything else propagates.
    pub fn end_async_for(&mut self, exc: Value) -> Result<(), PyErr> {
        if self.is_instance(&exc, self.types.exception(ExcKind::StopAsyncIteration)) {
            return Ok(());
        }
        Err(PyErr::from_object(exc))
    }
}
