//! `_collections`: the Rust half of `collections` (`deque` and its iterators). The rest of
//! `collections` is Python, in `modules/frozen/collections/`.

pub mod deque;

use crate::object::Value;
use crate::runtime::errors::PyResult;
use crate::vm::Vm;

/// Creates the `_collections` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let dict = vm.new_dict();
    let module = vm.new_module("_collections", dict.clone());
    let (deque, iter, reviter) = deque::make_types(vm);
    vm.set_item_str(&dict, "deque", deque)?;
    vm.set_item_str(&dict, "_deque_iterator", iter)?;
    vm.set_item_str(&dict, "_deque_reverse_iterator", reviter)?;
    Ok(module)
}
