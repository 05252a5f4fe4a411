//! Fatal errors: a logic bug in Pyrite that cannot become a Python exception ends the
//! process with a clear message instead of a panic backtrace or undefined behaviour.

/// Prints `Fatal Python error: <message>` and exits with status 1.
#[cold]
pub fn fatal_error(message: &str) -> ! {
    eprintln!("Fatal Python error: {message}");
    eprintln!("This is a bug in Pyrite, not in your program.");
    std::process::exit(1)
}
