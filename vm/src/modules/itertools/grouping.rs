//! The itertools that share one input between several iterators: `groupby` with its
//! `_grouper` sub-iterators, and `tee` with its `_tee` copies.
//!
//! A `_grouper` holds its parent `groupby`; it stays valid only while it is the parent's
//! current group (the parent keeps the id of its current grouper, not a reference, so no
//! cycle forms). `_tee` copies share a linked list of fixed-size chunks of buffered
//! items, as CPython's `teedataobject` does: a chunk is freed once every copy has moved
//! past it, because only the copies (and earlier chunks) hold it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::{TypeSpec, make, no_kw_unless_subclass, split_ctor, state};
use crate::interp::args::{ArgSpec, Args};
use crate::object::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::native::{NativeState, take_cell, visit_cell};
use crate::runtime::native::{native_receiver, native_state};
use crate::vm::Vm;

pub(super) fn specs(out: &mut Vec<TypeSpec>) {
    out.push(TypeSpec::new("groupby", groupby_new));
    out.push(TypeSpec {
        name: "_grouper",
        ctor: no_direct_construction,
        subclassable: false,
    });
    out.push(TypeSpec {
        name: "_tee",
        ctor: tee_type_new,
        subclassable: false,
    });
}

pub(super) fn extra_methods(vm: &mut Vm, name: &str, ty: &Value) {
    if name == "_tee" {
        vm.add_method(ty, "__copy__", tee_copy);
    }
}

fn no_direct_construction(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Err(PyErr::type_error(
        "cannot create 'itertools._grouper' instances",
    ))
}

// ---------------------------------------------------------------- groupby

struct GroupBy {
    it: Value,
    key: Value,
    target_key: RefCell<Value>,
    current_key: RefCell<Value>,
    current_value: RefCell<Value>,
    /// Id of the grouper that may still yield (0: none).
    current_grouper: Cell<u64>,
    grouper_ids: Cell<u64>,
}

struct Grouper {
    parent: Value,
    target_key: Value,
    id: u64,
}

fn groupby_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (cls, a) = split_ctor(&args);
    let bound = ArgSpec {
        fname: "groupby",
        names: &["iterable", "key"],
        posonly: 0,
        required: 1,
        kwonly_from: 2,
    }
    .bind(&a)?;
    let it = vm.iter(&bound[0])?;
    let key = if bound[1].is_null() {
        Value::NONE
    } else {
        bound[1].clone()
    };
    Ok(make(
        vm,
        &cls,
        GroupBy {
            it,
            key,
            target_key: RefCell::new(Value::NULL),
            current_key: RefCell::new(Value::NULL),
            current_value: RefCell::new(Value::NULL),
            current_grouper: Cell::new(0),
            grouper_ids: Cell::new(0),
        },
        groupby_next,
    ))
}

/// Reads the next item and its key into the groupby; false when the input is exhausted.
fn groupby_step(vm: &mut Vm, g: &GroupBy) -> PyResult<bool> {
    let Some(value) = vm.next(&g.it)? else {
        return Ok(false);
    };
    let key = if g.key.is_none() {
        value.clone()
    } else {
        vm.call(&g.key, std::slice::from_ref(&value))?
    };
    *g.current_value.borrow_mut() = value;
    *g.current_key.borrow_mut() = key;
    Ok(true)
}

fn groupby_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let g = state::<GroupBy>(it)?;
    g.current_grouper.set(0);
    loop {
        let current = g.current_key.borrow().clone();
        let target = g.target_key.borrow().clone();
        if current.is_null() {
            if !groupby_step(vm, g)? {
                return Ok(None);
            }
        } else if target.is_null() || !vm.eq(&target, &current)? {
            break;
        } else if !groupby_step(vm, g)? {
            return Ok(None);
        }
    }
    let key = g.current_key.borrow().clone();
    *g.target_key.borrow_mut() = key.clone();
    let id = g.grouper_ids.get() + 1;
    g.grouper_ids.set(id);
    g.current_grouper.set(id);
    let grouper_type = vm.native_type("itertools._grouper")?;
    let grouper = make(
        vm,
        &grouper_type,
        Grouper {
            parent: it.clone(),
            target_key: key.clone(),
            id,
        },
        grouper_next,
    );
    Ok(Some(vm.new_tuple(vec![key, grouper])))
}

fn grouper_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let gr = state::<Grouper>(it)?;
    let g = state::<GroupBy>(&gr.parent)?;
    if g.current_grouper.get() != gr.id {
        return Ok(None);
    }
    if g.current_value.borrow().is_null() && !groupby_step(vm, g)? {
        return Ok(None);
    }
    let current = g.current_key.borrow().clone();
    if !vm.eq(&gr.target_key, &current)? {
        return Ok(None);
    }
    Ok(Some(g.current_value.replace(Value::NULL)))
}

// ---------------------------------------------------------------- tee

/// Items per buffer chunk (CPython's `LINKCELLS`).
const CHUNK: usize = 57;

struct TeeSource {
    it: Value,
    running: Cell<bool>,
}

struct TeeChunk {
    values: RefCell<Vec<Value>>,
    next: RefCell<Option<Rc<TeeChunk>>>,
}

impl TeeChunk {
    fn new() -> Rc<TeeChunk> {
        Rc::new(TeeChunk {
            values: RefCell::new(Vec::new()),
            next: RefCell::new(None),
        })
    }
}

struct Tee {
    source: Rc<TeeSource>,
    chunk: RefCell<Rc<TeeChunk>>,
    index: Cell<usize>,
}

/// `tee(iterable, n=2)`.
pub(super) fn tee(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_keywords("tee")?;
    let pos = args.range("tee", 1, 2)?;
    let n = match pos.get(1) {
        Some(v) => vm.index_i64(v)?,
        None => 2,
    };
    if n < 0 {
        return Err(PyErr::value_error("n must be >= 0"));
    }
    if n == 0 {
        return Ok(vm.new_tuple(Vec::new()));
    }
    let it = vm.iter(&pos[0])?;
    let first = match vm.lookup_special(&it, "__copy__") {
        Some(_) => it,
        None => new_tee_from_iterator(vm, it)?,
    };
    let mut out = vec![first.clone()];
    for _ in 1..n {
        let copy = vm.call_method(&first, "__copy__", &[])?;
        out.push(copy);
    }
    Ok(vm.new_tuple(out))
}

fn new_tee_from_iterator(vm: &mut Vm, it: Value) -> PyResult<Value> {
    let ty = vm.native_type("itertools._tee")?;
    Ok(make(
        vm,
        &ty,
        Tee {
            source: Rc::new(TeeSource {
                it,
                running: Cell::new(false),
            }),
            chunk: RefCell::new(TeeChunk::new()),
            index: Cell::new(0),
        },
        tee_next,
    ))
}

/// `itertools._tee(iterable)`.
fn tee_type_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (cls, a) = split_ctor(&args);
    no_kw_unless_subclass(&cls, &a, "_tee")?;
    let pos = Args::positional_only(a.positional()).range("_tee", 1, 1)?;
    let it = vm.iter(&pos[0])?;
    if native_state::<Tee>(&it).is_some() {
        return vm.call_method(&it, "__copy__", &[]);
    }
    new_tee_from_iterator(vm, it)
}

fn tee_copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (it, t) = native_receiver::<Tee>(vm, &args, "__copy__", "itertools._tee")?;
    let ty = vm.type_of(it);
    Ok(make(
        vm,
        &ty,
        Tee {
            source: t.source.clone(),
            chunk: RefCell::new(t.chunk.borrow().clone()),
            index: Cell::new(t.index.get()),
        },
        tee_next,
    ))
}

fn tee_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let t = state::<Tee>(it)?;
    if t.index.get() >= CHUNK {
        let chunk = t.chunk.borrow().clone();
        let next = chunk.next.borrow().clone();
        let next = match next {
            Some(n) => n,
            None => {
                let n = TeeChunk::new();
                *chunk.next.borrow_mut() = Some(n.clone());
                n
            }
        };
        *t.chunk.borrow_mut() = next;
        t.index.set(0);
    }
    let chunk = t.chunk.borrow().clone();
    let i = t.index.get();
    let buffered = chunk.values.borrow().get(i).cloned();
    if let Some(v) = buffered {
        t.index.set(i + 1);
        return Ok(Some(v));
    }
    if t.source.running.get() {
        return Err(PyErr::runtime_error("cannot re-enter the tee iterator"));
    }
    t.source.running.set(true);
    let r = vm.next(&t.source.it);
    t.source.running.set(false);
    let Some(v) = r? else {
        return Ok(None);
    };
    chunk.values.borrow_mut().push(v.clone());
    t.index.set(i + 1);
    Ok(Some(v))
}

impl NativeState for GroupBy {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.it);
        visit(&self.key);
        visit_cell(&self.target_key, visit);
        visit_cell(&self.current_key, visit);
        visit_cell(&self.current_value, visit);
    }
    fn clear(&self, out: &mut Vec<Value>) {
        take_cell(&self.target_key, out);
        take_cell(&self.current_key, out);
        take_cell(&self.current_value, out);
    }
}

impl NativeState for Grouper {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.parent);
        visit(&self.target_key);
    }
}

/// A tee's source and buffered chunks are shared (`Rc`) by every tee copied from it: only
/// a tee that is their sole owner reports what they hold, so no reference counts twice.
impl NativeState for Tee {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if Rc::strong_count(&self.source) == 1 {
            visit(&self.source.it);
        }
        let Ok(first) = self.chunk.try_borrow() else {
            return;
        };
        let mut chunk = Rc::clone(&first);
        drop(first);
        // `chunk` is one extra owner while we walk.
        while Rc::strong_count(&chunk) == 2 {
            if let Ok(values) = chunk.values.try_borrow() {
                values.iter().for_each(&mut *visit);
            }
            let next = match chunk.next.try_borrow() {
                Ok(n) => n.clone(),
                Err(_) => None,
            };
            match next {
                Some(n) => chunk = n,
                None => break,
            }
        }
    }
}
