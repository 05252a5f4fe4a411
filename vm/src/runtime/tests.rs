//! Unit tests of the runtime core that need no compiler: set table order, number semantics
//! and hashing, each expected value taken from CPython 3.13 (commands in comments).

use num_bigint::BigInt;

use crate::bytecode::BinaryOp;
use crate::object::Value;
use crate::runtime::numbers::{IntRef, float_divmod, int_true_divide};
use crate::vm::{Config, Vm};

fn vm() -> Vm {
    Vm::new(Config {
        hash_seed: Some(0),
        ..Config::default()
    })
}

#[test]
fn set_iteration_order_matches_cpython() {
    // python3 -c "s=set()\nfor x in [100,5,37,8,1024,-3,64,7,15,31,2**40,999999,12,13]: s.add(x)\nprint(list(s))"
    let mut table = crate::types::set::SetTable::new();
    let mut eq = |_: &Value| -> Result<bool, ()> { Ok(false) };
    for x in [
        100,
        5,
        37,
        8,
        1024,
        -3,
        64,
        7,
        15,
        31,
        1 << 40,
        999999,
        12,
        13,
    ] {
        let v = Value::try_small_int(x).expect("small");
        table
            .insert(crate::text::hash::hash_i64(x), v, &mut eq)
            .expect("insert");
    }
    let order: Vec<i64> = table
        .entries()
        .filter_map(|(_, v)| v.as_small_int())
        .collect();
    assert_eq!(
        order,
        [
            1024,
            64,
            1099511627776,
            100,
            37,
            5,
            7,
            8,
            12,
            999999,
            13,
            15,
            -3,
            31
        ]
    );
}

#[test]
fn int_true_division_is_correctly_rounded() {
    // python3 -c "print(10**30/7, (-10**25)/3, (2**60+1)/3)"
    let big = |s: &str| s.parse::<BigInt>().expect("int literal");
    let cases = [
        (
            big("1000000000000000000000000000000"),
            big("7"),
            1.4285714285714285e29_f64,
        ),
        (
            big("-10000000000000000000000000"),
            big("3"),
            -3.3333333333333333e24,
        ),
        (big("1152921504606846977"), big("3"), 3.843071682022823e17),
    ];
    for (a, b, expected) in cases {
        let r = int_true_divide(&IntRef::Big(&a), &IntRef::Big(&b)).expect("division");
        assert_eq!(r.to_bits(), expected.to_bits(), "{a} / {b}");
    }
}

#[test]
fn float_floor_division_and_modulo() {
    // python3 -c "print(divmod(-7.5, 2), divmod(7.5, -2), -7.5 // 0.1)"
    assert_eq!(float_divmod(-7.5, 2.0), (-4.0, 0.5));
    assert_eq!(float_divmod(7.5, -2.0), (-4.0, -0.5));
    assert_eq!(float_divmod(-7.5, 0.1).0, -75.0);
}

#[test]
fn hashes_match_cpython() {
    // python3 -c "print(hash(-1), hash(2**61), hash(-2**61-5), hash(1.5), hash(-0.0))"
    let mut vm = vm();
    let cases: Vec<(Value, i64)> = vec![
        (vm.new_int(-1), -2),
        (vm.new_bigint(BigInt::from(1u64 << 61)), 1),
        (vm.new_bigint(-BigInt::from(1u64 << 61) - 5), -6),
        (vm.new_float(1.5), 1152921504606846977),
        (vm.new_float(-0.0), 0),
    ];
    for (v, expected) in cases {
        assert_eq!(vm.hash(&v).expect("hashable"), expected);
    }
}

#[test]
fn small_int_overflow_becomes_big_int() {
    let mut vm = vm();
    let a = vm.new_int(i64::MAX);
    let b = vm.new_int(1);
    let r = vm.binary_op(&a, &b, BinaryOp::Add).expect("add");
    assert_eq!(
        r.as_bigint().map(ToString::to_string).as_deref(),
        Some("9223372036854775808")
    );
}

#[test]
fn freeing_deeply_nested_lists_does_not_overflow() {
    let vm = vm();
    let mut v = vm.new_list(Vec::new());
    for _ in 0..1_000_000 {
        v = vm.new_list(vec![v]);
    }
    drop(v);
}
