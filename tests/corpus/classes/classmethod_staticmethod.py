# classmethod and staticmethod: access through class, instance and subclass
class A:
    count = 0
    @classmethod
    def inc(cls, by=1):
        cls.count += by
        return cls.count
    @staticmethod
    def add(a, b):
        return a + b
    @classmethod
    def alt(cls):
        return cls()
class B(A): pass
print(A.inc(), A().inc(2), B.inc(), B.count, A.count)
print(A.add(1, 2), A().add(3, 4), B.add("x", "y"))
print(type(B.alt()).__name__, type(A.alt()).__name__)
print(A.inc.__self__ is A, B.inc.__self__ is B, A.add.__name__)
print(A.__dict__["inc"].__func__.__name__, type(A.__dict__["add"]).__name__)
try:
    A.add(1)
except TypeError as e:
    print("TypeError:", e)
try:
    A.inc(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    classmethod(1, 2)
except TypeError as e:
    print("TypeError:", e)
class C:
    @staticmethod
    @classmethod
    def odd(cls): return cls
print(type(C.__dict__["odd"].__func__).__name__)
print(A.add.__doc__ is None, staticmethod(abs).__wrapped__ is abs)
