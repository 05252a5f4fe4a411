//! Types of values and subtype checks: `type(x)`, `isinstance`, MRO walks and lookups of
//! attributes on types.

use crate::object::{Payload, Value};
use crate::types::typeobj::TypeData;
use crate::vm::Vm;

impl Vm {
    /// The type of `v` (a new reference).
    #[inline]
    pub fn type_of(&self, v: &Value) -> Value {
        if let Some(obj) = v.as_object() {
            return obj.type_value();
        }
        self.immediate_type(v).clone()
    }

    fn immediate_type(&self, v: &Value) -> &Value {
        if v.is_small_int() {
            &self.types.int
        } else if v.is_immediate_float() {
            &self.types.float
        } else if v.is_bool() {
            &self.types.bool_
        } else if v.is_none() {
            &self.types.none_type
        } else if v.is(&Value::NOT_IMPLEMENTED) {
            &self.types.not_implemented_type
        } else {
            &self.types.ellipsis_type
        }
    }

    /// Runs `f` with the type data of `v`'s type, without touching reference counts.
    #[inline]
    pub fn with_type<R>(&self, v: &Value, f: impl FnOnce(&Value, &TypeData) -> R) -> R {
        let ty = self.type_of(v);
        match ty.as_type_data() {
            Some(data) => f(&ty, data),
            None => f(
                &ty,
                self.types
                    .object
                    .as_type_data()
                    .unwrap_or_else(|| unreachable_type()),
            ),
        }
    }

    /// `type(v).__name__`.
    pub fn type_name(&self, v: &Value) -> String {
        let ty = self.type_of(v);
        type_name_of(&ty)
    }

    /// The MRO of a type object, the type itself first.
    pub fn mro(&self, ty: &Value) -> Vec<Value> {
        let mut out = vec![ty.clone()];
        if let Some(data) = ty.as_type_data() {
            out.extend(data.mro_tail.borrow().iter().cloned());
        }
        out
    }

    /// Whether type `sub` is `sup` or derives from it.
    pub fn is_subtype(&self, sub: &Value, sup: &Value) -> bool {
        if sub.is(sup) {
            return true;
        }
        match sub.as_type_data() {
            Some(data) => data.mro_tail.borrow().iter().any(|t| t.is(sup)),
            None => false,
        }
    }

    /// `isinstance(v, ty)` for a type object `ty` (no `__instancecheck__`).
    #[inline]
    pub fn is_instance(&self, v: &Value, ty: &Value) -> bool {
        let vt = self.type_of(v);
        self.is_subtype(&vt, ty)
    }

    /// Looks `name` up along the MRO of type `ty`.
    pub fn lookup_type_attr(&self, ty: &Value, name: &str) -> Option<Value> {
        let data = ty.as_type_data()?;
        self.type_attr_cache.lookup(data, name)
    }

    /// Looks `name` up on the type of `v`.
    pub fn lookup_special(&self, v: &Value, name: &str) -> Option<Value> {
        let ty = self.type_of(v);
        self.lookup_type_attr(&ty, name)
    }

    pub fn is_type(&self, v: &Value) -> bool {
        matches!(v.payload(), Some(Payload::Type(_)))
    }
}

/// `__name__` of a type object.
pub fn type_name_of(ty: &Value) -> String {
    match ty.as_type_data() {
        // A Rust-written module's type is named with its module, as CPython's `tp_name`
        // of an extension type is (`itertools.repeat`).
        Some(data)
            if ((data.layout == crate::types::typeobj::Layout::Native
                || data.has_flag(crate::types::typeobj::type_flags::SUBCLASS_LIKE))
                && !data.has_flag(crate::types::typeobj::type_flags::HEAPTYPE))
                || data.has_flag(crate::types::typeobj::type_flags::MODULE_QUALIFIED_NAME) =>
        {
            match dict_get_str(&data.dict, "__module__")
                .and_then(|m| m.as_str().map(str::to_string))
            {
                Some(module) => format!("{module}.{}", data.name.borrow()),
                None => data.name.borrow().clone(),
            }
        }
        Some(data) => data.name.borrow().clone(),
        None => "?".to_string(),
    }
}

/// A lookup in a dict keyed by strings that never runs Python code (exact-str keys only).
pub fn dict_get_str(dict: &Value, name: &str) -> Option<Value> {
    let table = dict.as_dict()?;
    let table = table.try_borrow().ok()?;
    let hash = crate::runtime::hashing::str_hash_cached(name);
    let idx = table.find(hash, |k| k.as_str() == Some(name))?;
    table.entry(idx).map(|e| e.value.clone())
}

#[cold]
fn unreachable_type() -> &'static TypeData {
    // Every value's type is a type object; reaching here is a VM bug. Abort cleanly.
    crate::runtime::fatal::fatal_error("value whose type is not a type object")
}

impl crate::object::Object {
    /// For a type object: whether it is a builtin type (not created by a class statement).
    #[inline]
    pub fn payload_is_builtin_type(&self) -> bool {
        match &self.payload {
            Payload::Type(t) => !t.has_flag(
                crate::types::typeobj::type_flags::HEAPTYPE
                    | crate::types::typeobj::type_flags::SUBCLASS_LIKE,
            ),
            _ => false,
        }
    }
}
