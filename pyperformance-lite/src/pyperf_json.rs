//! Writes one pyperf-compatible JSON suite per interpreter, so that
//! `python3 -m pyperf compare_to python3.json pyrite-jit.json` works on our results.
//!
//! Format (pyperf 1.0): `{"version": "1.0", "metadata": {suite-wide}, "benchmarks":
//! [{"metadata": {"name", "loops", "unit"}, "runs": [{"metadata": {...}, "warmups": [[loops,
//! seconds]], "values": [seconds]}]}]}`. Each process we ran is one pyperf run with one value
//! (or one warm-up), timed from spawn to exit.

use serde_json::{Value, json};

use crate::interpreters::Interpreter;
use crate::results::Cell;

/// The suite for interpreter `column` of `cells[b][column]`; benchmarks it never finished are
/// left out (pyperf rejects a benchmark without values).
pub fn suite(
    benchmarks: &[String],
    interp: &Interpreter,
    column: usize,
    cells: &[Vec<Cell>],
) -> Value {
    let mut entries = Vec::new();
    for (b, name) in benchmarks.iter().enumerate() {
        let cell = &cells[b][column];
        if cell.failed() || (cell.values.is_empty() && cell.warmups.is_empty()) {
            continue;
        }
        let mut runs: Vec<Value> = cell
            .warmups
            .iter()
            .map(|t| json!({"warmups": [[1, t]]}))
            .collect();
        // pyperf needs at least one value per benchmark: in --fast mode the single run counts.
        let values: &[f64] = if cell.values.is_empty() {
            runs.clear();
            &cell.warmups
        } else {
            &cell.values
        };
        runs.extend(values.iter().map(|t| json!({"values": [t]})));
        entries.push(json!({
            "metadata": {"name": name, "loops": 1, "unit": "second"},
            "runs": runs,
        }));
    }
    json!({
        "version": "1.0",
        "metadata": {
            "python_implementation": interp.name,
            "python_version": interp.version,
            "python_executable": interp.command.join(" "),
            "timer": "process wall clock (spawn to exit), pyperformance-lite",
        },
        "benchmarks": entries,
    })
}
