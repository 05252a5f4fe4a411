# Inner loops run natively from an outer trace while what the inner tree assumed changes
# under it: a global function rebound mid-run, a class attribute changed, a global only the
# inner loop writes, a method replaced, and the inner loop's tree replaced by a new one.
G = 0


def scale(x):
    return x * 2


def uses_global_function(n, m):
    global scale
    total = 0
    for i in range(n):
        for j in range(m):
            total += scale(j)
        if i == n // 2:
            scale = lambda x: x * 3
    return total


print(uses_global_function(1200, 4))


def writes_global(n, m):
    global G
    for i in range(n):
        for j in range(m):
            G += j
    return G


print(writes_global(900, 3), G)


class Box:
    factor = 1

    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v * self.factor


def class_attr(n):
    boxes = [Box(i) for i in range(6)]
    total = 0
    for i in range(n):
        for b in boxes:
            total += b.get()
        if i == n // 3:
            Box.factor = 5
        if i == 2 * n // 3:
            Box.get = lambda self: -self.v
    return total


print(class_attr(900))


def type_switch(n):
    # The inner items change type for good half-way: the inner tree keeps failing and
    # gets replaced.
    items = [1, 2, 3, 4]
    total = 0
    for i in range(n):
        if i == n // 2:
            items = [1.5, 2.5, 3.5, 4.5]
        for x in items:
            total += x
    return total


print(type_switch(3000))


def three_levels(n):
    total = 0
    for i in range(n):
        for j in range(i % 4):
            for k in (1, 2, 3)[: j + 1]:
                total += i * k - j
        if i == n // 2:
            total = total * 1.0
    return total


print(three_levels(700))


def while_inner(n):
    total = 0
    for i in range(n):
        k = i % 7
        while k > 0:
            total += k
            k -= 2
        while False:
            total = -1
    return total, k


print(while_inner(1000))
