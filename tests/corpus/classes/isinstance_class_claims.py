# isinstance() consults obj.__class__ when the real type does not match: a property, a
# class attribute or __getattribute__ may claim another class (proxies rely on this).
class A:
    pass


class B:
    @property
    def __class__(self):
        return A


b = B()
print(isinstance(b, A), isinstance(b, B), type(b).__name__, b.__class__.__name__)
print(isinstance(b, (int, A)), isinstance(b, (int, str)))
print(issubclass(B, A))


class C:
    __class__ = int


print(isinstance(C(), int), isinstance(C(), C), isinstance(C(), bool))


class D:
    @property
    def __class__(self):
        raise AttributeError("no")


print(isinstance(D(), A), isinstance(D(), D))


class E:
    @property
    def __class__(self):
        raise ValueError("boom")


try:
    print(isinstance(E(), A))
except ValueError as e:
    print("ValueError", e)
print(isinstance(E(), E))


class NotAType:
    @property
    def __class__(self):
        return 42


print(isinstance(NotAType(), int))


class Proxy:
    def __init__(self, target):
        self._target = target

    def __getattribute__(self, name):
        if name == "__class__":
            return type(object.__getattribute__(self, "_target"))
        return object.__getattribute__(self, name)


p = Proxy([1, 2])
print(isinstance(p, list), isinstance(p, Proxy), isinstance(p, dict))


class Sub(A):
    pass


class ClaimsSub:
    __class__ = Sub


print(isinstance(ClaimsSub(), A), isinstance(ClaimsSub(), Sub))


class Meta(type):
    def __instancecheck__(cls, obj):
        return "yes" in repr(obj)


class M(metaclass=Meta):
    pass


print(isinstance("yes", M), isinstance(b, M))


def count_claims(n):
    # A hot loop: the JIT must keep the claimed-class semantics.
    hits = 0
    for i in range(n):
        obj = b if i % 2 else A()
        if isinstance(obj, A):
            hits += 1
    return hits


print(count_claims(500))
