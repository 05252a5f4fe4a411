# Uncaught KeyError whose key is a tuple (message shows the tuple repr).
grid = {(0, 0): 'origin', (1, 0): 'east'}
print(grid[(0, 0)])
print(grid[1, 1])
