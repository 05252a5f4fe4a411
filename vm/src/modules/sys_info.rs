//! The struct sequences of `sys` describing the interpreter: `version_info`, `flags`,
//! `int_info`, `float_info` and `hash_info`, with the values CPython 3.14 has on x86-64
//! Linux (Pyrite's ints, floats and hashes follow CPython's, so the numbers are the same).

use crate::object::Value;
use crate::runtime::errors::PyResult;
use crate::runtime::structseq::StructSeqSpec;
use crate::vm::Vm;

const VERSION_INFO: StructSeqSpec = StructSeqSpec {
    module: "sys",
    name: "version_info",
    fields: &["major", "minor", "micro", "releaselevel", "serial"],
    n_sequence: 5,
    instantiable: false,
};

/// 3.14's layout: `gil`, `thread_inherit_context` and `context_aware_warnings` are hidden.
const FLAGS: StructSeqSpec = StructSeqSpec {
    module: "sys",
    name: "flags",
    fields: &[
        "debug",
        "inspect",
        "interactive",
        "optimize",
        "dont_write_bytecode",
        "no_user_site",
        "no_site",
        "ignore_environment",
        "verbose",
        "bytes_warning",
        "quiet",
        "hash_randomization",
        "isolated",
        "dev_mode",
        "utf8_mode",
        "warn_default_encoding",
        "safe_path",
        "int_max_str_digits",
        "gil",
        "thread_inherit_context",
        "context_aware_warnings",
    ],
    n_sequence: 18,
    instantiable: false,
};

const INT_INFO: StructSeqSpec = StructSeqSpec {
    module: "sys",
    name: "int_info",
    fields: &[
        "bits_per_digit",
        "sizeof_digit",
        "default_max_str_digits",
        "str_digits_check_threshold",
    ],
    n_sequence: 4,
    instantiable: true,
};

const FLOAT_INFO: StructSeqSpec = StructSeqSpec {
    module: "sys",
    name: "float_info",
    fields: &[
        "max",
        "max_exp",
        "max_10_exp",
        "min",
        "min_exp",
        "min_10_exp",
        "dig",
        "mant_dig",
        "epsilon",
        "radix",
        "rounds",
    ],
    n_sequence: 11,
    instantiable: true,
};

const HASH_INFO: StructSeqSpec = StructSeqSpec {
    module: "sys",
    name: "hash_info",
    fields: &[
        "width",
        "modulus",
        "inf",
        "nan",
        "imag",
        "algorithm",
        "hash_bits",
        "seed_bits",
        "cutoff",
    ],
    n_sequence: 9,
    instantiable: true,
};

/// Stores the struct sequences in `sys`'s dict.
pub fn install(vm: &mut Vm, dict: &Value) -> PyResult<()> {
    let ty = vm.new_struct_seq_type(&VERSION_INFO);
    let values = vec![
        vm.new_int(3),
        vm.new_int(14),
        vm.new_int(0),
        vm.new_str("final"),
        vm.new_int(0),
    ];
    let v = vm.new_struct_seq(&ty, values)?;
    vm.set_item_str(dict, "version_info", v)?;

    let ty = vm.new_struct_seq_type(&FLAGS);
    let env_set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    let hash_random = vm.config.hash_seed.is_none_or(|s| s != 0);
    let ints: [i64; 13] = [
        0,
        0,
        0,
        i64::from(vm.config.optimize),
        i64::from(env_set("PYTHONDONTWRITEBYTECODE")),
        0,
        0,
        0,
        0,
        0,
        0,
        i64::from(hash_random),
        0,
    ];
    let mut values: Vec<Value> = ints.iter().map(|i| vm.new_int(*i)).collect();
    values.push(Value::FALSE); // dev_mode
    values.push(vm.new_int(0)); // utf8_mode
    values.push(vm.new_int(0)); // warn_default_encoding
    values.push(Value::FALSE); // safe_path
    values.push(vm.new_int(vm.config.int_max_str_digits as i64));
    values.push(vm.new_int(1)); // gil
    values.push(vm.new_int(0)); // thread_inherit_context
    values.push(vm.new_int(0)); // context_aware_warnings
    let v = vm.new_struct_seq(&ty, values)?;
    vm.set_item_str(dict, "flags", v)?;

    let ty = vm.new_struct_seq_type(&INT_INFO);
    let values = [30, 4, 4300, 640].map(|i| vm.new_int(i)).to_vec();
    let v = vm.new_struct_seq(&ty, values)?;
    vm.set_item_str(dict, "int_info", v)?;

    let ty = vm.new_struct_seq_type(&FLOAT_INFO);
    let values = vec![
        vm.new_float(f64::MAX),
        vm.new_int(f64::MAX_EXP.into()),
        vm.new_int(f64::MAX_10_EXP.into()),
        vm.new_float(f64::MIN_POSITIVE),
        vm.new_int(f64::MIN_EXP.into()),
        vm.new_int(f64::MIN_10_EXP.into()),
        vm.new_int(f64::DIGITS.into()),
        vm.new_int(f64::MANTISSA_DIGITS.into()),
        vm.new_float(f64::EPSILON),
        vm.new_int(f64::RADIX.into()),
        vm.new_int(1),
    ];
    let v = vm.new_struct_seq(&ty, values)?;
    vm.set_item_str(dict, "float_info", v)?;

    let ty = vm.new_struct_seq_type(&HASH_INFO);
    let values = vec![
        vm.new_int(64),
        vm.new_int((1 << 61) - 1),
        vm.new_int(314_159),
        vm.new_int(0),
        vm.new_int(1_000_003),
        vm.new_str("siphash13"),
        vm.new_int(64),
        vm.new_int(128),
        vm.new_int(0),
    ];
    let v = vm.new_struct_seq(&ty, values)?;
    vm.set_item_str(dict, "hash_info", v)?;
    Ok(())
}
