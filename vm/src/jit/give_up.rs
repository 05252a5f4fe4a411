//! Giving a tree back to the interpreter when running it costs more than it saves.
//!
//! Some trees keep handing the frame to the interpreter at the same place, paying a trace
//! entry and exit each time for a few instructions of native code:
//!
//! - an exit whose side trace was given up (its recordings kept aborting) is taken again
//!   and again (`given-up-exits` passes);
//! - a residual call returns an object, so the interpreter finishes every such `CALL` (the
//!   exit after it never gets a side trace);
//! - a loop call's inner loop has no tree (its recordings abort, it is blacklisted, or its
//!   entries are refused): the driver has nothing to run, the interpreter runs the inner
//!   loop and the next iteration enters the outer tree again; or the continuation after
//!   the inner loop was given up, so the interpreter runs the rest of every such
//!   iteration ([`Vm::jit_loop_call_missed`]).
//!
//! Such a tree is marked *stale* with its reason ([`Vm::jit_give_up`]) where the pattern is
//! seen, which may be deep inside a nested run (an inner tree an outer tree's driver runs,
//! a function tree a lean call runs), and dropped ([`Vm::jit_drop_stale`]) once the run
//! that started from the interpreter is over: the marked tree, whichever tree the driver
//! started with. Its loop (or function) then counts an abort, so the interpreter runs it
//! and recordings are retried as the abort policy allows, until it is blacklisted.

use pyrite_profiler::AbortReason;

use crate::jit::LoopTrace;
use crate::vm::Vm;

impl Vm {
    /// Marks `tree` to be dropped once the run from the interpreter is over (the first
    /// reason given stands).
    pub(crate) fn jit_give_up(&mut self, tree: &LoopTrace, reason: AbortReason) {
        if let Ok(mut stale) = tree.stale.try_borrow_mut()
            && stale.is_none()
        {
            *stale = Some(reason);
        }
        self.jit.stale_pending = true;
    }

    /// A loop call (exit `exit` of member `member` of `tree`) handed the frame to the
    /// interpreter: `untraced` names the inner loop's header when it found no tree of the
    /// inner loop to run (none compiled, or its entry refused), `None` when the
    /// continuation after the inner loop was given up. An outer tree whose every pass ends
    /// so costs an entry and an exit per iteration of the outer loop, so it is given up
    /// after `hot-exit` such passes when the inner loop is blacklisted (it will never have
    /// a tree), or after `given-up-exits` otherwise (its tree may come back, or its
    /// refusals stop; a given-up continuation counts like a given-up side trace).
    pub(crate) fn jit_loop_call_missed(
        &mut self,
        tree: &LoopTrace,
        member: usize,
        exit: usize,
        untraced: Option<usize>,
    ) {
        let Some(code) = self.frames.last().map(|f| f.code.bits()) else {
            return;
        };
        let blacklisted = untraced.is_some_and(|header| {
            self.jit
                .loops
                .get(&(code, header))
                .is_some_and(|s| s.policy.blacklisted.is_some())
        });
        let limit = match blacklisted {
            true => self.jit.params.hot_exit.max(1),
            false => self.jit.params.given_up_exits.max(1),
        };
        let Some(parent) = tree.members.borrow().get(member).cloned() else {
            return;
        };
        let given_up = {
            let mut exits = parent.exits.borrow_mut();
            let Some(state) = exits.get_mut(exit) else {
                return;
            };
            state.hits = state.hits.saturating_add(1);
            state.hits >= limit
        };
        if given_up {
            let what = match untraced {
                Some(_) => "calls an inner loop without a tree",
                None => "leaves after its inner loop without a continuation",
            };
            self.jit.log(format_args!(
                "trace#{} exit {exit} {what} {limit} times: {} given up",
                parent.compiled.id, tree.label
            ));
            let reason = match untraced {
                Some(_) => AbortReason::InnerLoopUntraced,
                None => AbortReason::GivenUpExit,
            };
            self.jit_give_up(tree, reason);
        }
    }

    /// Drops every tree marked stale since the last call (see the module doc): its loop or
    /// function counts an abort with the reason it was given up for.
    pub(crate) fn jit_drop_stale(&mut self) {
        if !std::mem::take(&mut self.jit.stale_pending) {
            return;
        }
        let is_stale = |t: &LoopTrace| t.stale.try_borrow().is_ok_and(|s| s.is_some());
        let loops: Vec<_> = self
            .jit
            .loops
            .iter()
            .filter_map(|(key, s)| s.trace.clone().map(|t| (*key, t)))
            .filter(|(_, t)| is_stale(t))
            .collect();
        for (key, tree) in loops {
            let Some(reason) = tree.stale.borrow_mut().take() else {
                continue;
            };
            if let Some(s) = self.jit.loops.get_mut(&key) {
                s.retire_trace();
            }
            self.jit_abort(key, tree.back_edge, reason, tree.header, &tree.label);
        }
        let functions: Vec<_> = self
            .jit
            .functions
            .iter()
            .filter_map(|(key, s)| s.tree.clone().map(|t| (*key, t)))
            .filter(|(_, t)| is_stale(t))
            .collect();
        for (key, tree) in functions {
            let Some(reason) = tree.stale.borrow_mut().take() else {
                continue;
            };
            if let Some(s) = self.jit.functions.get_mut(&key) {
                s.tree = None;
            }
            self.jit_function_abort(key, reason, tree.header, &tree.label);
        }
    }
}
