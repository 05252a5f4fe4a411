//! `operator` (CPython's `_operator` and `operator` in one Rust module): every operator as
//! a function, the in-place forms, the `__xxx__` aliases, `index`, `length_hint`, `call`,
//! `countOf`/`indexOf`, and the callable types `itemgetter`, `attrgetter` and
//! `methodcaller` (hot as sort keys, so their calls stay in Rust).

use crate::bytecode::{BinaryOp, CompareOp, Opcode};
use crate::interp::args::Args;
use crate::object::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::native::NativeState;
use crate::runtime::native::native_receiver;
use crate::types::function::NativeFn;
use crate::vm::Vm;

/// Binary operators: (name, op).
const BINARY: &[(&str, BinaryOp)] = &[
    ("add", BinaryOp::Add),
    ("and_", BinaryOp::And),
    ("floordiv", BinaryOp::FloorDivide),
    ("lshift", BinaryOp::LShift),
    ("matmul", BinaryOp::MatrixMultiply),
    ("mul", BinaryOp::Multiply),
    ("mod", BinaryOp::Remainder),
    ("or_", BinaryOp::Or),
    ("pow", BinaryOp::Power),
    ("rshift", BinaryOp::RShift),
    ("sub", BinaryOp::Subtract),
    ("truediv", BinaryOp::TrueDivide),
    ("xor", BinaryOp::Xor),
    ("iadd", BinaryOp::InplaceAdd),
    ("iand", BinaryOp::InplaceAnd),
    ("ifloordiv", BinaryOp::InplaceFloorDivide),
    ("ilshift", BinaryOp::InplaceLShift),
    ("imatmul", BinaryOp::InplaceMatrixMultiply),
    ("imul", BinaryOp::InplaceMultiply),
    ("imod", BinaryOp::InplaceRemainder),
    ("ior", BinaryOp::InplaceOr),
    ("ipow", BinaryOp::InplacePower),
    ("irshift", BinaryOp::InplaceRShift),
    ("isub", BinaryOp::InplaceSubtract),
    ("itruediv", BinaryOp::InplaceTrueDivide),
    ("ixor", BinaryOp::InplaceXor),
];

const COMPARE: &[(&str, CompareOp)] = &[
    ("lt", CompareOp::Lt),
    ("le", CompareOp::Le),
    ("eq", CompareOp::Eq),
    ("ne", CompareOp::Ne),
    ("gt", CompareOp::Gt),
    ("ge", CompareOp::Ge),
];

/// The functions besides the binary and comparison operators.
const OTHER: &[(&str, NativeFn)] = &[
    ("abs", op_abs),
    ("neg", op_neg),
    ("pos", op_pos),
    ("inv", op_inv),
    ("invert", op_inv),
    ("not_", op_not),
    ("truth", op_truth),
    ("index", op_index),
    ("is_", op_is),
    ("is_not", op_is_not),
    ("is_none", op_is_none),
    ("is_not_none", op_is_not_none),
    ("concat", op_concat),
    ("iconcat", op_iconcat),
    ("contains", op_contains),
    ("countOf", op_count_of),
    ("indexOf", op_index_of),
    ("getitem", op_getitem),
    ("setitem", op_setitem),
    ("delitem", op_delitem),
    ("length_hint", op_length_hint),
    ("call", op_call),
];

/// Names that also get a `__name__` alias (everything but the few CPython leaves out).
fn has_dunder_alias(name: &str) -> bool {
    !matches!(
        name,
        "truth"
            | "is_"
            | "is_not"
            | "is_none"
            | "is_not_none"
            | "countOf"
            | "indexOf"
            | "length_hint"
    )
}

/// Creates the `operator` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let dict = vm.new_dict();
    let module = vm.new_module("operator", dict.clone());
    let add = |vm: &mut Vm, name: &'static str, f: NativeFn| -> PyResult<()> {
        let fv = vm.new_builtin_function(name, f, module.clone());
        vm.set_item_str(&dict, name, fv.clone())?;
        if has_dunder_alias(name) {
            let alias = format!("__{}__", name.trim_end_matches('_'));
            vm.set_item_str(&dict, &alias, fv)?;
        }
        Ok(())
    };
    for (i, (name, _)) in BINARY.iter().enumerate() {
        add(vm, name, BINARY_FNS[i])?;
    }
    for (i, (name, _)) in COMPARE.iter().enumerate() {
        add(vm, name, COMPARE_FNS[i])?;
    }
    for (name, f) in OTHER {
        add(vm, name, *f)?;
    }
    for (name, ctor, call, repr) in [
        (
            "itemgetter",
            itemgetter_new as NativeFn,
            itemgetter_call as NativeFn,
            itemgetter_repr as NativeFn,
        ),
        (
            "attrgetter",
            attrgetter_new,
            attrgetter_call,
            attrgetter_repr,
        ),
        (
            "methodcaller",
            methodcaller_new,
            methodcaller_call,
            methodcaller_repr,
        ),
    ] {
        let ty = vm.new_native_type("operator", name, false);
        vm.set_constructor(&ty, ctor);
        vm.add_method(&ty, "__call__", call);
        vm.add_method(&ty, "__repr__", repr);
        vm.set_item_str(&dict, name, ty)?;
    }
    Ok(module)
}

fn two<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a [Value]> {
    if args.has_keywords() {
        return Err(PyErr::type_error(format!(
            "_operator.{name}() takes no keyword arguments"
        )));
    }
    args.range(name, 2, 2)
}

fn one<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    let pos = args.exact(&format!("_operator.{name}"), 1)?;
    Ok(&pos[0])
}

macro_rules! binary_fns {
    ($($i:literal),*) => {
        const BINARY_FNS: &[NativeFn] = &[$(|vm, args| {
            let (name, op) = BINARY[$i];
            let a = two(&args, name)?;
            vm.binary_op(&a[0], &a[1], op)
        }),*];
    };
}
binary_fns!(
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25
);

macro_rules! compare_fns {
    ($($i:literal),*) => {
        const COMPARE_FNS: &[NativeFn] = &[$(|vm, args| {
            let (name, op) = COMPARE[$i];
            let a = two(&args, name)?;
            vm.compare(&a[0], &a[1], op)
        }),*];
    };
}
compare_fns!(0, 1, 2, 3, 4, 5);

fn op_abs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = one(&args, "abs")?;
    let f = vm
        .dict_get_str(&vm.builtins_dict.clone(), "abs")
        .ok_or_else(|| PyErr::internal("builtins.abs is missing"))?;
    vm.call(&f, std::slice::from_ref(v))
}

fn op_neg(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = one(&args, "neg")?;
    vm.unary_op(v, Opcode::UNARY_NEGATIVE)
}

fn op_pos(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = one(&args, "pos")?;
    vm.unary_op(v, Opcode::UNARY_POSITIVE)
}

fn op_inv(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = one(&args, "inv")?;
    vm.unary_op(v, Opcode::UNARY_INVERT)
}

fn op_not(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = one(&args, "not_")?;
    Ok(Value::from_bool(!vm.truthy(v)?))
}

fn op_truth(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = one(&args, "truth")?;
    Ok(Value::from_bool(vm.truthy(v)?))
}

fn op_index(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = one(&args, "index")?;
    let i = vm.index_value(v)?;
    Ok(match i.as_bool() {
        Some(b) => vm.new_int(i64::from(b)),
        None => i,
    })
}

fn op_is(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = two(&args, "is_")?;
    Ok(Value::from_bool(a[0].is(&a[1])))
}

fn op_is_not(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = two(&args, "is_not")?;
    Ok(Value::from_bool(!a[0].is(&a[1])))
}

fn op_is_none(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = one(&args, "is_none")?;
    Ok(Value::from_bool(v.is_none()))
}

fn op_is_not_none(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = one(&args, "is_not_none")?;
    Ok(Value::from_bool(!v.is_none()))
}

/// Whether `v` is a sequence for `concat` (CPython: its type fills `sq_item`).
fn is_sequence(vm: &Vm, v: &Value) -> bool {
    use crate::object::Payload;
    matches!(
        v.payload(),
        Some(
            Payload::List(_)
                | Payload::Tuple(_)
                | Payload::Str(_)
                | Payload::Bytes(_)
                | Payload::ByteArray(_)
                | Payload::Range(_)
                | Payload::MemoryView(_)
        )
    ) || (vm.lookup_special(v, "__getitem__").is_some() && v.as_dict().is_none())
}

fn op_concat(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    concat(vm, args, "concat", BinaryOp::Add)
}

fn op_iconcat(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    concat(vm, args, "iconcat", BinaryOp::InplaceAdd)
}

/// `concat`/`iconcat`: `+` (or `+=`) restricted to sequences on the left, as CPython checks.
fn concat(vm: &mut Vm, args: Args<'_>, name: &str, op: BinaryOp) -> PyResult<Value> {
    let a = two(&args, name)?;
    if !is_sequence(vm, &a[0]) {
        return Err(PyErr::type_error(format!(
            "'{}' object can't be concatenated",
            vm.type_name(&a[0])
        )));
    }
    vm.binary_op(&a[0], &a[1], op)
}

fn op_contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = two(&args, "contains")?;
    Ok(Value::from_bool(vm.contains(&a[0], &a[1])?))
}

/// Iterates `seq` for `countOf`/`indexOf`, with CPython's message for non-iterables.
fn search_iter(vm: &mut Vm, seq: &Value) -> PyResult<Value> {
    vm.iter(seq).map_err(|e| {
        if vm.err_matches(&e, crate::runtime::errors::ExcKind::TypeError) {
            PyErr::type_error(format!(
                "argument of type '{}' is not iterable",
                vm.type_name(seq)
            ))
        } else {
            e
        }
    })
}

fn op_count_of(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = two(&args, "countOf")?;
    let it = search_iter(vm, &a[0])?;
    let mut n = 0i64;
    while let Some(item) = vm.next(&it)? {
        if item.is(&a[1]) || vm.eq(&item, &a[1])? {
            n += 1;
        }
    }
    Ok(vm.new_int(n))
}

fn op_index_of(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = two(&args, "indexOf")?;
    let it = search_iter(vm, &a[0])?;
    let mut i = 0i64;
    while let Some(item) = vm.next(&it)? {
        if item.is(&a[1]) || vm.eq(&item, &a[1])? {
            return Ok(vm.new_int(i));
        }
        i += 1;
    }
    Err(PyErr::value_error("sequence.index(x): x not in sequence"))
}

fn op_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = two(&args, "getitem")?;
    vm.getitem(&a[0], &a[1])
}

fn op_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_keywords("_operator.setitem")?;
    let a = args.range("setitem", 3, 3)?;
    vm.setitem(&a[0], &a[1], a[2].clone())?;
    Ok(Value::NONE)
}

fn op_delitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = two(&args, "delitem")?;
    vm.delitem(&a[0], &a[1])?;
    Ok(Value::NONE)
}

/// `length_hint(obj, default=0)`: `len(obj)` if it has one, else `__length_hint__`.
fn op_length_hint(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_keywords("_operator.length_hint")?;
    let a = args.range("length_hint", 1, 2)?;
    let default = match a.get(1) {
        Some(d) => {
            if crate::runtime::numbers::as_int(d).is_none() {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(d)
                )));
            }
            d.clone()
        }
        None => vm.new_int(0),
    };
    length_hint(vm, &a[0], default)
}

/// CPython's `PyObject_LengthHint`.
pub fn length_hint(vm: &mut Vm, obj: &Value, default: Value) -> PyResult<Value> {
    if vm.lookup_special(obj, "__len__").is_some() || has_builtin_len(obj) {
        match vm.len(obj) {
            Ok(n) => return Ok(vm.new_int(n as i64)),
            Err(e) if vm.err_matches(&e, crate::runtime::errors::ExcKind::TypeError) => {}
            Err(e) => return Err(e),
        }
    }
    let Some(hint) = vm.lookup_special(obj, "__length_hint__") else {
        return Ok(default);
    };
    let r = match vm.call(&hint, std::slice::from_ref(obj)) {
        Ok(r) => r,
        Err(e) if vm.err_matches(&e, crate::runtime::errors::ExcKind::TypeError) => {
            return Ok(default);
        }
        Err(e) => return Err(e),
    };
    if r.is(&Value::NOT_IMPLEMENTED) {
        return Ok(default);
    }
    match crate::runtime::numbers::as_int(&r) {
        None => Err(PyErr::type_error(format!(
            "__length_hint__ must be an integer, not {}",
            vm.type_name(&r)
        ))),
        Some(i) if i.is_negative() => {
            Err(PyErr::value_error("__length_hint__() should return >= 0"))
        }
        Some(_) => Ok(r),
    }
}

fn has_builtin_len(v: &Value) -> bool {
    use crate::object::Payload;
    matches!(
        v.payload(),
        Some(
            Payload::List(_)
                | Payload::Tuple(_)
                | Payload::Str(_)
                | Payload::Bytes(_)
                | Payload::ByteArray(_)
                | Payload::Dict(_)
                | Payload::Set(_)
                | Payload::Range(_)
                | Payload::DictView(_)
        )
    )
}

fn op_call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let npos = args.positional().len();
    if npos == 0 {
        return Err(PyErr::type_error(
            "call expected at least 1 argument, got 0",
        ));
    }
    let f = args.values[0].clone();
    vm.call_args(
        &f,
        Args {
            values: &args.values[1..],
            kwnames: args.kwnames,
        },
    )
}

// ---------------------------------------------------------------- itemgetter

struct ItemGetter {
    items: Vec<Value>,
}

fn ctor_args<'a>(args: &Args<'a>) -> Args<'a> {
    crate::builtins::object::util::rest(args)
}

fn itemgetter_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = args.values[0].clone();
    let a = ctor_args(&args);
    a.no_keywords("itemgetter")?;
    let items = a.positional().to_vec();
    if items.is_empty() {
        return Err(PyErr::type_error("itemgetter expected 1 argument, got 0"));
    }
    Ok(vm.new_native(&cls, ItemGetter { items }, None))
}

fn itemgetter_call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, g) = native_receiver::<ItemGetter>(vm, &args, "__call__", "operator.itemgetter")?;
    let a = ctor_args(&args);
    a.no_keywords("itemgetter")?;
    let obj = &a.range("itemgetter", 1, 1)?[0];
    if g.items.len() == 1 {
        return vm.getitem(obj, &g.items[0]);
    }
    let mut out = Vec::with_capacity(g.items.len());
    for item in &g.items {
        out.push(vm.getitem(obj, item)?);
    }
    Ok(vm.new_tuple(out))
}

fn joined_reprs(vm: &mut Vm, items: &[Value]) -> PyResult<String> {
    let mut parts = Vec::with_capacity(items.len());
    for v in items {
        parts.push(vm.repr(v)?);
    }
    Ok(parts.join(", "))
}

fn itemgetter_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (it, g) = native_receiver::<ItemGetter>(vm, &args, "__repr__", "operator.itemgetter")?;
    let inner = recursion_guarded(vm, it, |vm| joined_reprs(vm, &g.items))?;
    Ok(vm.new_string(format!("operator.itemgetter({inner})")))
}

/// Runs a repr of an object that may contain itself, printing `...` on recursion.
fn recursion_guarded(
    vm: &mut Vm,
    obj: &Value,
    f: impl FnOnce(&mut Vm) -> PyResult<String>,
) -> PyResult<String> {
    if vm.repr_stack.contains(&obj.bits()) {
        return Ok("...".to_string());
    }
    vm.repr_stack.push(obj.bits());
    let r = f(vm);
    vm.repr_stack.pop();
    r
}

// ---------------------------------------------------------------- attrgetter

struct AttrGetter {
    /// The original names (for the repr) and their dotted parts.
    names: Vec<Value>,
    paths: Vec<Vec<Value>>,
}

fn attrgetter_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = args.values[0].clone();
    let a = ctor_args(&args);
    a.no_keywords("attrgetter")?;
    let names = a.positional().to_vec();
    if names.is_empty() {
        return Err(PyErr::type_error("attrgetter expected 1 argument, got 0"));
    }
    let mut paths = Vec::with_capacity(names.len());
    for n in &names {
        let Some(text) = n.as_str() else {
            return Err(PyErr::type_error("attribute name must be a string"));
        };
        let parts = text.split('.').map(|p| vm.intern(p)).collect();
        paths.push(parts);
    }
    Ok(vm.new_native(&cls, AttrGetter { names, paths }, None))
}

fn attrgetter_call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, g) = native_receiver::<AttrGetter>(vm, &args, "__call__", "operator.attrgetter")?;
    let a = ctor_args(&args);
    a.no_keywords("attrgetter")?;
    let obj = &a.range("attrgetter", 1, 1)?[0];
    let mut out = Vec::with_capacity(g.paths.len());
    for path in &g.paths {
        let mut cur = obj.clone();
        for part in path {
            cur = vm.getattr(&cur, part)?;
        }
        out.push(cur);
    }
    if out.len() == 1 {
        return Ok(out.pop().unwrap_or(Value::NONE));
    }
    Ok(vm.new_tuple(out))
}

fn attrgetter_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, g) = native_receiver::<AttrGetter>(vm, &args, "__repr__", "operator.attrgetter")?;
    let inner = joined_reprs(vm, &g.names)?;
    Ok(vm.new_string(format!("operator.attrgetter({inner})")))
}

// ---------------------------------------------------------------- methodcaller

struct MethodCaller {
    name: Value,
    args: Vec<Value>,
    kwnames: Vec<Value>,
}

fn methodcaller_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = args.values[0].clone();
    let a = ctor_args(&args);
    let pos = a.positional();
    let Some(name) = pos.first() else {
        return Err(PyErr::type_error(
            "methodcaller needs at least one argument, the method name",
        ));
    };
    if name.as_str().is_none() {
        return Err(PyErr::type_error("method name must be a string"));
    }
    let name = vm.intern(name.as_str().unwrap_or(""));
    let mut call_args = pos[1..].to_vec();
    call_args.extend(a.values[pos.len()..].iter().cloned());
    Ok(vm.new_native(
        &cls,
        MethodCaller {
            name,
            args: call_args,
            kwnames: a.kwnames.to_vec(),
        },
        None,
    ))
}

fn methodcaller_call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, m) = native_receiver::<MethodCaller>(vm, &args, "__call__", "operator.methodcaller")?;
    let a = ctor_args(&args);
    a.no_keywords("methodcaller")?;
    let obj = &a.range("methodcaller", 1, 1)?[0];
    let method = vm.getattr(obj, &m.name)?;
    vm.call_args(
        &method,
        Args {
            values: &m.args,
            kwnames: &m.kwnames,
        },
    )
}

fn methodcaller_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (it, m) = native_receiver::<MethodCaller>(vm, &args, "__repr__", "operator.methodcaller")?;
    let text = recursion_guarded(vm, it, |vm| {
        let mut parts = vec![vm.repr(&m.name)?];
        let npos = m.args.len() - m.kwnames.len();
        for v in &m.args[..npos] {
            parts.push(vm.repr(v)?);
        }
        for (k, v) in m.kwnames.iter().zip(&m.args[npos..]) {
            let r = vm.repr(v)?;
            parts.push(format!("{}={r}", k.as_str().unwrap_or("")));
        }
        Ok(parts.join(", "))
    })?;
    Ok(vm.new_string(format!("operator.methodcaller({text})")))
}

impl NativeState for ItemGetter {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.items.iter().for_each(visit);
    }
}

impl NativeState for AttrGetter {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.names.iter().for_each(&mut *visit);
        for path in &self.paths {
            path.iter().for_each(&mut *visit);
        }
    }
}

impl NativeState for MethodCaller {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.name);
        self.args.iter().for_each(&mut *visit);
        self.kwnames.iter().for_each(&mut *visit);
    }
}
