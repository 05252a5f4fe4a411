//! `repr()` of every builtin payload, matching CPython's text exactly: numbers (with the
//! int string-conversion limit), strings, containers, functions and methods, types,
//! modules, exceptions and the `<X object at 0x...>` default.
//!
//! Containers can contain themselves; `vm.repr_stack` holds the identities of the
//! containers being printed so a cycle prints `[...]`/`{...}` instead of recursing. Deep
//! (non-cyclic) nesting is bounded by `vm.repr`, which counts each nested builtin repr as
//! one level of native recursion and raises RecursionError past the limit.

use crate::builtins::object::util::addr;
use crate::object::{Payload, Value};
use crate::runtime::errors::PyResult;
use crate::runtime::typecheck::type_name_of;
use crate::types::payload::DictViewKind;
use crate::vm::Vm;

/// Registers this module's builtins and methods (none: reprs are reached via `vm.repr`).
pub fn install(vm: &mut Vm) {
    let _ = vm;
}

/// The repr of a value of a builtin type (or of a builtin base's payload).
pub fn builtin_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Some(i) = v.as_small_int() {
        return Ok(i.to_string());
    }
    if let Some(f) = v.as_immediate_float() {
        return Ok(crate::text::float_repr::float_repr(f));
    }
    let Some(obj) = v.as_object() else {
        return Ok(immediate_repr(v).to_string());
    };
    match &obj.payload {
        Payload::Instance(_) => Ok(default_repr(vm, v)),
        Payload::Member(_) => Ok(crate::interp::slots::member_repr(v).unwrap_or_default()),
        Payload::Int(i) => Ok(crate::text::number_parse::int_to_str_radix(
            i,
            10,
            vm.int_max_str_digits,
        )?),
        Payload::Float(f) => Ok(crate::text::float_repr::float_repr(*f)),
        Payload::Complex(re, im) => Ok(complex_repr(*re, *im)),
        Payload::Str(s) if s.has_surrogates() => Ok(crate::text::str_repr::py_code_points_repr(
            s.code_points(),
            false,
        )),
        Payload::Str(s) => {
            if !s.is_ascii()
                && let Some(exact) = crate::builtins::str_surrogates::unswap_active(s)
            {
                return Ok(crate::text::str_repr::py_code_points_repr(
                    exact.code_points(),
                    false,
                ));
            }
            Ok(crate::text::str_repr::py_str_repr(s.as_str()))
        }
        Payload::Bytes(b) => Ok(crate::builtins::bytes::bytes_repr(b)),
        Payload::ByteArray(_) => Ok(crate::builtins::bytes::bytes_value_repr(vm, v)),
        Payload::List(l) => {
            let items = l.borrow().clone();
            seq_repr(vm, v, &items, "[", "]", "[...]")
        }
        Payload::Tuple(t) => {
            if t.is_empty() {
                return Ok("()".to_string());
            }
            let items = t.to_vec();
            let mut s = seq_repr(vm, v, &items, "(", ")", "(...)")?;
            if items.len() == 1 && s.ends_with(')') {
                s.insert(s.len() - 1, ',');
            }
            Ok(s)
        }
        Payload::Dict(d) => {
            let items = d.borrow().items();
            dict_repr(vm, v, &items)
        }
        Payload::Set(s) => {
            let keys: Vec<Value> = s.borrow().entries().map(|(_, k)| k.clone()).collect();
            set_repr(vm, v, &keys)
        }
        Payload::GenericAlias(_) => crate::builtins::generic_alias::generic_alias_repr(vm, v),
        Payload::Range(r) => {
            let (start, stop, step) = (r.start.clone(), r.stop.clone(), r.step.clone());
            let (a, b) = (vm.repr(&start)?, vm.repr(&stop)?);
            if step.as_small_int() == Some(1) {
                Ok(format!("range({a}, {b})"))
            } else {
                let c = vm.repr(&step)?;
                Ok(format!("range({a}, {b}, {c})"))
            }
        }
        Payload::Slice(s) => {
            let (a, b, c) = (s.start.clone(), s.stop.clone(), s.step.clone());
            let (a, b, c) = (vm.repr(&a)?, vm.repr(&b)?, vm.repr(&c)?);
            Ok(format!("slice({a}, {b}, {c})"))
        }
        Payload::Function(f) => {
            let q = f.qualname.borrow().clone();
            Ok(format!(
                "<function {} at {}>",
                q.as_str().unwrap_or("?"),
                addr(v)
            ))
        }
        Payload::BuiltinFunction(f) => {
            let ty = vm.type_of(v);
            if ty.is(&vm.types.wrapper_descriptor) {
                return Ok(format!(
                    "<slot wrapper '{}' of '{}' objects>",
                    f.name,
                    type_name_of(&f.owner)
                ));
            }
            if ty.is(&vm.types.method_wrapper) {
                let recv = f.receiver.clone();
                return Ok(format!(
                    "<method-wrapper '{}' of {} object at {}>",
                    f.name,
                    vm.type_name(&recv),
                    addr(&recv)
                ));
            }
            if f.receiver.is_null() && !f.owner.is_null() {
                return Ok(format!(
                    "<method '{}' of '{}' objects>",
                    f.name,
                    type_name_of(&f.owner)
                ));
            }
            if f.receiver.is_null() || matches!(f.receiver.payload(), Some(Payload::Module(_))) {
                return Ok(format!("<built-in function {}>", f.name));
            }
            let recv = f.receiver.clone();
            Ok(format!(
                "<built-in method {} of {} object at {}>",
                f.name,
                vm.type_name(&recv),
                addr(&recv)
            ))
        }
        Payload::BoundMethod(m) => {
            let (func, recv) = (m.function.clone(), m.receiver.clone());
            if let Some(Payload::BuiltinFunction(f)) = func.payload() {
                return Ok(format!(
                    "<built-in method {} of {} object at {}>",
                    f.name,
                    vm.type_name(&recv),
                    addr(&recv)
                ));
            }
            let name = match func.payload() {
                Some(Payload::Function(f)) => {
                    f.qualname.borrow().as_str().unwrap_or("?").to_string()
                }
                Some(Payload::BuiltinFunction(f)) => f.name.to_string(),
                _ => match vm.getattr_opt(&func, "__qualname__")? {
                    Some(q) => vm.str(&q)?,
                    None => "?".to_string(),
                },
            };
            let r = vm.repr(&recv)?;
            Ok(format!("<bound method {name} of {r}>"))
        }
        Payload::Code(c) => Ok(format!(
            "<code object {} at {}, file \"{}\", line {}>",
            c.data.name,
            addr(v),
            c.data.filename,
            c.data.first_line
        )),
        Payload::Cell(c) => {
            let contents = c.borrow().clone();
            if contents.is_null() {
                Ok(format!("<cell at {}: empty>", addr(v)))
            } else {
                Ok(format!(
                    "<cell at {}: {} object at {}>",
                    addr(v),
                    vm.type_name(&contents),
                    addr(&contents)
                ))
            }
        }
        Payload::Module(m) => {
            let dict = m.dict.clone();
            let name = match vm.dict_get_str(&dict, "__name__") {
                Some(n) => vm.repr(&n)?,
                None => "'?'".to_string(),
            };
            if let Some(file) = vm.dict_get_str(&dict, "__file__")
                && !file.is_none()
            {
                let f = vm.repr(&file)?;
                return Ok(format!("<module {name} from {f}>"));
            }
            let builtin = name
                .get(1..name.len().saturating_sub(1))
                .is_some_and(is_builtin_module_name);
            if builtin {
                Ok(format!("<module {name} (built-in)>"))
            } else {
                Ok(format!("<module {name}>"))
            }
        }
        Payload::Type(_) => Ok(type_repr(vm, v)),
        Payload::Exception(e) => {
            let args = e.args.borrow().clone();
            let name = vm.type_name(v);
            match args.as_tuple() {
                Some([one]) => {
                    let one = one.clone();
                    Ok(format!("{name}({})", vm.repr(&one)?))
                }
                Some(_) => Ok(format!("{name}{}", vm.repr(&args)?)),
                None => Ok(format!("{name}()")),
            }
        }
        Payload::Traceback(_) => Ok(format!("<traceback object at {}>", addr(v))),
        Payload::Frame(f) => {
            let (file, name) = match f.code.as_code() {
                Some(c) => (
                    crate::text::str_repr::py_str_repr(c.filename.as_str().unwrap_or("")),
                    c.name.as_str().unwrap_or("").to_string(),
                ),
                None => (String::new(), String::new()),
            };
            let line = vm.frame_lineno(v).unwrap_or(0);
            Ok(format!(
                "<frame at {}, file {file}, line {line}, code {name}>",
                addr(v)
            ))
        }
        Payload::FrameLocalsProxy(frame) => {
            // Guarded by the proxy's identity: each repr makes a fresh snapshot dict.
            if vm.repr_stack.contains(&v.bits()) {
                return Ok("{...}".to_string());
            }
            let frame = frame.clone();
            let d = crate::builtins::frame_locals::snapshot_dict(vm, &frame)?;
            vm.repr_stack.push(v.bits());
            let r = vm.repr(&d);
            vm.repr_stack.pop();
            r
        }
        Payload::Native(_) => Ok(default_repr(vm, v)),
        Payload::Iterator(_) | Payload::Deque(_) => {
            Ok(format!("<{} object at {}>", vm.type_name(v), addr(v)))
        }
        Payload::DictView(view) => {
            let (dict, kind) = (view.dict.clone(), view.kind);
            let items: Vec<Value> = match dict.as_dict() {
                Some(t) => {
                    let t = t.borrow();
                    match kind {
                        DictViewKind::Keys => t.keys(),
                        DictViewKind::Values => t.values(),
                        DictViewKind::Items => t
                            .items()
                            .into_iter()
                            .map(|(k, val)| vm.new_tuple(vec![k, val]))
                            .collect(),
                    }
                }
                None => Vec::new(),
            };
            let name = vm.type_name(v);
            if vm.repr_stack.contains(&v.bits()) {
                return Ok("...".to_string());
            }
            vm.repr_stack.push(v.bits());
            let inner = seq_repr(vm, &Value::NULL, &items, "[", "]", "[...]");
            vm.repr_stack.pop();
            Ok(format!("{name}({})", inner?))
        }
        Payload::Property(_) => Ok(format!("<property object at {}>", addr(v))),
        Payload::ClassMethod(f) | Payload::StaticMethod(f) => {
            let f = f.clone();
            let inner = vm.repr(&f)?;
            Ok(format!("<{}({inner})>", vm.type_name(v)))
        }
        Payload::Super(cls, obj) => {
            let (cls, obj) = (cls.clone(), obj.clone());
            let c = type_name_of(&cls);
            if obj.is_none() || obj.is_null() {
                Ok(format!("<super: <class '{c}'>, NULL>"))
            } else {
                // The second part names the type the lookup starts from: `obj` itself
                // when it is a class (`super(B, C)`), else its type.
                let start = if vm.is_type(&obj) && vm.is_subtype(&obj, &cls) {
                    type_name_of(&obj)
                } else {
                    vm.type_name(&obj)
                };
                Ok(format!("<super: <class '{c}'>, <{start} object>>"))
            }
        }
        Payload::Generator(g) => {
            let q = g.qualname.borrow().clone();
            Ok(format!(
                "<{} object {} at {}>",
                vm.type_name(v),
                q.as_str().unwrap_or("?"),
                addr(v)
            ))
        }
        Payload::File(_) => Ok(crate::builtins::io::file_repr(vm, v)),
        Payload::AsyncOp(_) => Ok(format!("<{} object at {}>", vm.type_name(v), addr(v))),
        Payload::MemoryView(m) => Ok(format!(
            "<{}memory at {}>",
            if m.released.get() { "released " } else { "" },
            addr(v)
        )),
    }
}

fn immediate_repr(v: &Value) -> &'static str {
    if v.is_none() {
        "None"
    } else if v.is(&Value::TRUE) {
        "True"
    } else if v.is(&Value::FALSE) {
        "False"
    } else if v.is(&Value::NOT_IMPLEMENTED) {
        "NotImplemented"
    } else if v.is(&Value::ELLIPSIS) {
        "Ellipsis"
    } else {
        "<NULL>"
    }
}

fn is_builtin_module_name(name: &str) -> bool {
    matches!(
        name,
        "sys"
            | "builtins"
            | "_io"
            | "marshal"
            | "posix"
            | "_thread"
            | "_warnings"
            | "_weakref"
            | "_imp"
            | "itertools"
            | "time"
            | "errno"
            | "gc"
            | "_abc"
            | "_codecs"
            | "_collections"
            | "_functools"
            | "_operator"
            | "_signal"
            | "_sre"
            | "_stat"
            | "_string"
            | "atexit"
            | "faulthandler"
            | "pwd"
            | "_tokenize"
            | "_tracemalloc"
            | "_typing"
    )
}

/// `<module.Qualname object at 0x...>`, CPython's `object.__repr__`.
pub fn default_repr(vm: &mut Vm, v: &Value) -> String {
    let ty = vm.type_of(v);
    format!("<{} object at {}>", qualified_type_name(vm, &ty), addr(v))
}

/// `module.qualname` of a type, with the module left out for builtins.
pub fn qualified_type_name(vm: &Vm, ty: &Value) -> String {
    let Some(data) = ty.as_type_data() else {
        return "?".to_string();
    };
    let qualname = data.qualname.borrow().clone();
    match vm.dict_get_str(&data.dict, "__module__") {
        Some(m) => match m.as_str() {
            Some("builtins") => qualname,
            Some(module) => format!("{module}.{qualname}"),
            None => qualname,
        },
        None => qualname,
    }
}

/// `<class 'module.Qualname'>`.
pub fn type_repr(vm: &Vm, ty: &Value) -> String {
    format!("<class '{}'>", qualified_type_name(vm, ty))
}

/// CPython's `complex.__repr__`: components in repr style without a trailing `.0`.
pub fn complex_repr(re: f64, im: f64) -> String {
    fn part(x: f64) -> String {
        let s = crate::text::float_repr::float_repr(x);
        match s.strip_suffix(".0") {
            Some(t) => t.to_string(),
            None => s,
        }
    }
    let imag = part(im);
    if re == 0.0 && re.is_sign_positive() {
        return format!("{imag}j");
    }
    let sign = if imag.starts_with('-') { "" } else { "+" };
    format!("({}{sign}{imag}j)", part(re))
}

/// `open item, item close` with cycle detection on `container` (NULL: none).
pub fn seq_repr(
    vm: &mut Vm,
    container: &Value,
    items: &[Value],
    open: &str,
    close: &str,
    cyclic: &str,
) -> PyResult<String> {
    if items.is_empty() {
        return Ok(format!("{open}{close}"));
    }
    let key = container.bits();
    let track = !container.is_null();
    if track {
        if vm.repr_stack.contains(&key) {
            return Ok(cyclic.to_string());
        }
        vm.repr_stack.push(key);
    }
    let mut out = String::with_capacity(items.len() * 4 + 2);
    out.push_str(open);
    let mut result = Ok(());
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        match vm.repr(item) {
            Ok(s) => out.push_str(&s),
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    if track {
        vm.repr_stack.pop();
    }
    result?;
    out.push_str(close);
    Ok(out)
}

/// `{k: v, ...}` for dict `d` (subclasses too) with `items`; `{...}` when `d` is already
/// being shown (recursion).
pub(crate) fn dict_repr(vm: &mut Vm, d: &Value, items: &[(Value, Value)]) -> PyResult<String> {
    if items.is_empty() {
        return Ok("{}".to_string());
    }
    if vm.repr_stack.contains(&d.bits()) {
        return Ok("{...}".to_string());
    }
    vm.repr_stack.push(d.bits());
    let mut out = String::from("{");
    let mut result = Ok(());
    for (i, (k, v)) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let r = vm.repr(k).and_then(|ks| {
            out.push_str(&ks);
            out.push_str(": ");
            vm.repr(v)
        });
        match r {
            Ok(vs) => out.push_str(&vs),
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    vm.repr_stack.pop();
    result?;
    out.push('}');
    Ok(out)
}

fn set_repr(vm: &mut Vm, s: &Value, keys: &[Value]) -> PyResult<String> {
    let exact_set = s.as_object().is_some_and(|o| o.has_type(&vm.types.set));
    let name = vm.type_name(s);
    if keys.is_empty() {
        return Ok(format!("{name}()"));
    }
    if vm.repr_stack.contains(&s.bits()) {
        return Ok(format!("{name}(...)"));
    }
    vm.repr_stack.push(s.bits());
    let inner = seq_repr(vm, &Value::NULL, keys, "{", "}", "{...}");
    vm.repr_stack.pop();
    let inner = inner?;
    if exact_set {
        Ok(inner)
    } else {
        Ok(format!("{name}({inner})"))
    }
}

/// `ascii()` of a repr: escapes every non-ASCII character as `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
pub fn ascii_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}
