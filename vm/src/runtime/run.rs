//! Top-level runs (a script file, a `-c` string, a module, stdin) and what happens when
//! they end: `SystemExit` codes, printing uncaught exceptions, flushing the streams.

use crate::compiler::CompileMode;
use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr};
use crate::runtime::numbers::as_int;
use crate::vm::Vm;

/// How a top-level run ended.
pub enum Outcome {
    /// Exit status for the process.
    Exit(i32),
    /// An uncaught KeyboardInterrupt (the CLI re-raises SIGINT).
    Interrupted,
}

impl Vm {
    /// Runs a script file as `__main__`.
    pub fn run_main_file(&mut self, path: &str, source: &[u8]) -> Outcome {
        let result = (|| {
            let globals = self.new_main_module(Some(path))?;
            let code = self.compile_to_code(source, path, true)?;
            self.run_code(&code, globals.clone(), globals)
        })();
        self.finish(result)
    }

    /// Runs source text as `__main__` (`-c`, stdin).
    pub fn run_main_text(&mut self, source: &str, filename: &str) -> Outcome {
        let result = (|| {
            let globals = self.new_main_module(None)?;
            let code = self.compile_text(source, filename, CompileMode::Exec)?;
            self.run_code(&code, globals.clone(), globals)
        })();
        self.finish(result)
    }

    /// Turns the result of a top-level run into an exit status, printing any uncaught
    /// exception like CPython.
    pub fn finish(&mut self, result: Result<Value, PyErr>) -> Outcome {
        let outcome = match result {
            Ok(_) => Outcome::Exit(0),
            Err(err) => {
                let exc = self.exception_object(err);
                self.frames.clear();
                self.report_uncaught(&exc)
            }
        };
        if self.flush_std_streams().is_err() {
            return Outcome::Exit(120);
        }
        outcome
    }

    fn report_uncaught(&mut self, exc: &Value) -> Outcome {
        if self.is_instance(exc, self.types.exception(ExcKind::SystemExit)) {
            let args = exc
                .as_exception()
                .map(|e| e.args.borrow().clone())
                .unwrap_or(Value::NULL);
            let code = match args.as_tuple() {
                Some([]) | None => Value::NONE,
                Some([one]) => one.clone(),
                Some(_) => args.clone(),
            };
            if code.is_none() {
                return Outcome::Exit(0);
            }
            if let Some(i) = as_int(&code) {
                return Outcome::Exit(i.to_i64().map(|c| c as i32).unwrap_or(-1));
            }
            let _ = self.flush_std_streams();
            let text = self.str(&code).unwrap_or_default();
            self.write_stderr(&format!("{text}\n"));
            return Outcome::Exit(1);
        }
        let _ = self.flush_std_streams();
        let text = self.format_exception(exc);
        self.write_stderr(&text);
        if self.is_instance(exc, self.types.exception(ExcKind::KeyboardInterrupt)) {
            return Outcome::Interrupted;
        }
        Outcome::Exit(1)
    }

    /// Writes to `sys.stderr` (or the process's stderr if that fails).
    pub fn write_stderr(&mut self, text: &str) {
        let err = self.getattr_str(&self.sys.clone(), "stderr");
        let ok = match err {
            Ok(stream) => self.write_to(&stream, text).is_ok(),
            Err(_) => false,
        };
        if !ok {
            eprint!("{text}");
        }
        if let Ok(stream) = self.getattr_str(&self.sys.clone(), "stderr")
            && let Some(Payload::File(f)) = stream.payload()
        {
            let _ = f.borrow_mut().flush();
        }
    }
}

impl Vm {
    /// `-m module`: finds the module's file on `sys.path` and runs it as `__main__`.
    pub fn run_module_as_main(&mut self, name: &str) -> Outcome {
        let dirs = self.config.module_search_paths.clone();
        let rel = name.replace('.', "/");
        for dir in dirs {
            let base = std::path::Path::new(if dir.is_empty() { "." } else { &dir }).to_path_buf();
            for candidate in [
                base.join(format!("{rel}.py")),
                base.join(&rel).join("__main__.py"),
            ] {
                if candidate.is_file() {
                    let path = candidate.display().to_string();
                    if let Ok(source) = std::fs::read(&candidate) {
                        if let Some(argv0) = self.config.argv.first_mut() {
                            *argv0 = path.clone();
                        }
                        return self.run_main_file(&path, &source);
                    }
                }
            }
        }
        let exe = std::env::current_exe()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        self.write_stderr(&format!("{exe}: No module named {name}\n"));
        Outcome::Exit(1)
    }
}
