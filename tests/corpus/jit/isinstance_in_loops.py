# isinstance with a class the trace pins, folded under the guard on the object's type:
# polymorphic values, subclasses, builtin types, a class rebound mid-loop and bases changed
# mid-loop.


class Shape:
    pass


class Circle(Shape):
    pass


class Square(Shape):
    pass


def classify():
    items = [1, 2.5, "s", Circle(), Square(), None, True, [1], (2,)]
    counts = [0] * 7
    for i in range(1000):
        x = items[i % len(items)]
        if isinstance(x, int):
            counts[0] += 1
        if isinstance(x, float):
            counts[1] += 1
        if isinstance(x, str):
            counts[2] += 1
        if isinstance(x, Shape):
            counts[3] += 1
        if isinstance(x, Circle):
            counts[4] += 1
        if isinstance(x, bool):
            counts[5] += 1
        if isinstance(x, (list, tuple)):
            counts[6] += 1
    print(counts)


def numbers():
    total = 0
    for i in range(500):
        v = i if i % 3 else i * 0.5
        if isinstance(v, float):
            total += 1
        elif isinstance(v, int):
            total += 2
    print("numbers", total)


class Base:
    pass


class Other:
    pass


class Derived(Base):
    pass


def rebinding():
    global Base
    d = Derived()
    hits = []
    for i in range(300):
        if i == 150:
            Base = Other
        hits.append(isinstance(d, Base))
    print(hits.count(True), hits.count(False))


class A:
    pass


class B:
    pass


class C(A):
    pass


def bases():
    c = C()
    seen = []
    for i in range(300):
        if i == 100:
            C.__bases__ = (B,)
        seen.append((isinstance(c, A), isinstance(c, B)))
    print(seen[99], seen[100], seen.count((True, False)), seen.count((False, True)))


classify()
numbers()
rebinding()
bases()
