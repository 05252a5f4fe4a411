//! The numeric builtin functions: `abs`, `round`, `divmod`, `pow`, `hex`, `oct`, `bin`,
//! `chr` and `ord`, with CPython's argument handling and messages. The arithmetic itself is
//! shared with the number dunders in `number_methods`.

use num_bigint::BigInt;

use crate::bytecode::BinaryOp;
use crate::interp::args::{ArgSpec, Args};
use crate::object::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::numbers::{as_float, as_int};
use crate::vm::Vm;

use super::number_methods::{Kind, abs_number, divmod_numbers, kind_of, pow3, round_number};

pub fn install_builtins(vm: &mut Vm) {
    vm.add_builtin("abs", builtin_abs);
    vm.add_builtin("round", builtin_round);
    vm.add_builtin("divmod", builtin_divmod);
    vm.add_builtin("pow", builtin_pow);
    vm.add_builtin("hex", builtin_hex);
    vm.add_builtin("oct", builtin_oct);
    vm.add_builtin("bin", builtin_bin);
    vm.add_builtin("chr", builtin_chr);
    vm.add_builtin("ord", builtin_ord);
}

fn builtin_round(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = ArgSpec {
        fname: "round",
        names: &["number", "ndigits"],
        posonly: 0,
        required: 1,
        kwonly_from: 2,
    }
    .bind(&args)?;
    let number = &b[0];
    let ndigits = if b[1].is_null() || b[1].is_none() {
        None
    } else {
        Some(b[1].clone())
    };
    if vm.is_exact_builtin(number) && (as_int(number).is_some() || as_float(number).is_some()) {
        let nd = match &ndigits {
            Some(n) => Some(vm.index_value(n)?),
            None => None,
        };
        return round_number(vm, number, nd.as_ref());
    }
    let Some(m) = vm.lookup_special(number, "__round__") else {
        return Err(PyErr::type_error(format!(
            "type {} doesn't define __round__ method",
            vm.type_name(number)
        )));
    };
    match ndigits {
        Some(n) => vm.call(&m, &[number.clone(), n]),
        None => vm.call(&m, &[number.clone()]),
    }
}

fn builtin_abs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact("abs", 1)?;
    let v = &a[0];
    if vm.is_exact_builtin(v) {
        let r = abs_number(vm, v)?;
        if !r.is(&Value::NOT_IMPLEMENTED) {
            return Ok(r);
        }
    }
    match vm.lookup_special(v, "__abs__") {
        Some(m) => vm.call(&m, &[v.clone()]),
        None => Err(PyErr::type_error(format!(
            "bad operand type for abs(): '{}'",
            vm.type_name(v)
        ))),
    }
}

fn builtin_divmod(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact("divmod", 2)?;
    let (x, y) = (&a[0], &a[1]);
    if vm.is_exact_builtin(x)
        && vm.is_exact_builtin(y)
        && !matches!(kind_of(x), None | Some(Kind::Complex))
        && !matches!(kind_of(y), None | Some(Kind::Complex))
    {
        return divmod_numbers(vm, x, y);
    }
    let r = vm.binary_dispatch(x, y, "__divmod__", "__rdivmod__")?;
    if !r.is(&Value::NOT_IMPLEMENTED) {
        return Ok(r);
    }
    Err(PyErr::type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        vm.type_name(x),
        vm.type_name(y)
    )))
}

fn builtin_pow(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = ArgSpec {
        fname: "pow",
        names: &["base", "exp", "mod"],
        posonly: 0,
        required: 2,
        kwonly_from: 3,
    }
    .bind(&args)?;
    if b[2].is_null() || b[2].is_none() {
        return vm.binary_op(&b[0], &b[1], BinaryOp::Power);
    }
    pow3(vm, &b[0], &b[1], &b[2])
}

// ---------------------------------------------------------------------------------------
// hex, oct, bin, chr, ord

fn radix_builtin(
    vm: &mut Vm,
    args: &Args<'_>,
    name: &str,
    f: fn(&BigInt) -> String,
) -> PyResult<Value> {
    let a = args.exact(name, 1)?;
    let v = vm.index_value(&a[0])?;
    let i = as_int(&v).map(|i| i.to_bigint()).unwrap_or_default();
    Ok(vm.new_string(f(&i)))
}

fn builtin_hex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    radix_builtin(vm, &args, "hex", crate::text::number_parse::int_to_hex)
}

fn builtin_oct(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    radix_builtin(vm, &args, "oct", crate::text::number_parse::int_to_oct)
}

fn builtin_bin(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    radix_builtin(vm, &args, "bin", crate::text::number_parse::int_to_bin)
}

fn builtin_chr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact("chr", 1)?;
    let v = vm.index_value(&a[0])?;
    let code = as_int(&v).and_then(|i| i.to_i64()).unwrap_or(-1);
    if !(0..0x11_0000).contains(&code) {
        return Err(PyErr::value_error("chr() arg not in range(0x110000)"));
    }
    let Some(c) = char::from_u32(code as u32) else {
        // A lone surrogate.
        return Ok(vm.new_pystr(crate::types::str::PyStr::from_code_points([code as u32])));
    };
    let mut buf = [0u8; 4];
    Ok(vm.new_str(c.encode_utf8(&mut buf)))
}

fn builtin_ord(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact("ord", 1)?;
    let v = &a[0];
    if let Some(s) = v.as_pystr() {
        let mut chars = s.code_points();
        return match (chars.next(), chars.next()) {
            (Some(c), None) => Ok(vm.new_int(i64::from(c))),
            _ => Err(PyErr::type_error(format!(
                "ord() expected a character, but string of length {} found",
                s.char_len()
            ))),
        };
    }
    if let Some(data) = vm.bytes_like(v) {
        return match data.as_slice() {
            [b] => Ok(vm.new_int(i64::from(*b))),
            _ => Err(PyErr::type_error(format!(
                "ord() expected a character, but string of length {} found",
                data.len()
            ))),
        };
    }
    Err(PyErr::type_error(format!(
        "ord() expected string of length 1, but {} found",
        vm.type_name(v)
    )))
}
