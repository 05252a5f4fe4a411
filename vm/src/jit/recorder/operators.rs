//! Operators of user classes (`a + b` calling `Vec.__add__`, `a < b` calling `__lt__`):
//! the method the interpreter would call first (`runtime::binary::binary_dispatch`,
//! `runtime::compare`: in-place method, reflected method of a proper subclass that
//! overrides it, forward method, reflected method; a builtin number's own operator on a
//! user object gives NotImplemented without side effects) is chosen from the operands'
//! exact types, which the trace guards (their versions pinned by entry dependencies), and
//! its body is inlined as a virtual frame.
//!
//! Exits inside the method do not rebuild its frame: the interpreter would then hand a
//! `NotImplemented` result to the caller instead of trying the reflected method. Instead
//! every snapshot inside it is the one taken at the operator instruction, so an exit
//! re-executes the whole operator in the interpreter (PyPy resumes at the operation the
//! same way). That is exact only while the method has done nothing observable, so the
//! recording aborts at the first side effect inside it (a store, a reference count, a
//! helper that writes, a residual call, a modified home); objects it makes stay virtual
//! and are not side effects. Inlined `__init__`s (`recorder::instance`) run the same
//! way: an exit inside one re-runs the whole `cls(...)`. A `NotImplemented` result
//! recorded aborts too; a result
//! that is neither a constant nor a new object is guarded not to be `NotImplemented`.

use pyrite_ir::{Effect, Op, OpFlags, Ref, Type};
use pyrite_profiler::AbortReason;

use super::{Dep, Entry, Recorder, Step, tag_of};
use crate::bytecode::{BinaryOp, CompareOp};
use crate::object::Value;
use crate::runtime::binary::dunder_names;
use crate::types::typeobj::{Layout, type_flags};

/// An operator method being inlined.
struct OperatorFrame {
    /// The call depth inside it.
    depth: usize,
}

/// The operator methods being inlined, and how much of the trace was checked for side
/// effects.
#[derive(Default)]
pub(super) struct Operators {
    frames: Vec<OperatorFrame>,
    /// The first instruction not yet checked.
    checked: usize,
    /// The homes written when the outermost operator started.
    modified: Vec<(u32, Ref)>,
}

/// The method name of a comparison.
fn compare_dunder(op: CompareOp) -> &'static str {
    match op {
        CompareOp::Lt => "__lt__",
        CompareOp::Le => "__le__",
        CompareOp::Eq => "__eq__",
        CompareOp::Ne => "__ne__",
        CompareOp::Gt => "__gt__",
        CompareOp::Ge => "__ge__",
    }
}

/// Whether `inst` calls a helper that only makes a new object (nothing else can see it
/// when the instruction runs again after an exit).
fn allocates_only(trace: &pyrite_ir::Trace, inst: &pyrite_ir::Inst) -> bool {
    use crate::jit::object_helpers::names::{BUILD_LIST, NEW_INSTANCE};
    match inst.imm {
        pyrite_ir::Imm::Helper(id) => trace
            .helper(id)
            .is_some_and(|h| h.name == NEW_INSTANCE || h.name == BUILD_LIST),
        _ => false,
    }
}

/// Which operand the chosen method receives first.
enum Order {
    Forward,
    Reflected,
}

impl Recorder<'_> {
    /// Whether an operator method is being inlined (snapshots are the operator's).
    pub(super) fn in_operator(&self) -> bool {
        !self.operators.frames.is_empty()
    }

    /// Whether `ty` is a class statement's class whose instances are plain objects.
    fn plain_class(&self, ty: &Value) -> bool {
        ty.as_type_data().is_some_and(|d| {
            d.has_flag(type_flags::HEAPTYPE) && d.layout == Layout::Object && d.version() != 0
        })
    }

    /// Whether `v` is an int, float or bool (whose own operators return NotImplemented
    /// for a plain object, changing nothing).
    fn builtin_number(v: &Value) -> bool {
        v.is_small_int() || v.is_immediate_float() || v.is_bool()
    }

    /// A Python function the trace may inline as an operator method.
    fn operator_method(&self, method: Option<Value>) -> Option<Value> {
        let method = method?;
        let f = method.as_function()?;
        let code = f.code.borrow().bits();
        let refused = self
            .vm
            .jit
            .no_inline
            .try_borrow()
            .map_or(true, |set| set.contains_key(&code));
        (!refused).then_some(method)
    }

    /// `BINARY_OP` with an operand of a plain class: the method, inlined; `None` when the
    /// operands are something else (or the method is not a plain Python function).
    pub(super) fn user_binary(
        &mut self,
        bop: BinaryOp,
        pc: usize,
        next: usize,
    ) -> Step<Option<usize>> {
        let Some((ta, tb, user_a)) = self.user_operand_types() else {
            return Ok(None);
        };
        let vm = self.vm;
        let (fwd, rev, inplace) = dunder_names(bop);
        if bop.is_inplace()
            && let Some(m) = vm.lookup_type_attr(&ta, inplace)
        {
            return self.try_operator(Some(m), Order::Forward, &ta, &tb, pc, next);
        }
        let fa = vm.lookup_type_attr(&ta, fwd);
        let rb = if ta.is(&tb) {
            None
        } else {
            vm.lookup_type_attr(&tb, rev)
        };
        if let Some(rb_method) = &rb
            && vm.is_subtype(&tb, &ta)
            && !vm.is_subtype(&ta, &tb)
        {
            let overrides = vm
                .lookup_type_attr(&ta, rev)
                .is_none_or(|ra| !ra.is(rb_method));
            if overrides {
                return self.try_operator(
                    Some(rb_method.clone()),
                    Order::Reflected,
                    &ta,
                    &tb,
                    pc,
                    next,
                );
            }
        }
        if user_a {
            return self.try_operator(fa, Order::Forward, &ta, &tb, pc, next);
        }
        // A builtin number's operator on a plain object: NotImplemented, then reflected.
        self.try_operator(rb, Order::Reflected, &ta, &tb, pc, next)
    }

    /// `COMPARE_OP` with an operand of a plain class, as [`Self::user_binary`].
    pub(super) fn user_compare(
        &mut self,
        cop: CompareOp,
        pc: usize,
        next: usize,
    ) -> Step<Option<usize>> {
        let Some((ta, tb, user_a)) = self.user_operand_types() else {
            return Ok(None);
        };
        let vm = self.vm;
        let name = compare_dunder(cop);
        let rname = compare_dunder(cop.swapped());
        let reflected_first = !ta.is(&tb) && vm.is_subtype(&tb, &ta);
        if reflected_first {
            // Only a Python method is known not to give NotImplemented here.
            return self.try_operator(
                vm.lookup_type_attr(&tb, rname),
                Order::Reflected,
                &ta,
                &tb,
                pc,
                next,
            );
        }
        if user_a {
            return self.try_operator(
                vm.lookup_type_attr(&ta, name),
                Order::Forward,
                &ta,
                &tb,
                pc,
                next,
            );
        }
        // A builtin number's comparison with a plain object: NotImplemented, then
        // reflected.
        self.try_operator(
            vm.lookup_type_attr(&tb, rname),
            Order::Reflected,
            &ta,
            &tb,
            pc,
            next,
        )
    }

    /// The operand types `(ta, tb, user_a)` when an operand is of a plain class and the other
    /// is one too, a builtin number, or (on the right of a plain class) an immediate.
    fn user_operand_types(&self) -> Option<(Value, Value, bool)> {
        let (a, b) = self.operands()?;
        let (ta, tb) = (self.vm.type_of(&a.v), self.vm.type_of(&b.v));
        let (user_a, user_b) = (self.plain_class(&ta), self.plain_class(&tb));
        let eligible = user_a && (user_b || Self::builtin_number(&b.v) || !b.v.is_heap())
            || user_b && Self::builtin_number(&a.v);
        eligible.then_some((ta, tb, user_a))
    }

    /// Inlines `candidate` as the operator's method when it is a plain Python function;
    /// `None` (not recorded here) otherwise.
    fn try_operator(
        &mut self,
        candidate: Option<Value>,
        order: Order,
        ta: &Value,
        tb: &Value,
        pc: usize,
        next: usize,
    ) -> Step<Option<usize>> {
        match self.operator_method(candidate) {
            Some(m) => self.enter_operator(m, order, ta, tb, pc, next),
            None => Ok(None),
        }
    }

    /// The two operands on top of the stack.
    fn operands(&self) -> Option<(Entry, Entry)> {
        let len = self.stack.len();
        let a = self.stack.get(len.checked_sub(2)?)?.clone();
        let b = self.stack.get(len - 1)?.clone();
        Some((a, b))
    }

    /// Guards an operand's exact type (`ty`), pinning a class's version.
    fn guard_operand(&mut self, e: &Entry, ty: &Value) -> Step<()> {
        let r = e.r;
        let known =
            r.is_const() || self.is_virtual_instance(r) || self.b.trace().type_of(r) != Type::Value;
        if !known {
            if e.v.is_heap() {
                self.guard_exact_type(r, ty.bits())?;
            } else {
                let tag = tag_of(&e.v).ok_or(AbortReason::UnsupportedTypes("operand"))?;
                self.b.guard_type(r, tag);
            }
        }
        if let Some(data) = ty.as_type_data()
            && data.has_flag(type_flags::HEAPTYPE)
        {
            let version = data.version();
            if version == 0 {
                return Err(AbortReason::UnsupportedTypes(
                    "operand of an unversioned class",
                ));
            }
            self.keep_alive(ty);
            if !self.deps.iter().any(
                |d| matches!(d, Dep::TypeVersion { ty: t, version: v } if t.is(ty) && *v == version),
            ) {
                self.deps.push(Dep::TypeVersion {
                    ty: ty.clone(),
                    version,
                });
            }
        }
        Ok(())
    }

    /// Guards both operands and starts inlining `method` with them (in `order`).
    fn enter_operator(
        &mut self,
        method: Value,
        order: Order,
        ta: &Value,
        tb: &Value,
        pc: usize,
        next: usize,
    ) -> Step<Option<usize>> {
        let (a, b) = self.operands().ok_or(AbortReason::FrameShape)?;
        self.guard_operand(&a, ta)?;
        self.guard_operand(&b, tb)?;
        self.pop()?;
        self.pop()?;
        self.keep_alive(&method);
        let callee = self.constant(&method);
        self.push(callee);
        let (first, second) = match order {
            Order::Forward => (a, b),
            Order::Reflected => (b, a),
        };
        self.push(first);
        self.push(second);
        // Snapshots from here on are the operator's (taken before this instruction).
        self.begin_effect_free(self.calls.depth() + 1);
        match self.inline_call(1, pc, next, false)? {
            Some(target) => Ok(Some(target)),
            None => Err(AbortReason::CallShape),
        }
    }

    /// From here until the frame at call depth `depth` returns, snapshots are the one
    /// taken before the current instruction, and side effects abort the recording: an
    /// operator method, or an inlined `__init__` (an exit re-runs `cls(...)` whole).
    pub(super) fn begin_effect_free(&mut self, depth: usize) {
        if !self.in_operator() {
            self.operators.checked = self.b.trace().insts.len();
            let mut modified: Vec<(u32, Ref)> =
                self.modified.iter().map(|(&k, &r)| (k, r)).collect();
            modified.sort_unstable_by_key(|&(k, _)| k);
            self.operators.modified = modified;
        }
        self.operators.frames.push(OperatorFrame { depth });
    }

    /// After each recorded instruction: inside an operator method, anything observable
    /// aborts the recording (an exit would run the operator again).
    pub(super) fn check_operator_effects(&mut self) -> Step<()> {
        if !self.in_operator() {
            return Ok(());
        }
        let trace = self.b.trace();
        let start = self.operators.checked;
        let effect = trace.insts.get(start..).is_some_and(|insts| {
            insts.iter().any(|inst| {
                let flags = inst.op.flags();
                flags.contains(OpFlags::STORE)
                    || flags.contains(OpFlags::RC)
                    || matches!(inst.op, Op::Exit | Op::Jump | Op::Loop)
                    || (inst.op == Op::Call
                        && trace.effect_of(inst) != Some(Effect::Pure)
                        && !allocates_only(trace, inst))
            })
        });
        self.operators.checked = trace.insts.len();
        let mut modified: Vec<(u32, Ref)> = self.modified.iter().map(|(&k, &r)| (k, r)).collect();
        modified.sort_unstable_by_key(|&(k, _)| k);
        if effect
            || modified != self.operators.modified
            || self.stitched
            || self.loop_call.is_some()
        {
            return Err(AbortReason::UnsupportedTypes(
                "side effect inside an inlined operator or __init__",
            ));
        }
        Ok(())
    }

    /// After the return of an inlined frame at call depth `depth` (before it): ends the
    /// operator it was, checking its result (on top of the stack).
    pub(super) fn operator_returned(&mut self, depth: usize) -> Step<()> {
        if self
            .operators
            .frames
            .last()
            .is_none_or(|frame| frame.depth != depth)
        {
            return Ok(());
        }
        self.check_operator_effects()?;
        let result = self.stack.last().cloned().ok_or(AbortReason::FrameShape)?;
        if result.v.is(&Value::NOT_IMPLEMENTED) {
            return Err(AbortReason::UnsupportedTypes(
                "operator returning NotImplemented",
            ));
        }
        let known = result.r.is_const()
            || self.is_virtual_instance(result.r)
            || self.b.trace().type_of(result.r) != Type::Value;
        if !known {
            // Still under the operator's snapshot: NotImplemented runs it again.
            let not_implemented = self.b.const_value(Value::NOT_IMPLEMENTED.bits());
            self.b.emit(Op::GuardNe, &[result.r, not_implemented]);
        }
        self.operators.frames.pop();
        Ok(())
    }
}
