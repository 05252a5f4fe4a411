# try/except/else/finally execution order in success and failure cases.
def run(x):
    log = []
    try:
        log.append('try')
        r = 10 // x
        log.append('after div')
    except ZeroDivisionError as e:
        log.append('except ' + str(e))
    else:
        log.append('else %d' % r)
    finally:
        log.append('finally')
    return log
print(run(2))
print(run(0))
def multiple(v):
    try:
        return {'a': 1}[v] if isinstance(v, str) else [1][v]
    except KeyError as e:
        return 'KeyError ' + repr(e.args)
    except (IndexError, TypeError) as e:
        return type(e).__name__ + ' ' + str(e)
print(multiple('a'), multiple('b'), multiple(5), multiple(1.5))
try:
    int('x')
except Exception as e:
    print('caught by base class:', type(e).__name__, e)
try:
    try:
        [][0]
    finally:
        print('inner finally runs before outer except')
except IndexError as e:
    print('outer caught', e)
