"""Regular expressions with Python's syntax and semantics. Patterns are parsed and
compiled to SRE code by the Rust module _sre, which also runs the matching engine;
this package holds the public API, the Pattern and Match classes, flags, the compile
cache and replacement templates."""

import enum

import _sre

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag", "PatternError",
]

__version__ = "2.2.1"

_MAXSIZE = 9223372036854775807

class RegexFlag(enum.IntFlag, boundary=enum.KEEP):
    """The re flags: an IntFlag whose members are also module globals (re.I|re.M)."""

    NOFLAG = 0
    ASCII = A = 256
    IGNORECASE = I = 2
    LOCALE = L = 4
    UNICODE = U = 32
    MULTILINE = M = 8
    DOTALL = S = 16
    VERBOSE = X = 64
    DEBUG = 128
    __str__ = object.__str__
    _numeric_repr_ = hex


# global_enum: reprs read re.IGNORECASE, and every member becomes a module global.
RegexFlag = enum.global_enum(RegexFlag)


class PatternError(Exception):
    """A regular expression that is not valid: msg, pattern, pos, lineno, colno."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            if isinstance(pattern, str):
                newline = '\n'
            else:
                newline = b'\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


error = PatternError

# Flag names in the order Pattern reprs list them.
_REPR_FLAGS = (
    ("re.IGNORECASE", 2), ("re.LOCALE", 4), ("re.MULTILINE", 8), ("re.DOTALL", 16),
    ("re.UNICODE", 32), ("re.VERBOSE", 64), ("re.DEBUG", 128), ("re.ASCII", 256),
)


def _index(v):
    if isinstance(v, int):
        return v
    return v.__index__()


class Pattern:
    """A compiled regular expression."""

    __slots__ = ("pattern", "flags", "groups", "groupindex", "_code", "_istext")

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 're.Pattern' instances")

    def _check(self, string):
        if self._istext:
            if not isinstance(string, str):
                if isinstance(string, (bytes, bytearray, memoryview)):
                    raise TypeError("cannot use a string pattern on a bytes-like object")
                raise TypeError("expected string or bytes-like object, got %r"
                                % type(string).__name__)
        else:
            if isinstance(string, str):
                raise TypeError("cannot use a bytes pattern on a string-like object")
            if not isinstance(string, (bytes, bytearray, memoryview)):
                raise TypeError("expected string or bytes-like object, got %r"
                                % type(string).__name__)

    def _run(self, string, pos, endpos, mode):
        self._check(string)
        pos = _index(pos)
        endpos = _index(endpos)
        n = len(string)
        if pos < 0:
            pos = 0
        elif pos > n:
            pos = n
        if endpos < 0:
            endpos = 0
        elif endpos > n:
            endpos = n
        regs = _sre.match(self._code, string, pos, endpos, mode, self.groups)
        if regs is None:
            return None
        return _new_match(self, string, pos, endpos, regs)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        """Match at the start of string[pos:endpos]; a Match or None."""
        return self._run(string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        """Match all of string[pos:endpos]; a Match or None."""
        return self._run(string, pos, endpos, 1)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        """The first match anywhere in string[pos:endpos]; a Match or None."""
        return self._run(string, pos, endpos, 2)

    def _scan(self, string, pos, endpos, limit):
        self._check(string)
        pos = _index(pos)
        endpos = _index(endpos)
        n = len(string)
        if pos < 0:
            pos = 0
        elif pos > n:
            pos = n
        if endpos < 0:
            endpos = 0
        elif endpos > n:
            endpos = n
        return pos, endpos, _sre.scan(self._code, string, pos, endpos, limit, self.groups)

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        """An iterator over the non-overlapping matches in string."""
        pos, endpos, found = self._scan(string, pos, endpos, 0)
        return iter([_new_match(self, string, pos, endpos, regs) for regs in found])

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        """The non-overlapping matches as a list of strings (or tuples of groups)."""
        pos, endpos, found = self._scan(string, pos, endpos, 0)
        groups = self.groups
        empty = string[:0]
        result = []
        if groups == 0:
            for regs in found:
                result.append(string[regs[1]:regs[2]])
        elif groups == 1:
            for regs in found:
                a = regs[3]
                result.append(string[a:regs[4]] if a >= 0 else empty)
        else:
            for regs in found:
                item = []
                for g in range(1, groups + 1):
                    a = regs[2 * g + 1]
                    item.append(string[a:regs[2 * g + 2]] if a >= 0 else empty)
                result.append(tuple(item))
        return result

    def split(self, string, maxsplit=0):
        """Split string by the occurrences of the pattern (groups are kept)."""
        maxsplit = _index(maxsplit)
        if maxsplit < 0:
            return [string[:]] if not isinstance(string, str) else [string]
        pos, endpos, found = self._scan(string, 0, _MAXSIZE, maxsplit)
        groups = self.groups
        result = []
        last = 0
        for regs in found:
            result.append(string[last:regs[1]])
            for g in range(1, groups + 1):
                a = regs[2 * g + 1]
                result.append(string[a:regs[2 * g + 2]] if a >= 0 else None)
            last = regs[2]
        result.append(string[last:])
        return result

    def _subx(self, repl, string, count):
        count = _index(count)
        if count < 0:
            count = 0
        if callable(repl):
            template = None
        else:
            template = _compile_template(self, repl)
            if len(template) == 1:
                literal = template[0]
                template = None
                repl = None
        pos, endpos, found = self._scan(string, 0, _MAXSIZE, count)
        if not found:
            return string[:], 0
        pieces = []
        last = 0
        for regs in found:
            start = regs[1]
            if last < start:
                pieces.append(string[last:start])
            if template is not None:
                value = _expand(template, string, regs)
            elif repl is None:
                value = literal
            else:
                value = repl(_new_match(self, string, pos, endpos, regs))
            if value is not None and (value or not isinstance(value, (str, bytes))):
                pieces.append(value)
            last = regs[2]
        if last < len(string):
            pieces.append(string[last:])
        return string[:0].join(pieces), len(found)

    def sub(self, repl, string, count=0):
        """string with the matches replaced by repl (a template or a callable)."""
        return self._subx(repl, string, count)[0]

    def subn(self, repl, string, count=0):
        """(new string, number of substitutions), as sub()."""
        return self._subx(repl, string, count)

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        return _Scanner(self, string, pos, endpos)

    def __repr__(self):
        flags = self.flags
        if self._istext and (flags & (4 | 32 | 256)) == 32:
            flags &= ~32
        names = []
        for name, bit in _REPR_FLAGS:
            if flags & bit:
                names.append(name)
                flags &= ~bit
        if flags:
            names.append(hex(flags))
        text = repr(self.pattern)[:200]
        if names:
            return "re.compile(%s, %s)" % (text, "|".join(names))
        return "re.compile(%s)" % text

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return (self.pattern == other.pattern and self.flags == other.flags
                and self._istext == other._istext)

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return _compile, (self.pattern, self.flags)

    @classmethod
    def __class_getitem__(cls, item):
        return cls


class _Scanner:
    def __init__(self, pattern, string, pos, endpos):
        self.pattern = pattern
        self._string = string
        self._pos = pos
        self._endpos = endpos

    def match(self):
        m = self.pattern.match(self._string, self._pos, self._endpos)
        if m is not None:
            self._pos = m.end() if m.end() > m.start() else m.end() + 1
        return m

    def search(self):
        m = self.pattern.search(self._string, self._pos, self._endpos)
        if m is not None:
            self._pos = m.end() if m.end() > m.start() else m.end() + 1
        return m


class Match:
    """The result of a successful match: groups, spans and the subject."""

    __slots__ = ("string", "re", "pos", "endpos", "lastindex", "_regs")

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 're.Match' instances")

    def _gindex(self, g):
        if isinstance(g, int):
            if 0 <= g <= self.re.groups:
                return g
            raise IndexError("no such group")
        if isinstance(g, str):
            idx = self.re.groupindex.get(g)
            if idx is not None:
                return idx
            raise IndexError("no such group")
        try:
            g = g.__index__()
        except (AttributeError, TypeError):
            raise IndexError("no such group") from None
        if 0 <= g <= self.re.groups:
            return g
        raise IndexError("no such group")

    def _get(self, g, default=None):
        regs = self._regs
        a = regs[2 * g + 1]
        if a < 0:
            return default
        return self.string[a:regs[2 * g + 2]]

    def group(self, *args):
        """One group (by number or name), or a tuple of several; group 0 by default."""
        if not args:
            regs = self._regs
            return self.string[regs[1]:regs[2]]
        if len(args) == 1:
            return self._get(self._gindex(args[0]))
        return tuple(self._get(self._gindex(g)) for g in args)

    def __getitem__(self, g):
        return self._get(self._gindex(g))

    def groups(self, default=None):
        """All the capturing groups, as a tuple (default for those that did not match)."""
        return tuple(self._get(g, default) for g in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        """The named groups, as a dict."""
        return {name: self._get(idx, default) for name, idx in self.re.groupindex.items()}

    def start(self, group=0):
        """Where the group starts (-1 if it did not match)."""
        return self._regs[2 * self._gindex(group) + 1]

    def end(self, group=0):
        """Where the group ends (-1 if it did not match)."""
        return self._regs[2 * self._gindex(group) + 2]

    def span(self, group=0):
        """(start, end) of the group."""
        g = self._gindex(group)
        return (self._regs[2 * g + 1], self._regs[2 * g + 2])

    @property
    def regs(self):
        regs = self._regs
        return tuple((regs[2 * g + 1], regs[2 * g + 2]) for g in range(self.re.groups + 1))

    @property
    def lastgroup(self):
        last = self.lastindex
        if last is None:
            return None
        for name, idx in self.re.groupindex.items():
            if idx == last:
                return name
        return None

    def expand(self, template):
        """template with its group references replaced by this match's groups."""
        return _expand(_compile_template(self.re, template), self.string, self._regs)

    def __repr__(self):
        regs = self._regs
        return "<re.Match object; span=(%d, %d), match=%s>" % (
            regs[1], regs[2], repr(self.string[regs[1]:regs[2]])[:50])

    def __bool__(self):
        return True

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @classmethod
    def __class_getitem__(cls, item):
        return cls


def _new_match(pattern, string, pos, endpos, regs):
    m = object.__new__(Match)
    m.string = string
    m.re = pattern
    m.pos = pos
    m.endpos = endpos
    last = regs[0]
    m.lastindex = last if last >= 0 else None
    m._regs = regs
    return m


# --- replacement templates ---

_template_cache = {}


def _template_error(msg, template, pos):
    return PatternError(msg, template, pos)


def _compile_template(pattern, repl):
    key = (pattern.pattern, pattern.flags, pattern._istext, type(repl), repl)
    cached = _template_cache.get(key)
    if cached is not None:
        return cached
    result = _parse_template(pattern, repl)
    if len(_template_cache) >= 512:
        _template_cache.clear()
    _template_cache[key] = result
    return result


_ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t",
            "v": "\v", "\\": "\\"}


def _parse_template(pattern, repl):
    """A list alternating literal pieces and group numbers: [lit, g, lit, g, ..., lit]."""
    if isinstance(repl, str):
        text = repl
        istext = True
    else:
        text = str(bytes(repl), "latin1")
        istext = False
    groups = pattern.groups
    groupindex = pattern.groupindex
    out = []
    literal = []
    n = len(text)
    i = 0

    def err(msg, pos):
        return PatternError(msg, repl, pos)

    def addgroup(index, pos):
        if index > groups:
            raise err("invalid group reference %d" % index, pos)
        out.append("".join(literal))
        literal.clear()
        out.append(index)

    while i < n:
        c = text[i]
        if c != "\\":
            literal.append(c)
            i += 1
            continue
        if i + 1 >= n:
            raise err("bad escape (end of pattern)", n - 1)
        c = text[i + 1]
        start = i
        i += 2
        if c == "g":
            if i >= n or text[i] != "<":
                raise err("missing <", i)
            j = text.find(">", i + 1)
            if j < 0:
                name = text[i + 1:]
                if not name:
                    raise err("missing group name", i + 1)
                raise err("missing >, unterminated name", i + 1)
            name = text[i + 1:j]
            if not name:
                raise err("missing group name", i + 1)
            i = j + 1
            if name.isidentifier():
                if name not in groupindex:
                    raise IndexError("unknown group name %r" % name)
                index = groupindex[name]
            else:
                if not (name.isdecimal() and name.isascii()):
                    raise err("bad character in group name %r" % name, j - len(name))
                index = int(name)
                if index >= _sre.MAXGROUPS:
                    raise err("invalid group reference %d" % index, j - len(name))
            addgroup(index, j - len(name))
        elif c == "0":
            digits = c
            while len(digits) < 3 and i < n and text[i] in "01234567":
                digits += text[i]
                i += 1
            literal.append(chr(int(digits, 8) & 0xff))
        elif c in "123456789":
            digits = c
            isoctal = False
            if i < n and text[i] in "0123456789":
                digits += text[i]
                i += 1
                if (c in "01234567" and digits[1] in "01234567" and i < n
                        and text[i] in "01234567"):
                    digits += text[i]
                    i += 1
                    isoctal = True
                    value = int(digits, 8)
                    if value > 0o377:
                        raise err("octal escape value \\%s outside of range 0-0o377"
                                  % digits, start)
                    literal.append(chr(value))
            if not isoctal:
                addgroup(int(digits), start + 1)
        elif c in _ESCAPES:
            literal.append(_ESCAPES[c])
        elif c in _ASCII_LETTERS:
            raise err("bad escape \\%s" % c, start)
        else:
            literal.append("\\" + c)
    out.append("".join(literal))
    if not istext:
        out = [p.encode("latin1") if isinstance(p, str) else p for p in out]
    return out


def _expand(template, string, regs):
    if len(template) == 1:
        return template[0]
    empty = string[:0]
    pieces = []
    for k, item in enumerate(template):
        if k % 2 == 0:
            pieces.append(item)
        else:
            a = regs[2 * item + 1]
            if a >= 0:
                pieces.append(string[a:regs[2 * item + 2]])
    result = empty.join(pieces)
    if not isinstance(string, str) and not isinstance(result, bytes):
        result = bytes(result)
    return result


# --- module-level API ---

_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    key = (type(pattern), pattern, flags)
    try:
        return _cache[key]
    except KeyError:
        pass
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if isinstance(pattern, str):
        istext = True
    elif isinstance(pattern, (bytes, bytearray, memoryview)):
        istext = False
    else:
        raise TypeError("first argument must be string or compiled pattern")
    flags = _index(flags)
    code, final_flags, groups, groupindex = _sre.compile(pattern, flags, PatternError)
    p = object.__new__(Pattern)
    p.pattern = pattern
    p.flags = final_flags
    p.groups = groups
    p.groupindex = groupindex
    p._code = code
    p._istext = istext
    if isinstance(pattern, (str, bytes)):
        if len(_cache) >= _MAXCACHE:
            try:
                del _cache[next(iter(_cache))]
            except (StopIteration, RuntimeError, KeyError):
                pass
        _cache[key] = p
    return p


def compile(pattern, flags=0):
    """Compile a regular expression pattern into a Pattern object."""
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    """Match the pattern at the start of string; a Match or None."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Match the pattern against all of string; a Match or None."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """The first match of the pattern anywhere in string; a Match or None."""
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """string with the non-overlapping matches of pattern replaced by repl."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """(new string, number of substitutions made), as sub()."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Split string by the occurrences of pattern."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """All non-overlapping matches in string, as strings or tuples of groups."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """An iterator over Match objects for the non-overlapping matches."""
    return _compile(pattern, flags).finditer(string)


def purge():
    """Clear the regular expression caches."""
    _cache.clear()
    _template_cache.clear()


_special_chars_map = {i: '\\' + chr(i) for i in b'()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}


def escape(pattern):
    """Escape the special characters of a string (or bytes)."""
    if isinstance(pattern, str):
        return pattern.translate(_special_chars_map)
    pattern = str(pattern, 'latin1')
    return pattern.translate(_special_chars_map).encode('latin1')
