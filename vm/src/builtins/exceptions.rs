//! Exception types: one constructor for the whole hierarchy (`BaseException.__new__` keeps
//! the arguments; some types also parse them: `OSError` picks the errno subclass and fills
//! `errno`/`strerror`/`filename`, `SyntaxError` its location, `NameError`/`AttributeError`/
//! `ImportError` accept `name=`-style keywords), `str()` of each kind with CPython's text,
//! the attributes (`args`, `__cause__`, `value`, `code`, `errno`...) and the methods
//! (`with_traceback`, `add_note`). Exception groups are in `group`.
//!
//! Exceptions created lazily by the VM (`PyErr::new`) skip the constructor, so attribute
//! reads fall back to deriving the fields from `args`.

pub mod group;

use crate::builtins::object::util::{bad_receiver, rest};
use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::types::typeobj::type_flags;
use crate::vm::Vm;

/// Registers the exception constructors and methods.
pub fn install(vm: &mut Vm) {
    for ty in vm.types.exceptions.clone() {
        vm.set_constructor(&ty, exception_new);
    }
    let base = vm.types.exception(ExcKind::BaseException).clone();
    // `BaseException.__new__(cls, *args)` keeps the arguments (object.__new__ would not).
    let new = crate::builtins::object::base::new_static(vm, "__new__", exception_new_static);
    vm.set_type_attr(&base, "__new__", new);
    vm.add_method(&base, "__init__", exception_init);
    vm.add_method(&base, "__str__", exception_str_m);
    vm.add_method(&base, "__repr__", exception_repr);
    vm.add_method(&base, "with_traceback", with_traceback);
    vm.add_method(&base, "add_note", add_note);
    vm.add_method(&base, "__reduce__", exception_reduce);
    vm.add_method(&base, "__setstate__", exception_setstate);
    group::install(vm);
}

/// `e.__reduce__()`: `(type(e), e.args)`, plus `e.__dict__` when it has one.
fn exception_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let exc = this(vm, &args, "__reduce__")?.clone();
    crate::builtins::native_util::rest(&args).exact("__reduce__", 0)?;
    let ty = vm.type_of(&exc);
    let exc_args = exc
        .as_exception()
        .map_or(Value::NONE, |d| d.args.borrow().clone());
    let mut items = vec![ty, exc_args];
    if let Some(d) = vm.instance_dict(&exc)
        && d.as_dict().is_some_and(|t| !t.borrow().is_empty())
    {
        items.push(d);
    }
    Ok(vm.new_tuple(items))
}

/// `e.__setstate__(state)`: sets each item of the dict `state` as an attribute.
fn exception_setstate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let exc = this(vm, &args, "__setstate__")?.clone();
    let pos = crate::builtins::native_util::rest(&args).exact("__setstate__", 1)?;
    let state = &pos[0];
    if state.is_none() {
        return Ok(Value::NONE);
    }
    let Some(table) = state.as_dict() else {
        return Err(PyErr::type_error("state is not a dictionary"));
    };
    let items = table.borrow().items();
    for (key, value) in items {
        let Some(name) = key.as_str().map(str::to_string) else {
            return Err(PyErr::type_error(format!(
                "attribute name must be string, not '{}'",
                vm.type_name(&key)
            )));
        };
        vm.setattr(&exc, &name, value)?;
    }
    Ok(Value::NONE)
}

/// Whether `exc` is an instance of the builtin exception `kind`.
fn isa(vm: &Vm, exc: &Value, kind: ExcKind) -> bool {
    vm.is_instance(exc, vm.types.exception(kind))
}

/// Keyword arguments a builtin exception type accepts.
fn allowed_keywords(vm: &Vm, cls: &Value) -> &'static [&'static str] {
    let sub = |k: ExcKind| vm.is_subtype(cls, vm.types.exception(k));
    if sub(ExcKind::ImportError) {
        &["name", "path", "name_from"]
    } else if sub(ExcKind::AttributeError) {
        &["name", "obj"]
    } else if sub(ExcKind::NameError) {
        &["name"]
    } else {
        &[]
    }
}

fn is_heap_type(cls: &Value) -> bool {
    cls.as_type_data()
        .is_some_and(|d| d.has_flag(type_flags::HEAPTYPE))
}

/// `BaseException.__new__` for every exception type (`args[0]` is the class).
fn exception_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let mut cls = args.values[0].clone();
    let a = rest(&args);
    let pos = a.positional().to_vec();
    if vm.is_subtype(&cls, vm.types.exception(ExcKind::BaseExceptionGroup)) {
        return group::group_new(vm, &cls, &pos, a);
    }
    if !is_heap_type(&cls) {
        check_keywords(vm, &cls, &a)?;
        if cls.is(vm.types.exception(ExcKind::OSError))
            && (2..=5).contains(&pos.len())
            && let Some(errno) = pos[0].as_small_int()
            && let Some(kind) = errno_subclass(errno)
        {
            cls = vm.types.exception(kind).clone();
        }
    }
    if vm.is_subtype(&cls, vm.types.exception(ExcKind::UnicodeError))
        && !cls.is(vm.types.exception(ExcKind::UnicodeError))
        && !is_heap_type(&cls)
        && pos.len() != 5
        && !cls.is(vm.types.exception(ExcKind::UnicodeTranslateError))
    {
        return Err(PyErr::type_error(format!(
            "function takes exactly 5 arguments ({} given)",
            pos.len()
        )));
    }
    let exc = vm.new_exception_of_type(&cls, pos.clone());
    fill_fields(vm, &exc, &pos, &a)?;
    Ok(exc)
}

/// `BaseException.__new__` called explicitly (`super().__new__(cls, ...)`).
fn exception_new_static(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let base = vm.types.exception(ExcKind::BaseException).clone();
    match args.positional().first() {
        Some(cls) if vm.is_type(cls) && vm.is_subtype(cls, &base) => exception_new(vm, args),
        Some(cls) => Err(PyErr::type_error(format!(
            "BaseException.__new__({}): {} is not a subtype of BaseException",
            vm.type_name(cls),
            vm.type_name(cls)
        ))),
        None => Err(PyErr::type_error(
            "BaseException.__new__(): not enough arguments",
        )),
    }
}

/// Rejects keywords a builtin exception type does not take, with CPython's messages.
fn check_keywords(vm: &Vm, cls: &Value, a: &Args<'_>) -> PyResult<()> {
    if !a.has_keywords() {
        return Ok(());
    }
    let allowed = allowed_keywords(vm, cls);
    let name = crate::runtime::typecheck::type_name_of(cls);
    if allowed.is_empty() {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    for (k, _) in a.keywords() {
        if !allowed.contains(&k) {
            return Err(PyErr::type_error(format!(
                "{name}() got an unexpected keyword argument '{k}'"
            )));
        }
    }
    Ok(())
}

/// The `OSError` subclass CPython picks for an errno.
fn errno_subclass(errno: i64) -> Option<ExcKind> {
    Some(match errno {
        2 => ExcKind::FileNotFoundError,
        17 => ExcKind::FileExistsError,
        21 => ExcKind::IsADirectoryError,
        20 => ExcKind::NotADirectoryError,
        1 | 13 => ExcKind::PermissionError,
        10 => ExcKind::ChildProcessError,
        32 | 108 => ExcKind::BrokenPipeError,
        103 => ExcKind::ConnectionAbortedError,
        111 => ExcKind::ConnectionRefusedError,
        104 => ExcKind::ConnectionResetError,
        4 => ExcKind::InterruptedError,
        3 => ExcKind::ProcessLookupError,
        110 => ExcKind::TimeoutError,
        11 | 114 | 115 => ExcKind::BlockingIOError,
        _ => return None,
    })
}

/// Stores `name` in the exception's attribute dict.
fn set_field(vm: &mut Vm, exc: &Value, name: &str, value: Value) -> PyResult<()> {
    if let Some(d) = vm.instance_dict_or_create(exc) {
        vm.set_item_str(&d, name, value)?;
    }
    Ok(())
}

/// Parses the arguments into the type-specific fields (shared by `__new__`/`__init__`).
fn fill_fields(vm: &mut Vm, exc: &Value, pos: &[Value], a: &Args<'_>) -> PyResult<()> {
    for (k, v) in a.keywords() {
        if allowed_keywords(vm, &vm.type_of(exc)).contains(&k) {
            set_field(vm, exc, k, v.clone())?;
        }
    }
    if isa(vm, exc, ExcKind::OSError) && (2..=5).contains(&pos.len()) {
        let blocking = isa(vm, exc, ExcKind::BlockingIOError);
        set_field(vm, exc, "errno", pos[0].clone())?;
        set_field(vm, exc, "strerror", pos[1].clone())?;
        if pos.len() >= 3 {
            if blocking && pos[2].as_small_int().is_some() {
                set_field(vm, exc, "characters_written", pos[2].clone())?;
            } else {
                set_field(vm, exc, "filename", pos[2].clone())?;
                if let Some(f2) = pos.get(4) {
                    set_field(vm, exc, "filename2", f2.clone())?;
                }
                if let Some(data) = exc.as_exception() {
                    let args = vm.new_tuple(pos[..2].to_vec());
                    *data.args.borrow_mut() = args;
                }
            }
        }
    } else if isa(vm, exc, ExcKind::SyntaxError) && !pos.is_empty() {
        set_field(vm, exc, "msg", pos[0].clone())?;
        if let Some(details) = pos.get(1).and_then(|d| d.as_tuple()) {
            let names = [
                "filename",
                "lineno",
                "offset",
                "text",
                "end_lineno",
                "end_offset",
            ];
            if details.len() != 4 && details.len() != 6 {
                return Err(PyErr::index_error("tuple index out of range"));
            }
            for (name, v) in names.iter().zip(details.iter()) {
                set_field(vm, exc, name, v.clone())?;
            }
        }
    }
    Ok(())
}

/// `BaseException.__init__(self, *args)`: replaces `args` (and re-parses typed fields).
fn exception_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let exc = this(vm, &args, "__init__")?.clone();
    let a = rest(&args);
    let cls = vm.type_of(&exc);
    if a.has_keywords() {
        let allowed = allowed_keywords(vm, &cls);
        for (k, _) in a.keywords() {
            if !allowed.contains(&k) {
                let name = crate::runtime::typecheck::type_name_of(&cls);
                return Err(PyErr::type_error(if allowed.is_empty() {
                    format!("{name}() takes no keyword arguments")
                } else {
                    format!("{name}() got an unexpected keyword argument '{k}'")
                }));
            }
        }
    }
    if vm.is_instance(&exc, vm.types.exception(ExcKind::BaseExceptionGroup)) {
        return Ok(Value::NONE);
    }
    let pos = a.positional().to_vec();
    if let Some(data) = exc.as_exception() {
        let t = vm.new_tuple(pos.clone());
        *data.args.borrow_mut() = t;
    }
    fill_fields(vm, &exc, &pos, &a)?;
    Ok(Value::NONE)
}

fn this<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    match args.values.first() {
        Some(v) if v.as_exception().is_some() => Ok(v),
        other => Err(bad_receiver(vm, name, "BaseException", other)),
    }
}

fn exception_str_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let exc = this(vm, &args, "__str__")?.clone();
    let s = exception_str(vm, &exc)?;
    Ok(vm.new_string(s))
}

fn exception_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let exc = this(vm, &args, "__repr__")?.clone();
    let s = crate::builtins::repr::builtin_repr(vm, &exc)?;
    Ok(vm.new_string(s))
}

/// `e.with_traceback(tb)`.
fn with_traceback(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let exc = this(vm, &args, "with_traceback")?.clone();
    let pos = rest(&args).exact("with_traceback", 1)?;
    set_traceback(&exc, &pos[0])?;
    Ok(exc)
}

/// Sets `__traceback__` (a traceback or None).
pub fn set_traceback(exc: &Value, tb: &Value) -> PyResult<()> {
    if !tb.is_none() && !matches!(tb.payload(), Some(Payload::Traceback(_))) {
        return Err(PyErr::type_error(
            "__traceback__ must be a traceback or None",
        ));
    }
    if let Some(data) = exc.as_exception() {
        let old = data.traceback.replace(tb.clone());
        drop(old);
    }
    Ok(())
}

/// `e.add_note(note)`: appends to the `__notes__` list.
fn add_note(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let exc = this(vm, &args, "add_note")?.clone();
    let pos = rest(&args).exact("add_note", 1)?;
    let note = &pos[0];
    if note.as_pystr().is_none() {
        return Err(PyErr::type_error(format!(
            "note must be a str, not '{}'",
            vm.type_name(note)
        )));
    }
    let Some(dict) = vm.instance_dict_or_create(&exc) else {
        return Ok(Value::NONE);
    };
    let notes = match vm.dict_get_str(&dict, "__notes__") {
        Some(n) => n,
        None => {
            let l = vm.new_list(Vec::new());
            vm.set_item_str(&dict, "__notes__", l.clone())?;
            l
        }
    };
    match notes.as_list() {
        Some(l) => l.borrow_mut().push(note.clone()),
        None => {
            return Err(PyErr::type_error(
                "Cannot add note: __notes__ is not a list",
            ));
        }
    }
    Ok(Value::NONE)
}

/// The exception's `args` tuple.
fn args_of(exc: &Value) -> Vec<Value> {
    exc.as_exception()
        .map(|e| e.args.borrow().clone())
        .and_then(|a| a.as_tuple().map(<[Value]>::to_vec))
        .unwrap_or_default()
}

/// A field from the exception's dict.
fn field(vm: &Vm, exc: &Value, name: &str) -> Option<Value> {
    let d = vm.instance_dict(exc)?;
    vm.dict_get_str(&d, name)
}

/// `str(exc)` with each builtin kind's format.
pub fn exception_str(vm: &mut Vm, exc: &Value) -> PyResult<String> {
    let args = args_of(exc);
    if isa(vm, exc, ExcKind::KeyError) && args.len() == 1 {
        return vm.repr(&args[0]);
    }
    if isa(vm, exc, ExcKind::OSError) {
        let get = |vm: &mut Vm, name: &str| -> PyResult<Value> {
            Ok(exception_attribute(vm, exc, name)?.unwrap_or(Value::NONE))
        };
        let (errno, strerror) = (get(vm, "errno")?, get(vm, "strerror")?);
        let (filename, filename2) = (get(vm, "filename")?, get(vm, "filename2")?);
        if !filename.is_none() {
            let (e, s, f) = (vm.str(&errno)?, vm.str(&strerror)?, vm.repr(&filename)?);
            if !filename2.is_none() {
                let f2 = vm.repr(&filename2)?;
                return Ok(format!("[Errno {e}] {s}: {f} -> {f2}"));
            }
            return Ok(format!("[Errno {e}] {s}: {f}"));
        }
        if !errno.is_none() && !strerror.is_none() {
            let (e, s) = (vm.str(&errno)?, vm.str(&strerror)?);
            return Ok(format!("[Errno {e}] {s}"));
        }
    }
    if isa(vm, exc, ExcKind::SyntaxError) {
        return syntax_error_str(vm, exc, &args);
    }
    if isa(vm, exc, ExcKind::UnicodeError)
        && !vm
            .type_of(exc)
            .is(vm.types.exception(ExcKind::UnicodeError))
        && let Some(s) = unicode_error_str(vm, exc)?
    {
        return Ok(s);
    }
    if isa(vm, exc, ExcKind::BaseExceptionGroup) {
        return group::group_str(vm, exc);
    }
    match args.as_slice() {
        [] => Ok(String::new()),
        [one] => vm.str(one),
        _ => {
            let t = vm.new_tuple(args);
            vm.str(&t)
        }
    }
}

fn syntax_error_str(vm: &mut Vm, exc: &Value, args: &[Value]) -> PyResult<String> {
    let msg = match exception_attribute(vm, exc, "msg")? {
        Some(m) if !m.is_none() => vm.str(&m)?,
        _ => match args.first() {
            Some(m) => vm.str(m)?,
            None => return Ok(String::new()),
        },
    };
    let filename = exception_attribute(vm, exc, "filename")?.unwrap_or(Value::NONE);
    let lineno = exception_attribute(vm, exc, "lineno")?.unwrap_or(Value::NONE);
    let file = filename
        .as_str()
        .map(|f| f.rsplit('/').next().unwrap_or(f).to_string());
    let line = crate::runtime::numbers::as_int(&lineno).and_then(|i| i.to_i64());
    Ok(match (file, line) {
        (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(l)) => format!("{msg} (line {l})"),
        (None, None) => msg,
    })
}

/// `str()` of UnicodeDecodeError/EncodeError/TranslateError.
fn unicode_error_str(vm: &mut Vm, exc: &Value) -> PyResult<Option<String>> {
    let get = |vm: &mut Vm, name: &str| exception_attribute(vm, exc, name);
    let (Some(encoding), Some(object), Some(start), Some(end), Some(reason)) = (
        get(vm, "encoding")?,
        get(vm, "object")?,
        get(vm, "start")?,
        get(vm, "end")?,
        get(vm, "reason")?,
    ) else {
        return Ok(None);
    };
    let (Some(start), Some(end)) = (start.as_small_int(), end.as_small_int()) else {
        return Ok(None);
    };
    let reason = vm.str(&reason)?;
    let single = end == start + 1;
    if isa(vm, exc, ExcKind::UnicodeDecodeError) {
        let enc = vm.str(&encoding)?;
        let bytes = vm.bytes_like(&object).unwrap_or_default();
        if single && let Some(b) = bytes.get(start as usize) {
            return Ok(Some(format!(
                "'{enc}' codec can't decode byte 0x{b:02x} in position {start}: {reason}"
            )));
        }
        return Ok(Some(format!(
            "'{enc}' codec can't decode bytes in position {start}-{}: {reason}",
            end - 1
        )));
    }
    let text = object.as_str().unwrap_or("").to_string();
    let ch = text.chars().nth(start.max(0) as usize);
    let verb = if isa(vm, exc, ExcKind::UnicodeEncodeError) {
        let enc = vm.str(&encoding)?;
        format!("'{enc}' codec can't encode")
    } else {
        "can't translate".to_string()
    };
    if single && let Some(c) = ch {
        let n = c as u32;
        let shown = if n <= 0xff {
            format!("\\x{n:02x}")
        } else if n <= 0xffff {
            format!("\\u{n:04x}")
        } else {
            format!("\\U{n:08x}")
        };
        return Ok(Some(format!(
            "{verb} character '{shown}' in position {start}: {reason}"
        )));
    }
    Ok(Some(format!(
        "{verb} characters in position {start}-{}: {reason}",
        end - 1
    )))
}

/// `StopIteration.value` (the first argument, or None).
pub fn stop_iteration_value(vm: &mut Vm, exc: &Value) -> Value {
    if let Some(v) = field(vm, exc, "value") {
        return v;
    }
    args_of(exc).into_iter().next().unwrap_or(Value::NONE)
}

/// The attributes of exception objects that are not stored in their dict (or that have a
/// default): `args`, `__cause__`, ..., and the typed fields of the builtin kinds.
pub fn exception_attribute(vm: &mut Vm, exc: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(data) = exc.as_exception() else {
        return Ok(None);
    };
    match name {
        "args" => return Ok(Some(data.args.borrow().clone())),
        "__traceback__" => return Ok(Some(data.traceback.borrow().clone())),
        "__cause__" => return Ok(Some(data.cause.borrow().clone())),
        "__context__" => return Ok(Some(data.context.borrow().clone())),
        "__suppress_context__" => return Ok(Some(Value::from_bool(data.suppress_context.get()))),
        _ => {}
    }
    if let Some(v) = field(vm, exc, name) {
        return Ok(Some(v));
    }
    let args = args_of(exc);
    let arg = |i: usize| args.get(i).cloned().unwrap_or(Value::NONE);
    let v = if isa(vm, exc, ExcKind::StopIteration) || isa(vm, exc, ExcKind::StopAsyncIteration) {
        match name {
            "value" => arg(0),
            _ => return Ok(None),
        }
    } else if isa(vm, exc, ExcKind::SystemExit) {
        match name {
            "code" => match args.len() {
                0 => Value::NONE,
                1 => arg(0),
                _ => vm.new_tuple(args.clone()),
            },
            _ => return Ok(None),
        }
    } else if isa(vm, exc, ExcKind::OSError) {
        let parsed = (2..=5).contains(&args.len());
        match name {
            "errno" | "strerror" if parsed => arg(usize::from(name == "strerror")),
            "filename" if parsed && args.len() >= 3 => arg(2),
            "filename2" if parsed && args.len() >= 5 => arg(4),
            "errno" | "strerror" | "filename" | "filename2" => Value::NONE,
            "characters_written" if isa(vm, exc, ExcKind::BlockingIOError) => {
                return Err(PyErr::attribute_error("characters_written"));
            }
            _ => return Ok(None),
        }
    } else if isa(vm, exc, ExcKind::ImportError) {
        match name {
            "name" | "path" | "name_from" => Value::NONE,
            "msg" => {
                if args.len() == 1 {
                    arg(0)
                } else {
                    Value::NONE
                }
            }
            _ => return Ok(None),
        }
    } else if isa(vm, exc, ExcKind::AttributeError) {
        match name {
            "name" | "obj" => Value::NONE,
            _ => return Ok(None),
        }
    } else if isa(vm, exc, ExcKind::NameError) {
        match name {
            "name" => Value::NONE,
            _ => return Ok(None),
        }
    } else if isa(vm, exc, ExcKind::SyntaxError) {
        let details = args
            .get(1)
            .and_then(|d| d.as_tuple())
            .map(<[Value]>::to_vec);
        let from_details = |i: usize| {
            details
                .as_ref()
                .and_then(|d| d.get(i).cloned())
                .unwrap_or(Value::NONE)
        };
        match name {
            "msg" => arg(0),
            "filename" => from_details(0),
            "lineno" => from_details(1),
            "offset" => from_details(2),
            "text" => from_details(3),
            "end_lineno" => from_details(4),
            "end_offset" => from_details(5),
            "print_file_and_line" => Value::NONE,
            _ => return Ok(None),
        }
    } else if isa(vm, exc, ExcKind::UnicodeError)
        && !vm
            .type_of(exc)
            .is(vm.types.exception(ExcKind::UnicodeError))
    {
        let translate = isa(vm, exc, ExcKind::UnicodeTranslateError);
        let offset = usize::from(translate);
        match name {
            "encoding" if !translate => arg(0),
            "encoding" => Value::NONE,
            "object" => arg(1 - offset),
            "start" => arg(2 - offset),
            "end" => arg(3 - offset),
            "reason" => arg(4 - offset),
            _ => return Ok(None),
        }
    } else if isa(vm, exc, ExcKind::BaseExceptionGroup) {
        return group::group_attribute(vm, exc, name);
    } else {
        return Ok(None);
    };
    Ok(Some(v))
}

/// Writable exception attributes: returns whether `name` was handled here.
pub fn set_exception_attribute(
    vm: &mut Vm,
    exc: &Value,
    name: &str,
    value: &Value,
) -> PyResult<bool> {
    let Some(data) = exc.as_exception() else {
        return Ok(false);
    };
    let base = vm.types.exception(ExcKind::BaseException).clone();
    let is_exc_or_none = |vm: &Vm, v: &Value| v.is_none() || vm.is_instance(v, &base);
    match name {
        "args" => {
            let items = vm.collect_iterable(value)?;
            let t = vm.new_tuple(items);
            let old = data.args.replace(t);
            drop(old);
        }
        "__traceback__" => set_traceback(exc, value)?,
        "__cause__" => {
            if !is_exc_or_none(vm, value) {
                return Err(PyErr::type_error(
                    "exception cause must be None or derive from BaseException",
                ));
            }
            let old = data.cause.replace(value.clone());
            drop(old);
            data.suppress_context.set(true);
        }
        "__context__" => {
            if !is_exc_or_none(vm, value) {
                return Err(PyErr::type_error(
                    "exception context must be None or derive from BaseException",
                ));
            }
            let old = data.context.replace(value.clone());
            drop(old);
        }
        "__suppress_context__" => match value.as_bool() {
            Some(b) => data.suppress_context.set(b),
            None => return Err(PyErr::type_error("attribute value type must be bool")),
        },
        _ => return Ok(false),
    }
    Ok(true)
}

/// A ready-made `OSError` (or the errno's subclass) with `errno`, `strerror` and an
/// optional filename, as raised by file operations.
pub fn new_os_error(vm: &mut Vm, errno: i64, strerror: &str, filename: Option<&str>) -> PyErr {
    let kind = errno_subclass(errno).unwrap_or(ExcKind::OSError);
    let e = vm.new_int(errno);
    let s = vm.new_str(strerror);
    let exc = vm.new_exception(kind, vec![e.clone(), s.clone()]);
    let fill = || -> PyResult<()> {
        set_field(vm, &exc, "errno", e)?;
        set_field(vm, &exc, "strerror", s)?;
        if let Some(f) = filename {
            let f = vm.new_str(f);
            set_field(vm, &exc, "filename", f)?;
        }
        Ok(())
    };
    if let Err(err) = fill() {
        return err;
    }
    PyErr::from_object(exc)
}
