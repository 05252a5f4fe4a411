# A formatted report table mixing format(), str.format, f-strings and % formatting.
rows = [('Widget', 4, 3.5), ('Gadget', 12, 12.25), ('Doohickey', 1, 199.999), ('Thingamajig', 1000, 0.015)]
print('%-12s %5s %10s %12s' % ('Item', 'Qty', 'Price', 'Total'))
print('-' * 42)
grand = 0.0
for name, qty, price in rows:
    total = qty * price
    grand += total
    print('{:<12} {:>5d} {:>10.2f} {:>12,.2f}'.format(name, qty, price, total))
print('-' * 42)
print(f'{"Grand total":<29}{grand:>13,.2f}')
print(f'{"Average":<29}{grand / len(rows):>13.4e}')
for i, (name, *_) in enumerate(rows, 1):
    print(f'{i:02d}. {name:.<20}{len(name):.>5}')
print('%s' % '|'.join(f'{v:^7}' for v in ['a', 'bb', 'ccc']))
