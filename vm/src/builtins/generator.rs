//! Generator methods: `__next__`, `send`, `throw`, `close`, `__iter__`.

use crate::interp::args::Args;
use crate::interp::generator::SendResult;
use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::vm::Vm;

/// `next(gen)`: `Ok(None)` when the generator returns.
pub fn generator_next(vm: &mut Vm, generator: &Value) -> PyResult<Option<Value>> {
    match vm.generator_resume(generator, Value::NONE, None) {
        Ok(SendResult::Yielded(v)) => Ok(Some(v)),
        // A generator's return value only matters to `send` and `yield from`.
        Ok(SendResult::Returned(_)) => Ok(None),
        Err(e) if vm.err_matches(&e, ExcKind::StopIteration) && e.lazy_kind().is_some() => Ok(None),
        Err(e) => Err(e),
    }
}

/// `gen.__next__()`: a return value becomes `StopIteration(value)`.
pub fn generator_next_or_stop(vm: &mut Vm, generator: &Value) -> PyResult<Value> {
    let r = vm.generator_resume(generator, Value::NONE, None);
    finish(vm, r)
}

/// Registers the generator methods.
pub fn install(vm: &mut Vm) {
    let generator = vm.types.generator.clone();
    vm.add_method(&generator, "__next__", gen_next);
    vm.add_method(&generator, "__iter__", gen_iter);
    for ty in [generator, vm.types.coroutine.clone()] {
        vm.add_method(&ty, "send", gen_send);
        vm.add_method(&ty, "throw", gen_throw);
        vm.add_method(&ty, "close", gen_close);
    }
    crate::builtins::coroutine::install(vm);
}

fn receiver<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    match args.values.first() {
        Some(v) if matches!(v.payload(), Some(Payload::Generator(_))) => Ok(v),
        _ => Err(PyErr::type_error(format!(
            "descriptor '{name}' requires a 'generator' object"
        ))),
    }
}

pub(crate) fn finish(vm: &mut Vm, r: PyResult<SendResult>) -> PyResult<Value> {
    match r? {
        SendResult::Yielded(v) => Ok(v),
        SendResult::Returned(v) => {
            let _ = vm;
            Err(if v.is_none() {
                PyErr::stop_iteration()
            } else {
                PyErr::with_args(ExcKind::StopIteration, vec![v])
            })
        }
    }
}

fn gen_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let g = receiver(&args, "__next__")?.clone();
    let r = vm.generator_resume(&g, Value::NONE, None);
    finish(vm, r)
}

fn gen_iter(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(receiver(&args, "__iter__")?.clone())
}

fn gen_send(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("send", 2)?;
    let g = receiver(&args, "send")?.clone();
    let r = vm.generator_resume(&g, pos[1].clone(), None);
    finish(vm, r)
}

fn gen_throw(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.range("throw", 2, 4)?;
    let g = receiver(&args, "throw")?.clone();
    let exc = throw_argument(vm, pos)?;
    let r = vm.generator_resume(&g, Value::NONE, Some(PyErr::from_object(exc)));
    finish(vm, r)
}

/// The exception object `throw(typ[, val[, tb]])` raises (`pos[0]` is the receiver).
pub(crate) fn throw_argument(vm: &mut Vm, pos: &[Value]) -> PyResult<Value> {
    let exc = vm.instantiate_exception(&pos[1])?;
    if pos.len() > 2 && !pos[pos.len() - 1].is_none() {
        // An explicit traceback argument (deprecated form) is attached as given.
        if let Some(d) = exc.as_exception() {
            *d.traceback.borrow_mut() = pos[pos.len() - 1].clone();
        }
    }
    Ok(exc)
}

fn gen_close(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let g = receiver(&args, "close")?.clone();
    vm.generator_close(&g)
}
