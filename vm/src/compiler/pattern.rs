//! `match` statements (PEP 634).

use ruff_python_ast as ast;

use super::codegen::Compiler;
use super::error::{CResult, Failure};

impl<'a> Compiler<'a> {
    pub fn compile_match(&mut self, m: &'a ast::StmtMatch) -> CResult<()> {
        Err(Failure::syntax(
            "match statements are not supported by this compiler yet",
            m.range,
        ))
    }
}
