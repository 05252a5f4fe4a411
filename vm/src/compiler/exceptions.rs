//! Exception handling statements in CPython 3.13's shapes: `try`/`except`/`else`,
//! `try`/`finally` (the finally body is emitted twice: inline on the normal path and in a
//! handler that re-raises), `except*`, `with`/`async with` (`__exit__` called with three
//! Nones on the normal path, `WITH_EXCEPT_START` in the handler) and `async for`.
//!
//! Handler shapes (stack before → after, `d` = depth at the `try`):
//! - `try` body handler, no lasti, depth `d`: `PUSH_EXC_INFO` then the except clauses, all
//!   under a cleanup handler (lasti, depth `d+1`) running `COPY 3; POP_EXCEPT; RERAISE 1`;
//! - a named clause stores the exception and runs its body under another cleanup handler
//!   (lasti, depth `d+1`) that clears the name and does `RERAISE 1`; leaving the clause
//!   normally does `POP_EXCEPT` then `name = None; del name`;
//! - `with`: the body's handler has lasti and depth `d+1` (only `__exit__` stays below);
//!   it runs `PUSH_EXC_INFO; WITH_EXCEPT_START`, and a false result `RERAISE 2`s (the
//!   saved lasti is then at STACK[-3]).

use ruff_python_ast as ast;
use ruff_text_size::Ranged;

use crate::bytecode::code::{Constant, Position};
use crate::bytecode::opcodes::Opcode;

use super::codegen::{Compiler, FBlockKind, NO_LOC, NameCtx, UnitKind};
use super::error::{CResult, Failure};

impl<'a> Compiler<'a> {
    /// `COPY 3; POP_EXCEPT; RERAISE 1`.
    fn pop_except_and_reraise(&mut self, loc: Position) {
        self.emit_arg(Opcode::COPY, 3, loc);
        self.emit(Opcode::POP_EXCEPT, loc);
        self.emit_arg(Opcode::RERAISE, 1, loc);
    }

    pub fn compile_try(&mut self, t: &'a ast::StmtTry, loc: Position) -> CResult<()> {
        if t.finalbody.is_empty() {
            self.compile_try_except(t, loc)
        } else {
            self.compile_try_finally(t, loc)
        }
    }

    fn compile_try_finally(&mut self, t: &'a ast::StmtTry, loc: Position) -> CResult<()> {
        let end = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        let base = self.handler_depth();
        self.emit(Opcode::NOP, loc);
        self.setup_handler(end, false, loc);
        self.push_fblock(
            FBlockKind::FinallyTry(&t.finalbody),
            None,
            Some(end),
            loc,
            base,
        );
        if t.handlers.is_empty() {
            self.compile_body(&t.body)?;
        } else {
            self.compile_try_except(t, NO_LOC)?;
        }
        self.pop_handler();
        self.pop_fblock();
        self.compile_body(&t.finalbody)?;
        self.jump_no_interrupt(exit, NO_LOC);
        // The finally body again, on the exception path.
        self.use_block(end);
        let base = self.handler_depth();
        self.setup_handler(cleanup, true, NO_LOC);
        self.emit(Opcode::PUSH_EXC_INFO, NO_LOC);
        self.push_fblock(FBlockKind::FinallyEnd, None, None, NO_LOC, base);
        self.compile_body(&t.finalbody)?;
        self.pop_fblock();
        self.emit_arg(Opcode::RERAISE, 0, NO_LOC);
        self.pop_handler();
        self.use_block(cleanup);
        self.pop_except_and_reraise(NO_LOC);
        self.use_block(exit);
        Ok(())
    }

    fn compile_try_except(&mut self, t: &'a ast::StmtTry, loc: Position) -> CResult<()> {
        let except = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        let base = self.handler_depth();
        // The `try` line's NOP (CPython's SETUP_FINALLY turned NOP); none when nested in a
        // `try/finally`, which emitted its own.
        if loc != NO_LOC {
            self.emit(Opcode::NOP, loc);
        }
        self.setup_handler(except, false, loc);
        self.push_fblock(FBlockKind::TryExcept, None, None, loc, base);
        self.compile_body(&t.body)?;
        self.pop_fblock();
        self.pop_handler();
        self.compile_body(&t.orelse)?;
        self.jump_no_interrupt(end, NO_LOC);
        self.use_block(except);
        let outer_base = self.handler_depth();
        let cleanup_h = self.setup_handler(cleanup, true, NO_LOC);
        self.emit(Opcode::PUSH_EXC_INFO, NO_LOC);
        self.push_fblock(FBlockKind::ExceptionHandler, None, None, loc, outer_base);
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let hloc = self.loc(h.range);
            if h.type_.is_none() && i + 1 < n {
                return Err(Failure::syntax("default 'except:' must be last", h.range));
            }
            let next_except = self.new_block();
            if let Some(ty) = &h.type_ {
                self.visit_expr(ty)?;
                self.emit(Opcode::CHECK_EXC_MATCH, hloc);
                self.emit_jump(Opcode::POP_JUMP_IF_FALSE, next_except, hloc);
            }
            match &h.name {
                Some(name) => {
                    let cleanup_end = self.new_block();
                    self.nameop_at(&name.id, NameCtx::Store, name.range, hloc)?;
                    self.setup_handler(cleanup_end, true, hloc);
                    self.push_fblock(
                        FBlockKind::HandlerCleanup(Some(name.id.to_string())),
                        None,
                        None,
                        hloc,
                        outer_base,
                    );
                    self.compile_body(&h.body)?;
                    self.pop_fblock();
                    self.pop_handler();
                    self.pop_handler();
                    self.emit(Opcode::POP_EXCEPT, NO_LOC);
                    self.load_const(Constant::None, NO_LOC);
                    self.nameop_at(&name.id, NameCtx::Store, name.range, NO_LOC)?;
                    self.nameop_at(&name.id, NameCtx::Del, name.range, NO_LOC)?;
                    self.jump_no_interrupt(end, NO_LOC);
                    // The body raised: clear the name and re-raise. This block is reached
                    // from the `cleanup_end` handler, so (as in CPython, where handlers
                    // follow control flow) it stays covered by the clause-level cleanup
                    // handler, which restores `exc_info` before the exception leaves.
                    self.restore_handler(outer_base, cleanup_h);
                    self.use_block(cleanup_end);
                    self.load_const(Constant::None, NO_LOC);
                    self.nameop_at(&name.id, NameCtx::Store, name.range, NO_LOC)?;
                    self.nameop_at(&name.id, NameCtx::Del, name.range, NO_LOC)?;
                    self.emit_arg(Opcode::RERAISE, 1, NO_LOC);
                }
                None => {
                    self.emit(Opcode::POP_TOP, hloc);
                    self.push_fblock(
                        FBlockKind::HandlerCleanup(None),
                        None,
                        None,
                        hloc,
                        outer_base,
                    );
                    self.compile_body(&h.body)?;
                    self.pop_fblock();
                    self.pop_handler();
                    self.emit(Opcode::POP_EXCEPT, NO_LOC);
                    self.jump_no_interrupt(end, NO_LOC);
                    self.restore_handler(outer_base, cleanup_h);
                }
            }
            self.use_block(next_except);
        }
        self.pop_fblock();
        self.emit_arg(Opcode::RERAISE, 0, NO_LOC);
        self.pop_handler();
        self.use_block(cleanup);
        self.pop_except_and_reraise(NO_LOC);
        self.use_block(end);
        Ok(())
    }

    /// Makes the handler stack its first `base` entries plus `handler` (re-activating the
    /// clause-level cleanup handler after a clause's exit path popped it).
    fn restore_handler(&mut self, base: usize, handler: super::ir::HandlerId) {
        self.truncate_handlers(base);
        self.u().b.handler_stack.push(handler);
    }

    pub fn compile_try_star(&mut self, t: &'a ast::StmtTry, loc: Position) -> CResult<()> {
        if !t.finalbody.is_empty() {
            // `try/except*/finally`: the finally wraps the except* statement.
            let end = self.new_block();
            let exit = self.new_block();
            let cleanup = self.new_block();
            let base = self.handler_depth();
            self.emit(Opcode::NOP, loc);
            self.setup_handler(end, false, loc);
            self.push_fblock(
                FBlockKind::FinallyTry(&t.finalbody),
                None,
                Some(end),
                loc,
                base,
            );
            self.compile_try_star_except(t, NO_LOC)?;
            self.pop_handler();
            self.pop_fblock();
            self.compile_body(&t.finalbody)?;
            self.jump_no_interrupt(exit, NO_LOC);
            self.use_block(end);
            let base = self.handler_depth();
            self.setup_handler(cleanup, true, NO_LOC);
            self.emit(Opcode::PUSH_EXC_INFO, NO_LOC);
            self.push_fblock(FBlockKind::FinallyEnd, None, None, NO_LOC, base);
            self.compile_body(&t.finalbody)?;
            self.pop_fblock();
            self.emit_arg(Opcode::RERAISE, 0, NO_LOC);
            self.pop_handler();
            self.use_block(cleanup);
            self.pop_except_and_reraise(NO_LOC);
            self.use_block(exit);
            return Ok(());
        }
        self.compile_try_star_except(t, loc)
    }

    fn compile_try_star_except(&mut self, t: &'a ast::StmtTry, loc: Position) -> CResult<()> {
        let except_first = self.new_block();
        let orelse = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        let reraise_star = self.new_block();
        let base = self.handler_depth();
        if loc != NO_LOC {
            self.emit(Opcode::NOP, loc);
        }
        self.setup_handler(except_first, false, loc);
        self.push_fblock(FBlockKind::TryExcept, None, None, loc, base);
        self.compile_body(&t.body)?;
        self.pop_fblock();
        self.pop_handler();
        self.jump_no_interrupt(orelse, NO_LOC);
        self.use_block(except_first);
        let outer_base = self.handler_depth();
        self.setup_handler(cleanup, true, NO_LOC);
        self.emit(Opcode::PUSH_EXC_INFO, NO_LOC);
        self.push_fblock(
            FBlockKind::ExceptionGroupHandler,
            None,
            None,
            loc,
            outer_base,
        );
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let hloc = self.loc(h.range);
            let next_except = self.new_block();
            let except_with_error = self.new_block();
            let no_match = self.new_block();
            if i == 0 {
                self.emit_arg(Opcode::BUILD_LIST, 0, hloc);
                self.emit_arg(Opcode::COPY, 2, hloc);
            }
            if let Some(ty) = &h.type_ {
                self.visit_expr(ty)?;
                self.emit(Opcode::CHECK_EG_MATCH, hloc);
                self.emit_arg(Opcode::COPY, 1, hloc);
                self.emit_jump(Opcode::POP_JUMP_IF_NONE, no_match, hloc);
            }
            let cleanup_end = self.new_block();
            match &h.name {
                Some(name) => self.nameop_at(&name.id, NameCtx::Store, name.range, hloc)?,
                None => self.emit(Opcode::POP_TOP, hloc),
            }
            self.setup_handler(cleanup_end, true, hloc);
            let name = h.name.as_ref().map(|n| n.id.to_string());
            self.push_fblock(
                FBlockKind::HandlerCleanup(name.clone()),
                None,
                None,
                hloc,
                outer_base,
            );
            self.compile_body(&h.body)?;
            self.pop_fblock();
            self.pop_handler();
            if let Some(name) = &h.name {
                self.load_const(Constant::None, NO_LOC);
                self.nameop_at(&name.id, NameCtx::Store, name.range, NO_LOC)?;
                self.nameop_at(&name.id, NameCtx::Del, name.range, NO_LOC)?;
            }
            self.jump(next_except, NO_LOC);
            self.use_block(cleanup_end);
            if let Some(name) = &h.name {
                self.load_const(Constant::None, NO_LOC);
                self.nameop_at(&name.id, NameCtx::Store, name.range, NO_LOC)?;
                self.nameop_at(&name.id, NameCtx::Del, name.range, NO_LOC)?;
            }
            self.emit_arg(Opcode::LIST_APPEND, 3, NO_LOC);
            self.emit(Opcode::POP_TOP, NO_LOC);
            self.jump(except_with_error, NO_LOC);
            self.use_block(next_except);
            self.emit(Opcode::NOP, NO_LOC);
            self.jump(except_with_error, NO_LOC);
            self.use_block(no_match);
            self.emit(Opcode::POP_TOP, hloc);
            self.use_block(except_with_error);
            if i + 1 == n {
                self.emit_arg(Opcode::LIST_APPEND, 1, NO_LOC);
                self.jump(reraise_star, NO_LOC);
            }
        }
        self.pop_fblock();
        let reraise = self.new_block();
        self.use_block(reraise_star);
        self.emit_arg(Opcode::CALL_INTRINSIC_2, 1, NO_LOC);
        self.emit_arg(Opcode::COPY, 1, NO_LOC);
        self.emit_jump(Opcode::POP_JUMP_IF_NOT_NONE, reraise, NO_LOC);
        self.emit(Opcode::POP_TOP, NO_LOC);
        self.pop_handler();
        self.emit(Opcode::POP_EXCEPT, NO_LOC);
        self.jump_no_interrupt(end, NO_LOC);
        self.use_block(reraise);
        self.emit_arg(Opcode::SWAP, 2, NO_LOC);
        self.emit(Opcode::POP_EXCEPT, NO_LOC);
        self.emit_arg(Opcode::RERAISE, 0, NO_LOC);
        self.use_block(cleanup);
        self.pop_except_and_reraise(NO_LOC);
        self.use_block(orelse);
        self.compile_body(&t.orelse)?;
        self.use_block(end);
        Ok(())
    }

    pub fn compile_with(&mut self, w: &'a ast::StmtWith, pos: usize) -> CResult<()> {
        if w.is_async && self.unit().kind != UnitKind::AsyncFunction {
            return Err(Failure::syntax(
                "'async with' outside async function",
                w.range,
            ));
        }
        let item = &w.items[pos];
        let final_ = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.visit_expr(&item.context_expr)?;
        let loc = self.loc(item.context_expr.range());
        if w.is_async {
            self.emit(Opcode::BEFORE_ASYNC_WITH, loc);
            self.emit_arg(Opcode::GET_AWAITABLE, 1, loc);
            self.load_const(Constant::None, loc);
            self.add_yield_from(loc, true);
        } else {
            self.emit(Opcode::BEFORE_WITH, loc);
        }
        let base = self.handler_depth();
        self.emit(Opcode::NOP, loc);
        let h = self.u().b.new_handler(final_, true);
        self.u().b.handlers[h.0 as usize].adjust = -1;
        self.u().b.setup_handler(h, loc);
        let kind = if w.is_async {
            FBlockKind::AsyncWith
        } else {
            FBlockKind::With
        };
        self.push_fblock(kind, None, Some(final_), loc, base);
        match &item.optional_vars {
            Some(target) => self.visit_expr(target)?,
            None => self.emit(Opcode::POP_TOP, loc),
        }
        if pos + 1 == w.items.len() {
            self.compile_body(&w.body)?;
        } else {
            self.compile_with(w, pos + 1)?;
        }
        self.pop_fblock();
        self.pop_handler();
        self.call_exit_with_nones(loc);
        if w.is_async {
            self.emit_arg(Opcode::GET_AWAITABLE, 2, loc);
            self.load_const(Constant::None, loc);
            self.add_yield_from(loc, true);
        }
        self.emit(Opcode::POP_TOP, loc);
        self.jump(exit, loc);
        // Exceptional exit: __exit__(type, value, traceback).
        self.use_block(final_);
        self.setup_handler(cleanup, true, loc);
        self.emit(Opcode::PUSH_EXC_INFO, loc);
        self.emit(Opcode::WITH_EXCEPT_START, loc);
        if w.is_async {
            self.emit_arg(Opcode::GET_AWAITABLE, 2, loc);
            self.load_const(Constant::None, loc);
            self.add_yield_from(loc, true);
        }
        let suppress = self.new_block();
        self.emit_jump(Opcode::POP_JUMP_IF_TRUE, suppress, NO_LOC);
        self.emit_arg(Opcode::RERAISE, 2, NO_LOC);
        self.use_block(suppress);
        self.emit(Opcode::POP_TOP, NO_LOC);
        self.pop_handler();
        self.emit(Opcode::POP_EXCEPT, NO_LOC);
        self.emit(Opcode::POP_TOP, NO_LOC);
        self.emit(Opcode::POP_TOP, NO_LOC);
        self.jump_no_interrupt(exit, NO_LOC);
        self.use_block(cleanup);
        self.pop_except_and_reraise(NO_LOC);
        self.use_block(exit);
        Ok(())
    }

    pub fn compile_async_for(&mut self, f: &'a ast::StmtFor, loc: Position) -> CResult<()> {
        if self.unit().kind != UnitKind::AsyncFunction {
            return Err(Failure::syntax(
                "'async for' outside async function",
                f.range,
            ));
        }
        let start = self.new_block();
        let except = self.new_block();
        let end = self.new_block();
        self.visit_expr(&f.iter)?;
        let iter_loc = self.loc(f.iter.range());
        self.emit(Opcode::GET_AITER, iter_loc);
        self.use_block(start);
        let base = self.handler_depth();
        self.push_fblock(FBlockKind::AsyncForLoop, Some(start), Some(end), loc, base);
        self.setup_handler(except, false, loc);
        self.emit(Opcode::GET_ANEXT, loc);
        self.load_const(Constant::None, loc);
        self.add_yield_from(loc, true);
        self.pop_handler();
        self.visit_expr(&f.target)?;
        self.compile_body(&f.body)?;
        self.jump(start, NO_LOC);
        self.pop_fblock();
        self.use_block(except);
        self.emit(Opcode::END_ASYNC_FOR, iter_loc);
        self.compile_body(&f.orelse)?;
        self.use_block(end);
        Ok(())
    }
}
