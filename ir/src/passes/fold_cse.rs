//! Fold + CSE over the whole trace: re-emits every instruction through the builder, so the
//! rules of [`crate::fold`] and common-subexpression elimination apply again after other
//! passes have substituted values (the builder applies them while recording too), and a
//! `phi` that carries the same value around the loop is replaced by that value.

use super::rewrite::{Rewrite, remove_trivial_phis, rewrite};
use crate::trace::Trace;

struct FoldCse;

impl Rewrite for FoldCse {}

/// Runs the pass.
pub fn run(trace: &mut Trace) -> Result<(), String> {
    rewrite(trace, &mut FoldCse)?;
    remove_trivial_phis(trace);
    Ok(())
}
