# loop_float: a hot float loop (float add/mul/div, int->float mixing, comparisons).
# Meant as a JIT target: numerical integration and a logistic-map iteration in plain loops.

from _scale import scaled


def integrate(n):
    # Midpoint rule for the integral of 4 / (1 + x*x) over [0, 1] (= pi).
    h = 1.0 / n
    total = 0.0
    for i in range(n):
        x = (i + 0.5) * h
        total += 4.0 / (1.0 + x * x)
    return total * h


def logistic(n):
    x = 0.25
    r = 3.7
    above = 0
    for _ in range(n):
        x = r * x * (1.0 - x)
        if x > 0.5:
            above += 1
    return above, x


def main():
    print("%.10f" % integrate(scaled(6000000)))
    above, x = logistic(scaled(6000000))
    print(above)
    print("%.6f" % x)


main()
