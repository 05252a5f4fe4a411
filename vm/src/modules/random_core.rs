//! `_random`: the Mersenne Twister core of `random` (CPython's `_random` module). The
//! generator itself is the `mt19937` crate (MT19937 with `init_by_array`, which is what
//! CPython seeds with); this file adds CPython's seeding rules (an int's absolute value
//! split into 32-bit words, least significant first; other objects by their hash),
//! `random()` with 53-bit resolution, `getrandbits`, and the 625-int state tuple.
//!
//! It also holds the few float helpers `frozen/random.py` needs (`_log`, `_floor`...),
//! so `random` does not depend on `math` while that module is written elsewhere, and the
//! SHA-512 step of version-2 seeding for str and bytes.

use std::cell::RefCell;

use mt19937::MT19937;
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};
use rand_core::Rng;
use sha2::{Digest, Sha512};

use crate::interp::args::Args;
use crate::object::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::native::NativeState;
use crate::runtime::native::native_receiver;
use crate::runtime::numbers::as_int;
use crate::types::function::NativeFn;
use crate::types::typeobj::type_flags;
use crate::vm::Vm;

/// Words of MT19937 state.
const N: usize = 624;

struct RandomState {
    mt: RefCell<MT19937>,
}

/// Creates the `_random` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let dict = vm.new_dict();
    let module = vm.new_module("_random", dict.clone());
    let ty = vm.new_native_type("_random", "Random", true);
    vm.set_constructor(&ty, random_new);
    let methods: [(&'static str, NativeFn); 6] = [
        ("_randbelow_with_getrandbits", randbelow_with_getrandbits),
        ("seed", random_seed),
        ("random", random_random),
        ("getrandbits", random_getrandbits),
        ("getstate", random_getstate),
        ("setstate", random_setstate),
    ];
    for (name, f) in methods {
        vm.add_method(&ty, name, f);
    }
    vm.set_item_str(&dict, "Random", ty)?;
    let functions: [(&'static str, NativeFn); 8] = [
        ("_seed_from_text", seed_from_text),
        ("_urandom", urandom),
        ("_log", float_log),
        ("_floor", float_floor),
        ("_ceil", float_ceil),
        ("_isfinite", float_isfinite),
        ("_fabs", float_fabs),
        ("_unary", float_unary),
    ];
    for (name, f) in functions {
        let fv = vm.new_builtin_function(name, f, module.clone());
        vm.set_item_str(&dict, name, fv)?;
    }
    Ok(module)
}

/// `_random.Random(seed=None)`: a new generator, seeded.
fn random_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = args.values[0].clone();
    let a = crate::builtins::object::util::rest(&args);
    let exact = cls
        .as_type_data()
        .is_some_and(|d| !d.has_flag(type_flags::HEAPTYPE));
    let state = RandomState {
        mt: RefCell::new(MT19937::new_with_slice_seed(&[0])),
    };
    if !exact {
        // A Python subclass seeds itself in `__init__` (as CPython's does).
        return Ok(vm.new_native(&cls, state, None));
    }
    a.no_keywords("Random")?;
    let pos = a.positional();
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "Random() expected at most 1 argument, got {}",
            pos.len()
        )));
    }
    let obj = vm.new_native(&cls, state, None);
    if let Some(s) = crate::runtime::native::native_state::<RandomState>(&obj) {
        let seed = pos.first().cloned().unwrap_or(Value::NONE);
        seed_generator(vm, s, &seed)?;
    }
    Ok(obj)
}

fn this<'a>(vm: &Vm, args: &Args<'a>, method: &str) -> PyResult<&'a RandomState> {
    native_receiver::<RandomState>(vm, args, method, "_random.Random").map(|(_, s)| s)
}

/// Seeds from an int (its absolute value), from the OS for None, else from `hash(seed)`.
fn seed_generator(vm: &mut Vm, s: &RandomState, seed: &Value) -> PyResult<()> {
    let n: BigInt = if seed.is_none() {
        let bytes = os_random_bytes(N * 4);
        BigInt::from_bytes_le(Sign::Plus, &bytes)
    } else if let Some(i) = as_int(seed) {
        i.to_bigint().abs()
    } else {
        // CPython reinterprets the hash as an unsigned machine word.
        let h = vm.hash(seed)?;
        BigInt::from(h as u64)
    };
    let mut key: Vec<u32> = n.to_u32_digits().1;
    if key.is_empty() {
        key.push(0);
    }
    *s.mt.borrow_mut() = MT19937::new_with_slice_seed(&key);
    Ok(())
}

fn random_seed(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args, "seed")?;
    let a = crate::builtins::object::util::rest(&args);
    a.no_keywords("seed")?;
    let pos = a.range("seed", 0, 1)?;
    let seed = pos.first().cloned().unwrap_or(Value::NONE);
    seed_generator(vm, s, &seed)?;
    Ok(Value::NONE)
}

/// The next float in [0, 1) with 53 random bits, as CPython computes it.
fn next_float(mt: &mut MT19937) -> f64 {
    mt19937::gen_res53(mt)
}

fn random_random(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args, "random")?;
    if args.values.len() > 1 {
        return Err(PyErr::type_error(format!(
            "Random.random() takes no arguments ({} given)",
            args.values.len() - 1
        )));
    }
    let f = next_float(&mut s.mt.borrow_mut());
    Ok(vm.new_float(f))
}

fn random_getrandbits(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args, "getrandbits")?;
    let a = crate::builtins::object::util::rest(&args);
    let pos = a.exact("getrandbits", 1)?;
    let k = vm.index_i64(&pos[0])?;
    if k < 0 {
        return Err(PyErr::value_error("number of bits must be non-negative"));
    }
    let mut mt = s.mt.borrow_mut();
    if k == 0 {
        return Ok(vm.new_int(0));
    }
    if k <= 32 {
        let r = mt.next_u32() >> (32 - k);
        return Ok(vm.new_int(i64::from(r)));
    }
    let words = ((k - 1) / 32 + 1) as usize;
    let mut out = Vec::with_capacity(words);
    let mut left = k;
    for _ in 0..words {
        let mut r = mt.next_u32();
        if left < 32 {
            r >>= 32 - left;
        }
        out.push(r);
        left -= 32;
    }
    let n = BigInt::from_slice(Sign::Plus, &out);
    Ok(match n.to_i64() {
        Some(i) => vm.new_int(i),
        None => vm.new_bigint(n),
    })
}

/// Whether `obj`'s class still uses this module's `getrandbits` (not an override).
fn uses_builtin_getrandbits(vm: &Vm, obj: &Value) -> bool {
    let ty = vm.type_of(obj);
    match vm
        .lookup_type_attr(&ty, "getrandbits")
        .as_ref()
        .and_then(Value::payload)
    {
        Some(crate::object::Payload::BuiltinFunction(f)) => {
            f.name == "getrandbits"
                && f.owner.as_type_data().is_some_and(|d| {
                    d.layout == crate::types::typeobj::Layout::Native
                        && !d.has_flag(type_flags::HEAPTYPE)
                        && *d.name.borrow() == "Random"
                })
        }
        _ => false,
    }
}

/// `_randbelow_with_getrandbits(n)`: a uniform int in `[0, n)` by rejection sampling of
/// `n.bit_length()`-bit numbers, as CPython's `random.Random` does (so it consumes the
/// same generator output). Calls an overriding `getrandbits` when a subclass has one.
fn randbelow_with_getrandbits(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, s) =
        native_receiver::<RandomState>(vm, &args, "_randbelow_with_getrandbits", "_random.Random")?;
    let pos = crate::builtins::object::util::rest(&args).exact("_randbelow_with_getrandbits", 1)?;
    let n = &pos[0];
    let small = as_int(n).and_then(|i| i.to_i64()).filter(|&i| i > 0);
    if let Some(n) = small
        && uses_builtin_getrandbits(vm, this)
    {
        let k = 64 - (n as u64).leading_zeros();
        let mut mt = s.mt.borrow_mut();
        loop {
            let r: u64 = if k <= 32 {
                u64::from(mt.next_u32() >> (32 - k))
            } else {
                let low = u64::from(mt.next_u32());
                let high = u64::from(mt.next_u32() >> (64 - k));
                (high << 32) | low
            };
            if r < n as u64 {
                return Ok(vm.new_int(r as i64));
            }
        }
    }
    // General case: Python-level calls, as written in CPython's random.py.
    let k = vm.call_method(n, "bit_length", &[])?;
    let getrandbits = vm.getattr_str(this, "getrandbits")?;
    loop {
        let r = vm.call(&getrandbits, std::slice::from_ref(&k))?;
        if !vm.compare_bool(&r, n, crate::bytecode::CompareOp::Ge)? {
            return Ok(r);
        }
    }
}

fn random_getstate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args, "getstate")?;
    crate::builtins::object::util::rest(&args).exact("getstate", 0)?;
    let mt = s.mt.borrow();
    let mut items: Vec<Value> = mt
        .get_state()
        .iter()
        .map(|&w| vm.new_int(i64::from(w)))
        .collect();
    items.push(vm.new_int(mt.get_index() as i64));
    Ok(vm.new_tuple(items))
}

fn random_setstate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args, "setstate")?;
    let pos = crate::builtins::object::util::rest(&args).exact("setstate", 1)?;
    let Some(items) = pos[0].as_tuple() else {
        return Err(PyErr::type_error("state vector must be a tuple"));
    };
    if items.len() != N + 1 {
        return Err(PyErr::value_error("state vector is the wrong size"));
    }
    let mut words = [0u32; N];
    for (slot, v) in words.iter_mut().zip(items) {
        *slot = unsigned_word(vm, v)?;
    }
    let index = match as_int(&items[N]) {
        Some(i) => i.to_i64(),
        None => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(&items[N])
            )));
        }
    };
    let index = match index {
        Some(i) if (0..=N as i64).contains(&i) => i as usize,
        _ => return Err(PyErr::value_error("invalid state")),
    };
    let mut mt = s.mt.borrow_mut();
    mt.set_state(&words);
    mt.set_index(index);
    Ok(Value::NONE)
}

/// A state word: CPython takes the int as an unsigned long and keeps its low 32 bits.
fn unsigned_word(vm: &Vm, v: &Value) -> PyResult<u32> {
    match as_int(v) {
        Some(i) => {
            let b = i.to_bigint();
            if b.is_negative() {
                return Err(PyErr::overflow_error(
                    "can't convert negative value to unsigned int",
                ));
            }
            match b.to_u64() {
                Some(u) => Ok(u as u32),
                None => Err(PyErr::overflow_error(
                    "Python int too large to convert to C unsigned long",
                )),
            }
        }
        None => Err(PyErr::type_error(format!(
            "an integer is required (got type {})",
            vm.type_name(v)
        ))),
    }
}

/// Random bytes from the OS (falling back to the clock if /dev/urandom is unreadable).
fn os_random_bytes(n: usize) -> Vec<u8> {
    use std::io::Read;
    let mut buf = vec![0u8; n];
    let ok = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .is_ok();
    if !ok {
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        for (i, b) in buf.iter_mut().enumerate() {
            *b = (t >> ((i % 16) * 8)) as u8 ^ (i as u8);
        }
    }
    buf
}

/// `_seed_from_text(a)`: version-2 seeding of a str/bytes/bytearray:
/// `int.from_bytes(a + sha512(a).digest())` with `a` encoded as UTF-8 if a str.
fn seed_from_text(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("_seed_from_text", 1)?;
    let mut bytes: Vec<u8> = if let Some(s) = pos[0].as_pystr() {
        s.wtf8().to_vec()
    } else if let Some(b) = vm.bytes_like(&pos[0]) {
        b
    } else {
        return Err(PyErr::type_error("expected str, bytes or bytearray"));
    };
    let digest = Sha512::digest(&bytes);
    bytes.extend_from_slice(&digest);
    Ok(vm.new_bigint(BigInt::from_bytes_be(Sign::Plus, &bytes)))
}

fn urandom(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("_urandom", 1)?;
    let n = vm.index_i64(&pos[0])?;
    if n < 0 {
        return Err(PyErr::value_error("negative argument not allowed"));
    }
    Ok(vm.new_bytes(os_random_bytes(n as usize)))
}

/// A float argument for the helpers (ints convert exactly as `float()` would).
fn float_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    vm.to_f64(v)
}

/// `_log(x[, base])`: natural logarithm as `math.log` computes it (ints of any size too).
fn float_log(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.range("_log", 1, 2)?;
    let ln = |vm: &mut Vm, v: &Value| -> PyResult<f64> {
        if let Some(i) = as_int(v) {
            let b = i.to_bigint();
            if b.is_positive() {
                if let Some(f) = b.to_f64().filter(|f| f.is_finite()) {
                    return Ok(f.ln());
                }
                // Too big for a float: log(m * 2**e) = log(m) + e*log(2).
                let bits = b.bits();
                let shift = bits.saturating_sub(64);
                let top = (&b >> shift).to_f64().unwrap_or(f64::MAX);
                return Ok(top.ln() + shift as f64 * std::f64::consts::LN_2);
            }
            return Err(PyErr::value_error("expected a positive input"));
        }
        let x = float_arg(vm, v)?;
        if x > 0.0 || x.is_nan() {
            Ok(x.ln())
        } else {
            Err(PyErr::value_error("expected a positive input"))
        }
    };
    let num = ln(vm, &pos[0])?;
    let r = match pos.get(1) {
        Some(base) => {
            let den = ln(vm, base)?;
            if den == 0.0 {
                return Err(PyErr::new(
                    crate::runtime::errors::ExcKind::ZeroDivisionError,
                    "division by zero",
                ));
            }
            num / den
        }
        None => num,
    };
    Ok(vm.new_float(r))
}

fn float_to_int(vm: &Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(PyErr::overflow_error(
            "cannot convert float infinity to integer",
        ));
    }
    if f.abs() < 9.0e15 {
        return Ok(vm.new_int(f as i64));
    }
    match crate::runtime::numbers::float_to_bigint(f) {
        Some(b) => Ok(vm.new_bigint(b)),
        None => Err(PyErr::overflow_error("cannot convert float to integer")),
    }
}

fn int_or_float(vm: &mut Vm, v: &Value, round: fn(f64) -> f64) -> PyResult<Value> {
    if as_int(v).is_some() {
        let b = as_int(v)
            .map(|i| i.to_bigint())
            .unwrap_or_else(BigInt::zero);
        return Ok(match b.to_i64() {
            Some(i) => vm.new_int(i),
            None => vm.new_bigint(b),
        });
    }
    let x = float_arg(vm, v)?;
    float_to_int(vm, round(x))
}

fn float_floor(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("_floor", 1)?;
    int_or_float(vm, &pos[0], f64::floor)
}

fn float_ceil(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("_ceil", 1)?;
    int_or_float(vm, &pos[0], f64::ceil)
}

fn float_isfinite(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("_isfinite", 1)?;
    let x = float_arg(vm, &pos[0])?;
    Ok(Value::from_bool(x.is_finite()))
}

fn float_fabs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("_fabs", 1)?;
    let x = float_arg(vm, &pos[0])?;
    Ok(vm.new_float(x.abs()))
}

/// `_unary(name, x)`: the libm function `name` (exp, sqrt, cos, sin, acos, log2) of x,
/// with `math`'s domain errors for the inputs `random` can produce.
fn float_unary(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("_unary", 2)?;
    let name = pos[0].as_str().unwrap_or("").to_string();
    let x = float_arg(vm, &pos[1])?;
    let domain = || PyErr::value_error("math domain error");
    let r = match name.as_str() {
        "exp" => {
            let r = x.exp();
            if r.is_infinite() && x.is_finite() {
                return Err(PyErr::overflow_error("math range error"));
            }
            r
        }
        "sqrt" => {
            if x < 0.0 {
                return Err(domain());
            }
            x.sqrt()
        }
        "cos" => x.cos(),
        "sin" => x.sin(),
        "acos" => {
            if !(-1.0..=1.0).contains(&x) {
                return Err(domain());
            }
            x.acos()
        }
        "log2" => {
            if x <= 0.0 {
                return Err(domain());
            }
            x.log2()
        }
        _ => return Err(PyErr::value_error(format!("unknown function {name}"))),
    };
    Ok(vm.new_float(r))
}

impl NativeState for RandomState {}
