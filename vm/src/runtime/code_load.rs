//! From source to running code: compiling (syntax errors become `SyntaxError` objects),
//! turning `CodeData` into code objects with Python constants, and running module code.

use crate::bytecode::{CodeData, CompileError, CompileErrorKind, Constant};
use crate::compiler::CompileMode;
use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::types::code::CodeObject;
use crate::vm::Vm;

impl Vm {
    /// A code object from compiler output.
    pub fn new_code(&mut self, data: CodeData) -> Value {
        let consts: Vec<Value> = data.consts.iter().map(|c| self.constant_value(c)).collect();
        let names: Vec<Value> = data.names.iter().map(|n| self.intern(n)).collect();
        let localsplus_names: Vec<Value> = data
            .localsplus_names
            .iter()
            .map(|n| self.intern(n))
            .collect();
        let name = self.intern(&data.name);
        let qualname = self.new_str(&data.qualname);
        let filename = self.new_str(&data.filename);
        let free_count = data.free_var_count();
        let units = data.code.iter().map(|u| std::cell::Cell::new(*u)).collect();
        let code = CodeObject {
            units,
            data,
            consts,
            names,
            localsplus_names,
            name,
            qualname,
            filename,
            free_count,
            poly_sites: Default::default(),
            entry_counter: Default::default(),
        };

        Value::alloc(&self.types.code, Payload::Code(Box::new(code)))
    }

    fn constant_value(&mut self, c: &Constant) -> Value {
        match c {
            Constant::None => Value::NONE,
            Constant::Bool(b) => Value::from_bool(*b),
            Constant::Ellipsis => Value::ELLIPSIS,
            Constant::Int(i) => self.new_bigint(i.clone()),
            Constant::Float(f) => self.new_float(*f),
            Constant::Complex { real, imag } => self.new_complex(*real, *imag),
            Constant::Str(s) => self.intern(s),
            Constant::SurrogateStr(b) => self.new_str_wtf8(b.clone()),
            Constant::Bytes(b) => self.new_bytes(b.clone()),
            Constant::Tuple(items) => {
                let items: Vec<Value> = items.iter().map(|i| self.constant_value(i)).collect();
                self.new_tuple(items)
            }
            Constant::FrozenSet(items) => {
                let items: Vec<Value> = items.iter().map(|i| self.constant_value(i)).collect();
                let first = self.new_set_from_table(Default::default(), true);
                for item in items {
                    let _ = self.set_add(&first, item);
                }
                // CPython's constant merging rebuilds every frozenset constant from the
                // iteration order of the first one, which changes its table layout (and so
                // the order a set display like {'a', 'b', 'c'} prints in).
                let order: Vec<Value> = first
                    .as_set()
                    .map(|t| t.borrow().entries().map(|(_, k)| k.clone()).collect())
                    .unwrap_or_default();
                let set = self.new_set_from_table(Default::default(), true);
                for item in order {
                    let _ = self.set_add(&set, item);
                }
                set
            }
            Constant::Code(data) => self.new_code((**data).clone()),
        }
    }

    /// Compiles source bytes of a file; a syntax error becomes a `SyntaxError` exception.
    /// `script` is true for the `__main__` file, which CPython parses from the file (its
    /// errors at end of file are placed differently).
    pub fn compile_to_code(
        &mut self,
        source: &[u8],
        filename: &str,
        script: bool,
    ) -> PyResult<Value> {
        let optimize = self.config.optimize;
        let compiled = if script {
            crate::compiler::compile_script(source, filename, optimize)
        } else {
            crate::compiler::compile_source(source, filename, CompileMode::Exec, optimize)
        };
        match compiled {
            Ok(data) => {
                self.sources
                    .insert(filename.to_string(), String::from_utf8_lossy(source).into());
                Ok(self.new_code(data))
            }
            Err(e) => Err(self.syntax_error_from(&e)),
        }
    }

    /// Compiles text (`exec`/`eval`/`compile()`, `-c`).
    pub fn compile_text(
        &mut self,
        source: &str,
        filename: &str,
        mode: CompileMode,
    ) -> PyResult<Value> {
        let optimize = self.config.optimize;
        match crate::compiler::compile_str(source, filename, mode, optimize) {
            Ok(data) => {
                self.sources.insert(filename.to_string(), source.into());
                Ok(self.new_code(data))
            }
            Err(e) => Err(self.syntax_error_from(&e)),
        }
    }

    /// A `SyntaxError` (or subclass) instance carrying the compile error's details.
    pub fn syntax_error_from(&mut self, e: &CompileError) -> PyErr {
        let kind = match e.kind {
            CompileErrorKind::SyntaxError => ExcKind::SyntaxError,
            CompileErrorKind::IndentationError => ExcKind::IndentationError,
            CompileErrorKind::TabError => ExcKind::TabError,
            CompileErrorKind::RecursionError => {
                return PyErr::new(ExcKind::RecursionError, e.message.clone());
            }
            CompileErrorKind::MemoryError => {
                return PyErr::new(ExcKind::MemoryError, e.message.clone());
            }
            CompileErrorKind::SystemError => {
                return PyErr::new(ExcKind::SystemError, e.message.clone());
            }
        };
        let msg = self.new_str(&e.message);
        let filename = self.new_str(&e.filename);
        let lineno = self.new_int(i64::from(e.line));
        let offset = self.new_int(i64::from(e.offset));
        let text = match &e.text {
            Some(t) => self.new_str(t),
            None => Value::NONE,
        };
        let end_lineno = self.new_int(i64::from(e.end_line));
        let end_offset = self.new_int(i64::from(e.end_offset));
        let details = self.new_tuple(vec![
            filename.clone(),
            lineno.clone(),
            offset.clone(),
            text.clone(),
            end_lineno.clone(),
            end_offset.clone(),
        ]);
        let exc = self.new_exception(kind, vec![msg.clone(), details]);
        if let Some(dict) = self.instance_dict_or_create(&exc) {
            for (k, v) in [
                ("msg", msg),
                ("filename", filename),
                ("lineno", lineno),
                ("offset", offset),
                ("text", text),
                ("end_lineno", end_lineno),
                ("end_offset", end_offset),
                ("print_file_and_line", Value::NONE),
            ] {
                let _ = self.set_item_str(&dict, k, v);
            }
        }
        PyErr::from_object(exc)
    }

    /// Runs a module or class body code object with the given namespaces.
    pub fn run_code(&mut self, code: &Value, globals: Value, locals: Value) -> PyResult<Value> {
        if self.dict_get_str(&globals, "__builtins__").is_none() {
            let b = self.builtins.clone();
            self.set_item_str(&globals, "__builtins__", b)?;
        }
        self.push_code_frame(code, globals, locals)?;
        self.run_frame()
    }

    /// Creates `__main__` with its namespace.
    pub fn new_main_module(&mut self, file: Option<&str>) -> PyResult<Value> {
        let globals = self.new_dict();
        let module = self.new_module("__main__", globals.clone());
        let builtins = self.builtins.clone();
        self.set_item_str(&globals, "__builtins__", builtins)?;
        if let Some(f) = file {
            let f_v = self.new_str(f);
            self.set_item_str(&globals, "__file__", f_v)?;
            // CPython gives a script's module the loader that read it (and no spec).
            if let Ok(made) = self.source_spec("__main__", f, None)
                && let Ok(parts) = self.collect_iterable(&made)
                && let [_, loader] = parts.as_slice()
            {
                self.set_item_str(&globals, "__loader__", loader.clone())?;
            }
        }
        let key = self.intern("__main__");
        let modules = self.modules.clone();
        self.dict_set(&modules, key, module)?;
        Ok(globals)
    }
}
