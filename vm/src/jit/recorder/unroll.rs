//! Short inner loops unrolled into the trace that reaches them: `for x in range(...)` whose
//! arguments are constants and whose trip count is at most [`MAX_TRIPS`] is recorded
//! iteration by iteration (LuaJIT unrolls low-trip inner loops the same way). Its iterator
//! is never allocated: the recorder keeps its position, and every snapshot taken inside the
//! loop describes it as a `range_iter` virtual that an exit builds. The outer loop's trace
//! then runs the whole inner loop natively, with no loop call and no transfer between trees.
//!
//! The iterator's entry on the recorder's stack is a placeholder constant (the word of a
//! private iterator object kept alive while recording, so it names nothing else). Only
//! `FOR_ITER` and the `POP_TOP` of a `break` may consume it; any other use aborts the
//! recording (see [`Recorder::check_unrolled`]), so the placeholder never reaches code.

use pyrite_ir::{Const, Ref, SnapValue, Virtual, VirtualKind};
use pyrite_profiler::AbortReason;

use super::{Entry, Recorder, Step};
use crate::builtins::iterators::new_iterator;
use crate::bytecode::Opcode;
use crate::jit::recorder::nest::decode;
use crate::object::Value;
use crate::types::iter::IterState;

/// The longest inner loop unrolled (its body is copied this many times into the trace).
pub(super) const MAX_TRIPS: i64 = 8;

/// An inner `range` loop being unrolled.
pub(super) struct Unrolled {
    /// The placeholder naming the iterator on the stack.
    r: Ref,
    /// Where on the root frame's value stack the iterator is.
    depth: usize,
    next: i64,
    stop: i64,
    step: i64,
}

/// The state of the unrolled loops of one recording.
#[derive(Default)]
pub(super) struct UnrolledLoops {
    live: Vec<Unrolled>,
    /// The private iterator objects behind the placeholders (kept until the recording
    /// ends, so no other object can take a placeholder's address meanwhile).
    objects: Vec<Value>,
}

/// How many items `range(start, stop, step)` yields (`step` nonzero).
fn trip_count(start: i64, stop: i64, step: i64) -> i128 {
    let (start, stop, step) = (i128::from(start), i128::from(stop), i128::from(step));
    if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / -step + 1
    } else {
        0
    }
}

impl Recorder<'_> {
    /// Unrolling at this instruction: the pc to go on at, if it began a loop or stepped one.
    pub(super) fn unroll_step(&mut self, op: Opcode, arg: u32, next: usize) -> Step<Option<usize>> {
        match op.generic() {
            Opcode::CALL => self.unroll_range(op, arg, next),
            Opcode::FOR_ITER if !self.calls.inlined() => self.unrolled_for_iter(arg, next),
            _ => Ok(None),
        }
    }

    /// At a `CALL` of `range` with 1–3 constant small ints, followed by `GET_ITER` and
    /// `FOR_ITER`, with at most [`MAX_TRIPS`] items: replaces the call's operands by a
    /// virtual iterator and returns the pc of the `FOR_ITER` (the `GET_ITER` is done).
    fn unroll_range(&mut self, op: Opcode, arg: u32, next: usize) -> Step<Option<usize>> {
        if self.calls.inlined() || op.generic() != Opcode::CALL || !(1..=3).contains(&arg) {
            return Ok(None);
        }
        let code_value = self.code.clone();
        let Some(code) = code_value.as_code() else {
            return Ok(None);
        };
        let Some((get_iter, _, header)) = decode(&code.units, next) else {
            return Ok(None);
        };
        let is_for =
            decode(&code.units, header).is_some_and(|(op, _, _)| op.generic() == Opcode::FOR_ITER);
        if get_iter.generic() != Opcode::GET_ITER || !is_for {
            return Ok(None);
        }
        let argc = arg as usize;
        let Some(at) = self.stack.len().checked_sub(argc + 2) else {
            return Ok(None);
        };
        let range = self.vm.types.range.clone();
        if !self.stack[at].v.is(&range) || !self.stack[at + 1].v.is_null() {
            return Ok(None);
        }
        let mut ints = Vec::with_capacity(argc);
        for e in &self.stack[at + 2..] {
            match (self.b.trace().const_value(e.r), e.v.as_small_int()) {
                (Some(Const::Int(c)), Some(v)) if c == v => ints.push(c),
                _ => return Ok(None),
            }
        }
        let (start, stop, step) = match ints[..] {
            [b] => (0, b, 1),
            [a, b] => (a, b, 1),
            [a, b, c] => (a, b, c),
            _ => return Ok(None),
        };
        if step == 0 || trip_count(start, stop, step) > i128::from(MAX_TRIPS) {
            return Ok(None);
        }
        let callee = self.stack[at].r;
        if self.b.trace().const_value(callee) != Some(Const::Value(range.bits())) {
            let expected = self.b.const_value(range.bits());
            self.b.guard_eq(callee, expected);
        }
        self.stack.truncate(at);
        let entry = self.new_unrolled(at, start, stop, step);
        self.push(entry);
        Ok(Some(header))
    }

    /// A new unrolled iterator at stack depth `depth`: its entry (the placeholder).
    fn new_unrolled(&mut self, depth: usize, next: i64, stop: i64, step: i64) -> Entry {
        let object = new_iterator(
            &self.vm.types.range_iterator,
            IterState::Range { next, stop, step },
        );
        let r = self.b.const_value(object.bits());
        self.unrolled.objects.push(object.clone());
        self.unrolled.live.push(Unrolled {
            r,
            depth,
            next,
            stop,
            step,
        });
        Entry { r, v: object }
    }

    /// A side trace starts inside an unrolled loop of its parent: the parent's exit
    /// described the iterator (at stack depth `depth`) as `virtual`, with constant fields.
    /// The side trace unrolls the rest of the loop the same way; its entry, or `None` when
    /// the virtual is not such an iterator.
    pub(super) fn adopt_unrolled(
        &mut self,
        parent: &pyrite_ir::Trace,
        virtual_range: &Virtual,
        depth: usize,
    ) -> Option<Entry> {
        if virtual_range.kind != VirtualKind::RangeIter {
            return None;
        }
        let mut fields = [0i64; 3];
        if virtual_range.fields.len() != 3 {
            return None;
        }
        for (field, value) in fields.iter_mut().zip(&virtual_range.fields) {
            match value {
                SnapValue::Ref(r) => match parent.const_value(*r) {
                    Some(Const::Int(i)) => *field = i,
                    _ => return None,
                },
                SnapValue::Virtual(_) => return None,
            }
        }
        let [next, stop, step] = fields;
        (step != 0).then(|| self.new_unrolled(depth, next, stop, step))
    }

    /// `FOR_ITER` over an unrolled loop's iterator (the top of the stack): pushes the next
    /// item as a constant, or pops the iterator and jumps past the loop. `None` when the
    /// top is not such an iterator.
    fn unrolled_for_iter(&mut self, arg: u32, next: usize) -> Step<Option<usize>> {
        let Some(top) = self.stack.last().map(|e| e.r) else {
            return Ok(None);
        };
        let Some(i) = self.unrolled.live.iter().rposition(|u| u.r == top) else {
            return Ok(None);
        };
        let u = &mut self.unrolled.live[i];
        let more = if u.step > 0 {
            u.next < u.stop
        } else {
            u.next > u.stop
        };
        if !more {
            self.unrolled.live.remove(i);
            self.stack.pop();
            return Ok(Some(next + arg as usize));
        }
        let item = Value::try_small_int(u.next).ok_or(AbortReason::Overflow)?;
        u.next = u.next.checked_add(u.step).ok_or(AbortReason::Overflow)?;
        let e = self.constant(&item);
        self.push(e);
        Ok(Some(next))
    }

    /// Whether `target` (of a `JUMP_BACKWARD`) is the header of a loop being unrolled:
    /// a `FOR_ITER` while the top of the stack (its iterator) is an unrolled one.
    pub(super) fn unrolled_header(&self, target: usize) -> bool {
        if self.calls.inlined() {
            return false;
        }
        let Some(top) = self.stack.last() else {
            return false;
        };
        let is_for = self.code.as_code().is_some_and(|code| {
            decode(&code.units, target).is_some_and(|(op, _, _)| op.generic() == Opcode::FOR_ITER)
        });
        is_for && self.unrolled.live.iter().any(|u| u.r == top.r)
    }

    /// A `POP_TOP` popped `e` (a `break` pops its loop's iterator).
    pub(super) fn popped(&mut self, e: &Entry) {
        if let Some(i) = self.unrolled.live.iter().rposition(|u| u.r == e.r) {
            self.unrolled.live.remove(i);
        }
    }

    /// After each recorded instruction: every unrolled iterator is still where it was,
    /// once, and nowhere else (no local, no other stack entry).
    pub(super) fn check_unrolled(&self) -> Step<()> {
        if self.unrolled.live.is_empty() || self.calls.inlined() {
            return Ok(());
        }
        let misused = AbortReason::UnsupportedTypes("an unrolled loop's iterator");
        for u in &self.unrolled.live {
            if self.stack.get(u.depth).map(|e| e.r) != Some(u.r)
                || self.stack.iter().filter(|e| e.r == u.r).count() != 1
                || self.modified.values().any(|&r| r == u.r)
            {
                return Err(misused);
            }
        }
        Ok(())
    }

    /// Describes the live unrolled iterators the snapshot just taken names as
    /// `range_iter` virtuals at their current position.
    pub(super) fn describe_unrolled(&mut self) {
        if self.unrolled.live.is_empty() {
            return;
        }
        let described: Vec<(Ref, [Ref; 3])> = self
            .unrolled
            .live
            .iter()
            .map(|u| (u.r, [u.next, u.stop, u.step]))
            .collect::<Vec<_>>()
            .into_iter()
            .map(|(r, fields)| (r, fields.map(|f| self.b.const_int(f))))
            .collect();
        let Some(snapshot) = self.b.current_snapshot_mut() else {
            return;
        };
        let mut frames = std::mem::take(&mut snapshot.frames);
        for frame in &mut frames {
            for (_, value) in &mut frame.slots {
                let SnapValue::Ref(r) = *value else {
                    continue;
                };
                let Some((_, fields)) = described.iter().find(|(p, _)| *p == r) else {
                    continue;
                };
                *value = SnapValue::Virtual(snapshot.virtuals.len() as u32);
                snapshot.virtuals.push(Virtual {
                    kind: VirtualKind::RangeIter,
                    fields: fields.iter().map(|&f| SnapValue::Ref(f)).collect(),
                });
            }
        }
        snapshot.frames = frames;
    }
}
