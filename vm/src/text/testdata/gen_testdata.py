"""Generate the CPython reference data used by vm/src/text/tests.

Run from this directory with CPython 3.13:

    PYENV_VERSION=3.13.0 python3 gen_testdata.py

Every file is line oriented with tab-separated fields. Text fields escape
only backslash, tab, newline and carriage return (as \\\\ \\t \\n \\r).
Results are `OK:<text>` or `<ExceptionClass>:<message>`.
"""
import os
import random
import struct
import subprocess
import sys

assert sys.version_info[:2] == (3, 13), sys.version
SCALE = int(os.environ.get("TEXT_TESTDATA_SCALE", "1"))
rng = random.Random(int(os.environ.get("TEXT_TESTDATA_SEED", "20240613")))


def esc(s):
    return (s.replace("\\", "\\\\").replace("\t", "\\t")
             .replace("\n", "\\n").replace("\r", "\\r"))


def bits(x):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def outcome(fn):
    try:
        return "OK:" + esc(fn())
    except (ValueError, OverflowError, TypeError) as e:
        return "%s:%s" % (type(e).__name__, esc(str(e)))


def random_float():
    k = rng.random()
    if k < 0.25:
        while True:
            x = from_bits(rng.getrandbits(64))
            if x == x and abs(x) != float("inf"):
                return x
    if k < 0.45:  # binary fractions: exact ties in shortest repr and rounding
        return rng.getrandbits(rng.randint(1, 53)) * 2.0 ** rng.randint(-60, 20) * rng.choice([1, -1])
    if k < 0.65:  # short decimals at many scales
        return float("%.*e" % (rng.randint(0, 6), rng.uniform(1, 10))) * 10.0 ** rng.randint(-25, 25)
    if k < 0.75:
        return rng.choice([0.0, -0.0, 0.5, 1.5, 2.5, 0.125, 0.375, 1e16, 1e15, 9.5, 99.5, 0.05,
                           1e-5, 1e-4, 123456789.0, 5e-324, 1.7976931348623157e308,
                           float("inf"), float("-inf"), float("nan")])
    if k < 0.85:  # subnormals
        return from_bits(rng.getrandbits(52)) * rng.choice([1, -1])
    return rng.uniform(-1000, 1000)


def gen_float_repr():
    lines = []
    seen = set()
    while len(lines) < 2000 * SCALE:
        x = random_float()
        if x != x or abs(x) == float("inf") or bits(x) in seen:
            continue
        seen.add(bits(x))
        lines.append("%s %s" % (bits(x), repr(x)))
    # Floats exactly half-way between two shortest candidates.
    ties = 0
    while ties < 200 * SCALE:
        x = rng.getrandbits(53) * 2.0 ** rng.randint(-8, 0)
        r = repr(x)
        digits = r.replace(".", "").replace("-", "").split("e")[0].lstrip("0")
        if len(digits) >= 16 and bits(x) not in seen:
            seen.add(bits(x))
            lines.append("%s %s" % (bits(x), r))
            ties += 1
    return lines


FILLS = ["", "", "", "", "*", "0", "x", "{", "é", "😀", " "]
ALIGNS = ["", "", "<", ">", "^", "="]


def random_spec(types):
    parts = []
    a = rng.choice(ALIGNS)
    if a:
        parts.append(rng.choice(FILLS) + a)
    if rng.random() < 0.3:
        parts.append(rng.choice("+- "))
    if rng.random() < 0.05:
        parts.append("z")
    if rng.random() < 0.2:
        parts.append("#")
    if rng.random() < 0.2:
        parts.append("0")
    if rng.random() < 0.5:
        parts.append(str(rng.randint(0, 25)))
    if rng.random() < 0.2:
        parts.append(rng.choice([",", "_", ",_", ",,"]) if rng.random() < 0.05 else rng.choice(",_"))
    if rng.random() < 0.4:
        parts.append("." + (str(rng.choice([rng.randint(0, 20), rng.randint(0, 120)])) if rng.random() < 0.97 else ""))
    if rng.random() < 0.8:
        parts.append(rng.choice(types))
    return "".join(parts)


INT_TYPES = list("bcdoxXnbdoxXd") + list("eEfFgG%") + ["", "", "", "s", "é"]
FLOAT_TYPES = list("eEfFgGn%eEfFgG") + ["", "", "", "", "d", "\x01"]
STR_TYPES = ["s", "s", "", "", "d", "r"]


def random_int():
    k = rng.random()
    if k < 0.4:
        return rng.randint(-1000, 1000)
    if k < 0.7:
        return rng.randint(-2 ** 64, 2 ** 64)
    if k < 0.8:
        return rng.choice([0, 65, 0x263A, 0x1F600, 0x10FFFF, 0x110000, -1, 10 ** 30, 2 ** 1024, 2 ** 1024 - 2 ** 970])
    return rng.randint(-10 ** 40, 10 ** 40)


def random_text():
    pool = "abcXYZ 019'\"\\\t\néü€日😀\x00\x7f\xa0\u2028\U000e0001"
    return "".join(rng.choice(pool) for _ in range(rng.randint(0, 8)))


EDGE_SPECS = ["", "<<5", "==5", "^^5", "0=5", "0=+5", "0^10", "00", "000", "+0", "#0x", "0<", ">",
              "=", "z", "z.0f", "-", " ", "+,", "_", "0,", "010_", "#", "#010", ".0", ".1", "#.0",
              "#.0e", "#.0%", "12.3%", ",.3%", "0", "1", ".", ",", "_x", "_o", "_b", "0>5", "x>05",
              "\x00<5", "\n^5", "😀=+12,", "+012_.3e", "-012,.5g", " =012,.2f", "c", "^5c", "=^5"]


def gen_format():
    lines = []
    for s in EDGE_SPECS:
        for v in [0, 5, -5, 1234567, -(10 ** 25), 65]:
            lines.append("int\t%d\t%s\t%s" % (v, esc(s), outcome(lambda: format(v, s))))
        for v in [0.0, -0.0, 5.0, -1234567.125, 1e16, 1e-7, float("inf"), float("-nan")]:
            lines.append("float\t%s\t%s\t%s" % (bits(v), esc(s), outcome(lambda: format(v, s))))
        for v in ["", "ab", "é😀x"]:
            lines.append("str\t%s\t%s\t%s" % (esc(v), esc(s), outcome(lambda: format(v, s))))
    for _ in range(900 * SCALE):
        v, s = random_int(), random_spec(INT_TYPES)
        lines.append("int\t%d\t%s\t%s" % (v, esc(s), outcome(lambda: format(v, s))))
    for _ in range(1200 * SCALE):
        v, s = random_float(), random_spec(FLOAT_TYPES)
        lines.append("float\t%s\t%s\t%s" % (bits(v), esc(s), outcome(lambda: format(v, s))))
    for _ in range(300 * SCALE):
        v, s = random_text(), random_spec(STR_TYPES)
        lines.append("str\t%s\t%s\t%s" % (esc(v), esc(s), outcome(lambda: format(v, s))))
    return lines


def random_percent(convs):
    s = "%" + "".join(rng.choice("-+ #0") for _ in range(rng.choice([0, 0, 1, 2, 3])))
    if rng.random() < 0.5:
        s += str(rng.randint(0, 20))
    if rng.random() < 0.5:
        s += "." + (str(rng.randint(0, 20)) if rng.random() < 0.9 else "")
    if rng.random() < 0.1:
        s += rng.choice("hlL")
    return s + rng.choice(convs)


def gen_percent():
    lines = []
    for _ in range(700 * SCALE):
        v, t = random_int(), random_percent("diuoxX")
        lines.append("int\t%d\t%s\t%s" % (v, t, outcome(lambda: t % (v,))))
    for _ in range(1100 * SCALE):
        v, t = random_float(), random_percent("eEfFgG")
        lines.append("float\t%s\t%s\t%s" % (bits(v), t, outcome(lambda: t % (v,))))
    return lines


DIGIT_SETS = ["0123456789", "٠١٢٣٤٥٦٧٨٩", "０１２３４５６７８９", "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗", "abcdefxyzABCXYZ"]
SPACES = [" ", " ", " ", "\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\x85", "\xa0", "\u2000", "\u3000", "\u200b"]


def random_number_text(float_like):
    s = "".join(rng.choice(SPACES) for _ in range(rng.choice([0, 0, 0, 1, 2])))
    s += rng.choice(["", "", "", "", "-", "+", "-", "--", "+-"])
    if not float_like and rng.random() < 0.3:
        s += rng.choice(["0x", "0X", "0o", "0b", "0B", "0", "0x_", "0b_"])
    digits = rng.choice(DIGIT_SETS[:1] * 4 + DIGIT_SETS[1:4]) if rng.random() < 0.9 else DIGIT_SETS[4]
    for _ in range(rng.randint(0, 12)):
        s += rng.choice(digits) if rng.random() < 0.92 else "_"
    if float_like:
        if rng.random() < 0.5:
            s += "." + "".join(rng.choice("0123456789_") for _ in range(rng.randint(0, 5)))
        if rng.random() < 0.3:
            s += rng.choice("eE") + rng.choice(["", "+", "-"]) + str(rng.randint(0, 400))
        if rng.random() < 0.08:
            s = rng.choice(["inf", "-Infinity", "nan", "+NAN", "infinit", "in_f", "-iNf", " nan "])
    s += "".join(rng.choice(SPACES) for _ in range(rng.choice([0, 0, 0, 1])))
    return s


def gen_parse():
    lines = []
    for _ in range(900 * SCALE):
        s, base = random_number_text(False), rng.choice([0, 0, 10, 10, 16, 8, 2, 36, 7, 1, 37])
        lines.append("int\t%s\t%d\t%s" % (esc(s), base, outcome(lambda: hex(int(s, base)))))
    for _ in range(700 * SCALE):
        s = random_number_text(True)
        lines.append("float\t%s\t0\t%s" % (esc(s), outcome(lambda: repr(float(s)))))
    return lines


def gen_repr():
    lines = []
    for _ in range(400 * SCALE):
        n = rng.randint(0, 6)
        s = "".join(chr(rng.choice([rng.randint(0, 0x7f), rng.randint(0x80, 0x2ff),
                                    rng.randint(0x300, 0xffff), rng.randint(0x10000, 0x10ffff)]))
                    for _ in range(n))
        s = s.encode("utf-8", "replace").decode("utf-8") if any(0xd800 <= ord(c) < 0xe000 for c in s) else s
        lines.append("%s\t%s\t%s" % (esc(s), esc(repr(s)), esc(ascii(s))))
    return lines


HASH_SCRIPT = r"""
import sys
for line in sys.stdin.read().split("\n"):
    if not line:
        continue
    kind, text = line.split("\t")
    v = bytes.fromhex(text)
    v = v if kind == "bytes" else v.decode("utf-8")
    print(hash(v))
"""


def gen_hash():
    lines = []
    ints = [0, 1, -1, -2, 2 ** 61 - 1, 2 ** 61, -(2 ** 61), 2 ** 61 - 2, -(2 ** 61 - 2), 2 ** 63 - 1, -(2 ** 63),
            2 ** 64, -(2 ** 64) - 5, 10 ** 100, -(10 ** 100)]
    ints += [rng.randint(-2 ** rng.randint(1, 300), 2 ** rng.randint(1, 300)) for _ in range(200)]
    for v in ints:
        lines.append("int\t%d\t%d" % (v, hash(v)))
    for _ in range(300):
        x = random_float()
        if x == x:
            lines.append("float\t%s\t%d" % (bits(x), hash(x)))
    for _ in range(100):
        t = tuple(rng.choice([random_int(), rng.randint(-3, 3)]) for _ in range(rng.randint(0, 5)))
        lines.append("tuple\t%s\t%d" % (",".join(map(str, t)), hash(t)))
    texts = ["", "a", "abc", "héllo", "é", "€", "日本語", "😀", "a😀", "x" * 100, "\x00", "ÿ", "\u0100"]
    for _ in range(40):
        pool = rng.choice(["abc", "abcéÿ", "aé€日", "a€😀\U0010ffff"])
        texts.append("".join(rng.choice(pool) for _ in range(rng.randint(1, 20))))
    items = [("str", t.encode("utf-8").hex()) for t in texts]
    items += [("bytes", bytes(rng.getrandbits(8) for _ in range(n)).hex()) for n in [0, 1, 3, 7, 8, 9, 15, 16, 17, 64]]
    stdin = "\n".join("%s\t%s" % it for it in items) + "\n"
    for seed in ["0", "1", "42", "12345", "4294967295"]:
        env = dict(os.environ, PYTHONHASHSEED=seed)
        out = subprocess.run([sys.executable, "-c", HASH_SCRIPT], input=stdin, env=env,
                             capture_output=True, text=True, check=True).stdout.split()
        for (kind, text), h in zip(items, out):
            lines.append("%s\t%s\t%s\t%s" % (kind, seed, text, h))
    return lines


def write(name, lines):
    with open(name, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    write("float_repr.txt", gen_float_repr())
    write("format_cases.txt", gen_format())
    write("percent_cases.txt", gen_percent())
    write("parse_cases.txt", gen_parse())
    write("repr_cases.txt", gen_repr())
    write("hash_cases.txt", gen_hash())
