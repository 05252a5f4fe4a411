//! Source text handling: decoding a file's bytes the way CPython's tokenizer does (UTF-8 by
//! default, a UTF-8 BOM, PEP 263 coding declarations on the first two lines, and the exact
//! error messages for bad bytes), and a line index mapping byte offsets to the line and
//! column numbers that positions and syntax errors use.

use ruff_text_size::TextSize;

use crate::bytecode::code::{CompileError, CompileErrorKind};

/// Byte offsets of line starts. Lines end at `\n`, `\r\n` or a lone `\r`, as Python's
/// tokenizer splits them.
#[derive(Debug)]
pub(crate) struct LineIndex {
    starts: Vec<u32>,
    text: String,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0u32];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i as u32 + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i as u32 + 1);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex {
            starts,
            text: text.to_string(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// 1-based line and 0-based UTF-8 byte column of `offset`.
    pub fn line_col(&self, offset: TextSize) -> (u32, u32) {
        let off = u32::from(offset);
        let line = match self.starts.binary_search(&off) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        (line as u32 + 1, off - self.starts[line])
    }

    /// Byte offset where 1-based `line` starts.
    pub fn line_start(&self, line: u32) -> usize {
        self.starts
            .get(line.saturating_sub(1) as usize)
            .copied()
            .unwrap_or(self.text.len() as u32) as usize
    }

    /// The text of 1-based `line`, including its line terminator (normalized to `\n`, as
    /// `SyntaxError.text` shows it).
    pub fn line_text(&self, line: u32) -> String {
        let start = self.line_start(line);
        let end = if (line as usize) < self.starts.len() {
            self.starts[line as usize] as usize
        } else {
            self.text.len()
        };
        let raw = self.text.get(start..end).unwrap_or("");
        let body = raw.trim_end_matches(['\n', '\r']);
        if body.len() < raw.len() {
            format!("{body}\n")
        } else {
            body.to_string()
        }
    }

    /// 1-based character column of `offset` (`SyntaxError.offset`).
    pub fn char_offset(&self, offset: TextSize) -> u32 {
        let (line, _) = self.line_col(offset);
        let start = self.line_start(line);
        let off = (u32::from(offset) as usize).min(self.text.len());
        self.text.get(start..off).map_or(0, |s| s.chars().count()) as u32 + 1
    }
}

/// An encoding named by a coding declaration that this decoder implements.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Encoding {
    Utf8,
    Latin1,
    Ascii,
}

/// CPython's `get_normal_name`.
fn normal_name(name: &str) -> String {
    let buf: String = name
        .chars()
        .take(12)
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    if buf == "utf-8" || buf.starts_with("utf-8-") {
        "utf-8".to_string()
    } else if ["latin-1", "iso-8859-1", "iso-latin-1"].contains(&buf.as_str())
        || buf.starts_with("latin-1-")
        || buf.starts_with("iso-8859-1-")
        || buf.starts_with("iso-latin-1-")
    {
        "iso-8859-1".to_string()
    } else {
        name.to_string()
    }
}

/// Python codec lookup for the encodings we implement (names as `codecs.lookup` accepts
/// them: case-insensitive, `-`/`_`/space equivalent).
fn lookup_encoding(name: &str) -> Option<Encoding> {
    let n: String = name.to_ascii_lowercase().replace(['-', ' '], "_");
    match n.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => {
            Some(Encoding::Utf8)
        }
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819"
        | "iso_ir_100" | "iso_8859_1:1987" | "ibm819" | "iso_latin_1" => Some(Encoding::Latin1),
        "ascii" | "us_ascii" | "646" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986"
        | "cp367" | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv:1991" | "iso_ir_6" | "us" => {
            Some(Encoding::Ascii)
        }
        _ => None,
    }
}

/// CPython's `get_coding_spec`: the encoding named in a comment-only line, if any.
fn coding_spec(line: &[u8]) -> Option<String> {
    let mut i = 0;
    while i < line.len() {
        match line[i] {
            b'#' => break,
            b' ' | b'\t' | 0x0c => i += 1,
            _ => return None,
        }
    }
    if i >= line.len() {
        return None;
    }
    let rest = &line[i..];
    let mut k = 0;
    while k + 6 <= rest.len() {
        if &rest[k..k + 6] == b"coding" && k + 6 < rest.len() && matches!(rest[k + 6], b':' | b'=')
        {
            let mut j = k + 7;
            while j < rest.len() && matches!(rest[j], b' ' | b'\t') {
                j += 1;
            }
            let begin = j;
            while j < rest.len()
                && (rest[j].is_ascii_alphanumeric() || matches!(rest[j], b'-' | b'_' | b'.'))
            {
                j += 1;
            }
            if j > begin {
                return std::str::from_utf8(&rest[begin..j])
                    .ok()
                    .map(str::to_string);
            }
        }
        k += 1;
    }
    None
}

/// Whether a line is blank or only a comment (then a coding declaration may follow on
/// the next line).
fn is_blank_or_comment(line: &[u8]) -> bool {
    for &b in line {
        match b {
            b' ' | b'\t' | 0x0c | b'\r' | b'\n' => {}
            b'#' => return true,
            _ => return false,
        }
    }
    true
}

fn split_first_lines(bytes: &[u8]) -> (&[u8], &[u8]) {
    let end1 = bytes
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |p| p + 1);
    let rest = &bytes[end1..];
    let end2 = rest
        .iter()
        .position(|&b| b == b'\n')
        .map_or(rest.len(), |p| p + 1);
    (&bytes[..end1], &rest[..end2])
}

fn located_nowhere(message: String, filename: &str) -> CompileError {
    let _ = filename;
    CompileError {
        kind: CompileErrorKind::SyntaxError,
        message,
        filename: String::new(),
        line: 0,
        offset: 0,
        end_line: 0,
        end_offset: 0,
        text: None,
    }
}

/// 1-based line number of byte offset `pos` in raw bytes.
fn line_of_byte(bytes: &[u8], pos: usize) -> u32 {
    let mut line = 1u32;
    let mut i = 0;
    while i < pos {
        match bytes[i] {
            b'\n' => line += 1,
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => line += 1,
            _ => {}
        }
        i += 1;
    }
    line
}

/// Rejects NUL bytes as CPython's tokenizer does (`source code cannot contain null bytes`,
/// located on the line, without a caret).
fn null_byte_error(text_before: &[u8], nul_at: usize, filename: &str) -> CompileError {
    let line = line_of_byte(text_before, nul_at);
    let line_start = text_before[..nul_at]
        .iter()
        .rposition(|&b| b == b'\n' || b == b'\r')
        .map_or(0, |p| p + 1);
    let text = String::from_utf8_lossy(&text_before[line_start..nul_at]).into_owned();
    CompileError {
        kind: CompileErrorKind::SyntaxError,
        message: "source code cannot contain null bytes".to_string(),
        filename: filename.to_string(),
        line,
        offset: 0,
        end_line: line,
        end_offset: 0,
        text: Some(text),
    }
}

/// Decodes a source file's bytes to text like CPython's file tokenizer.
pub(crate) fn decode(bytes: &[u8], filename: &str) -> Result<String, CompileError> {
    let (bom, body) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let (line1, line2) = split_first_lines(body);
    let declared = coding_spec(line1).or_else(|| {
        if is_blank_or_comment(line1) {
            coding_spec(line2)
        } else {
            None
        }
    });
    let declared = declared.map(|name| normal_name(&name));
    let encoding = match &declared {
        None => Encoding::Utf8,
        Some(name) => {
            if bom && name != "utf-8" {
                return Err(located_nowhere(
                    format!("encoding problem: {name} with BOM"),
                    filename,
                ));
            }
            match lookup_encoding(name) {
                Some(e) => e,
                None => {
                    return Err(located_nowhere(
                        format!("encoding problem: {name}"),
                        filename,
                    ));
                }
            }
        }
    };
    let nul = body.iter().position(|&b| b == 0);
    match encoding {
        Encoding::Utf8 => match std::str::from_utf8(body) {
            Ok(text) => {
                if let Some(p) = nul {
                    return Err(null_byte_error(body, p, filename));
                }
                Ok(text.to_string())
            }
            Err(e) => {
                let bad = e.valid_up_to();
                if let Some(p) = nul
                    && line_of_byte(body, p) < line_of_byte(body, bad)
                {
                    return Err(null_byte_error(body, p, filename));
                }
                match declared.as_deref() {
                    Some(name) if name != "utf-8" => Err(located_nowhere(
                        format!("encoding problem: {name}"),
                        filename,
                    )),
                    _ => Err(located_nowhere(
                        format!(
                            "Non-UTF-8 code starting with '\\x{:02x}' in file {} on line {}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                            body[bad],
                            filename,
                            line_of_byte(body, bad)
                        ),
                        filename,
                    )),
                }
            }
        },
        Encoding::Latin1 => {
            if let Some(p) = nul {
                return Err(null_byte_error(body, p, filename));
            }
            Ok(body.iter().map(|&b| b as char).collect())
        }
        Encoding::Ascii => {
            if let Some(bad) = body.iter().position(|&b| b >= 0x80)
                && nul.is_none_or(|p| line_of_byte(body, p) >= line_of_byte(body, bad))
            {
                return Err(located_nowhere(
                    "encoding problem: ascii".to_string(),
                    filename,
                ));
            }
            if let Some(p) = nul {
                return Err(null_byte_error(body, p, filename));
            }
            Ok(body.iter().map(|&b| b as char).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_positions() {
        let idx = LineIndex::new("ab\ncd\r\nef\rg");
        assert_eq!(idx.line_col(TextSize::from(0)), (1, 0));
        assert_eq!(idx.line_col(TextSize::from(4)), (2, 1));
        assert_eq!(idx.line_col(TextSize::from(7)), (3, 0));
        assert_eq!(idx.line_col(TextSize::from(10)), (4, 0));
        assert_eq!(idx.line_text(2), "cd\n");
        assert_eq!(idx.line_text(4), "g");
        let idx = LineIndex::new("é = 'x'\n");
        assert_eq!(idx.char_offset(TextSize::from(3)), 3);
    }

    #[test]
    fn decoding() {
        assert_eq!(
            decode(b"\xef\xbb\xbfx = 1\n", "a.py").ok().as_deref(),
            Some("x = 1\n")
        );
        assert_eq!(
            decode(b"# coding: latin-1\ny = '\xff'\n", "a.py")
                .ok()
                .as_deref(),
            Some("# coding: latin-1\ny = '\u{ff}'\n")
        );
        let err = |b: &[u8]| {
            decode(b, "/t/x.py")
                .err()
                .map(|e| e.message)
                .unwrap_or_default()
        };
        assert_eq!(
            err(b"x = 1\ny = '\xff'\n"),
            "Non-UTF-8 code starting with '\\xff' in file /t/x.py on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details"
        );
        assert_eq!(err(b"# coding: foobar\n"), "encoding problem: foobar");
        assert_eq!(
            err(b"\xef\xbb\xbf# coding: latin-1\n"),
            "encoding problem: iso-8859-1 with BOM"
        );
        assert_eq!(
            err(b"# coding: utf8\n# x\ny='\xff'\n"),
            "encoding problem: utf8"
        );
        assert_eq!(err(b"x = 1\0\n"), "source code cannot contain null bytes");
        // A declaration on line 2 counts only after a comment-only line 1.
        assert!(err(b"x = 1\n# coding: latin-1\ny='\xff'\n").starts_with("Non-UTF-8"));
        assert!(decode(b"\n# coding: latin-1\ny='\xff'\n", "a").is_ok());
    }
}
