//! The interpreters a run compares: CPython (`python3`, the reference for outputs and ratios),
//! Pyrite with its JIT on and off, and PyPy when it is installed.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// One column of the comparison: a display name and the command prefix that runs a script.
#[derive(Debug, Clone)]
pub struct Interpreter {
    /// Short name used in the table and as the JSON file name (`pyrite-jit.json`).
    pub name: String,
    /// Program and leading arguments; the benchmark script is appended.
    pub command: Vec<String>,
    /// What `sys.version` reported, for the JSON metadata.
    pub version: String,
}

/// Where to look for each interpreter (from the command line).
pub struct Locations {
    pub python: String,
    pub pyrite: Option<PathBuf>,
    /// Arguments put before the script in both Pyrite columns (`-X jit-threshold=1`).
    pub pyrite_args: Vec<String>,
    pub pypy: Option<String>,
}

/// Finds the interpreters: `python3` is required (it is the reference); Pyrite is the binary
/// built beside this runner unless `--pyrite` says otherwise; PyPy is optional.
pub fn discover(locations: &Locations) -> Result<Vec<Interpreter>, String> {
    let mut found = Vec::new();
    let python = vec![locations.python.clone()];
    let Some(version) = version_of(&python) else {
        return Err(format!(
            "cannot run the reference interpreter `{}`",
            locations.python
        ));
    };
    found.push(Interpreter {
        name: "python3".into(),
        command: python,
        version,
    });

    let pyrite_path = match &locations.pyrite {
        // Runs happen in each benchmark's directory, so a relative path must be made absolute.
        Some(path) => std::fs::canonicalize(path).unwrap_or_else(|_| path.clone()),
        None => default_pyrite_path().ok_or("cannot locate the pyrite binary; pass --pyrite")?,
    };
    let pyrite = pyrite_path.display().to_string();
    let Some(version) = version_of(std::slice::from_ref(&pyrite)) else {
        return Err(format!("cannot run pyrite at {pyrite} (build it first)"));
    };
    // Builds without the JIT flag get one column (the interpreter).
    let with_args = |mut command: Vec<String>| {
        command.extend(locations.pyrite_args.iter().cloned());
        command
    };
    let jit_off = vec![pyrite.clone(), "--jit=off".into()];
    if version_of(&jit_off).is_some() {
        found.push(Interpreter {
            name: "pyrite-jit".into(),
            command: with_args(vec![pyrite.clone()]),
            version: version.clone(),
        });
        found.push(Interpreter {
            name: "pyrite-nojit".into(),
            command: with_args(jit_off),
            version,
        });
    } else {
        found.push(Interpreter {
            name: "pyrite".into(),
            command: with_args(vec![pyrite]),
            version,
        });
    }

    if let Some(pypy) = &locations.pypy {
        let command = vec![pypy.clone()];
        if let Some(version) = version_of(&command) {
            found.push(Interpreter {
                name: "pypy3".into(),
                command,
                version,
            });
        }
    }
    Ok(found)
}

/// The `pyrite` binary in the same target directory as this runner.
fn default_pyrite_path() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let candidate = exe.parent()?.join("pyrite");
    candidate.exists().then_some(candidate)
}

/// `sys.version`'s first word, or `None` if the command does not run Python code.
fn version_of(command: &[String]) -> Option<String> {
    let (program, args) = command.split_first()?;
    let output = Command::new(program)
        .args(args)
        .args(["-c", "import sys; print(sys.version.split()[0])"])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    Some(String::from_utf8_lossy(&output.stdout).trim().to_string())
}

/// True if `name` resolves to an executable on `PATH` (or is a path to one).
pub fn on_path(name: &str) -> bool {
    if name.contains('/') {
        return Path::new(name).is_file();
    }
    std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).any(|dir| dir.join(name).is_file()))
        .unwrap_or(false)
}
