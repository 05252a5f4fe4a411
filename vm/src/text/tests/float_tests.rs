//! `repr(float)`, digit generation and int to float conversion.

use num_bigint::BigInt;

use crate::text::TextError;
use crate::text::float_fmt::{FloatFormat, FloatKind, float_to_string};
use crate::text::float_repr::{Digits, float_repr, shortest_digits};
use crate::text::number_parse::int_to_f64;

fn bits(b: u64) -> f64 {
    f64::from_bits(b)
}

#[test]
fn repr_special_and_simple_values() {
    // PYENV_VERSION=3.13.0 python3 -c "for x in [0.0,-0.0,1.0,-1.5,0.1,1e-5,1e-4,0.0001234,
    //   1e16,1e15,123456789012345678.0,1.5e300,5e-324,1.7976931348623157e308,float('inf'),
    //   float('-inf'),float('nan'),2.0**-1074*3,9007199254740993.0,0.3,2/3,1e22,1e23,100.0,
    //   12345.678]: print(repr(x))"
    let cases: [(f64, &str); 25] = [
        (0.0, "0.0"),
        (-0.0, "-0.0"),
        (1.0, "1.0"),
        (-1.5, "-1.5"),
        (0.1, "0.1"),
        (1e-5, "1e-05"),
        (1e-4, "0.0001"),
        (0.0001234, "0.0001234"),
        (1e16, "1e+16"),
        (1e15, "1000000000000000.0"),
        (123456789012345678.0, "1.2345678901234568e+17"),
        (1.5e300, "1.5e+300"),
        (5e-324, "5e-324"),
        (f64::MAX, "1.7976931348623157e+308"),
        (f64::INFINITY, "inf"),
        (f64::NEG_INFINITY, "-inf"),
        (f64::NAN, "nan"),
        (1.5e-323, "1.5e-323"),
        (9007199254740993.0, "9007199254740992.0"),
        (0.3, "0.3"),
        (2.0 / 3.0, "0.6666666666666666"),
        (1e22, "1e+22"),
        (1e23, "1e+23"),
        (100.0, "100.0"),
        (12345.678, "12345.678"),
    ];
    for (x, want) in cases {
        assert_eq!(float_repr(x), want, "repr({x:?})");
    }
    assert_eq!(float_repr(-f64::NAN), "nan");
}

#[test]
fn repr_ties_round_half_even_like_dtoa() {
    // These floats lie exactly half-way between two 17-digit candidates;
    // Rust's `{:?}` rounds up (…008.13) but CPython's dtoa picks the even digit.
    // PYENV_VERSION=3.13.0 python3 -c "import struct; f=lambda b: struct.unpack('<d',
    //   b.to_bytes(8,'little'))[0]; print(repr(f(0x42e26687db6b9b04)), repr(f(0x42d07d7638e2e788)))"
    // -> 161852602146008.12 72524161584030.12
    let a = bits(0x42e2_6687_db6b_9b04);
    assert_eq!(format!("{a:?}"), "161852602146008.13");
    assert_eq!(float_repr(a), "161852602146008.12");
    assert_eq!(float_repr(-a), "-161852602146008.12");
    assert_eq!(float_repr(bits(0x42d0_7d76_38e2_e788)), "72524161584030.12");
    assert_eq!(
        shortest_digits(a),
        Digits {
            digits: "16185260214600812".into(),
            decpt: 15
        }
    );
}

fn fmt(kind: FloatKind, precision: usize) -> FloatFormat {
    FloatFormat {
        kind,
        precision,
        ..FloatFormat::default()
    }
}

#[test]
fn fixed_and_exponent_digits_round_half_even() {
    // PYENV_VERSION=3.13.0 python3 -c "for v in [0.125,0.375,0.5,1.5,2.5,0.25]:
    //   print('%.2f'%v, '%.0f'%v, '%.1f'%v, '%.1e'%v)"
    let cases: [(f64, [&str; 4]); 6] = [
        (0.125, ["0.12", "0", "0.1", "1.2e-01"]),
        (0.375, ["0.38", "0", "0.4", "3.8e-01"]),
        (0.5, ["0.50", "0", "0.5", "5.0e-01"]),
        (1.5, ["1.50", "2", "1.5", "1.5e+00"]),
        (2.5, ["2.50", "2", "2.5", "2.5e+00"]),
        (0.25, ["0.25", "0", "0.2", "2.5e-01"]),
    ];
    for (x, [f2, f0, f1, e1]) in cases {
        assert_eq!(float_to_string(x, &fmt(FloatKind::Fixed, 2)), f2);
        assert_eq!(float_to_string(x, &fmt(FloatKind::Fixed, 0)), f0);
        assert_eq!(float_to_string(x, &fmt(FloatKind::Fixed, 1)), f1);
        assert_eq!(float_to_string(x, &fmt(FloatKind::Exp, 1)), e1);
    }
}

#[test]
fn long_exact_expansions() {
    // PYENV_VERSION=3.13.0 python3 -c "print(format(0.1, '.60f')); x=format(1e300,'.2f');
    //   print(x[:40], len(x)); y=format(5e-324,'.1100e'); print(y[-20:], len(y))"
    assert_eq!(
        float_to_string(0.1, &fmt(FloatKind::Fixed, 60)),
        "0.100000000000000005551115123125782702118158340454101562500000"
    );
    let big = float_to_string(1e300, &fmt(FloatKind::Fixed, 2));
    assert!(big.starts_with("1000000000000000052504760255204420248704"));
    assert_eq!(big.len(), 304);
    let tiny = float_to_string(5e-324, &fmt(FloatKind::Exp, 1100));
    assert!(tiny.ends_with("000000000000000e-324"));
    assert_eq!(tiny.len(), 1107);
}

#[test]
fn int_to_float_rounds_correctly() {
    // PYENV_VERSION=3.13.0 python3 -c "for v in [2**53+1, 2**1024-2**970-1, -(2**1024-2**970-1),
    //   2**64+2**11, 2**64+2**11+1, 3*2**1000]: print(repr(float(v)))"
    let two = BigInt::from(2);
    let p = |n: u32| -> BigInt { two.pow(n) };
    let cases: [(BigInt, f64); 6] = [
        (p(53) + 1u32, 9007199254740992.0),
        (p(1024) - p(970) - 1u32, f64::MAX),
        (-(p(1024) - p(970) - 1u32), -f64::MAX),
        (p(64) + p(11), 1.8446744073709552e19),
        (p(64) + p(11) + 1u32, 1.8446744073709556e19),
        (p(1000) * 3u32, 3.214525821558802e301),
    ];
    for (v, want) in cases {
        assert_eq!(int_to_f64(&v), Ok(want), "float({v})");
    }
    // PYENV_VERSION=3.13.0 python3 -c "float(2**1024-2**970)"
    // -> OverflowError: int too large to convert to float
    let overflow = Err(TextError::OverflowError(
        "int too large to convert to float".into(),
    ));
    assert_eq!(int_to_f64(&(p(1024) - p(970))), overflow);
    assert_eq!(int_to_f64(&-p(5000)), overflow);
}
