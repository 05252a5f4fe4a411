//! `complex`: the constructor (numbers, `__complex__`, and strings like `'1+2j'`),
//! arithmetic with CPython's algorithms (Smith's division, exponentiation by squaring for
//! small integral powers, so `(1+1j)**2 == 2j` exactly), `repr` (`(1+2j)`, `-0j`), `abs`
//! and `format()`. The dunders subclasses inherit are registered by `number_methods`;
//! `.real`/`.imag` are served by `int_float::number_attribute`.

use crate::bytecode::BinaryOp;
use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::numbers::{as_float, as_int, int_to_f64};
use crate::text::float_fmt::{FloatFormat, FloatKind, float_to_string};
use crate::text::format_spec::{Align, FormatSpec, Sign, format_float, parse_format_spec};
use crate::vm::Vm;

use super::native_util::{add_new, bind_method, ctor_class};

pub fn install(vm: &mut Vm) {
    let ty = vm.types.complex.clone();
    vm.set_constructor(&ty, complex_new);
    add_new(vm, &ty, complex_new);
    vm.add_method(&ty, "__complex__", complex_dunder_complex);
}

/// `z.__complex__()`: the value as an exact `complex` (subclass instances are converted).
fn complex_dunder_complex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let z = args.values.first().and_then(|v| match v.payload() {
        Some(Payload::Complex(re, im)) => Some((*re, *im)),
        _ => None,
    });
    let Some((re, im)) = z else {
        return Err(PyErr::type_error(
            "descriptor '__complex__' requires a 'complex' object",
        ));
    };
    super::native_util::no_args(&args, "complex.__complex__")?;
    if vm.is_exact_builtin(&args.values[0]) {
        return Ok(args.values[0].clone());
    }
    Ok(vm.new_complex(re, im))
}

/// A number as a complex pair, if it is an int, float or complex.
pub fn to_complex(v: &Value) -> PyResult<Option<(f64, f64)>> {
    if let Some(Payload::Complex(re, im)) = v.payload() {
        return Ok(Some((*re, *im)));
    }
    if let Some(f) = as_float(v) {
        return Ok(Some((f, 0.0)));
    }
    match as_int(v) {
        Some(i) => Ok(Some((int_to_f64(&i)?, 0.0))),
        None => Ok(None),
    }
}

/// `a op b` where at least one operand is complex; NotImplemented for other operands or
/// operators complex does not support.
pub fn complex_binary(vm: &mut Vm, a: &Value, b: &Value, op: BinaryOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (to_complex(a)?, to_complex(b)?) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let (re, im) = match op.base() {
        BinaryOp::Add => (x.0 + y.0, x.1 + y.1),
        BinaryOp::Subtract => (x.0 - y.0, x.1 - y.1),
        BinaryOp::Multiply => c_prod(x, y),
        BinaryOp::TrueDivide => c_quot(x, y)?,
        BinaryOp::Power => c_pow_checked(x, y)?,
        _ => return Ok(Value::NOT_IMPLEMENTED),
    };
    Ok(vm.new_complex(re, im))
}

fn c_prod(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `a / b` as `cmath.log` divides (None when `b` is zero: a domain error there).
pub fn c_quot_raw(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    c_quot(a, b).ok()
}

/// CPython's `_Py_c_quot` (Smith's algorithm with its NaN handling).
fn c_quot(a: (f64, f64), b: (f64, f64)) -> PyResult<(f64, f64)> {
    let abs_breal = b.0.abs();
    let abs_bimag = b.1.abs();
    if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            return Err(PyErr::zero_division("complex division by zero"));
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Ok(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bimag >= abs_breal {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Ok(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Ok((f64::NAN, f64::NAN))
    }
}

fn c_powu(x: (f64, f64), n: u64) -> (f64, f64) {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: u64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

fn c_pow(a: (f64, f64), b: (f64, f64)) -> PyResult<(f64, f64)> {
    if b == (0.0, 0.0) {
        return Ok((1.0, 0.0));
    }
    if a == (0.0, 0.0) {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(PyErr::zero_division("0.0 to a negative or complex power"));
        }
        return Ok((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    Ok((len * phase.cos(), len * phase.sin()))
}

/// `a ** b` as CPython's `complex_pow` computes it.
fn c_pow_checked(a: (f64, f64), b: (f64, f64)) -> PyResult<(f64, f64)> {
    if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n >= 0 {
            return Ok(c_powu(a, n as u64));
        }
        if a == (0.0, 0.0) {
            return Err(PyErr::zero_division("0.0 to a negative or complex power"));
        }
        return c_quot((1.0, 0.0), c_powu(a, n.unsigned_abs()));
    }
    let r = c_pow(a, b)?;
    let finite_in = a.0.is_finite() && a.1.is_finite() && b.0.is_finite() && b.1.is_finite();
    if finite_in && (r.0.is_infinite() || r.1.is_infinite()) {
        return Err(PyErr::overflow_error("complex exponentiation"));
    }
    Ok(r)
}

/// `abs(z)`, with CPython's OverflowError when the result is infinite.
pub fn complex_abs(re: f64, im: f64) -> PyResult<f64> {
    let r = re.hypot(im);
    if r.is_infinite() && re.is_finite() && im.is_finite() {
        return Err(PyErr::overflow_error("absolute value too large"));
    }
    Ok(r)
}

/// A float in the `r` format without `.0` (`1`, `2.5`, `1e+16`, `inf`).
fn part_repr(x: f64) -> String {
    float_to_string(
        x,
        &FloatFormat {
            kind: FloatKind::Repr,
            ..FloatFormat::default()
        },
    )
}

/// `repr(complex(re, im))`: `(1+2j)`, `2j`, `-0j`, `(-0+0j)`.
pub fn complex_repr(re: f64, im: f64) -> String {
    let imag = part_repr(im);
    if re == 0.0 && re.is_sign_positive() {
        return format!("{imag}j");
    }
    let sign = if imag.starts_with('-') { "" } else { "+" };
    format!("({}{sign}{imag}j)", part_repr(re))
}

/// `format(complex(re, im), spec)`.
pub fn format_complex(re: f64, im: f64, spec: &str, type_name: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(complex_repr(re, im));
    }
    let fs = parse_format_spec(spec, type_name)?;
    if fs.zero_pad || fs.fill == Some('0') {
        return Err(PyErr::value_error(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if fs.align == Some(Align::AfterSign) {
        return Err(PyErr::value_error(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let mut part = FormatSpec {
        sign: fs.sign,
        no_neg_zero: fs.no_neg_zero,
        alternate: fs.alternate,
        grouping: fs.grouping,
        precision: fs.precision,
        ty: fs.ty,
        ..FormatSpec::default()
    };
    let (mut skip_re, mut parens, mut repr_style) = (false, false, false);
    match fs.ty {
        None => {
            if re == 0.0 && re.is_sign_positive() {
                skip_re = true;
            } else {
                parens = true;
            }
            if fs.precision.is_some() {
                part.ty = Some('g');
            } else {
                repr_style = true;
            }
        }
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') => {}
        Some(c) => {
            let code = u32::from(c);
            let shown = if code > 32 && code < 128 {
                c.to_string()
            } else {
                format!("\\x{code:x}")
            };
            return Err(PyErr::value_error(format!(
                "Unknown format code '{shown}' for object of type '{type_name}'"
            )));
        }
    }
    let fmt_part = |x: f64, spec: &FormatSpec| -> PyResult<String> {
        if repr_style {
            let body = part_repr(x.abs());
            let body = if x.is_nan() { part_repr(x) } else { body };
            let negative = x.is_sign_negative() && !x.is_nan();
            let sign = match (negative, spec.sign) {
                (true, _) => "-",
                (false, Some(Sign::Plus)) => "+",
                (false, Some(Sign::Space)) => " ",
                _ => "",
            };
            return Ok(format!("{sign}{body}"));
        }
        Ok(format_float(x, spec, type_name)?)
    };
    let mut out = String::new();
    if parens {
        out.push('(');
    }
    if !skip_re {
        out.push_str(&fmt_part(re, &part)?);
        part.sign = Some(Sign::Plus);
    }
    out.push_str(&fmt_part(im, &part)?);
    out.push('j');
    if parens {
        out.push(')');
    }
    let len = out.chars().count();
    let pad = fs.width.unwrap_or(0).saturating_sub(len);
    if pad == 0 {
        return Ok(out);
    }
    let fill = fs.fill.unwrap_or(' ');
    let (left, right) = match fs.align.unwrap_or(Align::Right) {
        Align::Left => (0, pad),
        Align::Center => (pad / 2, pad - pad / 2),
        _ => (pad, 0),
    };
    let mut padded = String::with_capacity(out.len() + pad);
    padded.extend(std::iter::repeat_n(fill, left));
    padded.push_str(&out);
    padded.extend(std::iter::repeat_n(fill, right));
    Ok(padded)
}

/// Parses `complex('1+2j')` text (CPython's `complex_from_string_inner`). Underscores are
/// allowed only between digits, else `could not convert string to complex: '...'`.
fn parse_complex(s: &str) -> PyResult<(f64, f64)> {
    if s.contains('_') {
        let b = s.as_bytes();
        let ok = b.iter().enumerate().all(|(i, c)| {
            *c != b'_'
                || (i > 0
                    && b[i - 1].is_ascii_digit()
                    && b.get(i + 1).is_some_and(u8::is_ascii_digit))
        });
        if !ok {
            return Err(PyErr::value_error(format!(
                "could not convert string to complex: {}",
                crate::text::str_repr::py_str_repr(s)
            )));
        }
        return parse_complex(&s.replace('_', ""));
    }
    let bad = || PyErr::value_error("complex() arg is a malformed string");
    let mut t = s.trim_matches(crate::text::char_props::is_space);
    if let Some(inner) = t.strip_prefix('(') {
        t = inner.strip_suffix(')').ok_or_else(bad)?;
        t = t.trim_matches(crate::text::char_props::is_space);
    }
    if t.is_empty() {
        return Err(bad());
    }
    let b = t.as_bytes();
    // Find where the first number ends: a sign that follows a digit, '.', or letter
    // (but not an exponent marker) starts the second part.
    let mut split = None;
    for i in 1..b.len() {
        if (b[i] == b'+' || b[i] == b'-') && !matches!(b[i - 1], b'e' | b'E') {
            split = Some(i);
            break;
        }
    }
    let parse = |p: &str| -> PyResult<f64> {
        if p.is_empty() || p.contains(char::is_whitespace) {
            return Err(bad());
        }
        crate::text::number_parse::parse_float(p).map_err(|_| bad())
    };
    let unit = |p: &str| -> PyResult<f64> {
        match p {
            "" | "+" => Ok(1.0),
            "-" => Ok(-1.0),
            _ => parse(p),
        }
    };
    match split {
        None => match t.strip_suffix(['j', 'J']) {
            Some(imag) => Ok((0.0, unit(imag)?)),
            None => Ok((parse(t)?, 0.0)),
        },
        Some(i) => {
            let (real, imag) = t.split_at(i);
            let imag = imag.strip_suffix(['j', 'J']).ok_or_else(bad)?;
            Ok((parse(real)?, unit(imag)?))
        }
    }
}

/// A complex from one constructor argument; `what` names it in errors.
fn complex_arg(vm: &mut Vm, v: &Value, first: bool) -> PyResult<(f64, f64)> {
    if let Some(m) = vm.lookup_special(v, "__complex__") {
        let r = vm.call(&m, &[v.clone()])?;
        return match r.payload() {
            Some(Payload::Complex(re, im)) => Ok((*re, *im)),
            _ => Err(PyErr::type_error(format!(
                "__complex__ returned non-complex (type {})",
                vm.type_name(&r)
            ))),
        };
    }
    if let Some(c) = to_complex(v)? {
        return Ok(c);
    }
    if vm.lookup_special(v, "__float__").is_some() || vm.lookup_special(v, "__index__").is_some() {
        return Ok((vm.to_f64(v)?, 0.0));
    }
    Err(PyErr::type_error(if first {
        format!(
            "complex() first argument must be a string or a number, not '{}'",
            vm.type_name(v)
        )
    } else {
        format!(
            "complex() second argument must be a number, not '{}'",
            vm.type_name(v)
        )
    }))
}

fn complex_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let ty = vm.types.complex.clone();
    let cls = ctor_class(vm, &args, &ty, "complex")?;
    let b = bind_method(&args, "complex", &["real", "imag"], 0, 0)?;
    let (real, imag) = (&b[0], &b[1]);
    let (re, im) = if real.is_null() {
        if imag.is_null() {
            (0.0, 0.0)
        } else {
            let imag_is_complex = matches!(imag.payload(), Some(Payload::Complex(..)));
            let (ire, iim) = imag_arg(vm, imag)?;
            (if imag_is_complex { -iim } else { 0.0 }, ire)
        }
    } else if let Some(s) = real.as_str() {
        if !imag.is_null() {
            return Err(PyErr::type_error(
                "complex() can't take second arg if first is a string",
            ));
        }
        parse_complex(s)?
    } else {
        if imag.is_null()
            && cls.is(&ty)
            && matches!(real.payload(), Some(Payload::Complex(..)))
            && vm.is_exact_builtin(real)
        {
            return Ok(real.clone());
        }
        let real_is_complex = matches!(real.payload(), Some(Payload::Complex(..)))
            || vm.lookup_special(real, "__complex__").is_some();
        let (rre, rim) = complex_arg(vm, real, true)?;
        if imag.is_null() {
            (rre, rim)
        } else {
            let imag_is_complex = matches!(imag.payload(), Some(Payload::Complex(..)));
            let (ire, iim) = imag_arg(vm, imag)?;
            // CPython only folds in the parts that come from complex arguments, which
            // keeps the sign of `complex(0.0, -0.0)`.
            let re = if imag_is_complex { rre - iim } else { rre };
            let im = if real_is_complex { rim + ire } else { ire };
            (re, im)
        }
    };
    Ok(Value::alloc(&cls, Payload::Complex(re, im)))
}

fn imag_arg(vm: &mut Vm, imag: &Value) -> PyResult<(f64, f64)> {
    if imag.as_pystr().is_some() {
        return Err(PyErr::type_error("complex() second arg can't be a string"));
    }
    complex_arg(vm, imag, false)
}
