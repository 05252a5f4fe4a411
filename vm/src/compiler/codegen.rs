//! The code generator's state: a stack of code units (one per code object being built),
//! each with its blocks, constants, names and local variables; emission helpers; name
//! resolution (CPython's `compiler_nameop`); the frame-block stack that `break`,
//! `continue` and `return` unwind; and turning a finished unit into `CodeData`.
//!
//! The per-construct code lives in sibling modules (`stmt`, `expr`, `function`,
//! `comprehension`, `exceptions`, `pattern`), all as `impl Compiler` blocks.

use std::collections::{BTreeSet, HashMap, HashSet};

use ruff_python_ast::Stmt;
use ruff_text_size::{TextRange, TextSize};

use crate::bytecode::code::{CodeData, Constant, Position, code_flags, local_kind};
use crate::bytecode::opcodes::Opcode;

use super::assemble::assemble;
use super::error::{CResult, Failure, MAX_AST_DEPTH};
use super::ir::{BlockId, CodeBuilder, HandlerId, Op};
use super::source::LineIndex;
use super::symtable::{self, ScopeId, SymScope, SymbolTable, flag};

/// What kind of code object a unit produces (CPython's `COMPILER_SCOPE_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnitKind {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
    /// A compiler-made `__annotate__` function (PEP 649).
    Annotation,
}

/// Frame blocks: the statements `break`, `continue` and `return` must unwind through.
#[derive(Clone, Debug)]
pub(crate) enum FBlockKind<'a> {
    WhileLoop,
    ForLoop,
    AsyncForLoop,
    TryExcept,
    /// A `try` with `finally`: unwinding runs the finally body inline.
    FinallyTry(&'a [Stmt]),
    /// Inside the finally body on the exception path.
    FinallyEnd,
    With,
    AsyncWith,
    /// Inside an except body; the name (if any) is cleared on the way out.
    HandlerCleanup(Option<String>),
    /// A value the unwinder must pop (the return value during a finally body).
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

#[derive(Clone, Debug)]
pub(crate) struct FBlock<'a> {
    pub kind: FBlockKind<'a>,
    /// Loop start (the `continue` target).
    pub block: Option<BlockId>,
    /// Loop exit (the `break` target).
    pub exit: Option<BlockId>,
    pub loc: Position,
    /// Length of the handler stack when this frame block's handlers had not been set up:
    /// unwinding it truncates the stack back to this (CPython's `POP_BLOCK`s).
    pub handler_base: usize,
}

/// One code object under construction.
pub(crate) struct Unit<'a> {
    pub scope: ScopeId,
    pub kind: UnitKind,
    pub name: String,
    pub qualname: String,
    pub b: CodeBuilder,
    pub consts: Vec<Constant>,
    const_index: HashMap<String, u32>,
    pub names: Vec<String>,
    names_index: HashMap<String, u32>,
    pub varnames: Vec<String>,
    var_index: HashMap<String, u32>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub fblocks: Vec<FBlock<'a>>,
    pub private: Option<String>,
    pub first_line: u32,
    pub arg_count: u32,
    pub posonly_count: u32,
    pub kwonly_count: u32,
    pub has_varargs: bool,
    pub has_varkw: bool,
    pub has_docstring: bool,
    /// Nesting of inlined comprehensions being compiled in this unit.
    pub in_inlined_comp: u32,
    /// Names that module or class code accesses as fast locals while an inlined
    /// comprehension binds them.
    pub fast_hidden: HashSet<String>,
    /// Symbol overrides while compiling an inlined comprehension: (flags, scope).
    pub overrides: HashMap<String, (u32, SymScope)>,
    /// `self.x` stores seen in methods (class units only): `__static_attributes__`.
    pub static_attributes: BTreeSet<String>,
    /// Handler for the implicit PEP 479 wrapper of generators and coroutines.
    pub stop_iteration: Option<HandlerId>,
    /// Module and class units: the `__conditional_annotations__` index of each conditional
    /// annotated assignment (by `node_key`).
    pub deferred_indices: HashMap<usize, u32>,
}

/// The compiler for one module (or expression).
pub(crate) struct Compiler<'a> {
    pub lines: &'a LineIndex,
    pub filename: String,
    pub table: SymbolTable,
    pub optimize: u8,
    pub interactive: bool,
    pub units: Vec<Unit<'a>>,
    /// Current AST nesting, for CPython's recursion limit.
    pub depth: u32,
    /// Constant-folding results by node address.
    pub fold_cache: HashMap<usize, Option<Constant>>,
    /// Source ranges of generator expressions that are a call's sole argument: CPython's
    /// node spans the call's parentheses.
    pub genexp_ranges: HashMap<usize, TextRange>,
    /// `from __future__ import annotations`: annotations are not deferred functions.
    pub future_annotations: bool,
}

/// A key deduplicating constants by type and value (CPython's `_PyCode_ConstantKey`).
/// Code objects are never shared.
fn const_key(c: &Constant) -> Option<String> {
    Some(match c {
        Constant::None => "N".to_string(),
        Constant::Bool(b) => format!("B{b}"),
        Constant::Ellipsis => "E".to_string(),
        Constant::Int(i) => format!("i{i}"),
        Constant::Float(f) => format!("f{:x}", f.to_bits()),
        Constant::Complex { real, imag } => format!("c{:x}:{:x}", real.to_bits(), imag.to_bits()),
        Constant::Str(s) => format!("s{}:{}", s.len(), s),
        Constant::SurrogateStr(b) => format!("w{}:{:?}", b.len(), b),
        Constant::Bytes(b) => format!("b{}:{:?}", b.len(), b),
        Constant::Tuple(items) => {
            let mut k = String::from("t(");
            for item in items {
                k.push_str(&const_key(item)?);
                k.push(',');
            }
            k.push(')');
            k
        }
        Constant::FrozenSet(items) => {
            let mut k = String::from("z(");
            for item in items {
                k.push_str(&const_key(item)?);
                k.push(',');
            }
            k.push(')');
            k
        }
        Constant::Code(_) => return None,
    })
}

/// Location with "no position" (CPython's `NO_LOCATION`); the assembler gives such
/// instructions their predecessor's location.
pub(crate) const NO_LOC: Position = Position {
    line: 0,
    end_line: 0,
    col: 0,
    end_col: 0,
};

/// Whether names of this kind of unit are fast locals.
fn unit_is_function_like(kind: UnitKind) -> bool {
    matches!(
        kind,
        UnitKind::Function
            | UnitKind::AsyncFunction
            | UnitKind::Lambda
            | UnitKind::Comprehension
            | UnitKind::Annotation
    )
}

impl<'a> Compiler<'a> {
    pub fn new(
        lines: &'a LineIndex,
        filename: &str,
        table: SymbolTable,
        optimize: u8,
        interactive: bool,
    ) -> Self {
        Compiler {
            lines,
            filename: filename.to_string(),
            table,
            optimize,
            interactive,
            units: Vec::new(),
            depth: 0,
            fold_cache: HashMap::new(),
            genexp_ranges: HashMap::new(),
            future_annotations: false,
        }
    }

    // ---- locations ----------------------------------------------------------------

    /// The `co_positions()` span of a byte range.
    pub fn loc(&self, range: TextRange) -> Position {
        let (line, col) = self.lines.line_col(range.start());
        let (end_line, end_col) = self.lines.line_col(range.end());
        Position {
            line,
            end_line,
            col,
            end_col,
        }
    }

    /// Position of line `line`, columns 0..0 (function prologues).
    pub fn line_loc(line: u32) -> Position {
        Position {
            line,
            end_line: line,
            col: 0,
            end_col: 0,
        }
    }

    pub fn line_of(&self, offset: TextSize) -> u32 {
        self.lines.line_col(offset).0
    }

    // ---- recursion guard -------------------------------------------------------------

    pub fn enter_node(&mut self, range: TextRange) -> CResult<()> {
        self.depth += 1;
        if self.depth > MAX_AST_DEPTH {
            return Err(Failure::recursion(range));
        }
        Ok(())
    }

    pub fn leave_node(&mut self) {
        self.depth -= 1;
    }

    // ---- units ---------------------------------------------------------------------

    pub fn u(&mut self) -> &mut Unit<'a> {
        let n = self.units.len();
        &mut self.units[n - 1]
    }

    pub fn unit(&self) -> &Unit<'a> {
        &self.units[self.units.len() - 1]
    }

    pub fn scope(&self) -> &symtable::Scope {
        &self.table.scopes[self.unit().scope]
    }

    /// Starts a new code unit for `scope`. `key` identifies the AST node for qualname
    /// purposes; `first_line` is `co_firstlineno`.
    pub fn enter_scope(
        &mut self,
        name: &str,
        kind: UnitKind,
        scope: ScopeId,
        first_line: u32,
    ) -> CResult<()> {
        let st = &self.table.scopes[scope];
        let mut cellvars: Vec<String> = st
            .names
            .iter()
            .enumerate()
            .filter(|(i, _)| {
                st.scopes[*i] == SymScope::Cell || st.flags[*i] & flag::DEF_COMP_CELL != 0
            })
            .map(|(_, n)| n.clone())
            .collect();
        cellvars.sort();
        if st.needs_class_closure && !cellvars.iter().any(|c| c == "__class__") {
            cellvars.insert(0, "__class__".to_string());
        }
        if st.kind == symtable::ScopeKind::Class {
            if st.needs_classdict {
                cellvars.push("__classdict__".to_string());
            }
            if st.has_conditional_annotations {
                cellvars.push("__conditional_annotations__".to_string());
            }
        }
        let mut freevars: Vec<String> = st
            .names
            .iter()
            .enumerate()
            .filter(|(i, _)| {
                st.scopes[*i] == SymScope::Free || st.flags[*i] & flag::DEF_FREE_CLASS != 0
            })
            .map(|(_, n)| n.clone())
            .collect();
        freevars.sort();
        let private = match kind {
            UnitKind::Class => Some(name.to_string()),
            _ => self.units.last().and_then(|u| u.private.clone()),
        };
        let qualname = self.qualname_for(name, kind);
        let mut unit = Unit {
            scope,
            kind,
            name: name.to_string(),
            qualname,
            b: CodeBuilder::new(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: Vec::new(),
            names_index: HashMap::new(),
            varnames: Vec::new(),
            var_index: HashMap::new(),
            cellvars,
            freevars,
            fblocks: Vec::new(),
            private,
            first_line,
            arg_count: 0,
            posonly_count: 0,
            kwonly_count: 0,
            has_varargs: false,
            has_varkw: false,
            has_docstring: false,
            in_inlined_comp: 0,
            fast_hidden: HashSet::new(),
            overrides: HashMap::new(),
            static_attributes: BTreeSet::new(),
            stop_iteration: None,
            deferred_indices: HashMap::new(),
        };
        for p in &st.params {
            let i = unit.varnames.len() as u32;
            unit.var_index.insert(p.clone(), i);
            unit.varnames.push(p.clone());
        }
        self.units.push(unit);
        // Generators and coroutines get CPython's implicit handler turning a leaked
        // StopIteration into RuntimeError (PEP 479); it covers everything from RESUME.
        let st = &self.table.scopes[scope];
        let wrapped = match kind {
            UnitKind::Function | UnitKind::AsyncFunction => true,
            UnitKind::Comprehension => st.comp == Some(symtable::CompKind::Generator),
            _ => false,
        };
        if wrapped && (st.is_generator || st.is_coroutine) {
            let target = self.u().b.new_block();
            let h = self.u().b.new_handler(target, true);
            self.u().b.setup_handler(h, NO_LOC);
            self.u().stop_iteration = Some(h);
        }
        let resume_loc = if kind == UnitKind::Module {
            Position {
                line: 0,
                end_line: 1,
                col: 0,
                end_col: 0,
            }
        } else {
            Self::line_loc(first_line)
        };
        self.emit_arg(Opcode::RESUME, 0, resume_loc);
        Ok(())
    }

    /// CPython's `compiler_set_qualname`.
    fn qualname_for(&self, name: &str, kind: UnitKind) -> String {
        let Some(parent) = self.units.last() else {
            return name.to_string();
        };
        if parent.kind == UnitKind::Module {
            return name.to_string();
        }
        if matches!(
            kind,
            UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Class
        ) {
            let mangled = symtable::mangle(parent.private.as_deref(), name);
            if self.table.scopes[parent.scope].scope_of(&mangled) == SymScope::GlobalExplicit {
                return name.to_string();
            }
        }
        let base = if matches!(
            parent.kind,
            UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Lambda
        ) {
            format!("{}.<locals>", parent.qualname)
        } else {
            parent.qualname.clone()
        };
        format!("{base}.{name}")
    }

    /// Finishes the current unit: adds the implicit `return None` (and the PEP 479 handler),
    /// inserts the cell/free-variable prologue, assembles, and pops the unit.
    pub fn exit_scope(&mut self, add_implicit_return: bool) -> CResult<CodeData> {
        if add_implicit_return {
            self.load_const(Constant::None, NO_LOC);
            self.emit(Opcode::RETURN_VALUE, NO_LOC);
        }
        if let Some(h) = self.u().stop_iteration.take() {
            self.u().b.handler_stack.retain(|&x| x != h);
            let target = self.u().b.handlers[h.0 as usize].target;
            self.u().b.use_block(target);
            self.emit_arg(Opcode::CALL_INTRINSIC_1, 3, NO_LOC);
            self.emit_arg(Opcode::RERAISE, 1, NO_LOC);
        }
        let unit = self
            .units
            .pop()
            .ok_or_else(|| Failure::internal("no unit to finish", TextRange::default()))?;
        self.finish_unit(unit)
    }

    fn finish_unit(&self, mut unit: Unit<'a>) -> CResult<CodeData> {
        let st = &self.table.scopes[unit.scope];
        // Final localsplus layout: variables, then cells that are not also variables, then
        // free variables.
        let nlocals = unit.varnames.len() as u32;
        let mut localsplus_names: Vec<String> = unit.varnames.clone();
        let total_args = unit.arg_count
            + unit.kwonly_count
            + u32::from(unit.has_varargs)
            + u32::from(unit.has_varkw);
        let mut kinds: Vec<u8> = (0..nlocals)
            .map(|i| {
                if i < total_args {
                    local_kind::LOCAL | local_kind::ARG
                } else {
                    local_kind::LOCAL
                }
            })
            .collect();
        let mut deref_map: Vec<u32> = Vec::with_capacity(unit.cellvars.len() + unit.freevars.len());
        let mut next_slot = nlocals;
        for cell in &unit.cellvars {
            if let Some(&i) = unit.var_index.get(cell) {
                kinds[i as usize] |= local_kind::CELL;
                deref_map.push(i);
            } else {
                localsplus_names.push(cell.clone());
                kinds.push(local_kind::CELL);
                deref_map.push(next_slot);
                next_slot += 1;
            }
        }
        for free in &unit.freevars {
            localsplus_names.push(free.clone());
            kinds.push(local_kind::FREE);
            deref_map.push(next_slot);
            next_slot += 1;
        }
        // Prologue: COPY_FREE_VARS, MAKE_CELL for each cell in slot order, then the
        // generator start, all before RESUME and outside any handler.
        let mut prologue: Vec<(Opcode, u32, Position)> = Vec::new();
        if !unit.freevars.is_empty() {
            prologue.push((Opcode::COPY_FREE_VARS, unit.freevars.len() as u32, NO_LOC));
        }
        let mut cells: Vec<(u32, u32)> = (0..unit.cellvars.len())
            .map(|i| (deref_map[i], i as u32))
            .collect();
        cells.sort();
        for (_, i) in cells {
            prologue.push((Opcode::MAKE_CELL, i, NO_LOC));
        }
        let is_generator_like = st.is_function_like() && (st.is_generator || st.is_coroutine);
        if is_generator_like {
            let loc = Self::line_loc(unit.first_line);
            prologue.push((Opcode::RETURN_GENERATOR, 0, loc));
            prologue.push((Opcode::POP_TOP, 0, loc));
        }
        if !prologue.is_empty() {
            let entry = &mut unit.b.blocks[0].instrs;
            let pre: Vec<super::ir::Instr> = prologue
                .into_iter()
                .map(|(op, arg, loc)| super::ir::Instr {
                    op: Op::Real(op),
                    arg,
                    target: None,
                    loc,
                    handler: None,
                })
                .collect();
            entry.splice(0..0, pre);
        }
        let mut flags = 0;
        if unit_is_function_like(unit.kind) {
            flags |= code_flags::OPTIMIZED | code_flags::NEWLOCALS;
            if st.nested {
                flags |= code_flags::NESTED;
            }
            match (st.is_generator, st.is_coroutine) {
                (true, false) => flags |= code_flags::GENERATOR,
                (false, true) => flags |= code_flags::COROUTINE,
                (true, true) => flags |= code_flags::ASYNC_GENERATOR,
                _ => {}
            }
            if unit.has_varargs {
                flags |= code_flags::VARARGS;
            }
            if unit.has_varkw {
                flags |= code_flags::VARKEYWORDS;
            }
        }
        if unit.has_docstring {
            flags |= code_flags::HAS_DOCSTRING;
        }
        let range = st.range;
        let mut consts = unit.consts;
        let asm =
            assemble(unit.b, &deref_map, &mut consts).map_err(|m| Failure::internal(m, range))?;
        Ok(CodeData {
            name: unit.name,
            qualname: unit.qualname,
            filename: self.filename.clone(),
            first_line: unit.first_line,
            arg_count: unit.arg_count,
            posonly_arg_count: unit.posonly_count,
            kwonly_arg_count: unit.kwonly_count,
            flags,
            code: asm.code,
            consts,
            names: unit.names,
            localsplus_names,
            localsplus_kinds: kinds,
            stack_size: asm.stack_size,
            exception_table: asm.exception_table,
            positions: asm.positions,
        })
    }

    // ---- emission --------------------------------------------------------------------

    pub fn emit(&mut self, op: Opcode, loc: Position) {
        self.u().b.emit(Op::Real(op), 0, None, loc);
    }

    pub fn emit_arg(&mut self, op: Opcode, arg: u32, loc: Position) {
        self.u().b.emit(Op::Real(op), arg, None, loc);
    }

    pub fn emit_jump(&mut self, op: Opcode, target: BlockId, loc: Position) {
        self.u().b.emit(Op::Real(op), 0, Some(target), loc);
    }

    /// Unconditional jump that checks the eval breaker when it goes backward (loops).
    pub fn jump(&mut self, target: BlockId, loc: Position) {
        self.u().b.emit(Op::Jump, 0, Some(target), loc);
    }

    /// Unconditional jump that never checks the eval breaker.
    pub fn jump_no_interrupt(&mut self, target: BlockId, loc: Position) {
        self.u().b.emit(Op::JumpNoInterrupt, 0, Some(target), loc);
    }

    pub fn new_block(&mut self) -> BlockId {
        self.u().b.new_block()
    }

    pub fn use_block(&mut self, block: BlockId) {
        self.u().b.use_block(block);
    }

    /// Declares a handler at `target` and activates it here.
    pub fn setup_handler(&mut self, target: BlockId, lasti: bool, loc: Position) -> HandlerId {
        let h = self.u().b.new_handler(target, lasti);
        self.u().b.setup_handler(h, loc);
        h
    }

    /// CPython's `POP_BLOCK`: the innermost handler stops covering what follows.
    /// Pops handlers down to `base`, leaving one `PopBlock` marker per handler (CPython's
    /// `POP_BLOCK`s, which count toward its block-inlining size limit).
    pub fn truncate_handlers(&mut self, base: usize) {
        while self.handler_depth() > base {
            self.pop_handler();
        }
    }

    pub fn pop_handler(&mut self) {
        self.u().b.emit(Op::PopBlock, 0, None, NO_LOC);
        self.u().b.handler_stack.pop();
    }

    pub fn handler_depth(&self) -> usize {
        self.unit().b.handler_stack.len()
    }

    pub fn add_const(&mut self, c: Constant) -> u32 {
        let u = self.u();
        match const_key(&c) {
            Some(key) => {
                if let Some(&i) = u.const_index.get(&key) {
                    return i;
                }
                let i = u.consts.len() as u32;
                u.consts.push(c);
                u.const_index.insert(key, i);
                i
            }
            None => {
                // Equal code objects are shared, as CPython's constant merging does (the
                // test of a `while` is compiled twice, with any lambdas in it).
                if let Some(i) = u.consts.iter().position(|x| *x == c) {
                    return i as u32;
                }
                u.consts.push(c);
                u.consts.len() as u32 - 1
            }
        }
    }

    pub fn load_const(&mut self, c: Constant, loc: Position) {
        let i = self.add_const(c);
        self.emit_arg(Opcode::LOAD_CONST, i, loc);
    }

    /// Index of `name` (already mangled if needed) in `co_names`.
    pub fn add_name(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(&i) = u.names_index.get(name) {
            return i;
        }
        let i = u.names.len() as u32;
        u.names.push(name.to_string());
        u.names_index.insert(name.to_string(), i);
        i
    }

    pub fn mangle(&self, name: &str) -> String {
        symtable::mangle(self.unit().private.as_deref(), name)
    }

    /// `co_names` index of an attribute-like name (mangled).
    pub fn name_index(&mut self, name: &str) -> u32 {
        let mangled = self.mangle(name);
        self.add_name(&mangled)
    }

    pub fn varname_index(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(&i) = u.var_index.get(name) {
            return i;
        }
        let i = u.varnames.len() as u32;
        u.varnames.push(name.to_string());
        u.var_index.insert(name.to_string(), i);
        i
    }

    /// Cell-space index (cells first, then free variables) of a cell or free variable.
    pub fn deref_index(&self, name: &str, range: TextRange) -> CResult<u32> {
        let u = self.unit();
        if let Some(i) = u.cellvars.iter().position(|c| c == name) {
            return Ok(i as u32);
        }
        if let Some(i) = u.freevars.iter().position(|c| c == name) {
            return Ok((u.cellvars.len() + i) as u32);
        }
        Err(Failure::internal(
            format!("no cell or free variable '{name}' in '{}'", u.name),
            range,
        ))
    }

    /// Cell-space index of a cell variable (looked up among cells only).
    pub fn cell_index(&self, name: &str, range: TextRange) -> CResult<u32> {
        let u = self.unit();
        u.cellvars
            .iter()
            .position(|c| c == name)
            .map(|i| i as u32)
            .ok_or_else(|| Failure::internal(format!("no cell variable '{name}'"), range))
    }

    /// Cell-space index of a free variable.
    pub fn free_index(&self, name: &str, range: TextRange) -> CResult<u32> {
        let u = self.unit();
        u.freevars
            .iter()
            .position(|c| c == name)
            .map(|i| (u.cellvars.len() + i) as u32)
            .ok_or_else(|| Failure::internal(format!("no free variable '{name}'"), range))
    }

    /// The symbol's scope, honouring inlined-comprehension overrides.
    pub fn symbol_scope(&self, mangled: &str) -> SymScope {
        let u = self.unit();
        if let Some(&(_, sc)) = u.overrides.get(mangled) {
            return sc;
        }
        self.table.scopes[u.scope].scope_of(mangled)
    }

    pub fn is_function_like(&self) -> bool {
        unit_is_function_like(self.unit().kind)
    }

    // ---- names ---------------------------------------------------------------------

    /// Loads, stores or deletes a variable (CPython's `compiler_nameop`).
    pub fn nameop(&mut self, name: &str, ctx: NameCtx, range: TextRange) -> CResult<()> {
        let loc = self.loc(range);
        self.nameop_at(name, ctx, range, loc)
    }

    pub fn nameop_at(
        &mut self,
        name: &str,
        ctx: NameCtx,
        range: TextRange,
        loc: Position,
    ) -> CResult<()> {
        if ctx != NameCtx::Load && name == "__debug__" {
            let what = if ctx == NameCtx::Store {
                "assign to"
            } else {
                "delete"
            };
            return Err(Failure::syntax(format!("cannot {what} __debug__"), range));
        }
        let mangled = self.mangle(name);
        let scope = self.symbol_scope(&mangled);
        let function_like = self.is_function_like();
        enum How {
            Fast,
            Deref,
            Global,
            Name,
        }
        let how = match scope {
            SymScope::Free | SymScope::Cell => How::Deref,
            SymScope::Local => {
                if function_like || self.unit().fast_hidden.contains(&mangled) {
                    How::Fast
                } else {
                    How::Name
                }
            }
            SymScope::GlobalImplicit => {
                // Inside a comprehension inlined into a class body, class-level names are
                // not visible: globals load as in a function.
                let class_comp =
                    self.unit().kind == UnitKind::Class && self.unit().in_inlined_comp > 0;
                if function_like || class_comp {
                    How::Global
                } else {
                    How::Name
                }
            }
            SymScope::GlobalExplicit => How::Global,
            SymScope::Unknown => How::Name,
        };
        match how {
            How::Deref => {
                let idx = self.deref_index(&mangled, range)?;
                match ctx {
                    NameCtx::Load => {
                        if self.unit().kind == UnitKind::Class && self.unit().in_inlined_comp == 0 {
                            self.emit(Opcode::LOAD_LOCALS, loc);
                            self.emit_arg(Opcode::LOAD_FROM_DICT_OR_DEREF, idx, loc);
                        } else if self.scope().can_see_class_scope {
                            let classdict = self.deref_index("__classdict__", range)?;
                            self.emit_arg(Opcode::LOAD_DEREF, classdict, loc);
                            self.emit_arg(Opcode::LOAD_FROM_DICT_OR_DEREF, idx, loc);
                        } else {
                            self.emit_arg(Opcode::LOAD_DEREF, idx, loc);
                        }
                    }
                    NameCtx::Store => self.emit_arg(Opcode::STORE_DEREF, idx, loc),
                    NameCtx::Del => self.emit_arg(Opcode::DELETE_DEREF, idx, loc),
                }
            }
            How::Fast => {
                let idx = self.varname_index(&mangled);
                let op = match ctx {
                    NameCtx::Load => Opcode::LOAD_FAST,
                    NameCtx::Store => Opcode::STORE_FAST,
                    NameCtx::Del => Opcode::DELETE_FAST,
                };
                self.emit_arg(op, idx, loc);
            }
            How::Global => {
                let idx = self.add_name(&mangled);
                match ctx {
                    NameCtx::Load
                        if scope == SymScope::GlobalImplicit
                            && self.scope().can_see_class_scope =>
                    {
                        let classdict = self.deref_index("__classdict__", range)?;
                        self.emit_arg(Opcode::LOAD_DEREF, classdict, loc);
                        self.emit_arg(Opcode::LOAD_FROM_DICT_OR_GLOBALS, idx, loc);
                    }
                    NameCtx::Load => self.emit_arg(Opcode::LOAD_GLOBAL, idx << 1, loc),
                    NameCtx::Store => self.emit_arg(Opcode::STORE_GLOBAL, idx, loc),
                    NameCtx::Del => self.emit_arg(Opcode::DELETE_GLOBAL, idx, loc),
                }
            }
            How::Name => {
                let idx = self.add_name(&mangled);
                let op = match ctx {
                    NameCtx::Load => Opcode::LOAD_NAME,
                    NameCtx::Store => Opcode::STORE_NAME,
                    NameCtx::Del => Opcode::DELETE_NAME,
                };
                self.emit_arg(op, idx, loc);
            }
        }
        Ok(())
    }

    // ---- frame blocks ----------------------------------------------------------------

    pub fn push_fblock(
        &mut self,
        kind: FBlockKind<'a>,
        block: Option<BlockId>,
        exit: Option<BlockId>,
        loc: Position,
        handler_base: usize,
    ) {
        self.u().fblocks.push(FBlock {
            kind,
            block,
            exit,
            loc,
            handler_base,
        });
    }

    pub fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }

    /// Emits the cleanup for leaving frame block `fb` (CPython's `compiler_unwind_fblock`).
    /// Returns the location later instructions should use (artificial after `with` and
    /// `finally` cleanups).
    pub fn unwind_fblock(
        &mut self,
        fb: &FBlock<'a>,
        preserve_tos: bool,
        loc: Position,
    ) -> CResult<Position> {
        match &fb.kind {
            FBlockKind::WhileLoop
            | FBlockKind::ExceptionHandler
            | FBlockKind::ExceptionGroupHandler
            | FBlockKind::AsyncComprehensionGenerator => Ok(loc),
            FBlockKind::ForLoop => {
                if preserve_tos {
                    self.emit_arg(Opcode::SWAP, 2, loc);
                }
                self.emit(Opcode::POP_TOP, loc);
                Ok(loc)
            }
            FBlockKind::AsyncForLoop => {
                if preserve_tos {
                    self.emit_arg(Opcode::SWAP, 2, loc);
                }
                self.emit(Opcode::POP_TOP, loc);
                Ok(loc)
            }
            FBlockKind::TryExcept => {
                self.truncate_handlers(fb.handler_base);
                Ok(loc)
            }
            FBlockKind::FinallyTry(body) => {
                self.truncate_handlers(fb.handler_base);
                if preserve_tos {
                    let depth = self.handler_depth();
                    self.push_fblock(FBlockKind::PopValue, None, None, NO_LOC, depth);
                }
                self.compile_body(body)?;
                if preserve_tos {
                    self.pop_fblock();
                }
                Ok(NO_LOC)
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.emit_arg(Opcode::SWAP, 2, loc);
                }
                self.emit(Opcode::POP_TOP, loc);
                if preserve_tos {
                    self.emit_arg(Opcode::SWAP, 2, loc);
                }
                self.truncate_handlers(fb.handler_base);
                self.emit(Opcode::POP_EXCEPT, loc);
                Ok(loc)
            }
            FBlockKind::With | FBlockKind::AsyncWith => {
                let loc = fb.loc;
                self.truncate_handlers(fb.handler_base);
                if preserve_tos {
                    // [exit, value] -> [value, exit]: the value stays below the call.
                    self.emit_arg(Opcode::SWAP, 2, loc);
                }
                self.call_exit_with_nones(loc);
                if matches!(fb.kind, FBlockKind::AsyncWith) {
                    self.emit_arg(Opcode::GET_AWAITABLE, 2, loc);
                    self.load_const(Constant::None, loc);
                    self.add_yield_from(loc, true);
                }
                self.emit(Opcode::POP_TOP, loc);
                Ok(NO_LOC)
            }
            FBlockKind::HandlerCleanup(name) => {
                if preserve_tos {
                    self.emit_arg(Opcode::SWAP, 2, loc);
                }
                self.truncate_handlers(fb.handler_base);
                self.emit(Opcode::POP_EXCEPT, loc);
                if let Some(name) = name {
                    self.load_const(Constant::None, loc);
                    self.nameop_at(name, NameCtx::Store, TextRange::default(), loc)?;
                    self.nameop_at(name, NameCtx::Del, TextRange::default(), loc)?;
                }
                Ok(loc)
            }
            FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit_arg(Opcode::SWAP, 2, loc);
                }
                self.emit(Opcode::POP_TOP, loc);
                Ok(loc)
            }
        }
    }

    /// Unwinds frame blocks from the innermost outward, stopping at a loop if `want_loop`
    /// (CPython's `compiler_unwind_fblock_stack`). Returns the loop frame block found (its
    /// index) and the location to use for the final jump or return. The frame-block stack
    /// is left unchanged.
    pub fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        want_loop: bool,
        mut loc: Position,
        range: TextRange,
    ) -> CResult<(Option<usize>, Position)> {
        let saved = self.unit().fblocks.clone();
        let mut result = None;
        let mut k = saved.len();
        while k > 0 {
            let top = saved[k - 1].clone();
            if matches!(top.kind, FBlockKind::ExceptionGroupHandler) {
                self.u().fblocks = saved;
                return Err(Failure::syntax(
                    "'break', 'continue' and 'return' cannot appear in an except* block",
                    range,
                ));
            }
            if want_loop
                && matches!(
                    top.kind,
                    FBlockKind::WhileLoop | FBlockKind::ForLoop | FBlockKind::AsyncForLoop
                )
            {
                result = Some(k - 1);
                break;
            }
            self.u().fblocks.truncate(k - 1);
            loc = match self.unwind_fblock(&top, preserve_tos, loc) {
                Ok(l) => l,
                Err(e) => {
                    self.u().fblocks = saved;
                    return Err(e);
                }
            };
            k -= 1;
        }
        self.u().fblocks = saved;
        Ok((result, loc))
    }

    /// Calls the `__exit__` below the top of the stack with three Nones.
    pub fn call_exit_with_nones(&mut self, loc: Position) {
        self.load_const(Constant::None, loc);
        self.load_const(Constant::None, loc);
        self.load_const(Constant::None, loc);
        self.emit_arg(Opcode::CALL, 2, loc);
    }

    /// The `yield from` / `await` loop: SEND, YIELD_VALUE under a handler that runs
    /// CLEANUP_THROW, RESUME, jump back; END_SEND at the exit (CPython's
    /// `compiler_add_yield_from`).
    pub fn add_yield_from(&mut self, loc: Position, is_await: bool) {
        let send = self.new_block();
        let fail = self.new_block();
        let exit = self.new_block();
        self.use_block(send);
        self.emit_jump(Opcode::SEND, exit, loc);
        self.setup_handler(fail, false, loc);
        self.emit_arg(Opcode::YIELD_VALUE, 1, loc);
        self.pop_handler();
        self.emit_arg(Opcode::RESUME, if is_await { 3 } else { 2 }, loc);
        self.jump_no_interrupt(send, loc);
        self.use_block(fail);
        self.emit(Opcode::CLEANUP_THROW, loc);
        self.use_block(exit);
        self.emit(Opcode::END_SEND, loc);
    }
}

/// Load, store or delete.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameCtx {
    Load,
    Store,
    Del,
}
