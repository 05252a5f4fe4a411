"""Names for the interpreter's built-in types, plus SimpleNamespace, MappingProxyType,
DynamicClassAttribute and the dynamic class helpers (new_class, prepare_class,
resolve_bases, get_original_bases) and coroutine()."""

import sys


def _function():
    pass


FunctionType = type(_function)
LambdaType = type(lambda: None)
CodeType = type(_function.__code__)
MappingProxyType = None  # defined below


def _make_cell(value):
    return (lambda: value).__closure__[0]


CellType = type(_make_cell(None))


def _generator():
    yield 1


GeneratorType = type(_generator())


async def _coroutine_function():
    pass


_coro = _coroutine_function()
CoroutineType = type(_coro)
_coro.close()


async def _async_generator_function():
    yield 1


AsyncGeneratorType = type(_async_generator_function())


class _C:
    __slots__ = ("_slot",)

    def _method(self):
        pass


MethodType = type(_C()._method)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
WrapperDescriptorType = type(object.__init__)
MethodWrapperType = type(object().__str__)
MethodDescriptorType = type(str.join)
ClassMethodDescriptorType = type(dict.__dict__["fromkeys"])
ModuleType = type(sys)

try:
    raise TypeError
except TypeError as _exc:
    TracebackType = type(_exc.__traceback__)
    FrameType = type(_exc.__traceback__.tb_frame)


class _WithDict:
    pass


GetSetDescriptorType = type(_WithDict.__dict__["__dict__"])
MemberDescriptorType = type(_C.__dict__["_slot"])

NoneType = type(None)
NotImplementedType = type(NotImplemented)
EllipsisType = type(Ellipsis)

_alias = list[int]
if type(_alias) is not type:
    GenericAlias = type(_alias)
try:
    UnionType = type(int | str)
except TypeError:
    pass

del _function, _make_cell, _generator, _coroutine_function, _coro
del _async_generator_function, _C, _WithDict, _alias


class SimpleNamespace:
    """An object whose attributes are given as keyword arguments (or a mapping)."""

    def __init__(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError(f"SimpleNamespace expected at most 1 argument, got {len(args)}")
        if args:
            initial = dict(args[0])
            for key in initial:
                if not isinstance(key, str):
                    raise TypeError("keywords must be strings")
            self.__dict__.update(initial)
        self.__dict__.update(kwargs)

    def __repr__(self):
        name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
        key = id(self)
        if key in _repr_running:
            return f"{name}(...)"
        _repr_running.add(key)
        try:
            body = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        finally:
            _repr_running.discard(key)
        return f"{name}({body})"

    def __eq__(self, other):
        if isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None

    def __reduce__(self):
        return type(self), (), self.__dict__.copy()

    def __replace__(self, /, **changes):
        result = type(self)()
        result.__dict__.update(self.__dict__)
        result.__dict__.update(changes)
        return result


_repr_running = set()


class mappingproxy:
    """A read-only view of a mapping."""
    __slots__ = ("_mapping",)

    def __new__(cls, mapping):
        if (not hasattr(type(mapping), "__getitem__")
                or isinstance(mapping, (list, tuple))):
            raise TypeError(f"mappingproxy() argument must be a mapping, "
                            f"not {type(mapping).__name__}")
        self = object.__new__(cls)
        object.__setattr__(self, "_mapping", mapping)
        return self

    def __getitem__(self, key):
        return self._mapping[key]

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __reversed__(self):
        return reversed(self._mapping)

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return self._mapping.copy()

    def __repr__(self):
        return f"mappingproxy({self._mapping!r})"

    def __str__(self):
        return str(self._mapping)

    def __eq__(self, other):
        if isinstance(other, MappingProxyType):
            other = other._mapping
        return self._mapping == other

    def __hash__(self):
        return hash(self._mapping)

    def __or__(self, other):
        if isinstance(other, MappingProxyType):
            other = other._mapping
        return self._mapping | other

    def __ror__(self, other):
        return other | self._mapping

    def __ior__(self, other):
        raise TypeError(f"'|=' is not supported by mappingproxy; use '|' instead")

    def __setattr__(self, name, value):
        raise AttributeError(f"'mappingproxy' object has no attribute '{name}'")


mappingproxy.__module__ = "builtins"
MappingProxyType = mappingproxy
del mappingproxy


def resolve_bases(bases):
    """Replaces the non-class bases that define __mro_entries__ (PEP 560)."""
    new_bases = list(bases)
    updated = False
    shift = 0
    for i, base in enumerate(bases):
        if isinstance(base, type):
            continue
        if not hasattr(base, "__mro_entries__"):
            continue
        new_base = base.__mro_entries__(bases)
        updated = True
        if not isinstance(new_base, tuple):
            raise TypeError("__mro_entries__ must return a tuple")
        new_bases[i + shift:i + shift + 1] = new_base
        shift += len(new_base) - 1
    if not updated:
        return bases
    return tuple(new_bases)


def _calculate_meta(meta, bases):
    winner = meta
    for base in bases:
        base_meta = type(base)
        if issubclass(winner, base_meta):
            continue
        if issubclass(base_meta, winner):
            winner = base_meta
            continue
        raise TypeError("metaclass conflict: "
                        "the metaclass of a derived class "
                        "must be a (non-strict) subclass "
                        "of the metaclasses of all its bases")
    return winner


def prepare_class(name, bases=(), kwds=None):
    """The metaclass, namespace and remaining keywords a class statement would use."""
    kwds = {} if kwds is None else dict(kwds)
    if "metaclass" in kwds:
        meta = kwds.pop("metaclass")
    else:
        meta = type(bases[0]) if bases else type
    if isinstance(meta, type):
        meta = _calculate_meta(meta, bases)
    if hasattr(meta, "__prepare__"):
        ns = meta.__prepare__(name, bases, **kwds)
    else:
        ns = {}
    return meta, ns, kwds


def new_class(name, bases=(), kwds=None, exec_body=None):
    """Creates a class the way a class statement does."""
    resolved_bases = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, resolved_bases, kwds)
    if exec_body is not None:
        exec_body(ns)
    if resolved_bases is not bases:
        ns["__orig_bases__"] = bases
    return meta(name, resolved_bases, ns, **kwds)


def get_original_bases(cls, /):
    """The bases of cls as written in its class statement (before __mro_entries__)."""
    try:
        return cls.__dict__.get("__orig_bases__", cls.__bases__)
    except AttributeError:
        raise TypeError(f"Expected an instance of type, not {type(cls).__name__!r}") from None


class DynamicClassAttribute:
    """A property that raises AttributeError when read on the class, so the class's
    __getattr__ can supply a different value there."""

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        self.__doc__ = doc or fget.__doc__
        self.overwrite_doc = doc is None
        self.__isabstractmethod__ = bool(getattr(fget, "__isabstractmethod__", False))

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            if self.__isabstractmethod__:
                return self
            raise AttributeError()
        if self.fget is None:
            raise AttributeError("unreadable attribute")
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError("can't set attribute")
        self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError("can't delete attribute")
        self.fdel(instance)

    def getter(self, fget):
        fdoc = fget.__doc__ if self.overwrite_doc else None
        result = type(self)(fget, self.fset, self.fdel, fdoc or self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result

    def setter(self, fset):
        result = type(self)(self.fget, fset, self.fdel, self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result

    def deleter(self, fdel):
        result = type(self)(self.fget, self.fset, fdel, self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result


class _GeneratorWrapper:
    """Makes a generator awaitable (what types.coroutine returns for generator results
    it cannot mark as coroutines in place)."""

    def __init__(self, gen):
        self.__wrapped = gen
        self.__name__ = getattr(gen, "__name__", None)
        self.__qualname__ = getattr(gen, "__qualname__", None)

    def send(self, val):
        return self.__wrapped.send(val)

    def throw(self, *args):
        return self.__wrapped.throw(*args)

    def close(self):
        return self.__wrapped.close()

    def __next__(self):
        return next(self.__wrapped)

    def __iter__(self):
        return self

    __await__ = __iter__


def coroutine(func):
    """Turns a generator function into one whose results can be awaited."""
    if not callable(func):
        raise TypeError("types.coroutine() expects a callable")
    if type(func) is FunctionType and type(func.__code__) is CodeType:
        flags = func.__code__.co_flags
        # CO_COROUTINE | CO_ITERABLE_COROUTINE: already awaitable.
        if flags & 0x180:
            return func

    def wrapped(*args, **kwargs):
        result = func(*args, **kwargs)
        if type(result) in (CoroutineType, GeneratorType):
            return _GeneratorWrapper(result)
        return result

    wrapped.__name__ = getattr(func, "__name__", "wrapped")
    wrapped.__qualname__ = getattr(func, "__qualname__", "wrapped")
    wrapped.__doc__ = getattr(func, "__doc__", None)
    wrapped.__wrapped__ = func
    return wrapped


__all__ = [n for n in globals() if n[:1] != "_" and n != "sys"]
