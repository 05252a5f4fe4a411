//! The tracing JIT's VM side: hot-loop detection, recording, compiling, entering native
//! code and deoptimizing back (DESIGN §6).
//!
//! ```text
//! JUMP_BACKWARD ── counter (its inline cache) hits 0 ──▶ Vm::jit_back_edge
//!     trace known?   ── yes ─▶ exec::run: copy homes in, call native code, write exit back
//!     no ─▶ recorder::record (dry run of one iteration) ─▶ ir passes ─▶ jit::Compiler
//!           abort ─▶ profiler::LoopPolicy penalty / blacklist, logged with its reason
//! ```
//!
//! Module map: [`recorder`] (bytecode → IR), [`exec`] (entry checks, running a trace,
//! deoptimization), [`glue`] (runtime helpers and raw words: the only `unsafe` here).
//! The interpreter's only hook is one call in `JUMP_BACKWARD` when its counter fires.

pub(crate) mod body;
pub(crate) mod dict_helpers;
pub(crate) mod entry;
pub(crate) mod exec;
pub(crate) mod frames;
pub(crate) mod give_up;
pub(crate) mod glue;
pub(crate) mod keymap;
pub(crate) mod lean;
pub(crate) mod lean_native;
pub(crate) mod math_helpers;
pub(crate) mod nest;
pub(crate) mod nest_link;
pub(crate) mod number_helpers;
pub(crate) mod object_helpers;
pub(crate) mod recorder;
pub(crate) mod residual;
pub(crate) mod short_trip;
pub(crate) mod tree_fn;
pub(crate) mod virtuals;

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use pyrite_jit::perf::PerfMap;
use pyrite_jit::{CompileOptions, Compiler, HelperTable};
use pyrite_profiler::policy::PenaltyRandom;
use pyrite_profiler::{AbortReason, JitParams, LoopPolicy, PenaltyOutcome};

use crate::jit::keymap::KeyMap;
use crate::object::Value;
use crate::vm::Vm;

/// One compiled trace of a loop's tree: the root (member 0) or a side trace.
pub(crate) struct TreeMember {
    pub compiled: pyrite_jit::CompiledTrace,
    pub trace: pyrite_ir::Trace,
    /// Per exit (snapshot): how often it was taken and whether a side trace took it.
    pub(crate) exits: RefCell<Vec<ExitState>>,
    /// `loop@file.py:LINE` or `side@file.py:LINE`, for logs and perf maps.
    pub label: String,
}

/// What the JIT knows about one exit of a trace.
#[derive(Clone, Copy, Default)]
pub(crate) struct ExitState {
    hits: u32,
    aborts: u32,
    /// A side trace took the exit, or it gave up on one (or it is a loop call).
    pub(crate) done: bool,
}

/// A compiled loop: its root trace and the side traces attached to the root's (and their
/// own) hot exits, sharing one slot array. A side trace leaves exit numbers
/// `member << 16 | snapshot`, so the VM knows whose snapshot to restore.
pub(crate) struct LoopTrace {
    pub members: RefCell<Vec<Rc<TreeMember>>>,
    /// The slot array's homes: the root's, then those side traces added.
    pub homes: RefCell<Vec<recorder::Home>>,
    /// Everything any member assumed, checked at every entry.
    pub deps: RefCell<Vec<recorder::Dep>>,
    pub entry_depth: usize,
    pub header: usize,
    pub back_edge: usize,
    /// `loop@file.py:LINE`, for logs and perf maps.
    pub label: String,
    /// Exits `(member, snapshot)` that call an inner loop's tree (see [`nest`]).
    pub calls: RefCell<KeyMap<(usize, usize), nest::LoopCall>>,
    /// Continuations after inner loops, by the pc they start at.
    pub continuations: RefCell<KeyMap<usize, nest::Continuation>>,
    /// The slot of the loop's own `for` position (and of its range step), for counting the
    /// iterations a root entry ran (see [`short_trip`]).
    pub trip_home: Option<short_trip::TripHome>,
    /// Root entries sampled and iterations they ran, until the loop is judged.
    pub trips: std::cell::Cell<short_trip::Trips>,
    /// The header of the loop around this one in the same code, which each run of this
    /// tree from the interpreter warms up (see [`nest`]).
    pub enclosing: Option<short_trip::Enclosing>,
    /// A function-entry tree ([`entry`]): traces start at the function's first
    /// instruction and end by leaving at its `RETURN`s; nothing links back.
    pub function_entry: bool,
    /// How side traces may enter the root's loop body (see [`body`]).
    pub body: Option<body::BodyTree>,
    /// Why the tree is to be dropped once the run from the interpreter is over
    /// ([`give_up`]).
    pub stale: RefCell<Option<AbortReason>>,
    /// The root compiled together with side traces, entered instead of the root's own
    /// code (see [`tree_fn`]).
    pub tree_code: RefCell<tree_fn::TreeCode>,
    /// The loop's state no longer holds this tree (dropped or replaced): nest bridges
    /// that cached it look it up again.
    pub retired: std::cell::Cell<bool>,
    /// A function tree's native self-calls (see [`lean_native`]).
    pub native: Box<lean_native::NativeCell>,
}

/// The exit states of a new trace: the snapshot a residual call leaves through (to have
/// the VM finish its `CALL`) never gets a side trace.
fn exit_states(trace: &pyrite_ir::Trace) -> Vec<ExitState> {
    let mut exits = vec![ExitState::default(); trace.snapshots.len()];
    for inst in &trace.insts {
        if inst.op != pyrite_ir::Op::Call {
            continue;
        }
        let pyrite_ir::Imm::Helper(id) = inst.imm else {
            continue;
        };
        let residual = trace
            .helper(id)
            .is_some_and(|h| residual::NAMES.contains(&h.name.as_str()));
        if residual && let Some(state) = inst.snapshot.and_then(|s| exits.get_mut(s.0 as usize)) {
            state.done = true;
        }
    }
    exits
}

/// Whether exit `exit` is the unconditional exit a trace ends with after a residual call
/// (its side trace finishes the iteration).
fn is_stitch_exit(trace: &pyrite_ir::Trace, exit: usize) -> bool {
    let ends_here = trace.insts.last().is_some_and(|inst| {
        inst.op == pyrite_ir::Op::Exit && inst.snapshot.is_some_and(|s| s.0 as usize == exit)
    });
    ends_here
        && trace.insts.iter().any(|inst| {
            inst.op == pyrite_ir::Op::Call
                && matches!(inst.imm, pyrite_ir::Imm::Helper(id)
                    if trace.helper(id).is_some_and(|h| residual::NAMES.contains(&h.name.as_str())))
        })
}

/// Where a side trace from an exit with `snapshot` starts: the innermost frame's file and
/// line (an exit inside inlined calls rebuilt their frames above the root, the innermost on
/// top; its code, not the root's, owns the snapshot's innermost pc).
fn side_trace_line(
    frames: &[crate::interp::frame::Frame],
    snapshot: &pyrite_ir::Snapshot,
) -> Option<(u32, String)> {
    let pc = snapshot.frames.last()?.pc as usize;
    let code = frames.last()?.code.as_code()?;
    Some((
        code.line_of(pc),
        code.filename.as_str().unwrap_or("?").to_string(),
    ))
}

/// Optimizes a tree member's trace; returns its loop-call exit if the recording ended in
/// one.
pub(crate) fn optimize_member(
    trace: &mut pyrite_ir::Trace,
    loop_call: bool,
) -> Result<Option<usize>, AbortReason> {
    if trace.snapshots.len() >= 1 << EXIT_MEMBER_SHIFT {
        return Err(AbortReason::TraceTooLong);
    }
    pyrite_ir::passes::optimize(trace).map_err(|e| AbortReason::Compile(e.to_string()))?;
    match loop_call {
        true => nest::loop_call_exit(trace).map(Some),
        false => Ok(None),
    }
}

/// The entry address of `tree`'s root, which its other members link back to (its tree
/// function's, once it has one).
pub(crate) fn root_address(tree: &LoopTrace) -> Result<u64, AbortReason> {
    if let Some(address) = tree.tree_code.borrow().root_address() {
        return Ok(address);
    }
    tree.members
        .borrow()
        .first()
        .map(|m| m.compiled.address())
        .ok_or(AbortReason::FrameShape)
}

/// Exit numbers carry the member index above this many bits.
pub(crate) const EXIT_MEMBER_SHIFT: u32 = 16;

/// What the JIT knows about one loop header.
#[derive(Default)]
struct LoopState {
    /// Keeps the code object (and so the key's address) alive.
    code: Value,
    policy: LoopPolicy,
    trace: Option<Rc<LoopTrace>>,
    /// The counter has been armed with the threshold once.
    armed: bool,
    /// Consecutive entries refused by a failed precondition.
    refused: u32,
}

impl LoopState {
    /// Drops the loop's tree, marking it retired (see [`LoopTrace::retired`]).
    fn retire_trace(&mut self) {
        if let Some(tree) = self.trace.take() {
            tree.retired.set(true);
        }
    }
}

/// Per-interpreter JIT state.
pub struct JitState {
    pub params: JitParams,
    /// Where `--jit-log` lines go (none: no logging).
    log: Option<Box<dyn Write>>,
    pub dump_ir: bool,
    pub dump_asm: bool,
    compiler: Option<Compiler>,
    /// The compiler could not be set up: the JIT stays off.
    broken: bool,
    helpers: HelperTable,
    loops: KeyMap<(u64, usize), LoopState>,
    random: PenaltyRandom,
    perf: Option<PerfMap>,
    /// Guards left before a stress failure (`-X jit-fail-guard-every`).
    stress_countdown: i64,
    /// Code objects whose calls traces make residual instead of inlining (their inlined
    /// recording aborted once, e.g. recursion beyond the inline depth), keyed by address.
    pub(crate) no_inline: RefCell<KeyMap<u64, Value>>,
    /// With `--jit-log`: the last exit taken, logged once the driver hands the frame back
    /// to the interpreter (exits that lead into an inner loop or a continuation are not
    /// returns to the interpreter).
    last_exit: Option<String>,
    /// Buffers for trace entries and exits.
    scratch: exec::Scratch,
    /// The exception a residual call raised while driving traces, to be raised at the
    /// frame's `CALL` once the driver returns.
    pub(crate) raised: Option<crate::runtime::errors::PyErr>,
    /// Code objects whose residual call returned an object (the VM had to finish the
    /// `CALL` after the trace left): later recordings do not call them residually.
    pub(crate) residual_objects: RefCell<KeyMap<u64, Value>>,
    /// The last exit the driver took may still get a side trace (see `short_trip`).
    pub(crate) cold_exit: bool,
    /// Some tree was marked stale since the last [`Vm::jit_drop_stale`].
    pub(crate) stale_pending: bool,
    /// Function-entry state by code object address ([`entry`]).
    pub(crate) functions: KeyMap<u64, entry::FunctionState>,
    /// The interpreter finished a call whose frames a lean call materialized: the outcome
    /// for the nearest real frame's call, while the lean activations above it leave.
    pub(crate) lean_forced: Option<crate::runtime::errors::PyResult<Value>>,
    /// Where lean runs' exits leave the fields of virtual objects (`jit::lean`).
    pub(crate) lean_virtuals: Box<[u64; pyrite_jit::VIRTUAL_WORDS]>,
    /// The lean runs' contexts and slot arrays, by run depth (`jit::lean::Records`).
    pub(crate) lean_records: crate::jit::lean::Records,
    /// Functions whose first lean call `--jit-log` reported.
    pub(crate) lean_logged: std::collections::HashSet<u64>,
    /// Inner-tree runs nest bridges started that the driver has to finish ([`nest_link`]).
    pub(crate) nest_stash: Vec<nest_link::NestStash>,
    /// Buffers for nest bridges (taken by the one transfer in progress: bridges do not
    /// nest, see `nest_active`).
    pub(crate) nest_buffers: Option<Box<nest_link::Buffers>>,
    /// Inner trees running from a nest bridge right now (at most one: see [`nest_link`]).
    pub(crate) nest_active: u32,
}

impl JitState {
    /// Reports a freshly compiled trace: the `--jit-log` line, `--dump-ir`/`--dump-asm`
    /// output and the `-X perf` map entry.
    fn announce(
        &mut self,
        compiled: &pyrite_jit::CompiledTrace,
        trace: &pyrite_ir::Trace,
        label: &str,
        started: std::time::Instant,
    ) {
        let micros = started.elapsed().as_micros();
        self.log(format_args!(
            "trace#{} {label} compiled: {} IR instructions, {} exits, {} bytes, {micros} us",
            compiled.id,
            trace.insts.len(),
            trace.snapshots.len(),
            compiled.size()
        ));
        if self.dump_ir {
            eprintln!("---- IR trace#{} {label} ----\n{trace}", compiled.id);
        }
        if let Some(asm) = &compiled.asm {
            eprintln!("---- asm trace#{} {label} ----\n{asm}", compiled.id);
        }
        if let Some(perf) = &mut self.perf {
            perf.add(
                compiled.address(),
                compiled.size(),
                &format!("py::trace#{}:{label}", compiled.id),
            );
        }
    }

    /// Reports a tree function (`tree_fn`): `--dump-asm` output and the `-X perf` entry.
    fn announce_tree(&mut self, compiled: &pyrite_jit::CompiledTrace, label: &str) {
        if let Some(asm) = &compiled.asm {
            eprintln!("---- asm trace#{} {label} (tree) ----\n{asm}", compiled.id);
        }
        if let Some(perf) = &mut self.perf {
            perf.add(
                compiled.address(),
                compiled.size(),
                &format!("py::trace#{}:{label}+tree", compiled.id),
            );
        }
    }

    /// The JIT with these parameters; `log` is `--jit-log`'s target (`-` for stderr).
    pub fn new(params: JitParams, log: Option<&str>, dump_ir: bool, dump_asm: bool) -> JitState {
        let log: Option<Box<dyn Write>> = match log {
            None => None,
            Some("-") | Some("") => Some(Box::new(std::io::stderr())),
            Some(path) => std::fs::File::create(path)
                .ok()
                .map(|f| Box::new(f) as Box<dyn Write>),
        };
        let perf = (params.perf != 0).then(PerfMap::open);
        let stress_countdown = i64::from(params.fail_guard_every.max(1));
        JitState {
            params,
            log,
            dump_ir,
            dump_asm,
            compiler: None,
            broken: false,
            helpers: glue::helper_table(),
            loops: KeyMap::default(),
            random: PenaltyRandom::new(0x9E37_79B9_7F4A_7C15),
            perf,
            stress_countdown,
            no_inline: RefCell::new(KeyMap::default()),
            last_exit: None,
            scratch: exec::Scratch::default(),
            raised: None,
            residual_objects: RefCell::new(KeyMap::default()),
            cold_exit: false,
            stale_pending: false,
            functions: KeyMap::default(),
            lean_forced: None,
            lean_virtuals: Box::new([0; pyrite_jit::VIRTUAL_WORDS]),
            lean_records: Default::default(),
            lean_logged: std::collections::HashSet::new(),
            nest_stash: Vec::new(),
            nest_buffers: Some(Box::default()),
            nest_active: 0,
        }
    }

    /// Whether the JIT may run.
    pub fn enabled(&self) -> bool {
        self.params.enabled && !self.broken
    }

    /// Whether `--jit-log` is on.
    pub(crate) fn log_enabled(&self) -> bool {
        self.log.is_some()
    }

    pub(crate) fn log(&mut self, line: std::fmt::Arguments) {
        if let Some(out) = &mut self.log {
            // The log is diagnostics only: a failed write must not change the program.
            let _ = writeln!(out, "[jit] {line}");
        }
    }

    fn stressed(&self) -> bool {
        self.params.fail_guard_every != 0
    }

    /// How traces are compiled under the current flags.
    fn compile_options(&self) -> CompileOptions {
        CompileOptions {
            stress: self.stressed(),
            disassemble: self.dump_asm,
            native: None,
        }
    }
}

/// What the interpreter does after the hook.
pub(crate) enum BackEdge {
    /// Nothing changed: keep interpreting at the loop header.
    Continue,
    /// A trace ran: the frame's state moved; reload it.
    Reload,
    /// A trace's residual call raised: raise this at the frame's `lasti` (its `CALL`).
    Raise(crate::runtime::errors::PyErr),
}

impl Vm {
    /// Called by `JUMP_BACKWARD` (at `back_edge`, jumping to `header`) when its counter
    /// fires, with the frame's `ip` saved at `header`.
    pub(crate) fn jit_back_edge(&mut self, back_edge: usize, header: usize) -> BackEdge {
        let Some(frame) = self.frames.last() else {
            return BackEdge::Continue;
        };
        let code = frame.code.clone();
        let Some(code_obj) = code.as_code() else {
            return BackEdge::Continue;
        };
        let threshold = self.jit.params.threshold.clamp(1, u32::from(u16::MAX)) as u16;
        let counter = code_obj.units.get(back_edge + 1);
        let key = (code.bits(), header);
        let state = self.jit.loops.entry(key).or_default();
        if state.code.is_null() {
            state.code = code.clone();
        }
        if state.policy.blacklisted.is_some() {
            if let Some(c) = counter {
                c.set(u16::MAX);
            }
            return BackEdge::Continue;
        }
        if let Some(trace) = state.trace.clone() {
            let driven = self.jit_drive_counted(&trace);
            self.jit_log_last_exit();
            return match driven {
                nest::Driven::Ran => {
                    if let Some(s) = self.jit.loops.get_mut(&key) {
                        s.refused = 0;
                    }
                    self.jit_judge_trips(key, &trace);
                    self.jit_warm_enclosing(&code, &trace);
                    self.jit_drop_stale();
                    match self.jit.raised.take() {
                        Some(e) => BackEdge::Raise(e),
                        None => BackEdge::Reload,
                    }
                }
                nest::Driven::Busy => BackEdge::Continue,
                nest::Driven::Refused => {
                    let state = self.jit.loops.entry(key).or_default();
                    state.refused += 1;
                    if state.refused > 3 {
                        // The world the trace was recorded in is gone: record again later.
                        state.retire_trace();
                        state.refused = 0;
                        let label = trace.label.clone();
                        self.jit_abort(
                            key,
                            back_edge,
                            AbortReason::TooManyEntryFailures,
                            header,
                            &label,
                        );
                    } else if let Some(c) = counter {
                        c.set(threshold);
                    }
                    BackEdge::Continue
                }
            };
        }
        if !state.armed && threshold > 1 {
            state.armed = true;
            if let Some(c) = counter {
                c.set(threshold - 1);
            }
            return BackEdge::Continue;
        }
        let label = format!(
            "loop@{}:{}",
            code_obj.filename.as_str().unwrap_or("?"),
            code_obj.line_of(header)
        );
        let max_length = self.jit.params.max_trace_length;
        let started = std::time::Instant::now();
        let recording = match recorder::record(self, header, back_edge, max_length) {
            Ok(r) => r,
            Err(abort) => {
                self.jit_abort(key, back_edge, abort.reason, abort.pc, &label);
                return BackEdge::Continue;
            }
        };
        let mut trace = recording.trace;
        if trace.snapshots.len() >= 1 << EXIT_MEMBER_SHIFT {
            self.jit_abort(key, back_edge, AbortReason::TraceTooLong, header, &label);
            return BackEdge::Continue;
        }
        match pyrite_ir::passes::optimize(&mut trace) {
            Ok(()) => {}
            Err(e) => {
                self.jit_abort(
                    key,
                    back_edge,
                    AbortReason::Compile(e.to_string()),
                    header,
                    &label,
                );
                return BackEdge::Continue;
            }
        };
        let call_exit = match recording.loop_call {
            Some(_) => match nest::loop_call_exit(&trace) {
                Ok(k) => k,
                Err(reason) => {
                    self.jit_abort(key, back_edge, reason, header, &label);
                    return BackEdge::Continue;
                }
            },
            None => 0,
        };
        if self.jit.compiler.is_none() {
            match Compiler::new() {
                Ok(c) => self.jit.compiler = Some(c),
                Err(e) => {
                    self.jit.broken = true;
                    self.jit.log(format_args!("disabled: {e}"));
                    return BackEdge::Continue;
                }
            }
        }
        let options = self.jit.compile_options();
        let body = body::BodyTree::of_root(&trace);
        let no_body = body.as_ref().err().copied();
        let body = body.ok();
        let compiled = match self.jit.compiler.as_mut() {
            Some(c) => c.compile_root(
                &trace,
                &self.jit.helpers,
                &options,
                body.as_ref().map(|b| &b.entry),
            ),
            None => return BackEdge::Continue,
        };
        let compiled = match compiled {
            Ok(c) => c,
            Err(e) => {
                self.jit_abort(key, back_edge, AbortReason::Compile(e.0), header, &label);
                return BackEdge::Continue;
            }
        };
        self.jit.announce(&compiled, &trace, &label, started);
        if let Some(reason) = no_body {
            self.jit.log(format_args!(
                "trace#{} has no body entry: {reason}",
                compiled.id
            ));
        }
        let mut exits = exit_states(&trace);
        let mut calls = KeyMap::default();
        if let Some(call) = recording.loop_call {
            if let Some(e) = exits.get_mut(call_exit) {
                e.done = true;
            }
            self.jit_log_loop_call(compiled.id, call_exit, &call);
            self.jit_bridge_loop_call(&compiled, call_exit);
            calls.insert((0, call_exit), call);
        }
        let exits = RefCell::new(exits);
        let root = Rc::new(TreeMember {
            compiled,
            trace,
            exits,
            label: label.clone(),
        });
        let entry_depth = recording.entry_depth;
        let loop_homes = recording.homes;
        let enclosing = short_trip::enclosing(&code_obj.units, header, recording.loop_end);
        let trip_home = short_trip::trip_home(&loop_homes, code_obj.localsplus_len(), entry_depth);
        let loop_trace = Rc::new(LoopTrace {
            members: RefCell::new(vec![root]),
            homes: RefCell::new(loop_homes),
            deps: RefCell::new({
                let mut deps = Vec::new();
                exec::merge_deps(&mut deps, recording.deps);
                deps
            }),
            entry_depth,
            header,
            back_edge: recording.loop_end,
            label,
            calls: RefCell::new(calls),
            continuations: RefCell::new(KeyMap::default()),
            trip_home,
            trips: std::cell::Cell::new(short_trip::Trips::default()),
            enclosing,
            function_entry: false,
            body,
            stale: RefCell::new(None),
            tree_code: RefCell::default(),
            retired: std::cell::Cell::new(false),
            native: Box::default(),
        });
        if let Some(state) = self.jit.loops.get_mut(&key) {
            state.retire_trace();
            state.trace = Some(loop_trace.clone());
        }
        if let Some(c) = counter {
            c.set(0);
        }
        let driven = self.jit_drive_counted(&loop_trace);
        self.jit_log_last_exit();
        match driven {
            nest::Driven::Ran => {
                self.jit_warm_enclosing(&code, &loop_trace);
                self.jit_drop_stale();
                match self.jit.raised.take() {
                    Some(e) => BackEdge::Raise(e),
                    None => BackEdge::Reload,
                }
            }
            nest::Driven::Refused | nest::Driven::Busy => BackEdge::Continue,
        }
    }

    /// Logs the exit through which traces returned to the interpreter (`--jit-log`).
    fn jit_log_last_exit(&mut self) {
        if let Some(line) = self.jit.last_exit.take() {
            self.jit.log(format_args!("{line}"));
        }
    }

    /// Counts an exit of `tree`'s member; a hot exit gets a side trace, recorded from the
    /// state the exit just restored (the frame is at the exit's pc).
    fn jit_exit_taken(&mut self, tree: &Rc<LoopTrace>, member: usize, exit: usize) {
        let Some(parent) = tree.members.borrow().get(member).cloned() else {
            return;
        };
        // A function tree's exit after a residual call is no guard: every run reaching
        // the call takes it, so its side trace is recorded at once.
        let stitch = tree.function_entry && is_stitch_exit(&parent.trace, exit);
        let hot = match stitch {
            true => 1,
            false => self
                .jit
                .params
                .hot_exit
                .min(self.jit.params.threshold)
                .max(1),
        };
        {
            let mut exits = parent.exits.borrow_mut();
            let Some(state) = exits.get_mut(exit) else {
                return;
            };
            if state.done {
                // An exit whose side trace kept aborting hands every pass to the
                // interpreter: taken this often, the tree costs more than it saves. A
                // function tree's run is one call, with no later iterations to pay for
                // the entry and exit, so it goes after as many passes as a loop is
                // sampled for the short-trip policy.
                if state.aborts >= 3 {
                    let limit = match tree.function_entry {
                        true => self.jit.params.short_trip_sample.max(hot),
                        false => self.jit.params.given_up_exits,
                    };
                    state.hits = state.hits.saturating_add(1);
                    if state.hits >= limit.max(1) {
                        state.hits = 0;
                        drop(exits);
                        self.jit_give_up(tree, AbortReason::GivenUpExit);
                    }
                }
                return;
            }
            self.jit.cold_exit = true;
            state.hits += 1;
            if state.hits < hot {
                return;
            }
            state.hits = 0;
        }
        let members = tree.members.borrow().len();
        if members > self.jit.params.max_side_traces as usize {
            if let Some(state) = parent.exits.borrow_mut().get_mut(exit) {
                state.done = true;
            }
            self.jit.cold_exit = false;
            return;
        }
        match self.jit_side_trace(tree, &parent, exit) {
            Ok(side) => {
                parent
                    .compiled
                    .set_exit_target(exit, side.compiled.address());
                if let Some(state) = parent.exits.borrow_mut().get_mut(exit) {
                    state.done = true;
                }
                self.jit.cold_exit = false;
                self.jit.log(format_args!(
                    "trace#{} {} attached to trace#{} exit {exit}",
                    side.compiled.id, side.label, parent.compiled.id
                ));
                tree.members.borrow_mut().push(side);
                self.jit_recompile_tree(tree);
            }
            Err(reason) => {
                let mut exits = parent.exits.borrow_mut();
                if let Some(state) = exits.get_mut(exit) {
                    state.aborts += 1;
                    // Give up on exits that keep aborting (they raise, meet unsupported
                    // code, ...), and at once on an exit whose path leaves the loop: a
                    // side trace from it can never link back.
                    state.done = state.aborts >= 3 || reason == AbortReason::LeftLoop;
                    self.jit.cold_exit = !state.done;
                    // Every iteration of a trace that stitches after a residual call
                    // leaves through this exit until its side trace exists: without one,
                    // the tree costs more than the interpreter, so it goes (and the loop
                    // is recorded again after its abort penalty, until blacklisted).
                    if state.done && is_stitch_exit(&parent.trace, exit) {
                        drop(exits);
                        self.jit_give_up(tree, AbortReason::ResidualObject);
                    } else {
                        drop(exits);
                    }
                } else {
                    drop(exits);
                }
                self.jit.log(format_args!(
                    "abort side trace of trace#{} exit {exit} ({}): {reason}",
                    parent.compiled.id, tree.label
                ));
            }
        }
    }

    /// Records, optimizes and compiles a side trace from exit `exit` of `parent`.
    fn jit_side_trace(
        &mut self,
        tree: &Rc<LoopTrace>,
        parent: &Rc<TreeMember>,
        exit: usize,
    ) -> Result<Rc<TreeMember>, AbortReason> {
        let snapshot = parent
            .trace
            .snapshots
            .get(exit)
            .ok_or(AbortReason::FrameShape)?;
        // A run of this tree is in progress below (a residual call re-entered the
        // interpreter, e.g. a recursive function's tree): its homes cannot grow now.
        let busy = tree.homes.try_borrow_mut().is_err();
        let index = tree.members.borrow().len();
        let started = std::time::Instant::now();
        let homes = tree.homes.borrow().clone();
        let start = recorder::SideStart {
            header: tree.header,
            back_edge: tree.back_edge,
            entry_depth: tree.entry_depth,
            homes: &homes,
            parent: &parent.trace,
            snapshot,
            function_entry: tree.function_entry,
        };
        let recording = recorder::record_side(self, &start, self.jit.params.max_trace_length)
            .map_err(|abort| abort.reason)?;
        if busy && recording.homes.len() != homes.len() {
            return Err(AbortReason::FrameShape);
        }
        let mut trace = recording.trace;
        // What the parent proved about the integers it hands over (loop counters below
        // their bound, remainders): the side trace's overflow checks and link range
        // checks on them go away.
        trace.entry_ranges = pyrite_ir::passes::range::exit_ranges(&parent.trace, exit);
        let call_exit = optimize_member(&mut trace, recording.loop_call.is_some())?;
        if self.jit.compiler.is_none() {
            return Err(AbortReason::Compile("no compiler".into()));
        }
        let mut options = self.jit.compile_options();
        if tree.function_entry && self.jit.params.lean_native != 0 {
            let homes = match busy {
                true => &homes,
                false => &recording.homes,
            };
            options.native = tree.native.call_for(homes, &trace);
        }
        let root_address = root_address(tree)?;
        let parent_index = tree
            .members
            .borrow()
            .iter()
            .position(|m| Rc::ptr_eq(m, parent));
        let chain = match (&tree.body, parent_index) {
            (Some(body), Some(p)) => body.start(p, exit),
            _ => pyrite_jit::ChainState::Dirty,
        };
        let body_link = tree.body.as_ref().map(|b| b.plan(&trace, chain));
        let link_reason = match &body_link {
            Some(Err(reason)) => Some(*reason),
            _ => None,
        };
        let body_link = body_link.and_then(Result::ok);
        let compiled = match self.jit.compiler.as_mut() {
            Some(c) => c.compile_side(
                &trace,
                &self.jit.helpers,
                &options,
                (index as u32) << EXIT_MEMBER_SHIFT,
                root_address,
                body_link.as_ref(),
            ),
            None => return Err(AbortReason::Compile("no compiler".into())),
        }
        .map_err(|e| AbortReason::Compile(e.0))?;
        let line = side_trace_line(&self.frames, snapshot);
        let label = match line {
            Some((line, file)) => format!("side@{file}:{line}"),
            None => "side@?".to_string(),
        };
        self.jit.announce(&compiled, &trace, &label, started);
        if let Some(body) = &tree.body {
            body.add_member(index, &trace, chain);
            if let (Some(link), Some(parent)) = (&body_link, parent_index) {
                body.add_link(index, parent, exit, link.clone());
            }
        }
        if let Some(link) = &body_link {
            self.jit.log(format_args!(
                "trace#{} links into the loop body of {} ({} range checks)",
                compiled.id,
                tree.label,
                link.checks.len()
            ));
        } else if let Some(reason) = link_reason {
            self.jit.log(format_args!(
                "trace#{} links to the pre-roll of {}: {reason}",
                compiled.id, tree.label
            ));
        }
        if !busy {
            *tree.homes.borrow_mut() = recording.homes;
        }
        crate::jit::exec::merge_deps(&mut tree.deps.borrow_mut(), recording.deps);
        let mut exits = exit_states(&trace);
        if tree.function_entry {
            entry::mark_return_exit(&trace, &mut exits);
        }
        if let (Some(k), Some(call)) = (call_exit, recording.loop_call) {
            if let Some(e) = exits.get_mut(k) {
                e.done = true;
            }
            self.jit_log_loop_call(compiled.id, k, &call);
            self.jit_bridge_loop_call(&compiled, k);
            tree.calls.borrow_mut().insert((index, k), call);
        }
        let exits = RefCell::new(exits);
        Ok(Rc::new(TreeMember {
            compiled,
            trace,
            exits,
            label,
        }))
    }

    /// Records an abort: logs it, applies the loop's penalty or blacklists it.
    fn jit_abort(
        &mut self,
        key: (u64, usize),
        back_edge: usize,
        reason: AbortReason,
        pc: usize,
        label: &str,
    ) {
        // The loop's own code (a stale inner tree may be dropped from an outer frame's
        // driver), else the top frame's.
        let counter_cell = self
            .jit
            .loops
            .get(&key)
            .map(|s| s.code.clone())
            .filter(|c| c.bits() == key.0)
            .or_else(|| {
                self.frames
                    .last()
                    .map(|f| f.code.clone())
                    .filter(|c| c.bits() == key.0)
            });
        let shown = counter_cell
            .clone()
            .or_else(|| self.frames.last().map(|f| f.code.clone()));
        let (line, file) = match shown.as_ref().and_then(|c| c.as_code()) {
            Some(code) => (
                code.line_of(pc),
                code.filename.as_str().unwrap_or("?").to_string(),
            ),
            None => (0, "?".to_string()),
        };
        let random = self.jit.random.next_u32();
        let max_aborts = self.jit.params.max_aborts;
        let state = self.jit.loops.entry(key).or_default();
        let outcome = state.policy.on_abort(reason.clone(), max_aborts, random);
        let wait = match outcome {
            PenaltyOutcome::RetryAfter(n) => n.min(u32::from(u16::MAX)) as u16,
            PenaltyOutcome::Blacklist => u16::MAX,
        };
        if let Some(code) = counter_cell.as_ref().and_then(|c| c.as_code())
            && let Some(c) = code.units.get(back_edge + 1)
        {
            c.set(wait);
        }
        let verdict = match outcome {
            PenaltyOutcome::RetryAfter(n) => format!("retry after {n}"),
            PenaltyOutcome::Blacklist => "blacklisted".to_string(),
        };
        self.jit.log(format_args!(
            "abort {label} at {file}:{line}: {reason} ({verdict})"
        ));
    }
}
