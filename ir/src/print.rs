//! The text format of traces, printed by `--dump-ir` and read back by the parser.
//!
//! ```text
//! helper @float_pow(f64, f64) -> f64 may_raise
//! entry [3] in 0..99
//! snap s0 pc=4 stack=0 {}
//!     v0:value = load_slot [0]
//!                guard_type v0, int !s0
//!       v1:i64 = unbox_int v0
//!       v2:i64 = add_int_ovf v1, 1 !s0
//!     v3:value = box_int v2
//! snap s1 pc=0 stack=0 {0=v3}
//!                jump !s1
//! ```
//!
//! An instruction is `[vN:type =] name operands [!sK]`: operands are values (`v3`) or
//! constant literals (`1`, `2.5`, `true`, `val:None`, `ptr:0x10`), followed by the immediate
//! (`[slot]`, an offset, a type tag) except for `call`, whose `@helper` comes first.
//! A snapshot line sits where the snapshot was taken: frames root first separated by `|`
//! (an inlined frame starts with `fn=`), each `pc=N stack=N {slot=value, ...}`, then
//! `; tN=tuple(fields)` for each virtual object. An `entry` line gives a side trace's
//! [`Trace::entry_ranges`]: the interval of the raw integer its parent left in a home.

use std::fmt::{self, Write};

use crate::op::ImmKind;
use crate::snapshot::{SnapValue, Snapshot};
use crate::trace::{Imm, Inst, Ref, Trace};
use crate::types::Type;

impl fmt::Display for Trace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for helper in &self.helpers {
            let params: Vec<&str> = helper.params.iter().map(|t| t.name()).collect();
            writeln!(
                f,
                "helper @{}({}) -> {} {}",
                helper.name,
                params.join(", "),
                helper.ret,
                helper.effect.name()
            )?;
        }
        for &(home, lo, hi) in &self.entry_ranges {
            writeln!(f, "entry [{home}] in {lo}..{hi}")?;
        }
        let mut snapshots = self.snapshots.iter().enumerate().peekable();
        for (i, inst) in self.insts.iter().enumerate() {
            while let Some((id, snap)) = snapshots.next_if(|(_, s)| s.position as usize <= i) {
                writeln!(f, "{}", SnapshotLine(self, id, snap))?;
            }
            writeln!(f, "{}", InstLine(self, i, inst))?;
        }
        for (id, snap) in snapshots {
            writeln!(f, "{}", SnapshotLine(self, id, snap))?;
        }
        Ok(())
    }
}

/// An operand as printed: `v3` or a constant literal.
pub(crate) struct Operand<'a>(pub &'a Trace, pub Ref);

impl fmt::Display for Operand<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.const_value(self.1) {
            Some(value) => write!(f, "{value}"),
            None => write!(f, "{}", self.1),
        }
    }
}

/// One instruction line.
pub struct InstLine<'a>(pub &'a Trace, pub usize, pub &'a Inst);

impl fmt::Display for InstLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let InstLine(trace, index, inst) = *self;
        let lhs = if inst.ty == Type::Void {
            String::new()
        } else {
            format!("v{index}:{} =", inst.ty)
        };
        write!(f, "{lhs:>14} {}", inst.op)?;
        let mut operands: Vec<String> = inst
            .args
            .iter()
            .map(|&a| Operand(trace, a).to_string())
            .collect();
        let imm = match inst.imm {
            Imm::None => None,
            Imm::Slot(slot) => Some(format!("[{slot}]")),
            Imm::Offset(offset) => Some(format!("{offset:+}")),
            Imm::Tag(tag) => Some(tag.name().to_owned()),
            Imm::Helper(id) => Some(format!(
                "@{}",
                trace.helper(id).map_or("?", |h| h.name.as_str())
            )),
        };
        if let Some(imm) = imm {
            if inst.op.info().imm == ImmKind::Helper {
                operands.insert(0, imm);
            } else {
                operands.push(imm);
            }
        }
        if !operands.is_empty() {
            write!(f, " {}", operands.join(", "))?;
        }
        if let Some(snap) = inst.snapshot {
            write!(f, " !{snap}")?;
        }
        Ok(())
    }
}

struct SnapshotLine<'a>(&'a Trace, usize, &'a Snapshot);

impl fmt::Display for SnapshotLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let SnapshotLine(trace, id, snap) = *self;
        write!(f, "snap s{id}")?;
        for (i, frame) in snap.frames.iter().enumerate() {
            if i > 0 {
                f.write_str(" |")?;
            }
            if let Some(function) = frame.function {
                write!(f, " fn={}", Operand(trace, function))?;
            }
            write!(f, " pc={} stack={} {{", frame.pc, frame.stack_depth)?;
            for (j, (slot, value)) in frame.slots.iter().enumerate() {
                let sep = if j > 0 { ", " } else { "" };
                write!(f, "{sep}{slot}={}", snap_value(trace, *value))?;
            }
            f.write_char('}')?;
        }
        for (i, virt) in snap.virtuals.iter().enumerate() {
            let fields: Vec<String> = virt.fields.iter().map(|&v| snap_value(trace, v)).collect();
            write!(f, "; t{i}={}({})", virt.kind.name(), fields.join(", "))?;
        }
        Ok(())
    }
}

fn snap_value(trace: &Trace, value: SnapValue) -> String {
    match value {
        SnapValue::Ref(r) => Operand(trace, r).to_string(),
        SnapValue::Virtual(i) => format!("t{i}"),
    }
}
