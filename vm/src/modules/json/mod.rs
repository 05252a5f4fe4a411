//! `_json`: the Rust half of `json` (the Python half is the frozen `json` package). It
//! holds the hot paths: the scanner that turns a document into values (`decode`,
//! `raw_decode`, `scan_once`, `scanstring`) and the encoder that turns values into text
//! (`encode`, `encode_basestring`, `encode_basestring_ascii`). Errors become
//! `json.decoder.JSONDecodeError` exactly as CPython's accelerator raises them.

pub mod decode;
pub mod encode;

use crate::interp::args::Args;
use crate::object::Value;
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::types::function::NativeFn;
use crate::vm::Vm;

use decode::{Options, ScanError, Scanner, byte_offset, char_index, scan_string};
use encode::{Encoder, encode_str_value};

/// Creates the `_json` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let dict = vm.new_dict();
    let module = vm.new_module("_json", dict.clone());
    let functions: [(&'static str, NativeFn); 7] = [
        ("encode_basestring_ascii", encode_basestring_ascii),
        ("encode_basestring", encode_basestring),
        ("scanstring", scanstring),
        ("scan_once", scan_once),
        ("decode", decode_document),
        ("raw_decode", raw_decode),
        ("encode", encode_value),
    ];
    for (name, f) in functions {
        let fv = vm.new_builtin_function(name, f, module.clone());
        vm.set_item_str(&dict, name, fv)?;
    }
    Ok(module)
}

fn need_str(vm: &Vm, v: &Value) -> PyResult<()> {
    if v.as_pystr().is_some() {
        Ok(())
    } else {
        Err(PyErr::type_error(format!(
            "first argument must be a string, not {}",
            vm.type_name(v)
        )))
    }
}

fn encode_basestring_ascii(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("encode_basestring_ascii", 1)?;
    need_str(vm, &pos[0])?;
    encode_str_value(vm, &pos[0], true).ok_or_else(|| PyErr::internal("not a str"))
}

fn encode_basestring(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("encode_basestring", 1)?;
    need_str(vm, &pos[0])?;
    encode_str_value(vm, &pos[0], false).ok_or_else(|| PyErr::internal("not a str"))
}

/// `JSONDecodeError(msg, doc, pos)`, from `json.decoder` as CPython's accelerator finds it.
fn decode_error(vm: &mut Vm, msg: &str, doc: &Value, pos: usize) -> PyErr {
    let module = match vm.dict_get_str(&vm.modules.clone(), "json.decoder") {
        Some(m) => m,
        None => return PyErr::value_error(msg.to_string()),
    };
    let cls = match vm.getattr_str(&module, "JSONDecodeError") {
        Ok(c) => c,
        Err(e) => return e,
    };
    let args = [vm.new_str(msg), doc.clone(), vm.new_int(pos as i64)];
    match vm.call(&cls, &args) {
        Ok(exc) => PyErr::from_object(exc),
        Err(e) => e,
    }
}

/// Turns a scan failure at a byte offset into the Python exception CPython raises.
fn scan_error(vm: &mut Vm, err: ScanError, doc: &Value, bytes: &[u8]) -> PyErr {
    match err {
        ScanError::NoValue(at) => {
            let idx = vm.new_int(char_index(bytes, at) as i64);
            PyErr::with_args(ExcKind::StopIteration, vec![idx])
        }
        ScanError::Syntax(msg, at) => decode_error(vm, msg, doc, char_index(bytes, at)),
        ScanError::Py(e) => e,
    }
}

fn index_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    vm.index_i64(v)
}

fn str_bytes(v: &Value) -> Vec<u8> {
    v.as_pystr().map(|s| s.wtf8().to_vec()).unwrap_or_default()
}

/// `scanstring(s, end, strict=True)` -> `(str, end)`.
fn scanstring(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.range("scanstring", 2, 3)?;
    need_str(vm, &pos[0])?;
    let end = index_arg(vm, &pos[1])?;
    let strict = match pos.get(2) {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let bytes = str_bytes(&pos[0]);
    let nchars = char_index(&bytes, bytes.len());
    if end < 0 || end as usize > nchars {
        return Err(PyErr::value_error("end is out of bounds"));
    }
    let start = byte_offset(&bytes, end as usize);
    match scan_string(&bytes, start, strict) {
        Ok((text, after)) => {
            let s = vm.new_str_wtf8(text);
            let after = vm.new_int(char_index(&bytes, after) as i64);
            Ok(vm.new_tuple(vec![s, after]))
        }
        Err(e) => Err(scan_error(vm, e, &pos[0], &bytes)),
    }
}

/// Scans one value of `s` at code point `idx` with the options of decoder `ctx`.
fn scan_at(vm: &mut Vm, ctx: &Value, s: &Value, idx: i64) -> PyResult<(Value, usize, Vec<u8>)> {
    need_str(vm, s)?;
    if idx < 0 {
        return Err(PyErr::value_error("idx cannot be negative"));
    }
    let opts = Options::from_context(vm, ctx)?;
    let bytes = str_bytes(s);
    let start = byte_offset(&bytes, idx as usize);
    let mut scanner = Scanner::new(&bytes, &opts);
    let r = scanner.scan_once(vm, start);
    match r {
        Ok((v, end)) => Ok((v, end, bytes)),
        Err(e) => Err(scan_error(vm, e, s, &bytes)),
    }
}

/// `scan_once(ctx, s, idx)` -> `(value, end)`; `StopIteration(idx)` if no value starts there.
fn scan_once(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("scan_once", 3)?;
    let idx = index_arg(vm, &pos[2])?;
    let (v, end, bytes) = scan_at(vm, &pos[0], &pos[1], idx)?;
    let end = vm.new_int(char_index(&bytes, end) as i64);
    Ok(vm.new_tuple(vec![v, end]))
}

/// `raw_decode(ctx, s, idx)` -> `(value, end)`, "Expecting value" if none starts at idx.
fn raw_decode(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("raw_decode", 3)?;
    let idx = index_arg(vm, &pos[2])?;
    match scan_at(vm, &pos[0], &pos[1], idx) {
        Ok((v, end, bytes)) => {
            let end = vm.new_int(char_index(&bytes, end) as i64);
            Ok(vm.new_tuple(vec![v, end]))
        }
        Err(e) if vm.err_matches(&e, ExcKind::StopIteration) => {
            let at = stop_value(vm, e);
            Err(decode_error(vm, "Expecting value", &pos[1], at))
        }
        Err(e) => Err(e),
    }
}

fn stop_value(vm: &mut Vm, e: PyErr) -> usize {
    let exc = vm.exception_object(e);
    vm.getattr_str(&exc, "value")
        .ok()
        .and_then(|v| v.as_small_int())
        .unwrap_or(0)
        .max(0) as usize
}

/// `decode(ctx, s)`: a whole document (surrounding whitespace allowed, nothing else).
fn decode_document(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("decode", 2)?;
    let (ctx, s) = (&pos[0], &pos[1]);
    need_str(vm, s)?;
    let opts = Options::from_context(vm, ctx)?;
    let bytes = str_bytes(s);
    let mut scanner = Scanner::new(&bytes, &opts);
    let start = scanner.whitespace_end(0);
    match scanner.scan_once(vm, start) {
        Ok((v, end)) => {
            let end = scanner.whitespace_end(end);
            if end != bytes.len() {
                return Err(decode_error(vm, "Extra data", s, char_index(&bytes, end)));
            }
            Ok(v)
        }
        Err(ScanError::NoValue(at)) => Err(decode_error(
            vm,
            "Expecting value",
            s,
            char_index(&bytes, at),
        )),
        Err(e) => Err(scan_error(vm, e, s, &bytes)),
    }
}

fn sep_arg(vm: &Vm, v: &Value, n: usize) -> PyResult<String> {
    match v.as_pystr() {
        Some(s) => Ok(s.as_str().to_string()),
        None => Err(PyErr::type_error(format!(
            "make_encoder() argument {n} must be str, not {}",
            vm.type_name(v)
        ))),
    }
}

/// `encode(o, check_circular, default, ensure_ascii, indent, key_separator,
/// item_separator, sort_keys, skipkeys, allow_nan)` -> str. `indent` is None or the
/// indent unit as a str.
fn encode_value(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("encode", 10)?;
    let check_circular = vm.truthy(&pos[1])?;
    let ensure_ascii = vm.truthy(&pos[3])?;
    let indent = if pos[4].is_none() {
        None
    } else {
        Some(sep_arg(vm, &pos[4], 4)?)
    };
    let key_separator = sep_arg(vm, &pos[5], 5)?;
    let item_separator = sep_arg(vm, &pos[6], 6)?;
    let sort_keys = vm.truthy(&pos[7])?;
    let skipkeys = vm.truthy(&pos[8])?;
    let allow_nan = vm.truthy(&pos[9])?;
    let mut encoder = Encoder::new(
        check_circular,
        pos[2].clone(),
        ensure_ascii,
        indent,
        key_separator,
        item_separator,
        sort_keys,
        skipkeys,
        allow_nan,
    );
    let mut out = Vec::new();
    encoder.encode(vm, &mut out, &pos[0], 0)?;
    Ok(vm.new_str_wtf8(out))
}
