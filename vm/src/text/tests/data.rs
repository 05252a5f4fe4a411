//! Loader for the CPython reference files in `testdata/` and the bulk
//! comparisons against them.

use num_bigint::BigInt;

use super::show;
use crate::text::float_repr::float_repr;
use crate::text::format_spec::{format_float_with, format_int_with, format_str_with};
use crate::text::hash::{
    hash_bytes, hash_float, hash_int, hash_key_from_seed, hash_str, hash_tuple,
};
use crate::text::number_parse::{DEFAULT_MAX_STR_DIGITS, int_to_hex, parse_float, parse_int};
use crate::text::percent::{format_percent_float, format_percent_int, parse_percent_spec};
use crate::text::str_repr::{py_ascii_repr, py_str_repr};

/// Undo the data files' escaping of `\\`, `\t`, `\n`, `\r`.
fn unesc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Non-empty lines of a data file, split on tabs and unescaped.
fn records(text: &str) -> Vec<Vec<String>> {
    text.split('\n')
        .filter(|l| !l.is_empty())
        .map(|l| l.split('\t').map(unesc).collect())
        .collect()
}

fn float_from_hex(h: &str) -> f64 {
    f64::from_bits(u64::from_str_radix(h, 16).expect("hex bits"))
}

fn big(s: &str) -> BigInt {
    s.parse().expect("integer")
}

/// Compare every case, report up to 20 mismatches and fail if any.
fn check_all(name: &str, cases: impl Iterator<Item = (String, String, String)>) {
    let mut failures = Vec::new();
    let mut count = 0;
    for (what, got, want) in cases {
        count += 1;
        if got != want {
            failures.push(format!("{what}\n   got: {got}\n  want: {want}"));
        }
    }
    assert!(count > 0, "{name}: no cases");
    assert!(
        failures.is_empty(),
        "{name}: {} of {count} cases differ from CPython:\n{}",
        failures.len(),
        failures
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn float_repr_matches_cpython() {
    let text = include_str!("../testdata/float_repr.txt");
    check_all(
        "float_repr",
        text.lines().filter(|l| !l.is_empty()).map(|l| {
            let (h, want) = l.split_once(' ').expect("two fields");
            (
                h.to_string(),
                float_repr(float_from_hex(h)),
                want.to_string(),
            )
        }),
    );
}

#[test]
fn format_matches_cpython() {
    let rows = records(include_str!("../testdata/format_cases.txt"));
    check_all(
        "format",
        rows.into_iter().map(|r| {
            let (kind, value, spec, want) = (&r[0], &r[1], &r[2], &r[3]);
            let got = match kind.as_str() {
                "int" => format_int_with(&big(value), spec, "int"),
                "float" => format_float_with(float_from_hex(value), spec, "float"),
                _ => format_str_with(value, spec, "str"),
            };
            (
                format!("format({kind} {value:?}, {spec:?})"),
                show(got),
                want.clone(),
            )
        }),
    );
}

#[test]
fn percent_matches_cpython() {
    let rows = records(include_str!("../testdata/percent_cases.txt"));
    check_all(
        "percent",
        rows.into_iter().map(|r| {
            let (kind, value, template, want) = (&r[0], &r[1], &r[2], &r[3]);
            let rest = template.strip_prefix('%').expect("template starts with %");
            let got = parse_percent_spec(rest, 1).and_then(|(spec, used)| {
                assert_eq!(used, rest.len(), "{template}");
                if kind == "int" {
                    format_percent_int(&big(value), &spec)
                } else {
                    format_percent_float(float_from_hex(value), &spec)
                }
            });
            (
                format!("{template:?} % {kind} {value}"),
                show(got),
                want.clone(),
            )
        }),
    );
}

#[test]
fn parse_matches_cpython() {
    let rows = records(include_str!("../testdata/parse_cases.txt"));
    check_all(
        "parse",
        rows.into_iter().map(|r| {
            let (kind, text, base, want) = (&r[0], &r[1], &r[2], &r[3]);
            let got = if kind == "int" {
                let base: u32 = base.parse().expect("base");
                parse_int(text, base, DEFAULT_MAX_STR_DIGITS).map(|v| int_to_hex(&v))
            } else {
                parse_float(text).map(float_repr)
            };
            (format!("{kind}({text:?}, {base})"), show(got), want.clone())
        }),
    );
}

#[test]
fn repr_matches_cpython() {
    let rows = records(include_str!("../testdata/repr_cases.txt"));
    check_all(
        "repr",
        rows.into_iter().flat_map(|r| {
            [
                (
                    format!("repr({:?})", r[0]),
                    py_str_repr(&r[0]),
                    r[1].clone(),
                ),
                (
                    format!("ascii({:?})", r[0]),
                    py_ascii_repr(&r[0]),
                    r[2].clone(),
                ),
            ]
        }),
    );
}

fn from_hex_bytes(h: &str) -> Vec<u8> {
    (0..h.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&h[i..i + 2], 16).expect("hex byte"))
        .collect()
}

#[test]
fn hash_matches_cpython() {
    let rows = records(include_str!("../testdata/hash_cases.txt"));
    check_all(
        "hash",
        rows.into_iter().map(|r| {
            let got = match r[0].as_str() {
                "int" => hash_int(&big(&r[1])),
                "float" => hash_float(float_from_hex(&r[1])).expect("not nan"),
                "tuple" => {
                    let items: Vec<i64> = r[1]
                        .split(',')
                        .filter(|s| !s.is_empty())
                        .map(|s| hash_int(&big(s)))
                        .collect();
                    hash_tuple(&items)
                }
                kind => {
                    let key = hash_key_from_seed(r[1].parse().expect("seed"));
                    let bytes = from_hex_bytes(&r[2]);
                    if kind == "bytes" {
                        hash_bytes(&bytes, key)
                    } else {
                        hash_str(&String::from_utf8(bytes).expect("utf-8"), key)
                    }
                }
            };
            let want = r.last().expect("field").clone();
            (r.join(" "), got.to_string(), want)
        }),
    );
}
