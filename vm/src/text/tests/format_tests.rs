//! `format(value, spec)` for int, float and str.

use num_bigint::BigInt;

use super::{ok, show, val};
use crate::text::TextError;
use crate::text::format_spec::{
    Align, FormatSpec, Grouping, Sign, format_float_with, format_int_with, format_str_with,
    parse_format_spec,
};

fn int(v: i64, spec: &str) -> Result<String, TextError> {
    format_int_with(&BigInt::from(v), spec, "int")
}

fn flt(v: f64, spec: &str) -> Result<String, TextError> {
    format_float_with(v, spec, "float")
}

fn st(v: &str, spec: &str) -> Result<String, TextError> {
    format_str_with(v, spec, "str")
}

#[test]
fn parse_all_fields() {
    let spec = parse_format_spec("*^+z#012,.3f", "float").expect("valid");
    assert_eq!(
        spec,
        FormatSpec {
            fill: Some('*'),
            align: Some(Align::Center),
            sign: Some(Sign::Plus),
            no_neg_zero: true,
            alternate: true,
            zero_pad: false,
            width: Some(12),
            grouping: Some(Grouping::Comma),
            precision: Some(3),
            ty: Some('f'),
        }
    );
    let spec = parse_format_spec("<05", "int").expect("valid");
    assert_eq!(
        (spec.zero_pad, spec.width, spec.fill),
        (true, Some(5), None)
    );
    assert_eq!(parse_format_spec("", "int"), Ok(FormatSpec::default()));
}

#[test]
fn error_messages() {
    // PYENV_VERSION=3.13.0 python3 -c "format(v, spec)" for each case (see /tmp e1.py/e2.py runs).
    let cases: Vec<(Result<String, TextError>, &str)> = vec![
        (
            flt(1.5, "d"),
            "Unknown format code 'd' for object of type 'float'",
        ),
        (
            int(1, "s"),
            "Unknown format code 's' for object of type 'int'",
        ),
        (
            st("a", "d"),
            "Unknown format code 'd' for object of type 'str'",
        ),
        (int(1, "."), "Format specifier missing precision"),
        (st("a", "."), "Format specifier missing precision"),
        (int(1, ",s"), "Cannot specify ',' with 's'."),
        (st("a", ","), "Cannot specify ',' with 's'."),
        (st("a", "_"), "Cannot specify '_' with 's'."),
        (st("a", "+"), "Sign not allowed in string format specifier"),
        (st("a", " "), "Space not allowed in string format specifier"),
        (st("a", "-"), "Sign not allowed in string format specifier"),
        (
            st("a", "#"),
            "Alternate form (#) not allowed in string format specifier",
        ),
        (
            st("a", "="),
            "'=' alignment not allowed in string format specifier",
        ),
        (
            st("a", "z"),
            "Negative zero coercion (z) not allowed in string format specifier",
        ),
        (st("a", "+#"), "Sign not allowed in string format specifier"),
        (
            st("a", "z#"),
            "Negative zero coercion (z) not allowed in string format specifier",
        ),
        (
            st("a", "#="),
            "'=' alignment not allowed in string format specifier",
        ),
        (int(1, ",_"), "Cannot specify both ',' and '_'."),
        (int(1, "_,"), "Cannot specify both ',' and '_'."),
        (int(1, ",,"), "Cannot specify ',' with ','."),
        (int(1, "__"), "Cannot specify '_' with '_'."),
        (
            int(1, "xx"),
            "Invalid format specifier 'xx' for object of type 'int'",
        ),
        (
            int(1, "10xx"),
            "Invalid format specifier '10xx' for object of type 'int'",
        ),
        (
            flt(1.5, ".2,f"),
            "Invalid format specifier '.2,f' for object of type 'float'",
        ),
        (
            int(1, "99999999999999999999"),
            "Too many decimal digits in format string",
        ),
        (
            int(1, "9223372036854775808"),
            "Too many decimal digits in format string",
        ),
        (
            flt(1.0, ".99999999999999999999f"),
            "Too many decimal digits in format string",
        ),
        (flt(1.0, ".2147483648f"), "precision too big"),
        (int(1, ",x"), "Cannot specify ',' with 'x'."),
        (int(1, ",b"), "Cannot specify ',' with 'b'."),
        (int(1, "_n"), "Cannot specify '_' with 'n'."),
        (int(1, ",c"), "Cannot specify ',' with 'c'."),
        (int(1, ",é"), "Cannot specify ',' with '\\xe9'."),
        (int(1, ",\x01"), "Cannot specify ',' with '\\x1'."),
        (
            int(1, "+c"),
            "Sign not allowed with integer format specifier 'c'",
        ),
        (
            int(1, "#c"),
            "Alternate form (#) not allowed with integer format specifier 'c'",
        ),
        (
            int(1, ".2c"),
            "Precision not allowed in integer format specifier",
        ),
        (
            int(1, ".2d"),
            "Precision not allowed in integer format specifier",
        ),
        (
            int(1, "zd"),
            "Negative zero coercion (z) not allowed in integer format specifier",
        ),
        (
            int(0, "z"),
            "Negative zero coercion (z) not allowed in integer format specifier",
        ),
        (
            flt(1.0, "zd"),
            "Unknown format code 'd' for object of type 'float'",
        ),
        (
            flt(-0.0, "z+"),
            "Unknown format code '+' for object of type 'float'",
        ),
        (
            int(1, "\x01"),
            "Unknown format code '\\x1' for object of type 'int'",
        ),
        (
            int(1, "é"),
            "Unknown format code '\\xe9' for object of type 'int'",
        ),
        (
            int(1, "\x7f"),
            "Unknown format code '\x7f' for object of type 'int'",
        ),
        (
            int(1, "5 "),
            "Unknown format code '\\x20' for object of type 'int'",
        ),
        (
            int(1, "😀"),
            "Unknown format code '\\x1f600' for object of type 'int'",
        ),
        (
            int(1234, ".2,"),
            "Unknown format code ',' for object of type 'int'",
        ),
    ];
    for (got, want) in cases {
        assert_eq!(got, val(want));
    }
    // PYENV_VERSION=3.13.0 python3 -c "format(-1, 'c')"  (and 10**30, 'c')
    let overflow = |m: &str| Err(TextError::OverflowError(m.into()));
    assert_eq!(int(-1, "c"), overflow("%c arg not in range(0x110000)"));
    assert_eq!(
        int(0x110000, "c"),
        overflow("%c arg not in range(0x110000)")
    );
    let huge = BigInt::from(10).pow(30);
    assert_eq!(
        format_int_with(&huge, "c", "int"),
        overflow("Python int too large to convert to C long")
    );
    assert_eq!(
        format_int_with(&huge.pow(11), "f", "int"),
        overflow("int too large to convert to float")
    );
    assert_eq!(
        format_int_with(&BigInt::from(1), "s", "bool"),
        val("Unknown format code 's' for object of type 'bool'")
    );
}

#[test]
fn int_formatting() {
    // PYENV_VERSION=3.13.0 python3 -c "print(repr(format(v, spec)))" for each case.
    let cases: [(i64, &str, &str); 33] = [
        (1234, "010,", "00,001,234"),
        (1234, "0=10,", "00,001,234"),
        (1234, "09,", "0,001,234"),
        (1234, "08,", "0,001,234"),
        (1234, "06,", "01,234"),
        (1234, "07,", "001,234"),
        (1234, "x=10,", "xxxxx1,234"),
        (1234, "0>10,", "000001,234"),
        (5, "<05", "50000"),
        (5, "x<05", "5xxxx"),
        (-5, "05", "-0005"),
        (-5, "^05", "0-500"),
        (-5, "=+8", "-      5"),
        (5, " 8", "       5"),
        (5, "*^9", "****5****"),
        (5, "{^9", "{{{{5{{{{"),
        (-1234567, "_", "-1_234_567"),
        (1234567, "+,d", "+1,234,567"),
        (1234567, "n", "1234567"),
        (12345678, "_x", "bc_614e"),
        (12345678, "_b", "1011_1100_0110_0001_0100_1110"),
        (255, "#_b", "0b1111_1111"),
        (255, "#010_x", "0x000_00ff"),
        (-255, "#010x", "-0x00000ff"),
        (255, "#X", "0XFF"),
        (255, "#o", "0o377"),
        (0, "#b", "0b0"),
        (5, "#08b", "0b000101"),
        (12345, "#_o", "0o3_0071"),
        (-12345, "#_x", "-0x3039"),
        (65, "^5c", "  A  "),
        (65, "05c", "0000A"),
        (65, "=5c", "    A"),
    ];
    for (v, spec, want) in cases {
        assert_eq!(int(v, spec), ok(want), "format({v}, {spec:?})");
    }
    // PYENV_VERSION=3.13.0 python3 -c "print(format(10**20, '+031,'), format(10, '%'), format(123456789, 'e'))"
    let e20 = BigInt::from(10).pow(20);
    assert_eq!(
        format_int_with(&e20, "+031,", "int"),
        ok("+00,100,000,000,000,000,000,000")
    );
    assert_eq!(int(10, "%"), ok("1000.000000%"));
    assert_eq!(int(123456789, "e"), ok("1.234568e+08"));
    assert_eq!(int(10, "g"), ok("10"));
    assert_eq!(int(-5, ""), ok("-5"));
}

#[test]
fn float_formatting() {
    // PYENV_VERSION=3.13.0 python3 -c "print(repr(format(v, spec)))" for each case.
    let inf = f64::INFINITY;
    let cases: [(f64, &str, &str); 46] = [
        (1.0, "#", "1.0"),
        (1e16, "#", "1.e+16"),
        (1e16, "", "1e+16"),
        (1.0, ".3", "1.0"),
        (100.0, ".3", "1e+02"),
        (123456.0, ".3", "1.23e+05"),
        (1.0, ".0", "1e+00"),
        (0.0001, ".3", "0.0001"),
        (1.0, "#.3", "1.00"),
        (100.0, "#.3", "1.00e+02"),
        (0.0, "#.0", "0.e+00"),
        (1e16, ".17", "1e+16"),
        (1e16, ".17g", "10000000000000000"),
        (inf, "010", "0000000inf"),
        (f64::NAN, "+010", "+000000nan"),
        (inf, "=+10", "+      inf"),
        (inf, "010,", "0000000inf"),
        (-inf, "010", "-000000inf"),
        (-f64::NAN, "+", "+nan"),
        (-inf, "z", "-inf"),
        (-0.0, "z", "0.0"),
        (-0.0, "", "-0.0"),
        (-0.0, "g", "-0"),
        (0.0, " ", " 0.0"),
        (-0.001, "z.1f", "0.0"),
        (-0.5, "z.0f", "0"),
        (-0.6, "z.0f", "-1"),
        (-1e-10, "z.1e", "-1.0e-10"),
        (-0.0001, "z.1%", "0.0%"),
        (1.0, "#.0f", "1."),
        (1.0, "#g", "1.00000"),
        (0.0001234, "#.3g", "0.000123"),
        (12345.678, "n", "12345.7"),
        (12345.678, ".3n", "1.23e+04"),
        (1.5, "%", "150.000000%"),
        (1.5, ".0%", "150%"),
        (1e16, "%", "1000000000000000000.000000%"),
        (1234.5, "_f", "1_234.500000"),
        (1234.5, "_e", "1.234500e+03"),
        (12345678.9, ",.2f", "12,345,678.90"),
        (1234.5, "012,.2f", "0,001,234.50"),
        (-1.5, "010", "-0000001.5"),
        (1.5, "^10", "   1.5    "),
        (1e300, "G", "1E+300"),
        (inf, "E", "INF"),
        (f64::NAN, "F", "NAN"),
    ];
    for (v, spec, want) in cases {
        assert_eq!(flt(v, spec), ok(want), "format({v:?}, {spec:?})");
    }
}

#[test]
fn str_formatting() {
    // PYENV_VERSION=3.13.0 python3 -c "print(repr(format(v, spec)))" for each case.
    let cases: [(&str, &str, &str); 9] = [
        ("a", "0", "a"),
        ("ab", "05", "ab000"),
        ("ab", "<05", "ab000"),
        ("abc", ".1", "a"),
        ("abc", ">5.2", "   ab"),
        ("abc", "^6", " abc  "),
        ("abc", "^7", "  abc  "),
        ("abcé😀", "*^10", "**abcé😀***"),
        ("", "5", "     "),
    ];
    for (v, spec, want) in cases {
        assert_eq!(st(v, spec), ok(want), "format({v:?}, {spec:?})");
    }
    assert_eq!(show(st("é😀x", ".2s")), "OK:é😀");
}
