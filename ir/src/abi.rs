//! The value ABI shared by the VM and the JIT: how one 64-bit word encodes a Python value.
//!
//! NaN-boxing in the JavaScriptCore orientation: pointers are stored unchanged so the VM
//! dereferences them without masking, doubles are offset so no real pointer can look like
//! one, and small ints live in the top 2^48 words.
//!
//! ```text
//!  0x0000_0000_0000_0000            NULL: an empty slot (unbound local, `self_or_null`);
//!                                   never visible to Python code
//!  0x0000_0000_0000_0001 ..= 000F   immediates: None, False, True, NotImplemented, Ellipsis
//!  0x0000_pppp_pppp_ppp0            a heap object pointer (16-byte aligned, below 2^48)
//!  0x0002_0000_0000_0000            doubles: the IEEE bits + 2^49 (DOUBLE_OFFSET); every
//!   ..= 0xFFFE_FFFF_FFFF_FFFF       double except NaN. NaN results are always boxed on the
//!                                   heap: a NaN's bits + 2^49 could wrap into pointer space
//!  0xFFFF_iiii_iiii_iiii            a 48-bit two's-complement small int (SMALL_INT_MIN..=MAX);
//!                                   larger ints are heap ints, invisibly to Python
//! ```
//!
//! A heap object starts with a `#[repr(C)]` header: the reference count at
//! `HEADER_REFCOUNT_OFFSET` and the type pointer at `HEADER_TYPE_OFFSET`.

/// The empty slot.
pub const NULL: u64 = 0;
/// `None`.
pub const IMM_NONE: u64 = 1;
/// `False`.
pub const IMM_FALSE: u64 = 2;
/// `True`.
pub const IMM_TRUE: u64 = 3;
/// `NotImplemented`.
pub const IMM_NOT_IMPLEMENTED: u64 = 4;
/// `Ellipsis` (`...`).
pub const IMM_ELLIPSIS: u64 = 5;
/// Largest word reserved for immediates; heap pointers are above it.
pub const IMM_MAX: u64 = 15;

/// Added to a double's bits to encode it.
pub const DOUBLE_OFFSET: u64 = 1 << 49;
/// Tag of small ints (the top 16 bits all set).
pub const INT_TAG: u64 = 0xFFFF_0000_0000_0000;
/// Mask of a small int's 48-bit payload.
pub const INT_PAYLOAD_MASK: u64 = 0x0000_FFFF_FFFF_FFFF;
/// Smallest int stored immediately.
pub const SMALL_INT_MIN: i64 = -(1 << 47);
/// Largest int stored immediately.
pub const SMALL_INT_MAX: i64 = (1 << 47) - 1;

/// A reference count at or above this never changes (immortal objects).
pub const IMMORTAL_REFCOUNT: u64 = 1 << 60;
/// The VM helper a compiled `decref` calls with a word whose last reference it drops:
/// `extern "C" fn(u64)`.
pub const RELEASE_HELPER: &str = "release";

/// Offset of the reference count in a heap object's header.
pub const HEADER_REFCOUNT_OFFSET: i32 = 0;
/// Offset of the type pointer in a heap object's header.
pub const HEADER_TYPE_OFFSET: i32 = 8;

/// Whether `word` is a heap pointer.
#[inline(always)]
pub const fn is_pointer(word: u64) -> bool {
    word > IMM_MAX && word < DOUBLE_OFFSET
}

/// Whether `word` is a small int.
#[inline(always)]
pub const fn is_small_int(word: u64) -> bool {
    word >= INT_TAG
}

/// Whether `word` is an immediate double.
#[inline(always)]
pub const fn is_double(word: u64) -> bool {
    word >= DOUBLE_OFFSET && word < INT_TAG
}

/// Encodes `value` as a small int, or `None` if it needs a heap int.
#[inline(always)]
pub const fn encode_small_int(value: i64) -> Option<u64> {
    if value >= SMALL_INT_MIN && value <= SMALL_INT_MAX {
        Some(INT_TAG | (value as u64 & INT_PAYLOAD_MASK))
    } else {
        None
    }
}

/// Decodes a small int (sign-extends the 48-bit payload).
#[inline(always)]
pub const fn decode_small_int(word: u64) -> i64 {
    ((word << 16) as i64) >> 16
}

/// Encodes a double, or `None` for NaN (which must be boxed).
#[inline(always)]
pub fn encode_double(value: f64) -> Option<u64> {
    if value.is_nan() {
        None
    } else {
        Some(value.to_bits().wrapping_add(DOUBLE_OFFSET))
    }
}

/// Decodes an immediate double.
#[inline(always)]
pub fn decode_double(word: u64) -> f64 {
    f64::from_bits(word.wrapping_sub(DOUBLE_OFFSET))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_ints_round_trip() {
        for v in [0, 1, -1, SMALL_INT_MIN, SMALL_INT_MAX, 12345, -98765] {
            let word = encode_small_int(v).expect("in range");
            assert!(is_small_int(word) && !is_double(word) && !is_pointer(word));
            assert_eq!(decode_small_int(word), v);
        }
        assert_eq!(encode_small_int(SMALL_INT_MAX + 1), None);
        assert_eq!(encode_small_int(SMALL_INT_MIN - 1), None);
    }

    #[test]
    fn doubles_round_trip_and_never_collide() {
        for v in [
            0.0,
            -0.0,
            1.5,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MIN_POSITIVE,
            f64::MAX,
            f64::MIN,
            5e-324,
        ] {
            let word = encode_double(v).expect("not NaN");
            assert!(is_double(word) && !is_small_int(word) && !is_pointer(word));
            assert_eq!(decode_double(word).to_bits(), v.to_bits());
        }
        assert_eq!(encode_double(f64::NAN), None);
    }
}
