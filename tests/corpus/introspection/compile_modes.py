# introspection: compile() modes exec/eval/single, code object names and single-mode echo
c1 = compile("x = 1\ny = 2", "file1", "exec")
print(c1.co_name, c1.co_filename, type(c1).__name__)
c2 = compile("x + y", "file2", "eval")
print(eval(c2, {"x": 1, "y": 2}), c2.co_name)
c3 = compile("1 + 2", "file3", "single")
exec(c3)
exec(compile("None", "s", "single"))
exec(compile("'text'", "s", "single"))
exec(compile("for i in range(2): i\n", "s", "single"))
ns = {}
exec(compile("q = 5", "s", "single"), ns)
print(ns["q"])
print(compile("pass", "f", "exec").co_firstlineno)
print(eval(compile("[a for a in range(4)]", "<listcomp>", "eval")))
src = b"print('from bytes source')"
exec(compile(src, "bytes", "exec"))
try:
    compile("a = 1\nb = 2", "multi", "single")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
compile("1", "f", "exec", flags=0x1000000)
