//! Recording a residual call: a `CALL` of a function the recorder does not inline (its
//! inlined recording aborted before — recursion beyond the inline depth, an inner loop,
//! an unsupported instruction) becomes a call of a `residual_call_N` helper that runs it
//! in the interpreter (`jit::residual`), instead of an abort.
//!
//! The recorder cannot know the call's result (recording is a dry run), so the trace ends
//! right after the call with an exit whose snapshot has the result on the stack; when that
//! exit gets hot, a side trace recorded from the real state after the call continues the
//! iteration and links back to the loop (LuaJIT's stitching, built from side traces).
//!
//! Before the call every dirty home is boxed and stored into the slot array, which the
//! helper flushes into the frame and the globals, so the callee sees exactly the
//! interpreter's state; the snapshot the call leaves through on an unfinished call then
//! holds no dirty home.

use pyrite_ir::{Effect, Type};
use pyrite_profiler::AbortReason;

use super::{Entry, Home, Recorder, Step};
use crate::jit::residual::{MAX_ARGS, NAMES, encode_call_site};
use crate::object::Value;

impl Recorder<'_> {
    /// Whether the `CALL argc` about to run calls a function marked for residual calls.
    pub(super) fn wants_residual(&self, argc: usize) -> bool {
        if self.calls.inlined() || argc > MAX_ARGS {
            return false;
        }
        let Some(callee) = self
            .stack
            .len()
            .checked_sub(argc + 2)
            .and_then(|i| self.stack.get(i))
        else {
            return false;
        };
        let Some(f) = callee.v.as_function() else {
            return false;
        };
        let code = f.code.borrow().bits();
        let objects = self
            .vm
            .jit
            .residual_objects
            .try_borrow()
            .map_or(true, |set| set.contains_key(&code));
        // A function-entry tree calls itself residually at once (the call runs its own
        // tree natively, `jit::lean`) instead of unrolling the recursion inline.
        let recursive = self.function_entry && self.code.bits() == code;
        !objects
            && (recursive
                || self
                    .vm
                    .jit
                    .no_inline
                    .try_borrow()
                    .is_ok_and(|set| set.contains_key(&code)))
    }

    /// Marks the function whose inlined call the recording was in when it aborted: later
    /// recordings call it residually.
    pub(super) fn mark_no_inline(&self) {
        let Some(function) = self.calls.root_callee() else {
            return;
        };
        let Some(f) = function.as_function() else {
            return;
        };
        if let Ok(mut set) = self.vm.jit.no_inline.try_borrow_mut() {
            let code = f.code.borrow().clone();
            set.insert(code.bits(), code);
        }
    }

    /// Records `CALL argc` (at `call_pc`, continuing at `next`) as a residual call and ends
    /// the trace after it.
    pub(super) fn residual_call(&mut self, argc: usize, call_pc: usize, next: usize) -> Step<()> {
        let callee_at = self
            .stack
            .len()
            .checked_sub(argc + 2)
            .ok_or(AbortReason::FrameShape)?;
        // Values below the call stay in registers across it; a borrowed object among them
        // could be freed by the callee.
        for (d, e) in self.stack[..callee_at].iter().enumerate() {
            let unchanged = self.entry_stack.get(d) == Some(&Some(e.r));
            let constant = self.b.trace().const_value(e.r).is_some();
            if !unchanged && !constant && (e.v.is_heap() || e.v.is_null()) {
                return Err(AbortReason::UnsupportedTypes(
                    "object below a residual call",
                ));
            }
        }
        if self.stack[callee_at..]
            .iter()
            .any(|e| self.built_tuples.contains_key(&e.r))
        {
            return Err(AbortReason::StoreOfObject);
        }
        // Box everything first: a value that does not fit in a word leaves before the call.
        let operands: Vec<Entry> = self.stack[callee_at..].to_vec();
        let mut words = Vec::with_capacity(operands.len() + 1);
        words.push(self.b.const_int(encode_call_site(call_pc, callee_at)));
        // A function-entry tree may run without a frame (`jit::lean`): the stack below
        // the call goes to the slot array too, for a frame materialized meanwhile.
        let mut below = Vec::new();
        if self.function_entry {
            for (d, e) in self.stack[..callee_at].to_vec().iter().enumerate() {
                let w = self.boxed(e)?;
                below.push((self.frame_home(self.nlocals + d), w));
            }
        }
        for e in &operands {
            let w = self.boxed(e)?;
            words.push(w);
        }
        let dirty: Vec<(u32, pyrite_ir::Ref)> =
            self.modified.iter().map(|(&k, &r)| (k, r)).collect();
        let mut stores = Vec::with_capacity(dirty.len());
        for (k, r) in dirty {
            let word = match self.homes.get(k as usize) {
                Some(Home::Frame(_) | Home::Global { .. }) => {
                    self.boxed(&Entry { r, v: Value::NULL })?
                }
                Some(Home::Range { .. } | Home::Iter(_))
                    if self.b.trace().type_of(r) == Type::I64 =>
                {
                    r
                }
                _ => return Err(AbortReason::UnsupportedTypes("residual call")),
            };
            stores.push((k, word));
        }
        for (k, word) in stores.into_iter().chain(below) {
            self.b.store_slot(k, word);
        }
        self.modified.clear();
        // The snapshot the call leaves through when the VM must finish it: the stack as at
        // the `CALL`, no dirty home (the helper flushed them all).
        self.snapshot(call_pc);
        let mut params = vec![Type::I64];
        params.extend(std::iter::repeat_n(Type::Value, argc + 2));
        let name = NAMES.get(argc).ok_or(AbortReason::CallShape)?;
        let helper = self.b.helper(name, &params, Type::Value, Effect::MayCall);
        let result = self.b.call(helper, &words);
        self.stack.truncate(callee_at);
        self.push(Entry {
            r: result,
            v: Value::NULL,
        });
        self.snapshot(next);
        self.b.exit();
        self.stitched = true;
        Ok(())
    }
}
