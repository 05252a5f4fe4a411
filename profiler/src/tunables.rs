//! Every JIT tunable in one table: name, default and the one-line reason for the default
//! (LuaJIT's `JIT_PARAMDEF`). `-X jit-<name>=N` sets one; `pyrite --jit help` prints them.

macro_rules! tunables {
    ($( $field:ident = $name:literal, $default:literal, $reason:literal; )*) => {
        /// The current value of every tunable.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct JitParams {
            /// Whether the JIT runs at all (`--jit=off|on`).
            pub enabled: bool,
            $( #[doc = $reason] pub $field: u32, )*
        }

        impl Default for JitParams {
            fn default() -> JitParams {
                JitParams { enabled: true, $( $field: $default, )* }
            }
        }

        /// The table of tunables, in a fixed order.
        pub const TUNABLES: &[Tunable] = &[ $( Tunable { name: $name, default: $default, reason: $reason }, )* ];

        impl JitParams {
            /// Sets tunable `name` to `value`; false if there is no such tunable.
            pub fn set(&mut self, name: &str, value: u32) -> bool {
                match name {
                    $( $name => { self.$field = value; true } )*
                    _ => false,
                }
            }

            /// The value of tunable `name`.
            pub fn get(&self, name: &str) -> Option<u32> {
                match name {
                    $( $name => Some(self.$field), )*
                    _ => None,
                }
            }
        }
    };
}

/// One row of the table.
#[derive(Clone, Copy, Debug)]
pub struct Tunable {
    /// The name after `-X jit-`.
    pub name: &'static str,
    /// The default value.
    pub default: u32,
    /// Why the default is what it is.
    pub reason: &'static str,
}

tunables! {
    threshold = "threshold", 1009, "loop iterations before recording: a prime near 1000 (powers of two traced nqueens' last iteration in CPython)";
    function_threshold = "function-threshold", 1619, "calls before a function entry is hot (PyPy's value, ~1.6x the loop threshold)";
    hot_exit = "hot-exit", 64, "exits through one guard before a side trace is recorded from it (at most the loop threshold, so tests at threshold 1 attach side traces at once)";
    max_trace_length = "max-trace-length", 4000, "bytecode instructions recorded before aborting (LuaJIT maxrecord): bounds compile time";
    max_side_traces = "max-side-traces", 100, "side traces per root trace (LuaJIT maxside): caps polymorphic blow-up";
    inline_depth = "inline-depth", 3, "nested Python calls inlined into one trace (LuaJIT callunroll)";
    max_aborts = "max-aborts", 10, "aborts of one loop before it is blacklisted (penalties grow 72 * 2^n + random)";
    short_trip = "short-trip", 4, "a loop whose runs average fewer iterations than this (over short-trip-sample entries, after a warm-up of as many or hot-exit entries, whichever is more, so hot exits have their side traces) goes back to the interpreter: each entry and exit costs about as much as 3 interpreted iterations (0 = never)";
    short_trip_size = "short-trip-size", 40, "the root trace length (IR instructions) short-trip's cost estimate assumes: a loop with a longer trace is kept while its runs times its length reach short-trip times this (a heavy body, e.g. inlined calls, pays for an entry in fewer iterations)";
    short_trip_sample = "short-trip-sample", 61, "entries from the interpreter sampled before judging a loop short-trip (a prime); no judgement while the loop threshold is below it, so the threshold-1 test modes keep every trace";
    given_up_exits = "given-up-exits", 20000, "passes through an exit whose side trace was given up, or through a loop call whose inner loop has no tree, after which the tree goes back to the interpreter (each pass pays a trace entry and exit; a loop call into a blacklisted loop gives up after hot-exit passes)";
    tree_inline = "tree-inline", 4, "side traces linking into their root's loop body that are compiled into the root's function (0 = off): each one removes an exit-slot jump and the body-entry protocol from a hot path but costs a recompile of the root";
    native_nest = "native-nest", 1, "1: a trace's loop-call exit runs the inner loop's tree natively and continues in the outer tree's code (0: through the VM's nest driver, for comparison)";
    lean_native = "lean-native", 1, "1: a lean function tree calls its own function directly from native code, with a record per level on the native stack, instead of through the residual-call helper (0: always the helper, for comparison)";
    fail_guard_every = "fail-guard-every", 0, "testing: every Nth guard executed fails on purpose, exercising every exit (0 = never)";
    perf = "perf", 0, "1: write /tmp/perf-<pid>.map lines for every trace (also -X perf)";
}

impl JitParams {
    /// Applies one `-X` option if it is a JIT option (`jit-<name>=N` or `perf`); returns
    /// `Ok(false)` for other options and an error message for a bad JIT option.
    pub fn apply_x_option(&mut self, option: &str) -> Result<bool, String> {
        if option == "perf" {
            self.perf = 1;
            return Ok(true);
        }
        let Some(rest) = option.strip_prefix("jit-") else {
            return Ok(false);
        };
        let (name, value) = rest.split_once('=').unwrap_or((rest, "1"));
        let value: u32 = value.parse().map_err(|_| {
            format!("-X jit-{name}: expected a non-negative integer, got {value:?}")
        })?;
        if self.set(name, value) {
            Ok(true)
        } else {
            Err(format!(
                "-X jit-{name}: unknown JIT tunable (see `pyrite --jit help`)"
            ))
        }
    }

    /// The text `pyrite --jit help` prints.
    pub fn help_text() -> String {
        let mut out = String::from(
            "JIT options:\n  --jit=on|off        enable or disable the tracing JIT (default on)\n  \
             --jit-log[=file]    one line per trace compiled, aborted or exited (stderr by default)\n  \
             --dump-ir           print each trace's IR after optimization\n  \
             --dump-asm          print each trace's machine code (Intel syntax)\n\n\
             Tunables (-X jit-<name>=N):\n",
        );
        for t in TUNABLES {
            out.push_str(&format!(
                "  {:<20} {:>6}  {}\n",
                t.name, t.default, t.reason
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn x_options_set_tunables() {
        let mut p = JitParams::default();
        assert_eq!(p.threshold, 1009);
        assert_eq!(p.apply_x_option("jit-threshold=1"), Ok(true));
        assert_eq!(p.threshold, 1);
        assert_eq!(p.apply_x_option("utf8"), Ok(false));
        assert!(p.apply_x_option("jit-nonsense=3").is_err());
        assert!(p.apply_x_option("jit-threshold=x").is_err());
        assert_eq!(p.apply_x_option("perf"), Ok(true));
        assert_eq!(p.perf, 1);
    }

    #[test]
    fn help_lists_every_tunable() {
        let help = JitParams::help_text();
        for t in TUNABLES {
            assert!(help.contains(t.name), "{}", t.name);
            assert_eq!(JitParams::default().get(t.name), Some(t.default));
        }
    }
}
