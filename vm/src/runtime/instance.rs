//! An instance's own attributes: read, written and deleted in its map slots while it is
//! in map mode, or in its `__dict__` once that was materialized (see `types::attr_map`).
//! Other objects with a dict (exceptions, functions) use their dict directly.

use crate::object::{Payload, Value};
use crate::runtime::errors::PyResult;
use crate::types::attr_map::{DICT_MODE, InstanceAttrs};
use crate::types::typeobj::type_flags;
use crate::vm::Vm;

impl Vm {
    /// Whether instances of `obj`'s type may have attributes of their own.
    #[inline]
    pub fn instance_has_dict(&self, obj: &Value) -> bool {
        obj.as_object()
            .is_some_and(|o| match &o.type_object().payload {
                Payload::Type(t) => t.has_flag(type_flags::HAS_DICT),
                _ => false,
            })
    }

    /// `obj`'s own attribute `name`, without descriptors or `__getattr__`.
    pub fn own_attr_get(&self, obj: &Value, name: &str) -> Option<Value> {
        if let Some(Payload::Instance(cell)) = obj.payload() {
            let attrs = cell.borrow();
            if attrs.map != DICT_MODE {
                let i = self.maps.find(attrs.map, name)?;
                let v = attrs.values.get(i)?;
                return if v.is_null() { None } else { Some(v.clone()) };
            }
            let dict = attrs.dict.clone();
            drop(attrs);
            return self.dict_get_str(&dict, name);
        }
        let dict = self.instance_dict(obj)?;
        self.dict_get_str(&dict, name)
    }

    /// Stores `obj`'s own attribute `name`; `Ok(false)` if `obj` cannot have one.
    pub fn own_attr_set(&mut self, obj: &Value, name: &str, value: Value) -> PyResult<bool> {
        if let Some(Payload::Instance(cell)) = obj.payload() {
            if !self.instance_has_dict(obj) {
                return Ok(false);
            }
            let mut attrs = cell.borrow_mut();
            if attrs.map != DICT_MODE {
                if let Some(i) = self.maps.find(attrs.map, name) {
                    let old = std::mem::replace(&mut attrs.values[i], value);
                    drop(attrs);
                    drop(old);
                    return Ok(true);
                }
                let key = self.intern(name);
                if let Some(next) = self.maps.add(attrs.map, &key) {
                    attrs.map = next;
                    attrs.values.push(value);
                    return Ok(true);
                }
                drop(attrs);
                let dict = self.materialize_dict(cell);
                self.dict_set(&dict, key, value)?;
                return Ok(true);
            }
            let dict = attrs.dict.clone();
            drop(attrs);
            let key = self.intern(name);
            self.dict_set(&dict, key, value)?;
            return Ok(true);
        }
        match self.instance_dict_or_create(obj) {
            Some(dict) => {
                let key = self.intern(name);
                self.dict_set(&dict, key, value)?;
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// Deletes `obj`'s own attribute `name`; `Ok(false)` if it has none.
    pub fn own_attr_del(&mut self, obj: &Value, name: &str) -> PyResult<bool> {
        let dict = match obj.payload() {
            Some(Payload::Instance(cell)) => {
                let in_map = {
                    let attrs = cell.borrow();
                    attrs.map != DICT_MODE && self.maps.find(attrs.map, name).is_some()
                };
                let is_dict_mode = cell.borrow().map == DICT_MODE;
                if !in_map && !is_dict_mode {
                    return Ok(false);
                }
                // Deleting leaves map mode: the dict keeps CPython's ordering on re-adding.
                self.materialize_dict(cell)
            }
            _ => match self.instance_dict(obj) {
                Some(d) => d,
                None => return Ok(false),
            },
        };
        let key = self.new_str(name);
        Ok(self.dict_remove(&dict, &key)?.is_some())
    }

    /// Switches an instance to dict mode (if needed) and returns its `__dict__`.
    pub fn materialize_dict(&self, cell: &std::cell::RefCell<InstanceAttrs>) -> Value {
        let mut attrs = cell.borrow_mut();
        if attrs.map == DICT_MODE {
            return attrs.dict.clone();
        }
        let dict = self.new_dict();
        let hidden = self.maps.hidden(attrs.map);
        let names = self.maps.names(attrs.map);
        if let Some(table) = dict.as_dict() {
            let mut table = table.borrow_mut();
            for (name, value) in names.iter().zip(attrs.values.iter()).skip(hidden) {
                if value.is_null() {
                    continue;
                }
                let hash = match name.as_pystr() {
                    Some(s) => crate::runtime::hashing::pystr_hash(s),
                    None => continue,
                };
                table.insert_new(hash, name.clone(), value.clone());
            }
        }
        attrs.values.truncate(hidden);
        attrs.map = DICT_MODE;
        attrs.dict = dict.clone();
        dict
    }

    /// Replaces an instance's `__dict__` (`obj.__dict__ = d`).
    pub fn replace_instance_dict(&self, cell: &std::cell::RefCell<InstanceAttrs>, dict: Value) {
        let mut attrs = cell.borrow_mut();
        let hidden = if attrs.map == DICT_MODE {
            attrs.values.len()
        } else {
            self.maps.hidden(attrs.map)
        };
        let dropped: Vec<Value> = attrs.values.drain(hidden..).collect();
        attrs.map = DICT_MODE;
        let old = std::mem::replace(&mut attrs.dict, dict);
        drop(attrs);
        drop(dropped);
        drop(old);
    }

    /// A new instance of `cls` (a class whose instances use `Payload::Instance`).
    pub fn new_instance(&mut self, cls: &Value) -> Value {
        let nslots = cls.as_type_data().map_or(0, |d| d.nslots.get() as usize);
        let map = if nslots == 0 {
            crate::types::attr_map::EMPTY_MAP
        } else {
            let placeholder = self.new_str("\0slot");
            self.maps.slots_root(nslots, |_| placeholder.clone())
        };
        let attrs = if map == DICT_MODE {
            let mut a = InstanceAttrs::new(DICT_MODE, nslots);
            a.dict = self.new_dict();
            a
        } else {
            InstanceAttrs::new(map, nslots)
        };
        Value::alloc(cls, Payload::Instance(std::cell::RefCell::new(attrs)))
    }
}

/// `__slots__` member descriptors: reading, writing and deleting slot `index`.
impl Vm {
    fn member_slot<'a>(
        &self,
        member: &crate::types::payload::MemberData,
        obj: &'a Value,
    ) -> crate::runtime::errors::PyResult<&'a std::cell::RefCell<InstanceAttrs>> {
        match obj.payload() {
            Some(Payload::Instance(cell))
                if cell.borrow().values.len() > member.index
                    || member.index >= crate::interp::slots::WEAKREF_MEMBER =>
            {
                Ok(cell)
            }
            _ => Err(crate::runtime::errors::PyErr::type_error(format!(
                "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                member.name.as_str().unwrap_or(""),
                member.owner,
                self.type_name(obj)
            ))),
        }
    }

    /// `obj.name` through a member descriptor.
    pub fn member_get(&self, member: &Value, obj: &Value) -> PyResult<Value> {
        let Some(Payload::Member(m)) = member.payload() else {
            return Ok(member.clone());
        };
        // A struct-sequence field (`time.struct_time.tm_year`): see `runtime::structseq`.
        if let Some(Payload::Tuple(items)) = obj.payload()
            && m.index < crate::interp::slots::WEAKREF_MEMBER
        {
            return crate::runtime::structseq::field_get(m, obj, items);
        }
        let cell = self.member_slot(m, obj)?;
        match m.index {
            crate::interp::slots::DICT_MEMBER => return Ok(self.materialize_dict(cell)),
            crate::interp::slots::WEAKREF_MEMBER => {
                // The head of the object's weak reference list, as in CPython.
                let first = obj
                    .as_object()
                    .and_then(|o| crate::object::weak::weakrefs_of(o).into_iter().next());
                return Ok(first.unwrap_or(Value::NONE));
            }
            _ => {}
        }
        let v = cell.borrow().values[m.index].clone();
        if v.is_null() {
            return Err(self.attribute_error(obj, m.name.as_str().unwrap_or("")));
        }
        Ok(v)
    }

    /// `obj.name = value` (or `del obj.name` with `None`) through a member descriptor.
    pub fn member_set(&self, member: &Value, obj: &Value, value: Option<Value>) -> PyResult<()> {
        let Some(Payload::Member(m)) = member.payload() else {
            return Ok(());
        };
        if let Some(Payload::Tuple(_)) = obj.payload()
            && m.index < crate::interp::slots::WEAKREF_MEMBER
        {
            return Err(crate::runtime::errors::PyErr::attribute_error(
                "readonly attribute",
            ));
        }
        let cell = self.member_slot(m, obj)?;
        if m.index >= crate::interp::slots::WEAKREF_MEMBER {
            let name = m.name.as_str().unwrap_or("");
            return match value {
                Some(d) if m.index == crate::interp::slots::DICT_MEMBER => {
                    if d.as_dict().is_none() {
                        return Err(crate::runtime::errors::PyErr::type_error(format!(
                            "__dict__ must be set to a dictionary, not a '{}'",
                            self.type_name(&d)
                        )));
                    }
                    self.replace_instance_dict(cell, d);
                    Ok(())
                }
                _ => Err(crate::runtime::errors::PyErr::attribute_error(format!(
                    "attribute '{name}' of '{}' objects is not writable",
                    m.owner
                ))),
            };
        }
        let deleting = value.is_none();
        let old = std::mem::replace(
            &mut cell.borrow_mut().values[m.index],
            value.unwrap_or(Value::NULL),
        );
        if deleting && old.is_null() {
            return Err(crate::runtime::errors::PyErr::attribute_error(
                m.name.as_str().unwrap_or("").to_string(),
            ));
        }
        drop(old);
        Ok(())
    }
}
