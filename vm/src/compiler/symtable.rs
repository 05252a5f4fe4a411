//! The symbol table: which names each scope binds and how every name must be accessed.
//!
//! This is CPython's `symtable.c` in two passes. The first walks the AST and records, per
//! scope (module, class, function or lambda, comprehension), the flags of each name — bound
//! locally, a parameter, declared `global`/`nonlocal`, imported, used — reporting the
//! declaration errors CPython reports there. The second (`analyze`) decides each name's
//! scope top-down: local, explicit or implicit global, free (from an enclosing function) or
//! cell (local but captured by an inner scope). Class scopes are transparent to nested
//! functions, except that `super()` or `__class__` in a method makes the class body create
//! a `__class__` cell.
//!
//! List, set and dict comprehensions are inlined into their enclosing scope (PEP 709): after
//! a comprehension's own analysis its symbols are merged into the parent, and its child
//! scopes become the parent's. Generator expressions keep their own code object. Names in
//! class bodies are mangled (`__x` → `_Class__x`) before they are recorded.

use std::collections::{HashMap, HashSet};

use ruff_python_ast::{self as ast, Expr, ExprContext, Pattern, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::error::{CResult, Failure, MAX_AST_DEPTH};

/// Symbol flags, with CPython's values.
pub(crate) mod flag {
    pub const DEF_GLOBAL: u32 = 1;
    pub const DEF_LOCAL: u32 = 2;
    pub const DEF_PARAM: u32 = 4;
    pub const DEF_NONLOCAL: u32 = 8;
    pub const USE: u32 = 0x10;
    pub const DEF_FREE_CLASS: u32 = 0x40;
    pub const DEF_IMPORT: u32 = 0x80;
    pub const DEF_ANNOT: u32 = 0x100;
    pub const DEF_COMP_ITER: u32 = 0x200;
    pub const DEF_COMP_CELL: u32 = 0x800;
    pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
}
use flag::*;

/// Where a name lives, as decided by the analysis.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum SymScope {
    #[default]
    Unknown,
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeKind {
    Module,
    Class,
    Function,
    Comprehension,
    /// An annotation scope (PEP 649): the body of a compiler-made `__annotate__`.
    Annotation,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CompKind {
    List,
    Set,
    Dict,
    Generator,
}

pub(crate) type ScopeId = usize;

/// One scope's names and properties.
#[derive(Debug)]
pub(crate) struct Scope {
    pub kind: ScopeKind,
    /// The scope's name (for debugging dumps).
    #[allow(dead_code)]
    pub name: String,
    pub comp: Option<CompKind>,
    /// Symbol names in insertion order, with their flags and analysed scopes.
    pub names: Vec<String>,
    index: HashMap<String, usize>,
    pub flags: Vec<u32>,
    pub scopes: Vec<SymScope>,
    /// Parameters in `co_varnames` order (after mangling).
    pub params: Vec<String>,
    pub children: Vec<ScopeId>,
    pub is_generator: bool,
    pub is_coroutine: bool,
    pub is_lambda: bool,
    pub nested: bool,
    pub has_free: bool,
    pub child_free: bool,
    pub needs_class_closure: bool,
    pub comp_inlined: bool,
    comp_iter_target: bool,
    comp_iter_expr: u32,
    /// Annotation scopes directly in a class (or in such a scope): names the class body
    /// binds are read from the class dict (`__classdict__`) before the globals.
    pub can_see_class_scope: bool,
    /// Classes: an annotation scope reads `__classdict__`, so the body keeps its namespace
    /// in that cell.
    pub needs_classdict: bool,
    /// Modules and classes: some annotated assignment sits in a conditional block, so the
    /// body records which ones ran in `__conditional_annotations__`.
    pub has_conditional_annotations: bool,
    /// Modules and classes: the scope of their `__annotate__` function, once an annotated
    /// assignment needs one.
    pub annotation_block: Option<ScopeId>,
    /// While building: inside an `if`/loop/`try`/`with`/`match` of this scope.
    in_conditional: bool,
    /// Where each `global`/`nonlocal` (or walrus-implied) declaration is.
    directives: HashMap<String, TextRange>,
    pub range: TextRange,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, range: TextRange) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            comp: None,
            names: Vec::new(),
            index: HashMap::new(),
            flags: Vec::new(),
            scopes: Vec::new(),
            params: Vec::new(),
            children: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            is_lambda: false,
            nested: false,
            has_free: false,
            child_free: false,
            needs_class_closure: false,
            comp_inlined: false,
            comp_iter_target: false,
            comp_iter_expr: 0,
            can_see_class_scope: false,
            needs_classdict: false,
            has_conditional_annotations: false,
            annotation_block: None,
            in_conditional: false,
            directives: HashMap::new(),
            range,
        }
    }

    /// Functions, lambdas and comprehensions: scopes with fast locals.
    pub fn is_function_like(&self) -> bool {
        matches!(
            self.kind,
            ScopeKind::Function | ScopeKind::Comprehension | ScopeKind::Annotation
        )
    }

    pub fn flags_of(&self, name: &str) -> u32 {
        self.index.get(name).map_or(0, |&i| self.flags[i])
    }

    pub fn scope_of(&self, name: &str) -> SymScope {
        self.index
            .get(name)
            .map_or(SymScope::Unknown, |&i| self.scopes[i])
    }

    pub fn contains(&self, name: &str) -> bool {
        self.index.contains_key(name)
    }

    fn slot(&mut self, name: &str) -> usize {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        self.names.push(name.to_string());
        self.flags.push(0);
        self.scopes.push(SymScope::Unknown);
        self.index.insert(name.to_string(), self.names.len() - 1);
        self.names.len() - 1
    }

    fn set(&mut self, name: &str, flags: u32, scope: SymScope) {
        let i = self.slot(name);
        self.flags[i] = flags;
        self.scopes[i] = scope;
    }
}

/// All scopes of a module, and the AST node each one belongs to.
#[derive(Debug)]
pub(crate) struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
}

impl SymbolTable {
    /// The scope created by the node at `addr` (see `node_key`).
    pub fn scope_for(&self, addr: usize) -> Option<ScopeId> {
        self.by_node.get(&addr).copied()
    }
}

/// Identity of an AST node: its address (the AST is borrowed, unmoved, for the whole
/// compilation).
pub(crate) fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

/// CPython's `_Py_Mangle`: `__spam` inside class `Ham` becomes `_Ham__spam`.
pub(crate) fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class) = private else {
        return name.to_string();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// Builds and analyses the symbol table of a module (or of an expression, for eval).
pub(crate) fn build(body: &[Stmt], expr: Option<&Expr>, range: TextRange) -> CResult<SymbolTable> {
    let mut b = Builder {
        scopes: vec![Scope::new(ScopeKind::Module, "top", range)],
        by_node: HashMap::new(),
        stack: vec![0],
        private: None,
        depth: 0,
    };
    for stmt in body {
        b.visit_stmt(stmt)?;
    }
    if let Some(e) = expr {
        b.visit_expr(e)?;
    }
    let mut table = SymbolTable {
        scopes: b.scopes,
        by_node: b.by_node,
    };
    analyze(&mut table)?;
    Ok(table)
}

struct Builder {
    scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
    stack: Vec<ScopeId>,
    private: Option<String>,
    depth: u32,
}

fn comp_name(kind: CompKind) -> &'static str {
    match kind {
        CompKind::List => "listcomp",
        CompKind::Set => "setcomp",
        CompKind::Dict => "dictcomp",
        CompKind::Generator => "genexpr",
    }
}

impl Builder {
    fn cur(&self) -> ScopeId {
        self.stack.last().copied().unwrap_or(0)
    }

    fn cur_scope(&mut self) -> &mut Scope {
        let id = self.cur();
        &mut self.scopes[id]
    }

    fn mangled(&self, name: &str) -> String {
        mangle(self.private.as_deref(), name)
    }

    fn add_def(&mut self, name: &str, flag: u32, range: TextRange) -> CResult<()> {
        let id = self.cur();
        self.add_def_in(id, name, flag, range)
    }

    /// CPython's `symtable_add_def_helper`.
    fn add_def_in(&mut self, id: ScopeId, name: &str, flag: u32, range: TextRange) -> CResult<()> {
        let mangled = self.mangled(name);
        let scope = &mut self.scopes[id];
        let old = scope.flags_of(&mangled);
        if flag & DEF_PARAM != 0 && old & DEF_PARAM != 0 {
            return Err(Failure::syntax(
                format!("duplicate argument '{mangled}' in function definition"),
                range,
            ));
        }
        let mut val = old | flag;
        if scope.comp_iter_target {
            if val & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return Err(Failure::syntax(
                    format!(
                        "comprehension inner loop cannot rebind assignment expression target '{mangled}'"
                    ),
                    range,
                ));
            }
            val |= DEF_COMP_ITER;
        }
        let i = scope.slot(&mangled);
        scope.flags[i] = val;
        if flag & DEF_PARAM != 0 {
            scope.params.push(mangled.clone());
        } else if flag & DEF_GLOBAL != 0 {
            // A global declaration anywhere also marks the module-level symbol.
            let module = &mut self.scopes[0];
            let i = module.slot(&mangled);
            module.flags[i] |= flag;
        }
        Ok(())
    }

    fn enter(&mut self, kind: ScopeKind, name: &str, key: usize, range: TextRange) -> ScopeId {
        let parent = self.cur();
        let mut scope = Scope::new(kind, name, range);
        let parent_scope = &self.scopes[parent];
        scope.nested = parent_scope.nested || parent_scope.is_function_like();
        self.scopes.push(scope);
        let id = self.scopes.len() - 1;
        self.scopes[parent].children.push(id);
        self.by_node.insert(key, id);
        self.stack.push(id);
        id
    }

    fn leave(&mut self) {
        self.stack.pop();
    }

    fn deeper(&mut self, range: TextRange) -> CResult<()> {
        self.depth += 1;
        if self.depth > MAX_AST_DEPTH {
            return Err(Failure::recursion(range));
        }
        Ok(())
    }

    fn visit_body(&mut self, body: &[Stmt]) -> CResult<()> {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    fn visit_stmt(&mut self, s: &Stmt) -> CResult<()> {
        self.deeper(s.range())?;
        let conditional = matches!(
            s,
            Stmt::For(_)
                | Stmt::While(_)
                | Stmt::If(_)
                | Stmt::With(_)
                | Stmt::Match(_)
                | Stmt::Try(_)
        );
        let id = self.cur();
        let was = self.scopes[id].in_conditional;
        if conditional {
            self.scopes[id].in_conditional = true;
        }
        let r = self.visit_stmt_inner(s);
        self.scopes[id].in_conditional = was;
        self.depth -= 1;
        r
    }

    /// Enters a new annotation scope (CPython's `symtable_enter_block` for an
    /// `AnnotationBlock`): its one parameter is `.format` (renamed `format` in the code
    /// object), and inside a class it reads class-level names through `__classdict__`.
    fn enter_annotation_scope(&mut self, key: usize, range: TextRange) -> CResult<ScopeId> {
        let parent = self.cur();
        let in_class =
            self.scopes[parent].kind == ScopeKind::Class || self.scopes[parent].can_see_class_scope;
        let id = self.enter(ScopeKind::Annotation, "__annotate__", key, range);
        self.add_def(".format", DEF_PARAM, range)?;
        self.add_def(".format", USE, range)?;
        if in_class {
            self.scopes[id].can_see_class_scope = true;
            self.add_def("__classdict__", USE, range)?;
        }
        Ok(id)
    }

    /// A function's parameter and return annotations, visited in their own annotation
    /// scope (keyed by the `Parameters` node) when there are any.
    fn visit_function_annotations(
        &mut self,
        p: &ast::Parameters,
        returns: Option<&Expr>,
        range: TextRange,
    ) -> CResult<()> {
        let annotations: Vec<&Expr> = p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .filter_map(|a| a.parameter.annotation.as_deref())
            .chain(p.vararg.as_deref().and_then(|v| v.annotation.as_deref()))
            .chain(p.kwarg.as_deref().and_then(|v| v.annotation.as_deref()))
            .chain(
                p.kwonlyargs
                    .iter()
                    .filter_map(|a| a.parameter.annotation.as_deref()),
            )
            .chain(returns)
            .collect();
        if annotations.is_empty() {
            return Ok(());
        }
        self.enter_annotation_scope(node_key(p), range)?;
        for a in annotations {
            let a = match a {
                Expr::Starred(st) => &st.value,
                other => other,
            };
            self.visit_expr(a)?;
        }
        self.leave();
        Ok(())
    }

    /// The annotation of `x: T` in a module or class body, visited in the scope's shared
    /// annotation scope (CPython's `symtable_visit_annotation`). Annotations in function
    /// bodies are never evaluated and are not visited.
    fn visit_variable_annotation(&mut self, annotation: &Expr) -> CResult<()> {
        let owner = self.cur();
        if !matches!(
            self.scopes[owner].kind,
            ScopeKind::Module | ScopeKind::Class
        ) {
            return Ok(());
        }
        let conditional = self.scopes[owner].in_conditional;
        let block = match self.scopes[owner].annotation_block {
            Some(b) => {
                self.stack.push(b);
                b
            }
            None => {
                let b = self.enter_annotation_scope(node_key(annotation), annotation.range())?;
                self.scopes[owner].annotation_block = Some(b);
                b
            }
        };
        if conditional && !self.scopes[owner].has_conditional_annotations {
            self.scopes[owner].has_conditional_annotations = true;
            self.add_def("__conditional_annotations__", USE, annotation.range())?;
        }
        let _ = block;
        let r = self.visit_expr(annotation);
        self.leave();
        r
    }

    fn visit_stmt_inner(&mut self, s: &Stmt) -> CResult<()> {
        match s {
            Stmt::FunctionDef(f) => {
                if f.type_params.is_some() {
                    return Err(unsupported("type parameter lists", s.range()));
                }
                self.add_def(&f.name.id, DEF_LOCAL, f.range)?;
                self.visit_defaults(&f.parameters)?;
                for d in &f.decorator_list {
                    self.visit_expr(&d.expression)?;
                }
                self.visit_function_annotations(&f.parameters, f.returns.as_deref(), f.range)?;
                let id = self.enter(ScopeKind::Function, &f.name.id, node_key(f), f.range);
                self.scopes[id].is_coroutine = f.is_async;
                self.visit_params(&f.parameters)?;
                self.visit_body(&f.body)?;
                self.leave();
            }
            Stmt::ClassDef(c) => {
                if c.type_params.is_some() {
                    return Err(unsupported("type parameter lists", s.range()));
                }
                self.add_def(&c.name.id, DEF_LOCAL, c.range)?;
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.visit_expr(a)?;
                    }
                    for k in args.keywords.iter() {
                        self.visit_expr(&k.value)?;
                    }
                }
                for d in &c.decorator_list {
                    self.visit_expr(&d.expression)?;
                }
                self.enter(ScopeKind::Class, &c.name.id, node_key(c), c.range);
                let saved = self.private.replace(c.name.id.to_string());
                self.visit_body(&c.body)?;
                self.private = saved;
                self.leave();
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.visit_expr(v)?;
                }
            }
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
                for t in &a.targets {
                    self.visit_expr(t)?;
                }
                self.visit_expr(&a.value)?;
            }
            Stmt::AugAssign(a) => {
                self.visit_expr(&a.target)?;
                self.visit_expr(&a.value)?;
            }
            Stmt::AnnAssign(a) => {
                // The annotation goes to the scope's annotation scope (PEP 649).
                if let Expr::Name(n) = a.target.as_ref() {
                    let mangled = mangle(self.private.as_deref(), &n.id);
                    let cur = self.cur_scope().flags_of(&mangled);
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && self.cur() != 0 && a.simple {
                        let what = if cur & DEF_GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        return Err(Failure::syntax(
                            format!("annotated name '{}' can't be {what}", n.id),
                            a.range,
                        ));
                    }
                    if a.simple {
                        self.add_def(&n.id, DEF_ANNOT | DEF_LOCAL, n.range)?;
                    } else if a.value.is_some() {
                        self.add_def(&n.id, DEF_LOCAL, n.range)?;
                    }
                } else {
                    self.visit_expr(&a.target)?;
                }
                self.visit_variable_annotation(&a.annotation)?;
                if let Some(v) = &a.value {
                    self.visit_expr(v)?;
                }
            }
            Stmt::For(f) => {
                self.visit_expr(&f.target)?;
                self.visit_expr(&f.iter)?;
                self.visit_body(&f.body)?;
                self.visit_body(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.visit_expr(&w.test)?;
                self.visit_body(&w.body)?;
                self.visit_body(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_body(&i.body)?;
                for clause in &i.elif_else_clauses {
                    if let Some(t) = &clause.test {
                        self.visit_expr(t)?;
                    }
                    self.visit_body(&clause.body)?;
                }
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.visit_expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.visit_expr(v)?;
                    }
                }
                self.visit_body(&w.body)?;
            }
            Stmt::Match(m) => {
                self.visit_expr(&m.subject)?;
                for case in &m.cases {
                    self.visit_pattern(&case.pattern)?;
                    if let Some(g) = &case.guard {
                        self.visit_expr(g)?;
                    }
                    self.visit_body(&case.body)?;
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.visit_expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.visit_expr(c)?;
                }
            }
            Stmt::Try(t) => {
                self.visit_body(&t.body)?;
                self.visit_body(&t.orelse)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.visit_expr(ty)?;
                    }
                    if let Some(name) = &h.name {
                        self.add_def(&name.id, DEF_LOCAL, name.range)?;
                    }
                    self.visit_body(&h.body)?;
                }
                self.visit_body(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.visit_expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.visit_expr(m)?;
                }
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    let name = match &alias.asname {
                        Some(a) => a.id.to_string(),
                        None => alias.name.id.split('.').next().unwrap_or("").to_string(),
                    };
                    self.add_def(&name, DEF_IMPORT, alias.range)?;
                }
            }
            Stmt::ImportFrom(i) => {
                for alias in &i.names {
                    if alias.name.id.as_str() == "*" {
                        if self.cur() != 0 {
                            return Err(Failure::syntax(
                                "import * only allowed at module level",
                                alias.range,
                            ));
                        }
                        continue;
                    }
                    let name = alias.asname.as_ref().unwrap_or(&alias.name);
                    self.add_def(&name.id, DEF_IMPORT, alias.range)?;
                }
            }
            Stmt::Global(g) => {
                for name in &g.names {
                    let mangled = self.mangled(&name.id);
                    let cur = self.cur_scope().flags_of(&mangled);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{}' is parameter and global", name.id)
                        } else if cur & USE != 0 {
                            format!("name '{}' is used prior to global declaration", name.id)
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{}' can't be global", name.id)
                        } else {
                            format!(
                                "name '{}' is assigned to before global declaration",
                                name.id
                            )
                        };
                        return Err(Failure::syntax(msg, g.range));
                    }
                    self.add_def(&name.id, DEF_GLOBAL, g.range)?;
                    self.cur_scope()
                        .directives
                        .entry(mangled)
                        .or_insert(g.range);
                }
            }
            Stmt::Nonlocal(n) => {
                // "not allowed at module level" comes from the analysis pass (as in
                // CPython's `analyze_name`), so the per-name checks below take precedence.
                for name in &n.names {
                    let mangled = self.mangled(&name.id);
                    let cur = self.cur_scope().flags_of(&mangled);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{}' is parameter and nonlocal", name.id)
                        } else if cur & USE != 0 {
                            format!("name '{}' is used prior to nonlocal declaration", name.id)
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{}' can't be nonlocal", name.id)
                        } else {
                            format!(
                                "name '{}' is assigned to before nonlocal declaration",
                                name.id
                            )
                        };
                        return Err(Failure::syntax(msg, n.range));
                    }
                    self.add_def(&name.id, DEF_NONLOCAL, n.range)?;
                    self.cur_scope()
                        .directives
                        .entry(mangled)
                        .or_insert(n.range);
                }
            }
            Stmt::Expr(e) => self.visit_expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
            Stmt::IpyEscapeCommand(i) => return Err(Failure::syntax("invalid syntax", i.range)),
        }
        Ok(())
    }

    fn visit_defaults(&mut self, p: &ast::Parameters) -> CResult<()> {
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            if let Some(d) = &a.default {
                self.visit_expr(d)?;
            }
        }
        for a in p.kwonlyargs.iter() {
            if let Some(d) = &a.default {
                self.visit_expr(d)?;
            }
        }
        Ok(())
    }

    fn visit_params(&mut self, p: &ast::Parameters) -> CResult<()> {
        for a in p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .chain(p.kwonlyargs.iter())
        {
            self.add_def(&a.parameter.name.id, DEF_PARAM, a.parameter.range)?;
        }
        if let Some(v) = &p.vararg {
            self.add_def(&v.name.id, DEF_PARAM, v.range)?;
        }
        if let Some(k) = &p.kwarg {
            self.add_def(&k.name.id, DEF_PARAM, k.range)?;
        }
        Ok(())
    }

    fn visit_expr(&mut self, e: &Expr) -> CResult<()> {
        self.deeper(e.range())?;
        let r = self.visit_expr_inner(e);
        self.depth -= 1;
        r
    }

    fn visit_exprs(&mut self, es: &[Expr]) -> CResult<()> {
        for e in es {
            self.visit_expr(e)?;
        }
        Ok(())
    }

    fn visit_expr_inner(&mut self, e: &Expr) -> CResult<()> {
        match e {
            Expr::BoolOp(b) => self.visit_exprs(&b.values)?,
            Expr::Named(n) => self.visit_named(n)?,
            Expr::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)?;
            }
            Expr::UnaryOp(u) => self.visit_expr(&u.operand)?,
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.visit_defaults(p)?;
                }
                let id = self.enter(ScopeKind::Function, "lambda", node_key(l), l.range);
                self.scopes[id].is_lambda = true;
                if let Some(p) = &l.parameters {
                    self.visit_params(p)?;
                }
                self.visit_expr(&l.body)?;
                self.leave();
            }
            Expr::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_expr(&i.body)?;
                self.visit_expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(k) = &item.key {
                        self.visit_expr(k)?;
                    }
                }
                for item in &d.items {
                    self.visit_expr(&item.value)?;
                }
            }
            Expr::Set(s) => self.visit_exprs(&s.elts)?,
            Expr::ListComp(c) => self.visit_comprehension(
                node_key(c),
                c.range,
                CompKind::List,
                &c.generators,
                &c.elt,
                None,
            )?,
            Expr::SetComp(c) => self.visit_comprehension(
                node_key(c),
                c.range,
                CompKind::Set,
                &c.generators,
                &c.elt,
                None,
            )?,
            Expr::DictComp(c) => {
                let key = c
                    .key
                    .as_deref()
                    .ok_or_else(|| Failure::syntax("invalid syntax", c.range))?;
                self.visit_comprehension(
                    node_key(c),
                    c.range,
                    CompKind::Dict,
                    &c.generators,
                    key,
                    Some(&c.value),
                )?
            }
            Expr::Generator(c) => self.visit_comprehension(
                node_key(c),
                c.range,
                CompKind::Generator,
                &c.generators,
                &c.elt,
                None,
            )?,
            Expr::Await(a) => {
                self.refuse_in_annotation("await expression", a.range)?;
                self.visit_expr(&a.value)?;
                self.cur_scope().is_coroutine = true;
            }
            Expr::Yield(y) => {
                self.refuse_in_annotation("yield expression", y.range)?;
                if let Some(v) = &y.value {
                    self.visit_expr(v)?;
                }
                self.mark_yield(y.range)?;
            }
            Expr::YieldFrom(y) => {
                self.refuse_in_annotation("yield expression", y.range)?;
                self.visit_expr(&y.value)?;
                self.mark_yield(y.range)?;
            }
            Expr::Compare(c) => {
                self.visit_expr(&c.left)?;
                self.visit_exprs(&c.comparators)?;
            }
            Expr::Call(c) => {
                self.visit_expr(&c.func)?;
                self.visit_exprs(&c.arguments.args)?;
                for k in c.arguments.keywords.iter() {
                    self.visit_expr(&k.value)?;
                }
            }
            Expr::FString(f) => {
                for part in f.value.iter() {
                    if let ast::FStringPart::FString(fs) = part {
                        self.visit_fstring_elements(&fs.elements)?;
                    }
                }
            }
            Expr::TString(t) => return Err(unsupported("template strings", t.range)),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {}
            Expr::Attribute(a) => self.visit_expr(&a.value)?,
            Expr::Subscript(s) => {
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)?;
            }
            Expr::Starred(s) => self.visit_expr(&s.value)?,
            Expr::Name(n) => {
                let flag = if n.ctx == ExprContext::Load {
                    USE
                } else {
                    DEF_LOCAL
                };
                self.add_def(&n.id, flag, n.range)?;
                if n.ctx == ExprContext::Load
                    && n.id.as_str() == "super"
                    && self.scopes[self.cur()].is_function_like()
                {
                    self.add_def("__class__", USE, n.range)?;
                }
            }
            Expr::List(l) => self.visit_exprs(&l.elts)?,
            Expr::Tuple(t) => self.visit_exprs(&t.elts)?,
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.visit_expr(part)?;
                }
            }
            Expr::IpyEscapeCommand(i) => return Err(Failure::syntax("invalid syntax", i.range)),
        }
        Ok(())
    }

    fn visit_fstring_elements(
        &mut self,
        elements: &ast::InterpolatedStringElements,
    ) -> CResult<()> {
        for el in elements.iter() {
            if let ast::InterpolatedStringElement::Interpolation(i) = el {
                self.visit_expr(&i.expression)?;
                if let Some(spec) = &i.format_spec {
                    self.visit_fstring_elements(&spec.elements)?;
                }
            }
        }
        Ok(())
    }

    fn mark_yield(&mut self, range: TextRange) -> CResult<()> {
        let scope = self.cur_scope();
        scope.is_generator = true;
        if let Some(kind) = scope.comp {
            let what = match kind {
                CompKind::List => "list comprehension",
                CompKind::Set => "set comprehension",
                CompKind::Dict => "dict comprehension",
                CompKind::Generator => "generator expression",
            };
            return Err(Failure::syntax(format!("'yield' inside {what}"), range));
        }
        Ok(())
    }

    /// `yield` and `await` have no meaning in an annotation (CPython's
    /// `symtable_raise_if_annotation_block`).
    fn refuse_in_annotation(&self, what: &str, range: TextRange) -> CResult<()> {
        if self.scopes[self.cur()].kind == ScopeKind::Annotation {
            return Err(Failure::syntax(
                format!("{what} cannot be used within an annotation"),
                range,
            ));
        }
        Ok(())
    }

    /// CPython's `symtable_handle_namedexpr`.
    fn visit_named(&mut self, n: &ast::ExprNamed) -> CResult<()> {
        if self.scopes[self.cur()].kind == ScopeKind::Annotation {
            return Err(Failure::syntax(
                "named expression cannot be used within an annotation",
                n.range,
            ));
        }
        if self.scopes[self.cur()].comp_iter_expr > 0 {
            return Err(Failure::syntax(
                "assignment expression cannot be used in a comprehension iterable expression",
                n.range,
            ));
        }
        if self.scopes[self.cur()].comp.is_some() {
            self.extend_namedexpr_scope(&n.target)?;
        }
        self.visit_expr(&n.value)?;
        self.visit_expr(&n.target)
    }

    /// A walrus inside a comprehension binds in the nearest enclosing function or module.
    fn extend_namedexpr_scope(&mut self, target: &Expr) -> CResult<()> {
        let Expr::Name(name) = target else {
            return Ok(());
        };
        let target_name = self.mangled(&name.id);
        for k in (0..self.stack.len()).rev() {
            let id = self.stack[k];
            let scope = &self.scopes[id];
            if scope.comp.is_some() {
                if scope.flags_of(&target_name) & DEF_COMP_ITER != 0 {
                    return Err(Failure::syntax(
                        format!(
                            "assignment expression cannot rebind comprehension iteration variable '{}'",
                            name.id
                        ),
                        name.range,
                    ));
                }
                continue;
            }
            match scope.kind {
                ScopeKind::Annotation => {
                    return Err(Failure::syntax(
                        "named expression cannot be used within an annotation",
                        name.range,
                    ));
                }
                ScopeKind::Function => {
                    let flag = if scope.flags_of(&target_name) & DEF_GLOBAL != 0 {
                        DEF_GLOBAL
                    } else {
                        DEF_NONLOCAL
                    };
                    self.add_def(&name.id, flag, name.range)?;
                    self.cur_scope()
                        .directives
                        .entry(target_name.clone())
                        .or_insert(name.range);
                    return self.add_def_in(id, &name.id, DEF_LOCAL, name.range);
                }
                ScopeKind::Module => {
                    self.add_def(&name.id, DEF_GLOBAL, name.range)?;
                    self.cur_scope()
                        .directives
                        .entry(target_name.clone())
                        .or_insert(name.range);
                    return self.add_def_in(id, &name.id, DEF_GLOBAL, name.range);
                }
                ScopeKind::Class => {
                    return Err(Failure::syntax(
                        "assignment expression within a comprehension cannot be used in a class body",
                        name.range,
                    ));
                }
                ScopeKind::Comprehension => {}
            }
        }
        Ok(())
    }

    /// CPython's `symtable_handle_comprehension`.
    fn visit_comprehension(
        &mut self,
        key: usize,
        range: TextRange,
        kind: CompKind,
        generators: &[ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> CResult<()> {
        let Some(outermost) = generators.first() else {
            return Err(Failure::internal("comprehension without generators", range));
        };
        let parent = self.cur();
        // The outermost iterable is evaluated in the enclosing scope.
        self.scopes[parent].comp_iter_expr += 1;
        self.visit_expr(&outermost.iter)?;
        self.scopes[parent].comp_iter_expr -= 1;
        let id = self.enter(ScopeKind::Comprehension, comp_name(kind), key, range);
        self.scopes[id].comp = Some(kind);
        if outermost.is_async {
            self.scopes[id].is_coroutine = true;
        }
        if kind == CompKind::Generator {
            self.scopes[id].is_generator = true;
        }
        self.add_def(".0", DEF_PARAM, range)?;
        self.scopes[id].comp_iter_target = true;
        self.visit_expr(&outermost.target)?;
        self.scopes[id].comp_iter_target = false;
        self.visit_exprs(&outermost.ifs)?;
        for g in &generators[1..] {
            if g.is_async {
                self.scopes[id].is_coroutine = true;
            }
            self.scopes[id].comp_iter_target = true;
            self.visit_expr(&g.target)?;
            self.scopes[id].comp_iter_target = false;
            self.scopes[id].comp_iter_expr += 1;
            self.visit_expr(&g.iter)?;
            self.scopes[id].comp_iter_expr -= 1;
            self.visit_exprs(&g.ifs)?;
        }
        if let Some(v) = value {
            self.visit_expr(v)?;
        }
        self.visit_expr(elt)?;
        let is_async = self.scopes[id].is_coroutine && kind != CompKind::Generator;
        self.leave();
        let p = &self.scopes[parent];
        let parent_is_async_def = p.kind == ScopeKind::Function && p.is_coroutine;
        if is_async && !parent_is_async_def && p.comp.is_none() {
            return Err(Failure::syntax(
                "asynchronous comprehension outside of an asynchronous function",
                range,
            ));
        }
        if is_async {
            self.scopes[parent].is_coroutine = true;
        }
        Ok(())
    }

    fn visit_pattern(&mut self, p: &Pattern) -> CResult<()> {
        self.deeper(p.range())?;
        let r = self.visit_pattern_inner(p);
        self.depth -= 1;
        r
    }

    fn visit_pattern_inner(&mut self, p: &Pattern) -> CResult<()> {
        match p {
            Pattern::MatchValue(v) => self.visit_expr(&v.value)?,
            Pattern::MatchSingleton(_) => {}
            Pattern::MatchSequence(s) => {
                for p in &s.patterns {
                    self.visit_pattern(p)?;
                }
            }
            Pattern::MatchMapping(m) => {
                self.visit_exprs(&m.keys)?;
                for p in m.patterns.iter() {
                    self.visit_pattern(p)?;
                }
                if let Some(rest) = &m.rest {
                    self.add_def(&rest.id, DEF_LOCAL, rest.range)?;
                }
            }
            Pattern::MatchClass(c) => {
                self.visit_expr(&c.cls)?;
                for p in &c.arguments.patterns {
                    self.visit_pattern(p)?;
                }
                for k in &c.arguments.keywords {
                    self.visit_pattern(&k.pattern)?;
                }
            }
            Pattern::MatchStar(s) => {
                if let Some(name) = &s.name {
                    self.add_def(&name.id, DEF_LOCAL, name.range)?;
                }
            }
            Pattern::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.visit_pattern(p)?;
                }
                if let Some(name) = &a.name {
                    self.add_def(&name.id, DEF_LOCAL, name.range)?;
                }
            }
            Pattern::MatchOr(o) => {
                for p in &o.patterns {
                    self.visit_pattern(p)?;
                }
            }
        }
        Ok(())
    }
}

fn unsupported(what: &str, range: TextRange) -> Failure {
    Failure::syntax(
        format!("{what} are not supported by this compiler yet"),
        range,
    )
}

// ---------------------------------------------------------------------------------------
// Analysis (CPython's analyze_block and friends).

type NameSet = HashSet<String>;

fn analyze(table: &mut SymbolTable) -> CResult<()> {
    let mut free = NameSet::new();
    let global = NameSet::new();
    analyze_block(table, 0, None, &mut free, &global, None)
}

/// CPython's `analyze_name`.
#[allow(clippy::too_many_arguments)]
fn analyze_name(
    scope: &mut Scope,
    i: usize,
    scopes: &mut HashMap<String, SymScope>,
    bound: Option<&NameSet>,
    local: &mut NameSet,
    free: &mut NameSet,
    global: &mut NameSet,
    class_flags: Option<u32>,
) -> CResult<()> {
    let name = scope.names[i].clone();
    let flags = scope.flags[i];
    let directive = scope.directives.get(&name).copied().unwrap_or(scope.range);
    if flags & DEF_GLOBAL != 0 {
        if flags & DEF_NONLOCAL != 0 {
            return Err(Failure::syntax(
                format!("name '{name}' is nonlocal and global"),
                directive,
            ));
        }
        scopes.insert(name.clone(), SymScope::GlobalExplicit);
        global.insert(name.clone());
        if let Some(b) = bound {
            let _ = b;
        }
        return Ok(());
    }
    if flags & DEF_NONLOCAL != 0 {
        let Some(bound) = bound else {
            return Err(Failure::syntax(
                "nonlocal declaration not allowed at module level",
                directive,
            ));
        };
        if !bound.contains(&name) {
            return Err(Failure::syntax(
                format!("no binding for nonlocal '{name}' found"),
                directive,
            ));
        }
        scopes.insert(name.clone(), SymScope::Free);
        scope.has_free = true;
        free.insert(name);
        return Ok(());
    }
    if flags & DEF_BOUND != 0 {
        scopes.insert(name.clone(), SymScope::Local);
        local.insert(name.clone());
        global.remove(&name);
        return Ok(());
    }
    // In an annotation scope that sees its class, a name the class binds is read from the
    // class dict, then the globals — never from an enclosing function.
    if let Some(cf) = class_flags {
        if cf & DEF_GLOBAL != 0 {
            scopes.insert(name, SymScope::GlobalExplicit);
            return Ok(());
        }
        if cf & DEF_BOUND != 0 && cf & DEF_NONLOCAL == 0 {
            scopes.insert(name, SymScope::GlobalImplicit);
            return Ok(());
        }
    }
    if bound.is_some_and(|b| b.contains(&name)) {
        scopes.insert(name.clone(), SymScope::Free);
        scope.has_free = true;
        free.insert(name);
        return Ok(());
    }
    if global.contains(&name) {
        scopes.insert(name, SymScope::GlobalImplicit);
        return Ok(());
    }
    if scope.nested {
        scope.has_free = true;
    }
    scopes.insert(name, SymScope::GlobalImplicit);
    Ok(())
}

fn analyze_block(
    table: &mut SymbolTable,
    id: ScopeId,
    bound: Option<&NameSet>,
    free: &mut NameSet,
    global: &NameSet,
    class_entry: Option<ScopeId>,
) -> CResult<()> {
    let mut local = NameSet::new();
    let mut scopes: HashMap<String, SymScope> = HashMap::new();
    let mut newglobal = NameSet::new();
    let mut newfree = NameSet::new();
    let mut newbound = NameSet::new();
    let mut global = global.clone();
    let kind = table.scopes[id].kind;
    if kind == ScopeKind::Class {
        newglobal.extend(global.iter().cloned());
        if let Some(b) = bound {
            newbound.extend(b.iter().cloned());
        }
    }
    for i in 0..table.scopes[id].names.len() {
        let class_flags = class_entry.map(|c| table.scopes[c].flags_of(&table.scopes[id].names[i]));
        analyze_name(
            &mut table.scopes[id],
            i,
            &mut scopes,
            bound,
            &mut local,
            free,
            &mut global,
            class_flags,
        )?;
    }
    if kind != ScopeKind::Class {
        if table.scopes[id].is_function_like() {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = bound {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global.iter().cloned());
    } else {
        newbound.insert("__class__".to_string());
        newbound.insert("__classdict__".to_string());
        newbound.insert("__conditional_annotations__".to_string());
    }
    let mut inlined_cells = NameSet::new();
    let children = table.scopes[id].children.clone();
    for &child in &children {
        let child_scope = &table.scopes[child];
        // Comprehensions are inlined, except in annotation scopes that see a class.
        let inline = child_scope.comp.is_some()
            && child_scope.comp != Some(CompKind::Generator)
            && !table.scopes[id].can_see_class_scope;
        let child_class_entry = if child_scope.can_see_class_scope {
            if kind == ScopeKind::Class {
                Some(id)
            } else {
                class_entry
            }
        } else {
            None
        };
        let mut child_free = NameSet::new();
        let child_bound = newbound.clone();
        analyze_block(
            table,
            child,
            Some(&child_bound),
            &mut child_free,
            &newglobal,
            child_class_entry,
        )?;
        if inline {
            inline_comprehension(
                table,
                id,
                child,
                &mut scopes,
                &mut child_free,
                &mut inlined_cells,
            );
            table.scopes[child].comp_inlined = true;
        }
        newfree.extend(child_free);
        if table.scopes[child].child_free || table.scopes[child].has_free {
            table.scopes[id].child_free = true;
        }
    }
    // Children of inlined comprehensions become our children.
    let mut spliced = Vec::with_capacity(children.len());
    for &child in &children {
        if table.scopes[child].comp_inlined {
            spliced.extend(table.scopes[child].children.iter().copied());
        } else {
            spliced.push(child);
        }
    }
    table.scopes[id].children = spliced;
    if table.scopes[id].is_function_like() {
        // analyze_cells: locals captured by inner scopes become cells.
        for (name, sc) in scopes.iter_mut() {
            if *sc != SymScope::Local {
                continue;
            }
            if newfree.contains(name) || inlined_cells.contains(name) {
                *sc = SymScope::Cell;
                newfree.remove(name);
            }
        }
    } else if kind == ScopeKind::Class {
        // drop_class_free: these implicit cells belong to the class body.
        if newfree.remove("__class__") {
            table.scopes[id].needs_class_closure = true;
        }
        if newfree.remove("__classdict__") {
            table.scopes[id].needs_classdict = true;
        }
        if newfree.remove("__conditional_annotations__") {
            table.scopes[id].has_conditional_annotations = true;
        }
    }
    let classflag = kind == ScopeKind::Class || table.scopes[id].can_see_class_scope;
    update_symbols(
        &mut table.scopes[id],
        &scopes,
        bound,
        &newfree,
        &inlined_cells,
        classflag,
    );
    free.extend(newfree);
    Ok(())
}

/// CPython's `update_symbols`: records the scopes and adds free variables that children
/// need to pass through this scope.
fn update_symbols(
    scope: &mut Scope,
    scopes: &HashMap<String, SymScope>,
    bound: Option<&NameSet>,
    free: &NameSet,
    inlined_cells: &NameSet,
    classflag: bool,
) {
    for i in 0..scope.names.len() {
        let name = &scope.names[i];
        if inlined_cells.contains(name) {
            scope.flags[i] |= DEF_COMP_CELL;
        }
        scope.scopes[i] = scopes.get(name).copied().unwrap_or(SymScope::Unknown);
    }
    let mut free_sorted: Vec<&String> = free.iter().collect();
    free_sorted.sort();
    for name in free_sorted {
        if let Some(&i) = scope.index.get(name.as_str()) {
            if classflag {
                scope.flags[i] |= DEF_FREE_CLASS;
            }
            continue;
        }
        if bound.is_some_and(|b| !b.contains(name.as_str())) {
            continue;
        }
        scope.set(name, 0, SymScope::Free);
    }
}

/// CPython's `inline_comprehension`: merges an inlined comprehension's symbols into its
/// parent.
fn inline_comprehension(
    table: &mut SymbolTable,
    parent: ScopeId,
    comp: ScopeId,
    scopes: &mut HashMap<String, SymScope>,
    comp_free: &mut NameSet,
    inlined_cells: &mut NameSet,
) {
    let mut remove_dunder_class = false;
    let comp_names: Vec<(String, u32, SymScope)> = {
        let c = &table.scopes[comp];
        c.names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), c.flags[i], c.scopes[i]))
            .collect()
    };
    let parent_is_class = table.scopes[parent].kind == ScopeKind::Class;
    for (name, comp_flags, mut scope) in comp_names {
        if comp_flags & DEF_PARAM != 0 {
            continue;
        }
        if scope == SymScope::Cell || comp_flags & DEF_COMP_CELL != 0 {
            inlined_cells.insert(name.clone());
        }
        if scope == SymScope::Free && parent_is_class && name == "__class__" {
            scope = SymScope::GlobalImplicit;
            comp_free.remove(&name);
            remove_dunder_class = true;
        }
        if !table.scopes[parent].contains(&name) {
            table.scopes[parent].set(&name, comp_flags, SymScope::Unknown);
            scopes.insert(name.clone(), scope);
        } else if !is_free_in_any_child(table, comp, &name) {
            let flags = table.scopes[parent].flags_of(&name);
            if flags & DEF_BOUND != 0 && !parent_is_class {
                comp_free.remove(&name);
            }
        }
    }
    table.scopes[comp].has_free = !comp_free.is_empty();
    if remove_dunder_class && let Some(&i) = table.scopes[comp].index.get("__class__") {
        table.scopes[comp].scopes[i] = SymScope::GlobalImplicit;
    }
}

fn is_free_in_any_child(table: &SymbolTable, id: ScopeId, name: &str) -> bool {
    table.scopes[id]
        .children
        .iter()
        .any(|&c| table.scopes[c].scope_of(name) == SymScope::Free)
}
