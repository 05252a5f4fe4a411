//! Type objects: name, bases, MRO, attribute dict, the instance layout, and a version tag
//! bumped on every mutation so caches (and later JIT guards) can check it cheaply.

use std::cell::{Cell, RefCell};

use crate::object::Value;
use crate::types::function::NativeFn;

/// Which payload a type's instances carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// `object` and plain user classes: `Payload::Instance`.
    Object,
    Int,
    Float,
    Complex,
    Str,
    Bytes,
    ByteArray,
    List,
    Tuple,
    Dict,
    Set,
    Exception,
    /// A builtin type whose instances cannot be created by subclassing (function, code...).
    Other,
}

/// `TypeData::flags` bits.
pub mod type_flags {
    /// Defined by a `class` statement (mutable, has `__module__` in its dict).
    pub const HEAPTYPE: u32 = 1;
    /// Can be subclassed.
    pub const BASETYPE: u32 = 2;
    /// Defines `__eq__` without `__hash__`, so instances are unhashable.
    pub const UNHASHABLE: u32 = 4;
}

pub struct TypeData {
    pub name: RefCell<String>,
    pub qualname: RefCell<String>,
    pub bases: RefCell<Vec<Value>>,
    /// The method resolution order, starting with the type itself... stored without it to
    /// avoid a reference cycle of the type to itself; `mro()` prepends it.
    pub mro_tail: RefCell<Vec<Value>>,
    /// The attribute dict (a dict object).
    pub dict: Value,
    pub layout: Layout,
    pub flags: Cell<u32>,
    pub version: Cell<u64>,
    /// For builtin types: creates an instance from `(cls, *args, **kwargs)`.
    pub constructor: Cell<Option<NativeFn>>,
}

impl TypeData {
    pub fn bump_version(&self) {
        self.version.set(self.version.get() + 1);
    }

    pub fn has_flag(&self, flag: u32) -> bool {
        self.flags.get() & flag != 0
    }
}
