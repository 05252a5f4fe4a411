# Syntax error: 'continue' not properly in loop (inside a function defined in a loop).
for i in range(3):
    def f():
        continue
print('never')
