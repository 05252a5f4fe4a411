# float: creates many small objects holding floats computed with math.sin/cos, normalises them
# (float arithmetic, math.sqrt, attribute stores) and reduces them with a running maximum.
# Imports: math.

from _scale import scaled

import math


class Point:
    def __init__(self, i):
        self.x = x = math.sin(i)
        self.y = math.cos(i) * 3
        self.z = (x * x) / 2

    def normalize(self):
        norm = math.sqrt(self.x * self.x + self.y * self.y + self.z * self.z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        if other.x > self.x:
            self.x = other.x
        if other.y > self.y:
            self.y = other.y
        if other.z > self.z:
            self.z = other.z
        return self


def run(count):
    points = [Point(i) for i in range(count)]
    for p in points:
        p.normalize()
    best = points[0]
    for p in points[1:]:
        best = best.maximize(p)
    return best


def main(rounds, count):
    sx = sy = sz = 0.0
    for r in range(rounds):
        best = run(count + r)
        sx += best.x
        sy += best.y
        sz += best.z
    print("%.9f %.9f %.9f" % (best.x, best.y, best.z))
    print("%.9f %.9f %.9f" % (sx, sy, sz))


main(10, scaled(100000))
