//! `--dump-asm`: x86-64 machine code as Intel-syntax text, one instruction per line with
//! its address (iced-x86).

use iced_x86::{Decoder, DecoderOptions, Formatter, Instruction, IntelFormatter};

/// Disassembles `code` as if loaded at `ip`.
pub fn disassemble(code: &[u8], ip: u64) -> String {
    let mut decoder = Decoder::with_ip(64, code, ip, DecoderOptions::NONE);
    let mut formatter = IntelFormatter::new();
    let mut out = String::new();
    let mut text = String::new();
    let mut instruction = Instruction::default();
    while decoder.can_decode() {
        decoder.decode_out(&mut instruction);
        text.clear();
        formatter.format(&instruction, &mut text);
        out.push_str(&format!("  {:012x}  {text}\n", instruction.ip()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_intel_syntax() {
        // mov rax, rdi ; ret
        let text = disassemble(&[0x48, 0x89, 0xf8, 0xc3], 0x1000);
        assert!(text.contains("mov rax,rdi"), "{text}");
        assert!(text.contains("ret"), "{text}");
    }
}
