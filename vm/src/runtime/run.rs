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
        self.finalize_main_module();
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
    /// `-m module`: finds the module through the import system (importing its parent
    /// packages; a package runs its `__main__` submodule after its `__init__`) and runs its
    /// file as `__main__` with the module's `__spec__`.
    pub fn run_module_as_main(&mut self, name: &str) -> Outcome {
        let mut name = name.to_string();
        let found = loop {
            match self.find_module_file(&name) {
                Ok(Some((file, true))) => {
                    if name.ends_with(".__main__") {
                        break Err(format!(
                            "{name}; '{name}' is a package and cannot be directly executed"
                        ));
                    }
                    if let Err(e) = self.import_module(&name) {
                        let result = Err(e);
                        return self.finish(result);
                    }
                    let _ = file;
                    name = format!("{name}.__main__");
                }
                Ok(Some((file, false))) => break Ok(file),
                Ok(None) => break Err(format!("No module named {name}")),
                Err(e) => {
                    let result = Err(e);
                    return self.finish(result);
                }
            }
        };
        let file = match found {
            Ok(f) => f,
            Err(msg) => {
                let exe = std::env::current_exe()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                self.write_stderr(&format!("{exe}: {msg}\n"));
                return Outcome::Exit(1);
            }
        };
        let path = std::path::absolute(&file)
            .unwrap_or(file)
            .display()
            .to_string();
        let source = match std::fs::read(&path) {
            Ok(s) => s,
            Err(e) => {
                self.write_stderr(&format!("pyrite: can't open file '{path}': {e}\n"));
                return Outcome::Exit(2);
            }
        };
        if let Some(argv0) = self.config.argv.first_mut() {
            *argv0 = path.clone();
        }
        if let Ok(argv) = self.getattr_str(&self.sys.clone(), "argv")
            && let Some(list) = argv.as_list()
            && let Some(first) = list.borrow_mut().first_mut()
        {
            *first = self.new_str(&path);
        }
        let result = (|| {
            let globals = self.new_main_module(Some(&path))?;
            let made = self.source_spec(&name, &path, None)?;
            let parts = self.collect_iterable(&made)?;
            if let [spec, loader] = parts.as_slice() {
                self.set_item_str(&globals, "__spec__", spec.clone())?;
                self.set_item_str(&globals, "__loader__", loader.clone())?;
            }
            let package = name
                .rsplit_once('.')
                .map(|(p, _)| p.to_string())
                .unwrap_or_default();
            let package = self.new_string(package);
            self.set_item_str(&globals, "__package__", package)?;
            let code = self.compile_to_code(&source, &path, true)?;
            self.run_code(&code, globals.clone(), globals)
        })();
        self.finish(result)
    }
}
