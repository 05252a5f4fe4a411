//! The recorder: turns one iteration of a hot loop into IR.
//!
//! Recording is a *dry run*: starting at the loop header with the frame exactly as the
//! interpreter left it, the recorder walks the bytecode of one iteration, computing every
//! value concretely (to choose branch directions and observe types) on its own shadow of
//! the stack and of the homes it wrote, and emitting IR with guards on what it observed. It
//! never changes the frame, an object or a counter, so an abort, at any instruction, simply
//! returns to the interpreter, which runs the iteration itself.
//!
//! What it models (everything else aborts with a named [`AbortReason`]):
//! - small-int and float arithmetic (`+ - * % >> & | ^`, float `/`), comparisons, `not`,
//!   unary minus, truthiness of bools/ints/floats in conditional jumps (branch guards);
//! - local loads and stores, module-level names and globals (homes in the slot array),
//!   builtins (folded to constants, checked at trace entry);
//! - `FOR_ITER` over range, list and tuple iterators at the loop header; list/tuple
//!   indexing and `len()`.
//!
//! Values are *homes*: each frame slot (locals, then stack entries) or global the trace
//! touches gets a slot number in the trace's slot array, in order of first use. Stores to
//! homes may only hold ints, floats, bools or None, so the exits never have to count a
//! reference for a value the trace created.

pub(crate) mod entry;
pub(crate) mod iter;
pub(crate) mod nest;
mod seq;

use std::cell::Cell;
use std::collections::{BTreeMap, HashMap};

use pyrite_ir::{Effect, Op, Ref, SnapValue, Trace, TraceBuilder, Type, TypeTag, abi};
use pyrite_profiler::AbortReason;

use crate::bytecode::{BinaryOp, CompareOp, Opcode, split_unit};
use crate::jit::glue::names;
use crate::object::{Payload, Value};
use crate::types::iter::IterState;
use crate::vm::Vm;

/// Where a slot of the trace's slot array lives.
#[derive(Clone, Debug)]
pub(crate) enum Home {
    /// Frame slot `i` (localsplus, then value-stack entries).
    Frame(usize),
    /// Entry `index` of a globals dict (its key set is pinned by a [`Dep`]).
    Global { dict: Value, index: usize },
    /// A field of the range iterator in frame slot `slot`, as a raw `i64` (never a value
    /// word): the trace keeps the position in the slot array, the exit writes it back.
    Range { slot: usize, field: RangeField },
    /// A raw field of a list/tuple/enumerate/zip iterator (see [`iter`]).
    Iter(iter::IterHome),
    /// Slot `slot` of the inlined (virtual) frame at call depth `depth` (1: called by the
    /// root frame): it lives only in snapshots, and an exit inside the call rebuilds it.
    Virtual { depth: usize, slot: usize },
}

/// The fields of a range iterator a trace keeps in its slot array.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RangeField {
    Next,
    Stop,
    Step,
}

/// A fact checked at trace entry (nothing inside a trace can change it).
#[derive(Clone, Debug)]
pub(crate) enum Dep {
    /// The dict still has exactly the keys it had (`DictTable::version`).
    DictVersion { dict: Value, version: u64 },
    /// Entry `index` of the dict still holds `value` (a folded builtin).
    DictValue {
        dict: Value,
        index: usize,
        value: Value,
    },
    /// An inlined function still has this code object (`f.__code__` is assignable) and
    /// these positional defaults; also keeps the function, whose address the trace
    /// compares against, alive.
    Function {
        func: Value,
        code: Value,
        defaults: Value,
    },
    /// A class whose attribute the trace folded still has this version tag.
    TypeVersion { ty: Value, version: u32 },
    /// Holds a value whose address the trace compares against or uses as a constant.
    Alive(Value),
    /// Room for this many more interpreter frames below the recursion limit (an exit inside
    /// inlined calls rebuilds their frames).
    FrameRoom(usize),
}

/// A finished recording.
pub(crate) struct Recording {
    pub trace: Trace,
    pub homes: Vec<Home>,
    pub deps: Vec<Dep>,
    /// Value-stack depth at the loop header.
    pub entry_depth: usize,
    /// The last back-edge of the loop.
    pub loop_end: usize,
    /// The trace ends in a call of this inner loop (its last instruction is the `exit`).
    pub loop_call: Option<crate::jit::nest::LoopCall>,
}

/// An abort and the instruction where it happened.
pub(crate) struct Abort {
    pub reason: AbortReason,
    pub pc: usize,
}

/// A value during recording: its IR value and its concrete value in this iteration.
#[derive(Clone)]
struct Entry {
    r: Ref,
    v: Value,
}

mod alloc;
mod arith;
mod attr;
mod builtin;
mod dict;
mod identity;
mod inline;
mod instance;
mod list_pop;
mod numeric;
mod operators;
mod residual;
mod typecheck;
mod unroll;

type Step<T> = Result<T, AbortReason>;

struct Recorder<'a> {
    vm: &'a Vm,
    /// The code object of the frame being recorded (a callee's while inlining).
    code: Value,
    base: usize,
    nlocals: usize,
    b: TraceBuilder,
    homes: Vec<Home>,
    frame_homes: HashMap<usize, u32>,
    global_homes: HashMap<usize, u32>,
    /// The current value of each home the trace has read or written.
    known: HashMap<u32, Entry>,
    /// Homes written by the trace, with their current value.
    modified: BTreeMap<u32, Ref>,
    stack: Vec<Entry>,
    /// The IR values of the entry stack whose slots hold their value words (unchanged
    /// entries need no snapshot slot); `None` for a side trace's raw entries.
    entry_stack: Vec<Option<Ref>>,
    deps: Vec<Dep>,
    globals: Value,
    builtins: Value,
    pinned_globals: bool,
    pinned_builtins: bool,
    /// Tuples the trace built (`new_tuple`), with their fields, for unpacking.
    built_tuples: HashMap<Ref, Vec<Entry>>,
    /// The item of the loop's ascending `for ... in range(...)`, its stop's IR value and
    /// concrete stop: indexing with it hoists one `stop <= len` check (`recorder::seq`).
    range_item: Option<(Ref, Ref, i64)>,
    /// Instances the trace made (`new_instance`) and their attributes; inlined `__init__`s.
    built_instances: instance::BuiltInstances,
    /// Operator methods of user classes being inlined (`recorder::operators`).
    operators: operators::Operators,
    /// `list.append`, once the trace has loaded it as a method.
    list_append_method: Option<Value>,
    /// Inlined calls (virtual frames) in progress.
    calls: inline::Calls,
    /// The trace ended early with a residual call (`recorder::residual`).
    stitched: bool,
    /// The recording stopped at an inner loop with a compiled tree, to be called.
    loop_call: Option<crate::jit::nest::LoopCall>,
    /// Short inner loops being unrolled (`recorder::unroll`).
    unrolled: unroll::UnrolledLoops,
    /// Recording a function-entry tree: a `RETURN` of the root frame ends the trace.
    function_entry: bool,
    /// The trace ended with an exit at the root frame's `RETURN` (`recorder::entry`).
    returned: bool,
}

/// Records one iteration of the loop whose header is `header` and whose back-edge is the
/// `JUMP_BACKWARD` at `back_edge`, in the top frame.
pub(crate) fn record(
    vm: &Vm,
    header: usize,
    back_edge: usize,
    max_length: u32,
) -> Result<Recording, Abort> {
    let at = |reason| Abort { reason, pc: header };
    let frame = vm
        .frames
        .last()
        .ok_or_else(|| at(AbortReason::FrameShape))?;
    if !frame.generator.is_null() {
        return Err(at(AbortReason::FrameShape));
    }
    let code = frame
        .code
        .as_code()
        .ok_or_else(|| at(AbortReason::FrameShape))?;
    let nlocals = code.localsplus_len();
    let entry_depth = frame.sp - frame.base - nlocals;
    let mut rec = Recorder::over_frame(vm, frame, nlocals);
    // Module and class bodies keep names in a mapping; only module level (locals is the
    // globals dict) is modelled.
    if !frame.locals.is_null() && !frame.locals.is(&frame.globals) {
        return Err(at(AbortReason::FrameShape));
    }
    rec.b.snapshot(header as u32, entry_depth as u32, &[]);
    for d in 0..entry_depth {
        let slot = nlocals + d;
        let entry = rec.load_frame_slot(slot).map_err(at)?;
        rec.entry_stack.push(Some(entry.r));
        rec.stack.push(entry);
    }
    let end = loop_end(&code.units, header, back_edge);
    rec.run_to_back_edge(header, header, end, max_length)?;
    if rec.loop_call.is_none() && !rec.stitched {
        if rec.stack.len() != entry_depth {
            return Err(at(AbortReason::FrameShape));
        }
        let slots: Vec<(u32, Ref)> = rec.modified.iter().map(|(&k, &r)| (k, r)).collect();
        rec.b.close_loop(header as u32, entry_depth as u32, &slots);
    }
    let loop_call = rec.loop_call.take();
    let trace = rec
        .b
        .finish()
        .map_err(|e| at(AbortReason::Compile(e.to_string())))?;
    Ok(Recording {
        trace,
        homes: rec.homes,
        deps: rec.deps,
        entry_depth,
        loop_end: end,
        loop_call,
    })
}

/// The last `JUMP_BACKWARD` to `header` (a loop whose body ends in an `if` has one per
/// branch); at least `back_edge`.
fn loop_end(units: &[Cell<u16>], header: usize, back_edge: usize) -> usize {
    let mut end = back_edge;
    let mut pc = header;
    while pc < units.len() {
        let start = pc;
        let (mut byte, mut arg) = split_unit(units[pc].get());
        pc += 1;
        while byte == Opcode::EXTENDED_ARG as u8 && pc < units.len() {
            let (b, a) = split_unit(units[pc].get());
            byte = b;
            arg = (arg << 8) | a;
            pc += 1;
        }
        let Some(op) = Opcode::from_u8(byte) else {
            break;
        };
        pc += op.caches();
        if op.generic() == Opcode::JUMP_BACKWARD && pc.checked_sub(arg as usize) == Some(header) {
            end = end.max(start);
        }
    }
    end
}

/// Where a side trace starts: an exit of a trace of the loop's tree.
pub(crate) struct SideStart<'a> {
    pub header: usize,
    pub back_edge: usize,
    /// The root's value-stack depth at the loop header.
    pub entry_depth: usize,
    /// The tree's homes so far (the side trace may add more).
    pub homes: &'a [Home],
    /// The trace that exits, and the snapshot of the exit.
    pub parent: &'a Trace,
    pub snapshot: &'a pyrite_ir::Snapshot,
    /// The tree is a function-entry tree: its traces end at the root frame's `RETURN`.
    pub function_entry: bool,
}

/// Records a side trace: from the state exit `start.snapshot` just restored in the top frame
/// (the frame is at the exit's pc) to the loop's back-edge, where it links to the root.
///
/// At its entry the slot array holds what the parent's exit block stored: the snapshot's
/// values *unboxed* (typed loads, no guards), and value words for every other home. Every
/// snapshot value of a local or global stays in the side trace's write set, so its link
/// and its exits box it again; stack values stay on the recorded stack.
pub(crate) fn record_side(vm: &Vm, start: &SideStart, max_length: u32) -> Result<Recording, Abort> {
    let exit_frame = start.snapshot.frames.first();
    let pc = exit_frame.map_or(start.header, |f| f.pc as usize);
    let at = |reason| Abort { reason, pc };
    let exit_frame = exit_frame.ok_or_else(|| at(AbortReason::FrameShape))?;
    // An exit inside inlined calls left their interpreter frames above the root.
    let nframes = start.snapshot.frames.len();
    // Only the iterators of unrolled loops are taken over (as virtuals again).
    let ranges_only = start
        .snapshot
        .virtuals
        .iter()
        .all(|v| v.kind == pyrite_ir::VirtualKind::RangeIter);
    if !start.snapshot.virtuals.is_empty() && (nframes > 1 || !ranges_only) {
        return Err(at(AbortReason::FrameShape));
    }
    let root_index = vm
        .frames
        .len()
        .checked_sub(nframes)
        .ok_or_else(|| at(AbortReason::FrameShape))?;
    let frame = vm
        .frames
        .get(root_index)
        .ok_or_else(|| at(AbortReason::FrameShape))?;
    if !frame.generator.is_null() {
        return Err(at(AbortReason::FrameShape));
    }
    let code = frame
        .code
        .as_code()
        .ok_or_else(|| at(AbortReason::FrameShape))?;
    let nlocals = code.localsplus_len();
    let depth = exit_frame.stack_depth as usize;
    let resumes_at = if nframes > 1 { frame.lasti } else { frame.ip };
    if frame.sp != frame.base + nlocals + depth || resumes_at != pc {
        return Err(at(AbortReason::FrameShape));
    }
    if !frame.locals.is_null() && !frame.locals.is(&frame.globals) {
        return Err(at(AbortReason::FrameShape));
    }
    let mut rec = Recorder::over_frame(vm, frame, nlocals);
    rec.adopt_homes(start.homes);
    rec.function_entry = start.function_entry;
    // The parent's exit values, raw; value words among them still get their type guard.
    let mut stack: Vec<Option<Entry>> = vec![None; depth];
    let mut words = Vec::new();
    for &(k, value) in &exit_frame.slots {
        let parent_ref = match value {
            SnapValue::Ref(r) => r,
            SnapValue::Virtual(i) => {
                let d = match rec.homes.get(k as usize) {
                    Some(&Home::Frame(slot)) => slot.checked_sub(nlocals),
                    _ => None,
                };
                let virtual_range = start.snapshot.virtuals.get(i as usize);
                let entry = d
                    .zip(virtual_range)
                    .and_then(|(d, v)| rec.adopt_unrolled(start.parent, v, d));
                match (d.and_then(|d| stack.get_mut(d)), entry) {
                    (Some(slot), Some(entry)) => *slot = Some(entry),
                    _ => return Err(at(AbortReason::FrameShape)),
                }
                continue;
            }
        };
        let ty = start.parent.type_of(parent_ref);
        let home = rec
            .homes
            .get(k as usize)
            .cloned()
            .ok_or_else(|| at(AbortReason::FrameShape))?;
        let concrete = rec
            .home_value(&home)
            .ok_or_else(|| at(AbortReason::FrameShape))?;
        let r = rec.b.load_slot_typed(k, ty);
        let entry = Entry { r, v: concrete };
        if ty == Type::Value {
            words.push(entry.clone());
        }
        match home {
            Home::Frame(i) if i >= nlocals => {
                if let Some(slot) = stack.get_mut(i - nlocals) {
                    *slot = Some(entry);
                }
            }
            _ => {
                if entry.v.is_heap() && ty != Type::Value {
                    return Err(at(AbortReason::UnsupportedTypes("big number at exit")));
                }
                rec.modified.insert(k, r);
                rec.known.insert(k, entry);
            }
        }
    }
    let initial: Vec<(u32, Ref)> = rec.modified.iter().map(|(&k, &r)| (k, r)).collect();
    let mut initial = initial;
    for (d, e) in stack.iter().enumerate() {
        if let Some(e) = e {
            initial.push((rec.frame_home(nlocals + d), e.r));
        }
    }
    let mut pc = pc;
    if nframes > 1 {
        for (d, e) in stack.iter_mut().enumerate() {
            let e = match e.take() {
                Some(e) => {
                    rec.entry_stack.push(None);
                    e
                }
                None => {
                    // Unchanged since the loop header: loaded now, guarded after the
                    // snapshot (the loop's own stack entries are never NULL).
                    let k = rec.frame_home(nlocals + d);
                    let r = rec.b.load_slot(k);
                    let v = vm.stack.get(frame.base + nlocals + d).cloned();
                    let e = Entry {
                        r,
                        v: v.ok_or_else(|| at(AbortReason::FrameShape))?,
                    };
                    rec.entry_stack.push(Some(r));
                    words.push(e.clone());
                    e
                }
            };
            rec.stack.push(e);
        }
        pc = rec
            .resume_inlined(root_index, start, &mut words)
            .map_err(at)?;
        rec.snapshot(pc);
    } else {
        rec.b.snapshot(pc as u32, depth as u32, &initial);
        rec.describe_unrolled();
    }
    for e in &words {
        if e.v.is_null() {
            let null = rec.b.const_value(0);
            rec.b.guard_eq(e.r, null);
            continue;
        }
        let tag = tag_of(&e.v).ok_or_else(|| at(AbortReason::UnboundLocal))?;
        rec.b.guard_type(e.r, tag);
    }
    for (d, e) in stack.into_iter().enumerate().filter(|_| nframes == 1) {
        match e {
            Some(e) => {
                rec.entry_stack.push(None);
                rec.stack.push(e);
            }
            None => {
                let e = rec.load_frame_slot(nlocals + d).map_err(at)?;
                rec.entry_stack.push(Some(e.r));
                rec.stack.push(e);
            }
        }
    }
    rec.run_to_back_edge(pc, start.header, start.back_edge, max_length)?;
    rec.finish_branch(start.header, start.entry_depth, start.back_edge, pc)
}

impl<'a> Recorder<'a> {
    /// A recorder over `frame` (whose code has `nlocals` locals, cells and free variables).
    fn over_frame(vm: &'a Vm, frame: &crate::interp::frame::Frame, nlocals: usize) -> Recorder<'a> {
        let (globals, builtins) = (&frame.globals, &frame.builtins);
        Recorder {
            vm,
            code: frame.code.clone(),
            base: frame.base,
            nlocals,
            b: TraceBuilder::new(),
            homes: Vec::new(),
            frame_homes: HashMap::new(),
            global_homes: HashMap::new(),
            known: HashMap::new(),
            modified: BTreeMap::new(),
            stack: Vec::new(),
            entry_stack: Vec::new(),
            deps: Vec::new(),
            globals: globals.clone(),
            builtins: builtins.clone(),
            pinned_globals: false,
            pinned_builtins: false,
            built_tuples: HashMap::new(),
            range_item: None,
            built_instances: instance::BuiltInstances::default(),
            operators: operators::Operators::default(),
            list_append_method: None,
            calls: inline::Calls::default(),
            stitched: false,
            loop_call: None,
            unrolled: unroll::UnrolledLoops::default(),
            function_entry: false,
            returned: false,
        }
    }

    /// Takes over a tree's homes (a side trace or continuation shares its slot array).
    fn adopt_homes(&mut self, homes: &[Home]) {
        for (k, home) in homes.iter().enumerate() {
            self.homes.push(home.clone());
            match home {
                Home::Frame(i) => self.frame_homes.insert(*i, k as u32),
                Home::Global { index, .. } => self.global_homes.insert(*index, k as u32),
                Home::Range { .. } | Home::Iter(_) => None,
                Home::Virtual { depth, slot } => self.calls.known_home(*depth, *slot, k as u32),
            };
        }
    }

    /// Ends a trace that joins its tree's root: a link at the loop header (or the exit of
    /// an inner loop call, already emitted), then the finished recording.
    fn finish_branch(
        mut self,
        header: usize,
        entry_depth: usize,
        back_edge: usize,
        pc: usize,
    ) -> Result<Recording, Abort> {
        let at = |reason| Abort { reason, pc };
        if self.loop_call.is_none() && !self.stitched && !self.returned {
            if self.stack.len() != entry_depth {
                return Err(at(AbortReason::FrameShape));
            }
            let slots = self.state_slots();
            self.b.link(header as u32, entry_depth as u32, &slots);
        }
        let trace = self
            .b
            .finish()
            .map_err(|e| at(AbortReason::Compile(e.to_string())))?;
        Ok(Recording {
            trace,
            homes: self.homes,
            deps: self.deps,
            entry_depth,
            loop_end: back_edge,
            loop_call: self.loop_call,
        })
    }

    /// The current value of a home.
    fn home_value(&self, home: &Home) -> Option<Value> {
        match home {
            Home::Range { .. } | Home::Iter(_) | Home::Virtual { .. } => None,
            Home::Frame(i) => self.vm.stack.get(self.base + i).cloned(),
            Home::Global { dict, index } => dict.as_dict().and_then(|d| {
                d.try_borrow()
                    .ok()
                    .and_then(|t| t.entry(*index).map(|e| e.value.clone()))
            }),
        }
    }

    /// The slots a snapshot of the current state writes: the modified homes and the stack
    /// entries whose slots do not already hold them.
    fn state_slots(&mut self) -> Vec<(u32, Ref)> {
        let mut slots: Vec<(u32, Ref)> = self.modified.iter().map(|(&k, &r)| (k, r)).collect();
        let stack: Vec<Ref> = self.stack.iter().map(|e| e.r).collect();
        for (d, r) in stack.into_iter().enumerate() {
            if self.entry_stack.get(d) == Some(&Some(r)) {
                continue;
            }
            let k = self.frame_home(self.nlocals + d);
            slots.push((k, r));
        }
        slots
    }

    /// Steps from `pc` until the back-edge.
    fn run_to_back_edge(
        &mut self,
        mut pc: usize,
        header: usize,
        back_edge: usize,
        max_length: u32,
    ) -> Result<(), Abort> {
        let mut count = 0;
        loop {
            count += 1;
            if count > max_length {
                return Err(Abort {
                    reason: AbortReason::TraceTooLong,
                    pc,
                });
            }
            if !self.calls.inlined() && (pc < header || pc > back_edge) {
                return Err(Abort {
                    reason: AbortReason::LeftLoop,
                    pc,
                });
            }
            match self.step(pc, header).and_then(|next| {
                self.check_unrolled()?;
                self.check_operator_effects()?;
                Ok(next)
            }) {
                Ok(Some(next)) => pc = next,
                Ok(None) => return Ok(()),
                Err(reason) => {
                    // Inside an inlined call, report the root frame's CALL; the next
                    // recording calls that function residually instead.
                    self.mark_no_inline();
                    let pc = self.calls.root_call_pc().unwrap_or(pc);
                    return Err(Abort { reason, pc });
                }
            }
        }
    }
}

/// The IR tag that a concrete value has.
fn tag_of(v: &Value) -> Option<TypeTag> {
    if v.is_small_int() {
        Some(TypeTag::Int)
    } else if v.is_immediate_float() {
        Some(TypeTag::Float)
    } else if v.is_bool() {
        Some(TypeTag::Bool)
    } else if v.is_none() {
        Some(TypeTag::None)
    } else if v.is_heap() {
        Some(TypeTag::Object)
    } else {
        None
    }
}

impl Recorder<'_> {
    fn frame_home(&mut self, slot: usize) -> u32 {
        if let Some(&k) = self.frame_homes.get(&slot) {
            return k;
        }
        let k = self.homes.len() as u32;
        self.homes.push(Home::Frame(slot));
        self.frame_homes.insert(slot, k);
        k
    }

    /// The home of a field of the range iterator in frame slot `slot`.
    fn range_home(&mut self, slot: usize, field: RangeField) -> u32 {
        let found = self.homes.iter().position(
            |h| matches!(h, Home::Range { slot: s, field: f } if *s == slot && *f == field),
        );
        if let Some(k) = found {
            return k as u32;
        }
        self.homes.push(Home::Range { slot, field });
        (self.homes.len() - 1) as u32
    }

    /// `FOR_ITER` over a range iterator, inlined: the position, stop and step live raw in
    /// the slot array; one compare per iteration, the step's sign guard is invariant.
    fn for_range(&mut self, it_slot: usize, next: i64, stop: i64, step: i64) -> Step<Entry> {
        let item = Value::try_small_int(next).ok_or(AbortReason::Overflow)?;
        let kn = self.range_home(it_slot, RangeField::Next);
        let ks = self.range_home(it_slot, RangeField::Stop);
        let kst = self.range_home(it_slot, RangeField::Step);
        let n = self.b.load_slot_typed(kn, Type::I64);
        let s = self.b.load_slot_typed(ks, Type::I64);
        let st = self.b.load_slot_typed(kst, Type::I64);
        let zero = self.b.const_int(0);
        let (sign, more) = if step > 0 {
            (Op::GtInt, Op::LtInt)
        } else {
            (Op::LtInt, Op::GtInt)
        };
        // The common step 1 becomes a constant (one invariant guard): `n + 1` after
        // `n < stop` cannot overflow, and range analysis sees the induction variable.
        let st = if step == 1 {
            let one = self.b.const_int(1);
            self.b.guard_eq(st, one);
            one
        } else {
            let direction = self.b.emit(sign, &[st, zero]);
            self.b.guard_true(direction);
            st
        };
        let has_more = self.b.emit(more, &[n, s]);
        self.b.guard_true(has_more);
        // Items between the position and the stop are small ints when both ends are:
        // the stop's check is invariant (run once), the position's is decided by range
        // analysis in the loop (the position only moves toward the stop), and arithmetic
        // on the item needs no overflow check the 48-bit range rules out.
        let (far, near) = if step > 0 {
            (abi::SMALL_INT_MAX, abi::SMALL_INT_MIN)
        } else {
            (abi::SMALL_INT_MIN, abi::SMALL_INT_MAX)
        };
        if (step > 0 && stop <= far) || (step < 0 && stop >= far) {
            let far = self.b.const_int(far);
            let near = self.b.const_int(near);
            let (stop_ok, start_ok) = if step > 0 {
                (
                    self.b.emit(Op::LeInt, &[s, far]),
                    self.b.emit(Op::GeInt, &[n, near]),
                )
            } else {
                (
                    self.b.emit(Op::GeInt, &[s, far]),
                    self.b.emit(Op::LeInt, &[n, near]),
                )
            };
            self.b.guard_true(stop_ok);
            self.b.guard_true(start_ok);
        }
        if step > 0 {
            self.range_item = Some((n, s, stop));
        }
        let advanced = self.b.emit(Op::AddIntOvf, &[n, st]);
        self.b.store_slot(kn, advanced);
        Ok(Entry { r: n, v: item })
    }

    fn global_home(&mut self, index: usize) -> u32 {
        if let Some(&k) = self.global_homes.get(&index) {
            return k;
        }
        let k = self.homes.len() as u32;
        self.homes.push(Home::Global {
            dict: self.globals.clone(),
            index,
        });
        self.global_homes.insert(index, k);
        k
    }

    /// Loads a home for the first time: the IR load plus a guard on the observed type.
    fn load_home(&mut self, k: u32, concrete: Value) -> Step<Entry> {
        if let Some(e) = self.known.get(&k) {
            return Ok(e.clone());
        }
        let r = self.b.load_slot(k);
        if concrete.is_null() {
            // An unbound local (a comprehension's saved variable, a name bound later):
            // guarded to stay unbound; reading it aborts (the interpreter raises).
            let null = self.b.const_value(0);
            self.b.guard_eq(r, null);
        } else {
            let tag = tag_of(&concrete).ok_or(AbortReason::UnboundLocal)?;
            self.b.guard_type(r, tag);
        }
        let entry = Entry { r, v: concrete };
        self.known.insert(k, entry.clone());
        Ok(entry)
    }

    fn load_frame_slot(&mut self, slot: usize) -> Step<Entry> {
        let k = self.frame_home(slot);
        let concrete = self.vm.stack[self.base + slot].clone();
        self.load_home(k, concrete)
    }

    fn store_home(&mut self, k: u32, e: Entry) -> Step<()> {
        // Objects the trace reads are borrowed from containers nothing in the trace frees;
        // objects it builds would need a reference of their own.
        if self.built_tuples.contains_key(&e.r) {
            return Err(AbortReason::StoreOfObject);
        }
        self.modified.insert(k, e.r);
        self.known.insert(k, e);
        Ok(())
    }

    /// Takes the snapshot of the state before the instruction at `pc`.
    fn snapshot(&mut self, pc: usize) {
        if self.in_operator() {
            // Exits inside an operator method run the operator again.
            return;
        }
        if self.calls.inlined() {
            self.inline_snapshot(pc);
        } else {
            let slots = self.state_slots();
            self.b.snapshot(pc as u32, self.stack.len() as u32, &slots);
        }
        self.describe_virtual_instances();
        self.describe_unrolled();
    }

    fn pop(&mut self) -> Step<Entry> {
        self.stack.pop().ok_or(AbortReason::FrameShape)
    }

    fn push(&mut self, e: Entry) {
        self.stack.push(e);
    }

    fn as_int(&mut self, e: &Entry) -> Step<Ref> {
        match self.b.trace().type_of(e.r) {
            Type::I64 => Ok(e.r),
            Type::Value if e.v.is_small_int() => {
                self.b.guard_type(e.r, TypeTag::Int);
                Ok(self.b.emit(Op::UnboxInt, &[e.r]))
            }
            _ => Err(AbortReason::UnsupportedTypes("int operation")),
        }
    }

    fn as_float(&mut self, e: &Entry) -> Step<Ref> {
        match self.b.trace().type_of(e.r) {
            Type::F64 => Ok(e.r),
            Type::I64 => Ok(self.b.emit(Op::IntToFloat, &[e.r])),
            Type::Value if e.v.is_immediate_float() => {
                self.b.guard_type(e.r, TypeTag::Float);
                Ok(self.b.emit(Op::UnboxFloat, &[e.r]))
            }
            Type::Value if e.v.is_small_int() => {
                let i = self.as_int(e)?;
                Ok(self.b.emit(Op::IntToFloat, &[i]))
            }
            _ => Err(AbortReason::UnsupportedTypes("float operation")),
        }
    }

    fn int_entry(&self, r: Ref, value: Option<i64>) -> Step<Entry> {
        let v = value
            .and_then(Value::try_small_int)
            .ok_or(AbortReason::Overflow)?;
        Ok(Entry { r, v })
    }

    fn float_entry(&self, r: Ref, value: f64) -> Step<Entry> {
        let v = Value::try_float(value).ok_or(AbortReason::NanResult)?;
        Ok(Entry { r, v })
    }

    fn bool_entry(&mut self, r: Ref, value: bool) -> Entry {
        Entry {
            r,
            v: Value::from_bool(value),
        }
    }

    fn constant(&mut self, v: &Value) -> Entry {
        let r = if let Some(i) = v.as_small_int() {
            self.b.const_int(i)
        } else if let Some(f) = v.as_immediate_float() {
            self.b.const_float(f)
        } else if let Some(t) = v.as_bool() {
            self.b.const_bool(t)
        } else {
            self.b.const_value(v.bits())
        };
        Entry { r, v: v.clone() }
    }

    /// The bool a conditional jump tests.
    fn truth(&mut self, e: &Entry) -> Step<(Ref, bool)> {
        let ty = self.b.trace().type_of(e.r);
        if ty == Type::Bool || e.v.is_bool() {
            let r = if ty == Type::Bool {
                e.r
            } else {
                self.b.guard_type(e.r, TypeTag::Bool);
                self.b.emit(Op::UnboxBool, &[e.r])
            };
            return Ok((r, e.v.as_bool() == Some(true)));
        }
        if ty == Type::I64 || e.v.is_small_int() {
            let i = self.as_int(e)?;
            let zero = self.b.const_int(0);
            let r = self.b.emit(Op::NeInt, &[i, zero]);
            return Ok((r, e.v.as_small_int() != Some(0)));
        }
        if ty == Type::F64 || e.v.is_immediate_float() {
            let f = self.as_float(e)?;
            let zero = self.b.const_float(0.0);
            let r = self.b.emit(Op::NeFloat, &[f, zero]);
            return Ok((r, e.v.as_immediate_float() != Some(0.0)));
        }
        if let Some(truth) = self.seq_truth(e)? {
            return Ok(truth);
        }
        Err(AbortReason::UnsupportedTypes("truth test"))
    }

    fn pin_globals(&mut self) -> Step<()> {
        if !self.pinned_globals {
            let version = dict_version(&self.globals).ok_or(AbortReason::GlobalsChanged)?;
            self.deps.push(Dep::DictVersion {
                dict: self.globals.clone(),
                version,
            });
            self.pinned_globals = true;
        }
        Ok(())
    }

    /// A global or builtin name: a home for globals, a folded constant for builtins.
    fn load_global(&mut self, name: &Value) -> Step<Entry> {
        if self.calls.foreign_globals() {
            return self.foreign_global(name);
        }
        self.pin_globals()?;
        if let Some((index, value)) = dict_find(&self.globals, name) {
            let k = self.global_home(index);
            return self.load_home(k, value);
        }
        let (index, value) = dict_find(&self.builtins, name).ok_or(AbortReason::GlobalsChanged)?;
        if !self.pinned_builtins {
            let version = dict_version(&self.builtins).ok_or(AbortReason::GlobalsChanged)?;
            self.deps.push(Dep::DictVersion {
                dict: self.builtins.clone(),
                version,
            });
            self.pinned_builtins = true;
        }
        self.deps.push(Dep::DictValue {
            dict: self.builtins.clone(),
            index,
            value: value.clone(),
        });
        Ok(self.constant(&value))
    }

    fn store_global(&mut self, name: &Value) -> Step<()> {
        if self.calls.foreign_globals() {
            return Err(AbortReason::CallShape);
        }
        self.pin_globals()?;
        let (index, _) = dict_find(&self.globals, name).ok_or(AbortReason::GlobalsChanged)?;
        let k = self.global_home(index);
        let e = self.pop()?;
        self.store_home(k, e)
    }

    /// Records the instruction at `pc`; returns the next pc, or `None` at the back-edge.
    fn step(&mut self, pc: usize, header: usize) -> Step<Option<usize>> {
        let code_value = self.code.clone();
        let code = code_value.as_code().ok_or(AbortReason::FrameShape)?;
        let unit = |i: usize| code.units.get(i).map(Cell::get);
        let mut next = pc;
        let (mut byte, mut arg) = split_unit(unit(next).ok_or(AbortReason::FrameShape)?);
        next += 1;
        while byte == Opcode::EXTENDED_ARG as u8 {
            let (b, a) = split_unit(unit(next).ok_or(AbortReason::FrameShape)?);
            byte = b;
            arg = (arg << 8) | a;
            next += 1;
        }
        let op = Opcode::from_u8(byte).ok_or(AbortReason::FrameShape)?;
        next += op.caches();
        let start = next - 1 - op.caches();
        self.snapshot(pc);
        if let Some(target) = self.unroll_step(op, arg, next)? {
            return Ok(Some(target));
        }
        if let Some(call) = self.inner_loop_at(pc, op, arg, next, header) {
            // Leave with the state before this instruction; the VM runs the inner loop.
            self.b.exit();
            self.loop_call = Some(call);
            return Ok(None);
        }
        match op.generic() {
            Opcode::NOP | Opcode::CACHE | Opcode::RESUME | Opcode::COPY_FREE_VARS => {}
            Opcode::LOAD_FAST if self.calls.inlined() => {
                let e = self.virtual_local(arg as usize)?;
                self.push(e);
            }
            Opcode::STORE_FAST if self.calls.inlined() => {
                let e = self.pop()?;
                self.set_virtual_local(arg as usize, e)?;
            }
            Opcode::LOAD_DEREF if self.calls.inlined() => {
                let e = self.load_deref(arg as usize)?;
                self.push(e);
            }
            Opcode::CALL_KW => {
                return match self.inline_call(arg as usize, start, next, true)? {
                    Some(target) => Ok(Some(target)),
                    None => Err(AbortReason::UnsupportedOpcode("CALL_KW")),
                };
            }
            Opcode::JUMP_BACKWARD | Opcode::FOR_ITER if self.calls.inlined() => {
                return Err(AbortReason::InnerLoop);
            }
            Opcode::RETURN_VALUE | Opcode::RETURN_CONST if self.ends_function() => {
                return self.function_return();
            }
            Opcode::RETURN_VALUE | Opcode::RETURN_CONST => {
                return self.return_from_inlined(op, arg).map(Some);
            }
            Opcode::POP_TOP => {
                let e = self.pop()?;
                self.popped(&e);
            }
            Opcode::PUSH_NULL => {
                let r = self.b.const_value(0);
                self.push(Entry { r, v: Value::NULL });
            }
            Opcode::COPY => {
                let e = self
                    .stack
                    .len()
                    .checked_sub(arg as usize)
                    .and_then(|i| self.stack.get(i))
                    .cloned()
                    .ok_or(AbortReason::FrameShape)?;
                self.push(e);
            }
            Opcode::SWAP => {
                let len = self.stack.len();
                let other = len
                    .checked_sub(arg as usize)
                    .ok_or(AbortReason::FrameShape)?;
                self.stack.swap(len - 1, other);
            }
            Opcode::LOAD_CONST => {
                let v = code
                    .consts
                    .get(arg as usize)
                    .ok_or(AbortReason::FrameShape)?;
                let e = self.constant(v);
                self.push(e);
            }
            Opcode::LOAD_FAST => {
                let slot = arg as usize;
                let k = self.frame_home(slot);
                let e = match self.known.get(&k) {
                    Some(e) => e.clone(),
                    None => self.load_frame_slot(slot)?,
                };
                if e.v.is_null() {
                    return Err(AbortReason::UnboundLocal);
                }
                self.push(e);
            }
            Opcode::STORE_FAST => {
                let k = self.frame_home(arg as usize);
                let e = self.pop()?;
                self.store_home(k, e)?;
            }
            Opcode::LOAD_GLOBAL => {
                let name = code
                    .names
                    .get((arg >> 1) as usize)
                    .ok_or(AbortReason::FrameShape)?;
                let e = self.load_global(name)?;
                self.push(e);
                if arg & 1 != 0 {
                    let r = self.b.const_value(0);
                    self.push(Entry { r, v: Value::NULL });
                }
            }
            Opcode::LOAD_NAME => {
                let name = code
                    .names
                    .get(arg as usize)
                    .ok_or(AbortReason::FrameShape)?;
                let e = self.load_global(name)?;
                self.push(e);
            }
            Opcode::STORE_NAME | Opcode::STORE_GLOBAL => {
                let name = code
                    .names
                    .get(arg as usize)
                    .ok_or(AbortReason::FrameShape)?;
                self.store_global(name)?;
            }
            Opcode::BINARY_OP => {
                let bop = BinaryOp::from_arg(arg).ok_or(AbortReason::FrameShape)?;
                if let Some(target) = self.user_binary(bop, start, next)? {
                    return Ok(Some(target));
                }
                let rhs = self.pop()?;
                let lhs = self.pop()?;
                let e = self.binary(bop, &lhs, &rhs)?;
                self.push(e);
            }
            Opcode::COMPARE_OP => {
                let cop = CompareOp::from_arg(arg).ok_or(AbortReason::FrameShape)?;
                if let Some(target) = self.user_compare(cop, start, next)? {
                    return Ok(Some(target));
                }
                let rhs = self.pop()?;
                let lhs = self.pop()?;
                let e = self.compare(cop, &lhs, &rhs)?;
                self.push(e);
            }
            Opcode::UNARY_NOT => {
                let e = self.pop()?;
                let (r, t) = self.truth(&e)?;
                let r = self.b.emit(Op::NotBool, &[r]);
                let e = self.bool_entry(r, !t);
                self.push(e);
            }
            Opcode::UNARY_NEGATIVE => {
                let e = self.pop()?;
                if let Some(i) = e.v.as_small_int() {
                    let x = self.as_int(&e)?;
                    let r = self.b.emit(Op::NegIntOvf, &[x]);
                    let e = self.int_entry(r, i.checked_neg())?;
                    self.push(e);
                } else if let Some(f) = e.v.as_immediate_float() {
                    let x = self.as_float(&e)?;
                    let r = self.b.emit(Op::NegFloat, &[x]);
                    let e = self.float_entry(r, -f)?;
                    self.push(e);
                } else {
                    return Err(AbortReason::UnsupportedTypes("unary -"));
                }
            }
            Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE => {
                let e = self.pop()?;
                let (r, t) = self.truth(&e)?;
                if t {
                    self.b.guard_true(r);
                } else {
                    self.b.guard_false(r);
                }
                if t == (op == Opcode::POP_JUMP_IF_TRUE) {
                    return Ok(Some(next + arg as usize));
                }
            }
            Opcode::POP_JUMP_IF_NONE | Opcode::POP_JUMP_IF_NOT_NONE => {
                if self.jump_if_none(op == Opcode::POP_JUMP_IF_NONE)? {
                    return Ok(Some(next + arg as usize));
                }
            }
            Opcode::IS_OP => self.is_op(arg == 1)?,
            Opcode::JUMP_FORWARD => return Ok(Some(next + arg as usize)),
            Opcode::JUMP_BACKWARD => {
                let target = next.checked_sub(arg as usize);
                if target == Some(header) {
                    self.escape_carried()?;
                    return Ok(None);
                }
                if target.is_some_and(|t| self.unrolled_header(t)) {
                    return Ok(target);
                }
                return Err(AbortReason::InnerLoop);
            }
            Opcode::FOR_ITER => {
                if pc != header {
                    return Err(AbortReason::InnerLoop);
                }
                let it = self.stack.last().cloned().ok_or(AbortReason::FrameShape)?;
                let it_slot = self.nlocals + self.stack.len() - 1;
                if let Some(e) = self.for_iter_inline(&it.v, it_slot)? {
                    self.push(e);
                    return Ok(Some(next));
                }
                let item = peek(&it.v).ok_or(AbortReason::LeftLoop)?;
                if let Some((n, stop, step)) = range_state(&it.v) {
                    let it_slot = self.nlocals + self.stack.len() - 1;
                    let e = self.for_range(it_slot, n, stop, step)?;
                    self.push(e);
                    return Ok(Some(next));
                }
                let peek_helper = self.b.helper(
                    names::ITER_PEEK,
                    &[Type::Value],
                    Type::Value,
                    Effect::MayRaise,
                );
                let word = self.b.call(peek_helper, &[it.r]);
                let null = self.b.const_value(0);
                self.b.emit(Op::GuardNe, &[word, null]);
                let advance = self.b.helper(
                    names::ITER_ADVANCE,
                    &[Type::Value],
                    Type::Void,
                    Effect::MayRaise,
                );
                self.b.call(advance, &[it.r]);
                let tag = tag_of(&item).ok_or(AbortReason::UnsupportedTypes("FOR_ITER"))?;
                self.push(Entry { r: word, v: item });
                // The item is now on the stack: its guard leaves after FOR_ITER.
                self.snapshot(next);
                self.b.guard_type(word, tag);
            }
            Opcode::BINARY_SUBSCR => {
                let index = self.pop()?;
                let seq = self.pop()?;
                let e = match self.subscript_seq(&seq, &index)? {
                    Some(e) => e,
                    None => match self.dict_subscript(&seq, &index)? {
                        Some(e) => e,
                        None => self.subscript(&seq, &index)?,
                    },
                };
                self.push(e);
            }
            Opcode::STORE_SUBSCR => {
                if !self.store_subscr_dict()? {
                    self.store_subscr()?;
                }
            }
            Opcode::LIST_APPEND => self.list_append_op(arg as usize)?,
            Opcode::BUILD_TUPLE => self.build_tuple(arg as usize)?,
            Opcode::BUILD_LIST => self.build_list(arg as usize)?,
            Opcode::UNPACK_SEQUENCE => self.unpack_sequence(arg as usize)?,
            Opcode::CONTAINS_OP => {
                let e = match self.contains_dict(arg == 1)? {
                    Some(e) => e,
                    None => self.contains(arg == 1)?,
                };
                self.push(e);
            }
            Opcode::LOAD_ATTR
                if arg & 1 != 0
                    && self
                        .load_list_method(
                            code.names.get((arg >> 1) as usize).unwrap_or(&Value::NULL),
                        )?
                        .is_some() => {}
            Opcode::CALL => {
                if self.wants_residual(arg as usize) {
                    self.residual_call(arg as usize, start, next)?;
                    return Ok(None);
                }
                if self.call_list_pop(arg as usize, next)? {
                    return Ok(Some(next));
                }
                let init = self.instantiate(arg as usize)?;
                if let Some(target) = self.inline_call(arg as usize, start, next, false)? {
                    self.entered_init(init)?;
                    return Ok(Some(target));
                }
                if init.is_some() {
                    return Err(AbortReason::CallShape);
                }
                let e = match self.builtin_call(arg as usize)? {
                    Some(e) => e,
                    None => self.call(arg as usize)?,
                };
                self.push(e);
            }
            Opcode::LOAD_ATTR => {
                if !self.load_attr_special(op, start, arg)? {
                    let e = self.load_attr(op, start, arg)?;
                    self.push(e);
                }
            }
            Opcode::STORE_ATTR => self.store_attr(op, start, arg)?,
            _ => return Err(AbortReason::UnsupportedOpcode(op.generic().name())),
        }
        Ok(Some(next))
    }

    /// The exact `list`/`tuple` type of a concrete value, if it has one.
    fn seq_type(&self, v: &Value) -> Option<u64> {
        let obj = v.as_object()?;
        let bits = obj.type_bits();
        let types = &self.vm.types;
        [&types.list, &types.tuple]
            .into_iter()
            .find(|t| t.bits() == bits)
            .map(Value::bits)
    }

    fn subscript(&mut self, seq: &Entry, index: &Entry) -> Step<Entry> {
        let ty = self
            .seq_type(&seq.v)
            .ok_or(AbortReason::UnsupportedTypes("subscript"))?;
        let i = index
            .v
            .as_small_int()
            .ok_or(AbortReason::UnsupportedTypes("subscript"))?;
        let item = match seq.v.payload() {
            Some(Payload::List(l)) => {
                let l = l.try_borrow().map_err(|_| AbortReason::FrameShape)?;
                let at = if i < 0 { i + l.len() as i64 } else { i };
                usize::try_from(at).ok().and_then(|at| l.get(at).cloned())
            }
            Some(Payload::Tuple(t)) => {
                let at = if i < 0 { i + t.len() as i64 } else { i };
                usize::try_from(at).ok().and_then(|at| t.get(at).cloned())
            }
            _ => None,
        };
        // Out of range: the interpreter raises IndexError.
        let item = item.ok_or(AbortReason::UnsupportedTypes("subscript out of range"))?;
        let tag = tag_of(&item).ok_or(AbortReason::UnsupportedTypes("subscript"))?;
        let idx = self.as_int(index)?;
        let helper = self.b.helper(
            names::SEQ_ITEM,
            &[Type::Value, Type::I64, Type::Value],
            Type::Value,
            Effect::MayRaise,
        );
        let type_const = self.b.const_value(ty);
        let word = self.b.call(helper, &[seq.r, idx, type_const]);
        let null = self.b.const_value(0);
        self.b.emit(Op::GuardNe, &[word, null]);
        self.b.guard_type(word, tag);
        Ok(Entry { r: word, v: item })
    }

    /// The specialized form and cache an attribute instruction applies to `obj`: its own
    /// inline cache, or for a polymorphic one the entry matching the observed shape.
    pub(super) fn attr_cache_for(
        &self,
        op: Opcode,
        at: usize,
        obj: &Value,
        name: usize,
    ) -> Step<(Opcode, crate::interp::attr_cache::AttrCache)> {
        if op != Opcode::LOAD_ATTR_POLY && op != Opcode::STORE_ATTR_POLY {
            return self.attr_form_for(op, at, obj, name);
        }
        let code = self.code.as_code().ok_or(AbortReason::FrameShape)?;
        let name = code.names.get(name).ok_or(AbortReason::FrameShape)?;
        let entry = crate::interp::poly_cache::matching_entry(code, &code.units, at, obj, name)
            .ok_or(AbortReason::UnsupportedTypes("attribute"))?;
        Ok((entry.op, entry.cache))
    }

    /// The value word of an entry (boxing an unboxed int, float or bool; a box that does
    /// not fit in a word leaves the trace).
    fn boxed(&mut self, e: &Entry) -> Step<Ref> {
        Ok(match self.b.trace().type_of(e.r) {
            Type::Value => e.r,
            Type::I64 => self.b.emit(Op::BoxInt, &[e.r]),
            Type::F64 => self.b.emit(Op::BoxFloat, &[e.r]),
            Type::Bool => self.b.emit(Op::BoxBool, &[e.r]),
            _ => return Err(AbortReason::UnsupportedTypes("attribute store")),
        })
    }

    /// `CALL argc`: only `len(list_or_tuple)` of the builtin `len`.
    fn call(&mut self, argc: usize) -> Step<Entry> {
        if let Some(e) = self.call_list_append(argc)? {
            return Ok(e);
        }
        if argc != 1 || self.stack.len() < 3 {
            return Err(AbortReason::UnsupportedOpcode("CALL"));
        }
        let arg = self.pop()?;
        let self_or_null = self.pop()?;
        let callee = self.pop()?;
        // The real builtin `len` (whatever `builtins.len` is bound to now), folded to a
        // constant whose binding the trace's dependencies pin.
        let is_len = matches!(
            callee.v.payload(),
            Some(Payload::BuiltinFunction(f)) if f.name == "len" && f.receiver.is(&self.vm.builtins)
        ) && self.b.trace().const_value(callee.r).is_some();
        if !is_len || !self_or_null.v.is_null() {
            return Err(AbortReason::UnsupportedOpcode("CALL"));
        }
        if let Some(e) = self.len_inline(&arg)? {
            return Ok(e);
        }
        // `len` of an exact str or dict: a helper that checks the type again.
        let types = &self.vm.types;
        let ty = arg
            .v
            .as_object()
            .map(|o| o.type_bits())
            .filter(|&bits| bits == types.str_.bits() || bits == types.dict.bits())
            .ok_or(AbortReason::UnsupportedTypes("len()"))?;
        let len = match arg.v.payload() {
            Some(Payload::Str(s)) => Some(s.char_len()),
            Some(Payload::Dict(d)) => d.try_borrow().map(|d| d.len()).ok(),
            _ => None,
        }
        .ok_or(AbortReason::UnsupportedTypes("len()"))?;
        let helper = self.b.helper(
            names::SEQ_LEN,
            &[Type::Value, Type::Value],
            Type::I64,
            Effect::MayRaise,
        );
        let type_const = self.b.const_value(ty);
        let r = self.b.call(helper, &[arg.r, type_const]);
        let zero = self.b.const_int(0);
        let ok = self.b.emit(Op::GeInt, &[r, zero]);
        self.b.guard_true(ok);
        self.int_entry(r, Some(len as i64))
    }
}

/// The position, stop and step of a range iterator.
pub(crate) fn range_state(it: &Value) -> Option<(i64, i64, i64)> {
    let Some(Payload::Iterator(state)) = it.payload() else {
        return None;
    };
    match &*state.try_borrow().ok()? {
        IterState::Range { next, stop, step } => Some((*next, *stop, *step)),
        _ => None,
    }
}

/// The next item of a range/list/tuple iterator without advancing it.
fn peek(it: &Value) -> Option<Value> {
    let Some(Payload::Iterator(state)) = it.payload() else {
        return None;
    };
    let state = state.try_borrow().ok()?;
    match &*state {
        IterState::Range { next, stop, step } => {
            let more = if *step > 0 { next < stop } else { next > stop };
            if more {
                Value::try_small_int(*next)
            } else {
                None
            }
        }
        IterState::Seq { seq, index } => match seq.payload() {
            Some(Payload::List(l)) => l.try_borrow().ok()?.get(*index).cloned(),
            Some(Payload::Tuple(t)) => t.get(*index).cloned(),
            _ => None,
        },
        _ => None,
    }
}

/// The version (key-set identity) of a dict.
pub(crate) fn dict_version(dict: &Value) -> Option<u64> {
    dict.as_dict()?.try_borrow().ok().map(|t| t.version())
}

/// The entry index and value of a str key.
pub(crate) fn dict_find(dict: &Value, name: &Value) -> Option<(usize, Value)> {
    let text = name.as_str()?;
    let hash = crate::runtime::hashing::pystr_hash(name.as_pystr()?);
    let table = dict.as_dict()?.try_borrow().ok()?;
    let index = table.find_str(hash, text)?;
    Some((index, table.entry(index)?.value.clone()))
}
