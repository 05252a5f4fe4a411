"""String constants, capwords, $-substitution templates (Template) and the customisable
str.format engine (Formatter)."""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = " \t\n\r\x0b\x0c"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Splits s on sep, capitalizes each word and joins them with sep (or a space)."""
    return (sep or " ").join(map(str.capitalize, s.split(sep)))


_sentinel_dict = {}
_DEFAULT_IDPATTERN = r"(?a:[_a-z][_a-z0-9]*)"
_ID_START = "_" + ascii_letters
_ID_CHARS = _ID_START + digits


class _Match:
    """One placeholder found in a template: its kind, name and span."""
    __slots__ = ("kind", "name", "start", "end", "invalid_at", "text")

    def __init__(self, kind, name, start, end, invalid_at, text):
        self.kind = kind
        self.name = name
        self.start = start
        self.end = end
        self.invalid_at = invalid_at
        self.text = text


class Template:
    """A string with $-placeholders: $name, ${name}, and $$ for a literal $."""

    delimiter = "$"
    idpattern = _DEFAULT_IDPATTERN
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    def _placeholders(self):
        """Yields the placeholders in order (the default identifier syntax)."""
        cls = type(self)
        if cls.idpattern != _DEFAULT_IDPATTERN or cls.braceidpattern is not None:
            raise NotImplementedError("custom Template.idpattern needs the re module")
        text = self.template
        delim = cls.delimiter
        n = len(delim)
        i = text.find(delim)
        while i >= 0:
            j = i + n
            if text.startswith(delim, j):
                yield _Match("escaped", None, i, j + n, None, text[i:j + n])
                i = text.find(delim, j + n)
                continue
            if j < len(text) and text[j] in _ID_START:
                k = j + 1
                while k < len(text) and text[k] in _ID_CHARS:
                    k += 1
                yield _Match("named", text[j:k], i, k, None, text[i:k])
                i = text.find(delim, k)
                continue
            if text.startswith("{", j) and j + 1 < len(text) and text[j + 1] in _ID_START:
                k = j + 2
                while k < len(text) and text[k] in _ID_CHARS:
                    k += 1
                if text.startswith("}", k):
                    yield _Match("braced", text[j + 1:k], i, k + 1, None, text[i:k + 1])
                    i = text.find(delim, k + 1)
                    continue
            yield _Match("invalid", None, i, j, j, text[i:j])
            i = text.find(delim, j)

    def _invalid(self, match):
        i = match.invalid_at
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len("".join(lines[:-1]))
            lineno = len(lines)
        raise ValueError(f"Invalid placeholder in string: line {lineno}, col {colno}")

    def _render(self, convert):
        parts = []
        pos = 0
        for m in self._placeholders():
            parts.append(self.template[pos:m.start])
            parts.append(convert(m))
            pos = m.end
        parts.append(self.template[pos:])
        return "".join(parts)

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            from collections import ChainMap
            mapping = ChainMap(kws, mapping)

        def convert(m):
            if m.kind in ("named", "braced"):
                return str(mapping[m.name])
            if m.kind == "escaped":
                return self.delimiter
            self._invalid(m)
        return self._render(convert)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            from collections import ChainMap
            mapping = ChainMap(kws, mapping)

        def convert(m):
            if m.kind in ("named", "braced"):
                try:
                    return str(mapping[m.name])
                except KeyError:
                    return m.text
            if m.kind == "escaped":
                return self.delimiter
            return m.text
        return self._render(convert)

    def is_valid(self):
        return all(m.kind != "invalid" for m in self._placeholders())

    def get_identifiers(self):
        ids = []
        for m in self._placeholders():
            if m.kind in ("named", "braced") and m.name not in ids:
                ids.append(m.name)
        return ids


def _parse_format(text):
    """Splits a format string into (literal, field_name, format_spec, conversion)."""
    n = len(text)
    i = 0
    literal = []
    while i < n:
        c = text[i]
        if c == "}":
            if i + 1 < n and text[i + 1] == "}":
                literal.append("}")
                yield "".join(literal), None, None, None
                literal = []
                i += 2
                continue
            raise ValueError("Single '}' encountered in format string")
        if c != "{":
            literal.append(c)
            i += 1
            continue
        if i + 1 < n and text[i + 1] == "{":
            literal.append("{")
            yield "".join(literal), None, None, None
            literal = []
            i += 2
            continue
        if i + 1 >= n:
            raise ValueError("Single '{' encountered in format string")
        # A replacement field: find its closing brace (specs may nest fields).
        depth = 1
        j = i + 1
        in_brackets = False
        field_end = None
        conversion = None
        spec_start = None
        while j < n:
            ch = text[j]
            if field_end is None:
                if ch == "[":
                    in_brackets = True
                elif ch == "]":
                    in_brackets = False
                elif not in_brackets and ch in "!:":
                    field_end = j
                    if ch == "!":
                        if j + 1 >= n:
                            raise ValueError("end of string while looking for "
                                             "conversion specifier")
                        conversion = text[j + 1]
                        j += 2
                        if j < n and text[j] == ":":
                            spec_start = j + 1
                        elif j < n and text[j] == "}":
                            spec_start = j
                            depth = 0
                            break
                        else:
                            raise ValueError("expected ':' after conversion specifier")
                    else:
                        spec_start = j + 1
                    j = spec_start
                    continue
                elif not in_brackets and ch == "{":
                    raise ValueError("unexpected '{' in field name")
                elif not in_brackets and ch == "}":
                    field_end = j
                    spec_start = j
                    depth = 0
                    break
                j += 1
                continue
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        if depth != 0:
            raise ValueError("expected '}' before end of string")
        field_name = text[i + 1:field_end]
        spec = text[spec_start:j]
        yield "".join(literal), field_name, spec, conversion
        literal = []
        i = j + 1
    if literal:
        yield "".join(literal), None, None, None


def _split_field_name(name):
    """('first', [(is_attribute, key), ...]) for a field name like 'a.b[0]'."""
    i = 0
    n = len(name)
    while i < n and name[i] not in ".[":
        i += 1
    first = name[:i]
    if first.isdigit():
        first = int(first)
    rest = []
    while i < n:
        c = name[i]
        if c == ".":
            j = i + 1
            while j < n and name[j] not in ".[":
                j += 1
            attr = name[i + 1:j]
            if not attr:
                raise ValueError("Empty attribute in format string")
            rest.append((True, attr))
            i = j
        elif c == "[":
            j = name.find("]", i + 1)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = name[i + 1:j]
            if not key:
                raise ValueError("Empty attribute in format string")
            rest.append((False, int(key) if key.isdigit() else key))
            i = j + 1
            if i < n and name[i] not in ".[":
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    return first, rest


class Formatter:
    """The str.format engine with overridable steps (parse, get_field, get_value,
    convert_field, format_field, check_unused_args)."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError("Max string recursion exceeded")
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is None:
                continue
            if field_name == "":
                if auto_arg_index is False:
                    raise ValueError("cannot switch from manual field specification "
                                     "to automatic field numbering")
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    # (CPython reports this case with the same words as the other.)
                    raise ValueError("cannot switch from manual field specification "
                                     "to automatic field numbering")
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs, used_args, recursion_depth - 1,
                auto_arg_index=auto_arg_index)
            result.append(self.format_field(obj, format_spec))
        return "".join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == "s":
            return str(value)
        if conversion == "r":
            return repr(value)
        if conversion == "a":
            return ascii(value)
        raise ValueError(f"Unknown conversion specifier {conversion!s}")

    def parse(self, format_string):
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, key in rest:
            obj = getattr(obj, key) if is_attr else obj[key]
        return obj, first
