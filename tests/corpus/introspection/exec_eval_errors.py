# introspection: errors from exec/eval/compile: bad modes, non-dict globals, syntax errors
for args in [("1", "<s>", "bogus"), (5, "<s>", "eval")]:
    try:
        compile(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno, e.filename)
try:
    eval("x = 1")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    exec("1", [])
except TypeError as e:
    print("TypeError", e)
try:
    eval("1", {}, 5)
except TypeError as e:
    print("TypeError", e)
try:
    eval(5)
except TypeError as e:
    print("TypeError", e)
try:
    exec("raise KeyError('inside')")
except KeyError as e:
    print("KeyError", e)
try:
    eval("undefined_name")
except NameError as e:
    print("NameError", e)
exec("def broken(:\n    pass")
