# abc: ABCMeta, abstractmethod (and abstract properties), the instantiation error, register, __subclasshook__.
import abc
from abc import ABC, ABCMeta, abstractmethod
class Base(ABC):
    @abstractmethod
    def f(self): pass
    @abstractmethod
    def g(self): pass
    @property
    @abstractmethod
    def p(self): pass
print(sorted(Base.__abstractmethods__))
try: Base()
except TypeError as e: print(e)
class Half(Base):
    def f(self): return 1
try: Half()
except TypeError as e: print(e)
class Full(Half):
    def g(self): return 2
    p = 3
print(Full().f(), Full.__abstractmethods__)
class Seq(ABC): pass
Seq.register(list)
print(isinstance([], Seq), issubclass(list, Seq), issubclass(tuple, Seq), isinstance((), Seq))
class Hook(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return hasattr(C, 'quack') or NotImplemented
class Duck:
    def quack(self): pass
print(isinstance(Duck(), Hook), issubclass(int, Hook))
try: Seq.register(3)
except TypeError as e: print(e)
try: issubclass(3, Seq)
except TypeError as e: print(e)
print(type(Base), ABC.__slots__, abc.get_cache_token() > 0)
class X: 
    @abstractmethod
    def m(self): pass
X.__abstractmethods__ = frozenset({'m'})
try: X()
except TypeError as e: print(e)
