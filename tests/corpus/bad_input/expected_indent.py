# Indentation error: expected an indented block after a function definition.
def f():
return 1
print(f())
