//! Warnings the VM itself issues (CPython's `PyErr_WarnEx` from C code), shown under
//! CPython's default filters, as its `_warnings` core does before `warnings` is imported:
//! `DeprecationWarning` only for code in `__main__`, `PendingDeprecationWarning`,
//! `ImportWarning` and `ResourceWarning` never, everything else once per location (the
//! `default` action), remembered in the module's `__warningregistry__` as CPython does.

use crate::object::Value;
use crate::runtime::errors::{ExcKind, PyResult};
use crate::vm::Vm;

impl Vm {
    /// Issues a warning of `kind` attributed to the running Python frame.
    pub fn warn(&mut self, kind: ExcKind, message: &str) -> PyResult<()> {
        let Some(frame) = self.frames.last() else {
            return Ok(());
        };
        let globals = frame.globals.clone();
        let (filename, line) = match frame.code.as_code() {
            Some(c) => (c.data.filename.clone(), c.line_of(frame.lasti)),
            None => return Ok(()),
        };
        let module = self
            .dict_get_str(&globals, "__name__")
            .and_then(|n| n.as_str().map(str::to_string))
            .unwrap_or_default();
        let shown = match kind {
            ExcKind::DeprecationWarning => module == "__main__",
            ExcKind::PendingDeprecationWarning
            | ExcKind::ImportWarning
            | ExcKind::ResourceWarning => false,
            _ => true,
        };
        if !shown {
            return Ok(());
        }
        let registry = match self.dict_get_str(&globals, "__warningregistry__") {
            Some(r) if r.as_dict().is_some() => r,
            _ => {
                let r = self.new_dict();
                let key = self.intern("__warningregistry__");
                self.dict_set(&globals, key, r.clone())?;
                r
            }
        };
        let text = self.new_str(message);
        let category = self.types.exception(kind).clone();
        let lineno = self.new_int(i64::from(line));
        let key = self.new_tuple(vec![text, category, lineno]);
        if self.dict_get(&registry, &key)?.is_some() {
            return Ok(());
        }
        self.dict_set(&registry, key, Value::TRUE)?;
        let mut out = format!("{filename}:{line}: {}: {message}\n", kind.name());
        if let Some(source) = self.source_line(&filename, line) {
            let source = source.trim();
            if !source.is_empty() {
                out.push_str(&format!("  {source}\n"));
            }
        }
        self.write_stderr(&out);
        Ok(())
    }
}
