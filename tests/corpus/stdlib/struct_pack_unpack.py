# struct: every format code in every byte order, sizes and native alignment, round trips
import struct

codes = "bBhHiIlLqQnNefd?cxsp"
for order in "@=<>!":
    sizes = []
    for c in codes:
        try:
            sizes.append(c + str(struct.calcsize(order + c)))
        except struct.error as e:
            sizes.append(c + ":" + str(e))
    print(order, " ".join(sizes))

for fmt in ["bi", "@bi", "=bi", "ci", "hq", "b3sh", "ixd", "2h0q", "?d", "5p", "i0i", "3s2x", "qb", "@e f"]:
    print(repr(fmt), struct.calcsize(fmt))

ints = {"b": [-128, -1, 0, 127], "B": [0, 1, 255], "h": [-32768, 12345, 32767], "H": [0, 65535],
        "i": [-2**31, -7, 2**31 - 1], "I": [0, 2**32 - 1], "l": [-2**31, 2**31 - 1], "L": [2**32 - 1],
        "q": [-2**63, 2**63 - 1], "Q": [0, 2**64 - 1]}
for order in "<>!=@":
    for c, vals in ints.items():
        for v in vals:
            data = struct.pack(order + c, v)
            back = struct.unpack(order + c, data)
            print(order + c, v, data, back)

floats = [0.0, -0.0, 1.0, -2.5, 0.1, 1e-300, 65504.0, 65520.0 - 1, 5.960464477539063e-08, 2.9802322387695312e-08,
          3.0e-08, 1e-8, 6.1e-05, 3.4028234663852886e+38, 1e-45, float("inf"), float("-inf"), 1/3]
for c in "efd":
    for order in "<>":
        row = []
        for x in floats:
            try:
                data = struct.pack(order + c, x)
                row.append(data.hex() + "=" + repr(struct.unpack(order + c, data)[0]))
            except OverflowError as e:
                row.append("OverflowError")
        print(order + c, " ".join(row))
nan = struct.unpack("<d", struct.pack("<d", float("nan")))[0]
print(nan != nan, struct.pack(">e", float("nan")), struct.pack("<f", float("-nan")).hex())

print(struct.pack("?", []), struct.pack("?", "x"), struct.unpack("??", b"\x00\x07"))
print(struct.pack("c", b"z"), struct.pack("2s", bytearray(b"y")), struct.unpack("3c", b"abc"))
print(struct.pack("5s", b"ab"), struct.pack("2s", b"abcdef"), struct.pack("0s", b"x"), struct.unpack("4s", b"ab\x00d"))
print(struct.pack("5p", b"ab"), struct.pack("3p", b"abcdef"), struct.unpack("5p", b"\x02abcd"), struct.unpack("3p", b"\x09ab"))
print(struct.pack("<i2x?", 7, True), struct.pack(">hcxq", 1, b"!", -2))
print(struct.pack("@bq", 1, 2), struct.pack("=bq", 1, 2), struct.pack("@bhiq", 1, 2, 3, 4))
print(struct.unpack("<HxI", struct.pack("<HxI", 513, 70000)), struct.pack("i", True), struct.pack("d", 3))

class Idx:
    def __index__(self):
        return 42
print(struct.pack("<i", Idx()), struct.pack("P", 5) == struct.pack("N", 5))

buf = bytearray(12)
struct.pack_into("<hh", buf, 2, -1, 258)
struct.pack_into("<i", buf, -4, 99)
print(buf, struct.unpack_from("<hh", buf, 2), struct.unpack_from("<i", buf, offset=-4), struct.unpack_from("<b", buf))
print(list(struct.iter_unpack("<hb", b"\x01\x00\x02\x03\x00\x04")), list(struct.iter_unpack("b", b"")))
print(struct.unpack("<i", memoryview(b"\x01\x02\x03\x04")), struct.unpack(b"<H", bytearray(b"\xff\x00")))

s = struct.Struct("<3sx2h")
print(s.size, s.format, repr(s), s.pack(b"abc", 1, -1), s.unpack(b"xyz\x00\x05\x00\x06\x00"))
s2 = struct.Struct(b">I")
print(s2.format, s2.size, s2.unpack_from(b"\x00\x00\x01\x00\xff", 0), list(s2.iter_unpack(b"\x00\x00\x00\x01\x00\x00\x00\x02")))
buf = bytearray(6)
s2.pack_into(buf, 1, 0xdeadbeef)
print(buf, type(struct.error), struct.error.__module__, issubclass(struct.error, Exception))
