//! `match` statements (PEP 634), following CPython's code generation.
//!
//! Every pattern routine consumes the subject on top of the stack and, on failure, jumps to
//! a "fail_pop" block that pops whatever is left above the subject. Captured values are not
//! stored as soon as they match: they are rotated underneath the items still in use
//! (`on_top`), and the whole case stores them only once the entire pattern has matched.
//! `fail_pop[n]` pops `n` items and falls through to `fail_pop[n - 1]`.

use ruff_python_ast::{self as ast, Expr, Pattern};
use ruff_text_size::{Ranged, TextRange};

use crate::bytecode::code::{Constant, Position};
use crate::bytecode::dis::{const_repr, str_repr};
use crate::bytecode::opcodes::{CompareOp, Opcode};

use super::codegen::{Compiler, NO_LOC, NameCtx};
use super::error::{CResult, Failure};
use super::ir::BlockId;

/// State while compiling one case's pattern.
struct PatternContext {
    /// Names captured so far, in the order their values sit on the stack.
    stores: Vec<(String, TextRange)>,
    /// Whether an irrefutable pattern is allowed here.
    allow_irrefutable: bool,
    /// `fail_pop[n]` pops `n` items, then continues to `fail_pop[n - 1]`.
    fail_pop: Vec<BlockId>,
    /// Items on top of the stack that must stay there (and be popped on failure).
    on_top: usize,
}

/// `_`: a capture pattern without a name.
fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(s) if s.name.is_none())
}

impl<'a> Compiler<'a> {
    pub fn compile_match(&mut self, m: &'a ast::StmtMatch) -> CResult<()> {
        self.visit_expr(&m.subject)?;
        let end = self.new_block();
        let cases = m.cases.len();
        let last = &m.cases[cases - 1];
        let has_default = is_wildcard(&last.pattern) && cases > 1;
        for (i, case) in m.cases[..cases - usize::from(has_default)]
            .iter()
            .enumerate()
        {
            let ploc = self.loc(case.pattern.range());
            let is_last = i + 1 == cases - usize::from(has_default);
            if !is_last {
                self.emit_arg(Opcode::COPY, 1, ploc);
            }
            let mut pc = PatternContext {
                stores: Vec::new(),
                allow_irrefutable: case.guard.is_some() || i + 1 == cases,
                fail_pop: Vec::new(),
                on_top: 0,
            };
            self.pattern(&case.pattern, &mut pc)?;
            for (name, range) in std::mem::take(&mut pc.stores) {
                self.nameop_at(&name, NameCtx::Store, range, ploc)?;
            }
            if let Some(guard) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(guard, target, false, ploc)?;
            }
            if !is_last {
                self.emit(Opcode::POP_TOP, ploc);
            }
            self.compile_body(&case.body)?;
            self.jump(end, NO_LOC);
            self.emit_and_reset_fail_pop(&mut pc, ploc);
        }
        if has_default {
            let ploc = self.loc(last.pattern.range());
            if cases == 1 {
                self.emit(Opcode::POP_TOP, ploc);
            } else {
                self.emit(Opcode::NOP, ploc);
            }
            if let Some(guard) = &last.guard {
                self.jump_if(guard, end, false, ploc)?;
            }
            self.compile_body(&last.body)?;
        }
        self.use_block(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let b = self.new_block();
            pc.fail_pop.push(b);
        }
    }

    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, op: Opcode, loc: Position) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        let target = pc.fail_pop[pops];
        if op == Opcode::JUMP_FORWARD {
            self.jump(target, loc);
        } else {
            self.emit_jump(op, target, loc);
        }
    }

    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext, loc: Position) {
        let blocks = std::mem::take(&mut pc.fail_pop);
        if blocks.is_empty() {
            return;
        }
        for k in (1..blocks.len()).rev() {
            self.use_block(blocks[k]);
            self.emit(Opcode::POP_TOP, loc);
        }
        self.use_block(blocks[0]);
    }

    fn rotate(&mut self, count: usize, loc: Position) {
        let mut c = count;
        while c > 1 {
            self.emit_arg(Opcode::SWAP, c as u32, loc);
            c -= 1;
        }
    }

    fn store_capture(
        &mut self,
        name: Option<&ast::Identifier>,
        pc: &mut PatternContext,
        loc: Position,
    ) -> CResult<()> {
        let Some(name) = name else {
            self.emit(Opcode::POP_TOP, loc);
            return Ok(());
        };
        if pc.stores.iter().any(|(n, _)| n == name.id.as_str()) {
            return Err(Failure::syntax(
                format!(
                    "multiple assignments to name {} in pattern",
                    str_repr(&name.id)
                ),
                name.range,
            ));
        }
        let rotations = pc.on_top + pc.stores.len() + 1;
        self.rotate(rotations, loc);
        pc.stores.push((name.id.to_string(), name.range));
        Ok(())
    }

    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult<()> {
        let allow = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        let r = self.pattern(p, pc);
        pc.allow_irrefutable = allow;
        r
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult<()> {
        self.enter_node(p.range())?;
        let r = self.pattern_inner(p, pc);
        self.leave_node();
        r
    }

    fn pattern_inner(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult<()> {
        let loc = self.loc(p.range());
        match p {
            Pattern::MatchValue(v) => {
                if !matches!(v.value.as_ref(), Expr::Attribute(_)) && self.fold(&v.value).is_none()
                {
                    return Err(Failure::syntax(
                        "patterns may only match literals and attribute lookups",
                        v.range,
                    ));
                }
                self.visit_expr(&v.value)?;
                self.emit_arg(Opcode::COMPARE_OP, CompareOp::Eq as u32, loc);
                self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE, loc);
            }
            Pattern::MatchSingleton(s) if s.value == ast::Singleton::None => {
                // `LOAD_CONST None; IS_OP; POP_JUMP_IF_FALSE` as CPython's peephole leaves it.
                self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_NOT_NONE, loc);
            }
            Pattern::MatchSingleton(s) => {
                let c = match s.value {
                    ast::Singleton::None => Constant::None,
                    ast::Singleton::True => Constant::Bool(true),
                    ast::Singleton::False => Constant::Bool(false),
                };
                self.load_const(c, loc);
                self.emit_arg(Opcode::IS_OP, 0, loc);
                self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE, loc);
            }
            Pattern::MatchSequence(s) => self.pattern_sequence(s, pc, loc)?,
            Pattern::MatchMapping(m) => self.pattern_mapping(m, pc, loc)?,
            Pattern::MatchClass(c) => self.pattern_class(c, pc, loc)?,
            Pattern::MatchStar(s) => self.store_capture(s.name.as_ref(), pc, loc)?,
            Pattern::MatchAs(a) => match &a.pattern {
                None => {
                    if !pc.allow_irrefutable {
                        let msg = match &a.name {
                            Some(n) => format!(
                                "name capture {} makes remaining patterns unreachable",
                                str_repr(&n.id)
                            ),
                            None => "wildcard makes remaining patterns unreachable".to_string(),
                        };
                        return Err(Failure::syntax(msg, a.range));
                    }
                    self.store_capture(a.name.as_ref(), pc, loc)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit_arg(Opcode::COPY, 1, loc);
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.store_capture(a.name.as_ref(), pc, loc)?;
                }
            },
            Pattern::MatchOr(o) => self.pattern_or(o, pc, loc)?,
        }
        Ok(())
    }

    fn pattern_sequence(
        &mut self,
        s: &'a ast::PatternMatchSequence,
        pc: &mut PatternContext,
        loc: Position,
    ) -> CResult<()> {
        let patterns = &s.patterns;
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in patterns.iter().enumerate() {
            if let Pattern::MatchStar(_) = p {
                if star.is_some() {
                    return Err(Failure::syntax(
                        "multiple starred names in sequence pattern",
                        s.range,
                    ));
                }
                star_wildcard = is_star_wildcard(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        pc.on_top += 1;
        self.emit(Opcode::MATCH_SEQUENCE, loc);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE, loc);
        match star {
            None => {
                self.emit(Opcode::GET_LEN, loc);
                self.load_const(Constant::Int(size.into()), loc);
                self.emit_arg(Opcode::COMPARE_OP, CompareOp::Eq as u32, loc);
                self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE, loc);
            }
            Some(_) if size > 1 => {
                self.emit(Opcode::GET_LEN, loc);
                self.load_const(Constant::Int((size - 1).into()), loc);
                self.emit_arg(Opcode::COMPARE_OP, CompareOp::Ge as u32, loc);
                self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE, loc);
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Opcode::POP_TOP, loc);
        } else if star_wildcard {
            let star = star.unwrap_or(size);
            pc.on_top += 1;
            for (i, p) in patterns.iter().enumerate() {
                if is_wildcard(p) || i == star {
                    continue;
                }
                self.emit_arg(Opcode::COPY, 1, loc);
                if i < star {
                    self.load_const(Constant::Int(i.into()), loc);
                } else {
                    self.emit(Opcode::GET_LEN, loc);
                    self.load_const(Constant::Int((size - i).into()), loc);
                    self.emit_arg(
                        Opcode::BINARY_OP,
                        crate::bytecode::opcodes::BinaryOp::Subtract as u32,
                        loc,
                    );
                }
                self.emit(Opcode::BINARY_SUBSCR, loc);
                self.subpattern(p, pc)?;
            }
            pc.on_top -= 1;
            self.emit(Opcode::POP_TOP, loc);
        } else {
            // Unpack into one subject per sub-pattern.
            match star {
                Some(i) => {
                    if i >= 256 || size - i > (i32::MAX >> 8) as usize {
                        return Err(Failure::syntax(
                            "too many expressions in star-unpacking sequence pattern",
                            s.range,
                        ));
                    }
                    self.emit_arg(Opcode::UNPACK_EX, (i + ((size - i - 1) << 8)) as u32, loc);
                }
                None => self.emit_arg(Opcode::UNPACK_SEQUENCE, size as u32, loc),
            }
            pc.on_top += size;
            for p in patterns {
                pc.on_top -= 1;
                self.subpattern(p, pc)?;
            }
        }
        Ok(())
    }

    fn pattern_mapping(
        &mut self,
        m: &'a ast::PatternMatchMapping,
        pc: &mut PatternContext,
        loc: Position,
    ) -> CResult<()> {
        let size = m.keys.len();
        pc.on_top += 1;
        self.emit(Opcode::MATCH_MAPPING, loc);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE, loc);
        if size == 0 && m.rest.is_none() {
            pc.on_top -= 1;
            self.emit(Opcode::POP_TOP, loc);
            return Ok(());
        }
        if size > 0 {
            self.emit(Opcode::GET_LEN, loc);
            self.load_const(Constant::Int(size.into()), loc);
            self.emit_arg(Opcode::COMPARE_OP, CompareOp::Ge as u32, loc);
            self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE, loc);
        }
        let mut seen: Vec<Constant> = Vec::new();
        let mut all_constant = true;
        for key in m.keys.iter() {
            if let Some(c) = self.fold(key) {
                if seen.contains(&c) {
                    return Err(Failure::syntax(
                        format!("mapping pattern checks duplicate key ({})", const_repr(&c)),
                        m.range,
                    ));
                }
                seen.push(c);
            } else if !matches!(key, Expr::Attribute(_)) {
                return Err(Failure::syntax(
                    "mapping pattern keys may only match literals and attribute lookups",
                    m.range,
                ));
            } else {
                all_constant = false;
            }
        }
        if all_constant {
            // CPython folds the constant keys into one tuple.
            self.load_const(Constant::Tuple(seen), loc);
        } else {
            for key in m.keys.iter() {
                self.visit_expr(key)?;
            }
            self.emit_arg(Opcode::BUILD_TUPLE, size as u32, loc);
        }
        self.emit(Opcode::MATCH_KEYS, loc);
        pc.on_top += 2;
        self.emit_arg(Opcode::COPY, 1, loc);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_NONE, loc);
        self.emit_arg(Opcode::UNPACK_SEQUENCE, size as u32, loc);
        pc.on_top += size;
        pc.on_top -= 1;
        for p in m.patterns.iter() {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        pc.on_top -= 2;
        match &m.rest {
            Some(rest) => {
                // rest = dict(subject); del rest[key] for each matched key
                self.emit_arg(Opcode::BUILD_MAP, 0, loc);
                self.emit_arg(Opcode::SWAP, 3, loc);
                self.emit_arg(Opcode::DICT_UPDATE, 2, loc);
                self.emit_arg(Opcode::UNPACK_SEQUENCE, size as u32, loc);
                let mut k = size;
                while k > 0 {
                    self.emit_arg(Opcode::COPY, 1 + k as u32, loc);
                    k -= 1;
                    self.emit_arg(Opcode::SWAP, 2, loc);
                    self.emit(Opcode::DELETE_SUBSCR, loc);
                }
                self.store_capture(Some(rest), pc, loc)?;
            }
            None => {
                self.emit(Opcode::POP_TOP, loc);
                self.emit(Opcode::POP_TOP, loc);
            }
        }
        Ok(())
    }

    fn pattern_class(
        &mut self,
        c: &'a ast::PatternMatchClass,
        pc: &mut PatternContext,
        loc: Position,
    ) -> CResult<()> {
        let patterns = &c.arguments.patterns;
        let keywords = &c.arguments.keywords;
        let nargs = patterns.len();
        let nattrs = keywords.len();
        for (i, k) in keywords.iter().enumerate() {
            if let Some(dup) = keywords[i + 1..].iter().find(|o| o.attr.id == k.attr.id) {
                return Err(Failure::syntax(
                    format!("attribute name repeated in class pattern: {}", k.attr.id),
                    dup.pattern.range(),
                ));
            }
        }
        self.visit_expr(&c.cls)?;
        let names: Vec<Constant> = keywords
            .iter()
            .map(|k| Constant::Str(k.attr.id.to_string()))
            .collect();
        self.load_const(Constant::Tuple(names), loc);
        self.emit_arg(Opcode::MATCH_CLASS, nargs as u32, loc);
        self.emit_arg(Opcode::COPY, 1, loc);
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_NONE, loc);
        self.emit_arg(Opcode::UNPACK_SEQUENCE, (nargs + nattrs) as u32, loc);
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        let all = patterns.iter().chain(keywords.iter().map(|k| &k.pattern));
        for p in all {
            pc.on_top -= 1;
            if is_wildcard(p) {
                self.emit(Opcode::POP_TOP, loc);
                continue;
            }
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    fn pattern_or(
        &mut self,
        o: &'a ast::PatternMatchOr,
        pc: &mut PatternContext,
        loc: Position,
    ) -> CResult<()> {
        let end = self.new_block();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let old_allow = pc.allow_irrefutable;
        let mut control: Option<Vec<(String, TextRange)>> = None;
        let n = o.patterns.len();
        for (i, alt) in o.patterns.iter().enumerate() {
            let aloc = self.loc(alt.range());
            pc.stores = Vec::new();
            pc.allow_irrefutable = i + 1 == n && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit_arg(Opcode::COPY, 1, aloc);
            self.pattern(alt, pc)?;
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) => {
                    if ctl.len() != pc.stores.len() {
                        return Err(Failure::syntax(
                            "alternative patterns bind different names",
                            o.range,
                        ));
                    }
                    // Reorder the captures to match the first alternative's order.
                    let mut icontrol = ctl.len();
                    while icontrol > 0 {
                        icontrol -= 1;
                        let name = &ctl[icontrol].0;
                        let Some(istores) = pc.stores.iter().position(|(s, _)| s == name) else {
                            return Err(Failure::syntax(
                                "alternative patterns bind different names",
                                o.range,
                            ));
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<(String, TextRange)> =
                                pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            for (k, item) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, item);
                            }
                            for _ in 0..rotations {
                                self.rotate(icontrol + 1, aloc);
                            }
                        }
                    }
                }
            }
            self.jump(end, aloc);
            self.emit_and_reset_fail_pop(pc, aloc);
        }
        pc.stores = old_stores;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        pc.allow_irrefutable = old_allow;
        // No alternative matched: pop the copy of the subject and fail.
        self.emit(Opcode::POP_TOP, loc);
        self.jump_to_fail_pop(pc, Opcode::JUMP_FORWARD, loc);
        self.use_block(end);
        let control = control.unwrap_or_default();
        let nstores = control.len();
        let nrots = nstores + 1 + pc.on_top + pc.stores.len();
        for (name, range) in control {
            self.rotate(nrots, loc);
            if pc.stores.iter().any(|(s, _)| *s == name) {
                return Err(Failure::syntax(
                    format!(
                        "multiple assignments to name {} in pattern",
                        str_repr(&name)
                    ),
                    range,
                ));
            }
            pc.stores.push((name, range));
        }
        self.emit(Opcode::POP_TOP, loc);
        Ok(())
    }
}
