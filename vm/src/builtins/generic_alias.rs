//! `types.GenericAlias`: what `list[int]`, `dict[str, int]`, `tuple[int, ...]` or
//! `type[int]` return (the `__class_getitem__` of the builtin containers).
//!
//! An alias keeps its `__origin__` (the subscripted class) and `__args__` (always a
//! tuple), and computes `__parameters__` from the arguments that are type variables
//! (anything with `__typing_subst__`) or aliases with parameters of their own. Every other
//! attribute is read from the origin, calling the alias creates an instance of the origin,
//! `isinstance`/`issubclass` against an alias raise TypeError, and aliases compare and
//! hash by origin and arguments — all as CPython's `Objects/genericaliasobject.c`.

use crate::builtins::object::util::rest;
use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::vm::Vm;

/// The fields of a `types.GenericAlias`.
pub struct GenericAliasData {
    pub origin: Value,
    /// Always a tuple.
    pub args: Value,
    /// `__parameters__`, computed on first use (NULL until then).
    pub parameters: std::cell::RefCell<Value>,
}

/// Attributes an alias answers itself; everything else comes from the origin.
const OWN_ATTRIBUTES: &[&str] = &[
    "__class__",
    "__bases__",
    "__origin__",
    "__args__",
    "__unpacked__",
    "__parameters__",
    "__typing_unpacked_tuple_args__",
    "__mro_entries__",
    "__reduce_ex__",
    "__reduce__",
    "__copy__",
    "__deepcopy__",
];

/// Registers `types.GenericAlias` (reachable as `vm.types.generic_alias`).
pub fn install(vm: &mut Vm) {
    let t = vm.types.generic_alias.clone();
    vm.set_constructor(&t, generic_alias_new);
    let methods: &[(&'static str, crate::types::function::NativeFn)] = &[
        ("__eq__", ga_eq),
        ("__ne__", ga_ne),
        ("__hash__", ga_hash),
        ("__call__", ga_call),
        ("__getitem__", ga_getitem),
        ("__mro_entries__", ga_mro_entries),
        ("__instancecheck__", ga_instancecheck),
        ("__subclasscheck__", ga_subclasscheck),
    ];
    for (name, f) in methods {
        vm.add_method(&t, name, *f);
    }
    // The builtin generic classes: `cls[item]` makes an alias (an implicit classmethod).
    let generic_classes = [
        vm.types.list.clone(),
        vm.types.dict.clone(),
        vm.types.tuple.clone(),
        vm.types.set.clone(),
        vm.types.frozenset.clone(),
        vm.types.enumerate.clone(),
        vm.types
            .exception(crate::runtime::errors::ExcKind::BaseExceptionGroup)
            .clone(),
    ];
    for cls in &generic_classes {
        let m =
            crate::builtins::object::base::new_classmethod(vm, "__class_getitem__", class_getitem);
        vm.set_type_attr(cls, "__class_getitem__", m);
    }
    if let Some(data) = t.as_type_data() {
        let dict = data.dict.clone();
        let module = vm.new_str("types");
        let _ = vm.set_item_str(&dict, "__module__", module);
    }
}

impl Vm {
    /// `origin[args]` as a `types.GenericAlias` (a non-tuple `args` is one argument).
    pub fn new_generic_alias(&mut self, origin: Value, args: Value) -> Value {
        let args = if args.as_tuple().is_some() {
            args
        } else {
            self.new_tuple(vec![args])
        };
        Value::alloc(
            &self.types.generic_alias,
            Payload::GenericAlias(Box::new(GenericAliasData {
                origin,
                args,
                parameters: std::cell::RefCell::new(Value::NULL),
            })),
        )
    }
}

/// The `__class_getitem__` of the builtin generic classes: `cls[item]`.
pub fn class_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.values {
        [cls, item] if args.kwnames.is_empty() => {
            Ok(vm.new_generic_alias(cls.clone(), item.clone()))
        }
        _ => Err(PyErr::type_error(format!(
            "__class_getitem__() takes exactly one argument ({} given)",
            args.values.len().saturating_sub(1)
        ))),
    }
}

/// `types.GenericAlias(origin, args)`.
fn generic_alias_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = rest(&args);
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error(
            "GenericAlias() takes no keyword arguments",
        ));
    }
    match a.values {
        [origin, arguments] => Ok(vm.new_generic_alias(origin.clone(), arguments.clone())),
        other => Err(PyErr::type_error(format!(
            "GenericAlias expected 2 arguments, got {}",
            other.len()
        ))),
    }
}

fn data(v: &Value) -> Option<&GenericAliasData> {
    match v.payload() {
        Some(Payload::GenericAlias(d)) => Some(d),
        _ => None,
    }
}

fn receiver<'a>(
    vm: &Vm,
    args: &Args<'a>,
    method: &str,
) -> PyResult<(&'a Value, &'a GenericAliasData)> {
    match args.values.first() {
        Some(v) => match data(v) {
            Some(d) => Ok((v, d)),
            None => Err(crate::builtins::object::util::bad_receiver(
                vm,
                method,
                "types.GenericAlias",
                Some(v),
            )),
        },
        None => Err(crate::builtins::object::util::bad_receiver(
            vm,
            method,
            "types.GenericAlias",
            None,
        )),
    }
}

/// One item of an alias's repr (CPython's `ga_repr_item`).
fn repr_item(vm: &mut Vm, item: &Value) -> PyResult<String> {
    if item.is(&Value::ELLIPSIS) {
        return Ok("...".to_string());
    }
    if data(item).is_some() {
        return vm.repr(item);
    }
    if let Some(items) = item.as_list() {
        let items = items.borrow().clone();
        let mut parts = Vec::with_capacity(items.len());
        for i in &items {
            parts.push(repr_item(vm, i)?);
        }
        return Ok(format!("[{}]", parts.join(", ")));
    }
    if vm.getattr_opt(item, "__origin__")?.is_some() && vm.getattr_opt(item, "__args__")?.is_some()
    {
        return vm.repr(item);
    }
    let qualname = vm.getattr_opt(item, "__qualname__")?;
    let module = vm.getattr_opt(item, "__module__")?;
    match (qualname, module) {
        (Some(q), Some(m)) if !m.is_none() => {
            let q = vm.str(&q)?;
            let m = vm.str(&m)?;
            if m == "builtins" {
                Ok(q)
            } else {
                Ok(format!("{m}.{q}"))
            }
        }
        _ => vm.repr(item),
    }
}

/// `repr(list[int])` is `list[int]`.
pub fn generic_alias_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let Some(d) = data(v) else {
        return Err(PyErr::internal("GenericAlias repr of another object"));
    };
    let (origin, args) = (d.origin.clone(), d.args.clone());
    let mut out = repr_item(vm, &origin)?;
    out.push('[');
    let items = args.as_tuple().map(<[Value]>::to_vec).unwrap_or_default();
    if items.is_empty() {
        out.push_str("()");
    }
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr_item(vm, item)?);
    }
    out.push(']');
    Ok(out)
}

/// `__parameters__`: the type variables among the arguments, in order, without repeats.
fn parameters(vm: &mut Vm, d: &GenericAliasData) -> PyResult<Value> {
    let cached = d.parameters.borrow().clone();
    if !cached.is_null() {
        return Ok(cached);
    }
    let items = d.args.as_tuple().map(<[Value]>::to_vec).unwrap_or_default();
    let mut params: Vec<Value> = Vec::new();
    for item in &items {
        if vm.is_type(item) {
            continue;
        }
        if vm.getattr_opt(item, "__typing_subst__")?.is_some() {
            if !params.iter().any(|p| p.is(item)) {
                params.push(item.clone());
            }
            continue;
        }
        if let Some(sub) = vm.getattr_opt(item, "__parameters__")?
            && let Some(sub) = sub.as_tuple()
        {
            for p in sub.iter().cloned() {
                if !params.iter().any(|x| x.is(&p)) {
                    params.push(p);
                }
            }
        }
    }
    let t = vm.new_tuple(params);
    *d.parameters.borrow_mut() = t.clone();
    Ok(t)
}

/// Attribute lookup on an alias: the origin's attributes, except the alias's own ones
/// (`Some(None)`: missing). `None` leaves the lookup to the alias type's methods.
pub fn generic_alias_getattr(
    vm: &mut Vm,
    v: &Value,
    name: &str,
) -> PyResult<Option<Option<Value>>> {
    let Some(d) = data(v) else {
        return Ok(None);
    };
    if !OWN_ATTRIBUTES.contains(&name) {
        let origin = d.origin.clone();
        return vm.getattr_opt(&origin, name).map(Some);
    }
    Ok(Some(Some(match name {
        "__class__" => vm.types.generic_alias.clone(),
        "__origin__" => d.origin.clone(),
        "__args__" => d.args.clone(),
        "__parameters__" => parameters(vm, d)?,
        "__unpacked__" => Value::FALSE,
        "__typing_unpacked_tuple_args__" => Value::NONE,
        _ => return Ok(None),
    })))
}

fn ga_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, a) = receiver(vm, &args, "__eq__")?;
    let Some(b) = args.values.get(1).and_then(data) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let (ao, bo, aa, ba) = (
        a.origin.clone(),
        b.origin.clone(),
        a.args.clone(),
        b.args.clone(),
    );
    if !vm.eq(&ao, &bo)? {
        return Ok(Value::FALSE);
    }
    Ok(Value::from_bool(vm.eq(&aa, &ba)?))
}

fn ga_ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let r = ga_eq(vm, args)?;
    match r.as_bool() {
        Some(b) => Ok(Value::from_bool(!b)),
        None => Ok(r),
    }
}

fn ga_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, d) = receiver(vm, &args, "__hash__")?;
    let (o, a) = (d.origin.clone(), d.args.clone());
    let h = vm.hash(&o)? ^ vm.hash(&a)?;
    Ok(vm.new_int(if h == -1 { -2 } else { h }))
}

/// Calling an alias creates an instance of the origin and records the alias on it as
/// `__orig_class__` when the instance allows it.
fn ga_call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (alias, d) = receiver(vm, &args, "__call__")?;
    let origin = d.origin.clone();
    let obj = vm.call_args(&origin, rest(&args))?;
    if let Err(e) = vm.setattr(&obj, "__orig_class__", alias.clone())
        && !vm.err_matches(&e, crate::runtime::errors::ExcKind::AttributeError)
        && !vm.err_matches(&e, crate::runtime::errors::ExcKind::TypeError)
    {
        return Err(e);
    }
    Ok(obj)
}

fn ga_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (alias, d) = receiver(vm, &args, "__getitem__")?;
    let params = parameters(vm, d)?;
    if params.as_tuple().is_some_and(<[Value]>::is_empty) {
        let r = generic_alias_repr(vm, alias)?;
        return Err(PyErr::type_error(format!("{r} is not a generic class")));
    }
    Err(PyErr::new(
        crate::runtime::errors::ExcKind::NotImplementedError,
        "Pyrite cannot substitute type variables in a GenericAlias yet",
    ))
}

fn ga_mro_entries(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, d) = receiver(vm, &args, "__mro_entries__")?;
    Ok(vm.new_tuple(vec![d.origin.clone()]))
}

fn ga_instancecheck(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    receiver(vm, &args, "__instancecheck__")?;
    Err(PyErr::type_error(
        "isinstance() argument 2 cannot be a parameterized generic",
    ))
}

fn ga_subclasscheck(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    receiver(vm, &args, "__subclasscheck__")?;
    Err(PyErr::type_error(
        "issubclass() argument 2 cannot be a parameterized generic",
    ))
}
