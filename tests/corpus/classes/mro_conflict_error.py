# Inconsistent MRO raises CPython's TypeError; duplicate bases too
class X: pass
class Y: pass
class A(X, Y): pass
class B(Y, X): pass
try:
    class C(A, B): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class D(X, X): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class E(object, X): pass
except TypeError as e:
    print("TypeError:", e)
try:
    type("F", (A, B), {})
except TypeError as e:
    print("TypeError:", e)
class G(X, object): pass
print([c.__name__ for c in G.__mro__])
class Bad(A, B): pass
