//! Unit tests for the `text` module. Expected values were produced by
//! CPython 3.13.0: the hand-written cases name the command that printed
//! them, and the bulk cases are read from `../testdata/*.txt`, written by
//! `testdata/gen_testdata.py` (`PYENV_VERSION=3.13.0 python3 gen_testdata.py`).

mod data;
mod float_tests;
mod format_tests;
mod hash_tests;
mod parse_tests;
mod percent_tests;
mod repr_tests;

use super::TextError;

/// Render a result the way the data files do: `OK:<text>` or
/// `<Class>:<message>`.
pub(super) fn show(r: Result<String, TextError>) -> String {
    match r {
        Ok(s) => format!("OK:{s}"),
        Err(e) => format!("{}:{}", e.class_name(), e.message()),
    }
}

pub(super) fn val(msg: &str) -> Result<String, TextError> {
    Err(TextError::ValueError(msg.to_string()))
}

pub(super) fn ok(s: &str) -> Result<String, TextError> {
    Ok(s.to_string())
}
