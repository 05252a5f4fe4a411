//! Instruction helpers too big for the dispatch loop: unary operators, unpacking, raising
//! and matching exceptions, context managers, `**kwargs` merging, intrinsics, imports.

use crate::bytecode::Opcode;
use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::runtime::numbers::{as_float, as_int};
use crate::types::payload::TracebackData;
use crate::vm::Vm;

impl Vm {
    /// `-v`, `+v`, `~v`.
    pub fn unary_op(&mut self, v: &Value, op: Opcode) -> PyResult<Value> {
        if self.is_exact_builtin(v) {
            if let Some(i) = as_int(v) {
                return Ok(match op {
                    Opcode::UNARY_NEGATIVE => match i.to_i64().and_then(i64::checked_neg) {
                        Some(n) => self.new_int(n),
                        None => self.new_bigint(-i.to_bigint()),
                    },
                    Opcode::UNARY_POSITIVE => match i.to_i64() {
                        Some(n) => self.new_int(n),
                        None => self.new_bigint(i.to_bigint()),
                    },
                    _ => match i.to_i64() {
                        Some(n) => self.new_int(!n),
                        None => self.new_bigint(!i.to_bigint()),
                    },
                });
            }
            if let Some(f) = as_float(v) {
                match op {
                    Opcode::UNARY_NEGATIVE => return Ok(self.new_float(-f)),
                    Opcode::UNARY_POSITIVE => return Ok(self.new_float(f)),
                    _ => {}
                }
            }
            if let Some(Payload::Complex(r, i)) = v.payload() {
                match op {
                    Opcode::UNARY_NEGATIVE => return Ok(self.new_complex(-r, -i)),
                    Opcode::UNARY_POSITIVE => return Ok(self.new_complex(*r, *i)),
                    _ => {}
                }
            }
        }
        let (name, symbol) = match op {
            Opcode::UNARY_NEGATIVE => ("__neg__", "-"),
            Opcode::UNARY_POSITIVE => ("__pos__", "+"),
            _ => ("__invert__", "~"),
        };
        match self.lookup_special(v, name) {
            Some(m) => self.call(&m, &[v.clone()]),
            None => Err(PyErr::type_error(format!(
                "bad operand type for unary {symbol}: '{}'",
                self.type_name(v)
            ))),
        }
    }

    /// Whether `iter(v)` could succeed.
    pub fn is_iterable(&self, v: &Value) -> bool {
        matches!(
            v.payload(),
            Some(
                Payload::List(_)
                    | Payload::Tuple(_)
                    | Payload::Str(_)
                    | Payload::Dict(_)
                    | Payload::Set(_)
                    | Payload::Bytes(_)
                    | Payload::ByteArray(_)
                    | Payload::Range(_)
                    | Payload::Iterator(_)
                    | Payload::Generator(_)
                    | Payload::DictView(_)
            )
        ) || self.lookup_special(v, "__iter__").is_some()
            || self.lookup_special(v, "__getitem__").is_some()
    }

    /// `f(**mapping)`: merges into the kwargs dict, rejecting duplicates.
    pub fn dict_merge_kwargs(
        &mut self,
        dict: &Value,
        mapping: &Value,
        func: &Value,
    ) -> PyResult<()> {
        let fname = self.function_display_name(func);
        if mapping.as_dict().is_none() && self.lookup_special(mapping, "keys").is_none() {
            return Err(PyErr::type_error(format!(
                "{fname} argument after ** must be a mapping, not {}",
                self.type_name(mapping)
            )));
        }
        let keys = match mapping.as_dict() {
            Some(t) => t.borrow().keys(),
            None => {
                let k = self.getattr_str(mapping, "keys")?;
                let k = self.call(&k, &[])?;
                self.collect_iterable(&k)?
            }
        };
        for k in keys {
            if k.as_str().is_none() {
                return Err(PyErr::type_error("keywords must be strings"));
            }
            if self.dict_get(dict, &k)?.is_some() {
                return Err(PyErr::type_error(format!(
                    "{fname} got multiple values for keyword argument '{}'",
                    k.as_str().unwrap_or("")
                )));
            }
            let v = self.getitem(mapping, &k)?;
            self.dict_set(dict, k, v)?;
        }
        Ok(())
    }

    /// `f()`-style name of a callable for error messages (`print()`, `C.m()`).
    pub fn function_display_name(&self, func: &Value) -> String {
        match func.payload() {
            Some(Payload::Function(f)) => {
                let qualname = f.qualname.borrow().as_str().unwrap_or("?").to_string();
                match f.module.borrow().as_str() {
                    Some(m) if m != "builtins" => format!("{m}.{qualname}()"),
                    _ => format!("{qualname}()"),
                }
            }
            Some(Payload::BuiltinFunction(f)) => format!("{}()", f.name),
            Some(Payload::BoundMethod(m)) => self.function_display_name(&m.function),
            Some(Payload::Type(t)) => format!("{}()", t.name.borrow()),
            _ => format!("{} object", self.type_name(func)),
        }
    }

    /// `a, b, c = seq`.
    pub fn unpack_exact(&mut self, seq: &Value, n: usize) -> PyResult<Vec<Value>> {
        if self.is_exact_builtin(seq) {
            let items = match seq.payload() {
                Some(Payload::Tuple(t)) => Some(t.to_vec()),
                Some(Payload::List(l)) => Some(l.borrow().clone()),
                _ => None,
            };
            if let Some(items) = items {
                if items.len() == n {
                    return Ok(items);
                }
                return Err(if items.len() < n {
                    PyErr::value_error(format!(
                        "not enough values to unpack (expected {n}, got {})",
                        items.len()
                    ))
                } else {
                    PyErr::value_error(format!("too many values to unpack (expected {n})"))
                });
            }
        }
        if !self.is_iterable(seq) {
            return Err(PyErr::type_error(format!(
                "cannot unpack non-iterable {} object",
                self.type_name(seq)
            )));
        }
        let it = self.iter(seq)?;
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            match self.next(&it)? {
                Some(v) => out.push(v),
                None => {
                    return Err(PyErr::value_error(format!(
                        "not enough values to unpack (expected {n}, got {})",
                        out.len()
                    )));
                }
            }
        }
        if self.next(&it)?.is_some() {
            return Err(PyErr::value_error(format!(
                "too many values to unpack (expected {n})"
            )));
        }
        Ok(out)
    }

    /// `a, *b, c = seq`: `before` items, a list, `after` items.
    pub fn unpack_star(
        &mut self,
        seq: &Value,
        before: usize,
        after: usize,
    ) -> PyResult<Vec<Value>> {
        if !self.is_iterable(seq) {
            return Err(PyErr::type_error(format!(
                "cannot unpack non-iterable {} object",
                self.type_name(seq)
            )));
        }
        let items = self.collect_iterable(seq)?;
        if items.len() < before + after {
            return Err(PyErr::value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let mut out: Vec<Value> = items[..before].to_vec();
        let middle = items[before..items.len() - after].to_vec();
        out.push(self.new_list(middle));
        out.extend(items[items.len() - after..].iter().cloned());
        Ok(out)
    }

    /// The exception `raise exc from cause` raises.
    pub fn make_raise(&mut self, exc: Value, cause: Value) -> PyErr {
        let exc = match self.instantiate_exception(&exc) {
            Ok(e) => e,
            Err(e) => return e,
        };
        if !cause.is_null() {
            let cause = if cause.is_none() {
                Value::NONE
            } else {
                match self.instantiate_exception(&cause) {
                    Ok(c) => c,
                    Err(_) => {
                        return PyErr::type_error(
                            "exception causes must derive from BaseException",
                        );
                    }
                }
            };
            if let Some(data) = exc.as_exception() {
                *data.cause.borrow_mut() = cause;
                data.suppress_context.set(true);
            }
        }
        PyErr::from_object(exc)
    }

    /// An exception instance from a class or instance (`raise ValueError`).
    pub fn instantiate_exception(&mut self, v: &Value) -> PyResult<Value> {
        let base = self.types.exception(ExcKind::BaseException).clone();
        if self.is_type(v) && self.is_subtype(v, &base) {
            let inst = self.call(v, &[])?;
            if !self.is_instance(&inst, &base) {
                return Err(PyErr::type_error(format!(
                    "calling {} should have returned an instance of BaseException, not {}",
                    crate::runtime::typecheck::type_name_of(v),
                    self.type_name(&inst)
                )));
            }
            return Ok(inst);
        }
        if self.is_instance(v, &base) {
            return Ok(v.clone());
        }
        Err(PyErr::type_error(
            "exceptions must derive from BaseException",
        ))
    }

    /// `except T:` matching (T a class or a tuple of classes).
    pub fn exception_matches(&mut self, exc: &Value, match_type: &Value) -> PyResult<bool> {
        let base = self.types.exception(ExcKind::BaseException).clone();
        let candidates: Vec<Value> = match match_type.as_tuple() {
            Some(t) => t.to_vec(),
            None => vec![match_type.clone()],
        };
        for c in &candidates {
            if !(self.is_type(c) && self.is_subtype(c, &base)) {
                return Err(PyErr::type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                ));
            }
        }
        Ok(candidates.iter().any(|c| self.is_instance(exc, c)))
    }

    /// `with cm:` entry: returns (bound `__exit__`, result of `__enter__()`).
    pub fn enter_context(&mut self, cm: &Value) -> PyResult<(Value, Value)> {
        let Some(enter) = self.lookup_special(cm, "__enter__") else {
            return Err(PyErr::type_error(format!(
                "'{}' object does not support the context manager protocol",
                self.type_name(cm)
            )));
        };
        let Some(exit) = self.lookup_special(cm, "__exit__") else {
            return Err(PyErr::type_error(format!(
                "'{}' object does not support the context manager protocol (missed __exit__ method)",
                self.type_name(cm)
            )));
        };
        let ty = self.type_of(cm);
        let bound_exit = self.descriptor_get(&exit, cm, &ty)?;
        let entered = self.call(&enter, &[cm.clone()])?;
        Ok((bound_exit, entered))
    }

    /// Sets `__context__` on an exception raised while another is being handled.
    pub fn set_context_on_raise(&mut self, exc: &Value) {
        let current = self.exc_info.clone();
        if current.is_null() || current.is_none() || current.is(exc) {
            return;
        }
        // Break cycles: if `exc` is already in the context chain of `current`, cut it.
        let mut o = current.clone();
        let mut steps = 0;
        while let Some(data) = o.as_exception() {
            let next = data.context.borrow().clone();
            if next.is(exc) {
                *data.context.borrow_mut() = Value::NONE;
                break;
            }
            if next.is_none() || steps > 10000 {
                break;
            }
            o = next;
            steps += 1;
        }
        if let Some(data) = exc.as_exception() {
            *data.context.borrow_mut() = current;
        }
    }

    /// Prepends a traceback entry for the frame at `code`/`lasti` to `exc.__traceback__`.
    pub fn add_traceback_entry(&mut self, exc: &Value, code: &Value, lasti: usize) {
        let Some(data) = exc.as_exception() else {
            return;
        };
        let line = code.as_code().map(|c| c.line_of(lasti)).unwrap_or(0);
        let next = data.traceback.borrow().clone();
        // `tb_frame`: the running frame's object, made now (the frame is about to go).
        let frame = match self.frames.last() {
            Some(f) if f.code.is(code) => self.top_frame_object().unwrap_or(Value::NULL),
            _ => Value::NULL,
        };
        let tb = Value::alloc(
            &self.types.traceback,
            Payload::Traceback(TracebackData {
                next: std::cell::RefCell::new(next),
                code: code.clone(),
                lasti: lasti as u32,
                line,
                frame,
            }),
        );
        *data.traceback.borrow_mut() = tb;
    }

    /// `CALL_INTRINSIC_1`.
    pub fn intrinsic1(&mut self, which: u32, v: Value) -> PyResult<Value> {
        use crate::bytecode::opcodes::Intrinsic1;
        match which {
            x if x == Intrinsic1::Print as u32 => {
                if !v.is_none() {
                    let r = self.repr(&v)?;
                    self.write_stdout(&format!("{r}\n"))?;
                    let key = self.intern("_");
                    let b = self.builtins_dict.clone();
                    self.dict_set(&b, key, v)?;
                }
                Ok(Value::NONE)
            }
            x if x == Intrinsic1::StopIterationError as u32 => {
                let stop = self.types.exception(ExcKind::StopIteration).clone();
                let msg = if self.is_instance(&v, &stop) {
                    Some("generator raised StopIteration")
                } else {
                    None
                };
                match msg {
                    Some(m) => {
                        let m = self.new_str(m);
                        let err = self.new_exception(ExcKind::RuntimeError, vec![m]);
                        if let Some(d) = err.as_exception() {
                            *d.cause.borrow_mut() = v.clone();
                            *d.context.borrow_mut() = v;
                            d.suppress_context.set(true);
                        }
                        Ok(err)
                    }
                    None => Ok(v),
                }
            }
            x if x == Intrinsic1::ListToTuple as u32 => {
                let items = v.as_list().map(|l| l.borrow().clone()).unwrap_or_default();
                Ok(self.new_tuple(items))
            }
            _ => Err(PyErr::new(
                ExcKind::SystemError,
                format!("unknown intrinsic {which}"),
            )),
        }
    }
}
