"""`X | Y` for classes and generic aliases (PEP 604): `types.UnionType`. `type.__or__` and
`types.GenericAlias.__or__` (Rust, `builtins/union.rs`) check that both operands can be
united and call `_make` here; unions are rare and never on a hot path."""

_NoneType = type(None)


def _flatten(items):
    out = []
    for item in items:
        if isinstance(item, UnionType):
            out.extend(item.__args__)
        elif item is None:
            out.append(_NoneType)
        else:
            out.append(item)
    return out


def _dedup(items):
    out = []
    for item in items:
        if not any(item is seen or (type(item) is not type and item == seen) for seen in out):
            out.append(item)
    return out


def _make(left, right):
    return _make_from((left, right))


def _make_from(items):
    args = _dedup(_flatten(items))
    if len(args) == 1:
        return args[0]
    union = object.__new__(UnionType)
    union._args = tuple(args)
    return union


def _arg_repr(arg):
    if arg is _NoneType:
        return "None"
    if isinstance(arg, type) and not hasattr(arg, "__origin__"):
        if arg.__module__ == "builtins":
            return arg.__qualname__
        return f"{arg.__module__}.{arg.__qualname__}"
    return repr(arg)


def _unionable(obj):
    return obj is None or isinstance(obj, (type, UnionType)) or type(obj).__name__ in (
        "GenericAlias", "TypeAliasType"
    )


class UnionType:
    """Represent a union type

E.g. for int | str"""

    __slots__ = ("_args", "_parameters")
    __module__ = "types"

    def __class_getitem__(cls, params):
        # 3.14's `types.UnionType[X, Y]` (it is `typing.Union` there): the union of the
        # given objects, which need not be classes (annotationlib's ForwardRef uses it).
        if not isinstance(params, tuple):
            params = (params,)
        if not params:
            raise TypeError("Cannot take a Union of no types.")
        return _make_from(params)

    def __init_subclass__(cls, *args, **kwargs):
        raise TypeError("type 'types.UnionType' is not an acceptable base type")

    @property
    def __args__(self):
        return self._args

    @property
    def __parameters__(self):
        try:
            return self._parameters
        except AttributeError:
            pass
        params = []
        for arg in self._args:
            if hasattr(arg, "__typing_subst__"):
                found = (arg,)
            else:
                found = getattr(arg, "__parameters__", ())
                if not isinstance(found, tuple):
                    found = ()
            for p in found:
                if p not in params:
                    params.append(p)
        self._parameters = tuple(params)
        return self._parameters

    def __repr__(self):
        return " | ".join(_arg_repr(a) for a in self._args)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self._args) == set(other._args)

    def __hash__(self):
        return hash(frozenset(self._args))

    def __or__(self, other):
        if not _unionable(other):
            return NotImplemented
        return _make(self, other)

    def __ror__(self, other):
        if not _unionable(other):
            return NotImplemented
        return _make(other, self)

    def __instancecheck__(self, obj):
        for arg in self._args:
            if type(arg).__name__ == "GenericAlias":
                raise TypeError("isinstance() argument 2 cannot be a parameterized generic")
        return any(isinstance(obj, arg) for arg in self._args)

    def __subclasscheck__(self, cls):
        for arg in self._args:
            if type(arg).__name__ == "GenericAlias":
                raise TypeError("issubclass() argument 2 cannot be a parameterized generic")
        return any(issubclass(cls, arg) for arg in self._args)

    def __reduce__(self):
        import functools
        import operator
        return functools.reduce, (operator.or_, self._args)
