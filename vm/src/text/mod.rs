//! Text conversions shared by the runtime: CPython-exact `repr(float)`, the
//! `format()` mini-language, printf-style `%` number formatting, `int(str)` /
//! `float(str)` parsing, `str` repr, and CPython's hash functions.
//!
//! Everything here works on plain Rust values (`&str`, `String`, `f64`,
//! [`num_bigint::BigInt`]) so that it does not depend on the VM object model.
//! Failures are reported as [`TextError`], which carries the exception class
//! and CPython 3.13's exact message; the VM turns it into a Python exception.

pub mod char_props;
pub mod float_fmt;
pub mod float_repr;
pub mod format_spec;
pub mod hash;
pub mod number_parse;
pub mod percent;
pub mod str_repr;
mod unicode_tables;
pub mod wtf8;

#[cfg(test)]
mod tests;

use std::fmt;

/// An error raised by one of the text routines: the Python exception class
/// and CPython's exact message text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextError {
    /// Raise `ValueError(message)`.
    ValueError(String),
    /// Raise `OverflowError(message)`.
    OverflowError(String),
    /// Raise `TypeError(message)`.
    TypeError(String),
}

impl TextError {
    /// The message carried by the error.
    pub fn message(&self) -> &str {
        match self {
            TextError::ValueError(m) | TextError::OverflowError(m) | TextError::TypeError(m) => m,
        }
    }

    /// The name of the Python exception class.
    pub fn class_name(&self) -> &'static str {
        match self {
            TextError::ValueError(_) => "ValueError",
            TextError::OverflowError(_) => "OverflowError",
            TextError::TypeError(_) => "TypeError",
        }
    }
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.class_name(), self.message())
    }
}

impl std::error::Error for TextError {}

/// Shorthand for `Err(TextError::ValueError(msg.into()))`.
pub(crate) fn value_error<T>(msg: impl Into<String>) -> Result<T, TextError> {
    Err(TextError::ValueError(msg.into()))
}
