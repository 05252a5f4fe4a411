//! Identity tests: `a is b`, `a is not b` (`IS_OP`) and the jumps on `x is None`
//! (`POP_JUMP_IF_NONE`, `POP_JUMP_IF_NOT_NONE`).
//!
//! Identity is equality of value words (the interpreter compares bits too), so the trace
//! guards the words equal or unequal as they were while recording and the result is a
//! constant; the other outcome leaves through the guard (and becomes a side trace when it
//! gets hot). A number kept unboxed in a register is never `None`: no guard at all.

use pyrite_ir::{Op, Type};
use pyrite_profiler::AbortReason;

use super::{Entry, Recorder, Step};
use crate::object::Value;

impl Recorder<'_> {
    /// Guards that the words of `a` and `b` are (or are not) the same, as recorded.
    fn guard_identity(&mut self, a: &Entry, b: &Entry) -> Step<bool> {
        let same = a.v.is(&b.v);
        let x = self.boxed(a)?;
        let y = self.boxed(b)?;
        if x != y {
            self.b
                .emit(if same { Op::GuardEq } else { Op::GuardNe }, &[x, y]);
        } else if !same {
            return Err(AbortReason::FrameShape);
        }
        Ok(same)
    }

    /// `IS_OP invert`: pushes the recorded result as a constant.
    pub(super) fn is_op(&mut self, invert: bool) -> Step<()> {
        let rhs = self.pop()?;
        let lhs = self.pop()?;
        let same = self.guard_identity(&lhs, &rhs)?;
        let e = self.constant(&Value::from_bool(same != invert));
        self.push(e);
        Ok(())
    }

    /// `POP_JUMP_IF_NONE`/`POP_JUMP_IF_NOT_NONE`: whether the jump is taken.
    pub(super) fn jump_if_none(&mut self, jump_if_none: bool) -> Step<bool> {
        let e = self.pop()?;
        let is_none = e.v.is_none();
        if self.b.trace().type_of(e.r) == Type::Value {
            let none = self.constant(&Value::NONE);
            if e.r != none.r {
                self.b.emit(
                    if is_none { Op::GuardEq } else { Op::GuardNe },
                    &[e.r, none.r],
                );
            }
        } else if is_none {
            return Err(AbortReason::FrameShape);
        }
        Ok(is_none == jump_if_none)
    }
}
