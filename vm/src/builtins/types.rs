//! Installs the methods and constructors of every builtin type.

use crate::object::Value;
use crate::vm::Vm;

/// Adds methods to the builtin types (called once at start-up, before `builtins`).
pub fn install(vm: &mut Vm) {
    super::bytes::install(vm);
    super::complex::install(vm);
    super::dict::install(vm);
    super::exceptions::install(vm);
    super::int_float::install(vm);
    super::io::install(vm);
    super::iterators::install(vm);
    super::list::install(vm);
    super::memoryview::install(vm);
    super::range::install(vm);
    super::set::install(vm);
    super::str_format::install(vm);
    super::str_methods::install(vm);
    super::tuple::install(vm);
    super::object::install(vm);
    super::generator::install(vm);
    super::generic_alias::install(vm);
    crate::interp::frame_object::install(vm);
    add_doc_slots(vm);
}

/// Every type has `__doc__` in its dict in CPython, so instances read it through their
/// type; the builtin data types get None there (their docstrings are not reproduced).
fn add_doc_slots(vm: &mut Vm) {
    let t = &vm.types;
    // Not `object`: functions, properties and modules answer `__doc__` themselves, after
    // the type-dict lookup that would find `object`'s.
    let mut types = vec![
        t.int.clone(),
        t.bool_.clone(),
        t.float.clone(),
        t.complex.clone(),
        t.str_.clone(),
        t.bytes.clone(),
        t.bytearray.clone(),
        t.list.clone(),
        t.tuple.clone(),
        t.dict.clone(),
        t.set.clone(),
        t.frozenset.clone(),
        t.range.clone(),
        t.slice.clone(),
        t.none_type.clone(),
        t.memoryview.clone(),
    ];
    types.extend(t.exceptions.iter().cloned());
    for ty in types {
        let missing = ty
            .as_type_data()
            .is_some_and(|d| vm.dict_get_str(&d.dict, "__doc__").is_none());
        if missing {
            vm.set_type_attr(&ty, "__doc__", Value::NONE);
        }
    }
}
