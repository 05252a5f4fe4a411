//! The interpreter state (`Vm`): builtin types, the builtins and sys modules, loaded modules,
//! the thread's frame stack and value stack, and interpreter-wide settings. One `Vm` per
//! interpreter; it is `!Send` because its values are.

use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use crate::interp::frame::Frame;
use crate::object::Value;
use crate::runtime::types::Types;

/// Settings fixed when the interpreter starts (the embedding API and the CLI fill them).
#[derive(Clone, Debug)]
pub struct Config {
    pub argv: Vec<String>,
    /// `sys.path` entries (after the script directory).
    pub module_search_paths: Vec<String>,
    /// `PYTHONHASHSEED`: `None` means random.
    pub hash_seed: Option<u32>,
    /// `sys.flags.optimize` (`-O`).
    pub optimize: u8,
    /// Unbuffered stdout/stderr (`-u`, `PYTHONUNBUFFERED`).
    pub unbuffered: bool,
    /// `-X int_max_str_digits`.
    pub int_max_str_digits: usize,
    /// Raw `-X` options.
    pub x_options: Vec<String>,
    /// JIT switches and tunables (`--jit`, `-X jit-<name>=N`).
    pub jit: pyrite_profiler::JitParams,
    /// `--jit-log[=file]`: where JIT events go (`-` for stderr).
    pub jit_log: Option<String>,
    /// `--dump-ir`: print each trace's IR.
    pub dump_ir: bool,
    /// `--dump-asm`: print each trace's machine code.
    pub dump_asm: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            argv: vec![String::new()],
            module_search_paths: Vec::new(),
            hash_seed: None,
            optimize: 0,
            unbuffered: false,
            int_max_str_digits: 4300,
            x_options: Vec::new(),
            jit: pyrite_profiler::JitParams::default(),
            jit_log: None,
            dump_ir: false,
            dump_asm: false,
        }
    }
}

pub struct Vm {
    pub types: Types,
    pub config: Config,
    pub builtins: Value,
    pub builtins_dict: Value,
    pub sys: Value,
    /// `sys.modules`.
    pub modules: Value,
    /// The value stack shared by all frames of this thread (locals and operands).
    pub stack: Vec<Value>,
    pub frames: Vec<Frame>,
    /// The exception being handled (`sys.exception()`), NULL if none.
    pub exc_info: Value,
    pub recursion_limit: usize,
    /// Depth of Rust-level recursion (native code calling back into Python, nested reprs...).
    pub native_depth: usize,
    pub hash_key: (u64, u64),
    pub int_max_str_digits: usize,
    interned: HashMap<Box<str>, Value>,
    /// Source text of compiled files, for tracebacks.
    pub sources: HashMap<String, Rc<str>>,
    /// Set by the SIGINT handler (or an embedder's interrupt handle).
    pub interrupt: Arc<AtomicBool>,
    /// Objects being repr'd, to print `[...]` for recursive containers.
    pub repr_stack: Vec<u64>,
    /// Buffered stdout text (flushed at newlines when interactive, at exit otherwise).
    pub stdout_buffer: Vec<u8>,
    /// The instance attribute maps (hidden classes).
    pub maps: crate::types::attr_map::AttrMaps,
    /// Where names were found along types' MROs (`runtime::type_cache`).
    pub type_attr_cache: crate::runtime::type_cache::TypeAttrCache,
    /// Emptied argument vectors of `CALL`, reused so native calls allocate nothing.
    pub arg_vecs: Vec<Vec<Value>>,
    /// Generators resumed inside the dispatch loop (`FOR_ITER`, `SEND`), innermost last.
    pub(crate) inline_resumes: Vec<crate::interp::gen_inline::InlineResume>,
    /// Set while queued `__del__` methods run (they are not re-entered).
    pub finalizing: bool,
    /// `gc.callbacks` (NULL until the `gc` module is imported).
    pub gc_callbacks: Value,
    /// `gc.garbage` (NULL until the `gc` module is imported): where `DEBUG_SAVEALL` keeps
    /// the unreachable objects instead of freeing them.
    pub gc_garbage: Value,
    /// `gc.set_debug()` flags.
    pub gc_debug_flags: i64,
    /// The tracing JIT's state (`vm::jit`).
    pub jit: crate::jit::JitState,
    /// `sys.settrace` / `sys.setprofile` state.
    pub tracing: crate::interp::tracing::TraceState,
    /// Names of the modules whose bodies are running (partially initialized modules).
    pub importing: Vec<String>,
    /// Types created by Rust-written modules that their code needs to find again, by
    /// qualified name (`"itertools._grouper"`); see `runtime::native`.
    pub native_types: HashMap<&'static str, Value>,
}

/// Limit of Rust-level recursion (CPython's C recursion limit plays the same role).
pub const NATIVE_RECURSION_LIMIT: usize = 6000;

impl Vm {
    /// Creates an interpreter with its builtin types and modules.
    pub fn new(config: Config) -> Vm {
        let types = Types::bootstrap();
        let hash_key = match config.hash_seed {
            Some(seed) => crate::text::hash::hash_key_from_seed(seed),
            None => random_hash_key(),
        };
        crate::runtime::hashing::set_thread_hash_key(hash_key);
        let int_max_str_digits = config.int_max_str_digits;
        let jit = crate::jit::JitState::new(
            config.jit.clone(),
            config.jit_log.as_deref(),
            config.dump_ir,
            config.dump_asm,
        );
        let mut vm = Vm {
            types,
            config,
            builtins: Value::NULL,
            builtins_dict: Value::NULL,
            sys: Value::NULL,
            modules: Value::NULL,
            stack: Vec::new(),
            frames: Vec::new(),
            exc_info: Value::NULL,
            recursion_limit: 1000,
            native_depth: 0,
            hash_key,
            int_max_str_digits,
            interned: HashMap::new(),
            sources: HashMap::new(),
            interrupt: Arc::new(AtomicBool::new(false)),
            repr_stack: Vec::new(),
            native_types: HashMap::new(),
            stdout_buffer: Vec::new(),
            maps: crate::types::attr_map::AttrMaps::new(),
            type_attr_cache: Default::default(),
            arg_vecs: Vec::new(),
            inline_resumes: Vec::new(),
            finalizing: false,
            gc_callbacks: Value::NULL,
            gc_garbage: Value::NULL,
            gc_debug_flags: 0,
            jit,
            tracing: Default::default(),
            importing: Vec::new(),
        };
        vm.modules = vm.new_dict();
        crate::runtime::types::install_methods(&mut vm);
        crate::builtins::install(&mut vm);
        crate::modules::sys::install(&mut vm);
        crate::modules::module_type::install(&mut vm);
        vm
    }

    /// The interned `str` for `text` (identifiers, attribute names, constants).
    pub fn intern(&mut self, text: &str) -> Value {
        if let Some(v) = self.interned.get(text) {
            return v.clone();
        }
        let v = self.new_str(text);
        v.make_immortal();
        self.interned.insert(text.into(), v.clone());
        v
    }
}

fn random_hash_key() -> (u64, u64) {
    use std::collections::hash_map::RandomState;
    use std::hash::{BuildHasher, Hasher};
    let a = RandomState::new().build_hasher().finish();
    let mut h = RandomState::new().build_hasher();
    h.write_u64(a);
    (a, h.finish())
}
