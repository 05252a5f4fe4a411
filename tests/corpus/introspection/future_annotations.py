# PEP 563 (from __future__ import annotations): every annotation is stored eagerly as the
# string CPython's compiler un-parses from the AST (spacing, parentheses, literal reprs);
# module/class __annotations__ dicts, mangling, typing.get_type_hints evaluating them.
# 3.14 keeps these semantics for PEP 563 modules (f.__annotate__ is None there; 3.13 has
# no such attribute, so it is not printed).
from __future__ import annotations
import sys

def f(a: list[int], b: 'x' | None, c: a.b.c(1, k=2)[0:3, ...], d: -1 + 2*3 ** 2,
      *args: tuple[int, ...], e: lambda q, *r, s=1, **t: q, **kw: {1: 2, **z}) -> dict[str, "Foo"]:
    pass
print(f.__annotations__)

def g(p: (1, 2), q: (), r: (x,), s: x if y else z, t: not a and b or c, u: a < b <= c is not d,
      v: [i for i in range(3) if i], w: {i: j for i, j in z}, x2: (i async for i in y),
      y2: f(i for i in z), z2: 1 .real, a3: 1.5.real, b3: 1e400, c3: 2j, d3: "it's", e3: b'\x00a',
      f3: f"a{b!r:>{w}} {{x}} {c=}", g3: u"uni", h3: "a" "b", j3: ~a ** -b,
      k3: (a + b) * c, l3: a - (b - c), m3: (a ** b) ** c, n3: a[1:2, ::3], o3: a[()], p3: a[1,],
      q3: lambda: 0, r3: lambda *a: 0, s3: {1, 2}, t3: ..., u3: None, v3: True, w3: 0x10,
      x3: a.b[c](d)(*e, **f), y3: -(-x)):
    pass
for k, v in g.__annotations__.items():
    print(k, repr(v))

x: int = 3
y: list[str]
if True:
    z: "quoted"
(w): int = 1
sys.foo: int
print(__annotations__)

class C:
    a: int
    b: C | None = None
    __private: dict[str, int]
    def m(self, other: C) -> C: ...
print(C.__annotations__)
print(C.m.__annotations__)
print(C.__dict__['__annotations__'] is C.__annotations__)
print(sorted(k for k in C.__dict__ if k.startswith('__') and k not in ('__dict__', '__weakref__', '__doc__', '__module__')))

def nothing(a, b): pass
print(nothing.__annotations__)

import typing
from typing import Optional
class Node:
    val: int
    next: Optional[Node]
print(typing.get_type_hints(Node))
def h(a: int, b: list[Node]) -> Node: ...
print(typing.get_type_hints(h))
