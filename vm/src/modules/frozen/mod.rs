//! The modules Pyrite writes in Python, frozen into the binary: each `.py` file in this
//! directory is compiled in with `include_str!` and listed once in `FROZEN`. The import
//! system looks here after the Rust-implemented builtin modules and before `sys.path`.

/// One frozen module: its dotted name, whether it is a package, and its source.
pub struct FrozenModule {
    pub name: &'static str,
    pub is_package: bool,
    pub source: &'static str,
}

/// Every frozen module (the single registry: add new ones here).
pub const FROZEN: &[FrozenModule] = &[
    frozen("importlib", true, include_str!("importlib/__init__.py")),
    frozen(
        "importlib._bootstrap",
        false,
        include_str!("importlib/_bootstrap.py"),
    ),
    frozen("copy", false, include_str!("copy.py")),
    frozen("weakref", false, include_str!("weakref.py")),
    frozen("_weakrefset", false, include_str!("_weakrefset.py")),
    frozen("copyreg", false, include_str!("copyreg.py")),
    frozen("_strptime", false, include_str!("_strptime.py")),
    frozen("stat", false, include_str!("stat.py")),
    frozen("heapq", false, include_str!("heapq.py")),
    frozen("functools", false, include_str!("functools.py")),
    frozen("random", false, include_str!("random.py")),
    frozen("struct", false, include_str!("struct.py")),
    frozen("hashlib", false, include_str!("hashlib.py")),
    frozen("enum", false, include_str!("enum.py")),
    frozen("io", false, include_str!("io.py")),
    frozen("typing", false, include_str!("typing.py")),
    frozen("annotationlib", false, include_str!("annotationlib.py")),
    frozen("__future__", false, include_str!("__future__.py")),
    frozen("abc", false, include_str!("abc.py")),
    frozen(
        "_collections_abc",
        false,
        include_str!("_collections_abc.py"),
    ),
    frozen("collections", true, include_str!("collections/__init__.py")),
    frozen("collections.abc", false, include_str!("collections/abc.py")),
    frozen("fractions", false, include_str!("fractions.py")),
    frozen("argparse", false, include_str!("argparse.py")),
    frozen("statistics", false, include_str!("statistics.py")),
    frozen("json", true, include_str!("json/__init__.py")),
    frozen("json.decoder", false, include_str!("json/decoder.py")),
    frozen("json.encoder", false, include_str!("json/encoder.py")),
    frozen("json.scanner", false, include_str!("json/scanner.py")),
    frozen("re", true, include_str!("re/__init__.py")),
    frozen("numbers", false, include_str!("numbers.py")),
    frozen("types", false, include_str!("types.py")),
    frozen("string", false, include_str!("string.py")),
    frozen("decimal", false, include_str!("decimal.py")),
    frozen("textwrap", false, include_str!("textwrap.py")),
    // (keep one module per line: parallel additions then merge cleanly)
];

/// One `FROZEN` entry (a function so each entry fits on one line).
const fn frozen(name: &'static str, is_package: bool, source: &'static str) -> FrozenModule {
    FrozenModule {
        name,
        is_package,
        source,
    }
}

/// The frozen module called `name`, if there is one.
pub fn find(name: &str) -> Option<&'static FrozenModule> {
    FROZEN.iter().find(|m| m.name == name)
}

/// The name of a frozen module's code, as in CPython tracebacks (`<frozen importlib>`).
pub fn code_filename(name: &str) -> String {
    format!("<frozen {name}>")
}
