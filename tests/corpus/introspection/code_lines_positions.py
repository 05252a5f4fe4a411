# introspection: co_lines() and co_positions() cover every instruction with line numbers
def f(x):
    y = x + 1
    if y > 2:
        return y * 2
    return (
        y
        - 1
    )

lines = sorted({line for _, _, line in f.__code__.co_lines() if line is not None})
print(lines)
prev_end = 0
for start, end, line in f.__code__.co_lines():
    assert start == prev_end and end > start, (start, end)
    prev_end = end
print(prev_end == len(f.__code__.co_code))
positions = list(f.__code__.co_positions())
print(len(positions) == len(f.__code__.co_code) // 2)
lines_with_pos = sorted({p[0] for p in positions if p[0] is not None})
print(lines_with_pos)
print(all(len(p) == 4 for p in positions))
print(f.__code__.co_firstlineno, f.__code__.co_name)
