//! Runs the IR filetests in `ir/tests/filetests/<dir>/*.ir`.
//!
//! A filetest is an IR file whose first line names what to run — `test <pass> [<pass>...]`
//! (passes in order, `optimize` for the whole pipeline, nothing after `test` for a parse
//! round trip) or `test verify` (the expected output is the verifier's complaint) — followed
//! by the input trace and then, after a `; expected:` line, the expected output as comment
//! lines. The input is verified before the passes run and the output after each pass.
//! `PYRITE_BLESS=1 cargo test -p pyrite-ir --test filetests` rewrites the expected sections.

use std::fs;
use std::path::{Path, PathBuf};

use pyrite_ir::passes::{self, PIPELINE};
use pyrite_ir::{parse, verify};

const MARKER: &str = "; expected:";

#[test]
fn filetests() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/filetests");
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();
    assert!(!files.is_empty(), "no filetests under {}", root.display());
    let bless = std::env::var("PYRITE_BLESS").is_ok_and(|v| v == "1");
    let mut failures = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("readable filetest");
        let (input, expected) = match text.split_once(MARKER) {
            Some((input, expected)) => (input, uncomment(expected)),
            None => (text.as_str(), String::new()),
        };
        let actual = run(input);
        if actual.trim_end() == expected.trim_end() {
            continue;
        }
        if bless {
            let commented: String = actual
                .lines()
                .map(|l| {
                    if l.is_empty() {
                        ";\n".to_owned()
                    } else {
                        format!("; {l}\n")
                    }
                })
                .collect();
            fs::write(
                file,
                format!(
                    "{}{MARKER}\n{commented}",
                    input.trim_end_matches('\n').to_owned() + "\n"
                ),
            )
            .expect("writable filetest");
        } else {
            failures.push(format!("{}:\n{}", file.display(), diff(&expected, &actual)));
        }
    }
    assert!(
        failures.is_empty(),
        "{} filetest(s) failed:\n\n{}\nIf the new output is right, rerun with PYRITE_BLESS=1.",
        failures.len(),
        failures.join("\n")
    );
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("filetest directory").flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "ir") {
            files.push(path);
        }
    }
}

/// Runs a filetest's input and returns the text to compare.
fn run(input: &str) -> String {
    let (header, body) = input.split_once('\n').unwrap_or((input, ""));
    let Some(names) = header.strip_prefix("test") else {
        return format!("error: first line must be `test ...`, got {header:?}\n");
    };
    let mut trace = match parse(body) {
        Ok(trace) => trace,
        Err(e) => return format!("parse error: {e}\n"),
    };
    let names: Vec<&str> = names.split_whitespace().collect();
    if names == ["verify"] {
        return match verify(&trace) {
            Ok(()) => "verifier: ok\n".to_owned(),
            Err(e) => format!("verifier: {e}\n"),
        };
    }
    if let Err(e) = verify(&trace) {
        return format!("input does not verify: {e}\n");
    }
    let mut steps: Vec<&'static str> = Vec::new();
    for name in names {
        if name == "optimize" {
            steps.extend(PIPELINE);
        } else {
            match passes::PASSES.iter().find(|(n, _)| *n == name) {
                Some(&(n, _)) => steps.push(n),
                None => return format!("error: unknown pass {name}\n"),
            }
        }
    }
    for step in steps {
        if let Err(e) = passes::run_pass(step, &mut trace) {
            return format!("{e}\n");
        }
    }
    let printed = trace.to_string();
    // The text format must read back to the same trace.
    match parse(&printed) {
        Ok(again) if again.to_string() == printed => printed,
        Ok(again) => format!("print/parse round trip differs:\n{printed}---\n{again}"),
        Err(e) => format!("printed trace does not parse: {e}\n{printed}"),
    }
}

fn uncomment(expected: &str) -> String {
    expected
        .lines()
        .filter_map(|l| l.strip_prefix(';'))
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .map(|l| format!("{l}\n"))
        .collect::<String>()
        .trim_start_matches('\n')
        .to_owned()
}

/// A line diff (`-` expected, `+` actual) from the longest common subsequence.
fn diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = actual.lines().collect();
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out += &format!("  {}\n", a[i]);
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out += &format!("+ {}\n", b[j]);
            j += 1;
        } else {
            out += &format!("- {}\n", a[i]);
            i += 1;
        }
    }
    out
}
