//! `TraceBuilder`: how the recorder (and the passes that re-emit code) write IR.
//!
//! Every instruction goes through three steps as it is emitted, as in LuaJIT's recorder:
//! 1. **type check** against the op table (a mistake is remembered and reported by
//!    [`TraceBuilder::finish`], so the recorder never panics and simply aborts the trace);
//! 2. **fold** ([`crate::fold`]): constant folding and algebraic simplification;
//! 3. **CSE**: a pure instruction (guards included) equal to an earlier one is that one, a
//!    load finds an earlier load or store of the same place unless a store or call that may
//!    write it lies in between.
//!
//! Guards leave through the *current snapshot*, set by [`TraceBuilder::snapshot`]: take a
//! snapshot at each bytecode instruction that may exit, before emitting its guards. A
//! snapshot nobody used yet is replaced by the next one, so exits stay densely numbered.
//!
//! ```
//! use pyrite_ir::{Op, TraceBuilder, TypeTag};
//! let mut b = TraceBuilder::new();
//! let x = b.load_slot(0);
//! b.snapshot(4, 0, &[]);
//! b.guard_type(x, TypeTag::Int);
//! let xi = b.emit(Op::UnboxInt, &[x]);
//! let one = b.const_int(1);
//! let y = b.emit(Op::AddIntOvf, &[xi, one]);
//! let boxed = b.emit(Op::BoxInt, &[y]);
//! b.close_loop(0, 0, &[(0, boxed)]);
//! let trace = b.finish().expect("well typed");
//! assert!(trace.to_string().contains("add_int_ovf v2, 1"));
//! ```

use std::collections::HashMap;
use std::fmt;

use crate::fold::{Fold, fold};
use crate::op::{ImmKind, Op, OpFlags, ResultKind};
use crate::snapshot::{SnapFrame, SnapValue, Snapshot, SnapshotId};
use crate::trace::{Effect, Helper, HelperId, Imm, Inst, Ref, Trace};
use crate::types::{Const, Type, TypeTag};

/// A mistake in the IR a builder was asked to emit (a recorder or pass bug).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildError(pub String);

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BuildError {}

/// The value returned for instructions that produce no value or were folded away.
pub const NO_VALUE: Ref = Ref::constant(0x7FFF_FFFF);

/// What makes two pure instructions the same value.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct CseKey {
    op: Op,
    ty: Type,
    args: Vec<Ref>,
    imm: Imm,
}

/// Builds a [`Trace`] instruction by instruction with folding and CSE on the fly.
#[derive(Debug, Default)]
pub struct TraceBuilder {
    trace: Trace,
    cse: HashMap<CseKey, Ref>,
    current_snapshot: Option<SnapshotId>,
    snapshot_used: bool,
    cse_loads_across_loop: bool,
    error: Option<BuildError>,
}

impl TraceBuilder {
    /// A builder for a new, empty trace.
    pub fn new() -> TraceBuilder {
        TraceBuilder::default()
    }

    /// A builder that appends to `trace`, with its pure instructions available to CSE.
    pub fn from_trace(trace: Trace) -> TraceBuilder {
        let mut builder = TraceBuilder {
            trace,
            ..TraceBuilder::default()
        };
        for (i, inst) in builder.trace.insts.iter().enumerate() {
            if builder.trace.is_pure(inst) {
                builder.cse.insert(key_of(inst), Ref::inst(i));
            }
        }
        builder.current_snapshot = builder
            .trace
            .snapshots
            .len()
            .checked_sub(1)
            .map(|i| SnapshotId(i as u32));
        builder.snapshot_used = true;
        builder
    }

    /// The trace built so far.
    pub fn trace(&self) -> &Trace {
        &self.trace
    }

    /// The trace, or the first mistake made while building it.
    pub fn finish(self) -> Result<Trace, BuildError> {
        match self.error {
            Some(error) => Err(error),
            None => Ok(self.trace),
        }
    }

    fn fail(&mut self, message: String) -> Ref {
        if self.error.is_none() {
            self.error = Some(BuildError(message));
        }
        NO_VALUE
    }

    // ---- constants and helpers ----

    /// The interned constant.
    pub fn constant(&mut self, value: Const) -> Ref {
        self.trace.constant(value)
    }

    /// An `i64` constant.
    pub fn const_int(&mut self, value: i64) -> Ref {
        self.constant(Const::Int(value))
    }

    /// An `f64` constant.
    pub fn const_float(&mut self, value: f64) -> Ref {
        self.constant(Const::float(value))
    }

    /// A `bool` constant.
    pub fn const_bool(&mut self, value: bool) -> Ref {
        self.constant(Const::Bool(value))
    }

    /// A value-word constant (an immediate, or an object the trace keeps alive).
    pub fn const_value(&mut self, word: u64) -> Ref {
        self.constant(Const::Value(word))
    }

    /// A raw-address constant.
    pub fn const_ptr(&mut self, address: u64) -> Ref {
        self.constant(Const::Ptr(address))
    }

    /// Declares a helper (once per name) for [`TraceBuilder::call`].
    pub fn helper(&mut self, name: &str, params: &[Type], ret: Type, effect: Effect) -> HelperId {
        self.trace.declare_helper(Helper {
            name: name.to_owned(),
            params: params.to_vec(),
            ret,
            effect,
        })
    }

    // ---- snapshots ----

    /// Takes a snapshot of the root frame only: resume at `pc` with the value stack
    /// `stack_depth` deep, `slots` listing each slot changed since trace entry. Guards
    /// emitted from now on leave through it.
    pub fn snapshot(&mut self, pc: u32, stack_depth: u32, slots: &[(u32, Ref)]) -> SnapshotId {
        let frame = SnapFrame {
            function: None,
            pc,
            stack_depth,
            slots: slots.iter().map(|&(s, r)| (s, SnapValue::Ref(r))).collect(),
        };
        self.snapshot_frames(vec![frame])
    }

    /// Takes a snapshot with inlined frames (root first). Slots are sorted by the builder.
    pub fn snapshot_frames(&mut self, mut frames: Vec<SnapFrame>) -> SnapshotId {
        for frame in &mut frames {
            frame.slots.sort_by_key(|&(slot, _)| slot);
        }
        let snapshot = Snapshot {
            position: self.trace.insts.len() as u32,
            frames,
            virtuals: Vec::new(),
        };
        match self.current_snapshot {
            // Nobody leaves through the last snapshot yet: replace it.
            Some(id) if !self.snapshot_used && id.index() + 1 == self.trace.snapshots.len() => {
                self.trace.snapshots[id.index()] = snapshot;
            }
            _ => {
                self.trace.snapshots.push(snapshot);
                self.current_snapshot = Some(SnapshotId(self.trace.snapshots.len() as u32 - 1));
            }
        }
        self.snapshot_used = false;
        self.current_snapshot.unwrap_or(SnapshotId(0))
    }

    /// Lets load CSE look past the `loop` marker (for loop peeling only: sound while the
    /// loop body is being emitted by copying the pre-roll, as LuaJIT's LOOP argues).
    pub fn set_cse_loads_across_loop(&mut self, allow: bool) {
        self.cse_loads_across_loop = allow;
    }

    /// Makes `id` the snapshot later guards use (passes re-emitting code need this).
    pub fn set_snapshot(&mut self, id: SnapshotId) {
        self.current_snapshot = Some(id);
        self.snapshot_used = true;
    }

    /// The snapshot later guards use, to edit (the recorder describes its virtual objects
    /// there).
    pub fn current_snapshot_mut(&mut self) -> Option<&mut Snapshot> {
        let id = self.current_snapshot?;
        self.trace.snapshots.get_mut(id.index())
    }

    /// Appends a complete snapshot as is (for passes); it becomes the current one.
    pub fn push_snapshot(&mut self, mut snapshot: Snapshot) -> SnapshotId {
        snapshot.position = self.trace.insts.len() as u32;
        self.trace.snapshots.push(snapshot);
        let id = SnapshotId(self.trace.snapshots.len() as u32 - 1);
        self.set_snapshot(id);
        id
    }

    // ---- emitting ----

    /// Emits an op whose result type is fixed by the table and that has no immediate:
    /// `b.emit(Op::AddIntOvf, &[a, c])`. Returns the value (possibly an earlier or folded
    /// one), or [`NO_VALUE`] for ops without a result.
    pub fn emit(&mut self, op: Op, args: &[Ref]) -> Ref {
        let ty = match op.info().result {
            ResultKind::Fixed(ty) => ty,
            ResultKind::SameAsFirst => args.first().map_or(Type::Void, |&a| self.trace.type_of(a)),
            ResultKind::Given => return self.fail(format!("{op} needs a result type")),
        };
        self.emit_inst(Inst::new(op, ty, args.to_vec(), Imm::None))
    }

    /// Emits any instruction (type checked, folded, CSE'd); a guard gets the current
    /// snapshot unless it already has one.
    pub fn emit_inst(&mut self, mut inst: Inst) -> Ref {
        if let Err(message) = check(&self.trace, &inst) {
            return self.fail(message);
        }
        inst = match fold(&mut self.trace, inst) {
            Fold::Emit(inst) => inst,
            Fold::Value(r) => return r,
            Fold::Drop => return NO_VALUE,
        };
        if let Some(r) = self.find_equal(&inst) {
            return if inst.ty == Type::Void { NO_VALUE } else { r };
        }
        self.append(inst)
    }

    /// Appends `inst` without folding, CSE or type check (its snapshot is attached if it is
    /// a guard): for passes, which verify their result.
    pub(crate) fn append(&mut self, mut inst: Inst) -> Ref {
        if self.trace.is_guard(&inst) && inst.snapshot.is_none() {
            match self.current_snapshot {
                Some(id) => inst.snapshot = Some(id),
                None => return self.fail(format!("{} emitted before any snapshot", inst.op)),
            }
        }
        if inst.snapshot.is_some() {
            self.snapshot_used = true;
        }
        let r = Ref::inst(self.trace.insts.len());
        if self.trace.is_pure(&inst) {
            self.cse.insert(key_of(&inst), r);
        }
        let is_void = inst.ty == Type::Void;
        self.trace.insts.push(inst);
        if is_void { NO_VALUE } else { r }
    }

    /// An earlier instruction computing the same value, if CSE may reuse it.
    fn find_equal(&self, inst: &Inst) -> Option<Ref> {
        if self.trace.is_pure(inst) {
            return self.cse.get(&key_of(inst)).copied();
        }
        if !inst.op.flags().contains(OpFlags::LOAD) {
            return None;
        }
        // Walk back to the nearest load or store of the same place, stopping at anything
        // that may write it.
        for (i, earlier) in self.trace.insts.iter().enumerate().rev() {
            // Stores later in the loop body run before the next iteration's load, and
            // they are not visible from here: only loop peeling, which emits the body as
            // it copies it, may look past `loop`.
            if earlier.op == Op::Loop && !self.cse_loads_across_loop {
                return None;
            }
            match may_alias(inst, earlier) {
                Alias::Same if earlier.op == inst.op && earlier.ty == inst.ty => {
                    return Some(Ref::inst(i));
                }
                // Store-to-load forwarding: the load sees the stored value.
                Alias::Same if earlier.op.flags().contains(OpFlags::STORE) => {
                    let stored = *earlier.args.last()?;
                    return (self.trace.type_of(stored) == inst.ty).then_some(stored);
                }
                // Another load changes nothing, wherever it reads.
                Alias::May if !earlier.op.flags().contains(OpFlags::STORE) => {}
                Alias::Same | Alias::May => return None,
                // Helpers write objects; only one that may run Python code may write the
                // slot array (the trace's own frame, through `f_locals`).
                Alias::No
                    if self.trace.writes_memory(earlier)
                        && earlier.op == Op::Call
                        && (inst.op != Op::LoadSlot
                            || self.trace.effect_of(earlier) == Some(Effect::MayCall)) =>
                {
                    return None;
                }
                Alias::No => {}
            }
        }
        None
    }

    // ---- one method per op with an immediate or a chosen type ----

    /// Loads a root-frame slot.
    pub fn load_slot(&mut self, slot: u32) -> Ref {
        self.load_slot_typed(slot, Type::Value)
    }

    /// Loads a root-frame slot that holds a value of type `ty` (a side trace's entry: the
    /// parent's exit left its snapshot values there unboxed).
    pub fn load_slot_typed(&mut self, slot: u32, ty: Type) -> Ref {
        self.emit_inst(Inst::new(Op::LoadSlot, ty, vec![], Imm::Slot(slot)))
    }

    /// Stores a value word into a root-frame slot (or a raw number into a slot the VM reads
    /// raw, like a range iterator's position).
    pub fn store_slot(&mut self, slot: u32, value: Ref) {
        self.emit_inst(Inst::new(
            Op::StoreSlot,
            Type::Void,
            vec![value],
            Imm::Slot(slot),
        ));
    }

    /// Guards that a value word has a tag.
    pub fn guard_type(&mut self, value: Ref, tag: TypeTag) {
        self.emit_inst(Inst::new(
            Op::GuardType,
            Type::Void,
            vec![value],
            Imm::Tag(tag),
        ));
    }

    /// Guards that a bool is true.
    pub fn guard_true(&mut self, cond: Ref) {
        self.emit(Op::GuardTrue, &[cond]);
    }

    /// Guards that a bool is false.
    pub fn guard_false(&mut self, cond: Ref) {
        self.emit(Op::GuardFalse, &[cond]);
    }

    /// Guards that two words are equal (a map, version or callee check).
    pub fn guard_eq(&mut self, a: Ref, b: Ref) {
        self.emit(Op::GuardEq, &[a, b]);
    }

    /// Loads a `ty` at `base + offset`.
    pub fn load(&mut self, ty: Type, base: Ref, offset: i32) -> Ref {
        self.emit_inst(Inst::new(Op::Load, ty, vec![base], Imm::Offset(offset)))
    }

    /// Stores `value` at `base + offset`.
    pub fn store(&mut self, base: Ref, offset: i32, value: Ref) {
        self.emit_inst(Inst::new(
            Op::Store,
            Type::Void,
            vec![base, value],
            Imm::Offset(offset),
        ));
    }

    /// Loads a `ty` at `base + offset + 8 * index`.
    pub fn load_elem(&mut self, ty: Type, base: Ref, index: Ref, offset: i32) -> Ref {
        self.emit_inst(Inst::new(
            Op::LoadElem,
            ty,
            vec![base, index],
            Imm::Offset(offset),
        ))
    }

    /// Stores `value` at `base + offset + 8 * index`.
    pub fn store_elem(&mut self, base: Ref, index: Ref, offset: i32, value: Ref) {
        let inst = Inst::new(
            Op::StoreElem,
            Type::Void,
            vec![base, index, value],
            Imm::Offset(offset),
        );
        self.emit_inst(inst);
    }

    /// Loads a `ty` from an instance attribute slot at `values + offset`.
    pub fn load_attr(&mut self, ty: Type, values: Ref, offset: i32) -> Ref {
        self.emit_inst(Inst::new(
            Op::LoadAttr,
            ty,
            vec![values],
            Imm::Offset(offset),
        ))
    }

    /// Stores `value` into an instance attribute slot at `values + offset`.
    pub fn store_attr(&mut self, values: Ref, offset: i32, value: Ref) {
        self.emit_inst(Inst::new(
            Op::StoreAttr,
            Type::Void,
            vec![values, value],
            Imm::Offset(offset),
        ));
    }

    /// Calls a declared helper.
    pub fn call(&mut self, helper: HelperId, args: &[Ref]) -> Ref {
        let Some(ret) = self.trace.helper(helper).map(|h| h.ret) else {
            return self.fail(format!("call of undeclared helper {}", helper.0));
        };
        self.emit_inst(Inst::new(Op::Call, ret, args.to_vec(), Imm::Helper(helper)))
    }

    /// Allocates a tuple of `items`.
    pub fn new_tuple(&mut self, items: &[Ref]) -> Ref {
        self.emit(Op::NewTuple, items)
    }

    /// Emits the `loop` marker (separating pre-roll and loop body).
    pub fn loop_marker(&mut self) {
        self.append(Inst::new(Op::Loop, Type::Void, vec![], Imm::None));
    }

    /// Closes a recorded loop: snapshot the slots changed during the iteration (to be written
    /// back before starting the next one at `pc`) and emit the back-edge `jump`.
    pub fn close_loop(&mut self, pc: u32, stack_depth: u32, slots: &[(u32, Ref)]) {
        let id = self.snapshot(pc, stack_depth, slots);
        let mut jump = Inst::new(Op::Jump, Type::Void, vec![], Imm::None);
        jump.snapshot = Some(id);
        self.append(jump);
    }

    /// Ends a side trace: the state at the loop header (`slots` to write back) and a link
    /// to the root trace.
    pub fn link(&mut self, pc: u32, stack_depth: u32, slots: &[(u32, Ref)]) {
        let id = self.snapshot(pc, stack_depth, slots);
        let mut link = Inst::new(Op::Link, Type::Void, vec![], Imm::None);
        link.snapshot = Some(id);
        self.append(link);
    }

    /// Leaves the trace unconditionally through the current snapshot.
    pub fn exit(&mut self) {
        self.append(Inst::new(Op::Exit, Type::Void, vec![], Imm::None));
    }
}

fn key_of(inst: &Inst) -> CseKey {
    CseKey {
        op: inst.op,
        ty: inst.ty,
        args: inst.args.clone(),
        imm: inst.imm,
    }
}

/// Checks operand count, operand types and the immediate against the op table.
pub(crate) fn check(trace: &Trace, inst: &Inst) -> Result<(), String> {
    let info = inst.op.info();
    let fixed = info.operands.len();
    let count_ok = match info.variadic {
        Some(_) => inst.args.len() >= fixed,
        None => inst.args.len() == fixed,
    };
    if !count_ok {
        return Err(format!(
            "{} takes {fixed} operands, got {}",
            inst.op,
            inst.args.len()
        ));
    }
    let first = inst.args.first().map_or(Type::Void, |&a| trace.type_of(a));
    for (i, &arg) in inst.args.iter().enumerate() {
        let kind = info.operands.get(i).copied().or(info.variadic);
        let ty = trace.type_of(arg);
        if let Some(kind) = kind
            && !kind.accepts(ty, first)
        {
            return Err(format!(
                "{}: operand {i} ({arg}) has type {ty}, wanted {kind}",
                inst.op
            ));
        }
    }
    // A phi may name its home (`phi a, b, [k]`): a kept phi, see `Op::Phi`.
    let kept_phi = inst.op == Op::Phi && matches!(inst.imm, Imm::Slot(_));
    if inst.imm.kind() != info.imm && !kept_phi {
        return Err(format!("{}: wrong immediate {:?}", inst.op, inst.imm));
    }
    if let Imm::Helper(id) = inst.imm {
        let Some(helper) = trace.helper(id) else {
            return Err(format!("call of undeclared helper {}", id.0));
        };
        let types: Vec<Type> = inst.args.iter().map(|&a| trace.type_of(a)).collect();
        if types != helper.params {
            return Err(format!(
                "call @{}: argument types {types:?}, wanted {:?}",
                helper.name, helper.params
            ));
        }
        if inst.ty != helper.ret {
            return Err(format!(
                "call @{}: result type {}, wanted {}",
                helper.name, inst.ty, helper.ret
            ));
        }
    }
    let expected = match info.result {
        ResultKind::Fixed(ty) => Some(ty),
        ResultKind::SameAsFirst => Some(first),
        ResultKind::Given => None,
    };
    match expected {
        Some(ty) if ty != inst.ty => {
            Err(format!("{}: result type {}, wanted {ty}", inst.op, inst.ty))
        }
        None if inst.ty == Type::Void && info.imm != ImmKind::Helper => {
            Err(format!("{}: needs a result type", inst.op))
        }
        _ => Ok(()),
    }
}

/// Whether two memory operations may touch the same place.
enum Alias {
    /// Certainly the same place.
    Same,
    /// Perhaps.
    May,
    /// Never (or `earlier` does not touch memory).
    No,
}

/// Frame slots, object fields (`load`/`store`), item arrays (`load_elem`/`store_elem`) and
/// instance attribute slots (`load_attr`/`store_attr`) are disjoint kinds of memory: the VM never reaches one through another. Within a kind,
/// different offsets (or slots) never overlap; equal offsets on different bases may.
fn may_alias(load: &Inst, earlier: &Inst) -> Alias {
    use Op::*;
    let same_kind = matches!(
        (load.op, earlier.op),
        (LoadSlot, LoadSlot | StoreSlot)
            | (Load, Load | Store)
            | (LoadElem, LoadElem | StoreElem)
            | (LoadAttr, LoadAttr | StoreAttr)
    );
    if !same_kind || load.imm != earlier.imm {
        return Alias::No;
    }
    let places = match load.op {
        LoadSlot => 0,
        Load | LoadAttr => 1,
        _ => 2,
    };
    if load.args[..places] == earlier.args[..places] {
        Alias::Same
    } else {
        Alias::May
    }
}
