//! The dispatch loop. One Rust activation runs any number of Python frames: a call to a
//! Python function pushes a frame and keeps looping, a return pops it, so deep Python
//! recursion never deepens the Rust stack. The loop keeps the hot frame state (`ip`, `sp`)
//! in locals and writes it back whenever control leaves the frame.

use std::cell::Cell;
use std::sync::atomic::Ordering;

use crate::interp::attr_cache::{self, AttrCache};
use crate::interp::gen_inline::Delivery;
use crate::interp::poly_cache::{self, PolyHit};
use crate::interp::specialize::{self, back_off, deoptimize, set_opcode, tick};
use crate::interp::{names, number_fast};

use crate::bytecode::opcodes::{common_constant, conversion, function_attr};
use crate::bytecode::{BinaryOp, CompareOp, Opcode, split_unit};
use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::types::iter::{FastNext, fast_iter_next};
use crate::vm::Vm;

/// What the loop does after an instruction that leaves the frame.
pub(crate) enum Flow {
    /// Reload the state of the (new) top frame and continue.
    Reload,
    /// The entry frame finished with this value.
    Return(Value),
}

impl Vm {
    /// Runs frames until the entry frame (the top one when called, marked `entry`)
    /// returns or raises.
    pub fn eval(&mut self) -> PyResult<Value> {
        self.eval_loop(None)
    }

    /// Like `eval`, but first raises `err` in the top frame (generator `throw`).
    pub fn eval_with_pending(&mut self, err: PyErr) -> PyResult<Value> {
        self.eval_loop(Some((err, false)))
    }

    fn eval_loop(&mut self, mut pending: Option<(PyErr, bool)>) -> PyResult<Value> {
        loop {
            if let Some((err, reraise)) = pending.take() {
                match self.unwind(err, reraise) {
                    Ok(()) => {}
                    Err(e) => return Err(e),
                }
            }
            match self.run_top_frame() {
                Ok(Flow::Reload) => continue,
                Ok(Flow::Return(v)) => return Ok(v),
                Err((err, reraise)) => pending = Some((err, reraise)),
            }
        }
    }

    /// Executes instructions of the top frame until control leaves it.
    #[allow(clippy::too_many_lines)]
    fn run_top_frame(&mut self) -> Result<Flow, (PyErr, bool)> {
        // Frames were just pushed or popped (a return drops the callee's locals).
        if crate::object::finalizers_pending() {
            self.run_finalizers();
        }
        let Some(frame) = self.frames.last() else {
            return Err((PyErr::internal("eval with no frame"), false));
        };
        let code_value = frame.code.clone();
        let Some(code) = code_value.as_code() else {
            return Err((PyErr::internal("frame without code"), false));
        };
        let units: &[Cell<u16>] = &code.units;
        let globals = frame.globals.clone();
        let builtins = frame.builtins.clone();
        let base = frame.base;
        let mut sp = frame.sp;
        let mut ip = frame.ip;
        let mut lasti: usize;
        // Tracing (interp::tracing): read once per entry; a change of the version makes the
        // loop reload the frame at its next check point.
        let traced = self.tracing.active();
        let trace_version = self.tracing.version.get();
        let mut last_traced = usize::MAX;

        let frame_end = frame.end();
        macro_rules! push {
            ($v:expr) => {{
                let v = $v;
                debug_assert!(
                    sp < frame_end,
                    "value stack overflows the frame (stack size too small)"
                );
                self.stack[sp] = v;
                sp += 1;
            }};
        }
        macro_rules! pop {
            () => {{
                sp -= 1;
                std::mem::take(&mut self.stack[sp])
            }};
        }
        macro_rules! top {
            () => {
                self.stack[sp - 1]
            };
        }
        macro_rules! save {
            () => {{
                if let Some(f) = self.frames.last_mut() {
                    f.sp = sp;
                    f.ip = ip;
                    f.lasti = lasti;
                }
            }};
        }
        macro_rules! fail {
            ($e:expr) => {{
                let e = $e;
                save!();
                return Err((e, false));
            }};
        }
        // Objects whose last reference was just dropped may need to run Python code
        // (closing a suspended generator); these are the instructions that drop references
        // to values a program names.
        macro_rules! finalize_point {
            () => {{
                if crate::object::finalizers_pending() {
                    save!();
                    self.run_finalizers();
                }
            }};
        }
        macro_rules! tri {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(e) => fail!(e),
                }
            };
        }

        loop {
            // `__del__` of objects that died in the previous instruction runs now, so its
            // output lands where CPython's synchronous finalization puts it.
            if crate::object::finalizers_pending() {
                lasti = ip;
                save!();
                self.run_finalizers();
            }
            lasti = ip;
            let start = ip;
            let Some(unit) = units.get(ip).map(Cell::get) else {
                fail!(PyErr::internal("instruction pointer out of range"));
            };
            let (mut byte, mut arg) = split_unit(unit);
            ip += 1;
            while byte == Opcode::EXTENDED_ARG as u8 {
                let Some(next) = units.get(ip).map(Cell::get) else {
                    fail!(PyErr::internal("EXTENDED_ARG at end of code"));
                };
                let (b, a) = split_unit(next);
                byte = b;
                arg = (arg << 8) | a;
                lasti = ip;
                ip += 1;
            }
            let Some(op) = Opcode::from_u8(byte) else {
                fail!(PyErr::internal(format!("unknown opcode {byte}")));
            };
            ip += op.caches();
            // `last_traced` keeps an instruction that re-dispatches itself (specialization,
            // deoptimization) from reporting its events twice.
            if traced && lasti != last_traced {
                let prev = self.frames.last().map_or(lasti, |f| f.lasti);
                last_traced = lasti;
                save!();
                if tri!(self.trace_before_instruction(&code_value, start, lasti, prev, op)) {
                    // `f_lineno = n`: continue at the target. Its `lasti` is the frame's
                    // previous instruction now, so it reports no `line` event (a `RESUME`
                    // target still reports `call`), as in CPython.
                    if let Some(f) = self.frames.last() {
                        sp = f.sp;
                        ip = f.ip;
                    }
                    last_traced = usize::MAX;
                    continue;
                }
            }
            match op {
                Opcode::CACHE | Opcode::NOP | Opcode::EXTENDED_ARG | Opcode::COPY_FREE_VARS => {}
                Opcode::RESUME => {
                    if self.interrupt.load(Ordering::Relaxed) {
                        self.interrupt.store(false, Ordering::Relaxed);
                        fail!(PyErr::new(ExcKind::KeyboardInterrupt, ""));
                    }
                    // Function entry: the counter for function-entry traces (`jit::entry`).
                    if arg & 3 == 0 && self.jit.enabled() && !self.tracing.active() {
                        let c = code.entry_counter.get();
                        if c > 1 && c != u16::MAX {
                            code.entry_counter.set(c - 1);
                        } else if c <= 1 {
                            save!();
                            match self.jit_function_entry(ip) {
                                crate::jit::BackEdge::Continue => {}
                                crate::jit::BackEdge::Reload => return Ok(Flow::Reload),
                                crate::jit::BackEdge::Raise(e) => return Err((e, false)),
                            }
                        }
                    }
                }
                Opcode::POP_TOP => {
                    drop(pop!());
                    finalize_point!();
                }
                Opcode::PUSH_NULL => push!(Value::NULL),
                Opcode::COPY => {
                    let v = self.stack[sp - arg as usize].clone();
                    push!(v);
                }
                Opcode::SWAP => {
                    self.stack.swap(sp - 1, sp - arg as usize);
                }
                Opcode::LOAD_CONST => push!(code.consts[arg as usize].clone()),
                Opcode::LOAD_FAST => {
                    let v = &self.stack[base + arg as usize];
                    if v.is_null() {
                        fail!(self.unbound_local(code, arg as usize));
                    }
                    let v = v.clone();
                    push!(v);
                }
                Opcode::LOAD_FAST_AND_CLEAR => {
                    let v = std::mem::take(&mut self.stack[base + arg as usize]);
                    push!(v);
                }
                Opcode::STORE_FAST => {
                    let v = pop!();
                    let old = std::mem::replace(&mut self.stack[base + arg as usize], v);
                    drop(old);
                    finalize_point!();
                }
                Opcode::DELETE_FAST => {
                    let old = std::mem::take(&mut self.stack[base + arg as usize]);
                    if old.is_null() {
                        fail!(self.unbound_local(code, arg as usize));
                    }
                    drop(old);
                    finalize_point!();
                }
                Opcode::MAKE_CELL => {
                    let slot = base + arg as usize;
                    let contents = std::mem::take(&mut self.stack[slot]);
                    self.stack[slot] = self.new_cell(contents);
                }
                Opcode::LOAD_CLOSURE => {
                    let v = self.stack[base + arg as usize].clone();
                    push!(v);
                }
                Opcode::LOAD_DEREF => {
                    let contents = names::cell_contents(&self.stack[base + arg as usize]);
                    if contents.is_null() {
                        fail!(self.unbound_deref(code, arg as usize));
                    }
                    push!(contents);
                }
                Opcode::STORE_DEREF => {
                    let v = pop!();
                    if let Some(Payload::Cell(c)) = self.stack[base + arg as usize].payload() {
                        let old = c.replace(v);
                        drop(old);
                    }
                }
                Opcode::DELETE_DEREF => {
                    let old = match self.stack[base + arg as usize].payload() {
                        Some(Payload::Cell(c)) => c.replace(Value::NULL),
                        _ => Value::NULL,
                    };
                    if old.is_null() {
                        fail!(self.unbound_deref(code, arg as usize));
                    }
                    drop(old);
                }
                Opcode::LOAD_FROM_DICT_OR_DEREF => {
                    let mapping = pop!();
                    let name = code.localsplus_names[arg as usize].clone();
                    let found = tri!(self.mapping_lookup(&mapping, &name));
                    match found {
                        Some(v) => push!(v),
                        None => {
                            let contents = names::cell_contents(&self.stack[base + arg as usize]);
                            if contents.is_null() {
                                fail!(self.unbound_deref(code, arg as usize));
                            }
                            push!(contents);
                        }
                    }
                }
                Opcode::LOAD_FROM_DICT_OR_GLOBALS => {
                    let mapping = pop!();
                    let name = code.names[arg as usize].clone();
                    let found = tri!(self.mapping_lookup(&mapping, &name));
                    match found {
                        Some(v) => push!(v),
                        None => {
                            let v = tri!(self.load_global(&name));
                            push!(v);
                        }
                    }
                }
                Opcode::LOAD_COMMON_CONSTANT => {
                    let kind = if arg == common_constant::NOT_IMPLEMENTED_ERROR {
                        ExcKind::NotImplementedError
                    } else {
                        ExcKind::AssertionError
                    };
                    push!(self.types.exception(kind).clone())
                }
                Opcode::LOAD_LOCALS => {
                    let locals = self
                        .frames
                        .last()
                        .map(|f| f.locals.clone())
                        .unwrap_or(Value::NULL);
                    if locals.is_null() {
                        fail!(PyErr::new(ExcKind::SystemError, "no locals found"));
                    }
                    push!(locals);
                }
                Opcode::LOAD_NAME => {
                    let name = &code.names[arg as usize];
                    let v = tri!(self.load_name(name));
                    push!(v);
                }
                Opcode::STORE_NAME => {
                    let v = pop!();
                    let name = code.names[arg as usize].clone();
                    let locals = self
                        .frames
                        .last()
                        .map(|f| f.locals.clone())
                        .unwrap_or(Value::NULL);
                    if locals.is_null() {
                        fail!(PyErr::new(
                            ExcKind::SystemError,
                            "no locals found when storing name"
                        ));
                    }
                    tri!(self.mapping_store(&locals, name, v));
                    finalize_point!();
                }
                Opcode::DELETE_NAME => {
                    let name = code.names[arg as usize].clone();
                    let locals = self
                        .frames
                        .last()
                        .map(|f| f.locals.clone())
                        .unwrap_or(Value::NULL);
                    let removed = tri!(self.mapping_delete(&locals, &name));
                    if !removed {
                        fail!(self.name_error(&name));
                    }
                    finalize_point!();
                }
                Opcode::LOAD_GLOBAL => {
                    let name = &code.names[(arg >> 1) as usize];
                    let v = tri!(self.load_global(name));
                    if tick(units, lasti) {
                        specialize::specialize_load_global(units, lasti, name, &globals, &builtins);
                    }
                    push!(v);
                    if arg & 1 != 0 {
                        push!(Value::NULL);
                    }
                }
                Opcode::STORE_GLOBAL => {
                    let v = pop!();
                    let name = code.names[arg as usize].clone();
                    let globals = self
                        .frames
                        .last()
                        .map(|f| f.globals.clone())
                        .unwrap_or(Value::NULL);
                    tri!(self.dict_set(&globals, name, v));
                    finalize_point!();
                }
                Opcode::DELETE_GLOBAL => {
                    let name = code.names[arg as usize].clone();
                    let globals = self
                        .frames
                        .last()
                        .map(|f| f.globals.clone())
                        .unwrap_or(Value::NULL);
                    if tri!(self.dict_remove(&globals, &name)).is_none() {
                        fail!(self.name_error(&name));
                    }
                    finalize_point!();
                }
                Opcode::LOAD_ATTR => {
                    if tick(units, lasti) {
                        let name = &code.names[(arg >> 1) as usize];
                        self.specialize_load_attr(units, lasti, &top!(), name, arg & 1 != 0);
                        if Opcode::from_u8(units[lasti].get() as u8) != Some(Opcode::LOAD_ATTR) {
                            ip = start;
                            continue;
                        }
                    }
                    let obj = pop!();
                    let name_value = code.names[(arg >> 1) as usize].clone();
                    let name = name_value.as_str().unwrap_or("");
                    save!();
                    if arg & 1 != 0 {
                        match tri!(self.getattr_method(&obj, name)) {
                            crate::runtime::attr::MethodLookup::Method(m) => {
                                push!(m);
                                push!(obj);
                            }
                            crate::runtime::attr::MethodLookup::Attribute(a) => {
                                push!(a);
                                push!(Value::NULL);
                            }
                        }
                    } else {
                        let v = tri!(self.getattr_str(&obj, name));
                        push!(v);
                    }
                }
                Opcode::STORE_ATTR => {
                    if tick(units, lasti) {
                        let name = &code.names[arg as usize];
                        self.specialize_store_attr(units, lasti, &top!(), name);
                        if Opcode::from_u8(units[lasti].get() as u8) != Some(Opcode::STORE_ATTR) {
                            ip = start;
                            continue;
                        }
                    }
                    let obj = pop!();
                    let v = pop!();
                    let name_value = code.names[arg as usize].clone();
                    save!();
                    tri!(self.setattr(&obj, name_value.as_str().unwrap_or(""), v));
                }
                Opcode::DELETE_ATTR => {
                    let obj = pop!();
                    let name = code.names[arg as usize].as_str().unwrap_or("").to_string();
                    save!();
                    tri!(self.delattr(&obj, &name));
                }
                Opcode::BINARY_OP => {
                    if tick(units, lasti) {
                        match specialize::binary_op_form(
                            arg,
                            &self.stack[sp - 2],
                            &self.stack[sp - 1],
                        ) {
                            Some(form) => {
                                set_opcode(units, lasti, form);
                                ip = start;
                                continue;
                            }
                            None => back_off(units, lasti),
                        }
                    }
                    let b = pop!();
                    let a = pop!();
                    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int())
                        && let Some(r) = number_fast::binary_op_small_int(arg, x, y)
                    {
                        push!(self.new_int(r));
                        continue;
                    }
                    let Some(bop) = BinaryOp::from_arg(arg) else {
                        fail!(PyErr::internal("bad BINARY_OP argument"));
                    };
                    save!();
                    let r = tri!(self.binary_op(&a, &b, bop));
                    push!(r);
                }
                Opcode::BINARY_OP_ADD_INT
                | Opcode::BINARY_OP_SUBTRACT_INT
                | Opcode::BINARY_OP_MULTIPLY_INT => {
                    let (x, y) = (
                        self.stack[sp - 2].as_small_int(),
                        self.stack[sp - 1].as_small_int(),
                    );
                    if let (Some(x), Some(y)) = (x, y)
                        && let Some(r) = number_fast::specialized_int(op, x, y)
                    {
                        sp -= 1;
                        self.stack[sp] = Value::NULL;
                        self.stack[sp - 1] = self.new_int(r);
                        continue;
                    }
                    deoptimize(units, lasti, Opcode::BINARY_OP);
                    ip = start;
                }
                Opcode::BINARY_OP_ADD_FLOAT
                | Opcode::BINARY_OP_SUBTRACT_FLOAT
                | Opcode::BINARY_OP_MULTIPLY_FLOAT
                | Opcode::BINARY_OP_TRUE_DIVIDE_FLOAT => {
                    let (x, y) = (
                        self.stack[sp - 2].as_immediate_float(),
                        self.stack[sp - 1].as_immediate_float(),
                    );
                    if let (Some(x), Some(y)) = (x, y)
                        && let Some(r) = number_fast::specialized_float(op, x, y)
                    {
                        sp -= 1;
                        self.stack[sp] = Value::NULL;
                        self.stack[sp - 1] = self.new_float(r);
                        continue;
                    }
                    deoptimize(units, lasti, Opcode::BINARY_OP);
                    ip = start;
                }
                Opcode::COMPARE_OP_INT | Opcode::COMPARE_OP_FLOAT => {
                    let ord = number_fast::ordering(op, &self.stack[sp - 2], &self.stack[sp - 1]);
                    if let (Some(ord), Some(cop)) = (ord, CompareOp::from_arg(arg)) {
                        let r = number_fast::compare_result(cop, ord);
                        sp -= 1;
                        self.stack[sp] = Value::NULL;
                        self.stack[sp - 1] = Value::from_bool(r);
                        continue;
                    }
                    deoptimize(units, lasti, Opcode::COMPARE_OP);
                    ip = start;
                }
                Opcode::LOAD_GLOBAL_MODULE | Opcode::LOAD_GLOBAL_BUILTIN => {
                    let name = &code.names[(arg >> 1) as usize];
                    let cached = |dict: &Value, index: usize| -> Option<Value> {
                        let table = dict.as_dict()?.try_borrow().ok()?;
                        let entry = table.entry(index)?;
                        if entry.key.is(name) || entry.key.as_str() == name.as_str() {
                            Some(entry.value.clone())
                        } else {
                            None
                        }
                    };
                    let hit = if op == Opcode::LOAD_GLOBAL_MODULE {
                        cached(&globals, usize::from(units[lasti + 2].get()))
                    } else {
                        let version = u32::from(units[lasti + 2].get())
                            | (u32::from(units[lasti + 3].get()) << 16);
                        let current = globals
                            .as_dict()
                            .and_then(|t| t.try_borrow().ok().map(|t| t.version() as u32));
                        if current == Some(version) {
                            cached(&builtins, usize::from(units[lasti + 4].get()))
                        } else {
                            None
                        }
                    };
                    match hit {
                        Some(v) => {
                            push!(v);
                            if arg & 1 != 0 {
                                push!(Value::NULL);
                            }
                        }
                        None => {
                            deoptimize(units, lasti, Opcode::LOAD_GLOBAL);
                            ip = start;
                        }
                    }
                }
                Opcode::LOAD_ATTR_INSTANCE_VALUE
                | Opcode::LOAD_ATTR_CLASS
                | Opcode::LOAD_ATTR_MODULE => {
                    let cache = AttrCache::read(units, lasti);
                    let obj = &self.stack[sp - 1];
                    let hit = match op {
                        Opcode::LOAD_ATTR_INSTANCE_VALUE => {
                            attr_cache::load_instance_value(obj, &cache)
                        }
                        Opcode::LOAD_ATTR_CLASS => attr_cache::load_class_attr(
                            obj,
                            &cache,
                            &code.names[(arg >> 1) as usize],
                        ),
                        _ => attr_cache::load_module_attr(
                            obj,
                            &cache,
                            &code.names[(arg >> 1) as usize],
                        ),
                    };
                    match hit {
                        Some(v) => {
                            let old = std::mem::replace(&mut self.stack[sp - 1], v);
                            drop(old);
                            if arg & 1 != 0 {
                                push!(Value::NULL);
                            }
                        }
                        None => {
                            self.load_attr_miss(code, units, lasti, op, &top!(), arg);
                            ip = start;
                        }
                    }
                }
                Opcode::LOAD_ATTR_METHOD => {
                    let cache = AttrCache::read(units, lasti);
                    match attr_cache::load_method(
                        &self.stack[sp - 1],
                        &cache,
                        &code.names[(arg >> 1) as usize],
                    ) {
                        Some(f) => {
                            let receiver = std::mem::replace(&mut self.stack[sp - 1], f);
                            push!(receiver);
                        }
                        None => {
                            self.load_attr_miss(code, units, lasti, op, &top!(), arg);
                            ip = start;
                        }
                    }
                }
                Opcode::LOAD_ATTR_POLY => {
                    let name = &code.names[(arg >> 1) as usize];
                    match poly_cache::load(code, units, lasti, &self.stack[sp - 1], name) {
                        Some(PolyHit::Value(v)) => {
                            let old = std::mem::replace(&mut self.stack[sp - 1], v);
                            drop(old);
                            if arg & 1 != 0 {
                                push!(Value::NULL);
                            }
                        }
                        Some(PolyHit::Method(f)) => {
                            let receiver = std::mem::replace(&mut self.stack[sp - 1], f);
                            push!(receiver);
                        }
                        None => {
                            self.load_attr_miss(code, units, lasti, op, &top!(), arg);
                            ip = start;
                        }
                    }
                }
                Opcode::STORE_ATTR_POLY => {
                    let value = std::mem::take(&mut self.stack[sp - 2]);
                    match poly_cache::store(
                        code,
                        units,
                        lasti,
                        &mut self.maps,
                        &self.stack[sp - 1],
                        &code.names[arg as usize],
                        value,
                    ) {
                        Ok(()) => {
                            drop(pop!());
                            sp -= 1;
                        }
                        Err(value) => {
                            self.stack[sp - 2] = value;
                            self.store_attr_miss(code, units, lasti, op, &top!(), arg);
                            ip = start;
                        }
                    }
                }
                Opcode::STORE_ATTR_INSTANCE_VALUE => {
                    let cache = AttrCache::read(units, lasti);
                    let value = std::mem::take(&mut self.stack[sp - 2]);
                    match attr_cache::store_instance_value(
                        &mut self.maps,
                        &self.stack[sp - 1],
                        &cache,
                        &code.names[arg as usize],
                        value,
                    ) {
                        Ok(()) => {
                            drop(pop!());
                            sp -= 1;
                        }
                        Err(value) => {
                            self.stack[sp - 2] = value;
                            self.store_attr_miss(code, units, lasti, op, &top!(), arg);
                            ip = start;
                        }
                    }
                }
                Opcode::CALL_PY_EXACT_ARGS => {
                    let argc = arg as usize;
                    let callable_at = sp - 2 - argc;
                    let has_self = !self.stack[callable_at + 1].is_null();
                    let nargs = argc + usize::from(has_self);
                    save!();
                    if tri!(self.push_exact_args_call(callable_at, nargs, has_self)) {
                        return Ok(Flow::Reload);
                    }
                    deoptimize(units, lasti, Opcode::CALL);
                    ip = start;
                }
                Opcode::FOR_ITER_RANGE | Opcode::FOR_ITER_LIST => {
                    match fast_iter_next(&self.stack[sp - 1]) {
                        Some(FastNext::Int(i)) => push!(self.new_int(i)),
                        Some(FastNext::Item(v)) => push!(v),
                        Some(FastNext::Done) => {
                            drop(pop!());
                            ip += arg as usize;
                        }
                        None => {
                            deoptimize(units, lasti, Opcode::FOR_ITER);
                            ip = start;
                        }
                    }
                }
                Opcode::UNARY_NEGATIVE | Opcode::UNARY_POSITIVE | Opcode::UNARY_INVERT => {
                    let v = pop!();
                    save!();
                    let r = tri!(self.unary_op(&v, op));
                    push!(r);
                }
                Opcode::UNARY_NOT => {
                    let v = pop!();
                    save!();
                    let t = tri!(self.truthy(&v));
                    push!(Value::from_bool(!t));
                }
                Opcode::COMPARE_OP => {
                    if tick(units, lasti) {
                        match specialize::compare_op_form(&self.stack[sp - 2], &self.stack[sp - 1])
                        {
                            Some(form) => {
                                set_opcode(units, lasti, form);
                                ip = start;
                                continue;
                            }
                            None => back_off(units, lasti),
                        }
                    }
                    let b = pop!();
                    let a = pop!();
                    let Some(cop) = CompareOp::from_arg(arg) else {
                        fail!(PyErr::internal("bad COMPARE_OP argument"));
                    };
                    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
                        let r = match cop {
                            CompareOp::Lt => x < y,
                            CompareOp::Le => x <= y,
                            CompareOp::Eq => x == y,
                            CompareOp::Ne => x != y,
                            CompareOp::Gt => x > y,
                            CompareOp::Ge => x >= y,
                        };
                        push!(Value::from_bool(r));
                        continue;
                    }
                    save!();
                    let r = tri!(self.compare(&a, &b, cop));
                    push!(r);
                }
                Opcode::IS_OP => {
                    let b = pop!();
                    let a = pop!();
                    push!(Value::from_bool(a.is(&b) != (arg == 1)));
                }
                Opcode::CONTAINS_OP => {
                    let container = pop!();
                    let item = pop!();
                    save!();
                    let r = tri!(self.contains(&container, &item));
                    push!(Value::from_bool(r != (arg == 1)));
                }
                Opcode::BINARY_SUBSCR => {
                    if let Some(v) = self.subscript_fast(&self.stack[sp - 2], &self.stack[sp - 1]) {
                        drop(pop!());
                        let old = std::mem::replace(&mut self.stack[sp - 1], v);
                        drop(old);
                        continue;
                    }
                    let key = pop!();
                    let obj = pop!();
                    save!();
                    let r = tri!(self.getitem(&obj, &key));
                    push!(r);
                }
                Opcode::STORE_SUBSCR => {
                    let key = pop!();
                    let obj = pop!();
                    let v = pop!();
                    let v = match self.store_subscript_fast(&obj, &key, v) {
                        Ok(old) => {
                            drop(old);
                            finalize_point!();
                            continue;
                        }
                        Err(v) => v,
                    };
                    save!();
                    tri!(self.setitem(&obj, &key, v));
                }
                Opcode::DELETE_SUBSCR => {
                    let key = pop!();
                    let obj = pop!();
                    save!();
                    tri!(self.delitem(&obj, &key));
                }
                Opcode::BINARY_SLICE => {
                    let stop = pop!();
                    let start = pop!();
                    let obj = pop!();
                    let slice = self.new_slice(start, stop, Value::NONE);
                    save!();
                    let r = tri!(self.getitem(&obj, &slice));
                    push!(r);
                }
                Opcode::STORE_SLICE => {
                    let stop = pop!();
                    let start = pop!();
                    let obj = pop!();
                    let v = pop!();
                    let slice = self.new_slice(start, stop, Value::NONE);
                    save!();
                    tri!(self.setitem(&obj, &slice, v));
                }
                Opcode::BUILD_SLICE => {
                    let step = if arg == 3 { pop!() } else { Value::NONE };
                    let stop = pop!();
                    let start = pop!();
                    push!(self.new_slice(start, stop, step));
                }
                Opcode::BUILD_TUPLE | Opcode::BUILD_LIST => {
                    let n = arg as usize;
                    let items: Vec<Value> = self.stack[sp - n..sp]
                        .iter_mut()
                        .map(std::mem::take)
                        .collect();
                    sp -= n;
                    let v = if op == Opcode::BUILD_TUPLE {
                        self.new_tuple(items)
                    } else {
                        self.new_list(items)
                    };
                    push!(v);
                }
                Opcode::BUILD_SET => {
                    let n = arg as usize;
                    let items: Vec<Value> = self.stack[sp - n..sp]
                        .iter_mut()
                        .map(std::mem::take)
                        .collect();
                    sp -= n;
                    save!();
                    let set = self.new_set_from_table(Default::default(), false);
                    for item in items {
                        tri!(self.set_add(&set, item));
                    }
                    push!(set);
                }
                Opcode::BUILD_MAP => {
                    let n = arg as usize;
                    let items: Vec<Value> = self.stack[sp - 2 * n..sp]
                        .iter_mut()
                        .map(std::mem::take)
                        .collect();
                    sp -= 2 * n;
                    save!();
                    let dict = self.new_dict();
                    let mut it = items.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        tri!(self.dict_set(&dict, k, v));
                    }
                    push!(dict);
                }
                Opcode::BUILD_STRING => {
                    let n = arg as usize;
                    let joined = self.concat_strs(&self.stack[sp - n..sp]);
                    for slot in &mut self.stack[sp - n..sp] {
                        drop(std::mem::take(slot));
                    }
                    sp -= n;
                    push!(joined);
                }
                Opcode::LIST_APPEND => {
                    let v = pop!();
                    if let Some(l) = self.stack[sp - arg as usize].as_list() {
                        l.borrow_mut().push(v);
                    }
                }
                Opcode::SET_ADD => {
                    let v = pop!();
                    let set = self.stack[sp - arg as usize].clone();
                    save!();
                    tri!(self.set_add(&set, v));
                }
                Opcode::MAP_ADD => {
                    let v = pop!();
                    let k = pop!();
                    let dict = self.stack[sp - arg as usize].clone();
                    save!();
                    tri!(self.dict_set(&dict, k, v));
                }
                Opcode::LIST_EXTEND => {
                    let iterable = pop!();
                    let list = self.stack[sp - arg as usize].clone();
                    save!();
                    let items = match self.collect_iterable(&iterable) {
                        Ok(items) => items,
                        Err(e) => {
                            if self.err_matches(&e, ExcKind::TypeError)
                                && !self.is_iterable(&iterable)
                            {
                                fail!(PyErr::type_error(format!(
                                    "Value after * must be an iterable, not {}",
                                    self.type_name(&iterable)
                                )));
                            }
                            fail!(e);
                        }
                    };
                    if let Some(l) = list.as_list() {
                        l.borrow_mut().extend(items);
                    }
                }
                Opcode::SET_UPDATE => {
                    let iterable = pop!();
                    let set = self.stack[sp - arg as usize].clone();
                    save!();
                    // CPython's set_update_internal: merging decides the table layout.
                    tri!(crate::builtins::set::ops::update_internal(
                        self, &set, &iterable
                    ));
                }
                Opcode::DICT_UPDATE => {
                    let mapping = pop!();
                    let dict = self.stack[sp - arg as usize].clone();
                    save!();
                    if self.lookup_special(&mapping, "keys").is_none() {
                        fail!(PyErr::type_error(format!(
                            "'{}' object is not a mapping",
                            self.type_name(&mapping)
                        )));
                    }
                    tri!(self.dict_update_from(&dict, &mapping));
                }
                Opcode::DICT_MERGE => {
                    let mapping = pop!();
                    let dict = self.stack[sp - arg as usize].clone();
                    // Stack: callable, self_or_null, args tuple, kwargs dict (at -arg).
                    let func = self.stack[sp - arg as usize - 3].clone();
                    save!();
                    tri!(self.dict_merge_kwargs(&dict, &mapping, &func));
                }
                Opcode::LIST_TO_TUPLE => {
                    let l = pop!();
                    let items = l.as_list().map(|l| l.borrow().clone()).unwrap_or_default();
                    push!(self.new_tuple(items));
                }
                Opcode::UNPACK_SEQUENCE => {
                    let seq = pop!();
                    save!();
                    let items = tri!(self.unpack_exact(&seq, arg as usize));
                    for item in items.into_iter().rev() {
                        push!(item);
                    }
                }
                Opcode::UNPACK_EX => {
                    let seq = pop!();
                    save!();
                    let before = (arg & 0xFF) as usize;
                    let after = (arg >> 8) as usize;
                    let items = tri!(self.unpack_star(&seq, before, after));
                    for item in items.into_iter().rev() {
                        push!(item);
                    }
                }
                Opcode::FORMAT_SIMPLE => {
                    let v = pop!();
                    if v.as_pystr().is_some() && self.is_exact_builtin(&v) {
                        push!(v);
                    } else {
                        save!();
                        let r = tri!(crate::builtins::str_format::format_value(self, &v, ""));
                        push!(r);
                    }
                }
                Opcode::FORMAT_WITH_SPEC => {
                    let spec = pop!();
                    let v = pop!();
                    save!();
                    let spec_text = spec.as_str().unwrap_or("").to_string();
                    let r = tri!(crate::builtins::str_format::format_value(
                        self, &v, &spec_text
                    ));
                    push!(r);
                }
                Opcode::CONVERT_VALUE => {
                    let v = pop!();
                    save!();
                    let r = match arg {
                        conversion::STR => tri!(self.str_value(&v)),
                        conversion::REPR => {
                            let s = tri!(self.repr(&v));
                            self.new_string(s)
                        }
                        _ => {
                            let s = tri!(self.repr(&v));
                            self.new_string(crate::builtins::repr::ascii_escape(&s))
                        }
                    };
                    push!(r);
                }
                Opcode::JUMP_FORWARD => ip += arg as usize,
                Opcode::JUMP_BACKWARD => {
                    ip -= arg as usize;
                    if self.interrupt.load(Ordering::Relaxed) {
                        self.interrupt.store(false, Ordering::Relaxed);
                        fail!(PyErr::new(ExcKind::KeyboardInterrupt, ""));
                    }
                    if self.tracing.version.get() != trace_version {
                        save!();
                        return Ok(Flow::Reload);
                    }
                    // The hot-loop counter lives in the instruction's inline cache.
                    // Traced or profiled code stays in the interpreter, which delivers events.
                    if let Some(counter) = units.get(lasti + 1)
                        && self.jit.enabled()
                        && !self.tracing.active()
                    {
                        let c = counter.get();
                        if c > 0 {
                            counter.set(c - 1);
                        } else {
                            save!();
                            match self.jit_back_edge(lasti, ip) {
                                crate::jit::BackEdge::Continue => {}
                                crate::jit::BackEdge::Reload => return Ok(Flow::Reload),
                                // The frame already points at the raising `CALL`.
                                crate::jit::BackEdge::Raise(e) => return Err((e, false)),
                            }
                        }
                    }
                }
                Opcode::JUMP_BACKWARD_NO_INTERRUPT => ip -= arg as usize,
                Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE => {
                    let v = pop!();
                    let t = match v.as_bool() {
                        Some(b) => b,
                        None => {
                            save!();
                            tri!(self.truthy(&v))
                        }
                    };
                    if t == (op == Opcode::POP_JUMP_IF_TRUE) {
                        ip += arg as usize;
                    }
                }
                Opcode::POP_JUMP_IF_NONE | Opcode::POP_JUMP_IF_NOT_NONE => {
                    let v = pop!();
                    if v.is_none() == (op == Opcode::POP_JUMP_IF_NONE) {
                        ip += arg as usize;
                    }
                }
                Opcode::GET_ITER => {
                    let v = pop!();
                    save!();
                    let it = tri!(self.iter(&v));
                    push!(it);
                }
                Opcode::FOR_ITER => {
                    if tick(units, lasti) {
                        match specialize::for_iter_form(&self.stack[sp - 1]) {
                            Some(form) => {
                                set_opcode(units, lasti, form);
                                ip = start;
                                continue;
                            }
                            None => back_off(units, lasti),
                        }
                    }
                    if let Some(step) = fast_iter_next(&self.stack[sp - 1]) {
                        match step {
                            FastNext::Int(i) => push!(self.new_int(i)),
                            FastNext::Item(v) => push!(v),
                            FastNext::Done => {
                                drop(pop!());
                                ip += arg as usize;
                            }
                        }
                        continue;
                    }
                    let it = top!().clone();
                    save!();
                    if self.can_resume_inline(&it, &Value::NONE, false) {
                        let exhausted = ip + arg as usize;
                        self.resume_inline(&it, Value::NONE, Delivery::ForIter { exhausted });
                        return Ok(Flow::Reload);
                    }
                    match tri!(self.next(&it)) {
                        Some(v) => push!(v),
                        None => {
                            drop(pop!());
                            ip += arg as usize;
                        }
                    }
                }
                Opcode::CALL | Opcode::CALL_KW => {
                    if op == Opcode::CALL && tick(units, lasti) {
                        let callable_at = sp - 2 - arg as usize;
                        let nargs =
                            arg as usize + usize::from(!self.stack[callable_at + 1].is_null());
                        if specialize::is_exact_args_call(&self.stack[callable_at], nargs) {
                            set_opcode(units, lasti, Opcode::CALL_PY_EXACT_ARGS);
                            ip = start;
                            continue;
                        }
                        back_off(units, lasti);
                    }
                    let kwnames = if op == Opcode::CALL_KW {
                        pop!()
                    } else {
                        Value::NULL
                    };
                    let argc = arg as usize;
                    let callable_at = sp - 2 - argc;
                    let callable = std::mem::take(&mut self.stack[callable_at]);
                    let self_slot = std::mem::take(&mut self.stack[callable_at + 1]);
                    // Argument vectors are recycled (`Vm::arg_vecs`): no allocation per call.
                    let mut args = self.arg_vecs.pop().unwrap_or_default();
                    let receiver = if self_slot.is_null() {
                        None
                    } else {
                        Some(self_slot)
                    };
                    args.extend(self.stack[sp - argc..sp].iter_mut().map(std::mem::take));
                    sp = callable_at;
                    save!();
                    let names: &[Value] = kwnames.as_tuple().unwrap_or(&[]);
                    let result = self.call_from_eval(callable, receiver, &mut args, names);
                    args.clear();
                    self.arg_vecs.push(args);
                    match result {
                        Ok(Some(result)) => {
                            push!(result);
                            if self.tracing.version.get() != trace_version {
                                save!();
                                return Ok(Flow::Reload);
                            }
                        }
                        Ok(None) => return Ok(Flow::Reload),
                        Err(e) => fail!(e),
                    }
                }
                Opcode::CALL_FUNCTION_EX => {
                    let kwargs = if arg & 1 != 0 { pop!() } else { Value::NULL };
                    let args_v = pop!();
                    let self_slot = pop!();
                    let callable = pop!();
                    save!();
                    let mut args = tri!(self.collect_iterable(&args_v));
                    let mut names = Vec::new();
                    if !kwargs.is_null()
                        && let Some(d) = kwargs.as_dict()
                    {
                        for (k, v) in d.borrow().items() {
                            names.push(k);
                            args.push(v);
                        }
                    }
                    let receiver = if self_slot.is_null() {
                        None
                    } else {
                        Some(self_slot)
                    };
                    match self.call_from_eval(callable, receiver, &mut args, &names) {
                        Ok(Some(result)) => {
                            push!(result);
                            if self.tracing.version.get() != trace_version {
                                save!();
                                return Ok(Flow::Reload);
                            }
                        }
                        Ok(None) => return Ok(Flow::Reload),
                        Err(e) => fail!(e),
                    }
                }
                Opcode::MAKE_FUNCTION => {
                    let code_obj = pop!();
                    let globals = self
                        .frames
                        .last()
                        .map(|f| f.globals.clone())
                        .unwrap_or(Value::NULL);
                    let builtins = self
                        .frames
                        .last()
                        .map(|f| f.builtins.clone())
                        .unwrap_or(Value::NULL);
                    let f = self.new_function(code_obj, globals, builtins);
                    push!(f);
                }
                Opcode::SET_FUNCTION_ATTRIBUTE => {
                    let func = pop!();
                    let value = pop!();
                    if let Some(f) = func.as_function() {
                        let slot = match arg {
                            function_attr::DEFAULTS => &f.defaults,
                            function_attr::KWDEFAULTS => &f.kwdefaults,
                            function_attr::ANNOTATIONS => &f.annotations,
                            function_attr::ANNOTATE => &f.annotate,
                            _ => &f.closure,
                        };
                        let old = slot.replace(value);
                        drop(old);
                    }
                    push!(func);
                }
                Opcode::RETURN_VALUE | Opcode::RETURN_CONST => {
                    let v = if op == Opcode::RETURN_VALUE {
                        pop!()
                    } else {
                        code.consts[arg as usize].clone()
                    };
                    save!();
                    if traced {
                        tri!(self.trace_return(&v));
                    }
                    return self.return_from_frame(v).map_err(|e| (e, false));
                }
                Opcode::RAISE_VARARGS => {
                    let cause = if arg >= 2 { pop!() } else { Value::NULL };
                    let exc = if arg >= 1 { pop!() } else { Value::NULL };
                    save!();
                    if arg == 0 {
                        let current = self.exc_info.clone();
                        if current.is_null() || current.is_none() {
                            fail!(PyErr::runtime_error("No active exception to reraise"));
                        }
                        return Err((PyErr::from_object(current), true));
                    }
                    fail!(self.make_raise(exc, cause));
                }
                Opcode::RERAISE => {
                    let exc = pop!();
                    if arg != 0 {
                        // The saved lasti of the original raise only matters for `f_lineno`;
                        // the handler search must start from this RERAISE (as in CPython),
                        // or a handler covering the original instruction would catch again.
                        drop(pop!());
                    }
                    save!();
                    return Err((PyErr::from_object(exc), true));
                }
                Opcode::PUSH_EXC_INFO => {
                    let exc = pop!();
                    let prev = std::mem::replace(&mut self.exc_info, exc.clone());
                    push!(if prev.is_null() { Value::NONE } else { prev });
                    push!(exc);
                }
                Opcode::POP_EXCEPT => {
                    let prev = pop!();
                    self.exc_info = if prev.is_none() { Value::NULL } else { prev };
                }
                Opcode::CHECK_EXC_MATCH => {
                    let match_type = pop!();
                    let exc = top!().clone();
                    save!();
                    let r = tri!(self.exception_matches(&exc, &match_type));
                    push!(Value::from_bool(r));
                }
                Opcode::WITH_EXCEPT_START => {
                    let exc = top!().clone();
                    let exit = self.stack[sp - 4].clone();
                    let ty = self.type_of(&exc);
                    let tb = exc
                        .as_exception()
                        .map(|e| e.traceback.borrow().clone())
                        .unwrap_or(Value::NONE);
                    save!();
                    let r = tri!(self.call(&exit, &[ty, exc, tb]));
                    push!(r);
                }
                Opcode::BEFORE_WITH => {
                    let cm = pop!();
                    save!();
                    let (exit, entered) = tri!(self.enter_context(&cm));
                    push!(exit);
                    push!(entered);
                }
                Opcode::LOAD_ASSERTION_ERROR => {
                    push!(self.types.exception(ExcKind::AssertionError).clone())
                }
                Opcode::LOAD_BUILD_CLASS => {
                    let builtins = self
                        .frames
                        .last()
                        .map(|f| f.builtins.clone())
                        .unwrap_or(Value::NULL);
                    match self.dict_get_str(&builtins, "__build_class__") {
                        Some(b) => push!(b),
                        None => fail!(PyErr::name_error("__build_class__ not found")),
                    }
                }
                Opcode::IMPORT_NAME => {
                    let fromlist = pop!();
                    let level = pop!();
                    let name = code.names[arg as usize].clone();
                    save!();
                    let m = tri!(self.import_name(&name, &fromlist, &level));
                    push!(m);
                }
                Opcode::IMPORT_FROM => {
                    let module = top!().clone();
                    let name = code.names[arg as usize].as_str().unwrap_or("").to_string();
                    save!();
                    let v = tri!(self.import_from(&module, &name));
                    push!(v);
                }
                Opcode::IMPORT_STAR => {
                    let module = pop!();
                    save!();
                    tri!(self.import_star(&module));
                }
                Opcode::SETUP_ANNOTATIONS => {
                    let locals = self
                        .frames
                        .last()
                        .map(|f| f.locals.clone())
                        .unwrap_or(Value::NULL);
                    if !locals.is_null() && self.dict_get_str(&locals, "__annotations__").is_none()
                    {
                        let key = self.intern("__annotations__");
                        let d = self.new_dict();
                        tri!(self.mapping_store(&locals, key, d));
                    }
                }
                Opcode::RETURN_GENERATOR => {
                    save!();
                    return Ok(self.make_generator_from_top_frame());
                }
                Opcode::YIELD_VALUE => {
                    let v = pop!();
                    save!();
                    if traced {
                        tri!(self.trace_return(&v));
                        // A jump made here (`f_lineno = n`) already moved the frame: the
                        // generator resumes at the target.
                        self.tracing.jumped = false;
                    }
                    return Ok(self.yield_from_frame(v));
                }
                Opcode::SEND => {
                    let v = pop!();
                    let receiver = top!().clone();
                    save!();
                    if self.can_resume_inline(&receiver, &v, true) {
                        let returned = ip + arg as usize;
                        self.resume_inline(&receiver, v, Delivery::Send { returned });
                        return Ok(Flow::Reload);
                    }
                    match tri!(self.send_to(&receiver, v)) {
                        crate::interp::generator::SendResult::Yielded(y) => push!(y),
                        crate::interp::generator::SendResult::Returned(r) => {
                            push!(r);
                            ip += arg as usize;
                        }
                    }
                }
                Opcode::END_SEND => {
                    let v = pop!();
                    drop(pop!());
                    push!(v);
                }
                Opcode::GET_YIELD_FROM_ITER => {
                    let v = pop!();
                    save!();
                    let it = if matches!(v.payload(), Some(Payload::Generator(_))) {
                        v
                    } else {
                        tri!(self.iter(&v))
                    };
                    push!(it);
                }
                Opcode::CLEANUP_THROW => {
                    let exc = pop!();
                    let _last_sent = pop!();
                    let _sub_iter = pop!();
                    save!();
                    if self.is_instance(&exc, self.types.exception(ExcKind::StopIteration)) {
                        let value = crate::builtins::exceptions::stop_iteration_value(self, &exc);
                        push!(Value::NONE);
                        push!(value);
                    } else {
                        return Err((PyErr::from_object(exc), true));
                    }
                }
                // `except*` support (helpers in builtins::exceptions::group).
                Opcode::CHECK_EG_MATCH => {
                    let match_type = pop!();
                    let exc = pop!();
                    save!();
                    let (rest, matched) = tri!(self.check_eg_match(&exc, &match_type, lasti));
                    push!(rest);
                    push!(matched);
                }
                Opcode::CALL_INTRINSIC_2 => {
                    let excs = pop!();
                    let orig = pop!();
                    save!();
                    let r = tri!(crate::builtins::exceptions::group::prep_reraise_star(
                        self, &orig, &excs
                    ));
                    push!(r);
                }
                Opcode::CALL_INTRINSIC_1 => {
                    let v = pop!();
                    save!();
                    let r = tri!(self.intrinsic1(arg, v));
                    push!(r);
                }
                Opcode::GET_LEN => {
                    let v = top!().clone();
                    save!();
                    let n = tri!(self.len(&v));
                    push!(self.new_int(n as i64));
                }
                // `match` statements (bodies in interp::pattern_ops).
                Opcode::MATCH_MAPPING => {
                    let r = self.match_is_mapping(&top!());
                    push!(Value::from_bool(r));
                }
                Opcode::MATCH_SEQUENCE => {
                    let r = self.match_is_sequence(&top!());
                    push!(Value::from_bool(r));
                }
                Opcode::MATCH_KEYS => {
                    let keys = top!().clone();
                    let subject = self.stack[sp - 2].clone();
                    save!();
                    let r = tri!(self.match_keys(&subject, &keys));
                    push!(r);
                }
                Opcode::MATCH_CLASS => {
                    let kwnames = pop!();
                    let cls = pop!();
                    let subject = pop!();
                    save!();
                    let r = tri!(self.match_class(&subject, &cls, arg as usize, &kwnames));
                    push!(r);
                }
                Opcode::LOAD_SUPER_ATTR => {
                    let receiver = pop!();
                    let class = pop!();
                    let _global_super = pop!();
                    let name = code.names[(arg >> 2) as usize]
                        .as_str()
                        .unwrap_or("")
                        .to_string();
                    save!();
                    let r = tri!(crate::interp::class::super_getattr(
                        self, &class, &receiver, &name
                    ));
                    if arg & 1 != 0 {
                        push!(r);
                        push!(Value::NULL);
                    } else {
                        push!(r);
                    }
                }
                Opcode::GET_AWAITABLE => {
                    let v = pop!();
                    save!();
                    let it = tri!(self.get_awaitable(v, arg));
                    push!(it);
                }
                Opcode::GET_AITER => {
                    let v = pop!();
                    save!();
                    let it = tri!(self.get_aiter(v));
                    push!(it);
                }
                Opcode::GET_ANEXT => {
                    let aiter = top!().clone();
                    save!();
                    let awaitable = tri!(self.get_anext(&aiter));
                    push!(awaitable);
                }
                Opcode::END_ASYNC_FOR => {
                    let exc = pop!();
                    drop(pop!());
                    save!();
                    if let Err(e) = self.end_async_for(exc) {
                        return Err((e, true));
                    }
                }
                Opcode::BEFORE_ASYNC_WITH => {
                    let mgr = pop!();
                    save!();
                    let (exit, entered) = tri!(self.before_async_with(&mgr));
                    push!(exit);
                    push!(entered);
                }
            }
        }
    }
}
