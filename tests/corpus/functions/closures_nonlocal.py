# Closures capturing variables, nonlocal rebinding, late binding in loops.
def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(10), c2())
def make_adders():
    return [lambda x: x + i for i in range(3)]
print([f(10) for f in make_adders()])
def make_adders_bound():
    return [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in make_adders_bound()])
def outer():
    x = 'outer'
    def middle():
        def inner():
            nonlocal x
            x = 'changed by inner'
        inner()
        return x
    r = middle()
    return r, x
print(outer())
def accumulator():
    items = []
    def add(v):
        items.append(v)
        return list(items)
    return add
acc = accumulator()
acc(1)
print(acc(2))
def cell_after_def():
    def get():
        return val
    val = 42
    return get()
print(cell_after_def())
def shadow():
    x = 1
    def f():
        x = 2
        return x
    return f(), x
print(shadow())
print(c1.__closure__ is not None, len(make_counter().__closure__))
