# dir() of modules, code objects, frames, tracebacks and cells, and the attributes and
# methods it lists: code.replace, co_linetable/co_exceptiontable (decoded here in
# CPython's documented formats and checked against co_positions()), _varname_from_oparg,
# frame and traceback attributes, cell_contents.
import sys

mod = type(sys)("fresh", "a doc")
print("module", dir(mod), mod.__doc__, mod.__name__)


def sample(a, b):
    try:
        total = a + b
    except TypeError:
        total = None
    return total


code = sample.__code__
print("code", dir(code))
print("  not served by getattr:", [n for n in dir(code) if n != "co_lnotab" and not hasattr(code, n)])


def varints(data, i):
    """CPython's location-table varint: 6-bit groups, least significant first."""
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 63) << shift
        shift += 6
        if not byte & 64:
            return value, i


def decode_linetable(code):
    out, line, i, data = [], code.co_firstlineno, 0, code.co_linetable
    while i < len(data):
        first = data[i]
        i += 1
        kind, length = (first >> 3) & 15, (first & 7) + 1
        if kind == 15:
            pos = (None, None, None, None)
        elif kind == 14:
            delta, i = varints(data, i)
            line += -(delta >> 1) if delta & 1 else delta >> 1
            end, i = varints(data, i)
            col, i = varints(data, i)
            end_col, i = varints(data, i)
            pos = (line, line + end, col - 1, end_col - 1)
        elif kind == 13:
            delta, i = varints(data, i)
            line += -(delta >> 1) if delta & 1 else delta >> 1
            pos = (line, line, None, None)
        elif kind >= 10:
            line += kind - 10
            pos = (line, line, data[i], data[i + 1])
            i += 2
        else:
            second = data[i]
            i += 1
            col = kind * 8 + (second >> 4)
            pos = (line, line, col, col + (second & 15))
        out.extend([pos] * length)
    return out


positions = list(code.co_positions())
print(decode_linetable(code) == positions, decode_linetable(sample.__code__) == positions)


def decode_exceptiontable(data):
    entries, i = [], 0
    while i < len(data):
        fields = []
        for _ in range(4):
            value = data[i] & 63
            while data[i] & 64:
                i += 1
                value = (value << 6) | (data[i] & 63)
            i += 1
            fields.append(value)
        start, size, target, depth_lasti = fields
        entries.append((start, start + size, target, depth_lasti >> 1, depth_lasti & 1))
    return entries


table = decode_exceptiontable(code.co_exceptiontable)
print(len(table) >= 1, all(s < e for s, e, *_ in table), all(d >= 0 for *_, d, l in table))
print(type(code.co_linetable).__name__, type(code._co_code_adaptive).__name__)
print([code._varname_from_oparg(i) for i in range(len(code.co_varnames))])
renamed = code.replace(co_name="other", co_qualname="Q.other")
print(renamed.co_name, renamed.co_qualname, renamed.co_varnames == code.co_varnames)
moved = code.__replace__(co_firstlineno=code.co_firstlineno + 100)
print([p[0] - q[0] for p, q in zip(moved.co_positions(), code.co_positions()) if p[0]][:3])
sample.__code__ = renamed
print(sample(1, 2), sample.__code__.co_name)
for bad in [{"co_name": 5}, {"bogus": 1}]:
    try:
        code.replace(**bad)
    except TypeError as e:
        print("TypeError", e)
try:
    code.replace(1)
except TypeError as e:
    print("TypeError", e)
print(repr(type(code).__dict__["co_name"]), repr(type(code).__dict__["co_varnames"]))

frame = sys._getframe()
print("frame", dir(frame))
print("  not served by getattr:", [n for n in dir(frame) if not hasattr(frame, n)])
print(repr(type(frame).__dict__["f_lineno"]), type(frame).__dict__["f_lineno"].__get__(frame))

try:
    1 / 0
except ZeroDivisionError as e:
    tb = e.__traceback__
print("traceback", dir(tb), tb.__dir__())
print(tb.tb_lineno, tb.tb_next, tb.tb_frame is frame, repr(type(tb).__dict__["tb_frame"]))


def outer():
    x = 1

    def inner():
        return x

    return inner.__closure__[0]


cell = outer()
print("cell", dir(cell))
print(cell.cell_contents, repr(type(cell).__dict__["cell_contents"]))
cell.cell_contents = 2
print(cell.cell_contents)
del cell.cell_contents
try:
    cell.cell_contents
except ValueError as e:
    print("ValueError", e)
