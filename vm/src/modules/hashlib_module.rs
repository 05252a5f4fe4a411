//! `_hashlib`, the engine of `hashlib` (`frozen/hashlib.py` adds the `HASH` objects and
//! constructors): running MD5/SHA-1/SHA-2 states from the RustCrypto crates, held in a
//! per-thread table and named by integer handles, so the Python object stays a plain
//! instance and `update` costs no more memory than the hash state.

use std::cell::RefCell;
use std::collections::HashMap;

use md5::Md5;
use sha1::Sha1;
use sha2::{Digest, Sha224, Sha256, Sha384, Sha512};

use crate::interp::args::Args;
use crate::object::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::numbers::as_int;
use crate::types::function::NativeFn;
use crate::vm::Vm;

/// A running hash of one of the supported algorithms.
#[derive(Clone)]
enum HashState {
    Md5(Md5),
    Sha1(Sha1),
    Sha224(Sha224),
    Sha256(Sha256),
    Sha384(Sha384),
    Sha512(Sha512),
}

impl HashState {
    fn new(name: &str) -> Option<HashState> {
        Some(match name {
            "md5" => HashState::Md5(Md5::new()),
            "sha1" => HashState::Sha1(Sha1::new()),
            "sha224" => HashState::Sha224(Sha224::new()),
            "sha256" => HashState::Sha256(Sha256::new()),
            "sha384" => HashState::Sha384(Sha384::new()),
            "sha512" => HashState::Sha512(Sha512::new()),
            _ => return None,
        })
    }

    fn update(&mut self, data: &[u8]) {
        match self {
            HashState::Md5(h) => h.update(data),
            HashState::Sha1(h) => h.update(data),
            HashState::Sha224(h) => h.update(data),
            HashState::Sha256(h) => h.update(data),
            HashState::Sha384(h) => h.update(data),
            HashState::Sha512(h) => h.update(data),
        }
    }

    /// The digest so far (the state itself goes on).
    fn digest(&self) -> Vec<u8> {
        match self {
            HashState::Md5(h) => h.clone().finalize().to_vec(),
            HashState::Sha1(h) => h.clone().finalize().to_vec(),
            HashState::Sha224(h) => h.clone().finalize().to_vec(),
            HashState::Sha256(h) => h.clone().finalize().to_vec(),
            HashState::Sha384(h) => h.clone().finalize().to_vec(),
            HashState::Sha512(h) => h.clone().finalize().to_vec(),
        }
    }
}

/// The live hash states of this thread's interpreters, by handle. Handles come from one
/// counter, so interpreters sharing a thread never see each other's states.
#[derive(Default)]
struct StateTable {
    next: u64,
    states: HashMap<u64, HashState>,
}

thread_local! {
    static STATES: RefCell<StateTable> = RefCell::new(StateTable::default());
}

fn insert_state(state: HashState) -> u64 {
    STATES.with(|t| {
        let mut t = t.borrow_mut();
        t.next += 1;
        let handle = t.next;
        t.states.insert(handle, state);
        handle
    })
}

fn with_state<R>(handle: u64, f: impl FnOnce(&mut HashState) -> R) -> PyResult<R> {
    STATES.with(|t| match t.borrow_mut().states.get_mut(&handle) {
        Some(state) => Ok(f(state)),
        None => Err(PyErr::value_error("hash object is closed")),
    })
}

/// Creates `_hashlib`.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let dict = vm.new_dict();
    let module = vm.new_module("_hashlib", dict.clone());
    let functions: [(&'static str, NativeFn); 5] = [
        ("state_new", state_new),
        ("state_update", state_update),
        ("state_digest", state_digest),
        ("state_copy", state_copy),
        ("state_free", state_free),
    ];
    for (name, f) in functions {
        let fv = vm.new_builtin_function(name, f, module.clone());
        vm.set_item_str(&dict, name, fv)?;
    }
    Ok(module)
}

fn handle_arg(v: &Value) -> u64 {
    as_int(v).and_then(|i| i.to_i64()).unwrap_or(0) as u64
}

/// The bytes to hash, with hashlib's messages for str and non-buffers.
pub fn data_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    if v.as_str().is_some() {
        return Err(PyErr::type_error("Strings must be encoded before hashing"));
    }
    vm.bytes_like(v)
        .ok_or_else(|| PyErr::type_error("object supporting the buffer API required"))
}

/// `state_new(name)`: a handle, or None for an unknown algorithm.
fn state_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("state_new", 1)?;
    let name = pos[0].as_str().unwrap_or("");
    Ok(match HashState::new(name) {
        Some(state) => vm.new_int(insert_state(state) as i64),
        None => Value::NONE,
    })
}

fn state_update(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("state_update", 2)?;
    let data = data_arg(vm, &pos[1])?;
    with_state(handle_arg(&pos[0]), |s| s.update(&data))?;
    Ok(Value::NONE)
}

fn state_digest(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("state_digest", 1)?;
    let digest = with_state(handle_arg(&pos[0]), |s| s.digest())?;
    Ok(vm.new_bytes(digest))
}

fn state_copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("state_copy", 1)?;
    let copy = with_state(handle_arg(&pos[0]), |s| s.clone())?;
    Ok(vm.new_int(insert_state(copy) as i64))
}

fn state_free(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("state_free", 1)?;
    let handle = handle_arg(&pos[0]);
    STATES.with(|t| t.borrow_mut().states.remove(&handle));
    Ok(Value::NONE)
}
