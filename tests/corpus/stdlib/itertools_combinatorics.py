# itertools: product, permutations, combinations, combinations_with_replacement
import itertools as it

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(list(it.product('AB', 'xy')))
print(list(it.product(range(2), repeat=3)))
print(list(it.product('ab', [1], repeat=2)))
print(list(it.product()))
print(list(it.product('ab', [])))
print(list(it.product(repeat=0)))
show(lambda: it.product([1], repeat=-1))
show(lambda: it.product([1], foo=1))
show(lambda: it.product(1))

print(list(it.permutations('ABC')))
print(list(it.permutations('ABCD', 2)))
print(list(it.permutations(range(3), 0)))
print(list(it.permutations('AB', 3)))
print(list(it.permutations([], 0)), list(it.permutations([])))
print(len(list(it.permutations(range(6)))), len(list(it.permutations(range(7), 3))))
show(lambda: it.permutations([1], -1))
show(lambda: it.permutations(1))

print(list(it.combinations('ABCD', 2)))
print(list(it.combinations(range(4), 3)))
print(list(it.combinations('AB', 0)), list(it.combinations('AB', 3)))
print(len(list(it.combinations(range(10), 4))))
show(lambda: it.combinations([1]))
show(lambda: it.combinations([1], -1))
show(lambda: it.combinations([1], r='a'))

print(list(it.combinations_with_replacement('ABC', 2)))
print(list(it.combinations_with_replacement([], 0)), list(it.combinations_with_replacement([], 2)))
print(list(it.combinations_with_replacement('AB', 3)))
show(lambda: it.combinations_with_replacement([1], -1))

# Sorted inputs produce sorted outputs, in CPython's order.
p = list(it.permutations(range(4)))
print(p == sorted(p), p[:3], p[-1])
