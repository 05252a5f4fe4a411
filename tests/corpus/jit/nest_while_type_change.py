# An inner `while` loop whose carried int turns into a float in some outer rounds: the inner
# loop's trace then leaves at its own header. The nest driver must hand that iteration to the
# interpreter (it once re-entered the inner trace from a continuation at the header forever).


def halves(rounds):
    out = []
    for r in range(rounds):
        x = r
        n = 0
        while n < 6:
            if x % 3 == 0:
                x = x + 1
            elif r % 7 == 0:
                x = x * 0.5
            else:
                x = x + 2
            n += 1
        out.append(x)
    return out


def to_str(rounds):
    out = []
    for r in range(rounds):
        x = r
        n = 0
        while n < 4:
            if isinstance(x, str):
                x = x + "!"
            elif r % 5 == 4 and n == 1:
                x = str(x)
            else:
                x = x + 3
            n += 1
        out.append(x)
    return out


def big(rounds):
    total = 0
    for r in range(rounds):
        x = r
        while x < 10**6:
            x = x * 7 + 1 if r % 9 else x * 2**70 + 1
        total += x % 1000003
    return total


print(halves(60))
print(to_str(30))
print(big(40))
