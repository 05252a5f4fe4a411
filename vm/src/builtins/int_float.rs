//! `int`, `bool` and `float`: constructors with CPython's conversion rules (`int(' 7 ')`,
//! `int('0x1f', 16)`, `int(3.9)`, `__int__`/`__index__`/`__trunc__`, `float('inf')`,
//! `__float__`), the named methods (`bit_length`, `to_bytes`, `as_integer_ratio`,
//! `float.hex`/`fromhex`...), and the data attributes `real`, `imag`, `numerator` and
//! `denominator` (served by `number_attribute`). The operator dunders and the numeric
//! builtins (`abs`, `round`, `pow`...) live in `number_methods` and `number_builtins`.
//!
//! Instances of user subclasses of `int`/`float` are heap objects of the subclass with an
//! `Int`/`Float` payload; exact ints and floats are usually immediates.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, Zero};

use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::numbers::{IntRef, as_float, as_int, float_to_bigint};
use crate::types::function::NativeFn;
use crate::vm::Vm;

use super::native_util::{add_classmethod, add_new, bind_method, ctor_class, descriptor_error};

pub fn install(vm: &mut Vm) {
    let int = vm.types.int.clone();
    let float = vm.types.float.clone();
    let bool_ = vm.types.bool_.clone();
    vm.set_constructor(&int, int_new);
    add_new(vm, &int, int_new);
    vm.set_constructor(&float, float_new);
    add_new(vm, &float, float_new);
    vm.set_constructor(&bool_, bool_new);
    add_new(vm, &bool_, bool_new);
    let int_methods: &[(&'static str, NativeFn)] = &[
        ("bit_length", int_bit_length),
        ("bit_count", int_bit_count),
        ("to_bytes", int_to_bytes),
        ("as_integer_ratio", int_as_integer_ratio),
        ("is_integer", int_is_integer),
    ];
    for (name, f) in int_methods {
        vm.add_method(&int, name, *f);
    }
    add_classmethod(vm, &int, "from_bytes", int_from_bytes);
    let float_methods: &[(&'static str, NativeFn)] = &[
        ("is_integer", float_is_integer),
        ("as_integer_ratio", float_as_integer_ratio),
        ("hex", float_hex),
    ];
    for (name, f) in float_methods {
        vm.add_method(&float, name, *f);
    }
    add_classmethod(vm, &float, "fromhex", float_fromhex);
    add_classmethod(vm, &float, "__getformat__", float_getformat);
    super::number_methods::install(vm);
}

/// Registers the numeric builtin functions (called once the builtins module exists).
pub fn install_builtins(vm: &mut Vm) {
    super::number_builtins::install_builtins(vm);
}

/// `(5).real`, `(2.5).imag`, `(1+2j).real`, `x.numerator`...: the data attributes of the
/// number types; `None` if `obj` is not a number or has no such attribute.
pub fn number_attribute(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    if let Some(i) = as_int(obj) {
        return Ok(match name {
            "real" | "numerator" => Some(exact_int(vm, &i)),
            "imag" => Some(vm.new_int(0)),
            "denominator" => Some(vm.new_int(1)),
            _ => None,
        });
    }
    if let Some(f) = as_float(obj) {
        return Ok(match name {
            "real" => Some(vm.new_float(f)),
            "imag" => Some(vm.new_float(0.0)),
            _ => None,
        });
    }
    if let Some(Payload::Complex(re, im)) = obj.payload() {
        return Ok(match name {
            "real" => Some(vm.new_float(*re)),
            "imag" => Some(vm.new_float(*im)),
            _ => None,
        });
    }
    Ok(None)
}

/// An exact `int` with the value of `i` (bools and subclass instances become plain ints).
pub fn exact_int(vm: &Vm, i: &IntRef<'_>) -> Value {
    match i {
        IntRef::Small(v) => vm.new_int(*v),
        IntRef::Big(b) => vm.new_bigint((*b).clone()),
    }
}

/// `str(i)` in decimal, honouring `sys.set_int_max_str_digits`.
pub fn int_to_decimal(vm: &Vm, i: &BigInt) -> PyResult<String> {
    Ok(crate::text::number_parse::int_to_str_radix(
        i,
        10,
        vm.int_max_str_digits,
    )?)
}

/// `int(f)` for a float: truncation, with CPython's errors for infinities and NaN.
pub fn float_to_int(f: f64) -> PyResult<BigInt> {
    if f.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(PyErr::overflow_error(
            "cannot convert float infinity to integer",
        ));
    }
    if f.abs() < 9.0e15 {
        return Ok(BigInt::from(f.trunc() as i64));
    }
    Ok(float_to_bigint(f.trunc()).unwrap_or_default())
}

/// `int(v)` for a non-string number: ints, floats, `__int__`, `__index__`, `__trunc__`.
/// `Ok(None)` if `v` supports none of them.
pub fn int_from_number(vm: &mut Vm, v: &Value) -> PyResult<Option<BigInt>> {
    if let Some(i) = as_int(v) {
        return Ok(Some(i.to_bigint()));
    }
    if let Some(f) = as_float(v) {
        return float_to_int(f).map(Some);
    }
    if let Some(m) = vm.lookup_special(v, "__int__") {
        let r = vm.call(&m, &[v.clone()])?;
        return match as_int(&r) {
            Some(i) => Ok(Some(i.to_bigint())),
            None => Err(PyErr::type_error(format!(
                "__int__ returned non-int (type {})",
                vm.type_name(&r)
            ))),
        };
    }
    if vm.lookup_special(v, "__index__").is_some() {
        let r = vm.index_value(v)?;
        return Ok(as_int(&r).map(|i| i.to_bigint()));
    }
    if let Some(m) = vm.lookup_special(v, "__trunc__") {
        let r = vm.call(&m, &[v.clone()])?;
        if let Some(i) = as_int(&r) {
            return Ok(Some(i.to_bigint()));
        }
        let r = vm.index_value(&r).map_err(|_| {
            PyErr::type_error(format!(
                "__trunc__ returned non-Integral (type {})",
                vm.type_name(&r)
            ))
        })?;
        return Ok(as_int(&r).map(|i| i.to_bigint()));
    }
    Ok(None)
}

// ---------------------------------------------------------------------------------------
// Constructors

/// An int of class `cls` (an exact int when `cls` is `int`).
fn make_int(vm: &Vm, cls: &Value, v: BigInt) -> Value {
    if cls.is(&vm.types.int) {
        vm.new_bigint(v)
    } else {
        Value::alloc(cls, Payload::Int(v))
    }
}

/// Text of a str/bytes/bytearray argument of `int()`/`float()`, and whether it was bytes.
fn text_arg(vm: &Vm, v: &Value) -> Option<(String, bool)> {
    if let Some(s) = v.as_str() {
        return Some((s.to_string(), false));
    }
    let data = vm.bytes_like(v)?;
    Some((data.iter().map(|&b| char::from(b)).collect(), true))
}

/// Rewrites a parse error's `'text'` to the bytes repr CPython shows for bytes input.
/// `int()` shows a bytearray as `b'...'`, `float()` as `bytearray(b'...')`.
fn bytes_message(err: crate::text::TextError, v: &Value, vm: &Vm) -> PyErr {
    let msg = err.message().to_string();
    let data = vm.bytes_like(v).unwrap_or_default();
    let shown = super::bytes::bytes_repr(&data);
    let shown = if matches!(v.payload(), Some(Payload::ByteArray(_)))
        && msg.starts_with("could not convert")
    {
        format!("bytearray({shown})")
    } else {
        shown
    };
    match msg.find(": ") {
        Some(i) if msg.starts_with("invalid literal") || msg.starts_with("could not convert") => {
            PyErr::value_error(format!("{}: {shown}", &msg[..i]))
        }
        _ => err.into(),
    }
}

/// `int(s)` for short plain decimal text (`' -123 '`), without big-int parsing.
fn fast_decimal(s: &str) -> Option<i64> {
    let t = s.trim_matches(|c: char| matches!(c, ' ' | '\t'..='\r'));
    let (neg, digits) = match t.as_bytes().first()? {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    if digits.is_empty() || digits.len() > 18 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let v: i64 = digits.parse().ok()?;
    Some(if neg { -v } else { v })
}

fn int_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if let [cls, x] = args.values
        && args.kwnames.is_empty()
        && cls.is(&vm.types.int)
        && vm.is_exact_builtin(x)
    {
        if let Some(v) = x.as_str().and_then(fast_decimal) {
            return Ok(vm.new_int(v));
        }
        if let Some(i) = as_int(x) {
            return Ok(exact_int(vm, &i));
        }
        if let Some(f) = as_float(x) {
            return Ok(vm.new_bigint(float_to_int(f)?));
        }
    }
    let int_ty = vm.types.int.clone();
    let cls = ctor_class(vm, &args, &int_ty, "int")?;
    let rest = super::native_util::rest(&args);
    if rest.positional().len() > 2 {
        return Err(PyErr::type_error(format!(
            "int expected at most 2 arguments, got {}",
            rest.positional().len()
        )));
    }
    let b = bind_method(&args, "int", &["x", "base"], 1, 0)?;
    let (x, base) = (&b[0], &b[1]);
    if x.is_null() {
        if !base.is_null() {
            return Err(PyErr::type_error("int() missing string argument"));
        }
        return Ok(make_int(vm, &cls, BigInt::zero()));
    }
    if base.is_null() {
        if cls.is(&int_ty)
            && let Some(i) = as_int(x)
        {
            return Ok(exact_int(vm, &i));
        }
        if let Some((text, is_bytes)) = text_arg(vm, x) {
            let v = crate::text::number_parse::parse_int(&text, 10, vm.int_max_str_digits)
                .map_err(|e| {
                    if is_bytes {
                        bytes_message(e, x, vm)
                    } else {
                        e.into()
                    }
                })?;
            return Ok(make_int(vm, &cls, v));
        }
        return match int_from_number(vm, x)? {
            Some(v) => Ok(make_int(vm, &cls, v)),
            None => Err(PyErr::type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                vm.type_name(x)
            ))),
        };
    }
    let base_v = vm.index_value(base)?;
    let base_n = as_int(&base_v).and_then(|i| i.to_i64()).unwrap_or(-1);
    if base_n != 0 && !(2..=36).contains(&base_n) {
        return Err(PyErr::value_error(
            "int() base must be >= 2 and <= 36, or 0",
        ));
    }
    let Some((text, is_bytes)) = text_arg(vm, x) else {
        return Err(PyErr::type_error(
            "int() can't convert non-string with explicit base",
        ));
    };
    let base_u = u32::try_from(base_n).unwrap_or(1);
    let v = crate::text::number_parse::parse_int(&text, base_u, vm.int_max_str_digits).map_err(
        |e| {
            if is_bytes {
                bytes_message(e, x, vm)
            } else {
                e.into()
            }
        },
    )?;
    Ok(make_int(vm, &cls, v))
}

fn bool_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let rest = super::native_util::rest(&args);
    rest.no_keywords("bool")?;
    let a = rest.range("bool", 0, 1)?;
    match a.first() {
        None => Ok(Value::FALSE),
        Some(v) => Ok(Value::from_bool(vm.truthy(v)?)),
    }
}

/// `float(x)` as an `f64`.
pub fn float_from(vm: &mut Vm, x: &Value) -> PyResult<f64> {
    if let Some(f) = as_float(x) {
        return Ok(f);
    }
    if let Some(i) = as_int(x) {
        return crate::runtime::numbers::int_to_f64(&i);
    }
    if let Some((text, is_bytes)) = text_arg(vm, x) {
        return crate::text::number_parse::parse_float(&text).map_err(|e| {
            if is_bytes {
                bytes_message(e, x, vm)
            } else {
                e.into()
            }
        });
    }
    if let Some(m) = vm.lookup_special(x, "__float__") {
        let r = vm.call(&m, &[x.clone()])?;
        return match as_float(&r) {
            Some(f) => Ok(f),
            None => Err(PyErr::type_error(format!(
                "{}.__float__ returned non-float (type {})",
                vm.type_name(x),
                vm.type_name(&r)
            ))),
        };
    }
    if vm.lookup_special(x, "__index__").is_some() {
        let r = vm.index_value(x)?;
        if let Some(i) = as_int(&r) {
            return crate::runtime::numbers::int_to_f64(&i);
        }
    }
    Err(PyErr::type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        vm.type_name(x)
    )))
}

fn float_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let float_ty = vm.types.float.clone();
    let cls = ctor_class(vm, &args, &float_ty, "float")?;
    let rest = super::native_util::rest(&args);
    rest.no_keywords("float")?;
    let a = rest.range("float", 0, 1)?;
    let f = match a.first() {
        None => 0.0,
        Some(x) => {
            if cls.is(&float_ty) && as_float(x).is_some() && vm.is_exact_builtin(x) {
                return Ok(x.clone());
            }
            float_from(vm, x)?
        }
    };
    if cls.is(&float_ty) {
        return Ok(vm.new_float(f));
    }
    Ok(Value::alloc(&cls, Payload::Float(f)))
}

// ---------------------------------------------------------------------------------------
// int methods

fn recv_int<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<IntRef<'a>> {
    let recv = super::native_util::receiver(args, name, "int")?;
    as_int(recv).ok_or_else(|| descriptor_error(vm, name, "int", recv))
}

fn int_bit_length(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let i = recv_int(vm, &args, "bit_length")?;
    super::native_util::no_args(&args, "int.bit_length")?;
    let n = match i {
        IntRef::Small(v) => 64 - v.unsigned_abs().leading_zeros() as u64,
        IntRef::Big(b) => b.bits(),
    };
    Ok(vm.new_int(n as i64))
}

fn int_bit_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let i = recv_int(vm, &args, "bit_count")?;
    super::native_util::no_args(&args, "int.bit_count")?;
    let n = match i {
        IntRef::Small(v) => u64::from(v.unsigned_abs().count_ones()),
        IntRef::Big(b) => b.magnitude().count_ones(),
    };
    Ok(vm.new_int(n as i64))
}

/// The `byteorder` argument of `to_bytes`/`from_bytes`: `true` for little-endian.
fn byteorder(vm: &Vm, v: &Value, fname: &str) -> PyResult<bool> {
    if v.is_null() {
        return Ok(false);
    }
    match v.as_str() {
        Some("little") => Ok(true),
        Some("big") => Ok(false),
        Some(_) => Err(PyErr::value_error(
            "byteorder must be either 'little' or 'big'",
        )),
        None => Err(PyErr::type_error(format!(
            "{fname}() argument 'byteorder' must be str, not {}",
            super::native_util::arg_type_name(vm, v)
        ))),
    }
}

fn int_to_bytes(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let i = recv_int(vm, &args, "to_bytes")?.to_bigint();
    let b = super::native_util::rest(&args);
    let bound = crate::interp::args::ArgSpec {
        fname: "to_bytes",
        names: &["length", "byteorder", "signed"],
        posonly: 0,
        required: 0,
        kwonly_from: 2,
    }
    .bind(&b)?;
    let length = if bound[0].is_null() {
        1
    } else {
        super::native_util::arg_ssize(vm, &bound[0])?
    };
    if length < 0 {
        return Err(PyErr::value_error("length argument must be non-negative"));
    }
    let little = byteorder(vm, &bound[1], "to_bytes")?;
    let signed = !bound[2].is_null() && vm.truthy(&bound[2])?;
    if !signed && i.is_negative() {
        return Err(PyErr::overflow_error(
            "can't convert negative int to unsigned",
        ));
    }
    let mut bytes = i.to_signed_bytes_le();
    if !signed && bytes.len() > 1 && bytes.last() == Some(&0) {
        bytes.pop();
    }
    if !signed && i.is_zero() {
        bytes.clear();
    }
    let length = length as usize;
    if bytes.len() > length {
        return Err(PyErr::overflow_error("int too big to convert"));
    }
    let fill = if i.is_negative() { 0xFF } else { 0 };
    bytes.resize(length, fill);
    if !little {
        bytes.reverse();
    }
    Ok(vm.new_bytes(bytes))
}

fn int_from_bytes(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = args.values.first().cloned().unwrap_or(Value::NONE);
    let b = super::native_util::rest(&args);
    let bound = crate::interp::args::ArgSpec {
        fname: "from_bytes",
        names: &["bytes", "byteorder", "signed"],
        posonly: 0,
        required: 1,
        kwonly_from: 2,
    }
    .bind(&b)?;
    let data = match vm.bytes_like(&bound[0]) {
        Some(d) => d,
        None => {
            if !vm.is_iterable(&bound[0]) || bound[0].as_pystr().is_some() {
                return Err(PyErr::type_error(format!(
                    "cannot convert '{}' object to bytes",
                    vm.type_name(&bound[0])
                )));
            }
            super::bytes::bytes_from_iterable(vm, &bound[0])?
        }
    };
    let little = byteorder(vm, &bound[1], "from_bytes")?;
    let signed = !bound[2].is_null() && vm.truthy(&bound[2])?;
    let v = if signed {
        if little {
            BigInt::from_signed_bytes_le(&data)
        } else {
            BigInt::from_signed_bytes_be(&data)
        }
    } else if little {
        BigInt::from_bytes_le(Sign::Plus, &data)
    } else {
        BigInt::from_bytes_be(Sign::Plus, &data)
    };
    let int_ty = vm.types.int.clone();
    let result = vm.new_bigint(v);
    if cls.is(&int_ty) || !vm.is_type(&cls) {
        return Ok(result);
    }
    vm.call(&cls, &[result])
}

fn int_as_integer_ratio(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let i = recv_int(vm, &args, "as_integer_ratio")?;
    super::native_util::no_args(&args, "int.as_integer_ratio")?;
    let n = exact_int(vm, &i);
    let one = vm.new_int(1);
    Ok(vm.new_tuple(vec![n, one]))
}

fn int_is_integer(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    recv_int(vm, &args, "is_integer")?;
    super::native_util::no_args(&args, "int.is_integer")?;
    Ok(Value::TRUE)
}

// ---------------------------------------------------------------------------------------
// float methods

fn recv_float(vm: &Vm, args: &Args<'_>, name: &str) -> PyResult<f64> {
    let recv = super::native_util::receiver(args, name, "float")?;
    as_float(recv).ok_or_else(|| descriptor_error(vm, name, "float", recv))
}

fn float_is_integer(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let f = recv_float(vm, &args, "is_integer")?;
    super::native_util::no_args(&args, "float.is_integer")?;
    Ok(Value::from_bool(f.is_finite() && f.floor() == f))
}

/// `f.as_integer_ratio()` as big ints in lowest terms.
pub fn float_ratio(f: f64) -> PyResult<(BigInt, BigInt)> {
    if f.is_nan() {
        return Err(PyErr::value_error("cannot convert NaN to integer ratio"));
    }
    if f.is_infinite() {
        return Err(PyErr::overflow_error(
            "cannot convert Infinity to integer ratio",
        ));
    }
    let bits = f.to_bits();
    let negative = bits >> 63 == 1;
    let exp = ((bits >> 52) & 0x7FF) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mant, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    };
    if mant == 0 {
        return Ok((BigInt::zero(), BigInt::one()));
    }
    let tz = mant.trailing_zeros() as i64;
    let (mant, e) = if e < 0 {
        let drop = tz.min(-e);
        (mant >> drop, e + drop)
    } else {
        (mant, e)
    };
    let mut num = BigInt::from(mant);
    let mut den = BigInt::one();
    if e >= 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    if negative {
        num = -num;
    }
    Ok((num, den))
}

fn float_as_integer_ratio(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let f = recv_float(vm, &args, "as_integer_ratio")?;
    super::native_util::no_args(&args, "float.as_integer_ratio")?;
    let (n, d) = float_ratio(f)?;
    let n = vm.new_bigint(n);
    let d = vm.new_bigint(d);
    Ok(vm.new_tuple(vec![n, d]))
}

/// `float.hex()`: `0x1.8000000000000p+0`.
pub fn float_to_hex(f: f64) -> String {
    if f.is_nan() {
        return "nan".to_string();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7FF) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    let esign = if e < 0 { "-" } else { "+" };
    format!("{sign}0x{lead}.{frac:013x}p{esign}{}", e.abs())
}

fn float_hex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let f = recv_float(vm, &args, "hex")?;
    super::native_util::no_args(&args, "float.hex")?;
    Ok(vm.new_string(float_to_hex(f)))
}

/// Parses `float.fromhex` text.
pub fn parse_hex_float(s: &str) -> PyResult<f64> {
    let invalid = || PyErr::value_error("invalid hexadecimal floating-point string");
    let t = s.trim_matches(|c: char| crate::text::char_props::is_space(c));
    let (negative, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    if matches!(lower.as_str(), "inf" | "infinity") {
        return Ok(if negative {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    if lower == "nan" {
        return Ok(f64::NAN);
    }
    let body = lower
        .strip_prefix("0x")
        .map(str::to_string)
        .unwrap_or(lower.clone());
    let (mantissa, exp_text) = match body.find('p') {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body.as_str(), None),
    };
    let (int_part, frac_part) = match mantissa.find('.') {
        Some(i) => (&mantissa[..i], &mantissa[i + 1..]),
        None => (mantissa, ""),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return Err(invalid());
    }
    let mut m = BigInt::zero();
    for c in int_part.chars().chain(frac_part.chars()) {
        let d = c.to_digit(16).ok_or_else(invalid)?;
        m = m * 16 + d;
    }
    let mut exp: i64 = match exp_text {
        None => 0,
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(invalid());
            }
            e.parse::<i64>().unwrap_or(if e.starts_with('-') {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            })
        }
    };
    exp = exp.saturating_sub(4 * frac_part.len() as i64);
    let too_large = || PyErr::overflow_error("hexadecimal value too large to represent as a float");
    let value = if m.is_zero() {
        0.0
    } else if exp >= 0 {
        if exp > 2000 {
            return Err(too_large());
        }
        let big = m << exp as usize;
        crate::runtime::numbers::bigint_to_f64(&big).map_err(|_| too_large())?
    } else {
        let shift = -exp;
        if shift as u64 > m.bits() + 1200 {
            0.0
        } else {
            let den = BigInt::one() << shift as usize;
            crate::runtime::numbers::int_true_divide(&IntRef::Big(&m), &IntRef::Big(&den))
                .map_err(|_| too_large())?
        }
    };
    Ok(if negative { -value } else { value })
}

fn float_fromhex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = args.values.first().cloned().unwrap_or(Value::NONE);
    let owner = crate::runtime::typecheck::type_name_of(&cls);
    let a = std::slice::from_ref(super::native_util::one_arg(
        &args,
        &format!("{owner}.fromhex"),
    )?);
    let Some(s) = a[0].as_str() else {
        return Err(PyErr::type_error(format!(
            "fromhex() argument must be str, not {}",
            super::native_util::arg_type_name(vm, &a[0])
        )));
    };
    let f = parse_hex_float(s)?;
    let v = vm.new_float(f);
    if cls.is(&vm.types.float) || !vm.is_type(&cls) {
        return Ok(v);
    }
    vm.call(&cls, &[v])
}

/// Floor division and modulo of big ints, Python style (helper for `divmod`).
pub fn int_divmod(a: &BigInt, b: &BigInt) -> PyResult<(BigInt, BigInt)> {
    if b.is_zero() {
        return Err(PyErr::zero_division("integer division or modulo by zero"));
    }
    Ok(a.div_mod_floor(b))
}

/// `float.__getformat__(typestr)`: the memory layout of C doubles and floats.
fn float_getformat(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = super::native_util::method_range(&args, "__getformat__", 1, 1)?;
    let Some(kind) = a[0].as_str() else {
        return Err(PyErr::type_error(format!(
            "__getformat__() argument must be str, not {}",
            vm.type_name(&a[0])
        )));
    };
    if kind != "double" && kind != "float" {
        return Err(PyErr::value_error(
            "__getformat__() argument 1 must be 'double' or 'float'",
        ));
    }
    Ok(vm.new_str("IEEE, little-endian"))
}
