//! `collections.deque`: a double-ended queue on a `VecDeque`, with an optional maximum
//! length (appending to a full deque drops items from the other end), and its forward and
//! reverse iterators. Every structural change bumps `state`, so iterators (and `count`,
//! `remove`, `in`) detect a deque mutated under them as CPython does.

use std::cell::RefCell;
use std::collections::VecDeque;

use crate::builtins::object::util::{bad_receiver, borrow, borrow_mut, clamp_index, opt, rest};
use crate::bytecode::CompareOp;
use crate::interp::args::{ArgSpec, Args};
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::numbers::as_int;
use crate::types::function::NativeFn;
use crate::types::payload::PropertyData;
use crate::vm::Vm;

/// The payload of deques and deque iterators.
pub enum DequeObject {
    Deque(RefCell<DequeData>),
    Iter(RefCell<DequeIter>),
}

pub struct DequeData {
    pub items: VecDeque<Value>,
    pub maxlen: Option<usize>,
    /// Bumped by every change that moves items (not by `d[i] = x`).
    pub state: u64,
}

pub struct DequeIter {
    deque: Value,
    /// Position from the front (forward) or from the back (reverse).
    index: usize,
    /// Items left to yield; 0 once exhausted or after a mutation error.
    counter: usize,
    state: u64,
    reverse: bool,
}

impl DequeIter {
    /// The deque being iterated (for the cycle collector).
    pub fn deque(&self) -> &Value {
        &self.deque
    }
}

impl DequeData {
    fn push_back(&mut self, v: Value) {
        self.items.push_back(v);
        self.state += 1;
        if let Some(m) = self.maxlen {
            while self.items.len() > m {
                self.items.pop_front();
            }
        }
    }

    fn push_front(&mut self, v: Value) {
        self.items.push_front(v);
        self.state += 1;
        if let Some(m) = self.maxlen {
            while self.items.len() > m {
                self.items.pop_back();
            }
        }
    }
}

/// Creates the `deque` type and its two iterator types.
pub fn make_types(vm: &mut Vm) -> (Value, Value, Value) {
    let deque = crate::runtime::types::new_native_type(vm, "deque", "collections", true);
    vm.set_constructor(&deque, deque_new);
    let methods: &[(&'static str, NativeFn)] = &[
        ("__init__", deque_init),
        ("append", deque_append),
        ("appendleft", deque_appendleft),
        ("pop", deque_pop),
        ("popleft", deque_popleft),
        ("extend", deque_extend),
        ("extendleft", deque_extendleft),
        ("clear", deque_clear),
        ("copy", deque_copy),
        ("__copy__", deque_copy),
        ("count", deque_count),
        ("index", deque_index),
        ("insert", deque_insert),
        ("remove", deque_remove),
        ("reverse", deque_reverse),
        ("rotate", deque_rotate),
        ("__len__", deque_len),
        ("__getitem__", deque_getitem),
        ("__setitem__", deque_setitem),
        ("__delitem__", deque_delitem),
        ("__contains__", deque_contains),
        ("__iter__", deque_iter),
        ("__reversed__", deque_reversed),
        ("__repr__", deque_repr),
        ("__eq__", deque_eq),
        ("__ne__", deque_ne),
        ("__lt__", deque_lt),
        ("__le__", deque_le),
        ("__gt__", deque_gt),
        ("__ge__", deque_ge),
        ("__add__", deque_add),
        ("__iadd__", deque_iadd),
        ("__mul__", deque_mul),
        ("__rmul__", deque_mul),
        ("__imul__", deque_imul),
        ("__reduce__", deque_reduce),
    ];
    for (name, f) in methods {
        vm.add_method(&deque, name, *f);
    }
    vm.set_type_attr(&deque, "__hash__", Value::NONE);
    let getter = vm.new_builtin_function("maxlen", deque_maxlen, Value::NULL);
    let prop = Value::alloc(
        &vm.types.property,
        Payload::Property(PropertyData {
            getter,
            setter: Value::NONE,
            deleter: Value::NONE,
            doc: Value::NONE,
            name: Default::default(),
        }),
    );
    vm.set_type_attr(&deque, "maxlen", prop);
    let iter = crate::runtime::types::new_native_type(vm, "_deque_iterator", "collections", false);
    let reviter =
        crate::runtime::types::new_native_type(vm, "_deque_reverse_iterator", "collections", false);
    for ty in [&iter, &reviter] {
        vm.add_method(ty, "__next__", iter_next);
        vm.add_method(ty, "__iter__", iter_self);
        vm.add_method(ty, "__length_hint__", iter_length_hint);
    }
    (deque, iter, reviter)
}

fn data(v: &Value) -> Option<&RefCell<DequeData>> {
    match v.payload() {
        Some(Payload::Deque(d)) => match &**d {
            DequeObject::Deque(cell) => Some(cell),
            DequeObject::Iter(_) => None,
        },
        _ => None,
    }
}

fn this<'a>(
    vm: &Vm,
    args: &Args<'a>,
    method: &str,
) -> PyResult<(&'a Value, &'a RefCell<DequeData>)> {
    match args.values.first() {
        Some(v) => match data(v) {
            Some(d) => Ok((v, d)),
            None => Err(bad_receiver(vm, method, "collections.deque", Some(v))),
        },
        None => Err(bad_receiver(vm, method, "collections.deque", None)),
    }
}

fn new_deque(cls: &Value, items: VecDeque<Value>, maxlen: Option<usize>) -> Value {
    Value::alloc(
        cls,
        Payload::Deque(Box::new(DequeObject::Deque(RefCell::new(DequeData {
            items,
            maxlen,
            state: 0,
        })))),
    )
}

fn parse_maxlen(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => {
            let n = int_arg(vm, v)?;
            if n < 0 {
                return Err(PyErr::value_error("maxlen must be non-negative"));
            }
            Ok(Some(n as usize))
        }
    }
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(i) = v.as_small_int() {
        return Ok(i);
    }
    if as_int(v).is_none() && vm.lookup_special(v, "__index__").is_none() {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        )));
    }
    vm.index_i64(v)
}

const INIT_SPEC: ArgSpec<'static> = ArgSpec {
    fname: "deque",
    names: &["iterable", "maxlen"],
    posonly: 0,
    required: 0,
    kwonly_from: 2,
};

/// `deque(iterable=(), maxlen=None)`; subclasses are filled by `__init__` afterwards.
fn deque_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(cls) = args.values.first().cloned() else {
        return Err(PyErr::type_error("deque(): not enough arguments"));
    };
    let obj = new_deque(&cls, VecDeque::new(), None);
    let exact = cls
        .as_type_data()
        .is_some_and(|d| !d.has_flag(crate::types::typeobj::type_flags::HEAPTYPE));
    if exact {
        let mut all = vec![obj.clone()];
        all.extend(rest(&args).values.iter().cloned());
        deque_init(
            vm,
            Args {
                values: &all,
                kwnames: args.kwnames,
            },
        )?;
    }
    Ok(obj)
}

fn deque_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (obj, d) = this(vm, &args, "__init__")?;
    let bound = INIT_SPEC.bind(&rest(&args))?;
    let maxlen = parse_maxlen(vm, opt(&bound[1]))?;
    {
        let mut dd = borrow_mut(d)?;
        dd.maxlen = maxlen;
        if !dd.items.is_empty() {
            dd.items.clear();
            dd.state += 1;
        }
    }
    if let Some(it) = opt(&bound[0]) {
        extend(vm, obj, d, it, false)?;
    }
    Ok(Value::NONE)
}

fn deque_maxlen(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "maxlen")?;
    let m = borrow(d)?.maxlen;
    Ok(match m {
        Some(m) => vm.new_int(m as i64),
        None => Value::NONE,
    })
}

fn deque_append(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "append")?;
    let pos = rest(&args).exact("append", 1)?;
    borrow_mut(d)?.push_back(pos[0].clone());
    Ok(Value::NONE)
}

fn deque_appendleft(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "appendleft")?;
    let pos = rest(&args).exact("appendleft", 1)?;
    borrow_mut(d)?.push_front(pos[0].clone());
    Ok(Value::NONE)
}

fn pop_end(vm: &mut Vm, args: Args<'_>, name: &str, front: bool) -> PyResult<Value> {
    let (_, d) = this(vm, &args, name)?;
    rest(&args).exact(name, 0)?;
    let mut dd = borrow_mut(d)?;
    let item = if front {
        dd.items.pop_front()
    } else {
        dd.items.pop_back()
    };
    match item {
        Some(v) => {
            dd.state += 1;
            Ok(v)
        }
        None => Err(PyErr::index_error("pop from an empty deque")),
    }
}

fn deque_pop(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pop_end(vm, args, "pop", false)
}

fn deque_popleft(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pop_end(vm, args, "popleft", true)
}

/// Appends every item of `iterable` (a copy first when it is the deque itself).
fn extend(
    vm: &mut Vm,
    obj: &Value,
    d: &RefCell<DequeData>,
    iterable: &Value,
    left: bool,
) -> PyResult<()> {
    if iterable.is(obj) {
        let items: Vec<Value> = borrow(d)?.items.iter().cloned().collect();
        let mut dd = borrow_mut(d)?;
        for v in items {
            if left {
                dd.push_front(v);
            } else {
                dd.push_back(v);
            }
        }
        return Ok(());
    }
    let it = vm.iter(iterable)?;
    while let Some(v) = vm.next(&it)? {
        let mut dd = borrow_mut(d)?;
        if left {
            dd.push_front(v);
        } else {
            dd.push_back(v);
        }
    }
    Ok(())
}

fn deque_extend(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (obj, d) = this(vm, &args, "extend")?;
    let pos = rest(&args).exact("extend", 1)?;
    extend(vm, obj, d, &pos[0], false)?;
    Ok(Value::NONE)
}

fn deque_extendleft(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (obj, d) = this(vm, &args, "extendleft")?;
    let pos = rest(&args).exact("extendleft", 1)?;
    extend(vm, obj, d, &pos[0], true)?;
    Ok(Value::NONE)
}

fn deque_clear(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "clear")?;
    rest(&args).exact("clear", 0)?;
    let old = {
        let mut dd = borrow_mut(d)?;
        dd.state += 1;
        std::mem::take(&mut dd.items)
    };
    drop(old);
    Ok(Value::NONE)
}

fn is_exact(vm: &Vm, obj: &Value) -> bool {
    let ty = vm.type_of(obj);
    ty.as_type_data()
        .is_some_and(|t| !t.has_flag(crate::types::typeobj::type_flags::HEAPTYPE))
}

/// A copy of the deque: direct for `deque` itself, `type(d)(d[, maxlen])` for subclasses.
fn copy_of(vm: &mut Vm, obj: &Value, d: &RefCell<DequeData>) -> PyResult<Value> {
    let (items, maxlen) = {
        let dd = borrow(d)?;
        (dd.items.clone(), dd.maxlen)
    };
    let ty = vm.type_of(obj);
    if is_exact(vm, obj) {
        return Ok(new_deque(&ty, items, maxlen));
    }
    match maxlen {
        None => vm.call(&ty, &[obj.clone()]),
        Some(m) => {
            let m = vm.new_int(m as i64);
            vm.call(&ty, &[obj.clone(), m])
        }
    }
}

fn deque_copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (obj, d) = this(vm, &args, "copy")?;
    rest(&args).exact("copy", 0)?;
    copy_of(vm, obj, d)
}

fn item_at(d: &RefCell<DequeData>, i: usize, state: u64) -> PyResult<Option<Value>> {
    let dd = borrow(d)?;
    if dd.state != state {
        return Err(PyErr::runtime_error("deque mutated during iteration"));
    }
    Ok(dd.items.get(i).cloned())
}

fn deque_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "count")?;
    let pos = rest(&args).exact("count", 1)?;
    let state = borrow(d)?.state;
    let mut n = 0;
    let mut i = 0;
    while let Some(item) = item_at(d, i, state)? {
        if item.is(&pos[0]) || vm.eq(&item, &pos[0])? {
            n += 1;
        }
        i += 1;
    }
    item_at(d, 0, state)?;
    Ok(vm.new_int(n))
}

fn deque_contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "__contains__")?;
    let pos = rest(&args).exact("__contains__", 1)?;
    let state = borrow(d)?.state;
    let mut i = 0;
    while let Some(item) = item_at(d, i, state)? {
        if item.is(&pos[0]) || vm.eq(&item, &pos[0])? {
            return Ok(Value::TRUE);
        }
        i += 1;
    }
    item_at(d, 0, state)?;
    Ok(Value::FALSE)
}

fn deque_index(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "index")?;
    let pos = rest(&args).range("index", 1, 3)?;
    let len = borrow(d)?.items.len();
    let start = match pos.get(1) {
        Some(v) => clamp_index(slice_index(vm, v)?, len),
        None => 0,
    };
    let stop = match pos.get(2) {
        Some(v) => clamp_index(slice_index(vm, v)?, len),
        None => len,
    };
    let state = borrow(d)?.state;
    let mut i = start;
    while i < stop {
        let Some(item) = item_at(d, i, state)? else {
            break;
        };
        if item.is(&pos[0]) || vm.eq(&item, &pos[0])? {
            item_at(d, 0, state)?;
            return Ok(vm.new_int(i as i64));
        }
        i += 1;
    }
    item_at(d, 0, state)?;
    let r = vm.repr(&pos[0])?;
    Err(PyErr::value_error(format!("{r} is not in deque")))
}

/// An index argument of `index()`: ints (saturating) or `__index__`.
fn slice_index(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(i) = v.as_small_int() {
        return Ok(i);
    }
    if as_int(v).is_none() && vm.lookup_special(v, "__index__").is_none() {
        return Err(PyErr::type_error(
            "slice indices must be integers or have an __index__ method",
        ));
    }
    let iv = vm.index_value(v)?;
    Ok(match as_int(&iv) {
        Some(i) => i
            .to_i64()
            .unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX }),
        None => 0,
    })
}

fn deque_insert(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "insert")?;
    let pos = rest(&args).exact("insert", 2)?;
    let i = int_arg(vm, &pos[0])?;
    let mut dd = borrow_mut(d)?;
    if dd.maxlen == Some(dd.items.len()) {
        return Err(PyErr::index_error("deque already at its maximum size"));
    }
    let at = clamp_index(i, dd.items.len());
    dd.items.insert(at, pos[1].clone());
    dd.state += 1;
    Ok(Value::NONE)
}

fn deque_remove(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "remove")?;
    let pos = rest(&args).exact("remove", 1)?;
    let state = borrow(d)?.state;
    let mut i = 0;
    loop {
        let item = {
            let dd = borrow(d)?;
            if dd.state != state {
                return Err(PyErr::index_error("deque mutated during remove()."));
            }
            dd.items.get(i).cloned()
        };
        let Some(item) = item else { break };
        if item.is(&pos[0]) || vm.eq(&item, &pos[0])? {
            let mut dd = borrow_mut(d)?;
            if dd.state != state {
                return Err(PyErr::index_error("deque mutated during remove()."));
            }
            let removed = dd.items.remove(i);
            dd.state += 1;
            drop(dd);
            drop(removed);
            return Ok(Value::NONE);
        }
        i += 1;
    }
    let r = vm.repr(&pos[0])?;
    Err(PyErr::value_error(format!("{r} is not in deque")))
}

fn deque_reverse(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "reverse")?;
    rest(&args).exact("reverse", 0)?;
    let mut dd = borrow_mut(d)?;
    dd.items.make_contiguous().reverse();
    Ok(Value::NONE)
}

fn deque_rotate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "rotate")?;
    let pos = rest(&args).range("rotate", 0, 1)?;
    let n = match pos.first() {
        Some(v) => int_arg(vm, v)?,
        None => 1,
    };
    let mut dd = borrow_mut(d)?;
    let len = dd.items.len() as i64;
    if len > 1 {
        let k = n.rem_euclid(len) as usize;
        dd.items.rotate_right(k);
    }
    dd.state += 1;
    Ok(Value::NONE)
}

fn deque_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "__len__")?;
    let n = borrow(d)?.items.len();
    Ok(vm.new_int(n as i64))
}

/// A normalized item index, or CPython's messages.
fn item_index(vm: &mut Vm, d: &RefCell<DequeData>, key: &Value) -> PyResult<usize> {
    if as_int(key).is_none() && vm.lookup_special(key, "__index__").is_none() {
        return Err(PyErr::type_error(format!(
            "sequence index must be integer, not '{}'",
            vm.type_name(key)
        )));
    }
    let iv = vm.index_value(key)?;
    let len = borrow(d)?.items.len() as i64;
    let i = match as_int(&iv).and_then(|i| i.to_i64()) {
        Some(i) => i,
        None => {
            return Err(PyErr::index_error("deque index out of range"));
        }
    };
    let i = if i < 0 { i + len } else { i };
    if i < 0 || i >= len {
        return Err(PyErr::index_error("deque index out of range"));
    }
    Ok(i as usize)
}

fn deque_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "__getitem__")?;
    let pos = rest(&args).exact("__getitem__", 1)?;
    let i = item_index(vm, d, &pos[0])?;
    borrow(d)?
        .items
        .get(i)
        .cloned()
        .ok_or_else(|| PyErr::index_error("deque index out of range"))
}

fn deque_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "__setitem__")?;
    let pos = rest(&args).exact("__setitem__", 2)?;
    let i = item_index(vm, d, &pos[0])?;
    let old = {
        let mut dd = borrow_mut(d)?;
        match dd.items.get_mut(i) {
            Some(slot) => std::mem::replace(slot, pos[1].clone()),
            None => return Err(PyErr::index_error("deque index out of range")),
        }
    };
    drop(old);
    Ok(Value::NONE)
}

fn deque_delitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "__delitem__")?;
    let pos = rest(&args).exact("__delitem__", 1)?;
    let i = item_index(vm, d, &pos[0])?;
    let old = {
        let mut dd = borrow_mut(d)?;
        dd.state += 1;
        dd.items.remove(i)
    };
    drop(old);
    Ok(Value::NONE)
}

fn new_iter(vm: &mut Vm, obj: &Value, d: &RefCell<DequeData>, reverse: bool) -> PyResult<Value> {
    let ty = iter_type(vm, reverse)?;
    let dd = borrow(d)?;
    Ok(Value::alloc(
        &ty,
        Payload::Deque(Box::new(DequeObject::Iter(RefCell::new(DequeIter {
            deque: obj.clone(),
            index: 0,
            counter: dd.items.len(),
            state: dd.state,
            reverse,
        })))),
    ))
}

/// The iterator type, kept in the `_collections` module (as CPython's is).
fn iter_type(vm: &mut Vm, reverse: bool) -> PyResult<Value> {
    let name = if reverse {
        "_deque_reverse_iterator"
    } else {
        "_deque_iterator"
    };
    let modules = vm.modules.clone();
    let module = match vm.dict_get_str(&modules, "_collections") {
        Some(m) => m,
        None => vm.import_module("_collections")?,
    };
    vm.getattr_str(&module, name)
}

fn deque_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (obj, d) = this(vm, &args, "__iter__")?;
    rest(&args).exact("__iter__", 0)?;
    new_iter(vm, obj, d, false)
}

fn deque_reversed(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (obj, d) = this(vm, &args, "__reversed__")?;
    rest(&args).exact("__reversed__", 0)?;
    new_iter(vm, obj, d, true)
}

fn iter_state<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a RefCell<DequeIter>> {
    match args.values.first().and_then(|v| v.payload()) {
        Some(Payload::Deque(d)) => match &**d {
            DequeObject::Iter(it) => Ok(it),
            DequeObject::Deque(_) => Err(bad_receiver(
                vm,
                name,
                "_deque_iterator",
                args.values.first(),
            )),
        },
        _ => Err(bad_receiver(
            vm,
            name,
            "_deque_iterator",
            args.values.first(),
        )),
    }
}

fn iter_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let it = iter_state(vm, &args, "__next__")?;
    let mut st = borrow_mut(it)?;
    let deque = st.deque.clone();
    let Some(d) = data(&deque) else {
        return Err(PyErr::stop_iteration());
    };
    let dd = borrow(d)?;
    if dd.state != st.state {
        st.counter = 0;
        return Err(PyErr::runtime_error("deque mutated during iteration"));
    }
    if st.counter == 0 {
        return Err(PyErr::stop_iteration());
    }
    let len = dd.items.len();
    let pos = if st.reverse {
        len.checked_sub(st.index + 1)
    } else {
        Some(st.index)
    };
    let item = pos.and_then(|p| dd.items.get(p).cloned());
    match item {
        Some(v) => {
            st.index += 1;
            st.counter -= 1;
            Ok(v)
        }
        None => {
            st.counter = 0;
            Err(PyErr::stop_iteration())
        }
    }
}

fn iter_self(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    iter_state(vm, &args, "__iter__")?;
    Ok(args.values[0].clone())
}

fn iter_length_hint(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let it = iter_state(vm, &args, "__length_hint__")?;
    let n = borrow(it)?.counter;
    Ok(vm.new_int(n as i64))
}

fn deque_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (obj, d) = this(vm, &args, "__repr__")?;
    if vm.repr_stack.contains(&obj.bits()) {
        return Ok(vm.new_str("[...]"));
    }
    let (items, maxlen) = {
        let dd = borrow(d)?;
        (dd.items.iter().cloned().collect::<Vec<_>>(), dd.maxlen)
    };
    let name = vm
        .type_of(obj)
        .as_type_data()
        .map(|t| t.name.borrow().clone())
        .unwrap_or_default();
    vm.repr_stack.push(obj.bits());
    let list = vm.new_list(items);
    let inner = vm.repr(&list);
    vm.repr_stack.pop();
    let inner = inner?;
    let text = match maxlen {
        Some(m) => format!("{name}({inner}, maxlen={m})"),
        None => format!("{name}({inner})"),
    };
    Ok(vm.new_string(text))
}

/// Sequence comparison of two deques (NotImplemented for anything else).
fn compare(vm: &mut Vm, args: Args<'_>, op: CompareOp) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "__eq__")?;
    let pos = rest(&args).exact("__eq__", 1)?;
    let Some(other) = data(&pos[0]) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let a: Vec<Value> = borrow(d)?.items.iter().cloned().collect();
    let b: Vec<Value> = borrow(other)?.items.iter().cloned().collect();
    if matches!(op, CompareOp::Eq | CompareOp::Ne) && a.len() != b.len() {
        return Ok(Value::from_bool(op == CompareOp::Ne));
    }
    Ok(Value::from_bool(vm.compare_sequences(&a, &b, op)?))
}

fn deque_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, CompareOp::Eq)
}
fn deque_ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, CompareOp::Ne)
}
fn deque_lt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, CompareOp::Lt)
}
fn deque_le(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, CompareOp::Le)
}
fn deque_gt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, CompareOp::Gt)
}
fn deque_ge(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, CompareOp::Ge)
}

fn deque_add(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (obj, d) = this(vm, &args, "__add__")?;
    let pos = rest(&args).exact("__add__", 1)?;
    if data(&pos[0]).is_none() {
        return Err(PyErr::type_error(format!(
            "can only concatenate deque (not \"{}\") to deque",
            vm.type_name(&pos[0])
        )));
    }
    let new = copy_of(vm, obj, d)?;
    let Some(nd) = data(&new) else {
        return Ok(new);
    };
    extend(vm, &new, nd, &pos[0], false)?;
    Ok(new)
}

fn deque_iadd(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (obj, d) = this(vm, &args, "__iadd__")?;
    let pos = rest(&args).exact("__iadd__", 1)?;
    extend(vm, obj, d, &pos[0], false)?;
    Ok(obj.clone())
}

fn repeat_count(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if as_int(v).is_none() && vm.lookup_special(v, "__index__").is_none() {
        return Err(PyErr::type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            vm.type_name(v)
        )));
    }
    let iv = vm.index_value(v)?;
    match as_int(&iv) {
        Some(i) if i.is_negative() => Ok(0),
        Some(i) => i
            .to_i64()
            .ok_or_else(|| PyErr::overflow_error("cannot fit 'int' into an index-sized integer")),
        None => Ok(0),
    }
}

/// Repeats the items in place `n` times, keeping only the last `maxlen` items.
fn repeat_in_place(d: &RefCell<DequeData>, n: i64) -> PyResult<()> {
    let mut dd = borrow_mut(d)?;
    dd.state += 1;
    if n <= 0 || dd.items.is_empty() {
        dd.items.clear();
        return Ok(());
    }
    let original: Vec<Value> = dd.items.iter().cloned().collect();
    let limit = dd.maxlen.unwrap_or(usize::MAX);
    let total = (original.len() as u128) * (n as u128);
    if total > (isize::MAX as u128) / 8 && limit == usize::MAX {
        return Err(PyErr::new(crate::runtime::errors::ExcKind::MemoryError, ""));
    }
    let want = total.min(limit as u128) as usize;
    let mut out: VecDeque<Value> = VecDeque::with_capacity(want);
    // The result is the tail of the repetition: start where `want` items remain.
    let skip = (total - want as u128) as usize % original.len();
    let mut k = skip;
    while out.len() < want {
        out.push_back(original[k].clone());
        k = (k + 1) % original.len();
    }
    dd.items = out;
    Ok(())
}

fn deque_mul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (obj, d) = this(vm, &args, "__mul__")?;
    let pos = rest(&args).exact("__mul__", 1)?;
    let n = repeat_count(vm, &pos[0])?;
    let new = copy_of(vm, obj, d)?;
    if let Some(nd) = data(&new) {
        repeat_in_place(nd, n)?;
    }
    Ok(new)
}

fn deque_imul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (obj, d) = this(vm, &args, "__imul__")?;
    let pos = rest(&args).exact("__imul__", 1)?;
    let n = repeat_count(vm, &pos[0])?;
    repeat_in_place(d, n)?;
    Ok(obj.clone())
}

/// `(type(d), () or ((), maxlen), state, iter(d))`.
fn deque_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (obj, d) = this(vm, &args, "__reduce__")?;
    rest(&args).exact("__reduce__", 0)?;
    let maxlen = borrow(d)?.maxlen;
    let ty = vm.type_of(obj);
    let ctor_args = match maxlen {
        None => vm.new_tuple(Vec::new()),
        Some(m) => {
            let empty = vm.new_tuple(Vec::new());
            let m = vm.new_int(m as i64);
            vm.new_tuple(vec![empty, m])
        }
    };
    let state = vm.instance_dict(obj).unwrap_or(Value::NONE);
    let it = new_iter(vm, obj, d, false)?;
    Ok(vm.new_tuple(vec![ty, ctor_args, state, it]))
}
