//! Turning ruff's parse errors into the `SyntaxError`s CPython 3.13 raises for the same
//! input: the message wording, the error class (`IndentationError` for block errors), and
//! the position CPython reports (which is usually ruff's error token, but sometimes the
//! whole offending expression or the opening bracket).
//!
//! CPython's rules that matter here: an error at end of input with a bracket still open is
//! `'(' was never closed` at that bracket, and so is any parse error on a later line than
//! the innermost bracket left open at end of input; invalid assignment targets are named
//! by their kind (`literal`, `function call`, ...), with a "Maybe you meant '=='" hint when
//! the target could have been a comparison.
//!
//! Also here: dropping a parsed tree iteratively, since left-nested chains can be hundreds
//! of thousands of nodes deep.

use std::cell::RefCell;

use ruff_python_ast::visitor::transformer::{self, Transformer};
use ruff_python_ast::{self as ast, Expr, Mod, Stmt};
use ruff_python_parser::{
    LexicalErrorType, ParseError, ParseErrorType, Parsed, UnsupportedSyntaxErrorKind,
};
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::bytecode::code::CompileErrorKind;

use super::error::Failure;
use super::source::LineIndex;
use super::tokens::ScanResult;

/// CPython's `_PyPegen_get_expr_name`.
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    match e {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::NumberLiteral(_) => "literal",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        Expr::Slice(_) | Expr::IpyEscapeCommand(_) => "expression",
    }
}

/// Parses `text` as one expression (used to name the kind of an offending expression).
fn parse_fragment(text: &str) -> Option<Expr> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    match ruff_python_parser::parse_expression(t) {
        Ok(parsed) => Some(parsed.into_expr()),
        Err(_) => ruff_python_parser::parse_expression(&format!("({t})"))
            .ok()
            .map(|p| p.into_expr()),
    }
}

fn range(start: usize, end: usize) -> TextRange {
    TextRange::new(
        TextSize::from(start as u32),
        TextSize::from(end.max(start) as u32),
    )
}

fn syntax(msg: impl Into<String>, r: TextRange) -> Failure {
    Failure::syntax(msg, r)
}

/// The first statement keyword of a line (after indentation), for block errors.
fn line_keyword(line: &str) -> &str {
    let t = line.trim_start();
    let end = t
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(t.len());
    &t[..end]
}

/// The block headers CPython names in "expected an indented block after ..." messages.
fn header_description(ruff_msg: &str) -> Option<(&'static str, &'static [&'static str])> {
    let table: [(&str, &'static str, &'static [&'static str]); 14] = [
        ("`if` statement", "'if' statement", &["if"]),
        ("`elif` clause", "'elif' statement", &["elif"]),
        ("`else` clause", "'else' statement", &["else"]),
        ("`while` statement", "'while' statement", &["while"]),
        ("`for` statement", "'for' statement", &["for", "async"]),
        ("`with` statement", "'with' statement", &["with", "async"]),
        ("`try` statement", "'try' statement", &["try"]),
        ("`except*` clause", "'except*' statement", &["except"]),
        ("`except` clause", "'except' statement", &["except"]),
        ("`finally` clause", "'finally' statement", &["finally"]),
        (
            "function definition",
            "function definition",
            &["def", "async"],
        ),
        ("`class` definition", "class definition", &["class"]),
        ("`match` statement", "'match' statement", &["match"]),
        ("`case` block", "'case' statement", &["case"]),
    ];
    table
        .iter()
        .find(|(r, _, _)| ruff_msg.contains(r))
        .map(|(_, c, k)| (*c, *k))
}

struct Mapper<'s> {
    src: &'s str,
    lines: &'s LineIndex,
    module: &'s Mod,
    tokens: &'s [ruff_python_ast::token::Token],
}

impl Mapper<'_> {
    fn text(&self, r: TextRange) -> &str {
        self.src
            .get(r.start().to_usize()..r.end().to_usize())
            .unwrap_or("")
    }

    fn line_of(&self, pos: TextSize) -> u32 {
        self.lines.line_col(pos).0
    }

    fn next_non_space(&self, pos: usize) -> Option<(usize, u8)> {
        let b = self.src.as_bytes();
        let mut i = pos;
        while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\x0c') {
            i += 1;
        }
        b.get(i).map(|&c| (i, c))
    }

    fn prev_non_space(&self, pos: usize) -> Option<(usize, u8)> {
        let b = self.src.as_bytes();
        let mut i = pos;
        while i > 0 {
            i -= 1;
            if !matches!(b[i], b' ' | b'\t' | b'\x0c') {
                return Some((i, b[i]));
            }
        }
        None
    }

    /// The simple statement (at any nesting) whose range contains `pos`.
    fn statement_at(&self, pos: TextSize) -> Option<&Stmt> {
        let Mod::Module(m) = self.module else {
            return None;
        };
        let mut body: &[Stmt] = &m.body;
        let mut found = None;
        'outer: loop {
            for s in body {
                if s.range().contains_inclusive(pos) {
                    found = Some(s);
                    let inner: Option<&[Stmt]> = match s {
                        Stmt::FunctionDef(f) => Some(&f.body),
                        Stmt::ClassDef(c) => Some(&c.body),
                        Stmt::For(f) => Some(
                            if f.body.iter().any(|x| x.range().contains_inclusive(pos)) {
                                &f.body
                            } else {
                                &f.orelse
                            },
                        ),
                        Stmt::While(w) => Some(
                            if w.body.iter().any(|x| x.range().contains_inclusive(pos)) {
                                &w.body
                            } else {
                                &w.orelse
                            },
                        ),
                        Stmt::If(i) => {
                            if i.body.iter().any(|x| x.range().contains_inclusive(pos)) {
                                Some(&i.body)
                            } else {
                                i.elif_else_clauses
                                    .iter()
                                    .find(|c| c.range.contains_inclusive(pos))
                                    .map(|c| c.body.as_slice())
                            }
                        }
                        Stmt::With(w) => Some(&w.body),
                        Stmt::Try(t) => {
                            let mut b: Option<&[Stmt]> = None;
                            for part in [&t.body, &t.orelse, &t.finalbody] {
                                if part.iter().any(|x| x.range().contains_inclusive(pos)) {
                                    b = Some(part);
                                }
                            }
                            for h in &t.handlers {
                                let ast::ExceptHandler::ExceptHandler(h) = h;
                                if h.body.iter().any(|x| x.range().contains_inclusive(pos)) {
                                    b = Some(&h.body);
                                }
                            }
                            b
                        }
                        Stmt::Match(m) => m
                            .cases
                            .iter()
                            .find(|c| c.range.contains_inclusive(pos))
                            .map(|c| c.body.as_slice()),
                        _ => None,
                    };
                    match inner {
                        Some(b) if b.iter().any(|x| x.range().contains_inclusive(pos)) => {
                            body = b;
                            continue 'outer;
                        }
                        _ => break 'outer,
                    }
                }
            }
            break;
        }
        found
    }

    fn map(&self, e: &ParseError) -> Failure {
        let loc = e.location;
        let start = loc.start().to_usize();
        match &e.error {
            ParseErrorType::ExpectedToken { expected, found } => {
                let expected = format!("{expected}");
                let found_s = format!("{found}");
                if expected == "`:`" {
                    if found_s == "`=`"
                        && let Some(f) = self.if_assign(loc)
                    {
                        return f;
                    }
                    if self.in_dict_display(start) && found_s != "newline" {
                        let key_start = self.item_start(start);
                        return syntax(
                            "':' expected after dictionary key",
                            range(key_start, start),
                        );
                    }
                    if self.line_starts_block(loc.start()) {
                        return syntax("expected ':'", loc);
                    }
                    return syntax("invalid syntax", loc);
                }
                if expected == "`else`"
                    && let Some(f) = self.ternary_without_else(loc)
                {
                    return f;
                }
                if let Some(f) = self.augassign_tuple(loc, &found_s) {
                    return f;
                }
                if let Some(f) = self.missing_comma(loc) {
                    return f;
                }
                syntax("invalid syntax", loc)
            }
            ParseErrorType::SimpleStatementsOnSameLine => {
                if let Some(f) = self.legacy_statement(loc) {
                    return f;
                }
                if let Some(f) = self.missing_comma(loc) {
                    return f;
                }
                syntax("invalid syntax", loc)
            }
            ParseErrorType::ExpectedExpression => {
                if let Some((_, b'*')) = self.prev_non_space(start)
                    && matches!(self.src.as_bytes().get(start), Some(b')' | b','))
                {
                    return syntax("Invalid star expression", loc);
                }
                if self.in_fstring_field(start) && self.src.as_bytes().get(start) == Some(&b'}') {
                    return syntax("f-string: valid expression required before '}'", loc);
                }
                if let Some((colon, b':')) = self.prev_non_space(start)
                    && self.in_dict_display(start)
                {
                    return syntax(
                        "expression expected after dictionary key and ':'",
                        range(colon, colon + 1),
                    );
                }
                syntax("invalid syntax", loc)
            }
            ParseErrorType::UnexpectedIndentation => {
                let (line, _) = self.lines.line_col(loc.start());
                let ls = self.lines.line_start(line);
                let indent = self.src[ls..]
                    .bytes()
                    .take_while(|b| matches!(b, b' ' | b'\t' | b'\x0c'))
                    .count();
                let pos = (ls + indent).saturating_sub(1);
                Failure {
                    kind: CompileErrorKind::IndentationError,
                    message: "unexpected indent".to_string(),
                    range: range(pos, pos),
                }
            }
            ParseErrorType::OtherError(msg) => self.map_other(msg, loc),
            ParseErrorType::InvalidAssignmentTarget => {
                self.invalid_target(loc, "cannot assign to", true)
            }
            ParseErrorType::InvalidDeleteTarget => self.invalid_target(loc, "cannot delete", false),
            ParseErrorType::InvalidAnnotatedAssignmentTarget => {
                let name = parse_fragment(self.text(loc)).map_or("expression", |x| expr_name(&x));
                let msg = match name {
                    "list" | "tuple" => format!("only single target (not {name}) can be annotated"),
                    _ => "illegal target for annotation".to_string(),
                };
                syntax(msg, loc)
            }
            ParseErrorType::InvalidAugmentedAssignmentTarget => {
                let name = parse_fragment(self.text(loc)).map_or("expression", |x| expr_name(&x));
                syntax(
                    format!("'{name}' is an illegal expression for augmented assignment"),
                    loc,
                )
            }
            ParseErrorType::InvalidNamedAssignmentTarget => {
                let name = parse_fragment(self.text(loc)).map_or("expression", |x| expr_name(&x));
                syntax(
                    format!("cannot use assignment expressions with {name}"),
                    loc,
                )
            }
            ParseErrorType::PositionalAfterKeywordArgument => syntax(
                "positional argument follows keyword argument",
                self.call_close(loc),
            ),
            ParseErrorType::PositionalAfterKeywordUnpacking => syntax(
                "positional argument follows keyword argument unpacking",
                self.call_close(loc),
            ),
            ParseErrorType::InvalidArgumentUnpackingOrder => {
                let comma = match self.prev_non_space(start) {
                    Some((i, b',')) => i,
                    _ => start,
                };
                syntax(
                    "iterable argument unpacking follows keyword argument unpacking",
                    range(comma, loc.end().to_usize()),
                )
            }
            ParseErrorType::UnparenthesizedGeneratorExpression => {
                syntax("Generator expression must be parenthesized", loc)
            }
            ParseErrorType::NonDefaultParamAfterDefaultParam => syntax(
                "parameter without a default follows parameter with a default",
                loc,
            ),
            ParseErrorType::ExpectedKeywordParam => {
                let star = self.src[..loc.end().to_usize()]
                    .rfind('*')
                    .map_or(start, |i| {
                        // `*, **kw`: the bare star is the one before the comma.
                        let head = &self.src[..i];
                        if let Some(stripped) = head.strip_suffix('*') {
                            stripped.rfind('*').unwrap_or(i)
                        } else {
                            i
                        }
                    });
                syntax("named arguments must follow bare *", range(star, star + 1))
            }
            ParseErrorType::ParamAfterVarKeywordParam => {
                syntax("arguments cannot follow var-keyword argument", loc)
            }
            ParseErrorType::VarParameterWithDefault => {
                let is_kw = self.prev_non_space(start).is_some();
                let text = &self.src[self.lines.line_start(self.line_of(loc.start()))..start];
                let msg = if text.trim_end().ends_with("**") || !is_kw {
                    "var-keyword argument cannot have default value"
                } else {
                    "var-positional argument cannot have default value"
                };
                syntax(msg, loc)
            }
            ParseErrorType::IterableUnpackingInComprehension => {
                syntax("iterable unpacking cannot be used in comprehension", loc)
            }
            ParseErrorType::EmptyImportNames => syntax(
                "Expected one or more names after 'import'",
                range(start, start),
            ),
            ParseErrorType::FStringError(fe) => self.map_fstring(fe, loc),
            ParseErrorType::Lexical(lex) => self.map_lexical(lex, loc),
            ParseErrorType::InvalidStarredExpressionUsage => {
                syntax("can't use starred expression here", loc)
            }
            ParseErrorType::InvalidYieldExpressionUsage
            | ParseErrorType::InvalidLambdaExpressionUsage => syntax("invalid syntax", loc),
            _ => syntax("invalid syntax", loc),
        }
    }

    fn map_other(&self, msg: &str, loc: TextRange) -> Failure {
        if msg.starts_with("Expected an indented block after")
            && let Some((cpython, keywords)) = header_description(msg)
        {
            let err_line = self.line_of(loc.start());
            let mut header_line = err_line;
            let mut l = err_line;
            while l > 1 {
                l -= 1;
                let text = self.lines.line_text(l);
                let kw = line_keyword(&text);
                if keywords.contains(&kw) {
                    header_line = l;
                    if kw == "except" && text.trim_start()[6..].trim_start().starts_with('*') {
                        return Failure {
                            kind: CompileErrorKind::IndentationError,
                            message: format!(
                                "expected an indented block after 'except*' statement on line {header_line}"
                            ),
                            range: loc,
                        };
                    }
                    break;
                }
            }
            return Failure {
                kind: CompileErrorKind::IndentationError,
                message: format!(
                    "expected an indented block after {cpython} on line {header_line}"
                ),
                range: loc,
            };
        }
        if msg == "Trailing comma not allowed" {
            let p = loc.end().to_usize();
            return syntax(
                "trailing comma not allowed without surrounding parentheses",
                range(p, p + 1),
            );
        }
        if msg == "Expected a parameter name" {
            let text = self.text(loc);
            if matches!(text, "True" | "False" | "None") {
                let end = self
                    .next_non_space(loc.end().to_usize())
                    .map_or(loc.end().to_usize(), |(i, _)| i + 1);
                return syntax(
                    format!("cannot assign to {text}"),
                    range(loc.start().to_usize(), end),
                );
            }
            if let Some((i, b'=')) = self.next_non_space(loc.end().to_usize()) {
                return syntax(
                    "expression cannot contain assignment, perhaps you meant \"==\"?",
                    range(loc.start().to_usize(), i + 1),
                );
            }
        }
        syntax("invalid syntax", loc)
    }

    fn map_fstring(
        &self,
        fe: &ruff_python_parser::InterpolatedStringErrorType,
        loc: TextRange,
    ) -> Failure {
        use ruff_python_parser::InterpolatedStringErrorType as F;
        match fe {
            F::UnclosedLbrace => {
                if self.in_format_spec(loc.start().to_usize()) {
                    return syntax("f-string: expecting '}', or format specs", loc);
                }
                syntax("f-string: expecting '}'", loc)
            }
            F::InvalidConversionFlag => {
                let text = self.text(loc);
                if text.is_empty() || text.starts_with('}') || text.starts_with(':') {
                    return syntax(
                        "f-string: missing conversion character",
                        range(loc.start().to_usize(), loc.start().to_usize() + 1),
                    );
                }
                let c = text.chars().next().unwrap_or('?');
                syntax(
                    format!(
                        "f-string: invalid conversion character '{c}': expected 's', 'r', or 'a'"
                    ),
                    loc,
                )
            }
            F::SingleRbrace => syntax("f-string: single '}' is not allowed", loc),
            F::LambdaWithoutParentheses => syntax(
                "f-string: lambda expressions are not allowed without parentheses",
                loc,
            ),
            F::ConversionFlagNotImmediatelyAfterExclamation => syntax(
                "f-string: conversion type must come right after the exclamanation mark",
                loc,
            ),
            F::NewlineInFormatSpec => syntax(
                "f-string: newlines are not allowed in format specifiers for single quoted f-strings",
                loc,
            ),
            F::UnterminatedString | F::UnterminatedTripleQuotedString => {
                syntax("f-string: expecting '}'", loc)
            }
        }
    }

    fn map_lexical(&self, lex: &LexicalErrorType, loc: TextRange) -> Failure {
        match lex {
            LexicalErrorType::UnrecognizedToken { tok }
                if tok.is_ascii() && !tok.is_ascii_control() =>
            {
                let p = loc.start().to_usize();
                syntax("invalid syntax", range(p, p + 1))
            }
            LexicalErrorType::UnrecognizedToken { tok } => {
                let c = *tok;
                let printable = !c.is_control()
                    && !matches!(c as u32, 0xa0 | 0xad | 0x2000..=0x200f | 0x2028..=0x202f | 0x205f..=0x206f | 0x3000 | 0xfeff);
                let msg = if printable {
                    format!("invalid character '{c}' (U+{:04X})", c as u32)
                } else {
                    format!("invalid non-printable character U+{:04X}", c as u32)
                };
                syntax(msg, range(loc.start().to_usize(), loc.start().to_usize()))
            }
            LexicalErrorType::Eof => syntax("unexpected EOF while parsing", loc),
            LexicalErrorType::FStringError(fe) => self.map_fstring(fe, loc),
            LexicalErrorType::InvalidByteLiteral => syntax(
                "bytes can only contain ASCII literal characters",
                self.string_token(loc.start()).unwrap_or(loc),
            ),
            LexicalErrorType::UnicodeError
            | LexicalErrorType::MissingUnicodeLbrace
            | LexicalErrorType::MissingUnicodeRbrace => self.escape_error(loc),
            LexicalErrorType::OtherError(msg) => {
                if msg.contains("Invalid decimal integer literal") {
                    return syntax(
                        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                        loc,
                    );
                }
                syntax("invalid syntax", loc)
            }
            _ => syntax("invalid syntax", loc),
        }
    }

    /// Whether the line holding `pos` starts a compound statement (so a missing colon reads
    /// "expected ':'").
    fn line_starts_block(&self, pos: TextSize) -> bool {
        let line = self.line_of(pos);
        let mut l = line;
        loop {
            let line_text = self.lines.line_text(l);
            let kw = line_keyword(&line_text);
            if matches!(
                kw,
                "if" | "elif"
                    | "else"
                    | "while"
                    | "for"
                    | "def"
                    | "class"
                    | "with"
                    | "try"
                    | "except"
                    | "finally"
                    | "async"
                    | "match"
                    | "case"
            ) {
                return true;
            }
            if l <= 1 || line - l > 50 {
                return false;
            }
            l -= 1;
        }
    }

    fn in_dict_display(&self, pos: usize) -> bool {
        let before = &self.src[..pos];
        let mut depth = 0i32;
        for c in before.bytes().rev() {
            match c {
                b')' | b']' | b'}' => depth += 1,
                b'(' | b'[' => {
                    if depth == 0 {
                        return false;
                    }
                    depth -= 1;
                }
                b'{' => {
                    if depth == 0 {
                        return true;
                    }
                    depth -= 1;
                }
                b'\n' => {}
                _ => {}
            }
        }
        false
    }

    fn in_fstring_field(&self, pos: usize) -> bool {
        let line = self.line_of(TextSize::from(pos as u32));
        let ls = self.lines.line_start(line);
        let before = &self.src[ls..pos];
        before.contains("f\"")
            || before.contains("f'")
            || before.contains("F\"")
            || before.contains("F'")
    }

    /// The string token (prefix and quotes included) containing `pos`.
    fn string_token(&self, pos: TextSize) -> Option<TextRange> {
        let i = self.tokens.partition_point(|t| t.start() <= pos);
        let t = self.tokens.get(i.checked_sub(1)?)?;
        if t.range().contains_inclusive(pos) {
            Some(t.range())
        } else {
            None
        }
    }

    /// CPython's message for a bad escape in a str literal: the unicode-escape codec's
    /// error, with byte positions inside the literal's body, located at the whole token.
    fn escape_error(&self, loc: TextRange) -> Failure {
        let Some(token) = self.string_token(loc.start()) else {
            return syntax(
                "(unicode error) 'unicodeescape' codec can't decode bytes: malformed \\N character escape",
                loc,
            );
        };
        let text = self.text(token);
        let quote_at = text.find(['\'', '"']).unwrap_or(0);
        let q = text.as_bytes().get(quote_at).copied().unwrap_or(b'"');
        let qlen = if text[quote_at..].starts_with(&String::from_utf8_lossy(&[q, q, q]).to_string())
        {
            3
        } else {
            1
        };
        let body_start = token.start().to_usize() + quote_at + qlen;
        let body_end = token.end().to_usize().saturating_sub(qlen).max(body_start);
        let body = &self.src.as_bytes()[body_start..body_end];
        // Find the escape at or before the error offset.
        let err = loc.start().to_usize().max(body_start) - body_start;
        let mut esc = None;
        let mut i = 0;
        while i < body.len() {
            if body[i] == b'\\' {
                if i <= err {
                    esc = Some(i);
                }
                i += 2;
            } else {
                i += 1;
            }
        }
        let Some(s0) = esc else {
            return syntax(
                "(unicode error) 'unicodeescape' codec can't decode bytes: malformed \\N character escape",
                token,
            );
        };
        let kind = body.get(s0 + 1).copied().unwrap_or(b' ');
        let hex_run = |from: usize, max: usize| {
            body[from.min(body.len())..]
                .iter()
                .take(max)
                .take_while(|c| c.is_ascii_hexdigit())
                .count()
        };
        let (end, reason) = match kind {
            b'x' => (
                s0 + 1 + hex_run(s0 + 2, 2),
                "truncated \\xXX escape".to_string(),
            ),
            b'u' => (
                s0 + 1 + hex_run(s0 + 2, 4),
                "truncated \\uXXXX escape".to_string(),
            ),
            b'U' => {
                let n = hex_run(s0 + 2, 8);
                if n == 8 {
                    (s0 + 9, "illegal Unicode character".to_string())
                } else {
                    (s0 + 1 + n, "truncated \\UXXXXXXXX escape".to_string())
                }
            }
            b'N' => {
                if body.get(s0 + 2) == Some(&b'{') {
                    match body[s0 + 2..].iter().position(|&c| c == b'}') {
                        Some(k) if k > 1 => {
                            (s0 + 2 + k, "unknown Unicode character name".to_string())
                        }
                        _ => (s0 + 1, "malformed \\N character escape".to_string()),
                    }
                } else {
                    (s0 + 1, "malformed \\N character escape".to_string())
                }
            }
            _ => (s0 + 1, "malformed \\N character escape".to_string()),
        };
        syntax(
            format!(
                "(unicode error) 'unicodeescape' codec can't decode bytes in position {s0}-{end}: {reason}"
            ),
            token,
        )
    }

    /// Start of the item (after the last `,` or opening bracket at this level) ending before
    /// `pos`.
    fn item_start(&self, pos: usize) -> usize {
        let b = self.src.as_bytes();
        let mut depth = 0i32;
        let mut i = pos;
        while i > 0 {
            i -= 1;
            match b[i] {
                b')' | b']' | b'}' => depth += 1,
                b'(' | b'[' | b'{' if depth == 0 => break,
                b'(' | b'[' | b'{' => depth -= 1,
                b',' | b':' if depth == 0 => break,
                _ => continue,
            }
            if depth < 0 {
                break;
            }
        }
        self.next_non_space(i + 1).map_or(pos, |(j, _)| j).min(pos)
    }

    /// The closing bracket of the call whose arguments contain `loc` (CPython reports
    /// argument-order errors at the token after the arguments).
    fn call_close(&self, loc: TextRange) -> TextRange {
        let b = self.src.as_bytes();
        let mut depth = 0i32;
        let mut i = loc.end().to_usize();
        while i < b.len() {
            match b[i] {
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => {
                    if depth == 0 {
                        return range(i, i + 1);
                    }
                    depth -= 1;
                }
                _ => {}
            }
            i += 1;
        }
        loc
    }

    /// Whether `pos` is inside the format spec of an f-string replacement field.
    fn in_format_spec(&self, pos: usize) -> bool {
        let Some(open) = self.src[..pos].rfind('{') else {
            return false;
        };
        let field = &self.src[open + 1..pos];
        let mut depth = 0i32;
        for c in field.chars() {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth -= 1,
                ':' if depth == 0 => return true,
                _ => {}
            }
        }
        // A nested `{` inside a spec: look at the enclosing field.
        self.src[..open]
            .rfind('{')
            .is_some_and(|outer| self.src[outer + 1..open].contains(':'))
    }

    /// `a, b += 1`: an augmented assignment to a tuple.
    fn augassign_tuple(&self, loc: TextRange, found: &str) -> Option<Failure> {
        let op = found.trim_matches('`');
        let aug = [
            "+=", "-=", "*=", "/=", "//=", "%=", "**=", "@=", "&=", "|=", "^=", ">>=", "<<=",
        ];
        if !aug.contains(&op) {
            return None;
        }
        let line = self.line_of(loc.start());
        let ls = self.lines.line_start(line);
        let target_start = self.next_non_space(ls)?.0;
        let target_end = self.prev_non_space(loc.start().to_usize())?.0 + 1;
        Some(syntax(
            "'tuple' is an illegal expression for augmented assignment",
            range(target_start, target_end),
        ))
    }

    /// `if x = 1:` and friends.
    fn if_assign(&self, loc: TextRange) -> Option<Failure> {
        let eq = loc.start().to_usize();
        let line = self.line_of(loc.start());
        let ls = self.lines.line_start(line);
        let head = &self.src[ls..eq];
        let kw = line_keyword(head);
        if !matches!(kw, "if" | "elif" | "while") {
            return None;
        }
        let kw_pos = ls + head.find(kw)? + kw.len();
        let lhs_start = self.next_non_space(kw_pos)?.0;
        let lhs = parse_fragment(&self.src[lhs_start..eq])?;
        let line_end = ls + self.lines.line_text(line).trim_end_matches('\n').len();
        let rest = &self.src[eq + 1..line_end];
        let rhs_len = rest.find(':').unwrap_or(rest.len());
        let rhs_end = eq + 1 + rest[..rhs_len].trim_end().len();
        if matches!(lhs, Expr::Name(_)) {
            return Some(syntax(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                range(lhs_start, rhs_end),
            ));
        }
        let lhs_end = lhs_start + self.src[lhs_start..eq].trim_end().len();
        Some(syntax(
            format!(
                "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                expr_name(&lhs)
            ),
            range(lhs_start, lhs_end),
        ))
    }

    /// `x = 1 if 2` (no `else`): the error covers the conditional expression so far.
    fn ternary_without_else(&self, loc: TextRange) -> Option<Failure> {
        let end = self.prev_non_space(loc.start().to_usize())?.0 + 1;
        let line = self.line_of(loc.start());
        let ls = self.lines.line_start(line);
        let text = &self.src[ls..end];
        let if_pos = text.rfind(" if ")?;
        let before = &text[..if_pos];
        let start = before.rfind(['=', '(', '[', ',', ':']).map_or(0, |p| p + 1);
        let start = ls + start + (before.len() - start - before[start..].trim_start().len());
        Some(syntax(
            "expected 'else' after 'if' expression",
            range(start, end),
        ))
    }

    /// Two expressions in a row inside brackets: "Perhaps you forgot a comma?" spanning both.
    fn missing_comma(&self, loc: TextRange) -> Option<Failure> {
        let start = loc.start().to_usize();
        let bracket = self.open_bracket_before(start)?;
        let prev_end = self.prev_non_space(start)?.0 + 1;
        // The previous expression starts after the last separator at this bracket level.
        let inner = &self.src[bracket + 1..prev_end];
        let mut depth = 0i32;
        let mut sep = 0;
        for (i, c) in inner.char_indices() {
            match c {
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth -= 1,
                ',' | ':' if depth == 0 => sep = i + 1,
                _ => {}
            }
        }
        let a_start = bracket + 1 + sep + (inner.len() - sep - inner[sep..].trim_start().len());
        let b_expr_end = self.expression_end(start)?;
        let a = parse_fragment(&self.src[a_start..prev_end])?;
        let _ = a;
        parse_fragment(&self.src[start..b_expr_end])?;
        Some(syntax(
            "invalid syntax. Perhaps you forgot a comma?",
            range(a_start, b_expr_end),
        ))
    }

    /// End of the expression starting at `start`: up to the next separator at its level.
    fn expression_end(&self, start: usize) -> Option<usize> {
        let mut depth = 0i32;
        let b = self.src.as_bytes();
        let mut i = start;
        while i < b.len() {
            match b[i] {
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                }
                b',' | b':' | b'\n' if depth == 0 => break,
                b' ' if depth == 0 => {
                    // Stop at the next bare expression boundary (another operand).
                    if let Some((_, c)) = self.next_non_space(i)
                        && (c.is_ascii_alphanumeric()
                            || matches!(c, b'\'' | b'"' | b'(' | b'[' | b'{'))
                        && parse_fragment(&self.src[start..i]).is_some()
                    {
                        break;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        let end = start + self.src[start..i].trim_end().len();
        if end > start { Some(end) } else { None }
    }

    /// The unclosed opening bracket enclosing `pos`, if any.
    fn open_bracket_before(&self, pos: usize) -> Option<usize> {
        let b = self.src.as_bytes();
        let mut depth = 0i32;
        let mut i = pos;
        while i > 0 {
            i -= 1;
            match b[i] {
                b')' | b']' | b'}' => depth += 1,
                b'(' | b'[' | b'{' => {
                    if depth == 0 {
                        return Some(i);
                    }
                    depth -= 1;
                }
                _ => {}
            }
        }
        None
    }

    /// `print "x"` / `exec "x"`.
    fn legacy_statement(&self, loc: TextRange) -> Option<Failure> {
        let line = self.line_of(loc.start());
        let ls = self.lines.line_start(line);
        let head = self.src[ls..loc.start().to_usize()].trim();
        if head != "print" && head != "exec" {
            return None;
        }
        let start = ls + self.src[ls..].find(head)?;
        let line_text = self.lines.line_text(line);
        let end = ls + line_text.trim_end().len();
        Some(syntax(
            format!("Missing parentheses in call to '{head}'. Did you mean {head}(...)?"),
            range(start, end),
        ))
    }

    /// Invalid assignment or deletion targets, named by kind.
    fn invalid_target(&self, loc: TextRange, verb: &str, assign: bool) -> Failure {
        let Some(e) = parse_fragment(self.text(loc)) else {
            return syntax("invalid syntax", loc);
        };
        let name = expr_name(&e);
        if assign {
            let excluded = matches!(
                e,
                Expr::List(_)
                    | Expr::Tuple(_)
                    | Expr::Generator(_)
                    | Expr::NoneLiteral(_)
                    | Expr::BooleanLiteral(_)
            );
            let bitwise_level = !matches!(
                e,
                Expr::Compare(_)
                    | Expr::BoolOp(_)
                    | Expr::Lambda(_)
                    | Expr::If(_)
                    | Expr::Named(_)
                    | Expr::Starred(_)
            ) && !matches!(&e, Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not);
            let mut after = loc.end().to_usize();
            let mut before = loc.start().to_usize();
            while let (Some((i, b')')), Some((j, b'('))) =
                (self.next_non_space(after), self.prev_non_space(before))
            {
                after = i + 1;
                before = j;
            }
            let followed_by_assign = matches!(self.next_non_space(after), Some((i, b'=')) if self.src.as_bytes().get(i + 1) != Some(&b'='));
            let single_target = match self.statement_at(loc.start()) {
                Some(Stmt::Assign(a)) => a.targets.len() == 1,
                _ => false,
            };
            if !excluded && bitwise_level && followed_by_assign && single_target {
                return syntax(
                    format!("cannot assign to {name} here. Maybe you meant '==' instead of '='?"),
                    loc,
                );
            }
        }
        syntax(format!("{verb} {name}"), loc)
    }
}

/// The error CPython would report for a failed parse, if the parse failed.
pub(crate) fn first_error(
    parsed: &Parsed<Mod>,
    src: &str,
    lines: &LineIndex,
    scan: &ScanResult,
) -> Option<Failure> {
    let errors = parsed.errors();
    let unsupported = parsed.unsupported_syntax_errors();
    let mapper = Mapper {
        src,
        lines,
        module: parsed.syntax(),
        tokens: parsed.tokens(),
    };
    // Invalid characters are tokenizer errors in CPython: they win wherever they are.
    if let Some(e) = errors.iter().find(|e| matches!(e.error, ParseErrorType::Lexical(LexicalErrorType::UnrecognizedToken { tok }) if !tok.is_ascii())) {
        return Some(mapper.map(e));
    }
    let first_parse = errors.iter().min_by_key(|e| e.location.start());
    let first_unsupported = unsupported
        .iter()
        .filter(|u| {
            matches!(
                u.kind,
                UnsupportedSyntaxErrorKind::UnpackingInComprehension(_)
                    | UnsupportedSyntaxErrorKind::UnparenthesizedExceptionTypes
                    | UnsupportedSyntaxErrorKind::TemplateStrings
                    | UnsupportedSyntaxErrorKind::LazyImportStatement
            )
        })
        .min_by_key(|u| u.range.start());
    let failure = match (first_parse, first_unsupported) {
        (Some(p), Some(u)) if u.range.start() < p.location.start() => {
            map_unsupported(u.kind, u.range)
        }
        (Some(p), _) => {
            let f = mapper.map(p);
            if let Some((ch, pos, line)) = scan.open_at_eof {
                // CPython's failing token is the next real token: inside brackets its
                // tokenizer skips newlines, where ruff may re-lex an unclosed bracket
                // and report the error at the end of the previous line.
                let token_at = next_token_start(src, p.location.start().to_usize());
                let at_eof = matches!(p.error, ParseErrorType::Lexical(LexicalErrorType::Eof))
                    || token_at >= src.trim_end().len();
                let err_line = lines.line_col(TextSize::from(token_at as u32)).0;
                if at_eof || err_line > line {
                    return Some(syntax(format!("'{ch}' was never closed"), range(pos, pos)));
                }
            }
            f
        }
        (None, Some(u)) => map_unsupported(u.kind, u.range),
        (None, None) => return None,
    };
    Some(failure)
}

/// The offset of the first token at or after `pos`, skipping what CPython's tokenizer
/// skips inside brackets: blanks, newlines, line continuations and comments.
fn next_token_start(src: &str, pos: usize) -> usize {
    let bytes = src.as_bytes();
    let mut i = pos.min(bytes.len());
    while i < bytes.len() {
        match bytes[i] {
            b' ' | b'\t' | b'\x0c' | b'\r' | b'\n' => i += 1,
            b'\\' if matches!(bytes.get(i + 1), Some(b'\n' | b'\r')) => i += 2,
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            _ => break,
        }
    }
    i
}

fn map_unsupported(kind: UnsupportedSyntaxErrorKind, r: TextRange) -> Failure {
    match kind {
        UnsupportedSyntaxErrorKind::UnpackingInComprehension(k)
            if format!("{k:?}").contains("Dict") =>
        {
            syntax("dict unpacking cannot be used in dict comprehension", r)
        }
        UnsupportedSyntaxErrorKind::UnpackingInComprehension(_) => {
            syntax("iterable unpacking cannot be used in comprehension", r)
        }
        UnsupportedSyntaxErrorKind::UnparenthesizedExceptionTypes => {
            syntax("multiple exception types must be parenthesized", r)
        }
        _ => syntax("invalid syntax", r),
    }
}

/// Moves every expression out of its parent into a work list, so dropping needs no deep
/// recursion.
struct Dismantler {
    pending: RefCell<Vec<Expr>>,
}

impl Transformer for Dismantler {
    fn visit_expr(&self, expr: &mut Expr) {
        let taken = std::mem::replace(expr, Expr::NoneLiteral(ast::ExprNoneLiteral::default()));
        self.pending.borrow_mut().push(taken);
    }
}

/// Drops a parsed tree without recursing along its expression chains.
pub(crate) fn drop_iteratively(mut module: Mod) {
    let d = Dismantler {
        pending: RefCell::new(Vec::new()),
    };
    match &mut module {
        Mod::Module(m) => {
            for s in m.body.iter_mut() {
                transformer::walk_stmt(&d, s);
            }
        }
        Mod::Expression(e) => d.visit_expr(&mut e.body),
    }
    drop(module);
    loop {
        let next = d.pending.borrow_mut().pop();
        let Some(mut e) = next else { break };
        transformer::walk_expr(&d, &mut e);
        drop(e);
    }
}
