"""json.encoder: JSONEncoder (the encoding loop itself is in _json)."""

import _json

__all__ = ['JSONEncoder']

encode_basestring = _json.encode_basestring
encode_basestring_ascii = _json.encode_basestring_ascii
INFINITY = float('inf')


class JSONEncoder(object):
    """Encodes Python values as JSON text: dict -> object, list/tuple -> array,
    str -> string, int/float -> number, True/False -> true/false, None -> null; any
    other object goes through default(), which subclasses override."""

    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """Called for objects JSON cannot represent; return something it can, or raise."""
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        """The JSON text of o, as one str."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        """The JSON text of o as an iterable of str chunks."""
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        return [_json.encode(o, self.check_circular, self.default, self.ensure_ascii,
                             indent, self.key_separator, self.item_separator,
                             self.sort_keys, self.skipkeys, self.allow_nan)]
