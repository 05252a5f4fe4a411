//! The one opcode table. Every opcode is defined once here — its doc line, stack effect,
//! number of inline cache units and flags — and the `Opcode` enum, `dis` names and the
//! metadata queries are generated from it, so there is no second list to keep in sync.
//!
//! Encoding: a code unit is a `u16` holding the opcode in its low byte and an 8-bit argument in
//! its high byte; larger arguments are built from `EXTENDED_ARG` prefixes, exactly as CPython
//! does. An instruction is followed by `caches` `CACHE` units reserved for adaptive
//! specialization and JIT counters. Jump arguments are unsigned distances in code units
//! measured from the end of the jumping instruction (after its caches); the direction is part
//! of the opcode (`JUMP_FORWARD` / `JUMP_BACKWARD`, conditional jumps are forward only).
//!
//! The semantics follow CPython 3.13 with these deliberate differences (simpler to interpret
//! and to record):
//! - the call protocol is `[callable, self_or_null, args...]`;
//! - `FOR_ITER` pops the exhausted iterator and jumps (there is no `END_FOR`);
//! - conditional jumps test truthiness themselves (there is no `TO_BOOL`);
//! - `COMPARE_OP`'s argument is the plain comparison number (see `CompareOp`).

/// Flags describing what an opcode may do; the JIT recorder and monitoring read them.
pub mod flags {
    /// The argument is a jump distance.
    pub const JUMP: u8 = 1;
    /// Executing the opcode can raise an exception.
    pub const CAN_RAISE: u8 = 2;
    /// The opcode uses its argument.
    pub const HAS_ARG: u8 = 4;
    /// The opcode can run arbitrary Python code (calls, dunder methods).
    pub const CAN_CALL: u8 = 8;
}

macro_rules! define_opcodes {
    ($( $(#[doc = $doc:literal])+ $name:ident = $num:literal, caches: $caches:literal, flags: $flags:expr, effect: $effect:expr; )*) => {
        /// A bytecode instruction kind. Generated from the table in this module.
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Opcode {
            $( $(#[doc = $doc])+ $name = $num, )*
        }

        impl Opcode {
            /// Every opcode, in table order.
            pub const ALL: &'static [Opcode] = &[$(Opcode::$name,)*];

            /// Decodes a byte, or `None` if no opcode has that number (one table load: the
            /// dispatch loop decodes every instruction).
            #[inline(always)]
            pub fn from_u8(byte: u8) -> Option<Opcode> {
                const DECODE: [Option<Opcode>; 256] = {
                    let mut table = [None; 256];
                    $( table[$num] = Some(Opcode::$name); )*
                    table
                };
                DECODE[usize::from(byte)]
            }

            /// The name `dis` prints.
            pub fn name(self) -> &'static str {
                match self { $( Opcode::$name => stringify!($name), )* }
            }

            /// How many `CACHE` units follow the instruction (a table load, for the
            /// dispatch loop).
            #[inline(always)]
            pub fn caches(self) -> usize {
                const CACHES: [u8; 256] = {
                    let mut table = [0; 256];
                    $( table[$num] = $caches; )*
                    table
                };
                CACHES[self as usize] as usize
            }

            /// The opcode's `flags::*` bits.
            pub fn flags(self) -> u8 {
                match self { $( Opcode::$name => $flags, )* }
            }

            /// Net stack effect for argument `arg`; `jump` selects the effect on the jump
            /// branch for opcodes whose two exits differ.
            pub fn stack_effect(self, arg: u32, jump: bool) -> i32 {
                let arg = arg as i32;
                let _ = (arg, jump);
                match self { $( Opcode::$name => ($effect)(arg, jump), )* }
            }

            /// The first doc line of the opcode.
            pub fn doc(self) -> &'static str {
                match self { $( Opcode::$name => first_doc_line(&[$($doc),+]), )* }
            }
        }
    };
}

fn first_doc_line(lines: &[&'static str]) -> &'static str {
    lines.first().map(|line| line.trim()).unwrap_or("")
}

use flags::{CAN_CALL as CALL, CAN_RAISE as RAISE, HAS_ARG as ARG, JUMP};

/// Stack effect that does not depend on the argument.
const fn fixed(n: i32) -> fn(i32, bool) -> i32 {
    match n {
        -4 => |_, _| -4,
        -3 => |_, _| -3,
        -2 => |_, _| -2,
        -1 => |_, _| -1,
        0 => |_, _| 0,
        1 => |_, _| 1,
        2 => |_, _| 2,
        _ => |_, _| 0,
    }
}

define_opcodes! {
    /// Padding unit after an instruction, used by specialization and counters.
    CACHE = 0, caches: 0, flags: 0, effect: fixed(0);
    /// Does nothing.
    NOP = 1, caches: 0, flags: 0, effect: fixed(0);
    /// Prefix that shifts its argument into the next instruction's argument.
    EXTENDED_ARG = 2, caches: 0, flags: ARG, effect: fixed(0);
    /// Start of a code object or resumption point; checks the eval breaker.
    /// arg: 0 function start, 1 after yield, 2 after yield from, 3 after await.
    RESUME = 3, caches: 0, flags: ARG | RAISE, effect: fixed(0);
    /// Pops STACK[-1].
    POP_TOP = 4, caches: 0, flags: 0, effect: fixed(-1);
    /// Pushes NULL (an empty slot), used as the `self_or_null` of a call.
    PUSH_NULL = 5, caches: 0, flags: 0, effect: fixed(1);
    /// Pushes a copy of STACK[-arg] (arg >= 1).
    COPY = 6, caches: 0, flags: ARG, effect: fixed(1);
    /// Swaps STACK[-1] and STACK[-arg] (arg >= 2).
    SWAP = 7, caches: 0, flags: ARG, effect: fixed(0);
    /// Pushes co_consts[arg].
    LOAD_CONST = 8, caches: 0, flags: ARG, effect: fixed(1);
    /// Pushes local slot arg; raises UnboundLocalError if it is empty.
    LOAD_FAST = 9, caches: 0, flags: ARG | RAISE, effect: fixed(1);
    /// Pops STACK[-1] into local slot arg.
    STORE_FAST = 10, caches: 0, flags: ARG, effect: fixed(-1);
    /// Empties local slot arg; raises UnboundLocalError if it is already empty.
    DELETE_FAST = 11, caches: 0, flags: ARG | RAISE, effect: fixed(0);
    /// Pushes local slot arg (or NULL if empty) and empties the slot (inlined comprehensions).
    LOAD_FAST_AND_CLEAR = 12, caches: 0, flags: ARG, effect: fixed(1);
    /// Replaces the value in localsplus slot arg by a new cell holding it (or an empty cell).
    MAKE_CELL = 13, caches: 0, flags: ARG, effect: fixed(0);
    /// Pushes the contents of the cell in localsplus slot arg; NameError/UnboundLocalError if empty.
    LOAD_DEREF = 14, caches: 0, flags: ARG | RAISE, effect: fixed(1);
    /// Pops STACK[-1] into the cell in localsplus slot arg.
    STORE_DEREF = 15, caches: 0, flags: ARG, effect: fixed(-1);
    /// Empties the cell in localsplus slot arg.
    DELETE_DEREF = 16, caches: 0, flags: ARG | RAISE, effect: fixed(0);
    /// Pushes the cell object itself in localsplus slot arg (to build a closure tuple).
    LOAD_CLOSURE = 17, caches: 0, flags: ARG, effect: fixed(1);
    /// Copies the arg cells of the function's closure into the last arg localsplus slots.
    COPY_FREE_VARS = 18, caches: 0, flags: ARG, effect: fixed(0);
    /// Class bodies: pops a mapping, pushes mapping[name of slot arg] or else the cell's contents.
    LOAD_FROM_DICT_OR_DEREF = 19, caches: 0, flags: ARG | RAISE | CALL, effect: fixed(0);
    /// Pushes the value of co_names[arg] from locals, then globals, then builtins.
    LOAD_NAME = 20, caches: 0, flags: ARG | RAISE | CALL, effect: fixed(1);
    /// Pops STACK[-1] into locals[co_names[arg]].
    STORE_NAME = 21, caches: 0, flags: ARG | RAISE | CALL, effect: fixed(-1);
    /// Deletes locals[co_names[arg]].
    DELETE_NAME = 22, caches: 0, flags: ARG | RAISE | CALL, effect: fixed(0);
    /// Pushes global or builtin co_names[arg >> 1]; then pushes NULL if arg & 1.
    LOAD_GLOBAL = 23, caches: 4, flags: ARG | RAISE, effect: |arg, _| 1 + (arg & 1);
    /// Pops STACK[-1] into globals[co_names[arg]].
    STORE_GLOBAL = 24, caches: 0, flags: ARG | RAISE, effect: fixed(-1);
    /// Deletes globals[co_names[arg]].
    DELETE_GLOBAL = 25, caches: 0, flags: ARG | RAISE, effect: fixed(0);
    /// Replaces STACK[-1] by its attribute co_names[arg >> 1]. If arg & 1 (method form) pushes
    /// (function, self) when the attribute is a plain method, else (attribute, NULL).
    LOAD_ATTR = 26, caches: 7, flags: ARG | RAISE | CALL, effect: |arg, _| arg & 1;
    /// STACK[-1].co_names[arg] = STACK[-2]; pops both.
    STORE_ATTR = 27, caches: 6, flags: ARG | RAISE | CALL, effect: fixed(-2);
    /// del STACK[-1].co_names[arg]; pops it.
    DELETE_ATTR = 28, caches: 0, flags: ARG | RAISE | CALL, effect: fixed(-1);
    /// Binary operator `BinaryOp(arg)` on STACK[-2] and STACK[-1]; pushes the result.
    BINARY_OP = 29, caches: 1, flags: ARG | RAISE | CALL, effect: fixed(-1);
    /// -STACK[-1]
    UNARY_NEGATIVE = 30, caches: 0, flags: RAISE | CALL, effect: fixed(0);
    /// +STACK[-1]
    UNARY_POSITIVE = 31, caches: 0, flags: RAISE | CALL, effect: fixed(0);
    /// ~STACK[-1]
    UNARY_INVERT = 32, caches: 0, flags: RAISE | CALL, effect: fixed(0);
    /// not STACK[-1]
    UNARY_NOT = 33, caches: 0, flags: RAISE | CALL, effect: fixed(0);
    /// Rich comparison `CompareOp(arg)` of STACK[-2] and STACK[-1]; pushes the result.
    COMPARE_OP = 34, caches: 1, flags: ARG | RAISE | CALL, effect: fixed(-1);
    /// Pushes `STACK[-2] is STACK[-1]` (negated if arg == 1).
    IS_OP = 35, caches: 0, flags: ARG, effect: fixed(-1);
    /// Pushes `STACK[-2] in STACK[-1]` (negated if arg == 1).
    CONTAINS_OP = 36, caches: 0, flags: ARG | RAISE | CALL, effect: fixed(-1);
    /// STACK[-2][STACK[-1]]
    BINARY_SUBSCR = 37, caches: 1, flags: RAISE | CALL, effect: fixed(-1);
    /// STACK[-2][STACK[-1]] = STACK[-3]; pops all three.
    STORE_SUBSCR = 38, caches: 1, flags: RAISE | CALL, effect: fixed(-3);
    /// del STACK[-2][STACK[-1]]; pops both.
    DELETE_SUBSCR = 39, caches: 0, flags: RAISE | CALL, effect: fixed(-2);
    /// STACK[-3][STACK[-2]:STACK[-1]]
    BINARY_SLICE = 40, caches: 0, flags: RAISE | CALL, effect: fixed(-2);
    /// STACK[-3][STACK[-2]:STACK[-1]] = STACK[-4]; pops all four.
    STORE_SLICE = 41, caches: 0, flags: RAISE | CALL, effect: fixed(-4);
    /// Pushes slice(STACK[-2], STACK[-1]) or, with arg 3, slice(STACK[-3], STACK[-2], STACK[-1]).
    BUILD_SLICE = 42, caches: 0, flags: ARG, effect: |arg, _| 1 - arg;
    /// Pops arg items, pushes a tuple of them.
    BUILD_TUPLE = 43, caches: 0, flags: ARG, effect: |arg, _| 1 - arg;
    /// Pops arg items, pushes a list of them.
    BUILD_LIST = 44, caches: 0, flags: ARG, effect: |arg, _| 1 - arg;
    /// Pops arg items, pushes a set of them.
    BUILD_SET = 45, caches: 0, flags: ARG | RAISE | CALL, effect: |arg, _| 1 - arg;
    /// Pops arg key/value pairs (key first), pushes a dict.
    BUILD_MAP = 46, caches: 0, flags: ARG | RAISE | CALL, effect: |arg, _| 1 - 2 * arg;
    /// Pops arg strings, pushes their concatenation.
    BUILD_STRING = 47, caches: 0, flags: ARG, effect: |arg, _| 1 - arg;
    /// Pops v, appends it to the list at STACK[-arg] (counted after the pop).
    LIST_APPEND = 48, caches: 0, flags: ARG, effect: fixed(-1);
    /// Pops v, adds it to the set at STACK[-arg].
    SET_ADD = 49, caches: 0, flags: ARG | RAISE | CALL, effect: fixed(-1);
    /// Pops value then key, stores them in the dict at STACK[-arg].
    MAP_ADD = 50, caches: 0, flags: ARG | RAISE | CALL, effect: fixed(-2);
    /// Pops an iterable, extends the list at STACK[-arg] with it.
    LIST_EXTEND = 51, caches: 0, flags: ARG | RAISE | CALL, effect: fixed(-1);
    /// Pops an iterable, adds its items to the set at STACK[-arg].
    SET_UPDATE = 52, caches: 0, flags: ARG | RAISE | CALL, effect: fixed(-1);
    /// Pops a mapping, updates the dict at STACK[-arg] with it.
    DICT_UPDATE = 53, caches: 0, flags: ARG | RAISE | CALL, effect: fixed(-1);
    /// Like DICT_UPDATE but raises on duplicate keys (`**kwargs` in calls).
    DICT_MERGE = 54, caches: 0, flags: ARG | RAISE | CALL, effect: fixed(-1);
    /// Replaces the list STACK[-1] by a tuple with its items.
    LIST_TO_TUPLE = 55, caches: 0, flags: 0, effect: fixed(0);
    /// Pops a sequence, pushes exactly arg items, last item pushed first (so item 0 ends on top).
    UNPACK_SEQUENCE = 56, caches: 1, flags: ARG | RAISE | CALL, effect: |arg, _| arg - 1;
    /// Star unpacking: (arg & 0xFF) items before the star, (arg >> 8) after.
    UNPACK_EX = 57, caches: 0, flags: ARG | RAISE | CALL, effect: |arg, _| (arg & 0xFF) + (arg >> 8);
    /// Replaces STACK[-1] by format(STACK[-1], '') (no-op for exact str).
    FORMAT_SIMPLE = 58, caches: 0, flags: RAISE | CALL, effect: fixed(0);
    /// Pops spec and value, pushes format(value, spec).
    FORMAT_WITH_SPEC = 59, caches: 0, flags: RAISE | CALL, effect: fixed(-1);
    /// Converts STACK[-1] with str (arg 1), repr (arg 2) or ascii (arg 3).
    CONVERT_VALUE = 60, caches: 0, flags: ARG | RAISE | CALL, effect: fixed(0);
    /// Jumps forward by arg code units.
    JUMP_FORWARD = 61, caches: 0, flags: ARG | JUMP, effect: fixed(0);
    /// Jumps backward by arg code units; checks the eval breaker; its cache counts iterations.
    JUMP_BACKWARD = 62, caches: 1, flags: ARG | JUMP | RAISE, effect: fixed(0);
    /// Jumps backward without an eval-breaker check (inside `yield from`/`await` loops).
    JUMP_BACKWARD_NO_INTERRUPT = 63, caches: 0, flags: ARG | JUMP, effect: fixed(0);
    /// Pops STACK[-1]; jumps forward by arg if it is false.
    POP_JUMP_IF_FALSE = 64, caches: 1, flags: ARG | JUMP | RAISE | CALL, effect: fixed(-1);
    /// Pops STACK[-1]; jumps forward by arg if it is true.
    POP_JUMP_IF_TRUE = 65, caches: 1, flags: ARG | JUMP | RAISE | CALL, effect: fixed(-1);
    /// Pops STACK[-1]; jumps forward by arg if it is None.
    POP_JUMP_IF_NONE = 66, caches: 1, flags: ARG | JUMP, effect: fixed(-1);
    /// Pops STACK[-1]; jumps forward by arg if it is not None.
    POP_JUMP_IF_NOT_NONE = 67, caches: 1, flags: ARG | JUMP, effect: fixed(-1);
    /// Replaces STACK[-1] by iter(STACK[-1]).
    GET_ITER = 68, caches: 0, flags: RAISE | CALL, effect: fixed(0);
    /// Pushes next(STACK[-1]); when exhausted, pops the iterator and jumps forward by arg.
    FOR_ITER = 69, caches: 1, flags: ARG | JUMP | RAISE | CALL, effect: |_, jump| if jump { -1 } else { 1 };
    /// Calls STACK[-2-arg] with self_or_null STACK[-1-arg] and arg positional arguments.
    CALL = 70, caches: 3, flags: ARG | RAISE | CALL, effect: |arg, _| -1 - arg;
    /// Like CALL, with a tuple of keyword names on top; the last len(names) arguments are keywords.
    CALL_KW = 71, caches: 0, flags: ARG | RAISE | CALL, effect: |arg, _| -2 - arg;
    /// Stack: callable, self_or_null, args tuple, [kwargs dict if arg & 1]; calls it.
    CALL_FUNCTION_EX = 72, caches: 0, flags: ARG | RAISE | CALL, effect: |arg, _| -2 - (arg & 1);
    /// Replaces the code object STACK[-1] by a new function using the current globals.
    MAKE_FUNCTION = 73, caches: 0, flags: 0, effect: fixed(0);
    /// Pops the function STACK[-1] and the value STACK[-2], stores the value as the attribute
    /// selected by arg (1 defaults tuple, 2 kwdefaults dict, 4 annotations, 8 closure tuple),
    /// pushes the function back.
    SET_FUNCTION_ATTRIBUTE = 74, caches: 0, flags: ARG, effect: fixed(-1);
    /// Returns STACK[-1] to the caller.
    RETURN_VALUE = 75, caches: 0, flags: 0, effect: fixed(-1);
    /// Returns co_consts[arg] to the caller.
    RETURN_CONST = 76, caches: 0, flags: ARG, effect: fixed(0);
    /// raise (arg 0), raise STACK[-1] (arg 1), raise STACK[-2] from STACK[-1] (arg 2).
    RAISE_VARARGS = 77, caches: 0, flags: ARG | RAISE | CALL, effect: |arg: i32, _| -arg;
    /// Re-raises the exception STACK[-1]; if arg != 0 also pops the saved lasti below it.
    RERAISE = 78, caches: 0, flags: ARG | RAISE, effect: fixed(-1);
    /// Pops exc, pushes the current exc_info then exc, and makes exc the current exc_info.
    PUSH_EXC_INFO = 79, caches: 0, flags: 0, effect: fixed(1);
    /// Pops the saved exc_info (pushed by PUSH_EXC_INFO) and restores it.
    POP_EXCEPT = 80, caches: 0, flags: 0, effect: fixed(-1);
    /// Pops the type/tuple STACK[-1], pushes whether STACK[-2] matches it.
    CHECK_EXC_MATCH = 81, caches: 0, flags: RAISE | CALL, effect: fixed(0);
    /// except*: splits the group STACK[-2] by STACK[-1]; pushes the rest and the match.
    CHECK_EG_MATCH = 82, caches: 0, flags: RAISE | CALL, effect: fixed(0);
    /// Calls the __exit__ at STACK[-4] with the exception STACK[-1]; pushes the result.
    WITH_EXCEPT_START = 83, caches: 0, flags: RAISE | CALL, effect: fixed(1);
    /// Pops a context manager, pushes its bound __exit__ and the result of __enter__().
    BEFORE_WITH = 84, caches: 0, flags: RAISE | CALL, effect: fixed(1);
    /// Pushes AssertionError.
    LOAD_ASSERTION_ERROR = 85, caches: 0, flags: 0, effect: fixed(1);
    /// Pushes builtins.__build_class__.
    LOAD_BUILD_CLASS = 86, caches: 0, flags: RAISE, effect: fixed(1);
    /// Pops fromlist and level, pushes the module co_names[arg].
    IMPORT_NAME = 87, caches: 0, flags: ARG | RAISE | CALL, effect: fixed(-1);
    /// Pushes attribute co_names[arg] of the module STACK[-1] (keeping the module).
    IMPORT_FROM = 88, caches: 0, flags: ARG | RAISE | CALL, effect: fixed(1);
    /// Pops a module and binds all its public names in locals (`from m import *`).
    IMPORT_STAR = 89, caches: 0, flags: RAISE | CALL, effect: fixed(-1);
    /// Creates `__annotations__` in the module or class namespace.
    SETUP_ANNOTATIONS = 90, caches: 0, flags: RAISE, effect: fixed(0);
    /// Generator start: creates the generator from the current frame and returns it.
    RETURN_GENERATOR = 91, caches: 0, flags: 0, effect: fixed(0);
    /// Yields STACK[-1] to the caller; on resume pushes the sent value.
    YIELD_VALUE = 92, caches: 0, flags: ARG, effect: fixed(0);
    /// Sends STACK[-1] into the iterator STACK[-2]; on StopIteration replaces the top by the
    /// return value and jumps forward by arg.
    SEND = 93, caches: 1, flags: ARG | JUMP | RAISE | CALL, effect: fixed(0);
    /// Pops the value under the top (the sub-iterator) after a completed `yield from`.
    END_SEND = 94, caches: 0, flags: 0, effect: fixed(-1);
    /// iter() for `yield from` (generators and coroutines pass through).
    GET_YIELD_FROM_ITER = 95, caches: 0, flags: RAISE | CALL, effect: fixed(0);
    /// Handles an exception thrown into a `yield from`/`await` sub-iterator.
    CLEANUP_THROW = 96, caches: 0, flags: RAISE, effect: fixed(-1);
    /// Replaces STACK[-1] by its awaitable iterator.
    GET_AWAITABLE = 97, caches: 0, flags: ARG | RAISE | CALL, effect: fixed(0);
    /// Replaces STACK[-1] by aiter(STACK[-1]).
    GET_AITER = 98, caches: 0, flags: RAISE | CALL, effect: fixed(0);
    /// Pushes the awaitable of anext(STACK[-1]).
    GET_ANEXT = 99, caches: 0, flags: RAISE | CALL, effect: fixed(1);
    /// Ends an `async for`: checks StopAsyncIteration and pops the iterator.
    END_ASYNC_FOR = 100, caches: 0, flags: RAISE, effect: fixed(-2);
    /// Pops an async context manager, pushes its bound __aexit__ and the awaitable of __aenter__().
    BEFORE_ASYNC_WITH = 101, caches: 0, flags: RAISE | CALL, effect: fixed(1);
    /// Pushes len(STACK[-1]) (match statements).
    GET_LEN = 102, caches: 0, flags: RAISE | CALL, effect: fixed(1);
    /// Pushes whether STACK[-1] is a mapping (match statements).
    MATCH_MAPPING = 103, caches: 0, flags: 0, effect: fixed(1);
    /// Pushes whether STACK[-1] is a sequence (match statements).
    MATCH_SEQUENCE = 104, caches: 0, flags: 0, effect: fixed(1);
    /// Pushes a tuple of the values of keys STACK[-1] in mapping STACK[-2], or None.
    MATCH_KEYS = 105, caches: 0, flags: RAISE | CALL, effect: fixed(1);
    /// Class pattern with arg positional sub-patterns: pops kw names, class, subject.
    MATCH_CLASS = 106, caches: 0, flags: ARG | RAISE | CALL, effect: fixed(-2);
    /// Intrinsic with one operand, selected by arg (see `Intrinsic1`).
    CALL_INTRINSIC_1 = 107, caches: 0, flags: ARG | RAISE | CALL, effect: fixed(0);
    /// Intrinsic with two operands, selected by arg (see `Intrinsic2`).
    CALL_INTRINSIC_2 = 108, caches: 0, flags: ARG | RAISE | CALL, effect: fixed(-1);
    /// Pops STACK[-1], loads attribute co_names[arg >> 2] through super() (arg & 2: two-arg
    /// form; arg & 1: method form like LOAD_ATTR). Stack: global super, class, self.
    LOAD_SUPER_ATTR = 109, caches: 1, flags: ARG | RAISE | CALL, effect: |arg, _| -2 + (arg & 1);
    /// Pushes locals() (class bodies, `locals()` in module code).
    LOAD_LOCALS = 110, caches: 0, flags: RAISE, effect: fixed(1);
    /// Annotation scopes in a class: pops a mapping (the class dict), pushes
    /// mapping[co_names[arg]], or else the global or builtin of that name.
    LOAD_FROM_DICT_OR_GLOBALS = 111, caches: 0, flags: ARG | RAISE | CALL, effect: fixed(0);
    /// Pushes a builtin object the compiler needs unshadowed (see `common_constant`).
    LOAD_COMMON_CONSTANT = 112, caches: 0, flags: ARG, effect: fixed(1);

    // Specialized forms (PEP 659). The interpreter rewrites a generic instruction into one
    // of these after observing its operands, and back (with a backoff) when a guard fails.
    // The compiler never emits them; each has the caches and stack effect of its generic form.

    /// BINARY_OP `+` on two small ints.
    BINARY_OP_ADD_INT = 120, caches: 1, flags: ARG | RAISE, effect: fixed(-1);
    /// BINARY_OP `-` on two small ints.
    BINARY_OP_SUBTRACT_INT = 121, caches: 1, flags: ARG | RAISE, effect: fixed(-1);
    /// BINARY_OP `*` on two small ints.
    BINARY_OP_MULTIPLY_INT = 122, caches: 1, flags: ARG | RAISE, effect: fixed(-1);
    /// BINARY_OP `+` on two floats.
    BINARY_OP_ADD_FLOAT = 123, caches: 1, flags: ARG | RAISE, effect: fixed(-1);
    /// BINARY_OP `-` on two floats.
    BINARY_OP_SUBTRACT_FLOAT = 124, caches: 1, flags: ARG | RAISE, effect: fixed(-1);
    /// BINARY_OP `*` on two floats.
    BINARY_OP_MULTIPLY_FLOAT = 125, caches: 1, flags: ARG | RAISE, effect: fixed(-1);
    /// BINARY_OP `/` on two floats (a zero divisor deoptimizes).
    BINARY_OP_TRUE_DIVIDE_FLOAT = 126, caches: 1, flags: ARG | RAISE, effect: fixed(-1);
    /// COMPARE_OP on two small ints.
    COMPARE_OP_INT = 127, caches: 1, flags: ARG | RAISE, effect: fixed(-1);
    /// COMPARE_OP on two floats.
    COMPARE_OP_FLOAT = 128, caches: 1, flags: ARG | RAISE, effect: fixed(-1);
    /// LOAD_GLOBAL found in the module dict; caches the entry index.
    LOAD_GLOBAL_MODULE = 129, caches: 4, flags: ARG | RAISE, effect: |arg, _| 1 + (arg & 1);
    /// LOAD_GLOBAL found in builtins; caches the globals version and the builtins index.
    LOAD_GLOBAL_BUILTIN = 130, caches: 4, flags: ARG | RAISE, effect: |arg, _| 1 + (arg & 1);
    /// CALL of a Python function whose parameters are exactly the positional arguments.
    CALL_PY_EXACT_ARGS = 131, caches: 3, flags: ARG | RAISE | CALL, effect: |arg, _| -1 - arg;
    /// FOR_ITER over a range iterator.
    FOR_ITER_RANGE = 132, caches: 1, flags: ARG | JUMP | RAISE, effect: |_, jump| if jump { -1 } else { 1 };
    /// FOR_ITER over a list or tuple iterator.
    FOR_ITER_LIST = 133, caches: 1, flags: ARG | JUMP | RAISE, effect: |_, jump| if jump { -1 } else { 1 };
    /// LOAD_ATTR of an instance's own attribute: guards the type version and the map,
    /// reads the value slot (cache: version, map id, slot index; see `interp::attr_cache`).
    LOAD_ATTR_INSTANCE_VALUE = 134, caches: 7, flags: ARG | RAISE, effect: |arg, _| arg & 1;
    /// LOAD_ATTR method form of a plain method: guards the type version and the map (the
    /// instance does not shadow the name), pushes the function and the instance without
    /// making a bound method (cache: version, map id, dict entry index, MRO position).
    LOAD_ATTR_METHOD = 135, caches: 7, flags: ARG | RAISE, effect: |arg, _| arg & 1;
    /// LOAD_ATTR of a plain class attribute on a class object (cache: the class's version,
    /// dict entry index, MRO position).
    LOAD_ATTR_CLASS = 136, caches: 7, flags: ARG | RAISE, effect: |arg, _| arg & 1;
    /// LOAD_ATTR of a module attribute (cache: the module dict's entry index).
    LOAD_ATTR_MODULE = 137, caches: 7, flags: ARG | RAISE, effect: |arg, _| arg & 1;
    /// STORE_ATTR of an instance's own attribute: guards the type version and the map,
    /// writes the slot or appends it through the map's transition (cache: version, map id,
    /// slot index).
    STORE_ATTR_INSTANCE_VALUE = 138, caches: 6, flags: ARG | RAISE, effect: fixed(-2);
    /// LOAD_ATTR that saw several shapes: tries each entry of its polymorphic site (the
    /// site's index is in cache unit +2; see `interp::poly_cache`).
    LOAD_ATTR_POLY = 160, caches: 7, flags: ARG | RAISE, effect: |arg, _| arg & 1;
    /// STORE_ATTR that saw several shapes (polymorphic site, as LOAD_ATTR_POLY).
    STORE_ATTR_POLY = 161, caches: 6, flags: ARG | RAISE, effect: fixed(-2);
}

impl Opcode {
    /// The generic instruction a specialized one stands for (itself for generic ones).
    pub fn generic(self) -> Opcode {
        match self {
            Opcode::BINARY_OP_ADD_INT
            | Opcode::BINARY_OP_SUBTRACT_INT
            | Opcode::BINARY_OP_MULTIPLY_INT
            | Opcode::BINARY_OP_ADD_FLOAT
            | Opcode::BINARY_OP_SUBTRACT_FLOAT
            | Opcode::BINARY_OP_MULTIPLY_FLOAT
            | Opcode::BINARY_OP_TRUE_DIVIDE_FLOAT => Opcode::BINARY_OP,
            Opcode::COMPARE_OP_INT | Opcode::COMPARE_OP_FLOAT => Opcode::COMPARE_OP,
            Opcode::LOAD_GLOBAL_MODULE | Opcode::LOAD_GLOBAL_BUILTIN => Opcode::LOAD_GLOBAL,
            Opcode::CALL_PY_EXACT_ARGS => Opcode::CALL,
            Opcode::FOR_ITER_RANGE | Opcode::FOR_ITER_LIST => Opcode::FOR_ITER,
            Opcode::LOAD_ATTR_INSTANCE_VALUE
            | Opcode::LOAD_ATTR_METHOD
            | Opcode::LOAD_ATTR_CLASS
            | Opcode::LOAD_ATTR_MODULE
            | Opcode::LOAD_ATTR_POLY => Opcode::LOAD_ATTR,
            Opcode::STORE_ATTR_INSTANCE_VALUE | Opcode::STORE_ATTR_POLY => Opcode::STORE_ATTR,
            other => other,
        }
    }
}

/// Binary operators, numbered as CPython's `NB_*` (argument of `BINARY_OP`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinaryOp {
    Add = 0,
    And = 1,
    FloorDivide = 2,
    LShift = 3,
    MatrixMultiply = 4,
    Multiply = 5,
    Remainder = 6,
    Or = 7,
    Power = 8,
    RShift = 9,
    Subtract = 10,
    TrueDivide = 11,
    Xor = 12,
    InplaceAdd = 13,
    InplaceAnd = 14,
    InplaceFloorDivide = 15,
    InplaceLShift = 16,
    InplaceMatrixMultiply = 17,
    InplaceMultiply = 18,
    InplaceRemainder = 19,
    InplaceOr = 20,
    InplacePower = 21,
    InplaceRShift = 22,
    InplaceSubtract = 23,
    InplaceTrueDivide = 24,
    InplaceXor = 25,
}

impl BinaryOp {
    const ALL: [BinaryOp; 26] = [
        BinaryOp::Add,
        BinaryOp::And,
        BinaryOp::FloorDivide,
        BinaryOp::LShift,
        BinaryOp::MatrixMultiply,
        BinaryOp::Multiply,
        BinaryOp::Remainder,
        BinaryOp::Or,
        BinaryOp::Power,
        BinaryOp::RShift,
        BinaryOp::Subtract,
        BinaryOp::TrueDivide,
        BinaryOp::Xor,
        BinaryOp::InplaceAdd,
        BinaryOp::InplaceAnd,
        BinaryOp::InplaceFloorDivide,
        BinaryOp::InplaceLShift,
        BinaryOp::InplaceMatrixMultiply,
        BinaryOp::InplaceMultiply,
        BinaryOp::InplaceRemainder,
        BinaryOp::InplaceOr,
        BinaryOp::InplacePower,
        BinaryOp::InplaceRShift,
        BinaryOp::InplaceSubtract,
        BinaryOp::InplaceTrueDivide,
        BinaryOp::InplaceXor,
    ];

    /// Decodes a `BINARY_OP` argument.
    pub fn from_arg(arg: u32) -> Option<BinaryOp> {
        Self::ALL.get(arg as usize).copied()
    }

    /// The non-inplace form of this operator.
    pub fn base(self) -> BinaryOp {
        let n = self as usize;
        if n >= 13 { Self::ALL[n - 13] } else { self }
    }

    /// Whether this is an augmented-assignment form (`+=`).
    pub fn is_inplace(self) -> bool {
        self as u8 >= 13
    }

    /// The operator symbol as Python spells it (`+`, `+=`, ...), used by `dis` and errors.
    pub fn symbol(self) -> &'static str {
        const SYMBOLS: [&str; 13] = [
            "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
        ];
        const INPLACE: [&str; 13] = [
            "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
        ];
        let n = self as usize;
        if n >= 13 { INPLACE[n - 13] } else { SYMBOLS[n] }
    }
}

/// Rich comparison operators (argument of `COMPARE_OP`), in CPython's `Py_LT..Py_GE` order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CompareOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CompareOp {
    /// Decodes a `COMPARE_OP` argument.
    pub fn from_arg(arg: u32) -> Option<CompareOp> {
        Some(match arg {
            0 => CompareOp::Lt,
            1 => CompareOp::Le,
            2 => CompareOp::Eq,
            3 => CompareOp::Ne,
            4 => CompareOp::Gt,
            5 => CompareOp::Ge,
            _ => return None,
        })
    }

    /// The operator symbol.
    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }

    /// The operator with its operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Eq => CompareOp::Eq,
            CompareOp::Ne => CompareOp::Ne,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
        }
    }
}

/// Arguments of `CALL_INTRINSIC_1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Intrinsic1 {
    /// Prints STACK[-1] through sys.displayhook (interactive mode).
    Print = 1,
    /// `raise StopIteration` inside a generator becomes RuntimeError (PEP 479).
    StopIterationError = 3,
    /// Wraps a value for an async generator's yield.
    AsyncGenWrap = 4,
    /// Converts a list to a tuple.
    ListToTuple = 6,
}

/// Arguments of `CALL_INTRINSIC_2`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Intrinsic2 {
    /// Chooses the exception to re-raise after `except*` handlers ran.
    PrepReraiseStar = 1,
}

/// `CONVERT_VALUE` arguments.
pub mod conversion {
    /// `!s`
    pub const STR: u32 = 1;
    /// `!r`
    pub const REPR: u32 = 2;
    /// `!a`
    pub const ASCII: u32 = 3;
}

/// Arguments of `LOAD_COMMON_CONSTANT` (CPython's numbering).
pub mod common_constant {
    /// `AssertionError`.
    pub const ASSERTION_ERROR: u32 = 0;
    /// `NotImplementedError` (raised by `__annotate__` for formats it does not support).
    pub const NOT_IMPLEMENTED_ERROR: u32 = 1;
}

/// `SET_FUNCTION_ATTRIBUTE` arguments.
pub mod function_attr {
    /// Positional defaults tuple.
    pub const DEFAULTS: u32 = 1;
    /// Keyword-only defaults dict.
    pub const KWDEFAULTS: u32 = 2;
    /// Annotations (a dict).
    pub const ANNOTATIONS: u32 = 4;
    /// Closure tuple of cells.
    pub const CLOSURE: u32 = 8;
    /// The `__annotate__` function (PEP 649).
    pub const ANNOTATE: u32 = 16;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opcode_numbers_round_trip() {
        for &op in Opcode::ALL {
            assert_eq!(Opcode::from_u8(op as u8), Some(op));
        }
    }

    #[test]
    fn specialized_forms_match_their_generic_layout() {
        for &op in Opcode::ALL {
            let generic = op.generic();
            assert_eq!(op.caches(), generic.caches(), "{}", op.name());
            for arg in 0..4 {
                assert_eq!(
                    op.stack_effect(arg, false),
                    generic.stack_effect(arg, false),
                    "{}",
                    op.name()
                );
                assert_eq!(
                    op.stack_effect(arg, true),
                    generic.stack_effect(arg, true),
                    "{}",
                    op.name()
                );
            }
        }
    }

    #[test]
    fn binary_op_symbols() {
        assert_eq!(BinaryOp::InplaceAdd.base(), BinaryOp::Add);
        assert_eq!(BinaryOp::from_arg(11).map(BinaryOp::symbol), Some("/"));
        assert_eq!(BinaryOp::from_arg(24).map(BinaryOp::symbol), Some("/="));
    }
}
