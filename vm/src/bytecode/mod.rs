//! Bytecode: the opcode table, the compiler's code-object data, and helpers to walk code
//! units (decoding `EXTENDED_ARG` prefixes and skipping caches).

pub mod code;
pub mod dis;
pub mod opcodes;

pub use code::{CodeData, CompileError, CompileErrorKind, Constant, ExceptionTableEntry, Position};
pub use opcodes::{BinaryOp, CompareOp, Opcode};

/// One decoded instruction: where it starts (its first `EXTENDED_ARG`, if any), where the
/// opcode unit itself is, its full argument, and where the next instruction starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instruction {
    pub start: usize,
    pub at: usize,
    pub opcode: Opcode,
    pub arg: u32,
    pub next: usize,
}

/// Splits a code unit into opcode byte and argument byte.
#[inline]
pub fn split_unit(unit: u16) -> (u8, u32) {
    ((unit & 0xFF) as u8, u32::from(unit >> 8))
}

/// Decodes every instruction of `code` in order, folding `EXTENDED_ARG` prefixes into the
/// argument and skipping inline caches. Unknown bytes decode as `NOP` (they cannot come from
/// our compiler; `dis` shows them rather than failing).
pub fn instructions(code: &[u16]) -> Vec<Instruction> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut start = 0;
    let mut arg: u32 = 0;
    while i < code.len() {
        let (byte, low) = split_unit(code[i]);
        let opcode = Opcode::from_u8(byte).unwrap_or(Opcode::NOP);
        arg = (arg << 8) | low;
        if opcode == Opcode::EXTENDED_ARG {
            i += 1;
            continue;
        }
        let next = i + 1 + opcode.caches();
        out.push(Instruction {
            start,
            at: i,
            opcode,
            arg,
            next,
        });
        arg = 0;
        i = next;
        start = i;
    }
    out
}
