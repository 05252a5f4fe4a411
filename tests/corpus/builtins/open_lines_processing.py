# Writing a CSV-like text file then parsing it line by line with split and aggregations.
import os
path = '/tmp/pyrite_corpus_lines_%d.csv' % os.getpid()  # per process: runs may overlap
rows = [('apple', 3, 1.25), ('pear', 5, 0.8), ('fig', 12, 0.35), ('apple', 2, 1.3)]
with open(path, 'w') as f:
    f.write('name,qty,price\n')
    for name, qty, price in rows:
        f.write(f'{name},{qty},{price}\n')
totals = {}
with open(path) as f:
    header = f.readline().strip().split(',')
    print('header', header)
    for line in f:
        name, qty, price = line.strip().split(',')
        totals[name] = totals.get(name, 0) + int(qty) * float(price)
for name in sorted(totals):
    print(f'{name:>6}: {totals[name]:8.3f}')
with open(path) as f:
    lines = f.read().splitlines()
print(len(lines), lines[-1], max(lines, key=len))
os.remove(path)
