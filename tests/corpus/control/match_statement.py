# Basic match statement with literal, capture, sequence, mapping and guard patterns.
def describe(v):
    match v:
        case 0:
            return 'zero'
        case 1 | 2 | 3:
            return 'small'
        case int(n) if n < 0:
            return f'negative {n}'
        case [x, y]:
            return f'pair {x},{y}'
        case [x, *rest]:
            return f'list head {x} rest {rest}'
        case {'name': name, **others}:
            return f'named {name} extra {sorted(others)}'
        case str() as s:
            return 'string ' + s
        case _:
            return 'other'
for v in [0, 2, -5, [1, 2], [1, 2, 3], [9], {'name': 'bob', 'a': 1}, 'hey', 3.5, None]:
    print(repr(v), '->', describe(v))
