//! Unit tests of `math`: the 3.14 domain-error messages (the corpus records CPython 3.13,
//! which still says "math domain error", so these are checked here) and the numeric
//! kernels against known values.

use crate::interp::args::Args;
use crate::object::Value;
use crate::runtime::errors::{ErrRepr, ExcKind};
use crate::vm::{Config, Vm};

fn vm() -> Vm {
    Vm::new(Config {
        hash_seed: Some(0),
        ..Config::default()
    })
}

/// The (kind, message) of the ValueError `func(x)` raises.
fn error_of(
    vm: &mut Vm,
    func: crate::types::function::NativeFn,
    args: &[Value],
) -> (ExcKind, String) {
    match func(vm, Args::positional_only(args)) {
        Ok(_) => panic!("expected an error"),
        Err(e) => match e.into_repr() {
            ErrRepr::Lazy(kind, msg) => (kind, msg),
            _ => panic!("expected a lazy error"),
        },
    }
}

#[test]
fn domain_errors_name_the_input_as_in_3_14() {
    let mut vm = vm();
    let cases: &[(crate::types::function::NativeFn, f64, &str)] = &[
        (
            super::math_sqrt,
            -1.0,
            "expected a nonnegative input, got -1.0",
        ),
        (
            super::math_acos,
            2.0,
            "expected a number in range from -1 up to 1, got 2.0",
        ),
        (
            super::math_asin,
            -1.5,
            "expected a number in range from -1 up to 1, got -1.5",
        ),
        (
            super::math_acosh,
            0.5,
            "expected argument value not less than 1, got 0.5",
        ),
        (
            super::math_atanh,
            1.0,
            "expected a number between -1 and 1, got 1.0",
        ),
        (
            super::math_cos,
            f64::INFINITY,
            "expected a finite input, got inf",
        ),
        (
            super::math_sin,
            f64::NEG_INFINITY,
            "expected a finite input, got -inf",
        ),
        (
            super::math_tan,
            f64::INFINITY,
            "expected a finite input, got inf",
        ),
        (
            super::math_log1p,
            -1.0,
            "expected argument value > -1, got -1.0",
        ),
        (
            super::math_gamma,
            -2.0,
            "expected a noninteger or positive integer, got -2.0",
        ),
        (
            super::math_lgamma,
            0.0,
            "expected a noninteger or positive integer, got 0.0",
        ),
        (super::math_log, 0.0, "expected a positive input, got 0.0"),
        (
            super::math_log2,
            -0.5,
            "expected a positive input, got -0.5",
        ),
        (
            super::math_log10,
            f64::NEG_INFINITY,
            "expected a positive input, got -inf",
        ),
    ];
    for &(func, x, message) in cases {
        let arg = vm.new_float(x);
        assert_eq!(
            error_of(&mut vm, func, &[arg]),
            (ExcKind::ValueError, message.to_string())
        );
    }
    let zero = vm.new_int(0);
    assert_eq!(
        error_of(&mut vm, super::math_log, &[zero]),
        (ExcKind::ValueError, "expected a positive input".to_string())
    );
}

#[test]
fn frexp_and_ldexp_round_trip() {
    for x in [
        1.0,
        -3.5,
        5e-324,
        2.2250738585072014e-308,
        1.7976931348623157e308,
    ] {
        let (m, e) = super::sums::frexp(x);
        assert!((0.5..1.0).contains(&m.abs()));
        assert_eq!(super::sums::ldexp(m, i64::from(e)), x);
    }
    // Rounding to a subnormal happens once, half to even.
    assert_eq!(super::sums::ldexp(1.5, -1074), 1e-323);
    assert_eq!(super::sums::ldexp(1.0, 1024), f64::INFINITY);
}
