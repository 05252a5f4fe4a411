# chr/ord round trips, hex/oct/bin of positive/negative/big ints, and errors.
print([ord(c) for c in 'Az09 \n~'], ord('é'), ord('€'), ord('\U0001F600'), ord('\x00'))
print(chr(65), chr(97), chr(0x20AC), chr(0x1F600), repr(chr(0)), repr(chr(127)), chr(1114111) == '\U0010ffff')
print(''.join(chr(ord(c) + 1) for c in 'HAL'))
print(hex(255), hex(-255), hex(0), oct(8), oct(-8), bin(5), bin(-5), bin(0), hex(2 ** 70))
print(hex(True), bin(2 ** 64 - 1), oct(0o777))
for bad in [lambda: chr(1114112), lambda: chr(-1), lambda: ord(''), lambda: ord('ab'), lambda: hex(1.5),
            lambda: chr('a'), lambda: bin('1')]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
class Idx:
    def __index__(self):
        return 42
print(hex(Idx()), bin(Idx()), chr(Idx()))
