# struct: bad formats, bad values and short buffers raise struct.error (and TypeError/OverflowError) with CPython's messages
import struct

calls = [
    "struct.pack('i', 'a')", "struct.pack('i')", "struct.pack('i', 1, 2)", "struct.pack('i', 2**40)",
    "struct.pack('B', 256)", "struct.pack('b', 200)", "struct.pack('h', 40000)", "struct.pack('H', -1)",
    "struct.pack('<h', 40000)", "struct.pack('q', 2**63)", "struct.pack('Q', -1)", "struct.pack('<Q', 2**64)",
    "struct.pack('l', 2**64)", "struct.pack('L', -1)", "struct.pack('n', 2**64)", "struct.pack('N', -1)",
    "struct.pack('<l', 2**40)", "struct.pack('>I', -1)", "struct.unpack('i', b'12')", "struct.calcsize('z')",
    "struct.pack('c', b'ab')", "struct.pack('c', 'a')", "struct.pack('f', 'x')", "struct.pack('e', 1e10)",
    "struct.pack('<f', 1e300)", "struct.pack('s', 'str')", "struct.pack('p', 'str')",
    "struct.pack_into('i', bytearray(5), 2, 1)", "struct.pack_into('i', b'12345678', 0, 1)",
    "struct.unpack_from('i', b'12')", "struct.unpack_from('i', b'12345', 3)", "list(struct.iter_unpack('i', b'12345'))",
    "struct.iter_unpack('', b'')", "struct.unpack('i', 'abcd')", "struct.pack('i', 1.5)", "struct.calcsize('3')",
    "struct.calcsize('<n')", "struct.calcsize('<P')", "struct.calcsize('99999999999999999999i')", "struct.pack('2i', 1)",
    "struct.pack_into('i', bytearray(8), -20, 1)", "struct.unpack_from('i', b'12345678', offset=-2)",
    "struct.unpack_from('i', b'1234', offset=-20)", "struct.Struct(5)", "struct.Struct('i').pack('a')",
    "struct.pack(5)", "struct.pack()", "struct.unpack('i')", "struct.pack('@q', 1.0)", "struct.pack('i', 2**100)",
    "struct.pack('<B', 256)", "struct.pack('<b', -200)", "struct.pack('>i', 2**31)", "struct.Struct('i').unpack(b'')",
    "struct.Struct('q').pack_into(bytearray(4), 0, 1)", "struct.pack('i', None)", "struct.pack('d', None)", "struct.pack('c', bytearray(b'y'))",
]
for c in calls:
    try:
        print(c, "->", repr(eval(c)))
    except Exception as e:
        print(c, "!!", type(e).__name__, e)
