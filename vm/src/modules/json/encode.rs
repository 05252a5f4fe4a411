//! The JSON encoder (what CPython's `_json.make_encoder` accelerates, plus the indented
//! form CPython writes in Python): one recursive walk that appends to a `String`.
//! Checks run in CPython's order (None/True/False, str, int, float, list/tuple, dict, then
//! `default`), subclasses of the builtin types are encoded as their base (`int.__repr__`,
//! `float.__repr__`), and circular references are caught with an id set.

use std::collections::HashSet;

use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::runtime::numbers::{IntRef, as_float, as_int};
use crate::text::float_repr::float_repr;
use crate::text::number_parse::int_to_str_radix;
use crate::vm::Vm;

/// How deep documents may nest (CPython's C recursion limit is of this order).
const NESTING_LIMIT: usize = 10_000;

use super::decode::push_code_point;

/// The encoder's options (from `JSONEncoder` attributes).
pub struct Encoder {
    /// `None` when `check_circular` is false.
    pub markers: Option<HashSet<usize>>,
    pub default: Value,
    pub ensure_ascii: bool,
    /// The indent unit; `None` for the one-line form.
    pub indent: Option<String>,
    pub key_separator: String,
    pub item_separator: String,
    pub sort_keys: bool,
    pub skipkeys: bool,
    pub allow_nan: bool,
    depth: usize,
}

/// Appending text to the generalized-UTF-8 output buffer.
trait Sink {
    fn put_str(&mut self, s: &str);
    fn put(&mut self, c: char);
}

impl Sink for Vec<u8> {
    fn put_str(&mut self, s: &str) {
        self.extend_from_slice(s.as_bytes());
    }
    fn put(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

fn push_u_escape(out: &mut Vec<u8>, c: u32) {
    out.put_str("\\u");
    for shift in [12, 8, 4, 0] {
        out.put(HEX[((c >> shift) & 0xF) as usize] as char);
    }
}

/// Appends the JSON string literal for the code points `cps`.
pub fn encode_string_into(out: &mut Vec<u8>, cps: impl Iterator<Item = u32>, ensure_ascii: bool) {
    out.put('"');
    for c in cps {
        match c {
            0x22 => out.put_str("\\\""),
            0x5C => out.put_str("\\\\"),
            0x0A => out.put_str("\\n"),
            0x0D => out.put_str("\\r"),
            0x09 => out.put_str("\\t"),
            0x08 => out.put_str("\\b"),
            0x0C => out.put_str("\\f"),
            0..=0x1F => push_u_escape(out, c),
            0x20..=0x7E => out.put(c as u8 as char),
            _ if ensure_ascii => {
                if c >= 0x10000 {
                    let v = c - 0x10000;
                    push_u_escape(out, 0xD800 | (v >> 10));
                    push_u_escape(out, 0xDC00 | (v & 0x3FF));
                } else {
                    push_u_escape(out, c);
                }
            }
            _ => match char::from_u32(c) {
                Some(ch) => out.put(ch),
                // A lone surrogate, kept as generalized UTF-8.
                None => push_code_point(out, c),
            },
        }
    }
    out.put('"');
}

/// The JSON literal of `s` as a Python str (lone surrogates kept when not escaping).
pub fn encode_str_value(vm: &Vm, s: &Value, ensure_ascii: bool) -> Option<Value> {
    let ps = s.as_pystr()?;
    let mut out = Vec::with_capacity(ps.as_str().len() + 2);
    if ps.has_surrogates() {
        encode_string_into(&mut out, ps.code_points(), ensure_ascii);
    } else {
        encode_string_into(
            &mut out,
            ps.as_str().chars().map(|c| c as u32),
            ensure_ascii,
        );
    }
    Some(vm.new_str_wtf8(out))
}

impl Encoder {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        check_circular: bool,
        default: Value,
        ensure_ascii: bool,
        indent: Option<String>,
        key_separator: String,
        item_separator: String,
        sort_keys: bool,
        skipkeys: bool,
        allow_nan: bool,
    ) -> Encoder {
        Encoder {
            markers: check_circular.then(HashSet::new),
            default,
            ensure_ascii,
            indent,
            key_separator,
            item_separator,
            sort_keys,
            skipkeys,
            allow_nan,
            depth: 0,
        }
    }

    fn string(&self, out: &mut Vec<u8>, v: &Value) -> bool {
        let Some(ps) = v.as_pystr() else {
            return false;
        };
        if ps.has_surrogates() {
            encode_string_into(out, ps.code_points(), self.ensure_ascii);
        } else {
            encode_string_into(
                out,
                ps.as_str().chars().map(|c| c as u32),
                self.ensure_ascii,
            );
        }
        true
    }

    fn int_text(vm: &Vm, i: &IntRef<'_>) -> PyResult<String> {
        Ok(match i {
            IntRef::Small(n) => n.to_string(),
            IntRef::Big(b) => int_to_str_radix(b, 10, vm.int_max_str_digits)?,
        })
    }

    fn float_text(&self, vm: &mut Vm, v: &Value, f: f64) -> PyResult<String> {
        if f.is_finite() {
            return Ok(float_repr(f));
        }
        if !self.allow_nan {
            let r = vm.repr(v)?;
            return Err(PyErr::value_error(format!(
                "Out of range float values are not JSON compliant: {r}"
            )));
        }
        Ok(if f.is_nan() {
            "NaN"
        } else if f > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        }
        .to_string())
    }

    fn enter(&mut self, vm: &mut Vm) -> PyResult<()> {
        if self.depth + vm.frames.len() >= NESTING_LIMIT {
            return Err(PyErr::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded while encoding a JSON object",
            ));
        }
        self.depth += 1;
        Ok(())
    }

    fn mark(&mut self, v: &Value) -> PyResult<Option<usize>> {
        let Some(markers) = &mut self.markers else {
            return Ok(None);
        };
        let id = v.bits() as usize;
        if !markers.insert(id) {
            return Err(PyErr::value_error("Circular reference detected"));
        }
        Ok(Some(id))
    }

    fn unmark(&mut self, id: Option<usize>) {
        if let (Some(markers), Some(id)) = (&mut self.markers, id) {
            markers.remove(&id);
        }
    }

    fn newline(&self, out: &mut Vec<u8>, level: usize) {
        if let Some(unit) = &self.indent {
            out.put('\n');
            for _ in 0..level {
                out.put_str(unit);
            }
        }
    }

    /// Appends the JSON text of `v` at nesting `level`.
    pub fn encode(
        &mut self,
        vm: &mut Vm,
        out: &mut Vec<u8>,
        v: &Value,
        level: usize,
    ) -> PyResult<()> {
        if v.is_none() {
            out.put_str("null");
            return Ok(());
        }
        if let Some(b) = v.as_bool() {
            out.put_str(if b { "true" } else { "false" });
            return Ok(());
        }
        if self.string(out, v) {
            return Ok(());
        }
        if let Some(i) = as_int(v) {
            out.put_str(&Self::int_text(vm, &i)?);
            return Ok(());
        }
        if let Some(f) = as_float(v) {
            let text = self.float_text(vm, v, f)?;
            out.put_str(&text);
            return Ok(());
        }
        match v.payload() {
            Some(Payload::List(_)) | Some(Payload::Tuple(_)) => {
                self.enter(vm)?;
                let r = self.list(vm, out, v, level);
                self.depth -= 1;
                r
            }
            Some(Payload::Dict(_)) => {
                self.enter(vm)?;
                let r = self.dict(vm, out, v, level);
                self.depth -= 1;
                r
            }
            _ => {
                let id = self.mark(v)?;
                let default = self.default.clone();
                let replacement = vm.call(&default, std::slice::from_ref(v))?;
                self.enter(vm)?;
                let r = self.encode(vm, out, &replacement, level);
                self.depth -= 1;
                r?;
                self.unmark(id);
                Ok(())
            }
        }
    }

    fn list(&mut self, vm: &mut Vm, out: &mut Vec<u8>, v: &Value, level: usize) -> PyResult<()> {
        let items: Vec<Value> = match v.payload() {
            Some(Payload::List(l)) => l.borrow().clone(),
            Some(Payload::Tuple(t)) => t.to_vec(),
            _ => Vec::new(),
        };
        if items.is_empty() {
            out.put_str("[]");
            return Ok(());
        }
        let id = self.mark(v)?;
        out.put('[');
        self.newline(out, level + 1);
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.put_str(&self.item_separator);
                self.newline(out, level + 1);
            }
            self.encode(vm, out, item, level + 1)?;
        }
        self.newline(out, level);
        out.put(']');
        self.unmark(id);
        Ok(())
    }

    fn dict(&mut self, vm: &mut Vm, out: &mut Vec<u8>, v: &Value, level: usize) -> PyResult<()> {
        let exact = vm.type_of(v).is(&vm.types.dict);
        let mut items: Vec<(Value, Value)> = if exact {
            match v.as_dict() {
                Some(d) => d.borrow().items(),
                None => Vec::new(),
            }
        } else {
            let method = vm.getattr_str(v, "items")?;
            let view = vm.call(&method, &[])?;
            let mut pairs = Vec::new();
            for item in vm.collect_iterable(&view)? {
                match item.as_tuple() {
                    Some([k, val]) => pairs.push((k.clone(), val.clone())),
                    _ => return Err(PyErr::value_error("items must return 2-tuples")),
                }
            }
            pairs
        };
        if items.is_empty() {
            out.put_str("{}");
            return Ok(());
        }
        let id = self.mark(v)?;
        if self.sort_keys {
            let mut tuples: Vec<Value> = items
                .drain(..)
                .map(|(k, val)| vm.new_tuple(vec![k, val]))
                .collect();
            crate::builtins::list::sort::sort_values(vm, &mut tuples, None, false)?;
            for t in &tuples {
                if let Some([k, val]) = t.as_tuple() {
                    items.push((k.clone(), val.clone()));
                }
            }
        }
        out.put('{');
        self.newline(out, level + 1);
        let mut first = true;
        for (key, value) in &items {
            let start = out.len();
            if !first {
                out.put_str(&self.item_separator);
                self.newline(out, level + 1);
            }
            if !self.key(vm, out, key)? {
                out.truncate(start);
                continue;
            }
            first = false;
            out.put_str(&self.key_separator);
            self.encode(vm, out, value, level + 1)?;
        }
        self.newline(out, level);
        out.put('}');
        self.unmark(id);
        Ok(())
    }

    /// Appends the JSON key for `key`; false if it is skipped (`skipkeys`).
    fn key(&mut self, vm: &mut Vm, out: &mut Vec<u8>, key: &Value) -> PyResult<bool> {
        if self.string(out, key) {
            return Ok(true);
        }
        let text = if let Some(f) = as_float(key) {
            self.float_text(vm, key, f)?
        } else if let Some(b) = key.as_bool() {
            (if b { "true" } else { "false" }).to_string()
        } else if key.is_none() {
            "null".to_string()
        } else if let Some(i) = as_int(key) {
            Self::int_text(vm, &i)?
        } else if self.skipkeys {
            return Ok(false);
        } else {
            return Err(PyErr::type_error(format!(
                "keys must be str, int, float, bool or None, not {}",
                vm.type_name(key)
            )));
        };
        encode_string_into(out, text.chars().map(|c| c as u32), self.ensure_ascii);
        Ok(true)
    }
}
