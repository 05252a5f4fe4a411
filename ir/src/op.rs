//! The one table of IR operations: each row gives an op its text name, operand kinds, the
//! kind of immediate it carries, its result type and its flags. The macro generates the
//! [`Op`] enum and [`Op::info`]; the builder, printer, parser, verifier and every pass read
//! this table instead of keeping their own lists.
//!
//! Flags say what a pass may do with an op:
//! - `GUARD`: may leave the trace through its snapshot (overflow, type and branch guards).
//! - `PURE`: the result depends only on the operands and the op has no side effect, so two
//!   equal pure ops are one (CSE) and, unless it is also a guard, an unused one is dead.
//! - `LOAD` / `STORE`: reads / writes memory (frame slots or object fields).
//! - `ALLOC`: may allocate a fresh object; unused allocations are dead and allocations whose
//!   only uses are snapshots can be sunk.
//! - `CALL`: a helper call; its effects come from the helper's [`crate::Effect`].
//! - `RC`: a reference count operation.
//! - `REPR_GUARD`: a guard that only checks its own result is representable (an i64 that
//!   did not overflow, a box that fits in a word): when the result is unused the whole op is
//!   dead, because nothing observable depends on the check.
//! - `CONTROL`: loop structure (`loop`, `phi`, `jump`, `exit`); never moved or removed by
//!   the generic passes.

use std::fmt;

use crate::types::Type;

/// A set of [`Op`] flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct OpFlags(u16);

impl OpFlags {
    /// No flags.
    pub const NONE: OpFlags = OpFlags(0);
    /// May exit the trace through its snapshot.
    pub const GUARD: OpFlags = OpFlags(1 << 0);
    /// No side effects; equal ops give equal results.
    pub const PURE: OpFlags = OpFlags(1 << 1);
    /// The two operands may be swapped.
    pub const COMMUTATIVE: OpFlags = OpFlags(1 << 2);
    /// Reads memory.
    pub const LOAD: OpFlags = OpFlags(1 << 3);
    /// Writes memory.
    pub const STORE: OpFlags = OpFlags(1 << 4);
    /// May allocate a fresh object.
    pub const ALLOC: OpFlags = OpFlags(1 << 5);
    /// Calls a helper.
    pub const CALL: OpFlags = OpFlags(1 << 6);
    /// Changes a reference count.
    pub const RC: OpFlags = OpFlags(1 << 7);
    /// Loop structure.
    pub const CONTROL: OpFlags = OpFlags(1 << 8);
    /// A guard that only protects the representation of the op's own result.
    pub const REPR_GUARD: OpFlags = OpFlags(1 << 9);

    /// Whether every flag of `other` is set.
    pub const fn contains(self, other: OpFlags) -> bool {
        self.0 & other.0 == other.0
    }
}

impl std::ops::BitOr for OpFlags {
    type Output = OpFlags;
    fn bitor(self, rhs: OpFlags) -> OpFlags {
        OpFlags(self.0 | rhs.0)
    }
}

/// What an operand must be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OperandKind {
    /// A value of exactly this type.
    Is(Type),
    /// A value of any non-void type.
    Any,
    /// An address: a `value` (a heap pointer, dereferenced unmasked) or a `ptr`.
    Addr,
    /// A value of the same type as the first operand.
    SameAsFirst,
}

impl OperandKind {
    /// Whether a value of type `ty` fits, given the type of the first operand.
    pub fn accepts(self, ty: Type, first: Type) -> bool {
        match self {
            OperandKind::Is(want) => ty == want,
            OperandKind::Any => ty != Type::Void,
            OperandKind::Addr => matches!(ty, Type::Value | Type::Ptr),
            OperandKind::SameAsFirst => ty == first && ty != Type::Void,
        }
    }
}

impl fmt::Display for OperandKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OperandKind::Is(ty) => write!(f, "{ty}"),
            OperandKind::Any => f.write_str("any type"),
            OperandKind::Addr => f.write_str("value or ptr"),
            OperandKind::SameAsFirst => f.write_str("the type of operand 0"),
        }
    }
}

/// The immediate an op carries besides its operands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImmKind {
    /// None.
    None,
    /// A frame slot number (`[3]` in text).
    Slot,
    /// A byte offset (`+16` in text).
    Offset,
    /// A [`crate::TypeTag`] (`int` in text).
    Tag,
    /// A helper declared in the trace (`@name` in text).
    Helper,
}

/// How an op's result type is found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResultKind {
    /// Always this type (`Void` for ops without a result).
    Fixed(Type),
    /// Chosen by whoever emits the op (loads say what they load; calls take the helper's).
    Given,
    /// The type of the first operand (`phi`).
    SameAsFirst,
}

/// Everything the table says about one op.
#[derive(Clone, Copy, Debug)]
pub struct OpInfo {
    /// The name in the text format.
    pub name: &'static str,
    /// The fixed operands.
    pub operands: &'static [OperandKind],
    /// The kind of each extra operand after the fixed ones, for variadic ops.
    pub variadic: Option<OperandKind>,
    /// The immediate.
    pub imm: ImmKind,
    /// The result type.
    pub result: ResultKind,
    /// The flags.
    pub flags: OpFlags,
}

macro_rules! define_ops {
    ($(
        $(#[doc = $doc:literal])+
        $variant:ident = $name:literal, [$($operand:expr),*], $variadic:expr, $imm:ident,
            $result:expr, $flags:expr;
    )*) => {
        /// An IR operation. The table in `op.rs` is the only place ops are described.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Op {
            $($(#[doc = $doc])+ $variant,)*
        }

        impl Op {
            /// Every op, in table order.
            pub const ALL: &'static [Op] = &[$(Op::$variant),*];

            /// The table row of this op.
            pub const fn info(self) -> &'static OpInfo {
                match self {
                    $(Op::$variant => &OpInfo {
                        name: $name,
                        operands: &[$($operand),*],
                        variadic: $variadic,
                        imm: ImmKind::$imm,
                        result: $result,
                        flags: $flags,
                    },)*
                }
            }
        }
    };
}

use OperandKind::{Addr, Any, Is, SameAsFirst};
use ResultKind::{Fixed, Given};
use Type::{Bool, F64, I64, Value, Void};

const GUARD: OpFlags = OpFlags::GUARD;
const PURE: OpFlags = OpFlags::PURE;
const COMM: OpFlags = OpFlags::COMMUTATIVE;
const GUARD_PURE: OpFlags = OpFlags(OpFlags::GUARD.0 | OpFlags::PURE.0);
const PURE_COMM: OpFlags = OpFlags(OpFlags::PURE.0 | OpFlags::COMMUTATIVE.0);
const GUARD_PURE_COMM: OpFlags = OpFlags(GUARD_PURE.0 | COMM.0);
const OVF: OpFlags = OpFlags(GUARD_PURE.0 | OpFlags::REPR_GUARD.0);
const OVF_COMM: OpFlags = OpFlags(OVF.0 | COMM.0);
const BOX: OpFlags = OpFlags(OVF.0 | OpFlags::ALLOC.0);

define_ops! {
    // ---- frame slots and control ----
    /// Loads a slot of the root frame (at trace entry, or after a store to it): a value word,
    /// or, at the entry of a side trace, the raw number its parent's exit left there.
    LoadSlot = "load_slot", [], None, Slot, Given, OpFlags::LOAD;
    /// Stores a value word into a slot of the root frame.
    StoreSlot = "store_slot", [Any], None, Slot, Fixed(Void), OpFlags::STORE;
    /// Separates the pre-roll (run once) from the loop body (run each iteration).
    Loop = "loop", [], None, None, Fixed(Void), OpFlags::CONTROL;
    /// A loop-carried value, placed right after `loop`: the first operand on entry, the
    /// second (defined later in the body) on each back-edge. A *kept* phi also names the
    /// home it carries (`phi a, b, [k]`, the one op whose immediate is optional): loop
    /// peeling keeps it even when the recorded path writes the home with an invariant
    /// value, so a side trace may enter the body with another (see `passes::loop_peel`).
    Phi = "phi", [Any, SameAsFirst], None, None, ResultKind::SameAsFirst, OpFlags::CONTROL;
    /// The back-edge to `loop` (or to the trace start if there is no `loop`). With a
    /// snapshot, the snapshot's slots are written to the frame first (the unpeeled form).
    Jump = "jump", [], None, None, Fixed(Void), OpFlags::CONTROL;
    /// Leaves the trace unconditionally through its snapshot.
    Exit = "exit", [], None, None, Fixed(Void), OpFlags(OpFlags::GUARD.0 | OpFlags::CONTROL.0);
    /// The end of a side trace: box its snapshot's values into the slot array and jump to
    /// the root trace's entry (the loop header), LuaJIT's link to the root.
    Link = "link", [], None, None, Fixed(Void), OpFlags::CONTROL;

    // ---- integers ----
    /// `a + b`, exiting on i64 overflow (the interpreter then makes the big int).
    AddIntOvf = "add_int_ovf", [Is(I64), Is(I64)], None, None, Fixed(I64), OVF_COMM;
    /// `a - b`, exiting on i64 overflow.
    SubIntOvf = "sub_int_ovf", [Is(I64), Is(I64)], None, None, Fixed(I64), OVF;
    /// `a * b`, exiting on i64 overflow.
    MulIntOvf = "mul_int_ovf", [Is(I64), Is(I64)], None, None, Fixed(I64), OVF_COMM;
    /// `-a`, exiting on i64 overflow.
    NegIntOvf = "neg_int_ovf", [Is(I64)], None, None, Fixed(I64), OVF;
    /// `a + b`, wrapping (index arithmetic that cannot overflow).
    AddInt = "add_int", [Is(I64), Is(I64)], None, None, Fixed(I64), PURE_COMM;
    /// `a - b`, wrapping.
    SubInt = "sub_int", [Is(I64), Is(I64)], None, None, Fixed(I64), PURE;
    /// `a * b`, wrapping.
    MulInt = "mul_int", [Is(I64), Is(I64)], None, None, Fixed(I64), PURE_COMM;
    /// `a & b`.
    AndInt = "and_int", [Is(I64), Is(I64)], None, None, Fixed(I64), PURE_COMM;
    /// `a | b`.
    OrInt = "or_int", [Is(I64), Is(I64)], None, None, Fixed(I64), PURE_COMM;
    /// `a ^ b`.
    XorInt = "xor_int", [Is(I64), Is(I64)], None, None, Fixed(I64), PURE_COMM;
    /// Python's `//` on ints (rounds toward negative infinity); leaves on `MIN // -1`. The
    /// recorder guards the divisor nonzero first.
    FloorDivInt = "floordiv_int", [Is(I64), Is(I64)], None, None, Fixed(I64), OVF;
    /// Python's `a % b` (the result takes the divisor's sign); the recorder guards `b != 0`.
    ModInt = "mod_int", [Is(I64), Is(I64)], None, None, Fixed(I64), PURE;
    /// Python's `a >> b` for `b >= 0` (the recorder guards that): arithmetic, and a count
    /// of 64 or more gives 0 or -1.
    ShrInt = "shr_int", [Is(I64), Is(I64)], None, None, Fixed(I64), PURE;
    /// `a < b` on i64.
    LtInt = "lt_int", [Is(I64), Is(I64)], None, None, Fixed(Bool), PURE;
    /// `a <= b` on i64.
    LeInt = "le_int", [Is(I64), Is(I64)], None, None, Fixed(Bool), PURE;
    /// `a > b` on i64.
    GtInt = "gt_int", [Is(I64), Is(I64)], None, None, Fixed(Bool), PURE;
    /// `a >= b` on i64.
    GeInt = "ge_int", [Is(I64), Is(I64)], None, None, Fixed(Bool), PURE;
    /// `a == b` on i64.
    EqInt = "eq_int", [Is(I64), Is(I64)], None, None, Fixed(Bool), PURE_COMM;
    /// `a != b` on i64.
    NeInt = "ne_int", [Is(I64), Is(I64)], None, None, Fixed(Bool), PURE_COMM;

    // ---- floats ----
    /// `a + b` on f64.
    AddFloat = "add_float", [Is(F64), Is(F64)], None, None, Fixed(F64), PURE_COMM;
    /// `a - b` on f64.
    SubFloat = "sub_float", [Is(F64), Is(F64)], None, None, Fixed(F64), PURE;
    /// `a * b` on f64.
    MulFloat = "mul_float", [Is(F64), Is(F64)], None, None, Fixed(F64), PURE_COMM;
    /// `a / b` on f64, exiting when `b == 0` (the interpreter raises ZeroDivisionError).
    DivFloat = "div_float", [Is(F64), Is(F64)], None, None, Fixed(F64), GUARD_PURE;
    /// `-a` on f64.
    NegFloat = "neg_float", [Is(F64)], None, None, Fixed(F64), PURE;
    /// `abs(a)` on f64.
    AbsFloat = "abs_float", [Is(F64)], None, None, Fixed(F64), PURE;
    /// `math.sqrt(a)`, exiting when `a < 0` (the interpreter raises ValueError).
    SqrtFloat = "sqrt_float", [Is(F64)], None, None, Fixed(F64), GUARD_PURE;
    /// `a < b` on f64.
    LtFloat = "lt_float", [Is(F64), Is(F64)], None, None, Fixed(Bool), PURE;
    /// `a <= b` on f64.
    LeFloat = "le_float", [Is(F64), Is(F64)], None, None, Fixed(Bool), PURE;
    /// `a > b` on f64.
    GtFloat = "gt_float", [Is(F64), Is(F64)], None, None, Fixed(Bool), PURE;
    /// `a >= b` on f64.
    GeFloat = "ge_float", [Is(F64), Is(F64)], None, None, Fixed(Bool), PURE;
    /// `a == b` on f64.
    EqFloat = "eq_float", [Is(F64), Is(F64)], None, None, Fixed(Bool), PURE_COMM;
    /// `a != b` on f64.
    NeFloat = "ne_float", [Is(F64), Is(F64)], None, None, Fixed(Bool), PURE_COMM;
    /// Converts an i64 to the nearest f64 (Python's `float(int)` for i64 values).
    IntToFloat = "int_to_float", [Is(I64)], None, None, Fixed(F64), PURE;

    // ---- booleans ----
    /// `not a`.
    NotBool = "not_bool", [Is(Bool)], None, None, Fixed(Bool), PURE;

    // ---- boxing (the encodings of `abi`) ----
    /// Boxes an i64 as a small-int word, exiting when it needs more than 48 bits (the
    /// interpreter redoes the instruction and makes a heap int), so the result is always
    /// tagged `int`. An exit that finds an unboxed i64 in a snapshot boxes it any size.
    BoxInt = "box_int", [Is(I64)], None, None, Fixed(Value), BOX;
    /// Boxes an f64 as an immediate double, exiting on NaN (which must be a heap float), so
    /// the result is always tagged `float`.
    BoxFloat = "box_float", [Is(F64)], None, None, Fixed(Value), BOX;
    /// Boxes a bool as `True`/`False`.
    BoxBool = "box_bool", [Is(Bool)], None, None, Fixed(Value), PURE;
    /// The i64 of a small-int word (the word must be guarded `int`).
    UnboxInt = "unbox_int", [Is(Value)], None, None, Fixed(I64), PURE;
    /// The f64 of an immediate double (the word must be guarded `float`).
    UnboxFloat = "unbox_float", [Is(Value)], None, None, Fixed(F64), PURE;
    /// The bool of `True`/`False` (the word must be guarded `bool`).
    UnboxBool = "unbox_bool", [Is(Value)], None, None, Fixed(Bool), PURE;

    // ---- guards ----
    /// Exits unless the value word has the tag.
    GuardType = "guard_type", [Is(Value)], None, Tag, Fixed(Void), GUARD_PURE;
    /// Exits unless the bool is true.
    GuardTrue = "guard_true", [Is(Bool)], None, None, Fixed(Void), GUARD_PURE;
    /// Exits unless the bool is false.
    GuardFalse = "guard_false", [Is(Bool)], None, None, Fixed(Void), GUARD_PURE;
    /// Exits unless the two words are equal (map, version and callee identity guards).
    GuardEq = "guard_eq", [Any, SameAsFirst], None, None, Fixed(Void), GUARD_PURE_COMM;
    /// Exits if the two words are equal.
    GuardNe = "guard_ne", [Any, SameAsFirst], None, None, Fixed(Void), GUARD_PURE_COMM;
    /// Exits if a may-call helper forced the inlined frames (they now live in memory).
    GuardNotForced = "guard_not_forced", [], None, None, Fixed(Void), GUARD;

    // ---- memory ----
    /// Loads the word at `base + offset`.
    Load = "load", [Addr], None, Offset, Given, OpFlags::LOAD;
    /// Stores a word at `base + offset`.
    Store = "store", [Addr, Any], None, Offset, Fixed(Void), OpFlags::STORE;
    /// Loads the word at `base + offset + 8 * index` (list and tuple items).
    LoadElem = "load_elem", [Addr, Is(I64)], None, Offset, Given, OpFlags::LOAD;
    /// Stores a word at `base + offset + 8 * index`.
    StoreElem = "store_elem", [Addr, Is(I64), Any], None, Offset, Fixed(Void), OpFlags::STORE;

    // ---- instance attributes (maps, DESIGN §3) ----
    /// Loads the word of an instance attribute slot at `values + offset`, where `values` is
    /// the instance's slot array (read with `load` after the instance's map guard). Slot
    /// arrays are a memory kind of their own: only `store_attr` and helpers that write
    /// memory change them, so the heap cache (`passes::heap`) forwards these loads.
    LoadAttr = "load_attr", [Addr], None, Offset, Given, OpFlags::LOAD;
    /// Stores a word into an instance attribute slot at `values + offset`.
    StoreAttr = "store_attr", [Addr, Any], None, Offset, Fixed(Void), OpFlags::STORE;
    /// A fresh instance of the class operand, whose attributes the recorder tracks itself
    /// (it reads and writes them without IR). Snapshots describe it field by field as a
    /// virtual `instance`; one that anything else uses escapes, which the backend does not
    /// support (the trace is not compiled).
    NewInstance = "new_instance", [Is(Value)], None, None, Fixed(Value), OpFlags::ALLOC;

    // ---- calls, reference counts, allocation ----
    /// Calls a helper declared in the trace; the helper says whether it may raise or call
    /// Python code. A call that may raise is a guard (a raised exception leaves the trace).
    Call = "call", [], Some(Any), Helper, Given, OpFlags::CALL;
    /// Increments a value's reference count (nothing for immediates).
    IncRef = "incref", [Is(Value)], None, None, Fixed(Void), OpFlags::RC;
    /// Decrements a value's reference count, freeing it at zero.
    DecRef = "decref", [Is(Value)], None, None, Fixed(Void), OpFlags::RC;
    /// A fresh tuple of the operands (each reference is transferred to the tuple).
    NewTuple = "new_tuple", [], Some(Is(Value)), None, Fixed(Value), OpFlags::ALLOC;
}

impl Op {
    /// The name in the text format.
    pub const fn name(self) -> &'static str {
        self.info().name
    }

    /// The op's flags (for `call`, see also [`crate::Trace::effect_of`]).
    pub const fn flags(self) -> OpFlags {
        self.info().flags
    }

    /// Whether the op may leave the trace.
    pub const fn is_guard(self) -> bool {
        self.flags().contains(OpFlags::GUARD)
    }

    /// Finds an op by its text name.
    pub fn from_name(name: &str) -> Option<Op> {
        Op::ALL.iter().copied().find(|op| op.name() == name)
    }
}

impl fmt::Display for Op {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_parse_back() {
        for &op in Op::ALL {
            assert_eq!(Op::from_name(op.name()), Some(op), "{op:?}");
        }
    }

    #[test]
    fn commutative_ops_take_two_operands_of_one_type() {
        for &op in Op::ALL {
            let info = op.info();
            if info.flags.contains(OpFlags::COMMUTATIVE) {
                assert_eq!(info.operands.len(), 2, "{op:?}");
            }
        }
    }
}
