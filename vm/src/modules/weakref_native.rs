//! `_weakref`: the weak reference types (`ref`, `ProxyType`, `CallableProxyType`) and
//! `getweakrefcount`/`getweakrefs`/`proxy`. The object model keeps each object's weak
//! references (`object::weak`); this module is their Python face. `weakref.py` builds
//! the dictionaries, `WeakSet`, `finalize` and `WeakMethod` on top.

use crate::builtins::object::util::rest;
use crate::bytecode::{BinaryOp, CompareOp, Opcode};
use crate::interp::args::Args;
use crate::object::weak::{self, WeakKind, WeakRefData};
use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::runtime::native::native_state;
use crate::types::function::NativeFn;
use crate::types::payload::PropertyData;
use crate::types::typeobj::type_flags;
use crate::vm::Vm;

const REF_TYPE: &str = "weakref.ReferenceType";
const PROXY_TYPE: &str = "weakref.ProxyType";
const CALLABLE_PROXY_TYPE: &str = "weakref.CallableProxyType";

/// Creates the `_weakref` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let dict = vm.new_dict();
    let module = vm.new_module("_weakref", dict.clone());
    let ref_type = reference_type(vm);
    vm.set_item_str(&dict, "ref", ref_type.clone())?;
    vm.set_item_str(&dict, "ReferenceType", ref_type)?;
    let (proxy, callable) = proxy_types(vm);
    vm.set_item_str(&dict, "ProxyType", proxy)?;
    vm.set_item_str(&dict, "CallableProxyType", callable)?;
    let functions: [(&'static str, NativeFn); 4] = [
        ("getweakrefcount", getweakrefcount),
        ("getweakrefs", getweakrefs),
        ("proxy", proxy_new),
        ("_remove_dead_weakref", remove_dead_weakref),
    ];
    for (name, f) in functions {
        let func = vm.new_builtin_function(name, f, module.clone());
        vm.set_item_str(&dict, name, func)?;
    }
    Ok(module)
}

/// `weakref.ref`, made on first use (class creation needs it before any import).
pub fn reference_type(vm: &mut Vm) -> Value {
    if let Some(t) = vm.native_types.get(REF_TYPE) {
        return t.clone();
    }
    let ty = vm.new_native_type("weakref", "ReferenceType", true);
    vm.set_constructor(&ty, ref_new);
    let methods: [(&'static str, NativeFn); 6] = [
        ("__call__", ref_call),
        ("__hash__", ref_hash),
        ("__eq__", ref_eq),
        ("__ne__", ref_ne),
        ("__repr__", ref_repr),
        ("__init__", ref_init),
    ];
    for (name, f) in methods {
        vm.add_method(&ty, name, f);
    }
    add_getter(vm, &ty, "__callback__", ref_callback);
    vm.add_method(&ty, "__class_getitem__", ref_class_getitem);
    vm.native_types.insert(REF_TYPE, ty.clone());
    ty
}

fn add_getter(vm: &mut Vm, ty: &Value, name: &'static str, f: NativeFn) {
    let getter = vm.new_builtin_function(name, f, Value::NULL);
    let prop = Value::alloc(
        &vm.types.property,
        Payload::Property(PropertyData {
            getter,
            setter: Value::NONE,
            deleter: Value::NONE,
            doc: Value::NONE,
            name: Default::default(),
        }),
    );
    vm.set_type_attr(ty, name, prop);
}

fn proxy_types(vm: &mut Vm) -> (Value, Value) {
    if let (Some(p), Some(c)) = (
        vm.native_types.get(PROXY_TYPE).cloned(),
        vm.native_types.get(CALLABLE_PROXY_TYPE).cloned(),
    ) {
        return (p, c);
    }
    let proxy = vm.new_native_type("weakref", "ProxyType", false);
    let callable = vm.new_native_type("weakref", "CallableProxyType", false);
    for ty in [&proxy, &callable] {
        vm.set_constructor(ty, proxy_no_new);
        install_proxy_methods(vm, ty);
        vm.set_type_attr(ty, "__hash__", Value::NONE);
    }
    vm.add_method(&callable, "__call__", proxy_call);
    vm.native_types.insert(PROXY_TYPE, proxy.clone());
    vm.native_types
        .insert(CALLABLE_PROXY_TYPE, callable.clone());
    (proxy, callable)
}

/// Whether objects like `obj` can be weakly referenced (CPython's `tp_weaklistoffset`).
fn supports_weakrefs(vm: &Vm, obj: &Value) -> bool {
    let Some(o) = obj.as_object() else {
        return false;
    };
    let ty = o.type_value();
    let heap_type = ty
        .as_type_data()
        .is_some_and(|d| d.has_flag(type_flags::HEAPTYPE));
    match &o.payload {
        Payload::Instance(_) => vm.lookup_type_attr(&ty, "__weakref__").is_some(),
        Payload::Set(_)
        | Payload::Function(_)
        | Payload::BuiltinFunction(_)
        | Payload::BoundMethod(_)
        | Payload::Type(_)
        | Payload::Module(_)
        | Payload::Generator(_)
        | Payload::AsyncOp(_)
        | Payload::Code(_)
        | Payload::File(_)
        | Payload::Property(_) => {
            // `property` objects themselves cannot be weakly referenced; subclasses can.
            !matches!(&o.payload, Payload::Property(_)) || heap_type
        }
        Payload::Native(_) => {
            if weak::weak_data(o).is_some() {
                // `ref` itself has no weak reference slot; Python subclasses get one.
                return heap_type;
            }
            heap_type || {
                let name = vm.type_name(obj);
                matches!(
                    name.as_str(),
                    "partial" | "_lru_cache_wrapper" | "Pattern" | "Random"
                )
            }
        }
        Payload::Deque(_) => true,
        // Subclasses of fixed-size builtins get a weak reference slot; variable-size ones
        // (int, str, tuple, bytes) do not.
        Payload::List(_)
        | Payload::Dict(_)
        | Payload::Float(_)
        | Payload::Complex(_, _)
        | Payload::ByteArray(_)
        | Payload::Exception(_) => heap_type,
        _ => false,
    }
}

fn cannot_weakref(vm: &Vm, obj: &Value) -> PyErr {
    PyErr::type_error(format!(
        "cannot create weak reference to '{}' object",
        vm.type_name(obj)
    ))
}

fn is_exact(vm: &Vm, v: &Value, qualified: &str) -> bool {
    match (v.as_object(), vm.native_types.get(qualified)) {
        (Some(o), Some(t)) => o.has_type(t),
        _ => false,
    }
}

fn has_callback(data: &WeakRefData) -> bool {
    data.callback
        .try_borrow()
        .is_ok_and(|c| !c.is_null() && !c.is_none())
}

/// The plain `ref` and plain proxy (no callback, exact type) at the head of `obj`'s list.
fn basic_refs(vm: &Vm, list: &[Value]) -> (Option<Value>, Option<Value>) {
    let mut basic_ref = None;
    let mut basic_proxy = None;
    let mut i = 0;
    let is_basic = |v: &Value, ty: &str| {
        is_exact(vm, v, ty)
            && v.as_object()
                .and_then(weak::weak_data)
                .is_some_and(|d| !has_callback(d))
    };
    if let Some(first) = list.first()
        && is_basic(first, REF_TYPE)
    {
        basic_ref = Some(first.clone());
        i = 1;
    }
    if let Some(next) = list.get(i)
        && (is_basic(next, PROXY_TYPE) || is_basic(next, CALLABLE_PROXY_TYPE))
    {
        basic_proxy = Some(next.clone());
    }
    (basic_ref, basic_proxy)
}

/// Makes a weak reference of type `cls` (kind `kind`) to `obj`, reusing the plain one
/// when CPython does.
fn make_weakref(
    vm: &mut Vm,
    cls: &Value,
    obj: &Value,
    callback: Value,
    kind: WeakKind,
) -> PyResult<Value> {
    if !supports_weakrefs(vm, obj) {
        return Err(cannot_weakref(vm, obj));
    }
    let callback = if callback.is_null() {
        Value::NONE
    } else {
        callback
    };
    let Some(o) = obj.as_object() else {
        return Err(cannot_weakref(vm, obj));
    };
    let list = weak::weakrefs_of(o);
    let (basic_ref, basic_proxy) = basic_refs(vm, &list);
    let exact = match kind {
        WeakKind::Ref => is_type(vm, cls, REF_TYPE),
        _ => true,
    };
    let plain = callback.is_none() && exact;
    if plain {
        match kind {
            WeakKind::Ref => {
                if let Some(r) = basic_ref {
                    return Ok(r);
                }
            }
            _ => {
                if let Some(p) = basic_proxy {
                    return Ok(p);
                }
            }
        }
    }
    let wr = vm.new_native(cls, WeakRefData::new(kind, callback), None);
    let index = if plain && kind == WeakKind::Ref {
        0
    } else if plain {
        usize::from(basic_ref.is_some())
    } else {
        usize::from(basic_ref.is_some()) + usize::from(basic_proxy.is_some())
    };
    weak::attach(&wr, obj, index);
    Ok(wr)
}

fn is_type(vm: &Vm, cls: &Value, qualified: &str) -> bool {
    vm.native_types.get(qualified).is_some_and(|t| t.is(cls))
}

impl Vm {
    /// `weakref.ref(obj)` (for the interpreter's own weak links, e.g. subclass lists).
    pub fn new_weakref(&mut self, obj: &Value, callback: Value) -> PyResult<Value> {
        let cls = reference_type(self);
        make_weakref(self, &cls, obj, callback, WeakKind::Ref)
    }
}

/// The referent of weak reference `v` (`None` when dead or not a weak reference).
pub fn weakref_target(v: &Value) -> Option<Value> {
    v.as_object().and_then(weak::weak_data)?.get()
}

fn ref_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = args.values[0].clone();
    let pos = &args.values[1..];
    if pos.is_empty() {
        return Err(PyErr::type_error(format!(
            "__new__ expected at least 1 argument, got {}",
            pos.len()
        )));
    }
    // Subclasses may take more arguments in `__init__`; `ref` itself takes two.
    if pos.len() > 2 && is_type(vm, &cls, REF_TYPE) {
        return Err(PyErr::type_error(format!(
            "__new__ expected at most 2 arguments, got {}",
            pos.len()
        )));
    }
    if is_type(vm, &cls, REF_TYPE) && args.has_keywords() {
        return Err(PyErr::type_error("ref() takes no keyword arguments"));
    }
    let callback = pos.get(1).cloned().unwrap_or(Value::NONE);
    make_weakref(vm, &cls, &pos[0], callback, WeakKind::Ref)
}

fn ref_init(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn recv<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a Value, &'a WeakRefData)> {
    match args.values.first() {
        Some(v) => match native_state::<WeakRefData>(v) {
            Some(d) => Ok((v, d)),
            None => Err(crate::builtins::object::util::bad_receiver(
                vm,
                name,
                "weakref.ReferenceType",
                Some(v),
            )),
        },
        None => Err(PyErr::type_error(format!("{name} needs an argument"))),
    }
}

fn ref_call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, data) = recv(vm, &args, "__call__")?;
    rest(&args).exact("weakref", 0)?;
    Ok(data.get().unwrap_or(Value::NONE))
}

fn ref_callback(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, data) = recv(vm, &args, "__callback__")?;
    let cb = data.callback.borrow().clone();
    Ok(if cb.is_null() { Value::NONE } else { cb })
}

fn ref_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, data) = recv(vm, &args, "__hash__")?;
    if let Some(h) = data.hash.get() {
        return Ok(vm.new_int(h));
    }
    let Some(target) = data.get() else {
        return Err(PyErr::type_error("weak object has gone away"));
    };
    let h = vm.hash(&target)?;
    data.hash.set(Some(h));
    Ok(vm.new_int(h))
}

fn ref_compare(vm: &mut Vm, args: Args<'_>, op: CompareOp) -> PyResult<Value> {
    let name = if op == CompareOp::Eq {
        "__eq__"
    } else {
        "__ne__"
    };
    let (me, data) = recv(vm, &args, name)?;
    let pos = rest(&args).exact(name, 1)?;
    let Some(other) = pos[0].as_object().and_then(weak::weak_data) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let ref_type = reference_type(vm);
    if !vm.is_instance(&pos[0], &ref_type) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    match (data.get(), other.get()) {
        (Some(a), Some(b)) => vm.compare(&a, &b, op),
        _ => {
            let same = me.is(&pos[0]);
            Ok(Value::from_bool(if op == CompareOp::Eq {
                same
            } else {
                !same
            }))
        }
    }
}

fn ref_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    ref_compare(vm, args, CompareOp::Eq)
}

fn ref_ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    ref_compare(vm, args, CompareOp::Ne)
}

fn ref_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (me, data) = recv(vm, &args, "__repr__")?;
    let addr = me.bits();
    let text = match data.get() {
        None => format!("<weakref at {addr:#x}; dead>"),
        Some(t) => {
            let tname = vm.type_name(&t);
            let name = match vm.getattr_str(&t, "__name__") {
                Ok(n) => n.as_str().map(str::to_string),
                Err(_) => None,
            };
            match name {
                Some(n) => format!(
                    "<weakref at {addr:#x}; to '{tname}' at {:#x} ({n})>",
                    t.bits()
                ),
                None => format!("<weakref at {addr:#x}; to '{tname}' at {:#x}>", t.bits()),
            }
        }
    };
    Ok(vm.new_string(text))
}

fn ref_class_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = rest(&args).exact("__class_getitem__", 1)?;
    let cls = args.values[0].clone();
    Ok(vm.new_generic_alias(cls, pos[0].clone()))
}

fn getweakrefcount(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("getweakrefcount", 1)?;
    let n = pos[0]
        .as_object()
        .map(|o| weak::weakrefs_of(o).len())
        .unwrap_or(0);
    Ok(vm.new_int(n as i64))
}

fn getweakrefs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("getweakrefs", 1)?;
    let list = pos[0]
        .as_object()
        .map(weak::weakrefs_of)
        .unwrap_or_default();
    Ok(vm.new_list(list))
}

/// `_remove_dead_weakref(dict, key)`: deletes `dict[key]` if it is a dead weak reference.
fn remove_dead_weakref(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("_remove_dead_weakref", 2)?;
    if pos[0].as_dict().is_none() {
        return Err(PyErr::type_error(format!(
            "_remove_dead_weakref() argument 1 must be dict, not {}",
            vm.type_name(&pos[0])
        )));
    }
    let current = vm.dict_get(&pos[0], &pos[1])?;
    if let Some(v) = current
        && v.as_object()
            .and_then(weak::weak_data)
            .is_some_and(WeakRefData::is_dead)
    {
        vm.delitem(&pos[0], &pos[1])?;
    }
    Ok(Value::NONE)
}

fn proxy_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.range("proxy", 1, 2)?;
    let (proxy, callable) = proxy_types(vm);
    let obj = &pos[0];
    let is_callable = vm.is_callable(obj);
    let (cls, kind) = if is_callable {
        (callable, WeakKind::CallableProxy)
    } else {
        (proxy, WeakKind::Proxy)
    };
    let callback = pos.get(1).cloned().unwrap_or(Value::NONE);
    make_weakref(vm, &cls, obj, callback, kind)
}

fn proxy_no_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Err(PyErr::type_error(format!(
        "cannot create '{}' instances",
        crate::builtins::repr::type_repr(vm, &args.values[0])
            .trim_start_matches("<class '")
            .trim_end_matches("'>")
    )))
}

/// The referent of a proxy, or ReferenceError when it is gone; other values pass through.
fn unwrap_proxy(v: &Value) -> PyResult<Value> {
    match v.as_object().and_then(weak::weak_data) {
        Some(d) if d.kind != WeakKind::Ref => d.get().ok_or_else(|| {
            PyErr::new(
                ExcKind::ReferenceError,
                "weakly-referenced object no longer exists",
            )
        }),
        _ => Ok(v.clone()),
    }
}

fn proxy_self(args: &Args<'_>) -> PyResult<Value> {
    match args.values.first() {
        Some(v) => unwrap_proxy(v),
        None => Err(PyErr::type_error("proxy method needs an argument")),
    }
}

fn proxy_call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let target = proxy_self(&args)?;
    let r = rest(&args);
    vm.call_args(&target, r)
}

fn proxy_getattribute(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let target = proxy_self(&args)?;
    let pos = rest(&args).exact("__getattribute__", 1)?;
    let Some(name) = pos[0].as_str() else {
        return Err(PyErr::type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(&pos[0])
        )));
    };
    let name = name.to_string();
    vm.getattr_str(&target, &name)
}

fn proxy_setattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let target = proxy_self(&args)?;
    let pos = rest(&args).exact("__setattr__", 2)?;
    let name = pos[0].as_str().unwrap_or_default().to_string();
    vm.setattr(&target, &name, pos[1].clone())?;
    Ok(Value::NONE)
}

fn proxy_delattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let target = proxy_self(&args)?;
    let pos = rest(&args).exact("__delattr__", 1)?;
    let name = pos[0].as_str().unwrap_or_default().to_string();
    vm.delattr(&target, &name)?;
    Ok(Value::NONE)
}

fn proxy_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let me = args.values.first().cloned().unwrap_or(Value::NONE);
    let data = me.as_object().and_then(weak::weak_data);
    let text = match data.and_then(WeakRefData::get) {
        Some(t) => format!(
            "<weakproxy at {:#x}; to '{}' at {:#x}>",
            me.bits(),
            vm.type_name(&t),
            t.bits()
        ),
        None => format!("<weakproxy at {:#x}; dead>", me.bits()),
    };
    Ok(vm.new_string(text))
}

fn proxy_str(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let target = proxy_self(&args)?;
    let s = vm.str(&target)?;
    Ok(vm.new_string(s))
}

fn proxy_bool(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let target = proxy_self(&args)?;
    Ok(Value::from_bool(vm.truthy(&target)?))
}

fn proxy_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let target = proxy_self(&args)?;
    let n = vm.len(&target)?;
    Ok(vm.new_int(n as i64))
}

fn proxy_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let target = proxy_self(&args)?;
    let pos = rest(&args).exact("__getitem__", 1)?;
    vm.getitem(&target, &pos[0])
}

fn proxy_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let target = proxy_self(&args)?;
    let pos = rest(&args).exact("__setitem__", 2)?;
    vm.setitem(&target, &pos[0], pos[1].clone())?;
    Ok(Value::NONE)
}

fn proxy_delitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let target = proxy_self(&args)?;
    let pos = rest(&args).exact("__delitem__", 1)?;
    vm.delitem(&target, &pos[0])?;
    Ok(Value::NONE)
}

fn proxy_contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let target = proxy_self(&args)?;
    let pos = rest(&args).exact("__contains__", 1)?;
    Ok(Value::from_bool(vm.contains(&target, &pos[0])?))
}

fn proxy_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let target = proxy_self(&args)?;
    vm.iter(&target)
}

fn proxy_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let target = proxy_self(&args)?;
    match vm.next(&target)? {
        Some(v) => Ok(v),
        None => Err(PyErr::stop_iteration()),
    }
}

fn proxy_unary(vm: &mut Vm, args: Args<'_>, op: Opcode) -> PyResult<Value> {
    let target = proxy_self(&args)?;
    vm.unary_op(&target, op)
}

fn proxy_neg(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    proxy_unary(vm, args, Opcode::UNARY_NEGATIVE)
}

fn proxy_invert(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    proxy_unary(vm, args, Opcode::UNARY_INVERT)
}

fn proxy_pos(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let target = proxy_self(&args)?;
    vm.call_method(&target, "__pos__", &[])
}

fn proxy_abs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let target = proxy_self(&args)?;
    vm.call_method(&target, "__abs__", &[])
}

fn proxy_index(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let target = proxy_self(&args)?;
    vm.call_method(&target, "__index__", &[])
}

fn proxy_int(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let target = proxy_self(&args)?;
    let int = vm.types.int.clone();
    vm.call(&int, &[target])
}

fn proxy_float(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let target = proxy_self(&args)?;
    let float = vm.types.float.clone();
    vm.call(&float, &[target])
}

fn proxy_compare(vm: &mut Vm, args: Args<'_>, op: CompareOp) -> PyResult<Value> {
    let target = proxy_self(&args)?;
    let pos = rest(&args).exact("comparison", 1)?;
    let other = unwrap_proxy(&pos[0])?;
    vm.compare(&target, &other, op)
}

fn proxy_binary(vm: &mut Vm, args: Args<'_>, op: BinaryOp, reflected: bool) -> PyResult<Value> {
    let target = proxy_self(&args)?;
    let pos = rest(&args).exact("operator", 1)?;
    let other = unwrap_proxy(&pos[0])?;
    if reflected {
        vm.binary_op(&other, &target, op)
    } else {
        vm.binary_op(&target, &other, op)
    }
}

macro_rules! proxy_ops {
    ($( $f:ident => $kind:ident $op:ident $($refl:literal)? ; )*) => {
        $(
            fn $f(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
                proxy_ops!(@call vm, args, $kind, $op $(, $refl)?)
            }
        )*
    };
    (@call $vm:ident, $args:ident, cmp, $op:ident) => { proxy_compare($vm, $args, CompareOp::$op) };
    (@call $vm:ident, $args:ident, bin, $op:ident) => { proxy_binary($vm, $args, BinaryOp::$op, false) };
    (@call $vm:ident, $args:ident, bin, $op:ident, $refl:literal) => { proxy_binary($vm, $args, BinaryOp::$op, $refl) };
}

proxy_ops! {
    proxy_lt => cmp Lt; proxy_le => cmp Le; proxy_eq => cmp Eq;
    proxy_ne => cmp Ne; proxy_gt => cmp Gt; proxy_ge => cmp Ge;
    proxy_add => bin Add; proxy_radd => bin Add true;
    proxy_sub => bin Subtract; proxy_rsub => bin Subtract true;
    proxy_mul => bin Multiply; proxy_rmul => bin Multiply true;
    proxy_truediv => bin TrueDivide; proxy_rtruediv => bin TrueDivide true;
    proxy_floordiv => bin FloorDivide; proxy_rfloordiv => bin FloorDivide true;
    proxy_mod => bin Remainder; proxy_rmod => bin Remainder true;
    proxy_pow => bin Power; proxy_rpow => bin Power true;
    proxy_lshift => bin LShift; proxy_rlshift => bin LShift true;
    proxy_rshift => bin RShift; proxy_rrshift => bin RShift true;
    proxy_and => bin And; proxy_rand => bin And true;
    proxy_or => bin Or; proxy_ror => bin Or true;
    proxy_xor => bin Xor; proxy_rxor => bin Xor true;
    proxy_matmul => bin MatrixMultiply; proxy_rmatmul => bin MatrixMultiply true;
    proxy_iadd => bin InplaceAdd; proxy_isub => bin InplaceSubtract;
    proxy_imul => bin InplaceMultiply; proxy_itruediv => bin InplaceTrueDivide;
    proxy_ifloordiv => bin InplaceFloorDivide; proxy_imod => bin InplaceRemainder;
    proxy_ior => bin InplaceOr; proxy_iand => bin InplaceAnd; proxy_ixor => bin InplaceXor;
}

fn install_proxy_methods(vm: &mut Vm, ty: &Value) {
    let methods: &[(&'static str, NativeFn)] = &[
        ("__getattribute__", proxy_getattribute),
        ("__getattr__", proxy_getattribute),
        ("__setattr__", proxy_setattr),
        ("__delattr__", proxy_delattr),
        ("__repr__", proxy_repr),
        ("__str__", proxy_str),
        ("__bool__", proxy_bool),
        ("__len__", proxy_len),
        ("__getitem__", proxy_getitem),
        ("__setitem__", proxy_setitem),
        ("__delitem__", proxy_delitem),
        ("__contains__", proxy_contains),
        ("__iter__", proxy_iter),
        ("__next__", proxy_next),
        ("__neg__", proxy_neg),
        ("__pos__", proxy_pos),
        ("__abs__", proxy_abs),
        ("__invert__", proxy_invert),
        ("__index__", proxy_index),
        ("__int__", proxy_int),
        ("__float__", proxy_float),
        ("__lt__", proxy_lt),
        ("__le__", proxy_le),
        ("__eq__", proxy_eq),
        ("__ne__", proxy_ne),
        ("__gt__", proxy_gt),
        ("__ge__", proxy_ge),
        ("__add__", proxy_add),
        ("__radd__", proxy_radd),
        ("__sub__", proxy_sub),
        ("__rsub__", proxy_rsub),
        ("__mul__", proxy_mul),
        ("__rmul__", proxy_rmul),
        ("__truediv__", proxy_truediv),
        ("__rtruediv__", proxy_rtruediv),
        ("__floordiv__", proxy_floordiv),
        ("__rfloordiv__", proxy_rfloordiv),
        ("__mod__", proxy_mod),
        ("__rmod__", proxy_rmod),
        ("__pow__", proxy_pow),
        ("__rpow__", proxy_rpow),
        ("__lshift__", proxy_lshift),
        ("__rlshift__", proxy_rlshift),
        ("__rshift__", proxy_rshift),
        ("__rrshift__", proxy_rrshift),
        ("__and__", proxy_and),
        ("__rand__", proxy_rand),
        ("__or__", proxy_or),
        ("__ror__", proxy_ror),
        ("__xor__", proxy_xor),
        ("__rxor__", proxy_rxor),
        ("__matmul__", proxy_matmul),
        ("__rmatmul__", proxy_rmatmul),
        ("__iadd__", proxy_iadd),
        ("__isub__", proxy_isub),
        ("__imul__", proxy_imul),
        ("__itruediv__", proxy_itruediv),
        ("__ifloordiv__", proxy_ifloordiv),
        ("__imod__", proxy_imod),
        ("__ior__", proxy_ior),
        ("__iand__", proxy_iand),
        ("__ixor__", proxy_ixor),
    ];
    for (name, f) in methods {
        vm.add_method(ty, name, *f);
    }
}
