//! Dicts in traces: `d[k]`, `d[k] = v`, `k in d` on an exact dict with a str or small-int
//! key, as `may_raise` helper calls (`jit::dict_helpers`) that give up without side effects
//! whenever Python code would run (a key whose `__eq__` is user code), a key is missing for
//! `d[k]`, or a store would add a key or free an object; the trace then leaves before the
//! instruction and the interpreter runs it.

use pyrite_ir::{Effect, Op, Type};
use pyrite_profiler::AbortReason;

use super::{Entry, Recorder, Step, tag_of};
use crate::jit::dict_helpers::{Lookup, lookup, names};
use crate::object::{Payload, Value};

impl Recorder<'_> {
    /// The type bits of `v` if it is exactly a dict, with the entry whose key is `key`.
    fn dict_lookup(&self, dict: &Entry, key: &Entry) -> Option<(u64, Lookup, Option<Value>)> {
        let types = &self.vm.types;
        let obj = dict.v.as_object()?;
        if obj.type_bits() != types.dict.bits() || self.b.trace().type_of(dict.r) != Type::Value {
            return None;
        }
        let Some(Payload::Dict(d)) = dict.v.payload() else {
            return None;
        };
        let table = d.try_borrow().ok()?;
        let found = lookup(&table, &key.v);
        let value = match found {
            Lookup::Found(i) => table.entry(i).map(|e| e.value.clone()),
            _ => None,
        };
        Some((types.dict.bits(), found, value))
    }

    /// `dict[key]`; `None` when `dict` is not an exact dict.
    pub(super) fn dict_subscript(&mut self, dict: &Entry, key: &Entry) -> Step<Option<Entry>> {
        let Some((ty, found, value)) = self.dict_lookup(dict, key) else {
            return Ok(None);
        };
        let (Lookup::Found(_), Some(value)) = (found, value) else {
            // Missing (the interpreter raises KeyError) or undecided.
            return Err(AbortReason::UnsupportedTypes("dict subscript"));
        };
        let tag = tag_of(&value).ok_or(AbortReason::UnsupportedTypes("dict subscript"))?;
        let word = self.boxed(key)?;
        let helper = self.b.helper(
            names::DICT_GET,
            &[Type::Value, Type::Value, Type::Value],
            Type::Value,
            Effect::MayRaise,
        );
        let type_const = self.b.const_value(ty);
        let r = self.b.call(helper, &[dict.r, word, type_const]);
        let null = self.b.const_value(0);
        self.b.emit(Op::GuardNe, &[r, null]);
        self.b.guard_type(r, tag);
        Ok(Some(Entry { r, v: value }))
    }

    /// `key in dict` (`not in` with `invert`); `None` when `dict` is not an exact dict.
    pub(super) fn dict_contains(
        &mut self,
        dict: &Entry,
        key: &Entry,
        invert: bool,
    ) -> Step<Option<Entry>> {
        let Some((ty, found, _)) = self.dict_lookup(dict, key) else {
            return Ok(None);
        };
        let present = match found {
            Lookup::Found(_) => true,
            Lookup::Missing => false,
            Lookup::Undecided => return Err(AbortReason::UnsupportedTypes("CONTAINS_OP")),
        };
        let word = self.boxed(key)?;
        let helper = self.b.helper(
            names::DICT_CONTAINS,
            &[Type::Value, Type::Value, Type::Value],
            Type::I64,
            Effect::MayRaise,
        );
        let type_const = self.b.const_value(ty);
        let r = self.b.call(helper, &[dict.r, word, type_const]);
        let zero = self.b.const_int(0);
        let decided = self.b.emit(Op::GeInt, &[r, zero]);
        self.b.guard_true(decided);
        let (op, value) = if invert {
            (Op::EqInt, !present)
        } else {
            (Op::NeInt, present)
        };
        let truth = self.b.emit(op, &[r, zero]);
        Ok(Some(self.bool_entry(truth, value)))
    }

    /// `dict[key] = value` over an existing key holding an immediate; `false` (nothing
    /// recorded) when `dict` is not an exact dict.
    pub(super) fn dict_store(&mut self, dict: &Entry, key: &Entry, value: &Entry) -> Step<bool> {
        let Some((ty, found, old)) = self.dict_lookup(dict, key) else {
            return Ok(false);
        };
        let (Lookup::Found(_), Some(old)) = (found, old) else {
            return Err(AbortReason::UnsupportedTypes("dict store of a new key"));
        };
        if old.is_heap()
            || self.built_tuples.contains_key(&value.r)
            || dict.v.is(&self.globals)
            || dict.v.is(&self.builtins)
        {
            return Err(AbortReason::StoreOfObject);
        }
        let key_word = self.boxed(key)?;
        let value_word = self.boxed(value)?;
        let helper = self.b.helper(
            names::DICT_SET,
            &[Type::Value, Type::Value, Type::Value, Type::Value],
            Type::I64,
            Effect::MayRaise,
        );
        let type_const = self.b.const_value(ty);
        let r = self
            .b
            .call(helper, &[dict.r, key_word, value_word, type_const]);
        let zero = self.b.const_int(0);
        let ok = self.b.emit(Op::NeInt, &[r, zero]);
        self.b.guard_true(ok);
        Ok(true)
    }
}

impl Recorder<'_> {
    /// `STORE_SUBSCR` into an exact dict (the stack holds value, dict, key); `false` when
    /// the container is not one (nothing popped).
    pub(super) fn store_subscr_dict(&mut self) -> Step<bool> {
        let len = self.stack.len();
        let (Some(dict), Some(key)) = (
            len.checked_sub(2).and_then(|i| self.stack.get(i)).cloned(),
            self.stack.last().cloned(),
        ) else {
            return Ok(false);
        };
        let value = len
            .checked_sub(3)
            .and_then(|i| self.stack.get(i))
            .cloned()
            .ok_or(AbortReason::FrameShape)?;
        if !self.dict_store(&dict, &key, &value)? {
            return Ok(false);
        }
        self.stack.truncate(len - 3);
        Ok(true)
    }

    /// `CONTAINS_OP` with an exact dict on the right (the stack holds key, dict); `None`
    /// when it is not one (nothing popped).
    pub(super) fn contains_dict(&mut self, invert: bool) -> Step<Option<Entry>> {
        let len = self.stack.len();
        let (Some(key), Some(dict)) = (
            len.checked_sub(2).and_then(|i| self.stack.get(i)).cloned(),
            self.stack.last().cloned(),
        ) else {
            return Ok(None);
        };
        let Some(e) = self.dict_contains(&dict, &key, invert)? else {
            return Ok(None);
        };
        self.stack.truncate(len - 2);
        Ok(Some(e))
    }
}
