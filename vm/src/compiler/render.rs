//! `CompileError::render`: the text CPython prints for an uncaught `SyntaxError` when it
//! runs a script (`traceback.TracebackException._format_syntax_error` in 3.13): the file and
//! line, the offending line with its leading whitespace stripped, a caret line whose `^`s
//! cover `offset..end_offset` (clamped as CPython clamps them), then `Kind: message`.

use crate::bytecode::code::{CompileError, CompileErrorKind};

fn kind_name(kind: CompileErrorKind) -> &'static str {
    match kind {
        CompileErrorKind::SyntaxError => "SyntaxError",
        CompileErrorKind::IndentationError => "IndentationError",
        CompileErrorKind::TabError => "TabError",
        CompileErrorKind::RecursionError => "RecursionError",
        CompileErrorKind::MemoryError => "MemoryError",
        CompileErrorKind::SystemError => "SystemError",
    }
}

impl CompileError {
    /// The exception's type name (`SyntaxError`, `IndentationError`, ...).
    pub fn type_name(&self) -> &'static str {
        kind_name(self.kind)
    }

    /// The text CPython 3.13 prints to stderr when this error is raised by the script being
    /// run (without colour).
    pub fn render(&self) -> String {
        let kind = kind_name(self.kind);
        let is_syntax = matches!(
            self.kind,
            CompileErrorKind::SyntaxError
                | CompileErrorKind::IndentationError
                | CompileErrorKind::TabError
        );
        if !is_syntax {
            return format!("{kind}: {}\n", self.message);
        }
        let mut out = String::new();
        if self.line == 0 {
            let suffix = if self.filename.is_empty() {
                String::new()
            } else {
                format!(" ({})", self.filename)
            };
            out.push_str(&format!("{kind}: {}{suffix}\n", self.message));
            return out;
        }
        let filename = if self.filename.is_empty() {
            "<string>"
        } else {
            &self.filename
        };
        out.push_str(&format!("  File \"{filename}\", line {}\n", self.line));
        if let Some(text) = &self.text {
            let rtext = text.trim_end_matches('\n');
            let ltext = rtext.trim_start_matches([' ', '\n', '\x0c']);
            let rlen = rtext.chars().count() as i64;
            let spaces = rlen - ltext.chars().count() as i64;
            let text_len = text.chars().count() as i64;
            if self.offset == 0 {
                out.push_str(&format!("    {ltext}\n"));
            } else {
                let mut offset = i64::from(self.offset);
                let mut end = if self.line == self.end_line {
                    if self.end_offset == 0 {
                        offset
                    } else {
                        i64::from(self.end_offset)
                    }
                } else {
                    rlen + 1
                };
                if offset > text_len {
                    offset = rlen + 1;
                }
                if end > text_len {
                    end = rlen + 1;
                }
                if offset >= end {
                    end = offset + 1;
                }
                let colno = offset - 1 - spaces;
                let end_colno = end - 1 - spaces;
                out.push_str(&format!("    {ltext}\n"));
                if colno >= 0 {
                    let caretspace: String = ltext
                        .chars()
                        .take(colno as usize)
                        .map(|c| if c.is_whitespace() { c } else { ' ' })
                        .collect();
                    let carets = "^".repeat((end_colno - colno).max(0) as usize);
                    out.push_str(&format!("    {caretspace}{carets}\n"));
                }
            }
        }
        out.push_str(&format!("{kind}: {}\n", self.message));
        out
    }
}
