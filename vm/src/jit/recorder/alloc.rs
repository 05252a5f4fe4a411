//! Allocation of virtual instances that escape (PyPy's forcing of virtuals): an instance
//! the trace made (`recorder::instance`) stays a set of IR values until something needs a
//! real object — a store into an attribute or a list, or a home that still holds it when
//! the loop closes (the next iteration and its exits see it). There the trace calls the
//! `new_instance` helper (`jit::object_helpers`) with its class, map and field words,
//! nested virtuals first, and from then on every holder of the virtual holds that word.
//!
//! The helper's reference waits in the deferred releases until the VM has the trace's
//! state back (an exit, a residual call), as other objects traces give up do; what
//! stores the object takes its own reference. So that a long loop does not pile them up,
//! the helper refuses (returns NULL, allocating nothing) once too many wait, and the
//! trace leaves through the snapshot of the escaping instruction, where the instance is
//! still virtual: the exit builds it and releases the pile.

use std::collections::HashMap;

use pyrite_ir::{Effect, Op, Ref, Type};
use pyrite_profiler::AbortReason;

use super::{Entry, Recorder, Step};
use crate::jit::object_helpers::MAX_FIELDS;
use crate::jit::object_helpers::names::{BUILD_LIST, NEW_INSTANCE};

impl Recorder<'_> {
    /// The value word of `e`, allocating it first if it is a virtual instance.
    pub(super) fn escape(&mut self, e: &Entry) -> Step<Entry> {
        if !self.is_virtual_instance(e.r) {
            return Ok(e.clone());
        }
        let mut made = HashMap::new();
        let r = self.allocate(e.r, &mut made, 0)?;
        Ok(Entry { r, v: e.v.clone() })
    }

    /// `BUILD_LIST n` (at most [`MAX_FIELDS`] items): a `build_list` helper call, the
    /// items' words taking references (virtual instances among them allocated first); a
    /// refusal leaves before the instruction.
    pub(super) fn build_list(&mut self, n: usize) -> Step<()> {
        if n > MAX_FIELDS {
            return Err(AbortReason::UnsupportedOpcode("BUILD_LIST"));
        }
        let start = self
            .stack
            .len()
            .checked_sub(n)
            .ok_or(AbortReason::FrameShape)?;
        let list_type = self.vm.types.list.clone();
        let mut words = vec![
            self.b.const_value(list_type.bits()),
            self.b.const_int(n as i64),
        ];
        let mut values = Vec::with_capacity(n);
        for at in start..start + n {
            // Read each from the stack: allocating one item updates the others.
            let item = self.stack.get(at).cloned().ok_or(AbortReason::FrameShape)?;
            if self.built_tuples.contains_key(&item.r) {
                return Err(AbortReason::StoreOfObject);
            }
            let item = self.escape(&item)?;
            words.push(self.boxed(&item)?);
            values.push(item.v);
        }
        let null = self.b.const_value(0);
        words.resize(MAX_FIELDS + 2, null);
        let mut params = vec![Type::Value, Type::I64];
        params.extend([Type::Value; MAX_FIELDS]);
        let helper = self
            .b
            .helper(BUILD_LIST, &params, Type::Value, Effect::MayRaise);
        let word = self.b.call(helper, &words);
        self.b.emit(Op::GuardNe, &[word, null]);
        self.stack.truncate(start);
        // A private list with the recorded items stands for it in the dry run.
        let v = self.vm.new_list(values);
        self.push(Entry { r: word, v });
        Ok(())
    }

    /// Allocates every virtual instance a written home or the stack holds (at the
    /// back-edge: the next iteration and its exits read them as objects).
    pub(super) fn escape_carried(&mut self) -> Step<()> {
        let mut carried: Vec<Ref> = self
            .modified
            .values()
            .copied()
            .chain(self.stack.iter().map(|e| e.r))
            .filter(|&r| self.is_virtual_instance(r))
            .collect();
        carried.sort_unstable_by_key(|r| r.index());
        carried.dedup();
        let mut made = HashMap::new();
        for r in carried {
            self.allocate(r, &mut made, 0)?;
        }
        Ok(())
    }

    /// Emits the allocation of virtual instance `r` (its virtual fields first) and makes
    /// every holder of `r` hold the new word.
    fn allocate(&mut self, r: Ref, made: &mut HashMap<Ref, Ref>, depth: usize) -> Step<Ref> {
        if let Some(&word) = made.get(&r) {
            return Ok(word);
        }
        if depth > MAX_FIELDS {
            // A cycle of virtual instances (or a deep chain): not made here.
            return Err(AbortReason::StoreOfObject);
        }
        let (class, map, fields) = self
            .built_instances
            .parts(r)
            .ok_or(AbortReason::FrameShape)?;
        if fields.len() > MAX_FIELDS {
            return Err(AbortReason::StoreOfObject);
        }
        let mut words = Vec::with_capacity(MAX_FIELDS + 3);
        words.push(self.b.const_value(class.bits()));
        words.push(self.b.const_int(i64::from(map)));
        words.push(self.b.const_int(fields.len() as i64));
        for field in &fields {
            let word = if self.is_virtual_instance(field.r) {
                self.allocate(field.r, made, depth + 1)?
            } else if self.built_tuples.contains_key(&field.r) {
                return Err(AbortReason::StoreOfObject);
            } else {
                self.boxed(field)?
            };
            words.push(word);
        }
        let null = self.b.const_value(0);
        words.resize(MAX_FIELDS + 3, null);
        let mut params = vec![Type::Value, Type::I64, Type::I64];
        params.extend([Type::Value; MAX_FIELDS]);
        let helper = self
            .b
            .helper(NEW_INSTANCE, &params, Type::Value, Effect::MayRaise);
        let word = self.b.call(helper, &words);
        self.b.emit(Op::GuardNe, &[word, null]);
        made.insert(r, word);
        self.replace_virtual(r, word);
        Ok(word)
    }

    /// Makes every holder of `from` (stack, homes, inlined frames, other virtuals' fields)
    /// hold `to`; `from` is no longer virtual.
    fn replace_virtual(&mut self, from: Ref, to: Ref) {
        for e in self.stack.iter_mut().chain(self.known.values_mut()) {
            if e.r == from {
                e.r = to;
            }
        }
        for r in self.modified.values_mut() {
            if *r == from {
                *r = to;
            }
        }
        self.calls.replace_held(from, to);
        self.built_instances.replace(from, to);
    }
}
