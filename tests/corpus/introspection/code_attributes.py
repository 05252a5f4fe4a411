# introspection: code object attributes of functions, closures, lambdas and nested code
def outer(a, b=2, /, c=3, *args, d, e=5, **kw):
    x = a + b
    def inner(y):
        return x + y + c
    return inner

co = outer.__code__
print(co.co_name, co.co_qualname, co.co_firstlineno)
print(co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount)
print(co.co_varnames)
print(co.co_cellvars, co.co_freevars)
print(co.co_nlocals, co.co_filename.endswith("code_attributes.py"))
inner = outer(1, d=4)
ci = inner.__code__
print(ci.co_name, ci.co_qualname, ci.co_varnames, ci.co_freevars, ci.co_cellvars)
print(ci.co_argcount, ci.co_firstlineno)
lam = lambda q, *, r=1: q
print(lam.__code__.co_name, lam.__code__.co_qualname, lam.__code__.co_kwonlyargcount)
print(type(co).__name__, type(co.co_code).__name__, len(co.co_code) % 2)
print(type(co.co_consts).__name__, type(co.co_names).__name__)
def g():
    return len("abc") + glob
print(g.__code__.co_names)
print([c for c in g.__code__.co_consts if isinstance(c, str)])
