# Runtime errors inside f-string replacement fields and bad format specs.
n = 5
for thunk in [lambda: f'{n:z}', lambda: f'{"s":d}', lambda: f'{undefined_in_fstring}', lambda: f'{1 / 0}',
              lambda: f'{n:{"bad spec"}}', lambda: f'{[1][3]}']:
    try:
        print(thunk())
    except Exception as e:
        print(type(e).__name__, e)
print(f'{n!r:>{n}}|')
print(f'{n:>{n + 1}}|{n:<3}|{n:^5}|')
