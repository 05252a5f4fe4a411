# f-strings: expressions, format specs, nested specs, conversions, = debugging, quotes, braces.
name, n, pi = 'World', 42, 3.14159265
print(f'Hello, {name}!', f'{n + 1}', f'{n * 2 = }', f'{name=}', f'{pi=:.2f}', f'{name!r}', f'{name!a}', f'{"é"!a}')
width, prec = 12, 3
print(f'[{pi:{width}.{prec}f}]', f'[{name:>{width}}]', f'[{n:0{width}b}]', f'[{n:{"^"}{10}}]')
print(f'{{braces}} {{{n}}}', f'{[1, 2][0]}', f"{'nested'}", f'{ {"a": 1}["a"] }', f'{(lambda x: x * 2)(5)}')
print(f'{n:,}', f'{10**9:_}', f'{n:#x}', f'{n:c}', f'{0.5:%}', f'{-n:+05d}', f'{n!s:>5}', f'{3 > 2}')
items = ['a', 'b']
print(f'{len(items)} items: {", ".join(items)}', f'{items[-1]!r:>5}', f'{n if n > 40 else 0}')
print(f'''multi
line {n}''', f'{n}' f'{name}', F'upper F {n}', rf'raw \n {n}', fr'{name}\t')
x = 10
print(f'{x = }', f'{x=!r}', f'{x = :5}|', f'{x*2=}', f'{items[0]=}')
print(f'{"quotes" + "inside"}', f"{'single'}", f'{name.upper():*^13}')
def fmt(v):
    return f'<{v}>'
print(f'{fmt(1)}{fmt(f"{2}")}', f'{f"{f'{3}'}"}')
print(f'{1e20}', f'{1/3}', f'{None}', f'{True:d}', f'{-0.0}')
