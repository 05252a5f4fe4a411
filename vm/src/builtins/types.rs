//! Installs the methods and constructors of every builtin type.

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
}
