//! The byte tables and helpers of code objects that CPython exposes beyond their plain
//! fields: `co_linetable` (the PEP 626/657 location table), `co_exceptiontable`, the
//! deprecated `co_lnotab`, `_co_code_adaptive`, `_varname_from_oparg`, and
//! `replace()`/`__replace__()`.
//!
//! The tables are written in CPython's formats (`Objects/locations.md`, `exception_handling_notes.txt`)
//! from our own per-unit positions and exception table, so tools that decode them read our
//! code's lines and handlers (the bytecode itself is Pyrite's, so the bytes are not
//! CPython's bytes for the same source).

use crate::bytecode::code::{CodeData, Position};
use crate::interp::args::Args;
use crate::object::Value;
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::vm::Vm;

/// Registers the methods (the byte tables are attributes, see `code_table_attribute`).
pub fn install(vm: &mut Vm) {
    let code = vm.types.code.clone();
    vm.add_method(&code, "replace", code_replace);
    vm.add_method(&code, "__replace__", code_replace);
    vm.add_method(&code, "_varname_from_oparg", varname_from_oparg);
}

/// `co_linetable`, `co_exceptiontable`, `co_lnotab`, `_co_code_adaptive`.
pub fn code_table_attribute(vm: &mut Vm, code: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(c) = code.as_code() else {
        return Ok(None);
    };
    let bytes = match name {
        "co_linetable" => location_table(&c.data),
        "co_exceptiontable" => exception_table(&c.data),
        "co_lnotab" => {
            vm.warn(
                ExcKind::DeprecationWarning,
                "co_lnotab is deprecated, use co_lines instead.",
            )?;
            line_number_table(&c.data)
        }
        "_co_code_adaptive" => c.units.iter().flat_map(|u| u.get().to_le_bytes()).collect(),
        _ => return Ok(None),
    };
    Ok(Some(vm.new_bytes(bytes)))
}

/// Unsigned varint: 6-bit groups, least significant first, 0x40 on all but the last.
fn write_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 64 {
        out.push(0x40 | (v & 63) as u8);
        v >>= 6;
    }
    out.push(v as u8);
}

/// Signed varint: the sign in the low bit.
fn write_svarint(out: &mut Vec<u8>, v: i64) {
    let zigzag = if v < 0 { ((-v) << 1) | 1 } else { v << 1 };
    write_varint(out, zigzag as u32);
}

/// The location table: runs of up to 8 code units with one position each, in the
/// shortest of CPython's entry forms.
fn location_table(data: &CodeData) -> Vec<u8> {
    let mut out = Vec::new();
    let positions = &data.positions[..data.positions.len().min(data.code.len())];
    let mut prev_line = i64::from(data.first_line);
    let mut i = 0;
    while i < positions.len() {
        let p = positions[i];
        let mut len = 1;
        while len < 8 && i + len < positions.len() && positions[i + len] == p {
            len += 1;
        }
        write_location(&mut out, p, len, &mut prev_line);
        i += len;
    }
    out
}

fn write_location(out: &mut Vec<u8>, p: Position, len: usize, prev_line: &mut i64) {
    let header = |code: u8| 0x80 | (code << 3) | (len as u8 - 1);
    if p.line == 0 {
        out.push(header(15));
        return;
    }
    let line = i64::from(p.line);
    let delta = line - *prev_line;
    let (col, end_col) = (p.col, p.end_col);
    if p.end_line == p.line {
        if delta == 0 && col < 80 && end_col >= col && end_col - col < 16 {
            out.push(header((col / 8) as u8));
            out.push((((col % 8) << 4) | (end_col - col)) as u8);
            return;
        }
        if (0..3).contains(&delta) && col < 128 && end_col < 128 {
            out.push(header(10 + delta as u8));
            out.push(col as u8);
            out.push(end_col as u8);
            *prev_line = line;
            return;
        }
    }
    out.push(header(14));
    write_svarint(out, delta);
    write_varint(out, p.end_line.saturating_sub(p.line));
    write_varint(out, col + 1);
    write_varint(out, end_col + 1);
    *prev_line = line;
}

/// Exception table varint: 6-bit groups, most significant first, 0x40 on all but the last;
/// the first byte of an entry carries 0x80.
fn write_except_varint(out: &mut Vec<u8>, v: u32, start: bool) {
    let mut groups = vec![(v & 63) as u8];
    let mut rest = v >> 6;
    while rest > 0 {
        groups.push((rest & 63) as u8);
        rest >>= 6;
    }
    let n = groups.len();
    for (k, g) in groups.into_iter().rev().enumerate() {
        let mut byte = g;
        if k + 1 < n {
            byte |= 0x40;
        }
        if start && k == 0 {
            byte |= 0x80;
        }
        out.push(byte);
    }
}

fn exception_table(data: &CodeData) -> Vec<u8> {
    let mut out = Vec::new();
    for e in &data.exception_table {
        write_except_varint(&mut out, e.start, true);
        write_except_varint(&mut out, e.end.saturating_sub(e.start), false);
        write_except_varint(&mut out, e.target, false);
        write_except_varint(&mut out, (e.depth << 1) | u32::from(e.push_lasti), false);
    }
    out
}

/// The pre-3.10 line number table: (byte offset delta, line delta) pairs.
fn line_number_table(data: &CodeData) -> Vec<u8> {
    let mut out = Vec::new();
    let mut line = i64::from(data.first_line);
    let mut code_offset: i64 = 0;
    for (i, p) in data.positions.iter().take(data.code.len()).enumerate() {
        if p.line == 0 || i64::from(p.line) == line {
            continue;
        }
        let mut bdelta = i as i64 * 2 - code_offset;
        let mut ldelta = i64::from(p.line) - line;
        while bdelta > 255 {
            out.extend([255, 0]);
            bdelta -= 255;
        }
        while ldelta > 127 {
            out.extend([bdelta as u8, 127]);
            bdelta = 0;
            ldelta -= 127;
        }
        while ldelta < -128 {
            out.extend([bdelta as u8, (-128i8) as u8]);
            bdelta = 0;
            ldelta += 128;
        }
        out.extend([bdelta as u8, (ldelta as i8) as u8]);
        code_offset = i as i64 * 2;
        line = i64::from(p.line);
    }
    out
}

/// `code._varname_from_oparg(oparg)`: the name of localsplus slot `oparg`.
fn varname_from_oparg(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let code = args.values.first().and_then(Value::as_code);
    let Some(code) = code else {
        return Err(PyErr::type_error(
            "descriptor '_varname_from_oparg' requires a 'code' object",
        ));
    };
    let pos = crate::builtins::native_util::rest(&args).exact("_varname_from_oparg", 1)?;
    let index = pos[0]
        .as_small_int()
        .and_then(|i| usize::try_from(i).ok())
        .ok_or_else(|| PyErr::new(ExcKind::IndexError, "tuple index out of range"))?;
    let _ = vm;
    code.localsplus_names
        .get(index)
        .cloned()
        .ok_or_else(|| PyErr::new(ExcKind::IndexError, "tuple index out of range"))
}

/// `code.replace(**changes)`: a copy with the named fields replaced. The metadata fields
/// are supported; fields that would need re-validating bytecode (`co_code`, the tables,
/// the local counts) raise ValueError.
fn code_replace(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(code) = args.values.first().and_then(Value::as_code) else {
        return Err(PyErr::type_error(
            "descriptor 'replace' requires a 'code' object",
        ));
    };
    let rest = crate::builtins::native_util::rest(&args);
    if !rest.positional().is_empty() {
        return Err(PyErr::type_error("replace() takes no positional arguments"));
    }
    let mut data = code.data.clone();
    for (name, value) in rest.keywords() {
        let value = value.clone();
        let want_str = |what: &str| -> PyResult<String> {
            value.as_str().map(str::to_string).ok_or_else(|| {
                PyErr::type_error(format!(
                    "replace() argument '{what}' must be str, not {}",
                    vm.type_name(&value)
                ))
            })
        };
        match name {
            "co_name" => data.name = want_str(name)?,
            "co_qualname" => data.qualname = want_str(name)?,
            "co_filename" => data.filename = want_str(name)?,
            "co_firstlineno" => {
                let Some(first) = value.as_small_int().and_then(|n| u32::try_from(n).ok()) else {
                    return Err(PyErr::type_error(format!(
                        "replace() argument 'co_firstlineno' must be int, not {}",
                        vm.type_name(&value)
                    )));
                };
                // The location table is relative to the first line: every line moves.
                let shift = i64::from(first) - i64::from(data.first_line);
                for p in &mut data.positions {
                    if p.line != 0 {
                        p.line = (i64::from(p.line) + shift).max(1) as u32;
                        p.end_line = (i64::from(p.end_line) + shift).max(1) as u32;
                    }
                }
                data.first_line = first;
            }
            "co_flags" => {
                let Some(flags) = value.as_small_int().and_then(|n| u32::try_from(n).ok()) else {
                    return Err(PyErr::type_error(format!(
                        "replace() argument 'co_flags' must be int, not {}",
                        vm.type_name(&value)
                    )));
                };
                data.flags = flags;
            }
            "co_argcount" | "co_posonlyargcount" | "co_kwonlyargcount" | "co_nlocals"
            | "co_stacksize" | "co_code" | "co_consts" | "co_names" | "co_varnames"
            | "co_freevars" | "co_cellvars" | "co_linetable" | "co_exceptiontable" => {
                return Err(PyErr::value_error(format!(
                    "code.replace() cannot change {name} of Pyrite bytecode"
                )));
            }
            other => {
                return Err(PyErr::type_error(format!(
                    "replace() got an unexpected keyword argument '{other}'"
                )));
            }
        }
    }
    Ok(vm.new_code(data))
}
