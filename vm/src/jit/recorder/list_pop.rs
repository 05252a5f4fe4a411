//! `lst.pop()` and `lst.pop(i)` on an exact list (the method loaded by
//! `recorder::seq::load_list_method`): a helper call that removes the item
//! (`jit::object_helpers`), guarded to have found one. An empty list or an index out of
//! range makes the helper change nothing and the guard leave *before* the call, so the
//! interpreter pops and raises `IndexError` itself. The item's guard sits after the
//! call (its snapshot has the item on the stack): leaving there must not pop twice.
//!
//! The list's reference to the item moves to the deferred releases (`glue::defer_release`):
//! the trace holds it as a borrowed word like any other, and it is released once the VM
//! has the trace's state back (a finalizer runs at that exit, before any Python code the
//! trace would run, as for attribute stores).

use pyrite_ir::{Effect, Op, Type};
use pyrite_profiler::AbortReason;

use super::{Entry, Recorder, Step, tag_of};
use crate::jit::object_helpers::names::LIST_POP;
use crate::object::Payload;

impl Recorder<'_> {
    /// `CALL argc` (0 or 1) of the `list.pop` descriptor pushed by `load_list_method`:
    /// records the pop and pushes the item, returning `true`; `false` for other calls.
    pub(super) fn call_list_pop(&mut self, argc: usize, next: usize) -> Step<bool> {
        let len = self.stack.len();
        if argc > 1 || len < argc + 2 {
            return Ok(false);
        }
        let callee = &self.stack[len - argc - 2];
        // The descriptor is a constant (builtin types cannot change); a side trace
        // starting between the method load and the call has it in a slot: guarded.
        let Some(pop) = self.vm.lookup_type_attr(&self.vm.types.list, "pop") else {
            return Ok(false);
        };
        if !pop.is(&callee.v) || self.b.trace().type_of(callee.r) != Type::Value {
            return Ok(false);
        }
        let callee_r = callee.r;
        let descriptor = self.b.const_value(pop.bits());
        if callee_r != descriptor {
            self.b.guard_eq(callee_r, descriptor);
        }
        let list = self.stack[len - argc - 1].clone();
        let index = if argc == 1 {
            let index = self.stack[len - 1].clone();
            let i = index
                .v
                .as_small_int()
                .ok_or(AbortReason::UnsupportedTypes("list.pop index"))?;
            (self.as_int(&index)?, i)
        } else {
            (self.b.const_int(-1), -1)
        };
        let Some(Payload::List(cell)) = list.v.payload() else {
            return Err(AbortReason::UnsupportedTypes("list.pop receiver"));
        };
        let item = {
            let items = cell.try_borrow().map_err(|_| AbortReason::FrameShape)?;
            let at = if index.1 < 0 {
                index.1 + items.len() as i64
            } else {
                index.1
            };
            usize::try_from(at)
                .ok()
                .and_then(|at| items.get(at).cloned())
        };
        // Empty or out of range: the interpreter raises IndexError.
        let item = item.ok_or(AbortReason::UnsupportedTypes("list.pop out of range"))?;
        let tag = tag_of(&item).ok_or(AbortReason::UnsupportedTypes("list.pop item"))?;
        self.guard_seq(&list)?;
        let helper = self.b.helper(
            LIST_POP,
            &[Type::Value, Type::I64, Type::Value],
            Type::Value,
            Effect::MayRaise,
        );
        let list_type = self.b.const_value(self.vm.types.list.bits());
        let word = self.b.call(helper, &[list.r, index.0, list_type]);
        let null = self.b.const_value(0);
        self.b.emit(Op::GuardNe, &[word, null]);
        self.stack.truncate(len - argc - 2);
        self.push(Entry { r: word, v: item });
        // The item is on the stack now: its type guard leaves after the CALL.
        self.snapshot(next);
        self.b.guard_type(word, tag);
        Ok(true)
    }
}
