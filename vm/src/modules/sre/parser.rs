//! The regular-expression parser: Python's `re` syntax to a small tree (`Node`), with
//! CPython's `re.error` messages and positions. It follows the documented grammar and the
//! order in which CPython checks things (so the first error reported is the same one),
//! including the tokenizer's view of a pattern as single chars and `\x` pairs, whose
//! position arithmetic the error offsets depend on.

use super::{MAXREPEAT, flags};

/// A parse error: message and the position it refers to.
#[derive(Debug)]
pub struct ReError {
    pub msg: String,
    pub pos: Option<usize>,
    /// Raised as OverflowError / ValueError instead of `re.error`.
    pub kind: ErrKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrKind {
    Re,
    Overflow,
    Value,
    Recursion,
}

/// How many groups may nest: CPython's recursive parser runs out of Python frames
/// (RecursionError) just past this depth when called from module level.
const MAX_NESTING: usize = 496;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cat {
    Digit,
    NotDigit,
    Space,
    NotSpace,
    Word,
    NotWord,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    Beginning,
    BeginningString,
    Boundary,
    NonBoundary,
    End,
    EndString,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetItem {
    Negate,
    Literal(u32),
    Range(u32, u32),
    Category(Cat),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RepeatKind {
    Greedy,
    Lazy,
    Possessive,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Literal(u32),
    NotLiteral(u32),
    Any,
    In(Vec<SetItem>),
    At(At),
    Branch(Vec<Vec<Node>>),
    Group {
        group: Option<usize>,
        add: u32,
        del: u32,
        body: Vec<Node>,
    },
    Repeat {
        kind: RepeatKind,
        min: u32,
        max: u32,
        body: Vec<Node>,
    },
    GroupRef(usize),
    GroupRefExists {
        group: usize,
        yes: Vec<Node>,
        no: Option<Vec<Node>>,
    },
    Assert {
        behind: bool,
        negate: bool,
        body: Vec<Node>,
    },
    Atomic(Vec<Node>),
}

/// The result of parsing: the tree, final flags, group count and names.
pub struct Parsed {
    pub nodes: Vec<Node>,
    pub flags: u32,
    /// Number of groups including group 0.
    pub groups: usize,
    pub names: Vec<(String, usize)>,
    pub group_widths: Vec<(u64, u64)>,
}

type PResult<T> = Result<T, ReError>;

const TYPE_FLAGS: u32 = flags::ASCII | flags::LOCALE | flags::UNICODE;
const GLOBAL_FLAGS: u32 = flags::DEBUG;
const MAXGROUPS: usize = (u32::MAX / 2) as usize;

fn flag_of(c: u32) -> Option<u32> {
    Some(match char::from_u32(c)? {
        'i' => flags::IGNORECASE,
        'L' => flags::LOCALE,
        'm' => flags::MULTILINE,
        's' => flags::DOTALL,
        'x' => flags::VERBOSE,
        'a' => flags::ASCII,
        'u' => flags::UNICODE,
        _ => return None,
    })
}

fn is_digit(c: Option<u32>) -> bool {
    c.is_some_and(|c| (b'0' as u32..=b'9' as u32).contains(&c))
}

fn is_octal(c: Option<u32>) -> bool {
    c.is_some_and(|c| (b'0' as u32..=b'7' as u32).contains(&c))
}

fn is_hex(c: Option<u32>) -> bool {
    c.is_some_and(|c| char::from_u32(c).is_some_and(|ch| ch.is_ascii_hexdigit()))
}

fn text(cs: &[u32]) -> String {
    cs.iter()
        .map(|&c| char::from_u32(c).unwrap_or('\u{FFFD}'))
        .collect()
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if c == '_' || c.is_alphabetic() => {}
        _ => return false,
    }
    chars.all(|c| c == '_' || c.is_alphanumeric())
}

/// Python's `repr()` of a str, for messages that quote a name.
pub fn py_repr(s: &str) -> String {
    crate::text::str_repr::py_str_repr(s)
}

/// The tokenizer: `next` is one char, or a backslash and the char after it.
struct Source<'a> {
    chars: &'a [u32],
    istext: bool,
    index: usize,
    next: Option<Vec<u32>>,
}

impl<'a> Source<'a> {
    fn new(chars: &'a [u32], istext: bool) -> PResult<Source<'a>> {
        let mut s = Source {
            chars,
            istext,
            index: 0,
            next: None,
        };
        s.advance()?;
        Ok(s)
    }

    fn advance(&mut self) -> PResult<()> {
        let mut index = self.index;
        let Some(&c) = self.chars.get(index) else {
            self.next = None;
            return Ok(());
        };
        let mut tok = vec![c];
        if c == b'\\' as u32 {
            index += 1;
            match self.chars.get(index) {
                Some(&d) => tok.push(d),
                None => {
                    return Err(ReError {
                        msg: "bad escape (end of pattern)".into(),
                        pos: Some(self.chars.len().saturating_sub(1)),
                        kind: ErrKind::Re,
                    });
                }
            }
        }
        self.index = index + 1;
        self.next = Some(tok);
        Ok(())
    }

    fn next_is(&self, c: char) -> bool {
        matches!(&self.next, Some(t) if t.len() == 1 && t[0] == c as u32)
    }

    /// The next token if it is a single char.
    fn next_char(&self) -> Option<u32> {
        match &self.next {
            Some(t) if t.len() == 1 => Some(t[0]),
            _ => None,
        }
    }

    fn matches(&mut self, c: char) -> PResult<bool> {
        if self.next_is(c) {
            self.advance()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    fn get(&mut self) -> PResult<Option<Vec<u32>>> {
        let this = self.next.take();
        self.advance()?;
        Ok(this)
    }

    fn getwhile(&mut self, n: usize, pred: fn(Option<u32>) -> bool) -> PResult<Vec<u32>> {
        let mut out = Vec::new();
        for _ in 0..n {
            let c = self.next_char();
            if !pred(c) {
                break;
            }
            out.extend(c);
            self.advance()?;
        }
        Ok(out)
    }

    fn getuntil(&mut self, terminator: char, name: &str) -> PResult<String> {
        let mut result: Vec<u32> = Vec::new();
        loop {
            let c = self.next.clone();
            self.advance()?;
            match c {
                None => {
                    if result.is_empty() {
                        return Err(self.error(format!("missing {name}"), 0));
                    }
                    return Err(self.error(
                        format!("missing {terminator}, unterminated name"),
                        result.len(),
                    ));
                }
                Some(t) if t.len() == 1 && t[0] == terminator as u32 => {
                    if result.is_empty() {
                        return Err(self.error(format!("missing {name}"), 1));
                    }
                    break;
                }
                Some(t) => result.extend(t),
            }
        }
        Ok(text(&result))
    }

    fn tell(&self) -> usize {
        self.index - self.next.as_ref().map_or(0, Vec::len)
    }

    fn seek(&mut self, index: usize) -> PResult<()> {
        self.index = index;
        self.advance()
    }

    fn error(&self, msg: impl Into<String>, offset: usize) -> ReError {
        ReError {
            msg: msg.into(),
            pos: Some(self.tell().saturating_sub(offset)),
            kind: ErrKind::Re,
        }
    }

    fn check_group_name(&self, name: &str, offset: usize) -> PResult<()> {
        if !is_identifier(name) {
            return Err(self.error(
                format!("bad character in group name {}", py_repr(name)),
                name.chars().count() + offset,
            ));
        }
        Ok(())
    }
}

struct State {
    flags: u32,
    names: Vec<(String, usize)>,
    /// Per group: its (min, max) width once closed.
    widths: Vec<Option<(u64, u64)>>,
    lookbehind_groups: Option<usize>,
    groupref_pos: Vec<(usize, usize)>,
    depth: usize,
}

impl State {
    fn groups(&self) -> usize {
        self.widths.len()
    }

    fn open_group(&mut self, name: Option<&str>) -> Result<usize, String> {
        let gid = self.groups();
        self.widths.push(None);
        if self.groups() > MAXGROUPS {
            return Err("too many groups".into());
        }
        if let Some(name) = name {
            if let Some((_, old)) = self.names.iter().find(|(n, _)| n == name) {
                return Err(format!(
                    "redefinition of group name {} as group {gid}; was group {old}",
                    py_repr(name)
                ));
            }
            self.names.push((name.to_string(), gid));
        }
        Ok(gid)
    }

    fn check_group(&self, gid: usize) -> bool {
        gid < self.groups() && self.widths[gid].is_some()
    }

    fn check_lookbehind_group(&self, gid: usize, source: &Source<'_>) -> PResult<()> {
        if let Some(lb) = self.lookbehind_groups {
            if !self.check_group(gid) {
                return Err(source.error("cannot refer to an open group", 0));
            }
            if gid >= lb {
                return Err(source.error(
                    "cannot refer to group defined in the same lookbehind subpattern",
                    0,
                ));
            }
        }
        Ok(())
    }

    fn group_index(&self, name: &str) -> Option<usize> {
        self.names.iter().find(|(n, _)| n == name).map(|(_, g)| *g)
    }
}

/// The (min, max) width of a sequence, saturating like CPython's `getwidth`.
pub fn width(nodes: &[Node], group_widths: &[Option<(u64, u64)>]) -> (u64, u64) {
    let maxrep = MAXREPEAT as u64;
    let mut lo: u64 = 0;
    let mut hi: u64 = 0;
    for node in nodes {
        let (l, h) = match node {
            Node::Branch(items) => {
                let mut i = maxrep - 1;
                let mut j = 0;
                for item in items {
                    let (l, h) = width(item, group_widths);
                    i = i.min(l);
                    j = j.max(h);
                }
                (i, j)
            }
            Node::Atomic(body) | Node::Group { body, .. } => width(body, group_widths),
            Node::Repeat { min, max, body, .. } => {
                let (l, h) = width(body, group_widths);
                (l.saturating_mul(*min as u64), h.saturating_mul(*max as u64))
            }
            Node::Literal(_) | Node::NotLiteral(_) | Node::Any | Node::In(_) => (1, 1),
            Node::GroupRef(g) => group_widths.get(*g).copied().flatten().unwrap_or((0, 0)),
            Node::GroupRefExists { yes, no, .. } => {
                let (mut i, mut j) = width(yes, group_widths);
                match no {
                    Some(no) => {
                        let (l, h) = width(no, group_widths);
                        i = i.min(l);
                        j = j.max(h);
                    }
                    None => i = 0,
                }
                (i, j)
            }
            Node::At(_) | Node::Assert { .. } => (0, 0),
        };
        lo = lo.saturating_add(l);
        hi = hi.saturating_add(h);
    }
    (lo.min(maxrep - 1), hi.min(maxrep))
}

fn category(esc: u32) -> Option<Node> {
    let item = |c| Some(Node::In(vec![SetItem::Category(c)]));
    match char::from_u32(esc)? {
        'A' => Some(Node::At(At::BeginningString)),
        'b' => Some(Node::At(At::Boundary)),
        'B' => Some(Node::At(At::NonBoundary)),
        'Z' => Some(Node::At(At::EndString)),
        'd' => item(Cat::Digit),
        'D' => item(Cat::NotDigit),
        's' => item(Cat::Space),
        'S' => item(Cat::NotSpace),
        'w' => item(Cat::Word),
        'W' => item(Cat::NotWord),
        _ => None,
    }
}

fn simple_escape(esc: u32) -> Option<u32> {
    Some(match char::from_u32(esc)? {
        'a' => 7,
        'b' => 8,
        'f' => 12,
        'n' => 10,
        'r' => 13,
        't' => 9,
        'v' => 11,
        '\\' => b'\\' as u32,
        _ => return None,
    })
}

fn escape_text(tok: &[u32]) -> String {
    text(tok)
}

fn hex_value(cs: &[u32]) -> u32 {
    cs.iter().fold(0u32, |v, &c| {
        v.wrapping_mul(16) + char::from_u32(c).and_then(|c| c.to_digit(16)).unwrap_or(0)
    })
}

fn oct_value(cs: &[u32]) -> u32 {
    cs.iter().fold(0u32, |v, &c| v * 8 + (c - b'0' as u32))
}

/// The numeric escapes shared by classes and expressions: `\x`, `\u`, `\U`, `\N`.
/// `Ok(None)` if `esc` is none of them.
fn numeric_escape(source: &mut Source<'_>, tok: &[u32]) -> PResult<Option<u32>> {
    let c = tok[1];
    let mut escape = tok.to_vec();
    let (n, allowed) = match char::from_u32(c) {
        Some('x') => (2, true),
        Some('u') => (4, source.istext),
        Some('U') => (8, source.istext),
        Some('N') if source.istext => {
            if !source.matches('{')? {
                return Err(source.error("missing {", 0));
            }
            let name = source.getuntil('}', "character name")?;
            return match unicode_names2::character(&name).map(u32::from) {
                Some(ch) => Ok(Some(ch)),
                None => Err(source.error(
                    format!("undefined character name {}", py_repr(&name)),
                    name.chars().count() + 4,
                )),
            };
        }
        _ => return Ok(None),
    };
    if !allowed {
        return Ok(None);
    }
    escape.extend(source.getwhile(n, is_hex)?);
    if escape.len() != n + 2 {
        return Err(source.error(
            format!("incomplete escape {}", escape_text(&escape)),
            escape.len(),
        ));
    }
    let v = hex_value(&escape[2..]);
    if v > 0x10FFFF {
        return Err(source.error(format!("bad escape {}", escape_text(&escape)), escape.len()));
    }
    Ok(Some(v))
}

/// An escape inside a character class.
fn class_escape(source: &mut Source<'_>, tok: &[u32]) -> PResult<Node> {
    let c = tok[1];
    if let Some(v) = simple_escape(c) {
        return Ok(Node::Literal(v));
    }
    if let Some(n @ Node::In(_)) = category(c) {
        return Ok(n);
    }
    if let Some(v) = numeric_escape(source, tok)? {
        return Ok(Node::Literal(v));
    }
    if is_octal(Some(c)) {
        let mut escape = tok.to_vec();
        escape.extend(source.getwhile(2, is_octal)?);
        let v = oct_value(&escape[1..]);
        if v > 0o377 {
            return Err(source.error(
                format!(
                    "octal escape value {} outside of range 0-0o377",
                    escape_text(&escape)
                ),
                escape.len(),
            ));
        }
        return Ok(Node::Literal(v));
    }
    if !is_digit(Some(c)) && !char::from_u32(c).is_some_and(|ch| ch.is_ascii_alphabetic()) {
        return Ok(Node::Literal(c));
    }
    Err(source.error(format!("bad escape {}", escape_text(tok)), 2))
}

/// An escape outside a class.
fn escape(source: &mut Source<'_>, tok: &[u32], state: &State) -> PResult<Node> {
    let c = tok[1];
    if let Some(n) = category(c) {
        return Ok(n);
    }
    if let Some(v) = simple_escape(c) {
        return Ok(Node::Literal(v));
    }
    if let Some(v) = numeric_escape(source, tok)? {
        return Ok(Node::Literal(v));
    }
    if c == b'0' as u32 {
        let mut escape = tok.to_vec();
        escape.extend(source.getwhile(2, is_octal)?);
        return Ok(Node::Literal(oct_value(&escape[1..])));
    }
    if is_digit(Some(c)) {
        let mut escape = tok.to_vec();
        if is_digit(source.next_char()) {
            escape.extend(source.get()?.unwrap_or_default());
            if is_octal(Some(escape[1]))
                && is_octal(Some(escape[2]))
                && is_octal(source.next_char())
            {
                escape.extend(source.get()?.unwrap_or_default());
                let v = oct_value(&escape[1..]);
                if v > 0o377 {
                    return Err(source.error(
                        format!(
                            "octal escape value {} outside of range 0-0o377",
                            escape_text(&escape)
                        ),
                        escape.len(),
                    ));
                }
                return Ok(Node::Literal(v));
            }
        }
        let group: usize = text(&escape[1..]).parse().unwrap_or(usize::MAX);
        if group < state.groups() {
            if !state.check_group(group) {
                return Err(source.error("cannot refer to an open group", escape.len()));
            }
            state.check_lookbehind_group(group, source)?;
            return Ok(Node::GroupRef(group));
        }
        return Err(source.error(format!("invalid group reference {group}"), escape.len() - 1));
    }
    if char::from_u32(c).is_some_and(|ch| ch.is_ascii_alphabetic()) {
        return Err(source.error(format!("bad escape {}", escape_text(tok)), 2));
    }
    Ok(Node::Literal(c))
}

fn parse_sub(
    source: &mut Source<'_>,
    state: &mut State,
    mut verbose: bool,
    nested: usize,
) -> PResult<Vec<Node>> {
    let mut items = Vec::new();
    loop {
        items.push(parse_seq(
            source,
            state,
            verbose,
            nested + 1,
            nested == 0 && items.is_empty(),
        )?);
        if !source.matches('|')? {
            break;
        }
        if nested == 0 {
            verbose = state.flags & flags::VERBOSE != 0;
        }
    }
    if items.len() == 1 {
        return Ok(items.pop().unwrap_or_default());
    }
    Ok(vec![Node::Branch(items)])
}

fn parse_flags(
    source: &mut Source<'_>,
    state: &mut State,
    first: u32,
) -> PResult<Option<(u32, u32)>> {
    let mut add = 0u32;
    let mut del = 0u32;
    let mut ch = Some(first);
    let is = |c: Option<u32>, x: char| c == Some(x as u32);
    if !is(ch, '-') {
        loop {
            let c = ch.unwrap_or(0);
            let flag = flag_of(c).unwrap_or(0);
            if source.istext {
                if c == b'L' as u32 {
                    return Err(source.error(
                        "bad inline flags: cannot use 'L' flag with a str pattern",
                        0,
                    ));
                }
            } else if c == b'u' as u32 {
                return Err(source.error(
                    "bad inline flags: cannot use 'u' flag with a bytes pattern",
                    0,
                ));
            }
            add |= flag;
            if flag & TYPE_FLAGS != 0 && (add & TYPE_FLAGS) != flag {
                return Err(source.error(
                    "bad inline flags: flags 'a', 'u' and 'L' are incompatible",
                    0,
                ));
            }
            let tok = source.get()?;
            let Some(tok) = tok else {
                return Err(source.error("missing -, : or )", 0));
            };
            ch = Some(tok[0]);
            if tok.len() == 1 && (is(ch, ')') || is(ch, '-') || is(ch, ':')) {
                break;
            }
            if tok.len() != 1 || flag_of(tok[0]).is_none() {
                let alpha =
                    tok.len() == 1 && char::from_u32(tok[0]).is_some_and(char::is_alphabetic);
                let msg = if alpha {
                    "unknown flag"
                } else {
                    "missing -, : or )"
                };
                return Err(source.error(msg, tok.len()));
            }
        }
    }
    if is(ch, ')') {
        state.flags |= add;
        return Ok(None);
    }
    if add & GLOBAL_FLAGS != 0 {
        return Err(source.error("bad inline flags: cannot turn on global flag", 1));
    }
    if is(ch, '-') {
        let tok = source.get()?;
        let Some(tok) = tok else {
            return Err(source.error("missing flag", 0));
        };
        if tok.len() != 1 || flag_of(tok[0]).is_none() {
            let alpha = tok.len() == 1 && char::from_u32(tok[0]).is_some_and(char::is_alphabetic);
            let msg = if alpha {
                "unknown flag"
            } else {
                "missing flag"
            };
            return Err(source.error(msg, tok.len()));
        }
        let mut c = tok[0];
        loop {
            let flag = flag_of(c).unwrap_or(0);
            if flag & TYPE_FLAGS != 0 {
                return Err(source.error(
                    "bad inline flags: cannot turn off flags 'a', 'u' and 'L'",
                    0,
                ));
            }
            del |= flag;
            let tok = source.get()?;
            let Some(tok) = tok else {
                return Err(source.error("missing :", 0));
            };
            if tok.len() == 1 && tok[0] == b':' as u32 {
                break;
            }
            if tok.len() != 1 || flag_of(tok[0]).is_none() {
                let alpha =
                    tok.len() == 1 && char::from_u32(tok[0]).is_some_and(char::is_alphabetic);
                let msg = if alpha { "unknown flag" } else { "missing :" };
                return Err(source.error(msg, tok.len()));
            }
            c = tok[0];
        }
    }
    if del & GLOBAL_FLAGS != 0 {
        return Err(source.error("bad inline flags: cannot turn off global flag", 1));
    }
    if add & del != 0 {
        return Err(source.error("bad inline flags: flag turned on and off", 1));
    }
    Ok(Some((add, del)))
}

fn single(tok: &Option<Vec<u32>>, c: char) -> bool {
    matches!(tok, Some(t) if t.len() == 1 && t[0] == c as u32)
}

fn parse_class(source: &mut Source<'_>) -> PResult<Node> {
    let here = source.tell() - 1;
    let mut set: Vec<SetItem> = Vec::new();
    let negate = source.matches('^')?;
    let to_item = |n: Node| match n {
        Node::Literal(c) => SetItem::Literal(c),
        Node::In(mut v) => v.pop().unwrap_or(SetItem::Negate),
        _ => SetItem::Negate,
    };
    loop {
        let this = source.get()?;
        let Some(this) = this else {
            return Err(source.error("unterminated character set", source.tell() - here));
        };
        if this.len() == 1 && this[0] == b']' as u32 && !set.is_empty() {
            break;
        }
        let code1 = if this.len() == 2 {
            class_escape(source, &this)?
        } else {
            Node::Literal(this[0])
        };
        if source.matches('-')? {
            let that = source.get()?;
            let Some(that) = that else {
                return Err(source.error("unterminated character set", source.tell() - here));
            };
            if that.len() == 1 && that[0] == b']' as u32 {
                set.push(to_item(code1));
                set.push(SetItem::Literal(b'-' as u32));
                break;
            }
            let code2 = if that.len() == 2 {
                class_escape(source, &that)?
            } else {
                Node::Literal(that[0])
            };
            let range_err = |source: &Source<'_>| {
                source.error(
                    format!("bad character range {}-{}", text(&this), text(&that)),
                    this.len() + 1 + that.len(),
                )
            };
            let (Node::Literal(lo), Node::Literal(hi)) = (&code1, &code2) else {
                return Err(range_err(source));
            };
            if hi < lo {
                return Err(range_err(source));
            }
            set.push(SetItem::Range(*lo, *hi));
        } else {
            set.push(to_item(code1));
        }
    }
    let mut uniq: Vec<SetItem> = Vec::new();
    for item in set {
        if !uniq.contains(&item) {
            uniq.push(item);
        }
    }
    if uniq.len() == 1
        && let SetItem::Literal(c) = uniq[0]
    {
        return Ok(if negate {
            Node::NotLiteral(c)
        } else {
            Node::Literal(c)
        });
    }
    if negate {
        uniq.insert(0, SetItem::Negate);
    }
    Ok(Node::In(uniq))
}

fn parse_seq(
    source: &mut Source<'_>,
    state: &mut State,
    mut verbose: bool,
    nested: usize,
    first: bool,
) -> PResult<Vec<Node>> {
    let mut seq: Vec<Node> = Vec::new();
    loop {
        let this = source.next.clone();
        let Some(this) = this else { break };
        if this.len() == 1 && (this[0] == b'|' as u32 || this[0] == b')' as u32) {
            break;
        }
        source.advance()?;
        if verbose {
            if this.len() == 1
                && char::from_u32(this[0]).is_some_and(|c| " \t\n\r\x0b\x0c".contains(c))
            {
                continue;
            }
            if this.len() == 1 && this[0] == b'#' as u32 {
                loop {
                    let t = source.get()?;
                    if t.is_none() || single(&t, '\n') {
                        break;
                    }
                }
                continue;
            }
        }
        if this.len() == 2 {
            let node = escape(source, &this, state)?;
            seq.push(node);
            continue;
        }
        let c = char::from_u32(this[0]).unwrap_or('\u{FFFD}');
        match c {
            '[' => {
                let node = parse_class(source)?;
                seq.push(node);
            }
            '*' | '+' | '?' | '{' => {
                let here = source.tell();
                let (min, max) = match c {
                    '?' => (0, MAXREPEAT),
                    '*' => (0, MAXREPEAT),
                    '+' => (1, MAXREPEAT),
                    _ => {
                        if source.next_is('}') {
                            seq.push(Node::Literal(this[0]));
                            continue;
                        }
                        let mut lo = String::new();
                        let mut hi = String::new();
                        while is_digit(source.next_char()) {
                            lo.push(
                                char::from_u32(source.next_char().unwrap_or(48)).unwrap_or('0'),
                            );
                            source.advance()?;
                        }
                        if source.matches(',')? {
                            while is_digit(source.next_char()) {
                                hi.push(
                                    char::from_u32(source.next_char().unwrap_or(48)).unwrap_or('0'),
                                );
                                source.advance()?;
                            }
                        } else {
                            hi = lo.clone();
                        }
                        if !source.matches('}')? {
                            seq.push(Node::Literal(this[0]));
                            source.seek(here)?;
                            continue;
                        }
                        let too_large = || ReError {
                            msg: "the repetition number is too large".into(),
                            pos: None,
                            kind: ErrKind::Overflow,
                        };
                        let mut min = 0u32;
                        let mut max = MAXREPEAT;
                        if !lo.is_empty() {
                            match lo.parse::<u64>() {
                                Ok(v) if v < MAXREPEAT as u64 => min = v as u32,
                                _ => return Err(too_large()),
                            }
                        }
                        if !hi.is_empty() {
                            match hi.parse::<u64>() {
                                Ok(v) if v < MAXREPEAT as u64 => max = v as u32,
                                _ => return Err(too_large()),
                            }
                            if max < min {
                                return Err(source.error(
                                    "min repeat greater than max repeat",
                                    source.tell() - here,
                                ));
                            }
                        }
                        (min, max)
                    }
                };
                let (min, max) = if c == '?' { (0, 1) } else { (min, max) };
                let offset = source.tell() - here + 1;
                let item = seq.pop();
                let body = match item {
                    None | Some(Node::At(_)) => {
                        return Err(source.error("nothing to repeat", offset));
                    }
                    Some(Node::Repeat { .. }) => {
                        return Err(source.error("multiple repeat", offset));
                    }
                    Some(Node::Group {
                        group: None,
                        add: 0,
                        del: 0,
                        body,
                    }) => body,
                    Some(other) => vec![other],
                };
                let kind = if source.matches('?')? {
                    RepeatKind::Lazy
                } else if source.matches('+')? {
                    RepeatKind::Possessive
                } else {
                    RepeatKind::Greedy
                };
                seq.push(Node::Repeat {
                    kind,
                    min,
                    max,
                    body,
                });
            }
            '.' => seq.push(Node::Any),
            '(' => {
                if let Some(node) =
                    parse_paren(source, state, &mut verbose, nested, first, seq.is_empty())?
                {
                    seq.push(node);
                }
            }
            '^' => seq.push(Node::At(At::Beginning)),
            '$' => seq.push(Node::At(At::End)),
            _ => seq.push(Node::Literal(this[0])),
        }
    }
    // Unpack non-capturing groups without flags.
    let mut out = Vec::with_capacity(seq.len());
    for node in seq {
        match node {
            Node::Group {
                group: None,
                add: 0,
                del: 0,
                body,
            } => out.extend(body),
            other => out.push(other),
        }
    }
    Ok(out)
}

/// Parses what follows `(`; `None` for constructs that add no node (comments, global flags).
fn parse_paren(
    source: &mut Source<'_>,
    state: &mut State,
    verbose: &mut bool,
    nested: usize,
    first: bool,
    seq_empty: bool,
) -> PResult<Option<Node>> {
    if state.depth >= MAX_NESTING {
        return Err(ReError {
            msg: "maximum recursion depth exceeded".into(),
            pos: None,
            kind: ErrKind::Recursion,
        });
    }
    state.depth += 1;
    let r = parse_paren_inner(source, state, verbose, nested, first, seq_empty);
    state.depth -= 1;
    r
}

fn parse_paren_inner(
    source: &mut Source<'_>,
    state: &mut State,
    verbose: &mut bool,
    nested: usize,
    first: bool,
    seq_empty: bool,
) -> PResult<Option<Node>> {
    let start = source.tell() - 1;
    let mut capture = true;
    let mut atomic = false;
    let mut name: Option<String> = None;
    let mut add = 0;
    let mut del = 0;
    if source.matches('?')? {
        let ch = source.get()?;
        let Some(ch) = ch else {
            return Err(source.error("unexpected end of pattern", 0));
        };
        let c = if ch.len() == 1 {
            char::from_u32(ch[0]).unwrap_or('\u{FFFD}')
        } else {
            '\\'
        };
        match c {
            'P' => {
                if source.matches('<')? {
                    let n = source.getuntil('>', "group name")?;
                    source.check_group_name(&n, 1)?;
                    name = Some(n);
                } else if source.matches('=')? {
                    let n = source.getuntil(')', "group name")?;
                    source.check_group_name(&n, 1)?;
                    let len = n.chars().count();
                    let Some(gid) = state.group_index(&n) else {
                        return Err(
                            source.error(format!("unknown group name {}", py_repr(&n)), len + 1)
                        );
                    };
                    if !state.check_group(gid) {
                        return Err(source.error("cannot refer to an open group", len + 1));
                    }
                    state.check_lookbehind_group(gid, source)?;
                    return Ok(Some(Node::GroupRef(gid)));
                } else {
                    let ch = source.get()?;
                    let Some(ch) = ch else {
                        return Err(source.error("unexpected end of pattern", 0));
                    };
                    return Err(
                        source.error(format!("unknown extension ?P{}", text(&ch)), ch.len() + 2)
                    );
                }
            }
            ':' => capture = false,
            '#' => {
                loop {
                    if source.next.is_none() {
                        return Err(
                            source.error("missing ), unterminated comment", source.tell() - start)
                        );
                    }
                    if single(&source.get()?, ')') {
                        break;
                    }
                }
                return Ok(None);
            }
            '=' | '!' | '<' => {
                let mut behind = false;
                let mut kind = c;
                let saved_lookbehind = state.lookbehind_groups;
                if c == '<' {
                    let ch2 = source.get()?;
                    let Some(ch2) = ch2 else {
                        return Err(source.error("unexpected end of pattern", 0));
                    };
                    let c2 = if ch2.len() == 1 {
                        char::from_u32(ch2[0]).unwrap_or('\u{FFFD}')
                    } else {
                        '\\'
                    };
                    if c2 != '=' && c2 != '!' {
                        return Err(source
                            .error(format!("unknown extension ?<{}", text(&ch2)), ch2.len() + 2));
                    }
                    kind = c2;
                    behind = true;
                    if saved_lookbehind.is_none() {
                        state.lookbehind_groups = Some(state.groups());
                    }
                }
                let body = parse_sub(source, state, *verbose, nested + 1)?;
                if behind && saved_lookbehind.is_none() {
                    state.lookbehind_groups = None;
                }
                if !source.matches(')')? {
                    return Err(
                        source.error("missing ), unterminated subpattern", source.tell() - start)
                    );
                }
                return Ok(Some(Node::Assert {
                    behind,
                    negate: kind == '!',
                    body,
                }));
            }
            '(' => {
                let condname = source.getuntil(')', "group name")?;
                let len = condname.chars().count();
                let group = if is_identifier(&condname) {
                    match state.group_index(&condname) {
                        Some(g) => g,
                        None => {
                            return Err(source.error(
                                format!("unknown group name {}", py_repr(&condname)),
                                len + 1,
                            ));
                        }
                    }
                } else {
                    let parsed =
                        if !condname.is_empty() && condname.chars().all(|c| c.is_ascii_digit()) {
                            condname.parse::<usize>().ok()
                        } else {
                            None
                        };
                    let Some(g) = parsed else {
                        return Err(source.error(
                            format!("bad character in group name {}", py_repr(&condname)),
                            len + 1,
                        ));
                    };
                    if g == 0 {
                        return Err(source.error("bad group number", len + 1));
                    }
                    if g >= MAXGROUPS {
                        return Err(source.error(format!("invalid group reference {g}"), len + 1));
                    }
                    if !state.groupref_pos.iter().any(|(k, _)| *k == g) {
                        state.groupref_pos.push((g, source.tell() - len - 1));
                    }
                    g
                };
                state.check_lookbehind_group(group, source)?;
                let yes = parse_seq(source, state, *verbose, nested + 1, false)?;
                let no = if source.matches('|')? {
                    let no = parse_seq(source, state, *verbose, nested + 1, false)?;
                    if source.next_is('|') {
                        return Err(
                            source.error("conditional backref with more than two branches", 0)
                        );
                    }
                    Some(no)
                } else {
                    None
                };
                if !source.matches(')')? {
                    return Err(
                        source.error("missing ), unterminated subpattern", source.tell() - start)
                    );
                }
                return Ok(Some(Node::GroupRefExists { group, yes, no }));
            }
            '>' => {
                capture = false;
                atomic = true;
            }
            _ if ch.len() == 1 && (flag_of(ch[0]).is_some() || c == '-') => {
                match parse_flags(source, state, ch[0])? {
                    None => {
                        if !first || !seq_empty {
                            return Err(source.error(
                                "global flags not at the start of the expression",
                                source.tell() - start,
                            ));
                        }
                        *verbose = state.flags & flags::VERBOSE != 0;
                        return Ok(None);
                    }
                    Some((a, d)) => {
                        add = a;
                        del = d;
                        capture = false;
                    }
                }
            }
            _ => {
                return Err(source.error(format!("unknown extension ?{}", text(&ch)), ch.len() + 1));
            }
        }
    }
    let group = if capture {
        match state.open_group(name.as_deref()) {
            Ok(g) => Some(g),
            Err(msg) => {
                let len = name.as_ref().map_or(0, |n| n.chars().count());
                return Err(source.error(msg, len + 1));
            }
        }
    } else {
        None
    };
    let sub_verbose = (*verbose || add & flags::VERBOSE != 0) && del & flags::VERBOSE == 0;
    let body = parse_sub(source, state, sub_verbose, nested + 1)?;
    if !source.matches(')')? {
        return Err(source.error("missing ), unterminated subpattern", source.tell() - start));
    }
    if let Some(g) = group {
        state.widths[g] = Some(width(&body, &state.widths));
    }
    if atomic {
        return Ok(Some(Node::Atomic(body)));
    }
    Ok(Some(Node::Group {
        group,
        add,
        del,
        body,
    }))
}

/// Checks and completes `flags` for a str (`istext`) or bytes pattern, as CPython does.
pub fn fix_flags(istext: bool, mut f: u32) -> PResult<u32> {
    let value_err = |m: &str| ReError {
        msg: m.into(),
        pos: None,
        kind: ErrKind::Value,
    };
    if istext {
        if f & flags::LOCALE != 0 {
            return Err(value_err("cannot use LOCALE flag with a str pattern"));
        }
        if f & flags::ASCII == 0 {
            f |= flags::UNICODE;
        } else if f & flags::UNICODE != 0 {
            return Err(value_err("ASCII and UNICODE flags are incompatible"));
        }
    } else {
        if f & flags::UNICODE != 0 {
            return Err(value_err("cannot use UNICODE flag with a bytes pattern"));
        }
        if f & flags::LOCALE != 0 && f & flags::ASCII != 0 {
            return Err(value_err("ASCII and LOCALE flags are incompatible"));
        }
    }
    Ok(f)
}

/// Parses `pattern` (code points; bytes as 0..=255) with the given flags.
pub fn parse(pattern: &[u32], istext: bool, initial_flags: u32) -> PResult<Parsed> {
    let mut source = Source::new(pattern, istext)?;
    let mut state = State {
        flags: initial_flags,
        names: Vec::new(),
        widths: vec![None],
        lookbehind_groups: None,
        groupref_pos: Vec::new(),
        depth: 0,
    };
    let nodes = parse_sub(
        &mut source,
        &mut state,
        initial_flags & flags::VERBOSE != 0,
        0,
    )?;
    state.flags = fix_flags(istext, state.flags)?;
    if source.next.is_some() {
        return Err(source.error("unbalanced parenthesis", 0));
    }
    for (g, pos) in &state.groupref_pos {
        if *g >= state.groups() {
            return Err(ReError {
                msg: format!("invalid group reference {g}"),
                pos: Some(*pos),
                kind: ErrKind::Re,
            });
        }
    }
    let group_widths = state.widths.iter().map(|w| w.unwrap_or((0, 0))).collect();
    Ok(Parsed {
        nodes,
        flags: state.flags,
        groups: state.groups(),
        names: state.names,
        group_widths,
    })
}
