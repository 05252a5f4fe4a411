//! `repr(str)`, `ascii(str)` and the character property tables.

use crate::text::char_props::{decimal_value, is_printable, is_space};
use crate::text::str_repr::{py_ascii_repr, py_str_repr, truncate_chars};

#[test]
fn str_repr_quotes_and_escapes() {
    // PYENV_VERSION=3.13.0 python3 -c "print(repr('a\'b'), repr('a\"b'), repr('a\'b\"c'),
    //   repr('\\\\'), repr('\t\n\r\x00\x7f\x80\xa0\xad é\u2028\u200b\ufeff\U0001F600\U000e0001\U0010ffff'))"
    assert_eq!(py_str_repr("a'b"), "\"a'b\"");
    assert_eq!(py_str_repr("a\"b"), "'a\"b'");
    assert_eq!(py_str_repr("a'b\"c"), "'a\\'b\"c'");
    assert_eq!(py_str_repr("\\"), "'\\\\'");
    assert_eq!(
        py_str_repr(
            "\t\n\r\x00\x7f\u{80}\u{a0}\u{ad} é\u{2028}\u{200b}\u{feff}😀\u{e0001}\u{10ffff}"
        ),
        "'\\t\\n\\r\\x00\\x7f\\x80\\xa0\\xad é\\u2028\\u200b\\ufeff😀\\U000e0001\\U0010ffff'"
    );
    // PYENV_VERSION=3.13.0 python3 -c "print(ascii('é\u20ac😀 \x7f'), repr('\u0378'), repr('日本'))"
    assert_eq!(
        py_ascii_repr("é€😀 \x7f"),
        "'\\xe9\\u20ac\\U0001f600 \\x7f'"
    );
    assert_eq!(py_str_repr("\u{378}"), "'\\u0378'");
    assert_eq!(py_str_repr("日本"), "'日本'");
    assert_eq!(py_str_repr(""), "''");
    assert_eq!(truncate_chars("日本語", 2), "日本");
    assert_eq!(truncate_chars("ab", 5), "ab");
}

#[test]
fn printable_table_matches_cpython_spot_checks() {
    // PYENV_VERSION=3.13.0 python3 -c "print([c.isprintable() for c in
    //   ' ~\x7f\xa0\xa1\xad\u0378\u0379\u037a\u2028\u3000\ue000\U0001F600\U000e0001\U0010ffff'])"
    // -> [True, True, False, False, True, False, False, False, True, False, False, False, True,
    //     False, False]
    let expected = [
        (' ', true),
        ('~', true),
        ('\x7f', false),
        ('\u{a0}', false),
        ('\u{a1}', true),
        ('\u{ad}', false),
        ('\u{378}', false),
        ('\u{379}', false),
        ('\u{37a}', true),
        ('\u{2028}', false),
        ('\u{3000}', false),
        ('\u{e000}', false),
        ('😀', true),
        ('\u{e0001}', false),
        ('\u{10ffff}', false),
    ];
    for (c, want) in expected {
        assert_eq!(is_printable(c), want, "{c:?}.isprintable()");
    }
}

#[test]
fn space_and_decimal_properties() {
    // PYENV_VERSION=3.13.0 python3 -c "print(sorted(hex(c) for c in range(0x110000) if chr(c).isspace()))"
    let spaces: Vec<u32> = (0..=0x10ffff)
        .filter_map(char::from_u32)
        .filter(|&c| is_space(c))
        .map(u32::from)
        .collect();
    let mut want = vec![
        0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0,
    ];
    want.extend([0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]);
    want.extend(0x2000..=0x200a);
    want.sort_unstable();
    assert_eq!(spaces, want);
    // PYENV_VERSION=3.13.0 python3 -c "import unicodedata as u; print(len([c for c in
    //   range(0x110000) if u.decimal(chr(c), None) is not None]))"  -> 680
    let count = (0..=0x10ffff)
        .filter_map(char::from_u32)
        .filter(|&c| decimal_value(c).is_some())
        .count();
    assert_eq!(count, 680);
    assert_eq!(decimal_value('7'), Some(7));
    assert_eq!(decimal_value('٣'), Some(3));
    assert_eq!(decimal_value('９'), Some(9));
    assert_eq!(decimal_value('𝟿'), Some(9));
    assert_eq!(decimal_value('a'), None);
    assert_eq!(decimal_value('²'), None);
    assert_eq!(decimal_value('\u{10ffff}'), None);
}
