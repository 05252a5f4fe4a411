"""Wrapping and filling of plain text (`wrap`, `fill`, `shorten`, `dedent`, `indent`,
`TextWrapper`), producing the same lines as CPython's `textwrap`.

Pyrite's own implementation: text is cut into chunks (words, runs of whitespace, and
hyphenated word parts), then chunks are packed greedily into lines.
"""

import re

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

# The whitespace textwrap knows about (not all of Unicode's: NBSP must not break lines).
_WS = '\t\n\x0b\x0c\r '
_WS_CLASS = '[\t\n\x0b\x0c\r ]'
_NON_WS = '[^\t\n\x0b\x0c\r ]'
_LETTER = r'[^\d\W]'
_WORD_PUNCT = r'[\w!"\'&.,?]'

# One chunk: a whitespace run, an em-dash between words, or a word that ends at
# whitespace, at a hyphen between letters, or before an em-dash.
_CHUNK_WITH_HYPHENS = re.compile(
    '(?:'
    + _WS_CLASS + '+'
    + '|(?<=' + _WORD_PUNCT + ')-{2,}(?=\\w)'
    + '|' + _NON_WS + '+?(?:'
    + '-(?:(?<=' + _LETTER + '{2}-)|(?<=' + _LETTER + '-' + _LETTER + '-))'
    + '(?=' + _LETTER + '-?' + _LETTER + ')'
    + '|(?=' + _WS_CLASS + '|\\Z)'
    + '|(?<=' + _WORD_PUNCT + ')(?=-{2,}\\w)'
    + '))')
_CHUNK_SIMPLE = re.compile('(' + _WS_CLASS + '+)')
_SENTENCE_END = re.compile(r'[a-z][\.\!\?][\"\']?\Z')


class TextWrapper:
    """Wraps paragraphs to a width; each option is an attribute of the same name."""

    def __init__(self, width=70, initial_indent='', subsequent_indent='',
                 expand_tabs=True, replace_whitespace=True, fix_sentence_endings=False,
                 break_long_words=True, drop_whitespace=True, break_on_hyphens=True,
                 tabsize=8, *, max_lines=None, placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            for ch in _WS:
                if ch in text:
                    text = text.replace(ch, ' ')
        return text

    def _split(self, text):
        if self.break_on_hyphens is True:
            chunks = _CHUNK_WITH_HYPHENS.findall(text)
        else:
            chunks = _CHUNK_SIMPLE.split(text)
        return [c for c in chunks if c]

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == ' ' and _SENTENCE_END.search(chunks[i]):
                chunks[i + 1] = '  '
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                # prefer breaking just after the last hyphen that fits
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and any(c != '-' for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError('invalid width %r (must be > 0)' % self.width)
        if self.max_lines is not None:
            indent = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError('placeholder too large for max width')
        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            if self.drop_whitespace and chunks[-1].strip() == '' and lines:
                del chunks[-1]
            while chunks:
                n = len(chunks[-1])
                if cur_len + n <= width:
                    cur_line.append(chunks.pop())
                    cur_len += n
                else:
                    break
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(len(c) for c in cur_line)
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == '':
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            if not cur_line:
                continue
            if (self.max_lines is None or len(lines) + 1 < self.max_lines or
                    ((not chunks or self.drop_whitespace and len(chunks) == 1 and
                      not chunks[0].strip()) and cur_len <= width)):
                lines.append(indent + ''.join(cur_line))
                continue
            # the last allowed line: end it with the placeholder
            while cur_line:
                if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                    cur_line.append(self.placeholder)
                    lines.append(indent + ''.join(cur_line))
                    break
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            else:
                if lines:
                    prev = lines[-1].rstrip()
                    if len(prev) + len(self.placeholder) <= self.width:
                        lines[-1] = prev + self.placeholder
                        break
                lines.append(indent + self.placeholder.lstrip())
            break
        return lines

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def wrap(self, text):
        """The lines of `text` wrapped to the width, without final newlines."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """`text` wrapped, as one string with newlines."""
        return '\n'.join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """Collapses whitespace and truncates to one line of `width`, with a placeholder."""
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(' '.join(text.strip().split()))


def dedent(text):
    """Removes the whitespace prefix common to every non-blank line."""
    lines = text.split('\n')
    margin = None
    for line in lines:
        stripped = line.lstrip(' \t')
        if not stripped:
            continue
        prefix = line[:len(line) - len(stripped)]
        if margin is None:
            margin = prefix
        elif prefix.startswith(margin):
            pass
        elif margin.startswith(prefix):
            margin = prefix
        else:
            n = 0
            while n < len(margin) and n < len(prefix) and margin[n] == prefix[n]:
                n += 1
            margin = margin[:n]
    out = []
    for line in lines:
        if not line.lstrip(' \t'):
            # blank lines lose their whitespace entirely
            out.append('')
        elif margin:
            out.append(line[len(margin):])
        else:
            out.append(line)
    return '\n'.join(out)


def indent(text, prefix, predicate=None):
    """Adds `prefix` to the lines for which `predicate` holds (default: non-blank)."""
    out = []
    for line in text.splitlines(True):
        if (predicate(line) if predicate is not None else line.strip()):
            out.append(prefix + line)
        else:
            out.append(line)
    return ''.join(out)
