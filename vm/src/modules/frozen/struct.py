"""Pack and unpack binary records (Pyrite's struct; the engine is the Rust `_struct`)."""

from _struct import calcsize, error, iter_unpack, pack, pack_into, unpack, unpack_from

__all__ = ["calcsize", "pack", "pack_into", "unpack", "unpack_from", "iter_unpack",
           "Struct", "error"]


class Struct:
    """A compiled format: pack and unpack without parsing the format each time."""

    __slots__ = ("_format", "_size")

    def __init__(self, format):
        if isinstance(format, bytes):
            text = format.decode("ascii")
        elif isinstance(format, str):
            text = format
        else:
            raise TypeError("Struct() argument 1 must be a str or bytes object, not "
                            + type(format).__name__)
        self._size = calcsize(text)
        self._format = text

    @property
    def format(self):
        return self._format

    @property
    def size(self):
        return self._size

    def pack(self, *values):
        return pack(self._format, *values)

    def pack_into(self, buffer, offset, *values):
        return pack_into(self._format, buffer, offset, *values)

    def unpack(self, buffer):
        return unpack(self._format, buffer)

    def unpack_from(self, buffer, offset=0):
        return unpack_from(self._format, buffer, offset)

    def iter_unpack(self, buffer):
        return iter_unpack(self._format, buffer)

    def __repr__(self):
        return "Struct(" + repr(self._format) + ")"


Struct.__module__ = "_struct"
