# Assignment expressions (:=) in if, while, comprehensions and nested scopes.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print('long list', n)
i = 0
while (item := data[i]) != 9:
    print('item', item)
    i += 1
print('stopped at', item, i)
squares = [y for x in range(6) if (y := x * x) % 2 == 0]
print(squares, y)
def f():
    vals = [last := v for v in range(5)]
    return vals, last
print(f())
print((a := 10) + a, a)
total = 0
print([total := total + v for v in [1, 2, 3, 4]], total)
def g(seq):
    if any((hit := v) > 5 for v in seq):
        return 'first > 5:', hit
    return 'none', None
print(g([1, 7, 9]), g([1, 2]))
text = 'a,b,,c'
parts = []
while (pos := text.find(',')) != -1:
    parts.append(text[:pos])
    text = text[pos + 1:]
parts.append(text)
print(parts)
