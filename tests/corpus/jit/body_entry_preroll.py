# Side traces of exits in the root's pre-roll (its peeled first iteration) that enter
# the loop body: the pre-roll's later instructions never ran on that path. Type changes,
# big ints, exceptions, invariants changed on the side path and range loops must stay
# exact.


def collatz(limit):
    total = 0
    for start in range(1, limit):
        x = start
        while x != 1:
            if x % 2 == 0:
                x //= 2
            else:
                x = 3 * x + 1
            total += 1
    return total


def collatz_big(starts):
    # 3x+1 leaves the machine range half-way on some paths.
    out = []
    for start in starts:
        x = start
        steps = 0
        while x != 1:
            if x % 2 == 0:
                x //= 2
            else:
                x = 3 * x + 1
            steps += 1
        out.append(steps)
    return out


def becomes_float(rounds):
    # The branch taken in the first iteration sometimes turns x into a float.
    out = []
    for r in range(rounds):
        x = r
        n = 0
        while n < 6:
            if x % 3 == 0:
                x = x + 1
            elif r % 7 == 0:
                x = x / 2
            else:
                x = x + 2
            n += 1
        out.append(x)
    return out


def raises_midway(rounds):
    # The side path divides by a value that reaches zero in one round.
    total = 0
    try:
        for r in range(rounds):
            x = r + 5
            while x > 0:
                if x % 2 == 0:
                    x -= 1
                else:
                    total += 100 // (x - r + 40 - 45 + 3 - 3) if r == 60 else x
                    x -= 3
        return total
    except ZeroDivisionError as e:
        return type(e).__name__, str(e), total


class Box:
    def __init__(self, step):
        self.step = step


def invariant_changed(rounds):
    # The side path changes the attribute the pre-roll loaded once.
    b = Box(1)
    total = 0
    for r in range(rounds):
        x = r
        while x > 0:
            if x % 2 == 0:
                x -= b.step
            else:
                if r % 50 == 0:
                    b.step = b.step % 3 + 1
                x -= 1
            total += x
    return total, b.step


def range_loop(rounds):
    # A range position kept in the slot array (stored by the pre-roll before its exit).
    total = 0
    for r in range(rounds):
        for i in range(r % 9):
            if (i + r) % 2 == 0:
                total += i
            else:
                total -= 1
    return total


def objects_replaced(rounds):
    # The carried value is an int on most rounds and a str on one.
    out = 0
    for r in range(rounds):
        x = r if r != 77 else "s"
        n = 0
        while n < 3:
            if isinstance(x, str):
                x = len(x) * 10
            elif x % 2 == 0:
                x += 3
            else:
                x += 1
            n += 1
        out += x
    return out


print(collatz(2000))
print(collatz_big([27, 97, 871, 2**62 + 1, 2**63 - 1, 3**40, 77031]))
print(becomes_float(120))
print(raises_midway(120))
print(invariant_changed(300))
print(range_loop(500))
print(objects_replaced(200))
