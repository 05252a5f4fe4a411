//! `FrameLocalsProxy` (PEP 667): what `frame.f_locals` returns for a function frame in
//! 3.13+. A live mapping over the frame's fast locals (reading through cells); writes go
//! into the frame, names that are not locals of the code land in an "extra" dict.
//! Variables cannot be removed.

use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::vm::Vm;

pub fn install(vm: &mut Vm) {
    let ty = vm.types.frame_locals_proxy.clone();
    vm.add_method(&ty, "__getitem__", proxy_getitem);
    vm.add_method(&ty, "__setitem__", proxy_setitem);
    vm.add_method(&ty, "__delitem__", proxy_delitem);
    vm.add_method(&ty, "__contains__", proxy_contains);
    vm.add_method(&ty, "__len__", proxy_len);
    vm.add_method(&ty, "__iter__", proxy_iter);
    vm.add_method(&ty, "__eq__", proxy_eq);
    vm.add_method(&ty, "keys", proxy_keys);
    vm.add_method(&ty, "values", proxy_values);
    vm.add_method(&ty, "items", proxy_items);
    vm.add_method(&ty, "get", proxy_get);
    vm.add_method(&ty, "copy", proxy_copy);
}

/// A fresh dict with the proxy's current contents (`copy()`, `repr`, comparisons).
pub fn snapshot_dict(vm: &mut Vm, frame: &Value) -> PyResult<Value> {
    let d = vm.new_dict();
    for (k, v) in vm.frame_locals_items(frame)? {
        vm.dict_set(&d, k, v)?;
    }
    Ok(d)
}

/// The frame behind the proxy `args[0]` and the remaining arguments, checked for count.
fn unpack<'a>(
    vm: &Vm,
    args: &Args<'a>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<(Value, &'a [Value])> {
    let frame = match args.values.first().and_then(Value::payload) {
        Some(Payload::FrameLocalsProxy(f)) => f.clone(),
        _ => {
            return Err(PyErr::type_error(format!(
                "descriptor '{name}' requires a 'FrameLocalsProxy' object but received a '{}'",
                args.values
                    .first()
                    .map(|v| vm.type_name(v))
                    .unwrap_or_default()
            )));
        }
    };
    args.no_keywords(name)?;
    let rest = &args.values[1..];
    if rest.len() < min || rest.len() > max {
        return Err(PyErr::type_error(if min == max {
            format!(
                "{name}() takes exactly {min} argument{} ({} given)",
                if min == 1 { "" } else { "s" },
                rest.len()
            )
        } else {
            format!(
                "{name} expected at most {max} arguments, got {}",
                rest.len()
            )
        }));
    }
    Ok((frame, rest))
}

fn proxy_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (frame, rest) = unpack(vm, &args, "__getitem__", 1, 1)?;
    match vm.frame_local_get(&frame, &rest[0])? {
        Some(v) => Ok(v),
        None => {
            let r = vm.repr(&rest[0])?;
            let msg = vm.new_string(format!("local variable '{r}' is not defined"));
            Err(PyErr::key_error(msg))
        }
    }
}

fn proxy_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (frame, rest) = unpack(vm, &args, "__setitem__", 2, 2)?;
    vm.frame_local_set(&frame, &rest[0], rest[1].clone())?;
    Ok(Value::NONE)
}

fn proxy_delitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let _ = unpack(vm, &args, "__delitem__", 1, 1)?;
    Err(PyErr::value_error(
        "cannot remove variables from FrameLocalsProxy",
    ))
}

fn proxy_contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (frame, rest) = unpack(vm, &args, "__contains__", 1, 1)?;
    Ok(Value::from_bool(
        vm.frame_local_get(&frame, &rest[0])?.is_some(),
    ))
}

fn proxy_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (frame, _) = unpack(vm, &args, "__len__", 0, 0)?;
    let n = vm.frame_locals_items(&frame)?.len();
    Ok(vm.new_int(n as i64))
}

fn proxy_keys(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (frame, _) = unpack(vm, &args, "keys", 0, 0)?;
    let keys = vm
        .frame_locals_items(&frame)?
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    Ok(vm.new_list(keys))
}

fn proxy_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let keys = proxy_keys(vm, args)?;
    vm.iter(&keys)
}

fn proxy_values(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (frame, _) = unpack(vm, &args, "values", 0, 0)?;
    let values = vm
        .frame_locals_items(&frame)?
        .into_iter()
        .map(|(_, v)| v)
        .collect();
    Ok(vm.new_list(values))
}

fn proxy_items(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (frame, _) = unpack(vm, &args, "items", 0, 0)?;
    let items = vm
        .frame_locals_items(&frame)?
        .into_iter()
        .map(|(k, v)| vm.new_tuple(vec![k, v]))
        .collect();
    Ok(vm.new_list(items))
}

fn proxy_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (frame, rest) = unpack(vm, &args, "get", 1, 2)?;
    let default = rest.get(1).cloned().unwrap_or(Value::NONE);
    Ok(vm.frame_local_get(&frame, &rest[0])?.unwrap_or(default))
}

fn proxy_copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (frame, _) = unpack(vm, &args, "copy", 0, 0)?;
    snapshot_dict(vm, &frame)
}

fn proxy_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (frame, rest) = unpack(vm, &args, "__eq__", 1, 1)?;
    let mine = snapshot_dict(vm, &frame)?;
    let other = match rest[0].payload() {
        Some(Payload::FrameLocalsProxy(f)) => {
            let f = f.clone();
            snapshot_dict(vm, &f)?
        }
        Some(Payload::Dict(_)) => rest[0].clone(),
        _ => return Ok(Value::NOT_IMPLEMENTED),
    };
    Ok(Value::from_bool(vm.dict_eq(&mine, &other)?))
}
