//! Attribute access: `getattr`/`setattr`/`delattr` with CPython's lookup order (data
//! descriptors on the type, then the instance dict, then other type attributes, then
//! `__getattr__`), binding of functions into methods, and the special attributes of builtin
//! objects (`__class__`, `__dict__`, `__name__`, exception fields...).

use std::cell::RefCell;

use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::runtime::typecheck::type_name_of;
use crate::types::payload::BoundMethodData;
use crate::vm::Vm;

/// What `LOAD_ATTR`'s method form found.
pub enum MethodLookup {
    /// An unbound function/method descriptor to call with the object as first argument.
    Method(Value),
    /// A plain attribute value.
    Attribute(Value),
}

impl Vm {
    /// `getattr(obj, name)`.
    pub fn getattr(&mut self, obj: &Value, name: &Value) -> PyResult<Value> {
        let Some(name_str) = name.as_str() else {
            return Err(PyErr::type_error(format!(
                "attribute name must be string, not '{}'",
                self.type_name(name)
            )));
        };
        let name_str = name_str.to_string();
        self.getattr_str(obj, &name_str)
    }

    /// `getattr(obj, name)` with the name as text.
    pub fn getattr_str(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        if self.has_custom_getattribute(obj)
            && let Some(hook) = self.lookup_special(obj, "__getattribute__")
        {
            let n = self.new_str(name);
            return match self.call(&hook, &[obj.clone(), n]) {
                Err(e) if self.err_matches(&e, ExcKind::AttributeError) => {
                    match self.lookup_special(obj, "__getattr__") {
                        Some(fallback) => {
                            let n = self.new_str(name);
                            self.call(&fallback, &[obj.clone(), n])
                        }
                        None => Err(e),
                    }
                }
                other => other,
            };
        }
        match self.getattr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => {
                if let Some(hook) = self.lookup_special(obj, "__getattr__") {
                    let n = self.new_str(name);
                    return self.call(&hook, &[obj.clone(), n]);
                }
                Err(self.attribute_error(obj, name))
            }
        }
    }

    /// Whether `obj`'s class overrides `__getattribute__`.
    #[inline]
    pub fn has_custom_getattribute(&self, obj: &Value) -> bool {
        obj.as_object()
            .is_some_and(|o| match &o.type_object().payload {
                Payload::Type(t) => {
                    t.has_flag(crate::types::typeobj::type_flags::CUSTOM_GETATTRIBUTE)
                }
                _ => false,
            })
    }

    /// The AttributeError CPython raises for a missing attribute (with `name` and `obj`
    /// set, so tracebacks can suggest near names).
    pub fn attribute_error(&self, obj: &Value, name: &str) -> PyErr {
        let msg = match obj.payload() {
            Some(Payload::Module(_)) => {
                let mname = self.module_name(obj).unwrap_or_else(|| "?".to_string());
                if self.module_initializing(&mname) {
                    format!(
                        "partially initialized module '{mname}' has no attribute '{name}' \
                         (most likely due to a circular import)"
                    )
                } else if self.module_initializing(&format!("{mname}.{name}")) {
                    format!(
                        "cannot access submodule '{name}' of module '{mname}' \
                         (most likely due to a circular import)"
                    )
                } else {
                    format!("module '{mname}' has no attribute '{name}'")
                }
            }
            Some(Payload::Type(_)) => {
                format!(
                    "type object '{}' has no attribute '{name}'",
                    type_name_of(obj)
                )
            }
            _ => format!("'{}' object has no attribute '{name}'", self.type_name(obj)),
        };
        let msg_v = self.new_string(msg);
        let exc = self.new_exception(ExcKind::AttributeError, vec![msg_v]);
        if let Some(data) = exc.as_exception() {
            let d = self.new_dict();
            if let Some(t) = d.as_dict() {
                let mut t = t.borrow_mut();
                let k1 = self.new_str("name");
                let v1 = self.new_str(name);
                t.insert_new(crate::runtime::hashing::str_hash_cached("name"), k1, v1);
                let k2 = self.new_str("obj");
                t.insert_new(
                    crate::runtime::hashing::str_hash_cached("obj"),
                    k2,
                    obj.clone(),
                );
            }
            *data.dict.borrow_mut() = d;
        }
        PyErr::from_object(exc)
    }

    /// Attribute lookup without `__getattr__`; `None` if missing.
    pub fn getattr_opt(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        if let Some(Payload::Module(m)) = obj.payload() {
            match name {
                "__annotations__" => {
                    return crate::runtime::annotations::module_annotations(self, obj).map(Some);
                }
                "__annotate__" => {
                    return crate::runtime::annotations::module_annotate(self, obj).map(Some);
                }
                _ => {}
            }
            if let Some(v) = self.dict_get_str(&m.dict, name) {
                return Ok(Some(v));
            }
            if let Some(v) = self.special_attr(obj, name)? {
                return Ok(Some(v));
            }
            if let Some(hook) = self.dict_get_str(&m.dict, "__getattr__") {
                let n = self.new_str(name);
                return match self.call(&hook, &[n]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if self.err_matches(&e, ExcKind::AttributeError) => Err(e),
                    Err(e) => Err(e),
                };
            }
            return Ok(None);
        }
        if self.is_type(obj) {
            return self.type_getattr(obj, name);
        }
        if let Some(Payload::GenericAlias(_)) = obj.payload()
            && let Some(found) =
                crate::builtins::generic_alias::generic_alias_getattr(self, obj, name)?
        {
            return Ok(found);
        }
        // `super(C, obj).name` searches obj's MRO after C, not super's own type.
        if let Some(Payload::Super(..)) = obj.payload() {
            return crate::builtins::object::super_attribute(self, obj, name);
        }
        let ty = self.type_of(obj);
        let type_attr = self.lookup_type_attr(&ty, name);
        // A data descriptor without `__get__` leaves the lookup to the instance dict.
        if let Some(attr) = &type_attr
            && self.is_data_descriptor(attr)
            && (matches!(
                attr.payload(),
                Some(Payload::Property(_) | Payload::Member(_))
            ) || self.lookup_special(attr, "__get__").is_some())
        {
            if let Some(Payload::Property(p)) = attr.payload()
                && (p.getter.is_none() || p.getter.is_null())
            {
                return Err(PyErr::attribute_error(format!(
                    "property '{name}' of '{}' object has no getter",
                    self.type_name(obj)
                )));
            }
            return self.descriptor_get(attr, obj, &ty).map(Some);
        }
        if let Some(v) = self.own_attr_get(obj, name) {
            return Ok(Some(v));
        }
        if let Some(attr) = type_attr {
            return self.descriptor_get(&attr, obj, &ty).map(Some);
        }
        self.special_attr(obj, name)
    }

    /// The method form of attribute lookup used by `LOAD_ATTR` before a call.
    pub fn getattr_method(&mut self, obj: &Value, name: &str) -> PyResult<MethodLookup> {
        if !self.is_type(obj)
            && !self.has_custom_getattribute(obj)
            && !matches!(
                obj.payload(),
                Some(Payload::Module(_) | Payload::Super(..) | Payload::GenericAlias(_))
            )
        {
            let ty = self.type_of(obj);
            if let Some(attr) = self.lookup_type_attr(&ty, name) {
                let is_plain_method = match attr.payload() {
                    Some(Payload::Function(_)) => true,
                    Some(Payload::BuiltinFunction(f)) => f.is_method_descriptor(),
                    _ => false,
                };
                if is_plain_method {
                    let shadowed = self.own_attr_get(obj, name).is_some();
                    if !shadowed {
                        return Ok(MethodLookup::Method(attr));
                    }
                }
            }
        }
        self.getattr_str(obj, name).map(MethodLookup::Attribute)
    }

    pub fn is_data_descriptor(&self, attr: &Value) -> bool {
        match attr.payload() {
            Some(Payload::Property(_) | Payload::Member(_)) => true,
            Some(
                Payload::Function(_)
                | Payload::BuiltinFunction(_)
                | Payload::ClassMethod(_)
                | Payload::StaticMethod(_),
            ) => false,
            _ if self.is_plain_builtin(attr) => false,
            _ => {
                self.lookup_special(attr, "__set__").is_some()
                    || self.lookup_special(attr, "__delete__").is_some()
            }
        }
    }

    /// An object of a builtin type that is not a descriptor: exact builtins, except the
    /// native types of Rust-written modules, which may define `__get__`/`__set__`.
    fn is_plain_builtin(&self, v: &Value) -> bool {
        self.is_exact_builtin(v) && !matches!(v.payload(), Some(Payload::Native(_)))
    }

    /// Applies the descriptor protocol to an attribute found on `obj`'s type.
    pub fn descriptor_get(&mut self, attr: &Value, obj: &Value, ty: &Value) -> PyResult<Value> {
        match attr.payload() {
            Some(Payload::Function(_)) => Ok(self.new_bound_method(attr.clone(), obj.clone())),
            Some(Payload::BuiltinFunction(f)) if f.is_method_descriptor() => {
                Ok(self.bind_builtin(attr, obj.clone()))
            }
            Some(Payload::ClassMethod(f)) => Ok(self.new_bound_method(f.clone(), ty.clone())),
            Some(Payload::StaticMethod(f)) => Ok(f.clone()),
            Some(Payload::Member(m)) if crate::builtins::getset::is_builtin(m) => {
                crate::builtins::getset::get(self, m, obj)
            }
            Some(Payload::Member(_)) => self.member_get(attr, obj),
            Some(Payload::Property(p)) => {
                if p.getter.is_none() || p.getter.is_null() {
                    return Err(PyErr::attribute_error(
                        self.property_message(attr, obj, "getter"),
                    ));
                }
                let getter = p.getter.clone();
                self.call(&getter, &[obj.clone()])
            }
            _ if self.is_plain_builtin(attr) => Ok(attr.clone()),
            _ => match self.lookup_special(attr, "__get__") {
                Some(get) => self.call(&get, &[attr.clone(), obj.clone(), ty.clone()]),
                None => Ok(attr.clone()),
            },
        }
    }

    /// A method descriptor bound to `receiver`.
    pub fn bind_builtin(&self, descriptor: &Value, receiver: Value) -> Value {
        match descriptor.payload() {
            Some(Payload::BuiltinFunction(f)) => Value::alloc(
                &self.types.builtin_function,
                Payload::BuiltinFunction(Box::new(crate::types::function::BuiltinFunctionData {
                    name: f.name,
                    func: f.func,
                    receiver,
                    owner: f.owner.clone(),
                    doc: f.doc,
                })),
            ),
            _ => descriptor.clone(),
        }
    }

    pub fn new_bound_method(&self, function: Value, receiver: Value) -> Value {
        Value::alloc(
            &self.types.method,
            Payload::BoundMethod(BoundMethodData { function, receiver }),
        )
    }

    /// Attribute lookup on a type object.
    fn type_getattr(&mut self, ty: &Value, name: &str) -> PyResult<Option<Value>> {
        match name {
            "__annotations__" => {
                return crate::runtime::annotations::type_annotations(self, ty).map(Some);
            }
            "__annotate__" => {
                return crate::runtime::annotations::type_annotate(self, ty).map(Some);
            }
            _ => {}
        }
        if let Some(v) = self.type_special_attr(ty, name) {
            return Ok(Some(v));
        }
        if let Some(attr) = self.lookup_type_attr(ty, name) {
            return match attr.payload() {
                Some(Payload::ClassMethod(f)) => {
                    Ok(Some(self.new_bound_method(f.clone(), ty.clone())))
                }
                Some(Payload::StaticMethod(f)) => Ok(Some(f.clone())),
                Some(Payload::Function(_) | Payload::BuiltinFunction(_) | Payload::Property(_)) => {
                    Ok(Some(attr))
                }
                _ if self.is_plain_builtin(&attr) => Ok(Some(attr)),
                _ => match self.lookup_special(&attr, "__get__") {
                    Some(get) => self
                        .call(&get, &[attr.clone(), Value::NONE, ty.clone()])
                        .map(Some),
                    None => Ok(Some(attr)),
                },
            };
        }
        // Methods of the metatype (`type.mro`, ...), bound to the class.
        let meta = self.type_of(ty);
        if let Some(attr) = self.lookup_type_attr(&meta, name) {
            return self.descriptor_get(&attr, ty, &meta).map(Some);
        }
        Ok(None)
    }

    fn type_special_attr(&mut self, ty: &Value, name: &str) -> Option<Value> {
        let data = ty.as_type_data()?;
        Some(match name {
            "__name__" => self.new_string(data.name.borrow().clone()),
            "__qualname__" => self.new_string(data.qualname.borrow().clone()),
            "__bases__" => self.new_tuple(data.bases.borrow().clone()),
            "__base__" => data.bases.borrow().first().cloned().unwrap_or(Value::NONE),
            "__mro__" => {
                let mro = self.mro(ty);
                self.new_tuple(mro)
            }
            "__dict__" => data.dict.clone(),
            "__class__" => self.type_of(ty),
            "__module__" => {
                return match self.dict_get_str(&data.dict, "__module__") {
                    Some(m) => Some(m),
                    None => Some(self.new_str("builtins")),
                };
            }
            "__doc__" => {
                return Some(
                    self.dict_get_str(&data.dict, "__doc__")
                        .unwrap_or(Value::NONE),
                );
            }
            _ => return None,
        })
    }

    /// The `__dict__` of an instance, if it has one.
    pub fn instance_dict(&self, obj: &Value) -> Option<Value> {
        let cell: &RefCell<Value> = match obj.payload()? {
            Payload::Instance(attrs) => {
                return if self.instance_has_dict(obj) {
                    Some(self.materialize_dict(attrs))
                } else {
                    None
                };
            }
            Payload::Exception(e) => &e.dict,
            Payload::Function(f) => &f.dict,
            Payload::Module(m) => return Some(m.dict.clone()),
            Payload::Native(n) if n.has_dict => &n.dict,
            Payload::Type(_) => return None,
            _ => return crate::object::side_dict_get(obj.as_object()?),
        };
        let d = cell.borrow();
        if d.is_null() { None } else { Some(d.clone()) }
    }

    /// The `__dict__` of an instance, created on first use; `None` if it cannot have one.
    pub fn instance_dict_or_create(&self, obj: &Value) -> Option<Value> {
        let cell: &RefCell<Value> = match obj.payload()? {
            Payload::Instance(_) => return self.instance_dict(obj),
            Payload::Exception(e) => &e.dict,
            Payload::Function(f) => &f.dict,
            Payload::Module(m) => return Some(m.dict.clone()),
            Payload::Native(n) if n.has_dict => &n.dict,
            Payload::Type(_) => return None,
            // An instance of a user subclass of a builtin type (`class I(int)`).
            _ if self.instance_has_dict(obj) => {
                return Some(crate::object::side_dict(obj.as_object()?, || {
                    self.new_dict()
                }));
            }
            _ => return None,
        };
        let mut d = cell.borrow_mut();
        if d.is_null() {
            *d = self.new_dict();
        }
        Some(d.clone())
    }

    /// Attributes every builtin object answers without a dict entry.
    pub(crate) fn special_attr(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        if name == "__class__" {
            return Ok(Some(self.type_of(obj)));
        }
        if name == "__dict__"
            && let Some(d) = self.instance_dict_or_create(obj)
        {
            return Ok(Some(d));
        }
        crate::builtins::object::builtin_attribute(self, obj, name)
    }

    /// `setattr(obj, name, value)`.
    pub fn setattr(&mut self, obj: &Value, name: &str, value: Value) -> PyResult<()> {
        if let Some(hook) = self.metaclass_hook(obj, "__setattr__") {
            let n = self.new_str(name);
            self.call(&hook, &[obj.clone(), n, value])?;
            return Ok(());
        }
        self.type_or_object_setattr(obj, name, value)
    }

    /// A metaclass's own `__setattr__`/`__delattr__` when `obj` is a class whose
    /// metaclass (not `type` itself) overrides it.
    fn metaclass_hook(&self, obj: &Value, name: &str) -> Option<Value> {
        if !matches!(obj.payload(), Some(Payload::Type(_))) {
            return None;
        }
        let meta = self.type_of(obj);
        if meta.is(&self.types.type_) {
            return None;
        }
        let hook = self.lookup_type_attr(&meta, name)?;
        if crate::runtime::protocol::is_builtin_named(&hook, name) {
            return None;
        }
        Some(hook)
    }

    /// `setattr` without a metaclass hook (`type.__setattr__` for classes).
    pub fn type_or_object_setattr(
        &mut self,
        obj: &Value,
        name: &str,
        value: Value,
    ) -> PyResult<()> {
        if let Some(done) = self.set_annotation_attr(obj, name, Some(value.clone())) {
            return done;
        }
        if let Some(Payload::Type(data)) = obj.payload() {
            if !data.has_flag(crate::types::typeobj::type_flags::HEAPTYPE) {
                return Err(PyErr::type_error(format!(
                    "cannot set '{name}' attribute of immutable type '{}'",
                    data.name.borrow()
                )));
            }
            if name == "__bases__" {
                return crate::interp::class_bases::set_bases(self, obj, Some(&value));
            }
            let dict = data.dict.clone();
            let key = self.intern(name);
            let abstract_flag = if name == "__abstractmethods__" {
                Some(self.truthy(&value)?)
            } else {
                None
            };
            self.dict_set(&dict, key, value)?;
            if let Some(on) = abstract_flag {
                let flag = crate::types::typeobj::type_flags::IS_ABSTRACT;
                let flags = data.flags.get();
                data.flags
                    .set(if on { flags | flag } else { flags & !flag });
            }
            if name == "__del__" {
                data.flags
                    .set(data.flags.get() | crate::types::typeobj::type_flags::HAS_FINALIZER);
            }
            if name == "__getattribute__" {
                data.flags
                    .set(data.flags.get() | crate::types::typeobj::type_flags::CUSTOM_GETATTRIBUTE);
            }
            data.bump_version();
            return Ok(());
        }
        if !self.is_exact_builtin(obj)
            && let Some(hook) = self.lookup_special(obj, "__setattr__")
            && !crate::runtime::protocol::is_builtin_named(&hook, "__setattr__")
        {
            let n = self.new_str(name);
            self.call(&hook, &[obj.clone(), n, value])?;
            return Ok(());
        }
        let ty = self.type_of(obj);
        if let Some(attr) = self.lookup_type_attr(&ty, name) {
            match attr.payload() {
                Some(Payload::Property(p)) => {
                    if p.setter.is_none() || p.setter.is_null() {
                        return Err(PyErr::attribute_error(format!(
                            "property '{name}' of '{}' object has no setter",
                            self.type_name(obj)
                        )));
                    }
                    let setter = p.setter.clone();
                    self.call(&setter, &[obj.clone(), value])?;
                    return Ok(());
                }
                Some(Payload::Member(m)) => return self.descriptor_set(&attr, m, obj, Some(value)),
                _ if !self.is_plain_builtin(&attr) => {
                    if let Some(set) = self.lookup_special(&attr, "__set__") {
                        self.call(&set, &[attr.clone(), obj.clone(), value])?;
                        return Ok(());
                    }
                    if self.lookup_special(&attr, "__delete__").is_some() {
                        return Err(PyErr::attribute_error("__set__"));
                    }
                }
                _ => {}
            }
        }
        if crate::builtins::object::set_builtin_attribute(self, obj, name, &value)? {
            return Ok(());
        }
        match self.own_attr_set(obj, name, value)? {
            true => Ok(()),
            false => {
                if crate::builtins::object::builtin_attribute(self, obj, name)?.is_some() {
                    return Err(PyErr::attribute_error(format!(
                        "attribute '{name}' of '{}' objects is not writable",
                        self.type_name(obj)
                    )));
                }
                Err(PyErr::attribute_error(format!(
                    "'{}' object has no attribute '{name}' and no __dict__ for setting new attributes",
                    self.type_name(obj)
                )))
            }
        }
    }

    /// `__annotations__`/`__annotate__` of classes and modules are computed attributes
    /// (see `runtime::annotations`); `None` when `obj`/`name` is not one of them.
    fn set_annotation_attr(
        &mut self,
        obj: &Value,
        name: &str,
        value: Option<Value>,
    ) -> Option<PyResult<()>> {
        use crate::runtime::annotations as ann;
        let is_type = matches!(obj.payload(), Some(Payload::Type(_)));
        let is_module = matches!(obj.payload(), Some(Payload::Module(_)));
        Some(match (name, is_type, is_module) {
            ("__annotations__", true, _) => ann::set_type_annotations(self, obj, value),
            ("__annotate__", true, _) => ann::set_type_annotate(self, obj, value),
            ("__annotations__", _, true) => ann::set_module_annotations(self, obj, value),
            ("__annotate__", _, true) => ann::set_module_annotate(self, obj, value),
            ("__annotations__", _, _) if value.is_none() => {
                let f = obj.as_function()?;
                // `del f.__annotations__`: both the dict and the annotate function go.
                let old = (
                    f.annotations.replace(Value::NULL),
                    f.annotate.replace(Value::NULL),
                );
                drop(old);
                Ok(())
            }
            ("__annotate__", _, _) if value.is_none() && obj.as_function().is_some() => {
                Err(PyErr::type_error("__annotate__ cannot be deleted"))
            }
            _ => return None,
        })
    }

    /// `delattr(obj, name)`.
    pub fn delattr(&mut self, obj: &Value, name: &str) -> PyResult<()> {
        if let Some(hook) = self.metaclass_hook(obj, "__delattr__") {
            let n = self.new_str(name);
            self.call(&hook, &[obj.clone(), n])?;
            return Ok(());
        }
        self.type_or_object_delattr(obj, name)
    }

    /// `delattr` without a metaclass hook (`type.__delattr__` for classes).
    pub fn type_or_object_delattr(&mut self, obj: &Value, name: &str) -> PyResult<()> {
        if let Some(done) = self.set_annotation_attr(obj, name, None) {
            return done;
        }
        if let Some(Payload::Type(data)) = obj.payload() {
            if name == "__bases__" && data.has_flag(crate::types::typeobj::type_flags::HEAPTYPE) {
                return crate::interp::class_bases::set_bases(self, obj, None);
            }
            let dict = data.dict.clone();
            let key = self.new_str(name);
            if self.dict_remove(&dict, &key)?.is_none() {
                return Err(self.attribute_error(obj, name));
            }
            if name == "__abstractmethods__" {
                let flag = crate::types::typeobj::type_flags::IS_ABSTRACT;
                data.flags.set(data.flags.get() & !flag);
            }
            data.bump_version();
            return Ok(());
        }
        if !self.is_exact_builtin(obj)
            && let Some(hook) = self.lookup_special(obj, "__delattr__")
            && !crate::runtime::protocol::is_builtin_named(&hook, "__delattr__")
        {
            let n = self.new_str(name);
            self.call(&hook, &[obj.clone(), n])?;
            return Ok(());
        }
        self.generic_delattr(obj, name)
    }

    /// `object.__delattr__`: descriptors' `__delete__`, then the instance's own attribute.
    pub fn generic_delattr(&mut self, obj: &Value, name: &str) -> PyResult<()> {
        if self.is_type(obj) {
            return self.type_or_object_delattr(obj, name);
        }
        let ty = self.type_of(obj);
        if let Some(attr) = self.lookup_type_attr(&ty, name) {
            if let Some(Payload::Property(p)) = attr.payload() {
                if p.deleter.is_none() || p.deleter.is_null() {
                    return Err(PyErr::attribute_error(format!(
                        "property '{name}' of '{}' object has no deleter",
                        self.type_name(obj)
                    )));
                }
                let deleter = p.deleter.clone();
                self.call(&deleter, &[obj.clone()])?;
                return Ok(());
            }
            if let Some(Payload::Member(m)) = attr.payload() {
                return self.descriptor_set(&attr, m, obj, None);
            }
            if !self.is_plain_builtin(&attr) {
                if let Some(del) = self.lookup_special(&attr, "__delete__") {
                    self.call(&del, &[attr.clone(), obj.clone()])?;
                    return Ok(());
                }
                if self.lookup_special(&attr, "__set__").is_some() {
                    return Err(PyErr::attribute_error("__delete__"));
                }
            }
        }
        if crate::builtins::object::attrs::delete_function_attribute(obj, name)? {
            return Ok(());
        }
        if self.own_attr_del(obj, name)? {
            Ok(())
        } else {
            Err(self.attribute_error(obj, name))
        }
    }

    /// "property 'x' of 'A' object has no getter" (the name comes from the getter, or
    /// is left out when the property has no function to name it).
    pub fn property_message(&self, prop: &Value, obj: &Value, what: &str) -> String {
        let name = match prop.payload() {
            Some(Payload::Property(p)) => [&p.getter, &p.setter, &p.deleter]
                .into_iter()
                .find_map(|f| f.as_function().map(|d| d.name.borrow().clone()))
                .and_then(|n| n.as_str().map(str::to_string)),
            _ => None,
        };
        let owner = self.type_name(obj);
        match name {
            Some(n) => format!("property '{n}' of '{owner}' object has no {what}"),
            None => format!("property of '{owner}' object has no {what}"),
        }
    }

    /// The `__name__` of a module.
    pub fn module_name(&self, module: &Value) -> Option<String> {
        match module.payload() {
            Some(Payload::Module(m)) => self
                .dict_get_str(&m.dict, "__name__")
                .and_then(|n| n.as_str().map(str::to_string)),
            _ => None,
        }
    }

    /// A new module object named `name` with namespace `dict`.
    pub fn new_module(&mut self, name: &str, dict: Value) -> Value {
        let key = self.intern("__name__");
        let n = self.new_str(name);
        let _ = self.dict_set(&dict, key, n);
        for attr in ["__doc__", "__package__", "__loader__", "__spec__"] {
            if self.dict_get_str(&dict, attr).is_none() {
                let k = self.intern(attr);
                let _ = self.dict_set(&dict, k, Value::NONE);
            }
        }
        Value::alloc(
            &self.types.module,
            Payload::Module(crate::types::payload::ModuleData { dict }),
        )
    }
}
