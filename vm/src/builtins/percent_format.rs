//! printf-style formatting: `str % args` and `bytes % args`.
//!
//! One engine serves both. A bytes template is processed as Latin-1 text (each byte is one
//! `char` below 256), so the parsing in `text::percent`, widths and code-point indices in
//! error messages work unchanged, and the result is turned back into bytes at the end.
//!
//! Argument fetching mirrors CPython's `unicode_format_getnextarg`: a tuple supplies its
//! items in order; any other value is a single argument that may be taken once; a mapping
//! (anything with `__getitem__` that is not a tuple or str) additionally serves `%(key)s`
//! lookups, and after such a lookup the looked-up value becomes the single argument.

use num_bigint::BigInt;

use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::numbers::{as_float, as_int};
use crate::text::percent::{
    PercentCount, PercentSpec, format_percent_float, format_percent_int, parse_percent_spec,
};
use crate::vm::Vm;

/// Registers this module's builtins and methods (none: `%` is an operator).
pub fn install(_vm: &mut Vm) {}

pub fn str_percent(vm: &mut Vm, template: &Value, args: &Value) -> PyResult<Value> {
    let Some(t) = template.as_str() else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if !t.contains('%') {
        let out = t.to_string();
        check_unused(vm, args)?;
        return Ok(vm.new_string(out));
    }
    let t = t.to_string();
    let out = format(vm, &t, args, false)?;
    Ok(vm.new_string(out))
}

pub fn bytes_percent(vm: &mut Vm, template: &Value, args: &Value) -> PyResult<Value> {
    let Some(data) = vm.bytes_like(template) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let t: String = data.iter().map(|&b| char::from(b)).collect();
    let out = format(vm, &t, args, true)?;
    let bytes: Vec<u8> = out.chars().map(|c| u32::from(c) as u8).collect();
    if matches!(template.payload(), Some(Payload::ByteArray(_))) {
        return Ok(vm.new_bytearray(bytes));
    }
    Ok(vm.new_bytes(bytes))
}

/// A template without conversions still rejects a surplus non-mapping argument.
fn check_unused(vm: &Vm, args: &Value) -> PyResult<()> {
    let unused = match args.as_tuple() {
        Some(items) => !items.is_empty(),
        None => !is_mapping(vm, args),
    };
    if unused {
        return Err(PyErr::type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(())
}

/// CPython's `PyMapping_Check(v) && !PyTuple_Check(v) && !PyUnicode_Check(v)`: anything
/// subscriptable, lists and bytes included.
fn is_mapping(vm: &Vm, v: &Value) -> bool {
    v.as_tuple().is_none()
        && v.as_pystr().is_none()
        && (matches!(
            v.payload(),
            Some(
                Payload::Dict(_)
                    | Payload::List(_)
                    | Payload::Bytes(_)
                    | Payload::ByteArray(_)
                    | Payload::Range(_)
            )
        ) || vm.lookup_special(v, "__getitem__").is_some())
}

/// The argument cursor (CPython's `arglen`/`argidx` pair; `arglen == -1` means a single
/// non-tuple argument).
struct ArgCursor {
    args: Value,
    arglen: i64,
    argidx: i64,
}

impl ArgCursor {
    fn new(args: &Value) -> ArgCursor {
        match args.as_tuple() {
            Some(items) => ArgCursor {
                args: args.clone(),
                arglen: items.len() as i64,
                argidx: 0,
            },
            None => ArgCursor::single(args.clone()),
        }
    }

    fn single(v: Value) -> ArgCursor {
        ArgCursor {
            args: v,
            arglen: -1,
            argidx: -2,
        }
    }

    fn next(&mut self) -> PyResult<Value> {
        let idx = self.argidx;
        if idx < self.arglen {
            self.argidx += 1;
            if self.arglen < 0 {
                return Ok(self.args.clone());
            }
            if let Some(v) = self.args.as_tuple().and_then(|t| t.get(idx as usize)) {
                return Ok(v.clone());
            }
        }
        Err(PyErr::type_error("not enough arguments for format string"))
    }
}

fn format(vm: &mut Vm, t: &str, args: &Value, bytes: bool) -> PyResult<String> {
    let mut out = String::with_capacity(t.len() + 16);
    let mut cursor = ArgCursor::new(args);
    let dict = if is_mapping(vm, args) {
        Some(args.clone())
    } else {
        None
    };
    let mut rest = t;
    let mut index = 0usize;
    while let Some(p) = rest.find('%') {
        out.push_str(&rest[..p]);
        index += rest[..p].chars().count();
        let after = &rest[p + 1..];
        let (mut spec, used) = parse_percent_spec(after, index + 1)?;
        index += 1 + after[..used].chars().count();
        rest = &after[used..];
        if spec.literal_percent {
            out.push('%');
            continue;
        }
        if let Some(key) = &spec.key {
            let Some(d) = &dict else {
                return Err(PyErr::type_error("format requires a mapping"));
            };
            let k = if bytes {
                vm.new_bytes(key.chars().map(|c| u32::from(c) as u8).collect())
            } else {
                vm.new_str(key)
            };
            let v = vm.getitem(d, &k)?;
            cursor = ArgCursor::single(v);
        }
        if spec.width == PercentCount::Star {
            let w = cursor.next()?;
            let w = star_int(&w)?;
            spec.apply_star_width(w);
        }
        if spec.precision == PercentCount::Star {
            let p = cursor.next()?;
            let p = star_int(&p)?;
            let p = i32::try_from(p).map_err(|_| PyErr::value_error("precision too big"))?;
            spec.apply_star_precision(p);
        }
        let arg = cursor.next()?;
        convert(vm, &spec, &arg, bytes, &mut out)?;
    }
    out.push_str(rest);
    if cursor.argidx < cursor.arglen && dict.is_none() {
        return Err(PyErr::type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(out)
}

fn star_int(v: &Value) -> PyResult<i64> {
    match as_int(v) {
        Some(i) => i
            .to_i64()
            .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C ssize_t")),
        None => Err(PyErr::type_error("* wants int")),
    }
}

/// Pads text for `%s`-like conversions (the `0` flag does not apply to text).
fn push_padded(out: &mut String, spec: &PercentSpec, text: &str) {
    let len = text.chars().count();
    let width = match spec.width {
        PercentCount::Value(w) => w,
        _ => 0,
    };
    let pad = width.saturating_sub(len);
    if !spec.left_adjust {
        out.extend(std::iter::repeat_n(' ', pad));
    }
    out.push_str(text);
    if spec.left_adjust {
        out.extend(std::iter::repeat_n(' ', pad));
    }
}

fn truncate(text: &str, spec: &PercentSpec) -> String {
    match spec.precision {
        PercentCount::Value(p) => crate::text::str_repr::truncate_chars(text, p).to_string(),
        _ => text.to_string(),
    }
}

fn convert(
    vm: &mut Vm,
    spec: &PercentSpec,
    arg: &Value,
    bytes: bool,
    out: &mut String,
) -> PyResult<()> {
    match spec.conversion {
        's' | 'b' if bytes => {
            let data = bytes_for_b(vm, arg)?;
            let text: String = data.iter().map(|&b| char::from(b)).collect();
            push_padded(out, spec, &truncate(&text, spec));
        }
        's' => {
            let s = vm.str(arg)?;
            push_padded(out, spec, &truncate(&s, spec));
        }
        'r' | 'a' => {
            let r = vm.repr(arg)?;
            let r = if spec.conversion == 'a' || bytes {
                super::repr::ascii_escape(&r)
            } else {
                r
            };
            push_padded(out, spec, &truncate(&r, spec));
        }
        'c' => {
            let c = if bytes {
                byte_char(vm, arg)?
            } else {
                str_char(arg)?
            };
            let mut buf = [0u8; 4];
            push_padded(out, spec, c.encode_utf8(&mut buf));
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            let i = percent_int(vm, arg, spec.conversion)?;
            out.push_str(&format_percent_int(&i, spec)?);
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let f = vm.to_f64(arg)?;
            out.push_str(&format_percent_float(f, spec)?);
        }
        _ => return Err(spec.unsupported_error().into()),
    }
    Ok(())
}

/// The integer for `%d %i %u` (`int(x)` rules) or `%o %x %X` (`__index__` only).
fn percent_int(vm: &mut Vm, arg: &Value, conv: char) -> PyResult<BigInt> {
    if let Some(i) = as_int(arg) {
        return Ok(i.to_bigint());
    }
    let index_only = matches!(conv, 'o' | 'x' | 'X');
    let wrong = |vm: &Vm| {
        PyErr::type_error(format!(
            "%{conv} format: {} is required, not {}",
            if index_only {
                "an integer"
            } else {
                "a real number"
            },
            vm.type_name(arg)
        ))
    };
    if index_only {
        if vm.lookup_special(arg, "__index__").is_none() {
            return Err(wrong(vm));
        }
        let v = vm.index_value(arg)?;
        return as_int(&v).map(|i| i.to_bigint()).ok_or_else(|| wrong(vm));
    }
    if let Some(f) = as_float(arg) {
        return super::int_float::float_to_int(f);
    }
    let is_number = ["__int__", "__index__", "__float__"]
        .iter()
        .any(|n| vm.lookup_special(arg, n).is_some())
        || matches!(arg.payload(), Some(Payload::Complex(..)));
    if !is_number {
        return Err(wrong(vm));
    }
    match super::int_float::int_from_number(vm, arg) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => Err(wrong(vm)),
        Err(e) if vm.err_matches(&e, crate::runtime::errors::ExcKind::TypeError) => Err(wrong(vm)),
        Err(e) => Err(e),
    }
}

fn str_char(arg: &Value) -> PyResult<char> {
    if let Some(s) = arg.as_pystr() {
        if s.char_len() == 1
            && let Some(c) = s.as_str().chars().next()
        {
            return Ok(c);
        }
        return Err(PyErr::type_error("%c requires int or char"));
    }
    match as_int(arg) {
        Some(i) => {
            let code = i
                .to_i64()
                .filter(|v| (0..0x11_0000).contains(v))
                .ok_or_else(|| PyErr::overflow_error("%c arg not in range(0x110000)"))?;
            Ok(char::from_u32(code as u32).unwrap_or('\u{FFFD}'))
        }
        None => Err(PyErr::type_error("%c requires int or char")),
    }
}

fn byte_char(vm: &Vm, arg: &Value) -> PyResult<char> {
    if let Some(data) = vm.bytes_like(arg) {
        if data.len() == 1 {
            return Ok(char::from(data[0]));
        }
    } else if let Some(i) = as_int(arg) {
        let b = i
            .to_i64()
            .filter(|v| (0..256).contains(v))
            .ok_or_else(|| PyErr::overflow_error("%c arg not in range(256)"))?;
        return Ok(char::from(b as u8));
    }
    Err(PyErr::type_error(
        "%c requires an integer in range(256) or a single byte",
    ))
}

/// The bytes for `%b`/`%s` in a bytes template: bytes-like or `__bytes__`.
fn bytes_for_b(vm: &mut Vm, arg: &Value) -> PyResult<Vec<u8>> {
    if let Some(data) = vm.bytes_like(arg) {
        return Ok(data);
    }
    if let Some(m) = vm.lookup_special(arg, "__bytes__") {
        let r = vm.call(&m, &[arg.clone()])?;
        if let Some(data) = vm.bytes_like(&r) {
            return Ok(data);
        }
        return Err(PyErr::type_error(format!(
            "__bytes__ returned non-bytes (type {})",
            vm.type_name(&r)
        )));
    }
    Err(PyErr::type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        vm.type_name(arg)
    )))
}
