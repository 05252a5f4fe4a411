//! TEMPORARY shim until the compiler branch lands.

use super::CodeData;

pub fn disassemble(code: &CodeData) -> String {
    format!("{} units\n", code.code.len())
}
