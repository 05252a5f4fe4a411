//! `import`: finds modules in `sys.modules`, among the builtin modules, then as `name.py`
//! or `name/__init__.py` along `sys.path`, and runs their code in a fresh namespace.

use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::runtime::numbers::as_int;
use crate::vm::Vm;

impl Vm {
    /// `IMPORT_NAME`: returns the top package (no fromlist) or the module itself.
    pub fn import_name(
        &mut self,
        name: &Value,
        fromlist: &Value,
        level: &Value,
    ) -> PyResult<Value> {
        let name = name.as_str().unwrap_or("").to_string();
        let level = as_int(level).and_then(|l| l.to_i64()).unwrap_or(0);
        let full = if level > 0 {
            self.resolve_relative(&name, level as usize)?
        } else {
            name.clone()
        };
        let module = self.import_module(&full)?;
        let has_fromlist = !fromlist.is_none() && !fromlist.is_null() && self.truthy(fromlist)?;
        if has_fromlist || level > 0 && name.is_empty() {
            return Ok(module);
        }
        let top = if level > 0 {
            return Ok(module);
        } else {
            full.split('.').next().unwrap_or(&full).to_string()
        };
        self.import_module(&top)
    }

    fn resolve_relative(&mut self, name: &str, level: usize) -> PyResult<String> {
        let globals = self
            .frames
            .last()
            .map(|f| f.globals.clone())
            .unwrap_or(Value::NULL);
        let package = self
            .dict_get_str(&globals, "__package__")
            .and_then(|p| p.as_str().map(str::to_string))
            .filter(|p| !p.is_empty());
        let Some(package) = package else {
            return Err(PyErr::new(
                ExcKind::ImportError,
                "attempted relative import with no known parent package",
            ));
        };
        let parts: Vec<&str> = package.split('.').collect();
        if level > parts.len() {
            return Err(PyErr::new(
                ExcKind::ImportError,
                "attempted relative import beyond top-level package",
            ));
        }
        let base = parts[..parts.len() + 1 - level].join(".");
        Ok(if name.is_empty() {
            base
        } else {
            format!("{base}.{name}")
        })
    }

    /// Imports a dotted module name, importing parents first.
    pub fn import_module(&mut self, full: &str) -> PyResult<Value> {
        let modules = self.modules.clone();
        if let Some(m) = self.dict_get_str(&modules, full) {
            return Ok(m);
        }
        let (parent, last) = match full.rsplit_once('.') {
            Some((p, l)) => (Some(p.to_string()), l.to_string()),
            None => (None, full.to_string()),
        };
        let search_paths: Vec<String> = match &parent {
            Some(p) => {
                let pm = self.import_module(p)?;
                if let Some(m) = self.dict_get_str(&modules, full) {
                    return Ok(m);
                }
                match self.getattr_opt(&pm, "__path__")? {
                    Some(path) => self
                        .collect_iterable(&path)?
                        .iter()
                        .filter_map(|v| v.as_str().map(str::to_string))
                        .collect(),
                    None => {
                        return Err(self.module_not_found(
                            full,
                            format!("No module named '{full}'; '{p}' is not a package"),
                        ));
                    }
                }
            }
            None => {
                if let Some(m) = crate::modules::sys::builtin_module(self, full)? {
                    return Ok(m);
                }
                let sys_path = self.getattr_str(&self.sys.clone(), "path")?;
                self.collect_iterable(&sys_path)?
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            }
        };
        for dir in search_paths {
            let dir = if dir.is_empty() { ".".to_string() } else { dir };
            let pkg_init = std::path::Path::new(&dir).join(&last).join("__init__.py");
            if pkg_init.is_file() {
                let pkg_dir = std::path::Path::new(&dir).join(&last);
                return self.load_source_module(full, &pkg_init, Some(&pkg_dir));
            }
            let file = std::path::Path::new(&dir).join(format!("{last}.py"));
            if file.is_file() {
                return self.load_source_module(full, &file, None);
            }
        }
        Err(self.module_not_found(full, format!("No module named '{full}'")))
    }

    fn module_not_found(&self, name: &str, msg: String) -> PyErr {
        let msg = self.new_string(msg);
        let exc = self.new_exception(ExcKind::ModuleNotFoundError, vec![msg]);
        if let Some(data) = exc.as_exception() {
            let d = self.new_dict();
            if let Some(t) = d.as_dict() {
                let k = self.new_str("name");
                let v = self.new_str(name);
                t.borrow_mut()
                    .insert_new(crate::runtime::hashing::str_hash_cached("name"), k, v);
            }
            *data.dict.borrow_mut() = d;
        }
        PyErr::from_object(exc)
    }

    fn load_source_module(
        &mut self,
        name: &str,
        file: &std::path::Path,
        package_dir: Option<&std::path::Path>,
    ) -> PyResult<Value> {
        let source =
            std::fs::read(file).map_err(|e| PyErr::new(ExcKind::OSError, e.to_string()))?;
        let filename = std::fs::canonicalize(file)
            .unwrap_or_else(|_| file.to_path_buf())
            .to_string_lossy()
            .to_string();
        let code = self.compile_to_code(&source, &filename, false)?;
        let globals = self.new_dict();
        let module = self.new_module(name, globals.clone());
        let file_v = self.new_str(&filename);
        self.set_item_str(&globals, "__file__", file_v)?;
        let package = match package_dir {
            Some(dir) => {
                let path_entry = self.new_string(dir.to_string_lossy().to_string());
                let path_list = self.new_list(vec![path_entry]);
                self.set_item_str(&globals, "__path__", path_list)?;
                name.to_string()
            }
            None => name
                .rsplit_once('.')
                .map(|(p, _)| p.to_string())
                .unwrap_or_default(),
        };
        let package_v = self.new_string(package);
        self.set_item_str(&globals, "__package__", package_v)?;
        let builtins = self.builtins.clone();
        self.set_item_str(&globals, "__builtins__", builtins)?;
        let key = self.new_str(name);
        let modules = self.modules.clone();
        self.dict_set(&modules, key.clone(), module.clone())?;
        if let Err(e) = self.run_code(&code, globals.clone(), globals) {
            let _ = self.dict_remove(&modules, &key);
            return Err(e);
        }
        // The module may have replaced itself in sys.modules.
        Ok(self.dict_get_str(&modules, name).unwrap_or(module))
    }

    /// `dict[name] = value` for a str key given as text.
    pub fn set_item_str(&mut self, dict: &Value, name: &str, value: Value) -> PyResult<()> {
        let key = self.intern(name);
        self.dict_set(dict, key, value)
    }

    /// `IMPORT_FROM`.
    pub fn import_from(&mut self, module: &Value, name: &str) -> PyResult<Value> {
        if let Some(v) = self.getattr_opt(module, name)? {
            return Ok(v);
        }
        // A submodule not yet bound as an attribute.
        if let Some(mname) = self.module_name(module) {
            let full = format!("{mname}.{name}");
            if let Ok(m) = self.import_module(&full) {
                return Ok(m);
            }
            return Err(PyErr::new(
                ExcKind::ImportError,
                format!(
                    "cannot import name '{name}' from '{mname}' ({})",
                    self.getattr_opt(module, "__file__")
                        .ok()
                        .flatten()
                        .and_then(|f| f.as_str().map(str::to_string))
                        .unwrap_or_else(|| "unknown location".to_string())
                ),
            ));
        }
        Err(PyErr::new(
            ExcKind::ImportError,
            format!("cannot import name '{name}'"),
        ))
    }

    /// `from m import *`.
    pub fn import_star(&mut self, module: &Value) -> PyResult<()> {
        let Some(Payload::Module(m)) = module.payload() else {
            return Err(PyErr::type_error(
                "from-import-* object has no __dict__ and no __all__",
            ));
        };
        let dict = m.dict.clone();
        let names: Vec<Value> = match self.dict_get_str(&dict, "__all__") {
            Some(all) => self.collect_iterable(&all)?,
            None => dict
                .as_dict()
                .map(|t| t.borrow().keys())
                .unwrap_or_default()
                .into_iter()
                .filter(|k| !k.as_str().unwrap_or("_").starts_with('_'))
                .collect(),
        };
        let locals = self
            .frames
            .last()
            .map(|f| f.locals.clone())
            .unwrap_or(Value::NULL);
        for name in names {
            let text = name.as_str().unwrap_or("").to_string();
            let v = self.getattr_str(module, &text)?;
            self.mapping_store(&locals, name, v)?;
        }
        Ok(())
    }
}
