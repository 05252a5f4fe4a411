//! Calling things: builtin functions, bound methods, Python functions (binding arguments
//! into a new frame's slots with CPython's error messages) and types (`__new__` then
//! `__init__`). `Vm::call` is the re-entrant entry for Rust code; the eval loop pushes
//! Python frames itself without recursing.

use crate::bytecode::code::code_flags;
use crate::interp::args::Args;
use crate::interp::frame::Frame;
use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::vm::Vm;

impl Vm {
    /// A `str` method call where a string holding lone surrogates takes part (rare): see
    /// `builtins::str_surrogates`.
    #[cold]
    fn call_str_method_with_surrogates(
        &mut self,
        receiver: Value,
        func: crate::types::function::NativeFn,
        args: Args<'_>,
    ) -> PyResult<Value> {
        let mut all = Vec::with_capacity(args.values.len() + 1);
        if !receiver.is_null() {
            all.push(receiver);
        }
        all.extend(args.values.iter().cloned());
        let kwnames = args.kwnames;
        crate::builtins::str_surrogates::call_mapped(self, &all, |vm, mapped| {
            func(
                vm,
                Args {
                    values: mapped,
                    kwnames,
                },
            )
        })
    }

    /// Calls `callable` with positional arguments.
    pub fn call(&mut self, callable: &Value, args: &[Value]) -> PyResult<Value> {
        self.call_args(callable, Args::positional_only(args))
    }

    /// Calls `callable` with vectorcall-shaped arguments.
    pub fn call_args(&mut self, callable: &Value, args: Args<'_>) -> PyResult<Value> {
        match callable.payload() {
            Some(Payload::BuiltinFunction(f)) => {
                let func = f.func;
                if f.owner.is(&self.types.str_)
                    && crate::builtins::str_surrogates::needs_mapping(f.name)
                    && (crate::builtins::str_surrogates::involved(args.values)
                        || crate::builtins::str_surrogates::involved(std::slice::from_ref(
                            &f.receiver,
                        )))
                {
                    return self.call_str_method_with_surrogates(f.receiver.clone(), func, args);
                }
                if f.owner.is_null() || f.receiver.is_null() {
                    if f.is_method_descriptor() && args.positional().is_empty() {
                        return Err(PyErr::type_error(format!(
                            "unbound method {}.{}() needs an argument",
                            crate::runtime::typecheck::type_name_of(&f.owner),
                            f.name
                        )));
                    }
                    if f.is_method_descriptor()
                        && self.type_of(callable).is(&self.types.wrapper_descriptor)
                        && let Some(recv) = args.values.first()
                        && !self.is_instance(recv, &f.owner)
                    {
                        return Err(PyErr::type_error(format!(
                            "descriptor '{}' requires a '{}' object but received a '{}'",
                            f.name,
                            crate::runtime::typecheck::type_name_of(&f.owner),
                            self.type_name(recv)
                        )));
                    }
                    return func(self, args);
                }
                let mut all = Vec::with_capacity(args.values.len() + 1);
                all.push(f.receiver.clone());
                all.extend(args.values.iter().cloned());
                func(
                    self,
                    Args {
                        values: &all,
                        kwnames: args.kwnames,
                    },
                )
            }
            Some(Payload::Function(_)) => {
                self.push_function_frame(callable, args, None)?;
                self.run_frame()
            }
            Some(Payload::BoundMethod(m)) => {
                let (function, receiver) = (m.function.clone(), m.receiver.clone());
                if function.as_function().is_some() {
                    self.push_function_frame(&function, args, Some(receiver))?;
                    return self.run_frame();
                }
                let mut all = Vec::with_capacity(args.values.len() + 1);
                all.push(receiver);
                all.extend(args.values.iter().cloned());
                self.call_args(
                    &function,
                    Args {
                        values: &all,
                        kwnames: args.kwnames,
                    },
                )
            }
            Some(Payload::Type(_)) => self.call_type(callable, args),
            _ => match self.lookup_special(callable, "__call__") {
                Some(m) => {
                    let mut all = Vec::with_capacity(args.values.len() + 1);
                    all.push(callable.clone());
                    all.extend(args.values.iter().cloned());
                    self.call_args(
                        &m,
                        Args {
                            values: &all,
                            kwnames: args.kwnames,
                        },
                    )
                }
                None => Err(PyErr::type_error(format!(
                    "'{}' object is not callable",
                    self.type_name(callable)
                ))),
            },
        }
    }

    /// Whether `v` is callable.
    pub fn is_callable(&self, v: &Value) -> bool {
        match v.payload() {
            Some(
                Payload::BuiltinFunction(_)
                | Payload::Function(_)
                | Payload::BoundMethod(_)
                | Payload::Type(_),
            ) => true,
            _ => self.lookup_special(v, "__call__").is_some(),
        }
    }

    /// Pushes a frame for `func` and binds the arguments into its slots. `receiver` is
    /// prepended to the positional arguments (bound methods).
    pub fn push_function_frame(
        &mut self,
        func: &Value,
        args: Args<'_>,
        receiver: Option<Value>,
    ) -> PyResult<()> {
        let Some(f) = func.as_function() else {
            return Err(PyErr::internal("push_function_frame of a non-function"));
        };
        let code_value = f.code.borrow().clone();
        let Some(code) = code_value.as_code() else {
            return Err(PyErr::internal("function without code"));
        };
        let base = self.frames.last().map(Frame::end).unwrap_or(0);
        let nlocalsplus = code.localsplus_len();
        let size = code.frame_size();
        self.check_recursion()?;
        if self.stack.len() < base + size {
            let new_len = (base + size).max(self.stack.len() * 2).max(1024);
            self.stack.resize_with(new_len, || Value::NULL);
        }
        bind_arguments(self, func, code, args, receiver, base)?;
        // Closure cells go into the trailing free-variable slots (COPY_FREE_VARS is a no-op
        // on this VM's frames because the call already copied them).
        if let Some(cells) = f.closure.borrow().as_tuple() {
            let start = base + nlocalsplus - cells.len();
            for (i, cell) in cells.iter().enumerate() {
                self.stack[start + i] = cell.clone();
            }
        }
        // Filled in place (see `push_exact_args_call`).
        let (globals, builtins) = (f.globals.clone(), f.builtins.clone());
        self.frames.push(Frame::vacant());
        if let Some(frame) = self.frames.last_mut() {
            frame.code = code_value.clone();
            frame.func = func.clone();
            frame.globals = globals;
            frame.builtins = builtins;
            frame.base = base;
            frame.nlocalsplus = nlocalsplus;
            frame.size = size;
            frame.sp = base + nlocalsplus;
        }
        Ok(())
    }

    /// `CALL_PY_EXACT_ARGS`: when the callable at `callable_at` on the value stack is a
    /// Python function whose parameters take exactly the `nargs` arguments that follow it
    /// (after the receiver slot when `has_self`), the missing trailing ones taking their
    /// defaults, pushes its frame, moving the arguments into the new frame's slots, and
    /// leaves the caller's stack pointer at `callable_at`. `Ok(false)` (nothing changed)
    /// when the callable no longer fits: the caller deoptimizes. Reads the function's code
    /// once (no separate signature check).
    pub fn push_exact_args_call(
        &mut self,
        callable_at: usize,
        nargs: usize,
        has_self: bool,
    ) -> PyResult<bool> {
        let func = std::mem::take(&mut self.stack[callable_at]);
        let Some(f) = func.as_function() else {
            self.stack[callable_at] = func;
            return Ok(false);
        };
        let code_ref = f.code.borrow();
        let Some(code) = code_ref.as_code() else {
            drop(code_ref);
            self.stack[callable_at] = func;
            return Ok(false);
        };
        let d = &code.data;
        let arg_count = d.arg_count as usize;
        if d.flags & (code_flags::VARARGS | code_flags::VARKEYWORDS) != 0
            || d.kwonly_arg_count != 0
            || !crate::interp::specialize::binds_exactly(arg_count, nargs, &f.defaults.borrow())
        {
            drop(code_ref);
            self.stack[callable_at] = func;
            return Ok(false);
        }
        if self.frames.len() >= self.recursion_limit {
            drop(code_ref);
            self.stack[callable_at] = func;
            return Err(PyErr::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        let nlocalsplus = code.localsplus_len();
        let size = code.frame_size();
        let code_value = code_ref.clone();
        drop(code_ref);
        let (globals, builtins) = (f.globals.clone(), f.builtins.clone());
        let base = match self.frames.last_mut() {
            Some(caller) => {
                caller.sp = callable_at;
                caller.end()
            }
            None => 0,
        };
        if self.stack.len() < base + size {
            let new_len = (base + size).max(self.stack.len() * 2).max(1024);
            self.stack.resize_with(new_len, || Value::NULL);
        }
        let args_at = callable_at + 1 + usize::from(!has_self);
        for i in 0..nargs {
            let v = std::mem::take(&mut self.stack[args_at + i]);
            self.stack[base + i] = v;
        }
        if nargs < arg_count
            && let Some(defaults) = f.defaults.borrow().as_tuple()
        {
            // The missing trailing parameters take the last defaults.
            let first = defaults.len() + nargs - arg_count;
            for (i, v) in defaults[first..].iter().enumerate() {
                self.stack[base + nargs + i] = v.clone();
            }
        }
        if let Some(cells) = f.closure.borrow().as_tuple() {
            let start = base + nlocalsplus - cells.len();
            for (i, cell) in cells.iter().enumerate() {
                self.stack[start + i] = cell.clone();
            }
        }
        // Filled in place: building the header aside and moving it in costs a
        // store-forwarding stall on every call (see `Frame::move_into`).
        self.frames.push(Frame::vacant());
        if let Some(frame) = self.frames.last_mut() {
            frame.code = code_value;
            frame.func = func;
            frame.globals = globals;
            frame.builtins = builtins;
            frame.base = base;
            frame.nlocalsplus = nlocalsplus;
            frame.size = size;
            frame.sp = base + nlocalsplus;
        }
        Ok(true)
    }

    /// Raises RecursionError when another Python frame would exceed the limit.
    pub fn check_recursion(&mut self) -> PyResult<()> {
        if self.frames.len() >= self.recursion_limit {
            return Err(PyErr::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        Ok(())
    }

    /// Pushes a frame running `code` with explicit globals and locals (module and class
    /// bodies, `exec`).
    pub fn push_code_frame(
        &mut self,
        code_value: &Value,
        globals: Value,
        locals: Value,
    ) -> PyResult<()> {
        let Some(code) = code_value.as_code() else {
            return Err(PyErr::internal("push_code_frame of a non-code object"));
        };
        self.check_recursion()?;
        let base = self.frames.last().map(Frame::end).unwrap_or(0);
        let nlocalsplus = code.localsplus_len();
        let size = code.frame_size();
        if self.stack.len() < base + size {
            let new_len = (base + size).max(self.stack.len() * 2).max(1024);
            self.stack.resize_with(new_len, || Value::NULL);
        }
        let builtins = match self.dict_get_str(&globals, "__builtins__") {
            Some(b) => match b.payload() {
                Some(Payload::Module(m)) => m.dict.clone(),
                Some(Payload::Dict(_)) => b,
                _ => self.builtins_dict.clone(),
            },
            None => self.builtins_dict.clone(),
        };
        self.frames.push(Frame {
            code: code_value.clone(),
            func: Value::NULL,
            globals,
            builtins,
            locals,
            base,
            nlocalsplus,
            size,
            sp: base + nlocalsplus,
            ip: 0,
            lasti: 0,
            entry: false,
            generator: Value::NULL,
            object: Value::NULL,
            init_self: Value::NULL,
        });
        Ok(())
    }

    /// Runs the top frame (just pushed) to completion, re-entering the eval loop.
    pub fn run_frame(&mut self) -> PyResult<Value> {
        if let Err(e) = self.enter_native() {
            self.pop_frame();
            return Err(e);
        }
        if let Some(top) = self.frames.last_mut() {
            top.entry = true;
        }
        let r = self.eval();
        self.leave_native();
        r
    }

    /// Pops the top frame, releasing its slots.
    pub fn pop_frame(&mut self) -> Option<Frame> {
        let frame = self.frames.pop()?;
        if !frame.object.is_null() {
            let fast_end = (frame.base + frame.nlocalsplus).min(self.stack.len());
            let fast: Vec<Value> = self.stack[frame.base..fast_end].to_vec();
            self.detach_frame_object(&frame, &fast, true);
        }
        let end = frame.end().min(self.stack.len());
        for slot in &mut self.stack[frame.base..end] {
            if !slot.is_null() {
                drop(std::mem::take(slot));
            }
        }
        Some(frame)
    }

    /// Pops the top frame like `pop_frame` without handing it out: a plain frame (no frame
    /// object to detach) is released where it lies, which spares moving the header.
    pub fn discard_top_frame(&mut self) {
        let Some(frame) = self.frames.last() else {
            return;
        };
        if !frame.object.is_null() {
            drop(self.pop_frame());
            return;
        }
        let end = frame.end().min(self.stack.len());
        let base = frame.base.min(end);
        for slot in &mut self.stack[base..end] {
            if !slot.is_null() {
                drop(std::mem::take(slot));
            }
        }
        let depth = self.frames.len() - 1;
        self.frames.truncate(depth);
    }

    /// `cls(*args, **kwargs)`.
    fn call_type(&mut self, cls: &Value, args: Args<'_>) -> PyResult<Value> {
        if cls.is(&self.types.type_) && args.positional().len() == 1 && !args.has_keywords() {
            return Ok(self.type_of(&args.positional()[0]));
        }
        let Some(data) = cls.as_type_data() else {
            return Err(PyErr::internal("call_type of a non-type"));
        };
        // A metaclass that defines `__call__` (singletons, registries) decides what calling
        // its classes does; `type.__call__` itself is the default below.
        let meta = self.type_of(cls);
        if !meta.is(&self.types.type_)
            && let Some(m) = self.lookup_type_attr(&meta, "__call__")
            && !matches!(m.payload(), Some(Payload::BuiltinFunction(_)))
        {
            let mut all = Vec::with_capacity(args.values.len() + 1);
            all.push(cls.clone());
            all.extend(args.values.iter().cloned());
            return self.call_args(
                &m,
                Args {
                    values: &all,
                    kwnames: args.kwnames,
                },
            );
        }
        // A builtin type's own constructor (no user `__new__`/`__init__` override).
        let is_heap = data.has_flag(crate::types::typeobj::type_flags::HEAPTYPE);
        if let Some(ctor) = data.constructor.get()
            && !is_heap
        {
            let mut all = Vec::with_capacity(args.values.len() + 1);
            all.push(cls.clone());
            all.extend(args.values.iter().cloned());
            return ctor(
                self,
                Args {
                    values: &all,
                    kwnames: args.kwnames,
                },
            );
        }
        crate::interp::class::construct_instance(self, cls, args)
    }
}

/// Binds call arguments into the localsplus slots starting at `base`.
fn bind_arguments(
    vm: &mut Vm,
    func: &Value,
    code: &crate::types::code::CodeObject,
    args: Args<'_>,
    receiver: Option<Value>,
    base: usize,
) -> PyResult<()> {
    let d = &code.data;
    let argcount = d.arg_count as usize;
    let posonly = d.posonly_arg_count as usize;
    let kwonly = d.kwonly_arg_count as usize;
    let has_varargs = d.flags & code_flags::VARARGS != 0;
    let has_varkw = d.flags & code_flags::VARKEYWORDS != 0;
    let positional = args.positional();
    let extra = usize::from(receiver.is_some());
    let npos = positional.len() + extra;

    // Fast path: exact positional call.
    if args.kwnames.is_empty() && npos == argcount && !has_varargs && !has_varkw && kwonly == 0 {
        let mut i = base;
        if let Some(r) = receiver {
            vm.stack[i] = r;
            i += 1;
        }
        for v in positional {
            vm.stack[i] = v.clone();
            i += 1;
        }
        return Ok(());
    }

    // The slow path detects missing arguments by empty slots: make sure they are empty.
    for slot in &mut vm.stack[base..base + code.localsplus_len()] {
        if !slot.is_null() {
            drop(std::mem::take(slot));
        }
    }
    // CPython's messages name the function's own `__qualname__` (it may run borrowed code).
    // Only an error needs it (no string built per call).
    let qualname = || {
        func.as_function()
            .and_then(|f| f.qualname.borrow().as_str().map(str::to_string))
            .unwrap_or_else(|| code.data.qualname.clone())
    };
    let mut pos_iter = receiver.into_iter().chain(positional.iter().cloned());
    let take = npos.min(argcount);
    for i in 0..take {
        if let Some(v) = pos_iter.next() {
            vm.stack[base + i] = v;
        }
    }
    let varargs_slot = argcount + kwonly;
    if has_varargs {
        let rest: Vec<Value> = pos_iter.collect();
        vm.stack[base + varargs_slot] = vm.new_tuple(rest);
    } else if npos > argcount {
        return Err(too_many_positional(vm, func, code, npos, &args));
    }
    let varkw_slot = varargs_slot + usize::from(has_varargs);
    let kwdict = if has_varkw {
        let dict = vm.new_dict();
        vm.stack[base + varkw_slot] = dict.clone();
        Some(dict)
    } else {
        None
    };
    let mut posonly_as_kw: Vec<String> = Vec::new();
    for (name, value) in args.keywords() {
        let slot = d.localsplus_names[..argcount + kwonly]
            .iter()
            .position(|n| n == name);
        match slot {
            Some(i) if i >= posonly => {
                if !vm.stack[base + i].is_null() {
                    return Err(PyErr::type_error(format!(
                        "{}() got multiple values for argument '{name}'",
                        qualname()
                    )));
                }
                vm.stack[base + i] = value.clone();
            }
            other => {
                if let Some(dict) = &kwdict {
                    let key = vm.new_str(name);
                    if vm.dict_get(dict, &key)?.is_some() {
                        return Err(PyErr::type_error(format!(
                            "{}() got multiple values for argument '{name}'",
                            qualname()
                        )));
                    }
                    vm.dict_set(dict, key, value.clone())?;
                } else if other.is_some() {
                    posonly_as_kw.push(name.to_string());
                } else {
                    return Err(PyErr::type_error(format!(
                        "{}() got an unexpected keyword argument '{name}'",
                        qualname()
                    )));
                }
            }
        }
    }
    if !posonly_as_kw.is_empty() {
        return Err(PyErr::type_error(format!(
            "{}() got some positional-only arguments passed as keyword arguments: '{}'",
            qualname(),
            posonly_as_kw.join(", ")
        )));
    }
    // Defaults for missing positional parameters.
    let Some(f) = func.as_function() else {
        return Err(PyErr::internal("bind_arguments of a non-function"));
    };
    let defaults = f.defaults.borrow().clone();
    let defaults: &[Value] = defaults.as_tuple().unwrap_or(&[]);
    let first_default = argcount.saturating_sub(defaults.len());
    let mut missing: Vec<String> = Vec::new();
    for i in 0..argcount {
        if vm.stack[base + i].is_null() {
            if i >= first_default {
                vm.stack[base + i] = defaults[i - first_default].clone();
            } else {
                missing.push(d.localsplus_names[i].clone());
            }
        }
    }
    if !missing.is_empty() {
        return Err(PyErr::type_error(format!(
            "{}() missing {} required positional argument{}: {}",
            qualname(),
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            join_names(&missing)
        )));
    }
    let kwdefaults = f.kwdefaults.borrow().clone();
    for i in argcount..argcount + kwonly {
        if vm.stack[base + i].is_null() {
            let name = &d.localsplus_names[i];
            let default = if kwdefaults.is_null() || kwdefaults.is_none() {
                None
            } else {
                vm.dict_get_str(&kwdefaults, name)
            };
            match default {
                Some(v) => vm.stack[base + i] = v,
                None => missing.push(name.clone()),
            }
        }
    }
    if !missing.is_empty() {
        return Err(PyErr::type_error(format!(
            "{}() missing {} required keyword-only argument{}: {}",
            qualname(),
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            join_names(&missing)
        )));
    }
    Ok(())
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'` as CPython lists missing names.
fn join_names(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

fn too_many_positional(
    vm: &Vm,
    func: &Value,
    code: &crate::types::code::CodeObject,
    given: usize,
    args: &Args<'_>,
) -> PyErr {
    let d = &code.data;
    let argcount = d.arg_count as usize;
    let ndefaults = func
        .as_function()
        .map(|f| {
            f.defaults
                .borrow()
                .as_tuple()
                .map(<[Value]>::len)
                .unwrap_or(0)
        })
        .unwrap_or(0);
    let kwonly_given = args
        .keywords()
        .filter(|(name, _)| {
            d.localsplus_names[argcount..argcount + d.kwonly_arg_count as usize]
                .iter()
                .any(|n| n == name)
        })
        .count();
    let _ = vm;
    let takes = if ndefaults > 0 {
        format!(
            "from {} to {} positional arguments",
            argcount - ndefaults,
            argcount
        )
    } else {
        format!(
            "{} positional argument{}",
            argcount,
            if argcount == 1 { "" } else { "s" }
        )
    };
    let given_text = if kwonly_given > 0 {
        format!(
            "{given} positional argument{} (and {kwonly_given} keyword-only argument{}) were given",
            if given == 1 { "" } else { "s" },
            if kwonly_given == 1 { "" } else { "s" }
        )
    } else {
        format!(
            "{given} {}",
            if given == 1 {
                "was given"
            } else {
                "were given"
            }
        )
    };
    let qualname = func
        .as_function()
        .and_then(|f| f.qualname.borrow().as_str().map(str::to_string))
        .unwrap_or_else(|| d.qualname.clone());
    PyErr::type_error(format!("{qualname}() takes {takes} but {given_text}"))
}
