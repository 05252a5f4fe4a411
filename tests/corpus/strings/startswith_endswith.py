# startswith/endswith with tuples, start/end arguments and empty prefixes.
s = 'hello.world.py'
print(s.startswith('hello'), s.startswith('world'), s.startswith('world', 6), s.startswith('wor', 6, 8))
print(s.endswith('.py'), s.endswith(('.txt', '.py')), s.endswith(('.c', '.h')), s.endswith('world', 0, 11))
print(s.startswith(('x', 'he')), s.startswith(''), s.endswith(''), ''.startswith(''), ''.endswith('a'))
print(s.startswith('hello', -20), s.endswith('py', -2), s.startswith('o', -4, -3), s.endswith('', 20))
files = ['a.py', 'b.txt', 'c.PY', 'd.pyc', 'e.md']
print([f for f in files if f.endswith(('.py', '.md'))], [f for f in files if f.lower().endswith('.py')])
try:
    s.startswith(['hello'])
except TypeError as e:
    print(type(e).__name__, e)
try:
    s.endswith(('.py', 3))
except TypeError as e:
    print(type(e).__name__, e)
