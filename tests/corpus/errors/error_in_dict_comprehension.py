# Uncaught KeyError inside a dict comprehension over missing keys.
print({k: v for k, v in zip('ab', [1, 2])})
print({n: n * n for n in range(4)})
print(len({c: 1 for c in 'hello'}))
print('starting')
print({k: len(k) for k in ['apple', 'pear']})
prices = {'apple': 3, 'pear': 4}
basket = ['apple', 'pear', 'plum']
print({k: prices[k] for k in basket[:2]})
print({k: prices[k] * 2 for k in basket})
