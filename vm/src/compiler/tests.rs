//! Compiler tests: `dis` snapshots of representative programs (one `check(name, source)`
//! helper; snapshots live in `snapshots/`), and syntax errors rendered exactly as CPython
//! 3.13 prints them (expected texts recorded from `python3.13 file.py`).

use crate::bytecode::dis::disassemble;

use super::{CompileMode, compile_source, compile_str};

/// Runs `f` on a thread with the 256 MiB stack the VM gives the compiler.
fn big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let handle = std::thread::Builder::new().stack_size(256 << 20).spawn(f);
    match handle {
        Ok(h) => match h.join() {
            Ok(v) => v,
            Err(_) => panic!("compiler thread panicked"),
        },
        Err(e) => panic!("cannot spawn thread: {e}"),
    }
}

fn dis(source: &str) -> String {
    match compile_str(source, "x.py", CompileMode::Exec, 0) {
        Ok(code) => disassemble(&code),
        Err(e) => format!("error: {}", e.render()),
    }
}

fn check(name: &str, source: &str) {
    let out = dis(source);
    insta::assert_snapshot!(name, out, source);
}

/// The rendered error for `source` compiled as file `/p/x.py`.
fn render(source: &str) -> String {
    let src = source.as_bytes().to_vec();
    big_stack(
        move || match compile_source(&src, "/p/x.py", CompileMode::Exec, 0) {
            Ok(_) => "OK\n".to_string(),
            Err(e) => e.render(),
        },
    )
}

#[test]
fn dis_simple_module() {
    check("simple_module", "x = 1\nprint(x + 2)\n");
}

fn check_mode(name: &str, source: &str, mode: CompileMode, optimize: u8) {
    let out = match compile_str(source, "x.py", mode, optimize) {
        Ok(code) => disassemble(&code),
        Err(e) => format!("error: {}", e.render()),
    };
    insta::assert_snapshot!(name, out, source);
}

#[test]
fn dis_constants_and_folding() {
    check(
        "constants_and_folding",
        "a = -1\nb = 2 ** 10\nc = 1 + 2j\nd = (1, (2.5, 'x'), b'y', None, True, ...)\n\
         e = 123456789012345678901234567890 + 0xFFFF_FFFF\nf = 'ab' * 3\ng = not 0\nh = 1 / 0\n\
         i = [1, 2, 3]\nj = {1, 2, 1}\nk = x in [1, 2]\nl = 2 ** 1000\n",
    );
}

#[test]
fn dis_assignments() {
    check(
        "assignments",
        "a = b = c = f()\na, b = b, a\na, *b, c = it\n[a, (b, c)] = x\n\
         x += 1\no.attr -= 2\no[k] *= 3\no[1:2] //= 4\no.a.b = 5\no[1:2] = y\nx: int = 5\ny: int\no.z: int\n",
    );
}

#[test]
fn dis_delete() {
    check(
        "delete",
        "del x, o.attr, o[k], o[1:2], (a, [b])\ndef f():\n    y = 1\n    del y\n",
    );
}

#[test]
fn dis_if_and_bool_ops() {
    check(
        "if_and_bool_ops",
        "if a and (b or not c):\n    f()\nelif d is None:\n    g()\nelif e is not None:\n    pass\nelse:\n    h()\n\
         x = a or b and c\ny = p if q else r\nif True:\n    t()\nif 0:\n    u()\n",
    );
}

#[test]
fn dis_comparisons() {
    check(
        "comparisons",
        "x = a < b\ny = a < b <= c != d\nif a < b < c:\n    f()\nz = a in b, a not in b, a is b, a is not b\n",
    );
}

#[test]
fn dis_loops() {
    check(
        "loops",
        "while x:\n    if y:\n        break\n    if z:\n        continue\n    x -= 1\nelse:\n    done()\n\
         for i in range(10):\n    if i:\n        continue\n    print(i)\nelse:\n    done()\n\
         for a, b in pairs:\n    break\nwhile True:\n    pass\n",
    );
}

#[test]
fn dis_functions() {
    check(
        "functions",
        "def f(a, b=1, /, c=2, *args, d, e=3, **kw):\n    \"\"\"Doc\n        string.\"\"\"\n    return a + b\n\
         def g():\n    pass\nasync def h():\n    return 1\n",
    );
}

#[test]
fn dis_closures() {
    check(
        "closures",
        "def outer(a):\n    b = 1\n    def inner(c):\n        nonlocal b\n        b += a + c\n        return b\n    return inner\n\
         def counter():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n    del n\n",
    );
}

#[test]
fn dis_lambdas_and_decorators() {
    check(
        "lambdas_and_decorators",
        "f = lambda x, y=2, *a, k=1, **kw: x + y\ng = lambda: (yield)\n@dec\n@dec2(1)\ndef h():\n    pass\n\
         @cls_dec\nclass K:\n    pass\n",
    );
}

#[test]
fn dis_classes() {
    check(
        "classes",
        "class A(B, metaclass=M):\n    \"\"\"Doc.\"\"\"\n    x = 1\n    def m(self):\n        self.a = 1\n        return super().m()\n\
         \x20   def n(self, other):\n        return super(A, self).n(other), __class__\n    @staticmethod\n    def s():\n        pass\n",
    );
}

#[test]
fn dis_private_names() {
    check(
        "private_names",
        "class C:\n    __x = 1\n    def f(self, __y):\n        self.__z = __y\n        return self.__x, __dunder__, _C__w\n",
    );
}

#[test]
fn dis_generators() {
    check(
        "generators",
        "def gen(x):\n    y = yield x\n    z = yield\n    r = yield from y\n    return r\n",
    );
}

#[test]
fn dis_async() {
    check(
        "async",
        "async def f(a):\n    await a\n    async with a as b, c:\n        await b\n    async for i in a:\n        print(i)\n    else:\n        pass\n\
         \x20   return [i async for i in a if await i]\n\
         async def agen():\n    yield 1\n    await x\n",
    );
}

#[test]
fn dis_comprehensions() {
    check(
        "comprehensions",
        "def f(data):\n    a = [x * 2 for x in data if x]\n    b = {k: v for k, v in data.items()}\n    c = {y for y in data}\n\
         \x20   d = [(i, j) for i in range(3) for j in range(i) if j]\n    e = [lambda: x for x in data]\n    return a, b, c, d, e\n\
         m = [i for i in range(3)]\n",
    );
}

#[test]
fn dis_generator_expressions() {
    check(
        "generator_expressions",
        "def f(data):\n    return sum(x * x for x in data if x), (y async for y in data)\n",
    );
}

#[test]
fn dis_comprehension_in_class() {
    check(
        "comprehension_in_class",
        "class C:\n    y = 1\n    z = [x + y for x in range(3)]\n",
    );
}

#[test]
fn dis_walrus() {
    check(
        "walrus",
        "def f(data):\n    if (n := len(data)) > 10:\n        return n\n    return [y for x in data if (y := g(x))], y\n\
         total = [t := t + v for v in range(3)]\n",
    );
}

#[test]
fn dis_try_except() {
    check(
        "try_except",
        "try:\n    a()\nexcept ValueError as e:\n    print(e)\nexcept (TypeError, KeyError):\n    pass\nexcept:\n    raise\nelse:\n    b()\n",
    );
}

#[test]
fn dis_try_finally() {
    check(
        "try_finally",
        "def f():\n    try:\n        return g()\n    finally:\n        h()\n\
         def loop(xs):\n    for x in xs:\n        try:\n            if x:\n                break\n            continue\n        finally:\n            cleanup()\n\
         def nested():\n    try:\n        a()\n    except E:\n        return 1\n    finally:\n        b()\n",
    );
}

#[test]
fn dis_with() {
    check(
        "with",
        "with a as b, c as (d, e):\n    f(b)\ndef g():\n    with lock:\n        return 1\n\
         def h(xs):\n    for x in xs:\n        with x:\n            continue\n",
    );
}

#[test]
fn dis_except_star() {
    check(
        "except_star",
        "try:\n    f()\nexcept* ValueError as eg:\n    g(eg)\nexcept* TypeError:\n    pass\nelse:\n    h()\n",
    );
}

#[test]
fn dis_raise_and_assert() {
    check(
        "raise_and_assert",
        "raise\nraise E\nraise E('x') from cause\nassert x\nassert y, 'message'\n",
    );
}

#[test]
fn dis_imports() {
    check(
        "imports",
        "from __future__ import annotations\nimport os\nimport os.path\nimport a.b.c as d\nfrom . import x\n\
         from ..pkg.mod import (y as z, w)\nfrom m import *\n",
    );
}

#[test]
fn dis_calls() {
    check(
        "calls",
        "f()\nf(1, 2)\nf(a, key=1, other=2)\nf(*args)\nf(1, *args, k=2, **kw)\nf(**kw)\no.m(1)\no.m(x=1)\n\
         os.path.join(a, b)\nimport os\nos.getcwd()\nf(*a, *b)\n",
    );
}

#[test]
fn dis_fstrings() {
    check(
        "fstrings",
        "a = f''\nb = f'abc'\nc = f'{x}'\nd = f'a{x!r:>{w}}b' 'c'\ne = f'{ x = }'\ng = f'{x=:>5}'\nh = 'p' f'q'\ni = f'{x!s}{y!a}'\n",
    );
}

#[test]
fn dis_subscripts() {
    check(
        "subscripts",
        "a = x[1]\nb = x[1:2]\nc = x[::2]\nd = x[1:2, 3]\ne = x[a:b:c]\nx[i] = v\nx[i:j] = v\n",
    );
}

#[test]
fn dis_match() {
    check(
        "match",
        "def f(cmd):\n    match cmd:\n        case ['go', direction]:\n            return direction\n\
         \x20       case ['drop', *objects] if objects:\n            return objects\n\
         \x20       case {'x': 1, **rest}:\n            return rest\n\
         \x20       case Point(x=0, y=y) | Point(x=y, y=0):\n            return y\n\
         \x20       case [first, *_, last]:\n            return first, last\n\
         \x20       case 1 | -2 | 3.5:\n            return None\n\
         \x20       case None | True:\n            return True\n\
         \x20       case str() as s:\n            return s\n\
         \x20       case _:\n            return 0\n",
    );
}

#[test]
fn dis_globals() {
    check(
        "globals",
        "def f():\n    global g\n    g = 1\n    return g, h\ng = 0\nprint(g)\n",
    );
}

#[test]
fn dis_displays() {
    check(
        "displays",
        "a = [x, *y, z]\nb = (x, *y)\nc = {x, *y}\nd = {'a': 1, **m, 'b': 2}\ne = {}\nf = []\ng = ()\nh = {k: v}\n",
    );
}

#[test]
fn dis_docstrings() {
    check(
        "docstrings",
        "\"\"\"Module doc.\"\"\"\ndef f():\n    \"\"\"\n    Indented\n      doc.\n    \"\"\"\nclass C:\n    'Class doc.'\n",
    );
}

#[test]
fn dis_interactive() {
    check_mode("interactive", "x + 1\n", CompileMode::Single, 0);
    check_mode(
        "interactive_stmt",
        "for i in x: i\n",
        CompileMode::Single,
        0,
    );
}

#[test]
fn dis_eval() {
    check_mode("eval", "a + [b for b in c]", CompileMode::Eval, 0);
}

#[test]
fn dis_optimized() {
    check_mode(
        "optimized",
        "assert x\nif __debug__:\n    f()\ndef g():\n    'doc'\n",
        CompileMode::Exec,
        2,
    );
}

#[test]
fn dis_return_in_finally_and_with() {
    check(
        "return_in_finally_and_with",
        "def f(x):\n    with a:\n        with b:\n            try:\n                return x\n            finally:\n                print('done')\n",
    );
}

#[test]
fn syntax_errors_render_like_cpython() {
    let mut failures = Vec::new();
    for (name, source, expected) in super::render_cases::RENDER_CASES {
        let got = render(source);
        if got != *expected {
            failures.push(format!("{name}:\n--- expected\n{expected}--- got\n{got}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn deep_nesting_is_reported_not_crashing() {
    let cases: Vec<(String, &str)> = vec![
        (
            format!("x = {}{}\n", "(".repeat(10_000), ")".repeat(10_000)),
            "SyntaxError: too many nested parentheses\n",
        ),
        (
            format!("x = {}1\n", "-".repeat(100_000)),
            "MemoryError: Parser stack overflowed - Python source too complex to parse\n",
        ),
        (
            format!("x = {}1\n", "not ".repeat(100_000)),
            "MemoryError: Parser stack overflowed - Python source too complex to parse\n",
        ),
        (
            format!("x = a{}\n", ".b".repeat(100_000)),
            "RecursionError: maximum recursion depth exceeded during compilation\n",
        ),
        (
            format!("x = a{}\n", "()".repeat(100_000)),
            "RecursionError: maximum recursion depth exceeded during compilation\n",
        ),
        (
            format!("x = {}1\n", "1+".repeat(500_000)),
            "RecursionError: maximum recursion depth exceeded during compilation\n",
        ),
        (
            format!("x = {}1\n", "lambda:".repeat(100_000)),
            "MemoryError: Parser stack overflowed - Python source too complex to parse\n",
        ),
        (
            format!("x = {}1\n", "1 if 1 else ".repeat(100_000)),
            "MemoryError: Parser stack overflowed - Python source too complex to parse\n",
        ),
        // Just under CPython's limits these compile.
        (format!("x = {}1\n", "1+".repeat(9_990)), "OK\n"),
        (format!("x = {}1\n", "-".repeat(5_900)), "OK\n"),
        (
            format!("x = {}{}\n", "[".repeat(199), "]".repeat(199)),
            "OK\n",
        ),
    ];
    for (source, expected) in cases {
        let got = render(&source);
        let last = got
            .lines()
            .last()
            .map(|l| format!("{l}\n"))
            .unwrap_or_default();
        assert_eq!(last, expected, "for source starting {:?}", &source[..20]);
    }
}

#[test]
fn large_inputs_compile() {
    let many_lines: String = (0..200_000)
        .map(|i| format!("x{} = {}\n", i % 100, i))
        .collect();
    assert_eq!(render(&many_lines), "OK\n");
    let long_line = format!("x = {}\n", vec!["a"; 200_000].join(" and "));
    assert_eq!(render(&long_line), "OK\n");
    let long_call = format!("f({})\n", vec!["1"; 100_000].join(", "));
    assert_eq!(render(&long_call), "OK\n");
}

#[test]
fn source_decoding_errors() {
    let cases: [(&[u8], &str); 4] = [
        (
            b"x = 1\ny = '\xff'\n",
            "SyntaxError: Non-UTF-8 code starting with '\\xff' in file /p/x.py on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details\n",
        ),
        (b"# coding: latin-1\ny = '\xff'\n", "OK\n"),
        (
            b"x = 1\0\n",
            "  File \"/p/x.py\", line 1\n    x = 1\nSyntaxError: source code cannot contain null bytes\n",
        ),
        (b"\xef\xbb\xbfx = 1\n", "OK\n"),
    ];
    for (bytes, expected) in cases {
        let src = bytes.to_vec();
        let got = big_stack(
            move || match compile_source(&src, "/p/x.py", CompileMode::Exec, 0) {
                Ok(_) => "OK\n".to_string(),
                Err(e) => e.render(),
            },
        );
        assert_eq!(got, expected);
    }
}
