//! printf-style `%` specifier parsing and number conversions.

use num_bigint::BigInt;

use super::{ok, val};
use crate::text::TextError;
use crate::text::percent::{
    PercentCount, PercentSpec, format_percent_float, format_percent_int, parse_percent_spec,
};

/// Parse `template` (starting with `%`) as a single conversion.
fn spec(template: &str) -> Result<PercentSpec, TextError> {
    let rest = template.strip_prefix('%').expect("starts with %");
    let (spec, used) = parse_percent_spec(rest, 1)?;
    assert_eq!(used, rest.len(), "{template} fully consumed");
    Ok(spec)
}

fn pi(template: &str, v: i64) -> Result<String, TextError> {
    format_percent_int(&BigInt::from(v), &spec(template)?)
}

fn pf(template: &str, v: f64) -> Result<String, TextError> {
    format_percent_float(v, &spec(template)?)
}

#[test]
fn int_conversions() {
    // PYENV_VERSION=3.13.0 python3 -c "print(repr(template % value))" for each case.
    let cases: [(&str, i64, &str); 27] = [
        ("%#o", 15, "0o17"),
        ("%#x", 31, "0x1f"),
        ("%#X", 31, "0X1F"),
        ("%+d", 5, "+5"),
        ("% d", 5, " 5"),
        ("%-5d", 5, "5    "),
        ("%05d", -3, "-0003"),
        ("%-05d", -3, "-3   "),
        ("%+ d", 5, "+5"),
        ("% +d", 5, "+5"),
        ("%.5d", 3, "00003"),
        ("%.5d", -3, "-00003"),
        ("%#.5x", 31, "0x0001f"),
        ("%#8.5x", 31, " 0x0001f"),
        ("%#08x", 31, "0x00001f"),
        ("%#-8x", 31, "0x1f    "),
        ("%x", -255, "-ff"),
        ("%o", -8, "-10"),
        ("%#o", -8, "-0o10"),
        ("%#5X", -255, "-0XFF"),
        ("%#o", 0, "0o0"),
        ("%.0d", 0, "0"),
        ("%#.3x", 0, "0x000"),
        ("%#.3o", 8, "0o010"),
        ("%ld", 5, "5"),
        ("%i", 7, "7"),
        ("%u", 7, "7"),
    ];
    for (t, v, want) in cases {
        assert_eq!(pi(t, v), ok(want), "{t:?} % {v}");
    }
    // PYENV_VERSION=3.13.0 python3 -c "print('%#.30x' % 10**20, '%.3d' % -10**20)"
    let e20 = BigInt::from(10).pow(20);
    let s = spec("%#.30x").expect("valid");
    assert_eq!(
        format_percent_int(&e20, &s),
        ok("0x000000000000056bc75e2d63100000")
    );
    let s = spec("%.3d").expect("valid");
    assert_eq!(format_percent_int(&-e20, &s), ok("-100000000000000000000"));
}

#[test]
fn float_conversions() {
    // PYENV_VERSION=3.13.0 python3 -c "print(repr(template % value))" for each case.
    let inf = f64::INFINITY;
    let cases: [(&str, f64, &str); 30] = [
        ("%05.1f", 3.25, "003.2"),
        ("%.3g", 1234.5, "1.23e+03"),
        ("%010f", inf, "0000000inf"),
        ("%-010f", -inf, "-inf      "),
        ("%05f", -inf, "-0inf"),
        ("%+f", f64::NAN, "+nan"),
        ("% f", f64::NAN, " nan"),
        ("%g", -f64::NAN, "nan"),
        ("%F", inf, "INF"),
        ("%e", 0.0, "0.000000e+00"),
        ("%g", 1e-5, "1e-05"),
        ("%g", 1e-4, "0.0001"),
        ("%#g", 1.0, "1.00000"),
        ("%#.0f", 1.0, "1."),
        ("%.0e", 12345.0, "1e+04"),
        ("%10.3e", -1234.5, "-1.234e+03"),
        ("%+.2E", 1234.5, "+1.23E+03"),
        ("%G", 1e300, "1E+300"),
        ("%g", 100000.0, "100000"),
        ("%g", 1000000.0, "1e+06"),
        ("%.0g", 0.0, "0"),
        ("%.0g", 123.0, "1e+02"),
        ("%.0f", 0.5, "0"),
        ("%.0f", 2.5, "2"),
        ("%.2f", 0.125, "0.12"),
        ("%.f", 1.5, "2"),
        ("%+.3e", -0.0, "-0.000e+00"),
        ("%5.1f", -0.04, " -0.0"),
        ("%#.3g", 1e-5, "1.00e-05"),
        ("%.20g", 0.1, "0.10000000000000000555"),
    ];
    for (t, v, want) in cases {
        assert_eq!(pf(t, v), ok(want), "{t:?} % {v:?}");
    }
    // PYENV_VERSION=3.13.0 python3 -c "print('%.100f' % 1e-05)"
    assert_eq!(
        pf("%.100f", 1e-5),
        ok(
            "0.0000100000000000000008180305391403130954586231382563710212707519531250000000000000000000000000000000"
        )
    );
}

#[test]
fn spec_parsing() {
    let s = spec("%(a(b)c)-+ #05.3Lf").expect("valid");
    assert_eq!(s.key.as_deref(), Some("a(b)c"));
    assert!(s.left_adjust && s.plus && s.space && s.alternate && s.zero_pad);
    assert_eq!(
        (s.width, s.precision),
        (PercentCount::Value(5), PercentCount::Value(3))
    );
    assert_eq!((s.conversion, s.conversion_index), ('f', 17));
    assert!(!s.literal_percent);

    let s = spec("%*.*d").expect("valid");
    assert_eq!(
        (s.width, s.precision),
        (PercentCount::Star, PercentCount::Star)
    );
    let s = spec("%.d").expect("valid");
    assert_eq!(s.precision, PercentCount::Value(0));
    assert!(spec("%%").expect("valid").literal_percent);

    // A key with non-ASCII characters: the byte count and index differ.
    let (s, used) = parse_percent_spec("(é)5d and more", 1).expect("valid");
    assert_eq!(
        (used, s.conversion_index, s.key.as_deref()),
        (6, 5, Some("é"))
    );

    // Star values: PYENV_VERSION=3.13.0 python3 -c "print(repr('%*d|' % (-5, 3)),
    //   repr('%.*f' % (-2, 3.75)), repr('%0*d' % (5, -3)))"  -> '3    |' '4' '-0003'
    let mut s = spec("%*d").expect("valid");
    s.apply_star_width(-5);
    assert_eq!(format_percent_int(&BigInt::from(3), &s), ok("3    "));
    let mut s = spec("%.*f").expect("valid");
    s.apply_star_precision(-2);
    assert_eq!(format_percent_float(3.75, &s), ok("4"));
    let mut s = spec("%0*d").expect("valid");
    s.apply_star_width(5);
    assert_eq!(format_percent_int(&BigInt::from(-3), &s), ok("-0003"));
}

#[test]
fn spec_errors() {
    // PYENV_VERSION=3.13.0 python3 -c "template % args" for each case.
    assert_eq!(
        spec("%(a").map(|_| ()),
        Err(TextError::ValueError("incomplete format key".into()))
    );
    for t in ["%", "%5", "%.", "%-", "%(a)", "%(a)5", "%l", "%5.3"] {
        assert_eq!(
            spec(t).map(|_| ()),
            val("incomplete format").map(|_| ()),
            "{t:?}"
        );
    }
    assert_eq!(
        spec("%99999999999999999999d").map(|_| ()),
        Err(TextError::ValueError("width too big".into()))
    );
    assert_eq!(
        spec("%.2147483648d").map(|_| ()),
        Err(TextError::ValueError("precision too big".into()))
    );
    assert!(spec("%2147483648d").is_ok());
    // Unsupported characters are reported by the caller after fetching the argument:
    // '%y' % (1, 2) -> unsupported format character 'y' (0x79) at index 1
    // '%5%' % (1,) -> unsupported format character '%' (0x25) at index 2
    // '%é' % 1 -> unsupported format character '?' (0xe9) at index 1
    // '%\x1f' % 1 -> unsupported format character '\x1f' (0x1f) at index 1
    // '%1$d' % 5 -> unsupported format character '$' (0x24) at index 2
    // 'ab%y' % 1 -> ... at index 3; '%lld' % 5 -> 'l' (0x6c) at index 2
    let unsupported = |t: &str| spec(t).map(|s| s.unsupported_error());
    let msg = |m: &str| Ok(TextError::ValueError(m.into()));
    assert_eq!(
        unsupported("%y"),
        msg("unsupported format character 'y' (0x79) at index 1")
    );
    assert_eq!(
        unsupported("%5%"),
        msg("unsupported format character '%' (0x25) at index 2")
    );
    assert!(!spec("%5%").expect("parses").literal_percent);
    assert_eq!(
        unsupported("%é"),
        msg("unsupported format character '?' (0xe9) at index 1")
    );
    assert_eq!(
        unsupported("%\x1f"),
        msg("unsupported format character '\x1f' (0x1f) at index 1")
    );
    assert_eq!(
        unsupported("%\x7f"),
        msg("unsupported format character '?' (0x7f) at index 1")
    );
    let (s, used) = parse_percent_spec("1$d", 1).expect("parses");
    assert_eq!(used, 2);
    assert_eq!(
        s.unsupported_error(),
        TextError::ValueError("unsupported format character '$' (0x24) at index 2".into())
    );
    let (s, _) = parse_percent_spec("y", 3).expect("parses");
    assert_eq!(
        s.unsupported_error(),
        TextError::ValueError("unsupported format character 'y' (0x79) at index 3".into())
    );
    let (s, _) = parse_percent_spec("lld", 1).expect("parses");
    assert_eq!(
        s.unsupported_error(),
        TextError::ValueError("unsupported format character 'l' (0x6c) at index 2".into())
    );
    // The number formatters refuse other conversions the same way.
    assert_eq!(
        pi("%s", 1),
        val("unsupported format character 's' (0x73) at index 1")
    );
}
