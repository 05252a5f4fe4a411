//! Statements: bodies and docstrings, expression statements, assignments of every form,
//! `del`, `if`/`while`/`for` with `else`, `break`/`continue`/`return` (unwinding
//! `finally` bodies and `with` exits on the way), `raise`, `assert`, imports (including
//! `__future__` checks) and `global`/`nonlocal`/`pass`.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::bytecode::code::{Constant, Position};
use crate::bytecode::opcodes::Opcode;

use super::codegen::{Compiler, FBlockKind, NO_LOC, NameCtx};
use super::error::{CResult, Failure};
use super::expr::{binary_op, is_two_element_slice};

/// The docstring of a body: its first statement, when that is a plain string literal.
pub(crate) fn docstring_of(body: &[Stmt]) -> Option<&ast::ExprStringLiteral> {
    match body.first() {
        Some(Stmt::Expr(e)) => match e.value.as_ref() {
            Expr::StringLiteral(s) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

/// CPython 3.13's `_PyCompile_CleanDoc`: expands tabs, strips the first line's leading
/// spaces and the common indentation of the following lines.
pub(crate) fn clean_doc(doc: &str) -> String {
    let mut expanded = String::with_capacity(doc.len());
    let mut col = 0usize;
    for c in doc.chars() {
        match c {
            '\t' => {
                let n = 8 - col % 8;
                expanded.extend(std::iter::repeat_n(' ', n));
                col += n;
            }
            '\n' | '\r' => {
                expanded.push(c);
                col = 0;
            }
            _ => {
                expanded.push(c);
                col += 1;
            }
        }
    }
    let lines: Vec<&str> = expanded.split('\n').collect();
    let mut margin = usize::MAX;
    for line in lines.iter().skip(1) {
        let stripped = line.trim_start_matches(' ');
        if !stripped.is_empty() {
            margin = margin.min(line.len() - stripped.len());
        }
    }
    if margin == usize::MAX {
        margin = 0;
    }
    let mut out = String::with_capacity(expanded.len());
    for (i, line) in lines.iter().enumerate() {
        if i == 0 {
            out.push_str(line.trim_start_matches(' '));
        } else {
            out.push('\n');
            let spaces = line.len() - line.trim_start_matches(' ').len();
            out.push_str(&line[spaces.min(margin)..]);
        }
    }
    out
}

const FUTURE_FEATURES: [&str; 10] = [
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

impl<'a> Compiler<'a> {
    pub fn compile_body(&mut self, body: &'a [Stmt]) -> CResult<()> {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    /// Module or class body: stores the docstring in `__doc__` first.
    pub fn compile_module_body(&mut self, body: &'a [Stmt]) -> CResult<()> {
        self.check_future_imports(body)?;
        let mut rest = body;
        if self.optimize < 2
            && let Some(doc) = docstring_of(body)
        {
            let loc = self.loc(doc.range);
            self.load_const(Constant::Str(clean_doc(doc.value.to_str())), loc);
            self.nameop_at("__doc__", NameCtx::Store, doc.range, loc)?;
            rest = &body[1..];
        }
        self.compile_body(rest)
    }

    /// `from __future__` imports must come first and name known features.
    fn check_future_imports(&self, body: &[Stmt]) -> CResult<()> {
        let mut allowed = true;
        for (i, s) in body.iter().enumerate() {
            match s {
                Stmt::ImportFrom(f)
                    if f.module
                        .as_ref()
                        .is_some_and(|m| m.id.as_str() == "__future__")
                        && f.level == 0 =>
                {
                    if !allowed {
                        return Err(Failure::syntax(
                            "from __future__ imports must occur at the beginning of the file",
                            f.range,
                        ));
                    }
                    for alias in &f.names {
                        let name = alias.name.id.as_str();
                        if name == "braces" {
                            return Err(Failure::syntax("not a chance", alias.range));
                        }
                        if !FUTURE_FEATURES.contains(&name) {
                            return Err(Failure::syntax(
                                format!("future feature {name} is not defined"),
                                alias.range,
                            ));
                        }
                    }
                }
                Stmt::Expr(e) if i == 0 && matches!(e.value.as_ref(), Expr::StringLiteral(_)) => {}
                _ => allowed = false,
            }
        }
        Ok(())
    }

    pub fn visit_stmt(&mut self, s: &'a Stmt) -> CResult<()> {
        self.enter_node(s.range())?;
        let r = self.visit_stmt_inner(s);
        self.leave_node();
        r
    }

    fn visit_stmt_inner(&mut self, s: &'a Stmt) -> CResult<()> {
        let loc = self.loc(s.range());
        match s {
            Stmt::FunctionDef(f) => self.compile_function_def(f)?,
            Stmt::ClassDef(c) => self.compile_class_def(c)?,
            Stmt::Return(r) => self.compile_return(r, loc)?,
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.visit_expr(t)?;
                }
            }
            Stmt::TypeAlias(t) => {
                return Err(Failure::syntax(
                    "the 'type' statement is not supported by this compiler yet",
                    t.range,
                ));
            }
            Stmt::Assign(a) => {
                self.visit_expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit_arg(Opcode::COPY, 1, loc);
                    }
                    self.visit_expr(t)?;
                }
            }
            Stmt::AugAssign(a) => self.compile_augassign(a, loc)?,
            Stmt::AnnAssign(a) => self.compile_annassign(a)?,
            Stmt::For(f) => {
                if f.is_async {
                    self.compile_async_for(f, loc)?;
                } else {
                    self.compile_for(f, loc)?;
                }
            }
            Stmt::While(w) => self.compile_while(w, loc)?,
            Stmt::If(i) => self.compile_if(i, loc)?,
            Stmt::With(w) => self.compile_with(w, 0)?,
            Stmt::Match(m) => self.compile_match(m)?,
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(exc) = &r.exc {
                    self.visit_expr(exc)?;
                    n += 1;
                    if let Some(cause) = &r.cause {
                        self.visit_expr(cause)?;
                        n += 1;
                    }
                }
                self.emit_arg(Opcode::RAISE_VARARGS, n, loc);
            }
            Stmt::Try(t) => {
                if t.is_star {
                    self.compile_try_star(t, loc)?;
                } else {
                    self.compile_try(t, loc)?;
                }
            }
            Stmt::Assert(a) => {
                if self.optimize == 0 {
                    let end = self.new_block();
                    self.jump_if(&a.test, end, true, loc)?;
                    self.emit(Opcode::LOAD_ASSERTION_ERROR, loc);
                    if let Some(msg) = &a.msg {
                        self.visit_expr(msg)?;
                        self.emit_arg(Opcode::CALL, 0, loc);
                    }
                    // CPython 3.13 locates the raise at the test expression.
                    let test_loc = self.loc(a.test.range());
                    self.emit_arg(Opcode::RAISE_VARARGS, 1, test_loc);
                    self.use_block(end);
                }
            }
            Stmt::Import(i) => self.compile_import(i, loc)?,
            Stmt::ImportFrom(i) => self.compile_import_from(i, loc)?,
            Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            Stmt::Expr(e) => self.compile_expr_stmt(&e.value, loc)?,
            Stmt::Pass(_) => self.emit(Opcode::NOP, loc),
            Stmt::Break(b) => self.compile_break(b.range, loc)?,
            Stmt::Continue(c) => self.compile_continue(c.range, loc)?,
            Stmt::IpyEscapeCommand(i) => return Err(Failure::syntax("invalid syntax", i.range)),
        }
        Ok(())
    }

    fn compile_expr_stmt(&mut self, value: &'a Expr, loc: Position) -> CResult<()> {
        if self.interactive && self.units.len() == 1 {
            self.visit_expr(value)?;
            self.emit_arg(Opcode::CALL_INTRINSIC_1, 1, loc);
            self.emit(Opcode::POP_TOP, NO_LOC);
            return Ok(());
        }
        if self.is_constant_statement(value) {
            self.emit(Opcode::NOP, loc);
            return Ok(());
        }
        self.visit_expr(value)?;
        self.emit(Opcode::POP_TOP, NO_LOC);
        Ok(())
    }

    fn compile_augassign(&mut self, a: &'a ast::StmtAugAssign, stmt_loc: Position) -> CResult<()> {
        let target = a.target.as_ref();
        let loc = self.loc(target.range());
        match target {
            Expr::Attribute(at) => {
                self.visit_expr(&at.value)?;
                self.emit_arg(Opcode::COPY, 1, loc);
                let aloc = self.attr_loc(loc, at);
                let idx = self.name_index(&at.attr.id);
                self.emit_arg(Opcode::LOAD_ATTR, idx << 1, aloc);
            }
            Expr::Subscript(sub) => {
                self.visit_expr(&sub.value)?;
                if let (true, Expr::Slice(sl)) =
                    (is_two_element_slice(&sub.slice), sub.slice.as_ref())
                {
                    self.compile_slice_parts(sl)?;
                    self.emit_arg(Opcode::COPY, 3, loc);
                    self.emit_arg(Opcode::COPY, 3, loc);
                    self.emit_arg(Opcode::COPY, 3, loc);
                    self.emit(Opcode::BINARY_SLICE, loc);
                } else {
                    self.visit_expr(&sub.slice)?;
                    self.emit_arg(Opcode::COPY, 2, loc);
                    self.emit_arg(Opcode::COPY, 2, loc);
                    self.emit(Opcode::BINARY_SUBSCR, loc);
                }
            }
            Expr::Name(n) => self.nameop(&n.id, NameCtx::Load, n.range)?,
            _ => {
                return Err(Failure::internal(
                    "invalid augmented assignment target",
                    target.range(),
                ));
            }
        }
        self.visit_expr(&a.value)?;
        self.emit_arg(Opcode::BINARY_OP, binary_op(a.op, true) as u32, stmt_loc);
        match target {
            Expr::Attribute(at) => {
                let aloc = self.attr_loc(loc, at);
                self.emit_arg(Opcode::SWAP, 2, aloc);
                let idx = self.name_index(&at.attr.id);
                self.emit_arg(Opcode::STORE_ATTR, idx, aloc);
            }
            Expr::Subscript(sub) => {
                if is_two_element_slice(&sub.slice) {
                    self.emit_arg(Opcode::SWAP, 4, loc);
                    self.emit_arg(Opcode::SWAP, 3, loc);
                    self.emit_arg(Opcode::SWAP, 2, loc);
                    self.emit(Opcode::STORE_SLICE, loc);
                } else {
                    self.emit_arg(Opcode::SWAP, 3, loc);
                    self.emit_arg(Opcode::SWAP, 2, loc);
                    self.emit(Opcode::STORE_SUBSCR, loc);
                }
            }
            Expr::Name(n) => self.nameop(&n.id, NameCtx::Store, n.range)?,
            _ => {}
        }
        Ok(())
    }

    /// `x: T = v` stores like `x = v`; the annotation itself is not evaluated here (PEP
    /// 649: it belongs to the scope's `__annotate__`, see `annotations`), only recorded as
    /// having run when it is conditional.
    fn compile_annassign(&mut self, a: &'a ast::StmtAnnAssign) -> CResult<()> {
        if let Some(v) = &a.value {
            self.visit_expr(v)?;
            self.visit_expr(&a.target)?;
        }
        self.mark_annotation_ran(a)?;
        match a.target.as_ref() {
            Expr::Name(n) if n.id.as_str() == "__debug__" => {
                return Err(Failure::syntax("cannot assign to __debug__", n.range));
            }
            Expr::Attribute(at) if a.value.is_none() => {
                self.check_ann_expr(&at.value)?;
            }
            Expr::Subscript(sub) if a.value.is_none() => {
                self.check_ann_expr(&sub.value)?;
                match sub.slice.as_ref() {
                    Expr::Slice(sl) => {
                        for part in [&sl.lower, &sl.upper, &sl.step].into_iter().flatten() {
                            self.check_ann_expr(part)?;
                        }
                    }
                    Expr::Tuple(t) => {
                        for e in &t.elts {
                            self.check_ann_expr(e)?;
                        }
                    }
                    other => self.check_ann_expr(other)?,
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn check_ann_expr(&mut self, e: &'a Expr) -> CResult<()> {
        self.visit_expr(e)?;
        let loc = self.loc(e.range());
        self.emit(Opcode::POP_TOP, loc);
        Ok(())
    }

    fn compile_if(&mut self, i: &'a ast::StmtIf, loc: Position) -> CResult<()> {
        self.compile_if_chain(&i.test, &i.body, &i.elif_else_clauses, loc)
    }

    fn compile_if_chain(
        &mut self,
        test: &'a Expr,
        body: &'a [Stmt],
        rest: &'a [ast::ElifElseClause],
        loc: Position,
    ) -> CResult<()> {
        let end = self.new_block();
        let next = if rest.is_empty() {
            end
        } else {
            self.new_block()
        };
        self.jump_if(test, next, false, loc)?;
        self.compile_body(body)?;
        if let Some((clause, tail)) = rest.split_first() {
            self.jump(end, NO_LOC);
            self.use_block(next);
            match &clause.test {
                Some(t) => {
                    let cl = self.loc(clause.range);
                    self.enter_node(clause.range)?;
                    let r = self.compile_if_chain(t, &clause.body, tail, cl);
                    self.leave_node();
                    r?;
                }
                None => self.compile_body(&clause.body)?,
            }
        }
        self.use_block(end);
        Ok(())
    }

    /// `while` in CPython 3.13's shape: the test at the top and again at the bottom, so
    /// each iteration takes one backward jump.
    fn compile_while(&mut self, w: &'a ast::StmtWhile, loc: Position) -> CResult<()> {
        let top = self.new_block();
        let body = self.new_block();
        let anchor = self.new_block();
        let exit = self.new_block();
        self.use_block(top);
        let base = self.handler_depth();
        self.push_fblock(FBlockKind::WhileLoop, Some(top), Some(exit), loc, base);
        self.jump_if(&w.test, anchor, false, loc)?;
        self.use_block(body);
        self.compile_body(&w.body)?;
        self.jump_if(&w.test, body, true, loc)?;
        self.pop_fblock();
        self.use_block(anchor);
        self.compile_body(&w.orelse)?;
        self.use_block(exit);
        Ok(())
    }

    fn compile_for(&mut self, f: &'a ast::StmtFor, loc: Position) -> CResult<()> {
        let start = self.new_block();
        let cleanup = self.new_block();
        let end = self.new_block();
        let base = self.handler_depth();
        self.push_fblock(FBlockKind::ForLoop, Some(start), Some(end), loc, base);
        let iter_loc = self.loc(f.iter.range());
        match self.fold_iterable_display(&f.iter) {
            Some(c) => self.load_const(c, iter_loc),
            None => self.visit_expr(&f.iter)?,
        }
        self.emit(Opcode::GET_ITER, iter_loc);
        self.use_block(start);
        self.emit_jump(Opcode::FOR_ITER, cleanup, iter_loc);
        let target_loc = self.loc(f.target.range());
        self.emit(Opcode::NOP, target_loc);
        self.visit_expr(&f.target)?;
        self.compile_body(&f.body)?;
        self.jump(start, NO_LOC);
        self.use_block(cleanup);
        // FOR_ITER already popped the exhausted iterator.
        self.pop_fblock();
        self.compile_body(&f.orelse)?;
        self.use_block(end);
        Ok(())
    }

    fn compile_return(&mut self, r: &'a ast::StmtReturn, stmt_loc: Position) -> CResult<()> {
        if !self.is_function_like() {
            return Err(Failure::syntax("'return' outside function", r.range));
        }
        let st = self.scope();
        if r.value.is_some() && st.is_coroutine && st.is_generator {
            return Err(Failure::syntax(
                "'return' with value in async generator",
                r.range,
            ));
        }
        let value = r.value.as_deref();
        let constant = match value {
            Some(v) => self.fold(v),
            None => None,
        };
        let preserve_tos = value.is_some() && constant.is_none();
        let mut loc = stmt_loc;
        if let Some(v) = value {
            if preserve_tos {
                self.visit_expr(v)?;
            } else {
                loc = self.loc(v.range());
                self.emit(Opcode::NOP, loc);
            }
        }
        if value.is_none_or(|v| self.line_of(v.range().start()) != stmt_loc.line) {
            loc = stmt_loc;
            self.emit(Opcode::NOP, loc);
        }
        let saved = self.unit().b.handler_stack.clone();
        let (_, l) = self.unwind_fblock_stack(preserve_tos, false, loc, r.range)?;
        loc = l;
        match (value, constant) {
            (None, _) => self.load_const(Constant::None, loc),
            (Some(_), Some(c)) => self.load_const(c, loc),
            _ => {}
        }
        self.emit(Opcode::RETURN_VALUE, loc);
        self.u().b.handler_stack = saved;
        let after = self.new_block();
        self.use_block(after);
        Ok(())
    }

    fn compile_break(&mut self, range: TextRange, loc: Position) -> CResult<()> {
        self.emit(Opcode::NOP, loc);
        let saved = self.unit().b.handler_stack.clone();
        let (found, l) = self.unwind_fblock_stack(false, true, loc, range)?;
        let Some(k) = found else {
            return Err(Failure::syntax("'break' outside loop", range));
        };
        let all = self.unit().fblocks.clone();
        let fb = all[k].clone();
        self.u().fblocks.truncate(k);
        let l = self.unwind_fblock(&fb, false, l);
        self.u().fblocks = all;
        let l = l?;
        let exit = fb
            .exit
            .ok_or_else(|| Failure::internal("loop without exit", range))?;
        self.jump(exit, l);
        self.u().b.handler_stack = saved;
        Ok(())
    }

    fn compile_continue(&mut self, range: TextRange, loc: Position) -> CResult<()> {
        self.emit(Opcode::NOP, loc);
        let saved = self.unit().b.handler_stack.clone();
        let (found, l) = self.unwind_fblock_stack(false, true, loc, range)?;
        let Some(k) = found else {
            return Err(Failure::syntax("'continue' not properly in loop", range));
        };
        let start = self.unit().fblocks[k]
            .block
            .ok_or_else(|| Failure::internal("loop without start", range))?;
        self.jump(start, l);
        self.u().b.handler_stack = saved;
        Ok(())
    }

    fn compile_import(&mut self, i: &'a ast::StmtImport, loc: Position) -> CResult<()> {
        for alias in &i.names {
            self.load_const(Constant::Int(0.into()), loc);
            self.load_const(Constant::None, loc);
            let idx = self.name_index(&alias.name.id);
            self.emit_arg(Opcode::IMPORT_NAME, idx, loc);
            let name = alias.name.id.as_str();
            match &alias.asname {
                Some(asname) => {
                    let parts: Vec<&str> = name.split('.').collect();
                    if parts.len() > 1 {
                        for (k, attr) in parts[1..].iter().enumerate() {
                            let idx = self.name_index(attr);
                            self.emit_arg(Opcode::IMPORT_FROM, idx, loc);
                            if k + 2 < parts.len() {
                                self.emit_arg(Opcode::SWAP, 2, loc);
                                self.emit(Opcode::POP_TOP, loc);
                            }
                        }
                        self.nameop_at(&asname.id, NameCtx::Store, asname.range, loc)?;
                        self.emit(Opcode::POP_TOP, loc);
                    } else {
                        self.nameop_at(&asname.id, NameCtx::Store, asname.range, loc)?;
                    }
                }
                None => {
                    let first = name.split('.').next().unwrap_or(name);
                    self.nameop_at(first, NameCtx::Store, alias.range, loc)?;
                }
            }
        }
        Ok(())
    }

    fn compile_import_from(&mut self, i: &'a ast::StmtImportFrom, loc: Position) -> CResult<()> {
        self.load_const(Constant::Int(i.level.into()), loc);
        let names: Vec<Constant> = i
            .names
            .iter()
            .map(|a| Constant::Str(a.name.id.to_string()))
            .collect();
        self.load_const(Constant::Tuple(names), loc);
        let module = i.module.as_ref().map_or("", |m| m.id.as_str());
        let idx = self.name_index(module);
        self.emit_arg(Opcode::IMPORT_NAME, idx, loc);
        for (k, alias) in i.names.iter().enumerate() {
            if k == 0 && alias.name.id.as_str() == "*" {
                self.emit(Opcode::IMPORT_STAR, loc);
                return Ok(());
            }
            let idx = self.name_index(&alias.name.id);
            self.emit_arg(Opcode::IMPORT_FROM, idx, loc);
            let store = alias.asname.as_ref().unwrap_or(&alias.name);
            self.nameop_at(&store.id, NameCtx::Store, store.range, loc)?;
        }
        self.emit(Opcode::POP_TOP, loc);
        Ok(())
    }
}
