//! Pyrite profiler: `sys.monitoring` events, per-location counters and the hot-loop policy (later issue).
