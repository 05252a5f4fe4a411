//! Tidy checks over the source tree: every Rust file opens with a `//!` module doc, and the
//! crate dependency direction of ARCHITECTURE.md holds (`ir` and `profiler` depend on no
//! workspace crate, `jit` only on `ir`).

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if name == "target" || name.to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_rust_file_has_a_module_doc() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "vm", "ir", "jit", "profiler", "benches", "tests"] {
        rust_files(&root.join(dir), &mut files);
    }
    let missing: Vec<String> = files
        .iter()
        .filter(|f| {
            let text = std::fs::read_to_string(f).unwrap_or_default();
            !text.trim_start().starts_with("//!")
        })
        .map(|f| f.display().to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "files without a `//!` module doc:\n{}",
        missing.join("\n")
    );
}

#[test]
fn crate_dependency_direction() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let deps = |krate: &str| -> String {
        let manifest =
            std::fs::read_to_string(root.join(krate).join("Cargo.toml")).unwrap_or_default();
        manifest
            .split("[dependencies]")
            .nth(1)
            .unwrap_or("")
            .split("\n[")
            .next()
            .unwrap_or("")
            .to_string()
    };
    for pure in ["ir", "profiler"] {
        assert!(
            !deps(pure).contains("pyrite-"),
            "{pure} must not depend on other workspace crates"
        );
    }
    let jit = deps("jit");
    assert!(
        !jit.contains("pyrite-vm") && !jit.contains("pyrite-profiler"),
        "jit may depend only on ir"
    );
}
