//! Deferred annotations (PEP 649/749, Python 3.14): instead of evaluating annotations
//! when a `def`, class body or module runs, the compiler emits an `__annotate__(format)`
//! function that builds the annotations dict when someone asks for it.
//!
//! - A function's parameter and return annotations become a function stored with
//!   `SET_FUNCTION_ATTRIBUTE` (annotate flag); `f.__annotations__` calls it once.
//! - The simple annotated assignments (`x: T`) of a module or class body are collected
//!   in source order into one annotate function, stored as `__annotate__` (module, before
//!   the body runs) or `__annotate_func__` (class, after the body).
//! - Annotations that might not run (inside `if`/loops/`try`/`with`/`match`, and every
//!   module-level one once a module has such a conditional annotation) get an index; the
//!   body adds the index to the `__conditional_annotations__` set when the statement runs,
//!   and the annotate function only includes annotations whose index is in the set.
//!
//! Every annotate function starts with CPython's guard: a `format` above
//! `VALUE_WITH_FAKE_GLOBALS` (2) raises `NotImplementedError`. In a class, annotation
//! code reads class-level names through the `__classdict__` cell (see `symtable`).

use std::collections::HashMap;

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::TextRange;

use crate::bytecode::code::{CodeData, Constant, Position};
use crate::bytecode::opcodes::{CompareOp, Opcode, common_constant};

use super::codegen::{Compiler, NO_LOC, NameCtx, UnitKind};
use super::error::{CResult, Failure};
use super::symtable::{ScopeId, node_key};

/// The `format` values an annotate function compiled by us evaluates (VALUE and
/// VALUE_WITH_FAKE_GLOBALS); anything above raises `NotImplementedError`.
const VALUE_WITH_FAKE_GLOBALS: i64 = 2;

/// The simple (`name: T`) annotated assignments of a module or class body in source
/// order, each with whether it sits in a conditional block. Nested functions and classes
/// have their own.
fn collect_simple_annotations<'a>(
    body: &'a [Stmt],
    conditional: bool,
    out: &mut Vec<(&'a ast::StmtAnnAssign, bool)>,
) {
    for s in body {
        match s {
            Stmt::AnnAssign(a) if a.simple && matches!(a.target.as_ref(), Expr::Name(_)) => {
                out.push((a, conditional));
            }
            Stmt::For(f) => {
                collect_simple_annotations(&f.body, true, out);
                collect_simple_annotations(&f.orelse, true, out);
            }
            Stmt::While(w) => {
                collect_simple_annotations(&w.body, true, out);
                collect_simple_annotations(&w.orelse, true, out);
            }
            Stmt::If(i) => {
                collect_simple_annotations(&i.body, true, out);
                for clause in &i.elif_else_clauses {
                    collect_simple_annotations(&clause.body, true, out);
                }
            }
            Stmt::With(w) => collect_simple_annotations(&w.body, true, out),
            Stmt::Match(m) => {
                for case in &m.cases {
                    collect_simple_annotations(&case.body, true, out);
                }
            }
            Stmt::Try(t) => {
                collect_simple_annotations(&t.body, true, out);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    collect_simple_annotations(&h.body, true, out);
                }
                collect_simple_annotations(&t.orelse, true, out);
                collect_simple_annotations(&t.finalbody, true, out);
            }
            _ => {}
        }
    }
}

/// A function's annotated parameters and return, in CPython's order (regular parameters
/// before positional-only ones, then `*args`, keyword-only, `**kwargs`, `return`).
fn annotated_parameters<'a>(
    params: &'a ast::Parameters,
    returns: Option<&'a Expr>,
) -> Vec<(&'a str, &'a Expr)> {
    let mut entries: Vec<(&'a str, &'a Expr)> = Vec::new();
    for p in params.args.iter().chain(params.posonlyargs.iter()) {
        if let Some(a) = p.parameter.annotation.as_deref() {
            entries.push((p.parameter.name.id.as_str(), a));
        }
    }
    if let Some(v) = params.vararg.as_deref()
        && let Some(a) = v.annotation.as_deref()
    {
        entries.push((v.name.id.as_str(), a));
    }
    for p in params.kwonlyargs.iter() {
        if let Some(a) = p.parameter.annotation.as_deref() {
            entries.push((p.parameter.name.id.as_str(), a));
        }
    }
    if let Some(k) = params.kwarg.as_deref()
        && let Some(a) = k.annotation.as_deref()
    {
        entries.push((k.name.id.as_str(), a));
    }
    if let Some(r) = returns {
        entries.push(("return", r));
    }
    entries
}

/// Whether a module or class body has an annotated assignment anywhere outside nested
/// scopes (CPython's `find_ann`): PEP 563 then gives it an `__annotations__` dict.
fn contains_annotation(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => contains_annotation(&f.body) || contains_annotation(&f.orelse),
        Stmt::While(w) => contains_annotation(&w.body) || contains_annotation(&w.orelse),
        Stmt::If(i) => {
            contains_annotation(&i.body)
                || i.elif_else_clauses
                    .iter()
                    .any(|c| contains_annotation(&c.body))
        }
        Stmt::With(w) => contains_annotation(&w.body),
        Stmt::Match(m) => m.cases.iter().any(|c| contains_annotation(&c.body)),
        Stmt::Try(t) => {
            contains_annotation(&t.body)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    contains_annotation(&h.body)
                })
                || contains_annotation(&t.orelse)
                || contains_annotation(&t.finalbody)
        }
        _ => false,
    })
}

/// Whether a module starts with `from __future__ import annotations` (then annotations
/// are not deferred functions; Pyrite keeps none, see the report in `annotations`).
pub(crate) fn has_future_annotations(body: &[Stmt]) -> bool {
    for s in body {
        match s {
            Stmt::ImportFrom(f)
                if f.level == 0
                    && f.module
                        .as_ref()
                        .is_some_and(|m| m.id.as_str() == "__future__") =>
            {
                if f.names.iter().any(|a| a.name.id.as_str() == "annotations") {
                    return true;
                }
            }
            Stmt::Expr(e) if matches!(e.value.as_ref(), Expr::StringLiteral(_)) => {}
            _ => return false,
        }
    }
    false
}

/// A module's or class's deferred annotations: the statements in order and the
/// conditional index of each (`None`: always included).
pub(crate) struct DeferredAnnotations<'a> {
    pub items: Vec<(&'a ast::StmtAnnAssign, Option<u32>)>,
    /// Conditional index by statement (`node_key`), for the body's `SET_ADD`.
    pub index_of: HashMap<usize, u32>,
}

impl<'a> Compiler<'a> {
    /// Plans the deferred annotations of the current module or class unit.
    pub(crate) fn plan_deferred_annotations(&self, body: &'a [Stmt]) -> DeferredAnnotations<'a> {
        let mut found = Vec::new();
        if !self.future_annotations {
            collect_simple_annotations(body, false, &mut found);
        }
        let is_module = self.unit().kind == UnitKind::Module;
        let module_tracks_all = is_module && self.scope().has_conditional_annotations;
        let mut next = 0;
        let mut items = Vec::with_capacity(found.len());
        let mut index_of = HashMap::new();
        for (a, conditional) in found {
            let index = if module_tracks_all || (!is_module && conditional) {
                next += 1;
                index_of.insert(node_key(a), next - 1);
                Some(next - 1)
            } else {
                None
            };
            items.push((a, index));
        }
        DeferredAnnotations { items, index_of }
    }

    /// Opens an annotation scope's unit with CPython's prologue:
    /// `if format > VALUE_WITH_FAKE_GLOBALS: raise NotImplementedError`.
    fn enter_annotate_unit(&mut self, scope: ScopeId, line: u32) -> CResult<Position> {
        self.enter_scope("__annotate__", UnitKind::Annotation, scope, line)?;
        let u = self.u();
        u.arg_count = 1;
        u.posonly_count = 1;
        let loc = Compiler::line_loc(line);
        let body = self.new_block();
        self.emit_arg(Opcode::LOAD_FAST, 0, loc);
        self.load_const(Constant::Int(VALUE_WITH_FAKE_GLOBALS.into()), loc);
        self.emit_arg(Opcode::COMPARE_OP, CompareOp::Gt as u32, loc);
        self.emit_jump(Opcode::POP_JUMP_IF_FALSE, body, loc);
        self.emit_arg(
            Opcode::LOAD_COMMON_CONSTANT,
            common_constant::NOT_IMPLEMENTED_ERROR,
            loc,
        );
        self.emit_arg(Opcode::RAISE_VARARGS, 1, loc);
        self.use_block(body);
        Ok(loc)
    }

    /// Closes an annotate unit (its result is on the stack) and pushes the function.
    fn exit_annotate_unit(&mut self, loc: Position, range: TextRange) -> CResult<()> {
        self.emit(Opcode::RETURN_VALUE, loc);
        let mut code: CodeData = self.exit_scope(false)?;
        // The parameter is `.format` in the symbol table (so an annotation may use the
        // name `format`), but `format` in the signature.
        if let Some(first) = code.localsplus_names.first_mut() {
            *first = "format".to_string();
        }
        self.make_closure(code, 0, loc, range)
    }

    /// A function's annotations: pushes its `__annotate__` and returns the
    /// `SET_FUNCTION_ATTRIBUTE` flag, or 0 when it has no annotations.
    pub(crate) fn function_annotations(
        &mut self,
        params: &'a ast::Parameters,
        returns: Option<&'a Expr>,
        line: u32,
        range: TextRange,
    ) -> CResult<u32> {
        if self.future_annotations {
            return self.future_function_annotations(params, returns, line);
        }
        let Some(scope) = self.table.scope_for(node_key(params)) else {
            return Ok(0);
        };
        let loc = self.enter_annotate_unit(scope, line)?;
        let entries = annotated_parameters(params, returns);
        for (name, ann) in &entries {
            let key = self.mangle(name);
            self.load_const(Constant::Str(key), loc);
            match ann {
                // `*args: *Ts` stores the single unpacked value.
                Expr::Starred(st) => {
                    self.visit_expr(&st.value)?;
                    self.emit_arg(Opcode::UNPACK_SEQUENCE, 1, loc);
                }
                other => self.visit_expr(other)?,
            }
        }
        self.emit_arg(Opcode::BUILD_MAP, entries.len() as u32, loc);
        self.exit_annotate_unit(loc, range)?;
        Ok(crate::bytecode::opcodes::function_attr::ANNOTATE)
    }

    /// Emits the module's or class's annotate function and stores it (`__annotate__` in a
    /// module, `__annotate_func__` in a class).
    pub(crate) fn emit_deferred_annotations(
        &mut self,
        plan: &DeferredAnnotations<'a>,
        line: u32,
        range: TextRange,
    ) -> CResult<()> {
        if plan.items.is_empty() {
            return Ok(());
        }
        let Some(scope) = self.scope().annotation_block else {
            return Err(Failure::internal(
                "annotations without an annotation scope",
                range,
            ));
        };
        let is_class = self.unit().kind == UnitKind::Class;
        let loc = self.enter_annotate_unit(scope, line)?;
        self.emit_arg(Opcode::BUILD_MAP, 0, loc);
        for (a, index) in &plan.items {
            let Expr::Name(target) = a.target.as_ref() else {
                continue;
            };
            let at = self.loc(a.range);
            let not_set = self.new_block();
            if let Some(i) = index {
                self.load_const(Constant::Int(i64::from(*i).into()), at);
                if is_class {
                    let idx = self.deref_index("__conditional_annotations__", a.range)?;
                    self.emit_arg(Opcode::LOAD_DEREF, idx, at);
                } else {
                    let idx = self.add_name("__conditional_annotations__");
                    self.emit_arg(Opcode::LOAD_GLOBAL, idx << 1, at);
                }
                self.emit_arg(Opcode::CONTAINS_OP, 0, at);
                self.emit_jump(Opcode::POP_JUMP_IF_FALSE, not_set, at);
            }
            self.visit_expr(&a.annotation)?;
            self.emit_arg(Opcode::COPY, 2, at);
            let key = self.mangle(&target.id);
            self.load_const(Constant::Str(key), at);
            self.emit(Opcode::STORE_SUBSCR, at);
            self.use_block(not_set);
        }
        self.exit_annotate_unit(loc, range)?;
        let name = if is_class {
            "__annotate_func__"
        } else {
            "__annotate__"
        };
        self.nameop_at(name, NameCtx::Store, range, loc)
    }

    /// In the body: records that the annotated assignment `a` ran, if it is conditional.
    pub(crate) fn mark_annotation_ran(&mut self, a: &'a ast::StmtAnnAssign) -> CResult<()> {
        if self.future_annotations {
            return self.store_future_annotation(a);
        }
        let Some(&index) = self.unit().deferred_indices.get(&node_key(a)) else {
            return Ok(());
        };
        let loc = self.loc(a.range);
        if self.unit().kind == UnitKind::Class {
            let idx = self.cell_index("__conditional_annotations__", a.range)?;
            self.emit_arg(Opcode::LOAD_DEREF, idx, loc);
        } else {
            let idx = self.add_name("__conditional_annotations__");
            self.emit_arg(Opcode::LOAD_NAME, idx, loc);
        }
        self.load_const(Constant::Int(i64::from(index).into()), loc);
        self.emit_arg(Opcode::SET_ADD, 1, loc);
        self.emit(Opcode::POP_TOP, loc);
        Ok(())
    }

    /// Module or class body start: the empty `__conditional_annotations__` set.
    pub(crate) fn setup_conditional_annotations(
        &mut self,
        body: &[Stmt],
        loc: Position,
    ) -> CResult<()> {
        if self.future_annotations {
            if contains_annotation(body) {
                self.emit(Opcode::SETUP_ANNOTATIONS, loc);
            }
            return Ok(());
        }
        if !self.scope().has_conditional_annotations {
            return Ok(());
        }
        self.emit_arg(Opcode::BUILD_SET, 0, loc);
        if self.unit().kind == UnitKind::Class {
            let idx = self.cell_index("__conditional_annotations__", TextRange::default())?;
            self.emit_arg(Opcode::STORE_DEREF, idx, loc);
        } else {
            let idx = self.add_name("__conditional_annotations__");
            self.emit_arg(Opcode::STORE_NAME, idx, loc);
        }
        Ok(())
    }

    /// PEP 563 (`from __future__ import annotations`): a function's annotations are the
    /// unparsed source strings, stored eagerly as its `__annotations__` dict.
    fn future_function_annotations(
        &mut self,
        params: &'a ast::Parameters,
        returns: Option<&'a Expr>,
        line: u32,
    ) -> CResult<u32> {
        let entries = annotated_parameters(params, returns);
        if entries.is_empty() {
            return Ok(0);
        }
        let loc = Compiler::line_loc(line);
        for (name, ann) in &entries {
            let key = self.mangle(name);
            self.load_const(Constant::Str(key), loc);
            let text = self.unparse_annotation(ann);
            self.load_const(Constant::Str(text), loc);
        }
        self.emit_arg(Opcode::BUILD_MAP, entries.len() as u32, loc);
        Ok(crate::bytecode::opcodes::function_attr::ANNOTATIONS)
    }

    /// PEP 563 in a module or class body: `__annotations__[name] = 'source'` for a simple
    /// annotated name (other targets and function bodies store nothing).
    fn store_future_annotation(&mut self, a: &'a ast::StmtAnnAssign) -> CResult<()> {
        let Expr::Name(target) = a.target.as_ref() else {
            return Ok(());
        };
        if !a.simple || !matches!(self.unit().kind, UnitKind::Module | UnitKind::Class) {
            return Ok(());
        }
        let loc = self.loc(a.range);
        let text = self.unparse_annotation(&a.annotation);
        self.load_const(Constant::Str(text), loc);
        let idx = self.add_name("__annotations__");
        self.emit_arg(Opcode::LOAD_NAME, idx, loc);
        let key = self.mangle(&target.id);
        self.load_const(Constant::Str(key), loc);
        self.emit(Opcode::STORE_SUBSCR, loc);
        Ok(())
    }

    /// Class body start: `__classdict__` holds the namespace for annotation scopes.
    pub(crate) fn setup_classdict(&mut self, loc: Position) -> CResult<()> {
        if !self.scope().needs_classdict {
            return Ok(());
        }
        self.emit(Opcode::LOAD_LOCALS, loc);
        let idx = self.cell_index("__classdict__", TextRange::default())?;
        self.emit_arg(Opcode::STORE_DEREF, idx, loc);
        Ok(())
    }

    /// Class body end: `__classdictcell__`, which `type.__new__` points at the class's
    /// own dict so later class attributes are visible to deferred annotations.
    pub(crate) fn store_classdictcell(&mut self, range: TextRange) -> CResult<()> {
        if !self.scope().needs_classdict {
            return Ok(());
        }
        let idx = self.cell_index("__classdict__", range)?;
        self.emit_arg(Opcode::LOAD_CLOSURE, idx, NO_LOC);
        self.nameop_at("__classdictcell__", NameCtx::Store, range, NO_LOC)
    }
}
