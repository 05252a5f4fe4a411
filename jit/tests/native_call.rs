//! Native self-calls (`pyrite_jit::native_call`): a function tree's root calling itself
//! directly, with results handed back through the context, the budget sending calls to
//! the helper, and other exits to the exit helper; cross-compiled for AArch64 too.

use pyrite_ir::{Const, Effect, Op, Trace, TraceBuilder, Type, TypeTag, abi};
use pyrite_jit::compiler::compile_for_target_with;
use pyrite_jit::{
    CompileOptions, Compiler, HelperTable, NativeCall, ReturnAt, SlotStart, TraceContext,
};
use std::cell::Cell;

fn int(v: i64) -> u64 {
    abi::encode_small_int(v).expect("small")
}

/// The callee word the tests use (any word: sites compare it with `ctx.lean_func`).
const FUNC: u64 = 0x7_0000_1000;

/// `def count(n): if n < 2: return n; return count(n - 1) + 1`, as a function tree's root
/// over slots 0 (n), 1 (the stack top) and 2 (the global `count`).
fn count_tree() -> Trace {
    let mut b = TraceBuilder::new();
    let helper = b.helper(
        "residual_call_1",
        &[Type::I64, Type::Value, Type::Value, Type::Value],
        Type::Value,
        Effect::MayCall,
    );
    b.snapshot(0, 0, &[]);
    let n_word = b.load_slot(0);
    b.guard_type(n_word, TypeTag::Int);
    let n = b.emit(Op::UnboxInt, &[n_word]);
    let two = b.const_int(2);
    let small = b.emit(Op::LtInt, &[n, two]);
    // s1: `return n`.
    b.snapshot(10, 1, &[(1, n_word)]);
    b.guard_false(small);
    b.snapshot(20, 0, &[]);
    let callee = b.load_slot(2);
    b.guard_type(callee, TypeTag::Object);
    let one = b.const_int(1);
    let less = b.emit(Op::SubInt, &[n, one]);
    let boxed = b.emit(Op::BoxInt, &[less]);
    let site = b.const_int(30);
    let null = b.constant(Const::Value(0));
    b.snapshot(30, 3, &[]);
    let result = b.call(helper, &[site, callee, null, boxed]);
    b.snapshot(40, 1, &[(1, result)]);
    b.guard_type(result, TypeTag::Int);
    let result = b.emit(Op::UnboxInt, &[result]);
    let plus = b.emit(Op::AddInt, &[result, one]);
    // s5: `return count(n - 1) + 1`.
    b.snapshot(50, 1, &[(1, plus)]);
    b.exit();
    b.finish().expect("well-typed trace")
}

// Per test thread: the code runs on the thread that enters it.
thread_local! {
    static HELPER_CALLS: Cell<u64> = const { Cell::new(0) };
    static HELPER_RESULT: Cell<u64> = const { Cell::new(0) };
    static EXIT_SEEN: Cell<u64> = const { Cell::new(0) };
}

extern "C" fn residual_stand_in(_site: i64, _f: u64, _s: u64, _a: u64) -> u64 {
    HELPER_CALLS.set(HELPER_CALLS.get() + 1);
    HELPER_RESULT.get()
}

extern "C" fn exit_stand_in(code: u64, record: u64) -> u64 {
    EXIT_SEEN.set(code << 32 | u64::from(record != 0));
    int(500)
}

fn native_call(trace: &Trace, cell: &Cell<u64>) -> NativeCall {
    let mut returns = vec![None; trace.snapshots.len()];
    returns[1] = Some(ReturnAt::Slot(1));
    returns[5] = Some(ReturnAt::Slot(1));
    NativeCall {
        helper: "residual_call_1".into(),
        entry_cell: cell.as_ptr() as u64,
        init: vec![SlotStart::Arg(0), SlotStart::Null, SlotStart::Caller],
        exit_helper: exit_stand_in as *const () as u64,
        returns,
    }
}

/// Runs `count(n)` with `budget` native levels; returns (exit, slot 1, ctx.ret).
fn run(n: i64, budget: i64, helper_result: u64) -> (u32, u64, u64) {
    let trace = count_tree();
    let mut helpers = HelperTable::new();
    helpers.add("residual_call_1", residual_stand_in as *const () as u64);
    let cell = Box::new(Cell::new(0u64));
    let options = CompileOptions {
        native: Some(native_call(&trace, &cell)),
        ..CompileOptions::default()
    };
    let mut compiler = Compiler::new().expect("host ISA");
    let compiled = compiler
        .compile(&trace, &helpers, &options)
        .expect("compiles");
    cell.set(compiled.address());
    HELPER_RESULT.set(helper_result);
    let mut slots = [int(n), 0, FUNC];
    let interrupt = 0u8;
    let mut virtuals = [0u64; pyrite_jit::VIRTUAL_WORDS];
    let mut ctx = TraceContext::new(slots.as_mut_ptr(), &interrupt, virtuals.as_mut_ptr());
    ctx.lean_func = FUNC;
    ctx.native_budget = budget;
    let exit = compiled.enter(compiler.trampoline(), &mut ctx);
    assert_eq!(ctx.native_budget, budget, "the budget is restored");
    assert_eq!(ctx.native_top, 0, "the chain is unwound");
    assert_eq!(ctx.slots, slots.as_mut_ptr(), "the slot array is restored");
    (exit, slots[1], ctx.ret)
}

#[test]
fn self_calls_run_natively_and_hand_results_back() {
    let before = HELPER_CALLS.get();
    let (exit, top, ret) = run(30, 100, int(-1));
    assert_eq!(exit, 5);
    assert_eq!(top, 30, "the unboxed result in the return's slot");
    assert_eq!(ret, int(30));
    assert_eq!(HELPER_CALLS.get(), before, "no helper call");
}

#[test]
fn budget_and_other_exits_take_the_helpers() {
    // Three native levels (n = 9, 8, 7); the fourth call (count(6)) goes to the helper.
    let (exit, top, _) = run(10, 3, int(100));
    assert_eq!((exit, top), (5, 104));
    // The helper's float fails the type guard after the call in the level with n = 7
    // (exit 4): the level with n = 8 hands that exit to the exit helper (500).
    let (exit, top, _) = run(10, 3, (1.5f64).to_bits() + abi::DOUBLE_OFFSET);
    assert_eq!((exit, top), (5, 503));
    assert_eq!(EXIT_SEEN.get(), 4 << 32 | 1);
}

#[test]
fn native_self_calls_cross_compile_for_aarch64() {
    let trace = count_tree();
    let mut helpers = HelperTable::new();
    helpers.add("residual_call_1", 0x1000);
    let cell = Cell::new(0u64);
    let options = CompileOptions {
        native: Some(native_call(&trace, &cell)),
        ..CompileOptions::default()
    };
    let (size, _) =
        compile_for_target_with(&trace, &helpers, &options, "aarch64-unknown-linux-gnu")
            .expect("aarch64 compiles");
    let (plain, _) = compile_for_target_with(
        &trace,
        &helpers,
        &CompileOptions::default(),
        "aarch64-unknown-linux-gnu",
    )
    .expect("aarch64 compiles");
    assert!(
        size > plain,
        "the native call adds code ({size} vs {plain})"
    );
}
