//! The *nest bridge*: an exit stub that lets a trace's loop-call exit run an inner loop's
//! tree natively and go on in the outer tree's code, without returning to the VM.
//!
//! ```text
//! fn(ctx, k) -> u32 (tail):  r = helper(ctx, k)            (platform C convention)
//!                            if r & TAIL_CALL_FLAG: return_call (r ^ flag)(ctx)
//!                            else: return r as u32          (the exit goes to the VM)
//! ```
//!
//! The helper (the VM's) does the transfer: it runs the inner tree over its own slot array
//! and, when that tree left through its loop's end, writes the results into the outer
//! slot array and answers with the address of the outer tree's continuation, which this
//! stub tail-calls (so a whole nest runs on a bounded native stack). Any other answer is
//! the exit number the VM receives, exactly as from the plain exit stub.

use cranelift_codegen::ir::{
    AbiParam, Function, InstBuilder, Signature, UserFuncName, condcodes::IntCC, types,
};
use cranelift_codegen::isa::{CallConv, TargetFrontendConfig};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};

use crate::lower::{exit_signature, trace_signature};

/// Set in the helper's answer when the rest is a code address to tail-call with `ctx`.
pub const TAIL_CALL_FLAG: u64 = 1 << 63;

/// Builds the bridge stub calling `helper` (`extern "C" fn(ctx: u64, k: u32) -> u64`).
pub(crate) fn nest_bridge_function(
    frontend: TargetFrontendConfig,
    helper: u64,
    helper_call_conv: CallConv,
) -> Function {
    let mut func = Function::with_name_signature(UserFuncName::user(1, 2), exit_signature());
    let mut fctx = FunctionBuilderContext::new();
    let mut b = FunctionBuilder::new(&mut func, &mut fctx);
    let entry = b.create_block();
    let tail = b.create_block();
    let leave = b.create_block();
    b.append_block_params_for_function_params(entry);
    b.switch_to_block(entry);
    let (ctx, k) = (b.block_params(entry)[0], b.block_params(entry)[1]);
    let mut sig = Signature::new(helper_call_conv);
    sig.params.push(AbiParam::new(types::I64));
    sig.params.push(AbiParam::new(types::I32));
    sig.returns.push(AbiParam::new(types::I64));
    let sigref = b.import_signature(sig);
    let callee = b.ins().iconst(types::I64, helper as i64);
    let call = b.ins().call_indirect(sigref, callee, &[ctx, k]);
    let answer = b.inst_results(call)[0];
    let is_tail = b.ins().icmp_imm_s(IntCC::SignedLessThan, answer, 0_i64);
    b.ins().brif(is_tail, tail, &[], leave, &[]);
    b.switch_to_block(tail);
    let mask = b.ins().iconst(types::I64, !TAIL_CALL_FLAG as i64);
    let target = b.ins().band(answer, mask);
    let trace_sig = b.import_signature(trace_signature());
    b.ins().return_call_indirect(trace_sig, target, &[ctx]);
    b.switch_to_block(leave);
    let exit = b.ins().ireduce(types::I32, answer);
    b.ins().return_(&[exit]);
    b.seal_all_blocks();
    b.finalize(frontend);
    func
}
