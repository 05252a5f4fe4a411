//! Classes: `__build_class__` (running the class body in a fresh namespace), `type(name,
//! bases, ns)` with C3 linearization and layout checks, instance construction through
//! `__new__` and `__init__` with CPython's argument rules, and zero-argument `super()`.

use std::cell::{Cell, RefCell};

use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::runtime::typecheck::type_name_of;
use crate::types::typeobj::{Layout, TypeData, type_flags};
use crate::vm::Vm;

/// `cls(*args, **kwargs)` for a class whose construction is not a builtin shortcut.
pub fn construct_instance(vm: &mut Vm, cls: &Value, args: Args<'_>) -> PyResult<Value> {
    let new = vm.lookup_type_attr(cls, "__new__");
    let obj = match new.as_ref().map(unwrap_static) {
        Some(f) if !is_object_new(&f) => {
            let mut all = Vec::with_capacity(args.values.len() + 1);
            all.push(cls.clone());
            all.extend(args.values.iter().cloned());
            vm.call_args(
                &f,
                Args {
                    values: &all,
                    kwnames: args.kwnames,
                },
            )?
        }
        _ => object_new_impl(vm, cls, args)?,
    };
    if !vm.is_instance(&obj, cls) {
        return Ok(obj);
    }
    let init = vm.lookup_type_attr(cls, "__init__");
    if let Some(init) = init
        && !is_object_init(&init)
    {
        let mut all = Vec::with_capacity(args.values.len() + 1);
        all.push(obj.clone());
        all.extend(args.values.iter().cloned());
        let r = vm.call_args(
            &init,
            Args {
                values: &all,
                kwnames: args.kwnames,
            },
        )?;
        if !r.is_none() {
            return Err(PyErr::type_error(format!(
                "__init__() should return None, not '{}'",
                vm.type_name(&r)
            )));
        }
    }
    Ok(obj)
}

fn unwrap_static(v: &Value) -> Value {
    match v.payload() {
        Some(Payload::StaticMethod(f)) => f.clone(),
        _ => v.clone(),
    }
}

/// Whether a `__new__` found on a class (possibly wrapped in `staticmethod`) is
/// `object.__new__`.
pub(crate) fn is_object_new_descriptor(f: &Value) -> bool {
    is_object_new(&unwrap_static(f))
}

fn is_object_new(f: &Value) -> bool {
    matches!(f.payload(), Some(Payload::BuiltinFunction(b)) if b.name == "__new__" && b.doc == "object.__new__")
}

fn is_object_init(f: &Value) -> bool {
    matches!(f.payload(), Some(Payload::BuiltinFunction(b)) if b.name == "__init__" && b.doc == "object.__init__")
}

/// `object.__new__(cls, *args)`: allocates an instance with the layout of `cls`'s solid
/// base (builtin bases construct themselves from the arguments).
pub fn object_new_impl(vm: &mut Vm, cls: &Value, args: Args<'_>) -> PyResult<Value> {
    let Some(data) = cls.as_type_data() else {
        return Err(PyErr::type_error(
            "object.__new__(X): X is not a type object",
        ));
    };
    if data.has_flag(type_flags::IS_ABSTRACT) {
        return Err(abstract_instantiation_error(vm, cls));
    }
    if data.layout == Layout::Object {
        if !args.values.is_empty() {
            let init_overridden = vm
                .lookup_type_attr(cls, "__init__")
                .is_some_and(|i| !is_object_init(&i));
            if !init_overridden {
                return Err(PyErr::type_error(format!(
                    "{}() takes no arguments",
                    data.name.borrow()
                )));
            }
        }
        return Ok(vm.new_instance(cls));
    }
    // A subclass of a builtin: let the builtin base's constructor build it with `cls`.
    for base in vm.mro(cls) {
        if let Some(bd) = base.as_type_data()
            && !bd.has_flag(type_flags::HEAPTYPE)
            && let Some(ctor) = bd.constructor.get()
        {
            let mut all = Vec::with_capacity(args.values.len() + 1);
            all.push(cls.clone());
            all.extend(args.values.iter().cloned());
            return ctor(
                vm,
                Args {
                    values: &all,
                    kwnames: args.kwnames,
                },
            );
        }
    }
    Err(PyErr::type_error(format!(
        "cannot create '{}' instances",
        data.name.borrow()
    )))
}

/// "Can't instantiate abstract class X without an implementation for abstract method(s)
/// 'a', 'b'" (names sorted, as CPython lists them).
fn abstract_instantiation_error(vm: &mut Vm, cls: &Value) -> PyErr {
    let name = cls
        .as_type_data()
        .map(|d| d.name.borrow().clone())
        .unwrap_or_default();
    let methods = vm
        .lookup_type_attr(cls, "__abstractmethods__")
        .and_then(|m| vm.collect_iterable(&m).ok())
        .unwrap_or_default();
    let mut names: Vec<String> = methods
        .iter()
        .filter_map(|m| m.as_str().map(str::to_string))
        .collect();
    names.sort();
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    PyErr::type_error(format!(
        "Can't instantiate abstract class {name} without an implementation for abstract method{} {}",
        if names.len() == 1 { "" } else { "s" },
        quoted.join(", ")
    ))
}

/// `object.__new__` as a builtin.
pub fn object_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(cls) = args.positional().first().cloned() else {
        return Err(PyErr::type_error("object.__new__(): not enough arguments"));
    };
    if !vm.is_type(&cls) {
        return Err(PyErr::type_error(format!(
            "object.__new__(X): X is not a type object ({})",
            vm.type_name(&cls)
        )));
    }
    let rest = Args {
        values: &args.values[1..],
        kwnames: args.kwnames,
    };
    // Arguments were meant for `__init__` when it is overridden.
    let init_overridden = vm
        .lookup_type_attr(&cls, "__init__")
        .is_some_and(|i| !is_object_init(&i));
    let is_object_layout = cls
        .as_type_data()
        .is_some_and(|d| d.layout == Layout::Object);
    if is_object_layout && !rest.values.is_empty() {
        // CPython's object_new: extra arguments are an error when `__new__` is
        // overridden (they were passed on explicitly) or nothing else takes them.
        let new_overridden = vm
            .lookup_type_attr(&cls, "__new__")
            .is_some_and(|n| !is_object_new(&unwrap_static(&n)));
        if new_overridden {
            return Err(PyErr::type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if !init_overridden {
            return Err(PyErr::type_error(format!(
                "{}() takes no arguments",
                type_name_of(&cls)
            )));
        }
    }
    if init_overridden || rest.values.is_empty() {
        return object_new_impl(
            vm,
            &cls,
            Args {
                values: &[],
                kwnames: &[],
            },
        )
        .or_else(|_| object_new_impl(vm, &cls, rest));
    }
    object_new_impl(vm, &cls, rest)
}

/// `object.__init__(self, *args)`.
pub fn object_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if args.values.len() > 1 {
        let this = &args.values[0];
        let ty = vm.type_of(this);
        let init_overridden = vm
            .lookup_type_attr(&ty, "__init__")
            .is_some_and(|i| !is_object_init(&i));
        let new_overridden = vm
            .lookup_type_attr(&ty, "__new__")
            .is_some_and(|n| !is_object_new(&unwrap_static(&n)));
        if init_overridden || !new_overridden {
            return Err(PyErr::type_error(if init_overridden {
                "object.__init__() takes exactly one argument (the instance to initialize)"
                    .to_string()
            } else {
                format!(
                    "{}.__init__() takes exactly one argument (the instance to initialize)",
                    type_name_of(&ty)
                )
            }));
        }
    }
    Ok(Value::NONE)
}

/// PEP 560: a base that is not a class but has `__mro_entries__` is replaced by the
/// classes that method returns (`class C(List[int])` derives from `list`).
fn resolve_mro_entries(vm: &mut Vm, bases: &[Value]) -> PyResult<Vec<Value>> {
    if bases.iter().all(|b| vm.is_type(b)) {
        return Ok(bases.to_vec());
    }
    let orig = vm.new_tuple(bases.to_vec());
    let mut out = Vec::with_capacity(bases.len());
    for base in bases {
        if vm.is_type(base) {
            out.push(base.clone());
            continue;
        }
        match vm.getattr_opt(base, "__mro_entries__")? {
            Some(hook) => {
                let entries = vm.call(&hook, &[orig.clone()])?;
                match entries.payload() {
                    Some(Payload::Tuple(items)) => out.extend(items.iter().cloned()),
                    _ => {
                        return Err(PyErr::type_error("__mro_entries__ must return a tuple"));
                    }
                }
            }
            None => out.push(base.clone()),
        }
    }
    Ok(out)
}

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
pub fn build_class(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.positional();
    if pos.len() < 2 {
        return Err(PyErr::type_error("__build_class__: not enough arguments"));
    }
    let func = pos[0].clone();
    let name = pos[1].clone();
    if func.as_function().is_none() {
        return Err(PyErr::type_error(
            "__build_class__: func must be a function",
        ));
    }
    if name.as_pystr().is_none() {
        return Err(PyErr::type_error("__build_class__: name is not a string"));
    }
    let orig_bases: Vec<Value> = pos[2..].to_vec();
    let bases = resolve_mro_entries(vm, &orig_bases)?;
    let bases_changed =
        bases.len() != orig_bases.len() || bases.iter().zip(&orig_bases).any(|(a, b)| !a.is(b));
    let mut metaclass = args.keyword("metaclass").cloned();
    let kw_names: Vec<Value> = args
        .kwnames
        .iter()
        .filter(|k| k.as_str() != Some("metaclass"))
        .cloned()
        .collect();
    let kw_values: Vec<Value> = args
        .keywords()
        .filter(|(k, _)| *k != "metaclass")
        .map(|(_, v)| v.clone())
        .collect();
    let explicit_meta = metaclass.is_some();
    let mut meta = match metaclass.take() {
        Some(m) => m,
        None => match bases.first() {
            Some(b) => vm.type_of(b),
            None => vm.types.type_.clone(),
        },
    };
    if vm.is_type(&meta) {
        meta = calculate_metaclass(vm, &meta, &bases)?;
    }
    let _ = explicit_meta;
    let bases_tuple = vm.new_tuple(bases.clone());
    let ns = match vm.getattr_opt(&meta, "__prepare__")? {
        Some(prepare)
            if !vm.is_exact_builtin(&prepare)
                || !matches!(prepare.payload(), Some(Payload::BuiltinFunction(_))) =>
        {
            let mut a = vec![name.clone(), bases_tuple.clone()];
            a.extend(kw_values.iter().cloned());
            vm.call_args(
                &prepare,
                Args {
                    values: &a,
                    kwnames: &kw_names,
                },
            )?
        }
        _ => vm.new_dict(),
    };
    if ns.as_dict().is_none() && vm.lookup_special(&ns, "__getitem__").is_none() {
        let meta_name = match meta.as_type_data() {
            Some(d) => d.name.borrow().clone(),
            None => "<metaclass>".to_string(),
        };
        return Err(PyErr::type_error(format!(
            "{meta_name}.__prepare__() must return a mapping, not {}",
            vm.type_name(&ns)
        )));
    }
    vm.push_function_frame(
        &func,
        Args {
            values: &[],
            kwnames: &[],
        },
        None,
    )?;
    if let Some(frame) = vm.frames.last_mut() {
        frame.locals = ns.clone();
    }
    let body_result = vm.run_frame()?;
    if bases_changed {
        let orig = vm.new_tuple(orig_bases);
        let key = vm.new_str("__orig_bases__");
        vm.setitem(&ns, &key, orig)?;
    }
    let mut call_args = vec![name, bases_tuple, ns.clone()];
    call_args.extend(kw_values);
    let cls = vm.call_args(
        &meta,
        Args {
            values: &call_args,
            kwnames: &kw_names,
        },
    )?;
    if let Some(Payload::Cell(cell)) = body_result.payload() {
        let old = cell.replace(cls.clone());
        drop(old);
    } else if let Some(cell) = vm.mapping_lookup(&ns, &vm.new_str("__classcell__"))?
        && let Some(Payload::Cell(c)) = cell.payload()
    {
        let old = c.replace(cls.clone());
        drop(old);
    }
    Ok(cls)
}

/// The most derived metaclass among `meta` and the bases' types.
fn calculate_metaclass(vm: &mut Vm, meta: &Value, bases: &[Value]) -> PyResult<Value> {
    let mut winner = meta.clone();
    for base in bases {
        let bt = vm.type_of(base);
        if vm.is_subtype(&winner, &bt) {
            continue;
        }
        if vm.is_subtype(&bt, &winner) {
            winner = bt;
            continue;
        }
        return Err(PyErr::type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// `type(name, bases, ns)` / `type.__new__(meta, name, bases, ns)`.
pub fn type_new(
    vm: &mut Vm,
    meta: &Value,
    name: &Value,
    bases: &Value,
    ns: &Value,
) -> PyResult<Value> {
    type_new_kw(
        vm,
        meta,
        name,
        bases,
        ns,
        Args {
            values: &[],
            kwnames: &[],
        },
    )
}

/// `type_new` with the class statement's keywords (`class C(B, flag=1)`), which are
/// passed on to the parent's `__init_subclass__`.
pub fn type_new_kw(
    vm: &mut Vm,
    meta: &Value,
    name: &Value,
    bases: &Value,
    ns: &Value,
    kw: Args<'_>,
) -> PyResult<Value> {
    let Some(name_text) = name.as_str().map(str::to_string) else {
        return Err(PyErr::type_error(format!(
            "type.__new__() argument 1 must be str, not {}",
            vm.type_name(name)
        )));
    };
    let Some(bases) = bases.as_tuple().map(<[Value]>::to_vec) else {
        return Err(PyErr::type_error(format!(
            "type.__new__() argument 2 must be tuple, not {}",
            vm.type_name(bases)
        )));
    };
    if ns.as_dict().is_none() {
        return Err(PyErr::type_error(format!(
            "type.__new__() argument 3 must be dict, not {}",
            vm.type_name(ns)
        )));
    }
    if !vm.is_subtype(meta, &vm.types.type_.clone()) {
        return Err(PyErr::type_error(format!(
            "type.__new__({}): {} is not a subtype of type",
            type_name_of(meta),
            type_name_of(meta)
        )));
    }
    let bases = if bases.is_empty() {
        vec![vm.types.object.clone()]
    } else {
        bases
    };
    calculate_metaclass(vm, meta, &bases)?;
    for b in &bases {
        match b.as_type_data() {
            None => return Err(PyErr::type_error("bases must be types".to_string())),
            Some(bd) if !bd.has_flag(type_flags::BASETYPE) => {
                return Err(PyErr::type_error(format!(
                    "type '{}' is not an acceptable base type",
                    crate::runtime::typecheck::type_name_of(b)
                )));
            }
            _ => {}
        }
    }
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|x| x.is(b)) {
            return Err(PyErr::type_error(format!(
                "duplicate base class {}",
                type_name_of(b)
            )));
        }
    }
    let mro_tail = c3_linearize(vm, &bases)?;
    let mut layout = Layout::Object;
    for b in &mro_tail {
        if let Some(bd) = b.as_type_data()
            && bd.layout != Layout::Object
            && bd.layout != Layout::Other
        {
            if layout == Layout::Object {
                layout = bd.layout;
            } else if layout != bd.layout && !(layout == Layout::Int && bd.layout == Layout::Int) {
                return Err(PyErr::type_error(
                    "multiple bases have instance lay-out conflict",
                ));
            }
        }
    }
    let dict = vm.dict_copy(ns)?;
    // Annotation scopes read class-level names through this cell: point it at the
    // class's own dict, so attributes added later are visible to deferred annotations.
    let classdict_key = vm.new_str("__classdictcell__");
    if let Some(cell) = vm.dict_remove(&dict, &classdict_key)?
        && let Some(Payload::Cell(c)) = cell.payload()
    {
        let old = c.replace(dict.clone());
        drop(old);
    }
    let qualname = match vm.dict_get_str(&dict, "__qualname__") {
        Some(q) => {
            let key = vm.new_str("__qualname__");
            vm.dict_remove(&dict, &key)?;
            q.as_str()
                .map(str::to_string)
                .unwrap_or_else(|| name_text.clone())
        }
        None => name_text.clone(),
    };
    if vm.dict_get_str(&dict, "__module__").is_none() {
        let globals = vm.frames.last().map(|f| f.globals.clone());
        if let Some(g) = globals
            && let Some(m) = vm.dict_get_str(&g, "__name__")
        {
            vm.set_item_str(&dict, "__module__", m)?;
        }
    }
    let slots = crate::interp::slots::SlotsLayout::compute(
        vm,
        &name_text,
        &bases,
        &dict,
        layout == Layout::Object,
    )?;
    // Every class has `__doc__` in its dict (None without a docstring), last, as in CPython.
    if vm.dict_get_str(&dict, "__doc__").is_none() {
        vm.set_item_str(&dict, "__doc__", Value::NONE)?;
    }
    let mut flags = type_flags::HEAPTYPE | type_flags::BASETYPE;
    if slots.has_dict {
        flags |= type_flags::HAS_DICT;
    }
    if vm.dict_get_str(&dict, "__eq__").is_some() && vm.dict_get_str(&dict, "__hash__").is_none() {
        vm.set_item_str(&dict, "__hash__", Value::NONE)?;
        flags |= type_flags::UNHASHABLE;
    }
    for special in ["__new__"] {
        if let Some(f) = vm.dict_get_str(&dict, special)
            && f.as_function().is_some()
        {
            let wrapped = Value::alloc(&vm.types.staticmethod, Payload::StaticMethod(f));
            vm.set_item_str(&dict, special, wrapped)?;
        }
    }
    for special in ["__init_subclass__", "__class_getitem__"] {
        if let Some(f) = vm.dict_get_str(&dict, special)
            && f.as_function().is_some()
        {
            let wrapped = Value::alloc(&vm.types.classmethod, Payload::ClassMethod(f));
            vm.set_item_str(&dict, special, wrapped)?;
        }
    }
    let data = TypeData {
        name: RefCell::new(name_text),
        qualname: RefCell::new(qualname),
        bases: RefCell::new(bases.clone()),
        mro_tail: RefCell::new(mro_tail),
        dict: dict.clone(),
        layout,
        flags: Cell::new(flags),
        tag: crate::types::typeobj::TypeTag::new(),
        nslots: Cell::new(slots.nslots),
        constructor: Cell::new(None),
    };
    for b in &bases {
        if let Some(bd) = b.as_type_data() {
            bd.add_subclass(&data);
        }
    }
    let cls = Value::alloc(meta, Payload::Type(Box::new(data)));
    for b in &bases {
        vm.add_subclass(b, &cls);
    }
    if let Some(d) = cls.as_type_data() {
        if vm.lookup_type_attr(&cls, "__del__").is_some() {
            d.flags.set(d.flags.get() | type_flags::HAS_FINALIZER);
        }
        if vm
            .lookup_type_attr(&cls, "__getattribute__")
            .is_some_and(|g| !crate::runtime::protocol::is_builtin_named(&g, "__getattribute__"))
        {
            d.flags.set(d.flags.get() | type_flags::CUSTOM_GETATTRIBUTE);
        }
    }
    // __set_name__ on attributes, then the parent's __init_subclass__.
    let items = dict
        .as_dict()
        .map(|t| t.borrow().items())
        .unwrap_or_default();
    for (k, v) in items {
        // `__slots__` members learn their class (`__objclass__`).
        if let Some(Payload::Member(m)) = v.payload()
            && m.owner_type.borrow().is_null()
        {
            *m.owner_type.borrow_mut() = cls.clone();
        }
        if (!vm.is_exact_builtin(&v) || matches!(v.payload(), Some(Payload::Property(_))))
            && let Some(set_name) = vm.lookup_special(&v, "__set_name__")
            && let Err(err) = vm.call(&set_name, &[v.clone(), cls.clone(), k.clone()])
        {
            let note = format!(
                "Error calling __set_name__ on '{}' instance {} in '{}'",
                vm.type_name(&v),
                vm.repr(&k).unwrap_or_default(),
                type_name_of(&cls)
            );
            return Err(add_note(vm, err, &note));
        }
    }
    // `super(cls, cls).__init_subclass__(**kw)`: the first definition after `cls` in its MRO.
    let mro_tail = cls
        .as_type_data()
        .map(|d| d.mro_tail.borrow().clone())
        .unwrap_or_default();
    let init_sub = mro_tail.iter().find_map(|t| {
        t.as_type_data()
            .and_then(|d| vm.dict_get_str(&d.dict, "__init_subclass__"))
    });
    if let Some(init_sub) = &init_sub
        && !matches!(init_sub.payload(), Some(Payload::ClassMethod(_)))
        && !kw.kwnames.is_empty()
    {
        return Err(PyErr::type_error(format!(
            "{}.__init_subclass__() takes no keyword arguments",
            type_name_of(&cls)
        )));
    }
    if let Some(init_sub) = init_sub
        && let Some(Payload::ClassMethod(f)) = init_sub.payload()
    {
        let f = f.clone();
        let mut all = Vec::with_capacity(kw.values.len() + 1);
        all.push(cls.clone());
        all.extend(kw.values.iter().cloned());
        vm.call_args(
            &f,
            Args {
                values: &all,
                kwnames: kw.kwnames,
            },
        )?;
    }
    Ok(cls)
}

/// C3 linearization of `bases` (the MRO without the new class itself).
pub fn c3_linearize(vm: &mut Vm, bases: &[Value]) -> PyResult<Vec<Value>> {
    let mut seqs: Vec<Vec<Value>> = bases.iter().map(|b| vm.mro(b)).collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Value> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let candidate = seqs.iter().find_map(|s| {
            let head = &s[0];
            let in_tail = seqs.iter().any(|t| t[1..].iter().any(|x| x.is(head)));
            if in_tail { None } else { Some(head.clone()) }
        });
        let Some(c) = candidate else {
            // CPython names the heads left in the merge, each once.
            let mut heads: Vec<Value> = Vec::new();
            for s in &seqs {
                if !heads.iter().any(|h| h.is(&s[0])) {
                    heads.push(s[0].clone());
                }
            }
            let names: Vec<String> = heads.iter().map(type_name_of).collect();
            return Err(PyErr::type_error(format!(
                "Cannot create a consistent method resolution order (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in &mut seqs {
            if s[0].is(&c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

/// `super().name` inside a method of `class` called on `receiver`.
pub fn super_getattr(vm: &mut Vm, class: &Value, receiver: &Value, name: &str) -> PyResult<Value> {
    let start_type = if vm.is_type(receiver) && vm.is_subtype(receiver, class) {
        receiver.clone()
    } else {
        vm.type_of(receiver)
    };
    if !vm.is_subtype(&start_type, class) {
        return Err(PyErr::type_error(
            "super(type, obj): obj must be an instance or subtype of type",
        ));
    }
    let mro = vm.mro(&start_type);
    let pos = mro
        .iter()
        .position(|t| t.is(class))
        .map(|p| p + 1)
        .unwrap_or(mro.len());
    for ty in &mro[pos..] {
        if let Some(data) = ty.as_type_data()
            && let Some(attr) = vm.dict_get_str(&data.dict, name)
        {
            let instance = if vm.is_type(receiver) && receiver.is(&start_type) {
                Value::NONE
            } else {
                receiver.clone()
            };
            return match attr.payload() {
                Some(Payload::Function(_)) if instance.is_none() => Ok(attr),
                Some(Payload::ClassMethod(f)) => {
                    Ok(vm.new_bound_method(f.clone(), start_type.clone()))
                }
                Some(Payload::StaticMethod(f)) => Ok(f.clone()),
                _ if instance.is_none() => Ok(attr),
                _ => vm.descriptor_get(&attr, &instance, &start_type),
            };
        }
    }
    Err(PyErr::new(
        ExcKind::AttributeError,
        format!("'super' object has no attribute '{name}'"),
    ))
}

/// Appends `note` to the exception's `__notes__` (creating the list), as `add_note` does.
fn add_note(vm: &mut Vm, err: PyErr, note: &str) -> PyErr {
    let exc = vm.exception_object(err);
    if let Some(dict) = vm.instance_dict_or_create(&exc) {
        let notes = match vm.dict_get_str(&dict, "__notes__") {
            Some(n) if n.as_list().is_some() => n,
            _ => {
                let n = vm.new_list(Vec::new());
                if vm.set_item_str(&dict, "__notes__", n.clone()).is_err() {
                    return PyErr::from_object(exc);
                }
                n
            }
        };
        if let Some(list) = notes.as_list() {
            list.borrow_mut().push(vm.new_str(note));
        }
    }
    PyErr::from_object(exc)
}
