//! Nested loops in recordings: where a trace reaches an inner loop that already has a
//! compiled tree, it ends with a *loop call* (an exit the VM's driver turns into a run of
//! the inner tree, see `jit::nest`), and the code after the inner loop is recorded as a
//! *continuation* of the outer tree, entered by the driver once the inner loop is done.

use std::cell::Cell;

use pyrite_profiler::AbortReason;

use super::{Abort, Home, Recorder, Recording};
use crate::bytecode::{Opcode, split_unit};
use crate::jit::nest::{LoopCall, Setup};
use crate::object::{Payload, Value};
use crate::vm::Vm;

/// The instruction at `pc`: its opcode, argument and the pc after its caches.
pub(crate) fn decode(units: &[Cell<u16>], pc: usize) -> Option<(Opcode, u32, usize)> {
    let mut next = pc;
    let (mut byte, mut arg) = split_unit(units.get(next)?.get());
    next += 1;
    while byte == Opcode::EXTENDED_ARG as u8 {
        let (b, a) = split_unit(units.get(next)?.get());
        byte = b;
        arg = (arg << 8) | a;
        next += 1;
    }
    let op = Opcode::from_u8(byte)?;
    Some((op, arg, next + op.caches()))
}

impl Recorder<'_> {
    /// Whether the loop with this header in the recorded code has a compiled tree.
    fn compiled_loop(&self, header: usize) -> bool {
        self.vm
            .jit
            .loops
            .get(&(self.code.bits(), header))
            .is_some_and(|state| state.trace.is_some())
    }

    /// The inner loop that starts at `pc` (the instruction `op arg`, followed by `next`),
    /// if it has a compiled tree the trace can call: a `while` header, `GET_ITER` of an
    /// exact list, tuple or range before a `FOR_ITER`, or `range(...)` with 1–3 small
    /// ints before those two.
    pub(super) fn inner_loop_at(
        &self,
        pc: usize,
        op: Opcode,
        arg: u32,
        next: usize,
        header: usize,
    ) -> Option<LoopCall> {
        if self.calls.inlined() || pc == header {
            return None;
        }
        let code = self.code.as_code()?;
        let for_iter_after = |at: usize| -> Option<usize> {
            let (op, _, _) = decode(&code.units, at)?;
            (op.generic() == Opcode::FOR_ITER).then_some(at)
        };
        let call = match op.generic() {
            Opcode::CALL => {
                let argc = arg as usize;
                if !(1..=3).contains(&argc) {
                    return None;
                }
                let len = self.stack.len();
                let callee = self.stack.get(len.checked_sub(argc + 2)?)?;
                let null = self.stack.get(len - argc - 1)?;
                let args = self.stack.get(len - argc..)?;
                if !callee.v.is(&self.vm.types.range)
                    || !null.v.is_null()
                    || !args.iter().all(|e| e.v.is_small_int())
                {
                    return None;
                }
                let (get_iter, _, after) = decode(&code.units, next)?;
                if get_iter.generic() != Opcode::GET_ITER {
                    return None;
                }
                LoopCall {
                    header: for_iter_after(after)?,
                    setup: Setup::Range {
                        argc,
                        range: callee.v.clone(),
                    },
                    end: None,
                    native: Default::default(),
                }
            }
            Opcode::GET_ITER => {
                let top = self.stack.last()?;
                if !exact_sequence(self.vm, &top.v) {
                    return None;
                }
                LoopCall {
                    header: for_iter_after(next)?,
                    setup: Setup::GetIter,
                    end: None,
                    native: Default::default(),
                }
            }
            _ => LoopCall {
                header: pc,
                setup: Setup::None,
                end: None,
                native: Default::default(),
            },
        };
        let mut call = call;
        if let Some((op, arg, after)) = decode(&code.units, call.header)
            && op.generic() == Opcode::FOR_ITER
        {
            call.end = Some(after + arg as usize);
        }
        self.compiled_loop(call.header).then_some(call)
    }
}

/// Whether `iter(v)` is a builtin iterator the driver may make itself (no Python code).
pub(crate) fn exact_sequence(vm: &Vm, v: &Value) -> bool {
    let Some(obj) = v.as_object() else {
        return false;
    };
    let bits = obj.type_bits();
    match v.payload() {
        Some(Payload::List(_)) => bits == vm.types.list.bits(),
        Some(Payload::Tuple(_)) => bits == vm.types.tuple.bits(),
        Some(Payload::Range(_)) => bits == vm.types.range.bits(),
        _ => false,
    }
}

/// Where a continuation starts: the frame is at `pc` (just after an inner loop ran), and
/// the tree's loop is `header`..`back_edge`.
pub(crate) struct ContinuationStart<'a> {
    pub pc: usize,
    pub header: usize,
    pub back_edge: usize,
    /// The root's value-stack depth at the loop header.
    pub entry_depth: usize,
    /// The tree's homes so far (the continuation may add more).
    pub homes: &'a [Home],
}

/// Records a continuation: from the frame's current state at `start.pc` to the loop's
/// back-edge, where it links to the root (or to another inner loop call). Like a root
/// trace it reads every home as a value word with a type guard; like a side trace it
/// shares the tree's slot array.
pub(crate) fn record_continuation(
    vm: &Vm,
    start: &ContinuationStart,
    max_length: u32,
) -> Result<Recording, Abort> {
    let pc = start.pc;
    let at = |reason| Abort { reason, pc };
    let frame = vm
        .frames
        .last()
        .ok_or_else(|| at(AbortReason::FrameShape))?;
    if !frame.generator.is_null() || frame.ip != pc {
        return Err(at(AbortReason::FrameShape));
    }
    if !frame.locals.is_null() && !frame.locals.is(&frame.globals) {
        return Err(at(AbortReason::FrameShape));
    }
    let code = frame
        .code
        .as_code()
        .ok_or_else(|| at(AbortReason::FrameShape))?;
    let nlocals = code.localsplus_len();
    let depth = frame
        .sp
        .checked_sub(frame.base + nlocals)
        .ok_or_else(|| at(AbortReason::FrameShape))?;
    let mut rec = Recorder::over_frame(vm, frame, nlocals);
    rec.adopt_homes(start.homes);
    rec.b.snapshot(pc as u32, depth as u32, &[]);
    for d in 0..depth {
        let entry = rec.load_frame_slot(nlocals + d).map_err(at)?;
        rec.entry_stack.push(Some(entry.r));
        rec.stack.push(entry);
    }
    rec.run_to_back_edge(pc, start.header, start.back_edge, max_length)?;
    rec.finish_branch(start.header, start.entry_depth, start.back_edge, pc)
}
