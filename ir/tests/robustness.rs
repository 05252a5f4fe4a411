//! Bad input never crashes the IR crate: every filetest input, mutated by deleting one
//! character or one line, goes through the parser, the verifier and (when it verifies) the
//! whole optimizer. Nothing may panic, and a trace that verifies must optimize cleanly into
//! a trace that still verifies.

use std::fs;
use std::path::Path;

use pyrite_ir::passes::optimize;
use pyrite_ir::{parse, verify};

fn inputs() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/filetests");
    let mut texts = Vec::new();
    for dir in fs::read_dir(root).expect("filetests").flatten() {
        for file in fs::read_dir(dir.path()).expect("filetest dir").flatten() {
            let text = fs::read_to_string(file.path()).expect("readable");
            let input = text.split("; expected:").next().unwrap_or_default();
            // Skip the `test` line.
            texts.push(
                input
                    .split_once('\n')
                    .map_or("", |(_, body)| body)
                    .to_owned(),
            );
        }
    }
    texts
}

fn check(text: &str) {
    let Ok(mut trace) = parse(text) else { return };
    if verify(&trace).is_err() {
        return;
    }
    let before = trace.to_string();
    if let Err(e) = optimize(&mut trace) {
        panic!("a verified trace failed to optimize: {e}\n{before}");
    }
    if let Err(e) = verify(&trace) {
        panic!("optimized trace does not verify: {e}\n{before}---\n{trace}");
    }
}

#[test]
fn mutated_inputs_never_crash() {
    let mut mutants = 0;
    for text in inputs() {
        check(&text);
        for (i, _) in text.char_indices() {
            let mut mutant = text.clone();
            mutant.remove(i);
            check(&mutant);
            mutants += 1;
        }
        let lines: Vec<&str> = text.lines().collect();
        for skip in 0..lines.len() {
            let mutant: Vec<&str> = lines
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != skip)
                .map(|(_, l)| *l)
                .collect();
            check(&mutant.join("\n"));
            mutants += 1;
        }
    }
    assert!(mutants > 1000, "only {mutants} mutants");
}
