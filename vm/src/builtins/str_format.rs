//! `format()`, f-string formatting, `str.format`/`str.format_map`, and the `__format__`
//! methods of the builtin types.
//!
//! `format_value` is what the `FORMAT_SIMPLE`/`FORMAT_WITH_SPEC` opcodes and `format()`
//! call: exact builtin numbers and strings are formatted directly with `text::format_spec`;
//! anything else goes through its type's `__format__`.
//!
//! `str.format` follows CPython's `unicode_format.h` closely, because its error messages
//! depend on the exact scanning order: a `MarkupIterator` splits the template into literal
//! text and replacement fields (`{name!conv:spec}`), the field name is split into a first
//! part (an auto or manual index, or a keyword) and a chain of `.attr` / `[key]` lookups,
//! and a format spec containing braces is itself expanded (at most two levels deep).

use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::runtime::numbers::{as_float, as_int};
use crate::text::format_spec::{format_float_with, format_int_with, format_str_with};
use crate::vm::Vm;

use super::native_util::recv_str;

/// Registers `format()`, `str.format`, `str.format_map` and the builtin `__format__`s.
pub fn install(vm: &mut Vm) {
    let str_ty = vm.types.str_.clone();
    vm.add_method(&str_ty, "format", str_format_method);
    vm.add_method(&str_ty, "format_map", str_format_map);
    for ty in [
        vm.types.str_.clone(),
        vm.types.int.clone(),
        vm.types.float.clone(),
        vm.types.complex.clone(),
        vm.types.object.clone(),
    ] {
        vm.add_method(&ty, "__format__", dunder_format);
    }
}

/// Registers the `format` builtin (called once the builtins module exists).
pub fn install_builtins(vm: &mut Vm) {
    vm.add_builtin("format", builtin_format);
}

/// `format(value, spec)` (the `FORMAT_SIMPLE`/`FORMAT_WITH_SPEC` opcodes use it).
pub fn format_value(vm: &mut Vm, value: &Value, spec: &str) -> PyResult<Value> {
    if !spec.is_empty() && value.as_pystr().is_some_and(|s| s.has_surrogates()) {
        let spec = spec.to_string();
        return super::str_surrogates::call_mapped(vm, std::slice::from_ref(value), |vm, m| {
            format_value(vm, &m[0], &spec)
        });
    }
    if vm.is_exact_builtin(value)
        && let Some(r) = format_builtin(vm, value, spec)?
    {
        return Ok(r);
    }
    let Some(method) = vm.lookup_special(value, "__format__") else {
        return object_format(vm, value, spec);
    };
    let spec_v = vm.new_str(spec);
    let r = vm.call(&method, &[value.clone(), spec_v])?;
    if r.as_pystr().is_none() {
        return Err(PyErr::type_error(format!(
            "__format__ must return a str, not {}",
            vm.type_name(&r)
        )));
    }
    Ok(r)
}

/// Formats a value of a builtin type by its payload (subclasses included, for their
/// inherited `__format__`); `None` if the type has no builtin formatting.
fn format_builtin(vm: &mut Vm, value: &Value, spec: &str) -> PyResult<Option<Value>> {
    if let Some(b) = value.as_bool() {
        if spec.is_empty() {
            return Ok(Some(vm.new_str(if b { "True" } else { "False" })));
        }
        let s = format_int_with(&(b as i64).into(), spec, "bool")?;
        return Ok(Some(vm.new_string(s)));
    }
    if let Some(i) = value.as_small_int()
        && spec.is_empty()
    {
        return Ok(Some(vm.new_string(i.to_string())));
    }
    if let Some(i) = as_int(value) {
        if spec.is_empty() {
            let s = super::int_float::int_to_decimal(vm, &i.to_bigint())?;
            return Ok(Some(vm.new_string(s)));
        }
        let name = vm.type_name(value);
        let s = format_int_with(&i.to_bigint(), spec, &name)?;
        return Ok(Some(vm.new_string(s)));
    }
    if let Some(f) = as_float(value) {
        if spec.is_empty() {
            return Ok(Some(vm.new_string(crate::text::float_repr::float_repr(f))));
        }
        let name = vm.type_name(value);
        let s = format_float_with(f, spec, &name)?;
        return Ok(Some(vm.new_string(s)));
    }
    match value.payload() {
        Some(Payload::Str(s)) => {
            if spec.is_empty() {
                return Ok(Some(super::str_methods::reuse_or_new(
                    vm,
                    value,
                    s.as_str(),
                )));
            }
            let name = vm.type_name(value);
            let r = format_str_with(s.as_str(), spec, &name)?;
            Ok(Some(vm.new_string(r)))
        }
        Some(Payload::Complex(re, im)) => {
            let name = vm.type_name(value);
            let r = super::complex::format_complex(*re, *im, spec, &name)?;
            Ok(Some(vm.new_string(r)))
        }
        _ => Ok(None),
    }
}

/// `object.__format__`: `str(self)` for an empty spec, else a TypeError.
fn object_format(vm: &mut Vm, value: &Value, spec: &str) -> PyResult<Value> {
    if !spec.is_empty() {
        return Err(PyErr::type_error(format!(
            "unsupported format string passed to {}.__format__",
            vm.type_name(value)
        )));
    }
    vm.str_value(value)
}

/// `T.__format__(self, spec)` for the builtin types (and `object`).
fn dunder_format(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.positional();
    let (Some(value), Some(spec)) = (a.first(), a.get(1)) else {
        return Err(PyErr::type_error(format!(
            "__format__ expected 1 argument, got {}",
            a.len().saturating_sub(1)
        )));
    };
    args.no_keywords("__format__")?;
    if a.len() > 2 {
        return Err(PyErr::type_error(format!(
            "__format__ expected 1 argument, got {}",
            a.len() - 1
        )));
    }
    let Some(spec) = spec.as_str() else {
        return Err(PyErr::type_error(format!(
            "__format__() argument must be str, not {}",
            super::native_util::arg_type_name(vm, spec)
        )));
    };
    let spec = spec.to_string();
    // An empty spec means `str(value)` for subclasses (str subclasses included), so an
    // overridden `__str__` is honoured, as CPython's advanced formatter does.
    if spec.is_empty() && !vm.is_exact_builtin(value) {
        return vm.str_value(value);
    }
    match format_builtin(vm, value, &spec)? {
        Some(r) => Ok(r),
        None => object_format(vm, value, &spec),
    }
}

/// The `format(value, format_spec='')` builtin.
fn builtin_format(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range("format", 1, 2)?;
    let spec = match a.get(1) {
        None => String::new(),
        Some(s) => match s.as_str() {
            Some(s) => s.to_string(),
            None => {
                return Err(PyErr::type_error(format!(
                    "format() argument 2 must be str, not {}",
                    super::native_util::arg_type_name(vm, s)
                )));
            }
        },
    };
    format_value(vm, &a[0], &spec)
}

// ---------------------------------------------------------------------------------------
// str.format

/// Where replacement fields get their values.
struct FormatArgs<'a> {
    /// Positional arguments; `None` for `format_map` (positional fields are an error).
    positional: Option<&'a [Value]>,
    /// `**kwargs` names and values (`format`), or a mapping (`format_map`).
    keywords: Keywords<'a>,
}

enum Keywords<'a> {
    Pairs(Vec<(&'a str, &'a Value)>),
    Mapping(&'a Value),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum AutoNumber {
    Init,
    Auto,
    Manual,
}

struct Formatter<'a> {
    args: FormatArgs<'a>,
    auto: AutoNumber,
    next_index: usize,
}

fn str_format_method(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let template = recv_str(vm, &args, "format")?;
    let positional = &args.positional()[1..];
    let mut f = Formatter {
        args: FormatArgs {
            positional: Some(positional),
            keywords: Keywords::Pairs(args.keywords().collect()),
        },
        auto: AutoNumber::Init,
        next_index: 0,
    };
    let out = f.build(vm, template.as_str(), 2)?;
    Ok(vm.new_string(out))
}

fn str_format_map(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let template = recv_str(vm, &args, "format_map")?;
    let mapping = super::native_util::one_arg(&args, "str.format_map")?;
    let mut f = Formatter {
        args: FormatArgs {
            positional: None,
            keywords: Keywords::Mapping(mapping),
        },
        auto: AutoNumber::Init,
        next_index: 0,
    };
    let out = f.build(vm, template.as_str(), 2)?;
    Ok(vm.new_string(out))
}

/// One replacement field as scanned by `parse_field`.
struct Field<'c> {
    name: &'c str,
    conversion: Option<char>,
    spec: &'c str,
    spec_needs_expanding: bool,
}

impl Formatter<'_> {
    /// CPython's `build_string`: the template with every field replaced.
    fn build(&mut self, vm: &mut Vm, s: &str, depth: i32) -> PyResult<String> {
        if depth <= 0 {
            return Err(PyErr::value_error("Max string recursion exceeded"));
        }
        // Every delimiter is ASCII, so scanning bytes finds them at char boundaries and
        // slices between them are valid UTF-8.
        let b = s.as_bytes();
        let mut out = String::with_capacity(s.len() + 16);
        let mut pos = 0;
        while pos < s.len() {
            // Literal text up to the first '{' or '}'.
            let start = pos;
            let mut c = '\0';
            let mut markup = false;
            while pos < s.len() {
                c = char::from(b[pos]);
                pos += 1;
                if c == '{' || c == '}' {
                    markup = true;
                    break;
                }
            }
            let at_end = pos >= s.len();
            let mut len = pos - start;
            if c == '}' && markup && (at_end || b[pos] != b'}') {
                return Err(PyErr::value_error(
                    "Single '}' encountered in format string",
                ));
            }
            if at_end && c == '{' && markup {
                return Err(PyErr::value_error(
                    "Single '{' encountered in format string",
                ));
            }
            if !at_end && markup {
                if char::from(b[pos]) == c {
                    pos += 1;
                    markup = false;
                } else {
                    len -= 1;
                }
            }
            out.push_str(&s[start..start + len]);
            if !markup {
                continue;
            }
            let field = parse_field(s, &mut pos)?;
            self.render(vm, &field, depth, &mut out)?;
        }
        Ok(out)
    }

    fn render(
        &mut self,
        vm: &mut Vm,
        field: &Field<'_>,
        depth: i32,
        out: &mut String,
    ) -> PyResult<()> {
        let mut obj = self.field_object(vm, field.name)?;
        if let Some(conv) = field.conversion {
            obj = match conv {
                'r' => {
                    let r = vm.repr(&obj)?;
                    vm.new_string(r)
                }
                's' => vm.str_value(&obj)?,
                'a' => {
                    let r = vm.repr(&obj)?;
                    vm.new_string(super::repr::ascii_escape(&r))
                }
                c => {
                    let code = u32::from(c);
                    return Err(PyErr::value_error(if code > 32 && code < 127 {
                        format!("Unknown conversion specifier {c}")
                    } else {
                        format!("Unknown conversion specifier \\x{code:x}")
                    }));
                }
            };
        }
        let spec: String = if field.spec_needs_expanding {
            self.build(vm, field.spec, depth - 1)?
        } else {
            field.spec.to_string()
        };
        if spec.is_empty() && vm.is_exact_builtin(&obj) {
            if let Some(text) = obj.as_str() {
                out.push_str(text);
                return Ok(());
            }
            if let Some(i) = obj.as_small_int() {
                use std::fmt::Write;
                let _ = write!(out, "{i}");
                return Ok(());
            }
        }
        let r = format_value(vm, &obj, &spec)?;
        out.push_str(r.as_str().unwrap_or_default());
        Ok(())
    }

    /// Resolves a field name (`0`, `name`, `0.attr[key]`...) to its object.
    fn field_object(&mut self, vm: &mut Vm, name: &str) -> PyResult<Value> {
        let nb = name.as_bytes();
        let first_end = nb
            .iter()
            .position(|c| *c == b'.' || *c == b'[')
            .unwrap_or(name.len());
        let first = &name[..first_end];
        let index = if first.is_empty() {
            if self.auto == AutoNumber::Manual {
                return Err(PyErr::value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            self.auto = AutoNumber::Auto;
            let i = self.next_index;
            self.next_index += 1;
            Some(i)
        } else if first.bytes().all(|c| c.is_ascii_digit()) {
            let mut v: usize = 0;
            for c in first.bytes() {
                v = v
                    .checked_mul(10)
                    .and_then(|v| v.checked_add(usize::from(c - b'0')))
                    .filter(|v| *v <= isize::MAX as usize)
                    .ok_or_else(|| {
                        PyErr::value_error("Too many decimal digits in format string")
                    })?;
            }
            if self.auto == AutoNumber::Auto {
                return Err(PyErr::value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            self.auto = AutoNumber::Manual;
            Some(v)
        } else {
            None
        };
        let mut obj = match index {
            Some(i) => {
                let Some(positional) = self.args.positional else {
                    return Err(PyErr::value_error(
                        "Format string contains positional fields",
                    ));
                };
                match positional.get(i) {
                    Some(v) => v.clone(),
                    None => {
                        return Err(PyErr::index_error(format!(
                            "Replacement index {i} out of range for positional args tuple"
                        )));
                    }
                }
            }
            None => {
                let key = first;
                match &self.args.keywords {
                    Keywords::Pairs(pairs) => match pairs.iter().find(|(k, _)| *k == key) {
                        Some((_, v)) => (*v).clone(),
                        None => return Err(PyErr::key_error(vm.new_str(key))),
                    },
                    Keywords::Mapping(m) => {
                        let k = vm.new_str(key);
                        let m = (*m).clone();
                        vm.getitem(&m, &k)?
                    }
                }
            }
        };
        let mut pos = first_end;
        while pos < name.len() {
            let c = nb[pos];
            pos += 1;
            match c {
                b'.' => {
                    let start = pos;
                    while pos < name.len() && nb[pos] != b'.' && nb[pos] != b'[' {
                        pos += 1;
                    }
                    if pos == start {
                        return Err(PyErr::value_error("Empty attribute in format string"));
                    }
                    obj = vm.getattr_str(&obj, &name[start..pos])?;
                }
                b'[' => {
                    let start = pos;
                    while pos < name.len() && nb[pos] != b']' {
                        pos += 1;
                    }
                    if pos >= name.len() {
                        return Err(PyErr::value_error("Missing ']' in format string"));
                    }
                    let key = &name[start..pos];
                    pos += 1;
                    if key.is_empty() {
                        return Err(PyErr::value_error("Empty attribute in format string"));
                    }
                    let key_v = if key.bytes().all(|c| c.is_ascii_digit()) {
                        match key.parse::<i64>() {
                            Ok(i) => vm.new_int(i),
                            Err(_) => {
                                return Err(PyErr::value_error(
                                    "Too many decimal digits in format string",
                                ));
                            }
                        }
                    } else {
                        vm.new_str(key)
                    };
                    obj = vm.getitem(&obj, &key_v)?;
                    if pos < name.len() && nb[pos] != b'.' && nb[pos] != b'[' {
                        return Err(PyErr::value_error(
                            "Only '.' or '[' may follow ']' in format field specifier",
                        ));
                    }
                }
                _ => {
                    return Err(PyErr::value_error(
                        "Only '.' or '[' may follow ']' in format field specifier",
                    ));
                }
            }
        }
        Ok(obj)
    }
}

/// CPython's `parse_field`: scans `name[!conv][:spec]}` starting after the `{`.
fn parse_field<'c>(s: &'c str, pos: &mut usize) -> PyResult<Field<'c>> {
    let b = s.as_bytes();
    let name_start = *pos;
    let mut c = b'\0';
    let mut terminated = false;
    while *pos < b.len() {
        c = b[*pos];
        *pos += 1;
        match c {
            b'{' => return Err(PyErr::value_error("unexpected '{' in field name")),
            b'[' => {
                while *pos < b.len() && b[*pos] != b']' {
                    *pos += 1;
                }
                continue;
            }
            b'}' | b':' | b'!' => {
                terminated = true;
                break;
            }
            _ => continue,
        }
    }
    if !terminated {
        return Err(PyErr::value_error("expected '}' before end of string"));
    }
    let mut field = Field {
        name: &s[name_start..*pos - 1],
        conversion: None,
        spec: "",
        spec_needs_expanding: false,
    };
    if c == b'!' || c == b':' {
        if c == b'!' {
            let Some(conv) = s[*pos..].chars().next() else {
                return Err(PyErr::value_error(
                    "end of string while looking for conversion specifier",
                ));
            };
            field.conversion = Some(conv);
            *pos += conv.len_utf8();
            if *pos < b.len() {
                let next = b[*pos];
                *pos += 1;
                if next == b'}' {
                    return Ok(field);
                }
                if next != b':' {
                    return Err(PyErr::value_error(
                        "expected ':' after conversion specifier",
                    ));
                }
            }
        }
        let spec_start = *pos;
        let mut count = 1;
        while *pos < b.len() {
            let ch = b[*pos];
            *pos += 1;
            match ch {
                b'{' => {
                    field.spec_needs_expanding = true;
                    count += 1;
                }
                b'}' => {
                    count -= 1;
                    if count == 0 {
                        field.spec = &s[spec_start..*pos - 1];
                        return Ok(field);
                    }
                }
                _ => {}
            }
        }
        return Err(PyErr::value_error("unmatched '{' in format spec"));
    }
    Ok(field)
}

/// The `(key, value)` pairs of a dict, cloned out (no borrow is held afterwards).
pub fn dict_items(vm: &Vm, dict: &Value) -> PyResult<Vec<(Value, Value)>> {
    let _ = vm;
    match dict.as_dict() {
        Some(d) => Ok(d.borrow().items()),
        None => Err(PyErr::new(ExcKind::TypeError, "expected a dict")),
    }
}
