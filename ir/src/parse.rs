//! Reads the text format that [`crate::print`] writes, so filetests can state traces as
//! text and `--dump-ir` output can be fed back in.
//!
//! Values may have any `v<digits>` names in hand-written input: the parser numbers
//! instructions by position (so `print(parse(text))` renumbers densely) and resolves names
//! in a second pass, which is also how a `phi` may name a value defined later. Lines
//! starting with `;` and blank lines are ignored. The parser checks syntax only; types,
//! SSA order and snapshots are the verifier's job.

use std::collections::HashMap;
use std::fmt;

use crate::abi;
use crate::op::{ImmKind, Op};
use crate::snapshot::{SnapFrame, SnapValue, Snapshot, SnapshotId, Virtual, VirtualKind};
use crate::trace::{Effect, Helper, HelperId, Imm, Inst, Ref, Trace};
use crate::types::{Const, Type, TypeTag};

/// A syntax error, with its 1-based line number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// The line of the error.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ParseError {}

type Result<T> = std::result::Result<T, String>;

/// Parses a whole trace.
pub fn parse(text: &str) -> std::result::Result<Trace, ParseError> {
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with(';'))
        .collect();

    // Pass 1: number the instructions and learn the value names.
    let mut names = HashMap::new();
    let mut count = 0;
    for &(line, text) in &lines {
        if text.starts_with("helper ") || text.starts_with("snap ") || text.starts_with("entry ") {
            continue;
        }
        if let Some((lhs, _)) = text.split_once('=')
            && let Some((name, _)) = lhs.trim().split_once(':')
            && names
                .insert(name.trim().to_owned(), Ref::inst(count))
                .is_some()
        {
            return Err(ParseError {
                line,
                message: format!("{} defined twice", name.trim()),
            });
        }
        count += 1;
    }

    // Pass 2: build the trace.
    let mut parser = Parser {
        trace: Trace::new(),
        names,
    };
    for &(line, text) in &lines {
        let result = if let Some(rest) = text.strip_prefix("helper ") {
            parser.helper(rest)
        } else if let Some(rest) = text.strip_prefix("snap ") {
            parser.snapshot(rest)
        } else if let Some(rest) = text.strip_prefix("entry ") {
            parser.entry_range(rest)
        } else {
            parser.inst(text)
        };
        result.map_err(|message| ParseError { line, message })?;
    }
    Ok(parser.trace)
}

struct Parser {
    trace: Trace,
    names: HashMap<String, Ref>,
}

impl Parser {
    /// `@name(t1, t2) -> ret effect`
    fn helper(&mut self, text: &str) -> Result<()> {
        let text = text.trim().strip_prefix('@').ok_or("expected @name")?;
        let (name, rest) = text.split_once('(').ok_or("expected (")?;
        let (params, rest) = rest.split_once(')').ok_or("expected )")?;
        let params = split_list(params)
            .into_iter()
            .map(|p| Type::from_name(p).ok_or_else(|| format!("unknown type {p}")))
            .collect::<Result<Vec<_>>>()?;
        let rest = rest.trim().strip_prefix("->").ok_or("expected ->")?;
        let mut words = rest.split_whitespace();
        let ret = words
            .next()
            .and_then(Type::from_name)
            .ok_or("expected a result type")?;
        let effect = words
            .next()
            .and_then(Effect::from_name)
            .ok_or("expected an effect")?;
        self.trace.declare_helper(Helper {
            name: name.trim().to_owned(),
            params,
            ret,
            effect,
        });
        Ok(())
    }

    /// `[home] in lo..hi`
    fn entry_range(&mut self, text: &str) -> Result<()> {
        let (home, range) = text.split_once(" in ").ok_or("expected [home] in lo..hi")?;
        let home = home
            .trim()
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .ok_or("expected [home]")?;
        let (lo, hi) = range.trim().split_once("..").ok_or("expected lo..hi")?;
        let bound = |t: &str| t.parse::<i64>().map_err(|_| format!("bad bound {t}"));
        self.trace
            .entry_ranges
            .push((parse_number(home)?, bound(lo)?, bound(hi)?));
        Ok(())
    }

    /// `sN frame | frame ...; t0=tuple(...); ...`
    fn snapshot(&mut self, text: &str) -> Result<()> {
        let mut parts = text.split(';');
        let head = parts.next().unwrap_or_default().trim();
        let (id, frames) = head.split_once(char::is_whitespace).unwrap_or((head, ""));
        let expected = format!("s{}", self.trace.snapshots.len());
        if id != expected {
            return Err(format!("snapshot {id} out of order (expected {expected})"));
        }
        let frames = frames
            .split('|')
            .map(|frame| self.frame(frame))
            .collect::<Result<Vec<_>>>()?;
        let mut virtuals = Vec::new();
        for (i, virt) in parts.enumerate() {
            let (name, body) = virt.trim().split_once('=').ok_or("expected tN=kind(...)")?;
            if name.trim() != format!("t{i}") {
                return Err(format!("virtual {name} out of order"));
            }
            let (kind, fields) = body.trim().split_once('(').ok_or("expected (")?;
            let kind = match kind.trim() {
                "tuple" => VirtualKind::Tuple,
                "instance" => VirtualKind::Instance,
                "range_iter" => VirtualKind::RangeIter,
                other => return Err(format!("unknown virtual kind {other}")),
            };
            let fields = fields.trim().strip_suffix(')').ok_or("expected )")?;
            let fields = split_list(fields)
                .into_iter()
                .map(|f| self.snap_value(f))
                .collect::<Result<Vec<_>>>()?;
            virtuals.push(Virtual { kind, fields });
        }
        self.trace.snapshots.push(Snapshot {
            position: self.trace.insts.len() as u32,
            frames,
            virtuals,
        });
        Ok(())
    }

    /// `[fn=v3] pc=N stack=N {slot=value, ...}`
    fn frame(&mut self, text: &str) -> Result<SnapFrame> {
        let (head, slots) = text.split_once('{').ok_or("expected {")?;
        let slots = slots.trim().strip_suffix('}').ok_or("expected }")?;
        let mut frame = SnapFrame {
            function: None,
            pc: 0,
            stack_depth: 0,
            slots: Vec::new(),
        };
        for word in head.split_whitespace() {
            let (key, value) = word.split_once('=').ok_or("expected key=value")?;
            match key {
                "fn" => frame.function = Some(self.operand(value)?),
                "pc" => frame.pc = parse_number(value)?,
                "stack" => frame.stack_depth = parse_number(value)?,
                _ => return Err(format!("unknown frame field {key}")),
            }
        }
        for slot in split_list(slots) {
            let (slot, value) = slot.split_once('=').ok_or("expected slot=value")?;
            frame
                .slots
                .push((parse_number(slot.trim())?, self.snap_value(value.trim())?));
        }
        Ok(frame)
    }

    fn snap_value(&mut self, text: &str) -> Result<SnapValue> {
        match text.strip_prefix('t').map(str::parse::<u32>) {
            Some(Ok(index)) => Ok(SnapValue::Virtual(index)),
            _ => Ok(SnapValue::Ref(self.operand(text)?)),
        }
    }

    /// `[vN:ty =] name operands [!sK]`
    fn inst(&mut self, text: &str) -> Result<()> {
        let (ty, rest) = match text.split_once('=') {
            Some((lhs, rest)) if lhs.contains(':') => {
                let (_, ty) = lhs.split_once(':').unwrap_or_default();
                let ty = Type::from_name(ty.trim()).ok_or_else(|| format!("unknown type {ty}"))?;
                (ty, rest.trim())
            }
            _ => (Type::Void, text),
        };
        let (rest, snapshot) = match rest.rsplit_once('!') {
            Some((rest, snap)) => {
                let id = snap.trim().strip_prefix('s').ok_or("expected !sN")?;
                (rest.trim(), Some(SnapshotId(parse_number(id)?)))
            }
            None => (rest, None),
        };
        let (name, operands) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        let op = Op::from_name(name).ok_or_else(|| format!("unknown op {name}"))?;
        let mut operands = split_list(operands);
        let imm_kind = op.info().imm;
        let imm_text = match imm_kind {
            // A kept phi names its home: `phi v1, v9, [8]`.
            ImmKind::None
                if op == Op::Phi && operands.last().is_some_and(|t| t.starts_with('[')) =>
            {
                operands.pop()
            }
            ImmKind::None => None,
            ImmKind::Helper if !operands.is_empty() => Some(operands.remove(0)),
            _ => operands.pop(),
        };
        let imm = match (imm_kind, imm_text) {
            (ImmKind::None, None) => Imm::None,
            (ImmKind::None, Some(t)) => {
                let slot = t
                    .strip_prefix('[')
                    .and_then(|t| t.strip_suffix(']'))
                    .ok_or("expected [slot]")?;
                Imm::Slot(parse_number(slot)?)
            }
            (_, None) => return Err(format!("{op} needs an immediate")),
            (ImmKind::Slot, Some(t)) => {
                let slot = t
                    .strip_prefix('[')
                    .and_then(|t| t.strip_suffix(']'))
                    .ok_or("expected [slot]")?;
                Imm::Slot(parse_number(slot)?)
            }
            (ImmKind::Offset, Some(t)) => Imm::Offset(
                t.trim_start_matches('+')
                    .parse()
                    .map_err(|_| format!("bad offset {t}"))?,
            ),
            (ImmKind::Tag, Some(t)) => {
                Imm::Tag(TypeTag::from_name(t).ok_or_else(|| format!("unknown tag {t}"))?)
            }
            (ImmKind::Helper, Some(t)) => {
                let name = t.strip_prefix('@').ok_or("expected @helper")?;
                let index = self
                    .trace
                    .helpers
                    .iter()
                    .position(|h| h.name == name)
                    .ok_or_else(|| format!("undeclared helper @{name}"))?;
                Imm::Helper(HelperId(index as u32))
            }
        };
        let args = operands
            .into_iter()
            .map(|o| self.operand(o))
            .collect::<Result<Vec<_>>>()?;
        let mut inst = Inst::new(op, ty, args, imm);
        inst.snapshot = snapshot;
        self.trace.insts.push(inst);
        Ok(())
    }

    fn operand(&mut self, text: &str) -> Result<Ref> {
        if let Some(&r) = self.names.get(text) {
            return Ok(r);
        }
        if text.starts_with('v') && text[1..].chars().all(|c| c.is_ascii_digit()) {
            return Err(format!("undefined value {text}"));
        }
        Ok(self.trace.constant(parse_const(text)?))
    }
}

/// Parses a constant literal as printed by `Const`'s `Display`.
pub fn parse_const(text: &str) -> Result<Const> {
    if let Some(word) = text.strip_prefix("val:") {
        let value = match word {
            "null" => abi::NULL,
            "None" => abi::IMM_NONE,
            "True" => abi::IMM_TRUE,
            "False" => abi::IMM_FALSE,
            "NotImplemented" => abi::IMM_NOT_IMPLEMENTED,
            "Ellipsis" => abi::IMM_ELLIPSIS,
            w if w.starts_with("0x") => parse_hex(w)?,
            w => match parse_number_literal(w)? {
                Const::Int(v) => {
                    abi::encode_small_int(v).ok_or("val: int out of small-int range")?
                }
                Const::Float(bits) => abi::encode_double(f64::from_bits(bits))
                    .ok_or("val: NaN cannot be immediate")?,
                _ => return Err(format!("bad value literal {w}")),
            },
        };
        return Ok(Const::Value(value));
    }
    if let Some(address) = text.strip_prefix("ptr:") {
        return Ok(Const::Ptr(parse_hex(address)?));
    }
    match text {
        "true" => Ok(Const::Bool(true)),
        "false" => Ok(Const::Bool(false)),
        _ => parse_number_literal(text),
    }
}

fn parse_number_literal(text: &str) -> Result<Const> {
    if let Some(bits) = text.strip_prefix("f64:") {
        return Ok(Const::Float(parse_hex(bits)?));
    }
    let is_float = text.contains(['.', 'e', 'E']) || matches!(text, "inf" | "-inf" | "NaN");
    if is_float {
        let value: f64 = text.parse().map_err(|_| format!("bad float {text}"))?;
        Ok(Const::float(value))
    } else {
        text.parse()
            .map(Const::Int)
            .map_err(|_| format!("bad operand {text}"))
    }
}

fn parse_hex(text: &str) -> Result<u64> {
    let digits = text
        .strip_prefix("0x")
        .ok_or_else(|| format!("expected hex, got {text}"))?;
    u64::from_str_radix(digits, 16).map_err(|_| format!("bad hex {text}"))
}

fn parse_number<T: std::str::FromStr>(text: &str) -> Result<T> {
    text.trim()
        .parse()
        .map_err(|_| format!("bad number {text}"))
}

/// Splits a comma-separated list, dropping empty items.
fn split_list(text: &str) -> Vec<&str> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}
