//! Struct sequences (CPython's `structseq`): tuple subclasses with named fields, such as
//! `time.struct_time`, `os.stat_result` and `sys.float_info`.
//!
//! A struct sequence has `n_fields` fields; the first `n_sequence_fields` are the tuple's
//! items, the rest are "hidden" fields reachable only by name (`tm_zone`, `st_atime_ns`).
//! Some visible fields may be unnamed (the integer times of `os.stat_result`); they have no
//! attribute, and the repr labels visible item `i` with the `i`-th *named* field, as
//! CPython's does.
//!
//! Instances are plain `Payload::Tuple` objects of the visible items; the hidden values
//! live in the object's side dict (the one `int` subclasses use for `__dict__`), keyed by
//! field name. The type has no `__dict__` flag, so that dict is never visible as one. Each
//! named field is a member descriptor whose index is the field's position; reading it on
//! a tuple payload goes to [`field_get`]. Everything the generic methods need (counts,
//! names) is read back from the type's own dict, so no registry is needed.

use std::cell::{Cell, RefCell};

use crate::builtins::native_util::{add_new, descriptor_error};
use crate::interp::args::{ArgSpec, Args};
use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::runtime::numbers::as_int;
use crate::types::payload::MemberData;
use crate::types::typeobj::{Layout, TypeData, TypeTag, type_flags};
use crate::vm::Vm;

/// The name of an unnamed field in [`StructSeqSpec::fields`].
pub const UNNAMED: &str = "";

/// The shape of one struct-sequence type.
pub struct StructSeqSpec {
    /// The module shown in the type's name (`time` for `time.struct_time`).
    pub module: &'static str,
    pub name: &'static str,
    /// Every field in order, visible ones first; [`UNNAMED`] for unnamed ones.
    pub fields: &'static [&'static str],
    /// How many leading fields are the tuple's items.
    pub n_sequence: usize,
    /// Whether Python code may call the type (`sys.flags` and `sys.version_info` refuse).
    pub instantiable: bool,
}

/// Where a struct-sequence type's layout is read from at run time.
struct Shape {
    qualified: String,
    n_sequence: usize,
    n_fields: usize,
    /// `(name, field index)` of the named fields, in field order.
    named: Vec<(Value, usize)>,
}

impl Vm {
    /// Creates a struct-sequence type (a builtin, non-subclassable `tuple` subclass) and
    /// registers it in `native_types` as `module.name`.
    pub fn new_struct_seq_type(&mut self, spec: &StructSeqSpec) -> Value {
        let tuple = self.types.tuple.clone();
        let object = self.types.object.clone();
        let data = TypeData {
            name: RefCell::new(spec.name.to_string()),
            qualname: RefCell::new(spec.name.to_string()),
            bases: RefCell::new(vec![tuple.clone()]),
            mro_tail: RefCell::new(vec![tuple, object]),
            dict: self.new_dict(),
            layout: Layout::Tuple,
            flags: Cell::new(type_flags::SUBCLASS_LIKE),
            tag: TypeTag::new(),
            nslots: Cell::new(0),
            constructor: Cell::new(None),
        };
        let ty = Value::alloc(&self.types.type_, Payload::Type(Box::new(data)));
        let module = self.new_str(spec.module);
        self.set_type_attr(&ty, "__module__", module);
        let qualified = format!("{}.{}", spec.module, spec.name);
        let mut match_args = Vec::new();
        for (index, field) in spec.fields.iter().enumerate() {
            if *field == UNNAMED {
                continue;
            }
            let name = self.intern(field);
            if index < spec.n_sequence {
                match_args.push(name.clone());
            }
            let member = Value::alloc(
                &self.types.member_descriptor,
                Payload::Member(MemberData {
                    name,
                    index,
                    owner: qualified.clone(),
                    owner_type: Value::NULL,
                }),
            );
            self.set_type_attr(&ty, field, member);
        }
        let unnamed = spec.fields.iter().filter(|f| **f == UNNAMED).count();
        let counts = [
            ("n_sequence_fields", spec.n_sequence),
            ("n_fields", spec.fields.len()),
            ("n_unnamed_fields", unnamed),
        ];
        for (name, n) in counts {
            let v = self.new_int(n as i64);
            self.set_type_attr(&ty, name, v);
        }
        let match_args = self.new_tuple(match_args);
        self.set_type_attr(&ty, "__match_args__", match_args);
        if spec.instantiable {
            self.set_constructor(&ty, structseq_new);
            add_new(self, &ty, structseq_new);
        } else {
            self.set_constructor(&ty, structseq_refuse);
            add_new(self, &ty, structseq_refuse);
        }
        self.add_method(&ty, "__repr__", structseq_repr);
        self.add_method(&ty, "__reduce__", structseq_reduce);
        self.add_method(&ty, "__replace__", structseq_replace);
        let key: &'static str = Box::leak(qualified.into_boxed_str());
        self.native_types.insert(key, ty.clone());
        ty
    }

    /// An instance of struct-sequence type `ty` from all its field values (visible first;
    /// missing trailing values are None).
    pub fn new_struct_seq(&mut self, ty: &Value, mut values: Vec<Value>) -> PyResult<Value> {
        let shape = shape(self, ty)?;
        values.resize(shape.n_fields.max(values.len()), Value::NONE);
        let hidden = values.split_off(shape.n_sequence.min(values.len()));
        let obj = Value::alloc(ty, Payload::Tuple(values.into_boxed_slice()));
        if !hidden.is_empty() {
            let dict = self.new_dict();
            for (name, index) in &shape.named {
                if let Some(v) = index
                    .checked_sub(shape.n_sequence)
                    .and_then(|i| hidden.get(i))
                {
                    self.dict_set(&dict, name.clone(), v.clone())?;
                }
            }
            if let Some(o) = obj.as_object() {
                crate::object::side_dict(o, || dict);
            }
        }
        Ok(obj)
    }

    /// An instance of the struct-sequence type registered as `qualified`.
    pub fn new_struct_seq_named(&mut self, qualified: &str, values: Vec<Value>) -> PyResult<Value> {
        let ty = self.native_type(qualified)?;
        self.new_struct_seq(&ty, values)
    }
}

/// Reads field `member` of a struct sequence `obj` (a tuple payload holding `items`).
pub fn field_get(member: &MemberData, obj: &Value, items: &[Value]) -> PyResult<Value> {
    if let Some(v) = items.get(member.index) {
        return Ok(v.clone());
    }
    let hidden = obj
        .as_object()
        .and_then(crate::object::side_dict_get)
        .and_then(|d| {
            let name = member.name.as_str()?;
            crate::runtime::typecheck::dict_get_str(&d, name)
        });
    Ok(hidden.unwrap_or(Value::NONE))
}

/// The layout of struct-sequence type `ty`, read from its dict.
fn shape(vm: &Vm, ty: &Value) -> PyResult<Shape> {
    let Some(data) = ty.as_type_data() else {
        return Err(PyErr::internal("struct sequence shape of a non-type"));
    };
    let count = |name: &str| {
        vm.dict_get_str(&data.dict, name)
            .and_then(|v| as_int(&v).and_then(|n| n.to_i64()))
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(|| PyErr::internal(format!("struct sequence without {name}")))
    };
    let n_sequence = count("n_sequence_fields")?;
    let n_fields = count("n_fields")?;
    let mut named = Vec::new();
    if let Some(d) = data.dict.as_dict() {
        for (_, v) in d.borrow().items() {
            if let Some(Payload::Member(m)) = v.payload() {
                named.push((m.name.clone(), m.index));
            }
        }
    }
    named.sort_by_key(|(_, i)| *i);
    let module = vm
        .dict_get_str(&data.dict, "__module__")
        .and_then(|m| m.as_str().map(str::to_string))
        .unwrap_or_default();
    let qualified = format!("{module}.{}", data.name.borrow());
    Ok(Shape {
        qualified,
        n_sequence,
        n_fields,
        named,
    })
}

/// The receiver of a struct-sequence method: `(self, its type's shape, its items)`.
fn receiver<'a>(vm: &Vm, args: &Args<'a>, method: &str) -> PyResult<(&'a Value, Shape)> {
    let recv = args.values.first();
    if let Some(v) = recv
        && let Some(Payload::Tuple(_)) = v.payload()
    {
        let ty = vm.type_of(v);
        if let Ok(shape) = shape(vm, &ty) {
            return Ok((v, shape));
        }
    }
    Err(descriptor_error(
        vm,
        method,
        "tuple",
        recv.unwrap_or(&Value::NONE),
    ))
}

/// All field values of struct sequence `obj`, visible then hidden.
fn all_fields(obj: &Value, shape: &Shape) -> Vec<Value> {
    let Some(Payload::Tuple(items)) = obj.payload() else {
        return Vec::new();
    };
    let mut out: Vec<Value> = items.to_vec();
    out.resize(shape.n_fields, Value::NONE);
    for (name, index) in &shape.named {
        if *index >= items.len() && *index < shape.n_fields {
            let member = MemberData {
                name: name.clone(),
                index: *index,
                owner: String::new(),
                owner_type: Value::NULL,
            };
            out[*index] = field_get(&member, obj, items).unwrap_or(Value::NONE);
        }
    }
    out
}

/// The generic struct-sequence constructor, for types that adjust its result
/// (`os.stat_result`).
pub fn struct_seq_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    structseq_new(vm, args)
}

/// Every field of struct sequence `obj`, visible then hidden.
pub fn fields_of(vm: &Vm, obj: &Value) -> PyResult<Vec<Value>> {
    let ty = vm.type_of(obj);
    let shape = shape(vm, &ty)?;
    Ok(all_fields(obj, &shape))
}

/// `T(sequence, dict=None)`: the first `len(sequence)` fields from the sequence, the rest
/// from `dict` by name (None when absent).
fn structseq_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(cls) = args.values.first().cloned() else {
        return Err(PyErr::type_error(
            "structseq.__new__(): not enough arguments",
        ));
    };
    let rest = Args {
        values: &args.values[1..],
        kwnames: args.kwnames,
    };
    let bound = ArgSpec {
        fname: "structseq",
        names: &["sequence", "dict"],
        posonly: 0,
        required: 1,
        kwonly_from: 2,
    }
    .bind(&rest)?;
    let shape = shape(vm, &cls)?;
    let seq = match bound[0].payload() {
        Some(Payload::Tuple(t)) => t.to_vec(),
        Some(Payload::List(l)) => l.borrow().clone(),
        _ => {
            let it = match vm.iter(&bound[0]) {
                Ok(it) => it,
                Err(e) if vm.err_matches(&e, ExcKind::TypeError) => {
                    return Err(PyErr::type_error("constructor requires a sequence"));
                }
                Err(e) => return Err(e),
            };
            vm.collect_iterable(&it)?
        }
    };
    let dict = match &bound[1] {
        d if d.is_null() => None,
        d if d.as_dict().is_some() => Some(d.clone()),
        _ => {
            return Err(PyErr::type_error(format!(
                "{}() takes a dict as second arg, if any",
                shape.qualified
            )));
        }
    };
    let (min, max, len) = (shape.n_sequence, shape.n_fields, seq.len());
    if len < min || len > max {
        let (article, bound) = match (min == max, len < min) {
            (true, _) => ("a", min),
            (false, true) => ("an at least", min),
            (false, false) => ("an at most", max),
        };
        return Err(PyErr::type_error(format!(
            "{}() takes {article} {bound}-sequence ({len}-sequence given)",
            shape.qualified
        )));
    }
    let mut values = seq;
    let mut used = 0;
    for index in len..max {
        let name = shape
            .named
            .iter()
            .find(|(_, i)| *i == index)
            .map(|(n, _)| n.clone());
        let found = match (&dict, name) {
            (Some(d), Some(name)) => vm.dict_get(d, &name)?,
            _ => None,
        };
        if found.is_some() {
            used += 1;
        }
        values.push(found.unwrap_or(Value::NONE));
    }
    if let Some(d) = &dict
        && d.as_dict().is_some_and(|t| t.borrow().len() > used)
    {
        return Err(PyErr::type_error(format!(
            "{}() got duplicate or unexpected field name(s)",
            shape.qualified
        )));
    }
    vm.new_struct_seq(&cls, values)
}

/// The constructor of the struct sequences CPython makes uncallable (`sys.flags`).
fn structseq_refuse(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let name = match args.values.first() {
        Some(cls) => shape(vm, cls)?.qualified,
        None => "structseq".to_string(),
    };
    Err(PyErr::type_error(format!(
        "cannot create '{name}' instances"
    )))
}

/// `time.struct_time(tm_year=2024, ...)`: the visible items, labelled by the named fields.
fn structseq_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (obj, shape) = receiver(vm, &args, "__repr__")?;
    let Some(Payload::Tuple(items)) = obj.payload() else {
        return Err(PyErr::internal("struct sequence without items"));
    };
    let mut out = format!("{}(", shape.qualified);
    for (i, (item, (name, _))) in items.iter().zip(shape.named.iter()).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(name.as_str().unwrap_or(""));
        out.push('=');
        out.push_str(&vm.repr(item)?);
    }
    out.push(')');
    Ok(vm.new_string(out))
}

/// `(type, (visible items, {hidden field: value}))`, for pickle and copy.
fn structseq_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (obj, shape) = receiver(vm, &args, "__reduce__")?;
    let fields = all_fields(obj, &shape);
    let visible = vm.new_tuple(fields[..shape.n_sequence.min(fields.len())].to_vec());
    let hidden = vm.new_dict();
    for (name, index) in &shape.named {
        if *index >= shape.n_sequence
            && let Some(v) = fields.get(*index)
        {
            vm.dict_set(&hidden, name.clone(), v.clone())?;
        }
    }
    let ty = vm.type_of(obj);
    let inner = vm.new_tuple(vec![visible, hidden]);
    Ok(vm.new_tuple(vec![ty, inner]))
}

/// `copy.replace(obj, **changes)`: a copy with the named fields replaced.
fn structseq_replace(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (obj, shape) = receiver(vm, &args, "__replace__")?;
    if args.positional().len() > 1 {
        return Err(PyErr::type_error(
            "__replace__() takes no positional arguments",
        ));
    }
    if shape.named.len() < shape.n_fields {
        return Err(PyErr::type_error(format!(
            "__replace__() is not supported for {} because it has unnamed field(s)",
            shape.qualified
        )));
    }
    let mut fields = all_fields(obj, &shape);
    let mut unexpected = Vec::new();
    for (key, value) in args.keywords() {
        match shape.named.iter().find(|(n, _)| n.as_str() == Some(key)) {
            Some((_, index)) => fields[*index] = value.clone(),
            None => unexpected.push(vm.new_str(key)),
        }
    }
    if !unexpected.is_empty() {
        let list = vm.new_list(unexpected);
        let shown = vm.repr(&list)?;
        return Err(PyErr::type_error(format!(
            "Got unexpected field name(s): {shown}"
        )));
    }
    let ty = vm.type_of(obj);
    vm.new_struct_seq(&ty, fields)
}
