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
    FrozenModule {
        name: "importlib",
        is_package: true,
        source: include_str!("importlib/__init__.py"),
    },
    FrozenModule {
        name: "importlib._bootstrap",
        is_package: false,
        source: include_str!("importlib/_bootstrap.py"),
    },
    FrozenModule {
        name: "json",
        is_package: true,
        source: include_str!("json/__init__.py"),
    },
    FrozenModule {
        name: "json.decoder",
        is_package: false,
        source: include_str!("json/decoder.py"),
    },
    FrozenModule {
        name: "json.encoder",
        is_package: false,
        source: include_str!("json/encoder.py"),
    },
    FrozenModule {
        name: "json.scanner",
        is_package: false,
        source: include_str!("json/scanner.py"),
    },
    FrozenModule {
        name: "re",
        is_package: true,
        source: include_str!("re/__init__.py"),
    },
];

/// The frozen module called `name`, if there is one.
pub fn find(name: &str) -> Option<&'static FrozenModule> {
    FROZEN.iter().find(|m| m.name == name)
}

/// The name of a frozen module's code, as in CPython tracebacks (`<frozen importlib>`).
pub fn code_filename(name: &str) -> String {
    format!("<frozen {name}>")
}
