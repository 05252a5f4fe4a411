# operator: every operator function, in-place forms, dunder aliases, and their errors
import operator as op

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for name in ['add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'pow', 'lshift',
             'rshift', 'and_', 'or_', 'xor', 'lt', 'le', 'eq', 'ne', 'gt', 'ge']:
    f = getattr(op, name)
    print(name, f(7, 3), f(2, 5), f is getattr(op, '__' + name.rstrip('_') + '__'))
print(op.add('ab', 'cd'), op.mul([1], 3), op.truediv(1, 4), op.mod(-7, 3))
print(op.neg(5), op.pos(-5), op.inv(5), op.invert(0), op.abs(-2.5), op.not_([]), op.truth([1]))
print(op.index(7), op.is_(None, None), op.is_not(1, None))
print(op.concat([1], [2]), op.concat('a', 'b'), op.contains([1, 2], 2), op.contains('abc', 'd'))
print(op.countOf([1, 2, 1, 1.0], 1), op.indexOf('abc', 'c'))
lst = [1, 2, 3]
op.setitem(lst, 0, 9)
op.delitem(lst, 1)
print(lst, op.getitem(lst, -1), op.getitem('hello', slice(1, 3)))
d = {}
op.setitem(d, 'k', 1)
print(d, op.getitem(d, 'k'))
x = [1]
y = op.iadd(x, [2])
print(x, y is x, op.iadd(1, 2), op.imul('ab', 2), op.iconcat([1], (2,)))
s = {1, 2}
print(op.ior(s, {3}), s, op.isub(10, 3), op.ipow(2, 10), op.itruediv(1, 2), op.ifloordiv(7, 2))
print(op.imod(7, 4), op.ilshift(1, 4), op.irshift(16, 2), op.iand(6, 3), op.ixor(6, 3))
print(op.length_hint([1, 2, 3]), op.length_hint(iter([1, 2])), op.length_hint(5), op.length_hint(5, 7))
print(op.call(len, [1, 2]), op.call(dict, a=1), op.call(max, 3, 9, 4))

class A:
    def __length_hint__(self): return -1
class B:
    def __length_hint__(self): return 'x'
class C:
    def __length_hint__(self): return NotImplemented
show(lambda: op.length_hint(A()))
show(lambda: op.length_hint(B()))
show(lambda: op.length_hint(C(), 4))
show(lambda: op.length_hint(5, 'a'))
show(lambda: op.add(1))
show(lambda: op.neg())
show(lambda: op.neg(1, 2))
show(lambda: op.not_())
show(lambda: op.add(a=1, b=2))
show(lambda: op.concat(1, 2))
show(lambda: op.concat([1], (2,)))
show(lambda: op.iconcat(1, 2))
show(lambda: op.indexOf([1, 2], 3))
show(lambda: op.index(1.5))
show(lambda: op.call())
show(lambda: op.truth())
show(lambda: op.is_(1))
show(lambda: op.getitem([1]))
show(lambda: op.setitem([1], 0))
show(lambda: op.delitem([1], 5))
show(lambda: op.abs('a'))
show(lambda: op.inv('a'))
show(lambda: op.pow(2, 10, 3))
show(lambda: op.matmul(1, 2))
show(lambda: op.imatmul(1, 2))
show(lambda: op.truediv(1, 0))
show(lambda: op.lt(1, 'a'))
print(op.lt.__name__, op.__lt__.__name__, op.__not__(1), op.__inv__(3), op.__index__(True))
