//! `str` case mapping (`upper`, `lower`, `casefold`, `title`, `capitalize`, `swapcase`),
//! the `is*` predicates, padding (`center`, `ljust`, `rjust`, `zfill`, `expandtabs`),
//! `splitlines`, and `translate`/`maketrans`.
//!
//! Case mapping uses Rust's full Unicode mappings (`'ß'.upper() == 'SS'`), plus the
//! tables in `str_tables` (generated from CPython) for what Rust does not offer: titlecase
//! (`'ǆ'.title() == 'ǅ'`), full case folding, and the character classes that decide the
//! predicates exactly as CPython's do. Lowercasing applies the final-sigma rule wherever
//! CPython does (`lower`, `title`, `capitalize`, `swapcase`).

use std::collections::HashMap;

use crate::interp::args::Args;
use crate::object::Value;
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::runtime::numbers::as_int;
use crate::types::function::NativeFn;
use crate::vm::Vm;

use super::native_util::{arg_ssize, bind_method, method_range, no_args, recv_str};
use super::str_methods::reuse_or_new;
use super::str_tables::{ALPHA, CASE_IGNORABLE, DIGIT, FOLD_MAP, ID_CONTINUE, ID_START, NUMERIC};
use super::str_tables::{TITLE, TITLE_MAP};

pub fn install(vm: &mut Vm) {
    let ty = vm.types.str_.clone();
    let methods: &[(&'static str, NativeFn)] = &[
        ("upper", str_upper),
        ("lower", str_lower),
        ("casefold", str_casefold),
        ("title", str_title),
        ("capitalize", str_capitalize),
        ("swapcase", str_swapcase),
        ("isupper", str_isupper),
        ("islower", str_islower),
        ("istitle", str_istitle),
        ("isalpha", str_isalpha),
        ("isalnum", str_isalnum),
        ("isdecimal", str_isdecimal),
        ("isdigit", str_isdigit),
        ("isnumeric", str_isnumeric),
        ("isspace", str_isspace),
        ("isprintable", str_isprintable),
        ("isascii", str_isascii),
        ("isidentifier", str_isidentifier),
        ("center", str_center),
        ("ljust", str_ljust),
        ("rjust", str_rjust),
        ("zfill", str_zfill),
        ("expandtabs", str_expandtabs),
        ("splitlines", str_splitlines),
        ("translate", str_translate),
    ];
    for (name, f) in methods {
        vm.add_method(&ty, name, *f);
    }
    super::native_util::add_staticmethod(vm, &ty, "maketrans", str_maketrans);
}

// ---------------------------------------------------------------------------------------
// Character classes

/// Whether `c` lies in one of the sorted inclusive ranges.
pub(crate) fn in_table(table: &[(u32, u32)], c: char) -> bool {
    let code = u32::from(c);
    let i = table.partition_point(|&(lo, _)| lo <= code);
    i > 0 && table.get(i - 1).is_some_and(|&(_, hi)| code <= hi)
}

pub(crate) fn is_title_char(c: char) -> bool {
    !c.is_ascii() && in_table(TITLE, c)
}

/// The Cased property: lowercase, uppercase or titlecase.
pub(crate) fn is_cased(c: char) -> bool {
    is_lower(c) || c.is_uppercase() || is_title_char(c)
}

fn is_case_ignorable(c: char) -> bool {
    in_table(CASE_IGNORABLE, c)
}

pub(crate) fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        in_table(ALPHA, c)
    }
}

pub(crate) fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_table(NUMERIC, c)
    }
}

fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_table(DIGIT, c)
    }
}

fn is_decimal(c: char) -> bool {
    crate::text::char_props::decimal_value(c).is_some()
}

// ---------------------------------------------------------------------------------------
// Case mapping

/// Letters that gained an uppercase mapping in Unicode 16 (Rust's tables) but have none in
/// CPython 3.13's Unicode 15.1.
const NO_UPPER_IN_15_1: [char; 4] = ['\u{19B}', '\u{264}', '\u{A7D3}', '\u{A7D5}'];

fn push_upper(out: &mut String, c: char) {
    if NO_UPPER_IN_15_1.contains(&c) {
        out.push(c);
    } else {
        out.extend(c.to_uppercase());
    }
}

/// `c.islower()` for one character (Unicode 15.1, where U+0295 is still lowercase).
fn is_lower(c: char) -> bool {
    c.is_lowercase() || c == '\u{295}'
}

fn push_title(out: &mut String, c: char) {
    if !c.is_ascii()
        && let Ok(i) = TITLE_MAP.binary_search_by_key(&c, |&(k, _)| k)
        && let Some((_, s)) = TITLE_MAP.get(i)
    {
        out.push_str(s);
        return;
    }
    push_upper(out, c);
}

/// Lowercases `chars[i]`, applying the final-sigma rule to capital sigma.
fn push_lower_at(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c == '\u{3A3}' {
        out.push(if is_final_sigma(chars, i) {
            '\u{3C2}'
        } else {
            '\u{3C3}'
        });
        return;
    }
    out.extend(c.to_lowercase());
}

/// CPython's `handle_capital_sigma`: preceded by a cased letter and not followed by one
/// (case-ignorable characters in between are skipped).
fn is_final_sigma(chars: &[char], i: usize) -> bool {
    let before = chars[..i].iter().rev().find(|c| !is_case_ignorable(**c));
    if !before.is_some_and(|c| is_cased(*c)) {
        return false;
    }
    let after = chars[i + 1..].iter().find(|c| !is_case_ignorable(**c));
    !after.is_some_and(|c| is_cased(*c))
}

fn str_upper(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv_str(vm, &args, "upper")?;
    no_args(&args, "str.upper")?;
    let text = s.as_str();
    if s.is_ascii() {
        if !text.bytes().any(|b| b.is_ascii_lowercase()) {
            return Ok(reuse_or_new(vm, &args.values[0], text));
        }
        return Ok(vm.new_string(text.to_ascii_uppercase()));
    }
    if text.contains(NO_UPPER_IN_15_1) {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            push_upper(&mut out, c);
        }
        return Ok(vm.new_string(out));
    }
    Ok(vm.new_string(text.to_uppercase()))
}

fn str_lower(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv_str(vm, &args, "lower")?;
    no_args(&args, "str.lower")?;
    let text = s.as_str();
    if s.is_ascii() {
        if !text.bytes().any(|b| b.is_ascii_uppercase()) {
            return Ok(reuse_or_new(vm, &args.values[0], text));
        }
        return Ok(vm.new_string(text.to_ascii_lowercase()));
    }
    // Rust's `to_lowercase` applies the same final-sigma rule as CPython.
    Ok(vm.new_string(text.to_lowercase()))
}

/// `str.casefold()` of one string (also used by other modules).
pub fn casefold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if let Ok(i) = FOLD_MAP.binary_search_by_key(&c, |&(k, _)| k)
            && let Some((_, s)) = FOLD_MAP.get(i)
        {
            out.push_str(s);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

fn str_casefold(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv_str(vm, &args, "casefold")?;
    no_args(&args, "str.casefold")?;
    Ok(vm.new_string(casefold(s.as_str())))
}

fn str_title(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv_str(vm, &args, "title")?;
    no_args(&args, "str.title")?;
    let text = s.as_str();
    let mut out = String::with_capacity(text.len());
    let mut prev_cased = false;
    if s.is_ascii() {
        for b in text.bytes() {
            let c = b as char;
            out.push(if prev_cased {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            });
            prev_cased = c.is_ascii_alphabetic();
        }
    } else {
        let chars: Vec<char> = text.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            if prev_cased {
                push_lower_at(&mut out, &chars, i);
            } else {
                push_title(&mut out, c);
            }
            prev_cased = is_cased(c);
        }
    }
    Ok(vm.new_string(out))
}

fn str_capitalize(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv_str(vm, &args, "capitalize")?;
    no_args(&args, "str.capitalize")?;
    let text = s.as_str();
    let mut out = String::with_capacity(text.len());
    if s.is_ascii() {
        for (i, b) in text.bytes().enumerate() {
            let c = b as char;
            out.push(if i == 0 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            });
        }
    } else {
        let chars: Vec<char> = text.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            if i == 0 {
                push_title(&mut out, c);
            } else {
                push_lower_at(&mut out, &chars, i);
            }
        }
    }
    Ok(vm.new_string(out))
}

fn str_swapcase(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv_str(vm, &args, "swapcase")?;
    no_args(&args, "str.swapcase")?;
    let text = s.as_str();
    let mut out = String::with_capacity(text.len());
    if s.is_ascii() {
        for b in text.bytes() {
            let c = b as char;
            out.push(if c.is_ascii_uppercase() {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            });
        }
    } else {
        let chars: Vec<char> = text.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            if c.is_uppercase() {
                push_lower_at(&mut out, &chars, i);
            } else if is_lower(c) {
                push_upper(&mut out, c);
            } else {
                out.push(c);
            }
        }
    }
    Ok(vm.new_string(out))
}

// ---------------------------------------------------------------------------------------
// Predicates

fn predicate(
    vm: &mut Vm,
    args: &Args<'_>,
    name: &str,
    qualname: &str,
    empty: bool,
    pred: impl Fn(char) -> bool,
) -> PyResult<Value> {
    let s = recv_str(vm, args, name)?;
    no_args(args, qualname)?;
    let text = s.as_str();
    if text.is_empty() {
        return Ok(Value::from_bool(empty));
    }
    // A lone surrogate (category Cs) satisfies none of the predicates.
    Ok(Value::from_bool(
        !s.has_surrogates() && text.chars().all(pred),
    ))
}

fn str_isalpha(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, &args, "isalpha", "str.isalpha", false, is_alpha)
}

fn str_isalnum(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, &args, "isalnum", "str.isalnum", false, |c| {
        is_alpha(c) || is_numeric(c)
    })
}

fn str_isdecimal(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, &args, "isdecimal", "str.isdecimal", false, is_decimal)
}

fn str_isdigit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, &args, "isdigit", "str.isdigit", false, is_digit)
}

fn str_isnumeric(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, &args, "isnumeric", "str.isnumeric", false, is_numeric)
}

fn str_isspace(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(
        vm,
        &args,
        "isspace",
        "str.isspace",
        false,
        super::str_methods::is_py_space,
    )
}

fn str_isprintable(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(
        vm,
        &args,
        "isprintable",
        "str.isprintable",
        true,
        crate::text::char_props::is_printable,
    )
}

fn str_isascii(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv_str(vm, &args, "isascii")?;
    no_args(&args, "str.isascii")?;
    Ok(Value::from_bool(s.is_ascii()))
}

/// `str.isidentifier()` for text (also used by other modules).
pub fn is_identifier(text: &str) -> bool {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let start_ok = if first.is_ascii() {
        first == '_' || first.is_ascii_alphabetic()
    } else {
        in_table(ID_START, first)
    };
    start_ok
        && chars.all(|c| {
            if c.is_ascii() {
                c == '_' || c.is_ascii_alphanumeric()
            } else {
                in_table(ID_CONTINUE, c)
            }
        })
}

fn str_isidentifier(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv_str(vm, &args, "isidentifier")?;
    no_args(&args, "str.isidentifier")?;
    Ok(Value::from_bool(is_identifier(s.as_str())))
}

fn str_isupper(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv_str(vm, &args, "isupper")?;
    no_args(&args, "str.isupper")?;
    let mut cased = false;
    for c in s.as_str().chars() {
        if is_lower(c) || is_title_char(c) {
            return Ok(Value::FALSE);
        }
        cased |= c.is_uppercase();
    }
    Ok(Value::from_bool(cased))
}

fn str_islower(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv_str(vm, &args, "islower")?;
    no_args(&args, "str.islower")?;
    let mut cased = false;
    for c in s.as_str().chars() {
        if c.is_uppercase() || is_title_char(c) {
            return Ok(Value::FALSE);
        }
        cased |= is_lower(c);
    }
    Ok(Value::from_bool(cased))
}

fn str_istitle(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv_str(vm, &args, "istitle")?;
    no_args(&args, "str.istitle")?;
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.as_str().chars() {
        if c.is_uppercase() || is_title_char(c) {
            if prev_cased {
                return Ok(Value::FALSE);
            }
            prev_cased = true;
            cased = true;
        } else if is_lower(c) {
            if !prev_cased {
                return Ok(Value::FALSE);
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::from_bool(cased))
}

// ---------------------------------------------------------------------------------------
// Padding

/// The `fillchar` argument of `center`/`ljust`/`rjust`.
fn fill_char(vm: &Vm, v: Option<&Value>) -> PyResult<char> {
    let Some(v) = v else { return Ok(' ') };
    let Some(s) = v.as_pystr() else {
        return Err(PyErr::type_error(format!(
            "The fill character must be a unicode character, not {}",
            vm.type_name(v)
        )));
    };
    let mut chars = s.as_str().chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(PyErr::type_error(
            "The fill character must be exactly one character long",
        )),
    }
}

fn pad_impl(vm: &mut Vm, args: &Args<'_>, name: &str, which: u8) -> PyResult<Value> {
    let s = recv_str(vm, args, name)?;
    let a = method_range(args, name, 1, 2)?;
    let width = arg_ssize(vm, &a[0])?;
    let fill = fill_char(vm, a.get(1))?;
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(reuse_or_new(vm, &args.values[0], s.as_str()));
    }
    let marg = (width - len) as usize;
    let (left, right) = match which {
        b'l' => (0, marg),
        b'r' => (marg, 0),
        _ => {
            let left = marg / 2 + (marg & width as usize & 1);
            (left, marg - left)
        }
    };
    if (width as u64) > (1 << 40) {
        return Err(PyErr::new(ExcKind::MemoryError, ""));
    }
    let mut out = String::with_capacity(s.as_str().len() + marg * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s.as_str());
    out.extend(std::iter::repeat_n(fill, right));
    Ok(vm.new_string(out))
}

fn str_center(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pad_impl(vm, &args, "center", b'c')
}

fn str_ljust(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pad_impl(vm, &args, "ljust", b'l')
}

fn str_rjust(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pad_impl(vm, &args, "rjust", b'r')
}

fn str_zfill(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv_str(vm, &args, "zfill")?;
    let width_v = super::native_util::one_arg(&args, "str.zfill")?;
    let width = arg_ssize(vm, width_v)?;
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(reuse_or_new(vm, &args.values[0], s.as_str()));
    }
    let fill = (width - len) as usize;
    let text = s.as_str();
    let mut out = String::with_capacity(text.len() + fill);
    let body = match text.as_bytes().first() {
        Some(b'+' | b'-') => {
            out.push_str(&text[..1]);
            &text[1..]
        }
        _ => text,
    };
    out.extend(std::iter::repeat_n('0', fill));
    out.push_str(body);
    Ok(vm.new_string(out))
}

fn str_expandtabs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv_str(vm, &args, "expandtabs")?;
    let b = bind_method(&args, "expandtabs", &["tabsize"], 0, 0)?;
    let tabsize = if b[0].is_null() {
        8
    } else {
        if as_int(&b[0]).is_none() && vm.lookup_special(&b[0], "__index__").is_none() {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(&b[0])
            )));
        }
        arg_ssize(vm, &b[0])?
    };
    let text = s.as_str();
    if !text.contains('\t') {
        return Ok(reuse_or_new(vm, &args.values[0], text));
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut col: i64 = 0;
    for c in text.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let n = tabsize - col % tabsize;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(vm.new_string(out))
}

fn str_splitlines(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv_str(vm, &args, "splitlines")?;
    let b = bind_method(&args, "splitlines", &["keepends"], 0, 0)?;
    let keepends = if b[0].is_null() {
        false
    } else {
        vm.truthy(&b[0])?
    };
    let text = s.as_str();
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // Scan bytes: every line boundary is ASCII, or U+0085 (C2 85), or U+2028/U+2029
    // (E2 80 A8/A9), so no decoding is needed.
    while i < bytes.len() {
        let brk = match bytes[i] {
            b'\n' | 0x0b | 0x0c | 0x1c..=0x1e => 1,
            b'\r' => 1 + usize::from(bytes.get(i + 1) == Some(&b'\n')),
            0xC2 if bytes.get(i + 1) == Some(&0x85) => 2,
            0xE2 if bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) =>
            {
                3
            }
            _ => 0,
        };
        if brk == 0 {
            i += 1;
            continue;
        }
        let end = i + brk;
        let piece = if keepends {
            &text[start..end]
        } else {
            &text[start..i]
        };
        out.push(vm.new_str(piece));
        start = end;
        i = end;
    }
    if start < text.len() {
        if start == 0 {
            out.push(reuse_or_new(vm, &args.values[0], text));
        } else {
            out.push(vm.new_str(&text[start..]));
        }
    }
    Ok(vm.new_list(out))
}

// ---------------------------------------------------------------------------------------
// translate / maketrans

fn str_translate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv_str(vm, &args, "translate")?;
    let table = super::native_util::one_arg(&args, "str.translate")?;
    let text = s.as_str();
    let mut out = String::with_capacity(text.len());
    let mut cache: HashMap<char, Option<String>> = HashMap::new();
    for c in text.chars() {
        if let Some(m) = cache.get(&c) {
            if let Some(m) = m {
                out.push_str(m);
            }
            continue;
        }
        let key = vm.new_int(i64::from(u32::from(c)));
        let mapped = match vm.getitem(table, &key) {
            Ok(v) => v,
            Err(e) if vm.err_matches(&e, ExcKind::LookupError) => {
                cache.insert(c, Some(c.to_string()));
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        let m = if mapped.is_none() {
            None
        } else if let Some(t) = mapped.as_str() {
            Some(t.to_string())
        } else if let Some(i) = as_int(&mapped) {
            let ch = i
                .to_i64()
                .and_then(|v| u32::try_from(v).ok())
                .filter(|v| *v < 0x11_0000)
                .ok_or_else(|| {
                    PyErr::value_error("character mapping must be in range(0x110000)")
                })?;
            Some(char::from_u32(ch).unwrap_or('\u{FFFD}').to_string())
        } else {
            return Err(PyErr::type_error(
                "character mapping must return integer, None or str",
            ));
        };
        if let Some(m) = &m {
            out.push_str(m);
        }
        cache.insert(c, m);
    }
    Ok(vm.new_string(out))
}

fn str_maketrans(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range("maketrans", 1, 3)?;
    let dict = vm.new_dict();
    if a.len() == 1 {
        if a[0].as_dict().is_none() {
            return Err(PyErr::type_error(
                "if you give only one argument to maketrans it must be a dict",
            ));
        }
        let items = crate::builtins::str_format::dict_items(vm, &a[0])?;
        for (k, v) in items {
            let key = if let Some(ks) = k.as_pystr() {
                if ks.char_len() != 1 {
                    return Err(PyErr::value_error(
                        "string keys in translate table must be of length 1",
                    ));
                }
                let c = ks.as_str().chars().next().unwrap_or('\0');
                vm.new_int(i64::from(u32::from(c)))
            } else if as_int(&k).is_some() {
                k
            } else {
                return Err(PyErr::type_error(
                    "keys in translate table must be strings or integers",
                ));
            };
            vm.dict_set(&dict, key, v)?;
        }
        return Ok(dict);
    }
    let Some(x) = a[0].as_str() else {
        return Err(PyErr::type_error(
            "first maketrans argument must be a string if there is a second argument",
        ));
    };
    let Some(y) = a[1].as_str() else {
        return Err(PyErr::type_error(format!(
            "maketrans() argument 2 must be str, not {}",
            super::native_util::arg_type_name(vm, &a[1])
        )));
    };
    if x.chars().count() != y.chars().count() {
        return Err(PyErr::value_error(
            "the first two maketrans arguments must have equal length",
        ));
    }
    for (cx, cy) in x.chars().zip(y.chars()) {
        let k = vm.new_int(i64::from(u32::from(cx)));
        let v = vm.new_int(i64::from(u32::from(cy)));
        vm.dict_set(&dict, k, v)?;
    }
    if let Some(zv) = a.get(2) {
        let Some(z) = zv.as_str() else {
            return Err(PyErr::type_error(format!(
                "maketrans() argument 3 must be str, not {}",
                super::native_util::arg_type_name(vm, zv)
            )));
        };
        for cz in z.chars() {
            let k = vm.new_int(i64::from(u32::from(cz)));
            vm.dict_set(&dict, k, Value::NONE)?;
        }
    }
    Ok(dict)
}
