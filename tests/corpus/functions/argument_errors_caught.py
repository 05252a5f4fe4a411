# Messages of TypeError for wrong argument counts, missing and unexpected arguments.
def two(a, b):
    return a + b
def opt(a, b=1, c=2):
    return a
def kw(*, x, y):
    return x
class K:
    def m(self, a):
        return a
calls = [
    lambda: two(1),
    lambda: two(1, 2, 3),
    lambda: two(),
    lambda: two(1, c=3),
    lambda: two(1, a=1),
    lambda: opt(),
    lambda: opt(1, 2, 3, 4),
    lambda: kw(),
    lambda: kw(x=1),
    lambda: kw(1, 2),
    lambda: K().m(),
    lambda: K().m(1, 2),
    lambda: K.m(1),
    lambda: (lambda: 0)(1),
    lambda: len(),
    lambda: len(1, 2),
    lambda: abs(x=1),
    lambda: int('1', 10, 2),
]
for c in calls:
    try:
        c()
        print('no error')
    except TypeError as e:
        print(e)
