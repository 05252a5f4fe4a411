//! Attribute loads that resolve to something fixed while the trace's guards hold: methods
//! of user classes (`obj.method(...)`, with no bound method made), module attributes
//! (`math.sqrt`, `mod.CONST`) and class attributes (`Cls.X`, and `Base.__init__`, which
//! the interpreter leaves generic).
//!
//! The interpreter specialized each instruction first (`LOAD_ATTR_METHOD`,
//! `LOAD_ATTR_MODULE`, `LOAD_ATTR_CLASS`); its cache words are the feedback. A method
//! lookup becomes the interpreter cache's own checks, inline: the receiver's exact class
//! and its map (instructions CSE shares with the receiver's attribute loads and stores);
//! the function is then a constant, like module and class attributes, pinned by
//! dependencies checked at every entry (nothing inside a trace can rebind them).

use pyrite_ir::{Op, Type};
use pyrite_profiler::AbortReason;

use super::{Dep, Entry, Recorder, Step, dict_version};
use crate::bytecode::Opcode;
use crate::interp::attr_cache::{
    AttrCache, describes, load_class_attr, load_method, load_module_attr,
};
use crate::object::{Payload, Value};

impl Recorder<'_> {
    /// The attribute cache of the `LOAD_ATTR`/`STORE_ATTR` at `at` in the current code.
    pub(super) fn attr_cache(&self, at: usize) -> AttrCache {
        match self.code.as_code() {
            Some(code) => AttrCache::read(&code.units, at),
            None => AttrCache::read(&[], at),
        }
    }

    /// The form and cache of the instance attribute instruction at `at` for the recorded
    /// `obj`: the instruction's own when they describe `obj`, else (a site the interpreter
    /// specialized for another class: the loop is polymorphic there) the form the
    /// interpreter would give `obj`. The trace guards `obj`'s class and map either way.
    pub(super) fn attr_form_for(
        &self,
        op: Opcode,
        at: usize,
        obj: &Value,
        name: usize,
    ) -> Step<(Opcode, AttrCache)> {
        let cache = self.attr_cache(at);
        let instance_form = matches!(
            op,
            Opcode::LOAD_ATTR_INSTANCE_VALUE
                | Opcode::LOAD_ATTR_METHOD
                | Opcode::STORE_ATTR_INSTANCE_VALUE
        );
        if !instance_form || describes(obj, &cache) {
            return Ok((op, cache));
        }
        let name = self
            .code
            .as_code()
            .and_then(|c| c.names.get(name).cloned())
            .ok_or(AbortReason::FrameShape)?;
        let form = if op == Opcode::STORE_ATTR_INSTANCE_VALUE {
            self.vm
                .store_attr_cache(obj, &name)
                .map(|c| (Opcode::STORE_ATTR_INSTANCE_VALUE, c))
        } else {
            self.vm
                .load_attr_form(obj, &name, op == Opcode::LOAD_ATTR_METHOD)
        };
        form.ok_or(AbortReason::UnsupportedTypes("attribute"))
    }

    pub(super) fn attr_name(&self, arg: u32) -> Step<Value> {
        self.code
            .as_code()
            .and_then(|c| c.names.get((arg >> 1) as usize).cloned())
            .ok_or(AbortReason::FrameShape)
    }

    /// Keeps `v` alive as long as the trace (it compares against its address).
    pub(super) fn keep_alive(&mut self, v: &Value) {
        if !self
            .deps
            .iter()
            .any(|d| matches!(d, Dep::Alive(x) if x.is(v)))
        {
            self.deps.push(Dep::Alive(v.clone()));
        }
    }

    /// Guards that `e` is the object `v` (a no-op for the constant itself).
    pub(super) fn guard_is(&mut self, e: &Entry, v: &Value) -> Step<Entry> {
        if self.b.trace().type_of(e.r) != Type::Value {
            return Err(AbortReason::UnsupportedTypes("attribute of a number"));
        }
        self.keep_alive(v);
        let k = self.b.const_value(v.bits());
        if e.r != k {
            self.b.emit(Op::GuardEq, &[e.r, k]);
        }
        Ok(Entry { r: k, v: v.clone() })
    }

    /// Records the method, module and class forms of `LOAD_ATTR`; false for the others.
    /// A generic `LOAD_ATTR` (a polymorphic site the interpreter gave up specializing) is
    /// recorded in the form the recorded object has, with the cache it would get.
    pub(super) fn load_attr_special(&mut self, op: Opcode, at: usize, arg: u32) -> Step<bool> {
        let (op, cache) = if op == Opcode::LOAD_ATTR {
            let obj = self.stack.last().ok_or(AbortReason::FrameShape)?.v.clone();
            let name = self.attr_name(arg)?;
            match self.vm.load_attr_form(&obj, &name, arg & 1 != 0) {
                Some(form) => form,
                None => return self.load_class_dunder(&name, arg),
            }
        } else if op == Opcode::LOAD_ATTR_POLY {
            // A polymorphic site: the entry matching the recorded object.
            let obj = self.stack.last().ok_or(AbortReason::FrameShape)?.v.clone();
            let name = self.attr_name(arg)?;
            let code = self.code.as_code().ok_or(AbortReason::FrameShape)?;
            match crate::interp::poly_cache::matching_entry(code, &code.units, at, &obj, &name) {
                Some(entry) => (entry.op, entry.cache),
                None => return Ok(false),
            }
        } else {
            let obj = self.stack.last().ok_or(AbortReason::FrameShape)?.v.clone();
            self.attr_form_for(op, at, &obj, (arg >> 1) as usize)?
        };
        // Builtin methods (`list.append`, ...) are the container recorder's.
        if op == Opcode::LOAD_ATTR_METHOD {
            let obj = self.stack.last().ok_or(AbortReason::FrameShape)?.v.clone();
            let name = self.attr_name(arg)?;
            let python = load_method(&obj, &cache, &name)
                .is_some_and(|f| matches!(f.payload(), Some(Payload::Function(_))));
            if !python {
                return Ok(false);
            }
        }
        match op {
            Opcode::LOAD_ATTR_METHOD => self.load_method_attr(cache, arg)?,
            Opcode::LOAD_ATTR_MODULE => self.load_module_attr(cache, arg)?,
            Opcode::LOAD_ATTR_CLASS => self.load_class_attr(cache, arg)?,
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// `obj.method` (method form): pushes the function and the receiver.
    fn load_method_attr(&mut self, cache: AttrCache, arg: u32) -> Step<()> {
        let obj = self.pop()?;
        let name = self.attr_name(arg)?;
        let f = load_method(&obj.v, &cache, &name)
            .ok_or(AbortReason::UnsupportedTypes("method lookup"))?;
        if self.is_virtual_instance(obj.r) {
            // A fresh instance of a known class in a known map: the method is a constant
            // (the class's version is an entry dependency).
            self.keep_alive(&f);
            let function = self.constant(&f);
            self.push(function);
            self.push(obj);
            return Ok(());
        }
        if !obj.v.is_heap() || self.b.trace().type_of(obj.r) != Type::Value {
            return Err(AbortReason::UnsupportedTypes("method of a number"));
        }
        // The exact class and the map decide the lookup; the class's version (an entry
        // dependency) pins the function found along its MRO.
        self.guard_class_and_map(&obj, &cache)?;
        self.keep_alive(&f);
        let function = self.constant(&f);
        self.push(function);
        self.push(obj);
        Ok(())
    }

    /// `module.name`: a constant while the module dict keeps its keys and that entry.
    fn load_module_attr(&mut self, cache: AttrCache, arg: u32) -> Step<()> {
        let obj = self.pop()?;
        let name = self.attr_name(arg)?;
        let value = load_module_attr(&obj.v, &cache, &name)
            .ok_or(AbortReason::UnsupportedTypes("module attribute"))?;
        let Some(Payload::Module(module)) = obj.v.payload() else {
            return Err(AbortReason::UnsupportedTypes("module attribute"));
        };
        let dict = module.dict.clone();
        // The trace may store into its own globals, which must stay homes.
        if dict.is(&self.globals) || self.homes_hold_dict(&dict) {
            return Err(AbortReason::UnsupportedTypes(
                "attribute of the running module",
            ));
        }
        self.guard_is(&obj, &obj.v.clone())?;
        let version = dict_version(&dict).ok_or(AbortReason::GlobalsChanged)?;
        if !self
            .deps
            .iter()
            .any(|d| matches!(d, Dep::DictVersion { dict: x, .. } if x.is(&dict)))
        {
            self.deps.push(Dep::DictVersion {
                dict: dict.clone(),
                version,
            });
        }
        self.deps.push(Dep::DictValue {
            dict,
            index: usize::from(cache.index),
            value: value.clone(),
        });
        let e = self.constant(&value);
        self.push(e);
        if arg & 1 != 0 {
            let null = self.null_entry();
            self.push(null);
        }
        Ok(())
    }

    /// `Cls.__name__`-style loads the interpreter leaves generic because `type` has data
    /// descriptors with such names: `Base.__init__` (a plain Python function found along
    /// the class's MRO, where `type` has no data descriptor of that name) is that
    /// function, a constant while the class keeps its version.
    fn load_class_dunder(&mut self, name: &Value, arg: u32) -> Step<bool> {
        let Some(obj) = self.stack.last().cloned() else {
            return Ok(false);
        };
        let Some(text) = name.as_str() else {
            return Ok(false);
        };
        let vm = self.vm;
        let Some(data) = obj.v.as_type_data() else {
            return Ok(false);
        };
        let version = data.version();
        if !text.starts_with("__") || version == 0 || !vm.type_of(&obj.v).is(&vm.types.type_) {
            return Ok(false);
        }
        if vm
            .lookup_type_attr(&vm.types.type_, text)
            .is_some_and(|meta| vm.is_data_descriptor(&meta))
        {
            return Ok(false);
        }
        let Some(value) = vm.lookup_type_attr(&obj.v, text) else {
            return Ok(false);
        };
        if !matches!(value.payload(), Some(Payload::Function(_))) {
            return Ok(false);
        }
        self.pop()?;
        self.guard_is(&obj, &obj.v.clone())?;
        self.keep_alive(&value);
        self.deps.push(Dep::TypeVersion {
            ty: obj.v.clone(),
            version,
        });
        let e = self.constant(&value);
        self.push(e);
        if arg & 1 != 0 {
            let null = self.null_entry();
            self.push(null);
        }
        Ok(true)
    }

    fn homes_hold_dict(&self, dict: &Value) -> bool {
        self.homes
            .iter()
            .any(|h| matches!(h, super::Home::Global { dict: d, .. } if d.is(dict)))
    }

    /// `Cls.name` of a plain class attribute: a constant while the class keeps its version.
    fn load_class_attr(&mut self, cache: AttrCache, arg: u32) -> Step<()> {
        let obj = self.pop()?;
        let name = self.attr_name(arg)?;
        let value = load_class_attr(&obj.v, &cache, &name)
            .ok_or(AbortReason::UnsupportedTypes("class attribute"))?;
        self.guard_is(&obj, &obj.v.clone())?;
        self.keep_alive(&value);
        self.deps.push(Dep::TypeVersion {
            ty: obj.v.clone(),
            version: cache.type_version,
        });
        let e = self.constant(&value);
        self.push(e);
        if arg & 1 != 0 {
            let null = self.null_entry();
            self.push(null);
        }
        Ok(())
    }
}
