# Guards that fail inside inlined calls become hot: side traces start inside the callee's
# virtual frame (and exits from them rebuild the frames again).


def clamp(x, low=0, high=1000):
    if x < low:
        return low
    if x > high:
        return high
    return x


def classify(n):
    if n % 3 == 0:
        return helper(n) * 2
    return helper(n) + 1


def helper(n):
    if n % 5 == 0:
        return -n
    return n


def run():
    acc = 0
    total = 0
    for i in range(6000):
        acc = clamp((acc * 7 + i) % 2500 - 200, high=1500)
        total += classify(i) + acc
    return acc, total


print(run())


def raising(n):
    if n > 5990:
        return 10 // (n - 5995)
    return n


def late_error():
    t = 0
    for i in range(6000):
        t += clamp(raising(i), high=4000)
    return t


try:
    print(late_error())
except ZeroDivisionError as e:
    tb = e.__traceback__
    while tb is not None:
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno)
        tb = tb.tb_next
