//! A disassembler printing code objects in the shape of CPython 3.13's `dis.dis()`: a line
//! number column, `L1:` labels on jump and exception-table targets, the opcode name padded
//! to 20 columns, the argument and its meaning in parentheses, then the `ExceptionTable:`
//! section and nested code objects. Code objects print as
//! `<code object f, file "x.py", line 3>` — without CPython's memory address, so that
//! snapshots are stable.

use std::collections::BTreeSet;
use std::fmt::Write;

use super::code::{CodeData, Constant, Position};
use super::opcodes::{BinaryOp, CompareOp, Opcode, flags};
use super::{Instruction, instructions};

const OPNAME_WIDTH: usize = 20;
const OPARG_WIDTH: usize = 5;

/// Disassembles `code` and, after it, every code object among its constants (recursively).
pub fn disassemble(code: &CodeData) -> String {
    let mut out = String::new();
    disassemble_recursive(code, &mut out);
    out
}

fn disassemble_recursive(code: &CodeData, out: &mut String) {
    disassemble_one(code, out);
    for c in &code.consts {
        if let Constant::Code(inner) = c {
            out.push('\n');
            let _ = writeln!(out, "Disassembly of {}:", code_repr(inner));
            disassemble_recursive(inner, out);
        }
    }
}

/// The line of a position as `co_lines()` reports it: `None` for "no location". The module
/// `RESUME` carries line 0 with an end line, which CPython reports as line 0.
fn line_of(p: &Position) -> Option<u32> {
    if p.line == 0 && p.end_line == 0 {
        None
    } else {
        Some(p.line)
    }
}

/// Absolute code-unit index of a jump's target.
fn jump_target(ins: &Instruction) -> Option<usize> {
    if ins.opcode.flags() & flags::JUMP == 0 {
        return None;
    }
    let arg = ins.arg as usize;
    match ins.opcode {
        Opcode::JUMP_BACKWARD | Opcode::JUMP_BACKWARD_NO_INTERRUPT => ins.next.checked_sub(arg),
        _ => Some(ins.next + arg),
    }
}

fn disassemble_one(code: &CodeData, out: &mut String) {
    let instrs = instructions(&code.code);
    // Labels: jump targets and exception-table boundaries, numbered by offset.
    let mut label_set: BTreeSet<usize> = BTreeSet::new();
    for ins in &instrs {
        if let Some(t) = jump_target(ins) {
            label_set.insert(t);
        }
    }
    for e in &code.exception_table {
        label_set.insert(e.start as usize);
        label_set.insert(e.end as usize);
        label_set.insert(e.target as usize);
    }
    let labels: Vec<usize> = label_set.into_iter().collect();
    let label_of = |unit: usize| labels.binary_search(&unit).ok().map(|i| i + 1);
    let label_width = 4 + labels.len().to_string().len();

    // Line starts, as `findlinestarts` derives them from `co_lines()`.
    let line_at = |ins: &Instruction| code.positions.get(ins.start).and_then(line_of);
    let mut starts: Vec<Option<Option<u32>>> = Vec::with_capacity(instrs.len());
    let mut last: Option<Option<u32>> = None;
    for ins in &instrs {
        let line = line_at(ins);
        if last != Some(line) {
            starts.push(Some(line));
            last = Some(line);
        } else {
            starts.push(None);
        }
    }
    let max_line = starts
        .iter()
        .flatten()
        .flatten()
        .copied()
        .filter(|&l| l != 0)
        .max();
    let has_none = starts.iter().flatten().any(Option::is_none);
    let lineno_width = match max_line {
        None => 0,
        Some(max) => {
            let w = 3.max(max.to_string().len());
            if w < 4 && has_none { 4 } else { w }
        }
    };

    for (k, ins) in instrs.iter().enumerate() {
        let mut fields: Vec<String> = Vec::new();
        if lineno_width > 0 {
            if let Some(line) = starts[k] {
                if ins.start > 0 {
                    out.push('\n');
                }
                match line {
                    Some(l) => fields.push(format!("{:>width$}", l, width = lineno_width)),
                    None => fields.push(format!("{:>width$}", "--", width = lineno_width)),
                }
            } else {
                fields.push(" ".repeat(lineno_width));
            }
        }
        match label_of(ins.start) {
            Some(l) => fields.push(format!("{:>width$}", format!("L{l}:"), width = label_width)),
            None => fields.push(" ".repeat(label_width)),
        }
        fields.push("   ".to_string());
        let name = ins.opcode.name();
        fields.push(format!("{:<width$}", name, width = OPNAME_WIDTH));
        if ins.opcode.flags() & flags::HAS_ARG != 0 {
            let excess = name.len().saturating_sub(OPNAME_WIDTH);
            let width = OPARG_WIDTH.saturating_sub(excess);
            fields.push(format!("{:>width$}", ins.arg, width = width));
            let repr = arg_repr(code, ins, &label_of);
            if !repr.is_empty() {
                fields.push(format!("({repr})"));
            }
        }
        let line = fields.join(" ");
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if !code.exception_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &code.exception_table {
            let l = |u: u32| label_of(u as usize).unwrap_or(0);
            let lasti = if e.push_lasti { " lasti" } else { "" };
            let _ = writeln!(
                out,
                "  L{} to L{} -> L{} [{}]{}",
                l(e.start),
                l(e.end),
                l(e.target),
                e.depth,
                lasti
            );
        }
    }
}

fn name_at(names: &[String], i: u32) -> String {
    names.get(i as usize).cloned().unwrap_or_default()
}

fn arg_repr(
    code: &CodeData,
    ins: &Instruction,
    label_of: &dyn Fn(usize) -> Option<usize>,
) -> String {
    let arg = ins.arg;
    let local = |i: u32| name_at(&code.localsplus_names, i);
    match ins.opcode {
        Opcode::LOAD_CONST | Opcode::RETURN_CONST => code
            .consts
            .get(arg as usize)
            .map(const_repr)
            .unwrap_or_default(),
        Opcode::LOAD_GLOBAL => {
            let n = name_at(&code.names, arg >> 1);
            if arg & 1 != 0 {
                format!("{n} + NULL")
            } else {
                n
            }
        }
        Opcode::LOAD_ATTR => {
            let n = name_at(&code.names, arg >> 1);
            if arg & 1 != 0 {
                format!("{n} + NULL|self")
            } else {
                n
            }
        }
        Opcode::LOAD_SUPER_ATTR => {
            let n = name_at(&code.names, arg >> 2);
            if arg & 1 != 0 {
                format!("{n} + NULL|self")
            } else {
                n
            }
        }
        Opcode::LOAD_NAME
        | Opcode::STORE_NAME
        | Opcode::DELETE_NAME
        | Opcode::STORE_GLOBAL
        | Opcode::DELETE_GLOBAL
        | Opcode::STORE_ATTR
        | Opcode::DELETE_ATTR
        | Opcode::IMPORT_NAME
        | Opcode::IMPORT_FROM
        | Opcode::LOAD_FROM_DICT_OR_GLOBALS => name_at(&code.names, arg),
        Opcode::LOAD_FAST
        | Opcode::STORE_FAST
        | Opcode::DELETE_FAST
        | Opcode::LOAD_FAST_AND_CLEAR
        | Opcode::MAKE_CELL
        | Opcode::LOAD_DEREF
        | Opcode::STORE_DEREF
        | Opcode::DELETE_DEREF
        | Opcode::LOAD_CLOSURE
        | Opcode::LOAD_FROM_DICT_OR_DEREF => local(arg),
        Opcode::COMPARE_OP => CompareOp::from_arg(arg)
            .map(|c| c.symbol().to_string())
            .unwrap_or_default(),
        Opcode::BINARY_OP => BinaryOp::from_arg(arg)
            .map(|b| b.symbol().to_string())
            .unwrap_or_default(),
        Opcode::CONVERT_VALUE => ["", "str", "repr", "ascii"]
            .get(arg as usize)
            .copied()
            .unwrap_or("")
            .to_string(),
        Opcode::SET_FUNCTION_ATTRIBUTE => {
            let names = [
                "defaults",
                "kwdefaults",
                "annotations",
                "closure",
                "annotate",
            ];
            let parts: Vec<&str> = names
                .iter()
                .enumerate()
                .filter(|(i, _)| arg & (1 << i) != 0)
                .map(|(_, s)| *s)
                .collect();
            parts.join(", ")
        }
        Opcode::LOAD_COMMON_CONSTANT => match arg {
            0 => "AssertionError",
            1 => "NotImplementedError",
            _ => "",
        }
        .to_string(),
        Opcode::CALL_INTRINSIC_1 => match arg {
            1 => "INTRINSIC_PRINT",
            3 => "INTRINSIC_STOPITERATION_ERROR",
            4 => "INTRINSIC_ASYNC_GEN_WRAP",
            6 => "INTRINSIC_LIST_TO_TUPLE",
            _ => "",
        }
        .to_string(),
        Opcode::CALL_INTRINSIC_2 => if arg == 1 {
            "INTRINSIC_PREP_RERAISE_STAR"
        } else {
            ""
        }
        .to_string(),
        _ => match jump_target(ins) {
            Some(t) => label_of(t).map(|l| format!("to L{l}")).unwrap_or_default(),
            None => String::new(),
        },
    }
}

/// `repr()` of a code object, without an address.
fn code_repr(code: &CodeData) -> String {
    format!(
        "<code object {}, file \"{}\", line {}>",
        code.name, code.filename, code.first_line
    )
}

/// Python's `repr()` of a constant.
pub fn const_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".to_string(),
        Constant::Bool(true) => "True".to_string(),
        Constant::Bool(false) => "False".to_string(),
        Constant::Ellipsis => "Ellipsis".to_string(),
        Constant::Int(i) => i.to_string(),
        Constant::Float(f) => float_repr(*f, true),
        Constant::Complex { real, imag } => {
            if *real == 0.0 && real.is_sign_positive() {
                format!("{}j", float_repr(*imag, false))
            } else {
                let im = float_repr(*imag, false);
                let sign = if im.starts_with('-') { "" } else { "+" };
                format!("({}{}{}j)", float_repr(*real, false), sign, im)
            }
        }
        Constant::Str(s) => str_repr(s),
        Constant::SurrogateStr(b) => {
            crate::text::str_repr::py_code_points_repr(crate::text::wtf8::CodePoints::new(b), false)
        }
        Constant::Bytes(b) => bytes_repr(b),
        Constant::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(const_repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Constant::FrozenSet(items) => {
            if items.is_empty() {
                "frozenset()".to_string()
            } else {
                let parts: Vec<String> = items.iter().map(const_repr).collect();
                format!("frozenset({{{}}})", parts.join(", "))
            }
        }
        Constant::Code(code) => code_repr(code),
    }
}

/// A minimal float `repr`: shortest round-trip digits, fixed notation for decimal exponents
/// in -4..16 and scientific (`1e+16`) otherwise. `add_dot_zero` appends `.0` to whole
/// numbers (complex parts omit it). The tie-breaking subtleties of CPython's repr are left
/// to the runtime's full implementation.
fn float_repr(f: f64, add_dot_zero: bool) -> String {
    if f.is_nan() {
        return "nan".to_string();
    }
    if f.is_infinite() {
        return if f > 0.0 {
            "inf".to_string()
        } else {
            "-inf".to_string()
        };
    }
    let sci = format!("{f:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let sign = if negative { "-" } else { "" };
    if (-4..16).contains(&exp) {
        let point = exp + 1;
        let body = if point <= 0 {
            format!("0.{}{}", "0".repeat((-point) as usize), digits)
        } else if point as usize >= digits.len() {
            let whole = format!("{}{}", digits, "0".repeat(point as usize - digits.len()));
            if add_dot_zero {
                format!("{whole}.0")
            } else {
                whole
            }
        } else {
            format!(
                "{}.{}",
                &digits[..point as usize],
                &digits[point as usize..]
            )
        };
        format!("{sign}{body}")
    } else {
        let mant = if digits.len() > 1 {
            format!("{}.{}", &digits[..1], &digits[1..])
        } else {
            digits
        };
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{mant}e{esign}{:02}", exp.abs())
    }
}

/// Whether Python's `str.isprintable()` holds for `c` (approximated for the categories that
/// matter in source constants: controls, separators other than space, format characters,
/// private use).
fn is_printable(c: char) -> bool {
    let u = c as u32;
    !(u < 0x20
        || (0x7f..=0xa0).contains(&u)
        || u == 0xad
        || (0x2000..=0x200f).contains(&u)
        || (0x2028..=0x202f).contains(&u)
        || (0x205f..=0x206f).contains(&u)
        || u == 0x3000
        || u == 0xfeff
        || (0xe000..=0xf8ff).contains(&u)
        || (0xfff0..=0xfffb).contains(&u)
        || u == 0x1680
        || u >= 0xf0000)
}

/// Python's `repr()` of a str.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => {
                let u = c as u32;
                if u <= 0xff {
                    let _ = write!(out, "\\x{u:02x}");
                } else if u <= 0xffff {
                    let _ = write!(out, "\\u{u:04x}");
                } else {
                    let _ = write!(out, "\\U{u:08x}");
                }
            }
        }
    }
    out.push(quote);
    out
}

/// Python's `repr()` of a bytes object.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &byte in b {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            q if q == quote => {
                out.push('\\');
                out.push(q as char);
            }
            0x20..=0x7e => out.push(byte as char),
            _ => {
                let _ = write!(out, "\\x{byte:02x}");
            }
        }
    }
    out.push(quote as char);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_reprs() {
        assert_eq!(float_repr(1.5, true), "1.5");
        assert_eq!(float_repr(1e100, true), "1e+100");
        assert_eq!(float_repr(1e16, true), "1e+16");
        assert_eq!(float_repr(1e15, true), "1000000000000000.0");
        assert_eq!(float_repr(0.0001, true), "0.0001");
        assert_eq!(float_repr(0.00001, true), "1e-05");
        assert_eq!(float_repr(-0.0, true), "-0.0");
        assert_eq!(float_repr(2.0, false), "2");
        assert_eq!(float_repr(1.25e-7, true), "1.25e-07");
    }

    #[test]
    fn const_reprs() {
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("a'\"\n"), "'a\\'\"\\n'");
        assert_eq!(str_repr("\u{7f}é"), "'\\x7fé'");
        assert_eq!(bytes_repr(b"\x00a'"), "b\"\\x00a'\"");
        let t = Constant::Tuple(vec![Constant::Int(1.into())]);
        assert_eq!(const_repr(&t), "(1,)");
        assert_eq!(
            const_repr(&Constant::Complex {
                real: 0.0,
                imag: 2.0
            }),
            "2j"
        );
        assert_eq!(
            const_repr(&Constant::Complex {
                real: 1.0,
                imag: -2.5
            }),
            "(1-2.5j)"
        );
    }
}
