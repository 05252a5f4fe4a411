//! `_sre`: the Rust half of `re` (the Python half is the frozen `re` package). Patterns
//! are parsed (`parser`) and compiled (`compiler`) here to SRE code, which the
//! `rustpython-sre_engine` crate runs with CPython's exact matching semantics. Subjects
//! are matched by code-point index: ASCII and Latin-1 text runs on a byte view (O(1)
//! cursor moves), other text on the UTF-8 view.

pub mod compiler;
pub mod parser;

use rustpython_sre_engine::{Request, State, StrDrive};

use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::types::function::NativeFn;
use crate::vm::Vm;

/// "No upper bound" for repeats (the engine's MAXREPEAT on 64-bit hosts).
pub const MAXREPEAT: u32 = u32::MAX;

/// The SRE flag bits (`re.I` ...), as in CPython.
pub mod flags {
    pub const IGNORECASE: u32 = 2;
    pub const LOCALE: u32 = 4;
    pub const MULTILINE: u32 = 8;
    pub const DOTALL: u32 = 16;
    pub const UNICODE: u32 = 32;
    pub const VERBOSE: u32 = 64;
    pub const DEBUG: u32 = 128;
    pub const ASCII: u32 = 256;
}

/// Creates the `_sre` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let dict = vm.new_dict();
    let module = vm.new_module("_sre", dict.clone());
    let functions: [(&'static str, NativeFn); 3] = [
        ("compile", sre_compile),
        ("match", sre_match),
        ("scan", sre_scan),
    ];
    for (name, f) in functions {
        let fv = vm.new_builtin_function(name, f, module.clone());
        vm.set_item_str(&dict, name, fv)?;
    }
    let maxrepeat = vm.new_int(i64::from(MAXREPEAT));
    vm.set_item_str(&dict, "MAXREPEAT", maxrepeat)?;
    let maxgroups = vm.new_int(i64::from(MAXREPEAT / 2));
    vm.set_item_str(&dict, "MAXGROUPS", maxgroups)?;
    Ok(module)
}

/// `compile(pattern, flags, error_class)` -> `(code, flags, groups, groupindex)`.
fn sre_compile(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("compile", 3)?;
    let (pattern, error_cls) = (&pos[0], &pos[2]);
    let flags_in = vm.index_i64(&pos[1])? as u32;
    let (chars, istext): (Vec<u32>, bool) = match pattern.as_pystr() {
        Some(s) => (s.code_points().collect(), true),
        None => match vm.bytes_like(pattern) {
            Some(b) => (b.iter().map(|&c| u32::from(c)).collect(), false),
            None => {
                return Err(PyErr::type_error(
                    "first argument must be string or compiled pattern",
                ));
            }
        },
    };
    let result = parser::parse(&chars, istext, flags_in).and_then(|parsed| {
        let code = compiler::compile(&parsed.nodes, parsed.flags, &parsed.group_widths)?;
        Ok((parsed, code))
    });
    let (parsed, code) = match result {
        Ok(r) => r,
        Err(e) => return Err(raise_error(vm, e, pattern, error_cls)),
    };
    let mut bytes = Vec::with_capacity(code.len() * 4);
    for w in &code {
        bytes.extend_from_slice(&w.to_le_bytes());
    }
    let groupindex = vm.new_dict();
    for (name, gid) in &parsed.names {
        let (k, v) = (vm.new_str(name), vm.new_int(*gid as i64));
        vm.dict_set(&groupindex, k, v)?;
    }
    let items = vec![
        vm.new_bytes(bytes),
        vm.new_int(i64::from(parsed.flags)),
        vm.new_int(parsed.groups as i64 - 1),
        groupindex,
    ];
    Ok(vm.new_tuple(items))
}

fn raise_error(vm: &mut Vm, e: parser::ReError, pattern: &Value, error_cls: &Value) -> PyErr {
    match e.kind {
        parser::ErrKind::Overflow => PyErr::overflow_error(e.msg),
        parser::ErrKind::Value => PyErr::value_error(e.msg),
        parser::ErrKind::Recursion => {
            PyErr::new(crate::runtime::errors::ExcKind::RecursionError, e.msg)
        }
        parser::ErrKind::Re => {
            let mut args = vec![vm.new_string(e.msg)];
            if let Some(p) = e.pos {
                args.push(pattern.clone());
                args.push(vm.new_int(p as i64));
            }
            match vm.call(error_cls, &args) {
                Ok(exc) => PyErr::from_object(exc),
                Err(err) => err,
            }
        }
    }
}

fn decode_code(v: &Value) -> PyResult<Vec<u32>> {
    let Some(b) = v.as_bytes() else {
        return Err(PyErr::type_error("bad SRE code"));
    };
    Ok(b.chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect())
}

/// A subject prepared for the engine.
enum Subject<'a> {
    Bytes(std::borrow::Cow<'a, [u8]>),
    Text(&'a str),
}

fn subject<'a>(vm: &Vm, v: &'a Value) -> PyResult<Subject<'a>> {
    if let Some(s) = v.as_pystr() {
        if s.is_ascii() {
            return Ok(Subject::Bytes(std::borrow::Cow::Borrowed(
                s.as_str().as_bytes(),
            )));
        }
        let cps: Vec<u32> = s.code_points().collect();
        if cps.iter().all(|&c| c < 256) {
            return Ok(Subject::Bytes(std::borrow::Cow::Owned(
                cps.iter().map(|&c| c as u8).collect(),
            )));
        }
        return Ok(Subject::Text(s.as_str()));
    }
    match v.payload() {
        Some(Payload::Bytes(b)) => Ok(Subject::Bytes(std::borrow::Cow::Borrowed(b))),
        _ => match vm.bytes_like(v) {
            Some(b) => Ok(Subject::Bytes(std::borrow::Cow::Owned(b))),
            None => Err(PyErr::type_error(format!(
                "expected string or bytes-like object, got '{}'",
                vm.type_name(v)
            ))),
        },
    }
}

/// One match: the span of every group (group 0 first; -1 when unset) and lastindex.
struct Found {
    regs: Vec<(i64, i64)>,
    lastindex: i64,
}

fn found(state: &State, ngroups: usize) -> Found {
    let mut regs = Vec::with_capacity(ngroups + 1);
    regs.push((state.start as i64, state.cursor.position as i64));
    for g in 0..ngroups {
        let (a, b) = state.marks.get(g);
        let pair = match (a.is_some(), b.is_some()) {
            (true, true) => (a.unpack() as i64, b.unpack() as i64),
            _ => (-1, -1),
        };
        regs.push(pair);
    }
    Found {
        regs,
        lastindex: state.marks.last_index() as i64,
    }
}

fn run_one<S: StrDrive>(
    s: S,
    code: &[u32],
    pos: usize,
    endpos: usize,
    mode: i64,
    ngroups: usize,
) -> Option<Found> {
    let mut req = Request::new(s, pos, endpos, code, mode == 1);
    let mut state = State::default();
    let ok = if mode == 2 {
        state.reset(&req, req.start);
        state.search(req)
    } else {
        req.match_all = mode == 1;
        state.py_match(&req)
    };
    ok.then(|| found(&state, ngroups))
}

fn run_scan<S: StrDrive>(
    s: S,
    code: &[u32],
    pos: usize,
    endpos: usize,
    limit: usize,
    ngroups: usize,
) -> Vec<Found> {
    let mut req = Request::new(s, pos, endpos, code, false);
    let mut state = State::default();
    let mut out = Vec::new();
    while limit == 0 || out.len() < limit {
        if req.start > req.end {
            break;
        }
        state.reset(&req, req.start);
        if !state.search(req) {
            break;
        }
        out.push(found(&state, ngroups));
        req.must_advance = state.cursor.position == state.start;
        req.start = state.cursor.position;
    }
    out
}

fn clamp(v: i64) -> usize {
    v.max(0) as usize
}

fn regs_value(vm: &Vm, f: &Found) -> Value {
    let mut items = Vec::with_capacity(f.regs.len() * 2 + 1);
    items.push(vm.new_int(f.lastindex));
    for (a, b) in &f.regs {
        items.push(vm.new_int(*a));
        items.push(vm.new_int(*b));
    }
    vm.new_tuple(items)
}

/// `match(code, string, pos, endpos, mode, ngroups)`: mode 0 match, 1 fullmatch,
/// 2 search. Returns None or `(lastindex, start0, end0, start1, end1, ...)`.
fn sre_match(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact("match", 6)?;
    let code = decode_code(&a[0])?;
    let pos = clamp(vm.index_i64(&a[2])?);
    let endpos = clamp(vm.index_i64(&a[3])?);
    let mode = vm.index_i64(&a[4])?;
    let ngroups = clamp(vm.index_i64(&a[5])?);
    let r = match subject(vm, &a[1])? {
        Subject::Bytes(b) => run_one(&b[..], &code, pos, endpos, mode, ngroups),
        Subject::Text(t) => run_one(t, &code, pos, endpos, mode, ngroups),
    };
    Ok(match r {
        Some(f) => regs_value(vm, &f),
        None => Value::NONE,
    })
}

/// `scan(code, string, pos, endpos, limit, ngroups)`: the successive matches of a
/// search (as `finditer` sees them), at most `limit` (0 = all), each as in `match`.
fn sre_scan(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact("scan", 6)?;
    let code = decode_code(&a[0])?;
    let pos = clamp(vm.index_i64(&a[2])?);
    let endpos = clamp(vm.index_i64(&a[3])?);
    let limit = clamp(vm.index_i64(&a[4])?);
    let ngroups = clamp(vm.index_i64(&a[5])?);
    let all = match subject(vm, &a[1])? {
        Subject::Bytes(b) => run_scan(&b[..], &code, pos, endpos, limit, ngroups),
        Subject::Text(t) => run_scan(t, &code, pos, endpos, limit, ngroups),
    };
    let items: Vec<Value> = all.iter().map(|f| regs_value(vm, f)).collect();
    Ok(vm.new_list(items))
}
