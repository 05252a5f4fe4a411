//! `__slots__`: the slot layout a class statement asks for (slot names become member
//! descriptors indexing the front of each instance's value vector), whether instances
//! get a `__dict__`, and CPython's errors for bad or conflicting slot declarations.

use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::types::payload::MemberData;
use crate::types::typeobj::type_flags;
use crate::vm::Vm;

/// Member index of the `__dict__` getset descriptor a class gets when it introduces
/// instance dicts.
pub const DICT_MEMBER: usize = usize::MAX;
/// Member index of the `__weakref__` getset descriptor (always None: no weak references).
pub const WEAKREF_MEMBER: usize = usize::MAX - 1;

/// The instance layout of a new class.
pub struct SlotsLayout {
    /// Slot values per instance (inherited ones first).
    pub nslots: u32,
    /// Whether instances have a `__dict__`.
    pub has_dict: bool,
}

impl SlotsLayout {
    /// Reads `__slots__` from the class namespace `dict` (adding member descriptors to it)
    /// and combines it with the bases' layouts.
    pub fn compute(
        vm: &mut Vm,
        class_name: &str,
        bases: &[Value],
        dict: &Value,
        object_layout: bool,
    ) -> PyResult<SlotsLayout> {
        let mut base_n: u32 = 0;
        let mut solid: Option<Value> = None;
        let mut base_has_dict = false;
        for b in bases {
            let Some(bd) = b.as_type_data() else { continue };
            base_has_dict |= bd.has_flag(type_flags::HAS_DICT);
            let n = bd.nslots.get();
            if n == 0 {
                continue;
            }
            match &solid {
                None => {
                    solid = Some(b.clone());
                    base_n = n;
                }
                Some(s) if vm.is_subtype(b, s) => {
                    solid = Some(b.clone());
                    base_n = n;
                }
                Some(s) if vm.is_subtype(s, b) => {}
                Some(_) => {
                    return Err(PyErr::type_error(
                        "multiple bases have instance lay-out conflict",
                    ));
                }
            }
        }
        let Some(decl) = vm.dict_get_str(dict, "__slots__") else {
            if !base_has_dict && object_layout {
                add_getset(vm, class_name, dict, "__dict__", DICT_MEMBER)?;
                add_getset(vm, class_name, dict, "__weakref__", WEAKREF_MEMBER)?;
                // (Builtin-layout instances keep their own `__dict__` handling.)
            }
            return Ok(SlotsLayout {
                nslots: base_n,
                has_dict: true,
            });
        };
        let items = if decl.as_pystr().is_some() {
            vec![decl]
        } else {
            vm.collect_iterable(&decl)?
        };
        let mut names: Vec<String> = Vec::new();
        let mut add_dict = false;
        let mut add_weakref = false;
        for item in &items {
            let Some(text) = item.as_str() else {
                return Err(PyErr::type_error(format!(
                    "__slots__ items must be strings, not '{}'",
                    vm.type_name(item)
                )));
            };
            if !is_identifier(text) {
                return Err(PyErr::type_error("__slots__ must be identifiers"));
            }
            if text == "__dict__" {
                if base_has_dict || add_dict {
                    return Err(PyErr::type_error(
                        "__dict__ slot disallowed: we already got one",
                    ));
                }
                add_dict = true;
                continue;
            }
            if text == "__weakref__" {
                add_weakref = true;
                continue;
            }
            names.push(mangle(class_name, text));
        }
        for name in &names {
            if vm.dict_get_str(dict, name).is_some() {
                return Err(PyErr::new(
                    ExcKind::ValueError,
                    format!("'{name}' in __slots__ conflicts with class variable"),
                ));
            }
        }
        for (i, name) in names.iter().enumerate() {
            let interned = vm.intern(name);
            let member = Value::alloc(
                &vm.types.member_descriptor,
                Payload::Member(MemberData {
                    name: interned,
                    index: base_n as usize + i,
                    owner: class_name.to_string(),
                    owner_type: Value::NULL,
                }),
            );
            vm.set_item_str(dict, name, member)?;
        }
        if add_dict && object_layout {
            add_getset(vm, class_name, dict, "__dict__", DICT_MEMBER)?;
        }
        if add_weakref {
            if bases
                .iter()
                .any(|b| vm.lookup_type_attr(b, "__weakref__").is_some())
            {
                return Err(PyErr::type_error(
                    "__weakref__ slot disallowed: we already got one",
                ));
            }
            add_getset(vm, class_name, dict, "__weakref__", WEAKREF_MEMBER)?;
        }
        Ok(SlotsLayout {
            nslots: base_n + names.len() as u32,
            has_dict: base_has_dict || add_dict,
        })
    }
}

/// Adds the `__dict__`/`__weakref__` descriptor of a class introducing instance dicts.
fn add_getset(
    vm: &mut Vm,
    class_name: &str,
    dict: &Value,
    name: &str,
    index: usize,
) -> PyResult<()> {
    if vm.dict_get_str(dict, name).is_some() {
        return Ok(());
    }
    let interned = vm.intern(name);
    let descr = Value::alloc(
        &vm.types.getset_descriptor,
        Payload::Member(MemberData {
            name: interned,
            index,
            owner: class_name.to_string(),
            owner_type: Value::NULL,
        }),
    );
    vm.set_item_str(dict, name, descr)
}

/// `__x` inside class `C` is stored as `_C__x` (CPython's private name mangling).
fn mangle(class_name: &str, name: &str) -> String {
    let stripped = class_name.trim_start_matches('_');
    if !name.starts_with("__") || name.ends_with("__") || stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

fn is_identifier(text: &str) -> bool {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if c == '_' || c.is_alphabetic() => {}
        _ => return false,
    }
    chars.all(|c| c == '_' || c.is_alphanumeric())
}

/// The repr of a member descriptor: `<member 'x' of 'P' objects>`.
pub fn member_repr(member: &Value) -> Option<String> {
    match member.payload() {
        Some(Payload::Member(m))
            if m.index >= WEAKREF_MEMBER || m.index == crate::builtins::getset::BUILTIN_GETSET =>
        {
            Some(format!(
                "<attribute '{}' of '{}' objects>",
                m.name.as_str().unwrap_or(""),
                m.owner
            ))
        }
        Some(Payload::Member(m)) => Some(format!(
            "<member '{}' of '{}' objects>",
            m.name.as_str().unwrap_or(""),
            m.owner
        )),
        _ => None,
    }
}
