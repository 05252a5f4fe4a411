//! Differential test corpus: runs every `tests/corpus/<category>/<name>.py` with `pyrite` and compares stdout, stderr and exit status with what CPython 3.13 recorded in `<name>.expected`.
//!
//! See `tests/README.md` for the layout, the KNOWN_FAILURES rule and the environment
//! variables (`PYRITE_CORPUS_FILTER`, `PYRITE_CORPUS_BINARY`, `PYRITE_CORPUS_WRITE_KNOWN`,
//! `PYRITE_CORPUS_MODES`).

mod support;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use support::{KnownFailures, Outcome};

/// Per-program wall-clock limit.
const TIMEOUT: Duration = Duration::from_secs(60);
/// Placeholder that replaces the absolute corpus directory in recorded and actual output.
const PLACEHOLDER: &[u8] = b"<corpus>";
/// Lines of context and maximum lines printed per stream diff.
const DIFF_CONTEXT: usize = 3;
const DIFF_MAX_LINES: usize = 120;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("corpus")
}

fn known_failures_path() -> PathBuf {
    corpus_dir().join("KNOWN_FAILURES")
}

/// Every corpus program, as paths relative to the corpus directory (with `/`), sorted.
/// Programs are the `.py` files directly inside a category directory whose name does not
/// start with `_`; top-level files, `_`-prefixed files and everything below a category
/// directory's subdirectories are helpers (modules and packages that programs import).
fn discover(dir: &Path, rel: &str, out: &mut Vec<String>) {
    let entries = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read corpus directory {}: {e}", dir.display()));
    for entry in entries {
        let entry = entry.expect("cannot read corpus directory entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        let child_rel = if rel.is_empty() {
            name.clone()
        } else {
            format!("{rel}/{name}")
        };
        let depth = rel.split('/').filter(|p| !p.is_empty()).count();
        if path.is_dir() {
            if depth == 0 {
                discover(&path, &child_rel, out);
            }
        } else if depth == 1 && name.ends_with(".py") && !name.starts_with('_') {
            out.push(child_rel);
        }
    }
}

/// Result of running one program.
enum Run {
    Finished(Outcome),
    TimedOut,
    /// The program could not be run or its expectation could not be read.
    Broken(String),
}

/// Kills `child` if it is still running after the timeout; returns its outcome otherwise.
fn wait_with_timeout(mut child: Child) -> Result<Option<Outcome>, String> {
    let mut stdout_pipe = child.stdout.take().ok_or("stdout was not captured")?;
    let mut stderr_pipe = child.stderr.take().ok_or("stderr was not captured")?;
    // Readers report through channels so that a pipe kept open by a stray grandchild
    // cannot block the harness forever.
    let (out_tx, out_rx) = mpsc::channel();
    let (err_tx, err_rx) = mpsc::channel();
    thread::spawn(move || {
        let mut buf = Vec::new();
        // The receiver may be gone after a timeout; nothing to do then.
        let _ = out_tx.send(stdout_pipe.read_to_end(&mut buf).map(|_| buf));
    });
    thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err_tx.send(stderr_pipe.read_to_end(&mut buf).map(|_| buf));
    });
    let deadline = Instant::now() + TIMEOUT;
    let mut sleep = Duration::from_millis(1);
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if Instant::now() >= deadline => {
                // Ignore errors: the child may have exited just now.
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => {
                thread::sleep(sleep);
                sleep = (sleep * 2).min(Duration::from_millis(20));
            }
            Err(e) => return Err(format!("waiting for the program failed: {e}")),
        }
    };
    let grace = deadline.saturating_duration_since(Instant::now()) + Duration::from_secs(5);
    let read = |rx: mpsc::Receiver<std::io::Result<Vec<u8>>>, name: &str| {
        rx.recv_timeout(grace)
            .map_err(|_| format!("{name} stayed open after the program exited"))?
            .map_err(|e| format!("reading {name} failed: {e}"))
    };
    let stdout = read(out_rx, "stdout")?;
    let stderr = read(err_rx, "stderr")?;
    let Some(status) = status else {
        return Ok(None);
    };
    Ok(Some(Outcome {
        stdout,
        stderr,
        status: exit_code(status),
    }))
}

#[cfg(unix)]
fn exit_code(status: std::process::ExitStatus) -> i32 {
    use std::os::unix::process::ExitStatusExt;
    status
        .code()
        .or_else(|| status.signal().map(|s| -s))
        .unwrap_or(i32::MIN)
}

#[cfg(not(unix))]
fn exit_code(status: std::process::ExitStatus) -> i32 {
    status.code().unwrap_or(i32::MIN)
}

/// Runs one program the same way `tests/record.py` runs CPython.
fn run_program(binary: &Path, rel: &str, flags: &[&str]) -> Run {
    let corpus = corpus_dir();
    let path = corpus.join(rel);
    let Some(dir) = path.parent() else {
        return Run::Broken(format!("{rel} has no parent directory"));
    };
    let stdin_path = path.with_extension("stdin");
    let stdin = if stdin_path.exists() {
        match std::fs::File::open(&stdin_path) {
            Ok(f) => Stdio::from(f),
            Err(e) => return Run::Broken(format!("cannot open {}: {e}", stdin_path.display())),
        }
    } else {
        Stdio::null()
    };
    let support::Invocation {
        args,
        env: extra_env,
    } = match support::read_invocation(&path) {
        Ok(inv) => inv,
        Err(e) => return Run::Broken(e),
    };
    let mut cmd = Command::new(binary);
    cmd.args(flags);
    if args.is_empty() {
        cmd.arg(&path);
    } else {
        cmd.args(&args);
    }
    cmd.current_dir(dir)
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("PYTHON") {
            cmd.env_remove(&key);
        }
    }
    cmd.env("PYTHONHASHSEED", "0")
        .env("PYTHONUNBUFFERED", "1")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("LC_ALL", "C.UTF-8");
    for (key, value) in extra_env {
        cmd.env(key, value);
    }
    let child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => return Run::Broken(format!("cannot start {}: {e}", binary.display())),
    };
    match wait_with_timeout(child) {
        Ok(Some(outcome)) => {
            let prefix = corpus.to_string_lossy().into_owned().into_bytes();
            Run::Finished(Outcome {
                stdout: support::replace_bytes(&outcome.stdout, &prefix, PLACEHOLDER),
                stderr: support::replace_bytes(&outcome.stderr, &prefix, PLACEHOLDER),
                status: outcome.status,
            })
        }
        Ok(None) => Run::TimedOut,
        Err(e) => Run::Broken(e),
    }
}

/// Compares a run with the program's `.expected` file; `None` means it passed, otherwise a
/// readable report of what differs.
fn check(rel: &str, run: &Run) -> Option<String> {
    let actual = match run {
        Run::Finished(o) => o,
        Run::TimedOut => return Some(format!("timed out after {} s\n", TIMEOUT.as_secs())),
        Run::Broken(msg) => return Some(format!("could not run: {msg}\n")),
    };
    let expected_path = corpus_dir().join(rel).with_extension("expected");
    let expected = match std::fs::read(&expected_path)
        .map_err(|e| e.to_string())
        .and_then(|data| support::parse_expected(&data))
    {
        Ok(e) => e,
        Err(e) => {
            return Some(format!(
                "cannot read {}: {e} (record it with tests/record.py)\n",
                expected_path.display()
            ));
        }
    };
    if &expected == actual {
        return None;
    }
    let mut report = String::new();
    for (name, exp, act) in [
        ("stdout", &expected.stdout, &actual.stdout),
        ("stderr", &expected.stderr, &actual.stderr),
    ] {
        if exp != act {
            let exp = String::from_utf8_lossy(exp);
            let act = String::from_utf8_lossy(act);
            let diff = support::line_diff(&exp, &act, DIFF_CONTEXT, DIFF_MAX_LINES);
            report.push_str(&format!("--- {name} (- expected, + actual)\n"));
            if diff.is_empty() {
                report.push_str("(differs only in invalid UTF-8 bytes)\n");
            } else {
                report.push_str(&diff);
            }
        }
    }
    if expected.status != actual.status {
        report.push_str(&format!(
            "--- status: expected {}, got {}\n",
            expected.status, actual.status
        ));
    }
    Some(report)
}

/// Prints a line to the real stdout, bypassing libtest's output capture, so that the
/// summary is visible even when the test passes.
fn summary(line: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    // Ignore errors: the summary is informational.
    // Start on a fresh line: with `cargo test -q` the progress dots precede it.
    let _ = writeln!(out, "\n{line}");
    let _ = out.flush();
}

fn env_flag(name: &str) -> bool {
    std::env::var(name).is_ok_and(|v| !v.is_empty() && v != "0")
}

/// The ways the corpus runs: pyrite flags per mode. Every mode must give the recorded
/// output: the JIT (compiling every loop at its first back-edge and every function at its
/// first call) and the JIT with forced
/// guard failures (exercising every exit) must be invisible.
const MODES: &[(&str, &[&str])] = &[
    ("default", &[]),
    (
        "jit",
        &["-X", "jit-threshold=1", "-X", "jit-function-threshold=1"],
    ),
    (
        "stress",
        &[
            "-X",
            "jit-threshold=1",
            "-X",
            "jit-function-threshold=1",
            "-X",
            "jit-fail-guard-every=7",
        ],
    ),
];

#[test]
fn corpus() {
    run_mode("default");
}

#[test]
fn corpus_jit_threshold_1() {
    run_mode("jit");
}

#[test]
fn corpus_jit_fail_guards() {
    run_mode("stress");
}

fn run_mode(mode: &str) {
    let flags: &[&str] = MODES
        .iter()
        .find(|(name, _)| *name == mode)
        .map_or(&[], |(_, flags)| flags);
    let default_mode = mode == "default";
    if let Ok(modes) = std::env::var("PYRITE_CORPUS_MODES")
        && !modes.is_empty()
        && !modes
            .split(',')
            .any(|m| m.trim() == mode || m.trim() == "all")
    {
        summary(&format!(
            "corpus[{mode}]: skipped (PYRITE_CORPUS_MODES={modes:?})"
        ));
        return;
    }
    // KNOWN_FAILURES describes pyrite; another binary (such as CPython, to validate the
    // expectations) must pass every program.
    let override_binary = std::env::var_os("PYRITE_CORPUS_BINARY").filter(|b| !b.is_empty());
    let use_known = override_binary.is_none();
    let binary = override_binary.map_or_else(
        || PathBuf::from(env!("CARGO_BIN_EXE_pyrite")),
        PathBuf::from,
    );
    let filter = std::env::var("PYRITE_CORPUS_FILTER").unwrap_or_default();
    let write_known = env_flag("PYRITE_CORPUS_WRITE_KNOWN");
    assert!(
        use_known || !write_known,
        "PYRITE_CORPUS_WRITE_KNOWN cannot be combined with PYRITE_CORPUS_BINARY: \
         KNOWN_FAILURES lists the failures of pyrite itself"
    );
    if !use_known && !default_mode {
        summary(&format!(
            "corpus[{mode}]: skipped (the JIT modes test pyrite itself)"
        ));
        return;
    }
    assert!(
        default_mode || !write_known,
        "PYRITE_CORPUS_WRITE_KNOWN only works in the default mode"
    );

    let mut all = Vec::new();
    discover(&corpus_dir(), "", &mut all);
    all.sort();
    assert!(!all.is_empty(), "no corpus programs found");
    let programs: Vec<String> = all
        .iter()
        .filter(|p| p.contains(&filter))
        .cloned()
        .collect();

    let known_text = match std::fs::read_to_string(known_failures_path()) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => panic!("cannot read KNOWN_FAILURES: {e}"),
    };
    let known = if use_known {
        support::parse_known_failures(&known_text)
    } else {
        KnownFailures::new()
    };

    let workers = thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(programs.len().max(1));
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(String, Option<String>)>> = Mutex::new(Vec::new());
    thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(rel) = programs.get(i) else { break };
                    if !default_mode && known.contains_key(rel) {
                        // Known failures are judged in the default mode only.
                        continue;
                    }
                    let verdict = check(rel, &run_program(&binary, rel, flags));
                    results
                        .lock()
                        .expect("results lock poisoned")
                        .push((rel.clone(), verdict));
                }
            });
        }
    });
    let mut results = results.into_inner().expect("results lock poisoned");
    results.sort_by(|a, b| a.0.cmp(&b.0));

    let mut passed = 0;
    let mut known_failing = 0;
    let mut problems = Vec::new();
    for (rel, verdict) in &results {
        match (verdict, known.contains_key(rel)) {
            (None, false) => passed += 1,
            (None, true) => problems.push(format!(
                "=== {rel}: PASSES but is listed in tests/corpus/KNOWN_FAILURES; \
                 remove it from the list\n"
            )),
            (Some(_), true) => known_failing += 1,
            (Some(report), false) => problems.push(format!("=== {rel}: FAILED\n{report}")),
        }
    }
    let missing: Vec<&String> = known
        .keys()
        .filter(|k| default_mode && all.binary_search(k).is_err())
        .collect();

    if write_known {
        // Keep entries of programs that were not run (filtered out), replace the rest.
        let mut new_known: KnownFailures = known
            .iter()
            .filter(|(k, _)| all.binary_search(k).is_ok() && !k.contains(&filter))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (rel, verdict) in &results {
            if verdict.is_some() {
                let reason = known
                    .get(rel)
                    .filter(|r| !r.is_empty())
                    .cloned()
                    .unwrap_or_else(|| "FIXME: not yet triaged".to_string());
                new_known.insert(rel.clone(), reason);
            }
        }
        std::fs::write(
            known_failures_path(),
            support::format_known_failures(&new_known),
        )
        .expect("cannot write KNOWN_FAILURES");
        let failing = results.iter().filter(|(_, v)| v.is_some()).count();
        summary(&format!(
            "corpus: wrote tests/corpus/KNOWN_FAILURES ({} entries, {failing} failing now)",
            new_known.len()
        ));
        summary(&format!(
            "corpus: {} passed, {failing} known failures, 0 failed",
            results.len() - failing
        ));
        return;
    }

    for problem in &problems {
        println!("{problem}");
    }
    for m in &missing {
        println!(
            "=== {m}: listed in tests/corpus/KNOWN_FAILURES but no such program exists; remove it"
        );
    }
    let failed = problems.len() + missing.len();
    summary(&format!(
        "corpus[{mode}]: {passed} passed, {known_failing} known failures, {failed} failed"
    ));
    assert!(
        failed == 0,
        "{failed} corpus problem(s) in mode {mode}; see the report above \
         (binary: {}, flags: {flags:?}, filter: {filter:?})",
        binary.display()
    );
}
