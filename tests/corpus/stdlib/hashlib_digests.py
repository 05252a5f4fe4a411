# hashlib: md5/sha1/sha2 digests, incremental update, copy, new(), attributes and bad input
import hashlib

names = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"]
inputs = [b"", b"abc", b"The quick brown fox jumps over the lazy dog", bytes(range(256)) * 5, b"a" * 1000]
for name in names:
    ctor = getattr(hashlib, name)
    for data in inputs:
        print(name, len(data), ctor(data).hexdigest())
    h = ctor()
    print(name, h.name, h.digest_size, h.block_size, len(h.digest()), h.digest() == ctor(b"").digest())

h = hashlib.sha256()
for i in range(100):
    h.update(str(i).encode())
c = h.copy()
h.update(b"more")
print(c.hexdigest(), h.hexdigest(), hashlib.sha256(b"".join(str(i).encode() for i in range(100))).hexdigest())
print(hashlib.new("md5", b"abc").hexdigest(), hashlib.new("SHA1").name, hashlib.new(name="sha512", data=b"x").hexdigest()[:16])
print(hashlib.sha256(bytearray(b"abc")).hexdigest() == hashlib.sha256(memoryview(b"abc")).hexdigest())
print(hashlib.md5(string=b"a").hexdigest(), hashlib.sha1(b"a", usedforsecurity=False).hexdigest())
print(type(hashlib.md5()).__name__, type(hashlib.md5()).__module__, sorted(hashlib.algorithms_guaranteed & set(names)))
d = hashlib.md5(b"x")
print(d.digest(), d.digest() == d.digest(), d.hexdigest() == d.digest().hex())

for call in ["hashlib.new('foo')", "hashlib.md5('abc')", "hashlib.md5(5)", "hashlib.sha256().update('x')",
             "hashlib.sha256().update(5)", "hashlib.new(5)", "hashlib.sha256(None)"]:
    try:
        print(call, "->", eval(call))
    except Exception as e:
        print(call, "!!", type(e).__name__, e)
