# pidigits: the first digits of pi from an unbounded spigot (Gibbons' streaming algorithm) --
# big-integer multiply, add and floor division on ever-growing ints, driven by a generator.
# Prints the first and last group of digits and checksums of all of them.

from _scale import sized


def pi_digits():
    # State of the linear fractional transformation (q r / 0 t), plus the term counter k.
    q, r, t, k = 1, 0, 1, 1
    while True:
        # The next digit is settled once floor((3q + r) / t) == floor((4q + r) / t).
        digit = (3 * q + r) // t
        if (4 * q + r) // t == digit:
            yield digit
            q, r = 10 * q, 10 * (r - digit * t)
        else:
            l = 2 * k + 1
            q, r, t = q * k, (2 * q + r) * l, t * l
            k += 1


def main(count):
    digits = []
    for d in pi_digits():
        digits.append(d)
        if len(digits) == count:
            break
    text = "".join(map(str, digits))
    print(text[:50])
    print(text[-50:])
    checksum = 0
    for d in digits:
        checksum = (checksum * 10 + d) % 1000000007
    print(sum(digits), checksum)


main(sized(5000, 1000))
