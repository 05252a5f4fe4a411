//! Errors raised while compiling, before they are turned into `CompileError`s with line,
//! column and source text. Code generation and the symbol table report a message and the
//! byte range of the offending node; `mod.rs` converts the range.

use ruff_text_size::TextRange;

use crate::bytecode::code::CompileErrorKind;

/// CPython's limit on AST nesting during compilation (symtable and code generation count
/// one level per statement and per expression), past which it raises
/// `RecursionError: maximum recursion depth exceeded during compilation`.
pub(crate) const MAX_AST_DEPTH: u32 = 9998;

/// A compile failure located by a byte range of the source.
#[derive(Clone, Debug)]
pub(crate) struct Failure {
    pub kind: CompileErrorKind,
    pub message: String,
    pub range: TextRange,
}

impl Failure {
    pub fn syntax(message: impl Into<String>, range: TextRange) -> Failure {
        Failure {
            kind: CompileErrorKind::SyntaxError,
            message: message.into(),
            range,
        }
    }

    /// A bug in the compiler, reported like CPython's `SystemError` instead of panicking.
    pub fn internal(message: impl std::fmt::Display, range: TextRange) -> Failure {
        Failure {
            kind: CompileErrorKind::SystemError,
            message: format!("internal compiler error: {message}"),
            range,
        }
    }

    pub fn recursion(range: TextRange) -> Failure {
        Failure {
            kind: CompileErrorKind::RecursionError,
            message: "maximum recursion depth exceeded during compilation".to_string(),
            range,
        }
    }
}

pub(crate) type CResult<T> = Result<T, Failure>;
