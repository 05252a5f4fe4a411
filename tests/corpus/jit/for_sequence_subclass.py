# for over list/tuple subclasses in a hot loop: traced through the generic iterator path,
# mixed with exact lists at the same loop, including a subclass with its own __iter__.
class L(list):
    pass


class T(tuple):
    pass


class Rev(list):
    def __iter__(self):
        return iter(list(reversed(self)))


def total(xs):
    s = 0
    for x in xs:
        s = s * 3 % 1000003 + x
    return s


data = list(range(3000))
for xs in (L(data), T(data), data, L(data), Rev(data), T(data[:10])):
    print(type(xs).__name__, total(xs))
