# Loops whose header sees unbound locals: an inlined comprehension's saved variable (NULL on
# the stack), names bound only after the loop, `del` inside the loop, and a read of a
# deleted name raising UnboundLocalError mid-loop (exact message and traceback position).


def comprehension(n):
    data = [(i * 7919) % 1009 for i in range(n)]
    total = sum(data)
    later = total % 7
    return len(data), total, later


def comprehension_shadows(n):
    i = "outer"
    squares = [i * i for i in range(n)]
    return i, squares[-1]


def bound_after(n):
    acc = 0
    for k in range(n):
        acc += k * 3
    after = acc // 2
    return after


def del_in_loop(n):
    acc = 0
    for k in range(n):
        tmp = k * 2
        acc += tmp
        del tmp
    return acc


def read_deleted(n):
    acc = 0
    tmp = 0
    for k in range(n):
        if k == n - 3:
            del tmp
        acc += tmp
        tmp = k
    return acc


def conditional_bind(n):
    hits = 0
    for k in range(n):
        if k > n // 2:
            last = k
            hits += 1
    return hits, last


print(comprehension(3000))
print(comprehension_shadows(2000))
print(bound_after(2500))
print(del_in_loop(2500))
print(conditional_bind(2000))
for n in (50, 2000):
    try:
        print(read_deleted(n))
    except UnboundLocalError as e:
        print(type(e).__name__, e)
nested = [[j * k for j in range(40)] for k in range(60)]
print(sum(map(sum, nested)))
print(read_deleted(3000))
