"""Introspection of deferred annotations (PEP 649/749), Pyrite's own implementation.

Supported: Format (VALUE, VALUE_WITH_FAKE_GLOBALS, FORWARDREF, STRING as values),
get_annotations() and call_annotate_function() for Format.VALUE (with eval_str),
get_annotate_from_class_namespace() and type_repr(). The FORWARDREF and STRING formats
work only with hand-written __annotate__ functions that support them: evaluating a
compiler-generated __annotate__ with fake globals is not implemented yet.
"""

import sys

__all__ = [
    "Format",
    "call_annotate_function",
    "get_annotate_from_class_namespace",
    "get_annotations",
    "type_repr",
]


class Format(int):
    """The formats an __annotate__ function can be asked for (an int, like IntEnum)."""

    _members = {}
    _names = {}

    def __new__(cls, value):
        member = cls._members.get(value)
        if member is None:
            raise ValueError(f"{value!r} is not a valid Format")
        return member

    @classmethod
    def _define(cls, name, value):
        member = int.__new__(cls, value)
        cls._names[value] = name
        cls._members[value] = member
        setattr(cls, name, member)
        return member

    @property
    def name(self):
        return Format._names[int(self)]

    @property
    def value(self):
        return int(self)

    def __repr__(self):
        return f"<Format.{self.name}: {int(self)}>"

    __str__ = int.__repr__

    def __reduce__(self):
        return (Format, (int(self),))


Format._define("VALUE", 1)
Format._define("VALUE_WITH_FAKE_GLOBALS", 2)
Format._define("FORWARDREF", 3)
Format._define("STRING", 4)

def _unsupported_format(format):
    raise NotImplementedError(
        f"Pyrite's annotationlib cannot evaluate this __annotate__ function "
        f"for {Format(format)!r} yet"
    )


def call_annotate_function(annotate, format, *, owner=None):
    """Calls an __annotate__ function for `format` and returns its dict."""
    if format == Format.VALUE_WITH_FAKE_GLOBALS:
        raise ValueError("The VALUE_WITH_FAKE_GLOBALS format is for internal use only")
    try:
        return annotate(format)
    except NotImplementedError:
        if format == Format.VALUE:
            raise
    _unsupported_format(format)


def get_annotate_from_class_namespace(obj):
    """The __annotate__ function stored in a class namespace (a mapping), or None."""
    try:
        return obj["__annotate__"]
    except KeyError:
        return obj.get("__annotate_func__", None)


def _dunder_annotations(obj):
    if isinstance(obj, type):
        try:
            ann = obj.__annotations__
        except AttributeError:
            return None
    else:
        ann = getattr(obj, "__annotations__", None)
        if ann is None:
            return None
    if not isinstance(ann, dict):
        raise ValueError(f"{obj!r}.__annotations__ is neither a dict nor None")
    return ann


def _dunder_annotate(obj):
    if isinstance(obj, type):
        try:
            return obj.__annotate__
        except AttributeError:
            return None
    return getattr(obj, "__annotate__", None)


def _call_annotate_of(obj, format):
    annotate = _dunder_annotate(obj)
    if annotate is None:
        return None
    ann = call_annotate_function(annotate, format, owner=obj)
    if not isinstance(ann, dict):
        raise ValueError(f"{obj!r}.__annotate__ returned a non-dict")
    return ann


def _eval_context(obj, globals, locals):
    """The globals and locals CPython uses to evaluate string annotations of `obj`."""
    obj_globals = obj_locals = unwrap = None
    if isinstance(obj, type):
        module = sys.modules.get(getattr(obj, "__module__", None), None)
        if module is not None:
            obj_globals = getattr(module, "__dict__", None)
        obj_locals = dict(vars(obj))
        unwrap = obj
    elif isinstance(obj, type(sys)):
        obj_globals = getattr(obj, "__dict__", None)
    elif callable(obj):
        obj_globals = getattr(obj, "__globals__", None)
        unwrap = obj
    if unwrap is not None:
        while True:
            if hasattr(unwrap, "__wrapped__"):
                unwrap = unwrap.__wrapped__
                continue
            break
        if hasattr(unwrap, "__globals__"):
            obj_globals = unwrap.__globals__
    if globals is None:
        globals = obj_globals
    if locals is None:
        locals = obj_locals
    return globals, locals


def get_annotations(obj, *, globals=None, locals=None, eval_str=False, format=Format.VALUE):
    """The annotations dict of a class, module or callable, as a new dict."""
    if eval_str and format != Format.VALUE:
        raise ValueError("eval_str=True is only supported with format=Format.VALUE")
    if format == Format.VALUE:
        ann = _dunder_annotations(obj)
        if ann is None:
            ann = _call_annotate_of(obj, format)
    elif format == Format.FORWARDREF or format == Format.STRING:
        ann = _call_annotate_of(obj, format)
        if ann is None:
            ann = _dunder_annotations(obj)
            if ann is not None and format == Format.STRING:
                return {key: type_repr(value) for key, value in ann.items()}
    elif format == Format.VALUE_WITH_FAKE_GLOBALS:
        raise ValueError("The VALUE_WITH_FAKE_GLOBALS format is for internal use only")
    else:
        raise ValueError(f"Unsupported format {format!r}")
    if ann is None:
        if isinstance(obj, type) or callable(obj):
            return {}
        raise TypeError(f"{obj!r} does not have annotations")
    if not ann:
        return {}
    if not eval_str:
        return dict(ann)
    globals, locals = _eval_context(obj, globals, locals)
    return {
        key: value if not isinstance(value, str) else eval(value, globals, locals)
        for key, value in ann.items()
    }


def type_repr(value):
    """How annotationlib writes a value in a STRING annotation."""
    if isinstance(value, type) or type(value).__name__ in (
        "function",
        "builtin_function_or_method",
    ):
        if value.__module__ == "builtins":
            return value.__qualname__
        return f"{value.__module__}.{value.__qualname__}"
    if value is ...:
        return "..."
    return repr(value)
