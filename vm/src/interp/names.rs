//! Name resolution for `LOAD_NAME`/`LOAD_GLOBAL` and friends, and the NameError /
//! UnboundLocalError messages CPython gives.

use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::types::code::CodeObject;
use crate::vm::Vm;

impl Vm {
    /// A lookup in a dict with an exact-str key value, never running Python code.
    pub fn dict_get_fast(&self, dict: &Value, key: &Value) -> Option<Value> {
        let table = dict.as_dict()?;
        let s = key.as_pystr()?;
        let hash = crate::runtime::hashing::pystr_hash(s);
        let t = table.try_borrow().ok()?;
        let idx = t.find(hash, |k| k.is(key) || k.as_str() == Some(s.as_str()))?;
        t.entry(idx).map(|e| e.value.clone())
    }

    /// Whether a locals mapping is an exact dict: subclasses go through their
    /// `__getitem__`/`__setitem__`/`__delitem__`, as in CPython.
    fn is_exact_dict(&self, mapping: &Value) -> bool {
        mapping.as_dict().is_some() && self.type_of(mapping).is(&self.types.dict)
    }

    /// `mapping[name]` for a locals mapping (dict fast path), `None` if absent.
    pub fn mapping_lookup(&mut self, mapping: &Value, name: &Value) -> PyResult<Option<Value>> {
        if self.is_exact_dict(mapping) {
            return Ok(self.dict_get_fast(mapping, name));
        }
        match self.getitem(mapping, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.err_matches(&e, ExcKind::KeyError) => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub fn mapping_store(&mut self, mapping: &Value, name: Value, value: Value) -> PyResult<()> {
        if self.is_exact_dict(mapping) {
            return self.dict_set(mapping, name, value);
        }
        self.setitem(mapping, &name, value)
    }

    /// Deletes `name` from a mapping; returns whether it was there.
    pub fn mapping_delete(&mut self, mapping: &Value, name: &Value) -> PyResult<bool> {
        if self.is_exact_dict(mapping) {
            return Ok(self.dict_remove(mapping, name)?.is_some());
        }
        match self.delitem(mapping, name) {
            Ok(()) => Ok(true),
            Err(e) if self.err_matches(&e, ExcKind::KeyError) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// `LOAD_NAME`: locals, then globals, then builtins.
    pub fn load_name(&mut self, name: &Value) -> PyResult<Value> {
        let (locals, globals, builtins) = match self.frames.last() {
            Some(f) => (f.locals.clone(), f.globals.clone(), f.builtins.clone()),
            None => return Err(PyErr::internal("LOAD_NAME without a frame")),
        };
        if !locals.is_null()
            && let Some(v) = self.mapping_lookup(&locals, name)?
        {
            return Ok(v);
        }
        if let Some(v) = self.dict_get_fast(&globals, name) {
            return Ok(v);
        }
        if let Some(v) = self.dict_get_fast(&builtins, name) {
            return Ok(v);
        }
        Err(self.name_error(name))
    }

    /// `LOAD_GLOBAL`: globals, then builtins.
    #[inline]
    pub fn load_global(&mut self, name: &Value) -> PyResult<Value> {
        let Some(frame) = self.frames.last() else {
            return Err(PyErr::internal("LOAD_GLOBAL without a frame"));
        };
        if let Some(v) = self.dict_get_fast(&frame.globals, name) {
            return Ok(v);
        }
        let (globals, builtins) = (frame.globals.clone(), frame.builtins.clone());
        if !self.is_exact_dict(&globals) || !self.is_exact_dict(&builtins) {
            return self.load_global_slow(&globals, &builtins, name);
        }
        if let Some(v) = self.dict_get_fast(&builtins, name) {
            return Ok(v);
        }
        Err(self.name_error(name))
    }

    /// `LOAD_GLOBAL` when globals or builtins is a dict subclass: both are subscripted,
    /// so `__missing__`/`__getitem__` run (annotationlib's fake globals rely on it).
    fn load_global_slow(
        &mut self,
        globals: &Value,
        builtins: &Value,
        name: &Value,
    ) -> PyResult<Value> {
        if let Some(v) = self.mapping_lookup(globals, name)? {
            return Ok(v);
        }
        if let Some(v) = self.mapping_lookup(builtins, name)? {
            return Ok(v);
        }
        Err(self.name_error(name))
    }

    /// `NameError: name 'x' is not defined`, with `name` set for suggestions.
    pub fn name_error(&self, name: &Value) -> PyErr {
        let text = name.as_str().unwrap_or("?");
        self.name_error_with(
            ExcKind::NameError,
            format!("name '{text}' is not defined"),
            name,
        )
    }

    fn name_error_with(&self, kind: ExcKind, msg: String, name: &Value) -> PyErr {
        let msg = self.new_string(msg);
        let exc = self.new_exception(kind, vec![msg]);
        if let Some(data) = exc.as_exception() {
            let d = self.new_dict();
            if let Some(t) = d.as_dict() {
                let key = self.new_str("name");
                t.borrow_mut().insert_new(
                    crate::runtime::hashing::str_hash_cached("name"),
                    key,
                    name.clone(),
                );
            }
            *data.dict.borrow_mut() = d;
        }
        PyErr::from_object(exc)
    }

    pub(crate) fn unbound_local(&self, code: &CodeObject, slot: usize) -> PyErr {
        let name = code
            .localsplus_names
            .get(slot)
            .cloned()
            .unwrap_or(Value::NONE);
        let text = name.as_str().unwrap_or("?").to_string();
        self.name_error_with(
            ExcKind::UnboundLocalError,
            format!(
                "cannot access local variable '{text}' where it is not associated with a value"
            ),
            &name,
        )
    }

    pub(crate) fn unbound_deref(&self, code: &CodeObject, slot: usize) -> PyErr {
        let kind = code.data.localsplus_kinds.get(slot).copied().unwrap_or(0);
        if kind & crate::bytecode::code::local_kind::FREE != 0 {
            let name = code
                .localsplus_names
                .get(slot)
                .cloned()
                .unwrap_or(Value::NONE);
            let text = name.as_str().unwrap_or("?").to_string();
            return self.name_error_with(
                ExcKind::NameError,
                format!("cannot access free variable '{text}' where it is not associated with a value in enclosing scope"),
                &name,
            );
        }
        self.unbound_local(code, slot)
    }

    /// A new Python function from a code object.
    pub fn new_function(&self, code: Value, globals: Value, builtins: Value) -> Value {
        let (name, qualname, doc) = match code.as_code() {
            Some(c) => {
                let doc = if c.data.flags & crate::bytecode::code::code_flags::HAS_DOCSTRING != 0 {
                    c.consts.first().cloned().unwrap_or(Value::NONE)
                } else {
                    Value::NONE
                };
                (c.name.clone(), c.qualname.clone(), doc)
            }
            None => (Value::NONE, Value::NONE, Value::NONE),
        };
        let module = self
            .dict_get_str(&globals, "__name__")
            .unwrap_or(Value::NONE);
        use std::cell::RefCell;
        Value::alloc(
            &self.types.function,
            Payload::Function(Box::new(crate::types::function::FunctionData {
                code: std::cell::RefCell::new(code),
                globals,
                builtins,
                name: RefCell::new(name),
                qualname: RefCell::new(qualname),
                module: RefCell::new(module),
                doc: RefCell::new(doc),
                defaults: RefCell::new(Value::NULL),
                kwdefaults: RefCell::new(Value::NULL),
                closure: RefCell::new(Value::NULL),
                dict: RefCell::new(Value::NULL),
                annotations: RefCell::new(Value::NULL),
                annotate: RefCell::new(Value::NULL),
            })),
        )
    }
}

/// The contents of a cell value (NULL if empty or not a cell): `LOAD_DEREF`'s read.
pub(crate) fn cell_contents(cell: &Value) -> Value {
    match cell.payload() {
        Some(Payload::Cell(c)) => c.borrow().clone(),
        _ => Value::NULL,
    }
}
