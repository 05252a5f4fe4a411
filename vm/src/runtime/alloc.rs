//! Constructors for builtin values (`vm.new_str`, `vm.new_int`, ...), and the accessors that
//! look inside them (`as_str`, `as_list`, ...).

use std::cell::RefCell;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr};
use crate::types::dict::DictTable;
use crate::types::payload::{ExceptionData, RangeData, SliceData};
use crate::types::set::SetTable;
use crate::types::str::PyStr;
use crate::vm::Vm;

impl Vm {
    pub fn new_str(&self, text: &str) -> Value {
        Value::alloc(&self.types.str_, Payload::Str(PyStr::new(text)))
    }

    pub fn new_string(&self, text: String) -> Value {
        Value::alloc(&self.types.str_, Payload::Str(PyStr::new(text)))
    }

    /// A `str` from a prepared payload (e.g. one holding lone surrogates).
    pub fn new_pystr(&self, s: PyStr) -> Value {
        Value::alloc(&self.types.str_, Payload::Str(s))
    }

    /// A `str` from generalized UTF-8 bytes (lone surrogates allowed).
    pub fn new_str_wtf8(&self, bytes: Vec<u8>) -> Value {
        self.new_pystr(PyStr::from_wtf8(bytes))
    }

    /// The concatenation of `parts`, all `str` (f-strings' `BUILD_STRING`); lone surrogates
    /// in any part keep the generalized UTF-8 form.
    pub fn concat_strs(&self, parts: &[Value]) -> Value {
        if parts
            .iter()
            .any(|v| v.as_pystr().is_some_and(|p| p.has_surrogates()))
        {
            let bytes = parts
                .iter()
                .filter_map(Value::as_pystr)
                .flat_map(|p| p.wtf8().iter().copied())
                .collect();
            return self.new_str_wtf8(bytes);
        }
        let mut s = String::new();
        for v in parts {
            s.push_str(v.as_str().unwrap_or(""));
        }
        self.new_string(s)
    }

    pub fn new_int(&self, i: i64) -> Value {
        match Value::try_small_int(i) {
            Some(v) => v,
            None => Value::alloc(&self.types.int, Payload::Int(BigInt::from(i))),
        }
    }

    /// An int from a big integer, stored immediately when it fits.
    pub fn new_bigint(&self, i: BigInt) -> Value {
        if let Some(small) = i.to_i64().and_then(Value::try_small_int) {
            return small;
        }
        Value::alloc(&self.types.int, Payload::Int(i))
    }

    pub fn new_float(&self, f: f64) -> Value {
        match Value::try_float(f) {
            Some(v) => v,
            None => Value::alloc(&self.types.float, Payload::Float(f)),
        }
    }

    pub fn new_complex(&self, real: f64, imag: f64) -> Value {
        Value::alloc(&self.types.complex, Payload::Complex(real, imag))
    }

    pub fn new_bytes(&self, bytes: Vec<u8>) -> Value {
        Value::alloc(&self.types.bytes, Payload::Bytes(bytes.into_boxed_slice()))
    }

    pub fn new_bytearray(&self, bytes: Vec<u8>) -> Value {
        Value::alloc(
            &self.types.bytearray,
            Payload::ByteArray(RefCell::new(bytes)),
        )
    }

    pub fn new_list(&self, items: Vec<Value>) -> Value {
        Value::alloc(&self.types.list, Payload::List(RefCell::new(items)))
    }

    pub fn new_tuple(&self, items: Vec<Value>) -> Value {
        Value::alloc(&self.types.tuple, Payload::Tuple(items.into_boxed_slice()))
    }

    pub fn new_dict(&self) -> Value {
        Value::alloc(
            &self.types.dict,
            Payload::Dict(RefCell::new(DictTable::new())),
        )
    }

    pub fn new_dict_from_table(&self, mut table: DictTable) -> Value {
        table.renew_version();
        Value::alloc(&self.types.dict, Payload::Dict(RefCell::new(table)))
    }

    pub fn new_set_from_table(&self, table: SetTable, frozen: bool) -> Value {
        let ty = if frozen {
            &self.types.frozenset
        } else {
            &self.types.set
        };
        Value::alloc(ty, Payload::Set(RefCell::new(table)))
    }

    pub fn new_range(&self, start: Value, stop: Value, step: Value) -> Value {
        Value::alloc(
            &self.types.range,
            Payload::Range(RangeData { start, stop, step }),
        )
    }

    pub fn new_slice(&self, start: Value, stop: Value, step: Value) -> Value {
        Value::alloc(
            &self.types.slice,
            Payload::Slice(SliceData { start, stop, step }),
        )
    }

    pub fn new_cell(&self, contents: Value) -> Value {
        Value::alloc(&self.types.cell, Payload::Cell(RefCell::new(contents)))
    }

    /// A new exception instance of type `ty` with `args`.
    pub fn new_exception_of_type(&self, ty: &Value, args: Vec<Value>) -> Value {
        let args = self.new_tuple(args);
        Value::alloc(
            ty,
            Payload::Exception(Box::new(ExceptionData {
                args: RefCell::new(args),
                traceback: RefCell::new(Value::NONE),
                cause: RefCell::new(Value::NONE),
                context: RefCell::new(Value::NONE),
                suppress_context: std::cell::Cell::new(false),
                dict: RefCell::new(Value::NULL),
            })),
        )
    }

    pub fn new_exception(&self, kind: ExcKind, args: Vec<Value>) -> Value {
        self.new_exception_of_type(self.types.exception(kind), args)
    }

    /// Turns an error into an exception instance (creating it if it was lazy).
    pub fn exception_object(&self, err: PyErr) -> Value {
        match err.into_repr() {
            crate::runtime::errors::ErrRepr::Lazy(kind, msg) => {
                let msg = self.new_string(msg);
                self.new_exception(kind, vec![msg])
            }
            crate::runtime::errors::ErrRepr::LazyArgs(kind, args) => self.new_exception(kind, args),
            crate::runtime::errors::ErrRepr::Object(v) => v,
        }
    }
}

/// Borrowing accessors; each returns `None` for other kinds.
impl Value {
    pub fn as_pystr(&self) -> Option<&PyStr> {
        match self.payload() {
            Some(Payload::Str(s)) => Some(s),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        self.as_pystr().map(PyStr::as_str)
    }

    pub fn as_bigint(&self) -> Option<&BigInt> {
        match self.payload() {
            Some(Payload::Int(i)) => Some(i),
            _ => None,
        }
    }

    pub fn as_list(&self) -> Option<&RefCell<Vec<Value>>> {
        match self.payload() {
            Some(Payload::List(l)) => Some(l),
            _ => None,
        }
    }

    pub fn as_tuple(&self) -> Option<&[Value]> {
        match self.payload() {
            Some(Payload::Tuple(t)) => Some(t),
            _ => None,
        }
    }

    pub fn as_dict(&self) -> Option<&RefCell<DictTable>> {
        match self.payload() {
            Some(Payload::Dict(d)) => Some(d),
            _ => None,
        }
    }

    pub fn as_set(&self) -> Option<&RefCell<SetTable>> {
        match self.payload() {
            Some(Payload::Set(s)) => Some(s),
            _ => None,
        }
    }

    pub fn as_bytes(&self) -> Option<&[u8]> {
        match self.payload() {
            Some(Payload::Bytes(b)) => Some(b),
            _ => None,
        }
    }

    pub fn as_type_data(&self) -> Option<&crate::types::typeobj::TypeData> {
        match self.payload() {
            Some(Payload::Type(t)) => Some(t),
            _ => None,
        }
    }

    pub fn as_code(&self) -> Option<&crate::types::code::CodeObject> {
        match self.payload() {
            Some(Payload::Code(c)) => Some(c),
            _ => None,
        }
    }

    pub fn as_function(&self) -> Option<&crate::types::function::FunctionData> {
        match self.payload() {
            Some(Payload::Function(f)) => Some(f),
            _ => None,
        }
    }

    pub fn as_exception(&self) -> Option<&ExceptionData> {
        match self.payload() {
            Some(Payload::Exception(e)) => Some(e),
            _ => None,
        }
    }
}
