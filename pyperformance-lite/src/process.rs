//! Runs one benchmark process with a timeout, capturing its output and wall-clock time.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// How one process run ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Exit status 0: stdout and the wall-clock seconds from spawn to exit.
    Finished { stdout: String, seconds: f64 },
    /// Non-zero exit or killed by a signal: the status and the last line of stderr.
    Crashed { status: String, stderr_tail: String },
    /// Still running at the timeout; it was killed.
    TimedOut,
    /// The interpreter could not be started at all.
    SpawnFailed(String),
}

/// Runs `command args… script scale` with cwd = the script's directory and a clean, pinned
/// environment (the same one for every interpreter), killing it after `timeout`.
pub fn run(command: &[String], script: &Path, scale: &str, timeout: Duration) -> Outcome {
    let Some((program, args)) = command.split_first() else {
        return Outcome::SpawnFailed("empty command".into());
    };
    let mut cmd = Command::new(program);
    cmd.args(args).arg(script).arg(scale);
    if let Some(dir) = script.parent() {
        cmd.current_dir(dir);
    }
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("PYTHON") {
            cmd.env_remove(key);
        }
    }
    cmd.env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = match cmd.spawn() {
        Ok(child) => child,
        Err(e) => return Outcome::SpawnFailed(format!("{program}: {e}")),
    };
    // Drain both pipes on threads so a chatty benchmark cannot block on a full pipe.
    let stdout_reader = child.stdout.take().map(spawn_reader);
    let stderr_reader = child.stderr.take().map(spawn_reader);
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if start.elapsed() >= timeout => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => thread::sleep(Duration::from_millis(2)),
            Err(e) => return Outcome::SpawnFailed(e.to_string()),
        }
    };
    let seconds = start.elapsed().as_secs_f64();
    let stdout = join_reader(stdout_reader);
    let stderr = join_reader(stderr_reader);
    let Some(status) = status else {
        return Outcome::TimedOut;
    };
    if status.success() {
        Outcome::Finished { stdout, seconds }
    } else {
        let stderr_tail = stderr.lines().last().unwrap_or("").to_string();
        let status = match status.code() {
            Some(code) => format!("exit {code}"),
            None => status.to_string(),
        };
        Outcome::Crashed {
            status,
            stderr_tail,
        }
    }
}

fn spawn_reader<R: Read + Send + 'static>(mut pipe: R) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

fn join_reader(reader: Option<thread::JoinHandle<String>>) -> String {
    reader.and_then(|r| r.join().ok()).unwrap_or_default()
}
