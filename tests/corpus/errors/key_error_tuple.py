# Uncaught KeyError whose key is a tuple (message shows the tuple repr).
pts = {(x, y): x * y for x in range(2) for y in range(2)}
print(pts)
print(pts[1, 1], pts.get((2, 2)))
grid = {(0, 0): 'origin', (1, 0): 'east'}
print(grid[(0, 0)])
pts[2, 2] = 4
print(sorted(pts), (2, 2) in pts, (3, 3) in pts)
print(len(pts), pts[(0, 1)])
print(grid[1, 1])
