//! Rebuilding the interpreter frames of inlined calls at a trace exit.
//!
//! A trace records calls to Python functions inline (`recorder::inline`); while it runs,
//! those calls have no interpreter frame. An exit inside one leaves a snapshot whose frames
//! are the root (suspended at its `CALL`) and each inlined call with its function, pc and
//! every live slot. After the root frame has been written back, this pushes one
//! interpreter frame per inlined call, exactly as the interpreter's own `CALL` would have
//! (same window on the value stack, same globals and builtins, `lasti` at the suspended
//! `CALL`), so the interpreter resumes in the innermost one and everything that walks
//! frames afterwards (tracebacks, `sys._getframe`, `f_back`, `f_lineno`) sees what CPython
//! shows.

use pyrite_ir::{Const, SnapValue, Snapshot, Trace, Type};

use crate::bytecode::{Opcode, split_unit};
use crate::interp::frame::Frame;
use crate::jit::glue::clone_trace_word;
use crate::jit::recorder::Home;
use crate::object::Value;
use crate::vm::Vm;

/// The instruction after the one at `pc` (a `CALL` an outer frame is suspended in).
pub(crate) fn after(code: &Value, pc: usize) -> usize {
    let op = code
        .as_code()
        .and_then(|c| c.units.get(pc))
        .and_then(|u| Opcode::from_u8(split_unit(u.get()).0));
    pc + 1 + op.map_or(0, |op| op.caches())
}

/// A counted value for a snapshot slot whose raw word the exit left in `word`.
pub(crate) fn slot_value(vm: &Vm, trace: &Trace, r: pyrite_ir::Ref, word: u64) -> Value {
    match trace.type_of(r) {
        Type::I64 => vm.new_int(word as i64),
        Type::F64 => vm.new_float(f64::from_bits(word)),
        Type::Bool => Value::from_bool(word != 0),
        _ if word == 0 => Value::NULL,
        _ => clone_trace_word(word),
    }
}

/// Pushes the frames of the inlined calls of `snapshot` (frames 1..) above the root frame,
/// which the caller has already restored at its own snapshot frame.
pub(crate) fn rebuild(
    vm: &mut Vm,
    trace: &Trace,
    snapshot: &Snapshot,
    homes: &[Home],
    slots: &[u64],
    built: &[Value],
) {
    // The root resumes after its CALL once the inlined call returns; tracebacks show the
    // CALL's line meanwhile.
    if let Some(root) = vm.frames.last_mut()
        && let Some(snap) = snapshot.frames.first()
    {
        root.lasti = snap.pc as usize;
        root.ip = after(&root.code, snap.pc as usize);
    }
    let count = snapshot.frames.len();
    for (depth, snap) in snapshot.frames.iter().enumerate().skip(1) {
        let Some(Const::Value(word)) = snap.function.and_then(|f| trace.const_value(f)) else {
            return;
        };
        let func = clone_trace_word(word);
        let mut values = Vec::with_capacity(snap.slots.len());
        for &(k, value) in &snap.slots {
            let Some(&Home::Virtual { slot, depth: d }) = homes.get(k as usize) else {
                continue;
            };
            if d != depth {
                continue;
            }
            let value = match value {
                SnapValue::Ref(r) => {
                    let word = slots.get(k as usize).copied().unwrap_or(0);
                    slot_value(vm, trace, r, word)
                }
                SnapValue::Virtual(i) => match built.get(i as usize) {
                    Some(v) => v.clone(),
                    None => continue,
                },
            };
            values.push((slot, value));
        }
        let pc = snap.pc as usize;
        let innermost = depth + 1 == count;
        let ip = if innermost {
            pc
        } else {
            match func.as_function() {
                Some(f) => after(&f.code.borrow(), pc),
                None => return,
            }
        };
        let stack_depth = snap.stack_depth as usize;
        if !push_function_frame(vm, &func, values, stack_depth, ip, pc, false) {
            return;
        }
    }
}

/// Pushes an interpreter frame for the Python function `func` above the top frame, its
/// slots cleared and then set from `values` (slot, value), `stack_depth` entries above the
/// locals, resuming at `ip` (`lasti` for tracebacks); false when `func` is no function.
pub(crate) fn push_function_frame(
    vm: &mut Vm,
    func: &Value,
    values: Vec<(usize, Value)>,
    stack_depth: usize,
    ip: usize,
    lasti: usize,
    entry: bool,
) -> bool {
    let Some(f) = func.as_function() else {
        return false;
    };
    let code_value = f.code.borrow().clone();
    let Some(code) = code_value.as_code() else {
        return false;
    };
    let (globals, builtins) = (f.globals.clone(), f.builtins.clone());
    let nlocalsplus = code.localsplus_len();
    let size = code.frame_size();
    let base = vm.frames.last().map(Frame::end).unwrap_or(0);
    if vm.stack.len() < base + size {
        let new_len = (base + size).max(vm.stack.len() * 2).max(1024);
        vm.stack.resize_with(new_len, || Value::NULL);
    }
    let mut released = Vec::new();
    for slot in &mut vm.stack[base..base + size] {
        if !slot.is_null() {
            released.push(std::mem::take(slot));
        }
    }
    for (slot, value) in values {
        if slot < size {
            vm.stack[base + slot] = value;
        }
    }
    drop(released);
    vm.frames.push(Frame {
        code: code_value,
        func: func.clone(),
        globals,
        builtins,
        locals: Value::NULL,
        base,
        nlocalsplus,
        size,
        sp: base + nlocalsplus + stack_depth,
        ip,
        lasti,
        entry,
        generator: Value::NULL,
        object: Value::NULL,
        init_self: Value::NULL,
    });
    true
}
