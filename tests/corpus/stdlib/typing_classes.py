# typing: NamedTuple, TypedDict, Protocol/runtime_checkable, get_type_hints on functions and
# classes (3.14 deferred annotations evaluate the same way)
from typing import (NamedTuple, TypedDict, Protocol, runtime_checkable, Optional, ClassVar,
                    List, get_type_hints, NotRequired, Required)
import typing


class Point(NamedTuple):
    x: int
    y: float = 1.5

    def norm(self):
        return self.x + self.y


print(Point(1), Point(2, 3).norm(), Point._fields, Point.__annotations__, Point(4)._asdict())
Emp = NamedTuple('Emp', [('name', str), ('id', int)])
print(Emp('a', 1), Emp._fields)
try:
    class Bad(NamedTuple):
        a: int = 1
        b: str
except TypeError as e:
    print(type(e).__name__, e)


class Movie(TypedDict, total=False):
    name: Required[str]
    year: int


m = Movie(name='Blade Runner', year=1982)
print(m, type(m), sorted(Movie.__required_keys__), sorted(Movie.__optional_keys__), Movie.__total__)
Alt = TypedDict('Alt', {'a': int})
print(Alt(a=1), typing.is_typeddict(Movie), typing.is_typeddict(dict))


@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...


class File:
    def close(self):
        pass


print(isinstance(File(), Closer), isinstance(3, Closer), issubclass(File, Closer))
print(typing.is_protocol(Closer), sorted(typing.get_protocol_members(Closer)))


class Plain(Protocol):
    def meth(self) -> int: ...


try:
    isinstance(File(), Plain)
except TypeError as e:
    print(type(e).__name__, e)
try:
    Plain()
except TypeError as e:
    print(type(e).__name__, e)
print(isinstance(3, typing.SupportsInt), isinstance('x', typing.SupportsInt), isinstance(2.5, typing.SupportsFloat))


def annotated(a: int, b: 'str' = 'x') -> Optional[int]:
    return None


print(get_type_hints(annotated))


class Pt:
    x: int
    y: 'List[float]'
    label: ClassVar[str] = 'p'


class Pt3(Pt):
    z: 'int'


print(get_type_hints(Pt))
print(get_type_hints(Pt3))
print(get_type_hints(len) if False else get_type_hints(lambda: 0))
