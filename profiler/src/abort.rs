//! Why a recording ended without a trace. Each reason has a message (LuaJIT's
//! `lj_traceerr.h`); the VM adds the source line when it logs one.

use std::fmt;

macro_rules! abort_reasons {
    ($( $variant:ident => $message:literal; )*) => {
        /// A named reason for abandoning a recording (or a compiled trace).
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum AbortReason {
            $( #[doc = $message] $variant, )*
            /// An instruction the recorder does not model (its name).
            UnsupportedOpcode(&'static str),
            /// An operand type the recorder does not model for this instruction.
            UnsupportedTypes(&'static str),
            /// The IR builder or the backend rejected the trace (a Pyrite limitation).
            Compile(String),
        }

        impl AbortReason {
            /// The message, without arguments.
            pub fn message(&self) -> String {
                match self {
                    $( AbortReason::$variant => $message.to_string(), )*
                    AbortReason::UnsupportedOpcode(name) => format!("NYI: bytecode {name}"),
                    AbortReason::UnsupportedTypes(what) => format!("NYI: operand types of {what}"),
                    AbortReason::Compile(why) => format!("compile error: {why}"),
                }
            }
        }
    };
}

abort_reasons! {
    TraceTooLong => "trace too long";
    LeftLoop => "leaving loop in root trace";
    InnerLoop => "inner loop in root trace";
    Overflow => "int result outside the small-int range while recording";
    NanResult => "NaN float result while recording";
    DivisionByZero => "division by zero while recording (the interpreter raises)";
    StoreOfObject => "store of an object reference into a slot (NYI)";
    UnboundLocal => "unbound local variable";
    GlobalsChanged => "global or builtin name not cached";
    FrameShape => "frame kind not traced (class body or generator)";
    Instrumented => "tracing or monitoring active";
    TooManyEntryFailures => "trace preconditions keep failing at entry";
    HotExit => "a guard exit became hot";
    ShortTrip => "too few iterations per entry: entering and leaving the trace costs more than it saves";
    CallShape => "call not inlinable (keywords, *args/**kwargs, closure, generator or argument count)";
    InlineTooDeep => "calls nested deeper than inline-depth (recursion)";
    GivenUpExit => "an exit without a side trace keeps returning to the interpreter";
    ResidualObject => "a residual call returns an object: the interpreter finishes every such call";
    InnerLoopUntraced => "a loop call's inner loop has no tree: every pass returns to the interpreter";
}

impl fmt::Display for AbortReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_sentences() {
        assert_eq!(
            AbortReason::InnerLoop.to_string(),
            "inner loop in root trace"
        );
        assert_eq!(
            AbortReason::UnsupportedOpcode("CALL").to_string(),
            "NYI: bytecode CALL"
        );
    }
}
