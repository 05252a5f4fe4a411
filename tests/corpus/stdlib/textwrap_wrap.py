# textwrap: wrap/fill with every TextWrapper option (widths, indents, tabs, whitespace,
# sentence endings, long words, hyphens, max_lines/placeholder) and shorten.
import textwrap
from textwrap import TextWrapper

text = ("The quick brown fox jumps over the lazy dog. Pack my box with five dozen "
        "liquor jugs!  Sphinx of black quartz, judge my vow. A well-known "
        "state-of-the-art self-contained mother-in-law--and an em--dash too. "
        "Supercalifragilisticexpialidocious is a very long word indeed.")
for width in [1, 5, 10, 15, 20, 33, 50, 70, 200]:
    print(width, textwrap.wrap(text, width))
print(textwrap.fill(text, 30))
print(textwrap.fill(text, 30, initial_indent="* ", subsequent_indent="    "))
print(textwrap.wrap(text, 25, break_on_hyphens=False))
print(textwrap.wrap(text, 12, break_long_words=False))
print(textwrap.wrap(text, 12, break_long_words=False, break_on_hyphens=False))
print(textwrap.wrap(text, 40, fix_sentence_endings=True))
print(textwrap.wrap("Hello there.  How are you? Fine! \"Yes.\" ok", 10,
                    fix_sentence_endings=True))
tabbed = "a\tb\tc\n\td\x0be\x0cf\rg  h"
print(textwrap.wrap(tabbed, 8))
print(textwrap.wrap(tabbed, 8, expand_tabs=False))
print(textwrap.wrap(tabbed, 8, replace_whitespace=False))
print(textwrap.wrap(tabbed, 8, tabsize=4))
print(textwrap.wrap("  leading and trailing   ", 10))
print(textwrap.wrap("  leading and trailing   ", 10, drop_whitespace=False))
print(textwrap.wrap("", 10), textwrap.wrap("   ", 10), textwrap.fill("   ", 10))
for lines in [1, 2, 3, 10]:
    print(lines, textwrap.wrap(text, 20, max_lines=lines))
    print(lines, textwrap.wrap(text, 20, max_lines=lines, placeholder="..."))
print(textwrap.wrap("short words here", 12, max_lines=1, placeholder=" (more)"))
print(textwrap.shorten("Hello  world!", width=12))
print(textwrap.shorten("Hello  world!", width=11))
print(textwrap.shorten("Hello world", width=10, placeholder="..."))
print(textwrap.shorten(text, 60))
print(textwrap.shorten(text, 60, placeholder=" [cut]", break_long_words=False))
w = TextWrapper(width=20, initial_indent="> ", subsequent_indent=">> ")
print(w.wrap(text))
w.width = 30
print(w.fill("one two three four five six seven eight nine ten"))
print(textwrap.wrap("--- -- - a--b c--d---e f-g-h", 4))
print(textwrap.wrap("x1-2-3 a-b-c long-hyphen-word-here", 6))
for bad in [lambda: textwrap.wrap("abc", 0), lambda: textwrap.wrap("abc", -1),
            lambda: textwrap.wrap("abc def", 4, max_lines=1, placeholder=" [.....]"),
            lambda: textwrap.shorten("abc", 2)]:
    try:
        print(bad())
    except ValueError as e:
        print("ValueError", e)
