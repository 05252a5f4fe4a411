//! Nested loops: the driver that runs a loop's tree and, where one of its traces ends in a
//! *loop call* (it reached an inner loop with a compiled tree), runs the inner tree and
//! enters the outer tree's *continuation* for the code after the inner loop, all without
//! going back to the interpreter.
//!
//! ```text
//! outer root: header ─▶ … ─▶ exit k (loop call, state written back, frame at the call)
//!   driver: setup (`range(...)`, `GET_ITER`) ─▶ drive(inner tree) ─▶ finish its FOR_ITER
//!   driver: continuation for the pc the inner loop left at ─▶ … ─▶ link ─▶ outer root
//! ```
//!
//! Trees keep their own slot arrays, so a transfer the driver makes goes through the frame
//! (the exit's write-back, then the next entry's reads). Continuations are recorded like
//! root traces (homes read as value words, with type guards) once the pc after an inner
//! loop has been reached `hot-exit` times; from then on the loop call's exit runs the inner
//! tree natively (`nest_link`), and the driver only finishes the runs it stashed.

use std::rc::Rc;

use crate::jit::{optimize_member, root_address};
use pyrite_profiler::AbortReason;

use crate::builtins::iterators::new_iterator;
use crate::jit::exec::{self, Outcome};
use crate::jit::nest_link::NestStash;
use crate::jit::recorder::nest::{ContinuationStart, decode, exact_sequence, record_continuation};
use crate::jit::{EXIT_MEMBER_SHIFT, ExitState, LoopTrace, TreeMember};
use crate::object::Value;
use crate::types::iter::{FastNext, IterState, fast_iter_next};
use crate::vm::Vm;

/// A trace's exit that runs an inner loop's tree.
#[derive(Clone, Debug)]
pub(crate) struct LoopCall {
    /// The inner loop's header (with the frame's code object, its key).
    pub header: usize,
    /// What the driver does between the exit's pc and the header.
    pub setup: Setup,
    /// Where a `for` inner loop goes on when its iterator is exhausted (its continuation's
    /// pc): `None` for a `while` loop.
    pub end: Option<usize>,
    /// Whether the inner tree may run from the nest bridge, as last checked.
    pub native: crate::jit::nest_link::NativeCache,
}

/// The instructions between a loop call's exit and the inner loop's header, which the
/// driver carries out itself (they cannot run Python code).
#[derive(Clone, Debug)]
pub(crate) enum Setup {
    /// The exit is at the header (a `while` loop).
    None,
    /// `GET_ITER` of an exact list, tuple or range.
    GetIter,
    /// `CALL` of the builtin `range` with `argc` small ints, then `GET_ITER`.
    Range { argc: usize, range: Value },
}

/// What the JIT knows about the code after an inner loop (keyed by its pc).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Continuation {
    /// Reached this often; recordings that failed.
    Cold { hits: u32, aborts: u32 },
    /// Compiled as this member of the tree.
    Compiled(usize),
    /// Recording keeps failing: the interpreter runs it.
    Failed,
}

/// How driving a tree went.
pub(crate) enum Driven {
    /// The first entry was refused: nothing changed.
    Refused,
    /// Traces ran; the frame is where the last one left it (if a residual call raised,
    /// `JitState::raised` holds the exception to raise there).
    Ran,
    /// Trace runs are nested too deeply (through residual calls): nothing ran.
    Busy,
}

/// How running a loop call's inner loop went.
enum Inner {
    /// The frame is at this pc after the inner loop, where a continuation may start.
    Continue(usize),
    /// The frame is the interpreter's (the inner tree left early, or a check failed).
    Interpreter,
    /// No inner tree ran (none compiled, or its entry refused): the interpreter runs
    /// the inner loop.
    Missed,
}

/// Whether the driver may go on after a trace left: no interrupt, no tracing, JIT on.
pub(crate) fn may_continue(vm: &Vm) -> bool {
    !vm.interrupt.load(std::sync::atomic::Ordering::Relaxed)
        && !vm.tracing.active()
        && vm.jit.enabled()
}

impl Vm {
    /// Runs `tree` from its root, following loop calls into inner trees and continuations
    /// after them, until a trace leaves for the interpreter.
    pub(crate) fn jit_drive(&mut self, tree: &Rc<LoopTrace>) -> Driven {
        self.jit_drive_from(tree, None)
    }

    /// [`Vm::jit_drive`], starting with the write-back of a run a nest bridge made
    /// (`stash`) instead of a first entry.
    fn jit_drive_from(&mut self, tree: &Rc<LoopTrace>, mut stash: Option<NestStash>) -> Driven {
        let mut entry = 0;
        let mut ran = false;
        loop {
            let outcome = match stash.take() {
                Some(s) => self.jit_apply_stash(s),
                None => exec::run(self, tree, entry),
            };
            let (member, exit) = match outcome {
                Outcome::Refused | Outcome::Busy if ran => return Driven::Ran,
                Outcome::Refused => return Driven::Refused,
                Outcome::Busy => return Driven::Busy,
                Outcome::Ran { member, exit } => (member, exit),
                // The VM finished a residual call's `CALL`: the frame is the interpreter's.
                Outcome::Called(Ok(())) => return Driven::Ran,
                Outcome::Called(Err(e)) => {
                    self.jit.raised = Some(e);
                    return Driven::Ran;
                }
            };
            ran = true;
            self.jit.cold_exit = false;
            let call = tree.calls.borrow().get(&(member, exit)).cloned();
            let Some(call) = call else {
                self.jit_exit_taken(tree, member, exit);
                return Driven::Ran;
            };
            // An inner run a nest bridge made must be finished whatever happens next.
            if self.jit.nest_stash.is_empty() && !may_continue(self) {
                return Driven::Ran;
            }
            let pc = match self.jit_run_inner(&call) {
                Inner::Continue(pc) => pc,
                Inner::Interpreter => return Driven::Ran,
                Inner::Missed => {
                    self.jit_loop_call_missed(tree, member, exit, Some(call.header));
                    return Driven::Ran;
                }
            };
            if !may_continue(self) {
                return Driven::Ran;
            }
            match self.jit_continuation(tree, pc) {
                Some(m) => entry = m,
                None => {
                    // No continuation will ever be compiled here: every pass through this
                    // loop call ends in the interpreter after the inner loop.
                    let failed = tree
                        .continuations
                        .try_borrow()
                        .is_ok_and(|c| matches!(c.get(&pc), Some(Continuation::Failed)));
                    if failed {
                        self.jit_loop_call_missed(tree, member, exit, None);
                    }
                    return Driven::Ran;
                }
            }
        }
    }

    /// Runs the inner loop of `call` from the frame a loop call's exit left: the setup,
    /// then its tree, then the end of its `for` as `FOR_ITER` does it. The pc where the
    /// frame then is, if a continuation may start there (the same frame, not inside an
    /// inlined call); otherwise the frame is left to the interpreter, always consistent.
    fn jit_run_inner(&mut self, call: &LoopCall) -> Inner {
        let mut missed = false;
        match self.jit_run_inner_at(call, &mut missed) {
            Some(pc) => Inner::Continue(pc),
            None if missed => Inner::Missed,
            None => Inner::Interpreter,
        }
    }

    /// [`Vm::jit_run_inner`]; sets `missed` when no inner tree ran (none compiled, or its
    /// entry refused).
    fn jit_run_inner_at(&mut self, call: &LoopCall, missed: &mut bool) -> Option<usize> {
        let depth = self.frames.len();
        let code = self.frames.last()?.code.clone();
        let mut stash = self.jit.nest_stash.pop();
        let premade = stash.as_mut().and_then(|s| s.iterator.take());
        if self.jit_loop_setup(call, premade).is_none() {
            // Cannot happen after a bridge (it checked what the setup checks): the inner
            // run's results are lost, so say so loudly in debug builds.
            debug_assert!(stash.is_none(), "nest bridge stash without its setup");
            return None;
        }
        let (inner, driven) = match stash {
            Some(stash) => {
                let inner = stash.inner.clone();
                let driven = self.jit_drive_from(&inner, Some(stash));
                (inner, driven)
            }
            None => {
                let inner = self
                    .jit
                    .loops
                    .get(&(code.bits(), call.header))
                    .and_then(|s| s.trace.clone());
                let Some(inner) = inner else {
                    *missed = true;
                    return None;
                };
                let driven = self.jit_drive(&inner);
                (inner, driven)
            }
        };
        drop(inner);
        *missed = matches!(driven, Driven::Refused);
        if !matches!(driven, Driven::Ran) || self.jit.raised.is_some() {
            return None;
        }
        let frame = self.frames.last()?;
        if self.frames.len() != depth || !frame.code.is(&code) {
            return None;
        }
        if frame.ip == call.header {
            let units = &code.as_code()?.units;
            let (op, arg, after) = decode(units, call.header)?;
            if op.generic() != crate::bytecode::Opcode::FOR_ITER {
                // A `while` loop that left at its own header is not done: a continuation
                // from here would only call it again without progress (a float turning up
                // in an int loop ping-ponged forever), so the interpreter runs an iteration.
                return None;
            }
            {
                let top = self.stack.get(frame.sp.checked_sub(1)?)?;
                let step = fast_iter_next(top)?;
                let item = match step {
                    FastNext::Done => None,
                    FastNext::Int(i) => Some(self.new_int(i)),
                    FastNext::Item(v) => Some(v),
                };
                let frame = self.frames.last_mut()?;
                let sp = frame.sp;
                match item {
                    None => {
                        frame.sp = sp - 1;
                        frame.ip = after + arg as usize;
                        frame.lasti = frame.ip;
                        let it = std::mem::take(self.stack.get_mut(sp - 1)?);
                        drop(it);
                    }
                    Some(v) => {
                        // Not done after all (the tree left for another reason): the
                        // interpreter runs the body with the item `FOR_ITER` produced.
                        *self.stack.get_mut(sp)? = v;
                        frame.sp = sp + 1;
                        frame.ip = after;
                        frame.lasti = after;
                        return None;
                    }
                }
            }
        }
        self.frames.last().map(|f| f.ip)
    }

    /// Carries out a loop call's setup in the top frame, leaving it at the inner header;
    /// `None` (the frame untouched) if the values are not what the trace saw.
    /// `premade`: the iterator a nest bridge made (and ran the inner tree with) instead of
    /// a new one.
    fn jit_loop_setup(&mut self, call: &LoopCall, premade: Option<Value>) -> Option<()> {
        let frame = self.frames.last()?;
        let (sp, ip) = (frame.sp, frame.ip);
        match &call.setup {
            Setup::None => (ip == call.header).then_some(()),
            Setup::GetIter => {
                let top = self.stack.get(sp.checked_sub(1)?)?.clone();
                if !exact_sequence(self, &top) {
                    return None;
                }
                let it = match premade {
                    Some(it) => it,
                    None => self.iter(&top).ok()?,
                };
                *self.stack.get_mut(sp - 1)? = it;
                let frame = self.frames.last_mut()?;
                frame.ip = call.header;
                frame.lasti = call.header;
                Some(())
            }
            Setup::Range { argc, range } => {
                let at = sp.checked_sub(argc + 2)?;
                let callee = self.stack.get(at)?;
                let args = self.stack.get(at + 2..sp)?;
                let step_zero = *argc == 3 && args.get(2)?.as_small_int() == Some(0);
                if !callee.is(range)
                    || !self.stack.get(at + 1)?.is_null()
                    || !args.iter().all(Value::is_small_int)
                    || step_zero
                {
                    return None;
                }
                // `iter(range(a, b, c))` of small ints, made directly: the same state.
                let (next, stop, step) = match args {
                    [b] => (0, b.as_small_int()?, 1),
                    [a, b] => (a.as_small_int()?, b.as_small_int()?, 1),
                    [a, b, c] => (a.as_small_int()?, b.as_small_int()?, c.as_small_int()?),
                    _ => return None,
                };
                let it = premade.unwrap_or_else(|| {
                    new_iterator(
                        &self.types.range_iterator,
                        IterState::Range { next, stop, step },
                    )
                });
                let mut released = Vec::with_capacity(argc + 2);
                for slot in at..sp {
                    released.push(std::mem::take(self.stack.get_mut(slot)?));
                }
                *self.stack.get_mut(at)? = it;
                let frame = self.frames.last_mut()?;
                frame.sp = at + 1;
                frame.ip = call.header;
                frame.lasti = call.header;
                drop(released);
                Some(())
            }
        }
    }

    /// The member of `tree` that continues at `pc` after an inner loop, recording and
    /// compiling it once `pc` is hot.
    fn jit_continuation(&mut self, tree: &Rc<LoopTrace>, pc: usize) -> Option<usize> {
        let hot = self
            .jit
            .params
            .hot_exit
            .min(self.jit.params.threshold)
            .max(1);
        let aborts = {
            let mut conts = tree.continuations.borrow_mut();
            let state = conts
                .entry(pc)
                .or_insert(Continuation::Cold { hits: 0, aborts: 0 });
            match state {
                Continuation::Compiled(m) => return Some(*m),
                Continuation::Failed => return None,
                Continuation::Cold { hits, aborts } => {
                    *hits += 1;
                    if *hits < hot {
                        return None;
                    }
                    *hits = 0;
                    *aborts
                }
            }
        };
        if tree.members.borrow().len() > self.jit.params.max_side_traces as usize {
            tree.continuations
                .borrow_mut()
                .insert(pc, Continuation::Failed);
            return None;
        }
        match self.jit_record_continuation(tree, pc) {
            Ok(index) => {
                tree.continuations
                    .borrow_mut()
                    .insert(pc, Continuation::Compiled(index));
                Some(index)
            }
            Err(reason) => {
                let state = if aborts + 1 >= 3 {
                    Continuation::Failed
                } else {
                    Continuation::Cold {
                        hits: 0,
                        aborts: aborts + 1,
                    }
                };
                tree.continuations.borrow_mut().insert(pc, state);
                self.jit.log(format_args!(
                    "abort continuation of {} at pc {pc}: {reason}",
                    tree.label
                ));
                None
            }
        }
    }

    /// Records, optimizes and compiles the continuation at `pc`; its member index.
    fn jit_record_continuation(
        &mut self,
        tree: &Rc<LoopTrace>,
        pc: usize,
    ) -> Result<usize, AbortReason> {
        let index = tree.members.borrow().len();
        let started = std::time::Instant::now();
        let homes = tree.homes.borrow().clone();
        let start = ContinuationStart {
            pc,
            header: tree.header,
            back_edge: tree.back_edge,
            entry_depth: tree.entry_depth,
            homes: &homes,
        };
        let recording = record_continuation(self, &start, self.jit.params.max_trace_length)
            .map_err(|abort| abort.reason)?;
        let mut trace = recording.trace;
        let call_exit = optimize_member(&mut trace, recording.loop_call.is_some())?;
        let options = self.jit.compile_options();
        let root_address = root_address(tree)?;
        let compiled = match self.jit.compiler.as_mut() {
            Some(c) => c.compile_continuation(
                &trace,
                &self.jit.helpers,
                &options,
                (index as u32) << EXIT_MEMBER_SHIFT,
                root_address,
            ),
            None => return Err(AbortReason::Compile("no compiler".into())),
        }
        .map_err(|e| AbortReason::Compile(e.0))?;
        let line = self.frames.last().and_then(|f| f.code.as_code()).map(|c| {
            (
                c.line_of(pc),
                c.filename.as_str().unwrap_or("?").to_string(),
            )
        });
        let label = match line {
            Some((line, file)) => format!("cont@{file}:{line}"),
            None => "cont@?".to_string(),
        };
        self.jit.announce(&compiled, &trace, &label, started);
        *tree.homes.borrow_mut() = recording.homes;
        crate::jit::exec::merge_deps(&mut tree.deps.borrow_mut(), recording.deps);
        let mut exits = vec![ExitState::default(); trace.snapshots.len()];
        if let (Some(k), Some(call)) = (call_exit, recording.loop_call) {
            if let Some(e) = exits.get_mut(k) {
                e.done = true;
            }
            self.jit_log_loop_call(compiled.id, k, &call);
            self.jit_bridge_loop_call(&compiled, k);
            tree.calls.borrow_mut().insert((index, k), call);
        }
        tree.members.borrow_mut().push(Rc::new(TreeMember {
            compiled,
            trace,
            exits: std::cell::RefCell::new(exits),
            label,
        }));
        Ok(index)
    }
}

impl Vm {
    /// A run of `tree` (an inner loop) from the interpreter ended: the interpreter runs the
    /// rest of the enclosing loop's body. Each such run brings the enclosing loop
    /// `threshold / hot-exit` iterations closer to being recorded (LuaJIT starts the outer
    /// trace from the inner loop's hot exit), so an outer loop that runs a few hundred
    /// times in all, or a few times per call, still gets a trace that calls the inner tree,
    /// instead of the inner tree leaving to the interpreter once per outer iteration.
    pub(crate) fn jit_warm_enclosing(&mut self, code: &Value, tree: &LoopTrace) {
        let Some(outer) = &tree.enclosing else {
            return;
        };
        // Only a loop still waiting for its first recording: penalties and blacklists stand.
        if let Some(state) = self.jit.loops.get(&(code.bits(), outer.header))
            && (state.trace.is_some()
                || state.policy.aborts > 0
                || state.policy.blacklisted.is_some())
        {
            return;
        }
        let Some(code_obj) = code.as_code() else {
            return;
        };
        let boost = (self.jit.params.threshold / self.jit.params.hot_exit.max(1)).max(1);
        let boost = boost.min(u32::from(u16::MAX)) as u16;
        for &at in &outer.counters {
            if let Some(counter) = code_obj.units.get(at) {
                counter.set(counter.get().saturating_sub(boost));
            }
        }
    }

    /// Logs (`--jit-log`) that exit `k` of trace `id` calls `call`'s inner loop.
    pub(crate) fn jit_log_loop_call(&mut self, id: u32, k: usize, call: &LoopCall) {
        if !self.jit.log_enabled() {
            return;
        }
        let inner = self
            .frames
            .last()
            .and_then(|f| self.jit.loops.get(&(f.code.bits(), call.header)))
            .and_then(|s| s.trace.as_ref())
            .and_then(|t| {
                let first = t.members.borrow().first().map(|m| m.compiled.id);
                first.map(|id| format!("trace#{id} {}", t.label))
            })
            .unwrap_or_else(|| "?".to_string());
        self.jit
            .log(format_args!("trace#{id} exit {k} calls inner loop {inner}"));
    }
}

/// The exit (snapshot) of the loop call that ends an optimized trace.
pub(crate) fn loop_call_exit(trace: &pyrite_ir::Trace) -> Result<usize, AbortReason> {
    trace
        .insts
        .iter()
        .rev()
        .find(|i| i.op == pyrite_ir::Op::Exit)
        .and_then(|i| i.snapshot)
        .map(|s| s.0 as usize)
        .ok_or_else(|| AbortReason::Compile("the loop call's exit is gone".into()))
}
