"""json.decoder: JSONDecoder and JSONDecodeError (the scanning itself is in _json)."""

import _json
from json import scanner

__all__ = ['JSONDecoder', 'JSONDecodeError']

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')

_CONSTANTS = {
    '-Infinity': NegInf,
    'Infinity': PosInf,
    'NaN': NaN,
}

scanstring = _json.scanstring


class JSONDecodeError(ValueError):
    """A ValueError for a malformed JSON document, with msg, doc, pos, lineno, colno."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        ValueError.__init__(self, '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


class JSONDecoder(object):
    """Decodes JSON text into Python values (object -> dict, array -> list, string -> str,
    integer -> int, real -> float, true/false -> True/False, null -> None), with hooks
    for objects, pairs, numbers and the NaN/Infinity constants."""

    def __init__(self, *, object_hook=None, parse_float=None,
                 parse_int=None, parse_constant=None, strict=True,
                 object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.memo = {}
        self.scan_once = scanner.make_scanner(self)

    def decode(self, s, _w=None):
        """The Python value of the JSON document s (whitespace around it allowed)."""
        if not isinstance(s, str):
            raise TypeError(f"expected string or bytes-like object, got '{type(s).__name__}'")
        return _json.decode(self, s)

    def raw_decode(self, s, idx=0):
        """Decode the JSON value starting at s[idx]; returns (value, end index)."""
        return _json.raw_decode(self, s, idx)
