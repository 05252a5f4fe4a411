# typing: special forms, generic aliases and their reprs, TypeVar, Generic, cast, overload
from typing import (Any, Optional, Union, List, Dict, Tuple, Set, FrozenSet, Callable,
                    TypeVar, Generic, Literal, Final, ClassVar, Annotated, Iterable,
                    Sequence, Mapping, Type, cast, overload, TYPE_CHECKING, NoReturn,
                    get_origin, get_args, NewType, Text, AnyStr, Never, Self)
import typing

print(Any, Optional, Union, NoReturn, Never, Self, Literal, Final, ClassVar)
print(List, Dict, Tuple, Callable, Iterable, Type, Text is str, AnyStr, TYPE_CHECKING)
print(List[int], Dict[str, List[int]], Tuple[int, ...], Tuple[()], Set[bytes])
print(Callable[[int, str], bool], Callable[..., int], Callable[[], None])
print(Literal['a', 1, None], Final[int], ClassVar[Dict[str, int]])
print(Annotated[int, 'meters', 3], Type[int], FrozenSet[str])
print(List[int] == List[int], List[int] == List[str], hash(Dict[str, int]) == hash(Dict[str, int]))
print(Literal[1, 2] == Literal[2, 1], Literal[1, 1, 2])
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Literal[1]))
print(get_args(Callable[[int], str]), get_args(Annotated[int, 'x']), get_origin(int), get_args(int))

T = TypeVar('T')
K = TypeVar('K', bound=int)
V = TypeVar('V', str, bytes)
Co = TypeVar('Co', covariant=True)
Contra = TypeVar('Contra', contravariant=True)
print(T, K, V, Co, Contra, T.__name__, K.__bound__, V.__constraints__)
print(List[T], Dict[K, V], List[T][int], Dict[str, T][float])


class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

    def get(self) -> T:
        return self.item


class Pair(Generic[K, V]):
    pass


b = Box[int](5)
print(b.get(), Box[int], Box.__parameters__, Pair[int, str], Pair.__parameters__)
print(b.__orig_class__, Box(3).item, isinstance(b, Box))


class IntBox(Box[int]):
    pass


print(IntBox(7).get(), IntBox.__parameters__, IntBox.__mro__[1].__name__)
print(cast(int, 'not an int'), cast('List[int]', [1]))


@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x):
    return x * 2


print(f(2), f('ab'))
UserId = NewType('UserId', int)
print(UserId(5), UserId, UserId.__supertype__)


def attempt(fn):
    try:
        print(fn())
    except Exception as e:
        print(type(e).__name__, e)


attempt(lambda: isinstance(1, Any))
attempt(lambda: isinstance([], List[int]))
attempt(lambda: isinstance([], List))
attempt(lambda: issubclass(dict, Dict))
attempt(lambda: Union[()])
attempt(lambda: Box[int, str])
attempt(lambda: Generic[int])
attempt(lambda: Callable[int, str])
attempt(lambda: TypeVar('X', int))
attempt(lambda: List())
attempt(lambda: Any())
attempt(lambda: Optional())
attempt(lambda: Dict[int])
attempt(lambda: NoReturn[int])
attempt(lambda: f(1) if False else typing.overload(lambda: 0)())

