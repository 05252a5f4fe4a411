//! Function objects: Python functions (code + globals + defaults + closure) and builtin
//! functions implemented in Rust.

use std::cell::RefCell;

use crate::interp::args::Args;
use crate::object::Value;
use crate::runtime::errors::PyResult;
use crate::vm::Vm;

/// A Rust implementation of a Python callable. For methods the receiver is `args[0]`.
pub type NativeFn = fn(&mut Vm, Args<'_>) -> PyResult<Value>;

pub struct FunctionData {
    /// The code object. Replaceable (`f.__code__ = ...`): readers borrow it only for the
    /// length of one expression and never run Python code meanwhile; calls take a counted
    /// reference, so a frame keeps running the code it started with.
    pub code: RefCell<Value>,
    pub globals: Value,
    pub builtins: Value,
    pub name: RefCell<Value>,
    pub qualname: RefCell<Value>,
    pub module: RefCell<Value>,
    pub doc: RefCell<Value>,
    /// Tuple of positional defaults, or NULL.
    pub defaults: RefCell<Value>,
    /// Dict of keyword-only defaults, or NULL.
    pub kwdefaults: RefCell<Value>,
    /// Tuple of cells, or NULL.
    pub closure: RefCell<Value>,
    /// `__dict__`, or NULL until used.
    pub dict: RefCell<Value>,
    /// `__annotations__` once computed or set (a dict), or NULL.
    pub annotations: RefCell<Value>,
    /// `__annotate__` (PEP 649): the compiler-made function computing the annotations,
    /// or NULL/None.
    pub annotate: RefCell<Value>,
}

pub struct BuiltinFunctionData {
    pub name: &'static str,
    pub func: NativeFn,
    /// The bound receiver (`__self__`): a module for module functions, the instance for a
    /// bound builtin method, NULL for an unbound method descriptor.
    pub receiver: Value,
    /// For method descriptors: the type that defines the method; NULL otherwise.
    pub owner: Value,
    /// `__doc__` text.
    pub doc: &'static str,
}

impl BuiltinFunctionData {
    /// Whether this is a method descriptor living in a type's dict (binds on access).
    pub fn is_method_descriptor(&self) -> bool {
        self.receiver.is_null() && !self.owner.is_null()
    }
}
