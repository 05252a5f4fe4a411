//! The constructors of `types.FunctionType` (`function(code, globals, name=None,
//! argdefs=None, closure=None, kwdefaults=None)`) and `types.CellType` (`cell([contents])`),
//! with CPython's argument checks and messages. `annotationlib` uses both to re-run a
//! compiler-made `__annotate__` with fake globals (PEP 649's STRING and FORWARDREF formats).

use crate::builtins::object::util::rest;
use crate::interp::args::{ArgSpec, Args};
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::vm::Vm;

/// Registers the two constructors.
pub fn install(vm: &mut Vm) {
    let function = vm.types.function.clone();
    vm.set_constructor(&function, function_new);
    let cell = vm.types.cell.clone();
    vm.set_constructor(&cell, cell_new);
}

/// The builtins a function made from `globals` runs with: `globals['__builtins__']` (a
/// module's dict or a dict), else those of the running frame, as CPython does.
fn builtins_for(vm: &mut Vm, globals: &Value) -> Value {
    if let Some(b) = vm.dict_get_str(globals, "__builtins__") {
        if let Some(Payload::Module(m)) = b.payload() {
            return m.dict.clone();
        }
        if b.as_dict().is_some() {
            return b;
        }
    }
    match vm.frames.last() {
        Some(f) if !f.builtins.is_null() => f.builtins.clone(),
        _ => vm.builtins_dict.clone(),
    }
}

fn function_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = ArgSpec {
        fname: "function",
        names: &[
            "code",
            "globals",
            "name",
            "argdefs",
            "closure",
            "kwdefaults",
        ],
        posonly: 0,
        required: 2,
        kwonly_from: 6,
    }
    .bind(&rest(&args))?;
    let given = |v: &Value| !v.is_null() && !v.is_none();
    let (code, globals) = (&b[0], &b[1]);
    let Some(code_data) = code.as_code() else {
        return Err(PyErr::type_error(format!(
            "function() argument 'code' must be code, not {}",
            vm.type_name(code)
        )));
    };
    if globals.as_dict().is_none() {
        return Err(PyErr::type_error(format!(
            "function() argument 'globals' must be dict, not {}",
            vm.type_name(globals)
        )));
    }
    if given(&b[2]) && b[2].as_str().is_none() {
        return Err(PyErr::type_error("arg 3 (name) must be None or string"));
    }
    if given(&b[3]) && b[3].as_tuple().is_none() {
        return Err(PyErr::type_error("arg 4 (defaults) must be None or tuple"));
    }
    if given(&b[5]) && b[5].as_dict().is_none() {
        return Err(PyErr::type_error("arg 6 (kwdefaults) must be None or dict"));
    }
    let nfree = code_data.free_count;
    let closure = &b[4];
    if given(closure) && closure.as_tuple().is_none() {
        return Err(PyErr::type_error("arg 5 (closure) must be None or tuple"));
    }
    let cells: &[Value] = closure.as_tuple().unwrap_or(&[]);
    if cells.len() != nfree {
        let name = code_data.name.as_str().unwrap_or("?").to_string();
        return Err(PyErr::value_error(format!(
            "{name} requires closure of length {nfree}, not {}",
            cells.len()
        )));
    }
    for c in cells {
        if !matches!(c.payload(), Some(Payload::Cell(_))) {
            return Err(PyErr::type_error(format!(
                "arg 5 (closure) expected cell, found {}",
                vm.type_name(c)
            )));
        }
    }
    let builtins = builtins_for(vm, globals);
    let func = vm.new_function(code.clone(), globals.clone(), builtins);
    if let Some(f) = func.as_function() {
        if given(&b[2]) {
            f.name.replace(b[2].clone());
        }
        if given(&b[3]) {
            f.defaults.replace(b[3].clone());
        }
        if given(&b[5]) {
            f.kwdefaults.replace(b[5].clone());
        }
        if nfree > 0 {
            f.closure.replace(closure.clone());
        }
    }
    Ok(func)
}

fn cell_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let args = rest(&args);
    args.no_keywords("cell")?;
    let pos = args.positional();
    match pos {
        [] => Ok(vm.new_cell(Value::NULL)),
        [v] => Ok(vm.new_cell(v.clone())),
        _ => Err(PyErr::type_error(format!(
            "cell expected at most 1 argument, got {}",
            pos.len()
        ))),
    }
}
