//! Builtin functions: `print`, `len`, `repr`, `ascii`, `isinstance`/`issubclass`,
//! `getattr` and friends, `iter`/`next`, `id`, `hash`, `callable`. The reducing functions
//! (`sorted`, `min`, `max`, `sum`, `all`, `any`) are in `reduce`, and the namespace and
//! code functions (`globals`, `locals`, `vars`, `dir`, `exec`, `eval`, `compile`) in
//! `introspect`. Every function reports argument errors with CPython's messages.

pub mod introspect;
pub mod reduce;
#[cfg(test)]
mod tests;

use num_bigint::BigInt;

use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::types::function::NativeFn;
use crate::types::iter::IterState;
use crate::vm::Vm;

/// Registers the builtin functions.
pub fn install(vm: &mut Vm) {
    let functions: &[(&'static str, NativeFn)] = &[
        ("print", builtin_print),
        ("len", builtin_len),
        ("repr", builtin_repr),
        ("ascii", builtin_ascii),
        ("isinstance", builtin_isinstance),
        ("issubclass", builtin_issubclass),
        ("hasattr", builtin_hasattr),
        ("getattr", builtin_getattr),
        ("setattr", builtin_setattr),
        ("delattr", builtin_delattr),
        ("iter", builtin_iter),
        ("next", builtin_next),
        ("id", builtin_id),
        ("hash", builtin_hash),
        ("callable", builtin_callable),
        ("sorted", reduce::builtin_sorted),
        ("min", reduce::builtin_min),
        ("max", reduce::builtin_max),
        ("sum", reduce::builtin_sum),
        ("all", reduce::builtin_all),
        ("any", reduce::builtin_any),
        ("globals", introspect::builtin_globals),
        ("locals", introspect::builtin_locals),
        ("vars", introspect::builtin_vars),
        ("dir", introspect::builtin_dir),
        ("exec", introspect::builtin_exec),
        ("eval", introspect::builtin_eval),
        ("compile", introspect::builtin_compile),
    ];
    for (name, f) in functions {
        vm.add_builtin(name, *f);
    }
}

/// `sep`/`end` of print: None means the default; anything else must be a str.
fn print_text<'a>(vm: &Vm, v: &'a Value, what: &str) -> PyResult<Option<&'a str>> {
    if v.is_none() {
        return Ok(None);
    }
    match v.as_str() {
        Some(s) => Ok(Some(s)),
        None => Err(PyErr::type_error(format!(
            "{what} must be None or a string, not {}",
            vm.type_name(v)
        ))),
    }
}

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`.
fn builtin_print(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let mut sep = " ";
    let mut end = "\n";
    let mut file = Value::NONE;
    let mut flush = false;
    for (k, v) in args.keywords() {
        match k {
            "sep" => sep = print_text(vm, v, "sep")?.unwrap_or(" "),
            "end" => end = print_text(vm, v, "end")?.unwrap_or("\n"),
            "file" => file = v.clone(),
            "flush" => flush = vm.truthy(v)?,
            _ => {
                return Err(PyErr::type_error(format!(
                    "print() got an unexpected keyword argument '{k}'"
                )));
            }
        }
    }
    if file.is_none() {
        let sys = vm.sys.clone();
        file = vm.getattr_str(&sys, "stdout")?;
        if file.is_none() {
            return Ok(Value::NONE);
        }
    }
    let objects = args.positional();
    if matches!(file.payload(), Some(Payload::File(_))) {
        // Our own file objects: one write of the whole line.
        let mut text = String::new();
        for (i, obj) in objects.iter().enumerate() {
            if i > 0 {
                text.push_str(sep);
            }
            if let Some(s) = obj.as_pystr()
                && s.has_surrogates()
                && vm.is_exact_builtin(obj)
            {
                // Lone surrogates go through the file's encoder (which may refuse them).
                if !text.is_empty() {
                    vm.write_to(&file, &text)?;
                    text.clear();
                }
                super::io_methods::write_surrogate_text(vm, &file, s)?;
                continue;
            }
            match vm.str(obj) {
                Ok(s) => text.push_str(&s),
                Err(e) => {
                    if !text.is_empty() {
                        vm.write_to(&file, &text)?;
                    }
                    return Err(e);
                }
            }
        }
        text.push_str(end);
        vm.write_to(&file, &text)?;
    } else {
        // Other file-likes see one write() per piece, as in CPython.
        for (i, obj) in objects.iter().enumerate() {
            if i > 0 {
                vm.write_to(&file, sep)?;
            }
            let s = vm.str(obj)?;
            vm.write_to(&file, &s)?;
        }
        vm.write_to(&file, end)?;
    }
    if flush {
        match file.payload() {
            Some(Payload::File(f)) => {
                let r = f.borrow_mut().flush();
                r.map_err(|e| PyErr::new(ExcKind::OSError, e.to_string()))?;
            }
            _ => {
                let f = vm.getattr_str(&file, "flush")?;
                vm.call(&f, &[])?;
            }
        }
    }
    Ok(Value::NONE)
}

fn builtin_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("len", 1)?;
    let n = vm.len(&pos[0])?;
    Ok(vm.new_int(n as i64))
}

fn builtin_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("repr", 1)?;
    let s = vm.repr(&pos[0])?;
    Ok(vm.new_string(s))
}

fn builtin_ascii(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("ascii", 1)?;
    let s = vm.repr(&pos[0])?;
    Ok(vm.new_string(crate::builtins::repr::ascii_escape(&s)))
}

/// Whether `cls`'s metaclass is exactly `type` (so no `__instancecheck__` override).
fn plain_metaclass(vm: &Vm, cls: &Value) -> bool {
    cls.as_object().is_some_and(|o| o.has_type(&vm.types.type_))
}

fn is_builtin_type_method(m: &Value, name: &str) -> bool {
    matches!(m.payload(), Some(Payload::BuiltinFunction(f)) if f.name == name)
}

/// `type.__instancecheck__`: the real type first; when that fails, what `obj.__class__`
/// claims (a property, a class attribute or a proxy may name another class), as CPython's
/// `object_isinstance`. An AttributeError from `__class__` means no claim.
fn real_isinstance(vm: &mut Vm, obj: &Value, cls: &Value) -> PyResult<bool> {
    if vm.is_instance(obj, cls) {
        return Ok(true);
    }
    if !may_claim_other_class(vm, obj) {
        return Ok(false);
    }
    let claimed = match vm.getattr_str(obj, "__class__") {
        Ok(c) => c,
        Err(e) if vm.err_matches(&e, ExcKind::AttributeError) => return Ok(false),
        Err(e) => return Err(e),
    };
    Ok(!claimed.is(&vm.type_of(obj)) && vm.is_type(&claimed) && vm.is_subtype(&claimed, cls))
}

/// Whether `obj.__class__` could be anything but its type: its class (or a base other
/// than `object`) defines `__class__` or `__getattribute__`.
fn may_claim_other_class(vm: &Vm, obj: &Value) -> bool {
    let ty = vm.type_of(obj);
    let object = &vm.types.object;
    ["__class__", "__getattribute__"].iter().any(|name| {
        match (
            vm.lookup_type_attr(&ty, name),
            vm.lookup_type_attr(object, name),
        ) {
            (Some(found), Some(base)) => !found.is(&base),
            _ => true,
        }
    })
}

/// `isinstance(obj, cls)` with tuples and `__instancecheck__`.
pub fn isinstance(vm: &mut Vm, obj: &Value, cls: &Value) -> PyResult<bool> {
    if let Some(o) = obj.as_object()
        && o.has_type(cls)
    {
        return Ok(true);
    }
    if vm.is_type(cls) {
        if plain_metaclass(vm, cls) {
            return real_isinstance(vm, obj, cls);
        }
        if let Some(m) = vm.lookup_special(cls, "__instancecheck__")
            && !is_builtin_type_method(&m, "__instancecheck__")
        {
            let r = vm.call(&m, &[cls.clone(), obj.clone()])?;
            return vm.truthy(&r);
        }
        return real_isinstance(vm, obj, cls);
    }
    if let Some(items) = cls.as_tuple() {
        let items = items.to_vec();
        return any_of_tuple(vm, &items, |vm, item| isinstance(vm, obj, item));
    }
    if let Some(m) = vm.lookup_special(cls, "__instancecheck__") {
        let r = vm.call(&m, &[cls.clone(), obj.clone()])?;
        return vm.truthy(&r);
    }
    Err(PyErr::type_error(
        "isinstance() arg 2 must be a type, a tuple of types, or a union",
    ))
}

/// `isinstance`/`issubclass` against a tuple: true at the first item that matches (nested
/// tuples recurse through `check`), under the native-recursion guard.
fn any_of_tuple(
    vm: &mut Vm,
    items: &[Value],
    mut check: impl FnMut(&mut Vm, &Value) -> PyResult<bool>,
) -> PyResult<bool> {
    vm.enter_native()?;
    let mut result = Ok(false);
    for item in items {
        match check(vm, item) {
            Ok(false) => {}
            done => {
                result = done;
                break;
            }
        }
    }
    vm.leave_native();
    result
}

fn builtin_isinstance(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if let [obj, cls] = args.values
        && args.kwnames.is_empty()
        && plain_metaclass(vm, cls)
    {
        return real_isinstance(vm, obj, cls).map(Value::from_bool);
    }
    let pos = args.exact("isinstance", 2)?;
    Ok(Value::from_bool(isinstance(vm, &pos[0], &pos[1])?))
}

/// `issubclass(sub, cls)` with tuples and `__subclasscheck__`.
pub fn issubclass(vm: &mut Vm, sub: &Value, cls: &Value) -> PyResult<bool> {
    if vm.is_type(cls) {
        if !plain_metaclass(vm, cls)
            && let Some(m) = vm.lookup_special(cls, "__subclasscheck__")
            && !is_builtin_type_method(&m, "__subclasscheck__")
        {
            let r = vm.call(&m, &[cls.clone(), sub.clone()])?;
            return vm.truthy(&r);
        }
        if !vm.is_type(sub) {
            return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
        }
        return Ok(vm.is_subtype(sub, cls));
    }
    if let Some(items) = cls.as_tuple() {
        let items = items.to_vec();
        return any_of_tuple(vm, &items, |vm, item| issubclass(vm, sub, item));
    }
    if let Some(m) = vm.lookup_special(cls, "__subclasscheck__") {
        let r = vm.call(&m, &[cls.clone(), sub.clone()])?;
        return vm.truthy(&r);
    }
    Err(PyErr::type_error(
        "issubclass() arg 2 must be a class, a tuple of classes, or a union",
    ))
}

fn builtin_issubclass(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("issubclass", 2)?;
    Ok(Value::from_bool(issubclass(vm, &pos[0], &pos[1])?))
}

fn builtin_hasattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("hasattr", 2)?;
    match vm.getattr(&pos[0], &pos[1]) {
        Ok(_) => Ok(Value::TRUE),
        Err(e) if vm.err_matches(&e, ExcKind::AttributeError) => Ok(Value::FALSE),
        Err(e) => Err(e),
    }
}

fn builtin_getattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.range("getattr", 2, 3)?;
    match vm.getattr(&pos[0], &pos[1]) {
        Ok(v) => Ok(v),
        Err(e) if pos.len() == 3 && vm.err_matches(&e, ExcKind::AttributeError) => {
            Ok(pos[2].clone())
        }
        Err(e) => Err(e),
    }
}

fn name_arg(vm: &Vm, v: &Value) -> PyResult<String> {
    match v.as_str() {
        Some(s) => Ok(s.to_string()),
        None => Err(PyErr::type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(v)
        ))),
    }
}

fn builtin_setattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("setattr", 3)?;
    let name = name_arg(vm, &pos[1])?;
    vm.setattr(&pos[0], &name, pos[2].clone())?;
    Ok(Value::NONE)
}

fn builtin_delattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("delattr", 2)?;
    let name = name_arg(vm, &pos[1])?;
    vm.delattr(&pos[0], &name)?;
    Ok(Value::NONE)
}

fn builtin_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.range("iter", 1, 2)?;
    if pos.len() == 1 {
        return vm.iter(&pos[0]);
    }
    if !vm.is_callable(&pos[0]) {
        return Err(PyErr::type_error("iter(v, w): v must be callable"));
    }
    Ok(crate::builtins::iterators::new_iterator(
        &vm.types.callable_iterator,
        IterState::Callable {
            func: pos[0].clone(),
            sentinel: pos[1].clone(),
        },
    ))
}

fn builtin_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.range("next", 1, 2)?;
    if matches!(pos[0].payload(), Some(Payload::Generator(_))) && pos.len() == 1 {
        // A generator's return value travels in the StopIteration that next() raises.
        return crate::builtins::generator::generator_next_or_stop(vm, &pos[0]);
    }
    if pos.len() == 1
        && !matches!(pos[0].payload(), Some(Payload::Iterator(_)))
        && let Some(method) = vm.lookup_special(&pos[0], "__next__")
    {
        // The StopIteration a `__next__` raises (and its value) propagates unchanged.
        return vm.call(&method, &[pos[0].clone()]);
    }
    match vm.next(&pos[0])? {
        Some(v) => Ok(v),
        None => match pos.get(1) {
            Some(default) => Ok(default.clone()),
            None => Err(PyErr::stop_iteration()),
        },
    }
}

/// `id(x)`: the address for heap objects; the (disjoint) word itself for immediates.
fn builtin_id(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("id", 1)?;
    let bits = pos[0].bits();
    Ok(match i64::try_from(bits) {
        Ok(i) => vm.new_int(i),
        Err(_) => vm.new_bigint(BigInt::from(bits)),
    })
}

fn builtin_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("hash", 1)?;
    let h = vm.hash(&pos[0])?;
    Ok(vm.new_int(h))
}

fn builtin_callable(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("callable", 1)?;
    Ok(Value::from_bool(vm.is_callable(&pos[0])))
}
