//! What the runner collected for one (benchmark, interpreter) pair, and the verdicts drawn
//! from it: timing summary, output equality with the reference, failure.

use crate::process::Outcome;
use crate::stats;

/// Everything measured for one benchmark under one interpreter.
#[derive(Debug, Default, Clone)]
pub struct Cell {
    /// Wall-clock seconds of the warm-up runs (discarded from the statistics).
    pub warmups: Vec<f64>,
    /// Wall-clock seconds of the measured runs.
    pub values: Vec<f64>,
    /// The stdout of the first successful run (the checksum the benchmark prints).
    pub stdout: Option<String>,
    /// Why the pair stopped being run: a crash, a timeout or a failed spawn.
    pub failure: Option<String>,
}

impl Cell {
    /// Records one run; a failure stops further runs of this pair.
    pub fn record(&mut self, outcome: Outcome, warmup: bool) {
        match outcome {
            Outcome::Finished { stdout, seconds } => {
                if self.stdout.is_none() {
                    self.stdout = Some(stdout);
                }
                if warmup {
                    self.warmups.push(seconds);
                } else {
                    self.values.push(seconds);
                }
            }
            Outcome::Crashed {
                status,
                stderr_tail,
            } => {
                let detail = if stderr_tail.is_empty() {
                    String::new()
                } else {
                    format!(": {stderr_tail}")
                };
                self.failure = Some(format!("crashed ({status}){detail}"));
            }
            Outcome::TimedOut => self.failure = Some("timed out".into()),
            Outcome::SpawnFailed(why) => self.failure = Some(format!("could not start: {why}")),
        }
    }

    pub fn failed(&self) -> bool {
        self.failure.is_some()
    }

    /// Median seconds of the measured runs (falling back to warm-ups in `--fast` mode).
    pub fn median(&self) -> Option<f64> {
        stats::median(self.samples())
    }

    pub fn mad(&self) -> Option<f64> {
        stats::mad(self.samples())
    }

    fn samples(&self) -> &[f64] {
        if self.values.is_empty() {
            &self.warmups
        } else {
            &self.values
        }
    }
}

/// Output check of one interpreter against the reference on one benchmark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Same stdout as the reference.
    Same,
    /// Different stdout: a wrong checksum.
    Different,
    /// No output to compare (this interpreter or the reference failed).
    Unknown,
}

pub fn verdict(reference: &Cell, cell: &Cell) -> Verdict {
    match (&reference.stdout, &cell.stdout, cell.failed()) {
        (_, _, true) => Verdict::Unknown,
        (Some(expected), Some(got), false) if expected == got => Verdict::Same,
        (Some(_), Some(_), false) => Verdict::Different,
        _ => Verdict::Unknown,
    }
}

/// Speed of `cell` relative to the reference (>1 means faster), when both have timings.
pub fn speedup(reference: &Cell, cell: &Cell) -> Option<f64> {
    let (r, c) = (reference.median()?, cell.median()?);
    (c > 0.0).then(|| r / c)
}

/// Whether the two timing ranges (median ± MAD) overlap: the difference is then not significant.
pub fn overlapping(a: &Cell, b: &Cell) -> bool {
    match (a.median(), a.mad(), b.median(), b.mad()) {
        (Some(ma), Some(da), Some(mb), Some(db)) => {
            (da > 0.0 || db > 0.0) && (ma - mb).abs() <= da + db
        }
        _ => false,
    }
}
