//! The `builtins` module and the methods of the builtin types. Each file owns one type
//! family (or one group of builtin functions) and registers itself in `install`.

pub mod bytes;
pub mod bytes_ascii;
pub mod bytes_methods;
pub mod codecs;
pub mod complex;
pub mod coroutine;
pub mod dict;
pub mod exceptions;
pub mod frame_locals;
pub mod function_new;
pub mod functions;
pub mod generator;
pub mod generic_alias;
pub mod getset;
pub mod int_float;
pub mod io;
pub mod io_methods;
pub mod iterators;
pub mod list;
pub mod memoryview;
pub mod native_util;
pub mod number_builtins;
pub mod number_methods;
pub mod object;
pub mod percent_format;
pub mod range;
pub mod repr;
pub mod set;
pub mod str_case;
pub mod str_format;
pub mod str_methods;
pub mod str_surrogates;
mod str_tables;
pub mod tuple;
pub mod types;

use crate::object::{Payload, Value};
use crate::types::function::{BuiltinFunctionData, NativeFn};
use crate::vm::Vm;

/// Creates the `builtins` module with every builtin function, type and constant.
pub fn install(vm: &mut Vm) {
    let dict = vm.new_dict();
    let module = vm.new_module("builtins", dict.clone());
    vm.builtins = module;
    vm.builtins_dict = dict;
    let named_types: Vec<(&str, Value)> = vec![
        ("object", vm.types.object.clone()),
        ("type", vm.types.type_.clone()),
        ("int", vm.types.int.clone()),
        ("bool", vm.types.bool_.clone()),
        ("float", vm.types.float.clone()),
        ("complex", vm.types.complex.clone()),
        ("str", vm.types.str_.clone()),
        ("bytes", vm.types.bytes.clone()),
        ("bytearray", vm.types.bytearray.clone()),
        ("memoryview", vm.types.memoryview.clone()),
        ("list", vm.types.list.clone()),
        ("tuple", vm.types.tuple.clone()),
        ("dict", vm.types.dict.clone()),
        ("set", vm.types.set.clone()),
        ("frozenset", vm.types.frozenset.clone()),
        ("range", vm.types.range.clone()),
        ("slice", vm.types.slice.clone()),
        ("property", vm.types.property.clone()),
        ("classmethod", vm.types.classmethod.clone()),
        ("staticmethod", vm.types.staticmethod.clone()),
        ("super", vm.types.super_.clone()),
        ("reversed", vm.types.reversed.clone()),
        ("enumerate", vm.types.enumerate.clone()),
        ("zip", vm.types.zip.clone()),
        ("map", vm.types.map.clone()),
        ("filter", vm.types.filter.clone()),
    ];
    for (name, ty) in named_types {
        vm.set_builtin(name, ty);
    }
    for kind in crate::runtime::errors::ExcKind::ALL {
        let ty = vm.types.exception(*kind).clone();
        vm.set_builtin(kind.name(), ty);
    }
    let os_error = vm
        .types
        .exception(crate::runtime::errors::ExcKind::OSError)
        .clone();
    vm.set_builtin("EnvironmentError", os_error.clone());
    vm.set_builtin("IOError", os_error);
    vm.set_builtin("None", Value::NONE);
    vm.set_builtin("True", Value::TRUE);
    vm.set_builtin("False", Value::FALSE);
    vm.set_builtin("NotImplemented", Value::NOT_IMPLEMENTED);
    vm.set_builtin("Ellipsis", Value::ELLIPSIS);
    vm.set_builtin("__debug__", Value::from_bool(vm.config.optimize == 0));
    let name = vm.new_str("builtins");
    vm.set_builtin("__name__", name);
    functions::install(vm);
    // Builtin functions of the strings/numbers/io modules (they need the builtins dict,
    // which does not exist yet when the types' methods are installed).
    str_format::install_builtins(vm);
    int_float::install_builtins(vm);
    io::install_builtins(vm);
    install_class_machinery(vm);
    frame_locals::install(vm);
    getset::install(vm);
    function_new::install(vm);
}

/// `__build_class__`, `object.__new__`/`__init__` and `type(...)`: the hooks the class
/// machinery in `interp::class` provides.
fn install_class_machinery(vm: &mut Vm) {
    vm.add_builtin("__build_class__", crate::interp::class::build_class);
    let object = vm.types.object.clone();
    let new = Value::alloc(
        &vm.types.builtin_function,
        Payload::BuiltinFunction(Box::new(BuiltinFunctionData {
            name: "__new__",
            func: crate::interp::class::object_new,
            receiver: Value::NULL,
            owner: Value::NULL,
            doc: "object.__new__",
        })),
    );
    let new = Value::alloc(&vm.types.staticmethod, Payload::StaticMethod(new));
    vm.set_type_attr(&object, "__new__", new);
    let init = Value::alloc(
        &vm.types.method_descriptor,
        Payload::BuiltinFunction(Box::new(BuiltinFunctionData {
            name: "__init__",
            func: crate::interp::class::object_init,
            receiver: Value::NULL,
            owner: object.clone(),
            doc: "object.__init__",
        })),
    );
    vm.set_type_attr(&object, "__init__", init);
    let type_ = vm.types.type_.clone();
    vm.set_constructor(&type_, type_call);
}

/// `type(x)` and `type(name, bases, ns)`.
fn type_call(
    vm: &mut Vm,
    args: crate::interp::args::Args<'_>,
) -> crate::runtime::errors::PyResult<Value> {
    let pos = args.positional();
    match pos.len() {
        2 => Ok(vm.type_of(&pos[1])),
        4 => {
            // Keywords of a class statement go to `__init_subclass__`.
            let nkw = args.kwnames.len();
            let kw = crate::interp::args::Args {
                values: &args.values[args.values.len() - nkw..],
                kwnames: args.kwnames,
            };
            crate::interp::class::type_new_kw(vm, &pos[0], &pos[1], &pos[2], &pos[3], kw)
        }
        _ => Err(crate::runtime::errors::PyErr::type_error(
            "type() takes 1 or 3 arguments",
        )),
    }
}

impl Vm {
    /// Binds `name` in the builtins module.
    pub fn set_builtin(&mut self, name: &str, value: Value) {
        let key = self.intern(name);
        let dict = self.builtins_dict.clone();
        // Builtins dicts hold only str keys: this cannot run Python code or fail.
        let _ = self.dict_set(&dict, key, value);
    }

    /// Registers a builtin function in the builtins module.
    pub fn add_builtin(&mut self, name: &'static str, func: NativeFn) {
        let f = self.new_builtin_function(name, func, self.builtins.clone());
        self.set_builtin(name, f);
    }

    /// A builtin function bound to `receiver` (a module, or NULL).
    pub fn new_builtin_function(
        &self,
        name: &'static str,
        func: NativeFn,
        receiver: Value,
    ) -> Value {
        Value::alloc(
            &self.types.builtin_function,
            Payload::BuiltinFunction(Box::new(BuiltinFunctionData {
                name,
                func,
                receiver,
                owner: Value::NULL,
                doc: "",
            })),
        )
    }

    /// Registers method `name` on builtin type `ty`; the receiver arrives as `args[0]`.
    pub fn add_method(&mut self, ty: &Value, name: &'static str, func: NativeFn) {
        let descriptor = Value::alloc(
            &self.types.method_descriptor,
            Payload::BuiltinFunction(Box::new(BuiltinFunctionData {
                name,
                func,
                receiver: Value::NULL,
                owner: ty.clone(),
                doc: "",
            })),
        );
        self.set_type_attr(ty, name, descriptor);
    }

    /// Stores an attribute in a type's dict (no Python code runs: str keys only).
    pub fn set_type_attr(&mut self, ty: &Value, name: &str, value: Value) {
        let key = self.intern(name);
        if let Some(data) = ty.as_type_data() {
            let dict = data.dict.clone();
            let _ = self.dict_set(&dict, key, value);
            data.bump_version();
        }
    }

    /// Sets the function that `ty(...)` calls for a builtin type; it receives the class as
    /// `args[0]` followed by the call's arguments.
    pub fn set_constructor(&self, ty: &Value, func: NativeFn) {
        if let Some(data) = ty.as_type_data() {
            data.constructor.set(Some(func));
        }
    }
}

#[cfg(test)]
mod tests_text;
