//! `_struct`, the engine of the `struct` module (`frozen/struct.py` adds the `Struct`
//! class): format strings with byte order, native sizes and alignment, and packing and
//! unpacking of every format code, with CPython's `struct.error` messages.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::numbers::{as_float, as_int};
use crate::types::function::NativeFn;
use crate::vm::Vm;

/// Creates `_struct` with its functions and the `error` exception class.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let dict = vm.new_dict();
    let module = vm.new_module("_struct", dict.clone());
    let functions: [(&'static str, NativeFn); 6] = [
        ("pack", struct_pack),
        ("unpack", struct_unpack),
        ("calcsize", struct_calcsize),
        ("pack_into", struct_pack_into),
        ("unpack_from", struct_unpack_from),
        ("iter_unpack", struct_iter_unpack),
    ];
    for (name, f) in functions {
        let fv = vm.new_builtin_function(name, f, module.clone());
        vm.set_item_str(&dict, name, fv)?;
    }
    let ns = vm.new_dict();
    let module_name = vm.new_str("struct");
    vm.set_item_str(&ns, "__module__", module_name)?;
    let name = vm.new_str("error");
    let base = vm
        .types
        .exception(crate::runtime::errors::ExcKind::Exception)
        .clone();
    let bases = vm.new_tuple(vec![base]);
    let meta = vm.types.type_.clone();
    let error = crate::interp::class::type_new(vm, &meta, &name, &bases, &ns)?;
    vm.set_item_str(&dict, "error", error)?;
    Ok(module)
}

/// A `struct.error` with this message (the class lives in `_struct`'s namespace).
fn struct_error(vm: &mut Vm, message: impl Into<String>) -> PyErr {
    let message = message.into();
    let modules = vm.modules.clone();
    let class = vm
        .dict_get_str(&modules, "_struct")
        .and_then(|m| match m.payload() {
            Some(Payload::Module(data)) => Some(data.dict.clone()),
            _ => None,
        })
        .and_then(|d| vm.dict_get_str(&d, "error"));
    match class {
        Some(cls) => {
            let msg = vm.new_string(message);
            match vm.call(&cls, &[msg]) {
                Ok(exc) => PyErr::from_object(exc),
                Err(e) => e,
            }
        }
        None => PyErr::value_error(message),
    }
}

/// Byte order and size/alignment rules of a format (its first character).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// `@`: native order, native sizes and alignment.
    Native,
    /// `=`, `<`, `>`, `!`: standard sizes, no alignment.
    Standard { little: bool },
}

/// One format code with its repeat count.
#[derive(Clone, Copy)]
struct Item {
    code: u8,
    count: usize,
    size: usize,
    /// Byte offset of the first element in the packed data.
    offset: usize,
}

/// A parsed format string.
struct Format {
    mode: Mode,
    items: Vec<Item>,
    size: usize,
    /// Number of values packed or unpacked.
    nvalues: usize,
}

/// Size and alignment of one element of `code`, or None for a bad code.
fn code_size(mode: Mode, code: u8) -> Option<(usize, usize)> {
    let native = matches!(mode, Mode::Native);
    let size = match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    };
    Some((size, if native { size } else { 1 }))
}

fn parse_format(vm: &mut Vm, fmt: &[u8]) -> PyResult<Format> {
    let (mode, body) = match fmt.first() {
        Some(b'@') => (Mode::Native, &fmt[1..]),
        Some(b'=') | Some(b'<') => (Mode::Standard { little: true }, &fmt[1..]),
        Some(b'>') | Some(b'!') => (Mode::Standard { little: false }, &fmt[1..]),
        _ => (Mode::Native, fmt),
    };
    let mut items = Vec::new();
    let mut size: usize = 0;
    let mut nvalues = 0;
    let mut i = 0;
    while i < body.len() {
        let c = body[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count: Option<usize> = None;
        if c.is_ascii_digit() {
            let mut n: usize = 0;
            while i < body.len() && body[i].is_ascii_digit() {
                n = match n
                    .checked_mul(10)
                    .and_then(|n| n.checked_add(usize::from(body[i] - b'0')))
                {
                    Some(n) => n,
                    None => return Err(struct_error(vm, "total struct size too long")),
                };
                i += 1;
            }
            if i >= body.len() {
                return Err(struct_error(
                    vm,
                    "repeat count given without format specifier",
                ));
            }
            count = Some(n);
        }
        let code = body[i];
        i += 1;
        let Some((item_size, align)) = code_size(mode, code) else {
            return Err(struct_error(vm, "bad char in struct format"));
        };
        let count = count.unwrap_or(1);
        size = size.div_ceil(align) * align;
        let total = if matches!(code, b's' | b'p') {
            Some(count)
        } else {
            item_size.checked_mul(count)
        };
        let Some(total) = total
            .and_then(|t| size.checked_add(t))
            .filter(|t| *t <= isize::MAX as usize)
        else {
            return Err(struct_error(vm, "total struct size too long"));
        };
        items.push(Item {
            code,
            count,
            size: item_size,
            offset: size,
        });
        size = total;
        nvalues += match code {
            b'x' => 0,
            b's' | b'p' => 1,
            _ => count,
        };
    }
    Ok(Format {
        mode,
        items,
        size,
        nvalues,
    })
}

/// The format argument: a str or bytes.
fn format_bytes(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = v.as_str() {
        return Ok(s.as_bytes().to_vec());
    }
    if let Some(Payload::Bytes(b)) = v.payload() {
        return Ok(b.to_vec());
    }
    Err(PyErr::type_error(format!(
        "Struct() argument 1 must be a str or bytes object, not {}",
        vm.type_name(v)
    )))
}

fn get_format(vm: &mut Vm, v: &Value) -> PyResult<Format> {
    let fmt = format_bytes(vm, v)?;
    parse_format(vm, &fmt)
}

fn is_little(mode: Mode) -> bool {
    match mode {
        Mode::Native => cfg!(target_endian = "little"),
        Mode::Standard { little } => little,
    }
}

/// Writes `value` (two's complement, truncated to `size` bytes) in the format's order.
fn write_uint(out: &mut [u8], value: u64, little: bool) {
    let bytes = value.to_le_bytes();
    let n = out.len();
    for (k, slot) in out.iter_mut().enumerate() {
        *slot = if little { bytes[k] } else { bytes[n - 1 - k] };
    }
}

fn read_uint(data: &[u8], little: bool) -> u64 {
    let mut v: u64 = 0;
    for k in 0..data.len() {
        let b = if little {
            data[data.len() - 1 - k]
        } else {
            data[k]
        };
        v = (v << 8) | u64::from(b);
    }
    v
}

/// The integer for an integer code (`__index__`), range-checked with CPython's message.
fn int_for_code(vm: &mut Vm, v: &Value, code: u8, size: usize) -> PyResult<u64> {
    let n: BigInt = if let Some(i) = as_int(v) {
        i.to_bigint()
    } else if vm.lookup_special(v, "__index__").is_some() && as_float(v).is_none() {
        let iv = vm.index_value(v)?;
        as_int(&iv).map(|i| i.to_bigint()).unwrap_or_default()
    } else {
        return Err(struct_error(vm, "required argument is not an integer"));
    };
    let bits = 8 * size as u32;
    let signed = code.is_ascii_lowercase();
    if code == b'P' {
        // Pointers wrap like C's unsigned conversion of a negative long.
        return Ok(n
            .to_i64()
            .map(|i| i as u64)
            .or_else(|| n.to_u64())
            .unwrap_or(0));
    }
    let (min, max): (BigInt, BigInt) = if signed {
        (
            -(BigInt::from(1) << (bits - 1)),
            (BigInt::from(1) << (bits - 1)) - 1,
        )
    } else {
        (BigInt::zero(), (BigInt::from(1) << bits) - 1)
    };
    if n < min || n > max {
        return Err(struct_error(
            vm,
            format!(
                "'{}' format requires {min} <= number <= {max}",
                code as char
            ),
        ));
    }
    Ok(if n.is_negative() {
        n.to_i64().unwrap_or(0) as u64
    } else {
        n.to_u64().unwrap_or(0)
    })
}

fn float_for_code(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = as_float(v) {
        return Ok(f);
    }
    if as_int(v).is_none()
        && vm.lookup_special(v, "__float__").is_none()
        && vm.lookup_special(v, "__index__").is_none()
    {
        return Err(struct_error(vm, "required argument is not a float"));
    }
    vm.to_f64(v)
}

/// IEEE binary16 from a double, rounding half to even (`PyFloat_Pack2`).
fn f64_to_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    let a = x.abs();
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    if a == 0.0 {
        return Some(sign);
    }
    // Scale so the result's unit in the last place is 1, then round half to even.
    let (_, e) = crate::modules::math::sums::frexp(a); // a = m * 2**e, 0.5 <= m < 1
    let exp = e - 1; // a = 1.xxx * 2**exp
    if exp < -14 {
        // Subnormal: units of 2**-24.
        let q = round_half_even(a * f64::from_bits(0x4170_0000_0000_0000)); // 2**24
        if q >= 1024.0 {
            return Some(sign | 0x0400); // rounded up to the smallest normal
        }
        return Some(sign | q as u16);
    }
    let scaled = crate::modules::math::sums::ldexp(a, i64::from(10 - exp));
    let mut q = round_half_even(scaled) as u32; // 1024..=2048
    let mut exp = exp;
    if q == 2048 {
        q = 1024;
        exp += 1;
    }
    if exp > 15 {
        return None;
    }
    Some(sign | (((exp + 15) as u16) << 10) | (q as u16 & 0x3ff))
}

fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (r - x).abs() == 0.5 && r % 2.0 != 0.0 {
        r - x.signum()
    } else {
        r
    }
}

fn half_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = i64::from((h >> 10) & 0x1f);
    let frac = f64::from(h & 0x3ff);
    let mag = if exp == 0 {
        frac * f64::from_bits(0x3E70_0000_0000_0000) // 2**-24
    } else if exp == 31 {
        if frac == 0.0 { f64::INFINITY } else { f64::NAN }
    } else {
        crate::modules::math::sums::ldexp(1024.0 + frac, exp - 25)
    };
    sign * mag
}

/// Packs `values` into `out` (already `fmt.size` bytes of zeros).
fn pack_values(vm: &mut Vm, fmt: &Format, values: &[Value], out: &mut [u8]) -> PyResult<()> {
    let little = is_little(fmt.mode);
    let standard = matches!(fmt.mode, Mode::Standard { .. });
    let mut vals = values.iter();
    for item in &fmt.items {
        match item.code {
            b'x' => {}
            b's' | b'p' => {
                let v = vals.next().cloned().unwrap_or(Value::NONE);
                let data = match v.payload() {
                    Some(Payload::Bytes(b)) => b.to_vec(),
                    Some(Payload::ByteArray(b)) => b.borrow().clone(),
                    _ => {
                        return Err(struct_error(
                            vm,
                            format!(
                                "argument for '{}' must be a bytes object",
                                item.code as char
                            ),
                        ));
                    }
                };
                let dst = &mut out[item.offset..item.offset + item.count];
                if item.code == b's' {
                    let n = data.len().min(item.count);
                    dst[..n].copy_from_slice(&data[..n]);
                } else if item.count > 0 {
                    let n = data.len().min(item.count - 1);
                    dst[1..=n].copy_from_slice(&data[..n]);
                    dst[0] = n.min(255) as u8;
                }
            }
            code => {
                for k in 0..item.count {
                    let v = vals.next().cloned().unwrap_or(Value::NONE);
                    let at = item.offset + k * item.size;
                    let dst = &mut out[at..at + item.size];
                    match code {
                        b'c' => {
                            let byte = match v.payload() {
                                Some(Payload::Bytes(b)) if b.len() == 1 => b[0],
                                _ => {
                                    return Err(struct_error(
                                        vm,
                                        "char format requires a bytes object of length 1",
                                    ));
                                }
                            };
                            dst[0] = byte;
                        }
                        b'?' => dst[0] = u8::from(vm.truthy(&v)?),
                        b'e' => {
                            let x = float_for_code(vm, &v)?;
                            let Some(h) = f64_to_half(x) else {
                                return Err(PyErr::overflow_error(
                                    "float too large to pack with e format",
                                ));
                            };
                            write_uint(dst, u64::from(h), little);
                        }
                        b'f' => {
                            let x = float_for_code(vm, &v)?;
                            let y = x as f32;
                            if standard && y.is_infinite() && x.is_finite() {
                                return Err(PyErr::overflow_error(
                                    "float too large to pack with f format",
                                ));
                            }
                            write_uint(dst, u64::from(y.to_bits()), little);
                        }
                        b'd' => {
                            let x = float_for_code(vm, &v)?;
                            write_uint(dst, x.to_bits(), little);
                        }
                        _ => {
                            let n = int_for_code(vm, &v, code, item.size)?;
                            write_uint(dst, n, little);
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

fn unpack_values(vm: &mut Vm, fmt: &Format, data: &[u8]) -> Vec<Value> {
    let little = is_little(fmt.mode);
    let mut out = Vec::with_capacity(fmt.nvalues);
    for item in &fmt.items {
        match item.code {
            b'x' => {}
            b's' => out.push(vm.new_bytes(data[item.offset..item.offset + item.count].to_vec())),
            b'p' => {
                let field = &data[item.offset..item.offset + item.count];
                let n = field
                    .first()
                    .map_or(0, |&n| usize::from(n).min(item.count.saturating_sub(1)));
                out.push(vm.new_bytes(field.get(1..=n).unwrap_or(&[]).to_vec()));
            }
            code => {
                for k in 0..item.count {
                    let at = item.offset + k * item.size;
                    let src = &data[at..at + item.size];
                    let raw = read_uint(src, little);
                    let v = match code {
                        b'c' => vm.new_bytes(vec![src[0]]),
                        b'?' => Value::from_bool(src[0] != 0),
                        b'e' => vm.new_float(half_to_f64(raw as u16)),
                        b'f' => vm.new_float(f64::from(f32::from_bits(raw as u32))),
                        b'd' => vm.new_float(f64::from_bits(raw)),
                        _ if code.is_ascii_lowercase() => {
                            let shift = 64 - 8 * item.size as u32;
                            vm.new_int(((raw << shift) as i64) >> shift)
                        }
                        _ => vm.new_bigint(BigInt::from(raw)),
                    };
                    out.push(v);
                }
            }
        }
    }
    out
}

fn struct_calcsize(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = match args.values {
        [v] if args.kwnames.is_empty() => v,
        _ => &args.exact("calcsize", 1)?[0],
    };
    let fmt = get_format(vm, v)?;
    Ok(vm.new_int(fmt.size as i64))
}

fn struct_pack(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_keywords("pack")?;
    let pos = args.positional();
    let Some(first) = pos.first() else {
        return Err(PyErr::type_error("missing format argument"));
    };
    let fmt = get_format(vm, first)?;
    let values = &pos[1..];
    if values.len() != fmt.nvalues {
        return Err(struct_error(
            vm,
            format!(
                "pack expected {} items for packing (got {})",
                fmt.nvalues,
                values.len()
            ),
        ));
    }
    let mut out = vec![0u8; fmt.size];
    pack_values(vm, &fmt, values, &mut out)?;
    Ok(vm.new_bytes(out))
}

/// The bytes of a bytes-like argument, or CPython's TypeError.
fn buffer_bytes(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    vm.bytes_like(v).ok_or_else(|| {
        PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

fn struct_unpack(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("unpack", 2)?;
    let fmt = get_format(vm, &pos[0])?;
    let data = buffer_bytes(vm, &pos[1])?;
    if data.len() != fmt.size {
        return Err(struct_error(
            vm,
            format!("unpack requires a buffer of {} bytes", fmt.size),
        ));
    }
    let values = unpack_values(vm, &fmt, &data);
    Ok(vm.new_tuple(values))
}

/// Resolves a possibly negative offset into a buffer of `len` bytes for `fname`.
fn resolve_offset(
    vm: &mut Vm,
    offset: i64,
    len: usize,
    need: usize,
    fname: &str,
) -> PyResult<usize> {
    let len_i = len as i64;
    let start = if offset < 0 {
        if offset + len_i < 0 {
            return Err(struct_error(
                vm,
                format!("offset {offset} out of range for {len}-byte buffer"),
            ));
        }
        if offset + (need as i64) > 0 {
            let what = if fname == "pack_into" {
                "no space to pack"
            } else {
                "not enough data to unpack"
            };
            return Err(struct_error(
                vm,
                format!("{what} {need} bytes at offset {offset}"),
            ));
        }
        (offset + len_i) as usize
    } else {
        offset as usize
    };
    if len.saturating_sub(start) < need || start > len {
        let (verb, noun) = if fname == "pack_into" {
            ("packing", "pack_into")
        } else {
            ("unpacking", "unpack_from")
        };
        return Err(struct_error(
            vm,
            format!(
                "{noun} requires a buffer of at least {} bytes for {verb} {need} bytes at offset {offset} (actual buffer size is {len})",
                need as i64 + offset
            ),
        ));
    }
    Ok(start)
}

fn struct_unpack_from(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let bound = crate::interp::args::ArgSpec {
        fname: "unpack_from",
        names: &["format", "buffer", "offset"],
        posonly: 1,
        required: 2,
        kwonly_from: 3,
    }
    .bind(&args)?;
    let fmt = get_format(vm, &bound[0])?;
    let data = buffer_bytes(vm, &bound[1])?;
    let offset = if bound[2].is_null() {
        0
    } else {
        vm.index_i64(&bound[2])?
    };
    let start = resolve_offset(vm, offset, data.len(), fmt.size, "unpack_from")?;
    let values = unpack_values(vm, &fmt, &data[start..start + fmt.size]);
    Ok(vm.new_tuple(values))
}

fn struct_pack_into(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_keywords("pack_into")?;
    let pos = args.positional();
    if pos.len() < 3 {
        return Err(PyErr::type_error(match pos.len() {
            0 => "missing format argument",
            1 => "pack_into expected buffer argument",
            _ => "pack_into expected offset argument",
        }));
    }
    let fmt = get_format(vm, &pos[0])?;
    let values = &pos[3..];
    if values.len() != fmt.nvalues {
        return Err(struct_error(
            vm,
            format!(
                "pack_into expected {} items for packing (got {})",
                fmt.nvalues,
                values.len()
            ),
        ));
    }
    let Some(Payload::ByteArray(target)) = pos[1].payload() else {
        return Err(PyErr::type_error(format!(
            "argument must be read-write bytes-like object, not {}",
            vm.type_name(&pos[1])
        )));
    };
    let offset = vm.index_i64(&pos[2])?;
    let len = target.borrow().len();
    let start = resolve_offset(vm, offset, len, fmt.size, "pack_into")?;
    let mut out = vec![0u8; fmt.size];
    pack_values(vm, &fmt, values, &mut out)?;
    target.borrow_mut()[start..start + fmt.size].copy_from_slice(&out);
    Ok(Value::NONE)
}

fn struct_iter_unpack(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("iter_unpack", 2)?;
    let fmt = get_format(vm, &pos[0])?;
    if fmt.size == 0 {
        return Err(struct_error(
            vm,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    let data = buffer_bytes(vm, &pos[1])?;
    if data.len() % fmt.size != 0 {
        return Err(struct_error(
            vm,
            format!(
                "iterative unpacking requires a buffer of a multiple of {} bytes",
                fmt.size
            ),
        ));
    }
    let mut tuples = Vec::with_capacity(data.len() / fmt.size);
    for chunk in data.chunks(fmt.size) {
        let values = unpack_values(vm, &fmt, chunk);
        tuples.push(vm.new_tuple(values));
    }
    let list = vm.new_list(tuples);
    vm.iter(&list)
}
