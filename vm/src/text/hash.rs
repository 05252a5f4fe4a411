//! CPython 3.13's hash functions on 64-bit platforms.
//!
//! * Numbers hash to their value modulo the Mersenne prime `2**61 - 1`
//!   (so equal ints and floats hash equally); the sign is applied
//!   afterwards, `inf` is `314159`, and NaN hashes by identity.
//! * `str` and `bytes` use SipHash-1-3 keyed by a 128-bit secret; a `str`
//!   is hashed over its PEP 393 representation (Latin-1, UCS-2 or UCS-4,
//!   little-endian). The secret comes from `PYTHONHASHSEED`, see
//!   [`hash_key_from_seed`].
//! * Tuples combine item hashes with CPython's xxHash-based scheme.
//!
//! A hash is never `-1` (that value signals an error in C); `-1` becomes `-2`.

use std::hash::Hasher;

use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;
use siphasher::sip::SipHasher13;

/// The modulus used for numeric hashes, `2**61 - 1` (`sys.hash_info.modulus`).
pub const HASH_MODULUS: u64 = (1 << 61) - 1;
/// `sys.hash_info.bits` for the modulus.
const HASH_BITS: u32 = 61;
/// `hash(float('inf'))` (`sys.hash_info.inf`).
pub const HASH_INF: i64 = 314_159;
/// Multiplier for the imaginary part of complex numbers (`sys.hash_info.imag`).
pub const HASH_IMAG: i64 = 1_000_003;

/// A SipHash key `(k0, k1)`.
pub type HashKey = (u64, u64);

fn fix_minus_one(h: i64) -> i64 {
    if h == -1 { -2 } else { h }
}

/// Apply a sign to a residue in `0..HASH_MODULUS`.
fn signed(residue: u64, negative: bool) -> i64 {
    // residue < 2**61, so the conversion is lossless.
    let h = residue as i64;
    fix_minus_one(if negative { -h } else { h })
}

/// `hash(v)` for an int that fits in `i64`.
pub fn hash_i64(v: i64) -> i64 {
    signed(v.unsigned_abs() % HASH_MODULUS, v < 0)
}

/// `hash(v)` for an arbitrary int.
pub fn hash_int(v: &BigInt) -> i64 {
    if let Some(small) = v.to_i64() {
        return hash_i64(small);
    }
    let modulus = u128::from(HASH_MODULUS);
    let residue = v
        .magnitude()
        .iter_u64_digits()
        .rev()
        .fold(0u128, |acc, d| ((acc << 64) | u128::from(d)) % modulus);
    signed(residue as u64, v.sign() == Sign::Minus)
}

/// `hash(x)` for a float: consistent with `hash_int` for integral values
/// (and with `hash(Fraction)` in general). Returns `None` for NaN, whose
/// hash is the object's identity hash (see [`hash_pointer`]).
pub fn hash_float(x: f64) -> Option<i64> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { HASH_INF } else { -HASH_INF });
    }
    if x == 0.0 {
        return Some(0);
    }
    // |x| = m * 2**e exactly.
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), biased - 1075)
    };
    // 2**61 == 1 (mod 2**61 - 1), so 2**e == 2**(e mod 61).
    let shift = e.rem_euclid(i64::from(HASH_BITS)) as u32;
    let residue = (u128::from(m) << shift) % u128::from(HASH_MODULUS);
    Some(signed(residue as u64, x < 0.0))
}

/// `hash(complex)` from the hashes of the real and imaginary parts.
pub fn hash_complex(real_hash: i64, imag_hash: i64) -> i64 {
    fix_minus_one(real_hash.wrapping_add(HASH_IMAG.wrapping_mul(imag_hash)))
}

/// CPython's identity hash of an object address (`_Py_HashPointer`): the
/// address rotated right by 4 bits (used for `object.__hash__` and NaN).
pub fn hash_pointer(addr: usize) -> i64 {
    fix_minus_one(addr.rotate_right(4) as i64)
}

fn siphash13(bytes: &[u8], key: HashKey) -> i64 {
    if bytes.is_empty() {
        return 0;
    }
    let mut hasher = SipHasher13::new_with_keys(key.0, key.1);
    hasher.write(bytes);
    fix_minus_one(hasher.finish() as i64)
}

/// `hash(b)` for `bytes` (and `memoryview`/`bytearray`-style buffers
/// hashed by content); `hash(b'') == 0`.
pub fn hash_bytes(bytes: &[u8], key: HashKey) -> i64 {
    siphash13(bytes, key)
}

/// `hash(s)` for a `str`: SipHash-1-3 over the PEP 393 representation —
/// one byte per code point if all are below 256, else UTF-16 code units
/// (little-endian) if all are below 65536, else UTF-32-LE. `hash('') == 0`.
pub fn hash_str(s: &str, key: HashKey) -> i64 {
    if s.is_ascii() {
        return siphash13(s.as_bytes(), key);
    }
    hash_code_points(s.chars().map(u32::from), key)
}

/// `hash(s)` for a `str` given as code points (which may include lone surrogates).
pub fn hash_code_points(cps: impl Iterator<Item = u32> + Clone, key: HashKey) -> i64 {
    let max = cps.clone().max().unwrap_or(0);
    let bytes: Vec<u8> = if max < 0x100 {
        cps.map(|c| c as u8).collect()
    } else if max < 0x1_0000 {
        cps.flat_map(|c| (c as u16).to_le_bytes()).collect()
    } else {
        cps.flat_map(u32::to_le_bytes).collect()
    };
    siphash13(&bytes, key)
}

/// The SipHash key CPython derives from `PYTHONHASHSEED=seed`.
///
/// Seed 0 disables randomization: the 24-byte hash secret is all zeros.
/// Any other seed fills the secret with a linear congruential generator
/// (`x = x * 214013 + 2531011` in 32-bit arithmetic, each byte being bits
/// 16..24 of the new state); SipHash uses its first 16 bytes as two
/// little-endian 64-bit keys.
pub fn hash_key_from_seed(seed: u32) -> HashKey {
    if seed == 0 {
        return (0, 0);
    }
    let mut secret = [0u8; 16];
    let mut x = seed;
    for byte in &mut secret {
        x = x.wrapping_mul(214_013).wrapping_add(2_531_011);
        *byte = (x >> 16) as u8;
    }
    let [
        a0,
        a1,
        a2,
        a3,
        a4,
        a5,
        a6,
        a7,
        b0,
        b1,
        b2,
        b3,
        b4,
        b5,
        b6,
        b7,
    ] = secret;
    (
        u64::from_le_bytes([a0, a1, a2, a3, a4, a5, a6, a7]),
        u64::from_le_bytes([b0, b1, b2, b3, b4, b5, b6, b7]),
    )
}

const XXPRIME_1: u64 = 11_400_714_785_074_694_791;
const XXPRIME_2: u64 = 14_029_467_366_897_019_727;
const XXPRIME_5: u64 = 2_870_177_450_012_600_261;

/// `hash(t)` for a tuple, given the hashes of its items (xxHash-style
/// lanes as in CPython 3.8+).
pub fn hash_tuple(item_hashes: &[i64]) -> i64 {
    let mut acc = XXPRIME_5;
    for &h in item_hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add(item_hashes.len() as u64 ^ (XXPRIME_5 ^ 3_527_539));
    if acc == u64::MAX {
        return 1_546_275_796;
    }
    acc as i64
}
