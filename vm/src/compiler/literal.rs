//! Decoding a string literal's source text to generalized UTF-8, for the one case the
//! parser cannot represent: escapes of lone surrogates (`'\ud800'`, `'\U0000dc80'`), which
//! it reads as U+FFFD. Only literals whose value contains U+FFFD come here.

use crate::text::wtf8::push_code_point;

/// The exact value of one string literal (`src` is its whole source: prefix, quotes,
/// body; `parsed` is the parser's value, which has the right text for `\N{...}` escapes,
/// and the same code points otherwise), or `None` if the source does not decode.
pub(crate) fn decode_with_surrogates(src: &str, raw: bool, parsed: &str) -> Option<Vec<u8>> {
    let parsed: Vec<char> = parsed.chars().collect();
    let mut count = 0usize;
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
        count += 1;
        if c != '\\' {
            push_code_point(&mut out, u32::from(c));
            continue;
        }
        let Some(e) = chars.next() else {
            out.push(b'\\');
            break;
        };
        let simple = match e {
            '\n' => {
                count -= 1;
                Some(None)
            }
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                count -= 1;
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
            'N' => {
                // `\N{NAME}`: take the character the parser resolved.
                for c in chars.by_ref() {
                    if c == '}' {
                        break;
                    }
                }
                push_code_point(&mut out, u32::from(*parsed.get(count - 1)?));
            }
            other => {
                // An unknown escape keeps its backslash.
                count += 1;
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
        assert_eq!(
            d(r"'a\ud800\n'", false, "a\u{FFFD}\n"),
            Some(b"a\xed\xa0\x80\n".to_vec())
        );
        assert_eq!(
            d(r#"u"""\U0000dc80\x41\101\q""""#, false, "\u{FFFD}AA\\q"),
            Some(b"\xed\xb2\x80AA\\q".to_vec())
        );
        assert_eq!(d(r"r'\ud800'", true, r"\ud800"), Some(br"\ud800".to_vec()));
        let bullet: Vec<u8> = "\u{2022}".bytes().chain(*b"\xed\xa0\x80").collect();
        assert_eq!(
            d(r"'\N{BULLET}\ud800'", false, "\u{2022}\u{FFFD}"),
            Some(bullet)
        );
    }
}
