//! Calls: keyword validation, method calls through `LOAD_ATTR`'s method form, keyword
//! calls through `CALL_KW` with a constant tuple of names, `*`/`**` calls through
//! `CALL_FUNCTION_EX` (with `LIST_EXTEND`/`DICT_MERGE` building), and zero- and
//! two-argument `super()` attribute loads through `LOAD_SUPER_ATTR`.

use ruff_python_ast::{self as ast, Expr, ExprContext};
use ruff_text_size::Ranged;

use crate::bytecode::code::{Constant, Position};
use crate::bytecode::opcodes::Opcode;

use super::codegen::{Compiler, NO_LOC, NameCtx};
use super::error::{CResult, Failure};
use super::expr::STACK_USE_GUIDELINE;
use super::symtable::{SymScope, flag};

impl<'a> Compiler<'a> {
    pub(super) fn validate_keywords(&self, keywords: &[ast::Keyword]) -> CResult<()> {
        for (i, k) in keywords.iter().enumerate() {
            let Some(arg) = &k.arg else { continue };
            if arg.id.as_str() == "__debug__" {
                return Err(Failure::syntax("cannot assign to __debug__", k.range));
            }
            for other in &keywords[i + 1..] {
                if other.arg.as_ref().is_some_and(|o| o.id == arg.id) {
                    return Err(Failure::syntax(
                        format!("keyword argument repeated: {}", arg.id),
                        other.range,
                    ));
                }
            }
        }
        Ok(())
    }

    /// Whether `value.attr(...)`'s receiver is a name the module imports (CPython then
    /// skips the method-call form).
    pub(super) fn is_import_originated(&self, e: &Expr) -> bool {
        match e {
            Expr::Name(n) => self.table.scopes[0].flags_of(&n.id) & flag::DEF_IMPORT != 0,
            _ => false,
        }
    }

    pub(super) fn super_call_args(&self, a: &ast::ExprAttribute) -> usize {
        match a.value.as_ref() {
            Expr::Call(c) => c.arguments.args.len(),
            _ => 0,
        }
    }

    /// CPython's `can_optimize_super_call`.
    pub(super) fn can_optimize_super_call(&self, a: &ast::ExprAttribute) -> bool {
        let Expr::Call(call) = a.value.as_ref() else {
            return false;
        };
        let Expr::Name(func) = call.func.as_ref() else {
            return false;
        };
        if func.id.as_str() != "super"
            || a.attr.id.as_str() == "__class__"
            || !call.arguments.keywords.is_empty()
        {
            return false;
        }
        if self.symbol_scope("super") != SymScope::GlobalImplicit
            || self.table.scopes[0].contains("super")
        {
            return false;
        }
        let nargs = call.arguments.args.len();
        if nargs == 2 {
            return call.arguments.args.iter().all(|e| !e.is_starred_expr());
        }
        if nargs != 0 {
            return false;
        }
        let u = self.unit();
        if u.arg_count == 0 && u.posonly_count == 0 {
            return false;
        }
        self.symbol_scope("__class__") == SymScope::Free
    }

    pub(super) fn load_args_for_super(&mut self, a: &'a ast::ExprAttribute) -> CResult<()> {
        let Expr::Call(call) = a.value.as_ref() else {
            return Ok(());
        };
        if let Expr::Name(func) = call.func.as_ref() {
            self.nameop(&func.id, NameCtx::Load, func.range)?;
        }
        if call.arguments.args.len() == 2 {
            self.visit_expr(&call.arguments.args[0])?;
            self.visit_expr(&call.arguments.args[1])?;
            return Ok(());
        }
        let loc = self.loc(call.range());
        self.nameop_at("__class__", NameCtx::Load, call.range(), loc)?;
        let first = self
            .unit()
            .varnames
            .first()
            .cloned()
            .ok_or_else(|| Failure::internal("super() without arguments", call.range()))?;
        // The first parameter may be a cell (captured by a lambda): load it by name.
        self.nameop_at(&first, NameCtx::Load, call.range(), loc)?;
        Ok(())
    }

    pub(super) fn compile_call(&mut self, c: &'a ast::ExprCall) -> CResult<()> {
        self.validate_keywords(&c.arguments.keywords)?;
        if let [Expr::Generator(g)] = &*c.arguments.args
            && !g.parenthesized
            && c.arguments.keywords.is_empty()
        {
            self.genexp_ranges
                .insert(super::symtable::node_key(g), c.arguments.range);
        }
        if self.maybe_optimize_method_call(c)? {
            return Ok(());
        }
        self.visit_expr(&c.func)?;
        let func_loc = self.loc(c.func.range());
        // A global function loads with its NULL in one instruction.
        let current = self.unit().b.current.0 as usize;
        let merged = match self.u().b.blocks[current].instrs.last_mut() {
            Some(last)
                if last.op == super::ir::Op::Real(Opcode::LOAD_GLOBAL) && last.arg & 1 == 0 =>
            {
                last.arg |= 1;
                true
            }
            _ => false,
        };
        if !merged {
            self.emit(Opcode::PUSH_NULL, func_loc);
        }
        let loc = self.loc(c.range());
        self.call_helper(loc, 0, &c.arguments.args, &c.arguments.keywords)
    }

    /// CPython's `maybe_optimize_method_call`: `obj.meth(args)` as `LOAD_ATTR` (method
    /// form) + `CALL`.
    pub(super) fn maybe_optimize_method_call(&mut self, c: &'a ast::ExprCall) -> CResult<bool> {
        let Expr::Attribute(meth) = c.func.as_ref() else {
            return Ok(false);
        };
        if meth.ctx != ExprContext::Load || self.is_import_originated(&meth.value) {
            return Ok(false);
        }
        let args = &c.arguments.args;
        let kwds = &c.arguments.keywords;
        if args.len() + kwds.len() + usize::from(!kwds.is_empty()) >= STACK_USE_GUIDELINE {
            return Ok(false);
        }
        if args.iter().any(Expr::is_starred_expr) || kwds.iter().any(|k| k.arg.is_none()) {
            return Ok(false);
        }
        let meth_loc = self.loc(meth.range);
        if self.can_optimize_super_call(meth) {
            self.load_args_for_super(meth)?;
            let nargs = self.super_call_args(meth);
            let idx = self.name_index(&meth.attr.id);
            let arg = (idx << 2) | if nargs > 0 { 3 } else { 1 };
            self.emit_arg(Opcode::LOAD_SUPER_ATTR, arg, meth_loc);
            let nop_loc = self.attr_loc(meth_loc, meth);
            self.emit(Opcode::NOP, nop_loc);
        } else {
            self.visit_expr(&meth.value)?;
            let loc = self.attr_loc(meth_loc, meth);
            let idx = self.name_index(&meth.attr.id);
            self.emit_arg(Opcode::LOAD_ATTR, (idx << 1) | 1, loc);
        }
        for a in args.iter() {
            self.visit_expr(a)?;
        }
        let call_loc = self.attr_loc(self.loc(c.range()), meth);
        if !kwds.is_empty() {
            for k in kwds.iter() {
                self.visit_expr(&k.value)?;
            }
            self.kw_names(kwds, meth_loc);
            self.emit_arg(Opcode::CALL_KW, (args.len() + kwds.len()) as u32, call_loc);
        } else {
            self.emit_arg(Opcode::CALL, args.len() as u32, call_loc);
        }
        Ok(true)
    }

    /// Loads the tuple of keyword names for `CALL_KW`.
    pub(super) fn kw_names(&mut self, kwds: &[ast::Keyword], loc: Position) {
        let names: Vec<Constant> = kwds
            .iter()
            .map(|k| Constant::Str(k.arg.as_ref().map(|a| a.id.to_string()).unwrap_or_default()))
            .collect();
        self.load_const(Constant::Tuple(names), loc);
    }

    /// Pushes the arguments and emits the call, with `n` arguments already pushed
    /// (CPython's `compiler_call_helper`).
    pub fn call_helper(
        &mut self,
        loc: Position,
        n: u32,
        args: &'a [Expr],
        keywords: &'a [ast::Keyword],
    ) -> CResult<()> {
        self.validate_keywords(keywords)?;
        let nelts = args.len();
        let nkw = keywords.len();
        let simple = nelts + nkw * 2 <= STACK_USE_GUIDELINE
            && !args.iter().any(Expr::is_starred_expr)
            && !keywords.iter().any(|k| k.arg.is_none());
        if simple {
            for a in args {
                self.visit_expr(a)?;
            }
            if nkw > 0 {
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
                self.kw_names(keywords, loc);
                self.emit_arg(Opcode::CALL_KW, n + (nelts + nkw) as u32, loc);
            } else {
                self.emit_arg(Opcode::CALL, n + nelts as u32, loc);
            }
            return Ok(());
        }
        // Positional arguments as one tuple (or the single starred iterable as is).
        match args {
            [Expr::Starred(s)] if n == 0 => self.visit_expr(&s.value)?,
            _ => self.starunpack(
                args,
                n,
                Opcode::BUILD_LIST,
                Opcode::LIST_APPEND,
                Opcode::LIST_EXTEND,
                true,
                loc,
            )?,
        }
        if nkw > 0 {
            let mut have_dict = false;
            let mut nseen = 0;
            for (i, k) in keywords.iter().enumerate() {
                if k.arg.is_none() {
                    if nseen > 0 {
                        self.compile_subkwargs(keywords, i - nseen, i, loc)?;
                        if have_dict {
                            self.emit_arg(Opcode::DICT_MERGE, 1, loc);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit_arg(Opcode::BUILD_MAP, 0, loc);
                        have_dict = true;
                    }
                    self.visit_expr(&k.value)?;
                    self.emit_arg(Opcode::DICT_MERGE, 1, loc);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.compile_subkwargs(keywords, nkw - nseen, nkw, loc)?;
                if have_dict {
                    self.emit_arg(Opcode::DICT_MERGE, 1, loc);
                }
            }
        }
        self.emit_arg(Opcode::CALL_FUNCTION_EX, u32::from(nkw > 0), loc);
        Ok(())
    }

    pub(super) fn compile_subkwargs(
        &mut self,
        keywords: &'a [ast::Keyword],
        begin: usize,
        end: usize,
        loc: Position,
    ) -> CResult<()> {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if big {
            self.emit_arg(Opcode::BUILD_MAP, 0, NO_LOC);
        }
        for k in &keywords[begin..end] {
            let name = k.arg.as_ref().map(|a| a.id.to_string()).unwrap_or_default();
            self.load_const(Constant::Str(name), loc);
            self.visit_expr(&k.value)?;
            if big {
                self.emit_arg(Opcode::MAP_ADD, 1, NO_LOC);
            }
        }
        if !big {
            self.emit_arg(Opcode::BUILD_MAP, n as u32, loc);
        }
        Ok(())
    }

    // ---- f-strings -------------------------------------------------------------------
}
