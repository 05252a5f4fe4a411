#!/usr/bin/env python3
# Generates the large and binary "bad input" corpus programs; run once, then record them.
"""Generate the generated files of tests/corpus/bad_input/.

Run from anywhere: ``python3 tests/corpus/gen_big.py``.  The outputs are committed; this
script is kept so that they can be regenerated or changed.  It is not a corpus program
(only files in the category subdirectories are).
"""

import os

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bad_input")


def write(name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
    print(f"{name}: {len(data)} bytes")


def main():
    # 10,000 nested parentheses around a literal.
    n = 10000
    write(
        "nested_parens_10000.py",
        "# 10,000 nested parentheses around a literal (parser nesting limit).\n"
        + "x = " + "(" * n + "1" + ")" * n + "\nprint(x)\n",
    )
    # Nested parentheses just under and just over CPython's tokenizer limit (200).
    write(
        "nested_parens_199.py",
        "# 199 nested parentheses: under the tokenizer nesting limit.\n"
        + "x = " + "(" * 199 + "1" + ")" * 199 + "\nprint(x)\n",
    )
    write(
        "nested_parens_201.py",
        "# 201 nested parentheses: over the tokenizer nesting limit.\n"
        + "x = " + "(" * 201 + "1" + ")" * 201 + "\nprint(x)\n",
    )
    # Deeply nested list literals: one that parses and one that exceeds the limit.
    for depth in (150, 1000):
        write(
            f"nested_list_literal_{depth}.py",
            f"# A list literal nested {depth} levels deep.\n"
            + "x = " + "[" * depth + "1" + "]" * depth + "\n"
            + "d = 0\nwhile isinstance(x, list):\n    x = x[0]\n    d += 1\nprint(d, x)\n",
        )
    # A very long line: x = 1+1+...+1 (about 1 MB).
    terms = 500000
    write(
        "long_line_1mb.py",
        "# One ~1 MB line: x = 1+1+...+1 with 500,000 terms.\n"
        + "x = " + "+".join(["1"] * terms) + "\nprint(x)\n",
    )
    # A shorter long line that compiles: a list display with many elements.
    write(
        "long_list_display.py",
        "# One long line holding a list display of 10,000 integers.\n"
        + "x = [" + ",".join(str(i % 97) for i in range(10000)) + "]\n"
        + "print(len(x), sum(x), x[-3:])\n",
    )
    # Many lines.
    lines = ["# 100,000 lines of simple assignments followed by a print.\n"]
    for i in range(100000):
        lines.append(f"x={i % 10}\n")
    lines.append("print('done', x)\n")
    write("many_lines.py", "".join(lines))
    # Invalid UTF-8 in the source.
    write(
        "invalid_utf8.py",
        b"# A source file containing invalid UTF-8 bytes in a string literal.\n"
        b"print('before')\ns = 'caf\xe9 \xff\xfe'\nprint(s)\n",
    )
    write(
        "invalid_utf8_comment.py",
        b"# A source file containing an invalid UTF-8 byte in a comment: \xc3\x28\n"
        b"print('never runs')\n",
    )
    # A NUL byte in the source.
    write(
        "nul_byte.py",
        b"# A source file containing a NUL byte.\nprint('a')\nx = 1\x00\nprint(x)\n",
    )
    # A latin-1 coding declaration makes the non-UTF-8 byte valid.
    write(
        "coding_latin1.py",
        b"# -*- coding: latin-1 -*-\n# Source encoding declaration: a latin-1 byte in a string literal.\n"
        b"s = 'caf\xe9'\nprint(s, len(s), s.encode('utf-8'))\n",
    )
    # A UTF-8 BOM at the start of the file.
    write(
        "utf8_bom.py",
        b"\xef\xbb\xbf# A source file starting with a UTF-8 byte order mark.\nprint('bom ok', '\xc3\xa9')\n",
    )


if __name__ == "__main__":
    main()
