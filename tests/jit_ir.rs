//! JIT tests in the style of PyPy's `test_pypy_c`: run a small loop with `--dump-ir` and
//! check the *optimized* trace, mostly its loop body (after `loop`, up to `jump`): what must
//! have been hoisted, unboxed or inlined away. Each program also checks its own output, so
//! a trace that computes the wrong thing fails here too.

use std::process::Command;

/// Runs `source` with the JIT logging and dumping IR; returns (stdout, stderr).
fn run_jit(name: &str, source: &str, extra: &[&str]) -> (String, String) {
    let dir = std::env::temp_dir().join(format!("pyrite-jit-ir-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(format!("{name}.py"));
    std::fs::write(&path, source).expect("program written");
    let out = Command::new(env!("CARGO_BIN_EXE_pyrite"))
        .args(["--dump-ir", "--jit-log=-", "-X", "jit-threshold=50"])
        .args(extra)
        .arg(&path)
        .output()
        .expect("pyrite runs");
    let _ = std::fs::remove_file(&path);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The IR dumps in `stderr`: (header line, body lines).
fn traces(stderr: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in stderr.lines() {
        if line.starts_with("---- IR ") {
            out.push((line.to_owned(), Vec::new()));
        } else if line.starts_with("[jit]") || line.is_empty() {
            continue;
        } else if let Some((_, body)) = out.last_mut() {
            body.push(line.trim().to_owned());
        }
    }
    out
}

/// The loop body of the first root trace whose label contains `label`.
fn loop_body(stderr: &str, label: &str) -> Vec<String> {
    let (_, body) = traces(stderr)
        .into_iter()
        .find(|(header, body)| header.contains(label) && body.iter().any(|l| l == "loop"))
        .unwrap_or_else(|| panic!("no peeled trace for {label} in:\n{stderr}"));
    body.into_iter()
        .skip_while(|l| l != "loop")
        .skip(1)
        .take_while(|l| l != "jump")
        .collect()
}

fn count(body: &[String], needle: &str) -> usize {
    body.iter().filter(|l| l.contains(needle)).count()
}

#[test]
fn float_loop_body_has_no_allocation_type_guard_or_call() {
    // nbody's arithmetic shape: floats carried around the loop, mixed with the index.
    let source = "\
def integrate(n):
    h = 1.0 / n
    total = 0.0
    for i in range(n):
        x = (i + 0.5) * h
        total += 4.0 / (1.0 + x * x)
    return total * h
print(integrate(200000))
";
    let (stdout, stderr) = run_jit("float_loop", source, &[]);
    assert_eq!(stdout, "3.1415926535918897\n");
    let body = loop_body(&stderr, "loop@");
    for banned in ["box_", "guard_type", "call", "load_slot", "unbox_"] {
        assert_eq!(
            count(&body, banned),
            0,
            "{banned} in the loop body: {body:#?}"
        );
    }
    assert!(count(&body, "add_float") >= 2, "{body:#?}");
}

#[test]
fn range_loop_has_one_bounds_check_per_iteration() {
    let source = "\
def total(n):
    t = 0
    for i in range(n):
        t += i
    return t
print(total(100000))
";
    let (stdout, stderr) = run_jit("range_loop", source, &[]);
    assert_eq!(stdout, "4999950000\n");
    let body = loop_body(&stderr, "loop@");
    // The range compare is the only branch guard (besides the overflow checks of `t += i`
    // and of the position's increment); the step's sign guard was hoisted into the pre-roll.
    assert_eq!(count(&body, "guard_true"), 1, "{body:#?}");
    assert_eq!(count(&body, "lt_int"), 1, "{body:#?}");
    assert_eq!(count(&body, "gt_int"), 0, "{body:#?}");
    assert_eq!(count(&body, "call"), 0, "{body:#?}");
    assert_eq!(count(&body, "guard_type"), 0, "{body:#?}");
}

#[test]
fn int_while_loop_carries_unboxed_ints() {
    let source = "\
def mix(n):
    acc = 0
    i = 0
    while i < n:
        acc = (acc * 31 + i) % 1000003
        i += 1
    return acc
print(mix(100000))
";
    let (stdout, stderr) = run_jit("while_loop", source, &[]);
    assert_eq!(stdout, "933429\n");
    let body = loop_body(&stderr, "loop@");
    assert_eq!(count(&body, "guard_type"), 0, "{body:#?}");
    assert_eq!(count(&body, "load_slot"), 0, "{body:#?}");
    assert_eq!(count(&body, "box_int"), 0, "{body:#?}");
    assert!(count(&body, "phi") >= 2, "{body:#?}");
}

#[test]
fn branchy_loop_gets_a_side_trace_that_links_back() {
    let source = "\
def branchy(n):
    acc = 0
    for i in range(n):
        if i % 2:
            acc += 3
        else:
            acc -= 1
    return acc
print(branchy(100000))
";
    let (stdout, stderr) = run_jit("branchy", source, &["-X", "jit-hot-exit=10"]);
    assert_eq!(stdout, "100000\n");
    assert!(stderr.contains("attached to trace#1"), "{stderr}");
    let side = traces(&stderr)
        .into_iter()
        .find(|(header, _)| header.contains("side@"))
        .expect("a side trace");
    assert!(
        side.1.last().is_some_and(|l| l.starts_with("link")),
        "{side:#?}"
    );
    // The side trace starts from the parent's unboxed values: no type guard on a number.
    assert_eq!(count(&side.1, ", int !"), 0, "{side:#?}");
    assert!(count(&side.1, ":i64 = load_slot") >= 2, "{side:#?}");
    // Once attached, the loop no longer leaves at the branch every other iteration.
    let exits = stderr
        .lines()
        .filter(|l| l.contains(" exit ") && l.contains("-> line"))
        .count();
    assert!(exits < 50, "{exits} exits:\n{stderr}");
}

/// `mix` from loop_int: its odd branch, half the iterations, becomes a body-linking side trace.
const MIX: &str = "\
def mix(n):
    acc = 0
    i = 0
    while i < n:
        acc = (acc * 31 + i) % 1000003
        if acc & 1:
            acc += 7
        else:
            acc -= 3
        i += 1
    return acc
print(mix(100000))
";

#[test]
fn int_side_trace_jumps_into_the_loop_body() {
    // `mix` from loop_int: the odd branch is a side trace; it hands `acc` and `i` over as
    // raw ints and enters the root's body, skipping the pre-roll (the guard and unboxing
    // of `n`, which it did not touch).
    let source = MIX;
    let (stdout, stderr) = run_jit("mix", source, &["-X", "jit-hot-exit=10"]);
    assert_eq!(stdout, "545270\n");
    let side = traces(&stderr)
        .into_iter()
        .find(|(header, _)| header.contains("side@"))
        .expect("a side trace");
    let id = side.0.split_whitespace().nth(2).expect("trace id");
    assert!(
        stderr.contains(&format!("{id} links into the loop body")),
        "{stderr}"
    );
    // Its tail: the link's snapshot names the raw ints, nothing is boxed.
    let tail: Vec<&String> = side.1.iter().rev().take(2).collect();
    assert!(tail[0].starts_with("link"), "{side:#?}");
    assert!(
        tail[1].starts_with("snap") && tail[1].contains("pc="),
        "{side:#?}"
    );
    assert_eq!(count(&side.1, "= box_"), 0, "{side:#?}");
    // The root's jump names which home feeds which phi.
    let root = traces(&stderr)
        .into_iter()
        .find(|(header, _)| header.contains("loop@"))
        .expect("a root");
    assert!(
        root.1.last().is_some_and(|l| l.starts_with("jump !s")),
        "{root:#?}"
    );
}

#[test]
fn hot_side_trace_is_compiled_into_its_root_function() {
    // `mix` again: once the odd branch's side trace is attached, the root is recompiled
    // with it as one function, whose guard for that exit branches straight to the side
    // trace's code (no exit-slot jump) and whose link jumps to the body block.
    let source = MIX;
    let (stdout, stderr) = run_jit("mix_tree", source, &["-X", "jit-hot-exit=10"]);
    assert_eq!(stdout, "545270\n");
    let attached = stderr
        .lines()
        .find_map(|l| {
            let (side, rest) = l.strip_prefix("[jit] ")?.split_once(" side@")?;
            let (_, at) = rest.split_once(" attached to ")?;
            let (root, exit) = at.split_once(" exit ")?;
            Some((side.to_owned(), root.to_owned(), exit.to_owned()))
        })
        .unwrap_or_else(|| panic!("no side trace attached:\n{stderr}"));
    let (side, root, exit) = attached;
    let side_number = side.trim_start_matches("trace");
    let line = stderr
        .lines()
        .find(|l| l.contains(&format!("{root} recompiled with side traces {side_number}")))
        .unwrap_or_else(|| panic!("{root} not recompiled with {side}:\n{stderr}"));
    let direct = line
        .rsplit_once("exits without a slot jump ")
        .map(|(_, d)| d.trim_end_matches(')'))
        .unwrap_or("");
    assert!(
        direct.split(',').any(|e| e == format!("0:{exit}")),
        "{line}"
    );
    // Off: the root stays alone.
    let (stdout, stderr) = run_jit(
        "mix_tree_off",
        source,
        &["-X", "jit-hot-exit=10", "-X", "jit-tree-inline=0"],
    );
    assert_eq!(stdout, "545270\n");
    assert!(!stderr.contains("recompiled"), "{stderr}");
}

#[test]
fn attribute_counter_side_trace_jumps_into_the_loop_body() {
    // loop_attr's `tally`: the root carries `c.misses` in a register (stored back each
    // iteration); the side trace updates `c.hits` and enters the body, which reads
    // `c.misses` back from the object instead of re-running the pre-roll.
    let source = "\
class Counter:
    def __init__(self):
        self.hits = 0
        self.misses = 0
def tally(n):
    c = Counter()
    for i in range(n):
        if i % 3 == 0:
            c.hits += 1
        else:
            c.misses += 1
    return c.hits, c.misses
print(tally(30000))
";
    let (stdout, stderr) = run_jit("tally", source, &["-X", "jit-hot-exit=10"]);
    assert_eq!(stdout, "(10000, 20000)\n");
    assert!(stderr.contains("links into the loop body"), "{stderr}");
    let side = traces(&stderr)
        .into_iter()
        .find(|(header, _)| header.contains("side@"))
        .expect("a side trace");
    assert_eq!(count(&side.1, "call"), 0, "{side:#?}");
}

#[test]
fn side_trace_changing_an_invariant_links_to_the_pre_roll() {
    // The side path rewrites `step`, which the root's pre-roll unboxed once: entering the
    // body would keep the old value, so the side trace links to the pre-roll.
    let source = "\
def stepper(n):
    step = 1
    x = 0
    i = 0
    while i < n:
        if i % 1000 == 999:
            step = step + 1
        else:
            x += step
        i += 1
    return x, step
print(stepper(20000))
";
    let (stdout, stderr) = run_jit("stepper", source, &["-X", "jit-hot-exit=10"]);
    assert_eq!(stdout, "(209790, 21)\n");
    assert!(stderr.contains("attached to trace#1"), "{stderr}");
    assert!(!stderr.contains("links into the loop body"), "{stderr}");
}

#[test]
fn instance_attributes_are_read_and_written_in_the_trace() {
    let source = "\
class Counter:
    def __init__(self):
        self.hits = 0
def tally(n):
    c = Counter()
    for i in range(n):
        c.hits += i
    return c.hits
print(tally(100000))
";
    let (stdout, stderr) = run_jit("attributes", source, &[]);
    assert_eq!(stdout, "4999950000\n");
    let body = loop_body(&stderr, "loop@");
    // Map-guarded slot access: no helper; the guards and the slot vector of the
    // loop-invariant `c` are hoisted, and the load is forwarded from the last store.
    assert_eq!(count(&body, "call"), 0, "{body:#?}");
    assert_eq!(count(&body, "guard_eq"), 0, "{body:#?}");
    assert_eq!(count(&body, "load_attr"), 0, "{body:#?}");
    assert_eq!(count(&body, "store_attr"), 1, "{body:#?}");
}

#[test]
fn loop_attr_tally_loop_calls_nothing() {
    // `loop_attr`'s `tally`: both branches update a counter attribute.
    let source = "\
class Counter:
    def __init__(self):
        self.hits = 0
        self.misses = 0
def tally(n):
    c = Counter()
    for i in range(n):
        if i % 3 == 0:
            c.hits += 1
        else:
            c.misses += 1
    return c
c = tally(30000)
print(c.hits, c.misses)
";
    let (stdout, stderr) = run_jit("tally", source, &[]);
    assert_eq!(stdout, "10000 20000\n");
    let body = loop_body(&stderr, "loop@");
    assert_eq!(count(&body, "call"), 0, "{body:#?}");
    assert_eq!(count(&body, "store_attr"), 1, "{body:#?}");
    for (header, lines) in traces(&stderr) {
        assert_eq!(count(&lines, "call"), 0, "{header}: {lines:#?}");
    }
}

/// The machine code of the first tree function (`--dump-asm`): one instruction a line.
#[cfg(target_arch = "x86_64")]
fn tree_asm(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .skip_while(|l| !(l.starts_with("---- asm ") && l.contains("(tree)")))
        .skip(1)
        .take_while(|l| !l.starts_with("---- "))
        .filter_map(|l| {
            l.trim()
                .split_once(' ')
                .map(|(_, ins)| ins.trim().to_owned())
        })
        .collect()
}

#[test]
#[cfg(target_arch = "x86_64")]
fn tally_tree_divides_by_multiplication_and_checks_no_overflow() {
    // `loop_attr`'s tally as one tree function: `i % 3 == 0` is a multiplication by 3's
    // inverse and a compare (no remainder, no sign fix-up), the counter boxed back every
    // iteration cannot overflow an i64 (no `seto`; only its upper bound is checked when
    // it is boxed).
    let source = "\
class Counter:
    def __init__(self):
        self.hits = 0
        self.misses = 0
def tally(n):
    c = Counter()
    for i in range(n):
        if i % 3 == 0:
            c.hits += 1
        else:
            c.misses += 1
    return c
c = tally(30000)
print(c.hits, c.misses)
";
    let (stdout, stderr) = run_jit("tally_asm", source, &["--dump-asm"]);
    assert_eq!(stdout, "10000 20000\n");
    let asm = tree_asm(&stderr);
    assert!(!asm.is_empty(), "no tree function:\n{stderr}");
    let has = |needle: &str| asm.iter().filter(|l| l.contains(needle)).count();
    assert_eq!(has("seto"), 0, "{asm:#?}");
    assert_eq!(has("idiv"), 0, "{asm:#?}");
    assert_eq!(has("3Fh"), 0, "no sign fix-up: {asm:#?}");
    // The pre-roll's and the body's `i % 3`, nothing else multiplies.
    assert_eq!(has("imul"), 2, "{asm:#?}");
}

#[test]
fn attribute_update_loop_is_float_arithmetic_on_registers() {
    let source = "\
class P:
    def __init__(self, x, v):
        self.x = x
        self.v = v
def step(p, dt, n):
    for _ in range(n):
        p.x += p.v * dt
    return p.x
print(step(P(1.0, 2.0), 0.5, 10000))
";
    let (stdout, stderr) = run_jit("attr_update", source, &[]);
    assert_eq!(stdout, "10001.0\n");
    let body = loop_body(&stderr, "loop@");
    // `p.v * dt` is invariant (hoisted); `p.x` is carried in a register and stored back
    // once per iteration (boxing an immediate double is a bit operation, no allocation).
    for banned in ["call", "load_attr", "unbox_float", "new_", "guard_type"] {
        assert_eq!(count(&body, banned), 0, "{banned}: {body:#?}");
    }
    assert_eq!(count(&body, "add_float"), 1, "{body:#?}");
    assert_eq!(count(&body, "store_attr"), 1, "{body:#?}");
}

#[test]
fn for_over_list_has_no_helper_call_in_the_loop_body() {
    let source = "\
def total(items):
    s = 0
    for x in items:
        s += x
    return s
print(total(list(range(100000))))
";
    let (stdout, stderr) = run_jit("for_list", source, &[]);
    assert_eq!(stdout, "4999950000\n");
    let body = loop_body(&stderr, "loop@");
    assert_eq!(count(&body, "call"), 0, "{body:#?}");
    assert_eq!(count(&body, "new_tuple"), 0, "{body:#?}");
    // One bounds check against the length per iteration; the list's type guard is hoisted.
    assert_eq!(count(&body, "lt_int"), 1, "{body:#?}");
    assert_eq!(count(&body, "guard_eq"), 0, "{body:#?}");
    assert_eq!(count(&body, "load_elem"), 1, "{body:#?}");
}

#[test]
fn enumerate_and_zip_allocate_nothing_per_iteration() {
    let source = "\
def dot(a, b):
    s = 0.0
    for i, (x, y) in enumerate(zip(a, b)):
        pass
    for x, y in zip(a, b):
        s += x * y
    t = 0
    for i, x in enumerate(a):
        t += i
    return s, t
print(dot([0.5] * 50000, [2.0] * 50000))
";
    let (stdout, stderr) = run_jit("enumerate_zip", source, &[]);
    assert_eq!(stdout, "(50000.0, 1249975000)\n");
    let peeled: Vec<_> = traces(&stderr)
        .into_iter()
        .filter(|(_, body)| body.iter().any(|l| l == "loop"))
        .collect();
    assert!(peeled.len() >= 2, "{stderr}");
    for (header, body) in peeled {
        for banned in ["new_tuple", "call", "= box_"] {
            assert!(
                body.iter()
                    .skip_while(|l| *l != "loop")
                    .all(|l| !l.contains(banned)),
                "{banned} in {header}: {body:#?}"
            );
        }
    }
}

#[test]
fn swapping_assignment_allocates_no_tuple() {
    let source = "\
def fib(n):
    a, b, c = 0, 1, 2
    for _ in range(n):
        a, b, c = b, a + b, c
    return a
print(fib(90))
";
    let (stdout, stderr) = run_jit("fib", source, &[]);
    assert_eq!(stdout, "2880067194370816120\n");
    let all: Vec<String> = traces(&stderr).into_iter().flat_map(|(_, b)| b).collect();
    assert_eq!(count(&all, "new_tuple"), 0, "{all:#?}");
    let body = loop_body(&stderr, "loop@");
    assert_eq!(count(&body, "call"), 0, "{body:#?}");
}

#[test]
fn nbody_inner_loop_allocates_nothing_and_calls_nothing() {
    // nbody's pair loop: tuples of lists of floats unpacked, items read and updated in place.
    let source = "\
def advance(pairs, dt, n):
    for _ in range(n):
        for ((p1, v1, m1), (p2, v2, m2)) in pairs:
            dx = p1[0] - p2[0]
            dy = p1[1] - p2[1]
            dz = p1[2] - p2[2]
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * d2)
            b1 = m1 * mag
            b2 = m2 * mag
            v1[0] -= dx * b2
            v1[1] -= dy * b2
            v1[2] -= dz * b2
            v2[0] += dx * b1
            v2[1] += dy * b1
            v2[2] += dz * b1
bodies = [([float(i), 2.0 * i, 0.5 * i], [0.0, 0.0, 0.0], 1.0 + i) for i in range(5)]
pairs = [(bodies[i], bodies[j]) for i in range(5) for j in range(i + 1, 5)]
advance(pairs, 0.01, 2000)
print(round(sum(v[0] + v[1] + v[2] for _, v, _ in bodies), 6))
";
    let (stdout, stderr) = run_jit("nbody", source, &[]);
    assert_eq!(stdout, "12.786596\n");
    let body = loop_body(&stderr, "loop@");
    // Stores into the lists box floats (a bit operation, no allocation).
    for banned in ["new_tuple", "call"] {
        assert_eq!(count(&body, banned), 0, "{banned}: {body:#?}");
    }
    // The float arithmetic runs unboxed.
    assert!(count(&body, "mul_float") >= 9, "{body:#?}");
}

#[test]
fn small_function_call_is_inlined() {
    let source = "\
def f(x):
    return x * x + 1

def run(n):
    t = 0
    for i in range(n):
        t += f(i)
    return t
print(run(100000))
";
    let (stdout, stderr) = run_jit("inlined_call", source, &[]);
    assert_eq!(stdout, "333328333450000\n");
    let body = loop_body(&stderr, "loop@");
    // No call, and the callee's identity guard was hoisted out of the loop.
    assert_eq!(count(&body, "call"), 0, "{body:#?}");
    assert_eq!(count(&body, "guard_eq"), 0, "{body:#?}");
    // `i * i` of a 48-bit range item may overflow i64, and so may `+ 1` after it.
    assert_eq!(count(&body, "mul_int_ovf"), 1, "{body:#?}");
    assert_eq!(count(&body, "add_int_ovf"), 2, "{body:#?}");
    // Exits inside the call know the callee's frame.
    assert!(body.iter().any(|l| l.contains("| fn=")), "{body:#?}");
}

#[test]
fn method_call_loop_makes_no_bound_method() {
    let source = "\
class Scaler:
    def scale(self, k):
        return k * 3 + 1

def run(n):
    s = Scaler()
    t = 0
    for i in range(n):
        t += s.scale(i)
    return t
print(run(100000))
";
    let (stdout, stderr) = run_jit("method_call", source, &[]);
    assert_eq!(stdout, "14999950000\n");
    let body = loop_body(&stderr, "loop@");
    // The method lookup (type version + map guard) is loop-invariant: hoisted, so the
    // body neither calls anything nor allocates a bound method.
    for banned in ["call", "new_", "guard_eq", "box_"] {
        assert_eq!(count(&body, banned), 0, "{banned} in {body:#?}");
    }
}

#[test]
fn module_function_and_builtins_are_lowered() {
    let source = "\
import math

def run(n):
    t = 0.0
    for i in range(n):
        t += math.sqrt(i) + abs(i - 50.5) + max(i * 0.5, 3.0)
    return t
print(run(1000))
";
    let (stdout, stderr) = run_jit("builtins_lowered", source, &[]);
    assert_eq!(stdout, "722427.3331108795\n");
    let body = loop_body(&stderr, "loop@");
    assert_eq!(count(&body, "sqrt_float"), 1, "{body:#?}");
    assert_eq!(count(&body, "abs_float"), 1, "{body:#?}");
    // `max` is a pure helper; `math` and `math.sqrt` are constants checked at entry.
    assert_eq!(count(&body, "call @max_float"), 1, "{body:#?}");
    assert_eq!(count(&body, "guard_eq"), 0, "{body:#?}");
    assert_eq!(count(&body, "load_slot"), 0, "{body:#?}");
}

#[test]
fn recursion_beyond_the_inline_depth_is_a_residual_call() {
    let source = "\
def depth(n):
    if n < 2:
        return n
    return depth(n - 1) + 1

def run(k):
    total = 0
    for i in range(k):
        total += depth(i % 40)
    return total
print(run(20000))
";
    let (stdout, stderr) = run_jit("residual_call", source, &[]);
    assert_eq!(stdout, "390000\n");
    let all = traces(&stderr);
    // The first recording aborts inside the inlined recursion; the next one calls `depth`
    // from the trace, and a side trace continues after the call and links back.
    let root = all
        .iter()
        .find(|(header, body)| {
            header.contains("loop@") && body.iter().any(|l| l.contains("call @residual_call_1"))
        })
        .unwrap_or_else(|| panic!("no trace with a residual call in:\n{stderr}"));
    assert!(root.1.iter().any(|l| l.starts_with("exit")), "{root:#?}");
    assert!(
        all.iter()
            .any(|(header, body)| header.contains("side@")
                && body.iter().any(|l| l.starts_with("link"))),
        "no side trace linking back after the call:\n{stderr}"
    );
    let aborts = stderr
        .lines()
        .filter(|l| l.starts_with("[jit] abort"))
        .count();
    assert!(aborts <= 1, "{stderr}");
    assert!(!stderr.contains("blacklisted"), "{stderr}");
}

#[test]
fn round_to_two_digits_is_one_helper_call() {
    let source = "\
def run(n):
    t = 0.0
    x = 0.0
    for i in range(n):
        x += 0.0137
        t += round(x, 2)
    return t
print(round(run(100000), 3))
";
    let (stdout, stderr) = run_jit("round_call", source, &[]);
    // CPython 3.13 prints this.
    assert_eq!(stdout, "68500681.87\n");
    let body = loop_body(&stderr, "loop@");
    assert_eq!(count(&body, "call @round_float"), 1, "{body:#?}");
    assert_eq!(count(&body, "call"), 1, "{body:#?}");
    assert_eq!(count(&body, "box_float"), 0, "{body:#?}");
}

#[test]
fn tuple_passed_to_an_inlined_call_is_never_allocated_and_rebuilt_at_exits() {
    // The tuple lives in the inlined frame's snapshots as a virtual; the trace compiles
    // and the exit of the untaken branch rebuilds it for the interpreter.
    let source = "\
kept = []
def norm(p):
    x, y = p
    if x == 700:
        kept.append(p)
    return x * x + y * y
def total(n):
    s = 0
    for i in range(n):
        s += norm((i, i + 1))
    return s
print(total(1000), kept)
";
    let (stdout, stderr) = run_jit("virtual_tuple", source, &[]);
    assert_eq!(stdout, "666667000 [(700, 701)]\n");
    let (header, lines) = traces(&stderr)
        .into_iter()
        .find(|(header, _)| header.contains("loop@"))
        .unwrap_or_else(|| panic!("no root trace in:\n{stderr}"));
    assert!(
        lines.iter().any(|l| l.contains("=tuple(")),
        "{header}: {lines:#?}"
    );
    let body = loop_body(&stderr, "loop@");
    for banned in ["new_tuple", "call"] {
        assert_eq!(count(&body, banned), 0, "{banned}: {body:#?}");
    }
}

#[test]
fn outer_loop_calls_the_compiled_inner_loop() {
    let source = "\
def triangle(n):
    total = 0
    for i in range(n):
        for j in range(i):
            total += (i ^ j) & 15
    return total
print(triangle(3000))
";
    let (stdout, stderr) = run_jit("nested", source, &[]);
    assert_eq!(stdout, "33749872\n");
    // The outer root trace ends in a call of the inner loop's trace...
    let outer = traces(&stderr)
        .into_iter()
        .find(|(header, _)| header.contains("loop@") && header.ends_with(":3 ----"))
        .unwrap_or_else(|| panic!("no outer trace in:\n{stderr}"));
    assert!(
        outer.1.last().is_some_and(|l| l.starts_with("exit")),
        "{outer:#?}"
    );
    assert!(
        stderr.contains("exit") && stderr.contains("calls inner loop trace#1 loop@"),
        "{stderr}"
    );
    // ...and the code after the inner loop is a continuation linking back to the root.
    let cont = traces(&stderr)
        .into_iter()
        .find(|(header, _)| header.contains("cont@"))
        .unwrap_or_else(|| panic!("no continuation in:\n{stderr}"));
    assert!(
        cont.1.last().is_some_and(|l| l.starts_with("link")),
        "{cont:#?}"
    );
    // Once the continuation is compiled, the ~2900 outer iterations left never return to
    // the interpreter (only the final exits of the outer loop and of the function do).
    let exits = stderr
        .lines()
        .skip_while(|l| !(l.contains("cont@") && l.contains("compiled")))
        .filter(|l| l.contains(" exit ") && l.contains("-> line"))
        .count();
    assert!(exits <= 2, "{exits} exits:\n{stderr}");
}

#[test]
fn short_constant_inner_loops_are_unrolled_into_the_outer_trace() {
    // `for k in range(3)` inside the `j` loop: the `j` loop's trace runs the three
    // iterations itself (no loop call, no transfer), its exits inside them describe the
    // iterator as a virtual, and the `j` loop never leaves for the inner loop's tree.
    let source = "\
def grid(n):
    acc = 0
    for i in range(n):
        for j in range(n):
            if i == j:
                continue
            for k in range(3):
                acc += (i * j + k) % 7
    return acc
print(grid(200))
";
    let (stdout, stderr) = run_jit("unrolled", source, &[]);
    assert_eq!(stdout, "322886\n");
    let middle = traces(&stderr)
        .into_iter()
        .find(|(header, _)| header.contains("loop@") && header.ends_with(":4 ----"))
        .unwrap_or_else(|| panic!("no trace of the j loop in:\n{stderr}"));
    assert!(
        middle.1.iter().any(|l| l.contains("=range_iter(")),
        "snapshots inside the unrolled loop describe its iterator: {middle:#?}"
    );
    assert!(
        !middle.1.last().is_some_and(|l| l.starts_with("exit")),
        "the j loop's trace does not end in a loop call: {middle:#?}"
    );
    assert!(
        !stderr
            .lines()
            .any(|l| l.contains("calls inner loop") && l.ends_with(":7")),
        "{stderr}"
    );
    let body = loop_body(&stderr, ":4 ----");
    assert_eq!(count(&body, "call"), 0, "{body:#?}");
}

#[test]
fn side_traces_start_inside_unrolled_loops() {
    // A data-dependent branch inside the unrolled `k` loop: its hot exit gets a side trace
    // that takes the virtual iterator over, unrolls the rest of the loop and links back.
    let source = "\
def f(n):
    acc = 0
    for i in range(n):
        for k in range(4):
            if (i * 7 + k * 3) % 5 < 2:
                acc += k
            else:
                acc -= 1
    return acc
print(f(3000))
";
    let (stdout, stderr) = run_jit("unrolled_side", source, &[]);
    assert_eq!(stdout, "0\n");
    let sides: Vec<(String, Vec<String>)> = traces(&stderr)
        .into_iter()
        .filter(|(header, body)| {
            header.contains("side@") && body.iter().any(|l| l.contains("=range_iter("))
        })
        .collect();
    assert!(!sides.is_empty(), "{stderr}");
    for (header, body) in &sides {
        assert!(
            body.last().is_some_and(|l| l.starts_with("link")),
            "{header}: {body:#?}"
        );
    }
    // Once the side traces exist, the outer loop no longer leaves for the interpreter or
    // the inner loop's own tree on every iteration.
    let exits = stderr
        .lines()
        .filter(|l| l.contains(" exit ") && l.contains("-> line"))
        .count();
    assert!(exits < 1500, "{exits} exits:\n{stderr}");
}

#[test]
fn point_temporaries_are_never_allocated() {
    // `Point(a, b)` made and consumed each iteration: `__init__` and `dot` are inlined,
    // the instance is virtual (its attributes are the IR values stored into it), and the
    // loop body is float arithmetic only.
    let source = "\
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def dot(self, o):
        return self.x * o.x + self.y * o.y
def f(n):
    q = Point(1.0, 0.5)
    s = 0.0
    for i in range(n):
        s += Point(float(i), 2.0).dot(q)
    return s
print(f(3000))
";
    let (stdout, stderr) = run_jit("point_temporaries", source, &[]);
    assert_eq!(stdout, "4501500.0\n");
    let body = loop_body(&stderr, "loop@");
    for banned in ["new_", "call", "box_float", "load_attr", "store_attr"] {
        assert_eq!(count(&body, banned), 0, "{banned}: {body:#?}");
    }
    let (_, lines) = traces(&stderr)
        .into_iter()
        .find(|(header, _)| header.contains("loop@"))
        .unwrap_or_default();
    assert!(
        lines.iter().any(|l| l.contains("=instance(")),
        "snapshots describe the instance: {lines:#?}"
    );
}

#[test]
fn short_trip_loops_go_back_to_the_interpreter() {
    let source = "\
def pair(k):
    t = 0
    for i in range(k, k + 2):
        t += i
    return t
def nested(n):
    t = 0
    for i in range(n):
        for j in range(i % 2):
            t += j + i
    return t
s = 0
for k in range(3000):
    s += pair(k)
print(s, nested(3000))
";
    let (stdout, stderr) = run_jit("short_trip", source, &["-X", "jit-short-trip-sample=11"]);
    assert_eq!(stdout, "9000000 2250000\n");
    // `pair`'s loop runs twice per call: judged after 11 + 11 entries and blacklisted.
    let judged: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("too few iterations per entry"))
        .collect();
    assert_eq!(judged.len(), 1, "{stderr}");
    assert!(
        judged[0].contains(":3: ") && judged[0].contains("(2.0 iterations per run; blacklisted)"),
        "{stderr}"
    );
}

#[test]
fn mix_loop_has_no_overflow_check_the_ranges_rule_out() {
    // loop_int's `mix`: `% 1000003` bounds acc, `i < n` bounds i, so `acc * 31 + i`,
    // `acc - 3` and `i + 1` cannot overflow: no `_ovf` op is left in the loop body.
    let source = "\
def mix(n):
    acc = 0
    i = 0
    while i < n:
        acc = (acc * 31 + i) % 1000003
        acc ^= i >> 3
        if acc & 1:
            acc += 7
        else:
            acc -= 3
        i += 1
    return acc
print(mix(100000))
";
    let (stdout, stderr) = run_jit("mix_ranges", source, &[]);
    assert_eq!(stdout, "517541\n");
    let body = loop_body(&stderr, "loop@");
    assert_eq!(count(&body, "_ovf"), 0, "{body:#?}");
    assert_eq!(count(&body, "mul_int"), 1, "{body:#?}");
    assert_eq!(count(&body, "guard_type"), 0, "{body:#?}");
}

#[test]
fn prefix_sums_loop_has_no_bounds_check_in_the_body() {
    // `for i in range(len(data))`: one `stop <= len` check per list before the loop; the
    // body keeps only the range's own `i < stop` compare, no `i >= 0` or `i < len`.
    let source = "\
def prefix_sums(data):
    out = [0] * len(data)
    running = 0
    for i in range(len(data)):
        running += data[i]
        out[i] = running
    return out
data = [(i * 7919) % 1009 for i in range(100000)]
print(prefix_sums(data)[-1])
";
    let (stdout, stderr) = run_jit("prefix_sums", source, &[]);
    assert_eq!(stdout, "50401038\n");
    let body = loop_body(&stderr, "prefix_sums.py:4 ");
    let body: Vec<String> = body
        .iter()
        .filter(|l| !l.starts_with("snap"))
        .cloned()
        .collect();
    let compares = ["lt_int", "le_int", "ge_int", "gt_int"];
    let total: usize = compares.iter().map(|c| count(&body, c)).sum();
    assert_eq!(total, 1, "{body:#?}");
    assert_eq!(count(&body, "guard_true"), 1, "{body:#?}");
    assert_eq!(count(&body, "load_elem"), 2, "{body:#?}");
    assert_eq!(count(&body, "store_elem"), 1, "{body:#?}");
}

#[test]
fn reverse_pairs_loop_has_no_bounds_check_in_the_body() {
    // `data[i]` and `data[-1 - i]` for `i in range(len(data))`: both bounds are checked
    // once before the loop (`stop <= len`, `stop <= len - 1 + 1`); the body compares only
    // `i < stop`.
    let source = "\
def reverse_pairs(data):
    n = len(data)
    acc = 0
    for i in range(n):
        acc += data[i] * data[-1 - i]
    return acc % 1000000007
data = [(i * 7919) % 1009 for i in range(100000)]
print(reverse_pairs(data))
";
    let (stdout, stderr) = run_jit("reverse_pairs", source, &[]);
    assert_eq!(stdout, "857297302\n");
    let body = loop_body(&stderr, "reverse_pairs.py:4 ");
    let body: Vec<String> = body
        .iter()
        .filter(|l| !l.starts_with("snap"))
        .cloned()
        .collect();
    let compares = ["lt_int", "le_int", "ge_int", "gt_int"];
    let total: usize = compares.iter().map(|c| count(&body, c)).sum();
    assert_eq!(total, 1, "{body:#?}");
    assert_eq!(count(&body, "guard_true"), 1, "{body:#?}");
    assert_eq!(count(&body, "load_elem"), 2, "{body:#?}");
}

#[test]
fn method_of_a_base_class_on_list_items_is_a_constant_not_a_lookup() {
    let source = "\
class Shape:
    def area(self):
        return self.w * self.h

class Box(Shape):
    def __init__(self, w, h):
        self.w = w
        self.h = h

def run(items, n):
    t = 0
    for _ in range(n):
        for b in items:
            t += b.area()
    return t
print(run([Box(i, i + 1) for i in range(20)], 300))
";
    let (stdout, stderr) = run_jit("base_method", source, &[]);
    assert_eq!(stdout, "798000\n");
    let body = loop_body(&stderr, "loop@");
    // Each item gets its class and map guarded (shared by the method lookup and the
    // attribute loads); the method itself is a constant: no helper call.
    assert_eq!(count(&body, "call"), 0, "{body:#?}");
    assert_eq!(
        count(&body, "and_int"),
        1,
        "one map check per item: {body:#?}"
    );
}

#[test]
fn object_attribute_store_counts_references_in_the_trace() {
    let source = "\
class Node:
    def __init__(self, k):
        self.k = k
        self.next = None

def run(n):
    nodes = [Node(i) for i in range(8)]
    head = Node(-1)
    t = 0
    for i in range(n):
        head.next = nodes[i % 8]
        t += head.next.k
    return t
print(run(8000))
";
    let (stdout, stderr) = run_jit("object_store", source, &[]);
    assert_eq!(stdout, "28000\n");
    let body = loop_body(&stderr, "loop@");
    // The stored node gains a reference, the overwritten one (a loop-carried register,
    // forwarded from the last store) loses one after a guard that it has another owner;
    // nothing is called.
    assert_eq!(count(&body, "incref"), 1, "{body:#?}");
    assert_eq!(count(&body, "decref"), 1, "{body:#?}");
    assert_eq!(count(&body, "store_attr"), 1, "{body:#?}");
    assert_eq!(count(&body, "call"), 0, "{body:#?}");
}

#[test]
fn recursive_function_calls_its_own_tree_natively() {
    // A function-entry tree: fib's body from its entry to its RETURN; the recursive calls
    // are residual calls that run fib's own tree natively (no interpreter frame).
    let source = "\
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print(fib(22))
";
    let (stdout, stderr) = run_jit(
        "native_recursion",
        source,
        &["-X", "jit-function-threshold=50"],
    );
    assert_eq!(stdout, "17711\n");
    let all = traces(&stderr);
    let (_, root) = all
        .iter()
        .find(|(header, _)| header.contains("function@"))
        .unwrap_or_else(|| panic!("no function-entry trace in:\n{stderr}"));
    // The root leaves at a RETURN (or stitches after a call): it never loops.
    assert!(
        root.last().is_some_and(|l| l.starts_with("exit ")),
        "{root:#?}"
    );
    assert_eq!(count(root, "jump"), 0, "{root:#?}");
    // The recursive calls are residual calls (in the root or a side trace of the tree).
    assert!(
        all.iter()
            .any(|(_, body)| count(body, "call @residual_call_1") == 1),
        "{stderr}"
    );
    assert!(
        stderr.contains("called natively (lean)"),
        "fib never ran leanly:\n{stderr}"
    );
    assert!(!stderr.contains("abort function@"), "{stderr}");
}

#[test]
fn int_shift_and_true_division_are_machine_ops() {
    // A xorshift step: `<<` is a multiplication by a power of two (its overflow check
    // dropped under the mask), `/` by a float one float division, no helper.
    let source = "\
def f(n):
    x = 1
    total = 0.0
    for i in range(n):
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        total += x / 4294967296.0
    return x, total
print(f(100000))
";
    let (stdout, stderr) = run_jit("shift_div", source, &[]);
    assert_eq!(stdout, "(1, 7081.702566938475)\n");
    let body = loop_body(&stderr, "loop@");
    assert_eq!(count(&body, "mul_int v"), 1, "{body:#?}");
    assert_eq!(count(&body, "div_float"), 1, "{body:#?}");
    for banned in ["call", "box_", "guard_type"] {
        assert_eq!(count(&body, banned), 0, "{banned} in {body:#?}");
    }
}

#[test]
fn list_pop_and_str_equality_are_one_helper_call_each() {
    // `items.pop()` is one `list_pop` call guarded non-null, its item's type guard after
    // it; `s == \"A\"` of exact strs one pure `str_eq` call; `while items` a length test.
    let source = "\
def g(items):
    hits = 0
    while items:
        s = items.pop()
        if s == 'A':
            hits += 1
    return hits
print(g(['A', 'B', 'C'] * 3000))
";
    let (stdout, stderr) = run_jit("pop_streq", source, &[]);
    assert_eq!(stdout, "3000\n");
    let body = loop_body(&stderr, "loop@");
    assert_eq!(count(&body, "call @list_pop"), 1, "{body:#?}");
    assert_eq!(count(&body, "call @str_eq"), 1, "{body:#?}");
    assert_eq!(count(&body, "call"), 2, "{body:#?}");
}

#[test]
fn user_class_operators_are_inlined_and_their_temporaries_never_allocated() {
    // `(a + b) * 2.0` of a Vec class: both methods inlined, the intermediate and final
    // Vecs virtual (only their float fields are computed), no call and no allocation.
    let source = "\
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
def total(points, d):
    t = 0.0
    for p in points:
        t += ((p + d) * 2.0).x
    return t
print(total([Vec(i * 0.5, 1.0) for i in range(3000)], Vec(1.0, 2.0)))
";
    let (stdout, stderr) = run_jit("vec_ops", source, &[]);
    assert_eq!(stdout, "4504500.0\n");
    let body = loop_body(&stderr, "vec_ops.py:11");
    for banned in ["call", "new_instance", "= box_"] {
        assert_eq!(count(&body, banned), 0, "{banned} in {body:#?}");
    }
    assert!(count(&body, "add_float") >= 2, "{body:#?}");
}

#[test]
fn escaping_instance_is_allocated_at_its_escape_point() {
    // The instance stays virtual until `append` needs an object: one `new_instance`
    // helper call right before the append, its fields boxed there and nowhere else.
    let source = "\
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
def collect(n):
    out = []
    for i in range(n):
        out.append(P(i, i * 0.5))
    return out
ps = collect(5000)
print(len(ps), ps[-1].x, ps[-1].y)
";
    let (stdout, stderr) = run_jit("escape_append", source, &[]);
    assert_eq!(stdout, "5000 4999 2499.5\n");
    let body = loop_body(&stderr, "escape_append.py:7");
    assert_eq!(count(&body, "call @new_instance"), 1, "{body:#?}");
    let alloc = body
        .iter()
        .position(|l| l.contains("call @new_instance"))
        .unwrap_or(0);
    let append = body
        .iter()
        .position(|l| l.contains("call @list_append"))
        .unwrap_or(0);
    assert!(alloc < append, "{body:#?}");
    // Between them only the allocation's null check.
    assert_eq!(append - alloc, 2, "{body:#?}");
    assert_eq!(count(&body, "= new_instance"), 0, "{body:#?}");
}

#[test]
fn outer_trace_runs_the_inner_tree_natively() {
    // `for p in ps: p.step(0.5)` has 50 trips per outer iteration: the outer trace's loop
    // call exit goes through the nest bridge, which runs the inner loop's tree natively
    // and continues in the outer tree's continuation (no driver transfer per iteration).
    let source = "\
class P:
    def __init__(self, x, v):
        self.x = x
        self.v = v
    def step(self, dt):
        self.x += self.v * dt
        if self.x < 0.0 or self.x > 100.0:
            self.v = -self.v
def run(ps, steps):
    for _ in range(steps):
        for p in ps:
            p.step(0.5)
ps = [P(float(i * 3 % 100), (i % 7) - 3.0) for i in range(50)]
run(ps, 2000)
print(round(sum(p.x for p in ps), 6))
";
    let (stdout, stderr) = run_jit("native_nest", source, &[]);
    let (plain_out, plain_err) = run_jit("native_nest_off", source, &["-X", "jit-native-nest=0"]);
    assert_eq!(stdout, plain_out);
    let bridged = stderr
        .lines()
        .find(|l| l.contains("runs inner loop trace#") && l.contains("natively"))
        .unwrap_or_else(|| panic!("no native inner-loop run in:\n{stderr}"));
    // The continuation it goes on in is the outer tree's `cont@` trace.
    let cont_id = bridged.rsplit("trace#").next().unwrap_or("").trim();
    assert!(
        stderr
            .lines()
            .any(|l| l.contains(&format!("trace#{cont_id} cont@")) && l.contains("compiled")),
        "{stderr}"
    );
    assert!(!plain_err.contains("natively"), "{plain_err}");
    // The outer root still ends in the loop call's exit (the bridge hangs off it).
    let outer = traces(&stderr)
        .into_iter()
        .find(|(header, _)| header.contains("loop@") && header.ends_with(":10 ----"))
        .unwrap_or_else(|| panic!("no outer trace in:\n{stderr}"));
    assert!(
        outer.1.last().is_some_and(|l| l.starts_with("exit")),
        "{outer:#?}"
    );
}

/// The ids of the side traces attached to `root` at an exit of its pre-roll (a snapshot
/// before its `loop`), with the root's label.
fn pre_roll_side_traces(stderr: &str, root: &str) -> Vec<String> {
    let (_, body) = traces(stderr)
        .into_iter()
        .find(|(header, _)| header.contains(&format!("IR {root} ")))
        .expect("the root");
    let pre_roll: Vec<String> = body
        .iter()
        .take_while(|l| *l != "loop")
        .filter_map(|l| l.strip_prefix("snap s"))
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .collect();
    stderr
        .lines()
        .filter_map(|l| {
            let (head, exit) = l.split_once(&format!(" attached to {root} exit "))?;
            let id = head.strip_prefix("[jit] ")?.split_whitespace().next()?;
            pre_roll
                .contains(&exit.trim().to_owned())
                .then(|| id.to_owned())
        })
        .collect()
}

#[test]
fn pre_roll_exit_side_trace_jumps_into_the_loop_body() {
    // loop_int's collatz: the root's pre-roll leaves at `x % 2 == 0` when the first
    // iteration takes the other branch. Everything after that exit in the pre-roll looks
    // only at this iteration's values, so its side trace enters the body too.
    let source = "\
def collatz(limit):
    total = 0
    for start in range(1, limit):
        x = start
        while x != 1:
            if x % 2 == 0:
                x //= 2
            else:
                x = 3 * x + 1
            total += 1
    return total
print(collatz(3000))
";
    let (stdout, stderr) = run_jit("collatz", source, &["-X", "jit-hot-exit=10"]);
    assert_eq!(stdout, "215015\n");
    let sides = pre_roll_side_traces(&stderr, "trace#1");
    assert!(!sides.is_empty(), "{stderr}");
    for id in sides {
        assert!(
            stderr.contains(&format!("{id} links into the loop body")),
            "{stderr}"
        );
    }
}

#[test]
fn pre_roll_exit_before_an_invariant_test_links_to_the_pre_roll() {
    // loop_int's mix: after the pre-roll's `acc & 1` exit comes `i < n`, which taught the
    // range pass about the invariant `n`; a side trace of that exit re-runs the pre-roll.
    let source = "\
def mix(n):
    acc = 0
    i = 0
    while i < n:
        acc = (acc * 31 + i) % 1000003
        if acc & 1:
            acc += 7
        else:
            acc -= 3
        i += 1
    return acc
for k in range(300):
    mix(k)
print(mix(1000))
";
    let (stdout, stderr) = run_jit("mix_pre", source, &["-X", "jit-hot-exit=10"]);
    assert_eq!(stdout, "437745\n");
    let sides = pre_roll_side_traces(&stderr, "trace#1");
    assert!(!sides.is_empty(), "{stderr}");
    for id in sides {
        assert!(
            stderr.contains(&format!("{id} links to the pre-roll")),
            "{stderr}"
        );
    }
}
