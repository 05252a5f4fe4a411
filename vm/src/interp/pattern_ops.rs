//! The instructions behind `match` statements (PEP 634): `MATCH_MAPPING`, `MATCH_SEQUENCE`,
//! `MATCH_KEYS` and `MATCH_CLASS`. The compiler (`compiler/pattern.rs`) arranges the stack;
//! these answer one question each about the subject, with CPython's rules and messages.

use crate::object::Value;
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::vm::Vm;

impl Vm {
    /// `MATCH_MAPPING`: does the subject's type count as a mapping (`dict` and its
    /// subclasses; CPython's `Py_TPFLAGS_MAPPING`)?
    pub(crate) fn match_is_mapping(&self, subject: &Value) -> bool {
        let ty = self.type_of(subject);
        self.is_subtype(&ty, &self.types.dict)
    }

    /// `MATCH_SEQUENCE`: `list`, `tuple`, `range`, `memoryview` and their subclasses. `str`,
    /// `bytes` and `bytearray` are deliberately not sequences for pattern matching.
    pub(crate) fn match_is_sequence(&self, subject: &Value) -> bool {
        let ty = self.type_of(subject);
        let t = &self.types;
        [&t.list, &t.tuple, &t.range, &t.memoryview]
            .iter()
            .any(|seq| self.is_subtype(&ty, seq))
    }

    /// `MATCH_KEYS`: the values of `keys` (a tuple) in the mapping `subject` as a tuple, or
    /// `None` if one is missing. Lookups go through `subject.get(key, default)` so that
    /// `__missing__` is never triggered.
    pub(crate) fn match_keys(&mut self, subject: &Value, keys: &Value) -> PyResult<Value> {
        let keys: Vec<Value> = keys.as_tuple().map(<[Value]>::to_vec).unwrap_or_default();
        if keys.is_empty() {
            return Ok(self.new_tuple(Vec::new()));
        }
        let exact_dict = self.type_of(subject).is(&self.types.dict);
        let get = if exact_dict {
            None
        } else {
            Some(self.getattr_str(subject, "get")?)
        };
        // A fresh object no mapping can contain: tells "missing" from a stored None.
        let missing = self.new_list(Vec::new());
        let mut seen: Vec<Value> = Vec::with_capacity(keys.len());
        let mut values = Vec::with_capacity(keys.len());
        for key in keys {
            for earlier in &seen {
                if self.eq(earlier, &key)? {
                    let r = self.repr(&key)?;
                    return Err(PyErr::value_error(format!(
                        "mapping pattern checks duplicate key ({r})"
                    )));
                }
            }
            let value = match &get {
                None => self.dict_get(subject, &key)?,
                Some(get) => {
                    let v = self.call(get, &[key.clone(), missing.clone()])?;
                    if v.is(&missing) { None } else { Some(v) }
                }
            };
            let Some(value) = value else {
                return Ok(Value::NONE);
            };
            values.push(value);
            seen.push(key);
        }
        Ok(self.new_tuple(values))
    }

    /// `MATCH_CLASS`: matches `subject` against `cls(<positional>, **kwnames)`. Returns the
    /// tuple of sub-subjects (positional ones through `__match_args__`, then the keyword
    /// attributes), or `None` if the subject is not an instance or lacks an attribute.
    pub(crate) fn match_class(
        &mut self,
        subject: &Value,
        cls: &Value,
        positional: usize,
        kwnames: &Value,
    ) -> PyResult<Value> {
        if !self.is_type(cls) {
            return Err(PyErr::type_error("called match pattern must be a class"));
        }
        if !self.is_instance(subject, cls) {
            return Ok(Value::NONE);
        }
        let class_name = crate::runtime::typecheck::type_name_of(cls);
        let mut seen: Vec<String> = Vec::new();
        let mut attrs = Vec::new();
        if positional > 0 {
            let match_args = self.getattr_opt(cls, "__match_args__")?;
            let (names, match_self) = match match_args {
                Some(m) => match m.as_tuple() {
                    Some(t) => (t.to_vec(), false),
                    None => {
                        return Err(PyErr::type_error(format!(
                            "{class_name}.__match_args__ must be a tuple (got {})",
                            self.type_name(&m)
                        )));
                    }
                },
                None => (Vec::new(), self.matches_self(cls)),
            };
            let allowed = if match_self { 1 } else { names.len() };
            if allowed < positional {
                let plural = if allowed == 1 { "" } else { "s" };
                return Err(PyErr::type_error(format!(
                    "{class_name}() accepts {allowed} positional sub-pattern{plural} \
                     ({positional} given)"
                )));
            }
            if match_self {
                attrs.push(subject.clone());
            } else {
                for name in names.iter().take(positional) {
                    let Some(text) = name.as_str().map(str::to_string) else {
                        return Err(PyErr::type_error(format!(
                            "__match_args__ elements must be strings (got {})",
                            self.type_name(name)
                        )));
                    };
                    match self.match_class_attr(subject, &class_name, &text, &mut seen)? {
                        Some(v) => attrs.push(v),
                        None => return Ok(Value::NONE),
                    }
                }
            }
        }
        let kwnames: Vec<Value> = kwnames
            .as_tuple()
            .map(<[Value]>::to_vec)
            .unwrap_or_default();
        for name in kwnames {
            let text = name.as_str().unwrap_or("").to_string();
            match self.match_class_attr(subject, &class_name, &text, &mut seen)? {
                Some(v) => attrs.push(v),
                None => return Ok(Value::NONE),
            }
        }
        Ok(self.new_tuple(attrs))
    }

    /// One attribute of a class pattern: `None` when the subject lacks it (no match), an
    /// error when the pattern names it twice.
    fn match_class_attr(
        &mut self,
        subject: &Value,
        class_name: &str,
        name: &str,
        seen: &mut Vec<String>,
    ) -> PyResult<Option<Value>> {
        if seen.iter().any(|s| s == name) {
            let r = crate::text::str_repr::py_str_repr(name);
            return Err(PyErr::type_error(format!(
                "{class_name}() got multiple sub-patterns for attribute {r}"
            )));
        }
        seen.push(name.to_string());
        match self.getattr_str(subject, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.err_matches(&e, ExcKind::AttributeError) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Builtin classes whose single positional sub-pattern matches the subject itself
    /// (`int(x)`, `str(s)`...): CPython's `_Py_TPFLAGS_MATCH_SELF`, inherited by subclasses.
    fn matches_self(&self, cls: &Value) -> bool {
        let t = &self.types;
        [
            &t.bool_,
            &t.bytearray,
            &t.bytes,
            &t.dict,
            &t.float,
            &t.frozenset,
            &t.int,
            &t.list,
            &t.set,
            &t.str_,
            &t.tuple,
        ]
        .iter()
        .any(|builtin| self.is_subtype(cls, builtin))
    }
}
