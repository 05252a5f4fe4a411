//! Coroutine and async generator methods: `coroutine.__await__()` (its wrapper iterator),
//! `__aiter__`/`__anext__`/`asend`/`athrow`/`aclose` of async generators and the awaitables
//! they return. An async generator's frame marks its own yields with a wrapper (the
//! `AsyncGenWrap` intrinsic) so that `asend` tells them apart from `await` suspensions: a
//! wrapped value ends the awaitable with `StopIteration(value)`, anything else passes
//! through to whoever drives the coroutine.

use std::cell::{Cell, RefCell};

use crate::builtins::generator::{finish, throw_argument};
use crate::interp::args::Args;
use crate::interp::generator::SendResult;
use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::types::generator::{AsyncOp, AwaitableState};
use crate::vm::Vm;

pub fn install(vm: &mut Vm) {
    let coro = vm.types.coroutine.clone();
    vm.add_method(&coro, "__await__", coro_await);

    let wrapper = vm.types.coroutine_wrapper.clone();
    vm.add_method(&wrapper, "__iter__", return_self);
    vm.add_method(&wrapper, "__next__", wrapper_next);
    vm.add_method(&wrapper, "send", wrapper_send);
    vm.add_method(&wrapper, "throw", wrapper_throw);
    vm.add_method(&wrapper, "close", wrapper_close);

    let agen = vm.types.async_generator.clone();
    vm.add_method(&agen, "__aiter__", return_self);
    vm.add_method(&agen, "__anext__", agen_anext);
    vm.add_method(&agen, "asend", agen_asend);
    vm.add_method(&agen, "athrow", agen_athrow);
    vm.add_method(&agen, "aclose", agen_aclose);

    for ty in [
        vm.types.async_generator_asend.clone(),
        vm.types.async_generator_athrow.clone(),
    ] {
        vm.add_method(&ty, "__await__", return_self);
        vm.add_method(&ty, "__iter__", return_self);
        vm.add_method(&ty, "__next__", op_next);
        vm.add_method(&ty, "send", op_send);
        vm.add_method(&ty, "throw", op_throw);
        vm.add_method(&ty, "close", op_close);
    }
}

fn return_self(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.values
        .first()
        .cloned()
        .ok_or_else(|| PyErr::type_error("method needs a receiver"))
}

fn generator_receiver<'a>(args: &Args<'a>, name: &str, kind: &str) -> PyResult<&'a Value> {
    match args.values.first() {
        Some(v) if matches!(v.payload(), Some(Payload::Generator(_))) => Ok(v),
        _ => Err(PyErr::type_error(format!(
            "descriptor '{name}' requires a '{kind}' object"
        ))),
    }
}

fn op_receiver<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a AsyncOp> {
    match args.values.first().and_then(Value::payload) {
        Some(Payload::AsyncOp(op)) => Ok(op),
        _ => Err(PyErr::type_error(format!(
            "descriptor '{name}' requires an awaitable object"
        ))),
    }
}

fn coro_await(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact("__await__", 1)?;
    let coro = generator_receiver(&args, "__await__", "coroutine")?.clone();
    let ty = vm.types.coroutine_wrapper.clone();
    Ok(Value::alloc(
        &ty,
        Payload::AsyncOp(Box::new(AsyncOp::Wrapper { coro })),
    ))
}

fn wrapped_coroutine(args: &Args<'_>, name: &str) -> PyResult<Value> {
    match op_receiver(args, name)? {
        AsyncOp::Wrapper { coro } => Ok(coro.clone()),
        _ => Err(PyErr::type_error(format!(
            "descriptor '{name}' requires a 'coroutine_wrapper' object"
        ))),
    }
}

fn wrapper_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let coro = wrapped_coroutine(&args, "__next__")?;
    let r = vm.generator_resume(&coro, Value::NONE, None);
    finish(vm, r)
}

fn wrapper_send(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("send", 2)?;
    let coro = wrapped_coroutine(&args, "send")?;
    let r = vm.generator_resume(&coro, pos[1].clone(), None);
    finish(vm, r)
}

fn wrapper_throw(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.range("throw", 2, 4)?;
    let coro = wrapped_coroutine(&args, "throw")?;
    let exc = throw_argument(vm, pos)?;
    let r = vm.generator_resume(&coro, Value::NONE, Some(PyErr::from_object(exc)));
    finish(vm, r)
}

fn wrapper_close(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let coro = wrapped_coroutine(&args, "close")?;
    vm.generator_close(&coro)
}

fn new_asend(vm: &mut Vm, agen: Value, value: Value) -> Value {
    let ty = vm.types.async_generator_asend.clone();
    Value::alloc(
        &ty,
        Payload::AsyncOp(Box::new(AsyncOp::ASend {
            agen,
            value: RefCell::new(value),
            state: Cell::new(AwaitableState::Init),
        })),
    )
}

fn new_athrow(vm: &mut Vm, agen: Value, exc: Value) -> Value {
    let ty = vm.types.async_generator_athrow.clone();
    Value::alloc(
        &ty,
        Payload::AsyncOp(Box::new(AsyncOp::AThrow {
            agen,
            exc,
            state: Cell::new(AwaitableState::Init),
        })),
    )
}

fn agen_anext(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact("__anext__", 1)?;
    let agen = generator_receiver(&args, "__anext__", "async_generator")?.clone();
    Ok(new_asend(vm, agen, Value::NONE))
}

fn agen_asend(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("asend", 2)?;
    let agen = generator_receiver(&args, "asend", "async_generator")?.clone();
    Ok(new_asend(vm, agen, pos[1].clone()))
}

fn agen_athrow(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.range("athrow", 2, 4)?;
    let agen = generator_receiver(&args, "athrow", "async_generator")?.clone();
    let exc = throw_argument(vm, pos)?;
    Ok(new_athrow(vm, agen, exc))
}

fn agen_aclose(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact("aclose", 1)?;
    let agen = generator_receiver(&args, "aclose", "async_generator")?.clone();
    Ok(new_athrow(vm, agen, Value::NULL))
}

/// What one step of an async generator means to its awaitable: a wrapped yield finishes
/// the awaitable with that value, a plain yield is an `await` suspension passed outward,
/// and returning ends the iteration.
fn unwrap_step(result: PyResult<SendResult>, state: &Cell<AwaitableState>) -> PyResult<Value> {
    match result {
        Ok(SendResult::Yielded(v)) => match v.payload() {
            Some(Payload::AsyncOp(op)) => match &**op {
                AsyncOp::Wrapped(inner) => {
                    state.set(AwaitableState::Closed);
                    Err(stop_with(inner.clone()))
                }
                _ => Ok(v),
            },
            _ => Ok(v),
        },
        Ok(SendResult::Returned(_)) => {
            state.set(AwaitableState::Closed);
            Err(PyErr::with_args(ExcKind::StopAsyncIteration, Vec::new()))
        }
        Err(e) => {
            state.set(AwaitableState::Closed);
            Err(e)
        }
    }
}

fn stop_with(value: Value) -> PyErr {
    if value.is_none() {
        PyErr::stop_iteration()
    } else {
        PyErr::with_args(ExcKind::StopIteration, vec![value])
    }
}

fn is_wrapped(result: &PyResult<SendResult>) -> bool {
    matches!(result, Ok(SendResult::Yielded(v))
        if matches!(v.payload(), Some(Payload::AsyncOp(op)) if matches!(**op, AsyncOp::Wrapped(_))))
}

/// One step of an `asend`/`athrow` awaitable: `value` sent in, or `exc` thrown in.
fn op_step(vm: &mut Vm, op: &AsyncOp, value: Value, exc: Option<PyErr>) -> PyResult<Value> {
    match op {
        AsyncOp::ASend {
            agen,
            value: first,
            state,
        } => {
            let value = match state.get() {
                AwaitableState::Closed => {
                    return Err(PyErr::runtime_error(
                        "cannot reuse already awaited __anext__()/asend()",
                    ));
                }
                AwaitableState::Init => {
                    state.set(AwaitableState::Iter);
                    if value.is_none() {
                        first.borrow().clone()
                    } else {
                        value
                    }
                }
                AwaitableState::Iter => value,
            };
            let r = vm.generator_resume(agen, value, exc);
            unwrap_step(r, state)
        }
        AsyncOp::AThrow {
            agen,
            exc: thrown,
            state,
        } => {
            let closing = thrown.is_null();
            let r = match state.get() {
                AwaitableState::Closed => {
                    return Err(PyErr::runtime_error(
                        "cannot reuse already awaited aclose()/athrow()",
                    ));
                }
                AwaitableState::Init => {
                    if is_finished(agen) {
                        state.set(AwaitableState::Closed);
                        return Err(if closing {
                            PyErr::stop_iteration()
                        } else {
                            PyErr::with_args(ExcKind::StopAsyncIteration, Vec::new())
                        });
                    }
                    state.set(AwaitableState::Iter);
                    let err = if closing {
                        let exit = vm.new_exception(ExcKind::GeneratorExit, Vec::new());
                        PyErr::from_object(exit)
                    } else {
                        PyErr::from_object(thrown.clone())
                    };
                    vm.generator_resume(agen, Value::NONE, Some(err))
                }
                AwaitableState::Iter => vm.generator_resume(agen, value, exc),
            };
            if closing {
                if is_wrapped(&r) {
                    state.set(AwaitableState::Closed);
                    return Err(PyErr::runtime_error(
                        "async generator ignored GeneratorExit",
                    ));
                }
                return match unwrap_step(r, state) {
                    Err(e)
                        if vm.err_matches(&e, ExcKind::StopAsyncIteration)
                            || vm.err_matches(&e, ExcKind::GeneratorExit) =>
                    {
                        Err(PyErr::stop_iteration())
                    }
                    other => other,
                };
            }
            unwrap_step(r, state)
        }
        _ => Err(PyErr::type_error("not an async generator awaitable")),
    }
}

fn is_finished(agen: &Value) -> bool {
    matches!(agen.payload(), Some(Payload::Generator(g))
        if matches!(&*g.state.borrow(), crate::types::generator::GenState::Finished))
}

fn op_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let op = op_receiver(&args, "__next__")?;
    op_step(vm, op, Value::NONE, None)
}

fn op_send(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("send", 2)?;
    let op = op_receiver(&args, "send")?;
    op_step(vm, op, pos[1].clone(), None)
}

fn op_throw(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.range("throw", 2, 4)?;
    let op = op_receiver(&args, "throw")?;
    let exc = throw_argument(vm, pos)?;
    op_step(vm, op, Value::NONE, Some(PyErr::from_object(exc)))
}

fn op_close(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match op_receiver(&args, "close")? {
        AsyncOp::ASend { state, .. } | AsyncOp::AThrow { state, .. } => {
            state.set(AwaitableState::Closed);
        }
        _ => {}
    }
    Ok(Value::NONE)
}
