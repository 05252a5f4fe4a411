//! Printing uncaught exceptions exactly as CPython 3.13 does: the `Traceback (most recent
//! call last):` header, one entry per frame with the source line and `~`/`^` position
//! markers (anchored on the operator of a binary operation, the brackets of a subscript,
//! the parentheses of a call), `[Previous line repeated N more times]`, chained exceptions
//! and notes.

use ruff_python_ast::Expr;
use ruff_text_size::Ranged;

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

impl Vm {
    /// The full text CPython prints for an uncaught exception.
    pub fn format_exception(&mut self, exc: &Value) -> String {
        let mut out = String::new();
        let mut seen = Vec::new();
        self.format_chain(exc, &mut out, &mut seen);
        out
    }

    fn format_chain(&mut self, exc: &Value, out: &mut String, seen: &mut Vec<u64>) {
        seen.push(exc.bits());
        if let Some(data) = exc.as_exception() {
            let cause = data.cause.borrow().clone();
            let context = data.context.borrow().clone();
            let suppress = data.suppress_context.get();
            if !cause.is_none() && !cause.is_null() && cause.as_exception().is_some() {
                if !seen.contains(&cause.bits()) {
                    self.format_chain(&cause, out, seen);
                    out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
                }
            } else if !suppress
                && !context.is_none()
                && !context.is_null()
                && context.as_exception().is_some()
                && !seen.contains(&context.bits())
            {
                self.format_chain(&context, out, seen);
                out.push_str(
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                );
            }
        }
        self.format_single(exc, out);
    }

    fn format_single(&mut self, exc: &Value, out: &mut String) {
        let tb = exc
            .as_exception()
            .map(|e| e.traceback.borrow().clone())
            .unwrap_or(Value::NONE);
        let entries = self.traceback_entries(&tb);
        if !entries.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
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
                        push_repeat(out, repeat - 2);
                    }
                    repeat = 0;
                    last = Some(key);
                }
                self.format_entry(entry, out);
            }
            if repeat >= 3 {
                push_repeat(out, repeat - 2);
            }
        }
        out.push_str(&self.exception_only(exc));
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

    fn source_line(&self, filename: &str, line: u32) -> Option<String> {
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
        let Some(raw) = self.source_line(&entry.filename, entry.line) else {
            return;
        };
        let stripped = raw.trim_start();
        if stripped.trim().is_empty() {
            return;
        }
        let indent_bytes = raw.len() - stripped.len();
        let shown = stripped.trim_end();
        out.push_str(&format!("    {shown}\n"));
        let p = entry.position;
        if p.line != entry.line || p.end_line != p.line {
            return;
        }
        let (col, end_col) = (p.col as usize, p.end_col as usize);
        if end_col <= col
            || end_col > raw.len()
            || col < indent_bytes
            || !raw.is_char_boundary(col)
            || !raw.is_char_boundary(end_col)
        {
            return;
        }
        let segment = &raw[col..end_col];
        let anchors = caret_anchors(segment);
        let before = &raw[indent_bytes..col];
        let after = &raw[end_col..];
        if anchors.is_none() && before.trim().is_empty() && after.trim().is_empty() {
            return;
        }
        if anchors.is_some() && full_line_call(stripped, before, after) {
            return;
        }
        let width_before = before.chars().count();
        let mut carets = String::new();
        carets.push_str(&" ".repeat(4 + width_before));
        let seg_chars: Vec<(usize, char)> = segment.char_indices().collect();
        for (byte_off, _) in seg_chars {
            let mark = match anchors {
                Some((a, b)) if byte_off >= a && byte_off < b => '^',
                Some(_) => '~',
                None => '^',
            };
            carets.push(mark);
        }
        out.push_str(carets.trim_end());
        out.push('\n');
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
        if let (Some(f), Some(l)) = (&filename, lineno) {
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
            out.push_str(&crate::compiler::render_source_and_caret(&err));
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

/// CPython omits the markers for `return f(...)` and `x = f(...)` when the call is the
/// whole statement's value.
fn full_line_call(stripped: &str, before: &str, after: &str) -> bool {
    if !after.trim().is_empty() {
        return false;
    }
    let lead = before.trim_start();
    if let Some(rest) = lead.strip_prefix("return ")
        && rest.trim().is_empty()
    {
        return call_on_name(stripped.trim_start_matches("return").trim());
    }
    if let Some(eq) = lead.find('=')
        && lead[eq + 1..].trim().is_empty()
        && is_identifier(lead[..eq].trim())
        && !lead[..eq].ends_with([
            '!', '<', '>', '=', '+', '-', '*', '/', '%', '&', '|', '^', '@',
        ])
    {
        let value = stripped[stripped.find('=').map(|i| i + 1).unwrap_or(0)..].trim();
        return call_on_name(value);
    }
    false
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_')
}

fn call_on_name(src: &str) -> bool {
    match ruff_python_parser::parse_expression(src) {
        Ok(parsed) => match parsed.expr() {
            Expr::Call(call) => matches!(&*call.func, Expr::Name(_)),
            _ => false,
        },
        Err(_) => false,
    }
}

/// The byte range within `segment` to mark with `^` (the rest gets `~`), for binary
/// operations, subscripts and calls; `None` means "mark everything with `^`".
fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    let wrapped = format!("(\n{segment}\n)");
    let parsed = ruff_python_parser::parse_expression(&wrapped).ok()?;
    let shift = 2usize;
    let expr = parsed.expr();
    let bytes = wrapped.as_bytes();
    // Skips whitespace, closing brackets, backslash continuations and comments.
    let skip = |mut i: usize, stop_at: &[u8]| -> usize {
        while i < bytes.len() {
            let c = bytes[i];
            if stop_at.contains(&c) {
                break;
            }
            if c == b'#' {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            if c.is_ascii_whitespace() || c == b')' || c == b'\\' {
                i += 1;
                continue;
            }
            break;
        }
        i
    };
    let anchors = match expr {
        Expr::BinOp(b) => {
            let start = skip(b.left.range().end().to_usize(), &[]);
            let op_len = b.op.as_str().len();
            (start, start + op_len)
        }
        Expr::Subscript(s) => {
            let start = skip(s.value.range().end().to_usize(), b"[");
            let end = skip(s.slice.range().end().to_usize(), b"]");
            (start, (end + 1).min(wrapped.len() - 2))
        }
        Expr::Call(c) => {
            let start = skip(c.func.range().end().to_usize(), b"(");
            (start, c.range().end().to_usize())
        }
        _ => return None,
    };
    let (a, b) = anchors;
    if a < shift || b < a {
        return None;
    }
    let (a, b) = (a - shift, (b - shift).min(segment.len()));
    if segment.contains('\n') {
        return None;
    }
    Some((a, b))
}
