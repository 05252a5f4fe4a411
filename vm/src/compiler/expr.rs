//! Expressions: loads of names, attributes and subscripts, operators, comparisons (with
//! CPython's chained-comparison shape), boolean operators, conditional expressions,
//! displays with `*` unpacking, walrus, `await` and `yield`, and the jump-on-condition
//! helper used by `if`, `while` and friends. Calls live in `call.rs`, f-strings in
//! `fstring.rs`.

use ruff_python_ast::{self as ast, BoolOp, CmpOp, Expr, ExprContext, Operator, UnaryOp};
use ruff_text_size::{Ranged, TextRange};

use crate::bytecode::code::{Constant, Position};
use crate::bytecode::opcodes::{BinaryOp, CompareOp, Opcode};

use super::codegen::{Compiler, NO_LOC, NameCtx, UnitKind};
use super::constant::truthy;
use super::error::{CResult, Failure};
use super::ir::BlockId;

/// CPython's `STACK_USE_GUIDELINE`: past this many items, displays and calls are built
/// incrementally.
pub(crate) const STACK_USE_GUIDELINE: usize = 30;

pub(crate) fn binary_op(op: Operator, inplace: bool) -> BinaryOp {
    let base = match op {
        Operator::Add => BinaryOp::Add,
        Operator::Sub => BinaryOp::Subtract,
        Operator::Mult => BinaryOp::Multiply,
        Operator::MatMult => BinaryOp::MatrixMultiply,
        Operator::Div => BinaryOp::TrueDivide,
        Operator::Mod => BinaryOp::Remainder,
        Operator::Pow => BinaryOp::Power,
        Operator::LShift => BinaryOp::LShift,
        Operator::RShift => BinaryOp::RShift,
        Operator::BitOr => BinaryOp::Or,
        Operator::BitXor => BinaryOp::Xor,
        Operator::BitAnd => BinaryOp::And,
        Operator::FloorDiv => BinaryOp::FloorDivide,
    };
    if inplace {
        BinaryOp::from_arg(base as u32 + 13).unwrap_or(base)
    } else {
        base
    }
}

fn is_constant_expr(e: &Expr) -> bool {
    matches!(
        e,
        Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
    )
}

/// `a[x:y]` with no step: compiled with `BINARY_SLICE`/`STORE_SLICE`.
pub(crate) fn is_two_element_slice(e: &Expr) -> bool {
    matches!(e, Expr::Slice(s) if s.step.is_none())
}

impl<'a> Compiler<'a> {
    pub fn visit_expr(&mut self, e: &'a Expr) -> CResult<()> {
        self.enter_node(e.range())?;
        let r = self.visit_expr_inner(e);
        self.leave_node();
        r
    }

    /// Position of an attribute access: when it spans lines, it starts at the attribute
    /// name (CPython's `update_start_location_to_match_attr`).
    pub fn attr_loc(&self, mut loc: Position, attr: &ast::ExprAttribute) -> Position {
        let end = self.loc(attr.range);
        if loc.line != end.end_line {
            loc.line = end.end_line;
            let len = attr.attr.id.chars().count() as u32;
            if len <= end.end_col {
                loc.col = end.end_col - len;
            }
            loc.end_line = loc.end_line.max(loc.line);
            if loc.line == loc.end_line {
                loc.end_col = loc.end_col.max(loc.col);
            }
        }
        loc
    }

    fn visit_expr_inner(&mut self, e: &'a Expr) -> CResult<()> {
        let loc = self.loc(e.range());
        if let Some(c) = self.fold(e) {
            self.load_const(c, loc);
            return Ok(());
        }
        match e {
            Expr::BoolOp(b) => {
                let jump = if b.op == BoolOp::And {
                    Opcode::POP_JUMP_IF_FALSE
                } else {
                    Opcode::POP_JUMP_IF_TRUE
                };
                let end = self.new_block();
                let n = b.values.len();
                for v in &b.values[..n - 1] {
                    self.visit_expr(v)?;
                    self.emit_arg(Opcode::COPY, 1, loc);
                    self.emit_jump(jump, end, loc);
                    self.emit(Opcode::POP_TOP, loc);
                }
                self.visit_expr(&b.values[n - 1])?;
                self.use_block(end);
            }
            Expr::Named(n) => {
                self.visit_expr(&n.value)?;
                self.emit_arg(Opcode::COPY, 1, loc);
                self.visit_expr(&n.target)?;
            }
            Expr::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)?;
                self.emit_arg(Opcode::BINARY_OP, binary_op(b.op, false) as u32, loc);
            }
            Expr::UnaryOp(u) => {
                self.visit_expr(&u.operand)?;
                if u.op == UnaryOp::Not && self.fuse_not(&u.operand, loc) {
                    return Ok(());
                }
                let op = match u.op {
                    UnaryOp::Invert => Opcode::UNARY_INVERT,
                    UnaryOp::Not => Opcode::UNARY_NOT,
                    UnaryOp::UAdd => Opcode::UNARY_POSITIVE,
                    UnaryOp::USub => Opcode::UNARY_NEGATIVE,
                };
                self.emit(op, loc);
            }
            Expr::Lambda(l) => self.compile_lambda(l)?,
            Expr::If(i) => {
                let end = self.new_block();
                let next = self.new_block();
                self.jump_if(&i.test, next, false, loc)?;
                self.visit_expr(&i.body)?;
                self.jump(end, NO_LOC);
                self.use_block(next);
                self.visit_expr(&i.orelse)?;
                self.use_block(end);
            }
            Expr::Dict(d) => self.compile_dict(d, loc)?,
            Expr::Set(s) => self.starunpack(
                &s.elts,
                0,
                Opcode::BUILD_SET,
                Opcode::SET_ADD,
                Opcode::SET_UPDATE,
                false,
                loc,
            )?,
            Expr::ListComp(c) => self.compile_comprehension(
                e,
                super::symtable::CompKind::List,
                &c.generators,
                &c.elt,
                None,
            )?,
            Expr::SetComp(c) => self.compile_comprehension(
                e,
                super::symtable::CompKind::Set,
                &c.generators,
                &c.elt,
                None,
            )?,
            Expr::DictComp(c) => {
                let key = c
                    .key
                    .as_deref()
                    .ok_or_else(|| Failure::syntax("invalid syntax", c.range))?;
                self.compile_comprehension(
                    e,
                    super::symtable::CompKind::Dict,
                    &c.generators,
                    key,
                    Some(&c.value),
                )?
            }
            Expr::Generator(c) => self.compile_comprehension(
                e,
                super::symtable::CompKind::Generator,
                &c.generators,
                &c.elt,
                None,
            )?,
            Expr::Await(a) => {
                if !self.is_function_like() {
                    return Err(Failure::syntax("'await' outside function", a.range));
                }
                if !matches!(
                    self.unit().kind,
                    UnitKind::AsyncFunction | UnitKind::Comprehension
                ) {
                    return Err(Failure::syntax("'await' outside async function", a.range));
                }
                self.visit_expr(&a.value)?;
                self.emit_arg(Opcode::GET_AWAITABLE, 0, loc);
                self.load_const(Constant::None, loc);
                self.add_yield_from(loc, true);
            }
            Expr::Yield(y) => {
                if !self.is_function_like() {
                    return Err(Failure::syntax("'yield' outside function", y.range));
                }
                match &y.value {
                    Some(v) => self.visit_expr(v)?,
                    None => self.load_const(Constant::None, loc),
                }
                self.emit_yield(loc);
            }
            Expr::YieldFrom(y) => {
                if !self.is_function_like() {
                    return Err(Failure::syntax("'yield' outside function", y.range));
                }
                if self.unit().kind == UnitKind::AsyncFunction {
                    return Err(Failure::syntax(
                        "'yield from' inside async function",
                        y.range,
                    ));
                }
                self.visit_expr(&y.value)?;
                self.emit(Opcode::GET_YIELD_FROM_ITER, loc);
                self.load_const(Constant::None, loc);
                self.add_yield_from(loc, false);
            }
            Expr::Compare(c) => self.compile_compare(c, loc)?,
            Expr::Call(c) => self.compile_call(c)?,
            Expr::FString(f) => self.compile_fstring(f, loc)?,
            Expr::TString(t) => {
                return Err(Failure::syntax(
                    "template strings are not supported by this compiler yet",
                    t.range,
                ));
            }
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {
                return Err(Failure::internal("literal did not fold", e.range()));
            }
            Expr::Attribute(a) => self.compile_attribute(a, loc)?,
            Expr::Subscript(s) => self.compile_subscript(s, loc)?,
            Expr::Starred(s) => {
                let msg = if s.ctx == ExprContext::Store {
                    "starred assignment target must be in a list or tuple"
                } else {
                    "can't use starred expression here"
                };
                return Err(Failure::syntax(msg, s.range));
            }
            Expr::Name(n) => {
                let ctx = match n.ctx {
                    ExprContext::Load | ExprContext::Invalid => NameCtx::Load,
                    ExprContext::Store => NameCtx::Store,
                    ExprContext::Del => NameCtx::Del,
                };
                self.nameop(&n.id, ctx, n.range)?;
            }
            Expr::List(l) => match l.ctx {
                ExprContext::Store => self.assignment_helper(&l.elts, loc)?,
                ExprContext::Del => {
                    for elt in &l.elts {
                        self.visit_expr(elt)?;
                    }
                }
                _ => self.starunpack(
                    &l.elts,
                    0,
                    Opcode::BUILD_LIST,
                    Opcode::LIST_APPEND,
                    Opcode::LIST_EXTEND,
                    false,
                    loc,
                )?,
            },
            Expr::Tuple(t) => match t.ctx {
                ExprContext::Store => self.assignment_helper(&t.elts, loc)?,
                ExprContext::Del => {
                    for elt in &t.elts {
                        self.visit_expr(elt)?;
                    }
                }
                _ => self.starunpack(
                    &t.elts,
                    0,
                    Opcode::BUILD_LIST,
                    Opcode::LIST_APPEND,
                    Opcode::LIST_EXTEND,
                    true,
                    loc,
                )?,
            },
            Expr::Slice(s) => {
                let n = self.compile_slice_parts(s)?;
                self.emit_arg(Opcode::BUILD_SLICE, n, loc);
            }
            Expr::IpyEscapeCommand(i) => return Err(Failure::syntax("invalid syntax", i.range)),
        }
        Ok(())
    }

    /// `YIELD_VALUE` (wrapped for async generators) and the `RESUME` after it.
    pub fn emit_yield(&mut self, loc: Position) {
        let st = self.scope();
        if st.is_generator && st.is_coroutine {
            self.emit_arg(Opcode::CALL_INTRINSIC_1, 4, loc);
        }
        self.emit_arg(Opcode::YIELD_VALUE, 0, loc);
        self.emit_arg(Opcode::RESUME, 1, loc);
    }

    /// Pushes the bounds of a slice (None for missing ones) and returns how many values
    /// (2 or 3) `BUILD_SLICE` takes.
    pub fn compile_slice_parts(&mut self, s: &'a ast::ExprSlice) -> CResult<u32> {
        let loc = self.loc(s.range);
        match &s.lower {
            Some(l) => self.visit_expr(l)?,
            None => self.load_const(Constant::None, loc),
        }
        match &s.upper {
            Some(u) => self.visit_expr(u)?,
            None => self.load_const(Constant::None, loc),
        }
        if let Some(step) = &s.step {
            self.visit_expr(step)?;
            return Ok(3);
        }
        Ok(2)
    }

    fn compile_attribute(&mut self, a: &'a ast::ExprAttribute, loc: Position) -> CResult<()> {
        if a.ctx == ExprContext::Load && self.can_optimize_super_call(a) {
            self.load_args_for_super(a)?;
            let nargs = self.super_call_args(a);
            let idx = self.name_index(&a.attr.id);
            let arg = (idx << 2) | if nargs > 0 { 2 } else { 0 };
            self.emit_arg(Opcode::LOAD_SUPER_ATTR, arg, loc);
            let nop_loc = self.attr_loc(loc, a);
            self.emit(Opcode::NOP, nop_loc);
            return Ok(());
        }
        if a.ctx == ExprContext::Store {
            self.note_static_attribute(a);
        }
        self.visit_expr(&a.value)?;
        let loc = self.attr_loc(loc, a);
        match a.ctx {
            ExprContext::Store => {
                if a.attr.id.as_str() == "__debug__" {
                    return Err(Failure::syntax("cannot assign to __debug__", a.range));
                }
                let idx = self.name_index(&a.attr.id);
                self.emit_arg(Opcode::STORE_ATTR, idx, loc);
            }
            ExprContext::Del => {
                let idx = self.name_index(&a.attr.id);
                self.emit_arg(Opcode::DELETE_ATTR, idx, loc);
            }
            _ => {
                let idx = self.name_index(&a.attr.id);
                self.emit_arg(Opcode::LOAD_ATTR, idx << 1, loc);
            }
        }
        Ok(())
    }

    /// Records `self.x = ...` in the nearest enclosing class for `__static_attributes__`.
    fn note_static_attribute(&mut self, a: &ast::ExprAttribute) {
        let Expr::Name(n) = a.value.as_ref() else {
            return;
        };
        if n.id.as_str() != "self" {
            return;
        }
        let n_units = self.units.len();
        for k in (0..n_units.saturating_sub(1)).rev() {
            if self.units[k].kind == UnitKind::Class {
                self.units[k]
                    .static_attributes
                    .insert(a.attr.id.to_string());
                return;
            }
        }
    }

    fn compile_subscript(&mut self, s: &'a ast::ExprSubscript, loc: Position) -> CResult<()> {
        self.visit_expr(&s.value)?;
        if is_two_element_slice(&s.slice) && s.ctx != ExprContext::Del {
            if let Expr::Slice(sl) = s.slice.as_ref() {
                self.compile_slice_parts(sl)?;
            }
            if s.ctx == ExprContext::Store {
                self.emit(Opcode::STORE_SLICE, loc);
            } else {
                self.emit(Opcode::BINARY_SLICE, loc);
            }
        } else {
            self.visit_expr(&s.slice)?;
            let op = match s.ctx {
                ExprContext::Store => Opcode::STORE_SUBSCR,
                ExprContext::Del => Opcode::DELETE_SUBSCR,
                _ => Opcode::BINARY_SUBSCR,
            };
            self.emit(op, loc);
        }
        Ok(())
    }

    fn compare_op(&mut self, op: CmpOp, loc: Position) {
        let (opcode, arg) = match op {
            CmpOp::Eq => (Opcode::COMPARE_OP, CompareOp::Eq as u32),
            CmpOp::NotEq => (Opcode::COMPARE_OP, CompareOp::Ne as u32),
            CmpOp::Lt => (Opcode::COMPARE_OP, CompareOp::Lt as u32),
            CmpOp::LtE => (Opcode::COMPARE_OP, CompareOp::Le as u32),
            CmpOp::Gt => (Opcode::COMPARE_OP, CompareOp::Gt as u32),
            CmpOp::GtE => (Opcode::COMPARE_OP, CompareOp::Ge as u32),
            CmpOp::Is => (Opcode::IS_OP, 0),
            CmpOp::IsNot => (Opcode::IS_OP, 1),
            CmpOp::In => (Opcode::CONTAINS_OP, 0),
            CmpOp::NotIn => (Opcode::CONTAINS_OP, 1),
        };
        self.emit_arg(opcode, arg, loc);
    }

    /// A comparator, with list/set displays of constants after `in` folded to a tuple or
    /// frozenset.
    fn visit_comparator(&mut self, op: CmpOp, e: &'a Expr) -> CResult<()> {
        if matches!(op, CmpOp::In | CmpOp::NotIn)
            && let Some(c) = self.fold_iterable_display(e)
        {
            let loc = self.loc(e.range());
            self.load_const(c, loc);
            return Ok(());
        }
        self.visit_expr(e)
    }

    fn compile_compare(&mut self, c: &'a ast::ExprCompare, loc: Position) -> CResult<()> {
        self.visit_expr(&c.left)?;
        let n = c.ops.len() - 1;
        if n == 0 {
            self.visit_comparator(c.ops[0], &c.comparators[0])?;
            self.compare_op(c.ops[0], loc);
            return Ok(());
        }
        let cleanup = self.new_block();
        for i in 0..n {
            // Only the last comparator may be folded (as CPython's AST optimizer does): a
            // middle one is also the left operand of the next comparison.
            self.visit_expr(&c.comparators[i])?;
            self.emit_arg(Opcode::SWAP, 2, loc);
            self.emit_arg(Opcode::COPY, 2, loc);
            self.compare_op(c.ops[i], loc);
            self.emit_arg(Opcode::COPY, 1, loc);
            self.emit_jump(Opcode::POP_JUMP_IF_FALSE, cleanup, loc);
            self.emit(Opcode::POP_TOP, loc);
        }
        self.visit_comparator(c.ops[n], &c.comparators[n])?;
        self.compare_op(c.ops[n], loc);
        let end = self.new_block();
        self.jump(end, NO_LOC);
        self.use_block(cleanup);
        self.emit_arg(Opcode::SWAP, 2, loc);
        self.emit(Opcode::POP_TOP, loc);
        self.use_block(end);
        Ok(())
    }

    /// Jumps to `next` if `e`'s truth equals `cond`, else falls through (CPython's
    /// `compiler_jump_if`, with constant tests resolved at compile time).
    pub fn jump_if(
        &mut self,
        e: &'a Expr,
        next: BlockId,
        cond: bool,
        stmt_loc: Position,
    ) -> CResult<()> {
        let _ = stmt_loc;
        self.enter_node(e.range())?;
        let r = self.jump_if_inner(e, next, cond);
        self.leave_node();
        r
    }

    fn jump_if_inner(&mut self, e: &'a Expr, next: BlockId, cond: bool) -> CResult<()> {
        let loc = self.loc(e.range());
        if let Some(c) = self.fold(e) {
            self.emit(Opcode::NOP, loc);
            if truthy(&c) == cond {
                self.jump(next, loc);
            }
            return Ok(());
        }
        match e {
            Expr::UnaryOp(u) if u.op == UnaryOp::Not => {
                return self.jump_if(&u.operand, next, !cond, loc);
            }
            Expr::BoolOp(b) => {
                let n = b.values.len() - 1;
                let cond2 = b.op == BoolOp::Or;
                let next2 = if cond2 != cond {
                    self.new_block()
                } else {
                    next
                };
                for v in &b.values[..n] {
                    self.jump_if(v, next2, cond2, loc)?;
                }
                self.jump_if(&b.values[n], next, cond, loc)?;
                if next2 != next {
                    self.use_block(next2);
                }
                return Ok(());
            }
            Expr::If(i) => {
                let end = self.new_block();
                let next2 = self.new_block();
                self.jump_if(&i.test, next2, false, loc)?;
                self.jump_if(&i.body, next, cond, loc)?;
                self.jump(end, NO_LOC);
                self.use_block(next2);
                self.jump_if(&i.orelse, next, cond, loc)?;
                self.use_block(end);
                return Ok(());
            }
            Expr::Compare(c) if c.ops.len() > 1 => {
                let n = c.ops.len() - 1;
                let cleanup = self.new_block();
                self.visit_expr(&c.left)?;
                for i in 0..n {
                    self.visit_comparator(c.ops[i], &c.comparators[i])?;
                    self.emit_arg(Opcode::SWAP, 2, loc);
                    self.emit_arg(Opcode::COPY, 2, loc);
                    self.compare_op(c.ops[i], loc);
                    self.emit_jump(Opcode::POP_JUMP_IF_FALSE, cleanup, loc);
                }
                self.visit_comparator(c.ops[n], &c.comparators[n])?;
                self.compare_op(c.ops[n], loc);
                let op = if cond {
                    Opcode::POP_JUMP_IF_TRUE
                } else {
                    Opcode::POP_JUMP_IF_FALSE
                };
                self.emit_jump(op, next, loc);
                let end = self.new_block();
                self.jump(end, NO_LOC);
                self.use_block(cleanup);
                self.emit(Opcode::POP_TOP, loc);
                if !cond {
                    self.jump(next, NO_LOC);
                }
                self.use_block(end);
                return Ok(());
            }
            Expr::Compare(c)
                if matches!(c.ops[0], CmpOp::Is | CmpOp::IsNot)
                    && c.comparators[0].is_none_literal_expr() =>
            {
                // `x is None` jumps with POP_JUMP_IF_NONE / POP_JUMP_IF_NOT_NONE.
                self.visit_expr(&c.left)?;
                let is = c.ops[0] == CmpOp::Is;
                let op = if is == cond {
                    Opcode::POP_JUMP_IF_NONE
                } else {
                    Opcode::POP_JUMP_IF_NOT_NONE
                };
                self.emit_jump(op, next, loc);
                return Ok(());
            }
            _ => {}
        }
        self.visit_expr(e)?;
        let op = if cond {
            Opcode::POP_JUMP_IF_TRUE
        } else {
            Opcode::POP_JUMP_IF_FALSE
        };
        self.emit_jump(op, next, loc);
        Ok(())
    }

    fn compile_dict(&mut self, d: &'a ast::ExprDict, loc: Position) -> CResult<()> {
        let n = d.items.len();
        let mut have_dict = false;
        let mut elements = 0usize;
        for i in 0..n {
            if d.items[i].key.is_none() {
                if elements > 0 {
                    self.compile_subdict(d, i - elements, i, loc)?;
                    if have_dict {
                        self.emit_arg(Opcode::DICT_UPDATE, 1, loc);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit_arg(Opcode::BUILD_MAP, 0, loc);
                    have_dict = true;
                }
                self.visit_expr(&d.items[i].value)?;
                self.emit_arg(Opcode::DICT_UPDATE, 1, loc);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.compile_subdict(d, i - elements, i + 1, loc)?;
                if have_dict {
                    self.emit_arg(Opcode::DICT_UPDATE, 1, loc);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.compile_subdict(d, n - elements, n, loc)?;
            if have_dict {
                self.emit_arg(Opcode::DICT_UPDATE, 1, loc);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit_arg(Opcode::BUILD_MAP, 0, loc);
        }
        Ok(())
    }

    fn compile_subdict(
        &mut self,
        d: &'a ast::ExprDict,
        begin: usize,
        end: usize,
        loc: Position,
    ) -> CResult<()> {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if big {
            self.emit_arg(Opcode::BUILD_MAP, 0, loc);
        }
        for item in &d.items[begin..end] {
            if let Some(k) = &item.key {
                self.visit_expr(k)?;
            }
            self.visit_expr(&item.value)?;
            if big {
                self.emit_arg(Opcode::MAP_ADD, 1, loc);
            }
        }
        if !big {
            self.emit_arg(Opcode::BUILD_MAP, n as u32, loc);
        }
        Ok(())
    }

    /// Builds a list, set or tuple from `elts` (some possibly starred) on top of `pushed`
    /// items already on the stack (CPython's `starunpack_helper`).
    #[allow(clippy::too_many_arguments)]
    pub fn starunpack(
        &mut self,
        elts: &'a [Expr],
        pushed: u32,
        build: Opcode,
        add: Opcode,
        extend: Opcode,
        tuple: bool,
        loc: Position,
    ) -> CResult<()> {
        let n = elts.len();
        if n > 2 && elts.iter().all(|e| !e.is_starred_expr()) {
            let mut folded = Vec::with_capacity(n);
            for e in elts {
                match self.fold(e) {
                    Some(c) => folded.push(c),
                    None => break,
                }
            }
            if folded.len() == n {
                if tuple && pushed == 0 {
                    self.load_const(Constant::Tuple(folded), loc);
                } else {
                    let c = if add == Opcode::SET_ADD {
                        Compiler::frozenset_of(folded)
                    } else {
                        Constant::Tuple(folded)
                    };
                    self.emit_arg(build, pushed, loc);
                    self.load_const(c, loc);
                    self.emit_arg(extend, 1, loc);
                    if tuple {
                        self.emit(Opcode::LIST_TO_TUPLE, loc);
                    }
                }
                return Ok(());
            }
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(Expr::is_starred_expr);
        if !seen_star && !big {
            for e in elts {
                self.visit_expr(e)?;
            }
            let op = if tuple { Opcode::BUILD_TUPLE } else { build };
            self.emit_arg(op, n as u32 + pushed, loc);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit_arg(build, pushed, loc);
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let Expr::Starred(s) = e {
                if !built {
                    self.emit_arg(build, i as u32 + pushed, loc);
                    built = true;
                }
                self.visit_expr(&s.value)?;
                self.emit_arg(extend, 1, loc);
            } else {
                self.visit_expr(e)?;
                if built {
                    self.emit_arg(add, 1, loc);
                }
            }
        }
        if tuple {
            self.emit(Opcode::LIST_TO_TUPLE, loc);
        }
        Ok(())
    }

    /// Unpacks the value on the stack into `elts` (CPython's `assignment_helper`).
    pub fn assignment_helper(&mut self, elts: &'a [Expr], loc: Position) -> CResult<()> {
        let n = elts.len();
        let mut seen_star = false;
        for (i, e) in elts.iter().enumerate() {
            if e.is_starred_expr() {
                if seen_star {
                    return Err(Failure::syntax(
                        "multiple starred expressions in assignment",
                        self.range_of_loc(elts, loc),
                    ));
                }
                if i >= 256 || n - i > (i32::MAX >> 8) as usize {
                    return Err(Failure::syntax(
                        "too many expressions in star-unpacking assignment",
                        self.range_of_loc(elts, loc),
                    ));
                }
                self.emit_arg(Opcode::UNPACK_EX, (i + ((n - i - 1) << 8)) as u32, loc);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit_arg(Opcode::UNPACK_SEQUENCE, n as u32, loc);
        }
        for e in elts {
            match e {
                Expr::Starred(s) => self.visit_expr(&s.value)?,
                _ => self.visit_expr(e)?,
            }
        }
        Ok(())
    }

    /// The source range covering a target list (for errors located at the whole target).
    fn range_of_loc(&self, elts: &[Expr], _loc: Position) -> TextRange {
        match (elts.first(), elts.last()) {
            (Some(a), Some(b)) => TextRange::new(a.range().start(), b.range().end()),
            _ => TextRange::default(),
        }
    }

    // ---- calls -----------------------------------------------------------------------

    /// CPython's peephole pass turns `not a in b` / `not a is b` into the inverted test
    /// and moves a single comparison under `not` to the `not` expression's location
    /// (it takes the place of the `TO_BOOL` we do not have). Returns true when the
    /// `UNARY_NOT` itself was absorbed.
    fn fuse_not(&mut self, operand: &Expr, loc: Position) -> bool {
        let Expr::Compare(c) = operand else {
            return false;
        };
        if c.ops.len() != 1 {
            return false;
        }
        let current = self.unit().b.current.0 as usize;
        let Some(last) = self.u().b.blocks[current].instrs.last_mut() else {
            return false;
        };
        last.loc = loc;
        if last.op == super::ir::Op::Real(Opcode::CONTAINS_OP)
            || last.op == super::ir::Op::Real(Opcode::IS_OP)
        {
            last.arg ^= 1;
            return true;
        }
        false
    }

    /// Whether `e` is a constant literal statement (ignored except for its line).
    pub fn is_constant_statement(&mut self, e: &Expr) -> bool {
        is_constant_expr(e)
            || matches!(e, Expr::UnaryOp(_) | Expr::BinOp(_) | Expr::Tuple(_))
                && self.fold(e).is_some()
    }
}
