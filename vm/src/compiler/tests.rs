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
    big_stack(move || match compile_source(&src, "/p/x.py", CompileMode::Exec, 0) {
        Ok(_) => "OK\n".to_string(),
        Err(e) => e.render(),
    })
}

#[test]
fn dis_simple_module() {
    check("simple_module", "x = 1\nprint(x + 2)\n");
}
