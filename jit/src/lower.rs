//! Lowering: one IR trace becomes one Cranelift function.
//!
//! ```text
//! entry:   slots = ctx.slots; interrupt = ctx.interrupt
//! header:  ... recorded instructions; each guard: brif ok, next, exit_sK(values...)
//!          [loop: jump body(phi inputs)]  body(phis): ... jump body(phi back-edge values)
//!          unpeeled `jump !sK`: box sK's values into the slot array, jump header
//! exit_sK (cold): store each snapshot value unboxed into slots[slot] (the fields of
//!          virtual objects into ctx.virtuals[i], for the VM to rebuild them);
//!          return_call_indirect exit_slots[K](ctx, K)
//! ```
//!
//! Exit blocks take the snapshot's values as block parameters, so one block serves every
//! guard leaving through the snapshot without dominance questions. The eval-breaker byte is
//! polled by the first guard of each loop iteration, which then leaves through its own
//! snapshot (any guard may leave at any time without changing the program's meaning).
//! Ops the backend does not support yet are reported as a [`CompileError`] and the VM
//! aborts the trace: lowering never guesses.

use std::collections::HashMap;

use cranelift_codegen::ir::{
    AbiParam, Block, BlockArg, Function, InstBuilder, MemFlagsData, Signature, UserFuncName,
    condcodes::{FloatCC, IntCC},
    types,
};
use cranelift_codegen::isa::CallConv;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use pyrite_ir::abi;
use pyrite_ir::passes::range::{BoxCheck, LoweringFacts, lowering_facts};
use pyrite_ir::{Const, Effect, Imm, Op, Ref, SnapValue, SnapshotId, Trace, Type, TypeTag};

use crate::body_entry::{BodyEntry, BodyLink, PhiFrom};
use crate::compiler::{CompileError, HelperTable};
use crate::context::{
    BODY_ENTRY_OFFSET, BODY_OFFSET, ERROR_OFFSET, INTERRUPT_OFFSET, SLOTS_OFFSET, STRESS_OFFSET,
    TRANSFER_WORDS, VIRTUAL_WORDS, VIRTUALS_OFFSET,
};

/// What the lowering needs besides the trace.
pub struct LowerParams<'a> {
    /// Helper addresses by name.
    pub helpers: &'a HelperTable,
    /// Address of the trace's exit-slot array (one word per snapshot).
    pub exit_slots: u64,
    /// Fail every Nth guard on purpose (stress testing) when true.
    pub stress: bool,
    /// The calling convention of helpers (the platform's C convention).
    pub helper_call_conv: CallConv,
    /// The target's pointer type and layout facts.
    pub frontend: cranelift_codegen::isa::TargetFrontendConfig,
    /// Added to snapshot numbers to make the exit numbers the VM receives (a side trace's
    /// exits are told apart from its root's by this).
    pub exit_base: u32,
    /// For a side trace, the address of its root trace, which its `link` tail-calls; the
    /// side trace then has the exit-stub signature, so an exit slot can point at it.
    pub link_to: Option<u64>,
    /// The trace is entered by the VM (through the trampoline) even though it links: a
    /// continuation after an inner loop keeps the root signature `fn(ctx) -> u32`.
    pub entered_by_vm: bool,
    /// A root that side traces may enter at its loop body (see [`crate::body_entry`]).
    pub body_entry: Option<&'a BodyEntry>,
    /// A side trace whose link enters its root's loop body.
    pub body_link: Option<&'a BodyLink>,
    /// A member of a function tree: its self-call sites and return exits (see
    /// [`crate::native_call`]).
    pub native: Option<&'a crate::native_call::NativeCall>,
}

/// The Cranelift type of an IR type (`None` for `void`).
pub(crate) fn machine_type(ty: Type) -> Option<types::Type> {
    match ty {
        Type::Void => None,
        Type::I64 | Type::Value | Type::Ptr => Some(types::I64),
        Type::F64 => Some(types::F64),
        Type::Bool => Some(types::I8),
    }
}

/// The signature of every trace function and exit stub: `fn(ctx) -> u32` / `fn(ctx, k) -> u32`.
pub fn trace_signature() -> Signature {
    let mut sig = Signature::new(CallConv::Tail);
    sig.params.push(AbiParam::new(types::I64));
    sig.returns.push(AbiParam::new(types::I32));
    sig
}

/// The signature of the exit stubs behind `exit_slots`.
pub fn exit_signature() -> Signature {
    let mut sig = Signature::new(CallConv::Tail);
    sig.params.push(AbiParam::new(types::I64));
    sig.params.push(AbiParam::new(types::I32));
    sig.returns.push(AbiParam::new(types::I32));
    sig
}

pub(crate) fn flags() -> MemFlagsData {
    MemFlagsData::trusted()
}

/// Where an exit stores one value.
#[derive(Clone, Copy, Debug)]
pub(crate) enum ExitDest {
    /// A home in the slot array.
    Slot(u32),
    /// A word of the context's `virtuals` (a field of a virtual object).
    Virtual(u32),
}

pub(crate) struct Lowering<'a, 'b, 'c> {
    pub(crate) trace: &'a Trace,
    /// Integer range facts (`box_int` without a check, unsigned `%` and `//`).
    facts: LoweringFacts,
    pub(crate) params: &'a LowerParams<'a>,
    /// The function being built (shared by the traces compiled into one function).
    pub(crate) b: &'c mut FunctionBuilder<'b>,
    pub(crate) ctx: cranelift_codegen::ir::Value,
    pub(crate) slots: cranelift_codegen::ir::Value,
    pub(crate) interrupt: cranelift_codegen::ir::Value,
    pub(crate) values: Vec<Option<cranelift_codegen::ir::Value>>,
    exits: HashMap<SnapshotId, Block>,
    /// Exit blocks that return to the VM directly instead of through the exit slot: the
    /// eval-breaker poll and stress failures must reach the interpreter, not a side trace
    /// that would link straight back into the loop.
    direct_exits: HashMap<SnapshotId, Block>,
    /// Whether the eval-breaker poll still has to be attached to a guard in this iteration.
    pub(crate) poll_pending: bool,
    /// The snapshot of the last helper call with side effects: a guard leaving through it
    /// resumes *before* that call, which is only right when the call itself failed (without
    /// effect), so neither the poll nor a stress failure may take it.
    committed: Option<SnapshotId>,
    /// The block a body entry starts in (roots with a [`BodyEntry`] only).
    body_in: Option<Block>,
    /// The root's loop header (the pre-roll), where an unpeeled back-edge jumps (and an
    /// inlined side trace's link to the pre-roll).
    pub(crate) header: Block,
    /// Side traces compiled into this function (see [`crate::tree`]).
    pub(crate) inline: crate::tree::InlineState<'a>,
}

/// Lowers `trace` into a new function named `trace#id`.
pub fn lower(trace: &Trace, id: u32, params: &LowerParams) -> Result<Function, CompileError> {
    lower_tree(trace, id, params, &[]).map(|(func, _)| func)
}

/// Lowers root `trace` into a new function named `trace#id`, with the side traces `sides`
/// (attached to its body exits) compiled into the same function; also returns the exit
/// bases of the side traces that were.
pub(crate) fn lower_tree(
    trace: &Trace,
    id: u32,
    params: &LowerParams,
    sides: &[crate::tree::InlinedSide],
) -> Result<(Function, crate::tree::TreeStats), CompileError> {
    let signature = if params.link_to.is_some() && !params.entered_by_vm {
        exit_signature()
    } else {
        trace_signature()
    };
    let mut func = Function::with_name_signature(UserFuncName::user(0, id), signature);
    let mut fctx = FunctionBuilderContext::new();
    let mut b = FunctionBuilder::new(&mut func, &mut fctx);
    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    b.switch_to_block(entry);
    let ctx = b.block_params(entry)[0];
    let slots = b.ins().load(types::I64, flags(), ctx, SLOTS_OFFSET);
    let interrupt = b.ins().load(types::I64, flags(), ctx, INTERRUPT_OFFSET);
    let header = b.create_block();
    let body_in = match params.body_entry {
        Some(_) => {
            let body_in = b.create_block();
            let flag = b.ins().load(types::I64, flags(), ctx, BODY_ENTRY_OFFSET);
            b.ins().brif(flag, body_in, &[], header, &[]);
            Some(body_in)
        }
        None => {
            b.ins().jump(header, &[]);
            None
        }
    };
    b.switch_to_block(header);
    let inline = crate::tree::InlineState::root(sides);
    let mut lowering = side_lowering(
        trace,
        params,
        &mut b,
        (ctx, slots, interrupt),
        header,
        inline,
    );
    lowering.body_in = body_in;
    lowering.body(header)?;
    lowering.exit_blocks()?;
    let stats = std::mem::take(&mut lowering.inline.stats);
    b.seal_all_blocks();
    b.finalize(params.frontend);
    Ok((func, stats))
}

/// A lowering of `trace` into the function `b` is building, starting in the current
/// block (see [`crate::tree`]); `header` is the root's loop header. The root's own
/// lowering is one too, with its body-entry block set afterwards.
pub(crate) fn side_lowering<'a, 'b, 'c>(
    trace: &'a Trace,
    params: &'a LowerParams<'a>,
    b: &'c mut FunctionBuilder<'b>,
    (ctx, slots, interrupt): (
        cranelift_codegen::ir::Value,
        cranelift_codegen::ir::Value,
        cranelift_codegen::ir::Value,
    ),
    header: Block,
    inline: crate::tree::InlineState<'a>,
) -> Lowering<'a, 'b, 'c> {
    Lowering {
        trace,
        facts: lowering_facts(trace),
        params,
        b,
        ctx,
        slots,
        interrupt,
        values: vec![None; trace.insts.len()],
        exits: HashMap::new(),
        direct_exits: HashMap::new(),
        poll_pending: true,
        committed: None,
        body_in: None,
        header,
        inline,
    }
}

impl Lowering<'_, '_, '_> {
    pub(crate) fn unsupported(&self, what: &str) -> CompileError {
        CompileError(format!("backend: {what} is not supported yet"))
    }

    /// The machine value of an operand, materializing constants in the current block.
    pub(crate) fn operand(&mut self, r: Ref) -> Result<cranelift_codegen::ir::Value, CompileError> {
        if let Some(c) = self.trace.const_value(r) {
            return Ok(match c {
                Const::Int(v) => self.b.ins().iconst(types::I64, v),
                Const::Float(bits) => self.b.ins().f64const(f64::from_bits(bits)),
                Const::Bool(v) => self.b.ins().iconst(types::I8, i64::from(v)),
                Const::Value(w) | Const::Ptr(w) => self.b.ins().iconst(types::I64, w as i64),
            });
        }
        if let Some(v) = self.values.get(r.index()).copied().flatten() {
            return Ok(v);
        }
        match self.inline.pinned_home(r) {
            // A pinned home's word never changes: loading it again anywhere is the same.
            Some(slot) => Ok(self
                .b
                .ins()
                .load(types::I64, flags(), self.slots, slot as i32 * 8)),
            None => Err(CompileError(format!("backend: {r} used before definition"))),
        }
    }

    fn arg(&mut self, inst: usize, n: usize) -> Result<cranelift_codegen::ir::Value, CompileError> {
        let r = *self.trace.insts[inst]
            .args
            .get(n)
            .ok_or_else(|| CompileError(format!("backend: v{inst} lacks operand {n}")))?;
        self.operand(r)
    }

    /// Where each value an exit stores goes, in exit-block parameter order: the frames'
    /// slots (root first, in slot order; inlined frames' slots are numbered in the same slot
    /// array as the root's), then the fields of the snapshot's virtual objects, numbered in
    /// order into the context's `virtuals` words (the VM rebuilds the objects from them in
    /// the same order).
    pub(crate) fn exit_values(
        &self,
        snap: SnapshotId,
    ) -> Result<Vec<(ExitDest, Ref)>, CompileError> {
        let snapshot = self
            .trace
            .snapshot(snap)
            .ok_or_else(|| CompileError(format!("backend: missing snapshot {snap}")))?;
        let mut out: Vec<(ExitDest, Ref)> = snapshot
            .frames
            .iter()
            .flat_map(|f| &f.slots)
            .filter_map(|&(slot, value)| value.as_ref().map(|r| (ExitDest::Slot(slot), r)))
            .collect();
        let fields = snapshot.virtuals.iter().flat_map(|v| &v.fields);
        for (word, r) in fields.filter_map(SnapValue::as_ref).enumerate() {
            if word >= VIRTUAL_WORDS {
                return Err(self.unsupported("a snapshot with this many virtual fields"));
            }
            out.push((ExitDest::Virtual(word as u32), r));
        }
        Ok(out)
    }

    /// The snapshot's values as exit-block arguments (see [`Self::exit_values`]), constants
    /// left out: the exit block makes them itself ([`Self::exit_params`]), so the hot path
    /// does not materialize a constant per exit it passes.
    fn snapshot_args(&mut self, snap: SnapshotId) -> Result<Vec<BlockArg>, CompileError> {
        let mut args = Vec::new();
        for (_, r) in self.exit_values(snap)? {
            if !r.is_const() {
                args.push(BlockArg::Value(self.operand(r)?));
            }
        }
        Ok(args)
    }

    /// Appends an exit-like block's parameters: one per non-constant value of `values`.
    pub(crate) fn append_exit_params(
        &mut self,
        block: Block,
        values: &[(ExitDest, Ref)],
    ) -> Result<(), CompileError> {
        for &(_, r) in values.iter().filter(|(_, r)| !r.is_const()) {
            let ty = machine_type(self.trace.type_of(r))
                .ok_or_else(|| self.unsupported("a void snapshot value"))?;
            self.b.append_block_param(block, ty);
        }
        Ok(())
    }

    /// In an exit-like `block` (the current one): each of `values` as a machine value, the
    /// block's parameters for the non-constant ones and constants made here.
    pub(crate) fn exit_params(
        &mut self,
        block: Block,
        values: &[(ExitDest, Ref)],
    ) -> Result<Vec<cranelift_codegen::ir::Value>, CompileError> {
        let mut params = self.b.block_params(block).to_vec().into_iter();
        values
            .iter()
            .map(|&(_, r)| match r.is_const() {
                true => self.operand(r),
                false => params
                    .next()
                    .ok_or_else(|| CompileError("backend: exit block lacks a parameter".into())),
            })
            .collect()
    }

    fn exit_block(&mut self, snap: SnapshotId) -> Result<Block, CompileError> {
        self.exit_block_of(snap, false)
    }

    fn exit_block_of(&mut self, snap: SnapshotId, direct: bool) -> Result<Block, CompileError> {
        if !direct && let Some(block) = self.inline_entry(snap)? {
            return Ok(block);
        }
        let map = if direct {
            &self.direct_exits
        } else {
            &self.exits
        };
        if let Some(&block) = map.get(&snap) {
            return Ok(block);
        }
        let values = self.exit_values(snap)?;
        let block = self.b.create_block();
        self.b.set_cold_block(block);
        self.append_exit_params(block, &values)?;
        if direct {
            self.direct_exits.insert(snap, block);
        } else {
            self.exits.insert(snap, block);
        }
        Ok(block)
    }

    /// Leaves through `snap` unless `ok` (an `i8`, nonzero = pass) holds.
    fn guard(
        &mut self,
        ok: cranelift_codegen::ir::Value,
        snap: Option<SnapshotId>,
    ) -> Result<(), CompileError> {
        let mut leave: Option<cranelift_codegen::ir::Value> = None;
        if snap.is_some() && snap == self.committed {
            return self.branch_to_exit(ok, snap);
        }
        if self.poll_pending {
            self.poll_pending = false;
            // An atomic load: Cranelift would otherwise treat a plain load in a loop that
            // stores nothing as redundant and read the flag once, before the loop.
            let flag = self.b.ins().atomic_load(types::I8, flags(), self.interrupt);
            leave = Some(self.b.ins().icmp_imm_s(IntCC::NotEqual, flag, 0));
        }
        if self.params.stress {
            let count = self
                .b
                .ins()
                .load(types::I64, flags(), self.ctx, STRESS_OFFSET);
            let next = self.b.ins().iadd_imm_s(count, -1);
            self.b.ins().store(flags(), next, self.ctx, STRESS_OFFSET);
            let dead = self
                .b
                .ins()
                .icmp_imm_s(IntCC::SignedLessThanOrEqual, next, 0);
            leave = Some(match leave {
                Some(l) => self.b.ins().bor(l, dead),
                None => dead,
            });
        }
        if let Some(leave) = leave {
            let snap =
                snap.ok_or_else(|| CompileError("backend: guard without snapshot".into()))?;
            let args = self.snapshot_args(snap)?;
            let direct = self.exit_block_of(snap, true)?;
            let cont = self.b.create_block();
            self.b.ins().brif(leave, direct, &args, cont, &[]);
            self.b.switch_to_block(cont);
        }
        self.branch_to_exit(ok, snap)
    }

    /// Leaves through `snap` unless `ok` holds: no poll, no stress failure.
    pub(crate) fn branch_to_exit(
        &mut self,
        ok: cranelift_codegen::ir::Value,
        snap: Option<SnapshotId>,
    ) -> Result<(), CompileError> {
        let snap = snap.ok_or_else(|| CompileError("backend: guard without snapshot".into()))?;
        let args = self.snapshot_args(snap)?;
        let exit = self.exit_block(snap)?;
        let cont = self.b.create_block();
        self.b.ins().brif(ok, cont, &[], exit, &args);
        self.b.switch_to_block(cont);
        Ok(())
    }

    fn int_cc(op: Op) -> Option<IntCC> {
        Some(match op {
            Op::LtInt => IntCC::SignedLessThan,
            Op::LeInt => IntCC::SignedLessThanOrEqual,
            Op::GtInt => IntCC::SignedGreaterThan,
            Op::GeInt => IntCC::SignedGreaterThanOrEqual,
            Op::EqInt => IntCC::Equal,
            Op::NeInt => IntCC::NotEqual,
            _ => return None,
        })
    }

    /// For `x % d == 0` and `x % d != 0` (instruction `i`) with a constant divisor, whether
    /// the remainder is zero, tested without dividing ([`crate::divisible`]); the
    /// `mod_int` itself is left to dead code elimination when nothing else uses it.
    fn remainder_is_zero(
        &mut self,
        i: usize,
    ) -> Result<Option<cranelift_codegen::ir::Value>, CompileError> {
        let trace = self.trace;
        let Some(inst) = trace.insts.get(i) else {
            return Ok(None);
        };
        let [a, c] = inst.args[..] else {
            return Ok(None);
        };
        if !matches!(inst.op, Op::EqInt | Op::NeInt) {
            return Ok(None);
        }
        let zero = |r: Ref| matches!(trace.const_value(r), Some(Const::Int(0)));
        let rem = match (zero(a), zero(c)) {
            (false, true) => a,
            (true, false) => c,
            _ => return Ok(None),
        };
        let Some(def) = trace.inst(rem).filter(|d| d.op == Op::ModInt) else {
            return Ok(None);
        };
        let [x, divisor] = def.args[..] else {
            return Ok(None);
        };
        let Some(Const::Int(d)) = trace.const_value(divisor) else {
            return Ok(None);
        };
        let x = self.operand(x)?;
        Ok(crate::divisible::multiple_of(self.b, x, d))
    }

    fn float_cc(op: Op) -> Option<FloatCC> {
        // Python's float comparisons: ordered, except `!=`, which is true for NaN.
        Some(match op {
            Op::LtFloat => FloatCC::LessThan,
            Op::LeFloat => FloatCC::LessThanOrEqual,
            Op::GtFloat => FloatCC::GreaterThan,
            Op::GeFloat => FloatCC::GreaterThanOrEqual,
            Op::EqFloat => FloatCC::Equal,
            Op::NeFloat => FloatCC::NotEqual,
            _ => return None,
        })
    }

    /// Whether a value word has `tag`, as an `i8`.
    fn has_tag(
        &mut self,
        word: cranelift_codegen::ir::Value,
        tag: TypeTag,
    ) -> cranelift_codegen::ir::Value {
        let ins = self.b.ins();
        match tag {
            TypeTag::Int => {
                ins.icmp_imm_s(IntCC::UnsignedGreaterThanOrEqual, word, abi::INT_TAG as i64)
            }
            TypeTag::Float => {
                let shifted = ins.iadd_imm_s(word, (abi::DOUBLE_OFFSET as i64).wrapping_neg());
                self.b.ins().icmp_imm_s(
                    IntCC::UnsignedLessThan,
                    shifted,
                    (abi::INT_TAG - abi::DOUBLE_OFFSET) as i64,
                )
            }
            TypeTag::Bool => {
                let shifted = ins.iadd_imm_s(word, -(abi::IMM_FALSE as i64));
                self.b
                    .ins()
                    .icmp_imm_s(IntCC::UnsignedLessThanOrEqual, shifted, 1)
            }
            TypeTag::None => ins.icmp_imm_s(IntCC::Equal, word, abi::IMM_NONE as i64),
            TypeTag::Object => {
                let shifted = ins.iadd_imm_s(word, -((abi::IMM_MAX + 1) as i64));
                self.b.ins().icmp_imm_s(
                    IntCC::UnsignedLessThan,
                    shifted,
                    (abi::DOUBLE_OFFSET - (abi::IMM_MAX + 1)) as i64,
                )
            }
        }
    }

    pub(crate) fn body(&mut self, header: Block) -> Result<(), CompileError> {
        let trace = self.trace;
        let mut loop_body: Option<(Block, Vec<usize>)> = None;
        for (i, inst) in trace.insts.iter().enumerate() {
            if self.params.body_entry.is_some_and(|e| e.save_at == i) {
                self.save_pre_roll_values()?;
            }
            if self.inline.skipped(i) {
                // An inlined side trace's guard the pre-roll already passed on the same
                // pinned words, or a value only such guards use.
                self.values[i] = None;
                continue;
            }
            let result = match inst.op {
                Op::LoadSlot => {
                    let Imm::Slot(slot) = inst.imm else {
                        return Err(self.unsupported("load_slot without slot"));
                    };
                    let ty =
                        machine_type(inst.ty).ok_or_else(|| self.unsupported("a void load"))?;
                    self.inline.loaded(i, slot, inst.ty);
                    if self.inline.pinned_home(Ref::inst(i)).is_some() {
                        // Loaded where it is used, if anywhere (see `operand`).
                        self.values[i] = None;
                        continue;
                    }
                    match self.inline.substitute(slot, inst.ty) {
                        // An inlined side trace reads its parent's exit value directly.
                        Some(v) => Some(v),
                        // A bool slot holds 0 or 1 in a whole word: its low byte is the bool.
                        None => Some(self.b.ins().load(ty, flags(), self.slots, slot as i32 * 8)),
                    }
                }
                Op::StoreSlot => {
                    let Imm::Slot(slot) = inst.imm else {
                        return Err(self.unsupported("store_slot without slot"));
                    };
                    let v = self.arg(i, 0)?;
                    self.b.ins().store(flags(), v, self.slots, slot as i32 * 8);
                    self.inline.stored(slot);
                    None
                }
                Op::Loop => {
                    let phis: Vec<usize> = trace.insts[i + 1..]
                        .iter()
                        .take_while(|x| x.op == Op::Phi)
                        .enumerate()
                        .map(|(k, _)| i + 1 + k)
                        .collect();
                    let body = self.b.create_block();
                    let mut entry_args = Vec::new();
                    for &p in &phis {
                        let ty = machine_type(trace.insts[p].ty)
                            .ok_or_else(|| self.unsupported("a void phi"))?;
                        let param = self.b.append_block_param(body, ty);
                        entry_args.push(BlockArg::Value(self.arg(p, 0)?));
                        self.values[p] = Some(param);
                    }
                    self.enter_body_params(body, &mut entry_args)?;
                    self.b.ins().jump(body, &entry_args);
                    self.fill_body_in(body, &phis)?;
                    self.b.switch_to_block(body);
                    self.inline_target(body, &phis)?;
                    loop_body = Some((body, phis));
                    self.poll_pending = true;
                    None
                }
                Op::Phi => {
                    if self.values[i].is_none() {
                        return Err(self.unsupported("a phi not right after loop"));
                    }
                    continue;
                }
                Op::Jump if self.inline.is_side() => {
                    return Err(self.unsupported("a loop in an inlined side trace"));
                }
                Op::Jump => {
                    // A peeled loop's jump snapshot only says which home feeds which phi.
                    if let Some(snap) = inst.snapshot
                        && loop_body.is_none()
                    {
                        self.write_back(snap)?;
                    }
                    if self.poll_pending {
                        // A loop without any guard still has to notice Ctrl-C.
                        let snap = inst
                            .snapshot
                            .ok_or_else(|| self.unsupported("a loop without guards or snapshot"))?;
                        let one = self.b.ins().iconst(types::I8, 1);
                        self.guard(one, Some(snap))?;
                    }
                    match &loop_body {
                        Some((body, phis)) => {
                            let mut args = Vec::new();
                            for &p in phis {
                                args.push(BlockArg::Value(self.arg(p, 1)?));
                            }
                            for &r in self.params.body_entry.map_or(&[][..], |e| &e.saved) {
                                args.push(BlockArg::Value(self.operand(r)?));
                            }
                            self.b.ins().jump(*body, &args);
                        }
                        None => {
                            self.b.ins().jump(header, &[]);
                        }
                    }
                    // Anything after the back-edge is unreachable.
                    let dead = self.b.create_block();
                    self.b.switch_to_block(dead);
                    self.poll_pending = true;
                    None
                }
                Op::Link => {
                    let snap = inst
                        .snapshot
                        .ok_or_else(|| self.unsupported("a link without snapshot"))?;
                    if self.inline.is_side() {
                        self.inline_link(snap)?;
                        let dead = self.b.create_block();
                        self.b.switch_to_block(dead);
                        continue;
                    }
                    let root = self
                        .params
                        .link_to
                        .ok_or_else(|| self.unsupported("a link in a root trace"))?;
                    match self.params.body_link {
                        Some(link) => self.body_link(snap, link, root)?,
                        None => self.write_back(snap)?,
                    }
                    let sig = self.b.import_signature(trace_signature());
                    let target = self.b.ins().iconst(types::I64, root as i64);
                    self.b.ins().return_call_indirect(sig, target, &[self.ctx]);
                    let dead = self.b.create_block();
                    self.b.switch_to_block(dead);
                    None
                }
                Op::Exit => {
                    let zero = self.b.ins().iconst(types::I8, 0);
                    self.guard(zero, inst.snapshot)?;
                    None
                }
                Op::AddIntOvf | Op::SubIntOvf | Op::MulIntOvf if self.facts.no_overflow[i] => {
                    // A checked box later in the trace bounds the operands (a counter
                    // stored back as an immediate): the exact result fits.
                    let (a, c) = (self.arg(i, 0)?, self.arg(i, 1)?);
                    let ins = self.b.ins();
                    Some(match inst.op {
                        Op::AddIntOvf => ins.iadd(a, c),
                        Op::SubIntOvf => ins.isub(a, c),
                        _ => ins.imul(a, c),
                    })
                }
                Op::NegIntOvf if self.facts.no_overflow[i] => {
                    let a = self.arg(i, 0)?;
                    Some(self.b.ins().ineg(a))
                }
                Op::AddIntOvf | Op::SubIntOvf | Op::MulIntOvf => {
                    let (a, c) = (self.arg(i, 0)?, self.arg(i, 1)?);
                    let (r, overflow) = match inst.op {
                        Op::AddIntOvf => self.b.ins().sadd_overflow(a, c),
                        Op::SubIntOvf => self.b.ins().ssub_overflow(a, c),
                        _ => self.b.ins().smul_overflow(a, c),
                    };
                    let ok = self.b.ins().icmp_imm_s(IntCC::Equal, overflow, 0);
                    self.guard(ok, inst.snapshot)?;
                    Some(r)
                }
                Op::NegIntOvf => {
                    let a = self.arg(i, 0)?;
                    let zero = self.b.ins().iconst(types::I64, 0);
                    let (r, overflow) = self.b.ins().ssub_overflow(zero, a);
                    let ok = self.b.ins().icmp_imm_s(IntCC::Equal, overflow, 0);
                    self.guard(ok, inst.snapshot)?;
                    Some(r)
                }
                Op::AddInt | Op::SubInt | Op::MulInt | Op::AndInt | Op::OrInt | Op::XorInt => {
                    let (a, c) = (self.arg(i, 0)?, self.arg(i, 1)?);
                    let ins = self.b.ins();
                    Some(match inst.op {
                        Op::AddInt => ins.iadd(a, c),
                        Op::SubInt => ins.isub(a, c),
                        Op::MulInt => ins.imul(a, c),
                        Op::AndInt => ins.band(a, c),
                        Op::OrInt => ins.bor(a, c),
                        _ => ins.bxor(a, c),
                    })
                }
                Op::FloorDivInt | Op::ModInt if self.facts.unsigned_div[i] => {
                    // Range analysis: dividend >= 0 and divisor > 0, so Python's floor
                    // division and remainder are the unsigned ones (no fix-up, no trap).
                    let (a, c) = (self.arg(i, 0)?, self.arg(i, 1)?);
                    Some(if inst.op == Op::ModInt {
                        self.b.ins().urem(a, c)
                    } else {
                        self.b.ins().udiv(a, c)
                    })
                }
                Op::FloorDivInt => {
                    let (a, c) = (self.arg(i, 0)?, self.arg(i, 1)?);
                    let minus_one = self.b.ins().icmp_imm_s(IntCC::Equal, c, -1);
                    let is_min = self.b.ins().icmp_imm_s(IntCC::Equal, a, i64::MIN);
                    let overflow = self.b.ins().band(minus_one, is_min);
                    let ok = self.b.ins().bxor_imm_s(overflow, 1);
                    self.guard(ok, inst.snapshot)?;
                    // Never trap: a zero divisor was guarded against, MIN / -1 just left.
                    let zero = self.b.ins().icmp_imm_s(IntCC::Equal, c, 0);
                    let bad = self.b.ins().bor(zero, overflow);
                    let one = self.b.ins().iconst(types::I64, 1);
                    let divisor = self.b.ins().select(bad, one, c);
                    let q = self.b.ins().sdiv(a, divisor);
                    let r = self.b.ins().srem(a, divisor);
                    // Round toward negative infinity when the remainder's sign differs.
                    let nonzero = self.b.ins().icmp_imm_s(IntCC::NotEqual, r, 0);
                    let signs = self.b.ins().bxor(r, divisor);
                    let differ = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, signs, 0);
                    let adjust = self.b.ins().band(nonzero, differ);
                    let lower = self.b.ins().iadd_imm_s(q, -1);
                    Some(self.b.ins().select(adjust, lower, q))
                }
                Op::ModInt => {
                    let (a, c) = (self.arg(i, 0)?, self.arg(i, 1)?);
                    // x % -1 == x % 1 == 0, and dividing by 1 cannot trap on i64::MIN.
                    let minus_one = self.b.ins().icmp_imm_s(IntCC::Equal, c, -1);
                    let one = self.b.ins().iconst(types::I64, 1);
                    let divisor = self.b.ins().select(minus_one, one, c);
                    let r = self.b.ins().srem(a, divisor);
                    // Python's remainder takes the divisor's sign.
                    let nonzero = self.b.ins().icmp_imm_s(IntCC::NotEqual, r, 0);
                    let signs = self.b.ins().bxor(r, divisor);
                    let differ = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, signs, 0);
                    let adjust = self.b.ins().band(nonzero, differ);
                    let adjusted = self.b.ins().iadd(r, divisor);
                    Some(self.b.ins().select(adjust, adjusted, r))
                }
                Op::ShrInt => {
                    let (a, c) = (self.arg(i, 0)?, self.arg(i, 1)?);
                    let big = self.b.ins().icmp_imm_s(IntCC::UnsignedGreaterThan, c, 63);
                    let max = self.b.ins().iconst(types::I64, 63);
                    let count = self.b.ins().select(big, max, c);
                    Some(self.b.ins().sshr(a, count))
                }
                op if Self::int_cc(op).is_some() => match self.remainder_is_zero(i)? {
                    Some(zero) if op == Op::EqInt => Some(zero),
                    Some(zero) => Some(self.b.ins().bxor_imm_s(zero, 1)),
                    None => {
                        let cc = Self::int_cc(op).unwrap_or(IntCC::Equal);
                        let (a, c) = (self.arg(i, 0)?, self.arg(i, 1)?);
                        Some(self.b.ins().icmp(cc, a, c))
                    }
                },
                op if Self::float_cc(op).is_some() => {
                    let cc = Self::float_cc(op).unwrap_or(FloatCC::Equal);
                    let (a, c) = (self.arg(i, 0)?, self.arg(i, 1)?);
                    Some(self.b.ins().fcmp(cc, a, c))
                }
                Op::AddFloat | Op::SubFloat | Op::MulFloat => {
                    let (a, c) = (self.arg(i, 0)?, self.arg(i, 1)?);
                    let ins = self.b.ins();
                    Some(match inst.op {
                        Op::AddFloat => ins.fadd(a, c),
                        Op::SubFloat => ins.fsub(a, c),
                        _ => ins.fmul(a, c),
                    })
                }
                Op::DivFloat => {
                    let (a, c) = (self.arg(i, 0)?, self.arg(i, 1)?);
                    let zero = self.b.ins().f64const(0.0);
                    let ok = self.b.ins().fcmp(FloatCC::NotEqual, c, zero);
                    self.guard(ok, inst.snapshot)?;
                    Some(self.b.ins().fdiv(a, c))
                }
                Op::NegFloat => {
                    let a = self.arg(i, 0)?;
                    Some(self.b.ins().fneg(a))
                }
                Op::AbsFloat => {
                    let a = self.arg(i, 0)?;
                    Some(self.b.ins().fabs(a))
                }
                Op::SqrtFloat => {
                    let a = self.arg(i, 0)?;
                    let zero = self.b.ins().f64const(0.0);
                    let negative = self.b.ins().fcmp(FloatCC::LessThan, a, zero);
                    let ok = self.b.ins().bxor_imm_s(negative, 1);
                    self.guard(ok, inst.snapshot)?;
                    Some(self.b.ins().sqrt(a))
                }
                Op::IntToFloat => {
                    let a = self.arg(i, 0)?;
                    Some(self.b.ins().fcvt_from_sint(types::F64, a))
                }
                Op::NotBool => {
                    let a = self.arg(i, 0)?;
                    Some(self.b.ins().bxor_imm_s(a, 1))
                }
                Op::BoxBool => {
                    let a = self.arg(i, 0)?;
                    let t = self.b.ins().iconst(types::I64, abi::IMM_TRUE as i64);
                    let f = self.b.ins().iconst(types::I64, abi::IMM_FALSE as i64);
                    Some(self.b.ins().select(a, t, f))
                }
                Op::UnboxInt | Op::UnboxFloat | Op::UnboxBool
                    if let Some(v) = self.inline.known_unbox(inst.args[0], inst.op) =>
                {
                    Some(v)
                }
                Op::UnboxInt => {
                    let a = self.arg(i, 0)?;
                    let up = self.b.ins().ishl_imm_s(a, 16);
                    Some(self.b.ins().sshr_imm_s(up, 16))
                }
                Op::UnboxFloat => {
                    let a = self.arg(i, 0)?;
                    let bits = self
                        .b
                        .ins()
                        .iadd_imm_s(a, (abi::DOUBLE_OFFSET as i64).wrapping_neg());
                    Some(self.b.ins().bitcast(types::F64, MemFlagsData::new(), bits))
                }
                Op::UnboxBool => {
                    let a = self.arg(i, 0)?;
                    Some(
                        self.b
                            .ins()
                            .icmp_imm_s(IntCC::Equal, a, abi::IMM_TRUE as i64),
                    )
                }
                Op::GuardType => {
                    let Imm::Tag(tag) = inst.imm else {
                        return Err(self.unsupported("guard_type without tag"));
                    };
                    if self.inline.known_type(inst.args[0], tag) {
                        // The pre-roll checked the same word's type.
                        self.values[i] = None;
                        continue;
                    }
                    let a = self.arg(i, 0)?;
                    let ok = self.has_tag(a, tag);
                    self.guard(ok, inst.snapshot)?;
                    None
                }
                Op::GuardTrue | Op::GuardFalse => {
                    let a = self.arg(i, 0)?;
                    let ok = if inst.op == Op::GuardTrue {
                        self.b.ins().icmp_imm_s(IntCC::NotEqual, a, 0)
                    } else {
                        self.b.ins().icmp_imm_s(IntCC::Equal, a, 0)
                    };
                    self.guard(ok, inst.snapshot)?;
                    None
                }
                Op::GuardEq | Op::GuardNe => {
                    let (mut a, mut c) = (self.arg(i, 0)?, self.arg(i, 1)?);
                    if self.b.func.dfg.value_type(a) == types::F64 {
                        a = self.b.ins().bitcast(types::I64, MemFlagsData::new(), a);
                        c = self.b.ins().bitcast(types::I64, MemFlagsData::new(), c);
                    }
                    let cc = if inst.op == Op::GuardEq {
                        IntCC::Equal
                    } else {
                        IntCC::NotEqual
                    };
                    let ok = self.b.ins().icmp(cc, a, c);
                    self.guard(ok, inst.snapshot)?;
                    None
                }
                Op::Load | Op::LoadElem | Op::LoadAttr => {
                    let Imm::Offset(offset) = inst.imm else {
                        return Err(self.unsupported("a load without offset"));
                    };
                    let ty =
                        machine_type(inst.ty).ok_or_else(|| self.unsupported("a void load"))?;
                    let mut base = self.arg(i, 0)?;
                    if inst.op == Op::LoadElem {
                        let index = self.arg(i, 1)?;
                        let scaled = self.b.ins().ishl_imm_s(index, 3);
                        base = self.b.ins().iadd(base, scaled);
                    }
                    Some(self.b.ins().load(ty, flags(), base, offset))
                }
                Op::Store | Op::StoreElem | Op::StoreAttr => {
                    let Imm::Offset(offset) = inst.imm else {
                        return Err(self.unsupported("a store without offset"));
                    };
                    let mut base = self.arg(i, 0)?;
                    let value = if inst.op == Op::StoreElem {
                        let index = self.arg(i, 1)?;
                        let scaled = self.b.ins().ishl_imm_s(index, 3);
                        base = self.b.ins().iadd(base, scaled);
                        self.arg(i, 2)?
                    } else {
                        self.arg(i, 1)?
                    };
                    self.b.ins().store(flags(), value, base, offset);
                    None
                }
                Op::Call => self.call(i)?,
                Op::BoxInt => {
                    // Only 48-bit ints are immediates; a wider one leaves (the exit boxes it).
                    let v = self.arg(i, 0)?;
                    let check = self.facts.box_check.get(i).copied();
                    let fits = match check.unwrap_or(BoxCheck::Both) {
                        BoxCheck::Fits => None,
                        BoxCheck::Above => Some(self.b.ins().icmp_imm_s(
                            IntCC::SignedLessThanOrEqual,
                            v,
                            abi::SMALL_INT_MAX,
                        )),
                        BoxCheck::Below => Some(self.b.ins().icmp_imm_s(
                            IntCC::SignedGreaterThanOrEqual,
                            v,
                            abi::SMALL_INT_MIN,
                        )),
                        BoxCheck::Both => {
                            let up = self.b.ins().ishl_imm_s(v, 16);
                            let back = self.b.ins().sshr_imm_s(up, 16);
                            Some(self.b.ins().icmp(IntCC::Equal, back, v))
                        }
                    };
                    if let Some(fits) = fits {
                        self.branch_to_exit(fits, inst.snapshot)?;
                    }
                    let payload = self.b.ins().band_imm_s(v, abi::INT_PAYLOAD_MASK as i64);
                    Some(self.b.ins().bor_imm_s(payload, abi::INT_TAG as i64))
                }
                Op::BoxFloat => {
                    // A NaN is always a heap float: leave and let the exit box it.
                    let v = self.arg(i, 0)?;
                    let ordered = self.b.ins().fcmp(FloatCC::Ordered, v, v);
                    self.branch_to_exit(ordered, inst.snapshot)?;
                    let bits = self.b.ins().bitcast(types::I64, MemFlagsData::new(), v);
                    Some(self.b.ins().iadd_imm_s(bits, abi::DOUBLE_OFFSET as i64))
                }
                Op::IncRef => {
                    let word = self.arg(i, 0)?;
                    crate::refcount::incref(self.b, word);
                    None
                }
                Op::DecRef => {
                    let word = self.arg(i, 0)?;
                    let release = self
                        .params
                        .helpers
                        .address(abi::RELEASE_HELPER)
                        .ok_or_else(|| self.unsupported("decref without a release helper"))?;
                    crate::refcount::decref(self.b, word, release, self.params.helper_call_conv);
                    None
                }
                Op::GuardNotForced | Op::NewTuple => {
                    return Err(self.unsupported(inst.op.name()));
                }
                other => return Err(self.unsupported(other.name())),
            };
            self.values[i] = result;
        }
        // A trace always ends in `jump` or `exit`; the block after it is unreachable.
        self.b
            .ins()
            .trap(cranelift_codegen::ir::TrapCode::unwrap_user(1));
        Ok(())
    }

    fn call(&mut self, i: usize) -> Result<Option<cranelift_codegen::ir::Value>, CompileError> {
        let trace = self.trace;
        let inst = &trace.insts[i];
        let Imm::Helper(id) = inst.imm else {
            return Err(self.unsupported("call without helper"));
        };
        let helper = trace
            .helper(id)
            .ok_or_else(|| CompileError("backend: undeclared helper".into()))?;
        if helper.effect != pyrite_ir::Effect::Pure {
            self.committed = inst.snapshot;
        }
        let address = self
            .params
            .helpers
            .address(&helper.name)
            .ok_or_else(|| CompileError(format!("backend: unknown helper @{}", helper.name)))?;
        let mut sig = Signature::new(self.params.helper_call_conv);
        for &p in &helper.params {
            let ty = machine_type(p).ok_or_else(|| self.unsupported("a void parameter"))?;
            sig.params.push(AbiParam::new(ty));
        }
        if let Some(ty) = machine_type(helper.ret) {
            sig.returns.push(AbiParam::new(ty));
        }
        let sigref = self.b.import_signature(sig);
        let mut args = Vec::new();
        for n in 0..inst.args.len() {
            args.push(self.arg(i, n)?);
        }
        let result = match self.native_site(i, &helper.name) {
            // Checks the error word itself, on the paths that went through a helper.
            Some(native) => {
                return Ok(Some(self.native_self_call(
                    native,
                    sigref,
                    address,
                    &args,
                    inst.snapshot,
                )?));
            }
            None => {
                let callee = self.b.ins().iconst(types::I64, address as i64);
                let call = self.b.ins().call_indirect(sigref, callee, &args);
                self.b.inst_results(call).first().copied()
            }
        };
        // A `may_call` helper (a residual call) flags the error word when its call did not
        // return to the trace (it raised, or the VM must finish the instruction).
        if helper.effect != Effect::Pure {
            // A helper that did its work must never be failed on purpose (the interpreter
            // would repeat its side effect), and the eval-breaker poll belongs to real guards.
            let error = self
                .b
                .ins()
                .load(types::I64, flags(), self.ctx, ERROR_OFFSET);
            let ok = self.b.ins().icmp_imm_s(IntCC::Equal, error, 0);
            self.branch_to_exit(ok, inst.snapshot)?;
        }
        Ok(result)
    }

    /// The unpeeled back-edge: box the snapshot's values into the slot array. A value that
    /// cannot be boxed without allocating (an int outside 48 bits, a NaN) leaves through the
    /// snapshot instead, and the VM boxes it.
    pub(crate) fn write_back(&mut self, snap: SnapshotId) -> Result<(), CompileError> {
        let trace = self.trace;
        let snapshot = trace
            .snapshot(snap)
            .ok_or_else(|| CompileError(format!("backend: missing snapshot {snap}")))?;
        if snapshot.frames.len() != 1 {
            return Err(self.unsupported("a back-edge with inlined frames"));
        }
        let mut homes = Vec::new();
        for &(slot, value) in &snapshot.frames[0].slots {
            let SnapValue::Ref(r) = value else {
                return Err(self.unsupported("a virtual at the back-edge"));
            };
            homes.push((slot, r));
        }
        self.box_into_slots(snap, &homes)
    }

    /// Boxes `homes` into the slot array; a value that cannot be boxed without allocating
    /// leaves through `snap` first.
    pub(crate) fn box_into_slots(
        &mut self,
        snap: SnapshotId,
        homes: &[(u32, Ref)],
    ) -> Result<(), CompileError> {
        let trace = self.trace;
        let mut ok = self.b.ins().iconst(types::I8, 1);
        let mut words = Vec::new();
        for &(slot, r) in homes {
            let v = self.operand(r)?;
            let word = match trace.type_of(r) {
                Type::Value | Type::Ptr => v,
                Type::Bool => {
                    let t = self.b.ins().iconst(types::I64, abi::IMM_TRUE as i64);
                    let f = self.b.ins().iconst(types::I64, abi::IMM_FALSE as i64);
                    self.b.ins().select(v, t, f)
                }
                Type::I64 => {
                    let up = self.b.ins().ishl_imm_s(v, 16);
                    let back = self.b.ins().sshr_imm_s(up, 16);
                    let fits = self.b.ins().icmp(IntCC::Equal, back, v);
                    ok = self.b.ins().band(ok, fits);
                    let payload = self.b.ins().band_imm_s(v, abi::INT_PAYLOAD_MASK as i64);
                    self.b.ins().bor_imm_s(payload, abi::INT_TAG as i64)
                }
                Type::F64 => {
                    let ordered = self.b.ins().fcmp(FloatCC::Ordered, v, v);
                    ok = self.b.ins().band(ok, ordered);
                    let bits = self.b.ins().bitcast(types::I64, MemFlagsData::new(), v);
                    self.b.ins().iadd_imm_s(bits, abi::DOUBLE_OFFSET as i64)
                }
                Type::Void => return Err(self.unsupported("a void snapshot value")),
            };
            words.push((slot, word));
        }
        // Boxing failures leave without the stress countdown or the poll.
        self.branch_to_exit(ok, Some(snap))?;
        for (slot, word) in words {
            self.b
                .ins()
                .store(flags(), word, self.slots, slot as i32 * 8);
        }
        Ok(())
    }

    /// The word a value is kept as in the context (`f64` bits, `bool` zero-extended).
    pub(crate) fn word_of(
        &mut self,
        v: cranelift_codegen::ir::Value,
    ) -> cranelift_codegen::ir::Value {
        let ty = self.b.func.dfg.value_type(v);
        if ty == types::F64 {
            self.b.ins().bitcast(types::I64, MemFlagsData::new(), v)
        } else if ty == types::I8 {
            self.b.ins().uextend(types::I64, v)
        } else {
            v
        }
    }

    /// The value of type `ty` kept as `word` (see [`Self::word_of`]).
    pub(crate) fn value_of_word(
        &mut self,
        word: cranelift_codegen::ir::Value,
        ty: Type,
    ) -> cranelift_codegen::ir::Value {
        match ty {
            Type::F64 => self.b.ins().bitcast(types::F64, MemFlagsData::new(), word),
            Type::Bool => self.b.ins().ireduce(types::I8, word),
            _ => word,
        }
    }

    /// The number of type `ty` boxed in `word` (known to be a box of that type).
    pub(crate) fn unbox_word(
        &mut self,
        word: cranelift_codegen::ir::Value,
        ty: Type,
    ) -> cranelift_codegen::ir::Value {
        match ty {
            Type::F64 => {
                let bits = self
                    .b
                    .ins()
                    .iadd_imm_s(word, (abi::DOUBLE_OFFSET as i64).wrapping_neg());
                self.b.ins().bitcast(types::F64, MemFlagsData::new(), bits)
            }
            Type::Bool => self
                .b
                .ins()
                .icmp_imm_s(IntCC::Equal, word, abi::IMM_TRUE as i64),
            _ => {
                let up = self.b.ins().ishl_imm_s(word, 16);
                self.b.ins().sshr_imm_s(up, 16)
            }
        }
    }

    /// A root with a body entry: the pre-roll saves the values the body uses into the
    /// context for later body entries, as soon as the last one is defined (pre-roll exits
    /// after that point may lead to a body entry too).
    fn save_pre_roll_values(&mut self) -> Result<(), CompileError> {
        let Some(entry) = self.params.body_entry else {
            return Ok(());
        };
        for (j, &r) in entry.saved.iter().enumerate() {
            let v = self.operand(r)?;
            let word = self.word_of(v);
            let offset = BODY_OFFSET + 8 * (TRANSFER_WORDS + j) as i32;
            self.b.ins().store(flags(), word, self.ctx, offset);
        }
        Ok(())
    }

    /// A root with a body entry: the body block also takes the pre-roll values the body
    /// uses (saved by [`Self::save_pre_roll_values`]).
    fn enter_body_params(
        &mut self,
        body: Block,
        entry_args: &mut Vec<BlockArg>,
    ) -> Result<(), CompileError> {
        let Some(entry) = self.params.body_entry else {
            return Ok(());
        };
        for &r in &entry.saved {
            let v = self.operand(r)?;
            let ty = self.b.func.dfg.value_type(v);
            let param = self.b.append_block_param(body, ty);
            entry_args.push(BlockArg::Value(v));
            self.values[r.index()] = Some(param);
        }
        Ok(())
    }

    /// The body entry block: clear the flag, take the phi values the side trace handed
    /// over and the pre-roll values this run saved, and jump into the body.
    fn fill_body_in(&mut self, body: Block, phis: &[usize]) -> Result<(), CompileError> {
        let (Some(entry), Some(body_in)) = (self.params.body_entry, self.body_in) else {
            return Ok(());
        };
        if entry.phis.len() != phis.len() {
            return Err(CompileError(
                "backend: body entry does not match the phis".into(),
            ));
        }
        // Called right after the pre-roll's jump into the body: the caller switches on.
        self.b.switch_to_block(body_in);
        let zero = self.b.ins().iconst(types::I64, 0);
        self.b
            .ins()
            .store(flags(), zero, self.ctx, BODY_ENTRY_OFFSET);
        let mut saved = Vec::new();
        for (j, &r) in entry.saved.iter().enumerate() {
            let offset = BODY_OFFSET + 8 * (TRANSFER_WORDS + j) as i32;
            let word = self.b.ins().load(types::I64, flags(), self.ctx, offset);
            let ty = self.trace.type_of(r);
            saved.push(self.value_of_word(word, ty));
        }
        let mut args = Vec::new();
        for (j, &p) in phis.iter().enumerate() {
            let ty = self.trace.insts[p].ty;
            let value = match entry.phis[j].0 {
                PhiFrom::Handed(_) => {
                    let offset = BODY_OFFSET + 8 * j as i32;
                    let word = self.b.ins().load(types::I64, flags(), self.ctx, offset);
                    self.value_of_word(word, ty)
                }
                PhiFrom::Stored(k) => {
                    let word = self
                        .b
                        .ins()
                        .load(types::I64, flags(), self.slots, k as i32 * 8);
                    self.value_of_word(word, ty)
                }
                PhiFrom::Attr { base, offset } => {
                    let base = match entry.saved.iter().position(|&r| r == base) {
                        Some(at) => saved[at],
                        None => self.operand(base)?,
                    };
                    // The body stored a box of the value there (and nothing since
                    // changed it): unbox it without a guard.
                    let word = self.b.ins().load(types::I64, flags(), base, offset);
                    self.unbox_word(word, ty)
                }
            };
            args.push(BlockArg::Value(value));
        }
        args.extend(saved.into_iter().map(BlockArg::Value));
        self.b.ins().jump(body, &args);
        Ok(())
    }

    /// A side trace's link into its root's body: box what the body does not carry, hand
    /// over the phi values and raise the body-entry flag.
    fn body_link(
        &mut self,
        snap: SnapshotId,
        link: &BodyLink,
        root: u64,
    ) -> Result<(), CompileError> {
        self.box_into_slots(snap, &link.boxed)?;
        self.check_link(snap, link, |l| {
            let sig = l.b.import_signature(trace_signature());
            let target = l.b.ins().iconst(types::I64, root as i64);
            l.b.ins().return_call_indirect(sig, target, &[l.ctx]);
        })?;
        for (j, r) in link.transfer.iter().enumerate() {
            let Some(r) = *r else {
                continue;
            };
            let v = self.operand(r)?;
            let word = self.word_of(v);
            self.b
                .ins()
                .store(flags(), word, self.ctx, BODY_OFFSET + 8 * j as i32);
        }
        let one = self.b.ins().iconst(types::I64, 1);
        self.b
            .ins()
            .store(flags(), one, self.ctx, BODY_ENTRY_OFFSET);
        Ok(())
    }

    /// Whether every handed-over value lies in the interval its phi assumes, as an `i8`.
    /// A value outside the interval the root's body assumed for its phi (`link.checks`)
    /// goes to the pre-roll instead: write back, then `to_pre_roll` ends that block; the
    /// rest goes on in a new block.
    pub(crate) fn check_link(
        &mut self,
        snap: SnapshotId,
        link: &BodyLink,
        to_pre_roll: impl FnOnce(&mut Self),
    ) -> Result<(), CompileError> {
        if link.checks.is_empty() {
            return Ok(());
        }
        let ok = self.link_checks(link)?;
        let fast = self.b.create_block();
        let slow = self.b.create_block();
        self.b.set_cold_block(slow);
        self.b.ins().brif(ok, fast, &[], slow, &[]);
        self.b.switch_to_block(slow);
        self.write_back(snap)?;
        to_pre_roll(self);
        self.b.switch_to_block(fast);
        Ok(())
    }

    pub(crate) fn link_checks(
        &mut self,
        link: &BodyLink,
    ) -> Result<cranelift_codegen::ir::Value, CompileError> {
        let mut ok = self.b.ins().iconst(types::I8, 1);
        for &(r, lo, hi) in &link.checks {
            let v = self.operand(r)?;
            // lo <= v <= hi  <=>  v - lo <= hi - lo, unsigned (wrapping): one compare.
            let inside = match lo <= hi {
                true => {
                    let shifted = self.b.ins().iadd_imm_s(v, lo.wrapping_neg());
                    let span = hi.wrapping_sub(lo);
                    self.b
                        .ins()
                        .icmp_imm_s(IntCC::UnsignedLessThanOrEqual, shifted, span)
                }
                false => self.b.ins().iconst(types::I8, 0),
            };
            ok = self.b.ins().band(ok, inside);
        }
        Ok(ok)
    }

    /// Stores an exit's values (`values`, in exit-block parameter order, as `params`)
    /// unboxed where the VM (or a side trace) finds them; a home in `skip` is left alone.
    pub(crate) fn store_exit_values(
        &mut self,
        values: &[(ExitDest, Ref)],
        params: &[cranelift_codegen::ir::Value],
        skip: &[u32],
    ) {
        let mut virtuals = None;
        for ((dest, _), &value) in values.iter().zip(params) {
            let word = self.word_of(value);
            match *dest {
                ExitDest::Slot(slot) if skip.contains(&slot) => {}
                ExitDest::Slot(slot) => {
                    self.b
                        .ins()
                        .store(flags(), word, self.slots, slot as i32 * 8);
                }
                ExitDest::Virtual(index) => {
                    let base = match virtuals {
                        Some(base) => base,
                        None => {
                            let base =
                                self.b
                                    .ins()
                                    .load(types::I64, flags(), self.ctx, VIRTUALS_OFFSET);
                            virtuals = Some(base);
                            base
                        }
                    };
                    self.b.ins().store(flags(), word, base, index as i32 * 8);
                }
            }
        }
    }

    /// Emits every exit block: store the values unboxed, then tail-call the exit slot.
    pub(crate) fn exit_blocks(&mut self) -> Result<(), CompileError> {
        let mut exits: Vec<(SnapshotId, Block, bool)> = self
            .exits
            .iter()
            .map(|(&s, &b)| (s, b, false))
            .chain(self.direct_exits.iter().map(|(&s, &b)| (s, b, true)))
            .collect();
        exits.sort_by_key(|&(s, _, direct)| (s, direct));
        let sig = self.b.import_signature(exit_signature());
        for (snap, block, direct) in exits {
            self.b.switch_to_block(block);
            let values = self.exit_values(snap)?;
            let params = self.exit_params(block, &values)?;
            self.store_exit_values(&values, &params, &[]);
            self.store_return(snap, &values, &params);
            let number = self
                .b
                .ins()
                .iconst(types::I32, i64::from(self.params.exit_base + snap.0));
            if direct || self.returns_directly(snap) {
                self.b.ins().return_(&[number]);
                continue;
            }
            self.inline.slot_exit(self.params.exit_base + snap.0);
            let slot_address = self.params.exit_slots + 8 * u64::from(snap.0);
            let address = self.b.ins().iconst(types::I64, slot_address as i64);
            let target = self.b.ins().load(types::I64, flags(), address, 0);
            self.b
                .ins()
                .return_call_indirect(sig, target, &[self.ctx, number]);
        }
        self.lower_inlined()
    }
}
