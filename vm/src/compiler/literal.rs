//! Decoding a string literal's source text to generalized UTF-8, for the one case the
//! parser cannot represent: escapes of lone surrogates (`'\ud800'`, `'\U0000dc80'`), which
//! it reads as U+FFFD. Only literals whose value contains U+FFFD come here.

use crate::text::wtf8::push_code_point;

/// The exact value of one string literal (`src` is its whole source: prefix, quotes,
/// body), or `None` if it uses a `\N{...}` escape (whose value the parser's text already
/// has right, and which cannot name a surrogate).
pub(crate) fn decode_with_surrogates(src: &str, raw: bool) -> Option<Vec<u8>> {
    let body = src.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let q = if body.starts_with("'''") || body.starts_with("\"\"\"") {
        3
    } else {
        1
    };
    let body = body.get(q..body.len().checked_sub(q)?)?;
    let mut out = Vec::with_capacity(body.len());
    if raw {
        out.extend_from_slice(body.as_bytes());
        return Some(out);
    }
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            push_code_point(&mut out, u32::from(c));
            continue;
        }
        let Some(e) = chars.next() else {
            out.push(b'\\');
            break;
        };
        let simple = match e {
            '\n' => Some(None),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                Some(None)
            }
            '\\' => Some(Some(b'\\')),
            '\'' => Some(Some(b'\'')),
            '"' => Some(Some(b'"')),
            'a' => Some(Some(7)),
            'b' => Some(Some(8)),
            'f' => Some(Some(12)),
            'n' => Some(Some(b'\n')),
            'r' => Some(Some(b'\r')),
            't' => Some(Some(b'\t')),
            'v' => Some(Some(11)),
            _ => None,
        };
        if let Some(byte) = simple {
            out.extend(byte);
            continue;
        }
        match e {
            '0'..='7' => {
                let mut v = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.peek().and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            chars.next();
                        }
                        None => break,
                    }
                }
                push_code_point(&mut out, v);
            }
            'x' | 'u' | 'U' => {
                let n = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let mut v: u32 = 0;
                for _ in 0..n {
                    v = v.checked_mul(16)? + chars.next()?.to_digit(16)?;
                }
                if v > 0x10_FFFF {
                    return None;
                }
                push_code_point(&mut out, v);
            }
            'N' => return None,
            other => {
                // An unknown escape keeps its backslash.
                out.push(b'\\');
                push_code_point(&mut out, u32::from(other));
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::decode_with_surrogates as d;

    #[test]
    fn decodes_escapes_and_keeps_surrogates() {
        assert_eq!(d(r"'a\ud800\n'", false), Some(b"a\xed\xa0\x80\n".to_vec()));
        assert_eq!(
            d(r#"u"""\U0000dc80\x41\101\q""""#, false),
            Some(b"\xed\xb2\x80AA\\q".to_vec())
        );
        assert_eq!(d(r"r'\ud800'", true), Some(br"\ud800".to_vec()));
        assert_eq!(d(r"'\N{BULLET}\ud800'", false), None);
    }
}
