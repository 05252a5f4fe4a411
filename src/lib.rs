//! Pyrite: a Python virtual machine with a tracing JIT. This crate is the command-line
//! program and the embedding API; the machinery lives in `pyrite-vm`.

pub use pyrite_vm::runtime::run::Outcome;
pub use pyrite_vm::{Config, PyErr, PyResult, Value, Vm};

/// Runs `f` on a thread with a large stack. Parsing, compiling and native re-entry recurse
/// on the Rust stack; a generous reservation (only touched pages are committed) keeps deep
/// but legal programs from overflowing before Pyrite's own depth limits report an error.
pub fn with_big_stack<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> std::thread::Result<T> {
    const STACK_BYTES: usize = 2 << 30;
    match std::thread::Builder::new()
        .name("pyrite-main".into())
        .stack_size(STACK_BYTES)
        .spawn(f)
    {
        Ok(handle) => handle.join(),
        Err(e) => Err(Box::new(e.to_string())),
    }
}
