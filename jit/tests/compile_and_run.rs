//! End-to-end backend tests: build small traces with the IR builder, compile them for this
//! machine and run them, and cross-compile them for AArch64.

use pyrite_ir::{Op, Trace, TraceBuilder, TypeTag, abi};
use pyrite_jit::compiler::compile_for_target;
use pyrite_jit::{CompileOptions, Compiler, HelperTable, TraceContext};

fn int(v: i64) -> u64 {
    abi::encode_small_int(v).expect("small")
}

/// `while i < n: total += i; i += 1` over slots 0 (i) and 1 (total), `n` a constant.
fn sum_loop(n: i64) -> Trace {
    let mut b = TraceBuilder::new();
    b.snapshot(0, 0, &[]);
    let i = b.load_slot(0);
    b.guard_type(i, TypeTag::Int);
    let i = b.emit(Op::UnboxInt, &[i]);
    let total = b.load_slot(1);
    b.guard_type(total, TypeTag::Int);
    let total = b.emit(Op::UnboxInt, &[total]);
    let limit = b.const_int(n);
    let more = b.emit(Op::LtInt, &[i, limit]);
    b.guard_true(more);
    b.snapshot(4, 0, &[]);
    let total2 = b.emit(Op::AddIntOvf, &[total, i]);
    let one = b.const_int(1);
    b.snapshot(6, 0, &[(1, total2)]);
    let i2 = b.emit(Op::AddIntOvf, &[i, one]);
    b.close_loop(0, 0, &[(0, i2), (1, total2)]);
    b.finish().expect("well-typed trace")
}

#[test]
fn sum_loop_runs_natively_and_exits_with_boxed_slots() {
    let trace = sum_loop(100);
    let mut compiler = Compiler::new().expect("host ISA");
    let compiled = compiler
        .compile(
            &trace,
            &HelperTable::new(),
            &CompileOptions {
                stress: false,
                disassemble: true,
                ..CompileOptions::default()
            },
        )
        .expect("compiles");
    let mut slots = [int(0), int(0)];
    let interrupt = 0u8;
    let mut virtuals = [0u64; pyrite_jit::VIRTUAL_WORDS];
    let mut ctx = TraceContext::new(slots.as_mut_ptr(), &interrupt, virtuals.as_mut_ptr());
    let exit = compiled.enter(compiler.trampoline(), &mut ctx);
    // The loop condition's guard (snapshot s0) fails once i reaches 100.
    assert_eq!(exit, 0);
    assert_eq!(slots, [int(100), int(4950)]);
    let asm = compiled.asm.as_deref().unwrap_or("");
    assert!(asm.contains("ret") || asm.contains("jmp"), "{asm}");
}

#[test]
fn int_overflow_outside_48_bits_leaves_unboxed_at_the_back_edge() {
    let trace = sum_loop(i64::MAX);
    let mut compiler = Compiler::new().expect("host ISA");
    let compiled = compiler
        .compile(&trace, &HelperTable::new(), &CompileOptions::default())
        .expect("compiles");
    let start = abi::SMALL_INT_MAX - 2;
    let mut slots = [int(start), int(0)];
    let interrupt = 0u8;
    let mut virtuals = [0u64; pyrite_jit::VIRTUAL_WORDS];
    let mut ctx = TraceContext::new(slots.as_mut_ptr(), &interrupt, virtuals.as_mut_ptr());
    let exit = compiled.enter(compiler.trampoline(), &mut ctx);
    // At the second back-edge `total` is start + (start + 1), beyond 48 bits: the back-edge
    // snapshot (the last one) leaves with the raw i64 values for the VM to box.
    assert_eq!(exit as usize, trace.snapshots.len() - 1);
    assert_eq!(slots[0] as i64, start + 2);
    assert_eq!(slots[1] as i64, start + (start + 1));
}

#[test]
fn interrupt_byte_stops_the_loop() {
    let trace = sum_loop(i64::MAX / 4);
    let mut compiler = Compiler::new().expect("host ISA");
    let compiled = compiler
        .compile(&trace, &HelperTable::new(), &CompileOptions::default())
        .expect("compiles");
    let mut slots = [int(0), int(0)];
    let interrupt = 1u8;
    let mut virtuals = [0u64; pyrite_jit::VIRTUAL_WORDS];
    let mut ctx = TraceContext::new(slots.as_mut_ptr(), &interrupt, virtuals.as_mut_ptr());
    let exit = compiled.enter(compiler.trampoline(), &mut ctx);
    assert_eq!(exit, 0);
    assert_eq!(slots, [int(0), int(0)]);
}

#[test]
fn stress_mode_fails_the_nth_guard() {
    let trace = sum_loop(1000);
    let mut compiler = Compiler::new().expect("host ISA");
    let compiled = compiler
        .compile(
            &trace,
            &HelperTable::new(),
            &CompileOptions {
                stress: true,
                disassemble: false,
                ..CompileOptions::default()
            },
        )
        .expect("compiles");
    let mut slots = [int(0), int(0)];
    let interrupt = 0u8;
    let mut virtuals = [0u64; pyrite_jit::VIRTUAL_WORDS];
    let mut ctx = TraceContext::new(slots.as_mut_ptr(), &interrupt, virtuals.as_mut_ptr());
    // Guards per iteration: two type guards and the condition (the operands' ranges rule
    // out both overflows, so the backend emits no check for them).
    ctx.stress_countdown = 3 * 3 + 1;
    let exit = compiled.enter(compiler.trampoline(), &mut ctx);
    assert_eq!(exit, 0, "the first guard of the fourth iteration fails");
    assert_eq!(slots, [int(3), int(3)]);
}

#[test]
fn exit_stores_the_fields_of_virtual_objects() {
    // A tuple of (i, 2.5) removed from the loop: the exit at i == 10 leaves `i` raw in the
    // first virtual word and the float in the second, for the VM to rebuild it.
    let mut b = TraceBuilder::new();
    b.snapshot(0, 0, &[]);
    let i = b.load_slot(0);
    b.guard_type(i, TypeTag::Int);
    let i = b.emit(Op::UnboxInt, &[i]);
    let f = b.const_float(2.5);
    let boxed_i = b.emit(Op::BoxInt, &[i]);
    let boxed_f = b.emit(Op::BoxFloat, &[f]);
    let t = b.new_tuple(&[boxed_i, boxed_f]);
    b.snapshot(3, 0, &[(1, t)]);
    let limit = b.const_int(10);
    let more = b.emit(Op::LtInt, &[i, limit]);
    b.guard_true(more);
    let one = b.const_int(1);
    let next = b.emit(Op::AddIntOvf, &[i, one]);
    b.close_loop(0, 0, &[(0, next)]);
    let mut trace = b.finish().expect("well-typed trace");
    pyrite_ir::passes::optimize(&mut trace).expect("optimizes");
    let snapshot = trace
        .snapshots
        .iter()
        .find(|s| !s.virtuals.is_empty())
        .expect("the tuple is a virtual");
    assert_eq!(snapshot.virtuals[0].fields.len(), 2);
    let mut compiler = Compiler::new().expect("host ISA");
    let compiled = compiler
        .compile(&trace, &HelperTable::new(), &CompileOptions::default())
        .expect("compiles");
    let mut slots = [int(5), 0];
    let interrupt = 0u8;
    let mut virtuals = [0u64; pyrite_jit::VIRTUAL_WORDS];
    let mut ctx = TraceContext::new(slots.as_mut_ptr(), &interrupt, virtuals.as_mut_ptr());
    compiled.enter(compiler.trampoline(), &mut ctx);
    assert_eq!(virtuals[0], 10);
    // The float is a constant, so its field is the boxed word.
    assert_eq!(abi::decode_double(virtuals[1]), 2.5);
}

#[test]
fn traces_cross_compile_for_aarch64() {
    let (size, text) = compile_for_target(
        &sum_loop(100),
        &HelperTable::new(),
        "aarch64-unknown-linux-gnu",
    )
    .expect("aarch64 compiles");
    assert!(size > 0);
    assert!(text.contains("ret") || text.contains("br "), "{text}");
}
