# telco: billing of generated phone calls with `decimal`, as telephone companies do it:
# per-second rates multiplied by durations, prices quantized to cents with banker's rounding,
# tax computed on each price and truncated, running totals; a second pass under a
# `localcontext` with a short precision and ROUND_HALF_UP. Imports: decimal.

from _scale import scaled

from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, getcontext, localcontext


def calls(count):
    """(duration in seconds, is-distance-call) pairs from a fixed xorshift32 stream."""
    state = 2463534242
    out = []
    for _ in range(count):
        state ^= (state << 13) & 0xFFFFFFFF
        state ^= state >> 17
        state ^= (state << 5) & 0xFFFFFFFF
        out.append((state % 7200 + 1, state & 0x400 != 0))
    return out


def bill(records):
    getcontext().rounding = ROUND_DOWN
    local_rate = Decimal("0.0013")
    distance_rate = Decimal("0.00894")
    basic_tax_rate = Decimal("0.0675")
    distance_tax_rate = Decimal("0.0341")
    cent = Decimal("0.01")
    total_price = Decimal(0)
    total_basic = Decimal(0)
    total_distance = Decimal(0)
    for seconds, distance in records:
        n = Decimal(seconds)
        if distance:
            price = (n * distance_rate).quantize(cent, rounding=ROUND_HALF_EVEN)
            tax = (price * distance_tax_rate).quantize(cent)
            total_distance += tax
        else:
            price = (n * local_rate).quantize(cent, rounding=ROUND_HALF_EVEN)
            tax = Decimal(0)
        basic = (price * basic_tax_rate).quantize(cent)
        total_basic += basic
        total_price += price + basic + tax
    return total_price, total_basic, total_distance


def averages(records):
    with localcontext() as ctx:
        ctx.prec = 12
        ctx.rounding = ROUND_HALF_UP
        acc = Decimal(0)
        for seconds, _ in records:
            acc += Decimal(seconds) / 60
        return acc / len(records), acc.sqrt()


def main(rounds, count):
    records = calls(count)
    for _ in range(rounds):
        total_price, total_basic, total_distance = bill(records)
    mean, root = averages(records)
    print("total %s basic %s distance %s" % (total_price, total_basic, total_distance))
    print("mean minutes %s sqrt %s" % (mean, root))
    print("formatted {:,.2f} {:>14}".format(total_price, str(total_basic)))


main(20, scaled(20000))
