//! `BaseExceptionGroup` and `ExceptionGroup`: the constructor's checks (and its switch to
//! `ExceptionGroup` when every member is an `Exception`), `message`/`exceptions`, `str()`,
//! and `derive`/`split`/`subgroup`, which rebuild nested groups through `derive` and copy
//! `__traceback__`, `__cause__`, `__context__` and `__notes__` onto the new groups.

use crate::builtins::object::util::{bad_receiver, rest};
use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::vm::Vm;

/// Registers the group methods.
pub fn install(vm: &mut Vm) {
    let g = vm.types.exception(ExcKind::BaseExceptionGroup).clone();
    vm.add_method(&g, "derive", group_derive);
    vm.add_method(&g, "split", group_split);
    vm.add_method(&g, "subgroup", group_subgroup);
}

/// `BaseExceptionGroup.__new__(cls, message, exceptions)`.
pub fn group_new(vm: &mut Vm, cls: &Value, pos: &[Value], a: Args<'_>) -> PyResult<Value> {
    let heap = cls
        .as_type_data()
        .is_some_and(|d| d.has_flag(crate::types::typeobj::type_flags::HEAPTYPE));
    if !heap {
        a.no_keywords(&crate::runtime::typecheck::type_name_of(cls))?;
    }
    if pos.len() != 2 {
        return Err(PyErr::type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            pos.len()
        )));
    }
    let (message, excs) = (&pos[0], &pos[1]);
    if message.as_pystr().is_none() {
        return Err(PyErr::type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            vm.type_name(message)
        )));
    }
    let is_sequence = matches!(excs.payload(), Some(Payload::List(_) | Payload::Tuple(_)))
        || (vm.lookup_special(excs, "__getitem__").is_some()
            && vm.lookup_special(excs, "__len__").is_some()
            && !matches!(excs.payload(), Some(Payload::Dict(_) | Payload::Set(_))));
    if !is_sequence {
        return Err(PyErr::type_error(
            "second argument (exceptions) must be a sequence",
        ));
    }
    let items = vm.collect_iterable(excs)?;
    if items.is_empty() {
        return Err(PyErr::value_error(
            "second argument (exceptions) must be a non-empty sequence",
        ));
    }
    let base = vm.types.exception(ExcKind::BaseException).clone();
    let exception = vm.types.exception(ExcKind::Exception).clone();
    let mut all_exceptions = true;
    for (i, e) in items.iter().enumerate() {
        if !vm.is_instance(e, &base) {
            return Err(PyErr::value_error(format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        }
        all_exceptions &= vm.is_instance(e, &exception);
    }
    let base_group = vm.types.exception(ExcKind::BaseExceptionGroup).clone();
    let mut cls = cls.clone();
    if cls.is(&base_group) {
        if all_exceptions {
            cls = vm.types.exception(ExcKind::ExceptionGroup).clone();
        }
    } else if vm.is_subtype(&cls, &exception) && !all_exceptions {
        return Err(PyErr::type_error(
            "Cannot nest BaseExceptions in an ExceptionGroup",
        ));
    }
    let exc = vm.new_exception_of_type(&cls, pos.to_vec());
    if let Some(d) = vm.instance_dict_or_create(&exc) {
        vm.set_item_str(&d, "message", message.clone())?;
        let t = vm.new_tuple(items);
        vm.set_item_str(&d, "exceptions", t)?;
    }
    Ok(exc)
}

fn this<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    match args.values.first() {
        Some(v) if vm.is_instance(v, vm.types.exception(ExcKind::BaseExceptionGroup)) => Ok(v),
        other => Err(bad_receiver(vm, name, "BaseExceptionGroup", other)),
    }
}

/// `message` and `exceptions` (from the dict, else from `args`).
pub fn group_attribute(vm: &mut Vm, exc: &Value, name: &str) -> PyResult<Option<Value>> {
    let args = exc
        .as_exception()
        .map(|e| e.args.borrow().clone())
        .and_then(|a| a.as_tuple().map(<[Value]>::to_vec))
        .unwrap_or_default();
    match name {
        "message" => Ok(Some(args.first().cloned().unwrap_or(Value::NONE))),
        "exceptions" => {
            let items = match args.get(1) {
                Some(e) => vm.collect_iterable(e)?,
                None => Vec::new(),
            };
            Ok(Some(vm.new_tuple(items)))
        }
        _ => Ok(None),
    }
}

fn members(vm: &mut Vm, exc: &Value) -> PyResult<Vec<Value>> {
    let e = vm.getattr_str(exc, "exceptions")?;
    vm.collect_iterable(&e)
}

/// `str(group)`: `message (N sub-exception[s])`.
pub fn group_str(vm: &mut Vm, exc: &Value) -> PyResult<String> {
    let message = vm.getattr_str(exc, "message")?;
    let m = vm.str(&message)?;
    let n = members(vm, exc)?.len();
    Ok(format!(
        "{m} ({n} sub-exception{})",
        if n == 1 { "" } else { "s" }
    ))
}

fn group_derive(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let exc = this(vm, &args, "derive")?.clone();
    let pos = rest(&args).exact("derive", 1)?;
    let message = vm.getattr_str(&exc, "message")?;
    let cls = vm.types.exception(ExcKind::BaseExceptionGroup).clone();
    vm.call(&cls, &[message, pos[0].clone()])
}

/// How `split`/`subgroup` decide whether a leaf matches.
enum Matcher {
    Types(Vec<Value>),
    Predicate(Value),
}

fn matcher(vm: &Vm, condition: &Value) -> PyResult<Matcher> {
    let base = vm.types.exception(ExcKind::BaseException);
    let is_exc_type = |v: &Value| vm.is_type(v) && vm.is_subtype(v, base);
    if is_exc_type(condition) {
        return Ok(Matcher::Types(vec![condition.clone()]));
    }
    if let Some(t) = condition.as_tuple()
        && t.iter().all(is_exc_type)
    {
        return Ok(Matcher::Types(t.to_vec()));
    }
    if vm.is_callable(condition) && !vm.is_type(condition) {
        return Ok(Matcher::Predicate(condition.clone()));
    }
    Err(PyErr::type_error(
        "expected an exception type, a tuple of exception types, or a callable (other than a class)",
    ))
}

fn matches(vm: &mut Vm, m: &Matcher, exc: &Value) -> PyResult<bool> {
    match m {
        Matcher::Types(ts) => Ok(ts.iter().any(|t| vm.is_instance(exc, t))),
        Matcher::Predicate(f) => {
            let r = vm.call(f, std::slice::from_ref(exc))?;
            vm.truthy(&r)
        }
    }
}

/// Splits `exc` into (matching, rest); either may be None.
fn split_recursive(
    vm: &mut Vm,
    exc: &Value,
    m: &Matcher,
    want_rest: bool,
) -> PyResult<(Value, Value)> {
    if matches(vm, m, exc)? {
        return Ok((exc.clone(), Value::NONE));
    }
    let group_ty = vm.types.exception(ExcKind::BaseExceptionGroup).clone();
    if !vm.is_instance(exc, &group_ty) {
        return Ok((Value::NONE, exc.clone()));
    }
    let mut matched = Vec::new();
    let mut rest_items = Vec::new();
    for e in members(vm, exc)? {
        let (a, b) = split_recursive(vm, &e, m, want_rest)?;
        if !a.is_none() {
            matched.push(a);
        }
        if want_rest && !b.is_none() {
            rest_items.push(b);
        }
    }
    let a = derive_copy(vm, exc, matched)?;
    let b = if want_rest {
        derive_copy(vm, exc, rest_items)?
    } else {
        Value::NONE
    };
    Ok((a, b))
}

/// `exc.derive(items)` with the metadata copied over; None for no items.
fn derive_copy(vm: &mut Vm, exc: &Value, items: Vec<Value>) -> PyResult<Value> {
    if items.is_empty() {
        return Ok(Value::NONE);
    }
    let list = vm.new_list(items);
    let derive = vm.getattr_str(exc, "derive")?;
    let new = vm.call(&derive, &[list])?;
    let base = vm.types.exception(ExcKind::BaseExceptionGroup).clone();
    if !vm.is_instance(&new, &base) {
        return Err(PyErr::type_error(
            "derive must return an instance of BaseExceptionGroup",
        ));
    }
    if let (Some(src), Some(dst)) = (exc.as_exception(), new.as_exception()) {
        *dst.traceback.borrow_mut() = src.traceback.borrow().clone();
        *dst.cause.borrow_mut() = src.cause.borrow().clone();
        *dst.context.borrow_mut() = src.context.borrow().clone();
    }
    if let Some(d) = vm.instance_dict(exc)
        && let Some(notes) = vm.dict_get_str(&d, "__notes__")
    {
        let copy = match notes.as_list() {
            Some(l) => vm.new_list(l.borrow().clone()),
            None => notes,
        };
        if let Some(nd) = vm.instance_dict_or_create(&new) {
            vm.set_item_str(&nd, "__notes__", copy)?;
        }
    }
    Ok(new)
}

fn group_split(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let exc = this(vm, &args, "split")?.clone();
    let pos = rest(&args).exact("split", 1)?;
    let m = matcher(vm, &pos[0])?;
    let (a, b) = split_recursive(vm, &exc, &m, true)?;
    Ok(vm.new_tuple(vec![a, b]))
}

fn group_subgroup(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let exc = this(vm, &args, "subgroup")?.clone();
    let pos = rest(&args).exact("subgroup", 1)?;
    let m = matcher(vm, &pos[0])?;
    let (a, _) = split_recursive(vm, &exc, &m, false)?;
    Ok(a)
}

/// `except* T`: checks `T` (an exception type or tuple of them, not a group type).
fn check_except_star_type(vm: &Vm, match_type: &Value) -> PyResult<()> {
    let base = vm.types.exception(ExcKind::BaseException);
    let group = vm.types.exception(ExcKind::BaseExceptionGroup);
    let items: Vec<Value> = match match_type.as_tuple() {
        Some(t) => t.to_vec(),
        None => vec![match_type.clone()],
    };
    for t in &items {
        if !(vm.is_type(t) && vm.is_subtype(t, base)) {
            return Err(PyErr::type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            ));
        }
    }
    if items.iter().any(|t| vm.is_subtype(t, group)) {
        return Err(PyErr::type_error(
            "catching ExceptionGroup with except* is not allowed. Use except instead.",
        ));
    }
    Ok(())
}

/// `CHECK_EG_MATCH` (CPython's `_PyEval_ExceptionGroupMatch`): splits `exc` by
/// `match_type` into `(rest, match)`. A naked exception that matches is wrapped in an
/// `ExceptionGroup("", [exc])`; `frame_code`/`lasti` give the wrapper's traceback entry.
pub fn exception_group_match(
    vm: &mut Vm,
    exc: &Value,
    match_type: &Value,
    frame_code: &Value,
    lasti: usize,
) -> PyResult<(Value, Value)> {
    check_except_star_type(vm, match_type)?;
    if exc.is_none() {
        return Ok((Value::NONE, Value::NONE));
    }
    let group = vm.types.exception(ExcKind::BaseExceptionGroup).clone();
    let is_group = vm.is_instance(exc, &group);
    if vm.exception_matches(exc, match_type)? {
        if is_group {
            return Ok((Value::NONE, exc.clone()));
        }
        let msg = vm.new_str("");
        let items = vm.new_tuple(vec![exc.clone()]);
        let wrapped = vm.call(&group, &[msg, items])?;
        vm.add_traceback_entry(&wrapped, frame_code, lasti);
        return Ok((Value::NONE, wrapped));
    }
    if is_group {
        let split = vm.getattr_str(exc, "split")?;
        let pair = vm.call(&split, std::slice::from_ref(match_type))?;
        return match pair.as_tuple() {
            Some([m, r]) => Ok((r.clone(), m.clone())),
            _ => Err(PyErr::type_error("split must return a 2-tuple")),
        };
    }
    Ok((exc.clone(), Value::NONE))
}

/// The identities of the leaf exceptions of `exc` (recursing into groups).
fn leaf_ids(vm: &mut Vm, exc: &Value, out: &mut Vec<u64>) -> PyResult<()> {
    if exc.is_none() {
        return Ok(());
    }
    let group = vm.types.exception(ExcKind::BaseExceptionGroup).clone();
    if !vm.is_instance(exc, &group) {
        out.push(exc.bits());
        return Ok(());
    }
    vm.enter_native()?;
    let r = (|| {
        for e in members(vm, exc)? {
            leaf_ids(vm, &e, out)?;
        }
        Ok(())
    })();
    vm.leave_native();
    r
}

/// The part of `eg` whose leaves appear among the leaves of `keep` (keeping `eg`'s
/// nesting), or None.
fn projection(vm: &mut Vm, eg: &Value, keep: &[Value]) -> PyResult<Value> {
    let mut ids = Vec::new();
    for k in keep {
        leaf_ids(vm, k, &mut ids)?;
    }
    if ids.is_empty() {
        return Ok(Value::NONE);
    }
    split_by_ids(vm, eg, &ids)
}

fn split_by_ids(vm: &mut Vm, exc: &Value, ids: &[u64]) -> PyResult<Value> {
    if ids.contains(&exc.bits()) {
        return Ok(exc.clone());
    }
    let group = vm.types.exception(ExcKind::BaseExceptionGroup).clone();
    if !vm.is_instance(exc, &group) {
        return Ok(Value::NONE);
    }
    let mut kept = Vec::new();
    for e in members(vm, exc)? {
        let part = split_by_ids(vm, &e, ids)?;
        if !part.is_none() {
            kept.push(part);
        }
    }
    derive_copy(vm, exc, kept)
}

/// Whether `e` carries exactly the metadata of `orig` (so it is a re-raise of part of it).
fn same_metadata(vm: &Vm, e: &Value, orig: &Value) -> bool {
    let (Some(a), Some(b)) = (e.as_exception(), orig.as_exception()) else {
        return false;
    };
    let notes = |v: &Value| {
        vm.instance_dict(v)
            .and_then(|d| vm.dict_get_str(&d, "__notes__"))
            .map(|n| n.bits())
    };
    notes(e) == notes(orig)
        && a.traceback.borrow().is(&b.traceback.borrow())
        && a.cause.borrow().is(&b.cause.borrow())
        && a.context.borrow().is(&b.context.borrow())
}

/// `CALL_INTRINSIC_2 PREP_RERAISE_STAR` (CPython's `_PyExc_PrepReraiseStar`): what an
/// `except*` block re-raises, given the original exception and the exceptions raised or
/// re-raised by its clauses. Returns None when nothing is left to raise.
pub fn prep_reraise_star(vm: &mut Vm, orig: &Value, excs: &Value) -> PyResult<Value> {
    let items = vm.collect_iterable(excs)?;
    if items.is_empty() {
        return Ok(Value::NONE);
    }
    let group = vm.types.exception(ExcKind::BaseExceptionGroup).clone();
    if !vm.is_instance(orig, &group) {
        return Ok(items[0].clone());
    }
    let mut raised = Vec::new();
    let mut reraised = Vec::new();
    for e in items {
        if e.is_none() {
            continue;
        }
        if same_metadata(vm, &e, orig) {
            reraised.push(e);
        } else {
            raised.push(e);
        }
    }
    let reraised_eg = projection(vm, orig, &reraised)?;
    if raised.is_empty() {
        return Ok(reraised_eg);
    }
    if !reraised_eg.is_none() {
        raised.push(reraised_eg);
    }
    if raised.len() == 1 {
        return Ok(raised.swap_remove(0));
    }
    let msg = vm.new_str("");
    let list = vm.new_list(raised);
    vm.call(&group, &[msg, list])
}

impl Vm {
    /// `CHECK_EG_MATCH` in the running frame: [`exception_group_match`], with the matched
    /// part becoming the exception being handled.
    pub(crate) fn check_eg_match(
        &mut self,
        exc: &Value,
        match_type: &Value,
        lasti: usize,
    ) -> PyResult<(Value, Value)> {
        let code_value = self
            .frames
            .last()
            .map(|f| f.code.clone())
            .unwrap_or(Value::NONE);
        let (rest, matched) = exception_group_match(self, exc, match_type, &code_value, lasti)?;
        if !matched.is_none() {
            self.exc_info = matched.clone();
        }
        Ok((rest, matched))
    }
}
