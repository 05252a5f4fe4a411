//! Function-entry traces: a function called often (`-X jit-function-threshold`) that has
//! no loop of its own gets a tree whose root trace starts at its entry (PyPy's function
//! entry traces; loops get loop trees instead).
//!
//! ```text
//! RESUME (function start) ── code.entry_counter hits 1 ──▶ Vm::jit_function_entry
//!     tree known? ── yes ─▶ jit_drive: run it in the fresh frame; exit at a RETURN
//!     no ─▶ recorder::entry::record_function ─▶ passes ─▶ compile ─▶ run
//! ```
//!
//! The function's interpreter frame exists (the interpreter pushed it), so tracebacks,
//! `f_back`, `sys._getframe` and the recursion limit are the interpreter's; the trace only
//! replaces the interpretation of the body. Its exit at a `RETURN` leaves the frame just
//! before the return with the result on the stack, and the interpreter returns. Calls the
//! body makes to itself are residual calls that run the same tree natively without a frame
//! (`jit::lean`); the exit after such a call is no guard, so its side trace is recorded at
//! its first use.

use std::rc::Rc;

use pyrite_jit::Compiler;
use pyrite_profiler::{AbortReason, LoopPolicy, PenaltyOutcome};

use crate::bytecode::{Opcode, split_unit};
use crate::jit::keymap::KeyMap;
use crate::jit::{BackEdge, ExitState, LoopTrace, TreeMember, exit_states, nest, recorder};
use crate::object::Value;
use crate::vm::Vm;

/// What the JIT knows about one function's entry.
#[derive(Default)]
pub(crate) struct FunctionState {
    /// Keeps the code object (and so the key's address) alive.
    code: Value,
    policy: LoopPolicy,
    pub(crate) tree: Option<Rc<LoopTrace>>,
    /// Consecutive entries refused by a failed precondition.
    refused: u32,
    /// The globals the tree was recorded with (it folded names from them).
    pub(crate) globals: Value,
    /// Positional parameters only, no cells or free variables: a lean call binds its
    /// arguments to the first slots (`jit::lean`).
    pub(crate) simple_signature: bool,
    /// The tree (address) and member count the lean plan was last worked out for, and
    /// the plan (`None`: lean calls may not run the tree).
    pub(crate) lean_checked: (usize, usize),
    pub(crate) lean_plan: Option<Rc<crate::jit::lean::LeanPlan>>,
    /// The body names the function itself (a global or attribute with its name): probably
    /// recursive, so a call from the interpreter enters the tree, whose recursive calls
    /// then run natively. Other functions' trees only serve lean calls from traces: a
    /// trace run per interpreted call costs more than interpreting a small body.
    recursive: bool,
}

/// Whether a function-entry tree may be recorded for `code`: no loop (a loop gets its own
/// tree; comprehensions are loops too), not a generator or coroutine, and its body starts
/// with the `RESUME` the hook runs at.
fn eligible(code: &crate::types::code::CodeObject) -> bool {
    if code.is_generator_like() {
        return false;
    }
    let units = &code.units;
    let mut pc = 0;
    while pc < units.len() {
        let (mut byte, _) = split_unit(units[pc].get());
        pc += 1;
        while byte == Opcode::EXTENDED_ARG as u8 && pc < units.len() {
            byte = split_unit(units[pc].get()).0;
            pc += 1;
        }
        let Some(op) = Opcode::from_u8(byte) else {
            return false;
        };
        pc += op.caches();
        let op = op.generic();
        if matches!(
            op,
            Opcode::JUMP_BACKWARD | Opcode::FOR_ITER | Opcode::SEND | Opcode::YIELD_VALUE
        ) {
            return false;
        }
    }
    true
}

/// Whether calls bind their positional arguments straight to the first slots: no
/// keyword-only, `*args` or `**kwargs` parameters, no cells or free variables.
fn simple_signature(code: &crate::types::code::CodeObject) -> bool {
    use crate::bytecode::code::{code_flags, local_kind};
    let data = &code.data;
    data.flags & (code_flags::VARARGS | code_flags::VARKEYWORDS) == 0
        && data.kwonly_arg_count == 0
        && code.free_count == 0
        && !data
            .localsplus_kinds
            .iter()
            .any(|k| k & (local_kind::CELL | local_kind::FREE) != 0)
}

/// Marks the exits of a function-entry trace that leave at a `RETURN` of the root frame:
/// they need no side trace (the interpreter only returns there).
pub(crate) fn mark_return_exit(trace: &pyrite_ir::Trace, exits: &mut [ExitState]) {
    let Some(last) = trace.insts.last() else {
        return;
    };
    if last.op != pyrite_ir::Op::Exit {
        return;
    }
    let Some(s) = last.snapshot else {
        return;
    };
    let returns = trace
        .snapshots
        .get(s.0 as usize)
        .is_some_and(|snap| snap.frames.len() == 1);
    if returns
        && !super::is_stitch_exit(trace, s.0 as usize)
        && let Some(state) = exits.get_mut(s.0 as usize)
    {
        state.done = true;
    }
}

impl Vm {
    /// Called at a function's `RESUME` (its frame on top, `ip` after the `RESUME`) when
    /// the code's entry counter fires.
    pub(crate) fn jit_function_entry(&mut self, start: usize) -> BackEdge {
        let Some(frame) = self.frames.last() else {
            return BackEdge::Continue;
        };
        let code = frame.code.clone();
        let Some(code_obj) = code.as_code() else {
            return BackEdge::Continue;
        };
        let plain = frame.generator.is_null() && frame.locals.is_null() && !frame.func.is_null();
        let globals = frame.globals.clone();
        let key = code.bits();
        let counter = &code_obj.entry_counter;
        let threshold = self
            .jit
            .params
            .function_threshold
            .clamp(1, u32::from(u16::MAX) - 1) as u16;
        let state = self.jit.functions.entry(key).or_default();
        if state.code.is_null() {
            state.code = code.clone();
            state.recursive = code_obj.names.iter().any(|n| n.is(&code_obj.name));
            if !plain || !eligible(code_obj) {
                counter.set(u16::MAX);
                return BackEdge::Continue;
            }
            if threshold > 1 {
                counter.set(threshold);
                return BackEdge::Continue;
            }
        }
        if !plain {
            return BackEdge::Continue;
        }
        if let Some(tree) = state.tree.clone() {
            if !state.globals.is(&globals) {
                return BackEdge::Continue;
            }
            if !state.recursive {
                counter.set(u16::MAX);
                return BackEdge::Continue;
            }
            return self.jit_run_function(key, &tree);
        }
        let label = format!(
            "function@{}:{}",
            code_obj.filename.as_str().unwrap_or("?"),
            code_obj.line_of(start.saturating_sub(1))
        );
        match self.jit_compile_function(start, &label) {
            Ok(tree) => {
                let simple = simple_signature(code_obj);
                let mut recursive = false;
                if let Some(state) = self.jit.functions.get_mut(&key) {
                    state.tree = Some(tree.clone());
                    state.globals = globals;
                    state.simple_signature = simple;
                    state.lean_checked = (0, 0);
                    recursive = state.recursive;
                }
                if !recursive {
                    counter.set(u16::MAX);
                    return BackEdge::Continue;
                }
                counter.set(1);
                self.jit_run_function(key, &tree)
            }
            Err(abort) => {
                self.jit_function_abort(key, abort.reason, abort.pc, &label);
                BackEdge::Continue
            }
        }
    }

    /// Runs a function's tree in the top frame.
    fn jit_run_function(&mut self, key: u64, tree: &Rc<LoopTrace>) -> BackEdge {
        let driven = self.jit_drive(tree);
        self.jit_log_last_exit();
        match driven {
            nest::Driven::Ran => {
                if let Some(s) = self.jit.functions.get_mut(&key) {
                    s.refused = 0;
                }
                self.jit_drop_stale();
                match self.jit.raised.take() {
                    Some(e) => BackEdge::Raise(e),
                    None => BackEdge::Reload,
                }
            }
            nest::Driven::Busy => BackEdge::Continue,
            nest::Driven::Refused => {
                let Some(state) = self.jit.functions.get_mut(&key) else {
                    return BackEdge::Continue;
                };
                state.refused += 1;
                if state.refused > 3 {
                    // The world the trace was recorded in is gone: record again later.
                    state.tree = None;
                    state.refused = 0;
                    let pc = tree.header;
                    self.jit_function_abort(
                        key,
                        AbortReason::TooManyEntryFailures,
                        pc,
                        &tree.label,
                    );
                }
                BackEdge::Continue
            }
        }
    }

    /// Records, optimizes and compiles the top frame's function from `start`.
    fn jit_compile_function(
        &mut self,
        start: usize,
        label: &str,
    ) -> Result<Rc<LoopTrace>, recorder::Abort> {
        let at = |reason| recorder::Abort { reason, pc: start };
        let started = std::time::Instant::now();
        let max_length = self.jit.params.max_trace_length;
        let recording = recorder::entry::record_function(self, start, max_length)?;
        let mut trace = recording.trace;
        super::optimize_member(&mut trace, false).map_err(at)?;
        if self.jit.compiler.is_none() {
            match Compiler::new() {
                Ok(c) => self.jit.compiler = Some(c),
                Err(e) => {
                    self.jit.broken = true;
                    self.jit.log(format_args!("disabled: {e}"));
                    return Err(at(AbortReason::Compile(e.to_string())));
                }
            }
        }
        let mut options = self.jit.compile_options();
        let code = self
            .frames
            .last()
            .map(|f| f.code.clone())
            .unwrap_or_default();
        let native = super::lean_native::NativeCell::new(&code);
        if self.jit.params.lean_native != 0 {
            options.native = native.call_for(&recording.homes, &trace);
        }
        let compiled = match self.jit.compiler.as_mut() {
            Some(c) => c.compile(&trace, &self.jit.helpers, &options),
            None => return Err(at(AbortReason::Compile("no compiler".into()))),
        }
        .map_err(|e| at(AbortReason::Compile(e.0)))?;
        self.jit.announce(&compiled, &trace, label, started);
        native.set_entry(compiled.address());
        let mut exits = exit_states(&trace);
        mark_return_exit(&trace, &mut exits);
        let root = Rc::new(TreeMember {
            compiled,
            trace,
            exits: std::cell::RefCell::new(exits),
            label: label.to_string(),
        });
        Ok(Rc::new(LoopTrace {
            members: std::cell::RefCell::new(vec![root]),
            homes: std::cell::RefCell::new(recording.homes),
            deps: std::cell::RefCell::new(recording.deps),
            entry_depth: 0,
            header: start,
            back_edge: recording.loop_end,
            label: label.to_string(),
            calls: std::cell::RefCell::new(KeyMap::default()),
            continuations: std::cell::RefCell::new(KeyMap::default()),
            trip_home: None,
            trips: std::cell::Cell::new(Default::default()),
            function_entry: true,
            body: None,
            enclosing: None,
            stale: std::cell::RefCell::new(None),
            tree_code: Default::default(),
            retired: std::cell::Cell::new(false),
            native,
        }))
    }

    /// Records an abort of a function-entry recording: logs it and sets the entry counter
    /// to the penalty (or blacklists the function).
    pub(crate) fn jit_function_abort(
        &mut self,
        key: u64,
        reason: AbortReason,
        pc: usize,
        label: &str,
    ) {
        let random = self.jit.random.next_u32();
        let max_aborts = self.jit.params.max_aborts;
        let Some(state) = self.jit.functions.get_mut(&key) else {
            return;
        };
        let outcome = state.policy.on_abort(reason.clone(), max_aborts, random);
        let wait = match outcome {
            PenaltyOutcome::RetryAfter(n) => n.clamp(2, u32::from(u16::MAX) - 1) as u16,
            PenaltyOutcome::Blacklist => u16::MAX,
        };
        let line = match state.code.as_code() {
            Some(code) => {
                code.entry_counter.set(wait);
                code.line_of(pc)
            }
            None => 0,
        };
        let verdict = match outcome {
            PenaltyOutcome::RetryAfter(n) => format!("retry after {n}"),
            PenaltyOutcome::Blacklist => "blacklisted".to_string(),
        };
        self.jit.log(format_args!(
            "abort {label} at line {line}: {reason} ({verdict})"
        ));
    }
}
