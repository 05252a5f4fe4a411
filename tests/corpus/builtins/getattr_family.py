# hasattr/getattr/setattr/delattr including defaults and errors.
class Obj:
    cls_attr = 'class level'
    def method(self):
        return 'method called'
o = Obj()
setattr(o, 'x', 10)
print(getattr(o, 'x'), o.x, hasattr(o, 'x'), hasattr(o, 'y'), getattr(o, 'y', 'default'))
print(getattr(o, 'cls_attr'), getattr(o, 'method')(), hasattr(Obj, 'method'))
delattr(o, 'x')
print(hasattr(o, 'x'))
name = 'dyn' + 'amic'
setattr(o, name, [1, 2])
print(o.dynamic, getattr(o, 'dynamic'))
print(getattr(5, 'real'), getattr('abc', 'upper')(), hasattr([], 'append'), hasattr(None, 'x'))
try:
    getattr(o, 'nope')
except AttributeError as e:
    print(type(e).__name__, e)
try:
    delattr(o, 'nope')
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(o, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    setattr(1, 'x', 2)
except AttributeError as e:
    print(type(e).__name__, e)
print(getattr(o, 'nope', None) is None)
