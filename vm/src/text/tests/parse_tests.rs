//! `int(str, base)`, `float(str)`, `str(int)` and `hex`/`oct`/`bin`.

use num_bigint::BigInt;

use super::val;
use crate::text::TextError;
use crate::text::float_repr::float_repr;
use crate::text::number_parse::{
    DEFAULT_MAX_STR_DIGITS, int_to_bin, int_to_hex, int_to_oct, int_to_str_radix, parse_float,
    parse_int,
};

fn int(s: &str, base: u32) -> Result<String, TextError> {
    parse_int(s, base, DEFAULT_MAX_STR_DIGITS).map(|v| v.to_string())
}

fn invalid(base: u32, repr: &str) -> Result<String, TextError> {
    val(&format!(
        "invalid literal for int() with base {base}: {repr}"
    ))
}

#[test]
fn int_parsing() {
    // PYENV_VERSION=3.13.0 python3 -c "print(int(s, base))" for each case.
    let good: [(&str, u32, &str); 24] = [
        (" 12 ", 10, "12"),
        ("\u{3000}\u{663}\u{664}\u{2028}", 10, "34"),
        ("0x1f", 16, "31"),
        ("0x1f", 0, "31"),
        ("0b1", 16, "177"),
        ("0o17", 8, "15"),
        ("0o17", 0, "15"),
        ("00", 0, "0"),
        ("0_0", 0, "0"),
        ("010", 8, "8"),
        ("1_000", 10, "1000"),
        ("0x_1f", 16, "31"),
        ("-0x1f", 0, "-31"),
        ("+1", 10, "1"),
        ("z", 36, "35"),
        ("Z", 36, "35"),
        ("10", 2, "2"),
        ("１２", 10, "12"),
        ("0x١٢", 16, "18"),
        ("١٢", 0, "12"),
        ("0b_1", 2, "1"),
        ("0B1", 0, "1"),
        ("1\t", 10, "1"),
        ("\u{85} 1\u{a0}", 10, "1"),
    ];
    for (s, base, want) in good {
        assert_eq!(int(s, base), Ok(want.to_string()), "int({s:?}, {base})");
    }
    let bad: [(&str, u32, &str); 20] = [
        ("1.5", 10, "'1.5'"),
        ("0x1f", 10, "'0x1f'"),
        ("017", 0, "'017'"),
        ("0_7", 0, "'0_7'"),
        ("1__0", 10, "'1__0'"),
        ("_1", 10, "'_1'"),
        ("1_", 10, "'1_'"),
        ("0x_", 16, "'0x_'"),
        ("0x", 16, "'0x'"),
        ("0_x1", 16, "'0_x1'"),
        ("+ 1", 10, "'+ 1'"),
        ("--1", 10, "'--1'"),
        ("", 10, "''"),
        ("   ", 10, "'   '"),
        ("2", 2, "'2'"),
        ("\u{661}x", 16, "'١x'"),
        ("0\u{661}", 0, "'0١'"),
        ("12\x00", 10, "'12\\x00'"),
        ("\x1c1\x1f", 10, "'\\x1c1\\x1f'"),
        ("\u{200b}1", 10, "'\\u200b1'"),
    ];
    for (s, base, repr) in bad {
        assert_eq!(int(s, base), invalid(base, repr), "int({s:?}, {base})");
    }
    // PYENV_VERSION=3.13.0 python3 -c "int('1', 1)"
    let base_err = val("int() base must be >= 2 and <= 36, or 0");
    assert_eq!(int("1", 1), base_err);
    assert_eq!(int("1", 37), base_err);
    // The repr in the message is cut to 200 characters (%.200R):
    // PYENV_VERSION=3.13.0 python3 -c "int('x'*300)"
    let long = "x".repeat(300);
    assert_eq!(
        int(&long, 10),
        invalid(10, &format!("'{}", "x".repeat(199)))
    );
}

#[test]
fn int_digit_limit() {
    // PYENV_VERSION=3.13.0 python3 -c "int('1'*4301)" / "int('0'*5000)" / "int('1'*5000+'x')"
    let limit = |n: usize| {
        val(&format!(
            "Exceeds the limit (4300 digits) for integer string conversion: value has {n} digits; \
             use sys.set_int_max_str_digits() to increase the limit"
        ))
    };
    assert_eq!(int(&"1".repeat(4300), 10).map(|s| s.len()), Ok(4300));
    assert_eq!(int(&"1".repeat(4301), 10), limit(4301));
    assert_eq!(int(&format!("-{}", "1".repeat(4301)), 10), limit(4301));
    assert_eq!(int(&"0".repeat(5000), 10), limit(5000));
    assert_eq!(int(&"0".repeat(4301), 0), limit(4301));
    assert_eq!(int(&"1".repeat(5000), 3), limit(5000));
    // Underscores do not count; syntax errors win over the limit.
    assert_eq!(
        int(&format!("{}1", "1_".repeat(2500)), 10).map(|s| s.len()),
        Ok(2501)
    );
    let bad = format!("{}x", "1".repeat(5000));
    let repr: String = format!("'{bad}'").chars().take(200).collect();
    assert_eq!(int(&bad, 10), invalid(10, &repr));
    // Power-of-two bases are not limited.
    assert!(int(&"f".repeat(5000), 16).is_ok());
    assert!(int(&format!("0x{}", "1".repeat(5000)), 0).is_ok());
    assert!(int(&"1".repeat(5000), 32).is_ok());
    // 0 disables the limit.
    assert!(parse_int(&"1".repeat(5000), 10, 0).is_ok());
}

#[test]
fn float_parsing() {
    // PYENV_VERSION=3.13.0 python3 -c "print(repr(float(s)))" for each case.
    let good: [(&str, &str); 22] = [
        ("1.5", "1.5"),
        (" 1.5 ", "1.5"),
        ("\u{85}1\u{a0}", "1.0"),
        ("1_0.5", "10.5"),
        ("1.0_0", "1.0"),
        ("1e1_0", "10000000000.0"),
        ("inf", "inf"),
        ("-inf", "-inf"),
        ("+INFINITY", "inf"),
        ("iNfIniTy", "inf"),
        ("nan", "nan"),
        ("-NaN", "nan"),
        ("1.", "1.0"),
        (".5", "0.5"),
        ("1E5", "100000.0"),
        ("+.5e-3", "0.0005"),
        ("١.٥", "1.5"),
        ("１.５", "1.5"),
        ("1e400", "inf"),
        ("-1e400", "-inf"),
        ("1e-400", "0.0"),
        ("0_0.0_0", "0.0"),
    ];
    for (s, want) in good {
        assert_eq!(
            parse_float(s).map(float_repr),
            Ok(want.to_string()),
            "float({s:?})"
        );
    }
    assert!(parse_float("-nan").is_ok_and(|x| x.is_nan() && x.is_sign_negative()));
    let bad = [
        ("abc", "'abc'"),
        ("\x1c1", "'\\x1c1'"),
        ("1_.5", "'1_.5'"),
        ("1._5", "'1._5'"),
        ("1e_10", "'1e_10'"),
        ("_1", "'_1'"),
        ("1_", "'1_'"),
        ("in_f", "'in_f'"),
        ("infinit", "'infinit'"),
        ("nan(1)", "'nan(1)'"),
        (".", "'.'"),
        ("e5", "'e5'"),
        ("1e", "'1e'"),
        ("1e+", "'1e+'"),
        ("0x10", "'0x10'"),
        ("", "''"),
        ("1\x00", "'1\\x00'"),
        ("- 1", "'- 1'"),
        ("+-1", "'+-1'"),
        ("٫5", "'٫5'"),
        ("1\u{2000}2", "'1\\u20002'"),
    ];
    for (s, repr) in bad {
        let want = Err(TextError::ValueError(format!(
            "could not convert string to float: {repr}"
        )));
        assert_eq!(parse_float(s), want, "float({s:?})");
    }
    // Not truncated: PYENV_VERSION=3.13.0 python3 -c "float('x'*300)" (message length 337)
    let long = "x".repeat(300);
    assert_eq!(parse_float(&long).map_err(|e| e.message().len()), Err(337));
}

#[test]
fn int_to_text() {
    // PYENV_VERSION=3.13.0 python3 -c "print(len(str(10**4299)), len(str(-(10**4299))));
    //   str(-(10**4300))"
    let e = |n: u32| BigInt::from(10).pow(n);
    let too_long = val(
        "Exceeds the limit (4300 digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit",
    );
    let s = |v: &BigInt| int_to_str_radix(v, 10, DEFAULT_MAX_STR_DIGITS);
    assert_eq!(s(&e(4299)).map(|t| t.len()), Ok(4300));
    assert_eq!(s(&-e(4299)).map(|t| t.len()), Ok(4301));
    assert_eq!(s(&e(4300)), too_long);
    assert_eq!(s(&-e(4300)), too_long);
    assert_eq!(s(&e(100_000)), too_long);
    assert!(int_to_str_radix(&e(5000), 10, 0).is_ok());
    assert!(int_to_str_radix(&e(5000), 16, DEFAULT_MAX_STR_DIGITS).is_ok());
    assert_eq!(s(&BigInt::from(-1234)), Ok("-1234".to_string()));
    // PYENV_VERSION=3.13.0 python3 -c "print(hex(-31), oct(15), bin(-5), hex(0))"
    assert_eq!(int_to_hex(&BigInt::from(-31)), "-0x1f");
    assert_eq!(int_to_oct(&BigInt::from(15)), "0o17");
    assert_eq!(int_to_bin(&BigInt::from(-5)), "-0b101");
    assert_eq!(int_to_hex(&BigInt::from(0)), "0x0");
}
