//! `frame.f_lineno = n` from a trace function: the jump feature of `pdb`.
//!
//! A jump is only legal when the value stack at the target can be reached from the stack
//! at the current instruction by popping values: CPython's `frame_setlineno` abstractly
//! interprets the bytecode once, recording for every instruction the *kinds* of the values
//! below it (a `for` loop's iterator, an exception, the saved `lasti` of a re-raise, NULL,
//! any other object), and compares the two stacks. We run the same analysis over our
//! bytecode (whose stack effects come from the opcode table; `FOR_ITER` pops its iterator
//! when it jumps, where CPython's `END_FOR` does), so the same jumps are accepted, refused
//! with the same message, and pop the same values.
//!
//! A stack is encoded as CPython encodes it, three bits per entry in an `i64`, deepest
//! first, so "deeper" compares as "greater" and the best target (the deepest compatible
//! stack) is a plain maximum.

use crate::bytecode::code::CodeData;
use crate::bytecode::{Opcode, instructions};
use crate::interp::frame_object::frame_data;
use crate::object::Value;
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::vm::Vm;

/// What kind of value a stack entry holds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(i64)]
enum Kind {
    Except = 1,
    Object = 2,
    Null = 3,
    Lasti = 4,
    Iterator = 5,
}

const BITS: u32 = 3;
const MASK: i64 = 7;
const UNINITIALIZED: i64 = -2;
const OVERFLOWED: i64 = -1;
const MAX_ENTRIES: u32 = 63 / BITS;
const WILL_OVERFLOW: u64 = 1 << ((MAX_ENTRIES - 1) * BITS);
const EMPTY: i64 = 0;

fn push(stack: i64, kind: Kind) -> i64 {
    if stack as u64 >= WILL_OVERFLOW {
        OVERFLOWED
    } else {
        (stack << BITS) | kind as i64
    }
}

fn pop(stack: i64) -> i64 {
    stack >> BITS
}

fn top(stack: i64) -> i64 {
    stack & MASK
}

/// The kind `n` entries down (`n == 1` is the top).
fn peek(mut stack: i64, n: u32) -> i64 {
    for _ in 1..n {
        stack = pop(stack);
    }
    top(stack)
}

fn kind_of(bits: i64) -> Kind {
    match bits {
        1 => Kind::Except,
        3 => Kind::Null,
        4 => Kind::Lasti,
        5 => Kind::Iterator,
        _ => Kind::Object,
    }
}

fn swap(stack: i64, n: u32) -> i64 {
    if stack < 0 || n < 2 {
        return stack;
    }
    let deep = peek(stack, n);
    let shift = BITS * (n - 1);
    let replaced = (stack & !(MASK << shift)) | (top(stack) << shift);
    (replaced & !MASK) | deep
}

fn pop_to_level(mut stack: i64, level: u32) -> i64 {
    if level == 0 {
        return EMPTY;
    }
    let level_max = MASK << ((level - 1) * BITS);
    while stack > level_max {
        stack = pop(stack);
    }
    stack
}

fn compatible_kind(from: i64, to: i64) -> bool {
    match to {
        0 => false,
        t if t == Kind::Object as i64 => from != Kind::Null as i64,
        t if t == Kind::Null as i64 => true,
        t => from == t,
    }
}

fn compatible_stack(mut from: i64, mut to: i64) -> bool {
    if from < 0 || to < 0 {
        return false;
    }
    while from > to {
        from = pop(from);
    }
    while from != 0 {
        if !compatible_kind(top(from), top(to)) {
            return false;
        }
        from = pop(from);
        to = pop(to);
    }
    to == 0
}

fn explain_incompatible(to: i64) -> &'static str {
    if to == OVERFLOWED {
        return "stack is too deep to analyze";
    }
    if to == UNINITIALIZED {
        return "can't jump into an exception handler, or code may be unreachable";
    }
    match kind_of(top(to)) {
        Kind::Except => "can't jump into an 'except' block as there's no exception",
        Kind::Lasti => "can't jump into a re-raising block as there's no location",
        Kind::Object | Kind::Null => "incompatible stacks",
        Kind::Iterator => "can't jump into the body of a for loop",
    }
}

/// The abstract stack before every code unit (`UNINITIALIZED` where unreachable).
fn mark_stacks(data: &CodeData) -> Vec<i64> {
    let len = data.code.len();
    let mut stacks = vec![UNINITIALIZED; len + 1];
    stacks[0] = EMPTY;
    let instrs = instructions(&data.code);
    let set = |stacks: &mut Vec<i64>, at: usize, value: i64| {
        if let Some(s) = stacks.get_mut(at) {
            *s = value;
        }
    };
    let mut todo = true;
    while todo {
        todo = false;
        for ins in &instrs {
            let mut next = stacks.get(ins.start).copied().unwrap_or(UNINITIALIZED);
            for unit in ins.start..ins.at {
                set(&mut stacks, unit + 1, next);
            }
            if next == UNINITIALIZED {
                continue;
            }
            let arg = ins.arg;
            match ins.opcode {
                Opcode::POP_JUMP_IF_FALSE
                | Opcode::POP_JUMP_IF_TRUE
                | Opcode::POP_JUMP_IF_NONE
                | Opcode::POP_JUMP_IF_NOT_NONE => {
                    next = pop(next);
                    set(&mut stacks, ins.next + arg as usize, next);
                    set(&mut stacks, ins.next, next);
                }
                Opcode::SEND => {
                    set(&mut stacks, ins.next + arg as usize, next);
                    set(&mut stacks, ins.next, next);
                }
                Opcode::JUMP_FORWARD => set(&mut stacks, ins.next + arg as usize, next),
                Opcode::JUMP_BACKWARD | Opcode::JUMP_BACKWARD_NO_INTERRUPT => {
                    if let Some(j) = ins.next.checked_sub(arg as usize) {
                        if stacks.get(j) == Some(&UNINITIALIZED) && j < ins.start {
                            todo = true;
                        }
                        set(&mut stacks, j, next);
                    }
                }
                Opcode::GET_ITER | Opcode::GET_AITER => {
                    set(&mut stacks, ins.next, push(pop(next), Kind::Iterator));
                }
                Opcode::FOR_ITER => {
                    // Exhausted: the iterator is popped and the loop left.
                    set(&mut stacks, ins.next + arg as usize, pop(next));
                    set(&mut stacks, ins.next, push(next, Kind::Object));
                }
                Opcode::PUSH_EXC_INFO => set(&mut stacks, ins.next, push(next, Kind::Except)),
                Opcode::POP_EXCEPT => set(&mut stacks, ins.next, pop(next)),
                Opcode::RETURN_VALUE
                | Opcode::RETURN_CONST
                | Opcode::RAISE_VARARGS
                | Opcode::RERAISE => {}
                Opcode::PUSH_NULL => set(&mut stacks, ins.next, push(next, Kind::Null)),
                Opcode::LOAD_GLOBAL => {
                    next = push(next, Kind::Object);
                    if arg & 1 != 0 {
                        next = push(next, Kind::Null);
                    }
                    set(&mut stacks, ins.next, next);
                }
                Opcode::LOAD_ATTR => {
                    if arg & 1 != 0 {
                        next = push(push(pop(next), Kind::Object), Kind::Null);
                    }
                    set(&mut stacks, ins.next, next);
                }
                Opcode::SWAP => set(&mut stacks, ins.next, swap(next, arg)),
                Opcode::COPY => {
                    let copied = kind_of(peek(next, arg));
                    set(&mut stacks, ins.next, push(next, copied));
                }
                op => {
                    let mut delta = op.stack_effect(arg, false);
                    while delta < 0 {
                        next = pop(next);
                        delta += 1;
                    }
                    while delta > 0 {
                        next = push(next, Kind::Object);
                        delta -= 1;
                    }
                    set(&mut stacks, ins.next, next);
                }
            }
        }
        for entry in &data.exception_table {
            let from = stacks
                .get(entry.start as usize)
                .copied()
                .unwrap_or(UNINITIALIZED);
            let handler = entry.target as usize;
            if from != UNINITIALIZED && stacks.get(handler) == Some(&UNINITIALIZED) {
                todo = true;
                let mut target = pop_to_level(from, entry.depth);
                if entry.push_lasti {
                    target = push(target, Kind::Lasti);
                }
                set(&mut stacks, handler, push(target, Kind::Except));
            }
        }
    }
    stacks
}

/// The line each code unit starts, where a new line begins (else `None`).
fn mark_lines(data: &CodeData) -> Vec<Option<u32>> {
    let mut last = None;
    data.positions
        .iter()
        .take(data.code.len())
        .map(|p| {
            if p.line != 0 && last != Some(p.line) {
                last = Some(p.line);
                Some(p.line)
            } else {
                None
            }
        })
        .collect()
}

/// The jump being made: where to, and the kinds of the values to pop (top first).
struct Jump {
    target: usize,
    pops: Vec<Kind>,
}

/// Chooses the instruction to jump to for `new_line` from the instruction at `lasti`.
fn plan_jump(data: &CodeData, lasti: usize, new_line: i64, yielded: bool) -> PyResult<(Jump, i64)> {
    let value_error = |msg: String| PyErr::new(ExcKind::ValueError, msg);
    if new_line < i64::from(data.first_line) {
        return Err(value_error(format!(
            "line {new_line} comes before the current code block"
        )));
    }
    let lines = mark_lines(data);
    let Some(line) = lines
        .iter()
        .flatten()
        .filter(|&&l| i64::from(l) >= new_line)
        .min()
        .copied()
    else {
        return Err(value_error(format!(
            "line {new_line} comes after the current code block"
        )));
    };
    let stacks = mark_stacks(data);
    let mut start_stack = stacks.get(lasti).copied().unwrap_or(UNINITIALIZED);
    if yielded && start_stack > 0 {
        // `YIELD_VALUE` already popped the value it hands out.
        start_stack = pop(start_stack);
    }
    let mut best: Option<(usize, i64)> = None;
    let mut message = "cannot find bytecode for specified line";
    let mut explained = false;
    for (i, l) in lines.iter().enumerate() {
        if *l != Some(line) {
            continue;
        }
        let target_stack = stacks.get(i).copied().unwrap_or(UNINITIALIZED);
        if compatible_stack(start_stack, target_stack) {
            if best.is_none_or(|(_, s)| target_stack > s) {
                best = Some((i, target_stack));
            }
        } else if best.is_none() && !explained {
            if start_stack == OVERFLOWED {
                message = "stack to deep to analyze";
            } else if start_stack == UNINITIALIZED {
                message = "can't jump from unreachable code";
            } else {
                message = explain_incompatible(target_stack);
                explained = true;
            }
        }
    }
    let Some((target, target_stack)) = best else {
        return Err(value_error(message.to_string()));
    };
    let mut pops = Vec::new();
    let mut s = start_stack;
    while s > target_stack {
        pops.push(kind_of(top(s)));
        s = pop(s);
    }
    Ok((Jump { target, pops }, target_stack))
}

/// `frame.f_lineno = value`.
pub fn set_lineno(vm: &mut Vm, frame: &Value, value: &Value) -> PyResult<()> {
    if !vm.type_of(value).is(&vm.types.int) {
        return Err(PyErr::new(ExcKind::ValueError, "lineno must be an integer"));
    }
    let index = vm.live_frame_index(frame);
    vm.check_jump_event(index)?;
    let new_line = match value.as_small_int() {
        Some(n) if i64::from(i32::MIN) <= n && n <= i64::from(i32::MAX) => n,
        _ => return Err(PyErr::new(ExcKind::ValueError, "lineno out of range")),
    };
    let Some(index) = index else {
        return Err(PyErr::internal("jump in a frame that is not running"));
    };
    let Some(code_value) = vm.frames.get(index).map(|f| f.code.clone()) else {
        return Err(PyErr::internal("jump in a frame that is not running"));
    };
    let Some(code) = code_value.as_code() else {
        return Err(PyErr::internal("frame without code"));
    };
    let lasti = vm.frames.get(index).map_or(0, |f| f.lasti);
    let (jump, _) = plan_jump(&code.data, lasti, new_line, vm.delivering_yield())?;
    // Locals the compiler proved bound at the target may be unbound here: CPython binds
    // every empty slot to None (with a warning) rather than risk a crash.
    let (base, nlocalsplus) = vm
        .frames
        .get(index)
        .map_or((0, 0), |f| (f.base, f.nlocalsplus));
    let unbound = vm.stack[base..base + nlocalsplus]
        .iter()
        .filter(|v| v.is_null())
        .count();
    if unbound > 0 {
        let plural = if unbound == 1 { "" } else { "s" };
        vm.warn(
            ExcKind::RuntimeWarning,
            &format!("assigning None to {unbound} unbound local{plural}"),
        )?;
        for slot in &mut vm.stack[base..base + nlocalsplus] {
            if slot.is_null() {
                *slot = Value::NONE;
            }
        }
    }
    let mut released = Vec::with_capacity(jump.pops.len());
    if let Some(f) = vm.frames.get_mut(index) {
        for kind in jump.pops {
            if f.sp <= base + nlocalsplus {
                break;
            }
            f.sp -= 1;
            let v = std::mem::take(&mut vm.stack[f.sp]);
            if kind == Kind::Except {
                // Leaving an `except` block restores the exception being handled before
                // it, which `PUSH_EXC_INFO` saved on the stack.
                let saved = if v.is_none() { Value::NULL } else { v };
                released.push(std::mem::replace(&mut vm.exc_info, saved));
            } else {
                released.push(v);
            }
        }
        // Resume at the target's opcode unit (past its EXTENDED_ARGs) without a line event.
        let mut at = jump.target;
        while code.data.code.get(at).map(|u| (u & 0xFF) as u8) == Some(Opcode::EXTENDED_ARG as u8) {
            at += 1;
        }
        f.ip = jump.target;
        f.lasti = at;
    }
    drop(released);
    if let Some(data) = frame_data(frame) {
        data.traced_line.set(0);
    }
    vm.tracing.jumped = true;
    Ok(())
}
