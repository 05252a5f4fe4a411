//! Native objects: instances of the types that Rust-written standard-library modules define
//! when they are imported (`itertools.count`, `functools.partial`, `operator.itemgetter`,
//! `_random.Random`, ...). Such a type is an ordinary non-heap type object whose instances
//! carry `Payload::Native`: the module's own Rust state (any `'static` type, usually a
//! struct of `RefCell`s, reached with `native_state`) plus an optional `__dict__` (for
//! instances of Python subclasses, and for the few types CPython gives one).
//!
//! Iterator types also store their step function, so `next()` on an exact native iterator
//! calls Rust directly instead of looking up and calling `__next__`.

use std::any::Any;
use std::cell::{Cell, RefCell};

use crate::builtins::object::util::bad_receiver;
use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::types::typeobj::{Layout, TypeData, TypeTag, type_flags};
use crate::vm::Vm;

/// The Rust state of a native object as the cycle collector sees it. Every state type
/// implements it; one that holds object references reports them in `traverse` (CPython's
/// `tp_traverse`) and, where CPython has a `tp_clear`, gives them up in `clear` so that
/// `gc.collect()` can break cycles passing through the object. A state whose cells are
/// borrowed right now reports nothing (see `types::traverse`).
pub trait NativeState: Any {
    /// Calls `visit` on each counted reference the state holds (never one it shares
    /// through an `Rc` with other objects: that reference would be counted twice).
    fn traverse(&self, _visit: &mut dyn FnMut(&Value)) {}
    /// Moves the references that can be dropped into `out` (the object is garbage).
    fn clear(&self, _out: &mut Vec<Value>) {}
}

/// Visits the value in a `RefCell` unless it is borrowed.
pub fn visit_cell(cell: &RefCell<Value>, visit: &mut dyn FnMut(&Value)) {
    if let Ok(v) = cell.try_borrow() {
        visit(&v);
    }
}

/// Takes the value out of a `RefCell` (leaving NULL) unless it is borrowed.
pub fn take_cell(cell: &RefCell<Value>, out: &mut Vec<Value>) {
    if let Ok(mut v) = cell.try_borrow_mut() {
        out.push(std::mem::take(&mut *v));
    }
}

/// Visits the values in a `RefCell<Vec<Value>>` unless it is borrowed.
pub fn visit_vec_cell(cell: &RefCell<Vec<Value>>, visit: &mut dyn FnMut(&Value)) {
    if let Ok(v) = cell.try_borrow() {
        v.iter().for_each(visit);
    }
}

/// Advances a native iterator: `Ok(None)` when exhausted.
pub type NativeNextFn = fn(&mut Vm, &Value) -> PyResult<Option<Value>>;

pub struct NativeData {
    /// The instance `__dict__` (NULL until first used); only when `has_dict`.
    pub dict: RefCell<Value>,
    pub has_dict: bool,
    /// The iterator step, for iterator types.
    pub iternext: Option<NativeNextFn>,
    pub state: Box<dyn NativeState>,
}

impl Vm {
    /// A new type `module.name` for a Rust-written module, deriving from `object`.
    pub fn new_native_type(&mut self, module: &str, name: &str, subclassable: bool) -> Value {
        let dict = self.new_dict();
        let data = TypeData {
            name: RefCell::new(name.to_string()),
            qualname: RefCell::new(name.to_string()),
            bases: RefCell::new(vec![self.types.object.clone()]),
            mro_tail: RefCell::new(vec![self.types.object.clone()]),
            dict: dict.clone(),
            layout: Layout::Native,
            flags: Cell::new(if subclassable {
                type_flags::BASETYPE
            } else {
                0
            }),
            tag: TypeTag::new(),
            nslots: Cell::new(0),
            constructor: Cell::new(None),
        };
        let ty = Value::alloc(&self.types.type_, Payload::Type(Box::new(data)));
        let module_name = self.new_str(module);
        let _ = self.set_item_str(&dict, "__module__", module_name);
        ty
    }

    /// A native instance of `cls`; it gets a `__dict__` when `cls` is a Python subclass.
    pub fn new_native(
        &self,
        cls: &Value,
        state: impl NativeState,
        iternext: Option<NativeNextFn>,
    ) -> Value {
        let has_dict = cls
            .as_type_data()
            .is_some_and(|d| d.has_flag(type_flags::HEAPTYPE));
        self.new_native_full(cls, state, iternext, has_dict)
    }

    /// A native instance with an explicit choice of `__dict__`.
    pub fn new_native_full(
        &self,
        cls: &Value,
        state: impl NativeState,
        iternext: Option<NativeNextFn>,
        has_dict: bool,
    ) -> Value {
        Value::alloc(
            cls,
            Payload::Native(Box::new(NativeData {
                dict: RefCell::new(Value::NULL),
                has_dict,
                iternext,
                state: Box::new(state),
            })),
        )
    }

    /// A type registered in `native_types` by its module (None before that module ran).
    pub fn native_type(&self, qualified: &str) -> PyResult<Value> {
        self.native_types
            .get(qualified)
            .cloned()
            .ok_or_else(|| PyErr::internal(format!("native type {qualified} is not created")))
    }

    /// `obj.name(*args)`.
    pub fn call_method(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let m = self.getattr_str(obj, name)?;
        self.call(&m, args)
    }

    /// Gives a native iterator type `__iter__` (returning self) and `__next__`.
    pub fn add_native_iter_methods(&mut self, ty: &Value) {
        self.add_method(ty, "__iter__", native_iter_self);
        self.add_method(ty, "__next__", native_iter_next);
    }
}

/// The Rust state of a native object, if it is a `T`.
pub fn native_state<T: 'static>(v: &Value) -> Option<&T> {
    match v.payload() {
        Some(Payload::Native(n)) => (&*n.state as &dyn Any).downcast_ref::<T>(),
        _ => None,
    }
}

/// The receiver of a native method (`args[0]`) and its state, or CPython's descriptor error.
pub fn native_receiver<'a, T: 'static>(
    vm: &Vm,
    args: &Args<'a>,
    method: &str,
    tyname: &str,
) -> PyResult<(&'a Value, &'a T)> {
    match args.values.first() {
        Some(v) => match native_state::<T>(v) {
            Some(s) => Ok((v, s)),
            None => Err(bad_receiver(vm, method, tyname, Some(v))),
        },
        None => Err(bad_receiver(vm, method, tyname, None)),
    }
}

fn native_iter_self(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.values.first() {
        Some(v) => Ok(v.clone()),
        None => Err(PyErr::type_error("__iter__ needs an argument")),
    }
}

fn native_iter_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(it) = args.values.first() else {
        return Err(PyErr::type_error("__next__ needs an argument"));
    };
    let step = match it.payload() {
        Some(Payload::Native(n)) => n.iternext,
        _ => None,
    };
    let Some(step) = step else {
        return Err(PyErr::type_error(format!(
            "'{}' object is not an iterator",
            vm.type_name(it)
        )));
    };
    match step(vm, it)? {
        Some(v) => Ok(v),
        None => Err(PyErr::stop_iteration()),
    }
}
