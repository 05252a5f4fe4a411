//! More of `os` and `os.path`: environment lookups, `urandom`, `cpu_count`, `strerror`,
//! `chdir`, `access`, `rename`/`replace`, `makedirs`/`removedirs`, `fspath`, and the
//! path functions that need the file system (`getsize`, `getmtime`, `islink`, `realpath`,
//! `samefile`...) or pure POSIX rules (`relpath`, `commonpath`, `expanduser`...).

use std::os::unix::fs::MetadataExt;

use crate::interp::args::Args;
use crate::object::Value;
use crate::runtime::errors::{ErrRepr, ExcKind, PyErr, PyResult};
use crate::types::function::NativeFn;
use crate::vm::Vm;

use super::{normpath, os_error, str_arg};

/// Registers this file's functions and constants in `os` (`dict`) and `os.path`.
pub fn install(
    vm: &mut Vm,
    module: &Value,
    dict: &Value,
    path_module: &Value,
    path_dict: &Value,
) -> PyResult<()> {
    let functions: [(&'static str, NativeFn); 14] = [
        ("symlink", os_symlink),
        ("getenv", os_getenv),
        ("urandom", os_urandom),
        ("cpu_count", os_cpu_count),
        ("strerror", os_strerror),
        ("chdir", os_chdir),
        ("access", os_access),
        ("rename", os_rename),
        ("replace", os_rename),
        ("makedirs", os_makedirs),
        ("removedirs", os_removedirs),
        ("fspath", os_fspath),
        ("readlink", os_readlink),
        ("getppid", os_getppid),
    ];
    for (name, f) in functions {
        let fv = vm.new_builtin_function(name, f, module.clone());
        vm.set_item_str(dict, name, fv)?;
    }
    let consts: [(&str, &str); 5] = [
        ("curdir", "."),
        ("pardir", ".."),
        ("extsep", "."),
        ("pathsep", ":"),
        ("devnull", "/dev/null"),
    ];
    for (name, value) in consts {
        let v = vm.new_str(value);
        vm.set_item_str(dict, name, v.clone())?;
        vm.set_item_str(path_dict, name, v)?;
    }
    vm.set_item_str(dict, "altsep", Value::NONE)?;
    vm.set_item_str(path_dict, "altsep", Value::NONE)?;
    for (name, value) in [("F_OK", 0), ("R_OK", 4), ("W_OK", 2), ("X_OK", 1)] {
        let v = vm.new_int(value);
        vm.set_item_str(dict, name, v)?;
    }
    let error = vm.types.exception(ExcKind::OSError).clone();
    vm.set_item_str(dict, "error", error)?;
    let path_functions: [(&'static str, NativeFn); 16] = [
        ("normpath", path_normpath),
        ("getsize", path_getsize),
        ("getmtime", path_getmtime),
        ("getatime", path_getatime),
        ("getctime", path_getctime),
        ("islink", path_islink),
        ("lexists", path_lexists),
        ("realpath", path_realpath),
        ("samefile", path_samefile),
        ("relpath", path_relpath),
        ("commonprefix", path_commonprefix),
        ("commonpath", path_commonpath),
        ("expanduser", path_expanduser),
        ("expandvars", path_expandvars),
        ("splitdrive", path_splitdrive),
        ("normcase", path_normcase),
    ];
    for (name, f) in path_functions {
        let fv = vm.new_builtin_function(name, f, path_module.clone());
        vm.set_item_str(path_dict, name, fv)?;
    }
    Ok(())
}

/// A path argument: `str`, or an object with `__fspath__` returning `str`.
fn path_arg(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<String> {
    if let Some(s) = v.as_str() {
        return Ok(s.to_string());
    }
    let p = fspath(vm, v)?;
    str_arg(vm, &p, fname)
}

/// `os.fspath(v)`: str and bytes as they are, else `__fspath__()`.
pub(super) fn fspath(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if v.as_str().is_some() || v.as_bytes().is_some() {
        return Ok(v.clone());
    }
    let tname = vm.type_name(v);
    let Some(hook) = vm.lookup_special(v, "__fspath__") else {
        return Err(PyErr::type_error(format!(
            "expected str, bytes or os.PathLike object, not {tname}"
        )));
    };
    let r = vm.call(&hook, &[v.clone()])?;
    if r.as_str().is_some() || r.as_bytes().is_some() {
        return Ok(r);
    }
    Err(PyErr::type_error(format!(
        "expected {tname}.__fspath__() to return str or bytes, not {}",
        vm.type_name(&r)
    )))
}

fn os_fspath(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("fspath", 1)?;
    fspath(vm, &pos[0])
}

fn os_getenv(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.positional();
    if pos.is_empty() || pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "getenv() takes from 1 to 2 positional arguments but {} were given",
            pos.len()
        )));
    }
    let default = args
        .keyword("default")
        .or(pos.get(1))
        .cloned()
        .unwrap_or(Value::NONE);
    let modules = vm.modules.clone();
    let environ = vm
        .dict_get_str(&modules, "os")
        .and_then(|m| vm.getattr_opt(&m, "environ").ok().flatten());
    if pos[0].as_str().is_none() {
        return Err(PyErr::type_error(format!(
            "str expected, not {}",
            vm.type_name(&pos[0])
        )));
    }
    match environ {
        Some(env) => Ok(vm.dict_get(&env, &pos[0])?.unwrap_or(default)),
        None => Ok(default),
    }
}

fn os_urandom(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    use std::io::Read;
    let pos = args.exact("urandom", 1)?;
    let Some(n) = crate::runtime::numbers::as_int(&pos[0]).and_then(|i| i.to_i64()) else {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(&pos[0])
        )));
    };
    if n < 0 {
        return Err(PyErr::new(
            ExcKind::ValueError,
            "negative argument not allowed",
        ));
    }
    let mut buf = vec![0u8; usize::try_from(n).unwrap_or(0)];
    let mut f =
        std::fs::File::open("/dev/urandom").map_err(|e| os_error(vm, &e, "/dev/urandom"))?;
    f.read_exact(&mut buf)
        .map_err(|e| os_error(vm, &e, "/dev/urandom"))?;
    Ok(vm.new_bytes(buf))
}

fn os_cpu_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact("cpu_count", 0)?;
    match std::thread::available_parallelism() {
        Ok(n) => Ok(vm.new_int(i64::try_from(n.get()).unwrap_or(1))),
        Err(_) => Ok(Value::NONE),
    }
}

fn os_getppid(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact("getppid", 0)?;
    Ok(vm.new_int(i64::from(std::os::unix::process::parent_id())))
}

fn os_strerror(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("strerror", 1)?;
    let Some(code) = crate::runtime::numbers::as_int(&pos[0]).and_then(|i| i.to_i64()) else {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(&pos[0])
        )));
    };
    let text = match i32::try_from(code) {
        Ok(c) => {
            let s = std::io::Error::from_raw_os_error(c).to_string();
            match s.rfind(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
        Err(_) => format!("Unknown error {code}"),
    };
    Ok(vm.new_string(text))
}

fn os_chdir(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("chdir", 1)?;
    let path = path_arg(vm, &pos[0], "chdir")?;
    std::env::set_current_dir(&path).map_err(|e| os_error(vm, &e, &path))?;
    Ok(Value::NONE)
}

fn os_access(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("access", 2)?;
    let path = path_arg(vm, &pos[0], "access")?;
    let mode = crate::runtime::numbers::as_int(&pos[1])
        .and_then(|i| i.to_i64())
        .unwrap_or(0);
    let Ok(meta) = std::fs::metadata(&path) else {
        return Ok(Value::FALSE);
    };
    let perm = meta.mode();
    // The owner's bits when we own the file, else the "other" bits (no uid lookup).
    let bits = if meta.uid()
        == std::fs::metadata("/proc/self")
            .map(|m| m.uid())
            .unwrap_or(u32::MAX)
    {
        (perm >> 6) & 7
    } else {
        perm & 7
    };
    let is_root = std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0);
    let ok = |bit: u32| is_root && bit != 1 || (bits & bit) != 0 || is_root && (perm & 0o111) != 0;
    let mut allowed = true;
    if mode & 4 != 0 {
        allowed &= ok(4);
    }
    if mode & 2 != 0 {
        allowed &= ok(2);
    }
    if mode & 1 != 0 {
        allowed &= ok(1);
    }
    Ok(Value::from_bool(allowed))
}

fn os_rename(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("rename", 2)?;
    let src = path_arg(vm, &pos[0], "rename")?;
    let dst = path_arg(vm, &pos[1], "rename")?;
    if let Err(e) = std::fs::rename(&src, &dst) {
        return Err(two_path_error(vm, &e, &src, &dst));
    }
    Ok(Value::NONE)
}

/// `os.symlink(src, dst, target_is_directory=False)`.
fn os_symlink(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let bound = crate::interp::args::ArgSpec {
        fname: "symlink",
        names: &["src", "dst", "target_is_directory", "dir_fd"],
        posonly: 0,
        required: 2,
        kwonly_from: 3,
    }
    .bind(&args)?;
    let src = path_arg(vm, &bound[0], "symlink")?;
    let dst = path_arg(vm, &bound[1], "symlink")?;
    if let Err(e) = std::os::unix::fs::symlink(&src, &dst) {
        return Err(two_path_error(vm, &e, &src, &dst));
    }
    Ok(Value::NONE)
}

/// An OSError naming both paths: "[Errno 2] ...: 'a' -> 'b'".
fn two_path_error(vm: &mut Vm, e: &std::io::Error, src: &str, dst: &str) -> PyErr {
    let plain = os_error(vm, e, src);
    let ErrRepr::Object(exc) = plain.into_repr() else {
        return PyErr::new(ExcKind::OSError, e.to_string());
    };
    let base = match vm.str(&exc) {
        Ok(s) => s,
        Err(err) => return err,
    };
    let msg = format!("{base} -> {}", crate::text::str_repr::py_str_repr(dst));
    let ty = vm.type_of(&exc);
    let m = vm.new_string(msg);
    PyErr::from_object(vm.new_exception_of_type(&ty, vec![m]))
}

fn os_makedirs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.positional();
    if pos.is_empty() || pos.len() > 3 {
        return Err(PyErr::type_error(format!(
            "makedirs() takes from 1 to 3 positional arguments but {} were given",
            pos.len()
        )));
    }
    let path = path_arg(vm, &pos[0], "makedirs")?;
    let exist_ok = match args.keyword("exist_ok").or(pos.get(2)) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if std::path::Path::new(&path).is_dir() {
        if exist_ok {
            return Ok(Value::NONE);
        }
        let e = std::io::Error::from_raw_os_error(17);
        return Err(os_error(vm, &e, &path));
    }
    std::fs::create_dir_all(&path).map_err(|e| os_error(vm, &e, &path))?;
    Ok(Value::NONE)
}

fn os_removedirs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("removedirs", 1)?;
    let path = path_arg(vm, &pos[0], "removedirs")?;
    std::fs::remove_dir(&path).map_err(|e| os_error(vm, &e, &path))?;
    let mut current = std::path::PathBuf::from(&path);
    while current.pop() && !current.as_os_str().is_empty() {
        if std::fs::remove_dir(&current).is_err() {
            break;
        }
    }
    Ok(Value::NONE)
}

fn os_readlink(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("readlink", 1)?;
    let path = path_arg(vm, &pos[0], "readlink")?;
    let target = std::fs::read_link(&path).map_err(|e| os_error(vm, &e, &path))?;
    Ok(vm.new_string(target.to_string_lossy().to_string()))
}

fn one(vm: &mut Vm, args: &Args<'_>, fname: &str) -> PyResult<String> {
    let pos = args.exact(fname, 1)?;
    path_arg(vm, &pos[0], fname)
}

fn metadata(vm: &mut Vm, path: &str) -> PyResult<std::fs::Metadata> {
    std::fs::metadata(path).map_err(|e| os_error(vm, &e, path))
}

fn path_normpath(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one(vm, &args, "normpath")?;
    // POSIX keeps exactly two leading slashes.
    let n = normpath(&p);
    if p.starts_with("//") && !p.starts_with("///") {
        return Ok(vm.new_string(format!("/{n}")));
    }
    Ok(vm.new_string(n))
}

fn path_normcase(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one(vm, &args, "normcase")?;
    Ok(vm.new_string(p))
}

fn path_getsize(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one(vm, &args, "getsize")?;
    let m = metadata(vm, &p)?;
    Ok(vm.new_int(i64::try_from(m.len()).unwrap_or(i64::MAX)))
}

fn stamp(secs: i64, nanos: i64) -> f64 {
    secs as f64 + nanos as f64 * 1e-9
}

fn path_getmtime(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one(vm, &args, "getmtime")?;
    let m = metadata(vm, &p)?;
    Ok(vm.new_float(stamp(m.mtime(), m.mtime_nsec())))
}

fn path_getatime(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one(vm, &args, "getatime")?;
    let m = metadata(vm, &p)?;
    Ok(vm.new_float(stamp(m.atime(), m.atime_nsec())))
}

fn path_getctime(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one(vm, &args, "getctime")?;
    let m = metadata(vm, &p)?;
    Ok(vm.new_float(stamp(m.ctime(), m.ctime_nsec())))
}

fn path_islink(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one(vm, &args, "islink")?;
    Ok(Value::from_bool(
        std::fs::symlink_metadata(&p).is_ok_and(|m| m.file_type().is_symlink()),
    ))
}

fn path_lexists(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one(vm, &args, "lexists")?;
    Ok(Value::from_bool(std::fs::symlink_metadata(&p).is_ok()))
}

fn absolute(vm: &mut Vm, p: &str) -> PyResult<String> {
    if p.starts_with('/') {
        return Ok(normpath(p));
    }
    let cwd = std::env::current_dir().map_err(|e| os_error(vm, &e, "."))?;
    Ok(normpath(&format!("{}/{p}", cwd.display())))
}

fn path_realpath(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one(vm, &args, "realpath")?;
    // Resolve the longest existing prefix; the rest is joined on unresolved.
    let abs = absolute(vm, &p)?;
    let mut existing = std::path::PathBuf::from(&abs);
    let mut rest: Vec<String> = Vec::new();
    loop {
        if let Ok(real) = std::fs::canonicalize(&existing) {
            let mut out = real.to_string_lossy().to_string();
            for part in rest.iter().rev() {
                if !out.ends_with('/') {
                    out.push('/');
                }
                out.push_str(part);
            }
            return Ok(vm.new_string(normpath(&out)));
        }
        match existing.file_name() {
            Some(name) => {
                rest.push(name.to_string_lossy().to_string());
                existing.pop();
            }
            None => return Ok(vm.new_string(abs)),
        }
    }
}

fn path_samefile(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("samefile", 2)?;
    let a = path_arg(vm, &pos[0], "samefile")?;
    let b = path_arg(vm, &pos[1], "samefile")?;
    let ma = metadata(vm, &a)?;
    let mb = metadata(vm, &b)?;
    Ok(Value::from_bool(
        ma.dev() == mb.dev() && ma.ino() == mb.ino(),
    ))
}

fn path_relpath(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.positional();
    if pos.is_empty() || pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "relpath() takes from 1 to 2 positional arguments but {} were given",
            pos.len()
        )));
    }
    let p = path_arg(vm, &pos[0], "relpath")?;
    if p.is_empty() {
        return Err(PyErr::new(ExcKind::ValueError, "no path specified"));
    }
    let start = match args.keyword("start").or(pos.get(1)) {
        Some(v) if !v.is_none() => path_arg(vm, v, "relpath")?,
        _ => ".".to_string(),
    };
    let target = absolute(vm, &p)?;
    let base = absolute(vm, &start)?;
    let t: Vec<&str> = target.split('/').filter(|s| !s.is_empty()).collect();
    let b: Vec<&str> = base.split('/').filter(|s| !s.is_empty()).collect();
    let common = t.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<&str> = vec![".."; b.len() - common];
    parts.extend(&t[common..]);
    if parts.is_empty() {
        return Ok(vm.new_str("."));
    }
    Ok(vm.new_string(parts.join("/")))
}

fn string_list(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<Vec<String>> {
    let items = vm.collect_iterable(v)?;
    let mut out = Vec::with_capacity(items.len());
    for item in &items {
        out.push(path_arg(vm, item, fname)?);
    }
    Ok(out)
}

fn path_commonprefix(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("commonprefix", 1)?;
    let paths = string_list(vm, &pos[0], "commonprefix")?;
    let Some(first) = paths.iter().min() else {
        return Ok(vm.new_str(""));
    };
    let last = paths.iter().max().unwrap_or(first);
    let n = first
        .chars()
        .zip(last.chars())
        .take_while(|(a, b)| a == b)
        .count();
    Ok(vm.new_string(first.chars().take(n).collect()))
}

fn path_commonpath(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("commonpath", 1)?;
    let paths = string_list(vm, &pos[0], "commonpath")?;
    if paths.is_empty() {
        return Err(PyErr::new(
            ExcKind::ValueError,
            "commonpath() arg is an empty sequence",
        ));
    }
    let absolute = paths[0].starts_with('/');
    if paths.iter().any(|p| p.starts_with('/') != absolute) {
        return Err(PyErr::new(
            ExcKind::ValueError,
            "Can't mix absolute and relative paths",
        ));
    }
    let split: Vec<Vec<&str>> = paths
        .iter()
        .map(|p| {
            p.split('/')
                .filter(|s| !s.is_empty() && *s != ".")
                .collect()
        })
        .collect();
    let mut common: Vec<&str> = split[0].clone();
    for s in &split[1..] {
        let n = common.iter().zip(s).take_while(|(a, b)| a == b).count();
        common.truncate(n);
    }
    let prefix = if absolute { "/" } else { "" };
    Ok(vm.new_string(format!("{prefix}{}", common.join("/"))))
}

fn path_expanduser(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one(vm, &args, "expanduser")?;
    if !p.starts_with('~') {
        return Ok(vm.new_string(p));
    }
    let end = p.find('/').unwrap_or(p.len());
    if end != 1 {
        // `~user`: no password database lookup; CPython leaves unknown users alone.
        return Ok(vm.new_string(p));
    }
    let Ok(home) = std::env::var("HOME") else {
        return Ok(vm.new_string(p));
    };
    let home = home.trim_end_matches('/');
    let out = format!("{home}{}", &p[end..]);
    Ok(vm.new_string(if out.is_empty() { "/".to_string() } else { out }))
}

fn path_expandvars(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one(vm, &args, "expandvars")?;
    if !p.contains('$') {
        return Ok(vm.new_string(p));
    }
    let mut out = String::new();
    let chars: Vec<char> = p.chars().collect();
    let mut i = 0;
    let is_name = |c: char| c.is_ascii_alphanumeric() || c == '_';
    while i < chars.len() {
        if chars[i] != '$' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let (name, end, braced) = if chars.get(i + 1) == Some(&'{') {
            match chars[i + 2..].iter().position(|&c| c == '}') {
                Some(k) => (
                    chars[i + 2..i + 2 + k].iter().collect::<String>(),
                    i + 3 + k,
                    true,
                ),
                None => (String::new(), i + 1, false),
            }
        } else {
            let k = chars[i + 1..].iter().take_while(|&&c| is_name(c)).count();
            (
                chars[i + 1..i + 1 + k].iter().collect::<String>(),
                i + 1 + k,
                false,
            )
        };
        let valid = !name.is_empty() && (braced || name.chars().all(is_name));
        match std::env::var(&name) {
            Ok(v) if valid => out.push_str(&v),
            _ => out.extend(&chars[i..end.max(i + 1)]),
        }
        i = end.max(i + 1);
    }
    Ok(vm.new_string(out))
}

fn path_splitdrive(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("splitdrive", 1)?;
    let empty = vm.new_str("");
    let p = fspath(vm, &pos[0])?;
    Ok(vm.new_tuple(vec![empty, p]))
}
