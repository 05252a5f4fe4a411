//! The methods every object inherits from `object` (`__repr__`, `__eq__`/`__ne__`,
//! `__hash__`, `__format__`, the generic `__setattr__`/`__getattribute__`/`__delattr__`,
//! `__dir__`, `__init_subclass__`) and the methods of `type` (`mro`, `__call__`, `__new__`,
//! `__init__`, `__instancecheck__`, `__subclasscheck__`, `__prepare__`...).
//!
//! The generic attribute methods exist so user overrides can delegate to them
//! (`object.__setattr__(self, name, v)` inside a `__setattr__`): they implement the default
//! behaviour without looking for an override again.

use crate::builtins::object::util::{bad_receiver, rest};
use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::types::function::{BuiltinFunctionData, NativeFn};
use crate::vm::Vm;

/// Registers the methods of `object` and `type`.
pub fn install(vm: &mut Vm) {
    let object = vm.types.object.clone();
    let methods: &[(&'static str, NativeFn)] = &[
        ("__repr__", object_repr),
        ("__str__", object_str),
        ("__eq__", object_eq),
        ("__ne__", object_ne),
        ("__lt__", object_not_implemented),
        ("__le__", object_not_implemented),
        ("__gt__", object_not_implemented),
        ("__ge__", object_not_implemented),
        ("__hash__", object_hash),
        ("__format__", object_format),
        ("__setattr__", object_setattr),
        ("__getattribute__", object_getattribute),
        ("__delattr__", object_delattr),
        ("__dir__", object_dir),
        ("__sizeof__", object_sizeof),
    ];
    for (name, f) in methods {
        vm.add_method(&object, name, *f);
    }
    let init_subclass = new_classmethod(vm, "__init_subclass__", object_init_subclass);
    vm.set_type_attr(&object, "__init_subclass__", init_subclass);
    let hook = new_classmethod(vm, "__subclasshook__", object_subclasshook);
    vm.set_type_attr(&object, "__subclasshook__", hook);

    let type_ = vm.types.type_.clone();
    let methods: &[(&'static str, NativeFn)] = &[
        ("mro", type_mro),
        ("__subclasses__", type_subclasses),
        ("__instancecheck__", type_instancecheck),
        ("__subclasscheck__", type_subclasscheck),
        ("__repr__", type_repr),
        ("__call__", type_call),
        ("__init__", type_init),
        ("__dir__", type_dir),
    ];
    for (name, f) in methods {
        vm.add_method(&type_, name, *f);
    }
    let new = new_static(vm, "__new__", type_new);
    vm.set_type_attr(&type_, "__new__", new);
    let prepare = new_classmethod(vm, "__prepare__", type_prepare);
    vm.set_type_attr(&type_, "__prepare__", prepare);
}

/// A plain builtin function object (no receiver, no owner).
pub fn new_plain_builtin(vm: &Vm, name: &'static str, func: NativeFn) -> Value {
    Value::alloc(
        &vm.types.builtin_function,
        Payload::BuiltinFunction(Box::new(BuiltinFunctionData {
            name,
            func,
            receiver: Value::NULL,
            owner: Value::NULL,
            doc: "",
        })),
    )
}

/// `classmethod(builtin)`: called with the class as `args[0]`.
pub fn new_classmethod(vm: &Vm, name: &'static str, func: NativeFn) -> Value {
    let f = new_plain_builtin(vm, name, func);
    Value::alloc(&vm.types.classmethod, Payload::ClassMethod(f))
}

/// `staticmethod(builtin)`.
pub fn new_static(vm: &Vm, name: &'static str, func: NativeFn) -> Value {
    let f = new_plain_builtin(vm, name, func);
    Value::alloc(&vm.types.staticmethod, Payload::StaticMethod(f))
}

fn recv<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    args.values
        .first()
        .ok_or_else(|| bad_receiver(vm, name, "object", None))
}

fn object_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = recv(vm, &args, "__repr__")?.clone();
    let s = crate::builtins::repr::default_repr(vm, &this);
    Ok(vm.new_string(s))
}

fn object_str(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = recv(vm, &args, "__str__")?.clone();
    let s = vm.repr(&this)?;
    Ok(vm.new_string(s))
}

fn object_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = recv(vm, &args, "__eq__")?;
    let pos = rest(&args).exact("object.__eq__", 1)?;
    Ok(if this.is(&pos[0]) {
        Value::TRUE
    } else {
        Value::NOT_IMPLEMENTED
    })
}

/// `__ne__` inverts `__eq__` unless it returned NotImplemented.
fn object_ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = recv(vm, &args, "__ne__")?.clone();
    let pos = rest(&args).exact("object.__ne__", 1)?;
    let eq = match vm.lookup_special(&this, "__eq__") {
        Some(m) => vm.call(&m, &[this.clone(), pos[0].clone()])?,
        None => Value::NOT_IMPLEMENTED,
    };
    if eq.is(&Value::NOT_IMPLEMENTED) {
        return Ok(eq);
    }
    Ok(Value::from_bool(!vm.truthy(&eq)?))
}

fn object_not_implemented(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    recv(vm, &args, "__lt__")?;
    rest(&args).exact("object.__lt__", 1)?;
    Ok(Value::NOT_IMPLEMENTED)
}

fn object_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = recv(vm, &args, "__hash__")?;
    Ok(vm.new_int(crate::runtime::hashing::pointer_hash(this)))
}

/// `object.__format__(spec)`: `str(self)` for an empty spec, else a TypeError.
fn object_format(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = recv(vm, &args, "__format__")?.clone();
    let pos = rest(&args).exact("__format__", 1)?;
    let Some(spec) = pos[0].as_str() else {
        return Err(PyErr::type_error(format!(
            "__format__() argument must be str, not {}",
            vm.type_name(&pos[0])
        )));
    };
    if !spec.is_empty() {
        return Err(PyErr::type_error(format!(
            "unsupported format string passed to {}.__format__",
            vm.type_name(&this)
        )));
    }
    vm.str_value(&this)
}

fn attr_name(vm: &Vm, v: &Value) -> PyResult<String> {
    match v.as_str() {
        Some(s) => Ok(s.to_string()),
        None => Err(PyErr::type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(v)
        ))),
    }
}

/// The default attribute assignment (no `__setattr__` override is consulted).
pub fn generic_setattr(vm: &mut Vm, obj: &Value, name: &str, value: Value) -> PyResult<()> {
    if vm.is_type(obj) || matches!(obj.payload(), Some(Payload::Module(_))) {
        return vm.type_or_object_setattr(obj, name, value);
    }
    let ty = vm.type_of(obj);
    if let Some(attr) = vm.lookup_type_attr(&ty, name) {
        match attr.payload() {
            Some(Payload::Property(p)) => {
                if p.setter.is_none() || p.setter.is_null() {
                    return Err(PyErr::attribute_error(format!(
                        "property '{name}' of '{}' object has no setter",
                        vm.type_name(obj)
                    )));
                }
                let setter = p.setter.clone();
                vm.call(&setter, &[obj.clone(), value])?;
                return Ok(());
            }
            Some(Payload::Member(m)) => return vm.descriptor_set(&attr, m, obj, Some(value)),
            _ if !vm.is_exact_builtin(&attr) => {
                if let Some(set) = vm.lookup_special(&attr, "__set__") {
                    vm.call(&set, &[attr.clone(), obj.clone(), value])?;
                    return Ok(());
                }
            }
            _ => {}
        }
    }
    if crate::builtins::object::set_builtin_attribute(vm, obj, name, &value)? {
        return Ok(());
    }
    if vm.own_attr_set(obj, name, value)? {
        return Ok(());
    }
    Err(PyErr::attribute_error(format!(
        "'{}' object has no attribute '{name}' and no __dict__ for setting new attributes",
        vm.type_name(obj)
    )))
}

fn object_setattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = recv(vm, &args, "__setattr__")?.clone();
    let pos = rest(&args).exact("__setattr__", 2)?;
    let name = attr_name(vm, &pos[0])?;
    generic_setattr(vm, &this, &name, pos[1].clone())?;
    Ok(Value::NONE)
}

fn object_getattribute(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = recv(vm, &args, "__getattribute__")?.clone();
    let pos = rest(&args).exact("__getattribute__", 1)?;
    let name = attr_name(vm, &pos[0])?;
    match vm.getattr_opt(&this, &name)? {
        Some(v) => Ok(v),
        None => Err(vm.attribute_error(&this, &name)),
    }
}

fn object_delattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = recv(vm, &args, "__delattr__")?.clone();
    let pos = rest(&args).exact("__delattr__", 1)?;
    let name = attr_name(vm, &pos[0])?;
    vm.generic_delattr(&this, &name)?;
    Ok(Value::NONE)
}

/// Attribute names of an object: its dict's keys and those of its type's MRO.
pub fn dir_names(vm: &mut Vm, obj: &Value) -> PyResult<Vec<Value>> {
    let mut names: Vec<Value> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut add_keys = |vm: &Vm, dict: &Value, names: &mut Vec<Value>| {
        if let Some(t) = dict.as_dict() {
            for k in t.borrow().keys() {
                if let Some(s) = k.as_str()
                    && seen.insert(s.to_string())
                {
                    names.push(k.clone());
                }
            }
        }
        let _ = vm;
    };
    if let Some(Payload::Module(m)) = obj.payload() {
        let d = m.dict.clone();
        add_keys(vm, &d, &mut names);
        return Ok(names);
    }
    if vm.is_type(obj) {
        for t in vm.mro(obj) {
            if let Some(data) = t.as_type_data() {
                let d = data.dict.clone();
                add_keys(vm, &d, &mut names);
            }
            add_data_attributes(vm, &t, &mut names);
        }
        return Ok(names);
    }
    if let Some(d) = vm.instance_dict(obj) {
        add_keys(vm, &d, &mut names);
    }
    let ty = vm.type_of(obj);
    for t in vm.mro(&ty) {
        if let Some(data) = t.as_type_data() {
            let d = data.dict.clone();
            add_keys(vm, &d, &mut names);
        }
        add_data_attributes(vm, &t, &mut names);
    }
    if names.iter().all(|n| n.as_str() != Some("__class__")) {
        names.push(vm.new_str("__class__"));
    }
    Ok(names)
}

/// `object`'s `__class__` and `__doc__`: served by `special_attr` for every object (the
/// other builtin types' data attributes are descriptors in their dicts, `builtins::getset`).
fn add_data_attributes(vm: &mut Vm, ty: &Value, names: &mut Vec<Value>) {
    if !ty.is(&vm.types.object) {
        return;
    }
    for name in ["__class__", "__doc__"] {
        if names.iter().all(|n| n.as_str() != Some(name)) {
            names.push(vm.new_str(name));
        }
    }
}

fn object_dir(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = recv(vm, &args, "__dir__")?.clone();
    let names = dir_names(vm, &this)?;
    Ok(vm.new_list(names))
}

fn object_sizeof(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    recv(vm, &args, "__sizeof__")?;
    Ok(vm.new_int(16))
}

fn object_init_subclass(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = args.values.first().cloned().unwrap_or(Value::NONE);
    let a = rest(&args);
    if a.has_keywords() || !a.positional().is_empty() {
        let name = crate::runtime::typecheck::type_name_of(&cls);
        return Err(PyErr::type_error(format!(
            "{name}.__init_subclass__() takes no keyword arguments"
        )));
    }
    let _ = vm;
    Ok(Value::NONE)
}

fn object_subclasshook(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let _ = (vm, args);
    Ok(Value::NOT_IMPLEMENTED)
}

fn type_recv<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    match args.values.first() {
        Some(v) if vm.is_type(v) => Ok(v),
        other => Err(bad_receiver(vm, name, "type", other)),
    }
}

fn type_mro(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = type_recv(vm, &args, "mro")?;
    rest(&args).exact("type.mro", 0)?;
    let mro = vm.mro(cls);
    Ok(vm.new_list(mro))
}

fn type_subclasses(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = type_recv(vm, &args, "__subclasses__")?;
    rest(&args).exact("type.__subclasses__", 0)?;
    let subs = vm.subclasses(cls);
    Ok(vm.new_list(subs))
}

fn type_instancecheck(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = type_recv(vm, &args, "__instancecheck__")?;
    let pos = rest(&args).exact("__instancecheck__", 1)?;
    Ok(Value::from_bool(vm.is_instance(&pos[0], cls)))
}

fn type_subclasscheck(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = type_recv(vm, &args, "__subclasscheck__")?;
    let pos = rest(&args).exact("__subclasscheck__", 1)?;
    if !vm.is_type(&pos[0]) {
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    }
    Ok(Value::from_bool(vm.is_subtype(&pos[0], cls)))
}

fn type_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = type_recv(vm, &args, "__repr__")?;
    let s = crate::builtins::repr::type_repr(vm, cls);
    Ok(vm.new_string(s))
}

/// `type.__call__(cls, *args, **kwargs)`: what calling a class does.
fn type_call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = type_recv(vm, &args, "__call__")?.clone();
    let a = rest(&args);
    if let Some(data) = cls.as_type_data()
        && !data.has_flag(crate::types::typeobj::type_flags::HEAPTYPE)
        && let Some(ctor) = data.constructor.get()
    {
        return ctor(vm, args);
    }
    crate::interp::class::construct_instance(vm, &cls, a)
}

/// `type.__new__(meta, name, bases, namespace)`.
fn type_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.positional();
    let nkw = args.kwnames.len();
    let kw = Args {
        values: &args.values[args.values.len() - nkw..],
        kwnames: args.kwnames,
    };
    match pos {
        [meta, obj] if vm.is_type(meta) => Ok(vm.type_of(obj)),
        [meta, name, bases, ns] => crate::interp::class::type_new_kw(vm, meta, name, bases, ns, kw),
        _ => Err(PyErr::type_error(
            "type.__new__() takes exactly 3 arguments",
        )),
    }
}

fn type_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    type_recv(vm, &args, "__init__")?;
    let n = rest(&args).positional().len();
    if n != 1 && n != 3 {
        return Err(PyErr::type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(Value::NONE)
}

fn type_prepare(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let _ = args;
    Ok(vm.new_dict())
}

fn type_dir(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = type_recv(vm, &args, "__dir__")?.clone();
    let names = dir_names(vm, &cls)?;
    Ok(vm.new_list(names))
}
