"""Abstract base classes: ABCMeta (virtual subclasses through register() and
__subclasshook__, with positive and negative caches), ABC, abstractmethod and
update_abstractmethods."""


def abstractmethod(funcobj):
    """Marks a method abstract: a class with one cannot be instantiated."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    __isabstractmethod__ = True


class _AbcState:
    """Per-class bookkeeping: registered virtual subclasses and the lookup caches."""
    __slots__ = ("registry", "cache", "negative_cache", "negative_version", "subclasses")

    def __init__(self, version):
        # Direct subclasses created through ABCMeta (type.__subclasses__ is not
        # tracked by the VM yet).
        self.subclasses = []
        self.registry = set()
        self.cache = set()
        self.negative_cache = set()
        self.negative_version = version


_invalidation_counter = 0


def get_cache_token():
    """A token that changes whenever any ABC's registry changes."""
    return _invalidation_counter


def _is_abstract(value):
    return bool(getattr(value, "__isabstractmethod__", False))


def _compute_abstracts(cls, own_items):
    abstracts = {name for name, value in own_items if _is_abstract(value)}
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            if _is_abstract(getattr(cls, name, None)):
                abstracts.add(name)
    return frozenset(abstracts)


class ABCMeta(type):
    """Metaclass of abstract base classes."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _compute_abstracts(cls, namespace.items())
        cls._abc_impl = _AbcState(_invalidation_counter)
        for base in bases:
            if isinstance(base, ABCMeta):
                base._abc_impl.subclasses.append(cls)
        return cls

    def register(cls, subclass):
        """Registers subclass as a virtual subclass of cls; returns it (a decorator)."""
        global _invalidation_counter
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_impl.registry.add(subclass)
        _invalidation_counter += 1
        return subclass

    def __instancecheck__(cls, instance):
        subclass = instance.__class__
        state = cls._abc_impl
        if subclass in state.cache:
            return True
        subtype = type(instance)
        if subtype is subclass:
            if (state.negative_version == _invalidation_counter and
                    subclass in state.negative_cache):
                return False
            return cls.__subclasscheck__(subclass)
        return any(cls.__subclasscheck__(c) for c in (subclass, subtype))

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        state = cls._abc_impl
        if subclass in state.cache:
            return True
        if state.negative_version < _invalidation_counter:
            state.negative_cache = set()
            state.negative_version = _invalidation_counter
        elif subclass in state.negative_cache:
            return False
        ok = cls.__subclasshook__(subclass)
        if ok is not NotImplemented:
            if not isinstance(ok, bool):
                raise AssertionError("__subclasshook__ must return either "
                                     "False, True, or NotImplemented")
            if ok:
                state.cache.add(subclass)
            else:
                state.negative_cache.add(subclass)
            return ok
        if cls in getattr(subclass, "__mro__", ()):
            state.cache.add(subclass)
            return True
        for registered in state.registry:
            if issubclass(subclass, registered):
                state.cache.add(subclass)
                return True
        for sub in cls._abc_impl.subclasses:
            if issubclass(subclass, sub):
                state.cache.add(subclass)
                return True
        state.negative_cache.add(subclass)
        return False

    def _abc_registry_clear(cls):
        cls._abc_impl.registry.clear()

    def _abc_caches_clear(cls):
        cls._abc_impl.cache.clear()
        cls._abc_impl.negative_cache.clear()

    def _dump_registry(cls, file=None):
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
        print(f"Inv. counter: {get_cache_token()}", file=file)
        state = cls._abc_impl
        print(f"_abc_registry: {state.registry!r}", file=file)
        print(f"_abc_cache: {state.cache!r}", file=file)
        print(f"_abc_negative_cache: {state.negative_cache!r}", file=file)
        print(f"_abc_negative_cache_version: {state.negative_version!r}", file=file)


def update_abstractmethods(cls):
    """Recomputes cls.__abstractmethods__ after methods were added or replaced."""
    if not hasattr(cls, "__abstractmethods__"):
        return cls
    cls.__abstractmethods__ = _compute_abstracts(cls, list(cls.__dict__.items()))
    return cls


class ABC(metaclass=ABCMeta):
    """Inherit from ABC to make an abstract base class."""
    __slots__ = ()
