//! Native self-calls of function trees (PyPy's `call_assembler`, lowered as a direct call).
//!
//! A function-entry tree calls its own function through a residual-call helper; when the
//! VM runs that tree *leanly* (no interpreter frame, see the VM's `jit::lean`), such a
//! call can skip the helper and call the tree's root code directly, with a slot array of
//! its own on the native stack:
//!
//! ```text
//! site:  callee == ctx.lean_func && ctx.native_budget > 0 ?
//!        no  ─▶ residual_call_N(...) as before (the slow path, still lean)
//!        yes ─▶ record (a stack slot of this level): parent = ctx.native_top, call site,
//!               the arguments, the callee's slot array (arguments, the caller's words of
//!               homes shared by every activation, NULL)
//!               ctx.native_top = record; ctx.slots = record's slot array; budget - 1
//!               code = root(ctx)            (a plain call, `tail` convention)
//!               restore ctx.native_top, ctx.slots, budget
//!               code == ctx.ret_code && ctx.ret != 0 ?  ─▶ result = ctx.ret
//!               else ─▶ result = exit_helper(code, record)  (the VM finishes the exit)
//!        then the residual call's usual error check
//! ```
//!
//! A return exit of a function tree writes its result (boxed, or 0 when it is not an
//! immediate) and its own exit number into the context before leaving, so the caller
//! tells a return from any other exit without a table. The records form a chain through
//! `parent` on the native stack: the VM's helpers walk it from `ctx.native_top` to give
//! every native level a run state (frames, tracebacks, nested calls), and the budget the
//! VM set at the lean run's entry bounds nesting and the recursion limit. The VM decides
//! per run whether native calls may happen at all (budget 0: never).

use cranelift_codegen::ir::{
    AbiParam, InstBuilder, Signature, StackSlotData, StackSlotKind, condcodes::FloatCC,
    condcodes::IntCC, types,
};
use pyrite_ir::{Const, SnapshotId, Type, abi};

use crate::compiler::CompileError;
use crate::context::{
    ERROR_OFFSET, LEAN_FUNC_OFFSET, NATIVE_BUDGET_OFFSET, NATIVE_TOP_OFFSET, RET_CODE_OFFSET,
    RET_OFFSET, SLOTS_OFFSET,
};
use crate::lower::{ExitDest, Lowering, flags, trace_signature};

/// How the members of one function tree call the tree's own function natively.
#[derive(Clone, Debug)]
pub struct NativeCall {
    /// The residual-call helper whose sites may call natively (the one passing the
    /// function's positional parameter count).
    pub helper: String,
    /// Address of the word that holds the root's code address.
    pub entry_cell: u64,
    /// What each of the callee's first `init.len()` slots starts with.
    pub init: Vec<SlotStart>,
    /// The VM's helper for any other exit of a native callee:
    /// `extern "C" fn(exit: u64, record: u64) -> u64`, with the residual calls' protocol
    /// (a result word, or the context's error word set).
    pub exit_helper: u64,
    /// Per snapshot of the trace being compiled: where its result is if it is a return
    /// from the function.
    pub returns: Vec<Option<ReturnAt>>,
}

/// What one slot of a native callee's slot array starts with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlotStart {
    Null,
    /// The call's argument `i`.
    Arg(u32),
    /// The calling level's word (a home every activation shares: a module global).
    Caller,
}

/// Where a return exit's result is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReturnAt {
    /// This value word (an immediate).
    Const(u64),
    /// The value the exit stores into slot `k`.
    Slot(u32),
}

/// Byte offsets in a native level's record (a stack slot of the calling level).
pub const RECORD_PARENT: i32 = 0;
/// The call site (`pc | below << 32`, as the residual call's first argument).
pub const RECORD_SITE: i32 = 8;
/// The arguments, [`RECORD_MAX_ARGS`] words.
pub const RECORD_ARGS: i32 = 16;
/// The most arguments a native call passes.
pub const RECORD_MAX_ARGS: usize = 4;
/// The callee's slot array, [`RECORD_SLOTS_WORDS`] words.
pub const RECORD_SLOTS: i32 = RECORD_ARGS + 8 * RECORD_MAX_ARGS as i32;
/// Room for the callee's homes.
pub const RECORD_SLOTS_WORDS: usize = 24;
/// The record's size.
pub const RECORD_BYTES: u32 = RECORD_SLOTS as u32 + 8 * RECORD_SLOTS_WORDS as u32;

impl<'a> Lowering<'a, '_, '_> {
    /// The native-call description if instruction `i`, a call of `helper`, is a site.
    pub(crate) fn native_site(&self, i: usize, helper: &str) -> Option<&'a NativeCall> {
        let native = self.params.native?;
        let inst = &self.trace.insts[i];
        let self_is_null = inst
            .args
            .get(2)
            .and_then(|&r| self.trace.const_value(r))
            .is_some_and(|c| c == Const::Value(0));
        let nargs = inst.args.len().checked_sub(3)?;
        (native.helper == helper
            && self_is_null
            && nargs <= RECORD_MAX_ARGS
            && native.init.len() <= RECORD_SLOTS_WORDS
            && native.init.iter().all(|s| match s {
                SlotStart::Arg(a) => (*a as usize) < nargs,
                _ => true,
            }))
        .then_some(native)
    }

    /// Lowers a native self-call site (see the module doc); `args` are the helper call's
    /// operands, `snap` the snapshot the call leaves through when the error word is set
    /// (only a helper sets it: a native return continues at once). Returns the call's
    /// result word.
    pub(crate) fn native_self_call(
        &mut self,
        native: &NativeCall,
        sigref: cranelift_codegen::ir::SigRef,
        helper: u64,
        args: &[cranelift_codegen::ir::Value],
        snap: Option<SnapshotId>,
    ) -> Result<cranelift_codegen::ir::Value, CompileError> {
        let [site, callee, _, call_args @ ..] = args else {
            return Err(self.unsupported("a residual call without operands"));
        };
        let ctx = self.ctx;
        let lean_func = self
            .b
            .ins()
            .load(types::I64, flags(), ctx, LEAN_FUNC_OFFSET);
        let budget = self
            .b
            .ins()
            .load(types::I64, flags(), ctx, NATIVE_BUDGET_OFFSET);
        let same = self.b.ins().icmp(IntCC::Equal, *callee, lean_func);
        let room = self.b.ins().icmp_imm_s(IntCC::SignedGreaterThan, budget, 0);
        let go = self.b.ins().band(same, room);
        let fast = self.b.create_block();
        let slow = self.b.create_block();
        let other_exit = self.b.create_block();
        let join = self.b.create_block();
        let joined = self.b.append_block_param(join, types::I64);
        let done_block = self.b.create_block();
        let result = self.b.append_block_param(done_block, types::I64);
        self.b.set_cold_block(other_exit);
        self.b.ins().brif(go, fast, &[], slow, &[]);

        // Not a native call: the helper, as for any residual call.
        self.b.switch_to_block(slow);
        let target = self.b.ins().iconst(types::I64, helper as i64);
        let call = self.b.ins().call_indirect(sigref, target, args);
        let word = self.b.inst_results(call)[0];
        self.b.ins().jump(join, &[word.into()]);

        self.b.switch_to_block(fast);
        let slot = self.b.create_sized_stack_slot(StackSlotData::new(
            StackSlotKind::ExplicitSlot,
            RECORD_BYTES,
            3,
        ));
        let record = self.b.ins().stack_addr(types::I64, slot, 0);
        let parent = self
            .b
            .ins()
            .load(types::I64, flags(), ctx, NATIVE_TOP_OFFSET);
        self.b.ins().store(flags(), parent, record, RECORD_PARENT);
        self.b.ins().store(flags(), *site, record, RECORD_SITE);
        for (j, &a) in call_args.iter().enumerate() {
            self.b
                .ins()
                .store(flags(), a, record, RECORD_ARGS + 8 * j as i32);
        }
        let mut zero = None;
        for (k, start) in native.init.iter().enumerate() {
            let word = match *start {
                SlotStart::Arg(a) => call_args[a as usize],
                SlotStart::Caller => {
                    self.b
                        .ins()
                        .load(types::I64, flags(), self.slots, 8 * k as i32)
                }
                SlotStart::Null => *zero.get_or_insert_with(|| self.b.ins().iconst(types::I64, 0)),
            };
            self.b
                .ins()
                .store(flags(), word, record, RECORD_SLOTS + 8 * k as i32);
        }
        let callee_slots = self.b.ins().iadd_imm_s(record, i64::from(RECORD_SLOTS));
        self.b.ins().store(flags(), record, ctx, NATIVE_TOP_OFFSET);
        self.b.ins().store(flags(), callee_slots, ctx, SLOTS_OFFSET);
        let less = self.b.ins().iadd_imm_s(budget, -1);
        self.b.ins().store(flags(), less, ctx, NATIVE_BUDGET_OFFSET);
        let cell = self.b.ins().iconst(types::I64, native.entry_cell as i64);
        let entry = self.b.ins().load(types::I64, flags(), cell, 0);
        let sig = self.b.import_signature(trace_signature());
        let call = self.b.ins().call_indirect(sig, entry, &[ctx]);
        let code = self.b.inst_results(call)[0];
        self.b.ins().store(flags(), parent, ctx, NATIVE_TOP_OFFSET);
        self.b.ins().store(flags(), self.slots, ctx, SLOTS_OFFSET);
        self.b
            .ins()
            .store(flags(), budget, ctx, NATIVE_BUDGET_OFFSET);
        let code = self.b.ins().uextend(types::I64, code);
        let ret_code = self.b.ins().load(types::I64, flags(), ctx, RET_CODE_OFFSET);
        let ret = self.b.ins().load(types::I64, flags(), ctx, RET_OFFSET);
        let returned = self.b.ins().icmp(IntCC::Equal, code, ret_code);
        let immediate = self.b.ins().icmp_imm_s(IntCC::NotEqual, ret, 0);
        let done = self.b.ins().band(returned, immediate);
        self.b
            .ins()
            .brif(done, done_block, &[ret.into()], other_exit, &[]);

        // Any other exit: the VM finishes it (materializing frames) or returns the result.
        self.b.switch_to_block(other_exit);
        let mut sig = Signature::new(self.params.helper_call_conv);
        sig.params.push(AbiParam::new(types::I64));
        sig.params.push(AbiParam::new(types::I64));
        sig.returns.push(AbiParam::new(types::I64));
        let sig = self.b.import_signature(sig);
        let target = self.b.ins().iconst(types::I64, native.exit_helper as i64);
        let call = self.b.ins().call_indirect(sig, target, &[code, record]);
        let word = self.b.inst_results(call)[0];
        self.b.ins().jump(join, &[word.into()]);

        // After a helper: it flags the error word when the call did not return to the
        // trace (it raised, or the VM finishes the instruction).
        self.b.switch_to_block(join);
        let error = self.b.ins().load(types::I64, flags(), ctx, ERROR_OFFSET);
        let ok = self.b.ins().icmp_imm_s(IntCC::Equal, error, 0);
        self.branch_to_exit(ok, snap)?;
        self.b.ins().jump(done_block, &[joined.into()]);
        self.b.switch_to_block(done_block);
        Ok(result)
    }

    /// In the exit block of `snap` (its values `values` are the block's `params`): a
    /// return from the function writes its result word and exit number into the context.
    pub(crate) fn store_return(
        &mut self,
        snap: SnapshotId,
        values: &[(ExitDest, pyrite_ir::Ref)],
        params: &[cranelift_codegen::ir::Value],
    ) {
        let Some(Some(at)) = self
            .params
            .native
            .and_then(|n| n.returns.get(snap.0 as usize))
        else {
            return;
        };
        let word = match *at {
            ReturnAt::Const(w) => Some(self.b.ins().iconst(types::I64, w as i64)),
            ReturnAt::Slot(k) => values
                .iter()
                .zip(params)
                .find(|((dest, _), _)| matches!(dest, ExitDest::Slot(s) if *s == k))
                .and_then(|((_, r), &v)| self.box_return(self.trace.type_of(*r), v)),
        };
        let Some(word) = word else {
            return;
        };
        let number = i64::from(self.params.exit_base + snap.0);
        self.b.ins().store(flags(), word, self.ctx, RET_OFFSET);
        let number = self.b.ins().iconst(types::I64, number);
        self.b
            .ins()
            .store(flags(), number, self.ctx, RET_CODE_OFFSET);
    }

    /// Whether exit `snap` is the return a function tree's trace ends with: the VM never
    /// gives it a side trace, so it returns its number without the exit slot's stub.
    pub(crate) fn returns_directly(&self, snap: SnapshotId) -> bool {
        let is_return = self
            .params
            .native
            .is_some_and(|n| matches!(n.returns.get(snap.0 as usize), Some(Some(_))));
        is_return
            && self
                .trace
                .insts
                .last()
                .is_some_and(|i| i.op == pyrite_ir::Op::Exit && i.snapshot == Some(snap))
    }

    /// `v` (of type `ty`) as a value word, or 0 when that would need an allocation (an
    /// int beyond 48 bits, a NaN) or it is an object (the caller takes no reference).
    fn box_return(
        &mut self,
        ty: Type,
        v: cranelift_codegen::ir::Value,
    ) -> Option<cranelift_codegen::ir::Value> {
        let zero = self.b.ins().iconst(types::I64, 0);
        Some(match ty {
            Type::I64 => {
                let up = self.b.ins().ishl_imm_s(v, 16);
                let back = self.b.ins().sshr_imm_s(up, 16);
                let fits = self.b.ins().icmp(IntCC::Equal, back, v);
                let payload = self.b.ins().band_imm_s(v, abi::INT_PAYLOAD_MASK as i64);
                let boxed = self.b.ins().bor_imm_s(payload, abi::INT_TAG as i64);
                self.b.ins().select(fits, boxed, zero)
            }
            Type::F64 => {
                let ordered = self.b.ins().fcmp(FloatCC::Ordered, v, v);
                let bits =
                    self.b
                        .ins()
                        .bitcast(types::I64, cranelift_codegen::ir::MemFlagsData::new(), v);
                let boxed = self.b.ins().iadd_imm_s(bits, abi::DOUBLE_OFFSET as i64);
                self.b.ins().select(ordered, boxed, zero)
            }
            Type::Bool => {
                let t = self.b.ins().iconst(types::I64, abi::IMM_TRUE as i64);
                let f = self.b.ins().iconst(types::I64, abi::IMM_FALSE as i64);
                self.b.ins().select(v, t, f)
            }
            Type::Value => {
                let shifted = self.b.ins().iadd_imm_s(v, -((abi::IMM_MAX + 1) as i64));
                let object = self.b.ins().icmp_imm_s(
                    IntCC::UnsignedLessThan,
                    shifted,
                    (abi::DOUBLE_OFFSET - (abi::IMM_MAX + 1)) as i64,
                );
                self.b.ins().select(object, zero, v)
            }
            Type::Ptr | Type::Void => return None,
        })
    }
}
