# Uncaught KeyError inside a dict comprehension over missing keys.
prices = {'apple': 3, 'pear': 4}
basket = ['apple', 'pear', 'plum']
print({k: prices[k] for k in basket[:2]})
print({k: prices[k] * 2 for k in basket})
