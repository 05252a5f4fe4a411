# f-strings: = specifier, conversions, nested format specs, nested quotes, expressions, errors raised inside.
x, y, name, pi = 3, 'é', 'world', 3.14159
print(f'{x=}', f'{x = }', f'{x=:>4}', f'{y=!a}', f'{name!r:^12}', f'{pi:.{x}f}', f'{pi:{x+5}.{x-1}e}', f'{x:{"<"}{8}}|')
print(f'{"nested " + f"{x}"}', f'{[i * 2 for i in range(x)]}', f'{ {"a": 1}["a"] }', f'{x if x > 2 else y}', f'{(lambda v: v + 1)(x)}')
print(f'{x!s:0>5}', f'{-x:+05d}', f'{x:#b}', f'{255:#x}', f'{1e6:,.1f}', f'{12345678:_}', f'{"abc":.2}', f'{3.5:%}', f'{0.5:.0%}')
print(f'{{literal}}', f'{{{x}}}', f'a{x}b{y}c', f'''{x
+ 1}''', f'{x:{"^"}{10}}', f'{name:{name[0]}<8}' if False else f'{name:*<8}')
print(f"{'single' + 'quotes'}", f'{"double"!r}', f'{x=!r:>5}', f'{pi=:.2f}', f'{x * 2 = }', f'{3 + 4j=}')
for bad in [lambda: f'{x:q}', lambda: f'{y:d}', lambda: f'{pi:,d}', lambda: f'{1/0}', lambda: f'{name:=}', lambda: f'{x:.2s}']:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
