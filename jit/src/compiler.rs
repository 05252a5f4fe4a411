//! The public face of the backend: ISA setup, the shared trampoline and exit stub, and
//! `compile` (lower, run Cranelift, copy into executable memory), plus cross-compilation
//! for other targets (tests compile every trace for AArch64 too).

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use cranelift_codegen::Context;
use cranelift_codegen::control::ControlPlane;
use cranelift_codegen::ir::{AbiParam, Function, InstBuilder, Signature, UserFuncName, types};
use cranelift_codegen::isa::{self, CallConv, OwnedTargetIsa};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use pyrite_ir::Trace;

use crate::body_entry::{BodyEntry, BodyLink};
use crate::code::{CompiledTrace, ExecutableCode, Trampoline, new_exit_slots};
use crate::lower::{LowerParams, exit_signature, lower, lower_tree, trace_signature};
use crate::tree::{InlinedSide, TreeStats};

/// Why a trace could not be compiled (reported as a trace abort, never a crash).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError(pub String);

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CompileError {}

/// Runtime helper addresses by name (the names traces declare with `helper @name`).
#[derive(Clone, Debug, Default)]
pub struct HelperTable {
    map: HashMap<String, u64>,
}

impl HelperTable {
    /// An empty table.
    pub fn new() -> HelperTable {
        HelperTable::default()
    }

    /// Registers a helper (an `extern "C"` function's address).
    pub fn add(&mut self, name: &str, address: u64) {
        self.map.insert(name.to_owned(), address);
    }

    /// The address of `name`.
    pub fn address(&self, name: &str) -> Option<u64> {
        self.map.get(name).copied()
    }
}

/// How to compile one trace.
#[derive(Clone, Debug, Default)]
pub struct CompileOptions {
    /// Make guards fail on purpose when `ctx.stress_countdown` reaches zero.
    pub stress: bool,
    /// Keep an Intel-syntax disassembly in [`CompiledTrace::asm`].
    pub disassemble: bool,
    /// A member of a function tree: how it calls its own function natively and where its
    /// return exits find their results (see [`crate::native_call`]).
    pub native: Option<crate::native_call::NativeCall>,
}

/// Builds the ISA for `triple` (`None`: this machine).
fn make_isa(triple: Option<&str>) -> Result<OwnedTargetIsa, CompileError> {
    let err = |e: &dyn fmt::Display| CompileError(format!("ISA setup: {e}"));
    let mut flags = settings::builder();
    flags.set("opt_level", "speed").map_err(|e| err(&e))?;
    flags.set("is_pic", "false").map_err(|e| err(&e))?;
    flags
        .set("preserve_frame_pointers", "true")
        .map_err(|e| err(&e))?;
    let verify = if cfg!(debug_assertions) {
        "true"
    } else {
        "false"
    };
    flags.set("enable_verifier", verify).map_err(|e| err(&e))?;
    let flags = settings::Flags::new(flags);
    match triple {
        None => cranelift_native::builder()
            .map_err(|e| err(&e))?
            .finish(flags)
            .map_err(|e| err(&e)),
        Some(t) => {
            let triple = target_lexicon::Triple::from_str(t).map_err(|e| err(&e))?;
            isa::lookup(triple)
                .map_err(|e| err(&e))?
                .finish(flags)
                .map_err(|e| err(&e))
        }
    }
}

/// Compiles `func` for `isa` into relocation-free machine code.
fn emit(
    isa: &OwnedTargetIsa,
    func: Function,
    want_text: bool,
) -> Result<(Vec<u8>, String), CompileError> {
    let mut ctx = Context::for_function(func);
    ctx.set_disasm(want_text);
    let compiled = ctx
        .compile(&**isa, &mut ControlPlane::default())
        .map_err(|e| CompileError(format!("Cranelift: {:?}", e.inner)))?;
    if !compiled.buffer.relocs().is_empty() {
        return Err(CompileError("Cranelift: the code needs relocations".into()));
    }
    let text = compiled.vcode.clone().unwrap_or_default();
    Ok((compiled.code_buffer().to_vec(), text))
}

/// The body-entry role of a trace being compiled.
#[derive(Clone, Copy)]
enum Body<'a> {
    None,
    Entry(&'a BodyEntry),
    Link(&'a BodyLink),
}

impl<'a> Body<'a> {
    fn entry(self) -> Option<&'a BodyEntry> {
        match self {
            Body::Entry(e) => Some(e),
            _ => None,
        }
    }

    fn link(self) -> Option<&'a BodyLink> {
        match self {
            Body::Link(l) => Some(l),
            _ => None,
        }
    }
}

/// The trace compiler for this machine.
pub struct Compiler {
    isa: OwnedTargetIsa,
    trampoline: Trampoline,
    exit_stub: ExecutableCode,
    /// The nest bridge stub (see [`crate::bridge`]), compiled on first use.
    nest_bridge: Option<ExecutableCode>,
    next_id: u32,
}

impl fmt::Debug for Compiler {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Compiler({})", self.isa.triple())
    }
}

impl Compiler {
    /// Sets up Cranelift for the host and compiles the trampoline and the exit stub.
    pub fn new() -> Result<Compiler, CompileError> {
        let isa = make_isa(None)?;
        let frontend = isa.frontend_config();
        let trampoline = ExecutableCode::new(&emit(&isa, trampoline_function(frontend), false)?.0)?;
        let exit_stub = ExecutableCode::new(&emit(&isa, exit_stub_function(frontend), false)?.0)?;
        Ok(Compiler {
            isa,
            trampoline: Trampoline::new(trampoline),
            exit_stub,
            nest_bridge: None,
            next_id: 1,
        })
    }

    /// The address of the nest bridge stub calling `helper` (the same helper every time):
    /// an exit-slot target that runs an inner loop's tree natively (see [`crate::bridge`]).
    pub fn nest_bridge(&mut self, helper: u64) -> Result<u64, CompileError> {
        if let Some(code) = &self.nest_bridge {
            return Ok(code.address());
        }
        let func = crate::bridge::nest_bridge_function(
            self.isa.frontend_config(),
            helper,
            self.isa.default_call_conv(),
        );
        let code = ExecutableCode::new(&emit(&self.isa, func, false)?.0)?;
        let address = code.address();
        self.nest_bridge = Some(code);
        Ok(address)
    }

    /// The trampoline every trace is entered through.
    pub fn trampoline(&self) -> &Trampoline {
        &self.trampoline
    }

    /// Compiles a root trace for this machine.
    pub fn compile(
        &mut self,
        trace: &Trace,
        helpers: &HelperTable,
        options: &CompileOptions,
    ) -> Result<CompiledTrace, CompileError> {
        self.compile_linked(trace, helpers, options, 0, None)
    }

    /// Compiles a continuation: a trace of a loop's tree that the VM enters itself (after
    /// running an inner loop) and that links to the root at `root`; its exits return
    /// `exit_base + k`.
    pub fn compile_continuation(
        &mut self,
        trace: &Trace,
        helpers: &HelperTable,
        options: &CompileOptions,
        exit_base: u32,
        root: u64,
    ) -> Result<CompiledTrace, CompileError> {
        self.compile_with(
            trace,
            helpers,
            options,
            exit_base,
            (Some(root), true),
            Body::None,
        )
    }

    /// Compiles a trace whose exits return `exit_base + k`; with `link_to` (the root
    /// trace's address) it is a side trace, entered through an exit slot.
    pub fn compile_linked(
        &mut self,
        trace: &Trace,
        helpers: &HelperTable,
        options: &CompileOptions,
        exit_base: u32,
        link_to: Option<u64>,
    ) -> Result<CompiledTrace, CompileError> {
        self.compile_with(
            trace,
            helpers,
            options,
            exit_base,
            (link_to, false),
            Body::None,
        )
    }

    /// Compiles a root trace that side traces may enter at its loop body (`entry`, from
    /// [`crate::body_entry::root_entry`] of the same trace).
    pub fn compile_root(
        &mut self,
        trace: &Trace,
        helpers: &HelperTable,
        options: &CompileOptions,
        entry: Option<&BodyEntry>,
    ) -> Result<CompiledTrace, CompileError> {
        let body = entry.map_or(Body::None, Body::Entry);
        self.compile_with(trace, helpers, options, 0, (None, false), body)
    }

    /// Compiles a side trace linking to the root at `root`, into its loop body when `link`
    /// says how (the root must have been compiled with the matching [`BodyEntry`]).
    pub fn compile_side(
        &mut self,
        trace: &Trace,
        helpers: &HelperTable,
        options: &CompileOptions,
        exit_base: u32,
        root: u64,
        link: Option<&BodyLink>,
    ) -> Result<CompiledTrace, CompileError> {
        let body = link.map_or(Body::None, Body::Link);
        self.compile_with(
            trace,
            helpers,
            options,
            exit_base,
            (Some(root), false),
            body,
        )
    }

    /// Compiles root `trace` (with its body entry `entry`, exits through the root's
    /// existing exit slots at `exit_slots`) together with the side traces `sides` as one
    /// function (see [`crate::tree`]). Returns the code (its own exit slots are unused)
    /// and what was compiled in.
    pub fn compile_tree(
        &mut self,
        trace: &Trace,
        helpers: &HelperTable,
        options: &CompileOptions,
        entry: &BodyEntry,
        exit_slots: u64,
        sides: &[InlinedSide],
    ) -> Result<(CompiledTrace, TreeStats), CompileError> {
        let id = self.next_id;
        self.next_id += 1;
        let params = LowerParams {
            helpers,
            exit_slots,
            stress: options.stress,
            helper_call_conv: self.isa.default_call_conv(),
            frontend: self.isa.frontend_config(),
            exit_base: 0,
            link_to: None,
            entered_by_vm: false,
            body_entry: Some(entry),
            body_link: None,
            native: None,
        };
        let (func, stats) = lower_tree(trace, id, &params, sides)?;
        let (bytes, _) = emit(&self.isa, func, false)?;
        let code = ExecutableCode::new(&bytes)?;
        let asm = options
            .disassemble
            .then(|| crate::disasm::disassemble(code.bytes(), code.address()));
        let unused = new_exit_slots(0, self.exit_stub.address());
        Ok((CompiledTrace::new(id, code, unused, asm), stats))
    }

    fn compile_with(
        &mut self,
        trace: &Trace,
        helpers: &HelperTable,
        options: &CompileOptions,
        exit_base: u32,
        (link_to, entered_by_vm): (Option<u64>, bool),
        body: Body,
    ) -> Result<CompiledTrace, CompileError> {
        let id = self.next_id;
        self.next_id += 1;
        let exit_slots = new_exit_slots(trace.snapshots.len(), self.exit_stub.address());
        let params = LowerParams {
            helpers,
            exit_slots: exit_slots.as_ptr() as u64,
            stress: options.stress,
            helper_call_conv: self.isa.default_call_conv(),
            frontend: self.isa.frontend_config(),
            exit_base,
            link_to,
            entered_by_vm,
            body_entry: body.entry(),
            body_link: body.link(),
            native: options.native.as_ref(),
        };
        let func = lower(trace, id, &params)?;
        let (bytes, _) = emit(&self.isa, func, false)?;
        let code = ExecutableCode::new(&bytes)?;
        let asm = options
            .disassemble
            .then(|| crate::disasm::disassemble(code.bytes(), code.address()));
        Ok(CompiledTrace::new(id, code, exit_slots, asm))
    }
}

/// Cross-compiles a trace for `triple` (e.g. `aarch64-unknown-linux-gnu`) without running
/// it; returns the code size and Cranelift's assembly text.
pub fn compile_for_target(
    trace: &Trace,
    helpers: &HelperTable,
    triple: &str,
) -> Result<(usize, String), CompileError> {
    compile_for_target_with(trace, helpers, &CompileOptions::default(), triple)
}

/// [`compile_for_target`] with `options` (native self-calls, stress guards).
pub fn compile_for_target_with(
    trace: &Trace,
    helpers: &HelperTable,
    options: &CompileOptions,
    triple: &str,
) -> Result<(usize, String), CompileError> {
    let isa = make_isa(Some(triple))?;
    let mut params = cross_params(&isa, helpers, None);
    params.stress = options.stress;
    params.native = options.native.as_ref();
    let func = lower(trace, 0, &params)?;
    let (bytes, text) = emit(&isa, func, true)?;
    Ok((bytes.len(), text))
}

/// Cross-compiles a tree function (as [`Compiler::compile_tree`]) for `triple`; returns
/// the code size, Cranelift's assembly text and what was compiled in.
pub fn compile_tree_for_target(
    trace: &Trace,
    helpers: &HelperTable,
    entry: &BodyEntry,
    sides: &[InlinedSide],
    triple: &str,
) -> Result<(usize, String, TreeStats), CompileError> {
    let isa = make_isa(Some(triple))?;
    let params = cross_params(&isa, helpers, Some(entry));
    let (func, stats) = lower_tree(trace, 0, &params, sides)?;
    let (bytes, text) = emit(&isa, func, true)?;
    Ok((bytes.len(), text, stats))
}

/// The lowering parameters of a cross-compiled root (never run: a dummy exit-slot array).
fn cross_params<'a>(
    isa: &OwnedTargetIsa,
    helpers: &'a HelperTable,
    body_entry: Option<&'a BodyEntry>,
) -> LowerParams<'a> {
    LowerParams {
        helpers,
        exit_slots: 0x1000,
        stress: false,
        helper_call_conv: isa.default_call_conv(),
        frontend: isa.frontend_config(),
        exit_base: 0,
        link_to: None,
        entered_by_vm: false,
        body_entry,
        body_link: None,
        native: None,
    }
}

/// `extern "sysv64" fn(code, ctx) -> u32 { code(ctx) }` with `code` in the `tail` convention.
fn trampoline_function(frontend: cranelift_codegen::isa::TargetFrontendConfig) -> Function {
    let mut sig = Signature::new(CallConv::SystemV);
    sig.params.push(AbiParam::new(types::I64));
    sig.params.push(AbiParam::new(types::I64));
    sig.returns.push(AbiParam::new(types::I32));
    let mut func = Function::with_name_signature(UserFuncName::user(1, 0), sig);
    let mut fctx = FunctionBuilderContext::new();
    let mut b = FunctionBuilder::new(&mut func, &mut fctx);
    let block = b.create_block();
    b.append_block_params_for_function_params(block);
    b.switch_to_block(block);
    let (code, ctx) = (b.block_params(block)[0], b.block_params(block)[1]);
    let sigref = b.import_signature(trace_signature());
    let call = b.ins().call_indirect(sigref, code, &[ctx]);
    let exit = b.inst_results(call)[0];
    b.ins().return_(&[exit]);
    b.seal_all_blocks();
    b.finalize(frontend);
    func
}

/// `fn(ctx, k) -> u32 { k }` in the `tail` convention: where exits go until a side trace
/// takes their slot.
fn exit_stub_function(frontend: cranelift_codegen::isa::TargetFrontendConfig) -> Function {
    let mut func = Function::with_name_signature(UserFuncName::user(1, 1), exit_signature());
    let mut fctx = FunctionBuilderContext::new();
    let mut b = FunctionBuilder::new(&mut func, &mut fctx);
    let block = b.create_block();
    b.append_block_params_for_function_params(block);
    b.switch_to_block(block);
    let k = b.block_params(block)[1];
    b.ins().return_(&[k]);
    b.seal_all_blocks();
    b.finalize(frontend);
    func
}
