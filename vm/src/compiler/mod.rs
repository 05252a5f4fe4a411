//! The bytecode compiler: Python source → `CodeData`.
//!
//! Pipeline: decode the bytes (`source`), pre-scan the tokens for the errors CPython's
//! tokenizer reports and for nesting too deep for a recursive parser (`tokens`), parse with
//! ruff, map parse errors to CPython's messages and positions (`syntax_errors`), build the
//! symbol table (`symtable`), generate code per construct (`stmt`, `expr`, `function`,
//! `comprehension`, `exceptions`, `pattern`, with state in `codegen`) into basic blocks
//! (`ir`), and assemble them (`assemble`). `CompileError::render` (in `render`) prints an
//! error the way CPython does for an uncaught `SyntaxError`.

mod annotations;
mod assemble;
mod call;
mod codegen;
mod comprehension;
mod constant;
mod error;
mod exceptions;
mod expr;
mod fstring;
mod function;
mod ir;
mod literal;
mod pattern;
mod render;
mod source;
mod stmt;
mod symtable;
mod syntax_errors;
mod tokens;
mod unparse;

#[cfg(test)]
mod render_cases;
#[cfg(test)]
mod tests;

use ruff_python_ast::{Mod, PythonVersion};
use ruff_python_parser::{Mode, ParseOptions, parse_unchecked};
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::bytecode::code::{CodeData, CompileError, CompileErrorKind, Constant};
use crate::bytecode::opcodes::Opcode;

use codegen::{Compiler, NO_LOC, UnitKind};
use error::Failure;
use source::LineIndex;

/// What the source is compiled as (the `mode` argument of `compile()`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompileMode {
    /// A module: statements, returning None.
    Exec,
    /// One expression whose value the code returns.
    Eval,
    /// One interactive statement; expression statements print their value.
    Single,
}

/// Compiles a source file's bytes, decoding them as CPython does (UTF-8 by default, a UTF-8
/// BOM skipped, PEP 263 coding declarations for UTF-8, Latin-1 and ASCII). `optimize >= 1`
/// drops asserts and makes `__debug__` False; `optimize >= 2` also drops docstrings.
pub fn compile_source(
    source: &[u8],
    filename: &str,
    mode: CompileMode,
    optimize: u8,
) -> Result<CodeData, CompileError> {
    let text = source::decode(source, filename)?;
    compile_text(&text, filename, mode, optimize)
}

/// Compiles a script run as `__main__` from its file. CPython's file tokenizer reports a
/// block header left without a body at the end of the file on the file's last line and
/// without a column (so no caret line), where string sources and imports point after the
/// header; everything else is as `compile_source`.
pub fn compile_script(
    source: &[u8],
    filename: &str,
    optimize: u8,
) -> Result<CodeData, CompileError> {
    let mut err = match compile_source(source, filename, CompileMode::Exec, optimize) {
        Ok(code) => return Ok(code),
        Err(e) => e,
    };
    if err.kind == CompileErrorKind::IndentationError
        && err.message.starts_with("expected an indented block")
        && let Ok(text) = source::decode(source, filename)
    {
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let line = err.line as usize;
        let blank = |l: &str| {
            let t = l.trim_start_matches([' ', '\t', '\x0c', '\r', '\n']);
            t.is_empty() || t.starts_with('#')
        };
        let rest_blank = line >= 1
            && lines.get(line - 1).is_some_and(|l| {
                let cut = l
                    .char_indices()
                    .nth(err.offset.saturating_sub(1) as usize)
                    .map_or(l.len(), |(i, _)| i);
                blank(&l[cut..])
            })
            && lines.iter().skip(line).all(|l| blank(l));
        if rest_blank && let Some(last) = lines.last() {
            err.line = lines.len() as u32;
            err.end_line = err.line;
            err.offset = 0;
            err.end_offset = 0;
            err.text = Some((*last).to_string());
        }
    }
    Err(err)
}

/// Compiles already-decoded text (`exec`, `eval` and `compile()` of a str).
pub fn compile_str(
    source: &str,
    filename: &str,
    mode: CompileMode,
    optimize: u8,
) -> Result<CodeData, CompileError> {
    if source.contains('\0') {
        return Err(CompileError {
            kind: CompileErrorKind::SyntaxError,
            message: "source code string cannot contain null bytes".to_string(),
            filename: String::new(),
            line: 0,
            offset: 0,
            end_line: 0,
            end_offset: 0,
            text: None,
        });
    }
    compile_text(source, filename, mode, optimize)
}

/// Converts a located failure into the `CompileError` CPython would raise.
pub(crate) fn to_compile_error(f: &Failure, lines: &LineIndex, filename: &str) -> CompileError {
    match f.kind {
        CompileErrorKind::RecursionError
        | CompileErrorKind::MemoryError
        | CompileErrorKind::SystemError => CompileError {
            kind: f.kind,
            message: f.message.clone(),
            filename: filename.to_string(),
            line: 0,
            offset: 0,
            end_line: 0,
            end_offset: 0,
            text: None,
        },
        _ => {
            let (line, _) = lines.line_col(f.range.start());
            let (end_line, _) = lines.line_col(f.range.end());
            CompileError {
                kind: f.kind,
                message: f.message.clone(),
                filename: filename.to_string(),
                line,
                offset: lines.char_offset(f.range.start()),
                end_line,
                end_offset: lines.char_offset(f.range.end()),
                text: Some(lines.line_text(line)),
            }
        }
    }
}

fn compile_text(
    text: &str,
    filename: &str,
    mode: CompileMode,
    optimize: u8,
) -> Result<CodeData, CompileError> {
    let lines = LineIndex::new(text);
    // Tokenizer-level problems first: they also protect the recursive parser from input
    // nested too deeply.
    let scan = tokens::prescan(text);
    if let Some(fatal) = &scan.fatal {
        return Err(to_compile_error(fatal, &lines, filename));
    }
    let parse_mode = match mode {
        CompileMode::Eval => Mode::Expression,
        _ => Mode::Module,
    };
    let options = ParseOptions::from(parse_mode).with_target_version(PythonVersion::PY313);
    let parsed = parse_unchecked(text, options);
    if let Some(failure) = syntax_errors::first_error(&parsed, text, &lines, &scan) {
        let err = to_compile_error(&failure, &lines, filename);
        teardown(parsed.into_syntax());
        return Err(err);
    }
    let module = parsed.into_syntax();
    let result = compile_module(&module, &lines, filename, mode, optimize);
    teardown(module);
    result.map_err(|f| to_compile_error(&f, &lines, filename))
}

/// Drops the AST without deep recursion (a 500,000-term `1+1+...` chain is nested that
/// deep).
fn teardown(module: Mod) {
    syntax_errors::drop_iteratively(module);
}

fn compile_module(
    module: &Mod,
    lines: &LineIndex,
    filename: &str,
    mode: CompileMode,
    optimize: u8,
) -> Result<CodeData, Failure> {
    let full = TextRange::new(TextSize::from(0), TextSize::of(lines.text()));
    match module {
        Mod::Module(m) => {
            if mode == CompileMode::Single && m.body.len() > 1 {
                return Err(Failure::syntax(
                    "multiple statements found while compiling a single statement",
                    m.body[1].range(),
                ));
            }
            let table = symtable::build(&m.body, None, full)?;
            let mut c = Compiler::new(
                lines,
                filename,
                table,
                optimize,
                mode == CompileMode::Single,
            );
            c.enter_scope("<module>", UnitKind::Module, 0, 1)?;
            c.future_annotations = annotations::has_future_annotations(&m.body);
            let plan = c.plan_deferred_annotations(&m.body);
            c.u().deferred_indices = plan.index_of.clone();
            let first_line = m.body.first().map_or(1, |s| c.line_of(s.range().start()));
            c.emit_deferred_annotations(&plan, first_line, full)?;
            c.setup_conditional_annotations(&m.body, Compiler::line_loc(first_line))?;
            if mode == CompileMode::Single {
                c.compile_body(&m.body)?;
            } else {
                c.compile_module_body(&m.body)?;
            }
            c.exit_scope(true)
        }
        Mod::Expression(e) => {
            let table = symtable::build(&[], Some(&e.body), full)?;
            let mut c = Compiler::new(lines, filename, table, optimize, false);
            c.enter_scope("<module>", UnitKind::Module, 0, 1)?;
            c.visit_expr(&e.body)?;
            c.emit(Opcode::RETURN_VALUE, NO_LOC);
            let _ = Constant::None;
            c.exit_scope(false)
        }
    }
}
