//! The `sys` module: interpreter state visible to Python (`argv`, `path`, `modules`,
//! recursion limit, standard streams, `exit`, ...).

use std::cell::RefCell;

use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::runtime::numbers::as_int;
use crate::types::file::{FileData, Stream};
use crate::vm::Vm;

/// Creates `sys` and registers it in `sys.modules`.
pub fn install(vm: &mut Vm) {
    let dict = vm.new_dict();
    let sys = vm.new_module("sys", dict.clone());
    vm.sys = sys.clone();
    let set = |vm: &mut Vm, name: &str, v: Value| {
        let _ = vm.set_item_str(&dict, name, v);
    };
    let argv: Vec<Value> = vm
        .config
        .argv
        .clone()
        .iter()
        .map(|a| vm.new_str(a))
        .collect();
    let argv = vm.new_list(argv);
    set(vm, "argv", argv);
    let path: Vec<Value> = vm
        .config
        .module_search_paths
        .clone()
        .iter()
        .map(|p| vm.new_str(p))
        .collect();
    let path = vm.new_list(path);
    set(vm, "path", path);
    let modules = vm.modules.clone();
    set(vm, "modules", modules.clone());
    let maxsize = vm.new_int(i64::MAX);
    set(vm, "maxsize", maxsize);
    let version = vm.new_str("3.14.0 (Pyrite 0.1.0)");
    set(vm, "version", version);
    let _ = crate::modules::sys_info::install(vm, &dict);
    let hexversion = vm.new_int(0x030E00F0);
    set(vm, "hexversion", hexversion);
    let platform = vm.new_str("linux");
    set(vm, "platform", platform);
    let byteorder = vm.new_str("little");
    set(vm, "byteorder", byteorder);
    let exe = std::env::current_exe()
        .map(|p| p.to_string_lossy().to_string())
        .unwrap_or_default();
    let exe = vm.new_string(exe);
    set(vm, "executable", exe);
    let impl_name = vm.new_str("pyrite");
    set(vm, "implementation_name", impl_name);
    // Sorted, as CPython lists them.
    let mut names: Vec<&str> = ["builtins", "sys"]
        .into_iter()
        .chain(crate::modules::BUILTIN_MODULES.iter().map(|(n, _)| *n))
        .collect();
    names.sort_unstable();
    let builtin_names: Vec<Value> = names.into_iter().map(|n| vm.new_str(n)).collect();
    let builtin_names = vm.new_tuple(builtin_names);
    set(vm, "builtin_module_names", builtin_names);
    let unbuffered = vm.config.unbuffered;
    let stdout = new_stream(vm, Stream::Stdout, "<stdout>", "w", unbuffered);
    let stderr = new_stream(vm, Stream::Stderr, "<stderr>", "w", true);
    let stdin = new_stream(
        vm,
        Stream::Stdin(std::io::BufReader::new(std::io::stdin())),
        "<stdin>",
        "r",
        false,
    );
    for (name, v) in [("stdout", &stdout), ("stderr", &stderr), ("stdin", &stdin)] {
        set(vm, name, v.clone());
        set(vm, &format!("__{name}__"), v.clone());
    }
    let functions: [(&'static str, crate::types::function::NativeFn); 15] = [
        ("exit", sys_exit),
        ("_getframe", sys_getframe),
        ("settrace", sys_settrace),
        ("gettrace", sys_gettrace),
        ("setprofile", sys_setprofile),
        ("getprofile", sys_getprofile),
        ("getrecursionlimit", sys_getrecursionlimit),
        ("setrecursionlimit", sys_setrecursionlimit),
        ("intern", sys_intern),
        ("getrefcount", sys_getrefcount),
        ("exc_info", sys_exc_info),
        ("exception", sys_exception),
        ("get_int_max_str_digits", sys_get_int_max_str_digits),
        ("set_int_max_str_digits", sys_set_int_max_str_digits),
        ("getdefaultencoding", sys_getdefaultencoding),
    ];
    for (name, f) in functions {
        let fv = vm.new_builtin_function(name, f, sys.clone());
        set(vm, name, fv);
    }
    let key = vm.intern("sys");
    let _ = vm.dict_set(&modules, key, sys.clone());
    let key = vm.intern("builtins");
    let builtins = vm.builtins.clone();
    let _ = vm.dict_set(&modules, key, builtins);
}

fn new_stream(vm: &Vm, stream: Stream, name: &str, mode: &str, line_buffered: bool) -> Value {
    let is_stderr = matches!(stream, Stream::Stderr);
    let mut data = FileData::new(stream, name, mode, false);
    data.line_buffered = line_buffered;
    data.errors = stdio_errors(is_stderr).to_string();
    Value::alloc(&vm.types.text_io, Payload::File(RefCell::new(data)))
}

/// The error handler of the standard streams, as CPython chooses it: `backslashreplace`
/// for stderr; `surrogateescape` for stdin/stdout under the C/POSIX locale (including
/// `C.UTF-8`), where undecodable bytes must round-trip; `strict` otherwise.
fn stdio_errors(is_stderr: bool) -> &'static str {
    if is_stderr {
        return "backslashreplace";
    }
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .unwrap_or_else(|| "C".to_string());
    if locale == "C" || locale == "POSIX" || locale.starts_with("C.") {
        "surrogateescape"
    } else {
        "strict"
    }
}

/// A module Pyrite provides itself, if `name` is one.
pub fn builtin_module(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let Some(init) = crate::modules::builtin_module_init(name) else {
        return Ok(None);
    };
    let module = init(vm)?;
    let modules = vm.modules.clone();
    vm.set_item_str(&modules, name, module.clone())?;
    Ok(Some(module))
}

impl Vm {
    /// Writes text to `sys.stdout`.
    pub fn write_stdout(&mut self, text: &str) -> PyResult<()> {
        let out = self.getattr_str(&self.sys.clone(), "stdout")?;
        self.write_to(&out, text)
    }

    /// Writes text to a file object (calling its `write` method if it is not ours).
    pub fn write_to(&mut self, file: &Value, text: &str) -> PyResult<()> {
        if let Some(Payload::File(f)) = file.payload() {
            let mut f = f.borrow_mut();
            if f.is_closed() {
                return Err(PyErr::value_error("I/O operation on closed file."));
            }
            return f
                .write_bytes(text.as_bytes())
                .map_err(|e| PyErr::new(ExcKind::OSError, e.to_string()));
        }
        let write = self.getattr_str(file, "write")?;
        let s = self.new_str(text);
        self.call(&write, &[s])?;
        Ok(())
    }

    /// Flushes `sys.stdout` and `sys.stderr` (at exit and before tracebacks).
    pub fn flush_std_streams(&mut self) -> PyResult<()> {
        // Files still open at exit lose no buffered output (CPython's finalizers flush them).
        crate::types::file::flush_all_files();
        for name in ["stdout", "stderr"] {
            let Ok(stream) = self.getattr_str(&self.sys.clone(), name) else {
                continue;
            };
            if let Some(Payload::File(f)) = stream.payload() {
                f.borrow_mut()
                    .flush()
                    .map_err(|e| PyErr::new(ExcKind::OSError, e.to_string()))?;
            } else if let Ok(flush) = self.getattr_str(&stream, "flush") {
                self.call(&flush, &[])?;
            }
        }
        Ok(())
    }
}

fn sys_exit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.range("exit", 0, 1)?;
    let exc = vm.new_exception(ExcKind::SystemExit, pos.to_vec());
    Err(PyErr::from_object(exc))
}

/// `sys._getframe([depth])`: the frame object `depth` calls below the caller.
fn sys_getframe(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.range("_getframe", 0, 1)?;
    let depth = match pos.first() {
        None => 0,
        Some(d) => vm.index_i64(d)?,
    };
    let top = vm.frames.len() as i64 - 1;
    // A negative depth means the caller, as in CPython.
    let index = top - depth.max(0);
    if index < 0 {
        return Err(PyErr::value_error("call stack is not deep enough"));
    }
    Ok(vm.frame_object_at(index as usize))
}

fn sys_settrace(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("settrace", 1)?;
    vm.set_trace(pos[0].clone());
    Ok(Value::NONE)
}

fn sys_gettrace(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact("gettrace", 0)?;
    let f = vm.tracing.trace_func.clone();
    Ok(if f.is_null() { Value::NONE } else { f })
}

fn sys_setprofile(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("setprofile", 1)?;
    vm.set_profile(pos[0].clone());
    Ok(Value::NONE)
}

fn sys_getprofile(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact("getprofile", 0)?;
    let f = vm.tracing.profile_func.clone();
    Ok(if f.is_null() { Value::NONE } else { f })
}

fn sys_getrecursionlimit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact("getrecursionlimit", 0)?;
    Ok(vm.new_int(vm.recursion_limit as i64))
}

fn sys_setrecursionlimit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("setrecursionlimit", 1)?;
    if as_int(&pos[0]).is_none() {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(&pos[0])
        )));
    }
    let n = vm.index_i64(&pos[0])?;
    if n < 1 {
        return Err(PyErr::value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    let depth = vm.frames.len() as i64;
    if n <= depth {
        return Err(PyErr::new(
            ExcKind::RecursionError,
            format!(
                "cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low"
            ),
        ));
    }
    vm.recursion_limit = n as usize;
    Ok(Value::NONE)
}

fn sys_intern(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("intern", 1)?;
    if pos[0].as_pystr().is_none() {
        return Err(PyErr::type_error("intern() argument must be str"));
    }
    Ok(pos[0].clone())
}

fn sys_getrefcount(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("getrefcount", 1)?;
    Ok(vm.new_int(pos[0].ref_count() as i64))
}

fn sys_exc_info(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact("exc_info", 0)?;
    let exc = vm.exc_info.clone();
    if exc.is_null() || exc.is_none() {
        return Ok(vm.new_tuple(vec![Value::NONE, Value::NONE, Value::NONE]));
    }
    let ty = vm.type_of(&exc);
    let tb = exc
        .as_exception()
        .map(|e| e.traceback.borrow().clone())
        .unwrap_or(Value::NONE);
    Ok(vm.new_tuple(vec![ty, exc, tb]))
}

fn sys_exception(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact("exception", 0)?;
    let exc = vm.exc_info.clone();
    Ok(if exc.is_null() { Value::NONE } else { exc })
}

fn sys_get_int_max_str_digits(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact("get_int_max_str_digits", 0)?;
    Ok(vm.new_int(vm.int_max_str_digits as i64))
}

fn sys_set_int_max_str_digits(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let spec = crate::interp::args::ArgSpec {
        fname: "set_int_max_str_digits",
        names: &["maxdigits"],
        posonly: 0,
        required: 1,
        kwonly_from: 1,
    };
    let bound = spec.bind(&args)?;
    let v = vm.index_value(&bound[0])?;
    // The argument is a C int in CPython.
    let Some(n) = crate::runtime::numbers::as_int(&v)
        .and_then(|i| i.to_i64())
        .and_then(|i| i32::try_from(i).ok())
    else {
        return Err(PyErr::overflow_error(
            "Python int too large to convert to C int",
        ));
    };
    if n != 0 && n < 640 {
        return Err(PyErr::value_error("maxdigits must be 0 or larger than 640"));
    }
    vm.int_max_str_digits = n as usize;
    Ok(Value::NONE)
}

fn sys_getdefaultencoding(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact("getdefaultencoding", 0)?;
    Ok(vm.new_str("utf-8"))
}
