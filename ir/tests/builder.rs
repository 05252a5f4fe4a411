//! Tests of `TraceBuilder`: folding, CSE, load forwarding, snapshots and type errors, each
//! checked on the printed trace.

use pyrite_ir::{Effect, Op, TraceBuilder, Type, TypeTag, abi};

fn check(b: TraceBuilder, expected: &str) {
    let trace = b.finish().expect("well-typed trace");
    let printed = trace.to_string();
    let normalize = |s: &str| {
        s.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(normalize(&printed), normalize(expected), "\n{printed}");
}

#[test]
fn int_loop_records_folds_and_cses() {
    let mut b = TraceBuilder::new();
    let x = b.load_slot(0);
    b.snapshot(4, 0, &[]);
    b.guard_type(x, TypeTag::Int);
    // The second guard and unbox are the first ones again.
    b.guard_type(x, TypeTag::Int);
    let xi = b.emit(Op::UnboxInt, &[x]);
    let xi2 = b.emit(Op::UnboxInt, &[x]);
    assert_eq!(xi, xi2);
    let one = b.const_int(1);
    let zero = b.const_int(0);
    // x + 0 is x; 1 + x is x + 1.
    assert_eq!(b.emit(Op::AddIntOvf, &[xi, zero]), xi);
    let y = b.emit(Op::AddIntOvf, &[one, xi]);
    let boxed = b.emit(Op::BoxInt, &[y]);
    // unbox(box(y)) is y.
    assert_eq!(b.emit(Op::UnboxInt, &[boxed]), y);
    b.close_loop(0, 0, &[(0, boxed)]);
    check(
        b,
        "v0:value = load_slot [0]
         snap s0 pc=4 stack=0 {}
         guard_type v0, int !s0
         v2:i64 = unbox_int v0
         v3:i64 = add_int_ovf v2, 1 !s0
         v4:value = box_int v3 !s0
         snap s1 pc=0 stack=0 {0=v4}
         jump !s1",
    );
}

#[test]
fn constants_fold_but_overflow_stays_a_guard() {
    let mut b = TraceBuilder::new();
    b.snapshot(0, 0, &[]);
    let big = b.const_int(i64::MAX);
    let one = b.const_int(1);
    let two = b.const_int(2);
    let three = b.emit(Op::AddIntOvf, &[one, two]);
    assert_eq!(b.trace().const_value(three), Some(pyrite_ir::Const::Int(3)));
    let boxed = b.emit(Op::BoxInt, &[three]);
    assert_eq!(
        b.trace().const_value(boxed),
        Some(pyrite_ir::Const::Value(
            abi::encode_small_int(3).expect("small")
        ))
    );
    b.emit(Op::AddIntOvf, &[big, one]);
    let half = b.const_float(0.5);
    let neg_zero = b.const_float(-0.0);
    let f = b.emit(Op::UnboxFloat, &[boxed]);
    // -0.0 + 0.5 folds; x + -0.0 does not simplify away (only x - 0.0 would).
    let s = b.emit(Op::AddFloat, &[neg_zero, half]);
    assert_eq!(b.trace().const_value(s), Some(pyrite_ir::Const::float(0.5)));
    b.emit(Op::AddFloat, &[f, neg_zero]);
    check(
        b,
        "snap s0 pc=0 stack=0 {}
         v0:i64 = add_int_ovf 9223372036854775807, 1 !s0
         v1:f64 = unbox_float val:3
         v2:f64 = add_float v1, -0.0",
    );
}

#[test]
fn loads_forward_stores_and_stop_at_calls() {
    let mut b = TraceBuilder::new();
    let obj = b.load_slot(1);
    let a = b.load(Type::Value, obj, 16);
    assert_eq!(b.load(Type::Value, obj, 16), a);
    let other = b.load_slot(2);
    // A store to the same offset of another object may alias: the next load reloads.
    b.store(other, 16, a);
    let c = b.load(Type::Value, obj, 16);
    assert_ne!(c, a);
    b.store(obj, 16, other);
    assert_eq!(b.load(Type::Value, obj, 16), other);
    b.snapshot(8, 1, &[]);
    let h = b.helper(
        "append",
        &[Type::Value, Type::Value],
        Type::Void,
        Effect::MayRaise,
    );
    b.call(h, &[obj, other]);
    let d = b.load(Type::Value, obj, 16);
    assert_ne!(d, other);
    check(
        b,
        "helper @append(value, value) -> void may_raise
         v0:value = load_slot [1]
         v1:value = load v0, +16
         v2:value = load_slot [2]
         store v2, v1, +16
         v4:value = load v0, +16
         store v0, v2, +16
         snap s0 pc=8 stack=1 {}
         call @append, v0, v2 !s0
         v7:value = load v0, +16",
    );
}

#[test]
fn unused_snapshots_are_replaced() {
    let mut b = TraceBuilder::new();
    let x = b.load_slot(0);
    b.snapshot(1, 0, &[]);
    let s = b.snapshot(2, 0, &[(0, x)]);
    assert_eq!(s.0, 0);
    b.guard_type(x, TypeTag::Float);
    let s = b.snapshot(3, 0, &[]);
    assert_eq!(s.0, 1);
    check(
        b,
        "v0:value = load_slot [0]
         snap s0 pc=2 stack=0 {0=v0}
         guard_type v0, float !s0
         snap s1 pc=3 stack=0 {}",
    );
}

#[test]
fn type_errors_and_missing_snapshots_are_reported() {
    let mut b = TraceBuilder::new();
    let x = b.load_slot(0);
    b.emit(Op::AddIntOvf, &[x, x]);
    let err = b.finish().expect_err("value operands to an int op");
    assert!(err.0.contains("add_int_ovf"), "{err}");

    let mut b = TraceBuilder::new();
    let x = b.load_slot(0);
    b.guard_type(x, TypeTag::Int);
    let err = b.finish().expect_err("guard without snapshot");
    assert!(err.0.contains("before any snapshot"), "{err}");
}
