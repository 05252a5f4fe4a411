//! The JSON scanner (what CPython's `_json` accelerates): one recursive-descent pass over
//! the document's bytes (generalized UTF-8, so lone surrogates survive), building Python
//! values directly. Positions in errors and results are code-point indices, computed only
//! when needed. Error messages and positions follow CPython's scanner exactly, including
//! the quirks (an unterminated empty array reports "Expecting value" at its last char).

use crate::object::Value;
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::text::number_parse::{parse_float, parse_int};
use crate::vm::Vm;

/// How deep documents may nest (CPython's C recursion limit is of this order).
const NESTING_LIMIT: usize = 10_000;

/// Why scanning stopped early.
pub enum ScanError {
    /// No JSON value starts at this byte offset (`StopIteration(idx)` in CPython).
    NoValue(usize),
    /// A `JSONDecodeError(msg, doc, pos)` at this byte offset.
    Syntax(&'static str, usize),
    /// Any other Python exception (from a hook, or a RecursionError).
    Py(PyErr),
}

impl From<PyErr> for ScanError {
    fn from(e: PyErr) -> ScanError {
        ScanError::Py(e)
    }
}

type ScanResult<T> = Result<T, ScanError>;

/// The decoder's options, read from a `JSONDecoder` (or any object with these attributes).
pub struct Options {
    pub strict: bool,
    pub object_hook: Option<Value>,
    pub object_pairs_hook: Option<Value>,
    /// `None` when it is the builtin `float` (parsed natively).
    pub parse_float: Option<Value>,
    /// `None` when it is the builtin `int` (parsed natively).
    pub parse_int: Option<Value>,
    pub parse_constant: Value,
}

impl Options {
    /// Reads the options from the decoder object `ctx`, as CPython's `make_scanner` does.
    pub fn from_context(vm: &mut Vm, ctx: &Value) -> PyResult<Options> {
        let strict = vm.getattr_str(ctx, "strict")?;
        let strict = vm.truthy(&strict)?;
        let opt = |v: Value| if v.is_none() { None } else { Some(v) };
        let object_hook = opt(vm.getattr_str(ctx, "object_hook")?);
        let object_pairs_hook = opt(vm.getattr_str(ctx, "object_pairs_hook")?);
        let parse_float = vm.getattr_str(ctx, "parse_float")?;
        let parse_float = if parse_float.is(&vm.types.float) {
            None
        } else {
            Some(parse_float)
        };
        let parse_int = vm.getattr_str(ctx, "parse_int")?;
        let parse_int = if parse_int.is(&vm.types.int) {
            None
        } else {
            Some(parse_int)
        };
        let parse_constant = vm.getattr_str(ctx, "parse_constant")?;
        Ok(Options {
            strict,
            object_hook,
            object_pairs_hook,
            parse_float,
            parse_int,
            parse_constant,
        })
    }
}

/// A scan over one document.
pub struct Scanner<'a> {
    pub bytes: &'a [u8],
    pub opts: &'a Options,
    depth: usize,
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// The byte offset of code point `idx` in generalized UTF-8 `bytes` (the end if past it).
pub fn byte_offset(bytes: &[u8], idx: usize) -> usize {
    let mut seen = 0;
    for (i, b) in bytes.iter().enumerate() {
        if b & 0xC0 != 0x80 {
            if seen == idx {
                return i;
            }
            seen += 1;
        }
    }
    bytes.len()
}

/// The code-point index of byte offset `pos` in generalized UTF-8 `bytes`.
pub fn char_index(bytes: &[u8], pos: usize) -> usize {
    let end = pos.min(bytes.len());
    bytes[..end].iter().filter(|b| *b & 0xC0 != 0x80).count()
}

fn hex4(bytes: &[u8], at: usize) -> Option<u32> {
    let digits = bytes.get(at..at + 4)?;
    let mut v = 0u32;
    for d in digits {
        v = v * 16 + (*d as char).to_digit(16)?;
    }
    Some(v)
}

/// Appends code point `c` (surrogates allowed) as generalized UTF-8.
pub fn push_code_point(out: &mut Vec<u8>, c: u32) {
    if c < 0x80 {
        out.push(c as u8);
    } else if c < 0x800 {
        out.push(0xC0 | (c >> 6) as u8);
        out.push(0x80 | (c & 0x3F) as u8);
    } else if c < 0x10000 {
        out.push(0xE0 | (c >> 12) as u8);
        out.push(0x80 | ((c >> 6) & 0x3F) as u8);
        out.push(0x80 | (c & 0x3F) as u8);
    } else {
        out.push(0xF0 | (c >> 18) as u8);
        out.push(0x80 | ((c >> 12) & 0x3F) as u8);
        out.push(0x80 | ((c >> 6) & 0x3F) as u8);
        out.push(0x80 | (c & 0x3F) as u8);
    }
}

/// Scans a JSON string whose opening quote is just before byte `end`; returns the
/// decoded text (generalized UTF-8) and the byte offset after the closing quote.
pub fn scan_string(bytes: &[u8], end: usize, strict: bool) -> ScanResult<(Vec<u8>, usize)> {
    let begin = end.saturating_sub(1);
    let mut out: Vec<u8> = Vec::new();
    let mut pos = end;
    loop {
        // Copy the run up to the next quote or backslash.
        let run_start = pos;
        while pos < bytes.len() {
            let b = bytes[pos];
            if b == b'"' || b == b'\\' {
                break;
            }
            if b <= 0x1f && strict {
                return Err(ScanError::Syntax("Invalid control character at", pos));
            }
            pos += 1;
        }
        if pos >= bytes.len() {
            return Err(ScanError::Syntax("Unterminated string starting at", begin));
        }
        out.extend_from_slice(&bytes[run_start..pos]);
        if bytes[pos] == b'"' {
            return Ok((out, pos + 1));
        }
        // A backslash escape.
        pos += 1;
        let Some(&esc) = bytes.get(pos) else {
            return Err(ScanError::Syntax("Unterminated string starting at", begin));
        };
        if esc != b'u' {
            let c = match esc {
                b'"' => b'"',
                b'\\' => b'\\',
                b'/' => b'/',
                b'b' => 8,
                b'f' => 12,
                b'n' => b'\n',
                b'r' => b'\r',
                b't' => b'\t',
                _ => return Err(ScanError::Syntax("Invalid \\escape", pos - 1)),
            };
            out.push(c);
            pos += 1;
            continue;
        }
        // \uXXXX: CPython requires the four digits and at least one more char.
        let digits_at = pos + 1;
        if digits_at + 4 >= bytes.len() {
            return Err(ScanError::Syntax("Invalid \\uXXXX escape", pos));
        }
        let Some(mut c) = hex4(bytes, digits_at) else {
            return Err(ScanError::Syntax("Invalid \\uXXXX escape", pos));
        };
        pos = digits_at + 4;
        if (0xD800..0xDC00).contains(&c)
            && pos + 6 < bytes.len()
            && bytes[pos] == b'\\'
            && bytes[pos + 1] == b'u'
        {
            let Some(c2) = hex4(bytes, pos + 2) else {
                return Err(ScanError::Syntax("Invalid \\uXXXX escape", pos + 1));
            };
            if (0xDC00..0xE000).contains(&c2) {
                c = 0x10000 + ((c - 0xD800) << 10) + (c2 - 0xDC00);
                pos += 6;
            }
        }
        push_code_point(&mut out, c);
    }
}

impl<'a> Scanner<'a> {
    pub fn new(bytes: &'a [u8], opts: &'a Options) -> Scanner<'a> {
        Scanner {
            bytes,
            opts,
            depth: 0,
        }
    }

    fn skip_ws(&self, mut pos: usize) -> usize {
        while pos < self.bytes.len() && is_ws(self.bytes[pos]) {
            pos += 1;
        }
        pos
    }

    fn at(&self, pos: usize) -> Option<u8> {
        self.bytes.get(pos).copied()
    }

    fn starts_with(&self, pos: usize, word: &[u8]) -> bool {
        self.bytes.get(pos..pos + word.len()) == Some(word)
    }

    /// Scans one JSON value starting at byte `pos`; returns it and the offset after it.
    pub fn scan_once(&mut self, vm: &mut Vm, pos: usize) -> ScanResult<(Value, usize)> {
        let Some(b) = self.at(pos) else {
            return Err(ScanError::NoValue(pos));
        };
        match b {
            b'"' => {
                let (text, end) = scan_string(self.bytes, pos + 1, self.opts.strict)?;
                Ok((vm.new_str_wtf8(text), end))
            }
            b'{' => self.nested(vm, pos, true),
            b'[' => self.nested(vm, pos, false),
            b'n' if self.starts_with(pos, b"null") => Ok((Value::NONE, pos + 4)),
            b't' if self.starts_with(pos, b"true") => Ok((Value::TRUE, pos + 4)),
            b'f' if self.starts_with(pos, b"false") => Ok((Value::FALSE, pos + 5)),
            b'N' if self.starts_with(pos, b"NaN") => self.constant(vm, "NaN", pos),
            b'I' if self.starts_with(pos, b"Infinity") => self.constant(vm, "Infinity", pos),
            b'-' if self.starts_with(pos, b"-Infinity") => self.constant(vm, "-Infinity", pos),
            _ => self.number(vm, pos),
        }
    }

    fn nested(&mut self, vm: &mut Vm, pos: usize, object: bool) -> ScanResult<(Value, usize)> {
        if self.depth + vm.frames.len() >= NESTING_LIMIT {
            let what = if object { "object" } else { "array" };
            return Err(ScanError::Py(PyErr::new(
                ExcKind::RecursionError,
                format!(
                    "maximum recursion depth exceeded while decoding a JSON {what} from a unicode string"
                ),
            )));
        }
        self.depth += 1;
        let r = if object {
            self.object(vm, pos + 1)
        } else {
            self.array(vm, pos + 1)
        };
        self.depth -= 1;
        r
    }

    fn constant(&mut self, vm: &mut Vm, name: &str, pos: usize) -> ScanResult<(Value, usize)> {
        let arg = vm.new_str(name);
        let f = self.opts.parse_constant.clone();
        let v = vm.call(&f, &[arg])?;
        Ok((v, pos + name.len()))
    }

    fn digits(&self, mut pos: usize) -> usize {
        while self.at(pos).is_some_and(|b| b.is_ascii_digit()) {
            pos += 1;
        }
        pos
    }

    fn number(&mut self, vm: &mut Vm, start: usize) -> ScanResult<(Value, usize)> {
        let len = self.bytes.len();
        let mut pos = start;
        if self.at(pos) == Some(b'-') {
            pos += 1;
            if pos >= len {
                return Err(ScanError::NoValue(start));
            }
        }
        match self.at(pos) {
            Some(b'1'..=b'9') => pos = self.digits(pos + 1),
            Some(b'0') => pos += 1,
            _ => return Err(ScanError::NoValue(start)),
        }
        let mut is_float = false;
        if pos + 1 < len && self.bytes[pos] == b'.' && self.bytes[pos + 1].is_ascii_digit() {
            is_float = true;
            pos = self.digits(pos + 2);
        }
        if pos + 1 < len && matches!(self.bytes[pos], b'e' | b'E') {
            let e_start = pos;
            let mut p = pos + 1;
            if p + 1 < len && matches!(self.bytes[p], b'-' | b'+') {
                p += 1;
            }
            p = self.digits(p);
            if self.bytes[p - 1].is_ascii_digit() {
                is_float = true;
                pos = p;
            } else {
                pos = e_start;
            }
        }
        // The number is ASCII, so this slice is valid UTF-8.
        let text = std::str::from_utf8(&self.bytes[start..pos]).unwrap_or("0");
        let custom = if is_float {
            &self.opts.parse_float
        } else {
            &self.opts.parse_int
        };
        let value = if let Some(f) = custom {
            let f = f.clone();
            let arg = vm.new_str(text);
            vm.call(&f, &[arg])?
        } else if is_float {
            vm.new_float(parse_float(text).map_err(PyErr::from)?)
        } else if text.len() <= 18 {
            vm.new_int(text.parse::<i64>().unwrap_or(0))
        } else {
            let n = parse_int(text, 10, vm.int_max_str_digits).map_err(PyErr::from)?;
            vm.new_bigint(n)
        };
        Ok((value, pos))
    }

    fn object(&mut self, vm: &mut Vm, start: usize) -> ScanResult<(Value, usize)> {
        let pairs_hook = self.opts.object_pairs_hook.clone();
        let mut pairs: Vec<Value> = Vec::new();
        let dict = if pairs_hook.is_some() {
            Value::NONE
        } else {
            vm.new_dict()
        };
        let mut pos = self.skip_ws(start);
        if self.at(pos) != Some(b'}') {
            loop {
                if self.at(pos) != Some(b'"') {
                    return Err(ScanError::Syntax(
                        "Expecting property name enclosed in double quotes",
                        pos,
                    ));
                }
                let (key, after) = scan_string(self.bytes, pos + 1, self.opts.strict)?;
                let key = vm.new_str_wtf8(key);
                pos = self.skip_ws(after);
                if self.at(pos) != Some(b':') {
                    return Err(ScanError::Syntax("Expecting ':' delimiter", pos));
                }
                pos = self.skip_ws(pos + 1);
                let (value, after) = self.scan_once(vm, pos)?;
                if pairs_hook.is_some() {
                    pairs.push(vm.new_tuple(vec![key, value]));
                } else {
                    vm.dict_set(&dict, key, value)?;
                }
                pos = self.skip_ws(after);
                if self.at(pos) == Some(b'}') {
                    break;
                }
                if self.at(pos) != Some(b',') {
                    return Err(ScanError::Syntax("Expecting ',' delimiter", pos));
                }
                let comma = pos;
                pos = self.skip_ws(pos + 1);
                if self.at(pos) == Some(b'}') {
                    return Err(ScanError::Syntax(
                        "Illegal trailing comma before end of object",
                        comma,
                    ));
                }
            }
        }
        let end = pos + 1;
        if let Some(hook) = pairs_hook {
            let list = vm.new_list(pairs);
            return Ok((vm.call(&hook, &[list])?, end));
        }
        if let Some(hook) = self.opts.object_hook.clone() {
            return Ok((vm.call(&hook, &[dict])?, end));
        }
        Ok((dict, end))
    }

    fn array(&mut self, vm: &mut Vm, start: usize) -> ScanResult<(Value, usize)> {
        let mut items = Vec::new();
        let mut pos = self.skip_ws(start);
        if self.at(pos) != Some(b']') {
            loop {
                let (value, after) = self.scan_once(vm, pos)?;
                items.push(value);
                pos = self.skip_ws(after);
                if self.at(pos) == Some(b']') {
                    break;
                }
                if self.at(pos) != Some(b',') {
                    return Err(ScanError::Syntax("Expecting ',' delimiter", pos));
                }
                let comma = pos;
                pos = self.skip_ws(pos + 1);
                if self.at(pos) == Some(b']') {
                    return Err(ScanError::Syntax(
                        "Illegal trailing comma before end of array",
                        comma,
                    ));
                }
            }
        }
        Ok((vm.new_list(items), pos + 1))
    }

    /// Skips JSON whitespace from byte `pos`.
    pub fn whitespace_end(&self, pos: usize) -> usize {
        self.skip_ws(pos)
    }
}
