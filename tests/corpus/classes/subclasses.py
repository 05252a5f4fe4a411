# type.__subclasses__(): direct subclasses in definition order; dead ones disappear
import gc


class Base:
    pass


class A(Base):
    pass


class B(Base):
    pass


class C(A, B):
    pass


print(Base.__subclasses__())
print(A.__subclasses__(), B.__subclasses__(), C.__subclasses__())


def make():
    class Temp(Base):
        pass
    return Temp


t = make()
print([k.__name__ for k in Base.__subclasses__()])
del t
gc.collect()
print([k.__name__ for k in Base.__subclasses__()])
print(type.__subclasses__(Base) == Base.__subclasses__())
try:
    type.__subclasses__(1)
except TypeError as e:
    print(type(e).__name__, e)
