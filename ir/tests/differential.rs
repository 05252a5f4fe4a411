//! Differential test of the optimizer: random loop traces, recorded through the builder as
//! a recorder would, are run by a small reference interpreter before and after
//! `passes::optimize`; both must leave the trace at the same pc with the same frame state
//! (or both still be looping after the same number of iterations).
//!
//! The interpreter models value words as Python-level values, so boxes never fail (an exit
//! boxes any number, and a box that sinking removed does not check its range either): the
//! test compares what Python code could observe, not where a representation check exits.

use std::collections::BTreeMap;

use pyrite_ir::passes::optimize;
use pyrite_ir::{
    Const, Imm, Op, Ref, SnapValue, Snapshot, Trace, TraceBuilder, Type, TypeTag, abi, verify,
};

/// A Python-level value.
#[derive(Clone, Debug, PartialEq)]
enum Py {
    Int(i64),
    Float(u64),
    Bool(bool),
    None,
    Tuple(Vec<Py>),
    Word(u64),
}

/// An IR value at run time.
#[derive(Clone, Debug, PartialEq)]
enum Val {
    I(i64),
    F(f64),
    B(bool),
    V(Py),
    Void,
}

#[derive(Debug, PartialEq)]
enum Outcome {
    Exit {
        iteration: u32,
        pc: u32,
        slots: BTreeMap<u32, Py>,
        memory: Memory,
    },
    StillLooping(Memory),
    /// The interpreter met something this test does not model.
    Unsupported(String),
}

const MAX_ITERATIONS: u32 = 40;

/// Object fields: (object id, offset) → value. Objects are `Py::Word(id)`.
type Memory = BTreeMap<(u64, i32), Py>;

fn decode(word: u64) -> Py {
    match word {
        abi::IMM_NONE => Py::None,
        abi::IMM_TRUE => Py::Bool(true),
        abi::IMM_FALSE => Py::Bool(false),
        w if abi::is_small_int(w) => Py::Int(abi::decode_small_int(w)),
        w if abi::is_double(w) => Py::Float(abi::decode_double(w).to_bits()),
        w => Py::Word(w),
    }
}

fn constant(c: Const) -> Val {
    match c {
        Const::Int(v) => Val::I(v),
        Const::Float(bits) => Val::F(f64::from_bits(bits)),
        Const::Bool(b) => Val::B(b),
        Const::Value(w) => Val::V(decode(w)),
        Const::Ptr(p) => Val::V(Py::Word(p)),
    }
}

fn box_val(v: &Val) -> Py {
    match v {
        Val::I(i) => Py::Int(*i),
        Val::F(f) => Py::Float(f.to_bits()),
        Val::B(b) => Py::Bool(*b),
        Val::V(p) => p.clone(),
        Val::Void => Py::Word(0),
    }
}

/// Runs a trace; the flag says the exit was an overflow or box range check, after which this
/// model has no semantics (the interpreter would build a big int), so runs that end so are
/// not compared.
fn run(trace: &Trace, entry: &BTreeMap<u32, Py>, memory: &Memory) -> (Outcome, bool) {
    let mut repr_exit = false;
    let mut memory = memory.clone();
    let outcome = run_inner(trace, entry, &mut memory, &mut repr_exit);
    (outcome, repr_exit)
}

fn run_inner(
    trace: &Trace,
    entry: &BTreeMap<u32, Py>,
    memory: &mut Memory,
    repr_exit: &mut bool,
) -> Outcome {
    let mut frame = entry.clone();
    let mut vals: Vec<Val> = vec![Val::Void; trace.insts.len()];
    let loop_at = trace.loop_index();
    let first_body = loop_at.map(|l| {
        (l + 1..trace.insts.len())
            .find(|&i| trace.insts[i].op != Op::Phi)
            .unwrap_or(trace.insts.len())
    });
    let mut iterations = 0;
    let mut pc = 0;
    let exit = |snap: &Snapshot,
                vals: &[Val],
                frame: &BTreeMap<u32, Py>,
                memory: &Memory,
                iteration: u32|
     -> Outcome {
        let get = |r: Ref| {
            if r.is_const() {
                constant(trace.const_value(r).expect("constant"))
            } else {
                vals[r.index()].clone()
            }
        };
        fn materialize(snap: &Snapshot, v: SnapValue, get: &dyn Fn(Ref) -> Val) -> Py {
            match v {
                SnapValue::Ref(r) => box_val(&get(r)),
                SnapValue::Virtual(i) => Py::Tuple(
                    snap.virtuals[i as usize]
                        .fields
                        .iter()
                        .map(|&f| materialize(snap, f, get))
                        .collect(),
                ),
            }
        }
        let mut slots = frame.clone();
        for &(slot, v) in &snap.frames[0].slots {
            slots.insert(slot, materialize(snap, v, &get));
        }
        Outcome::Exit {
            iteration,
            pc: snap.frames[0].pc,
            slots,
            memory: memory.clone(),
        }
    };
    while pc < trace.insts.len() {
        let inst = &trace.insts[pc];
        let arg = |i: usize| -> Val {
            let r = inst.args[i];
            if r.is_const() {
                constant(trace.const_value(r).expect("constant"))
            } else {
                vals[r.index()].clone()
            }
        };
        let int = |i: usize| match arg(i) {
            Val::I(v) => v,
            other => panic!("{} expected i64, got {other:?}", inst.op),
        };
        let float = |i: usize| match arg(i) {
            Val::F(v) => v,
            other => panic!("{} expected f64, got {other:?}", inst.op),
        };
        let boolean = |i: usize| match arg(i) {
            Val::B(v) => v,
            other => panic!("{} expected bool, got {other:?}", inst.op),
        };
        let snap = || {
            trace
                .snapshot(inst.snapshot.expect("guard snapshot"))
                .expect("snapshot")
        };
        let mut fail = false;
        let result = match inst.op {
            Op::LoadSlot => {
                let Imm::Slot(s) = inst.imm else {
                    unreachable!()
                };
                Val::V(frame.get(&s).cloned().unwrap_or(Py::None))
            }
            Op::Loop => {
                iterations += 1;
                Val::Void
            }
            Op::Phi => arg(0),
            Op::Jump => {
                iterations += 1;
                if iterations >= MAX_ITERATIONS {
                    return Outcome::StillLooping(memory.clone());
                }
                match first_body {
                    Some(body) => {
                        let phis: Vec<(usize, Val)> = (loop_at.expect("loop") + 1..body)
                            .map(|i| {
                                let r = trace.insts[i].args[1];
                                let v = if r.is_const() {
                                    constant(trace.const_value(r).expect("c"))
                                } else {
                                    vals[r.index()].clone()
                                };
                                (i, v)
                            })
                            .collect();
                        for (i, v) in phis {
                            vals[i] = v;
                        }
                        pc = body;
                    }
                    None => {
                        if let Outcome::Exit { slots, .. } =
                            exit(snap(), &vals, &frame, memory, iterations)
                        {
                            frame = slots;
                        }
                        pc = 0;
                    }
                }
                continue;
            }
            Op::AddIntOvf | Op::SubIntOvf | Op::MulIntOvf => {
                let r = match inst.op {
                    Op::AddIntOvf => int(0).checked_add(int(1)),
                    Op::SubIntOvf => int(0).checked_sub(int(1)),
                    _ => int(0).checked_mul(int(1)),
                };
                fail = r.is_none();
                Val::I(r.unwrap_or(0))
            }
            Op::AddInt => Val::I(int(0).wrapping_add(int(1))),
            Op::SubInt => Val::I(int(0).wrapping_sub(int(1))),
            Op::LtInt => Val::B(int(0) < int(1)),
            Op::LeInt => Val::B(int(0) <= int(1)),
            Op::GtInt => Val::B(int(0) > int(1)),
            Op::GeInt => Val::B(int(0) >= int(1)),
            Op::EqInt => Val::B(int(0) == int(1)),
            Op::AddFloat => Val::F(float(0) + float(1)),
            Op::SubFloat => Val::F(float(0) - float(1)),
            Op::MulFloat => Val::F(float(0) * float(1)),
            Op::LtFloat => Val::B(float(0) < float(1)),
            Op::IntToFloat => Val::F(int(0) as f64),
            Op::NotBool => Val::B(!boolean(0)),
            Op::BoxInt | Op::BoxFloat | Op::BoxBool => Val::V(box_val(&arg(0))),
            Op::UnboxInt => match arg(0) {
                Val::V(Py::Int(i)) => Val::I(i),
                other => {
                    return Outcome::Unsupported(format!("unbox_int of {other:?} (unguarded)"));
                }
            },
            Op::UnboxFloat => match arg(0) {
                Val::V(Py::Float(bits)) => Val::F(f64::from_bits(bits)),
                other => {
                    return Outcome::Unsupported(format!("unbox_float of {other:?} (unguarded)"));
                }
            },
            Op::GuardType => {
                let Imm::Tag(tag) = inst.imm else {
                    unreachable!()
                };
                let ok = matches!(
                    (tag, arg(0)),
                    (TypeTag::Int, Val::V(Py::Int(_)))
                        | (TypeTag::Float, Val::V(Py::Float(_)))
                        | (TypeTag::Bool, Val::V(Py::Bool(_)))
                        | (TypeTag::None, Val::V(Py::None))
                        | (TypeTag::Object, Val::V(Py::Tuple(_) | Py::Word(_)))
                );
                fail = !ok;
                Val::Void
            }
            Op::GuardTrue => {
                fail = !boolean(0);
                Val::Void
            }
            Op::GuardFalse => {
                fail = boolean(0);
                Val::Void
            }
            Op::NewTuple => Val::V(Py::Tuple(
                (0..inst.args.len()).map(|i| box_val(&arg(i))).collect(),
            )),
            Op::IncRef | Op::DecRef => Val::Void,
            Op::Load | Op::Store => {
                let Imm::Offset(offset) = inst.imm else {
                    unreachable!()
                };
                let Val::V(Py::Word(object)) = arg(0) else {
                    return Outcome::Unsupported(format!("{} on {:?}", inst.op, arg(0)));
                };
                if inst.op == Op::Load {
                    Val::V(memory.get(&(object, offset)).cloned().unwrap_or(Py::None))
                } else {
                    memory.insert((object, offset), box_val(&arg(1)));
                    Val::Void
                }
            }
            other => return Outcome::Unsupported(format!("op {other}")),
        };
        if fail {
            *repr_exit = inst.op.flags().contains(pyrite_ir::OpFlags::REPR_GUARD);
            return exit(snap(), &vals, &frame, memory, iterations);
        }
        vals[pc] = result;
        pc += 1;
    }
    Outcome::Unsupported("fell off the end".into())
}

/// A xorshift generator: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Slots 0-3 hold ints, slot 4 a float, slot 5 tuples (never read back).
const INT_SLOTS: u64 = 4;
const FLOAT_SLOT: u32 = 4;
const TUPLE_SLOT: u32 = 5;
/// Slots 6 and 7 hold objects (sometimes the same one) with int fields at 16 and 24.
const OBJECT_SLOTS: [u32; 2] = [6, 7];

/// Records a random loop like the recorder would: per "bytecode", a snapshot of the slots
/// changed so far, guards on what it reads, and the result written to a slot. Slots keep
/// one type each (as a recorder would have observed), so most loops run several iterations.
fn random_trace(rng: &mut Rng) -> Trace {
    let mut b = TraceBuilder::new();
    let mut current: BTreeMap<u32, Ref> = BTreeMap::new();
    let mut changed: BTreeMap<u32, Ref> = BTreeMap::new();
    let read = |b: &mut TraceBuilder, current: &mut BTreeMap<u32, Ref>, slot: u32| -> Ref {
        *current.entry(slot).or_insert_with(|| b.load_slot(slot))
    };
    let steps = 2 + rng.below(7);
    for step in 0..steps {
        let pc = step as u32 * 2;
        let slots: Vec<(u32, Ref)> = changed.iter().map(|(&s, &r)| (s, r)).collect();
        b.snapshot(pc, 0, &slots);
        let (a, c) = (rng.below(INT_SLOTS) as u32, rng.below(INT_SLOTS) as u32);
        // Slot 1 is the loop bound: never written.
        let int_dst = [0, 2, 3][rng.below(3) as usize];
        let va = read(&mut b, &mut current, a);
        let vc = read(&mut b, &mut current, c);
        let object_slot = OBJECT_SLOTS[rng.below(2) as usize];
        let offset = [16, 24][rng.below(2) as usize];
        let (dst, result) = match if step == 0 { 0 } else { rng.below(9) } {
            // The loop counter: slot 0 += 1 while slot 0 < slot 1.
            0 => {
                let i = read(&mut b, &mut current, 0);
                let n = read(&mut b, &mut current, 1);
                b.guard_type(i, TypeTag::Int);
                b.guard_type(n, TypeTag::Int);
                let (ii, nn) = (b.emit(Op::UnboxInt, &[i]), b.emit(Op::UnboxInt, &[n]));
                let lt = b.emit(Op::LtInt, &[ii, nn]);
                b.guard_true(lt);
                let one = b.const_int(1);
                let next = b.emit(Op::AddIntOvf, &[ii, one]);
                (0, b.emit(Op::BoxInt, &[next]))
            }
            1 | 2 => {
                b.guard_type(va, TypeTag::Int);
                b.guard_type(vc, TypeTag::Int);
                let (x, y) = (b.emit(Op::UnboxInt, &[va]), b.emit(Op::UnboxInt, &[vc]));
                let op = [Op::AddIntOvf, Op::SubIntOvf, Op::MulIntOvf][rng.below(3) as usize];
                let r = b.emit(op, &[x, y]);
                (int_dst, b.emit(Op::BoxInt, &[r]))
            }
            3 => {
                let vf = read(&mut b, &mut current, FLOAT_SLOT);
                b.guard_type(vf, TypeTag::Float);
                let x = b.emit(Op::UnboxFloat, &[vf]);
                let k = b.const_float([0.5, -1.25, 3.0][rng.below(3) as usize]);
                let op = [Op::AddFloat, Op::SubFloat, Op::MulFloat][rng.below(3) as usize];
                let r = b.emit(op, &[x, k]);
                (FLOAT_SLOT, b.emit(Op::BoxFloat, &[r]))
            }
            4 => {
                b.guard_type(va, TypeTag::Int);
                let x = b.emit(Op::UnboxInt, &[va]);
                let f = b.emit(Op::IntToFloat, &[x]);
                (FLOAT_SLOT, b.emit(Op::BoxFloat, &[f]))
            }
            5 => {
                b.guard_type(va, TypeTag::Int);
                b.guard_type(vc, TypeTag::Int);
                (TUPLE_SLOT, b.new_tuple(&[va, vc]))
            }
            // x = obj.field
            7 => {
                let object = read(&mut b, &mut current, object_slot);
                b.guard_type(object, TypeTag::Object);
                let field = b.load(Type::Value, object, offset);
                b.guard_type(field, TypeTag::Int);
                (int_dst, field)
            }
            // obj.field = x
            8 => {
                let object = read(&mut b, &mut current, object_slot);
                b.guard_type(object, TypeTag::Object);
                b.guard_type(va, TypeTag::Int);
                b.store(object, offset, va);
                continue;
            }
            _ => {
                b.guard_type(va, TypeTag::Int);
                let x = b.emit(Op::UnboxInt, &[va]);
                let k = b.const_int(rng.below(20) as i64 - 5);
                let gt = b.emit(Op::GtInt, &[x, k]);
                if rng.below(2) == 0 {
                    b.guard_true(gt)
                } else {
                    b.guard_false(gt)
                }
                continue;
            }
        };
        current.insert(dst, result);
        changed.insert(dst, result);
    }
    let slots: Vec<(u32, Ref)> = changed.iter().map(|(&s, &r)| (s, r)).collect();
    b.close_loop(0, 0, &slots);
    b.finish().expect("random trace is well typed")
}

fn random_entry(rng: &mut Rng) -> (BTreeMap<u32, Py>, Memory) {
    let memory = [1, 2]
        .into_iter()
        .flat_map(|object| [16, 24].map(|offset| (object, offset)))
        .map(|place| (place, Py::Int(rng.below(6) as i64 - 1)))
        .collect();
    let slots = (0..=OBJECT_SLOTS[1])
        .map(|slot| {
            let value = match slot {
                6 | 7 => Py::Word(1 + rng.below(2)),
                0 => Py::Int(rng.below(5) as i64),
                1 => Py::Int(rng.below(30) as i64),
                FLOAT_SLOT => Py::Float((rng.below(8) as f64 * 0.25).to_bits()),
                TUPLE_SLOT => Py::None,
                _ if rng.below(8) == 0 => Py::None,
                _ => Py::Int(rng.below(5) as i64 - 2),
            };
            (slot, value)
        })
        .collect();
    (slots, memory)
}

const CASES: u32 = 2000;

#[test]
fn optimized_traces_behave_like_recorded_ones() {
    let seed = std::env::var("PYRITE_DIFF_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x9E37_79B9_7F4A_7C15);
    let mut rng = Rng(seed);
    let mut compared = 0;
    let (mut peeled, mut exits, mut looping, mut late_exits, mut skipped) = (0, 0, 0, 0, 0);
    for case in 0..CASES {
        let recorded = random_trace(&mut rng);
        verify(&recorded)
            .unwrap_or_else(|e| panic!("case {case}: recorded trace: {e}\n{recorded}"));
        let mut optimized = recorded.clone();
        optimize(&mut optimized).unwrap_or_else(|e| panic!("case {case}: {e}\n{recorded}"));
        verify(&optimized)
            .unwrap_or_else(|e| panic!("case {case}: optimized trace: {e}\n{optimized}"));
        peeled += optimized.loop_index().is_some() as u32;
        for _ in 0..4 {
            let (entry, memory) = random_entry(&mut rng);
            let (before, overflowed) = run(&recorded, &entry, &memory);
            if let Outcome::Unsupported(why) = &before {
                panic!("case {case}: recorded trace hit {why}\n{recorded}");
            }
            let (after, _) = run(&optimized, &entry, &memory);
            if overflowed {
                skipped += 1;
                continue;
            }
            assert_eq!(
                before, after,
                "case {case}, entry {entry:?}\n--- recorded\n{recorded}--- optimized\n{optimized}"
            );
            compared += 1;
            match &after {
                Outcome::Exit { iteration, .. } => {
                    exits += 1;
                    late_exits += (*iteration >= 2) as u32;
                }
                _ => looping += 1,
            }
        }
    }
    assert_eq!(compared + skipped, CASES * 4);
    // The random cases must exercise peeled loops, exits in the body and long loops alike.
    eprintln!(
        "skipped after overflow {skipped}, peeled {peeled}/{CASES}, exits {exits} (in the third iteration or later: {late_exits}), still looping {looping}"
    );
    assert!(
        peeled > CASES * 3 / 4 && late_exits > CASES && looping > CASES / 10 && skipped < CASES / 2
    );
}
