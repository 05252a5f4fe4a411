//! Generalized UTF-8 ("WTF-8"): UTF-8 that may also encode the surrogate code points
//! U+D800..U+DFFF as three bytes `ED A0..BF 80..BF`, which is how a `str` holding lone
//! surrogates (from `'\ud800'`, `chr(0xD800)`, or `surrogateescape`/`surrogatepass`
//! decoding) keeps its exact code points. Valid UTF-8 is valid WTF-8, and byte order is
//! code-point order, so comparisons work on the bytes directly.

/// Whether `cp` is a surrogate code point.
#[inline]
pub fn is_surrogate(cp: u32) -> bool {
    (0xD800..=0xDFFF).contains(&cp)
}

/// Appends the generalized UTF-8 encoding of code point `cp` (at most 0x10FFFF).
pub fn push_code_point(out: &mut Vec<u8>, cp: u32) {
    if cp < 0x80 {
        out.push(cp as u8);
    } else if cp < 0x800 {
        out.extend([0xC0 | (cp >> 6) as u8, 0x80 | (cp & 0x3F) as u8]);
    } else if cp < 0x1_0000 {
        out.extend([
            0xE0 | (cp >> 12) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ]);
    } else {
        out.extend([
            0xF0 | (cp >> 18) as u8,
            0x80 | ((cp >> 12) & 0x3F) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ]);
    }
}

/// Whether well-formed WTF-8 `bytes` encode any surrogate.
pub fn has_surrogates(bytes: &[u8]) -> bool {
    bytes.windows(2).any(|w| w[0] == 0xED && w[1] >= 0xA0)
}

/// The code points of well-formed WTF-8 `bytes`.
#[derive(Clone)]
pub struct CodePoints<'a> {
    bytes: &'a [u8],
}

impl<'a> CodePoints<'a> {
    pub fn new(bytes: &'a [u8]) -> CodePoints<'a> {
        CodePoints { bytes }
    }
}

impl Iterator for CodePoints<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let (&b0, rest) = self.bytes.split_first()?;
        let cont = |i: usize| u32::from(rest.get(i).copied().unwrap_or(0x80) & 0x3F);
        let (cp, len) = if b0 < 0x80 {
            (u32::from(b0), 1)
        } else if b0 < 0xE0 {
            ((u32::from(b0 & 0x1F) << 6) | cont(0), 2)
        } else if b0 < 0xF0 {
            ((u32::from(b0 & 0x0F) << 12) | (cont(0) << 6) | cont(1), 3)
        } else {
            (
                (u32::from(b0 & 0x07) << 18) | (cont(0) << 12) | (cont(1) << 6) | cont(2),
                4,
            )
        };
        self.bytes = self.bytes.get(len..).unwrap_or(&[]);
        Some(cp)
    }
}

/// `bytes` with every surrogate replaced by U+FFFD: the same number of code points, as a
/// Rust string.
pub fn to_lossy_string(bytes: &[u8]) -> String {
    CodePoints::new(bytes)
        .map(|cp| char::from_u32(cp).unwrap_or('\u{FFFD}'))
        .collect()
}

/// Encodes code points as WTF-8.
pub fn from_code_points(cps: impl IntoIterator<Item = u32>) -> Vec<u8> {
    let mut out = Vec::new();
    for cp in cps {
        push_code_point(&mut out, cp);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_surrogates_and_plain_text() {
        let cps = [0x61, 0xD800, 0xE9, 0xDFFF, 0x1F600, 0xFFFD];
        let bytes = from_code_points(cps);
        assert!(has_surrogates(&bytes));
        assert_eq!(CodePoints::new(&bytes).collect::<Vec<_>>(), cps);
        assert_eq!(
            to_lossy_string(&bytes),
            "a\u{FFFD}\u{E9}\u{FFFD}\u{1F600}\u{FFFD}"
        );
        assert!(!has_surrogates("h\u{E9}\u{D7FF}\u{E000}".as_bytes()));
    }
}
