//! The short-trip loop policy: a loop whose runs are only a few iterations long costs more
//! in trace entries and exits than its trace saves, so after sampling its first entries
//! from the interpreter the JIT gives it back to the interpreter (blacklisted with
//! [`AbortReason::ShortTrip`]). Iterations are counted without touching the trace: the
//! loop's own `for` position is a home, and its move from the interpreter's entry until
//! the frame is the interpreter's again, divided by the step, is the number of iterations
//! the run made (the nest driver's re-entries through continuations are the same run; a
//! `zip` or `enumerate` counts through its first iterator or its count). `while` loops have
//! no such home and are never judged, nor are loops inside other loops (outer traces call
//! them) unless the outer loop is blacklisted. A loop whose root trace is long (inlined
//! calls) is kept with fewer iterations per run (`short-trip-size`): each of its native
//! iterations saves more.

use std::cell::Cell;

use pyrite_profiler::AbortReason;

use crate::bytecode::Opcode;
use crate::jit::recorder::nest::decode;

use std::rc::Rc;

use crate::jit::LoopTrace;
use crate::jit::exec::home_word;
use crate::jit::nest::Driven;
use crate::jit::recorder::iter::IterField;
use crate::jit::recorder::{Home, RangeField};
use crate::vm::Vm;

/// Where a root entry's iteration count can be read: the position home and, for a range,
/// its step home.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TripHome {
    position: usize,
    step: Option<usize>,
}

/// Entries sampled so far and the iterations they ran; `judged` once decided. The first
/// `short-trip-sample` entries are only a warm-up (`skipped`): side traces are not
/// attached yet, so runs then leave early at exits that will soon stay in native code.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Trips {
    skipped: u32,
    entries: u32,
    iterations: u64,
    judged: bool,
}

/// The loop around another one in the same code.
#[derive(Clone, Debug)]
pub(crate) struct Enclosing {
    /// Its header.
    pub header: usize,
    /// The inline-cache units of its `JUMP_BACKWARD`s (a `continue` adds one): its
    /// counters.
    pub counters: Vec<usize>,
}

/// The innermost loop of the same code around the loop `header`..`back_edge` (`None` at
/// top level). A loop inside another is judged short-trip only once the outer loop is
/// blacklisted (see `Vm::jit_judges_trips`).
pub(crate) fn enclosing(units: &[Cell<u16>], header: usize, back_edge: usize) -> Option<Enclosing> {
    let mut jumps = Vec::new();
    let mut pc = 0;
    while let Some((op, arg, next)) = decode(units, pc) {
        if op.generic() == Opcode::JUMP_BACKWARD
            && let Some(target) = next.checked_sub(arg as usize)
        {
            // The pc of an `EXTENDED_ARG` prefix orders loops; the counter is the cache
            // unit after the opcode itself.
            jumps.push((pc, target, next - op.caches()));
        }
        pc = next;
    }
    let &(_, outer, _) = jumps
        .iter()
        .filter(|&&(pc, target, _)| pc > back_edge && target < header)
        .min_by_key(|&&(pc, _, _)| pc)?;
    Some(Enclosing {
        header: outer,
        counters: jumps
            .iter()
            .filter(|&&(_, target, _)| target == outer)
            .map(|&(_, _, counter)| counter)
            .collect(),
    })
}

/// The trip home of a loop whose iterator is the top of its `entry_depth`-deep stack.
pub(crate) fn trip_home(homes: &[Home], nlocals: usize, entry_depth: usize) -> Option<TripHome> {
    let slot = (nlocals + entry_depth).checked_sub(1)?;
    let find = |want: &dyn Fn(&Home) -> bool| homes.iter().position(want);
    if let Some(position) =
        find(&|h| matches!(h, Home::Range { slot: s, field: RangeField::Next } if *s == slot))
    {
        let step =
            find(&|h| matches!(h, Home::Range { slot: s, field: RangeField::Step } if *s == slot));
        return Some(TripHome { position, step });
    }
    // A list or tuple iterator's index, an `enumerate`'s count, or else the position of
    // the first iterator a `zip` or `enumerate` advances (one per iteration, or a range
    // step).
    let iter = |nested: u8, field: IterField| {
        find(
            &|h| matches!(h, Home::Iter(i) if i.slot == slot && i.nested == nested && i.field == field),
        )
    };
    if let Some(position) = iter(0, IterField::SeqIndex)
        .or_else(|| iter(0, IterField::Count))
        .or_else(|| iter(1, IterField::SeqIndex))
    {
        return Some(TripHome {
            position,
            step: None,
        });
    }
    for nested in [0, 1] {
        if let (Some(position), Some(step)) = (
            iter(nested, IterField::RangeNext),
            iter(nested, IterField::RangeStep),
        ) {
            return Some(TripHome {
                position,
                step: Some(step),
            });
        }
    }
    None
}

/// The words of the loop's trip homes (its position, and its range step) in the frame
/// whose slots start at `base`.
fn trip_words(vm: &Vm, base: usize, trace: &LoopTrace) -> Option<(u64, Option<u64>)> {
    let home = trace.trip_home?;
    let homes = trace.homes.try_borrow().ok()?;
    let position = home_word(vm, base, homes.get(home.position)?)?;
    let step = match home.step {
        Some(k) => Some(home_word(vm, base, homes.get(k)?)?),
        None => None,
    };
    Some((position, step))
}

/// Counts the iterations one run from the interpreter made (`before` and `after` are the
/// position words, `step` the range step's), after `warm_up` runs. A run lasts from the
/// interpreter's entry until the frame is handed back to it: the re-entries of the nest
/// driver (continuations after inner loops) belong to the same run.
fn count(trace: &LoopTrace, warm_up: u32, before: u64, step: Option<u64>, after: u64) {
    let mut trips = trace.trips.get();
    if trips.judged {
        return;
    }
    if trips.skipped < warm_up {
        trips.skipped += 1;
        trace.trips.set(trips);
        return;
    }
    let step = step.map_or(1, |s| (s as i64).unsigned_abs().max(1));
    let moved = (after as i64).wrapping_sub(before as i64).unsigned_abs();
    trips.entries += 1;
    trips.iterations = trips.iterations.saturating_add(moved / step);
    trace.trips.set(trips);
}

impl Vm {
    /// Drives `trace` for an entry from the interpreter, counting the iterations the whole
    /// run made (until the frame is the interpreter's again) for the short-trip policy.
    pub(crate) fn jit_drive_counted(&mut self, trace: &Rc<LoopTrace>) -> Driven {
        let counted =
            trace.trip_home.is_some() && !trace.trips.get().judged && self.jit_judges_trips(trace);
        let loop_frame = self.frames.len();
        let base = self.frames.last().map_or(0, |f| f.base);
        let before = counted.then(|| trip_words(self, base, trace)).flatten();
        self.jit.cold_exit = false;
        let driven = self.jit_drive(trace);
        if let (Driven::Ran, Some((before, step))) = (&driven, before)
            && self.frames.len() >= loop_frame
            && let Some((after, _)) = trip_words(self, base, trace)
        {
            // Not before a hot exit could have grown its side trace: a stitched residual
            // call leaves every entry until the side trace after it is compiled.
            let warm_up = self
                .jit
                .params
                .short_trip_sample
                .max(self.jit.params.hot_exit);
            // A run that ended at an exit still waiting for its side trace (in this tree
            // or an inner loop's) says nothing yet about the loop's runs.
            if !self.jit.cold_exit {
                count(trace, warm_up, before, step, after);
            }
        }
        driven
    }

    /// Whether the short-trip policy applies to `trace`'s loop: a loop inside another is
    /// only judged once the enclosing loop is blacklisted, since until then the outer
    /// loop's trace will call its trace (where a short run costs a transfer but saves
    /// interpreting the outer body); a blacklisted outer loop never will, and every run of
    /// the inner loop is then an entry from the interpreter.
    fn jit_judges_trips(&self, trace: &LoopTrace) -> bool {
        let Some(outer) = &trace.enclosing else {
            return true;
        };
        let Some(code) = self.frames.last().map(|f| f.code.bits()) else {
            return false;
        };
        self.jit
            .loops
            .get(&(code, outer.header))
            .is_some_and(|s| s.policy.blacklisted.is_some())
    }

    /// After an entry from the interpreter: once `short-trip-sample` entries are counted
    /// (after as many for warm-up),
    /// blacklists the loop if its runs average fewer than `short-trip` iterations (the
    /// interpreted first iteration of each run included).
    pub(crate) fn jit_judge_trips(&mut self, key: (u64, usize), trace: &LoopTrace) {
        let (limit, sample) = (
            self.jit.params.short_trip,
            self.jit.params.short_trip_sample.max(1),
        );
        let mut trips = trace.trips.get();
        if trips.judged || trips.entries < sample {
            return;
        }
        trips.judged = true;
        trace.trips.set(trips);
        if limit == 0 || self.jit.params.threshold < sample {
            return;
        }
        let runs = u64::from(trips.entries);
        if trips.iterations + runs >= u64::from(limit) * runs {
            return;
        }
        // An entry and exit cost about as much as `short-trip` iterations of a loop of
        // `short-trip-size` IR instructions; a longer body (inlined calls, allocations
        // removed) saves more per native iteration, so fewer iterations pay for it.
        let size = trace
            .members
            .borrow()
            .first()
            .map_or(0, |root| root.trace.insts.len() as u64);
        let reference = u64::from(self.jit.params.short_trip_size.max(1));
        if (trips.iterations + runs) * size >= u64::from(limit) * reference * runs {
            return;
        }
        let reason = AbortReason::ShortTrip;
        if let Some(state) = self.jit.loops.get_mut(&key) {
            state.retire_trace();
            state.policy.blacklisted = Some(reason.clone());
        }
        let label = trace.label.clone();
        self.jit.log(format_args!(
            "abort {label}: {reason} ({:.1} iterations per run; blacklisted)",
            (trips.iterations + runs) as f64 / runs as f64
        ));
    }
}
