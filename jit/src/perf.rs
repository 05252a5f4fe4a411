//! `-X perf`: appends `START SIZE name` lines (hex without `0x`) to `/tmp/perf-<pid>.map`,
//! the format `perf report` reads to name JIT code. The file is left in place at exit.

use std::io::Write;

/// An open perf map (or nothing when it could not be opened: profiling is best effort).
#[derive(Debug, Default)]
pub struct PerfMap {
    file: Option<std::fs::File>,
}

impl PerfMap {
    /// Opens (appending) the map of this process.
    pub fn open() -> PerfMap {
        let path = format!("/tmp/perf-{}.map", std::process::id());
        PerfMap {
            file: std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
                .ok(),
        }
    }

    /// The line for one piece of code.
    pub fn line(start: u64, size: usize, name: &str) -> String {
        format!("{start:x} {size:x} {name}\n")
    }

    /// Records one piece of code.
    pub fn add(&mut self, start: u64, size: usize, name: &str) {
        if let Some(file) = &mut self.file {
            // A failed write only loses a symbol name.
            let _ = file.write_all(Self::line(start, size, name).as_bytes());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_use_bare_hex() {
        assert_eq!(
            PerfMap::line(0x7f00_1000, 0x40, "py::trace#1:loop@a.py:3"),
            "7f001000 40 py::trace#1:loop@a.py:3\n"
        );
    }
}
