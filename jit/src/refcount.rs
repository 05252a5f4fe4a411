//! Reference counting in compiled code: `incref` and `decref` of a value word.
//!
//! Only heap pointers are counted (immediates, ints and doubles are skipped by a range
//! test), and a count at or above [`abi::IMMORTAL_REFCOUNT`] never changes, as in the VM.
//! A `decref` that would drop the last reference calls the VM's
//! [`abi::RELEASE_HELPER`], which frees the object the way the interpreter would (the
//! recorder guards such counts above one before a store, so finalizers never run from
//! inside a trace).

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{AbiParam, InstBuilder, MemFlagsData, Signature, Value, types};
use cranelift_codegen::isa::CallConv;
use cranelift_frontend::FunctionBuilder;
use pyrite_ir::abi;

fn flags() -> MemFlagsData {
    MemFlagsData::trusted()
}

/// The count of `word` when it is a counted heap pointer: branches to `counted` with the
/// count loaded, or to the returned join block.
fn counted_pointer(
    b: &mut FunctionBuilder,
    word: Value,
) -> (
    cranelift_codegen::ir::Block,
    Value,
    cranelift_codegen::ir::Block,
) {
    let counted = b.create_block();
    let load = b.create_block();
    let done = b.create_block();
    // `IMM_MAX < word < DOUBLE_OFFSET`, as one unsigned comparison.
    let shifted = b.ins().iadd_imm_s(word, -((abi::IMM_MAX + 1) as i64));
    let pointer = b.ins().icmp_imm_u(
        IntCC::UnsignedLessThan,
        shifted,
        (abi::DOUBLE_OFFSET - abi::IMM_MAX - 1) as i64,
    );
    b.ins().brif(pointer, load, &[], done, &[]);
    b.switch_to_block(load);
    let count = b
        .ins()
        .load(types::I64, flags(), word, abi::HEADER_REFCOUNT_OFFSET);
    let mortal = b.ins().icmp_imm_u(
        IntCC::UnsignedLessThan,
        count,
        abi::IMMORTAL_REFCOUNT as i64,
    );
    b.ins().brif(mortal, counted, &[], done, &[]);
    b.switch_to_block(counted);
    (counted, count, done)
}

/// Adds one reference to `word`.
pub(crate) fn incref(b: &mut FunctionBuilder, word: Value) {
    let (_, count, done) = counted_pointer(b, word);
    let next = b.ins().iadd_imm_s(count, 1);
    b.ins()
        .store(flags(), next, word, abi::HEADER_REFCOUNT_OFFSET);
    b.ins().jump(done, &[]);
    b.switch_to_block(done);
}

/// Drops one reference to `word`; the last one goes to the VM's release helper at
/// `release` (called with `call_conv`).
pub(crate) fn decref(b: &mut FunctionBuilder, word: Value, release: u64, call_conv: CallConv) {
    let (_, count, done) = counted_pointer(b, word);
    let shared = b.create_block();
    let last = b.create_block();
    b.set_cold_block(last);
    let more = b.ins().icmp_imm_u(IntCC::UnsignedGreaterThan, count, 1);
    b.ins().brif(more, shared, &[], last, &[]);
    b.switch_to_block(shared);
    let next = b.ins().iadd_imm_s(count, -1);
    b.ins()
        .store(flags(), next, word, abi::HEADER_REFCOUNT_OFFSET);
    b.ins().jump(done, &[]);
    b.switch_to_block(last);
    let mut sig = Signature::new(call_conv);
    sig.params.push(AbiParam::new(types::I64));
    let sigref = b.import_signature(sig);
    let callee = b.ins().iconst(types::I64, release as i64);
    b.ins().call_indirect(sigref, callee, &[word]);
    b.ins().jump(done, &[]);
    b.switch_to_block(done);
}
