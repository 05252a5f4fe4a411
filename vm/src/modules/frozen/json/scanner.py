"""json.scanner: make_scanner(context) returns the scan_once(string, idx) callable that
JSONDecoder uses (backed by _json)."""

import _json

__all__ = ['make_scanner']


class make_scanner(object):
    """scan_once(string, idx) -> (value, end) with the options of a JSONDecoder."""

    def __init__(self, context):
        self._context = context
        self.strict = context.strict
        self.object_hook = context.object_hook
        self.object_pairs_hook = context.object_pairs_hook
        self.parse_float = context.parse_float
        self.parse_int = context.parse_int
        self.parse_constant = context.parse_constant

    def __call__(self, string, idx):
        return _json.scan_once(self, string, idx)


py_make_scanner = make_scanner
c_make_scanner = make_scanner
