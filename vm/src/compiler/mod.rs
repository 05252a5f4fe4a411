//! TEMPORARY shim until the compiler branch lands: the compiler's public API.

use crate::bytecode::{CodeData, CompileError, CompileErrorKind};

pub enum CompileMode {
    Exec,
    Eval,
    Single,
}

pub fn compile_source(
    _source: &[u8],
    filename: &str,
    _mode: CompileMode,
    _optimize: u8,
) -> Result<CodeData, CompileError> {
    Err(CompileError {
        kind: CompileErrorKind::SyntaxError,
        message: "compiler not available".into(),
        filename: filename.into(),
        line: 1,
        offset: 1,
        end_line: 1,
        end_offset: 1,
        text: None,
    })
}

pub fn compile_str(
    source: &str,
    filename: &str,
    mode: CompileMode,
    optimize: u8,
) -> Result<CodeData, CompileError> {
    compile_source(source.as_bytes(), filename, mode, optimize)
}

pub fn render_source_and_caret(_e: &CompileError) -> String {
    String::new()
}

impl CompileError {
    pub fn render(&self) -> String {
        format!("SyntaxError: {}\n", self.message)
    }
}
