//! Literals and constant folding.
//!
//! Integer literals are parsed from their source text (ruff keeps big literals as text,
//! with prefixes and underscores). Folding follows CPython's AST optimizer (`ast_opt.c`):
//! unary operators on numbers, `not` on any constant, binary operators on numbers, strings,
//! bytes and tuples with the same size limits (so `2**10000` or `'a' * 10**6` are left to
//! run time), tuples whose items are all constant, `__debug__`, and list/set literals of
//! constants on the right of `in` or as a `for` iterable (they become a tuple or
//! frozenset). Folding never changes behaviour: an operation that would raise is left
//! unfolded.
//!
//! Results are cached per node, so folding a deeply nested expression stays linear.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use ruff_python_ast::{self as ast, Expr, Number, Operator, UnaryOp};
use ruff_text_size::Ranged;

use crate::bytecode::code::Constant;

use super::codegen::Compiler;
use super::symtable::node_key;

const MAX_INT_SIZE: u64 = 128;
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;
const MAX_TOTAL_ITEMS: usize = 1024;

/// Parses an integer literal's source text (`0x_FF`, `1_000`, `0o17`, `0b1`).
pub(crate) fn parse_int_literal(text: &str) -> Option<BigInt> {
    let clean: String = text.chars().filter(|&c| c != '_').collect();
    let lower = clean.to_ascii_lowercase();
    let (digits, radix) = if let Some(rest) = lower.strip_prefix("0x") {
        (rest.to_string(), 16)
    } else if let Some(rest) = lower.strip_prefix("0o") {
        (rest.to_string(), 8)
    } else if let Some(rest) = lower.strip_prefix("0b") {
        (rest.to_string(), 2)
    } else {
        (lower, 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

/// The number of bits of |i| (CPython's `_PyLong_NumBits`).
fn num_bits(i: &BigInt) -> u64 {
    i.bits()
}

fn is_int(c: &Constant) -> bool {
    matches!(c, Constant::Int(_))
}

/// Python truthiness of a constant.
pub(crate) fn truthy(c: &Constant) -> bool {
    match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Ellipsis | Constant::Code(_) => true,
        Constant::Int(i) => !i.is_zero(),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::SurrogateStr(b) => !b.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
    }
}

/// Float value of an int or float constant when the conversion is exact.
fn as_float(c: &Constant) -> Option<f64> {
    match c {
        Constant::Float(f) => Some(*f),
        Constant::Int(i) => {
            let f = i.to_f64()?;
            if f.is_finite() && f.abs() < 9_007_199_254_740_992.0 {
                Some(f)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Python equality between constants, for deduplicating frozenset items.
fn const_eq(a: &Constant, b: &Constant) -> bool {
    let num = |c: &Constant| -> Option<f64> {
        match c {
            Constant::Bool(b) => Some(f64::from(u8::from(*b))),
            Constant::Int(i) => i.to_f64(),
            Constant::Float(f) => Some(*f),
            _ => None,
        }
    };
    match (a, b) {
        (Constant::Int(x), Constant::Int(y)) => x == y,
        (Constant::Str(x), Constant::Str(y)) => x == y,
        (Constant::SurrogateStr(x), Constant::SurrogateStr(y)) => x == y,
        (Constant::Bytes(x), Constant::Bytes(y)) => x == y,
        (Constant::Tuple(x), Constant::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| const_eq(p, q))
        }
        (Constant::None, Constant::None) | (Constant::Ellipsis, Constant::Ellipsis) => true,
        _ => match (num(a), num(b)) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        },
    }
}

/// Counts nested tuple items against a budget (CPython's `check_complexity`).
fn within_complexity(c: &Constant, mut limit: isize) -> isize {
    if let Constant::Tuple(items) = c {
        limit -= items.len() as isize;
        for item in items {
            if limit < 0 {
                break;
            }
            limit = within_complexity(item, limit);
        }
    }
    limit
}

fn fold_unary(op: UnaryOp, v: &Constant) -> Option<Constant> {
    match op {
        UnaryOp::Not => Some(Constant::Bool(!truthy(v))),
        UnaryOp::USub => match v {
            Constant::Int(i) => Some(Constant::Int(-i)),
            Constant::Float(f) => Some(Constant::Float(-f)),
            Constant::Complex { real, imag } => Some(Constant::Complex {
                real: -real,
                imag: -imag,
            }),
            Constant::Bool(b) => Some(Constant::Int(-BigInt::from(u8::from(*b)))),
            _ => None,
        },
        UnaryOp::UAdd => match v {
            Constant::Int(_) | Constant::Float(_) | Constant::Complex { .. } => Some(v.clone()),
            Constant::Bool(b) => Some(Constant::Int(BigInt::from(u8::from(*b)))),
            _ => None,
        },
        UnaryOp::Invert => match v {
            Constant::Int(i) => Some(Constant::Int(-i - 1)),
            _ => None,
        },
    }
}

fn repeat_ok(n: &BigInt, size: usize, limit: usize) -> Option<usize> {
    let n = n.to_i64()?;
    if n < 0 {
        return Some(0);
    }
    let n = n as usize;
    if size != 0 && n > limit / size {
        return None;
    }
    Some(n)
}

/// Python floor division and modulo on ints.
fn int_floordiv(a: &BigInt, b: &BigInt) -> BigInt {
    use num_integer::Integer;
    a.div_floor(b)
}

fn int_mod(a: &BigInt, b: &BigInt) -> BigInt {
    use num_integer::Integer;
    a.mod_floor(b)
}

fn fold_binary(op: Operator, l: &Constant, r: &Constant) -> Option<Constant> {
    use Constant as C;
    if matches!(l, C::Bool(_)) || matches!(r, C::Bool(_)) {
        return None;
    }
    match (l, r) {
        (C::Int(a), C::Int(b)) => {
            let v = match op {
                Operator::Add => a + b,
                Operator::Sub => a - b,
                Operator::Mult => {
                    if !a.is_zero() && !b.is_zero() && num_bits(a) + num_bits(b) > MAX_INT_SIZE {
                        return None;
                    }
                    a * b
                }
                Operator::FloorDiv => {
                    if b.is_zero() {
                        return None;
                    }
                    int_floordiv(a, b)
                }
                Operator::Mod => {
                    if b.is_zero() {
                        return None;
                    }
                    int_mod(a, b)
                }
                Operator::Pow => {
                    if b.is_negative() {
                        return None;
                    }
                    let e = b.to_u64()?;
                    if !a.is_zero() && e > 0 && num_bits(a) > MAX_INT_SIZE / e {
                        return None;
                    }
                    num_traits::pow::Pow::pow(a, e)
                }
                Operator::LShift => {
                    if b.is_negative() {
                        return None;
                    }
                    let s = b.to_u64()?;
                    if !a.is_zero()
                        && s != 0
                        && (s > MAX_INT_SIZE || num_bits(a) > MAX_INT_SIZE - s)
                    {
                        return None;
                    }
                    a << s
                }
                Operator::RShift => {
                    if b.is_negative() {
                        return None;
                    }
                    let s = b.to_u64().unwrap_or(u64::MAX);
                    if s > num_bits(a) {
                        if a.is_negative() {
                            BigInt::from(-1)
                        } else {
                            BigInt::zero()
                        }
                    } else {
                        a >> s
                    }
                }
                Operator::BitAnd => a & b,
                Operator::BitOr => a | b,
                Operator::BitXor => a ^ b,
                Operator::Div => {
                    let (x, y) = (as_float(l)?, as_float(r)?);
                    if y == 0.0 {
                        return None;
                    }
                    return Some(C::Float(x / y));
                }
                Operator::MatMult => return None,
            };
            Some(C::Int(v))
        }
        (C::Float(_) | C::Int(_), C::Float(_) | C::Int(_)) => {
            let (x, y) = (as_float(l)?, as_float(r)?);
            let v = match op {
                Operator::Add => x + y,
                Operator::Sub => x - y,
                Operator::Mult => x * y,
                Operator::Div => {
                    if y == 0.0 {
                        return None;
                    }
                    x / y
                }
                _ => return None,
            };
            Some(C::Float(v))
        }
        (C::Complex { .. }, C::Complex { .. } | C::Float(_) | C::Int(_))
        | (C::Float(_) | C::Int(_), C::Complex { .. }) => {
            let parts = |c: &Constant| -> Option<(f64, f64)> {
                match c {
                    C::Complex { real, imag } => Some((*real, *imag)),
                    _ => Some((as_float(c)?, 0.0)),
                }
            };
            let ((a, b), (c, d)) = (parts(l)?, parts(r)?);
            let (real, imag) = match op {
                Operator::Add => (a + c, b + d),
                Operator::Sub => (a - c, b - d),
                Operator::Mult => (a * c - b * d, a * d + b * c),
                _ => return None,
            };
            Some(C::Complex { real, imag })
        }
        (C::Str(a), C::Str(b)) if op == Operator::Add => Some(C::Str(format!("{a}{b}"))),
        (C::Bytes(a), C::Bytes(b)) if op == Operator::Add => {
            Some(C::Bytes([a.as_slice(), b.as_slice()].concat()))
        }
        (C::Tuple(a), C::Tuple(b)) if op == Operator::Add => {
            Some(C::Tuple([a.as_slice(), b.as_slice()].concat()))
        }
        (C::Str(s), C::Int(n)) | (C::Int(n), C::Str(s)) if op == Operator::Mult => {
            let k = repeat_ok(n, s.chars().count(), MAX_STR_SIZE)?;
            Some(C::Str(s.repeat(k)))
        }
        (C::Bytes(s), C::Int(n)) | (C::Int(n), C::Bytes(s)) if op == Operator::Mult => {
            let k = repeat_ok(n, s.len(), MAX_STR_SIZE)?;
            Some(C::Bytes(s.repeat(k)))
        }
        (C::Tuple(t), C::Int(n)) | (C::Int(n), C::Tuple(t)) if op == Operator::Mult => {
            let k = repeat_ok(n, t.len(), MAX_COLLECTION_SIZE)?;
            if k > 0 && within_complexity(&C::Tuple(t.clone()), (MAX_TOTAL_ITEMS / k) as isize) < 0
            {
                return None;
            }
            Some(C::Tuple((0..k).flat_map(|_| t.iter().cloned()).collect()))
        }
        _ => {
            let _ = is_int;
            None
        }
    }
}

impl Compiler<'_> {
    /// A string literal's constant. The parser reads `\ud800`-style escapes of lone
    /// surrogates as U+FFFD, so a literal containing U+FFFD is decoded again from its
    /// source to keep them.
    pub(crate) fn str_literal(&self, s: &ast::ExprStringLiteral) -> Constant {
        let value = s.value.to_str();
        if value.contains('\u{FFFD}') {
            let mut exact = Vec::new();
            let mut any = false;
            for part in s.value.iter() {
                let src = &self.lines.text()[part.range];
                let raw = part.flags.prefix().as_str().contains(['r', 'R']);
                match super::literal::decode_with_surrogates(src, raw, &part.value) {
                    Some(b) => {
                        any |= crate::text::wtf8::has_surrogates(&b);
                        exact.extend(b);
                    }
                    None => exact.extend_from_slice(part.value.as_bytes()),
                }
            }
            if any {
                return Constant::SurrogateStr(exact);
            }
        }
        Constant::Str(value.to_string())
    }

    /// The constant an expression folds to, if any.
    pub(crate) fn fold(&mut self, e: &Expr) -> Option<Constant> {
        match e {
            Expr::StringLiteral(s) => Some(self.str_literal(s)),
            Expr::BytesLiteral(b) => Some(Constant::Bytes(b.value.bytes().collect())),
            Expr::NumberLiteral(n) => self.number_constant(n),
            Expr::BooleanLiteral(b) => Some(Constant::Bool(b.value)),
            Expr::NoneLiteral(_) => Some(Constant::None),
            Expr::EllipsisLiteral(_) => Some(Constant::Ellipsis),
            Expr::Name(n) if n.id.as_str() == "__debug__" && n.ctx == ast::ExprContext::Load => {
                Some(Constant::Bool(self.optimize == 0))
            }
            Expr::UnaryOp(_) | Expr::BinOp(_) | Expr::Tuple(_) => {
                let key = node_key(e);
                if let Some(v) = self.fold_cache.get(&key) {
                    return v.clone();
                }
                let v = self.fold_uncached(e);
                self.fold_cache.insert(key, v.clone());
                v
            }
            _ => None,
        }
    }

    fn fold_uncached(&mut self, e: &Expr) -> Option<Constant> {
        match e {
            Expr::UnaryOp(u) => {
                let v = self.fold(&u.operand)?;
                fold_unary(u.op, &v)
            }
            Expr::BinOp(b) => {
                let l = self.fold(&b.left)?;
                let r = self.fold(&b.right)?;
                fold_binary(b.op, &l, &r)
            }
            Expr::Tuple(t) if t.ctx == ast::ExprContext::Load => {
                let mut items = Vec::with_capacity(t.elts.len());
                for elt in &t.elts {
                    if elt.is_starred_expr() {
                        return None;
                    }
                    items.push(self.fold(elt)?);
                }
                Some(Constant::Tuple(items))
            }
            _ => None,
        }
    }

    pub(crate) fn number_constant(&self, n: &ast::ExprNumberLiteral) -> Option<Constant> {
        Some(match &n.value {
            Number::Int(i) => match i.as_i64() {
                Some(v) => Constant::Int(BigInt::from(v)),
                None => Constant::Int(parse_int_literal(
                    &self.lines.text()[n.range().start().to_usize()..n.range().end().to_usize()],
                )?),
            },
            Number::Float(f) => Constant::Float(*f),
            Number::Complex { real, imag } => Constant::Complex {
                real: *real,
                imag: *imag,
            },
        })
    }

    /// A list or set display of constants as a tuple or frozenset constant (CPython folds
    /// these on the right of `in` and as `for` iterables).
    pub(crate) fn fold_iterable_display(&mut self, e: &Expr) -> Option<Constant> {
        let (elts, is_set) = match e {
            Expr::List(l) => (&l.elts, false),
            Expr::Set(s) => (&s.elts, true),
            _ => return None,
        };
        let mut items: Vec<Constant> = Vec::with_capacity(elts.len());
        for elt in elts {
            if elt.is_starred_expr() {
                return None;
            }
            let c = self.fold(elt)?;
            if is_set && items.iter().any(|x| const_eq(x, &c)) {
                continue;
            }
            items.push(c);
        }
        Some(if is_set {
            Constant::FrozenSet(items)
        } else {
            Constant::Tuple(items)
        })
    }

    /// Frozenset constant for a set display of constants (deduplicated).
    pub(crate) fn frozenset_of(items: Vec<Constant>) -> Constant {
        let mut out: Vec<Constant> = Vec::with_capacity(items.len());
        for c in items {
            if !out.iter().any(|x| const_eq(x, &c)) {
                out.push(c);
            }
        }
        Constant::FrozenSet(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_literals() {
        assert_eq!(
            parse_int_literal("0xFFFF_FFFF_FFFF_FFFF_FF"),
            Some(BigInt::parse_bytes(b"ffffffffffffffffff", 16).unwrap_or_default())
        );
        assert_eq!(parse_int_literal("1_000"), Some(BigInt::from(1000)));
        assert_eq!(parse_int_literal("0o17"), Some(BigInt::from(15)));
        assert_eq!(parse_int_literal("0B101"), Some(BigInt::from(5)));
        assert_eq!(parse_int_literal("00"), Some(BigInt::from(0)));
    }

    #[test]
    fn folding_limits() {
        let i = |v: i64| Constant::Int(BigInt::from(v));
        assert_eq!(fold_binary(Operator::Pow, &i(2), &i(10)), Some(i(1024)));
        assert_eq!(fold_binary(Operator::Pow, &i(2), &i(200)), None);
        assert_eq!(fold_binary(Operator::FloorDiv, &i(-7), &i(2)), Some(i(-4)));
        assert_eq!(fold_binary(Operator::Mod, &i(-7), &i(2)), Some(i(1)));
        assert_eq!(fold_binary(Operator::Div, &i(1), &i(0)), None);
        assert_eq!(
            fold_binary(Operator::Mult, &Constant::Str("ab".into()), &i(3)),
            Some(Constant::Str("ababab".into()))
        );
        assert_eq!(
            fold_binary(Operator::Mult, &Constant::Str("ab".into()), &i(5000)),
            None
        );
        assert_eq!(fold_unary(UnaryOp::Invert, &i(5)), Some(i(-6)));
        assert_eq!(fold_unary(UnaryOp::Not, &i(0)), Some(Constant::Bool(true)));
        assert_eq!(fold_binary(Operator::RShift, &i(-5), &i(100)), Some(i(-1)));
    }
}
