//! `Value`: one 64-bit word (layout in `pyrite_ir::abi`). Cloning a heap reference
//! increments its count, dropping it decrements; immediates cost nothing.

#![allow(unsafe_code)]

use std::marker::PhantomData;

use pyrite_ir::abi;

use super::heap::{self, Object, Payload};

/// A Python value or the internal NULL slot. `!Send`: each interpreter owns its heap.
#[repr(transparent)]
pub struct Value {
    bits: u64,
    _not_send: PhantomData<*const ()>,
}

impl Value {
    /// The empty slot (unbound local, `self_or_null`); never handed to Python code.
    pub const NULL: Value = Value::from_bits(abi::NULL);
    pub const NONE: Value = Value::from_bits(abi::IMM_NONE);
    pub const TRUE: Value = Value::from_bits(abi::IMM_TRUE);
    pub const FALSE: Value = Value::from_bits(abi::IMM_FALSE);
    pub const NOT_IMPLEMENTED: Value = Value::from_bits(abi::IMM_NOT_IMPLEMENTED);
    pub const ELLIPSIS: Value = Value::from_bits(abi::IMM_ELLIPSIS);

    /// Wraps a word without touching any count; only the heap module builds pointer words.
    pub(super) const fn from_bits(bits: u64) -> Value {
        Value {
            bits,
            _not_send: PhantomData,
        }
    }

    /// The raw word (for identity, `id()` and the JIT).
    #[inline(always)]
    pub fn bits(&self) -> u64 {
        self.bits
    }

    #[inline(always)]
    pub fn is_null(&self) -> bool {
        self.bits == abi::NULL
    }

    #[inline(always)]
    pub fn is_none(&self) -> bool {
        self.bits == abi::IMM_NONE
    }

    #[inline(always)]
    pub fn is_bool(&self) -> bool {
        self.bits == abi::IMM_TRUE || self.bits == abi::IMM_FALSE
    }

    #[inline(always)]
    pub fn from_bool(b: bool) -> Value {
        if b { Value::TRUE } else { Value::FALSE }
    }

    /// `Some(b)` if this is `True` or `False`.
    #[inline(always)]
    pub fn as_bool(&self) -> Option<bool> {
        match self.bits {
            abi::IMM_TRUE => Some(true),
            abi::IMM_FALSE => Some(false),
            _ => None,
        }
    }

    /// A small int if `i` fits in 48 bits, else `None` (the caller allocates a heap int).
    #[inline(always)]
    pub fn try_small_int(i: i64) -> Option<Value> {
        abi::encode_small_int(i).map(Value::from_bits)
    }

    #[inline(always)]
    pub fn is_small_int(&self) -> bool {
        abi::is_small_int(self.bits)
    }

    /// The payload of a small int.
    #[inline(always)]
    pub fn as_small_int(&self) -> Option<i64> {
        if abi::is_small_int(self.bits) {
            Some(abi::decode_small_int(self.bits))
        } else {
            None
        }
    }

    /// An immediate float, or `None` for NaN (the caller boxes it).
    #[inline(always)]
    pub fn try_float(f: f64) -> Option<Value> {
        abi::encode_double(f).map(Value::from_bits)
    }

    #[inline(always)]
    pub fn is_immediate_float(&self) -> bool {
        abi::is_double(self.bits)
    }

    /// The value of an immediate float.
    #[inline(always)]
    pub fn as_immediate_float(&self) -> Option<f64> {
        if abi::is_double(self.bits) {
            Some(abi::decode_double(self.bits))
        } else {
            None
        }
    }

    #[inline(always)]
    pub fn is_heap(&self) -> bool {
        abi::is_pointer(self.bits)
    }

    /// The heap object this value points to, if it is a heap reference.
    #[inline(always)]
    pub fn as_object(&self) -> Option<&Object> {
        if abi::is_pointer(self.bits) {
            // SAFETY: a pointer-tagged word was produced by `Value::alloc` from a live
            // allocation, and this `Value` holds a counted reference, so the object outlives
            // the returned borrow of `self`.
            Some(unsafe { &*(self.bits as usize as *const Object) })
        } else {
            None
        }
    }

    /// The payload of the heap object, if any.
    #[inline(always)]
    pub fn payload(&self) -> Option<&Payload> {
        self.as_object().map(|obj| &obj.payload)
    }

    /// Allocates a heap object of type `ty` (a type object) holding `payload`.
    pub fn alloc(ty: &Value, payload: Payload) -> Value {
        let ptr = heap::allocate(ty, payload);
        Value::from_bits(ptr as usize as u64)
    }

    /// Whether two values are the same object (`is`).
    #[inline(always)]
    pub fn is(&self, other: &Value) -> bool {
        self.bits == other.bits
    }

    /// Reference count of a heap object (immediates report 0); for `sys.getrefcount`.
    pub fn ref_count(&self) -> usize {
        self.as_object().map(Object::ref_count).unwrap_or(0)
    }

    /// Makes the object immortal: it is never freed (builtin types, interned constants).
    pub fn make_immortal(&self) {
        if let Some(obj) = self.as_object() {
            obj.make_immortal();
        }
    }
}

/// Words handed back by JIT code (`vm::jit`): traces carry value words without counts.
impl Value {
    /// An immediate word (int, float, None, bool...) as a value; `None` for heap pointers,
    /// whose references only the heap module may mint.
    pub fn from_immediate_word(word: u64) -> Option<Value> {
        (!abi::is_pointer(word)).then(|| Value::from_bits(word))
    }

    /// Runs `f` on the value behind `word` without taking a reference.
    ///
    /// # Safety
    /// `word` must be an immediate or point to an object that stays alive while `f` runs
    /// (a trace's words are borrowed from frame slots, containers or trace constants that
    /// hold a reference).
    pub unsafe fn with_word<R>(word: u64, f: impl FnOnce(&Value) -> R) -> R {
        let borrowed = std::mem::ManuallyDrop::new(Value::from_bits(word));
        f(&borrowed)
    }

    /// Takes over the counted reference that `word` stands for (compiled code gives one
    /// up); dropping the result releases it.
    ///
    /// # Safety
    /// `word` must be a value word that owns one reference nobody else will release.
    pub unsafe fn from_owned_word(word: u64) -> Value {
        Value::from_bits(word)
    }

    /// A new counted reference to the value behind `word`.
    ///
    /// # Safety
    /// As for [`Value::with_word`].
    pub unsafe fn clone_word(word: u64) -> Value {
        // SAFETY: forwarded from this function's contract.
        unsafe { Value::with_word(word, Value::clone) }
    }
}

impl Clone for Value {
    #[inline(always)]
    fn clone(&self) -> Value {
        if let Some(obj) = self.as_object() {
            obj.incref();
        }
        Value::from_bits(self.bits)
    }
}

impl Drop for Value {
    #[inline(always)]
    fn drop(&mut self) {
        if abi::is_pointer(self.bits) {
            // SAFETY: the word is a counted reference to a live object (see `as_object`);
            // this drop gives that reference up exactly once.
            unsafe { heap::decref(self.bits as usize as *const Object) }
        }
    }
}

impl Default for Value {
    fn default() -> Value {
        Value::NULL
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(i) = self.as_small_int() {
            write!(f, "Value({i})")
        } else if let Some(x) = self.as_immediate_float() {
            write!(f, "Value({x:?})")
        } else if self.is_heap() {
            write!(f, "Value(object@{:#x})", self.bits)
        } else {
            write!(f, "Value(imm {})", self.bits)
        }
    }
}
