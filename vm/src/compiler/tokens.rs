//! A pre-scan of the source that mirrors CPython's tokenizer closely enough to report the
//! errors CPython's *tokenizer* raises — with its messages and positions — before the ruff
//! parser sees the text: unterminated strings, invalid number literals, unmatched or
//! mismatched brackets, `too many nested parentheses`, bad line continuations, indentation
//! that matches no outer level, inconsistent tabs, and the f-string errors the tokenizer
//! detects (`single '}'`, `expecting '}'`).
//!
//! CPython reports a tokenizer error even when the parser failed earlier in the file (after
//! a parse error it tokenizes the rest of the file and a tokenizer error replaces the parse
//! error), so the first error found here wins and the parser is not run at all. That also
//! protects ruff's recursive-descent parser: bracket nesting is capped at 200 as in CPython,
//! and long chains of prefix operators (`- - - ... x`, `not not ...`), which CPython's parser
//! rejects with `MemoryError: Parser stack overflowed`, are rejected here.
//!
//! When the scanner meets a construct it does not model exactly it stops quietly and leaves
//! the judgement to the parser: it must never reject valid code.

use ruff_text_size::{TextRange, TextSize};

use crate::bytecode::code::CompileErrorKind;

use super::error::Failure;

/// CPython's `MAXLEVEL`: bracket nesting limit.
const MAX_LEVEL: usize = 200;
/// CPython's `MAXINDENT`.
const MAX_INDENT: usize = 100;
/// Prefix-operator nesting at which CPython's parser stack (6000 levels, about 33 of them
/// used by a module-level statement) overflows.
const MAX_PREFIX_RUN: u32 = 5967;

/// What the scan found.
#[derive(Debug, Default)]
pub(crate) struct ScanResult {
    /// A tokenizer error (or resource limit) to report without parsing.
    pub fatal: Option<Failure>,
    /// The innermost bracket still open at end of input: (character, byte offset, line).
    pub open_at_eof: Option<(char, usize, u32)>,
}

#[derive(Clone, Copy)]
struct Bracket {
    ch: u8,
    pos: usize,
    line: u32,
    /// Prefix-operator run outside this bracket, restored when it closes.
    run: u32,
    /// Whether this is the `{` of an f-string replacement field.
    fstring_field: bool,
}

/// Stops the scan: either an error to report, or "not modelled" (leave it to the parser).
enum Stop {
    Error(Failure),
    GiveUp,
}

type SResult<T> = Result<T, Stop>;

struct Scanner<'s> {
    src: &'s str,
    b: &'s [u8],
    pos: usize,
    line: u32,
    line_start: usize,
    brackets: Vec<Bracket>,
    indents: Vec<(usize, usize)>,
    at_line_start: bool,
    run: u32,
    /// Whether the next `+`/`-` would be a prefix (unary) operator.
    prefix_position: bool,
    /// Quotes of the f-strings we are inside (quote byte, triple), innermost last.
    fstring_quotes: Vec<(u8, bool)>,
    /// Whether the next token starts a statement (`if`/`else` there are statements, not
    /// parts of a conditional expression).
    statement_start: bool,
    /// `lambda`s whose `:` has not been seen yet (that `:` continues the prefix run).
    pending_lambdas: u32,
}

pub(crate) fn prescan(src: &str) -> ScanResult {
    let mut s = Scanner {
        src,
        b: src.as_bytes(),
        pos: 0,
        line: 1,
        line_start: 0,
        brackets: Vec::new(),
        indents: vec![(0, 0)],
        at_line_start: true,
        run: 0,
        prefix_position: true,
        fstring_quotes: Vec::new(),
        statement_start: true,
        pending_lambdas: 0,
    };
    let mut result = ScanResult::default();
    match s.scan() {
        Ok(()) => {
            if let Some(br) = s.brackets.last() {
                result.open_at_eof = Some((br.ch as char, br.pos, br.line));
            }
        }
        Err(Stop::Error(f)) => result.fatal = Some(f),
        Err(Stop::GiveUp) => {}
    }
    result
}

fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c >= 0x80
}

fn is_ident_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

fn at(pos: usize) -> TextRange {
    TextRange::empty(TextSize::from(pos as u32))
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn peek_at(&self, k: usize) -> Option<u8> {
        self.b.get(self.pos + k).copied()
    }

    /// Byte offset of the character before `pos` (CPython reports tokenizer errors at
    /// "the character just read").
    fn prev_char_start(&self, pos: usize) -> usize {
        let mut p = pos.saturating_sub(1);
        while p > 0 && !self.src.is_char_boundary(p) {
            p -= 1;
        }
        p
    }

    fn error_at(&self, pos: usize, msg: impl Into<String>) -> Stop {
        Stop::Error(Failure::syntax(msg, at(pos)))
    }

    /// An error reported with CPython's "current position" convention: the offset points at
    /// the last character consumed.
    fn error_here(&self, msg: impl Into<String>) -> Stop {
        self.error_at(self.prev_char_start(self.pos), msg)
    }

    fn newline(&mut self) {
        // self.pos is just past the line terminator.
        self.line += 1;
        self.line_start = self.pos;
    }

    /// Consumes a line terminator at `pos` if there is one.
    fn eat_newline(&mut self) -> bool {
        match self.peek() {
            Some(b'\n') => {
                self.pos += 1;
                self.newline();
                true
            }
            Some(b'\r') => {
                self.pos += 1;
                if self.peek() == Some(b'\n') {
                    self.pos += 1;
                }
                self.newline();
                true
            }
            _ => false,
        }
    }

    fn scan(&mut self) -> SResult<()> {
        loop {
            if self.at_line_start && self.brackets.is_empty() {
                self.indentation()?;
                self.at_line_start = false;
            }
            let Some(c) = self.peek() else { return Ok(()) };
            match c {
                b' ' | b'\t' | 0x0c => self.pos += 1,
                b'#' => self.skip_comment(),
                b'\n' | b'\r' => {
                    self.eat_newline();
                    if self.brackets.is_empty() {
                        self.at_line_start = true;
                        self.run = 0;
                        self.prefix_position = true;
                        self.statement_start = true;
                        self.pending_lambdas = 0;
                    }
                }
                b'\\' => self.continuation()?,
                _ => self.token()?,
            }
        }
    }

    fn skip_comment(&mut self) {
        while let Some(c) = self.peek() {
            if c == b'\n' || c == b'\r' {
                break;
            }
            self.pos += 1;
        }
    }

    fn continuation(&mut self) -> SResult<()> {
        self.pos += 1;
        match self.peek() {
            None => {
                // CPython: `unexpected EOF while parsing`, one past the backslash.
                Err(self.error_at(self.pos, "unexpected EOF while parsing"))
            }
            Some(b'\n') | Some(b'\r') => {
                self.eat_newline();
                if self.peek().is_none() {
                    return Err(self.error_at(
                        self.prev_char_start(self.pos),
                        "unexpected EOF while parsing",
                    ));
                }
                Ok(())
            }
            Some(_) => {
                self.pos += 1;
                let p = self.prev_char_start(self.pos);
                Err(self.error_at(p, "unexpected character after line continuation character"))
            }
        }
    }

    /// Indentation at the start of a logical line (CPython computes a column with tabs to
    /// multiples of 8 and an "alternate" column with tabs as 1, which must agree).
    fn indentation(&mut self) -> SResult<()> {
        let mut col = 0usize;
        let mut altcol = 0usize;
        loop {
            match self.peek() {
                Some(b' ') => {
                    col += 1;
                    altcol += 1;
                }
                Some(b'\t') => {
                    col = (col / 8 + 1) * 8;
                    altcol += 1;
                }
                Some(0x0c) => {
                    col = 0;
                    altcol = 0;
                }
                _ => break,
            }
            self.pos += 1;
        }
        match self.peek() {
            None | Some(b'#') | Some(b'\n') | Some(b'\r') => return Ok(()),
            Some(b'\\') => return Ok(()),
            _ => {}
        }
        let (top, alttop) = self.indents.last().copied().unwrap_or((0, 0));
        if col == top {
            if altcol != alttop {
                return Err(self.tab_error());
            }
        } else if col > top {
            if self.indents.len() >= MAX_INDENT {
                return Err(Stop::Error(Failure {
                    kind: CompileErrorKind::IndentationError,
                    message: "too many levels of indentation".to_string(),
                    range: at(self.line_start),
                }));
            }
            if altcol <= alttop {
                return Err(self.tab_error());
            }
            self.indents.push((col, altcol));
        } else {
            while self.indents.len() > 1 && self.indents.last().is_some_and(|&(t, _)| col < t) {
                self.indents.pop();
            }
            let (top, alttop) = self.indents.last().copied().unwrap_or((0, 0));
            if col != top {
                // CPython points one past the end of the line (including its newline).
                let mut end = self.pos;
                while end < self.b.len() && self.b[end] != b'\n' && self.b[end] != b'\r' {
                    end += 1;
                }
                let pos = if end < self.b.len() {
                    end
                } else {
                    self.b.len()
                };
                return Err(Stop::Error(Failure {
                    kind: CompileErrorKind::IndentationError,
                    message: "unindent does not match any outer indentation level".to_string(),
                    range: at(pos),
                }));
            }
            if altcol != alttop {
                return Err(self.tab_error());
            }
        }
        Ok(())
    }

    fn tab_error(&self) -> Stop {
        Stop::Error(Failure {
            kind: CompileErrorKind::TabError,
            message: "inconsistent use of tabs and spaces in indentation".to_string(),
            range: at(self.line_start),
        })
    }

    fn bump_run(&mut self, by: u32) -> SResult<()> {
        self.run += by;
        if self.run >= MAX_PREFIX_RUN {
            return Err(Stop::Error(Failure {
                kind: CompileErrorKind::MemoryError,
                message: "Parser stack overflowed - Python source too complex to parse".to_string(),
                range: at(self.pos),
            }));
        }
        Ok(())
    }

    fn token(&mut self) -> SResult<()> {
        let Some(c) = self.peek() else { return Ok(()) };
        if !is_ident_start(c) && c != b';' && c != b':' {
            self.statement_start = false;
        }
        if is_ident_start(c) {
            let start = self.pos;
            while self.peek().is_some_and(is_ident_char) {
                self.pos += 1;
            }
            let word = &self.src[start..self.pos];
            if let Some(q @ (b'\'' | b'"')) = self.peek()
                && let Some(flags) = string_prefix(word)
            {
                return self.string(start, q, flags);
            }
            let statement_start = std::mem::replace(&mut self.statement_start, false);
            match word {
                "not" => {
                    self.bump_run(1)?;
                    self.prefix_position = true;
                }
                "lambda" => {
                    self.bump_run(2)?;
                    self.pending_lambdas += 1;
                    self.prefix_position = true;
                }
                // In a conditional expression `a if b else c if ...`, each `else` nests the
                // rest one level deeper; `if` does not end the nesting.
                "else" | "if" if !statement_start => {
                    if word == "else" {
                        self.bump_run(1)?;
                    }
                    self.prefix_position = true;
                }
                "else" | "elif" | "try" | "finally" | "match" | "case" if statement_start => {
                    self.run = 0;
                    self.prefix_position = true;
                }
                "and" | "or" | "in" | "is" | "if" | "for" | "yield" | "await" | "return"
                | "import" | "from" | "as" | "del" | "assert" | "raise" | "with" | "while"
                | "elif" | "def" | "class" | "global" | "nonlocal" | "async" | "except" | "try"
                | "finally" | "pass" | "break" | "continue" => {
                    self.run = 0;
                    self.prefix_position = true;
                }
                _ => self.prefix_position = false,
            }
            return Ok(());
        }
        if c.is_ascii_digit() || (c == b'.' && self.peek_at(1).is_some_and(|d| d.is_ascii_digit()))
        {
            self.number()?;
            self.prefix_position = false;
            return Ok(());
        }
        match c {
            b'\'' | b'"' => self.string(self.pos, c, StrFlags::default()),
            b'(' | b'[' | b'{' => self.open_bracket(c, false),
            b')' | b']' | b'}' => {
                if c == b'}' && self.brackets.last().is_some_and(|b| b.fstring_field) {
                    // End of an f-string replacement field; the caller handles it.
                    return Err(Stop::GiveUp);
                }
                self.close_bracket(c)
            }
            b'-' | b'+' | b'~' => {
                self.pos += 1;
                if c != b'~' && self.peek() == Some(b'=') {
                    self.pos += 1;
                    self.run = 0;
                    self.prefix_position = true;
                    return Ok(());
                }
                if c == b'-' && self.peek() == Some(b'>') {
                    self.pos += 1;
                    self.run = 0;
                    self.prefix_position = true;
                    return Ok(());
                }
                if self.prefix_position || c == b'~' {
                    self.bump_run(1)?;
                } else {
                    self.run = 0;
                }
                self.prefix_position = true;
                Ok(())
            }
            b'*' => {
                self.pos += 1;
                if self.peek() == Some(b'*') {
                    self.pos += 1;
                    if self.peek() == Some(b'=') {
                        self.pos += 1;
                        self.run = 0;
                    } else if !self.prefix_position {
                        self.bump_run(2)?;
                    }
                } else {
                    if self.peek() == Some(b'=') {
                        self.pos += 1;
                    }
                    self.run = 0;
                }
                self.prefix_position = true;
                Ok(())
            }
            c if c < 0x20 || c == 0x7f => {
                self.pos += 1;
                Err(self.error_here(format!("invalid non-printable character U+{:04X}", c)))
            }
            b':' if self.pending_lambdas > 0 && self.peek_at(1) != Some(b'=') => {
                // The colon of a lambda: its body nests inside the lambda.
                self.pos += 1;
                self.pending_lambdas -= 1;
                self.prefix_position = true;
                Ok(())
            }
            _ => {
                // Other operators and punctuation; CPython's parser judges the stray ones.
                self.pos += 1;
                self.run = 0;
                self.prefix_position = true;
                if matches!(c, b';' | b':') {
                    self.statement_start = true;
                }
                Ok(())
            }
        }
    }

    fn open_bracket(&mut self, c: u8, fstring_field: bool) -> SResult<()> {
        self.pos += 1;
        if self.brackets.len() >= MAX_LEVEL {
            return Err(self.error_here("too many nested parentheses"));
        }
        self.brackets.push(Bracket {
            ch: c,
            pos: self.pos - 1,
            line: self.line,
            run: self.run,
            fstring_field,
        });
        self.prefix_position = true;
        Ok(())
    }

    fn close_bracket(&mut self, c: u8) -> SResult<()> {
        self.pos += 1;
        let prefix = if self.fstring_quotes.is_empty() {
            ""
        } else {
            "f-string: "
        };
        let Some(open) = self.brackets.pop() else {
            return Err(self.error_here(format!("{prefix}unmatched '{}'", c as char)));
        };
        let expected = match open.ch {
            b'(' => b')',
            b'[' => b']',
            _ => b'}',
        };
        if open.fstring_field && c != b'}' {
            return Err(self.error_here(format!("f-string: unmatched '{}'", c as char)));
        }
        if c != expected {
            let msg = if open.line != self.line {
                format!(
                    "{prefix}closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                    c as char, open.ch as char, open.line
                )
            } else {
                format!(
                    "{prefix}closing parenthesis '{}' does not match opening parenthesis '{}'",
                    c as char, open.ch as char
                )
            };
            return Err(self.error_here(msg));
        }
        self.run = open.run;
        self.prefix_position = false;
        Ok(())
    }

    /// CPython's number tokenizer, with its error messages and positions.
    fn number(&mut self) -> SResult<()> {
        let start = self.pos;
        let c0 = self.b[self.pos];
        self.pos += 1;
        if c0 == b'.' {
            return self.fraction();
        }
        if c0 == b'0' {
            match self.peek() {
                Some(b'x' | b'X') => {
                    self.pos += 1;
                    return self.radix_digits(|c| c.is_ascii_hexdigit(), "hexadecimal", None);
                }
                Some(b'o' | b'O') => {
                    self.pos += 1;
                    return self.radix_digits(
                        |c| (b'0'..b'8').contains(&c),
                        "octal",
                        Some("octal"),
                    );
                }
                Some(b'b' | b'B') => {
                    self.pos += 1;
                    return self.radix_digits(|c| c == b'0' || c == b'1', "binary", Some("binary"));
                }
                _ => {}
            }
            // Zeros, possibly with underscores; other digits are not allowed after them.
            loop {
                match self.peek() {
                    Some(b'_') => {
                        self.pos += 1;
                        if !self.peek().is_some_and(|d| d.is_ascii_digit()) {
                            return Err(self.error_at(
                                self.prev_char_start(self.pos),
                                "invalid decimal literal",
                            ));
                        }
                    }
                    Some(b'0') => self.pos += 1,
                    _ => break,
                }
            }
            let zeros_end = self.pos;
            let mut nonzero = false;
            if self.peek().is_some_and(|d| d.is_ascii_digit()) {
                nonzero = true;
                self.decimal_tail()?;
            }
            match self.peek() {
                Some(b'.') => {
                    self.pos += 1;
                    return self.fraction();
                }
                Some(b'e' | b'E') => return self.exponent(),
                Some(b'j' | b'J') => return self.imaginary(),
                _ => {}
            }
            if nonzero {
                let _ = zeros_end;
                return Err(Stop::Error(Failure::syntax(
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    TextRange::new(
                        TextSize::from(start as u32),
                        TextSize::from(zeros_end as u32),
                    ),
                )));
            }
            return self.end_of_number("decimal");
        }
        self.pos = start;
        self.decimal_tail()?;
        match self.peek() {
            Some(b'.') => {
                self.pos += 1;
                self.fraction()
            }
            Some(b'e' | b'E') => self.exponent(),
            Some(b'j' | b'J') => self.imaginary(),
            _ => self.end_of_number("decimal"),
        }
    }

    fn radix_digits(
        &mut self,
        digit: impl Fn(u8) -> bool,
        kind: &str,
        bad_digit: Option<&str>,
    ) -> SResult<()> {
        loop {
            if self.peek() == Some(b'_') {
                self.pos += 1;
            }
            match self.peek() {
                Some(c) if digit(c) => {}
                Some(c) if bad_digit.is_some() && c.is_ascii_digit() => {
                    self.pos += 1;
                    return Err(self
                        .error_here(format!("invalid digit '{}' in {} literal", c as char, kind)));
                }
                _ => {
                    return Err(self.error_at(
                        self.prev_char_start(self.pos),
                        format!("invalid {kind} literal"),
                    ));
                }
            }
            while self.peek().is_some_and(&digit) {
                self.pos += 1;
            }
            if self.peek() != Some(b'_') {
                break;
            }
        }
        if bad_digit.is_some()
            && let Some(c) = self.peek().filter(u8::is_ascii_digit)
        {
            self.pos += 1;
            return Err(
                self.error_here(format!("invalid digit '{}' in {} literal", c as char, kind))
            );
        }
        self.end_of_number(kind)
    }

    fn decimal_tail(&mut self) -> SResult<()> {
        loop {
            while self.peek().is_some_and(|d| d.is_ascii_digit()) {
                self.pos += 1;
            }
            if self.peek() != Some(b'_') {
                return Ok(());
            }
            self.pos += 1;
            if !self.peek().is_some_and(|d| d.is_ascii_digit()) {
                return Err(
                    self.error_at(self.prev_char_start(self.pos), "invalid decimal literal")
                );
            }
        }
    }

    fn fraction(&mut self) -> SResult<()> {
        if self.peek().is_some_and(|d| d.is_ascii_digit()) {
            self.decimal_tail()?;
        }
        match self.peek() {
            Some(b'e' | b'E') => self.exponent(),
            Some(b'j' | b'J') => self.imaginary(),
            _ => self.end_of_number("decimal"),
        }
    }

    fn exponent(&mut self) -> SResult<()> {
        let e_pos = self.pos;
        self.pos += 1;
        match self.peek() {
            Some(b'+' | b'-') => {
                self.pos += 1;
                if !self.peek().is_some_and(|d| d.is_ascii_digit()) {
                    return Err(
                        self.error_at(self.prev_char_start(self.pos), "invalid decimal literal")
                    );
                }
            }
            Some(d) if d.is_ascii_digit() => {}
            _ => {
                // `1e` followed by a name: the `e` starts the bad part.
                self.pos = e_pos;
                return self.end_of_number("decimal");
            }
        }
        self.decimal_tail()?;
        match self.peek() {
            Some(b'j' | b'J') => self.imaginary(),
            _ => self.end_of_number("decimal"),
        }
    }

    fn imaginary(&mut self) -> SResult<()> {
        self.pos += 1;
        self.end_of_number("imaginary")
    }

    /// CPython's `verify_end_of_number`: a keyword that may follow a number only warns;
    /// another name character is an error.
    fn end_of_number(&mut self, kind: &str) -> SResult<()> {
        let Some(c) = self.peek() else { return Ok(()) };
        let rest = &self.b[self.pos..];
        let keyword_follows = match c {
            b'a' => rest.starts_with(b"and"),
            b'e' => rest.starts_with(b"else"),
            b'f' => rest.starts_with(b"for"),
            b'i' => matches!(rest.get(1), Some(b'f' | b'n' | b's')),
            b'o' => rest.starts_with(b"or"),
            b'n' => rest.starts_with(b"not"),
            _ => false,
        };
        if keyword_follows {
            return Ok(());
        }
        if c < 0x80 && is_ident_char(c) {
            return Err(self.error_at(
                self.prev_char_start(self.pos),
                format!("invalid {kind} literal"),
            ));
        }
        Ok(())
    }

    /// A string literal starting at `start` (its prefix) with the quote at `self.pos`.
    fn string(&mut self, start: usize, quote: u8, flags: StrFlags) -> SResult<()> {
        let first_line = self.line;
        let first_line_start = self.line_start;
        let triple = self.peek_at(1) == Some(quote) && self.peek_at(2) == Some(quote);
        self.pos += if triple { 3 } else { 1 };
        if flags.fstring {
            self.fstring_quotes.push((quote, triple));
        }
        let r = self.string_body(start, quote, triple, flags, first_line, first_line_start);
        if flags.fstring {
            self.fstring_quotes.pop();
        }
        r?;
        self.prefix_position = false;
        Ok(())
    }

    fn unterminated(&self, start: usize, triple: bool, fstring: bool, first_line: u32) -> Stop {
        let _ = first_line;
        let what = match (triple, fstring) {
            (true, true) => "triple-quoted f-string literal",
            (true, false) => "triple-quoted string literal",
            (false, true) => "f-string literal",
            (false, false) => "string literal",
        };
        // The line where the tokenizer noticed: the newline's line for single quotes, the
        // last line of the file for triple quotes.
        let detected = if triple {
            line_of_last_char(self.b)
        } else {
            self.line
        };
        // Inside an f-string, an unterminated nested string that uses the f-string's own
        // quote means the replacement field was never closed.
        let _ = detected;
        self.error_at(
            start,
            format!("unterminated {what} (detected at line {detected})"),
        )
    }

    fn string_body(
        &mut self,
        start: usize,
        quote: u8,
        triple: bool,
        flags: StrFlags,
        first_line: u32,
        first_line_start: usize,
    ) -> SResult<()> {
        let _ = first_line_start;
        loop {
            let Some(c) = self.peek() else {
                return Err(self.nested_or_unterminated(
                    start,
                    quote,
                    triple,
                    flags.fstring,
                    first_line,
                ));
            };
            match c {
                b'\n' | b'\r' => {
                    if !triple {
                        return Err(self.nested_or_unterminated(
                            start,
                            quote,
                            triple,
                            flags.fstring,
                            first_line,
                        ));
                    }
                    self.eat_newline();
                }
                b'\\' => {
                    self.pos += 1;
                    match self.peek() {
                        Some(b'\n') | Some(b'\r') => {
                            self.eat_newline();
                        }
                        // In f-strings a backslash does not escape braces.
                        Some(b'{' | b'}') if flags.fstring => {}
                        // `\N{NAME}` in a non-raw f-string: the braces belong to the escape.
                        Some(b'N')
                            if flags.fstring && !flags.raw && self.peek_at(1) == Some(b'{') =>
                        {
                            while let Some(c) = self.peek() {
                                self.pos += 1;
                                if c == b'}' || c == b'\n' {
                                    break;
                                }
                            }
                        }
                        Some(_) => {
                            let ch_len = self.src[self.pos..]
                                .chars()
                                .next()
                                .map_or(1, char::len_utf8);
                            self.pos += ch_len;
                        }
                        None => {}
                    }
                }
                q if q == quote => {
                    if !triple {
                        self.pos += 1;
                        return Ok(());
                    }
                    if self.peek_at(1) == Some(quote) && self.peek_at(2) == Some(quote) {
                        self.pos += 3;
                        return Ok(());
                    }
                    self.pos += 1;
                }
                b'{' if flags.fstring => {
                    if self.peek_at(1) == Some(b'{') {
                        self.pos += 2;
                    } else {
                        self.replacement_field(quote, triple)?;
                    }
                }
                b'}' if flags.fstring => {
                    if self.peek_at(1) == Some(b'}') {
                        self.pos += 2;
                    } else {
                        self.pos += 1;
                        return Err(self.error_here("f-string: single '}' is not allowed"));
                    }
                }
                _ => self.pos += 1,
            }
        }
    }

    /// Error for a string that ran into a newline or the end of input. A nested string that
    /// uses an enclosing f-string's quote really means the f-string's field was not closed.
    fn nested_or_unterminated(
        &self,
        start: usize,
        quote: u8,
        triple: bool,
        fstring: bool,
        first_line: u32,
    ) -> Stop {
        let n = self.fstring_quotes.len();
        let enclosing = if fstring { n.saturating_sub(1) } else { n };
        if self.fstring_quotes[..enclosing]
            .iter()
            .any(|&(q, t)| q == quote && t == triple)
        {
            let quote_pos = start + self.src[start..].find(quote as char).unwrap_or(0);
            return self.error_at(quote_pos, "f-string: expecting '}'");
        }
        self.unterminated(start, triple, fstring, first_line)
    }

    /// An f-string replacement field `{expr!c:spec}` starting at `self.pos` (the `{`).
    fn replacement_field(&mut self, quote: u8, triple: bool) -> SResult<()> {
        let _ = (quote, triple);
        let depth_before = self.brackets.len();
        let saved_run = self.run;
        self.open_bracket(b'{', true)?;
        self.run = 0;
        self.prefix_position = true;
        // The expression: tokens until `!`, `:` or `}` at the field's own depth.
        loop {
            let Some(c) = self.peek() else {
                return Err(Stop::GiveUp);
            };
            let at_field_depth = self.brackets.len() == depth_before + 1;
            match c {
                b'}' if at_field_depth => {
                    self.pos += 1;
                    self.brackets.pop();
                    self.run = saved_run;
                    return Ok(());
                }
                b'!' if at_field_depth && self.peek_at(1) != Some(b'=') => {
                    self.pos += 1;
                    while self.peek().is_some_and(|c| c.is_ascii_alphanumeric()) {
                        self.pos += 1;
                    }
                    match self.peek() {
                        Some(b'}') => continue,
                        Some(b':') => {
                            self.pos += 1;
                            self.format_spec(depth_before, quote, triple)?;
                            self.run = saved_run;
                            return Ok(());
                        }
                        _ => return Err(Stop::GiveUp),
                    }
                }
                b':' if at_field_depth => {
                    self.pos += 1;
                    self.format_spec(depth_before, quote, triple)?;
                    self.run = saved_run;
                    return Ok(());
                }
                b' ' | b'\t' | 0x0c => self.pos += 1,
                b'\n' | b'\r' => {
                    self.eat_newline();
                }
                b'#' => self.skip_comment(),
                b'\\' => return Err(Stop::GiveUp),
                b'}' | b')' | b']' => self.close_bracket(c)?,
                b'(' | b'[' | b'{' => self.open_bracket(c, false)?,
                _ => self.token()?,
            }
        }
    }

    /// A format spec: literal text with nested replacement fields, ending at the `}` that
    /// closes the field opened at `depth_before`.
    fn format_spec(&mut self, depth_before: usize, quote: u8, triple: bool) -> SResult<()> {
        loop {
            let Some(c) = self.peek() else {
                return Err(Stop::GiveUp);
            };
            match c {
                b'{' => self.replacement_field(quote, triple)?,
                b'}' => {
                    self.pos += 1;
                    self.brackets.truncate(depth_before);
                    return Ok(());
                }
                b'\n' | b'\r' => {
                    if !triple {
                        return Err(Stop::GiveUp);
                    }
                    self.eat_newline();
                }
                q if q == quote => return Err(Stop::GiveUp),
                _ => {
                    let ch_len = self.src[self.pos..]
                        .chars()
                        .next()
                        .map_or(1, char::len_utf8);
                    self.pos += ch_len;
                }
            }
        }
    }
}

/// 1-based line of the last character of the input (where CPython's tokenizer is at end
/// of input).
fn line_of_last_char(b: &[u8]) -> u32 {
    let mut line = 1u32;
    let n = b.len();
    let mut i = 0;
    while i < n {
        let is_break = match b[i] {
            b'\n' => true,
            b'\r' => {
                if b.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                true
            }
            _ => false,
        };
        if is_break && i + 1 < n {
            line += 1;
        }
        i += 1;
    }
    line
}

#[derive(Clone, Copy, Default)]
struct StrFlags {
    fstring: bool,
    raw: bool,
}

/// Whether `word` is a string prefix, and which kind.
fn string_prefix(word: &str) -> Option<StrFlags> {
    let lower = word.to_ascii_lowercase();
    match lower.as_str() {
        "u" | "b" => Some(StrFlags {
            fstring: false,
            raw: false,
        }),
        "r" | "br" | "rb" => Some(StrFlags {
            fstring: false,
            raw: true,
        }),
        "f" => Some(StrFlags {
            fstring: true,
            raw: false,
        }),
        "fr" | "rf" => Some(StrFlags {
            fstring: true,
            raw: true,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(src: &str) -> Option<(String, u32)> {
        prescan(src)
            .fatal
            .map(|f| (f.message, u32::from(f.range.start())))
    }

    #[test]
    fn valid_code_passes() {
        for src in [
            "x = 1if 1 else 2\n",
            "x = 0 if a else 1\n",
            "x = f'{a!r:>{w}}' f\"{b}\"\n",
            "x = f\"{f\"{x}\"}\"\n",
            "x = f'''{x # c\n}'''\n",
            "x = 0o17 + 0b1_0 + 0xdead_beef + 1_000.5e-3j + 00 + 0_0\n",
            "if x:\n\ta\n\tb\n",
            "x = (1,\n  2)\n",
            "x = 'a\\\nb'\n",
            "s = r'\\''\n",
            "x = -1 - -2\n",
            "x = 5.e3 + .5 + 1.\n",
        ] {
            assert_eq!(err(src), None, "{src:?}");
        }
    }

    #[test]
    fn tokenizer_errors() {
        assert_eq!(err("x = 1)\n"), Some(("unmatched ')'".into(), 5)));
        assert_eq!(
            err("x = 'abc\n"),
            Some(("unterminated string literal (detected at line 1)".into(), 4))
        );
        assert_eq!(
            err("x = '''abc\n\n"),
            Some((
                "unterminated triple-quoted string literal (detected at line 2)".into(),
                4
            ))
        );
        assert_eq!(
            err("x = 0b12\n"),
            Some(("invalid digit '2' in binary literal".into(), 7))
        );
        assert_eq!(err("1abc\n"), Some(("invalid decimal literal".into(), 0)));
        assert_eq!(err("x = 1_\n"), Some(("invalid decimal literal".into(), 5)));
        assert_eq!(
            err("if x:\n    a\n  b\n").map(|e| e.0),
            Some("unindent does not match any outer indentation level".into())
        );
        assert_eq!(
            err("f\"}\"\n"),
            Some(("f-string: single '}' is not allowed".into(), 2))
        );
        assert_eq!(
            err("f\"{x\"\n"),
            Some(("f-string: expecting '}'".into(), 4))
        );
        let deep = format!("x = {}", "(".repeat(250));
        assert_eq!(
            err(&deep),
            Some(("too many nested parentheses".into(), 204))
        );
        let unary = format!("x = {}1\n", "-".repeat(100_000));
        assert_eq!(
            err(&unary).map(|e| e.0),
            Some("Parser stack overflowed - Python source too complex to parse".into())
        );
    }
}
