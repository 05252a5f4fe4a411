//! Comprehensions. Generator expressions become their own code object, called with the
//! iterator of their outermost iterable. List, set and dict comprehensions are inlined into
//! the enclosing code (PEP 709, as CPython 3.12+ does): the outermost iterable is evaluated,
//! the enclosing values of the names the comprehension binds are saved on the stack with
//! `LOAD_FAST_AND_CLEAR` (which may push NULL), the comprehension runs with those names as
//! fast locals (even in module and class code), and the saved values are stored back with
//! `STORE_FAST` — on the normal path and, through an exception handler, when the
//! comprehension raises.

use std::collections::HashMap;

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::Ranged;

use crate::bytecode::code::{Constant, Position};
use crate::bytecode::opcodes::Opcode;

use super::codegen::{Compiler, FBlockKind, NO_LOC, UnitKind};
use super::error::{CResult, Failure};
use super::symtable::{CompKind, ScopeId, SymScope, flag, node_key};

/// What `push_inlined` changed, for `pop_inlined` to undo.
struct InlinedState {
    pushed: Vec<String>,
    saved_overrides: Vec<(String, Option<(u32, SymScope)>)>,
    hidden: Vec<String>,
    cleanup: Option<super::ir::BlockId>,
}

fn comp_key(e: &Expr) -> usize {
    match e {
        Expr::ListComp(c) => node_key(c),
        Expr::SetComp(c) => node_key(c),
        Expr::DictComp(c) => node_key(c),
        Expr::Generator(c) => node_key(c),
        _ => 0,
    }
}

impl<'a> Compiler<'a> {
    pub fn compile_comprehension(
        &mut self,
        e: &'a Expr,
        kind: CompKind,
        generators: &'a [ast::Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> CResult<()> {
        let range = self
            .genexp_ranges
            .get(&comp_key(e))
            .copied()
            .unwrap_or_else(|| e.range());
        let scope = self
            .table
            .scope_for(comp_key(e))
            .ok_or_else(|| Failure::internal("comprehension without a scope", range))?;
        let inlined = self.table.scopes[scope].comp_inlined;
        let is_async = self.table.scopes[scope].is_coroutine;
        let loc = self.loc(range);
        let outermost = generators
            .first()
            .ok_or_else(|| Failure::internal("comprehension without generators", range))?;
        let mut state = None;
        if inlined {
            self.visit_expr(&outermost.iter)?;
            let iter_loc = self.loc(outermost.iter.range());
            self.emit(
                if outermost.is_async {
                    Opcode::GET_AITER
                } else {
                    Opcode::GET_ITER
                },
                iter_loc,
            );
            state = Some(self.push_inlined(scope, loc)?);
        } else {
            let name = match kind {
                CompKind::Generator => "<genexpr>",
                CompKind::List => "<listcomp>",
                CompKind::Set => "<setcomp>",
                CompKind::Dict => "<dictcomp>",
            };
            let first_line = self.line_of(range.start());
            self.enter_scope(name, UnitKind::Comprehension, scope, first_line)?;
            self.u().arg_count = 1;
        }
        if kind != CompKind::Generator {
            let op = match kind {
                CompKind::List => Opcode::BUILD_LIST,
                CompKind::Set => Opcode::BUILD_SET,
                _ => Opcode::BUILD_MAP,
            };
            self.emit_arg(op, 0, loc);
            if inlined {
                self.emit_arg(Opcode::SWAP, 2, loc);
            }
        }
        self.comprehension_generator(loc, generators, 0, 0, elt, value, kind, inlined)?;
        if let Some(state) = state {
            return self.pop_inlined(state, loc);
        }
        if kind != CompKind::Generator {
            self.emit(Opcode::RETURN_VALUE, loc);
        }
        let code = self.exit_scope(kind == CompKind::Generator)?;
        self.make_closure(code, 0, loc, range)?;
        self.visit_expr(&outermost.iter)?;
        let iter_loc = self.loc(outermost.iter.range());
        self.emit(
            if outermost.is_async {
                Opcode::GET_AITER
            } else {
                Opcode::GET_ITER
            },
            iter_loc,
        );
        self.emit_arg(Opcode::CALL, 0, loc);
        if is_async && kind != CompKind::Generator {
            self.emit_arg(Opcode::GET_AWAITABLE, 0, loc);
            self.load_const(Constant::None, loc);
            self.add_yield_from(loc, true);
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn comprehension_generator(
        &mut self,
        loc: Position,
        generators: &'a [ast::Comprehension],
        index: usize,
        depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
        iter_on_stack: bool,
    ) -> CResult<()> {
        if generators[index].is_async {
            self.async_comprehension_generator(
                loc,
                generators,
                index,
                depth,
                elt,
                value,
                kind,
                iter_on_stack,
            )
        } else {
            self.sync_comprehension_generator(
                loc,
                generators,
                index,
                depth,
                elt,
                value,
                kind,
                iter_on_stack,
            )
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn sync_comprehension_generator(
        &mut self,
        loc: Position,
        generators: &'a [ast::Comprehension],
        index: usize,
        mut depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
        iter_on_stack: bool,
    ) -> CResult<()> {
        let gen_ = &generators[index];
        let mut looping = true;
        if !iter_on_stack {
            if index == 0 {
                self.emit_arg(Opcode::LOAD_FAST, 0, loc);
            } else {
                // `for y in [f(x)]` assigns without a loop.
                let single = match &gen_.iter {
                    Expr::List(l) if l.elts.len() == 1 && !l.elts[0].is_starred_expr() => {
                        Some(&l.elts[0])
                    }
                    Expr::Tuple(t) if t.elts.len() == 1 && !t.elts[0].is_starred_expr() => {
                        Some(&t.elts[0])
                    }
                    _ => None,
                };
                match single {
                    Some(item) => {
                        self.visit_expr(item)?;
                        looping = false;
                    }
                    None => {
                        self.visit_expr(&gen_.iter)?;
                        let iter_loc = self.loc(gen_.iter.range());
                        self.emit(Opcode::GET_ITER, iter_loc);
                    }
                }
            }
        }
        let start = self.new_block();
        let if_cleanup = self.new_block();
        let anchor = self.new_block();
        if looping {
            depth += 1;
            self.use_block(start);
            let iter_loc = self.loc(gen_.iter.range());
            self.emit_jump(Opcode::FOR_ITER, anchor, iter_loc);
        }
        self.visit_expr(&gen_.target)?;
        for cond in &gen_.ifs {
            self.jump_if(cond, if_cleanup, false, loc)?;
        }
        let elt_loc = self.comprehension_body(loc, generators, index, depth, elt, value, kind)?;
        self.use_block(if_cleanup);
        if looping {
            self.jump(start, elt_loc);
            self.use_block(anchor);
        }
        Ok(())
    }

    /// The inner generators, or the element itself after the last one; returns the
    /// element's location (used for the loop's back edge).
    #[allow(clippy::too_many_arguments)]
    fn comprehension_body(
        &mut self,
        loc: Position,
        generators: &'a [ast::Comprehension],
        index: usize,
        depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
    ) -> CResult<Position> {
        if index + 1 < generators.len() {
            self.comprehension_generator(
                loc,
                generators,
                index + 1,
                depth,
                elt,
                value,
                kind,
                false,
            )?;
        }
        let mut elt_loc = self.loc(elt.range());
        if index + 1 >= generators.len() {
            match kind {
                CompKind::Generator => {
                    self.visit_expr(elt)?;
                    self.emit_yield(elt_loc);
                    self.emit(Opcode::POP_TOP, elt_loc);
                }
                CompKind::List => {
                    self.visit_expr(elt)?;
                    self.emit_arg(Opcode::LIST_APPEND, depth + 1, elt_loc);
                }
                CompKind::Set => {
                    self.visit_expr(elt)?;
                    self.emit_arg(Opcode::SET_ADD, depth + 1, elt_loc);
                }
                CompKind::Dict => {
                    self.visit_expr(elt)?;
                    if let Some(v) = value {
                        self.visit_expr(v)?;
                        let vl = self.loc(v.range());
                        elt_loc = Position {
                            end_line: vl.end_line,
                            end_col: vl.end_col,
                            ..elt_loc
                        };
                    }
                    self.emit_arg(Opcode::MAP_ADD, depth + 1, elt_loc);
                }
            }
        }
        Ok(elt_loc)
    }

    #[allow(clippy::too_many_arguments)]
    fn async_comprehension_generator(
        &mut self,
        loc: Position,
        generators: &'a [ast::Comprehension],
        index: usize,
        mut depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
        iter_on_stack: bool,
    ) -> CResult<()> {
        let gen_ = &generators[index];
        if !iter_on_stack {
            if index == 0 {
                self.emit_arg(Opcode::LOAD_FAST, 0, loc);
            } else {
                self.visit_expr(&gen_.iter)?;
                let iter_loc = self.loc(gen_.iter.range());
                self.emit(Opcode::GET_AITER, iter_loc);
            }
        }
        let start = self.new_block();
        let except = self.new_block();
        let if_cleanup = self.new_block();
        self.use_block(start);
        let base = self.handler_depth();
        self.push_fblock(
            FBlockKind::AsyncComprehensionGenerator,
            Some(start),
            None,
            loc,
            base,
        );
        self.setup_handler(except, false, loc);
        self.emit(Opcode::GET_ANEXT, loc);
        self.load_const(Constant::None, loc);
        self.add_yield_from(loc, true);
        self.pop_handler();
        self.visit_expr(&gen_.target)?;
        for cond in &gen_.ifs {
            self.jump_if(cond, if_cleanup, false, loc)?;
        }
        depth += 1;
        let elt_loc = self.comprehension_body(loc, generators, index, depth, elt, value, kind)?;
        self.use_block(if_cleanup);
        self.jump(start, elt_loc);
        self.pop_fblock();
        self.use_block(except);
        self.emit(Opcode::END_ASYNC_FOR, loc);
        Ok(())
    }

    /// CPython's `push_inlined_comprehension_state`.
    fn push_inlined(&mut self, comp: ScopeId, loc: Position) -> CResult<InlinedState> {
        let in_class_block =
            self.unit().kind == UnitKind::Class && self.unit().in_inlined_comp == 0;
        self.u().in_inlined_comp += 1;
        let function_like = self.is_function_like();
        let symbols: Vec<(String, u32, SymScope)> = {
            let st = &self.table.scopes[comp];
            st.names
                .iter()
                .enumerate()
                .map(|(i, n)| (n.clone(), st.flags[i], st.scopes[i]))
                .collect()
        };
        let mut state = InlinedState {
            pushed: Vec::new(),
            saved_overrides: Vec::new(),
            hidden: Vec::new(),
            cleanup: None,
        };
        let mut new_overrides: HashMap<String, (u32, SymScope)> = HashMap::new();
        for (name, flags, scope) in &symbols {
            let outer = self.symbol_scope(name);
            if (*scope != outer
                && *scope != SymScope::Free
                && !(*scope == SymScope::Cell && outer == SymScope::Free))
                || in_class_block
            {
                new_overrides.insert(name.clone(), (*flags, *scope));
            }
            let binds = flags & flag::DEF_LOCAL != 0 && flags & flag::DEF_NONLOCAL == 0;
            if (binds || in_class_block)
                && !function_like
                && !self.unit().fast_hidden.contains(name)
            {
                self.u().fast_hidden.insert(name.clone());
                state.hidden.push(name.clone());
            }
        }
        for (name, v) in new_overrides {
            let prev = self.u().overrides.insert(name.clone(), v);
            state.saved_overrides.push((name, prev));
        }
        for (name, flags, scope) in &symbols {
            let binds = flags & flag::DEF_LOCAL != 0 && flags & flag::DEF_NONLOCAL == 0;
            if binds || in_class_block {
                let idx = self.varname_index(name);
                self.emit_arg(Opcode::LOAD_FAST_AND_CLEAR, idx, loc);
                if *scope == SymScope::Cell {
                    let cell = self.deref_index(name, self.table.scopes[comp].range)?;
                    self.emit_arg(Opcode::MAKE_CELL, cell, loc);
                }
                state.pushed.push(name.clone());
            }
        }
        if !state.pushed.is_empty() {
            self.emit_arg(Opcode::SWAP, state.pushed.len() as u32 + 1, loc);
            let cleanup = self.new_block();
            self.setup_handler(cleanup, false, loc);
            state.cleanup = Some(cleanup);
        }
        Ok(state)
    }

    fn restore_inlined_locals(&mut self, pushed: &[String], loc: Position) {
        self.emit_arg(Opcode::SWAP, pushed.len() as u32 + 1, loc);
        for name in pushed.iter().rev() {
            let idx = self.varname_index(name);
            self.emit_arg(Opcode::STORE_FAST, idx, loc);
        }
    }

    /// CPython's `pop_inlined_comprehension_state`.
    fn pop_inlined(&mut self, state: InlinedState, loc: Position) -> CResult<()> {
        self.u().in_inlined_comp -= 1;
        if let Some(cleanup) = state.cleanup {
            self.pop_handler();
            let end = self.new_block();
            self.jump_no_interrupt(end, NO_LOC);
            self.use_block(cleanup);
            self.emit_arg(Opcode::SWAP, 2, NO_LOC);
            self.emit(Opcode::POP_TOP, NO_LOC);
            self.restore_inlined_locals(&state.pushed, loc);
            self.emit_arg(Opcode::RERAISE, 0, NO_LOC);
            self.use_block(end);
            self.restore_inlined_locals(&state.pushed, loc);
        }
        for (name, prev) in state.saved_overrides {
            match prev {
                Some(v) => {
                    self.u().overrides.insert(name, v);
                }
                None => {
                    self.u().overrides.remove(&name);
                }
            }
        }
        for name in state.hidden {
            self.u().fast_hidden.remove(&name);
        }
        Ok(())
    }
}
