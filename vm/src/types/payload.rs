//! What a heap object holds after its header: one variant per object layout. Builtin
//! types map to a variant; instances of user classes use `Instance` (or the variant of the
//! builtin base they extend, e.g. `Exception`).

use std::cell::{Cell, RefCell};

use num_bigint::BigInt;

use crate::object::Value;
use crate::types::code::CodeObject;
use crate::types::dict::DictTable;
use crate::types::function::{BuiltinFunctionData, FunctionData};
use crate::types::iter::IterState;
use crate::types::set::SetTable;
use crate::types::str::PyStr;
use crate::types::typeobj::TypeData;

pub enum Payload {
    /// A plain `object()` or an instance of a user class: `__slots__` values and own
    /// attributes inline, laid out by a map (see `types::attr_map`), or a `__dict__`.
    Instance(RefCell<crate::types::attr_map::InstanceAttrs>),
    /// A `__slots__` member descriptor: slot `index` of instances of `owner`.
    Member(MemberData),
    /// An int outside the small-int range.
    Int(BigInt),
    /// A float that cannot be immediate (NaN) or an instance of a float subclass.
    Float(f64),
    Complex(f64, f64),
    Str(PyStr),
    Bytes(Box<[u8]>),
    ByteArray(RefCell<Vec<u8>>),
    List(RefCell<Vec<Value>>),
    Tuple(Box<[Value]>),
    Dict(RefCell<DictTable>),
    /// `set` and `frozenset` (the type says which).
    Set(RefCell<SetTable>),
    Range(RangeData),
    Slice(SliceData),
    Function(Box<FunctionData>),
    BuiltinFunction(Box<BuiltinFunctionData>),
    BoundMethod(BoundMethodData),
    Code(Box<CodeObject>),
    /// A closure cell; NULL when empty.
    Cell(RefCell<Value>),
    Module(ModuleData),
    Type(Box<TypeData>),
    Exception(Box<ExceptionData>),
    Traceback(TracebackData),
    /// Every builtin iterator (the type says which kind).
    Iterator(RefCell<IterState>),
    DictView(DictViewData),
    Property(PropertyData),
    ClassMethod(Value),
    StaticMethod(Value),
    Super(Value, Value),
    Generator(Box<crate::types::generator::GeneratorData>),
    /// Coroutine wrappers, async generator `asend`/`athrow` awaitables, wrapped yields.
    AsyncOp(Box<crate::types::generator::AsyncOp>),
    File(RefCell<crate::types::file::FileData>),
    Frame(Box<crate::types::frame::FrameObjectData>),
    /// `frame.f_locals` of a function frame (PEP 667): a write-through view of a frame object.
    FrameLocalsProxy(Value),
    MemoryView(Box<MemoryViewData>),
    /// An instance of a type defined by a Rust-written standard-library module
    /// (`itertools.count`, `functools.partial`, `_random.Random`...): see `runtime::native`.
    Native(Box<crate::runtime::native::NativeData>),
    /// `collections.deque` and its iterators.
    Deque(Box<crate::modules::collections::deque::DequeObject>),
    /// `list[int]` and friends (`types.GenericAlias`).
    GenericAlias(Box<crate::builtins::generic_alias::GenericAliasData>),
}

/// A one-dimensional `memoryview` over a `bytes` or `bytearray`: item `k` starts at byte
/// `start + k * step * itemsize` of the exporter's buffer.
pub struct MemoryViewData {
    pub obj: Value,
    pub start: usize,
    pub step: isize,
    pub len: usize,
    /// The struct-module format character of the items (`'B'` unless cast).
    pub format: char,
    pub itemsize: usize,
    pub readonly: bool,
    pub released: Cell<bool>,
}

/// `range(start, stop, step)` with int fields (small or big).
pub struct RangeData {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

pub struct SliceData {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

pub struct MemberData {
    pub name: Value,
    pub index: usize,
    /// The defining class's name (for reprs and messages).
    pub owner: String,
    /// The defining type, for the builtin types' descriptors (`__objclass__`, the check
    /// that an object is an instance); NULL for `__slots__` members.
    pub owner_type: Value,
}

pub struct BoundMethodData {
    pub function: Value,
    pub receiver: Value,
}

pub struct ModuleData {
    pub dict: Value,
}

pub struct PropertyData {
    pub getter: Value,
    pub setter: Value,
    pub deleter: Value,
    pub doc: Value,
}

/// Which view of a dict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictViewKind {
    Keys,
    Values,
    Items,
}

pub struct DictViewData {
    pub dict: Value,
    pub kind: DictViewKind,
}

/// An exception instance's state (every field may be rebound from Python).
pub struct ExceptionData {
    pub args: RefCell<Value>,
    pub traceback: RefCell<Value>,
    pub cause: RefCell<Value>,
    pub context: RefCell<Value>,
    pub suppress_context: Cell<bool>,
    /// Attribute dict (NULL until needed): `__notes__`, subclass attributes, `errno`...
    pub dict: RefCell<Value>,
}

/// One traceback entry: where an exception passed through a frame.
pub struct TracebackData {
    pub next: RefCell<Value>,
    pub code: Value,
    /// Code-unit index of the instruction that was executing.
    pub lasti: u32,
    pub line: u32,
    /// The frame object, if one was materialized (NULL otherwise).
    pub frame: Value,
}
