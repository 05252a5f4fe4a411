//! The hash map for the JIT's small integer keys (loop keys, exit numbers, pcs), looked up on
//! every trace transfer: Fx hashing (`rustc-hash`) instead of SipHash, which these keys
//! (not chosen by scripts' data) do not need.

/// A `HashMap` keyed by integers, Fx-hashed.
pub(crate) type KeyMap<K, V> = rustc_hash::FxHashMap<K, V>;
