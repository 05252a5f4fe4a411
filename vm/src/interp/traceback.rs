//! Printing uncaught exceptions exactly as CPython 3.13 does: the `Traceback (most recent
//! call last):` header, one entry per frame with the source line and `~`/`^` position
//! markers (anchored on the operator of a binary operation, the brackets of a subscript,
//! the parentheses of a call), `[Previous line repeated N more times]`, chained exceptions
//! and notes.

use crate::bytecode::Position;
use crate::object::{Payload, Value};
use crate::vm::Vm;

/// One traceback entry, resolved to text positions.
struct Entry {
    filename: String,
    line: u32,
    name: String,
    position: Position,
}

/// Nesting state while printing exception groups (CPython's `_ExceptionPrintContext`).
#[derive(Default)]
struct GroupContext {
    depth: usize,
    need_close: bool,
}

impl GroupContext {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// Appends `text` with every line prefixed by the group margin (`| `, or `+ ` for the
    /// header of a top-level group); nothing is added outside groups.
    fn emit(&self, out: &mut String, text: &str, margin: char) {
        if self.depth == 0 {
            out.push_str(text);
            return;
        }
        let prefix = format!("{}{margin} ", self.indent());
        for line in text.split_inclusive('\n') {
            out.push_str(&prefix);
            out.push_str(line);
        }
    }
}

impl Vm {
    /// The full text CPython prints for an uncaught exception.
    pub fn format_exception(&mut self, exc: &Value) -> String {
        let mut out = String::new();
        let mut seen = Vec::new();
        let mut ctx = GroupContext::default();
        self.format_chain(exc, &mut out, &mut seen, &mut ctx);
        out
    }

    fn format_chain(
        &mut self,
        exc: &Value,
        out: &mut String,
        seen: &mut Vec<u64>,
        ctx: &mut GroupContext,
    ) {
        seen.push(exc.bits());
        if let Some(data) = exc.as_exception() {
            let cause = data.cause.borrow().clone();
            let context = data.context.borrow().clone();
            let suppress = data.suppress_context.get();
            if !cause.is_none() && !cause.is_null() && cause.as_exception().is_some() {
                if !seen.contains(&cause.bits()) {
                    self.format_chain(&cause, out, seen, ctx);
                    ctx.emit(
                        out,
                        "\nThe above exception was the direct cause of the following exception:\n\n",
                        '|',
                    );
                }
            } else if !suppress
                && !context.is_none()
                && !context.is_null()
                && context.as_exception().is_some()
                && !seen.contains(&context.bits())
            {
                self.format_chain(&context, out, seen, ctx);
                ctx.emit(
                    out,
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                    '|',
                );
            }
        }
        let group_type = self
            .types
            .exception(crate::runtime::errors::ExcKind::BaseExceptionGroup)
            .clone();
        let members = if self.is_instance(exc, &group_type) {
            self.getattr_str(exc, "exceptions")
                .ok()
                .and_then(|t| t.as_tuple().map(<[Value]>::to_vec))
        } else {
            None
        };
        match members {
            Some(members) => self.format_group(exc, &members, out, seen, ctx),
            None => {
                let stack = self.format_stack(exc);
                if !stack.is_empty() {
                    ctx.emit(out, "Traceback (most recent call last):\n", '|');
                    ctx.emit(out, &stack, '|');
                }
                let only = self.exception_only(exc);
                ctx.emit(out, &only, '|');
            }
        }
    }

    /// An exception group: its own traceback and message, then each member in a box
    /// (CPython's `traceback` layout: at most 15 members and 10 levels shown).
    fn format_group(
        &mut self,
        exc: &Value,
        members: &[Value],
        out: &mut String,
        seen: &mut Vec<u64>,
        ctx: &mut GroupContext,
    ) {
        const MAX_WIDTH: usize = 15;
        const MAX_DEPTH: usize = 10;
        if ctx.depth > MAX_DEPTH {
            ctx.emit(out, &format!("... (max_group_depth is {MAX_DEPTH})\n"), '|');
            return;
        }
        let toplevel = ctx.depth == 0;
        if toplevel {
            ctx.depth += 1;
        }
        let stack = self.format_stack(exc);
        if !stack.is_empty() {
            let margin = if toplevel { '+' } else { '|' };
            ctx.emit(
                out,
                "Exception Group Traceback (most recent call last):\n",
                margin,
            );
            ctx.emit(out, &stack, '|');
        }
        let only = self.exception_only(exc);
        ctx.emit(out, &only, '|');
        let shown = if members.len() <= MAX_WIDTH {
            members.len()
        } else {
            MAX_WIDTH + 1
        };
        ctx.need_close = false;
        for i in 0..shown {
            let last = i + 1 == shown;
            if last {
                ctx.need_close = true;
            }
            let truncated = i >= MAX_WIDTH;
            let title = if truncated {
                "...".to_string()
            } else {
                (i + 1).to_string()
            };
            out.push_str(&ctx.indent());
            out.push_str(if i == 0 { "+-" } else { "  " });
            out.push_str(&format!("+---------------- {title} ----------------\n"));
            ctx.depth += 1;
            if truncated {
                let remaining = members.len() - MAX_WIDTH;
                let plural = if remaining > 1 { "s" } else { "" };
                ctx.emit(
                    out,
                    &format!("and {remaining} more exception{plural}\n"),
                    '|',
                );
            } else {
                self.format_chain(&members[i], out, seen, ctx);
            }
            if last && ctx.need_close {
                out.push_str(&ctx.indent());
                out.push_str("+------------------------------------\n");
                ctx.need_close = false;
            }
            ctx.depth -= 1;
        }
        if toplevel {
            ctx.depth = 0;
        }
    }

    /// The traceback entries of `exc` as text (without the header line).
    fn format_stack(&mut self, exc: &Value) -> String {
        let tb = exc
            .as_exception()
            .map(|e| e.traceback.borrow().clone())
            .unwrap_or(Value::NONE);
        let entries = self.traceback_entries(&tb);
        let mut out = String::new();
        let mut last: Option<(String, u32, String)> = None;
        let mut repeat = 0usize;
        for entry in &entries {
            let key = (entry.filename.clone(), entry.line, entry.name.clone());
            if last.as_ref() == Some(&key) {
                repeat += 1;
                if repeat >= 3 {
                    continue;
                }
            } else {
                if repeat >= 3 {
                    push_repeat(&mut out, repeat - 2);
                }
                repeat = 0;
                last = Some(key);
            }
            self.format_entry(entry, &mut out);
        }
        if repeat >= 3 {
            push_repeat(&mut out, repeat - 2);
        }
        out
    }

    /// The final `Type: message` line(s), with SyntaxError details and notes.
    pub fn exception_only(&mut self, exc: &Value) -> String {
        let ty = self.type_of(exc);
        let mut name = crate::runtime::typecheck::type_name_of(&ty);
        if let Some(data) = ty.as_type_data() {
            let module = self
                .dict_get_str(&data.dict, "__module__")
                .and_then(|m| m.as_str().map(str::to_string));
            name = data.qualname.borrow().clone();
            if let Some(m) = module
                && m != "builtins"
                && m != "__main__"
            {
                name = format!("{m}.{name}");
            }
        }
        let mut out = String::new();
        if self.is_instance(
            exc,
            self.types
                .exception(crate::runtime::errors::ExcKind::SyntaxError),
        ) {
            out.push_str(&self.syntax_error_details(exc));
        }
        let msg = match self.str(exc) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".to_string(),
        };
        let msg = if self.is_instance(
            exc,
            self.types
                .exception(crate::runtime::errors::ExcKind::SyntaxError),
        ) {
            self.syntax_error_message(exc).unwrap_or(msg)
        } else {
            msg
        };
        let suggestion = self.suggestion_for(exc);
        if msg.is_empty() {
            out.push_str(&name);
        } else {
            out.push_str(&format!("{name}: {msg}"));
        }
        if let Some(s) = suggestion {
            out.push_str(&s);
        }
        out.push('\n');
        if let Some(dict) = self.instance_dict(exc)
            && let Some(notes) = self.dict_get_str(&dict, "__notes__")
        {
            if let Ok(items) = self.collect_iterable(&notes) {
                for note in items {
                    let text = match note.as_str() {
                        Some(s) => s.to_string(),
                        None => self.repr(&note).unwrap_or_default(),
                    };
                    out.push_str(&text);
                    out.push('\n');
                }
            } else if let Ok(r) = self.repr(&notes) {
                out.push_str(&r);
                out.push('\n');
            }
        }
        out
    }

    fn traceback_entries(&self, tb: &Value) -> Vec<Entry> {
        let mut out = Vec::new();
        let mut cur = tb.clone();
        while let Some(Payload::Traceback(t)) = cur.payload() {
            if let Some(code) = t.code.as_code() {
                let position = code
                    .data
                    .positions
                    .get(t.lasti as usize)
                    .copied()
                    .unwrap_or_default();
                out.push(Entry {
                    filename: code.data.filename.clone(),
                    line: t.line,
                    name: code.data.name.clone(),
                    position,
                });
            }
            let next = t.next.borrow().clone();
            cur = next;
        }
        out
    }

    pub(crate) fn source_line(&self, filename: &str, line: u32) -> Option<String> {
        if line == 0 {
            return None;
        }
        let text: std::rc::Rc<str> = match self.sources.get(filename) {
            Some(t) => t.clone(),
            None => {
                let bytes = std::fs::read(filename).ok()?;
                String::from_utf8_lossy(&bytes).into()
            }
        };
        text.split('\n')
            .nth(line as usize - 1)
            .map(|l| l.trim_end_matches('\r').to_string())
    }

    fn format_entry(&self, entry: &Entry, out: &mut String) {
        out.push_str(&format!(
            "  File \"{}\", line {}, in {}\n",
            entry.filename, entry.line, entry.name
        ));
        let p = entry.position;
        let (first, last) = if p.line == 0 {
            (entry.line, entry.line)
        } else {
            (p.line, p.end_line.max(p.line))
        };
        let mut original: Vec<String> = Vec::new();
        for n in first..=last {
            match self.source_line(&entry.filename, n) {
                Some(l) => original.push(l),
                None => break,
            }
        }
        if original.is_empty() {
            return;
        }
        let dedented = dedent(&original.join("\n"));
        if dedented.trim().is_empty() {
            return;
        }
        if p.line == 0 || p.line != entry.line {
            out.push_str(&format!("    {}\n", original[0].trim()));
            return;
        }
        out.push_str(&render_source_lines(&original, &dedented, p));
    }

    /// `. Did you mean: 'x'?` for NameError/AttributeError with a near name.
    fn suggestion_for(&mut self, exc: &Value) -> Option<String> {
        use crate::runtime::errors::ExcKind;
        let is_name = self.is_instance(exc, self.types.exception(ExcKind::NameError));
        let is_attr = self.is_instance(exc, self.types.exception(ExcKind::AttributeError));
        if !is_name && !is_attr {
            return None;
        }
        let dict = self.instance_dict(exc)?;
        let name = self.dict_get_str(&dict, "name")?;
        let name = name.as_str()?.to_string();
        let mut candidates: Vec<String> = Vec::new();
        if is_attr {
            let obj = self.dict_get_str(&dict, "obj")?;
            candidates = self.dir_names(&obj);
        } else if is_name {
            if self.is_instance(exc, self.types.exception(ExcKind::UnboundLocalError)) {
                return None;
            }
            let tb = exc.as_exception()?.traceback.borrow().clone();
            let mut last = tb.clone();
            while let Some(Payload::Traceback(t)) = last.payload() {
                let next = t.next.borrow().clone();
                if next.is_none() || next.is_null() {
                    break;
                }
                last = next;
            }
            if let Some(Payload::Traceback(t)) = last.payload()
                && let Some(code) = t.code.as_code()
            {
                candidates.extend(code.data.localsplus_names.iter().cloned());
            }
            if let Some(g) = self
                .frames
                .first()
                .map(|f| f.globals.clone())
                .or_else(|| self.main_globals())
            {
                candidates.extend(dict_keys_text(&g));
            }
            candidates.extend(dict_keys_text(&self.builtins_dict));
        }
        let best = crate::interp::suggest::best_match(&name, &candidates)?;
        Some(format!(". Did you mean: '{best}'?"))
    }

    fn main_globals(&self) -> Option<Value> {
        let main = self.dict_get_str(&self.modules, "__main__")?;
        match main.payload() {
            Some(Payload::Module(m)) => Some(m.dict.clone()),
            _ => None,
        }
    }

    /// Attribute names of an object for suggestions (its dict and its type's MRO dicts).
    fn dir_names(&self, obj: &Value) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(d) = self.instance_dict(obj) {
            out.extend(dict_keys_text(&d));
        }
        if let Some(Payload::Module(m)) = obj.payload() {
            out.extend(dict_keys_text(&m.dict));
        }
        if let Some(Payload::Frame(_)) = obj.payload() {
            let names = crate::interp::frame_object::ATTRIBUTE_NAMES;
            out.extend(names.iter().map(|n| (*n).to_string()));
        }
        let ty = if self.is_type(obj) {
            obj.clone()
        } else {
            self.type_of(obj)
        };
        for t in self.mro(&ty) {
            if let Some(data) = t.as_type_data() {
                out.extend(dict_keys_text(&data.dict));
            }
        }
        out
    }

    fn syntax_error_details(&mut self, exc: &Value) -> String {
        let Some(dict) = self.instance_dict(exc) else {
            return String::new();
        };
        let get = |vm: &Vm, k: &str| vm.dict_get_str(&dict, k);
        let filename = get(self, "filename").and_then(|f| f.as_str().map(str::to_string));
        let lineno = get(self, "lineno").and_then(|l| l.as_small_int());
        let mut out = String::new();
        if let (Some(f), Some(l)) = (&filename, lineno)
            && l > 0
        {
            out.push_str(&format!("  File \"{f}\", line {l}\n"));
        }
        if let Some(text) = get(self, "text").and_then(|t| t.as_str().map(str::to_string)) {
            let offset = get(self, "offset")
                .and_then(|o| o.as_small_int())
                .unwrap_or(0);
            let end_offset = get(self, "end_offset")
                .and_then(|o| o.as_small_int())
                .unwrap_or(0);
            let err = crate::bytecode::CompileError {
                kind: crate::bytecode::CompileErrorKind::SyntaxError,
                message: String::new(),
                filename: String::new(),
                line: lineno.unwrap_or(0) as u32,
                offset: offset.max(0) as u32,
                end_line: lineno.unwrap_or(0) as u32,
                end_offset: end_offset.max(0) as u32,
                text: Some(text),
            };
            // `render` ends with the `Kind: message` line, which the caller prints itself.
            let rendered = err.render();
            let mut lines: Vec<&str> = rendered.lines().collect();
            lines.pop();
            lines.retain(|l| !l.starts_with("  File "));
            for line in lines {
                out.push_str(line);
                out.push('\n');
            }
        }
        out
    }

    fn syntax_error_message(&mut self, exc: &Value) -> Option<String> {
        let dict = self.instance_dict(exc)?;
        let msg = self.dict_get_str(&dict, "msg")?;
        msg.as_str().map(str::to_string)
    }
}

fn push_repeat(out: &mut String, n: usize) {
    out.push_str(&format!(
        "  [Previous line repeated {n} more time{}]\n",
        if n == 1 { "" } else { "s" }
    ));
}

fn dict_keys_text(d: &Value) -> Vec<String> {
    d.as_dict()
        .map(|t| {
            t.borrow()
                .keys()
                .iter()
                .filter_map(|k| k.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// `textwrap.dedent`: removes the longest common leading whitespace of the non-blank lines;
/// blank lines become empty.
fn dedent(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut margin: Option<&str> = None;
    for line in &lines {
        if line.trim().is_empty() {
            continue;
        }
        let indent = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
        margin = Some(match margin {
            None => indent,
            Some(m) => {
                let common = m
                    .chars()
                    .zip(indent.chars())
                    .take_while(|(a, b)| a == b)
                    .count();
                &m[..common]
            }
        });
    }
    let margin = margin.unwrap_or("");
    lines
        .iter()
        .map(|l| {
            if l.trim().is_empty() {
                ""
            } else {
                l.strip_prefix(margin).unwrap_or(l)
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Character index of a UTF-8 byte offset within `line` (CPython decodes with
/// `errors='replace'`; offsets inside a character count the character).
fn char_offset(line: &str, byte: usize) -> usize {
    let byte = byte.min(line.len());
    let mut chars = 0;
    for (i, _) in line.char_indices() {
        if i >= byte {
            return chars;
        }
        chars += 1;
    }
    chars
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// The `~`/`^` anchors of a segment: the operator of a binary operation, the brackets of a
/// subscript, the parenthesised arguments of a call. Lines are indices into the segment's
/// lines, columns are character indices; the left position is where `^` starts, the right
/// one where it stops (exclusive).
struct Anchors {
    left_line: usize,
    left_col: usize,
    right_line: usize,
    right_col: usize,
}

fn extract_anchors(segment: &str) -> Option<Anchors> {
    use ruff_python_ast::Expr;
    let wrapped = format!("(\n{segment}\n)");
    let parsed = ruff_python_parser::parse_expression(&wrapped).ok()?;
    let lines: Vec<Vec<char>> = segment.split('\n').map(|l| l.chars().collect()).collect();
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(wrapped.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    // A byte offset in `wrapped` as (segment line, character column).
    let locate = |offset: usize| -> Option<(usize, usize)> {
        let wline = line_starts.iter().rposition(|s| *s <= offset)?;
        let line = wline.checked_sub(1)?;
        let text = wrapped.get(line_starts[wline]..)?.split('\n').next()?;
        Some((line, char_offset(text, offset - line_starts[wline])))
    };
    let next_valid = |mut line: usize, mut col: usize| -> Option<(usize, usize)> {
        while line < lines.len() && col >= lines[line].len() {
            col = 0;
            line += 1;
        }
        if line < lines.len() {
            Some((line, col))
        } else {
            None
        }
    };
    let increment_until =
        |mut line: usize, mut col: usize, stop: &dyn Fn(char) -> bool| -> Option<(usize, usize)> {
            loop {
                let ch = *lines.get(line)?.get(col)?;
                if ch == '\\' || ch == '#' {
                    (line, col) = next_valid(line + 1, 0)?;
                } else if !stop(ch) {
                    (line, col) = next_valid(line, col + 1)?;
                } else {
                    return Some((line, col));
                }
            }
        };
    let end_of = |range: ruff_text_size::TextRange| -> Option<(usize, usize)> {
        locate(range.end().to_usize())
    };
    use ruff_text_size::Ranged;
    match parsed.expr() {
        Expr::BinOp(b) => {
            let (l, c) = end_of(b.left.range())?;
            let (l, c) = next_valid(l, c)?;
            let (line, col) = increment_until(l, c, &|ch| !ch.is_whitespace() && ch != ')')?;
            let mut right_col = col + 1;
            let (rl, rc) = locate(b.right.range().start().to_usize())?;
            if right_col < lines[line].len()
                && (rl > line || right_col < rc)
                && !lines[line][right_col].is_whitespace()
                && lines[line][right_col] != '\\'
                && lines[line][right_col] != '#'
            {
                right_col += 1;
            }
            Some(Anchors {
                left_line: line,
                left_col: col,
                right_line: line,
                right_col,
            })
        }
        Expr::Subscript(sub) => {
            let (l, c) = end_of(sub.value.range())?;
            let (l, c) = next_valid(l, c)?;
            let (left_line, left_col) = increment_until(l, c, &|ch| ch == '[')?;
            let (right_line, right_col) = end_of(sub.range())?;
            Some(Anchors {
                left_line,
                left_col,
                right_line,
                right_col,
            })
        }
        Expr::Call(call) => {
            let (l, c) = end_of(call.func.range())?;
            let (l, c) = next_valid(l, c)?;
            let (left_line, left_col) = increment_until(l, c, &|ch| ch == '(')?;
            let (right_line, right_col) = end_of(call.range())?;
            Some(Anchors {
                left_line,
                left_col,
                right_line,
                right_col,
            })
        }
        _ => None,
    }
}

/// CPython's `_should_show_carets`: no markers when the instruction is the whole line, or
/// is the call of `return f(...)` / `x = f(...)` spanning the whole statement.
fn should_show_carets(start: usize, end: usize, all_lines: &[&str], anchors: bool) -> bool {
    use ruff_python_ast::{Expr, Stmt};
    use ruff_text_size::Ranged;
    let text = all_lines.join("\n");
    if let Ok(parsed) = ruff_python_parser::parse_module(&text) {
        let body = &parsed.syntax().body;
        let Some(statement) = body.first() else {
            return false;
        };
        let value = match statement {
            Stmt::Return(r) => match r.value.as_deref() {
                Some(v @ Expr::Call(c)) if matches!(&*c.func, Expr::Name(_)) => Some(v),
                _ => None,
            },
            Stmt::Assign(a) if a.targets.len() == 1 && matches!(a.targets[0], Expr::Name(_)) => {
                match &*a.value {
                    v @ Expr::Call(_) => Some(v),
                    _ => None,
                }
            }
            _ => None,
        };
        if let Some(v) = value {
            let r = v.range();
            let starts_line0 = text[..r.start().to_usize()].matches('\n').count() == 0;
            let ends_last = text[..r.end().to_usize()].matches('\n').count() == all_lines.len() - 1;
            let line_start = text[..r.start().to_usize()]
                .rfind('\n')
                .map(|i| i + 1)
                .unwrap_or(0);
            let end_line_start = text[..r.end().to_usize()]
                .rfind('\n')
                .map(|i| i + 1)
                .unwrap_or(0);
            let col = r.start().to_usize() - line_start;
            let end_col = r.end().to_usize() - end_line_start;
            if starts_line0 && ends_last && col == start && end_col == end {
                return false;
            }
        }
    }
    if anchors {
        return true;
    }
    let first: String = all_lines[0].chars().take(start).collect();
    let last: String = all_lines[all_lines.len() - 1].chars().skip(end).collect();
    !first.trim_start().is_empty() || !last.trim_end().is_empty()
}

/// The source lines of one traceback entry with their position markers (CPython 3.13's
/// `StackSummary.format_frame_summary`), already indented by four spaces.
fn render_source_lines(original: &[String], dedented: &str, p: Position) -> String {
    let n = original.len();
    let all_lines: Vec<&str> = dedented.split('\n').take(n).collect();
    if all_lines.len() != n {
        return format!("    {}\n", original[0].trim());
    }
    let first_line = &original[0];
    let last_line = &original[n - 1];
    let dedent_chars = char_len(first_line) - char_len(all_lines[0]);
    let start = char_offset(first_line, p.col as usize).saturating_sub(dedent_chars);
    let end = char_offset(last_line, p.end_col as usize).saturating_sub(dedent_chars);
    let joined: Vec<char> = all_lines.join("\n").chars().collect();
    let tail = char_len(all_lines[n - 1]).saturating_sub(end);
    let seg_end = joined.len().saturating_sub(tail);
    let segment: String = if start <= seg_end {
        joined[start..seg_end].iter().collect()
    } else {
        String::new()
    };
    let mut anchors = extract_anchors(&segment);
    if let Some(a) = &mut anchors {
        if a.left_line == 0 {
            a.left_col += start;
        }
        if a.right_line == 0 {
            a.right_col += start;
        }
    }
    let show = should_show_carets(start, end, &all_lines, anchors.is_some());
    let (primary, secondary) = if anchors.is_some() {
        ('~', '^')
    } else {
        ('^', '^')
    };
    let mut significant: Vec<usize> = vec![0, n - 1];
    if let Some(a) = &anchors {
        for l in [a.left_line, a.right_line] {
            significant.extend([l.saturating_sub(1), l, l + 1]);
        }
    }
    significant.retain(|l| *l < n);
    significant.sort_unstable();
    significant.dedup();
    let mut result = String::new();
    let output_line = |line: usize, result: &mut String| {
        let text = all_lines[line];
        result.push_str(text);
        result.push('\n');
        if !show {
            return;
        }
        let chars: Vec<char> = text.chars().collect();
        let spaces = chars.len() - text.trim_start().chars().count();
        let count = if line == n - 1 { end } else { chars.len() };
        let mut carets = String::new();
        for col in 0..count {
            let ch = if col < spaces || (line == 0 && col < start) {
                ' '
            } else if let Some(a) = &anchors {
                let after_left = line > a.left_line || (line == a.left_line && col >= a.left_col);
                let before_right =
                    line < a.right_line || (line == a.right_line && col < a.right_col);
                if after_left && before_right {
                    secondary
                } else {
                    primary
                }
            } else {
                primary
            };
            carets.push(ch);
        }
        result.push_str(&carets);
        result.push('\n');
    };
    for (i, &line) in significant.iter().enumerate() {
        if i > 0 {
            let gap = line - significant[i - 1];
            if gap == 2 {
                output_line(line - 1, &mut result);
            } else if gap > 2 {
                result.push_str(&format!("...<{} lines>...\n", gap - 1));
            }
        }
        output_line(line, &mut result);
    }
    let body = dedent(result.trim_end_matches('\n'));
    let mut out = String::new();
    for line in body.split('\n') {
        out.push_str("    ");
        out.push_str(line);
        out.push('\n');
    }
    out
}
