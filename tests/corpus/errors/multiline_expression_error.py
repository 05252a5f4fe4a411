# Uncaught error in a multi-line expression: traceback shows the relevant lines.
def f(x):
    return x
data = {'a': 1, 'b': 2}
result = (
    f(data['a'])
    + f(data['b'])
    + f(data['c'])
)
print(result)
