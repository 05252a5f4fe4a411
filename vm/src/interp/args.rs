//! Call arguments in vectorcall shape: all argument values in one slice, the last
//! `kwnames.len()` of them being keyword arguments named by `kwnames` (exact strs). Native
//! functions parse them with `ArgSpec`, which reports CPython's messages for missing,
//! surplus and unexpected arguments.

use crate::object::Value;
use crate::runtime::errors::{PyErr, PyResult};

/// The arguments of one call.
#[derive(Clone, Copy)]
pub struct Args<'a> {
    pub values: &'a [Value],
    pub kwnames: &'a [Value],
}

impl<'a> Args<'a> {
    pub fn positional_only(values: &'a [Value]) -> Args<'a> {
        Args {
            values,
            kwnames: &[],
        }
    }

    /// The positional arguments.
    pub fn positional(&self) -> &'a [Value] {
        &self.values[..self.values.len() - self.kwnames.len()]
    }

    /// The keyword arguments as (name, value) pairs.
    pub fn keywords(&self) -> impl Iterator<Item = (&'a str, &'a Value)> {
        let start = self.values.len() - self.kwnames.len();
        self.kwnames
            .iter()
            .zip(self.values[start..].iter())
            .map(|(k, v)| (k.as_str().unwrap_or(""), v))
    }

    /// The value of keyword `name`, if passed.
    pub fn keyword(&self, name: &str) -> Option<&'a Value> {
        self.keywords().find(|(k, _)| *k == name).map(|(_, v)| v)
    }

    pub fn has_keywords(&self) -> bool {
        !self.kwnames.is_empty()
    }

    /// Errors unless the call has no keyword arguments (`f() takes no keyword arguments`).
    pub fn no_keywords(&self, fname: &str) -> PyResult<()> {
        if self.kwnames.is_empty() {
            Ok(())
        } else {
            Err(PyErr::type_error(format!(
                "{fname}() takes no keyword arguments"
            )))
        }
    }

    /// Exactly `n` positional arguments and no keywords, with CPython's messages.
    pub fn exact(&self, fname: &str, n: usize) -> PyResult<&'a [Value]> {
        self.no_keywords(fname)?;
        let pos = self.positional();
        if pos.len() == n {
            return Ok(pos);
        }
        Err(PyErr::type_error(match n {
            0 => format!("{fname}() takes no arguments ({} given)", pos.len()),
            1 => format!("{fname}() takes exactly one argument ({} given)", pos.len()),
            _ => format!("{fname} expected {n} arguments, got {}", pos.len()),
        }))
    }

    /// Between `min` and `max` positional arguments, no keywords (CPython's
    /// `PyArg_UnpackTuple` messages).
    pub fn range(&self, fname: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
        self.no_keywords(fname)?;
        let pos = self.positional();
        let n = pos.len();
        if n < min {
            return Err(PyErr::type_error(format!(
                "{fname} expected {}{min} argument{}, got {n}",
                if min == max { "" } else { "at least " },
                if min == 1 { "" } else { "s" }
            )));
        }
        if n > max {
            return Err(PyErr::type_error(format!(
                "{fname} expected {}{max} argument{}, got {n}",
                if min == max { "" } else { "at most " },
                if max == 1 { "" } else { "s" }
            )));
        }
        Ok(pos)
    }
}

/// A parameter list for a native function: binds positional and keyword arguments to
/// named slots like a Python signature, with CPython's error messages.
pub struct ArgSpec<'s> {
    pub fname: &'s str,
    /// Parameter names in order.
    pub names: &'s [&'s str],
    /// How many leading parameters are positional-only.
    pub posonly: usize,
    /// How many parameters are required.
    pub required: usize,
    /// Index from which parameters are keyword-only (`names.len()` if none).
    pub kwonly_from: usize,
}

impl ArgSpec<'_> {
    /// Binds `args`; unfilled optional slots are NULL.
    pub fn bind(&self, args: &Args<'_>) -> PyResult<Vec<Value>> {
        let mut out = vec![Value::NULL; self.names.len()];
        let pos = args.positional();
        if pos.len() > self.kwonly_from {
            let max = self.kwonly_from;
            return Err(PyErr::type_error(if self.required == max {
                format!(
                    "{}() takes {} positional argument{} but {} {} given",
                    self.fname,
                    max,
                    if max == 1 { "" } else { "s" },
                    pos.len(),
                    if pos.len() == 1 { "was" } else { "were" }
                )
            } else {
                format!(
                    "{}() takes at most {} argument{} ({} given)",
                    self.fname,
                    max,
                    if max == 1 { "" } else { "s" },
                    pos.len()
                )
            }));
        }
        for (slot, v) in out.iter_mut().zip(pos.iter()) {
            *slot = v.clone();
        }
        for (name, v) in args.keywords() {
            match self.names.iter().position(|n| *n == name) {
                Some(i) if i >= self.posonly => {
                    if !out[i].is_null() {
                        return Err(PyErr::type_error(format!(
                            "argument for {}() given by name ('{}') and position ({})",
                            self.fname,
                            name,
                            i + 1
                        )));
                    }
                    out[i] = v.clone();
                }
                _ => {
                    return Err(PyErr::type_error(format!(
                        "{}() got an unexpected keyword argument '{}'",
                        self.fname, name
                    )));
                }
            }
        }
        for (i, slot) in out.iter().enumerate().take(self.required) {
            if slot.is_null() {
                return Err(PyErr::type_error(if i < self.posonly || i < pos.len() {
                    format!(
                        "{}() takes at least {} positional argument{} ({} given)",
                        self.fname,
                        self.required,
                        if self.required == 1 { "" } else { "s" },
                        pos.len()
                    )
                } else {
                    format!(
                        "{}() missing required argument '{}' (pos {})",
                        self.fname,
                        self.names[i],
                        i + 1
                    )
                }));
            }
        }
        Ok(out)
    }
}
