//! The import system, following CPython's `importlib._bootstrap` step by step: `sys.modules`
//! first, parents before children, then the Rust builtin modules, the frozen Python
//! modules, and `name/__init__.py`, `name.py` or a namespace directory along `sys.path`
//! (or the parent package's `__path__`). Each loaded module gets `__spec__`/`__loader__`
//! objects from the frozen `importlib._bootstrap`, is registered in `sys.modules` while it
//! runs (so circular imports see it partially initialized) and is removed again if it fails.

use std::path::{Path, PathBuf};

use crate::object::Value;
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::runtime::numbers::as_int;
use crate::vm::Vm;

/// Where a module was found.
enum Found {
    Source {
        file: PathBuf,
        package_dir: Option<PathBuf>,
    },
    Namespace(Vec<PathBuf>),
}

impl Vm {
    /// `IMPORT_NAME`: imports relative to the running frame's globals.
    pub fn import_name(
        &mut self,
        name: &Value,
        fromlist: &Value,
        level: &Value,
    ) -> PyResult<Value> {
        let globals = self
            .frames
            .last()
            .map(|f| f.globals.clone())
            .unwrap_or(Value::NULL);
        let name = name.as_str().unwrap_or("").to_string();
        let level = as_int(level).and_then(|l| l.to_i64()).unwrap_or(0);
        self.import_with_globals(&name, &globals, fromlist, level)
    }

    /// `__import__(name, globals, locals, fromlist, level)`.
    pub fn import_with_globals(
        &mut self,
        name: &str,
        globals: &Value,
        fromlist: &Value,
        level: i64,
    ) -> PyResult<Value> {
        if level < 0 {
            return Err(PyErr::value_error("level must be >= 0"));
        }
        let abs_name = if level > 0 {
            let package = self.package_of_globals(globals)?;
            resolve_name(name, &package, level as usize)?
        } else {
            if name.is_empty() {
                return Err(PyErr::value_error("Empty module name"));
            }
            name.to_string()
        };
        let module = self.import_module(&abs_name)?;
        let has_fromlist = !fromlist.is_null() && !fromlist.is_none() && self.truthy(fromlist)?;
        if !has_fromlist {
            if level == 0 || !name.is_empty() {
                let Some((front, _)) = name.split_once('.') else {
                    return Ok(module);
                };
                if level == 0 {
                    return self.import_module(front);
                }
                let cut_off = name.len() - front.len();
                let to_return = &abs_name[..abs_name.len() - cut_off];
                let modules = self.modules.clone();
                return self.dict_get_str(&modules, to_return).ok_or_else(|| {
                    PyErr::new(
                        ExcKind::KeyError,
                        format!("{to_return:?} not in sys.modules as expected"),
                    )
                });
            }
            return Ok(module);
        }
        if self.attr_or_none(&module, "__path__")?.is_some() {
            self.handle_fromlist(&module, fromlist, false)?;
        }
        Ok(module)
    }

    /// The package a relative import in a namespace with `globals` is relative to.
    fn package_of_globals(&mut self, globals: &Value) -> PyResult<String> {
        let get = |vm: &Vm, key: &str| -> Option<Value> {
            if globals.is_null() || globals.is_none() {
                return None;
            }
            vm.dict_get_str(globals, key)
        };
        let package = get(self, "__package__").filter(|p| !p.is_none());
        let spec = get(self, "__spec__").filter(|s| !s.is_none());
        let package = if let Some(p) = package {
            match p.as_str() {
                Some(s) => s.to_string(),
                None => return Err(PyErr::type_error("package must be a string")),
            }
        } else if let Some(spec) = spec {
            let parent = self.getattr_str(&spec, "parent")?;
            parent.as_str().unwrap_or("").to_string()
        } else {
            let Some(name) = get(self, "__name__") else {
                return Err(PyErr::new(ExcKind::KeyError, "'__name__' not in globals"));
            };
            let Some(name) = name.as_str().map(str::to_string) else {
                return Err(PyErr::type_error("__name__ must be a string"));
            };
            if get(self, "__path__").is_some() {
                name
            } else {
                name.rsplit_once('.')
                    .map(|(p, _)| p.to_string())
                    .unwrap_or_default()
            }
        };
        if package.is_empty() {
            return Err(PyErr::new(
                ExcKind::ImportError,
                "attempted relative import with no known parent package",
            ));
        }
        Ok(package)
    }

    /// Imports the submodules a `from package import a, b` names that are not attributes.
    fn handle_fromlist(
        &mut self,
        module: &Value,
        fromlist: &Value,
        recursive: bool,
    ) -> PyResult<()> {
        let items = self.collect_iterable(fromlist)?;
        for item in items {
            let Some(x) = item.as_str().map(str::to_string) else {
                let where_ = if recursive {
                    "``module.__all__``"
                } else {
                    "``from list''"
                };
                return Err(PyErr::type_error(format!(
                    "Item in {where_} must be str, not {}",
                    self.type_name(&item)
                )));
            };
            if x == "*" {
                if !recursive && let Some(all) = self.attr_or_none(module, "__all__")? {
                    self.handle_fromlist(module, &all, true)?;
                }
                continue;
            }
            if self.attr_or_none(module, &x)?.is_some() {
                continue;
            }
            let Some(mname) = self.module_name(module) else {
                continue;
            };
            let from_name = format!("{mname}.{x}");
            if let Err(e) = self.import_module(&from_name) {
                if self.err_matches(&e, ExcKind::ModuleNotFoundError) {
                    let exc = self.exception_object(e);
                    let missing = self.attr_or_none(&exc, "name")?;
                    let modules = self.modules.clone();
                    let blocked = self
                        .dict_get_str(&modules, &from_name)
                        .is_some_and(|m| m.is_none());
                    if missing.and_then(|n| n.as_str().map(|s| s == from_name)) == Some(true)
                        && !blocked
                    {
                        continue;
                    }
                    return Err(PyErr::from_object(exc));
                }
                return Err(e);
            }
        }
        Ok(())
    }

    /// Imports a dotted module name (parents first) and returns that module.
    pub fn import_module(&mut self, full: &str) -> PyResult<Value> {
        let modules = self.modules.clone();
        if let Some(m) = self.dict_get_str(&modules, full) {
            if m.is_none() {
                return Err(self.module_not_found(
                    full,
                    format!("import of {full} halted; None in sys.modules"),
                ));
            }
            return Ok(m);
        }
        let (parent, child) = match full.rsplit_once('.') {
            Some((p, c)) => (Some(p.to_string()), c.to_string()),
            None => (None, full.to_string()),
        };
        let mut parent_module = Value::NULL;
        let search: Vec<PathBuf> = match &parent {
            Some(p) => {
                if self.dict_get_str(&modules, p).is_none() {
                    self.import_module(p)?;
                }
                if let Some(m) = self.dict_get_str(&modules, full) {
                    return Ok(m);
                }
                parent_module = self.dict_get_str(&modules, p).unwrap_or(Value::NONE);
                match self.attr_or_none(&parent_module, "__path__")? {
                    Some(path) => self.path_entries(&path)?,
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
                if crate::modules::frozen::find(full).is_none() {
                    let sys_path = self.getattr_str(&self.sys.clone(), "path")?;
                    self.path_entries(&sys_path)?
                } else {
                    Vec::new()
                }
            }
        };
        let module = if let Some(frozen) = crate::modules::frozen::find(full) {
            self.load_frozen(frozen)?
        } else {
            match find_in(&search, &child) {
                Some(found) => self.load_found(full, found)?,
                None => {
                    return Err(self.module_not_found(full, format!("No module named '{full}'")));
                }
            }
        };
        if !parent_module.is_null() {
            // A failure here only loses the attribute, as in CPython (which warns).
            let _ = self.setattr(&parent_module, &child, module.clone());
        }
        Ok(module)
    }

    /// Where module `name` lives, without running it: its file and whether it is a
    /// package (parent packages are imported). `None` if it cannot be found.
    pub fn find_module_file(&mut self, name: &str) -> PyResult<Option<(PathBuf, bool)>> {
        let (dirs, last) = match name.rsplit_once('.') {
            Some((parent, last)) => {
                let pm = self.import_module(parent)?;
                match self.attr_or_none(&pm, "__path__")? {
                    Some(path) => (self.path_entries(&path)?, last),
                    None => return Ok(None),
                }
            }
            None => {
                let sys_path = self.getattr_str(&self.sys.clone(), "path")?;
                (self.path_entries(&sys_path)?, name)
            }
        };
        Ok(match find_in(&dirs, last) {
            Some(Found::Source { file, package_dir }) => Some((file, package_dir.is_some())),
            _ => None,
        })
    }

    /// The strings of a `sys.path`-like list, as directories ("" is the current one).
    fn path_entries(&mut self, path: &Value) -> PyResult<Vec<PathBuf>> {
        Ok(self
            .collect_iterable(path)?
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .map(|d| PathBuf::from(if d.is_empty() { "." } else { &d }))
            .collect())
    }

    pub(crate) fn module_not_found(&self, name: &str, msg: String) -> PyErr {
        let msg = self.new_string(msg);
        let exc = self.new_exception(ExcKind::ModuleNotFoundError, vec![msg]);
        let name = self.new_str(name);
        set_exception_attr(self, &exc, "name", name);
        PyErr::from_object(exc)
    }

    /// A function of the frozen `importlib._bootstrap` (loaded on first use).
    fn bootstrap_function(&mut self, name: &str) -> PyResult<Value> {
        let bootstrap = self.import_module("importlib._bootstrap")?;
        self.getattr_str(&bootstrap, name)
    }

    fn load_found(&mut self, name: &str, found: Found) -> PyResult<Value> {
        match found {
            Found::Source { file, package_dir } => {
                self.load_source_module(name, &file, package_dir.as_deref())
            }
            Found::Namespace(dirs) => {
                let make = self.bootstrap_function("_spec_for_namespace")?;
                let name_v = self.new_str(name);
                let dir_values: Vec<Value> = dirs
                    .iter()
                    .map(|d| self.new_string(absolute_text(d)))
                    .collect();
                let list = self.new_list(dir_values);
                let made = self.call(&make, &[name_v, list])?;
                let parts = self.collect_iterable(&made)?;
                let [spec, loader, path] = parts.as_slice() else {
                    return Err(PyErr::internal("namespace spec helper changed shape"));
                };
                let globals = self.new_dict();
                let module = self.new_module(name, globals.clone());
                self.set_item_str(&globals, "__file__", Value::NONE)?;
                self.set_item_str(&globals, "__path__", path.clone())?;
                self.set_item_str(&globals, "__package__", self.new_str(name))?;
                self.set_item_str(&globals, "__spec__", spec.clone())?;
                self.set_item_str(&globals, "__loader__", loader.clone())?;
                let key = self.new_str(name);
                let modules = self.modules.clone();
                self.dict_set(&modules, key, module.clone())?;
                Ok(module)
            }
        }
    }

    fn load_frozen(&mut self, frozen: &crate::modules::frozen::FrozenModule) -> PyResult<Value> {
        let filename = crate::modules::frozen::code_filename(frozen.name);
        let code = self.compile_to_code(frozen.source.as_bytes(), &filename, false)?;
        let globals = self.new_dict();
        let module = self.new_module(frozen.name, globals.clone());
        let package = if frozen.is_package {
            let empty = self.new_list(Vec::new());
            self.set_item_str(&globals, "__path__", empty)?;
            frozen.name.to_string()
        } else {
            parent_of(frozen.name)
        };
        let package_v = self.new_string(package);
        self.set_item_str(&globals, "__package__", package_v)?;
        let builtins = self.builtins.clone();
        self.set_item_str(&globals, "__builtins__", builtins)?;
        let module = self.exec_module(frozen.name, module, &code, &globals)?;
        // The bootstrap itself cannot make specs until it has run.
        if frozen.name != "importlib._bootstrap" {
            let make = self.bootstrap_function("_spec_for_frozen")?;
            let name_v = self.new_str(frozen.name);
            let made = self.call(&make, &[name_v, Value::from_bool(frozen.is_package)])?;
            self.attach_spec(&globals, &made)?;
        }
        Ok(module)
    }

    /// Stores the `(spec, loader)` pair a bootstrap helper returned as `__spec__`/`__loader__`.
    fn attach_spec(&mut self, globals: &Value, made: &Value) -> PyResult<()> {
        let parts = self.collect_iterable(made)?;
        if let [spec, loader] = parts.as_slice() {
            self.set_item_str(globals, "__spec__", spec.clone())?;
            self.set_item_str(globals, "__loader__", loader.clone())?;
        }
        Ok(())
    }

    /// The `(spec, loader)` of a source file (`package_dir` set for packages).
    pub(crate) fn source_spec(
        &mut self,
        name: &str,
        filename: &str,
        package_dir: Option<&str>,
    ) -> PyResult<Value> {
        let make = self.bootstrap_function("_spec_for_file")?;
        let name_v = self.new_str(name);
        let file_v = self.new_str(filename);
        let dir_v = match package_dir {
            Some(d) => self.new_str(d),
            None => Value::NONE,
        };
        self.call(&make, &[name_v, file_v, dir_v])
    }

    fn load_source_module(
        &mut self,
        name: &str,
        file: &Path,
        package_dir: Option<&Path>,
    ) -> PyResult<Value> {
        let source =
            std::fs::read(file).map_err(|e| PyErr::new(ExcKind::OSError, e.to_string()))?;
        let filename = absolute_text(file);
        let package_dir = package_dir.map(absolute_text);
        let made = self.source_spec(name, &filename, package_dir.as_deref())?;
        let globals = self.new_dict();
        let module = self.new_module(name, globals.clone());
        self.attach_spec(&globals, &made)?;
        let file_v = self.new_str(&filename);
        self.set_item_str(&globals, "__file__", file_v)?;
        self.set_item_str(&globals, "__cached__", Value::NONE)?;
        let package = match &package_dir {
            Some(dir) => {
                let spec = self
                    .dict_get_str(&globals, "__spec__")
                    .unwrap_or(Value::NONE);
                let path_list = match self.attr_or_none(&spec, "submodule_search_locations")? {
                    Some(p) if !p.is_none() => p,
                    _ => {
                        let entry = self.new_str(dir);
                        self.new_list(vec![entry])
                    }
                };
                self.set_item_str(&globals, "__path__", path_list)?;
                name.to_string()
            }
            None => parent_of(name),
        };
        let package_v = self.new_string(package);
        self.set_item_str(&globals, "__package__", package_v)?;
        let builtins = self.builtins.clone();
        self.set_item_str(&globals, "__builtins__", builtins)?;
        let key = self.new_str(name);
        let modules = self.modules.clone();
        self.dict_set(&modules, key, module.clone())?;
        let code = match self.compile_to_code(&source, &filename, false) {
            Ok(c) => c,
            Err(e) => {
                let key = self.new_str(name);
                let _ = self.dict_remove(&modules, &key);
                return Err(e);
            }
        };
        self.exec_module(name, module, &code, &globals)
    }

    /// Runs a module's code with the module registered in `sys.modules` and marked as
    /// initializing; a failure removes it again. Returns what `sys.modules` then holds
    /// (a module may replace itself there).
    fn exec_module(
        &mut self,
        name: &str,
        module: Value,
        code: &Value,
        globals: &Value,
    ) -> PyResult<Value> {
        let key = self.new_str(name);
        let modules = self.modules.clone();
        self.dict_set(&modules, key.clone(), module.clone())?;
        self.importing.push(name.to_string());
        let result = self.run_code(code, globals.clone(), globals.clone());
        self.importing.retain(|n| n != name);
        if let Err(e) = result {
            let _ = self.dict_remove(&modules, &key);
            return Err(e);
        }
        // CPython moves the finished module to the end of sys.modules.
        match self.dict_remove(&modules, &key)? {
            Some(m) => {
                self.dict_set(&modules, key, m.clone())?;
                Ok(m)
            }
            None => Err(self.module_not_found(
                name,
                format!("module {name:?} not found in sys.modules after loading"),
            )),
        }
    }

    /// `dict[name] = value` for a str key given as text.
    pub fn set_item_str(&mut self, dict: &Value, name: &str, value: Value) -> PyResult<()> {
        let key = self.intern(name);
        self.dict_set(dict, key, value)
    }

    /// `IMPORT_FROM`: an attribute, else an already imported submodule, else ImportError.
    pub fn import_from(&mut self, module: &Value, name: &str) -> PyResult<Value> {
        match self.getattr_str(module, name) {
            Ok(v) => return Ok(v),
            Err(e) if self.err_matches(&e, ExcKind::AttributeError) => {}
            Err(e) => return Err(e),
        }
        let pkgname = match self.attr_or_none(module, "__name__")? {
            Some(n) => n.as_str().map(str::to_string),
            None => None,
        };
        let Some(pkgname) = pkgname else {
            return Err(self.import_error(format!("cannot import name '{name}'"), None, None));
        };
        let modules = self.modules.clone();
        if let Some(m) = self.dict_get_str(&modules, &format!("{pkgname}.{name}")) {
            return Ok(m);
        }
        let path = self
            .getattr_opt(module, "__file__")?
            .and_then(|f| f.as_str().map(str::to_string));
        let msg = match &path {
            None => format!("cannot import name '{name}' from '{pkgname}' (unknown location)"),
            Some(p) if self.importing.contains(&pkgname) => format!(
                "cannot import name '{name}' from partially initialized module '{pkgname}' \
                 (most likely due to a circular import) ({p})"
            ),
            Some(p) => format!("cannot import name '{name}' from '{pkgname}' ({p})"),
        };
        Err(self.import_error(msg, Some(&pkgname), path.as_deref()))
    }

    /// An ImportError with its `name` and `path` attributes.
    fn import_error(&self, msg: String, name: Option<&str>, path: Option<&str>) -> PyErr {
        let msg = self.new_string(msg);
        let exc = self.new_exception(ExcKind::ImportError, vec![msg]);
        if let Some(n) = name {
            set_exception_attr(self, &exc, "name", self.new_str(n));
        }
        if let Some(p) = path {
            set_exception_attr(self, &exc, "path", self.new_str(p));
        }
        PyErr::from_object(exc)
    }

    /// `from m import *`.
    pub fn import_star(&mut self, module: &Value) -> PyResult<()> {
        let names: Vec<Value> = match self.attr_or_none(module, "__all__")? {
            Some(all) => self.collect_iterable(&all)?,
            None => {
                let Some(dict) = self.attr_or_none(module, "__dict__")? else {
                    return Err(PyErr::new(
                        ExcKind::ImportError,
                        "from-import-* object has no __dict__ and no __all__",
                    ));
                };
                self.collect_iterable(&dict)?
                    .into_iter()
                    .filter(|k| !k.as_str().unwrap_or("_").starts_with('_'))
                    .collect()
            }
        };
        let locals = self
            .frames
            .last()
            .map(|f| f.locals.clone())
            .unwrap_or(Value::NULL);
        for name in names {
            let Some(text) = name.as_str().map(str::to_string) else {
                return Err(PyErr::type_error(format!(
                    "Item in {}.__all__ must be str, not {}",
                    self.module_name(module).unwrap_or_default(),
                    self.type_name(&name)
                )));
            };
            let v = self.getattr_str(module, &text)?;
            self.mapping_store(&locals, name, v)?;
        }
        Ok(())
    }

    /// `getattr(obj, name)`, with AttributeError (also from a module `__getattr__`) as None.
    fn attr_or_none(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        match self.getattr_str(obj, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.err_matches(&e, ExcKind::AttributeError) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Whether the module called `name` is running its body right now.
    pub fn module_initializing(&self, name: &str) -> bool {
        self.importing.iter().any(|n| n == name)
    }
}

/// `importlib._bootstrap._resolve_name`: the absolute name of a relative import.
pub fn resolve_name(name: &str, package: &str, level: usize) -> PyResult<String> {
    let bits: Vec<&str> = package.rsplitn(level, '.').collect();
    if bits.len() < level {
        return Err(PyErr::new(
            ExcKind::ImportError,
            "attempted relative import beyond top-level package",
        ));
    }
    let base = bits.last().copied().unwrap_or("");
    Ok(if name.is_empty() {
        base.to_string()
    } else {
        format!("{base}.{name}")
    })
}

fn parent_of(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(p, _)| p.to_string())
        .unwrap_or_default()
}

fn absolute_text(path: &Path) -> String {
    std::path::absolute(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .to_string_lossy()
        .to_string()
}

/// Searches `dirs` in order for package `name/__init__.py`, module `name.py`, or (if
/// neither exists anywhere) the directories `name/` that make up a namespace package.
fn find_in(dirs: &[PathBuf], name: &str) -> Option<Found> {
    let mut namespace = Vec::new();
    for dir in dirs {
        let pkg_dir = dir.join(name);
        let init = pkg_dir.join("__init__.py");
        if init.is_file() {
            return Some(Found::Source {
                file: init,
                package_dir: Some(pkg_dir),
            });
        }
        let file = dir.join(format!("{name}.py"));
        if file.is_file() {
            return Some(Found::Source {
                file,
                package_dir: None,
            });
        }
        if pkg_dir.is_dir() {
            namespace.push(pkg_dir);
        }
    }
    if namespace.is_empty() {
        None
    } else {
        Some(Found::Namespace(namespace))
    }
}

/// Stores an attribute such as `name` or `path` in an exception's attribute dict.
fn set_exception_attr(vm: &Vm, exc: &Value, key: &str, value: Value) {
    let Some(data) = exc.as_exception() else {
        return;
    };
    if data.dict.borrow().is_null() {
        *data.dict.borrow_mut() = vm.new_dict();
    }
    let dict = data.dict.borrow().clone();
    if let Some(t) = dict.as_dict() {
        let k = vm.new_str(key);
        let hash = crate::runtime::hashing::str_hash_cached(key);
        let mut t = t.borrow_mut();
        // Replace an existing entry (the attribute may already be there).
        match t.find_str(hash, key) {
            Some(i) => {
                t.set_value_at(i, value);
            }
            None => t.insert_new(hash, k, value),
        }
    }
}
