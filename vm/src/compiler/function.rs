//! Functions, lambdas and classes: decorators, default and keyword-only default values,
//! the function body (docstring as the first constant), closures (`LOAD_CLOSURE` +
//! `BUILD_TUPLE` + `SET_FUNCTION_ATTRIBUTE 8`), and class bodies with CPython 3.13's
//! prologue (`__module__`, `__qualname__`, `__firstlineno__`, `__doc__`) and epilogue
//! (`__static_attributes__`, then `__classcell__` when a method uses `super()` or
//! `__class__`).

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::bytecode::code::{CodeData, Constant, Position, local_kind};
use crate::bytecode::opcodes::{Opcode, function_attr};

use super::codegen::{Compiler, NO_LOC, NameCtx, UnitKind};
use super::error::{CResult, Failure};
use super::stmt::{clean_doc, docstring_of};
use super::symtable::{SymScope, node_key};

impl<'a> Compiler<'a> {
    /// Start of a `def`/`async def`/`class` statement itself, after its decorators (where
    /// CPython locates the statement).
    fn keyword_start(&self, name_start: TextSize, keywords: &[&str]) -> TextSize {
        let text = self.lines.text();
        let mut pos = name_start.to_usize();
        for kw in keywords {
            let before = text[..pos].trim_end_matches([' ', '\t', '\x0c', '\\', '\n', '\r']);
            if before.ends_with(kw) {
                let start = before.len() - kw.len();
                let boundary = start == 0
                    || !text[..start].ends_with(|c: char| c.is_alphanumeric() || c == '_');
                if boundary {
                    pos = start;
                    continue;
                }
            }
            break;
        }
        TextSize::from(pos as u32)
    }

    fn decorators(&mut self, decorators: &'a [ast::Decorator]) -> CResult<()> {
        for d in decorators {
            self.visit_expr(&d.expression)?;
        }
        Ok(())
    }

    fn apply_decorators(&mut self, decorators: &[ast::Decorator]) {
        for d in decorators.iter().rev() {
            let loc = self.loc(d.expression.range());
            self.emit_arg(Opcode::CALL, 0, loc);
        }
    }

    /// Pushes the defaults tuple and the keyword-only defaults dict; returns the
    /// `SET_FUNCTION_ATTRIBUTE` flags they need.
    fn default_arguments(&mut self, params: &'a ast::Parameters, loc: Position) -> CResult<u32> {
        let mut flags = 0;
        let defaults: Vec<&'a Expr> = params
            .posonlyargs
            .iter()
            .chain(params.args.iter())
            .filter_map(|p| p.default.as_deref())
            .collect();
        if !defaults.is_empty() {
            let folded: Option<Vec<Constant>> = defaults.iter().map(|d| self.fold(d)).collect();
            match folded {
                Some(items) => self.load_const(Constant::Tuple(items), loc),
                None => {
                    for d in &defaults {
                        self.visit_expr(d)?;
                    }
                    self.emit_arg(Opcode::BUILD_TUPLE, defaults.len() as u32, loc);
                }
            }
            flags |= function_attr::DEFAULTS;
        }
        let mut n = 0;
        for p in params.kwonlyargs.iter() {
            if let Some(d) = &p.default {
                let name = self.mangle(&p.parameter.name.id);
                self.load_const(Constant::Str(name), loc);
                self.visit_expr(d)?;
                n += 1;
            }
        }
        if n > 0 {
            self.emit_arg(Opcode::BUILD_MAP, n, loc);
            flags |= function_attr::KWDEFAULTS;
        }
        Ok(flags)
    }

    fn check_debug_params(&self, params: &ast::Parameters) -> CResult<()> {
        let all = params
            .posonlyargs
            .iter()
            .chain(params.args.iter())
            .chain(params.kwonlyargs.iter())
            .map(|p| &p.parameter)
            .chain(params.vararg.as_deref())
            .chain(params.kwarg.as_deref());
        for p in all {
            if p.name.id.as_str() == "__debug__" {
                return Err(Failure::syntax("cannot assign to __debug__", p.range));
            }
        }
        Ok(())
    }

    fn set_arg_counts(&mut self, params: &ast::Parameters) {
        let u = self.u();
        u.posonly_count = params.posonlyargs.len() as u32;
        u.arg_count = (params.posonlyargs.len() + params.args.len()) as u32;
        u.kwonly_count = params.kwonlyargs.len() as u32;
        u.has_varargs = params.vararg.is_some();
        u.has_varkw = params.kwarg.is_some();
    }

    pub fn compile_function_def(&mut self, f: &'a ast::StmtFunctionDef) -> CResult<()> {
        self.check_debug_params(&f.parameters)?;
        self.decorators(&f.decorator_list)?;
        let first_line = match f.decorator_list.first() {
            Some(d) => self.line_of(d.expression.range().start()),
            None => self.line_of(f.range.start()),
        };
        let keywords: &[&str] = if f.is_async {
            &["def", "async"]
        } else {
            &["def"]
        };
        let start = self.keyword_start(f.name.range.start(), keywords);
        let stmt_range = TextRange::new(start, f.range.end());
        let loc = self.loc(stmt_range);
        let mut flags = self.default_arguments(&f.parameters, loc)?;
        flags |=
            self.function_annotations(&f.parameters, f.returns.as_deref(), loc.line, stmt_range)?;
        let scope = self
            .table
            .scope_for(node_key(f))
            .ok_or_else(|| Failure::internal("function without a scope", f.range))?;
        let kind = if f.is_async {
            UnitKind::AsyncFunction
        } else {
            UnitKind::Function
        };
        self.enter_scope(&f.name.id, kind, scope, first_line)?;
        self.set_arg_counts(&f.parameters);
        let mut body: &'a [ast::Stmt] = &f.body;
        match docstring_of(&f.body).filter(|_| self.optimize < 2) {
            Some(doc) => {
                self.add_const(Constant::Str(clean_doc(doc.value.to_str())));
                self.u().has_docstring = true;
                body = &f.body[1..];
            }
            None => {
                self.add_const(Constant::None);
            }
        }
        self.compile_body(body)?;
        let code = self.exit_scope(true)?;
        self.make_closure(code, flags, loc, f.range)?;
        self.apply_decorators(&f.decorator_list);
        self.nameop_at(&f.name.id, NameCtx::Store, f.name.range, loc)
    }

    pub fn compile_lambda(&mut self, l: &'a ast::ExprLambda) -> CResult<()> {
        let loc = self.loc(l.range);
        let mut flags = 0;
        if let Some(p) = &l.parameters {
            self.check_debug_params(p)?;
            flags = self.default_arguments(p, loc)?;
        }
        let scope = self
            .table
            .scope_for(node_key(l))
            .ok_or_else(|| Failure::internal("lambda without a scope", l.range))?;
        let first_line = self.line_of(l.range.start());
        self.enter_scope("<lambda>", UnitKind::Lambda, scope, first_line)?;
        if let Some(p) = &l.parameters {
            self.set_arg_counts(p);
        }
        self.add_const(Constant::None);
        self.visit_expr(&l.body)?;
        let is_generator = self.scope().is_generator;
        let code = if is_generator {
            self.emit(Opcode::RETURN_VALUE, NO_LOC);
            self.exit_scope(false)?
        } else {
            let body_loc = self.loc(l.body.range());
            self.emit(Opcode::RETURN_VALUE, body_loc);
            self.exit_scope(true)?
        };
        self.make_closure(code, flags, loc, l.range)
    }

    /// Loads `code` as a function with the given attributes (already pushed) and its closure
    /// (CPython's `compiler_make_closure`).
    pub fn make_closure(
        &mut self,
        code: CodeData,
        flags: u32,
        loc: Position,
        range: TextRange,
    ) -> CResult<()> {
        let mut flags = flags;
        let free: Vec<String> = code
            .localsplus_names
            .iter()
            .zip(&code.localsplus_kinds)
            .filter(|(_, k)| **k & local_kind::FREE != 0)
            .map(|(n, _)| n.clone())
            .collect();
        if !free.is_empty() {
            for name in &free {
                let is_cell = (self.unit().kind == UnitKind::Class
                    && matches!(
                        name.as_str(),
                        "__class__" | "__classdict__" | "__conditional_annotations__"
                    ))
                    || self.symbol_scope(name) == SymScope::Cell;
                let idx = if is_cell {
                    self.cell_index(name, range)?
                } else {
                    self.free_index(name, range)?
                };
                self.emit_arg(Opcode::LOAD_CLOSURE, idx, loc);
            }
            flags |= function_attr::CLOSURE;
            self.emit_arg(Opcode::BUILD_TUPLE, free.len() as u32, loc);
        }
        self.load_const(Constant::Code(Box::new(code)), loc);
        self.emit(Opcode::MAKE_FUNCTION, loc);
        for bit in [
            function_attr::CLOSURE,
            function_attr::ANNOTATIONS,
            function_attr::ANNOTATE,
            function_attr::KWDEFAULTS,
            function_attr::DEFAULTS,
        ] {
            if flags & bit != 0 {
                self.emit_arg(Opcode::SET_FUNCTION_ATTRIBUTE, bit, loc);
            }
        }
        Ok(())
    }

    pub fn compile_class_def(&mut self, c: &'a ast::StmtClassDef) -> CResult<()> {
        self.decorators(&c.decorator_list)?;
        let first_line = match c.decorator_list.first() {
            Some(d) => self.line_of(d.expression.range().start()),
            None => self.line_of(c.range.start()),
        };
        let start = self.keyword_start(c.name.range.start(), &["class"]);
        let stmt_range = TextRange::new(start, c.range.end());
        let loc = self.loc(stmt_range);
        let scope = self
            .table
            .scope_for(node_key(c))
            .ok_or_else(|| Failure::internal("class without a scope", c.range))?;
        // 1. The class body as a code object.
        self.enter_scope(&c.name.id, UnitKind::Class, scope, first_line)?;
        let body_loc = Compiler::line_loc(first_line);
        self.nameop_at("__name__", NameCtx::Load, c.range, body_loc)?;
        self.nameop_at("__module__", NameCtx::Store, c.range, body_loc)?;
        let qualname = self.unit().qualname.clone();
        self.load_const(Constant::Str(qualname), body_loc);
        self.nameop_at("__qualname__", NameCtx::Store, c.range, body_loc)?;
        self.load_const(Constant::Int(first_line.into()), body_loc);
        self.nameop_at("__firstlineno__", NameCtx::Store, c.range, body_loc)?;
        self.setup_classdict(body_loc)?;
        self.setup_conditional_annotations(&c.body, body_loc)?;
        let plan = self.plan_deferred_annotations(&c.body);
        self.u().deferred_indices = plan.index_of.clone();
        self.compile_module_body_no_future(&c.body)?;
        self.emit_deferred_annotations(&plan, first_line, c.range)?;
        let attrs: Vec<Constant> = self
            .unit()
            .static_attributes
            .iter()
            .map(|a| Constant::Str(a.clone()))
            .collect();
        self.load_const(Constant::Tuple(attrs), NO_LOC);
        self.nameop_at("__static_attributes__", NameCtx::Store, c.range, NO_LOC)?;
        self.store_classdictcell(c.range)?;
        if self.scope().needs_class_closure {
            let idx = self.cell_index("__class__", c.range)?;
            self.emit_arg(Opcode::LOAD_CLOSURE, idx, NO_LOC);
            self.emit_arg(Opcode::COPY, 1, NO_LOC);
            self.nameop_at("__classcell__", NameCtx::Store, c.range, NO_LOC)?;
        } else {
            self.load_const(Constant::None, NO_LOC);
        }
        self.emit(Opcode::RETURN_VALUE, NO_LOC);
        let code = self.exit_scope(false)?;
        // 2. __build_class__(func, name, *bases, **keywords)
        self.emit(Opcode::LOAD_BUILD_CLASS, loc);
        self.emit(Opcode::PUSH_NULL, loc);
        self.make_closure(code, 0, loc, c.range)?;
        self.load_const(Constant::Str(c.name.id.to_string()), loc);
        let (args, keywords): (&'a [Expr], &'a [ast::Keyword]) = match &c.arguments {
            Some(a) => (&a.args, &a.keywords),
            None => (&[], &[]),
        };
        self.call_helper(loc, 2, args, keywords)?;
        self.apply_decorators(&c.decorator_list);
        self.nameop_at(&c.name.id, NameCtx::Store, c.name.range, loc)
    }

    /// A class body: like a module body (docstring into `__doc__`) but without the
    /// `__future__` placement rules.
    fn compile_module_body_no_future(&mut self, body: &'a [ast::Stmt]) -> CResult<()> {
        let mut rest = body;
        if self.optimize < 2
            && let Some(doc) = docstring_of(body)
        {
            let loc = self.loc(doc.range);
            self.load_const(Constant::Str(clean_doc(doc.value.to_str())), loc);
            self.nameop_at("__doc__", NameCtx::Store, doc.range, NO_LOC)?;
            rest = &body[1..];
        }
        self.compile_body(rest)
    }
}
