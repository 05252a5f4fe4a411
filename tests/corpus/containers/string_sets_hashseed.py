# Iteration order of small string sets and frozensets (deterministic with PYTHONHASHSEED=0).
words = {'apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape'}
print(words)
print(list(words))
print(frozenset('abcdef'))
print(set('hello world'))
print({'x', 'y', 'z'} | {'w'})
print({('a', 1), ('b', 2)})
d = {}
for w in words:
    d[w[0]] = w
print(d)
