//! The compiler's output: a code object's data before the VM turns its constants into
//! Python values. Layout follows CPython 3.11+: one `localsplus` array holding arguments,
//! locals, cell and free variables; a zero-cost exception table; one source position per
//! code unit (so `co_positions()` and traceback carets can be answered exactly).

use num_bigint::BigInt;

/// `co_flags` bits, with CPython's values.
pub mod code_flags {
    /// Uses fast locals (function bodies).
    pub const OPTIMIZED: u32 = 0x1;
    /// A new locals dict is created for each call.
    pub const NEWLOCALS: u32 = 0x2;
    /// Has `*args`.
    pub const VARARGS: u32 = 0x4;
    /// Has `**kwargs`.
    pub const VARKEYWORDS: u32 = 0x8;
    /// Nested function.
    pub const NESTED: u32 = 0x10;
    /// Generator function.
    pub const GENERATOR: u32 = 0x20;
    /// `async def`.
    pub const COROUTINE: u32 = 0x80;
    /// Generator-based coroutine.
    pub const ITERABLE_COROUTINE: u32 = 0x100;
    /// `async def` containing `yield`.
    pub const ASYNC_GENERATOR: u32 = 0x200;
    /// The first constant is the docstring (3.14 `CO_HAS_DOCSTRING`).
    pub const HAS_DOCSTRING: u32 = 0x4000000;
}

/// Kinds of a `localsplus` slot (CPython's `CO_FAST_*`), combinable.
pub mod local_kind {
    /// An argument.
    pub const ARG: u8 = 0x08;
    /// A plain local variable.
    pub const LOCAL: u8 = 0x20;
    /// A cell variable (captured by an inner function).
    pub const CELL: u8 = 0x40;
    /// A free variable (captured from an outer function).
    pub const FREE: u8 = 0x80;
}

/// A compile-time constant.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Ellipsis,
    Int(BigInt),
    Float(f64),
    Complex {
        real: f64,
        imag: f64,
    },
    Str(String),
    /// A `str` holding lone surrogates (`'\ud800'`), as generalized UTF-8.
    SurrogateStr(Vec<u8>),
    Bytes(Vec<u8>),
    Tuple(Vec<Constant>),
    FrozenSet(Vec<Constant>),
    Code(Box<CodeData>),
}

/// One row of the exception table: an exception raised by an instruction in
/// `start..end` (code-unit indices) unwinds the value stack to `depth` items, pushes the
/// raising instruction's index if `push_lasti`, pushes the exception and jumps to `target`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionTableEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub push_lasti: bool,
}

/// Source span of one code unit: 1-based lines, 0-based UTF-8 byte columns, like
/// `co_positions()`. `line == 0` means "no position" (CPython's None).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

/// Everything the compiler produces for one code object.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeData {
    pub name: String,
    pub qualname: String,
    pub filename: String,
    pub first_line: u32,
    pub arg_count: u32,
    pub posonly_arg_count: u32,
    pub kwonly_arg_count: u32,
    pub flags: u32,
    /// Code units: opcode in the low byte, argument in the high byte.
    pub code: Vec<u16>,
    pub consts: Vec<Constant>,
    /// Names used by `*_NAME`, `*_GLOBAL`, `*_ATTR` and imports.
    pub names: Vec<String>,
    /// Names of the `localsplus` slots: arguments, locals, cells, then free variables.
    pub localsplus_names: Vec<String>,
    /// `local_kind` bits of each `localsplus` slot.
    pub localsplus_kinds: Vec<u8>,
    /// Maximum value-stack depth.
    pub stack_size: u32,
    pub exception_table: Vec<ExceptionTableEntry>,
    /// One position per code unit (caches and `EXTENDED_ARG` included).
    pub positions: Vec<Position>,
}

impl CodeData {
    /// Number of free variables (the trailing `FREE` slots of `localsplus`).
    pub fn free_var_count(&self) -> usize {
        self.localsplus_kinds
            .iter()
            .filter(|kind| **kind & local_kind::FREE != 0)
            .count()
    }
}

/// Which exception a compile error is: a SyntaxError subclass, or one of the few other
/// exceptions CPython's compiler raises (`RecursionError` for too-deep nesting, `MemoryError`
/// when the parser's stack overflows, `SystemError` for an internal compiler error).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompileErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    RecursionError,
    MemoryError,
    SystemError,
}

/// A syntax error with everything CPython prints for it. `offset`/`end_offset` are 1-based
/// character columns (as in `SyntaxError.offset`); `text` is the offending source line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub kind: CompileErrorKind,
    pub message: String,
    pub filename: String,
    pub line: u32,
    pub offset: u32,
    pub end_line: u32,
    pub end_offset: u32,
    pub text: Option<String>,
}
