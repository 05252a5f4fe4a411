//! `open()`, `input()`, and the methods of file objects (`TextIOWrapper` for text,
//! `BufferedReader` for binary files), including `sys.stdout.write`.
//!
//! Text files decode with the encoding given to `open()` (UTF-8 by default) and apply
//! universal newlines on read (`\r\n` and `\r` become `\n`) unless `newline` says
//! otherwise. Decoding happens a chunk at a time into `FileData::text`, keeping an
//! incomplete UTF-8 sequence at a chunk's end for the next chunk.
//!
//! OS errors become the matching `OSError` subclass with CPython's message
//! (`[Errno 2] No such file or directory: 'x'`) and `errno`/`strerror`/`filename`
//! attributes. Unsupported operations (`read` on a file opened for writing) raise
//! `io.UnsupportedOperation`, a subclass of both `OSError` and `ValueError`.

use std::cell::RefCell;

use crate::interp::args::{ArgSpec, Args};
use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::runtime::numbers::as_int;
use crate::types::file::{FileData, Stream};
use crate::vm::Vm;

use super::io_methods::{check_readable, io_err, read_one_line};

pub fn install(vm: &mut Vm) {
    super::io_methods::install(vm);
    // The file types live in `_io` (`<class '_io.TextIOWrapper'>`).
    for ty in [vm.types.text_io.clone(), vm.types.buffered_io.clone()] {
        if let Some(data) = ty.as_type_data() {
            let dict = data.dict.clone();
            let module = vm.new_str("_io");
            let _ = vm.set_item_str(&dict, "__module__", module);
        }
    }
}

/// Registers `open` and `input` (called once the builtins module exists).
pub fn install_builtins(vm: &mut Vm) {
    vm.add_builtin("open", builtin_open);
    vm.add_builtin("input", builtin_input);
}

/// The attributes of file objects: `name`, `mode`, `closed`, `encoding`, `errors`,
/// `newlines`, `line_buffering`. `None` if `obj` is not a file or has no such attribute.
pub fn file_attribute(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(Payload::File(f)) = obj.payload() else {
        return Ok(None);
    };
    let f = f.borrow();
    Ok(Some(match name {
        "name" => match &f.name_value {
            Some(v) => v.clone(),
            None => vm.new_str(&f.name),
        },
        "mode" => vm.new_str(&f.mode),
        "closed" => Value::from_bool(f.is_closed()),
        "encoding" if !f.binary => vm.new_str(&f.encoding),
        "errors" if !f.binary => vm.new_str(&f.errors),
        "line_buffering" if !f.binary => Value::from_bool(f.line_buffered),
        "newlines" if !f.binary => Value::NONE,
        _ => return Ok(None),
    }))
}

/// `repr()` of a file object, as CPython writes it.
pub fn file_repr(vm: &Vm, obj: &Value) -> String {
    let Some(Payload::File(f)) = obj.payload() else {
        return String::new();
    };
    let f = f.borrow();
    let name = match &f.name_value {
        Some(v) if as_int(v).is_some() => crate::runtime::numbers::as_int(v)
            .and_then(|i| i.to_i64())
            .map_or_else(String::new, |i| i.to_string()),
        _ => crate::text::str_repr::py_str_repr(&f.name),
    };
    if f.binary {
        let kind = if f.readable && f.writable {
            "BufferedRandom"
        } else if f.writable {
            "BufferedWriter"
        } else {
            "BufferedReader"
        };
        return format!("<_io.{kind} name={name}>");
    }
    let _ = vm;
    format!(
        "<_io.TextIOWrapper name={name} mode={} encoding={}>",
        crate::text::str_repr::py_str_repr(&f.mode),
        crate::text::str_repr::py_str_repr(&f.encoding)
    )
}

// ---------------------------------------------------------------------------------------
// Errors

/// The OSError subclass and message for an `std::io::Error` about `filename`.
pub fn os_error(vm: &mut Vm, err: &std::io::Error, filename: Option<&str>) -> PyErr {
    let errno = err.raw_os_error();
    let kind = match err.kind() {
        std::io::ErrorKind::NotFound => ExcKind::FileNotFoundError,
        std::io::ErrorKind::PermissionDenied => ExcKind::PermissionError,
        std::io::ErrorKind::AlreadyExists => ExcKind::FileExistsError,
        std::io::ErrorKind::IsADirectory => ExcKind::IsADirectoryError,
        std::io::ErrorKind::NotADirectory => ExcKind::NotADirectoryError,
        std::io::ErrorKind::BrokenPipe => ExcKind::BrokenPipeError,
        std::io::ErrorKind::Interrupted => ExcKind::InterruptedError,
        _ => ExcKind::OSError,
    };
    let Some(errno) = errno else {
        return PyErr::new(kind, err.to_string());
    };
    let strerror = strerror_text(err);
    let msg = match filename {
        Some(name) => format!(
            "[Errno {errno}] {strerror}: {}",
            crate::text::str_repr::py_str_repr(name)
        ),
        None => format!("[Errno {errno}] {strerror}"),
    };
    let msg_v = vm.new_string(msg);
    let exc = vm.new_exception(kind, vec![msg_v]);
    if let Some(data) = exc.as_exception() {
        let d = vm.new_dict();
        let errno_v = vm.new_int(i64::from(errno));
        let strerror_v = vm.new_string(strerror);
        let filename_v = match filename {
            Some(n) => vm.new_str(n),
            None => Value::NONE,
        };
        for (k, v) in [
            ("errno", errno_v),
            ("strerror", strerror_v),
            ("filename", filename_v),
            ("filename2", Value::NONE),
        ] {
            let key = vm.intern(k);
            let _ = vm.dict_set(&d, key, v);
        }
        *data.dict.borrow_mut() = d;
    }
    PyErr::from_object(exc)
}

/// The C library's `strerror` text (Rust appends ` (os error N)`, which CPython lacks).
fn strerror_text(err: &std::io::Error) -> String {
    let s = err.to_string();
    match s.rfind(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// `io.UnsupportedOperation` (created on first use: a class deriving from OSError and
/// ValueError, cached in the `TextIOWrapper` type's dict).
pub fn unsupported_operation_type(vm: &mut Vm) -> PyResult<Value> {
    let text_io = vm.types.text_io.clone();
    if let Some(data) = text_io.as_type_data()
        && let Some(t) = vm.dict_get_str(&data.dict, "_UnsupportedOperation")
    {
        return Ok(t);
    }
    let name = vm.new_str("UnsupportedOperation");
    let bases = vm.new_tuple(vec![
        vm.types.exception(ExcKind::OSError).clone(),
        vm.types.exception(ExcKind::ValueError).clone(),
    ]);
    let ns = vm.new_dict();
    let module = vm.new_str("io");
    let key = vm.intern("__module__");
    vm.dict_set(&ns, key, module)?;
    let meta = vm.types.type_.clone();
    let ty = crate::interp::class::type_new(vm, &meta, &name, &bases, &ns)?;
    if let Some(data) = text_io.as_type_data() {
        let dict = data.dict.clone();
        let key = vm.intern("_UnsupportedOperation");
        vm.dict_set(&dict, key, ty.clone())?;
    }
    Ok(ty)
}

pub(crate) fn unsupported(vm: &mut Vm, msg: &str) -> PyErr {
    match unsupported_operation_type(vm) {
        Ok(ty) => {
            let m = vm.new_str(msg);
            PyErr::from_object(vm.new_exception_of_type(&ty, vec![m]))
        }
        Err(e) => e,
    }
}

pub(crate) fn closed_error() -> PyErr {
    PyErr::value_error("I/O operation on closed file.")
}

// ---------------------------------------------------------------------------------------
// open()

/// Parsed `open()` mode.
struct Mode {
    read: bool,
    write: bool,
    append: bool,
    create: bool,
    plus: bool,
    binary: bool,
}

fn parse_mode(mode: &str) -> PyResult<Mode> {
    let invalid = || PyErr::value_error(format!("invalid mode: '{mode}'"));
    let mut m = Mode {
        read: false,
        write: false,
        append: false,
        create: false,
        plus: false,
        binary: false,
    };
    let mut text = false;
    let mut seen = String::new();
    for c in mode.chars() {
        if !"rwxabt+U".contains(c) || seen.contains(c) {
            return Err(invalid());
        }
        seen.push(c);
        match c {
            'r' => m.read = true,
            'w' => m.write = true,
            'a' => m.append = true,
            'x' => m.create = true,
            '+' => m.plus = true,
            'b' => m.binary = true,
            't' => text = true,
            _ => {}
        }
    }
    if text && m.binary {
        return Err(PyErr::value_error(
            "can't have text and binary mode at once",
        ));
    }
    let kinds = [m.read, m.write, m.append, m.create]
        .iter()
        .filter(|b| **b)
        .count();
    if kinds != 1 {
        return Err(PyErr::value_error(
            "must have exactly one of create/read/write/append mode",
        ));
    }
    Ok(m)
}

fn opt_str(vm: &Vm, v: &Value, what: &str) -> PyResult<Option<String>> {
    if v.is_null() || v.is_none() {
        return Ok(None);
    }
    match v.as_str() {
        Some(s) => Ok(Some(s.to_string())),
        None => Err(PyErr::type_error(format!(
            "open() argument '{what}' must be str or None, not {}",
            vm.type_name(v)
        ))),
    }
}

fn builtin_open(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = ArgSpec {
        fname: "open",
        names: &[
            "file",
            "mode",
            "buffering",
            "encoding",
            "errors",
            "newline",
            "closefd",
            "opener",
        ],
        posonly: 0,
        required: 1,
        kwonly_from: 8,
    }
    .bind(&args)?;
    let mode_text = if b[1].is_null() {
        "r".to_string()
    } else {
        match b[1].as_str() {
            Some(s) => s.to_string(),
            None => {
                return Err(PyErr::type_error(format!(
                    "open() argument 'mode' must be str, not {}",
                    super::native_util::arg_type_name(vm, &b[1])
                )));
            }
        }
    };
    let mode = parse_mode(&mode_text)?;
    let buffering = if b[2].is_null() {
        -1
    } else {
        vm.index_i64(&b[2])?
    };
    let encoding = opt_str(vm, &b[3], "encoding")?;
    let errors = opt_str(vm, &b[4], "errors")?;
    let newline = opt_str(vm, &b[5], "newline")?;
    if mode.binary {
        if encoding.is_some() {
            return Err(PyErr::value_error(
                "binary mode doesn't take an encoding argument",
            ));
        }
        if errors.is_some() {
            return Err(PyErr::value_error(
                "binary mode doesn't take an errors argument",
            ));
        }
        if newline.is_some() {
            return Err(PyErr::value_error(
                "binary mode doesn't take a newline argument",
            ));
        }
    } else if buffering == 0 {
        return Err(PyErr::value_error("can't have unbuffered text I/O"));
    }
    if let Some(nl) = &newline
        && !matches!(nl.as_str(), "" | "\n" | "\r" | "\r\n")
    {
        return Err(PyErr::value_error(format!(
            "illegal newline value: {}",
            crate::text::str_repr::py_str_repr(nl)
        )));
    }
    if let Some(enc) = &encoding {
        super::codecs::lookup(enc)?;
    }
    let path = if let Some(s) = b[0].as_str() {
        s.to_string()
    } else if let Some(d) = b[0].as_bytes() {
        String::from_utf8_lossy(d).into_owned()
    } else if as_int(&b[0]).is_some() {
        return Err(PyErr::new(
            ExcKind::OSError,
            "opening file descriptors is not supported",
        ));
    } else {
        return Err(PyErr::type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            vm.type_name(&b[0])
        )));
    };
    let mut opts = std::fs::OpenOptions::new();
    opts.read(mode.read || mode.plus);
    if mode.write {
        opts.write(true).create(true).truncate(true);
    }
    if mode.append {
        opts.append(true).create(true);
    }
    if mode.create {
        opts.write(true).create_new(true);
    }
    if mode.plus {
        opts.write(true);
    }
    let mut file = match opts.open(&path) {
        Ok(f) => f,
        Err(e) => return Err(os_error(vm, &e, Some(&path))),
    };
    if mode.append {
        // CPython positions an append-mode file at its end right away (`tell()` shows it).
        use std::io::Seek;
        file.seek(std::io::SeekFrom::End(0))
            .map_err(|e| os_error(vm, &e, Some(&path)))?;
    }
    if file.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        let e = std::io::Error::from_raw_os_error(21);
        return Err(os_error(vm, &e, Some(&path)));
    }
    let mut data = FileData::new(
        Stream::Disk(crate::types::file::DiskFile::register(file)),
        &path,
        &mode_text,
        mode.binary,
    );
    data.readable = mode.read || mode.plus;
    data.writable = mode.write || mode.append || mode.create || mode.plus;
    data.line_buffered = buffering == 1 && !mode.binary;
    data.name_value = Some(b[0].clone());
    data.encoding = encoding.unwrap_or_else(|| "UTF-8".to_string());
    data.errors = errors.unwrap_or_else(|| "strict".to_string());
    data.newline = newline;
    let ty = if mode.binary {
        vm.types.buffered_io.clone()
    } else {
        vm.types.text_io.clone()
    };
    Ok(Value::alloc(&ty, Payload::File(RefCell::new(data))))
}

// input()

fn builtin_input(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range("input", 0, 1)?;
    let sys = vm.sys.clone();
    let stdout = vm.getattr_str(&sys, "stdout")?;
    let stderr = vm.getattr_str(&sys, "stderr")?;
    let stdin = vm.getattr_str(&sys, "stdin")?;
    for stream in [&stderr, &stdout] {
        if let Some(Payload::File(f)) = stream.payload() {
            let _ = f.borrow_mut().flush();
        }
    }
    if let Some(prompt) = a.first() {
        let text = vm.str(prompt)?;
        vm.write_to(&stdout, &text)?;
    }
    if let Some(Payload::File(f)) = stdout.payload() {
        let r = f.borrow_mut().flush();
        r.map_err(|e| io_err(vm, e))?;
    } else if let Ok(flush) = vm.getattr_str(&stdout, "flush") {
        vm.call(&flush, &[])?;
    }
    let line = if let Some(Payload::File(f)) = stdin.payload() {
        check_readable(vm, f)?;
        read_one_line(vm, f, -1)?
    } else {
        let readline = vm.getattr_str(&stdin, "readline")?;
        vm.call(&readline, &[])?
    };
    let Some(text) = line.as_str() else {
        return Err(PyErr::type_error("object.readline() returned non-string"));
    };
    if text.is_empty() {
        return Err(PyErr::new(ExcKind::EOFError, "EOF when reading a line"));
    }
    let text = text.strip_suffix('\n').unwrap_or(text);
    Ok(vm.new_str(text))
}
