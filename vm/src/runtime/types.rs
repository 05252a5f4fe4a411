//! The builtin type objects of one interpreter, created at start-up. `type` and `dict` need
//! each other (a type has a dict, a dict has a type), so every bootstrap object is first
//! made with no type and patched once `type` and `dict` exist.

use std::cell::{Cell, RefCell};

use crate::object::{Payload, Value};
use crate::runtime::errors::ExcKind;
use crate::types::dict::DictTable;
use crate::types::typeobj::{Layout, TypeData, type_flags};
use crate::vm::Vm;

macro_rules! builtin_types {
    ($( $field:ident : $name:literal, $layout:ident, $subclassable:literal; )*) => {
        /// Every builtin type object (exceptions are in `exceptions`, by `ExcKind`).
        pub struct Types {
            $( pub $field: Value, )*
            pub exceptions: Vec<Value>,
        }

        impl Types {
            /// Creates all builtin types. Methods are added later by `install_methods`.
            pub fn bootstrap() -> Types {
                let mut made: Vec<Value> = Vec::new();
                let object = raw_type("object", Layout::Object, true, Vec::new(), &mut made);
                $( let $field = if $name == "object" {
                    object.clone()
                } else {
                    raw_type($name, Layout::$layout, $subclassable, vec![object.clone()], &mut made)
                }; )*
                let mut exceptions: Vec<Value> = Vec::new();
                for kind in ExcKind::ALL {
                    let mut bases = Vec::new();
                    if *kind == ExcKind::BaseException {
                        bases.push(object.clone());
                    } else {
                        bases.push(exceptions[kind.base().index()].clone());
                        if let Some(extra) = kind.extra_base() {
                            bases.push(exceptions[extra.index()].clone());
                        }
                    }
                    exceptions.push(raw_type(kind.name(), Layout::Exception, true, bases, &mut made));
                }
                let types = Types { $( $field, )* exceptions };
                for v in &made {
                    if let Some(obj) = v.as_object() {
                        obj.set_type(&types.type_);
                        if let Payload::Type(data) = &obj.payload
                            && let Some(d) = data.dict.as_object()
                        {
                            d.set_type(&types.dict);
                        }
                    }
                }
                // `bool` derives from `int` (every other builtin type from `object`).
                if let Some(b) = types.bool_.as_type_data() {
                    *b.bases.borrow_mut() = vec![types.int.clone()];
                    *b.mro_tail.borrow_mut() = vec![types.int.clone(), types.object.clone()];
                }
                types
            }
        }
    };
}

builtin_types! {
    object: "object", Object, true;
    type_: "type", Other, true;
    none_type: "NoneType", Other, false;
    not_implemented_type: "NotImplementedType", Other, false;
    ellipsis_type: "ellipsis", Other, false;
    int: "int", Int, true;
    bool_: "bool", Int, false;
    float: "float", Float, true;
    complex: "complex", Complex, true;
    str_: "str", Str, true;
    bytes: "bytes", Bytes, true;
    bytearray: "bytearray", ByteArray, true;
    memoryview: "memoryview", Other, false;
    list: "list", List, true;
    tuple: "tuple", Tuple, true;
    dict: "dict", Dict, true;
    set: "set", Set, true;
    frozenset: "frozenset", Set, true;
    range: "range", Other, false;
    slice: "slice", Other, false;
    function: "function", Other, false;
    builtin_function: "builtin_function_or_method", Other, false;
    method_descriptor: "method_descriptor", Other, false;
    wrapper_descriptor: "wrapper_descriptor", Other, false;
    method_wrapper: "method-wrapper", Other, false;
    method: "method", Other, false;
    code: "code", Other, false;
    cell: "cell", Other, false;
    module: "module", Other, true;
    traceback: "traceback", Other, false;
    property: "property", Other, true;
    member_descriptor: "member_descriptor", Other, false;
    getset_descriptor: "getset_descriptor", Other, false;
    classmethod: "classmethod", Other, true;
    staticmethod: "staticmethod", Other, true;
    super_: "super", Other, true;
    dict_keys: "dict_keys", Other, false;
    dict_values: "dict_values", Other, false;
    dict_items: "dict_items", Other, false;
    list_iterator: "list_iterator", Other, false;
    list_reverseiterator: "list_reverseiterator", Other, false;
    tuple_iterator: "tuple_iterator", Other, false;
    str_iterator: "str_ascii_iterator", Other, false;
    bytes_iterator: "bytes_iterator", Other, false;
    range_iterator: "range_iterator", Other, false;
    dict_keyiterator: "dict_keyiterator", Other, false;
    dict_valueiterator: "dict_valueiterator", Other, false;
    dict_itemiterator: "dict_itemiterator", Other, false;
    set_iterator: "set_iterator", Other, false;
    seq_iterator: "iterator", Other, false;
    callable_iterator: "callable_iterator", Other, false;
    reversed: "reversed", Other, true;
    enumerate: "enumerate", Other, true;
    zip: "zip", Other, true;
    map: "map", Other, true;
    filter: "filter", Other, true;
    generic_alias: "GenericAlias", Other, false;
    generator: "generator", Other, false;
    coroutine: "coroutine", Other, false;
    async_generator: "async_generator", Other, false;
    coroutine_wrapper: "coroutine_wrapper", Other, false;
    async_generator_asend: "async_generator_asend", Other, false;
    async_generator_athrow: "async_generator_athrow", Other, false;
    frame: "frame", Other, false;
    frame_locals_proxy: "FrameLocalsProxy", Other, false;
    text_io: "TextIOWrapper", Other, false;
    buffered_io: "BufferedReader", Other, false;
}

fn raw_type(
    name: &str,
    layout: Layout,
    subclassable: bool,
    bases: Vec<Value>,
    made: &mut Vec<Value>,
) -> Value {
    let dict = Value::alloc(&Value::NULL, Payload::Dict(RefCell::new(DictTable::new())));
    let mut mro_tail = Vec::new();
    if let Some(first) = bases.first() {
        mro_tail.push(first.clone());
        if let Some(Payload::Type(t)) = first.payload() {
            mro_tail.extend(t.mro_tail.borrow().iter().cloned());
        }
        // Builtin multiple inheritance only occurs for ExceptionGroup; append the rest.
        for extra in bases.iter().skip(1) {
            if !mro_tail.iter().any(|m| m.is(extra)) {
                let pos = mro_tail.len().saturating_sub(2);
                mro_tail.insert(pos, extra.clone());
            }
        }
    }
    let data = TypeData {
        name: RefCell::new(name.to_string()),
        qualname: RefCell::new(name.to_string()),
        bases: RefCell::new(bases),
        mro_tail: RefCell::new(mro_tail),
        dict,
        layout,
        flags: Cell::new(if subclassable {
            type_flags::BASETYPE
        } else {
            0
        }),
        tag: crate::types::typeobj::TypeTag::new(),
        nslots: Cell::new(0),
        constructor: Cell::new(None),
    };
    let ty = Value::alloc(&Value::NULL, Payload::Type(Box::new(data)));
    ty.make_immortal();
    made.push(ty.clone());
    ty
}

impl Types {
    /// The type object of a builtin exception kind.
    pub fn exception(&self, kind: ExcKind) -> &Value {
        &self.exceptions[kind.index()]
    }
}

/// Adds the builtin types' methods and constructors.
pub fn install_methods(vm: &mut Vm) {
    crate::builtins::types::install(vm);
}

/// A builtin (non-heap) type made after start-up by a Rust module, deriving from `object`
/// and shown as `module.name` (e.g. `collections.deque`).
pub fn new_native_type(vm: &mut Vm, name: &str, module: &str, subclassable: bool) -> Value {
    let mut made = Vec::new();
    let object = vm.types.object.clone();
    let ty = raw_type(name, Layout::Native, subclassable, vec![object], &mut made);
    if let Some(obj) = ty.as_object() {
        obj.set_type(&vm.types.type_);
        if let Payload::Type(data) = &obj.payload
            && let Some(d) = data.dict.as_object()
        {
            d.set_type(&vm.types.dict);
        }
    }
    let module = vm.new_str(module);
    vm.set_type_attr(&ty, "__module__", module);
    ty
}
