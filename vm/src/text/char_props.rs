//! Unicode character properties needed by the text routines —
//! `str.isprintable`, `str.isspace` and `unicodedata.decimal` — answered
//! from `unicode_tables.rs`, which `testdata/gen_unicode_tables.py`
//! generates from CPython 3.13's own Unicode data.

use super::unicode_tables::{ND_ZEROS, NON_ASCII_SPACES, NON_PRINTABLE};

/// `c.isprintable()` as in CPython 3.13 (what `repr` leaves unescaped).
pub fn is_printable(c: char) -> bool {
    let code = u32::from(c);
    if (0x20..0x7f).contains(&code) {
        return true;
    }
    // Find the last range starting at or before `code`.
    let pairs = NON_PRINTABLE.len() / 2;
    let (mut lo, mut hi) = (0usize, pairs);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if NON_PRINTABLE[2 * mid] <= code {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo == 0 || code > NON_PRINTABLE[2 * (lo - 1) + 1]
}

/// `c.isspace()` as in CPython 3.13.
pub fn is_space(c: char) -> bool {
    matches!(c, '\t'..='\r' | '\x1c'..='\x1f' | ' ') || is_non_ascii_space(c)
}

/// Whether `c` is a non-ASCII character for which `c.isspace()` is true.
/// `int()` and `float()` turn exactly these into ASCII spaces (ASCII
/// whitespace is then limited to ` \t\n\v\f\r`).
pub fn is_non_ascii_space(c: char) -> bool {
    u32::from(c) >= 0x80 && NON_ASCII_SPACES.binary_search(&u32::from(c)).is_ok()
}

/// `unicodedata.decimal(c)`: the value of a decimal digit (Unicode `Nd`)
/// of any script, or `None`.
pub fn decimal_value(c: char) -> Option<u32> {
    let code = u32::from(c);
    if c.is_ascii() {
        return c.to_digit(10);
    }
    let idx = ND_ZEROS.partition_point(|&z| z <= code);
    let zero = *ND_ZEROS.get(idx.checked_sub(1)?)?;
    (code - zero < 10).then_some(code - zero)
}
