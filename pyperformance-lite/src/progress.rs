//! A one-line progress bar on stderr, drawn only when stderr is a terminal.

use std::io::{IsTerminal, Write};

pub struct Progress {
    total: usize,
    done: usize,
    enabled: bool,
}

impl Progress {
    pub fn new(total: usize) -> Self {
        Progress {
            total,
            done: 0,
            enabled: std::io::stderr().is_terminal(),
        }
    }

    /// Shows what is about to run.
    pub fn show(&self, what: &str) {
        if !self.enabled {
            return;
        }
        const WIDTH: usize = 30;
        let filled = (self.done * WIDTH).checked_div(self.total).unwrap_or(WIDTH);
        let bar = format!("{}{}", "#".repeat(filled), ".".repeat(WIDTH - filled));
        let mut err = std::io::stderr();
        let _ = write!(err, "\r\x1b[K[{bar}] {}/{} {what}", self.done, self.total);
        let _ = err.flush();
    }

    pub fn advance(&mut self) {
        self.done += 1;
    }

    /// Erases the bar before the table is printed.
    pub fn finish(&self) {
        if self.enabled {
            let _ = write!(std::io::stderr(), "\r\x1b[K");
        }
    }
}
