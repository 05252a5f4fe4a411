# introspection: closure cells: reading, writing, and the empty-cell error
def counter():
    count = 0
    def bump():
        nonlocal count
        count += 1
        return count
    return bump

b = counter()
b(); b()
cell = b.__closure__[0]
print(cell.cell_contents)
cell.cell_contents = 40
print(b(), cell.cell_contents)

def late():
    def get():
        return value
    cells = get.__closure__
    try:
        print(cells[0].cell_contents)
    except ValueError as e:
        print("ValueError:", e)
    value = 1
    print(cells[0].cell_contents)
    del value
    return cells[0]

c = late()
print(c.cell_contents)
