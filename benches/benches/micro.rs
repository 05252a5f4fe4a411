//! Criterion micro-benchmarks of the interpreter: five small programs (int loop, float loop,
//! Python function calls, list and dict operations, string building), each run in a fresh
//! interpreter per iteration batch. Compare with CPython using `hyperfine` on the same
//! programs (`benches/programs/*.py`).

use criterion::{Criterion, criterion_group, criterion_main};

const PROGRAMS: &[(&str, &str)] = &[
    ("int_loop", include_str!("../programs/int_loop.py")),
    ("float_loop", include_str!("../programs/float_loop.py")),
    ("calls", include_str!("../programs/calls.py")),
    ("list_dict", include_str!("../programs/list_dict.py")),
    (
        "string_building",
        include_str!("../programs/string_building.py"),
    ),
];

fn run(source: &str) {
    let mut vm = pyrite::Vm::new(pyrite::Config::default());
    match vm.run_main_text(source, "<bench>") {
        pyrite::Outcome::Exit(0) => {}
        _ => panic!("benchmark program failed"),
    }
}

fn micro(c: &mut Criterion) {
    let mut group = c.benchmark_group("interpreter");
    group.sample_size(10);
    for (name, source) in PROGRAMS {
        group.bench_function(*name, |b| b.iter(|| run(source)));
    }
    group.finish();
}

criterion_group!(benches, micro);
criterion_main!(benches);
