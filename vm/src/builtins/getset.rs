//! The data attributes of builtin types as descriptors in their type's dict, as CPython's
//! `tp_getset`/`tp_members` tables put them there: `type(f).__dict__['__code__']` is a
//! getset descriptor, `range.__dict__['start']` a member descriptor, and `dir()`, `getattr`,
//! `setattr`, `delattr` and `vars(type)` all see the same entries.
//!
//! One table (`TABLE`) names each type's attributes; the descriptors it installs read and
//! write through the per-payload accessors (`builtin_attribute`, `set_builtin_attribute`),
//! which stay the single implementation of each attribute. A descriptor checks that the
//! object is an instance of the type that defines it, with CPython's message otherwise.

use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::types::payload::MemberData;
use crate::vm::Vm;

/// `MemberData::index` of a builtin getset descriptor (repr `<attribute ...>`).
pub const BUILTIN_GETSET: usize = usize::MAX - 2;
/// `MemberData::index` of a builtin member descriptor (repr `<member ...>`).
pub const BUILTIN_MEMBER: usize = usize::MAX - 3;

/// Which builtin type an entry of `TABLE` is for.
#[derive(Clone, Copy)]
enum Owner {
    Function,
    Method,
    BuiltinFunction,
    MethodDescriptor,
    Property,
    ClassMethod,
    StaticMethod,
    Generator,
    Coroutine,
    AsyncGenerator,
    Code,
    Frame,
    Traceback,
    Cell,
    Range,
    Slice,
    Int,
    Float,
    Complex,
    MemoryView,
    Super,
    DictKeys,
    DictValues,
    DictItems,
    MemberDescriptor,
    GetSetDescriptor,
    Exception(ExcKind),
}

/// Each type's data attributes; a `:M` suffix marks a member descriptor (CPython's
/// `tp_members`), the others are getset descriptors. `__annotate__` of functions is 3.14's.
const TABLE: &[(Owner, &[&str])] = &[
    (
        Owner::Function,
        &[
            "__annotate__",
            "__annotations__",
            "__builtins__:M",
            "__closure__:M",
            "__code__",
            "__defaults__",
            "__dict__",
            "__doc__:M",
            "__globals__:M",
            "__kwdefaults__",
            "__module__:M",
            "__name__",
            "__qualname__",
            "__type_params__",
        ],
    ),
    (Owner::Method, &["__doc__", "__func__:M", "__self__:M"]),
    (
        Owner::BuiltinFunction,
        &[
            "__doc__",
            "__module__:M",
            "__name__",
            "__qualname__",
            "__self__",
            "__text_signature__",
        ],
    ),
    (
        Owner::MethodDescriptor,
        &[
            "__doc__",
            "__name__:M",
            "__objclass__:M",
            "__qualname__",
            "__text_signature__",
        ],
    ),
    (
        Owner::Property,
        &[
            "__doc__:M",
            "__isabstractmethod__",
            "__name__",
            "fdel:M",
            "fget:M",
            "fset:M",
        ],
    ),
    (
        Owner::ClassMethod,
        &["__func__:M", "__isabstractmethod__", "__wrapped__:M"],
    ),
    (
        Owner::StaticMethod,
        &["__func__:M", "__isabstractmethod__", "__wrapped__:M"],
    ),
    (
        Owner::Generator,
        &[
            "__name__",
            "__qualname__",
            "gi_code",
            "gi_frame",
            "gi_running",
            "gi_suspended",
            "gi_yieldfrom",
        ],
    ),
    (
        Owner::Coroutine,
        &[
            "__name__",
            "__qualname__",
            "cr_await",
            "cr_code",
            "cr_frame",
            "cr_origin:M",
            "cr_running",
            "cr_suspended",
        ],
    ),
    (
        Owner::AsyncGenerator,
        &[
            "__name__",
            "__qualname__",
            "ag_await",
            "ag_code",
            "ag_frame",
            "ag_running:M",
            "ag_suspended",
        ],
    ),
    (
        Owner::Code,
        &[
            "co_argcount:M",
            "co_cellvars",
            "co_code",
            "co_consts:M",
            "co_filename:M",
            "co_firstlineno:M",
            "co_flags:M",
            "co_freevars",
            "co_kwonlyargcount:M",
            "co_name:M",
            "co_names:M",
            "co_nlocals:M",
            "co_posonlyargcount:M",
            "co_qualname:M",
            "co_stacksize:M",
            "co_varnames",
        ],
    ),
    (
        Owner::Frame,
        &[
            "f_back",
            "f_builtins",
            "f_code",
            "f_globals",
            "f_lasti",
            "f_lineno",
            "f_locals",
            "f_trace",
            "f_trace_lines:M",
            "f_trace_opcodes",
        ],
    ),
    (
        Owner::Traceback,
        &["tb_frame:M", "tb_lasti:M", "tb_lineno", "tb_next"],
    ),
    (Owner::Cell, &["cell_contents"]),
    (Owner::Range, &["start:M", "step:M", "stop:M"]),
    (Owner::Slice, &["start:M", "step:M", "stop:M"]),
    (Owner::Int, &["denominator", "imag", "numerator", "real"]),
    (Owner::Float, &["imag", "real"]),
    (Owner::Complex, &["imag:M", "real:M"]),
    (
        Owner::MemoryView,
        &[
            "c_contiguous",
            "contiguous",
            "f_contiguous",
            "format",
            "itemsize",
            "nbytes",
            "ndim",
            "obj",
            "readonly",
            "shape",
            "strides",
            "suboffsets",
        ],
    ),
    (
        Owner::Super,
        &["__self__:M", "__self_class__:M", "__thisclass__:M"],
    ),
    (Owner::DictKeys, &["mapping"]),
    (Owner::DictValues, &["mapping"]),
    (Owner::DictItems, &["mapping"]),
    (
        Owner::MemberDescriptor,
        &["__doc__", "__name__:M", "__objclass__:M", "__qualname__"],
    ),
    (
        Owner::GetSetDescriptor,
        &["__doc__", "__name__:M", "__objclass__:M", "__qualname__"],
    ),
    (
        Owner::Exception(ExcKind::BaseException),
        &[
            "__cause__",
            "__context__",
            "__dict__",
            "__suppress_context__:M",
            "__traceback__",
            "args",
        ],
    ),
    (Owner::Exception(ExcKind::StopIteration), &["value:M"]),
    (Owner::Exception(ExcKind::SystemExit), &["code:M"]),
    (
        Owner::Exception(ExcKind::OSError),
        &[
            "characters_written",
            "errno:M",
            "filename2:M",
            "filename:M",
            "strerror:M",
        ],
    ),
    (
        Owner::Exception(ExcKind::ImportError),
        &["msg:M", "name:M", "name_from:M", "path:M"],
    ),
    (
        Owner::Exception(ExcKind::AttributeError),
        &["name:M", "obj:M"],
    ),
    (Owner::Exception(ExcKind::NameError), &["name:M"]),
    (
        Owner::Exception(ExcKind::SyntaxError),
        &[
            "end_lineno:M",
            "end_offset:M",
            "filename:M",
            "lineno:M",
            "msg:M",
            "offset:M",
            "print_file_and_line:M",
            "text:M",
        ],
    ),
    (
        Owner::Exception(ExcKind::UnicodeDecodeError),
        &["encoding:M", "end:M", "object:M", "reason:M", "start:M"],
    ),
    (
        Owner::Exception(ExcKind::UnicodeEncodeError),
        &["encoding:M", "end:M", "object:M", "reason:M", "start:M"],
    ),
    (
        Owner::Exception(ExcKind::UnicodeTranslateError),
        &["encoding:M", "end:M", "object:M", "reason:M", "start:M"],
    ),
    (
        Owner::Exception(ExcKind::BaseExceptionGroup),
        &["exceptions:M", "message:M"],
    ),
];

fn owner_type(vm: &Vm, owner: Owner) -> Value {
    let t = &vm.types;
    match owner {
        Owner::Function => t.function.clone(),
        Owner::Method => t.method.clone(),
        Owner::BuiltinFunction => t.builtin_function.clone(),
        Owner::MethodDescriptor => t.method_descriptor.clone(),
        Owner::Property => t.property.clone(),
        Owner::ClassMethod => t.classmethod.clone(),
        Owner::StaticMethod => t.staticmethod.clone(),
        Owner::Generator => t.generator.clone(),
        Owner::Coroutine => t.coroutine.clone(),
        Owner::AsyncGenerator => t.async_generator.clone(),
        Owner::Code => t.code.clone(),
        Owner::Frame => t.frame.clone(),
        Owner::Traceback => t.traceback.clone(),
        Owner::Cell => t.cell.clone(),
        Owner::Range => t.range.clone(),
        Owner::Slice => t.slice.clone(),
        Owner::Int => t.int.clone(),
        Owner::Float => t.float.clone(),
        Owner::Complex => t.complex.clone(),
        Owner::MemoryView => t.memoryview.clone(),
        Owner::Super => t.super_.clone(),
        Owner::DictKeys => t.dict_keys.clone(),
        Owner::DictValues => t.dict_values.clone(),
        Owner::DictItems => t.dict_items.clone(),
        Owner::MemberDescriptor => t.member_descriptor.clone(),
        Owner::GetSetDescriptor => t.getset_descriptor.clone(),
        Owner::Exception(kind) => t.exception(kind).clone(),
    }
}

/// Puts every descriptor of `TABLE` into its type's dict.
pub fn install(vm: &mut Vm) {
    for (owner, names) in TABLE {
        let ty = owner_type(vm, *owner);
        let owner_name = crate::runtime::typecheck::type_name_of(&ty);
        for entry in *names {
            let (name, member) = match entry.strip_suffix(":M") {
                Some(n) => (n, true),
                None => (*entry, false),
            };
            let descr_type = if member {
                vm.types.member_descriptor.clone()
            } else {
                vm.types.getset_descriptor.clone()
            };
            let interned = vm.intern(name);
            let descr = Value::alloc(
                &descr_type,
                Payload::Member(MemberData {
                    name: interned,
                    index: if member {
                        BUILTIN_MEMBER
                    } else {
                        BUILTIN_GETSET
                    },
                    owner: owner_name.clone(),
                    owner_type: ty.clone(),
                }),
            );
            vm.set_type_attr(&ty, name, descr);
        }
    }
    let getset = vm.types.getset_descriptor.clone();
    let member = vm.types.member_descriptor.clone();
    for ty in [getset, member] {
        vm.add_method(&ty, "__get__", descriptor_get_method);
        vm.add_method(&ty, "__set__", descriptor_set_method);
        vm.add_method(&ty, "__delete__", descriptor_delete_method);
    }
}

/// Whether `m` is one of the descriptors `install` made.
pub fn is_builtin(m: &MemberData) -> bool {
    m.index == BUILTIN_GETSET || m.index == BUILTIN_MEMBER
}

/// "descriptor 'x' for 'T' objects doesn't apply to a 'U' object".
fn check_applies(vm: &Vm, m: &MemberData, obj: &Value) -> PyResult<()> {
    if m.owner_type.is_null() || vm.is_instance(obj, &m.owner_type) {
        return Ok(());
    }
    Err(PyErr::type_error(format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        m.name.as_str().unwrap_or(""),
        m.owner,
        vm.type_name(obj)
    )))
}

/// `descr.__get__(obj)`: the attribute of `obj`.
pub fn get(vm: &mut Vm, m: &MemberData, obj: &Value) -> PyResult<Value> {
    check_applies(vm, m, obj)?;
    let name = m.name.as_str().unwrap_or("");
    if let Some(v) = vm.special_attr(obj, name)? {
        return Ok(v);
    }
    Err(vm.attribute_error(obj, name))
}

/// `descr.__set__(obj, value)`, or `__delete__(obj)` when `value` is `None`.
pub fn set(vm: &mut Vm, m: &MemberData, obj: &Value, value: Option<Value>) -> PyResult<()> {
    check_applies(vm, m, obj)?;
    let name = m.name.as_str().unwrap_or("");
    match value {
        Some(value) => {
            if crate::builtins::object::set_builtin_attribute(vm, obj, name, &value)? {
                return Ok(());
            }
            // Typed fields of exceptions with no slot of their own live in the dict.
            if vm.instance_dict(obj).is_some() && vm.own_attr_set(obj, name, value)? {
                return Ok(());
            }
        }
        None => {
            if crate::builtins::object::attrs::delete_function_attribute(obj, name)? {
                return Ok(());
            }
            if obj.as_exception().is_some() {
                if matches!(name, "args" | "__traceback__" | "__cause__" | "__context__") {
                    return Err(PyErr::type_error(format!("{name} may not be deleted")));
                }
                if vm.own_attr_del(obj, name)? {
                    return Ok(());
                }
            }
            if name == "f_trace" && crate::interp::frame_object::frame_data(obj).is_some() {
                crate::builtins::object::set_builtin_attribute(vm, obj, name, &Value::NONE)?;
                return Ok(());
            }
        }
    }
    if m.index == BUILTIN_MEMBER {
        return Err(PyErr::attribute_error("readonly attribute"));
    }
    Err(PyErr::attribute_error(format!(
        "attribute '{name}' of '{}' objects is not writable",
        m.owner
    )))
}

fn member_of<'a>(vm: &Vm, descr: Option<&'a Value>, method: &str) -> PyResult<&'a MemberData> {
    match descr.and_then(Value::payload) {
        Some(Payload::Member(m)) => Ok(m),
        _ => Err(PyErr::type_error(format!(
            "descriptor '{method}' requires a 'getset_descriptor' object but received a '{}'",
            descr.map_or("NoneType".to_string(), |d| vm.type_name(d))
        ))),
    }
}

/// `descr.__get__(obj, type=None)`: the descriptor itself for `obj` None.
fn descriptor_get_method(vm: &mut Vm, args: crate::interp::args::Args<'_>) -> PyResult<Value> {
    let descr = args.values.first();
    let m = member_of(vm, descr, "__get__")?;
    let pos = crate::builtins::native_util::rest(&args).range("__get__", 1, 2)?;
    let obj = &pos[0];
    if obj.is_none() {
        let ty = pos.get(1).cloned().unwrap_or(Value::NONE);
        if ty.is_none() {
            return Err(PyErr::type_error("__get__(None, None) is invalid"));
        }
        return Ok(descr.cloned().unwrap_or(Value::NONE));
    }
    let descr = descr.cloned().unwrap_or(Value::NONE);
    if is_builtin(m) {
        return get(vm, m, obj);
    }
    vm.member_get(&descr, obj)
}

fn descriptor_set_method(vm: &mut Vm, args: crate::interp::args::Args<'_>) -> PyResult<Value> {
    let descr = args.values.first();
    let m = member_of(vm, descr, "__set__")?;
    let pos = crate::builtins::native_util::rest(&args).exact("__set__", 2)?;
    let descr = descr.cloned().unwrap_or(Value::NONE);
    vm.descriptor_set(&descr, m, &pos[0], Some(pos[1].clone()))?;
    Ok(Value::NONE)
}

fn descriptor_delete_method(vm: &mut Vm, args: crate::interp::args::Args<'_>) -> PyResult<Value> {
    let descr = args.values.first();
    let m = member_of(vm, descr, "__delete__")?;
    let pos = crate::builtins::native_util::rest(&args).exact("__delete__", 1)?;
    let descr = descr.cloned().unwrap_or(Value::NONE);
    vm.descriptor_set(&descr, m, &pos[0], None)?;
    Ok(Value::NONE)
}

impl Vm {
    /// Sets (or, with `None`, deletes) an attribute through a member or getset descriptor.
    pub fn descriptor_set(
        &mut self,
        descr: &Value,
        m: &MemberData,
        obj: &Value,
        value: Option<Value>,
    ) -> PyResult<()> {
        if is_builtin(m) {
            set(self, m, obj, value)
        } else {
            self.member_set(descr, obj, value)
        }
    }
}
