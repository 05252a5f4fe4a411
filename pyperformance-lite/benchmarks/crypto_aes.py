# crypto_aes: AES-128 (FIPS-197) in pure Python -- S-box derived from GF(2^8) inverses, key
# expansion, table-driven SubBytes/ShiftRows/MixColumns -- encrypting and decrypting a buffer in
# CBC mode with PKCS#7 padding. Exercises byte-sized integer XOR/shift/table lookups, bytes and
# bytearray handling and list slicing. Prints the FIPS-197 test vector, a digest of the
# ciphertext and whether decryption round-trips.

from _scale import scaled


def gf_mul(a, b):
    product = 0
    while b:
        if b & 1:
            product ^= a
        a <<= 1
        if a & 0x100:
            a ^= 0x11B
        b >>= 1
    return product


def make_sbox():
    inverse = [0] * 256
    for a in range(1, 256):
        for b in range(1, 256):
            if gf_mul(a, b) == 1:
                inverse[a] = b
                break
    sbox = [0] * 256
    for x in range(256):
        b = inverse[x]
        s = b
        for shift in range(1, 5):
            s ^= ((b << shift) | (b >> (8 - shift))) & 0xFF
        sbox[x] = s ^ 0x63
    inv_sbox = [0] * 256
    for x, s in enumerate(sbox):
        inv_sbox[s] = x
    return sbox, inv_sbox


SBOX, INV_SBOX = make_sbox()
MUL2 = [gf_mul(x, 2) for x in range(256)]
MUL3 = [gf_mul(x, 3) for x in range(256)]
MUL9 = [gf_mul(x, 9) for x in range(256)]
MUL11 = [gf_mul(x, 11) for x in range(256)]
MUL13 = [gf_mul(x, 13) for x in range(256)]
MUL14 = [gf_mul(x, 14) for x in range(256)]
# State byte i is row i % 4, column i // 4; row r is rotated left by r columns.
SHIFT = [(i % 4) + 4 * ((i // 4 + i % 4) % 4) for i in range(16)]
UNSHIFT = [0] * 16
for _i, _j in enumerate(SHIFT):
    UNSHIFT[_j] = _i


def expand_key(key):
    words = [list(key[i:i + 4]) for i in range(0, 16, 4)]
    rcon = 1
    for i in range(4, 44):
        temp = words[i - 1][:]
        if i % 4 == 0:
            temp = temp[1:] + temp[:1]
            temp = [SBOX[b] for b in temp]
            temp[0] ^= rcon
            rcon = MUL2[rcon]
        words.append([a ^ b for a, b in zip(words[i - 4], temp)])
    return [sum(words[4 * r:4 * r + 4], []) for r in range(11)]


def encrypt_block(block, round_keys):
    state = [b ^ k for b, k in zip(block, round_keys[0])]
    for rnd in range(1, 11):
        state = [SBOX[state[SHIFT[i]]] for i in range(16)]
        if rnd != 10:
            mixed = [0] * 16
            for c in range(0, 16, 4):
                a0, a1, a2, a3 = state[c], state[c + 1], state[c + 2], state[c + 3]
                mixed[c] = MUL2[a0] ^ MUL3[a1] ^ a2 ^ a3
                mixed[c + 1] = a0 ^ MUL2[a1] ^ MUL3[a2] ^ a3
                mixed[c + 2] = a0 ^ a1 ^ MUL2[a2] ^ MUL3[a3]
                mixed[c + 3] = MUL3[a0] ^ a1 ^ a2 ^ MUL2[a3]
            state = mixed
        key = round_keys[rnd]
        state = [state[i] ^ key[i] for i in range(16)]
    return state


def decrypt_block(block, round_keys):
    key = round_keys[10]
    state = [block[i] ^ key[i] for i in range(16)]
    for rnd in range(9, -1, -1):
        state = [INV_SBOX[state[UNSHIFT[i]]] for i in range(16)]
        key = round_keys[rnd]
        state = [state[i] ^ key[i] for i in range(16)]
        if rnd != 0:
            mixed = [0] * 16
            for c in range(0, 16, 4):
                a0, a1, a2, a3 = state[c], state[c + 1], state[c + 2], state[c + 3]
                mixed[c] = MUL14[a0] ^ MUL11[a1] ^ MUL13[a2] ^ MUL9[a3]
                mixed[c + 1] = MUL9[a0] ^ MUL14[a1] ^ MUL11[a2] ^ MUL13[a3]
                mixed[c + 2] = MUL13[a0] ^ MUL9[a1] ^ MUL14[a2] ^ MUL11[a3]
                mixed[c + 3] = MUL11[a0] ^ MUL13[a1] ^ MUL9[a2] ^ MUL14[a3]
            state = mixed
    return state


def cbc_encrypt(data, key, iv):
    round_keys = expand_key(key)
    pad = 16 - len(data) % 16
    data = bytes(data) + bytes([pad]) * pad
    out = bytearray()
    prev = list(iv)
    for i in range(0, len(data), 16):
        block = [b ^ p for b, p in zip(data[i:i + 16], prev)]
        prev = encrypt_block(block, round_keys)
        out.extend(prev)
    return bytes(out)


def cbc_decrypt(data, key, iv):
    round_keys = expand_key(key)
    out = bytearray()
    prev = list(iv)
    for i in range(0, len(data), 16):
        block = list(data[i:i + 16])
        plain = decrypt_block(block, round_keys)
        out.extend(p ^ q for p, q in zip(plain, prev))
        prev = block
    pad = out[-1]
    if not 1 <= pad <= 16 or out[-pad:] != bytes([pad]) * pad:
        raise ValueError("bad padding")
    return bytes(out[:-pad])


def fnv1a(data):
    h = 0x811C9DC5
    for b in data:
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


def main(size, rounds):
    key = bytes(range(16))
    vector = encrypt_block(list(bytes.fromhex("00112233445566778899aabbccddeeff")), expand_key(key))
    print(bytes(vector).hex())
    print(bytes(decrypt_block(vector, expand_key(key))).hex())
    message = bytes((i * 31 + (i >> 3)) & 0xFF for i in range(size))
    iv = bytes(range(100, 116))
    ok = True
    for r in range(rounds):
        key = bytes((b + r) & 0xFF for b in key)
        cipher = cbc_encrypt(message, key, iv)
        ok = ok and cbc_decrypt(cipher, key, iv) == message
    print(len(cipher), "%08x" % fnv1a(cipher), cipher[-16:].hex())
    print(ok)


main(3000, scaled(70))
