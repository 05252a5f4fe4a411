//! The source text of an expression as CPython's compiler writes it back from the AST
//! (`Python/ast_unparse.c`), for `from __future__ import annotations` (PEP 563): every
//! annotation becomes this string. Spacing, parentheses (only where precedence needs
//! them) and literal reprs follow CPython, not the original source.

use ruff_python_ast::{self as ast, Expr};

use crate::bytecode::code::Constant;

use super::codegen::Compiler;

// CPython's precedence levels (a higher level binds tighter).
const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1;
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_EXPR: u8 = 6;
const PR_BOR: u8 = PR_EXPR;
const PR_BXOR: u8 = 7;
const PR_BAND: u8 = 8;
const PR_SHIFT: u8 = 9;
const PR_ARITH: u8 = 10;
const PR_TERM: u8 = 11;
const PR_FACTOR: u8 = 12;
const PR_POWER: u8 = 13;
const PR_AWAIT: u8 = 14;
const PR_ATOM: u8 = 15;

/// A float's or complex's repr with infinities written as `1e309`, as CPython does.
fn number_repr(text: String) -> String {
    text.replace("inf", "1e309")
}

fn constant_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
        Constant::Ellipsis => "...".into(),
        Constant::Int(i) => i.to_string(),
        Constant::Float(f) => number_repr(crate::text::float_repr::float_repr(*f)),
        Constant::Complex { real, imag } => {
            number_repr(crate::builtins::complex::complex_repr(*real, *imag))
        }
        Constant::Str(s) => crate::bytecode::dis::str_repr(s),
        Constant::SurrogateStr(b) => crate::bytecode::dis::str_repr(&String::from_utf8_lossy(b)),
        Constant::Bytes(b) => crate::bytecode::dis::bytes_repr(b),
        // Not produced by literals (the AST is not folded before unparsing).
        Constant::Tuple(_) | Constant::FrozenSet(_) | Constant::Code(_) => String::new(),
    }
}

impl Compiler<'_> {
    /// The annotation text PEP 563 stores for `e` (CPython unparses at `PR_TEST`).
    pub(crate) fn unparse_annotation(&self, e: &Expr) -> String {
        let mut out = String::new();
        self.unparse(e, PR_TEST, &mut out);
        out
    }

    fn unparse_seq(&self, items: &[Expr], level: u8, out: &mut String) {
        for (i, e) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            self.unparse(e, level, out);
        }
    }

    fn unparse(&self, e: &Expr, level: u8, out: &mut String) {
        let open = |out: &mut String, cond: bool| {
            if cond {
                out.push('(');
            }
        };
        let close = |out: &mut String, cond: bool| {
            if cond {
                out.push(')');
            }
        };
        match e {
            Expr::BoolOp(b) => {
                let (op, pr) = match b.op {
                    ast::BoolOp::And => (" and ", PR_AND),
                    ast::BoolOp::Or => (" or ", PR_OR),
                };
                open(out, level > pr);
                for (i, v) in b.values.iter().enumerate() {
                    if i > 0 {
                        out.push_str(op);
                    }
                    self.unparse(v, pr + 1, out);
                }
                close(out, level > pr);
            }
            Expr::BinOp(b) => {
                use ast::Operator as O;
                let pr = match b.op {
                    O::Add | O::Sub => PR_ARITH,
                    O::Mult | O::MatMult | O::Div | O::Mod | O::FloorDiv => PR_TERM,
                    O::LShift | O::RShift => PR_SHIFT,
                    O::BitOr => PR_BOR,
                    O::BitXor => PR_BXOR,
                    O::BitAnd => PR_BAND,
                    O::Pow => PR_POWER,
                };
                let rassoc = u8::from(b.op == O::Pow);
                open(out, level > pr);
                self.unparse(&b.left, pr + rassoc, out);
                out.push(' ');
                out.push_str(b.op.as_str());
                out.push(' ');
                self.unparse(&b.right, pr + 1 - rassoc, out);
                close(out, level > pr);
            }
            Expr::UnaryOp(u) => {
                let (op, pr) = match u.op {
                    ast::UnaryOp::Invert => ("~", PR_FACTOR),
                    ast::UnaryOp::Not => ("not ", PR_NOT),
                    ast::UnaryOp::UAdd => ("+", PR_FACTOR),
                    ast::UnaryOp::USub => ("-", PR_FACTOR),
                };
                open(out, level > pr);
                out.push_str(op);
                self.unparse(&u.operand, pr, out);
                close(out, level > pr);
            }
            Expr::Lambda(l) => {
                open(out, level > PR_TEST);
                let positional = l
                    .parameters
                    .as_ref()
                    .map_or(0, |p| p.posonlyargs.len() + p.args.len());
                out.push_str(if positional > 0 { "lambda " } else { "lambda" });
                if let Some(p) = &l.parameters {
                    self.unparse_parameters(p, out);
                }
                out.push_str(": ");
                self.unparse(&l.body, PR_TEST, out);
                close(out, level > PR_TEST);
            }
            Expr::If(i) => {
                open(out, level > PR_TEST);
                self.unparse(&i.body, PR_TEST + 1, out);
                out.push_str(" if ");
                self.unparse(&i.test, PR_TEST + 1, out);
                out.push_str(" else ");
                self.unparse(&i.orelse, PR_TEST, out);
                close(out, level > PR_TEST);
            }
            Expr::Dict(d) => {
                out.push('{');
                for (i, item) in d.items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    match &item.key {
                        Some(k) => {
                            self.unparse(k, PR_TEST, out);
                            out.push_str(": ");
                            self.unparse(&item.value, PR_TEST, out);
                        }
                        None => {
                            out.push_str("**");
                            self.unparse(&item.value, PR_EXPR, out);
                        }
                    }
                }
                out.push('}');
            }
            Expr::Set(s) => {
                out.push('{');
                self.unparse_seq(&s.elts, PR_TEST, out);
                out.push('}');
            }
            Expr::List(l) => {
                out.push('[');
                self.unparse_seq(&l.elts, PR_TEST, out);
                out.push(']');
            }
            Expr::Tuple(t) => {
                if t.elts.is_empty() {
                    out.push_str("()");
                    return;
                }
                open(out, level > PR_TUPLE);
                self.unparse_seq(&t.elts, PR_TEST, out);
                if t.elts.len() == 1 {
                    out.push(',');
                }
                close(out, level > PR_TUPLE);
            }
            Expr::ListComp(c) => {
                out.push('[');
                self.unparse(&c.elt, PR_TEST, out);
                self.unparse_generators(&c.generators, out);
                out.push(']');
            }
            Expr::SetComp(c) => {
                out.push('{');
                self.unparse(&c.elt, PR_TEST, out);
                self.unparse_generators(&c.generators, out);
                out.push('}');
            }
            Expr::DictComp(c) => {
                out.push('{');
                match &c.key {
                    Some(k) => {
                        self.unparse(k, PR_TEST, out);
                        out.push_str(": ");
                        self.unparse(&c.value, PR_TEST, out);
                    }
                    None => {
                        out.push_str("**");
                        self.unparse(&c.value, PR_EXPR, out);
                    }
                }
                self.unparse_generators(&c.generators, out);
                out.push('}');
            }
            Expr::Generator(g) => self.unparse_genexp(g, out),
            Expr::Await(a) => {
                open(out, level > PR_AWAIT);
                out.push_str("await ");
                self.unparse(&a.value, PR_ATOM, out);
                close(out, level > PR_AWAIT);
            }
            Expr::Yield(y) => match &y.value {
                None => out.push_str("(yield)"),
                Some(v) => {
                    out.push_str("(yield ");
                    self.unparse(v, PR_TEST, out);
                    out.push(')');
                }
            },
            Expr::YieldFrom(y) => {
                out.push_str("(yield from ");
                self.unparse(&y.value, PR_TEST, out);
                out.push(')');
            }
            Expr::Compare(c) => {
                open(out, level > PR_CMP);
                self.unparse(&c.left, PR_CMP + 1, out);
                for (op, right) in c.ops.iter().zip(c.comparators.iter()) {
                    out.push(' ');
                    out.push_str(op.as_str());
                    out.push(' ');
                    self.unparse(right, PR_CMP + 1, out);
                }
                close(out, level > PR_CMP);
            }
            Expr::Call(c) => {
                self.unparse(&c.func, PR_ATOM, out);
                let args = &c.arguments;
                if args.args.len() == 1
                    && args.keywords.is_empty()
                    && let Expr::Generator(g) = &args.args[0]
                {
                    self.unparse_genexp(g, out);
                    return;
                }
                out.push('(');
                self.unparse_seq(&args.args, PR_TEST, out);
                for (i, k) in args.keywords.iter().enumerate() {
                    if i > 0 || !args.args.is_empty() {
                        out.push_str(", ");
                    }
                    match &k.arg {
                        Some(name) => {
                            out.push_str(name.as_str());
                            out.push('=');
                        }
                        None => out.push_str("**"),
                    }
                    self.unparse(&k.value, PR_TEST, out);
                }
                out.push(')');
            }
            Expr::FString(f) => {
                let mut body = String::new();
                for part in f.value.iter() {
                    match part {
                        ast::FStringPart::Literal(l) => push_fstring_text(&mut body, &l.value),
                        ast::FStringPart::FString(fs) => {
                            self.unparse_fstring_elements(&fs.elements, &mut body);
                        }
                    }
                }
                out.push('f');
                out.push_str(&crate::bytecode::dis::str_repr(&body));
            }
            Expr::TString(t) => {
                let mut body = String::new();
                for part in t.value.iter() {
                    self.unparse_fstring_elements(&part.elements, &mut body);
                }
                out.push('t');
                out.push_str(&crate::bytecode::dis::str_repr(&body));
            }
            Expr::StringLiteral(s) => {
                if s.value.iter().next().is_some_and(|p| {
                    p.flags.prefix() == ast::str_prefix::StringLiteralPrefix::Unicode
                }) {
                    out.push('u');
                }
                out.push_str(&constant_repr(&self.str_literal(s)));
            }
            Expr::BytesLiteral(b) => {
                let bytes: Vec<u8> = b.value.bytes().collect();
                out.push_str(&crate::bytecode::dis::bytes_repr(&bytes));
            }
            Expr::NumberLiteral(n) => {
                if let Some(c) = self.number_constant(n) {
                    out.push_str(&constant_repr(&c));
                }
            }
            Expr::BooleanLiteral(b) => out.push_str(if b.value { "True" } else { "False" }),
            Expr::NoneLiteral(_) => out.push_str("None"),
            Expr::EllipsisLiteral(_) => out.push_str("..."),
            Expr::Attribute(a) => {
                self.unparse(&a.value, PR_ATOM, out);
                // `1 .real`: an int literal needs a space before the dot.
                let int_literal = matches!(a.value.as_ref(),
                    Expr::NumberLiteral(n) if matches!(n.value, ast::Number::Int(_)));
                out.push_str(if int_literal { " ." } else { "." });
                out.push_str(a.attr.as_str());
            }
            Expr::Subscript(s) => {
                self.unparse(&s.value, PR_ATOM, out);
                out.push('[');
                self.unparse(&s.slice, PR_TUPLE, out);
                out.push(']');
            }
            Expr::Starred(s) => {
                out.push('*');
                self.unparse(&s.value, PR_EXPR, out);
            }
            Expr::Slice(s) => {
                if let Some(lower) = &s.lower {
                    self.unparse(lower, PR_TEST, out);
                }
                out.push(':');
                if let Some(upper) = &s.upper {
                    self.unparse(upper, PR_TEST, out);
                }
                if let Some(step) = &s.step {
                    out.push(':');
                    self.unparse(step, PR_TEST, out);
                }
            }
            Expr::Name(n) => out.push_str(n.id.as_str()),
            Expr::Named(n) => {
                open(out, level > PR_TUPLE);
                self.unparse(&n.target, PR_ATOM, out);
                out.push_str(" := ");
                self.unparse(&n.value, PR_ATOM, out);
                close(out, level > PR_TUPLE);
            }
            Expr::IpyEscapeCommand(_) => {}
        }
    }

    fn unparse_genexp(&self, g: &ast::ExprGenerator, out: &mut String) {
        out.push('(');
        self.unparse(&g.elt, PR_TEST, out);
        self.unparse_generators(&g.generators, out);
        out.push(')');
    }

    fn unparse_generators(&self, generators: &[ast::Comprehension], out: &mut String) {
        for g in generators {
            out.push_str(if g.is_async { " async for " } else { " for " });
            self.unparse(&g.target, PR_TUPLE, out);
            out.push_str(" in ");
            self.unparse(&g.iter, PR_TEST + 1, out);
            for cond in &g.ifs {
                out.push_str(" if ");
                self.unparse(cond, PR_TEST + 1, out);
            }
        }
    }

    /// A lambda's parameters: `a, b=1, /, c, *d, e, **f`.
    fn unparse_parameters(&self, p: &ast::Parameters, out: &mut String) {
        let mut first = true;
        let mut sep = |out: &mut String| {
            if !first {
                out.push_str(", ");
            }
            first = false;
        };
        let positional = p.posonlyargs.len();
        for (i, a) in p.posonlyargs.iter().chain(p.args.iter()).enumerate() {
            sep(out);
            out.push_str(a.parameter.name.as_str());
            if let Some(d) = &a.default {
                out.push('=');
                self.unparse(d, PR_TEST, out);
            }
            if positional > 0 && i + 1 == positional {
                out.push_str(", /");
            }
        }
        if p.vararg.is_some() || !p.kwonlyargs.is_empty() {
            sep(out);
            out.push('*');
            if let Some(v) = &p.vararg {
                out.push_str(v.name.as_str());
            }
        }
        for a in &p.kwonlyargs {
            sep(out);
            out.push_str(a.parameter.name.as_str());
            if let Some(d) = &a.default {
                out.push('=');
                self.unparse(d, PR_TEST, out);
            }
        }
        if let Some(k) = &p.kwarg {
            sep(out);
            out.push_str("**");
            out.push_str(k.name.as_str());
        }
    }

    /// The body of an f-string (inside the quotes): literal text with braces doubled,
    /// replacement fields as `{expr!c:spec}`.
    fn unparse_fstring_elements(
        &self,
        elements: &ast::InterpolatedStringElements,
        out: &mut String,
    ) {
        for el in elements.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => push_fstring_text(out, &l.value),
                ast::InterpolatedStringElement::Interpolation(i) => {
                    if let Some(debug) = &i.debug_text {
                        push_fstring_text(out, debug.as_str());
                    }
                    let mut inner = String::new();
                    self.unparse(&i.expression, PR_TEST + 1, &mut inner);
                    out.push_str(if inner.starts_with('{') { "{ " } else { "{" });
                    out.push_str(&inner);
                    let conversion = match i.conversion {
                        ast::ConversionFlag::Str => Some('s'),
                        ast::ConversionFlag::Repr => Some('r'),
                        ast::ConversionFlag::Ascii => Some('a'),
                        ast::ConversionFlag::None
                            if i.debug_text.is_some() && i.format_spec.is_none() =>
                        {
                            Some('r')
                        }
                        ast::ConversionFlag::None => None,
                    };
                    if let Some(c) = conversion {
                        out.push('!');
                        out.push(c);
                    }
                    if let Some(spec) = &i.format_spec {
                        out.push(':');
                        self.unparse_fstring_elements(&spec.elements, out);
                    }
                    out.push('}');
                }
            }
        }
    }
}

fn push_fstring_text(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '{' => out.push_str("{{"),
            '}' => out.push_str("}}"),
            c => out.push(c),
        }
    }
}
