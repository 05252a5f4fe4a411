//! Numeric builtins that traces call as pure helpers (`recorder::numeric`): `round` of
//! floats and ints, `divmod` of ints, `hash` of ints. Each computes with the same Rust
//! routine the interpreter uses, on raw `i64`/`f64`, never fails and has no side effect;
//! where Python would raise (or make a big int) it returns a sentinel (NaN, `i64::MIN`)
//! that the trace's next guard turns into an exit *before* the call, so the interpreter
//! runs the call itself.

use pyrite_jit::HelperTable;

use crate::builtins::number_methods::round_float;

/// Helper names as traces declare them.
pub(crate) mod names {
    pub const ROUND_FLOAT: &str = "round_float";
    pub const ROUND_FLOAT_TO_INT: &str = "round_float_to_int";
    pub const ROUND_INT: &str = "round_int";
    pub const FLOOR_DIV_INT: &str = "floor_div_int";
    pub const MOD_INT: &str = "mod_int_helper";
    pub const HASH_INT: &str = "hash_int";
}

/// `round(x, n)` of a float, or NaN when Python raises `OverflowError` (or the result is
/// NaN: the interpreter returns it boxed).
pub(crate) fn round_float_digits(x: f64, n: i64) -> f64 {
    round_float(x, n).unwrap_or(f64::NAN)
}

extern "C" fn round_float_helper(x: f64, n: i64) -> f64 {
    round_float_digits(x, n)
}

/// `round(x)` of a float (ties to even), or `i64::MIN` for NaN, infinities and values
/// outside the `i64` range.
pub(crate) fn round_to_int(x: f64) -> i64 {
    let r = x.round_ties_even();
    if r.is_finite() && r > -9.2e18 && r < 9.2e18 {
        r as i64
    } else {
        i64::MIN
    }
}

extern "C" fn round_float_to_int(x: f64) -> i64 {
    round_to_int(x)
}

/// `round(i, n)` of an int with `n < 0`: to a multiple of `10**-n`, ties to even;
/// `i64::MIN` when the result does not fit.
pub(crate) fn round_int_digits(i: i64, n: i64) -> i64 {
    if n >= 0 {
        return i;
    }
    // 10**19 exceeds every i64: the quotient rounds to zero (no tie is possible).
    let Some(p) = u32::try_from(n.unsigned_abs())
        .ok()
        .and_then(|e| 10i128.checked_pow(e))
        .filter(|p| *p <= 1_000_000_000_000_000_000)
    else {
        return 0;
    };
    let x = i128::from(i);
    let q = x.div_euclid(p);
    let r = x.rem_euclid(p);
    let twice = 2 * r;
    let q = if twice > p || (twice == p && q % 2 != 0) {
        q + 1
    } else {
        q
    };
    i64::try_from(q * p)
        .ok()
        .filter(|v| *v != i64::MIN)
        .unwrap_or(i64::MIN)
}

extern "C" fn round_int(i: i64, n: i64) -> i64 {
    round_int_digits(i, n)
}

/// `a // b` for `b != 0` (Python's floor division); `i64::MIN` for `MIN // -1`.
pub(crate) fn floor_div(a: i64, b: i64) -> i64 {
    if b == 0 {
        return i64::MIN;
    }
    match a.checked_div(b) {
        Some(q) if (a % b != 0) && ((a % b < 0) != (b < 0)) => q - 1,
        Some(q) => q,
        None => i64::MIN,
    }
}

extern "C" fn floor_div_int(a: i64, b: i64) -> i64 {
    floor_div(a, b)
}

/// `a % b` for `b != 0` (the sign of `b`); `b == 0` gives 0 (the trace guards `b` first).
pub(crate) fn modulo(a: i64, b: i64) -> i64 {
    if b == 0 {
        return 0;
    }
    let r = a.wrapping_rem(b);
    if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }
}

extern "C" fn mod_int(a: i64, b: i64) -> i64 {
    modulo(a, b)
}

extern "C" fn hash_int(i: i64) -> i64 {
    crate::text::hash::hash_i64(i)
}

/// Adds these helpers to the backend's table.
pub(crate) fn register(table: &mut HelperTable) {
    table.add(names::ROUND_FLOAT, round_float_helper as *const () as u64);
    table.add(
        names::ROUND_FLOAT_TO_INT,
        round_float_to_int as *const () as u64,
    );
    table.add(names::ROUND_INT, round_int as *const () as u64);
    table.add(names::FLOOR_DIV_INT, floor_div_int as *const () as u64);
    table.add(names::MOD_INT, mod_int as *const () as u64);
    table.add(names::HASH_INT, hash_int as *const () as u64);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_rounding_ties_to_even() {
        assert_eq!(round_int_digits(25, -1), 20);
        assert_eq!(round_int_digits(35, -1), 40);
        assert_eq!(round_int_digits(-25, -1), -20);
        assert_eq!(round_int_digits(-26, -1), -30);
        assert_eq!(round_int_digits(149, -2), 100);
        assert_eq!(round_int_digits(150, -2), 200);
        assert_eq!(round_int_digits(123, -25), 0);
        assert_eq!(round_int_digits(123, 3), 123);
    }

    #[test]
    fn floor_division_and_modulo_follow_python() {
        assert_eq!(floor_div(7, -2), -4);
        assert_eq!(floor_div(-7, 2), -4);
        assert_eq!(floor_div(i64::MIN, -1), i64::MIN);
        assert_eq!(modulo(7, -2), -1);
        assert_eq!(modulo(-7, 2), 1);
    }

    #[test]
    fn float_rounding_matches_the_interpreter() {
        assert_eq!(round_to_int(2.5), 2);
        assert_eq!(round_to_int(-3.5), -4);
        assert_eq!(round_to_int(f64::NAN), i64::MIN);
        assert_eq!(round_float_digits(2.675, 2), 2.67);
        assert!(round_float_digits(1e308, -308).is_finite());
    }
}
