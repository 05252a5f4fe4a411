//! Adaptive specialization (PEP 659): generic instructions count down in their first inline
//! cache unit; at zero they look at their operands and rewrite themselves into a
//! specialized form (`BINARY_OP_ADD_INT`, `LOAD_GLOBAL_MODULE`, `CALL_PY_EXACT_ARGS`, ...).
//! A specialized instruction whose guard fails rewrites itself back to the generic form
//! and waits `BACKOFF` executions before trying again. The caches double as the type
//! feedback a trace recorder will read.

use std::cell::Cell;

use crate::bytecode::Opcode;
use crate::bytecode::code::code_flags;
use crate::object::{Payload, Value};
use crate::runtime::numbers::as_float;
use crate::types::iter::IterState;

/// Executions to wait after a failed specialization or a deoptimization (a prime, so
/// periodic operand patterns do not keep hitting the same phase).
pub const BACKOFF: u16 = 53;

/// Rewrites the opcode byte of the instruction at `at`, keeping its argument byte.
#[inline]
pub fn set_opcode(units: &[Cell<u16>], at: usize, op: Opcode) {
    if let Some(unit) = units.get(at) {
        unit.set((unit.get() & 0xFF00) | op as u16);
    }
}

/// Counts one execution of a generic instruction; true when it is time to specialize.
#[inline]
pub fn tick(units: &[Cell<u16>], at: usize) -> bool {
    match units.get(at + 1) {
        Some(counter) => {
            let c = counter.get();
            if c == 0 {
                true
            } else {
                counter.set(c - 1);
                false
            }
        }
        None => false,
    }
}

/// Sets the backoff counter of the instruction at `at`.
#[inline]
pub fn back_off(units: &[Cell<u16>], at: usize) {
    if let Some(counter) = units.get(at + 1) {
        counter.set(BACKOFF);
    }
}

/// Returns a specialized instruction to its generic form.
#[inline]
pub fn deoptimize(units: &[Cell<u16>], at: usize, generic: Opcode) {
    set_opcode(units, at, generic);
    back_off(units, at);
}

/// The specialized form of `BINARY_OP arg` for these operands, if any.
pub fn binary_op_form(arg: u32, a: &Value, b: &Value) -> Option<Opcode> {
    let base = arg % 13;
    if a.is_small_int() && b.is_small_int() {
        return match base {
            0 => Some(Opcode::BINARY_OP_ADD_INT),
            10 => Some(Opcode::BINARY_OP_SUBTRACT_INT),
            5 => Some(Opcode::BINARY_OP_MULTIPLY_INT),
            _ => None,
        };
    }
    if a.is_immediate_float() && b.is_immediate_float() {
        return match base {
            0 => Some(Opcode::BINARY_OP_ADD_FLOAT),
            10 => Some(Opcode::BINARY_OP_SUBTRACT_FLOAT),
            5 => Some(Opcode::BINARY_OP_MULTIPLY_FLOAT),
            11 => Some(Opcode::BINARY_OP_TRUE_DIVIDE_FLOAT),
            _ => None,
        };
    }
    None
}

/// The specialized form of `COMPARE_OP` for these operands, if any.
pub fn compare_op_form(a: &Value, b: &Value) -> Option<Opcode> {
    if a.is_small_int() && b.is_small_int() {
        Some(Opcode::COMPARE_OP_INT)
    } else if as_float(a).is_some()
        && as_float(b).is_some()
        && a.is_immediate_float()
        && b.is_immediate_float()
    {
        Some(Opcode::COMPARE_OP_FLOAT)
    } else {
        None
    }
}

/// The specialized form of `FOR_ITER` for this iterator, if any.
pub fn for_iter_form(it: &Value) -> Option<Opcode> {
    let Some(Payload::Iterator(state)) = it.payload() else {
        return None;
    };
    let state = state.try_borrow().ok()?;
    match &*state {
        IterState::Range { .. } => Some(Opcode::FOR_ITER_RANGE),
        IterState::Seq { seq, .. }
            if matches!(seq.payload(), Some(Payload::List(_) | Payload::Tuple(_))) =>
        {
            Some(Opcode::FOR_ITER_LIST)
        }
        _ => None,
    }
}

/// Whether a call of `callable` with `nargs` positional arguments (the receiver included)
/// and no keywords binds every argument to a parameter slot, the missing trailing ones
/// taking their defaults, with nothing else to do (`CALL_PY_EXACT_ARGS`).
#[inline]
pub fn is_exact_args_call(callable: &Value, nargs: usize) -> bool {
    let Some(f) = callable.as_function() else {
        return false;
    };
    let code = f.code.borrow();
    let Some(code) = code.as_code() else {
        return false;
    };
    let d = &code.data;
    d.flags & (code_flags::VARARGS | code_flags::VARKEYWORDS) == 0
        && d.kwonly_arg_count == 0
        && binds_exactly(d.arg_count as usize, nargs, &f.defaults.borrow())
}

/// Whether `nargs` positional arguments fill `arg_count` parameters, the last ones from
/// the `defaults` tuple (NULL or None: no defaults).
#[inline]
pub fn binds_exactly(arg_count: usize, nargs: usize, defaults: &Value) -> bool {
    if nargs == arg_count {
        return true;
    }
    let ndefaults = defaults.as_tuple().map_or(0, <[Value]>::len);
    nargs < arg_count && nargs + ndefaults >= arg_count
}

/// Rewrites a `LOAD_GLOBAL` that found `name` into its module or builtin form.
pub(crate) fn specialize_load_global(
    units: &[Cell<u16>],
    at: usize,
    name: &Value,
    globals: &Value,
    builtins: &Value,
) {
    let Some(text) = name.as_str() else { return };
    let hash = match name.as_pystr() {
        Some(s) => crate::runtime::hashing::pystr_hash(s),
        None => return,
    };
    let find = |dict: &Value| -> Option<(usize, u64)> {
        let table = dict.as_dict()?.try_borrow().ok()?;
        Some((table.find_str(hash, text)?, table.version()))
    };
    if let Some((index, _)) = find(globals) {
        if let Ok(index) = u16::try_from(index) {
            units[at + 2].set(index);
            set_opcode(units, at, Opcode::LOAD_GLOBAL_MODULE);
            return;
        }
    } else if let Some((index, _)) = find(builtins)
        && let Ok(index) = u16::try_from(index)
        && let Some(version) = globals
            .as_dict()
            .and_then(|t| t.try_borrow().ok().map(|t| t.version()))
    {
        units[at + 2].set(version as u16);
        units[at + 3].set((version >> 16) as u16);
        units[at + 4].set(index);
        set_opcode(units, at, Opcode::LOAD_GLOBAL_BUILTIN);
        return;
    }
    back_off(units, at);
}
