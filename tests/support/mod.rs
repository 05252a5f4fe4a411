//! Helpers for the corpus test: `.expected` file parsing, KNOWN_FAILURES parsing and a small LCS line diff.

use std::collections::BTreeMap;

/// What a program run produced (or is expected to produce).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// Exit code, or `-N` when the process was killed by signal `N` (as Python's subprocess reports it).
    pub status: i32,
}

/// A program's invocation: interpreter arguments (empty: its path) and extra environment.
pub struct Invocation {
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
}

/// How a program is invoked, from its optional side files: `<name>.argv` (interpreter
/// arguments, one per line, used instead of the program's path, e.g. `-m` and a module name)
/// and `<name>.env` (`KEY=VALUE` lines added to the environment, e.g. `PYTHONPATH`).
/// Empty arguments mean "run the program's path".
pub fn read_invocation(program: &std::path::Path) -> Result<Invocation, String> {
    let read_lines = |ext: &str| -> Result<Vec<String>, String> {
        let side = program.with_extension(ext);
        match std::fs::read_to_string(&side) {
            Ok(text) => Ok(text
                .lines()
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
            Err(e) => Err(format!("cannot read {}: {e}", side.display())),
        }
    };
    let args = read_lines("argv")?;
    let mut env = Vec::new();
    for line in read_lines("env")? {
        let (key, value) = line
            .split_once('=')
            .ok_or_else(|| format!("{}: bad .env line {line:?}", program.display()))?;
        env.push((key.to_string(), value.to_string()));
    }
    Ok(Invocation { args, env })
}

/// Parses the `.expected` format written by `tests/record.py`:
///
/// ```text
/// --- stdout <N> bytes\n<exactly N bytes>\n
/// --- stderr <M> bytes\n<exactly M bytes>\n
/// --- status\n<integer>\n
/// ```
pub fn parse_expected(data: &[u8]) -> Result<Outcome, String> {
    let mut rest = data;
    let stdout = take_stream(&mut rest, "stdout")?;
    let stderr = take_stream(&mut rest, "stderr")?;
    let header = take_line(&mut rest).ok_or("missing '--- status' header")?;
    if header != b"--- status" {
        return Err(format!(
            "expected '--- status' header, found {:?}",
            String::from_utf8_lossy(header)
        ));
    }
    let line = take_line(&mut rest).ok_or("missing status value")?;
    let text = std::str::from_utf8(line).map_err(|e| format!("status is not UTF-8: {e}"))?;
    let status = text
        .trim()
        .parse::<i32>()
        .map_err(|e| format!("bad status {text:?}: {e}"))?;
    if !rest.is_empty() {
        return Err(format!("{} trailing bytes after status", rest.len()));
    }
    Ok(Outcome {
        stdout,
        stderr,
        status,
    })
}

fn take_line<'a>(rest: &mut &'a [u8]) -> Option<&'a [u8]> {
    let pos = rest.iter().position(|&b| b == b'\n')?;
    let line = &rest[..pos];
    *rest = &rest[pos + 1..];
    Some(line)
}

fn take_stream(rest: &mut &[u8], name: &str) -> Result<Vec<u8>, String> {
    let header = take_line(rest).ok_or_else(|| format!("missing '--- {name}' header"))?;
    let header = std::str::from_utf8(header).map_err(|e| format!("bad {name} header: {e}"))?;
    let len = header
        .strip_prefix(&format!("--- {name} "))
        .and_then(|h| h.strip_suffix(" bytes"))
        .and_then(|n| n.parse::<usize>().ok())
        .ok_or_else(|| format!("bad {name} header {header:?}"))?;
    if rest.len() < len + 1 {
        return Err(format!("{name} section is truncated"));
    }
    let body = rest[..len].to_vec();
    if rest[len] != b'\n' {
        return Err(format!("{name} section is not followed by a newline"));
    }
    *rest = &rest[len + 1..];
    Ok(body)
}

/// Replaces every occurrence of `needle` in `haystack` with `replacement`.
pub fn replace_bytes(haystack: &[u8], needle: &[u8], replacement: &[u8]) -> Vec<u8> {
    if needle.is_empty() {
        return haystack.to_vec();
    }
    let mut out = Vec::with_capacity(haystack.len());
    let mut i = 0;
    while i < haystack.len() {
        if haystack[i..].starts_with(needle) {
            out.extend_from_slice(replacement);
            i += needle.len();
        } else {
            out.push(haystack[i]);
            i += 1;
        }
    }
    out
}

/// The KNOWN_FAILURES list: program path (relative to tests/corpus, with `/`) -> reason.
pub type KnownFailures = BTreeMap<String, String>;

/// Parses KNOWN_FAILURES: one program per line, `path # reason`; blank lines and lines
/// starting with `#` are ignored.
pub fn parse_known_failures(text: &str) -> KnownFailures {
    let mut known = KnownFailures::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (path, reason) = match line.split_once('#') {
            Some((p, r)) => (p.trim(), r.trim()),
            None => (line, ""),
        };
        known.insert(path.to_string(), reason.to_string());
    }
    known
}

/// Renders a KNOWN_FAILURES file (header comment plus sorted entries).
pub fn format_known_failures(known: &KnownFailures) -> String {
    let mut out = String::from(
        "# Corpus programs that currently fail under pyrite: `path # reason`, one per line.\n\
         # The corpus test fails if a listed program passes: remove it from this list then.\n\
         # Regenerate with PYRITE_CORPUS_WRITE_KNOWN=1 cargo test --test corpus (see tests/README.md).\n",
    );
    for (path, reason) in known {
        if reason.is_empty() {
            out.push_str(&format!("{path}\n"));
        } else {
            out.push_str(&format!("{path} # {reason}\n"));
        }
    }
    out
}

/// One line of text, remembering whether it was terminated by a newline.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Line<'a> {
    text: &'a str,
    newline: bool,
}

fn split_lines(s: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut rest = s;
    while !rest.is_empty() {
        match rest.find('\n') {
            Some(pos) => {
                lines.push(Line {
                    text: &rest[..pos],
                    newline: true,
                });
                rest = &rest[pos + 1..];
            }
            None => {
                lines.push(Line {
                    text: rest,
                    newline: false,
                });
                rest = "";
            }
        }
    }
    lines
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Keep,
    Delete,
    Insert,
}

/// Computes an edit script turning `a` into `b` (common prefix/suffix trimmed, LCS on the
/// middle; a middle too large for the quadratic table is treated as wholly replaced).
fn edit_script(a: &[Line<'_>], b: &[Line<'_>]) -> Vec<Op> {
    const MAX_CELLS: usize = 16_000_000;
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let am = &a[prefix..a.len() - suffix];
    let bm = &b[prefix..b.len() - suffix];
    let mut ops = vec![Op::Keep; prefix];
    let (n, m) = (am.len(), bm.len());
    if n.saturating_mul(m) > MAX_CELLS {
        ops.extend(std::iter::repeat_n(Op::Delete, n));
        ops.extend(std::iter::repeat_n(Op::Insert, m));
    } else {
        // lcs[i][j] = length of the LCS of am[i..] and bm[j..], stored row-major.
        let w = m + 1;
        let mut lcs = vec![0u32; (n + 1) * w];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lcs[i * w + j] = if am[i] == bm[j] {
                    lcs[(i + 1) * w + j + 1] + 1
                } else {
                    lcs[(i + 1) * w + j].max(lcs[i * w + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && am[i] == bm[j] {
                ops.push(Op::Keep);
                i += 1;
                j += 1;
            } else if i < n && (j == m || lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) {
                // Deletions first, so a changed line reads "-old" then "+new".
                ops.push(Op::Delete);
                i += 1;
            } else {
                ops.push(Op::Insert);
                j += 1;
            }
        }
    }
    ops.extend(std::iter::repeat_n(Op::Keep, suffix));
    ops
}

fn render_line(prefix: char, line: &Line<'_>) -> String {
    const MAX_CHARS: usize = 300;
    let mut text: String = line.text.chars().take(MAX_CHARS).collect();
    if line.text.chars().count() > MAX_CHARS {
        text.push_str(" [...line truncated]");
    }
    if !line.newline {
        text.push_str("  [no newline at end]");
    }
    format!("{prefix}{text}\n")
}

/// A unified-style line diff (`-` expected, `+` actual) with `context` lines of context,
/// limited to `max_lines` output lines. Returns an empty string if the texts are equal.
pub fn line_diff(expected: &str, actual: &str, context: usize, max_lines: usize) -> String {
    let a = split_lines(expected);
    let b = split_lines(actual);
    let ops = edit_script(&a, &b);
    // Position (in a and b) of each op.
    let mut pos = Vec::with_capacity(ops.len());
    let (mut i, mut j) = (0, 0);
    for op in &ops {
        pos.push((i, j));
        match op {
            Op::Keep => {
                i += 1;
                j += 1;
            }
            Op::Delete => i += 1,
            Op::Insert => j += 1,
        }
    }
    // Group changed ops (with context) into hunks of op indices.
    let mut hunks: Vec<(usize, usize)> = Vec::new();
    for (k, op) in ops.iter().enumerate() {
        if *op == Op::Keep {
            continue;
        }
        let start = k.saturating_sub(context);
        let end = (k + context + 1).min(ops.len());
        match hunks.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => hunks.push((start, end)),
        }
    }
    let mut out = String::new();
    let mut emitted = 0;
    for (start, end) in hunks {
        let (a0, b0) = pos[start];
        let a_len = ops[start..end].iter().filter(|o| **o != Op::Insert).count();
        let b_len = ops[start..end].iter().filter(|o| **o != Op::Delete).count();
        // Like diff -u: an empty range is numbered by the line before it.
        let a_start = if a_len == 0 { a0 } else { a0 + 1 };
        let b_start = if b_len == 0 { b0 } else { b0 + 1 };
        out.push_str(&format!("@@ -{a_start},{a_len} +{b_start},{b_len} @@\n"));
        for k in start..end {
            if emitted >= max_lines {
                out.push_str("[... diff truncated]\n");
                return out;
            }
            let (ai, bj) = pos[k];
            out.push_str(&match ops[k] {
                Op::Keep => render_line(' ', &a[ai]),
                Op::Delete => render_line('-', &a[ai]),
                Op::Insert => render_line('+', &b[bj]),
            });
            emitted += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_expected_with_marker_lines_inside() {
        let data = b"--- stdout 13 bytes\n--- status\n0\n\n--- stderr 0 bytes\n\n--- status\n3\n";
        let o = parse_expected(data).expect("valid expected file");
        assert_eq!(o.stdout, b"--- status\n0\n");
        assert_eq!(o.stderr, b"");
        assert_eq!(o.status, 3);
        assert!(parse_expected(b"--- stdout 5 bytes\nab\n").is_err());
    }

    #[test]
    fn diff_shows_changes_with_context() {
        let d = line_diff("a\nb\nc\nd\ne\nf\n", "a\nB\nc\nd\ne\nf\ng", 1, 100);
        assert_eq!(
            d,
            "@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n@@ -6,1 +6,2 @@\n f\n+g  [no newline at end]\n"
        );
        let merged = line_diff("a\nb\nc\n", "a\nc\nd\n", 1, 100);
        assert_eq!(merged, "@@ -1,3 +1,3 @@\n a\n-b\n c\n+d\n");
        assert_eq!(line_diff("same\n", "same\n", 3, 100), "");
    }

    #[test]
    fn known_failures_round_trip() {
        let k = parse_known_failures("# comment\n\na/b.py # reason here\nc/d.py\n");
        assert_eq!(k.get("a/b.py").map(String::as_str), Some("reason here"));
        assert_eq!(k.get("c/d.py").map(String::as_str), Some(""));
        assert_eq!(parse_known_failures(&format_known_failures(&k)), k);
    }

    #[test]
    fn replaces_bytes() {
        assert_eq!(replace_bytes(b"x/a/y/a", b"/a", b"<c>"), b"x<c>/y<c>");
    }
}
