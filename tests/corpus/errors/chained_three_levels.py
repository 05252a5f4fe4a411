# Uncaught exception with a three-level chain mixing implicit context and explicit cause.
def level3():
    raise KeyError('deepest')
def level2():
    try:
        level3()
    except KeyError:
        raise ValueError('middle')
def level1():
    try:
        level2()
    except ValueError as e:
        raise RuntimeError('top') from e
level1()
