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
        name: "copy",
        is_package: false,
        source: include_str!("copy.py"),
    },
    FrozenModule {
        name: "copyreg",
        is_package: false,
        source: include_str!("copyreg.py"),
    },
    FrozenModule {
        name: "abc",
        is_package: false,
        source: include_str!("abc.py"),
    },
    FrozenModule {
        name: "_collections_abc",
        is_package: false,
        source: include_str!("_collections_abc.py"),
    },
    FrozenModule {
        name: "collections",
        is_package: true,
        source: include_str!("collections/__init__.py"),
    },
    FrozenModule {
        name: "collections.abc",
        is_package: false,
        source: include_str!("collections/abc.py"),
    },
    FrozenModule {
        name: "numbers",
        is_package: false,
        source: include_str!("numbers.py"),
    },
    FrozenModule {
        name: "types",
        is_package: false,
        source: include_str!("types.py"),
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
