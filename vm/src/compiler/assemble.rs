//! The assembler: turns the blocks of a `CodeBuilder` into final code units.
//!
//! The passes follow CPython's `flowgraph.c` / `assemble.c` closely enough that the output
//! has the same shape, in this order:
//!
//! 1. peephole: `LOAD_CONST; RETURN_VALUE` becomes `RETURN_CONST`; NOPs that carry no new
//!    line number are dropped;
//! 2. a flow pass from the entry computes each block's stack depth, the code's maximum,
//!    each handler's unwind depth (at its `Setup` marker) and reachability; unreachable
//!    blocks are dropped and inconsistent depths are reported as internal errors;
//! 3. layout: blocks reachable without taking an exception edge ("warm") keep their order,
//!    the rest ("cold": handlers and what only they reach) move to the end; a block whose
//!    fallthrough successor moved gets an explicit jump, and jumps to the very next block
//!    become NOPs;
//! 4. instructions without a location inherit their predecessor's (CPython's
//!    `propagate_line_numbers`), then NOPs are dropped again;
//! 5. conditional jumps that would go backward are inverted around a new backward jump
//!    (conditional jumps are forward-only in the opcode table);
//! 6. offsets are found by iterating until every jump's `EXTENDED_ARG` prefix count is
//!    stable (sizes only grow, so this terminates), deref arguments are mapped to their
//!    final `localsplus` slots, and code units, one position per unit and the exception
//!    table (runs of instructions sharing a handler) are emitted.

use std::collections::HashMap;

use crate::bytecode::code::{Constant, ExceptionTableEntry, Position};
use crate::bytecode::opcodes::Opcode;

use super::ir::{BlockId, CodeBuilder, Instr, Op};

/// The assembled pieces of a code object.
pub(crate) struct Assembled {
    pub code: Vec<u16>,
    pub positions: Vec<Position>,
    pub exception_table: Vec<ExceptionTableEntry>,
    pub stack_size: u32,
}

/// Stack effect as the flow pass sees it. `RETURN_GENERATOR` is listed with effect 0 in the
/// opcode table because the instruction itself returns; but the generator resumes after it
/// with the sent value pushed (CPython gives it `-- res`), which the `POP_TOP` of the
/// prologue discards.
fn effect(op: Opcode, arg: u32, jump: bool) -> i32 {
    if op == Opcode::RETURN_GENERATOR {
        return 1;
    }
    op.stack_effect(arg, jump)
}

/// Whether an instruction has no location yet (CPython's `NO_LOCATION`). The module's
/// `RESUME` has line 0 but an end line, which is a real location.
fn no_loc(p: &Position) -> bool {
    p.line == 0 && p.end_line == 0
}

/// Opcodes whose argument names a cell or free variable (mapped through `deref_map`).
fn is_deref_op(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::LOAD_DEREF
            | Opcode::STORE_DEREF
            | Opcode::DELETE_DEREF
            | Opcode::LOAD_CLOSURE
            | Opcode::MAKE_CELL
            | Opcode::LOAD_FROM_DICT_OR_DEREF
    )
}

fn is_conditional_jump(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::POP_JUMP_IF_FALSE
            | Opcode::POP_JUMP_IF_TRUE
            | Opcode::POP_JUMP_IF_NONE
            | Opcode::POP_JUMP_IF_NOT_NONE
    )
}

fn inverted(op: Opcode) -> Opcode {
    match op {
        Opcode::POP_JUMP_IF_FALSE => Opcode::POP_JUMP_IF_TRUE,
        Opcode::POP_JUMP_IF_TRUE => Opcode::POP_JUMP_IF_FALSE,
        Opcode::POP_JUMP_IF_NONE => Opcode::POP_JUMP_IF_NOT_NONE,
        _ => Opcode::POP_JUMP_IF_NONE,
    }
}

/// Assembles `b`. `deref_map[i]` is the `localsplus` slot of cell-space index `i` (cells
/// first, then free variables) used by code generation in deref instructions.
pub(crate) fn assemble(
    mut b: CodeBuilder,
    deref_map: &[u32],
    consts: &mut Vec<Constant>,
) -> Result<Assembled, String> {
    let entry = BlockId(0);
    let order = emission_order(&b, entry);
    inline_small_exits(&mut b, &order);
    for block in &mut b.blocks {
        block.instrs.retain(|i| i.op != Op::PopBlock);
    }
    for block in &mut b.blocks {
        fold_return_const(&mut block.instrs);
        fold_build_unpack(&mut block.instrs);
        fold_double_store(&mut block.instrs);
    }
    // CPython resolves line numbers before removing NOPs, so an artificial instruction
    // after `pass` takes the `pass` location even when that NOP then disappears.
    for block in &mut b.blocks {
        propagate_within_block(&mut block.instrs);
    }
    remove_redundant_nops(&mut b, &order);
    let flow = match analyse_flow(&mut b, entry) {
        Ok(f) => f,
        Err(e) => {
            if std::env::var_os("PYRITE_DEBUG_ASM").is_some() {
                for id in emission_order(&b, entry) {
                    eprintln!("block {}:", id.0);
                    for i in &b.blocks[id.0 as usize].instrs {
                        eprintln!(
                            "    {:?} {} {:?} h={:?}",
                            i.op,
                            i.arg,
                            i.target.map(|t| t.0),
                            i.handler.map(|h| h.0)
                        );
                    }
                }
            }
            return Err(e);
        }
    };
    let order: Vec<BlockId> = order
        .into_iter()
        .filter(|id| flow.reachable[id.0 as usize])
        .collect();
    let mut layout = lay_out(&mut b, &order, &flow.warm);
    drop_empty_blocks(&mut b, &mut layout);
    remove_redundant_jumps(&mut b, &layout);
    duplicate_exits_without_lineno(&mut b, &mut layout);
    propagate_locations(&mut b, &layout);
    remove_redundant_nops(&mut b, &layout);
    normalize_backward_jumps(&mut b, &mut layout);
    remove_unused_consts(&mut b, &layout, consts);
    emit(&b, &layout, deref_map, flow.max_depth)
}

fn fold_return_const(instrs: &mut Vec<Instr>) {
    let mut i = 0;
    while i + 1 < instrs.len() {
        if instrs[i].op == Op::Real(Opcode::LOAD_CONST)
            && instrs[i + 1].op == Op::Real(Opcode::RETURN_VALUE)
        {
            let arg = instrs[i].arg;
            instrs[i + 1].op = Op::Real(Opcode::RETURN_CONST);
            instrs[i + 1].arg = arg;
            instrs.remove(i);
        } else {
            i += 1;
        }
    }
}

/// Two stores to the same local on one line (`a, _, _ = t`): the first is dead, so it becomes
/// `POP_TOP`, as in CPython.
fn fold_double_store(instrs: &mut [Instr]) {
    for i in 0..instrs.len().saturating_sub(1) {
        let (a, b) = (instrs[i], instrs[i + 1]);
        if a.op == Op::Real(Opcode::STORE_FAST)
            && b.op == Op::Real(Opcode::STORE_FAST)
            && a.arg == b.arg
            && a.loc.line == b.loc.line
        {
            instrs[i].op = Op::Real(Opcode::POP_TOP);
            instrs[i].arg = 0;
        }
    }
}

/// `BUILD_TUPLE n; UNPACK_SEQUENCE n` (as in `a, b = b, a`) becomes a `SWAP` (n = 2, 3)
/// or nothing (n = 1), as CPython's peephole optimizer does.
fn fold_build_unpack(instrs: &mut [Instr]) {
    for i in 0..instrs.len().saturating_sub(1) {
        let (a, b) = (instrs[i], instrs[i + 1]);
        if a.op == Op::Real(Opcode::BUILD_TUPLE)
            && b.op == Op::Real(Opcode::UNPACK_SEQUENCE)
            && a.arg == b.arg
        {
            match a.arg {
                1 => {
                    instrs[i].op = Op::Real(Opcode::NOP);
                    instrs[i + 1].op = Op::Real(Opcode::NOP);
                }
                2 | 3 => {
                    instrs[i].op = Op::Real(Opcode::NOP);
                    instrs[i + 1].op = Op::Real(Opcode::SWAP);
                }
                _ => {}
            }
        }
    }
}

fn is_scope_exit(instr: &Instr) -> bool {
    matches!(
        instr.op,
        Op::Real(
            Opcode::RETURN_VALUE | Opcode::RETURN_CONST | Opcode::RAISE_VARARGS | Opcode::RERAISE
        )
    )
}

/// CPython's `inline_small_or_no_lineno_blocks`: an unconditional jump to a small block that
/// leaves the code (at most 4 instructions ending in a return or raise), or to a block with
/// no line numbers that does not fall through, is replaced by a copy of that block, so each
/// copy gets the line of the code that jumped there.
fn inline_small_exits(b: &mut CodeBuilder, order: &[BlockId]) {
    const MAX_COPY_SIZE: usize = 4;
    for _round in 0..64 {
        let mut changed = false;
        for &id in order {
            let Some(last) = b.blocks[id.0 as usize].instrs.last().copied() else {
                continue;
            };
            if !matches!(last.op, Op::Jump | Op::JumpNoInterrupt) {
                continue;
            }
            let Some(target) = last.target.map(|t| resolve_target(b, t)) else {
                continue;
            };
            if target == id {
                continue;
            }
            let t = &b.blocks[target.0 as usize];
            if t.instrs.iter().any(|i| i.op == Op::Setup) {
                continue;
            }
            // CPython counts before merging `PUSH_NULL` into `LOAD_GLOBAL`.
            let size: usize = t
                .instrs
                .iter()
                .map(|i| {
                    if i.op == Op::Real(Opcode::LOAD_GLOBAL) && i.arg & 1 == 1 {
                        2
                    } else {
                        1
                    }
                })
                .sum();
            let small_exit = t.instrs.last().is_some_and(is_scope_exit) && size <= MAX_COPY_SIZE;
            let no_lineno = !t.instrs.is_empty()
                && t.instrs.iter().all(|i| no_loc(&i.loc))
                && !t.falls_through();
            if !(small_exit || no_lineno) {
                continue;
            }
            let copy = t.instrs.clone();
            let block = &mut b.blocks[id.0 as usize];
            if let Some(l) = block.instrs.last_mut() {
                l.op = Op::Real(Opcode::NOP);
                l.target = None;
            }
            block.instrs.extend(copy);
            if no_lineno
                && last.op == Op::Jump
                && let Some(l) = block.instrs.last_mut()
                && l.op == Op::JumpNoInterrupt
            {
                l.op = Op::Jump;
            }
            changed = true;
        }
        if !changed {
            break;
        }
    }
}

fn emission_order(b: &CodeBuilder, entry: BlockId) -> Vec<BlockId> {
    let mut order = Vec::new();
    let mut cur = Some(entry);
    while let Some(id) = cur {
        order.push(id);
        cur = b.blocks[id.0 as usize].next;
    }
    order
}

/// Drops NOPs that add no line information (CPython's `basicblock_remove_redundant_nops`):
/// those without a location, on the same line as the previous instruction, or on the same
/// line as the next one (looking into the next non-empty block in `order`).
fn remove_redundant_nops(b: &mut CodeBuilder, order: &[BlockId]) {
    for (k, &id) in order.iter().enumerate() {
        let next_line = next_line_after(b, &order[k + 1..]);
        let block = &mut b.blocks[id.0 as usize];
        let mut out: Vec<Instr> = Vec::with_capacity(block.instrs.len());
        let mut prev_line: Option<u32> = None;
        let n = block.instrs.len();
        for i in 0..n {
            let instr = block.instrs[i];
            if instr.op == Op::Setup {
                out.push(instr);
                continue;
            }
            let line = instr.loc.line;
            if instr.op == Op::Real(Opcode::NOP) {
                if no_loc(&instr.loc) || prev_line == Some(line) {
                    continue;
                }
                // The next real instruction in this block (Setup markers are invisible).
                match (i + 1..n).find(|&j| block.instrs[j].op != Op::Setup) {
                    Some(j) => {
                        let next = &mut block.instrs[j];
                        if next.loc.line == line {
                            continue;
                        }
                        if no_loc(&next.loc) {
                            next.loc = instr.loc;
                            continue;
                        }
                    }
                    None => {
                        if next_line == Some(line) {
                            continue;
                        }
                    }
                }
            }
            prev_line = Some(line);
            out.push(instr);
        }
        block.instrs = out;
    }
}

/// Line of the first instruction in the first non-empty block of `rest`, skipping NOPs
/// without a location.
fn next_line_after(b: &CodeBuilder, rest: &[BlockId]) -> Option<u32> {
    for id in rest {
        let block = &b.blocks[id.0 as usize];
        for instr in &block.instrs {
            if instr.op == Op::Real(Opcode::NOP) && no_loc(&instr.loc) {
                continue;
            }
            if instr.op == Op::Setup {
                continue;
            }
            return Some(instr.loc.line);
        }
    }
    None
}

struct Flow {
    reachable: Vec<bool>,
    warm: Vec<bool>,
    max_depth: u32,
}

/// Computes stack depths (checking consistency), handler unwind depths, reachability and
/// which blocks are reached without an exception edge.
fn analyse_flow(b: &mut CodeBuilder, entry: BlockId) -> Result<Flow, String> {
    let n = b.blocks.len();
    let mut start_depth: Vec<Option<i32>> = vec![None; n];
    let mut work: Vec<BlockId> = Vec::new();
    let mut max_depth: i32 = 0;
    let push = |start_depth: &mut Vec<Option<i32>>,
                work: &mut Vec<BlockId>,
                id: BlockId,
                depth: i32|
     -> Result<(), String> {
        match start_depth[id.0 as usize] {
            None => {
                start_depth[id.0 as usize] = Some(depth);
                work.push(id);
                Ok(())
            }
            Some(d) if d == depth => Ok(()),
            Some(d) => Err(format!(
                "inconsistent stack depth at block {}: {} vs {}",
                id.0, d, depth
            )),
        }
    };
    push(&mut start_depth, &mut work, entry, 0)?;
    while let Some(id) = work.pop() {
        let mut depth = start_depth[id.0 as usize].unwrap_or(0);
        let block_len = b.blocks[id.0 as usize].instrs.len();
        let mut falls = true;
        for i in 0..block_len {
            let instr = b.blocks[id.0 as usize].instrs[i];
            match instr.op {
                Op::PopBlock => {}
                Op::Setup => {
                    let handler = &mut b.handlers[instr.arg as usize];
                    let here = depth + handler.adjust;
                    if here < 0 {
                        return Err("handler set up below the stack bottom".to_string());
                    }
                    match handler.depth {
                        None => handler.depth = Some(here as u32),
                        Some(d) if d as i32 == here => {}
                        Some(d) => {
                            return Err(format!(
                                "handler {} entered at depths {} and {}",
                                instr.arg, d, here
                            ));
                        }
                    }
                    let target_depth = here + 1 + i32::from(handler.lasti);
                    max_depth = max_depth.max(target_depth);
                    let target = handler.target;
                    push(&mut start_depth, &mut work, target, target_depth)?;
                }
                Op::Jump | Op::JumpNoInterrupt => {
                    let target = instr.target.ok_or("jump without target")?;
                    push(&mut start_depth, &mut work, target, depth)?;
                    falls = false;
                    break;
                }
                Op::Real(op) => {
                    if let Some(target) = instr.target {
                        let target_depth = depth + effect(op, instr.arg, true);
                        if target_depth < 0 {
                            return Err(format!("stack underflow at jump {}", op.name()));
                        }
                        max_depth = max_depth.max(target_depth);
                        push(&mut start_depth, &mut work, target, target_depth)?;
                    }
                    depth += effect(op, instr.arg, false);
                    if depth < 0 {
                        return Err(format!(
                            "stack underflow at {} in block {}",
                            op.name(),
                            id.0
                        ));
                    }
                    max_depth = max_depth.max(depth);
                    if instr.is_terminator() {
                        falls = false;
                        break;
                    }
                }
            }
        }
        if falls {
            match b.blocks[id.0 as usize].next {
                Some(next) => push(&mut start_depth, &mut work, next, depth)?,
                None => return Err("control falls off the end of the code".to_string()),
            }
        }
    }
    let reachable: Vec<bool> = start_depth.iter().map(Option::is_some).collect();
    // Warm blocks: reached from the entry through jumps and fallthrough only.
    let mut warm = vec![false; n];
    let mut stack = vec![entry];
    warm[entry.0 as usize] = true;
    while let Some(id) = stack.pop() {
        let block = &b.blocks[id.0 as usize];
        let mut succ: Vec<BlockId> = Vec::new();
        for instr in &block.instrs {
            if instr.is_jump()
                && let Some(t) = instr.target
            {
                succ.push(t);
            }
            if instr.is_terminator() {
                break;
            }
        }
        if fallthrough_reached(block)
            && let Some(next) = block.next
        {
            succ.push(next);
        }
        for s in succ {
            if !warm[s.0 as usize] {
                warm[s.0 as usize] = true;
                stack.push(s);
            }
        }
    }
    Ok(Flow {
        reachable,
        warm,
        max_depth: max_depth.max(0) as u32,
    })
}

/// Whether control reaches the end of the block (no terminator anywhere in it).
fn fallthrough_reached(block: &super::ir::Block) -> bool {
    !block.instrs.iter().any(Instr::is_terminator)
}

/// Orders warm blocks first, then cold ones, each group in emission order, and adds an
/// explicit jump wherever a block's fallthrough successor no longer follows it. Dead code
/// after a terminator inside a block is dropped here too.
fn lay_out(b: &mut CodeBuilder, order: &[BlockId], warm: &[bool]) -> Vec<BlockId> {
    for &id in order {
        let block = &mut b.blocks[id.0 as usize];
        if let Some(pos) = block.instrs.iter().position(Instr::is_terminator) {
            block.instrs.truncate(pos + 1);
        }
    }
    let mut layout: Vec<BlockId> = order
        .iter()
        .copied()
        .filter(|id| warm[id.0 as usize])
        .collect();
    layout.extend(order.iter().copied().filter(|id| !warm[id.0 as usize]));
    let mut k = 0;
    while k < layout.len() {
        let id = layout[k];
        let block = &b.blocks[id.0 as usize];
        if block.falls_through()
            && let Some(next) = block.next
            && layout.get(k + 1) != Some(&next)
        {
            let loc = Position::default();
            let handler = None;
            b.blocks[id.0 as usize].instrs.push(Instr {
                op: Op::JumpNoInterrupt,
                arg: 0,
                target: Some(next),
                loc,
                handler,
            });
        }
        k += 1;
    }
    // Re-link `next` in layout order so later passes see the final fallthrough chain.
    for w in 0..layout.len() {
        let next = layout.get(w + 1).copied();
        b.blocks[layout[w].0 as usize].next = next;
    }
    layout
}

/// The first block at or after `id` in the fallthrough chain that has instructions other than
/// `Setup` markers.
fn resolve_target(b: &CodeBuilder, mut id: BlockId) -> BlockId {
    loop {
        let block = &b.blocks[id.0 as usize];
        if block.instrs.iter().any(|i| i.op != Op::Setup) {
            return id;
        }
        match block.next {
            Some(next) => id = next,
            None => return id,
        }
    }
}

/// Retargets jumps and handlers at empty blocks to the block that follows them, and drops
/// the empty blocks from the layout (so line propagation sees real predecessors).
fn drop_empty_blocks(b: &mut CodeBuilder, layout: &mut Vec<BlockId>) {
    let resolved: HashMap<BlockId, BlockId> = layout
        .iter()
        .map(|&id| (id, resolve_target(b, id)))
        .collect();
    for &id in layout.iter() {
        for instr in &mut b.blocks[id.0 as usize].instrs {
            if let Some(t) = instr.target {
                instr.target = Some(resolved.get(&t).copied().unwrap_or(t));
            }
        }
    }
    for h in &mut b.handlers {
        if let Some(&t) = resolved.get(&h.target) {
            h.target = t;
        }
    }
    let keep: Vec<BlockId> = layout
        .iter()
        .copied()
        .filter(|id| !b.blocks[id.0 as usize].instrs.is_empty())
        .collect();
    if keep.is_empty() {
        return;
    }
    for w in 0..keep.len() {
        b.blocks[keep[w].0 as usize].next = keep.get(w + 1).copied();
    }
    *layout = keep;
}

/// Turns unconditional jumps to the next non-empty block into NOPs (which keep their line
/// for the NOP pass to judge).
fn remove_redundant_jumps(b: &mut CodeBuilder, layout: &[BlockId]) {
    for (k, &id) in layout.iter().enumerate() {
        let Some(last) = b.blocks[id.0 as usize].instrs.last().copied() else {
            continue;
        };
        if !matches!(last.op, Op::Jump | Op::JumpNoInterrupt) {
            continue;
        }
        let Some(target) = last.target else { continue };
        let target = resolve_target(b, target);
        let next = layout.get(k + 1).map(|&n| resolve_target(b, n));
        if next == Some(target)
            && let Some(instr) = b.blocks[id.0 as usize].instrs.last_mut()
        {
            instr.op = Op::Real(Opcode::NOP);
            instr.target = None;
        }
    }
}

/// CPython's `duplicate_exits_without_lineno`: a block with no line numbers that leaves the
/// code (or loops back) and is the target of several jumps is copied for each jumping
/// predecessor, the copy taking the jump's location, so line events and tracebacks name
/// the line that led there.
fn duplicate_exits_without_lineno(b: &mut CodeBuilder, layout: &mut Vec<BlockId>) {
    let position: HashMap<BlockId, usize> =
        layout.iter().enumerate().map(|(i, &id)| (id, i)).collect();
    let mut preds: HashMap<BlockId, u32> = HashMap::new();
    for &id in layout.iter() {
        let block = &b.blocks[id.0 as usize];
        for instr in &block.instrs {
            if instr.is_jump()
                && let Some(t) = instr.target
            {
                *preds.entry(t).or_insert(0) += 1;
            }
        }
        if block.falls_through()
            && let Some(next) = block.next
        {
            *preds.entry(next).or_insert(0) += 1;
        }
    }
    let candidate = |b: &CodeBuilder, id: BlockId| -> bool {
        let block = &b.blocks[id.0 as usize];
        let Some(last) = block.instrs.last() else {
            return false;
        };
        let here = position.get(&id).copied().unwrap_or(usize::MAX);
        let loops_back = matches!(last.op, Op::Jump)
            && last
                .target
                .is_some_and(|t| position.get(&t).is_some_and(|&p| p <= here));
        let eval_check = loops_back
            || block.instrs.iter().any(|i| {
                matches!(
                    i.op,
                    Op::Real(Opcode::CALL | Opcode::CALL_KW | Opcode::CALL_FUNCTION_EX)
                )
            });
        (is_scope_exit(last) || eval_check)
            && block.instrs.iter().all(|i| no_loc(&i.loc))
            && block.instrs.iter().all(|i| i.op != Op::Setup)
    };
    let mut k = 0;
    while k < layout.len() {
        let id = layout[k];
        let Some(last) = b.blocks[id.0 as usize].instrs.last().copied() else {
            k += 1;
            continue;
        };
        if let Some(target) = last.target.filter(|_| last.is_jump())
            && position.contains_key(&target)
            && candidate(b, target)
            && preds.get(&target).copied().unwrap_or(0) > 1
        {
            let copy_id = b.new_block();
            let mut instrs = b.blocks[target.0 as usize].instrs.clone();
            if let Some(first) = instrs.first_mut() {
                first.loc = last.loc;
            }
            b.blocks[copy_id.0 as usize].instrs = instrs;
            if let Some(l) = b.blocks[id.0 as usize].instrs.last_mut() {
                l.target = Some(copy_id);
            }
            if let Some(p) = preds.get_mut(&target) {
                *p -= 1;
            }
            // Place the copy right after the original.
            let tpos = layout
                .iter()
                .position(|&x| x == target)
                .unwrap_or(layout.len() - 1);
            layout.insert(tpos + 1, copy_id);
            let after = b.blocks[target.0 as usize].next;
            b.blocks[copy_id.0 as usize].next = after;
            b.blocks[target.0 as usize].next = Some(copy_id);
            if tpos < k {
                k += 1;
            }
        }
        k += 1;
    }
}

/// CPython's `propagate_line_numbers`: an instruction without a location takes the previous
/// one's; the first instruction of a block with a single predecessor takes the location at
/// the end of that predecessor.
fn propagate_within_block(instrs: &mut [Instr]) {
    let mut prev: Option<Position> = None;
    for instr in instrs {
        if instr.op == Op::Setup {
            continue;
        }
        if no_loc(&instr.loc) {
            if let Some(p) = prev {
                instr.loc = p;
            }
        } else {
            prev = Some(instr.loc);
        }
    }
}

fn propagate_locations(b: &mut CodeBuilder, layout: &[BlockId]) {
    let mut preds: HashMap<BlockId, u32> = HashMap::new();
    for &id in layout {
        let block = &b.blocks[id.0 as usize];
        for instr in &block.instrs {
            if instr.is_jump()
                && let Some(t) = instr.target
            {
                *preds.entry(t).or_insert(0) += 1;
            }
        }
        if block.falls_through()
            && let Some(next) = block.next
        {
            *preds.entry(next).or_insert(0) += 1;
        }
    }
    for &id in layout {
        let mut prev = Position::default();
        let block = &mut b.blocks[id.0 as usize];
        for instr in &mut block.instrs {
            if no_loc(&instr.loc) {
                instr.loc = prev;
            } else {
                prev = instr.loc;
            }
        }
        let falls = block.falls_through();
        let next = block.next;
        let last_target = block
            .instrs
            .last()
            .filter(|i| i.is_jump())
            .and_then(|i| i.target);
        let give = |target: BlockId, b: &mut CodeBuilder| {
            if preds.get(&target).copied() == Some(1)
                && let Some(first) = b.blocks[target.0 as usize]
                    .instrs
                    .iter_mut()
                    .find(|i| i.op != Op::Setup)
                && no_loc(&first.loc)
            {
                first.loc = prev;
            }
        };
        if falls && let Some(next) = next {
            give(next, b);
        }
        if let Some(t) = last_target {
            give(t, b);
        }
    }
}

/// Rewrites conditional jumps whose target is laid out before them: `POP_JUMP_IF_X T`
/// becomes `POP_JUMP_IF_NOT_X next; JUMP T` in a new block.
fn normalize_backward_jumps(b: &mut CodeBuilder, layout: &mut Vec<BlockId>) {
    // Positions in the original layout: inserted blocks are never jump targets and keep
    // the relative order of the original ones.
    let position: HashMap<BlockId, usize> =
        layout.iter().enumerate().map(|(i, &id)| (id, i)).collect();
    let mut k = 0;
    while k < layout.len() {
        let id = layout[k];
        let here = position.get(&id).copied().unwrap_or(usize::MAX);
        let Some(last) = b.blocks[id.0 as usize].instrs.last().copied() else {
            k += 1;
            continue;
        };
        if let (Op::Real(op), Some(target)) = (last.op, last.target)
            && is_conditional_jump(op)
            && position.get(&target).is_some_and(|&t| t <= here)
        {
            let next = b.blocks[id.0 as usize].next;
            let jump_block = b.new_block();
            b.blocks[jump_block.0 as usize].instrs.push(Instr {
                op: Op::Jump,
                arg: 0,
                target: Some(target),
                loc: last.loc,
                handler: last.handler,
            });
            b.blocks[jump_block.0 as usize].next = next;
            b.blocks[id.0 as usize].next = Some(jump_block);
            if let Some(instr) = b.blocks[id.0 as usize].instrs.last_mut() {
                instr.op = Op::Real(inverted(op));
                instr.target = next;
            }
            layout.insert(k + 1, jump_block);
        }
        k += 1;
    }
}

/// CPython's `remove_unused_consts`: constants only dead code used (code objects of
/// functions defined under `if False:`, say) are dropped; the first constant (possibly the
/// docstring) is always kept.
fn remove_unused_consts(b: &mut CodeBuilder, layout: &[BlockId], consts: &mut Vec<Constant>) {
    if consts.is_empty() {
        return;
    }
    let mut used = vec![false; consts.len()];
    used[0] = true;
    let is_const_op = |op: Op| matches!(op, Op::Real(Opcode::LOAD_CONST | Opcode::RETURN_CONST));
    for &id in layout {
        for instr in &b.blocks[id.0 as usize].instrs {
            if is_const_op(instr.op)
                && let Some(u) = used.get_mut(instr.arg as usize)
            {
                *u = true;
            }
        }
    }
    if used.iter().all(|&u| u) {
        return;
    }
    let mut remap = vec![0u32; consts.len()];
    let mut next = 0u32;
    for (i, &u) in used.iter().enumerate() {
        if u {
            remap[i] = next;
            next += 1;
        }
    }
    for &id in layout {
        for instr in &mut b.blocks[id.0 as usize].instrs {
            if is_const_op(instr.op) {
                instr.arg = remap.get(instr.arg as usize).copied().unwrap_or(instr.arg);
            }
        }
    }
    let old = std::mem::take(consts);
    *consts = old
        .into_iter()
        .zip(used)
        .filter(|(_, u)| *u)
        .map(|(c, _)| c)
        .collect();
}

/// Number of `EXTENDED_ARG` prefixes `arg` needs.
fn ext_count(arg: u32) -> u32 {
    match arg {
        0..=0xFF => 0,
        0x100..=0xFFFF => 1,
        0x1_0000..=0xFF_FFFF => 2,
        _ => 3,
    }
}

/// A laid-out real instruction.
struct Final {
    op: Opcode,
    arg: u32,
    target: Option<usize>,
    loc: Position,
    handler: Option<super::ir::HandlerId>,
    /// `EXTENDED_ARG` prefixes reserved for the argument.
    ext: u32,
}

fn emit(
    b: &CodeBuilder,
    layout: &[BlockId],
    deref_map: &[u32],
    max_depth: u32,
) -> Result<Assembled, String> {
    // Flatten into a single list; remember the index of each block's first instruction.
    let mut block_start: HashMap<BlockId, usize> = HashMap::new();
    let mut fin: Vec<Final> = Vec::new();
    let mut pending_targets: Vec<(usize, BlockId)> = Vec::new();
    for &id in layout {
        block_start.insert(id, fin.len());
        for instr in &b.blocks[id.0 as usize].instrs {
            let op = match instr.op {
                Op::Setup | Op::PopBlock => continue,
                Op::Real(op) => op,
                // Direction is resolved once offsets are known.
                Op::Jump => Opcode::JUMP_BACKWARD,
                Op::JumpNoInterrupt => Opcode::JUMP_BACKWARD_NO_INTERRUPT,
            };
            let mut arg = instr.arg;
            if is_deref_op(op) {
                arg = *deref_map
                    .get(arg as usize)
                    .ok_or("deref index out of range")?;
            }
            if let Some(t) = instr.target {
                pending_targets.push((fin.len(), t));
            }
            fin.push(Final {
                op,
                arg,
                target: None,
                loc: instr.loc,
                handler: instr.handler,
                ext: ext_count(arg),
            });
        }
    }
    let end_index = fin.len();
    for (i, t) in pending_targets {
        let idx = *block_start
            .get(&t)
            .ok_or("jump to a block that was not laid out")?;
        fin[i].target = Some(idx);
    }
    let _ = end_index;
    let is_forward = |fin: &Vec<Final>, i: usize| fin[i].target.is_some_and(|t| t > i);
    // Resolve unconditional jump directions (their index order is fixed now).
    for i in 0..fin.len() {
        if fin[i].target.is_some() {
            let fwd = is_forward(&fin, i);
            fin[i].op = match fin[i].op {
                Opcode::JUMP_BACKWARD | Opcode::JUMP_BACKWARD_NO_INTERRUPT if fwd => {
                    Opcode::JUMP_FORWARD
                }
                op if !fwd
                    && !matches!(
                        op,
                        Opcode::JUMP_BACKWARD | Opcode::JUMP_BACKWARD_NO_INTERRUPT
                    ) =>
                {
                    return Err(format!("{} jumps backward", op.name()));
                }
                op => op,
            };
        }
    }
    // Iterate offsets until every jump argument fits its reserved prefixes.
    let mut offsets: Vec<u32> = vec![0; fin.len() + 1];
    loop {
        let mut off = 0u32;
        for (i, f) in fin.iter().enumerate() {
            offsets[i] = off;
            off += f.ext + 1 + f.op.caches() as u32;
        }
        offsets[fin.len()] = off;
        let mut changed = false;
        for i in 0..fin.len() {
            if let Some(t) = fin[i].target {
                let end = offsets[i + 1];
                let dest = offsets[t];
                let arg = if t > i { dest - end } else { end - dest };
                fin[i].arg = arg;
                let need = ext_count(arg);
                if need > fin[i].ext {
                    fin[i].ext = need;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    let total = offsets[fin.len()] as usize;
    let mut code: Vec<u16> = Vec::with_capacity(total);
    let mut positions: Vec<Position> = Vec::with_capacity(total);
    for f in &fin {
        for k in (1..=f.ext).rev() {
            let byte = (f.arg >> (8 * k)) & 0xFF;
            code.push(Opcode::EXTENDED_ARG as u16 | ((byte as u16) << 8));
            positions.push(f.loc);
        }
        code.push(f.op as u16 | (((f.arg & 0xFF) as u16) << 8));
        positions.push(f.loc);
        for _ in 0..f.op.caches() {
            code.push(Opcode::CACHE as u16);
            positions.push(f.loc);
        }
    }
    // Exception table: runs of consecutive instructions with the same handler.
    let mut table: Vec<ExceptionTableEntry> = Vec::new();
    let mut i = 0;
    while i < fin.len() {
        let Some(h) = fin[i].handler else {
            i += 1;
            continue;
        };
        let start = offsets[i];
        let mut j = i + 1;
        while j < fin.len() && fin[j].handler == Some(h) {
            j += 1;
        }
        let handler = b.handlers[h.0 as usize];
        let depth = handler.depth.ok_or("handler used but never set up")?;
        let target_block = resolve_target(b, handler.target);
        let target_idx = *block_start
            .get(&target_block)
            .ok_or("handler block was not laid out")?;
        table.push(ExceptionTableEntry {
            start,
            end: offsets[j],
            target: offsets[target_idx],
            depth,
            push_lasti: handler.lasti,
        });
        i = j;
    }
    Ok(Assembled {
        code,
        positions,
        exception_table: table,
        stack_size: max_depth,
    })
}
