# Bare raise re-raises the current exception; raise e preserves args; catching and wrapping.
def parse(s):
    try:
        return int(s)
    except ValueError:
        print('logging failure for', repr(s))
        raise
for s in ['12', 'x']:
    try:
        print(parse(s))
    except ValueError as e:
        print('caller got', e)
def wrap():
    try:
        {}['missing']
    except KeyError as e:
        err = e
    raise err
try:
    wrap()
except KeyError as e:
    print('KeyError again', e, e.args)
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)
