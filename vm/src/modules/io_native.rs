//! `_io`: the Rust half of `io` — the file-object types that `open()` returns,
//! `io.UnsupportedOperation` and `open` itself. The frozen `io` module builds the class
//! hierarchy (`IOBase`...) and `StringIO`/`BytesIO` on top of it.

use crate::object::Value;
use crate::runtime::errors::PyResult;
use crate::vm::Vm;

/// Creates the `_io` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let dict = vm.new_dict();
    let module = vm.new_module("_io", dict.clone());
    let text_io = vm.types.text_io.clone();
    vm.set_item_str(&dict, "TextIOWrapper", text_io)?;
    let buffered = vm.types.buffered_io.clone();
    vm.set_item_str(&dict, "BufferedReader", buffered)?;
    let unsupported = crate::builtins::io::unsupported_operation_type(vm)?;
    vm.set_item_str(&dict, "UnsupportedOperation", unsupported)?;
    let builtins = vm.builtins_dict.clone();
    if let Some(open) = vm.dict_get_str(&builtins, "open") {
        vm.set_item_str(&dict, "open", open)?;
    }
    let size = vm.new_int(8192);
    vm.set_item_str(&dict, "DEFAULT_BUFFER_SIZE", size)?;
    Ok(module)
}
