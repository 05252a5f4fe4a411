# A syntax error in an imported module is raised at the import statement
import sys
try:
    import _syntax_bad
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.filename.endswith("_syntax_bad.py"))
print("_syntax_bad" in sys.modules)
value = 1
for i in range(3):
    value *= 2
print(value)
import _syntax_bad
