//! `x % d == 0` for a constant `d` without a division or Python's sign fix-up.
//!
//! Python's `x % d` is zero exactly when the truncated remainder is, so the test only asks
//! whether `x` is a multiple of `d` (of `|d|`). For an odd `d >= 3` the multiples of `d`
//! in i64 are `k * d` for `k` in `[-A, A]`, `A = (2^63 - 1) / d` (2^63 is no multiple of
//! an odd number). Multiplying by the inverse of `d` modulo 2^64 is a bijection on the
//! 64-bit words that sends `k * d` to `k`, so `x` is a multiple exactly when
//! `x * inverse(d) + A`, as an unsigned word, is at most `2A` (Granlund and Montgomery's
//! test, Hacker's Delight §10-17): one multiplication, one addition, one comparison. An
//! even `d = 2^s * d0` asks that the low `s` bits be zero and `x >> s` be a multiple of
//! `d0` (`x >> s` is exact then).

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{InstBuilder, Value};
use cranelift_frontend::FunctionBuilder;

/// The `i8` truth of "`x` is a multiple of `d`" for a divisor the test handles, or `None`
/// (`|d| <= 1` and `i64::MIN`, whose answers the generic remainder gives).
pub(crate) fn multiple_of(b: &mut FunctionBuilder<'_>, x: Value, d: i64) -> Option<Value> {
    let (odd, shift, inverse, bound) = plan(d)?;
    let low_clear = (shift > 0).then(|| {
        let low = b.ins().band_imm_s(x, (1i64 << shift) - 1);
        b.ins().icmp_imm_s(IntCC::Equal, low, 0)
    });
    if odd == 1 {
        return low_clear;
    }
    let y = match shift {
        0 => x,
        s => b.ins().sshr_imm_s(x, i64::from(s)),
    };
    let k = b.ins().imul_imm_s(y, inverse as i64);
    let shifted = b.ins().iadd_imm_s(k, bound as i64);
    let multiple = b
        .ins()
        .icmp_imm_s(IntCC::UnsignedLessThanOrEqual, shifted, (2 * bound) as i64);
    Some(match low_clear {
        Some(low) => b.ins().band(low, multiple),
        None => multiple,
    })
}

/// `(d0, s, inverse of d0 mod 2^64, (2^63 - 1) / d0)` for `|d| = 2^s * d0`, `d0` odd.
fn plan(d: i64) -> Option<(u64, u32, u64, u64)> {
    if d == i64::MIN {
        return None;
    }
    let magnitude = d.unsigned_abs();
    if magnitude <= 1 {
        return None;
    }
    let shift = magnitude.trailing_zeros();
    let odd = magnitude >> shift;
    // Newton's iteration doubles the correct low bits; an odd `d0` is its own inverse
    // modulo 8, so five steps reach 96 >= 64 bits.
    let mut inverse = odd;
    for _ in 0..5 {
        inverse = inverse.wrapping_mul(2u64.wrapping_sub(odd.wrapping_mul(inverse)));
    }
    Some((odd, shift, inverse, (i64::MAX as u64) / odd))
}

#[cfg(test)]
mod tests {
    use super::plan;

    /// The test the lowering emits, evaluated in Rust.
    fn multiple(x: i64, d: i64) -> Option<bool> {
        let (odd, shift, inverse, bound) = plan(d)?;
        let low = x & ((1i64 << shift) - 1) == 0;
        if odd == 1 {
            return Some(low);
        }
        let y = (x >> shift) as u64;
        Some(low && y.wrapping_mul(inverse).wrapping_add(bound) <= 2 * bound)
    }

    #[test]
    fn agrees_with_the_remainder() {
        let divisors = [
            2,
            3,
            -3,
            5,
            6,
            -6,
            7,
            12,
            24,
            100,
            1 << 40,
            (1 << 62) + 1,
            i64::MAX,
            i64::MIN + 1,
            -(1 << 62),
        ];
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed as i64
        };
        for d in divisors {
            let mut xs: Vec<i64> = (-400..400).collect();
            xs.extend([i64::MIN, i64::MAX, i64::MIN + 1, d, d.wrapping_neg()]);
            for _ in 0..2000 {
                xs.push(next());
                xs.push(d.wrapping_mul(next() % 1_000_000));
            }
            for x in xs {
                assert_eq!(multiple(x, d), Some(x.wrapping_rem(d) == 0), "{x} % {d}");
            }
        }
        for d in [-1, 0, 1, i64::MIN] {
            assert_eq!(multiple(7, d), None);
        }
    }
}
