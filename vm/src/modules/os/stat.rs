//! `os.stat`, `os.lstat`, `os.fstat` and their result type `os.stat_result` (a struct
//! sequence: ten tuple items, the integer times unnamed, then the float and nanosecond
//! times, block size, block count and device by name only).

use std::os::unix::fs::MetadataExt;

use crate::builtins::native_util::add_new;
use crate::interp::args::{ArgSpec, Args};
use crate::object::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::numbers::as_int;
use crate::runtime::structseq::{StructSeqSpec, UNNAMED};
use crate::types::function::NativeFn;
use crate::vm::Vm;

use super::os_error_with;

const STAT_RESULT: StructSeqSpec = StructSeqSpec {
    module: "os",
    name: "stat_result",
    fields: &[
        "st_mode",
        "st_ino",
        "st_dev",
        "st_nlink",
        "st_uid",
        "st_gid",
        "st_size",
        UNNAMED,
        UNNAMED,
        UNNAMED,
        "st_atime",
        "st_mtime",
        "st_ctime",
        "st_atime_ns",
        "st_mtime_ns",
        "st_ctime_ns",
        "st_blksize",
        "st_blocks",
        "st_rdev",
    ],
    n_sequence: 10,
    instantiable: true,
};

const TERMINAL_SIZE: StructSeqSpec = StructSeqSpec {
    module: "os",
    name: "terminal_size",
    fields: &["columns", "lines"],
    n_sequence: 2,
    instantiable: true,
};

/// Registers `stat_result`, `terminal_size` and the stat functions in `os`.
pub fn install(vm: &mut Vm, module: &Value, dict: &Value) -> PyResult<()> {
    let ty = vm.new_struct_seq_type(&STAT_RESULT);
    vm.set_constructor(&ty, stat_result_new);
    add_new(vm, &ty, stat_result_new);
    vm.set_item_str(dict, "stat_result", ty)?;
    let ty = vm.new_struct_seq_type(&TERMINAL_SIZE);
    vm.set_item_str(dict, "terminal_size", ty)?;
    let functions: [(&'static str, NativeFn); 3] =
        [("stat", os_stat), ("lstat", os_lstat), ("fstat", os_fstat)];
    for (name, f) in functions {
        let fv = vm.new_builtin_function(name, f, module.clone());
        vm.set_item_str(dict, name, fv)?;
    }
    Ok(())
}

/// `os.stat_result(seq, dict)`: as any struct sequence, but missing float times are
/// taken from the integer ones, as CPython's does.
fn stat_result_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let obj = crate::runtime::structseq::struct_seq_new(vm, args)?;
    let mut fields = crate::runtime::structseq::fields_of(vm, &obj)?;
    if fields.len() < 13 || (10..13).all(|i| !fields[i].is_none()) {
        return Ok(obj);
    }
    for i in 10..13 {
        if fields[i].is_none() {
            fields[i] = fields[i - 3].clone();
        }
    }
    let ty = vm.type_of(&obj);
    vm.new_struct_seq(&ty, fields)
}

/// What a stat function looks at.
pub enum Target {
    Path(String),
    Fd(i64),
}

/// A path argument (str, bytes, os.PathLike, or with `allow_fd` an int file descriptor),
/// with CPython's `stat: path should be ...` message.
pub fn target_arg(vm: &mut Vm, v: &Value, fname: &str, allow_fd: bool) -> PyResult<Target> {
    if allow_fd
        && v.as_bool().is_none()
        && let Some(i) = as_int(v)
    {
        return i
            .to_i64()
            .map(Target::Fd)
            .ok_or_else(|| PyErr::overflow_error("fd is greater than maximum"));
    }
    let path = if v.as_str().is_some() || v.as_bytes().is_some() {
        v.clone()
    } else if vm.lookup_special(v, "__fspath__").is_some() {
        super::extra::fspath(vm, v)?
    } else {
        let what = if allow_fd {
            "string, bytes, os.PathLike or integer"
        } else {
            "string, bytes or os.PathLike"
        };
        return Err(PyErr::type_error(format!(
            "{fname}: path should be {what}, not {}",
            vm.type_name(v)
        )));
    };
    if let Some(s) = path.as_str() {
        if s.contains('\0') {
            return Err(PyErr::value_error(format!(
                "{fname}: embedded null character in path"
            )));
        }
        return Ok(Target::Path(s.to_string()));
    }
    match path.as_bytes() {
        Some(b) => Ok(Target::Path(String::from_utf8_lossy(b).into_owned())),
        None => Err(PyErr::type_error(format!(
            "{fname}: path should be string, bytes or os.PathLike, not {}",
            vm.type_name(v)
        ))),
    }
}

/// The metadata of `target` (a descriptor's through `/proc/self/fd`, which Linux
/// resolves to the open file itself).
pub fn metadata_of(
    vm: &mut Vm,
    target: &Target,
    original: &Value,
    follow_symlinks: bool,
) -> PyResult<std::fs::Metadata> {
    let result = match target {
        Target::Path(p) if follow_symlinks => std::fs::metadata(p),
        Target::Path(p) => std::fs::symlink_metadata(p),
        Target::Fd(fd) if *fd < 0 => Err(std::io::Error::from_raw_os_error(9)),
        Target::Fd(fd) => {
            std::fs::metadata(format!("/proc/self/fd/{fd}")).map_err(|e| match e.raw_os_error() {
                Some(2) => std::io::Error::from_raw_os_error(9),
                _ => e,
            })
        }
    };
    result.map_err(|e| os_error_with(vm, &e, Some(original.clone())))
}

/// An `os.stat_result` for `m`.
pub fn stat_result(vm: &mut Vm, m: &std::fs::Metadata) -> PyResult<Value> {
    let ns = |secs: i64, nanos: i64| i128::from(secs) * 1_000_000_000 + i128::from(nanos);
    let times = [
        (m.atime(), m.atime_nsec()),
        (m.mtime(), m.mtime_nsec()),
        (m.ctime(), m.ctime_nsec()),
    ];
    let mut values = vec![
        vm.new_int(i64::from(m.mode())),
        vm.new_bigint(m.ino().into()),
        vm.new_bigint(m.dev().into()),
        vm.new_bigint(m.nlink().into()),
        vm.new_int(i64::from(m.uid())),
        vm.new_int(i64::from(m.gid())),
        vm.new_bigint(m.size().into()),
    ];
    for (secs, _) in times {
        values.push(vm.new_int(secs));
    }
    for (secs, nanos) in times {
        values.push(vm.new_float(secs as f64 + nanos as f64 * 1e-9));
    }
    for (secs, nanos) in times {
        values.push(vm.new_bigint(ns(secs, nanos).into()));
    }
    values.push(vm.new_bigint(m.blksize().into()));
    values.push(vm.new_bigint(m.blocks().into()));
    values.push(vm.new_bigint(m.rdev().into()));
    vm.new_struct_seq_named("os.stat_result", values)
}

fn stat_common(vm: &mut Vm, args: Args<'_>, fname: &str, follow: bool) -> PyResult<Value> {
    let bound = ArgSpec {
        fname,
        names: &["path", "dir_fd", "follow_symlinks"],
        posonly: 0,
        required: 1,
        kwonly_from: 1,
    }
    .bind(&args)?;
    let follow = match &bound[2] {
        v if v.is_null() => follow,
        v => vm.truthy(v)?,
    };
    let target = target_arg(vm, &bound[0], fname, fname == "stat")?;
    let m = metadata_of(vm, &target, &bound[0], follow)?;
    stat_result(vm, &m)
}

fn os_stat(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    stat_common(vm, args, "stat", true)
}

fn os_lstat(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    stat_common(vm, args, "lstat", false)
}

fn os_fstat(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let bound = ArgSpec {
        fname: "fstat",
        names: &["fd"],
        posonly: 0,
        required: 1,
        kwonly_from: 1,
    }
    .bind(&args)?;
    let fd = vm.index_value(&bound[0])?;
    let Some(fd_num) = as_int(&fd).and_then(|i| i.to_i64()) else {
        return Err(PyErr::overflow_error(
            "Python int too large to convert to C int",
        ));
    };
    let m = match std::fs::metadata(format!("/proc/self/fd/{fd_num}")) {
        Ok(m) if fd_num >= 0 => m,
        _ => {
            let e = std::io::Error::from_raw_os_error(9);
            return Err(os_error_with(vm, &e, None));
        }
    };
    stat_result(vm, &m)
}
