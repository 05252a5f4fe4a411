# types: the type names, SimpleNamespace, MappingProxyType, MethodType, ModuleType, new_class/prepare_class/resolve_bases/get_original_bases, DynamicClassAttribute, coroutine.
import types, sys
print(types.FunctionType, types.CodeType, types.ModuleType, types.GeneratorType, types.CoroutineType, types.AsyncGeneratorType)
print(types.MethodType, types.BuiltinFunctionType, types.TracebackType, types.FrameType, types.CellType)
print(types.NoneType, types.NotImplementedType, types.EllipsisType, types.LambdaType is types.FunctionType)
ns = types.SimpleNamespace(a=1, b=[2])
ns.c = 3
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b=[2], c=3), types.SimpleNamespace())
print(types.SimpleNamespace({'x': 1}, y=2))
try: types.SimpleNamespace(1, 2)
except TypeError as e: print(e)
try: types.SimpleNamespace({1: 2})
except TypeError as e: print(e)
ns.self = ns; print(ns)
class NS(types.SimpleNamespace): pass
print(NS(q=1), repr(types.SimpleNamespace))
try: hash(types.SimpleNamespace())
except TypeError as e: print(type(e).__name__)
import copy
print(copy.replace(types.SimpleNamespace(a=1, b=2), b=5))
mp = types.MappingProxyType({'a': 1})
print(mp, mp['a'], len(mp), list(mp), 'a' in mp, mp.get('z', 0), mp.copy(), type(mp), str(mp))
try: mp['b'] = 2
except TypeError as e: print(e)
try: types.MappingProxyType([1])
except TypeError as e: print(e)
print(mp | {'b': 2})
m = types.ModuleType('mymod', 'docs'); print(m, m.__name__, m.__doc__)
def f(self): return self
class A: pass
a = A()
bm = types.MethodType(f, a); print(bm() is a, type(bm).__name__)
try: types.MethodType(1, a)
except TypeError as e: print(e)
C = types.new_class('C', (A,), {}, lambda ns: ns.update(x=1))
print(C, C.x, C.__bases__, C.__mro__)
print(types.prepare_class('D', (A,)))
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw): return {'prepared': kw}
print(types.prepare_class('E', (), {'metaclass': Meta, 'k': 1}))
E = types.new_class('E', (), {'metaclass': Meta})
print(type(E), E.prepared)
class B:
    def __mro_entries__(self, bases): return (A,)
print(types.resolve_bases((B(), int)), types.resolve_bases((int,)))
F = types.new_class('F', (B(),))
print(F.__bases__, types.get_original_bases(F)[0].__class__.__name__, types.get_original_bases(A))
try: types.get_original_bases(1)
except TypeError as e: print(e)
class M1(type): pass
class M2(type): pass
class X(metaclass=M1): pass
class Y(metaclass=M2): pass
try: types.new_class('Z', (X, Y))
except TypeError as e: print(e)
class Dyn:
    @types.DynamicClassAttribute
    def name(self): return 'dyn'
print(Dyn().name)
try: Dyn.name
except AttributeError as e: print('AttributeError', e)
@types.coroutine
def gen():
    yield 1
print(list(gen()))
try: types.coroutine(1)
except TypeError as e: print(e)
