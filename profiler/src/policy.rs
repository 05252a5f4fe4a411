//! What happens to a loop after a recording aborts: LuaJIT's penalty scheme. The first abort
//! waits 72 iterations before the next attempt, each further abort doubles the wait and adds
//! 0–15 at random (so loops that abort in lockstep drift apart), and after `max_aborts`
//! aborts the loop is blacklisted: it is never recorded again and keeps its last reason.

use crate::AbortReason;

/// The wait after the first abort (LuaJIT's `PENALTY_MIN`).
const PENALTY_MIN: u32 = 72;
/// Waits never exceed this (they live in a 16-bit counter).
const PENALTY_MAX: u32 = 60_000;

/// The per-loop record of aborts.
#[derive(Clone, Debug, Default)]
pub struct LoopPolicy {
    /// Aborts so far.
    pub aborts: u32,
    /// The current wait before the next recording attempt.
    pub penalty: u32,
    /// Set once the loop is blacklisted, with the last reason.
    pub blacklisted: Option<AbortReason>,
}

/// What the VM should do after an abort.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PenaltyOutcome {
    /// Try again after this many iterations.
    RetryAfter(u32),
    /// Never record this loop again.
    Blacklist,
}

impl LoopPolicy {
    /// Records an abort; `random` is any pseudo-random number.
    pub fn on_abort(
        &mut self,
        reason: AbortReason,
        max_aborts: u32,
        random: u32,
    ) -> PenaltyOutcome {
        self.aborts += 1;
        if self.aborts >= max_aborts.max(1) {
            self.blacklisted = Some(reason);
            return PenaltyOutcome::Blacklist;
        }
        let doubled = if self.penalty == 0 {
            PENALTY_MIN
        } else {
            self.penalty.saturating_mul(2)
        };
        self.penalty = (doubled + (random & 15)).min(PENALTY_MAX);
        PenaltyOutcome::RetryAfter(self.penalty)
    }
}

/// A small xorshift generator for penalties (no dependency, deterministic per seed).
#[derive(Clone, Debug)]
pub struct PenaltyRandom(u64);

impl PenaltyRandom {
    /// A generator from a non-zero seed.
    pub fn new(seed: u64) -> PenaltyRandom {
        PenaltyRandom(seed | 1)
    }

    /// The next number.
    pub fn next_u32(&mut self) -> u32 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        (x >> 32) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn penalties_grow_then_blacklist() {
        let mut p = LoopPolicy::default();
        let mut rng = PenaltyRandom::new(7);
        let mut last = 0;
        for _ in 0..9 {
            match p.on_abort(AbortReason::InnerLoop, 10, rng.next_u32()) {
                PenaltyOutcome::RetryAfter(n) => {
                    assert!(n > last && n >= PENALTY_MIN);
                    last = n;
                }
                PenaltyOutcome::Blacklist => panic!("blacklisted too early"),
            }
        }
        assert_eq!(
            p.on_abort(AbortReason::InnerLoop, 10, rng.next_u32()),
            PenaltyOutcome::Blacklist
        );
        assert_eq!(p.blacklisted, Some(AbortReason::InnerLoop));
    }
}
