# assert statements, messages, and AssertionError details.
def check(x):
    assert x > 0, 'x must be positive, got %d' % x
    return x
print(check(5))
try:
    check(-1)
except AssertionError as e:
    print(type(e).__name__, e, e.args)
try:
    assert 1 == 2
except AssertionError as e:
    print(type(e).__name__, repr(e), e.args)
try:
    assert [], ['list', 'message']
except AssertionError as e:
    print(e.args)
assert True, 'never evaluated ' + undefined_name
print('assert with true condition does not evaluate the message')
