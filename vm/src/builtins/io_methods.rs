//! The methods of file objects: reading (with the chunked text decoding and universal
//! newlines described in `io`), writing, seeking, context management and iteration.

use std::cell::RefCell;
use std::io::SeekFrom;

use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::types::file::{FileData, Stream};
use crate::types::function::NativeFn;
use crate::types::str::PyStr;
use crate::vm::Vm;

use super::io::{closed_error, file_repr, os_error, unsupported};
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
        ("truncate", file_truncate),
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
pub(crate) fn check_readable(vm: &mut Vm, f: &RefCell<FileData>) -> PyResult<()> {
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

pub(crate) fn check_writable(vm: &mut Vm, f: &RefCell<FileData>) -> PyResult<()> {
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
fn translate_newlines(f: &mut FileData, decoded: &str) {
    if f.newline.is_some() {
        f.push_text(decoded);
        return;
    }
    let mut d = decoded;
    if f.pending_cr && d.starts_with('\n') {
        d = &d[1..];
    }
    f.pending_cr = false;
    if !d.contains('\r') {
        f.push_text(d);
        return;
    }
    // A `\r` at the chunk's end may be the first half of `\r\n`: it becomes `\n` now and a
    // `\n` starting the next chunk is dropped.
    f.pending_cr = d.ends_with('\r');
    let translated = d.replace("\r\n", "\n").replace('\r', "\n");
    f.push_text(&translated);
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
    let buf = f.unread_pending();
    let take = if eof || !utf8 {
        buf.len()
    } else {
        utf8_complete_prefix(buf)
    };
    if take == 0 {
        return Ok(());
    }
    let raw = f.consume_pending(take);
    let decoded = if utf8 {
        match std::str::from_utf8(&raw) {
            Ok(s) => std::borrow::Cow::Borrowed(s),
            Err(_) => super::codecs::decode(&raw, Some(&f.encoding), Some(&f.errors))?.into(),
        }
    } else {
        super::codecs::decode(&raw, Some(&f.encoding), Some(&f.errors))?.into()
    };
    translate_newlines(f, &decoded);
    Ok(())
}

pub(crate) fn io_err(vm: &mut Vm, e: std::io::Error) -> PyErr {
    os_error(vm, &e, None)
}

/// `read(size=-1)` for text files: `size` characters.
fn read_text(vm: &mut Vm, f: &mut FileData, size: i64) -> PyResult<String> {
    if size < 0 {
        let raw = f.read_all().map_err(|e| io_err(vm, e))?;
        f.pending = raw;
        f.pending_pos = 0;
        decode_pending(f, true)?;
        return Ok(f.consume_text(usize::MAX));
    }
    let want = size as usize;
    loop {
        let have = f.unread_text().chars().count();
        if have >= want {
            break;
        }
        if !fill_text(f)? {
            break;
        }
    }
    let text = f.unread_text();
    let end = text.char_indices().nth(want).map_or(text.len(), |(i, _)| i);
    Ok(f.consume_text(end))
}

/// One line of a text file (with its `\n`), `limit` characters at most.
fn readline_text(f: &mut FileData, limit: i64) -> PyResult<String> {
    let mut scanned = 0;
    loop {
        let text = f.unread_text();
        if let Some(pos) = text[scanned..].find('\n') {
            let end = scanned + pos + 1;
            return Ok(take_limited(f, end, limit));
        }
        let len = text.len();
        if limit >= 0 && text.chars().count() >= limit as usize {
            return Ok(take_limited(f, len, limit));
        }
        scanned = len;
        if !fill_text(f)? {
            let all = f.unread_text().len();
            return Ok(take_limited(f, all, limit));
        }
    }
}

fn take_limited(f: &mut FileData, end: usize, limit: i64) -> String {
    let end = if limit >= 0 {
        f.unread_text()
            .char_indices()
            .nth(limit as usize)
            .map_or(end, |(i, _)| i.min(end))
    } else {
        end
    };
    f.consume_text(end)
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
pub(crate) fn read_one_line(vm: &mut Vm, f: &RefCell<FileData>, limit: i64) -> PyResult<Value> {
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
        let buf = f.unread_pending();
        if let Some(pos) = buf.iter().take(limit).position(|b| *b == b'\n') {
            return Ok(f.consume_pending(pos + 1));
        }
        if buf.len() >= limit || f.fill()? == 0 {
            return Ok(f.consume_pending(limit));
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
pub(crate) fn encode_for_file(f: &FileData, text: &str) -> PyResult<Vec<u8>> {
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

/// Encodes a `str` payload for a text file; lone surrogates go through the file's error
/// handler (strict UTF-8 refuses them: "surrogates not allowed").
pub(crate) fn encode_pystr_for_file(f: &FileData, s: &PyStr) -> PyResult<Vec<u8>> {
    if !s.has_surrogates() {
        return encode_for_file(f, s.as_str());
    }
    let mut text = s.wtf8().to_vec();
    if let Some(nl @ ("\r" | "\r\n")) = f.newline.as_deref() {
        let mut translated = Vec::with_capacity(text.len());
        for &b in &text {
            if b == b'\n' {
                translated.extend_from_slice(nl.as_bytes());
            } else {
                translated.push(b);
            }
        }
        text = translated;
    }
    super::codecs::encode_wtf8(&text, Some(&f.encoding), Some(&f.errors))
}

/// Writes a `str` payload holding lone surrogates to a file object (`print` of such a
/// string): our files encode it with their error handler, others get `f.write(s)`.
pub fn write_surrogate_text(vm: &mut Vm, file: &Value, s: &PyStr) -> PyResult<()> {
    if let Some(Payload::File(f)) = file.payload() {
        check_writable(vm, f)?;
        if f.borrow().binary {
            return Err(PyErr::type_error(
                "a bytes-like object is required, not 'str'",
            ));
        }
        let bytes = encode_pystr_for_file(&f.borrow(), s)?;
        let r = f.borrow_mut().write_bytes(&bytes);
        return r.map_err(|e| io_err(vm, e));
    }
    let write = vm.getattr_str(file, "write")?;
    let s = vm.new_pystr(s.exact_copy());
    vm.call(&write, &[s])?;
    Ok(())
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
                super::native_util::arg_type_name(vm, &a[0])
            )));
        };
        let bytes = encode_pystr_for_file(&f.borrow(), s)?;
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

fn file_truncate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let f = recv_file(vm, &args, "truncate")?;
    let a = method_range(&args, "truncate", 0, 1)?;
    let size = match a.first() {
        Some(v) if !v.is_none() => {
            let n = vm.index_i64(v)?;
            if n < 0 {
                return Err(PyErr::value_error(format!("negative size value {n}")));
            }
            Some(n as u64)
        }
        _ => None,
    };
    check_writable(vm, f)?;
    let r = f.borrow_mut().truncate(size);
    let n = r.map_err(|e| io_err(vm, e))?;
    Ok(vm.new_int(n as i64))
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
    flag_method(vm, &args, "isatty", |f| f.isatty())
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
