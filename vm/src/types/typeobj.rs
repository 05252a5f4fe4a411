//! Type objects: name, bases, MRO, attribute dict, the instance layout, and a version tag
//! bumped on every mutation so caches (and later JIT guards) can check it cheaply.
//!
//! Version tags are unique across the interpreter's types (one counter), so a cached tag
//! identifies both the type and the state of its MRO: bumping a type also bumps every
//! live subclass (found through weak links), because their lookups see the change too.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

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
    /// A type made by a Rust-written module (`itertools.count`, `collections.deque`...):
    /// its constructor builds the payload, for subclasses too.
    Native,
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
    /// Instances carry attributes of their own (`__dict__`): user classes without
    /// `__slots__`, or with `"__dict__"` in them.
    pub const HAS_DICT: u32 = 8;
    /// The type or a base defines `__del__`: dying instances are queued for finalization.
    pub const HAS_FINALIZER: u32 = 16;
    /// The type or a base overrides `__getattribute__`.
    pub const CUSTOM_GETATTRIBUTE: u32 = 32;
    /// `__abstractmethods__` was set to a non-empty collection: instantiation is refused.
    pub const IS_ABSTRACT: u32 = 64;
    /// A frozen-module class standing in for a C extension type (`decimal.Decimal`):
    /// error messages name it `module.Name`, as CPython's `tp_name` does.
    pub const MODULE_QUALIFIED_NAME: u32 = 128;
    /// A builtin type whose instances must be treated like those of a Python subclass
    /// of their base (struct sequences: tuples with their own `__repr__`), so the
    /// exact-builtin fast paths skip them.
    pub const SUBCLASS_LIKE: u32 = 256;
}

/// The version tag of a type and the weak links to its direct subclasses, shared through
/// an `Rc` so subclasses can be reached without owning them.
pub struct TypeTag {
    version: Cell<u32>,
    subclasses: RefCell<Vec<Weak<TypeTag>>>,
    /// Weak references (`weakref.ref` objects) to the direct subclasses, in the order
    /// they were added: `type.__subclasses__()` (see `runtime::subclasses`).
    subclass_refs: RefCell<Vec<Value>>,
}

thread_local! {
    /// The next version tag to hand out; 0 means "no valid tag" (never cached).
    static NEXT_VERSION: Cell<u32> = const { Cell::new(1) };
}

fn next_version() -> u32 {
    NEXT_VERSION.with(|n| {
        let v = n.get();
        // On exhaustion types stay unversioned (0): caches then never specialize on them.
        if v != u32::MAX {
            n.set(v + 1);
        }
        if v == u32::MAX { 0 } else { v }
    })
}

impl TypeTag {
    pub fn new() -> Rc<TypeTag> {
        Rc::new(TypeTag {
            version: Cell::new(next_version()),
            subclasses: RefCell::new(Vec::new()),
            subclass_refs: RefCell::new(Vec::new()),
        })
    }

    /// Assigns fresh tags to this type and, recursively, to its live subclasses.
    fn bump(&self) {
        self.version.set(next_version());
        let subs: Vec<Rc<TypeTag>> = {
            let mut list = self.subclasses.borrow_mut();
            list.retain(|w| w.strong_count() > 0);
            list.iter().filter_map(Weak::upgrade).collect()
        };
        for sub in subs {
            sub.bump();
        }
    }
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
    /// Version tag shared with subclasses' weak links (see the module doc).
    pub tag: Rc<TypeTag>,
    /// Number of `__slots__` value slots at the front of each instance's values.
    pub nslots: Cell<u32>,
    /// For builtin types: creates an instance from `(cls, *args, **kwargs)`.
    pub constructor: Cell<Option<NativeFn>>,
}

impl TypeData {
    /// Invalidates every cache keyed on this type or a subclass.
    pub fn bump_version(&self) {
        self.tag.bump();
    }

    /// The current version tag (0: unversioned).
    #[inline(always)]
    pub fn version(&self) -> u32 {
        self.tag.version.get()
    }

    /// Records `sub` as a direct subclass, so bumping this type bumps `sub` too.
    pub fn add_subclass(&self, sub: &TypeData) {
        self.tag
            .subclasses
            .borrow_mut()
            .push(Rc::downgrade(&sub.tag));
    }

    /// The weak references to direct subclasses (`runtime::subclasses` manages them).
    pub fn subclass_refs(&self) -> &RefCell<Vec<Value>> {
        &self.tag.subclass_refs
    }

    pub fn has_flag(&self, flag: u32) -> bool {
        self.flags.get() & flag != 0
    }
}
