//! Tree functions (`pyrite_jit::tree`): a peeled root compiled with a side trace that links
//! into its loop body, run natively against the root and side trace compiled apart, and
//! cross-compiled for AArch64.

use pyrite_ir::{Op, Trace, TraceBuilder, Type, TypeTag, abi};
use pyrite_jit::body_entry::{ChainState, exit_states, link_plan, root_entry};
use pyrite_jit::compiler::{compile_for_target, compile_tree_for_target};
use pyrite_jit::{CompileOptions, Compiler, HelperTable, InlinedSide, TraceContext};

fn int(v: i64) -> u64 {
    abi::encode_small_int(v).expect("small")
}

/// `while i < 1000: if i & 1: x += 3 (side trace) else: x -= 1; i += 1` over slots 0 (i)
/// and 1 (x); slot 2 is the branch's scratch stack entry.
fn root() -> Trace {
    let mut b = TraceBuilder::new();
    b.snapshot(0, 0, &[]);
    let i = b.load_slot(0);
    b.guard_type(i, TypeTag::Int);
    let i = b.emit(Op::UnboxInt, &[i]);
    let x = b.load_slot(1);
    b.guard_type(x, TypeTag::Int);
    let x = b.emit(Op::UnboxInt, &[x]);
    let limit = b.const_int(1000);
    let more = b.emit(Op::LtInt, &[i, limit]);
    b.guard_true(more);
    let one = b.const_int(1);
    let odd = b.emit(Op::AndInt, &[i, one]);
    let zero = b.const_int(0);
    let taken = b.emit(Op::NeInt, &[odd, zero]);
    b.snapshot(10, 0, &[(0, i), (1, x)]);
    b.guard_false(taken);
    b.snapshot(20, 0, &[(0, i), (1, x)]);
    let x2 = b.emit(Op::SubIntOvf, &[x, one]);
    b.snapshot(30, 0, &[(0, i), (1, x2)]);
    let i2 = b.emit(Op::AddIntOvf, &[i, one]);
    b.close_loop(0, 0, &[(0, i2), (1, x2)]);
    let mut trace = b.finish().expect("well-typed root");
    pyrite_ir::passes::optimize(&mut trace).expect("optimizes");
    trace
}

/// The odd path, from an exit that left `i` and `x` unboxed: `x += 3; i += 1`, linking to
/// the root's header.
fn side() -> Trace {
    let mut b = TraceBuilder::new();
    let i = b.load_slot_typed(0, Type::I64);
    let x = b.load_slot_typed(1, Type::I64);
    b.snapshot(10, 0, &[(0, i), (1, x)]);
    let three = b.const_int(3);
    let x2 = b.emit(Op::AddIntOvf, &[x, three]);
    b.snapshot(30, 0, &[(0, i), (1, x2)]);
    let one = b.const_int(1);
    let i2 = b.emit(Op::AddIntOvf, &[i, one]);
    b.link(0, 0, &[(0, i2), (1, x2)]);
    let mut trace = b.finish().expect("well-typed side trace");
    pyrite_ir::passes::optimize(&mut trace).expect("optimizes");
    trace
}

/// The root's body exit the odd path leaves through.
fn odd_exit(root: &Trace, loop_at: usize) -> u32 {
    let guard = root.insts[loop_at..]
        .iter()
        .find(|i| i.op == Op::GuardFalse)
        .expect("the body's branch guard");
    guard.snapshot.expect("a snapshot").0
}

fn run(compiler: &Compiler, code: &pyrite_jit::CompiledTrace) -> (u32, [u64; 3]) {
    let mut slots = [int(0), int(0), 0];
    let interrupt = 0u8;
    let mut virtuals = [0u64; pyrite_jit::VIRTUAL_WORDS];
    let mut ctx = TraceContext::new(slots.as_mut_ptr(), &interrupt, virtuals.as_mut_ptr());
    let exit = code.enter(compiler.trampoline(), &mut ctx);
    (exit, slots)
}

#[test]
fn tree_function_runs_like_root_and_side_trace_apart() {
    let root = root();
    let side = side();
    let entry = root_entry(&root).expect("the root has a body entry");
    let exit = odd_exit(&root, entry.loop_at);
    let clean = exit_states(&root, &entry, true, ChainState::Clean);
    assert!(clean[exit as usize], "the odd exit starts clean");
    let link = link_plan(&side, &entry, ChainState::Clean).expect("links into the body");
    let helpers = HelperTable::new();
    let options = CompileOptions::default();
    let mut compiler = Compiler::new().expect("host ISA");
    // Apart: the root with its body entry, the side trace in the odd exit's slot.
    let alone = compiler
        .compile_root(&root, &helpers, &options, Some(&entry))
        .expect("root compiles");
    let side_code = compiler
        .compile_side(
            &side,
            &helpers,
            &options,
            1 << 16,
            alone.address(),
            Some(&link),
        )
        .expect("side trace compiles");
    alone.set_exit_target(exit as usize, side_code.address());
    let apart = run(&compiler, &alone);
    // Together: one function; the side trace's exits would go through its own slots.
    let sides = [InlinedSide {
        trace: &side,
        parent_exit: exit,
        exit_base: 1 << 16,
        exit_slots: side_code.exit_slots_address(),
        link: &link,
        children: Vec::new(),
    }];
    let (tree, stats) = compiler
        .compile_tree(
            &root,
            &helpers,
            &options,
            &entry,
            alone.exit_slots_address(),
            &sides,
        )
        .expect("tree function compiles");
    assert_eq!(stats.inlined, vec![1 << 16]);
    assert_eq!(stats.inlined_exits, vec![exit]);
    assert!(!stats.slot_exits.contains(&exit), "{stats:?}");
    let together = run(&compiler, &tree);
    assert_eq!(together, apart);
    // The loop condition's exit: i reached 1000 and x = 500 * 3 - 500 * 1 (boxed, the
    // exit's snapshot naming the loop-carried homes as the back-edge boxed them).
    let unboxed = |w: u64| match w >= abi::INT_TAG {
        true => abi::decode_small_int(w),
        false => w as i64,
    };
    assert_eq!(unboxed(apart.1[0]), 1000, "{apart:?}");
    assert_eq!(unboxed(apart.1[1]), 1000, "{apart:?}");
    // AArch64 too.
    let (size, text, arm_stats) =
        compile_tree_for_target(&root, &helpers, &entry, &sides, "aarch64-unknown-linux-gnu")
            .expect("aarch64 compiles");
    assert!(
        size > compile_for_target(&root, &helpers, "aarch64-unknown-linux-gnu")
            .expect("aarch64 root")
            .0
    );
    assert!(text.contains("ret") || text.contains("br "), "{text}");
    assert_eq!(arm_stats, stats);
}
