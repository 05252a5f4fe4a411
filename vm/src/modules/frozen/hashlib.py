"""Secure hashes: md5, sha1, sha224, sha256, sha384, sha512 (Pyrite's hashlib; the
hash states live in the Rust `_hashlib`)."""

import _hashlib

# name: (digest_size, block_size)
_SIZES = {
    "md5": (16, 64),
    "sha1": (20, 64),
    "sha224": (28, 64),
    "sha256": (32, 64),
    "sha384": (48, 128),
    "sha512": (64, 128),
}

algorithms_guaranteed = frozenset(_SIZES)
algorithms_available = frozenset(_SIZES)

__all__ = ("md5", "sha1", "sha224", "sha256", "sha384", "sha512", "new",
           "algorithms_guaranteed", "algorithms_available", "file_digest")

_NO_DATA = object()


class HASH:
    """A running hash; `update` feeds it, `digest`/`hexdigest` read it."""

    __slots__ = ("_name", "_handle")

    def __init__(self, name, handle):
        self._name = name
        self._handle = handle

    @property
    def name(self):
        return self._name

    @property
    def digest_size(self):
        return _SIZES[self._name][0]

    @property
    def block_size(self):
        return _SIZES[self._name][1]

    def update(self, obj, /):
        _hashlib.state_update(self._handle, obj)

    def digest(self):
        return _hashlib.state_digest(self._handle)

    def hexdigest(self):
        return _hashlib.state_digest(self._handle).hex()

    def copy(self):
        return HASH(self._name, _hashlib.state_copy(self._handle))

    def __repr__(self):
        return "<" + self._name + " _hashlib.HASH object @ " + hex(id(self)) + ">"

    def __del__(self):
        _hashlib.state_free(self._handle)


HASH.__module__ = "_hashlib"


def _make(name, data, string):
    if data is not _NO_DATA and string is not None:
        raise TypeError("'data' and 'string' are mutually exclusive and support for "
                        "'string' keyword parameter is slated for removal in a future version.")
    handle = _hashlib.state_new(name)
    h = HASH(name, handle)
    if data is _NO_DATA:
        if string is not None:
            _hashlib.state_update(handle, string)
    else:
        _hashlib.state_update(handle, data)
    return h


def new(name, data=_NO_DATA, *, usedforsecurity=True, string=None):
    """A hash object for the algorithm called `name`."""
    if not isinstance(name, str):
        raise TypeError("name must be a string")
    key = name.lower()
    if key not in _SIZES:
        raise ValueError("unsupported hash type " + name)
    return _make(key, data, string)


def md5(data=_NO_DATA, *, usedforsecurity=True, string=None):
    return _make("md5", data, string)


def sha1(data=_NO_DATA, *, usedforsecurity=True, string=None):
    return _make("sha1", data, string)


def sha224(data=_NO_DATA, *, usedforsecurity=True, string=None):
    return _make("sha224", data, string)


def sha256(data=_NO_DATA, *, usedforsecurity=True, string=None):
    return _make("sha256", data, string)


def sha384(data=_NO_DATA, *, usedforsecurity=True, string=None):
    return _make("sha384", data, string)


def sha512(data=_NO_DATA, *, usedforsecurity=True, string=None):
    return _make("sha512", data, string)


def file_digest(fileobj, digest, /, *, _bufsize=2**18):
    """Hash the contents of a binary file object."""
    h = new(digest) if isinstance(digest, str) else digest()
    while True:
        chunk = fileobj.read(_bufsize)
        if not chunk:
            break
        h.update(chunk)
    return h
