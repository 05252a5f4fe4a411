//! The module type's Python-visible API (`ModuleType(name, doc)`, `module.__dir__`) and the
//! `__import__` builtin that exposes the import system.

use crate::interp::args::{ArgSpec, Args};
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::numbers::as_int;
use crate::vm::Vm;

pub fn install(vm: &mut Vm) {
    let module = vm.types.module.clone();
    vm.set_constructor(&module, module_new);
    vm.add_method(&module, "__dir__", module_dir);
    let receiver = vm.builtins.clone();
    let import = vm.new_builtin_function("__import__", builtin_import, receiver);
    let builtins = vm.builtins_dict.clone();
    let _ = vm.set_item_str(&builtins, "__import__", import);
}

/// `ModuleType(name, doc=None)`.
fn module_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let spec = ArgSpec {
        fname: "module",
        names: &["cls", "name", "doc"],
        posonly: 0,
        required: 2,
        kwonly_from: 3,
    };
    let pos = args.positional();
    if pos.len() < 2 && args.keyword("name").is_none() {
        return Err(PyErr::type_error(
            "module() missing required argument 'name' (pos 1)",
        ));
    }
    let bound = spec.bind(&args)?;
    let Some(name) = bound[1].as_str().map(str::to_string) else {
        return Err(PyErr::type_error(format!(
            "module.__init__() argument 'name' must be str, not {}",
            vm.type_name(&bound[1])
        )));
    };
    let dict = vm.new_dict();
    if !bound[2].is_null() {
        vm.set_item_str(&dict, "__doc__", bound[2].clone())?;
    }
    Ok(vm.new_module(&name, dict))
}

/// `module.__dir__()`: the module's own `__dir__` function if it defines one (PEP 562),
/// else the names in its namespace.
fn module_dir(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(Payload::Module(m)) = args.values.first().and_then(Value::payload) else {
        return Err(PyErr::type_error(
            "descriptor '__dir__' requires a 'module' object",
        ));
    };
    let dict = m.dict.clone();
    if let Some(custom) = vm.dict_get_str(&dict, "__dir__") {
        return vm.call(&custom, &[]);
    }
    let keys = dict
        .as_dict()
        .map(|t| t.borrow().keys())
        .unwrap_or_default();
    Ok(vm.new_list(keys))
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
fn builtin_import(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let spec = ArgSpec {
        fname: "__import__",
        names: &["name", "globals", "locals", "fromlist", "level"],
        posonly: 0,
        required: 1,
        kwonly_from: 5,
    };
    let bound = spec.bind(&args)?;
    let Some(name) = bound[0].as_str().map(str::to_string) else {
        return Err(PyErr::type_error("module name must be a string"));
    };
    let level = if bound[4].is_null() {
        0
    } else {
        match as_int(&bound[4]).and_then(|l| l.to_i64()) {
            Some(l) => l,
            None => {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(&bound[4])
                )));
            }
        }
    };
    vm.import_with_globals(&name, &bound[1], &bound[3], level)
}
