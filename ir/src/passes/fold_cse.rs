//! Fold + CSE over the whole trace: re-emits every instruction through the builder, so the
//! rules of [`crate::fold`] and common-subexpression elimination apply again after other
//! passes have substituted values (the builder applies them while recording too).

use super::rewrite::{Rewrite, rewrite};
use crate::trace::Trace;

struct FoldCse;

impl Rewrite for FoldCse {}

/// Runs the pass.
pub fn run(trace: &mut Trace) -> Result<(), String> {
    rewrite(trace, &mut FoldCse)
}
