"""Pyrite's io module: the I/O class hierarchy, in-memory streams (StringIO, BytesIO)
and the file objects `open()` returns (implemented in Rust, module `_io`)."""

import _io

__all__ = ['BlockingIOError', 'open', 'open_code', 'IOBase', 'RawIOBase', 'FileIO',
           'BytesIO', 'StringIO', 'BufferedIOBase', 'BufferedReader', 'BufferedWriter',
           'BufferedRWPair', 'BufferedRandom', 'TextIOBase', 'TextIOWrapper',
           'UnsupportedOperation', 'SEEK_SET', 'SEEK_CUR', 'SEEK_END',
           'DEFAULT_BUFFER_SIZE', 'text_encoding', 'IncrementalNewlineDecoder']

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = _io.DEFAULT_BUFFER_SIZE
UnsupportedOperation = _io.UnsupportedOperation
TextIOWrapper = _io.TextIOWrapper
BufferedReader = _io.BufferedReader
open = _io.open
BlockingIOError = BlockingIOError


def open_code(path):
    return open(path, 'rb')


def text_encoding(encoding, stacklevel=2):
    return 'utf-8' if encoding is None else encoding


def _index(value):
    if isinstance(value, int):
        return int(value)
    try:
        index = type(value).__index__
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(value).__name__) from None
    return index(value)


def _size_arg(size):
    if size is None:
        return -1
    if isinstance(size, int):
        return int(size)
    try:
        index = type(size).__index__
    except AttributeError:
        raise TypeError("argument should be integer or None, not '%s'"
                        % type(size).__name__) from None
    return index(size)


class _IOMeta(type):
    """Lets the Rust file types count as instances of the abstract I/O classes."""

    def __instancecheck__(cls, obj):
        return cls.__subclasscheck__(type(obj))

    def __subclasscheck__(cls, sub):
        if type.__subclasscheck__(cls, sub):
            return True
        for registered in cls.__dict__.get('_registered_', ()):
            if issubclass(sub, registered):
                return True
        return False

    def register(cls, subclass):
        if '_registered_' not in cls.__dict__:
            type.__setattr__(cls, '_registered_', [])
        cls._registered_.append(subclass)
        return subclass


class IOBase(metaclass=_IOMeta):
    """The base of every I/O class."""

    __closed = False

    def _unsupported(self, name):
        raise UnsupportedOperation(name)

    def seek(self, pos, whence=0):
        self._unsupported('seek')

    def tell(self):
        return self.seek(0, 1)

    def truncate(self, pos=None):
        self._unsupported('truncate')

    def flush(self):
        self._checkClosed()

    def close(self):
        if not self.__closed:
            try:
                self.flush()
            finally:
                self.__closed = True

    @property
    def closed(self):
        return self.__closed

    def _checkClosed(self, msg=None):
        if self.closed:
            raise ValueError('I/O operation on closed file.' if msg is None else msg)

    def seekable(self):
        return False

    def readable(self):
        return False

    def writable(self):
        return False

    def fileno(self):
        self._unsupported('fileno')

    def isatty(self):
        self._checkClosed()
        return False

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readline(self, size=-1):
        size = _size_arg(size)
        out = bytearray()
        while size < 0 or len(out) < size:
            b = self.read(1)
            if not b:
                break
            out += b
            if out.endswith(b'\n'):
                break
        return bytes(out)

    def readlines(self, hint=None):
        hint = _size_arg(hint)
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint < total:
                break
        return lines

    def writelines(self, lines):
        self._checkClosed()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    """Unbuffered binary I/O."""

    def read(self, size=-1):
        size = _size_arg(size)
        if size < 0:
            return self.readall()
        b = bytearray(size)
        n = self.readinto(b)
        if n is None:
            return None
        return bytes(b[:n])

    def readall(self):
        out = bytearray()
        while True:
            data = self.read(DEFAULT_BUFFER_SIZE)
            if not data:
                break
            out += data
        return bytes(out)

    def readinto(self, b):
        self._unsupported('readinto')

    def write(self, b):
        self._unsupported('write')


class BufferedIOBase(IOBase):
    """Buffered binary I/O."""

    def read(self, size=-1):
        self._unsupported('read')

    def read1(self, size=-1):
        self._unsupported('read1')

    def write(self, b):
        self._unsupported('write')

    def detach(self):
        self._unsupported('detach')

    def readinto(self, b):
        data = self.read(len(b))
        n = len(data)
        b[:n] = data
        return n


class TextIOBase(IOBase):
    """Text I/O."""

    def read(self, size=-1):
        self._unsupported('read')

    def write(self, s):
        self._unsupported('write')

    def detach(self):
        self._unsupported('detach')

    @property
    def encoding(self):
        return None

    @property
    def newlines(self):
        return None

    @property
    def errors(self):
        return None


for _abstract, _concrete in ((TextIOBase, TextIOWrapper), (BufferedIOBase, BufferedReader),
                              (IOBase, TextIOWrapper), (IOBase, BufferedReader)):
    _abstract.register(_concrete)
FileIO = BufferedWriter = BufferedRandom = BufferedRWPair = BufferedReader

_NEWLINE_KINDS = (('\r', 1), ('\n', 2), ('\r\n', 4))


class StringIO(TextIOBase):
    """An in-memory text stream."""

    def __init__(self, initial_value='', newline='\n'):
        if newline is not None and not isinstance(newline, str):
            raise TypeError('newline must be str or None, not %s' % type(newline).__name__)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError('illegal newline value: %r' % (newline,))
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError('initial_value must be str or None, not %s'
                            % type(initial_value).__name__)
        self._newline = newline
        self._translate_out = newline if newline in ('\r', '\r\n') else None
        self._seen = 0
        self._text = ''
        self._chunks = []
        self._size = 0
        self._pos = 0
        self._closed = False
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    def __repr__(self):
        return '<_io.StringIO object at %#x>' % id(self)

    def _check(self):
        if self._closed:
            raise ValueError('I/O operation on closed file')

    def _joined(self):
        if self._chunks:
            self._text = self._text + ''.join(self._chunks)
            self._chunks = []
        return self._text

    def _note_newlines(self, s):
        if '\r' in s:
            crlf = s.count('\r\n')
            if crlf:
                self._seen |= 4
            if s.count('\r') > crlf:
                self._seen |= 1
            if s.count('\n') > crlf:
                self._seen |= 2
        elif '\n' in s:
            self._seen |= 2

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError('string argument expected, got %r' % type(s).__name__)
        n = len(s)
        newline = self._newline
        if newline is None or newline == '':
            self._note_newlines(s)
        if newline is None:
            if '\r' in s:
                s = s.replace('\r\n', '\n').replace('\r', '\n')
        elif self._translate_out is not None and '\n' in s:
            s = s.replace('\n', self._translate_out)
        if not s:
            return n
        pos = self._pos
        if pos == self._size:
            self._chunks.append(s)
        else:
            text = self._joined()
            if pos > self._size:
                text = text + '\0' * (pos - self._size)
            self._text = text[:pos] + s + text[pos + len(s):]
        self._pos = pos + len(s)
        if self._pos > self._size:
            self._size = self._pos
        return n

    def writelines(self, lines):
        self._check()
        for line in lines:
            self.write(line)

    def getvalue(self):
        self._check()
        return self._joined()

    def read(self, size=-1):
        self._check()
        size = _size_arg(size)
        text = self._joined()
        start = self._pos
        if start >= self._size:
            return ''
        end = self._size if size < 0 else min(self._size, start + size)
        self._pos = end
        return text[start:end]

    def _line_end(self, text, start, limit):
        newline = self._newline
        if newline is None or newline == '\n':
            i = text.find('\n', start, limit)
            return limit if i < 0 else i + 1
        if newline == '':
            i = start
            while i < limit:
                c = text[i]
                if c == '\n':
                    return i + 1
                if c == '\r':
                    if i + 1 < limit and text[i + 1] == '\n':
                        return i + 2
                    return i + 1
                i += 1
            return limit
        i = text.find(newline, start, limit)
        return limit if i < 0 else i + len(newline)

    def readline(self, size=-1):
        self._check()
        size = _size_arg(size)
        text = self._joined()
        start = self._pos
        if start >= self._size:
            return ''
        limit = self._size if size < 0 else min(self._size, start + size)
        end = self._line_end(text, start, limit)
        self._pos = end
        return text[start:end]

    def readlines(self, hint=None):
        self._check()
        hint = _size_arg(hint)
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if 0 < hint < total:
                break
        return lines

    def __iter__(self):
        # iter() goes through IOBase's check, whose message ends with a period.
        if self._closed:
            raise ValueError('I/O operation on closed file.')
        return self

    def __next__(self):
        self._check()
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def seek(self, pos, whence=0):
        self._check()
        pos = _index(pos)
        whence = _index(whence)
        if whence not in (0, 1, 2):
            raise ValueError('Invalid whence (%d, should be 0, 1 or 2)' % whence)
        if whence == 0:
            if pos < 0:
                raise ValueError('Negative seek position %d' % pos)
            self._pos = pos
        elif pos != 0:
            # CPython says "cur-relative" for whence 2 as well.
            raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            self._pos = self._size
        return self._pos

    def tell(self):
        self._check()
        return self._pos

    def truncate(self, size=None):
        self._check()
        size = self._pos if size is None else _index(size)
        if size < 0:
            raise ValueError('Negative size value %d' % size)
        if size < self._size:
            self._text = self._joined()[:size]
            self._size = size
        return size

    def close(self):
        self._closed = True
        self._text = ''
        self._chunks = []

    @property
    def closed(self):
        return self._closed

    @property
    def line_buffering(self):
        self._check()
        return False

    @property
    def newlines(self):
        self._check()
        if self._newline not in (None, '') or not self._seen:
            return None
        kinds = tuple(k for k, bit in _NEWLINE_KINDS if self._seen & bit)
        return kinds[0] if len(kinds) == 1 else kinds

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def flush(self):
        pass

    def isatty(self):
        self._check()
        return False

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *args):
        self.close()

    def __getstate__(self):
        self._check()
        return (self.getvalue(), self._newline, self._pos, None)


def _bytes_like(b):
    if isinstance(b, (bytes, bytearray)):
        return b
    if isinstance(b, memoryview):
        return b.tobytes()
    raise TypeError("a bytes-like object is required, not '%s'" % type(b).__name__)


class BytesIO(BufferedIOBase):
    """An in-memory binary stream."""

    def __init__(self, initial_bytes=None):
        self._buf = bytearray() if initial_bytes is None else bytearray(_bytes_like(initial_bytes))
        self._pos = 0
        self._closed = False

    def __repr__(self):
        return '<_io.BytesIO object at %#x>' % id(self)

    def _check(self):
        if self._closed:
            raise ValueError('I/O operation on closed file.')

    def getvalue(self):
        self._check()
        return bytes(self._buf)

    def getbuffer(self):
        self._check()
        return memoryview(self._buf)

    def read(self, size=-1):
        self._check()
        size = _size_arg(size)
        start = self._pos
        n = len(self._buf)
        if start >= n:
            return b''
        end = n if size < 0 else min(n, start + size)
        self._pos = end
        return bytes(self._buf[start:end])

    read1 = read

    def readline(self, size=-1):
        self._check()
        size = _size_arg(size)
        start = self._pos
        n = len(self._buf)
        if start >= n:
            return b''
        limit = n if size < 0 else min(n, start + size)
        i = self._buf.find(b'\n', start, limit)
        end = limit if i < 0 else i + 1
        self._pos = end
        return bytes(self._buf[start:end])

    def readlines(self, hint=None):
        self._check()
        hint = _size_arg(hint)
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if 0 < hint < total:
                break
        return lines

    def readinto(self, b):
        self._check()
        data = self.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    readinto1 = readinto

    def write(self, b):
        self._check()
        data = _bytes_like(b)
        n = len(data)
        if not n:
            return 0
        pos = self._pos
        size = len(self._buf)
        if pos > size:
            self._buf.extend(bytes(pos - size))
        self._buf[pos:pos + n] = data
        self._pos = pos + n
        return n

    def writelines(self, lines):
        self._check()
        for line in lines:
            self.write(line)

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def seek(self, pos, whence=0):
        self._check()
        pos = _index(pos)
        whence = _index(whence)
        if whence == 0:
            if pos < 0:
                raise ValueError('negative seek value %d' % pos)
        elif whence == 1:
            pos = max(0, self._pos + pos)
        elif whence == 2:
            pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError('invalid whence (%d, should be 0, 1 or 2)' % whence)
        self._pos = pos
        return pos

    def tell(self):
        self._check()
        return self._pos

    def truncate(self, size=None):
        self._check()
        size = self._pos if size is None else _index(size)
        if size < 0:
            raise ValueError('negative size value %d' % size)
        if size < len(self._buf):
            del self._buf[size:]
        return size

    def close(self):
        self._closed = True

    @property
    def closed(self):
        return self._closed

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def flush(self):
        self._check()

    def isatty(self):
        self._check()
        return False

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *args):
        self.close()


class IncrementalNewlineDecoder:
    """Translates \\r\\n and \\r to \\n across chunks when `translate` is true."""

    def __init__(self, decoder, translate, errors='strict'):
        self.decoder = decoder
        self.translate = translate
        self.errors = errors
        self._pending_cr = False

    def decode(self, input, final=False):
        text = input if self.decoder is None else self.decoder.decode(input, final=final)
        if self._pending_cr:
            text = '\r' + text
            self._pending_cr = False
        if text.endswith('\r') and not final:
            text = text[:-1]
            self._pending_cr = True
        if self.translate:
            text = text.replace('\r\n', '\n').replace('\r', '\n')
        return text

    def reset(self):
        self._pending_cr = False


for _cls in (IOBase, RawIOBase, BufferedIOBase, TextIOBase, StringIO, BytesIO):
    _cls.__module__ = 'io' if _cls in (IOBase, RawIOBase, BufferedIOBase, TextIOBase) else '_io'
del _cls
