//! Namespace and code builtins: `globals`, `locals`, `vars`, `dir`, `exec`, `eval` and
//! `compile`. These read the calling frame (the top of `vm.frames`: builtins run without a
//! frame of their own). A function frame keeps its locals in fast slots, so `locals()`
//! builds a snapshot dict from them, reading through cells.

use crate::bytecode::code::local_kind;
use crate::compiler::CompileMode;
use crate::interp::args::{ArgSpec, Args};
use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::vm::Vm;

/// The calling frame's globals (the builtins dict when no frame is running).
fn caller_globals(vm: &Vm) -> Value {
    match vm.frames.last() {
        Some(f) => f.globals.clone(),
        None => vm.builtins_dict.clone(),
    }
}

/// The calling frame's locals: its mapping, or a snapshot of its fast slots.
pub fn caller_locals(vm: &mut Vm) -> PyResult<Value> {
    let Some(frame) = vm.frames.last() else {
        return Ok(vm.builtins_dict.clone());
    };
    if !frame.locals.is_null() {
        return Ok(frame.locals.clone());
    }
    let (code, base, n) = (frame.code.clone(), frame.base, frame.nlocalsplus);
    let Some(c) = code.as_code() else {
        return Ok(vm.new_dict());
    };
    let d = vm.new_dict();
    for i in 0..n {
        let (Some(name), Some(kind)) = (
            c.localsplus_names.get(i),
            c.data.localsplus_kinds.get(i).copied(),
        ) else {
            continue;
        };
        let raw = vm.stack.get(base + i).cloned().unwrap_or(Value::NULL);
        let value = if kind & (local_kind::CELL | local_kind::FREE) != 0 {
            match raw.payload() {
                Some(Payload::Cell(cell)) => cell.borrow().clone(),
                _ => raw,
            }
        } else {
            raw
        };
        if !value.is_null() {
            vm.dict_set(&d, name.clone(), value)?;
        }
    }
    // Names written through `frame.f_locals` that are not locals of the code (PEP 667).
    let extra = match vm.frames.last().map(|f| f.object.clone()) {
        Some(obj) => crate::interp::frame_object::frame_data(&obj)
            .map(|data| data.extra_locals.borrow().clone())
            .unwrap_or(Value::NULL),
        None => Value::NULL,
    };
    if !extra.is_null() {
        vm.dict_update_from(&d, &extra)?;
    }
    Ok(d)
}

pub fn builtin_globals(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact("globals", 0)?;
    Ok(caller_globals(vm))
}

pub fn builtin_locals(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact("locals", 0)?;
    caller_locals(vm)
}

pub fn builtin_vars(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.range("vars", 0, 1)?;
    let Some(obj) = pos.first() else {
        return caller_locals(vm);
    };
    match vm.getattr_str(obj, "__dict__") {
        Ok(d) => Ok(d),
        Err(e) if vm.err_matches(&e, ExcKind::AttributeError) => Err(PyErr::type_error(
            "vars() argument must have __dict__ attribute",
        )),
        Err(e) => Err(e),
    }
}

/// `dir()` / `dir(obj)`: the sorted names from `__dir__` (or the caller's locals).
pub fn builtin_dir(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.range("dir", 0, 1)?;
    let names = match pos.first() {
        None => {
            let l = caller_locals(vm)?;
            match l.as_dict() {
                Some(t) => t.borrow().keys(),
                None => {
                    let keys = vm.getattr_str(&l, "keys")?;
                    let ks = vm.call(&keys, &[])?;
                    vm.collect_iterable(&ks)?
                }
            }
        }
        Some(obj) => match vm.lookup_special(obj, "__dir__") {
            Some(m) => {
                let r = vm.call(&m, std::slice::from_ref(obj))?;
                vm.collect_iterable(&r)?
            }
            None => crate::builtins::object::base::dir_names(vm, obj)?,
        },
    };
    let mut names = names;
    crate::builtins::list::sort::sort_values(vm, &mut names, None, false)?;
    Ok(vm.new_list(names))
}

/// The source text of an `exec`/`eval`/`compile` argument, or the code object itself.
enum Source {
    Text(String),
    Code(Value),
}

fn source_arg(vm: &Vm, v: &Value, fname: &str, allow_code: bool) -> PyResult<Source> {
    if let Some(s) = v.as_str() {
        return Ok(Source::Text(s.to_string()));
    }
    if let Some(b) = vm.bytes_like(v) {
        return match String::from_utf8(b) {
            Ok(s) => Ok(Source::Text(s)),
            Err(_) => Err(PyErr::new(
                ExcKind::SyntaxError,
                "source code string cannot contain invalid UTF-8",
            )),
        };
    }
    if allow_code && v.as_code().is_some() {
        return Ok(Source::Code(v.clone()));
    }
    Err(PyErr::type_error(if allow_code {
        format!("{fname}() arg 1 must be a string, bytes or code object")
    } else {
        format!("{fname}() arg 1 must be a string, bytes or AST object")
    }))
}

/// Resolves the namespaces of `exec`/`eval` (defaults: the caller's).
fn namespaces(
    vm: &mut Vm,
    globals: Option<&Value>,
    locals: Option<&Value>,
    fname: &str,
) -> PyResult<(Value, Value)> {
    let globals = globals.filter(|g| !g.is_none()).cloned();
    let locals = locals.filter(|l| !l.is_none()).cloned();
    if let Some(g) = &globals
        && g.as_dict().is_none()
    {
        return Err(PyErr::type_error(if fname == "exec" {
            format!("exec() globals must be a dict, not {}", vm.type_name(g))
        } else {
            "globals must be a dict".to_string()
        }));
    }
    if let Some(l) = &locals
        && l.as_dict().is_none()
        && vm.lookup_special(l, "__getitem__").is_none()
    {
        return Err(PyErr::type_error(if fname == "exec" {
            format!("locals must be a mapping or None, not {}", vm.type_name(l))
        } else {
            "locals must be a mapping".to_string()
        }));
    }
    match (globals, locals) {
        (Some(g), Some(l)) => Ok((g, l)),
        (Some(g), None) => Ok((g.clone(), g)),
        (None, l) => {
            let g = caller_globals(vm);
            let l = match l {
                Some(l) => l,
                None => caller_locals(vm)?,
            };
            Ok((g, l))
        }
    }
}

fn exec_or_eval(vm: &mut Vm, args: Args<'_>, fname: &str, mode: CompileMode) -> PyResult<Value> {
    let b = ArgSpec {
        fname,
        names: &["source", "globals", "locals"],
        posonly: 1,
        required: 1,
        kwonly_from: 3,
    }
    .bind(&args)?;
    let opt = |v: &Value| if v.is_null() { None } else { Some(v.clone()) };
    let (g, l) = (opt(&b[1]), opt(&b[2]));
    let (globals, locals) = namespaces(vm, g.as_ref(), l.as_ref(), fname)?;
    let is_eval = matches!(mode, CompileMode::Eval);
    let code = match source_arg(vm, &b[0], fname, true)? {
        Source::Code(c) => c,
        Source::Text(t) => {
            let text = if is_eval {
                t.trim_start_matches([' ', '\t']).to_string()
            } else {
                t
            };
            vm.compile_text(&text, "<string>", mode)?
        }
    };
    let r = vm.run_code(&code, globals, locals)?;
    Ok(if is_eval { r } else { Value::NONE })
}

pub fn builtin_exec(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    exec_or_eval(vm, args, "exec", CompileMode::Exec)
}

pub fn builtin_eval(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    exec_or_eval(vm, args, "eval", CompileMode::Eval)
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
pub fn builtin_compile(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = ArgSpec {
        fname: "compile",
        names: &[
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
            "_feature_version",
        ],
        posonly: 0,
        required: 3,
        kwonly_from: 6,
    }
    .bind(&args)?;
    let filename = match b[1].as_str() {
        Some(s) => s.to_string(),
        None => match vm.bytes_like(&b[1]) {
            Some(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            None => vm.str(&b[1])?,
        },
    };
    let mode = match b[2].as_str() {
        Some("exec") => CompileMode::Exec,
        Some("eval") => CompileMode::Eval,
        Some("single") => CompileMode::Single,
        Some(_) => {
            return Err(PyErr::value_error(
                "compile() mode must be 'exec', 'eval' or 'single'",
            ));
        }
        None => {
            return Err(PyErr::type_error(format!(
                "compile() argument 'mode' must be str, not {}",
                vm.type_name(&b[2])
            )));
        }
    };
    match source_arg(vm, &b[0], "compile", false)? {
        Source::Code(c) => Ok(c),
        Source::Text(t) => vm.compile_text(&t, &filename, mode),
    }
}
