//! The trace container: instructions in SSA order, interned constants, snapshots and the
//! helpers the trace calls.
//!
//! A [`Ref`] names either an instruction (its index; prints as `v12`) or a constant (the
//! top bit set; the printer writes the literal). Instructions only use values defined
//! before them, except the second operand of a `phi`, which is defined later in the loop
//! body (the value carried over the back-edge).

use std::collections::HashMap;
use std::fmt;

use crate::op::{ImmKind, Op, OpFlags};
use crate::snapshot::{Snapshot, SnapshotId};
use crate::types::{Const, Type, TypeTag};

/// An IR value: an instruction result or an interned constant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Ref(u32);

const CONST_BIT: u32 = 1 << 31;

impl Ref {
    /// The result of instruction number `index`.
    pub const fn inst(index: usize) -> Ref {
        Ref(index as u32)
    }

    /// Constant number `index` of the trace's constant table.
    pub const fn constant(index: usize) -> Ref {
        Ref(index as u32 | CONST_BIT)
    }

    /// Whether this names a constant.
    pub const fn is_const(self) -> bool {
        self.0 & CONST_BIT != 0
    }

    /// The instruction index or constant index.
    pub const fn index(self) -> usize {
        (self.0 & !CONST_BIT) as usize
    }
}

/// `v12` for instructions, `k3` for constants (the printer writes constants as literals).
impl fmt::Display for Ref {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_const() {
            write!(f, "k{}", self.index())
        } else {
            write!(f, "v{}", self.index())
        }
    }
}

/// Index of a helper declared in a trace ([`Trace::helpers`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct HelperId(pub u32);

/// What a helper may do, which decides how the trace must surround the call.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Effect {
    /// No side effect and cannot fail (`len`, `math` functions on checked inputs): equal
    /// calls are one, unused calls are dead, no snapshot needed.
    Pure,
    /// May raise or write memory but never runs Python code: needs a snapshot to leave
    /// through when it raises.
    MayRaise,
    /// May run arbitrary Python code (and so inspect or force frames): the trace flushes its
    /// state to the snapshot before the call and guards `guard_not_forced` after it.
    MayCall,
}

impl Effect {
    /// The name in the text format.
    pub const fn name(self) -> &'static str {
        match self {
            Effect::Pure => "pure",
            Effect::MayRaise => "may_raise",
            Effect::MayCall => "may_call",
        }
    }

    /// Parses a name printed by [`Effect::name`].
    pub fn from_name(name: &str) -> Option<Effect> {
        [Effect::Pure, Effect::MayRaise, Effect::MayCall]
            .into_iter()
            .find(|e| e.name() == name)
    }
}

/// A function a trace calls, declared once per trace. The backend finds its address by name.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Helper {
    /// The name (the VM's and the backend's key; printed as `@name`).
    pub name: String,
    /// Parameter types.
    pub params: Vec<Type>,
    /// Result type (`Void` for none).
    pub ret: Type,
    /// What the call may do.
    pub effect: Effect,
}

/// The immediate operand of an instruction; which variant an op takes is in its table row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Imm {
    /// None.
    None,
    /// A frame slot.
    Slot(u32),
    /// A byte offset.
    Offset(i32),
    /// A type tag.
    Tag(TypeTag),
    /// A helper.
    Helper(HelperId),
}

impl Imm {
    /// The kind of this immediate.
    pub const fn kind(self) -> ImmKind {
        match self {
            Imm::None => ImmKind::None,
            Imm::Slot(_) => ImmKind::Slot,
            Imm::Offset(_) => ImmKind::Offset,
            Imm::Tag(_) => ImmKind::Tag,
            Imm::Helper(_) => ImmKind::Helper,
        }
    }
}

/// One instruction.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Inst {
    /// The operation.
    pub op: Op,
    /// The result type (`Void` for none).
    pub ty: Type,
    /// The operands.
    pub args: Vec<Ref>,
    /// The immediate.
    pub imm: Imm,
    /// The snapshot a guard leaves through (and a `jump`'s write-back, if any).
    pub snapshot: Option<SnapshotId>,
}

impl Inst {
    /// An instruction without snapshot.
    pub fn new(op: Op, ty: Type, args: Vec<Ref>, imm: Imm) -> Inst {
        Inst {
            op,
            ty,
            args,
            imm,
            snapshot: None,
        }
    }
}

/// A recorded and possibly optimized trace.
#[derive(Clone, Debug, Default)]
pub struct Trace {
    /// Instructions in execution order; `Ref::inst(i)` is `insts[i]`'s result.
    pub insts: Vec<Inst>,
    /// Snapshots in position order; exit `k` is `snapshots[k]`.
    pub snapshots: Vec<Snapshot>,
    /// Helpers called by `call` instructions.
    pub helpers: Vec<Helper>,
    /// What a side trace knows about the raw integers its parent's exit left in homes:
    /// `(home, lo, hi)`, the interval the parent's range analysis proved at that exit. A
    /// `load_slot` of an `i64` home before any store to it lies in it (`passes::range`).
    pub entry_ranges: Vec<(u32, i64, i64)>,
    consts: Vec<Const>,
    const_index: HashMap<Const, Ref>,
}

impl Trace {
    /// An empty trace.
    pub fn new() -> Trace {
        Trace::default()
    }

    /// A trace with the same constants and helpers but no instructions or snapshots, so
    /// that every `Ref` to a constant means the same in both (passes rebuild into one).
    pub fn empty_like(&self) -> Trace {
        Trace {
            insts: Vec::new(),
            snapshots: Vec::new(),
            helpers: self.helpers.clone(),
            entry_ranges: self.entry_ranges.clone(),
            consts: self.consts.clone(),
            const_index: self.const_index.clone(),
        }
    }

    /// The interned constant `value`.
    pub fn constant(&mut self, value: Const) -> Ref {
        if let Some(&r) = self.const_index.get(&value) {
            return r;
        }
        let r = Ref::constant(self.consts.len());
        self.consts.push(value);
        self.const_index.insert(value, r);
        r
    }

    /// The constant behind `r`, if `r` is one.
    pub fn const_value(&self, r: Ref) -> Option<Const> {
        if r.is_const() {
            self.consts.get(r.index()).copied()
        } else {
            None
        }
    }

    /// The instruction behind `r`, if `r` is one.
    pub fn inst(&self, r: Ref) -> Option<&Inst> {
        if r.is_const() {
            None
        } else {
            self.insts.get(r.index())
        }
    }

    /// The op of the instruction behind `r`, if `r` is one.
    pub fn op_of(&self, r: Ref) -> Option<Op> {
        self.inst(r).map(|inst| inst.op)
    }

    /// The type of `r` (`Void` for a dangling ref, which the verifier reports).
    pub fn type_of(&self, r: Ref) -> Type {
        if r.is_const() {
            self.const_value(r).map_or(Type::Void, Const::ty)
        } else {
            self.inst(r).map_or(Type::Void, |inst| inst.ty)
        }
    }

    /// The declared helper.
    pub fn helper(&self, id: HelperId) -> Option<&Helper> {
        self.helpers.get(id.0 as usize)
    }

    /// Declares a helper, or finds the one already declared with that name.
    pub fn declare_helper(&mut self, helper: Helper) -> HelperId {
        if let Some(i) = self.helpers.iter().position(|h| h.name == helper.name) {
            return HelperId(i as u32);
        }
        self.helpers.push(helper);
        HelperId(self.helpers.len() as u32 - 1)
    }

    /// The helper effect of a `call`, `None` for other instructions.
    pub fn effect_of(&self, inst: &Inst) -> Option<Effect> {
        match (inst.op, inst.imm) {
            (Op::Call, Imm::Helper(id)) => self.helper(id).map(|h| h.effect),
            _ => None,
        }
    }

    /// Whether the instruction may leave the trace (and so needs a snapshot).
    pub fn is_guard(&self, inst: &Inst) -> bool {
        inst.op.is_guard()
            || self
                .effect_of(inst)
                .is_some_and(|effect| effect != Effect::Pure)
    }

    /// Whether two equal instructions are one value (CSE may merge them).
    pub fn is_pure(&self, inst: &Inst) -> bool {
        inst.op.flags().contains(OpFlags::PURE) || self.effect_of(inst) == Some(Effect::Pure)
    }

    /// Whether the instruction may be deleted when nothing uses its result.
    pub fn is_removable(&self, inst: &Inst) -> bool {
        let flags = inst.op.flags();
        if self.is_guard(inst) && !flags.contains(OpFlags::REPR_GUARD) {
            return false;
        }
        self.is_pure(inst)
            || flags.contains(OpFlags::LOAD)
            || flags.contains(OpFlags::ALLOC)
            || inst.op == Op::Phi
    }

    /// Whether the instruction may write memory the trace reads (stores and impure calls).
    pub fn writes_memory(&self, inst: &Inst) -> bool {
        inst.op.flags().contains(OpFlags::STORE)
            || self
                .effect_of(inst)
                .is_some_and(|effect| effect != Effect::Pure)
    }

    /// The index of the `loop` instruction, if the trace has one.
    pub fn loop_index(&self) -> Option<usize> {
        self.insts.iter().position(|inst| inst.op == Op::Loop)
    }

    /// The snapshot `id`.
    pub fn snapshot(&self, id: SnapshotId) -> Option<&Snapshot> {
        self.snapshots.get(id.index())
    }

    /// The number of constants.
    pub fn const_count(&self) -> usize {
        self.consts.len()
    }
}
