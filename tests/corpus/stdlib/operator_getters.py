# operator: itemgetter, attrgetter, methodcaller (calls, reprs, errors, use as sort keys)
import operator as op

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

g = op.itemgetter(1)
print(g([1, 2, 3]), g('abc'), g({1: 'one'}), repr(g))
g2 = op.itemgetter(0, -1, slice(1, 3))
print(g2([5, 6, 7, 8]), repr(g2))
print(op.itemgetter('a', 'b')({'a': 1, 'b': 2}))
rows = [('b', 2), ('a', 3), ('c', 1)]
print(sorted(rows, key=op.itemgetter(1)), sorted(rows, key=op.itemgetter(0)))
print(max(rows, key=op.itemgetter(1)), list(map(op.itemgetter(0), rows)))
print(type(g).__name__, type(g))
show(lambda: op.itemgetter())
show(lambda: g([1, 2], [3]))
show(lambda: g())
show(lambda: g(x=1))
show(lambda: g([]))
show(lambda: op.itemgetter('k')({}))

class P:
    def __init__(self, name, inner=None):
        self.name = name
        self.inner = inner
    def greet(self, greeting='hi', punct='.'):
        return greeting + ' ' + self.name + punct

a = op.attrgetter('name')
print(a(P('x')), repr(a))
nested = op.attrgetter('inner.name', 'name')
print(nested(P('outer', P('inner'))), repr(nested))
print(sorted([P('b'), P('a')], key=a)[0].name)
print(op.attrgetter('real', 'imag')(3 + 4j))
show(lambda: op.attrgetter(1))
show(lambda: op.attrgetter())
show(lambda: a(1))
show(lambda: a(P('x'), 2))

m = op.methodcaller('greet')
print(m(P('bob')), repr(m))
m2 = op.methodcaller('greet', 'hello', punct='!')
print(m2(P('ann')), repr(m2))
print(op.methodcaller('split', ',')('a,b,c'), op.methodcaller('bit_length')(255))
print(repr(op.methodcaller('f', 1, 'a', x=[1])))
show(lambda: op.methodcaller())
show(lambda: op.methodcaller(1))
show(lambda: op.methodcaller('bit_length')(5, 6))
show(lambda: op.methodcaller('nope')(5))
