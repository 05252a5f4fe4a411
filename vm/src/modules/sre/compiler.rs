//! The pattern compiler: the parser's tree to SRE code words, the instruction set that
//! CPython's `_sre` engine (and the `rustpython-sre_engine` crate) runs. The layout of
//! each construct (skips, MARK numbering, REPEAT/MAX_UNTIL pairs, the simple-item
//! REPEAT_ONE forms, lookbehind widths) follows the documented SRE format; flags pick the
//! case-insensitive, locale and Unicode variants of the opcodes.

use rustpython_sre_engine::string::{lower_ascii, lower_unicode, upper_unicode};
use rustpython_sre_engine::{SreAtCode as AtC, SreCatCode as CatC, SreOpcode as Op};

use super::flags;
use super::parser::{At, Cat, ErrKind, Node, ReError, RepeatKind, SetItem, width};

const MAXCODE: u64 = u32::MAX as u64;

/// Characters that compare equal ignoring case although their simple lowercase forms
/// differ (Unicode case folding that one-to-one lowercasing misses).
const EQUIVALENCES: &[&[u32]] = &[
    &[0x69, 0x131],
    &[0x73, 0x17f],
    &[0xb5, 0x3bc],
    &[0x345, 0x3b9, 0x1fbe],
    &[0x390, 0x1fd3],
    &[0x3b0, 0x1fe3],
    &[0x3b2, 0x3d0],
    &[0x3b5, 0x3f5],
    &[0x3b8, 0x3d1],
    &[0x3ba, 0x3f0],
    &[0x3c0, 0x3d6],
    &[0x3c1, 0x3f1],
    &[0x3c2, 0x3c3],
    &[0x3c6, 0x3d5],
    &[0x432, 0x1c80],
    &[0x434, 0x1c81],
    &[0x43e, 0x1c82],
    &[0x441, 0x1c83],
    &[0x442, 0x1c84, 0x1c85],
    &[0x44a, 0x1c86],
    &[0x463, 0x1c87],
    &[0x1e61, 0x1e9b],
    &[0xa64b, 0x1c88],
    &[0xfb05, 0xfb06],
];

fn fixes(c: u32) -> Vec<u32> {
    for eq in EQUIVALENCES {
        if eq.contains(&c) {
            return eq.iter().copied().filter(|&k| k != c).collect();
        }
    }
    Vec::new()
}

struct Compiler {
    code: Vec<u32>,
    group_widths: Vec<Option<(u64, u64)>>,
}

fn unicode(f: u32) -> bool {
    f & flags::UNICODE != 0 && f & flags::ASCII == 0
}

fn tolower(f: u32, c: u32) -> u32 {
    if unicode(f) {
        lower_unicode(c)
    } else {
        lower_ascii(c)
    }
}

fn iscased(f: u32, c: u32) -> bool {
    if unicode(f) {
        c != lower_unicode(c) || c != upper_unicode(c)
    } else {
        c < 128 && (c as u8).is_ascii_alphabetic()
    }
}

fn combine_flags(f: u32, add: u32, del: u32) -> u32 {
    let type_flags = flags::ASCII | flags::LOCALE | flags::UNICODE;
    let base = if add & type_flags != 0 {
        f & !type_flags
    } else {
        f
    };
    (base | add) & !del
}

fn is_simple(body: &[Node]) -> bool {
    match body {
        [
            Node::Group {
                group: None, body, ..
            },
        ] => is_simple(body),
        [Node::Literal(_) | Node::NotLiteral(_) | Node::Any | Node::In(_)] => true,
        _ => false,
    }
}

fn cat_code(c: Cat, f: u32) -> CatC {
    let uni = f & flags::UNICODE != 0 && f & flags::LOCALE == 0;
    let loc = f & flags::LOCALE != 0;
    match (c, uni, loc) {
        (Cat::Digit, true, _) => CatC::UNI_DIGIT,
        (Cat::NotDigit, true, _) => CatC::UNI_NOT_DIGIT,
        (Cat::Space, true, _) => CatC::UNI_SPACE,
        (Cat::NotSpace, true, _) => CatC::UNI_NOT_SPACE,
        (Cat::Word, true, _) => CatC::UNI_WORD,
        (Cat::NotWord, true, _) => CatC::UNI_NOT_WORD,
        (Cat::Word, _, true) => CatC::LOC_WORD,
        (Cat::NotWord, _, true) => CatC::LOC_NOT_WORD,
        (Cat::Digit, _, _) => CatC::DIGIT,
        (Cat::NotDigit, _, _) => CatC::NOT_DIGIT,
        (Cat::Space, _, _) => CatC::SPACE,
        (Cat::NotSpace, _, _) => CatC::NOT_SPACE,
        (Cat::Word, _, _) => CatC::WORD,
        (Cat::NotWord, _, _) => CatC::NOT_WORD,
    }
}

fn at_code(a: At, f: u32) -> AtC {
    let multiline = f & flags::MULTILINE != 0;
    match a {
        At::Beginning if multiline => AtC::BEGINNING_LINE,
        At::Beginning => AtC::BEGINNING,
        At::End if multiline => AtC::END_LINE,
        At::End => AtC::END,
        At::BeginningString => AtC::BEGINNING_STRING,
        At::EndString => AtC::END_STRING,
        At::Boundary if f & flags::LOCALE != 0 => AtC::LOC_BOUNDARY,
        At::NonBoundary if f & flags::LOCALE != 0 => AtC::LOC_NON_BOUNDARY,
        At::Boundary if f & flags::UNICODE != 0 => AtC::UNI_BOUNDARY,
        At::NonBoundary if f & flags::UNICODE != 0 => AtC::UNI_NON_BOUNDARY,
        At::Boundary => AtC::BOUNDARY,
        At::NonBoundary => AtC::NON_BOUNDARY,
    }
}

impl Compiler {
    fn emit(&mut self, w: u32) {
        self.code.push(w);
    }

    fn op(&mut self, op: Op) {
        self.code.push(op as u32);
    }

    /// Emits a placeholder skip word; returns its index.
    fn skip(&mut self) -> usize {
        self.code.push(0);
        self.code.len() - 1
    }

    fn patch(&mut self, at: usize) {
        self.code[at] = (self.code.len() - at) as u32;
    }

    fn seq(&mut self, nodes: &[Node], f: u32) -> Result<(), ReError> {
        for node in nodes {
            self.node(node, f)?;
        }
        Ok(())
    }

    fn literal(&mut self, c: u32, negate: bool, f: u32) {
        let (plain, ignore, uni_ignore, loc_ignore) = if negate {
            (
                Op::NOT_LITERAL,
                Op::NOT_LITERAL_IGNORE,
                Op::NOT_LITERAL_UNI_IGNORE,
                Op::NOT_LITERAL_LOC_IGNORE,
            )
        } else {
            (
                Op::LITERAL,
                Op::LITERAL_IGNORE,
                Op::LITERAL_UNI_IGNORE,
                Op::LITERAL_LOC_IGNORE,
            )
        };
        if f & flags::IGNORECASE == 0 {
            self.op(plain);
            self.emit(c);
        } else if f & flags::LOCALE != 0 {
            self.op(loc_ignore);
            self.emit(c);
        } else if !iscased(f, c) {
            self.op(plain);
            self.emit(c);
        } else {
            let lo = tolower(f, c);
            let fx = if unicode(f) { fixes(lo) } else { Vec::new() };
            if !unicode(f) {
                self.op(ignore);
                self.emit(lo);
            } else if fx.is_empty() {
                self.op(uni_ignore);
                self.emit(lo);
            } else {
                self.op(Op::IN_UNI_IGNORE);
                let skip = self.skip();
                if negate {
                    self.op(Op::NEGATE);
                }
                for k in std::iter::once(lo).chain(fx) {
                    self.op(Op::LITERAL);
                    self.emit(k);
                }
                self.op(Op::FAILURE);
                self.patch(skip);
            }
        }
    }

    fn charset(&mut self, items: &[SetItem], f: u32) {
        let ignore = f & flags::IGNORECASE != 0 && f & flags::LOCALE == 0;
        let mut out: Vec<SetItem> = Vec::new();
        let mut hascased = false;
        for item in items {
            match *item {
                SetItem::Literal(c) if ignore => {
                    hascased |= iscased(f, c);
                    let lo = tolower(f, c);
                    out.push(SetItem::Literal(lo));
                    if unicode(f) {
                        out.extend(fixes(lo).into_iter().map(SetItem::Literal));
                    }
                }
                SetItem::Range(a, b) if ignore => {
                    out.push(SetItem::Range(a, b));
                    let mut extra: Vec<u32> = Vec::new();
                    for c in a..=b {
                        let cased = iscased(f, c);
                        hascased |= cased;
                        if !cased {
                            continue;
                        }
                        let lo = tolower(f, c);
                        if lo < a || lo > b {
                            extra.push(lo);
                        }
                        if unicode(f) {
                            extra.extend(fixes(lo).into_iter().filter(|&k| k < a || k > b));
                        }
                    }
                    extra.sort_unstable();
                    extra.dedup();
                    out.extend(extra.into_iter().map(SetItem::Literal));
                }
                ref other => out.push(other.clone()),
            }
        }
        let op = if f & flags::IGNORECASE != 0 && f & flags::LOCALE != 0 {
            Op::IN_LOC_IGNORE
        } else if !hascased {
            Op::IN
        } else if !unicode(f) {
            Op::IN_IGNORE
        } else {
            Op::IN_UNI_IGNORE
        };
        let items: &[SetItem] = if hascased || !ignore { &out } else { items };
        self.op(op);
        let skip = self.skip();
        for item in items {
            match *item {
                SetItem::Negate => self.op(Op::NEGATE),
                SetItem::Literal(c) => {
                    self.op(Op::LITERAL);
                    self.emit(c);
                }
                SetItem::Range(a, b) => {
                    self.op(Op::RANGE);
                    self.emit(a);
                    self.emit(b);
                }
                SetItem::Category(c) => {
                    self.op(Op::CATEGORY);
                    self.emit(cat_code(c, f) as u32);
                }
            }
        }
        self.op(Op::FAILURE);
        self.patch(skip);
    }

    fn node(&mut self, node: &Node, f: u32) -> Result<(), ReError> {
        match node {
            Node::Literal(c) => self.literal(*c, false, f),
            Node::NotLiteral(c) => self.literal(*c, true, f),
            Node::In(items) => self.charset(items, f),
            Node::Any => self.op(if f & flags::DOTALL != 0 {
                Op::ANY_ALL
            } else {
                Op::ANY
            }),
            Node::At(a) => {
                self.op(Op::AT);
                self.emit(at_code(*a, f) as u32);
            }
            Node::Branch(items) => {
                self.op(Op::BRANCH);
                let mut tails = Vec::new();
                for item in items {
                    let skip = self.skip();
                    self.seq(item, f)?;
                    self.op(Op::JUMP);
                    tails.push(self.skip());
                    self.patch(skip);
                }
                self.op(Op::FAILURE);
                for t in tails {
                    self.patch(t);
                }
            }
            Node::Group {
                group,
                add,
                del,
                body,
            } => {
                if let Some(g) = group {
                    self.op(Op::MARK);
                    self.emit(((g - 1) * 2) as u32);
                }
                self.seq(body, combine_flags(f, *add, *del))?;
                if let Some(g) = group {
                    self.op(Op::MARK);
                    self.emit(((g - 1) * 2 + 1) as u32);
                }
            }
            Node::Repeat {
                kind,
                min,
                max,
                body,
            } => {
                if is_simple(body) {
                    self.op(match kind {
                        RepeatKind::Greedy => Op::REPEAT_ONE,
                        RepeatKind::Lazy => Op::MIN_REPEAT_ONE,
                        RepeatKind::Possessive => Op::POSSESSIVE_REPEAT_ONE,
                    });
                    let skip = self.skip();
                    self.emit(*min);
                    self.emit(*max);
                    self.seq(body, f)?;
                    self.op(Op::SUCCESS);
                    self.patch(skip);
                } else {
                    self.op(match kind {
                        RepeatKind::Possessive => Op::POSSESSIVE_REPEAT,
                        _ => Op::REPEAT,
                    });
                    let skip = self.skip();
                    self.emit(*min);
                    self.emit(*max);
                    self.seq(body, f)?;
                    self.patch(skip);
                    self.op(match kind {
                        RepeatKind::Greedy => Op::MAX_UNTIL,
                        RepeatKind::Lazy => Op::MIN_UNTIL,
                        RepeatKind::Possessive => Op::SUCCESS,
                    });
                }
            }
            Node::GroupRef(g) => {
                self.op(if f & flags::IGNORECASE == 0 {
                    Op::GROUPREF
                } else if f & flags::LOCALE != 0 {
                    Op::GROUPREF_LOC_IGNORE
                } else if unicode(f) {
                    Op::GROUPREF_UNI_IGNORE
                } else {
                    Op::GROUPREF_IGNORE
                });
                self.emit((g - 1) as u32);
            }
            Node::GroupRefExists { group, yes, no } => {
                self.op(Op::GROUPREF_EXISTS);
                self.emit((group - 1) as u32);
                let skipyes = self.skip();
                self.seq(yes, f)?;
                match no {
                    Some(no) => {
                        self.op(Op::JUMP);
                        let skipno = self.skip();
                        self.code[skipyes] = (self.code.len() - skipyes + 1) as u32;
                        self.seq(no, f)?;
                        self.patch(skipno);
                    }
                    None => {
                        self.code[skipyes] = (self.code.len() - skipyes + 1) as u32;
                    }
                }
            }
            Node::Assert {
                behind,
                negate,
                body,
            } => {
                self.op(if *negate { Op::ASSERT_NOT } else { Op::ASSERT });
                let skip = self.skip();
                if *behind {
                    let (lo, hi) = width(body, &self.group_widths);
                    if lo > MAXCODE {
                        return Err(ReError {
                            msg: "looks too much behind".into(),
                            pos: None,
                            kind: ErrKind::Re,
                        });
                    }
                    if lo != hi {
                        return Err(ReError {
                            msg: "look-behind requires fixed-width pattern".into(),
                            pos: None,
                            kind: ErrKind::Re,
                        });
                    }
                    self.emit(lo as u32);
                } else {
                    self.emit(0);
                }
                self.seq(body, f)?;
                self.op(Op::SUCCESS);
                self.patch(skip);
            }
            Node::Atomic(body) => {
                self.op(Op::ATOMIC_GROUP);
                let skip = self.skip();
                self.seq(body, f)?;
                self.op(Op::SUCCESS);
                self.patch(skip);
            }
        }
        Ok(())
    }
}

/// The literal prefix of a pattern (for the search fast path): plain literals at the
/// start, only when case-sensitive.
fn literal_prefix(nodes: &[Node], f: u32) -> Vec<u32> {
    let mut prefix = Vec::new();
    if f & flags::IGNORECASE != 0 {
        return prefix;
    }
    for node in nodes {
        match node {
            Node::Literal(c) => prefix.push(*c),
            _ => break,
        }
    }
    prefix
}

/// Compiles a parsed pattern to SRE code (an INFO block, the body, SUCCESS).
pub fn compile(nodes: &[Node], f: u32, group_widths: &[(u64, u64)]) -> Result<Vec<u32>, ReError> {
    let widths: Vec<Option<(u64, u64)>> = group_widths.iter().map(|w| Some(*w)).collect();
    let mut c = Compiler {
        code: Vec::new(),
        group_widths: widths,
    };
    let (lo, hi) = width(nodes, &c.group_widths);
    let lo = lo.min(MAXCODE) as u32;
    let hi = if hi >= MAXCODE { 0 } else { hi as u32 };
    let prefix = literal_prefix(nodes, f);
    c.op(Op::INFO);
    let skip = c.skip();
    if prefix.is_empty() {
        c.emit(0);
        c.emit(lo);
        c.emit(hi);
    } else {
        // PREFIX info: <len> <skip> <prefix...> <overlap table...>
        let all_literal = prefix.len() == nodes.len();
        let mask = 1 | if all_literal { 2 } else { 0 };
        c.emit(mask);
        c.emit(lo);
        c.emit(hi);
        c.emit(prefix.len() as u32);
        c.emit(prefix.len() as u32);
        c.code.extend_from_slice(&prefix);
        // KMP overlap table.
        let mut table = vec![0u32; prefix.len()];
        for i in 1..prefix.len() {
            let mut idx = table[i - 1] as usize;
            while prefix[i] != prefix[idx] {
                if idx == 0 {
                    table[i] = 0;
                    break;
                }
                idx = table[idx - 1] as usize;
            }
            if prefix[i] == prefix[idx] {
                table[i] = idx as u32 + 1;
            }
        }
        c.code.extend_from_slice(&table);
    }
    c.patch(skip);
    c.seq(nodes, f)?;
    c.op(Op::SUCCESS);
    Ok(c.code)
}
