//! Unit tests of the builtin functions and containers, calling them directly on a fresh
//! interpreter (the compiler is not needed).

use crate::interp::args::Args;
use crate::object::Value;
use crate::vm::{Config, Vm};

fn vm() -> Vm {
    Vm::new(Config {
        hash_seed: Some(0),
        ..Config::default()
    })
}

fn builtin(vm: &mut Vm, name: &str) -> Value {
    let d = vm.builtins_dict.clone();
    vm.dict_get_str(&d, name).expect("builtin exists")
}

fn call(vm: &mut Vm, name: &str, args: &[Value]) -> Value {
    let f = builtin(vm, name);
    vm.call(&f, args).expect("call succeeds")
}

fn repr(vm: &mut Vm, v: &Value) -> String {
    vm.repr(v).expect("repr succeeds")
}

fn ints(vm: &Vm, xs: &[i64]) -> Vec<Value> {
    xs.iter().map(|&i| vm.new_int(i)).collect()
}

#[test]
fn list_repr_and_sort() {
    let mut vm = vm();
    let items = ints(&vm, &[3, 1, 2]);
    let l = vm.new_list(items);
    let sorted = call(&mut vm, "sorted", std::slice::from_ref(&l));
    assert_eq!(repr(&mut vm, &sorted), "[1, 2, 3]");
    assert_eq!(repr(&mut vm, &l), "[3, 1, 2]");
}

#[test]
fn set_order_matches_cpython() {
    let mut vm = vm();
    // s = {0, 8, 16}; s.remove(0); s.remove(16); s.add(24)  ->  {8, 24}
    let items = ints(&vm, &[0, 8, 16]);
    let l = vm.new_list(items);
    let set_ty = vm.types.set.clone();
    let s = vm.call(&set_ty, &[l]).expect("set()");
    let remove = vm.getattr_str(&s, "remove").expect("remove");
    let zero = vm.new_int(0);
    let sixteen = vm.new_int(16);
    vm.call(&remove, &[zero]).expect("remove 0");
    vm.call(&remove, &[sixteen]).expect("remove 16");
    let x = vm.new_int(24);
    vm.set_add(&s, x).expect("add");
    assert_eq!(repr(&mut vm, &s), "{8, 24}");
}

#[test]
fn sum_uses_compensated_float_addition() {
    let mut vm = vm();
    let items: Vec<Value> = (0..10).map(|_| vm.new_float(0.1)).collect();
    let l = vm.new_list(items);
    let s = call(&mut vm, "sum", &[l]);
    assert_eq!(repr(&mut vm, &s), "1.0");
}

#[test]
fn min_max_and_errors() {
    let mut vm = vm();
    let items = ints(&vm, &[5, 2, 9]);
    let l = vm.new_list(items);
    let m = call(&mut vm, "max", std::slice::from_ref(&l));
    assert_eq!(m.as_small_int(), Some(9));
    let empty = vm.new_list(Vec::new());
    let f = builtin(&mut vm, "min");
    let err = vm.call(&f, &[empty]).expect_err("empty min fails");
    assert_eq!(
        format!("{err:?}"),
        "ValueError: min() iterable argument is empty"
    );
    let err = vm
        .call_args(&f, Args::positional_only(&[]))
        .expect_err("min() fails");
    assert_eq!(
        format!("{err:?}"),
        "TypeError: min expected at least 1 argument, got 0"
    );
}

#[test]
fn dict_and_views() {
    let mut vm = vm();
    let d = vm.new_dict();
    for i in 0..3 {
        let k = vm.new_int(i);
        let v = vm.new_int(i * 10);
        vm.dict_set(&d, k, v).expect("set");
    }
    assert_eq!(repr(&mut vm, &d), "{0: 0, 1: 10, 2: 20}");
    let items = vm.getattr_str(&d, "items").expect("items");
    let view = vm.call(&items, &[]).expect("view");
    assert_eq!(
        repr(&mut vm, &view),
        "dict_items([(0, 0), (1, 10), (2, 20)])"
    );
    let keys = vm.getattr_str(&d, "keys").expect("keys");
    let kv = vm.call(&keys, &[]).expect("keys view");
    let other = ints(&vm, &[1, 5]);
    let ol = vm.new_list(other);
    let r = vm
        .binary_op(&kv, &ol, crate::bytecode::BinaryOp::And)
        .expect("&");
    assert_eq!(repr(&mut vm, &r), "{1}");
}

#[test]
fn range_basics() {
    let mut vm = vm();
    let range_ty = vm.types.range.clone();
    let args = ints(&vm, &[0, 10, 3]);
    let r = vm.call(&range_ty, &args).expect("range");
    assert_eq!(repr(&mut vm, &r), "range(0, 10, 3)");
    assert_eq!(vm.len(&r).expect("len"), 4);
    let items = vm.collect_iterable(&r).expect("iter");
    let l = vm.new_list(items);
    assert_eq!(repr(&mut vm, &l), "[0, 3, 6, 9]");
    let nine = vm.new_int(9);
    assert!(vm.contains(&r, &nine).expect("in"));
}

#[test]
fn nested_repr_is_bounded() {
    // The CLI runs on a big-stack thread; do the same here.
    let ok = std::thread::Builder::new()
        .stack_size(512 << 20)
        .spawn(|| {
            let mut vm = vm();
            let mut v = vm.new_list(Vec::new());
            for _ in 0..100_000 {
                v = vm.new_list(vec![v]);
            }
            let err = vm.repr(&v).expect_err("deep repr fails");
            format!("{err:?}").starts_with("RecursionError")
        })
        .expect("spawn")
        .join()
        .expect("join");
    assert!(ok);
}

#[test]
fn exception_str_and_repr() {
    let mut vm = vm();
    let ty = vm
        .types
        .exception(crate::runtime::errors::ExcKind::KeyError)
        .clone();
    let k = vm.new_str("a");
    let e = vm.call(&ty, &[k]).expect("KeyError('a')");
    assert_eq!(repr(&mut vm, &e), "KeyError('a')");
    assert_eq!(vm.str(&e).expect("str"), "'a'");
    let os = vm
        .types
        .exception(crate::runtime::errors::ExcKind::OSError)
        .clone();
    let args = vec![vm.new_int(2), vm.new_str("No such file"), vm.new_str("x")];
    let e = vm.call(&os, &args).expect("OSError");
    assert_eq!(repr(&mut vm, &e), "FileNotFoundError(2, 'No such file')");
    assert_eq!(vm.str(&e).expect("str"), "[Errno 2] No such file: 'x'");
}
