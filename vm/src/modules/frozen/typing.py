"""Pyrite's typing module: the names annotated code imports, with CPython's reprs.

Type checking is not done at run time; what matters is that annotations evaluate,
generic classes subscript and instantiate, and the introspection helpers answer.
"""

import sys as _sys

TYPE_CHECKING = False

__all__ = [
    'Annotated', 'Any', 'Callable', 'ClassVar', 'Concatenate', 'Final', 'ForwardRef',
    'Generic', 'Literal', 'Optional', 'ParamSpec', 'Protocol', 'Tuple', 'Type', 'TypeVar',
    'TypeVarTuple', 'Union', 'AbstractSet', 'ByteString', 'Container', 'ContextManager',
    'Hashable', 'ItemsView', 'Iterable', 'Iterator', 'KeysView', 'Mapping', 'MappingView',
    'MutableMapping', 'MutableSequence', 'MutableSet', 'Sequence', 'Sized', 'ValuesView',
    'Awaitable', 'AsyncIterator', 'AsyncIterable', 'Coroutine', 'Collection',
    'AsyncGenerator', 'AsyncContextManager', 'Reversible', 'SupportsAbs', 'SupportsBytes',
    'SupportsComplex', 'SupportsFloat', 'SupportsIndex', 'SupportsInt', 'SupportsRound',
    'ChainMap', 'Counter', 'Deque', 'Dict', 'DefaultDict', 'List', 'OrderedDict', 'Set',
    'FrozenSet', 'NamedTuple', 'TypedDict', 'Generator', 'BinaryIO', 'IO', 'Match',
    'Pattern', 'TextIO', 'AnyStr', 'assert_type', 'assert_never', 'cast', 'clear_overloads',
    'dataclass_transform', 'final', 'get_args', 'get_origin', 'get_overloads',
    'get_protocol_members', 'get_type_hints', 'is_protocol', 'is_typeddict',
    'LiteralString', 'Never', 'NewType', 'no_type_check', 'no_type_check_decorator',
    'NoDefault', 'NoReturn', 'NotRequired', 'overload', 'override', 'ParamSpecArgs',
    'ParamSpecKwargs', 'ReadOnly', 'Required', 'reveal_type', 'runtime_checkable', 'Self',
    'Text', 'TYPE_CHECKING', 'TypeAlias', 'TypeGuard', 'TypeIs', 'TypeAliasType', 'Unpack',
]


def _type_repr(obj):
    """How an argument of a generic alias is shown: int, __main__.Box, ..."""
    if isinstance(obj, type) and not isinstance(obj, _GenericAlias):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return '%s.%s' % (obj.__module__, obj.__qualname__)
    if obj is ...:
        return '...'
    if isinstance(obj, type(_type_repr)):
        return obj.__name__
    if isinstance(obj, tuple):
        return '[%s]' % ', '.join(_type_repr(t) for t in obj)
    return repr(obj)


def _type_check(arg, msg):
    if arg is None:
        return type(None)
    if isinstance(arg, str):
        return ForwardRef(arg)
    if isinstance(arg, _SpecialForm) and arg._name in ('ClassVar', 'Final', 'Generic',
                                                         'Protocol'):
        raise TypeError('Plain %s is not valid as type argument' % (arg,))
    if type(arg) is tuple:
        raise TypeError('%s Got %.100r.' % (msg, arg))
    return arg


class _Final:
    """Marks the typing machinery's own classes (no user subclasses)."""

    __slots__ = ('__weakref__',)

    def __init_subclass__(cls, *args, _root=False, **kwds):
        if not _root:
            raise TypeError('Cannot subclass special typing classes')


class _NotIterable:
    __slots__ = ()
    __iter__ = None


class _SpecialForm(_Final, _NotIterable, _root=True):
    __slots__ = ('_name', '__doc__', '_getitem')

    def __init__(self, getitem):
        self._getitem = getitem
        self._name = getitem.__name__
        self.__doc__ = getitem.__doc__

    def __getattr__(self, item):
        if item in ('__name__', '__qualname__'):
            return self._name
        raise AttributeError(item)

    def __mro_entries__(self, bases):
        raise TypeError('Cannot subclass %r' % (self,))

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError('Cannot instantiate %r' % (self,))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError('%s cannot be used with isinstance()' % (self,))

    def __subclasscheck__(self, cls):
        raise TypeError('%s cannot be used with issubclass()' % (self,))

    def __getitem__(self, parameters):
        return self._getitem(self, parameters)


class _AnyMeta(type):
    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError('typing.Any cannot be used with isinstance()')
        return super().__instancecheck__(obj)

    def __repr__(self):
        if self is Any:
            return 'typing.Any'
        return super().__repr__()


class Any(metaclass=_AnyMeta):
    """Compatible with every type."""

    def __new__(cls, *args, **kwargs):
        if cls is Any:
            raise TypeError('Any cannot be instantiated')
        return super().__new__(cls)


@_SpecialForm
def NoReturn(self, parameters):
    """A function that never returns."""
    raise TypeError('%s is not subscriptable' % (self,))


@_SpecialForm
def Never(self, parameters):
    """The bottom type."""
    raise TypeError('%s is not subscriptable' % (self,))


@_SpecialForm
def Self(self, parameters):
    """The enclosing class."""
    raise TypeError('%s is not subscriptable' % (self,))


@_SpecialForm
def LiteralString(self, parameters):
    """Literal strings."""
    raise TypeError('%s is not subscriptable' % (self,))


@_SpecialForm
def TypeAlias(self, parameters):
    """Marks an explicit type alias."""
    raise TypeError('%s is not subscriptable' % (self,))


def _one_param(self, parameters):
    item = _type_check(parameters, '%s accepts only single type.' % (self,))
    return _GenericAlias(self, (item,))


@_SpecialForm
def ClassVar(self, parameters):
    """A class variable."""
    return _one_param(self, parameters)


@_SpecialForm
def Final(self, parameters):
    """A name that cannot be re-assigned."""
    return _one_param(self, parameters)


@_SpecialForm
def Required(self, parameters):
    return _one_param(self, parameters)


@_SpecialForm
def NotRequired(self, parameters):
    return _one_param(self, parameters)


@_SpecialForm
def ReadOnly(self, parameters):
    return _one_param(self, parameters)


@_SpecialForm
def TypeGuard(self, parameters):
    return _one_param(self, parameters)


@_SpecialForm
def TypeIs(self, parameters):
    return _one_param(self, parameters)


@_SpecialForm
def Unpack(self, parameters):
    return _one_param(self, parameters)


def _flatten_union(parameters):
    flat = []
    for p in parameters:
        if isinstance(p, _UnionAlias):
            flat.extend(p.__args__)
        elif _is_types_union(p):
            flat.extend(p.__args__)
        else:
            flat.append(p)
    unique = []
    for p in flat:
        if not any(p == q for q in unique):
            unique.append(p)
    return tuple(unique)


def _is_types_union(obj):
    return type(obj).__name__ == 'UnionType' and hasattr(obj, '__args__')


@_SpecialForm
def Union(self, parameters):
    """Union[X, Y] means either X or Y."""
    if parameters == ():
        raise TypeError('Cannot take a Union of no types.')
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    parameters = tuple(_type_check(p, 'Union[arg, ...]: each arg must be a type.')
                       for p in parameters)
    parameters = _flatten_union(parameters)
    if len(parameters) == 1:
        return parameters[0]
    if len(parameters) == 2 and type(None) in parameters:
        return _UnionAlias(self, parameters, name='Optional')
    return _UnionAlias(self, parameters)


@_SpecialForm
def Optional(self, parameters):
    """Optional[X] is Union[X, None]."""
    arg = _type_check(parameters, '%s requires a single type.' % (self,))
    return Union[arg, type(None)]


@_SpecialForm
def Literal(self, parameters):
    """A literal value."""
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    unique = []
    for p in parameters:
        if isinstance(p, _LiteralAlias):
            candidates = p.__args__
        else:
            candidates = (p,)
        for c in candidates:
            if not any(type(c) is type(u) and c == u for u in unique):
                unique.append(c)
    return _LiteralAlias(self, tuple(unique))


@_SpecialForm
def Concatenate(self, parameters):
    if parameters == ():
        raise TypeError('Cannot take a Concatenate of no types.')
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _GenericAlias(self, parameters)


class ForwardRef(_Final, _root=True):
    """A string annotation, evaluated later."""

    __slots__ = ('__forward_arg__', '__forward_module__', '__forward_is_class__')

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError('Forward reference must be a string -- got %r' % (arg,))
        self.__forward_arg__ = arg
        self.__forward_module__ = module
        self.__forward_is_class__ = is_class

    def _evaluate(self, globalns, localns):
        return eval(self.__forward_arg__, globalns, localns)

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)

    def __repr__(self):
        module = '' if self.__forward_module__ is None else ', module=%r' % (
            self.__forward_module__,)
        return 'ForwardRef(%r%s)' % (self.__forward_arg__, module)


class _BoundVarianceMixin:
    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


def _caller_module(depth=2):
    try:
        return _sys._getframe(depth).f_globals.get('__name__', '__main__')
    except (AttributeError, ValueError):
        return None


class TypeVar(_BoundVarianceMixin, _Final, _NotIterable, _root=True):
    """A type variable: T = TypeVar('T')."""

    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False, infer_variance=False, default=None):
        self.__name__ = name
        if covariant and contravariant:
            raise ValueError('Bivariant type variables are not supported.')
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__infer_variance__ = bool(infer_variance)
        if constraints and bound is not None:
            raise TypeError('Constraints cannot be combined with bound=...')
        if len(constraints) == 1:
            raise TypeError('A single constraint is not allowed')
        self.__constraints__ = tuple(_type_check(t, 'TypeVar(name, constraint, ...): '
                                                    'constraints must be types.')
                                     for t in constraints)
        self.__bound__ = _type_check(bound, 'Bound must be a type.') if bound else None
        self.__default__ = default
        module = _caller_module()
        if module != 'typing':
            self.__module__ = module

    def has_default(self):
        return self.__default__ is not None

    def __typing_subst__(self, arg):
        return arg

    def __reduce__(self):
        return self.__name__


class TypeVarTuple(_Final, _root=True):
    def __init__(self, name, *, default=None):
        self.__name__ = name
        self.__default__ = default

    def __iter__(self):
        yield Unpack[self]

    def __repr__(self):
        return self.__name__


class ParamSpecArgs(_Final, _root=True):
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return '%s.args' % (self.__origin__.__name__,)


class ParamSpecKwargs(_Final, _root=True):
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return '%s.kwargs' % (self.__origin__.__name__,)


class ParamSpec(_BoundVarianceMixin, _Final, _root=True):
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False,
                 infer_variance=False, default=None):
        self.__name__ = name
        self.__bound__ = bound
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__infer_variance__ = bool(infer_variance)
        self.__default__ = default

    @property
    def args(self):
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        return ParamSpecKwargs(self)


def _collect_parameters(args):
    params = []
    for a in args:
        if isinstance(a, (TypeVar, ParamSpec, TypeVarTuple)):
            if a not in params:
                params.append(a)
        else:
            for p in getattr(a, '__parameters__', ()):
                if isinstance(p, (TypeVar, ParamSpec, TypeVarTuple)) and p not in params:
                    params.append(p)
    return tuple(params)


class _BaseGenericAlias(_Final, _root=True):
    """The common part of subscripted and unsubscripted generic aliases."""

    def __init__(self, origin, *, inst=True, name=None):
        self._inst = inst
        self._name = name
        self.__origin__ = origin

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError('Type %s cannot be instantiated; use %s() instead'
                            % (self._name, self.__origin__.__name__))
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __mro_entries__(self, bases):
        res = []
        if self.__origin__ not in bases:
            res.append(self.__origin__)
        i = bases.index(self)
        for b in bases[i + 1:]:
            if isinstance(b, _BaseGenericAlias) or (isinstance(b, type) and
                                                    issubclass(b, Generic)):
                break
        else:
            res.append(Generic)
        return tuple(res)

    def __getattr__(self, attr):
        if attr in ('__origin__', '__args__', '_name', '_inst', '__parameters__'):
            raise AttributeError(attr)
        if attr in ('__name__', '__qualname__'):
            return self._name or self.__origin__.__name__
        if '__origin__' in self.__dict__ and not (attr.startswith('__') and
                                                  attr.endswith('__')):
            return getattr(self.__origin__, attr)
        raise AttributeError(attr)

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')


class _GenericAlias(_BaseGenericAlias, _root=True):
    """A subscripted generic: List[int], Box[T], ClassVar[int]..."""

    def __init__(self, origin, args, *, inst=True, name=None):
        super().__init__(origin, inst=inst, name=name)
        if not isinstance(args, tuple):
            args = (args,)
        self.__args__ = tuple(... if a is _TypingEllipsis else a for a in args)
        self.__parameters__ = _collect_parameters(args)
        if not name:
            self.__module__ = getattr(origin, '__module__', 'typing')

    def __mro_entries__(self, bases):
        if isinstance(self.__origin__, _SpecialForm):
            raise TypeError('Cannot subclass %r' % (self,))
        if self._name:
            return super().__mro_entries__(bases)
        if self.__origin__ is Generic:
            if Protocol in bases:
                return ()
            i = bases.index(self)
            for b in bases[i + 1:]:
                if isinstance(b, _BaseGenericAlias) and b is not self:
                    return ()
        return (self.__origin__,)

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __getitem__(self, args):
        if not self.__parameters__:
            raise TypeError('%s is not a generic class' % (self,))
        if not isinstance(args, tuple):
            args = (args,)
        if len(args) != len(self.__parameters__):
            raise TypeError('Too %s arguments for %s; actual %d, expected %d' % (
                'many' if len(args) > len(self.__parameters__) else 'few', self,
                len(args), len(self.__parameters__)))
        subst = dict(zip(self.__parameters__, args))
        new_args = tuple(_substitute(a, subst) for a in self.__args__)
        return self.copy_with(new_args)

    def copy_with(self, args):
        return self.__class__(self.__origin__, args, name=self._name, inst=self._inst)

    def __repr__(self):
        if self._name:
            name = 'typing.' + self._name
        else:
            name = _type_repr(self.__origin__)
        if self.__args__:
            args = ', '.join(_type_repr(a) for a in self.__args__)
        else:
            args = '()'
        return '%s[%s]' % (name, args)

    def __reduce__(self):
        return (self.__origin__.__getitem__ if False else type(self)), (self.__origin__,
                                                                        self.__args__)


def _substitute(arg, subst):
    if isinstance(arg, (TypeVar, ParamSpec)):
        return subst.get(arg, arg)
    if isinstance(arg, _GenericAlias) and arg.__parameters__:
        return arg.copy_with(tuple(_substitute(a, subst) for a in arg.__args__))
    if isinstance(arg, (list, tuple)):
        return type(arg)(_substitute(a, subst) for a in arg)
    return arg


class _TypingEllipsis:
    """Internal marker for ... in Tuple/Callable arguments."""


class _UnionAlias(_GenericAlias, _root=True):
    def copy_with(self, params):
        return Union[params]

    def __eq__(self, other):
        if not isinstance(other, _UnionAlias) and type(other).__name__ != "UnionType":
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[0] is type(None):
                return 'typing.Optional[%s]' % _type_repr(args[1])
            if args[1] is type(None):
                return 'typing.Optional[%s]' % _type_repr(args[0])
        return 'typing.Union[%s]' % ', '.join(
            'NoneType' if a is type(None) else _type_repr(a) for a in args)

    def __instancecheck__(self, obj):
        return any(isinstance(obj, a) for a in self.__args__)

    def __subclasscheck__(self, cls):
        return any(issubclass(cls, a) for a in self.__args__)


class _LiteralAlias(_GenericAlias, _root=True):
    def __eq__(self, other):
        if not isinstance(other, _LiteralAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __repr__(self):
        return 'typing.Literal[%s]' % ', '.join(repr(a) for a in self.__args__)


class _CallableGenericAlias(_GenericAlias, _root=True):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and args[0] is ...:
            return 'typing.Callable[..., %s]' % _type_repr(args[1])
        return 'typing.Callable[[%s], %s]' % (', '.join(_type_repr(a) for a in args[:-1]),
                                              _type_repr(args[-1]))

    def copy_with(self, args):
        return _CallableGenericAlias(self.__origin__, args, name=self._name)


_stand_ins = {}


def _resolve_origin(origin):
    """The class an alias stands for, imported on first use (collections.abc...)."""
    if not isinstance(origin, str):
        return origin
    module, _, name = origin.rpartition('.')
    try:
        mod = __import__(module, fromlist=[name])
        return getattr(mod, name)
    except (ImportError, AttributeError):
        # Where that module is missing, a plain class of the same name keeps
        # annotations working.
        if origin not in _stand_ins:
            _stand_ins[origin] = type(name, (), {'__module__': module})
        return _stand_ins[origin]


class _SpecialGenericAlias(_NotIterable, _BaseGenericAlias, _root=True):
    """An unsubscripted alias of a builtin or abstract class: List, Dict, Iterable..."""

    def __init__(self, origin, nparams, *, inst=True, name=None):
        self._origin_spec = origin
        self._nparams = nparams
        self._inst = inst
        self._name = name

    @property
    def __origin__(self):
        return _resolve_origin(self._origin_spec)

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        msg = 'Parameters to generic types must be types.'
        params = tuple(_type_check(p, msg) for p in params)
        if self._nparams >= 0 and len(params) != self._nparams:
            raise TypeError('Too %s arguments for %s; actual %d, expected %d' % (
                'many' if len(params) > self._nparams else 'few', self, len(params),
                self._nparams))
        return _GenericAlias(self.__origin__, params, name=self._name, inst=self._inst)

    def __repr__(self):
        return 'typing.' + self._name

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError('Type %s cannot be instantiated; use %s() instead'
                            % (self._name, self.__origin__.__name__))
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __subclasscheck__(self, cls):
        if isinstance(cls, _SpecialGenericAlias):
            return issubclass(cls.__origin__, self.__origin__)
        if not isinstance(cls, _GenericAlias):
            return issubclass(cls, self.__origin__)
        return super().__subclasscheck__(cls)

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __eq__(self, other):
        if not isinstance(other, _SpecialGenericAlias):
            return NotImplemented
        return self._name == other._name

    def __hash__(self):
        return hash(self._name)


class _CallableType(_SpecialGenericAlias, _root=True):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError('Callable must be used as Callable[[arg, ...], result].')
        args, result = params
        result = _type_check(result, 'Callable[args, result]: result must be a type.')
        if isinstance(args, (list, tuple)):
            args = [_type_check(a, 'Callable[[arg, ...], result]: each arg must be a type.')
                    for a in args]
        if args is ...:
            return _CallableGenericAlias(self.__origin__, (..., result), name='Callable')
        if not isinstance(args, (list, tuple)):
            return _CallableGenericAlias(self.__origin__, (args, result), name='Callable')
        return _CallableGenericAlias(self.__origin__, tuple(args) + (result,),
                                     name='Callable')


class _TupleType(_SpecialGenericAlias, _root=True):
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if len(params) >= 2 and params[-1] is ...:
            return _GenericAlias(tuple, params, name='Tuple')
        return _GenericAlias(tuple, params, name='Tuple')


_abc = 'collections.abc.'
Hashable = _SpecialGenericAlias(_abc + 'Hashable', 0, name='Hashable')
Awaitable = _SpecialGenericAlias(_abc + 'Awaitable', 1, name='Awaitable')
Coroutine = _SpecialGenericAlias(_abc + 'Coroutine', 3, name='Coroutine')
AsyncIterable = _SpecialGenericAlias(_abc + 'AsyncIterable', 1, name='AsyncIterable')
AsyncIterator = _SpecialGenericAlias(_abc + 'AsyncIterator', 1, name='AsyncIterator')
Iterable = _SpecialGenericAlias(_abc + 'Iterable', 1, name='Iterable')
Iterator = _SpecialGenericAlias(_abc + 'Iterator', 1, name='Iterator')
Reversible = _SpecialGenericAlias(_abc + 'Reversible', 1, name='Reversible')
Sized = _SpecialGenericAlias(_abc + 'Sized', 0, name='Sized')
Container = _SpecialGenericAlias(_abc + 'Container', 1, name='Container')
Collection = _SpecialGenericAlias(_abc + 'Collection', 1, name='Collection')
Callable = _CallableType(_abc + 'Callable', 2, name='Callable')
AbstractSet = _SpecialGenericAlias(_abc + 'Set', 1, name='AbstractSet')
MutableSet = _SpecialGenericAlias(_abc + 'MutableSet', 1, name='MutableSet')
Mapping = _SpecialGenericAlias(_abc + 'Mapping', 2, name='Mapping')
MutableMapping = _SpecialGenericAlias(_abc + 'MutableMapping', 2, name='MutableMapping')
Sequence = _SpecialGenericAlias(_abc + 'Sequence', 1, name='Sequence')
MutableSequence = _SpecialGenericAlias(_abc + 'MutableSequence', 1, name='MutableSequence')
ByteString = _SpecialGenericAlias(_abc + 'ByteString', 0, name='ByteString')
Tuple = _TupleType(tuple, -1, inst=False, name='Tuple')
List = _SpecialGenericAlias(list, 1, inst=False, name='List')
Deque = _SpecialGenericAlias('collections.deque', 1, name='Deque')
Set = _SpecialGenericAlias(set, 1, inst=False, name='Set')
FrozenSet = _SpecialGenericAlias(frozenset, 1, inst=False, name='FrozenSet')
MappingView = _SpecialGenericAlias(_abc + 'MappingView', 1, name='MappingView')
KeysView = _SpecialGenericAlias(_abc + 'KeysView', 1, name='KeysView')
ItemsView = _SpecialGenericAlias(_abc + 'ItemsView', 2, name='ItemsView')
ValuesView = _SpecialGenericAlias(_abc + 'ValuesView', 1, name='ValuesView')
Dict = _SpecialGenericAlias(dict, 2, inst=False, name='Dict')
DefaultDict = _SpecialGenericAlias('collections.defaultdict', 2, name='DefaultDict')
OrderedDict = _SpecialGenericAlias('collections.OrderedDict', 2, name='OrderedDict')
Counter = _SpecialGenericAlias('collections.Counter', 1, name='Counter')
ChainMap = _SpecialGenericAlias('collections.ChainMap', -1, name='ChainMap')
Generator = _SpecialGenericAlias(_abc + 'Generator', 3, name='Generator')
AsyncGenerator = _SpecialGenericAlias(_abc + 'AsyncGenerator', 2, name='AsyncGenerator')
Type = _SpecialGenericAlias(type, 1, inst=False, name='Type')
ContextManager = _SpecialGenericAlias('contextlib.AbstractContextManager', 2,
                                      name='ContextManager')
AsyncContextManager = _SpecialGenericAlias('contextlib.AbstractAsyncContextManager', 2,
                                           name='AsyncContextManager')
Pattern = _SpecialGenericAlias('re.Pattern', 1, name='Pattern')
Match = _SpecialGenericAlias('re.Match', 1, name='Match')
Text = str
AnyStr = TypeVar('AnyStr', bytes, str)
AnyStr.__module__ = 'typing'


class Generic:
    """The base of user generic classes: class Box(Generic[T])."""

    __slots__ = ()
    _is_protocol = False

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if cls in (Generic, Protocol):
            if not params:
                raise TypeError('Parameter list to %s[...] cannot be empty' % cls.__qualname__)
            for p in params:
                if not isinstance(p, (TypeVar, ParamSpec, TypeVarTuple)) and not (
                        isinstance(p, _GenericAlias) and p.__origin__ is Unpack):
                    raise TypeError('Parameters to %s[...] must all be type variables or '
                                    'parameter specification variables.' % cls.__name__)
            if len(set(params)) != len(params):
                raise TypeError('Parameters to %s[...] must all be unique' % cls.__name__)
            return _GenericAlias(cls, params)
        expected = getattr(cls, '__parameters__', ())
        if not expected:
            raise TypeError('%s is not a generic class' % (cls,))
        if len(params) != len(expected):
            raise TypeError('Too %s arguments for %s; actual %d, expected %d' % (
                'many' if len(params) > len(expected) else 'few', cls, len(params),
                len(expected)))
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        orig_bases = cls.__dict__.get('__orig_bases__', ())
        tvars = []
        generic_given = None
        for base in orig_bases:
            if isinstance(base, _GenericAlias) and base.__origin__ in (Generic, Protocol):
                if generic_given is not None and base.__origin__ is Generic:
                    raise TypeError('Cannot inherit from Generic[...] multiple times.')
                generic_given = base
        if orig_bases:
            tvars = list(_collect_parameters(orig_bases))
        if generic_given is not None and generic_given.__origin__ is Generic:
            gvars = generic_given.__parameters__
            missing = [t for t in tvars if t not in gvars]
            if missing:
                raise TypeError('Some type variables (%s) are not listed in Generic[%s]' % (
                    ', '.join(str(t) for t in missing), ', '.join(str(g) for g in gvars)))
            tvars = list(gvars)
        cls.__parameters__ = tuple(tvars)


Generic.__parameters__ = ()


def _protocol_attrs(cls):
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        annotations = base.__dict__.get('__annotations__', {})
        for name in list(base.__dict__) + list(annotations):
            if not name.startswith('_abc_') and name not in (
                    '__abstractmethods__', '__annotations__', '__dict__', '__doc__',
                    '__init__', '__module__', '__new__', '__slots__', '__subclasshook__',
                    '__weakref__', '__class_getitem__', '__match_args__', '__qualname__',
                    '__static_attributes__', '__firstlineno__', '__parameters__',
                    '__orig_bases__', '_is_protocol', '_is_runtime_protocol',
                    '__protocol_attrs__', '__non_callable_proto_members__', '__annotate__',
                    '__type_params__', '__init_subclass__'):
                attrs.add(name)
    return attrs


class _ProtocolMeta(type):
    def __instancecheck__(cls, instance):
        if cls is Protocol or not getattr(cls, '_is_protocol', False):
            return type.__instancecheck__(cls, instance)
        if not getattr(cls, '_is_runtime_protocol', False):
            raise TypeError('Instance and class checks can only be used with '
                            '@runtime_checkable protocols')
        if type.__instancecheck__(cls, instance):
            return True
        for attr in cls.__protocol_attrs__:
            try:
                val = getattr(instance, attr)
            except AttributeError:
                return False
            if val is None and attr not in cls.__non_callable_proto_members__:
                return False
        return True

    def __subclasscheck__(cls, other):
        if cls is Protocol or not getattr(cls, '_is_protocol', False):
            return type.__subclasscheck__(cls, other)
        if not getattr(cls, '_is_runtime_protocol', False):
            raise TypeError('Instance and class checks can only be used with '
                            '@runtime_checkable protocols')
        if cls.__non_callable_proto_members__:
            raise TypeError("Protocols with non-method members don't support issubclass()."
                            " Non-method members: %s." % str(sorted(
                                cls.__non_callable_proto_members__))[1:-1])
        if type.__subclasscheck__(cls, other):
            return True
        return all(any(attr in base.__dict__ for base in other.__mro__)
                   for attr in cls.__protocol_attrs__)


class Protocol(Generic, metaclass=_ProtocolMeta):
    """The base of structural types."""

    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol or getattr(b, '_is_protocol', False) and
                                   b.__dict__.get('_is_protocol', False)
                                   for b in cls.__bases__)
        cls.__protocol_attrs__ = _protocol_attrs(cls)
        if cls._is_protocol and cls.__init__ is Protocol.__init__:
            cls.__init__ = _no_init_or_replace_init

    def __init__(self, *args, **kwargs):
        pass


def _no_init_or_replace_init(self, *args, **kwargs):
    cls = type(self)
    if cls._is_protocol:
        raise TypeError('Protocols cannot be instantiated')


def runtime_checkable(cls):
    if not (isinstance(cls, type) and issubclass(cls, Generic)) or not getattr(
            cls, '_is_protocol', False):
        raise TypeError('@runtime_checkable can be only applied to protocol classes, got %r'
                        % (cls,))
    cls._is_runtime_protocol = True
    non_callable = set()
    for attr in cls.__protocol_attrs__:
        try:
            is_callable = callable(getattr(cls, attr, None))
        except Exception:
            is_callable = False
        if not is_callable:
            non_callable.add(attr)
    cls.__non_callable_proto_members__ = non_callable
    return cls


def is_protocol(tp):
    return isinstance(tp, type) and getattr(tp, '_is_protocol', False) and tp is not Protocol


def get_protocol_members(tp):
    if not is_protocol(tp):
        raise TypeError('%r is not a Protocol' % (tp,))
    return frozenset(tp.__protocol_attrs__)


def _annotations_of(obj):
    ann = getattr(obj, '__annotations__', None)
    return {} if ann is None else dict(ann)


class _Sentinel:
    __slots__ = ()

    def __repr__(self):
        return '<sentinel>'


_sentinel = _Sentinel()


class NoDefaultType:
    __slots__ = ()

    def __repr__(self):
        return 'typing.NoDefault'


NoDefault = NoDefaultType()


def _ns_annotations(ns):
    """The annotations of a class body's namespace (3.14: computed by __annotate__)."""
    ann = ns.get('__annotations__')
    if ann is not None:
        return ann
    for key in ('__annotate__', '__annotate_func__'):
        annotate = ns.get(key)
        if annotate is not None:
            return annotate(1)
    return {}


def _make_nmtuple(name, fields, module, defaults=()):
    import collections
    nm_tpl = collections.namedtuple(name, [n for n, t in fields], defaults=defaults,
                                    module=module)
    nm_tpl.__annotations__ = dict(fields)
    return nm_tpl


_NT_PROHIBITED = frozenset({'__new__', '__init__', '__slots__', '__getnewargs__', '_fields',
                            '_field_defaults', '_make', '_replace', '_asdict', '_source'})
_NT_SPECIAL = frozenset({'__module__', '__name__', '__annotations__', '__annotate__',
                         '__qualname__', '__firstlineno__', '__static_attributes__',
                         '__orig_bases__', '__classcell__'})


class NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        for base in bases:
            if base is not _NamedTuple and base is not Generic:
                raise TypeError('can only inherit from a NamedTuple type and Generic')
        types = dict(_ns_annotations(ns))
        default_names = []
        for field_name in types:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError('Non-default namedtuple field %s cannot follow default field%s'
                                ' %s' % (field_name, 's' if len(default_names) > 1 else '',
                                         ', '.join(default_names)))
        nm_tpl = _make_nmtuple(typename, list(types.items()), ns['__module__'],
                               defaults=[ns[n] for n in default_names])
        nm_tpl.__bases__ = nm_tpl.__bases__
        for key, val in ns.items():
            if key in _NT_PROHIBITED:
                raise AttributeError('Cannot overwrite NamedTuple attribute ' + key)
            if key not in _NT_SPECIAL and key not in nm_tpl._fields:
                setattr(nm_tpl, key, val)
        return nm_tpl


def NamedTuple(typename, fields=_sentinel, /, **kwargs):
    """Typed version of namedtuple: class P(NamedTuple): x: int."""
    if fields is _sentinel:
        fields = list(kwargs.items()) if kwargs else []
    elif fields is None:
        fields = []
    else:
        fields = list(fields.items()) if isinstance(fields, dict) else list(fields)
    return _make_nmtuple(typename, fields, _caller_module())


_NamedTuple = type.__new__(NamedTupleMeta, 'NamedTuple', (), {})


def _namedtuple_mro_entries(bases):
    return (_NamedTuple,)


NamedTuple.__mro_entries__ = _namedtuple_mro_entries


class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        for base in bases:
            if type(base) is not _TypedDictMeta and base is not Generic:
                raise TypeError('cannot inherit from both a TypedDict type and a non-TypedDict'
                                ' base class')
        tp_dict = type.__new__(_TypedDictMeta, name, (dict,), ns)
        own = dict(_ns_annotations(ns))
        annotations = {}
        required = set()
        optional = set()
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
            required.update(base.__dict__.get('__required_keys__', ()))
            optional.update(base.__dict__.get('__optional_keys__', ()))
        for key, tp in own.items():
            origin = getattr(tp, '__origin__', None)
            if origin is Required:
                is_required = True
            elif origin is NotRequired:
                is_required = False
            else:
                is_required = total
            if is_required:
                required.add(key)
                optional.discard(key)
            else:
                optional.add(key)
                required.discard(key)
        annotations.update(own)
        tp_dict.__annotations__ = annotations
        tp_dict.__required_keys__ = frozenset(required)
        tp_dict.__optional_keys__ = frozenset(optional)
        tp_dict.__total__ = total
        return tp_dict

    def __call__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')

    __instancecheck__ = __subclasscheck__


def TypedDict(typename, fields=_sentinel, /, *, total=True):
    """A dict with typed keys: class Movie(TypedDict): name: str."""
    if fields is _sentinel or fields is None:
        fields = {}
    ns = {'__annotations__': dict(fields)}
    module = _caller_module()
    if module is not None:
        ns['__module__'] = module
    return _TypedDictMeta(typename, (), ns, total=total)


_TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {})


def _typeddict_mro_entries(bases):
    return (_TypedDict,)


TypedDict.__mro_entries__ = _typeddict_mro_entries


def is_typeddict(tp):
    return isinstance(tp, _TypedDictMeta)


class NewType:
    """A distinct name for a type: UserId = NewType('UserId', int)."""

    __call__ = lambda self, x: x

    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        module = _caller_module()
        if module != 'typing':
            self.__module__ = module

    def __mro_entries__(self, bases):
        raise TypeError('Cannot subclass an instance of NewType. Perhaps you were looking '
                        'for: `%s = NewType(%r, %s)`' % (self.__name__, self.__name__,
                                                          self.__name__))

    def __repr__(self):
        return '%s.%s' % (self.__module__, self.__qualname__)

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


class _AnnotatedAlias(_GenericAlias, _root=True):
    def __init__(self, origin, metadata):
        if isinstance(origin, _AnnotatedAlias):
            metadata = origin.__metadata__ + metadata
            origin = origin.__origin__
        super().__init__(origin, (origin,), name='Annotated')
        self.__metadata__ = metadata

    def copy_with(self, params):
        return _AnnotatedAlias(params[0], self.__metadata__)

    def __repr__(self):
        return 'typing.Annotated[%s, %s]' % (_type_repr(self.__origin__),
                                             ', '.join(repr(a) for a in self.__metadata__))

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__metadata__ == other.__metadata__

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))


@_SpecialForm
def Annotated(self, params):
    """A type with extra metadata: Annotated[int, 'meters']."""
    if not isinstance(params, tuple) or len(params) < 2:
        raise TypeError('Annotated[...] should be used with at least two arguments '
                        '(a type and an annotation).')
    origin = _type_check(params[0], 'Annotated[t, ...]: t must be a type.')
    return _AnnotatedAlias(origin, tuple(params[1:]))


def cast(typ, val):
    """Returns val unchanged (a hint for type checkers)."""
    return val


def assert_type(val, typ, /):
    return val


def assert_never(arg, /):
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError('Expected code to be unreachable, but got: %s' % value)


def reveal_type(obj, /):
    print('Runtime type is %r' % (type(obj).__name__,), file=_sys.stderr)
    return obj


_overload_registry = {}


def _overload_dummy(*args, **kwds):
    raise NotImplementedError('You should not call an overloaded function. A series of '
                              '@overload-decorated functions outside a stub module should '
                              'always be followed by an implementation that is not '
                              '@overload-ed.')


def overload(func):
    """Marks one signature of an overloaded function."""
    f = getattr(func, '__func__', func)
    try:
        key = (f.__module__, f.__qualname__)
        _overload_registry.setdefault(key, []).append(func)
    except AttributeError:
        pass
    return _overload_dummy


def get_overloads(func):
    f = getattr(func, '__func__', func)
    return list(_overload_registry.get((getattr(f, '__module__', None),
                                        getattr(f, '__qualname__', None)), []))


def clear_overloads():
    _overload_registry.clear()


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def override(method, /):
    try:
        method.__override__ = True
    except (AttributeError, TypeError):
        pass
    return method


def no_type_check(arg):
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


def no_type_check_decorator(decorator):
    return decorator


def dataclass_transform(*, eq_default=True, order_default=False, kw_only_default=False,
                        frozen_default=False, field_specifiers=(), **kwargs):
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = {
            'eq_default': eq_default, 'order_default': order_default,
            'kw_only_default': kw_only_default, 'frozen_default': frozen_default,
            'field_specifiers': field_specifiers, 'kwargs': kwargs}
        return cls_or_fn
    return decorator


def get_origin(tp):
    """The unsubscripted form: get_origin(List[int]) is list."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, _UnionAlias):
        return Union
    if isinstance(tp, (_BaseGenericAlias, ParamSpecArgs, ParamSpecKwargs)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    if type(tp).__name__ in ('GenericAlias', 'UnionType') and hasattr(tp, '__origin__'):
        return tp.__origin__
    if _is_types_union(tp):
        return type(tp)
    return None


def get_args(tp):
    """The arguments: get_args(Dict[str, int]) == (str, int)."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, _CallableGenericAlias):
        args = tp.__args__
        if args and args[0] is not ...:
            return (list(args[:-1]), args[-1])
        return args
    if isinstance(tp, _GenericAlias):
        return tp.__args__
    args = getattr(tp, '__args__', None)
    if isinstance(args, tuple) and type(tp).__name__ in ('GenericAlias', 'UnionType'):
        return args
    return ()


def _eval_hint(value, globalns, localns):
    if value is None:
        return type(None)
    if isinstance(value, str):
        value = ForwardRef(value)
    if isinstance(value, ForwardRef):
        return _eval_hint(value._evaluate(globalns, localns), globalns, localns)
    return value


def _strip_annotations(t):
    if isinstance(t, _AnnotatedAlias):
        return _strip_annotations(t.__origin__)
    if isinstance(t, _GenericAlias) and getattr(t, '__origin__', None) in (
            Required, NotRequired, ReadOnly):
        return _strip_annotations(t.__args__[0])
    return t


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """Annotations with string forward references evaluated."""
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            own = base.__dict__
            ann = own.get('__annotations__')
            if ann is None and any(k in own for k in ('__annotate__', '__annotate_func__',
                                                      '__annotations_cache__')):
                ann = getattr(base, '__annotations__', None)
            if not ann:
                continue
            base_globals = globalns
            if base_globals is None:
                base_globals = getattr(_sys.modules.get(base.__module__), '__dict__', {})
            base_locals = dict(vars(base)) if localns is None else localns
            for name, value in ann.items():
                hints[name] = _eval_hint(value, base_globals, base_locals)
    else:
        ann = getattr(obj, '__annotations__', None)
        if ann is None:
            if isinstance(obj, type(_sys)) or callable(obj):
                return {}
            raise TypeError('%r is not a module, class, method, or function.' % (obj,))
        if globalns is None:
            if isinstance(obj, type(_sys)):
                globalns = obj.__dict__
            else:
                inner = obj
                while hasattr(inner, '__wrapped__'):
                    inner = inner.__wrapped__
                globalns = getattr(inner, '__globals__', {})
        for name, value in ann.items():
            hints[name] = _eval_hint(value, globalns, localns)
    if include_extras:
        return hints
    return {k: _strip_annotations(t) for k, t in hints.items()}


class TypeAliasType:
    """A `type X = ...` alias created at run time."""

    def __init__(self, name, value, *, type_params=()):
        self.__name__ = name
        self.__value__ = value
        self.__type_params__ = type_params
        self.__parameters__ = type_params
        self.__module__ = _caller_module()

    def __repr__(self):
        return self.__name__

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _GenericAlias(self, params)


class SupportsInt(Protocol):
    __slots__ = ()

    def __int__(self):
        pass


class SupportsFloat(Protocol):
    __slots__ = ()

    def __float__(self):
        pass


class SupportsComplex(Protocol):
    __slots__ = ()

    def __complex__(self):
        pass


class SupportsBytes(Protocol):
    __slots__ = ()

    def __bytes__(self):
        pass


class SupportsIndex(Protocol):
    __slots__ = ()

    def __index__(self):
        pass


class SupportsAbs(Protocol):
    __slots__ = ()

    def __abs__(self):
        pass


class SupportsRound(Protocol):
    __slots__ = ()

    def __round__(self, ndigits=0):
        pass


for _p in (SupportsInt, SupportsFloat, SupportsComplex, SupportsBytes, SupportsIndex,
           SupportsAbs, SupportsRound):
    runtime_checkable(_p)
del _p


class IO(Generic[AnyStr]):
    """The generic file-object type."""

    __slots__ = ()


class BinaryIO(IO[bytes]):
    __slots__ = ()


class TextIO(IO[str]):
    __slots__ = ()
