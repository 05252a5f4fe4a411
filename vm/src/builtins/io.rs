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
use std::io::SeekFrom;

use crate::interp::args::{ArgSpec, Args};
use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::runtime::numbers::as_int;
use crate::types::file::{FileData, Stream};
use crate::types::function::NativeFn;
use crate::vm::Vm;

use super::native_util::{method_range, no_args};

pub fn install(vm: &mut Vm) {
    let methods: &[(&'static str, NativeFn)] = &[
        ("read", file_read),
        ("readline", file_readline),
        ("readlines", file_readlines),
        ("write", file_write),
        ("writelines", file_writelines),
        ("close", file_close),
        ("flush", file_flush),
        ("fileno", file_fileno),
        ("seek", file_seek),
        ("tell", file_tell),
        ("readable", file_readable),
        ("writable", file_writable),
        ("seekable", file_seekable),
        ("isatty", file_isatty),
        ("__enter__", file_enter),
        ("__exit__", file_exit),
        ("__iter__", file_iter),
        ("__next__", file_next),
        ("__repr__", file_repr_method),
    ];
    for ty in [vm.types.text_io.clone(), vm.types.buffered_io.clone()] {
        for (name, f) in methods {
            vm.add_method(&ty, name, *f);
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
        if f.is_closed() {
            return format!("<_io.{kind} name={name}>");
        }
        return format!("<_io.{kind} name={name}>");
    }
    let _ = vm;
    if f.is_closed() {
        return "<_io.TextIOWrapper [closed]>".to_string();
    }
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

fn unsupported(vm: &mut Vm, msg: &str) -> PyErr {
    match unsupported_operation_type(vm) {
        Ok(ty) => {
            let m = vm.new_str(msg);
            PyErr::from_object(vm.new_exception_of_type(&ty, vec![m]))
        }
        Err(e) => e,
    }
}

fn closed_error() -> PyErr {
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
                    vm.type_name(&b[1])
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
    let file = match opts.open(&path) {
        Ok(f) => f,
        Err(e) => return Err(os_error(vm, &e, Some(&path))),
    };
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

// ---------------------------------------------------------------------------------------
// Reading

fn recv_file<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a RefCell<FileData>> {
    let v = super::native_util::receiver(args, name, "_io._IOBase")?;
    match v.payload() {
        Some(Payload::File(f)) => Ok(f),
        _ => Err(super::native_util::descriptor_error(
            vm,
            name,
            "_io._IOBase",
            v,
        )),
    }
}

/// Checks the file is open and readable.
fn check_readable(vm: &mut Vm, f: &RefCell<FileData>) -> PyResult<()> {
    let (closed, readable) = {
        let f = f.borrow();
        (f.is_closed(), f.readable)
    };
    if closed {
        return Err(closed_error());
    }
    if !readable {
        return Err(unsupported(vm, "not readable"));
    }
    Ok(())
}

fn check_writable(vm: &mut Vm, f: &RefCell<FileData>) -> PyResult<()> {
    let (closed, writable) = {
        let f = f.borrow();
        (f.is_closed(), f.writable)
    };
    if closed {
        return Err(closed_error());
    }
    if !writable {
        return Err(unsupported(vm, "not writable"));
    }
    Ok(())
}

/// Length of the longest prefix of `b` that does not end inside a UTF-8 sequence.
fn utf8_complete_prefix(b: &[u8]) -> usize {
    let n = b.len();
    for back in 1..=n.min(3) {
        let c = b[n - back];
        if c & 0xC0 != 0x80 {
            let need = if c >= 0xF0 {
                4
            } else if c >= 0xE0 {
                3
            } else if c >= 0xC0 {
                2
            } else {
                1
            };
            return if need > back { n - back } else { n };
        }
    }
    n
}

/// Applies the read-side newline translation to freshly decoded text.
fn translate_newlines(f: &mut FileData, decoded: &str, out: &mut String) {
    if f.newline.is_some() {
        out.push_str(decoded);
        return;
    }
    let mut chars = decoded.chars().peekable();
    if f.pending_cr && chars.peek() == Some(&'\n') {
        chars.next();
    }
    f.pending_cr = false;
    while let Some(c) = chars.next() {
        if c == '\r' {
            out.push('\n');
            match chars.peek() {
                Some('\n') => {
                    chars.next();
                }
                None => f.pending_cr = true,
                _ => {}
            }
        } else {
            out.push(c);
        }
    }
}

/// Decodes more of the file into `f.text`; returns false at end of file.
fn fill_text(f: &mut FileData) -> PyResult<bool> {
    let n = f
        .fill()
        .map_err(|e| PyErr::new(ExcKind::OSError, e.to_string()))?;
    let eof = n == 0;
    decode_pending(f, eof)?;
    Ok(!eof)
}

fn decode_pending(f: &mut FileData, eof: bool) -> PyResult<()> {
    let utf8 = matches!(
        super::codecs::lookup(&f.encoding),
        Ok(super::codecs::Encoding::Utf8)
    );
    let take = if eof || !utf8 {
        f.pending.len()
    } else {
        utf8_complete_prefix(&f.pending)
    };
    if take == 0 {
        return Ok(());
    }
    let raw: Vec<u8> = f.pending.drain(..take).collect();
    let decoded = super::codecs::decode(&raw, Some(&f.encoding), Some(&f.errors))?;
    let mut out = std::mem::take(&mut f.text);
    translate_newlines(f, &decoded, &mut out);
    f.text = out;
    Ok(())
}

fn io_err(vm: &mut Vm, e: std::io::Error) -> PyErr {
    os_error(vm, &e, None)
}

/// `read(size=-1)` for text files: `size` characters.
fn read_text(vm: &mut Vm, f: &mut FileData, size: i64) -> PyResult<String> {
    if size < 0 {
        let raw = f.read_all().map_err(|e| io_err(vm, e))?;
        f.pending = raw;
        decode_pending(f, true)?;
        return Ok(std::mem::take(&mut f.text));
    }
    let want = size as usize;
    loop {
        let have = f.text.chars().count();
        if have >= want {
            break;
        }
        if !fill_text(f)? {
            break;
        }
    }
    let end = f
        .text
        .char_indices()
        .nth(want)
        .map_or(f.text.len(), |(i, _)| i);
    Ok(f.text.drain(..end).collect())
}

/// One line of a text file (with its `\n`), `limit` characters at most.
fn readline_text(f: &mut FileData, limit: i64) -> PyResult<String> {
    let mut scanned = 0;
    loop {
        if let Some(pos) = f.text[scanned..].find('\n') {
            let end = scanned + pos + 1;
            return Ok(take_limited(f, end, limit));
        }
        if limit >= 0 && f.text.chars().count() >= limit as usize {
            return Ok(take_limited(f, f.text.len(), limit));
        }
        scanned = f.text.len();
        if !fill_text(f)? {
            let all = f.text.len();
            return Ok(take_limited(f, all, limit));
        }
    }
}

fn take_limited(f: &mut FileData, end: usize, limit: i64) -> String {
    let end = if limit >= 0 {
        f.text
            .char_indices()
            .nth(limit as usize)
            .map_or(end, |(i, _)| i.min(end))
    } else {
        end
    };
    f.text.drain(..end).collect()
}

fn size_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    match v {
        None => Ok(-1),
        Some(v) if v.is_none() => Ok(-1),
        Some(v) => vm.index_i64(v),
    }
}

fn file_read(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let f = recv_file(vm, &args, "read")?;
    let a = method_range(&args, "read", 0, 1)?;
    let size = size_arg(vm, a.first())?;
    check_readable(vm, f)?;
    let mut fd = f.borrow_mut();
    if fd.binary {
        let data = if size < 0 {
            fd.read_all()
        } else {
            fd.read_bytes(size as usize)
        };
        drop(fd);
        let data = data.map_err(|e| io_err(vm, e))?;
        return Ok(vm.new_bytes(data));
    }
    let text = read_text(vm, &mut fd, size);
    drop(fd);
    Ok(vm.new_string(text?))
}

/// One line as a value (`b''`/`''` at end of file).
fn read_one_line(vm: &mut Vm, f: &RefCell<FileData>, limit: i64) -> PyResult<Value> {
    let mut fd = f.borrow_mut();
    if fd.binary {
        let line = if limit >= 0 {
            read_line_limited(&mut fd, limit as usize)
        } else {
            fd.read_line()
        };
        drop(fd);
        let line = line.map_err(|e| io_err(vm, e))?;
        return Ok(vm.new_bytes(line));
    }
    let line = readline_text(&mut fd, limit);
    drop(fd);
    Ok(vm.new_string(line?))
}

fn read_line_limited(f: &mut FileData, limit: usize) -> std::io::Result<Vec<u8>> {
    loop {
        if let Some(pos) = f.pending.iter().take(limit).position(|b| *b == b'\n') {
            return Ok(f.pending.drain(..=pos).collect());
        }
        if f.pending.len() >= limit || f.fill()? == 0 {
            let n = limit.min(f.pending.len());
            return Ok(f.pending.drain(..n).collect());
        }
    }
}

fn file_readline(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let f = recv_file(vm, &args, "readline")?;
    let a = method_range(&args, "readline", 0, 1)?;
    let limit = size_arg(vm, a.first())?;
    check_readable(vm, f)?;
    read_one_line(vm, f, limit)
}

fn file_readlines(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let f = recv_file(vm, &args, "readlines")?;
    let a = method_range(&args, "readlines", 0, 1)?;
    let hint = size_arg(vm, a.first())?;
    check_readable(vm, f)?;
    let mut lines = Vec::new();
    let mut total = 0usize;
    loop {
        let line = read_one_line(vm, f, -1)?;
        let n = vm.len(&line)?;
        if n == 0 {
            break;
        }
        total += n;
        lines.push(line);
        if hint > 0 && total >= hint as usize {
            break;
        }
    }
    Ok(vm.new_list(lines))
}

fn file_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let f = recv_file(vm, &args, "__iter__")?;
    if f.borrow().is_closed() {
        return Err(closed_error());
    }
    Ok(args.values[0].clone())
}

fn file_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let f = recv_file(vm, &args, "__next__")?;
    check_readable(vm, f)?;
    let line = read_one_line(vm, f, -1)?;
    if vm.len(&line)? == 0 {
        return Err(PyErr::stop_iteration());
    }
    Ok(line)
}

// ---------------------------------------------------------------------------------------
// Writing and the rest

/// Encodes text for a text file: newline translation, then the file's encoding.
fn encode_for_file(f: &FileData, text: &str) -> PyResult<Vec<u8>> {
    let translated;
    let text = match f.newline.as_deref() {
        Some(nl @ ("\r" | "\r\n")) if text.contains('\n') => {
            translated = text.replace('\n', nl);
            translated.as_str()
        }
        _ => text,
    };
    if f.encoding.eq_ignore_ascii_case("utf-8") || f.encoding.eq_ignore_ascii_case("utf8") {
        return Ok(text.as_bytes().to_vec());
    }
    super::codecs::encode(text, Some(&f.encoding), Some(&f.errors))
}

fn file_write(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let f = recv_file(vm, &args, "write")?;
    let a = method_range(&args, "write", 1, 1)?;
    check_writable(vm, f)?;
    let binary = f.borrow().binary;
    let (bytes, count) = if binary {
        let Some(data) = vm.bytes_like(&a[0]) else {
            return Err(PyErr::type_error(format!(
                "a bytes-like object is required, not '{}'",
                vm.type_name(&a[0])
            )));
        };
        let n = data.len();
        (data, n)
    } else {
        let Some(s) = a[0].as_pystr() else {
            return Err(PyErr::type_error(format!(
                "write() argument must be str, not {}",
                vm.type_name(&a[0])
            )));
        };
        let bytes = encode_for_file(&f.borrow(), s.as_str())?;
        (bytes, s.char_len())
    };
    let r = f.borrow_mut().write_bytes(&bytes);
    r.map_err(|e| io_err(vm, e))?;
    Ok(vm.new_int(count as i64))
}

/// Writes `text` to a file object the way `print(..., file=f)` should: through the
/// file's encoding and newline handling for our files, through `f.write` otherwise.
pub fn write_text(vm: &mut Vm, file: &Value, text: &str) -> PyResult<()> {
    if let Some(Payload::File(f)) = file.payload() {
        check_writable(vm, f)?;
        let bytes = if f.borrow().binary {
            return Err(PyErr::type_error(format!(
                "a bytes-like object is required, not '{}'",
                "str"
            )));
        } else {
            encode_for_file(&f.borrow(), text)?
        };
        let r = f.borrow_mut().write_bytes(&bytes);
        return r.map_err(|e| io_err(vm, e));
    }
    let write = vm.getattr_str(file, "write")?;
    let s = vm.new_str(text);
    vm.call(&write, &[s])?;
    Ok(())
}

fn file_writelines(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    recv_file(vm, &args, "writelines")?;
    let a = method_range(&args, "writelines", 1, 1)?;
    let items = vm.collect_iterable(&a[0])?;
    for item in items {
        file_write(vm, Args::positional_only(&[args.values[0].clone(), item]))?;
    }
    Ok(Value::NONE)
}

fn file_close(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let f = recv_file(vm, &args, "close")?;
    no_args(&args, "close")?;
    let r = f.borrow_mut().close();
    r.map_err(|e| io_err(vm, e))?;
    Ok(Value::NONE)
}

fn file_flush(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let f = recv_file(vm, &args, "flush")?;
    no_args(&args, "flush")?;
    if f.borrow().is_closed() {
        return Err(closed_error());
    }
    let r = f.borrow_mut().flush();
    r.map_err(|e| io_err(vm, e))?;
    Ok(Value::NONE)
}

fn file_fileno(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let f = recv_file(vm, &args, "fileno")?;
    if f.borrow().is_closed() {
        return Err(closed_error());
    }
    let fd = f.borrow().fileno();
    match fd {
        Some(n) => Ok(vm.new_int(n)),
        None => Err(unsupported(vm, "fileno")),
    }
}

fn file_seek(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let f = recv_file(vm, &args, "seek")?;
    let a = method_range(&args, "seek", 1, 2)?;
    let offset = vm.index_i64(&a[0])?;
    let whence = match a.get(1) {
        Some(w) => vm.index_i64(w)?,
        None => 0,
    };
    if f.borrow().is_closed() {
        return Err(closed_error());
    }
    let binary = f.borrow().binary;
    let to = match whence {
        0 => {
            if offset < 0 {
                return Err(PyErr::value_error(format!(
                    "negative seek position {offset}"
                )));
            }
            SeekFrom::Start(offset as u64)
        }
        1 => {
            if !binary && offset != 0 {
                return Err(unsupported(vm, "can't do nonzero cur-relative seeks"));
            }
            SeekFrom::Current(offset)
        }
        2 => {
            if !binary && offset != 0 {
                return Err(unsupported(vm, "can't do nonzero end-relative seeks"));
            }
            SeekFrom::End(offset)
        }
        _ => {
            return Err(PyErr::value_error(format!(
                "invalid whence ({whence}, should be 0, 1 or 2)"
            )));
        }
    };
    let r = f.borrow_mut().seek(to);
    let pos = r.map_err(|e| io_err(vm, e))?;
    Ok(vm.new_int(pos as i64))
}

fn file_tell(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let f = recv_file(vm, &args, "tell")?;
    if f.borrow().is_closed() {
        return Err(closed_error());
    }
    let r = f.borrow_mut().tell();
    let pos = r.map_err(|e| io_err(vm, e))?;
    Ok(vm.new_int(pos as i64))
}

fn flag_method(
    vm: &mut Vm,
    args: &Args<'_>,
    name: &str,
    get: fn(&FileData) -> bool,
) -> PyResult<Value> {
    let f = recv_file(vm, args, name)?;
    if f.borrow().is_closed() {
        return Err(closed_error());
    }
    Ok(Value::from_bool(get(&f.borrow())))
}

fn file_readable(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    flag_method(vm, &args, "readable", |f| f.readable)
}

fn file_writable(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    flag_method(vm, &args, "writable", |f| f.writable)
}

fn file_seekable(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    flag_method(vm, &args, "seekable", |f| {
        matches!(f.stream, Stream::Disk(_))
    })
}

fn file_isatty(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    flag_method(vm, &args, "isatty", FileData::isatty)
}

fn file_enter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let f = recv_file(vm, &args, "__enter__")?;
    if f.borrow().is_closed() {
        return Err(closed_error());
    }
    Ok(args.values[0].clone())
}

fn file_exit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let f = recv_file(vm, &args, "__exit__")?;
    let r = f.borrow_mut().close();
    r.map_err(|e| io_err(vm, e))?;
    Ok(Value::NONE)
}

fn file_repr_method(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    recv_file(vm, &args, "__repr__")?;
    let s = file_repr(vm, &args.values[0]);
    Ok(vm.new_string(s))
}

// ---------------------------------------------------------------------------------------
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
