//! `os.scandir` (an iterator of `DirEntry` objects that is also a context manager) and
//! `os.walk`, a lazy iterator that, top-down, reads the caller's (possibly edited)
//! `dirnames` list before descending, as CPython's generator does.

use std::cell::{Cell, RefCell};

use crate::interp::args::{ArgSpec, Args};
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::native::{native_receiver, native_state};
use crate::types::function::NativeFn;
use crate::types::payload::PropertyData;
use crate::vm::Vm;

use super::os_error;
use super::stat::{Target, stat_result, target_arg};
use crate::runtime::native::NativeState;

/// One directory entry: what `readdir` told (type without following links).
struct DirEntryState {
    name: String,
    path: String,
    file_type: Option<std::fs::FileType>,
    ino: u64,
}

/// A `scandir` iterator: the entries read up front, handed out in order.
struct ScandirState {
    entries: RefCell<std::vec::IntoIter<DirEntryState>>,
    closed: Cell<bool>,
}

/// Where `os.walk` is: directories still to visit and, bottom-up, triples still to yield.
enum WalkStep {
    Visit(String),
    Emit(Value),
}

struct WalkState {
    stack: RefCell<Vec<WalkStep>>,
    /// Top-down: the directory just yielded and its `dirnames` list, expanded on the
    /// next step so the caller's edits count.
    pending: RefCell<Option<(String, Value)>>,
    topdown: bool,
    onerror: Value,
    followlinks: bool,
}

/// Registers `scandir`, `walk` and their types in `os`.
pub fn install(vm: &mut Vm, module: &Value, dict: &Value) -> PyResult<()> {
    let entry = vm.new_native_type("posix", "DirEntry", false);
    let methods: [(&'static str, NativeFn); 7] = [
        ("is_dir", entry_is_dir),
        ("is_file", entry_is_file),
        ("is_symlink", entry_is_symlink),
        ("is_junction", entry_is_junction),
        ("stat", entry_stat),
        ("inode", entry_inode),
        ("__fspath__", entry_fspath),
    ];
    for (name, f) in methods {
        vm.add_method(&entry, name, f);
    }
    vm.add_method(&entry, "__repr__", entry_repr);
    let getters: [(&'static str, NativeFn); 2] = [("name", entry_name), ("path", entry_path)];
    for (name, f) in getters {
        let getter = vm.new_builtin_function(name, f, Value::NULL);
        let prop = Value::alloc(
            &vm.types.property,
            Payload::Property(PropertyData {
                getter,
                setter: Value::NONE,
                deleter: Value::NONE,
                doc: Value::NONE,
            }),
        );
        vm.set_type_attr(&entry, name, prop);
    }
    vm.native_types.insert("posix.DirEntry", entry.clone());
    vm.set_item_str(dict, "DirEntry", entry)?;

    let iter = vm.new_native_type("posix", "ScandirIterator", false);
    vm.add_native_iter_methods(&iter);
    vm.add_method(&iter, "close", scandir_close);
    vm.add_method(&iter, "__enter__", scandir_enter);
    vm.add_method(&iter, "__exit__", scandir_exit);
    vm.native_types.insert("posix.ScandirIterator", iter);

    let walk = vm.new_native_type("os", "_walk", false);
    vm.add_native_iter_methods(&walk);
    vm.native_types.insert("os._walk", walk);

    let functions: [(&'static str, NativeFn); 2] = [("scandir", os_scandir), ("walk", os_walk)];
    for (name, f) in functions {
        let fv = vm.new_builtin_function(name, f, module.clone());
        vm.set_item_str(dict, name, fv)?;
    }
    Ok(())
}

fn join(dir: &str, name: &str) -> String {
    if dir.is_empty() || dir.ends_with('/') {
        format!("{dir}{name}")
    } else {
        format!("{dir}/{name}")
    }
}

/// Reads directory `dir` (entries in the order the OS gives them).
fn read_entries(dir: &str) -> std::io::Result<Vec<DirEntryState>> {
    use std::os::unix::fs::DirEntryExt;
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        out.push(DirEntryState {
            path: join(dir, &name),
            name,
            file_type: entry.file_type().ok(),
            ino: entry.ino(),
        });
    }
    Ok(out)
}

fn os_scandir(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.range("scandir", 0, 1)?;
    let (dir, shown) = match pos.first() {
        Some(p) if !p.is_none() => match target_arg(vm, p, "scandir", false)? {
            Target::Path(s) => (s.clone(), s),
            Target::Fd(_) => return Err(PyErr::type_error("scandir: fd is not supported")),
        },
        _ => (".".to_string(), ".".to_string()),
    };
    let entries = read_entries(&dir).map_err(|e| os_error(vm, &e, &shown))?;
    let ty = vm.native_type("posix.ScandirIterator")?;
    let state = ScandirState {
        entries: RefCell::new(entries.into_iter()),
        closed: Cell::new(false),
    };
    Ok(vm.new_native_full(&ty, state, Some(scandir_next), false))
}

fn scandir_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let Some(state) = native_state::<ScandirState>(it) else {
        return Ok(None);
    };
    if state.closed.get() {
        return Ok(None);
    }
    let next = state.entries.borrow_mut().next();
    match next {
        Some(entry) => {
            let ty = vm.native_type("posix.DirEntry")?;
            Ok(Some(vm.new_native_full(&ty, entry, None, false)))
        }
        None => {
            state.closed.set(true);
            Ok(None)
        }
    }
}

fn scandir_close(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, state) = native_receiver::<ScandirState>(vm, &args, "close", "posix.ScandirIterator")?;
    state.closed.set(true);
    Ok(Value::NONE)
}

fn scandir_enter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (it, _) = native_receiver::<ScandirState>(vm, &args, "__enter__", "posix.ScandirIterator")?;
    Ok(it.clone())
}

fn scandir_exit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, state) =
        native_receiver::<ScandirState>(vm, &args, "__exit__", "posix.ScandirIterator")?;
    state.closed.set(true);
    Ok(Value::NONE)
}

fn entry<'a>(vm: &Vm, args: &Args<'a>, method: &str) -> PyResult<&'a DirEntryState> {
    native_receiver::<DirEntryState>(vm, args, method, "posix.DirEntry").map(|(_, s)| s)
}

/// The `follow_symlinks` keyword of the `DirEntry` methods (default True).
fn follow_arg(vm: &mut Vm, args: &Args<'_>, method: &str) -> PyResult<bool> {
    let rest = Args {
        values: &args.values[1.min(args.values.len())..],
        kwnames: args.kwnames,
    };
    let bound = ArgSpec {
        fname: method,
        names: &["follow_symlinks"],
        posonly: 0,
        required: 0,
        kwonly_from: 0,
    }
    .bind(&rest)?;
    if bound[0].is_null() {
        return Ok(true);
    }
    vm.truthy(&bound[0])
}

fn is_symlink(e: &DirEntryState) -> bool {
    e.file_type.is_some_and(|t| t.is_symlink())
}

/// The entry's file type, following a symlink when asked (errors read as "neither").
fn followed_type(e: &DirEntryState, follow: bool) -> Option<std::fs::FileType> {
    if follow && is_symlink(e) {
        return std::fs::metadata(&e.path).ok().map(|m| m.file_type());
    }
    e.file_type
}

fn entry_is_dir(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let e = entry(vm, &args, "is_dir")?;
    let follow = follow_arg(vm, &args, "is_dir")?;
    Ok(Value::from_bool(
        followed_type(e, follow).is_some_and(|t| t.is_dir()),
    ))
}

fn entry_is_file(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let e = entry(vm, &args, "is_file")?;
    let follow = follow_arg(vm, &args, "is_file")?;
    Ok(Value::from_bool(
        followed_type(e, follow).is_some_and(|t| t.is_file()),
    ))
}

fn entry_is_symlink(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let e = entry(vm, &args, "is_symlink")?;
    Ok(Value::from_bool(is_symlink(e)))
}

fn entry_is_junction(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    entry(vm, &args, "is_junction")?;
    Ok(Value::FALSE)
}

fn entry_stat(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let e = entry(vm, &args, "stat")?;
    let follow = follow_arg(vm, &args, "stat")?;
    let path = e.path.clone();
    let m = if follow {
        std::fs::metadata(&path)
    } else {
        std::fs::symlink_metadata(&path)
    };
    let m = m.map_err(|err| os_error(vm, &err, &path))?;
    stat_result(vm, &m)
}

fn entry_inode(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let e = entry(vm, &args, "inode")?;
    Ok(vm.new_bigint(e.ino.into()))
}

fn entry_name(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let e = entry(vm, &args, "name")?;
    Ok(vm.new_str(&e.name))
}

fn entry_path(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let e = entry(vm, &args, "path")?;
    Ok(vm.new_str(&e.path))
}

fn entry_fspath(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let e = entry(vm, &args, "__fspath__")?;
    Ok(vm.new_str(&e.path))
}

fn entry_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let e = entry(vm, &args, "__repr__")?;
    let name = crate::text::str_repr::py_str_repr(&e.name);
    Ok(vm.new_string(format!("<DirEntry {name}>")))
}

fn os_walk(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let bound = ArgSpec {
        fname: "walk",
        names: &["top", "topdown", "onerror", "followlinks"],
        posonly: 0,
        required: 1,
        kwonly_from: 4,
    }
    .bind(&args)?;
    let top = match target_arg(vm, &bound[0], "walk", false)? {
        Target::Path(p) => p,
        Target::Fd(_) => return Err(PyErr::type_error("walk: fd is not supported")),
    };
    let flag = |vm: &mut Vm, v: &Value, default: bool| {
        if v.is_null() {
            Ok(default)
        } else {
            vm.truthy(v)
        }
    };
    let topdown = flag(vm, &bound[1], true)?;
    let followlinks = flag(vm, &bound[3], false)?;
    let onerror = if bound[2].is_null() {
        Value::NONE
    } else {
        bound[2].clone()
    };
    let state = WalkState {
        stack: RefCell::new(vec![WalkStep::Visit(top)]),
        pending: RefCell::new(None),
        topdown,
        onerror,
        followlinks,
    };
    let ty = vm.native_type("os._walk")?;
    Ok(vm.new_native_full(&ty, state, Some(walk_next), false))
}

fn is_link(path: &str) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

fn walk_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let Some(state) = native_state::<WalkState>(it) else {
        return Ok(None);
    };
    loop {
        let pending = state.pending.borrow_mut().take();
        if let Some((top, dirs)) = pending {
            let names = vm.collect_iterable(&dirs)?;
            let mut stack = state.stack.borrow_mut();
            for name in names.iter().rev() {
                let Some(name) = name.as_str() else { continue };
                let path = join(&top, name);
                if state.followlinks || !is_link(&path) {
                    stack.push(WalkStep::Visit(path));
                }
            }
        }
        let step = state.stack.borrow_mut().pop();
        let top = match step {
            None => return Ok(None),
            Some(WalkStep::Emit(v)) => return Ok(Some(v)),
            Some(WalkStep::Visit(top)) => top,
        };
        let entries = match read_entries(&top) {
            Ok(e) => e,
            Err(e) => {
                if !state.onerror.is_none() {
                    let err = os_error(vm, &e, &top);
                    let exc = vm.exception_object(err);
                    vm.call(&state.onerror, &[exc])?;
                }
                continue;
            }
        };
        let (mut dirs, mut files, mut walk_into) = (Vec::new(), Vec::new(), Vec::new());
        for e in &entries {
            let is_dir = followed_type(e, true).is_some_and(|t| t.is_dir());
            let name = vm.new_str(&e.name);
            if is_dir {
                dirs.push(name);
                if !state.topdown && (state.followlinks || !is_symlink(e)) {
                    walk_into.push(e.path.clone());
                }
            } else {
                files.push(name);
            }
        }
        let dirs = vm.new_list(dirs);
        let files = vm.new_list(files);
        let top_value = vm.new_str(&top);
        let triple = vm.new_tuple(vec![top_value, dirs.clone(), files]);
        if state.topdown {
            *state.pending.borrow_mut() = Some((top, dirs));
            return Ok(Some(triple));
        }
        let mut stack = state.stack.borrow_mut();
        stack.push(WalkStep::Emit(triple));
        for path in walk_into.into_iter().rev() {
            stack.push(WalkStep::Visit(path));
        }
    }
}

impl NativeState for DirEntryState {}

impl NativeState for ScandirState {}

impl NativeState for WalkState {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(stack) = self.stack.try_borrow() {
            for step in stack.iter() {
                if let WalkStep::Emit(v) = step {
                    visit(v);
                }
            }
        }
        if let Ok(pending) = self.pending.try_borrow()
            && let Some((_, v)) = &*pending
        {
            visit(v);
        }
        visit(&self.onerror);
    }
}
