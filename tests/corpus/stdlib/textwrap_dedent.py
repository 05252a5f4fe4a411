# textwrap: dedent (common margin of spaces/tabs, blank lines, mixed margins) and indent
# (default and custom predicates, keepends).
import textwrap

samples = [
    "    hello\n      world\n    !\n",
    "\thello\n\t\tworld\n",
    "  a\n\tb\n",
    "    a\n  \n        b\n\n   \t\n    c",
    "no indent\n  some\n",
    "  \n  \n",
    "",
    "    only one line",
    "  x\r\n  y\r\n",
    " \t a\n \t b\n \tc\n",
]
for s in samples:
    print(repr(textwrap.dedent(s)))
print(repr(textwrap.indent("a\nb\n\n  \nc", "> ")))
print(repr(textwrap.indent("a\nb\n\nc\n", "+ ", lambda line: True)))
print(repr(textwrap.indent("a\r\nb\rc\n", "# ")))
print(repr(textwrap.indent("one\ntwo", "--", lambda line: line.startswith("t"))))
print(textwrap.dedent('''
    def f():
        return 1
'''))
