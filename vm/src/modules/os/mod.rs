//! The everyday part of `os` and `os.path` (the rest arrives with the standard-library
//! issue): files (`remove`, `listdir`, `getcwd`, `mkdir`...), `environ`, and path joining
//! and splitting with POSIX rules.

mod extra;
mod scandir;
mod stat;

use crate::interp::args::Args;
use crate::object::Value;
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::types::function::NativeFn;
use crate::vm::Vm;

/// Creates the `os` module (with `os.path`) and registers both in `sys.modules`.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let path_dict = vm.new_dict();
    let path_module = vm.new_module("posixpath", path_dict.clone());
    let path_functions: [(&'static str, NativeFn); 10] = [
        ("join", path_join),
        ("exists", path_exists),
        ("isfile", path_isfile),
        ("isdir", path_isdir),
        ("abspath", path_abspath),
        ("dirname", path_dirname),
        ("basename", path_basename),
        ("split", path_split),
        ("splitext", path_splitext),
        ("isabs", path_isabs),
    ];
    for (name, f) in path_functions {
        let fv = vm.new_builtin_function(name, f, path_module.clone());
        vm.set_item_str(&path_dict, name, fv)?;
    }
    let sep = vm.new_str("/");
    vm.set_item_str(&path_dict, "sep", sep)?;
    let dict = vm.new_dict();
    let module = vm.new_module("os", dict.clone());
    let functions: [(&'static str, NativeFn); 7] = [
        ("remove", os_remove),
        ("unlink", os_remove),
        ("getcwd", os_getcwd),
        ("listdir", os_listdir),
        ("mkdir", os_mkdir),
        ("rmdir", os_rmdir),
        ("getpid", os_getpid),
    ];
    for (name, f) in functions {
        let fv = vm.new_builtin_function(name, f, module.clone());
        vm.set_item_str(&dict, name, fv)?;
    }
    vm.set_item_str(&dict, "path", path_module.clone())?;
    let sep = vm.new_str("/");
    vm.set_item_str(&dict, "sep", sep)?;
    let linesep = vm.new_str("\n");
    vm.set_item_str(&dict, "linesep", linesep)?;
    let name = vm.new_str("posix");
    vm.set_item_str(&dict, "name", name)?;
    let environ = vm.new_dict();
    for (k, v) in std::env::vars() {
        let (k, v) = (vm.new_string(k), vm.new_string(v));
        vm.dict_set(&environ, k, v)?;
    }
    vm.set_item_str(&dict, "environ", environ)?;
    extra::install(vm, &module, &dict, &path_module, &path_dict)?;
    stat::install(vm, &module, &dict)?;
    scandir::install(vm, &module, &dict)?;
    let modules = vm.modules.clone();
    vm.set_item_str(&modules, "os.path", path_module)?;
    Ok(module)
}

fn str_arg(vm: &Vm, v: &Value, fname: &str) -> PyResult<String> {
    match v.as_str() {
        Some(s) => Ok(s.to_string()),
        None => Err(PyErr::type_error(format!(
            "{fname}: path should be string, bytes or os.PathLike, not {}",
            vm.type_name(v)
        ))),
    }
}

/// The OSError subclass CPython raises for `errno`.
pub fn errno_kind(errno: i32) -> ExcKind {
    match errno {
        1 | 13 => ExcKind::PermissionError,
        2 => ExcKind::FileNotFoundError,
        3 => ExcKind::ProcessLookupError,
        4 => ExcKind::InterruptedError,
        10 => ExcKind::ChildProcessError,
        11 | 114 | 115 => ExcKind::BlockingIOError,
        17 => ExcKind::FileExistsError,
        20 => ExcKind::NotADirectoryError,
        21 => ExcKind::IsADirectoryError,
        32 => ExcKind::BrokenPipeError,
        110 => ExcKind::TimeoutError,
        111 => ExcKind::ConnectionRefusedError,
        _ => ExcKind::OSError,
    }
}

/// The C library's message for an I/O error (`No such file or directory`).
pub fn strerror_text(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.rfind(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// An OSError subclass for an I/O error, with errno, strerror and filename as CPython sets.
pub fn os_error(vm: &mut Vm, err: &std::io::Error, filename: &str) -> PyErr {
    let filename = vm.new_str(filename);
    os_error_with(vm, err, Some(filename))
}

/// An OSError for `err`; `filename` (any object: a path or a file descriptor) is shown
/// after the message when given.
pub fn os_error_with(vm: &mut Vm, err: &std::io::Error, filename: Option<Value>) -> PyErr {
    let errno = err.raw_os_error().unwrap_or(0);
    let kind = errno_kind(errno);
    let strerror = strerror_text(err);
    let mut args = vec![vm.new_int(i64::from(errno)), vm.new_string(strerror)];
    args.extend(filename);
    let exc = vm.new_exception(kind, args.clone());
    if let Some(dict) = vm.instance_dict_or_create(&exc) {
        for (k, v) in ["errno", "strerror", "filename"].iter().zip(args) {
            let _ = vm.set_item_str(&dict, k, v);
        }
    }
    PyErr::from_object(exc)
}

fn os_remove(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("remove", 1)?;
    let path = str_arg(vm, &pos[0], "remove")?;
    std::fs::remove_file(&path).map_err(|e| os_error(vm, &e, &path))?;
    Ok(Value::NONE)
}

fn os_getcwd(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact("getcwd", 0)?;
    let cwd = std::env::current_dir().map_err(|e| os_error(vm, &e, "."))?;
    Ok(vm.new_string(cwd.display().to_string()))
}

fn os_listdir(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.range("listdir", 0, 1)?;
    let path = match pos.first() {
        Some(p) => str_arg(vm, p, "listdir")?,
        None => ".".to_string(),
    };
    let entries = std::fs::read_dir(&path).map_err(|e| os_error(vm, &e, &path))?;
    let mut names = Vec::new();
    for entry in entries.flatten() {
        names.push(vm.new_string(entry.file_name().to_string_lossy().to_string()));
    }
    Ok(vm.new_list(names))
}

fn os_mkdir(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.range("mkdir", 1, 2)?;
    let path = str_arg(vm, &pos[0], "mkdir")?;
    std::fs::create_dir(&path).map_err(|e| os_error(vm, &e, &path))?;
    Ok(Value::NONE)
}

fn os_rmdir(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("rmdir", 1)?;
    let path = str_arg(vm, &pos[0], "rmdir")?;
    std::fs::remove_dir(&path).map_err(|e| os_error(vm, &e, &path))?;
    Ok(Value::NONE)
}

fn os_getpid(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact("getpid", 0)?;
    Ok(vm.new_int(i64::from(std::process::id())))
}

fn path_join(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.positional();
    let Some(first) = pos.first() else {
        return Err(PyErr::type_error(
            "join() missing 1 required positional argument: 'a'",
        ));
    };
    let mut out = str_arg(vm, first, "join")?;
    for p in &pos[1..] {
        let part = str_arg(vm, p, "join")?;
        if part.starts_with('/') {
            out = part;
        } else if out.is_empty() || out.ends_with('/') {
            out.push_str(&part);
        } else {
            out.push('/');
            out.push_str(&part);
        }
    }
    Ok(vm.new_string(out))
}

fn one_path(vm: &Vm, args: &Args<'_>, fname: &str) -> PyResult<String> {
    let pos = args.exact(fname, 1)?;
    str_arg(vm, &pos[0], fname)
}

fn path_exists(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one_path(vm, &args, "exists")?;
    Ok(Value::from_bool(std::path::Path::new(&p).exists()))
}

fn path_isfile(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one_path(vm, &args, "isfile")?;
    Ok(Value::from_bool(std::path::Path::new(&p).is_file()))
}

fn path_isdir(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one_path(vm, &args, "isdir")?;
    Ok(Value::from_bool(std::path::Path::new(&p).is_dir()))
}

fn path_isabs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one_path(vm, &args, "isabs")?;
    Ok(Value::from_bool(p.starts_with('/')))
}

/// POSIX `normpath`: collapses `.`, `..` and repeated slashes.
fn normpath(path: &str) -> String {
    if path.is_empty() {
        return ".".to_string();
    }
    let absolute = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|p| *p != "..") {
                    parts.pop();
                } else if !absolute {
                    parts.push("..");
                }
            }
            p => parts.push(p),
        }
    }
    let joined = parts.join("/");
    if absolute {
        format!("/{joined}")
    } else if joined.is_empty() {
        ".".to_string()
    } else {
        joined
    }
}

fn path_abspath(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one_path(vm, &args, "abspath")?;
    let full = if p.starts_with('/') {
        p
    } else {
        let cwd = std::env::current_dir().map_err(|e| os_error(vm, &e, "."))?;
        format!("{}/{p}", cwd.display())
    };
    Ok(vm.new_string(normpath(&full)))
}

fn split_path(p: &str) -> (String, String) {
    let i = p.rfind('/').map(|i| i + 1).unwrap_or(0);
    let (head, tail) = p.split_at(i);
    let trimmed = head.trim_end_matches('/');
    let head = if trimmed.is_empty() {
        head.to_string()
    } else {
        trimmed.to_string()
    };
    (head, tail.to_string())
}

fn path_dirname(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one_path(vm, &args, "dirname")?;
    Ok(vm.new_string(split_path(&p).0))
}

fn path_basename(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one_path(vm, &args, "basename")?;
    Ok(vm.new_string(split_path(&p).1))
}

fn path_split(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one_path(vm, &args, "split")?;
    let (h, t) = split_path(&p);
    let items = vec![vm.new_string(h), vm.new_string(t)];
    Ok(vm.new_tuple(items))
}

fn path_splitext(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one_path(vm, &args, "splitext")?;
    let name_start = p.rfind('/').map(|i| i + 1).unwrap_or(0);
    let name = &p[name_start..];
    let leading_dots = name.len() - name.trim_start_matches('.').len();
    let (root, ext) = match name.rfind('.') {
        Some(i) if i >= leading_dots && i > 0 => {
            (p[..name_start + i].to_string(), name[i..].to_string())
        }
        _ => (p.clone(), String::new()),
    };
    let items = vec![vm.new_string(root), vm.new_string(ext)];
    Ok(vm.new_tuple(items))
}
